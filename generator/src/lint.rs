//! `graph-docgen lint`: what the pages get wrong, for the people who write them, from what the
//! generator already knows. Every diagnostic of reading and merging the pages (JSON that does
//! not parse, type links that resolve to nothing, a property typed differently on two pages,
//! inheritance stated differently) is a finding; to them the lint adds what only a writer
//! cares about, each check a module: template placeholders (`placeholders.rs`), ragged tables
//! and empty type cells (`tables.rs`), links to pages or anchors that do not exist
//! (`links.rs`), enum values spelled otherwise than the enum's members (`enum_spelling.rs`),
//! and examples that do not fit the schema (`examples.rs`). The page checks run on each page
//! model as it is parsed, so every page is still parsed once.

mod enum_spelling;
mod examples;
mod links;
mod placeholders;
mod tables;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Sources, Span};
use crate::read::PageSelection;

/// What the lint found.
#[derive(Debug)]
pub struct LintReport {
    /// Sorted by place.
    pub diagnostics: Vec<Diagnostic>,
    /// The text of the pages the findings point at.
    pub sources: Sources,
    /// The run's one-line summary.
    pub summary: String,
}

/// What the lint reads of one page while it is parsed.
struct PageLint {
    diagnostics: Vec<Diagnostic>,
    links: links::PageLinks,
}

/// Lints the selected pages.
pub fn lint_docs(selection: &PageSelection, config: &Config) -> Result<LintReport, Diagnostic> {
    let (mut docs, pages) = crate::load_docs_inspecting(selection, config, |page, text| {
        let mut diagnostics = Vec::new();
        placeholders::check_page(page, text, &mut diagnostics);
        tables::check_page(page, text, &mut diagnostics);
        PageLint {
            diagnostics,
            links: links::PageLinks::read(page, text),
        }
    })?;
    let mut diagnostics = std::mem::take(&mut docs.diagnostics);
    let mut page_links = Vec::new();
    for page in pages.into_iter().flatten() {
        diagnostics.extend(page.diagnostics);
        page_links.push(page.links);
    }
    links::check_links(&page_links, &mut diagnostics);
    enum_spelling::check_schema(&docs.schema, &mut diagnostics);
    examples::check_examples(&docs.schema, &docs.examples, &mut diagnostics);
    diagnostics.sort();
    docs.sources
        .retain_shown(&diagnostics, |file| crate::read_text(selection, file));
    let pages = docs.pages_read;
    docs.diagnostics = diagnostics;
    let summary = docs.summary().replacen(
        &format!("{pages} pages read"),
        &format!("lint: {pages} pages read"),
        1,
    );
    Ok(LintReport {
        diagnostics: docs.diagnostics,
        sources: docs.sources,
        summary,
    })
}

/// Where `needle` is on the lines of `text` that `span` starts and the `lines` after it: its
/// exact span (in bytes, as spans are) on the first line that holds it, at or after the span's
/// column on its own line; else `span`.
fn locate(text: &str, span: Span, lines: usize, needle: &str) -> Span {
    let Some(first) = usize::try_from(span.line)
        .ok()
        .and_then(|l| l.checked_sub(1))
    else {
        return span;
    };
    for (index, line) in text.split('\n').skip(first).take(lines + 1).enumerate() {
        let from = if index == 0 {
            span.column.saturating_sub(1) as usize
        } else {
            0
        };
        if let Some(at) = line.get(from..).and_then(|rest| rest.find(needle)) {
            return Span {
                line: span.line + index as u32,
                column: (from + at + 1) as u32,
                width: needle.len() as u32,
            };
        }
    }
    span
}
