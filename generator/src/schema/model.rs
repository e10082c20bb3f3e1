//! The finished schema's data: its types, their properties and members, and the one order
//! they are kept in. Every phase of the stage and every stage after it reads these; the phases
//! fill them in through the stage's own drafts (`index`).

use std::cmp::Ordering;
use std::ops::Range;

use crate::diagnostic::Location;

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

/// The merged model of every documented type. A [`TypeLookup`](crate::schema::TypeLookup)
/// finds its types by name ignoring case, with their ancestors and the types of each page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Schema {
    /// Sorted by qualified name (case-insensitive, then as written: [`schema_order`]). The
    /// schema stage gives no two types names that differ only in case.
    pub types: Vec<TypeDef>,
}

impl Schema {
    /// The type of this qualified name, spelled exactly so.
    pub fn get(&self, qualified: &str) -> Option<&TypeDef> {
        position_ignoring_case(&self.types, qualified)
            .map(|at| &self.types[at])
            .filter(|ty| ty.qualified_bytes().eq(qualified.bytes()))
    }
}

/// The order of the schema's types: by qualified name ignoring ASCII case, then as written.
/// Compared byte by byte, without making either name.
pub fn schema_order(a: &TypeDef, b: &TypeDef) -> Ordering {
    cmp_ignoring_case(a.qualified_bytes(), b.qualified_bytes())
        .then_with(|| a.qualified_bytes().cmp(b.qualified_bytes()))
}

fn cmp_ignoring_case(a: impl Iterator<Item = u8>, b: impl Iterator<Item = u8>) -> Ordering {
    a.map(|byte| byte.to_ascii_lowercase())
        .cmp(b.map(|byte| byte.to_ascii_lowercase()))
}

/// Where in `types` (in [`schema_order`]) the type named `qualified` is, ignoring ASCII case:
/// the one spelled exactly so, else the first that differs only in case.
pub(super) fn position_ignoring_case(types: &[TypeDef], qualified: &str) -> Option<usize> {
    let candidates = positions_ignoring_case(types, qualified);
    let exact = types[candidates.clone()]
        .iter()
        .position(|ty| ty.qualified_bytes().eq(qualified.bytes()));
    let first_but_case = (!candidates.is_empty()).then_some(0);
    exact.or(first_but_case).map(|at| candidates.start + at)
}

/// Where in `types` (in [`schema_order`]) every type named `qualified` ignoring ASCII case is:
/// a binary search that makes no string.
pub(super) fn positions_ignoring_case(types: &[TypeDef], qualified: &str) -> Range<usize> {
    let order = |ty: &TypeDef| cmp_ignoring_case(ty.qualified_bytes(), qualified.bytes());
    let first = types.partition_point(|ty| order(ty).is_lt());
    let same_but_case = types[first..]
        .iter()
        .take_while(|ty| order(ty).is_eq())
        .count();
    first..first + same_but_case
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
    /// The reason of the `docgen.toml` fix that set the type's base or kind or changed its
    /// members, which its doc comment repeats. Not part of the JSON export.
    pub set_by_config: Option<String>,
}

impl TypeDef {
    pub fn qualified_name(&self) -> String {
        format!("{}.{}", self.namespace, self.name)
    }

    /// The bytes of [`TypeDef::qualified_name`], without making it.
    fn qualified_bytes(&self) -> impl Iterator<Item = u8> + '_ {
        let dot = std::iter::once(b'.');
        self.namespace.bytes().chain(dot).chain(self.name.bytes())
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
    /// The reason of the `docgen.toml` fix that added the property or set its type, which its
    /// doc comment repeats. Not part of the JSON export.
    pub set_by_config: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumMember {
    pub name: String,
    pub value: Option<i64>,
    pub description: String,
    pub source: Location,
    /// The reason of the `docgen.toml` fix that added or renamed the member.
    pub set_by_config: Option<String>,
}

impl EnumMember {
    /// A member known only by name, from a list of values at `source`.
    pub(super) fn listed(name: &str, source: &Location) -> Self {
        EnumMember {
            name: name.to_string(),
            value: None,
            description: String::new(),
            source: source.clone(),
            set_by_config: None,
        }
    }
}
