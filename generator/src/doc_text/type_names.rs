//! How the docs spell a type: a primitive in any of its spellings (`String`, `int`,
//! `Edm.Int64`, `Timestamp`), and a collection as `Collection(x)`.

use super::ascii_case::starts_with_ignore_ascii_case;

/// The item type a `Collection(...)` type name wraps, in any case: `Collection(microsoft.graph.site)`
/// -> `microsoft.graph.site`; `None` for a name that is not such a collection.
pub fn collection_item(name: &str) -> Option<&str> {
    const COLLECTION: &str = "collection(";
    starts_with_ignore_ascii_case(name, COLLECTION)
        .then(|| name[COLLECTION.len()..].trim_end_matches(')').trim())
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
}
