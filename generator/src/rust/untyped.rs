//! A type alias of `serde_json::Value` per [`Untyped`] type: a documented type that declares no
//! property (`Json`, "data returned in JSON format") holds whatever the service sends, which
//! need not be an object.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc_comments::doc_attrs;
use super::features::{features, item_cfg};
use super::model::Untyped;
use super::names::ident;

pub fn render_untyped(item: &Untyped) -> TokenStream {
    let docs = doc_attrs(&item.description);
    let gate = item_cfg(&features([&item.feature]));
    let name = ident(&item.name);
    quote! {
        #docs
        #gate
        pub type #name = ::serde_json::Value;
    }
}
