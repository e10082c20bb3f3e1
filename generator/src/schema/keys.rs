//! Addressable types, and the bases their keys imply.
//!
//! - A type is addressable when it has REST methods or navigation properties, or is the target
//!   of one.
//! - A type that has no base by the pages (see [`super::inheritance`]) and has a key derives
//!   from the key root: the root that declares `id` and most types name as their base (e.g.
//!   `entity`). A key is an `id` row on an addressable type, or the resource comment's
//!   `keyProperty` backed by methods or a key row; an `id` row alone is weak evidence, since
//!   complex types have ids too. An addressable type that declares no key has one all the
//!   same, so it too derives from the key root. Each such base is reported as `inferred`.

use std::collections::HashMap;

use super::bases::Bases;
use super::index::{DraftType, TypeIndex};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::facts::KindHint;

/// Types with REST methods, with navigation properties, or that navigation properties point at.
pub(super) fn addressable_types(index: &TypeIndex<'_>) -> Vec<bool> {
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
pub(super) fn infer_key_root_bases(
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
    for (id, entry) in index.entries.iter().enumerate() {
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
