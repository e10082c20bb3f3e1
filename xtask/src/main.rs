//! `cargo xtask`: the project's own tasks. `cargo xtask codegen` regenerates `generated/` from
//! `docs-input/` (and the README's sample of it); `--check` only reports how the committed code
//! differs.

mod readme_sample;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use graph_docgen::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use graph_docgen::read::PageSelection;
use graph_docgen::rust::{render_crate, CrateOptions, GeneratedFile};
use graph_docgen::write::{sync_generated_files, write_if_changed, SyncMode, SyncReport};

/// The command that regenerates `generated/`, named in its files and in drift reports.
const CODEGEN_COMMAND: &str = "cargo xtask codegen";

#[derive(Parser)]
#[command(name = "cargo xtask", about = "The project's own tasks")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Regenerate the graph-models crate in generated/ from the pages in docs-input/.
    Codegen {
        /// Write nothing; fail with a diff if generated/ is not what the generator makes.
        #[arg(long)]
        check: bool,
    },
}

/// What one codegen run read, generated and did.
struct Codegen {
    /// From reading the pages, then from rendering the crate.
    diagnostics: Vec<Diagnostic>,
    summary: String,
    report: SyncReport,
    readme: ReadmeSample,
}

/// What happened to the README's sample of the generated code.
enum ReadmeSample {
    UpToDate,
    Updated,
    /// Check mode: the diff that `cargo xtask codegen` would apply.
    Stale(String),
}

impl ReadmeSample {
    fn is_up_to_date(&self) -> bool {
        !matches!(self, ReadmeSample::Stale(_))
    }
}

/// The workspace root: the folder above this crate's.
fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map_or_else(|| manifest_dir.join(".."), Path::to_path_buf)
}

fn codegen(workspace: &Path, mode: SyncMode) -> Result<Codegen, Diagnostic> {
    let selection = PageSelection::new(workspace.join("docs-input"), &[])?;
    let docs = graph_docgen::load_docs(&selection)?;
    let options = CrateOptions {
        crate_name: "graph-models".into(),
        regenerate_command: CODEGEN_COMMAND.into(),
    };
    let (files, render_diagnostics) = render_crate(&docs.schema, &docs.examples, &options);
    let report = sync_generated_files(&workspace.join("generated"), &files, mode, CODEGEN_COMMAND)?;
    let readme = sync_readme_sample(workspace, &files, mode)?;
    let summary = docs.summary();
    let mut diagnostics = docs.diagnostics;
    diagnostics.extend(render_diagnostics);
    Ok(Codegen {
        diagnostics,
        summary,
        report,
        readme,
    })
}

fn sync_readme_sample(
    workspace: &Path,
    files: &[GeneratedFile],
    mode: SyncMode,
) -> Result<ReadmeSample, Diagnostic> {
    let path = workspace.join("README.md");
    let problem =
        |message: String| Diagnostic::new(Severity::Error, DiagnosticKind::Output, None, message);
    let on_disk = std::fs::read_to_string(&path)
        .map_err(|e| problem(format!("{}: cannot read: {e}", path.display())))?;
    let shown = files
        .iter()
        .find(|f| f.path == readme_sample::SHOWN_FILE)
        .ok_or_else(|| {
            problem(format!(
                "the generated crate has no {}",
                readme_sample::SHOWN_FILE
            ))
        })?;
    let expected = readme_sample::with_sample(&on_disk, &shown.contents).map_err(problem)?;
    Ok(match mode {
        _ if expected == on_disk => ReadmeSample::UpToDate,
        SyncMode::Write => {
            write_if_changed(&path, &expected)?;
            ReadmeSample::Updated
        }
        SyncMode::Check => ReadmeSample::Stale(readme_sample::diff(&on_disk, &expected)),
    })
}

fn main() -> ExitCode {
    let mode = match Cli::parse().task {
        Task::Codegen { check: true } => SyncMode::Check,
        Task::Codegen { check: false } => SyncMode::Write,
    };
    match codegen(&workspace_root(), mode) {
        Ok(run) => {
            for diagnostic in run
                .diagnostics
                .iter()
                .filter(|d| d.severity <= Severity::Warning)
            {
                eprintln!("{diagnostic}");
            }
            eprintln!("{}", run.summary);
            eprintln!("{}", run.report);
            match &run.readme {
                ReadmeSample::UpToDate => {}
                ReadmeSample::Updated => eprintln!("README.md: generated-code sample updated"),
                ReadmeSample::Stale(diff) => eprintln!(
                    "README.md: the generated-code sample is out of date\n{diff}\nrun `{CODEGEN_COMMAND}` to update it, then commit the result"
                ),
            }
            let up_to_date = run.report.is_up_to_date() && run.readme.is_up_to_date();
            if up_to_date || mode == SyncMode::Write {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(diagnostic) => {
            eprintln!("{diagnostic}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Plain `cargo test` fails when generated/ (or the README's sample of it) is out of date
    /// with docs-input/ or the generator.
    #[test]
    fn generated_code_is_up_to_date() {
        let run = match codegen(&workspace_root(), SyncMode::Check) {
            Ok(run) => run,
            Err(diagnostic) => panic!("codegen failed: {diagnostic}"),
        };
        assert!(run.report.is_up_to_date(), "{}", run.report);
        if let ReadmeSample::Stale(diff) = &run.readme {
            panic!("README.md's generated-code sample is out of date:\n{diff}");
        }
    }
}
