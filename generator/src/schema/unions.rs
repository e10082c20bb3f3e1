//! Properties of one type or another ("[a](a.md) or [b](b.md)"): a value may be of any of them,
//! so the property is typed as their nearest common base (a type that is one of them or an
//! ancestor of each), reported as `inferred`. Types that share no base leave the value untyped
//! (`Edm.Untyped`, any JSON), reported as a warning. Runs once the bases are known.

use super::bases::Bases;
use super::index::{DraftType, TypeIndex};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity};

pub(super) fn type_unions(
    index: &mut TypeIndex<'_>,
    bases: &Bases,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let common: Vec<Option<usize>> = index
        .unions
        .iter()
        .map(|alternatives| nearest_common_base(alternatives, bases))
        .collect();
    for owner in 0..index.len() {
        for position in 0..index.entries[owner].properties.len() {
            let property = &index.entries[owner].properties[position];
            let DraftType::Union(union) = property.ty else {
                continue;
            };
            let stated = index.describe(property.ty, property.collection);
            let what = format!(
                "property `{}` of `{}` is {stated}",
                property.name,
                index.entries[owner].qualified_name()
            );
            let location = property.sources.first().cloned();
            let diagnostic = match common[union] {
                Some(base) => {
                    index.entries[owner].properties[position].ty = DraftType::Type(base);
                    Diagnostic::new(
                        Severity::Note,
                        DiagnosticKind::Inferred,
                        location,
                        format!(
                            "{what}; typed as their nearest common base `{}`",
                            index.entries[base].qualified_name()
                        ),
                    )
                }
                None => Diagnostic::new(
                    Severity::Warning,
                    DiagnosticKind::UnreadableType,
                    location,
                    format!(
                        "{what}, which share no base type; its values are untyped (`Edm.Untyped`)"
                    ),
                ),
            };
            diagnostics.push(diagnostic);
        }
    }
}

/// The nearest type that each alternative is or derives from; `None` when they share none or
/// one is a primitive (the alternatives are distinct, so primitives share nothing).
fn nearest_common_base(alternatives: &[DraftType], bases: &Bases) -> Option<usize> {
    let types: Vec<usize> = alternatives
        .iter()
        .map(|alternative| match alternative {
            DraftType::Type(id) => Some(*id),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (first, others) = types.split_first()?;
    bases.ancestors(*first).find(|&candidate| {
        others
            .iter()
            .all(|&other| bases.derives_from(other, candidate))
    })
}
