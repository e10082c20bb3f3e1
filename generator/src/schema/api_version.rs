//! Pages of another API version than the docs as a whole.
//!
//! The docs' version is the one most pages' request URLs address (`v1.0` for the v1.0
//! reference, though a few of its examples call `beta`). A page whose notice puts its API
//! under another version ("APIs under the /beta version are subject to change") documents
//! that version's API, not this one's: its facts are left out of the schema, and each such
//! page is reported.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Location};
use crate::facts::{most_addressed, PageFacts};

/// The pages whose facts the schema is built from, in page order.
pub(super) fn pages_of_the_docs_version<'p>(
    pages: &'p [PageFacts],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<&'p PageFacts> {
    let addressed = pages
        .iter()
        .filter_map(|page| page.version.requests.as_deref());
    let Some(docs_version) = most_addressed(addressed) else {
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
