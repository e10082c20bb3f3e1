//! Stage 2: one doc page as a typed model with line numbers.
//!
//! pulldown-cmark does the Markdown; this module keeps what later stages read: front matter,
//! the title, the `Namespace:` line, and sections (by heading) holding text blocks, tables and
//! code blocks. A `<!-- { ... } -->` metadata comment is attached to the code block it precedes.

use std::cell::Cell;
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Location};
use crate::read::SourceText;

#[derive(Debug, Clone)]
pub struct Page {
    pub path: Arc<str>,
    pub front_matter: FrontMatter,
    /// The first level-1 heading.
    pub title: Option<Heading>,
    /// The `Namespace: x.y` line, if the page has one.
    pub namespace: Option<(String, u32)>,
    /// Everything before the first heading is a section without a heading.
    pub sections: Vec<Section>,
    /// Metadata comments that precede no code block (e.g. a resource comment before prose).
    pub loose_metadata: Vec<Metadata>,
}

impl Page {
    pub fn location(&self, line: u32) -> Location {
        Location::new(&self.path, line)
    }

    pub fn code_blocks(&self) -> impl Iterator<Item = (&Section, &CodeBlock)> {
        self.sections.iter().flat_map(|section| {
            section.blocks.iter().filter_map(move |block| match block {
                Block::Code(code) => Some((section, code)),
                _ => None,
            })
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    pub entries: Vec<(String, String)>,
}

impl FrontMatter {
    /// The value of `key` (case-insensitive), quotes and spaces removed.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub line: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Section {
    pub heading: Option<Heading>,
    pub blocks: Vec<Block>,
}

impl Section {
    pub fn title(&self) -> &str {
        self.heading.as_ref().map_or("", |h| h.text.as_str())
    }
}

#[derive(Debug, Clone)]
pub enum Block {
    Text(Text),
    Table(Table),
    Code(CodeBlock),
}

/// Inline text with its links. Inline code keeps its backticks; line breaks are `\n`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Text {
    pub line: u32,
    pub text: String,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub text: String,
    pub target: String,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub line: u32,
    pub header: Vec<Text>,
    pub rows: Vec<Vec<Text>>,
}

impl Table {
    /// Index of the first header cell whose text, lower-cased, is one of `names`.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.header.iter().position(|cell| {
            let header = cell
                .text
                .trim()
                .trim_matches('*')
                .trim()
                .to_ascii_lowercase();
            names.contains(&header.as_str())
        })
    }
}

#[derive(Debug, Clone)]
pub struct CodeBlock {
    /// Line of the opening fence.
    pub line: u32,
    /// The info string (`json`, `http`, ...), lower-cased.
    pub info: String,
    pub text: String,
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
}

/// Parses one page. Problems (malformed front matter or metadata) become diagnostics.
pub fn parse_page(source: &SourceText) -> (Page, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    let lines = LineIndex::new(text);
    let (front_matter, body_start) = parse_front_matter(text);
    let mut builder = PageBuilder {
        path: &source.path,
        lines: &lines,
        diagnostics: &mut diagnostics,
        sections: vec![Section::default()],
        title: None,
        namespace: None,
        inline: None,
        table: None,
        code: None,
        html: None,
        pending_metadata: None,
        loose_metadata: Vec::new(),
    };
    let options = Options::ENABLE_TABLES;
    for (event, range) in Parser::new_ext(&text[body_start..], options).into_offset_iter() {
        builder.event(event, body_start + range.start..body_start + range.end);
    }
    builder.flush_pending_metadata();
    let PageBuilder {
        sections,
        title,
        namespace,
        loose_metadata,
        ..
    } = builder;
    let page = Page {
        path: Arc::clone(&source.path),
        front_matter,
        title,
        namespace,
        sections,
        loose_metadata,
    };
    (page, diagnostics)
}

/// Byte offset -> 1-based line number. Markdown events come in (nearly) increasing offset
/// order, so each lookup counts only the newlines between the previous offset and this one: one
/// pass over the page in all, instead of indexing every line of it first.
struct LineIndex<'t> {
    text: &'t [u8],
    /// The last offset looked up, and its line.
    last: Cell<(usize, u32)>,
}

impl<'t> LineIndex<'t> {
    fn new(text: &'t str) -> Self {
        LineIndex {
            text: text.as_bytes(),
            last: Cell::new((0, 1)),
        }
    }

    fn line(&self, offset: usize) -> u32 {
        let offset = offset.min(self.text.len());
        let (last_offset, last_line) = self.last.get();
        let newlines = |from: usize, to: usize| count_newlines(&self.text[from..to]);
        let line = if offset >= last_offset {
            last_line + newlines(last_offset, offset)
        } else {
            last_line - newlines(offset, last_offset)
        };
        self.last.set((offset, line));
        line
    }
}

/// The newlines in `bytes`, tallied in blocks of at most 255 bytes in a byte-sized counter: a
/// form the compiler turns into vector compares. Counted a byte at a time, this pass over every
/// page cost as much as a tenth of the Markdown parse.
fn count_newlines(bytes: &[u8]) -> u32 {
    bytes
        .chunks(255)
        .map(|block| {
            let in_block = block
                .iter()
                .fold(0u8, |count, &byte| count + u8::from(byte == b'\n'));
            u32::from(in_block)
        })
        .sum()
}

/// Front matter between `---` lines at the very top. Tolerant: quoted or unquoted values,
/// stray spaces, lines that are not `key: value` are skipped. Returns where the body starts.
fn parse_front_matter(text: &str) -> (FrontMatter, usize) {
    let mut front_matter = FrontMatter::default();
    let Some(rest) = text.strip_prefix("---") else {
        return (front_matter, 0);
    };
    let Some(first_newline) = rest.find('\n') else {
        return (front_matter, 0);
    };
    if !rest[..first_newline].trim().is_empty() {
        return (front_matter, 0);
    }
    let mut offset = 3 + first_newline + 1;
    for line in text[offset..].split_inclusive('\n') {
        offset += line.len();
        let trimmed = line.trim();
        if trimmed == "---" || trimmed == "..." {
            return (front_matter, offset);
        }
        if let Some((key, value)) = trimmed.split_once(':') {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
            front_matter
                .entries
                .push((key.trim().to_string(), value.to_string()));
        }
    }
    // No closing line: this was not front matter after all.
    (FrontMatter::default(), 0)
}

/// Inline content being collected for a heading, paragraph, list item or table cell.
struct InlineText {
    text: String,
    links: Vec<Link>,
    open_links: Vec<(usize, String)>,
    line: u32,
}

struct TableBuilder {
    line: u32,
    header: Vec<Text>,
    rows: Vec<Vec<Text>>,
    in_head: bool,
    row: Vec<Text>,
}

struct CodeBuilder {
    line: u32,
    info: String,
    text: String,
}

struct PageBuilder<'a> {
    path: &'a Arc<str>,
    lines: &'a LineIndex<'a>,
    diagnostics: &'a mut Vec<Diagnostic>,
    sections: Vec<Section>,
    title: Option<Heading>,
    namespace: Option<(String, u32)>,
    inline: Option<InlineText>,
    table: Option<TableBuilder>,
    code: Option<CodeBuilder>,
    html: Option<(u32, String)>,
    pending_metadata: Option<Metadata>,
    loose_metadata: Vec<Metadata>,
}

impl PageBuilder<'_> {
    /// `source` is the event's place in the page text.
    fn event(&mut self, event: Event<'_>, source: Range<usize>) {
        let offset = source.start;
        match event {
            Event::Start(tag) => self.start(tag, source),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some(code) = &mut self.code {
                    code.text.push_str(&text);
                } else if let Some(html) = &mut self.html {
                    html.1.push_str(&text);
                } else {
                    self.push_inline(&text, offset);
                }
            }
            Event::Code(code) => {
                self.push_inline("`", offset);
                self.push_inline(&code, offset);
                self.push_inline("`", offset);
            }
            Event::Html(html) => {
                let line = self.lines.line(offset);
                self.html
                    .get_or_insert_with(|| (line, String::new()))
                    .1
                    .push_str(&html);
            }
            Event::InlineHtml(html) => {
                // `<br>` separates lines inside a table cell; other inline tags carry no text.
                if html.trim_start_matches('<').trim_start().starts_with("br") {
                    self.push_inline(" ", offset);
                }
            }
            Event::SoftBreak | Event::HardBreak => self.push_inline("\n", offset),
            Event::FootnoteReference(_)
            | Event::Rule
            | Event::TaskListMarker(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, source: Range<usize>) {
        let offset = source.start;
        // Looked up only for the blocks that keep a line: most tags are inline.
        let lines = self.lines;
        let line = || lines.line(offset);
        match tag {
            Tag::Heading { .. } | Tag::Paragraph | Tag::Item | Tag::TableCell => {
                self.flush_inline();
                self.inline = Some(InlineText {
                    // Its source is an upper bound (markup is dropped): one allocation, not a
                    // regrowth per piece of text.
                    text: String::with_capacity(source.len()),
                    links: Vec::new(),
                    open_links: Vec::new(),
                    line: line(),
                });
            }
            Tag::Table(_) => {
                self.flush_inline();
                self.table = Some(TableBuilder {
                    line: line(),
                    header: Vec::new(),
                    rows: Vec::new(),
                    in_head: false,
                    row: Vec::new(),
                });
            }
            Tag::TableHead => {
                if let Some(table) = &mut self.table {
                    table.in_head = true;
                }
            }
            Tag::CodeBlock(kind) => {
                self.flush_inline();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_ascii_lowercase(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some(CodeBuilder {
                    line: line(),
                    info,
                    text: String::new(),
                });
            }
            Tag::HtmlBlock => {
                self.html = Some((line(), String::new()));
            }
            Tag::Link { dest_url, .. } => {
                if let Some(inline) = &mut self.inline {
                    inline
                        .open_links
                        .push((inline.text.len(), dest_url.into_string()));
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(level) => {
                if let Some(inline) = self.inline.take() {
                    let heading = Heading {
                        level: level as u8,
                        text: trimmed(inline.text),
                        line: inline.line,
                    };
                    if heading.level == 1 && self.title.is_none() {
                        self.title = Some(heading.clone());
                    }
                    self.flush_pending_metadata();
                    self.sections.push(Section {
                        heading: Some(heading),
                        blocks: Vec::new(),
                    });
                }
            }
            TagEnd::Paragraph | TagEnd::Item => self.flush_inline(),
            TagEnd::TableCell => {
                let cell = self.inline.take().map(finish_inline).unwrap_or_default();
                if let Some(table) = &mut self.table {
                    if table.in_head {
                        table.header.push(cell);
                    } else {
                        table.row.push(cell);
                    }
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.in_head = false;
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.push_block(Block::Table(Table {
                        line: table.line,
                        header: table.header,
                        rows: table.rows,
                    }));
                }
            }
            TagEnd::CodeBlock => {
                if let Some(code) = self.code.take() {
                    let metadata = self.pending_metadata.take();
                    self.push_block(Block::Code(CodeBlock {
                        line: code.line,
                        info: code.info,
                        text: code.text,
                        metadata,
                    }));
                }
            }
            TagEnd::HtmlBlock => {
                if let Some((line, html)) = self.html.take() {
                    self.html_block(line, &html);
                }
            }
            TagEnd::Link => {
                if let Some(inline) = &mut self.inline {
                    if let Some((start, target)) = inline.open_links.pop() {
                        let text = inline.text[start..].trim().to_string();
                        inline.links.push(Link { text, target });
                    }
                }
            }
            _ => {}
        }
    }

    fn push_inline(&mut self, text: &str, offset: usize) {
        if self.inline.is_none() {
            // Text outside any block we track (e.g. inside a definition list): keep it as text.
            self.inline = Some(InlineText {
                text: String::new(),
                links: Vec::new(),
                open_links: Vec::new(),
                line: self.lines.line(offset),
            });
        }
        if let Some(inline) = &mut self.inline {
            inline.text.push_str(text);
        }
    }

    fn flush_inline(&mut self) {
        let Some(inline) = self.inline.take() else {
            return;
        };
        let text = finish_inline(inline);
        if text.text.is_empty() {
            return;
        }
        if self.namespace.is_none() {
            if let Some(rest) = text.text.trim_start().strip_prefix("Namespace:") {
                let namespace = rest
                    .lines()
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_matches('`')
                    .trim()
                    .to_string();
                if !namespace.is_empty() {
                    self.namespace = Some((namespace, text.line));
                }
            }
        }
        self.push_block(Block::Text(text));
    }

    fn push_block(&mut self, block: Block) {
        if let Some(section) = self.sections.last_mut() {
            section.blocks.push(block);
        }
    }

    /// A metadata comment waits for the next code block; a new comment or heading ends the wait.
    fn html_block(&mut self, line: u32, html: &str) {
        let trimmed = html.trim();
        let Some(inner) = trimmed.strip_prefix("<!--") else {
            return;
        };
        let inner = inner.trim_end().trim_end_matches("-->").trim();
        if !inner.starts_with('{') {
            return;
        }
        let json_line = line
            + (trimmed
                .find('{')
                .map_or(0, |i| trimmed[..i].matches('\n').count()) as u32);
        match parse_lenient_json(inner) {
            Ok(value) => {
                self.flush_pending_metadata();
                self.pending_metadata = Some(Metadata {
                    line: json_line,
                    value,
                });
            }
            Err(error) => {
                if inner.contains("blockType") {
                    self.diagnostics.push(Diagnostic::warning(
                        DiagnosticKind::Malformed,
                        Location::new(self.path, json_line),
                        format!("metadata comment is not valid JSON ({error}); expected a JSON object such as {{\"blockType\": \"resource\"}}"),
                    ));
                }
            }
        }
    }

    fn flush_pending_metadata(&mut self) {
        if let Some(metadata) = self.pending_metadata.take() {
            self.loose_metadata.push(metadata);
        }
    }
}

fn finish_inline(inline: InlineText) -> Text {
    Text {
        line: inline.line,
        text: trimmed(inline.text),
        links: inline.links,
    }
}

/// `text` without leading and trailing white space, in the same buffer: most text is kept,
/// and a copy per paragraph and cell adds up over a corpus.
fn trimmed(mut text: String) -> String {
    text.truncate(text.trim_end().len());
    let leading = text.len() - text.trim_start().len();
    text.drain(..leading);
    text
}

/// JSON as doc writers type it: trailing commas are forgiven.
pub fn parse_lenient_json(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str(text).or_else(|error| {
        let cleaned = strip_trailing_commas(text);
        serde_json::from_str(&cleaned).map_err(|_| error)
    })
}

/// Removes commas that are followed (after white space) by `}` or `]`, outside strings.
fn strip_trailing_commas(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if c == '"' {
            in_string = true;
        } else if c == ',' {
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if matches!(next, Some('}') | Some(']') | None) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> (Page, Vec<Diagnostic>) {
        parse_page(&SourceText {
            path: Arc::from("resources/x.md"),
            text: text.to_string(),
            lossy: false,
        })
    }

    #[test]
    fn line_lookups_in_any_order_count_the_newlines_before_the_offset() {
        let text = "a\nbb\n\nccc\n";
        let lines = LineIndex::new(text);
        let expected = |offset: usize| 1 + text[..offset].matches('\n').count() as u32;
        // Forward, backward, repeated and past the end (clamped to the text).
        for offset in [0, 1, 2, 5, 6, 7, 3, 0, 11, 11, 4, 8, 20] {
            let want = expected(offset.min(text.len()));
            assert_eq!(lines.line(offset), want, "offset {offset}");
        }
    }

    #[test]
    fn front_matter_is_tolerant() {
        let (page, _) =
            page("---\ntitle: \"A title\" \ndoc_type:  resourcePageType\nms.prod: 'x'\n---\n# T\n");
        assert_eq!(page.front_matter.get("title"), Some("A title"));
        assert_eq!(page.front_matter.get("DOC_TYPE"), Some("resourcePageType"));
        assert_eq!(page.front_matter.get("ms.prod"), Some("x"));
        assert_eq!(page.title.as_ref().map(|t| t.line), Some(6));
    }

    #[test]
    fn tables_keep_cells_links_and_lines() {
        let text = "# t\nNamespace: microsoft.graph.callRecords\n\n## Properties\n\n|Property|Type|Description|\n|:--|:--|:--|\n|a|[resultInfo](../resources/resultInfo.md)|x \\| y `v`|\n|b|String||\n";
        let (page, _) = page(text);
        assert_eq!(
            page.namespace,
            Some(("microsoft.graph.callRecords".to_string(), 2))
        );
        let section = &page.sections[2];
        assert_eq!(section.title(), "Properties");
        let Block::Table(table) = &section.blocks[0] else {
            panic!("expected a table, got {:?}", section.blocks);
        };
        assert_eq!(table.line, 6);
        assert_eq!(table.column(&["type"]), Some(1));
        assert_eq!(table.rows.len(), 2);
        assert_eq!(
            table.rows[0][1].links[0].target,
            "../resources/resultInfo.md"
        );
        assert_eq!(table.rows[0][1].links[0].text, "resultInfo");
        assert_eq!(table.rows[0][2].text, "x | y `v`");
        assert_eq!(table.rows[1][0].line, 9);
    }

    #[test]
    fn metadata_comment_attaches_to_the_next_code_block() {
        let text = "# t\nSome text.\n<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"x\",\n} -->\n```http\nPOST /x\n```\n";
        let (page, diagnostics) = page(text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let (_, code) = page.code_blocks().next().expect("a code block");
        let metadata = code.metadata.as_ref().expect("metadata");
        assert_eq!(metadata.block_type(), Some("request"));
        assert_eq!(metadata.line, 3);
        assert_eq!(code.line, 7);
        assert_eq!(code.info, "http");
    }

    #[test]
    fn malformed_metadata_is_reported() {
        let (_, diagnostics) =
            page("<!-- { \"blockType\": \"resource\" \"x\" } -->\n```json\n{}\n```\n");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].kind, DiagnosticKind::Malformed);
        assert_eq!(diagnostics[0].location.as_ref().map(|l| l.line), Some(1));
    }
}
