//! Tables of properties and enum members: their rows, the name, type and description cells of
//! each, and what a description says besides its text: the values it lists ("Possible values
//! are: `a`, `b`") and the ancestor a property is inherited from ("Inherited from [x](x.md)").

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::model::{Evidence, MemberFact, PropertyFact, TypeRef};
use super::type_cell::parse_type_cell;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::doc_text::{clean_name, is_identifier, is_member_name};
use crate::page::{Page, Table, Text};

/// Reads the rows of a property table (first column Property / Name / Parameter / Relationship,
/// a Type column anywhere, a Description column if there is one; other columns ignored).
pub(super) fn property_rows(
    page: &Page,
    table: &Table,
    navigation: bool,
    evidence: Evidence,
    out: &mut Vec<PropertyFact>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(name_col) = table.column(&[
        "property",
        "name",
        "parameter",
        "relationship",
        "property name",
        "relationship name",
        "navigation property",
    ]) else {
        return;
    };
    let Some(type_col) = table.column(&["type", "data type"]) else {
        return;
    };
    let description_col = table.column(&["description", "notes"]);
    for row in table.rows() {
        let (Some(name_cell), Some(type_cell)) = (row.get(name_col), row.get(type_col)) else {
            continue;
        };
        let name = clean_name(&name_cell.text);
        if name.is_empty() {
            continue;
        }
        let location = page.location_of(name_cell.span);
        if name.starts_with('@') {
            diagnostics.push(Diagnostic::note(
                DiagnosticKind::UnreadableType,
                location,
                format!("row `{name}` is an instance annotation, not a property; not modelled"),
            ));
            continue;
        }
        if !is_identifier(&name) {
            diagnostics.push(Diagnostic::warning(
                DiagnosticKind::UnreadableType,
                location,
                format!("property name {:?} is not an identifier; expected a name such as `createdDateTime`", name_cell.text),
            ));
            continue;
        }
        let description = description_col.and_then(|c| row.get(c));
        let description_text = description.map_or("", |d| &*d.text);
        let Some(cell) = parse_type_cell(type_cell) else {
            diagnostics.push(Diagnostic::warning(
                DiagnosticKind::UnreadableType,
                location,
                format!(
                    "type {:?} of property `{name}` is not a type; expected a primitive (String, Int32, ...), a type name or a link to a type page",
                    type_cell.text
                ),
            ));
            continue;
        };
        out.push(PropertyFact {
            name,
            ty: cell.ty,
            collection: cell.collection,
            navigation,
            values: possible_values(description_text),
            inherited_from: description.and_then(inherited_from),
            type_guessed: false,
            description: clean_description(description_text),
            location,
            evidence,
        });
    }
}

/// A description without what is not description: draft placeholders ("TODO: ..."), the
/// "Inherited from x" note (kept as a fact of its own), stray leading punctuation.
fn clean_description(text: &str) -> String {
    fn bare(sentence: &str) -> &str {
        sentence.trim().trim_start_matches(['*', '.', ' '])
    }
    let is_note = |sentence: &str| {
        let bare = bare(sentence);
        bare.starts_with("TODO") || bare.starts_with("Inherited from")
    };
    // Most descriptions have no such sentence: they are kept whole rather than pieced together.
    let kept: Cow<'_, str> = if sentences(text).any(is_note) {
        let mut kept = String::with_capacity(text.len());
        for sentence in sentences(text) {
            if is_note(sentence) {
                let bare = bare(sentence);
                // A TODO placeholder may run into the next sentence without a full stop.
                if let Some(rest) = bare.find(". ").map(|i| &bare[i + 2..]) {
                    kept.push_str(rest);
                }
                continue;
            }
            kept.push_str(sentence);
        }
        Cow::Owned(kept)
    } else {
        Cow::Borrowed(text)
    };
    kept.trim()
        .trim_start_matches(['.', ',', ';', ' '])
        .trim()
        .to_string()
}

/// `text` cut after each `". "`, as `text.split_inclusive(". ")` cuts it; found with a search for
/// `.` alone, which is much quicker than a search for the two-character string.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut from = 0;
        let end = loop {
            match rest[from..].find('.') {
                Some(dot) if rest.as_bytes().get(from + dot + 1) == Some(&b' ') => {
                    break from + dot + 2;
                }
                Some(dot) => from += dot + 1,
                None => break rest.len(),
            }
        };
        let (sentence, after) = rest.split_at(end);
        rest = after;
        Some(sentence)
    })
}

static POSSIBLE_VALUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:possible|supported|allowed|valid) values(?: are| include| for [^:.]+)?\s*:?\s*",
    )
    .expect("valid regex")
});

/// The values listed after "Possible values are:" in a description, in order.
pub fn possible_values(description: &str) -> Vec<String> {
    // A quick test before the regex: most descriptions list no values. (A search for a single
    // character is much quicker than one for a string.)
    let says_values = ['v', 'V'].into_iter().any(|v| {
        description
            .match_indices(v)
            .any(|(at, _)| description[at + 1..].starts_with("alues"))
    });
    if !says_values {
        return Vec::new();
    }
    let Some(found) = POSSIBLE_VALUES.find(description) else {
        return Vec::new();
    };
    let rest = &description[found.end()..];
    // The list ends at the end of the sentence: a `.` outside backticks followed by a space or the end.
    let mut end = rest.len();
    let mut in_code = false;
    for (i, c) in rest.char_indices() {
        match c {
            '`' => in_code = !in_code,
            '.' if !in_code => {
                let next = rest[i + 1..].chars().next();
                if next.is_none_or(char::is_whitespace) {
                    end = i;
                    break;
                }
            }
            _ => {}
        }
    }
    let list = &rest[..end];
    let spans: Vec<String> = code_spans(list)
        .map(|span| span.trim().to_string())
        .filter(|v| is_member_name(v))
        .collect();
    if !spans.is_empty() {
        return spans;
    }
    list.split([',', ';'])
        .flat_map(|part| part.split(" or ").flat_map(|p| p.split(" and ")))
        .map(|v| {
            v.trim()
                .trim_matches(|c: char| c == '"' || c == '\'' || c == '*')
                .to_string()
        })
        .filter(|v| is_member_name(v))
        .collect()
}

/// The text inside each pair of backticks, left to right, as the regex `` `([^`]+)` `` finds
/// it: an empty pair is skipped and its second backtick may open the next span.
fn code_spans(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || loop {
        let open = rest.find('`')?;
        let after = &rest[open + 1..];
        let close = after.find('`')?;
        if close == 0 {
            rest = after;
            continue;
        }
        rest = &after[close + 1..];
        return Some(&after[..close]);
    })
}

/// "Inherited from [x](x.md)" in a description cell.
fn inherited_from(description: &Text) -> Option<TypeRef> {
    let text = &description.text;
    let at = text.find("nherited from")?;
    let after = &text[at..];
    let link = description
        .links
        .iter()
        .find(|link| after.contains(&*link.text))?;
    Some(TypeRef::from_link(&link.text, &link.target))
}

/// Rows of a member table: the Member (or Name / Value) column first, optional Value and
/// Description columns.
/// The members a member table lists; a row whose member cell is not a member name is reported
/// and left out.
pub(super) fn member_rows(
    page: &Page,
    table: &Table,
    out: &mut Vec<MemberFact>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let named = table.column(&["member", "name", "enum member", "member name"]);
    // `| Value | Description |` tables name the members in the Value column.
    let value_names = named.is_none().then(|| table.column(&["value"])).flatten();
    let Some(member_col) = named
        .or(value_names)
        .or_else(|| (table.header.len() == 1).then_some(0))
    else {
        return;
    };
    if table.column(&["type"]).is_some() {
        return;
    }
    let value_col = table
        .column(&["value", "int value", "intvalue"])
        .filter(|&c| c != member_col);
    let description_col = table.column(&["description"]);
    for row in table.rows() {
        let Some(cell) = row.get(member_col) else {
            continue;
        };
        let name = clean_name(&cell.text);
        if !is_member_name(&name) {
            if !name.is_empty() {
                diagnostics.push(Diagnostic::warning(
                    DiagnosticKind::Malformed,
                    page.location_of(cell.span),
                    format!(
                        "enum member {name:?} is not a member name: expected ASCII letters, digits and `_`; the row is left out"
                    ),
                ));
            }
            continue;
        }
        let value = value_col
            .and_then(|c| row.get(c))
            .and_then(|c| c.text.trim().parse::<i64>().ok());
        let description = description_col
            .and_then(|c| row.get(c))
            .map(|c| c.text.to_string())
            .unwrap_or_default();
        out.push(MemberFact {
            name,
            value,
            description,
            location: page.location_of(cell.span),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possible_values_from_code_spans_and_plain_lists() {
        assert_eq!(
            possible_values("Read-only. Possible values are: `notStarted`, `running`, `completed`, `failed`. Read-only."),
            ["notStarted", "running", "completed", "failed"]
        );
        assert_eq!(
            possible_values("The values. Possible values are: low, normal, high."),
            ["low", "normal", "high"]
        );
        assert!(possible_values("No list here.").is_empty());
    }

    #[test]
    fn code_spans_are_what_the_backtick_regex_finds() {
        let regex = Regex::new(r"`([^`]+)`").expect("valid regex");
        for text in [
            "`a`, `b`",
            "`a`, ``, `b` and `c",
            "```x``",
            "no spans",
            "`\n`",
            "``",
        ] {
            let expected: Vec<&str> = regex
                .captures_iter(text)
                .map(|c| c.get(1).map_or("", |m| m.as_str()))
                .collect();
            assert_eq!(code_spans(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn sentences_are_cut_as_split_inclusive_cuts_them() {
        for text in [
            "",
            "One. Two. ",
            "a.. b. .c",
            "No stop",
            ". . ",
            "End.",
            "x. y.z. ",
        ] {
            let expected: Vec<&str> = text.split_inclusive(". ").collect();
            assert_eq!(sentences(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn descriptions_lose_placeholders_and_inheritance_notes() {
        assert_eq!(
            clean_description("TODO: Add Description Inherited from entity"),
            ""
        );
        assert_eq!(
            clean_description("TODO: Add Description. Possible values are: `a`, `b`."),
            "Possible values are: `a`, `b`."
        );
        assert_eq!(
            clean_description(". Possible values are: `a`."),
            "Possible values are: `a`."
        );
        assert_eq!(
            clean_description("Caller string. Inherited from commsOperation."),
            "Caller string."
        );
    }

    #[test]
    fn a_property_name_with_a_letter_outside_ascii_is_reported_and_left_out() {
        let text = "# dish resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| name | String | The dish's name. |\n| größe | Int32 | The portion, in grams. |\n";
        let source = crate::read::SourceText::for_test("resources/dish.md", text);
        let facts = crate::facts::extract(&crate::page::parse_page(&source).0);
        let names: Vec<&str> = facts.types[0]
            .properties
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["name"]);
        let reported: Vec<String> = facts.diagnostics.iter().map(|d| d.to_string()).collect();
        assert!(
            reported
                .iter()
                .any(|d| d.starts_with("resources/dish.md:10:3: warning[D0203]")
                    && d.contains("property name \"größe\" is not an identifier")),
            "{reported:?}"
        );
    }

    #[test]
    fn an_enum_member_with_a_letter_outside_ascii_is_reported_and_left_out() {
        let text = "---\ndoc_type: enumPageType\n---\n# portionSize enum type\n\nNamespace: microsoft.graph\n\n| Member | Value | Description |\n|:--|:--|:--|\n| small | 0 | A starter. |\n| größer | 1 | A main course. |\n|  |  |  |\n";
        let source = crate::read::SourceText::for_test("resources/portionsize.md", text);
        let facts = crate::facts::extract(&crate::page::parse_page(&source).0);
        let names: Vec<&str> = facts.types[0]
            .members
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(names, ["small"]);
        let reported: Vec<String> = facts.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            reported,
            ["resources/portionsize.md:11:3: warning[D0102]: enum member \"größer\" is not a member name: expected ASCII letters, digits and `_`; the row is left out"],
        );
    }
}
