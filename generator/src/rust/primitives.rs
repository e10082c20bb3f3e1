//! The Rust type of each `Edm` primitive ([`crate::edm`]), which reads exactly the JSON the
//! primitive's values are written as. The table is also printed in the generated crate's
//! documentation, so the two cannot disagree.

use crate::edm::edm_primitive;

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

/// The primitive an `Edm.` name stands for, as [`edm_primitive`] finds it.
pub fn primitive_for(edm: &str) -> Option<&'static Primitive> {
    let known = edm_primitive(edm)?;
    PRIMITIVES.iter().find(|p| p.edm == known.name)
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::edm::EDM_PRIMITIVES;

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

    #[test]
    fn every_edm_primitive_has_one_rust_type() {
        let edm: Vec<&str> = EDM_PRIMITIVES.iter().map(|p| p.name).collect();
        let rust: Vec<&str> = PRIMITIVES.iter().map(|p| p.edm).collect();
        assert_eq!(edm, rust);
    }

    /// Whether every primitive held as the Rust type `rust` reads `value`, by its JSON kind.
    fn primitive_accepts(rust: &str, value: &Value) -> bool {
        let kinds: Vec<_> = PRIMITIVES
            .iter()
            .filter(|p| p.rust == rust)
            .filter_map(|p| edm_primitive(p.edm))
            .map(|p| p.json)
            .collect();
        assert!(!kinds.is_empty(), "no primitive is held as `{rust}`");
        kinds.iter().all(|kind| kind.accepts(value))
    }

    #[test]
    fn primitives_accept_what_their_rust_types_read() {
        let ts = "::chrono::DateTime<::chrono::FixedOffset>";
        assert!(primitive_accepts(
            ts,
            &Value::from("2021-03-18T09:15:00.1234567Z")
        ));
        assert!(!primitive_accepts(ts, &Value::from("2021-03-18T09:15:00")));
        assert!(primitive_accepts("i32", &Value::from(7)));
        assert!(!primitive_accepts("i32", &Value::from(3_000_000_000_i64)));
        assert!(!primitive_accepts("i32", &Value::from("7")));
        assert!(!primitive_accepts("::std::string::String", &Value::from(7)));
    }
}
