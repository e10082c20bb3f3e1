//! Stage 4: merge the facts of every page into one schema.
//!
//! The merge is a fixed sequence of phases, [`build_schema`], each a module of its own that
//! reads and fills in the shared data: the `index::TypeIndex` (every type by lower-cased
//! qualified name, with the drafts of its properties, its members and its stated base) and,
//! from phase 6 on, the resolved `bases::Bases`. No phase module uses another. In the order
//! they run:
//! 1. `api_version`: the pages of another API version than the docs' are set aside;
//! 2. `index`: every type any page describes or mentions, and how a name resolves;
//! 3. `properties`: each type's properties, settled across pages by the rule in that module,
//!    its enum members, and the base its pages state;
//! 4. `enums`: unnamed `Enumeration`s and value lists matched to (or made into) enums;
//!    then `fixes`: the fixes of a `docgen.toml`, on the drafts (it also sets kinds after
//!    step 12 and drops types after step 13; the module says why it runs where it does);
//! 5. `inference`: types that no page describes, filled in from the JSON examples;
//! 6. `inheritance`: the bases the pages give (stated, else by "Inherited from" rows), with
//!    cycles broken;
//! 7. `keys` and `placement`: bases inferred for the types that still have none, from their
//!    key (the key root) and from where responses put them;
//! 8. `unions`: properties of one type or another, typed as their nearest common base;
//! 9. `request_paths`: navigation properties that only request paths show;
//! 10. `keys` and `placement` again: the request paths read the bases of step 7, and the
//!     navigations they add make more types addressable, so the key-root and location bases
//!     are inferred again from those of step 6 once every navigation is known. Only this
//!     inference is reported, and it is the one kept: a type comes out the same whether a
//!     table or only a request path shows the navigation to it;
//! 11. `restated`: base properties that only the subtypes list;
//! 12. `kinds`: entity, complex or enum;
//! 13. `typedefs`: the schema's types (inherited properties dropped from subtypes), sorted,
//!     with their product areas.
//!
//! Once the examples are gathered too, [`select_subset`] keeps the namespaces and areas a
//! `docgen.toml` chooses, with the types they reference (`subset`): run by
//! [`crate::load_configured_docs`], it is part of the stage, so every later stage and command
//! sees only the subset.
//!
//! Pages come in path order and each phase reads them so; the types come out sorted by name:
//! the schema does not depend on the order the pages are listed in or on the thread count.

mod api_version;
mod bases;
mod enums;
mod fixes;
mod index;
mod inference;
mod inheritance;
mod keys;
mod kinds;
mod lookup;
mod model;
mod placement;
mod properties;
mod request_paths;
mod restated;
mod subset;
mod typedefs;
mod unions;

use crate::config::Fix;
use crate::diagnostic::Diagnostic;
use crate::facts::PageFacts;
use bases::Bases;
use index::TypeIndex;
pub use lookup::TypeLookup;
pub use model::{schema_order, EnumMember, Kind, Property, Schema, TypeDef};
pub use subset::select_subset;

/// Merges the facts of all pages (in path order) into a schema, with what went wrong.
pub fn build_schema(pages: &[PageFacts]) -> (Schema, Vec<Diagnostic>) {
    build_fixed_schema(pages, &[])
}

/// [`build_schema`], with the fixes of a `docgen.toml` applied (see `fixes`).
pub fn build_fixed_schema(pages: &[PageFacts], fixes: &[Fix]) -> (Schema, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let pages = api_version::pages_of_the_docs_version(pages, &mut diagnostics);
    let mut index = TypeIndex::build(&pages, &mut diagnostics);
    properties::merge_properties(&mut index, &mut diagnostics);
    enums::resolve_enum_properties(&mut index, &mut diagnostics);
    let applied = fixes::apply_to_drafts(&mut index, fixes, &mut diagnostics);
    inference::infer_undescribed_types(&mut index, &pages, &mut diagnostics);
    let mut page_bases = inheritance::bases_from_pages(&index, &mut diagnostics);
    inheritance::break_cycles(&index, &mut page_bases, &mut diagnostics);
    // Phase 7, for phases 8 and 9 to read; its diagnostics are dropped (phase 10 reports).
    let addressable = keys::addressable_types(&index);
    let (bases, _) = infer_bases(
        &index,
        &pages,
        &addressable,
        page_bases.clone(),
        &mut Vec::new(),
    );
    unions::type_unions(&mut index, &bases, &mut diagnostics);
    request_paths::navigations_from_requests(&mut index, &pages, &bases, &mut diagnostics);
    // Phase 10: the bases the schema keeps.
    let addressable = keys::addressable_types(&index);
    let (bases, key_root) = infer_bases(&index, &pages, &addressable, page_bases, &mut diagnostics);
    restated::hoist_restated_properties(&mut index, &bases, &mut diagnostics);
    let mut kinds = kinds::kinds(&index, &bases, &addressable, key_root);
    fixes::apply_to_kinds(&index, &applied, &mut kinds, &mut diagnostics);
    let mut types = typedefs::type_defs(&index, &bases, &kinds);
    typedefs::assign_areas(&mut types, &pages);
    fixes::finish(&mut types, &applied, &mut diagnostics);
    (Schema { types }, diagnostics)
}

/// `bases` with those the key and the responses' locations imply for types that have none
/// (phases 7 and 10), and the key root.
fn infer_bases(
    index: &TypeIndex<'_>,
    pages: &[&PageFacts],
    addressable: &[bool],
    mut bases: Bases,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Bases, Option<usize>) {
    let key_root = keys::infer_key_root_bases(index, &mut bases, addressable, diagnostics);
    placement::bases_from_locations(index, pages, &mut bases, diagnostics);
    (bases, key_root)
}
