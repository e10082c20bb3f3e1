//! `cargo xtask`: the project's own tasks. `cargo xtask codegen` regenerates `generated/` from
//! `docs-input/` (and the README's sample of it); `--check` only reports how the committed code
//! differs. A run with an error diagnostic does neither, and fails.
//!
//! Both compare the schema the committed crate carries (`generated/schema.json`, the API its
//! code implements) with the schema of the pages, and print the API changelog between them:
//! after regenerating its summary, for the commit message; in a check that finds drift, the
//! whole changelog above the code diff, and an exit code that tells a change of the docs' API
//! from generated files that differ for another reason (edited by hand, or a changed
//! generator).

mod readme_sample;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use graph_docgen::config::{self, Config};
use graph_docgen::diagnostic::{
    ColorChoice, Diagnostic, DiagnosticKind, Format, Renderer, Report, Severity, Sources, Verbosity,
};
use graph_docgen::diff::{self, Changelog, RenderOptions};
use graph_docgen::import::read_schema_file;
use graph_docgen::read::PageSelection;
use graph_docgen::rust::{read_guide, render_crate, GeneratedFile, SCHEMA_FILE};
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
    /// Regenerate the graph-models crate in generated/ from the pages in docs-input/, and print
    /// the summary of the API changes since the schema the committed crate carries
    /// (generated/schema.json).
    #[command(after_help = "Examples:
  cargo xtask codegen                   # regenerate generated/ and the README's sections
  cargo xtask codegen --check           # fail with the changelog and a diff when stale
  cargo xtask codegen --check --format github

Exit codes of --check:
  0  generated/ is up to date
  1  nothing was checked: the run has an error diagnostic, or a file could not be read
  2  the docs changed the API: generated/schema.json differs from the schema of docs-input/
     (the changelog is printed above the code diff)
  3  generated files differ, but the API is the same: they were edited by hand, or the
     generator's output changed")]
    Codegen {
        /// Write nothing; fail with the API changelog and a diff if generated/ is not what the
        /// generator makes.
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

/// How `cargo xtask codegen` ended, as its exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Written, or found up to date.
    Done = 0,
    /// Nothing written or checked.
    Failed = 1,
    /// Check mode: the docs' API differs from the one the committed crate implements.
    ApiChanged = 2,
    /// Check mode: generated files differ, the API does not.
    FilesDiffer = 3,
}

/// The place of the committed schema in the workspace, as changelogs name it.
const COMMITTED_SCHEMA: &str = "generated/schema.json";

/// What one codegen run read, generated and did.
struct Codegen {
    /// From reading the pages, then from rendering the crate.
    diagnostics: Vec<Diagnostic>,
    /// The text of the pages the diagnostics point at.
    sources: Sources,
    summary: String,
    /// What the sync found or did; why it did nothing when the run has errors or a file could
    /// not be read or written.
    synced: Result<Synced, Diagnostic>,
    /// The API changes from the schema the committed crate carries to the pages'; why there is
    /// none to compare with when it is missing or unreadable.
    api: Result<Changelog, Diagnostic>,
}

/// What happened to `generated/` and to the README's sample of it.
struct Synced {
    report: SyncReport,
    readme: ReadmeSample,
}

impl Codegen {
    /// How `cargo xtask codegen` ends: it succeeds when the sync ran (so the run has no error)
    /// and, in check mode, found everything up to date; a check that finds drift tells a
    /// changed API from files that differ otherwise.
    fn outcome(&self, mode: SyncMode) -> Outcome {
        match &self.synced {
            Err(_) => Outcome::Failed,
            Ok(_) if mode == SyncMode::Write => Outcome::Done,
            Ok(synced) if synced.report.is_up_to_date() && synced.readme.is_up_to_date() => {
                Outcome::Done
            }
            Ok(_) if self.api.as_ref().is_ok_and(|api| !api.is_empty()) => Outcome::ApiChanged,
            Ok(_) => Outcome::FilesDiffer,
        }
    }
}

fn changelog_options() -> RenderOptions {
    RenderOptions {
        old: COMMITTED_SCHEMA.to_string(),
        new: "docs-input/".to_string(),
        descriptions: false,
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
    let (mut config, warnings) = workspace_config(workspace)?;
    // The folders of the docgen.toml, if it names any.
    let selection = PageSelection::new(workspace.join("docs-input"), &config.inputs.include)?
        .with_roots(&config.inputs.docs)
        .excluding(&config.inputs.exclude)?;
    let docs = graph_docgen::load_configured_docs(&selection, &config)?;
    let guide = read_guide(&workspace.join("generated").join(readme_sample::GUIDE_FILE))?;
    let crate_name = match config.output.crate_name.take() {
        Some(name) => name,
        None => CRATE_NAME.parse().map_err(|why: String| {
            Diagnostic::new(Severity::Error, DiagnosticKind::Output, None, why)
        })?,
    };
    let options =
        config
            .output
            .crate_options(crate_name, CODEGEN_COMMAND.into(), Some(guide.clone()));
    let (files, render_diagnostics) = render_crate(&docs.schema, &docs.examples, &options);
    let summary = docs.summary();
    // Read before the sync, which may write the new one.
    let api = committed_schema(workspace)
        .map(|old| diff::changelog_for(&old, &docs.schema, &options.primitives));
    let sources = docs.sources;
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
        sources,
        summary,
        synced,
        api,
    })
}

/// The schema the committed crate was made from.
fn committed_schema(workspace: &Path) -> Result<graph_docgen::schema::Schema, Diagnostic> {
    let path = workspace.join("generated").join(SCHEMA_FILE);
    if !path.exists() {
        return Err(Diagnostic::new(
            Severity::Warning,
            DiagnosticKind::Output,
            None,
            format!(
                "{COMMITTED_SCHEMA} is missing, so the API the committed code implements is not \
                 known; `{CODEGEN_COMMAND}` writes it"
            ),
        ));
    }
    read_schema_file(&path)
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
    let Task::Codegen { check, format } = Cli::parse().task;
    let mode = if check {
        SyncMode::Check
    } else {
        SyncMode::Write
    };
    ExitCode::from(run_codegen(&workspace_root(), mode, chosen_format(format)) as u8)
}

/// Runs [`codegen`] and prints its diagnostics (errors and warnings, as `graph-docgen` renders
/// them), summary, API changes and outcome.
fn run_codegen(workspace: &Path, mode: SyncMode, format: Format) -> Outcome {
    let color = ColorChoice::Auto.for_stderr();
    let run = match codegen(workspace, mode) {
        Ok(run) => run,
        Err(diagnostic) => {
            let sources = Sources::empty();
            eprintln!(
                "{}",
                Renderer::new(format, color, &sources).render(&diagnostic)
            );
            return Outcome::Failed;
        }
    };
    let outcome = run.outcome(mode);
    let renderer = Renderer::new(format, color, &run.sources);
    let report = Report::new(renderer, Some(Severity::Warning), Verbosity::Verbose);
    report.print(&run.diagnostics, &run.summary);
    let errors = run
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    match &run.synced {
        // The errors are shown above; the refusal says only why nothing was done.
        Err(_) if errors > 0 => {
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
            match (&run.api, outcome) {
                (Err(why), Outcome::ApiChanged | Outcome::FilesDiffer) => {
                    report.print_line(&why.to_string())
                }
                (Ok(api), Outcome::ApiChanged) => {
                    report.print_line(&diff::render(api, diff::Format::Text, &changelog_options()))
                }
                (Ok(_), Outcome::FilesDiffer) => report.print_line(&format!(
                    "the API is that of {COMMITTED_SCHEMA}: the generated files differ from what \
                     the generator makes of it (edited by hand, or the generator changed)\n"
                )),
                _ => {}
            }
            report.print_line(&synced.report.to_string());
            if let (SyncMode::Write, Ok(api)) = (mode, &run.api) {
                if api.is_empty() {
                    report.print_line(&format!(
                        "API changes since the committed {COMMITTED_SCHEMA}: none"
                    ));
                } else {
                    report.print_line(&format!(
                        "\n{}",
                        diff::text_summary(api, &changelog_options())
                    ));
                }
            }
            match outcome {
                Outcome::ApiChanged => report
                    .print_line("exit 2: the docs changed the API the committed code implements"),
                Outcome::FilesDiffer => report
                    .print_line("exit 3: generated files differ, the API they implement does not"),
                Outcome::Done | Outcome::Failed => {}
            }
            match &synced.readme {
                ReadmeSample::UpToDate => {}
                ReadmeSample::Updated => report.print_line("README.md: generated sections updated"),
                ReadmeSample::Stale(diff) => report.print_line(&format!(
                    "README.md: a generated section is out of date\n{diff}\nrun `{CODEGEN_COMMAND}` to update it, then commit the result"
                )),
            }
        }
    }
    outcome
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
    fn a_check_tells_a_changed_api_from_files_edited_by_hand() {
        let workspace = workspace_copy();
        let result_info = workspace.path().join("docs-input/resources/resultinfo.md");
        let page = std::fs::read_to_string(&result_info).unwrap();
        let edited: String = page
            .lines()
            .filter(|line| !line.starts_with("| message  | String |"))
            .map(|line| format!("{line}\n"))
            .collect();
        std::fs::write(&result_info, edited).unwrap();
        assert_eq!(
            run_codegen(workspace.path(), SyncMode::Check, Format::Short),
            Outcome::ApiChanged
        );
        let run = codegen(workspace.path(), SyncMode::Check).unwrap();
        let api = run.api.unwrap();
        assert_eq!((api.breaking(), api.additive()), (1, 0));
        assert_eq!(api.changes[0].member.as_deref(), Some("message"));

        // Regenerated, the crate carries the new API; then a hand edit is no API change.
        assert_eq!(
            run_codegen(workspace.path(), SyncMode::Write, Format::Short),
            Outcome::Done
        );
        assert_eq!(
            run_codegen(workspace.path(), SyncMode::Check, Format::Short),
            Outcome::Done
        );
        let graph = workspace.path().join("generated/src/graph.rs");
        let code = std::fs::read_to_string(&graph).unwrap();
        std::fs::write(&graph, code.replace("pub code:", "pub status_code:")).unwrap();
        assert_eq!(
            run_codegen(workspace.path(), SyncMode::Check, Format::Short),
            Outcome::FilesDiffer
        );
        let run = codegen(workspace.path(), SyncMode::Check).unwrap();
        assert!(run.api.unwrap().is_empty());
    }

    #[test]
    fn a_run_with_an_error_changes_nothing_and_fails() {
        let workspace = workspace_copy();
        assert_eq!(
            run_codegen(workspace.path(), SyncMode::Check, Format::Short),
            Outcome::Done
        );
        // `entity` derives from `operation`, which derives from `entity`: an error.
        let entity = workspace.path().join("docs-input/resources/entity.md");
        let page = std::fs::read_to_string(&entity).unwrap().replace(
            r#""@odata.type": "microsoft.graph.entity""#,
            r#""@odata.type": "microsoft.graph.entity", "baseType": "microsoft.graph.operation""#,
        );
        std::fs::write(&entity, page).unwrap();
        let before = tree(workspace.path());

        for mode in [SyncMode::Write, SyncMode::Check] {
            assert_eq!(
                run_codegen(workspace.path(), mode, Format::Short),
                Outcome::Failed
            );
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
