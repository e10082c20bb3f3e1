//! The generated crate's private `support` module: the few helpers the generated items call,
//! written once here instead of in every item, and the enums' `UnknownValue`, which the crate
//! root re-exports. The reading machinery (`support/reading.rs`) and `ObjectWriter` are always
//! emitted (the `odata` module's types read and write through them); the other helpers only
//! when the crate uses them, so it never holds dead code.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use super::model::{CrateModel, Field, FieldType, Item};
use super::primitives::PrimitiveChoices;
use super::text_forms::text_form;

mod reading;

pub use reading::{read_impls, read_map_method};

/// Which helpers a crate needs beyond the reading machinery and `ObjectWriter`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SupportNeeds {
    /// Any struct: `DebugObject`.
    pub structs: bool,
    /// Any struct without `additional_properties` (`additional-properties = false`, which
    /// leaves every struct without): reading that can drop what an object does not declare,
    /// and `DebugObject` without the map.
    pub structs_without_map: bool,
    /// Any enum: `impl_string_enum!` and `UnknownValue`.
    pub string_enums: bool,
    /// Any polymorphic enum: reading and writing by `@odata.type`.
    pub polymorphism: bool,
    /// Any conversion to a parent that lacks some fields and keeps them: `keep_as_json`.
    pub upcasts_with_extra_fields: bool,
    /// Any field of a primitive read from its text: `FromText`, `ToText` and `read_text`.
    pub text_primitives: bool,
    /// Any list of them: `read_text_list` and `AsTextList`.
    pub text_primitive_lists: bool,
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
                    needs.structs_without_map |= !item.additional_properties;
                    for field in item.fields.iter().filter(|field| read_from_text(field)) {
                        needs.text_primitives = true;
                        needs.text_primitive_lists |= field.collection;
                    }
                    needs.upcasts_with_extra_fields |= item.additional_properties
                        && item
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
/// A type's `Serialize` impl, which only hands the serializer to the support module, and its
/// `WriteObject` impl, whose body `write` writes the members to `object` (the type's own
/// `@odata.type` bound to `type_if_missing`, a pattern: `_` when the type has none); both
/// behind `gate`.
pub fn write_impls(
    name: &impl ToTokens,
    gate: &TokenStream,
    type_if_missing: TokenStream,
    write: TokenStream,
) -> TokenStream {
    quote! {
        #gate
        impl ::serde::Serialize for #name {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                crate::support::write_object(self, None, serializer)
            }
        }

        #gate
        impl crate::support::WriteObject for #name {
            fn write_members(
                &self,
                #type_if_missing: ::std::option::Option<&str>,
                object: &mut crate::support::ObjectWriter<'_>,
            ) {
                #write
            }
        }
    }
}

pub fn render_support(needs: SupportNeeds, primitives: &PrimitiveChoices) -> TokenStream {
    let mut items = vec![
        quote! {
            //! Helpers the generated types call; not part of the crate's API but for
            //! `UnknownValue`, which the crate root re-exports.
        },
        object_helpers(needs.structs_without_map),
    ];
    if needs.structs {
        items.push(debug_helpers(!needs.structs_without_map));
    }
    if needs.polymorphism {
        items.push(polymorphism_helpers());
    }
    if needs.text_primitives {
        items.push(text_helpers(needs.text_primitive_lists, primitives));
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
                if let Some(value) = value {
                    keep_erased(properties, wire_name, &value);
                }
            }

            // Not generic, so that each field type adds a few lines only.
            fn keep_erased(
                properties: &mut ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                wire_name: &str,
                value: &dyn ::erased_serde::Serialize,
            ) {
                if let Ok(json) = ::serde_json::to_value(value) {
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
/// `Display`, `FromStr`, `Serialize`, `Deserialize` and `ReadValue` for an enum with `as_str`
/// and `From<&str>`.
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
                crate::support::read_serde(deserializer)
            }
        }

        impl crate::support::ReadValue for $name {
            fn read(
                source: &mut dyn crate::support::Source<'_>,
            ) -> ::std::result::Result<Self, crate::support::ReadError> {
                crate::support::read_str_as(source, |value| Self::from(value))
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
        pub(crate) fn typed_json(
            source: &mut dyn Source<'_>,
        ) -> ::std::result::Result<(::std::option::Option<::std::string::String>, ::serde_json::Value), ReadError> {
            let value = read_json(source)?;
            let key = value
                .get("@odata.type")
                .and_then(::serde_json::Value::as_str)
                .map(|name| name.trim_start_matches('#').to_ascii_lowercase());
            Ok((key, value))
        }

        /// Reads the value of a variant from the JSON read; the error's message keeps the path
        /// inside the value, but not a position, which JSON read into memory does not have.
        pub(crate) fn from_json<T: ReadValue>(
            value: ::serde_json::Value,
        ) -> ::std::result::Result<::std::boxed::Box<T>, ReadError> {
            T::read(&mut Pending(Some(value))).map(::std::boxed::Box::new)
        }
    }
}

/// Whether a field holds a primitive that is read from its text by `FromText` and written as
/// its text by `ToText` (see `text_forms.rs`): the types of timestamps, dates, times of day,
/// durations and GUIDs.
pub fn read_from_text(field: &Field) -> bool {
    matches!(&field.ty, FieldType::Primitive(primitive) if text_form(primitive.rust).is_some())
}

/// `FromText` and `ToText` with their impls for the chosen primitive types, and the
/// `PropertyReader` methods that read through them; `read_text_list` and `AsTextList` only when
/// some list needs them.
fn text_helpers(lists: bool, primitives: &PrimitiveChoices) -> TokenStream {
    let read_text_list = lists.then(|| {
        quote! {
            pub(crate) fn read_text_list<T: FromText>(
                self,
                field: &mut ::std::option::Option<::std::vec::Vec<T>>,
            ) -> ::std::result::Result<(), ReadError> {
                let mut list: ::std::option::Option<::std::vec::Vec<Text<T>>> = None;
                self.read(&mut list)?;
                *field = list.map(|items| items.into_iter().map(|Text(value)| value).collect());
                Ok(())
            }
        }
    });
    let as_text_list = lists.then(|| {
        quote! {
            /// A list written as the text of each item.
            pub(crate) struct AsTextList<'a, T>(pub(crate) &'a [T]);

            impl<T: ToText> ::serde::Serialize for AsTextList<'_, T> {
                fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
                where
                    S: ::serde::Serializer,
                {
                    serializer.collect_seq(self.0.iter().map(AsText))
                }
            }
        }
    });
    let impls = primitives.table().filter_map(|p| text_form(p.rust)).map(|form| {
        let ty = form.ty();
        let (what, format) = (form.what, form.format);
        let read = form.read(&quote!(Self));
        let write = form.write();
        quote! {
            impl FromText for #ty {
                const WHAT: &'static str = #what;
                const FORMAT: &'static str = #format;

                fn from_text(text: &str) -> ::std::result::Result<Self, ::std::string::String> {
                    #read.map_err(|error| error.to_string())
                }
            }

            impl ToText for #ty {
                fn to_text(&self) -> ::std::result::Result<::std::string::String, ::std::string::String> {
                    #write
                }
            }
        }
    });
    quote! {
        /// A primitive read from a JSON string, whose error shows the string and what was
        /// expected.
        pub(crate) trait FromText: Sized {
            /// What the value is ("a timestamp").
            const WHAT: &'static str;
            /// The text expected, with an example.
            const FORMAT: &'static str;

            /// The value, or why the text is none.
            fn from_text(text: &str) -> ::std::result::Result<Self, ::std::string::String>;
        }

        /// A primitive written as the JSON string that `FromText` reads back.
        pub(crate) trait ToText {
            /// The text, or why the value has none in the format (a timestamp past the year
            /// 9999 in RFC 3339).
            fn to_text(&self) -> ::std::result::Result<::std::string::String, ::std::string::String>;
        }

        #(#impls)*

        struct Text<T>(T);

        impl<T: FromText> ReadValue for Text<T> {
            fn read(source: &mut dyn Source<'_>) -> ::std::result::Result<Self, ReadError> {
                let mut value = None;
                read_str(source, &format_args!("{} ({})", T::WHAT, T::FORMAT), &mut |text| {
                    // Made while the deserializer is at the value, whose position it takes.
                    let parsed = T::from_text(text).map_err(|error| {
                        <ReadError as ::serde::de::Error>::custom(format_args!("{text:?} is not {} (expected {}): {error}", T::WHAT, T::FORMAT))
                    })?;
                    value = Some(Text(parsed));
                    Ok(())
                })?;
                delivered(value)
            }
        }

        /// A value written as its text.
        pub(crate) struct AsText<'a, T>(pub(crate) &'a T);

        impl<T: ToText> ::serde::Serialize for AsText<'_, T> {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                match self.0.to_text() {
                    Ok(text) => serializer.serialize_str(&text),
                    Err(why) => Err(<S::Error as ::serde::ser::Error>::custom(why)),
                }
            }
        }

        impl PropertyReader<'_, '_> {
            pub(crate) fn read_text<T: FromText>(self, field: &mut ::std::option::Option<T>) -> ::std::result::Result<(), ReadError> {
                let mut text: ::std::option::Option<Text<T>> = None;
                self.read(&mut text)?;
                *field = text.map(|Text(value)| value);
                Ok(())
            }

            #read_text_list
        }

        #as_text_list
    }
}

/// `DebugObject`, which every struct's `Debug` prints with; `finish` takes the struct's
/// `additional_properties` when `with_map`.
fn debug_helpers(with_map: bool) -> TokenStream {
    let (doc, finish) = if with_map {
        (
            [
                " A struct's `Debug`: the fields that are `Some` (their values, without `Some`), then",
                " `additional_properties` if there are any, then `..` if anything was left out.",
            ],
            quote! {
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
            },
        )
    } else {
        (
            [
                " A struct's `Debug`: the fields that are `Some` (their values, without `Some`), then",
                " `..` if any was left out.",
            ],
            quote! {
                pub(crate) fn finish(mut self) -> ::std::fmt::Result {
                    if self.left_out {
                        self.fields.finish_non_exhaustive()
                    } else {
                        self.fields.finish()
                    }
                }
            },
        )
    };
    quote! {
        #(#[doc = #doc])*
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

            #finish
        }
    }
}

/// Reading and writing objects; reading can drop what an object does not declare when
/// `objects_without_map`.
fn object_helpers(objects_without_map: bool) -> TokenStream {
    let reading = reading::reading_helpers(objects_without_map);
    quote! {
        #reading

        // Writing is compiled once, in this crate: a type's `Serialize` only erases the
        // serializer's type (erased-serde) and calls the type's `WriteObject`, which is not
        // generic. Reading is the same (see `read_serde`).

        /// A type written as a JSON object through a serializer whose type is erased: each
        /// type's own function, compiled here. `type_if_missing` is the `@odata.type` to write
        /// when the value names none.
        pub(crate) trait WriteObject {
            fn write_members(&self, type_if_missing: ::std::option::Option<&str>, object: &mut ObjectWriter<'_>);
        }

        /// A type's `Serialize`: a JSON object of the members `value` writes, each through
        /// erased-serde. Serializing stops at the first error, which it returns.
        pub(crate) fn write_object<S>(
            value: &dyn WriteObject,
            type_if_missing: ::std::option::Option<&str>,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error>
        where
            S: ::serde::Serializer,
        {
            use ::serde::ser::SerializeMap;
            let mut object = serializer.serialize_map(None)?;
            let mut error = None;
            let mut entry = |name: &str, value: &dyn ::erased_serde::Serialize| match object.serialize_entry(name, value) {
                Ok(()) => true,
                Err(failed) => {
                    error = Some(failed);
                    false
                }
            };
            value.write_members(type_if_missing, &mut ObjectWriter { entry: &mut entry, failed: false, written: ::std::vec::Vec::new() });
            match error {
                Some(error) => Err(error),
                None => object.end(),
            }
        }

        /// The members of an object being written: `@odata.type`, the properties that are
        /// `Some`, then `additional_properties` but for those a `Some` property has written, so
        /// that no key is written twice (a `null` read or set for a property is written only
        /// while its field is `None`). After an entry fails, it writes nothing more.
        pub(crate) struct ObjectWriter<'a> {
            /// Writes one entry; `false` when it failed.
            entry: &'a mut dyn FnMut(&str, &dyn ::erased_serde::Serialize) -> bool,
            failed: bool,
            /// The properties written.
            written: ::std::vec::Vec<&'static str>,
        }

        /// A list, written item by item through erased-serde: one `Serialize` for every list,
        /// where `Vec<T>`'s own would be compiled again for each item type.
        pub(crate) struct List<'a>(&'a dyn ListItems);

        impl<'a> List<'a> {
            pub(crate) fn of<L: ListItems>(items: &'a L) -> Self {
                List(items)
            }
        }

        pub(crate) trait ListItems {
            fn count(&self) -> usize;
            fn item(&self, index: usize) -> &dyn ::erased_serde::Serialize;
        }

        impl<T: ::serde::Serialize> ListItems for ::std::vec::Vec<T> {
            fn count(&self) -> usize {
                self.len()
            }

            fn item(&self, index: usize) -> &dyn ::erased_serde::Serialize {
                &self[index]
            }
        }

        impl ::serde::Serialize for List<'_> {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                use ::serde::ser::SerializeSeq;
                let count = self.0.count();
                let mut list = serializer.serialize_seq(Some(count))?;
                for index in 0..count {
                    list.serialize_element(self.0.item(index))?;
                }
                list.end()
            }
        }

        impl ObjectWriter<'_> {
            pub(crate) fn field<T>(&mut self, name: &'static str, value: &::std::option::Option<T>)
            where
                T: ::serde::Serialize,
            {
                if let (false, Some(value)) = (self.failed, value) {
                    self.failed = !(self.entry)(name, value);
                    self.written.push(name);
                }
            }

            pub(crate) fn finish(&mut self, additional_properties: &::serde_json::Map<::std::string::String, ::serde_json::Value>) {
                for (name, value) in additional_properties {
                    if self.failed {
                        return;
                    }
                    if !self.written.contains(&name.as_str()) {
                        self.failed = !(self.entry)(name, value);
                    }
                }
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
