//! `docgen.toml`: how a project adapts the generator to docs it does not own, read once before
//! the pipeline runs. Its inputs choose the pages, its output options the Rust crate's shape, and
//! its fixes correct known doc errors in the schema stage (`schema/fixes.rs`), so that the
//! exported schema, `compare` and the Rust all see them.
//!
//! The file's keys as written are in `file.rs` (read by serde, unknown keys refused), where they
//! are in it in `source.rs`, the fixes and how they are checked against each other in
//! `fixes.rs`, and the commented default file in `default_file.rs`. Every problem is a
//! diagnostic at the key's line and column.

mod default_file;
mod file;
mod fixes;
mod source;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use default_file::DEFAULT_FILE;
pub use fixes::{Action, Fix};
pub use source::TomlPlace;
use source::TomlSource;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use crate::read::DocsFolder;
use crate::rust::{check_module_name, parent_level, ChosenDerive, Derive, DerivesOf};
use crate::rust::{CrateName, ExtraDerives, ModuleName, ModuleNames, PrimitiveChoices};

/// The file `cargo xtask codegen` looks for at the workspace root.
pub const FILE_NAME: &str = "docgen.toml";

/// The kind of every diagnostic about the file itself.
const KIND: DiagnosticKind = DiagnosticKind::Config;

/// A checked `docgen.toml`; [`Config::default`] is what no file means.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub inputs: Inputs,
    pub output: Output,
    /// In the order of the file.
    pub fixes: Vec<Fix>,
}

/// `[inputs]`: which pages are read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    /// The docs folders, each named as the file writes it, and found relative to the file's
    /// folder once [`Config::read`] has read it; none means `--docs`.
    pub docs: Vec<DocsFolder>,
    /// Globs of the pages, relative to the docs folder; none means every `*.md`.
    pub include: Vec<String>,
    /// Globs of files left out, relative to the docs folder.
    pub exclude: Vec<String>,
    /// The namespaces and product areas whose types are generated, with what they reference.
    pub subset: Subset,
}

/// `namespaces` and `areas` of `[inputs]`: the types of the schema to keep, with the types they
/// reference (see `schema/subset.rs` for the rule). Both empty means every type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subset {
    pub namespaces: Vec<Chosen>,
    pub areas: Vec<Chosen>,
}

impl Subset {
    pub fn is_everything(&self) -> bool {
        self.namespaces.is_empty() && self.areas.is_empty()
    }
}

/// A namespace or area named in `docgen.toml`, with where, for the warning if the docs have
/// no such thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub name: String,
    pub at: TomlPlace,
}

/// `[output]`: the generated crate's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub crate_name: Option<CrateName>,
    /// Whether the docs' descriptions become doc comments.
    pub doc_comments: bool,
    /// Whether the model structs keep the properties they do not declare (and `null`s) in an
    /// `additional_properties` map.
    pub additional_properties: bool,
    pub primitives: PrimitiveChoices,
    /// `struct-derives` and `enum-derives`.
    pub derives: ExtraDerives,
    /// `[output.modules]`.
    pub module_names: ModuleNames,
}

impl Default for Output {
    fn default() -> Self {
        Output {
            crate_name: None,
            doc_comments: true,
            additional_properties: true,
            primitives: PrimitiveChoices::default(),
            derives: ExtraDerives::default(),
            module_names: ModuleNames::new(),
        }
    }
}

/// A `docgen.toml` that could not be used: every error in it, and warnings about it.
pub type ConfigErrors = Vec<Diagnostic>;

impl Config {
    /// Reads and checks the file at `path`, named in diagnostics as given; its docs folder is
    /// taken relative to the file's folder. The config with its warnings, or every diagnostic
    /// when it has an error.
    pub fn read(path: &Path) -> Result<(Config, Vec<Diagnostic>), ConfigErrors> {
        Config::read_named(path, &path.display().to_string().replace('\\', "/"))
    }

    /// [`Config::read`], the file named `name` in diagnostics (so that they do not depend on
    /// where the workspace is).
    pub fn read_named(path: &Path, name: &str) -> Result<(Config, Vec<Diagnostic>), ConfigErrors> {
        let text =
            crate::read::read_file(path, "the configuration").map_err(|error| vec![error])?;
        let (mut config, warnings) = Config::parse(name, &text)?;
        let folder = path.parent().unwrap_or(Path::new(""));
        for docs in &mut config.inputs.docs {
            docs.dir = folder.join(&docs.dir);
        }
        Ok((config, warnings))
    }

    /// Checks the text of a `docgen.toml` that diagnostics call `file`.
    pub fn parse(file: &str, text: &str) -> Result<(Config, Vec<Diagnostic>), ConfigErrors> {
        let source = TomlSource {
            file: Arc::from(file),
            text,
        };
        let raw: file::File = toml::from_str(text).map_err(|error| {
            let span = error.span().unwrap_or(0..0);
            vec![source.diagnostic(Severity::Error, span, error.message().to_string())]
        })?;
        let mut diagnostics = Vec::new();
        let config = Config {
            inputs: inputs(&source, raw.inputs, &mut diagnostics),
            output: output(&source, raw.output, &mut diagnostics),
            fixes: {
                let fixes = raw
                    .fixes
                    .into_iter()
                    .filter_map(|fix| fixes::check_fix(&source, fix, &mut diagnostics))
                    .collect();
                fixes::check_together(fixes, &mut diagnostics)
            },
        };
        if diagnostics.iter().any(|d| d.severity == Severity::Error) {
            diagnostics.sort();
            return Err(diagnostics);
        }
        Ok((config, diagnostics))
    }
}

fn strings(values: Vec<toml::Spanned<String>>) -> Vec<String> {
    values.into_iter().map(toml::Spanned::into_inner).collect()
}

fn inputs(source: &TomlSource, raw: file::Inputs, diagnostics: &mut Vec<Diagnostic>) -> Inputs {
    for glob in raw.include.iter().chain(&raw.exclude) {
        if let Err(error) = globset::Glob::new(glob.get_ref()) {
            diagnostics.push(source.diagnostic(
                Severity::Error,
                glob.span(),
                format!("{:?} is no glob: {error}", glob.get_ref()),
            ));
        }
    }
    let chosen = |names: Vec<toml::Spanned<String>>| -> Vec<Chosen> {
        names
            .into_iter()
            .map(|name| Chosen {
                at: source.place(&name.span()),
                name: name.into_inner(),
            })
            .collect()
    };
    Inputs {
        docs: raw
            .docs
            .map(|docs| folders(source, docs, diagnostics))
            .unwrap_or_default(),
        include: strings(raw.include),
        exclude: strings(raw.exclude),
        subset: Subset {
            namespaces: chosen(raw.namespaces),
            areas: chosen(raw.areas),
        },
    }
}

/// The folders of `docs`, each named as written without `./` or a trailing `/`; an error for
/// none, or for two that are the same or one inside the other (their pages would be read
/// twice).
fn folders(
    source: &TomlSource,
    docs: toml::Spanned<file::Folders>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<DocsFolder> {
    let span = docs.span();
    let written = match docs.into_inner() {
        file::Folders::One(folder) => vec![folder],
        file::Folders::Several(folders) => folders,
    };
    if written.is_empty() {
        diagnostics.push(source.diagnostic(
            Severity::Error,
            span.clone(),
            "no docs folder: expected a folder, or a list of one or more".to_string(),
        ));
    }
    let folders: Vec<DocsFolder> = written
        .iter()
        .map(|folder| {
            let name = folder.replace('\\', "/");
            let name = name.trim_start_matches("./").trim_end_matches('/');
            DocsFolder {
                dir: PathBuf::from(folder),
                name: name.to_string(),
            }
        })
        .collect();
    // As written: `a` and `a/b` overlap, `a` and `ab` do not.
    let within = |inner: &str, outer: &str| {
        inner == outer
            || inner
                .strip_prefix(outer)
                .is_some_and(|r| r.starts_with('/'))
    };
    for (at, folder) in folders.iter().enumerate() {
        let overlaps = |other: &&DocsFolder| {
            within(&folder.name, &other.name) || within(&other.name, &folder.name)
        };
        if let Some(other) = folders[..at].iter().find(overlaps) {
            diagnostics.push(source.diagnostic(
                Severity::Error,
                span.clone(),
                format!(
                    "docs folders {:?} and {:?} overlap: expected folders apart, so that no page is read twice",
                    other.name, folder.name
                ),
            ));
        }
    }
    folders
}

fn output(source: &TomlSource, raw: file::Output, diagnostics: &mut Vec<Diagnostic>) -> Output {
    let crate_name = raw
        .crate_name
        .and_then(|name| match name.get_ref().parse::<CrateName>() {
            Ok(parsed) => Some(parsed),
            Err(why) => {
                diagnostics.push(source.diagnostic(Severity::Error, name.span(), why));
                None
            }
        });
    let mut primitives = PrimitiveChoices::default();
    for (edm, choice) in &raw.primitives {
        if let Err(why) = primitives.choose(edm.get_ref(), choice.get_ref()) {
            let span = if why.contains("no Edm primitive") {
                edm.span()
            } else {
                choice.span()
            };
            diagnostics.push(source.diagnostic(Severity::Error, span, why));
        }
    }
    Output {
        crate_name,
        doc_comments: raw.doc_comments.unwrap_or(true),
        additional_properties: raw.additional_properties.unwrap_or(true),
        primitives,
        derives: ExtraDerives {
            structs: derives(source, raw.struct_derives, DerivesOf::Structs, diagnostics),
            enums: derives(source, raw.enum_derives, DerivesOf::Enums, diagnostics),
        },
        module_names: module_names(source, raw.modules, diagnostics),
    }
}

/// The derives of one list: an error at each name that is none `of` can have, listed twice, or
/// whose requirement the list lacks.
fn derives(
    source: &TomlSource,
    names: Vec<toml::Spanned<String>>,
    of: DerivesOf,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ChosenDerive> {
    let mut chosen: Vec<ChosenDerive> = Vec::new();
    for name in &names {
        match Derive::parse(name.get_ref(), of) {
            Ok(derive) if chosen.iter().any(|c| c.derive == derive) => {
                diagnostics.push(source.diagnostic(
                    Severity::Error,
                    name.span(),
                    format!("`{}` is listed twice", name.get_ref()),
                ))
            }
            Ok(derive) => chosen.push(ChosenDerive {
                derive,
                at: source.place(&name.span()),
            }),
            Err(why) => diagnostics.push(source.diagnostic(Severity::Error, name.span(), why)),
        }
    }
    for derive in &chosen {
        if let Some(needed) = derive.derive.requires() {
            if !chosen.iter().any(|c| c.derive == needed) {
                diagnostics.push(derive.at.diagnostic(
                    Severity::Error,
                    format!(
                        "`{}` needs `{}`, which the list lacks: expected both",
                        derive.derive.name(),
                        needed.name()
                    ),
                ));
            }
        }
    }
    chosen.sort_by_key(|c| c.derive);
    chosen
}

/// The module names of `[output.modules]`: an error at a name Rust or the crate does not allow,
/// and at a name two levels beside each other both take (naming the other's line).
fn module_names(
    source: &TomlSource,
    raw: std::collections::BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> ModuleNames {
    let mut names = ModuleNames::new();
    // (parent level, module name) -> the level that took it.
    let mut taken: std::collections::BTreeMap<(String, String), (String, TomlPlace)> =
        std::collections::BTreeMap::new();
    let mut written: Vec<_> = raw.into_iter().collect();
    written.sort_by_key(|(namespace, _)| namespace.span().start);
    for (namespace, name) in written {
        let at = source.place(&name.span());
        if let Err(why) = check_module_name(namespace.get_ref(), name.get_ref()) {
            diagnostics.push(at.diagnostic(Severity::Error, why));
            continue;
        }
        let key = (parent_level(namespace.get_ref()), name.get_ref().clone());
        if let Some((other, other_at)) = taken.get(&key) {
            diagnostics.push(
                at.diagnostic(
                    Severity::Error,
                    format!(
                        "`{}` and `{other}` both become the module `{}`: expected a name per namespace",
                        namespace.get_ref(),
                        name.get_ref()
                    ),
                )
                .with_related(other_at.at.clone(), format!("`{other}` takes it here")),
            );
            continue;
        }
        taken.insert(key, (namespace.get_ref().clone(), at.clone()));
        names.insert(
            namespace.into_inner(),
            ModuleName {
                name: name.into_inner(),
                at,
            },
        );
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_reads_back_as_the_defaults() {
        let (config, warnings) = Config::parse(FILE_NAME, DEFAULT_FILE).unwrap();
        assert_eq!(config, Config::default());
        assert!(warnings.is_empty(), "{warnings:?}");
    }
}
