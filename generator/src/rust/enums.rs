//! An evolvable enum per enum type: a variant per documented member, written with its documented
//! spelling and read ignoring case, and a catch-all variant that keeps any other value as it
//! came (Graph adds members over time). `as_str` and `From<&str>` are generated here; `Display`,
//! `FromStr`, `Serialize` and `Deserialize` come from the support module's `impl_string_enum!`.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc_comments::doc_attrs;
use super::features::{cfg, features, Features};
use super::model::Enum;
use super::names::ident;

pub fn render_enum(item: &Enum) -> TokenStream {
    let docs = doc_attrs(&item.description);
    let gate = cfg(&features([&item.feature]), &Features::new());
    let name = ident(&item.name);
    let catch_all = ident(&item.catch_all);
    let variants = item.members.iter().map(|member| {
        let docs = doc_attrs(&member.description);
        let variant = ident(&member.variant);
        quote!(#docs #variant,)
    });
    let (as_str, from_str) = if item.members.is_empty() {
        (
            quote! {
                let Self::#catch_all(value) = self;
                value
            },
            quote!(Self::#catch_all(value.into())),
        )
    } else {
        let written = item.members.iter().map(|member| {
            let variant = ident(&member.variant);
            let wire_name = &member.wire_name;
            quote!(Self::#variant => #wire_name,)
        });
        let read = item.members.iter().filter(|m| m.parsed).map(|member| {
            let variant = ident(&member.variant);
            let lower = member.wire_name.to_ascii_lowercase();
            quote!(#lower => Self::#variant,)
        });
        (
            quote! {
                match self {
                    #(#written)*
                    Self::#catch_all(value) => value,
                }
            },
            quote! {
                match value.to_ascii_lowercase().as_str() {
                    #(#read)*
                    _ => Self::#catch_all(value.into()),
                }
            },
        )
    };
    quote! {
        #docs
        #gate
        #[derive(Clone, Debug, Eq, Hash, PartialEq)]
        pub enum #name {
            #(#variants)*
            /// A value this crate does not know, kept as it was written.
            #catch_all(::std::string::String),
        }

        #gate
        impl #name {
            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &str {
                #as_str
            }
        }

        #gate
        impl ::std::convert::From<&str> for #name {
            /// Reads a documented value ignoring case; keeps any other as it is.
            fn from(value: &str) -> Self {
                #from_str
            }
        }

        #gate
        crate::support::impl_string_enum!(#name);
    }
}
