//! Criteria of the governance dimension: the risk questionnaire, the controls
//! the tier requires, people in risky steps and independent review.

use std::collections::HashSet;

use crate::analysis::eval::Outcome;
use crate::analysis::risk::{ControlState, Tier};
use crate::choice::Choice;
use crate::model::{DecisionRole, Function, HumanRole, Stakeholder};
use crate::text::{agree, all_of, cap, name_list, named};

use super::{count_of, Check, Ctx};

pub(super) fn questionnaire(c: &Ctx) -> Outcome {
    let open = &c.risk.unanswered;
    let total = crate::analysis::risk::QUESTIONS.len();
    let names: Vec<String> = open.iter().map(|q| format!("'{}'", q.label)).collect();
    match open.len() {
        0 => Outcome::met(format!(
            "All {total} risk questions are answered: {}.",
            c.risk.tier.label().to_lowercase()
        )),
        n if n == total => Outcome::unmet(
            "None of the risk questions is answered.",
            "Answer the risk questionnaire so the tier and its controls are known.",
        ),
        n => Outcome::partly(
            format!(
                "{n} of {total} risk questions {} open: {}.",
                agree(n, "is", "are"),
                name_list(&names)
            ),
            "Answer the remaining risk questions; the tier may change.",
        ),
    }
}

pub(super) fn required_controls(c: &Ctx) -> Outcome {
    let req = &c.risk.required;
    let bad: Vec<String> = req
        .iter()
        .filter(|r| r.state == ControlState::Missing)
        .map(|r| r.label.to_lowercase())
        .collect();
    Check {
        total: req.len(),
        bad,
        nouns: "required governance areas",
        one: "has no control",
        many: "have no control",
        ok: format!(
            "Every governance area the {} tier requires has a control.",
            c.risk.tier.label().to_lowercase()
        ),
        fix: "Add a control for each governance area the risk tier requires.",
    }
    .eval()
}

pub(super) fn controls_owned(c: &Ctx) -> Outcome {
    let present: Vec<_> = c
        .risk
        .required
        .iter()
        .filter(|r| r.state != ControlState::Missing)
        .collect();
    if present.is_empty() {
        return Outcome::unmet(
            "No required governance area has a control yet, so none is owned.",
            "Add the required controls, each with an owner.",
        );
    }
    let bad: Vec<String> = present
        .iter()
        .filter(|r| r.state == ControlState::Unowned)
        .map(|r| r.label.to_lowercase())
        .collect();
    Check {
        total: present.len(),
        bad,
        nouns: "governance areas with controls",
        one: "has no owner",
        many: "have no owner",
        ok: "Every required control has an owner.".to_string(),
        fix: "Name an owner for each control.",
    }
    .eval()
}

pub(super) fn controls_in_place(c: &Ctx) -> Outcome {
    let req = &c.risk.required;
    let not_in_place: Vec<String> = req
        .iter()
        .filter(|r| r.state != ControlState::InPlace)
        .map(|r| {
            format!(
                "{} ({})",
                r.label.to_lowercase(),
                r.state.label().to_lowercase()
            )
        })
        .collect();
    let moving = req
        .iter()
        .any(|r| matches!(r.state, ControlState::InPlace | ControlState::InProgress));
    if not_in_place.is_empty() {
        Outcome::met(format!(
            "{} {} in place.",
            cap(&all_of(
                req.len(),
                "required governance area",
                "required governance areas"
            )),
            agree(req.len(), "is", "are")
        ))
    } else if moving {
        Outcome::partly(
            format!(
                "{}.",
                count_of(
                    &not_in_place,
                    req.len(),
                    "required governance areas",
                    "is not in place",
                    "are not in place"
                )
            ),
            "Finish putting the required controls in place before deployment.",
        )
    } else {
        Outcome::unmet(
            "No required governance area is in place or under way.",
            "Start putting the required controls in place; the four baseline areas must be ready before deployment.",
        )
    }
}

pub(super) fn human_in_loop(c: &Ctx) -> Outcome {
    let steps = &c.plan.workflow;
    if steps.is_empty() {
        return Outcome::unmet(
            "The workflow has no steps, so it is not clear where people stay in charge.",
            "Describe the workflow step by step: what the AI does and what people do.",
        );
    }
    let risky: Vec<_> = steps.iter().filter(|s| s.carries_risk).collect();
    let bad: Vec<String> = steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.carries_risk && s.human_role == HumanRole::None)
        .map(|(i, s)| named(&s.name, "step", i))
        .collect();
    if !bad.is_empty() {
        return Outcome::unmet(
            format!(
                "{}.",
                count_of(
                    &bad,
                    risky.len(),
                    "risk-bearing steps",
                    "has no person in it",
                    "have no person in them"
                )
            ),
            "Put a person in every step that carries risk: to approve, decide or own the risk.",
        );
    }
    if risky.is_empty() && c.risk.tier != Tier::Minimal {
        return Outcome::partly(
            "No workflow step is marked as carrying risk, though the risk tier is above minimal.",
            "Mark the steps where a wrong outcome carries risk, and who owns that risk.",
        );
    }
    Outcome::met(if risky.is_empty() {
        "No workflow step is marked as carrying risk.".to_string()
    } else {
        format!(
            "A person approves, decides or owns the risk in {}.",
            all_of(risky.len(), "risk-bearing step", "risk-bearing steps")
        )
    })
}

pub(super) fn independent_review(c: &Ctx) -> Outcome {
    let reviewers: Vec<(usize, &Stakeholder)> = c
        .plan
        .stakeholders
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s.function, Function::Risk | Function::Legal))
        .collect();
    if reviewers.is_empty() {
        return Outcome::unmet(
            "No one from risk, compliance or legal is among the stakeholders.",
            "Bring risk, compliance or legal in to review this high-risk use.",
        );
    }
    let ids: HashSet<&str> = reviewers.iter().map(|(_, s)| s.id.as_str()).collect();
    let in_gate = c
        .plan
        .phases
        .iter()
        .any(|p| p.gate_approvers.iter().any(|a| ids.contains(a.as_str())));
    let in_decision = c.plan.decisions.iter().any(|d| {
        d.roles.iter().any(|r| {
            matches!(
                r.role,
                DecisionRole::Approves | DecisionRole::Reviews | DecisionRole::CanBlock
            ) && r
                .stakeholder
                .as_ref()
                .is_some_and(|s| ids.contains(s.as_str()))
        })
    });
    let names: Vec<String> = reviewers
        .iter()
        .map(|(i, s)| named(&s.name, "stakeholder", *i))
        .collect();
    if in_gate || in_decision {
        Outcome::met(format!(
            "Risk, compliance or legal ({}) reviews, approves or can block key decisions.",
            name_list(&names)
        ))
    } else {
        Outcome::partly(
            format!(
                "{} from risk, compliance or legal {} no part in any decision or gate.",
                cap(&name_list(&names)),
                agree(names.len(), "has", "have")
            ),
            "Give risk, compliance or legal a review or veto in the go-live decision and gates.",
        )
    }
}
