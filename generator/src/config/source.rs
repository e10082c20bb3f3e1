//! Where in `docgen.toml` a key or value is: a byte span of the text as a line and a column,
//! and the diagnostics located there.

use std::ops::Range;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Location, Severity, Span};

/// The text of a `docgen.toml`, with the name its diagnostics give it.
pub(super) struct TomlSource<'a> {
    pub file: Arc<str>,
    pub text: &'a str,
}

impl TomlSource<'_> {
    /// Where `span` starts, as diagnostics locate places: a 1-based line, and a 1-based byte
    /// column and a width in bytes, cut at the end of the line (the renderers show characters).
    fn span(&self, span: &Range<usize>) -> Span {
        let start = span.start.min(self.text.len());
        let before = self.text.get(..start).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |n| start + n);
        let end = span.end.clamp(start, line_end);
        let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            line: number(line),
            column: number(start - line_start + 1),
            width: number(end - start),
        }
    }

    /// The line `span` starts on.
    pub fn location(&self, span: Range<usize>) -> Location {
        self.place(&span).at
    }

    /// Where `span` starts, kept for diagnostics made once the docs are read.
    pub fn place(&self, span: &Range<usize>) -> TomlPlace {
        TomlPlace {
            at: Location::at(&self.file, self.span(span)),
        }
    }

    /// A diagnostic at the line and column `span` starts at.
    pub fn diagnostic(
        &self,
        severity: Severity,
        span: Range<usize>,
        message: String,
    ) -> Diagnostic {
        self.place(&span).diagnostic(severity, message)
    }
}

/// A key or value of a `docgen.toml`: its line, column and width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TomlPlace {
    pub at: Location,
}

impl TomlPlace {
    /// A diagnostic here.
    pub fn diagnostic(&self, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(severity, super::KIND, Some(self.at.clone()), message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one_in_bytes() {
        let source = TomlSource {
            file: Arc::from("docgen.toml"),
            text: "a = 1\n[é]\nbé = 2\n",
        };
        let span = |line, column, width| Span {
            line,
            column,
            width,
        };
        assert_eq!(source.span(&(0..1)), span(1, 1, 1));
        assert_eq!(source.span(&(7..9)), span(2, 2, 2));
        let at = source.text.find("= 2").unwrap();
        assert_eq!(source.span(&(at..at + 1)), span(3, 5, 1));
        // A span past the end of its line is cut there.
        assert_eq!(source.span(&(0..100)), span(1, 1, 5));
        assert_eq!(source.span(&(999..1000)), span(4, 1, 0));
    }
}
