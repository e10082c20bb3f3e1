//! The Rust type of each `Edm` primitive. The table is also printed in the generated crate's
//! documentation, so the two cannot disagree.

/// One `Edm` primitive and the Rust type that holds it.
#[derive(Debug, PartialEq, Eq)]
pub struct Primitive {
    pub edm: &'static str,
    /// A fully qualified Rust type.
    pub rust: &'static str,
    /// Why, where the choice is not obvious.
    pub note: &'static str,
}

const fn primitive(edm: &'static str, rust: &'static str, note: &'static str) -> Primitive {
    Primitive { edm, rust, note }
}

const STRING: &str = "::std::string::String";
const JSON: &str = "::serde_json::Value";

pub const PRIMITIVES: &[Primitive] = &[
    primitive("Edm.String", STRING, ""),
    primitive("Edm.Boolean", "bool", ""),
    primitive("Edm.Byte", "u8", ""),
    primitive("Edm.SByte", "i8", ""),
    primitive("Edm.Int16", "i16", ""),
    primitive("Edm.Int32", "i32", ""),
    primitive("Edm.Int64", "i64", ""),
    primitive("Edm.Single", "f32", ""),
    primitive("Edm.Double", "f64", ""),
    primitive(
        "Edm.Decimal",
        "::serde_json::Number",
        "the number exactly as read, with no rounding to a binary float",
    ),
    primitive(
        "Edm.DateTimeOffset",
        "::chrono::DateTime<::chrono::FixedOffset>",
        "RFC 3339, any number of fractional digits, offset kept",
    ),
    primitive("Edm.Date", "::chrono::NaiveDate", "`2021-03-18`"),
    primitive("Edm.TimeOfDay", "::chrono::NaiveTime", "`09:15:00.0000000`"),
    primitive(
        "Edm.Duration",
        STRING,
        "ISO 8601 duration (`PT1H30M`) as written; chrono has no such type",
    ),
    primitive(
        "Edm.Guid",
        STRING,
        "as written; Graph also puts non-GUID identifiers in such fields",
    ),
    primitive("Edm.Binary", STRING, "base64 text as written"),
    primitive(
        "Edm.Stream",
        STRING,
        "the stream's URL or inline content as written; streams are fetched separately",
    ),
    primitive("Edm.Untyped", JSON, "any JSON value"),
    primitive("Edm.Geography*", JSON, "GeoJSON"),
    primitive("Edm.Geometry*", JSON, "GeoJSON"),
];

/// The primitive an `Edm.` name stands for, case-insensitively (pages spell them freely); a
/// table entry ending in `*` stands for every name it begins.
pub fn primitive_for(edm: &str) -> Option<&'static Primitive> {
    let edm = edm.to_ascii_lowercase();
    PRIMITIVES.iter().find(|p| {
        let known = p.edm.to_ascii_lowercase();
        match known.strip_suffix('*') {
            Some(prefix) => edm.starts_with(prefix),
            None => edm == known,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rust_type_parses_and_lookup_ignores_case() {
        for p in PRIMITIVES {
            syn::parse_str::<syn::Type>(p.rust).unwrap();
            assert!(p.edm.starts_with("Edm."));
        }
        assert_eq!(primitive_for("edm.int32").map(|p| p.rust), Some("i32"));
        assert_eq!(
            primitive_for("Edm.GeographyPoint").map(|p| p.rust),
            Some(JSON)
        );
        assert_eq!(primitive_for("Edm.Nonsense"), None);
    }
}
