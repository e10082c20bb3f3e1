//! The generated crate's private `support` module: the few helpers the generated items call,
//! written once here instead of in every item, and the enums' `UnknownValue`, which the crate
//! root re-exports. `read_object` and `ObjectWriter` are always emitted (the `odata` module's
//! types read and write through them); the other helpers only when the crate uses them, so it
//! never holds dead code.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use super::model::{CrateModel, Field, FieldType, Item};
use super::primitives::PrimitiveChoices;
use super::text_forms::text_form;

/// Which helpers a crate needs beyond `read_object` and `ObjectWriter`.
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
                    for field in item.fields.iter().filter(|field| read_from_text(field)) {
                        needs.text_primitives = true;
                        needs.text_primitive_lists |= field.collection;
                    }
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
/// A type's `Deserialize` impl, which only erases the deserializer's type, and its
/// `ReadErased` impl, whose body `read` is compiled once in the crate, whatever reads it; both
/// behind `gate`.
pub fn read_impls(name: &impl ToTokens, gate: &TokenStream, read: TokenStream) -> TokenStream {
    quote! {
        #gate
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                crate::support::read_object(deserializer)
            }
        }

        #gate
        impl crate::support::ReadErased for #name {
            #[inline(never)]
            fn read_erased(
                deserializer: &mut dyn ::erased_serde::Deserializer<'_>,
            ) -> ::std::result::Result<Self, ::erased_serde::Error> {
                #read
            }
        }
    }
}

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
        object_helpers(),
    ];
    if needs.structs {
        items.push(debug_helpers());
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
        pub(crate) fn typed_json(
            deserializer: &mut dyn ::erased_serde::Deserializer<'_>,
        ) -> ::std::result::Result<(::std::option::Option<::std::string::String>, ::serde_json::Value), ::erased_serde::Error> {
            let value: ::serde_json::Value = ::erased_serde::deserialize(deserializer)?;
            let key = value
                .get("@odata.type")
                .and_then(::serde_json::Value::as_str)
                .map(|name| name.trim_start_matches('#').to_ascii_lowercase());
            Ok((key, value))
        }

        /// Reads the value of a variant from the JSON read; the error's message keeps the path
        /// inside the value, but not a position, which JSON read into memory does not have.
        pub(crate) fn from_json<T: ReadErased>(
            value: ::serde_json::Value,
        ) -> ::std::result::Result<::std::boxed::Box<T>, ::erased_serde::Error> {
            T::read_erased(&mut <dyn ::erased_serde::Deserializer>::erase(value)).map(::std::boxed::Box::new)
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
            ) -> ::std::result::Result<(), ::erased_serde::Error> {
                let mut list = None;
                self.read_list(&mut list)?;
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

        impl<'de, T: FromText> ::serde::Deserialize<'de> for Text<T> {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                // A visitor, so that the error is made while the deserializer is at the value.
                struct TextVisitor<T>(::std::marker::PhantomData<T>);

                impl<T: FromText> ::serde::de::Visitor<'_> for TextVisitor<T> {
                    type Value = Text<T>;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        write!(f, "{} ({})", T::WHAT, T::FORMAT)
                    }

                    fn visit_str<E: ::serde::de::Error>(self, text: &str) -> ::std::result::Result<Text<T>, E> {
                        T::from_text(text).map(Text).map_err(|error| {
                            E::custom(format_args!("{text:?} is not {} (expected {}): {error}", T::WHAT, T::FORMAT))
                        })
                    }
                }

                deserializer.deserialize_str(TextVisitor(::std::marker::PhantomData))
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
            pub(crate) fn read_text<T: FromText>(self, field: &mut ::std::option::Option<T>) -> ::std::result::Result<(), ::erased_serde::Error> {
                let mut text = None;
                self.read(&mut text)?;
                *field = text.map(|Text(value)| value);
                Ok(())
            }

            #read_text_list
        }

        #as_text_list
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
        // Reading and writing are compiled once, in this crate: a type's `Deserialize` and
        // `Serialize` only erase the deserializer's or serializer's type (erased-serde) and call
        // the type's `ReadErased` or `WriteObject`, which are not generic. A crate that reads a
        // `User` then instantiates a few lines for its deserializer, not the readers of every
        // type a `User` holds.

        /// A type read from a JSON object one property at a time, straight from the
        /// deserializer rather than through a JSON map, so that an error carries the position
        /// of the value that failed (serde_json reports where it stopped reading). The type says
        /// what each of its properties is read into, by its wire name, in `read_property`.
        pub(crate) trait ReadObject {
            fn read_property(&mut self, property: PropertyReader<'_, '_>) -> ::std::result::Result<(), ::erased_serde::Error>;

            /// Where the members it does not declare are kept, and the `null`s of those it does:
            /// what `PropertyReader::keep` and a `null` leave, in the order read.
            fn additional_properties(&mut self) -> &mut ::serde_json::Map<::std::string::String, ::serde_json::Value>;
        }

        /// A type read from a deserializer whose type is erased: each type's own function,
        /// compiled here (`#[inline(never)]`, so that no other crate compiles it again).
        pub(crate) trait ReadErased: ::std::marker::Sized {
            fn read_erased(
                deserializer: &mut dyn ::erased_serde::Deserializer<'_>,
            ) -> ::std::result::Result<Self, ::erased_serde::Error>;
        }

        /// A type's `Deserialize`: its `ReadErased` over `deserializer`, erased. The error keeps
        /// its message, and serde_json takes the position at its end back.
        pub(crate) fn read_object<'de, D, T>(deserializer: D) -> ::std::result::Result<T, D::Error>
        where
            D: ::serde::Deserializer<'de>,
            T: ReadErased,
        {
            let mut erased = <dyn ::erased_serde::Deserializer>::erase(deserializer);
            T::read_erased(&mut erased).map_err(<D::Error as ::serde::de::Error>::custom)
        }

        /// Reads a `ReadObject` from a JSON object; a property that does not read ends it with
        /// its error, at the property's path.
        pub(crate) fn read_fields<T: ReadObject + ::std::default::Default>(
            deserializer: &mut dyn ::erased_serde::Deserializer<'_>,
        ) -> ::std::result::Result<T, ::erased_serde::Error> {
            let mut value = T::default();
            read_members(deserializer, &mut value)?;
            Ok(value)
        }

        // The visitors and seeds below are the only ones reading instantiates, whatever the
        // types: each erased one costs a vtable of every `visit_` method, so a visitor per type
        // or per field type would be most of the crate's build. What differs per type is a
        // closure, called through `ReadValue`.

        /// Reads one value from the deserializer it is given.
        type ReadValue<'a> = dyn FnMut(&mut dyn ::erased_serde::Deserializer<'_>) -> ::std::result::Result<(), ::erased_serde::Error> + 'a;

        fn read_members(
            deserializer: &mut dyn ::erased_serde::Deserializer<'_>,
            target: &mut dyn ReadObject,
        ) -> ::std::result::Result<(), ::erased_serde::Error> {
            struct ObjectVisitor<'a>(&'a mut dyn ReadObject);

            impl<'de> ::serde::de::Visitor<'de> for ObjectVisitor<'_> {
                type Value = ();

                fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str("a JSON object")
                }

                fn visit_map<A>(self, mut map: A) -> ::std::result::Result<(), A::Error>
                where
                    A: ::serde::de::MapAccess<'de>,
                {
                    let mut rest = ::serde_json::Map::new();
                    while let Some(name) = map.next_key::<Name<'de>>()? {
                        let property = PropertySeed { target: &mut *self.0, name: name.as_str(), rest: &mut rest };
                        map.next_value_seed(property)?;
                    }
                    *self.0.additional_properties() = rest;
                    Ok(())
                }
            }

            ::serde::Deserializer::deserialize_map(deserializer, ObjectVisitor(target))
        }

        /// The value of one property, handed to the type that reads it.
        struct PropertySeed<'a> {
            target: &'a mut dyn ReadObject,
            name: &'a str,
            rest: &'a mut ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }

        impl<'de> ::serde::de::DeserializeSeed<'de> for PropertySeed<'_> {
            type Value = ();

            fn deserialize<D>(self, deserializer: D) -> ::std::result::Result<(), D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                let mut value = <dyn ::erased_serde::Deserializer>::erase(deserializer);
                let property = PropertyReader { value: &mut value, name: self.name, rest: self.rest };
                self.target.read_property(property).map_err(<D::Error as ::serde::de::Error>::custom)
            }
        }

        /// Reads a value that may be `null` with `read`; whether it was not `null`.
        fn read_nullable(
            deserializer: &mut dyn ::erased_serde::Deserializer<'_>,
            read: &mut ReadValue<'_>,
        ) -> ::std::result::Result<bool, ::erased_serde::Error> {
            struct NullableVisitor<'a, 'b>(&'a mut ReadValue<'b>);

            impl<'de> ::serde::de::Visitor<'de> for NullableVisitor<'_, '_> {
                type Value = bool;

                fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str("a value or null")
                }

                fn visit_none<E>(self) -> ::std::result::Result<bool, E> {
                    Ok(false)
                }

                fn visit_unit<E>(self) -> ::std::result::Result<bool, E> {
                    Ok(false)
                }

                fn visit_some<D>(self, deserializer: D) -> ::std::result::Result<bool, D::Error>
                where
                    D: ::serde::Deserializer<'de>,
                {
                    let mut value = <dyn ::erased_serde::Deserializer>::erase(deserializer);
                    (self.0)(&mut value).map_err(<D::Error as ::serde::de::Error>::custom)?;
                    Ok(true)
                }
            }

            ::serde::Deserializer::deserialize_option(deserializer, NullableVisitor(read))
        }

        /// Reads a JSON array with `read` for each item; an item's error names its index.
        fn read_items(
            deserializer: &mut dyn ::erased_serde::Deserializer<'_>,
            read: &mut ReadValue<'_>,
        ) -> ::std::result::Result<(), ::erased_serde::Error> {
            struct ListVisitor<'a, 'b>(&'a mut ReadValue<'b>);

            impl<'de> ::serde::de::Visitor<'de> for ListVisitor<'_, '_> {
                type Value = ();

                fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str("a JSON array")
                }

                fn visit_seq<S>(self, mut seq: S) -> ::std::result::Result<(), S::Error>
                where
                    S: ::serde::de::SeqAccess<'de>,
                {
                    let mut index = 0;
                    loop {
                        match seq.next_element_seed(ItemSeed(&mut *self.0)) {
                            Ok(Some(())) => index += 1,
                            Ok(None) => return Ok(()),
                            Err(error) => return Err(within(&format!("[{index}]"), error)),
                        }
                    }
                }
            }

            struct ItemSeed<'a, 'b>(&'a mut ReadValue<'b>);

            impl<'de> ::serde::de::DeserializeSeed<'de> for ItemSeed<'_, '_> {
                type Value = ();

                fn deserialize<D>(self, deserializer: D) -> ::std::result::Result<(), D::Error>
                where
                    D: ::serde::Deserializer<'de>,
                {
                    let mut value = <dyn ::erased_serde::Deserializer>::erase(deserializer);
                    (self.0)(&mut value).map_err(<D::Error as ::serde::de::Error>::custom)
                }
            }

            ::serde::Deserializer::deserialize_seq(deserializer, ListVisitor(read))
        }

        /// A property's name, borrowed from the input when it can be (serde_json's from a string
        /// or bytes without escapes), so that reading a name allocates nothing.
        enum Name<'de> {
            Borrowed(&'de str),
            Owned(::std::string::String),
        }

        impl Name<'_> {
            fn as_str(&self) -> &str {
                match self {
                    Name::Borrowed(name) => name,
                    Name::Owned(name) => name,
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for Name<'de> {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                struct NameVisitor;

                impl<'de> ::serde::de::Visitor<'de> for NameVisitor {
                    type Value = Name<'de>;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str("a property name")
                    }

                    fn visit_borrowed_str<E>(self, name: &'de str) -> ::std::result::Result<Name<'de>, E> {
                        Ok(Name::Borrowed(name))
                    }

                    fn visit_str<E>(self, name: &str) -> ::std::result::Result<Name<'de>, E> {
                        Ok(Name::Owned(name.into()))
                    }

                    fn visit_string<E>(self, name: ::std::string::String) -> ::std::result::Result<Name<'de>, E> {
                        Ok(Name::Owned(name))
                    }
                }

                deserializer.deserialize_str(NameVisitor)
            }
        }

        /// The value of one property, read into a field: `null` reads as `None` and is kept in
        /// `rest` (the object's `additional_properties`, in the order read), so that it is
        /// written back; a value that does not read fails with its path (see `within`).
        pub(crate) struct PropertyReader<'a, 'de> {
            value: &'a mut dyn ::erased_serde::Deserializer<'de>,
            name: &'a str,
            rest: &'a mut ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }

        impl<'a> PropertyReader<'a, '_> {
            /// The property's wire name.
            pub(crate) fn name(&self) -> &'a str {
                self.name
            }

            /// Reads the value with `read`, or records its `null`.
            fn read_with(self, read: &mut ReadValue<'_>) -> ::std::result::Result<(), ::erased_serde::Error> {
                let present = read_nullable(self.value, read).map_err(|error| within(self.name, error))?;
                if !present {
                    self.rest.insert(self.name.into(), ::serde_json::Value::Null);
                }
                Ok(())
            }

            pub(crate) fn read<T>(self, field: &mut ::std::option::Option<T>) -> ::std::result::Result<(), ::erased_serde::Error>
            where
                T: ::serde::de::DeserializeOwned,
            {
                *field = None;
                self.read_with(&mut |value| {
                    *field = Some(T::deserialize(value)?);
                    Ok(())
                })
            }

            /// Reads a list whose items' errors name their index.
            pub(crate) fn read_list<T>(self, field: &mut ::std::option::Option<::std::vec::Vec<T>>) -> ::std::result::Result<(), ::erased_serde::Error>
            where
                T: ::serde::de::DeserializeOwned,
            {
                *field = None;
                self.read_with(&mut |value| {
                    let mut items = ::std::vec::Vec::new();
                    read_items(value, &mut |item| {
                        items.push(T::deserialize(item)?);
                        Ok(())
                    })?;
                    *field = Some(items);
                    Ok(())
                })
            }

            /// Keeps a property the type does not declare, as JSON, in the order read.
            pub(crate) fn keep(self) -> ::std::result::Result<(), ::erased_serde::Error> {
                let value: ::serde_json::Value = ::erased_serde::deserialize(self.value).map_err(|error| within(self.name, error))?;
                self.rest.insert(self.name.into(), value);
                Ok(())
            }
        }

        /// The error of the value at `step` (a property's name, or `[index]` in a list) as
        /// "`step.inner.path`: error". The error type is the deserializer's, so the path can only
        /// be carried in its message, which therefore starts with the path in backticks;
        /// serde_json's `Error::custom` takes the message's trailing "at line L column C" back
        /// as the error's position, so the position of the failing value is kept.
        fn within<E: ::serde::de::Error>(step: &str, error: E) -> E {
            let message = error.to_string();
            match message.strip_prefix('`').and_then(|rest| rest.split_once("`: ")) {
                Some((path, rest)) if path.starts_with('[') => E::custom(format_args!("`{step}{path}`: {rest}")),
                Some((path, rest)) => E::custom(format_args!("`{step}.{path}`: {rest}")),
                None => E::custom(format_args!("`{step}`: {message}")),
            }
        }

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
