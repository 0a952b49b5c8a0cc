//! Criteria of the stakeholder dimension: one approver per decision, paths
//! for disagreement, the people affected, and hand-offs designed as work.

use crate::analysis::eval::Outcome;
use crate::model::DecisionRole;
use crate::text::{agree, all_of, cap, name_list, named};

use super::{filled, Check, Ctx};

pub(super) fn no_decisions() -> Outcome {
    Outcome::unmet(
        "No decisions are listed.",
        "List the key decisions and, for each, who prepares, reviews and approves it.",
    )
}

pub(super) fn one_approver(c: &Ctx) -> Outcome {
    let decisions = &c.plan.decisions;
    if decisions.is_empty() {
        return no_decisions();
    }
    let bad: Vec<String> = decisions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let approvers: Vec<_> = d
                .roles
                .iter()
                .filter(|r| r.role == DecisionRole::Approves)
                .collect();
            let name = named(&d.title, "decision", i);
            match approvers.as_slice() {
                [one] if one.stakeholder.is_some() => None,
                [_] => Some(format!("{name} (approver not picked)")),
                [] => Some(format!("{name} (no approver)")),
                many => Some(format!("{name} ({} approvers)", many.len())),
            }
        })
        .collect();
    Check {
        total: decisions.len(),
        bad,
        nouns: "decisions",
        one: "lacks a single approver",
        many: "lack a single approver",
        ok: format!(
            "{} {} exactly one approver.",
            cap(&all_of(decisions.len(), "decision", "decisions")),
            agree(decisions.len(), "has", "have")
        ),
        fix: "Give every decision exactly one person who approves it.",
    }
    .eval()
}

pub(super) fn disagreement(c: &Ctx) -> Outcome {
    let decisions = &c.plan.decisions;
    if decisions.is_empty() {
        return no_decisions();
    }
    let bad: Vec<String> = decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| !filled(&d.on_disagreement))
        .map(|(i, d)| named(&d.title, "decision", i))
        .collect();
    Check {
        total: decisions.len(),
        bad,
        nouns: "decisions",
        one: "has no path for disagreement",
        many: "have no path for disagreement",
        ok: "Every decision says what happens when people disagree.".to_string(),
        fix: "Say for each decision what happens when people disagree.",
    }
    .eval()
}

pub(super) fn decision_flow(c: &Ctx) -> Outcome {
    let decisions = &c.plan.decisions;
    if decisions.is_empty() {
        return no_decisions();
    }
    let bad: Vec<String> = decisions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let has = |role: DecisionRole| {
                d.roles
                    .iter()
                    .any(|r| r.role == role && r.stakeholder.is_some())
            };
            let mut gaps = Vec::new();
            if !has(DecisionRole::Prepares) {
                gaps.push("no one prepares it");
            }
            if !has(DecisionRole::Reviews) && !has(DecisionRole::CanBlock) {
                gaps.push("no one reviews it");
            }
            if d.roles.iter().any(|r| r.stakeholder.is_none()) {
                gaps.push("a role has no person");
            }
            (!gaps.is_empty())
                .then(|| format!("{} ({})", named(&d.title, "decision", i), gaps.join(", ")))
        })
        .collect();
    Check {
        total: decisions.len(),
        bad,
        nouns: "decisions",
        one: "has gaps in its flow",
        many: "have gaps in their flow",
        ok: "Every decision has someone who prepares it and someone who reviews it.".to_string(),
        fix: "For each decision, name who prepares the work and who reviews or can block it.",
    }
    .eval()
}

pub(super) fn affected(c: &Ctx) -> Outcome {
    let people = &c.plan.stakeholders;
    let affected: Vec<String> = people
        .iter()
        .enumerate()
        .filter(|(_, s)| s.affected)
        .map(|(i, s)| named(&s.name, "stakeholder", i))
        .collect();
    if !affected.is_empty() {
        Outcome::met(format!(
            "People affected by the change are identified: {}.",
            name_list(&affected)
        ))
    } else if people.is_empty() {
        Outcome::unmet(
            "No stakeholders are listed.",
            "List who prepares, reviews, decides, and whose daily work changes.",
        )
    } else {
        Outcome::unmet(
            format!(
                "{} marked as affected by the change.",
                match people.len() {
                    1 => "The only stakeholder is not".to_string(),
                    2 => "Neither stakeholder is".to_string(),
                    n => format!("None of the {n} stakeholders is"),
                }
            ),
            "Mark the people whose daily work the change affects.",
        )
    }
}

pub(super) fn handoffs(c: &Ctx) -> Outcome {
    let list = &c.plan.handoffs;
    if list.is_empty() {
        return Outcome::unmet(
            "No approvals or hand-offs are described.",
            "Describe each approval and hand-off: where it shows up, its turnaround and how it escalates.",
        );
    }
    let bad: Vec<String> = list
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let mut gaps = Vec::new();
            if !filled(&h.channel) {
                gaps.push("where it shows up");
            }
            if h.turnaround_days.is_none() {
                gaps.push("turnaround");
            }
            if !filled(&h.escalation) {
                gaps.push("escalation");
            }
            if h.to.is_none() && h.approver.is_none() {
                gaps.push("who receives it");
            }
            (!gaps.is_empty())
                .then(|| format!("{} (no {})", named(&h.name, "hand-off", i), gaps.join(", ")))
        })
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "hand-offs",
        one: "is incomplete",
        many: "are incomplete",
        ok: format!(
            "{} {}",
            cap(&all_of(list.len(), "hand-off", "hand-offs")),
            agree(
                list.len(),
                "says where it shows up, who receives it, its turnaround and how it escalates.",
                "say where they show up, who receives them, their turnaround and how they escalate."
            )
        ),
        fix: "Complete each hand-off: where it shows up, who receives it, the expected turnaround and how it escalates.",
    }
    .eval()
}
