//! The `documented` universe: metadata types that have a page under the docs folder. Decided
//! from file names and headings as `fidelity.py` decides it, not from what the generator
//! extracted, so that both score the same types.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Diagnostic;
use crate::schema::Kind;

/// `## operationStatus values`: an enum documented on some other type's page.
static ENUM_VALUES_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?im)^#+\s*`?(\w+)`?\s+values\b").expect("valid regex"));

#[derive(Debug, Default)]
pub(super) struct DocumentedNames {
    /// Lower-cased stems of `resources/*.md`, and of each the part after its last `-`.
    pages: HashSet<String>,
    /// Lower-cased names under an enum values heading in any `.md` file.
    enum_headings: HashSet<String>,
}

impl DocumentedNames {
    /// The names the pages under `roots` document, every folder's together.
    pub fn scan(roots: &[PathBuf]) -> Result<Self, Diagnostic> {
        let mut names = DocumentedNames::default();
        for root in roots {
            crate::read::require_docs_folder(root)?;
            names.scan_folder(root);
        }
        Ok(names)
    }

    fn scan_folder(&mut self, root: &Path) {
        let names = self;
        for entry in walkdir::WalkDir::new(root).into_iter().flatten() {
            let path = entry.path();
            let file_name = entry.file_name().to_string_lossy();
            let Some(stem) = file_name.strip_suffix(".md") else {
                continue;
            };
            if path.is_dir() {
                continue;
            }
            if is_resource_page(path) {
                let stem = stem.to_lowercase();
                if let Some((_, last)) = stem.rsplit_once('-') {
                    names.pages.insert(last.to_string());
                }
                names.pages.insert(stem);
            }
            let Ok(bytes) = std::fs::read(path) else {
                continue;
            };
            // Python reads text with universal newlines, and `^` only follows `\n`.
            let text = String::from_utf8_lossy(&bytes)
                .replace("\r\n", "\n")
                .replace('\r', "\n");
            names.enum_headings.extend(
                ENUM_VALUES_HEADING
                    .captures_iter(&text)
                    .map(|captures| captures[1].to_lowercase()),
            );
        }
    }

    /// Whether the type with this lower-cased qualified name has a page.
    pub fn documents(&self, key: &str, kind: Kind) -> bool {
        let name = key.rsplit('.').next().unwrap_or(key);
        self.pages.contains(name) || (kind == Kind::Enum && self.enum_headings.contains(name))
    }
}

/// Whether a file is in a folder named `resources`: where the docs keep a type's own page.
pub(super) fn is_resource_page(path: &Path) -> bool {
    path.parent().and_then(Path::file_name) == Some(OsStr::new("resources"))
}
