//! The text rules of the docs: how a page writes a name, a plural, a link to a type's page and a
//! type, read the same way by every stage (facts reads pages with them, the schema and the
//! example checks read names and type spellings with them).
//!
//! - `names.rs`: what a name may contain (ASCII letters, digits and `_`, and why), and the name
//!   a cell holds.
//! - `plurals.rs`: English plurals, as property names and path segments use them.
//! - `links.rs`: the type a link to a page names.
//! - `type_names.rs`: how the docs spell a type: primitives, `Collection(x)`.
//! - `ascii_case.rs`: text compared ignoring ASCII case.

mod ascii_case;
mod links;
mod names;
mod plurals;
mod type_names;

pub use ascii_case::{
    ends_with_ignore_ascii_case, find_ignore_ascii_case, starts_with_ignore_ascii_case,
};
pub use links::{link_page_stem, linked_type_name};
pub use names::{
    clean_name, is_identifier, is_member_name, is_name_char, is_qualified_name, leading_name,
    IDENTIFIER_RULE,
};
pub use plurals::singular;
pub use type_names::{collection_item, primitive_type};
