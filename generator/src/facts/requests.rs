//! What an API page asks for: the `GET` paths its "HTTP request" section lists, the type its
//! response names (in the response's metadata comment, or else in the "Response" section's
//! prose), and the names its requests call as functions. The schema reads navigation
//! properties from them that no table lists (`GET /me/chats/{id}` returning a `chat`:
//! `user.chats`, a collection of `chat`).

use serde_json::Value;

use super::examples::{response_resource, Example, ExampleRole};
use super::model::{RequestPath, Requests, TypeRef};
use crate::doc_text::{collection_item, is_qualified_name};
use crate::page::{Block, Page};

/// The page's requests, if it lists `GET` paths and its response names a type.
pub fn extract_requests(page: &Page, examples: &[Example]) -> Option<Requests> {
    let mut paths = Vec::new();
    for section in page.sections_titled("http request") {
        for block in section.blocks {
            let Block::Code(code) = block else {
                continue;
            };
            for (line, text) in (code.span.line + 1..).zip(code.text.lines()) {
                let Some(path) = text.trim().strip_prefix("GET ") else {
                    continue;
                };
                if let Some(segments) = segments(path) {
                    paths.push(RequestPath {
                        segments,
                        location: page.location(line),
                    });
                }
            }
        }
    }
    if paths.is_empty() {
        return None;
    }
    let (response_type, response_is_collection) =
        response_from_metadata(page).or_else(|| response_from_prose(page))?;
    // So does a response body that wraps its items in `value`.
    let response_is_collection = response_is_collection
        || examples.iter().any(|example| {
            example.role == ExampleRole::Response
                && example.json.get("value").is_some_and(Value::is_array)
        });
    // Request lines open their blocks; the rest of a block is headers and body.
    let functions = page
        .code_blocks()
        .flat_map(|code| {
            code.text
                .lines()
                .map_while(|line| line.trim().strip_prefix("GET "))
        })
        .filter(|path| path.contains('('))
        .filter_map(segments)
        .flatten()
        .flatten()
        .filter_map(|segment| Some(segment.split_once('(')?.0.to_ascii_lowercase()))
        .collect();
    Some(Requests {
        paths,
        response_type,
        response_is_collection,
        operation: page.title.as_ref().and_then(|t| titled_operation(&t.text)),
        functions,
    })
}

/// The type a response's metadata comment names, and whether it is a collection: `"isCollection":
/// true`, or `Collection(microsoft.graph.site)`.
fn response_from_metadata(page: &Page) -> Option<(TypeRef, bool)> {
    page.code_blocks().find_map(|code| {
        let metadata = code
            .metadata
            .as_ref()
            .filter(|metadata| metadata.is_block_type("response"))?;
        let name = metadata
            .get_str("@odata.type")?
            .trim()
            .trim_start_matches('#');
        let collection = matches!(metadata.value.get("isCollection"), Some(Value::Bool(true)));
        let (name, collection) = match collection_item(name) {
            Some(item) => (item, true),
            None => (name, collection),
        };
        (!name.is_empty()).then(|| (TypeRef::named(name), collection))
    })
}

/// The resource the "Response" section's prose links to ("returns a `200 OK` response code
/// and a [userSettings](../resources/usersettings.md) object"), and whether it speaks of a
/// collection.
fn response_from_prose(page: &Page) -> Option<(TypeRef, bool)> {
    let (text, link, _) = response_resource(page)?;
    let collection = text.text.to_ascii_lowercase().contains("collection");
    Some((TypeRef::from_link(&link.text, &link.target), collection))
}

/// `/users/{id | userPrincipalName}/chats?$top=5` -> `users`, key, `chats`. A key may hold
/// spaces and `/`: the path is cut at `/` and ends at a space, `?` or `#` outside braces.
/// None for a path that reads something else than its segments say (`$expand` reads the
/// object before the query, with others inside it), or that goes on after a space
/// (`/users/{id} | userPrincipalName/chats`).
fn segments(path: &str) -> Option<Vec<Option<String>>> {
    let mut segments = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut push = |segment: &str| {
        if !segment.is_empty() {
            let is_key = segment.starts_with('{') && segment.ends_with('}');
            segments.push((!is_key).then(|| segment.to_string()));
        }
    };
    for (at, c) in path.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '/' if depth == 0 => {
                push(&path[start..at]);
                start = at + 1;
            }
            '?' | '#' if depth == 0 => {
                push(&path[start..at]);
                return (!path[at..].contains("$expand")).then_some(segments);
            }
            c if c.is_whitespace() && depth == 0 => {
                push(&path[start..at]);
                let rest = path[at..].trim_start();
                let goes_on = rest.contains('/') && !rest.starts_with("HTTP/");
                return (!goes_on).then_some(segments);
            }
            _ => {}
        }
    }
    push(&path[start..]);
    Some(segments)
}

/// "workbookTable: range" or "getManagedAppPolicies function" -> the operation's name;
/// "Get presence" -> none.
fn titled_operation(title: &str) -> Option<String> {
    if let Some((owner, operation)) = title.split_once(':') {
        let (owner, operation) = (owner.trim(), operation.trim());
        return (is_qualified_name(owner) && is_qualified_name(operation))
            .then(|| operation.to_string());
    }
    let (operation, kind) = title.trim().split_once(' ')?;
    let is_operation_kind =
        kind.eq_ignore_ascii_case("function") || kind.eq_ignore_ascii_case("action");
    (is_operation_kind && is_qualified_name(operation)).then(|| operation.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_cut_at_slashes_outside_keys() {
        assert_eq!(
            segments("/users/{id | userPrincipalName}/chats/{chat-id}?$top=5").unwrap(),
            [
                Some("users".to_string()),
                None,
                Some("chats".to_string()),
                None
            ]
        );
        assert_eq!(
            segments("/me/presence HTTP/1.1").unwrap(),
            [Some("me".into()), Some("presence".into())]
        );
        assert_eq!(
            segments("/groups/{a/b}/team/").unwrap(),
            [Some("groups".into()), None, Some("team".into())]
        );
        assert_eq!(segments("/users/{id}/events/{id}?$expand=extensions"), None);
        assert_eq!(
            segments("/users/{user-id} | user-principal-name/chats"),
            None
        );
    }

    #[test]
    fn titles_of_the_form_type_colon_name_name_an_operation() {
        assert_eq!(
            titled_operation("workbookTable: range").as_deref(),
            Some("range")
        );
        assert_eq!(titled_operation("Chart: Image").as_deref(), Some("Image"));
        assert_eq!(
            titled_operation("getManagedAppPolicies function").as_deref(),
            Some("getManagedAppPolicies")
        );
        assert_eq!(titled_operation("Get presence"), None);
        assert_eq!(titled_operation("Example: get a user's presence"), None);
    }

    #[test]
    fn a_page_gives_its_get_paths_and_response_type() {
        let text = "# Get presence\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nGET /me/presence\nGET /users/{id}/presence\nPATCH /me/presence\n```\n\n## Response\n\n<!-- {\n  \"blockType\": \"response\",\n  \"@odata.type\": \"microsoft.graph.presence\"\n} -->\n```http\nHTTP/1.1 200 OK\n```\n";
        let source = crate::read::SourceText::for_test("api/presence-get.md", text);
        let (page, _) = crate::page::parse_page(&source);
        let requests = extract_requests(&page, &[]).unwrap();
        assert_eq!(requests.response_type.name, "microsoft.graph.presence");
        assert!(!requests.response_is_collection);
        assert_eq!(requests.operation, None);
        let lines: Vec<u32> = requests.paths.iter().map(|p| p.location.line).collect();
        assert_eq!(lines, [8, 9]);
        assert_eq!(requests.paths[1].segments.len(), 3);
    }
}
