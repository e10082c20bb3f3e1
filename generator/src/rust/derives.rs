//! The extra derives a `docgen.toml` asks of the generated structs and enums (`struct-derives`,
//! `enum-derives` of `[output]`), and which types can have them.
//!
//! Only derives whose requirements the crate model shows are offered: `Eq` and `Hash` for
//! structs (and the `Any...` enums of their subtypes), `PartialOrd` and `Ord` for enums. A
//! struct holds its undeclared properties in a `serde_json::Map`, which has no order, so no
//! struct can be `PartialOrd`; an enum is its members and an `UnknownValue` (a string), so every
//! enum can have all four, and is `Eq` and `Hash` already.
//!
//! A struct derives `Eq` or `Hash` when each of its fields' types has it: a float (`f32`, `f64`)
//! has neither; a struct or `Any...` enum has it when it derives it, which is decided for all of
//! them at once, every type that reaches a float through its fields (cycles included) being
//! left out. The rest get the derive. Refusing the key instead would make one float anywhere in
//! the docs (an `Edm.Double` of a location reachable from almost every entity) refuse it for
//! every type, and a docs update that adds one would break the configuration; instead each
//! type left out is a note naming the field that keeps it out.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::quote;

use super::model::{CrateModel, FieldType, Item, ItemPath};
use crate::config::TomlPlace;
use crate::diagnostic::{Diagnostic, Severity};

/// A trait a generated type may derive beyond those it always has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Derive {
    Eq,
    Hash,
    PartialOrd,
    Ord,
}

/// Which kind of generated type a derive list is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DerivesOf {
    Structs,
    Enums,
}

/// A derive named in `docgen.toml`, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChosenDerive {
    pub derive: Derive,
    pub at: TomlPlace,
}

/// The extra derives of the generated types.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtraDerives {
    /// For the structs and the `Any...` enums.
    pub structs: Vec<ChosenDerive>,
    /// For the enums of members.
    pub enums: Vec<ChosenDerive>,
}

const ALL: [Derive; 4] = [Derive::Eq, Derive::Hash, Derive::PartialOrd, Derive::Ord];

impl Derive {
    pub fn name(self) -> &'static str {
        match self {
            Derive::Eq => "Eq",
            Derive::Hash => "Hash",
            Derive::PartialOrd => "PartialOrd",
            Derive::Ord => "Ord",
        }
    }

    /// The derive named `name` if `of` can have it: `Err` says why not.
    pub fn parse(name: &str, of: DerivesOf) -> Result<Derive, String> {
        let Some(derive) = ALL.into_iter().find(|d| d.name() == name) else {
            let names: Vec<&str> = ALL.iter().map(|d| d.name()).collect();
            return Err(format!(
                "`{name}` is no derive graph-docgen offers: expected one of {}",
                names.join(", ")
            ));
        };
        match (of, derive) {
            (DerivesOf::Structs, Derive::PartialOrd | Derive::Ord) => Err(format!(
                "structs cannot derive `{name}`: a struct's fields may hold JSON \
                 (`serde_json::Value`, `serde_json::Number`), and its undeclared properties a \
                 `serde_json::Map` (unless `additional-properties = false`); none has an order"
            )),
            (DerivesOf::Enums, Derive::Eq | Derive::Hash) => Err(format!(
                "enums derive `{name}` already: expected `PartialOrd` or `Ord`"
            )),
            _ => Ok(derive),
        }
    }

    /// What else the list must hold for this derive to compile (`Ord` needs `PartialOrd`; an
    /// enum is `Eq` already).
    pub fn requires(self) -> Option<Derive> {
        (self == Derive::Ord).then_some(Derive::PartialOrd)
    }

    /// Whether a primitive's Rust type (as in the primitives table) has this trait.
    fn primitive_has(self, rust: &str) -> bool {
        !matches!(rust, "f32" | "f64")
    }
}

/// The derives of an item, as the tokens after those it always has (`, Eq, Hash`).
pub fn derive_tokens(derives: &[Derive]) -> TokenStream {
    let names = derives.iter().map(|d| quote::format_ident!("{}", d.name()));
    quote!(#(, #names)*)
}

/// Sets the derives of every item of `model`: the enums' all of `derives.enums`, the structs'
/// and `Any...` enums' those of `derives.structs` each can have, with a note for each left out.
pub fn apply(model: &mut CrateModel, derives: &ExtraDerives, diagnostics: &mut Vec<Diagnostic>) {
    let enum_derives: Vec<Derive> = derives.enums.iter().map(|d| d.derive).collect();
    let mut without: BTreeMap<Derive, BTreeMap<ItemPath, String>> = BTreeMap::new();
    for chosen in &derives.structs {
        let left_out = left_out(model, chosen.derive);
        for (path, why) in &left_out {
            diagnostics.push(chosen.at.diagnostic(
                Severity::Note,
                format!(
                    "`{}` does not derive `{}`: {why}",
                    rust_path(path),
                    chosen.derive.name()
                ),
            ));
        }
        without.insert(chosen.derive, left_out);
    }
    for module in &mut model.modules {
        for item in &mut module.items {
            let (name, slot) = match item {
                Item::Enum(item) => {
                    item.derives = enum_derives.clone();
                    continue;
                }
                Item::Struct(item) => (item.name.clone(), &mut item.derives),
                Item::Polymorphic(item) => (item.name.clone(), &mut item.derives),
                Item::Untyped(_) => continue,
            };
            let path = ItemPath {
                module: module.path.clone(),
                name,
            };
            *slot = derives
                .structs
                .iter()
                .map(|d| d.derive)
                .filter(|d| !without[d].contains_key(&path))
                .collect();
        }
    }
}

fn rust_path(path: &ItemPath) -> String {
    let mut parts = path.module.clone();
    parts.push(path.name.clone());
    parts.join("::")
}

/// The structs and `Any...` enums that cannot derive `derive`, each with why: a float field,
/// or a field (a variant) of a type that cannot either.
fn left_out(model: &CrateModel, derive: Derive) -> BTreeMap<ItemPath, String> {
    // Each struct's or `Any...` enum's parts: (field or variant, the item it holds, if any).
    let mut parts: BTreeMap<ItemPath, Vec<(String, Option<ItemPath>)>> = BTreeMap::new();
    let mut why: BTreeMap<ItemPath, String> = BTreeMap::new();
    for module in &model.modules {
        for item in &module.items {
            let here = |name: &str| ItemPath {
                module: module.path.clone(),
                name: name.to_string(),
            };
            match item {
                Item::Struct(item) => {
                    let path = here(&item.name);
                    let mut held = Vec::new();
                    for field in &item.fields {
                        match &field.ty {
                            FieldType::Primitive(primitive)
                                if !derive.primitive_has(primitive.rust) =>
                            {
                                why.entry(path.clone()).or_insert_with(|| {
                                    format!(
                                        "its field `{}` is an `{}`, which is not `{}`",
                                        field.name,
                                        primitive.rust,
                                        derive.name()
                                    )
                                });
                            }
                            FieldType::Struct(target) | FieldType::Polymorphic(target) => {
                                held.push((
                                    format!("its field `{}`", field.name),
                                    Some(target.clone()),
                                ));
                            }
                            _ => {}
                        }
                    }
                    parts.insert(path, held);
                }
                Item::Polymorphic(item) => {
                    let held = item
                        .variants
                        .iter()
                        .map(|v| (format!("its variant `{}`", v.name), Some(v.path.clone())))
                        .collect();
                    parts.insert(here(&item.name), held);
                }
                Item::Enum(_) | Item::Untyped(_) => {}
            }
        }
    }
    // Who holds each item, to spread "cannot" from the floats outwards once per item.
    let mut holders: BTreeMap<&ItemPath, BTreeSet<&ItemPath>> = BTreeMap::new();
    for (holder, held) in &parts {
        for target in held.iter().filter_map(|(_, t)| t.as_ref()) {
            holders.entry(target).or_default().insert(holder);
        }
    }
    let mut to_visit: Vec<ItemPath> = why.keys().cloned().collect();
    while let Some(path) = to_visit.pop() {
        for &holder in holders.get(&path).into_iter().flatten() {
            if why.contains_key(holder) {
                continue;
            }
            // The first of its parts that cannot, in field order (`path` is one).
            let Some((part, target)) = parts[holder].iter().find_map(|(part, target)| {
                target
                    .as_ref()
                    .filter(|target| why.contains_key(*target))
                    .map(|target| (part, target))
            }) else {
                continue;
            };
            let message = format!(
                "{part} is `{}`, which does not derive `{}`",
                rust_path(target),
                derive.name()
            );
            why.insert(holder.clone(), message);
            to_visit.push(holder.clone());
        }
    }
    why
}
