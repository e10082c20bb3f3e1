//! Navigation properties that only request paths show.
//!
//! A `GET` path addresses one object when it ends with a key after a segment named like the
//! type its page returns (`/users/{id}` returning a `user`: `users` is `user` in the plural,
//! or a plural of the name's last words, as `classes` for `educationClass`); the page's other
//! paths address the same object (`/me`). A `GET` path that goes one segment further, to a
//! segment no table lists (`/me/chats/{id}` returning a `chat`), names a navigation property
//! of that object's type: `user.chats`, a collection of `chat` (a collection when a key
//! follows or the response is one). Pages titled "type: name" document a function or
//! action, not a navigation. Each property taken this way is reported as `inferred`.

use std::collections::{HashMap, HashSet};

use super::index::{DraftType, PropertyDraft, TypeIndex};
use super::inheritance::chain_of;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::facts::{singular, PageFacts, RequestPath, Requests, TypeRef};

pub(super) fn navigations_from_requests(
    index: &mut TypeIndex<'_>,
    pages: &[PageFacts],
    bases: &[Option<usize>],
    diagnostics: &mut Vec<Diagnostic>,
) {
    // Each page's requests with the type its response names, resolved once.
    let responses: Vec<(&Requests, usize)> = pages
        .iter()
        .filter_map(|page| {
            let requests = page.requests.as_ref()?;
            let reference = TypeRef::named(&requests.response_type);
            Some((requests, index.resolve(&reference, &page.namespace)?))
        })
        .collect();
    let addressed = addressed_types(index, &responses);
    let mut added: HashSet<(usize, String)> = HashSet::new();
    for &(requests, target) in &responses {
        for path in &requests.paths {
            let (name, owner_segments, collection) = match path.segments.as_slice() {
                [owner @ .., Some(name), None] => (name, owner, true),
                [owner @ .., Some(name)] => (name, owner, requests.response_is_collection),
                _ => continue,
            };
            let is_operation = requests
                .operation
                .as_ref()
                .is_some_and(|op| op.eq_ignore_ascii_case(name));
            if owner_segments.is_empty() || is_operation || !crate::facts::is_property_name(name) {
                continue;
            }
            let Some(&Some(owner)) = addressed.get(&path_key(owner_segments)) else {
                continue;
            };
            let has_it = chain_of(bases, owner).iter().any(|&id| {
                index.entries[id]
                    .properties
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(name))
            });
            if has_it || !added.insert((owner, name.to_ascii_lowercase())) {
                continue;
            }
            let owner_name = &index.entries[owner].name;
            diagnostics.push(Diagnostic::note(
                DiagnosticKind::Inferred,
                path.location.clone(),
                format!(
                    "no table lists `{owner_name}.{name}`; this request reads it from a `{owner_name}`, so it is taken as a navigation property: {}`{}`",
                    if collection { "a collection of " } else { "" },
                    index.entries[target].qualified_name(),
                ),
            ));
            index.entries[owner].properties.push(PropertyDraft {
                name: name.clone(),
                ty: DraftType::Type(target),
                collection,
                navigation: true,
                description: String::new(),
                values: Vec::new(),
                sources: vec![path.location.clone()],
            });
        }
    }
}

/// Normalized path (lower case, keys as `{}`) -> the one type it addresses; `None` when pages
/// disagree.
fn addressed_types(
    index: &TypeIndex<'_>,
    responses: &[(&Requests, usize)],
) -> HashMap<String, Option<usize>> {
    let mut addressed: HashMap<String, Option<usize>> = HashMap::new();
    for &(requests, id) in responses {
        if requests.response_is_collection {
            continue;
        }
        let names_the_type = |path: &&RequestPath| match path.segments.as_slice() {
            [.., Some(set), None] => names_type(set, &index.entries[id].name),
            _ => false,
        };
        if !requests.paths.iter().any(|p| names_the_type(&p)) {
            continue;
        }
        for path in &requests.paths {
            if matches!(path.segments.as_slice(), [.., None] | [Some(_)]) {
                let slot = addressed
                    .entry(path_key(&path.segments))
                    .or_insert(Some(id));
                if *slot != Some(id) {
                    *slot = None;
                }
            }
        }
    }
    addressed
}

fn path_key(segments: &[Option<String>]) -> String {
    let mut key = String::new();
    for segment in segments {
        key.push('/');
        match segment {
            Some(name) => key.push_str(&name.to_ascii_lowercase()),
            None => key.push_str("{}"),
        }
    }
    key
}

/// Whether an entity-set segment names a type: the type's name, or its last words, singular
/// or plural (`users` for `user`, `classes` for `educationClass`, `policies` for `xPolicy`).
fn names_type(segment: &str, type_name: &str) -> bool {
    let segment = segment.to_ascii_lowercase();
    let (singular, _) = singular(&segment);
    let name = type_name.to_ascii_lowercase();
    type_name
        .char_indices()
        .filter(|&(at, c)| at == 0 || c.is_ascii_uppercase())
        .any(|(at, _)| name[at..] == segment || name[at..] == singular)
}

#[cfg(test)]
mod tests {
    use super::names_type;

    #[test]
    fn entity_sets_name_types_by_their_last_words() {
        assert!(names_type("users", "user"));
        assert!(names_type("classes", "educationClass"));
        assert!(names_type("policies", "tokenIssuancePolicy"));
        assert!(names_type("presence", "presence"));
        assert!(!names_type(
            "organization",
            "organizationalBrandingProperties"
        ));
        assert!(!names_type("me", "user"));
    }
}
