//! JSON as doc writers type it. The pages' metadata comments, JSON representations and example
//! bodies are hand-written, and a trailing comma after the last member or element is a common
//! slip that strict JSON rejects; the page and facts stages read them through these functions so
//! that such a block still counts, while any other mistake is still an error.

use serde_json::Value;

/// JSON as doc writers type it: trailing commas are forgiven. The error is the strict reading's.
pub fn parse_lenient_json(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str(text)
        .or_else(|error| parse_without_trailing_commas(text).map_err(|_| error))
}

/// `text` read as JSON once its trailing commas are removed: the second half of
/// [`parse_lenient_json`], for a caller that has read the text strictly already.
pub fn parse_without_trailing_commas(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str(&strip_trailing_commas(text))
}

/// Removes commas that are followed (after white space) by `}` or `]`, outside strings.
fn strip_trailing_commas(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if c == '"' {
            in_string = true;
        } else if c == ',' {
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if matches!(next, Some('}') | Some(']') | None) {
                continue;
            }
        }
        out.push(c);
    }
    out
}
