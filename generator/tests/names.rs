//! Namespaces and type names as pages state them, which are free text. A name that is not ASCII
//! reaches the Rust stage without harm.

use std::sync::Arc;

use graph_docgen::diagnostic::Location;
use graph_docgen::rust::{render_crate, CrateOptions};
use graph_docgen::schema::{Kind, Property, Schema, TypeDef};

/// A schema is public data: the Rust stage reads names in it that no page would give, such as
/// `café.menu` (whose fourth byte is inside the `é`), without slicing through a character.
#[test]
fn names_that_are_not_ascii_reach_rust_without_a_panic() {
    let at = Location::new(&Arc::from("resources/menu.md"), 1);
    let property = |name: &str, ty: &str| Property {
        name: name.to_string(),
        ty: ty.to_string(),
        collection: false,
        nullable: true,
        navigation: false,
        description: String::new(),
        sources: vec![at.clone()],
    };
    let menu = TypeDef {
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
    let (files, diagnostics) = render_crate(&schema, &[], &CrateOptions::default());
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
