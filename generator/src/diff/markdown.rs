//! The changelog as a pull-request comment: a summary table, the breaking changes listed, and
//! the long tail (the additive changes, breaking ones past the first hundred, the wording)
//! folded in `<details>`.

use std::fmt::Write;

use super::model::{Change, Changelog};
use super::RenderOptions;

/// Breaking changes shown before the rest of them is folded.
const SHOWN_BREAKING: usize = 100;

pub(super) fn render(changelog: &Changelog, options: &RenderOptions) -> String {
    let mut out = format!(
        "## API changes: {} breaking, {} additive\n\nFrom `{}` to `{}`, for code that uses the generated crate (rules: [Cargo SemVer compatibility]({})).\n\n",
        changelog.breaking(),
        changelog.additive(),
        options.old,
        options.new,
        super::SEMVER_CHAPTER
    );
    let counts = changelog.counts_by_kind();
    if !counts.is_empty() {
        out.push_str("| change | breaking | additive |\n| --- | ---: | ---: |\n");
        for (kind, count) in &counts {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                kind.words(),
                count.breaking,
                count.additive
            );
        }
        let _ = writeln!(
            out,
            "| **total** | **{}** | **{}** |\n",
            changelog.breaking(),
            changelog.additive()
        );
    }
    let descriptions = changelog.descriptions();
    if descriptions > 0 {
        let _ = writeln!(
            out,
            "{descriptions} description changes (the docs' wording only){}.\n",
            if options.descriptions {
                ", listed last"
            } else {
                " are not listed"
            }
        );
    }
    let [breaking, additive, wording] = changelog.sections(options.descriptions);
    if !breaking.is_empty() {
        out.push_str("### Breaking changes\n\n");
        let shown = breaking.len().min(SHOWN_BREAKING);
        list(&mut out, &breaking[..shown]);
        if shown < breaking.len() {
            folded(
                &mut out,
                &format!("{} more breaking changes", breaking.len() - shown),
                &breaking[shown..],
            );
        }
    }
    if !additive.is_empty() {
        folded(
            &mut out,
            &format!("Additive changes ({})", additive.len()),
            &additive,
        );
    }
    if !wording.is_empty() {
        folded(
            &mut out,
            &format!("Description changes ({})", wording.len()),
            &wording,
        );
    }
    if changelog.is_empty() {
        out.push_str("No changes.\n");
    }
    out
}

fn folded(out: &mut String, summary: &str, changes: &[&Change]) {
    let _ = writeln!(out, "<details>\n<summary>{summary}</summary>\n");
    list(out, changes);
    out.push_str("</details>\n\n");
}

/// The changes grouped under a heading per type.
fn list(out: &mut String, changes: &[&Change]) {
    let mut current = String::new();
    for change in changes {
        let qualified = change.qualified_type();
        if qualified != current {
            if !current.is_empty() {
                out.push('\n');
            }
            let _ = writeln!(out, "**`{qualified}`**\n");
            current = qualified;
        }
        let impact = &change.impact;
        let rule = match impact.rule_link() {
            Some(link) => format!("[`{}`]({link})", impact.rule),
            None => format!("`{}`", impact.rule),
        };
        let _ = write!(
            out,
            "- {} ({}): {}, {rule}: {}",
            escape(&change.headline()),
            change.places(),
            impact.level.as_str(),
            escape(&impact.reason)
        );
        if let Some(note) = change.rename_note() {
            let _ = write!(out, "; **{}**", escape(&note));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// `<` and `>` outside code spans would read as HTML in a comment; in `Option<Vec<T>>`, which
/// the reasons write in backticks, they are safe, so only the bare arrows of a headline change.
fn escape(text: &str) -> String {
    text.replace(" -> ", " → ")
}
