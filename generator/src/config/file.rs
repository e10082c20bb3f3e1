//! The `docgen.toml` file as written: every key with where it is, read by serde with unknown
//! keys refused. [`super::Config`] checks the values and turns them into what the stages take.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct File {
    #[serde(default)]
    pub inputs: Inputs,
    #[serde(default)]
    pub output: Output,
    #[serde(default, rename = "fix")]
    pub fixes: Vec<Spanned<Fix>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct Inputs {
    pub docs: Option<Spanned<Folders>>,
    #[serde(default)]
    pub include: Vec<Spanned<String>>,
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    #[serde(default)]
    pub namespaces: Vec<Spanned<String>>,
    #[serde(default)]
    pub areas: Vec<Spanned<String>>,
}

/// `docs`: one folder, or several.
#[derive(Debug, Deserialize)]
#[serde(
    untagged,
    expecting = "invalid type: expected a folder, or a list of folders"
)]
pub(super) enum Folders {
    One(String),
    Several(Vec<String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct Output {
    pub crate_name: Option<Spanned<String>>,
    pub doc_comments: Option<bool>,
    pub additional_properties: Option<bool>,
    #[serde(default)]
    pub primitives: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub struct_derives: Vec<Spanned<String>>,
    #[serde(default)]
    pub enum_derives: Vec<Spanned<String>>,
    #[serde(default)]
    pub modules: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// One `[[fix]]`: the type it is about, what it does (exactly one action's keys) and why.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct Fix {
    #[serde(rename = "type")]
    pub ty: Spanned<String>,
    pub reason: Spanned<String>,
    pub property: Option<Spanned<String>>,
    pub member: Option<Spanned<String>>,
    pub set_type: Option<Spanned<String>>,
    pub set_collection: Option<Spanned<bool>>,
    pub set_base: Option<Spanned<String>>,
    pub set_kind: Option<Spanned<String>>,
    pub add_property: Option<Spanned<String>>,
    pub add_navigation: Option<Spanned<String>>,
    pub property_type: Option<Spanned<String>>,
    pub collection: Option<Spanned<bool>>,
    pub rename_to: Option<Spanned<String>>,
    pub add_member: Option<Spanned<String>>,
    pub value: Option<Spanned<i64>>,
    pub drop: Option<Spanned<bool>>,
}
