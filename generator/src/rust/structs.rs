//! A struct per entity or complex type: every own and inherited property as an `Option` field,
//! `@odata.type`, a catch-all for undeclared properties, the `ODATA_TYPE` constant, `set_null`
//! and `is_null`, `Serialize` and `Deserialize`, `Debug`, and `From` conversions to every
//! ancestor.
//!
//! With `additional-properties = false` (`docgen.toml`) a struct has no catch-all, no `set_null`
//! and no `is_null`: reading drops what it does not declare, unread, and a `null` as `None`;
//! writing writes the fields alone, `Debug` shows them alone, and an upcast drops the fields the
//! ancestor lacks. Without the map a struct is smaller and can derive more (see `derives.rs`).
//!
//! A property read or set as `null` is a `Value::Null` in the catch-all under its wire name, not
//! a field of its own: the catch-all already holds what no typed field does, so `null` costs no
//! field and no per-field code, and upcasts and `Debug` keep it as they keep any other member.
//! `set_null` and `is_null` take the wire name and are `#[inline]`, so no machine code is made
//! for them unless a program calls them.
//!
//! A field that holds one struct holds it in a `Box`, as an `Any...` enum holds its variants: a
//! struct is never stored inside another. A struct has dozens of `Option` fields, most of them
//! `None` in a given value, and the structs it holds have as many: held inline, a value would
//! carry every struct it may reach (a `User` was 21 KB, most of it navigation properties and
//! settings that a response seldom includes), and a list of values as much per item. Boxed, an
//! absent struct costs a pointer, and a present one an allocation, as its JSON object would.
//! It also makes a type that holds itself, directly or through others, of finite size. A list of
//! structs is a `Vec`, which is on the heap already.
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
//! Here each field is one line of each impl, calling the support module: `Serialize` writes
//! the members the struct's `WriteObject::write_members` gives an `ObjectWriter`, and
//! `Deserialize` reads with `read_fields`, which reads the object straight from the
//! deserializer one property at a time and hands each to the struct's
//! `ReadObject::read_property`, a match on the wire name (one arm per field; an undeclared name
//! goes to `additional_properties`).
//!
//! Both are compiled once, in the generated crate: `Serialize` and `Deserialize` are generic
//! over the serializer, and a crate that reads a value would otherwise compile the readers of
//! every type the value may hold for its deserializer (an application that read five types
//! compiled over a thousand `Deserialize` impls). The generic impls only hand the serializer
//! to erased-serde and call `write_members`, or hand the deserializer to the support module's
//! object-safe reading traits and call `ReadValue::read`, which are not generic (`read` is
//! `#[inline(never)]`, so that no other crate compiles it again; see `support/reading.rs`).
//! Reading without a JSON map in between is what lets an error carry the position of the
//! value that failed; the support module also puts its path (`value[1].surname`) at the front
//! of the message.
//! A property read as `null` is kept in `additional_properties` under its wire name (its field
//! is `None`), so it is written back (without the map, it is only `None`); writing leaves out an entry of `additional_properties`
//! that a field which is `Some` has written, so no key is written twice.

use proc_macro2::TokenStream;
use quote::quote;

use super::derives::derive_tokens;
use super::doc_comments::doc_attrs;
use super::features::{cfg, features, item_cfg, Features};
use super::model::{Field, FieldType, Struct, ODATA_TYPE_FIELD, ODATA_TYPE_WIRE};
use super::names::{ident, unraw};
use super::support::{read_from_text, read_impls, read_map_method, write_impls};

/// The Rust type of a field: always an `Option`, of a `Vec` for a collection; one struct is
/// boxed (see the module docs).
pub fn field_type(field: &Field, module: &[String]) -> TokenStream {
    let inner = match &field.ty {
        FieldType::Primitive(primitive) => primitive.rust.parse().unwrap_or_default(),
        FieldType::Json => quote!(::serde_json::Value),
        FieldType::Enum(path) | FieldType::Polymorphic(path) | FieldType::Untyped(path) => {
            path.tokens(module)
        }
        FieldType::Struct(path) if field.collection => path.tokens(module),
        FieldType::Struct(path) => {
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

/// The `PropertyReader` method that reads a field: a list's items' errors name their index,
/// and a primitive read from its text shows the text that does not read.
fn reader(field: &Field) -> TokenStream {
    match (read_from_text(field), field.collection) {
        (false, _) => quote!(read),
        (true, false) => quote!(read_text),
        (true, true) => quote!(read_text_list),
    }
}

/// What writing a field hands `ObjectWriter::field` or `keep_as_json`, from `value`, the
/// field's `Option` (`self.field`): the `Option` itself, a list's items through `List` (whose
/// one `Serialize` serves every item type), or for a primitive read from its text its value
/// (or each item) written as its text.
fn written(field: &Field, value: TokenStream) -> TokenStream {
    match (field.collection, read_from_text(field)) {
        (false, false) => value,
        (true, false) => quote!(#value.as_ref().map(crate::support::List::of)),
        (false, true) => quote!(#value.as_ref().map(crate::support::AsText)),
        (true, true) => quote!(#value.as_deref().map(crate::support::AsTextList)),
    }
}

pub fn render_struct(item: &Struct, module: &[String]) -> TokenStream {
    let docs = doc_attrs(&item.description);
    let own = features([&item.feature]);
    let gate = item_cfg(&own);
    let name = ident(&item.name);
    let derives = derive_tokens(&item.derives);
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
    let readers = item.fields.iter().map(reader);
    let written_fields = item
        .fields
        .iter()
        .zip(&names)
        .map(|(field, name)| written(field, quote!(self.#name)));
    let debug_names = item.fields.iter().map(|field| unraw(&field.name));
    let name_text = &item.name;
    let upcasts = render_upcasts(item, module);
    let read_impls = read_impls(&name, &gate, quote!(crate::support::read_fields(source)));
    let map = item.additional_properties.then(MapParts::new);
    let write_map = map.as_ref().map(|map| &map.write);
    let write_impls = write_impls(
        &name,
        &gate,
        quote!(type_if_missing),
        quote! {
            object.field(#ODATA_TYPE_WIRE, &self.odata_type.as_deref().or(type_if_missing));
            #(#gates object.field(#wire_names, &#written_fields);)*
            #write_map
        },
    );
    let map_field = map.as_ref().map(|map| &map.field);
    let null_methods = map.as_ref().map(|map| &map.null_methods);
    let debug_finish = match &map {
        Some(map) => map.debug_finish.clone(),
        None => quote!(object.finish()),
    };
    let read_map = map.as_ref().map(|map| &map.read);
    quote! {
        #docs
        #gate
        #[derive(Clone, Default, PartialEq #derives)]
        #[non_exhaustive]
        pub struct #name {
            #[doc = #odata_type_doc]
            pub odata_type: ::std::option::Option<::std::string::String>,
            #(#fields)*
            #map_field
        }

        #gate
        impl #name {
            /// The `@odata.type` of this type.
            pub const ODATA_TYPE: &str = #odata_type;

            #null_methods
        }

        #gate
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let mut object = crate::support::DebugObject::new(f, #name_text);
                object.field(#ODATA_TYPE_FIELD, &self.odata_type);
                #(#gates object.field(#debug_names, &self.#names);)*
                #debug_finish
            }
        }

        #write_impls

        #read_impls

        #gate
        impl crate::support::ReadObject for #name {
            fn read_property(
                &mut self,
                property: crate::support::PropertyReader<'_, '_>,
            ) -> ::std::result::Result<(), crate::support::ReadError> {
                match property.name() {
                    #ODATA_TYPE_WIRE => property.read(&mut self.odata_type),
                    #(#gates #wire_names => property.#readers(&mut self.#names),)*
                    _ => property.keep(),
                }
            }

            #read_map
        }

        #upcasts
    }
}

/// What a struct with `additional_properties` has for the map, in each of its items.
struct MapParts {
    field: TokenStream,
    null_methods: TokenStream,
    debug_finish: TokenStream,
    write: TokenStream,
    read: TokenStream,
}

impl MapParts {
    fn new() -> Self {
        MapParts {
            field: quote! {
                /// Every property this type does not declare (`@odata.context`, `@odata.etag`, ...),
                /// as it was read, so that writing the value back loses nothing.
                pub additional_properties: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
            },
            null_methods: quote! {
                /// Records the property `wire_name` as `null`, which clears it in a `PATCH`; it is
                /// written so while its field is `None` (see the crate docs).
                #[inline]
                pub fn set_null(&mut self, wire_name: &str) {
                    self.additional_properties.insert(wire_name.into(), ::serde_json::Value::Null);
                }

                /// Whether the property `wire_name` was read as `null` or recorded so by `set_null`.
                #[inline]
                pub fn is_null(&self, wire_name: &str) -> bool {
                    self.additional_properties.get(wire_name).is_some_and(::serde_json::Value::is_null)
                }
            },
            debug_finish: quote!(object.finish(&self.additional_properties)),
            write: quote!(object.finish(&self.additional_properties);),
            // Every struct of a crate has the map, or none has (`SupportNeeds`).
            read: read_map_method(false),
        }
    }
}

/// `From<Self>` for the parent, moving the fields it lacks into its `additional_properties`
/// (dropping them when it has none) and naming this type in `odata_type` if the value names
/// none; and for every further ancestor, through the parent.
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
    let (keep_own, additional_properties) = if item.additional_properties {
        let own_gates: Vec<_> = own.iter().map(|f| field_cfg(f, &both_ends)).collect();
        let let_additional_properties = let_mutated_by("additional_properties", &own_gates);
        let own_wire_names = own.iter().map(|f| &f.wire_name);
        let own = own.iter().map(|f| {
            let name = ident(&f.name);
            written(f, quote!(value.#name))
        });
        let keep_own = quote! {
            #let_additional_properties = value.additional_properties;
            #(
                #own_gates
                crate::support::keep_as_json(&mut additional_properties, #own_wire_names, #own);
            )*
        };
        (keep_own, quote!(additional_properties,))
    } else {
        (TokenStream::new(), TokenStream::new())
    };
    let mut between = both_ends.clone();
    let further = item.further_ancestors.iter().map(|ancestor| {
        between.extend(ancestor.feature.clone());
        let gate = item_cfg(&between);
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
    let gate = item_cfg(&both_ends);
    quote! {
        #gate
        impl ::std::convert::From<#name> for #parent_path {
            fn from(value: #name) -> Self {
                #keep_own
                Self {
                    odata_type: value.odata_type.or_else(|| Some(#name::ODATA_TYPE.into())),
                    #(#inherited_gates #inherited: value.#inherited,)*
                    #additional_properties
                }
            }
        }

        #(#further)*
    }
}
