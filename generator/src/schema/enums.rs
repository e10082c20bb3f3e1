//! Enum-typed properties written without a usable enum:
//! - a named type that no page describes, with the values its property lists, becomes an enum
//!   with those members;
//! - an unnamed `Enumeration`, or a `String` whose description lists values, becomes the known
//!   enum with exactly those members (case-insensitive, any order), or else the enum that shares
//!   the most of them: at least two, and at least three quarters of the two lists together
//!   (pages often leave out `unknownFutureValue` or a newer member); ties go to the enum named
//!   like the property, else no match;
//! - an `Enumeration` that matches no enum gets an enum of its own, named `<owner><Property>`,
//!   reported as `unnamed-enum`; without values it is typed `Edm.String`, also reported.

use std::collections::HashMap;
use std::sync::Arc;

use super::index::{DraftType, TypeIndex};
use super::model::EnumMember;
use crate::diagnostic::{Diagnostic, DiagnosticKind};

pub(super) fn resolve_enum_properties(
    index: &mut TypeIndex<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    enums_from_listed_values(index, diagnostics);
    let mut by_members = members_index(index);
    let by_member = member_names_index(index);
    for owner in 0..index.len() {
        for p in 0..index.entries[owner].properties.len() {
            let property = &index.entries[owner].properties[p];
            let is_enumeration = property.ty == DraftType::Enumeration;
            let is_listed_string =
                property.ty == DraftType::Primitive("Edm.String") && !property.values.is_empty();
            if !(is_enumeration || is_listed_string) {
                continue;
            }
            let key = member_key(property.values.iter().map(String::as_str));
            let namespace = Arc::clone(&index.entries[owner].namespace);
            let found = by_members
                .get(&key)
                .and_then(|ids| {
                    ids.iter()
                        .copied()
                        .find(|&id| index.entries[id].namespace == namespace)
                        .or_else(|| ids.first().copied())
                })
                .or_else(|| closest_enum(index, &by_member, &property.values, &property.name));
            let location = property.sources[0].clone();
            let property_name = property.name.clone();
            let owner_name = index.entries[owner].qualified_name();
            let ty = match found {
                Some(id) if !property.values.is_empty() => DraftType::Type(id),
                _ if is_listed_string => continue,
                _ if property.values.is_empty() => {
                    diagnostics.push(Diagnostic::warning(
                        DiagnosticKind::UnnamedEnum,
                        location,
                        format!("`{owner_name}.{property_name}` is an Enumeration with no name and no listed values; typed as `Edm.String`"),
                    ));
                    DraftType::Primitive("Edm.String")
                }
                _ => {
                    let values = property.values.clone();
                    let derived = format!(
                        "{}{}",
                        index.entries[owner].name,
                        upper_first(&property_name)
                    );
                    let id = index.add_derived(&namespace, &derived, &location);
                    index.entries[id].members = values
                        .iter()
                        .map(|name| EnumMember::listed(name, &location))
                        .collect();
                    by_members.entry(key).or_default().push(id);
                    diagnostics.push(Diagnostic::warning(
                        DiagnosticKind::UnnamedEnum,
                        location,
                        format!(
                            "`{owner_name}.{property_name}` is an Enumeration with no name whose values match no documented enum; named it `{}`",
                            index.entries[id].qualified_name()
                        ),
                    ));
                    DraftType::Type(id)
                }
            };
            index.entries[owner].properties[p].ty = ty;
        }
    }
}

/// Named types that no page describes, but whose properties list values, become enums.
fn enums_from_listed_values(index: &mut TypeIndex<'_>, diagnostics: &mut Vec<Diagnostic>) {
    for owner in 0..index.len() {
        for p in 0..index.entries[owner].properties.len() {
            let property = &index.entries[owner].properties[p];
            let DraftType::Type(id) = property.ty else {
                continue;
            };
            let target = &index.entries[id];
            if property.values.is_empty() || target.is_described() || !target.members.is_empty() {
                continue;
            }
            let location = property.sources[0].clone();
            let members = property
                .values
                .iter()
                .map(|name| EnumMember::listed(name, &location))
                .collect();
            diagnostics.push(Diagnostic::note(
                DiagnosticKind::MissingPage,
                location,
                format!(
                    "no page describes enum `{}`; its {} members are the values listed for `{}`",
                    target.qualified_name(),
                    property.values.len(),
                    property.name
                ),
            ));
            index.entries[id].members = members;
        }
    }
}

fn members_index(index: &TypeIndex<'_>) -> HashMap<String, Vec<usize>> {
    let mut by_members: HashMap<String, Vec<usize>> = HashMap::new();
    let mut ids: Vec<usize> = (0..index.len())
        .filter(|&id| !index.entries[id].members.is_empty())
        .collect();
    ids.sort_by(|&a, &b| index.entries[a].key.cmp(&index.entries[b].key));
    for id in ids {
        let key = member_key(index.entries[id].members.iter().map(|m| m.name.as_str()));
        by_members.entry(key).or_default().push(id);
    }
    by_members
}

/// Member name (lower-cased) -> the enums that have it.
fn member_names_index(index: &TypeIndex<'_>) -> HashMap<String, Vec<usize>> {
    let mut by_member: HashMap<String, Vec<usize>> = HashMap::new();
    for (id, entry) in index.entries.iter().enumerate() {
        for member in &entry.members {
            let ids = by_member
                .entry(member.name.to_ascii_lowercase())
                .or_default();
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        }
    }
    by_member
}

fn closest_enum(
    index: &TypeIndex<'_>,
    by_member: &HashMap<String, Vec<usize>>,
    values: &[String],
    property: &str,
) -> Option<usize> {
    let mut values: Vec<String> = values.iter().map(|v| v.to_ascii_lowercase()).collect();
    values.sort();
    values.dedup();
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for value in &values {
        for &id in by_member.get(value).into_iter().flatten() {
            *shared.entry(id).or_default() += 1;
        }
    }
    let score = |id: usize, common: usize| {
        let union = values.len() + index.entries[id].members.len() - common;
        common as f64 / union as f64
    };
    let mut matches: Vec<(usize, f64)> = shared
        .into_iter()
        .filter(|&(id, common)| common >= 2 && score(id, common) >= 0.75)
        .map(|(id, common)| (id, score(id, common)))
        .collect();
    let best = matches.iter().map(|m| m.1).fold(0.0_f64, f64::max);
    matches.retain(|m| m.1 == best);
    match matches.as_slice() {
        [(id, _)] => Some(*id),
        _ => matches
            .iter()
            .map(|m| m.0)
            .find(|&id| index.entries[id].name.eq_ignore_ascii_case(property)),
    }
}

/// A member set as a key: lower-cased, sorted, deduplicated.
fn member_key<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut names: Vec<String> = names.map(str::to_ascii_lowercase).collect();
    names.sort();
    names.dedup();
    names.join("|")
}

fn upper_first(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
