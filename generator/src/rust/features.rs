//! Cargo features, one per product area (a page's `ms.prod`), so that a user who needs one
//! area compiles only that area and the types every area shares.
//!
//! Which types an area's feature gates:
//! - A type is of the area of its own page ([`crate::schema`]). A type with no area (or the
//!   shared `non-product-specific`) is always compiled.
//! - A complex type or enum that several areas use is always compiled too: one named by a
//!   property or as the base of types of two or more areas, its own area counted (`itemBody`,
//!   of Excel's pages, is the type of `event.body` in Outlook's), or by any type that is
//!   always compiled. Transitively: what an always-compiled type's properties or base name,
//!   when it is a complex type or enum, is always compiled. So a type's own fields that are
//!   values (not relationships) need nothing beyond its own area, whichever area they were
//!   documented in, unless only types of that one other area use them.
//! - An entity stays in its area whoever navigates to it: a relationship to an entity of
//!   another area is a field gated by that area's feature.
//!
//! Inside an item, as in windows-bindgen, whatever needs more is gated by the smallest set of
//! features it needs beyond the item's own: a field whose type is gated by another feature,
//! the `Any...` variant of a descendant (by the features of every type from it up to the
//! base, which its upcast goes through), a `From` conversion (by the features of both ends and
//! every type between). Nothing is lost when a feature is off: a property without its field
//! stays in `additional_properties`, and a descendant without its variant reads as the base.
//! So features are additive: turning one on adds items, fields and variants, and every
//! struct and `Any...` enum is `#[non_exhaustive]`, so no code that compiled without it
//! breaks. The manifest declares every feature, and `full` (the default) enables them all.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use crate::schema::{Kind, TypeDef, TypeLookup};

/// The feature that enables everything, and is on by default.
pub const FULL: &str = "full";

/// Pages of types every area shares (`entity`, common enums) say so with this area; their
/// types are always compiled.
const SHARED_AREA: &str = "non-product-specific";

/// The Cargo feature of a product area: lower-case, with every run of characters a feature
/// name cannot have as one `-` (`Microsoft Teams` -> `microsoft-teams`); `None` when nothing is
/// left, for the shared area, and when it would be `full` or `default`, which the manifest uses.
pub fn feature_name(area: &str) -> Option<String> {
    let mut name = String::new();
    for c in area.trim().chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() || c == '_' {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-').to_string();
    (![FULL, "default", SHARED_AREA, ""].contains(&name.as_str())).then_some(name)
}

/// The feature of a type's product area.
pub fn type_feature(ty: &TypeDef) -> Option<String> {
    ty.area.as_deref().and_then(feature_name)
}

/// Per type of `lookup` (in schema order), the feature that gates its items: its area's, or
/// `None` when it is always compiled (see the module documentation).
pub fn type_features(lookup: &TypeLookup<'_>) -> Vec<Option<String>> {
    let types = lookup.types();
    let areas: Vec<Option<String>> = types.iter().map(type_feature).collect();
    // What each type's struct holds that is a complex type or enum: its properties' types and
    // its base.
    let uses: Vec<Vec<usize>> = types
        .iter()
        .enumerate()
        .map(|(position, ty)| {
            let properties = ty.properties.iter().filter_map(|p| lookup.position(&p.ty));
            properties
                .chain(lookup.base(position))
                .filter(|&used| used != position && types[used].kind != Kind::Entity)
                .collect()
        })
        .collect();
    let mut used_by: Vec<BTreeSet<&str>> = areas
        .iter()
        .map(|area| area.as_deref().into_iter().collect())
        .collect();
    for (user, used) in uses.iter().enumerate() {
        if let Some(area) = areas[user].as_deref() {
            for &used in used {
                used_by[used].insert(area);
            }
        }
    }
    let mut always: Vec<bool> = areas
        .iter()
        .zip(&used_by)
        .map(|(area, used_by)| area.is_none() || used_by.len() >= 2)
        .collect();
    let mut pending: Vec<usize> = (0..types.len()).filter(|&t| always[t]).collect();
    while let Some(user) = pending.pop() {
        for &used in &uses[user] {
            if !always[used] {
                always[used] = true;
                pending.push(used);
            }
        }
    }
    areas
        .into_iter()
        .zip(always)
        .map(|(area, always)| area.filter(|_| !always))
        .collect()
}

/// Every feature of a schema's types.
pub fn crate_features(types: &[TypeDef]) -> Features {
    types.iter().filter_map(type_feature).collect()
}

/// The features something needs.
pub type Features = BTreeSet<String>;

/// The features of the given areas, skipping the ones with none.
pub fn features<'a>(areas: impl IntoIterator<Item = &'a Option<String>>) -> Features {
    areas.into_iter().flatten().cloned().collect()
}

/// `#[cfg(...)]` for the features in `needed` that the enclosing item does not already
/// require; nothing when there are none.
pub fn cfg(needed: &Features, enclosing: &Features) -> TokenStream {
    match predicate(needed, enclosing) {
        Some(predicate) => quote!(#[cfg(#predicate)]),
        None => TokenStream::new(),
    }
}

/// `#[cfg(...)]` for an item (a type, an impl) that needs `needed`, and the same features shown
/// in its docs where rustdoc runs with `--cfg docsrs` (as docs.rs does, on nightly, with the
/// crate root's `feature(doc_cfg)`); nothing when it needs none.
pub fn item_cfg(needed: &Features) -> TokenStream {
    match predicate(needed, &Features::new()) {
        Some(predicate) => quote!(#[cfg(#predicate)] #[cfg_attr(docsrs, doc(cfg(#predicate)))]),
        None => TokenStream::new(),
    }
}

/// `feature = "a"` or `all(feature = "a", ...)` for the features in `needed` beyond
/// `enclosing`'s.
fn predicate(needed: &Features, enclosing: &Features) -> Option<TokenStream> {
    let extra: Vec<&String> = needed.difference(enclosing).collect();
    match extra.as_slice() {
        [] => None,
        [feature] => Some(quote!(feature = #feature)),
        _ => Some(quote!(all(#(feature = #extra),*))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_names_are_lower_case_and_dashed() {
        assert_eq!(
            feature_name("Microsoft Teams").as_deref(),
            Some("microsoft-teams")
        );
        assert_eq!(
            feature_name("identity-and-sign-in").as_deref(),
            Some("identity-and-sign-in")
        );
        assert_eq!(feature_name(" ").as_deref(), None);
        assert_eq!(feature_name("Full").as_deref(), None);
        assert_eq!(feature_name("non-product-specific").as_deref(), None);
    }

    /// A type of `area` whose properties have the types `uses`.
    fn type_def(name: &str, kind: Kind, area: Option<&str>, uses: &[&str]) -> TypeDef {
        let property = |ty: &&str| crate::schema::Property {
            name: format!("p{ty}"),
            ty: format!("microsoft.graph.{ty}"),
            collection: false,
            nullable: true,
            navigation: kind == Kind::Entity,
            description: String::new(),
            sources: Vec::new(),
            set_by_config: None,
        };
        TypeDef {
            namespace: "microsoft.graph".to_string(),
            name: name.to_string(),
            kind,
            base: None,
            is_abstract: false,
            description: String::new(),
            properties: uses.iter().map(property).collect(),
            members: Vec::new(),
            sources: Vec::new(),
            area: area.map(str::to_string),
            set_by_config: None,
        }
    }

    #[test]
    fn complex_types_and_enums_several_areas_use_are_always_compiled() {
        let mut types = vec![
            // An event of `mail` holds a body of `sheets`, which sheets' own cells hold too.
            type_def(
                "event",
                Kind::Entity,
                Some("mail"),
                &["body", "drive", "note"],
            ),
            type_def("cell", Kind::Complex, Some("sheets"), &["body"]),
            type_def("body", Kind::Complex, Some("sheets"), &["bodyType"]),
            type_def("bodyType", Kind::Enum, Some("sheets"), &[]),
            // Used only by its own area's types.
            type_def("sheetRange", Kind::Complex, Some("sheets"), &[]),
            type_def(
                "sheet",
                Kind::Entity,
                Some("sheets"),
                &["sheetRange", "cell"],
            ),
            // Only `mail` uses it, but it is of another area: two areas.
            type_def("note", Kind::Complex, Some("notes"), &[]),
            // Entities stay in their area whoever navigates to them.
            type_def("drive", Kind::Entity, Some("files"), &[]),
            // What a shared type uses is always compiled, and what that uses, transitively.
            type_def("entity", Kind::Entity, None, &["audit"]),
            type_def("audit", Kind::Complex, Some("files"), &["actor"]),
            type_def("actor", Kind::Complex, Some("files"), &[]),
        ];
        types.sort_by(crate::schema::schema_order);
        let schema = crate::schema::Schema { types };
        let lookup = TypeLookup::new(&schema);
        let gated: Vec<(&str, Option<String>)> = schema
            .types
            .iter()
            .map(|ty| ty.name.as_str())
            .zip(type_features(&lookup))
            .collect();
        let some = |area: &str| Some(area.to_string());
        assert_eq!(
            gated,
            [
                ("actor", None),
                ("audit", None),
                ("body", None),
                ("bodyType", None),
                ("cell", some("sheets")),
                ("drive", some("files")),
                ("entity", None),
                ("event", some("mail")),
                ("note", None),
                ("sheet", some("sheets")),
                ("sheetRange", some("sheets")),
            ]
        );
    }

    #[test]
    fn cfg_names_only_what_the_enclosing_item_lacks() {
        let set = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Features>();
        assert!(cfg(&set(&["calls"]), &set(&["calls"])).is_empty());
        assert_eq!(
            cfg(&set(&["calls", "teams"]), &set(&["calls"])).to_string(),
            quote!(#[cfg(feature = "teams")]).to_string()
        );
        assert_eq!(
            cfg(&set(&["a", "b"]), &set(&[])).to_string(),
            quote!(#[cfg(all(feature = "a", feature = "b"))]).to_string()
        );
        assert_eq!(
            item_cfg(&set(&["teams"])).to_string(),
            quote!(#[cfg(feature = "teams")] #[cfg_attr(docsrs, doc(cfg(feature = "teams")))])
                .to_string()
        );
        assert!(item_cfg(&set(&[])).is_empty());
    }
}
