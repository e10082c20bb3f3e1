//! The generated crate's tests: every JSON example of the docs it was made from is read as its
//! documented type and written back, and must come back whole.
//!
//! - `tests/round_trip/mod.rs`: `check_examples`, with a match from qualified type name to the
//!   type that reads it (the `Any...` enum for a type with subtypes). Other test files of the
//!   crate (hand-written ones too) share it with `#[rustfmt::skip] mod round_trip;` (the
//!   files are formatted by prettyplease, not rustfmt).
//! - `tests/docs_examples.rs`: runs it over the pages in [`CrateOptions::docs_dir`].

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::crate_files::{rust_files, RustSource};
use super::model::{CrateModel, Item, ItemPath};
use super::names::ident;
use super::{CrateOptions, GeneratedFile};
use crate::diagnostic::Diagnostic;

/// The test files, in path order; none for a crate without structs, which has nothing to read.
pub fn test_files(
    model: &CrateModel,
    options: &CrateOptions,
) -> (Vec<GeneratedFile>, Vec<Diagnostic>) {
    let has_structs = model
        .modules
        .iter()
        .flat_map(|m| &m.items)
        .any(|item| matches!(item, Item::Struct(_)));
    if !has_structs {
        return (Vec::new(), Vec::new());
    }
    let sources = [
        ("tests/docs_examples.rs", docs_examples(options)),
        ("tests/round_trip/mod.rs", round_trip(model, options)),
    ];
    let sources = sources
        .into_iter()
        .map(|(path, tokens)| RustSource {
            path: path.to_string(),
            tokens,
            trailing: "",
        })
        .collect();
    rust_files(sources, options)
}

fn crate_path(options: &CrateOptions, path: &ItemPath) -> TokenStream {
    let krate = ident(&options.crate_name.replace('-', "_"));
    let module = path.module.iter().map(|m| ident(m));
    let name = ident(&path.name);
    quote!(#krate #(:: #module)* :: #name)
}

fn docs_examples(options: &CrateOptions) -> TokenStream {
    let dir = &options.docs_dir;
    // Joining an absolute path would replace the crate's (clippy's `join_absolute_paths`).
    let dir = if std::path::Path::new(dir).is_absolute() {
        quote!(std::path::PathBuf::from(#dir))
    } else {
        quote!(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(#dir))
    };
    let include = &options.docs_include;
    quote! {
        //! The JSON examples of the pages this crate is generated from.

        #[rustfmt::skip]
        mod round_trip;

        #[test]
        fn docs_examples_round_trip() {
            let dir = #dir;
            let include: Vec<String> = vec![#(#include.to_string()),*];
            let selection = graph_docgen::read::PageSelection::new(&dir, &include).unwrap();
            let docs = graph_docgen::load_docs(&selection).unwrap();
            let checked = round_trip::check_examples(&docs.examples);
            assert!(checked > 0, "no JSON example under {}", dir.display());
            assert_eq!(checked, docs.examples.len());
        }
    }
}

fn round_trip(model: &CrateModel, options: &CrateOptions) -> TokenStream {
    let mut keys = BTreeSet::new();
    let arms = model
        .modules
        .iter()
        .flat_map(|module| module.items.iter().map(|item| (&module.path, item)))
        .filter_map(|(module, item)| match item {
            Item::Struct(item) => Some((module, item)),
            _ => None,
        })
        .filter(|(_, item)| keys.insert(item.qualified.to_ascii_lowercase()))
        .map(|(module, item)| {
            let key = item.qualified.to_ascii_lowercase();
            let ty = match &item.polymorphic {
                Some(any) => crate_path(options, any),
                None => crate_path(
                    options,
                    &ItemPath {
                        module: module.clone(),
                        name: item.name.clone(),
                    },
                ),
            };
            quote!(#key => through::<#ty>,)
        })
        .collect::<Vec<_>>();
    quote! {
        //! Reads JSON examples as their documented types and writes them back.

        use graph_docgen::facts::Example;
        use serde_json::Value;

        /// Round-trips every example, failing with the list of those that do not come back
        /// whole (or name no type this crate has); returns how many were checked.
        pub fn check_examples(examples: &[Example]) -> usize {
            let mut failures = Vec::new();
            for example in examples {
                let type_name = example.type_name.as_deref().unwrap_or("(no type)");
                let outcome = match round_trip(type_name, &example.json) {
                    None => Err("this crate has no such type".to_string()),
                    Some(Err(error)) => Err(error.to_string()),
                    Some(Ok(written)) if same_json(&example.json, &written) => Ok(()),
                    Some(Ok(written)) => Err(format!("came back as {written}")),
                };
                if let Err(why) = outcome {
                    failures.push(format!("{} ({type_name}): {why}", example.location));
                }
            }
            let report = failures.join("\n");
            assert!(failures.is_empty(), "examples that fail:\n{report}");
            examples.len()
        }

        /// Reads `json` as the type named `type_name` (`#` optional, any case) and writes it
        /// back; `None` when the crate has no such type.
        fn round_trip(type_name: &str, json: &Value) -> Option<serde_json::Result<Value>> {
            let key = type_name.trim_start_matches('#').to_ascii_lowercase();
            let read_and_write: fn(&Value) -> serde_json::Result<Value> = match key.as_str() {
                #(#arms)*
                _ => return None,
            };
            Some(read_and_write(json))
        }

        fn through<T: serde::de::DeserializeOwned + serde::Serialize>(json: &Value) -> serde_json::Result<Value> {
            let value: T = serde_json::from_str(&json.to_string())?;
            serde_json::to_value(value)
        }

        /// The same JSON, where a missing member equals `null` (a field that is `None` is not
        /// written), numbers compare by value (`1` and `1.0`), and two strings that are RFC 3339
        /// timestamps of the same instant are equal (chrono writes its own number of digits).
        fn same_json(expected: &Value, actual: &Value) -> bool {
            match (expected, actual) {
                (Value::Object(expected), Value::Object(actual)) => expected
                    .keys()
                    .chain(actual.keys())
                    .all(|key| same_json(
                        expected.get(key).unwrap_or(&Value::Null),
                        actual.get(key).unwrap_or(&Value::Null),
                    )),
                (Value::Array(expected), Value::Array(actual)) => {
                    expected.len() == actual.len()
                        && expected.iter().zip(actual).all(|(e, a)| same_json(e, a))
                }
                (Value::Number(expected), Value::Number(actual)) => {
                    expected == actual || expected.as_f64() == actual.as_f64()
                }
                (Value::String(expected), Value::String(actual)) => {
                    expected == actual || same_instant(expected, actual)
                }
                _ => expected == actual,
            }
        }

        fn same_instant(expected: &str, actual: &str) -> bool {
            let parse = chrono::DateTime::parse_from_rfc3339;
            matches!((parse(expected), parse(actual)), (Ok(e), Ok(a)) if e == a)
        }
    }
}
