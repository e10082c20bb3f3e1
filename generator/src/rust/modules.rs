//! Which module each namespace becomes.
//!
//! The rule: drop a leading `microsoft.` (when something follows it), then every remaining
//! dot-separated segment is one module level, in `snake_case`: `microsoft.graph` -> `graph`
//! (`src/graph.rs`), `microsoft.graph.callRecords` -> `graph::call_records`
//! (`src/graph/call_records.rs`), `contoso.widgets` -> `contoso::widgets`. A level that no
//! namespace names by itself (`contoso`) is a module holding only its submodules.
//!
//! Collisions (`microsoft.graph` and `graph`, or `callRecords` and `CallRecords`): namespaces are
//! taken in schema order (case-insensitive, then as written) and the submodules of one module
//! are claimed in that order, so the later one is numbered (`graph_2`). At the crate root the
//! names `odata` and `support` (the generated shared and support modules), `lib`, `main` and
//! `bin` are taken first.
//!
//! A `docgen.toml` may name the module of a namespace, or of a namespace's prefix that is a
//! level (`[output.modules]`, [`ModuleNames`]): the name replaces that level's own, where it
//! is (`"microsoft.graph.callRecords" = "records"` -> `graph::records`; a namespace under it
//! follows). Those names are claimed in their module before any other, so they are never
//! numbered; a namespace whose own name one of them takes is numbered, with a warning.

use std::collections::{BTreeMap, BTreeSet};

use super::names::{snake_case, Case, Scope};
use super::odata::ODATA_MODULE;
use crate::config::TomlPlace;

/// The name of the crate-private module of helpers the generated code calls.
pub const SUPPORT_MODULE: &str = "support";

/// Names no namespace module may take at the crate root: the shared and support modules, and the
/// file names Cargo gives a meaning in `src/` (`lib.rs`, `main.rs`, `bin/`).
const RESERVED_AT_ROOT: [&str; 5] = [ODATA_MODULE, SUPPORT_MODULE, "lib", "main", "bin"];

/// A module name that `docgen.toml` gives a namespace or level, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleName {
    pub name: String,
    pub at: TomlPlace,
}

/// Namespace (or level of one, such as `microsoft.graph`) -> the name of its module.
pub type ModuleNames = BTreeMap<String, ModuleName>;

/// The module path of every namespace, and the submodules of every module.
#[derive(Debug, Default)]
pub struct ModuleTree {
    /// Namespace -> module path (Rust names).
    pub paths: BTreeMap<String, Vec<String>>,
    /// Module path -> its submodules' names, in claim order. The root is the empty path.
    pub children: BTreeMap<Vec<String>, Vec<String>>,
    /// Every level of a namespace (`microsoft.graph`, `microsoft.graph.callRecords`).
    pub levels: BTreeSet<String>,
    /// (a level of [`ModuleNames`], a level numbered because that one took its name).
    pub displaced: Vec<(String, String)>,
}

/// The levels of a namespace, each a module: its prefixes, `microsoft.` joined to the next
/// segment (`microsoft.graph.callRecords` -> `microsoft.graph`, `microsoft.graph.callRecords`).
fn levels(namespace: &str) -> Vec<String> {
    let segments: Vec<&str> = namespace.split('.').collect();
    let first = if segments.len() > 1 && segments[0] == "microsoft" {
        2
    } else {
        1
    };
    (first..=segments.len())
        .map(|end| segments[..end].join("."))
        .collect()
}

/// The level whose module holds the level `namespace`'s; `""` for the crate root.
pub fn parent_level(namespace: &str) -> String {
    let mut levels = levels(namespace);
    levels.pop();
    levels.pop().unwrap_or_default()
}

/// Whether `name` may be the module of the level `namespace`: a `snake_case` Rust identifier
/// that is no keyword and, at the crate root, no name the crate takes itself.
pub fn check_module_name(namespace: &str, name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let well_formed = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !well_formed || name == "_" {
        return Err(format!(
            "`{name}` is not a module name: expected lower-case ASCII letters, digits and `_`, \
             starting with a letter or `_` (such as `call_records`)"
        ));
    }
    if syn::parse_str::<syn::Ident>(name).is_err() {
        return Err(format!(
            "`{name}` is not a module name: it is a Rust keyword"
        ));
    }
    if parent_level(namespace).is_empty() && RESERVED_AT_ROOT.contains(&name) {
        return Err(format!(
            "`{name}` is not a module name at the crate root: the crate has its own `{name}`; \
             expected another name"
        ));
    }
    Ok(())
}

/// Lays out `namespaces` (given in schema order) as modules, with the names `names` gives.
pub fn module_tree<'a>(
    namespaces: impl IntoIterator<Item = &'a str>,
    names: &ModuleNames,
) -> ModuleTree {
    let mut tree = ModuleTree::default();
    // The configured names under each level (`""` the root), claimed as its scope is made.
    let mut configured: BTreeMap<String, Vec<(&str, &str)>> = BTreeMap::new();
    for (level, name) in names {
        configured
            .entry(parent_level(level))
            .or_default()
            .push((name.name.as_str(), level.as_str()));
    }
    let new_scope = |level: &str, reserved: &[&str]| {
        let mut scope = Scope::new(Case::Snake);
        let chosen = configured
            .get(level)
            .into_iter()
            .flatten()
            .map(|(name, _)| name);
        for name in reserved.iter().chain(chosen) {
            scope.claim(name);
        }
        scope
    };
    // (module path) -> the names claimed under it; (level) -> its module path.
    let mut scopes: BTreeMap<Vec<String>, Scope> = BTreeMap::new();
    scopes.insert(Vec::new(), new_scope("", &RESERVED_AT_ROOT));
    let mut prefixes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    tree.children.insert(Vec::new(), Vec::new());

    for namespace in namespaces {
        if tree.paths.contains_key(namespace) {
            continue;
        }
        let mut path = Vec::new();
        let mut parent = String::new();
        for level in levels(namespace) {
            if let Some(known) = prefixes.get(&level) {
                path = known.clone();
                parent = level;
                continue;
            }
            let name = match names.get(&level) {
                Some(configured) => configured.name.clone(),
                None => {
                    let own = snake_case(level.rsplit('.').next().unwrap_or_default());
                    let scope = scopes
                        .entry(path.clone())
                        .or_insert_with(|| new_scope(&parent, &[]));
                    let claimed = scope.claim(&own);
                    let taker = configured
                        .get(&parent)
                        .and_then(|chosen| chosen.iter().find(|(name, _)| **name == own));
                    if let Some((_, taker)) = taker {
                        tree.displaced.push((taker.to_string(), level.clone()));
                    }
                    claimed
                }
            };
            tree.children
                .entry(path.clone())
                .or_default()
                .push(name.clone());
            path.push(name);
            tree.children.entry(path.clone()).or_default();
            scopes.insert(path.clone(), new_scope(&level, &[]));
            tree.levels.insert(level.clone());
            prefixes.insert(level.clone(), path.clone());
            parent = level;
        }
        tree.paths.insert(namespace.to_string(), path);
    }
    tree
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module_tree_of<const N: usize>(namespaces: [&str; N]) -> ModuleTree {
        module_tree(namespaces, &ModuleNames::new())
    }

    fn path(tree: &ModuleTree, namespace: &str) -> String {
        tree.paths[namespace].join("::")
    }

    #[test]
    fn namespaces_nest_under_graph() {
        let tree = module_tree_of([
            "microsoft.graph",
            "microsoft.graph.callRecords",
            "microsoft.graph.externalConnectors",
        ]);
        assert_eq!(path(&tree, "microsoft.graph"), "graph");
        assert_eq!(
            path(&tree, "microsoft.graph.callRecords"),
            "graph::call_records"
        );
        assert_eq!(tree.children[&Vec::new()], ["graph"]);
        assert_eq!(
            tree.children[&vec!["graph".to_string()]],
            ["call_records", "external_connectors"]
        );
    }

    #[test]
    fn module_collisions_are_numbered_and_odata_and_support_are_reserved() {
        let tree = module_tree_of([
            "contoso.widgets",
            "graph",
            "microsoft.graph",
            "microsoft.support",
            "microsoft.type",
            "microsoft.lib",
            "odata",
        ]);
        assert_eq!(path(&tree, "contoso.widgets"), "contoso::widgets");
        assert_eq!(path(&tree, "graph"), "graph");
        assert_eq!(path(&tree, "microsoft.graph"), "graph_2");
        assert_eq!(path(&tree, "microsoft.support"), "support_2");
        assert_eq!(path(&tree, "microsoft.type"), "r#type");
        assert_eq!(path(&tree, "microsoft.lib"), "lib_2");
        assert_eq!(path(&tree, "odata"), "odata_2");
        assert_eq!(
            tree.children[&Vec::new()],
            [
                "contoso",
                "graph",
                "graph_2",
                "support_2",
                "r#type",
                "lib_2",
                "odata_2"
            ]
        );
        assert!(tree.children[&vec!["contoso".to_string()]] == ["widgets"]);
    }

    #[test]
    fn configured_names_are_claimed_first_and_namespaces_under_them_follow() {
        let name = |name: &str| ModuleName {
            name: name.to_string(),
            at: TomlPlace {
                at: crate::diagnostic::Location::new(&std::sync::Arc::from("docgen.toml"), 1),
            },
        };
        let names = ModuleNames::from([
            ("microsoft.graph".to_string(), name("models")),
            (
                "microsoft.graph.callRecords".to_string(),
                name("external_connectors"),
            ),
        ]);
        let tree = module_tree(
            [
                "microsoft.graph",
                "microsoft.graph.externalConnectors",
                "microsoft.graph.callRecords",
            ],
            &names,
        );
        assert_eq!(path(&tree, "microsoft.graph"), "models");
        assert_eq!(
            path(&tree, "microsoft.graph.callRecords"),
            "models::external_connectors"
        );
        assert_eq!(
            path(&tree, "microsoft.graph.externalConnectors"),
            "models::external_connectors_2"
        );
        assert_eq!(
            tree.displaced,
            [(
                "microsoft.graph.callRecords".to_string(),
                "microsoft.graph.externalConnectors".to_string()
            )]
        );
    }
}
