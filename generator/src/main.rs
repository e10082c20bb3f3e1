//! `graph-docgen`: the command line over the library's stages.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use graph_docgen::diagnostic::{Diagnostic, Severity};
use graph_docgen::read::PageSelection;
use graph_docgen::rust::{render_crate, render_manifest, CrateName, CrateOptions};
use graph_docgen::write::{self, SyncMode};
use graph_docgen::{compare, diff, export, load_docs, Docs};

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
        /// The crate's name, as Cargo spells it.
        #[arg(long, value_name = "NAME", default_value = "graph-models")]
        crate_name: CrateName,
    },
    /// Print the API changelog between two docs folders or schema files: every type, property,
    /// navigation property, base, kind and enum member added, removed or changed, with the docs'
    /// page:line on each side, classified as breaking or additive for the generated Rust crate
    /// (with the Cargo SemVer rule that applies). Possible renames are marked, never assumed;
    /// description changes are counted, and listed with --descriptions.
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
        /// Which diagnostics of the pages read to print to standard error.
        #[arg(long, value_enum, default_value_t = Shown::Errors)]
        diagnostics: Shown,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Args)]
struct DocsArgs {
    /// Folder of doc pages (read recursively).
    #[arg(long)]
    docs: PathBuf,
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

impl DocsArgs {
    fn load(&self) -> Result<Docs, Diagnostic> {
        let selection = PageSelection::new(&self.docs, &self.include)?;
        let docs = load_docs(&selection)?;
        self.print(&docs.diagnostics);
        eprintln!("{}", docs.summary());
        Ok(docs)
    }

    /// Prints the diagnostics `--diagnostics` asks for.
    fn print(&self, diagnostics: &[Diagnostic]) {
        self.diagnostics.print(diagnostics);
    }
}

impl Shown {
    fn print(self, diagnostics: &[Diagnostic]) {
        let threshold = match self {
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
            let docs = docs.load()?;
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
            let loaded = docs.load()?;
            let comparison = compare::compare(&metadata, &loaded.schema, Some(&docs.docs))?;
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
        } => {
            let loaded = docs.load()?;
            let includes: String = docs
                .include
                .iter()
                .map(|g| format!(" --include {g}"))
                .collect();
            let options = CrateOptions {
                regenerate_command: format!(
                    "graph-docgen rust --docs {}{includes} --out {} --crate-name {}",
                    docs.docs.display(),
                    out.display(),
                    crate_name.as_str()
                ),
                crate_name,
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
        Command::Diff {
            old,
            new,
            include,
            format,
            descriptions,
            diagnostics,
        } => {
            // The two sides are read at once, each on its share of the threads.
            let (old_side, new_side) = rayon::join(
                || diff::load_schema(&old, &include),
                || diff::load_schema(&new, &include),
            );
            let (old_side, new_side) = (old_side?, new_side?);
            for (path, side) in [(&old, &old_side), (&new, &new_side)] {
                diagnostics.print(&side.diagnostics);
                if let Some(summary) = &side.summary {
                    eprintln!("{}: {summary}", path.display());
                }
            }
            let changelog = diff::changelog(&old_side.schema, &new_side.schema);
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
        }
    }
    Ok(())
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
