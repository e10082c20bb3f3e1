//! A struct per entity or complex type: every own and inherited property as an `Option` field,
//! `@odata.type`, a catch-all for undeclared properties, the `ODATA_TYPE` constant, `Serialize`
//! and `Deserialize`, `Debug`, and `From` conversions to every ancestor.
//!
//! Every struct is `#[non_exhaustive]` and `Default`: the pages gain properties, and a field
//! added to a struct that other crates build with a literal would break them. Outside the crate
//! a value is built with `default()` and its fields set one by one (`..Default::default()` is
//! refused for a non-exhaustive struct too); inside, literals stay as they are.
//!
//! `Debug` shows only the fields that are set (a value usually has a few of dozens), then `..`
//! if any is not; it is one line per field calling the support module's `DebugObject`.
//!
//! `Serialize` and `Deserialize` are written out rather than derived: with hundreds of structs
//! of dozens of fields, serde's derive (a field enum, a visitor and, for the flattened
//! catch-all, a buffer of every unknown key) was most of the generated crate's compile time.
//! Here each field is one line of each impl, calling the support module's `ObjectReader` and
//! `ObjectWriter`: the object is read as a JSON map, each property taken out by its wire name,
//! and what is left is `additional_properties`.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc_comments::doc_attrs;
use super::features::{cfg, features, Features};
use super::model::{Field, FieldType, Struct, ODATA_TYPE_FIELD, ODATA_TYPE_WIRE};
use super::names::{ident, unraw};

/// The Rust type of a field: always an `Option`, of a `Vec` for a collection.
pub fn field_type(field: &Field, module: &[String]) -> TokenStream {
    let inner = match &field.ty {
        FieldType::Primitive(primitive) => primitive.rust.parse().unwrap_or_default(),
        FieldType::Json => quote!(::serde_json::Value),
        FieldType::Enum(path) | FieldType::Polymorphic(path) | FieldType::Untyped(path) => {
            path.tokens(module)
        }
        FieldType::Struct { path, boxed: false } => path.tokens(module),
        FieldType::Struct { path, boxed: true } => {
            let path = path.tokens(module);
            quote!(::std::boxed::Box<#path>)
        }
    };
    let inner = if field.collection {
        quote!(::std::vec::Vec<#inner>)
    } else {
        inner
    };
    quote!(::std::option::Option<#inner>)
}

/// A field's documentation: its description, and for a navigation property when it is there.
fn field_docs(field: &Field) -> String {
    if !field.navigation {
        return field.description.clone();
    }
    let expand = format!(
        "Navigation property: present only when the request expands it (`$expand={}`).",
        field.wire_name
    );
    if field.description.trim().is_empty() {
        expand
    } else {
        format!("{}\n\n{expand}", field.description)
    }
}

/// The `#[cfg]` of a field inside an item that needs `enclosing`.
fn field_cfg(field: &Field, enclosing: &Features) -> TokenStream {
    cfg(&features([&field.feature]), enclosing)
}

/// `let name` for a binding that only the statements under `gates` mutate: `let mut name` when
/// one of them is always compiled, and `unused_mut` allowed when features may leave out all.
fn let_mutated_by(name: &str, gates: &[TokenStream]) -> TokenStream {
    let name = ident(name);
    if gates.is_empty() {
        quote!(let #name)
    } else if gates.iter().any(TokenStream::is_empty) {
        quote!(let mut #name)
    } else {
        quote!(#[allow(unused_mut)] let mut #name)
    }
}

pub fn render_struct(item: &Struct, module: &[String]) -> TokenStream {
    let docs = doc_attrs(&item.description);
    let own = features([&item.feature]);
    let gate = cfg(&own, &Features::new());
    let name = ident(&item.name);
    let odata_type = format!("#{}", item.qualified);
    let odata_type_doc =
        format!(" `{ODATA_TYPE_WIRE}`: the type of the value, such as `{odata_type}`.");
    let names: Vec<_> = item.fields.iter().map(|field| ident(&field.name)).collect();
    let wire_names: Vec<_> = item.fields.iter().map(|field| &field.wire_name).collect();
    let gates: Vec<_> = item
        .fields
        .iter()
        .map(|field| field_cfg(field, &own))
        .collect();
    let fields = item
        .fields
        .iter()
        .zip(&names)
        .zip(&gates)
        .map(|((field, name), gate)| {
            let docs = doc_attrs(&field_docs(field));
            let ty = field_type(field, module);
            quote! {
                #docs
                #gate
                pub #name: #ty,
            }
        });
    let let_object = let_mutated_by("object", &gates);
    let debug_names = item.fields.iter().map(|field| unraw(&field.name));
    let name_text = &item.name;
    let upcasts = render_upcasts(item, module);
    quote! {
        #docs
        #gate
        #[derive(Clone, Default, PartialEq)]
        #[non_exhaustive]
        pub struct #name {
            #[doc = #odata_type_doc]
            pub odata_type: ::std::option::Option<::std::string::String>,
            #(#fields)*
            /// Every property this type does not declare (`@odata.context`, `@odata.etag`, ...),
            /// as it was read, so that writing the value back loses nothing.
            pub additional_properties: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }

        #gate
        impl #name {
            /// The `@odata.type` of this type.
            pub const ODATA_TYPE: &str = #odata_type;

            /// Writes the value as a JSON object, with `type_if_missing` as its `@odata.type`
            /// when it names none.
            pub(crate) fn serialize_object<S>(
                &self,
                type_if_missing: ::std::option::Option<&str>,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                let odata_type = self.odata_type.as_deref().or(type_if_missing);
                #let_object = crate::support::ObjectWriter::new(serializer, odata_type);
                #(#gates object.field(#wire_names, &self.#names);)*
                object.finish(&self.additional_properties)
            }
        }

        #gate
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let mut object = crate::support::DebugObject::new(f, #name_text);
                object.field(#ODATA_TYPE_FIELD, &self.odata_type);
                #(#gates object.field(#debug_names, &self.#names);)*
                object.finish(&self.additional_properties)
            }
        }

        #gate
        impl ::serde::Serialize for #name {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                self.serialize_object(None, serializer)
            }
        }

        #gate
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                let mut object = crate::support::ObjectReader::new(deserializer)?;
                let value = Self {
                    odata_type: object.field(#ODATA_TYPE_WIRE),
                    #(#gates #names: object.field(#wire_names),)*
                    additional_properties: object.rest(),
                };
                object.finish(value)
            }
        }

        #upcasts
    }
}

/// `From<Self>` for the parent, moving the fields it lacks into its `additional_properties` and
/// naming this type in `odata_type` if the value names none; and for every further ancestor,
/// through the parent.
fn render_upcasts(item: &Struct, module: &[String]) -> TokenStream {
    let Some(parent) = &item.parent else {
        return TokenStream::new();
    };
    let name = ident(&item.name);
    let parent_path = parent.path.tokens(module);
    let both_ends = features([&item.feature, &parent.feature]);
    let (inherited, own) = item.fields.split_at(parent.inherited_fields);
    let inherited_gates = inherited.iter().map(|f| field_cfg(f, &both_ends));
    let inherited = inherited.iter().map(|f| ident(&f.name));
    let own_gates: Vec<_> = own.iter().map(|f| field_cfg(f, &both_ends)).collect();
    let let_additional_properties = let_mutated_by("additional_properties", &own_gates);
    let own_wire_names = own.iter().map(|f| &f.wire_name);
    let own = own.iter().map(|f| ident(&f.name));
    let additional_properties = quote! {
        #let_additional_properties = value.additional_properties;
        #(
            #own_gates
            crate::support::keep_as_json(&mut additional_properties, #own_wire_names, value.#own);
        )*
    };
    let mut between = both_ends.clone();
    let further = item.further_ancestors.iter().map(|ancestor| {
        between.extend(ancestor.feature.clone());
        let gate = cfg(&between, &Features::new());
        let ancestor = ancestor.path.tokens(module);
        quote! {
            #gate
            impl ::std::convert::From<#name> for #ancestor {
                fn from(value: #name) -> Self {
                    Self::from(#parent_path::from(value))
                }
            }
        }
    });
    let gate = cfg(&both_ends, &Features::new());
    quote! {
        #gate
        impl ::std::convert::From<#name> for #parent_path {
            fn from(value: #name) -> Self {
                #additional_properties
                Self {
                    odata_type: value.odata_type.or_else(|| Some(#name::ODATA_TYPE.into())),
                    #(#inherited_gates #inherited: value.#inherited,)*
                    additional_properties,
                }
            }
        }

        #(#further)*
    }
}
