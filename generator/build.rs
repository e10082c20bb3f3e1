//! Tests that read the third-party pages in `../shared` run only when `GRAPH_DOCGEN_SHARED`
//! points at that folder (CI sets it). Without it they are compiled as ignored, with a reason,
//! so a fresh clone's `cargo test` lists them as skipped rather than hiding them.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared_corpus)");
    println!("cargo::rerun-if-env-changed=GRAPH_DOCGEN_SHARED");
    if std::env::var_os("GRAPH_DOCGEN_SHARED").is_some_and(|v| !v.is_empty()) {
        println!("cargo::rustc-cfg=shared_corpus");
    }
}
