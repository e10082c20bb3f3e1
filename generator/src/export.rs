//! The schema as JSON, in the `graph-docs-schema/1` format (`spec/schema-json.md`), a contract
//! other tools read: fields may be added, none renamed or removed without a new format.

use std::fmt;

use rayon::prelude::*;
use serde::{Serialize, Serializer};

use crate::diagnostic::Location;
use crate::schema::{Kind, Schema, TypeDef};

pub const FORMAT: &str = "graph-docs-schema/1";

#[derive(Serialize)]
struct TypeJson<'a> {
    name: QualifiedName<'a>,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    base: Option<Option<&'a str>>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    is_abstract: Option<bool>,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Vec<PropertyJson<'a>>>,
    members: Vec<&'a str>,
    sources: Places<'a>,
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
    sources: Places<'a>,
}

/// `namespace.name`, written straight into the JSON string rather than formatted first.
struct QualifiedName<'a>(&'a TypeDef);

impl fmt::Display for QualifiedName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.0.namespace, self.0.name)
    }
}

impl Serialize for QualifiedName<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Locations as `path:line` strings, written straight into the JSON.
struct Places<'a>(&'a [Location]);

impl Serialize for Places<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(PlaceJson))
    }
}

struct PlaceJson<'a>(&'a Location);

impl Serialize for PlaceJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

fn type_json(ty: &TypeDef) -> TypeJson<'_> {
    let structured = ty.kind != Kind::Enum;
    TypeJson {
        name: QualifiedName(ty),
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
                    sources: Places(&p.sources),
                })
                .collect()
        }),
        members: ty.members.iter().map(|m| m.name.as_str()).collect(),
        sources: Places(&ty.sources),
    }
}

/// A type's object sits inside the `types` array of the top object: two levels deep.
const TYPE_INDENT: &str = "    ";
const TYPE_NEWLINE: &str = "\n    ";

/// The schema as pretty-printed JSON, ending in a newline. Same schema, same bytes.
///
/// The bytes are those of `serde_json::to_string_pretty` of the whole document
/// (`{"format": ..., "types": [...]}`), but each type is written on its own, in parallel, and
/// indented to its depth: a raw newline in pretty JSON is always layout (newlines inside strings
/// are escaped), so indenting is a text replacement.
pub fn schema_json(schema: &Schema) -> String {
    document(schema, None)
}

/// [`schema_json`] headed by a `"@generated"` member saying what made it, so that the write
/// stage tells the file from a hand-written one (the member sits on the document's second line)
/// and readers of the format pass over it, as they pass over any member they do not know.
pub fn generated_schema_json(schema: &Schema, generated_by: &str) -> String {
    document(schema, Some(generated_by))
}

fn document(schema: &Schema, generated_by: Option<&str>) -> String {
    let types: Vec<String> = schema
        .types
        .par_iter()
        .map(|ty| pretty(&type_json(ty)).replace('\n', TYPE_NEWLINE))
        .collect();
    let length: usize = types.iter().map(|t| t.len() + TYPE_INDENT.len() + 2).sum();
    let mut json = String::with_capacity(length + 64);
    json.push_str("{\n");
    if let Some(generated_by) = generated_by {
        json.push_str("  \"@generated\": ");
        json.push_str(&pretty(&generated_by));
        json.push_str(",\n");
    }
    json.push_str("  \"format\": ");
    json.push_str(&pretty(&FORMAT));
    json.push_str(",\n  \"types\": [");
    for (i, ty) in types.iter().enumerate() {
        json.push_str(if i == 0 { "\n" } else { ",\n" });
        json.push_str(TYPE_INDENT);
        json.push_str(ty);
    }
    json.push_str(if types.is_empty() { "]" } else { "\n  ]" });
    json.push_str("\n}\n");
    json
}

fn pretty(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|error| {
        // Only maps with non-string keys fail to serialize, and this document has none.
        unreachable!("schema JSON cannot fail to serialize: {error}")
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::schema::{EnumMember, Property};

    /// The document as one value, as the export wrote it before types were written in parallel.
    #[derive(Serialize)]
    struct Document<'a> {
        format: &'static str,
        types: Vec<TypeJson<'a>>,
    }

    fn whole_document(schema: &Schema) -> String {
        let document = Document {
            format: FORMAT,
            types: schema.types.iter().map(type_json).collect(),
        };
        format!("{}\n", pretty(&document))
    }

    #[test]
    fn types_written_one_by_one_make_the_whole_document() {
        let at = |line| Location::new(&Arc::from("resources/a \"b\".md"), line);
        let ty = |name: &str, kind| TypeDef {
            set_by_config: None,
            namespace: "microsoft.graph".to_string(),
            name: name.to_string(),
            kind,
            base: None,
            is_abstract: false,
            description: "Line one.\nLine \"two\".".to_string(),
            properties: Vec::new(),
            members: Vec::new(),
            sources: vec![at(1), at(2)],
            area: None,
        };
        let mut entity = ty("thing", Kind::Entity);
        entity.base = Some("microsoft.graph.entity".to_string());
        entity.properties.push(Property {
            set_by_config: None,
            name: "id".to_string(),
            ty: "Edm.String".to_string(),
            collection: false,
            nullable: true,
            navigation: false,
            description: String::new(),
            sources: Vec::new(),
        });
        let mut color = ty("color", Kind::Enum);
        color.members.push(EnumMember {
            set_by_config: None,
            name: "red".to_string(),
            value: Some(1),
            description: String::new(),
            source: at(3),
        });
        let schemas = [
            Schema::default(),
            Schema {
                types: vec![color.clone()],
            },
            Schema {
                types: vec![color, ty("empty", Kind::Complex), entity],
            },
        ];
        for schema in &schemas {
            assert_eq!(schema_json(schema), whole_document(schema));
        }
    }
}
