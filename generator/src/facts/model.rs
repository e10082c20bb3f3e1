//! The facts a page gives: the types it describes or mentions ([`TypeFact`], with their
//! properties and enum members), the references to types it writes ([`TypeRef`],
//! [`PropertyType`]), and what each is worth when pages disagree ([`Evidence`]); [`PageFacts`]
//! holds all of one page's.

use std::sync::Arc;

use super::api_version::PageVersion;
use super::examples::Example;
use crate::diagnostic::{Diagnostic, Location};
use crate::doc_text::{link_page_stem, linked_type_name};

/// How much a fact is worth when pages disagree (higher wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Evidence {
    /// Inferred from the values of a JSON example.
    Example,
    /// A "List x" API page (`owner-list-x.md`, `GET /owners/{id}/x`): `owner` has a navigation
    /// property `x`. Used only for types that a type page describes.
    ListMethod,
    /// A JSON representation block of a resource page.
    JsonRepresentation,
    /// A Create/Update API page's request-body table, or an "Inherited from" cell.
    ApiPage,
    /// The page that describes the type itself: a resource page or an enum table.
    TypePage,
}

/// A reference to a type, as a page writes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeRef {
    /// The name as written: `resultInfo`, `microsoft.graph.callRecords.session`.
    pub name: String,
    /// The linked page's file stem, lower-cased (`resultinfo`, `callrecords-session`).
    pub page: Option<String>,
}

impl TypeRef {
    pub fn named(name: impl Into<String>) -> Self {
        TypeRef {
            name: name.into(),
            page: None,
        }
    }

    /// The type a link names (see [`linked_type_name`]), with the page it links to.
    pub fn from_link(text: &str, target: &str) -> Self {
        let page = link_page_stem(target);
        TypeRef {
            name: linked_type_name(text, page.as_deref()),
            page,
        }
    }
}

/// What a property's type cell says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PropertyType {
    /// `Edm.String`, `Edm.Int32`, ...
    Primitive(&'static str),
    /// A named type: a link or a bare name.
    Named(TypeRef),
    /// `Enumeration` without a name; the values (if listed) say which enum it is.
    Enumeration,
    /// "[a](a.md) or [b](b.md)": a value of any of these types (each a primitive or named, no
    /// two the same). Which one type that is needs the bases, so the schema decides.
    OneOf(Vec<PropertyType>),
}

#[derive(Debug, Clone)]
pub struct PropertyFact {
    pub name: String,
    pub ty: PropertyType,
    pub collection: bool,
    pub navigation: bool,
    pub description: String,
    /// "Possible values are: `a`, `b`" in the description.
    pub values: Vec<String>,
    /// "Inherited from [x](x.md)": the property is declared by that ancestor.
    pub inherited_from: Option<TypeRef>,
    /// The type is a guess from the property's name (a navigation property the resource
    /// comment lists but no table types): kept only if a type of that name exists.
    pub type_guessed: bool,
    pub location: Location,
    pub evidence: Evidence,
}

#[derive(Debug, Clone)]
pub struct MemberFact {
    pub name: String,
    pub value: Option<i64>,
    pub description: String,
    pub location: Location,
}

/// What the evidence says about a type's kind, when it says anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindHint {
    Enum,
    /// The page lists REST methods on the type (GET/POST paths), so it has a key.
    Addressable,
}

#[derive(Debug, Clone)]
pub struct TypeFact {
    pub name: TypeRef,
    /// The namespace the name lives in (the page's, unless the name is qualified).
    pub namespace: Arc<str>,
    pub evidence: Evidence,
    pub location: Location,
    pub kind: Option<KindHint>,
    pub base: Option<(TypeRef, Location)>,
    /// The base the prose names ("Inherits from [x](x.md)") when `baseType` names another: the
    /// schema takes the prose's if it derives from `baseType` (a comment left at `entity`).
    pub prose_base: Option<(TypeRef, Location)>,
    /// `"abstract": true` in the resource comment.
    pub is_abstract: bool,
    /// `"keyProperty"` in the resource comment: the type has a key, so it is an entity type.
    pub key_property: Option<String>,
    /// Types a "Derived types" section lists: this type is their base.
    pub derived: Vec<(TypeRef, Location)>,
    /// The type name a resource page's title writes, with where, when the page names its type
    /// by its resource comment: a spelling the schema weighs against the comment's.
    pub title_name: Option<(String, Location)>,
    pub description: String,
    pub properties: Vec<PropertyFact>,
    pub members: Vec<MemberFact>,
}

impl TypeFact {
    pub(super) fn new(
        name: TypeRef,
        namespace: &Arc<str>,
        evidence: Evidence,
        location: Location,
    ) -> Self {
        TypeFact {
            name,
            namespace: Arc::clone(namespace),
            evidence,
            location,
            kind: None,
            base: None,
            prose_base: None,
            is_abstract: false,
            key_property: None,
            derived: Vec::new(),
            title_name: None,
            description: String::new(),
            properties: Vec::new(),
            members: Vec::new(),
        }
    }
}

/// Everything one page contributes.
#[derive(Debug, Clone)]
pub struct PageFacts {
    pub path: Arc<str>,
    /// The page's declared namespace, or the default.
    pub namespace: Arc<str>,
    /// The page's file stem, lower-cased: links to this page resolve to `types[0]`.
    pub stem: String,
    /// The product area the page belongs to (front matter `ms.prod`, such as `intune`), if it
    /// names one.
    pub area: Option<String>,
    pub types: Vec<TypeFact>,
    pub examples: Vec<Example>,
    /// An API page's `GET` paths and response type.
    pub requests: Option<Requests>,
    /// The API version the page says it belongs to.
    pub version: PageVersion,
    /// An API page (of an action, a delete) or an overview page that names no type and has no
    /// JSON example: it yields nothing, as such pages are expected to, so that is no finding.
    pub expected_empty: bool,
    pub diagnostics: Vec<Diagnostic>,
}

/// What an API page's `GET` requests say: the paths, and the type the response names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requests {
    /// The `GET` paths of the HTTP request section, in page order.
    pub paths: Vec<RequestPath>,
    /// The type the response's metadata comment names (`"@odata.type"`), or else the
    /// resource the "Response" section links to.
    pub response_type: TypeRef,
    /// The response is a collection: the comment says `"isCollection": true` or names
    /// `Collection(x)`, the prose speaks of a collection, or a response body wraps its items
    /// in `value`.
    pub response_is_collection: bool,
    /// The operation a title such as "workbookTable: range" names: a function or action,
    /// whose path segment is not a navigation property.
    pub operation: Option<String>,
    /// Names that the page's `GET` requests, examples included, call with arguments
    /// (`delta(token='…')`): functions, lower-cased, in page order.
    pub functions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestPath {
    /// The path's segments; a key (`{id}`, `{id | userPrincipalName}`) is `None`.
    pub segments: Vec<Option<String>>,
    pub location: Location,
}
