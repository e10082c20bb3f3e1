//! Text collected from Markdown events: a stretch of the page while it is one, a copy once it is
//! not. This is what lets the page model borrow most of its text from the page.

use std::borrow::Cow;
use std::ops::Range;

/// Text being collected from Markdown events, for one heading, cell, code block and so on.
/// While each piece lies in the page right after the one before, the text is that stretch of
/// the page; the first piece from elsewhere turns it into a copy.
pub(super) enum CollectedText {
    /// `source[range]`; any empty range before the first piece.
    Stretch(Range<usize>),
    Copy(String),
}

impl CollectedText {
    pub(super) fn new() -> Self {
        CollectedText::Stretch(0..0)
    }

    pub(super) fn len(&self) -> usize {
        match self {
            CollectedText::Stretch(range) => range.len(),
            CollectedText::Copy(text) => text.len(),
        }
    }

    /// Appends `source[piece]`.
    pub(super) fn push_stretch(&mut self, source: &str, piece: Range<usize>, capacity: usize) {
        match self {
            CollectedText::Stretch(range) if range.start == range.end => *range = piece,
            CollectedText::Stretch(range) if range.end == piece.start => range.end = piece.end,
            _ => self.push_str(source, &source[piece], capacity),
        }
    }

    /// Appends text that is not (known to be) a stretch of the page. `capacity` is an upper bound
    /// of the whole text, so that a copy is allocated once rather than regrown per piece.
    pub(super) fn push_str(&mut self, source: &str, piece: &str, capacity: usize) {
        if piece.is_empty() {
            return;
        }
        if let CollectedText::Stretch(range) = self {
            let mut copy = String::with_capacity(capacity.max(range.len() + piece.len()));
            copy.push_str(&source[range.clone()]);
            *self = CollectedText::Copy(copy);
        }
        if let CollectedText::Copy(text) = self {
            text.push_str(piece);
        }
    }

    /// The text from byte `start` on, without surrounding white space.
    pub(super) fn trimmed_from<'a>(&self, source: &'a str, start: usize) -> Cow<'a, str> {
        match self {
            CollectedText::Stretch(range) => {
                Cow::Borrowed(source[range.start + start..range.end].trim())
            }
            CollectedText::Copy(text) => Cow::Owned(text[start..].trim().to_string()),
        }
    }

    pub(super) fn finish(self, source: &str) -> Cow<'_, str> {
        match self {
            CollectedText::Stretch(range) => Cow::Borrowed(&source[range]),
            CollectedText::Copy(text) => Cow::Owned(text),
        }
    }

    /// The text without surrounding white space.
    pub(super) fn finish_trimmed(self, source: &str) -> Cow<'_, str> {
        match self {
            CollectedText::Stretch(range) => Cow::Borrowed(source[range].trim()),
            CollectedText::Copy(text) => Cow::Owned(trimmed(text)),
        }
    }
}

/// Where `piece` lies in `source`, if it is a slice of it: pulldown-cmark hands out text borrowed
/// from its input wherever it can.
pub(super) fn stretch_of(source: &str, piece: &str) -> Option<Range<usize>> {
    let start = (piece.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
    let end = start.checked_add(piece.len())?;
    (end <= source.len()).then_some(start..end)
}

/// `text` without leading and trailing white space, in the same buffer: a copy per paragraph
/// and cell adds up over a corpus.
fn trimmed(mut text: String) -> String {
    text.truncate(text.trim_end().len());
    let leading = text.len() - text.trim_start().len();
    text.drain(..leading);
    text
}
