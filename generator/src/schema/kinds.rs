//! Kinds: an enum has members and no properties (or its page says it is one); otherwise a
//! type is an entity when its chain reaches the key root (see [`super::keys`]) or holds an
//! addressable type, and a complex type if not. Docs without a key root (no `entity` page):
//! a chain whose root declares `id` has a key, so it is an entity too.

use super::bases::Bases;
use super::index::TypeIndex;
use super::model::Kind;
use crate::facts::KindHint;

/// The kind of every type of the index, by id.
pub(super) fn kinds(
    index: &TypeIndex<'_>,
    bases: &Bases,
    addressable: &[bool],
    key_root: Option<usize>,
) -> Vec<Kind> {
    (0..index.len())
        .map(|id| kind_of(index, bases, addressable, key_root, id))
        .collect()
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
