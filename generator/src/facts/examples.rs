//! JSON examples: the request, response and example bodies of a page, with the type each names
//! or its page's prose implies, and where a response or notification shows an object living
//! (its `Location` header, its `resourceUrl`).

use serde_json::Value;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Location};
use crate::lenient_json::parse_without_trailing_commas;
use crate::page::{Block, Link, Page, Section, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExampleRole {
    Request,
    Response,
    Example,
}

/// One JSON example body from a page.
#[derive(Debug, Clone)]
pub struct Example {
    pub role: ExampleRole,
    /// Where the JSON body starts.
    pub location: Location,
    /// The type the example names: its metadata comment's `@odata.type`, else the body's.
    pub type_name: Option<String>,
    /// The page that describes the type the page's prose implies for a body that names none
    /// (`resources/user.md`, relative to the docs folder): see [`PageBodyTypes`].
    pub implied_type_page: Option<String>,
    /// The body as read with trailing commas forgiven; `Value::Null` when it is not JSON even
    /// so (see `invalid`).
    pub json: Value,
    /// Why the body is not valid JSON, read strictly: the doc writer's comment, `...` or
    /// trailing comma.
    pub invalid: Option<String>,
    /// Where the example shows objects of named types living.
    pub placements: Vec<Placement>,
}

/// An object's own address, which ends with its key: the object is an item of the collection
/// the path names before the key (`/communications/calls/{id}/operations/{id}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The object's type, as written.
    pub type_name: String,
    pub path: String,
    pub source: PlacementSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlacementSource {
    /// A response's `Location` header, when it ends with the body's `id` or the body names
    /// its own `@odata.type` (a header may name another resource, such as a monitor).
    LocationHeader,
    /// A change notification's `resourceUrl`, when it ends with the `id` of its typed
    /// `resourceData`.
    ResourceUrl,
}

impl PlacementSource {
    pub fn describe(self) -> &'static str {
        match self {
            PlacementSource::LocationHeader => "this response's `Location` header",
            PlacementSource::ResourceUrl => "this notification's `resourceUrl`",
        }
    }
}

/// Every request/response/example block whose body looks like JSON (starts with `{` or `[`),
/// valid or not.
pub fn extract_examples(page: &Page, diagnostics: &mut Vec<Diagnostic>) -> Vec<Example> {
    let body_types = PageBodyTypes::of(page);
    let mut examples = Vec::new();
    for code in page.code_blocks() {
        let Some(metadata) = &code.metadata else {
            continue;
        };
        let role = match metadata
            .block_type()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("request") => ExampleRole::Request,
            Some("response") => ExampleRole::Response,
            Some("example") => ExampleRole::Example,
            _ => continue,
        };
        let (body, body_line) = json_body(&code.text);
        let body = body.trim();
        if !(body.starts_with('{') || body.starts_with('[')) {
            continue;
        }
        let location = page.location(code.span.line + 1 + body_line);
        // Read strictly first; only a body that fails is read again, leniently.
        let (json, invalid) = match serde_json::from_str::<Value>(body) {
            Ok(json) => (json, None),
            Err(strict_error) => {
                let json = match parse_without_trailing_commas(body) {
                    Ok(json) => json,
                    Err(_) => {
                        diagnostics.push(Diagnostic::note(
                            DiagnosticKind::Malformed,
                            location.clone(),
                            format!("example body is not valid JSON ({strict_error})"),
                        ));
                        Value::Null
                    }
                };
                (json, Some(strict_error.to_string()))
            }
        };
        let body_type = json.get("@odata.type").and_then(Value::as_str);
        let type_name = metadata
            .get_str("@odata.type")
            .or(body_type)
            .map(|t| t.trim().trim_start_matches('#').to_string())
            .filter(|t| !t.is_empty());
        let implied_type_page = match (role, request_method(&code.text)) {
            (ExampleRole::Request, Method::Create) => body_types.request.clone(),
            (ExampleRole::Request, Method::Update) => body_types
                .request
                .clone()
                .or_else(|| body_types.response.clone())
                .or_else(|| body_types.subject.clone()),
            (ExampleRole::Response, _) => body_types.response.clone(),
            _ => None,
        };
        let mut placements = Vec::new();
        if let (ExampleRole::Response, Some(type_name)) = (role, &type_name) {
            if let Some(path) = located_at(&code.text, &json) {
                placements.push(Placement {
                    type_name: type_name.clone(),
                    path,
                    source: PlacementSource::LocationHeader,
                });
            }
        }
        // Only bodies that hold a notification are walked.
        if body.contains("\"resourceData\"") {
            notification_placements(&json, &mut placements);
        }
        examples.push(Example {
            role,
            location,
            type_name,
            implied_type_page,
            json,
            invalid,
            placements,
        });
    }
    examples
}

/// What the prose of an API page says its bodies are: the resource linked from the "Request
/// body" section when it asks for a resource (see [`describes_a_resource`]), the resource
/// linked from the "Response" section ("returns a `200 OK` response code and a
/// [user](../resources/user.md) object"; a collection of them for a list, which the examples'
/// `value` wrapper shows), and the resource the page is about: the first one its introduction
/// links to ("Update the properties of a [user](../resources/user.md) object"), which an
/// update's body is part of.
#[derive(Debug, Default)]
struct PageBodyTypes {
    request: Option<String>,
    response: Option<String>,
    subject: Option<String>,
}

impl PageBodyTypes {
    fn of(page: &Page) -> Self {
        let mut types = PageBodyTypes::default();
        let mut introduction = true;
        for section in page.sections() {
            let title = section.title().trim().to_ascii_lowercase();
            introduction &= section.heading.as_ref().is_none_or(|h| h.level < 2);
            let slot = match title.as_str() {
                _ if introduction => &mut types.subject,
                "request body" => &mut types.request,
                "response" => &mut types.response,
                _ => continue,
            };
            if slot.is_some() {
                continue;
            }
            *slot = resource_link_in(page, section, |text| {
                title != "request body" || describes_a_resource(&text.text)
            })
            .map(|(_, _, resolved)| resolved);
        }
        types
    }
}

/// The first paragraph of a "Response" section that links to a resource page, that link, and
/// the page it resolves to: "returns a `200 OK` response code and a
/// [user](../resources/user.md) object" gives `resources/user.md`.
pub(super) fn response_resource<'p, 'a>(
    page: &'p Page<'a>,
) -> Option<(&'p Text<'a>, &'p Link<'a>, String)> {
    page.sections()
        .filter(|section| section.title().trim().eq_ignore_ascii_case("response"))
        .find_map(|section| resource_link_in(page, section, |_| true))
}

/// The first paragraph of `section` that `accept`s and links to a resource page, that link,
/// and the page it resolves to.
fn resource_link_in<'p, 'a>(
    page: &Page<'a>,
    section: Section<'p, 'a>,
    accept: impl Fn(&Text<'a>) -> bool,
) -> Option<(&'p Text<'a>, &'p Link<'a>, String)> {
    section
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Text(text) => Some(text),
            _ => None,
        })
        .filter(|text| accept(text))
        .find_map(|text| {
            text.links.iter().find_map(|link| {
                let resolved = resource_page(&page.path, &link.target)?;
                Some((text, link, resolved))
            })
        })
}

/// Whether a request body section's paragraph asks for a resource rather than an action's
/// parameters: "supply a JSON representation of a [user]", "provide an [extensionProperty]
/// object with the following properties", "supply the values for the [device] properties".
fn describes_a_resource(text: &str) -> bool {
    let text = text.to_ascii_lowercase();
    text.contains("representation") || text.contains("properties")
}

/// A link to a resource page, as a path relative to the docs folder: `../resources/user.md`
/// from `api/user-get.md` is `resources/user.md`.
fn resource_page(page: &str, target: &str) -> Option<String> {
    let target = target.split(['#', '?']).next()?;
    if !target.ends_with(".md") || target.contains("://") {
        return None;
    }
    // The resolved path is made of the page's folders and the target's segments: it can only
    // name a `resources/` folder if one of the two does.
    if !target.contains("resources") && !page.contains("resources") {
        return None;
    }
    let mut path: Vec<&str> = page.split('/').collect();
    path.pop();
    for segment in target.split('/') {
        match segment {
            "." | "" => {}
            ".." => {
                path.pop()?;
            }
            segment => path.push(segment),
        }
    }
    let resolved = path.join("/");
    resolved.contains("resources/").then_some(resolved)
}

/// What a request does to the resource its body describes.
enum Method {
    /// `POST`: creates one, or calls an action with parameters, which the page's request body
    /// section then links no representation for.
    Create,
    /// `PATCH` or `PUT`: sends some or all of the properties of the resource.
    Update,
    Other,
}

/// The method of a request block, from its first word.
fn request_method(block: &str) -> Method {
    match block.split_whitespace().next().unwrap_or("") {
        method if method.eq_ignore_ascii_case("POST") => Method::Create,
        method if method.eq_ignore_ascii_case("PATCH") || method.eq_ignore_ascii_case("PUT") => {
            Method::Update
        }
        _ => Method::Other,
    }
}

/// The JSON part of a code block: after the blank line that ends HTTP headers, if the block
/// starts with a request or status line; the whole block otherwise. Also returns the line
/// (0-based, within the block) where the body starts.
fn json_body(text: &str) -> (&str, u32) {
    let first = text.trim_start();
    if first.starts_with('{') || first.starts_with('[') {
        return (text, 0);
    }
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        offset += line.len();
        if line.trim().is_empty() {
            return (&text[offset..], index as u32 + 1);
        }
    }
    ("", 0)
}

/// The path of a response block's `Location` header when it addresses the body itself: its
/// last segment is the body's `id`, or the body names its own `@odata.type` (a header may
/// name another resource, such as a monitor or a download).
fn located_at(block: &str, body: &Value) -> Option<String> {
    let id = body.get("id").and_then(Value::as_str);
    let typed = body.get("@odata.type").is_some_and(Value::is_string);
    let url = block
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("location")
                .then(|| value.trim())
        })?;
    let (path, key) = path_and_key(url)?;
    (typed || id == Some(key)).then_some(path)
}

/// Notifications in a body (`{"resourceUrl": "/calls/1/operations/2", "resourceData":
/// {"@odata.type": "#x", "id": "2"}}`), at any depth, whose URL ends with their data's `id`.
fn notification_placements(value: &Value, placements: &mut Vec<Placement>) {
    match value {
        Value::Object(object) => {
            let url = object.get("resourceUrl").and_then(Value::as_str);
            let data = object.get("resourceData");
            let type_name = data
                .and_then(|d| d.get("@odata.type"))
                .and_then(Value::as_str)
                .map(|t| t.trim().trim_start_matches('#'));
            let id = data.and_then(|d| d.get("id")).and_then(Value::as_str);
            if let (Some(url), Some(type_name), Some(id)) = (url, type_name, id) {
                if let Some((path, _)) = path_and_key(url).filter(|&(_, key)| key == id) {
                    placements.push(Placement {
                        type_name: type_name.to_string(),
                        path,
                        source: PlacementSource::ResourceUrl,
                    });
                }
            }
            object
                .values()
                .for_each(|v| notification_placements(v, placements));
        }
        Value::Array(items) => items
            .iter()
            .for_each(|v| notification_placements(v, placements)),
        _ => {}
    }
}

/// A URL's path without host and version, and its last key: `https://graph.microsoft.com/v1.0/a/b`
/// -> (`/a/b`, `b`); `/teams('57fb')` -> (`/teams('57fb')`, `57fb`).
fn path_and_key(url: &str) -> Option<(String, &str)> {
    let path = match url.split_once("://") {
        Some((_, rest)) => rest.split_once('/').map_or("", |(_, path)| path),
        None => url,
    };
    let path = path.trim_start_matches('/');
    let path = path
        .split_once('/')
        .filter(|(version, _)| ["v1.0", "beta"].contains(&version.to_ascii_lowercase().as_str()))
        .map_or(path, |(_, rest)| rest);
    let last = path.trim_end_matches('/').rsplit('/').next()?;
    let key = last.split_once('(').map_or(last, |(_, key)| {
        key.trim_end_matches(')').trim_matches('\'')
    });
    Some((format!("/{path}"), key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_blocks_give_their_json_body() {
        let (body, line) =
            json_body("POST /x\nContent-type: application/json\n\n{\n  \"a\": 1\n}\n");
        assert_eq!(line, 3);
        assert_eq!(body.trim(), "{\n  \"a\": 1\n}");
        assert_eq!(json_body("{\"a\": 1}").1, 0);
        assert_eq!(json_body("GET /me\n").0, "");
    }

    #[test]
    fn a_notification_places_its_typed_data_when_the_url_ends_with_its_id() {
        let body = serde_json::json!({"value": [
            {"resourceUrl": "/calls/57da/operations/0fe0",
             "resourceData": {"@odata.type": "#microsoft.graph.x", "id": "0fe0"}},
            // Another id, or no type: no placement.
            {"resourceUrl": "/calls/57da/operations/participants",
             "resourceData": {"@odata.type": "#microsoft.graph.x", "id": "0fe0"}},
            {"resourceUrl": "/calls/57da", "resourceData": {"id": "57da"}}
        ]});
        let mut placements = Vec::new();
        notification_placements(&body, &mut placements);
        assert_eq!(
            placements,
            [Placement {
                type_name: "microsoft.graph.x".into(),
                path: "/calls/57da/operations/0fe0".into(),
                source: PlacementSource::ResourceUrl,
            }]
        );
    }

    #[test]
    fn a_location_header_that_ends_with_the_body_id_is_its_address() {
        let body = serde_json::json!({"id": "0fe0"});
        let block = |location: &str| format!("HTTP/1.1 200 OK\nLocation: {location}\n\n{{}}");
        assert_eq!(
            located_at(
                &block(
                    "https://graph.microsoft.com/v1.0/communications/calls/57da/operations/0fe0"
                ),
                &body
            )
            .as_deref(),
            Some("/communications/calls/57da/operations/0fe0")
        );
        assert_eq!(
            located_at(&block("/teams('57fb')/channels('0fe0')"), &body).as_deref(),
            Some("/teams('57fb')/channels('0fe0')")
        );
        // Another resource (a monitor, a download), or a body with neither id nor type.
        assert_eq!(located_at(&block("https://host/monitor/77"), &body), None);
        assert_eq!(
            located_at(
                &block("/calls/57da/operations/0fe0"),
                &serde_json::json!({})
            ),
            None
        );
        let typed = serde_json::json!({"@odata.type": "#x.y", "id": "other"});
        assert!(located_at(&block("/calls/57da/operations/0fe0"), &typed).is_some());
    }

    #[test]
    fn bodies_that_name_no_type_get_the_one_the_prose_implies() {
        let text = r#"# Update user

Update the properties of a [user](../resources/user.md) object.

## Request body

In the request body, supply a JSON representation of a [user](../resources/user.md) object.

## Response

If successful, this method returns a `200 OK` response code and a collection of
[group](../resources/group.md) objects.

## Example

<!-- { "blockType": "request" } -->
```http
PATCH /me
Content-type: application/json

{"displayName": "x"}
```

<!-- { "blockType": "request" } -->
```http
POST /me/assignLicense

{"addLicenses": [], }
```

<!-- { "blockType": "response", "@odata.type": "microsoft.graph.group" } -->
```http
HTTP/1.1 200 OK

{"value": []}
```

<!-- { "blockType": "response" } -->
```http
HTTP/1.1 200 OK

{"value": [...]}
```
"#;
        let source = crate::read::SourceText::for_test("api/user-update.md", text);
        let (page, _) = crate::page::parse_page(&source);
        let examples = extract_examples(&page, &mut Vec::new());
        let found: Vec<(Option<&str>, Option<&str>, bool)> = examples
            .iter()
            .map(|e| {
                (
                    e.type_name.as_deref(),
                    e.implied_type_page.as_deref(),
                    e.invalid.is_some(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (None, Some("resources/user.md"), false),
                // A POST sends a resource only where the page asks for its representation:
                // this one does, so its trailing comma is kept as a defect, not dropped.
                (None, Some("resources/user.md"), true),
                (
                    Some("microsoft.graph.group"),
                    Some("resources/group.md"),
                    false
                ),
                (None, Some("resources/group.md"), true),
            ]
        );
    }
}
