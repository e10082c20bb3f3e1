//! The command's diagnostics in each format (`human`, `short`, `json`, `github`), its colour
//! choice, `-q`, `explain` and its exit status, run as a user runs it: snapshots pin the
//! output of a docs folder with placeholders and, with `GRAPH_DOCGEN_SHARED`, of the seeds.

mod shared;

use std::path::Path;
use std::process::{Command, Output};

const FORMATS: [&str; 4] = ["human", "short", "json", "github"];

/// `graph-docgen ARGS` run in `dir`, with no colour forced from the environment.
fn graph_docgen(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_graph-docgen"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_ACTIONS")
        .output()
        .expect("graph-docgen runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A docs folder, `docs/`, of one resource page with a placeholder, a template request line, a
/// ragged row, a broken link and a conflict with an API page.
fn docs_with_findings() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let resources = dir.path().join("docs/resources");
    let api = dir.path().join("docs/api");
    std::fs::create_dir_all(&resources).unwrap();
    std::fs::create_dir_all(&api).unwrap();
    std::fs::write(
        resources.join("widget.md"),
        "---\ntitle: \"widget resource type\"\n---\n\n# widget resource type\n\nNamespace: microsoft.graph\n\nA widget. See [its parts](part.md) and [methods](#methods).\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | **TODO: Add Description** |\n| size | Int32 | Its size (cm | in). |\n| name | String | Its name. |\n| color |  | Its colour. |\n| **Parts** |\n\n## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.widget\" } -->\n```json\n{\n  \"id\": \"String\",\n  \"size\": 1024,\n  \"name\": \"String\"\n}\n```\n",
    )
    .unwrap();
    std::fs::write(
        api.join("widget-create.md"),
        "---\ntitle: \"Create widget\"\n---\n\n# Create widget\n\nCreate a new [widget](../resources/widget.md).\n\n## HTTP request\n\n```http\nPOST ** Collection URI for microsoft.graph.widget not found\n```\n\n## Request body\n\nIn the request body, supply a JSON representation of a [widget](../resources/widget.md) object.\n\n## Response\n\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\" } -->\n```json\n{\n  \"id\": \"1\",\n  \"size\": \"large\",\n  \"name\": \"w\"\n}\n```\n",
    )
    .unwrap();
    dir
}

#[test]
fn lint_findings_in_each_format() {
    let dir = docs_with_findings();
    for format in FORMATS {
        let args = [
            "lint", "--docs", "docs", "--format", format, "--color", "never", "-v",
        ];
        let output = graph_docgen(dir.path(), &args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        insta::assert_snapshot!(format!("lint_{format}"), stderr(&output));
    }
}

#[test]
fn deny_sets_the_exit_status_and_a_missing_folder_is_status_2() {
    let dir = docs_with_findings();
    let run = |args: &[&str]| graph_docgen(dir.path(), args).status.code();
    assert_eq!(run(&["lint", "--docs", "docs"]), Some(0));
    assert_eq!(
        run(&["lint", "--docs", "docs", "--deny", "warnings"]),
        Some(1)
    );
    assert_eq!(run(&["lint", "--docs", "missing"]), Some(2));
    assert_eq!(
        run(&["lint", "--docs", "docs", "--deny", "sometimes"]),
        Some(2)
    );
    assert_eq!(run(&["explain", "D0401"]), Some(0));
    assert_eq!(run(&["explain", "D9999"]), Some(2));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_and_quiet_prints_only_errors() {
    let dir = docs_with_findings();
    let lint = |extra: &[&str]| {
        let mut args = vec!["lint", "--docs", "docs"];
        args.extend_from_slice(extra);
        stderr(&graph_docgen(dir.path(), &args))
    };
    // Standard error is a pipe here, so `auto` does not colour.
    assert!(!lint(&[]).contains('\u{1b}'));
    assert!(lint(&["--color", "always"]).contains("\u{1b}["));
    assert!(!lint(&["--color", "never"]).contains('\u{1b}'));
    assert_eq!(lint(&["-q"]), "");
    let explained =
        String::from_utf8_lossy(&graph_docgen(dir.path(), &["explain", "placeholder"]).stdout)
            .into_owned();
    assert!(explained.starts_with("D0401 placeholder: "), "{explained}");
}

#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "reads ../shared/seeds: set GRAPH_DOCGEN_SHARED=../shared"
)]
fn the_seeds_placeholders_in_each_format() {
    let shared = shared::shared_dir();
    for format in FORMATS {
        let args = [
            "lint",
            "--docs",
            "seeds",
            "--include",
            "*.txt",
            "--format",
            format,
            "--color",
            "never",
            "-v",
            "--deny",
            "warnings",
        ];
        let output = graph_docgen(&shared, &args);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{text}");
        assert!(text.contains("D0401"), "{text}");
        assert!(text.contains("Collection URI for microsoft.graph.recordOperation not found"));
        assert!(text.contains("TODO: Determine scopes"));
        insta::assert_snapshot!(format!("seeds_lint_{format}"), text);
    }
}
