//! Part 2: success metrics with their baselines and targets.

use crate::choice::Choice;
use crate::export::markdown::escape::{cell, table};
use crate::export::markdown::names::Names;
use crate::export::markdown::values::{missing, quantity};
use crate::export::markdown::{template_part, Part};
use crate::model::Plan;
use crate::model::Section;

/// Part 2: the metrics with baseline, target and latest value.
pub(in crate::export::markdown) fn metrics(plan: &Plan, names: &Names<'_>) -> Part {
    let mut out = String::new();
    if plan.metrics.is_empty() {
        missing(
            &mut out,
            "No success metrics yet. Add at least one business-outcome metric with a baseline measured before any optimization.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .metrics
            .iter()
            .map(|m| {
                let baseline = match (m.baseline, m.baseline_date) {
                    (Some(_), Some(date)) => format!("{} ({date})", quantity(m.baseline, &m.unit)),
                    _ => quantity(m.baseline, &m.unit),
                };
                vec![
                    cell(&m.name),
                    cell(&m.outcome),
                    m.kind.label().to_string(),
                    m.direction.label().to_string(),
                    baseline,
                    quantity(m.target, &m.unit),
                    quantity(m.actual, &m.unit),
                    names.person(m.owner.as_ref()),
                    cell(&m.method),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "Metric",
                "Business outcome",
                "Kind",
                "Better",
                "Baseline (measured)",
                "Target",
                "Latest",
                "Owner",
                "How it is measured",
            ],
            &rows,
        ));
    }
    template_part("metrics", Section::Metrics, out)
}
