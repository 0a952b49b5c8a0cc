//! The at-a-glance summary that opens the document: readiness with its
//! dimensions, the risk tier, the current phase and the schedule.

use std::fmt::Write as _;

use super::escape::{cell, table};
use super::names::Names;
use super::values::{count, missing, number, sub};
use super::{part, section_link, Part};
use crate::analysis::readiness::{Readiness, Status};
use crate::analysis::Analysis;
use crate::choice::Choice;
use crate::model::{Plan, Section};

// ---------------------------------------------------------------------------
// Summary

/// The summary before section 1: readiness with its rule, the risk tier, the
/// current phase and the schedule in one line each, the most valuable
/// actions, then every dimension with its criteria behind `<details>`.
pub(super) fn summary(plan: &Plan, a: &Analysis, names: &Names<'_>) -> Part {
    let r = &a.readiness;
    let mut out = String::new();
    let _ = write!(
        out,
        "**Readiness: {} / 100, {}**",
        r.overall,
        r.band.label()
    );
    if r.prohibited {
        out.push_str(" (a prohibited practice rules the use out whatever the score)");
    } else if let Some(held) = r.capped_by.and_then(|d| r.dimension(d)) {
        let _ = write!(
            out,
            " ({} by its average, held back by {})",
            r.band_by_average.label().to_lowercase(),
            held.label.to_lowercase()
        );
    }
    let _ = writeln!(out, "\n\n_The rule:_ {}\n", cell(&r.rule));

    let risk = &a.risk;
    let _ = writeln!(
        out,
        "- **Risk tier:** {}{}, see {}",
        risk.tier.label(),
        if risk.provisional {
            " (provisional: some questions are open)"
        } else {
            ""
        },
        section_link(Section::Risk)
    );
    let current = a
        .gates
        .current_index
        .and_then(|i| Some((i, a.gates.phases.get(i)?)));
    match current {
        Some((i, gate)) => {
            let met = gate.criteria.iter().filter(|c| c.met).count();
            let _ = writeln!(
                out,
                "- **Current phase:** {} (phase {} of {}); its gate is {}, with {met} of {} met; see {}",
                names.phase(Some(&gate.phase)),
                i + 1,
                a.gates.phases.len(),
                gate.decision.label().to_lowercase(),
                count(gate.criteria.len(), "criterion", "criteria"),
                section_link(Section::Roadmap)
            );
        }
        None => {
            let _ = writeln!(out, "- **Current phase:** _no phases yet_");
        }
    }
    let when = match &a.schedule {
        _ if plan.tasks.is_empty() => "_no tasks yet_".to_string(),
        Ok(s) => {
            let mut text = format!(
                "{} over {}",
                count(plan.tasks.len(), "task", "tasks"),
                count(
                    usize::try_from(s.total_days).unwrap_or(usize::MAX),
                    "working day",
                    "working days"
                )
            );
            if let (Some(start), Some(finish)) = (s.start_date, s.finish_date) {
                let _ = write!(text, ", {start} to {finish}");
            }
            text
        }
        Err(e) => format!(
            "_none: task dependencies form {}_",
            count(e.cycles.len(), "loop", "loops")
        ),
    };
    let _ = writeln!(
        out,
        "- **Schedule:** {when}; see {}\n",
        section_link(Section::Roadmap)
    );

    sub(&mut out, "What to do first");
    if r.top_actions.is_empty() {
        missing(&mut out, "Nothing to do: every readiness criterion is met.");
    } else {
        out.push_str(
            "The actions worth most, with the points each adds to the overall score when done in full:\n\n",
        );
        for (k, action) in r.top_actions.iter().enumerate() {
            let owner = match &action.owner {
                Some(id) => format!(" · {}", names.person(Some(id))),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "{}. {} **+{:.1} points** · in {}{owner}",
                k + 1,
                cell(&action.fix),
                action.gain,
                Section::from_number(action.section)
                    .map_or_else(|| format!("section {}", action.section), section_link)
            );
        }
        out.push('\n');
    }

    sub(&mut out, "Readiness by dimension");
    dimensions(&mut out, r);
    part("summary", "At a glance", out)
}

/// The table of dimensions, then each dimension's criteria in a collapsed
/// `<details>` block.
pub(super) fn dimensions(out: &mut String, r: &Readiness) {
    let rows: Vec<Vec<String>> = r
        .dimensions
        .iter()
        .map(|d| {
            let met = d
                .criteria
                .iter()
                .filter(|c| c.status == Status::Met)
                .count();
            let name = if r.weakest == Some(d.dimension) {
                format!("{} _(weakest)_", d.label)
            } else {
                d.label.to_string()
            };
            vec![
                name,
                d.score.to_string(),
                d.band.label().to_string(),
                format!("{met} of {}", d.criteria.len()),
            ]
        })
        .collect();
    out.push_str(&table(
        &["Dimension", "Score", "Band", "Criteria met"],
        &rows,
    ));
    out.push_str("\nEach dimension's criteria, with the points they earn:\n\n");
    for d in &r.dimensions {
        let met = d
            .criteria
            .iter()
            .filter(|c| c.status == Status::Met)
            .count();
        let _ = writeln!(
            out,
            "<details>\n<summary>{}: {}, {met} of {} criteria met</summary>\n",
            d.label,
            d.score,
            d.criteria.len()
        );
        if d.criteria.is_empty() {
            missing(out, "No criteria apply at this risk tier.");
        } else {
            let rows: Vec<Vec<String>> = d
                .criteria
                .iter()
                .map(|c| {
                    vec![
                        cell(c.label),
                        c.status.label().to_string(),
                        format!("{} / {}", number(c.points), c.weight),
                        cell(&c.evidence),
                        cell(&c.fix),
                    ]
                })
                .collect();
            out.push_str(&table(
                &["Criterion", "Status", "Points", "Why", "To do"],
                &rows,
            ));
            out.push('\n');
        }
        out.push_str("</details>\n\n");
    }
}
