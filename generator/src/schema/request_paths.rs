//! Navigation properties that only request paths show.
//!
//! A `GET` path addresses one object when it ends with a key after a segment named like the
//! type its page returns (`/users/{id}` returning a `user`: `users` is `user` in the plural,
//! or a plural of the name's last words, as `classes` for `educationClass`); the page's other
//! paths address the same object (`/me`). From there a path goes on through the properties
//! the tables list (`/me/drive/items/{id}/workbook`) and through casts to derived types
//! (`/mobileApps/{id}/microsoft.graph.mobileLobApp`). A `GET` path whose last segment no table
//! lists (`/me/chats/{id}` returning a `chat`) names a navigation property of the object
//! before it: `user.chats`, a collection of `chat` (a collection when a key follows or any
//! response is one). That object is of the type the page's file is named for when that type
//! derives from the one the path leads to.
//!
//! Not navigations: operations, whose pages are titled "type: name" or "name function", and
//! names some request calls with arguments (`range(address='A1')`). A table row that names the
//! same target a letter or two differently (`timeoffrequest`, read as `timeOffRequests`) is
//! taken to be misspelled and gets the requests' name, with a warning; each property taken
//! from requests is reported as `inferred`. A name that a request reads, or that was taken
//! from requests, is never renamed: when requests read the same target under two such names
//! (`gears` and `gearz`), each is a property of its own, with a warning naming both places.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use super::bases::Bases;
use super::index::{DraftType, PropertyDraft, TypeIndex};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::doc_text::{is_identifier, singular};
use crate::facts::{PageFacts, RequestPath, Requests, TypeRef};

pub(super) fn navigations_from_requests(
    index: &mut TypeIndex<'_>,
    pages: &[&PageFacts],
    bases: &Bases,
    diagnostics: &mut Vec<Diagnostic>,
) {
    // Each page's requests with the type its response names, resolved once.
    let responses: Vec<PageRequests> = pages
        .iter()
        .filter_map(|page| {
            let requests = page.requests.as_ref()?;
            Some(PageRequests {
                requests,
                response: index.resolve(&requests.response_type, &page.namespace)?,
                subject: page_subject(index, page),
            })
        })
        .collect();
    let addressed = addressed_types(index, &responses);
    let functions = called_functions(&responses);
    // (owner, lower-cased name) of each property added or renamed here: never renamed again.
    let mut settled = HashSet::new();
    // Each round's properties lead paths further: `/users/{id}/settings/shiftPreferences` once
    // a round has taken `user.settings`. A round that finds anything gives at least one path
    // the property it reads, for good, as nothing added or renamed here is renamed again: so
    // there are no more rounds than paths, a bound kept all the same.
    let max_rounds: usize = responses.iter().map(|page| page.requests.paths.len()).sum();
    for round in 0..=max_rounds {
        let (found, read) = unlisted_navigations(index, bases, &responses, &addressed, &functions);
        let Some(first) = found.first() else {
            return;
        };
        if round == max_rounds {
            diagnostics.push(Diagnostic::warning(
                DiagnosticKind::Conflict,
                first.path.location.clone(),
                format!(
                    "after {max_rounds} rounds, one per request path, the requests still read navigation properties no table lists (`{}.{}` and {} more); these are left out",
                    index.entries[first.owner].name,
                    first.name,
                    found.len() - 1,
                ),
            ));
            return;
        }
        for found in found {
            add_navigation(index, bases, found, &read, &mut settled, diagnostics);
        }
    }
}

/// The navigation properties that paths read and no table lists, one per owner and name; and
/// every (owner, property) a path reads, listed by a table or not.
fn unlisted_navigations<'r>(
    index: &TypeIndex<'_>,
    bases: &Bases,
    responses: &[PageRequests<'r>],
    addressed: &HashMap<String, Option<usize>>,
    functions: &HashSet<&str>,
) -> (Vec<Found<'r>>, Vec<(usize, &'r str)>) {
    let mut read: Vec<(usize, &str)> = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    let mut seen: HashMap<(usize, String), usize> = HashMap::new();
    for page in responses {
        let (requests, target) = (page.requests, page.response);
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
            if owner_segments.is_empty()
                || is_operation
                || !is_identifier(name)
                || functions.contains(name.to_ascii_lowercase().as_str())
            {
                continue;
            }
            let Some(mut owner) = owner_type(index, bases, addressed, owner_segments) else {
                continue;
            };
            // The object may be of a type derived from the one the path leads to; the page's
            // file is named for it (`userscopeteamsappinstallation-get-chat.md` reads the chat
            // of a `userScopeTeamsAppInstallation`, which `installedApps` holds as a
            // `teamsAppInstallation`).
            if let Some(subject) = page.subject {
                if bases.derives_from(subject, owner) {
                    owner = subject;
                }
            }
            read.push((owner, name));
            if property_of(index, bases, owner, name).is_some() {
                continue;
            }
            // A collection if any request says so: `/x/{id}` or a collection response.
            match seen.entry((owner, name.to_ascii_lowercase())) {
                Entry::Occupied(at) => {
                    found[*at.get()].collection |= collection;
                    continue;
                }
                Entry::Vacant(slot) => {
                    slot.insert(found.len());
                }
            }
            found.push(Found {
                owner,
                path,
                name,
                target,
                collection,
            });
        }
    }
    // A property read through a cast belongs to the cast's type, not to the type it derives
    // from, which another path of the same page may name without the cast.
    found.retain(|f| {
        !read.iter().any(|&(owner, name)| {
            owner != f.owner
                && name.eq_ignore_ascii_case(f.name)
                && bases.derives_from(owner, f.owner)
        })
    });
    (found, read)
}

/// Adds one navigation property the requests read, or renames the table row that misspells it.
/// `read` is what the requests read (see [`unlisted_navigations`]); `settled`, the properties
/// added or renamed so far.
fn add_navigation(
    index: &mut TypeIndex<'_>,
    bases: &Bases,
    found: Found<'_>,
    read: &[(usize, &str)],
    settled: &mut HashSet<(usize, String)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Found {
        owner,
        path,
        name,
        target,
        collection,
    } = found;
    let owner_name = index.entries[owner].name.clone();
    let near = index.entries[owner].properties.iter().position(|p| {
        p.navigation
            && p.ty == DraftType::Type(target)
            && p.collection == collection
            && strsim::levenshtein(&p.name.to_ascii_lowercase(), &name.to_ascii_lowercase())
                <= MISSPELLING_EDITS
    });
    // A name that the requests read, or that was taken from them, is no misspelling: the
    // requests spell the property two ways.
    let misspelled = near.filter(|&at| {
        let lower = index.entries[owner].properties[at]
            .name
            .to_ascii_lowercase();
        !settled.contains(&(owner, lower.clone()))
            && !read.iter().any(|&(reader, read_name)| {
                read_name.eq_ignore_ascii_case(&lower) && bases.derives_from(reader, owner)
            })
    });
    settled.insert((owner, name.to_ascii_lowercase()));
    if let Some(at) = misspelled {
        let property = &mut index.entries[owner].properties[at];
        diagnostics.push(
            Diagnostic::warning(
                DiagnosticKind::Conflict,
                property.sources[0].clone(),
                format!(
                    "the table lists `{owner_name}.{}`, but the requests read `{name}`; taken as `{name}`",
                    property.name,
                ),
            )
            .with_related(path.location.clone(), "the request"),
        );
        property.name = name.to_string();
        return;
    }
    let a_collection_of = if collection { "a collection of " } else { "" };
    let target_name = index.entries[target].qualified_name();
    diagnostics.push(match near {
        Some(at) => {
            let other = &index.entries[owner].properties[at];
            Diagnostic::warning(
                DiagnosticKind::Conflict,
                path.location.clone(),
                format!(
                    "the requests read both `{owner_name}.{}` and `{owner_name}.{name}`, {a_collection_of}`{target_name}`, a letter or two apart; one may be misspelled, so each is taken as a navigation property of its own",
                    other.name,
                ),
            )
            .with_related(other.sources[0].clone(), format!("`{owner_name}.{}`", other.name))
        }
        None => Diagnostic::note(
            DiagnosticKind::Inferred,
            path.location.clone(),
            format!(
                "no table lists `{owner_name}.{name}`; this request reads it from a `{owner_name}`, so it is taken as a navigation property: {a_collection_of}`{target_name}`",
            ),
        ),
    });
    index.entries[owner].properties.push(PropertyDraft {
        name: name.to_string(),
        ty: DraftType::Type(target),
        collection,
        navigation: true,
        description: String::new(),
        values: Vec::new(),
        sources: vec![path.location.clone()],
    });
}

/// An API page's requests, with the types they concern.
struct PageRequests<'r> {
    requests: &'r Requests,
    /// The type the response names.
    response: usize,
    /// The type the page's file is named for: the first word of its name
    /// (`userscopeteamsappinstallation-get-chat.md`), when a resource page has that name.
    subject: Option<usize>,
}

fn page_subject(index: &TypeIndex<'_>, page: &PageFacts) -> Option<usize> {
    let (first_word, _) = page.stem.split_once('-')?;
    index.resolve(
        &TypeRef {
            name: first_word.to_string(),
            page: Some(first_word.to_string()),
        },
        &page.namespace,
    )
}

/// How far a table's navigation name may be from the one the requests read for the same
/// target and still be taken as a misspelling of it (`timeoffrequest`, `timeOffRequests`).
const MISSPELLING_EDITS: usize = 2;

/// A navigation property that a request reads and no table lists under that name.
struct Found<'r> {
    owner: usize,
    path: &'r RequestPath,
    name: &'r str,
    target: usize,
    collection: bool,
}

/// The property `name` of `owner` or of a type it derives from.
fn property_of<'i>(
    index: &'i TypeIndex<'_>,
    bases: &Bases,
    owner: usize,
    name: &str,
) -> Option<&'i PropertyDraft> {
    bases.ancestors(owner).find_map(|id| {
        index.entries[id]
            .properties
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
    })
}

/// The type of the one object a path addresses: the longest prefix some page addresses, then
/// the properties the tables list, segment by segment (`/me/drive/items/{id}/workbook`: `me`
/// is a `user`, whose `drive` is a `drive`, whose `items` are `driveItem`s, one of which has a
/// `workbook`). A path that ends on a collection addresses no one object.
fn owner_type(
    index: &TypeIndex<'_>,
    bases: &Bases,
    addressed: &HashMap<String, Option<usize>>,
    segments: &[Option<String>],
) -> Option<usize> {
    let (key, ends) = prefix_keys(segments);
    let (start, mut current) = (1..=segments.len()).rev().find_map(|len| {
        let id = (*addressed.get(&key[..ends[len - 1]])?)?;
        Some((len, id))
    })?;
    let mut awaiting_key = false;
    for segment in &segments[start..] {
        match segment {
            None if awaiting_key => awaiting_key = false,
            // A cast (`/mobileApps/{id}/microsoft.graph.mobileLobApp`) to a type derived
            // from the current one.
            Some(name) if !awaiting_key && name.contains('.') => {
                let cast = index.resolve(&TypeRef::named(name.as_str()), "")?;
                if !bases.derives_from(cast, current) {
                    return None;
                }
                current = cast;
            }
            Some(name) if !awaiting_key => {
                let property = property_of(index, bases, current, name)?;
                let DraftType::Type(next) = property.ty else {
                    return None;
                };
                current = next;
                awaiting_key = property.collection;
            }
            _ => return None,
        }
    }
    (!awaiting_key).then_some(current)
}

/// Names that some request calls with arguments (`range(address='A1')`): functions, whose
/// other paths (`/columns/{id}/range`) read no navigation property.
fn called_functions<'r>(responses: &[PageRequests<'r>]) -> HashSet<&'r str> {
    responses
        .iter()
        .flat_map(|page| &page.requests.functions)
        .map(String::as_str)
        .collect()
}

/// Normalized path (lower case, keys as `{}`) -> the one type it addresses; `None` when pages
/// disagree.
fn addressed_types(
    index: &TypeIndex<'_>,
    responses: &[PageRequests],
) -> HashMap<String, Option<usize>> {
    let mut addressed: HashMap<String, Option<usize>> = HashMap::new();
    for &PageRequests {
        requests,
        response: id,
        ..
    } in responses
    {
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

/// A path's key: lower case, keys as `{}` (`/users/{}/settings`).
fn path_key(segments: &[Option<String>]) -> String {
    prefix_keys(segments).0
}

/// The path's key, and where the key of each prefix of it ends: the key of the first `n`
/// segments is `key[..ends[n - 1]]`.
fn prefix_keys(segments: &[Option<String>]) -> (String, Vec<usize>) {
    let mut key = String::new();
    let mut ends = Vec::with_capacity(segments.len());
    for segment in segments {
        key.push('/');
        match segment {
            Some(name) => {
                let start = key.len();
                key.push_str(name);
                key[start..].make_ascii_lowercase();
            }
            None => key.push_str("{}"),
        }
        ends.push(key.len());
    }
    (key, ends)
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
