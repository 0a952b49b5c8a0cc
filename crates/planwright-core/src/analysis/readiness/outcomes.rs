//! Criteria of the outcomes dimension: a process that hurts, a stated impact
//! and scope, and metrics measured from dated baselines toward owned targets.

use crate::analysis::eval::{grade, Outcome, Status};
use crate::model::{Direction, MetricKind};
use crate::text::{agree, all_of, and_list, cap, name_list, named};

use super::{count_of, filled, Check, Ctx};

/// What messages call a metric without a name.
const NOUN: &str = "metric";

/// Words that show a process described through the technology.
pub(super) const TECH_WORDS: [&str; 8] = [
    "ai", "genai", "gpt", "llm", "llms", "chatbot", "copilot", "ml",
];

pub(super) fn tech_word(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .find(|w| TECH_WORDS.iter().any(|t| w.eq_ignore_ascii_case(t)))
        .map(str::to_string)
}

pub(super) fn process_first(c: &Ctx) -> Outcome {
    let o = &c.plan.objective;
    match (filled(&o.process), filled(&o.problem)) {
        (false, false) => Outcome::unmet(
            "Neither the business process nor what goes wrong in it is described.",
            "Describe the business process that hurts today and what goes wrong in it.",
        ),
        (false, true) => Outcome::partly(
            "The problem is described, but not the business process it sits in.",
            "Name the existing business process the initiative improves.",
        ),
        (true, false) => Outcome::partly(
            "The process is named, but not what goes wrong in it.",
            "Describe what goes wrong in the process today, in business terms.",
        ),
        (true, true) => match tech_word(&o.process) {
            Some(word) => Outcome::partly(
                format!("The process is described through the technology ('{word}') rather than as the work people do today."),
                "Describe the process as it runs today, without naming the technology.",
            ),
            None => Outcome::met("The process and what goes wrong in it are described in business terms."),
        },
    }
}

pub(super) fn impact(c: &Ctx) -> Outcome {
    Outcome::written(
        &c.plan.objective.impact,
        "The expected business impact is stated.",
        "The expected business impact is not stated.",
        "State what the business gains if this works.",
    )
}

pub(super) fn scope(c: &Ctx) -> Outcome {
    let o = &c.plan.objective;
    let inside = o.in_scope.iter().any(|s| filled(s));
    let outside = o.out_of_scope.iter().any(|s| filled(s));
    match (inside, outside) {
        (true, true) => Outcome::met("What is in and out of scope is written down."),
        (true, false) => Outcome::partly(
            "Scope says what is in but not what is out.",
            "List what is explicitly out of scope, so the pilot cannot quietly grow.",
        ),
        (false, true) => Outcome::partly(
            "Scope says what is out but not what is in.",
            "List what is explicitly in scope.",
        ),
        (false, false) => Outcome::unmet(
            "No scope is set.",
            "Write down what is explicitly in and out of scope.",
        ),
    }
}

pub(super) fn constraints(c: &Ctx) -> Outcome {
    let k = &c.plan.objective.constraints;
    let missing: Vec<&str> = [
        ("time", &k.time),
        ("budget", &k.budget),
        ("risk", &k.risk),
        ("compliance", &k.compliance),
    ]
    .iter()
    .filter(|(_, v)| !filled(v))
    .map(|(n, _)| *n)
    .collect();
    match missing.len() {
        0 => Outcome::met("Time, budget, risk and compliance limits are stated."),
        4 => Outcome::unmet(
            "No constraints are stated.",
            "State the limits on time, budget, risk and compliance.",
        ),
        _ => Outcome::partly(
            format!("Some constraints are not stated: {}.", and_list(&missing)),
            "State the remaining limits on time, budget, risk and compliance.",
        ),
    }
}

pub(super) fn business_metric(c: &Ctx) -> Outcome {
    let metrics = &c.plan.metrics;
    let outcome: Vec<String> = metrics
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == MetricKind::Outcome)
        .map(|(i, m)| named(&m.name, NOUN, i))
        .collect();
    if !outcome.is_empty() {
        Outcome::met(format!(
            "Business-outcome metrics: {}.",
            name_list(&outcome)
        ))
    } else if metrics.is_empty() {
        Outcome::unmet(
            "No success metrics are defined.",
            "Add a metric for the business outcome, such as rework, decision speed or quality.",
        )
    } else {
        let names: Vec<String> = metrics
            .iter()
            .enumerate()
            .map(|(i, m)| named(&m.name, NOUN, i))
            .collect();
        Outcome::partly(
            format!(
                "{} {} usage or the model, not a business outcome: {}.",
                cap(&all_of(metrics.len(), "metric", "metrics")),
                agree(metrics.len(), "measures", "measure"),
                name_list(&names)
            ),
            "Add a metric for the business outcome; usage and accuracy alone do not show value.",
        )
    }
}

pub(super) fn baselines(c: &Ctx) -> Outcome {
    let metrics = &c.plan.metrics;
    if metrics.is_empty() {
        return Outcome::unmet(
            "No success metrics are defined, so there is no baseline.",
            "Define a success metric and measure its baseline now, before anything changes.",
        );
    }
    let opt = c.optimization_start();
    let (mut none, mut undated, mut late) = (Vec::new(), Vec::new(), Vec::new());
    let mut owner = None;
    for (i, m) in metrics.iter().enumerate() {
        let bucket = match (m.baseline, m.baseline_date) {
            (None, _) => Some(&mut none),
            (Some(_), None) => Some(&mut undated),
            (Some(_), Some(d)) if opt.is_some_and(|s| d > s) => Some(&mut late),
            _ => None,
        };
        if let Some(list) = bucket {
            list.push(named(&m.name, NOUN, i));
            owner = owner.or(m.owner.as_ref());
        }
    }
    let bad = none.len() + undated.len() + late.len();
    let status = grade(metrics.len(), bad);
    if status == Status::Met {
        return Outcome::met(format!(
            "{} {} a baseline with the date it was measured.",
            cap(&all_of(metrics.len(), "metric", "metrics")),
            agree(metrics.len(), "has", "have")
        ));
    }
    let mut parts = Vec::new();
    if !none.is_empty() {
        parts.push(count_of(
            &none,
            metrics.len(),
            "metrics",
            "has no baseline",
            "have no baseline",
        ));
    }
    if !undated.is_empty() {
        parts.push(count_of(
            &undated,
            metrics.len(),
            "metrics",
            "has no baseline date",
            "have no baseline date",
        ));
    }
    if !late.is_empty() {
        parts.push(count_of(
            &late,
            metrics.len(),
            "metrics",
            "was measured after optimization starts",
            "were measured after optimization starts",
        ));
    }
    Outcome {
        status,
        evidence: format!("{}.", parts.join("; ")),
        fix: "Measure and date each metric's baseline before any optimization starts.".to_string(),
        ..Outcome::default()
    }
    .by(owner)
}

pub(super) fn targets(c: &Ctx) -> Outcome {
    let metrics = &c.plan.metrics;
    if metrics.is_empty() {
        return Outcome::unmet(
            "No success metrics are defined, so there are no targets.",
            "Define success metrics with the target that counts as success.",
        );
    }
    let mut bad = Vec::new();
    let mut owner = None;
    for (i, m) in metrics.iter().enumerate() {
        let problem = match (m.baseline, m.target) {
            (_, None) => Some("no target"),
            (Some(b), Some(t))
                if (m.direction == Direction::Decrease && t > b)
                    || (m.direction == Direction::Increase && t < b) =>
            {
                Some("a target on the wrong side of its baseline")
            }
            _ => None,
        };
        if let Some(p) = problem {
            bad.push(format!("{} ({p})", named(&m.name, NOUN, i)));
            owner = owner.or(m.owner.as_ref());
        }
    }
    Check {
        total: metrics.len(),
        bad,
        nouns: "metrics",
        one: "lacks a usable target",
        many: "lack a usable target",
        ok: format!(
            "{} {} a target in the right direction.",
            cap(&all_of(metrics.len(), "metric", "metrics")),
            agree(metrics.len(), "has", "have")
        ),
        fix: "Set a target for each metric that improves on its baseline.",
    }
    .eval()
    .by(owner)
}

pub(super) fn metric_ownership(c: &Ctx) -> Outcome {
    let metrics = &c.plan.metrics;
    if metrics.is_empty() {
        return Outcome::unmet(
            "No success metrics are defined.",
            "Define success metrics, each with an owner and a way to measure it.",
        );
    }
    let bad: Vec<String> = metrics
        .iter()
        .enumerate()
        .filter_map(|(i, m)| match (m.owner.is_some(), filled(&m.method)) {
            (true, true) => None,
            (false, true) => Some(format!("{} (no owner)", named(&m.name, NOUN, i))),
            (true, false) => Some(format!("{} (no method)", named(&m.name, NOUN, i))),
            (false, false) => Some(format!("{} (no owner or method)", named(&m.name, NOUN, i))),
        })
        .collect();
    Check {
        total: metrics.len(),
        bad,
        nouns: "metrics",
        one: "is not fully owned and defined",
        many: "are not fully owned and defined",
        ok: format!(
            "{} {} an owner and a measurement method.",
            cap(&all_of(metrics.len(), "metric", "metrics")),
            agree(metrics.len(), "has", "have")
        ),
        fix: "Give each metric an owner and say how and where it is measured.",
    }
    .eval()
}

pub(super) fn use_case_fit(c: &Ctx) -> Outcome {
    let f = &c.plan.objective.fit;
    let traits = [
        (f.repeatable, "repeatable workflow"),
        (f.clear_users, "clear users"),
        (f.visible_pain, "visible pain"),
        (f.manageable_risk, "manageable risk"),
        (f.measurable_outcome, "measurable outcome"),
        (f.defined_inputs_outputs, "defined inputs and outputs"),
        (f.existing_data, "existing data"),
        (f.invested_owner, "invested business owner"),
    ];
    let missing: Vec<&str> = traits
        .iter()
        .filter(|(ok, _)| !ok)
        .map(|(_, n)| *n)
        .collect();
    let have = traits.len() - missing.len();
    match have {
        8 => Outcome::met("The use case has all eight traits of a good first use case."),
        7 => Outcome::met(format!("The use case has 7 of 8 traits of a good first use case; missing: {}.", missing.join(", "))),
        4..=6 => Outcome::partly(
            format!("The use case has {have} of 8 traits of a good first use case; missing: {}.", missing.join(", ")),
            "Narrow the first use case until it has the missing traits, or pick one that does.",
        ),
        0 => Outcome::unmet(
            "None of the eight traits of a good first use case is ticked.",
            "Check the use case against the traits of a good first use case and pick one that fits better.",
        ),
        _ => Outcome::unmet(
            format!("The use case has only {have} of 8 traits of a good first use case."),
            "Check the use case against the traits of a good first use case and pick one that fits better.",
        ),
    }
}
