//! The table of diagnostic codes: one row per kind of finding, with what it means, how to fix
//! the page, and the long explanation `graph-docgen explain CODE` prints. The README's table of
//! codes is this table (a test keeps them the same).

use super::DiagnosticKind;

/// One kind of finding.
#[derive(Debug)]
pub struct CodeInfo {
    pub kind: DiagnosticKind,
    /// Stable: `D01xx` reading pages, `D02xx` merging them, `D03xx` output, `D04xx` doc lint.
    pub code: &'static str,
    /// The kind's name, as the short form and the summary print it.
    pub name: &'static str,
    /// What it means, in one line.
    pub meaning: &'static str,
    /// How to fix the page, in one line.
    pub fix: &'static str,
    /// The long explanation, with an example.
    pub explanation: &'static str,
}

/// Every code, in code order (which is the order of [`DiagnosticKind`]).
pub static CODES: &[CodeInfo] = &[
    CodeInfo {
        kind: DiagnosticKind::Unreadable,
        code: "D0101",
        name: "unreadable",
        meaning: "a page could not be read, or is not UTF-8",
        fix: "check the file's permissions; save the page as UTF-8",
        explanation: "\
The file could not be read (permissions, a broken link) or holds bytes that are not UTF-8.
A page that cannot be read gives no types; one with invalid bytes is read with them replaced
by U+FFFD, so names and values near them may be wrong.

Example: a page saved as Windows-1252 whose `é` is the single byte 0xE9.

Fix: save the page as UTF-8 (without a byte order mark, though one is accepted).",
    },
    CodeInfo {
        kind: DiagnosticKind::Malformed,
        code: "D0102",
        name: "malformed",
        meaning: "front matter, a metadata comment or a JSON block does not parse, or a name is no OData name",
        fix: "make the block valid YAML or JSON; spell names with letters, digits and `_`",
        explanation: "\
Front matter, a `<!-- { ... } -->` metadata comment or a JSON block could not be parsed, or
a namespace or type name the page states is not an OData name. The block is skipped, or the
name is put in the default namespace.

Example: the comment below lacks a comma between its entries.

    <!-- { \"blockType\": \"resource\" \"@odata.type\": \"microsoft.graph.user\" } -->

Fix: `<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.user\" } -->`.
Trailing commas are forgiven; comments and `...` inside JSON are not.",
    },
    CodeInfo {
        kind: DiagnosticKind::NoFacts,
        code: "D0103",
        name: "no-facts",
        meaning: "a resource or enum page yields no type, property or member",
        fix: "give the page a Properties or Members table, or a resource comment",
        explanation: "\
A page that says it describes a resource or an enum (by its `doc_type`, its folder or its
title) yields nothing: it has no Properties table, no member table and no resource JSON
comment. An API page of an action that names no type is expected to yield nothing and is
not reported.

Example: `resources/user.md` whose properties are in a bulleted list.

Fix: put the properties in a table with `Property`, `Type` and `Description` columns.",
    },
    CodeInfo {
        kind: DiagnosticKind::MissingPage,
        code: "D0201",
        name: "missing-page",
        meaning: "a type is referenced but no page describes it; it was made from what other pages say",
        fix: "add a page for the type",
        explanation: "\
A property's type cell, a base type or an example names a type that no page describes. The
generator made the type from what other pages say of it: the \"Inherited from\" rows, the
values listed for an enum property, or the JSON examples. Each such guess is a note or a
warning, so it stays auditable with `--diagnostics all`.

Example: `|status|operationStatus|... Possible values are: notStarted, running.|` with no
`operationStatus` page: the enum is made from the two values listed.

Fix: add a resource or enum page for the type.",
    },
    CodeInfo {
        kind: DiagnosticKind::UnknownType,
        code: "D0202",
        name: "unknown-type",
        meaning: "a type is referenced that no page describes and nothing could be inferred for",
        fix: "add a page for the type, or fix the type cell's spelling",
        explanation: "\
A type cell, a base type or a link names a type that no page describes, and nothing else
says what it holds. The property is typed as untyped JSON (`Edm.Untyped`).

Example: `|manager|[directoryObjekt](directoryobjekt.md)|The manager.|`

Fix: correct the spelling, or add a page that describes the type.",
    },
    CodeInfo {
        kind: DiagnosticKind::UnreadableType,
        code: "D0203",
        name: "unreadable-type",
        meaning: "a type cell could not be read as a type",
        fix: "write the type as a primitive (`String`), a linked type, or `Collection(...)`",
        explanation: "\
A Type cell of a Properties table does not read as a type: it is empty, prose, or a
spelling the generator does not know. The property is kept untyped (`Edm.Untyped`).

Example: `|tags|see below|The tags.|`

Fix: `|tags|String collection|The tags.|`, or `Collection(String)`, or a link to the
type's page.",
    },
    CodeInfo {
        kind: DiagnosticKind::Conflict,
        code: "D0204",
        name: "conflict",
        meaning: "two pages disagree about a fact (a property's type, a base type, enum members); one was kept",
        fix: "make the pages agree; the message says which statement was kept and why",
        explanation: "\
Two pages, or two places of one page, state a fact differently: a property typed
differently, a type's base stated differently, an enum with different members. The
generator keeps the statement with the strongest evidence (for a property: the type's own
page, then API pages' request bodies, then subtype rows inherited from it, then its JSON
representation, then a list method's navigation; among equals, the first page in path
order) and names the other places.

Example: `resources/user.md` types `manager` as `directoryObject` and `api/user-get.md`'s
response says `\"manager\": \"String\"`.

Fix: correct the page that is wrong, so that every page states the same fact.",
    },
    CodeInfo {
        kind: DiagnosticKind::UnnamedEnum,
        code: "D0205",
        name: "unnamed-enum",
        meaning: "a property is an `Enumeration` with no name; the enum was named after the property",
        fix: "give the enum a page and link the type cell to it",
        explanation: "\
A Type cell says `Enumeration` (or `enum`) without naming the enum. The generator names it
after its type and property (`userStatusValues` for `status` of `user`).

Example: `|status|Enumeration|Possible values are: active, disabled.|`

Fix: add an enum page and link the cell to it: `|status|[userStatus](userstatus.md)|...|`.",
    },
    CodeInfo {
        kind: DiagnosticKind::InheritanceCycle,
        code: "D0206",
        name: "inheritance-cycle",
        meaning: "base types loop back on themselves; the loop was broken at one type",
        fix: "correct the `baseType` of one of the types in the cycle",
        explanation: "\
The base types the pages state form a loop (`a` derives from `b`, which derives from `a`).
The generator breaks the loop at one type, which then has no base; a run with a cycle is an
error and writes nothing. The other types of the cycle are listed.

Example: `entity.md` states `\"baseType\": \"microsoft.graph.operation\"` while
`operation.md` states `\"baseType\": \"microsoft.graph.entity\"`.

Fix: correct the resource comment's `baseType` (or the \"Inherited from\" rows) of the type
that is wrong.",
    },
    CodeInfo {
        kind: DiagnosticKind::Inferred,
        code: "D0207",
        name: "inferred",
        meaning: "the generator guessed a fact from weak evidence (a base from \"Inherited from\" rows, a type from an example)",
        fix: "state the fact on the type's page",
        explanation: "\
The page does not state a fact, and the generator inferred it: a base type from the
\"Inherited from\" rows, a property's type from a JSON example, a navigation property from a
request path. The note says what was inferred and from where.

Example: `recordOperation` has no `baseType`, but its rows say \"Inherited from
commsOperation\": `commsOperation` is taken as its base.

Fix: state the fact: `<!-- { \"blockType\": \"resource\", \"@odata.type\":
\"microsoft.graph.recordOperation\", \"baseType\": \"microsoft.graph.commsOperation\" } -->`.",
    },
    CodeInfo {
        kind: DiagnosticKind::Output,
        code: "D0301",
        name: "output",
        meaning: "an output file could not be written, or is out of date",
        fix: "regenerate with the command the message names, or free the path",
        explanation: "\
A file could not be written (permissions, a folder in the way), a generated file does not
parse, or, in check mode, a generated file differs from what the generator makes.

Example: `cargo xtask codegen --check` after a page changed: `generated/src/graph.rs` is
stale, and the diff shows how.

Fix: run the command the message names (`cargo xtask codegen`) and commit the result, or
make the output path writable.",
    },
    CodeInfo {
        kind: DiagnosticKind::Placeholder,
        code: "D0401",
        name: "placeholder",
        meaning: "template text left in a page (`**TODO: ...**`, `Collection URI ... not found`, `\"String\"` as a value)",
        fix: "replace the placeholder with the real text or value",
        explanation: "\
The page still holds text its template put there: `**TODO: Provide applicable
permissions.**`, a request line `POST ** Collection URI for microsoft.graph.x not found`, or
a JSON example whose value is the name of its type (`\"String\"`, `\"Int32\"`,
`\"datetime-value\"`) where the property needs a real value.

Example:

    POST ** Collection URI for microsoft.graph.recordOperation not found

Fix: write the request's real path (`POST /communications/calls/{id}/record`), the real
permissions, the real description, or a value of the property's type
(`\"2021-07-01T10:00:00Z\"`).",
    },
    CodeInfo {
        kind: DiagnosticKind::BrokenLink,
        code: "D0402",
        name: "broken-link",
        meaning: "a link to a page or an anchor that does not exist",
        fix: "correct the link's target",
        explanation: "\
A relative link points at a page that is not in the docs folder, or at an anchor (`#x`)
that no heading of the target page makes. Anchors are the headings' text, lower-cased, with
spaces as `-` and punctuation dropped, as GitHub and docs.microsoft.com make them.

Example: `[resultInfo](../resources/resultinfo.md)` when the page is `resultInfo.md` in
another folder, or `[see](#properties-)`.

Fix: link to the page's real path, or to an anchor a heading makes.",
    },
    CodeInfo {
        kind: DiagnosticKind::EnumSpelling,
        code: "D0403",
        name: "enum-spelling",
        meaning: "an enum value spelled or cased differently from the enum's member",
        fix: "spell the value as the enum's member table does",
        explanation: "\
A description lists a value (`Possible values are: NotStarted, Running`) or an example uses
one that is an enum member spelled with another case, or a description lists a value that
the enum's member table does not have. Services compare enum values exactly, so a reader
who copies the description's spelling sends a value the service rejects.

Example: the `operationStatus` table says `notStarted`, and `recordOperation`'s `status`
row says `Possible values are: NotStarted`.

Fix: spell the value as the member table does: `notStarted`.",
    },
    CodeInfo {
        kind: DiagnosticKind::RaggedTable,
        code: "D0404",
        name: "ragged-table",
        meaning: "a table row has more or fewer cells than its header",
        fix: "give every row as many cells as the header; escape `|` inside cells as `\\|`",
        explanation: "\
A row of a table has another number of cells than the header: often an unescaped `|` in a
description (the cells past the header's are not shown: a warning), or a line break inside
a cell or a missing trailing cell (the missing cells are shown empty: a note). An empty Type
cell is `D0203`.

Example: `|values|String|Either a | b.|` is four cells under a three-cell header.

Fix: `|values|String|Either a \\| b.|`; keep each row on one line.",
    },
    CodeInfo {
        kind: DiagnosticKind::ExampleMismatch,
        code: "D0405",
        name: "example-mismatch",
        meaning: "a JSON example does not fit the schema (undocumented property, wrong JSON type, property in another case)",
        fix: "correct the example, or document the property on its type's page",
        explanation: "\
A request, response or example body does not fit the type it is read as: it has a property
the type does not document (a note: the schema may lack an inherited property), a value of
the wrong JSON type (a number in a string property, a timestamp without offset), a property
cased differently from its documented name, or one object wrapped in `value`. An enum value
in another case is `D0403`, a placeholder value `D0401`; a value that is no member of its
enum is no finding, since services add members and the models keep unknown values. The generated crate's example tests
put such examples in a doc-defect class.

Example: `{\"displayName\": 42}` for a `String` property.

Fix: correct the example's value or spelling, or add the property to its type's page.",
    },
    CodeInfo {
        kind: DiagnosticKind::Config,
        code: "D0501",
        name: "config",
        meaning: "a key of `docgen.toml` is wrong, or a fix of it was applied, is stale or contradicts another",
        fix: "correct the key the message names at its line and column, or drop the stale fix",
        explanation: "\
`docgen.toml` configures the generator: the pages to read, the crate it writes, and fixes for
doc errors. An unknown key, a value of the wrong type or an invalid value is an error at the
key's line and column, and nothing is read. A fix that was applied is a note at the place it
changed, naming its reason; a fix whose target no longer exists, or that the pages now already
say, is a warning at the fix's line, so that fixes do not rot; two fixes that contradict each
other are an error naming both lines.

Example: a `[[fix]]` with `property = \"altitude\"` and `set-type = \"Edm.Double\"`, once the
page documents `altitude` as `Double`: a warning that the fix is stale.

Fix: correct the key, or delete the fix the pages no longer need.",
    },
];

/// The row of `kind`.
pub(super) fn info(kind: DiagnosticKind) -> &'static CodeInfo {
    // The table is in kind order, one row per kind (a test checks it).
    &CODES[kind as usize]
}

/// The row of `code` (`D0204`, any case) or of a kind's name (`conflict`).
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    CODES
        .iter()
        .find(|info| info.code.eq_ignore_ascii_case(code) || info.name.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_one_row_per_kind_in_kind_order_with_unique_codes() {
        for (index, info) in CODES.iter().enumerate() {
            assert_eq!(info.kind as usize, index, "{} is out of order", info.code);
            assert!(!info.explanation.is_empty() && !info.fix.is_empty());
        }
        let mut codes: Vec<&str> = CODES.iter().map(|info| info.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), CODES.len());
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(CODES.last().map(|i| i.kind), Some(DiagnosticKind::Config));
    }
}
