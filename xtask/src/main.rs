//! `cargo xtask`: the project's own tasks. `cargo xtask codegen` regenerates `generated/` from
//! `docs-input/` (and the README's sample of it); `--check` only reports how the committed code
//! differs. A run with an error diagnostic does neither, and fails.

mod readme_sample;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use graph_docgen::diagnostic::{
    ColorChoice, Diagnostic, DiagnosticKind, Format, Renderer, Report, Severity, Sources, Verbosity,
};
use graph_docgen::read::PageSelection;
use graph_docgen::rust::{render_crate, CrateOptions, GeneratedFile};
use graph_docgen::write::{sync_generated_files, write_if_changed, SyncMode, SyncReport};

/// The package name of `generated/`.
const CRATE_NAME: &str = "graph-models";

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
    #[command(after_help = "Examples:
  cargo xtask codegen                   # regenerate generated/ and the README's sample
  cargo xtask codegen --check           # fail with a diff when generated/ is stale
  cargo xtask codegen --check --format github

Exit status: 0 success; 1 the run has an error diagnostic, a file could not be written, or
(--check) generated/ is out of date.")]
    Codegen {
        /// Write nothing; fail with a diff if generated/ is not what the generator makes.
        #[arg(long)]
        check: bool,
        /// How diagnostics are printed: human on a terminal, github (workflow commands that
        /// annotate a pull request) when GITHUB_ACTIONS is set.
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
}

/// The format asked for, else github in GitHub Actions, else human.
fn chosen_format(flag: Option<Format>) -> Format {
    let in_actions = std::env::var_os("GITHUB_ACTIONS").is_some_and(|v| v == "true");
    flag.unwrap_or(if in_actions {
        Format::Github
    } else {
        Format::Human
    })
}

/// What one codegen run read, generated and did.
struct Codegen {
    /// From reading the pages, then from rendering the crate.
    diagnostics: Vec<Diagnostic>,
    /// The pages the diagnostics point at.
    sources: Sources,
    summary: String,
    /// What the sync found or did; why it did nothing when the run has errors or a file could
    /// not be read or written.
    synced: Result<Synced, Diagnostic>,
}

/// What happened to `generated/` and to the README's sample of it.
struct Synced {
    report: SyncReport,
    readme: ReadmeSample,
}

impl Codegen {
    /// Whether `cargo xtask codegen` succeeds: the sync ran (so the run has no error) and, in
    /// check mode, found everything up to date.
    fn succeeded(&self, mode: SyncMode) -> bool {
        self.synced.as_ref().is_ok_and(|synced| {
            mode == SyncMode::Write
                || (synced.report.is_up_to_date() && synced.readme.is_up_to_date())
        })
    }
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
        crate_name: CRATE_NAME.parse().map_err(|why: String| {
            Diagnostic::new(Severity::Error, DiagnosticKind::Output, None, why)
        })?,
        regenerate_command: CODEGEN_COMMAND.into(),
    };
    let (files, render_diagnostics) = render_crate(&docs.schema, &docs.examples, &options);
    let summary = docs.summary();
    let sources = docs.sources;
    let mut diagnostics = docs.diagnostics;
    diagnostics.extend(render_diagnostics);
    let synced = sync_generated_files(
        &workspace.join("generated"),
        &files,
        &diagnostics,
        mode,
        CODEGEN_COMMAND,
    )
    .and_then(|report| {
        let readme = sync_readme_sample(workspace, &files, mode)?;
        Ok(Synced { report, readme })
    });
    Ok(Codegen {
        diagnostics,
        sources,
        summary,
        synced,
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
    let Task::Codegen { check, format } = Cli::parse().task;
    let mode = if check {
        SyncMode::Check
    } else {
        SyncMode::Write
    };
    if run_codegen(&workspace_root(), mode, chosen_format(format)) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Runs [`codegen`] and prints its diagnostics (errors and warnings, as `graph-docgen` renders
/// them), summary and outcome; returns whether it succeeded.
fn run_codegen(workspace: &Path, mode: SyncMode, format: Format) -> bool {
    let color = ColorChoice::Auto.for_stderr();
    let run = match codegen(workspace, mode) {
        Ok(run) => run,
        Err(diagnostic) => {
            let sources = Sources::empty();
            eprintln!(
                "{}",
                Renderer::new(format, color, &sources).render(&diagnostic)
            );
            return false;
        }
    };
    let renderer = Renderer::new(format, color, &run.sources);
    let report = Report::new(renderer, Some(Severity::Warning), Verbosity::Verbose);
    report.print(&run.diagnostics, &run.summary);
    match &run.synced {
        // The errors are shown above; the refusal says only why nothing was done.
        Err(_)
            if run
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error) =>
        {
            let errors = run
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let generated = workspace.join("generated");
            report.print_line(&graph_docgen::write::refusal(&generated, mode, errors));
        }
        Err(diagnostic) => {
            let sources = Sources::empty();
            eprintln!(
                "{}",
                Renderer::new(format, color, &sources).render(diagnostic)
            );
        }
        Ok(synced) => {
            report.print_line(&synced.report.to_string());
            match &synced.readme {
                ReadmeSample::UpToDate => {}
                ReadmeSample::Updated => {
                    report.print_line("README.md: generated-code sample updated");
                }
                ReadmeSample::Stale(diff) => report.print_line(&format!(
                    "README.md: the generated-code sample is out of date\n{diff}\nrun `{CODEGEN_COMMAND}` to update it, then commit the result"
                )),
            }
        }
    }
    run.succeeded(mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Plain `cargo test` fails when generated/ (or the README's sample of it) is out of date
    /// with docs-input/ or the generator.
    #[test]
    fn generated_code_is_up_to_date() {
        let synced = match codegen(&workspace_root(), SyncMode::Check).and_then(|run| run.synced) {
            Ok(synced) => synced,
            Err(diagnostic) => panic!("codegen failed: {diagnostic}"),
        };
        assert!(synced.report.is_up_to_date(), "{}", synced.report);
        if let ReadmeSample::Stale(diff) = &synced.readme {
            panic!("README.md's generated-code sample is out of date:\n{diff}");
        }
    }

    /// Every file below `folder`, path -> contents.
    fn tree(folder: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        let mut pending = vec![folder.to_path_buf()];
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                } else {
                    let contents = std::fs::read(&path).unwrap();
                    files.push((path.strip_prefix(folder).unwrap().to_path_buf(), contents));
                }
            }
        }
        files.sort();
        files
    }

    /// This workspace's pages, generated crate and README, copied to a folder of their own.
    fn workspace_copy() -> tempfile::TempDir {
        let copy = tempfile::tempdir().unwrap();
        let workspace = workspace_root();
        for folder in ["docs-input", "generated"] {
            for (path, contents) in tree(&workspace.join(folder)) {
                let to = copy.path().join(folder).join(path);
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::write(to, contents).unwrap();
            }
        }
        std::fs::copy(workspace.join("README.md"), copy.path().join("README.md")).unwrap();
        copy
    }

    #[test]
    fn a_run_with_an_error_changes_nothing_and_fails() {
        let workspace = workspace_copy();
        assert!(run_codegen(
            workspace.path(),
            SyncMode::Check,
            Format::Short
        ));
        // `entity` derives from `operation`, which derives from `entity`: an error.
        let entity = workspace.path().join("docs-input/resources/entity.md");
        let page = std::fs::read_to_string(&entity).unwrap().replace(
            r#""@odata.type": "microsoft.graph.entity""#,
            r#""@odata.type": "microsoft.graph.entity", "baseType": "microsoft.graph.operation""#,
        );
        std::fs::write(&entity, page).unwrap();
        let before = tree(workspace.path());

        for mode in [SyncMode::Write, SyncMode::Check] {
            assert!(!run_codegen(workspace.path(), mode, Format::Short));
            assert!(tree(workspace.path()) == before, "the run changed files");
        }
        let run = codegen(workspace.path(), SyncMode::Write).unwrap();
        let Err(refusal) = run.synced else {
            panic!("a run with an error synced");
        };
        assert!(
            refusal.message.contains("nothing was written")
                && refusal.message.contains("inheritance cycle"),
            "{refusal}"
        );
    }
}
