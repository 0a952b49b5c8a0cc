//! The gate out of a deployment phase: a use case meeting its metrics,
//! integration, onboarding and the workflow in use, and whatever the risk tier
//! requires before scaling.

use crate::analysis::eval::Outcome;
use crate::analysis::risk::RiskAssessment;
use crate::analysis::risk::{ControlState, Tier, BASELINE_AREAS};
use crate::choice::Choice;
use crate::model::{IntegrationStatus, MetricKind, Phase, Plan, WorkStatus};
use crate::text::{agree, all_of, cap, name_list, named, quoted, some_of};

use super::{meets_target, GateCriterion, Make};

pub(super) fn deployment(
    plan: &Plan,
    phase: &Phase,
    risk: &RiskAssessment,
    out: &mut Vec<GateCriterion>,
) {
    // At least one use case meets its success metrics.
    let make = Make {
        phase,
        key: "deployment.metric_met",
        text: "At least one use case meets its success metric".to_string(),
        section: 2,
    };
    let met = |kind_ok: fn(MetricKind) -> bool| {
        plan.metrics
            .iter()
            .enumerate()
            .find(|(_, m)| kind_ok(m.kind) && meets_target(m))
    };
    let first_outcome_owner = plan
        .metrics
        .iter()
        .find(|m| m.kind == MetricKind::Outcome)
        .and_then(|m| m.owner.clone());
    let action = "Measure the pilot's outcome metrics and reach at least one target.".to_string();
    out.push(if let Some((i, m)) = met(|k| k == MetricKind::Outcome) {
        make.judge(Outcome::met(format!("{} reached its target ({} against {}).", cap(&named(&m.name, "metric", i)), fmt_num(m.actual), fmt_num(m.target))).at(format!("metrics[{i}].actual")).by(m.owner.as_ref()))
    } else if let Some((i, m)) = met(|_| true) {
        make.judge(Outcome::met(format!(
                "{} reached its target, but it measures {}; an outcome metric would be stronger evidence.",
                cap(&named(&m.name, "metric", i)),
                m.kind.label().to_lowercase()
            )).at(format!("metrics[{i}].actual")).by(m.owner.as_ref()))
    } else if plan.metrics.is_empty() {
        make.judge(Outcome::unmet("No success metrics are defined.".to_string(), action).at("metrics".to_string()))
    } else {
        let status: Vec<String> = plan
            .metrics
            .iter()
            .enumerate()
            .map(|(i, m)| match (m.actual, m.target) {
                (Some(a), Some(t)) => format!("{} is at {a} against a target of {t}", named(&m.name, "metric", i)),
                (None, _) => format!("{} has no measured value", named(&m.name, "metric", i)),
                (Some(_), None) => format!("{} has no target", named(&m.name, "metric", i)),
            })
            .collect();
        make.judge(Outcome::unmet(format!("No metric has reached its target: {}.", name_list(&status)), action).at("metrics".to_string()).by(first_outcome_owner.as_ref()))
    });

    // Technical integration complete.
    let make = Make {
        phase,
        key: "deployment.integration",
        text: "Technical integration is complete".to_string(),
        section: 7,
    };
    let open: Vec<(usize, &crate::model::System)> = plan
        .systems
        .iter()
        .enumerate()
        .filter(|(_, s)| s.integration != IntegrationStatus::Done)
        .collect();
    out.push(match open.first() {
        _ if plan.systems.is_empty() => make.judge(
            Outcome::unmet(
                "No systems are listed, so integration cannot be complete.".to_string(),
                "List the systems the use case touches and integrate them.".to_string(),
            )
            .at("systems".to_string()),
        ),
        None => make.judge(
            Outcome::met(format!(
                "{} {} done.",
                cap(&all_of(plan.systems.len(), "integration", "integrations")),
                agree(plan.systems.len(), "is", "are")
            ))
            .at("systems".to_string()),
        ),
        Some(&(i, first)) => {
            let names: Vec<String> = open
                .iter()
                .map(|(j, s)| {
                    format!(
                        "{} ({})",
                        named(&s.name, "system", *j),
                        s.integration.label().to_lowercase()
                    )
                })
                .collect();
            make.judge(
                Outcome::unmet(
                    format!(
                        "{} {} not done: {}.",
                        cap(&some_of(
                            open.len(),
                            plan.systems.len(),
                            "integration",
                            "integrations"
                        )),
                        agree(open.len(), "is", "are"),
                        name_list(&names)
                    ),
                    format!(
                        "Finish the integration with {}.",
                        named(&first.name, "system", i)
                    ),
                )
                .at(format!("systems[{i}].integration"))
                .by(first.owner.as_ref()),
            )
        }
    });

    // Team onboarding complete.
    let make = Make {
        phase,
        key: "deployment.onboarding",
        text: "Team onboarding is complete".to_string(),
        section: 11,
    };
    let training = &plan.change.training;
    let open: Vec<(usize, &crate::model::Training)> = training
        .iter()
        .enumerate()
        .filter(|(_, t)| t.status != WorkStatus::Done)
        .collect();
    out.push(match open.first() {
        _ if training.is_empty() => make.judge(
            Outcome::unmet(
                "No training is planned.".to_string(),
                "Plan and deliver training for the teams who will use the AI.".to_string(),
            )
            .at("change.training".to_string()),
        ),
        None => make.judge(
            Outcome::met(format!(
                "{} {} done.",
                cap(&all_of(training.len(), "training", "trainings")),
                agree(training.len(), "is", "are")
            ))
            .at("change.training".to_string()),
        ),
        Some(&(i, first)) => {
            let names: Vec<String> = open.iter().map(|(j, t)| training_name(t, *j)).collect();
            make.judge(
                Outcome::unmet(
                    format!(
                        "{} {} not done: {}.",
                        cap(&some_of(
                            open.len(),
                            training.len(),
                            "training",
                            "trainings"
                        )),
                        agree(open.len(), "is", "are"),
                        name_list(&names)
                    ),
                    format!("Deliver the training for {}.", training_name(first, i)),
                )
                .at(format!("change.training[{i}].status"))
                .by(first.owner.as_ref()),
            )
        }
    });

    // Workflow design complete.
    let make = Make {
        phase,
        key: "deployment.workflow_design",
        text: "The workflow design is complete: every step has an owner".to_string(),
        section: 5,
    };
    let open: Vec<(usize, &crate::model::WorkflowStep)> = plan
        .workflow
        .iter()
        .enumerate()
        .filter(|(_, s)| s.owner.is_none())
        .collect();
    out.push(match open.first() {
        _ if plan.workflow.is_empty() => make.judge(
            Outcome::unmet(
                "The workflow has no steps.".to_string(),
                "Describe the workflow step by step and who owns each step.".to_string(),
            )
            .at("workflow".to_string()),
        ),
        None => make.judge(
            Outcome::met(format!(
                "{} {} an owner.",
                cap(&all_of(plan.workflow.len(), "step", "steps")),
                agree(plan.workflow.len(), "has", "have")
            ))
            .at("workflow".to_string()),
        ),
        Some(&(i, _)) => {
            let names: Vec<String> = open
                .iter()
                .map(|(j, s)| named(&s.name, "step", *j))
                .collect();
            make.judge(
                Outcome::unmet(
                    format!(
                        "{} {} no owner: {}.",
                        cap(&some_of(open.len(), plan.workflow.len(), "step", "steps")),
                        agree(open.len(), "has", "have"),
                        name_list(&names)
                    ),
                    "Name an owner for every workflow step.".to_string(),
                )
                .at(format!("workflow[{i}].owner"))
                .by(plan.ownership.business_owner.as_ref()),
            )
        }
    });

    // What the risk tier adds.
    match risk.tier {
        Tier::Prohibited => {
            let make = Make {
                phase,
                key: "deployment.not_prohibited",
                text: "The use involves no prohibited practice".to_string(),
                section: 8,
            };
            out.push(
                make.judge(
                    Outcome::unmet(
                        risk.reasons.join(" "),
                        "Redesign the use so that no prohibited practice remains, or stop it."
                            .to_string(),
                    )
                    .at("risk.prohibited".to_string()),
                ),
            );
        }
        Tier::High | Tier::Limited => {
            let make = Make {
                phase,
                key: "deployment.tier_controls",
                text: format!(
                    "Every control the {} tier adds is in place",
                    risk.tier.label().to_lowercase()
                ),
                section: 8,
            };
            let extra: Vec<_> = risk
                .required
                .iter()
                .filter(|r| !BASELINE_AREAS.contains(&r.area))
                .collect();
            let open: Vec<_> = extra
                .iter()
                .filter(|r| r.state != ControlState::InPlace)
                .collect();
            let names: Vec<String> = open
                .iter()
                .map(|r| {
                    format!(
                        "{} ({})",
                        r.label.to_lowercase(),
                        r.state.label().to_lowercase()
                    )
                })
                .collect();
            out.push(if open.is_empty() {
                make.judge(
                    Outcome::met(format!(
                        "{} {} in place.",
                        cap(&all_of(extra.len(), "control it adds", "controls it adds")),
                        agree(extra.len(), "is", "are")
                    ))
                    .at("controls".to_string()),
                )
            } else {
                make.judge(
                    Outcome::unmet(
                        format!(
                            "{} {} not in place: {}.",
                            cap(&some_of(
                                open.len(),
                                extra.len(),
                                "control it adds",
                                "controls it adds"
                            )),
                            agree(open.len(), "is", "are"),
                            name_list(&names)
                        ),
                        "Put the controls the risk tier calls for in place, each with an owner."
                            .to_string(),
                    )
                    .at("controls".to_string()),
                )
            });
        }
        Tier::Minimal => {}
    }
}

/// A training by its audience, else its topic, else its place in the list.
fn training_name(t: &crate::model::Training, index: usize) -> String {
    quoted(&t.audience, &named(&t.topic, "training", index))
}

fn fmt_num(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}
