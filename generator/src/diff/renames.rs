//! Possible renames, marked and never assumed: on one type, a property removed and one added
//! with the same type (collection-ness and navigation flag included), when that pairing is the
//! only one of its type; and a type removed and one added of the same name in another
//! namespace (a move), or of the same kind with the same property or member names. Both changes
//! stay in the changelog as they are (a rename breaks code as a removal does); each names the
//! other.

use std::collections::BTreeMap;

use super::model::{Change, ChangeKind};
use crate::schema::Schema;

pub(super) fn mark_possible_renames(changes: &mut [Change], old: &Schema, new: &Schema) {
    mark_properties(changes);
    mark_types(changes, old, new);
}

fn is_property(kind: ChangeKind, removed: bool) -> bool {
    if removed {
        matches!(
            kind,
            ChangeKind::PropertyRemoved | ChangeKind::NavigationRemoved
        )
    } else {
        matches!(
            kind,
            ChangeKind::PropertyAdded | ChangeKind::NavigationAdded
        )
    }
}

/// Pairs the removals and additions that have the same key, when the key has exactly one of
/// each; returns (removal, addition) indexes.
fn unique_pairs<K: Ord>(
    changes: &[Change],
    key: impl Fn(&Change, bool) -> Option<K>,
) -> Vec<(usize, usize)> {
    let mut sides: BTreeMap<K, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (index, change) in changes.iter().enumerate() {
        for removed in [true, false] {
            if let Some(k) = key(change, removed) {
                let entry = sides.entry(k).or_default();
                if removed {
                    entry.0.push(index);
                } else {
                    entry.1.push(index);
                }
            }
        }
    }
    sides
        .into_values()
        .filter_map(
            |(removed, added)| match (removed.as_slice(), added.as_slice()) {
                (&[r], &[a]) => Some((r, a)),
                _ => None,
            },
        )
        .collect()
}

fn mark_properties(changes: &mut [Change]) {
    let pairs = unique_pairs(changes, |change, removed| {
        // A removal the Rust does not see (the field stays, inherited) is no rename.
        if !is_property(change.kind, removed) || (removed && !change.impact.is_breaking()) {
            return None;
        }
        let side = if removed { &change.old } else { &change.new };
        // The value is the type with its collection-ness; the kind tells navigation apart.
        let navigation = matches!(
            change.kind,
            ChangeKind::NavigationAdded | ChangeKind::NavigationRemoved
        );
        Some((
            change.qualified_type(),
            side.as_ref()?.value.clone(),
            navigation,
        ))
    });
    link(changes, &pairs, |c| c.member.clone().unwrap_or_default());
}

fn mark_types(changes: &mut [Change], old: &Schema, new: &Schema) {
    let kind_of = |removed: bool| {
        if removed {
            ChangeKind::TypeRemoved
        } else {
            ChangeKind::TypeAdded
        }
    };
    let moves = unique_pairs(changes, |change, removed| {
        (change.kind == kind_of(removed)).then(|| change.type_name.clone())
    });
    link(changes, &moves, Change::qualified_type);
    let shape = |change: &Change, removed: bool| {
        if change.kind != kind_of(removed) || change.possible_rename.is_some() {
            return None;
        }
        let schema = if removed { old } else { new };
        let ty = schema.get(&change.qualified_type())?;
        let mut names: Vec<String> = ty.properties.iter().map(|p| p.name.clone()).collect();
        names.extend(ty.members.iter().map(|m| m.name.clone()));
        (!names.is_empty()).then_some((ty.kind, names))
    };
    let renames = unique_pairs(changes, shape);
    link(changes, &renames, Change::qualified_type);
}

fn link(changes: &mut [Change], pairs: &[(usize, usize)], name: impl Fn(&Change) -> String) {
    for &(removed, added) in pairs {
        let (removed_name, added_name) = (name(&changes[removed]), name(&changes[added]));
        changes[removed].possible_rename = Some(added_name);
        changes[added].possible_rename = Some(removed_name);
    }
}
