//! Base types, cycles, own vs inherited properties, and kinds.
//!
//! - A type's base is its `baseType` (or "Inherits from [x]" in its prose); failing that, the
//!   most derived of the types its rows say they inherit from ("Inherited from [x]"); failing
//!   that, a type with a key derives from the key root (the root that declares `id` and most
//!   types name as their base, e.g. `entity`). A key is an `id` row on an addressable type, or
//!   the resource comment's `keyProperty` backed by methods or a key row; an `id` row alone is
//!   weak evidence, since complex types have ids too. An addressable type that declares no key
//!   has one all the same, so it too derives from the key root. Inferred bases are reported as
//!   `inferred`.
//!   A type with no base by these rules may get one from where a response says it lives
//!   (see [`super::placement`]).
//! - Order: the request paths (see [`super::request_paths`]) read the inferred bases, and the
//!   navigations they add make more types addressable. So the key-root and location bases are
//!   inferred once for the request paths to read, then again from the bases the pages give
//!   once every navigation is known; that second inference, and addressability and kinds, are
//!   what the schema keeps: a type comes out the same whether a table or only a request path
//!   shows the navigation to it.
//! - A cycle is broken at the type with the greatest name, reported with every place involved.
//! - A property that an ancestor declares is the ancestor's: it is dropped from the subtype.
//! - Kind: an enum has members and no properties; otherwise a type is an entity when its chain
//!   reaches the key root or holds an addressable type (one with REST methods, navigation
//!   properties, or that is the target of one), and a complex type if not.
//! - A property whose type is an entity is a navigation property, wherever it is listed.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::bases::Bases;
use super::index::{DraftType, TypeIndex};
use super::placement::bases_from_locations;
use super::request_paths::navigations_from_requests;
use super::restated::hoist_restated_properties;
use super::unions::type_unions;
use super::{sort_key, EnumMember, Kind, Property, TypeDef};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::facts::{KindHint, PageFacts};

pub(super) fn finish_types(
    mut index: TypeIndex<'_>,
    pages: &[&PageFacts],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<TypeDef> {
    // The bases the types' own pages give, stated or by their rows.
    let mut page_bases = resolve_base_types(&index, diagnostics);
    break_cycles(&index, &mut page_bases, diagnostics);
    // The request paths need the inferred bases and change them (see the module's order):
    // only the second inference is reported.
    let addressable = addressable_types(&index);
    let (bases, _) = infer_bases(
        &index,
        pages,
        &addressable,
        page_bases.clone(),
        &mut Vec::new(),
    );
    type_unions(&mut index, &bases, diagnostics);
    navigations_from_requests(&mut index, pages, &bases, diagnostics);
    let addressable = addressable_types(&index);
    let (bases, key_root) = infer_bases(&index, pages, &addressable, page_bases, diagnostics);
    hoist_restated_properties(&mut index, &bases, diagnostics);
    let inherited = inherited_names(&index, &bases);
    let kinds: Vec<Kind> = (0..index.len())
        .map(|id| kind_of(&index, &bases, &addressable, key_root, id))
        .collect();
    // Each type is finished on its own (reading only the index): in parallel.
    let mut types: Vec<TypeDef> = index
        .entries
        .par_iter()
        .enumerate()
        .map(|(id, entry)| {
            let properties = entry
                .properties
                .iter()
                .filter(|p| !inherited[id].contains(&p.name.to_ascii_lowercase()))
                .map(|p| Property {
                    name: p.name.clone(),
                    ty: match p.ty {
                        DraftType::Primitive(name) => name.to_string(),
                        DraftType::Type(target) => index.entries[target].qualified_name(),
                        DraftType::Enumeration => "Edm.String".to_string(),
                        DraftType::Union(_) => "Edm.Untyped".to_string(),
                    },
                    collection: p.collection,
                    nullable: !is_not_nullable(&p.description),
                    navigation: p.navigation
                        || matches!(p.ty, DraftType::Type(t) if kinds[t] == Kind::Entity),
                    description: p.description.clone(),
                    sources: p.sources.clone(),
                })
                .collect();
            let members = entry
                .members
                .iter()
                .map(|m| EnumMember {
                    name: m.name.clone(),
                    value: m.value,
                    description: m.description.clone(),
                    source: m.source.clone(),
                })
                .collect();
            let mut sources: Vec<_> = entry.facts.iter().map(|f| f.location.clone()).collect();
            if sources.is_empty() {
                sources.extend(entry.mentioned_at.clone());
            }
            // Strongest evidence first (facts are ordered so): the type's own page leads.
            let mut seen = HashSet::new();
            sources.retain(|s| seen.insert(s.clone()));
            TypeDef {
                namespace: entry.namespace.to_string(),
                name: entry.name.clone(),
                kind: kinds[id],
                base: bases.base_of(id).map(|b| index.entries[b].qualified_name()),
                is_abstract: entry.facts.iter().any(|f| f.is_abstract),
                description: entry
                    .facts
                    .iter()
                    .map(|f| f.description.as_str())
                    .find(|d| !d.is_empty())
                    .unwrap_or_default()
                    .to_string(),
                properties,
                members,
                sources,
                area: None, // from the pages, by `assign_areas`
            }
        })
        .collect();
    // A type no page describes and nothing is known about is not a type anyone documented
    // (`Untyped JSON`, `number`): properties keep the name, reported as `unknown-type`. A base
    // type is one all the same: its subtypes' pages name it as such.
    let first_subtypes = index.first_subtypes();
    let mut kept = index
        .entries
        .iter()
        .zip(&first_subtypes)
        .map(|(e, subtype)| {
            e.is_described()
                || !e.properties.is_empty()
                || !e.members.is_empty()
                || subtype.is_some()
        });
    types.retain(|_| kept.next().unwrap_or(true));
    // A key per type, built once rather than twice per comparison.
    types.sort_by_cached_key(|ty| {
        let name = ty.qualified_name();
        (sort_key(&name).0, name)
    });
    types
}

/// `bases` with those the key and the responses' locations imply for types that have none
/// (see the module rules), and the key root.
fn infer_bases(
    index: &TypeIndex<'_>,
    pages: &[&PageFacts],
    addressable: &[bool],
    mut bases: Bases,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Bases, Option<usize>) {
    let key_root = infer_key_root_bases(index, &mut bases, addressable, diagnostics);
    bases_from_locations(index, pages, &mut bases, diagnostics);
    (bases, key_root)
}

fn is_not_nullable(description: &str) -> bool {
    let lower = description.to_ascii_lowercase();
    lower.contains("not nullable") || lower.contains("non-nullable") || lower.contains("not null.")
}

/// Stated bases, then bases inferred from "Inherited from" cells (two passes, so an inferred
/// base can build on another inferred base).
pub(super) fn resolve_base_types(
    index: &TypeIndex<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Bases {
    let mut bases = Bases::new(
        index
            .entries
            .iter()
            .map(|e| e.stated_base.as_ref().map(|(b, _)| *b))
            .collect(),
    );
    let needs_inference: Vec<usize> = (0..index.len())
        .filter(|&id| bases.base_of(id).is_none() && !index.entries[id].inherited_from.is_empty())
        .collect();
    for _ in 0..2 {
        for &id in &needs_inference {
            let candidates = &index.entries[id].inherited_from;
            // Most derived first; among equals, the first one mentioned.
            let best = candidates
                .iter()
                .copied()
                .filter(|&c| c != id)
                .enumerate()
                .max_by_key(|&(position, c)| (bases.depth(c, id), std::cmp::Reverse(position)))
                .map(|(_, c)| c);
            bases.set(id, best);
        }
    }
    for &id in &needs_inference {
        if let (Some(base), Some(at)) = (bases.base_of(id), index.entries[id].first_location()) {
            diagnostics.push(Diagnostic::note(
                DiagnosticKind::Inferred,
                at.clone(),
                format!(
                    "`{}` states no base type; its rows say they are inherited from `{}`, taken as its base",
                    index.entries[id].qualified_name(),
                    index.entries[base].qualified_name()
                ),
            ));
        }
    }
    bases
}

fn break_cycles(index: &TypeIndex<'_>, bases: &mut Bases, diagnostics: &mut Vec<Diagnostic>) {
    let mut order: Vec<usize> = (0..index.len()).collect();
    order.sort_by(|&a, &b| index.entries[a].key.cmp(&index.entries[b].key));
    // 0: not seen, 1: on the current path, 2: done.
    let mut state = vec![0u8; index.len()];
    for start in order {
        let mut path = Vec::new();
        let mut current = Some(start);
        while let Some(id) = current {
            match state[id] {
                2 => break,
                1 => {
                    let cycle: Vec<usize> =
                        path[path.iter().position(|&p| p == id).unwrap_or(0)..].to_vec();
                    let Some(&breaker) = cycle.iter().max_by_key(|&&c| &index.entries[c].key)
                    else {
                        break;
                    };
                    let names: Vec<String> = cycle
                        .iter()
                        .map(|&c| index.entries[c].qualified_name())
                        .collect();
                    let mut diagnostic = Diagnostic::new(
                        crate::diagnostic::Severity::Error,
                        DiagnosticKind::InheritanceCycle,
                        index.entries[breaker].first_location().cloned(),
                        format!(
                            "inheritance cycle {} -> {}; `{}` is given no base type",
                            names.join(" -> "),
                            names[0],
                            index.entries[breaker].qualified_name()
                        ),
                    );
                    for &c in &cycle {
                        if let Some((_, at)) = &index.entries[c].stated_base {
                            diagnostic = diagnostic.with_related(
                                at.clone(),
                                format!("base of `{}`", index.entries[c].qualified_name()),
                            );
                        }
                    }
                    diagnostics.push(diagnostic);
                    bases.set(breaker, None);
                    break;
                }
                _ => {
                    state[id] = 1;
                    path.push(id);
                    current = bases.base_of(id);
                }
            }
        }
        for id in path {
            state[id] = 2;
        }
    }
}

/// For each type, the lower-cased names of the properties its ancestors declare.
fn inherited_names(index: &TypeIndex<'_>, bases: &Bases) -> Vec<HashSet<String>> {
    let mut memo: Vec<Option<HashSet<String>>> = vec![None; index.len()];
    for id in 0..index.len() {
        // Walk up to the first ancestor already known, then fill in downwards.
        let mut chain = vec![id];
        while let Some(base) = bases.base_of(*chain.last().unwrap_or(&id)) {
            if memo[base].is_some() || chain.contains(&base) {
                break;
            }
            chain.push(base);
        }
        for &member in chain.iter().rev() {
            if memo[member].is_some() {
                continue;
            }
            let names = match bases.base_of(member) {
                Some(base) => {
                    let mut names = memo[base].clone().unwrap_or_default();
                    names.extend(
                        index.entries[base]
                            .properties
                            .iter()
                            .map(|p| p.name.to_ascii_lowercase()),
                    );
                    names
                }
                None => HashSet::new(),
            };
            memo[member] = Some(names);
        }
    }
    memo.into_iter().map(Option::unwrap_or_default).collect()
}

fn kind_of(
    index: &TypeIndex<'_>,
    bases: &Bases,
    addressable: &[bool],
    key_root: Option<usize>,
    id: usize,
) -> Kind {
    let entry = &index.entries[id];
    if entry.kind_hint(KindHint::Enum) || (!entry.members.is_empty() && entry.properties.is_empty())
    {
        return Kind::Enum;
    }
    let chain: Vec<usize> = bases.ancestors(id).collect();
    let root = *chain.last().unwrap_or(&id);
    let reaches_key_root = key_root.is_some_and(|k| chain.contains(&k));
    // Docs without a key root (no `entity` page): a root that declares `id` has a key.
    let keyed_root = key_root.is_none() && index.entries[root].declares("id");
    if reaches_key_root || keyed_root || chain.iter().any(|&t| addressable[t]) {
        Kind::Entity
    } else {
        Kind::Complex
    }
}

/// Types with REST methods, with navigation properties, or that navigation properties point at.
fn addressable_types(index: &TypeIndex<'_>) -> Vec<bool> {
    let mut addressable: Vec<bool> = index
        .entries
        .iter()
        .map(|e| e.kind_hint(KindHint::Addressable) || e.properties.iter().any(|p| p.navigation))
        .collect();
    for entry in &index.entries {
        for property in entry.properties.iter().filter(|p| p.navigation) {
            if let DraftType::Type(target) = property.ty {
                addressable[target] = true;
            }
        }
    }
    addressable
}

/// Bases for types with an `id` that state none (see the module rule). Returns the key root.
fn infer_key_root_bases(
    index: &TypeIndex<'_>,
    bases: &mut Bases,
    addressable: &[bool],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let mut subtypes: HashMap<usize, usize> = HashMap::new();
    for base in bases.iter().flatten() {
        *subtypes.entry(base).or_default() += 1;
    }
    // The root that most types name as their base; ties: fewest properties, then name.
    let key_root = subtypes
        .iter()
        .filter(|&(&c, _)| bases.base_of(c).is_none() && index.entries[c].declares("id"))
        .min_by_key(|&(&c, &count)| {
            (
                std::cmp::Reverse(count),
                index.entries[c].properties.len(),
                &index.entries[c].key,
            )
        })
        .map(|(&c, _)| c)?;
    for id in 0..index.len() {
        let entry = &index.entries[id];
        // A resource comment's key, backed by the type's methods or its key row (templates
        // copy the comment onto complex types too).
        let keyed_like_root = entry.key_property().is_some_and(|key| {
            index.entries[key_root].declares(key) && (addressable[id] || entry.declares(key))
        });
        // An addressable type has a key; one that declares none inherits it.
        let keyless_addressable = addressable[id] && entry.key_property().is_none();
        if bases.base_of(id).is_some()
            || id == key_root
            || !(keyed_like_root || addressable[id] && entry.declares("id") || keyless_addressable)
        {
            continue;
        }
        bases.set(id, Some(key_root));
        if let Some(at) = entry.first_location() {
            diagnostics.push(Diagnostic::note(
                DiagnosticKind::Inferred,
                at.clone(),
                format!(
                    "`{}` states no base type; it has a key (an `id` or `keyProperty`, or methods or relationships that address it), so it is taken to derive from the key root `{}`",
                    entry.qualified_name(),
                    index.entries[key_root].qualified_name()
                ),
            ));
        }
    }
    Some(key_root)
}
