//! An evolvable enum per enum type: a variant per documented member, written with its documented
//! spelling and read ignoring case, and a catch-all variant that keeps any other value as it
//! came (Graph adds members over time). `as_str` and `From<&str>` are generated here; `Display`,
//! `FromStr`, `Serialize` and `Deserialize` come from the support module's `impl_string_enum!`.
//! Each enum is `#[non_exhaustive]`: a member the pages add is a new variant, which would break
//! another crate's exhaustive `match`; with a `_` arm required, it is an addition.
//!
//! The catch-all holds the support module's `UnknownValue`, which only the crate can make, and
//! only `From<&str>` does, for a value that is no member: so `Unrecognized("high")` next to a
//! member `High` cannot exist, each wire value has one variant, and the derived `==` compares
//! wire values. The enums are not `Copy`: the catch-all holds a string read at run time (a
//! `&'static str` could not hold it); `as_str` lends the wire value instead.
//!
//! A member named like a variant of the prelude (`None`, `Some`, `Ok`, `Err`) keeps its name,
//! so that every variant is its wire value in `PascalCase`; its documentation says to name it
//! with its enum, since a glob import of the variants would hide the prelude's.

use proc_macro2::TokenStream;
use quote::quote;

use super::derives::derive_tokens;
use super::doc_comments::doc_attrs;
use super::features::{features, item_cfg};
use super::model::{Enum, Member};
use super::names::ident;

pub fn render_enum(item: &Enum) -> TokenStream {
    let docs = doc_attrs(&item.description);
    let gate = item_cfg(&features([&item.feature]));
    let name = ident(&item.name);
    let derives = derive_tokens(&item.derives);
    let catch_all = ident(&item.catch_all);
    let variants = item.members.iter().map(|member| {
        let docs = doc_attrs(&member_docs(&item.name, member));
        let variant = ident(&member.variant);
        quote!(#docs #variant,)
    });
    let (as_str, from_str) = if item.members.is_empty() {
        (
            quote! {
                let Self::#catch_all(value) = self;
                value.as_str()
            },
            quote!(Self::#catch_all(crate::support::UnknownValue::new(value))),
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
                    Self::#catch_all(value) => value.as_str(),
                }
            },
            quote! {
                match value.to_ascii_lowercase().as_str() {
                    #(#read)*
                    _ => Self::#catch_all(crate::support::UnknownValue::new(value)),
                }
            },
        )
    };
    quote! {
        #docs
        #gate
        #[derive(Clone, Debug, Eq, Hash, PartialEq #derives)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A value that is none of the members, kept as it was written.
            #catch_all(crate::UnknownValue),
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

/// Variants of the prelude's enums, which a glob import of an enum's variants would hide.
const PRELUDE_VARIANTS: [&str; 4] = ["None", "Some", "Ok", "Err"];

/// A member's documentation, with a warning when its variant has the name of a prelude one.
fn member_docs(enum_name: &str, member: &Member) -> String {
    if !PRELUDE_VARIANTS.contains(&member.variant.as_str()) {
        return member.description.clone();
    }
    let warning = format!(
        "Name it with its enum (`{enum_name}::{}`): it is not the prelude's `{}`.",
        member.variant, member.variant
    );
    if member.description.trim().is_empty() {
        warning
    } else {
        format!("{}\n\n{warning}", member.description)
    }
}
