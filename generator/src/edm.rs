//! The `Edm` primitive types the schema's properties name (`Edm.String`, `Edm.DateTimeOffset`,
//! ...), and what JSON each one's values are written as. The Rust stage maps each to a Rust type
//! that reads exactly that JSON (`rust/primitives.rs`); [`crate::example_check`] checks the
//! docs' examples against it.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

/// One `Edm` primitive and the JSON its values are written as.
#[derive(Debug, PartialEq, Eq)]
pub struct EdmPrimitive {
    /// `Edm.Int32`; a name ending in `*` stands for every name it begins (`Edm.Geography*`).
    pub name: &'static str,
    pub json: JsonKind,
}

/// The JSON values of a primitive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    /// Any string: text, and the values kept as written (durations, GUIDs, base64, streams).
    String,
    Boolean,
    /// An integer from `min` to `max`, both included.
    Integer {
        min: i64,
        max: i64,
    },
    /// Any number, integer or not.
    Number,
    /// An RFC 3339 string with an offset and any number of fractional digits:
    /// `2021-03-18T09:15:00.1234567Z`.
    Timestamp,
    /// `2021-03-18`.
    Date,
    /// `09:15:00.0000000`.
    TimeOfDay,
    /// `5d5e0b3a-1c2f-4e6b-9a8d-7f3e2b1c0a9d`, in any case. No primitive's values are only
    /// these (Graph puts other identifiers in `Edm.Guid` fields), but a GUID type reads only
    /// these.
    Guid,
    /// An ISO 8601 duration with a fraction of seconds at most, such as `-P1Y2M3DT4H5M6.7S`
    /// or `P2W`. No primitive's values are only these either, but a duration type reads only
    /// these.
    Duration,
    /// Any JSON value.
    Any,
}

const fn primitive(name: &'static str, json: JsonKind) -> EdmPrimitive {
    EdmPrimitive { name, json }
}

const fn integer(min: i64, max: i64) -> JsonKind {
    JsonKind::Integer { min, max }
}

pub const EDM_PRIMITIVES: &[EdmPrimitive] = &[
    primitive("Edm.String", JsonKind::String),
    primitive("Edm.Boolean", JsonKind::Boolean),
    primitive("Edm.Byte", integer(0, u8::MAX as i64)),
    primitive("Edm.SByte", integer(i8::MIN as i64, i8::MAX as i64)),
    primitive("Edm.Int16", integer(i16::MIN as i64, i16::MAX as i64)),
    primitive("Edm.Int32", integer(i32::MIN as i64, i32::MAX as i64)),
    primitive("Edm.Int64", integer(i64::MIN, i64::MAX)),
    primitive("Edm.Single", JsonKind::Number),
    primitive("Edm.Double", JsonKind::Number),
    primitive("Edm.Decimal", JsonKind::Number),
    primitive("Edm.DateTimeOffset", JsonKind::Timestamp),
    primitive("Edm.Date", JsonKind::Date),
    primitive("Edm.TimeOfDay", JsonKind::TimeOfDay),
    primitive("Edm.Duration", JsonKind::String),
    primitive("Edm.Guid", JsonKind::String),
    primitive("Edm.Binary", JsonKind::String),
    primitive("Edm.Stream", JsonKind::String),
    primitive("Edm.Untyped", JsonKind::Any),
    primitive("Edm.Geography*", JsonKind::Any),
    primitive("Edm.Geometry*", JsonKind::Any),
];

/// The primitive an `Edm.` name stands for, case-insensitively (pages spell them freely).
pub fn edm_primitive(name: &str) -> Option<&'static EdmPrimitive> {
    let name = name.to_ascii_lowercase();
    EDM_PRIMITIVES.iter().find(|p| {
        let known = p.name.to_ascii_lowercase();
        match known.strip_suffix('*') {
            Some(prefix) => name.starts_with(prefix),
            None => name == known,
        }
    })
}

impl JsonKind {
    /// Whether `value` is a value of this kind.
    pub fn accepts(self, value: &Value) -> bool {
        static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
                .expect("valid regex")
        });
        static DATE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\d{4}-\d{2}-\d{2}$").expect("valid regex"));
        static TIME: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\d{2}:\d{2}:\d{2}(\.\d+)?$").expect("valid regex"));
        static GUID: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^[[:xdigit:]]{8}(-[[:xdigit:]]{4}){3}-[[:xdigit:]]{12}$")
                .expect("valid regex")
        });
        // Each unit at most once, in order, and a `T` only before a time unit.
        static DURATION: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^[-+]?P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,9})?S)?)?$")
                .expect("valid regex")
        });
        match self {
            JsonKind::String => value.is_string(),
            JsonKind::Boolean => value.is_boolean(),
            JsonKind::Integer { min, max } => {
                value.as_i64().is_some_and(|n| (min..=max).contains(&n))
            }
            JsonKind::Number => value.is_number(),
            JsonKind::Timestamp => value.as_str().is_some_and(|s| TIMESTAMP.is_match(s)),
            JsonKind::Date => value.as_str().is_some_and(|s| DATE.is_match(s)),
            JsonKind::TimeOfDay => value.as_str().is_some_and(|s| TIME.is_match(s)),
            JsonKind::Guid => value.as_str().is_some_and(|s| GUID.is_match(s)),
            // `P` and `PT` alone name no unit.
            JsonKind::Duration => value
                .as_str()
                .is_some_and(|s| DURATION.is_match(s) && !s.ends_with('P') && !s.ends_with('T')),
            JsonKind::Any => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_ignores_case_and_a_star_stands_for_every_name_it_begins() {
        let name = |edm: &str| edm_primitive(edm).map(|p| p.name);
        assert_eq!(name("edm.int32"), Some("Edm.Int32"));
        assert_eq!(name("Edm.GeographyPoint"), Some("Edm.Geography*"));
        assert_eq!(name("Edm.Nonsense"), None);
    }

    #[test]
    fn guids_and_durations_are_what_their_types_read() {
        let accepts = |kind: JsonKind, text: &str| kind.accepts(&Value::from(text));
        assert!(accepts(
            JsonKind::Guid,
            "5D5E0B3A-1c2f-4e6b-9a8d-7f3e2b1c0a9d"
        ));
        for text in [
            "customerId-value",
            "19:c253a29b@thread.v2",
            "5d5e0b3a1c2f4e6b9a8d7f3e2b1c0a9d",
        ] {
            assert!(!accepts(JsonKind::Guid, text), "{text}");
        }
        for text in [
            "PT1H30M",
            "P1D",
            "P1M",
            "-PT5S",
            "PT0.5S",
            "P1Y2M3DT4H5M6.7S",
            "P2W",
        ] {
            assert!(accepts(JsonKind::Duration, text), "{text}");
        }
        for text in [
            "P",
            "PT",
            "P1DT",
            "P0.5D",
            "PT1M2H",
            "datetime-value",
            "00:05:00",
        ] {
            assert!(!accepts(JsonKind::Duration, text), "{text}");
        }
    }
}
