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
//! Here are the model and its entry, [`parse_page`]; `front_matter.rs` reads the front matter and
//! `builder.rs` the Markdown body, event by event, collecting text as a stretch or a copy
//! (`collected_text.rs`) and looking up line numbers (`lines.rs`).

mod builder;
mod collected_text;
mod front_matter;
mod lines;

use std::borrow::Cow;
use std::sync::Arc;

use serde_json::Value;

use crate::diagnostic::{Diagnostic, Location};
use crate::doc_text::starts_with_ignore_ascii_case;
use crate::read::SourceText;
use builder::build_page;
use front_matter::parse_front_matter;

/// One page; `'a` is the page's text, which the model borrows.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    pub path: Arc<str>,
    pub front_matter: FrontMatter<'a>,
    /// The first level-1 heading.
    pub title: Option<Heading<'a>>,
    /// The `Namespace: x.y` line, if the page has one.
    pub namespace: Option<(String, u32)>,
    /// Metadata comments that precede no code block (e.g. a resource comment before prose).
    pub loose_metadata: Vec<Metadata>,
    /// Every block of the page, in order: one list for the page rather than one per section.
    blocks: Vec<Block<'a>>,
    /// The sections' headings, each with where its blocks end in `blocks`.
    headings: Vec<(Option<Heading<'a>>, usize)>,
}

impl<'a> Page<'a> {
    pub fn location(&self, line: u32) -> Location {
        Location::new(&self.path, line)
    }

    /// The sections in order; everything before the first heading is a section without one.
    pub fn sections(&self) -> impl Iterator<Item = Section<'_, 'a>> {
        let mut start = 0;
        self.headings.iter().map(move |(heading, end)| {
            let blocks = &self.blocks[start..*end];
            start = *end;
            Section {
                heading: heading.as_ref(),
                blocks,
            }
        })
    }

    /// The sections whose title starts with `prefix` (lower case), ignoring ASCII case.
    pub fn sections_titled<'p>(
        &'p self,
        prefix: &'p str,
    ) -> impl Iterator<Item = Section<'p, 'a>> + 'p {
        self.sections()
            .filter(move |section| starts_with_ignore_ascii_case(section.title(), prefix))
    }

    /// Every block of the page, in order.
    pub fn blocks(&self) -> &[Block<'a>] {
        &self.blocks
    }

    pub fn code_blocks(&self) -> impl Iterator<Item = &CodeBlock<'a>> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Code(code) => Some(code),
            _ => None,
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct FrontMatter<'a> {
    pub entries: Vec<(&'a str, &'a str)>,
}

impl FrontMatter<'_> {
    /// The value of `key` (case-insensitive), quotes and spaces removed.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| *v)
    }
}

#[derive(Debug, Clone)]
pub struct Heading<'a> {
    pub level: u8,
    pub text: Cow<'a, str>,
    pub line: u32,
}

/// A heading and the blocks under it, up to the next heading; `'p` is the page.
#[derive(Debug, Clone, Copy)]
pub struct Section<'p, 'a> {
    pub heading: Option<&'p Heading<'a>>,
    pub blocks: &'p [Block<'a>],
}

impl<'p, 'a> Section<'p, 'a> {
    pub fn title(&self) -> &'p str {
        self.heading.map_or("", |h| &h.text)
    }

    /// The section's tables, in order.
    pub fn tables(&self) -> impl Iterator<Item = &'p Table<'a>> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
    }
}

#[derive(Debug, Clone)]
pub enum Block<'a> {
    Text(Text<'a>),
    Table(Table<'a>),
    Code(CodeBlock<'a>),
}

/// Inline text with its links. Inline code keeps its backticks; line breaks are `\n`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Text<'a> {
    pub line: u32,
    pub text: Cow<'a, str>,
    pub links: Vec<Link<'a>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Link<'a> {
    pub text: Cow<'a, str>,
    pub target: Cow<'a, str>,
}

#[derive(Debug, Clone)]
pub struct Table<'a> {
    pub line: u32,
    pub header: Vec<Text<'a>>,
    /// The body's cells, row after row: one allocation for the table rather than one per row.
    cells: Vec<Text<'a>>,
    /// Where each row ends in `cells`.
    row_ends: Vec<usize>,
}

impl<'a> Table<'a> {
    /// The body rows, top to bottom.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &[Text<'a>]> {
        (0..self.row_ends.len()).map(|row| self.row(row))
    }

    /// Body row `row` (0 is the first row below the header).
    pub fn row(&self, row: usize) -> &[Text<'a>] {
        let start = if row == 0 { 0 } else { self.row_ends[row - 1] };
        &self.cells[start..self.row_ends[row]]
    }

    /// Index of the first header cell whose text, lower-cased, is one of `names` (which are
    /// lower-case).
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.header.iter().position(|cell| {
            let header = cell.text.trim().trim_matches('*').trim();
            names.iter().any(|name| header.eq_ignore_ascii_case(name))
        })
    }
}

#[derive(Debug, Clone)]
pub struct CodeBlock<'a> {
    /// Line of the opening fence.
    pub line: u32,
    /// The info string (`json`, `http`, ...), lower-cased.
    pub info: Cow<'a, str>,
    pub text: Cow<'a, str>,
    pub metadata: Option<Metadata>,
}

/// A `<!-- { "blockType": ... } -->` comment.
#[derive(Debug, Clone)]
pub struct Metadata {
    pub line: u32,
    pub value: Value,
}

impl Metadata {
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.value.get(key).and_then(Value::as_str)
    }

    pub fn block_type(&self) -> Option<&str> {
        self.get_str("blockType")
    }

    /// Whether the comment's `blockType` is `block_type` (`resource`, `response`), in any case.
    pub fn is_block_type(&self, block_type: &str) -> bool {
        self.block_type()
            .is_some_and(|t| t.eq_ignore_ascii_case(block_type))
    }
}

/// Parses one page. Problems (malformed front matter or metadata) become diagnostics.
pub fn parse_page(source: &SourceText) -> (Page<'_>, Vec<Diagnostic>) {
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    let (front_matter, body_start) = parse_front_matter(text);
    build_page(text, &source.path, front_matter, body_start)
}

#[cfg(test)]
mod tests {
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
        assert_eq!(table.line, 6);
        assert_eq!(table.column(&["type"]), Some(1));
        assert_eq!(table.rows().len(), 2);
        assert_eq!(
            table.row(0)[1].links[0].target,
            "../resources/resultInfo.md"
        );
        assert_eq!(table.row(0)[1].links[0].text, "resultInfo");
        assert_eq!(table.row(0)[2].text, "x | y `v`");
        assert_eq!(table.row(1)[0].line, 9);
        // One stretch of the page is borrowed; text pieced together around an escape is a copy.
        assert!(matches!(table.row(1)[1].text, Cow::Borrowed("String")));
        assert!(matches!(table.row(0)[1].links[0].text, Cow::Borrowed(_)));
        assert!(matches!(table.row(0)[2].text, Cow::Owned(_)));
    }
}
