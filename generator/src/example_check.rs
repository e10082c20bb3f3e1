//! The JSON examples of the pages checked against the schema: the type each is read as, the
//! values to read, and what the docs get wrong in it, found by walking the JSON against the
//! schema the way the generated types read it. It reads only the schema and the facts' examples;
//! the Rust stage renders the cases as the data of the generated crate's round-trip test
//! (`rust/example_tests.rs`).
//!
//! Which type an example is read as: the one it names (its metadata's `@odata.type`, else the
//! body's), else the one its page's prose implies ([`Example::implied_type_page`]). A list body
//! (`{"@odata.context": ..., "value": [...]}`, for a type that has no `value` property, or a
//! top-level array) is checked element by element; the generated types read a top-level array
//! element by element and an OData collection object whole, as the crate's `Collection<T>`.
//!
//! What counts as a doc defect, most serious first: a body that is not valid JSON; a named type
//! no page describes; a placeholder (`"Int32"`, `"String"`, `"datetime-value"`) where the
//! documented type needs a typed value; a value that contradicts its documented type; an enum
//! value in another case than its documented member (read, but written back as documented); a
//! property spelled in another case than documented; a body whose one object is wrapped in
//! `value`, as a list's are (the object is read); an undocumented property (but in a type its
//! page calls an open type). The first five explain why an example fails to be read or written
//! back whole (`explains_failure`); the last three do not: the round trip reads a wrapped object
//! as itself and keeps other properties in `additional_properties`, so they only keep them out
//! of typed fields. A placeholder in an enum is no defect: enums keep unknown values.

use serde_json::{Map, Value};

use crate::doc_text::{collection_item, is_qualified_name, leading_name, primitive_type};
use crate::edm::{edm_primitive, EdmPrimitive, JsonKind};
use crate::facts::Example;
use crate::schema::{Kind, Property, TypeDef, TypeLookup};

/// One example, ready to be read by the generated types.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleCase {
    /// `page:line` of the JSON body.
    pub at: String,
    /// The qualified type the values are read as; `None` when the example names and implies
    /// none of the schema's structured types, or holds no property to read (only annotations,
    /// or an empty list).
    pub type_name: Option<String>,
    /// The values to read, as compact JSON: the body, or each element of a top-level array.
    pub values: Vec<String>,
    /// Whether the body is an OData collection (an object whose `value` holds the items): its
    /// one value is the whole body, read as `Collection<T>`.
    pub collection: bool,
    pub doc_defect: Option<DocDefect>,
}

/// The most serious thing the docs get wrong in an example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocDefect {
    pub class: DefectClass,
    /// Where in the body and what, with how many more defects the body has.
    pub detail: String,
}

/// Kinds of doc defects, most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DefectClass {
    InvalidJson,
    UndocumentedType,
    Placeholder,
    ContradictsType,
    WrongCaseValue,
    WrongCase,
    WrappedValue,
    UndocumentedProperty,
}

impl DefectClass {
    pub fn as_str(self) -> &'static str {
        match self {
            DefectClass::InvalidJson => "invalid JSON",
            DefectClass::UndocumentedType => "names an undocumented type",
            DefectClass::Placeholder => "placeholder value",
            DefectClass::ContradictsType => "value contradicts documented type",
            DefectClass::WrongCaseValue => "wrong-case enum value",
            DefectClass::WrongCase => "wrong-case property",
            DefectClass::WrappedValue => "one value wrapped in `value`",
            DefectClass::UndocumentedProperty => "undocumented property",
        }
    }

    /// Whether the generated types fail to read an example with this defect, or to write it
    /// back whole (rather than keeping the property in `additional_properties`).
    pub fn explains_failure(self) -> bool {
        self < DefectClass::WrongCase
    }
}

/// The JSON a primitive's values are taken to be: [`EdmPrimitive::json`], or a stricter kind
/// where the types that read the examples hold the primitive as a type that reads less (an
/// `Edm.Guid` as a GUID type).
pub type PrimitiveJson<'a> = &'a dyn Fn(&'static EdmPrimitive) -> JsonKind;

/// Every example as a case, in the order given, read against the schema `lookup` reads.
pub fn example_cases(lookup: &TypeLookup<'_>, examples: &[Example]) -> Vec<ExampleCase> {
    example_cases_read_as(lookup, examples, &|primitive| primitive.json)
}

/// [`example_cases`] for types that read each primitive's values as `json` says: a value they
/// cannot read is a doc defect of the example, not a fault of the types.
pub fn example_cases_read_as(
    lookup: &TypeLookup<'_>,
    examples: &[Example],
    json: PrimitiveJson<'_>,
) -> Vec<ExampleCase> {
    examples
        .iter()
        .map(|example| example_case(lookup, example, json))
        .collect()
}

/// The position of a type by name, `#` and case aside, as the generated types read
/// `@odata.type`.
fn named_type(lookup: &TypeLookup<'_>, name: &str) -> Option<usize> {
    lookup.position(name.trim().trim_start_matches('#'))
}

fn example_case(
    lookup: &TypeLookup<'_>,
    example: &Example,
    json: PrimitiveJson<'_>,
) -> ExampleCase {
    let mut case = ExampleCase {
        at: format!("{}:{}", example.location.file, example.location.line),
        type_name: None,
        values: Vec::new(),
        collection: false,
        doc_defect: None,
    };
    if let Some(error) = &example.invalid {
        case.doc_defect = Some(DocDefect {
            class: DefectClass::InvalidJson,
            detail: error.clone(),
        });
        return case;
    }
    let ty = match read_as(lookup, example) {
        Ok(Some(ty)) => ty,
        Ok(None) => return case,
        Err(defect) => {
            case.doc_defect = Some(defect);
            return case;
        }
    };
    let mut walk = Walk {
        lookup,
        json,
        findings: Vec::new(),
    };
    let (values, list) = walk.values_to_read(&example.json, ty);
    if values.iter().all(|value| holds_only_annotations(value)) {
        // An empty list, `{"@odata.id": ...}` or a truncated `{"@odata.context": ...}`: no
        // property to read, so reading it would prove nothing.
        return case;
    }
    for (position, value) in values.iter().enumerate() {
        let path = if list {
            format!("[{position}]")
        } else {
            String::new()
        };
        walk.structured(&path, value, ty);
    }
    case.type_name = Some(lookup.types()[ty].qualified_name());
    case.collection = list && example.json.is_object();
    case.values = if case.collection {
        vec![example.json.to_string()]
    } else {
        values.iter().map(|v| v.to_string()).collect()
    };
    case.doc_defect = walk.most_serious();
    case
}

/// The structured type the example is read as: `Ok(None)` for none (the example names and
/// implies none, or names a primitive), `Err` when it names a type no page describes.
fn read_as(lookup: &TypeLookup<'_>, example: &Example) -> Result<Option<usize>, DocDefect> {
    if let Some(named) = &example.type_name {
        let named = collection_item(named).unwrap_or(named);
        if primitive_type(named).is_some() || named.to_ascii_lowercase().starts_with("edm.") {
            return Ok(None);
        }
        return match named_type(lookup, named) {
            Some(ty) => Ok(structured(lookup, ty)),
            None => Err(DocDefect {
                class: DefectClass::UndocumentedType,
                detail: format!("names `{named}`, which no page describes"),
            }),
        };
    }
    let Some(page) = &example.implied_type_page else {
        return Ok(None);
    };
    Ok(type_of_page(lookup, page))
}

fn structured(lookup: &TypeLookup<'_>, ty: usize) -> Option<usize> {
    (lookup.types()[ty].kind != Kind::Enum).then_some(ty)
}

/// The structured type a page describes: the one named like the page when it describes
/// several (`resources/user.md` describes `user`), else its first.
fn type_of_page(lookup: &TypeLookup<'_>, page: &str) -> Option<usize> {
    let stem = page.rsplit('/').next()?.trim_end_matches(".md");
    let types = lookup.types();
    let described: Vec<usize> = lookup
        .types_of_page(page)
        .iter()
        .copied()
        .filter(|&ty| types[ty].kind != Kind::Enum)
        .collect();
    described
        .iter()
        .find(|&&ty| types[ty].name.eq_ignore_ascii_case(stem))
        .or(described.first())
        .copied()
}

fn holds_only_annotations(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|object| object.keys().all(|key| is_annotation(key)))
}

/// A JSON key that is an annotation (`@odata.context`, `id@odata.bind`), not a property.
fn is_annotation(key: &str) -> bool {
    key.contains('@')
}

struct Walk<'l, 's> {
    lookup: &'l TypeLookup<'s>,
    json: PrimitiveJson<'l>,
    findings: Vec<(DefectClass, String)>,
}

impl<'s> Walk<'_, 's> {
    fn def(&self, ty: usize) -> &'s TypeDef {
        &self.lookup.types()[ty]
    }

    /// The values to read and whether the body is a list: a top-level array, or an object
    /// with a `value` array (and no `@odata.type`) when the type has no `value` property; a
    /// list's wrapper may hold only annotations (`@odata.context`, `@odata.nextLink`). A
    /// single object in `value` is read too, as the docs' mistake for the object itself.
    fn values_to_read<'j>(&mut self, json: &'j Value, ty: usize) -> (Vec<&'j Value>, bool) {
        let ty_has_value = self
            .properties(ty)
            .iter()
            .any(|p| p.name.eq_ignore_ascii_case("value"));
        match json {
            Value::Array(items) => (items.iter().collect(), true),
            Value::Object(object) if !ty_has_value && !object.contains_key("@odata.type") => {
                let items = match object.get("value") {
                    Some(Value::Array(items)) => items,
                    Some(single @ Value::Object(_)) => {
                        self.findings.push((
                            DefectClass::WrappedValue,
                            "the body's one value is wrapped in `value`, as a list's are"
                                .to_string(),
                        ));
                        return (vec![single], false);
                    }
                    _ => return (vec![json], false),
                };
                for key in object.keys() {
                    if key != "value" && !is_annotation(key) {
                        self.findings.push((
                            DefectClass::UndocumentedProperty,
                            format!("`{key}` beside a list's `value`"),
                        ));
                    }
                }
                (items.iter().collect(), true)
            }
            json => (vec![json], false),
        }
    }

    /// The type's own and inherited properties, base first.
    fn properties(&self, ty: usize) -> Vec<&'s Property> {
        self.lookup
            .lineage(ty)
            .iter()
            .rev()
            .flat_map(|&t| &self.def(t).properties)
            .collect()
    }

    /// Whether the page of the type or of an ancestor calls it an open type, whose values may
    /// hold any property ("This type is an open type").
    fn is_open(&self, ty: usize) -> bool {
        self.lookup.lineage(ty).iter().any(|&t| {
            let description = &self.def(t).description;
            description.to_ascii_lowercase().contains("open type")
        })
    }

    /// A value of a structured type: an object, read as the subtype its `@odata.type` names
    /// when that derives from the type (as an `Any...` enum reads it).
    fn structured(&mut self, path: &str, value: &Value, ty: usize) {
        let Value::Object(object) = value else {
            self.wrong_value(path, value, &self.def(ty).qualified_name());
            return;
        };
        let named = object
            .get("@odata.type")
            .and_then(Value::as_str)
            .and_then(|name| named_type(self.lookup, name))
            .filter(|&named| self.lookup.derives_from(named, ty));
        self.object(path, object, named.unwrap_or(ty));
    }

    fn object(&mut self, path: &str, object: &Map<String, Value>, ty: usize) {
        let properties = self.properties(ty);
        let open = self.is_open(ty);
        for (key, value) in object {
            if is_annotation(key) {
                continue;
            }
            let at = join(path, key);
            if let Some(property) = properties.iter().find(|p| p.name == *key) {
                self.property(&at, value, property);
            } else if let Some(property) =
                properties.iter().find(|p| p.name.eq_ignore_ascii_case(key))
            {
                self.findings.push((
                    DefectClass::WrongCase,
                    format!("`{at}` is documented as `{}`", property.name),
                ));
            } else if !open {
                self.findings.push((
                    DefectClass::UndocumentedProperty,
                    format!(
                        "`{at}` is not a property of `{}`",
                        self.def(ty).qualified_name()
                    ),
                ));
            }
        }
    }

    fn property(&mut self, path: &str, value: &Value, property: &Property) {
        match (value, property.collection) {
            (Value::Null, _) => {}
            (Value::Array(items), true) => {
                for (position, item) in items.iter().enumerate() {
                    self.single(&format!("{path}[{position}]"), item, &property.ty);
                }
            }
            (_, true) if self.accepts_any(&property.ty) => {}
            (_, true) => self.findings.push((
                DefectClass::ContradictsType,
                format!(
                    "`{path}` is `{}`, not a collection of `{}`",
                    brief(value),
                    property.ty
                ),
            )),
            (_, false) => self.single(path, value, &property.ty),
        }
    }

    /// Whether a value of this type may be any JSON, as the generated types hold it in a
    /// `serde_json::Value`: an unknown type, a type that says nothing of its values (`Json`),
    /// or a primitive of [`JsonKind::Any`] (`Edm.Untyped` and the geography types).
    fn accepts_any(&self, ty: &str) -> bool {
        if ty.to_ascii_lowercase().starts_with("edm.") {
            return edm_primitive(ty).is_none_or(|p| p.json == JsonKind::Any);
        }
        named_type(self.lookup, ty).is_none_or(|named| self.lookup.is_untyped(named))
    }

    /// One value (not a collection) of a property of type `ty`.
    fn single(&mut self, path: &str, value: &Value, ty: &str) {
        if value.is_null() || self.accepts_any(ty) {
            return;
        }
        if ty.to_ascii_lowercase().starts_with("edm.") {
            // An `Edm.` name of no known primitive accepts any value (`accepts_any`).
            if edm_primitive(ty).is_some_and(|p| !(self.json)(p).accepts(value)) {
                self.wrong_value(path, value, ty);
            }
            return;
        }
        let Some(named) = named_type(self.lookup, ty) else {
            return;
        };
        match (self.def(named).kind, value) {
            (Kind::Enum, Value::String(text)) => self.enum_value(path, text, self.def(named)),
            (Kind::Enum, _) => self.wrong_value(path, value, ty),
            (Kind::Entity | Kind::Complex, _) => self.structured(path, value, named),
        }
    }

    /// An enum keeps any value, but writes a member in its documented spelling: a value
    /// that is a member in another case does not come back as it was.
    fn enum_value(&mut self, path: &str, text: &str, ty: &TypeDef) {
        let exact = ty.members.iter().any(|m| m.name == text);
        let other_case = ty
            .members
            .iter()
            .find(|m| m.name.eq_ignore_ascii_case(text));
        if let (false, Some(member)) = (exact, other_case) {
            self.findings.push((
                DefectClass::WrongCaseValue,
                format!("`{path}` is `{text}`, documented as `{}`", member.name),
            ));
        }
    }

    /// A value the type cannot hold: a placeholder when it is a string that names a type.
    fn wrong_value(&mut self, path: &str, value: &Value, ty: &str) {
        let class = match value {
            Value::String(text) if is_placeholder(text) => DefectClass::Placeholder,
            _ => DefectClass::ContradictsType,
        };
        let path = if path.is_empty() { "the body" } else { path };
        self.findings.push((
            class,
            format!("`{path}` is `{}`, not a `{ty}`", brief(value)),
        ));
    }

    fn most_serious(self) -> Option<DocDefect> {
        let count = self.findings.len();
        let (class, detail) = self.findings.into_iter().min_by_key(|(class, _)| *class)?;
        let detail = match count {
            1 => detail,
            n => format!("{detail} (and {} more)", n - 1),
        };
        Some(DocDefect { class, detail })
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A value as it reads in a message, cut short.
fn brief(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text,
    }
}

/// A string that stands for a value instead of being one: a type name (`"String"`,
/// `"Int32"`, `"String (timestamp)"`, `"microsoft.graph.identitySet"`), a `...-value` token
/// (`"datetime-value"`), or a template (`"{id}"`, `"<date>"`).
fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    let token = leading_name(text);
    let rest = text[token.len()..].trim_start();
    let names_a_type =
        primitive_type(token).is_some() || (token.contains('.') && is_qualified_name(token));
    (names_a_type && (rest.is_empty() || rest.starts_with('(')))
        || text.to_ascii_lowercase().ends_with("-value")
        || (text.starts_with('{') && text.ends_with('}'))
        || (text.starts_with('<') && text.ends_with('>'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_name_a_type_or_stand_in_for_a_value() {
        for text in [
            "String",
            "Int32",
            "String (timestamp)",
            "datetime-value",
            "{id}",
            "<date>",
            "microsoft.graph.identitySet",
        ] {
            assert!(is_placeholder(text), "{text}");
        }
        for text in ["Adele Vance", "2021-01-01", "Strings attached", "1.0"] {
            assert!(!is_placeholder(text), "{text}");
        }
    }
}
