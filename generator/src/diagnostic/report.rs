//! A run's diagnostics as a command prints them: the ones `--diagnostics` selects, most serious
//! first; in the human form only the first [`HUMAN_LIMIT`] of them unless `-v`, so a whole
//! corpus's run fits on a screen, then the counts per code and the run's summary line.

use std::fmt::Write as _;

use serde_json::json;

use super::{count_by_kind, Diagnostic, Format, Renderer, Severity};

/// The diagnostics the human form shows without `-v`.
pub const HUMAN_LIMIT: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// Errors only, no summary.
    Quiet,
    Normal,
    /// Every selected diagnostic, in every form.
    Verbose,
}

pub struct Report<'s> {
    renderer: Renderer<'s>,
    /// The least serious severity shown; errors are shown whatever it is, since a run with
    /// an error fails and must say why.
    threshold: Option<Severity>,
    verbosity: Verbosity,
}

impl<'s> Report<'s> {
    pub fn new(renderer: Renderer<'s>, threshold: Option<Severity>, verbosity: Verbosity) -> Self {
        Report {
            renderer,
            threshold,
            verbosity,
        }
    }

    /// Prints [`Report::render`] to standard error.
    pub fn print(&self, diagnostics: &[Diagnostic], summary: &str) {
        eprint!("{}", self.render(diagnostics, summary));
    }

    /// A line of the command's own (what was written, why nothing was), unless quiet.
    pub fn print_line(&self, line: &str) {
        if self.verbosity != Verbosity::Quiet && !line.is_empty() {
            match self.renderer.format() {
                Format::Json => eprintln!("{}", json!({"type": "outcome", "message": line})),
                _ => eprintln!("{line}"),
            }
        }
    }

    /// The selected diagnostics, then (but when quiet) the counts per code and `summary`.
    pub fn render(&self, diagnostics: &[Diagnostic], summary: &str) -> String {
        let threshold = match self.verbosity {
            Verbosity::Quiet => Severity::Error,
            _ => self.threshold.unwrap_or(Severity::Error),
        };
        let mut shown: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.severity <= threshold)
            .collect();
        let format = self.renderer.format();
        // Most serious first, so the limit keeps what matters; the sort is stable, so page
        // order stays within a severity.
        shown.sort_by_key(|d| d.severity);
        let limit = match (format, self.verbosity) {
            (Format::Human, Verbosity::Normal) => HUMAN_LIMIT,
            _ => usize::MAX,
        };
        let mut out = String::new();
        for diagnostic in shown.iter().take(limit) {
            out.push_str(&self.renderer.render(diagnostic));
            out.push('\n');
            if format == Format::Human {
                out.push('\n');
            }
        }
        if self.verbosity == Verbosity::Quiet {
            return out;
        }
        let counts = count_by_kind(diagnostics);
        match format {
            Format::Human => {
                if shown.len() > limit {
                    let _ = writeln!(
                        out,
                        "... and {} more ({} shown): -v shows them all, --format short one a line\n",
                        shown.len() - limit,
                        limit
                    );
                }
                if !counts.is_empty() {
                    out.push_str(
                        "diagnostics by code (`graph-docgen explain CODE` explains one):\n",
                    );
                    for (kind, n) in &counts {
                        let _ = writeln!(out, "{n:>7} {} {}", kind.code(), kind.as_str());
                    }
                }
                let _ = writeln!(out, "{summary}");
            }
            Format::Json => {
                let by_code: serde_json::Map<String, serde_json::Value> = counts
                    .iter()
                    .map(|(kind, n)| (kind.code().to_string(), json!(n)))
                    .collect();
                let _ = writeln!(
                    out,
                    "{}",
                    json!({"type": "summary", "message": summary, "counts": by_code})
                );
            }
            Format::Short | Format::Github => {
                let _ = writeln!(out, "{summary}");
            }
        }
        out
    }
}
