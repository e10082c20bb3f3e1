//! The fixes of `docgen.toml` for known doc errors: each `[[fix]]` checked into one [`Fix`], and
//! the fixes checked against each other, so that two that contradict are an error and one that
//! repeats another a warning. Whether a fix still fits the docs is for the schema stage to say,
//! where it applies them (`schema/fixes.rs`).

use std::collections::BTreeMap;

use toml::Spanned;

use super::file;
use super::source::TomlSource;
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::edm::edm_primitive;
use crate::schema::Kind;

/// One fix: the type it is about (a qualified name, matched ignoring case), what it does, why,
/// and the line of its `[[fix]]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub ty: String,
    pub action: Action,
    pub reason: String,
    pub at: Location,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// `property` + `set-type` and/or `set-collection`.
    SetProperty {
        property: String,
        ty: Option<String>,
        collection: Option<bool>,
    },
    /// `set-base`: a qualified type name.
    SetBase(String),
    /// `set-kind`.
    SetKind(Kind),
    /// `add-property` or `add-navigation`, with `property-type` and `collection`.
    AddProperty {
        name: String,
        ty: String,
        collection: bool,
        navigation: bool,
    },
    /// `member` + `rename-to`.
    RenameMember { from: String, to: String },
    /// `add-member`, with an optional `value`.
    AddMember { name: String, value: Option<i64> },
    /// `drop = true`.
    DropType,
    /// `property` + `drop = true`.
    DropProperty(String),
}

impl Fix {
    /// The fix as its diagnostics name it: `` set-type `Edm.Single` on `x.y.altitude` ``.
    pub fn describe(&self) -> String {
        let ty = &self.ty;
        match &self.action {
            Action::SetProperty {
                property,
                ty: set,
                collection,
            } => {
                let mut what = Vec::new();
                what.extend(set.as_ref().map(|set| format!("set-type `{set}`")));
                what.extend(collection.map(|c| format!("set-collection {c}")));
                format!("{} on `{ty}.{property}`", what.join(", "))
            }
            Action::SetBase(base) => format!("set-base `{base}` on `{ty}`"),
            Action::SetKind(kind) => format!("set-kind {} on `{ty}`", kind.as_str()),
            Action::AddProperty {
                name, navigation, ..
            } => {
                let key = if *navigation {
                    "add-navigation"
                } else {
                    "add-property"
                };
                format!("{key} `{name}` to `{ty}`")
            }
            Action::RenameMember { from, to } => {
                format!("rename member `{from}` of `{ty}` to `{to}`")
            }
            Action::AddMember { name, .. } => format!("add-member `{name}` to `{ty}`"),
            Action::DropType => format!("drop `{ty}`"),
            Action::DropProperty(property) => format!("drop `{ty}.{property}`"),
        }
    }

    /// What the fix is about within its type, lower-cased: the whole type, a property or a
    /// member.
    fn target(&self) -> Target {
        let lower = |name: &str| name.to_ascii_lowercase();
        match &self.action {
            Action::SetProperty { property, .. } | Action::DropProperty(property) => {
                Target::Property(lower(property))
            }
            Action::AddProperty { name, .. } => Target::Property(lower(name)),
            Action::RenameMember { from, .. } => Target::Member(lower(from)),
            Action::AddMember { name, .. } => Target::Member(lower(name)),
            Action::SetBase(_) | Action::SetKind(_) | Action::DropType => Target::Type,
        }
    }

    /// Whether `self` and `other`, on the same target, say different things (`Some(true)`),
    /// the same thing (`Some(false)`), or things that go together (`None`).
    fn disagrees_with(&self, other: &Fix) -> Option<bool> {
        use Action::*;
        match (&self.action, &other.action) {
            (DropType, DropType) => Some(false),
            (DropType, _) | (_, DropType) => Some(true),
            (
                SetProperty {
                    ty: a,
                    collection: ac,
                    ..
                },
                SetProperty {
                    ty: b,
                    collection: bc,
                    ..
                },
            ) => {
                let differ = |a: &Option<_>, b: &Option<_>| a.is_some() && b.is_some() && a != b;
                let types_differ = match (a, b) {
                    (Some(a), Some(b)) => !a.eq_ignore_ascii_case(b),
                    _ => false,
                };
                if types_differ || differ(ac, bc) {
                    Some(true)
                } else if (a.is_some() && b.is_some()) || (ac.is_some() && bc.is_some()) {
                    Some(false)
                } else {
                    None
                }
            }
            (a, b) if std::mem::discriminant(a) == std::mem::discriminant(b) => {
                Some(!same_action(a, b))
            }
            _ => Some(true),
        }
    }
}

/// Two actions of one kind say the same, names compared ignoring case.
fn same_action(a: &Action, b: &Action) -> bool {
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    match (a, b) {
        (Action::SetBase(a), Action::SetBase(b)) => same(a, b),
        (
            Action::AddProperty {
                ty: a,
                collection: ac,
                navigation: an,
                ..
            },
            Action::AddProperty {
                ty: b,
                collection: bc,
                navigation: bn,
                ..
            },
        ) => same(a, b) && ac == bc && an == bn,
        (Action::RenameMember { to: a, .. }, Action::RenameMember { to: b, .. }) => a == b,
        (Action::AddMember { value: a, .. }, Action::AddMember { value: b, .. }) => a == b,
        _ => a == b,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Target {
    Type,
    Property(String),
    Member(String),
}

/// Checks one `[[fix]]` table into a fix; an error for each key that does not fit.
pub(super) fn check_fix(
    source: &TomlSource,
    fix: Spanned<file::Fix>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Fix> {
    let table = fix.span();
    let at = source.location(table.clone());
    let raw = fix.into_inner();
    let mut errors = Vec::new();
    let mut error = |span: std::ops::Range<usize>, message: String| {
        errors.push(source.diagnostic(Severity::Error, span, message));
    };
    let ty = checked_type_name(&raw.ty, "type", &mut error);
    let reason = raw.reason.get_ref().trim().to_string();
    if reason.is_empty() {
        error(
            raw.reason.span(),
            "`reason` is empty; expected why the docs are wrong, which the generated code \
             repeats"
                .to_string(),
        );
    }
    let actions: Vec<(&str, std::ops::Range<usize>)> = [
        ("set-type", raw.set_type.as_ref().map(Spanned::span)),
        (
            "set-collection",
            raw.set_collection.as_ref().map(Spanned::span),
        ),
        ("set-base", raw.set_base.as_ref().map(Spanned::span)),
        ("set-kind", raw.set_kind.as_ref().map(Spanned::span)),
        ("add-property", raw.add_property.as_ref().map(Spanned::span)),
        (
            "add-navigation",
            raw.add_navigation.as_ref().map(Spanned::span),
        ),
        ("rename-to", raw.rename_to.as_ref().map(Spanned::span)),
        ("add-member", raw.add_member.as_ref().map(Spanned::span)),
        ("drop", raw.drop.as_ref().map(Spanned::span)),
    ]
    .into_iter()
    .filter_map(|(key, span)| Some((key, span?)))
    .collect();
    // `set-type` and `set-collection` are one action: they set a property's type together.
    let distinct: Vec<&str> = actions
        .iter()
        .map(|(key, _)| {
            if *key == "set-collection" {
                "set-type"
            } else {
                key
            }
        })
        .fold(Vec::new(), |mut keys, key| {
            if !keys.contains(&key) {
                keys.push(key);
            }
            keys
        });
    const EXPECTED: &str = "`set-type`/`set-collection`, `set-base`, `set-kind`, \
                            `add-property`, `add-navigation`, `rename-to`, `add-member` or `drop`";
    let action = match distinct.as_slice() {
        [] => {
            error(
                table.clone(),
                format!("the fix does nothing: expected one of {EXPECTED}"),
            );
            None
        }
        [_] => Some(distinct[0]),
        [_, second, ..] => {
            let span = actions
                .iter()
                .find(|(key, _)| key == second)
                .map(|(_, span)| span.clone())
                .unwrap_or_default();
            error(
                span,
                format!(
                    "a fix does one thing, and this one has `{}` and `{second}`; expected one of \
                     {EXPECTED}, one fix for each",
                    distinct[0]
                ),
            );
            None
        }
    };
    let property = raw
        .property
        .as_ref()
        .map(|p| checked_simple_name(p, "property", &mut error));
    let member = raw.member.as_ref().map(|m| m.get_ref().clone());
    if let Some(action) = action {
        let span = |s: &Option<Spanned<String>>| s.as_ref().map(Spanned::span);
        let refused = [
            (
                "property",
                span(&raw.property),
                !matches!(action, "set-type" | "drop"),
            ),
            ("member", span(&raw.member), action != "rename-to"),
            (
                "property-type",
                span(&raw.property_type),
                !matches!(action, "add-property" | "add-navigation"),
            ),
            (
                "collection",
                raw.collection.as_ref().map(Spanned::span),
                !matches!(action, "add-property" | "add-navigation"),
            ),
            (
                "value",
                raw.value.as_ref().map(Spanned::span),
                action != "add-member",
            ),
        ];
        for (key, span, refuse) in refused {
            if let (Some(span), true) = (span, refuse) {
                error(span, format!("`{key}` does not go with `{action}`"));
            }
        }
    }
    let need = |what: &str, action: &str| format!("`{action}` needs `{what}`");
    let action = match action {
        Some("set-type") => match &property {
            Some(property) => Some(Action::SetProperty {
                property: property.clone(),
                ty: raw
                    .set_type
                    .as_ref()
                    .map(|t| checked_property_type(t, "set-type", &mut error)),
                collection: raw.set_collection.as_ref().map(|c| *c.get_ref()),
            }),
            None => {
                error(table.clone(), need("property", "set-type"));
                None
            }
        },
        Some("set-base") => raw
            .set_base
            .as_ref()
            .map(|base| Action::SetBase(checked_type_name(base, "set-base", &mut error))),
        Some("set-kind") => raw.set_kind.as_ref().and_then(|kind| {
            let parsed = [Kind::Entity, Kind::Complex, Kind::Enum]
                .into_iter()
                .find(|k| k.as_str() == kind.get_ref());
            if parsed.is_none() {
                error(
                    kind.span(),
                    format!(
                        "`set-kind = {:?}` is no kind; expected \"entity\", \"complex\" or \"enum\"",
                        kind.get_ref()
                    ),
                );
            }
            parsed.map(Action::SetKind)
        }),
        Some(key @ ("add-property" | "add-navigation")) => {
            let name = raw.add_property.as_ref().or(raw.add_navigation.as_ref());
            match (name, &raw.property_type) {
                (Some(name), Some(ty)) => Some(Action::AddProperty {
                    name: checked_simple_name(name, key, &mut error),
                    ty: checked_property_type(ty, "property-type", &mut error),
                    collection: raw.collection.as_ref().is_some_and(|c| *c.get_ref()),
                    navigation: key == "add-navigation",
                }),
                _ => {
                    error(table.clone(), need("property-type", key));
                    None
                }
            }
        }
        Some("rename-to") => match (&member, &raw.rename_to) {
            (Some(from), Some(to)) => Some(Action::RenameMember {
                from: from.clone(),
                to: to.get_ref().clone(),
            }),
            _ => {
                error(table.clone(), need("member", "rename-to"));
                None
            }
        },
        Some("add-member") => raw.add_member.as_ref().map(|name| Action::AddMember {
            name: name.get_ref().clone(),
            value: raw.value.as_ref().map(|v| *v.get_ref()),
        }),
        Some("drop") => {
            let drop = raw.drop.as_ref().is_some_and(|d| *d.get_ref());
            if !drop {
                let span = raw.drop.as_ref().map(Spanned::span).unwrap_or_default();
                error(
                    span,
                    "`drop = false` keeps what is there; expected `drop = true`, or no fix"
                        .to_string(),
                );
            }
            drop.then(|| match &property {
                Some(property) => Action::DropProperty(property.clone()),
                None => Action::DropType,
            })
        }
        _ => None,
    };
    let failed = !errors.is_empty();
    diagnostics.append(&mut errors);
    if failed {
        return None;
    }
    Some(Fix {
        ty,
        action: action?,
        reason,
        at,
    })
}

/// A qualified type name (`microsoft.graph.user`): names with at least one `.`.
fn checked_type_name(
    name: &Spanned<String>,
    key: &str,
    error: &mut impl FnMut(std::ops::Range<usize>, String),
) -> String {
    let text = name.get_ref().trim_start_matches('#');
    let well_formed = text.split('.').all(|part| {
        !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    });
    if !well_formed || !text.contains('.') {
        error(
            name.span(),
            format!(
                "`{key} = {:?}` is no qualified type name; expected a namespace and a name, such as \"microsoft.graph.user\"",
                name.get_ref()
            ),
        );
    }
    text.to_string()
}

/// A property's type: an `Edm` primitive or a qualified type name.
fn checked_property_type(
    name: &Spanned<String>,
    key: &str,
    error: &mut impl FnMut(std::ops::Range<usize>, String),
) -> String {
    let text = name.get_ref();
    if text
        .get(..4)
        .is_some_and(|head| head.eq_ignore_ascii_case("edm."))
    {
        return match edm_primitive(text).filter(|p| !p.name.ends_with('*')) {
            Some(primitive) => primitive.name.to_string(),
            None => {
                error(
                    name.span(),
                    format!(
                        "`{key} = {text:?}` is no Edm primitive; expected one such as \"Edm.Single\", or a qualified type name"
                    ),
                );
                text.clone()
            }
        };
    }
    checked_type_name(name, key, error)
}

/// A property or member name: ASCII letters, digits and `_`.
fn checked_simple_name(
    name: &Spanned<String>,
    key: &str,
    error: &mut impl FnMut(std::ops::Range<usize>, String),
) -> String {
    let text = name.get_ref();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        error(
            name.span(),
            format!(
                "`{key} = {text:?}` is no property name; expected ASCII letters, digits and `_`"
            ),
        );
    }
    text.clone()
}

/// Checks the fixes against each other: an error for two that contradict (naming both lines),
/// a warning for one that repeats another. Only the first of a contradicting or repeated
/// pair is kept.
pub(super) fn check_together(fixes: Vec<Fix>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Fix> {
    let mut by_type: BTreeMap<String, Vec<Fix>> = BTreeMap::new();
    for fix in fixes {
        by_type
            .entry(fix.ty.to_ascii_lowercase())
            .or_default()
            .push(fix);
    }
    let mut kept = Vec::new();
    for (_, fixes) in by_type {
        // A type's fixes are few: each is weighed against those kept before it that share its
        // target (or drop the whole type).
        let mut kept_here: Vec<Fix> = Vec::new();
        for fix in fixes {
            let clash = kept_here.iter().find_map(|earlier| {
                let related = earlier.target() == fix.target()
                    || matches!(earlier.action, Action::DropType)
                    || matches!(fix.action, Action::DropType);
                related
                    .then(|| earlier.disagrees_with(&fix).map(|d| (earlier, d)))
                    .flatten()
            });
            match clash {
                Some((earlier, true)) => diagnostics.push(
                    Diagnostic::error(
                        super::KIND,
                        fix.at.clone(),
                        format!(
                            "fix {} contradicts the fix {} at line {}; expected one of them",
                            fix.describe(),
                            earlier.describe(),
                            earlier.at.line
                        ),
                    )
                    .with_related(earlier.at.clone(), "the fix it contradicts"),
                ),
                Some((earlier, false)) => diagnostics.push(
                    Diagnostic::warning(
                        super::KIND,
                        fix.at.clone(),
                        format!(
                            "fix {} repeats the fix at line {}; expected it once",
                            fix.describe(),
                            earlier.at.line
                        ),
                    )
                    .with_related(earlier.at.clone(), "the fix it repeats"),
                ),
                None => kept_here.push(fix),
            }
        }
        kept.append(&mut kept_here);
    }
    kept.sort_by_key(|fix| fix.at.line);
    kept
}
