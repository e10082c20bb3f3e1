//! The public API of the crate a schema makes, per schema type: the items, fields and variants
//! code that uses the crate names. The changelog (`crate::diff`) compares two of them, because
//! how a change of the docs reaches that code is decided by the Rust it generates (a name taken
//! by a collision, an `Any...` enum), not by the docs alone.

use std::collections::{BTreeMap, BTreeSet};

use super::model::build::ModelOptions;
use super::model::{self, CrateModel, Field, FieldType, Item, ItemPath, Module, Struct};
use super::modules::ModuleNames;
#[cfg(test)]
use super::structs::field_type;
use super::{ExtraDerives, PrimitiveChoices};
use crate::schema::{Schema, TypeLookup};

/// Every schema type's public API, by qualified name in lower case (a schema has no two types
/// whose names differ only in case).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ApiSurface {
    pub types: BTreeMap<String, TypeSurface>,
}

impl ApiSurface {
    /// The API of the type of this qualified name, whatever its case.
    pub fn get(&self, qualified: &str) -> Option<&TypeSurface> {
        self.types.get(&qualified.to_ascii_lowercase())
    }
}

/// What a schema type is generated as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemForm {
    Struct,
    Enum,
    /// `type X = serde_json::Value`: a complex type without properties, base or subtypes.
    Untyped,
}

impl ItemForm {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemForm::Struct => "a struct",
            ItemForm::Enum => "an enum",
            ItemForm::Untyped => "an alias of `serde_json::Value`",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TypeSurface {
    /// The item's path in the crate, `graph::RecordOperation`.
    pub path: String,
    pub form: ItemForm,
    /// The path of the `Any...` enum of a type with subtypes.
    pub any: Option<String>,
    /// The qualified names (in lower case) of the types its `Any...` enum has a variant for,
    /// itself included.
    pub any_variants: BTreeSet<String>,
    /// A struct's fields (own and inherited) by wire name.
    pub fields: BTreeMap<String, FieldSurface>,
    /// An enum's variants by wire name.
    pub variants: BTreeMap<String, String>,
    /// The paths of the struct's ancestors, parent first: it converts `From` itself into each.
    pub ancestors: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSurface {
    /// The Rust field name, `display_name`.
    pub name: String,
    /// The field's Rust type as code names it, `Option<Vec<graph::User>>`.
    pub ty: String,
}

/// The public API of the crate [`super::render_crate`] makes of `schema`, whatever features
/// are on.
pub fn api_surface(schema: &Schema, primitives: &PrimitiveChoices) -> ApiSurface {
    let lookup = TypeLookup::new(schema);
    // Derives, module names and additional-properties of docgen.toml are left out: the
    // changelog is of the docs' API.
    let (derives, module_names) = (ExtraDerives::default(), ModuleNames::default());
    let options = ModelOptions {
        primitives,
        doc_comments: false,
        additional_properties: true,
        derives: &derives,
        module_names: &module_names,
    };
    // The model's notes are those of rendering the crate, which reports them.
    let (model, _) = model::build::build(&lookup, options);
    surface_of(&model)
}

fn surface_of(model: &CrateModel) -> ApiSurface {
    let in_module = |module: &Module, name: &str| ItemPath {
        module: module.path.clone(),
        name: name.to_string(),
    };
    let mut struct_types: BTreeMap<ItemPath, &str> = BTreeMap::new();
    for module in &model.modules {
        for item in &module.items {
            if let Item::Struct(s) = item {
                struct_types.insert(in_module(module, &s.name), &s.qualified);
            }
        }
    }
    // Per `Any...` enum's base struct, the types it has a variant for.
    let mut any_variants: BTreeMap<&ItemPath, BTreeSet<String>> = BTreeMap::new();
    for item in model.modules.iter().flat_map(|m| &m.items) {
        if let Item::Polymorphic(any) = item {
            let variants = any.variants.iter();
            let types = variants.clone().filter_map(|v| struct_types.get(&v.path));
            if let Some(base) = variants.clone().next() {
                let types = types.map(|q| q.to_ascii_lowercase()).collect();
                any_variants.insert(&base.path, types);
            }
        }
    }
    let mut types = BTreeMap::new();
    for module in &model.modules {
        for item in &module.items {
            let (qualified, surface) = match item {
                Item::Struct(s) => {
                    let path = in_module(module, &s.name);
                    (s.qualified.clone(), struct_surface(s, &path, &any_variants))
                }
                Item::Enum(e) => {
                    let variants = e
                        .members
                        .iter()
                        .map(|m| (m.wire_name.clone(), m.variant.clone()))
                        .collect();
                    let path = in_module(module, &e.name);
                    let surface = TypeSurface {
                        variants,
                        ..plain(&path, ItemForm::Enum)
                    };
                    (e.qualified.clone(), surface)
                }
                Item::Untyped(u) => {
                    let path = in_module(module, &u.name);
                    (u.qualified.clone(), plain(&path, ItemForm::Untyped))
                }
                Item::Polymorphic(_) => continue,
            };
            types.insert(qualified.to_ascii_lowercase(), surface);
        }
    }
    ApiSurface { types }
}

fn struct_surface(
    item: &Struct,
    path: &ItemPath,
    any_variants: &BTreeMap<&ItemPath, BTreeSet<String>>,
) -> TypeSurface {
    let fields = item
        .fields
        .iter()
        .map(|f| {
            let surface = FieldSurface {
                name: f.name.clone(),
                ty: field_type_text(f),
            };
            (f.wire_name.clone(), surface)
        })
        .collect();
    let ancestors = item
        .parent
        .iter()
        .map(|p| &p.path)
        .chain(item.further_ancestors.iter().map(|a| &a.path))
        .map(display_path)
        .collect();
    TypeSurface {
        any: item.polymorphic.as_ref().map(display_path),
        any_variants: any_variants.get(path).cloned().unwrap_or_default(),
        fields,
        ancestors,
        ..plain(path, ItemForm::Struct)
    }
}

fn plain(path: &ItemPath, form: ItemForm) -> TypeSurface {
    TypeSurface {
        path: display_path(path),
        form,
        any: None,
        any_variants: BTreeSet::new(),
        fields: BTreeMap::new(),
        variants: BTreeMap::new(),
        ancestors: Vec::new(),
    }
}

/// `graph::User`.
fn display_path(path: &ItemPath) -> String {
    let mut segments = path.module.clone();
    segments.push(path.name.clone());
    segments.join("::")
}

/// The Rust type of a field as code names it: what [`field_type`] renders, written as text
/// straight from the model (rendering tokens and printing them costs more than the rest of a
/// diff): a field that holds one struct boxes it.
fn field_type_text(field: &Field) -> String {
    let inner = match &field.ty {
        FieldType::Primitive(primitive) => without_prefixes(primitive.rust),
        FieldType::Json => "serde_json::Value".to_string(),
        FieldType::Enum(path) | FieldType::Polymorphic(path) | FieldType::Untyped(path) => {
            display_path(path)
        }
        FieldType::Struct(path) if field.collection => display_path(path),
        FieldType::Struct(path) => format!("Box<{}>", display_path(path)),
    };
    if field.collection {
        format!("Option<Vec<{inner}>>")
    } else {
        format!("Option<{inner}>")
    }
}

/// Rust code as a reader writes it: `Option<Vec<graph::User>>`, with the standard library's and
/// the crate's own prefixes left out.
fn without_prefixes(code: &str) -> String {
    let text: String = code.split_whitespace().collect();
    let text = [
        "::std::option::",
        "::std::vec::",
        "::std::boxed::",
        "::std::string::",
        "crate::",
    ]
    .iter()
    .fold(text, |text, prefix| text.replace(prefix, ""));
    // `::chrono::DateTime<::chrono::Utc>` reads `chrono::DateTime<chrono::Utc>`.
    let text = text.replace("<::", "<").replace(",::", ",");
    text.strip_prefix("::").map_or(text.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rust::primitives::PRIMITIVES;

    fn field(ty: FieldType, collection: bool) -> Field {
        Field {
            name: "value".to_string(),
            wire_name: "value".to_string(),
            ty,
            collection,
            navigation: false,
            description: String::new(),
            feature: None,
        }
    }

    /// The text is what the rendered tokens say, for every kind of field type.
    #[test]
    fn a_field_type_as_text_is_the_rendered_type() {
        let path = ItemPath {
            module: vec!["graph".to_string()],
            name: "User".to_string(),
        };
        let mut types: Vec<FieldType> = PRIMITIVES.iter().map(FieldType::Primitive).collect();
        types.extend([
            FieldType::Json,
            FieldType::Enum(path.clone()),
            FieldType::Polymorphic(path.clone()),
            FieldType::Untyped(path.clone()),
            FieldType::Struct(path),
        ]);
        for ty in types {
            for collection in [false, true] {
                let field = field(ty.clone(), collection);
                let rendered = without_prefixes(&field_type(&field, &[]).to_string());
                assert_eq!(field_type_text(&field), rendered);
            }
        }
        let user = field(
            FieldType::Struct(ItemPath {
                module: vec!["graph".to_string()],
                name: "User".to_string(),
            }),
            true,
        );
        assert_eq!(field_type_text(&user), "Option<Vec<graph::User>>");
    }
}
