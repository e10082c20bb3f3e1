//! The schema's types, made from the index once every phase before has run.
//!
//! - A property that an ancestor declares is the ancestor's: it is dropped from the subtype.
//! - A property whose type is an entity is a navigation property, wherever it is listed; one
//!   whose description says "not nullable" (or "non-nullable", "not null.") is not nullable.
//! - A type's sources are its pages' facts, strongest evidence first (its own page leads), or
//!   where it was first mentioned.
//! - A type no page describes and nothing is known about (no properties, no members, and no
//!   subtype whose page names it as its base) is left out; the others are sorted by qualified
//!   name, case-insensitively, then as written.
//! - A type's product area is its first source page's: its own page when it has one (see
//!   [`super::index`]), not a page of another area that restates it.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::bases::Bases;
use super::index::{DraftType, TypeIndex};
use super::model::{schema_order, Kind, Property, TypeDef};
use crate::facts::PageFacts;

/// The types of the index with their resolved `bases` and `kinds`, sorted.
pub(super) fn type_defs(index: &TypeIndex<'_>, bases: &Bases, kinds: &[Kind]) -> Vec<TypeDef> {
    let inherited = inherited_names(index, bases);
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
                    set_by_config: None, // by the fixes phase
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
                members: entry.members.clone(),
                sources,
                area: None,          // from the pages, by `assign_areas`
                set_by_config: None, // by the fixes phase
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
    types.sort_by(schema_order);
    types
}

fn is_not_nullable(description: &str) -> bool {
    let lower = description.to_ascii_lowercase();
    lower.contains("not nullable") || lower.contains("non-nullable") || lower.contains("not null.")
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

/// Gives each type the product area of its first source page (its own page leads).
pub(super) fn assign_areas(types: &mut [TypeDef], pages: &[&PageFacts]) {
    let areas: HashMap<&str, &str> = pages
        .iter()
        .filter_map(|page| Some((&*page.path, page.area.as_deref()?)))
        .collect();
    for ty in types {
        ty.area = ty
            .sources
            .first()
            .and_then(|source| areas.get(&*source.file))
            .map(|area| area.to_string());
    }
}
