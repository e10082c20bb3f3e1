//! The fixes of `docgen.toml` ([`crate::config::Fix`]), applied as one phase in three steps:
//! 1. [`apply_to_drafts`], after `enums` (so that a set type is not matched to an enum again)
//!    and before `inference` and `inheritance` (so that a set base is the stated base the bases
//!    are resolved from, and an added property is inherited, hoisted and made a navigation as
//!    a documented one would be): property types, bases, added and dropped properties, and
//!    enum members, on the drafts;
//! 2. [`apply_to_kinds`], once the kinds are known: the kinds fixes set;
//! 3. [`finish`], on the finished types: dropped types, and the reason of every applied fix on
//!    what it set, for the Rust doc comments.
//!
//! Every applied fix is a note at its target's page and line, naming the fix and its reason,
//! with the fix's line in `docgen.toml`. A fix whose target no page describes, or that the
//! docs already say, is stale: a warning at its line, and nothing changes.

use super::index::{DraftType, PropertyDraft, TypeIndex};
use super::model::{EnumMember, Kind, TypeDef};
use crate::config::{Action, Fix};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Location};
use crate::edm::edm_primitive;
use crate::facts::TypeRef;

/// What a fix set, for the later steps: a type's kind, a dropped type, or the reason a type or
/// property carries.
pub(super) struct Applied<'f> {
    fix: &'f Fix,
    /// The type's qualified name, as the schema spells it.
    ty: String,
    /// The property it set, if any.
    property: Option<String>,
}

/// Step 1 (see the module documentation).
pub(super) fn apply_to_drafts<'f>(
    index: &mut TypeIndex<'_>,
    fixes: &'f [Fix],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Applied<'f>> {
    let mut applied = Vec::new();
    for fix in fixes {
        let Some(id) = described(index, &fix.ty) else {
            diagnostics.push(stale(fix, format!("no page describes `{}`", fix.ty)));
            continue;
        };
        let qualified = index.entries[id].qualified_name();
        let page = index.entries[id].first_location().cloned();
        let outcome = apply(index, id, fix);
        match outcome {
            Outcome::Stale(why) => diagnostics.push(stale(fix, why)),
            Outcome::Applied { what, property, at } => {
                diagnostics.push(note(fix, at.or(page), what));
                applied.push(Applied {
                    fix,
                    ty: qualified,
                    property,
                });
            }
            Outcome::Later => applied.push(Applied {
                fix,
                ty: qualified,
                property: None,
            }),
        }
    }
    applied
}

enum Outcome {
    Stale(String),
    /// What changed, the property it changed, and where the docs say it (if they do).
    Applied {
        what: String,
        property: Option<String>,
        at: Option<Location>,
    },
    /// Applied by a later step.
    Later,
}

/// The type named `qualified` (ignoring case), if a page describes it or something is known of
/// it.
fn described(index: &TypeIndex<'_>, qualified: &str) -> Option<usize> {
    let id = index.resolve(&TypeRef::named(qualified), "")?;
    let entry = &index.entries[id];
    (entry.is_described() || !entry.properties.is_empty() || !entry.members.is_empty())
        .then_some(id)
}

/// The draft type a fix names: an `Edm` primitive, or a type the index knows.
fn draft_type(index: &TypeIndex<'_>, name: &str) -> Option<DraftType> {
    if let Some(primitive) = edm_primitive(name).filter(|p| !p.name.ends_with('*')) {
        return Some(DraftType::Primitive(primitive.name));
    }
    described(index, name).map(DraftType::Type)
}

fn apply(index: &mut TypeIndex<'_>, id: usize, fix: &Fix) -> Outcome {
    let ty = index.entries[id].qualified_name();
    let position = |index: &TypeIndex<'_>, property: &str| {
        index.entries[id]
            .properties
            .iter()
            .position(|p| p.name.eq_ignore_ascii_case(property))
    };
    match &fix.action {
        Action::SetProperty {
            property,
            ty: new_type,
            collection,
        } => {
            let Some(at) = position(index, property) else {
                return Outcome::Stale(format!("`{ty}` has no property `{property}`"));
            };
            let draft = &index.entries[id].properties[at];
            let new_type = match new_type {
                Some(name) => match draft_type(index, name) {
                    Some(found) => found,
                    None => return Outcome::Stale(format!("no page describes `{name}`")),
                },
                None => draft.ty,
            };
            let new_collection = collection.unwrap_or(draft.collection);
            let was = index.describe(draft.ty, draft.collection);
            if new_type == draft.ty && new_collection == draft.collection {
                return Outcome::Stale(format!("the docs already say `{ty}.{property}` is {was}"));
            }
            let now = index.describe(new_type, new_collection);
            let draft = &mut index.entries[id].properties[at];
            draft.ty = new_type;
            draft.collection = new_collection;
            Outcome::Applied {
                what: format!("`{ty}.{}` is {now} (the docs say {was})", draft.name),
                property: Some(draft.name.clone()),
                at: draft.sources.first().cloned(),
            }
        }
        Action::SetBase(base) => {
            let Some(base_id) = described(index, base) else {
                return Outcome::Stale(format!("no page describes `{base}`"));
            };
            let base_name = index.entries[base_id].qualified_name();
            let stated = index.entries[id].stated_base.clone();
            if stated.as_ref().is_some_and(|(b, _)| *b == base_id) {
                return Outcome::Stale(format!(
                    "the docs already say `{ty}` derives from `{base_name}`"
                ));
            }
            let was = stated.as_ref().map_or_else(
                || "no base".to_string(),
                |(b, _)| format!("`{}`", index.entries[*b].qualified_name()),
            );
            index.entries[id].stated_base = Some((base_id, fix.at.clone()));
            Outcome::Applied {
                what: format!("`{ty}` derives from `{base_name}` (the docs say {was})"),
                property: None,
                at: stated.map(|(_, at)| at),
            }
        }
        Action::AddProperty {
            name,
            ty: property_type,
            collection,
            navigation,
        } => {
            if let Some(at) = position(index, name) {
                let draft = &index.entries[id].properties[at];
                return Outcome::Stale(format!(
                    "the docs already describe `{ty}.{}`, as {}",
                    draft.name,
                    index.describe(draft.ty, draft.collection)
                ));
            }
            let Some(draft_ty) = draft_type(index, property_type) else {
                return Outcome::Stale(format!("no page describes `{property_type}`"));
            };
            let now = index.describe(draft_ty, *collection);
            index.entries[id].properties.push(PropertyDraft {
                name: name.clone(),
                ty: draft_ty,
                collection: *collection,
                navigation: *navigation,
                description: String::new(),
                values: Vec::new(),
                sources: vec![fix.at.clone()],
            });
            let kind = if *navigation {
                "navigation property"
            } else {
                "property"
            };
            Outcome::Applied {
                what: format!("`{ty}` has the {kind} `{name}`, {now}, which no page lists"),
                property: Some(name.clone()),
                at: None,
            }
        }
        Action::RenameMember { from, to } => {
            let members = &mut index.entries[id].members;
            if members.iter().any(|m| m.name == *to) {
                return Outcome::Stale(format!(
                    "the docs already name the member `{to}` of `{ty}`"
                ));
            }
            let Some(member) = members
                .iter_mut()
                .find(|m| m.name.eq_ignore_ascii_case(from))
            else {
                return Outcome::Stale(format!("`{ty}` has no member `{from}`"));
            };
            let was = std::mem::replace(&mut member.name, to.clone());
            member.set_by_config = Some(fix.reason.clone());
            Outcome::Applied {
                what: format!("member `{was}` of `{ty}` is named `{to}`"),
                property: None,
                at: Some(member.source.clone()),
            }
        }
        Action::AddMember { name, value } => {
            let members = &mut index.entries[id].members;
            if let Some(member) = members.iter().find(|m| m.name.eq_ignore_ascii_case(name)) {
                return Outcome::Stale(format!(
                    "the docs already list the member `{}` of `{ty}`",
                    member.name
                ));
            }
            members.push(EnumMember {
                name: name.clone(),
                value: *value,
                description: String::new(),
                source: fix.at.clone(),
                set_by_config: Some(fix.reason.clone()),
            });
            Outcome::Applied {
                what: format!("`{ty}` has the member `{name}`, which no page lists"),
                property: None,
                at: None,
            }
        }
        Action::DropProperty(property) => {
            let Some(at) = position(index, property) else {
                return Outcome::Stale(format!("`{ty}` has no property `{property}`"));
            };
            let draft = index.entries[id].properties.remove(at);
            Outcome::Applied {
                what: format!("`{ty}.{}` is left out", draft.name),
                property: None,
                at: draft.sources.first().cloned(),
            }
        }
        Action::SetKind(_) | Action::DropType => Outcome::Later,
    }
}

/// Step 2: the kinds the fixes set, by type id of the index.
pub(super) fn apply_to_kinds(
    index: &TypeIndex<'_>,
    applied: &[Applied<'_>],
    kinds: &mut [Kind],
    diagnostics: &mut Vec<Diagnostic>,
) {
    for applied in applied {
        let Action::SetKind(kind) = applied.fix.action else {
            continue;
        };
        let Some(id) = described(index, &applied.ty) else {
            continue;
        };
        let fix = applied.fix;
        let was = kinds[id];
        if was == kind {
            diagnostics.push(stale(
                fix,
                format!("the docs already make `{}` {}", applied.ty, kind.as_str()),
            ));
            continue;
        }
        kinds[id] = kind;
        let what = format!(
            "`{}` is {} (the docs make it {})",
            applied.ty,
            kind.as_str(),
            was.as_str()
        );
        diagnostics.push(note(fix, index.entries[id].first_location().cloned(), what));
    }
}

/// Step 3: the types the fixes drop are left out, and what the others set carries their reason.
pub(super) fn finish(
    types: &mut Vec<TypeDef>,
    applied: &[Applied<'_>],
    diagnostics: &mut Vec<Diagnostic>,
) {
    for applied in applied {
        let Some(at) = types
            .iter()
            .position(|t| t.qualified_name().eq_ignore_ascii_case(&applied.ty))
        else {
            continue;
        };
        let reason = applied.fix.reason.clone();
        match (&applied.fix.action, &applied.property) {
            (Action::DropType, _) => {
                let dropped = types.remove(at);
                diagnostics.push(note(
                    applied.fix,
                    dropped.sources.first().cloned(),
                    drop_type(types, &dropped),
                ));
            }
            (_, Some(property)) => {
                if let Some(p) = types[at]
                    .properties
                    .iter_mut()
                    .find(|p| p.name == *property)
                {
                    p.set_by_config = Some(reason);
                }
            }
            (_, None) => types[at].set_by_config = Some(reason),
        }
    }
}

/// Leaves `dropped` out of `types`: its subtypes derive from its base, and properties of its
/// type hold any JSON. Says what moved.
fn drop_type(types: &mut [TypeDef], dropped: &TypeDef) -> String {
    let name = dropped.qualified_name();
    let mut subtypes = 0;
    let mut retyped = 0;
    for ty in types.iter_mut() {
        if ty.base.as_deref() == Some(name.as_str()) {
            ty.base.clone_from(&dropped.base);
            subtypes += 1;
        }
        for property in ty.properties.iter_mut().filter(|p| p.ty == name) {
            property.ty = "Edm.Untyped".to_string();
            property.navigation = false;
            retyped += 1;
        }
    }
    format!(
        "`{name}` is left out; {subtypes} subtypes derive from its base instead, and \
         {retyped} properties of its type hold any JSON (`Edm.Untyped`)"
    )
}

fn note(fix: &Fix, at: Option<Location>, what: String) -> Diagnostic {
    let message = format!("set by docgen.toml: {what}: {}", fix.reason);
    match at {
        Some(at) if at != fix.at => Diagnostic::note(DiagnosticKind::Config, at, message)
            .with_related(fix.at.clone(), format!("the fix {}", fix.describe())),
        _ => Diagnostic::note(DiagnosticKind::Config, fix.at.clone(), message),
    }
}

fn stale(fix: &Fix, why: String) -> Diagnostic {
    Diagnostic::warning(
        DiagnosticKind::Config,
        fix.at.clone(),
        format!(
            "stale fix {}: {why}; nothing changed, and the fix can go",
            fix.describe()
        ),
    )
}
