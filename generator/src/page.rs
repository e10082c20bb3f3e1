//! Stage 2: one doc page as a typed model with line numbers.
//!
//! pulldown-cmark does the Markdown; this module keeps what later stages read: front matter,
//! the title, the `Namespace:` line, and sections (by heading) holding text blocks, tables and
//! code blocks. A `<!-- { ... } -->` metadata comment is attached to the code block it precedes.
//!
//! The model borrows the page's text: a heading, cell, paragraph, link or code block that is one
//! stretch of the page is a slice of it, and only text pieced together from several places (an
//! escaped character, markup in between) is a copy. Most text is one stretch, and copying every
//! piece of every page was the largest cost of this stage after Markdown parsing itself.
//!
//! Here is the stage's entry, [`parse_page`]; the model is in `model.rs`, `front_matter.rs` reads the front matter and
//! `builder.rs` the Markdown body, event by event, collecting text as a stretch or a copy
//! (`collected_text.rs`) and looking up line numbers (`lines.rs`).

mod builder;
mod collected_text;
mod front_matter;
mod lines;
mod model;

use crate::diagnostic::Diagnostic;
use crate::read::SourceText;
use builder::build_page;
use front_matter::parse_front_matter;
pub use model::{
    Block, CodeBlock, FrontMatter, Heading, Link, Metadata, Page, Section, Table, Text,
};

/// Parses one page. Problems (malformed front matter or metadata) become diagnostics.
pub fn parse_page(source: &SourceText) -> (Page<'_>, Vec<Diagnostic>) {
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    let (front_matter, body_start) = parse_front_matter(text);
    build_page(text, &source.path, front_matter, body_start)
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::sync::Arc;

    use super::*;

    /// A page as read from `resources/x.md`, for the tests that parse Markdown.
    pub(super) fn source(text: &str) -> SourceText {
        SourceText {
            path: Arc::from("resources/x.md"),
            text: text.to_string(),
            lossy: false,
        }
    }

    #[test]
    fn tables_keep_cells_links_and_lines() {
        let text = "# t\nNamespace: microsoft.graph.callRecords\n\n## Properties\n\n|Property|Type|Description|\n|:--|:--|:--|\n|a|[resultInfo](../resources/resultInfo.md)|x \\| y `v`|\n|b|String||\n";
        let source = source(text);
        let (page, _) = parse_page(&source);
        assert_eq!(
            page.namespace,
            Some(("microsoft.graph.callRecords".to_string(), 2))
        );
        let section = page.sections().nth(2).expect("a third section");
        assert_eq!(section.title(), "Properties");
        let Block::Table(table) = &section.blocks[0] else {
            panic!("expected a table, got {:?}", section.blocks);
        };
        assert_eq!(table.span.line, 6);
        assert_eq!(table.column(&["type"]), Some(1));
        assert_eq!(table.rows().len(), 2);
        assert_eq!(
            table.row(0)[1].links[0].target,
            "../resources/resultInfo.md"
        );
        assert_eq!(table.row(0)[1].links[0].text, "resultInfo");
        assert_eq!(table.row(0)[2].text, "x | y `v`");
        assert_eq!(table.row(1)[0].span.line, 9);
        // A cell's span is its text between the pipes, on its line.
        assert_eq!(
            table.row(1)[1].span,
            crate::diagnostic::Span {
                line: 9,
                column: 4,
                width: 6
            }
        );
        // One stretch of the page is borrowed; text pieced together around an escape is a copy.
        assert!(matches!(table.row(1)[1].text, Cow::Borrowed("String")));
        assert!(matches!(table.row(0)[1].links[0].text, Cow::Borrowed(_)));
        assert!(matches!(table.row(0)[2].text, Cow::Owned(_)));
    }
}
