//! A struct per entity or complex type: every own and inherited property as an `Option` field
//! renamed to its wire name, `@odata.type`, a catch-all for undeclared properties, the
//! `ODATA_TYPE` constant, and `From` conversions to every ancestor.

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
    let example = &odata_type;
    let fields = item.fields.iter().map(|field| {
        let docs = doc_attrs(&field.description);
        let name = ident(&field.name);
        let wire_name = &field.wire_name;
        let ty = field_type(field, module);
        quote! {
            #docs
            #[serde(rename = #wire_name)]
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub #name: #ty,
        }
    });
    let odata_type_doc =
        format!(" `{ODATA_TYPE_WIRE}`: the type of the value, such as `{example}`.");
    let upcasts = render_upcasts(item, module);
    quote! {
        #docs
        #[derive(Clone, Debug, Default, PartialEq, ::serde::Deserialize, ::serde::Serialize)]
        pub struct #name {
            #[doc = #odata_type_doc]
            #[serde(rename = #ODATA_TYPE_WIRE)]
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub odata_type: ::std::option::Option<::std::string::String>,
            #(#fields)*
            /// Every property this type does not declare (`@odata.context`, `@odata.etag`, ...),
            /// as it was read, so that writing the value back loses nothing.
            #[serde(flatten)]
            pub additional_properties: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }

        impl #name {
            /// The `@odata.type` of this type.
            pub const ODATA_TYPE: &str = #odata_type;
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
