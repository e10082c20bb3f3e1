//! The one diagnostic type every stage reports with: what is wrong, where (page, line and
//! column span), the other places involved, what was expected and, where there is one, the fix.
//! Stages collect diagnostics and carry on; nothing panics.
//!
//! Each kind of finding has a stable code and a long explanation (`codes.rs`, the one table
//! the README's table and `graph-docgen explain` read); `render.rs` prints diagnostics for a
//! terminal, for scripts and for CI, with the page lines they point at (`sources.rs`), and
//! `report.rs` a run's diagnostics as a command prints them.

mod codes;
mod render;
mod report;
mod sources;

use std::fmt;
use std::sync::Arc;

pub use codes::{lookup, CodeInfo, CODES};
pub use render::{ColorChoice, Format, Renderer};
pub use report::{Report, Verbosity, HUMAN_LIMIT};
pub use sources::Sources;

/// Where on one line of a page something is: a 1-based line, and a 1-based column and a width
/// in bytes of that line, which is what the parse knows for free; the renderers, which show
/// the line, give them in characters, as rustc and GitHub count. Column 0 means the whole line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub line: u32,
    pub column: u32,
    pub width: u32,
}

impl Span {
    /// A whole line, for places known only by their line.
    pub fn line(line: u32) -> Self {
        Span {
            line,
            column: 0,
            width: 0,
        }
    }
}

/// A place in a doc page: the path relative to the docs root, and a span of one of its lines.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub file: Arc<str>,
    pub line: u32,
    /// 1-based, in bytes of the line; 0 when only the line is known.
    pub column: u32,
    /// In bytes from `column`; 0 when only the line is known.
    pub width: u32,
}

impl Location {
    /// A whole line of `file`.
    pub fn new(file: &Arc<str>, line: u32) -> Self {
        Self::at(file, Span::line(line))
    }

    pub fn at(file: &Arc<str>, span: Span) -> Self {
        Location {
            file: Arc::clone(file),
            line: span.line,
            column: span.column,
            width: span.width,
        }
    }
}

/// `page:line`, as the schema's sources name places (its format is a contract); diagnostics
/// add the column.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

impl Location {
    /// `page:line:column` (the byte column: the renderers give characters), or `page:line`
    /// when only the line is known.
    fn write_with_column(&self, f: &mut impl fmt::Write) -> fmt::Result {
        write!(f, "{self}")?;
        if self.column > 0 {
            write!(f, ":{}", self.column)?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The input could not be used as written; something was skipped.
    Error,
    /// The generator made a guess or dropped a fact; the output may not be what the page meant.
    Warning,
    /// Worth knowing, nothing lost.
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// What a diagnostic is about: each kind has a stable code and an explanation in [`CODES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DiagnosticKind {
    /// A file could not be read or is not UTF-8.
    Unreadable,
    /// Front matter, a metadata comment or a JSON block that does not parse, or a namespace or
    /// type name that is not an OData name.
    Malformed,
    /// A page that yields no type, property or enum.
    NoFacts,
    /// A type that is referenced but described by no page.
    MissingPage,
    /// A referenced type that no page describes and nothing could be inferred for.
    UnknownType,
    /// A type cell the generator could not read as a type.
    UnreadableType,
    /// Two pages disagree about a fact; the message says which one was kept.
    Conflict,
    /// An `Enumeration` with no name; the message says which name it got.
    UnnamedEnum,
    /// Inheritance that loops back on itself.
    InheritanceCycle,
    /// Something the generator had to guess from weak evidence.
    Inferred,
    /// An output file that cannot be written or is out of date.
    Output,
    /// Template text left in a page: `**TODO: ...**`, `Collection URI ... not found`.
    Placeholder,
    /// A link to a page or an anchor that does not exist.
    BrokenLink,
    /// An enum value spelled or cased differently from the enum's member.
    EnumSpelling,
    /// A table row with more or fewer cells than its header.
    RaggedTable,
    /// A JSON example that does not fit the schema.
    ExampleMismatch,
    /// A key of `docgen.toml` that is wrong, or a fix of it: applied, stale or contradicted.
    Config,
}

impl DiagnosticKind {
    /// The kind's name, as the short form and the summary print it.
    pub fn as_str(self) -> &'static str {
        self.info().name
    }

    /// The stable code (`D0204`), which `graph-docgen explain` explains.
    pub fn code(self) -> &'static str {
        self.info().code
    }

    pub fn info(self) -> &'static CodeInfo {
        codes::info(self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    pub location: Option<Location>,
    pub severity: Severity,
    pub kind: DiagnosticKind,
    pub message: String,
    /// Other places involved (the other side of a conflict, the rest of a cycle).
    pub related: Vec<(Location, String)>,
    /// How to fix the page, where there is a fix to suggest.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        kind: DiagnosticKind,
        location: Option<Location>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            location,
            severity,
            kind,
            message: message.into(),
            related: Vec::new(),
            help: None,
        }
    }

    pub fn error(kind: DiagnosticKind, location: Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, kind, Some(location), message)
    }

    pub fn warning(kind: DiagnosticKind, location: Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, kind, Some(location), message)
    }

    pub fn note(kind: DiagnosticKind, location: Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, kind, Some(location), message)
    }

    pub fn with_related(mut self, location: Location, message: impl Into<String>) -> Self {
        self.related.push((location, message.into()));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// The short form: `page:line:column: severity[code]: message`, the related places and the
/// help on indented lines below.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            location.write_with_column(f)?;
            f.write_str(": ")?;
        }
        write!(
            f,
            "{}[{}]: {}",
            self.severity.as_str(),
            self.kind.code(),
            self.message
        )?;
        for (location, message) in &self.related {
            f.write_str("\n    ")?;
            location.write_with_column(f)?;
            write!(f, ": {message}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n    help: {help}")?;
        }
        Ok(())
    }
}

/// Counts diagnostics by kind, in code order, for the run summary.
pub fn count_by_kind(
    diagnostics: &[Diagnostic],
) -> std::collections::BTreeMap<DiagnosticKind, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for diagnostic in diagnostics {
        *counts.entry(diagnostic.kind).or_insert(0) += 1;
    }
    counts
}
