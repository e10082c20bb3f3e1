//! The schema stage's inference rules on small pages written for the purpose: which base type
//! and kind a type gets when its pages state them only indirectly.

use graph_docgen::diagnostic::{Diagnostic, DiagnosticKind};
use graph_docgen::facts::{extract, PageFacts};
use graph_docgen::page::parse_page;
use graph_docgen::read::SourceText;
use graph_docgen::schema::{build_schema, Kind, Schema};

fn schema_of(pages: &[(&str, &str)]) -> (Schema, Vec<Diagnostic>) {
    let facts: Vec<PageFacts> = pages
        .iter()
        .map(|(path, text)| {
            let source = SourceText {
                path: (*path).into(),
                text: (*text).to_string(),
                lossy: false,
            };
            let (page, _) = parse_page(&source);
            extract(&page)
        })
        .collect();
    build_schema(&facts)
}

/// A resource page: a title, optional prose, a Methods table, a Properties table and the
/// resource comment with its JSON representation.
fn resource_page(
    name: &str,
    intro: &str,
    methods: &[&str],
    rows: &[&str],
    comment: &str,
) -> String {
    let mut page = format!("# {name} resource type\n\nNamespace: microsoft.graph\n\n{intro}\n\n");
    if !methods.is_empty() {
        page.push_str("## Methods\n\n| Method | Return type | Description |\n|:--|:--|:--|\n");
        for method in methods {
            page.push_str(&format!(
                "| [{method} {name}](../api/{name}-{method}.md) | [{name}]({name}.md) | {method} it. |\n"
            ));
        }
        page.push('\n');
    }
    page.push_str("## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n");
    for row in rows {
        page.push_str(row);
        page.push('\n');
    }
    page.push_str(&format!(
        "\n## JSON representation\n\n<!-- {{\n  \"blockType\": \"resource\",\n  {comment}\n  \"@odata.type\": \"microsoft.graph.{name}\"\n}}-->\n```json\n{{}}\n```\n"
    ));
    page
}

/// The key root and one type that derives from it explicitly, so `thing` is the root most
/// types name as their base.
fn key_root_pages() -> Vec<(String, String)> {
    vec![
        (
            "resources/thing.md".into(),
            resource_page(
                "thing",
                "The root.",
                &[],
                &["| id | String | Key. |"],
                r#""keyProperty": "id","#,
            ),
        ),
        (
            "resources/widget.md".into(),
            resource_page(
                "widget",
                "A widget.",
                &[],
                &[
                    "| id | String | Inherited from [thing](thing.md). |",
                    "| size | Int32 | Size. |",
                ],
                r#""keyProperty": "id", "baseType": "microsoft.graph.thing","#,
            ),
        ),
    ]
}

fn with_key_root(extra: &[(String, String)]) -> (Schema, Vec<Diagnostic>) {
    let pages: Vec<(String, String)> = key_root_pages()
        .into_iter()
        .chain(extra.iter().cloned())
        .collect();
    let borrowed: Vec<(&str, &str)> = pages
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    schema_of(&borrowed)
}

#[test]
fn a_key_in_the_resource_comment_backed_by_methods_derives_from_the_key_root() {
    // No `id` row: the comment's key and the REST methods say it is an entity type.
    let page = resource_page(
        "gadget",
        "A gadget.",
        &["Get", "Update"],
        &["| label | String | The label. |"],
        r#""keyProperty": "id","#,
    );
    let (schema, diagnostics) = with_key_root(&[("resources/gadget.md".into(), page)]);
    let gadget = schema
        .get("microsoft.graph.gadget")
        .expect("gadget is in the schema");
    assert_eq!(gadget.base.as_deref(), Some("microsoft.graph.thing"));
    assert_eq!(gadget.kind, Kind::Entity);
    assert!(
        diagnostics
            .iter()
            .any(|d| d.kind == DiagnosticKind::Inferred
                && d.message.contains("microsoft.graph.gadget")),
        "the inferred base is reported: {diagnostics:?}"
    );
}

#[test]
fn a_key_in_the_resource_comment_backed_by_its_key_row_derives_from_the_key_root() {
    let page = resource_page(
        "attachmentLike",
        "Hosted bytes.",
        &[],
        &[
            "| id | String | The id. |",
            "| bytes | Binary | The bytes. |",
        ],
        r#""keyProperty": "id","#,
    );
    let (schema, _) = with_key_root(&[("resources/attachmentlike.md".into(), page)]);
    let ty = schema.get("microsoft.graph.attachmentLike").unwrap();
    assert_eq!(ty.base.as_deref(), Some("microsoft.graph.thing"));
    // The key row moves to the root that declares it.
    assert!(ty.properties.iter().all(|p| p.name != "id"));
}

#[test]
fn a_key_in_a_copied_comment_alone_does_not_make_an_entity() {
    // Templates copy `keyProperty` onto complex types: with neither methods nor a key row,
    // the type stays complex and baseless.
    let page = resource_page(
        "settingsBag",
        "Some settings.",
        &[],
        &["| enabled | Boolean | On or off. |"],
        r#""keyProperty": "id","#,
    );
    let (schema, _) = with_key_root(&[("resources/settingsbag.md".into(), page)]);
    let ty = schema.get("microsoft.graph.settingsBag").unwrap();
    assert_eq!(ty.base, None);
    assert_eq!(ty.kind, Kind::Complex);
}

#[test]
fn derived_as_an_adjective_in_prose_names_no_base() {
    let root = resource_page(
        "thing",
        "The root; every derived type, such as [widget](widget.md), carries its key.",
        &[],
        &["| id | String | Key. |"],
        r#""keyProperty": "id","#,
    );
    let widget = resource_page(
        "widget",
        "A widget. It derives from [thing](thing.md).",
        &[],
        &["| size | Int32 | Size. |"],
        "",
    );
    let (schema, diagnostics) = schema_of(&[
        ("resources/thing.md", &root),
        ("resources/widget.md", &widget),
    ]);
    assert_eq!(schema.get("microsoft.graph.thing").unwrap().base, None);
    assert_eq!(
        schema
            .get("microsoft.graph.widget")
            .unwrap()
            .base
            .as_deref(),
        Some("microsoft.graph.thing")
    );
    assert!(
        diagnostics
            .iter()
            .all(|d| d.kind != DiagnosticKind::InheritanceCycle),
        "{diagnostics:?}"
    );
}
