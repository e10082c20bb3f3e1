//! The primitives whose Rust types the generated crate reads from their JSON string and writes
//! back as one (the date, time, duration and GUID types), through the support module's
//! `FromText` and `ToText` rather than the types' own serde impls: a value that does not read
//! fails with its text and what was expected, and a value is written in the form the docs use
//! (`time`'s serde writes no RFC 3339, and `jiff::SpanFieldwise` has no serde impls). The
//! crate's example tests read with the same code, to tell a value written back in the type's
//! own form (fewer fractional digits, a GUID in lower case) from a changed one.

use proc_macro2::TokenStream;
use quote::quote;

use crate::edm::JsonKind;

/// How one Rust type is read from its text and written as text.
pub struct TextForm {
    /// The type, as the primitives table spells it.
    pub rust: &'static str,
    /// What a value is, for errors: "a timestamp".
    pub what: &'static str,
    /// The text expected, with an example, for errors.
    pub format: &'static str,
    /// The JSON strings it reads, or fewer: the examples' values are checked against it.
    pub json: JsonKind,
    /// Reads `text: &str` as the type it is given: an expression of type `Result<T, E>` with
    /// `E: Display`.
    read: fn(&TokenStream) -> TokenStream,
    /// Writes `self`: an expression of type `Result<String, String>`, whose error says why the
    /// value has no text in the format.
    write: fn() -> TokenStream,
}

impl TextForm {
    /// The type's tokens.
    pub fn ty(&self) -> TokenStream {
        self.rust.parse().unwrap_or_default()
    }

    /// An expression reading `text: &str` as `ty` (`Self` in an impl for the type).
    pub fn read(&self, ty: &TokenStream) -> TokenStream {
        (self.read)(ty)
    }

    /// An expression writing `self` as its text.
    pub fn write(&self) -> TokenStream {
        (self.write)()
    }
}

/// The texts expected of `Edm.DateTimeOffset`, `Edm.Date` and `Edm.TimeOfDay` values.
const RFC_3339: &str = "RFC 3339, such as \"2021-03-18T09:15:00Z\"";
const DATE: &str = "such as \"2021-03-18\"";
const TIME_OF_DAY: &str = "such as \"09:15:00.0000000\"";

pub const TEXT_FORMS: &[TextForm] = &[
    TextForm {
        rust: "::chrono::DateTime<::chrono::FixedOffset>",
        what: "a timestamp",
        format: RFC_3339,
        json: JsonKind::Timestamp,
        read: |ty| quote!(text.parse::<#ty>()),
        // As chrono's own serde impl writes it.
        write: || {
            quote!(Ok(
                self.to_rfc3339_opts(::chrono::SecondsFormat::AutoSi, true)
            ))
        },
    },
    TextForm {
        rust: "::chrono::NaiveDate",
        what: "a date",
        format: DATE,
        json: JsonKind::Date,
        read: |ty| quote!(text.parse::<#ty>()),
        write: || quote!(Ok(self.to_string())),
    },
    TextForm {
        rust: "::chrono::NaiveTime",
        what: "a time of day",
        format: TIME_OF_DAY,
        json: JsonKind::TimeOfDay,
        read: |ty| quote!(text.parse::<#ty>()),
        write: || quote!(Ok(self.to_string())),
    },
    TextForm {
        rust: "::time::OffsetDateTime",
        what: "a timestamp",
        format: RFC_3339,
        json: JsonKind::Timestamp,
        read: |ty| quote!(<#ty>::parse(text, &::time::format_description::well_known::Rfc3339)),
        write: || {
            quote! {
                self.format(&::time::format_description::well_known::Rfc3339)
                    .map_err(|error| error.to_string())
            }
        },
    },
    TextForm {
        rust: "::time::Date",
        what: "a date",
        format: DATE,
        json: JsonKind::Date,
        read: |ty| quote!(<#ty>::parse(text, ::time::macros::format_description!("[year]-[month]-[day]"))),
        write: || {
            quote! {
                self.format(::time::macros::format_description!("[year]-[month]-[day]"))
                    .map_err(|error| error.to_string())
            }
        },
    },
    TextForm {
        rust: "::time::Time",
        what: "a time of day",
        format: TIME_OF_DAY,
        json: JsonKind::TimeOfDay,
        // Seconds and their fraction are optional, as chrono's `NaiveTime` reads them.
        read: |ty| {
            quote! {
                <#ty>::parse(
                    text,
                    ::time::macros::format_description!(
                        "[hour]:[minute][optional [:[second][optional [.[subsecond]]]]]"
                    ),
                )
            }
        },
        // A whole second without a fraction, as chrono writes it; a fraction with the digits
        // it needs.
        write: || {
            quote! {
                if self.nanosecond() == 0 {
                    self.format(::time::macros::format_description!("[hour]:[minute]:[second]"))
                } else {
                    self.format(::time::macros::format_description!("[hour]:[minute]:[second].[subsecond]"))
                }
                .map_err(|error| error.to_string())
            }
        },
    },
    TextForm {
        rust: "::jiff::SpanFieldwise",
        what: "a duration",
        format: "ISO 8601, such as \"PT1H30M\" or \"P1M\"",
        json: JsonKind::Duration,
        // Only ISO 8601: `Span`'s `FromStr` also reads jiff's own "1h 30m".
        read: |ty| quote!(::jiff::fmt::temporal::SpanParser::new().parse_span(text).map(#ty)),
        write: || quote!(Ok(self.0.to_string())),
    },
    TextForm {
        rust: "::uuid::Uuid",
        what: "a GUID",
        format: "such as \"5d5e0b3a-1c2f-4e6b-9a8d-7f3e2b1c0a9d\"",
        json: JsonKind::Guid,
        read: |ty| quote!(<#ty>::try_parse(text)),
        write: || quote!(Ok(self.to_string())),
    },
];

/// How a primitive held as the Rust type `rust` is read from and written as text; `None` for
/// a type read and written as its own JSON (numbers, strings, `serde_json::Value`).
pub fn text_form(rust: &str) -> Option<&'static TextForm> {
    TEXT_FORMS.iter().find(|form| form.rust == rust)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rust::primitives::{ALTERNATIVES, PRIMITIVES};

    /// Every form is of a type a primitive may be held as, which comes from a crate the
    /// generated crate then depends on, and its code parses.
    #[test]
    fn every_form_is_of_a_primitive_type_of_a_dependency_and_parses() {
        for form in TEXT_FORMS {
            let primitive = PRIMITIVES
                .iter()
                .chain(ALTERNATIVES)
                .find(|p| p.rust == form.rust)
                .unwrap_or_else(|| panic!("no primitive is held as `{}`", form.rust));
            assert!(primitive.dependency().is_some(), "{}", form.rust);
            syn::parse2::<syn::Type>(form.ty()).unwrap();
            syn::parse2::<syn::Expr>(form.read(&form.ty())).unwrap();
            syn::parse2::<syn::Expr>(form.write()).unwrap();
        }
    }
}
