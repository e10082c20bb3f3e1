//! A comparison as a report for people (summary table, then disagreements by class) or as JSON.

use serde_json::{json, Map, Value};

use super::comparison::{Comparison, Counts, Disagreement, FactClass, Finding, Universe};

/// The summary table of every universe, then at most `misses_per_class` disagreements of each
/// class, the docs' page:line first.
pub fn report(comparison: &Comparison, misses_per_class: usize) -> String {
    let types = |universe| comparison.universe(universe).map(|u| u.metadata_types);
    let mut out = format!(
        "Docs vs metadata: {} metadata types",
        types(Universe::All).unwrap_or(0)
    );
    if let Some(documented) = types(Universe::Documented) {
        out += &format!(", {documented} of them with a page (documented)");
    }
    out += &format!(
        "\n\n{:<11} {:<9} {:>7} {:>9} {:>7} {:>9} {:>6} {:>7}\n",
        "universe", "class", "recall", "precision", "f1", "hit", "truth", "claimed"
    );
    for score in &comparison.universes {
        let total = ("all", score.total());
        let classes = score
            .classes()
            .map(|(class, counts)| (class.as_str(), counts));
        for (class, counts) in classes.chain([total]) {
            out += &format!(
                "{:<11} {:<9} {:>7.4} {:>9.4} {:>7.4} {:>9} {:>6} {:>7}\n",
                score.universe.as_str(),
                class,
                counts.recall(),
                counts.precision(),
                counts.f1(),
                hit(counts),
                counts.truth,
                counts.claimed
            );
        }
    }
    if comparison.disagreements.is_empty() {
        out += "\nNo disagreements.\n";
        return out;
    }
    out += "\nDisagreements over all metadata types (page:line is the docs' side):\n";
    for class in FactClass::ALL {
        let found: Vec<&Disagreement> = comparison
            .disagreements
            .iter()
            .filter(|d| d.class == class)
            .collect();
        if found.is_empty() {
            continue;
        }
        out += &format!(
            "\n{}: {} ({})\n",
            class.as_str(),
            found.len(),
            tally(&found)
        );
        for disagreement in found.iter().take(misses_per_class) {
            out += &format!("  {}\n", line(disagreement));
        }
        if found.len() > misses_per_class {
            out += &format!("  ... and {} more\n", found.len() - misses_per_class);
        }
    }
    out
}

/// Whole hits as integers, enum-member hits (fractions) to two places.
fn hit(counts: Counts) -> String {
    if counts.hit.fract() == 0.0 {
        format!("{:.0}", counts.hit)
    } else {
        format!("{:.2}", counts.hit)
    }
}

/// `12 missing from the docs, 3 not in the metadata`.
fn tally(found: &[&Disagreement]) -> String {
    let mut counts = [0; 3];
    for disagreement in found {
        counts[match disagreement.finding {
            Finding::MissingFromDocs { .. } => 0,
            Finding::NotInMetadata { .. } => 1,
            Finding::Differs { .. } => 2,
        }] += 1;
    }
    let labels = ["missing from the docs", "not in the metadata", "differ"];
    let parts: Vec<String> = counts
        .iter()
        .zip(labels)
        .filter(|(n, _)| **n > 0)
        .map(|(n, label)| format!("{n} {label}"))
        .collect();
    parts.join(", ")
}

fn line(disagreement: &Disagreement) -> String {
    let what = |value: &str| match disagreement.class {
        FactClass::Type => format!("{value} type"),
        FactClass::Prop => format!("property of type {value}"),
        FactClass::Nav => format!("navigation property to {value}"),
        FactClass::Member => "enum member".to_string(),
        FactClass::Kind | FactClass::Base | FactClass::PropType => value.to_string(),
    };
    let finding = match &disagreement.finding {
        Finding::MissingFromDocs { metadata } => {
            format!("{} missing from the docs", what(metadata))
        }
        Finding::NotInMetadata { docs } => format!("{} not in the metadata", what(docs)),
        Finding::Differs { docs, metadata } => {
            format!("docs say {docs}, metadata says {metadata}")
        }
    };
    match &disagreement.location {
        Some(location) => format!("{location}: {}: {finding}", disagreement.subject),
        None => format!("{}: {finding}", disagreement.subject),
    }
}

/// The comparison as pretty JSON: `scores` in `fidelity.py --json`'s shape (unrounded),
/// `metadata_types` per universe, and every disagreement.
pub fn json(comparison: &Comparison) -> String {
    let mut scores = Map::new();
    let mut metadata_types = Map::new();
    for score in &comparison.universes {
        let mut classes: Map<String, Value> = score
            .classes()
            .map(|(class, counts)| (class.as_str().to_string(), counts_json(counts)))
            .collect();
        classes.insert("all".to_string(), counts_json(score.total()));
        let universe = score.universe.as_str().to_string();
        scores.insert(universe.clone(), Value::Object(classes));
        metadata_types.insert(universe, score.metadata_types.into());
    }
    let disagreements: Vec<Value> = comparison
        .disagreements
        .iter()
        .map(|d| {
            json!({
                "class": d.class.as_str(),
                "subject": d.subject,
                "finding": d.finding.as_str(),
                "docs": d.finding.docs(),
                "metadata": d.finding.metadata(),
                "location": d.location.as_ref().map(ToString::to_string),
            })
        })
        .collect();
    let document = json!({
        "scores": scores,
        "metadata_types": metadata_types,
        "disagreements": disagreements,
    });
    format!("{document:#}\n")
}

fn counts_json(counts: Counts) -> Value {
    json!({
        "hit": counts.hit,
        "truth": counts.truth,
        "claimed": counts.claimed,
        "recall": counts.recall(),
        "precision": counts.precision(),
        "f1": counts.f1(),
    })
}
