//! The generated crate's `odata` module: the shapes every Graph response shares whatever its
//! types, always compiled (no area's feature gates it). `Collection<T>` is a list response
//! (`{"@odata.nextLink": ..., "value": [...]}`, one page of it), `ErrorResponse` an error body
//! (`{"error": {"code": ..., "message": ...}}`) with its `GraphError`, `InnerError` and details.
//!
//! Like the structs, they read and write through the support module (`read_fields`, and
//! `write_object` behind erased-serde) and keep every member they do not declare, so reading a
//! body and writing it back loses nothing. `Collection<T>` is instantiated in the user's crate
//! for each `T`, so its impls stay a few calls each: its items are read with `T`'s own
//! `Deserialize`, straight from the deserializer, and its other members through the support
//! module.

use proc_macro2::TokenStream;
use quote::quote;

use super::names::ident;
use super::support::{read_impls, read_map_method, write_impls};

/// The module's name at the crate root, where no namespace module may take it.
pub const ODATA_MODULE: &str = "odata";

/// The module's items; `objects_without_map` when the model structs keep no
/// `additional_properties` (these types keep theirs: their shapes are fixed, and a body's other
/// members are all there is to see of what a list or an error says beyond them).
pub fn render_odata(objects_without_map: bool) -> TokenStream {
    let read_map = read_map_method(objects_without_map);
    let collection = collection(&read_map);
    let errors = errors(&read_map);
    quote! {
        //! What every Graph response shares, whatever its types: a page of a list response
        //! ([`Collection`]) and an error body ([`ErrorResponse`]). Both keep the members they
        //! do not declare in `additional_properties`, so that reading a body and writing it back
        //! loses nothing.

        #collection
        #errors
    }
}

fn collection(read_map: &TokenStream) -> TokenStream {
    quote! {
        /// One page of a list response: `value` holds the items, the `@odata.*` annotations of
        /// the list are fields, and every other member is kept in `additional_properties`.
        ///
        /// Writing a page back gives the JSON it was read from; its members in the order
        /// `@odata.context`, `@odata.count`, `@odata.nextLink`, `value`, `@odata.deltaLink`,
        /// then the others as they were read. A body without `value` is not a list: reading
        /// it fails.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Collection<T> {
            /// `@odata.context`: the URL of the metadata that describes the list.
            pub context: ::std::option::Option<::std::string::String>,
            /// `@odata.count`: how many items the whole list has, sent when the request asks
            /// for it (`$count=true`).
            pub count: ::std::option::Option<i64>,
            /// `@odata.nextLink`: the URL of the next page; `None` on the last page.
            pub next_link: ::std::option::Option<::std::string::String>,
            /// The items of this page.
            pub value: ::std::vec::Vec<T>,
            /// `@odata.deltaLink`: the URL that returns the changes since this response, on the
            /// last page of a delta query.
            pub delta_link: ::std::option::Option<::std::string::String>,
            /// Every other member of the body, in the order read.
            pub additional_properties: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }

        impl<T> Collection<T> {
            /// The URL of the next page, to request with the same headers; `None` on the last
            /// page.
            pub fn next_link(&self) -> ::std::option::Option<&str> {
                self.next_link.as_deref()
            }

            /// The URL that returns the changes since this response (a delta query's last
            /// page).
            pub fn delta_link(&self) -> ::std::option::Option<&str> {
                self.delta_link.as_deref()
            }

            /// Whether no page follows this one.
            pub fn is_last_page(&self) -> bool {
                self.next_link.is_none()
            }

            /// How many items this page holds (`count` is the whole list's).
            pub fn len(&self) -> usize {
                self.value.len()
            }

            pub fn is_empty(&self) -> bool {
                self.value.is_empty()
            }

            pub fn iter(&self) -> ::std::slice::Iter<'_, T> {
                self.value.iter()
            }
        }

        /// An empty page with no annotations.
        impl<T> ::std::default::Default for Collection<T> {
            fn default() -> Self {
                ::std::vec::Vec::new().into()
            }
        }

        /// A page of these items, with no annotations.
        impl<T> ::std::convert::From<::std::vec::Vec<T>> for Collection<T> {
            fn from(value: ::std::vec::Vec<T>) -> Self {
                Self {
                    context: None,
                    count: None,
                    next_link: None,
                    value,
                    delta_link: None,
                    additional_properties: ::serde_json::Map::new(),
                }
            }
        }

        impl<T> ::std::iter::IntoIterator for Collection<T> {
            type Item = T;
            type IntoIter = ::std::vec::IntoIter<T>;

            fn into_iter(self) -> Self::IntoIter {
                self.value.into_iter()
            }
        }

        impl<'a, T> ::std::iter::IntoIterator for &'a Collection<T> {
            type Item = &'a T;
            type IntoIter = ::std::slice::Iter<'a, T>;

            fn into_iter(self) -> Self::IntoIter {
                self.value.iter()
            }
        }

        impl<T: ::serde::Serialize> ::serde::Serialize for Collection<T> {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                crate::support::write_object(self, None, serializer)
            }
        }

        impl<T: ::serde::Serialize> crate::support::WriteObject for Collection<T> {
            fn write_members(
                &self,
                _: ::std::option::Option<&str>,
                object: &mut crate::support::ObjectWriter<'_>,
            ) {
                object.field("@odata.context", &self.context);
                object.field("@odata.count", &self.count);
                object.field("@odata.nextLink", &self.next_link);
                object.field("value", &Some(crate::support::List::of(&self.value)));
                object.field("@odata.deltaLink", &self.delta_link);
                object.finish(&self.additional_properties);
            }
        }

        impl<'de, T: ::serde::de::DeserializeOwned> ::serde::Deserialize<'de> for Collection<T> {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                struct PageVisitor<T>(::std::marker::PhantomData<T>);

                impl<'de, T: ::serde::de::DeserializeOwned> ::serde::de::Visitor<'de> for PageVisitor<T> {
                    type Value = Collection<T>;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str("a JSON object")
                    }

                    fn visit_map<A>(self, map: A) -> ::std::result::Result<Collection<T>, A::Error>
                    where
                        A: ::serde::de::MapAccess<'de>,
                    {
                        let mut page = Collection::default();
                        match crate::support::read_page(map, &mut page)? {
                            Some(value) => Ok(Collection { value, ..page }),
                            None => Err(<A::Error as ::serde::de::Error>::missing_field("value")),
                        }
                    }
                }

                deserializer.deserialize_map(PageVisitor(::std::marker::PhantomData))
            }
        }

        /// The members of a page but `value`, which `read_page` reads with `T`'s `Deserialize`.
        impl<T> crate::support::ReadObject for Collection<T> {
            fn read_property(
                &mut self,
                property: crate::support::PropertyReader<'_, '_>,
            ) -> ::std::result::Result<(), crate::support::ReadError> {
                match property.name() {
                    "@odata.context" => property.read(&mut self.context),
                    "@odata.count" => property.read(&mut self.count),
                    "@odata.nextLink" => property.read(&mut self.next_link),
                    "@odata.deltaLink" => property.read(&mut self.delta_link),
                    _ => property.keep(),
                }
            }

            #read_map
        }
    }
}

fn errors(read_map: &TokenStream) -> TokenStream {
    let object_impls = [
        object_impls("ErrorResponse", &[("error", "error")], read_map),
        object_impls(
            "GraphError",
            &[
                ("code", "code"),
                ("message", "message"),
                ("target", "target"),
                ("innerError", "inner_error"),
                ("details", "details"),
            ],
            read_map,
        ),
        object_impls(
            "InnerError",
            &[
                ("code", "code"),
                ("date", "date"),
                ("request-id", "request_id"),
                ("client-request-id", "client_request_id"),
                ("innerError", "inner_error"),
            ],
            read_map,
        ),
    ];
    quote! {
        /// An error response's body: `{"error": {...}}`. Written back, each object's members
        /// come in the order Graph sends them, then the others as they were read.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct ErrorResponse {
            pub error: ::std::option::Option<GraphError>,
            /// Every other member of the body, in the order read.
            pub additional_properties: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }

        /// The error of an error response, or one of its `details`.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct GraphError {
            /// What went wrong, for a program to act on (`Request_ResourceNotFound`).
            pub code: ::std::option::Option<::std::string::String>,
            /// What went wrong, for a developer to read.
            pub message: ::std::option::Option<::std::string::String>,
            /// What the error is about (a property's name).
            pub target: ::std::option::Option<::std::string::String>,
            /// `innerError`: the request's identifiers and the service's own detail.
            pub inner_error: ::std::option::Option<InnerError>,
            /// The errors that make up this one.
            pub details: ::std::option::Option<::std::vec::Vec<GraphError>>,
            /// Every other member, in the order read.
            pub additional_properties: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }

        /// The `innerError` of an error: what to quote to support, and more detail.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct InnerError {
            /// A more specific code than the error's.
            pub code: ::std::option::Option<::std::string::String>,
            /// When the error happened, as sent (Graph sends it without an offset).
            pub date: ::std::option::Option<::std::string::String>,
            /// `request-id`: the service's identifier of the request.
            pub request_id: ::std::option::Option<::std::string::String>,
            /// `client-request-id`: the identifier the request sent, if it sent one.
            pub client_request_id: ::std::option::Option<::std::string::String>,
            /// `innerError`: a yet more specific error.
            pub inner_error: ::std::option::Option<::std::boxed::Box<InnerError>>,
            /// Every other member, in the order read.
            pub additional_properties: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }

        /// The error's code and message: `code: message`.
        impl ::std::fmt::Display for ErrorResponse {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match &self.error {
                    Some(error) => error.fmt(f),
                    None => f.write_str("error response without `error`"),
                }
            }
        }

        impl ::std::error::Error for ErrorResponse {}

        /// `code: message`, or whichever of them there is.
        impl ::std::fmt::Display for GraphError {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match (&self.code, &self.message) {
                    (Some(code), Some(message)) => write!(f, "{code}: {message}"),
                    (Some(text), None) | (None, Some(text)) => f.write_str(text),
                    (None, None) => f.write_str("error without code or message"),
                }
            }
        }

        impl ::std::error::Error for GraphError {}

        #(#object_impls)*
    }
}

/// `Serialize`, `Deserialize` and `ReadObject` of one of the error types: each property
/// (wire name and field) read and written in the order given, through the
/// support module as the model structs are, with `read_map` its `additional_properties`.
fn object_impls(name: &str, properties: &[(&str, &str)], read_map: &TokenStream) -> TokenStream {
    let name = ident(name);
    let read_impls = read_impls(
        &name,
        &TokenStream::new(),
        quote!(crate::support::read_fields(source)),
    );
    let writes = properties.iter().map(|&(wire, field)| {
        let field = ident(field);
        quote!(object.field(#wire, &self.#field);)
    });
    let write_impls = write_impls(
        &name,
        &TokenStream::new(),
        quote!(_),
        quote! {
            #(#writes)*
            object.finish(&self.additional_properties);
        },
    );
    let reads = properties.iter().map(|&(wire, field)| {
        let field = ident(field);
        quote!(#wire => property.read(&mut self.#field),)
    });
    quote! {
        #write_impls

        #read_impls

        impl crate::support::ReadObject for #name {
            fn read_property(
                &mut self,
                property: crate::support::PropertyReader<'_, '_>,
            ) -> ::std::result::Result<(), crate::support::ReadError> {
                match property.name() {
                    #(#reads)*
                    _ => property.keep(),
                }
            }

            #read_map
        }
    }
}
