//! Where the third-party material lives for the tests and benchmarks that need it (see
//! `build.rs`), the generated crate's seed test (`generated/tests/seeds.rs`) included.

// Each test binary, and the corpus benchmark, uses the helpers it needs.
#![allow(dead_code)]

use std::path::PathBuf;

/// The Graph reference snapshot, one folder per API version, relative to the shared folder.
pub const CORPUS_DOCS: &str = "corpus/graph-docs-2021-07";

/// The API versions of the snapshot.
pub const CORPUS_VERSIONS: [&str; 2] = ["v1.0", "beta"];

/// The official v1.0 metadata of the snapshot's date, relative to the shared folder: read to
/// score a schema, never to make one.
pub const V1_CSDL: &str = "corpus/graph-metadata/v1.0-2021-07-13.csdl.xml";

/// `$GRAPH_DOCGEN_SHARED` (a relative path is taken from the workspace root), which must exist
/// when set: a set but wrong path fails the test.
pub fn shared_dir() -> PathBuf {
    shared_dir_if_set().expect("GRAPH_DOCGEN_SHARED is set when shared_corpus is")
}

/// [`shared_dir`], or `None` when `GRAPH_DOCGEN_SHARED` is unset or empty.
pub fn shared_dir_if_set() -> Option<PathBuf> {
    let value = std::env::var_os("GRAPH_DOCGEN_SHARED").filter(|v| !v.is_empty())?;
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = workspace.join(value);
    assert!(
        dir.is_dir(),
        "GRAPH_DOCGEN_SHARED={} is not a folder",
        dir.display()
    );
    Some(dir)
}

/// The pages of one API version of the snapshot (`v1.0` or `beta`).
pub fn corpus_docs(version: &str) -> PathBuf {
    shared_dir().join(CORPUS_DOCS).join(version)
}
