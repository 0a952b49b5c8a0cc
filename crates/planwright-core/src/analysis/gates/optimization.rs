//! The gate out of an optimization phase: improvement measured against
//! baselines taken before the phase, and the hot spots diagnosed.

use crate::analysis::eval::Outcome;
use crate::choice::Choice;
use crate::date::Date;
use crate::model::{HotspotCause, Id, Phase, Plan};
use crate::text::{agree, all_of, cap, name_list, named};

use super::{GateCriterion, Make};

pub(super) fn optimization(
    plan: &Plan,
    phase: &Phase,
    start: Option<Date>,
    out: &mut Vec<GateCriterion>,
) {
    let make = Make {
        phase,
        key: "optimization.baselines",
        text: "Every metric has a baseline measured before optimization".to_string(),
        section: 2,
    };
    let mut problems: Vec<String> = Vec::new();
    let mut first: Option<(usize, &'static str, Option<Id>)> = None;
    for (i, m) in plan.metrics.iter().enumerate() {
        let issue = match (m.baseline, m.baseline_date) {
            (None, _) => Some((
                "baseline",
                format!("{} has no baseline", named(&m.name, "metric", i)),
            )),
            (Some(_), None) => Some((
                "baseline_date",
                format!("{} has no baseline date", named(&m.name, "metric", i)),
            )),
            (Some(_), Some(d)) => match start {
                Some(s) if d > s => Some((
                    "baseline_date",
                    format!(
                        "{} was measured on {d}, after optimization starts on {s}",
                        named(&m.name, "metric", i)
                    ),
                )),
                _ => None,
            },
        };
        if let Some((field, text)) = issue {
            first.get_or_insert((i, field, m.owner.clone()));
            problems.push(text);
        }
    }
    out.push(match first {
        _ if plan.metrics.is_empty() => make.judge(
            Outcome::unmet(
                "No success metrics are defined.".to_string(),
                "Define success metrics and measure their baselines before optimizing.".to_string(),
            )
            .at("metrics".to_string()),
        ),
        None => make.judge(
            Outcome::met(format!(
                "{} {} a dated baseline.",
                cap(&all_of(plan.metrics.len(), "metric", "metrics")),
                agree(plan.metrics.len(), "has", "have")
            ))
            .at("metrics".to_string()),
        ),
        Some((i, field, owner)) => make.judge(
            Outcome::unmet(
                format!("{}.", cap(&name_list(&problems))),
                "Measure and date every metric's baseline before optimization starts.".to_string(),
            )
            .at(format!("metrics[{i}].{field}"))
            .by(owner.as_ref()),
        ),
    });

    let make = Make {
        phase,
        key: "optimization.hotspots",
        text: "Where people correct the AI most is diagnosed".to_string(),
        section: 12,
    };
    let hotspots = &plan.feedback.hotspots;
    let diagnosed = hotspots
        .iter()
        .enumerate()
        .find(|(_, h)| h.cause != HotspotCause::Undiagnosed);
    let owner = plan.ownership.business_owner.clone();
    out.push(match diagnosed {
        Some((i, h)) => make.judge(Outcome::met(format!("{} is traced to {}.", cap(&named(&h.area, "hotspot", i)), h.cause.label().to_lowercase())).at(format!("feedback.hotspots[{i}].cause"))),
        None if hotspots.is_empty() => make.judge(Outcome::unmet("No correction hotspots are recorded.".to_string(), "Find where people correct the AI's output most and why.".to_string()).at("feedback.hotspots".to_string()).by(owner.as_ref())),
        None => {
            let names: Vec<String> = hotspots.iter().enumerate().map(|(i, h)| named(&h.area, "hotspot", i)).collect();
            make.judge(Outcome::unmet(format!("Not diagnosed yet: {}.", name_list(&names)), "Diagnose each correction hotspot: prompt quality, missing context or workflow design.".to_string()).at("feedback.hotspots[0].cause".to_string()).by(owner.as_ref()))
        }
    });
}
