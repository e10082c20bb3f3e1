//! Pages of another API version than the docs as a whole.
//!
//! The docs' version is the one most pages' request URLs address (`v1.0` for the v1.0
//! reference, though a few of its examples call `beta`). A page whose notice puts its API
//! under another version ("APIs under the /beta version are subject to change") documents
//! that version's API, not this one's: its facts are left out of the schema, and each such
//! page is reported.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Location};
use crate::facts::PageFacts;

/// The pages whose facts the schema is built from, in page order.
pub(super) fn pages_of_the_docs_version<'p>(
    pages: &'p [PageFacts],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<&'p PageFacts> {
    let mut addressed: BTreeMap<&str, usize> = BTreeMap::new();
    for page in pages {
        if let Some(version) = &page.version.requests {
            *addressed.entry(version).or_default() += 1;
        }
    }
    // Most pages, then the first name.
    let docs_version = addressed
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(version, _)| *version);
    let Some(docs_version) = docs_version else {
        return pages.iter().collect();
    };
    pages
        .iter()
        .filter(|page| match &page.version.notice {
            Some(notice) if notice != docs_version => {
                diagnostics.push(Diagnostic::note(
                    DiagnosticKind::NoFacts,
                    Location::new(&page.path, 1),
                    format!(
                        "page documents the `{notice}` API (its notice says so), while the docs' requests address `{docs_version}`; what it says is left out"
                    ),
                ));
                false
            }
            _ => true,
        })
        .collect()
}
