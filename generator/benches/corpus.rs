//! The whole Graph reference snapshot (v1.0 and beta), timed two ways:
//! - the floor: list and read every page and run pulldown-cmark over it, in parallel, and
//!   nothing else: no generator can read the pages faster than that;
//! - ours: the full schema export, `load_docs` and the schema JSON, as `graph-docgen schema`.
//!
//! The project's goal is ours <= 1.5 x the floor. Plain std timing rather than criterion: two
//! long measurements of whole runs need no statistics beyond min and median, and criterion
//! would add a large dependency tree for everyone who builds the tests.
//!
//! `GRAPH_DOCGEN_SHARED=../shared cargo bench -p graph-docgen --bench corpus [-- floor|ours] [--once]`
//! (skipped with a message without the variable). `--once` runs once without warm-up, for a
//! profiler (`perf record`, `valgrind --tool=callgrind`).

#[path = "../tests/shared.rs"]
mod shared;

use std::hint::black_box;
use std::time::{Duration, Instant};

use graph_docgen::read::PageSelection;
use pulldown_cmark::{Options, Parser};
use rayon::prelude::*;

const WARM_UP_RUNS: usize = 2;
const MEASURED_RUNS: usize = 10;

fn selections() -> Vec<PageSelection> {
    shared::CORPUS_VERSIONS
        .iter()
        .map(|version| {
            PageSelection::new(shared::corpus_docs(version), &[]).expect("the default selection")
        })
        .collect()
}

/// Reads and parses every page with the Markdown options the page stage uses; returns the
/// number of Markdown events, so the work cannot be optimised away.
fn floor(selections: &[PageSelection]) -> usize {
    selections
        .iter()
        .map(|selection| {
            let pages = selection.list().expect("the pages");
            pages
                .par_iter()
                .map(|page| {
                    let text = selection.read(page).expect("a readable page").text;
                    Parser::new_ext(&text, Options::ENABLE_TABLES)
                        .into_offset_iter()
                        .count()
                })
                .sum::<usize>()
        })
        .sum()
}

/// The schema export of every version; returns the JSON's length.
fn ours(selections: &[PageSelection]) -> usize {
    selections
        .iter()
        .map(|selection| {
            let docs = graph_docgen::load_docs(selection).expect("the docs load");
            graph_docgen::export::schema_json(&docs.schema).len()
        })
        .sum()
}

struct Timing {
    min: Duration,
    median: Duration,
}

fn time(name: &str, once: bool, run: impl Fn() -> usize) -> Timing {
    let (warm_up, measured) = if once {
        (0, 1)
    } else {
        (WARM_UP_RUNS, MEASURED_RUNS)
    };
    for _ in 0..warm_up {
        black_box(run());
    }
    let mut runs: Vec<Duration> = (0..measured)
        .map(|_| {
            let start = Instant::now();
            black_box(run());
            start.elapsed()
        })
        .collect();
    runs.sort();
    let timing = Timing {
        min: runs[0],
        median: runs[runs.len() / 2],
    };
    println!(
        "{name:<6} min {:>8.1} ms   median {:>8.1} ms   ({measured} runs after {warm_up} warm-up)",
        millis(timing.min),
        millis(timing.median)
    );
    timing
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn main() {
    if shared::shared_dir_if_set().is_none() {
        println!("corpus benchmark skipped: set GRAPH_DOCGEN_SHARED=../shared");
        return;
    }
    // Cargo passes `--bench`; the rest chooses what runs.
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let once = arguments.iter().any(|a| a == "--once");
    let only: Vec<&str> = arguments
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let runs = |name: &str| only.is_empty() || only.contains(&name);

    let selections = selections();
    let pages: usize = selections
        .iter()
        .map(|s| s.list().expect("the pages").len())
        .sum();
    println!(
        "corpus: {pages} pages ({}), {} rayon threads",
        shared::CORPUS_VERSIONS.join(" + "),
        rayon::current_num_threads()
    );
    let floor = runs("floor").then(|| time("floor", once, || floor(&selections)));
    let ours = runs("ours").then(|| time("ours", once, || ours(&selections)));
    if let (Some(floor), Some(ours)) = (floor, ours) {
        println!(
            "ours / floor: {:.2} by median, {:.2} by min (goal: <= 1.5)",
            ours.median.as_secs_f64() / floor.median.as_secs_f64(),
            ours.min.as_secs_f64() / floor.min.as_secs_f64()
        );
    }
}
