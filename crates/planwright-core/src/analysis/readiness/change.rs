//! Criteria of the change dimension: training, communication, adoption
//! milestones, visible leadership and AI literacy.

use crate::analysis::eval::Outcome;
use crate::text::{agree, all_of, cap, named, quoted};

use super::{filled, Check, Ctx};

pub(super) fn training(c: &Ctx) -> Outcome {
    let list = &c.plan.change.training;
    if list.is_empty() {
        return Outcome::unmet(
            "No training is planned.",
            "Plan training for everyone who will work with the AI; it is not optional.",
        );
    }
    let bad: Vec<String> = list
        .iter()
        .enumerate()
        .filter(|(_, t)| t.owner.is_none() || !filled(&t.audience))
        .map(|(i, t)| quoted(&t.audience, &named(&t.topic, "training", i)))
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "trainings",
        one: "has no owner or audience",
        many: "have no owner or audience",
        ok: format!(
            "{} planned {} an owner and an audience.",
            cap(&all_of(list.len(), "training", "trainings")),
            agree(list.len(), "has", "have")
        ),
        fix: "Give each training an audience and an owner.",
    }
    .eval()
}

pub(super) fn communication(c: &Ctx) -> Outcome {
    let list = &c.plan.change.communications;
    if list.is_empty() {
        return Outcome::unmet(
            "No communication about the change is planned.",
            "Plan how people hear what the AI is for and where its limits are.",
        );
    }
    let bad: Vec<String> = list
        .iter()
        .enumerate()
        .filter(|(_, m)| m.owner.is_none() || !filled(&m.message))
        .map(|(i, m)| named(&m.audience, "message", i))
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "communications",
        one: "has no message or owner",
        many: "have no message or owner",
        ok: "Each communication has an owner and says what the AI is for and where its limits are.".to_string(),
        fix: "Write the message about purpose and boundaries for each audience, and name who delivers it.",
    }
    .eval()
}

pub(super) fn milestones(c: &Ctx) -> Outcome {
    let list = &c.plan.change.milestones;
    if list.is_empty() {
        return Outcome::unmet(
            "No adoption milestones are set.",
            "Set adoption milestones, each with a measure, a date and someone accountable.",
        );
    }
    let bad: Vec<String> = list
        .iter()
        .enumerate()
        .filter(|(_, m)| m.owner.is_none() || !filled(&m.measure) || m.due.is_none())
        .map(|(i, m)| named(&m.name, "milestone", i))
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "adoption milestones",
        one: "lacks an owner, measure or date",
        many: "lack an owner, measure or date",
        ok: "Every adoption milestone has an owner, a measure and a date.".to_string(),
        fix: "Tie each adoption milestone to a measure, a date and someone accountable.",
    }
    .eval()
}

pub(super) fn leadership(c: &Ctx) -> Outcome {
    Outcome::written(
        &c.plan.change.leadership,
        "It is written down how leaders will visibly use the capability.",
        "Nothing says how leaders will use the capability themselves.",
        "Describe how leaders will visibly use the AI themselves.",
    )
}

pub(super) fn literacy(c: &Ctx) -> Outcome {
    Outcome::written(
        &c.plan.change.literacy,
        "There is a plan for AI literacy among non-technical users.",
        "Nothing says how non-technical users build AI literacy.",
        "Plan how non-technical users learn what the AI can and cannot do.",
    )
}
