//! The whole Graph reference snapshot, v1.0 and beta: every page is read and accounted for,
//! the schema is the same bytes whatever the thread count, and v1.0 keeps its fidelity floors.
//!
//! Run with `-- --nocapture` to see the summary lines and the fidelity table.

mod shared;

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use graph_docgen::compare::{compare, read_csdl, Universe};
use graph_docgen::diagnostic::{DiagnosticKind, Severity};
use graph_docgen::export::schema_json;
use graph_docgen::facts::Evidence;
use graph_docgen::page::{parse_page, Block, Link, Page};
use graph_docgen::read::PageSelection;
use graph_docgen::{load_docs, Docs};

/// v1.0's F1 per fact class, and over all facts (micro-averaged), in the documented universe.
/// Each floor is the value measured when it was set, rounded down to 3 decimals. They may only
/// ratchet up: raise a floor when a change lifts its score; never lower one to let a change in.
const V1_FIDELITY_FLOORS: [(&str, f64); 8] = [
    ("type", 0.974),
    ("kind", 0.996),
    ("base", 0.959),
    ("prop", 0.983),
    ("proptype", 0.981),
    ("nav", 0.954),
    ("member", 0.974),
    ("all", 0.980),
];

/// More threads than the 1 of the sequential run, whatever the machine, so that work is
/// interleaved differently between the two.
const PARALLEL_THREADS: usize = 4;

fn selection(version: &str) -> PageSelection {
    PageSelection::new(shared::corpus_docs(version), &[]).expect("the default selection")
}

fn load_with_threads(version: &str, threads: usize) -> Docs {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    pool.install(|| load_docs(&selection(version)))
        .unwrap_or_else(|error| panic!("{version} loads: {error}"))
}

/// Each version loaded once per test binary (with [`PARALLEL_THREADS`]), for every test.
fn docs(version: &str) -> &'static Docs {
    static LOADED: [OnceLock<Docs>; shared::CORPUS_VERSIONS.len()] =
        [OnceLock::new(), OnceLock::new()];
    let slot = shared::CORPUS_VERSIONS
        .iter()
        .position(|v| *v == version)
        .expect("a corpus version");
    LOADED[slot].get_or_init(|| load_with_threads(version, PARALLEL_THREADS))
}

/// The pages the docs show something of: a schema source, an example, or a diagnostic that
/// says why the page, or a fact of it, gives nothing.
fn pages_with_output(docs: &Docs) -> BTreeSet<&str> {
    let mut pages = BTreeSet::new();
    for ty in &docs.schema.types {
        pages.extend(ty.sources.iter().map(|at| &*at.file));
        for property in &ty.properties {
            pages.extend(property.sources.iter().map(|at| &*at.file));
        }
        pages.extend(ty.members.iter().map(|member| &*member.source.file));
    }
    pages.extend(docs.examples.iter().map(|example| &*example.location.file));
    // API pages of actions, which are expected to yield nothing.
    pages.extend(docs.expected_empty.iter().map(|page| &**page));
    let says_why_nothing = [
        DiagnosticKind::Unreadable,
        DiagnosticKind::NoFacts,
        DiagnosticKind::UnknownType,
    ];
    pages.extend(
        docs.diagnostics
            .iter()
            .filter(|d| says_why_nothing.contains(&d.kind))
            .filter_map(|d| d.location.as_ref())
            .map(|at| &*at.file),
    );
    pages
}

#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "reads ../shared/corpus: set GRAPH_DOCGEN_SHARED=../shared"
)]
fn every_page_is_read_and_accounted_for() {
    for version in shared::CORPUS_VERSIONS {
        // A page that panics fails the load, and with it this test.
        let docs = docs(version);
        println!("{version}: {}", docs.summary());
        let listed: Vec<Arc<str>> = selection(version).list().expect("the pages");
        let shown = pages_with_output(docs);
        let unaccounted: Vec<&str> = listed
            .iter()
            .map(|page| &**page)
            .filter(|page| !shown.contains(page))
            .collect();
        assert!(
            unaccounted.is_empty(),
            "{version}: {} pages give no schema source, no example and no diagnostic saying why:\n{}",
            unaccounted.len(),
            unaccounted.join("\n")
        );
    }
}

/// The first line where two texts differ, with both sides, or `None` if they are equal; a
/// whole schema is too long for an assertion message.
fn first_difference(left: &str, right: &str) -> Option<String> {
    if left == right {
        return None;
    }
    let mut left_lines = left.lines();
    let mut right_lines = right.lines();
    let mut number = 1;
    loop {
        match (left_lines.next(), right_lines.next()) {
            (Some(l), Some(r)) if l == r => number += 1,
            (l, r) => return Some(format!("line {number}: {l:?} vs {r:?}")),
        }
    }
}

#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "reads ../shared/corpus: set GRAPH_DOCGEN_SHARED=../shared"
)]
fn one_thread_and_several_give_the_same_schema_bytes() {
    for version in shared::CORPUS_VERSIONS {
        let sequential = load_with_threads(version, 1);
        let parallel = docs(version);
        let difference = first_difference(
            &schema_json(&sequential.schema),
            &schema_json(&parallel.schema),
        );
        assert_eq!(
            difference, None,
            "{version}: schema JSON, 1 thread vs {PARALLEL_THREADS}"
        );
        assert!(
            sequential.diagnostics == parallel.diagnostics,
            "{version}: diagnostics, 1 thread vs {PARALLEL_THREADS}"
        );
    }
}

/// The pages are merged in path order (it breaks ties between pages), so the listing must be
/// sorted whatever order the file system returns the files in.
#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "reads ../shared/corpus: set GRAPH_DOCGEN_SHARED=../shared"
)]
fn pages_are_listed_in_path_order_whatever_the_file_system_order() {
    for version in shared::CORPUS_VERSIONS {
        let root = shared::corpus_docs(version);
        let listed: Vec<Arc<str>> = selection(version).list().expect("the pages");
        assert!(
            listed.windows(2).all(|pair| pair[0] < pair[1]),
            "{version}: listed in strictly increasing path order"
        );
        // The same folder walked in reverse name order, then sorted, gives the same list.
        let mut walked: Vec<String> = walkdir::WalkDir::new(&root)
            .sort_by(|a, b| b.file_name().cmp(a.file_name()))
            .into_iter()
            .map(|entry| entry.expect("a readable entry"))
            .filter(|entry| entry.file_type().is_file())
            .filter(|entry| entry.path().extension().is_some_and(|e| e == "md"))
            .map(|entry| {
                let relative = entry.path().strip_prefix(&root).expect("under the root");
                relative.to_str().expect("a UTF-8 path").replace('\\', "/")
            })
            .collect();
        walked.sort();
        assert!(
            listed
                .iter()
                .map(|page| &**page)
                .eq(walked.iter().map(String::as_str)),
            "{version}: the listing is the sorted set of .md files"
        );
    }
}

#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "reads ../shared/corpus: set GRAPH_DOCGEN_SHARED=../shared"
)]
fn v1_fidelity_holds_its_floors() {
    let metadata = read_csdl(&shared::shared_dir().join(shared::V1_CSDL)).expect("the metadata");
    let docs_root = shared::corpus_docs("v1.0");
    let comparison = compare(&metadata, &docs("v1.0").schema, &[docs_root]).expect("comparable");
    let score = comparison
        .universe(Universe::Documented)
        .expect("the documented universe");
    let classes = score
        .classes()
        .map(|(class, counts)| (class.as_str(), counts));
    let mut below = Vec::new();
    println!("v1.0 documented: class, f1, floor, hit, truth, claimed");
    for (class, counts) in classes.chain([("all", score.total())]) {
        let floor = V1_FIDELITY_FLOORS
            .iter()
            .find(|(name, _)| *name == class)
            .map(|(_, floor)| *floor)
            .unwrap_or_else(|| panic!("a floor for {class}"));
        let f1 = counts.f1();
        println!(
            "{class:<9} {f1:.5} {floor:.3} {:>9.2} {:>6} {:>7}",
            counts.hit, counts.truth, counts.claimed
        );
        if f1 < floor {
            below.push(format!("{class}: {f1:.4} < {floor:.3}"));
        }
    }
    assert!(below.is_empty(), "F1 below its floor: {}", below.join(", "));
}

/// "Inherits from [x](x.md)." as a sentence of its own in a text block: the link's text and
/// target, and the block's line.
fn stated_bases<'p>(page: &'p Page<'_>) -> impl Iterator<Item = (&'p Link<'p>, u32)> + 'p {
    page.blocks().iter().filter_map(|block| {
        let Block::Text(text) = block else {
            return None;
        };
        text.links.iter().find_map(|link| {
            let sentence = format!("Inherits from {}", link.text);
            let at = text.text.find(&sentence)?;
            let opens = at == 0 || text.text[..at].trim_end().ends_with(['.', '!', '?', ':']);
            let rest = text.text[at + sentence.len()..].trim_start_matches('.');
            let closes = rest.is_empty() || rest.starts_with(char::is_whitespace);
            (opens && closes && !link.text.is_empty()).then_some((link, text.span.line))
        })
    })
}

/// The page a link on `page` points at, relative to the docs root.
fn linked_page(page: &str, target: &str) -> String {
    let target = target.split(['#', '?']).next().unwrap_or("");
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in target.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            part => parts.push(part),
        }
    }
    parts.join("/").to_ascii_lowercase()
}

/// A page's "Inherits from [x](x.md)." sentence holds: the schema's base of the page's type is
/// `x`, or a warning at the sentence says why not, or the page's facts are left out and a note
/// at its first line says so. Read from the pages, not from the CSDL.
#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "reads ../shared/corpus: set GRAPH_DOCGEN_SHARED=../shared"
)]
fn every_stated_base_is_the_schema_base_or_overruled_at_its_page() {
    for version in shared::CORPUS_VERSIONS {
        let docs = docs(version);
        let selection = selection(version);
        let reported_at = |path: &str, line: u32, severity: Severity| {
            docs.diagnostics.iter().any(|d| {
                d.severity <= severity
                    && d.location
                        .as_ref()
                        .is_some_and(|at| &*at.file == path && at.line == line)
            })
        };
        let mut stated = 0;
        let mut lost = Vec::new();
        for path in selection.list().expect("the pages") {
            if !path.starts_with("resources/") {
                continue;
            }
            let source = selection.read(&path).expect("a readable page");
            let (page, _) = parse_page(&source);
            let Some((link, line)) = stated_bases(&page).next() else {
                continue;
            };
            stated += 1;
            let facts = graph_docgen::facts::extract(&page);
            let described = facts
                .types
                .iter()
                .find(|ty| ty.evidence == Evidence::TypePage)
                .map(|ty| format!("{}.{}", ty.namespace, ty.name.name));
            // The schema may spell the type otherwise than its comment does (an all-lower-case
            // name takes the camelCase of its title), never two types alike but for case.
            let Some(ty) = described.as_deref().and_then(|name| {
                docs.schema
                    .types
                    .iter()
                    .find(|ty| ty.qualified_name().eq_ignore_ascii_case(name))
            }) else {
                if !reported_at(&path, 1, Severity::Note) {
                    lost.push(format!("{path}:{line}: {described:?} is not in the schema"));
                }
                continue;
            };
            let named = link.text.trim_matches('`');
            let named_page = linked_page(&path, &link.target);
            let base = ty.base.as_deref().and_then(|base| docs.schema.get(base));
            let honoured = base.is_some_and(|base| {
                base.name.eq_ignore_ascii_case(named)
                    || base
                        .sources
                        .iter()
                        .any(|at| at.file.eq_ignore_ascii_case(&named_page))
            });
            if !honoured && !reported_at(&path, line, Severity::Warning) {
                lost.push(format!(
                    "{path}:{line}: `{}` inherits from `{named}`; the schema's base is {:?}",
                    ty.name, ty.base
                ));
            }
        }
        println!("{version}: {stated} pages state their base in a sentence");
        assert!(
            lost.is_empty(),
            "{version}: {} stated bases the schema neither takes nor says why:\n{}",
            lost.len(),
            lost.join("\n")
        );
    }
}
