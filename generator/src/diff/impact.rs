//! What a change of the schema does to code that uses the generated crate, decided on the
//! public API the crate has on each side ([`ApiSurface`]) under the Cargo book's SemVer rules,
//! as the crate's compatibility guarantee states them: its structs and enums are
//! `#[non_exhaustive]`, so what they gain is additive and what they lose or change breaks.
//! Where the generated Rust realises a change otherwise than the docs suggest (a property moved
//! to the base stays a field of the subtype; a new property boxes a field or renames one), the
//! Rust decides; [`rust_changes`] reports what the Rust changed of itself.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{Change, ChangeKind, Impact, Level, Side, NO_API_CHANGE};
use crate::diagnostic::Location;
use crate::rust::{ApiSurface, FieldSurface, ItemForm, TypeSurface};
use crate::schema::{Schema, TypeDef};

/// The generated API on both sides.
pub(super) struct Impacts<'a> {
    pub old: &'a ApiSurface,
    pub new: &'a ApiSurface,
}

fn impact(level: Level, rule: &'static str, reason: String) -> Impact {
    Impact {
        level,
        rule,
        reason,
    }
}

fn unchanged(reason: String) -> Impact {
    impact(Level::Patch, NO_API_CHANGE, reason)
}

const ITEM_REMOVE: &str = "item-remove";
const ITEM_NEW: &str = "item-new";
const STRUCT_FIELD_NEW: &str = "struct-add-public-field-when-no-private";
const ENUM_VARIANT_NEW: &str = "enum-variant-new";

impl Impacts<'_> {
    fn sides(&self, qualified: &str) -> (Option<&TypeSurface>, Option<&TypeSurface>) {
        (self.old.get(qualified), self.new.get(qualified))
    }

    pub fn description_changed() -> Impact {
        unchanged("only a doc comment changes".to_string())
    }

    pub fn type_removed(&self, qualified: &str) -> Impact {
        let path = self.old.get(qualified).map_or("", |t| t.path.as_str());
        impact(
            Level::Major,
            ITEM_REMOVE,
            format!("`{path}` is removed, with every field typed by it"),
        )
    }

    pub fn type_added(&self, qualified: &str, base: Option<&str>) -> Impact {
        let path = self.new.get(qualified).map_or("", |t| t.path.as_str());
        let new_variant = base
            .and_then(|base| self.old.get(base))
            .and_then(|base| base.any.as_ref());
        match new_variant {
            Some(any) => impact(
                Level::Minor,
                ENUM_VARIANT_NEW,
                format!(
                    "new item `{path}` and a new variant of `{any}`, which is #[non_exhaustive]: \
                     a `match` on it already has a `_` arm"
                ),
            ),
            None => impact(Level::Minor, ITEM_NEW, format!("new item `{path}`")),
        }
    }

    pub fn name_case_changed(&self, qualified: &str) -> Impact {
        match self.sides(qualified) {
            (Some(old), Some(new)) if old.path != new.path => impact(
                Level::Major,
                ITEM_REMOVE,
                format!("`{}` is generated as `{}`", old.path, new.path),
            ),
            (_, new) => unchanged(format!(
                "the Rust item `{}` keeps its name; values are read by `@odata.type` ignoring case",
                new.map_or("", |t| t.path.as_str())
            )),
        }
    }

    pub fn kind_changed(&self, qualified: &str) -> Impact {
        match self.sides(qualified) {
            (Some(old), Some(new)) if old.form != new.form => impact(
                Level::Major,
                ITEM_REMOVE,
                format!(
                    "`{}` was {} and is {}",
                    new.path,
                    old.form.as_str(),
                    new.form.as_str()
                ),
            ),
            (_, new) => unchanged(format!(
                "`{}` is generated as {} either way",
                new.map_or("", |t| t.path.as_str()),
                new.map_or("an item", |t| t.form.as_str())
            )),
        }
    }

    pub fn base_changed(&self, qualified: &str) -> Impact {
        let (Some(old), Some(new)) = self.sides(qualified) else {
            return unchanged("the type is generated on one side only".to_string());
        };
        let lost: Vec<&String> = old
            .ancestors
            .iter()
            .filter(|a| !new.ancestors.contains(a))
            .collect();
        let fields_lost: Vec<&String> = old
            .fields
            .iter()
            .filter(|(wire, field)| new.fields.get(*wire) != Some(field))
            .map(|(_, field)| &field.name)
            .collect();
        if lost.is_empty() && fields_lost.is_empty() {
            let gained = new.ancestors.len() - old.ancestors.len().min(new.ancestors.len());
            return impact(
                Level::Minor,
                STRUCT_FIELD_NEW,
                format!(
                    "`{}` keeps its fields and conversions and gains {gained} ancestor \
                     conversion(s) and the new base's fields; it is #[non_exhaustive]",
                    new.path
                ),
            );
        }
        let mut why = Vec::new();
        if !lost.is_empty() {
            why.push(format!(
                "`From<{}>` into {} is gone",
                new.path,
                code_list(&lost)
            ));
        }
        if !fields_lost.is_empty() {
            why.push(format!(
                "field(s) {} are gone or changed",
                code_list(&fields_lost)
            ));
        }
        impact(Level::Major, ITEM_REMOVE, why.join("; "))
    }

    pub fn abstract_changed(&self, qualified: &str) -> Impact {
        let in_any = |surface: &ApiSurface| -> BTreeSet<String> {
            (surface.types.values())
                .filter(|t| t.any_variants.contains(&qualified.to_ascii_lowercase()))
                .filter_map(|t| t.any.clone())
                .collect()
        };
        let (before, after) = (in_any(self.old), in_any(self.new));
        let lost: Vec<&String> = before.difference(&after).collect();
        let gained: Vec<&String> = after.difference(&before).collect();
        if !lost.is_empty() {
            return impact(
                Level::Major,
                ITEM_REMOVE,
                format!("its variant of {} is removed", code_list(&lost)),
            );
        }
        if !gained.is_empty() {
            return impact(
                Level::Minor,
                ENUM_VARIANT_NEW,
                format!(
                    "a new variant of {}, which is #[non_exhaustive]",
                    code_list(&gained)
                ),
            );
        }
        unchanged("no `Any...` enum has or loses a variant for it".to_string())
    }

    pub fn property_added(&self, qualified: &str, wire: &str) -> Impact {
        let (old, new) = self.sides(qualified);
        let Some(new) = new.filter(|t| t.form == ItemForm::Struct) else {
            return unchanged("the type is not generated as a struct".to_string());
        };
        let field = new.fields.get(wire);
        let name = field.map_or(wire, |f| f.name.as_str());
        match old {
            Some(old) if old.form == ItemForm::Untyped => impact(
                Level::Major,
                ITEM_REMOVE,
                format!(
                    "`{}` had no property and was `type {} = serde_json::Value`; it becomes a struct",
                    new.path,
                    last_segment(&new.path)
                ),
            ),
            Some(old) if old.fields.contains_key(wire) && old.fields.get(wire) == field => {
                unchanged(format!(
                    "`{}` already had field `{name}` (inherited), of the same type",
                    new.path
                ))
            }
            _ => impact(
                Level::Minor,
                STRUCT_FIELD_NEW,
                format!(
                    "new field `{name}` of `{}` (and of its subtypes), which is #[non_exhaustive]: \
                     code outside the crate cannot build it with a struct literal",
                    new.path
                ),
            ),
        }
    }

    pub fn property_removed(&self, qualified: &str, wire: &str) -> Impact {
        let (old, new) = self.sides(qualified);
        let before = old.and_then(|t| t.fields.get(wire));
        let path = old.map_or("", |t| t.path.as_str());
        let name = before.map_or(wire, |f| f.name.as_str());
        match new {
            Some(new) if new.form == ItemForm::Untyped => impact(
                Level::Major,
                ITEM_REMOVE,
                format!(
                    "`{path}` loses its last property and becomes `type {} = serde_json::Value`",
                    last_segment(&new.path)
                ),
            ),
            Some(new) if before.is_some() && new.fields.get(wire) == before => unchanged(format!(
                "`{path}` keeps field `{name}` (now inherited), of the same type"
            )),
            _ => impact(
                Level::Major,
                ITEM_REMOVE,
                format!("field `{name}` of `{path}` (and of its subtypes) is removed"),
            ),
        }
    }

    /// A property's name (but for case), type, collection-ness, nullability or navigation flag
    /// changed; `wires` are its old and new names.
    pub fn property_changed(&self, qualified: &str, wires: (&str, &str)) -> Impact {
        let (old, new) = self.sides(qualified);
        let field = |t: Option<&TypeSurface>, wire| t.and_then(|t| t.fields.get(wire)).cloned();
        let path = new.map_or("", |t| t.path.as_str());
        match (field(old, wires.0), field(new, wires.1)) {
            (Some(before), Some(after)) if before.name != after.name => impact(
                Level::Major,
                ITEM_REMOVE,
                format!(
                    "field `{}` of `{path}` is `{}`: code that names it stops compiling",
                    before.name, after.name
                ),
            ),
            (Some(before), Some(after)) if before.ty == after.ty => unchanged(format!(
                "field `{}` of `{path}` stays `{}` (every field is an `Option`)",
                after.name, after.ty
            )),
            (Some(before), Some(after)) => impact(
                Level::Major,
                ITEM_REMOVE,
                format!(
                    "field `{}` of `{path}` changes from `{}` to `{}`: code that reads or sets \
                     it stops compiling",
                    after.name, before.ty, after.ty
                ),
            ),
            _ => unchanged(format!("`{path}` has no field for it on both sides")),
        }
    }

    pub fn member_added(&self, qualified: &str) -> Impact {
        let path = self.new.get(qualified).map_or("", |t| t.path.as_str());
        impact(
            Level::Minor,
            ENUM_VARIANT_NEW,
            format!("a new variant of `{path}`, which is #[non_exhaustive]: a `match` on it already has a `_` arm"),
        )
    }

    /// A member's name changed but for case; `wires` are its old and new names.
    pub fn member_case_changed(&self, qualified: &str, wires: (&str, &str)) -> Impact {
        let (old, new) = self.sides(qualified);
        let variant = |t: Option<&TypeSurface>, wire| t.and_then(|t| t.variants.get(wire)).cloned();
        let path = new.map_or("", |t| t.path.as_str());
        match (variant(old, wires.0), variant(new, wires.1)) {
            (Some(before), Some(after)) if before != after => impact(
                Level::Major,
                ITEM_REMOVE,
                format!("variant `{before}` of `{path}` is `{after}`"),
            ),
            (_, after) => unchanged(format!(
                "variant `{}` of `{path}` keeps its name; it reads either spelling and writes `{}`",
                after.as_deref().unwrap_or(wires.1),
                wires.1
            )),
        }
    }

    pub fn member_removed(&self, qualified: &str, wire: &str) -> Impact {
        let old = self.old.get(qualified);
        let variant = old
            .and_then(|t| t.variants.get(wire))
            .map_or(wire, String::as_str);
        let path = old.map_or("", |t| t.path.as_str());
        impact(
            Level::Major,
            ITEM_REMOVE,
            format!("variant `{variant}` of `{path}` is removed"),
        )
    }
}

fn last_segment(path: &str) -> &str {
    path.rsplit("::").next().unwrap_or(path)
}

fn code_list(items: &[&String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    quoted.join(", ")
}

/// What the generated Rust changed of itself, for types on both sides: an item or a field
/// named differently (a collision), an `Any...` enum gained or lost (a first or last subtype), and an item of another
/// form that no change of the type itself explains. `explained` are the types whose own facts
/// changed (kind, base, properties).
pub(super) fn rust_changes(
    old: &Schema,
    new: &Schema,
    impacts: &Impacts,
    explained: &BTreeSet<String>,
) -> Vec<Change> {
    let mut changes = Vec::new();
    let old_types: BTreeMap<String, &TypeDef> = old
        .types
        .iter()
        .map(|t| (t.qualified_name().to_ascii_lowercase(), t))
        .collect();
    for ty in &new.types {
        let qualified = ty.qualified_name();
        let (Some(before_ty), (Some(before), Some(after))) = (
            old_types.get(&qualified.to_ascii_lowercase()),
            impacts.sides(&qualified),
        ) else {
            continue;
        };
        let mut push = |kind, member: Option<&str>, values: (String, String), reason: String| {
            let old_side = Side {
                value: values.0,
                source: place(before_ty, member),
            };
            let new_side = Side {
                value: values.1,
                source: place(ty, member),
            };
            changes.push(Change {
                kind,
                namespace: ty.namespace.clone(),
                type_name: ty.name.clone(),
                member: member.map(str::to_string),
                old: Some(old_side),
                new: Some(new_side),
                impact: impact(Level::Major, ITEM_REMOVE, reason),
                possible_rename: None,
            });
        };
        if before.path != after.path {
            push(
                ChangeKind::RustItemRenamed,
                None,
                (before.path.clone(), after.path.clone()),
                format!(
                    "`{}` is generated as `{}`: another item took the name",
                    before.path, after.path
                ),
            );
        }
        if before.form != after.form && !explained.contains(&qualified) {
            push(
                ChangeKind::RustItemFormChanged,
                None,
                (before.form.as_str().into(), after.form.as_str().into()),
                format!(
                    "`{}` was {} and is {}",
                    after.path,
                    before.form.as_str(),
                    after.form.as_str()
                ),
            );
        }
        match (&before.any, &after.any) {
            (None, Some(any)) => push(
                ChangeKind::RustAnyEnumAdded,
                None,
                ("no subtypes".into(), any.clone()),
                format!(
                    "`{}` gets its first subtype: every field typed `{}` becomes `{any}`",
                    after.path, after.path
                ),
            ),
            (Some(any), None) => push(
                ChangeKind::RustAnyEnumRemoved,
                None,
                (any.clone(), "no subtypes".into()),
                format!(
                    "`{any}` is removed: `{}` has no subtype left, and its fields are typed `{}`",
                    after.path, after.path
                ),
            ),
            _ => {}
        }
        for (wire, was) in &before.fields {
            let Some(is) = after.fields.get(wire) else {
                continue;
            };
            field_changes(wire, was, is, &after.path, &mut push);
        }
        for (wire, was) in &before.variants {
            if let Some(is) = after.variants.get(wire).filter(|is| *is != was) {
                push(
                    ChangeKind::RustVariantRenamed,
                    Some(wire),
                    (was.clone(), is.clone()),
                    format!(
                        "variant `{was}` of `{}` is `{is}`: another member took the name",
                        after.path
                    ),
                );
            }
        }
    }
    changes
}

/// Where the docs state a type's own property or member (a property it inherits, at the type).
fn place(ty: &TypeDef, member: Option<&str>) -> Option<Location> {
    let own = member.and_then(|name| {
        let property = ty.properties.iter().find(|p| p.name == name);
        let property = property.and_then(|p| p.sources.first().cloned());
        property.or_else(|| {
            let member = ty.members.iter().find(|m| m.name == name);
            member.map(|m| m.source.clone())
        })
    });
    own.or_else(|| ty.sources.first().cloned())
}

fn field_changes(
    wire: &str,
    was: &FieldSurface,
    is: &FieldSurface,
    path: &str,
    push: &mut impl FnMut(ChangeKind, Option<&str>, (String, String), String),
) {
    if was.name != is.name {
        push(
            ChangeKind::RustFieldRenamed,
            Some(wire),
            (was.name.clone(), is.name.clone()),
            format!(
                "field `{}` of `{path}` is `{}`: another field took the name",
                was.name, is.name
            ),
        );
    }
}
