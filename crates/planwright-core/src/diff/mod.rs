//! Plan files under version control: what changed between two plans, a
//! three-way merge, and a line-per-field rendering for `git diff`.
//!
//! All three work on the plan's JSON view (the fields as the file writes
//! them, in plan order), generically:
//! - objects are compared key by key;
//! - arrays whose elements are all objects with distinct string `"id"`s
//!   (tasks, phases, metrics, a phase's exit criteria…) are matched by id;
//! - every other array (`depends_on`, a metric's readings…) is one value.
//!
//! A baseline's stored snapshot (`baselines[*].plan` and `summary`) is
//! never looked into: a baseline is reported as added, removed or renamed.
//!
//! Contract: [`diff`] of a plan with itself is empty; [`merge`] takes a
//! change made on one side only, so `merge(b, b, x)`, `merge(b, x, b)` and
//! `merge(b, x, x)` are all `x`; changes to different items or fields all
//! arrive; the same place changed two ways is a [`MergeConflict`] and the
//! merged plan holds our value there. Nothing here panics on any plan.
//!
//! This module sits beside [`export`](crate::export): it reads the model
//! and borrows only the Markdown escaping of `export::markdown`.

use std::fmt;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use serde_json::Value;

use crate::export::markdown::cell;
use crate::model::{MergeConflict, Plan};
use crate::text::{counted, plural};

mod compare;
mod labels;
mod merge;
mod resolve;

pub use resolve::{resolve, ResolveError, Side};
mod tree;

use compare::At;
use tree::Node;

/// What changed from one plan to another, section by section in plan order.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PlanDiff {
    /// The sections with changes; a section without changes is left out.
    pub sections: Vec<SectionDiff>,
}

impl PlanDiff {
    /// Whether the two plans are the same.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// How many changes there are in all.
    pub fn len(&self) -> usize {
        self.sections.iter().map(|s| s.changes.len()).sum()
    }
}

/// The changes under one top-level field of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionDiff {
    /// The field (`tasks`).
    pub key: String,
    /// What a person calls it (`Tasks`).
    pub title: String,
    /// Its changes, in plan order.
    pub changes: Vec<Change>,
}

/// What one change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// An item was added to a list.
    Added,
    /// An item was removed from a list.
    Removed,
    /// A value changed.
    Changed,
    /// Items of a list were put in another order (one change per list).
    Moved,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// What the change did.
    pub kind: ChangeKind,
    /// Where, as a path into the plan: `tasks[id=t-3].duration_days`.
    pub path: String,
    /// The same place in words: `Task 'Label tickets': duration_days`.
    pub label: String,
    /// The value before (the removed item; absent when added or moved).
    pub old: Option<Value>,
    /// The value after (the added item; the ids that moved).
    pub new: Option<Value>,
}

/// What changed from `old` to `new`.
///
/// ```
/// use planwright_core::{diff::diff, Plan};
/// let old = Plan::blank();
/// let mut new = old.clone();
/// new.phases[0].duration_weeks = Some(10);
/// let changes = diff(&old, &new);
/// assert_eq!(changes.sections[0].title, "Phases");
/// assert_eq!(changes.sections[0].changes[0].path, "phases[id=phase-1].duration_weeks");
/// assert_eq!(changes.sections[0].changes[0].label, "Phase 'Foundation and readiness': duration_weeks");
/// assert!(diff(&old, &old).is_empty());
/// ```
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    let (old, new) = (Node::of_plan(old), Node::of_plan(new));
    let mut sections = Vec::new();
    let (Node::Object(a), Node::Object(b)) = (&old, &new) else {
        return PlanDiff::default();
    };
    for (key, after) in b {
        let before = a
            .iter()
            .find(|(k, _)| k == key)
            .map_or(&Node::Null, |(_, v)| v);
        let mut changes = Vec::new();
        compare::walk(&At::section(key), before, after, &mut changes);
        if !changes.is_empty() {
            sections.push(SectionDiff {
                key: key.clone(),
                title: labels::section_title(key),
                changes,
            });
        }
    }
    PlanDiff { sections }
}

/// The changes as a Markdown document: a count, then a heading per section
/// and a line per change. Everything from the plans is escaped.
///
/// ```
/// use planwright_core::{diff::{diff, to_markdown}, Plan};
/// let old = Plan::blank();
/// let mut new = old.clone();
/// new.title = "Claims *triage*".into();
/// let text = to_markdown(&diff(&old, &new));
/// assert!(text.contains("- Title: Untitled AI initiative → Claims \\*triage\\*"), "{text}");
/// ```
pub fn to_markdown(changes: &PlanDiff) -> String {
    let mut out = String::from("# Changes to the plan\n\n");
    if changes.is_empty() {
        out.push_str("No changes: the two plans are the same.\n");
        return out;
    }
    out.push_str(&format!(
        "{} in {}.\n",
        counted(changes.len(), "change", "changes"),
        plural(changes.sections.len(), "section")
    ));
    for section in &changes.sections {
        out.push_str(&format!("\n## {}\n\n", cell(&section.title)));
        for change in &section.changes {
            out.push_str("- ");
            out.push_str(&change_line(change));
            out.push('\n');
        }
    }
    out
}

/// One change as a line of Markdown, escaped.
fn change_line(change: &Change) -> String {
    let label = cell(&change.label);
    let value = |v: &Option<Value>| cell(&v.as_ref().map_or_else(String::new, value_text));
    match change.kind {
        ChangeKind::Added => format!("Added: {label}"),
        ChangeKind::Removed => format!("Removed: {label}"),
        ChangeKind::Moved => label,
        ChangeKind::Changed => match (&change.old, &change.new) {
            (None, _) => format!("{label}: set to {}", value(&change.new)),
            (_, None) => format!("{label}: taken out (was {})", value(&change.old)),
            _ => format!("{label}: {} → {}", value(&change.old), value(&change.new)),
        },
    }
}

/// The changes as pretty JSON: `{"sections": [{"key", "title", "changes":
/// [{"kind", "path", "label", "old", "new"}]}]}`.
pub fn to_json(changes: &PlanDiff) -> String {
    // Plain data with string keys always serializes.
    let mut text = serde_json::to_string_pretty(changes).unwrap_or_default();
    text.push('\n');
    text
}

/// How long a value shown to a person may be, in characters, before it is
/// cut short.
const VALUE_CHARS: usize = 160;

/// A value as a person reads it: text as it is, nothing as `(none)`, empty
/// text as `(empty)`, anything else as compact JSON; cut after 160
/// characters.
///
/// ```
/// use planwright_core::diff::value_text;
/// use serde_json::json;
/// assert_eq!(value_text(&json!("Pilot")), "Pilot");
/// assert_eq!(value_text(&json!(null)), "(none)");
/// assert_eq!(value_text(&json!(["t-1", "t-2"])), r#"["t-1","t-2"]"#);
/// ```
pub fn value_text(value: &Value) -> String {
    let text = match value {
        Value::Null => return "(none)".to_string(),
        Value::String(s) if s.is_empty() => return "(empty)".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if text.chars().count() > VALUE_CHARS {
        let mut short: String = text.chars().take(VALUE_CHARS).collect();
        short.push('…');
        short
    } else {
        text
    }
}

/// A plan as lines `path = value`, one per field, in plan order: items of
/// a list by id (`tasks[id=t-3].title = "Label tickets"`), a list of plain
/// values and every other value as one line of JSON. Made for `git diff`'s
/// `textconv`: the same plan always gives the same lines, and an edit
/// changes only the lines of the fields it touched. A baseline's stored
/// snapshot is summed up in one line.
///
/// ```
/// use planwright_core::{diff::show, Plan};
/// let text = show(&Plan::blank());
/// assert!(text.starts_with("title = \"Untitled AI initiative\"\n"));
/// assert!(text.contains("\nphases[id=phase-1].duration_weeks = 8\n"));
/// ```
pub fn show(plan: &Plan) -> String {
    let mut out = String::new();
    if let Node::Object(fields) = Node::of_plan(plan) {
        for (key, value) in &fields {
            show_node(key, value, key == "baselines", &mut out);
        }
    }
    out
}

fn show_node(path: &str, node: &Node, baselines: bool, out: &mut String) {
    match node {
        Node::Object(fields) if !fields.is_empty() => {
            for (key, value) in fields {
                let here = format!("{path}.{key}");
                if baselines && (key == "plan" || key == "summary") {
                    if key == "plan" {
                        let tasks = match value.get("tasks") {
                            Some(Node::Array(t)) => t.len(),
                            _ => 0,
                        };
                        out.push_str(&format!(
                            "{here} = (snapshot of {})\n",
                            plural(tasks, "task")
                        ));
                    }
                    continue;
                }
                show_node(&here, value, false, out);
            }
        }
        Node::Array(items) if !items.is_empty() => {
            if let Some(ids) = tree::item_ids(items) {
                for (id, item) in ids.iter().zip(items) {
                    show_node(&format!("{path}[id={id}]"), item, baselines, out);
                }
            } else if items
                .iter()
                .all(|i| !matches!(i, Node::Object(_) | Node::Array(_)))
            {
                out.push_str(&format!("{path} = {}\n", node.to_value()));
            } else {
                for (i, item) in items.iter().enumerate() {
                    show_node(&format!("{path}[{i}]"), item, false, out);
                }
            }
        }
        _ => out.push_str(&format!("{path} = {}\n", node.to_value())),
    }
}

/// The result of a three-way merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged plan. Where both sides changed the same place differently
    /// it holds our value, and its `conflicts` list every such place: those
    /// found by this merge and those still unsettled in the inputs.
    pub plan: Plan,
    /// The conflicts this merge found (the new ones in `plan.conflicts`).
    pub conflicts: Vec<MergeConflict>,
}

/// Why a merge gave no plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// The merged fields do not make a plan. Merging plans field by field
    /// always gives a plan, so this would be a fault in the merge itself;
    /// it is reported rather than stopping the program.
    NotAPlan {
        /// What the plan reader said about the merged fields.
        message: String,
    },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::NotAPlan { message } => write!(
                f,
                "the merged fields do not make a plan ({message}); nothing was merged"
            ),
        }
    }
}

impl std::error::Error for MergeError {}

/// Merges `ours` and `theirs`, two plans that both started from `base`.
///
/// - A change made on one side only is taken.
/// - Items are matched by id: one added on one side is added; added on
///   both sides with the same id, it is kept once, and the fields where the
///   two differ are conflicts; deleted on one side and unchanged on the
///   other, it is deleted; deleted on one side and changed on the other,
///   the whole item is a conflict (and the merged plan has ours: deleted or
///   changed).
/// - The same field changed differently on both sides is a conflict.
/// - A list keeps our order, with their new items placed after the item
///   before them in theirs; when only they reordered a list, their order
///   is kept and our new items are placed the same way.
/// - Conflicts already recorded in the inputs stay unless a side settled
///   them (removed one present in the base); they are listed once.
///
/// ```
/// use planwright_core::{diff::merge, Plan};
/// let base = Plan::blank();
/// let mut ours = base.clone();
/// ours.phases[0].duration_weeks = Some(6);
/// let mut theirs = base.clone();
/// theirs.phases[1].duration_weeks = Some(10);
/// let merged = merge(&base, &ours, &theirs).unwrap();
/// assert!(merged.conflicts.is_empty());
/// assert_eq!(merged.plan.phases[0].duration_weeks, Some(6));
/// assert_eq!(merged.plan.phases[1].duration_weeks, Some(10));
/// ```
pub fn merge(base: &Plan, ours: &Plan, theirs: &Plan) -> Result<Merged, MergeError> {
    let (b, o, t) = (
        Node::of_plan(base),
        Node::of_plan(ours),
        Node::of_plan(theirs),
    );
    let mut found = Vec::new();
    let merged = match (&b, &o, &t) {
        (Node::Object(bf), Node::Object(of), Node::Object(tf)) => {
            let field = |fields: &'_ [(String, Node)], key: &str| -> Option<Node> {
                fields
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
            };
            let mut fields = Vec::with_capacity(of.len());
            for (key, value) in of {
                if key == "conflicts" {
                    continue;
                }
                let (bv, tv) = (field(bf, key), field(tf, key));
                let at = At::section(key);
                if let Some(v) = merge::merge_node(
                    &at,
                    bv.as_ref(),
                    Some(value),
                    tv.as_ref(),
                    false,
                    &mut found,
                ) {
                    fields.push((key.clone(), v));
                }
            }
            Node::Object(fields)
        }
        _ => o.clone(),
    };
    let mut plan: Plan =
        serde_json::from_value(merged.to_value()).map_err(|e| MergeError::NotAPlan {
            message: e.to_string(),
        })?;
    plan.conflicts = settled(&base.conflicts, &ours.conflicts, &theirs.conflicts, &found);
    Ok(Merged {
        plan,
        conflicts: found,
    })
}

/// The conflicts of the merged plan: those of the inputs that neither side
/// settled, in merged order, then the new ones, each once.
fn settled(
    base: &[MergeConflict],
    ours: &[MergeConflict],
    theirs: &[MergeConflict],
    found: &[MergeConflict],
) -> Vec<MergeConflict> {
    let mut kept: Vec<MergeConflict> = if ours == theirs || base == theirs {
        ours.to_vec()
    } else if base == ours {
        theirs.to_vec()
    } else {
        let key = |c: &MergeConflict| serde_json::to_string(c).unwrap_or_default();
        let keys = |list: &[MergeConflict]| list.iter().map(key).collect::<Vec<String>>();
        let (bk, ok, tk) = (keys(base), keys(ours), keys(theirs));
        let (bs, os, ts) = (strs(&bk), strs(&ok), strs(&tk));
        let set = |k: &[&'_ str]| {
            k.iter()
                .map(|s| s.to_string())
                .collect::<FxHashSet<String>>()
        };
        let (in_b, in_o, in_t) = (set(&bs), set(&os), set(&ts));
        let keeps = |k: &str| {
            let (b, o, t) = (in_b.contains(k), in_o.contains(k), in_t.contains(k));
            (o && t) || (!b && (o || t))
        };
        let by_key: FxHashMap<&str, &MergeConflict> = os
            .iter()
            .zip(ours)
            .chain(ts.iter().zip(theirs))
            .map(|(k, c)| (*k, c))
            .collect();
        merge::order(&bs, &os, &ts, keeps)
            .into_iter()
            .filter_map(|k| by_key.get(k).map(|c| (*c).clone()))
            .collect()
    };
    for conflict in found {
        if !kept.contains(conflict) {
            kept.push(conflict.clone());
        }
    }
    kept
}

/// The keys as string slices.
fn strs(keys: &[String]) -> Vec<&str> {
    keys.iter().map(String::as_str).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn show_lists_items_by_id_and_plain_lists_on_one_line() {
        let mut plan = Plan::blank();
        plan.tasks = vec![
            crate::testing::task("t-1", 3, &[]),
            crate::testing::task("t-2", 2, &["t-1"]),
        ];
        let text = show(&plan);
        assert!(
            text.contains("\ntasks[id=t-2].depends_on = [\"t-1\"]\n"),
            "{text}"
        );
        assert!(
            text.contains("\ntasks[id=t-1].duration_days = 3\n"),
            "{text}"
        );
        assert!(text.contains("\nconflicts = []\n"), "{text}");
    }
}
