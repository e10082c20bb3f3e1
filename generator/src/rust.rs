//! Stage 5: the schema as a Rust crate, as files in memory (the write stage puts them on disk).

/// One file of a generated crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Relative to the crate root, `/`-separated (`src/microsoft_graph.rs`).
    pub path: String,
    pub contents: String,
}
