//! Line numbers and column spans for byte ranges of a page's text, looked up as the Markdown
//! events come.

use std::cell::Cell;
use std::ops::Range;

use crate::diagnostic::Span;

/// Byte offset -> 1-based line number. Markdown events come in (nearly) increasing offset
/// order, so each lookup counts only the newlines between the previous offset and this one: one
/// pass over the page in all, instead of indexing every line of it first.
pub(super) struct LineIndex<'t> {
    text: &'t [u8],
    /// The last offset looked up, and its line.
    last: Cell<(usize, u32)>,
    /// The last span's start and the start of its line: the next span on the same line (the
    /// next cell of a row) looks for a line break only between them.
    last_line_start: Cell<(usize, usize)>,
}

impl<'t> LineIndex<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        LineIndex {
            text: text.as_bytes(),
            last: Cell::new((0, 1)),
            last_line_start: Cell::new((0, 0)),
        }
    }

    /// Where `range` starts, and how much of its first line it covers, in bytes (a diagnostic
    /// shows them in characters, from the line it shows): this looks at the one line only.
    pub(super) fn span(&self, range: Range<usize>) -> Span {
        let end = range.end.min(self.text.len());
        let start = range.start.min(end);
        // A table cell's range holds the spaces around its text; the span is the text.
        let start = start
            + self.text[start..end]
                .iter()
                .take_while(|&&byte| byte == b' ' || byte == b'\t')
                .count();
        let line = self.line(start);
        let line_start = self.line_start(start);
        let end = memchr::memchr(b'\n', &self.text[start..end]).map_or(end, |i| start + i);
        // Trailing spaces or a carriage return are not part of what the span shows.
        let shown = self.text[start..end].trim_ascii_end();
        let bytes = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            line,
            column: bytes(start - line_start + 1),
            width: bytes(shown.len()),
        }
    }

    /// Where the line holding `offset` starts.
    fn line_start(&self, offset: usize) -> usize {
        let (last_offset, last_line_start) = self.last_line_start.get();
        let line_start = if offset >= last_offset {
            memchr::memrchr(b'\n', &self.text[last_offset..offset])
                .map_or(last_line_start, |newline| last_offset + newline + 1)
        } else {
            memchr::memrchr(b'\n', &self.text[..offset]).map_or(0, |i| i + 1)
        };
        self.last_line_start.set((offset, line_start));
        line_start
    }

    pub(super) fn line(&self, offset: usize) -> u32 {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn spans_count_columns_in_bytes_and_stop_at_the_line_end() {
        let text = "ab\n|é|x|  \nnext";
        let lines = LineIndex::new(text);
        let span = |column, width| Span {
            line: 2,
            column,
            width,
        };
        // `|é|x|` (six bytes) and the spaces after it, up to and past the line's end.
        assert_eq!(lines.span(3..text.len()), span(1, 6));
        // The `x` cell, after the two-byte `é`; the spaces around a cell are not its span.
        assert_eq!(lines.span(7..8), span(5, 1));
        let cell = LineIndex::new("| x |");
        assert_eq!(
            cell.span(1..4),
            Span {
                line: 1,
                column: 3,
                width: 1
            }
        );
        assert_eq!(
            lines.span(0..1),
            Span {
                line: 1,
                column: 1,
                width: 1
            }
        );
    }
}
