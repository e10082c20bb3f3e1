//! The pages' text at render time: the read stage already holds it, so the human form shows a
//! diagnostic's line without reading the file again, and every form names the page by its path
//! from the working directory, as CI annotations need.

use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use super::Diagnostic;

/// Page texts by their path below the docs root, and how to name that root.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// Each docs folder as the working directory reaches it (`docs-input`, `../shared/seeds`),
    /// with the prefix its pages' paths start with (empty for one folder).
    roots: Vec<(String, PathBuf)>,
    /// Every page read, by its path below the roots; other files a diagnostic names (a
    /// `docgen.toml`) are named as they are.
    pages: HashSet<Arc<str>>,
    texts: BTreeMap<Arc<str>, String>,
}

impl Sources {
    /// No texts: locations are named by their root-relative path and shown without a line.
    pub fn empty() -> Self {
        Sources::default()
    }

    /// `roots` are the docs folders as given, each with the prefix of its pages' paths; they
    /// are named from the working directory.
    pub fn new<'a>(roots: impl IntoIterator<Item = (&'a str, &'a Path)>) -> Self {
        Sources {
            roots: roots
                .into_iter()
                .map(|(prefix, dir)| (prefix.to_string(), relative_to_working_directory(dir)))
                .collect(),
            pages: HashSet::new(),
            texts: BTreeMap::new(),
        }
    }

    /// A page of the docs, with its text when it could be read.
    pub fn insert(&mut self, file: Arc<str>, text: Option<String>) {
        if let Some(text) = text {
            self.texts.insert(Arc::clone(&file), text);
        }
        self.pages.insert(file);
    }

    /// Keeps the texts of the pages `diagnostics` point at, and only those: a page whose text
    /// was not kept is read with `read`.
    pub fn retain_shown(
        &mut self,
        diagnostics: &[Diagnostic],
        read: impl Fn(&Arc<str>) -> Option<String>,
    ) {
        let shown: HashSet<&Arc<str>> = diagnostics
            .iter()
            .flat_map(|d| d.location.iter().chain(d.related.iter().map(|(at, _)| at)))
            .map(|at| &at.file)
            .filter(|file| self.pages.contains(*file))
            .collect();
        self.texts.retain(|file, _| shown.contains(file));
        for file in shown {
            if !self.texts.contains_key(file) {
                if let Some(text) = read(file) {
                    self.texts.insert(Arc::clone(file), text);
                }
            }
        }
    }

    /// The text of `file`, if it was read.
    pub fn text(&self, file: &str) -> Option<&str> {
        self.texts.get(file).map(String::as_str)
    }

    /// The path of `file` (relative to the docs root) from the working directory.
    pub fn display_path(&self, file: &str) -> String {
        if !self.pages.contains(file) {
            return file.to_string();
        }
        let found = self
            .roots
            .iter()
            .find_map(|(prefix, root)| Some((root, file.strip_prefix(prefix.as_str())?)));
        match found {
            Some((root, below)) if !root.as_os_str().is_empty() => {
                root.join(below).to_string_lossy().replace('\\', "/")
            }
            _ => file.to_string(),
        }
    }

    /// Line `line` (1-based) of `file`, without its line break.
    pub fn line(&self, file: &str, line: u32) -> Option<&str> {
        let text = self.texts.get(file)?;
        let index = usize::try_from(line.checked_sub(1)?).ok()?;
        text.split('\n')
            .nth(index)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }
}

/// `path` relative to the working directory when it lies below it, else as given, with `.`
/// parts dropped.
fn relative_to_working_directory(path: &Path) -> PathBuf {
    let below = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf));
    let path = below.unwrap_or_else(|| path.to_path_buf());
    path.components()
        .filter(|part| !matches!(part, Component::CurDir))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_by_number_and_paths_joined_to_the_root() {
        let mut sources = Sources::new([("", Path::new("./docs"))]);
        sources.insert(Arc::from("api/x.md"), Some("one\r\ntwo\nthree".to_string()));
        assert_eq!(sources.line("api/x.md", 2), Some("two"));
        assert_eq!(sources.line("api/x.md", 1), Some("one"));
        assert_eq!(sources.line("api/x.md", 4), None);
        assert_eq!(sources.line("api/x.md", 0), None);
        assert_eq!(sources.display_path("api/x.md"), "docs/api/x.md");
        // A file that is no page, such as a docgen.toml, is named as it is.
        assert_eq!(sources.display_path("docgen.toml"), "docgen.toml");
        assert_eq!(Sources::empty().display_path("api/x.md"), "api/x.md");
    }
}
