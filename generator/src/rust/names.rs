//! Rust names for documented names, and the collision rule.
//!
//! Words: a documented name splits into words at every character that is not an ASCII letter or
//! digit, before an upper-case letter that follows a lower-case letter or a digit
//! (`createdDateTime`), and before the last upper-case letter of an acronym followed by a
//! lower-case one (`HTMLContent` -> `HTML`, `Content`). Digits stay with the word before them.
//! A one-letter word joins the word after it in the same run when it is lower case (`eTag` ->
//! `eTag`, `iCalUId` -> `iCal`, ..., `oAuth2Grant` -> `oAuth2`, `Grant`: a brand's `i`, `e`
//! for electronic), or when it is upper case and the word after it has at most two letters
//! (`iCalUId` -> `iCal`, `UId`; `cloudPCs` -> `cloud`, `PCs`; `speedInMHz` -> `speed`, `In`,
//! `MHz`: an acronym whose last letters read as a word of their own). A capital before a longer
//! word stays a word (`hyperVNotAvailable` -> `hyper`, `V`, `Not`, `Available`;
//! `windows10XVpn`; `activeXControl`), since the letters alone cannot tell `IPod` from `VNot`
//! and a wrong join reads worse than a split: so `iPhoneAndIPod` is `iphone_and_i_pod`. A
//! one-letter word that ends its run stays a word (`pointX` -> `point`, `X`), and a digit is
//! not a letter (`x509Certificate` -> `x509`, `Certificate`; `ipV4Address` -> `ip`, `V4`,
//! `Address`).
//!
//! - Fields and modules are `snake_case` (`iCalUId` -> `ical_uid`), types and variants
//!   `PascalCase` (every word capitalised, the rest lower-cased: `HTMLContent` -> `HtmlContent`,
//!   `iCalUId` -> `IcalUid`).
//! - A name that starts with a digit gets a leading `_` (`1080p` -> `_1080p`); a name with no
//!   letter or digit at all becomes `unnamed` / `Unnamed`.
//! - Keywords become raw identifiers (`type` -> `r#type`); the ones that cannot be raw (`self`,
//!   `Self`, `super`, `crate`) get a trailing `_` (`self_`).
//! - Collisions: within one scope (the fields of a struct, the items of a module, the variants of
//!   an enum, the submodules of a module) names are claimed in a fixed order, documented where
//!   each scope is built; the first claim gets the name, a later one the smallest free number
//!   from 2 up (`foo_bar_2` for fields and modules, `FooBar2` for types and variants).

use std::collections::BTreeSet;

use proc_macro2::{Ident, Span};

/// Keywords of every edition (strict and reserved), which need `r#` or a suffix.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// The words of a documented name (see the module documentation).
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for run in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut pending: Option<String> = None;
        for word in run_words(run) {
            let word = match pending.take() {
                Some(letter) if joins(&letter, &word) => letter + &word,
                Some(letter) => {
                    words.push(letter);
                    word
                }
                None => word,
            };
            if word.len() == 1 && word.starts_with(|c: char| c.is_ascii_alphabetic()) {
                pending = Some(word);
            } else {
                words.push(word);
            }
        }
        words.extend(pending);
    }
    words
}

/// Whether a one-letter word is a prefix of the word after it (see the module documentation).
fn joins(letter: &str, next: &str) -> bool {
    letter.starts_with(|c: char| c.is_ascii_lowercase())
        || next.chars().filter(char::is_ascii_alphabetic).count() <= 2
}

/// A run of letters and digits split before an upper-case letter that follows a lower-case
/// letter or a digit, and before the last upper-case letter of an acronym followed by a
/// lower-case one.
fn run_words(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1);
        let starts_word = c.is_ascii_uppercase()
            && previous.is_some_and(|p| {
                p.is_ascii_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_ascii_uppercase() && next.is_some_and(char::is_ascii_lowercase))
            });
        if starts_word && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        word.push(c);
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Makes a joined name a valid identifier: leading digit, nothing left, keywords.
fn finish(name: String, unnamed: &str) -> String {
    let name = match name.chars().next() {
        None => unnamed.to_string(),
        Some(c) if c.is_ascii_digit() => format!("_{name}"),
        Some(_) => name,
    };
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// `snake_case`, for fields and modules.
pub fn snake_case(name: &str) -> String {
    let joined = words(name)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    finish(joined, "unnamed")
}

/// `PascalCase`, for types and variants.
pub fn pascal_case(name: &str) -> String {
    let joined: String = words(name)
        .iter()
        .map(|word| {
            let lower = word.to_ascii_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect();
    finish(joined, "Unnamed")
}

/// An identifier for a name made by this module (`r#type` becomes a raw identifier).
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The name as it appears in a file name (`r#type` -> `type`).
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// How a numbered name is spelled in a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `foo_bar_2`
    Snake,
    /// `FooBar2`
    Pascal,
}

/// The names taken in one scope; see the collision rule in the module documentation.
#[derive(Debug, Clone)]
pub struct Scope {
    case: Case,
    taken: BTreeSet<String>,
}

impl Scope {
    pub fn new(case: Case) -> Self {
        Scope {
            case,
            taken: BTreeSet::new(),
        }
    }

    /// Claims `name`, or the first free numbered form of it; returns what was claimed.
    pub fn claim(&mut self, name: &str) -> String {
        let mut claimed = name.to_string();
        let mut number = 2;
        // Raw and plain spellings of one identifier are the same name.
        while self.taken.contains(unraw(&claimed)) {
            let base = unraw(name).trim_end_matches('_');
            claimed = match self.case {
                Case::Snake => format!("{base}_{number}"),
                Case::Pascal => format!("{base}{number}"),
            };
            number += 1;
        }
        self.taken.insert(unraw(&claimed).to_string());
        claimed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_at_case_changes_and_separators() {
        assert_eq!(words("createdDateTime"), ["created", "Date", "Time"]);
        assert_eq!(words("HTMLContent"), ["HTML", "Content"]);
        assert_eq!(words("ipv4Address"), ["ipv4", "Address"]);
        assert_eq!(words("@odata.nextLink"), ["odata", "next", "Link"]);
        assert_eq!(words("x-ms-foo"), ["x", "ms", "foo"]);
        assert_eq!(words("1080p"), ["1080p"]);
    }

    #[test]
    fn a_one_letter_word_is_a_prefix_of_the_next() {
        assert_eq!(words("iCalUId"), ["iCal", "UId"]);
        assert_eq!(words("eTag"), ["eTag"]);
        assert_eq!(words("iPhoneAndIPod"), ["iPhone", "And", "I", "Pod"]);
        assert_eq!(words("cloudPCs"), ["cloud", "PCs"]);
        assert_eq!(words("speedInMHz"), ["speed", "In", "MHz"]);
        // A capital before a word of three letters or more stays a word of its own.
        assert_eq!(
            words("hyperVNotAvailable"),
            ["hyper", "V", "Not", "Available"]
        );
        assert_eq!(words("windows10XVpn"), ["windows10", "X", "Vpn"]);
        assert_eq!(words("activeXControl"), ["active", "X", "Control"]);
        assert_eq!(words("windowsSMode"), ["windows", "S", "Mode"]);
        // Not across a separator, not at the end of a run, not for a digit.
        assert_eq!(words("x-ms-foo"), ["x", "ms", "foo"]);
        assert_eq!(words("pointX"), ["point", "X"]);
        assert_eq!(words("windows10X"), ["windows10", "X"]);
        assert_eq!(words("2Fa"), ["2", "Fa"]);

        assert_eq!(snake_case("iCalUId"), "ical_uid");
        assert_eq!(snake_case("eTag"), "etag");
        assert_eq!(snake_case("iPhoneAndIPod"), "iphone_and_i_pod");
        assert_eq!(snake_case("hyperVNotAvailable"), "hyper_v_not_available");
        assert_eq!(snake_case("HTTPServer"), "http_server");
        assert_eq!(snake_case("x509Certificate"), "x509_certificate");
        assert_eq!(snake_case("ipV4Address"), "ip_v4_address");
        assert_eq!(
            snake_case("oAuth2PermissionGrant"),
            "oauth2_permission_grant"
        );
        assert_eq!(snake_case("frequency24GHz"), "frequency24_ghz");
        assert_eq!(pascal_case("iCalUId"), "IcalUid");
        assert_eq!(pascal_case("iPhoneAndIPod"), "IphoneAndIPod");
        assert_eq!(pascal_case("hyperVNotAvailable"), "HyperVNotAvailable");
        assert_eq!(
            pascal_case("oAuth2PermissionGrant"),
            "Oauth2PermissionGrant"
        );
    }

    #[test]
    fn snake_case_fields() {
        assert_eq!(snake_case("createdDateTime"), "created_date_time");
        assert_eq!(snake_case("@odata.etag"), "odata_etag");
        assert_eq!(snake_case("HTMLContent"), "html_content");
        assert_eq!(snake_case("callRecords"), "call_records");
        assert_eq!(snake_case("id"), "id");
    }

    #[test]
    fn pascal_case_types() {
        assert_eq!(pascal_case("playPromptOperation"), "PlayPromptOperation");
        assert_eq!(pascal_case("HTMLContent"), "HtmlContent");
        assert_eq!(pascal_case("unknown"), "Unknown");
        assert_eq!(pascal_case("unknownFutureValue"), "UnknownFutureValue");
        assert_eq!(pascal_case("x-ms-foo"), "XMsFoo");
    }

    #[test]
    fn keywords_are_raw_where_allowed_and_suffixed_where_not() {
        assert_eq!(snake_case("type"), "r#type");
        assert_eq!(snake_case("ref"), "r#ref");
        assert_eq!(snake_case("async"), "r#async");
        assert_eq!(snake_case("self"), "self_");
        assert_eq!(snake_case("super"), "super_");
        assert_eq!(snake_case("crate"), "crate_");
        assert_eq!(pascal_case("self"), "Self_");
        assert_eq!(pascal_case("type"), "Type");
        assert_eq!(ident("r#type").to_string(), "r#type");
        assert_eq!(unraw("r#type"), "type");
    }

    #[test]
    fn digits_and_symbols_become_valid_names() {
        assert_eq!(snake_case("1080p"), "_1080p");
        assert_eq!(pascal_case("1080p"), "_1080p");
        assert_eq!(pascal_case("2fa-enabled"), "_2faEnabled");
        assert_eq!(snake_case("@"), "unnamed");
        assert_eq!(pascal_case("-"), "Unnamed");
        // Every result parses as an identifier.
        for name in ["1080p", "type", "self", "@odata.type", "a.b-c", ""] {
            syn::parse_str::<Ident>(&snake_case(name)).unwrap();
            syn::parse_str::<Ident>(&pascal_case(name)).unwrap();
        }
    }

    #[test]
    fn collisions_take_the_next_free_number_in_claim_order() {
        let mut fields = Scope::new(Case::Snake);
        assert_eq!(fields.claim(&snake_case("fooBar")), "foo_bar");
        assert_eq!(fields.claim(&snake_case("FooBar")), "foo_bar_2");
        assert_eq!(fields.claim(&snake_case("foo_bar")), "foo_bar_3");
        assert_eq!(fields.claim(&snake_case("type")), "r#type");
        assert_eq!(fields.claim("type_2"), "type_2");
        assert_eq!(fields.claim(&snake_case("Type")), "type_3");
        assert_eq!(fields.claim(&snake_case("self")), "self_");
        assert_eq!(fields.claim(&snake_case("self")), "self_2");

        let mut variants = Scope::new(Case::Pascal);
        assert_eq!(variants.claim(&pascal_case("unrecognized")), "Unrecognized");
        // The catch-all claims last, so a member spelled like it keeps its name.
        assert_eq!(variants.claim("Unrecognized"), "Unrecognized2");
    }
}
