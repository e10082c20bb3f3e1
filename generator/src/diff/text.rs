//! The changelog for a terminal: the counts first, then the breaking changes, then the
//! additive ones, each grouped by type (qualified, so by namespace too).

use std::fmt::Write;

use super::model::Changelog;
use super::RenderOptions;

/// The heading lines and the table of counts per kind.
pub(super) fn summary(changelog: &Changelog, options: &RenderOptions) -> String {
    let mut out = format!("API changes from {} to {}\n", options.old, options.new);
    let descriptions = changelog.descriptions();
    let _ = write!(
        out,
        "{} API changes: {} breaking, {} additive; {descriptions} description changes",
        changelog.api_changes().count(),
        changelog.breaking(),
        changelog.additive()
    );
    if descriptions > 0 && !options.descriptions {
        out.push_str(" (not listed; --descriptions lists them)");
    }
    out.push('\n');
    let counts = changelog.counts_by_kind();
    if !counts.is_empty() {
        let _ = writeln!(out, "\n{:<32}{:>10}{:>10}", "kind", "breaking", "additive");
        for (kind, count) in counts {
            let _ = writeln!(
                out,
                "{:<32}{:>10}{:>10}",
                kind.as_str(),
                count.breaking,
                count.additive
            );
        }
    }
    out
}

pub(super) fn render(changelog: &Changelog, options: &RenderOptions) -> String {
    let mut out = summary(changelog, options);
    let titles = [
        "BREAKING CHANGES",
        "ADDITIVE CHANGES",
        "DESCRIPTION CHANGES",
    ];
    for (title, changes) in titles
        .into_iter()
        .zip(changelog.sections(options.descriptions))
    {
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title} ({})", changes.len());
        let mut current = String::new();
        for change in changes {
            let qualified = change.qualified_type();
            if qualified != current {
                let _ = writeln!(out, "\n{qualified}");
                current = qualified;
            }
            let _ = writeln!(out, "  {}", change.headline());
            let _ = writeln!(out, "      {}", change.places());
            let impact = &change.impact;
            let _ = writeln!(
                out,
                "      {}, {}: {}",
                impact.level.as_str(),
                impact.rule,
                impact.reason
            );
            if let Some(note) = change.rename_note() {
                let _ = writeln!(out, "      {note}");
            }
        }
    }
    out
}
