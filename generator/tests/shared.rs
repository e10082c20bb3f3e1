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

/// Writes a generated crate (its manifest among `files`) into `name` under `work` (fresh, so that
/// nothing of an earlier render is built), with the workspace's lock file, so that `--offline`
/// finds its dependencies, and runs `cargo` with each of `runs` on it, warnings denied, in
/// `work`'s target folder, which the tests share so that only a first run builds the
/// dependencies. The failed runs, each with its output. Crates written to one `work` need
/// names of their own: cargo tells a root package's builds apart by name, not by folder.
pub fn cargo_runs(
    work: &std::path::Path,
    name: &str,
    files: &[graph_docgen::rust::GeneratedFile],
    runs: &[Vec<&str>],
) -> Vec<String> {
    let krate = work.join(name);
    if krate.exists() {
        std::fs::remove_dir_all(&krate).unwrap();
    }
    for file in files {
        graph_docgen::write::write_if_changed(&krate.join(&file.path), &file.contents).unwrap();
    }
    let workspace_lock = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
    std::fs::copy(workspace_lock, krate.join("Cargo.lock")).unwrap();
    let mut failures = Vec::new();
    for args in runs {
        let output = std::process::Command::new(env!("CARGO"))
            .args(args)
            .arg("--manifest-path")
            .arg(krate.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", work.join("target"))
            .env("RUSTFLAGS", "-D warnings")
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .output()
            .unwrap_or_else(|error| panic!("cannot run cargo ({}): {error}", env!("CARGO")));
        if !output.status.success() {
            failures.push(format!(
                "cargo {}:\n{}{}",
                args.join(" "),
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    failures
}
