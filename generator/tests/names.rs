//! Namespaces and type names as pages state them, which are free text: one that is not an OData
//! name is reported where the page states it, the page gets on without it, and the run goes on
//! to a Rust crate. A name that is not ASCII reaches the Rust stage without harm.

use std::path::Path;
use std::sync::Arc;

use graph_docgen::diagnostic::{Location, Severity};
use graph_docgen::read::PageSelection;
use graph_docgen::rust::{render_crate, CrateOptions};
use graph_docgen::schema::{Kind, Property, Schema, TypeDef};
use graph_docgen::Docs;

/// `tests/pages/odata-names`: two pages of a `café` namespace (whose resource comments name
/// their types in it), one whose comment's `@odata.type` and `baseType` hold spaces, and enum
/// names with an `ö`.
fn options() -> CrateOptions {
    CrateOptions {
        crate_name: "odata-names".parse().unwrap(),
        regenerate_command: "graph-docgen rust".to_string(),
        guide: None,
        primitives: Default::default(),
        doc_comments: true,
        additional_properties: true,
        derives: Default::default(),
        module_names: Default::default(),
    }
}

fn odata_names_docs() -> Docs {
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/odata-names");
    graph_docgen::load_docs(&PageSelection::new(pages, &[]).unwrap()).unwrap()
}

/// The message of the diagnostic at `place` (`page:line`) that says `found` is no OData name.
fn name_diagnostic<'d>(docs: &'d Docs, place: &str, found: &str) -> &'d str {
    let quoted = format!("{found:?} is not an OData name: expected identifiers joined by dots");
    docs.diagnostics
        .iter()
        .find(|d| {
            d.severity == Severity::Warning
                && d.location.as_ref().is_some_and(|l| l.to_string() == place)
                && d.message.contains(&quoted)
        })
        .map(|d| d.message.as_str())
        .unwrap_or_else(|| panic!("no diagnostic at {place} about {found:?}"))
}

#[test]
fn a_namespace_that_is_not_an_odata_name_leaves_its_pages_in_the_default_one() {
    let docs = odata_names_docs();
    for page in ["resources/menu.md:10", "resources/dish.md:10"] {
        let message = name_diagnostic(&docs, page, "café");
        assert!(
            message
                .contains("the page's types are put in the default namespace, `microsoft.graph`"),
            "{message}"
        );
    }
    let menu = docs.schema.get("microsoft.graph.menu").unwrap();
    assert_eq!(menu.properties[1].ty, "microsoft.graph.dish");

    let (files, diagnostics) = render_crate(&docs.schema, &docs.examples, &options());
    assert!(diagnostics.iter().all(|d| d.severity != Severity::Error));
    let graph = &files
        .iter()
        .find(|f| f.path == "src/graph.rs")
        .unwrap()
        .contents;
    assert!(graph.contains("pub struct Menu {"), "{graph}");
    assert!(
        graph.contains("pub special: ::std::option::Option<::std::boxed::Box<Dish>>,"),
        "{graph}"
    );
}

#[test]
fn a_resource_comments_odata_type_that_is_not_a_name_gives_way_to_the_title() {
    let docs = odata_names_docs();
    let message = name_diagnostic(&docs, "resources/menu.md:23", "café.menu");
    assert!(
        message.contains("the type is named `menu` after the page's title"),
        "{message}"
    );
    let message = name_diagnostic(
        &docs,
        "resources/dailyspecial.md:20",
        "microsoft.graph.daily special",
    );
    assert!(
        message.contains("the type is named `dailySpecial` after the page's title"),
        "{message}"
    );
    let message = name_diagnostic(
        &docs,
        "resources/dailyspecial.md:20",
        "microsoft.graph.menu item",
    );
    assert!(message.contains("the type's base is taken from the prose"));
    let special = docs.schema.get("microsoft.graph.dailySpecial").unwrap();
    assert_eq!(special.base, None);
}

#[test]
fn an_enum_name_that_is_not_an_odata_name_makes_no_enum() {
    let docs = odata_names_docs();
    for (place, name) in [
        ("resources/dish.md:19", "portionGröße"),
        ("resources/servingsize.md:8", "servingGröße"),
    ] {
        let message = name_diagnostic(&docs, place, name);
        assert!(message.contains("its member table makes no enum"));
    }
    assert!(docs.schema.types.iter().all(|t| t.kind != Kind::Enum));
}

/// A schema is public data: the Rust stage reads names in it that no page would give, such as
/// `café.menu` (whose fourth byte is inside the `é`), without slicing through a character.
#[test]
fn names_that_are_not_ascii_reach_rust_without_a_panic() {
    let at = Location::new(&Arc::from("resources/menu.md"), 1);
    let property = |name: &str, ty: &str| Property {
        set_by_config: None,
        name: name.to_string(),
        ty: ty.to_string(),
        collection: false,
        nullable: true,
        navigation: false,
        description: String::new(),
        sources: vec![at.clone()],
    };
    let menu = TypeDef {
        set_by_config: None,
        namespace: "café".to_string(),
        name: "menu".to_string(),
        kind: Kind::Complex,
        base: None,
        is_abstract: false,
        description: String::new(),
        properties: vec![property("next", "café.menu"), property("drink", "thé")],
        members: Vec::new(),
        sources: vec![at.clone()],
        area: None,
    };
    let schema = Schema { types: vec![menu] };
    let (files, diagnostics) = render_crate(&schema, &[], &options());
    let module = &files
        .iter()
        .find(|f| f.path == "src/caf.rs")
        .unwrap()
        .contents;
    assert!(
        module.contains("pub next: ::std::option::Option<::std::boxed::Box<Menu>>,"),
        "{module}"
    );
    assert!(
        diagnostics.iter().any(|d| d
            .message
            .contains("has type `thé`, which no page describes")),
        "{diagnostics:?}"
    );
}
