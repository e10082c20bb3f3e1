//! The commented default `docgen.toml` that `graph-docgen config --print-default` prints: every
//! key, at its default or commented out, with an example. It reads back as the defaults (a test
//! in `config.rs` says so).

pub const DEFAULT_FILE: &str = r##"# docgen.toml: how graph-docgen reads the docs and shapes the Rust crate.
# Every key is optional; this file, as printed, changes nothing.

[inputs]
# The docs folder, relative to this file, or several read as one (each page's path then
# starts with its folder's name). `--docs` overrides it.
# docs = "docs-input"
# docs = ["docs-a", "docs-b"]
# The pages, as globs relative to the docs folder (default: every `*.md`).
include = []
# Files left out, as globs relative to the docs folder.
exclude = []
# exclude = ["api/*-delta.md"]
# Generate only the types of these namespaces, and those the pages of these product areas
# (their `ms.prod`) describe, with every type they reference (default: every type).
namespaces = []
# namespaces = ["microsoft.graph.callRecords"]
areas = []
# areas = ["cloud-communications", "users"]

[output]
# The crate's name, as Cargo spells it (default "graph-models"). `--crate-name` overrides it.
# crate-name = "graph-models"
# Whether the docs' descriptions become doc comments.
doc-comments = true
# Whether the model structs keep every property they do not declare, and the `null`s of
# those they do, in `additional_properties` (a serde_json::Map): a value read and written
# back then loses nothing, and `set_null` clears a property in a PATCH. With false they have
# neither, nor `set_null` and `is_null`: reading drops what a type does not declare and reads
# `null` as None, writing writes the fields alone, and `From` to an ancestor drops the fields
# it lacks. The `odata` types (Collection, ErrorResponse, ...) keep their maps either way.
additional-properties = true

# Derives beyond those every type has (structs: Clone, Default, PartialEq; enums: Clone,
# Debug, Eq, Hash, PartialEq). Structs may add "Eq" and "Hash": a struct that holds a float
# (Edm.Single, Edm.Double, Edm.Decimal as "f64"), itself or through a field's type, cannot
# have them and goes without, with a note naming the field. No struct can be ordered: its
# fields may hold JSON (serde_json's Value, Number) and its undeclared properties a
# serde_json::Map (unless additional-properties = false); none has an order. Enums may add
# "PartialOrd" and "Ord" ("Ord" with "PartialOrd"; members in the docs' order, unknown
# values last).
struct-derives = []
# struct-derives = ["Eq", "Hash"]
enum-derives = []
# enum-derives = ["PartialOrd", "Ord"]

# The Rust type of an Edm primitive, where there is a choice:
#   Edm.Guid            "String" (default) or "uuid::Uuid"
#   Edm.DateTimeOffset  "chrono::DateTime<chrono::FixedOffset>" (default), "String" or
#                       "time::OffsetDateTime"
#   Edm.Date            "chrono::NaiveDate" (default), "String" or "time::Date"
#   Edm.TimeOfDay       "chrono::NaiveTime" (default), "String" or "time::Time"
#   Edm.Duration        "String" (default) or "jiff::SpanFieldwise", a `jiff::Span` that
#                       keeps each unit as written (`P1M` is a month, not a length)
#   Edm.Decimal         "serde_json::Number" (default) or "f64"
# The crate depends on the crates of the types chosen (chrono, time, jiff, uuid) and no
# other: choosing the three time types drops chrono.
[output.primitives]
# "Edm.Guid" = "uuid::Uuid"
# "Edm.Duration" = "jiff::SpanFieldwise"

# The module of a namespace, or of a level of one such as "microsoft.graph", in place of its
# own snake_case name, where it is (a namespace under it follows): a lower-case Rust name,
# one per namespace beside it. A namespace the docs do not have is a warning.
[output.modules]
# "microsoft.graph.callRecords" = "records"

# Fixes for known doc errors, applied where the schema is merged, so the exported schema,
# `compare` and the Rust all see them. Each names a qualified `type`, does one thing, and
# says why in `reason`, which the generated doc comment repeats. A fix whose target is gone
# or that the docs now already say is a warning; two fixes that contradict are an error.
#
# [[fix]]                    # a property's type, or whether it is a collection
# type = "microsoft.graph.geoCoordinates"
# property = "altitude"
# set-type = "Edm.Double"    # an Edm primitive or a qualified type
# set-collection = false
# reason = "the page says Single; the service sends doubles"
#
# [[fix]]                    # a type's base
# type = "microsoft.graph.call"
# set-base = "microsoft.graph.entity"
# reason = "..."
#
# [[fix]]                    # a type's kind: "entity", "complex" or "enum"
# type = "microsoft.graph.call"
# set-kind = "entity"
# reason = "..."
#
# [[fix]]                    # a missing property (`add-navigation` for a relationship)
# type = "microsoft.graph.user"
# add-navigation = "manager"
# property-type = "microsoft.graph.directoryObject"
# collection = false
# reason = "no page lists the relationship"
#
# [[fix]]                    # an enum member renamed
# type = "microsoft.graph.callState"
# member = "termintated"
# rename-to = "terminated"
# reason = "..."
#
# [[fix]]                    # a missing enum member, with its value if it has one
# type = "microsoft.graph.callState"
# add-member = "unknownFutureValue"
# value = 11
# reason = "..."
#
# [[fix]]                    # a type dropped; with `property`, a property dropped
# type = "microsoft.graph.user"
# property = "mailboxSettings"
# drop = true
# reason = "..."
"##;
