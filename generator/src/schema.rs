//! Stage 4: merge the facts of every page into one schema.
//!
//! The merge runs in fixed phases, each a small module, over the pages of the docs' API version
//! (`api_version` sets aside pages that document another):
//! 1. `index`: every type any page describes, keyed case-insensitively, and name resolution;
//! 2. `properties`: each type's properties, settled across pages by the rule in that module;
//! 3. `enums`: unnamed `Enumeration`s and value lists matched to (or made into) enums;
//! 4. `inference`: types that no page describes, filled in from the JSON examples;
//! 5. `inheritance`: base types, cycles, own vs inherited properties, entity vs complex; with
//!    `placement` (bases from where responses live), `unions` (properties of one type or
//!    another, typed once the bases are known), `request_paths` (navigation properties that
//!    only request paths show) and `restated` (base properties only subtypes list).
//!
//! Output is sorted and keyed by lower-cased names, so it does not depend on page order.

mod api_version;
mod bases;
mod enums;
mod index;
mod inference;
mod inheritance;
mod placement;
mod properties;
mod request_paths;
mod restated;
mod unions;

use crate::diagnostic::{Diagnostic, Location};
use crate::facts::PageFacts;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Has a key; ultimately derives from `entity`.
    Entity,
    Complex,
    Enum,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Entity => "entity",
            Kind::Complex => "complex",
            Kind::Enum => "enum",
        }
    }
}

/// The merged model of every documented type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Schema {
    /// Sorted by qualified name (case-insensitive, then as written).
    pub types: Vec<TypeDef>,
}

impl Schema {
    pub fn get(&self, qualified: &str) -> Option<&TypeDef> {
        self.types
            .binary_search_by(|t| sort_key(&t.qualified_name()).cmp(&sort_key(qualified)))
            .ok()
            .map(|i| &self.types[i])
    }
}

/// Orders names case-insensitively, with the exact spelling as tie-breaker.
pub(crate) fn sort_key(name: &str) -> (String, &str) {
    (name.to_ascii_lowercase(), name)
}

#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    pub namespace: String,
    pub name: String,
    pub kind: Kind,
    /// Qualified name of the base type.
    pub base: Option<String>,
    pub is_abstract: bool,
    pub description: String,
    /// Only what the type itself declares, in documented order.
    pub properties: Vec<Property>,
    /// Enum members in documented order (enums only).
    pub members: Vec<EnumMember>,
    pub sources: Vec<Location>,
    /// The product area of the type's first source page (its own page when it has one): what
    /// the Rust stage makes Cargo features of. Not part of the JSON export.
    pub area: Option<String>,
}

impl TypeDef {
    pub fn qualified_name(&self) -> String {
        format!("{}.{}", self.namespace, self.name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    pub name: String,
    /// `Edm.<Primitive>` or a qualified type name.
    pub ty: String,
    pub collection: bool,
    pub nullable: bool,
    pub navigation: bool,
    pub description: String,
    pub sources: Vec<Location>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumMember {
    pub name: String,
    pub value: Option<i64>,
    pub description: String,
    pub source: Location,
}

/// Merges the facts of all pages (in path order) into a schema, with what went wrong.
pub fn build_schema(pages: &[PageFacts]) -> (Schema, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let pages = api_version::pages_of_the_docs_version(pages, &mut diagnostics);
    let mut index = index::TypeIndex::build(&pages, &mut diagnostics);
    properties::merge_properties(&mut index, &mut diagnostics);
    enums::resolve_enum_properties(&mut index, &mut diagnostics);
    inference::infer_undescribed_types(&mut index, &pages, &mut diagnostics);
    let mut types = inheritance::finish_types(index, &pages, &mut diagnostics);
    assign_areas(&mut types, &pages);
    (Schema { types }, diagnostics)
}

/// Gives each type the product area of its first source page.
fn assign_areas(types: &mut [TypeDef], pages: &[&PageFacts]) {
    let areas: std::collections::HashMap<&str, &str> = pages
        .iter()
        .filter_map(|page| Some((&*page.path, page.area.as_deref()?)))
        .collect();
    for ty in types {
        ty.area = ty
            .sources
            .first()
            .and_then(|source| areas.get(&*source.file))
            .map(|area| area.to_string());
    }
}
