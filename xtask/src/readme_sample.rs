//! The README's "Generated code" section shows real generated items, taken from the generated
//! crate on every `cargo xtask codegen`, so the README can never show code the generator no
//! longer writes (`--check` fails when it is stale, like any generated file).

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

/// `readme` with its sample section holding `SHOWN_ITEMS` from `generated_file`.
pub fn with_sample(readme: &str, generated_file: &str) -> Result<String, String> {
    let (Some(start), Some(end)) = (readme.find(START), readme.find(END)) else {
        return Err(format!(
            "README.md has no sample section: expected the lines `{START}` and `{END}`"
        ));
    };
    if end < start {
        return Err(format!("README.md: `{END}` comes before `{START}`"));
    }
    let sample = sample_items(generated_file)?;
    Ok(format!(
        "{}{START}\n```rust\n{sample}```\n{}",
        &readme[..start],
        &readme[end..]
    ))
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

    #[test]
    fn the_section_is_replaced_and_the_rest_kept() {
        let readme = format!("# Title\n\nBefore.\n\n{START}\nold\n{END}\n\nAfter.\n");
        let updated = with_sample(&readme, GENERATED).unwrap();
        assert!(updated.starts_with("# Title\n\nBefore.\n\n"));
        assert!(updated.ends_with(&format!("{END}\n\nAfter.\n")));
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
        assert_eq!(with_sample(&updated, GENERATED).unwrap(), updated);
    }

    #[test]
    fn missing_markers_or_items_are_reported() {
        assert!(with_sample("# Title\n", GENERATED)
            .unwrap_err()
            .contains("no sample section"));
        let readme = format!("{START}\n{END}\n");
        assert!(with_sample(&readme, "pub struct RecordOperation;")
            .unwrap_err()
            .contains("no `impl Deserialize for RecordOperation`"));
        let without_enum = GENERATED.replace("RecordCompletionReason", "Renamed");
        assert!(with_sample(&readme, &without_enum)
            .unwrap_err()
            .contains("no struct or enum `RecordCompletionReason`"));
    }
}
