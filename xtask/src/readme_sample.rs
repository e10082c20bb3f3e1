//! The README's sections that `cargo xtask codegen` writes, so that the README can never show
//! code the generator no longer writes or an example the crate no longer runs (`--check` fails
//! when one is stale, like any generated file): "Generated code" shows real generated items,
//! taken from the generated crate, and "Worked example" is the crate's guide, whose code runs
//! as the crate's doctests.

use similar::TextDiff;

const START: &str = "<!-- generated-sample:start (cargo xtask codegen writes this section) -->";
const END: &str = "<!-- generated-sample:end -->";

/// The items shown, from the generated file that holds them: a struct with inherited fields,
/// how it reads its wire names, and an evolvable enum. `(type, None)` is the struct or enum
/// itself, `(type, Some(trait))` its impl of that trait.
pub const SHOWN_FILE: &str = "src/graph.rs";
const SHOWN_ITEMS: &[(&str, Option<&str>)] = &[
    ("RecordOperation", None),
    ("RecordOperation", Some("Deserialize")),
    ("RecordCompletionReason", None),
];

const GUIDE_START: &str =
    "<!-- worked-example:start (cargo xtask codegen copies generated/guide.md here) -->";
const GUIDE_END: &str = "<!-- worked-example:end -->";

/// The hand-written guide of the generated crate, which its crate docs carry.
pub const GUIDE_FILE: &str = "guide.md";

/// `readme` with its sample section holding `SHOWN_ITEMS` from `generated_file`, and its
/// worked-example section holding `guide`.
pub fn with_sample(readme: &str, generated_file: &str, guide: &str) -> Result<String, String> {
    let sample = sample_items(generated_file)?;
    let readme = with_section(readme, START, END, &format!("```rust\n{sample}```\n"))?;
    with_section(&readme, GUIDE_START, GUIDE_END, &guide_for_readme(guide))
}

/// `readme` with `body` between the lines `start` and `end`.
fn with_section(readme: &str, start: &str, end: &str, body: &str) -> Result<String, String> {
    let (Some(from), Some(to)) = (readme.find(start), readme.find(end)) else {
        return Err(format!(
            "README.md has no section for `cargo xtask codegen` to write: expected the lines `{start}` and `{end}`"
        ));
    };
    if to < from {
        return Err(format!("README.md: `{end}` comes before `{start}`"));
    }
    Ok(format!(
        "{}{start}\n{body}{}",
        &readme[..from],
        &readme[to..]
    ))
}

/// The guide as the README shows it: one heading level down, since it sits under the README's
/// title, and without the lines rustdoc hides in code blocks (`# fn main() {`), which GitHub
/// would show.
fn guide_for_readme(guide: &str) -> String {
    let mut shown = String::new();
    let mut in_code = false;
    for line in guide.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            in_code = !in_code;
        } else if in_code && (trimmed == "#" || trimmed.starts_with("# ")) {
            continue;
        } else if !in_code && line.starts_with('#') {
            shown.push('#');
        }
        shown.push_str(line);
        shown.push('\n');
    }
    shown
}

/// The shown items, as the generated file spells them (attributes and doc comments included),
/// in `SHOWN_ITEMS` order, a blank line apart.
fn sample_items(generated_file: &str) -> Result<String, String> {
    let file = syn::parse_file(generated_file)
        .map_err(|e| format!("{SHOWN_FILE} does not parse as Rust: {e}"))?;
    let mut shown = Vec::new();
    for &(name, trait_name) in SHOWN_ITEMS {
        let item = file
            .items
            .iter()
            .find(|item| match (item, trait_name) {
                (syn::Item::Struct(s), None) => s.ident == name,
                (syn::Item::Enum(e), None) => e.ident == name,
                (syn::Item::Impl(i), Some(trait_name)) => {
                    ends_with(i.trait_.as_ref().map(|(_, path, _)| path), trait_name)
                        && matches!(&*i.self_ty, syn::Type::Path(t) if ends_with(Some(&t.path), name))
                }
                _ => false,
            })
            .ok_or_else(|| match trait_name {
                None => format!("{SHOWN_FILE} has no struct or enum `{name}` to show"),
                Some(t) => format!("{SHOWN_FILE} has no `impl {t} for {name}` to show"),
            })?;
        shown.push(prettyplease::unparse(&syn::File {
            shebang: None,
            attrs: Vec::new(),
            items: vec![item.clone()],
        }));
    }
    Ok(shown.join("\n"))
}

fn ends_with(path: Option<&syn::Path>, name: &str) -> bool {
    path.and_then(|p| p.segments.last())
        .is_some_and(|segment| segment.ident == name)
}

/// A unified diff from the README on disk to the one with an up-to-date sample.
pub fn diff(on_disk: &str, expected: &str) -> String {
    TextDiff::from_lines(on_disk, expected)
        .unified_diff()
        .header("a/README.md", "b/README.md")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GENERATED: &str = "/// A recording.\n#[derive(Debug)]\npub struct RecordOperation {\n    pub id: Option<String>,\n}\npub struct Other;\nimpl ::serde::Serialize for RecordOperation {}\nimpl<'de> ::serde::Deserialize<'de> for RecordOperation {}\n/// Why it stopped.\npub enum RecordCompletionReason {\n    MaxLengthReached,\n}\n";

    const GUIDE: &str = "# Worked example\n\n```rust\n# fn main() {\nlet id = 1;\n# }\n```\n";

    #[test]
    fn the_sections_are_replaced_and_the_rest_kept() {
        let readme = format!(
            "# Title\n\nBefore.\n\n{START}\nold\n{END}\n\nBetween.\n\n{GUIDE_START}\nold\n{GUIDE_END}\n\nAfter.\n"
        );
        let updated = with_sample(&readme, GENERATED, GUIDE).unwrap();
        assert!(updated.starts_with("# Title\n\nBefore.\n\n"));
        assert!(updated.contains(&format!("{END}\n\nBetween.\n\n")));
        assert!(updated.ends_with(&format!(
            "{GUIDE_START}\n## Worked example\n\n```rust\nlet id = 1;\n```\n{GUIDE_END}\n\nAfter.\n"
        )));
        assert!(!updated.contains("old"));
        let record = updated.find("pub struct RecordOperation").unwrap();
        let reason = updated.find("pub enum RecordCompletionReason").unwrap();
        let read = updated
            .find("::serde::Deserialize<'de> for RecordOperation")
            .unwrap();
        assert!(record < read && read < reason);
        assert!(!updated.contains("Serialize for"));
        assert!(updated.contains("/// A recording."));
        assert!(!updated.contains("Other"));
        // Idempotent: a second run changes nothing.
        assert_eq!(with_sample(&updated, GENERATED, GUIDE).unwrap(), updated);
    }

    #[test]
    fn missing_markers_or_items_are_reported() {
        assert!(with_sample("# Title\n", GENERATED, GUIDE)
            .unwrap_err()
            .contains(&format!("expected the lines `{START}`")));
        let readme = format!("{START}\n{END}\n");
        assert!(with_sample(&readme, GENERATED, GUIDE)
            .unwrap_err()
            .contains(&format!("expected the lines `{GUIDE_START}`")));
        assert!(with_sample(&readme, "pub struct RecordOperation;", GUIDE)
            .unwrap_err()
            .contains("no `impl Deserialize for RecordOperation`"));
        let without_enum = GENERATED.replace("RecordCompletionReason", "Renamed");
        assert!(with_sample(&readme, &without_enum, GUIDE)
            .unwrap_err()
            .contains("no struct or enum `RecordCompletionReason`"));
    }
}
