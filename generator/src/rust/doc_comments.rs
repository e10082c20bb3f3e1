//! Doc comments as attributes: one `#[doc = " line"]` per source line, which prettyplease prints
//! as a `///` (or `//!`) line.
//!
//! An item's docs are the pages' text, which rustdoc reads as Markdown. The pages' text has no
//! markup left but code spans (a link keeps its text, a table cell's line break is a space),
//! so outside code and links, as pulldown-cmark (which rustdoc uses) reads it:
//! - `[` and `]` are escaped: they are text (`PCR[0]`, `[Deprecated]`), which rustdoc would
//!   take for intra-doc links;
//! - what reads as an HTML tag is text too (`"+<country code> <number>"`, a placeholder): its
//!   `<` is written `&lt;`, so rustdoc shows it, rather than hiding it as a tag left open;
//! - a bare URL (`http://` or `https://` up to the first character a URL does not hold, less a
//!   sentence's closing punctuation) is written as an autolink (`<https://...>`), as rustdoc
//!   asks.

use proc_macro2::TokenStream;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
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

/// Outer doc attributes (`///`) for an item, from the pages' text (see the module
/// documentation); nothing for empty text.
pub fn doc_attrs(text: &str) -> TokenStream {
    let lines = doc_lines(&page_text_markdown(text));
    quote!(#(#[doc = #lines])*)
}

/// The pages' `text` as the Markdown of a doc comment (see the module documentation).
fn page_text_markdown(text: &str) -> String {
    // The extensions rustdoc turns on, so that text is what rustdoc takes for text.
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut markdown = String::with_capacity(text.len());
    let mut copied = 0;
    // Inside a code block, a link or an image, text is not prose.
    let mut not_prose = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Link { .. } | Tag::Image { .. }) => {
                not_prose += 1
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Link | TagEnd::Image) => {
                not_prose = not_prose.saturating_sub(1)
            }
            Event::Text(_) if not_prose == 0 && range.start >= copied => {
                markdown.push_str(&text[copied..range.start]);
                escape_text(text, range.start, range.end, &mut markdown);
                copied = range.end;
            }
            Event::Html(_) | Event::InlineHtml(_) if not_prose == 0 && range.start >= copied => {
                markdown.push_str(&text[copied..range.start]);
                markdown.push_str(&text[range.clone()].replace('<', "&lt;"));
                copied = range.end;
            }
            _ => {}
        }
    }
    markdown.push_str(&text[copied..]);
    markdown
}

/// Appends `source[start..end]`, prose, with its brackets escaped and its URLs made autolinks.
fn escape_text(source: &str, start: usize, end: usize, markdown: &mut String) {
    let mut at = start;
    while let Some(c) = source[at..end].chars().next() {
        if let Some(url) = url_at(&source[at..end]) {
            markdown.push('<');
            markdown.push_str(url);
            markdown.push('>');
            at += url.len();
            continue;
        }
        // A bracket the text escapes already is escaped once.
        let escaped = source[..at].ends_with('\\') && !source[..at].ends_with("\\\\");
        if matches!(c, '[' | ']') && !escaped {
            markdown.push('\\');
        }
        markdown.push(c);
        at += c.len_utf8();
    }
}

/// The bare URL `text` starts with, if it starts with one.
fn url_at(text: &str) -> Option<&str> {
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|scheme| text.starts_with(scheme))?;
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || "-@:%._+~#?&/=".contains(c)))
        .unwrap_or(text.len());
    let url = text[..end].trim_end_matches(['.', ',', ':', ';', '?', '!']);
    (url.len() > scheme.len()).then_some(url)
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

    #[test]
    fn brackets_are_text_and_bare_urls_autolinks_outside_code() {
        let cases = [
            (
                "[Deprecated] Captured in PCR[0].",
                r"\[Deprecated\] Captured in PCR\[0\].",
            ),
            (
                "For example, https://www.contoso.com/app/privacy.",
                "For example, <https://www.contoso.com/app/privacy>.",
            ),
            (
                "As \"https://graph.microsoft.com/v1.0/x\", or http[s]://msdn.microsoft.com/.",
                r#"As "<https://graph.microsoft.com/v1.0/x>", or http\[s\]://msdn.microsoft.com/."#,
            ),
            // Code, autolinks, links and escapes stay as they are.
            (
                "Set to `[\"User\"]`, <https://a.example/>, [a](https://a.example/) \\[y\\].",
                r#"Set to `["User"]`, <https://a.example/>, [a](https://a.example/) \[y\]."#,
            ),
            (
                "Written \"+<country code> <number>\", `<b>`.",
                "Written \"+&lt;country code> &lt;number>\", `<b>`.",
            ),
            ("<decription>\nText.", "&lt;decription>\nText."),
            ("    [indented] code", "    [indented] code"),
            ("No URL in http:// alone.", "No URL in http:// alone."),
        ];
        for (text, markdown) in cases {
            assert_eq!(page_text_markdown(text), markdown, "{text}");
        }
    }
}
