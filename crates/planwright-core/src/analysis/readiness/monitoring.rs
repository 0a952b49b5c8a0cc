//! Criteria of the monitoring dimension: feedback loops with owners and
//! thresholds, flagging of wrong outputs, support and model review.

use crate::analysis::eval::Outcome;
use crate::model::Cadence;
use crate::text::{agree, all_of, cap, named};

use super::{filled, Check, Ctx};

pub(super) fn feedback_loops(c: &Ctx) -> Outcome {
    let list = &c.plan.feedback.loops;
    if list.is_empty() {
        return Outcome::unmet(
            "No feedback loops are set.",
            "Set feedback loops: a signal, how often it is read, who owns it, the threshold and the action.",
        );
    }
    let bad: Vec<String> = list
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let mut gaps = Vec::new();
            if l.owner.is_none() {
                gaps.push("owner");
            }
            if l.cadence == Cadence::Unset {
                gaps.push("cadence");
            }
            if !filled(&l.threshold) {
                gaps.push("threshold");
            }
            if !filled(&l.action) {
                gaps.push("action");
            }
            (!gaps.is_empty()).then(|| {
                format!(
                    "{} (no {})",
                    named(&l.signal, "feedback loop", i),
                    gaps.join(", ")
                )
            })
        })
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "feedback loops",
        one: "is incomplete",
        many: "are incomplete",
        ok: format!(
            "{} {} an owner, cadence, threshold and action.",
            cap(&all_of(list.len(), "feedback loop", "feedback loops")),
            agree(list.len(), "has", "have")
        ),
        fix: "Give each feedback loop an owner, a cadence, a threshold and the action it triggers.",
    }
    .eval()
}

pub(super) fn flagging(c: &Ctx) -> Outcome {
    Outcome::written(
        &c.plan.feedback.flagging,
        "Users have a way to flag wrong outputs.",
        "Nothing says how users flag a wrong output.",
        "Give users a simple way to flag a wrong output.",
    )
}

pub(super) fn support(c: &Ctx) -> Outcome {
    let s = &c.plan.feedback.support;
    match (filled(&s.description), s.owner.as_ref()) {
        (true, Some(owner)) => Outcome::met(format!(
            "A support path is described and owned by {}.",
            c.person_name(owner)
        )),
        (true, None) => Outcome::partly(
            "A support path is described but nobody owns it.",
            "Name who owns support once the AI is live.",
        ),
        (false, Some(_)) => Outcome::partly(
            "Support has an owner but the path is not described.",
            "Describe how users get help or report a problem.",
        ),
        (false, None) => Outcome::unmet(
            "There is no support path.",
            "Describe how users get help, and name who owns support.",
        ),
    }
}

pub(super) fn model_review(c: &Ctx) -> Outcome {
    Outcome::written(
        &c.plan.feedback.model_review,
        "A regular review of the model and prompts is planned.",
        "No review of the model and prompts is planned; quality can drift silently.",
        "Set how often, and by whom, the model and prompts are reviewed.",
    )
}
