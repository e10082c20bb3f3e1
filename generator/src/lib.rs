//! graph-docgen: API reference pages (Microsoft Graph format) -> schema -> Rust models.
//!
//! The pipeline, one module per stage, data flowing one way:
//! [`read`] (find and read pages) -> [`page`] (Markdown -> page model) -> [`facts`] (what each
//! page says) -> [`schema`] (all pages merged, phase by phase) -> [`export`] (schema JSON) /
//! [`rust`] (Rust crate as files) -> [`write`] (files on disk, drift check). [`example_check`]
//! checks the pages' JSON examples against the schema (the type each is read as, and its doc
//! defects), for the Rust crate's example tests; it and the rust stage read the schema through
//! one [`schema::TypeLookup`] (its types by name ignoring case, with their ancestors and the
//! types of each page). [`compare`] scores a schema against official CSDL metadata; [`diff`]
//! lists the API changes between two schemas (docs folders, or schema files read back by
//! [`import`]), each classified on the public API the [`rust`] stage makes of both sides.
//! Every stage reports problems as [`diagnostic::Diagnostic`]s; [`doc_text`] holds the text rules
//! of the docs that the stages share (what a name may contain, plurals, links to a type's page,
//! how a type is spelt); [`lenient_json`] reads the JSON that page and facts find in pages,
//! forgiving trailing commas; [`edm`] lists the `Edm` primitives the schema names and the JSON
//! each one's values are; `relative_path` names a file by its `/`-separated path below a folder,
//! for read and write.

pub mod compare;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod doc_text;
pub mod edm;
pub mod example_check;
pub mod export;
pub mod facts;
pub mod import;
pub mod lenient_json;
pub mod lint;
pub mod page;
pub mod read;
mod relative_path;
pub mod rust;
pub mod schema;
pub mod write;

use std::collections::HashMap;

use rayon::prelude::*;

use diagnostic::{Diagnostic, DiagnosticKind, Severity, Sources};
use facts::{Example, PageFacts};
use read::PageSelection;
use schema::Schema;

/// Everything read from a docs folder.
#[derive(Debug)]
pub struct Docs {
    pub pages_read: usize,
    pub schema: Schema,
    /// Request/response/example JSON bodies, in page order.
    pub examples: Vec<Example>,
    /// Sorted by place, so runs compare line by line.
    pub diagnostics: Vec<Diagnostic>,
    /// The pages that yield nothing, as API pages of actions and overview pages are expected
    /// to (no finding).
    pub expected_empty: Vec<std::sync::Arc<str>>,
    /// The text of the pages the diagnostics point at, to show their lines.
    pub sources: Sources,
}

/// Reads, parses and extracts every selected page (in parallel; each page once), then merges.
pub fn load_docs(selection: &PageSelection) -> Result<Docs, Diagnostic> {
    load_configured_docs(selection, &config::Config::default())
}

/// [`load_docs`] as a `docgen.toml` says: its fixes applied where the schema is merged, and
/// its subset of namespaces and areas kept of the finished schema (and of the examples).
pub fn load_configured_docs(
    selection: &PageSelection,
    config: &config::Config,
) -> Result<Docs, Diagnostic> {
    let (mut docs, _) = load_docs_inspecting(selection, config, |_, _| ())?;
    docs.sources
        .retain_shown(&docs.diagnostics, |file| read_text(selection, file));
    Ok(docs)
}

/// A page's text (if it has a diagnostic) and what `inspect` read of it; `None` for a page that
/// could not be read.
type PageRead<T> = Option<(Option<String>, T)>;

/// [`load_docs`], with `inspect` run on each page model (and its text) as it is parsed, so a
/// further reading of the pages (the docs lint) needs no second parse; its results are in
/// page order, `None` for a page that could not be read. The docs' sources hold the text of
/// the pages that have a diagnostic of their own (each page's text is dropped once it is
/// read, unless it has one, so that the whole corpus is never held at once):
/// [`Sources::retain_shown`] keeps those a diagnostic points at, and reads the few others one
/// does.
pub fn load_docs_inspecting<T: Send>(
    selection: &PageSelection,
    config: &config::Config,
    inspect: impl Fn(&page::Page, &str) -> T + Sync,
) -> Result<(Docs, Vec<Option<T>>), Diagnostic> {
    let files = selection.list()?;
    let (pages, read): (Vec<PageFacts>, Vec<PageRead<T>>) = files
        .par_iter()
        .map(|path| {
            let source = match selection.read(path) {
                Ok(source) => source,
                Err(diagnostic) => return (unreadable(path, diagnostic), None),
            };
            let (page, mut diagnostics) = page::parse_page(&source);
            if source.lossy {
                diagnostics.push(Diagnostic::warning(
                    DiagnosticKind::Unreadable,
                    page.location(1),
                    "page is not valid UTF-8; invalid bytes were replaced",
                ));
            }
            let mut facts = facts::extract(&page);
            diagnostics.append(&mut facts.diagnostics);
            facts.diagnostics = diagnostics;
            let inspected = inspect(&page, &source.text);
            drop(page);
            let text = (!facts.diagnostics.is_empty()).then_some(source.text);
            (facts, Some((text, inspected)))
        })
        .unzip();
    let (texts, inspected): (Vec<_>, Vec<_>) = read
        .into_iter()
        .map(|read| match read {
            Some((text, inspected)) => (text, Some(inspected)),
            None => (None, None),
        })
        .unzip();
    let (mut schema, mut diagnostics) = schema::build_fixed_schema(&pages, &config.fixes);
    let subset = &config.inputs.subset;
    let page_areas: HashMap<String, String> = if subset.is_everything() {
        HashMap::new()
    } else {
        let area = |page: &PageFacts| Some((page.path.to_string(), page.area.clone()?));
        pages.iter().filter_map(area).collect()
    };
    // What `Docs` keeps of each page is taken out, in page order; the rest of the page's facts is
    // dropped on the thread that takes it, which spreads the freeing of every fact over threads.
    let expected_empty = pages
        .iter()
        .filter(|page| page.expected_empty)
        .map(|page| std::sync::Arc::clone(&page.path))
        .collect();
    let (page_diagnostics, page_examples): (Vec<_>, Vec<_>) = pages
        .into_par_iter()
        .map(|page| (page.diagnostics, page.examples))
        .unzip();
    diagnostics.extend(page_diagnostics.into_iter().flatten());
    let mut examples: Vec<Example> = page_examples.into_iter().flatten().collect();
    schema::select_subset(
        &mut schema,
        &mut examples,
        subset,
        &page_areas,
        &mut diagnostics,
    );
    diagnostics.par_sort();
    let docs = Docs {
        pages_read: files.len(),
        schema,
        examples,
        sources: all_sources(selection, &files, texts),
        diagnostics,
        expected_empty,
    };
    Ok((docs, inspected))
}

/// The text of a page, read again for a diagnostic that points at it; `None` when it cannot be
/// read now (the diagnostic is then shown without its line).
pub(crate) fn read_text(selection: &PageSelection, file: &std::sync::Arc<str>) -> Option<String> {
    selection.read(file).ok().map(|source| source.text)
}

fn all_sources(
    selection: &PageSelection,
    files: &[std::sync::Arc<str>],
    texts: Vec<Option<String>>,
) -> Sources {
    let mut sources = Sources::new(selection.folders());
    for (file, text) in files.iter().zip(texts) {
        sources.insert(std::sync::Arc::clone(file), text);
    }
    sources
}

fn unreadable(path: &std::sync::Arc<str>, diagnostic: Diagnostic) -> PageFacts {
    PageFacts {
        path: std::sync::Arc::clone(path),
        namespace: std::sync::Arc::from(facts::DEFAULT_NAMESPACE),
        stem: String::new(),
        area: None,
        types: Vec::new(),
        examples: Vec::new(),
        requests: None,
        version: facts::PageVersion::default(),
        expected_empty: false,
        diagnostics: vec![diagnostic],
    }
}

impl Docs {
    /// One line: pages, types, properties, enums, and diagnostics by kind.
    pub fn summary(&self) -> String {
        let types = self.schema.types.len();
        let enums = self
            .schema
            .types
            .iter()
            .filter(|t| t.kind == schema::Kind::Enum)
            .count();
        let properties: usize = self.schema.types.iter().map(|t| t.properties.len()).sum();
        let counts = diagnostic::count_by_kind(&self.diagnostics);
        let by_kind: Vec<String> = counts
            .iter()
            .map(|(kind, n)| format!("{n} {}", kind.as_str()))
            .collect();
        let errors = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        format!(
            "{} pages read: {types} types ({enums} enums), {properties} properties, {} examples; {} diagnostics ({errors} errors){}{}",
            self.pages_read,
            self.examples.len(),
            self.diagnostics.len(),
            if by_kind.is_empty() { "" } else { ": " },
            by_kind.join(", ")
        )
    }
}
