//! The page model the later stages read: a page's front matter, title, namespace, and its
//! sections of text blocks, tables and code blocks, each with its span (line and columns), borrowing the page's
//! text. The builder (`builder.rs`) makes it; nothing here reads Markdown.

use std::borrow::Cow;
use std::sync::Arc;

use serde_json::Value;

use crate::diagnostic::{Location, Span};
use crate::doc_text::starts_with_ignore_ascii_case;

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
    pub(super) blocks: Vec<Block<'a>>,
    /// The sections' headings, each with where its blocks end in `blocks`.
    pub(super) headings: Vec<(Option<Heading<'a>>, usize)>,
}

impl<'a> Page<'a> {
    /// A whole line of the page.
    pub fn location(&self, line: u32) -> Location {
        Location::new(&self.path, line)
    }

    /// A span of the page (a block's, a cell's).
    pub fn location_of(&self, span: Span) -> Location {
        Location::at(&self.path, span)
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
    pub span: Span,
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
    pub span: Span,
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
    pub span: Span,
    pub header: Vec<Text<'a>>,
    /// The body's cells, row after row: one allocation for the table rather than one per row.
    pub(super) cells: Vec<Text<'a>>,
    /// Where each row ends in `cells`.
    pub(super) row_ends: Vec<usize>,
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
    /// The opening fence (its line starts the block).
    pub span: Span,
    /// The info string (`json`, `http`, ...), lower-cased.
    pub info: Cow<'a, str>,
    pub text: Cow<'a, str>,
    pub metadata: Option<Metadata>,
}

/// A `<!-- { "blockType": ... } -->` comment.
#[derive(Debug, Clone)]
pub struct Metadata {
    /// The line of the comment's `{`.
    pub span: Span,
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
