//! Base types from where responses say their bodies live.
//!
//! A response whose `Location` header is the body's own address (the header ends with the
//! body's `id`), or a change notification whose `resourceUrl` ends with its data's `id`, shows
//! that object inside a collection: a `playPromptOperation` body at
//! `/communications/calls/{id}/operations/{id}` is an item of `call.operations`, a collection
//! of `commsOperation`, so a `playPromptOperation` is a `commsOperation`. The collection's
//! owner is the type of the navigation property named like the segment before the key
//! (`calls`), or failing that the type named like it in the singular (`call`); it must be one
//! type. Only a type that has no base by any other rule gets one this way, reported as
//! `inferred`.

use std::collections::{BTreeSet, HashMap};

use super::bases::Bases;
use super::index::{DraftType, TypeIndex};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::doc_text::singular;
use crate::facts::{PageFacts, TypeRef};

pub(super) fn bases_from_locations(
    index: &TypeIndex<'_>,
    pages: &[&PageFacts],
    bases: &mut Bases,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let owners = CollectionOwners::new(index);
    for page in pages {
        for (example, placement) in page
            .examples
            .iter()
            .flat_map(|e| e.placements.iter().map(move |p| (e, p)))
        {
            let path = &placement.path;
            let Some((owner_segment, collection)) = collection_of_item(path) else {
                continue;
            };
            let reference = TypeRef::named(&placement.type_name);
            let Some(located) = index.resolve(&reference, &page.namespace) else {
                continue;
            };
            let Some((owner, item_type)) =
                owners.item_type(index, bases, owner_segment, collection)
            else {
                continue;
            };
            if bases.base_of(located).is_some() || bases.derives_from(item_type, located) {
                continue;
            }
            bases.set(located, Some(item_type));
            diagnostics.push(Diagnostic::note(
                DiagnosticKind::Inferred,
                example.location.clone(),
                format!(
                    "`{}` states no base type; {} ({path}) puts it in \
                     `{}.{collection}`, a collection of `{}`, so it is taken to derive from that",
                    index.entries[located].qualified_name(),
                    placement.source.describe(),
                    index.entries[owner].qualified_name(),
                    index.entries[item_type].qualified_name()
                ),
            ));
        }
    }
}

/// The segment naming the owner and the collection of the item a path addresses:
/// `/communications/calls/{id}/operations/{id}` gives (`calls`, `operations`). Keys written
/// in parentheses (`/teams('a')/channels('b')`) count as segments of their own.
fn collection_of_item(path: &str) -> Option<(&str, &str)> {
    let mut segments = Vec::new();
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        match segment.split_once('(') {
            Some((name, key)) => segments.extend([name, key]),
            None => segments.push(segment),
        }
    }
    match segments.as_slice() {
        [.., owner, _, collection, _] => Some((owner, collection)),
        _ => None,
    }
}

/// Per property name (lower-cased), the types it holds, to find a collection's owner.
struct CollectionOwners {
    by_property: HashMap<String, BTreeSet<usize>>,
}

impl CollectionOwners {
    fn new(index: &TypeIndex<'_>) -> Self {
        let mut by_property: HashMap<String, BTreeSet<usize>> = HashMap::new();
        for entry in &index.entries {
            for property in &entry.properties {
                if let DraftType::Type(target) = property.ty {
                    by_property
                        .entry(property.name.to_ascii_lowercase())
                        .or_default()
                        .insert(target);
                }
            }
        }
        CollectionOwners { by_property }
    }

    /// The one type `owner_segment` names, and the item type of its `collection`.
    fn item_type(
        &self,
        index: &TypeIndex<'_>,
        bases: &Bases,
        owner_segment: &str,
        collection: &str,
    ) -> Option<(usize, usize)> {
        let lower = owner_segment.to_ascii_lowercase();
        let owners: Vec<usize> = match self.by_property.get(&lower) {
            Some(targets) => targets.iter().copied().collect(),
            None => index.with_simple_name(&singular(&lower).0).to_vec(),
        };
        let [owner] = owners[..] else {
            return None;
        };
        bases.ancestors(owner).find_map(|ty| {
            index.entries[ty]
                .properties
                .iter()
                .filter(|p| p.collection && p.name.eq_ignore_ascii_case(collection))
                .find_map(|p| match p.ty {
                    DraftType::Type(item) => Some((owner, item)),
                    _ => None,
                })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_collection_is_the_segment_before_the_last_key() {
        assert_eq!(
            collection_of_item("/communications/calls/57da/operations/0fe0"),
            Some(("calls", "operations"))
        );
        assert_eq!(
            collection_of_item("/teams('57fb')/channels('19:4b6b')"),
            Some(("teams", "channels"))
        );
        assert_eq!(collection_of_item("/identity/b2xUserFlows/B2X_1"), None);
    }
}
