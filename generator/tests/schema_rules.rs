//! The facts and schema stages' rules on small pages written for the purpose: which base type
//! and kind a type gets when its pages state them only indirectly, and which rows are not
//! its properties.

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
    let (schema, mut diagnostics) = build_schema(&facts);
    diagnostics.extend(facts.into_iter().flat_map(|f| f.diagnostics));
    (schema, diagnostics)
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

#[test]
fn an_addressable_type_with_no_key_row_derives_from_the_key_root() {
    // Methods address it, so it has a key, which only the root can hold.
    let page = resource_page(
        "openSlot",
        "An open slot.",
        &["Get", "Update"],
        &["| label | String | The label. |"],
        "",
    );
    let (schema, _) = with_key_root(&[("resources/openslot.md".into(), page)]);
    let ty = schema.get("microsoft.graph.openSlot").unwrap();
    assert_eq!(ty.base.as_deref(), Some("microsoft.graph.thing"));
    assert_eq!(ty.kind, Kind::Entity);
}

/// A type that states `thing` as its base and restates the inherited key, with one more row.
fn thing_subtype(name: &str, intro: &str, row: &str) -> String {
    resource_page(
        name,
        intro,
        &[],
        &["| id | String | Inherited from [thing](thing.md). |", row],
        r#""baseType": "microsoft.graph.thing","#,
    )
}

#[test]
fn a_response_located_in_a_collection_derives_from_the_collection_item_type() {
    let api = "# widget: tune\n\nNamespace: microsoft.graph\n\n## Response\n\n<!-- {\n  \"blockType\": \"response\",\n  \"@odata.type\": \"microsoft.graph.tune\"\n} -->\n```http\nHTTP/1.1 200 OK\nLocation: https://graph.microsoft.com/v1.0/widgets/w1/jobs/t1\nContent-Type: application/json\n\n{\n  \"id\": \"t1\",\n  \"pitch\": 3\n}\n```\n";
    assert_tune_derives_from_job(api, "this response's `Location` header");
}

#[test]
fn a_notification_about_an_item_of_a_collection_places_it_there_too() {
    let api = "# widget: tune\n\nNamespace: microsoft.graph\n\n## Example\n\n<!-- {\n  \"blockType\": \"example\",\n  \"@odata.type\": \"microsoft.graph.notifications\"\n} -->\n```json\n{\n  \"value\": [{\n    \"resourceUrl\": \"/widgets/w1/jobs/t1\",\n    \"resourceData\": {\"@odata.type\": \"#microsoft.graph.tune\", \"id\": \"t1\"}\n  }, {\n    \"resourceUrl\": \"/widgets/w1/parts/p1\",\n    \"resourceData\": {\"@odata.type\": \"#microsoft.graph.tune\", \"id\": \"other\"}\n  }]\n}\n```\n";
    assert_tune_derives_from_job(api, "this notification's `resourceUrl`");
}

/// `tune` states no base; the API page shows one at `.../widgets/{id}/jobs/{id}`, and
/// `widget.jobs` is a collection of `job`.
fn assert_tune_derives_from_job(api: &str, evidence: &str) {
    let job = thing_subtype(
        "job",
        "Long-running work.",
        "| state | String | The state. |",
    );
    let widget_jobs = thing_subtype(
        "widget",
        "A widget.",
        "| jobs | [job](job.md) collection | Its jobs. |",
    );
    let tune = resource_page(
        "tune",
        "Tuning a widget.",
        &[],
        &[
            "| id | String | The id. |",
            "| state | String | The state. |",
            "| pitch | Int32 | The pitch. |",
        ],
        "",
    );
    let pages = [
        (
            "resources/thing.md".to_string(),
            key_root_pages()[0].1.clone(),
        ),
        ("resources/job.md".to_string(), job),
        ("resources/widget.md".to_string(), widget_jobs),
        ("resources/tune.md".to_string(), tune),
        ("api/widget-tune.md".to_string(), api.to_string()),
    ];
    let borrowed: Vec<(&str, &str)> = pages
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let (schema, diagnostics) = schema_of(&borrowed);
    let tune = schema.get("microsoft.graph.tune").unwrap();
    assert_eq!(tune.base.as_deref(), Some("microsoft.graph.job"));
    assert_eq!(tune.kind, Kind::Entity);
    // What `job` and its root declare is theirs; `tune` keeps its own.
    let own: Vec<&str> = tune.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(own, ["pitch"]);
    assert!(
        diagnostics
            .iter()
            .any(|d| d.kind == DiagnosticKind::Inferred
                && d.message.contains(evidence)
                && d.message.contains("`microsoft.graph.widget.jobs`")),
        "{diagnostics:?}"
    );
}

#[test]
fn a_properties_of_subsection_describes_a_part_not_the_type() {
    let mut page = resource_page(
        "rulePolicy",
        "A policy.",
        &[],
        &["| definition | String collection | A JSON document. |"],
        "",
    );
    let part = "\n### Properties of a rule policy definition\n\n| Property | Type | Description |\n|:--|:--|:--|\n| Version | Int32 | Set to 1. |\n";
    let at = page.find("\n## JSON representation").unwrap();
    page.insert_str(at, part);
    let (schema, diagnostics) = schema_of(&[("resources/rulepolicy.md", &page)]);
    let ty = schema.get("microsoft.graph.rulePolicy").unwrap();
    let names: Vec<&str> = ty.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["definition"]);
    assert!(diagnostics.iter().any(|d| d.kind == DiagnosticKind::NoFacts
        && d.message.contains(
            "\"Properties of a rule policy definition\" describes a part of `rulePolicy`"
        )));
}

#[test]
fn sample_keys_of_an_open_type_are_not_properties() {
    // No table: the JSON representation is all there is, and its keys are sample data.
    let page = "# hintSet resource type\n\nNamespace: microsoft.graph\n\nHints keyed by user id.\n\n## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.hintSet\"\n}-->\n```json\n{\n  \"4e98f8f1-bb03-4015-b8e0-19bb370949d8\": \"String\",\n  \"string-value\": true,\n  \"label\": \"String\"\n}\n```\n";
    let (schema, diagnostics) = schema_of(&[("resources/hintset.md", page)]);
    let ty = schema.get("microsoft.graph.hintSet").unwrap();
    let names: Vec<&str> = ty.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["label"]);
    let notes = diagnostics
        .iter()
        .filter(|d| {
            d.kind == DiagnosticKind::UnreadableType
                && d.message
                    .contains("not an identifier, so not a property name")
        })
        .count();
    assert_eq!(notes, 2);
}

#[test]
fn prose_naming_a_descendant_of_base_type_gives_the_more_specific_base() {
    // `gadget`'s comment was left at the root; its prose (in the Properties section, before
    // the table) names `widget`, which derives from the root.
    let mut gadget = thing_subtype("gadget", "A gadget.", "| color | String | Its color. |");
    let at = gadget.find("| Property |").unwrap();
    gadget.insert_str(at, "gadget derives from [widget](widget.md)\n\n");
    // `sprocket`'s prose names a type that does not derive from its stated base: kept, reported.
    let sprocket = thing_subtype(
        "sprocket",
        "Inherits from [gear](gear.md).",
        "| teeth | Int32 | Its teeth. |",
    );
    let gear = resource_page("gear", "A gear.", &[], &["| ratio | Double | Ratio. |"], "");
    let (schema, diagnostics) = with_key_root(&[
        ("resources/gadget.md".into(), gadget),
        ("resources/sprocket.md".into(), sprocket),
        ("resources/gear.md".into(), gear),
    ]);
    let gadget = schema.get("microsoft.graph.gadget").unwrap();
    assert_eq!(gadget.base.as_deref(), Some("microsoft.graph.widget"));
    assert!(diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::Inferred
            && d.message
                .contains("took the more specific `microsoft.graph.widget`")));
    let sprocket = schema.get("microsoft.graph.sprocket").unwrap();
    assert_eq!(sprocket.base.as_deref(), Some("microsoft.graph.thing"));
    assert!(diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::Conflict
            && d.message.contains(
                "names `microsoft.graph.gear` as the base of `microsoft.graph.sprocket`"
            )));
}

#[test]
fn a_properties_section_without_a_table_keeps_json_keys_out() {
    let page = "# tokenSet resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\nProperty names are not documented: this is an open type.\n\n## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.tokenSet\"\n}-->\n```json\n{\n  \"Echo\": true\n}\n```\n";
    let (schema, diagnostics) = schema_of(&[("resources/tokenset.md", page)]);
    let ty = schema.get("microsoft.graph.tokenSet").unwrap();
    assert!(ty.properties.is_empty());
    assert!(diagnostics.iter().any(|d| d.kind == DiagnosticKind::NoFacts
        && d.message
            .contains("Properties section of `tokenSet` lists no property in a table")));
}

#[test]
fn methods_that_return_another_types_collection_do_not_address_the_type() {
    let mut page = resource_page(
        "recentSong",
        "A recently played song.",
        &[],
        &["| title | String | The title. |"],
        "",
    );
    let methods = "## Methods\n\n| Method | Return type | Description |\n|:--|:--|:--|\n| [getRecentSongs](../api/song-getrecentsongs.md) | [song](song.md) collection | Recent songs. |\n\n";
    let at = page.find("## Properties").unwrap();
    page.insert_str(at, methods);
    let (schema, _) = with_key_root(&[("resources/recentsong.md".into(), page)]);
    let ty = schema.get("microsoft.graph.recentSong").unwrap();
    assert_eq!(ty.kind, Kind::Complex);
    assert_eq!(ty.base, None);
}

#[test]
fn a_get_path_beyond_an_addressed_object_names_a_navigation_property() {
    let widget_get = "# Get widget\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nGET /me/widget\nGET /widgets/{id}\n```\n\n## Response\n\n<!-- {\n  \"blockType\": \"response\",\n  \"@odata.type\": \"microsoft.graph.widget\"\n} -->\n```http\nHTTP/1.1 200 OK\n```\n";
    let gears_list = "# List gears\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nGET /widgets/{id}/gears\nGET /me/widget/gears\n```\n\n## Response\n\n<!-- {\n  \"blockType\": \"response\",\n  \"@odata.type\": \"microsoft.graph.gear\",\n  \"isCollection\": true\n} -->\n```http\nHTTP/1.1 200 OK\n```\n";
    // "widget: spin" documents a function: its segment is no navigation property.
    let spin = "# widget: spin\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nGET /widgets/{id}/spin\n```\n\n## Response\n\n<!-- {\n  \"blockType\": \"response\",\n  \"@odata.type\": \"microsoft.graph.gear\"\n} -->\n```http\nHTTP/1.1 200 OK\n```\n";
    let gear = thing_subtype("gear", "A gear.", "| teeth | Int32 | Its teeth. |");
    let (schema, diagnostics) = with_key_root(&[
        ("api/widget-get.md".into(), widget_get.into()),
        ("api/widget-list-gears.md".into(), gears_list.into()),
        ("api/widget-spin.md".into(), spin.into()),
        ("resources/gear.md".into(), gear),
    ]);
    let widget = schema.get("microsoft.graph.widget").unwrap();
    let names: Vec<&str> = widget.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["size", "gears"]);
    let gears = &widget.properties[1];
    assert!(gears.navigation && gears.collection);
    assert_eq!(gears.ty, "microsoft.graph.gear");
    assert!(diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::Inferred
            && d.message.contains("no table lists `widget.gears`")));
}

/// An API page: a title, `GET` paths, and a "Response" section (a metadata comment or prose),
/// then examples.
fn api_get(title: &str, paths: &[&str], response: &str, examples: &str) -> String {
    format!(
        "# {title}\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\n{}\n```\n\n## Response\n\n{response}\n```http\nHTTP/1.1 200 OK\n```\n\n## Example\n\n{examples}",
        paths
            .iter()
            .map(|path| format!("GET {path}"))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// `widget` (from the key root pages) has a `motor`, which `steamMotor` derives from.
fn motor_pages() -> Vec<(String, String)> {
    vec![
        (
            "resources/gadget.md".into(),
            thing_subtype(
                "gadget",
                "A gadget.",
                "| motor | [motor](motor.md) | Its motor. |",
            ),
        ),
        (
            "api/gadget-get.md".into(),
            api_get(
                "Get gadget",
                &["/gadgets/{id}"],
                "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.gadget\" } -->",
                "",
            ),
        ),
        (
            "resources/motor.md".into(),
            thing_subtype("motor", "A motor.", "| power | Int32 | Watts. |"),
        ),
        (
            "resources/steammotor.md".into(),
            resource_page(
                "steamMotor",
                "A steam motor.",
                &[],
                &["| pressure | Int32 | Bars. |"],
                r#""baseType": "microsoft.graph.motor","#,
            ),
        ),
        (
            "resources/coil.md".into(),
            thing_subtype("coil", "A coil.", "| turns | Int32 | Turns. |"),
        ),
    ]
}

fn property_names<'s>(schema: &'s Schema, type_name: &str) -> Vec<&'s str> {
    schema
        .get(type_name)
        .unwrap()
        .properties
        .iter()
        .map(|p| p.name.as_str())
        .collect()
}

#[test]
fn a_get_path_through_listed_navigations_names_a_navigation_property() {
    let mut pages = motor_pages();
    // No response comment: the prose names the type and says "collection". (The title is no
    // "List" method's, whose page names a navigation property by another rule.)
    pages.push((
        "api/motor-list-coils.md".into(),
        api_get(
            "Get the coils of a motor",
            &["/gadgets/{id}/motor/coils"],
            "If successful, this method returns a `200 OK` response code and a collection of [coil](../resources/coil.md) objects in the response body.",
            "",
        ),
    ));
    // Through `coils`, which only the page above shows.
    pages.push((
        "api/coil-get-spare.md".into(),
        api_get(
            "Get the spare of a coil",
            &["/gadgets/{id}/motor/coils/{id}/spare"],
            "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.coil\" } -->",
            "",
        ),
    ));
    // Not the object a path with `$expand` reads, nor a path that goes on after a space.
    pages.push((
        "api/motor-get-coil.md".into(),
        api_get(
            "Get a coil",
            &[
                "/gadgets/{id}/wheels/{id}?$expand=spokes",
                "/gadgets/{id}/gears/{id} | name/teeth",
            ],
            "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.coil\" } -->",
            "",
        ),
    ));
    // A function, by its title and by the arguments an example passes to it.
    pages.push((
        "api/motor-spin.md".into(),
        api_get(
            "spin function",
            &["/gadgets/{id}/motor/spin"],
            "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.coil\" } -->",
            "",
        ),
    ));
    pages.push((
        "api/motor-rpm.md".into(),
        api_get(
            "Get rpm",
            &["/gadgets/{id}/motor/rpm"],
            "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.coil\" } -->",
            "```http\nGET https://graph.microsoft.com/v1.0/gadgets/1/motor/rpm(unit='s')\n```\n",
        ),
    ));
    let (schema, diagnostics) = with_key_root(&pages);
    assert_eq!(
        property_names(&schema, "microsoft.graph.motor"),
        ["power", "coils"]
    );
    assert_eq!(
        property_names(&schema, "microsoft.graph.coil"),
        ["turns", "spare"]
    );
    assert_eq!(property_names(&schema, "microsoft.graph.gadget"), ["motor"]);
    let coils = &schema.get("microsoft.graph.motor").unwrap().properties[1];
    assert!(coils.navigation && coils.collection);
    assert_eq!(coils.ty, "microsoft.graph.coil");
    assert!(diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::Inferred
            && d.location
                .as_ref()
                .is_some_and(|l| l.file.ends_with("motor-list-coils.md"))
            && d.message.contains("no table lists `motor.coils`")));
}

#[test]
fn a_path_through_a_cast_or_on_a_subtypes_page_reads_the_subtypes_property() {
    let mut pages = motor_pages();
    let valves = "<!-- { \"blockType\": \"response\", \"@odata.type\": \"Collection(microsoft.graph.coil)\" } -->";
    pages.push((
        "api/motor-list-valves.md".into(),
        api_get(
            "Get valves",
            &[
                "/gadgets/{id}/motor/valves",
                "/gadgets/{id}/motor/microsoft.graph.steamMotor/valves",
            ],
            valves,
            "",
        ),
    ));
    // The path leads to a `motor`; the page is named for the `steamMotor` it reads.
    pages.push((
        "api/steammotor-list-pipes.md".into(),
        api_get("Get pipes", &["/gadgets/{id}/motor/pipes"], valves, ""),
    ));
    let (schema, _) = with_key_root(&pages);
    assert_eq!(property_names(&schema, "microsoft.graph.motor"), ["power"]);
    assert_eq!(
        property_names(&schema, "microsoft.graph.steamMotor"),
        ["pressure", "valves", "pipes"]
    );
    let valves = &schema.get("microsoft.graph.steamMotor").unwrap().properties[1];
    assert!(valves.navigation && valves.collection);
}

#[test]
fn a_listed_navigation_misspelled_against_the_requests_takes_their_name() {
    let mut pages = motor_pages();
    pages[0].1 = thing_subtype("gadget", "A gadget.", "| weight | Int32 | Grams. |").replace(
        "## JSON representation",
        "## Relationships\n\n| Relationship | Type | Description |\n|:--|:--|:--|\n| coilz | [coil](coil.md) collection | Its coils. |\n\n## JSON representation",
    );
    // The get page forgets the key; the list page's body shows the collection.
    pages.push((
        "api/coil-get.md".into(),
        api_get(
            "Get coil",
            &["/gadgets/{id}/coils"],
            "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.coil\" } -->",
            "",
        ),
    ));
    pages.push((
        "api/coil-list.md".into(),
        api_get(
            "Get all coils",
            &["/gadgets/{id}/coils"],
            "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.coil\" } -->",
            "<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\n\n{\"value\": [{\"turns\": 3}]}\n```\n",
        ),
    ));
    let (schema, diagnostics) = with_key_root(&pages);
    assert_eq!(
        property_names(&schema, "microsoft.graph.gadget"),
        ["weight", "coils"]
    );
    assert!(schema.get("microsoft.graph.gadget").unwrap().properties[1].collection);
    let conflict = diagnostics
        .iter()
        .find(|d| d.kind == DiagnosticKind::Conflict)
        .unwrap();
    assert!(conflict
        .location
        .as_ref()
        .unwrap()
        .file
        .ends_with("gadget.md"));
    assert!(conflict
        .message
        .contains("the table lists `gadget.coilz`, but the requests read `coils`"));
}

#[test]
fn a_page_of_another_api_version_than_the_docs_is_left_out() {
    let notice = "> **Important:** APIs under the /beta version are subject to change.";
    let preview = resource_page("preview", notice, &[], &["| id | String | Key. |"], "");
    let request = |version: &str| {
        format!("# Get widget\n\nNamespace: microsoft.graph\n\n## Example\n\n```http\nGET https://graph.microsoft.com/{version}/widgets/1\n```\n")
    };
    let pages = |version: &str| {
        let mut pages = vec![("resources/preview.md".to_string(), preview.clone())];
        pages.extend(["a", "b"].map(|n| (format!("api/widget-get-{n}.md"), request(version))));
        with_key_root(&pages)
    };
    // The docs' requests address v1.0: the beta page is set aside, and says so.
    let (schema, diagnostics) = pages("v1.0");
    assert!(schema.get("microsoft.graph.preview").is_none());
    assert!(diagnostics.iter().any(|d| d.kind == DiagnosticKind::NoFacts
        && d.location
            .as_ref()
            .is_some_and(|l| &*l.file == "resources/preview.md")
        && d.message.contains("documents the `beta` API")));
    // In beta docs the same page is one of theirs.
    let (schema, _) = pages("beta");
    assert!(schema.get("microsoft.graph.preview").is_some());
}

#[test]
fn an_older_resource_comment_names_its_type_with_at_type() {
    let facet = "# System facet\n\nNamespace: microsoft.graph\n\nThe **System** facet marks items the system manages.\n\n## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@type\": \"microsoft.graph.systemFacet\" } -->\n\n```json\n{\n}\n```\n\n## Properties\n\nNone.\n";
    let (schema, _) = schema_of(&[("resources/systemFacet.md", facet)]);
    let facet = schema.get("microsoft.graph.systemFacet").unwrap();
    assert_eq!(facet.kind, Kind::Complex);
    assert!(facet.properties.is_empty());
}

#[test]
fn a_property_every_subtype_restates_word_for_word_is_the_bases() {
    let subtype = |name: &str, row: &str| {
        resource_page(
            name,
            "A message.",
            &[],
            &[
                "| start | DateTimeOffset | When it starts. |",
                "| note | String | Its own note. |",
                row,
            ],
            r#""baseType": "microsoft.graph.notice","#,
        )
    };
    let notice = resource_page("notice", "A notice.", &[], &["| id | String | Key. |"], "");
    let mut pages = vec![
        ("resources/notice.md".to_string(), notice),
        (
            "resources/request.md".to_string(),
            subtype("request", "| asks | String | What it asks. |"),
        ),
        (
            "resources/reply.md".to_string(),
            subtype("reply", "| answers | String | What it answers. |"),
        ),
    ];
    let borrowed = |pages: &[(String, String)]| {
        let pages: Vec<(&str, &str)> = pages
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        schema_of(&pages)
    };
    let (schema, diagnostics) = borrowed(&pages);
    // `start` is the same on both, `note` too; the rows that differ stay where they are.
    assert_eq!(
        property_names(&schema, "microsoft.graph.notice"),
        ["id", "start", "note"]
    );
    assert_eq!(property_names(&schema, "microsoft.graph.request"), ["asks"]);
    assert!(diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::Inferred
            && d.message.contains("restates `start` word for word")));
    // A subtype page that marks inherited rows says which are its own.
    pages[2].1 = pages[2].1.replace(
        "| answers |",
        "| id | String | Inherited from [notice](notice.md). |\n| answers |",
    );
    let (schema, _) = borrowed(&pages);
    assert_eq!(property_names(&schema, "microsoft.graph.notice"), ["id"]);
    assert_eq!(
        property_names(&schema, "microsoft.graph.request"),
        ["start", "note", "asks"]
    );
}

/// The key root pages, `GET /widgets/{id}`, a `gear` and one page per spelling that reads
/// `widget`'s gears; `relationships` is the widget page's Relationships table, if any.
fn two_spellings_pages(relationships: &str) -> Vec<(String, String)> {
    let mut pages = key_root_pages();
    if !relationships.is_empty() {
        pages[1].1 = pages[1].1.replace(
            "## JSON representation",
            &format!("## Relationships\n\n| Relationship | Type | Description |\n|:--|:--|:--|\n{relationships}\n\n## JSON representation"),
        );
    }
    let gears = "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.gear\", \"isCollection\": true } -->";
    pages.extend([
        (
            "api/widget-get.md".to_string(),
            api_get(
                "Get widget",
                &["/widgets/{id}"],
                "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\" } -->",
                "",
            ),
        ),
        (
            "resources/gear.md".to_string(),
            thing_subtype("gear", "A gear.", "| teeth | Int32 | Its teeth. |"),
        ),
        (
            "api/widget-list-gears.md".to_string(),
            api_get("List gears", &["/widgets/{id}/gears"], gears, ""),
        ),
        (
            "api/widget-list-gearz.md".to_string(),
            api_get("List gears", &["/widgets/{id}/gearz"], gears, ""),
        ),
    ]);
    pages
}

/// Builds the schema on a thread of its own and fails if that takes more than a few seconds,
/// so a build that never ends fails the test instead of hanging the suite.
fn schema_in_time(pages: Vec<(String, String)>) -> (Schema, Vec<Diagnostic>) {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let borrowed: Vec<(&str, &str)> = pages
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        // The receiver is gone only when the test has already failed.
        let _ = sender.send(schema_of(&borrowed));
    });
    receiver
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the schema is built within 10 seconds")
}

/// The one conflict reported at `page`, with the pages of its related places.
fn conflict_at<'d>(diagnostics: &'d [Diagnostic], page: &str) -> (&'d str, Vec<&'d str>) {
    let conflicts: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| {
            d.kind == DiagnosticKind::Conflict
                && d.location.as_ref().is_some_and(|l| l.file.ends_with(page))
        })
        .collect();
    let [conflict] = conflicts[..] else {
        panic!("one conflict at {page}: {diagnostics:?}");
    };
    let related = conflict.related.iter().map(|(at, _)| &*at.file).collect();
    (&conflict.message, related)
}

#[test]
fn requests_that_spell_one_navigation_two_ways_keep_both_spellings() {
    let (schema, diagnostics) = schema_in_time(two_spellings_pages(""));
    assert_eq!(
        property_names(&schema, "microsoft.graph.widget"),
        ["size", "gears", "gearz"]
    );
    let (message, related) = conflict_at(&diagnostics, "widget-list-gearz.md");
    assert!(
        message.contains("the requests read both `widget.gears` and `widget.gearz`"),
        "{message}"
    );
    assert_eq!(related, ["api/widget-list-gears.md"]);
}

#[test]
fn a_listed_navigation_that_a_request_reads_is_not_misspelled() {
    let row = "| gears | [gear](gear.md) collection | Its gears. |";
    let (schema, diagnostics) = schema_in_time(two_spellings_pages(row));
    let widget = schema.get("microsoft.graph.widget").unwrap();
    assert_eq!(
        property_names(&schema, "microsoft.graph.widget"),
        ["size", "gears", "gearz"]
    );
    assert_eq!(widget.properties[1].description, "Its gears.");
    let (message, related) = conflict_at(&diagnostics, "widget-list-gearz.md");
    assert!(
        message.contains("the requests read both `widget.gears` and `widget.gearz`"),
        "{message}"
    );
    assert_eq!(related, ["resources/widget.md"]);
}

#[test]
fn a_navigation_only_a_request_path_shows_makes_its_target_an_entity_as_a_table_row_does() {
    // `gear` states no base and has no methods: only `widget.gears` addresses it.
    let gear = resource_page(
        "gear",
        "A gear.",
        &[],
        &["| teeth | Int32 | Its teeth. |"],
        "",
    );
    let widget_get = api_get(
        "Get widget",
        &["/widgets/{id}"],
        "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\" } -->",
        "",
    );
    let common = [
        ("resources/gear.md".to_string(), gear),
        ("api/widget-get.md".to_string(), widget_get),
    ];
    let mut listed = key_root_pages();
    listed[1].1 = listed[1].1.replace(
        "## JSON representation",
        "## Relationships\n\n| Relationship | Type | Description |\n|:--|:--|:--|\n| gears | [gear](gear.md) collection | Its gears. |\n\n## JSON representation",
    );
    listed.extend(common.clone());
    let mut requested = key_root_pages();
    requested.extend(common);
    requested.push((
        "api/gear-get.md".to_string(),
        api_get(
            "Get gear",
            &["/widgets/{id}/gears/{id}"],
            "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.gear\" } -->",
            "",
        ),
    ));
    for (shown_by, pages) in [("a table row", listed), ("a request path", requested)] {
        let borrowed: Vec<(&str, &str)> = pages
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let (schema, diagnostics) = schema_of(&borrowed);
        let widget = schema.get("microsoft.graph.widget").unwrap();
        let gears = widget
            .properties
            .iter()
            .find(|p| p.name == "gears")
            .unwrap();
        assert!(gears.navigation && gears.collection);
        let gear = schema.get("microsoft.graph.gear").unwrap();
        assert_eq!(gear.kind, Kind::Entity, "shown by {shown_by}");
        assert_eq!(
            gear.base.as_deref(),
            Some("microsoft.graph.thing"),
            "shown by {shown_by}"
        );
        assert!(
            diagnostics
                .iter()
                .any(|d| d.kind == DiagnosticKind::Inferred
                    && d.message
                        .contains("`microsoft.graph.gear` states no base type")),
            "shown by {shown_by}, the inferred base is reported: {diagnostics:?}"
        );
    }
}

/// Pages as Intune's reference writes them: a line of description, the base in a sentence of
/// its own, then the table.
fn intune_page(name: &str, base: Option<&str>, rows: &[&str]) -> (String, String) {
    let inherits = base.map_or(String::new(), |base| {
        format!(
            "Inherits from [{base}](../resources/intune-{}.md)",
            base.to_ascii_lowercase()
        )
    });
    let page = resource_page(
        name,
        &format!("Simple setting value\n\n\n{inherits}"),
        &[],
        rows,
        "",
    );
    (
        format!("resources/intune-{}.md", name.to_ascii_lowercase()),
        page,
    )
}

fn borrowed_schema(pages: &[(String, String)]) -> (Schema, Vec<Diagnostic>) {
    let pages: Vec<(&str, &str)> = pages
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    schema_of(&pages)
}

#[test]
fn a_stated_base_with_a_long_name_wins_over_the_grandparent_rows_inherit_from() {
    let inherited = "| settingValueTemplateReference | String | Setting value template reference Inherited from [deviceManagementConfigurationSettingValue](../resources/intune-devicemanagementconfigurationsettingvalue.md) |";
    let pages = [
        intune_page(
            "deviceManagementConfigurationSettingValue",
            None,
            &["| settingValueTemplateReference | String | Setting value template reference |"],
        ),
        intune_page(
            "deviceManagementConfigurationSimpleSettingValue",
            Some("deviceManagementConfigurationSettingValue"),
            &[inherited],
        ),
        intune_page(
            "deviceManagementConfigurationStringSettingValue",
            Some("deviceManagementConfigurationSimpleSettingValue"),
            &[
                inherited,
                "| value | String | Value of the string setting. |",
            ],
        ),
    ];
    let (schema, diagnostics) = borrowed_schema(&pages);
    let string = schema
        .get("microsoft.graph.deviceManagementConfigurationStringSettingValue")
        .unwrap();
    assert_eq!(
        string.base.as_deref(),
        Some("microsoft.graph.deviceManagementConfigurationSimpleSettingValue")
    );
    // The rows only say which ancestor declares them: no base is inferred from them.
    assert!(
        diagnostics
            .iter()
            .all(|d| !d.message.contains("its rows say they are inherited from")),
        "{diagnostics:?}"
    );
}

#[test]
fn a_stated_base_no_page_describes_is_in_the_schema_with_a_note_where_it_is_named() {
    let (path, widget) = intune_page("widget", Some("gizmoBase"), &["| size | Int32 | Size. |"]);
    let (schema, diagnostics) = borrowed_schema(&[(path.clone(), widget)]);
    let widget = schema.get("microsoft.graph.widget").unwrap();
    assert_eq!(widget.base.as_deref(), Some("microsoft.graph.gizmoBase"));
    let base = schema
        .get("microsoft.graph.gizmoBase")
        .expect("the named base is in the schema");
    assert!(base.properties.is_empty());
    let notes: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.message.contains("`microsoft.graph.gizmoBase`"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        notes,
        [format!(
            "{path}:8:1: note[D0201]: no page describes `microsoft.graph.gizmoBase`, named here as the base of `microsoft.graph.widget`; it is in the schema with no properties of its own"
        )]
    );
}

#[test]
fn prose_naming_a_base_no_page_describes_beside_base_type_is_reported() {
    let sprocket = thing_subtype(
        "sprocket",
        "Inherits from [gear](gear.md).",
        "| teeth | Int32 | Its teeth. |",
    );
    let (schema, diagnostics) = with_key_root(&[("resources/sprocket.md".into(), sprocket)]);
    let sprocket = schema.get("microsoft.graph.sprocket").unwrap();
    assert_eq!(sprocket.base.as_deref(), Some("microsoft.graph.thing"));
    assert!(
        diagnostics
            .iter()
            .any(|d| d.kind == DiagnosticKind::Conflict
                && d.location
                    .as_ref()
                    .is_some_and(|at| at.to_string() == "resources/sprocket.md:5")
                && d.message.contains(
                    "names `microsoft.graph.gear` as the base of `microsoft.graph.sprocket`"
                )),
        "{diagnostics:?}"
    );
}

/// A complex type `name` whose prose states `base` (if any), with one row of its own.
fn complex_page(name: &str, base: Option<&str>, row: &str) -> (String, String) {
    let intro = base.map_or(format!("A {name}."), |base| {
        format!(
            "A {name}.\n\nInherits from [{base}]({}.md).",
            base.to_ascii_lowercase()
        )
    });
    let path = format!("resources/{}.md", name.to_ascii_lowercase());
    (path, resource_page(name, &intro, &[], &[row], ""))
}

#[test]
fn a_property_of_one_type_or_another_is_their_nearest_common_base() {
    let call = resource_page(
        "call",
        "A call.",
        &[],
        &[
            "| meetingInfo | [organizerMeetingInfo](organizermeetinginfo.md) or [tokenMeetingInfo](tokenmeetinginfo.md) | The meeting to join. |",
            "| source | [audioSource](audiosource.md) or [videoSource](videosource.md) collection | What it plays. |",
        ],
        "",
    );
    let pages = [
        ("resources/call.md".to_string(), call),
        complex_page(
            "meetingInfo",
            None,
            "| allowConversationWithoutHost | Boolean | Whether. |",
        ),
        complex_page(
            "organizerMeetingInfo",
            Some("meetingInfo"),
            "| organizer | String | Who. |",
        ),
        complex_page(
            "tokenMeetingInfo",
            Some("meetingInfo"),
            "| token | String | The token. |",
        ),
        complex_page("audioSource", None, "| codec | String | The codec. |"),
        complex_page(
            "videoSource",
            None,
            "| resolution | String | The resolution. |",
        ),
    ];
    let (schema, diagnostics) = borrowed_schema(&pages);
    let call = schema.get("microsoft.graph.call").unwrap();
    let property = |name: &str| call.properties.iter().find(|p| p.name == name).unwrap();
    assert_eq!(property("meetingInfo").ty, "microsoft.graph.meetingInfo");
    // No common base: any JSON, as the types' pages do not say what they share.
    assert_eq!(property("source").ty, "Edm.Untyped");
    assert!(property("source").collection);
    let reported: Vec<String> = diagnostics
        .iter()
        .filter(|d| {
            d.location
                .as_ref()
                .is_some_and(|at| &*at.file == "resources/call.md")
        })
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        reported,
        [
            "resources/call.md:11:3: note[D0207]: property `meetingInfo` of `microsoft.graph.call` is `microsoft.graph.organizerMeetingInfo` or `microsoft.graph.tokenMeetingInfo`; typed as their nearest common base `microsoft.graph.meetingInfo`",
            "resources/call.md:12:3: warning[D0203]: property `source` of `microsoft.graph.call` is `microsoft.graph.audioSource` or `microsoft.graph.videoSource` collection, which share no base type; its values are untyped (`Edm.Untyped`)",
        ]
    );
}

#[test]
fn an_all_lower_case_comment_name_takes_the_camel_case_of_its_title() {
    // The comment writes `contactcard` where the title and the links write `contactCard`; a
    // title in PascalCase (`Gizmo`) is no camelCase spelling, so `gizmo` keeps its name.
    let card = resource_page(
        "contactCard",
        "A card.",
        &["Get"],
        &["| label | String | The label. |"],
        "",
    )
    .replace("microsoft.graph.contactCard", "microsoft.graph.contactcard");
    let gizmo = resource_page(
        "Gizmo",
        "A gizmo.",
        &[],
        &["| card | [contactCard](contactcard.md) | Its card. |"],
        "",
    )
    .replace("microsoft.graph.Gizmo", "microsoft.graph.gizmo");
    let (schema, diagnostics) = schema_of(&[
        ("resources/contactcard.md", &card),
        ("resources/gizmo.md", &gizmo),
    ]);
    let names: Vec<String> = schema.types.iter().map(|t| t.qualified_name()).collect();
    assert_eq!(
        names,
        ["microsoft.graph.contactCard", "microsoft.graph.gizmo"]
    );
    let gizmo = schema.get("microsoft.graph.gizmo").unwrap();
    assert_eq!(gizmo.properties[0].ty, "microsoft.graph.contactCard");
    let reported: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.message.contains("lower case"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        reported,
        [
            "resources/contactcard.md:21: note[D0207]: type `microsoft.graph.contactcard` is written all in lower case here and `contactCard` elsewhere: named `contactCard`, the lower-case spelling taken to have lost its capitals\n    resources/contactcard.md:1: `contactCard`"
        ]
    );
}

/// `page` with front matter giving its product area and description.
fn with_front_matter(area: &str, description: &str, page: &str) -> String {
    format!("---\ndescription: \"{description}\"\nms.prod: \"{area}\"\ndoc_type: resourcePageType\n---\n{page}")
}

#[test]
fn a_types_own_page_gives_its_description_area_and_first_properties() {
    // An area's page that restates the type sorts first by path; the page named after the type
    // is its own all the same, in the default namespace and in another one.
    let pages = [
        (
            "resources/devices-gadget.md".to_string(),
            with_front_matter(
                "devices",
                "Not yet documented",
                &resource_page(
                    "gadget",
                    "Not yet documented",
                    &[],
                    &["| serial | String | The serial. |"],
                    r#""keyProperty": "id","#,
                ),
            ),
        ),
        (
            "resources/gadget.md".to_string(),
            with_front_matter(
                "gadgets",
                "A gadget.",
                &resource_page(
                    "gadget",
                    "A gadget.",
                    &[],
                    &["| id | String | Key. |", "| label | String | The label. |"],
                    r#""keyProperty": "id","#,
                ),
            ),
        ),
        (
            "resources/devices-workshop-gear.md".to_string(),
            with_front_matter(
                "devices",
                "Not yet documented",
                &resource_page(
                    "gear",
                    "Namespace: microsoft.graph.workshop",
                    &[],
                    &["| size | Int32 | Size. |"],
                    "",
                )
                .replace("microsoft.graph.gear", "microsoft.graph.workshop.gear"),
            ),
        ),
        (
            "resources/workshop-gear.md".to_string(),
            with_front_matter(
                "workshop",
                "A gear.",
                &resource_page("gear", "A gear.", &[], &["| teeth | Int32 | Teeth. |"], "")
                    .replace("microsoft.graph.gear", "microsoft.graph.workshop.gear"),
            ),
        ),
    ];
    let (schema, _) = borrowed_schema(&pages);
    let gadget = schema.get("microsoft.graph.gadget").unwrap();
    assert_eq!(gadget.description, "A gadget.");
    assert_eq!(gadget.area.as_deref(), Some("gadgets"));
    assert_eq!(&*gadget.sources[0].file, "resources/gadget.md");
    assert_eq!(
        property_names(&schema, "microsoft.graph.gadget"),
        ["id", "label", "serial"]
    );
    let gear = schema.get("microsoft.graph.workshop.gear").unwrap();
    assert_eq!(gear.description, "A gear.");
    assert_eq!(gear.area.as_deref(), Some("workshop"));
    assert_eq!(
        property_names(&schema, "microsoft.graph.workshop.gear"),
        ["teeth", "size"]
    );
}
