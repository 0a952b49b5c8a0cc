//! The plan: every section of the template as plain data.
//!
//! A [`Plan`] holds one AI initiative from objective to feedback loops, in the
//! order of the template. Everything a person might point at from elsewhere
//! (a stakeholder, a phase, a task, a metric…) carries a stable [`Id`], and
//! every cross-reference is by id, never by name or position. Types here are
//! plain data: no behaviour beyond construction, no UI types, no signals.
//!
//! Each template section's types live in a file of their own (`metrics.rs`,
//! `roadmap.rs`, …) and are re-exported here, so `model::Metric` is the one
//! path to them; [`Section`] names the sections themselves.
//!
//! Invariants the types cannot express (ids unique, references resolve,
//! exactly one approver per decision…) are checked by
//! [`validate`](crate::analysis::validate::validate), which reports findings instead of
//! refusing, because a half-written plan is the normal state of work.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;

mod section;
pub use section::Section;

/// A stable identifier, unique within one plan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Id {
        Id(s.to_string())
    }
}

/// Declares a plain-data struct of the plan with the derives every one needs.
macro_rules! record {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(default)]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
        }
    };
}

mod calendar;
mod change;
mod data;
mod feedback;
mod handoffs;
mod history;
mod metrics;
mod objective;
mod ownership;
mod risk;
mod roadmap;
mod stakeholders;
mod technology;
mod workflow;

pub use calendar::{Calendar, Closure, DayOff, Weekday};
pub use change::{AdoptionMilestone, ChangePlan, Communication, Training, WorkStatus};
pub use data::{AccessApproval, Accessibility, Compliance, DataSource, Quality};
pub use feedback::{Cadence, FeedbackLoop, FeedbackPlan, Hotspot, HotspotCause, SupportPath};
pub use handoffs::Handoff;
pub use history::{
    Baseline, BaselineDimension, BaselineGate, BaselineSummary, BaselineTask, GateCondition,
    GateDecision, GateOutcome, MergeConflict,
};
pub use metrics::{Direction, Metric, MetricKind, Reading};
pub use objective::{Constraints, Objective, UseCaseFit};
pub use ownership::Ownership;
pub use risk::{
    Autonomy, Control, ControlArea, ControlStatus, DataSensitivity, HighRiskArea,
    ProhibitedPractice, RiskAnswers,
};
pub use roadmap::{
    Criterion, Deliverable, DeliverableKind, DeliverableStatus, Phase, PhaseKind, PhaseStatus,
    Task, TaskStatus,
};
pub use stakeholders::{Decision, DecisionRole, Function, RoleAssignment, Stakeholder};
pub use technology::{IntegrationStatus, ReviewStatus, System, SystemRole};
pub use workflow::{AiRole, HumanRole, WorkflowStep};

record! {
    /// One AI initiative, section by section in template order.
    Plan {
        /// Short name of the initiative.
        title: String,
        /// One or two sentences a busy reader can take in.
        summary: String,
        /// The day the roadmap starts; the schedule counts from it.
        start_date: Option<Date>,
        /// 1. Business objective and process.
        objective: Objective,
        /// 2. Success metrics.
        metrics: Vec<Metric>,
        /// 3. Sponsor and ownership.
        ownership: Ownership,
        /// 4. Stakeholders: everyone who prepares, reviews, decides or is affected.
        stakeholders: Vec<Stakeholder>,
        /// 4. Decisions and who plays which role in each.
        decisions: Vec<Decision>,
        /// 5. The human / AI split, step by step through the workflow.
        workflow: Vec<WorkflowStep>,
        /// 6. Data sources and their readiness.
        data_sources: Vec<DataSource>,
        /// 7. Systems touched and integration points.
        systems: Vec<System>,
        /// 8. Answers to the risk questionnaire.
        risk: RiskAnswers,
        /// 8. Governance controls.
        controls: Vec<Control>,
        /// 9. Roadmap phases, in order.
        phases: Vec<Phase>,
        /// 9. Foundation deliverables the first gate depends on.
        deliverables: Vec<Deliverable>,
        /// 9. Tasks and their dependencies.
        tasks: Vec<Task>,
        /// 10. Approvals and hand-offs.
        handoffs: Vec<Handoff>,
        /// 11. Change management and adoption.
        change: ChangePlan,
        /// 12. Feedback, monitoring and iteration.
        feedback: FeedbackPlan,
        /// 9. Which days are worked; dates skip the rest.
        calendar: Calendar,
        /// The day progress is reported as of; empty means today.
        as_of: Option<Date>,
        /// Named snapshots to measure the plan against, oldest first.
        baselines: Vec<Baseline>,
        /// Fields a merge could not settle, for the person to choose.
        conflicts: Vec<MergeConflict>,
    }
}

/// Every stakeholder reference in a plan, with the path it sits at.
///
/// Validation uses this to find dangling references and the UI uses it to
/// say where a stakeholder is used before they are removed. Keeping the list
/// in one place means a new owner field is checked everywhere at once.
pub fn stakeholder_refs(plan: &Plan) -> Vec<(String, &Id)> {
    let mut out: Vec<(String, &Id)> = Vec::new();
    fn push<'a>(out: &mut Vec<(String, &'a Id)>, path: String, id: Option<&'a Id>) {
        if let Some(id) = id {
            out.push((path, id));
        }
    }
    macro_rules! add {
        ($path:expr, $id:expr) => {
            push(&mut out, $path, $id)
        };
    }
    let o = &plan.ownership;
    add!("ownership.sponsor".into(), o.sponsor.as_ref());
    add!(
        "ownership.initiative_owner".into(),
        o.initiative_owner.as_ref()
    );
    add!("ownership.business_owner".into(), o.business_owner.as_ref());
    for (i, m) in plan.metrics.iter().enumerate() {
        add!(format!("metrics[{i}].owner"), m.owner.as_ref());
    }
    for (i, d) in plan.decisions.iter().enumerate() {
        for (j, r) in d.roles.iter().enumerate() {
            add!(
                format!("decisions[{i}].roles[{j}].stakeholder"),
                r.stakeholder.as_ref()
            );
        }
    }
    for (i, s) in plan.workflow.iter().enumerate() {
        add!(format!("workflow[{i}].owner"), s.owner.as_ref());
    }
    for (i, s) in plan.data_sources.iter().enumerate() {
        add!(format!("data_sources[{i}].owner"), s.owner.as_ref());
    }
    for (i, s) in plan.systems.iter().enumerate() {
        add!(format!("systems[{i}].owner"), s.owner.as_ref());
    }
    for (i, c) in plan.controls.iter().enumerate() {
        add!(format!("controls[{i}].owner"), c.owner.as_ref());
    }
    for (i, p) in plan.phases.iter().enumerate() {
        add!(format!("phases[{i}].owner"), p.owner.as_ref());
        for (j, a) in p.gate_approvers.iter().enumerate() {
            add!(format!("phases[{i}].gate_approvers[{j}]"), Some(a));
        }
        add!(
            format!("phases[{i}].decision.decided_by"),
            p.decision.decided_by.as_ref()
        );
        for (j, c) in p.decision.conditions.iter().enumerate() {
            add!(
                format!("phases[{i}].decision.conditions[{j}].owner"),
                c.owner.as_ref()
            );
        }
    }
    for (i, d) in plan.deliverables.iter().enumerate() {
        add!(format!("deliverables[{i}].owner"), d.owner.as_ref());
        add!(format!("deliverables[{i}].approver"), d.approver.as_ref());
    }
    for (i, t) in plan.tasks.iter().enumerate() {
        add!(format!("tasks[{i}].owner"), t.owner.as_ref());
    }
    for (i, d) in plan.calendar.days_off.iter().enumerate() {
        add!(format!("calendar.days_off[{i}].person"), d.person.as_ref());
    }
    for (i, h) in plan.handoffs.iter().enumerate() {
        add!(format!("handoffs[{i}].from"), h.from.as_ref());
        add!(format!("handoffs[{i}].to"), h.to.as_ref());
        add!(format!("handoffs[{i}].approver"), h.approver.as_ref());
    }
    let c = &plan.change;
    for (i, t) in c.training.iter().enumerate() {
        add!(format!("change.training[{i}].owner"), t.owner.as_ref());
    }
    for (i, t) in c.communications.iter().enumerate() {
        add!(
            format!("change.communications[{i}].owner"),
            t.owner.as_ref()
        );
    }
    for (i, t) in c.milestones.iter().enumerate() {
        add!(format!("change.milestones[{i}].owner"), t.owner.as_ref());
    }
    let f = &plan.feedback;
    for (i, l) in f.loops.iter().enumerate() {
        add!(format!("feedback.loops[{i}].owner"), l.owner.as_ref());
    }
    add!("feedback.support.owner".into(), f.support.owner.as_ref());
    out
}

/// Calls `f` with every id the plan defines, in template order, without
/// allocating (the walk behind [`defined_ids`] and [`new_id`]).
pub fn each_id<'a>(plan: &'a Plan, mut f: impl FnMut(&'static str, usize, &'a Id)) {
    macro_rules! each {
        ($list:expr, $name:literal) => {
            for (i, item) in $list.iter().enumerate() {
                f($name, i, &item.id);
            }
        };
    }
    each!(plan.metrics, "metrics");
    each!(plan.stakeholders, "stakeholders");
    each!(plan.decisions, "decisions");
    each!(plan.workflow, "workflow");
    each!(plan.data_sources, "data_sources");
    each!(plan.systems, "systems");
    each!(plan.controls, "controls");
    each!(plan.phases, "phases");
    for (i, p) in plan.phases.iter().enumerate() {
        for c in &p.exit_criteria {
            // The list index is the phase's; the criterion's own index is
            // recovered by `defined_ids`, which needs the full path.
            f("phases[].exit_criteria", i, &c.id);
        }
    }
    each!(plan.deliverables, "deliverables");
    each!(plan.tasks, "tasks");
    each!(plan.handoffs, "handoffs");
    each!(plan.change.training, "change.training");
    each!(plan.change.communications, "change.communications");
    each!(plan.change.milestones, "change.milestones");
    each!(plan.feedback.loops, "feedback.loops");
    each!(plan.feedback.hotspots, "feedback.hotspots");
    each!(plan.calendar.closures, "calendar.closures");
    each!(plan.calendar.days_off, "calendar.days_off");
}

/// Every id a plan defines, with the path of the `id` field.
pub fn defined_ids(plan: &Plan) -> Vec<(String, &Id)> {
    let mut out: Vec<(String, &Id)> = Vec::new();
    let mut criterion = (usize::MAX, 0);
    each_id(plan, |list, i, id| {
        let path = if list == "phases[].exit_criteria" {
            criterion = if criterion.0 == i {
                (i, criterion.1 + 1)
            } else {
                (i, 0)
            };
            format!("phases[{i}].exit_criteria[{}].id", criterion.1)
        } else {
            format!("{list}[{i}].id")
        };
        out.push((path, id));
    });
    out
}

/// A new id `prefix-N` not yet used anywhere in the plan.
///
/// Ids are made from a counter rather than randomness so that the same
/// edits give the same file, which keeps exports deterministic.
pub fn new_id(plan: &Plan, prefix: &str) -> Id {
    let mut highest = 0u64;
    each_id(plan, |_, _, id| {
        let n =
            id.0.strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix('-'))
                .and_then(|n| n.parse::<u64>().ok());
        if let Some(n) = n {
            highest = highest.max(n);
        }
    });
    Id(format!("{prefix}-{}", highest.saturating_add(1)))
}

impl Plan {
    /// A blank plan with the four default phases and the four foundation
    /// deliverables already in place, ready to be filled in.
    pub fn blank() -> Plan {
        let phase = |n: u32, kind: PhaseKind, goal: &str, weeks: u32| Phase {
            id: Id(format!("phase-{n}")),
            kind,
            name: crate::choice::Choice::label(kind).to_string(),
            goal: goal.to_string(),
            duration_weeks: Some(weeks),
            ..Phase::default()
        };
        let deliverable = |n: u32, kind: DeliverableKind| Deliverable {
            id: Id(format!("deliverable-{n}")),
            kind,
            name: crate::choice::Choice::label(kind).to_string(),
            ..Deliverable::default()
        };
        Plan {
            title: "Untitled AI initiative".to_string(),
            phases: vec![
                phase(
                    1,
                    PhaseKind::Foundation,
                    "Put in place the data, platform, governance and shared context that every later use case relies on.",
                    8,
                ),
                phase(
                    2,
                    PhaseKind::Deployment,
                    "Prove value with two or three high-impact, lower-risk use cases running in real work.",
                    12,
                ),
                phase(
                    3,
                    PhaseKind::Optimization,
                    "Measure outcomes against the baselines and improve where people correct the AI most.",
                    12,
                ),
                phase(
                    4,
                    PhaseKind::Scaling,
                    "Make onboarding new teams and use cases repeatable, on shared knowledge and governance.",
                    16,
                ),
            ],
            deliverables: vec![
                deliverable(1, DeliverableKind::ContextPack),
                deliverable(2, DeliverableKind::DataReadiness),
                deliverable(3, DeliverableKind::GovernanceFramework),
                deliverable(4, DeliverableKind::StakeholderMap),
            ],
            ..Plan::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_plan_has_default_phases_and_deliverables() {
        let plan = Plan::blank();
        let kinds: Vec<PhaseKind> = plan.phases.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                PhaseKind::Foundation,
                PhaseKind::Deployment,
                PhaseKind::Optimization,
                PhaseKind::Scaling
            ]
        );
        assert!(plan
            .phases
            .iter()
            .all(|p| !p.goal.is_empty() && p.duration_weeks.is_some()));
        assert_eq!(plan.deliverables.len(), 4);
    }

    #[test]
    fn new_ids_do_not_collide() {
        let mut plan = Plan::blank();
        assert_eq!(new_id(&plan, "phase"), Id::from("phase-5"));
        assert_eq!(new_id(&plan, "task"), Id::from("task-1"));
        plan.tasks.push(Task {
            id: Id::from("task-41"),
            ..Task::default()
        });
        plan.tasks.push(Task {
            id: Id::from("task-x"),
            ..Task::default()
        });
        assert_eq!(new_id(&plan, "task"), Id::from("task-42"));
        plan.tasks.push(Task {
            id: Id(format!("task-{}", u64::MAX)),
            ..Task::default()
        });
        assert_eq!(new_id(&plan, "task"), Id(format!("task-{}", u64::MAX)));
    }

    #[test]
    fn every_owner_field_is_listed_as_a_reference() {
        let who = Some(Id::from("s"));
        let mut plan = Plan::blank();
        plan.ownership = Ownership {
            sponsor: who.clone(),
            initiative_owner: who.clone(),
            business_owner: who.clone(),
            ..Ownership::default()
        };
        plan.metrics.push(Metric {
            owner: who.clone(),
            ..Metric::default()
        });
        plan.feedback.support.owner = who.clone();
        let refs = stakeholder_refs(&plan);
        let paths: Vec<&str> = refs.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "ownership.sponsor",
                "ownership.initiative_owner",
                "ownership.business_owner",
                "metrics[0].owner",
                "feedback.support.owner"
            ]
        );
    }
}
