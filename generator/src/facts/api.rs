//! API pages: a "Create x" / "Update x" page's request-body table lists properties of `x`, and
//! a "List x" page (`owner-list-x.md`) shows the navigation property `x` of `owner`.

use std::sync::Arc;

use super::model::{Evidence, PageFacts, PropertyFact, PropertyType, TypeFact, TypeRef};
use super::tables::property_rows;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::doc_text::{is_identifier, is_qualified_name};
use crate::page::{Block, Link, Page};

/// API pages: a "Create x" / "Update x" page's request-body table lists properties of `x`.
pub(super) fn extract_api_page(page: &Page, facts: &mut PageFacts) {
    let Some(title) = &page.title else {
        return;
    };
    let mut words = title.text.split_whitespace();
    let verb = words.next().unwrap_or("").to_ascii_lowercase();
    if verb == "list" {
        extract_list_method(page, facts);
        return;
    }
    if !matches!(verb.as_str(), "create" | "update" | "add") {
        return;
    }
    let Some(target) = words.next() else {
        return;
    };
    if words.next().is_some() {
        // "Create call" is a type; "Create a subscription for x" is prose.
        return;
    }
    let target = target.trim_matches(|c: char| c == '`' || c == '*');
    if !is_qualified_name(target) {
        return;
    }
    let mut properties = Vec::new();
    for table in page
        .sections_titled("request body")
        .flat_map(|section| section.tables())
    {
        property_rows(
            page,
            table,
            false,
            Evidence::ApiPage,
            &mut properties,
            &mut facts.diagnostics,
        );
    }
    if properties.is_empty() {
        return;
    }
    // The page must link the type it creates or updates ("Create a new [x](../resources/x.md)"):
    // a title word alone ("Update chart") may be an old or informal name.
    let Some(link) =
        page_links(page).find(|l| l.text.trim_matches('`').eq_ignore_ascii_case(target))
    else {
        facts.diagnostics.push(Diagnostic::note(
            DiagnosticKind::NoFacts,
            page.location_of(title.span),
            format!("API page names `{target}` in its title but links no page for it; its request-body table is not used"),
        ));
        return;
    };
    let reference = TypeRef::from_link(&link.text, &link.target);
    let namespace = Arc::clone(&facts.namespace);
    let mut ty = TypeFact::new(
        reference,
        &namespace,
        Evidence::ApiPage,
        page.location_of(title.span),
    );
    ty.properties = properties;
    facts.types.push(ty);
}

/// `owner-list-x.md` whose request is `GET /.../{id}/x` and whose Response links the item type:
/// a navigation property `x` of `owner` (the URL gives the property's casing).
fn extract_list_method(page: &Page, facts: &mut PageFacts) {
    let Some((owner, listed)) = facts.stem.split_once("-list-") else {
        return;
    };
    let url_segment = blocks_of_section(page, "http request").find_map(|block| match block {
        Block::Code(code) => code.text.lines().find_map(|line| {
            // Keys may hold spaces (`{id | userPrincipalName}`), so cut at the query
            // and the last segment, then at any space (` HTTP/1.1`).
            let path = line.trim().strip_prefix("GET ")?.split('?').next()?;
            let last = path.trim_end().trim_end_matches('/').rsplit('/').next()?;
            let last = last.split_whitespace().next()?;
            last.eq_ignore_ascii_case(listed).then(|| last.to_string())
        }),
        _ => None,
    });
    let Some(name) = url_segment.filter(|n| is_identifier(n)) else {
        return;
    };
    let item = blocks_of_section(page, "response").find_map(|block| match block {
        Block::Text(text) => text.links.iter().find(|l| l.target.contains("resources/")),
        _ => None,
    });
    let Some(item) = item else {
        return;
    };
    let location = page.location(page.title.as_ref().map_or(1, |t| t.span.line));
    let owner = TypeRef {
        name: owner.to_string(),
        page: Some(owner.to_string()),
    };
    let mut ty = TypeFact::new(
        owner,
        &Arc::clone(&facts.namespace),
        Evidence::ListMethod,
        location.clone(),
    );
    ty.properties.push(PropertyFact {
        name,
        ty: PropertyType::Named(TypeRef::from_link(&item.text, &item.target)),
        collection: true,
        navigation: true,
        description: String::new(),
        values: Vec::new(),
        inherited_from: None,
        type_guessed: false,
        location,
        evidence: Evidence::ListMethod,
    });
    facts.types.push(ty);
}

/// The blocks of the first section titled `title` (in any ASCII case).
fn blocks_of_section<'p, 'a>(
    page: &'p Page<'a>,
    title: &str,
) -> impl Iterator<Item = &'p Block<'a>> {
    page.sections()
        .find(|section| section.title().eq_ignore_ascii_case(title))
        .into_iter()
        .flat_map(|section| section.blocks)
}

fn page_links<'p, 'a>(page: &'p Page<'a>) -> impl Iterator<Item = &'p Link<'a>> {
    page.sections().flat_map(|section| {
        section.blocks.iter().flat_map(|block| match block {
            Block::Text(text) => text.links.iter(),
            _ => [].iter(),
        })
    })
}
