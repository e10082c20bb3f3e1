//! Names as pages write them: namespaces, type and property names, enum members, and the name
//! a table cell or a type cell holds.

/// A namespace, or a type name, simple or qualified: identifiers (see [`is_type_identifier`])
/// joined by single dots.
pub fn is_odata_name(text: &str) -> bool {
    text.split('.').all(is_type_identifier)
}

pub fn is_type_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

/// An OData simple identifier: a letter or `_`, then letters, digits and `_`.
pub fn is_property_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

pub fn is_member_name(value: &str) -> bool {
    !value.is_empty()
        && value.chars().all(|c| c.is_alphanumeric() || c == '_')
        && value
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Strips markup around a name cell: `**id**`, `` `id` ``, `id (deprecated)`.
pub fn clean_name(text: &str) -> String {
    let text = text.trim().trim_matches(|c: char| c == '*' || c == '`');
    let first = text.split_whitespace().next().unwrap_or("");
    first
        .trim_matches(|c: char| c == '*' || c == '`' || c == '\\')
        .to_string()
}

/// The name characters (ASCII letters and digits, `.` and `_`) that `text` starts with.
pub fn leading_name(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_')))
        .unwrap_or(text.len());
    &text[..end]
}
