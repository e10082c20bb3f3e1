//! Tables whose rows have another number of cells than the header (as written: the parser
//! pads or drops cells, so the page's lines are counted). A row with more cells loses them (a
//! warning); one with fewer shows them empty (a note). An empty Type cell is the facts stage's
//! `unreadable-type`.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Location, Severity, Span};
use crate::page::{Block, Page};

pub(super) fn check_page(page: &Page, text: &str, diagnostics: &mut Vec<Diagnostic>) {
    let lines: Vec<&str> = text.split('\n').collect();
    let line = |number: u32| lines.get(number.saturating_sub(1) as usize).copied();
    for block in page.blocks() {
        let Block::Table(table) = block else {
            continue;
        };
        let Some(header) = line(table.span.line).map(cells_written) else {
            continue;
        };
        for row in table.rows() {
            let Some(first) = row.first() else {
                continue;
            };
            let Some(written) = line(first.span.line) else {
                continue;
            };
            let cells = cells_written(written);
            if cells != header {
                // Cells past the header's are dropped when the page is shown; missing ones
                // are shown empty, which a group row (`|**Onboarding**|`) may mean.
                let (severity, what) = if cells > header {
                    (
                        Severity::Warning,
                        "the cells past the header's are not shown",
                    )
                } else {
                    (Severity::Note, "the missing cells are shown empty")
                };
                diagnostics.push(
                    Diagnostic::new(
                        severity,
                        DiagnosticKind::RaggedTable,
                        Some(Location::at(&page.path, Span::line(first.span.line))),
                        format!("table row has {cells} cells, its header {header}: {what}"),
                    )
                    .with_related(
                        Location::at(&page.path, Span::line(table.span.line)),
                        "the header",
                    )
                    .with_help(
                        "escape a `|` inside a cell as `\\|`; give the row one cell per column",
                    ),
                );
            }
        }
    }
}

/// The cells of a table line as written: its unescaped `|`s split it, the outer ones
/// optional (GitHub's rule, which splits inside code spans too).
fn cells_written(line: &str) -> usize {
    let line = line.trim();
    let mut pipes = 0;
    let mut escaped = false;
    for byte in line.bytes() {
        match byte {
            b'\\' => escaped = !escaped,
            b'|' if !escaped => pipes += 1,
            _ => escaped = false,
        }
        if byte == b'|' {
            escaped = false;
        }
    }
    let leading = usize::from(line.starts_with('|'));
    let trailing = usize::from(line.len() > 1 && line.ends_with('|') && !line.ends_with("\\|"));
    pipes + 1 - leading - trailing
}

#[cfg(test)]
mod tests {
    use super::cells_written;

    #[test]
    fn cells_are_split_by_unescaped_pipes_with_optional_outer_pipes() {
        assert_eq!(cells_written("|a|b|c|"), 3);
        assert_eq!(cells_written("a|b|c"), 3);
        assert_eq!(cells_written("| a | b \\| c |"), 2);
        assert_eq!(cells_written("|a|`x|y`|"), 3);
        assert_eq!(cells_written("|a||"), 2);
    }
}
