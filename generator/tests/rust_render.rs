//! The Rust stage on a small hand-built schema: an inheritance chain under a polymorphic base
//! (with an abstract type and a subtype in another namespace), an enum with members named
//! `unknown` and `unrecognized` and one with a member `none`, keyword properties, properties whose field names are taken, a
//! recursive complex type, a collection of a base type and a type no page describes; and JSON
//! examples of each outcome of the round-trip test. Types are spread over product areas (so
//! features gate items, fields, variants and upcasts) and some have none. Every generated file
//! is snapshotted, and the crate is built with `cargo check` under several feature sets.

mod shared;

use std::path::Path;
use std::sync::Arc;

use graph_docgen::config::Config;
use graph_docgen::diagnostic::{DiagnosticKind, Location};
use graph_docgen::example_check::{example_cases, DefectClass};
use graph_docgen::facts::{Example, ExampleRole};
use graph_docgen::rust::{render_crate, render_manifest, CrateOptions, GeneratedFile, SCHEMA_FILE};
use graph_docgen::schema::{schema_order, EnumMember, Kind, Property, Schema, TypeDef, TypeLookup};

fn location(line: u32) -> Location {
    Location::new(&Arc::from("resources/hand-built.md"), line)
}

fn property(name: &str, ty: &str, collection: bool, description: &str) -> Property {
    Property {
        set_by_config: None,
        name: name.to_string(),
        ty: ty.to_string(),
        collection,
        nullable: true,
        navigation: false,
        description: description.to_string(),
        sources: vec![location(10)],
    }
}

fn struct_type(
    qualified: &str,
    kind: Kind,
    base: Option<&str>,
    description: &str,
    properties: Vec<Property>,
) -> TypeDef {
    let (namespace, name) = qualified.rsplit_once('.').unwrap();
    TypeDef {
        set_by_config: None,
        namespace: namespace.to_string(),
        name: name.to_string(),
        kind,
        base: base.map(str::to_string),
        is_abstract: false,
        description: description.to_string(),
        properties,
        members: Vec::new(),
        sources: vec![location(1)],
        area: None,
    }
}

fn enum_type(qualified: &str, members: &[(&str, &str)]) -> TypeDef {
    let mut ty = struct_type(qualified, Kind::Enum, None, "", Vec::new());
    ty.members = members
        .iter()
        .map(|(name, description)| EnumMember {
            set_by_config: None,
            name: name.to_string(),
            value: None,
            description: description.to_string(),
            source: location(20),
        })
        .collect();
    ty
}

fn schema() -> Schema {
    let g = |name: &str| format!("microsoft.graph.{name}");
    let mut comms_operation = struct_type(
        &g("commsOperation"),
        Kind::Entity,
        Some(&g("operation")),
        "A communications action that runs for a while.",
        vec![
            property("clientContext", "Edm.String", false, "Echoed back."),
            property("type", "Edm.String", false, "A keyword as a name."),
        ],
    );
    comms_operation.is_abstract = true;
    let mut types = vec![
        struct_type(
            &g("call"),
            Kind::Entity,
            Some(&g("entity")),
            "A call.\n\nIt holds its operations.",
            vec![
                Property {
                    navigation: true,
                    ..property("operations", &g("commsOperation"), true, "Every operation.")
                },
                property("self", "Edm.String", false, "Another keyword."),
                property("details", &g("mystery"), false, "No page describes it."),
                property("duration", "Edm.Duration", false, ""),
                property("payload", &g("json"), false, "Whatever the service sends."),
                property(
                    "additionalProperties",
                    "Edm.String",
                    false,
                    "Named like the field that keeps undeclared properties.",
                ),
            ],
        ),
        struct_type(
            "microsoft.graph.callRecords.session",
            Kind::Entity,
            Some(&g("entity")),
            "A session, in another namespace.",
            vec![
                property("startDateTime", "Edm.DateTimeOffset", false, ""),
                property("summary", "Edm.String", false, ""),
                property("_summary", "Edm.String", false, "Named like `summary`."),
                // A primitive of each kind `[output.primitives]` may choose a type for, and
                // lists of two, each moved into `additional_properties` by the upcast.
                property("startDate", "Edm.Date", false, ""),
                property("startTime", "Edm.TimeOfDay", false, ""),
                property("activeTimes", "Edm.TimeOfDay", true, ""),
                property("correlationId", "Edm.Guid", false, ""),
                property("cost", "Edm.Decimal", false, ""),
                property("retryIntervals", "Edm.Duration", true, ""),
            ],
        ),
        comms_operation,
        struct_type(
            &g("entity"),
            Kind::Entity,
            None,
            "The root.",
            vec![property("id", "Edm.String", false, "The key.")],
        ),
        struct_type(
            &g("folder"),
            Kind::Complex,
            None,
            "Holds itself.",
            vec![
                property("name", "Edm.String", false, ""),
                property("parent", &g("folder"), false, "Recursive: boxed."),
                property("children", &g("folder"), true, "A collection: not boxed."),
            ],
        ),
        struct_type(
            &g("json"),
            Kind::Complex,
            None,
            "Data returned in JSON format; no property documented.",
            Vec::new(),
        ),
        struct_type(
            &g("recording"),
            Kind::Complex,
            None,
            "A value another area's types share, and a relationship to another area's entity.",
            vec![
                property("status", &g("operationStatus"), false, ""),
                Property {
                    navigation: true,
                    ..property("call", &g("call"), false, "Gated by the call's area.")
                },
            ],
        ),
        struct_type(
            &g("operation"),
            Kind::Entity,
            Some(&g("entity")),
            "A long-running operation.",
            vec![
                property("status", &g("operationStatus"), false, ""),
                property("createdDateTime", "Edm.DateTimeOffset", false, ""),
            ],
        ),
        enum_type(
            &g("operationStatus"),
            &[("notStarted", ""), ("running", ""), ("none", "No status.")],
        ),
        enum_type(
            &g("playPromptCompletionReason"),
            &[
                ("unknown", "Documented as `unknown`."),
                ("completedSuccessfully", ""),
                ("unrecognized", "Takes the catch-all's name."),
            ],
        ),
        struct_type(
            &g("playPromptOperation"),
            Kind::Entity,
            Some(&g("commsOperation")),
            "Plays a prompt.",
            vec![property(
                "completionReason",
                &g("playPromptCompletionReason"),
                false,
                "",
            )],
        ),
    ];
    // `operation` and `entity` have no area; `operationStatus` is of an area, but `operation`
    // and `recording` use it, so it is always compiled; `recording.call` is a relationship to
    // an entity of another area; `Call Records` shows a name made into a feature name.
    let areas = [
        ("call", "cloud-communications"),
        ("commsOperation", "cloud-communications"),
        ("folder", "files"),
        ("operationStatus", "cloud-communications"),
        ("playPromptCompletionReason", "cloud-communications"),
        ("playPromptOperation", "cloud-communications"),
        ("recording", "files"),
        ("session", "Call Records"),
    ];
    for ty in &mut types {
        let area = areas.iter().find(|(name, _)| *name == ty.name);
        ty.area = area.map(|(_, area)| area.to_string());
    }
    types.sort_by(schema_order);
    Schema { types }
}

fn example(role: ExampleRole, type_name: Option<&str>, body: &str) -> Example {
    Example {
        role,
        location: Location::new(&Arc::from("api/hand-built.md"), 30),
        type_name: type_name.map(str::to_string),
        implied_type_page: None,
        json: serde_json::from_str(body).unwrap_or_default(),
        invalid: serde_json::from_str::<serde_json::Value>(body)
            .err()
            .map(|e| e.to_string()),
        placements: Vec::new(),
    }
}

/// One example per kind of case: a list response, a request whose type the page implies, a
/// placeholder beside a wrong-case and an undocumented property, invalid JSON, an undocumented
/// type, a body with no type, and one object wrapped in `value`; and a session with a value of
/// each primitive `[output.primitives]` may choose a type for, as Graph writes them.
fn examples() -> Vec<Example> {
    let operation = Some("microsoft.graph.operation");
    let mut implied = example(
        ExampleRole::Request,
        None,
        r##"{"self": "x", "duration": "PT1M", "operations": [{"@odata.type": "#microsoft.graph.playPromptOperation", "completionReason": "unknown"}]}"##,
    );
    implied.implied_type_page = Some("resources/hand-built.md".to_string());
    vec![
        example(
            ExampleRole::Response,
            operation,
            r#"{"@odata.context": "x", "value": [{"id": "1", "status": "running"}, {"status": "String"}]}"#,
        ),
        implied,
        example(
            ExampleRole::Response,
            operation,
            r#"{"createdDateTime": "datetime-value", "Status": "running", "extra": 1}"#,
        ),
        example(ExampleRole::Response, operation, r#"{"id": "1", ...}"#),
        example(ExampleRole::Example, Some("microsoft.graph.nowhere"), "{}"),
        example(ExampleRole::Request, None, r#"{"comment": "no type"}"#),
        example(
            ExampleRole::Response,
            operation,
            r#"{"value": {"id": "2", "status": "notStarted"}}"#,
        ),
        example(
            ExampleRole::Response,
            Some("microsoft.graph.callRecords.session"),
            SESSION,
        ),
        // Text as a `String` holds it, but no GUID or duration: with those types chosen, the
        // docs' defect (a placeholder), not a fault of the types.
        example(
            ExampleRole::Response,
            Some("microsoft.graph.callRecords.session"),
            r#"{"correlationId": "correlationId-value", "retryIntervals": ["duration-value"]}"#,
        ),
    ]
}

/// A session as Graph writes one: seven fractional digits, a GUID in capitals, and durations
/// with calendar units, a sign, a fraction and weeks.
const SESSION: &str = r#"{
    "startDateTime": "2021-03-18T09:15:00.0000000Z",
    "startDate": "2021-03-18",
    "startTime": "09:15:00.0000000",
    "activeTimes": ["09:15:00", "17:30:00.5000000"],
    "correlationId": "5D5E0B3A-1C2F-4E6B-9A8D-7F3E2B1C0A9D",
    "cost": 12.50,
    "retryIntervals": ["PT1H30M", "P1D", "P1M", "-PT5S", "PT0.5S", "P1Y2M3DT4H5M6.7S", "P2W"]
}"#;

/// The options of the workspace's own crate, `generated/`, which the snapshots name.
fn options() -> CrateOptions {
    CrateOptions {
        crate_name: "graph-models".parse().unwrap(),
        regenerate_command: "cargo xtask codegen".to_string(),
        guide: None,
        primitives: Default::default(),
        doc_comments: true,
        additional_properties: true,
        derives: Default::default(),
        module_names: Default::default(),
    }
}

fn render() -> (Vec<GeneratedFile>, Vec<String>) {
    let (files, diagnostics) = render_crate(&schema(), &examples(), &options());
    let diagnostics = diagnostics.iter().map(|d| d.to_string()).collect();
    (files, diagnostics)
}

#[test]
fn generated_files_snapshot() {
    let (files, _) = render();
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "schema.json",
            "src/graph.rs",
            "src/graph/call_records.rs",
            "src/lib.rs",
            "src/odata.rs",
            "src/support.rs",
            "tests/areas.rs",
            "tests/docs_examples.rs",
            "tests/docs_examples/cases.rs",
            "tests/round_trip/mod.rs",
        ]
    );
    for file in &files {
        insta::assert_snapshot!(file.path.replace('/', "__"), file.contents);
    }
}

/// The snapshots freeze the crate's `cfg`s; this builds them. The crate is written as the
/// `rust` command writes it, with the workspace's lock file (its dependencies are the
/// workspace's, so `--offline` finds them) and a consumer (`tests/consumers/features.rs`), and
/// checked with every feature, with none, with each area alone and with an area and another,
/// tests included and warnings denied (`unexpected_cfgs` among them). Its target folder is
/// kept under the workspace's, so only a first run builds the dependencies.
#[test]
fn the_crate_builds_with_every_feature_with_none_and_with_each_area_alone() {
    let (files, _) = render();
    let manifest = render_manifest(&schema(), &options());
    // Code that uses one area, which every feature set that has the area must compile.
    let consumer = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/consumers/features.rs");
    let mut files = files;
    files.push(GeneratedFile {
        path: "tests/consumer.rs".to_string(),
        contents: std::fs::read_to_string(consumer).unwrap(),
    });
    // The areas are the manifest's (see the test of its features); an area alone, then with
    // another that adds a variant (`call-records`) or a field (`cloud-communications`) to
    // what the consumer uses: features are additive.
    let mut feature_sets = vec![vec!["--all-features"], vec!["--no-default-features"]];
    for areas in [
        "call-records",
        "cloud-communications",
        "files",
        "cloud-communications,call-records",
        "files,cloud-communications",
    ] {
        feature_sets.push(vec!["--no-default-features", "--features", areas]);
    }
    check_crate("crate", &manifest, &files, &feature_sets);
}

/// Writes the crate into `name` under the shared work folder and runs `cargo check` on it once
/// per feature set.
fn check_crate(
    name: &str,
    manifest: &GeneratedFile,
    files: &[GeneratedFile],
    feature_sets: &[Vec<&str>],
) {
    run_cargo_on_crate("check", name, manifest, files, feature_sets);
}

/// [`check_crate`] with another cargo command (`test`) on every target.
fn run_cargo_on_crate(
    command: &str,
    name: &str,
    manifest: &GeneratedFile,
    files: &[GeneratedFile],
    feature_sets: &[Vec<&str>],
) {
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rust-render");
    let files: Vec<GeneratedFile> = std::iter::once(manifest).chain(files).cloned().collect();
    let runs: Vec<Vec<&str>> = feature_sets
        .iter()
        .map(|features| {
            let run = [command, "--offline", "--quiet", "--all-targets"];
            run.into_iter().chain(features.iter().copied()).collect()
        })
        .collect();
    let failures = shared::cargo_runs(&work, name, &files, &runs);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `[output.primitives]` with a type for every primitive that may have one (`time`'s, `jiff`'s,
/// `uuid`'s and `f64`), with `String` for every one that may be, and with the defaults: each
/// crate builds, warnings denied, and its tests pass: the examples come back whole, the session
/// with a value of each primitive in Graph's forms (`SESSION`) among them. With the typed
/// choices, `tests/consumers/primitives.rs` also checks the values read, what is written back
/// and the errors of values that do not read.
#[test]
fn each_primitive_choice_builds_and_its_examples_come_back_whole() {
    let typed = r#"[output.primitives]
"Edm.Guid" = "uuid::Uuid"
"Edm.DateTimeOffset" = "time::OffsetDateTime"
"Edm.Date" = "time::Date"
"Edm.TimeOfDay" = "time::Time"
"Edm.Duration" = "jiff::SpanFieldwise"
"Edm.Decimal" = "f64"
"#;
    let strings = r#"[output.primitives]
"Edm.DateTimeOffset" = "String"
"Edm.Date" = "String"
"Edm.TimeOfDay" = "String"
"#;
    let consumer = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/consumers/primitives.rs");
    let consumer = GeneratedFile {
        path: "tests/consumer.rs".to_string(),
        contents: std::fs::read_to_string(consumer).unwrap(),
    };
    for (name, toml, consumer) in [
        ("typed-primitives", typed, Some(&consumer)),
        ("string-primitives", strings, None),
        ("default-primitives", "", None),
    ] {
        let (config, warnings) = Config::parse("docgen.toml", toml).unwrap();
        assert!(warnings.is_empty());
        let options = CrateOptions {
            primitives: config.output.primitives,
            ..options()
        };
        let (mut files, _) = render_crate(&schema(), &examples(), &options);
        // A placeholder in a GUID field is a defect only where a GUID type reads it.
        let cases = files
            .iter()
            .find(|f| f.path == "tests/docs_examples/cases.rs");
        let defect = "`correlationId` is `\\\"correlationId-value\\\"`, not a `Edm.Guid`";
        assert_eq!(
            cases.unwrap().contents.contains(defect),
            consumer.is_some(),
            "{name}"
        );
        files.extend(consumer.cloned());
        let manifest = render_manifest(&schema(), &options);
        run_cargo_on_crate("test", name, &manifest, &files, &[vec!["--all-features"]]);
    }
}

/// `struct-derives`, `enum-derives` and `[output.modules]` of `docgen.toml`, with a float
/// field added to `playPromptOperation`: the derives go to every type that can have them, a
/// note names each type left out and the field why, the renamed module holds its namespace's
/// types, and the crate builds.
#[test]
fn extra_derives_and_module_names_build() {
    let toml = r#"[output]
struct-derives = ["Hash", "Eq"]
enum-derives = ["PartialOrd", "Ord"]

[output.modules]
"microsoft.graph.callRecords" = "records"
"microsoft.graph.nowhere" = "nowhere"
"#;
    let (config, warnings) = Config::parse("docgen.toml", toml).unwrap();
    assert!(warnings.is_empty());
    let mut schema = schema();
    let prompt = schema
        .types
        .iter_mut()
        .find(|t| t.name == "playPromptOperation")
        .unwrap();
    prompt
        .properties
        .push(property("volume", "Edm.Double", false, "A float: no `Eq`."));
    let options = CrateOptions {
        // A name of its own, so that cargo does not take the other crates' builds for its own.
        crate_name: "graph-models-derives".parse().unwrap(),
        derives: config.output.derives,
        module_names: config.output.module_names,
        ..options()
    };
    let (files, diagnostics) = render_crate(&schema, &examples(), &options);
    let notes: String = diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::Config)
        .map(|d| format!("{d}\n"))
        .collect();
    insta::assert_snapshot!("extra_derives_and_module_names_diagnostics", notes);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert!(paths.contains(&"src/graph/records.rs"), "{paths:?}");
    let derive_lines = |path: &str| -> String {
        let file = files.iter().find(|f| f.path == path).unwrap();
        let lines: Vec<&str> = file.contents.lines().collect();
        let mut shown = String::new();
        for (at, line) in lines.iter().enumerate() {
            if line.trim_start().starts_with("#[derive(") {
                let item = lines[at + 1..]
                    .iter()
                    .find(|l| l.contains("pub struct") || l.contains("pub enum"))
                    .unwrap_or(&"");
                shown.push_str(&format!("{}\n    {}\n", line.trim(), item.trim()));
            }
        }
        shown
    };
    insta::assert_snapshot!(
        "extra_derives_and_module_names_items",
        format!(
            "src/graph.rs\n{}src/graph/records.rs\n{}",
            derive_lines("src/graph.rs"),
            derive_lines("src/graph/records.rs")
        )
    );
    let manifest = render_manifest(&schema, &options);
    check_crate("derives", &manifest, &files, &[vec!["--all-features"]]);
}

/// `additional-properties = false`: what it changes, as a diff of each file from the crate with
/// the map (the structs lose the map, `set_null` and `is_null`, their `Debug`, writing, reading
/// and upcasts the map's code; the `Any...` enums its accessors; the support module gains the
/// sink that drops a value, and loses `keep_as_json`; the `odata` types keep their maps), and
/// the crate builds with every feature, with none and with an area alone.
#[test]
fn without_additional_properties_the_structs_have_no_map() {
    let options = CrateOptions {
        crate_name: "graph-models-without-map".parse().unwrap(),
        ..options()
    };
    let (with, _) = render_crate(&schema(), &examples(), &options);
    let options = CrateOptions {
        additional_properties: false,
        ..options
    };
    let (without, _) = render_crate(&schema(), &examples(), &options);
    let mut diffs = String::new();
    for (with, without) in with.iter().zip(&without) {
        assert_eq!(with.path, without.path);
        if with.contents != without.contents {
            let diff = similar::TextDiff::from_lines(&with.contents, &without.contents);
            let diff = diff.unified_diff().context_radius(1).to_string();
            diffs.push_str(&format!("=== {}\n{diff}", with.path));
        }
    }
    insta::assert_snapshot!("without_additional_properties", diffs);
    let manifest = render_manifest(&schema(), &options);
    let feature_sets = [
        vec!["--all-features"],
        vec!["--no-default-features"],
        vec![
            "--no-default-features",
            "--features",
            "cloud-communications",
        ],
    ];
    check_crate("without-map-crate", &manifest, &without, &feature_sets);
}

#[test]
fn diagnostics_name_the_unknown_type_and_the_renames() {
    let (_, diagnostics) = render();
    assert_eq!(
        diagnostics,
        [
            "resources/hand-built.md:10: warning[D0202]: property `details` of \
             `microsoft.graph.call` has type `microsoft.graph.mystery`, which no page \
             describes; it is held as `serde_json::Value`",
            "resources/hand-built.md:10: note[D0204]: property `additionalProperties` of \
             `microsoft.graph.call` is field `additional_properties_2`: \
             `additional_properties` is taken",
            "resources/hand-built.md:10: note[D0204]: property `_summary` of \
             `microsoft.graph.callRecords.session` is field `summary_2`: `summary` is taken",
        ]
    );
}

#[test]
fn examples_are_read_as_their_named_or_implied_type_and_their_defects_classed() {
    let schema = schema();
    let cases = example_cases(&TypeLookup::new(&schema), &examples());
    let summary: Vec<(Option<&str>, usize, bool, Option<DefectClass>)> = cases
        .iter()
        .map(|case| {
            (
                case.type_name.as_deref(),
                case.values.len(),
                case.collection,
                case.doc_defect.as_ref().map(|d| d.class),
            )
        })
        .collect();
    let operation = Some("microsoft.graph.operation");
    assert_eq!(
        summary,
        [
            // A list response is read whole, as a collection.
            (operation, 1, true, None),
            (Some("microsoft.graph.call"), 1, false, None),
            (operation, 1, false, Some(DefectClass::Placeholder)),
            (None, 0, false, Some(DefectClass::InvalidJson)),
            (None, 0, false, Some(DefectClass::UndocumentedType)),
            (None, 0, false, None),
            (operation, 1, false, Some(DefectClass::WrappedValue)),
            (Some("microsoft.graph.callRecords.session"), 1, false, None),
            (Some("microsoft.graph.callRecords.session"), 1, false, None),
        ]
    );
    let detail = cases[2].doc_defect.as_ref().map(|d| d.detail.as_str());
    assert_eq!(
        detail,
        Some("`createdDateTime` is `\"datetime-value\"`, not a `Edm.DateTimeOffset` (and 2 more)")
    );
}

#[test]
fn named_types_are_found_in_any_case_and_primitives_or_annotations_are_nothing_to_read() {
    let operation = Some("microsoft.graph.operation");
    let examples = [
        example(
            ExampleRole::Response,
            Some("collection(Microsoft.Graph.OPERATION)"),
            r#"[{"id": "1"}]"#,
        ),
        example(ExampleRole::Response, Some("string"), r#"{"value": "x"}"#),
        // Only annotations, or an empty list: no property to read, whatever the type.
        example(ExampleRole::Request, operation, r#"{"@odata.id": "x"}"#),
        example(ExampleRole::Response, operation, r#"{"value": []}"#),
    ];
    let schema = schema();
    let cases = example_cases(&TypeLookup::new(&schema), &examples);
    let types: Vec<Option<&str>> = cases.iter().map(|c| c.type_name.as_deref()).collect();
    assert_eq!(types, [operation, None, None, None]);
    assert!(cases.iter().all(|case| case.doc_defect.is_none()));
}

#[test]
fn same_schema_same_bytes() {
    assert_eq!(render(), render());
}

/// The changes the pages get every week must be additive for crates that use the models: a new
/// property is a new field, a new member or subtype a new variant, so every struct, string enum
/// and `Any...` enum of the pages' types is non-exhaustive (no struct literal or exhaustive
/// `match` outside the crate to break).
#[test]
fn every_model_struct_and_enum_is_non_exhaustive() {
    let (files, _) = render();
    let mut kinds = std::collections::BTreeSet::new();
    for file in files.iter().filter(|file| {
        file.path.starts_with("src/") && !["src/odata.rs", "src/support.rs"].contains(&&*file.path)
    }) {
        let lines: Vec<&str> = file.contents.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(kind) = ["pub struct ", "pub enum "]
                .into_iter()
                .find(|start| line.starts_with(start))
            else {
                continue;
            };
            let name = &line[kind.len()..];
            kinds.insert(match kind {
                "pub struct " => "struct",
                _ if name.starts_with("Any") => "Any... enum",
                _ => "string enum",
            });
            let mut attributes = lines[..i]
                .iter()
                .rev()
                .take_while(|line| line.starts_with("#[") || line.starts_with("///"));
            assert!(
                attributes.any(|line| *line == "#[non_exhaustive]"),
                "{}: {line} is exhaustive",
                file.path
            );
        }
    }
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["Any... enum", "string enum", "struct"]
    );
}

#[test]
fn every_file_starts_with_the_generated_line() {
    let options = CrateOptions {
        regenerate_command: "make models".to_string(),
        guide: None,
        primitives: Default::default(),
        doc_comments: true,
        ..options()
    };
    let (files, _) = render_crate(&schema(), &examples(), &options);
    let manifest = render_manifest(&schema(), &options);
    for file in files.iter().chain([&manifest]) {
        // JSON has no comments: the schema's marker is the first member, on its second line.
        let marker_line = usize::from(file.path == SCHEMA_FILE);
        let first = file.contents.lines().nth(marker_line).unwrap_or_default();
        let first = first
            .trim_end_matches("\",")
            .replace("\"@generated\": \"by", "@generated by");
        assert!(
            first.ends_with("@generated by make models. Do not edit."),
            "{}: {first}",
            file.path
        );
    }
    assert!(manifest.contents.contains("name = \"graph-models\""));
}

#[test]
fn the_manifest_declares_a_feature_per_area_and_full_by_default() {
    let manifest = render_manifest(&schema(), &options());
    let features = manifest
        .contents
        .split("[features]\n")
        .nth(1)
        .unwrap_or_default();
    let features: Vec<&str> = features.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(
        features,
        [
            "default = [\"full\"]",
            "full = [\"call-records\", \"cloud-communications\", \"files\"]",
            "call-records = []",
            "cloud-communications = []",
            "files = []",
        ]
    );
    let without_areas = render_manifest(&Schema::default(), &options());
    assert!(!without_areas.contents.contains("[features]"));
}

#[test]
fn an_empty_schema_gives_the_crate_root_and_the_shared_odata_types() {
    let (files, diagnostics) = render_crate(&Schema::default(), &examples(), &options());
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "schema.json",
            "src/lib.rs",
            "src/odata.rs",
            "src/support.rs"
        ]
    );
    assert!(diagnostics.is_empty());
}

#[test]
fn collisions_are_numbered_in_claim_order_and_noted() {
    let g = |name: &str| format!("microsoft.graph.{name}");
    let mut types = vec![
        struct_type(
            &g("entity"),
            Kind::Entity,
            None,
            "",
            vec![
                property("fooBar", "Edm.String", false, ""),
                property("FooBar", "Edm.Int32", false, ""),
                property("odataType", "Edm.String", false, ""),
                property("fooBarMut", "Edm.String", false, ""),
                property("asAnyEntity", "Edm.String", false, ""),
            ],
        ),
        struct_type(
            &g("anyEntity"),
            Kind::Entity,
            Some(&g("entity")),
            "",
            vec![],
        ),
        struct_type(&g("Entity"), Kind::Complex, None, "", vec![]),
    ];
    types.sort_by(schema_order);
    let (files, diagnostics) = render_crate(&Schema { types }, &[], &options());
    let graph = &files
        .iter()
        .find(|f| f.path == "src/graph.rs")
        .unwrap()
        .contents;
    for expected in [
        "pub struct Entity {",
        "pub struct Entity2 {",
        "pub struct AnyEntity {",
        "pub enum AnyEntity2 {",
        "pub foo_bar: ",
        "pub foo_bar_2: ::std::option::Option<i32>",
        "pub odata_type_2: ",
        // The enum's methods: a field's setter and a variant's view are numbered when a field
        // took their names.
        "pub fn foo_bar_mut(&self)",
        "pub fn foo_bar_mut_2(\n        &mut self,",
        "pub fn as_any_entity(&self) -> &::std::option::Option<::std::string::String>",
        "pub fn as_any_entity_2(&self) -> ::std::option::Option<&AnyEntity>",
    ] {
        assert!(graph.contains(expected), "{expected}");
    }
    let notes: Vec<String> = diagnostics.iter().map(|d| d.message.clone()).collect();
    assert_eq!(
        notes,
        [
            // Schema order is case-insensitive, then as written: `Entity` before `entity`.
            "`microsoft.graph.entity` is generated as `Entity2`: `Entity` is taken in module \
             `graph`",
            "`microsoft.graph.entity` is generated as `AnyEntity2`: `AnyEntity` is taken in \
             module `graph`",
            "property `FooBar` of `microsoft.graph.entity` is field `foo_bar_2`: `foo_bar` is \
             taken",
            "property `odataType` of `microsoft.graph.entity` is field `odata_type_2`: \
             `odata_type` is taken",
            "the `Any...` enum of `microsoft.graph.entity` has method `foo_bar_mut_2`: \
             `foo_bar_mut` is taken",
            "the `Any...` enum of `microsoft.graph.entity` has method `as_any_entity_2`: \
             `as_any_entity` is taken",
        ]
    );
}
