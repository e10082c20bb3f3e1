//! `docgen.toml` on the project's own pages (`docs-input/`): each kind of fix as the schema and
//! the Rust see it, stale and contradicting fixes, and errors in the file itself.

mod shared;

use std::path::{Path, PathBuf};
use std::time::Instant;

use graph_docgen::config::Config;
use graph_docgen::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use graph_docgen::read::PageSelection;
use graph_docgen::rust::{render_crate, render_manifest, CrateOptions};
use graph_docgen::write::write_if_changed;
use graph_docgen::{load_configured_docs, Docs};

fn docs_input() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs-input")
}

fn load(toml: &str) -> (Config, Docs) {
    let (config, warnings) = Config::parse("docgen.toml", toml).unwrap_or_else(|errors| {
        panic!("{}", rendered(&errors));
    });
    assert!(warnings.is_empty(), "{}", rendered(&warnings));
    let selection = PageSelection::new(docs_input(), &[]).unwrap();
    let docs = load_configured_docs(&selection, &config).unwrap();
    (config, docs)
}

fn rendered(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| format!("{d}\n"))
        .collect::<String>()
}

fn config_diagnostics(docs: &Docs) -> String {
    let about_config: Vec<Diagnostic> = docs
        .diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::Config)
        .cloned()
        .collect();
    rendered(&about_config)
}

const EVERY_KIND: &str = r#"
[output.primitives]
"Edm.Guid" = "uuid::Uuid"
"Edm.DateTimeOffset" = "time::OffsetDateTime"
"Edm.Date" = "time::Date"
"Edm.TimeOfDay" = "time::Time"
"Edm.Duration" = "jiff::SpanFieldwise"

[[fix]]
type = "microsoft.graph.folder"
property = "childCount"
set-type = "Edm.Int64"
reason = "folders hold more than 2^31 items"

[[fix]]
type = "microsoft.graph.event"
property = "attendees"
set-collection = false
reason = "collection-ness, for the test"

[[fix]]
type = "microsoft.graph.itemBody"
set-base = "microsoft.graph.identity"
reason = "a base, for the test"

[[fix]]
type = "microsoft.graph.resultInfo"
set-kind = "entity"
reason = "a kind, for the test"

[[fix]]
type = "microsoft.graph.passwordProfile"
add-property = "forceChangePasswordNextSignInWithMfa"
property-type = "Edm.Boolean"
reason = "no page lists it"

[[fix]]
type = "microsoft.graph.user"
add-navigation = "directReports"
property-type = "microsoft.graph.directoryObject"
collection = true
reason = "the inverse of manager"

[[fix]]
type = "microsoft.graph.operationStatus"
member = "failed"
rename-to = "failure"
reason = "a rename, for the test"

[[fix]]
type = "microsoft.graph.importance"
add-member = "unknownFutureValue"
value = 3
reason = "the evolvable-enum sentinel"

[[fix]]
type = "microsoft.graph.sharePointIdentitySet"
drop = true
reason = "not used here"

[[fix]]
type = "microsoft.graph.event"
property = "isAllDay"
drop = true
reason = "not used here"
"#;

#[test]
fn every_kind_of_fix_lands_in_the_schema_and_the_rust_says_so() {
    let (config, docs) = load(EVERY_KIND);
    let schema = &docs.schema;
    let ty = |name: &str| schema.get(name).unwrap_or_else(|| panic!("no {name}"));
    let property = |t: &str, p: &str| {
        ty(t)
            .properties
            .iter()
            .find(|q| q.name == p)
            .unwrap_or_else(|| panic!("no {t}.{p}"))
            .clone()
    };
    assert_eq!(
        property("microsoft.graph.folder", "childCount").ty,
        "Edm.Int64"
    );
    assert!(!property("microsoft.graph.event", "attendees").collection);
    assert_eq!(
        ty("microsoft.graph.itemBody").base.as_deref(),
        Some("microsoft.graph.identity")
    );
    assert_eq!(ty("microsoft.graph.resultInfo").kind.as_str(), "entity");
    let added = property(
        "microsoft.graph.passwordProfile",
        "forceChangePasswordNextSignInWithMfa",
    );
    assert_eq!(added.ty, "Edm.Boolean");
    assert_eq!(added.set_by_config.as_deref(), Some("no page lists it"));
    let navigation = property("microsoft.graph.user", "directReports");
    assert!(navigation.navigation && navigation.collection);
    let members =
        |t: &str| -> Vec<String> { ty(t).members.iter().map(|m| m.name.clone()).collect() };
    assert!(members("microsoft.graph.operationStatus").contains(&"failure".to_string()));
    assert!(members("microsoft.graph.importance").contains(&"unknownFutureValue".to_string()));
    assert!(schema
        .get("microsoft.graph.sharePointIdentitySet")
        .is_none());
    assert!(!ty("microsoft.graph.event")
        .properties
        .iter()
        .any(|p| p.name == "isAllDay"));
    // The exported schema sees the fixes too.
    let json = graph_docgen::export::schema_json(schema);
    assert!(json.contains("forceChangePasswordNextSignInWithMfa"));

    insta::assert_snapshot!("every_kind_of_fix", config_diagnostics(&docs));

    let options = config
        .output
        .crate_options("graph-models".parse().unwrap(), "test".into(), None);
    let (files, _) = render_crate(schema, &docs.examples, &options);
    let graph = files.iter().find(|f| f.path == "src/graph.rs").unwrap();
    assert!(
        graph
            .contents
            .contains("/// Set by docgen.toml: folders hold more than 2^31 items"),
        "the field's doc comment names the fix"
    );
    // The crate docs' table and the manifest follow the primitives chosen: no type is
    // chrono's, so the crate does not depend on it.
    let lib = files.iter().find(|f| f.path == "src/lib.rs").unwrap();
    for row in [
        "| `Edm.Guid` | `uuid::Uuid` |",
        "| `Edm.DateTimeOffset` | `time::OffsetDateTime` |",
        "| `Edm.Date` | `time::Date` |",
        "| `Edm.TimeOfDay` | `time::Time` |",
        "| `Edm.Duration` | `jiff::SpanFieldwise` |",
    ] {
        assert!(lib.contents.contains(row), "{row}");
    }
    let manifest = render_manifest(schema, &options);
    assert_eq!(
        dependencies(&manifest.contents),
        [
            "erased-serde = \"0.4\"",
            "jiff = { version = \"1\", default-features = false }",
            "serde = \"1\"",
            "serde_json = { version = \"1\", features = [\"preserve_order\"] }",
            "time = { version = \"0.3\", features = [\"formatting\", \"macros\", \"parsing\"] }",
            "uuid = \"1\"",
        ]
    );
    // A chrono type kept beside time's: the crate depends on both.
    let mut primitives = options.primitives.clone();
    primitives.choose("Edm.Date", "chrono::NaiveDate").unwrap();
    let mixed = render_manifest(
        schema,
        &CrateOptions {
            primitives,
            ..options
        },
    );
    let mixed = dependencies(&mixed.contents);
    assert!(mixed[0].starts_with("chrono = ") && mixed[5].starts_with("time = "));
}

/// The lines of a manifest's `[dependencies]`.
fn dependencies(manifest: &str) -> Vec<&str> {
    manifest
        .lines()
        .skip_while(|line| *line != "[dependencies]")
        .skip(1)
        .take_while(|line| !line.is_empty())
        .collect()
}

#[test]
fn without_doc_comments_only_the_fixes_are_documented() {
    let (_, docs) = load("[output]\ndoc-comments = false\n");
    let options = CrateOptions {
        crate_name: "graph-models".parse().unwrap(),
        regenerate_command: "test".into(),
        guide: None,
        primitives: Default::default(),
        doc_comments: false,
        additional_properties: true,
        derives: Default::default(),
        module_names: Default::default(),
    };
    let (files, _) = render_crate(&docs.schema, &docs.examples, &options);
    let graph = files.iter().find(|f| f.path == "src/graph.rs").unwrap();
    assert!(!graph
        .contents
        .contains("Describes the result of recording audio"));
}

#[test]
fn additional_properties_is_on_unless_turned_off() {
    let (config, _) = Config::parse("docgen.toml", "").unwrap();
    assert!(config.output.additional_properties);
    let toml = "[output]\nadditional-properties = false\n";
    let (config, warnings) = Config::parse("docgen.toml", toml).unwrap();
    assert!(!config.output.additional_properties);
    assert!(warnings.is_empty(), "{}", rendered(&warnings));
}

/// `additional-properties = false` on the project's own pages: the model structs have no map
/// (the `odata` types keep theirs), and the crate, as the `rust` command writes it, compiles
/// and passes its own tests (the examples' round trip, the areas' and the crate docs'
/// doctests) with warnings denied.
#[test]
fn without_additional_properties_the_crate_passes_its_own_tests() {
    let (config, docs) = load("[output]\nadditional-properties = false\n");
    let options = config.output.crate_options(
        "graph-models-without-map".parse().unwrap(),
        "test".into(),
        None,
    );
    let (mut files, _) = render_crate(&docs.schema, &docs.examples, &options);
    let file = |path: &str| &files.iter().find(|f| f.path == path).unwrap().contents;
    let graph = file("src/graph.rs");
    assert!(graph.contains("pub struct User {"));
    for absent in ["additional_properties", "set_null", "keep_as_json"] {
        assert!(!graph.contains(absent), "src/graph.rs has {absent}");
    }
    assert!(file("src/odata.rs").contains("pub additional_properties:"));
    assert!(file("src/lib.rs").contains("generated with `additional-properties = false`"));
    files.push(render_manifest(&docs.schema, &options));
    let test = ["test", "--offline", "--quiet", "--all-features"];
    let failures = shared::cargo_runs(&rust_render_work(), "without-map", &files, &[test.to_vec()]);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_stale_fix_is_a_warning_at_its_line_and_changes_nothing() {
    let toml = r#"
[[fix]]
type = "microsoft.graph.gone"
drop = true
reason = "the page was removed"

[[fix]]
type = "microsoft.graph.folder"
property = "childCount"
set-type = "Edm.Int32"
reason = "the docs now say it"

[[fix]]
type = "microsoft.graph.user"
add-property = "manager"
property-type = "microsoft.graph.directoryObject"
reason = "the docs now list it"
"#;
    let (_, docs) = load(toml);
    let (_, unfixed) = load("");
    assert_eq!(docs.schema, unfixed.schema);
    let warnings = config_diagnostics(&docs);
    assert!(docs
        .diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::Config)
        .all(|d| d.severity == Severity::Warning));
    insta::assert_snapshot!("stale_fixes", warnings);
}

fn errors(toml: &str) -> String {
    match Config::parse("docgen.toml", toml) {
        Ok(_) => panic!("{toml} has no error"),
        Err(diagnostics) => rendered(&diagnostics),
    }
}

#[test]
fn contradicting_fixes_are_an_error_naming_both_lines() {
    let toml = r#"
[[fix]]
type = "microsoft.graph.folder"
property = "childCount"
set-type = "Edm.Int64"
reason = "one"

[[fix]]
type = "microsoft.graph.Folder"
property = "childcount"
set-type = "Edm.Double"
reason = "another"

[[fix]]
type = "microsoft.graph.event"
drop = true
reason = "gone"

[[fix]]
type = "microsoft.graph.event"
property = "isAllDay"
set-type = "Edm.String"
reason = "kept"
"#;
    insta::assert_snapshot!("contradicting_fixes", errors(toml));
}

#[test]
fn unknown_keys_wrong_types_and_invalid_values_name_their_line_and_column() {
    let cases = [
        "[inputs]\ndocs = \"x\"\nincludes = [\"*.md\"]\n",
        "[output]\ndoc-comments = \"yes\"\n",
        "[output]\nadditional-properties = \"no\"\n",
        "[output.primitives]\n\"Edm.Guid\" = \"u128\"\n",
        "[output.primitives]\n\"Edm.Duration\" = \"std::time::Duration\"\n",
        "[output]\ncrate-name = \"my.models\"\n",
        "[[fix]]\ntype = \"microsoft.graph.user\"\nreason = \"r\"\n",
        "[[fix]]\ntype = \"user\"\nproperty = \"x\"\nset-type = \"Edm.Nothing\"\nreason = \"r\"\n",
        "[[fix]]\ntype = \"microsoft.graph.user\"\nset-base = \"microsoft.graph.entity\"\nset-kind = \"entity\"\nreason = \"\"\n",
        "[[fix]]\ntype = \"microsoft.graph.user\"\nproperty = \"x\"\ndrop = false\nreason = \"r\"\n",
    ];
    let all: String = cases
        .iter()
        .map(|toml| format!("--- {toml:?}\n{}", errors(toml)))
        .collect();
    insta::assert_snapshot!("errors_in_the_file", all);
}

#[test]
fn derives_and_module_names_that_cannot_be_are_errors_at_their_key() {
    let cases = [
        "[output]\nstruct-derives = [\"Eq\", \"Copy\"]\n",
        "[output]\nstruct-derives = [\"PartialOrd\"]\n",
        "[output]\nenum-derives = [\"Ord\", \"Hash\"]\n",
        "[output]\nenum-derives = [\"PartialOrd\", \"PartialOrd\"]\n",
        "[output.modules]\n\"microsoft.graph.callRecords\" = \"CallRecords\"\n",
        "[output.modules]\n\"microsoft.graph\" = \"support\"\n\"microsoft.graph.x\" = \"fn\"\n",
        "[output.modules]\n\"microsoft.graph.a\" = \"records\"\n\"microsoft.graph.b\" = \"records\"\n",
    ];
    let all: String = cases
        .iter()
        .map(|toml| format!("--- {toml:?}\n{}", errors(toml)))
        .collect();
    insta::assert_snapshot!("errors_in_derives_and_module_names", all);
}

#[test]
fn a_subset_keeps_what_the_chosen_types_reference_and_names_unknown_areas() {
    let toml = "[inputs]\nnamespaces = [\"microsoft.graph.nowhere\"]\nareas = [\"onedrive\"]\n";
    let (config, _) = Config::parse("docgen.toml", toml).unwrap();
    let selection = PageSelection::new(docs_input(), &[]).unwrap();
    let (_, whole) = load("");
    let docs = load_configured_docs(&selection, &config).unwrap();
    let names: Vec<String> = docs
        .schema
        .types
        .iter()
        .map(|t| t.qualified_name())
        .collect();
    assert!(names.len() < whole.schema.types.len());
    // Every reference of a kept type is kept: its base and each property's type.
    for ty in &docs.schema.types {
        let references = ty.base.iter().chain(ty.properties.iter().map(|p| &p.ty));
        for name in references.filter(|n| !n.starts_with("Edm.")) {
            if whole.schema.get(name).is_some() {
                assert!(
                    names.contains(name),
                    "{} references {name}",
                    ty.qualified_name()
                );
            }
        }
    }
    insta::assert_snapshot!("subset_of_files", config_diagnostics(&docs));
}

/// A subset of the v1.0 reference (the calls and users areas, with what they reference) as
/// the `rust` command writes it, checked as `rust_render.rs` checks its crate (sharing its
/// target folder, so that the dependencies are built once).
#[test]
fn a_subset_of_the_v1_reference_compiles() {
    let Some(_) = shared::shared_dir_if_set() else {
        eprintln!("skipped: GRAPH_DOCGEN_SHARED is not set");
        return;
    };
    let toml = "[inputs]\nareas = [\"cloud-communications\", \"users\"]\n";
    let (config, _) = Config::parse("docgen.toml", toml).unwrap();
    let selection = PageSelection::new(shared::corpus_docs("v1.0"), &[]).unwrap();
    let docs = load_configured_docs(&selection, &config).unwrap();
    let types = docs.schema.types.len();
    assert!(docs.schema.get("microsoft.graph.call").is_some());
    assert!(docs.schema.get("microsoft.graph.user").is_some());
    let options = config
        .output
        .crate_options("graph-subset".parse().unwrap(), "test".into(), None);
    let (mut files, _) = render_crate(&docs.schema, &docs.examples, &options);
    files.push(render_manifest(&docs.schema, &options));
    let started = Instant::now();
    let check = [
        "check",
        "--offline",
        "--quiet",
        "--all-targets",
        "--all-features",
    ];
    let failures = shared::cargo_runs(&rust_render_work(), "v1-subset", &files, &[check.to_vec()]);
    eprintln!(
        "v1.0 subset: {types} types, {} examples; cargo check {:.1?}",
        docs.examples.len(),
        started.elapsed()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The work folder of the crates the tests build, shared with `rust_render.rs`, so that the
/// dependencies are built once.
fn rust_render_work() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("rust-render")
}

/// A folder under the test's temporary folder holding `pages` of `docs-input/resources/`.
fn folder_of(name: &str, pages: &[&str]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("several-roots")
        .join(name);
    for page in pages {
        let text = std::fs::read_to_string(docs_input().join("resources").join(page)).unwrap();
        write_if_changed(&dir.join(page), &text).unwrap();
    }
    dir
}

#[test]
fn several_docs_folders_are_read_as_one_with_paths_named_by_their_folder() {
    folder_of("people", &["user.md", "directoryobject.md", "entity.md"]);
    folder_of("things", &["event.md", "attendee.md", "entity.md"]);
    let file = folder_of("", &[]).join("docgen.toml");
    write_if_changed(&file, "[inputs]\ndocs = [\"people\", \"./things/\"]\n").unwrap();
    let (config, _) = Config::read_named(&file, "docgen.toml").unwrap();
    let selection = PageSelection::new("unused", &[])
        .unwrap()
        .with_roots(&config.inputs.docs);
    assert_eq!(
        selection
            .list()
            .unwrap()
            .iter()
            .map(|p| &**p)
            .collect::<Vec<_>>(),
        [
            "people/directoryobject.md",
            "people/entity.md",
            "people/user.md",
            "things/attendee.md",
            "things/entity.md",
            "things/event.md",
        ]
    );
    let docs = load_configured_docs(&selection, &config).unwrap();
    let sources = |name: &str| -> Vec<String> {
        let ty = docs.schema.get(name).unwrap();
        ty.sources.iter().map(|s| s.file.to_string()).collect()
    };
    assert_eq!(sources("microsoft.graph.user")[0], "people/user.md");
    assert_eq!(sources("microsoft.graph.event")[0], "things/event.md");
    // A page in both folders is two sources of its type, each named by its folder.
    let entity = sources("microsoft.graph.entity");
    assert!(entity.contains(&"people/entity.md".to_string()));
    assert!(entity.contains(&"things/entity.md".to_string()));

    // One folder, a list or not, names its pages below it, as `--docs` does.
    write_if_changed(&file, "[inputs]\ndocs = \"people\"\n").unwrap();
    let (one, _) = Config::read_named(&file, "docgen.toml").unwrap();
    let selection = PageSelection::new("unused", &[])
        .unwrap()
        .with_roots(&one.inputs.docs);
    assert_eq!(selection.list().unwrap()[0].as_ref(), "directoryobject.md");

    insta::assert_snapshot!(
        "overlapping_docs_folders",
        errors("[inputs]\ndocs = [\"a\", \"b\", \"a/c/\", \"./b\"]\n")
            + &errors("[inputs]\ndocs = []\n")
            + &errors("[inputs]\ndocs = 3\n")
    );
}
