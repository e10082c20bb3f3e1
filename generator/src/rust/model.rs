//! The crate as data: every module, struct, enum and polymorphic enum, with its Rust names and
//! field types settled. [`build::build`] (`model/build.rs`) makes it from the schema; the render
//! modules only print it.

pub(super) mod build;

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::derives::Derive;
use super::features::Features;
use super::names::ident;
use super::primitives::Primitive;

/// The Rust field that holds `@odata.type`.
pub const ODATA_TYPE_FIELD: &str = "odata_type";
/// The Rust field that holds every property a type does not declare.
pub const ADDITIONAL_PROPERTIES_FIELD: &str = "additional_properties";
/// The wire name of the type annotation.
pub const ODATA_TYPE_WIRE: &str = "@odata.type";
/// The catch-all variant of every enum.
pub const CATCH_ALL: &str = "Unrecognized";

/// Where an item lives: its module path (Rust names) and its name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ItemPath {
    pub module: Vec<String>,
    pub name: String,
}

impl ItemPath {
    /// The item named from inside module `from`: bare in its own module, `crate::...` elsewhere.
    pub fn tokens(&self, from: &[String]) -> TokenStream {
        let name = ident(&self.name);
        if self.module == from {
            return quote!(#name);
        }
        let module = self.module.iter().map(|m| ident(m));
        quote!(crate #(:: #module)* :: #name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CrateModel {
    /// Sorted by path; the root (empty path) first.
    pub modules: Vec<Module>,
    /// Every product area's feature ([`super::features`]).
    pub features: Features,
    /// Per feature, the items of the types whose own page is of its area, in schema order
    /// (gated by it, or always compiled when several areas share them).
    pub area_types: BTreeMap<String, Vec<ItemPath>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub path: Vec<String>,
    /// The namespace whose types this module holds; `None` for one that only holds submodules.
    pub namespace: Option<String>,
    pub submodules: Vec<String>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Struct(Struct),
    Enum(Enum),
    Polymorphic(Polymorphic),
    Untyped(Untyped),
}

/// A complex type that declares no property and has no base and no subtype (`Json`): its values
/// are whatever JSON the service sends, object or not, so it names `serde_json::Value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Untyped {
    pub name: String,
    /// `microsoft.graph.json`
    pub qualified: String,
    pub description: String,
    pub feature: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    pub name: String,
    /// `microsoft.graph.commsOperation`
    pub qualified: String,
    pub description: String,
    /// The feature of the type's product area.
    pub feature: Option<String>,
    /// Own and inherited properties, base first in chain order; the `odata_type` field every
    /// struct has, and `additional_properties`, are not listed.
    pub fields: Vec<Field>,
    pub parent: Option<Parent>,
    /// The ancestors above the parent, nearest first.
    pub further_ancestors: Vec<Ancestor>,
    /// The enum that reads this type or any subtype, when it has subtypes.
    pub polymorphic: Option<ItemPath>,
    /// Whether it keeps the properties it does not declare, and the `null`s of those it does,
    /// in an `additional_properties` map (`docgen.toml`'s `additional-properties`).
    pub additional_properties: bool,
    /// Derived beyond `Clone`, `Default` and `PartialEq` ([`super::derives`]).
    pub derives: Vec<Derive>,
}

/// The direct base type of a struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Parent {
    pub path: ItemPath,
    pub feature: Option<String>,
    /// How many leading fields of the struct are the parent's.
    pub inherited_fields: usize,
}

/// A base type further up than the parent.
#[derive(Debug, Clone, PartialEq)]
pub struct Ancestor {
    pub path: ItemPath,
    pub feature: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub wire_name: String,
    pub ty: FieldType,
    pub collection: bool,
    /// A relationship: the service sends it only when the request expands it.
    pub navigation: bool,
    pub description: String,
    /// The feature of the product area of the field's type.
    pub feature: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldType {
    Primitive(&'static Primitive),
    /// Any JSON, for a type the schema does not know.
    Json,
    Enum(ItemPath),
    /// The `Any...` enum of a type with subtypes.
    Polymorphic(ItemPath),
    /// An [`Untyped`] item.
    Untyped(ItemPath),
    /// A struct, boxed when the field holds one value (see [`crate::rust::structs`]).
    Struct(ItemPath),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    pub name: String,
    /// `microsoft.graph.operationStatus`
    pub qualified: String,
    pub description: String,
    pub feature: Option<String>,
    pub members: Vec<Member>,
    /// `Unrecognized`, numbered if a member took that name.
    pub catch_all: String,
    /// Derived beyond `Clone`, `Debug`, `Eq`, `Hash` and `PartialEq` ([`super::derives`]).
    pub derives: Vec<Derive>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub variant: String,
    pub wire_name: String,
    pub description: String,
    /// False when an earlier member has the same spelling but for case: reading gives that one.
    pub parsed: bool,
}

/// `AnyCommsOperation`: a base type or any of its concrete descendants, told apart by
/// `@odata.type`.
#[derive(Debug, Clone, PartialEq)]
pub struct Polymorphic {
    pub name: String,
    /// The base's feature.
    pub feature: Option<String>,
    /// The base's variant comes first and is the fallback for absent or unknown types.
    pub variants: Vec<Variant>,
    /// The accessors of the base's property fields, in field order.
    pub accessors: Vec<Accessor>,
    /// Whether its structs have `additional_properties`, which it then lends too.
    pub additional_properties: bool,
    /// Derived beyond `Clone`, `Debug` and `PartialEq` ([`super::derives`]).
    pub derives: Vec<Derive>,
}

/// The methods of a polymorphic enum that reach one of the base's fields in any variant.
#[derive(Debug, Clone, PartialEq)]
pub struct Accessor {
    /// The base's field (every variant's struct has it, under the same name).
    pub field: Field,
    /// `display_name`
    pub getter: String,
    /// `display_name_mut`
    pub setter: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub name: String,
    pub path: ItemPath,
    /// The lower-cased qualified name it is read for; `None` for the base (the fallback) and
    /// for a type whose name, but for case, an earlier variant already reads.
    pub key: Option<String>,
    /// The features of the types from this one up to the base, the base's own left out.
    pub features: Features,
    /// `as_group`: the variant's value by reference, if it is this variant.
    pub as_method: String,
    /// `into_group`: the variant's value, if it is this variant.
    pub into_method: String,
}
