//! An `Any...` enum per type with subtypes: one boxed variant for the base and one per concrete
//! descendant. Reading picks the variant from `@odata.type` (without `#`, ignoring case; the base
//! when it is missing or unknown); writing a subtype adds its `@odata.type` when the value
//! carries none (the base needs none: a value without one is read as the base). The dispatch is
//! one match arm per variant, and everything else lives in the support module and the structs'
//! `WriteObject`, so a base with hundreds of descendants stays a flat list.
//!
//! Finding `@odata.type` means reading the value whole first, as JSON, and the variant then
//! reads from that JSON, which has no positions: an error inside the variant keeps its path
//! (the support module's reader puts it in the message) but is placed where the enclosing read
//! stopped, at or past the value's end.
//!
//! Without a match: a method per field of the base (`id()`, `id_mut()`, with `odata_type` and,
//! when structs have it, `additional_properties`) that reaches it in whichever variant the value is, and per variant a
//! checked view (`as_group`, `into_group`, `TryFrom`) and `From` the variant's type. A struct
//! holds its inherited fields itself rather than a struct of its base (so that it reads and
//! writes as one flat object, and each field is one step away), so there is no base value in a
//! subtype to lend out as a `&Base`: the accessors lend the base's fields one by one instead.
//!
//! Each enum is `#[non_exhaustive]`, so that a variant added by a new subtype page, or by a
//! feature turned on, breaks no other crate's `match`. A new subtype only adds impls (its `From`,
//! `TryFrom` and views), none of which overlaps another's, since each names its own type.

use proc_macro2::TokenStream;
use quote::quote;

use super::derives::derive_tokens;
use super::features::{cfg, features, item_cfg, Features};
use super::model::{Accessor, CrateModel, Item, Polymorphic};
use super::model::{ADDITIONAL_PROPERTIES_FIELD, ODATA_TYPE_FIELD};
use super::names::{ident, unraw};
use super::structs::field_type;
use super::support::{read_impls, write_impls};
use super::CrateOptions;

pub fn render_polymorphic(item: &Polymorphic, module: &[String]) -> TokenStream {
    let name = ident(&item.name);
    let derives = derive_tokens(&item.derives);
    let Some(base) = item.variants.first() else {
        return TokenStream::new();
    };
    let own = features([&item.feature]);
    let gate = item_cfg(&own);
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
            let (_, value) = crate::support::typed_json(source)?;
            #fallback
        }
    } else {
        quote! {
            let (key, value) = crate::support::typed_json(source)?;
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
                Self::#name(value) => value.write_members(Some(#path::ODATA_TYPE), object),
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
    let accessors = render_accessors(item, &variant_gates, &own, module);
    let upcast_doc = if item.additional_properties {
        " The value as the base type: a subtype's own properties move into\n `additional_properties`."
    } else {
        " The value as the base type: a subtype's own properties are dropped."
    };
    let upcast_doc = upcast_doc.split('\n');
    let views = item
        .variants
        .iter()
        .zip(&variant_gates)
        .map(|(variant, gate)| {
            let variant_name = ident(&variant.name);
            let path = variant.path.tokens(module);
            let as_method = ident(&variant.as_method);
            let into_method = ident(&variant.into_method);
            let as_doc = format!(
                " The value if it is this variant: a `{}` itself, not a subtype.",
                variant.path.name
            );
            quote! {
                #[doc = #as_doc]
                #gate
                pub fn #as_method(&self) -> ::std::option::Option<&#path> {
                    match self {
                        Self::#variant_name(value) => Some(value),
                        _ => None,
                    }
                }

                /// The value if it is this variant, or itself if not.
                #gate
                pub fn #into_method(self) -> ::std::result::Result<#path, Self> {
                    match self {
                        Self::#variant_name(value) => Ok(*value),
                        other => Err(other),
                    }
                }
            }
        });
    let conversions = item.variants.iter().enumerate().map(|(position, variant)| {
        let variant_name = ident(&variant.name);
        let path = variant.path.tokens(module);
        let into_method = ident(&variant.into_method);
        let needed: Features = own.union(&variant.features).cloned().collect();
        let gate = item_cfg(&needed);
        // The base converts back with the upcast below, which no `TryFrom` may overlap.
        let try_from = (position > 0).then(|| {
            quote! {
                #gate
                impl ::std::convert::TryFrom<#name> for #path {
                    type Error = #name;

                    fn try_from(value: #name) -> ::std::result::Result<Self, #name> {
                        value.#into_method()
                    }
                }
            }
        });
        quote! {
            #gate
            impl ::std::convert::From<#path> for #name {
                fn from(value: #path) -> Self {
                    Self::#variant_name(::std::boxed::Box::new(value))
                }
            }

            #try_from
        }
    });
    let read_impls = read_impls(&name, &gate, read);
    let write_impls = write_impls(
        &name,
        &gate,
        quote!(type_if_missing),
        quote! {
            match self {
                Self::#base_variant(value) => value.write_members(type_if_missing, object),
                #(#write_arms)*
            }
        },
    );
    quote! {
        #[doc = #doc]
        #gate
        #[derive(Clone, Debug, PartialEq #derives)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
        }

        #read_impls

        #write_impls

        #gate
        // With some features off, one variant may be all that is left for the views' `_`.
        #[allow(unreachable_patterns)]
        impl #name {
            #accessors
            #(#views)*
        }

        #(#conversions)*

        #(#[doc = #upcast_doc])*
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

/// The getter and `_mut` setter of `odata_type`, `additional_properties` (when the structs have
/// it) and each field of the base: one match arm per variant, each lending the variant's own field of that name.
fn render_accessors(
    item: &Polymorphic,
    variant_gates: &[TokenStream],
    own: &Features,
    module: &[String],
) -> TokenStream {
    let variants: Vec<_> = item.variants.iter().map(|v| ident(&v.name)).collect();
    let accessor = |field: &str, getter: &str, setter: &str, ty: TokenStream, gate| {
        let field = ident(field);
        let getter = ident(getter);
        let setter = ident(setter);
        let doc = format!(
            " `{}` of the value, whichever variant it is.",
            unraw(&field.to_string())
        );
        quote! {
            #[doc = #doc]
            #gate
            pub fn #getter(&self) -> &#ty {
                match self {
                    #(#variant_gates Self::#variants(value) => &value.#field,)*
                }
            }

            #[doc = #doc]
            #gate
            pub fn #setter(&mut self) -> &mut #ty {
                match self {
                    #(#variant_gates Self::#variants(value) => &mut value.#field,)*
                }
            }
        }
    };
    let map = (
        ADDITIONAL_PROPERTIES_FIELD,
        quote!(::serde_json::Map<::std::string::String, ::serde_json::Value>),
    );
    let reserved = [(
        ODATA_TYPE_FIELD,
        quote!(::std::option::Option<::std::string::String>),
    )]
    .into_iter()
    .chain(item.additional_properties.then_some(map))
    // The model claims these names first, so they are never numbered.
    .map(|(field, ty)| {
        accessor(
            field,
            field,
            &format!("{field}_mut"),
            ty,
            TokenStream::new(),
        )
    });
    let fields = item.accessors.iter().map(
        |Accessor {
             field,
             getter,
             setter,
         }| {
            let gate = cfg(&features([&field.feature]), own);
            accessor(&field.name, getter, setter, field_type(field, module), gate)
        },
    );
    reserved.chain(fields).collect()
}

/// The crate docs' example of an `Any...` enum: the first with a subtype, read from JSON, its
/// base fields lent, a variant viewed and converted both ways. `None` when no enum has a
/// subtype. The doctest is compiled only with the features the types need.
pub fn polymorphism_example(model: &CrateModel, options: &CrateOptions) -> Option<String> {
    let (module, item) = model.modules.iter().find_map(|module| {
        module.items.iter().find_map(|item| match item {
            // A subtype named like the enum (in another module) would clash in the `use`s.
            Item::Polymorphic(item)
                if item
                    .variants
                    .get(1)
                    .is_some_and(|sub| sub.path.name != item.name) =>
            {
                Some((module, item))
            }
            _ => None,
        })
    })?;
    let base = &item.variants[0];
    let variant = &item.variants[1];
    let crate_name = options.crate_name.rust_name();
    let path = |module: &[String], name: &str| {
        std::iter::once(crate_name.as_str())
            .chain(module.iter().map(String::as_str))
            .chain([name])
            .collect::<Vec<_>>()
            .join("::")
    };
    let any = &item.name;
    let sub = &variant.path.name;
    let needed: Vec<String> = features([&item.feature])
        .union(&variant.features)
        .map(|feature| format!("feature = \"{feature}\""))
        .collect();
    let (open, close) = if needed.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!("# #[cfg(all({}))] {{\n", needed.join(", ")),
            "# }\n".to_string(),
        )
    };
    // With the map, the base's `additional_properties` reached through the enum.
    let (binding, set_note, check_note) = if options.additional_properties {
        (
            "let mut value",
            "value.additional_properties_mut().insert(\"note\".into(), \"kept\".into());\n",
            "assert_eq!(variant.additional_properties[\"note\"], \"kept\");\n",
        )
    } else {
        ("let value", "", "")
    };
    Some(format!(
        "
# Reaching into an `Any...` enum

```
{open}use {any_path};
use {sub_path};

let json = serde_json::json!({{\"@odata.type\": {sub}::ODATA_TYPE}});
{binding}: {any} = serde_json::from_value(json).unwrap();
// The base type's fields, whatever the variant.
assert_eq!(value.odata_type().as_deref(), Some({sub}::ODATA_TYPE));
{set_note}// One variant, checked.
assert!(value.{as_base}().is_none());
let variant: &{sub} = value.{as_sub}().unwrap();
{check_note}let variant: {sub} = value.try_into().unwrap();
// And back.
let value = {any}::from(variant);
assert!(value.{into_sub}().is_ok());
{close}```
",
        any_path = path(&module.path, any),
        sub_path = path(&variant.path.module, sub),
        as_base = base.as_method,
        as_sub = variant.as_method,
        into_sub = variant.into_method,
    ))
}
