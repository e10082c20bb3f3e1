//! The compare stage: counts on a small hand-made case that are known exactly, and agreement
//! with the reference scorer `tools/fidelity.py` on the real corpus.

mod shared;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use graph_docgen::compare::{
    compare, json, report, Comparison, Counts, FactClass, Finding, Universe,
};
use graph_docgen::diagnostic::{DiagnosticKind, Location};
use graph_docgen::schema::{EnumMember, Kind, Property, Schema, TypeDef};

const CSDL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="user" BaseType="graph.entity">
        <Property Name="displayName" Type="Edm.String" />
        <Property Name="businessPhones" Type="Collection(Edm.String)" />
        <Property Name="status" Type="graph.userStatus" />
        <NavigationProperty Name="manager" Type="graph.entity" />
        <NavigationProperty Name="memberOf" Type="Collection(graph.entity)" />
      </EntityType>
      <ComplexType Name="address">
        <Property Name="city" Type="Edm.String" />
        <Property Name="street" Type="Edm.String" />
      </ComplexType>
      <EnumType Name="userStatus">
        <Member Name="active" Value="0" />
        <Member Name="disabled" Value="1" />
        <Member Name="deleted" Value="2" />
        <Member Name="unknownFutureValue" Value="3" />
      </EnumType>
      <EnumType Name="color">
        <Member Name="red" Value="0" />
        <Member Name="green" Value="1" />
      </EnumType>
      <EnumType Name="emptyEnum" />
      <Function Name="delta" IsBound="true" />
    </Schema>
    <Schema Namespace="microsoft.graph.callRecords" Alias="callRecords" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="callRecord" BaseType="graph.entity">
        <Property Name="sessionCount" Type="Edm.Int32" />
        <NavigationProperty Name="sessions" Type="Collection(callRecords.session)" />
      </EntityType>
      <ComplexType Name="session">
        <Property Name="caller" Type="Edm.String" />
      </ComplexType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"#;

fn at(file: &str, line: u32) -> Location {
    Location::new(&Arc::from(file), line)
}

fn type_def(qualified: &str, kind: Kind, base: Option<&str>, page: &str) -> TypeDef {
    let (namespace, name) = qualified.rsplit_once('.').expect("a qualified name");
    TypeDef {
        set_by_config: None,
        namespace: namespace.to_string(),
        name: name.to_string(),
        kind,
        base: base.map(str::to_string),
        is_abstract: false,
        description: String::new(),
        properties: Vec::new(),
        members: Vec::new(),
        sources: vec![at(page, 1)],
        area: None,
    }
}

/// `(name, type, collection, navigation)`, documented on lines 10, 11, ... of `page`.
fn with_properties(mut ty: TypeDef, page: &str, list: &[(&str, &str, bool, bool)]) -> TypeDef {
    ty.properties = (10..)
        .zip(list)
        .map(|(line, &(name, ty, collection, navigation))| Property {
            set_by_config: None,
            name: name.to_string(),
            ty: ty.to_string(),
            collection,
            nullable: true,
            navigation,
            description: String::new(),
            sources: vec![at(page, line)],
        })
        .collect();
    ty
}

fn with_members(mut ty: TypeDef, page: &str, names: &[&str]) -> TypeDef {
    ty.members = (20..)
        .zip(names)
        .map(|(line, name)| EnumMember {
            set_by_config: None,
            name: name.to_string(),
            value: None,
            description: String::new(),
            source: at(page, line),
        })
        .collect();
    ty
}

/// What the docs say, with a known set of disagreements with `CSDL`.
fn docs_schema() -> Schema {
    let g = |name: &str| format!("microsoft.graph.{name}");
    let (entity, user, address) = ("resources/entity.md", "resources/user.md", "api/address.md");
    let (status, call, session) = (
        "resources/userstatus.md",
        "resources/callrecords-callrecord.md",
        "resources/session.md",
    );
    let mut types = vec![
        with_properties(
            type_def(&g("entity"), Kind::Entity, None, entity),
            entity,
            &[("id", "Edm.String", false, false)],
        ),
        // Names match whatever their case; businessPhones lacks its collection; nickname is
        // not in the metadata; memberOf is missing.
        with_properties(
            type_def(&g("User"), Kind::Entity, Some(&g("Entity")), user),
            user,
            &[
                ("displayName", "Edm.String", false, false),
                ("businessPhones", "Edm.String", false, false),
                ("Status", "microsoft.graph.userStatus", false, false),
                ("nickname", "Edm.String", false, false),
                ("manager", "microsoft.graph.entity", false, true),
            ],
        ),
        // Wrong kind; street is missing.
        with_properties(
            type_def(&g("address"), Kind::Entity, None, address),
            address,
            &[("city", "Edm.String", false, false)],
        ),
        // Members: 2 of 4 found, 1 extra: F1 = 4/7.
        with_members(
            type_def(&g("userStatus"), Kind::Enum, None, status),
            status,
            &["active", "Disabled", "suspended"],
        ),
        with_properties(
            type_def(
                &g("callRecords.callRecord"),
                Kind::Entity,
                Some(&g("entity")),
                call,
            ),
            call,
            &[
                ("sessionCount", "Edm.Int32", false, false),
                (
                    "sessions",
                    "microsoft.graph.callRecords.session",
                    true,
                    true,
                ),
            ],
        ),
        // Wrong base.
        with_properties(
            type_def(
                &g("callRecords.session"),
                Kind::Complex,
                Some(&g("entity")),
                session,
            ),
            session,
            &[("caller", "Edm.String", false, false)],
        ),
        type_def(&g("emptyEnum"), Kind::Enum, None, "api/enums.md"),
        // Not in the metadata.
        with_properties(
            type_def(&g("widget"), Kind::Complex, None, "resources/widget.md"),
            "resources/widget.md",
            &[("size", "Edm.Int32", false, false)],
        ),
    ];
    types.sort_by_key(|t| t.qualified_name().to_lowercase());
    Schema { types }
}

/// A docs folder whose pages make user, callRecord, session, color and emptyEnum documented.
fn docs_folder(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let files = [
        (
            "resources/user.md",
            "# user resource type\n\n#### `emptyEnum` Values\n",
        ),
        ("resources/callrecords-callrecord.md", "# callRecord\n"),
        ("resources/Session.md", "# session\n"),
        // A values heading documents an enum, not a complex type; CR line ends count.
        (
            "api/address.md",
            "# address\r\n## address values\r\n## color values\r\n",
        ),
        // Not a page: not `.md`, or not in `resources`.
        ("resources/entity.txt", "# entity\n"),
        (
            "api/userstatus.md",
            "userStatus values are listed elsewhere\n",
        ),
    ];
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("temp folder");
        std::fs::write(path, text).expect("temp file");
    }
    root
}

fn counts(hit: f64, truth: usize, claimed: usize) -> Counts {
    Counts {
        hit,
        truth,
        claimed,
    }
}

fn assert_counts(comparison: &Comparison, universe: Universe, expected: [Counts; 7]) {
    let score = comparison.universe(universe).expect("the universe");
    for (class, expected) in FactClass::ALL.into_iter().zip(expected) {
        let actual = score.counts(class);
        let what = format!("{} {}", universe.as_str(), class.as_str());
        assert_eq!(actual.truth, expected.truth, "truth of {what}");
        assert_eq!(actual.claimed, expected.claimed, "claims of {what}");
        assert!(
            (actual.hit - expected.hit).abs() < 1e-9,
            "hits of {what}: {} != {}",
            actual.hit,
            expected.hit
        );
    }
}

#[test]
fn counts_every_fact_class_as_fidelity_does() {
    let root = docs_folder("compare-counts");
    let comparison = compare(CSDL, &docs_schema(), &[root]).expect("comparable");
    let member_f1 = 4.0 / 7.0;
    assert_counts(
        &comparison,
        Universe::All,
        [
            counts(7.0, 8, 8),
            counts(6.0, 7, 7),
            counts(4.0, 5, 5),
            counts(7.0, 8, 8),
            counts(6.0, 7, 7),
            counts(2.0, 3, 2),
            counts(member_f1 + 1.0, 2, 2),
        ],
    );
    // entity, address and userStatus are described but have no page: outside this universe,
    // so neither right nor wrong; widget is unknown to the metadata, so still a wrong claim.
    assert_counts(
        &comparison,
        Universe::Documented,
        [
            counts(4.0, 5, 5),
            counts(4.0, 4, 4),
            counts(2.0, 3, 3),
            counts(5.0, 5, 6),
            counts(4.0, 5, 5),
            counts(2.0, 3, 2),
            counts(1.0, 1, 1),
        ],
    );
    let all = comparison.universe(Universe::All).expect("all");
    assert_eq!(all.metadata_types, 8);
    let total = all.total();
    assert_eq!((total.truth, total.claimed), (40, 39));
    assert!((total.hit - (32.0 + 1.0 + member_f1)).abs() < 1e-9);
    let documented = comparison
        .universe(Universe::Documented)
        .expect("documented");
    assert_eq!(documented.metadata_types, 5);
    let total = documented.total();
    assert_eq!((total.hit, total.truth, total.claimed), (22.0, 26, 26));
    assert!((total.recall() - 22.0 / 26.0).abs() < 1e-12);
}

#[test]
fn lists_disagreements_with_the_docs_location() {
    let comparison = compare(CSDL, &docs_schema(), &[]).expect("comparable");
    assert_eq!(
        comparison.universes.len(),
        1,
        "no docs folder, no documented"
    );
    let found: Vec<(FactClass, &str, Option<String>, &Finding)> = comparison
        .disagreements
        .iter()
        .map(|d| {
            let location = d.location.as_ref().map(ToString::to_string);
            (d.class, d.subject.as_str(), location, &d.finding)
        })
        .collect();
    let differs = |docs: &str, metadata: &str| Finding::Differs {
        docs: docs.into(),
        metadata: metadata.into(),
    };
    let missing = |metadata: &str| Finding::MissingFromDocs {
        metadata: metadata.into(),
    };
    let extra = |docs: &str| Finding::NotInMetadata { docs: docs.into() };
    let at = |place: &str| Some(place.to_string());
    let expected = [
        (
            FactClass::Type,
            "microsoft.graph.color",
            None,
            missing("enum"),
        ),
        (
            FactClass::Type,
            "microsoft.graph.widget",
            at("resources/widget.md:1"),
            extra("complex"),
        ),
        (
            FactClass::Kind,
            "microsoft.graph.address",
            at("api/address.md:1"),
            differs("entity", "complex"),
        ),
        (
            FactClass::Base,
            "microsoft.graph.callRecords.session",
            at("resources/session.md:1"),
            differs("microsoft.graph.entity", "none"),
        ),
        (
            FactClass::Prop,
            "microsoft.graph.address.street",
            at("api/address.md:1"),
            missing("Edm.String"),
        ),
        (
            FactClass::Prop,
            "microsoft.graph.user.nickname",
            at("resources/user.md:13"),
            extra("Edm.String"),
        ),
        (
            FactClass::PropType,
            "microsoft.graph.user.businessPhones",
            at("resources/user.md:11"),
            differs("Edm.String", "Collection(Edm.String)"),
        ),
        (
            FactClass::Nav,
            "microsoft.graph.user.memberOf",
            at("resources/user.md:1"),
            missing("Collection(microsoft.graph.entity)"),
        ),
        (
            FactClass::Member,
            "microsoft.graph.userStatus.deleted",
            at("resources/userstatus.md:1"),
            missing("deleted"),
        ),
        (
            FactClass::Member,
            "microsoft.graph.userStatus.unknownFutureValue",
            at("resources/userstatus.md:1"),
            missing("unknownFutureValue"),
        ),
        (
            FactClass::Member,
            "microsoft.graph.userStatus.suspended",
            at("resources/userstatus.md:22"),
            extra("suspended"),
        ),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(class, subject, location, finding)| (*class, *subject, location.clone(), finding))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn reports_a_summary_then_disagreements_by_class() {
    let root = docs_folder("compare-report");
    let comparison = compare(CSDL, &docs_schema(), &[root]).expect("comparable");
    let text = report(&comparison, 1);
    let expected_start = "\
Docs vs metadata: 8 metadata types, 5 of them with a page (documented)

universe    class      recall precision      f1       hit  truth claimed
all         type       0.8750    0.8750  0.8750         7      8       8
";
    assert!(text.starts_with(expected_start), "{text}");
    assert!(text
        .contains("\nall         member     0.7857    0.7857  0.7857      1.57      2       2\n"));
    assert!(text
        .contains("\ndocumented  all        0.8462    0.8462  0.8462        22     26      26\n"));
    assert!(text.contains(
        "\ntype: 2 (1 missing from the docs, 1 not in the metadata)\n  \
         microsoft.graph.color: enum type missing from the docs\n  ... and 1 more\n"
    ));
    assert!(text.contains(
        "\nproptype: 1 (1 differ)\n  resources/user.md:11: microsoft.graph.user.businessPhones: \
         docs say Edm.String, metadata says Collection(Edm.String)\n"
    ));
    let value: serde_json::Value = serde_json::from_str(&json(&comparison)).expect("JSON");
    assert_eq!(value["scores"]["documented"]["all"]["claimed"], 26);
    assert_eq!(value["metadata_types"]["all"], 8);
    assert_eq!(value["disagreements"].as_array().map(Vec::len), Some(11));
    assert_eq!(value["disagreements"][0]["finding"], "missing-from-docs");
    assert_eq!(value["disagreements"][0]["docs"], serde_json::Value::Null);
}

#[test]
fn bad_metadata_is_a_diagnostic() {
    let schema = Schema::default();
    let not_xml = compare("<Edmx><unclosed>", &schema, &[]).expect_err("not XML");
    assert_eq!(not_xml.kind, DiagnosticKind::Malformed);
    let untyped = CSDL.replace(r#" Type="Edm.Int32""#, "");
    let no_type = compare(&untyped, &schema, &[]).expect_err("a property without a type");
    let line = 1 + untyped
        .lines()
        .position(|l| l.contains("sessionCount"))
        .expect("the property");
    assert!(
        no_type.message.contains(&format!("line {line} ")),
        "{}",
        no_type.message
    );
    let no_docs =
        compare(CSDL, &schema, &["/nonexistent/docs".into()]).expect_err("no docs folder");
    assert_eq!(no_docs.kind, DiagnosticKind::Unreadable);
    let missing = graph_docgen::compare::read_csdl(Path::new("/nonexistent/metadata.xml"))
        .expect_err("no file");
    assert_eq!(missing.kind, DiagnosticKind::Unreadable);
}

#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "reads ../shared/corpus and runs python3: set GRAPH_DOCGEN_SHARED=../shared"
)]
fn agrees_with_fidelity_py_on_the_v1_docs() {
    let shared = shared::shared_dir();
    let docs = shared::corpus_docs("v1.0");
    let csdl = shared.join(shared::V1_CSDL);
    let selection = graph_docgen::read::PageSelection::new(&docs, &[]).expect("selection");
    let schema = graph_docgen::load_docs(&selection).expect("docs").schema;
    let schema_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compare-v1.0-schema.json");
    std::fs::write(&schema_path, graph_docgen::export::schema_json(&schema)).expect("written");

    let output = std::process::Command::new("python3")
        .arg(shared.join("tools/fidelity.py"))
        .args([&csdl, &schema_path])
        .arg("--docs")
        .arg(&docs)
        .arg("--json")
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "fidelity.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reference: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("fidelity.py prints JSON");

    let metadata = graph_docgen::compare::read_csdl(&csdl).expect("metadata");
    let comparison = compare(&metadata, &schema, &[docs]).expect("comparable");
    for universe in [Universe::All, Universe::Documented] {
        let score = comparison.universe(universe).expect("the universe");
        let classes = score
            .classes()
            .map(|(class, counts)| (class.as_str(), counts));
        for (class, counts) in classes.chain([("all", score.total())]) {
            let expected = &reference[universe.as_str()][class];
            let what = format!("{} {class}", universe.as_str());
            assert_eq!(expected["truth"], counts.truth, "truth of {what}");
            assert_eq!(expected["claimed"], counts.claimed, "claims of {what}");
            // fidelity.py rounds hits to two places and ratios to four.
            for (field, ours, tolerance) in [
                ("hit", counts.hit, 0.005 + 1e-9),
                ("recall", counts.recall(), 1e-3),
                ("precision", counts.precision(), 1e-3),
                ("f1", counts.f1(), 1e-3),
            ] {
                let theirs = expected[field].as_f64().expect("a number");
                assert!(
                    (theirs - ours).abs() <= tolerance,
                    "{field} of {what}: fidelity.py {theirs}, compare {ours}"
                );
            }
        }
    }
}
