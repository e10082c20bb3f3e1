//! Stage 1: find the doc pages under a docs root and read them.
//!
//! Pages are the `*.md` files below the root, or the files matching the `--include` globs, but
//! for those matching an `exclude` glob of `docgen.toml`.
//! Paths are kept relative to the root with `/` separators, and sorted, so every later stage
//! sees the same order whatever the file system returns. Of several roots (`docs = [...]` in
//! `docgen.toml`) each page's path starts with its root's name as the file writes it
//! (`docs-a/resources/user.md`), so that paths stay distinct and do not depend on where the
//! roots are; the globs match the part below the root.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::diagnostic::{Diagnostic, DiagnosticKind, Location, Severity};
use crate::relative_path;

/// Reads a file the run needs besides the pages (`what` it is: "CSDL metadata", "schema", ...);
/// a failure is an `unreadable` error naming it.
pub fn read_file(path: &Path, what: &str) -> Result<String, Diagnostic> {
    std::fs::read_to_string(path).map_err(|error| {
        Diagnostic::new(
            Severity::Error,
            DiagnosticKind::Unreadable,
            None,
            format!("cannot read {what} {}: {error}", path.display()),
        )
    })
}

/// Which files under a docs root are pages.
#[derive(Debug, Clone)]
pub struct PageSelection {
    roots: Vec<DocsRoot>,
    include: GlobSet,
    exclude: GlobSet,
}

impl PageSelection {
    /// `include` globs match the path relative to the root (`*.txt`, `api/*.md`); a glob without
    /// a `/` also matches the file name alone. No globs means every `*.md` file.
    pub fn new(root: impl Into<PathBuf>, include: &[String]) -> Result<Self, Diagnostic> {
        let patterns: Vec<&str> = if include.is_empty() {
            vec!["*.md"]
        } else {
            include.iter().map(String::as_str).collect()
        };
        Ok(PageSelection {
            roots: vec![DocsRoot {
                dir: root.into(),
                prefix: String::new(),
            }],
            include: glob_set("--include", &patterns)?,
            exclude: GlobSet::empty(),
        })
    }

    /// Leaves out the files that match an `exclude` glob, as `include` globs match.
    pub fn excluding(mut self, exclude: &[String]) -> Result<Self, Diagnostic> {
        let patterns: Vec<&str> = exclude.iter().map(String::as_str).collect();
        self.exclude = glob_set("exclude", &patterns)?;
        Ok(self)
    }

    /// Reads the folders `roots`, if any, instead of the one given: each a folder and the name
    /// its pages' paths start with, which the caller keeps distinct and not inside one another.
    pub fn with_roots(mut self, roots: &[DocsFolder]) -> Self {
        if roots.is_empty() {
            return self;
        }
        let prefix = |folder: &DocsFolder| match roots.len() {
            1 => String::new(),
            _ => format!("{}/", folder.name),
        };
        self.roots = roots
            .iter()
            .map(|folder| DocsRoot {
                dir: folder.dir.clone(),
                prefix: prefix(folder),
            })
            .collect();
        self
    }

    fn selects(&self, relative: &str) -> bool {
        let file_name = relative.rsplit('/').next().unwrap_or(relative);
        let matches = |set: &GlobSet| set.is_match(relative) || set.is_match(file_name);
        matches(&self.include) && !matches(&self.exclude)
    }

    /// The selected files, as sorted root-relative paths.
    pub fn list(&self) -> Result<Vec<Arc<str>>, Diagnostic> {
        let mut files = Vec::new();
        for root in &self.roots {
            require_docs_folder(&root.dir)?;
            for entry in walkdir::WalkDir::new(&root.dir).follow_links(true) {
                let entry = entry.map_err(|error| {
                    Diagnostic::new(
                        Severity::Error,
                        DiagnosticKind::Unreadable,
                        None,
                        format!("cannot list {}: {error}", root.dir.display()),
                    )
                })?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let Some(relative) = relative_path::under(&root.dir, entry.path()) else {
                    continue;
                };
                if self.selects(&relative) {
                    files.push(Arc::from(format!("{}{relative}", root.prefix)));
                }
            }
        }
        files.sort();
        Ok(files)
    }

    /// Each docs folder, with the prefix its pages' paths start with (empty for one folder).
    pub fn folders(&self) -> impl Iterator<Item = (&str, &Path)> {
        self.roots
            .iter()
            .map(|root| (root.prefix.as_str(), root.dir.as_path()))
    }

    /// The folder of `path`, a path [`PageSelection::list`] gave, and `path` below it.
    fn locate<'p>(&self, path: &'p str) -> (&Path, &'p str) {
        self.roots
            .iter()
            .find_map(|root| Some((root.dir.as_path(), path.strip_prefix(&root.prefix)?)))
            .unwrap_or((Path::new(""), path))
    }

    /// Reads one selected file. Non-UTF-8 bytes are replaced and reported, not fatal.
    pub fn read(&self, relative: &Arc<str>) -> Result<SourceText, Diagnostic> {
        let (root, below) = self.locate(relative);
        let bytes = std::fs::read(root.join(below)).map_err(|error| {
            Diagnostic::error(
                DiagnosticKind::Unreadable,
                Location::new(relative, 1),
                format!("cannot read page: {error}"),
            )
        })?;
        let (mut text, lossy) = match String::from_utf8(bytes) {
            Ok(text) => (text, false),
            Err(error) => (String::from_utf8_lossy(error.as_bytes()).into_owned(), true),
        };
        untab_table_delimiter_rows(&mut text);
        Ok(SourceText {
            path: Arc::clone(relative),
            text,
            lossy,
        })
    }
}

/// A docs folder of several: where it is, and its name as `docgen.toml` writes it, which the
/// paths of its pages start with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocsFolder {
    pub dir: PathBuf,
    pub name: String,
}

/// A docs folder, and what the paths of its pages start with.
#[derive(Debug, Clone)]
struct DocsRoot {
    dir: PathBuf,
    /// Empty for a single root, else the root's name and `/`.
    prefix: String,
}

/// The globs of `option` as one set; an error naming the one that is no glob.
fn glob_set(option: &str, patterns: &[&str]) -> Result<GlobSet, Diagnostic> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|error| {
            Diagnostic::new(
                Severity::Error,
                DiagnosticKind::Malformed,
                None,
                format!("{option} {pattern:?} is not a valid glob: {error}"),
            )
        })?;
        builder.add(glob);
    }
    builder.build().map_err(|error| {
        Diagnostic::new(
            Severity::Error,
            DiagnosticKind::Malformed,
            None,
            format!("{option} globs could not be combined: {error}"),
        )
    })
}

/// Tabs in a table's delimiter row (`| --- |---\t|`) become spaces. GitHub's table extension
/// reads such a row as whitespace around the dashes; pulldown-cmark reads the whole table as
/// a paragraph. Offsets and line numbers are unchanged (one byte for one byte).
fn untab_table_delimiter_rows(text: &mut String) {
    // Only the lines that hold a tab are looked at: most pages have none, or few.
    let mut tabs = Vec::new();
    let mut checked_up_to = 0;
    for (at, _) in text.match_indices('\t') {
        if at < checked_up_to {
            continue;
        }
        let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        checked_up_to = end;
        let line = &text[start..end];
        let is_delimiter_row = line.contains('|')
            && line.contains('-')
            && line.bytes().all(|b| b"|:- \t\r".contains(&b));
        if is_delimiter_row {
            tabs.extend(line.match_indices('\t').map(|(i, _)| start + i));
        }
    }
    for at in tabs {
        text.replace_range(at..at + 1, " ");
    }
}

/// One page's text, as read.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub path: Arc<str>,
    pub text: String,
    /// The file was not valid UTF-8 and invalid bytes were replaced.
    pub lossy: bool,
}

#[cfg(test)]
impl SourceText {
    /// A page of valid UTF-8 as read from `path`, for the tests that parse Markdown.
    pub(crate) fn for_test(path: &str, text: impl Into<String>) -> Self {
        SourceText {
            path: Arc::from(path),
            text: text.into(),
            lossy: false,
        }
    }
}

/// Fails with a diagnostic unless `root` is a folder: the one check every reader of a docs
/// folder makes first.
pub(crate) fn require_docs_folder(root: &Path) -> Result<(), Diagnostic> {
    if root.is_dir() {
        return Ok(());
    }
    Err(Diagnostic::new(
        Severity::Error,
        DiagnosticKind::Unreadable,
        None,
        format!(
            "docs folder {} does not exist or is not a folder",
            root.display()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::untab_table_delimiter_rows;

    #[test]
    fn tabs_in_delimiter_rows_become_spaces_and_nothing_else_moves() {
        let mut text = "| a\t| b |\n| --- |---\t \t| \n| x\t| y |\n".to_string();
        untab_table_delimiter_rows(&mut text);
        assert_eq!(text, "| a\t| b |\n| --- |---   | \n| x\t| y |\n");
    }
}
