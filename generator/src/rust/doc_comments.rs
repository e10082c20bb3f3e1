//! Doc comments as attributes: one `#[doc = " line"]` per source line, which prettyplease prints
//! as a `///` (or `//!`) line.

use proc_macro2::TokenStream;
use quote::quote;

/// The lines of `text` as they go into doc attributes: trailing blanks and blank lines at either
/// end dropped, tabs as four spaces, each non-empty line led by one space.
fn doc_lines(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(first, |l| l + 1);
    lines[first..last]
        .iter()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!(" {}", line.replace('\t', "    "))
            }
        })
        .collect()
}

/// Outer doc attributes (`///`) for an item; nothing for empty text.
pub fn doc_attrs(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote!(#(#[doc = #lines])*)
}

/// Inner doc attributes (`//!`) for a module or crate.
pub fn inner_doc_attrs(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote!(#(#![doc = #lines])*)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_attribute_per_line() {
        assert_eq!(
            doc_lines("\n  First line.\t\n\nSecond\tline.  \n\n"),
            ["   First line.", "", " Second    line."]
        );
        assert!(doc_attrs("").is_empty());
        assert_eq!(
            doc_attrs("Say \"hi\".").to_string(),
            r#"# [doc = " Say \"hi\"."]"#
        );
    }
}
