//! `tests/areas.rs`: per product area, a test compiled only with its feature that names every
//! type whose own page is of the area. `cargo check --tests --no-default-features --features
//! X` then shows that an area's own types need its feature and no other (`user`, whose own
//! page is of `users`, is there with `users` alone).

use quote::quote;

use super::crate_files::RustSource;
use super::model::CrateModel;
use super::names::{ident, snake_case, Case, Scope};
use super::CrateOptions;

/// The file's source; none for a crate without areas.
pub fn area_tests(model: &CrateModel, options: &CrateOptions) -> Option<RustSource> {
    if model.area_types.is_empty() {
        return None;
    }
    let krate = ident(&options.crate_name.rust_name());
    let mut names = Scope::new(Case::Snake);
    let tests = model.area_types.iter().map(|(feature, paths)| {
        let test = ident(&names.claim(&snake_case(&format!("types of {feature}"))));
        let types = paths.iter().map(|path| {
            let module = path.module.iter().map(|m| ident(m));
            let name = ident(&path.name);
            quote!(let _: ::std::option::Option<#krate #(:: #module)* :: #name> = None;)
        });
        quote! {
            #[cfg(feature = #feature)]
            #[test]
            fn #test() {
                #(#types)*
            }
        }
    });
    let tokens = quote! {
        //! Each product area's own types (those whose own page is of the area), named in a test
        //! that its feature alone compiles: `cargo check --tests --no-default-features
        //! --features <area>` checks one.

        #(#tests)*
    };
    Some(RustSource {
        path: "tests/areas.rs".to_string(),
        tokens,
        trailing: "",
    })
}
