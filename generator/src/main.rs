//! `graph-docgen`: the command line over the library's stages.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use graph_docgen::config::{Config, DEFAULT_FILE};
use graph_docgen::diagnostic::{
    self, ColorChoice, Diagnostic, DiagnosticKind, Format, Renderer, Report, Severity, Sources,
    Verbosity,
};
use graph_docgen::lint::{self, LintReport};
use graph_docgen::read::{DocsFolder, PageSelection};
use graph_docgen::rust::{read_guide, render_crate, render_manifest, CrateName};
use graph_docgen::write::{self, SyncMode};
use graph_docgen::{compare, diff, export, load_configured_docs, Docs};

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

/// How diagnostics are printed (to standard error), on every command; their form is each
/// command's `--format` (`--diagnostic-format` of `diff`, whose `--format` is the changelog's).
#[derive(Args)]
struct OutputArgs {
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
    fn report<'s>(&self, sources: &'s Sources, shown: Shown, format: Format) -> Report<'s> {
        let verbosity = if self.quiet {
            Verbosity::Quiet
        } else if self.verbose {
            Verbosity::Verbose
        } else {
            Verbosity::Normal
        };
        Report::new(
            Renderer::new(format, self.color.for_stderr(), sources),
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
        /// The crate's name, as Cargo spells it; default: `[output] crate-name` of `--config`,
        /// else `graph-models`.
        #[arg(long, value_name = "NAME")]
        crate_name: Option<CrateName>,
        /// A hand-written Markdown file put into the crate docs after their first line, such
        /// as a worked example of the crate's types; its Rust code blocks become doctests.
        #[arg(long, value_name = "FILE")]
        guide: Option<PathBuf>,
    },
    /// The docgen.toml configuration: print the commented default file, or check one.
    #[command(after_help = "Examples:
  graph-docgen config --print-default > docgen.toml
  graph-docgen config --check docgen.toml")]
    Config {
        /// Print the default docgen.toml, every key commented, to standard output.
        #[arg(long)]
        print_default: bool,
        /// Check a docgen.toml and print its diagnostics.
        #[arg(long, value_name = "FILE")]
        check: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        /// How diagnostics are printed: human, short, json or github.
        format: Format,
    },
    /// Print the API changelog between two docs folders or schema files: every type, property,
    /// navigation property, base, kind and enum member added, removed or changed, with the docs'
    /// page:line on each side, classified as breaking or additive for the generated Rust crate
    /// (with the Cargo SemVer rule that applies). Possible renames are marked, never assumed;
    /// description changes are counted, and listed with --descriptions.
    #[command(after_help = "Examples:
  graph-docgen diff --old generated/schema.json --new docs-input --config docs-input/docgen.toml
  graph-docgen diff --old old-docs --new new-docs --format markdown > changelog.md
  graph-docgen diff --old a.json --new b.json --format json")]
    Diff {
        /// The old side: a docs folder, or a schema file (graph-docs-schema/1).
        #[arg(long, value_name = "PATH")]
        old: PathBuf,
        /// The new side: a docs folder, or a schema file (graph-docs-schema/1).
        #[arg(long, value_name = "PATH")]
        new: PathBuf,
        /// Which files are pages in a docs folder, as globs relative to it (repeatable, for both
        /// sides); default `*.md`.
        #[arg(long = "include", value_name = "GLOB")]
        include: Vec<String>,
        /// text for a terminal, json for tools (graph-docs-changelog/1), markdown for a
        /// pull-request comment.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// List the changes of descriptions (the docs' wording) too, not only count them.
        #[arg(long)]
        descriptions: bool,
        /// A docgen.toml whose fixes and subset apply to a side that is a docs folder, as
        /// they do when that side is generated.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Which diagnostics of the pages read to print to standard error.
        #[arg(long, value_enum, default_value_t = Shown::Errors)]
        diagnostics: Shown,
        /// How diagnostics are printed: human, short, json or github.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        diagnostic_format: Format,
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
enum DiffFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    Errors,
    Warnings,
    Notes,
}

#[derive(Args)]
struct DocsArgs {
    /// Folder of doc pages (read recursively); default: `[inputs] docs` of `--config`.
    #[arg(long)]
    docs: Option<PathBuf>,
    /// A docgen.toml: which pages to read, the crate's options, and fixes for known doc errors.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Which files are pages, as globs relative to --docs (repeatable); default `*.md`.
    #[arg(long = "include", value_name = "GLOB")]
    include: Vec<String>,
    /// Which diagnostics to print: notes are the generator's guesses; errors are always
    /// printed.
    #[arg(long, value_enum, default_value_t = Shown::Warnings)]
    diagnostics: Shown,
    /// How diagnostics are printed: human, the page line with the span underlined; short, one
    /// line each; json, one object a line; github, GitHub Actions workflow commands
    /// (annotations on the pull request).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
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

/// What a command read: the docs, from the folders `roots`, as `config` says, with the
/// configuration's own warnings among the diagnostics.
struct Loaded {
    docs: Docs,
    config: Config,
    roots: Vec<PathBuf>,
}

/// Reads the docgen.toml at `path`: the config with its warnings, or a failure naming the
/// file once its every error is printed as `format` says.
fn read_config(
    path: &std::path::Path,
    output: &OutputArgs,
    format: Format,
) -> Result<(Config, Vec<Diagnostic>), Diagnostic> {
    Config::read(path).map_err(|diagnostics| {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let sources = config_sources(path);
        let summary = format!("{}: {errors} errors", path.display());
        output
            .report(&sources, Shown::All, format)
            .print(&diagnostics, &summary);
        Diagnostic::new(
            Severity::Error,
            DiagnosticKind::Config,
            None,
            format!("{} has {errors} errors; nothing was read", path.display()),
        )
    })
}

/// The text of the docgen.toml at `path`, so that its diagnostics show their lines.
fn config_sources(path: &std::path::Path) -> Sources {
    let mut sources = Sources::empty();
    if let Ok(text) = std::fs::read_to_string(path) {
        // Named as `Config::read` names the file in its diagnostics.
        let name = path.display().to_string().replace('\\', "/");
        sources.insert(name.into(), Some(text));
    }
    sources
}

impl DocsArgs {
    /// The configuration `--config` names (the default without one), and the pages to read.
    fn selection(
        &self,
        output: &OutputArgs,
    ) -> Result<(PageSelection, Config, Vec<Diagnostic>, Vec<PathBuf>), Diagnostic> {
        let (config, warnings) = match &self.config {
            Some(path) => read_config(path, output, self.format)?,
            None => (Config::default(), Vec::new()),
        };
        let folders = match &self.docs {
            Some(dir) => vec![DocsFolder {
                dir: dir.clone(),
                name: dir.display().to_string(),
            }],
            None => config.inputs.docs.clone(),
        };
        let Some(first) = folders.first() else {
            return Err(Diagnostic::new(
                Severity::Error,
                DiagnosticKind::Unreadable,
                None,
                "no docs folder: expected --docs DIR, or `[inputs] docs` in the --config file",
            ));
        };
        let include = if self.include.is_empty() {
            &config.inputs.include
        } else {
            &self.include
        };
        let selection = PageSelection::new(&first.dir, include)?
            .with_roots(&folders)
            .excluding(&config.inputs.exclude)?;
        let roots = folders.into_iter().map(|folder| folder.dir).collect();
        Ok((selection, config, warnings, roots))
    }

    fn load(&self, output: &OutputArgs) -> Result<Loaded, Diagnostic> {
        let (selection, config, warnings, roots) = self.selection(output)?;
        let mut docs = load_configured_docs(&selection, &config)?;
        docs.diagnostics.extend(warnings);
        docs.diagnostics.sort();
        Ok(Loaded {
            docs,
            config,
            roots,
        })
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
            let docs = args.load(&output)?.docs;
            output
                .report(&docs.sources, args.diagnostics, args.format)
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
            let Loaded { docs, roots, .. } = args.load(&output)?;
            output
                .report(&docs.sources, args.diagnostics, args.format)
                .print(&docs.diagnostics, &docs.summary());
            let comparison = compare::compare(&metadata, &docs.schema, &roots)?;
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
            guide,
        } => {
            let guide = guide.as_deref().map(read_guide).transpose()?;
            let Loaded {
                docs, mut config, ..
            } = args.load(&output)?;
            // The command as given: the folders of a --config file are the file's to say.
            let mut arguments: String = args
                .docs
                .iter()
                .map(|dir| format!(" --docs {}", dir.display()))
                .collect();
            arguments.extend(args.include.iter().map(|g| format!(" --include {g}")));
            if let Some(path) = &args.config {
                arguments.push_str(&format!(" --config {}", path.display()));
            }
            let crate_name = match crate_name.or(config.output.crate_name.take()) {
                Some(name) => name,
                None => default_crate_name()?,
            };
            let options = {
                let regenerate_command = format!(
                    "graph-docgen rust{arguments} --out {} --crate-name {}",
                    out.display(),
                    crate_name.as_str()
                );
                config
                    .output
                    .crate_options(crate_name, regenerate_command, guide)
            };
            let (mut files, render_diagnostics) =
                render_crate(&docs.schema, &docs.examples, &options);
            files.push(render_manifest(&docs.schema, &options));
            let summary = docs.summary();
            let mut run_diagnostics = docs.diagnostics;
            run_diagnostics.extend(render_diagnostics);
            let report = output.report(&docs.sources, args.diagnostics, args.format);
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
            } = {
                let (selection, config, warnings, _) = args.selection(&output)?;
                let mut report = lint::lint_docs(&selection, &config)?;
                report.diagnostics.extend(warnings);
                report.diagnostics.sort();
                report
            };
            output
                .report(&sources, args.diagnostics, args.format)
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
        Command::Config {
            print_default,
            check,
            format,
        } => {
            if print_default {
                print!("{DEFAULT_FILE}");
            }
            match check {
                Some(path) => {
                    let (_, warnings) = read_config(&path, &output, format)?;
                    let sources = config_sources(&path);
                    let summary =
                        format!("{}: 0 errors, {} warnings", path.display(), warnings.len());
                    output
                        .report(&sources, Shown::All, format)
                        .print(&warnings, &summary);
                }
                None if !print_default => {
                    return Err(Diagnostic::new(
                        Severity::Error,
                        DiagnosticKind::Config,
                        None,
                        "nothing to do: expected --print-default or --check FILE",
                    ));
                }
                None => {}
            }
            Ok(Outcome::Clean)
        }
        Command::Diff {
            old,
            new,
            include,
            format,
            descriptions,
            config,
            diagnostics,
            diagnostic_format,
        } => {
            let (config, warnings) = match &config {
                Some(path) => read_config(path, &output, diagnostic_format)?,
                None => (Config::default(), Vec::new()),
            };
            // The two sides are read at once, each on its share of the threads.
            let (old_side, new_side) = rayon::join(
                || diff::load_schema(&old, &include, &config),
                || diff::load_schema(&new, &include, &config),
            );
            let (old_side, new_side) = (old_side?, new_side?);
            let mut read = warnings;
            let mut summaries = Vec::new();
            for (path, side) in [(&old, &old_side), (&new, &new_side)] {
                read.extend(side.diagnostics.iter().cloned());
                if let Some(summary) = &side.summary {
                    summaries.push(format!("{}: {summary}", path.display()));
                }
            }
            let sources = Sources::empty();
            output
                .report(&sources, diagnostics, diagnostic_format)
                .print(&read, &summaries.join("\n"));
            let changelog = diff::changelog_for(
                &old_side.schema,
                &new_side.schema,
                &config.output.primitives,
            );
            let format = match format {
                DiffFormat::Text => diff::Format::Text,
                DiffFormat::Json => diff::Format::Json,
                DiffFormat::Markdown => diff::Format::Markdown,
            };
            let options = diff::RenderOptions {
                old: old.display().to_string(),
                new: new.display().to_string(),
                descriptions,
            };
            print!("{}", diff::render(&changelog, format, &options));
            Ok(if has_errors(&read) {
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

/// `graph-models`, the crate name without `--crate-name` or `crate-name`.
fn default_crate_name() -> Result<CrateName, Diagnostic> {
    "graph-models"
        .parse()
        .map_err(|why: String| Diagnostic::new(Severity::Error, DiagnosticKind::Output, None, why))
}

impl Command {
    /// The form the command prints its diagnostics in, a failure to run included.
    fn diagnostic_format(&self) -> Format {
        match self {
            Command::Schema { docs, .. }
            | Command::Compare { docs, .. }
            | Command::Rust { docs, .. }
            | Command::Lint { docs, .. } => docs.format,
            Command::Config { format, .. } => *format,
            Command::Diff {
                diagnostic_format, ..
            } => *diagnostic_format,
            Command::Explain { .. } => Format::Human,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (fatal_format, color) = (
        cli.command.diagnostic_format(),
        cli.output.color.for_stderr(),
    );
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
