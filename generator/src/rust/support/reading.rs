//! How the generated crate reads JSON: the `support` module's reading machinery and the impls
//! each type gets. Reading is compiled once, in the generated crate: a type's `Deserialize` hands
//! the deserializer to `read_serde`, and the value is read through object-safe traits (`Source`,
//! `Sink`, `Members`, `Items`) whose only generic parts are their adapters over serde, generic
//! over the deserializer alone. A crate that reads a `User` so instantiates those adapters once
//! for its deserializer, not a reader for every type a `User` holds; and each value goes from the
//! deserializer straight into its field, with no JSON map in between and no boxing of the values
//! read.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

/// A type's `Deserialize` impl, which only hands the deserializer to the support module, and
/// its `ReadValue` impl, whose body `read` reads the type from `source` and is compiled once in
/// the crate, whatever reads it; both behind `gate`.
pub fn read_impls(name: &impl ToTokens, gate: &TokenStream, read: TokenStream) -> TokenStream {
    quote! {
        #gate
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                crate::support::read_serde(deserializer)
            }
        }

        #gate
        impl crate::support::ReadValue for #name {
            #[inline(never)]
            fn read(
                source: &mut dyn crate::support::Source<'_>,
            ) -> ::std::result::Result<Self, crate::support::ReadError> {
                #read
            }
        }
    }
}

/// The `ReadObject::additional_properties` of a type whose field `additional_properties` keeps
/// what it does not declare; `optional` when some types keep none (see [`reading_helpers`]).
pub fn read_map_method(optional: bool) -> TokenStream {
    if optional {
        quote! {
            fn additional_properties(&mut self) -> ::std::option::Option<&mut ::serde_json::Map<::std::string::String, ::serde_json::Value>> {
                Some(&mut self.additional_properties)
            }
        }
    } else {
        quote! {
            fn additional_properties(&mut self) -> &mut ::serde_json::Map<::std::string::String, ::serde_json::Value> {
                &mut self.additional_properties
            }
        }
    }
}

/// The reading half of the support module, always emitted: the `odata` module's types read
/// through it. With `objects_without_map`, some types keep no `additional_properties`: their
/// `ReadObject` has none (the method then gives an `Option`), and reading drops what they do
/// not declare, unread, and their `null`s.
pub fn reading_helpers(objects_without_map: bool) -> TokenStream {
    let core = reading_core();
    let objects = object_reading(objects_without_map);
    let values = value_reading();
    quote! {
        #core
        #objects
        #values
    }
}

/// The traits a value is read through, the adapters over serde, and the error.
fn reading_core() -> TokenStream {
    quote! {
        /// Why a value did not read. Its message starts with the value's path in backticks once
        /// it has one (see `within`); at the boundary it becomes the deserializer's own error,
        /// and serde_json takes the position at the message's end back as the error's position.
        #[derive(Debug)]
        pub(crate) struct ReadError(::std::string::String);

        impl ReadError {
            fn of(error: impl ::std::fmt::Display) -> Self {
                ReadError(error.to_string())
            }
        }

        impl ::std::fmt::Display for ReadError {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl ::std::error::Error for ReadError {}

        impl ::serde::de::Error for ReadError {
            fn custom<T: ::std::fmt::Display>(message: T) -> Self {
                ReadError(message.to_string())
            }

            // As serde_json says it: a `null` is no "unit value".
            fn invalid_type(unexpected: ::serde::de::Unexpected<'_>, expected: &dyn ::serde::de::Expected) -> Self {
                match unexpected {
                    ::serde::de::Unexpected::Unit => Self::custom(format_args!("invalid type: null, expected {expected}")),
                    _ => Self::custom(format_args!("invalid type: {unexpected}, expected {expected}")),
                }
            }
        }

        /// A type read from one JSON value: each type's own function, compiled here
        /// (`#[inline(never)]` on the generated types, so that no other crate compiles it again).
        pub(crate) trait ReadValue: ::std::marker::Sized {
            fn read(source: &mut dyn Source<'_>) -> ::std::result::Result<Self, ReadError>;
        }

        /// A type's `Deserialize`: its `ReadValue` over `deserializer`.
        pub(crate) fn read_serde<'de, D, T>(deserializer: D) -> ::std::result::Result<T, D::Error>
        where
            D: ::serde::Deserializer<'de>,
            T: ReadValue,
        {
            T::read(&mut Pending(Some(deserializer))).map_err(<D::Error as ::serde::de::Error>::custom)
        }

        /// One JSON value, read by handing it to a sink, once.
        pub(crate) trait Source<'de> {
            fn accept(&mut self, sink: &mut dyn Sink<'de>) -> ::std::result::Result<(), ReadError>;
        }

        /// What a value is read into: a method for each kind of JSON value. A kind the sink does
        /// not take fails as serde's `invalid_type`, with what the sink expects.
        pub(crate) trait Sink<'de> {
            /// What the sink reads ("a string"), completing "expected ...".
            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result;

            fn null(&mut self) -> ::std::result::Result<(), ReadError> {
                Err(unexpected(self, ::serde::de::Unexpected::Unit))
            }

            fn bool(&mut self, value: bool) -> ::std::result::Result<(), ReadError> {
                Err(unexpected(self, ::serde::de::Unexpected::Bool(value)))
            }

            fn u64(&mut self, value: u64) -> ::std::result::Result<(), ReadError> {
                Err(unexpected(self, ::serde::de::Unexpected::Unsigned(value)))
            }

            fn i64(&mut self, value: i64) -> ::std::result::Result<(), ReadError> {
                Err(unexpected(self, ::serde::de::Unexpected::Signed(value)))
            }

            fn f64(&mut self, value: f64) -> ::std::result::Result<(), ReadError> {
                Err(unexpected(self, ::serde::de::Unexpected::Float(value)))
            }

            fn str(&mut self, value: &str) -> ::std::result::Result<(), ReadError> {
                Err(unexpected(self, ::serde::de::Unexpected::Str(value)))
            }

            fn object(&mut self, _members: &mut dyn Members<'de>) -> ::std::result::Result<(), ReadError> {
                Err(unexpected(self, ::serde::de::Unexpected::Map))
            }

            fn array(&mut self, _items: &mut dyn Items<'de>) -> ::std::result::Result<(), ReadError> {
                Err(unexpected(self, ::serde::de::Unexpected::Seq))
            }
        }

        fn unexpected<'de, S: Sink<'de> + ?Sized>(sink: &S, what: ::serde::de::Unexpected<'_>) -> ReadError {
            struct Expecting<'a>(&'a dyn Fn(&mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result);

            impl ::serde::de::Expected for Expecting<'_> {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    (self.0)(f)
                }
            }

            ::serde::de::Error::invalid_type(what, &Expecting(&|f| sink.expecting(f)))
        }

        /// Reads one value from the source it is given.
        pub(crate) type ReadWith<'a, 'de> = dyn FnMut(&mut dyn Source<'de>) -> ::std::result::Result<(), ReadError> + 'a;

        /// The members of a JSON object, in the order written.
        pub(crate) trait Members<'de> {
            fn next_name(&mut self) -> ::std::result::Result<::std::option::Option<Name<'de>>, ReadError>;

            /// Reads the value of the member just named with `read`.
            fn value(&mut self, read: &mut ReadWith<'_, 'de>) -> ::std::result::Result<(), ReadError>;

            /// These members behind a pointer to the trait, whatever the type.
            fn erased(&mut self) -> &mut dyn Members<'de>;
        }

        /// The items of a JSON array.
        pub(crate) trait Items<'de> {
            /// Reads the next item with `read`; `false` at the end.
            fn next(&mut self, read: &mut ReadWith<'_, 'de>) -> ::std::result::Result<bool, ReadError>;
        }

        // The adapters over serde: the only code generic over the deserializer.

        /// A deserializer as a source.
        struct Pending<D>(::std::option::Option<D>);

        impl<'de, D: ::serde::Deserializer<'de>> Source<'de> for Pending<D> {
            fn accept(&mut self, sink: &mut dyn Sink<'de>) -> ::std::result::Result<(), ReadError> {
                match self.0.take() {
                    Some(deserializer) => deserializer.deserialize_any(SinkVisitor(sink)).map_err(ReadError::of),
                    None => Err(ReadError("a value can only be read once".into())),
                }
            }
        }

        struct SinkVisitor<'a, 'de>(&'a mut dyn Sink<'de>);

        impl<'de> ::serde::de::Visitor<'de> for SinkVisitor<'_, 'de> {
            type Value = ();

            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                self.0.expecting(f)
            }

            fn visit_unit<E: ::serde::de::Error>(self) -> ::std::result::Result<(), E> {
                self.0.null().map_err(E::custom)
            }

            fn visit_none<E: ::serde::de::Error>(self) -> ::std::result::Result<(), E> {
                self.0.null().map_err(E::custom)
            }

            fn visit_some<D>(self, deserializer: D) -> ::std::result::Result<(), D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                deserializer.deserialize_any(self)
            }

            fn visit_bool<E: ::serde::de::Error>(self, value: bool) -> ::std::result::Result<(), E> {
                self.0.bool(value).map_err(E::custom)
            }

            fn visit_u64<E: ::serde::de::Error>(self, value: u64) -> ::std::result::Result<(), E> {
                self.0.u64(value).map_err(E::custom)
            }

            fn visit_i64<E: ::serde::de::Error>(self, value: i64) -> ::std::result::Result<(), E> {
                self.0.i64(value).map_err(E::custom)
            }

            fn visit_f64<E: ::serde::de::Error>(self, value: f64) -> ::std::result::Result<(), E> {
                self.0.f64(value).map_err(E::custom)
            }

            fn visit_str<E: ::serde::de::Error>(self, value: &str) -> ::std::result::Result<(), E> {
                self.0.str(value).map_err(E::custom)
            }

            fn visit_map<A>(self, map: A) -> ::std::result::Result<(), A::Error>
            where
                A: ::serde::de::MapAccess<'de>,
            {
                self.0.object(&mut MapMembers(map)).map_err(<A::Error as ::serde::de::Error>::custom)
            }

            fn visit_seq<S>(self, seq: S) -> ::std::result::Result<(), S::Error>
            where
                S: ::serde::de::SeqAccess<'de>,
            {
                self.0.array(&mut SeqItems(seq)).map_err(<S::Error as ::serde::de::Error>::custom)
            }
        }

        pub(crate) struct MapMembers<A>(A);

        impl<'de, A: ::serde::de::MapAccess<'de>> Members<'de> for MapMembers<A> {
            fn next_name(&mut self) -> ::std::result::Result<::std::option::Option<Name<'de>>, ReadError> {
                self.0.next_key().map_err(ReadError::of)
            }

            fn value(&mut self, read: &mut ReadWith<'_, 'de>) -> ::std::result::Result<(), ReadError> {
                self.0.next_value_seed(ReadSeed(read)).map_err(ReadError::of)
            }

            fn erased(&mut self) -> &mut dyn Members<'de> {
                self
            }
        }

        struct SeqItems<S>(S);

        impl<'de, S: ::serde::de::SeqAccess<'de>> Items<'de> for SeqItems<S> {
            fn next(&mut self, read: &mut ReadWith<'_, 'de>) -> ::std::result::Result<bool, ReadError> {
                self.0.next_element_seed(ReadSeed(read)).map(|item| item.is_some()).map_err(ReadError::of)
            }
        }

        struct ReadSeed<'a, 'b, 'de>(&'a mut ReadWith<'b, 'de>);

        impl<'de> ::serde::de::DeserializeSeed<'de> for ReadSeed<'_, '_, 'de> {
            type Value = ();

            fn deserialize<D>(self, deserializer: D) -> ::std::result::Result<(), D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                (self.0)(&mut Pending(Some(deserializer))).map_err(<D::Error as ::serde::de::Error>::custom)
            }
        }

        /// A property's name, borrowed from the input when it can be (serde_json's from a string
        /// or bytes without escapes), so that reading a name allocates nothing.
        pub(crate) enum Name<'de> {
            Borrowed(&'de str),
            Owned(::std::string::String),
        }

        impl Name<'_> {
            pub(crate) fn as_str(&self) -> &str {
                match self {
                    Name::Borrowed(name) => name,
                    Name::Owned(name) => name,
                }
            }

            fn into_string(self) -> ::std::string::String {
                match self {
                    Name::Borrowed(name) => name.into(),
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

        /// The value a sink was given. It has none only when `NullTaken` took a `null` instead,
        /// and then the caller drops this error.
        fn delivered<T>(value: ::std::option::Option<T>) -> ::std::result::Result<T, ReadError> {
            match value {
                Some(value) => Ok(value),
                None => Err(nothing_read()),
            }
        }

        #[cold]
        fn nothing_read() -> ReadError {
            ReadError("no value was read".into())
        }

        /// The error of the value at `step` (a property's name, or `[index]` in a list) as
        /// "`step.inner.path`: error". The error type may be the deserializer's, so the path can
        /// only be carried in its message, which therefore starts with the path in backticks;
        /// serde_json's `Error::custom` takes the message's trailing "at line L column C" back
        /// as the error's position, so the position of the failing value is kept.
        pub(crate) fn within<E: ::serde::de::Error>(step: &str, error: E) -> E {
            let message = error.to_string();
            match message.strip_prefix('`').and_then(|rest| rest.split_once("`: ")) {
                Some((path, rest)) if path.starts_with('[') => E::custom(format_args!("`{step}{path}`: {rest}")),
                Some((path, rest)) => E::custom(format_args!("`{step}.{path}`: {rest}")),
                None => E::custom(format_args!("`{step}`: {message}")),
            }
        }
    }
}

/// The parts of [`object_reading`] that differ when some objects keep no map.
struct Rest {
    /// `ReadObject::additional_properties`, declared.
    method: TokenStream,
    /// `read_members`: reads every member with `rest` at hand, then stores it.
    read_members: TokenStream,
    /// The type of `PropertyReader::rest`.
    ty: TokenStream,
    keep_doc: TokenStream,
    /// Where a `null` read for a field goes.
    keep_null: TokenStream,
    /// `PropertyReader::keep`'s binding of `rest`, and its reading of the value.
    keep_binding: TokenStream,
    keep_value: TokenStream,
    /// What reads and drops a value.
    ignored: TokenStream,
}

impl Rest {
    fn new(objects_without_map: bool) -> Rest {
        let map = quote!(::serde_json::Map<::std::string::String, ::serde_json::Value>);
        if !objects_without_map {
            return Rest {
                method: quote! {
                    /// Where the members it does not declare are kept, and the `null`s of those it does:
                    /// what `PropertyReader::keep` and a `null` leave, in the order read.
                    fn additional_properties(&mut self) -> &mut #map;
                },
                read_members: quote! {
                    let mut rest = ::serde_json::Map::new();
                    while let Some(name) = members.next_name()? {
                        if !other(name.as_str(), members)? {
                            target.read_property(PropertyReader { members: members.erased(), name: name.as_str(), rest: &mut rest })?;
                        }
                    }
                    *target.additional_properties() = rest;
                    Ok(())
                },
                ty: quote!(&'a mut #map),
                keep_doc: quote! {
                    /// Keeps a property the type does not declare, as JSON, in the order read.
                },
                keep_null: quote!(rest.insert(name.into(), ::serde_json::Value::Null);),
                keep_binding: quote!(rest),
                keep_value: quote! {
                    rest.insert(name.into(), read_json(source)?);
                    Ok(())
                },
                ignored: TokenStream::new(),
            };
        }
        Rest {
            method: quote! {
                /// Where the members it does not declare are kept, and the `null`s of those it does:
                /// what `PropertyReader::keep` and a `null` leave, in the order read; `None` for a
                /// type that keeps none, whose reading drops them.
                fn additional_properties(&mut self) -> ::std::option::Option<&mut #map> {
                    None
                }
            },
            read_members: quote! {
                let mut rest = target.additional_properties().map(|_| ::serde_json::Map::new());
                while let Some(name) = members.next_name()? {
                    if !other(name.as_str(), members)? {
                        target.read_property(PropertyReader { members: members.erased(), name: name.as_str(), rest: rest.as_mut() })?;
                    }
                }
                if let (Some(kept), Some(rest)) = (target.additional_properties(), rest) {
                    *kept = rest;
                }
                Ok(())
            },
            ty: quote!(::std::option::Option<&'a mut #map>),
            keep_doc: quote! {
                /// Keeps a property the type does not declare, as JSON, in the order read; drops it,
                /// unread, if the type keeps none.
            },
            keep_null: quote! {
                if let Some(rest) = &mut rest {
                    rest.insert(name.into(), ::serde_json::Value::Null);
                }
            },
            keep_binding: quote!(mut rest),
            keep_value: quote! {
                match &mut rest {
                    Some(rest) => {
                        rest.insert(name.into(), read_json(source)?);
                        Ok(())
                    }
                    None => source.accept(&mut Ignored),
                }
            },
            ignored: quote! {
                /// Any JSON value, read and dropped: what a type without `additional_properties`
                /// does with a member it does not declare. Nothing is built: an object's or a
                /// list's values are skipped one by one.
                struct Ignored;

                impl<'de> Sink<'de> for Ignored {
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str("any JSON value")
                    }

                    fn null(&mut self) -> ::std::result::Result<(), ReadError> {
                        Ok(())
                    }

                    fn bool(&mut self, _: bool) -> ::std::result::Result<(), ReadError> {
                        Ok(())
                    }

                    fn u64(&mut self, _: u64) -> ::std::result::Result<(), ReadError> {
                        Ok(())
                    }

                    fn i64(&mut self, _: i64) -> ::std::result::Result<(), ReadError> {
                        Ok(())
                    }

                    fn f64(&mut self, _: f64) -> ::std::result::Result<(), ReadError> {
                        Ok(())
                    }

                    fn str(&mut self, _: &str) -> ::std::result::Result<(), ReadError> {
                        Ok(())
                    }

                    fn object(&mut self, members: &mut dyn Members<'de>) -> ::std::result::Result<(), ReadError> {
                        while members.next_name()?.is_some() {
                            members.value(&mut |source| source.accept(&mut Ignored))?;
                        }
                        Ok(())
                    }

                    fn array(&mut self, items: &mut dyn Items<'de>) -> ::std::result::Result<(), ReadError> {
                        while items.next(&mut |source| source.accept(&mut Ignored))? {}
                        Ok(())
                    }
                }
            },
        }
    }
}

/// Objects: `ReadObject`, the properties read into fields, and a page of a collection.
fn object_reading(objects_without_map: bool) -> TokenStream {
    let Rest {
        method,
        read_members,
        ty,
        keep_doc,
        keep_null,
        keep_binding,
        keep_value,
        ignored,
    } = Rest::new(objects_without_map);
    quote! {
        /// A type read from a JSON object one property at a time. The type says what each of
        /// its properties is read into, by its wire name, in `read_property`.
        pub(crate) trait ReadObject {
            fn read_property(&mut self, property: PropertyReader<'_, '_>) -> ::std::result::Result<(), ReadError>;

            #method
        }

        /// Reads a `ReadObject` from a JSON object; a property that does not read ends it with
        /// its error, at the property's path.
        pub(crate) fn read_fields<T: ReadObject + ::std::default::Default>(
            source: &mut dyn Source<'_>,
        ) -> ::std::result::Result<T, ReadError> {
            let mut value = T::default();
            source.accept(&mut ObjectSink(&mut value))?;
            Ok(value)
        }

        struct ObjectSink<'a>(&'a mut dyn ReadObject);

        impl<'de> Sink<'de> for ObjectSink<'_> {
            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a JSON object")
            }

            fn object(&mut self, members: &mut dyn Members<'de>) -> ::std::result::Result<(), ReadError> {
                read_members(members, &mut *self.0, |_, _| Ok(false))
            }
        }

        /// Reads the members of an object into `target`, but those `other` reads (it says
        /// whether it read the member).
        fn read_members<'de, M: Members<'de> + ?Sized>(
            members: &mut M,
            target: &mut dyn ReadObject,
            mut other: impl FnMut(&str, &mut M) -> ::std::result::Result<bool, ReadError>,
        ) -> ::std::result::Result<(), ReadError> {
            #read_members
        }

        /// Reads a page of a collection of any `T` with a `Deserialize`: `value` with `T`'s, each
        /// item straight from the deserializer, and the other members into `page` as a type's are.
        pub(crate) fn read_page<'de, A, T>(
            map: A,
            page: &mut dyn ReadObject,
        ) -> ::std::result::Result<::std::option::Option<::std::vec::Vec<T>>, A::Error>
        where
            A: ::serde::de::MapAccess<'de>,
            T: ::serde::de::DeserializeOwned,
        {
            let mut value = None;
            read_members(&mut MapMembers(map), page, |name, members| {
                if name != "value" {
                    return Ok(false);
                }
                let items = members.0.next_value_seed(SerdeItems(::std::marker::PhantomData)).map_err(ReadError::of);
                value = Some(items.map_err(|error| within(name, error))?);
                Ok(true)
            })
            .map_err(<A::Error as ::serde::de::Error>::custom)?;
            Ok(value)
        }

        /// A list of any `T` with a `Deserialize`, whose items' errors name their index.
        struct SerdeItems<T>(::std::marker::PhantomData<T>);

        impl<'de, T: ::serde::de::DeserializeOwned> ::serde::de::DeserializeSeed<'de> for SerdeItems<T> {
            type Value = ::std::vec::Vec<T>;

            fn deserialize<D>(self, deserializer: D) -> ::std::result::Result<Self::Value, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                deserializer.deserialize_seq(self)
            }
        }

        impl<'de, T: ::serde::de::DeserializeOwned> ::serde::de::Visitor<'de> for SerdeItems<T> {
            type Value = ::std::vec::Vec<T>;

            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a JSON array")
            }

            fn visit_seq<S>(self, mut seq: S) -> ::std::result::Result<Self::Value, S::Error>
            where
                S: ::serde::de::SeqAccess<'de>,
            {
                let mut items = ::std::vec::Vec::new();
                while let Some(item) = seq.next_element().map_err(|error| at_index(items.len(), error))? {
                    items.push(item);
                }
                Ok(items)
            }
        }

        /// The error of the item at `index` of a list.
        fn at_index<E: ::serde::de::Error>(index: usize, error: E) -> E {
            within(&format!("[{index}]"), error)
        }

        /// The value of one property, read into a field: `null` reads as `None` and is kept in
        /// `rest` (the object's `additional_properties`, in the order read), so that it is
        /// written back; a value that does not read fails with its path (see `within`).
        pub(crate) struct PropertyReader<'a, 'de> {
            members: &'a mut dyn Members<'de>,
            name: &'a str,
            rest: #ty,
        }

        impl<'a, 'de> PropertyReader<'a, 'de> {
            /// The property's wire name.
            pub(crate) fn name(&self) -> &'a str {
                self.name
            }

            pub(crate) fn read(self, field: &mut dyn ReadField) -> ::std::result::Result<(), ReadError> {
                if !self.read_with(&mut |source| field.read_from(source))? {
                    field.clear();
                }
                Ok(())
            }

            /// Reads the value with `read` unless it is `null`; whether it was not. This part of
            /// reading a field is not generic, so that each field type adds a few lines only.
            fn read_with(self, read: &mut ReadWith<'_, 'de>) -> ::std::result::Result<bool, ReadError> {
                let PropertyReader { members, name, #keep_binding } = self;
                let mut null = false;
                members
                    .value(&mut |source| {
                        let mut source = NullOr { inner: source, null: false };
                        // After a `null`, `read` found no value: its error is no error.
                        let read = read(&mut source);
                        null = source.null;
                        if null {
                            #keep_null
                            Ok(())
                        } else {
                            read
                        }
                    })
                    .map_err(|error| within(name, error))?;
                Ok(!null)
            }

            #keep_doc
            pub(crate) fn keep(self) -> ::std::result::Result<(), ReadError> {
                let PropertyReader { members, name, #keep_binding } = self;
                members
                    .value(&mut |source| {
                        #keep_value
                    })
                    .map_err(|error| within(name, error))
            }
        }

        #ignored

        /// A field as `PropertyReader::read` reads it: all that differs with the field's type,
        /// behind a pointer, so that reading a field is compiled once and each field type adds
        /// these two methods only.
        pub(crate) trait ReadField {
            fn read_from(&mut self, source: &mut dyn Source<'_>) -> ::std::result::Result<(), ReadError>;

            fn clear(&mut self);
        }

        impl<T: ReadValue> ReadField for ::std::option::Option<T> {
            fn read_from(&mut self, source: &mut dyn Source<'_>) -> ::std::result::Result<(), ReadError> {
                *self = Some(T::read(source)?);
                Ok(())
            }

            fn clear(&mut self) {
                *self = None;
            }
        }

        /// `inner`, but a `null` is taken here (`null` is set) instead of reaching the sink.
        struct NullOr<'a, 'de> {
            inner: &'a mut dyn Source<'de>,
            null: bool,
        }

        impl<'de> Source<'de> for NullOr<'_, 'de> {
            fn accept(&mut self, sink: &mut dyn Sink<'de>) -> ::std::result::Result<(), ReadError> {
                self.inner.accept(&mut NullTaken { sink, null: &mut self.null })
            }
        }

        struct NullTaken<'a, 'b, 'de> {
            sink: &'a mut dyn Sink<'de>,
            null: &'b mut bool,
        }

        impl<'de> Sink<'de> for NullTaken<'_, '_, 'de> {
            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                self.sink.expecting(f)
            }

            fn null(&mut self) -> ::std::result::Result<(), ReadError> {
                *self.null = true;
                Ok(())
            }

            fn bool(&mut self, value: bool) -> ::std::result::Result<(), ReadError> {
                self.sink.bool(value)
            }

            fn u64(&mut self, value: u64) -> ::std::result::Result<(), ReadError> {
                self.sink.u64(value)
            }

            fn i64(&mut self, value: i64) -> ::std::result::Result<(), ReadError> {
                self.sink.i64(value)
            }

            fn f64(&mut self, value: f64) -> ::std::result::Result<(), ReadError> {
                self.sink.f64(value)
            }

            fn str(&mut self, value: &str) -> ::std::result::Result<(), ReadError> {
                self.sink.str(value)
            }

            fn object(&mut self, members: &mut dyn Members<'de>) -> ::std::result::Result<(), ReadError> {
                self.sink.object(members)
            }

            fn array(&mut self, items: &mut dyn Items<'de>) -> ::std::result::Result<(), ReadError> {
                self.sink.array(items)
            }
        }
    }
}

/// The values that are no objects of the crate: lists, boxes, strings, numbers, and any JSON.
fn value_reading() -> TokenStream {
    quote! {
        impl<T: ReadValue> ReadValue for ::std::boxed::Box<T> {
            fn read(source: &mut dyn Source<'_>) -> ::std::result::Result<Self, ReadError> {
                T::read(source).map(::std::boxed::Box::new)
            }
        }

        /// A list whose items' errors name their index.
        impl<T: ReadValue> ReadValue for ::std::vec::Vec<T> {
            fn read(source: &mut dyn Source<'_>) -> ::std::result::Result<Self, ReadError> {
                let mut items = ::std::vec::Vec::new();
                source.accept(&mut ListSink(&mut |item| {
                    items.push(T::read(item)?);
                    Ok(())
                }))?;
                Ok(items)
            }
        }

        struct ListSink<'a, 'b, 'de>(&'a mut ReadWith<'b, 'de>);

        impl<'de> Sink<'de> for ListSink<'_, '_, 'de> {
            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a JSON array")
            }

            fn array(&mut self, items: &mut dyn Items<'de>) -> ::std::result::Result<(), ReadError> {
                let mut index = 0;
                while items.next(&mut *self.0).map_err(|error| at_index(index, error))? {
                    index += 1;
                }
                Ok(())
            }
        }

        /// Reads a JSON string with `read`; `what` is what it holds, for an error.
        pub(crate) fn read_str(
            source: &mut dyn Source<'_>,
            what: &dyn ::std::fmt::Display,
            read: &mut dyn FnMut(&str) -> ::std::result::Result<(), ReadError>,
        ) -> ::std::result::Result<(), ReadError> {
            struct StrSink<'a> {
                what: &'a dyn ::std::fmt::Display,
                read: &'a mut dyn FnMut(&str) -> ::std::result::Result<(), ReadError>,
            }

            impl Sink<'_> for StrSink<'_> {
                fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    self.what.fmt(f)
                }

                fn str(&mut self, value: &str) -> ::std::result::Result<(), ReadError> {
                    (self.read)(value)
                }
            }

            source.accept(&mut StrSink { what, read })
        }

        /// Reads a JSON string as a `T`, made by `from`.
        pub(crate) fn read_str_as<T>(source: &mut dyn Source<'_>, from: fn(&str) -> T) -> ::std::result::Result<T, ReadError> {
            let mut value = None;
            read_str(source, &"a string", &mut |text| {
                value = Some(from(text));
                Ok(())
            })?;
            delivered(value)
        }

        impl ReadValue for ::std::string::String {
            fn read(source: &mut dyn Source<'_>) -> ::std::result::Result<Self, ReadError> {
                read_str_as(source, ::std::borrow::ToOwned::to_owned)
            }
        }

        impl ReadValue for bool {
            fn read(source: &mut dyn Source<'_>) -> ::std::result::Result<Self, ReadError> {
                struct BoolSink(::std::option::Option<bool>);

                impl Sink<'_> for BoolSink {
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str("a boolean")
                    }

                    fn bool(&mut self, value: bool) -> ::std::result::Result<(), ReadError> {
                        self.0 = Some(value);
                        Ok(())
                    }
                }

                let mut sink = BoolSink(None);
                source.accept(&mut sink)?;
                delivered(sink.0)
            }
        }

        /// Reads a JSON number as serde_json's, which each numeric type takes from.
        fn read_number(source: &mut dyn Source<'_>, what: &'static str) -> ::std::result::Result<::serde_json::Number, ReadError> {
            struct NumberSink(&'static str, ::std::option::Option<::serde_json::Number>);

            impl Sink<'_> for NumberSink {
                fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.0)
                }

                fn u64(&mut self, value: u64) -> ::std::result::Result<(), ReadError> {
                    self.1 = Some(value.into());
                    Ok(())
                }

                fn i64(&mut self, value: i64) -> ::std::result::Result<(), ReadError> {
                    self.1 = Some(value.into());
                    Ok(())
                }

                fn f64(&mut self, value: f64) -> ::std::result::Result<(), ReadError> {
                    match ::serde_json::Number::from_f64(value) {
                        Some(number) => {
                            self.1 = Some(number);
                            Ok(())
                        }
                        None => Err(unexpected(self, ::serde::de::Unexpected::Float(value))),
                    }
                }
            }

            let mut sink = NumberSink(what, None);
            source.accept(&mut sink)?;
            delivered(sink.1)
        }

        impl ReadValue for ::serde_json::Number {
            fn read(source: &mut dyn Source<'_>) -> ::std::result::Result<Self, ReadError> {
                read_number(source, "a number")
            }
        }

        /// An integer type: a JSON number that is an integer in its range.
        macro_rules! read_integer {
            ($($integer:ty),*) => {$(
                impl ReadValue for $integer {
                    fn read(source: &mut dyn Source<'_>) -> ::std::result::Result<Self, ReadError> {
                        let what = stringify!($integer);
                        let number = read_number(source, what)?;
                        let unexpected = if let Some(value) = number.as_u64() {
                            ::serde::de::Unexpected::Unsigned(value)
                        } else if let Some(value) = number.as_i64() {
                            ::serde::de::Unexpected::Signed(value)
                        } else {
                            let value = number.as_f64().unwrap_or(f64::NAN);
                            return Err(::serde::de::Error::invalid_type(::serde::de::Unexpected::Float(value), &what));
                        };
                        let integer = number.as_i64().and_then(|value| <$integer>::try_from(value).ok());
                        let integer = integer.or_else(|| number.as_u64().and_then(|value| <$integer>::try_from(value).ok()));
                        integer.ok_or_else(|| ::serde::de::Error::invalid_value(unexpected, &what))
                    }
                }
            )*};
        }

        read_integer!(u8, i8, i16, i32, i64);

        /// A float type: any JSON number, rounded to it as serde does.
        macro_rules! read_float {
            ($($float:ty),*) => {$(
                impl ReadValue for $float {
                    fn read(source: &mut dyn Source<'_>) -> ::std::result::Result<Self, ReadError> {
                        let number = read_number(source, stringify!($float))?;
                        Ok(number.as_f64().unwrap_or(f64::NAN) as $float)
                    }
                }
            )*};
        }

        read_float!(f32, f64);

        impl ReadValue for ::serde_json::Value {
            fn read(source: &mut dyn Source<'_>) -> ::std::result::Result<Self, ReadError> {
                read_json(source)
            }
        }

        /// Reads any JSON value as it is written.
        pub(crate) fn read_json(source: &mut dyn Source<'_>) -> ::std::result::Result<::serde_json::Value, ReadError> {
            let mut sink = JsonSink(None);
            source.accept(&mut sink)?;
            delivered(sink.0)
        }

        struct JsonSink(::std::option::Option<::serde_json::Value>);

        impl<'de> Sink<'de> for JsonSink {
            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("any JSON value")
            }

            fn null(&mut self) -> ::std::result::Result<(), ReadError> {
                self.0 = Some(::serde_json::Value::Null);
                Ok(())
            }

            fn bool(&mut self, value: bool) -> ::std::result::Result<(), ReadError> {
                self.0 = Some(value.into());
                Ok(())
            }

            fn u64(&mut self, value: u64) -> ::std::result::Result<(), ReadError> {
                self.0 = Some(value.into());
                Ok(())
            }

            fn i64(&mut self, value: i64) -> ::std::result::Result<(), ReadError> {
                self.0 = Some(value.into());
                Ok(())
            }

            // As serde_json's own `Value`: a float that JSON cannot hold is `null`.
            fn f64(&mut self, value: f64) -> ::std::result::Result<(), ReadError> {
                self.0 = Some(::serde_json::Number::from_f64(value).map_or(::serde_json::Value::Null, ::serde_json::Value::Number));
                Ok(())
            }

            fn str(&mut self, value: &str) -> ::std::result::Result<(), ReadError> {
                self.0 = Some(value.into());
                Ok(())
            }

            fn object(&mut self, members: &mut dyn Members<'de>) -> ::std::result::Result<(), ReadError> {
                let mut object = ::serde_json::Map::new();
                while let Some(name) = members.next_name()? {
                    let mut value = ::serde_json::Value::Null;
                    members.value(&mut |source| {
                        value = read_json(source)?;
                        Ok(())
                    })?;
                    object.insert(name.into_string(), value);
                }
                self.0 = Some(object.into());
                Ok(())
            }

            fn array(&mut self, items: &mut dyn Items<'de>) -> ::std::result::Result<(), ReadError> {
                let mut list = ::std::vec::Vec::new();
                while items.next(&mut |source| {
                    list.push(read_json(source)?);
                    Ok(())
                })? {}
                self.0 = Some(list.into());
                Ok(())
            }
        }
    }
}
