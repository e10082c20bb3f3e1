//! Diagnostics as text: `human` (rustc's form, drawn by annotate-snippets, with the page line
//! and the span underlined), `short` (one line each), `json` (one object a line) and `github`
//! (workflow commands, which put findings on a pull request's changed lines).

use std::fmt::Write as _;
use std::io::IsTerminal;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Snippet};
use serde_json::{Map, Value};

use super::{Diagnostic, Location, Severity, Sources};

/// How diagnostics are printed (a command-line value, so every command spells them alike).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The page line shown with the span underlined, related places and help below.
    Human,
    /// `page:line:column: severity[code]: message`.
    Short,
    /// One JSON object a line (shape in the README).
    Json,
    /// GitHub Actions workflow commands (`::warning file=...::message`).
    Github,
}

/// Whether the human form is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When standard error is a terminal and `NO_COLOR` is unset or empty.
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output written to standard error.
    pub fn for_stderr(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stderr().is_terminal()
            }
        }
    }
}

/// Renders diagnostics in one format, naming pages from the working directory.
pub struct Renderer<'s> {
    format: Format,
    color: bool,
    sources: &'s Sources,
}

impl<'s> Renderer<'s> {
    pub fn new(format: Format, color: bool, sources: &'s Sources) -> Self {
        Renderer {
            format,
            // Only the human form has colours; the others are read by programs.
            color: color && format == Format::Human,
            sources,
        }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// One diagnostic, without a trailing line break.
    pub fn render(&self, diagnostic: &Diagnostic) -> String {
        match self.format {
            Format::Human => self.human(diagnostic),
            Format::Short => self.short(diagnostic),
            Format::Json => self.json(diagnostic).to_string(),
            Format::Github => self.github(diagnostic),
        }
    }

    fn place(&self, location: &Location) -> String {
        let mut place = self.sources.display_path(&location.file);
        let _ = write!(place, ":{}", location.line);
        if let Some((column, _)) = self.columns(location) {
            let _ = write!(place, ":{column}");
        }
        place
    }

    /// `location`'s column and end column (exclusive) in characters, as shown; `None` when
    /// only the line is known. Without the page's text the byte columns are given.
    fn columns(&self, location: &Location) -> Option<(u32, u32)> {
        if location.column == 0 {
            return None;
        }
        Some(match self.sources.line(&location.file, location.line) {
            Some(line) => self.char_columns(line, location),
            None => (location.column, location.column + location.width),
        })
    }

    fn char_columns(&self, line: &str, location: &Location) -> (u32, u32) {
        let span = byte_span(line, location);
        let column = 1 + line[..span.start].chars().count() as u32;
        (column, column + line[span].chars().count() as u32)
    }

    fn short(&self, diagnostic: &Diagnostic) -> String {
        let mut out = String::new();
        if let Some(location) = &diagnostic.location {
            let _ = write!(out, "{}: ", self.place(location));
        }
        let _ = write!(
            out,
            "{}[{}]: {}",
            diagnostic.severity.as_str(),
            diagnostic.kind.code(),
            diagnostic.message
        );
        for (location, message) in &diagnostic.related {
            let _ = write!(out, "\n    {}: {message}", self.place(location));
        }
        if let Some(help) = &diagnostic.help {
            let _ = write!(out, "\n    help: {help}");
        }
        out
    }

    fn json(&self, diagnostic: &Diagnostic) -> Value {
        let place = |location: &Location| {
            let mut place = Map::new();
            place.insert(
                "file".into(),
                self.sources.display_path(&location.file).into(),
            );
            place.insert("line".into(), location.line.into());
            if let Some((column, end)) = self.columns(location) {
                place.insert("column".into(), column.into());
                if end > column {
                    place.insert("end_column".into(), end.into());
                }
            }
            place
        };
        let mut object = Map::new();
        object.insert("type".into(), "diagnostic".into());
        object.insert("code".into(), diagnostic.kind.code().into());
        object.insert("kind".into(), diagnostic.kind.as_str().into());
        object.insert("severity".into(), diagnostic.severity.as_str().into());
        object.insert("message".into(), diagnostic.message.as_str().into());
        if let Some(location) = &diagnostic.location {
            object.insert("location".into(), place(location).into());
        }
        let related = diagnostic.related.iter().map(|(location, message)| {
            let mut related = place(location);
            related.insert("message".into(), message.as_str().into());
            Value::from(related)
        });
        object.insert("related".into(), related.collect::<Vec<_>>().into());
        if let Some(help) = &diagnostic.help {
            object.insert("help".into(), help.as_str().into());
        }
        object.into()
    }

    fn github(&self, diagnostic: &Diagnostic) -> String {
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut properties = Vec::new();
        if let Some(location) = &diagnostic.location {
            properties.push(format!(
                "file={}",
                escape_property(&self.sources.display_path(&location.file))
            ));
            properties.push(format!("line={}", location.line));
            if let Some((column, end)) = self.columns(location) {
                properties.push(format!("col={column}"));
                if end > column {
                    properties.push(format!("endColumn={end}"));
                }
            }
        }
        properties.push(format!(
            "title={}",
            escape_property(&format!(
                "{} {}",
                diagnostic.kind.code(),
                diagnostic.kind.as_str()
            ))
        ));
        let mut message = diagnostic.message.clone();
        for (location, related) in &diagnostic.related {
            let _ = write!(message, "\n{}: {related}", self.place(location));
        }
        if let Some(help) = &diagnostic.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        format!(
            "::{command} {}::{}",
            properties.join(","),
            escape_data(&message)
        )
    }

    fn human(&self, diagnostic: &Diagnostic) -> String {
        let level = match diagnostic.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Note => Level::NOTE,
        };
        let mut elements = Vec::new();
        let paths: Vec<String> = std::iter::once(diagnostic.location.as_ref())
            .flatten()
            .chain(diagnostic.related.iter().map(|(location, _)| location))
            .map(|location| self.sources.display_path(&location.file))
            .collect();
        let mut paths = paths.iter();
        if let Some(location) = &diagnostic.location {
            let path = paths.next().map_or("", String::as_str);
            elements.push(self.snippet(location, path, AnnotationKind::Primary, ""));
        }
        for (location, message) in &diagnostic.related {
            let path = paths.next().map_or("", String::as_str);
            elements.push(self.snippet(location, path, AnnotationKind::Context, message));
        }
        if let Some(help) = &diagnostic.help {
            elements.push(Level::HELP.message(help.as_str()).into());
        }
        let renderer = if self.color {
            annotate_snippets::Renderer::styled()
        } else {
            annotate_snippets::Renderer::plain()
        };
        let group: Group<'_> = level
            .primary_title(diagnostic.message.as_str())
            .id(diagnostic.kind.code())
            .elements(elements);
        let report = [group];
        renderer.render(&report)
    }

    /// The page line of `location` with its span marked, or only the place when the page's
    /// text is not at hand.
    fn snippet<'a>(
        &'a self,
        location: &Location,
        path: &'a str,
        kind: AnnotationKind,
        label: &'a str,
    ) -> annotate_snippets::Element<'a> {
        let Some(line) = self.sources.line(&location.file, location.line) else {
            let mut origin = Origin::path(path).line(location.line as usize);
            if let Some((column, _)) = self.columns(location) {
                origin = origin.char_column(column as usize - 1);
            }
            return origin.into();
        };
        let span = byte_span(line, location);
        let annotation = kind.span(span);
        let annotation = if label.is_empty() {
            annotation
        } else {
            annotation.label(label)
        };
        Snippet::source(line)
            .line_start(location.line as usize)
            .path(path)
            .annotation(annotation)
            .into()
    }
}

/// The bytes of `line` that `location`'s columns cover: the whole line, without its indent,
/// when only the line is known.
fn byte_span(line: &str, location: &Location) -> std::ops::Range<usize> {
    let boundary = |byte: usize| {
        let mut byte = byte.min(line.len());
        while !line.is_char_boundary(byte) {
            byte -= 1;
        }
        byte
    };
    if location.column == 0 {
        let start = line.len() - line.trim_start().len();
        let end = line.trim_end().len().max(start);
        return start..end;
    }
    let start = boundary(location.column as usize - 1);
    let end = if location.width == 0 {
        line.trim_end().len().max(start)
    } else {
        boundary(start + location.width as usize).max(start)
    };
    start..end
}

/// A workflow command's message: `%`, CR and LF escaped, as GitHub reads them.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: its message's escapes, and `:` and `,` too.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::diagnostic::{DiagnosticKind, Span};

    #[test]
    fn byte_columns_are_shown_in_characters_and_a_line_only_location_covers_the_text() {
        let file: Arc<str> = Arc::from("x.md");
        let at = |column, width| {
            Location::at(
                &file,
                Span {
                    line: 1,
                    column,
                    width,
                },
            )
        };
        assert_eq!(byte_span("  é|ab|", &at(6, 2)), 5..7);
        assert_eq!(byte_span("  é|ab| ", &at(0, 0)), 2..8);
        assert_eq!(byte_span("ab", &at(2, 9)), 1..2);
        // A column inside a character is taken back to its start.
        assert_eq!(byte_span("é", &at(2, 1)), 0..0);
        let sources = Sources::empty();
        let renderer = Renderer::new(Format::Short, false, &sources);
        assert_eq!(renderer.char_columns("  é|ab|", &at(6, 2)), (5, 7));
    }

    #[test]
    fn github_commands_escape_their_properties_and_message() {
        let file: Arc<str> = Arc::from("a,b:c.md");
        let diagnostic = Diagnostic::warning(
            DiagnosticKind::Placeholder,
            Location::at(
                &file,
                Span {
                    line: 3,
                    column: 2,
                    width: 4,
                },
            ),
            "100% done\nnext",
        );
        let sources = Sources::empty();
        let rendered = Renderer::new(Format::Github, false, &sources).render(&diagnostic);
        assert_eq!(
            rendered,
            "::warning file=a%2Cb%3Ac.md,line=3,col=2,endColumn=6,title=D0401 placeholder::100%25 done%0Anext"
        );
    }
}
