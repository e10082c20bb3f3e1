//! Where in `docgen.toml` a key or value is: a byte span of the text as a line and a column,
//! and the diagnostics located there.

use std::ops::Range;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Location, Severity};

/// The text of a `docgen.toml`, with the name its diagnostics give it.
pub(super) struct TomlSource<'a> {
    pub file: Arc<str>,
    pub text: &'a str,
}

impl TomlSource<'_> {
    /// The 1-based line and column (in characters) where `span` starts.
    fn line_and_column(&self, span: &Range<usize>) -> (u32, u32) {
        let start = span.start.min(self.text.len());
        let before = self.text.get(..start).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        let column = before[line_start..].chars().count() + 1;
        (
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(column).unwrap_or(u32::MAX),
        )
    }

    /// The line `span` starts on.
    pub fn location(&self, span: Range<usize>) -> Location {
        self.place(&span).at
    }

    /// Where `span` starts, kept for diagnostics made once the docs are read.
    pub fn place(&self, span: &Range<usize>) -> TomlPlace {
        let (line, column) = self.line_and_column(span);
        TomlPlace {
            at: Location::new(&self.file, line),
            column,
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

/// A line and column of a `docgen.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TomlPlace {
    pub at: Location,
    pub column: u32,
}

impl TomlPlace {
    /// A diagnostic here. [`Location`] has a line only, so the column leads the message
    /// (`docgen.toml:3: error[config]: column 1: ...`).
    pub fn diagnostic(&self, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(
            severity,
            super::KIND,
            Some(self.at.clone()),
            format!("column {}: {}", self.column, message.into()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one_in_characters() {
        let source = TomlSource {
            file: Arc::from("docgen.toml"),
            text: "a = 1\n[é]\nbé = 2\n",
        };
        assert_eq!(source.line_and_column(&(0..1)), (1, 1));
        assert_eq!(source.line_and_column(&(7..8)), (2, 2));
        let at = source.text.find("= 2").unwrap();
        assert_eq!(source.line_and_column(&(at..at + 1)), (3, 4));
        assert_eq!(source.line_and_column(&(999..1000)), (4, 1));
    }
}
