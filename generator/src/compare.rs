//! Docs vs official metadata, for the people who write the docs: which types, base types,
//! properties, property types, navigation properties and enum members the schema built from the
//! docs and a CSDL document disagree on, and recall / precision / F1 per fact class.
//!
//! The numbers are those of the reference scorer `tools/fidelity.py`, counted the same way (see
//! [`scoring`]), over two universes: every metadata type, and the metadata types that have a
//! page under the docs folder. The metadata is read here only, to score; it never feeds
//! generation.

mod comparison;
mod csdl;
mod documented;
mod model;
mod report;
mod scoring;

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::schema::Schema;

pub use comparison::{
    Comparison, Counts, Disagreement, FactClass, Finding, Universe, UniverseScore,
};
pub use report::{json, report};

/// Scores `schema` against the CSDL document `csdl_xml`: over every metadata type, and when
/// `docs_roots` (the folders the schema was read from) are given also over the documented ones.
pub fn compare(
    csdl_xml: &str,
    schema: &Schema,
    docs_roots: &[PathBuf],
) -> Result<Comparison, Diagnostic> {
    let metadata = csdl::parse(csdl_xml)?;
    let ours = model::from_schema(schema);
    let all = scoring::score(&metadata, &ours, |_, _| true);
    let mut universes = vec![universe_score(Universe::All, &all)];
    if !docs_roots.is_empty() {
        let documented = documented::DocumentedNames::scan(docs_roots)?;
        let scored = scoring::score(&metadata, &ours, |key, ty| {
            documented.documents(key, ty.kind)
        });
        universes.push(universe_score(Universe::Documented, &scored));
    }
    let mut disagreements = all.disagreements;
    disagreements.sort_by_key(|d| d.class);
    Ok(Comparison {
        universes,
        disagreements,
    })
}

fn universe_score(universe: Universe, scored: &scoring::Scored) -> UniverseScore {
    UniverseScore::new(universe, scored.metadata_types, scored.counts)
}

/// Reads a CSDL document for [`compare`].
pub fn read_csdl(path: &Path) -> Result<String, Diagnostic> {
    crate::read::read_file(path, "CSDL metadata")
}
