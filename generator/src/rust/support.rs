//! The generated crate's private `support` module: the few helpers the generated items call,
//! written once here instead of in every item, and the enums' `UnknownValue`, which the crate
//! root re-exports. `ObjectReader` and `ObjectWriter` are always emitted (the `odata` module's
//! types read and write through them); the other helpers only when the crate uses them, so it
//! never holds dead code.

use proc_macro2::TokenStream;
use quote::quote;

use super::model::{CrateModel, Item};

/// Which helpers a crate needs beyond `ObjectReader` and `ObjectWriter`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SupportNeeds {
    /// Any struct: `DebugObject`.
    pub structs: bool,
    /// Any enum: `impl_string_enum!` and `UnknownValue`.
    pub string_enums: bool,
    /// Any polymorphic enum: reading and writing by `@odata.type`.
    pub polymorphism: bool,
    /// Any conversion to a parent that lacks some fields: `keep_as_json`.
    pub upcasts_with_extra_fields: bool,
}

impl SupportNeeds {
    pub fn of(model: &CrateModel) -> Self {
        let mut needs = SupportNeeds::default();
        for item in model.modules.iter().flat_map(|m| &m.items) {
            match item {
                Item::Enum(_) => needs.string_enums = true,
                Item::Polymorphic(_) => needs.polymorphism = true,
                Item::Untyped(_) => {}
                Item::Struct(item) => {
                    needs.structs = true;
                    needs.upcasts_with_extra_fields |= item
                        .parent
                        .as_ref()
                        .is_some_and(|p| p.inherited_fields < item.fields.len());
                }
            }
        }
        needs
    }
}

/// The support module's items, but for [`STRING_ENUM_MACRO`], which goes at the end of the file
/// when `needs.string_enums`.
pub fn render_support(needs: SupportNeeds) -> TokenStream {
    let mut items = vec![
        quote! {
            //! Helpers the generated types call; not part of the crate's API but for
            //! `UnknownValue`, which the crate root re-exports.
        },
        object_helpers(),
    ];
    if needs.structs {
        items.push(debug_helpers());
    }
    if needs.polymorphism {
        items.push(polymorphism_helpers());
    }
    if needs.string_enums {
        items.push(unknown_value());
    }
    if needs.upcasts_with_extra_fields {
        items.push(quote! {
            /// Moves a property that a base type does not declare into its
            /// `additional_properties`, as JSON. Generated types always serialize to JSON, so
            /// nothing is dropped.
            pub(crate) fn keep_as_json<T: ::serde::Serialize>(
                properties: &mut ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                wire_name: &str,
                value: ::std::option::Option<T>,
            ) {
                if let Some(json) = value.and_then(|value| ::serde_json::to_value(value).ok()) {
                    properties.insert(wire_name.into(), json);
                }
            }
        });
    }
    quote!(#(#items)*)
}

/// `impl_string_enum!`, as text: prettyplease leaves a `macro_rules!` body as a run of tokens,
/// so this one fixed item is written out formatted (a test checks that it parses). It goes
/// after the formatted items, since `use` must follow the macro's definition.
pub const STRING_ENUM_MACRO: &str = r#"
/// `Display`, `FromStr`, `Serialize` and `Deserialize` for an enum with `as_str` and
/// `From<&str>`.
macro_rules! impl_string_enum {
    ($name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                let value: ::std::string::String = ::serde::Deserialize::deserialize(deserializer)?;
                Ok(Self::from(value.as_str()))
            }
        }
    };
}

pub(crate) use impl_string_enum;
"#;

/// The catch-all's value; the crate root re-exports it.
fn unknown_value() -> TokenStream {
    quote! {
        /// A value that is none of an enum's members, as it was written. Only reading makes
        /// one, and only for a value no member has (ignoring case), so an enum has one variant
        /// for each wire value.
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct UnknownValue(::std::string::String);

        impl UnknownValue {
            pub(crate) fn new(value: &str) -> Self {
                Self(value.into())
            }

            /// The value as it was written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Debug for UnknownValue {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }

        impl ::std::fmt::Display for UnknownValue {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    }
}

fn polymorphism_helpers() -> TokenStream {
    quote! {
        /// Reads a value as JSON, with its `@odata.type` lower-cased and without `#`, to choose
        /// a variant by.
        pub(crate) fn typed_json<'de, D>(
            deserializer: D,
        ) -> ::std::result::Result<(::std::option::Option<::std::string::String>, ::serde_json::Value), D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
            let key = value
                .get("@odata.type")
                .and_then(::serde_json::Value::as_str)
                .map(|name| name.trim_start_matches('#').to_ascii_lowercase());
            Ok((key, value))
        }

        /// Reads the value of a variant, with the errors of the deserializer that read the JSON.
        pub(crate) fn from_json<T, E>(value: ::serde_json::Value) -> ::std::result::Result<::std::boxed::Box<T>, E>
        where
            T: ::serde::de::DeserializeOwned,
            E: ::serde::de::Error,
        {
            ::serde_json::from_value(value).map(::std::boxed::Box::new).map_err(E::custom)
        }

    }
}

/// `DebugObject`, which every struct's `Debug` prints with.
fn debug_helpers() -> TokenStream {
    quote! {
        /// A struct's `Debug`: the fields that are `Some` (their values, without `Some`), then
        /// `additional_properties` if there are any, then `..` if anything was left out.
        pub(crate) struct DebugObject<'a, 'b> {
            fields: ::std::fmt::DebugStruct<'a, 'b>,
            left_out: bool,
        }

        impl<'a, 'b> DebugObject<'a, 'b> {
            pub(crate) fn new(f: &'a mut ::std::fmt::Formatter<'b>, name: &str) -> Self {
                Self { fields: f.debug_struct(name), left_out: false }
            }

            pub(crate) fn field<T: ::std::fmt::Debug>(&mut self, name: &str, value: &::std::option::Option<T>) {
                match value {
                    Some(value) => {
                        self.fields.field(name, value);
                    }
                    None => self.left_out = true,
                }
            }

            pub(crate) fn finish(
                mut self,
                additional_properties: &::serde_json::Map<::std::string::String, ::serde_json::Value>,
            ) -> ::std::fmt::Result {
                if additional_properties.is_empty() {
                    self.left_out = true;
                } else {
                    self.fields.field("additional_properties", additional_properties);
                }
                if self.left_out {
                    self.fields.finish_non_exhaustive()
                } else {
                    self.fields.finish()
                }
            }
        }
    }
}

fn object_helpers() -> TokenStream {
    quote! {
        /// Reads a struct from a JSON object: each property is taken out by its wire name, and
        /// what is left is the struct's `additional_properties`. Like `std::fmt::DebugStruct`,
        /// it keeps the first error and returns it from `finish`, so that a struct's
        /// `Deserialize` is one line per field.
        pub(crate) struct ObjectReader<E> {
            object: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
            error: ::std::option::Option<E>,
        }

        impl<E: ::serde::de::Error> ObjectReader<E> {
            pub(crate) fn new<'de, D>(deserializer: D) -> ::std::result::Result<Self, E>
            where
                D: ::serde::Deserializer<'de, Error = E>,
            {
                let object = ::serde::Deserialize::deserialize(deserializer)?;
                Ok(Self { object, error: None })
            }

            /// Takes out the property `name`; a missing one and `null` read as `None`, and a
            /// `null` is left in, so that it ends in `additional_properties` and is written
            /// back. What is left keeps its order, so it is written back as it was read.
            pub(crate) fn field<T>(&mut self, name: &str) -> ::std::option::Option<T>
            where
                T: ::serde::de::DeserializeOwned,
            {
                if self.object.get(name)?.is_null() {
                    return None;
                }
                let value = self.object.shift_remove(name)?;
                match ::serde_json::from_value(value) {
                    Ok(value) => Some(value),
                    Err(error) => {
                        self.error.get_or_insert_with(|| E::custom(format_args!("`{name}`: {error}")));
                        None
                    }
                }
            }

            /// The properties not taken out.
            pub(crate) fn rest(&mut self) -> ::serde_json::Map<::std::string::String, ::serde_json::Value> {
                ::std::mem::take(&mut self.object)
            }

            /// The value read, or the first property that could not be read.
            pub(crate) fn finish<T>(self, value: T) -> ::std::result::Result<T, E> {
                match self.error {
                    Some(error) => Err(error),
                    None => Ok(value),
                }
            }
        }

        /// Writes a struct as a JSON object: `@odata.type`, the properties that are `Some`, then
        /// `additional_properties` but for those a `Some` property has written, so that no key
        /// is written twice (a `null` read or set for a property is written only while its field
        /// is `None`). Like `ObjectReader`, it keeps the first error for `finish`.
        pub(crate) struct ObjectWriter<'a, S: ::serde::Serializer> {
            object: ::std::result::Result<S::SerializeMap, S::Error>,
            additional_properties: &'a ::serde_json::Map<::std::string::String, ::serde_json::Value>,
            /// The names written, kept only when `additional_properties` may repeat one.
            written: ::std::vec::Vec<&'a str>,
        }

        impl<'a, S: ::serde::Serializer> ObjectWriter<'a, S> {
            pub(crate) fn new(
                serializer: S,
                odata_type: ::std::option::Option<&str>,
                additional_properties: &'a ::serde_json::Map<::std::string::String, ::serde_json::Value>,
            ) -> Self {
                let mut writer = Self {
                    object: serializer.serialize_map(None),
                    additional_properties,
                    written: ::std::vec::Vec::new(),
                };
                writer.field("@odata.type", &odata_type);
                writer
            }

            pub(crate) fn field<T>(&mut self, name: &'a str, value: &::std::option::Option<T>)
            where
                T: ::serde::Serialize,
            {
                use ::serde::ser::SerializeMap;
                if let (Ok(object), Some(value)) = (&mut self.object, value) {
                    if let Err(error) = object.serialize_entry(name, value) {
                        self.object = Err(error);
                    }
                    if !self.additional_properties.is_empty() {
                        self.written.push(name);
                    }
                }
            }

            pub(crate) fn finish(self) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap;
                let mut object = self.object?;
                for (name, value) in self.additional_properties {
                    if !self.written.contains(&name.as_str()) {
                        object.serialize_entry(name, value)?;
                    }
                }
                object.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_macro_text_parses_and_is_formatted_as_rustfmt_would() {
        let file: syn::File = syn::parse_str(STRING_ENUM_MACRO).unwrap();
        assert_eq!(file.items.len(), 2);
        assert!(STRING_ENUM_MACRO
            .lines()
            .all(|line| line.len() <= 100 && line.trim_end() == line));
    }
}
