//! The metadata's side: entity, complex and enum types of a CSDL document, with schema aliases
//! resolved (`graph.entity` is `microsoft.graph.entity`) and `Collection(...)` unwrapped.

use std::collections::{BTreeMap, HashMap};

use roxmltree::Node;

use super::model::{key, MemberFacts, Model, PropertyFacts, TypeFacts, ValueType};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use crate::schema::Kind;

const EDM: &str = "http://docs.oasis-open.org/odata/ns/edm";

pub(super) fn parse(xml: &str) -> Result<Model, Diagnostic> {
    let document = roxmltree::Document::parse(xml)
        .map_err(|error| malformed(format!("CSDL metadata is not valid XML: {error}")))?;
    let mut schemas = Vec::new();
    for schema in document
        .descendants()
        .filter(|node| edm_name(node) == Some("Schema"))
    {
        schemas.push((schema, required(&schema, "Namespace")?));
    }
    // Any schema's alias may appear in any schema; a later alias of the same name wins.
    let aliases: HashMap<&str, &str> = schemas
        .iter()
        .filter_map(|(schema, namespace)| {
            let alias = schema.attribute("Alias").filter(|a| !a.is_empty())?;
            Some((alias, *namespace))
        })
        .collect();
    let mut model = Model::new();
    for (schema, namespace) in &schemas {
        for element in schema.children() {
            let kind = match edm_name(&element) {
                Some("EntityType") => Kind::Entity,
                Some("ComplexType") => Kind::Complex,
                Some("EnumType") => Kind::Enum,
                _ => continue,
            };
            let ty = type_facts(&element, namespace, kind, &aliases)?;
            model.insert(key(&ty.name), ty);
        }
    }
    Ok(model)
}

fn type_facts(
    element: &Node,
    namespace: &str,
    kind: Kind,
    aliases: &HashMap<&str, &str>,
) -> Result<TypeFacts, Diagnostic> {
    let mut properties = BTreeMap::new();
    let mut navigations = BTreeMap::new();
    let mut members = BTreeMap::new();
    for child in element.children() {
        let (side, child_name) = match edm_name(&child) {
            Some("Property") => (&mut properties, required(&child, "Name")?),
            Some("NavigationProperty") => (&mut navigations, required(&child, "Name")?),
            Some("Member") => {
                let name = required(&child, "Name")?;
                let facts = MemberFacts {
                    name: name.to_string(),
                    location: None,
                };
                members.insert(key(name), facts);
                continue;
            }
            _ => continue,
        };
        let facts = PropertyFacts {
            name: child_name.to_string(),
            ty: value_type(required(&child, "Type")?, aliases),
            location: None,
        };
        side.insert(key(child_name), facts);
    }
    let base = element
        .attribute("BaseType")
        .filter(|base| !base.is_empty())
        .map(|base| value_type(base, aliases).name);
    Ok(TypeFacts {
        name: format!("{namespace}.{}", required(element, "Name")?),
        kind,
        base,
        properties,
        navigations,
        members,
        location: None,
    })
}

/// `Collection(graph.user)` -> `microsoft.graph.user`, a collection.
fn value_type(written: &str, aliases: &HashMap<&str, &str>) -> ValueType {
    let written = written.trim();
    let (name, collection) = match written
        .strip_prefix("Collection(")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        Some(inner) => (inner.trim(), true),
        None => (written, false),
    };
    let name = match name.rsplit_once('.') {
        Some((namespace, local)) => {
            let namespace = aliases.get(namespace).copied().unwrap_or(namespace);
            format!("{namespace}.{local}")
        }
        None => name.to_string(),
    };
    ValueType { name, collection }
}

/// The local name of an element in the EDM namespace.
fn edm_name<'a>(node: &Node<'a, '_>) -> Option<&'a str> {
    let tag = node.tag_name();
    (node.is_element() && tag.namespace() == Some(EDM)).then_some(tag.name())
}

fn required<'a>(element: &Node<'a, '_>, attribute: &str) -> Result<&'a str, Diagnostic> {
    element.attribute(attribute).ok_or_else(|| {
        let position = element.document().text_pos_at(element.range().start);
        malformed(format!(
            "CSDL metadata: <{}> at line {} has no {attribute} attribute",
            element.tag_name().name(),
            position.row
        ))
    })
}

fn malformed(message: String) -> Diagnostic {
    Diagnostic::new(Severity::Error, DiagnosticKind::Malformed, None, message)
}
