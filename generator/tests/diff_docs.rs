//! The changelog on real pages: `docs-input/` against edited copies of it (the edits
//! `.ci/semver` checks with cargo-semver-checks), the seeds against `docs-input/`, and the
//! January 2021 v1.0 reference against the July one; and the schema file a crate carries read
//! back as the schema it was made from.

mod shared;

use std::path::{Path, PathBuf};

use graph_docgen::config::Config;
use graph_docgen::diff::{self, changelog, ChangeKind, Changelog, Format, RenderOptions};
use graph_docgen::export::schema_json;
use graph_docgen::import::{read_schema_file, schema_from_json};
use graph_docgen::schema::Schema;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The configuration `cargo xtask codegen` reads docs-input/ with.
fn docs_input_config() -> PathBuf {
    workspace().join("docs-input/docgen.toml")
}

/// A side's schema, read with docs-input's docgen.toml as `cargo xtask codegen` reads the
/// pages (the edited sides are copies of docs-input; the fix finds no target elsewhere).
fn load(path: &Path, include: &[&str]) -> Schema {
    let include: Vec<String> = include.iter().map(|g| g.to_string()).collect();
    // Named as the xtask names it, since a fix's place is in the schema.
    let (config, _) = Config::read_named(&docs_input_config(), "docs-input/docgen.toml").unwrap();
    let loaded = diff::load_schema(path, &include, &config).unwrap();
    loaded.schema
}

fn docs_input() -> Schema {
    load(&workspace().join("docs-input"), &[])
}

fn options(old: &str, new: &str) -> RenderOptions {
    RenderOptions {
        old: old.to_string(),
        new: new.to_string(),
        descriptions: false,
    }
}

#[test]
fn a_schema_exported_and_imported_is_the_same_schema() {
    let schema = docs_input();
    let json = schema_json(&schema);
    let imported = schema_from_json(&json, &"schema.json".into()).unwrap();
    assert_eq!(schema_json(&imported), json);
    // What the export leaves out (areas, member values and descriptions) is all that differs.
    assert_eq!(imported.types.len(), schema.types.len());
    assert!(changelog(&schema, &imported).api_changes().next().is_none());
}

#[test]
fn the_schema_the_generated_crate_carries_is_the_one_it_was_made_from() {
    let committed = read_schema_file(&workspace().join("generated/schema.json")).unwrap();
    assert_eq!(schema_json(&committed), schema_json(&docs_input()));
}

/// What an edit makes of a page's text (empty for a new page).
type PageEdit<'a> = &'a dyn Fn(&str) -> String;

/// `docs-input/` copied, with each edit applied to the text of the page it names.
fn edited_docs(edits: &[(&str, PageEdit)]) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    let source = workspace().join("docs-input");
    for folder in ["resources", "api"] {
        std::fs::create_dir_all(copy.path().join(folder)).unwrap();
        for entry in std::fs::read_dir(source.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let to = copy.path().join(folder).join(path.file_name().unwrap());
            std::fs::copy(&path, to).unwrap();
        }
    }
    for (page, edit) in edits {
        let path = copy.path().join(page);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::write(&path, edit(&text)).unwrap();
    }
    copy
}

fn page(name: &str) -> String {
    std::fs::read_to_string(workspace().join("docs-input").join(name)).unwrap()
}

/// Every line starting with `start` is followed by `added`.
fn insert_after(text: &str, start: &str, added: &str) -> String {
    text.lines()
        .flat_map(|line| {
            let extra = line.starts_with(start).then(|| added.to_string());
            std::iter::once(line.to_string()).chain(extra)
        })
        .map(|line| line + "\n")
        .collect()
}

fn without_lines(text: &str, starts: &[&str]) -> String {
    text.lines()
        .filter(|line| !starts.iter().any(|s| line.starts_with(s)))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// The additive edit of `.ci/semver`: a new property row, a new enum member, a new subtype.
fn additive_docs() -> tempfile::TempDir {
    edited_docs(&[
        ("resources/resultinfo.md", &|text| {
            let text = insert_after(
                text,
                "| subcode  | Int32  |",
                "| detail   | String | More about the result, for support. |",
            );
            text.replace(
                "  \"subcode\": \"Int32\"\n",
                "  \"subcode\": \"Int32\",\n  \"detail\": \"String\"\n",
            )
        }),
        ("resources/enums.md", &|text| {
            insert_after(
                text,
                "| failed     | 3     |",
                "| paused     | 4     | The operation waits to be resumed. |",
            )
        }),
        ("resources/muteoperation.md", &|_| {
            let text = page("resources/playpromptoperation.md")
                .replace("playPromptOperation", "muteOperation")
                .replace("playPrompt action", "mute action");
            without_lines(&text, &["| completionReason", "  \"completionReason\""])
        }),
    ])
}

/// The breaking edit of `.ci/semver`: a property row removed.
fn breaking_docs() -> tempfile::TempDir {
    edited_docs(&[("resources/resultinfo.md", &|text| {
        without_lines(
            text,
            &["| message  | String |", "  \"message\": \"String\","],
        )
    })])
}

fn kinds(log: &Changelog) -> Vec<(ChangeKind, bool)> {
    log.api_changes()
        .map(|c| (c.kind, c.impact.is_breaking()))
        .collect()
}

#[test]
fn the_additive_edit_of_the_pages_is_additive() {
    let edited = additive_docs();
    let log = changelog(&docs_input(), &load(edited.path(), &[]));
    assert_eq!(
        kinds(&log),
        [
            (ChangeKind::TypeAdded, false),
            (ChangeKind::MemberAdded, false),
            (ChangeKind::PropertyAdded, false),
        ],
        "{:#?}",
        log.changes
    );
    let opts = options("docs-input", "docs-input + additive edit");
    insta::assert_snapshot!("additive_text", diff::render(&log, Format::Text, &opts));
    insta::assert_snapshot!(
        "additive_markdown",
        diff::render(&log, Format::Markdown, &opts)
    );
    insta::assert_snapshot!("additive_json", diff::render(&log, Format::Json, &opts));
}

#[test]
fn the_breaking_edit_of_the_pages_breaks() {
    let edited = breaking_docs();
    let log = changelog(&docs_input(), &load(edited.path(), &[]));
    assert_eq!(kinds(&log), [(ChangeKind::PropertyRemoved, true)]);
    let change = &log.changes[0];
    assert_eq!(
        change
            .old
            .as_ref()
            .and_then(|s| s.source.as_ref())
            .map(ToString::to_string),
        Some("resources/resultinfo.md:23".to_string())
    );
    let opts = options("docs-input", "docs-input - message");
    insta::assert_snapshot!("breaking_text", diff::render(&log, Format::Text, &opts));
    insta::assert_snapshot!(
        "breaking_markdown",
        diff::render(&log, Format::Markdown, &opts)
    );
}

#[test]
fn a_side_may_be_a_schema_file_and_gives_the_same_changelog() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("schema.json");
    std::fs::write(&file, schema_json(&docs_input())).unwrap();
    let edited = breaking_docs();
    let from_docs = changelog(&docs_input(), &load(edited.path(), &[]));
    let from_file = changelog(&load(&file, &[]), &load(edited.path(), &[]));
    assert_eq!(kinds(&from_file), kinds(&from_docs));
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\"format\": \"graph-docs-schema/1\",\n \"types\": {}}",
    )
    .unwrap();
    let error = diff::load_schema(&broken, &[], &Config::default())
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("broken.json:2: error[D0102]: not a schema document"),
        "{error}"
    );
}

fn render_all(log: &Changelog, opts: &RenderOptions) {
    for format in [Format::Text, Format::Markdown, Format::Json] {
        assert!(!diff::render(log, format, opts).is_empty());
    }
    let json: serde_json::Value =
        serde_json::from_str(&diff::render(log, Format::Json, opts)).unwrap();
    assert_eq!(json["format"], diff::FORMAT);
    assert_eq!(json["summary"]["breaking"], log.breaking());
    assert_eq!(
        json["changes"].as_array().unwrap().len(),
        log.api_changes().count()
    );
}

#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "reads ../shared/seeds: set GRAPH_DOCGEN_SHARED=../shared"
)]
fn the_seeds_against_docs_input() {
    let seeds = load(&shared::shared_dir().join("seeds"), &["*.txt"]);
    let log = changelog(&seeds, &docs_input());
    let opts = options("seeds", "docs-input");
    render_all(&log, &opts);
    insta::assert_snapshot!(
        "seeds_to_docs_input",
        diff::render(&log, Format::Text, &opts)
    );
}

#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "reads ../shared/corpus: set GRAPH_DOCGEN_SHARED=../shared"
)]
fn january_against_july_2021_v1() {
    let corpus = |date: &str| shared::shared_dir().join("corpus").join(date).join("v1.0");
    let (january, july) = (corpus("graph-docs-2021-01"), corpus("graph-docs-2021-07"));
    let log = changelog(&load(&january, &[]), &load(&july, &[]));
    let opts = options("2021-01/v1.0", "2021-07/v1.0");
    render_all(&log, &opts);
    insta::assert_snapshot!(
        "january_to_july_v1_summary",
        diff::text_summary(&log, &opts)
    );
}

fn diff_command(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_graph-docgen"))
        .arg("diff")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_diff_command_compares_the_pages_with_the_schema_a_crate_carries() {
    let pages = workspace().join("docs-input");
    let carried = workspace().join("generated/schema.json");
    let config = docs_input_config();
    let same = diff_command(&[
        "--old".as_ref(),
        carried.as_os_str(),
        "--new".as_ref(),
        pages.as_os_str(),
        "--config".as_ref(),
        config.as_os_str(),
        "--format".as_ref(),
        "markdown".as_ref(),
    ]);
    assert!(same.status.success(), "{same:?}");
    let shown = String::from_utf8_lossy(&same.stdout);
    assert!(
        shown.starts_with("## API changes: 0 breaking, 0 additive"),
        "{shown}"
    );
    assert!(shown.ends_with("No changes.\n"), "{shown}");

    let edited = breaking_docs();
    let changed = diff_command(&[
        "--old".as_ref(),
        carried.as_os_str(),
        "--new".as_ref(),
        edited.path().as_os_str(),
        "--config".as_ref(),
        config.as_os_str(),
    ]);
    assert!(changed.status.success(), "{changed:?}");
    let shown = String::from_utf8_lossy(&changed.stdout);
    assert!(
        shown.contains("1 API changes: 1 breaking, 0 additive"),
        "{shown}"
    );
    assert!(
        shown.contains("property-removed `message`: Edm.String"),
        "{shown}"
    );

    let missing = workspace().join("no-such-folder");
    let failed = diff_command(&[
        "--old".as_ref(),
        missing.as_os_str(),
        "--new".as_ref(),
        pages.as_os_str(),
    ]);
    assert_eq!(failed.status.code(), Some(2), "{failed:?}");
    assert!(failed.stdout.is_empty());
    assert!(String::from_utf8_lossy(&failed.stderr).contains("no-such-folder"));
}

/// The README's Markdown sample is what `diff` prints for its edit: `.ci/semver`'s additive one,
/// the `message` row removed and `code` made an `Int64`.
#[test]
fn the_readme_shows_the_markdown_diff_prints() {
    let additive = additive_docs();
    let page = additive.path().join("resources/resultinfo.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let text = without_lines(
        &text,
        &["| message  | String |", "  \"message\": \"String\","],
    )
    .replace("| code     | Int32  |", "| code     | Int64  |");
    std::fs::write(&page, text).unwrap();
    let log = changelog(&docs_input(), &load(additive.path(), &[]));
    let markdown = diff::render(&log, Format::Markdown, &options("docs-input", "edited"));
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("````markdown\n{markdown}````\n")),
        "README.md's Markdown changelog sample is not what diff prints now:\n{markdown}"
    );
}
