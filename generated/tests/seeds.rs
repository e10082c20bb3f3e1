//! The JSON examples of the five seed pages (drafts, with placeholders such as
//! `"status": "String"`) read into the types generated from docs-input/ and written back whole.

#[rustfmt::skip] // generated, and formatted by the generator
mod round_trip;
mod shared;

use graph_docgen::read::PageSelection;

#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "reads ../shared/seeds: set GRAPH_DOCGEN_SHARED=../shared"
)]
fn seed_examples_round_trip() {
    let seeds = shared::shared_dir().join("seeds");
    let selection = PageSelection::new(&seeds, &["*.txt".to_string()]).unwrap();
    let docs = graph_docgen::load_docs(&selection).unwrap();
    // A request and a response on each of the five pages.
    assert_eq!(round_trip::check_examples(&docs.examples), 10);
}
