//! Names as a page states them (a title, a resource comment, the `Namespace:` line): split into
//! a simple name and its namespace, and the finding for one that is not an OData name.

use std::sync::Arc;

use super::model::TypeRef;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::doc_text::IDENTIFIER_RULE;
use crate::page::Page;

/// A name the page states (`what`: where it stands) that is not an OData name, and what the
/// page gives `instead`.
pub(super) fn not_an_odata_name(
    page: &Page,
    line: u32,
    what: &str,
    name: &str,
    instead: &str,
) -> Diagnostic {
    Diagnostic::warning(
        DiagnosticKind::Malformed,
        page.location(line),
        format!(
            "{what} {name:?} is not an OData name: expected identifiers joined by dots \
             (`microsoft.graph.callRecords`, `user`), each {IDENTIFIER_RULE}; {instead}"
        ),
    )
}

/// A type name as a page states it, as a simple name and its namespace: the one it is qualified
/// with, else the page's.
pub(super) fn split_qualified(name: &str, namespace: &Arc<str>) -> (TypeRef, Arc<str>) {
    match name.rsplit_once('.') {
        Some((ns, simple)) if !ns.is_empty() => (TypeRef::named(simple), Arc::from(ns)),
        _ => (TypeRef::named(name), Arc::clone(namespace)),
    }
}
