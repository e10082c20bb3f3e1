//! Types that pages mention but no page describes. Rather than dropping them, their properties
//! are inferred from the JSON examples: every object whose `@odata.type` names the type (or the
//! example's top-level object, when the example names it) contributes its keys. Numbers give
//! `Edm.Int32` (or `Int64`, `Double`), booleans `Edm.Boolean`, strings `Edm.String` (example
//! strings are often placeholders, so they prove nothing finer), nested typed objects their type.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::index::{DraftType, PropertyDraft, TypeIndex};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Location};
use crate::facts::{example_value_hint, PageFacts, TypeRef};

pub(super) fn infer_undescribed_types(
    index: &mut TypeIndex<'_>,
    pages: &[&PageFacts],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let first_subtypes = index.first_subtypes();
    let mut done: HashSet<usize> = HashSet::new();
    loop {
        let targets: HashSet<usize> = (0..index.len())
            .filter(|id| !done.contains(id))
            .filter(|&id| {
                let entry = &index.entries[id];
                !entry.is_described() && entry.members.is_empty() && entry.properties.is_empty()
            })
            .collect();
        if targets.is_empty() {
            break;
        }
        let mut found: HashMap<usize, Vec<PropertyDraft>> = HashMap::new();
        for page in pages {
            for example in &page.examples {
                let mut collector = Collector {
                    index,
                    targets: &targets,
                    found: &mut found,
                    page,
                    at: &example.location,
                };
                if let Value::Object(object) = &example.json {
                    let named = example.type_name.as_deref();
                    collector.visit_object(object, named);
                } else {
                    collector.visit(&example.json);
                }
            }
        }
        let mut ordered: Vec<usize> = targets.iter().copied().collect();
        ordered.sort_unstable();
        for id in ordered {
            done.insert(id);
            let properties = found.remove(&id).unwrap_or_default();
            report(index, id, &properties, first_subtypes[id], diagnostics);
            index.entries[id].properties = properties;
        }
    }
    for (id, entry) in index.entries.iter().enumerate() {
        if !entry.is_described() && !entry.properties.is_empty() && !done.contains(&id) {
            if let Some(at) = &entry.mentioned_at {
                diagnostics.push(Diagnostic::note(
                    DiagnosticKind::MissingPage,
                    at.clone(),
                    format!(
                        "no page describes `{}`; its properties come from \"Inherited from\" cells of other pages",
                        entry.qualified_name()
                    ),
                ));
            }
        }
    }
}

/// What is known of a type no page describes: the properties the examples show, or, for a
/// base type (`subtype` names it), that it is a type all the same.
fn report(
    index: &TypeIndex<'_>,
    id: usize,
    properties: &[PropertyDraft],
    subtype: Option<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let entry = &index.entries[id];
    let Some(at) = entry.mentioned_at.clone() else {
        return;
    };
    if let (true, Some(subtype)) = (properties.is_empty(), subtype) {
        let subtype = &index.entries[subtype];
        let named_at = subtype
            .stated_base
            .as_ref()
            .map_or(at, |(_, named_at)| named_at.clone());
        diagnostics.push(Diagnostic::note(
            DiagnosticKind::MissingPage,
            named_at,
            format!(
                "no page describes `{}`, named here as the base of `{}`; it is in the schema with no properties of its own",
                entry.qualified_name(),
                subtype.qualified_name()
            ),
        ));
        return;
    }
    if properties.is_empty() {
        diagnostics.push(Diagnostic::warning(
            DiagnosticKind::UnknownType,
            at,
            format!(
                "no page describes `{}` and no JSON example shows it; it is not in the schema, and properties of this type are untyped",
                entry.qualified_name()
            ),
        ));
        return;
    }
    let list: Vec<String> = properties
        .iter()
        .map(|p| format!("{}: {}", p.name, index.describe(p.ty, p.collection)))
        .collect();
    diagnostics.push(Diagnostic::warning(
        DiagnosticKind::MissingPage,
        at,
        format!(
            "no page describes `{}`; its properties are inferred from JSON examples ({})",
            entry.qualified_name(),
            list.join(", ")
        ),
    ));
}

struct Collector<'i, 'a, 'p> {
    index: &'i mut TypeIndex<'a>,
    targets: &'i HashSet<usize>,
    found: &'i mut HashMap<usize, Vec<PropertyDraft>>,
    page: &'p PageFacts,
    at: &'p Location,
}

impl Collector<'_, '_, '_> {
    fn visit(&mut self, value: &Value) {
        match value {
            Value::Object(object) => self.visit_object(object, None),
            Value::Array(items) => items.iter().for_each(|item| self.visit(item)),
            _ => {}
        }
    }

    fn visit_object(&mut self, object: &Map<String, Value>, named: Option<&str>) {
        let odata_type = object
            .get("@odata.type")
            .and_then(Value::as_str)
            .or(named)
            .map(|t| t.trim().trim_start_matches('#'));
        let target = odata_type
            .and_then(|name| {
                self.index
                    .resolve(&TypeRef::named(name), &self.page.namespace)
            })
            .filter(|id| self.targets.contains(id));
        for (key, value) in object {
            if let Some(id) = target {
                if !key.starts_with('@') && !key.contains("@odata") {
                    self.record(id, key, value);
                }
            }
            self.visit(value);
        }
    }

    fn record(&mut self, id: usize, key: &str, value: &Value) {
        let Some((ty, collection)) = example_value_hint(value) else {
            return;
        };
        let ty = self.index.draft_type(&ty, &self.page.namespace, self.at);
        let properties = self.found.entry(id).or_default();
        match properties
            .iter_mut()
            .find(|p| p.name.eq_ignore_ascii_case(key))
        {
            Some(existing) => {
                if more_specific(ty, existing.ty) {
                    existing.ty = ty;
                }
                if !existing.sources.contains(self.at) {
                    existing.sources.push(self.at.clone());
                }
            }
            None => properties.push(PropertyDraft {
                name: key.to_string(),
                ty,
                collection,
                navigation: false,
                description: String::new(),
                values: Vec::new(),
                sources: vec![self.at.clone()],
            }),
        }
    }
}

/// Placeholder strings lose to any other evidence; wider numbers win over narrower ones.
fn more_specific(new: DraftType, old: DraftType) -> bool {
    match (old, new) {
        (DraftType::Primitive("Edm.String"), DraftType::Primitive(n)) => n != "Edm.String",
        (DraftType::Primitive("Edm.String"), DraftType::Type(_)) => true,
        (DraftType::Primitive("Edm.Int32"), DraftType::Primitive(n)) => {
            n == "Edm.Int64" || n == "Edm.Double"
        }
        (DraftType::Primitive("Edm.Int64"), DraftType::Primitive(n)) => n == "Edm.Double",
        _ => false,
    }
}
