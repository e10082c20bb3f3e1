//! Names as pages write them: namespaces, type, property and enum member names, and the name a
//! cell holds.
//!
//! A name is made of name characters: ASCII letters, ASCII digits and `_`
//! ([`is_name_char`]). An identifier (a property name, a key, a path segment, one part of a
//! namespace or type name) starts with a letter or `_` ([`is_identifier`]); a qualified name
//! (a namespace, or a type name, simple or qualified) is identifiers joined by single dots
//! ([`is_qualified_name`]); an enum member may start with a digit too ([`is_member_name`]), as
//! the values a description lists do ("Supported values: 2, 4, 8").
//!
//! OData's identifiers may hold any Unicode letter; these names take ASCII ones only. The names
//! become Rust identifiers, which `rust/names.rs` makes of ASCII letters and digits alone, so a
//! name with other letters would lose them there (`größe` is the field `gr_e`) and could meet
//! another name that way; and Microsoft Graph's metadata publishes no name that is not ASCII,
//! so such a name on a page is a slip. The facts stage reports a property, namespace or type
//! name that is not a name where the page states it; a member row or a listed value that is
//! not one is skipped.

/// [`is_identifier`] in words, as messages say it.
pub const IDENTIFIER_RULE: &str = "an ASCII letter or `_` followed by ASCII letters, digits or `_`";

/// A character a name may hold: an ASCII letter, an ASCII digit or `_`.
pub fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// An identifier: name characters, the first a letter or `_` (`createdDateTime`, `_id`).
pub fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(is_name_char)
}

/// A namespace, or a type name, simple or qualified: identifiers joined by single dots
/// (`microsoft.graph.callRecords`, `user`).
pub fn is_qualified_name(text: &str) -> bool {
    text.split('.').all(is_identifier)
}

/// An enum member as a member table or a list of values writes it: name characters, the first
/// a digit as well (`1080p`, `5`).
pub fn is_member_name(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_name_char)
}

/// Strips markup around a name cell: `**id**`, `` `id` ``, `id (deprecated)`.
pub fn clean_name(text: &str) -> String {
    let text = text.trim().trim_matches(|c: char| c == '*' || c == '`');
    let first = text.split_whitespace().next().unwrap_or("");
    first
        .trim_matches(|c: char| c == '*' || c == '`' || c == '\\')
        .to_string()
}

/// The name characters and dots that `text` starts with: the qualified name, if any, that a
/// type cell or a value opens with (`microsoft.graph.x collection`, `String (timestamp)`).
pub fn leading_name(text: &str) -> &str {
    let end = text
        .find(|c: char| !(is_name_char(c) || c == '.'))
        .unwrap_or(text.len());
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_ascii_letters_digits_and_underscores() {
        for name in ["createdDateTime", "_id", "ipv4Address", "x_1"] {
            assert!(is_identifier(name), "{name}");
        }
        for name in ["", "1080p", "größe", "café", "a-b", "a.b", "odata type"] {
            assert!(!is_identifier(name), "{name}");
        }
        for name in ["microsoft.graph.callRecords", "user", "_x.y"] {
            assert!(is_qualified_name(name), "{name}");
        }
        for name in ["", "microsoft.graph.", ".user", "a..b", "café.menu", "x.1y"] {
            assert!(!is_qualified_name(name), "{name}");
        }
        for name in ["1080p", "5", "unknownFutureValue", "_"] {
            assert!(is_member_name(name), "{name}");
        }
        for name in ["", "größe", "a b", "a-b"] {
            assert!(!is_member_name(name), "{name}");
        }
    }

    #[test]
    fn a_cell_opens_with_its_name() {
        assert_eq!(
            leading_name("microsoft.graph.x collection"),
            "microsoft.graph.x"
        );
        assert_eq!(leading_name("String (timestamp)"), "String");
        assert_eq!(leading_name("größe"), "gr");
        assert_eq!(clean_name("**id** (deprecated)"), "id");
        assert_eq!(clean_name("`@odata.type`"), "@odata.type");
    }
}
