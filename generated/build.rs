//! Tests that read the seed pages in `../shared` run only when `GRAPH_DOCGEN_SHARED` points at
//! that folder (CI sets it); without it they are compiled as ignored, with a reason. The same
//! convention as the generator's build script.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared_corpus)");
    println!("cargo::rerun-if-env-changed=GRAPH_DOCGEN_SHARED");
    if std::env::var_os("GRAPH_DOCGEN_SHARED").is_some_and(|v| !v.is_empty()) {
        println!("cargo::rustc-cfg=shared_corpus");
    }
}
