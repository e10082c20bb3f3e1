//! Resource pages: the type a page describes (named by its resource comment, the title's
//! spelling kept beside it, or else by its title), its base (stated in the comment, or in
//! prose: "Inherits from [x](x.md)"), the subtypes and methods it lists, and its properties:
//! from its tables, else from its JSON representation, and the navigation properties its
//! resource comment lists.

use std::cmp::Reverse;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::model::{Evidence, KindHint, PageFacts, PropertyFact, PropertyType, TypeFact, TypeRef};
use super::stated_names::{not_an_odata_name, split_qualified};
use super::tables::property_rows;
use super::value_hints;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Location};
use crate::doc_text::{is_identifier, is_qualified_name, singular};
use crate::page::{Block, CodeBlock, Link, Metadata, Page, Section, Text};

/// The type a resource page describes, with all the page says about it.
pub(super) fn extract_resource_page(
    page: &Page,
    comment: Option<ResourceComment<'_, '_>>,
    facts: &mut PageFacts,
) {
    let resource = comment.map(|comment| comment.metadata);
    let title = page
        .title
        .as_ref()
        .and_then(|title| Some((title_type_name(&title.text)?, title.span.line)));
    let Some((name, line)) = described_type(page, title, resource, &mut facts.diagnostics) else {
        return;
    };
    let (name, namespace) = split_qualified(&name, &facts.namespace);
    let mut ty = TypeFact::new(name, &namespace, Evidence::TypePage, page.location(line));
    // A title that is not where the name came from is a second spelling of it.
    ty.title_name = title
        .filter(|&(name, title_line)| title_line != line && is_qualified_name(name))
        .map(|(name, title_line)| (name.to_string(), page.location(title_line)));
    ty.description = page
        .front_matter
        .get("description")
        .unwrap_or_default()
        .to_string();
    if let Some(metadata) = resource {
        ty.is_abstract = match metadata.value.get("abstract") {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
            _ => false,
        };
        ty.key_property = metadata
            .get_str("keyProperty")
            .map(str::trim)
            .filter(|key| is_identifier(key))
            .map(str::to_string);
        if let Some(base) = metadata.get_str("baseType") {
            let base = base.trim().trim_start_matches('#');
            if is_qualified_name(base) {
                ty.base = Some((TypeRef::named(base), page.location_of(metadata.span)));
            } else if !base.is_empty() {
                facts.diagnostics.push(not_an_odata_name(
                    page,
                    metadata.span.line,
                    "the resource comment's `baseType`",
                    base,
                    "the type's base is taken from the prose, if it names one",
                ));
            }
        }
    }
    let prose = prose_base(page);
    match &ty.base {
        None => ty.base = prose,
        Some((stated, _)) => {
            ty.prose_base =
                prose.filter(|(named, _)| !named.name.eq_ignore_ascii_case(&stated.name))
        }
    }
    // A Properties section with prose and no table: the page says it lists no properties.
    let mut untabled_properties = None;
    for section in page.sections() {
        let title = section.title().to_ascii_lowercase();
        let navigation = title.starts_with("relationship") || title.contains("navigation propert");
        if title.starts_with("properties of ") {
            report_part_properties(page, section, &ty.name.name, &mut facts.diagnostics);
            continue;
        }
        let is_properties = title.starts_with("propert") || title.contains(" properties");
        if is_properties && section.tables().next().is_none() {
            untabled_properties = section.heading.map(|h| h.span.line);
        }
        if title.starts_with("derived type") || title == "subtypes" {
            ty.derived.extend(linked_types(page, section));
            continue;
        }
        if title.starts_with("method") {
            if section_lists_methods(section, &ty.name.name) {
                ty.kind = Some(KindHint::Addressable);
            }
            continue;
        }
        if !(navigation || is_properties) {
            continue;
        }
        for table in section.tables() {
            property_rows(
                page,
                table,
                navigation,
                Evidence::TypePage,
                &mut ty.properties,
                &mut facts.diagnostics,
            );
        }
    }
    if ty.properties.is_empty() {
        if let Some(code) = comment.and_then(|comment| comment.representation) {
            let mut shown = Vec::new();
            json_representation_properties(page, code, &mut shown, &mut facts.diagnostics);
            match untabled_properties {
                Some(line) if !shown.is_empty() => facts.diagnostics.push(Diagnostic::note(
                    DiagnosticKind::NoFacts,
                    page.location(line),
                    format!("the Properties section of `{}` lists no property in a table, so the keys of its JSON representation (samples of an open type, or inherited properties) are not taken as its own", ty.name.name),
                )),
                _ => ty.properties = shown,
            }
        }
    }
    if let Some(metadata) = resource {
        optional_navigation_properties(page, metadata, &mut ty.properties);
    }
    facts.types.push(ty);
}

/// The type a resource page describes: its resource comment's `@odata.type` (or `@type`, as
/// older pages write it), else the type name of its `title`. A name that is not an OData name
/// is reported; in place of the comment's, the title's is taken.
fn described_type(
    page: &Page,
    title: Option<(&str, u32)>,
    resource: Option<&Metadata>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(String, u32)> {
    let stated = resource.and_then(|metadata| {
        let (key, stated) = ["@odata.type", "@type"]
            .into_iter()
            .find_map(|key| Some((key, metadata.get_str(key)?)))?;
        let name = stated.trim().trim_start_matches('#');
        (!name.is_empty()).then_some((key, name, metadata.span.line))
    });
    let (name, line) = match stated {
        Some((_, name, line)) if is_qualified_name(name) => (name, line),
        Some((key, name, line)) => {
            let from_title = title.filter(|(name, _)| is_qualified_name(name));
            let instead = match from_title {
                Some((name, _)) => format!("the type is named `{name}` after the page's title"),
                None => "the page describes no type".to_string(),
            };
            let what = format!("the resource comment's `{key}`");
            diagnostics.push(not_an_odata_name(page, line, &what, name, &instead));
            from_title?
        }
        None => {
            let (name, line) = title?;
            if !is_qualified_name(name) {
                diagnostics.push(not_an_odata_name(
                    page,
                    line,
                    "the title's type name",
                    name,
                    "the page describes no type",
                ));
                return None;
            }
            (name, line)
        }
    };
    Some((name.to_string(), line))
}

static TYPE_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[`*]*([A-Za-z_][\w.]*)[`*]*(?:\s+(?:resource|complex|entity|object|base|abstract))*(?:\s+(?:type|object|resource))?\s*$")
        .expect("valid regex")
});

/// `commsOperation resource type` -> `commsOperation`; a title that is prose ("Use the search
/// API") names no type.
fn title_type_name(title: &str) -> Option<&str> {
    TYPE_TITLE
        .captures(title.trim())
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// A page's resource comment (`<!-- { "blockType": "resource", ... } -->`), and the JSON
/// representation it heads, if it heads one.
#[derive(Debug, Clone, Copy)]
pub(super) struct ResourceComment<'p, 'a> {
    pub(super) metadata: &'p Metadata,
    pub(super) representation: Option<&'p CodeBlock<'a>>,
}

/// The resource comment of a page, wherever it sits: the first that heads a code block, else
/// the first that heads none.
pub(super) fn resource_comment<'p, 'a>(page: &'p Page<'a>) -> Option<ResourceComment<'p, 'a>> {
    let is_resource = |metadata: &&Metadata| metadata.is_block_type("resource");
    page.code_blocks()
        .find_map(|code| {
            let metadata = code.metadata.as_ref().filter(is_resource)?;
            Some(ResourceComment {
                metadata,
                representation: Some(code),
            })
        })
        .or_else(|| {
            let metadata = page.loose_metadata.iter().find(is_resource)?;
            Some(ResourceComment {
                metadata,
                representation: None,
            })
        })
}

/// "Properties of a token issuance policy definition" describes a part of the type (here a JSON
/// document held in a string property), not the type: its table is reported, not merged.
fn report_part_properties(
    page: &Page,
    section: Section<'_, '_>,
    type_name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let (Some(heading), true) = (section.heading, section.tables().next().is_some()) {
        diagnostics.push(Diagnostic::note(
            DiagnosticKind::NoFacts,
            page.location_of(heading.span),
            format!(
                "section {:?} describes a part of `{type_name}`, not its properties; its table is not modelled",
                heading.text
            ),
        ));
    }
}

static INHERITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:inherits(?:\s+from)?|(?:inherited|derives|derived)\s+from|extends|sub(?:type|class)\s+(?:of|from))\b",
    )
    .expect("valid regex")
});

/// How many bytes after an inheritance phrase its base's link may start ("inherits from the
/// base class [x]").
const NEAR_INHERITANCE_PHRASE: usize = 40;

/// "Inherits from [x](x.md)." in the prose before the Properties table (above the Properties
/// heading, or between it and the table): the link that follows the phrase closely (a few
/// words such as "base class" may stand between) is the base type; so is the link a
/// definition by kind opens with (see [`defining_link`]).
fn prose_base(page: &Page) -> Option<(TypeRef, Location)> {
    for section in page.sections() {
        let title = section.title().to_ascii_lowercase();
        if title.starts_with("relationship") || title.starts_with("json") {
            break;
        }
        let is_properties = title.starts_with("propert");
        for block in section.blocks {
            let text = match block {
                Block::Text(text) => text,
                Block::Table(_) if is_properties => return None,
                _ => continue,
            };
            for found in INHERITS.find_iter(&text.text) {
                let after = &text.text[found.end()..];
                // The link that comes first after the phrase, starting near it in the same
                // clause (however long its name: "a subtype of this type, either [x]" names a
                // subtype); at one place, the longest text (`[teamsAppInstallation]`, not a
                // `[teamsApp]` link elsewhere in the sentence).
                let Some((_, link)) = text
                    .links
                    .iter()
                    .filter(|l| !l.text.is_empty())
                    .filter_map(|l| {
                        after
                            .find(&*l.text)
                            .filter(|&at| {
                                at < NEAR_INHERITANCE_PHRASE
                                    && !after[..at].contains([',', ';', '.', '!', '?'])
                            })
                            .map(|at| ((at, Reverse(l.text.len())), l))
                    })
                    .min_by_key(|&(key, _)| key)
                else {
                    continue;
                };
                return Some((
                    TypeRef::from_link(&link.text, &link.target),
                    page.location_of(text.span),
                ));
            }
            if let Some(link) = defining_link(text) {
                return Some((
                    TypeRef::from_link(&link.text, &link.target),
                    page.location_of(text.span),
                ));
            }
        }
        if is_properties {
            break;
        }
    }
    None
}

/// A definition by kind: "An [educationOutcome](educationoutcome.md) that gives a numerical
/// grade." The paragraph opens with an article and the link, and a relative clause follows.
fn defining_link<'t, 'a>(text: &'t Text<'a>) -> Option<&'t Link<'a>> {
    let link = text.links.first()?;
    let rest = ["A ", "An "]
        .iter()
        .find_map(|article| text.text.strip_prefix(article))?
        .strip_prefix(&*link.text)?;
    [" that ", " which "]
        .iter()
        .any(|clause| rest.starts_with(clause))
        .then_some(link)
}

/// The types a section links to from its table's first column or its list items.
fn linked_types(page: &Page, section: Section<'_, '_>) -> Vec<(TypeRef, Location)> {
    let mut types = Vec::new();
    for block in section.blocks {
        let cells: Vec<&Text> = match block {
            Block::Table(table) => table.rows().filter_map(|row| row.first()).collect(),
            Block::Text(text) => vec![text],
            Block::Code(_) => Vec::new(),
        };
        for cell in cells {
            if let Some(link) = cell.links.first().filter(|l| l.target.contains(".md")) {
                types.push((
                    TypeRef::from_link(&link.text, &link.target),
                    page.location_of(cell.span),
                ));
            }
        }
    }
    types
}

/// A Methods table whose rows name HTTP verbs or link to API pages means the type is
/// addressable (has a key), unless every such row returns a collection of another type: then
/// the methods belong elsewhere (a function listed for reference, such as `getRecentNotebooks`
/// on a `recentNotebook` page, which returns notebooks).
fn section_lists_methods(section: Section<'_, '_>, type_name: &str) -> bool {
    section.tables().any(|table| {
        let returns = table.column(&["return type", "return types", "returns"]);
        let mut methods = table.rows().filter(|row| {
            row.iter().any(|cell| {
                ["GET ", "POST ", "PATCH ", "PUT ", "DELETE "]
                    .iter()
                    .any(|verb| cell.text.contains(verb))
                    || cell.links.iter().any(|link| link.target.contains("api/"))
            })
        });
        let returns_other_type = |row: &[Text<'_>]| {
            let Some(cell) = returns.and_then(|c| row.get(c)) else {
                return false;
            };
            cell.text.contains("collection")
                && !cell.links.is_empty()
                && cell.links.iter().all(|link| {
                    !TypeRef::from_link(&link.text, &link.target)
                        .name
                        .eq_ignore_ascii_case(type_name)
                })
        };
        match methods.next() {
            None => false,
            Some(first) => !(returns_other_type(first) && methods.all(returns_other_type)),
        }
    })
}

/// Properties read from a JSON representation, for resource pages that have no table.
fn json_representation_properties(
    page: &Page,
    code: &CodeBlock<'_>,
    properties: &mut Vec<PropertyFact>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let line = code.span.line;
    let Ok(Value::Object(object)) = crate::lenient_json::parse_lenient_json(&code.text) else {
        return;
    };
    for (name, value) in &object {
        if name.starts_with('@') {
            continue;
        }
        if !is_identifier(name) {
            // An open type's representation shows sample keys (`"4e98f8f1-..."`, `"string-value"`).
            diagnostics.push(Diagnostic::note(
                DiagnosticKind::UnreadableType,
                page.location(line),
                format!("key {name:?} of the JSON representation is not an identifier, so not a property name (a sample key of an open type?); not modelled"),
            ));
            continue;
        }
        if let Some((ty, collection, values)) = value_hints::representation_hint(value) {
            properties.push(PropertyFact {
                name: name.clone(),
                ty,
                collection,
                navigation: false,
                description: String::new(),
                values,
                inherited_from: None,
                type_guessed: false,
                location: page.location(line),
                evidence: Evidence::JsonRepresentation,
            });
        }
    }
}

/// The resource comment's `optionalProperties` are navigation properties (not returned unless
/// expanded). Those no table lists get a type guessed from their name (`calendars` ->
/// `calendar` collection), which the schema keeps only if that type exists.
fn optional_navigation_properties(
    page: &Page,
    metadata: &Metadata,
    properties: &mut Vec<PropertyFact>,
) {
    let Some(Value::Array(names)) = metadata.value.get("optionalProperties") else {
        return;
    };
    for name in names.iter().filter_map(Value::as_str) {
        if !is_identifier(name) || properties.iter().any(|p| p.name.eq_ignore_ascii_case(name)) {
            continue;
        }
        let (singular, collection) = singular(name);
        properties.push(PropertyFact {
            name: name.to_string(),
            ty: PropertyType::Named(TypeRef::named(singular)),
            collection,
            navigation: true,
            description: String::new(),
            values: Vec::new(),
            inherited_from: None,
            type_guessed: true,
            location: page.location_of(metadata.span),
            evidence: Evidence::JsonRepresentation,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose_base_of(intro: &str) -> Option<String> {
        let text = format!(
            "# thing resource type\n\nNamespace: microsoft.graph\n\n{intro}\n\n## Properties\n"
        );
        let source = crate::read::SourceText::for_test("resources/thing.md", text);
        let (page, _) = crate::page::parse_page(&source);
        prose_base(&page).map(|(base, _)| base.name)
    }

    #[test]
    fn a_definition_by_kind_names_the_base() {
        assert_eq!(
            prose_base_of("An [educationOutcome](educationoutcome.md) that gives a grade.")
                .as_deref(),
            Some("educationOutcome")
        );
        assert_eq!(
            prose_base_of("A [message](message.md) which asks for a meeting.").as_deref(),
            Some("message")
        );
        // A link elsewhere in the sentence, or no relative clause after it, defines nothing.
        assert_eq!(
            prose_base_of("Feedback on an [educationOutcome](educationoutcome.md) that grades."),
            None
        );
        assert_eq!(
            prose_base_of("A [user](user.md) object's photo.").as_deref(),
            None
        );
    }

    #[test]
    fn prose_names_a_base_only_after_an_inheritance_phrase() {
        assert_eq!(
            prose_base_of("Inherits from [entity](entity.md).").as_deref(),
            Some("entity")
        );
        assert_eq!(
            prose_base_of("This type is derived from the [base item](baseitem.md) type.")
                .as_deref(),
            Some("baseitem")
        );
        assert_eq!(
            prose_base_of("It is a subclass of [outlookItem](outlookitem.md).").as_deref(),
            Some("outlookItem")
        );
        assert_eq!(
            prose_base_of("This creates a subclass from [grade](grade.md), which it extends.")
                .as_deref(),
            Some("grade")
        );
        // The link right after the phrase, not a shorter link text it contains.
        assert_eq!(
            prose_base_of(
                "A [widget](widget.md) in a list. It inherits from [widgetEntry](widgetentry.md)."
            )
            .as_deref(),
            Some("widgetEntry")
        );
        // However long the name, as long as it starts right after the phrase.
        assert_eq!(
            prose_base_of("Inherits from [deviceManagementConfigurationSimpleSettingValue](x.md)")
                .as_deref(),
            Some("deviceManagementConfigurationSimpleSettingValue")
        );
        assert_eq!(
            prose_base_of(
                "It inherits from nothing that this paragraph, which goes on, names: [widget](widget.md)."
            ),
            None
        );
        // Past the clause, a link names something else.
        assert_eq!(
            prose_base_of(
                "The answer will be a subtype of this complex type, either [answerString](answerstring.md) or [answerChoice](answerchoice.md)."
            ),
            None
        );
        // "derived" as an adjective names the subtypes, not the base.
        assert_eq!(
            prose_base_of("Every derived type carries it, such as [operation](operation.md)."),
            None
        );
    }
}
