//! Tables whose rows have another number of cells than the header (as written: the parser
//! pads or drops cells, so the page's lines are counted), and Type cells left empty.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Location, Span};
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
        let type_column = table.column(&["type"]);
        for row in table.rows() {
            let Some(first) = row.first() else {
                continue;
            };
            let Some(written) = line(first.span.line) else {
                continue;
            };
            let cells = cells_written(written);
            if cells != header {
                diagnostics.push(
                    Diagnostic::warning(
                        DiagnosticKind::RaggedTable,
                        Location::at(&page.path, Span::line(first.span.line)),
                        format!("table row has {cells} cells, its header {header}"),
                    )
                    .with_related(
                        Location::at(&page.path, Span::line(table.span.line)),
                        "the header",
                    )
                    .with_help(
                        "escape a `|` inside a cell as `\\|`; give the row one cell per column",
                    ),
                );
                continue;
            }
            if let Some(cell) = type_column.and_then(|column| row.get(column)) {
                if cell.text.trim().is_empty() && !row[0].text.trim().is_empty() {
                    diagnostics.push(
                        Diagnostic::warning(
                            DiagnosticKind::RaggedTable,
                            Location::at(&page.path, Span::line(first.span.line)),
                            format!("`{}` has an empty Type cell", row[0].text.trim()),
                        )
                        .with_help("write the property's type: a primitive such as `String`, or a link to its type's page"),
                    );
                }
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
