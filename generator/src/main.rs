//! `graph-docgen`: the command line over the library's stages.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use graph_docgen::diagnostic::{
    self, ColorChoice, Diagnostic, Format, Renderer, Report, Severity, Sources, Verbosity,
};
use graph_docgen::lint::{self, LintReport};
use graph_docgen::read::PageSelection;
use graph_docgen::rust::{render_crate, render_manifest, CrateName, CrateOptions};
use graph_docgen::write::{self, SyncMode};
use graph_docgen::{compare, export, load_docs, Docs};

const AFTER_HELP: &str = "\
Exit status: 0 success; 1 the run has an error diagnostic (lint: a finding at or above --deny);
2 the tool could not run (bad arguments, a folder that cannot be read, output that cannot be
written). `graph-docgen explain CODE` explains a diagnostic code.";

#[derive(Parser)]
#[command(
    name = "graph-docgen",
    version,
    about = "API reference pages -> schema -> Rust models",
    after_help = AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    output: OutputArgs,
}

/// How diagnostics are printed (to standard error), on every command.
#[derive(Args)]
struct OutputArgs {
    /// human: the page line with the span underlined; short: one line each; json: one object
    /// a line; github: GitHub Actions workflow commands (annotations on the pull request).
    #[arg(long, value_enum, global = true, default_value_t = Format::Human)]
    format: Format,
    /// Colour the human form: auto when standard error is a terminal and NO_COLOR is unset.
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Print only errors and no summary.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print every diagnostic --diagnostics selects, not only the first ones (human form).
    #[arg(short, long, global = true)]
    verbose: bool,
}

impl OutputArgs {
    fn report<'s>(&self, sources: &'s Sources, shown: Shown) -> Report<'s> {
        let verbosity = if self.quiet {
            Verbosity::Quiet
        } else if self.verbose {
            Verbosity::Verbose
        } else {
            Verbosity::Normal
        };
        Report::new(
            Renderer::new(self.format, self.color.for_stderr(), sources),
            shown.threshold(),
            verbosity,
        )
    }
}

#[derive(Subcommand)]
enum Command {
    /// Export the merged schema as JSON (format graph-docs-schema/1). A run with an error
    /// diagnostic writes nothing and exits with 1.
    #[command(after_help = "Examples:
  graph-docgen schema --docs docs-input -o schema.json
  graph-docgen schema --docs ../shared/seeds --include '*.txt' --diagnostics all
  graph-docgen schema --docs docs --format github -o /dev/null   # annotate a pull request")]
    Schema {
        #[command(flatten)]
        docs: DocsArgs,
        /// Where to write the JSON; standard output if absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Compare the docs with official CSDL metadata: what they disagree on (docs page:line), and
    /// recall / precision / F1 per fact class, counted as tools/fidelity.py counts them.
    #[command(after_help = "Examples:
  graph-docgen compare --docs ../shared/corpus/graph-docs-2021-07/v1.0 \\
      --csdl ../shared/corpus/graph-metadata/v1.0-2021-07-13.csdl.xml --misses 5
  graph-docgen compare --docs DIR --csdl FILE --json > comparison.json")]
    Compare {
        #[command(flatten)]
        docs: DocsArgs,
        /// The CSDL metadata (XML) to compare with; read only to score.
        #[arg(long, value_name = "FILE")]
        csdl: PathBuf,
        /// Disagreements to list per fact class in the report (the JSON lists all).
        #[arg(long, value_name = "N", default_value_t = 20)]
        misses: usize,
        /// Print the comparison as JSON instead of the report.
        #[arg(long)]
        json: bool,
    },
    /// Generate a standalone Rust crate of typed models: manifest, sources, and a test that
    /// reads every JSON example of the pages as its type, writes it back and reports how each
    /// fared (`cargo test --test docs_examples -- --nocapture` in the crate). A run with an
    /// error diagnostic writes nothing and fails.
    #[command(after_help = "Examples:
  graph-docgen rust --docs docs-input --out /tmp/models
  graph-docgen rust --docs DIR --out DIR --crate-name graph-beta-models -q")]
    Rust {
        #[command(flatten)]
        docs: DocsArgs,
        /// The folder to write the crate into. Generated files it no longer makes are deleted;
        /// files without the `@generated` line are never touched.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The crate's name, as Cargo spells it.
        #[arg(long, value_name = "NAME", default_value = "graph-models")]
        crate_name: CrateName,
    },
    /// Report what the pages get wrong, for the people who write them: placeholders, broken
    /// links, types and enum values that pages state differently, ragged tables, JSON that
    /// does not parse and examples that do not fit the schema. Exits with 1 when a finding is
    /// at or above --deny, 0 when none is.
    #[command(after_help = "Examples:
  graph-docgen lint --docs docs-input
  graph-docgen lint --docs ../shared/seeds --include '*.txt' --deny warnings
  graph-docgen lint --docs docs --format github --deny warnings   # in a pull request's CI")]
    Lint {
        #[command(flatten)]
        docs: DocsArgs,
        /// The lowest severity that fails the run (exit status 1).
        #[arg(long, value_enum, value_name = "LEVEL", default_value_t = Deny::Errors)]
        deny: Deny,
    },
    /// Print the long explanation of a diagnostic code, with an example (every code without
    /// one).
    #[command(after_help = "Examples:
  graph-docgen explain D0401
  graph-docgen explain conflict
  graph-docgen explain")]
    Explain {
        /// A code (`D0204`) or a kind's name (`conflict`).
        code: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    Errors,
    Warnings,
    Notes,
}

#[derive(Args)]
struct DocsArgs {
    /// Folder of doc pages (read recursively).
    #[arg(long)]
    docs: PathBuf,
    /// Which files are pages, as globs relative to --docs (repeatable); default `*.md`.
    #[arg(long = "include", value_name = "GLOB")]
    include: Vec<String>,
    /// Which diagnostics to print: notes are the generator's guesses; errors are always
    /// printed.
    #[arg(long, value_enum, default_value_t = Shown::Warnings)]
    diagnostics: Shown,
}

#[derive(Clone, Copy, ValueEnum)]
enum Shown {
    /// Errors, warnings and notes.
    All,
    /// Errors and warnings.
    Warnings,
    /// Errors only.
    Errors,
    /// Only the errors, which are always printed, and the summary.
    None,
}

impl Shown {
    fn threshold(self) -> Option<Severity> {
        match self {
            Shown::All => Some(Severity::Note),
            Shown::Warnings => Some(Severity::Warning),
            Shown::Errors => Some(Severity::Error),
            Shown::None => None,
        }
    }
}

impl DocsArgs {
    fn selection(&self) -> Result<PageSelection, Diagnostic> {
        PageSelection::new(&self.docs, &self.include)
    }

    fn load(&self) -> Result<Docs, Diagnostic> {
        load_docs(&self.selection()?)
    }
}

/// How a command ended: its diagnostics had an error (or, for lint, a finding at --deny).
enum Outcome {
    Clean,
    Findings,
}

fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

fn run(cli: Cli) -> Result<Outcome, Diagnostic> {
    let output = cli.output;
    match cli.command {
        Command::Schema {
            docs: args,
            output: path,
        } => {
            let docs = args.load()?;
            output
                .report(&docs.sources, args.diagnostics)
                .print(&docs.diagnostics, &docs.summary());
            if has_errors(&docs.diagnostics) {
                // The schema of a run with an error lacks what the error skipped: not written.
                return Ok(Outcome::Findings);
            }
            let json = export::schema_json(&docs.schema);
            match path {
                Some(path) => {
                    write::write_if_changed(&path, &json)?;
                }
                None => print!("{json}"),
            }
            Ok(Outcome::Clean)
        }
        Command::Compare {
            docs: args,
            csdl,
            misses,
            json,
        } => {
            let metadata = compare::read_csdl(&csdl)?;
            let docs = args.load()?;
            output
                .report(&docs.sources, args.diagnostics)
                .print(&docs.diagnostics, &docs.summary());
            let comparison = compare::compare(&metadata, &docs.schema, Some(&args.docs))?;
            if json {
                print!("{}", compare::json(&comparison));
            } else {
                print!("{}", compare::report(&comparison, misses));
            }
            Ok(if has_errors(&docs.diagnostics) {
                Outcome::Findings
            } else {
                Outcome::Clean
            })
        }
        Command::Rust {
            docs: args,
            out,
            crate_name,
        } => {
            let docs = args.load()?;
            let includes: String = args
                .include
                .iter()
                .map(|g| format!(" --include {g}"))
                .collect();
            let options = CrateOptions {
                regenerate_command: format!(
                    "graph-docgen rust --docs {}{includes} --out {} --crate-name {}",
                    args.docs.display(),
                    out.display(),
                    crate_name.as_str()
                ),
                crate_name,
            };
            let (mut files, render_diagnostics) =
                render_crate(&docs.schema, &docs.examples, &options);
            files.push(render_manifest(&docs.schema, &options));
            let summary = docs.summary();
            let mut run_diagnostics = docs.diagnostics;
            run_diagnostics.extend(render_diagnostics);
            let report = output.report(&docs.sources, args.diagnostics);
            report.print(&run_diagnostics, &summary);
            let errors = run_diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            if errors > 0 {
                // The errors are shown above, whatever --diagnostics says.
                report.print_line(&write::refusal(&out, SyncMode::Write, errors));
                return Ok(Outcome::Findings);
            }
            let synced = write::sync_generated_files(
                &out,
                &files,
                &run_diagnostics,
                SyncMode::Write,
                &options.regenerate_command,
            )?;
            report.print_line(&synced.to_string());
            Ok(Outcome::Clean)
        }
        Command::Lint { docs: args, deny } => {
            let LintReport {
                diagnostics,
                sources,
                summary,
            } = lint::lint_docs(&args.selection()?)?;
            output
                .report(&sources, args.diagnostics)
                .print(&diagnostics, &summary);
            let deny = match deny {
                Deny::Errors => Severity::Error,
                Deny::Warnings => Severity::Warning,
                Deny::Notes => Severity::Note,
            };
            Ok(if diagnostics.iter().any(|d| d.severity <= deny) {
                Outcome::Findings
            } else {
                Outcome::Clean
            })
        }
        Command::Explain { code } => {
            match code {
                Some(code) => {
                    let info = diagnostic::lookup(&code).ok_or_else(|| {
                        Diagnostic::new(
                            Severity::Error,
                            diagnostic::DiagnosticKind::Malformed,
                            None,
                            format!(
                                "no diagnostic code `{code}`; `graph-docgen explain` lists them"
                            ),
                        )
                    })?;
                    println!(
                        "{} {}: {}\n\n{}",
                        info.code, info.name, info.meaning, info.explanation
                    );
                }
                None => {
                    for info in diagnostic::CODES {
                        println!("{} {:<18} {}", info.code, info.name, info.meaning);
                    }
                }
            }
            Ok(Outcome::Clean)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (fatal_format, color) = (cli.output.format, cli.output.color.for_stderr());
    match run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(diagnostic) => {
            let sources = Sources::empty();
            eprintln!(
                "{}",
                Renderer::new(fatal_format, color, &sources).render(&diagnostic)
            );
            ExitCode::from(2)
        }
    }
}
