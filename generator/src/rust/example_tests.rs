//! The generated crate's tests: every JSON example of the docs it was made from is read as its
//! type and written back, and each one is classed: it passes, the docs are at fault (a doc
//! defect the generator found, see [`crate::example_check`]), it names or implies no type, or
//! the generated types are (a generator fault: the docs are right and the types fail).
//!
//! - `tests/round_trip/mod.rs`: `check_examples` and its report, with a match from qualified
//!   type name to the type that reads it (the `Any...` enum for a type with subtypes), and to
//!   the `odata::Collection` of it for a type that has an OData collection body. Other
//!   test files of the crate (hand-written ones too) share it with `#[rustfmt::skip] mod
//!   round_trip;` (the files are formatted by prettyplease, not rustfmt).
//! - `tests/docs_examples/cases.rs`: the examples themselves, as data: the crate is tested
//!   without the pages or the generator at hand, so it depends on neither.
//! - `tests/docs_examples.rs`: checks them, prints the report, and fails below a floor. An
//!   example whose type needs a feature that is off is not read but counted as skipped, and for
//!   each such feature an ignored test names it and the examples it skips, so that `cargo test`'s
//!   summary shows what a build without it left untested.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::quote;

use super::crate_files::{rust_files, RustSource};
use super::doc_comments::inner_doc_attrs;
use super::features::{cfg, features, Features};
use super::model::{CrateModel, Item, ItemPath};
use super::names::{ident, snake_case, Case, Scope};
use super::odata::ODATA_MODULE;
use super::primitives::PrimitiveChoices;
use super::text_forms::{text_form, TextForm};
use super::{CrateOptions, GeneratedFile};
use crate::diagnostic::Diagnostic;
use crate::example_check::ExampleCase;

/// The environment variable that sets the least number of examples that must pass.
const FLOOR_VARIABLE: &str = "DOCS_EXAMPLES_MIN_PASSING";

/// The test files, in path order; none for a crate without structs or without examples.
pub fn test_files(
    model: &CrateModel,
    cases: &[ExampleCase],
    options: &CrateOptions,
) -> (Vec<GeneratedFile>, Vec<Diagnostic>) {
    let readers = readers(model, cases, options);
    if readers.is_empty() || cases.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let sources = [
        (
            "tests/docs_examples.rs",
            docs_examples(&skipped_by_feature(&readers, cases)),
        ),
        ("tests/docs_examples/cases.rs", case_data(cases)),
        (
            "tests/round_trip/mod.rs",
            round_trip(&readers, options.additional_properties, &options.primitives),
        ),
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
    let krate = ident(&options.crate_name.rust_name());
    let module = path.module.iter().map(|m| ident(m));
    let name = ident(&path.name);
    quote!(#krate #(:: #module)* :: #name)
}

/// A struct type that examples are read as.
struct ReadType {
    /// Its qualified name, lower-cased: what `reader` matches.
    key: String,
    /// The type that reads it: the struct, or its `Any...` enum when it has subtypes.
    reads_as: TokenStream,
    /// `odata::Collection<reads_as>`, for a type with OData collection bodies among the
    /// examples; only those types instantiate it.
    reads_collections: Option<TokenStream>,
    /// The feature of its area; `None` when it is always compiled.
    feature: Option<String>,
}

/// The types examples are read as, one per qualified name but for case (the first struct of it).
fn readers(model: &CrateModel, cases: &[ExampleCase], options: &CrateOptions) -> Vec<ReadType> {
    let collection_keys: BTreeSet<String> = cases
        .iter()
        .filter(|case| case.collection)
        .filter_map(|case| Some(case.type_name.as_deref()?.to_ascii_lowercase()))
        .collect();
    let krate = ident(&options.crate_name.rust_name());
    let odata = ident(ODATA_MODULE);
    let mut keys = BTreeSet::new();
    model
        .modules
        .iter()
        .flat_map(|module| module.items.iter().map(|item| (&module.path, item)))
        .filter_map(|(module, item)| match item {
            Item::Struct(item) => Some((module, item)),
            _ => None,
        })
        .filter(|(_, item)| keys.insert(item.qualified.to_ascii_lowercase()))
        .map(|(module, item)| {
            let reads_as = match &item.polymorphic {
                Some(any) => crate_path(options, any),
                None => crate_path(
                    options,
                    &ItemPath {
                        module: module.clone(),
                        name: item.name.clone(),
                    },
                ),
            };
            let key = item.qualified.to_ascii_lowercase();
            let reads_collections = collection_keys
                .contains(&key)
                .then(|| quote!(#krate::#odata::Collection<#reads_as>));
            ReadType {
                key,
                reads_as,
                reads_collections,
                feature: item.feature.clone(),
            }
        })
        .collect()
}

/// Per feature, how many examples a build without it skips: those whose type needs it.
fn skipped_by_feature(readers: &[ReadType], cases: &[ExampleCase]) -> BTreeMap<String, usize> {
    let features: BTreeMap<&str, &String> = readers
        .iter()
        .filter_map(|reader| Some((reader.key.as_str(), reader.feature.as_ref()?)))
        .collect();
    let mut skipped = BTreeMap::new();
    for case in cases {
        let key = case.type_name.as_deref().map(str::to_ascii_lowercase);
        if let Some(&feature) = key.and_then(|key| features.get(key.as_str())) {
            *skipped.entry(feature.clone()).or_default() += 1;
        }
    }
    skipped
}

fn docs_examples(skipped_by_feature: &BTreeMap<String, usize>) -> TokenStream {
    let docs = inner_doc_attrs(&format!(
        "The JSON examples of the pages this crate is generated from, read as their types and
written back. `cargo test --test docs_examples -- --nocapture` prints how each one fared.
The test fails when fewer than `${FLOOR_VARIABLE}` examples pass or, without it,
when an example the docs get right fails (a generator fault)."
    ));
    let not_a_number = format!("{FLOOR_VARIABLE} is a number");
    let skip_reports = skip_reports(skipped_by_feature);
    quote! {
        #docs

        #[rustfmt::skip]
        mod round_trip;
        #[rustfmt::skip]
        #[path = "docs_examples/cases.rs"]
        mod cases;

        use round_trip::Outcome;

        #[test]
        fn docs_examples_round_trip() {
            let report = round_trip::check_examples(cases::CASES);
            println!("{report}");
            let passed = report.count(&Outcome::Pass);
            match std::env::var(#FLOOR_VARIABLE) {
                Ok(floor) => {
                    let floor: usize = floor.parse().expect(#not_a_number);
                    assert!(passed >= floor, "{passed} examples pass, fewer than the floor of {floor}");
                }
                Err(_) => {
                    let faults = report.count(&Outcome::GeneratorFault);
                    assert_eq!(faults, 0, "generator faults: see the report");
                }
            }
        }

        #(#skip_reports)*
    }
}

/// An ignored test per feature whose types have examples, compiled only when the feature is
/// off: `cargo test` lists it as ignored, with the examples skipped, where they would otherwise
/// go unseen in a passing round trip.
fn skip_reports(skipped_by_feature: &BTreeMap<String, usize>) -> Vec<TokenStream> {
    let mut names = Scope::new(Case::Snake);
    skipped_by_feature
        .iter()
        .map(|(feature, &count)| {
            let name = ident(&names.claim(&snake_case(&format!("examples of {feature}"))));
            let examples = if count == 1 { "example" } else { "examples" };
            let reason = format!("{count} {examples} skipped: feature `{feature}` off");
            let docs =
                format!(" Lists, as ignored, the examples a build without `{feature}` skips.");
            quote! {
                #[doc = #docs]
                #[cfg(not(feature = #feature))]
                #[test]
                #[ignore = #reason]
                fn #name() {}
            }
        })
        .collect()
}

/// `CASES`: every example, its JSON as raw string literals.
fn case_data(cases: &[ExampleCase]) -> TokenStream {
    let rows = cases.iter().map(|case| {
        let at = &case.at;
        let type_name = case.type_name.as_deref().unwrap_or("");
        let values = case.values.iter().map(|value| raw_string(value));
        let collection = case.collection;
        let doc_defect = match &case.doc_defect {
            Some(defect) => {
                let class = defect.class.as_str();
                let explains_failure = defect.class.explains_failure();
                let detail = &defect.detail;
                quote!(Some(DocDefect { class: #class, explains_failure: #explains_failure, detail: #detail }))
            }
            None => quote!(None),
        };
        quote! {
            Case { at: #at, type_name: #type_name, values: &[#(#values),*], collection: #collection, doc_defect: #doc_defect },
        }
    });
    let any_defect = cases.iter().any(|case| case.doc_defect.is_some());
    let imports = if any_defect {
        quote!(
            use crate::round_trip::{Case, DocDefect};
        )
    } else {
        quote!(
            use crate::round_trip::Case;
        )
    };
    quote! {
        //! The JSON examples of the pages, as the generator found them: the type each one is
        //! read as, the values to read (a top-level array's elements), whether the body is an
        //! OData collection, and the doc defect found.

        #imports

        pub const CASES: &[Case<'static>] = &[#(#rows)*];
    }
}

/// `r#"..."#`, with as many `#` as the text needs.
fn raw_string(text: &str) -> TokenStream {
    let mut hashes = "#".to_string();
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}")
        .parse()
        // Compact JSON escapes every control character, so `text` holds no bare carriage return,
        // the one thing a raw string cannot.
        .expect("a raw string literal of compact JSON is a token")
}

/// The round trip of the examples; `lossless` when the structs keep what they do not declare
/// (`additional_properties`), so that an example comes back whole. Without, it comes back
/// without those members and its `null`s, and must then read back as the same value.
fn round_trip(readers: &[ReadType], lossless: bool, primitives: &PrimitiveChoices) -> TokenStream {
    let (through, dropped, dropped_doc) = if lossless {
        (
            quote! {
                fn through<T: serde::de::DeserializeOwned + serde::Serialize>(json: &str) -> serde_json::Result<Value> {
                    let value: T = serde_json::from_str(json)?;
                    serde_json::to_value(value)
                }
            },
            quote!((Some(expected), None) => Some(format!("`{path}` is missing, not {expected}")),),
            quote! {
                /// A missing member and `null` differ: a `null` read is written back.
            },
        )
    } else {
        (
            quote! {
                /// Reads `json` as a `T` and writes it back; what is written must read as the
                /// same value, since a member it lacks is one the types dropped.
                fn through<T: serde::de::DeserializeOwned + serde::Serialize + PartialEq>(json: &str) -> serde_json::Result<Value> {
                    let value: T = serde_json::from_str(json)?;
                    let written = serde_json::to_value(&value)?;
                    if serde_json::from_value::<T>(written.clone())? != value {
                        let error = format!("what was written reads back as another value: {written}");
                        return Err(<serde_json::Error as serde::de::Error>::custom(error));
                    }
                    Ok(written)
                }
            },
            quote!((Some(_), None) => None,),
            quote! {
                /// A member read but not written is one the types drop: one the type does not
                /// declare, or a `null` (the structs keep no `additional_properties`).
            },
        )
    };
    let arms = readers.iter().map(|reader| {
        let ReadType {
            key,
            reads_as,
            reads_collections,
            feature,
        } = reader;
        // A type whose area's feature is off is not compiled: its examples are skipped.
        let gate = cfg(&features([feature]), &Features::new());
        let collections = reads_collections.iter().map(
            |collection| quote!(#gate (#key, true) => Reader::Compiled(through::<#collection>),),
        );
        let off = feature.iter().map(
            |feature| quote!(#[cfg(not(feature = #feature))] (#key, _) => Reader::FeatureOff(#feature),),
        );
        quote!(#gate (#key, false) => Reader::Compiled(through::<#reads_as>), #(#collections)* #(#off)*)
    });
    // A primitive read from its text may be written back in its type's own form: the same
    // value, compared as the crate reads it.
    let forms: Vec<&TextForm> = primitives
        .table()
        .filter_map(|p| text_form(p.rust))
        .collect();
    let same_value = forms.iter().map(|form| {
        let read = form.read(&form.ty());
        quote!(|| same_when_read(e, w, |text: &str| #read))
    });
    let same_when_read = (!forms.is_empty()).then(|| {
        quote! {
            /// Whether `expected` and `written` both read with `read`, as the same value.
            fn same_when_read<T: PartialEq, E>(expected: &str, written: &str, read: fn(&str) -> Result<T, E>) -> bool {
                matches!((read(expected), read(written)), (Ok(e), Ok(w)) if e == w)
            }
        }
    });
    quote! {
        //! Reads JSON examples as their types and writes them back, and classes each one: it
        //! passes, the docs are at fault, it has no type, or the generated types are at fault.

        use std::collections::BTreeMap;
        use std::fmt;

        use serde_json::Value;

        /// One JSON example, as the generator prepared it from the pages and the schema.
        pub struct Case<'a> {
            /// `page:line` of the JSON body.
            pub at: &'a str,
            /// The qualified type the values are read as; empty when the example names and
            /// implies none, or holds no property to read.
            pub type_name: &'a str,
            /// The values to read, as JSON: the body, or each element of a top-level array.
            pub values: &'a [&'a str],
            /// Whether the body is an OData collection (`{"value": [...]}`), read whole as
            /// `Collection<T>` of the type.
            pub collection: bool,
            /// The most serious thing the docs get wrong in the example.
            pub doc_defect: Option<DocDefect<'a>>,
        }

        /// A doc defect the generator found by walking the example against the schema.
        pub struct DocDefect<'a> {
            pub class: &'a str,
            /// Whether the defect explains a failure to read the example or to write it back
            /// whole (a placeholder in a typed field), rather than being kept as an undeclared
            /// property.
            pub explains_failure: bool,
            pub detail: &'a str,
        }

        /// How an example fared; each example has exactly one.
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
        pub enum Outcome {
            /// Read as its type and written back whole, and the docs are right.
            Pass,
            /// The docs are at fault, whether or not the types read it.
            DocDefect(String),
            /// The example names and implies no type of the docs, or holds no property to read
            /// (only annotations such as `@odata.id`, or an empty list).
            Untyped,
            /// The docs are right, and the types fail to read it or to write it back whole.
            GeneratorFault,
            /// Not read: its type needs this feature, which is off.
            FeatureOff(String),
        }

        impl fmt::Display for Outcome {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    Outcome::Pass => f.write_str("pass"),
                    Outcome::DocDefect(class) => write!(f, "doc defect: {class}"),
                    Outcome::Untyped => f.write_str("nothing typed to read"),
                    Outcome::GeneratorFault => f.write_str("generator fault"),
                    Outcome::FeatureOff(feature) => write!(f, "skipped: feature `{feature}` off"),
                }
            }
        }

        /// How many examples had each outcome, and why each one that was read and did not pass
        /// did not.
        #[derive(Debug, Default)]
        pub struct Report {
            pub counts: BTreeMap<Outcome, usize>,
            /// `page:line [outcome] type: why`, in the order of the cases; skipped examples are
            /// only counted.
            pub failures: Vec<String>,
        }

        impl Report {
            pub fn count(&self, outcome: &Outcome) -> usize {
                self.counts.get(outcome).copied().unwrap_or(0)
            }
        }

        /// A table of the outcomes, then every example that was read and did not pass.
        impl fmt::Display for Report {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                writeln!(f, "| outcome | examples |")?;
                writeln!(f, "| --- | ---: |")?;
                for (outcome, count) in &self.counts {
                    writeln!(f, "| {outcome} | {count} |")?;
                }
                writeln!(f, "| total | {} |", self.counts.values().sum::<usize>())?;
                for failure in &self.failures {
                    writeln!(f, "{failure}")?;
                }
                Ok(())
            }
        }

        /// Reads every example as its type and classes it.
        pub fn check_examples(cases: &[Case<'_>]) -> Report {
            let mut report = Report::default();
            for case in cases {
                let (outcome, why) = outcome(case);
                if !matches!(outcome, Outcome::Pass | Outcome::FeatureOff(_)) {
                    report.failures.push(format!("{} [{outcome}] {}: {why}", case.at, case.type_name));
                }
                *report.counts.entry(outcome).or_default() += 1;
            }
            report
        }

        /// A failure is the docs' fault only when their defect explains it; an example the
        /// types read whole is still a doc defect when the docs are wrong.
        fn outcome(case: &Case<'_>) -> (Outcome, String) {
            let read = if case.type_name.is_empty() {
                None
            } else {
                match reader(case.type_name, case.collection) {
                    Reader::Compiled(read_and_write) => Some(
                        case.values.iter().try_for_each(|json| round_trip(read_and_write, json)),
                    ),
                    Reader::FeatureOff(feature) => return (Outcome::FeatureOff(feature.to_string()), String::new()),
                    Reader::Missing => Some(Err(format!("this crate has no type `{}`", case.type_name))),
                }
            };
            match (read, &case.doc_defect) {
                (Some(Ok(())), None) => (Outcome::Pass, String::new()),
                (Some(Err(error)), Some(defect)) if !defect.explains_failure => {
                    (Outcome::GeneratorFault, error)
                }
                (_, Some(defect)) => (Outcome::DocDefect(defect.class.to_string()), defect.detail.to_string()),
                (None, None) => {
                    let why = "no type named or implied, or only annotations";
                    (Outcome::Untyped, why.to_string())
                }
                (Some(Err(error)), None) => (Outcome::GeneratorFault, error),
            }
        }

        /// What reads a type's examples: it reads JSON as the type and writes it back.
        enum Reader {
            Compiled(fn(&str) -> serde_json::Result<Value>),
            /// The type is not compiled: it needs this feature, which is off.
            #[allow(dead_code)] // made only when some area's feature is off
            FeatureOff(&'static str),
            Missing,
        }

        /// The reader of the type named `type_name` (any case), or of a collection of it.
        fn reader(type_name: &str, collection: bool) -> Reader {
            match (type_name.to_ascii_lowercase().as_str(), collection) {
                #(#arms)*
                _ => Reader::Missing,
            }
        }

        /// Reads `json` with `read_and_write`, failing unless it comes back whole.
        fn round_trip(read_and_write: fn(&str) -> serde_json::Result<Value>, json: &str) -> Result<(), String> {
            let expected: Value = serde_json::from_str(json).map_err(|error| error.to_string())?;
            let written = read_and_write(json).map_err(|error| error.to_string())?;
            match difference(&expected, &written, "") {
                None => Ok(()),
                Some(difference) => Err(difference),
            }
        }

        #through

        /// Where `written` differs from `expected`, by path; `None` for the same JSON, where
        /// numbers compare by value (`1` and `1.0`), and two strings that read as the same
        /// value of a primitive type the crate reads from its text are equal (a timestamp is
        /// written with its type's number of fractional digits, a GUID in lower case).
        #dropped_doc
        fn difference(expected: &Value, written: &Value, path: &str) -> Option<String> {
            match (expected, written) {
                (Value::Object(expected), Value::Object(written)) => expected
                    .keys()
                    .chain(written.keys())
                    .find_map(|key| {
                        let path = format!("{path}.{key}");
                        match (expected.get(key), written.get(key)) {
                            (Some(expected), Some(written)) => difference(expected, written, &path),
                            #dropped
                            (None, _) => Some(format!("`{path}` was written, but not read")),
                        }
                    }),
                (Value::Array(expected), Value::Array(written)) if expected.len() == written.len() => expected
                    .iter()
                    .zip(written)
                    .enumerate()
                    .find_map(|(index, (e, w))| difference(e, w, &format!("{path}[{index}]"))),
                (Value::Number(e), Value::Number(w)) if e == w || e.as_f64() == w.as_f64() => None,
                (Value::String(e), Value::String(w)) if e == w #(#same_value)* => None,
                _ if expected == written => None,
                _ => Some(format!("`{path}` came back as {written}, not {expected}")),
            }
        }

        #same_when_read
    }
}
