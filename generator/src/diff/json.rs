//! The changelog for tools, format `graph-docs-changelog/1`: a contract like the schema's
//! (fields may be added, none renamed or removed without a new format). The README describes it.

use serde_json::{json, Value};

use super::model::{Change, Changelog, Side};
use super::RenderOptions;

pub const FORMAT: &str = "graph-docs-changelog/1";

pub(super) fn render(changelog: &Changelog, options: &RenderOptions) -> String {
    let kinds: Vec<Value> = changelog
        .counts_by_kind()
        .into_iter()
        .map(|(kind, count)| {
            json!({"kind": kind.as_str(), "breaking": count.breaking, "additive": count.additive})
        })
        .collect();
    let document = json!({
        "format": FORMAT,
        "old": options.old,
        "new": options.new,
        "summary": {
            "breaking": changelog.breaking(),
            "additive": changelog.additive(),
            "descriptions": changelog.descriptions(),
            "kinds": kinds,
        },
        "changes": changelog.listed(options.descriptions).map(change).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

fn side(side: &Option<Side>) -> Value {
    match side {
        None => Value::Null,
        Some(side) => json!({
            "value": side.value,
            "source": side.source.as_ref().map(ToString::to_string),
        }),
    }
}

fn change(change: &Change) -> Value {
    json!({
        "kind": change.kind.as_str(),
        "namespace": change.namespace,
        "type": change.type_name,
        "member": change.member,
        "breaking": change.impact.is_breaking(),
        "semver": change.impact.level.as_str(),
        "rule": change.impact.rule,
        "reason": change.impact.reason,
        "possible_rename": change.possible_rename,
        "old": side(&change.old),
        "new": side(&change.new),
    })
}
