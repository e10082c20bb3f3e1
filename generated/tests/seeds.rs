//! The JSON examples of the five seed pages (drafts, with placeholders such as
//! `"status": "String"`) read into the types generated from docs-input/ and written back whole.
//! The seeds describe the comms operations, of the `cloud-communications` area: without its
//! feature their examples are skipped, and the test is ignored.

#[rustfmt::skip] // generated, and formatted by the generator
mod round_trip;
// The generator's own helper: like the rest of this test, it needs the generator beside the crate.
#[path = "../../generator/tests/shared.rs"]
mod shared;

use std::path::Path;

use graph_docgen::example_check::example_cases;
use graph_docgen::read::PageSelection;
use graph_docgen::schema::TypeLookup;
use round_trip::{Case, DocDefect, Outcome};

fn load(dir: &Path, include: &[&str]) -> graph_docgen::Docs {
    let include: Vec<String> = include.iter().map(|glob| glob.to_string()).collect();
    let selection = PageSelection::new(dir, &include).unwrap();
    graph_docgen::load_docs(&selection).unwrap()
}

#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "reads ../shared/seeds: set GRAPH_DOCGEN_SHARED=../shared"
)]
#[cfg_attr(
    all(shared_corpus, not(feature = "cloud-communications")),
    ignore = "needs feature `cloud-communications`: the seeds' examples are of its types"
)]
fn seed_examples_round_trip() {
    let docs_input = load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-input"),
        &[],
    );
    let seeds = load(&shared::shared_dir().join("seeds"), &["*.txt"]);
    // The seeds' examples, classed against the schema this crate is generated from.
    let lookup = TypeLookup::new(&docs_input.schema);
    let cases = example_cases(&lookup, &seeds.examples);
    let values: Vec<Vec<&str>> = cases
        .iter()
        .map(|case| case.values.iter().map(String::as_str).collect())
        .collect();
    let cases: Vec<Case<'_>> = cases
        .iter()
        .zip(&values)
        .map(|(case, values)| Case {
            at: &case.at,
            type_name: case.type_name.as_deref().unwrap_or(""),
            values,
            collection: case.collection,
            doc_defect: case.doc_defect.as_ref().map(|defect| DocDefect {
                class: defect.class.as_str(),
                explains_failure: defect.class.explains_failure(),
                detail: &defect.detail,
            }),
        })
        .collect();
    let report = round_trip::check_examples(&cases);
    // A request and a response on each of the five pages.
    assert_eq!(report.count(&Outcome::Pass), 10, "{report}");
}
