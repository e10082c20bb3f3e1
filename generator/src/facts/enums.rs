//! Enum pages and sections: a page titled `x enum type` with a member table, and on any page a
//! `### x values` section with one.

use std::sync::LazyLock;

use regex::Regex;

use super::model::{Evidence, KindHint, MemberFact, PageFacts, PropertyType, TypeFact};
use super::stated_names::{not_an_odata_name, split_qualified};
use super::tables::member_rows;
use crate::doc_text::is_qualified_name;
use crate::page::Page;

/// Enum pages (Intune style): `# x enum type` and a Members table.
pub(super) fn extract_enum_page(page: &Page, facts: &mut PageFacts) {
    let Some(title) = &page.title else {
        return;
    };
    // `# x enum type`; a page titled otherwise ("Enum values") holds `### x values` sections.
    let Some(captures) = ENUM_TITLE.captures(&title.text) else {
        return;
    };
    let name = captures.get(1).map_or("", |m| m.as_str());
    let mut members = Vec::new();
    for table in page.sections().flat_map(|section| section.tables()) {
        member_rows(page, table, &mut members, &mut facts.diagnostics);
    }
    let Some(mut ty) = named_enum(page, facts, name, title.span.line, "title", members) else {
        return;
    };
    ty.description = page
        .front_matter
        .get("description")
        .unwrap_or_default()
        .to_string();
    facts.types.push(ty);
}

static ENUM_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^`?([A-Za-z_][\w.]*)`?\s+enum(?:eration)?(?:\s+type)?\s*$")
        .expect("valid regex")
});

static VALUES_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^`?([A-Za-z_][\w.]*)`?\s+(?:enum\s+)?values\b").expect("valid regex")
});

/// `### x values` sections followed by a member table, on any page. A section named after a
/// `String` property of the page's own type lists that property's values: no type of its own.
pub(super) fn extract_enum_sections(page: &Page, facts: &mut PageFacts) {
    let string_properties: Vec<String> = facts
        .types
        .first()
        .map(|ty| {
            ty.properties
                .iter()
                .filter(|p| p.ty == PropertyType::Primitive("Edm.String"))
                .map(|p| p.name.to_ascii_lowercase())
                .collect()
        })
        .unwrap_or_default();
    for section in page.sections() {
        let Some(heading) = &section.heading else {
            continue;
        };
        // The regex needs the word; most headings are not about values.
        if !heading.text.contains("values") {
            continue;
        }
        let Some(captures) = VALUES_HEADING.captures(&heading.text) else {
            continue;
        };
        let mut members = Vec::new();
        for table in section.tables() {
            member_rows(page, table, &mut members, &mut facts.diagnostics);
        }
        if string_properties.contains(&captures[1].to_ascii_lowercase()) {
            continue;
        }
        if let Some(ty) = named_enum(
            page,
            facts,
            &captures[1],
            heading.span.line,
            "heading",
            members,
        ) {
            facts.types.push(ty);
        }
    }
}

/// The enum a page's title or heading (`stated_in`) at `line` names, with the members of its
/// tables; none for no members, or for a name that is not an OData name (reported).
fn named_enum(
    page: &Page,
    facts: &mut PageFacts,
    name: &str,
    line: u32,
    stated_in: &str,
    members: Vec<MemberFact>,
) -> Option<TypeFact> {
    if members.is_empty() {
        return None;
    }
    if !is_qualified_name(name) {
        facts.diagnostics.push(not_an_odata_name(
            page,
            line,
            &format!("the {stated_in}'s enum name"),
            name,
            "its member table makes no enum",
        ));
        return None;
    }
    let (name, namespace) = split_qualified(name, &facts.namespace);
    let mut ty = TypeFact::new(name, &namespace, Evidence::TypePage, page.location(line));
    ty.kind = Some(KindHint::Enum);
    ty.members = members;
    Some(ty)
}
