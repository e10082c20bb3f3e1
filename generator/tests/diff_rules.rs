//! The changelog's classification rules, on hand-built schemas: every change is breaking or
//! additive as the generated Rust realises it, with the Cargo SemVer rule that says so.

use std::sync::Arc;

use graph_docgen::diagnostic::Location;
use graph_docgen::diff::{changelog, Change, ChangeKind, Changelog, Level};
use graph_docgen::schema::{EnumMember, Kind, Property, Schema, TypeDef};

fn at(line: u32) -> Location {
    Location::new(&Arc::from("resources/hand-built.md"), line)
}

fn property(name: &str, ty: &str) -> Property {
    Property {
        name: name.to_string(),
        ty: ty.to_string(),
        collection: false,
        nullable: true,
        navigation: false,
        description: String::new(),
        sources: vec![at(10)],
        set_by_config: None,
    }
}

fn complex(name: &str, base: Option<&str>, properties: Vec<Property>) -> TypeDef {
    TypeDef {
        namespace: "microsoft.graph".to_string(),
        name: name.to_string(),
        kind: Kind::Complex,
        base: base.map(|b| format!("microsoft.graph.{b}")),
        is_abstract: false,
        description: String::new(),
        properties,
        members: Vec::new(),
        sources: vec![at(1)],
        area: None,
        set_by_config: None,
    }
}

fn color(members: &[&str]) -> TypeDef {
    let mut ty = complex("color", None, Vec::new());
    ty.kind = Kind::Enum;
    ty.members = members
        .iter()
        .map(|m| EnumMember {
            name: m.to_string(),
            value: None,
            description: String::new(),
            source: at(30),
            set_by_config: None,
        })
        .collect();
    ty
}

fn schema(mut types: Vec<TypeDef>) -> Schema {
    types.sort_by(graph_docgen::schema::schema_order);
    Schema { types }
}

/// The one change of `kind` on `member` (or on the type itself).
fn only<'a>(log: &'a Changelog, kind: ChangeKind, member: Option<&str>) -> &'a Change {
    let found: Vec<&Change> = log
        .changes
        .iter()
        .filter(|c| c.kind == kind && c.member.as_deref() == member)
        .collect();
    assert_eq!(found.len(), 1, "{kind:?} {member:?} in {:#?}", log.changes);
    found[0]
}

fn assert_impact(change: &Change, level: Level, rule: &str, reason: &str) {
    assert_eq!(change.impact.level, level, "{change:#?}");
    assert_eq!(change.impact.rule, rule, "{change:#?}");
    assert!(change.impact.reason.contains(reason), "{change:#?}");
}

fn point(properties: Vec<Property>) -> TypeDef {
    complex("point", None, properties)
}

#[test]
fn a_new_property_is_additive_and_a_removed_one_breaks() {
    let old = schema(vec![point(vec![property("x", "Edm.Int32")])]);
    let new = schema(vec![point(vec![property("y", "Edm.Int32")])]);
    let log = changelog(&old, &new);
    let added = only(&log, ChangeKind::PropertyAdded, Some("y"));
    assert_impact(
        added,
        Level::Minor,
        "struct-add-public-field-when-no-private",
        "#[non_exhaustive]",
    );
    let removed = only(&log, ChangeKind::PropertyRemoved, Some("x"));
    assert_impact(
        removed,
        Level::Major,
        "item-remove",
        "field `x` of `graph::Point`",
    );
    // Same type on the same type: possibly one rename, said so on both, and both kept.
    assert_eq!(removed.possible_rename.as_deref(), Some("y"));
    assert_eq!(added.possible_rename.as_deref(), Some("x"));
    assert_eq!((log.breaking(), log.additive()), (1, 1));
}

#[test]
fn a_type_change_breaks_unless_the_rust_type_stays() {
    let old = schema(vec![point(vec![
        property("id", "Edm.Guid"),
        property("size", "Edm.Int32"),
        property("tags", "Edm.String"),
    ])]);
    let mut tags = property("tags", "Edm.String");
    tags.collection = true;
    let mut id = property("id", "Edm.Duration");
    id.nullable = false;
    let new = schema(vec![point(vec![id, property("size", "Edm.Int64"), tags])]);
    let log = changelog(&old, &new);
    let size = only(&log, ChangeKind::PropertyTypeChanged, Some("size"));
    assert_impact(
        size,
        Level::Major,
        "item-remove",
        "from `Option<i32>` to `Option<i64>`",
    );
    let tags = only(&log, ChangeKind::PropertyCollectionChanged, Some("tags"));
    assert_impact(tags, Level::Major, "item-remove", "`Option<Vec<String>>`");
    // Both are strings in Rust, and every field is an `Option`: the Rust rule wins.
    let id_type = only(&log, ChangeKind::PropertyTypeChanged, Some("id"));
    assert_impact(
        id_type,
        Level::Patch,
        "no-api-change",
        "stays `Option<String>`",
    );
    let id_null = only(&log, ChangeKind::PropertyNullableChanged, Some("id"));
    assert_impact(id_null, Level::Patch, "no-api-change", "stays");
}

#[test]
fn a_new_property_that_closes_a_cycle_of_structs_is_additive() {
    // A field that holds one struct is boxed whatever the cycles, so closing one retypes
    // nothing.
    let node = |properties| complex("node", None, properties);
    let holder = |properties| complex("holder", None, properties);
    let old = schema(vec![
        node(vec![property("holder", "microsoft.graph.holder")]),
        holder(vec![property("name", "Edm.String")]),
    ]);
    let new = schema(vec![
        node(vec![property("holder", "microsoft.graph.holder")]),
        holder(vec![
            property("name", "Edm.String"),
            property("node", "microsoft.graph.node"),
        ]),
    ]);
    let log = changelog(&old, &new);
    let added = only(&log, ChangeKind::PropertyAdded, Some("node"));
    assert_eq!(added.impact.level, Level::Minor);
    assert_eq!(
        (log.breaking(), log.additive()),
        (0, 1),
        "{:#?}",
        log.changes
    );
}

#[test]
fn a_new_property_whose_field_name_is_taken_first_renames_the_old_field() {
    let old = schema(vec![point(vec![property("fooBar", "Edm.String")])]);
    let new = schema(vec![point(vec![
        property("foo_bar", "Edm.String"),
        property("fooBar", "Edm.String"),
    ])]);
    let log = changelog(&old, &new);
    let renamed = only(&log, ChangeKind::RustFieldRenamed, Some("fooBar"));
    assert_impact(
        renamed,
        Level::Major,
        "item-remove",
        "another field took the name",
    );
    assert_eq!(renamed.old.as_ref().unwrap().value, "foo_bar");
}

#[test]
fn the_first_subtype_breaks_and_the_next_one_is_additive() {
    let shape = complex("shape", None, vec![property("area", "Edm.Double")]);
    let holder = complex(
        "drawing",
        None,
        vec![property("shape", "microsoft.graph.shape")],
    );
    let circle = complex(
        "circle",
        Some("shape"),
        vec![property("radius", "Edm.Double")],
    );
    let square = complex(
        "square",
        Some("shape"),
        vec![property("side", "Edm.Double")],
    );
    let none = schema(vec![shape.clone(), holder.clone()]);
    let one = schema(vec![shape.clone(), holder.clone(), circle.clone()]);
    let two = schema(vec![shape, holder, circle, square]);

    let first = changelog(&none, &one);
    let added = only(&first, ChangeKind::TypeAdded, None);
    assert_impact(added, Level::Minor, "item-new", "`graph::Circle`");
    let any = only(&first, ChangeKind::RustAnyEnumAdded, None);
    assert_eq!(any.type_name, "shape");
    assert_impact(
        any,
        Level::Major,
        "item-remove",
        "becomes `graph::AnyShape`",
    );

    let second = changelog(&one, &two);
    assert_eq!(second.breaking(), 0, "{:#?}", second.changes);
    let added = only(&second, ChangeKind::TypeAdded, None);
    assert_impact(added, Level::Minor, "enum-variant-new", "`graph::AnyShape`");
}

#[test]
fn the_first_property_of_a_type_that_had_none_turns_an_alias_into_a_struct() {
    let old = schema(vec![point(Vec::new())]);
    let new = schema(vec![point(vec![property("x", "Edm.Int32")])]);
    let log = changelog(&old, &new);
    let added = only(&log, ChangeKind::PropertyAdded, Some("x"));
    assert_impact(added, Level::Major, "item-remove", "serde_json::Value");
}

#[test]
fn a_property_moved_to_the_base_stays_a_field_of_the_subtype() {
    let base = |properties| complex("shape", None, properties);
    let circle = |properties| complex("circle", Some("shape"), properties);
    let old = schema(vec![
        base(vec![property("area", "Edm.Double")]),
        circle(vec![property("label", "Edm.String")]),
    ]);
    let new = schema(vec![
        base(vec![
            property("area", "Edm.Double"),
            property("label", "Edm.String"),
        ]),
        circle(Vec::new()),
    ]);
    let log = changelog(&old, &new);
    let removed = only(&log, ChangeKind::PropertyRemoved, Some("label"));
    assert_impact(removed, Level::Patch, "no-api-change", "now inherited");
    assert_eq!(removed.possible_rename, None);
    let added = only(&log, ChangeKind::PropertyAdded, Some("label"));
    assert_eq!(added.type_name, "shape");
    assert_eq!(added.impact.level, Level::Minor);
}

#[test]
fn members_added_are_additive_and_removed_ones_break() {
    let old = schema(vec![color(&["red", "green"])]);
    let new = schema(vec![color(&["red", "blue"])]);
    let log = changelog(&old, &new);
    let added = only(&log, ChangeKind::MemberAdded, Some("blue"));
    assert_impact(added, Level::Minor, "enum-variant-new", "`graph::Color`");
    let removed = only(&log, ChangeKind::MemberRemoved, Some("green"));
    assert_impact(removed, Level::Major, "item-remove", "variant `Green`");
}

#[test]
fn a_type_moved_to_another_namespace_is_a_possible_move_and_breaks() {
    let mut moved = point(vec![property("x", "Edm.Int32")]);
    moved.namespace = "microsoft.graph.geometry".to_string();
    let log = changelog(
        &schema(vec![point(vec![property("x", "Edm.Int32")])]),
        &schema(vec![moved]),
    );
    let removed = only(&log, ChangeKind::TypeRemoved, None);
    assert_impact(removed, Level::Major, "item-remove", "`graph::Point`");
    assert_eq!(
        removed.possible_rename.as_deref(),
        Some("microsoft.graph.geometry.point")
    );
    let added = only(&log, ChangeKind::TypeAdded, None);
    assert_eq!(
        added.possible_rename.as_deref(),
        Some("microsoft.graph.point")
    );
}

#[test]
fn a_type_whose_rust_name_is_taken_is_renamed_which_breaks() {
    // `AnyShape` is the `Any...` enum of `shape` once it has a subtype; a documented `anyShape`
    // keeps its name and the enum is numbered, so the subtype below changes nothing of it. But a
    // type whose Rust name another type now claims first is renamed.
    let old = schema(vec![complex(
        "fooBar",
        None,
        vec![property("x", "Edm.Int32")],
    )]);
    let new = schema(vec![
        complex("foo_bar", None, vec![property("y", "Edm.Int32")]),
        complex("fooBar", None, vec![property("x", "Edm.Int32")]),
    ]);
    let log = changelog(&old, &new);
    let renamed: Vec<&Change> = log
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::RustItemRenamed)
        .collect();
    assert_eq!(renamed.len(), 1, "{:#?}", log.changes);
    assert_impact(
        renamed[0],
        Level::Major,
        "item-remove",
        "another item took the name",
    );
}

#[test]
fn a_name_that_changes_only_in_case_keeps_its_rust_name() {
    let mut renamed = point(vec![property("X", "Edm.Int32")]);
    renamed.name = "Point".to_string();
    let log = changelog(
        &schema(vec![point(vec![property("x", "Edm.Int32")])]),
        &schema(vec![renamed]),
    );
    let ty = only(&log, ChangeKind::NameCaseChanged, None);
    assert_impact(ty, Level::Patch, "no-api-change", "keeps its name");
    let field = only(&log, ChangeKind::NameCaseChanged, Some("X"));
    assert_impact(field, Level::Patch, "no-api-change", "stays `Option<i32>`");
    assert_eq!(log.changes.len(), 2, "{:#?}", log.changes);
}

#[test]
fn descriptions_are_counted_apart_from_the_api() {
    let mut described = point(vec![property("x", "Edm.Int32")]);
    described.description = "A point.".to_string();
    described.properties[0].description = "Across.".to_string();
    let log = changelog(
        &schema(vec![point(vec![property("x", "Edm.Int32")])]),
        &schema(vec![described]),
    );
    assert_eq!(log.descriptions(), 2);
    assert_eq!(log.api_changes().count(), 0);
    assert_eq!(log.listed(false).count(), 0);
    assert_eq!(log.listed(true).count(), 2);
    assert!(!log.is_empty());
}

#[test]
fn the_same_schema_has_no_changes() {
    let same = schema(vec![
        point(vec![property("x", "Edm.Int32")]),
        color(&["red"]),
    ]);
    assert!(changelog(&same, &same).is_empty());
}

#[test]
fn a_type_of_another_name_with_the_same_properties_is_a_possible_rename() {
    let mut renamed = point(vec![property("x", "Edm.Int32"), property("y", "Edm.Int32")]);
    renamed.name = "location".to_string();
    let log = changelog(
        &schema(vec![point(vec![
            property("x", "Edm.Int32"),
            property("y", "Edm.Int32"),
        ])]),
        &schema(vec![renamed]),
    );
    let removed = only(&log, ChangeKind::TypeRemoved, None);
    assert_eq!(
        removed.possible_rename.as_deref(),
        Some("microsoft.graph.location")
    );
    assert_eq!(
        removed.rename_note().unwrap(),
        "possibly renamed to `microsoft.graph.location` (not assumed)"
    );
    let added = only(&log, ChangeKind::TypeAdded, None);
    assert_eq!(
        added.possible_rename.as_deref(),
        Some("microsoft.graph.point")
    );
    // Renames are marked, never merged: the removal still breaks.
    assert_eq!((log.breaking(), log.additive()), (1, 1));
}

#[test]
fn descriptions_are_listed_when_asked() {
    let mut described = point(vec![property("x", "Edm.Int32")]);
    described.properties[0].description = "Across.".to_string();
    let log = changelog(
        &schema(vec![point(vec![property("x", "Edm.Int32")])]),
        &schema(vec![described]),
    );
    let options = |descriptions| graph_docgen::diff::RenderOptions {
        old: "old".to_string(),
        new: "new".to_string(),
        descriptions,
    };
    let text = |descriptions| {
        graph_docgen::diff::render(
            &log,
            graph_docgen::diff::Format::Text,
            &options(descriptions),
        )
    };
    assert!(text(false).contains("1 description changes (not listed; --descriptions lists them)"));
    assert!(!text(false).contains("DESCRIPTION CHANGES"));
    assert!(text(true)
        .contains("DESCRIPTION CHANGES (1)\n\nmicrosoft.graph.point\n  description-changed `x`"));
    let markdown =
        graph_docgen::diff::render(&log, graph_docgen::diff::Format::Markdown, &options(true));
    assert!(
        markdown.contains("<summary>Description changes (1)</summary>"),
        "{markdown}"
    );
}
