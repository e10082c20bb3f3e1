//! Properties that every subtype restates and the base type's page leaves out.
//!
//! Hand-written pages often copy a base type's properties into each subtype's table. When
//! every subtype of a described type (two or more) lists a property with the same type and,
//! word for word, the same description, while none of those pages marks any row as inherited
//! ("Inherited from [x]"), the property is the base type's: `eventMessageRequest` and
//! `eventMessageResponse` both restate `startDateTime` that `eventMessage` declares. Pages
//! that do mark inherited rows say which rows are their own, so theirs stay. Each property
//! taken this way is reported as `inferred`; the subtypes' copies then count as inherited.

use super::bases::Bases;
use super::index::{PropertyDraft, TypeIndex};
use crate::diagnostic::{Diagnostic, DiagnosticKind};

pub(super) fn hoist_restated_properties(
    index: &mut TypeIndex<'_>,
    bases: &Bases,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (base, subtypes) in bases.subtypes().iter().enumerate() {
        let entries = &index.entries;
        let trusted =
            |id: &usize| entries[*id].is_described() && entries[*id].inherited_from.is_empty();
        if subtypes.len() < 2 || !entries[base].is_described() || !subtypes.iter().all(trusted) {
            continue;
        }
        let restated = |p: &PropertyDraft, id: usize| {
            entries[id].properties.iter().any(|q| {
                q.name.eq_ignore_ascii_case(&p.name)
                    && (q.ty, q.collection) == (p.ty, p.collection)
                    && q.description == p.description
            })
        };
        let hoisted: Vec<PropertyDraft> = entries[subtypes[0]]
            .properties
            .iter()
            .filter(|p| !p.description.is_empty())
            .filter(|p| subtypes[1..].iter().all(|&id| restated(p, id)))
            .filter(|p| {
                !bases.ancestors(base).any(|id| {
                    entries[id]
                        .properties
                        .iter()
                        .any(|q| q.name.eq_ignore_ascii_case(&p.name))
                })
            })
            .cloned()
            .collect();
        if hoisted.is_empty() {
            continue;
        }
        let names: Vec<&str> = subtypes
            .iter()
            .map(|&id| entries[id].name.as_str())
            .collect();
        for property in &hoisted {
            diagnostics.push(Diagnostic::note(
                DiagnosticKind::Inferred,
                property.sources[0].clone(),
                format!(
                    "every subtype of `{}` ({}) restates `{}` word for word, and none marks a row as inherited; taken as `{}`'s own",
                    entries[base].qualified_name(),
                    names.join(", "),
                    property.name,
                    entries[base].name,
                ),
            ));
        }
        index.entries[base].properties.extend(hoisted);
    }
}
