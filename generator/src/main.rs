//! `graph-docgen`: the command line over the library's stages.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use graph_docgen::config::{Config, DEFAULT_FILE};
use graph_docgen::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use graph_docgen::read::{DocsFolder, PageSelection};
use graph_docgen::rust::{read_guide, render_crate, render_manifest, CrateName, CrateOptions};
use graph_docgen::write::{self, SyncMode};
use graph_docgen::{compare, export, load_configured_docs, Docs};

#[derive(Parser)]
#[command(
    name = "graph-docgen",
    version,
    about = "API reference pages -> schema -> Rust models"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Export the merged schema as JSON (format graph-docs-schema/1).
    Schema {
        #[command(flatten)]
        docs: DocsArgs,
        /// Where to write the JSON; standard output if absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Compare the docs with official CSDL metadata: what they disagree on (docs page:line), and
    /// recall / precision / F1 per fact class, counted as tools/fidelity.py counts them.
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
    Config {
        /// Print the default docgen.toml, every key commented, to standard output.
        #[arg(long)]
        print_default: bool,
        /// Check a docgen.toml and print its diagnostics.
        #[arg(long, value_name = "FILE")]
        check: Option<PathBuf>,
    },
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
    /// Which diagnostics to print to standard error.
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
    /// None, only the summary line.
    None,
}

/// What a command read: the docs, from the folders `roots`, as `config` says.
struct Loaded {
    docs: Docs,
    config: Config,
    roots: Vec<PathBuf>,
}

/// Reads the docgen.toml at `path`: the config with its warnings, or a failure naming the
/// file once its every error is printed.
fn read_config(path: &std::path::Path) -> Result<(Config, Vec<Diagnostic>), Diagnostic> {
    Config::read(path).map_err(|diagnostics| {
        for diagnostic in &diagnostics {
            eprintln!("{diagnostic}");
        }
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Diagnostic::new(
            Severity::Error,
            DiagnosticKind::Config,
            None,
            format!("{} has {errors} errors; nothing was read", path.display()),
        )
    })
}

impl DocsArgs {
    fn load(&self) -> Result<Loaded, Diagnostic> {
        let (config, warnings) = match &self.config {
            Some(path) => read_config(path)?,
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
        let mut docs = load_configured_docs(&selection, &config)?;
        docs.diagnostics.extend(warnings);
        docs.diagnostics.sort();
        self.print(&docs.diagnostics);
        eprintln!("{}", docs.summary());
        let roots = folders.into_iter().map(|folder| folder.dir).collect();
        Ok(Loaded {
            docs,
            config,
            roots,
        })
    }

    /// Prints the diagnostics `--diagnostics` asks for.
    fn print(&self, diagnostics: &[Diagnostic]) {
        let threshold = match self.diagnostics {
            Shown::All => Some(Severity::Note),
            Shown::Warnings => Some(Severity::Warning),
            Shown::Errors => Some(Severity::Error),
            Shown::None => None,
        };
        if let Some(threshold) = threshold {
            for diagnostic in diagnostics.iter().filter(|d| d.severity <= threshold) {
                eprintln!("{diagnostic}");
            }
        }
    }
}

fn run(cli: Cli) -> Result<(), Diagnostic> {
    match cli.command {
        Command::Schema { docs, output } => {
            let docs = docs.load()?.docs;
            let json = export::schema_json(&docs.schema);
            match output {
                Some(path) => {
                    write::write_if_changed(&path, &json)?;
                }
                None => print!("{json}"),
            }
        }
        Command::Compare {
            docs,
            csdl,
            misses,
            json,
        } => {
            let metadata = compare::read_csdl(&csdl)?;
            let Loaded {
                docs: loaded,
                roots,
                ..
            } = docs.load()?;
            let comparison = compare::compare(&metadata, &loaded.schema, &roots)?;
            if json {
                print!("{}", compare::json(&comparison));
            } else {
                print!("{}", compare::report(&comparison, misses));
            }
        }
        Command::Rust {
            docs,
            out,
            crate_name,
            guide,
        } => {
            let guide = guide.as_deref().map(read_guide).transpose()?;
            let Loaded {
                docs: loaded,
                config,
                ..
            } = docs.load()?;
            // The command as given: the folders of a --config file are the file's to say.
            let mut arguments: String = docs
                .docs
                .iter()
                .map(|dir| format!(" --docs {}", dir.display()))
                .collect();
            arguments.extend(docs.include.iter().map(|g| format!(" --include {g}")));
            if let Some(path) = &docs.config {
                arguments.push_str(&format!(" --config {}", path.display()));
            }
            let crate_name = match crate_name.or(config.output.crate_name) {
                Some(name) => name,
                None => default_crate_name()?,
            };
            let options = CrateOptions {
                regenerate_command: format!(
                    "graph-docgen rust{arguments} --out {} --crate-name {}",
                    out.display(),
                    crate_name.as_str()
                ),
                crate_name,
                guide,
                primitives: config.output.primitives,
                doc_comments: config.output.doc_comments,
                derives: config.output.derives,
                module_names: config.output.module_names,
            };
            let (mut files, render_diagnostics) =
                render_crate(&loaded.schema, &loaded.examples, &options);
            docs.print(&render_diagnostics);
            files.push(render_manifest(&loaded.schema, &options));
            let mut run_diagnostics = loaded.diagnostics;
            run_diagnostics.extend(render_diagnostics);
            let report = write::sync_generated_files(
                &out,
                &files,
                &run_diagnostics,
                SyncMode::Write,
                &options.regenerate_command,
            )?;
            eprintln!("{report}");
        }
        Command::Config {
            print_default,
            check,
        } => {
            if print_default {
                print!("{DEFAULT_FILE}");
            }
            if let Some(path) = check {
                let (_, warnings) = read_config(&path)?;
                for warning in &warnings {
                    eprintln!("{warning}");
                }
                eprintln!("{}: {} warnings", path.display(), warnings.len());
            } else if !print_default {
                return Err(Diagnostic::new(
                    Severity::Error,
                    DiagnosticKind::Config,
                    None,
                    "nothing to do: expected --print-default or --check FILE",
                ));
            }
        }
    }
    Ok(())
}

/// `graph-models`, the crate name without `--crate-name` or `crate-name`.
fn default_crate_name() -> Result<CrateName, Diagnostic> {
    "graph-models"
        .parse()
        .map_err(|why: String| Diagnostic::new(Severity::Error, DiagnosticKind::Output, None, why))
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(diagnostic) => {
            eprintln!("{diagnostic}");
            ExitCode::FAILURE
        }
    }
}
