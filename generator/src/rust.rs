//! Stage 5: the schema as a Rust crate, as files in memory (the write stage puts them on disk).
//!
//! The schema is first turned into a model of the crate ([`model`], made by `model/build.rs`),
//! where every name and field type is settled; then each kind of item renders itself with
//! `quote` ([`structs`], [`enums`], [`polymorphism`], [`untyped`], [`support`]; the shared
//! list and error types of [`odata`] need no model), and
//! [`crate_files`] parses each file into a `syn::File` and formats it with prettyplease (pinned
//! by `Cargo.lock`, so the output cannot drift with a rustfmt version). The same schema always
//! gives byte-identical files: every collection is ordered, and every name comes from a fixed
//! rule.
//!
//! Rules, each written in full where it is applied:
//! - Modules ([`modules`]): one per namespace, `microsoft.` dropped and one module level per
//!   remaining segment: `microsoft.graph` -> `graph` (`src/graph.rs`),
//!   `microsoft.graph.callRecords` -> `graph::call_records` (`src/graph/call_records.rs`).
//! - Names ([`names`]): `snake_case` fields and modules, `PascalCase` types and variants, raw
//!   identifiers for keywords (`r#type`) or a `_` suffix where Rust allows none (`self_`), a
//!   leading `_` before a digit; collisions numbered in a fixed claim order (`model/build.rs`).
//! - Types ([`primitives`], [`structs`]): every field an `Option`, collections `Option<Vec<T>>`,
//!   `Edm` primitives as in [`primitives::PRIMITIVES`], unknown types as `serde_json::Value`
//!   with a diagnostic; a field that holds one struct boxed ([`structs`]). The types of
//!   timestamps, dates, times of day, durations and GUIDs are read from and written as their
//!   text ([`text_forms`]).
//! - A type with subtypes gets an `Any...` enum (its name with `Any` in front), used wherever a
//!   property has that type, which lends the base's fields and views each variant
//!   ([`polymorphism`]).
//! - Enums keep unknown values in a catch-all `Unrecognized` variant, as an `UnknownValue` that
//!   only reading makes ([`enums`]).
//! - Structs' `Debug` shows only the fields that are set ([`structs`]).
//! - A Cargo feature per product area gates the items of that area ([`features`]).
//!
//! Generated files: `src/lib.rs`, a file per module, `src/odata.rs` (the list and error body
//! types every area shares), `src/support.rs` (helpers, crate-private but for `UnknownValue`,
//! which the root re-exports),
//! the round-trip tests of the pages' JSON examples ([`example_tests`], which renders the
//! cases of [`crate::example_check`]), and `tests/areas.rs`, which names each area's own types
//! with its feature alone ([`area_tests`]); [`render_manifest`] adds a `Cargo.toml` for a
//! standalone crate.

mod area_tests;
mod crate_files;
mod derives;
mod doc_comments;
mod enums;
mod example_tests;
mod features;
mod model;
mod modules;
mod names;
mod odata;
mod polymorphism;
mod primitives;
mod structs;
mod support;
mod surface;
mod text_forms;
mod untyped;

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::example_check::example_cases_read_as;
use crate::export::generated_schema_json;
use crate::facts::Example;
use crate::schema::{Schema, TypeLookup};
pub use derives::{ChosenDerive, Derive, DerivesOf, ExtraDerives};
pub use modules::{check_module_name, parent_level, ModuleName, ModuleNames};
pub use primitives::PrimitiveChoices;

pub use surface::{api_surface, ApiSurface, FieldSurface, ItemForm, TypeSurface};

/// One file of a generated crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Relative to the crate root, `/`-separated (`src/graph/call_records.rs`).
    pub path: String,
    pub contents: String,
}

/// The schema a generated crate was made from, as JSON at its root: the API its code implements,
/// which the drift check compares the docs with.
pub const SCHEMA_FILE: &str = "schema.json";

/// What the generated crate is called and how it is regenerated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrateOptions {
    pub crate_name: CrateName,
    /// Shown in the `// @generated` header of every file.
    pub regenerate_command: String,
    /// Hand-written Markdown for the crate docs, after their first line: a worked example of
    /// the crate's own types, which no generated section can give. Its Rust code blocks run
    /// as the crate's doctests, so the example stays true to the code.
    pub guide: Option<String>,
    /// The Rust type of each `Edm` primitive.
    pub primitives: PrimitiveChoices,
    /// Whether the docs' descriptions become doc comments.
    pub doc_comments: bool,
    /// Whether the model structs keep the properties they do not declare, and `null`s, in
    /// `additional_properties` (the `odata` types always do).
    pub additional_properties: bool,
    /// Derives of the structs and enums beyond those they always have.
    pub derives: ExtraDerives,
    /// The module names that `docgen.toml` gives namespaces.
    pub module_names: ModuleNames,
}

/// Reads the hand-written guide of [`CrateOptions::guide`].
pub fn read_guide(path: &Path) -> Result<String, Diagnostic> {
    crate::read::read_file(path, "the crate guide")
}

/// A Cargo package name that is also usable as the crate's Rust name: ASCII letters, digits,
/// `-` and `_`, starting with a letter or `_`, and not a Rust keyword once `-` is `_` (as Cargo
/// itself requires). The generated tests name the crate in paths (`graph_models::graph::User`),
/// so a name Rust cannot spell would make code that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrateName(String);

impl CrateName {
    /// The name as Cargo spells it (`graph-models`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name as Rust code spells it (`graph_models`).
    pub fn rust_name(&self) -> String {
        self.0.replace('-', "_")
    }
}

impl std::str::FromStr for CrateName {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        let mut chars = name.chars();
        let starts_well = chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
        if !starts_well || !chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err(format!(
                "`{name}` is not a crate name: expected ASCII letters, digits, `-` and `_`, starting with a letter or `_` (such as `graph-models`)"
            ));
        }
        let rust_name = name.replace('-', "_");
        if syn::parse_str::<syn::Ident>(&rust_name).is_err() || rust_name == "_" {
            return Err(format!(
                "`{name}` is not a crate name: `{rust_name}` is a Rust keyword; expected a name such as `graph-models`"
            ));
        }
        Ok(CrateName(name.to_string()))
    }
}

/// The crate's `src/**` files, its generated tests (which read `examples` as their types, and
/// name each area's own types) and the [`SCHEMA_FILE`] it was made from, sorted by path, with
/// a diagnostic for every type that could not be resolved and every name
/// that had to change.
pub fn render_crate(
    schema: &Schema,
    examples: &[Example],
    options: &CrateOptions,
) -> (Vec<GeneratedFile>, Vec<Diagnostic>) {
    let lookup = TypeLookup::new(schema);
    let (model, mut diagnostics) = model::build::build(&lookup, options.into());
    let (mut files, mut more) = crate_files::source_files(&model, options);
    diagnostics.append(&mut more);
    // An example value the chosen types cannot read (no GUID for `uuid::Uuid`) is the docs'
    // defect, as one their primitive's JSON cannot be.
    let json = |primitive| options.primitives.json_of(primitive);
    let cases = example_cases_read_as(&lookup, examples, &json);
    let (mut tests, mut more) = example_tests::test_files(&model, &cases, options);
    diagnostics.append(&mut more);
    files.append(&mut tests);
    let area_tests = area_tests::area_tests(&model, options);
    let (mut tests, mut more) = crate_files::rust_files(area_tests.into_iter().collect(), options);
    diagnostics.append(&mut more);
    files.append(&mut tests);
    files.push(GeneratedFile {
        path: SCHEMA_FILE.to_string(),
        contents: generated_schema_json(
            schema,
            &format!("by {}. Do not edit.", options.regenerate_command),
        ),
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    (files, diagnostics)
}

/// A `Cargo.toml` for the crate on its own (its own workspace), with the dependencies the
/// generated code uses and a feature per product area; its tests need nothing more.
pub fn render_manifest(schema: &Schema, options: &CrateOptions) -> GeneratedFile {
    crate_files::manifest(&features::crate_features(&schema.types), options)
}

#[cfg(test)]
mod tests {
    use super::CrateName;

    #[test]
    fn crate_names_are_what_cargo_and_rust_both_accept() {
        for name in ["graph-models", "models", "_private", "graph_models2"] {
            let parsed: CrateName = name.parse().unwrap();
            assert_eq!(parsed.as_str(), name);
        }
        assert_eq!(
            "graph-models".parse::<CrateName>().unwrap().rust_name(),
            "graph_models"
        );
        for (name, why) in [
            ("my.models", "expected ASCII letters"),
            ("", "expected ASCII letters"),
            ("2models", "starting with a letter"),
            ("café", "expected ASCII letters"),
            ("fn", "is a Rust keyword"),
            ("self", "is a Rust keyword"),
            ("_", "is a Rust keyword"),
        ] {
            let error = name.parse::<CrateName>().unwrap_err();
            assert!(error.contains(why), "{name:?}: {error}");
        }
    }
}
