//! A schema read back from its JSON export (`graph-docs-schema/1`, [`crate::export`]): what
//! `diff` compares when a side is a schema file instead of a docs folder, and how the drift
//! check knows the API the committed crate was made from.
//!
//! The export leaves out what only the Rust stage's features and the example tests use (a type's
//! product area, an enum member's value and description), so those come back empty; everything
//! else comes back as it was: export, import and export again gives the same bytes.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Location};
use crate::export::FORMAT;
use crate::schema::{schema_order, EnumMember, Kind, Property, Schema, TypeDef};

/// Members the format does not name (such as the `@generated` line of a schema a crate carries)
/// are passed over: the contract lets fields be added.
#[derive(Deserialize)]
struct DocumentJson {
    format: String,
    types: Vec<TypeJson>,
}

#[derive(Deserialize)]
struct TypeJson {
    name: String,
    kind: String,
    #[serde(default)]
    base: Option<String>,
    #[serde(rename = "abstract", default)]
    is_abstract: bool,
    #[serde(default)]
    description: String,
    #[serde(default)]
    properties: Vec<PropertyJson>,
    #[serde(default)]
    members: Vec<String>,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
struct PropertyJson {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    collection: bool,
    nullable: bool,
    navigation: bool,
    #[serde(default)]
    description: String,
    #[serde(default)]
    sources: Vec<String>,
}

/// Reads the schema file at `path`.
pub fn read_schema_file(path: &Path) -> Result<Schema, Diagnostic> {
    let text = crate::read::read_file(path, "schema")?;
    schema_from_json(&text, &Arc::from(path.display().to_string()))
}

/// The schema of a `graph-docs-schema/1` document; `file` names it in diagnostics.
pub fn schema_from_json(text: &str, file: &Arc<str>) -> Result<Schema, Diagnostic> {
    let malformed = |line: usize, message: String| {
        let line = u32::try_from(line).unwrap_or(u32::MAX).max(1);
        Diagnostic::error(
            DiagnosticKind::Malformed,
            Location::new(file, line),
            message,
        )
    };
    let document: DocumentJson = serde_json::from_str(text).map_err(|error| {
        malformed(
            error.line(),
            format!("not a schema document: {error}; expected the JSON `graph-docgen schema` writes ({FORMAT})"),
        )
    })?;
    if document.format != FORMAT {
        return Err(malformed(
            1,
            format!(
                "format `{}` is not `{FORMAT}`, the one this generator reads",
                document.format
            ),
        ));
    }
    let lines = TypeLines::new(text);
    let mut paths = BTreeMap::new();
    let mut types = Vec::with_capacity(document.types.len());
    for (index, ty) in document.types.into_iter().enumerate() {
        let line = lines.line_of(index);
        types.push(type_def(ty, &mut paths).map_err(|why| malformed(line, why))?);
    }
    types.sort_by(schema_order);
    if let Some(pair) = types
        .windows(2)
        .find(|pair| pair[0].qualified_name() == pair[1].qualified_name())
    {
        return Err(malformed(
            1,
            format!(
                "type `{}` is listed twice; expected each type once",
                pair[0].qualified_name()
            ),
        ));
    }
    Ok(Schema { types })
}

fn type_def(ty: TypeJson, paths: &mut BTreeMap<String, Arc<str>>) -> Result<TypeDef, String> {
    let kind = match ty.kind.as_str() {
        "entity" => Kind::Entity,
        "complex" => Kind::Complex,
        "enum" => Kind::Enum,
        other => {
            return Err(format!(
                "type `{}` has kind `{other}`; expected `entity`, `complex` or `enum`",
                ty.name
            ))
        }
    };
    let Some((namespace, name)) = ty.name.rsplit_once('.') else {
        return Err(format!(
            "type name `{}` has no namespace; expected `namespace.name`",
            ty.name
        ));
    };
    let sources = locations(&ty.sources, paths)?;
    let first = sources.first().cloned();
    let members = ty
        .members
        .iter()
        .map(|member| EnumMember {
            name: member.clone(),
            value: None,
            description: String::new(),
            // The export keeps no place per member; the enum's own place stands for it.
            source: first
                .clone()
                .unwrap_or_else(|| Location::new(&Arc::from(""), 0)),
            // Not exported: an imported schema tells no fix from the docs.
            set_by_config: None,
        })
        .collect();
    let properties = ty
        .properties
        .into_iter()
        .map(|p| {
            Ok(Property {
                sources: locations(&p.sources, paths)?,
                name: p.name,
                ty: p.ty,
                collection: p.collection,
                nullable: p.nullable,
                navigation: p.navigation,
                description: p.description,
                set_by_config: None,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(TypeDef {
        namespace: namespace.to_string(),
        name: name.to_string(),
        kind,
        base: ty.base,
        is_abstract: ty.is_abstract,
        description: ty.description,
        properties,
        members,
        sources,
        area: None,
        set_by_config: None,
    })
}

/// `path:line` strings as locations, each path shared by every location on it.
fn locations(
    places: &[String],
    paths: &mut BTreeMap<String, Arc<str>>,
) -> Result<Vec<Location>, String> {
    places
        .iter()
        .map(|place| {
            let (path, line) = place
                .rsplit_once(':')
                .and_then(|(path, line)| Some((path, line.parse::<u32>().ok()?)))
                .ok_or_else(|| format!("source `{place}` is not `path:line`"))?;
            let file = paths
                .entry(path.to_string())
                .or_insert_with(|| Arc::from(path));
            Ok(Location::new(file, line))
        })
        .collect()
}

/// Where each type's object starts in the document, to name its line in a diagnostic: the
/// export writes each type at the same indent, which nothing else in it has.
struct TypeLines {
    starts: Vec<usize>,
}

impl TypeLines {
    fn new(text: &str) -> Self {
        let starts = text
            .lines()
            .enumerate()
            .filter(|(_, line)| *line == "    {")
            .map(|(index, _)| index + 1)
            .collect();
        TypeLines { starts }
    }

    fn line_of(&self, index: usize) -> usize {
        self.starts.get(index).copied().unwrap_or(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::schema_json;

    fn file() -> Arc<str> {
        Arc::from("schema.json")
    }

    #[test]
    fn a_document_that_is_no_schema_says_where_and_what_was_expected() {
        for (text, line, expected) in [
            ("{\n  \"format\": \"graph-docs-schema/1\",\n  \"types\": 3\n}", 3, "not a schema document"),
            ("{\"format\": \"graph-docs-schema/2\", \"types\": []}", 1, "is not `graph-docs-schema/1`"),
            (
                "{\n  \"format\": \"graph-docs-schema/1\",\n  \"types\": [\n    {\n      \"name\": \"a.b\", \"kind\": \"table\"\n    }\n  ]\n}",
                4,
                "expected `entity`, `complex` or `enum`",
            ),
            (
                "{\"format\": \"graph-docs-schema/1\", \"types\": [{\"name\": \"ab\", \"kind\": \"enum\"}]}",
                1,
                "has no namespace",
            ),
            (
                "{\"format\": \"graph-docs-schema/1\", \"types\": [{\"name\": \"a.b\", \"kind\": \"enum\", \"sources\": [\"x.md\"]}]}",
                1,
                "is not `path:line`",
            ),
        ] {
            let error = schema_from_json(text, &file()).unwrap_err();
            let shown = error.to_string();
            assert!(shown.starts_with(&format!("schema.json:{line}: error[D0102]")), "{shown}");
            assert!(shown.contains(expected), "{shown}");
        }
    }

    #[test]
    fn an_empty_schema_round_trips() {
        let json = schema_json(&Schema::default());
        assert_eq!(schema_from_json(&json, &file()).unwrap(), Schema::default());
    }
}
