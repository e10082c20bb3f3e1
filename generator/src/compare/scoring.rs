//! Counting facts, as `fidelity.py` counts them: every metadata type of the universe is one
//! `type` fact; a matched type adds one `kind` fact and, unless an enum, one `base` fact plus its
//! properties and navigation properties; a matched enum adds one `member` fact worth the F1 of
//! its member set.

use std::collections::BTreeMap;

use super::comparison::{Counts, Disagreement, FactClass, Finding};
use super::model::{self, Model, PropertyFacts, TypeFacts};
use crate::diagnostic::Location;
use crate::schema::Kind;

/// The counts of one universe, and what disagrees in it.
#[derive(Debug, Default)]
pub(super) struct Scored {
    pub metadata_types: usize,
    pub counts: [Counts; FactClass::ALL.len()],
    pub disagreements: Vec<Disagreement>,
}

/// Scores the docs (`ours`) against the metadata types for which `in_universe` holds.
pub(super) fn score(
    metadata: &Model,
    ours: &Model,
    in_universe: impl Fn(&str, &TypeFacts) -> bool,
) -> Scored {
    let mut scored = Scored::default();
    for (key, truth) in metadata.iter().filter(|(key, ty)| in_universe(key, ty)) {
        scored.metadata_types += 1;
        match ours.get(key) {
            Some(claim) => scored.matched_type(truth, claim),
            None => {
                scored.count(FactClass::Type).truth += 1;
                scored.disagree(
                    FactClass::Type,
                    truth.name.clone(),
                    None,
                    Finding::MissingFromDocs {
                        metadata: truth.kind.as_str().to_string(),
                    },
                );
            }
        }
    }
    // Type claims are the universe's types plus those the metadata does not know at all; a
    // claim outside the universe that the metadata does know is neither right nor wrong here.
    for (key, claim) in ours {
        match metadata.get(key) {
            Some(truth) if in_universe(key, truth) => {}
            Some(_) => continue,
            None => scored.disagree(
                FactClass::Type,
                claim.name.clone(),
                claim.location.clone(),
                Finding::NotInMetadata {
                    docs: claim.kind.as_str().to_string(),
                },
            ),
        }
        scored.count(FactClass::Type).claimed += 1;
    }
    scored
}

impl Scored {
    fn count(&mut self, class: FactClass) -> &mut Counts {
        &mut self.counts[class as usize]
    }

    fn matched_type(&mut self, truth: &TypeFacts, claim: &TypeFacts) {
        self.count(FactClass::Type).truth += 1;
        self.count(FactClass::Type).hit += 1.0;
        self.single_fact(
            FactClass::Kind,
            &truth.name,
            claim.location.as_ref(),
            claim.kind.as_str().to_string(),
            truth.kind.as_str().to_string(),
            claim.kind == truth.kind,
        );
        if truth.kind == Kind::Enum {
            self.members(truth, claim);
            return;
        }
        let base_name = |base: &Option<String>| base.clone().unwrap_or_else(|| "none".into());
        let same_base =
            truth.base.as_deref().map(model::key) == claim.base.as_deref().map(model::key);
        self.single_fact(
            FactClass::Base,
            &truth.name,
            claim.location.as_ref(),
            base_name(&claim.base),
            base_name(&truth.base),
            same_base,
        );
        self.properties(FactClass::Prop, truth, claim, |ty| &ty.properties);
        self.properties(FactClass::Nav, truth, claim, |ty| &ty.navigations);
    }

    /// A fact both sides state once (kind, base, property type): right or wrong.
    fn single_fact(
        &mut self,
        class: FactClass,
        subject: &str,
        location: Option<&Location>,
        docs: String,
        metadata: String,
        agree: bool,
    ) {
        let counts = self.count(class);
        counts.truth += 1;
        counts.claimed += 1;
        if agree {
            counts.hit += 1.0;
        } else {
            self.disagree(
                class,
                subject.to_string(),
                location.cloned(),
                Finding::Differs { docs, metadata },
            );
        }
    }

    /// Structural (`Prop`, with a `PropType` fact per matched one) or navigation properties.
    fn properties(
        &mut self,
        class: FactClass,
        truth: &TypeFacts,
        claim: &TypeFacts,
        side: impl Fn(&TypeFacts) -> &BTreeMap<String, PropertyFacts>,
    ) {
        let (truths, claims) = (side(truth), side(claim));
        self.count(class).truth += truths.len();
        self.count(class).claimed += claims.len();
        for (key, expected) in truths {
            let subject = format!("{}.{}", truth.name, expected.name);
            let Some(claimed) = claims.get(key) else {
                self.disagree(
                    class,
                    subject,
                    claim.location.clone(),
                    Finding::MissingFromDocs {
                        metadata: expected.ty.to_string(),
                    },
                );
                continue;
            };
            self.count(class).hit += 1.0;
            if class == FactClass::Prop {
                self.single_fact(
                    FactClass::PropType,
                    &subject,
                    claimed.location.as_ref(),
                    claimed.ty.to_string(),
                    expected.ty.to_string(),
                    claimed.ty.matches(&expected.ty),
                );
            }
        }
        for (key, extra) in claims {
            if !truths.contains_key(key) {
                self.disagree(
                    class,
                    format!("{}.{}", truth.name, extra.name),
                    extra.location.clone(),
                    Finding::NotInMetadata {
                        docs: extra.ty.to_string(),
                    },
                );
            }
        }
    }

    /// One fact worth the F1 of the member set: a page that documents far more (or fewer)
    /// members than the metadata costs that enum, not the whole score.
    fn members(&mut self, truth: &TypeFacts, claim: &TypeFacts) {
        let mut set = Counts {
            hit: 0.0,
            truth: truth.members.len(),
            claimed: claim.members.len(),
        };
        for (key, expected) in &truth.members {
            if claim.members.contains_key(key) {
                set.hit += 1.0;
            } else {
                self.disagree(
                    FactClass::Member,
                    format!("{}.{}", truth.name, expected.name),
                    claim.location.clone(),
                    Finding::MissingFromDocs {
                        metadata: expected.name.clone(),
                    },
                );
            }
        }
        for (key, extra) in &claim.members {
            if !truth.members.contains_key(key) {
                self.disagree(
                    FactClass::Member,
                    format!("{}.{}", truth.name, extra.name),
                    extra.location.clone(),
                    Finding::NotInMetadata {
                        docs: extra.name.clone(),
                    },
                );
            }
        }
        let counts = self.count(FactClass::Member);
        counts.hit += set.f1();
        counts.truth += 1;
        counts.claimed += 1;
    }

    fn disagree(
        &mut self,
        class: FactClass,
        subject: String,
        location: Option<Location>,
        finding: Finding,
    ) {
        self.disagreements.push(Disagreement {
            class,
            subject,
            location,
            finding,
        });
    }
}
