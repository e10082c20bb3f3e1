//! Text compared ignoring ASCII case, as the docs' keywords are (`Collection`, `collection`,
//! `Edm.String`, `edm.string`). Text that only differs in ASCII case has the same length, so an
//! offset in one is an offset in the other.

/// Byte offset of the first ASCII-case-insensitive occurrence of `needle` in `text`.
pub fn find_ignore_ascii_case(text: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    text.as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

pub fn starts_with_ignore_ascii_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

pub fn ends_with_ignore_ascii_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}
