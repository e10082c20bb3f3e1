//! Reading a Type cell: `String`, `Int32`, `[resultInfo](../resources/resultInfo.md)`,
//! `String collection`, `Collection(x)`, `Enumeration`, `**x**`, `x (deprecated)`, and types
//! joined by "or" (`[a](a.md) or [b](b.md)`, `(boolean or string) collection`).

use super::model::{PropertyType, TypeRef};
use crate::doc_text::{
    ends_with_ignore_ascii_case, find_ignore_ascii_case, is_qualified_name, leading_name,
    primitive_type, starts_with_ignore_ascii_case,
};
use crate::page::Text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeCell {
    pub ty: PropertyType,
    pub collection: bool,
}

/// The type a cell names, or `None` when it names none.
pub fn parse_type_cell(cell: &Text) -> Option<TypeCell> {
    let text = cell.text.trim();
    if let Some(one_of) = alternatives(cell) {
        return Some(one_of);
    }
    let unwrapped = strip_wrappers(text);
    if let Some(link) = cell.links.first() {
        let link_text = link.text.trim().trim_matches('`');
        // The link is the type when the cell starts with it (`[x](x.md) collection`).
        if unwrapped.starts_with(link_text)
            || unwrapped.trim_start_matches('[').starts_with(link_text)
        {
            let ty = match primitive_type(link_text) {
                Some(primitive) => PropertyType::Primitive(primitive),
                None => PropertyType::Named(TypeRef::from_link(link_text, &link.target)),
            };
            let collection = is_collection(text, link_text);
            return Some(TypeCell { ty, collection });
        }
    }
    let token = leading_name(unwrapped).trim_end_matches('.');
    if token.is_empty() {
        return None;
    }
    let ty = if let Some(primitive) = primitive_type(token) {
        PropertyType::Primitive(primitive)
    } else if token.eq_ignore_ascii_case("enumeration") || token.eq_ignore_ascii_case("enum") {
        PropertyType::Enumeration
    } else if is_qualified_name(token) && !token.eq_ignore_ascii_case("collection") {
        PropertyType::Named(TypeRef::named(token))
    } else {
        return None;
    };
    let collection = is_collection(text, token);
    Some(TypeCell { ty, collection })
}

/// A cell that is nothing but type names joined by "or", in parentheses or not, with
/// "collection" after the last one or the parentheses: `[a](a.md) or [b](b.md)`,
/// `(boolean or string) collection`. Anything else ("String. A name or an id") is no such cell.
fn alternatives(cell: &Text) -> Option<TypeCell> {
    let text = cell.text.trim();
    if !text.contains(" or ") {
        return None;
    }
    let (names, after) = match text.strip_prefix('(') {
        Some(inner) => inner.split_once(')')?,
        None => (text, ""),
    };
    let mut collection = is_collection_word(after.trim())?;
    let mut one_of: Vec<PropertyType> = Vec::new();
    let mut parts = names.split(" or ").peekable();
    while let Some(part) = parts.next() {
        let part = part.trim().trim_matches(|c: char| c == '`' || c == '*');
        let name = leading_name(part);
        let rest = part[name.len()..].trim();
        if parts.peek().is_none() && after.is_empty() {
            collection = is_collection_word(rest)?;
        } else if !rest.is_empty() {
            return None;
        }
        let ty = alternative(name, cell)?;
        if !one_of.contains(&ty) {
            one_of.push(ty);
        }
    }
    let ty = match one_of.len() {
        1 => one_of.pop()?,
        _ => PropertyType::OneOf(one_of),
    };
    Some(TypeCell { ty, collection })
}

/// `Some(true)` for "collection", `Some(false)` for nothing, `None` for any other text.
fn is_collection_word(text: &str) -> Option<bool> {
    match text {
        "" => Some(false),
        _ if text.eq_ignore_ascii_case("collection") => Some(true),
        _ => None,
    }
}

/// One type of several joined by "or": a primitive, the type a link of the cell with this text
/// points at, or a bare type name.
fn alternative(name: &str, cell: &Text) -> Option<PropertyType> {
    if let Some(primitive) = primitive_type(name) {
        return Some(PropertyType::Primitive(primitive));
    }
    let link = cell
        .links
        .iter()
        .find(|link| link.text.trim().trim_matches('`') == name);
    match link {
        Some(link) => Some(PropertyType::Named(TypeRef::from_link(name, &link.target))),
        None => is_qualified_name(name).then(|| PropertyType::Named(TypeRef::named(name))),
    }
}

/// Whether the cell says "collection" (or `array`, `[]`) outside the type's own name, so that a
/// type named `…Collection` stays a single value. Case-insensitive.
fn is_collection(text: &str, type_name: &str) -> bool {
    // The text with the name's first occurrence cut out, as the two sides of the cut.
    let (before, after) = match find_ignore_ascii_case(text, type_name) {
        Some(at) => (&text[..at], &text[at + type_name.len()..]),
        None => (text, ""),
    };
    const WORD: &str = "collection";
    let across_cut = (1..WORD.len()).any(|split| {
        ends_with_ignore_ascii_case(before, &WORD[..split])
            && starts_with_ignore_ascii_case(after, &WORD[split..])
    });
    find_ignore_ascii_case(before, WORD).is_some()
        || find_ignore_ascii_case(after, WORD).is_some()
        || across_cut
        || starts_with_ignore_ascii_case(text, "array")
        || text.ends_with("[]")
}

/// Removes markup and a `Collection(...)` wrapper around a type.
fn strip_wrappers(text: &str) -> &str {
    let mut text = text
        .trim()
        .trim_matches(|c: char| c == '*' || c == '`' || c == '_')
        .trim();
    for prefix in [
        "Collection(",
        "collection(",
        "Collection of ",
        "collection of ",
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            text = rest.trim_start().trim_start_matches(['`', '*']);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Link;

    fn cell(text: &str, links: &[(&str, &str)]) -> Option<TypeCell> {
        parse_type_cell(&Text {
            span: crate::diagnostic::Span::line(1),
            text: text.to_string().into(),
            links: links
                .iter()
                .map(|(t, target)| Link {
                    text: t.to_string().into(),
                    target: target.to_string().into(),
                })
                .collect(),
        })
    }

    #[test]
    fn a_timestamp_is_a_date_time() {
        assert_eq!(
            cell("Timestamp", &[]).map(|c| c.ty),
            Some(PropertyType::Primitive("Edm.DateTimeOffset"))
        );
    }

    #[test]
    fn primitives_and_collections() {
        assert_eq!(
            cell("String", &[]),
            Some(TypeCell {
                ty: PropertyType::Primitive("Edm.String"),
                collection: false
            })
        );
        assert_eq!(
            cell("String collection", &[]),
            Some(TypeCell {
                ty: PropertyType::Primitive("Edm.String"),
                collection: true
            })
        );
        assert_eq!(
            cell("Collection(Edm.Int64)", &[]),
            Some(TypeCell {
                ty: PropertyType::Primitive("Edm.Int64"),
                collection: true
            })
        );
        assert_eq!(
            cell("**DateTimeOffset**", &[]).map(|c| c.ty),
            Some(PropertyType::Primitive("Edm.DateTimeOffset"))
        );
        assert_eq!(
            cell("Enumeration", &[]).map(|c| c.ty),
            Some(PropertyType::Enumeration)
        );
        assert_eq!(cell("", &[]), None);
    }

    #[test]
    fn links_and_bare_names() {
        let linked = cell(
            "resultInfo collection",
            &[("resultInfo", "../resources/resultInfo.md")],
        )
        .unwrap();
        assert!(linked.collection);
        assert_eq!(
            linked.ty,
            PropertyType::Named(TypeRef {
                name: "resultInfo".into(),
                page: Some("resultinfo".into())
            })
        );
        assert_eq!(
            cell("operationStatus", &[]).map(|c| c.ty),
            Some(PropertyType::Named(TypeRef::named("operationStatus")))
        );
    }

    #[test]
    fn types_joined_by_or_are_all_kept() {
        let linked = cell(
            "organizerMeetingInfo or tokenMeetingInfo",
            &[
                ("organizerMeetingInfo", "organizermeetinginfo.md"),
                ("tokenMeetingInfo", "tokenmeetinginfo.md"),
            ],
        );
        let named = |name: &str| {
            PropertyType::Named(TypeRef {
                name: name.into(),
                page: Some(name.to_ascii_lowercase()),
            })
        };
        assert_eq!(
            linked,
            Some(TypeCell {
                ty: PropertyType::OneOf(vec![
                    named("organizerMeetingInfo"),
                    named("tokenMeetingInfo")
                ]),
                collection: false
            })
        );
        assert_eq!(
            cell("(boolean or string or number) collection", &[]),
            Some(TypeCell {
                ty: PropertyType::OneOf(vec![
                    PropertyType::Primitive("Edm.Boolean"),
                    PropertyType::Primitive("Edm.String"),
                    PropertyType::Named(TypeRef::named("number")),
                ]),
                collection: true
            })
        );
        // The same type twice is that type; a sentence with "or" in it names the first type.
        assert_eq!(
            cell("String or string", &[]).map(|c| c.ty),
            Some(PropertyType::Primitive("Edm.String"))
        );
        assert_eq!(
            cell("String. Either a name or an id", &[]).map(|c| c.ty),
            Some(PropertyType::Primitive("Edm.String"))
        );
    }

    #[test]
    fn a_type_named_collection_is_one_value() {
        let linked = |text: &str| {
            cell(
                text,
                &[("teamworkTagCollection", "teamworktagcollection.md")],
            )
            .unwrap()
            .collection
        };
        assert!(!linked("teamworkTagCollection"));
        assert!(linked("teamworkTagCollection collection"));
        assert!(
            !cell("microsoft.graph.itemCollection", &[])
                .unwrap()
                .collection
        );
        assert!(
            cell("Collection(microsoft.graph.itemCollection)", &[])
                .unwrap()
                .collection
        );
    }
}
