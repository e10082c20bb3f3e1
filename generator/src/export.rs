//! The schema as JSON, in the `graph-docs-schema/1` format (`spec/schema-json.md`), a contract
//! other tools read: fields may be added, none renamed or removed without a new format.

use serde::Serialize;

use crate::schema::{Kind, Schema, TypeDef};

pub const FORMAT: &str = "graph-docs-schema/1";

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    types: Vec<TypeJson<'a>>,
}

#[derive(Serialize)]
struct TypeJson<'a> {
    name: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    base: Option<Option<&'a str>>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    is_abstract: Option<bool>,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Vec<PropertyJson<'a>>>,
    members: Vec<&'a str>,
    sources: Vec<String>,
}

#[derive(Serialize)]
struct PropertyJson<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    ty: &'a str,
    collection: bool,
    nullable: bool,
    navigation: bool,
    description: &'a str,
    sources: Vec<String>,
}

fn type_json(ty: &TypeDef) -> TypeJson<'_> {
    let structured = ty.kind != Kind::Enum;
    TypeJson {
        name: ty.qualified_name(),
        kind: ty.kind.as_str(),
        base: structured.then_some(ty.base.as_deref()),
        is_abstract: structured.then_some(ty.is_abstract),
        description: &ty.description,
        properties: structured.then(|| {
            ty.properties
                .iter()
                .map(|p| PropertyJson {
                    name: &p.name,
                    ty: &p.ty,
                    collection: p.collection,
                    nullable: p.nullable,
                    navigation: p.navigation,
                    description: &p.description,
                    sources: p.sources.iter().map(ToString::to_string).collect(),
                })
                .collect()
        }),
        members: ty.members.iter().map(|m| m.name.as_str()).collect(),
        sources: ty.sources.iter().map(ToString::to_string).collect(),
    }
}

/// The schema as pretty-printed JSON, ending in a newline. Same schema, same bytes.
pub fn schema_json(schema: &Schema) -> String {
    let document = Document {
        format: FORMAT,
        types: schema.types.iter().map(type_json).collect(),
    };
    let mut json = serde_json::to_string_pretty(&document).unwrap_or_else(|error| {
        // Only maps with non-string keys fail to serialize, and this document has none.
        unreachable!("schema JSON cannot fail to serialize: {error}")
    });
    json.push('\n');
    json
}
