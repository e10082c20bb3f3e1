//! A struct per entity or complex type: every own and inherited property as an `Option` field,
//! `@odata.type`, a catch-all for undeclared properties, the `ODATA_TYPE` constant, `Serialize`
//! and `Deserialize`, and `From` conversions to every ancestor.
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
use super::model::{Field, FieldType, Struct, ODATA_TYPE_WIRE};
use super::names::ident;

/// The Rust type of a field: always an `Option`, of a `Vec` for a collection.
pub fn field_type(field: &Field, module: &[String]) -> TokenStream {
    let inner = match &field.ty {
        FieldType::Primitive(primitive) => primitive.rust.parse().unwrap_or_default(),
        FieldType::Json => quote!(::serde_json::Value),
        FieldType::Enum(path) | FieldType::Polymorphic(path) => path.tokens(module),
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

pub fn render_struct(item: &Struct, module: &[String]) -> TokenStream {
    let docs = doc_attrs(&item.description);
    let name = ident(&item.name);
    let odata_type = format!("#{}", item.qualified);
    let odata_type_doc =
        format!(" `{ODATA_TYPE_WIRE}`: the type of the value, such as `{odata_type}`.");
    let fields = item.fields.iter().map(|field| {
        let docs = doc_attrs(&field.description);
        let name = ident(&field.name);
        let ty = field_type(field, module);
        quote! {
            #docs
            pub #name: #ty,
        }
    });
    let names: Vec<_> = item.fields.iter().map(|field| ident(&field.name)).collect();
    let wire_names: Vec<_> = item.fields.iter().map(|field| &field.wire_name).collect();
    let upcasts = render_upcasts(item, module);
    quote! {
        #docs
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct #name {
            #[doc = #odata_type_doc]
            pub odata_type: ::std::option::Option<::std::string::String>,
            #(#fields)*
            /// Every property this type does not declare (`@odata.context`, `@odata.etag`, ...),
            /// as it was read, so that writing the value back loses nothing.
            pub additional_properties: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }

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
                crate::support::ObjectWriter::new(serializer, self.odata_type.as_deref().or(type_if_missing))
                    #(.field(#wire_names, &self.#names))*
                    .finish(&self.additional_properties)
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                self.serialize_object(None, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                let mut object = crate::support::ObjectReader::new(deserializer)?;
                let value = Self {
                    odata_type: object.field(#ODATA_TYPE_WIRE),
                    #(#names: object.field(#wire_names),)*
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
    let (inherited, own) = item.fields.split_at(parent.inherited_fields);
    let inherited = inherited.iter().map(|f| ident(&f.name));
    let own_wire_names = own.iter().map(|f| &f.wire_name);
    let own = own.iter().map(|f| ident(&f.name));
    let additional_properties = if item.fields.len() > parent.inherited_fields {
        quote! {
            let mut additional_properties = value.additional_properties;
            #(crate::support::keep_as_json(&mut additional_properties, #own_wire_names, value.#own);)*
        }
    } else {
        quote!(let additional_properties = value.additional_properties;)
    };
    let further = item.further_ancestors.iter().map(|ancestor| {
        let ancestor = ancestor.tokens(module);
        quote! {
            impl ::std::convert::From<#name> for #ancestor {
                fn from(value: #name) -> Self {
                    Self::from(#parent_path::from(value))
                }
            }
        }
    });
    quote! {
        impl ::std::convert::From<#name> for #parent_path {
            fn from(value: #name) -> Self {
                #additional_properties
                Self {
                    odata_type: value.odata_type.or_else(|| Some(#name::ODATA_TYPE.into())),
                    #(#inherited: value.#inherited,)*
                    additional_properties,
                }
            }
        }

        #(#further)*
    }
}
