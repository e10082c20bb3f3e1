//! Cargo features, one per product area (a page's `ms.prod`), so that a user who needs one
//! area compiles only that area.
//!
//! The rule, as in windows-bindgen: every item is gated by the smallest set of features it
//! needs. A type's item (struct, enum, `Any...` enum, and their impls) needs its own area's
//! feature; a type with no area (or the shared `non-product-specific`) is always compiled. Inside an item, whatever needs more is
//! gated by what it needs beyond the item's own: a field whose type belongs to another area,
//! the `Any...` variant of a descendant (by the areas of every type from it up to the base,
//! which its upcast goes through), a `From` conversion (by the areas of both ends and every
//! type between). Nothing is lost when a feature is off: a property without its field stays in
//! `additional_properties`, and a descendant without its variant reads as the base.
//! The manifest declares every feature, and `full` (the default) enables them all.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use crate::schema::TypeDef;

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
    let extra: Vec<&String> = needed.difference(enclosing).collect();
    match extra.as_slice() {
        [] => TokenStream::new(),
        [feature] => quote!(#[cfg(feature = #feature)]),
        _ => quote!(#[cfg(all(#(feature = #extra),*))]),
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
    }
}
