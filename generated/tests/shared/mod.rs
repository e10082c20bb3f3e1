//! Where the third-party material lives for the tests that need it (see `build.rs`).

use std::path::PathBuf;

/// `$GRAPH_DOCGEN_SHARED` (a relative path is taken from the workspace root), which must exist
/// when set: a set but wrong path fails the test.
pub fn shared_dir() -> PathBuf {
    let value = std::env::var_os("GRAPH_DOCGEN_SHARED")
        .expect("GRAPH_DOCGEN_SHARED is set when shared_corpus is");
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = workspace.join(value);
    assert!(
        dir.is_dir(),
        "GRAPH_DOCGEN_SHARED={} is not a folder",
        dir.display()
    );
    dir
}
