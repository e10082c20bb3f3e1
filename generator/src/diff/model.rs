//! A changelog's data: each change of the API, where the docs state it on each side, and what
//! it does to code that uses the generated crate.

use std::collections::BTreeMap;

use crate::diagnostic::Location;

/// The Cargo book's chapter whose rules [`Impact::rule`] names (as anchors of it).
pub const SEMVER_CHAPTER: &str = "https://doc.rust-lang.org/cargo/reference/semver.html";

/// What changed, in the order a summary lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    TypeAdded,
    TypeRemoved,
    /// A type's or a property's name is spelled with other capitals.
    NameCaseChanged,
    KindChanged,
    BaseChanged,
    AbstractChanged,
    PropertyAdded,
    PropertyRemoved,
    PropertyTypeChanged,
    PropertyCollectionChanged,
    PropertyNullableChanged,
    NavigationAdded,
    NavigationRemoved,
    NavigationTypeChanged,
    NavigationCollectionChanged,
    NavigationNullableChanged,
    /// A property that became a navigation property, or stopped being one.
    NavigationFlagChanged,
    MemberAdded,
    MemberRemoved,
    /// The generated Rust item of a type is named differently (a collision took its name).
    RustItemRenamed,
    /// The type is generated as another kind of item (a struct, an enum, an alias).
    RustItemFormChanged,
    /// The type got its first subtype (an `Any...` enum), or lost its last.
    RustAnyEnumAdded,
    RustAnyEnumRemoved,
    /// A field is named differently, for a collision with another.
    RustFieldRenamed,
    /// An enum's variant is named differently, for a collision with another.
    RustVariantRenamed,
    /// Only the docs' wording: a type's or a property's description.
    DescriptionChanged,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::TypeAdded => "type-added",
            ChangeKind::TypeRemoved => "type-removed",
            ChangeKind::NameCaseChanged => "name-case-changed",
            ChangeKind::KindChanged => "kind-changed",
            ChangeKind::BaseChanged => "base-changed",
            ChangeKind::AbstractChanged => "abstract-changed",
            ChangeKind::PropertyAdded => "property-added",
            ChangeKind::PropertyRemoved => "property-removed",
            ChangeKind::PropertyTypeChanged => "property-type-changed",
            ChangeKind::PropertyCollectionChanged => "property-collection-changed",
            ChangeKind::PropertyNullableChanged => "property-nullable-changed",
            ChangeKind::NavigationAdded => "navigation-added",
            ChangeKind::NavigationRemoved => "navigation-removed",
            ChangeKind::NavigationTypeChanged => "navigation-type-changed",
            ChangeKind::NavigationCollectionChanged => "navigation-collection-changed",
            ChangeKind::NavigationNullableChanged => "navigation-nullable-changed",
            ChangeKind::NavigationFlagChanged => "navigation-flag-changed",
            ChangeKind::MemberAdded => "member-added",
            ChangeKind::MemberRemoved => "member-removed",
            ChangeKind::RustItemRenamed => "rust-item-renamed",
            ChangeKind::RustItemFormChanged => "rust-item-form-changed",
            ChangeKind::RustAnyEnumAdded => "rust-any-enum-added",
            ChangeKind::RustAnyEnumRemoved => "rust-any-enum-removed",
            ChangeKind::RustFieldRenamed => "rust-field-renamed",
            ChangeKind::RustVariantRenamed => "rust-variant-renamed",
            ChangeKind::DescriptionChanged => "description-changed",
        }
    }

    /// How a sentence names it: `property added`.
    pub fn words(self) -> String {
        self.as_str().replace('-', " ")
    }
}

/// The semver bump a change asks of the generated crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Breaks code that uses the crate.
    Major,
    /// Adds to the API; breaks no code (the crate's structs and enums are `#[non_exhaustive]`).
    Minor,
    /// Leaves the API as it was (the docs' wording, a fact the Rust does not show).
    Patch,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Major => "major",
            Level::Minor => "minor",
            Level::Patch => "patch",
        }
    }
}

/// What a change does to code that uses the generated crate, and the rule that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Impact {
    pub level: Level,
    /// The rule of the Cargo book's SemVer chapter (an anchor of [`SEMVER_CHAPTER`], such as
    /// `item-remove`), or `no-api-change` when the generated API stays the same.
    pub rule: &'static str,
    /// Why, in terms of the generated code.
    pub reason: String,
}

impl Impact {
    pub fn is_breaking(&self) -> bool {
        self.level == Level::Major
    }

    /// The rule's link in the Cargo book, when it is one of its rules.
    pub fn rule_link(&self) -> Option<String> {
        (self.rule != NO_API_CHANGE).then(|| format!("{SEMVER_CHAPTER}#{}", self.rule))
    }
}

/// The rule of a change that leaves the generated API as it was.
pub const NO_API_CHANGE: &str = "no-api-change";

/// One side of a change: what it was or became, and where the docs say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// `Edm.String`, `microsoft.graph.user collection`, `entity`; empty when only the place
    /// matters (an added enum member).
    pub value: String,
    pub source: Option<Location>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    pub namespace: String,
    /// The type's name within its namespace.
    pub type_name: String,
    /// The property's or member's name, for a change of one.
    pub member: Option<String>,
    pub old: Option<Side>,
    pub new: Option<Side>,
    pub impact: Impact,
    /// For a removal and an addition that may be one rename (or a move of a type to another
    /// namespace): the other name. Never assumed: both changes stay as they are.
    pub possible_rename: Option<String>,
}

impl Change {
    /// `microsoft.graph.user`.
    pub fn qualified_type(&self) -> String {
        format!("{}.{}", self.namespace, self.type_name)
    }
}

/// Every change between two schemas, breaking ones first, then by namespace, type, member and
/// kind.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changelog {
    pub changes: Vec<Change>,
}

/// How many changes of one kind break code, and how many do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub breaking: usize,
    pub additive: usize,
}

impl Changelog {
    /// The changes of the API, the docs' wording left out.
    pub fn api_changes(&self) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(|c| c.kind != ChangeKind::DescriptionChanged)
    }

    /// The changes a report lists: the API's, and the wording's when asked.
    pub fn listed(&self, descriptions: bool) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(move |c| descriptions || c.kind != ChangeKind::DescriptionChanged)
    }

    /// The listed changes in the three parts a report shows them in, in this order: the
    /// breaking ones, the additive ones, and (when asked) the wording's.
    pub fn sections(&self, descriptions: bool) -> [Vec<&Change>; 3] {
        let mut sections = [Vec::new(), Vec::new(), Vec::new()];
        for change in self.listed(descriptions) {
            let part = match change.kind {
                ChangeKind::DescriptionChanged => 2,
                _ if change.impact.is_breaking() => 0,
                _ => 1,
            };
            sections[part].push(change);
        }
        sections
    }

    pub fn descriptions(&self) -> usize {
        self.changes.len() - self.api_changes().count()
    }

    pub fn breaking(&self) -> usize {
        self.api_changes()
            .filter(|c| c.impact.is_breaking())
            .count()
    }

    pub fn additive(&self) -> usize {
        self.api_changes()
            .filter(|c| !c.impact.is_breaking())
            .count()
    }

    /// Whether the two schemas are the same, wording included.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The API changes' counts per kind, in [`ChangeKind`] order.
    pub fn counts_by_kind(&self) -> BTreeMap<ChangeKind, Counts> {
        let mut counts: BTreeMap<ChangeKind, Counts> = BTreeMap::new();
        for change in self.api_changes() {
            let entry = counts.entry(change.kind).or_default();
            if change.impact.is_breaking() {
                entry.breaking += 1;
            } else {
                entry.additive += 1;
            }
        }
        counts
    }
}

impl Change {
    /// What changed, in one line: ``property-removed `message`: Edm.String``.
    pub fn headline(&self) -> String {
        let mut line = self.kind.as_str().to_string();
        if let Some(member) = &self.member {
            line.push_str(&format!(" `{member}`"));
        }
        let value = |side: &Option<Side>| {
            side.as_ref()
                .map(|s| s.value.clone())
                .filter(|v| !v.is_empty())
        };
        match (value(&self.old), value(&self.new)) {
            (Some(old), Some(new)) => line.push_str(&format!(": {old} -> {new}")),
            (Some(one), None) | (None, Some(one)) => line.push_str(&format!(": {one}")),
            (None, None) => {}
        }
        line
    }

    /// Where the docs state each side: `old resources/a.md:3, new -`.
    pub fn places(&self) -> String {
        let place = |side: &Option<Side>| {
            side.as_ref()
                .and_then(|s| s.source.as_ref())
                .map_or("-".to_string(), ToString::to_string)
        };
        format!("old {}, new {}", place(&self.old), place(&self.new))
    }

    /// `possibly renamed: `msg``, when it may be one.
    pub fn rename_note(&self) -> Option<String> {
        let other = self.possible_rename.as_ref()?;
        let to = match self.kind {
            ChangeKind::TypeRemoved
            | ChangeKind::PropertyRemoved
            | ChangeKind::NavigationRemoved => "to",
            _ => "from",
        };
        Some(format!("possibly renamed {to} `{other}` (not assumed)"))
    }
}
