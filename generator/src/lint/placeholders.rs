//! Template text left in a page: `**TODO: ...**` (in front matter, prose, cells or code) and a
//! request line `** Collection URI for x not found`, as the page templates write them.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Location, Span};
use crate::page::{Block, Page, Text};

const TODO: &str = "TODO:";

pub(super) fn check_page(page: &Page, text: &str, diagnostics: &mut Vec<Diagnostic>) {
    for (key, value) in &page.front_matter.entries {
        if let Some(at) = value.find(TODO) {
            let span = span_of(text, value, at);
            diagnostics.push(todo(page, text, span, &format!("front matter `{key}`")));
        }
    }
    for block in page.blocks() {
        match block {
            Block::Text(cell) => check_text(page, text, cell, diagnostics),
            Block::Table(table) => {
                for cell in table.header.iter().chain(table.rows().flatten()) {
                    check_text(page, text, cell, diagnostics);
                }
            }
            Block::Code(code) => {
                for (line, body) in (code.span.line + 1..).zip(code.text.lines()) {
                    let at = Span::line(line);
                    if body.contains("Collection URI") && body.contains("not found") {
                        let span = super::locate(text, at, 0, "Collection URI");
                        diagnostics.push(
                            Diagnostic::warning(
                                DiagnosticKind::Placeholder,
                                Location::at(&page.path, whole_phrase(text, span)),
                                format!(
                                    "request line is a template placeholder: `{}`",
                                    body.trim()
                                ),
                            )
                            .with_help("write the request's real path: the URL of the collection the request adds to"),
                        );
                    } else if body.contains(TODO) {
                        let span = super::locate(text, at, 0, TODO);
                        diagnostics.push(todo(page, text, span, "a code block"));
                    }
                }
            }
        }
    }
}

fn check_text(page: &Page, text: &str, cell: &Text, diagnostics: &mut Vec<Diagnostic>) {
    if cell.text.contains(TODO) {
        let lines = cell.text.matches('\n').count();
        let span = super::locate(text, cell.span, lines, TODO);
        diagnostics.push(todo(page, text, span, "the text"));
    }
}

fn todo(page: &Page, text: &str, span: Span, place: &str) -> Diagnostic {
    let span = whole_phrase(text, span);
    let phrase = phrase_at(line_of(text, span.line), span);
    Diagnostic::warning(
        DiagnosticKind::Placeholder,
        Location::at(&page.path, span),
        format!("{place} is a template placeholder: `{phrase}`"),
    )
    .with_help("replace the placeholder with the real text")
}

/// Line `line` (1-based) of `text`.
fn line_of(text: &str, line: u32) -> &str {
    text.split('\n')
        .nth(line.saturating_sub(1) as usize)
        .unwrap_or("")
}

/// The span from `span`'s start to the end of the placeholder: its closing `**`, else the
/// end of the line.
fn whole_phrase(text: &str, span: Span) -> Span {
    let line = line_of(text, span.line);
    let rest = line
        .get(span.column.saturating_sub(1) as usize..)
        .unwrap_or("");
    let end = rest.find("**").unwrap_or(rest.trim_end().len());
    Span {
        width: (rest[..end].trim_end().len() as u32).max(1),
        ..span
    }
}

/// The placeholder as the message quotes it: its first sentence, at most 60 characters.
fn phrase_at(line: &str, span: Span) -> String {
    let start = span.column.saturating_sub(1) as usize;
    let phrase = line
        .get(start..start + span.width as usize)
        .unwrap_or("")
        .to_string();
    let phrase = match phrase.find(". ") {
        Some(end) => &phrase[..=end],
        None => phrase.as_str(),
    };
    let mut quoted: String = phrase.trim().chars().take(60).collect();
    if quoted.len() < phrase.trim().len() {
        quoted.push_str("...");
    }
    quoted
}

/// Where byte `at` of `value`, a slice of `text`, is; line 1 when `value` is a copy.
fn span_of(text: &str, value: &str, at: usize) -> Span {
    let offset = (value.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|offset| offset + value.len() <= text.len());
    let Some(offset) = offset.map(|offset| offset + at) else {
        return Span::line(1);
    };
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Span {
        line: 1 + before.matches('\n').count() as u32,
        column: (offset - line_start + 1) as u32,
        width: TODO.len() as u32,
    }
}
