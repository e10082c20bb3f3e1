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

use std::collections::BTreeMap;

use super::names::{snake_case, Case, Scope};
use super::odata::ODATA_MODULE;

/// The name of the crate-private module of helpers the generated code calls.
pub const SUPPORT_MODULE: &str = "support";

/// Names no namespace module may take at the crate root: the shared and support modules, and the
/// file names Cargo gives a meaning in `src/` (`lib.rs`, `main.rs`, `bin/`).
const RESERVED_AT_ROOT: [&str; 5] = [ODATA_MODULE, SUPPORT_MODULE, "lib", "main", "bin"];

/// The module path of every namespace, and the submodules of every module.
#[derive(Debug, Default)]
pub struct ModuleTree {
    /// Namespace -> module path (Rust names).
    pub paths: BTreeMap<String, Vec<String>>,
    /// Module path -> its submodules' names, in claim order. The root is the empty path.
    pub children: BTreeMap<Vec<String>, Vec<String>>,
}

/// Lays out `namespaces` (given in schema order) as modules.
pub fn module_tree<'a>(namespaces: impl IntoIterator<Item = &'a str>) -> ModuleTree {
    let mut tree = ModuleTree::default();
    // (parent path) -> the names claimed under it; (namespace prefix) -> its module path.
    let mut scopes: BTreeMap<Vec<String>, Scope> = BTreeMap::new();
    let mut root = Scope::new(Case::Snake);
    for reserved in RESERVED_AT_ROOT {
        root.claim(reserved);
    }
    scopes.insert(Vec::new(), root);
    let mut prefixes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    tree.children.insert(Vec::new(), Vec::new());

    for namespace in namespaces {
        if tree.paths.contains_key(namespace) {
            continue;
        }
        let segments: Vec<&str> = namespace.split('.').collect();
        // `microsoft.graph` is one level: its first prefix spans both segments.
        let first = if segments.len() > 1 && segments[0] == "microsoft" {
            2
        } else {
            1
        };
        let mut path = Vec::new();
        for end in first..=segments.len() {
            let prefix = segments[..end].join(".");
            if let Some(known) = prefixes.get(&prefix) {
                path = known.clone();
                continue;
            }
            let scope = scopes
                .entry(path.clone())
                .or_insert_with(|| Scope::new(Case::Snake));
            let name = scope.claim(&snake_case(segments[end - 1]));
            tree.children
                .entry(path.clone())
                .or_default()
                .push(name.clone());
            path.push(name);
            tree.children.entry(path.clone()).or_default();
            prefixes.insert(prefix, path.clone());
        }
        tree.paths.insert(namespace.to_string(), path);
    }
    tree
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(tree: &ModuleTree, namespace: &str) -> String {
        tree.paths[namespace].join("::")
    }

    #[test]
    fn namespaces_nest_under_graph() {
        let tree = module_tree([
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
        let tree = module_tree([
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
}
