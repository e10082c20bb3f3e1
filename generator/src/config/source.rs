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
        Location::new(&self.file, self.line_and_column(&span).0)
    }

    /// A diagnostic at the line and column `span` starts at. [`Location`] has a line only, so the
    /// column leads the message (`docgen.toml:3: error[config]: column 1: ...`).
    pub fn diagnostic(
        &self,
        severity: Severity,
        span: Range<usize>,
        message: String,
    ) -> Diagnostic {
        let (line, column) = self.line_and_column(&span);
        Diagnostic::new(
            severity,
            super::KIND,
            Some(Location::new(&self.file, line)),
            format!("column {column}: {message}"),
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
