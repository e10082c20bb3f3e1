//! Enum values a property's description lists (`Possible values are: NotStarted, Running`)
//! in another case than the enum's members (`notStarted`): a reader who copies them sends a
//! value the service rejects.

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::schema::{Kind, Schema};

pub(super) fn check_schema(schema: &Schema, diagnostics: &mut Vec<Diagnostic>) {
    for ty in &schema.types {
        for property in &ty.properties {
            let Some(members) = schema
                .get(&property.ty)
                .filter(|t| t.kind == Kind::Enum)
                .map(|t| &t.members)
            else {
                continue;
            };
            let Some(at) = property.sources.first() else {
                continue;
            };
            // One finding per property, naming every value it spells otherwise.
            let mut misspelt = Vec::new();
            for value in listed_values(&property.description) {
                if members.iter().any(|m| m.name == value) {
                    continue;
                }
                if let Some(member) = members.iter().find(|m| m.name.eq_ignore_ascii_case(value)) {
                    misspelt.push((value, member));
                }
            }
            let Some((_, first)) = misspelt.first() else {
                continue;
            };
            let listed: Vec<String> = misspelt.iter().map(|(v, _)| format!("`{v}`")).collect();
            let spelt: Vec<String> = misspelt
                .iter()
                .map(|(_, m)| format!("`{}`", m.name))
                .collect();
            diagnostics.push(
                Diagnostic::warning(
                    DiagnosticKind::EnumSpelling,
                    at.clone(),
                    format!(
                        "`{}` lists {}; the enum `{}` spells {} {}",
                        property.name,
                        listed.join(", "),
                        property.ty,
                        if misspelt.len() == 1 { "it" } else { "them" },
                        spelt.join(", ")
                    ),
                )
                .with_related(first.source.clone(), "the enum's members")
                .with_help(format!("write {}", spelt.join(", "))),
            );
        }
    }
}

/// The names a description lists after "Possible values are" (or "possible values:"), up to
/// the end of the sentence.
fn listed_values(description: &str) -> impl Iterator<Item = &str> {
    let lower = description.to_ascii_lowercase();
    let list = lower.find("possible values").map(|at| {
        let rest = &description[at..];
        let start = rest.find([':', ' ']).map_or(rest.len(), |i| i + 1);
        let rest = &rest[start..];
        let rest = rest.strip_prefix("values").unwrap_or(rest);
        let end = rest.find(". ").unwrap_or(rest.len());
        &rest[..end]
    });
    list.into_iter().flat_map(|list| {
        list.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|word| {
                word.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && !matches!(*word, "are" | "is" | "and" | "or" | "values" | "include")
            })
    })
}

#[cfg(test)]
mod tests {
    use super::listed_values;

    #[test]
    fn the_values_of_a_possible_values_sentence_are_listed() {
        let values: Vec<&str> = listed_values(
            "Status. Possible values are: `NotStarted`, `Running`, and `failed`. Read-only.",
        )
        .collect();
        assert_eq!(values, ["NotStarted", "Running", "failed"]);
    }
}
