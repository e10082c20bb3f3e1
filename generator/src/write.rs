//! The last stage: files on disk. Every write goes through here, so nothing is half-written
//! (write to a temporary file beside the target, then rename), and unchanged files are left
//! untouched.
//!
//! [`sync_generated_files`] puts a generated crate into its folder, or, in check mode, says how
//! the folder differs from what would be generated, with a unified diff per file. A run that
//! reported an error syncs nothing: its output may lack files, which would count as orphans.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use similar::TextDiff;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use crate::relative_path;
use crate::rust::GeneratedFile;

/// Every generated file carries this in its first [`MARKER_LINES`] lines. It is how a sync tells
/// a generated file it no longer produces (deleted) from a hand-written one (never touched).
pub const GENERATED_MARKER: &str = "@generated";

/// How many lines from the top of a file the [`GENERATED_MARKER`] is looked for in.
pub const MARKER_LINES: usize = 5;

/// Past this many lines a stale file's diff is cut short when a report is displayed.
const DISPLAYED_DIFF_LINES: usize = 200;
/// The same for a missing or orphaned file, whose diff is the whole file: its start is enough.
const DISPLAYED_WHOLE_FILE_LINES: usize = 20;

fn output_error(path: &Path, what: &str, error: std::io::Error) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        DiagnosticKind::Output,
        None,
        format!("cannot {what} {}: {error}", path.display()),
    )
}

fn invalid_file(path: &str, why: &str) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        DiagnosticKind::Output,
        None,
        format!("generated file {path:?} {why}; nothing was written"),
    )
}

/// Writes `contents` to `path` unless it already holds exactly that. Returns whether it wrote.
pub fn write_if_changed(path: &Path, contents: &str) -> Result<bool, Diagnostic> {
    if std::fs::read(path).is_ok_and(|existing| existing == contents.as_bytes()) {
        return Ok(false);
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| output_error(parent, "create folder", e))?;
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{file_name}.tmp{}", std::process::id()));
    std::fs::write(&temporary, contents).map_err(|e| output_error(&temporary, "write", e))?;
    std::fs::rename(&temporary, path).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        output_error(path, "replace", e)
    })?;
    Ok(true)
}

/// What [`sync_generated_files`] does with the differences it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncMode {
    /// Write the stale and missing files, delete the orphaned ones.
    Write,
    /// Touch nothing; only report.
    Check,
}

/// How a file on disk differed from what is generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileState {
    /// On disk, with other contents.
    Stale,
    /// Generated, but not on disk.
    Missing,
    /// On disk with the [`GENERATED_MARKER`], but no longer generated.
    Orphaned,
}

impl FileState {
    /// What a check found: `stale`, `missing`, `orphaned`.
    pub fn as_str(self) -> &'static str {
        match self {
            FileState::Stale => "stale",
            FileState::Missing => "missing",
            FileState::Orphaned => "orphaned",
        }
    }

    /// What a write did about it: `updated`, `created`, `deleted`.
    pub fn fixed_as_str(self) -> &'static str {
        match self {
            FileState::Stale => "updated",
            FileState::Missing => "created",
            FileState::Orphaned => "deleted",
        }
    }
}

/// One file that differed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDrift {
    /// Relative to the synced folder, `/`-separated.
    pub path: String,
    pub state: FileState,
    /// Unified diff from the file on disk (`a/`) to the generated one (`b/`); `/dev/null` stands
    /// for the missing side. Line endings are normalised to `\n` on both sides.
    pub diff: String,
}

/// What a sync found (check mode) or did (write mode).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncReport {
    pub folder: PathBuf,
    pub mode: SyncMode,
    /// The files that differed, sorted by path.
    pub drift: Vec<FileDrift>,
    /// Generated files that were already up to date.
    pub unchanged: usize,
    /// The command that brings the folder up to date, quoted in check-mode reports.
    pub fix_command: String,
}

impl SyncReport {
    /// True when the folder held exactly the generated files before the sync.
    pub fn is_up_to_date(&self) -> bool {
        self.drift.is_empty()
    }

    pub fn count(&self, state: FileState) -> usize {
        self.drift.iter().filter(|d| d.state == state).count()
    }

    fn counts(&self, name: fn(FileState) -> &'static str) -> String {
        let mut parts: Vec<String> = [FileState::Stale, FileState::Missing, FileState::Orphaned]
            .into_iter()
            .filter(|&state| self.count(state) > 0)
            .map(|state| format!("{} {}", self.count(state), name(state)))
            .collect();
        parts.push(format!("{} unchanged", self.unchanged));
        parts.join(", ")
    }
}

/// Check mode: a list of the files, then their diffs, then the command to run.
/// Write mode: what was written and deleted. Shown diffs are cut short (after 200 lines, or 20
/// for a file that is wholly added or removed); the full diff stays in [`FileDrift::diff`].
impl fmt::Display for SyncReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let folder = self.folder.display();
        match self.mode {
            SyncMode::Write => {
                write!(f, "{folder}: {}", self.counts(FileState::fixed_as_str))?;
                for drift in &self.drift {
                    write!(f, "\n  {:<8} {}", drift.state.fixed_as_str(), drift.path)?;
                }
                Ok(())
            }
            SyncMode::Check if self.is_up_to_date() => {
                write!(f, "{folder} is up to date ({} files)", self.unchanged)
            }
            SyncMode::Check => {
                writeln!(
                    f,
                    "{folder} is out of date: {}",
                    self.counts(FileState::as_str)
                )?;
                for drift in &self.drift {
                    writeln!(f, "  {:<8} {}", drift.state.as_str(), drift.path)?;
                }
                for drift in &self.drift {
                    let shown_lines = match drift.state {
                        FileState::Stale => DISPLAYED_DIFF_LINES,
                        FileState::Missing | FileState::Orphaned => DISPLAYED_WHOLE_FILE_LINES,
                    };
                    writeln!(f)?;
                    write_shortened_diff(f, &drift.diff, shown_lines)?;
                }
                write!(
                    f,
                    "\nrun `{}` to update {folder}, then commit the result",
                    self.fix_command
                )
            }
        }
    }
}

fn write_shortened_diff(f: &mut fmt::Formatter<'_>, diff: &str, shown_lines: usize) -> fmt::Result {
    let total = diff.lines().count();
    for line in diff.lines().take(shown_lines) {
        writeln!(f, "{line}")?;
    }
    if total > shown_lines {
        writeln!(
            f,
            "... {} more lines of diff in this file",
            total - shown_lines
        )?;
    }
    Ok(())
}

/// One change a sync will make, with the real path on disk.
struct PlannedChange {
    drift: FileDrift,
    disk_path: PathBuf,
    /// The generated contents; `None` for an orphan.
    contents: Option<String>,
}

/// Makes `folder` hold exactly `files` (paths relative to `folder`), as far as generated files
/// go: in [`SyncMode::Write`] stale and missing files are written (unchanged ones are not
/// touched) and orphaned generated files are deleted; files without the [`GENERATED_MARKER`]
/// that are not among `files` are hand-written and left alone. In [`SyncMode::Check`] nothing
/// is written. Either way the report names every file that differed, with its diff.
///
/// `run_diagnostics` are those of the run that made `files` (reading the pages and rendering).
/// If one is an error, the run's files may be incomplete (a file whose code did not parse is
/// left out, a page that could not be read gives no types), and a file missing from them would
/// look like an orphan: the sync then neither writes nor checks, and fails with those errors.
///
/// Everything is read and compared before the first write, so bad input (an unsafe or
/// duplicate path, a file without the marker, an unreadable file) stops the sync with nothing
/// written. Line endings are normalised to `\n` before comparing and writing. Folders named
/// `target` or starting with `.` are not searched for orphans.
pub fn sync_generated_files(
    folder: &Path,
    files: &[GeneratedFile],
    run_diagnostics: &[Diagnostic],
    mode: SyncMode,
    fix_command: &str,
) -> Result<SyncReport, Diagnostic> {
    let errors: Vec<&Diagnostic> = run_diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        return Err(incomplete_run(folder, mode, &errors));
    }
    let mut generated_paths = BTreeSet::new();
    for file in files {
        check_relative_path(&file.path)?;
        if !generated_paths.insert(file.path.as_str()) {
            return Err(invalid_file(&file.path, "is generated twice"));
        }
        if !carries_marker(&mut file.contents.as_bytes()) {
            return Err(invalid_file(
                &file.path,
                &format!(
                    "does not carry the {GENERATED_MARKER} marker in its first {MARKER_LINES} \
                     lines, so it could not be told from a hand-written file later"
                ),
            ));
        }
    }

    let mut plan = Vec::new();
    let mut unchanged = 0;
    for file in files {
        let disk_path = folder.join(&file.path);
        let generated = normalize_newlines(&file.contents).into_owned();
        let (state, on_disk) = match std::fs::read(&disk_path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                let on_disk = normalize_newlines(&text).into_owned();
                if on_disk == generated {
                    unchanged += 1;
                    continue;
                }
                (FileState::Stale, on_disk)
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                (FileState::Missing, String::new())
            }
            Err(error) => return Err(output_error(&disk_path, "read", error)),
        };
        plan.push(PlannedChange {
            drift: FileDrift {
                diff: unified_diff(&file.path, state, &on_disk, &generated),
                path: file.path.clone(),
                state,
            },
            disk_path,
            contents: Some(generated),
        });
    }
    for (path, disk_path) in orphaned_files(folder, &generated_paths)? {
        let bytes = std::fs::read(&disk_path).map_err(|e| output_error(&disk_path, "read", e))?;
        let on_disk = normalize_newlines(&String::from_utf8_lossy(&bytes)).into_owned();
        plan.push(PlannedChange {
            drift: FileDrift {
                diff: unified_diff(&path, FileState::Orphaned, &on_disk, ""),
                path,
                state: FileState::Orphaned,
            },
            disk_path,
            contents: None,
        });
    }
    plan.sort_by(|a, b| a.drift.path.cmp(&b.drift.path));

    if mode == SyncMode::Write {
        for change in &plan {
            match &change.contents {
                Some(contents) => {
                    write_if_changed(&change.disk_path, contents)?;
                }
                None => remove_generated_file(folder, &change.disk_path)?,
            }
        }
    }
    Ok(SyncReport {
        folder: folder.to_path_buf(),
        mode,
        drift: plan.into_iter().map(|change| change.drift).collect(),
        unchanged,
        fix_command: fix_command.to_string(),
    })
}

/// Why a run with errors synced nothing, with the errors themselves: they are seen whichever
/// diagnostics a command prints.
fn incomplete_run(folder: &Path, mode: SyncMode, errors: &[&Diagnostic]) -> Diagnostic {
    let mut message = format!("{}:", refusal(folder, mode, errors.len()));
    for error in errors {
        message.push_str(&format!("\n  {}", error.to_string().replace('\n', "\n  ")));
    }
    Diagnostic::new(Severity::Error, DiagnosticKind::Output, None, message)
}

/// Why a run with `errors` error diagnostics writes (or checks) nothing, without the errors
/// themselves: for a command that has shown them already.
pub fn refusal(folder: &Path, mode: SyncMode, errors: usize) -> String {
    let folder = folder.display();
    let what_was_done = match mode {
        SyncMode::Write => format!("nothing was written to {folder}"),
        SyncMode::Check => format!("{folder} was not checked"),
    };
    let (count, them) = match errors {
        1 => ("1 error".to_string(), "it"),
        n => (format!("{n} errors"), "them"),
    };
    format!(
        "{what_was_done}: the run has {count}, so what it generated may lack files (which would \
         count as orphans and be deleted); fix {them} and run again"
    )
}

/// A generated path must stay inside the folder: relative, `/`-separated, no `.` or `..`.
fn check_relative_path(path: &str) -> Result<(), Diagnostic> {
    let unsafe_component = path
        .split('/')
        .any(|c| c.is_empty() || c == "." || c == ".." || c.contains(['\\', ':']));
    if unsafe_component {
        return Err(invalid_file(
            path,
            "is not a plain relative path (`/`-separated, no empty, `.` or `..` parts)",
        ));
    }
    Ok(())
}

fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether the first [`MARKER_LINES`] lines hold the [`GENERATED_MARKER`].
fn carries_marker(reader: &mut impl BufRead) -> bool {
    let mut line = Vec::new();
    for _ in 0..MARKER_LINES {
        line.clear();
        // A long first line is read only so far: the marker sits near the start.
        match reader.by_ref().take(4096).read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return false,
            Ok(_) => {
                if String::from_utf8_lossy(&line).contains(GENERATED_MARKER) {
                    return true;
                }
            }
        }
    }
    false
}

/// Files under `folder` that carry the marker but are not generated any more, as
/// (`/`-separated relative path, path on disk), sorted.
fn orphaned_files(
    folder: &Path,
    generated_paths: &BTreeSet<&str>,
) -> Result<Vec<(String, PathBuf)>, Diagnostic> {
    if !folder.exists() {
        return Ok(Vec::new());
    }
    let mut orphans = Vec::new();
    let walk = walkdir::WalkDir::new(folder)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let name = entry.file_name().to_string_lossy();
            entry.depth() == 0 || !(name.starts_with('.') || name == "target")
        });
    for entry in walk {
        let entry = entry.map_err(|error| {
            let path = error.path().unwrap_or(folder).to_path_buf();
            output_error(&path, "list", error.into())
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(relative) = relative_path::under(folder, entry.path()) else {
            continue;
        };
        if generated_paths.contains(relative.as_str()) {
            continue;
        }
        let file =
            std::fs::File::open(entry.path()).map_err(|e| output_error(entry.path(), "read", e))?;
        if carries_marker(&mut BufReader::new(file)) {
            orphans.push((relative, entry.path().to_path_buf()));
        }
    }
    Ok(orphans)
}

/// Deletes an orphan, then the folders it leaves empty, up to (not including) `folder`.
fn remove_generated_file(folder: &Path, path: &Path) -> Result<(), Diagnostic> {
    std::fs::remove_file(path).map_err(|e| output_error(path, "delete", e))?;
    let mut parent = path.parent();
    while let Some(dir) = parent.filter(|dir| *dir != folder && dir.starts_with(folder)) {
        // Fails (and stops) at the first folder that still holds something.
        if std::fs::remove_dir(dir).is_err() {
            break;
        }
        parent = dir.parent();
    }
    Ok(())
}

fn unified_diff(path: &str, state: FileState, on_disk: &str, generated: &str) -> String {
    let old_header = match state {
        FileState::Missing => "/dev/null".to_string(),
        FileState::Stale | FileState::Orphaned => format!("a/{path}"),
    };
    let new_header = match state {
        FileState::Orphaned => "/dev/null".to_string(),
        FileState::Stale | FileState::Missing => format!("b/{path}"),
    };
    TextDiff::from_lines(on_disk, generated)
        .unified_diff()
        .context_radius(3)
        .header(&old_header, &new_header)
        .to_string()
}
