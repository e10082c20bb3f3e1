//! The API changelog between two schemas, for a reviewer: every type, property, navigation
//! property, base, kind and enum member added, removed or changed, with the docs' page:line on
//! each side, each classified as breaking or additive for code that uses the generated crate,
//! with the Cargo SemVer rule that says so.
//!
//! [`changelog`] finds the schema's changes (`changes.rs`), classifies them on the public API
//! the Rust stage makes of each side (`impact.rs`, which also reports what the Rust changed of
//! itself: names taken by collisions, fields boxed for cycles, first subtypes), and marks
//! possible renames (`renames.rs`). The renderers print it for a terminal (`text.rs`), for a
//! pull-request comment (`markdown.rs`) and for tools (`json.rs`, format
//! `graph-docs-changelog/1`).

mod changes;
mod impact;
mod json;
mod markdown;
pub mod model;
mod renames;
mod text;

use std::collections::BTreeSet;
use std::path::Path;

pub use model::{
    Change, ChangeKind, Changelog, Counts, Impact, Level, Side, NO_API_CHANGE, SEMVER_CHAPTER,
};

pub use json::FORMAT;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::read::PageSelection;
use crate::rust::{api_surface, PrimitiveChoices};
use crate::schema::Schema;
use impact::Impacts;

/// Every change from `old` to `new`, for the crate the default output options make: breaking
/// ones first, then by namespace, type, member and kind.
pub fn changelog(old: &Schema, new: &Schema) -> Changelog {
    changelog_for(old, new, &PrimitiveChoices::default())
}

/// [`changelog`] for a crate whose primitives are `primitives` (`[output.primitives]` of
/// `docgen.toml`), which decide whether a property's new type is a new Rust type.
pub fn changelog_for(old: &Schema, new: &Schema, primitives: &PrimitiveChoices) -> Changelog {
    let (old_api, new_api) = rayon::join(
        || api_surface(old, primitives),
        || api_surface(new, primitives),
    );
    let impacts = Impacts {
        old: &old_api,
        new: &new_api,
    };
    let mut changes = changes::schema_changes(old, new, &impacts);
    let explained: BTreeSet<String> = changes
        .iter()
        .filter(|c| !matches!(c.kind, ChangeKind::DescriptionChanged))
        .map(Change::qualified_type)
        .collect();
    changes.extend(impact::rust_changes(old, new, &impacts, &explained));
    renames::mark_possible_renames(&mut changes, old, new);
    changes.sort_by(|a, b| {
        let key = |c: &Change| {
            (
                !c.impact.is_breaking(),
                c.namespace.clone(),
                c.type_name.clone(),
                c.member.clone(),
                c.kind,
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| source_key(&a.old).cmp(&source_key(&b.old)))
            .then_with(|| source_key(&a.new).cmp(&source_key(&b.new)))
    });
    Changelog { changes }
}

fn source_key(side: &Option<Side>) -> Option<(String, Option<crate::diagnostic::Location>)> {
    side.as_ref().map(|s| (s.value.clone(), s.source.clone()))
}

/// How a changelog is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For a terminal.
    Text,
    /// For tools: `graph-docs-changelog/1`.
    Json,
    /// For a pull-request comment.
    Markdown,
}

/// What a rendered changelog shows besides the changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// What the old and the new side are (a folder, a file).
    pub old: String,
    pub new: String,
    /// List the description changes too, not only count them.
    pub descriptions: bool,
}

pub fn render(changelog: &Changelog, format: Format, options: &RenderOptions) -> String {
    match format {
        Format::Text => text::render(changelog, options),
        Format::Json => json::render(changelog, options),
        Format::Markdown => markdown::render(changelog, options),
    }
}

/// The summary of [`Format::Text`] alone: the counts, per kind, without the list.
pub fn text_summary(changelog: &Changelog, options: &RenderOptions) -> String {
    text::summary(changelog, options)
}

/// A schema read for a diff, with what reading it reported.
#[derive(Debug)]
pub struct LoadedSchema {
    pub schema: Schema,
    pub diagnostics: Vec<Diagnostic>,
    /// The one-line summary of the pages read; `None` for a schema file.
    pub summary: Option<String>,
}

/// One side of a diff: a docs folder (its pages selected by `include` globs, `*.md` by
/// default, and read as `config` says: its fixes and subset) or a schema file
/// (`graph-docs-schema/1`, as `graph-docgen schema` writes it, fixes already applied).
pub fn load_schema(
    path: &Path,
    include: &[String],
    config: &Config,
) -> Result<LoadedSchema, Diagnostic> {
    if path.is_file() {
        return Ok(LoadedSchema {
            schema: crate::import::read_schema_file(path)?,
            diagnostics: Vec::new(),
            summary: None,
        });
    }
    let docs = crate::load_configured_docs(&PageSelection::new(path, include)?, config)?;
    let summary = Some(docs.summary());
    Ok(LoadedSchema {
        schema: docs.schema,
        diagnostics: docs.diagnostics,
        summary,
    })
}
