//! What a comparison finds: the fact classes and universes it scores, the counts and scores per
//! class, and each disagreement with its place in the docs. Scoring fills these in and the
//! report prints them.

use crate::diagnostic::Location;

/// What a fact is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactClass {
    /// A metadata type exists in the docs.
    Type,
    /// A matched type is entity, complex or enum on both sides.
    Kind,
    /// A matched entity or complex type has the same base type (or none on both sides).
    Base,
    /// A structural property a matched type declares itself exists in the docs.
    Prop,
    /// A matched structural property has the same type, collection or not.
    PropType,
    /// A navigation property a matched type declares itself exists in the docs.
    Nav,
    /// A matched enum's member set (one fact per enum, worth the F1 of the set).
    Member,
}

impl FactClass {
    pub const ALL: [FactClass; 7] = [
        FactClass::Type,
        FactClass::Kind,
        FactClass::Base,
        FactClass::Prop,
        FactClass::PropType,
        FactClass::Nav,
        FactClass::Member,
    ];

    /// The name `fidelity.py` reports the class by.
    pub fn as_str(self) -> &'static str {
        match self {
            FactClass::Type => "type",
            FactClass::Kind => "kind",
            FactClass::Base => "base",
            FactClass::Prop => "prop",
            FactClass::PropType => "proptype",
            FactClass::Nav => "nav",
            FactClass::Member => "member",
        }
    }
}

/// Which metadata types are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Universe {
    /// Every entity, complex and enum type of the metadata.
    All,
    /// The metadata types with a page under the docs folder: `resources/<type>.md` (or
    /// `resources/<prefix>-<type>.md`), or for an enum a `<type> values` heading anywhere.
    Documented,
}

impl Universe {
    pub fn as_str(self) -> &'static str {
        match self {
            Universe::All => "all",
            Universe::Documented => "documented",
        }
    }
}

/// Facts of one class: how many the docs got right, how many the metadata has, how many the
/// docs state.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    /// Fractional for enum members, each worth the F1 of its member set.
    pub hit: f64,
    pub truth: usize,
    pub claimed: usize,
}

impl Counts {
    /// 1 when the metadata has no such facts.
    pub fn recall(&self) -> f64 {
        if self.truth == 0 {
            1.0
        } else {
            self.hit / self.truth as f64
        }
    }

    /// 1 when neither side has such facts, 0 when only the metadata has.
    pub fn precision(&self) -> f64 {
        if self.claimed > 0 {
            self.hit / self.claimed as f64
        } else if self.truth == 0 {
            1.0
        } else {
            0.0
        }
    }

    pub fn f1(&self) -> f64 {
        let (recall, precision) = (self.recall(), self.precision());
        if recall + precision > 0.0 {
            2.0 * recall * precision / (recall + precision)
        } else {
            0.0
        }
    }
}

/// The scores of one universe.
#[derive(Debug, Clone, PartialEq)]
pub struct UniverseScore {
    pub universe: Universe,
    /// How many metadata types the universe holds.
    pub metadata_types: usize,
    counts: [Counts; FactClass::ALL.len()],
}

impl UniverseScore {
    pub(super) fn new(
        universe: Universe,
        metadata_types: usize,
        counts: [Counts; FactClass::ALL.len()],
    ) -> Self {
        UniverseScore {
            universe,
            metadata_types,
            counts,
        }
    }

    pub fn counts(&self, class: FactClass) -> Counts {
        self.counts[class as usize]
    }

    /// Every class in report order.
    pub fn classes(&self) -> impl Iterator<Item = (FactClass, Counts)> + '_ {
        FactClass::ALL.into_iter().zip(self.counts)
    }

    /// All facts together (micro-averaged): `fidelity.py`'s `all`, its headline.
    pub fn total(&self) -> Counts {
        self.counts
            .iter()
            .fold(Counts::default(), |sum, counts| Counts {
                hit: sum.hit + counts.hit,
                truth: sum.truth + counts.truth,
                claimed: sum.claimed + counts.claimed,
            })
    }
}

/// How the docs and the metadata disagree about a subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The metadata has it (saying this), the docs do not.
    MissingFromDocs { metadata: String },
    /// The docs have it (saying this), the metadata does not.
    NotInMetadata { docs: String },
    /// Both have it and say different things.
    Differs { docs: String, metadata: String },
}

impl Finding {
    pub fn as_str(&self) -> &'static str {
        match self {
            Finding::MissingFromDocs { .. } => "missing-from-docs",
            Finding::NotInMetadata { .. } => "not-in-metadata",
            Finding::Differs { .. } => "differs",
        }
    }

    /// What the docs say, if they say anything.
    pub fn docs(&self) -> Option<&str> {
        match self {
            Finding::MissingFromDocs { .. } => None,
            Finding::NotInMetadata { docs } | Finding::Differs { docs, .. } => Some(docs),
        }
    }

    /// What the metadata says, if it says anything.
    pub fn metadata(&self) -> Option<&str> {
        match self {
            Finding::NotInMetadata { .. } => None,
            Finding::MissingFromDocs { metadata } | Finding::Differs { metadata, .. } => {
                Some(metadata)
            }
        }
    }
}

/// One fact the docs and the metadata disagree on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub class: FactClass,
    /// A qualified type, `type.property` or `enum.member`, spelt as the metadata spells it
    /// where it has it.
    pub subject: String,
    /// The docs' evidence; for something missing from the docs, the page of its type (if any).
    pub location: Option<Location>,
    pub finding: Finding,
}

/// The docs scored against the metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// `all`, then `documented` when a docs folder was given.
    pub universes: Vec<UniverseScore>,
    /// Everything that disagrees over all metadata types, grouped by class in [`FactClass::ALL`]
    /// order, then by type.
    pub disagreements: Vec<Disagreement>,
}

impl Comparison {
    pub fn universe(&self, universe: Universe) -> Option<&UniverseScore> {
        self.universes.iter().find(|u| u.universe == universe)
    }
}
