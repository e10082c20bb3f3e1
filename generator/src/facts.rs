//! Stage 3: what one page says, as facts. Per page and independent of every other page, so
//! pages are read in parallel; the schema stage merges the facts of all pages.
//!
//! Facts keep the names as written (casing, link targets) plus their location; resolving a name
//! to a type, deciding own vs inherited and settling disagreements is the schema's job. The
//! names a page gives its own types (its `Namespace:` line, its resource comment's type and base,
//! the type or enum its title or a heading names) must be OData names: one that is not is
//! reported, and the page does without it.
//!
//! Here are the stage's entry, [`extract`], and the kinds of page it tells apart (resource, enum,
//! API or other: by `doc_type`, else by folder). The fact types are in `model.rs`. Each kind of
//! page has its reader (`resource.rs`, `enums.rs`, `api.rs`), which reads property and member
//! tables with `tables.rs` and type cells with `type_cell.rs`; `examples.rs` reads every page's
//! JSON examples, `value_hints.rs` what a JSON value says about its property's type,
//! `requests.rs` an API page's `GET` paths and response, and `api_version.rs` the API version a
//! page belongs to. The text rules they share with other stages (names, plurals, links, type
//! spellings) are in [`crate::doc_text`].

mod api;
mod api_version;
mod enums;
mod examples;
mod model;
mod requests;
mod resource;
mod stated_names;
mod tables;
mod type_cell;
mod value_hints;

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::doc_text::is_qualified_name;
use crate::page::Page;

use api::extract_api_page;
use enums::{extract_enum_page, extract_enum_sections};
use resource::{extract_resource_page, resource_comment};
use stated_names::not_an_odata_name;

pub use api_version::{most_addressed, PageVersion};
pub use examples::{Example, ExampleRole, Placement, PlacementSource};
pub use model::{
    Evidence, KindHint, MemberFact, PageFacts, PropertyFact, PropertyType, RequestPath, Requests,
    TypeFact, TypeRef,
};
pub use tables::possible_values;
pub use type_cell::{parse_type_cell, TypeCell};
pub use value_hints::example_value_hint;

/// The namespace of pages that declare none.
pub const DEFAULT_NAMESPACE: &str = "microsoft.graph";

/// What kind of page this is, from `doc_type` (tolerant of spelling) or, failing that, its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageKind {
    Resource,
    Enum,
    Api,
    Other,
}

fn page_kind(page: &Page, has_resource_comment: bool) -> PageKind {
    let doc_type = page
        .front_matter
        .get("doc_type")
        .unwrap_or("")
        .to_ascii_lowercase();
    let in_resources = page.path.starts_with("resources/") || page.path.contains("/resources/");
    // A resource JSON comment is the strongest sign; a doc_type of `apiPageType` on a page in
    // `resources/` is a copy-paste slip, so the folder wins there.
    if has_resource_comment || doc_type.starts_with("resource") {
        PageKind::Resource
    } else if doc_type.starts_with("enum") {
        PageKind::Enum
    } else if doc_type.starts_with("api") {
        if in_resources {
            PageKind::Resource
        } else {
            PageKind::Api
        }
    } else if !doc_type.is_empty() {
        // Conceptual and overview pages say what they are.
        PageKind::Other
    } else if in_resources {
        PageKind::Resource
    } else if page.path.starts_with("api/") || page.path.contains("/api/") {
        PageKind::Api
    } else {
        PageKind::Other
    }
}

/// Extracts the facts of one parsed page.
pub fn extract(page: &Page) -> PageFacts {
    let mut diagnostics = Vec::new();
    let namespace = page_namespace(page, &mut diagnostics);
    let stem = page
        .path
        .rsplit('/')
        .next()
        .unwrap_or(&page.path)
        .split('.')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut facts = PageFacts {
        path: Arc::clone(&page.path),
        namespace,
        stem,
        area: page
            .front_matter
            .get("ms.prod")
            .filter(|area| !area.is_empty())
            .map(str::to_string),
        types: Vec::new(),
        examples: Vec::new(),
        requests: None,
        version: api_version::page_version(page),
        expected_empty: false,
        diagnostics,
    };
    let comment = resource_comment(page);
    let kind = page_kind(page, comment.is_some());
    match kind {
        PageKind::Resource => extract_resource_page(page, comment, &mut facts),
        PageKind::Enum => extract_enum_page(page, &mut facts),
        PageKind::Api => extract_api_page(page, &mut facts),
        PageKind::Other => {}
    }
    extract_enum_sections(page, &mut facts);
    facts.examples = examples::extract_examples(page, &mut facts.diagnostics);
    if kind == PageKind::Api {
        facts.requests = requests::extract_requests(page, &facts.examples);
    }
    if facts.types.is_empty() && facts.examples.is_empty() {
        let why = match kind {
            PageKind::Resource => {
                "a resource page without a Properties table, members or a resource JSON comment"
            }
            PageKind::Enum => "an enum page without a member table",
            // An action's API page and an overview page are not meant to describe a type.
            PageKind::Api | PageKind::Other => {
                facts.expected_empty = true;
                return facts;
            }
        };
        facts.diagnostics.push(Diagnostic::note(
            DiagnosticKind::NoFacts,
            page.location(1),
            format!("page yields no type: {why}"),
        ));
    }
    facts
}

/// The page's `Namespace:` line, or the default for a page without one or whose line names no
/// namespace (with a warning).
fn page_namespace(page: &Page, diagnostics: &mut Vec<Diagnostic>) -> Arc<str> {
    match &page.namespace {
        Some((namespace, _)) if is_qualified_name(namespace) => Arc::from(namespace.as_str()),
        Some((namespace, line)) => {
            diagnostics.push(not_an_odata_name(
                page,
                *line,
                "the namespace",
                namespace,
                &format!(
                    "the page's types are put in the default namespace, `{DEFAULT_NAMESPACE}`"
                ),
            ));
            Arc::from(DEFAULT_NAMESPACE)
        }
        None => Arc::from(DEFAULT_NAMESPACE),
    }
}
