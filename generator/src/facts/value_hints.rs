//! What a JSON value says about the type of the property it is the value of: in an example
//! (`"x"`, `1`, `true`, `{"@odata.type": "#x"}`, `[...]`), and in a resource's JSON
//! representation, whose strings name the type (`"String (timestamp)"`, `"a | b"`).

use serde_json::Value;

use super::model::{PropertyType, TypeRef};
use crate::doc_text::{is_member_name, is_qualified_name, leading_name, primitive_type};

/// What an example value says about its property's type. Strings are only ever `Edm.String`:
/// example strings are often placeholders (`"String"`), so they prove nothing more.
pub fn example_value_hint(value: &Value) -> Option<(PropertyType, bool)> {
    match value {
        Value::Array(items) => {
            let (ty, _) = example_value_hint(items.first()?)?;
            Some((ty, true))
        }
        Value::String(_) => Some((PropertyType::Primitive("Edm.String"), false)),
        Value::Object(object) => {
            let name = object
                .get("@odata.type")?
                .as_str()?
                .trim()
                .trim_start_matches('#');
            (!name.is_empty()).then(|| (PropertyType::Named(TypeRef::named(name)), false))
        }
        Value::Bool(_) => Some((PropertyType::Primitive("Edm.Boolean"), false)),
        Value::Number(number) => Some((number_type(number), false)),
        Value::Null => None,
    }
}

fn number_type(number: &serde_json::Number) -> PropertyType {
    PropertyType::Primitive(match number.as_i64() {
        Some(n) if i32::try_from(n).is_ok() => "Edm.Int32",
        Some(_) => "Edm.Int64",
        None => "Edm.Double",
    })
}

/// What a JSON representation value says about its property's type: what an example value
/// says (see [`example_value_hint`]), except that a string names the type, and an enum its
/// values: `"String"`, `"String (timestamp)"`, `"microsoft.graph.x"`, `"a | b"`.
pub fn representation_hint(value: &Value) -> Option<(PropertyType, bool, Vec<String>)> {
    match value {
        Value::Array(items) => {
            let (ty, _, values) = representation_hint(items.first()?)?;
            Some((ty, true, values))
        }
        Value::String(text) => {
            let (ty, values) = type_in_representation(text)?;
            Some((ty, false, values))
        }
        _ => example_value_hint(value).map(|(ty, collection)| (ty, collection, Vec::new())),
    }
}

/// The type a JSON representation's string stands for, with the values of an enum:
/// `"a | b | c"` is an enum of these values, `"String (timestamp)"` a date and time, `"Int32"`
/// a primitive, `"microsoft.graph.x"` a named type.
fn type_in_representation(text: &str) -> Option<(PropertyType, Vec<String>)> {
    let text = text.trim();
    if text.contains('|') {
        let values: Vec<String> = text
            .split('|')
            .map(|v| v.trim().to_string())
            .filter(|v| is_member_name(v))
            .collect();
        return (!values.is_empty()).then_some((PropertyType::Enumeration, values));
    }
    if text.to_ascii_lowercase().contains("(timestamp)") {
        return Some((PropertyType::Primitive("Edm.DateTimeOffset"), Vec::new()));
    }
    let token = leading_name(text);
    if let Some(primitive) = primitive_type(token) {
        return Some((PropertyType::Primitive(primitive), Vec::new()));
    }
    (token.contains('.') && is_qualified_name(token))
        .then(|| (PropertyType::Named(TypeRef::named(token)), Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn representation_hints() {
        let hint = |v: Value| representation_hint(&v).map(|(ty, c, values)| (ty, c, values.len()));
        assert_eq!(
            hint(Value::from("String (timestamp)")),
            Some((PropertyType::Primitive("Edm.DateTimeOffset"), false, 0))
        );
        assert_eq!(
            hint(Value::from("a | b | c")),
            Some((PropertyType::Enumeration, false, 3))
        );
        assert_eq!(
            hint(serde_json::json!([{"@odata.type": "#microsoft.graph.x"}])),
            Some((
                PropertyType::Named(TypeRef::named("microsoft.graph.x")),
                true,
                0
            ))
        );
        assert_eq!(
            hint(Value::from(3_000_000_000_i64)),
            Some((PropertyType::Primitive("Edm.Int64"), false, 0))
        );
    }
}
