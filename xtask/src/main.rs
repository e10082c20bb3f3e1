//! `cargo xtask`: the project's own tasks. `cargo xtask codegen` regenerates `generated/` from
//! `docs-input/` (and the README's sample of it); `--check` only reports how the committed code
//! differs. A run with an error diagnostic does neither, and fails.

mod readme_sample;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use graph_docgen::config::{self, Config};
use graph_docgen::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use graph_docgen::read::PageSelection;
use graph_docgen::rust::{read_guide, render_crate, CrateOptions, GeneratedFile};
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

/// The workspace's `docgen.toml` (at its root, else in `docs-input/`), if it has one, with its
/// warnings; its errors, printed, fail the run. Its docs folder, if it names one, replaces
/// `docs-input/`.
fn workspace_config(workspace: &Path) -> Result<(Config, Vec<Diagnostic>), Diagnostic> {
    let found = [
        config::FILE_NAME.to_string(),
        format!("docs-input/{}", config::FILE_NAME),
    ]
    .into_iter()
    .find(|name| workspace.join(name).exists());
    let Some(name) = found else {
        return Ok((Config::default(), Vec::new()));
    };
    let path = workspace.join(&name);
    Config::read_named(&path, &name).map_err(|diagnostics| {
        for diagnostic in &diagnostics {
            eprintln!("{diagnostic}");
        }
        Diagnostic::new(
            Severity::Error,
            DiagnosticKind::Config,
            None,
            format!("{} has errors; nothing was generated", path.display()),
        )
    })
}

fn codegen(workspace: &Path, mode: SyncMode) -> Result<Codegen, Diagnostic> {
    let (config, warnings) = workspace_config(workspace)?;
    // The folders of the docgen.toml, if it names any.
    let selection = PageSelection::new(workspace.join("docs-input"), &config.inputs.include)?
        .with_roots(&config.inputs.docs)
        .excluding(&config.inputs.exclude)?;
    let docs = graph_docgen::load_configured_docs(&selection, &config)?;
    let guide = read_guide(&workspace.join("generated").join(readme_sample::GUIDE_FILE))?;
    let crate_name = match config.output.crate_name {
        Some(name) => name,
        None => CRATE_NAME.parse().map_err(|why: String| {
            Diagnostic::new(Severity::Error, DiagnosticKind::Output, None, why)
        })?,
    };
    let options = CrateOptions {
        crate_name,
        regenerate_command: CODEGEN_COMMAND.into(),
        guide: Some(guide.clone()),
        primitives: config.output.primitives,
        doc_comments: config.output.doc_comments,
        derives: config.output.derives,
        module_names: config.output.module_names,
    };
    let (files, render_diagnostics) = render_crate(&docs.schema, &docs.examples, &options);
    let summary = docs.summary();
    let mut diagnostics = warnings;
    diagnostics.extend(docs.diagnostics);
    diagnostics.extend(render_diagnostics);
    let synced = sync_generated_files(
        &workspace.join("generated"),
        &files,
        &diagnostics,
        mode,
        CODEGEN_COMMAND,
    )
    .and_then(|report| {
        let readme = sync_readme_sample(workspace, &files, &guide, mode)?;
        Ok(Synced { report, readme })
    });
    Ok(Codegen {
        diagnostics,
        summary,
        synced,
    })
}

fn sync_readme_sample(
    workspace: &Path,
    files: &[GeneratedFile],
    guide: &str,
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
    let expected = readme_sample::with_sample(&on_disk, &shown.contents, guide).map_err(problem)?;
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
    if run_codegen(&workspace_root(), mode) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Runs [`codegen`] and prints its diagnostics (errors and warnings), summary and outcome;
/// returns whether it succeeded.
fn run_codegen(workspace: &Path, mode: SyncMode) -> bool {
    let run = match codegen(workspace, mode) {
        Ok(run) => run,
        Err(diagnostic) => {
            eprintln!("{diagnostic}");
            return false;
        }
    };
    for diagnostic in run
        .diagnostics
        .iter()
        .filter(|d| d.severity <= Severity::Warning)
    {
        eprintln!("{diagnostic}");
    }
    eprintln!("{}", run.summary);
    match &run.synced {
        Err(diagnostic) => eprintln!("{diagnostic}"),
        Ok(synced) => {
            eprintln!("{}", synced.report);
            match &synced.readme {
                ReadmeSample::UpToDate => {}
                ReadmeSample::Updated => eprintln!("README.md: generated sections updated"),
                ReadmeSample::Stale(diff) => eprintln!(
                    "README.md: a generated section is out of date\n{diff}\nrun `{CODEGEN_COMMAND}` to update it, then commit the result"
                ),
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
        assert!(run_codegen(workspace.path(), SyncMode::Check));
        // `entity` derives from `operation`, which derives from `entity`: an error.
        let entity = workspace.path().join("docs-input/resources/entity.md");
        let page = std::fs::read_to_string(&entity).unwrap().replace(
            r#""@odata.type": "microsoft.graph.entity""#,
            r#""@odata.type": "microsoft.graph.entity", "baseType": "microsoft.graph.operation""#,
        );
        std::fs::write(&entity, page).unwrap();
        let before = tree(workspace.path());

        for mode in [SyncMode::Write, SyncMode::Check] {
            assert!(!run_codegen(workspace.path(), mode));
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
