//! The bases the pages give, and cycles.
//!
//! - A type's base is the one its pages state (`baseType`, or "Inherits from [x]" in its
//!   prose: see [`super::properties`]); failing that, the most derived of the types its rows
//!   say they inherit from ("Inherited from [x]"), reported as `inferred`.
//! - A cycle is broken at the type with the greatest name, reported with every place involved.

use super::bases::Bases;
use super::index::TypeIndex;
use crate::diagnostic::{Diagnostic, DiagnosticKind};

/// Stated bases, then bases inferred from "Inherited from" cells (two passes, so an inferred
/// base can build on another inferred base).
pub(super) fn bases_from_pages(index: &TypeIndex<'_>, diagnostics: &mut Vec<Diagnostic>) -> Bases {
    let mut bases = Bases::new(
        index
            .entries
            .iter()
            .map(|e| e.stated_base.as_ref().map(|(b, _)| *b))
            .collect(),
    );
    let needs_inference: Vec<usize> = (0..index.len())
        .filter(|&id| bases.base_of(id).is_none() && !index.entries[id].inherited_from.is_empty())
        .collect();
    for _ in 0..2 {
        for &id in &needs_inference {
            let candidates = &index.entries[id].inherited_from;
            // Most derived first; among equals, the first one mentioned.
            let best = candidates
                .iter()
                .copied()
                .filter(|&c| c != id)
                .enumerate()
                .max_by_key(|&(position, c)| (bases.depth(c, id), std::cmp::Reverse(position)))
                .map(|(_, c)| c);
            bases.set(id, best);
        }
    }
    for &id in &needs_inference {
        if let (Some(base), Some(at)) = (bases.base_of(id), index.entries[id].first_location()) {
            diagnostics.push(Diagnostic::note(
                DiagnosticKind::Inferred,
                at.clone(),
                format!(
                    "`{}` states no base type; its rows say they are inherited from `{}`, taken as its base",
                    index.entries[id].qualified_name(),
                    index.entries[base].qualified_name()
                ),
            ));
        }
    }
    bases
}

/// Breaks every cycle of `bases` (see the module rule).
pub(super) fn break_cycles(
    index: &TypeIndex<'_>,
    bases: &mut Bases,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut order: Vec<usize> = (0..index.len()).collect();
    order.sort_by(|&a, &b| index.entries[a].key.cmp(&index.entries[b].key));
    // 0: not seen, 1: on the current path, 2: done.
    let mut state = vec![0u8; index.len()];
    for start in order {
        let mut path = Vec::new();
        let mut current = Some(start);
        while let Some(id) = current {
            match state[id] {
                2 => break,
                1 => {
                    let cycle: Vec<usize> =
                        path[path.iter().position(|&p| p == id).unwrap_or(0)..].to_vec();
                    let Some(&breaker) = cycle.iter().max_by_key(|&&c| &index.entries[c].key)
                    else {
                        break;
                    };
                    let names: Vec<String> = cycle
                        .iter()
                        .map(|&c| index.entries[c].qualified_name())
                        .collect();
                    let mut diagnostic = Diagnostic::new(
                        crate::diagnostic::Severity::Error,
                        DiagnosticKind::InheritanceCycle,
                        index.entries[breaker].first_location().cloned(),
                        format!(
                            "inheritance cycle {} -> {}; `{}` is given no base type",
                            names.join(" -> "),
                            names[0],
                            index.entries[breaker].qualified_name()
                        ),
                    );
                    for &c in &cycle {
                        if let Some((_, at)) = &index.entries[c].stated_base {
                            diagnostic = diagnostic.with_related(
                                at.clone(),
                                format!("base of `{}`", index.entries[c].qualified_name()),
                            );
                        }
                    }
                    diagnostics.push(diagnostic);
                    bases.set(breaker, None);
                    break;
                }
                _ => {
                    state[id] = 1;
                    path.push(id);
                    current = bases.base_of(id);
                }
            }
        }
        for id in path {
            state[id] = 2;
        }
    }
}
