//! The subset of `docgen.toml`'s `namespaces` and `areas` ([`crate::config::Subset`]): the last
//! step of the schema stage, run on the finished schema, so that the exported schema,
//! `compare` and the Rust all see the same types (as they see the same pages of `include` and
//! `exclude`). It runs after the fixes, so a fix is judged against the whole docs, never stale
//! because its type lies outside the subset.
//!
//! The rule: the chosen types are those of a chosen namespace, and those any page of a chosen
//! product area describes (either list; both matched ignoring ASCII case). A page's area is its
//! `ms.prod`; a type is of every area of its pages, not only of its first page's (the Cargo
//! feature it is under): `user` is first described on an Intune page, and is still of `users`.
//! Kept are the chosen types and every type they
//! reference, transitively: each property's type (navigation targets included) and each base.
//! Derived types are not pulled in: a base kept only because something references it has as
//! subtypes (its `Any...` variants in Rust) only the kept types that derive from it; a value of
//! another subtype is read as the base. Were derived types pulled in, any entity would bring in
//! every entity of the docs.

use std::collections::{BTreeSet, HashMap};

use super::lookup::TypeLookup;
use super::model::Schema;
use crate::config::{Chosen, Subset};
use crate::diagnostic::{Diagnostic, Severity};
use crate::doc_text::collection_item;
use crate::edm::edm_primitive;
use crate::facts::Example;

/// Keeps the types `subset` chooses with those they reference, and the examples of the kept
/// types; names a chosen namespace or area the docs do not have. `page_areas` is the product
/// area of each page that has one, by path.
pub fn select_subset(
    schema: &mut Schema,
    examples: &mut Vec<Example>,
    subset: &Subset,
    page_areas: &HashMap<String, String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if subset.is_everything() {
        return;
    }
    let namespaces = known(schema.types.iter().map(|ty| ty.namespace.as_str()));
    let areas = known(page_areas.values().map(String::as_str));
    unknown(&subset.namespaces, "namespace", &namespaces, diagnostics);
    unknown(&subset.areas, "area", &areas, diagnostics);

    let lookup = TypeLookup::new(schema);
    let chosen =
        |names: &[Chosen], value: &str| names.iter().any(|n| n.name.eq_ignore_ascii_case(value));
    let mut kept = vec![false; schema.types.len()];
    let mut to_visit: Vec<usize> = Vec::new();
    for (position, ty) in schema.types.iter().enumerate() {
        let mut areas = ty
            .sources
            .iter()
            .filter_map(|source| page_areas.get(&*source.file));
        if chosen(&subset.namespaces, &ty.namespace)
            || areas.any(|area| chosen(&subset.areas, area))
        {
            kept[position] = true;
            to_visit.push(position);
        }
    }
    let chosen_count = to_visit.len();
    while let Some(position) = to_visit.pop() {
        let ty = &schema.types[position];
        let referenced = ty
            .base
            .iter()
            .chain(ty.properties.iter().map(|p| &p.ty))
            .filter(|name| edm_primitive(name).is_none());
        for name in referenced {
            if let Some(target) = lookup.position(name) {
                if !kept[target] {
                    kept[target] = true;
                    to_visit.push(target);
                }
            }
        }
    }
    examples.retain(|example| example_is_kept(&lookup, &kept, example));
    let total = schema.types.len();
    let mut position = 0;
    schema.types.retain(|_| {
        position += 1;
        kept[position - 1]
    });
    if let Some(first) = subset.namespaces.iter().chain(&subset.areas).next() {
        diagnostics.push(first.at.diagnostic(
            Severity::Note,
            format!(
                "the subset keeps {} of {total} types: {chosen_count} of the chosen namespaces \
                 and areas, {} they reference",
                schema.types.len(),
                schema.types.len() - chosen_count
            ),
        ));
    }
}

/// The distinct values, lower-cased, sorted.
fn known<'a>(values: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    values.map(str::to_ascii_lowercase).collect()
}

/// A warning at each of `names` that `known` lacks, naming the known ones.
fn unknown(
    names: &[Chosen],
    what: &str,
    known: &BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for name in names {
        if !known.contains(&name.name.to_ascii_lowercase()) {
            let list: Vec<&str> = known.iter().map(String::as_str).collect();
            diagnostics.push(name.at.diagnostic(
                Severity::Warning,
                format!(
                    "no type of the docs is in the {what} `{}`; expected one of: {}",
                    name.name,
                    list.join(", ")
                ),
            ));
        }
    }
}

/// Whether `example` is about kept types: the type it names if the schema has it, else every
/// type of the page it implies. An example naming a type no page describes stays, a doc
/// defect the example check reports.
fn example_is_kept(lookup: &TypeLookup<'_>, kept: &[bool], example: &Example) -> bool {
    if let Some(named) = &example.type_name {
        let item = collection_item(named).unwrap_or(named);
        let item = item.trim().trim_start_matches('#');
        return lookup.position(item).is_none_or(|position| kept[position]);
    }
    example.implied_type_page.as_deref().is_none_or(|page| {
        lookup
            .types_of_page(page)
            .iter()
            .all(|&position| kept[position])
    })
}
