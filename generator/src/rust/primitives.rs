//! The Rust type of each `Edm` primitive ([`crate::edm`]), which reads exactly the JSON the
//! primitive's values are written as, and the other types a configuration may choose for some
//! of them ([`PrimitiveChoices`]). The table of the crate's choices is also printed in the
//! generated crate's documentation, so the two cannot disagree.

use std::collections::BTreeMap;

use super::text_forms::text_form;
use crate::edm::{edm_primitive, EdmPrimitive, JsonKind};

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
        "ISO 8601 duration (`PT1H30M`, `P1M`) as written",
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

/// The other Rust types a configuration may hold a primitive as; each reads every value the
/// default reads that is what its primitive says (a GUID, a date), as its own type or as text.
pub const ALTERNATIVES: &[Primitive] = &[
    primitive(
        "Edm.Guid",
        "::uuid::Uuid",
        "parsed; a value that is no GUID fails to read",
    ),
    primitive("Edm.DateTimeOffset", STRING, "as written"),
    primitive(
        "Edm.DateTimeOffset",
        "::time::OffsetDateTime",
        "RFC 3339, any number of fractional digits (nanoseconds kept), offset kept",
    ),
    primitive("Edm.Date", STRING, "as written"),
    primitive("Edm.Date", "::time::Date", "`2021-03-18`"),
    primitive("Edm.TimeOfDay", STRING, "as written"),
    primitive("Edm.TimeOfDay", "::time::Time", "`09:15:00.0000000`"),
    primitive(
        "Edm.Duration",
        "::jiff::SpanFieldwise",
        "ISO 8601 duration (`P1M`, `-PT5S`) with each unit kept as written; the `jiff::Span` \
         is its `.0`",
    ),
    primitive("Edm.Decimal", "f64", "rounded to the nearest binary float"),
];

/// The crates the primitives' Rust types come from, each with the `Cargo.toml` line a generated
/// crate depends on it by: only the features the generated code uses, which reads and writes
/// these types through their text (`rust/text_forms.rs`), not through their serde impls. The
/// workspace's `Cargo.toml` pins the same crates with the same features, so that its
/// `Cargo.lock` holds what the tests that build a generated crate offline need.
const CRATES: &[(&str, &str)] = &[
    (
        "::chrono::",
        "chrono = { version = \"0.4\", default-features = false, features = [\"std\"] }",
    ),
    (
        "::jiff::",
        "jiff = { version = \"1\", default-features = false }",
    ),
    (
        "::time::",
        "time = { version = \"0.3\", features = [\"formatting\", \"macros\", \"parsing\"] }",
    ),
    ("::uuid::", "uuid = \"1\""),
];

impl Primitive {
    /// The Rust type as a user writes it: `String`, `uuid::Uuid`, `chrono::NaiveDate`.
    pub fn choice(&self) -> String {
        self.rust
            .replace("::std::string::", "")
            .replace("<::", "<")
            .trim_start_matches("::")
            .to_string()
    }

    /// The crate this type needs beyond those every generated crate depends on, as a line of
    /// its `Cargo.toml`.
    pub fn dependency(&self) -> Option<&'static str> {
        CRATES
            .iter()
            .find(|(prefix, _)| self.rust.starts_with(prefix))
            .map(|(_, line)| *line)
    }
}

/// The Rust type chosen for each primitive: [`PRIMITIVES`], but where a configuration chose one
/// of the [`ALTERNATIVES`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrimitiveChoices {
    chosen: BTreeMap<&'static str, &'static Primitive>,
}

impl PrimitiveChoices {
    /// Holds `edm` (an `Edm` name, in any case) as the Rust type `choice` (as
    /// [`Primitive::choice`] spells it); why not, when that is no choice for it.
    pub fn choose(&mut self, edm: &str, choice: &str) -> Result<(), String> {
        let Some(known) = edm_primitive(edm).filter(|p| !p.name.ends_with('*')) else {
            return Err(format!(
                "`{edm}` is no Edm primitive; expected one with a choice: {}",
                quoted(ALTERNATIVES.iter().map(|p| p.edm))
            ));
        };
        let options: Vec<&'static Primitive> = Self::configurable()
            .filter(|p| p.edm == known.name)
            .collect();
        match options.iter().find(|p| p.choice() == choice) {
            Some(primitive) => {
                self.chosen.insert(known.name, primitive);
                Ok(())
            }
            None if options.len() < 2 => Err(format!(
                "`{}` is always held as `{}`; primitives with a choice are {}",
                known.name,
                options.first().map_or_else(String::new, |p| p.choice()),
                quoted(ALTERNATIVES.iter().map(|p| p.edm))
            )),
            None => Err(format!(
                "`{choice}` is no choice for `{}`; expected {}",
                known.name,
                quoted(options.iter().map(|p| p.choice()))
            )),
        }
    }

    /// Every primitive with its default and alternative types, in table order.
    fn configurable() -> impl Iterator<Item = &'static Primitive> {
        PRIMITIVES.iter().chain(ALTERNATIVES)
    }

    /// The primitive an `Edm.` name stands for, as [`edm_primitive`] finds it, with the Rust
    /// type chosen for it.
    pub fn primitive_for(&self, edm: &str) -> Option<&'static Primitive> {
        let known = edm_primitive(edm)?;
        self.chosen
            .get(known.name)
            .copied()
            .or_else(|| PRIMITIVES.iter().find(|p| p.edm == known.name))
    }

    /// The JSON the chosen type of `primitive` reads: the primitive's own, or fewer strings for
    /// a type read from its text (a GUID type reads only GUIDs).
    pub fn json_of(&self, primitive: &EdmPrimitive) -> JsonKind {
        self.primitive_for(primitive.name)
            .and_then(|chosen| text_form(chosen.rust))
            .map_or(primitive.json, |form| form.json)
    }

    /// Every primitive with its chosen Rust type, in the order of [`PRIMITIVES`].
    pub fn table(&self) -> impl Iterator<Item = &'static Primitive> + '_ {
        PRIMITIVES
            .iter()
            .map(|p| self.chosen.get(p.edm).copied().unwrap_or(p))
    }
}

/// `names` quoted and joined, each once, in order.
fn quoted(names: impl Iterator<Item = impl std::fmt::Display>) -> String {
    let mut unique: Vec<String> = Vec::new();
    for name in names.map(|name| format!("`{name}`")) {
        if !unique.contains(&name) {
            unique.push(name);
        }
    }
    unique.join(", ")
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
        let defaults = PrimitiveChoices::default();
        assert_eq!(
            defaults.primitive_for("edm.int32").map(|p| p.rust),
            Some("i32")
        );
        assert_eq!(
            defaults.primitive_for("Edm.GeographyPoint").map(|p| p.rust),
            Some(JSON)
        );
        assert_eq!(defaults.primitive_for("Edm.Nonsense"), None);
    }

    #[test]
    fn a_chosen_type_replaces_the_default_and_only_known_choices_are_taken() {
        let mut choices = PrimitiveChoices::default();
        choices.choose("edm.guid", "uuid::Uuid").unwrap();
        assert_eq!(
            choices.primitive_for("Edm.Guid").map(|p| p.rust),
            Some("::uuid::Uuid")
        );
        assert!(choices.table().any(|p| p.dependency().is_some()));
        choices.choose("Edm.Guid", "String").unwrap();
        assert_eq!(choices, PrimitiveChoices::default().with_guid_as_string());
        for (edm, choice, rust) in [
            (
                "Edm.DateTimeOffset",
                "time::OffsetDateTime",
                "::time::OffsetDateTime",
            ),
            ("edm.date", "time::Date", "::time::Date"),
            ("Edm.TimeOfDay", "time::Time", "::time::Time"),
            (
                "Edm.Duration",
                "jiff::SpanFieldwise",
                "::jiff::SpanFieldwise",
            ),
        ] {
            choices.choose(edm, choice).unwrap();
            assert_eq!(choices.primitive_for(edm).map(|p| p.rust), Some(rust));
        }
        for (edm, choice, why) in [
            ("Edm.Guid", "u128", "expected `String`, `uuid::Uuid`"),
            (
                "Edm.DateTimeOffset",
                "time::PrimitiveDateTime",
                "expected `chrono::DateTime<chrono::FixedOffset>`, `String`, \
                 `time::OffsetDateTime`",
            ),
            (
                "Edm.Duration",
                "std::time::Duration",
                "is no choice for `Edm.Duration`; expected `String`, `jiff::SpanFieldwise`",
            ),
            // `jiff::Span` has no `PartialEq`, which every struct derives.
            (
                "Edm.Duration",
                "jiff::Span",
                "expected `String`, `jiff::SpanFieldwise`",
            ),
            ("Edm.Int32", "i64", "is always held as `i32`"),
            ("Edm.Nothing", "String", "is no Edm primitive"),
        ] {
            let error = choices.choose(edm, choice).unwrap_err();
            assert!(error.contains(why), "{edm} = {choice}: {error}");
        }
    }

    impl PrimitiveChoices {
        fn with_guid_as_string(mut self) -> Self {
            let string = PRIMITIVES.iter().find(|p| p.edm == "Edm.Guid").unwrap();
            self.chosen.insert("Edm.Guid", string);
            self
        }
    }

    /// The workspace pins each crate a choice depends on, with at least the features and
    /// default features the generated crate asks for, so that `Cargo.lock` holds every package
    /// such a crate builds with (the tests build them offline).
    #[test]
    fn the_workspace_pins_every_crate_a_choice_depends_on() {
        let workspace: toml::Table = include_str!("../../../Cargo.toml").parse().unwrap();
        let pinned = &workspace["workspace"]["dependencies"];
        let features = |spec: &toml::Value| -> Vec<String> {
            let list = spec.get("features").and_then(toml::Value::as_array);
            let names = list.into_iter().flatten().filter_map(toml::Value::as_str);
            names.map(str::to_string).collect()
        };
        let defaults = |spec: &toml::Value| {
            let flag = spec.get("default-features").and_then(toml::Value::as_bool);
            flag.unwrap_or(true)
        };
        let version = |spec: &toml::Value| -> Option<String> {
            let version = spec.get("version").unwrap_or(spec);
            version.as_str().map(str::to_string)
        };
        for (_, line) in CRATES {
            let line: toml::Table = line.parse().unwrap();
            for (name, wanted) in &line {
                let Some(spec) = pinned.get(name) else {
                    panic!("the workspace's Cargo.toml does not pin `{name}`");
                };
                assert_eq!(version(spec), version(wanted), "{name}");
                assert!(
                    defaults(spec) || !defaults(wanted),
                    "{name}: default features"
                );
                let have = features(spec);
                for feature in features(wanted) {
                    assert!(have.contains(&feature), "{name}: feature `{feature}`");
                }
            }
        }
    }

    #[test]
    fn every_alternative_parses_and_has_a_default() {
        for p in ALTERNATIVES {
            syn::parse_str::<syn::Type>(p.rust).unwrap();
            assert!(PRIMITIVES
                .iter()
                .any(|d| d.edm == p.edm && d.rust != p.rust));
        }
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
