//! After part 9, when the plan has baselines: what has changed since the
//! newest one. Short when little changed; every name through [`cell`].

use std::fmt::Write as _;

use crate::analysis::baseline::{band_label, compare, latest, tier_label, Comparison, DateChange};
use crate::analysis::Analysis;
use crate::choice::Choice;
use crate::date::Date;
use crate::export::markdown::escape::{cell, inline, table};
use crate::export::markdown::values::{count, missing};
use crate::export::markdown::Part;
use crate::model::Plan;

/// The most rows a table of this part shows; the rest are counted.
const MAX_ROWS: usize = 40;

/// The part "Changes since baseline NAME (DATE)", against the newest
/// baseline; `None` when the plan has none.
pub(in crate::export::markdown) fn changes(plan: &Plan, analysis: &Analysis) -> Option<Part> {
    let baseline = latest(plan)?;
    let c = compare(plan, analysis, baseline);
    Some(Part {
        key: "baseline",
        heading: heading(&c),
        body: comparison(&c),
    })
}

/// `Changes since baseline NAME (DATE)`, escaped, for a heading.
pub fn heading(c: &Comparison) -> String {
    let name = inline(&c.name);
    let name = if name.is_empty() {
        "without a name".to_string()
    } else {
        name
    };
    match c.taken_on {
        Some(d) => format!("Changes since baseline {name} ({d})"),
        None => format!("Changes since baseline {name}"),
    }
}

/// A date, or `—`.
fn day(d: Option<Date>) -> String {
    d.map_or_else(|| "—".to_string(), |d| d.to_string())
}

/// How far a date moved, in words.
pub(in crate::export::markdown) fn moved_words(change: &DateChange) -> String {
    match (change.then, change.now, change.slip_days) {
        (_, _, Some(d)) => crate::text::moved_words(d),
        (None, Some(_), None) => "now dated".to_string(),
        (Some(_), None, None) => "no longer dated".to_string(),
        (Some(_), Some(_), None) => "moved".to_string(),
        (None, None, None) => "no date".to_string(),
    }
}

fn capped(out: &mut String, heads: &[&str], mut rows: Vec<Vec<String>>) {
    let more = rows.len().saturating_sub(MAX_ROWS);
    rows.truncate(MAX_ROWS);
    out.push_str(&table(heads, &rows));
    if more > 0 {
        let _ = writeln!(out, "\n_And {} more._", count(more, "row", "rows"));
    }
    out.push('\n');
}

fn people(names: &[String]) -> String {
    if names.is_empty() {
        "no one".to_string()
    } else {
        names.iter().map(|n| cell(n)).collect::<Vec<_>>().join(", ")
    }
}

fn target(value: Option<f64>, unit: &str) -> String {
    match value {
        None => "—".to_string(),
        Some(v) if unit.trim().is_empty() => format!("{v}"),
        Some(v) => format!("{v} {}", cell(unit)),
    }
}

/// The body: a short line when nothing moved, else each kind of change in
/// turn.
pub fn comparison(c: &Comparison) -> String {
    let mut out = String::new();
    let since = match c.taken_on {
        Some(d) => format!("since the baseline was set on {d}"),
        None => "since the baseline was set".to_string(),
    };
    if c.is_empty() {
        missing(&mut out, &format!("Nothing has moved {since}."));
        return out;
    }
    let moved: Vec<_> = c.moved().collect();
    let _ = writeln!(
        out,
        "What has changed {since}: {} moved, {} added, {} removed.\n",
        count(moved.len(), "task", "tasks"),
        c.added.len(),
        c.removed.len()
    );
    if c.finish.moved() {
        let _ = writeln!(
            out,
            "**Finish:** {} then, {} now ({}).\n",
            day(c.finish.then),
            day(c.finish.now),
            moved_words(&c.finish)
        );
    }
    if !moved.is_empty() {
        let rows = moved
            .iter()
            .map(|t| {
                let length = if t.duration_then == t.duration_now {
                    t.duration_now.to_string()
                } else {
                    format!("{} → {}", t.duration_then, t.duration_now)
                };
                vec![
                    format!("#{} {}", t.index.saturating_add(1), cell(&t.title)),
                    length,
                    day(t.start.then),
                    day(t.start.now),
                    day(t.finish.then),
                    day(t.finish.now),
                    moved_words(&t.finish),
                ]
            })
            .collect();
        out.push_str("**Tasks that moved:**\n\n");
        capped(
            &mut out,
            &[
                "Task",
                "Days",
                "Start then",
                "Start now",
                "Finish then",
                "Finish now",
                "Finish moved",
            ],
            rows,
        );
    }
    for (label, items) in [("Added", &c.added), ("Removed", &c.removed)] {
        if items.is_empty() {
            continue;
        }
        let names: Vec<String> = items
            .iter()
            .take(MAX_ROWS)
            .map(|i| cell(&i.title))
            .collect();
        let more = items.len().saturating_sub(MAX_ROWS);
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        let _ = writeln!(out, "**{label}:** {}{tail}.\n", names.join("; "));
    }
    let gates: Vec<Vec<String>> = c
        .gates_moved()
        .map(|g| {
            vec![
                cell(&g.name),
                day(g.date.then),
                day(g.date.now),
                moved_words(&g.date),
            ]
        })
        .collect();
    if !gates.is_empty() {
        out.push_str("**Gates that moved** (the day the last task of each phase ends):\n\n");
        capped(&mut out, &["Phase", "Then", "Now", "Moved"], gates);
    }
    let mut lines: Vec<String> = Vec::new();
    if c.readiness.then != c.readiness.now || c.band.then != c.band.now {
        lines.push(format!(
            "Readiness {} / 100 ({}) then, {} / 100 ({}) now",
            c.readiness.then,
            cell(&band_label(&c.band.then)),
            c.readiness.now,
            cell(&band_label(&c.band.now))
        ));
    }
    for d in c.dimensions_changed() {
        let score = |s: Option<u8>| s.map_or_else(|| "—".to_string(), |s| s.to_string());
        lines.push(format!(
            "{}: {} then, {} now",
            cell(&d.label),
            score(d.then),
            score(d.now)
        ));
    }
    if c.tier.then != c.tier.now {
        lines.push(format!(
            "Risk tier: {} then, {} now",
            cell(&tier_label(&c.tier.then)),
            cell(&tier_label(&c.tier.now))
        ));
    }
    if !c.controls_added.is_empty() {
        let names: Vec<String> = c.controls_added.iter().map(|n| cell(n)).collect();
        lines.push(format!("Controls now required: {}", names.join(", ")));
    }
    if !c.controls_removed.is_empty() {
        let names: Vec<String> = c.controls_removed.iter().map(|n| cell(n)).collect();
        lines.push(format!("Controls no longer required: {}", names.join(", ")));
    }
    for line in &lines {
        let _ = writeln!(out, "- {line}");
    }
    if !lines.is_empty() {
        out.push('\n');
    }
    if !c.owners.is_empty() {
        let rows = c
            .owners
            .iter()
            .map(|o| vec![cell(&o.label), people(&o.then_names), people(&o.now_names)])
            .collect();
        out.push_str("**Owners and approvers changed:**\n\n");
        capped(&mut out, &["Who is accountable for", "Then", "Now"], rows);
    }
    if !c.targets.is_empty() {
        let rows = c
            .targets
            .iter()
            .map(|t| {
                vec![
                    cell(&t.name),
                    target(t.then, &t.unit),
                    target(t.now, &t.unit),
                ]
            })
            .collect();
        out.push_str("**Metric targets changed:**\n\n");
        capped(&mut out, &["Metric", "Target then", "Target now"], rows);
    }
    if !c.decisions.is_empty() {
        out.push_str("**Gate decisions recorded since:**\n\n");
        for d in c.decisions.iter().take(MAX_ROWS) {
            let by = if d.decided_by.is_empty() {
                String::new()
            } else {
                format!(" by {}", cell(&d.decided_by))
            };
            let on = d.decided_on.map(|d| format!(" on {d}")).unwrap_or_default();
            let _ = writeln!(out, "- {}: {}{by}{on}", cell(&d.name), d.now.label());
        }
        out.push('\n');
    }
    out
}
