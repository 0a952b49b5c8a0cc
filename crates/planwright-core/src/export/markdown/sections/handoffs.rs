//! Part 10: approvals and hand-offs as work in their own right.

use crate::export::markdown::escape::{cell, table};
use crate::export::markdown::names::Names;
use crate::export::markdown::values::{count, missing};
use crate::export::markdown::{template_part, Part};
use crate::model::Plan;
use crate::model::Section;

/// Part 10: approvals and hand-offs as work in their own right.
pub(in crate::export::markdown) fn handoffs(plan: &Plan, names: &Names<'_>) -> Part {
    let mut out = String::new();
    if plan.handoffs.is_empty() {
        missing(
            &mut out,
            "No hand-offs yet. For each approval or hand-over, say where the work shows up, what context travels with it, the expected turnaround and how it escalates.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .handoffs
            .iter()
            .map(|h| {
                vec![
                    cell(&h.name),
                    format!(
                        "{} → {}",
                        names.person(h.from.as_ref()),
                        names.person(h.to.as_ref())
                    ),
                    names.person(h.approver.as_ref()),
                    cell(&h.channel),
                    cell(&h.context),
                    h.turnaround_days
                        .map_or_else(|| "—".to_string(), |d| count(d as usize, "day", "days")),
                    cell(&h.escalation),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "Hand-off",
                "From → to",
                "Approved by",
                "Shows up in",
                "Context that travels",
                "Turnaround",
                "If it sits",
            ],
            &rows,
        ));
    }
    template_part("handoffs", Section::Handoffs, out)
}
