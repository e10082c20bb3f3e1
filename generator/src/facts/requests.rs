//! What an API page asks for: the `GET` paths its "HTTP request" section lists, and the type
//! its response names. The schema reads navigation properties from them that no table lists
//! (`GET /me/chats/{id}` returning a `chat`: `user.chats`, a collection of `chat`).

use serde_json::Value;

use crate::diagnostic::Location;
use crate::page::{Block, Page};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requests {
    /// The `GET` paths of the HTTP request section, in page order.
    pub paths: Vec<RequestPath>,
    /// The type the response's metadata comment names (`"@odata.type"`), as written.
    pub response_type: String,
    /// `"isCollection": true` in that comment.
    pub response_is_collection: bool,
    /// The operation a title such as "workbookTable: range" names: a function or action,
    /// whose path segment is not a navigation property.
    pub operation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestPath {
    /// The path's segments; a key (`{id}`, `{id | userPrincipalName}`) is `None`.
    pub segments: Vec<Option<String>>,
    pub location: Location,
}

/// The page's requests, if it lists `GET` paths and its response names a type.
pub fn extract_requests(page: &Page) -> Option<Requests> {
    let (response_type, response_is_collection) = page.code_blocks().find_map(|code| {
        let metadata = code.metadata.as_ref()?;
        if !metadata.block_type()?.eq_ignore_ascii_case("response") {
            return None;
        }
        let name = metadata
            .get_str("@odata.type")?
            .trim()
            .trim_start_matches('#');
        let collection = matches!(metadata.value.get("isCollection"), Some(Value::Bool(true)));
        (!name.is_empty()).then(|| (name.to_string(), collection))
    })?;
    let mut paths = Vec::new();
    for section in page.sections_titled("http request") {
        for block in section.blocks {
            let Block::Code(code) = block else {
                continue;
            };
            for (line, text) in (code.line + 1..).zip(code.text.lines()) {
                if let Some(path) = text.trim().strip_prefix("GET ") {
                    paths.push(RequestPath {
                        segments: segments(path),
                        location: page.location(line),
                    });
                }
            }
        }
    }
    if paths.is_empty() {
        return None;
    }
    Some(Requests {
        paths,
        response_type,
        response_is_collection,
        operation: page.title.as_ref().and_then(|t| titled_operation(&t.text)),
    })
}

/// `/users/{id | userPrincipalName}/chats?$top=5` -> `users`, key, `chats`. A key may hold
/// spaces and `/`: the path is cut at `/` and ends at a space, `?` or `#` outside braces.
fn segments(path: &str) -> Vec<Option<String>> {
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
                return segments;
            }
            c if c.is_whitespace() && depth == 0 => {
                push(&path[start..at]);
                return segments;
            }
            _ => {}
        }
    }
    push(&path[start..]);
    segments
}

/// "workbookTable: range" -> `range`; "Get presence" -> none.
fn titled_operation(title: &str) -> Option<String> {
    let (owner, operation) = title.split_once(':')?;
    let owner = owner.trim();
    let operation = operation.trim();
    let is_name = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
    };
    (is_name(owner) && is_name(operation)).then(|| operation.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_cut_at_slashes_outside_keys() {
        assert_eq!(
            segments("/users/{id | userPrincipalName}/chats/{chat-id}?$expand=members"),
            [
                Some("users".to_string()),
                None,
                Some("chats".to_string()),
                None
            ]
        );
        assert_eq!(
            segments("/me/presence"),
            [Some("me".into()), Some("presence".into())]
        );
        assert_eq!(
            segments("/groups/{a/b}/team/"),
            [Some("groups".into()), None, Some("team".into())]
        );
    }

    #[test]
    fn titles_of_the_form_type_colon_name_name_an_operation() {
        assert_eq!(
            titled_operation("workbookTable: range").as_deref(),
            Some("range")
        );
        assert_eq!(titled_operation("Chart: Image").as_deref(), Some("Image"));
        assert_eq!(titled_operation("Get presence"), None);
        assert_eq!(titled_operation("Example: get a user's presence"), None);
    }

    #[test]
    fn a_page_gives_its_get_paths_and_response_type() {
        let text = "# Get presence\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nGET /me/presence\nGET /users/{id}/presence\nPATCH /me/presence\n```\n\n## Response\n\n<!-- {\n  \"blockType\": \"response\",\n  \"@odata.type\": \"microsoft.graph.presence\"\n} -->\n```http\nHTTP/1.1 200 OK\n```\n";
        let source = crate::read::SourceText {
            path: "api/presence-get.md".into(),
            text: text.to_string(),
            lossy: false,
        };
        let (page, _) = crate::page::parse_page(&source);
        let requests = extract_requests(&page).unwrap();
        assert_eq!(requests.response_type, "microsoft.graph.presence");
        assert!(!requests.response_is_collection);
        assert_eq!(requests.operation, None);
        let lines: Vec<u32> = requests.paths.iter().map(|p| p.location.line).collect();
        assert_eq!(lines, [8, 9]);
        assert_eq!(requests.paths[1].segments.len(), 3);
    }
}
