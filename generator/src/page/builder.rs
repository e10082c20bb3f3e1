//! Builds the page model from pulldown-cmark's events, collecting each block's text as it comes.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use super::collected_text::{stretch_of, CollectedText};
use super::lines::LineIndex;
use super::model::{Block, CodeBlock, FrontMatter, Heading, Link, Metadata, Page, Table, Text};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Location, Span};
use crate::lenient_json::parse_lenient_json;

/// The page `text`, whose Markdown body starts at `body_start`, built from pulldown-cmark's events.
pub(super) fn build_page<'a>(
    text: &'a str,
    path: &'a Arc<str>,
    front_matter: FrontMatter<'a>,
    body_start: usize,
) -> (Page<'a>, Vec<Diagnostic>) {
    let mut builder = PageBuilder {
        source: text,
        path,
        lines: LineIndex::new(text),
        diagnostics: Vec::new(),
        blocks: Vec::new(),
        headings: vec![(None, 0)],
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
    builder.end_section();
    let PageBuilder {
        blocks,
        headings,
        title,
        namespace,
        loose_metadata,
        diagnostics,
        ..
    } = builder;
    let page = Page {
        path: Arc::clone(path),
        front_matter,
        title,
        namespace,
        loose_metadata,
        blocks,
        headings,
    };
    (page, diagnostics)
}

/// Inline content being collected for a heading, paragraph, list item or table cell.
struct InlineText<'a> {
    text: CollectedText,
    /// Its source is an upper bound of its text (markup is dropped).
    capacity: usize,
    links: Vec<Link<'a>>,
    open_links: Vec<(usize, Cow<'a, str>)>,
    span: Span,
}

struct TableBuilder<'a> {
    span: Span,
    header: Vec<Text<'a>>,
    cells: Vec<Text<'a>>,
    row_ends: Vec<usize>,
    in_head: bool,
}

struct CodeBuilder<'a> {
    span: Span,
    info: Cow<'a, str>,
    text: CollectedText,
    capacity: usize,
}

struct HtmlBuilder {
    line: u32,
    text: CollectedText,
}

struct PageBuilder<'a> {
    /// The page's text, which event offsets and collected stretches index.
    source: &'a str,
    path: &'a Arc<str>,
    lines: LineIndex<'a>,
    diagnostics: Vec<Diagnostic>,
    blocks: Vec<Block<'a>>,
    /// As in [`Page`]; the last section's end is set when it ends.
    headings: Vec<(Option<Heading<'a>>, usize)>,
    title: Option<Heading<'a>>,
    namespace: Option<(String, u32)>,
    inline: Option<InlineText<'a>>,
    table: Option<TableBuilder<'a>>,
    code: Option<CodeBuilder<'a>>,
    html: Option<HtmlBuilder>,
    pending_metadata: Option<Metadata>,
    loose_metadata: Vec<Metadata>,
}

impl<'a> PageBuilder<'a> {
    /// `source` is the event's place in the page text.
    fn event(&mut self, event: Event<'a>, source: Range<usize>) {
        let offset = source.start;
        match event {
            Event::Start(tag) => self.start(tag, source),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                let page = self.source;
                let stretch = match &text {
                    CowStr::Borrowed(text) => stretch_of(page, text),
                    _ => None,
                };
                let target = if let Some(code) = &mut self.code {
                    Some((&mut code.text, code.capacity))
                } else {
                    self.html.as_mut().map(|html| (&mut html.text, 0))
                };
                match (target, stretch) {
                    (Some((collected, capacity)), Some(stretch)) => {
                        collected.push_stretch(page, stretch, capacity);
                    }
                    (Some((collected, capacity)), None) => {
                        collected.push_str(page, &text, capacity);
                    }
                    (None, Some(stretch)) => self.push_inline_stretch(stretch, offset),
                    (None, None) => self.push_inline(&text, offset),
                }
            }
            Event::Code(code) => {
                // As written (`` `code` ``), inline code is a stretch of the page.
                let written = &self.source[source.clone()];
                if written.len() == code.len() + 2
                    && written.starts_with('`')
                    && written.ends_with('`')
                    && written[1..written.len() - 1] == *code
                {
                    self.push_inline_stretch(source, offset);
                } else {
                    self.push_inline("`", offset);
                    self.push_inline(&code, offset);
                    self.push_inline("`", offset);
                }
            }
            Event::Html(html) => {
                let line = self.lines.line(offset);
                let page = self.source;
                let collected = &mut self
                    .html
                    .get_or_insert_with(|| HtmlBuilder {
                        line,
                        text: CollectedText::new(),
                    })
                    .text;
                match &html {
                    CowStr::Borrowed(html) => match stretch_of(page, html) {
                        Some(stretch) => collected.push_stretch(page, stretch, 0),
                        None => collected.push_str(page, html, 0),
                    },
                    html => collected.push_str(page, html, 0),
                }
            }
            Event::InlineHtml(html) => {
                // `<br>` separates lines inside a table cell; other inline tags carry no text.
                if html.trim_start_matches('<').trim_start().starts_with("br") {
                    self.push_inline(" ", offset);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if &self.source[source.clone()] == "\n" {
                    self.push_inline_stretch(source, offset);
                } else {
                    self.push_inline("\n", offset);
                }
            }
            Event::FootnoteReference(_)
            | Event::Rule
            | Event::TaskListMarker(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'a>, source: Range<usize>) {
        let offset = source.start;
        match tag {
            Tag::Heading { .. } | Tag::Paragraph | Tag::Item | Tag::TableCell => {
                self.flush_inline();
                self.inline = Some(InlineText {
                    text: CollectedText::new(),
                    capacity: source.len(),
                    links: Vec::new(),
                    open_links: Vec::new(),
                    span: self.lines.span(source),
                });
            }
            Tag::Table(_) => {
                self.flush_inline();
                self.table = Some(TableBuilder {
                    span: self.lines.span(source),
                    header: Vec::new(),
                    cells: Vec::new(),
                    row_ends: Vec::new(),
                    in_head: false,
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
                    CodeBlockKind::Fenced(info) => lowercase_trimmed(info),
                    CodeBlockKind::Indented => Cow::Borrowed(""),
                };
                self.code = Some(CodeBuilder {
                    info,
                    text: CollectedText::new(),
                    capacity: source.len(),
                    span: self.lines.span(source),
                });
            }
            Tag::HtmlBlock => {
                self.html = Some(HtmlBuilder {
                    line: self.lines.line(offset),
                    text: CollectedText::new(),
                });
            }
            Tag::Link { dest_url, .. } => {
                if let Some(inline) = &mut self.inline {
                    let target = match dest_url {
                        CowStr::Borrowed(target) => Cow::Borrowed(target),
                        target => Cow::Owned(target.into_string()),
                    };
                    inline.open_links.push((inline.text.len(), target));
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
                        text: inline.text.finish_trimmed(self.source),
                        span: inline.span,
                    };
                    if heading.level == 1 && self.title.is_none() {
                        self.title = Some(heading.clone());
                    }
                    self.flush_pending_metadata();
                    self.end_section();
                    self.headings.push((Some(heading), self.blocks.len()));
                }
            }
            TagEnd::Paragraph | TagEnd::Item => self.flush_inline(),
            TagEnd::TableCell => {
                let source = self.source;
                let cell = self
                    .inline
                    .take()
                    .map(|inline| finish_inline(inline, source))
                    .unwrap_or_default();
                if let Some(table) = &mut self.table {
                    if table.in_head {
                        table.header.push(cell);
                    } else {
                        table.cells.push(cell);
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
                    table.row_ends.push(table.cells.len());
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.push_block(Block::Table(Table {
                        span: table.span,
                        header: table.header,
                        cells: table.cells,
                        row_ends: table.row_ends,
                    }));
                }
            }
            TagEnd::CodeBlock => {
                if let Some(code) = self.code.take() {
                    let metadata = self.pending_metadata.take();
                    self.push_block(Block::Code(CodeBlock {
                        span: code.span,
                        info: code.info,
                        text: code.text.finish(self.source),
                        metadata,
                    }));
                }
            }
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html.take() {
                    let text = html.text.finish(self.source);
                    self.html_block(html.line, &text);
                }
            }
            TagEnd::Link => {
                if let Some(inline) = &mut self.inline {
                    if let Some((start, target)) = inline.open_links.pop() {
                        let text = inline.text.trimmed_from(self.source, start);
                        inline.links.push(Link { text, target });
                    }
                }
            }
            _ => {}
        }
    }

    /// The inline text being collected, begun at `offset` if there is none.
    fn inline_at(&mut self, offset: usize) -> &mut InlineText<'a> {
        let lines = &self.lines;
        // Text outside any block we track (e.g. inside a definition list): keep it as text.
        self.inline.get_or_insert_with(|| InlineText {
            text: CollectedText::new(),
            capacity: 0,
            links: Vec::new(),
            open_links: Vec::new(),
            span: lines.span(offset..offset),
        })
    }

    fn push_inline(&mut self, text: &str, offset: usize) {
        let source = self.source;
        let inline = self.inline_at(offset);
        inline.text.push_str(source, text, inline.capacity);
    }

    fn push_inline_stretch(&mut self, stretch: Range<usize>, offset: usize) {
        let source = self.source;
        let inline = self.inline_at(offset);
        inline.text.push_stretch(source, stretch, inline.capacity);
    }

    fn flush_inline(&mut self) {
        let Some(inline) = self.inline.take() else {
            return;
        };
        let text = finish_inline(inline, self.source);
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
                    self.namespace = Some((namespace, text.span.line));
                }
            }
        }
        self.push_block(Block::Text(text));
    }

    fn push_block(&mut self, block: Block<'a>) {
        self.blocks.push(block);
    }

    /// The blocks so far belong to the last section.
    fn end_section(&mut self) {
        if let Some((_, end)) = self.headings.last_mut() {
            *end = self.blocks.len();
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
                    span: Span::line(json_line),
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

fn finish_inline<'a>(inline: InlineText<'a>, source: &'a str) -> Text<'a> {
    Text {
        span: inline.span,
        text: inline.text.finish_trimmed(source),
        links: inline.links,
    }
}

/// A code block's info string, trimmed and lower-cased; borrowed when it already is lower-case.
fn lowercase_trimmed(info: CowStr<'_>) -> Cow<'_, str> {
    match info {
        CowStr::Borrowed(info) if !info.bytes().any(|b| b.is_ascii_uppercase()) => {
            Cow::Borrowed(info.trim())
        }
        info => Cow::Owned(info.trim().to_ascii_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use crate::diagnostic::DiagnosticKind;
    use crate::page::tests::source;
    use crate::page::{parse_page, Block};

    #[test]
    fn inline_code_and_line_breaks_stay_borrowed_when_written_plainly() {
        let source = source("Values: `a`, `b`\nand `c`.\n\n```json\n{\n  \"a\": 1\n}\n```\n");
        let (page, _) = parse_page(&source);
        let section = page.sections().next().expect("a section");
        let Block::Text(text) = &section.blocks[0] else {
            panic!("expected text, got {:?}", section.blocks);
        };
        assert!(matches!(
            text.text,
            Cow::Borrowed("Values: `a`, `b`\nand `c`.")
        ));
        let code = page.code_blocks().next().expect("a code block");
        assert!(matches!(code.text, Cow::Borrowed("{\n  \"a\": 1\n}\n")));
    }

    #[test]
    fn metadata_comment_attaches_to_the_next_code_block() {
        let text = "# t\nSome text.\n<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"x\",\n} -->\n```http\nPOST /x\n```\n";
        let source = source(text);
        let (page, diagnostics) = parse_page(&source);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let code = page.code_blocks().next().expect("a code block");
        let metadata = code.metadata.as_ref().expect("metadata");
        assert_eq!(metadata.block_type(), Some("request"));
        assert_eq!(metadata.span.line, 3);
        assert_eq!(code.span.line, 7);
        assert_eq!(code.info, "http");
    }

    #[test]
    fn malformed_metadata_is_reported() {
        let source = source("<!-- { \"blockType\": \"resource\" \"x\" } -->\n```json\n{}\n```\n");
        let (_, diagnostics) = parse_page(&source);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].kind, DiagnosticKind::Malformed);
        assert_eq!(diagnostics[0].location.as_ref().map(|l| l.line), Some(1));
    }
}
