//! Both sides of the comparison in one shape: the facts the scoring matches, keyed by
//! lower-cased name (names match case-insensitively), with the names as written kept for the
//! report.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use super::documented::is_resource_page;
use crate::diagnostic::Location;
use crate::schema::{Kind, Schema};

/// Types by lower-cased qualified name.
pub(super) type Model = BTreeMap<String, TypeFacts>;

#[derive(Debug)]
pub(super) struct TypeFacts {
    /// Qualified, as written.
    pub name: String,
    pub kind: Kind,
    /// Qualified, as written; never empty.
    pub base: Option<String>,
    /// Structural properties by lower-cased name.
    pub properties: BTreeMap<String, PropertyFacts>,
    /// Navigation properties by lower-cased name.
    pub navigations: BTreeMap<String, PropertyFacts>,
    /// Enum members by lower-cased name.
    pub members: BTreeMap<String, MemberFacts>,
    /// Where the docs describe it; the metadata side has none.
    pub location: Option<Location>,
}

#[derive(Debug)]
pub(super) struct PropertyFacts {
    pub name: String,
    pub ty: ValueType,
    pub location: Option<Location>,
}

#[derive(Debug)]
pub(super) struct MemberFacts {
    pub name: String,
    pub location: Option<Location>,
}

/// A property's type: a qualified name (`Edm.String`, `microsoft.graph.user`) and whether it is
/// a collection of it.
#[derive(Debug, Clone)]
pub(super) struct ValueType {
    pub name: String,
    pub collection: bool,
}

impl ValueType {
    pub fn matches(&self, other: &ValueType) -> bool {
        self.collection == other.collection && key(&self.name) == key(&other.name)
    }
}

impl fmt::Display for ValueType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.collection {
            write!(f, "Collection({})", self.name)
        } else {
            f.write_str(&self.name)
        }
    }
}

/// The evidence to point a writer at: the first on a type's own page (a resources page) if
/// any, since API pages that merely mention the type come first in path order.
fn docs_location(sources: &[Location]) -> Option<Location> {
    sources
        .iter()
        .find(|source| is_resource_page(Path::new(&*source.file)))
        .or(sources.first())
        .cloned()
}

/// The key a name matches by.
pub(super) fn key(name: &str) -> String {
    name.to_lowercase()
}

/// The docs' side, as the schema JSON export shows it to `fidelity.py`: enums carry no base and
/// no properties there, and an empty base counts as none.
pub(super) fn from_schema(schema: &Schema) -> Model {
    let mut model = Model::new();
    for ty in &schema.types {
        let structured = ty.kind != Kind::Enum;
        let mut properties = BTreeMap::new();
        let mut navigations = BTreeMap::new();
        for property in ty.properties.iter().filter(|_| structured) {
            let side = if property.navigation {
                &mut navigations
            } else {
                &mut properties
            };
            // Of two spellings of one name the later wins, as in fidelity.py's dicts.
            side.insert(
                key(&property.name),
                PropertyFacts {
                    name: property.name.clone(),
                    ty: ValueType {
                        name: property.ty.clone(),
                        collection: property.collection,
                    },
                    location: docs_location(&property.sources),
                },
            );
        }
        let members = ty
            .members
            .iter()
            .map(|member| {
                let facts = MemberFacts {
                    name: member.name.clone(),
                    location: Some(member.source.clone()),
                };
                (key(&member.name), facts)
            })
            .collect();
        let name = ty.qualified_name();
        model.insert(
            key(&name),
            TypeFacts {
                name,
                kind: ty.kind,
                base: ty
                    .base
                    .clone()
                    .filter(|base| structured && !base.is_empty()),
                properties,
                navigations,
                members,
                location: docs_location(&ty.sources),
            },
        );
    }
    model
}
