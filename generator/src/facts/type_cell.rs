//! Reading a Type cell: `String`, `Int32`, `[resultInfo](../resources/resultInfo.md)`,
//! `String collection`, `Collection(x)`, `Enumeration`, `**x**`, `x (deprecated)`, and types
//! joined by "or" (`[a](a.md) or [b](b.md)`, `(boolean or string) collection`).

use super::{type_ref_from_link, PropertyType, TypeRef};
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
                None => PropertyType::Named(type_ref_from_link(link_text, &link.target)),
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
    } else if super::is_type_identifier(token) && !token.eq_ignore_ascii_case("collection") {
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
        Some(link) => Some(PropertyType::Named(type_ref_from_link(name, &link.target))),
        None => super::is_type_identifier(name).then(|| PropertyType::Named(TypeRef::named(name))),
    }
}

/// The name characters (ASCII letters and digits, `.` and `_`) that `text` starts with.
pub(crate) fn leading_name(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_')))
        .unwrap_or(text.len());
    &text[..end]
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

/// Byte offset of the first ASCII-case-insensitive occurrence of `needle` in `text`. Text that
/// only differs in ASCII case has the same length, so the offset is one in `text` too.
fn find_ignore_ascii_case(text: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    text.as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

fn starts_with_ignore_ascii_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn ends_with_ignore_ascii_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
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

/// The item type a `Collection(...)` type name wraps, in any case: `Collection(microsoft.graph.site)`
/// -> `microsoft.graph.site`; `None` for a name that is not such a collection.
pub fn collection_item(name: &str) -> Option<&str> {
    name.get(..11)
        .filter(|head| head.eq_ignore_ascii_case("collection("))
        .map(|_| name[11..].trim_end_matches(')').trim())
}

/// The `Edm.*` name of a primitive as the docs spell it (`String`, `int`, `Edm.Int64`).
pub fn primitive_type(name: &str) -> Option<&'static str> {
    let name = name.trim();
    let name = if starts_with_ignore_ascii_case(name, "edm.") {
        &name[4..]
    } else {
        name
    };
    PRIMITIVES
        .iter()
        .find(|(spelling, _)| name.eq_ignore_ascii_case(spelling))
        .map(|&(_, primitive)| primitive)
}

/// How the docs spell each primitive (compared ignoring ASCII case), and its `Edm.*` name.
const PRIMITIVES: &[(&str, &str)] = &[
    ("string", "Edm.String"),
    ("url", "Edm.String"),
    ("uri", "Edm.String"),
    ("int32", "Edm.Int32"),
    ("int", "Edm.Int32"),
    ("integer", "Edm.Int32"),
    ("int64", "Edm.Int64"),
    ("long", "Edm.Int64"),
    ("int16", "Edm.Int16"),
    ("short", "Edm.Int16"),
    ("byte", "Edm.Byte"),
    ("sbyte", "Edm.SByte"),
    ("boolean", "Edm.Boolean"),
    ("bool", "Edm.Boolean"),
    ("double", "Edm.Double"),
    ("single", "Edm.Single"),
    ("float", "Edm.Single"),
    ("decimal", "Edm.Decimal"),
    ("datetimeoffset", "Edm.DateTimeOffset"),
    ("datetime", "Edm.DateTimeOffset"),
    // As in JSON representations' `"String (timestamp)"`. Like `uri`, the primitive reading
    // wins over a page of that name (`timeStamp`, a complex type no property uses).
    ("timestamp", "Edm.DateTimeOffset"),
    ("date", "Edm.Date"),
    ("timeofday", "Edm.TimeOfDay"),
    ("duration", "Edm.Duration"),
    ("timespan", "Edm.Duration"),
    ("guid", "Edm.Guid"),
    ("uuid", "Edm.Guid"),
    ("binary", "Edm.Binary"),
    ("base64binary", "Edm.Binary"),
    ("stream", "Edm.Stream"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Link;

    fn cell(text: &str, links: &[(&str, &str)]) -> Option<TypeCell> {
        parse_type_cell(&Text {
            line: 1,
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
    fn collection_names_give_their_item_type() {
        assert_eq!(
            collection_item("Collection(microsoft.graph.site)"),
            Some("microsoft.graph.site")
        );
        assert_eq!(
            collection_item("collection(Edm.String)"),
            Some("Edm.String")
        );
        assert_eq!(collection_item("microsoft.graph.site"), None);
        assert_eq!(collection_item("itemCollection"), None);
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
