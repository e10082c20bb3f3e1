//! The seed pages: the schema they give must hold the comms-operation family as specified.

mod shared;

use graph_docgen::diagnostic::DiagnosticKind;
use graph_docgen::read::PageSelection;
use graph_docgen::schema::{Kind, Schema};

fn own_properties(schema: &Schema, name: &str) -> Vec<(String, String)> {
    let ty = schema
        .get(name)
        .unwrap_or_else(|| panic!("{name} is in the schema"));
    ty.properties
        .iter()
        .map(|p| (p.name.clone(), p.ty.clone()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "reads ../shared/seeds: set GRAPH_DOCGEN_SHARED=../shared"
)]
fn seeds_give_the_comms_operation_family() {
    let seeds = shared::shared_dir().join("seeds");
    let selection = PageSelection::new(&seeds, &["*.txt".to_string()]).unwrap();
    let docs = graph_docgen::load_docs(&selection).unwrap();
    let schema = &docs.schema;
    let g = |n: &str| format!("microsoft.graph.{n}");
    let expect = [
        ("entity", Kind::Entity, None, pairs(&[("id", "Edm.String")])),
        (
            "operation",
            Kind::Entity,
            Some(g("entity")),
            pairs(&[
                ("status", "microsoft.graph.operationStatus"),
                ("createdDateTime", "Edm.DateTimeOffset"),
                ("lastActionDateTime", "Edm.DateTimeOffset"),
            ]),
        ),
        (
            "commsOperation",
            Kind::Entity,
            Some(g("entity")),
            pairs(&[
                ("status", "microsoft.graph.operationStatus"),
                ("clientContext", "Edm.String"),
                ("resultInfo", "microsoft.graph.resultInfo"),
            ]),
        ),
        (
            "playPromptOperation",
            Kind::Entity,
            Some(g("commsOperation")),
            pairs(&[(
                "completionReason",
                "microsoft.graph.playPromptCompletionReason",
            )]),
        ),
        (
            "recordOperation",
            Kind::Entity,
            Some(g("commsOperation")),
            pairs(&[
                ("completionReason", "microsoft.graph.recordCompletionReason"),
                ("recordingAccessToken", "Edm.String"),
                ("recordingLocation", "Edm.String"),
            ]),
        ),
    ];
    for (name, kind, base, properties) in expect {
        let ty = schema
            .get(&g(name))
            .unwrap_or_else(|| panic!("{name} is in the schema"));
        assert_eq!(ty.kind, kind, "kind of {name}");
        assert_eq!(ty.base, base, "base of {name}");
        assert_eq!(
            own_properties(schema, &g(name)),
            properties,
            "own properties of {name}"
        );
    }
    for (name, members) in [
        ("operationStatus", 4),
        ("playPromptCompletionReason", 4),
        ("recordCompletionReason", 9),
    ] {
        let ty = schema
            .get(&g(name))
            .unwrap_or_else(|| panic!("{name} is in the schema"));
        assert_eq!(ty.kind, Kind::Enum, "{name} is an enum");
        assert_eq!(ty.members.len(), members, "members of {name}");
    }
    // resultInfo has no page: reported, and inferred from the examples rather than dropped.
    assert_eq!(
        own_properties(schema, &g("resultInfo")),
        pairs(&[
            ("code", "Edm.Int32"),
            ("subcode", "Edm.Int32"),
            ("message", "Edm.String")
        ])
    );
    assert_eq!(
        schema.get(&g("resultInfo")).map(|t| t.kind),
        Some(Kind::Complex)
    );
    assert!(docs
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::MissingPage
            && d.message.contains("microsoft.graph.resultInfo")));
    // The unnamed `Enumeration` of operation.status became operationStatus without a derived name.
    assert!(!docs
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::UnnamedEnum));
}
