//! Phase gates: may the initiative move on from each phase?
//!
//! Contract: [`gates`] is a pure, total function of the plan and its
//! [`RiskAssessment`]; it never panics and its cost is linear in the size of
//! the plan. Each phase gets the built-in criteria of its [`PhaseKind`]
//! (taken from the four-phase roadmap) followed by the user's own exit
//! criteria.
//!
//! Invariants:
//! - one [`PhaseGate`] per phase, in plan order;
//! - a gate is [`GateDecision::Go`] exactly when it has at least one
//!   criterion and every criterion is met; `unmet` lists the rest in order;
//! - every criterion has a stable `key`, a template `section` (1–12) and a
//!   plan `path`, so the UI can link to the step that fixes it;
//! - `current_phase` is the first phase not marked gate-passed, or the last
//!   phase when all are; a phase marked passed whose gate computes to no-go
//!   is reported in `notes`, never silently trusted.

use serde::Serialize;

use crate::analysis::eval::Outcome;
use crate::analysis::risk::RiskAssessment;
use crate::choice;
use crate::date::Date;
use crate::model::{Direction, Id, Metric, Phase, PhaseKind, PhaseStatus, Plan};
mod deployment;
mod foundation;
mod optimization;

use crate::text::{agree, all_of, cap, named, quoted, some_of};
use deployment::deployment;
use foundation::foundation;
use optimization::optimization;

choice! {
    /// Where a gate criterion comes from.
    Source {
        BuiltIn = "built_in": "Built in",
        User = "user": "Your own",
    }
    default BuiltIn
}

choice! {
    /// The outcome of a gate.
    GateDecision {
        Go = "go": "Go",
        NoGo = "no_go": "No go",
    }
    default NoGo
}

/// One condition for leaving a phase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateCriterion {
    /// Stable key: `deployment.integration`, or `user.<criterion id>`.
    pub key: String,
    /// What must be true.
    pub text: String,
    /// Whether it is.
    pub met: bool,
    /// Built in or written by the user.
    pub source: Source,
    /// Why it is or is not met, naming the items concerned.
    pub detail: String,
    /// One imperative line saying what to do next; empty when met.
    pub action: String,
    /// Template section (1–12) where it is fixed.
    pub section: u8,
    /// Plan path of the field concerned, such as `systems[2].integration`.
    pub path: String,
    /// The stakeholder who would naturally do the work, when obvious.
    pub owner: Option<Id>,
}

/// The gate out of one phase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseGate {
    /// The phase.
    pub phase: Id,
    /// Its name.
    pub name: String,
    /// Its kind, which decides the built-in criteria.
    pub kind: PhaseKind,
    /// Where the phase stands, as the user marked it.
    pub status: PhaseStatus,
    /// Calendar start, from the plan start and the lengths of earlier phases.
    pub start: Option<Date>,
    /// Built-in criteria first, then the user's.
    pub criteria: Vec<GateCriterion>,
    /// Go when every criterion is met.
    pub decision: GateDecision,
    /// Text of each unmet criterion, in order.
    pub unmet: Vec<String>,
    /// The approver, when exactly one is named.
    pub approver: Option<Id>,
    /// Everyone named as approver.
    pub approvers: Vec<Id>,
    /// True when exactly one person decides the gate.
    pub single_approver: bool,
    /// One line for people: the decision and what stands in the way.
    pub summary: String,
    /// The decision the gate's approver recorded, when there is one, set
    /// beside what the criteria say: a "go" recorded while criteria are
    /// unmet says so plainly. Empty when nothing is recorded.
    pub decision_note: String,
}

/// Something about the phases that does not add up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateNote {
    /// The phase concerned.
    pub phase: Id,
    /// Plan path, such as `phases[1].status`.
    pub path: String,
    /// What does not add up, for a person.
    pub message: String,
}

/// The gates of every phase and where the initiative stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gates {
    /// One gate per phase, in plan order.
    pub phases: Vec<PhaseGate>,
    /// The first phase not marked gate-passed (the last one if all are).
    pub current_phase: Option<Id>,
    /// Position of `current_phase` in `phases`.
    pub current_index: Option<usize>,
    /// Inconsistencies between the marked status and the computed gates.
    pub notes: Vec<GateNote>,
}

impl Gates {
    /// The gate of a phase, if the phase exists.
    pub fn phase(&self, id: &Id) -> Option<&PhaseGate> {
        self.phases.iter().find(|g| &g.phase == id)
    }
}

/// The calendar start of each phase, in plan order: the plan start plus the
/// lengths of the phases before it. `None` from the first phase whose
/// predecessors' lengths are not all known, and everywhere without a start.
pub fn phase_starts(plan: &Plan) -> Vec<Option<Date>> {
    let mut at = plan.start_date;
    plan.phases
        .iter()
        .map(|p| {
            let start = at;
            at = match (at, p.duration_weeks) {
                (Some(d), Some(w)) => d.add_days(i64::from(w) * 7),
                _ => None,
            };
            start
        })
        .collect()
}

/// Builds criteria with the common fields filled in.
struct Make<'a> {
    phase: &'a Phase,
    key: &'static str,
    text: String,
    section: u8,
}

impl Make<'_> {
    /// The built-in criterion with what its check found; work nobody in
    /// particular owns falls to the phase owner.
    fn judge(self, outcome: Outcome) -> GateCriterion {
        let met = outcome.is_met();
        GateCriterion {
            key: self.key.to_string(),
            text: self.text,
            met,
            source: Source::BuiltIn,
            detail: outcome.evidence,
            action: if met { String::new() } else { outcome.fix },
            section: self.section,
            path: outcome.path,
            owner: outcome.owner.or_else(|| self.phase.owner.clone()),
        }
    }
}

/// Whether a metric's latest value reaches its target.
pub(crate) fn meets_target(m: &Metric) -> bool {
    match (m.actual, m.target) {
        (Some(a), Some(t)) => match m.direction {
            Direction::Decrease => a <= t,
            Direction::Increase => a >= t,
        },
        _ => false,
    }
}

fn user_criteria(index: usize, phase: &Phase, out: &mut Vec<GateCriterion>) {
    for (j, c) in phase.exit_criteria.iter().enumerate() {
        let text = c.text.trim();
        out.push(GateCriterion {
            key: format!("user.{}", c.id),
            text: if text.is_empty() {
                "Unnamed exit criterion".to_string()
            } else {
                text.to_string()
            },
            met: c.met,
            source: Source::User,
            detail: if c.met {
                "Marked as met.".to_string()
            } else {
                "Not marked as met yet.".to_string()
            },
            action: if c.met {
                String::new()
            } else if text.is_empty() {
                "Describe this exit criterion, then meet it.".to_string()
            } else {
                format!("Meet the exit criterion: {}", quoted(text, ""))
            },
            section: 9,
            path: format!("phases[{index}].exit_criteria[{j}]"),
            owner: phase.owner.clone(),
        });
    }
}

fn gate(
    plan: &Plan,
    risk: &RiskAssessment,
    index: usize,
    phase: &Phase,
    start: Option<Date>,
) -> PhaseGate {
    let mut criteria = Vec::new();
    match phase.kind {
        PhaseKind::Foundation => foundation(plan, phase, &mut criteria),
        PhaseKind::Deployment => deployment(plan, phase, risk, &mut criteria),
        PhaseKind::Optimization => optimization(plan, phase, start, &mut criteria),
        PhaseKind::Scaling | PhaseKind::Custom => {}
    }
    user_criteria(index, phase, &mut criteria);
    let unmet: Vec<String> = criteria
        .iter()
        .filter(|c| !c.met)
        .map(|c| c.text.clone())
        .collect();
    let decision = if !criteria.is_empty() && unmet.is_empty() {
        GateDecision::Go
    } else {
        GateDecision::NoGo
    };
    let summary = match (criteria.len(), unmet.len()) {
        (0, _) => {
            "No go: this gate has no criteria yet; add the exit criteria that let the phase end."
                .to_string()
        }
        (n, 0) => format!(
            "Go: {} {} met.",
            all_of(n, "criterion", "criteria"),
            agree(n, "is", "are")
        ),
        (n, u) => format!(
            "No go: {} {} not met.",
            some_of(u, n, "criterion", "criteria"),
            agree(u, "is", "are")
        ),
    };
    let single = phase.gate_approvers.len() == 1;
    let decision_note = decision_note(phase, &unmet, criteria.is_empty());
    PhaseGate {
        phase: phase.id.clone(),
        name: phase.name.clone(),
        kind: phase.kind,
        status: phase.status,
        start,
        criteria,
        decision,
        unmet,
        approver: if single {
            phase.gate_approvers.first().cloned()
        } else {
            None
        },
        approvers: phase.gate_approvers.clone(),
        single_approver: single,
        summary,
        decision_note,
    }
}

/// The recorded decision of a gate in words, with what the criteria say
/// when the two disagree.
fn decision_note(phase: &Phase, unmet: &[String], no_criteria: bool) -> String {
    use crate::model::GateOutcome;
    let d = &phase.decision;
    let when = d
        .decided_on
        .map(|on| format!(" on {on}"))
        .unwrap_or_default();
    let open = d.conditions.iter().filter(|c| !c.met).count();
    match d.outcome {
        GateOutcome::Undecided => String::new(),
        GateOutcome::NoGo => format!("Recorded no-go{when}."),
        GateOutcome::Go | GateOutcome::GoWithConditions => {
            let what = if d.outcome == GateOutcome::Go {
                format!("Recorded go{when}")
            } else {
                format!(
                    "Recorded go with conditions{when} ({} open)",
                    crate::text::plural(open, "condition")
                )
            };
            if no_criteria {
                format!("{what}, though the gate has no criteria to check it against.")
            } else if unmet.is_empty() {
                format!("{what}; every criterion is met.")
            } else {
                let count = match unmet.len() {
                    1 => "1 criterion is".to_string(),
                    n => format!("{n} criteria are"),
                };
                format!("{what} while {count} not met: {}.", unmet.join("; "))
            }
        }
    }
}

/// Evaluates the gate of every phase.
///
/// ```
/// use planwright_core::analysis::gates::{gates, GateDecision};
/// use planwright_core::model::Plan;
/// use planwright_core::analysis::risk::assess;
///
/// let plan = Plan::blank();
/// let g = gates(&plan, &assess(&plan));
/// assert_eq!(g.phases.len(), 4);
/// assert!(g.phases.iter().all(|p| p.decision == GateDecision::NoGo));
/// assert_eq!(g.current_index, Some(0));
/// ```
pub fn gates(plan: &Plan, risk: &RiskAssessment) -> Gates {
    let starts = phase_starts(plan);
    let phases: Vec<PhaseGate> = plan
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| gate(plan, risk, i, p, starts.get(i).copied().flatten()))
        .collect();
    let current_index = phases
        .iter()
        .position(|g| g.status != PhaseStatus::GatePassed)
        .or_else(|| phases.len().checked_sub(1));
    let mut notes = Vec::new();
    let mut open_before: Option<(usize, &PhaseGate)> = None;
    for (i, g) in phases.iter().enumerate() {
        let name = cap(&named(&g.name, "phase", i));
        if g.status == PhaseStatus::GatePassed {
            if g.decision == GateDecision::NoGo {
                let why = if g.unmet.is_empty() {
                    "it has no criteria".to_string()
                } else {
                    format!("not met: {}", g.unmet.join("; "))
                };
                notes.push(GateNote {
                    phase: g.phase.clone(),
                    path: format!("phases[{i}].status"),
                    message: format!(
                        "{name} is marked as gate passed, but its gate does not hold ({why})."
                    ),
                });
            }
            if let Some((e, earlier)) = open_before {
                notes.push(GateNote {
                    phase: g.phase.clone(),
                    path: format!("phases[{i}].status"),
                    message: format!(
                        "{name} is marked as gate passed while an earlier phase, {}, has not passed its gate.",
                        named(&earlier.name, "phase", e)
                    ),
                });
            }
        } else if open_before.is_none() {
            open_before = Some((i, g));
        }
    }
    Gates {
        current_phase: current_index
            .and_then(|i| phases.get(i))
            .map(|g| g.phase.clone()),
        current_index,
        phases,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::risk::assess;
    use crate::model::ControlArea;
    use crate::model::ControlStatus;
    use crate::model::DeliverableKind;
    use crate::model::DeliverableStatus;
    use crate::model::IntegrationStatus;
    use crate::model::MetricKind;
    use crate::model::{
        Control, Criterion, Hotspot, HumanRole, ProhibitedPractice, System, Training,
    };
    use crate::testing::rich;

    #[test]
    fn a_recorded_go_against_unmet_criteria_says_so() {
        use crate::model::{GateCondition, GateOutcome};
        let mut plan = Plan::blank();
        plan.phases[0].decision.outcome = GateOutcome::Go;
        plan.phases[0].decision.decided_on = "2026-03-02".parse().ok();
        let g = gates(&plan, &assess(&plan));
        let note = &g.phases[0].decision_note;
        assert_eq!(g.phases[0].decision, GateDecision::NoGo);
        assert!(
            note.starts_with("Recorded go on 2026-03-02 while ") && note.contains("not met: "),
            "{note}"
        );
        plan.phases[0].decision.outcome = GateOutcome::GoWithConditions;
        plan.phases[0].decision.conditions = vec![GateCondition::default()];
        let g = gates(&plan, &assess(&plan));
        assert!(g.phases[0].decision_note.contains("(1 condition open)"));
        assert_eq!(g.phases[1].decision_note, "", "phase 2 has no decision");
        let g = gates(&rich(), &assess(&rich()));
        assert!(g.phases.iter().all(|p| p.decision_note.is_empty()));
    }

    fn run(plan: &Plan) -> Gates {
        gates(plan, &assess(plan))
    }

    fn criterion<'a>(g: &'a Gates, phase: usize, key: &str) -> &'a GateCriterion {
        g.phases[phase]
            .criteria
            .iter()
            .find(|c| c.key == key)
            .unwrap_or_else(|| panic!("no criterion {key}"))
    }

    #[test]
    fn rich_plan_passes_the_first_three_gates() {
        let g = run(&rich());
        let decisions: Vec<GateDecision> = g.phases.iter().map(|p| p.decision).collect();
        assert_eq!(
            decisions,
            [
                GateDecision::Go,
                GateDecision::Go,
                GateDecision::Go,
                GateDecision::NoGo
            ]
        );
        assert_eq!(g.phases[0].criteria.len(), 8);
        // Deployment: metric, integration, onboarding, workflow, and the limited tier's transparency.
        assert_eq!(g.phases[1].criteria.len(), 5);
        assert_eq!(g.phases[3].unmet, ["Two more teams onboarded"]);
        assert_eq!(g.current_phase, Some(Id::from("phase-3")));
        assert_eq!(g.current_index, Some(2));
        assert!(g.notes.is_empty(), "{:?}", g.notes);
        assert!(g
            .phases
            .iter()
            .all(|p| p.single_approver && p.approver.is_some()));
        assert_eq!(
            g.phases[2].start,
            "2026-06-01".parse().ok(),
            "12 January plus 8 + 12 weeks"
        );
    }

    #[test]
    fn blank_plan_fails_every_gate_and_starts_at_the_first_phase() {
        let g = run(&Plan::blank());
        assert!(g.phases.iter().all(|p| p.decision == GateDecision::NoGo));
        assert_eq!(g.phases[0].unmet.len(), 8);
        assert!(g.phases[3].criteria.is_empty());
        assert!(g.phases[3].summary.contains("no criteria"));
        assert_eq!(g.current_index, Some(0));
        assert!(g
            .phases
            .iter()
            .all(|p| !p.single_approver && p.approver.is_none()));
    }

    #[test]
    fn no_phases_no_current_phase() {
        let plan = Plan::default();
        let g = run(&plan);
        assert!(g.phases.is_empty());
        assert_eq!(g.current_phase, None);
    }

    #[test]
    fn foundation_deliverables_and_controls() {
        let mut plan = rich();
        plan.deliverables[0].status = DeliverableStatus::Drafted;
        plan.deliverables[0].approver = None;
        plan.deliverables
            .retain(|d| d.kind != DeliverableKind::StakeholderMap);
        plan.controls[2].status = ControlStatus::InProgress;
        plan.controls
            .retain(|c| c.area != ControlArea::IncidentResponse);
        let g = run(&plan);
        let c = criterion(&g, 0, "foundation.deliverable.context_pack");
        assert!(!c.met);
        assert_eq!(
            c.detail,
            "'Context pack' is drafted and nobody is named to approve it."
        );
        assert_eq!(c.path, "deliverables[0].status");
        assert_eq!(c.owner, Some(Id::from("s-ops")));
        let c = criterion(&g, 0, "foundation.deliverable.stakeholder_map");
        assert!(!c.met && c.path == "deliverables");
        let c = criterion(&g, 0, "foundation.control.human_oversight");
        assert!(
            !c.met
                && c.detail
                    .contains("'Agent approves every reply' is in progress"),
            "{}",
            c.detail
        );
        let c = criterion(&g, 0, "foundation.control.incident_response");
        assert!(!c.met && c.detail == "No control covers incident response.");
        assert!(criterion(&g, 0, "foundation.control.data_privacy").met);
        assert_eq!(g.phases[0].decision, GateDecision::NoGo);
        assert_eq!(g.phases[0].unmet.len(), 4);
        // Phase 1 is marked passed but no longer holds.
        assert_eq!(g.notes.len(), 1);
        assert_eq!(g.notes[0].path, "phases[0].status");
        assert!(g.notes[0].message.contains("does not hold"));
    }

    #[test]
    fn deployment_metric_respects_direction_and_prefers_outcomes() {
        let mut plan = rich();
        plan.metrics[0].actual = Some(4.5); // decrease, target 4
        let g = run(&plan);
        let c = criterion(&g, 1, "deployment.metric_met");
        assert!(!c.met);
        assert!(
            c.detail
                .contains("'First reply time' is at 4.5 against a target of 4"),
            "{}",
            c.detail
        );

        plan.metrics[1].direction = crate::model::Direction::Increase;
        plan.metrics[1].actual = Some(9.0); // increase, target 8
        let g = run(&plan);
        assert!(criterion(&g, 1, "deployment.metric_met").met);

        plan.metrics[1].kind = MetricKind::Usage;
        let g = run(&plan);
        let c = criterion(&g, 1, "deployment.metric_met");
        assert!(
            c.met && c.detail.contains("outcome metric would be stronger"),
            "{}",
            c.detail
        );

        plan.metrics.clear();
        let g = run(&plan);
        let c = criterion(&g, 1, "deployment.metric_met");
        assert!(!c.met && c.detail == "No success metrics are defined.");
    }

    #[test]
    fn deployment_integration_onboarding_and_workflow() {
        let mut plan = rich();
        plan.systems[1].integration = IntegrationStatus::Building;
        plan.systems.push(System {
            id: Id::from("sys-3"),
            name: "CRM".into(),
            ..System::default()
        });
        plan.change.training.push(Training {
            id: Id::from("tr-2"),
            audience: "Team leads".into(),
            ..Training::default()
        });
        plan.workflow[1].owner = None;
        let g = run(&plan);
        let c = criterion(&g, 1, "deployment.integration");
        assert!(!c.met);
        assert_eq!(c.detail, "2 of 3 integrations are not done: 'Model gateway' (being built) and 'CRM' (not started).");
        assert_eq!(
            (c.path.as_str(), c.owner.clone()),
            ("systems[1].integration", Some(Id::from("s-tech")))
        );
        let c = criterion(&g, 1, "deployment.onboarding");
        assert!(
            !c.met && c.detail.contains("'Team leads'") && c.path == "change.training[1].status",
            "{c:?}"
        );
        let c = criterion(&g, 1, "deployment.workflow_design");
        assert!(
            !c.met && c.detail.contains("'Draft the reply'") && c.path == "workflow[1].owner",
            "{c:?}"
        );

        plan.systems.clear();
        plan.change.training.clear();
        plan.workflow.clear();
        let g = run(&plan);
        for key in [
            "deployment.integration",
            "deployment.onboarding",
            "deployment.workflow_design",
        ] {
            assert!(!criterion(&g, 1, key).met, "{key} needs at least one item");
        }
    }

    #[test]
    fn deployment_adds_what_the_risk_tier_requires() {
        let mut plan = rich();
        plan.risk.generates_content = Some(false);
        let g = run(&plan);
        assert!(
            g.phases[1]
                .criteria
                .iter()
                .all(|c| c.key != "deployment.tier_controls"),
            "minimal tier adds nothing"
        );

        let mut plan = rich();
        plan.risk.high_risk_areas = Some(vec![crate::model::HighRiskArea::Employment]);
        let g = run(&plan);
        let c = criterion(&g, 1, "deployment.tier_controls");
        assert!(!c.met);
        assert!(
            c.detail
                .starts_with("8 of 9 controls it adds are not in place"),
            "{}",
            c.detail
        );

        let mut plan = rich();
        plan.risk.prohibited = Some(vec![ProhibitedPractice::SocialScoring]);
        let g = run(&plan);
        let c = criterion(&g, 1, "deployment.not_prohibited");
        assert!(!c.met && c.detail.contains("Social scoring"));
    }

    #[test]
    fn optimization_baselines_must_predate_the_phase() {
        let mut plan = rich();
        plan.metrics[0].baseline_date = "2026-07-01".parse().ok(); // optimization starts 2026-06-01
        plan.metrics[1].baseline = None;
        let g = run(&plan);
        let c = criterion(&g, 2, "optimization.baselines");
        assert!(!c.met);
        assert_eq!(
            c.detail,
            "'First reply time' was measured on 2026-07-01, after optimization starts on 2026-06-01 and 'Reopened tickets' has no baseline."
        );
        assert_eq!(c.path, "metrics[0].baseline_date");

        // Without a start date only presence counts.
        plan.start_date = None;
        plan.metrics[1].baseline = Some(1.0);
        let g = run(&plan);
        assert!(criterion(&g, 2, "optimization.baselines").met);
    }

    #[test]
    fn optimization_hotspots_must_be_diagnosed() {
        let mut plan = rich();
        plan.feedback.hotspots = vec![Hotspot {
            id: Id::from("hs-1"),
            area: "Refunds".into(),
            ..Hotspot::default()
        }];
        let g = run(&plan);
        let c = criterion(&g, 2, "optimization.hotspots");
        assert!(!c.met && c.detail == "Not diagnosed yet: 'Refunds'.");
        plan.feedback.hotspots.clear();
        let g = run(&plan);
        assert!(!criterion(&g, 2, "optimization.hotspots").met);
    }

    #[test]
    fn user_criteria_and_inconsistent_status() {
        let mut plan = rich();
        plan.phases[3].exit_criteria[0].met = true;
        plan.phases[3].exit_criteria.push(Criterion {
            id: Id::from("x-2"),
            text: String::new(),
            met: false,
        });
        plan.phases[3].status = PhaseStatus::GatePassed;
        let g = run(&plan);
        let c = criterion(&g, 3, "user.x-2");
        assert_eq!(
            (c.source, c.section, c.path.as_str()),
            (Source::User, 9, "phases[3].exit_criteria[1]")
        );
        assert_eq!(c.text, "Unnamed exit criterion");
        assert_eq!(g.phases[3].decision, GateDecision::NoGo);
        // Phase 4 claims to have passed while phase 3 is open, and its gate does not hold.
        let messages: Vec<&str> = g.notes.iter().map(|n| n.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[1].contains("earlier phase"), "{messages:?}");
        assert_eq!(g.current_index, Some(2));

        plan.phases[3].exit_criteria.pop();
        for p in &mut plan.phases {
            p.status = PhaseStatus::GatePassed;
        }
        let g = run(&plan);
        assert!(g.notes.is_empty(), "{:?}", g.notes);
        assert_eq!(
            g.current_index,
            Some(3),
            "all passed: the last phase is current"
        );
    }

    #[test]
    fn every_criterion_links_to_a_template_section() {
        let mut plan = Plan::blank();
        plan.risk.prohibited = Some(vec![ProhibitedPractice::Manipulation]);
        plan.controls.push(Control {
            area: ControlArea::DataPrivacy,
            ..Control::default()
        });
        plan.workflow.push(crate::model::WorkflowStep {
            human_role: HumanRole::None,
            ..Default::default()
        });
        for g in [run(&plan), run(&rich())] {
            for c in g.phases.iter().flat_map(|p| &p.criteria) {
                assert!((1..=12).contains(&c.section), "{c:?}");
                assert!(
                    !c.path.is_empty() && !c.text.is_empty() && !c.detail.is_empty(),
                    "{c:?}"
                );
                assert_eq!(c.met, c.action.is_empty(), "{c:?}");
            }
        }
    }
}
