//! What the person should act on, most serious first: prohibited
//! practices, members without a plan, plans whose tasks loop, more
//! initiatives in deployment than the capacity, two initiatives on the
//! same business process, and initiatives without a business owner or an
//! outcome metric.
//!
//! An initiative is in deployment when its plan says so (see
//! [`Ranked::in_deployment`]); two initiatives are on the same process
//! when their objectives' processes have the same [`normalised`] text.
//! Each warning lists the member keys it concerns, in rank order.

use std::collections::HashMap;

use crate::analysis::risk::Tier;
use crate::choice::Choice;
use crate::model::MetricKind;
use crate::text::{agree, and_list, cap, counted, name_list, plural, quoted};

use super::rank::Assessed;
use super::{normalised, Portfolio, Ranked, Warning, WarningKind};

fn title(r: &Ranked) -> String {
    quoted(&r.title, "An untitled initiative")
}

/// The warnings of a portfolio, `members` in rank order with `ranked`.
pub(super) fn warnings(
    portfolio: &Portfolio,
    members: &[&Assessed<'_>],
    missing: &[usize],
    ranked: &[Ranked],
) -> Vec<Warning> {
    let mut out = Vec::new();
    let warn = |out: &mut Vec<Warning>, kind, message: String, members: Vec<String>| {
        out.push(Warning {
            kind,
            message,
            members,
        })
    };
    let both = members.iter().zip(ranked);

    for (a, r) in both.clone().filter(|(_, r)| r.tier == Tier::Prohibited) {
        let what: Vec<&str> = a
            .plan
            .risk
            .prohibited
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|p| p.label())
            .collect();
        warn(
            &mut out,
            WarningKind::Prohibited,
            format!(
                "{} involves a prohibited practice ({}): it cannot go ahead, ranks last and is left out of the shared foundation and the roadmap.",
                title(r),
                and_list(&what)
            ),
            vec![r.key.clone()],
        );
    }
    for &i in missing {
        let key = &portfolio.members[i].key;
        warn(
            &mut out,
            WarningKind::MissingPlan,
            format!(
                "No plan found for the member {}: add the plan again or take it out of the portfolio.",
                quoted(key, "without a key")
            ),
            vec![key.clone()],
        );
    }
    for (a, r) in both.clone() {
        if let Err(e) = &a.schedule {
            let tasks: Vec<String> = e.cycles.iter().flatten().map(|id| e.name(id)).collect();
            warn(
                &mut out,
                WarningKind::ScheduleLoop,
                format!(
                    "In {}, {} wait on each other in a loop ({}): it has no schedule and is left out of the shared foundation and the roadmap until the loop is broken.",
                    quoted(&r.title, "an untitled initiative"),
                    plural(tasks.len(), "task"),
                    name_list(&tasks)
                ),
                vec![r.key.clone()],
            );
        }
    }

    let capacity = portfolio.capacity.max(1) as usize;
    let deploying: Vec<&Ranked> = ranked.iter().filter(|r| r.in_deployment).collect();
    if deploying.len() > capacity {
        let names: Vec<String> = deploying.iter().map(|r| title(r)).collect();
        warn(
            &mut out,
            WarningKind::OverCapacity,
            format!(
                "{} {} in deployment ({}), more than the capacity of {}: finish or pause some before starting others.",
                cap(&counted(deploying.len(), "initiative", "initiatives")),
                agree(deploying.len(), "is", "are"),
                name_list(&names),
                capacity
            ),
            deploying.iter().map(|r| r.key.clone()).collect(),
        );
    }

    // Groups by process, in the rank order of their first initiative.
    let mut processes: Vec<(&str, Vec<&Ranked>)> = Vec::new();
    let mut group: HashMap<String, usize> = HashMap::new();
    for (a, r) in both.clone() {
        let key = normalised(&a.plan.objective.process);
        if key.is_empty() {
            continue;
        }
        match group.get(&key) {
            Some(&g) => processes[g].1.push(r),
            None => {
                group.insert(key, processes.len());
                processes.push((a.plan.objective.process.trim(), vec![r]));
            }
        }
    }
    for (process, list) in processes.iter().filter(|(_, l)| l.len() > 1) {
        let names: Vec<String> = list.iter().map(|r| title(r)).collect();
        warn(
            &mut out,
            WarningKind::SameProcess,
            format!(
                "{} work on the same business process, {}: agree who changes it, or join them into one initiative.",
                and_list(&names),
                quoted(process, "the same one")
            ),
            list.iter().map(|r| r.key.clone()).collect(),
        );
    }

    for (_, r) in both.clone().filter(|(_, r)| r.owner.is_empty()) {
        warn(
            &mut out,
            WarningKind::NoBusinessOwner,
            format!(
                "{} has no business owner: name the person who keeps improving the workflow after launch (section 3).",
                title(r)
            ),
            vec![r.key.clone()],
        );
    }
    for (a, r) in both {
        if !a.plan.metrics.iter().any(|m| m.kind == MetricKind::Outcome) {
            warn(
                &mut out,
                WarningKind::NoOutcomeMetric,
                format!(
                    "{} has no business outcome metric: add one with a baseline and a target, so its value can be shown (section 2).",
                    title(r)
                ),
                vec![r.key.clone()],
            );
        }
    }
    out
}
