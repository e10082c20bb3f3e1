//! `graph-docgen`: the command line over the library's stages.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use graph_docgen::diagnostic::{Diagnostic, Severity};
use graph_docgen::read::PageSelection;
use graph_docgen::rust::{read_guide, render_crate, render_manifest, CrateName, CrateOptions};
use graph_docgen::write::{self, SyncMode};
use graph_docgen::{compare, export, load_docs, Docs};

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
        /// A hand-written Markdown file put into the crate docs after their first line, such
        /// as a worked example of the crate's types; its Rust code blocks become doctests.
        #[arg(long, value_name = "FILE")]
        guide: Option<PathBuf>,
    },
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
            guide,
        } => {
            let guide = guide.as_deref().map(read_guide).transpose()?;
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
                guide,
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
