//! The last stage: files on disk. Every write goes through here, so nothing is half-written
//! (write to a temporary file beside the target, then rename), and unchanged files are left
//! untouched.

use std::path::Path;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity};

fn output_error(path: &Path, what: &str, error: std::io::Error) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        DiagnosticKind::Output,
        None,
        format!("cannot {what} {}: {error}", path.display()),
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
