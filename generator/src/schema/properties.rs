//! Which type declares each property, and what it is when pages disagree.
//!
//! Attribution: a property row says where it belongs. "Inherited from [x](x.md)" puts it on `x`
//! (as API-page evidence: a subtype's page is second-hand about its ancestor); any other row
//! belongs to the type its page describes.
//!
//! The merge rule, per property name (case-insensitive):
//! 1. candidates are ranked by evidence: the type's own rows on its type page, then on API
//!    pages (request-body tables; those of a type that has a type page are reported, not
//!    merged), then the rows of subtype pages that say they are inherited from it, then its
//!    JSON representation, then a list method's navigation; within a rank, the type's own page
//!    first (the one named after it, see [`super::index`]), then by page path and line. The
//!    first one is kept;
//! 2. a later candidate that is more specific refines the type only: a named type refines an
//!    `Enumeration`, or a `String` whose description lists values;
//! 3. any other difference (type or collection-ness) is a conflict: the kept candidate stays,
//!    and a `conflict` diagnostic names both places.
//!
//! The merge also keeps each enum's members, from its best page (pages that list others are
//! reported), and the base each type's pages state: the first `baseType` (another one is a
//! conflict, the type itself is ignored), replaced by the base the prose names when that one
//! derives from it; failing both, the base a base page's "Derived types" section gives. These
//! are what the pages say; the schema's bases are resolved from them later.

use std::collections::HashMap;

/// How the kept statement of a property is chosen, as a conflict's help says it.
const EVIDENCE_RANKING: &str = "evidence ranks the type's own page first, then API pages' request bodies, then subtype rows inherited from it, then its JSON representation, then a list method's navigation, then the page named after the type, then page order; correct the page that is wrong";

use super::bases::chain;
use super::index::{Candidate, DraftType, PropertyDraft, TypeIndex};
use super::model::EnumMember;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Location};
use crate::facts::{Evidence, PropertyType};

/// Fills in every entry's properties, members, stated base and inheritance hints.
pub(super) fn merge_properties(index: &mut TypeIndex<'_>, diagnostics: &mut Vec<Diagnostic>) {
    // (evidence, own row on the owner's page), so a type's own rows rank before rows of
    // subtype pages that say they inherit the property.
    let mut candidates: Vec<Vec<((Evidence, bool), Candidate<'_>)>> = Vec::new();
    let mut prose_bases: Vec<(usize, usize, Location)> = Vec::new();
    for id in 0..index.len() {
        let facts = index.entries[id].facts.clone();
        let has_type_page = facts.iter().any(|f| f.evidence == Evidence::TypePage);
        for fact in facts {
            if has_type_page && fact.evidence == Evidence::ApiPage {
                report_api_only_properties(index, id, fact, diagnostics);
                continue;
            }
            if let Some((base, at)) = &fact.base {
                let base_id = index.resolve_or_mention(base, &fact.namespace, at);
                set_stated_base(index, id, base_id, at, diagnostics);
            }
            if let Some((named, at)) = &fact.prose_base {
                match (
                    index.resolve(named, &fact.namespace),
                    index.entries[id].stated_base.clone(),
                ) {
                    (Some(named_id), _) => prose_bases.push((id, named_id, at.clone())),
                    (None, Some(stated)) => {
                        diagnostics.push(undescribed_prose_base(index, id, named, fact, stated, at))
                    }
                    // No `baseType` was kept (it named the type itself): the prose's base is
                    // the base, described or not.
                    (None, None) => {
                        let named_id = index.resolve_or_mention(named, &fact.namespace, at);
                        prose_bases.push((id, named_id, at.clone()));
                    }
                }
            }
            for property in &fact.properties {
                if property.type_guessed && !guessed_type_exists(index, property, &fact.namespace) {
                    diagnostics.push(Diagnostic::note(
                        DiagnosticKind::UnknownType,
                        property.location.clone(),
                        format!(
                            "the resource comment's `optionalProperties` lists `{}`, which no table types and after which no addressable type is named; not modelled",
                            property.name
                        ),
                    ));
                    continue;
                }
                let (target, rank) = match &property.inherited_from {
                    Some(ancestor) => {
                        let target =
                            index.resolve_or_mention(ancestor, &fact.namespace, &property.location);
                        (target, (property.evidence.min(Evidence::ApiPage), false))
                    }
                    None => (id, (property.evidence, true)),
                };
                if target != id && !index.entries[id].inherited_from.contains(&target) {
                    index.entries[id].inherited_from.push(target);
                }
                if candidates.len() <= target.max(id) {
                    candidates.resize_with(index.len(), Vec::new);
                }
                candidates[target].push((
                    rank,
                    Candidate {
                        fact: property,
                        namespace: &fact.namespace,
                    },
                ));
            }
        }
        merge_members(index, id, diagnostics);
    }
    for (id, named, at) in prose_bases {
        refine_stated_base(index, id, named, &at, diagnostics);
    }
    // A base page's "Derived types" section gives the base of types whose own pages state none.
    for id in 0..index.len() {
        let facts = index.entries[id].facts.clone();
        for fact in facts {
            for (derived, at) in &fact.derived {
                let derived_id = index.resolve_or_mention(derived, &fact.namespace, at);
                if derived_id != id && index.entries[derived_id].stated_base.is_none() {
                    set_stated_base(index, derived_id, id, at, diagnostics);
                }
            }
        }
    }
    candidates.resize_with(index.len(), Vec::new);
    for (id, mut list) in candidates.into_iter().enumerate() {
        // Stable: within one evidence level, page order is kept.
        list.sort_by_key(|(rank, _)| std::cmp::Reverse(*rank));
        // One group per property name (ignoring ASCII case), numbered in the order first met.
        let mut group_of: HashMap<IgnoringAsciiCase<'_>, usize> = HashMap::new();
        let mut grouped: Vec<(usize, Candidate<'_>)> = list
            .into_iter()
            .map(|(_, candidate)| {
                let next = group_of.len();
                let name = IgnoringAsciiCase(&candidate.fact.name);
                (*group_of.entry(name).or_insert(next), candidate)
            })
            .collect();
        // Stable: each group keeps its candidates in rank order.
        grouped.sort_by_key(|&(group, _)| group);
        let candidates: Vec<Candidate<'_>> = grouped.iter().map(|&(_, c)| c).collect();
        let mut drafts: Vec<PropertyDraft> = Vec::with_capacity(group_of.len());
        let mut start = 0;
        for group in grouped.chunk_by(|a, b| a.0 == b.0) {
            let group = &candidates[start..start + group.len()];
            start += group.len();
            drafts.push(settle(index, id, group, diagnostics));
        }
        index.entries[id].properties = drafts;
    }
}

/// A type page is the authority on its type: request-body tables of API pages often list
/// parameters, nested objects or subtype properties. What they add is reported, not merged.
fn report_api_only_properties(
    index: &TypeIndex<'_>,
    id: usize,
    api: &crate::facts::TypeFact,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let entry = &index.entries[id];
    let listed = |name: &str| {
        entry
            .facts
            .iter()
            .filter(|f| f.evidence == Evidence::TypePage)
            .any(|f| {
                f.properties
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(name))
            })
    };
    let extra: Vec<&str> = api
        .properties
        .iter()
        .filter(|p| p.inherited_from.is_none() && !listed(&p.name))
        .map(|p| p.name.as_str())
        .collect();
    if !extra.is_empty() {
        diagnostics.push(Diagnostic::note(
            DiagnosticKind::Conflict,
            api.location.clone(),
            format!(
                "request body lists {} for `{}` that its type page does not ({}); the type page is kept",
                if extra.len() == 1 { "a property" } else { "properties" },
                entry.qualified_name(),
                extra.join(", ")
            ),
        ));
    }
}

fn guessed_type_exists(
    index: &TypeIndex<'_>,
    property: &crate::facts::PropertyFact,
    namespace: &str,
) -> bool {
    match &property.ty {
        PropertyType::Named(reference) => index
            .resolve(reference, namespace)
            .is_some_and(|id| index.entries[id].kind_hint(crate::facts::KindHint::Addressable)),
        _ => true,
    }
}

fn set_stated_base(
    index: &mut TypeIndex<'_>,
    id: usize,
    base_id: usize,
    at: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if base_id == id {
        diagnostics.push(Diagnostic::warning(
            DiagnosticKind::InheritanceCycle,
            at.clone(),
            format!(
                "`{}` names itself as its base type; ignored",
                index.entries[id].qualified_name()
            ),
        ));
        return;
    }
    match &index.entries[id].stated_base {
        None => index.entries[id].stated_base = Some((base_id, at.clone())),
        Some((kept, kept_at)) if *kept != base_id => {
            diagnostics.push(
                Diagnostic::warning(
                    DiagnosticKind::Conflict,
                    at.clone(),
                    format!(
                        "base type of `{}` is `{}` here, but `{}` elsewhere; kept `{}` (stronger or earlier evidence)",
                        index.entries[id].qualified_name(),
                        index.entries[base_id].qualified_name(),
                        index.entries[*kept].qualified_name(),
                        index.entries[*kept].qualified_name(),
                    ),
                )
                .with_related(kept_at.clone(), "the base type kept"),
            );
        }
        Some(_) => {}
    }
}

/// The prose names a base no page describes beside a `baseType`: nothing says it derives from
/// the stated base (see [`refine_stated_base`]), so the `baseType` stays.
fn undescribed_prose_base(
    index: &TypeIndex<'_>,
    id: usize,
    named: &crate::facts::TypeRef,
    fact: &crate::facts::TypeFact,
    (stated, stated_at): (usize, Location),
    at: &Location,
) -> Diagnostic {
    let named = match named.name.contains('.') {
        true => named.name.clone(),
        false => format!("{}.{}", fact.namespace, named.name),
    };
    let stated = index.entries[stated].qualified_name();
    Diagnostic::warning(
        DiagnosticKind::Conflict,
        at.clone(),
        format!(
            "the prose names `{named}` as the base of `{}`, but no page describes `{named}` and `baseType` names `{stated}`; kept `{stated}`",
            index.entries[id].qualified_name()
        ),
    )
    .with_related(stated_at, "the `baseType` kept")
}

/// The prose names `named` as the base of `id`, whose `baseType` names another. A `baseType`
/// left at an ancestor (often `entity`) is less specific than the prose: if `named` derives
/// from the stated base, `named` is the base. Otherwise the two disagree, and `baseType` stays.
fn refine_stated_base(
    index: &mut TypeIndex<'_>,
    id: usize,
    named: usize,
    at: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some((stated, stated_at)) = index.entries[id].stated_base.clone() else {
        return set_stated_base(index, id, named, at, diagnostics);
    };
    if stated == named || named == id {
        return;
    }
    let stated_base_of = |ty: usize| index.entries[ty].stated_base.as_ref().map(|&(b, _)| b);
    let derives_from_stated = chain(named, stated_base_of, index.len()).any(|ty| ty == stated);
    let (type_name, stated_name, named_name) = (
        index.entries[id].qualified_name(),
        index.entries[stated].qualified_name(),
        index.entries[named].qualified_name(),
    );
    if derives_from_stated {
        diagnostics.push(
            Diagnostic::note(
                DiagnosticKind::Inferred,
                at.clone(),
                format!("the prose names `{named_name}` as the base of `{type_name}`, and `baseType` names `{stated_name}`, an ancestor of it; took the more specific `{named_name}`"),
            )
            .with_related(stated_at, "the `baseType`"),
        );
        index.entries[id].stated_base = Some((named, at.clone()));
    } else {
        diagnostics.push(
            Diagnostic::warning(
                DiagnosticKind::Conflict,
                at.clone(),
                format!("the prose names `{named_name}` as the base of `{type_name}`, but `baseType` names `{stated_name}`; kept `{stated_name}`"),
            )
            .with_related(stated_at, "the `baseType` kept"),
        );
    }
}

/// `specific` may replace `vague` without a conflict.
fn refines(vague: (&Candidate<'_>, DraftType), specific: DraftType) -> bool {
    let listed_values = !vague.0.fact.values.is_empty();
    matches!(specific, DraftType::Type(_))
        && (vague.1 == DraftType::Enumeration
            || (vague.1 == DraftType::Primitive("Edm.String") && listed_values))
}

fn settle(
    index: &mut TypeIndex<'_>,
    owner: usize,
    group: &[Candidate<'_>],
    diagnostics: &mut Vec<Diagnostic>,
) -> PropertyDraft {
    let types: Vec<(DraftType, bool)> = group
        .iter()
        .map(|candidate| {
            let fact = candidate.fact;
            let ty = index.draft_type(&fact.ty, candidate.namespace, &fact.location);
            (ty, fact.collection)
        })
        .collect();
    let mut kept = 0;
    let mut reported: Vec<(DraftType, bool)> = Vec::new();
    for (i, candidate) in group.iter().enumerate().skip(1) {
        let (kept_type, kept_collection) = types[kept];
        let (ty, collection) = types[i];
        if (ty, collection) == (kept_type, kept_collection) {
            continue;
        }
        if collection == kept_collection && refines((&group[kept], kept_type), ty) {
            kept = i;
            continue;
        }
        if collection == kept_collection && refines((candidate, ty), kept_type) {
            continue;
        }
        if reported.contains(&(ty, collection)) {
            continue;
        }
        reported.push((ty, collection));
        diagnostics.push(
            Diagnostic::warning(
                DiagnosticKind::Conflict,
                candidate.fact.location.clone(),
                format!(
                    "property `{}` of `{}` is {} here but {} elsewhere; kept {}, which has the stronger evidence",
                    candidate.fact.name,
                    index.entries[owner].qualified_name(),
                    index.describe(ty, collection),
                    index.describe(kept_type, kept_collection),
                    index.describe(kept_type, kept_collection),
                ),
            )
            .with_related(group[kept].fact.location.clone(), "the type kept")
            .with_help(EVIDENCE_RANKING),
        );
    }
    let first = &group[0].fact;
    let description = group
        .iter()
        .map(|c| c.fact.description.as_str())
        .find(|d| !d.is_empty())
        .unwrap_or_default()
        .to_string();
    let values = group
        .iter()
        .map(|c| &c.fact.values)
        .find(|v| !v.is_empty())
        .cloned()
        .unwrap_or_default();
    let mut sources: Vec<Location> = Vec::new();
    for candidate in group {
        if !sources.contains(&candidate.fact.location) {
            sources.push(candidate.fact.location.clone());
        }
    }
    PropertyDraft {
        name: first.name.clone(),
        ty: types[kept].0,
        collection: types[kept].1,
        // Listed under Properties and under Relationships: a relationship.
        navigation: group
            .iter()
            .any(|c| c.fact.navigation && c.fact.evidence == first.evidence),
        description,
        values,
        sources,
    }
}

/// An enum's members come from its best page; other pages that list different members are
/// reported.
fn merge_members(index: &mut TypeIndex<'_>, id: usize, diagnostics: &mut Vec<Diagnostic>) {
    let entry = &index.entries[id];
    let mut with_members = entry.facts.iter().filter(|f| !f.members.is_empty());
    let Some(best) = with_members.next() else {
        return;
    };
    let names = |f: &crate::facts::TypeFact| -> Vec<String> {
        f.members
            .iter()
            .map(|m| m.name.to_ascii_lowercase())
            .collect()
    };
    let best_names = names(best);
    for other in with_members {
        if names(other) != best_names {
            diagnostics.push(
                Diagnostic::note(
                    DiagnosticKind::Conflict,
                    other.location.clone(),
                    format!(
                        "enum `{}` lists other members here ({}) than at the page kept ({})",
                        entry.qualified_name(),
                        other.members.len(),
                        best.members.len()
                    ),
                )
                .with_related(best.location.clone(), "the members kept"),
            );
        }
    }
    let members = best
        .members
        .iter()
        .map(|m| EnumMember {
            name: m.name.clone(),
            value: m.value,
            description: m.description.clone(),
            source: m.location.clone(),
            set_by_config: None,
        })
        .collect();
    index.entries[id].members = members;
}

/// A name that hashes and compares ignoring ASCII case, as its lower-cased copy would, without
/// making the copy.
#[derive(Clone, Copy)]
struct IgnoringAsciiCase<'a>(&'a str);

impl PartialEq for IgnoringAsciiCase<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for IgnoringAsciiCase<'_> {}

impl std::hash::Hash for IgnoringAsciiCase<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Lower-cased a few bytes at a time: the hasher is much quicker fed words than bytes.
        for chunk in self.0.as_bytes().chunks(16) {
            let mut lower = [0u8; 16];
            lower[..chunk.len()].copy_from_slice(chunk);
            lower.make_ascii_lowercase();
            state.write(&lower[..chunk.len()]);
        }
    }
}
