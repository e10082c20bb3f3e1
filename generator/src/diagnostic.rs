//! The one diagnostic type every stage reports with: what is wrong, where (page:line),
//! and what was expected. Stages collect diagnostics and carry on; nothing panics.

use std::fmt;
use std::sync::Arc;

/// A place in a doc page: the path relative to the docs root, and a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub file: Arc<str>,
    pub line: u32,
}

impl Location {
    pub fn new(file: &Arc<str>, line: u32) -> Self {
        Location {
            file: Arc::clone(file),
            line,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
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

/// What a diagnostic is about, so runs can be summarised ("12 unknown-type, 3 conflict").
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
    /// A key of `docgen.toml` that is wrong, or a fix of it: applied, stale or contradicted.
    Config,
}

impl DiagnosticKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticKind::Unreadable => "unreadable",
            DiagnosticKind::Malformed => "malformed",
            DiagnosticKind::NoFacts => "no-facts",
            DiagnosticKind::MissingPage => "missing-page",
            DiagnosticKind::UnknownType => "unknown-type",
            DiagnosticKind::UnreadableType => "unreadable-type",
            DiagnosticKind::Conflict => "conflict",
            DiagnosticKind::UnnamedEnum => "unnamed-enum",
            DiagnosticKind::InheritanceCycle => "inheritance-cycle",
            DiagnosticKind::Inferred => "inferred",
            DiagnosticKind::Output => "output",
            DiagnosticKind::Config => "config",
        }
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
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        write!(f, "{severity}[{}]: {}", self.kind.as_str(), self.message)?;
        for (location, message) in &self.related {
            write!(f, "\n    {location}: {message}")?;
        }
        Ok(())
    }
}

/// Counts diagnostics by kind, for the one-line run summary.
pub fn count_by_kind(
    diagnostics: &[Diagnostic],
) -> std::collections::BTreeMap<&'static str, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for diagnostic in diagnostics {
        *counts.entry(diagnostic.kind.as_str()).or_insert(0) += 1;
    }
    counts
}
