//! An `Any...` enum per type with subtypes: one boxed variant for the base and one per concrete
//! descendant. Reading picks the variant from `@odata.type` (without `#`, ignoring case; the base
//! when it is missing or unknown); writing a subtype adds its `@odata.type` when the value
//! carries none (the base needs none: a value without one is read as the base). The dispatch is
//! one match arm per variant, and everything else lives in the support module and the structs'
//! `serialize_object`, so a base with hundreds of descendants stays a flat list.

use proc_macro2::TokenStream;
use quote::quote;

use super::features::{cfg, features, Features};
use super::model::Polymorphic;
use super::names::ident;

pub fn render_polymorphic(item: &Polymorphic, module: &[String]) -> TokenStream {
    let name = ident(&item.name);
    let Some(base) = item.variants.first() else {
        return TokenStream::new();
    };
    let own = features([&item.feature]);
    let gate = cfg(&own, &Features::new());
    let variant_gates: Vec<TokenStream> = item
        .variants
        .iter()
        .map(|variant| cfg(&variant.features, &own))
        .collect();
    let base_variant = ident(&base.name);
    let base_path = base.path.tokens(module);
    let doc = format!(
        " `{}` or any type derived from it, told apart by `@odata.type`.",
        base.path.name
    );
    let variants = item
        .variants
        .iter()
        .zip(&variant_gates)
        .map(|(variant, gate)| {
            let name = ident(&variant.name);
            let path = variant.path.tokens(module);
            quote!(#gate #name(::std::boxed::Box<#path>),)
        });
    let read_arms: Vec<TokenStream> = item
        .variants
        .iter()
        .zip(&variant_gates)
        .filter_map(|(variant, gate)| {
            let key = variant.key.as_ref()?;
            let name = ident(&variant.name);
            Some(quote!(#gate Some(#key) => crate::support::from_json(value).map(Self::#name),))
        })
        .collect();
    let fallback = quote!(crate::support::from_json(value).map(Self::#base_variant));
    let read = if read_arms.is_empty() {
        quote! {
            let (_, value) = crate::support::typed_json(deserializer)?;
            #fallback
        }
    } else {
        quote! {
            let (key, value) = crate::support::typed_json(deserializer)?;
            match key.as_deref() {
                #(#read_arms)*
                _ => #fallback,
            }
        }
    };
    let write_arms = item
        .variants
        .iter()
        .zip(&variant_gates)
        .skip(1)
        .map(|(variant, gate)| {
            let name = ident(&variant.name);
            let path = variant.path.tokens(module);
            quote! {
                #gate
                Self::#name(value) => value.serialize_object(Some(#path::ODATA_TYPE), serializer),
            }
        });
    let upcast_arms =
        item.variants
            .iter()
            .zip(&variant_gates)
            .enumerate()
            .map(|(position, (variant, gate))| {
                let variant_name = ident(&variant.name);
                if position == 0 {
                    quote!(#name::#variant_name(value) => *value,)
                } else {
                    quote!(#gate #name::#variant_name(value) => Self::from(*value),)
                }
            });
    quote! {
        #[doc = #doc]
        #gate
        #[derive(Clone, Debug, PartialEq)]
        pub enum #name {
            #(#variants)*
        }

        #gate
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                #read
            }
        }

        #gate
        impl ::serde::Serialize for #name {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                match self {
                    Self::#base_variant(value) => value.serialize_object(None, serializer),
                    #(#write_arms)*
                }
            }
        }

        /// The value as the base type: a subtype's own properties move into
        /// `additional_properties`.
        #gate
        impl ::std::convert::From<#name> for #base_path {
            fn from(value: #name) -> Self {
                match value {
                    #(#upcast_arms)*
                }
            }
        }
    }
}
