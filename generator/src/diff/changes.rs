//! What changed between two schemas, fact by fact: types matched by qualified name ignoring
//! case (a schema has no two types that differ only in case, and the generated Rust names
//! them alike), properties and members by name within their type. Each change is classified as [`Impacts`] says.

use std::collections::BTreeMap;

use super::impact::Impacts;
use super::model::{Change, ChangeKind, Impact, Side};
use crate::diagnostic::Location;
use crate::schema::{Property, Schema, TypeDef};

/// The changes from `old` to `new`, in no particular order.
pub(super) fn schema_changes(old: &Schema, new: &Schema, impacts: &Impacts) -> Vec<Change> {
    let by_name = |schema: &'_ Schema| -> BTreeMap<String, usize> {
        (schema.types.iter().enumerate())
            .map(|(index, ty)| (ty.qualified_name().to_ascii_lowercase(), index))
            .collect()
    };
    let (old_names, new_names) = (by_name(old), by_name(new));
    let mut changes = Vec::new();
    for (name, &index) in &old_names {
        let ty = &old.types[index];
        match new_names.get(name) {
            Some(&other) => type_changes(ty, &new.types[other], impacts, &mut changes),
            None => changes.push(type_change(
                ChangeKind::TypeRemoved,
                ty,
                Some(type_side(ty)),
                None,
                impacts.type_removed(name),
            )),
        }
    }
    for (name, &index) in &new_names {
        if !old_names.contains_key(name) {
            let ty = &new.types[index];
            let impact = impacts.type_added(name, ty.base.as_deref());
            changes.push(type_change(
                ChangeKind::TypeAdded,
                ty,
                None,
                Some(type_side(ty)),
                impact,
            ));
        }
    }
    changes
}

fn first(sources: &[Location]) -> Option<Location> {
    sources.first().cloned()
}

fn type_side(ty: &TypeDef) -> Side {
    side(ty.kind.as_str().to_string(), &ty.sources)
}

fn side(value: String, sources: &[Location]) -> Side {
    Side {
        value,
        source: first(sources),
    }
}

fn type_change(
    kind: ChangeKind,
    ty: &TypeDef,
    old: Option<Side>,
    new: Option<Side>,
    impact: Impact,
) -> Change {
    Change {
        kind,
        namespace: ty.namespace.clone(),
        type_name: ty.name.clone(),
        member: None,
        old,
        new,
        impact,
        possible_rename: None,
    }
}

fn type_changes(old: &TypeDef, new: &TypeDef, impacts: &Impacts, changes: &mut Vec<Change>) {
    let qualified = new.qualified_name();
    let mut push = |kind, old_value: String, new_value: String, impact| {
        let (old_side, new_side) = (side(old_value, &old.sources), side(new_value, &new.sources));
        changes.push(type_change(
            kind,
            new,
            Some(old_side),
            Some(new_side),
            impact,
        ));
    };
    if old.qualified_name() != qualified {
        push(
            ChangeKind::NameCaseChanged,
            old.qualified_name(),
            qualified.clone(),
            impacts.name_case_changed(&qualified),
        );
    }
    if old.kind != new.kind {
        let impact = impacts.kind_changed(&qualified);
        push(
            ChangeKind::KindChanged,
            old.kind.as_str().into(),
            new.kind.as_str().into(),
            impact,
        );
    }
    if old.base != new.base {
        let base = |ty: &TypeDef| ty.base.clone().unwrap_or_else(|| "no base".to_string());
        push(
            ChangeKind::BaseChanged,
            base(old),
            base(new),
            impacts.base_changed(&qualified),
        );
    }
    if old.is_abstract != new.is_abstract {
        let word = |is: bool| if is { "abstract" } else { "concrete" }.to_string();
        push(
            ChangeKind::AbstractChanged,
            word(old.is_abstract),
            word(new.is_abstract),
            impacts.abstract_changed(&qualified),
        );
    }
    if old.description != new.description {
        push(
            ChangeKind::DescriptionChanged,
            String::new(),
            String::new(),
            Impacts::description_changed(),
        );
    }
    property_changes(old, new, impacts, changes);
    member_changes(old, new, impacts, changes);
}

fn property_type(p: &Property) -> String {
    if p.collection {
        format!("{} collection", p.ty)
    } else {
        p.ty.clone()
    }
}

fn property_change(
    kind: ChangeKind,
    ty: &TypeDef,
    name: &str,
    (old, new): (Option<Side>, Option<Side>),
    impact: Impact,
) -> Change {
    Change {
        member: Some(name.to_string()),
        ..type_change(kind, ty, old, new, impact)
    }
}

fn property_changes(old: &TypeDef, new: &TypeDef, impacts: &Impacts, changes: &mut Vec<Change>) {
    let qualified = new.qualified_name();
    // Matched ignoring case, as Rust field names are.
    let by_name = |ty: &'_ TypeDef| -> BTreeMap<String, usize> {
        (ty.properties.iter().enumerate())
            .map(|(index, p)| (p.name.to_ascii_lowercase(), index))
            .collect()
    };
    let (old_names, new_names) = (by_name(old), by_name(new));
    for (key, &index) in &old_names {
        let before = &old.properties[index];
        let Some(&other) = new_names.get(key) else {
            let name = &before.name;
            let kind = pick(
                before,
                ChangeKind::PropertyRemoved,
                ChangeKind::NavigationRemoved,
            );
            let sides = (Some(side(property_type(before), &before.sources)), None);
            let impact = impacts.property_removed(&qualified, name);
            changes.push(property_change(kind, new, name, sides, impact));
            continue;
        };
        let after = &new.properties[other];
        let (name, wires) = (&after.name, (before.name.as_str(), after.name.as_str()));
        let mut push = |kind, old_value: String, new_value: String, impact| {
            let sides = (
                Some(side(old_value, &before.sources)),
                Some(side(new_value, &after.sources)),
            );
            changes.push(property_change(kind, new, name, sides, impact));
        };
        let word = |is: bool, yes: &str, no: &str| if is { yes } else { no }.to_string();
        // Each fact of the property that may change: whether it did, its kind, both values.
        let facts = [
            (
                before.name != after.name,
                ChangeKind::NameCaseChanged,
                before.name.clone(),
                after.name.clone(),
            ),
            (
                before.ty != after.ty,
                pick(
                    after,
                    ChangeKind::PropertyTypeChanged,
                    ChangeKind::NavigationTypeChanged,
                ),
                property_type(before),
                property_type(after),
            ),
            (
                before.collection != after.collection,
                pick(
                    after,
                    ChangeKind::PropertyCollectionChanged,
                    ChangeKind::NavigationCollectionChanged,
                ),
                property_type(before),
                property_type(after),
            ),
            (
                before.nullable != after.nullable,
                pick(
                    after,
                    ChangeKind::PropertyNullableChanged,
                    ChangeKind::NavigationNullableChanged,
                ),
                word(before.nullable, "nullable", "not nullable"),
                word(after.nullable, "nullable", "not nullable"),
            ),
            (
                before.navigation != after.navigation,
                ChangeKind::NavigationFlagChanged,
                word(before.navigation, "navigation", "structural"),
                word(after.navigation, "navigation", "structural"),
            ),
        ];
        for (changed, kind, old_value, new_value) in facts {
            if changed {
                let impact = impacts.property_changed(&qualified, wires);
                push(kind, old_value, new_value, impact);
            }
        }
        if before.description != after.description {
            push(
                ChangeKind::DescriptionChanged,
                String::new(),
                String::new(),
                Impacts::description_changed(),
            );
        }
    }
    for (key, &index) in &new_names {
        if !old_names.contains_key(key) {
            let after = &new.properties[index];
            let name = &after.name;
            let kind = pick(
                after,
                ChangeKind::PropertyAdded,
                ChangeKind::NavigationAdded,
            );
            let sides = (None, Some(side(property_type(after), &after.sources)));
            let impact = impacts.property_added(&qualified, name);
            changes.push(property_change(kind, new, name, sides, impact));
        }
    }
}

/// `structural` for a structural property, `navigation` for a navigation property.
fn pick(property: &Property, structural: ChangeKind, navigation: ChangeKind) -> ChangeKind {
    if property.navigation {
        navigation
    } else {
        structural
    }
}

fn member_changes(old: &TypeDef, new: &TypeDef, impacts: &Impacts, changes: &mut Vec<Change>) {
    let qualified = new.qualified_name();
    // Matched ignoring case, as the enums read their values.
    let names = |ty: &'_ TypeDef| -> BTreeMap<String, (String, Location)> {
        ty.members
            .iter()
            .map(|m| {
                (
                    m.name.to_ascii_lowercase(),
                    (m.name.clone(), m.source.clone()),
                )
            })
            .collect()
    };
    let (old_names, new_names) = (names(old), names(new));
    let at = |value: &str, source: &Location| Side {
        value: value.to_string(),
        source: Some(source.clone()),
    };
    for (key, (name, source)) in &old_names {
        match new_names.get(key) {
            None => {
                let impact = impacts.member_removed(&qualified, name);
                let sides = (Some(at("", source)), None);
                changes.push(property_change(
                    ChangeKind::MemberRemoved,
                    new,
                    name,
                    sides,
                    impact,
                ));
            }
            Some((new_name, new_source)) if new_name != name => {
                let impact = impacts.member_case_changed(&qualified, (name, new_name));
                let sides = (Some(at(name, source)), Some(at(new_name, new_source)));
                let change =
                    property_change(ChangeKind::NameCaseChanged, new, new_name, sides, impact);
                changes.push(change);
            }
            Some(_) => {}
        }
    }
    for (key, (name, source)) in &new_names {
        if !old_names.contains_key(key) {
            let impact = impacts.member_added(&qualified);
            let sides = (None, Some(at("", source)));
            changes.push(property_change(
                ChangeKind::MemberAdded,
                new,
                name,
                sides,
                impact,
            ));
        }
    }
}
