//! The doc-defect classifier on small pages written for the purpose: what a JSON example may
//! hold for each kind of documented type.

use graph_docgen::example_check::{example_cases, DefectClass};
use graph_docgen::facts::{extract, PageFacts};
use graph_docgen::page::parse_page;
use graph_docgen::read::SourceText;
use graph_docgen::schema::{build_schema, TypeLookup};

/// A resource page of `name` with the given property rows (`name | type`).
fn resource(name: &str, rows: &[&str]) -> String {
    let mut page = format!("# {name} resource type\n\nNamespace: microsoft.graph\n\nA type.\n\n");
    page.push_str("## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n");
    for row in rows {
        page.push_str(&format!("| {row} | A property. |\n"));
    }
    page.push_str(&format!(
        "\n## JSON representation\n\n<!-- {{ \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.{name}\" }} -->\n```json\n{{}}\n```\n"
    ));
    page
}

/// The defect class of each example of the pages, in page order.
fn defects(pages: &[(&str, String)]) -> Vec<Option<DefectClass>> {
    let facts: Vec<PageFacts> = pages
        .iter()
        .map(|(path, text)| {
            let source = SourceText {
                path: (*path).into(),
                text: text.clone(),
                lossy: false,
            };
            extract(&parse_page(&source).0)
        })
        .collect();
    let (schema, _) = build_schema(&facts);
    let examples: Vec<_> = facts.into_iter().flat_map(|f| f.examples).collect();
    example_cases(&TypeLookup::new(&schema), &examples)
        .into_iter()
        .filter(|case| case.type_name.is_some())
        .map(|case| case.doc_defect.map(|defect| defect.class))
        .collect()
}

fn example(name: &str, body: &str) -> String {
    format!(
        "\n## Example\n\n<!-- {{ \"blockType\": \"example\", \"@odata.type\": \"microsoft.graph.{name}\" }} -->\n```json\n{body}\n```\n"
    )
}

#[test]
fn a_type_that_says_nothing_of_its_values_takes_any_json_and_a_typed_one_does_not() {
    // `json` documents no property, no base and no subtype: the crate holds its values as
    // `serde_json::Value`, so a list, a string or an object in such a property is no defect.
    let mut item = resource("namedItem", &["name | String", "value | [Json](json.md)"]);
    for body in [
        r#"{"name": "a", "value": [{"value": {}}]}"#,
        r#"{"name": "b", "value": "Sheet1!$F$15"}"#,
        r#"{"name": "c", "value": {"rows": 3}}"#,
    ] {
        item.push_str(&example("namedItem", body));
    }
    // A property of a structured type that gets a string is a defect.
    item.push_str(&example("namedItem", r#"{"name": 7}"#));
    let pages = [
        ("resources/nameditem.md", item),
        ("resources/json.md", resource("json", &[])),
    ];
    assert_eq!(
        defects(&pages),
        [None, None, None, Some(DefectClass::ContradictsType)]
    );
}
