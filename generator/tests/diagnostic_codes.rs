//! The README's table of diagnostic codes is the code table (`diagnostic/codes.rs`), row for
//! row, and every code has its explanation for `graph-docgen explain`.

use graph_docgen::diagnostic::{lookup, CODES};

/// The README rows the code table makes.
fn expected_rows() -> Vec<String> {
    CODES
        .iter()
        .map(|info| {
            format!(
                "| `{}` | {} | {} | {} |",
                info.code,
                info.name,
                cell(info.meaning),
                cell(info.fix)
            )
        })
        .collect()
}

/// A table cell's text: `|` escaped, as GitHub's tables need even inside code spans.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

#[test]
fn the_readme_lists_every_code_as_the_code_table_does() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md");
    let rows: Vec<&str> = readme
        .lines()
        .filter(|line| line.starts_with("| `D0"))
        .collect();
    let expected = expected_rows();
    assert!(
        rows == expected,
        "README.md's table of codes differs from diagnostic/codes.rs; its rows should be:\n{}",
        expected.join("\n")
    );
}

#[test]
fn every_code_is_explained_with_an_example_and_found_by_code_or_name() {
    for info in CODES {
        assert!(
            info.explanation.contains("Fix:"),
            "{} says how to fix",
            info.code
        );
        assert!(
            info.explanation.contains("Example") || info.explanation.contains("e.g."),
            "{} has an example",
            info.code
        );
        assert_eq!(lookup(info.code).map(|i| i.code), Some(info.code));
        assert_eq!(
            lookup(&info.code.to_lowercase()).map(|i| i.code),
            Some(info.code)
        );
        assert_eq!(lookup(info.name).map(|i| i.code), Some(info.code));
        assert_eq!(info.kind.code(), info.code);
    }
    assert!(lookup("D9999").is_none());
}
