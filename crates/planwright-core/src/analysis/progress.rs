//! How complete each of the twelve template sections is.
//!
//! [`progress`] gives each [`Section`] a short checklist of what a filled-in
//! section has; it measures completeness of the form, not readiness (that is
//! [`readiness`](crate::analysis::readiness)). Linear in plan size.

use serde::Serialize;

use crate::model::{AccessApproval, AiRole, ControlArea, DecisionRole, HumanRole, Plan, Section};

/// One thing a filled-in section has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckItem {
    /// What is checked, for a person.
    pub label: &'static str,
    /// Whether the plan has it.
    pub done: bool,
}

/// How complete one section is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionProgress {
    /// The section.
    pub section: Section,
    /// The checklist, in the order the step asks for things.
    pub items: Vec<CheckItem>,
}

impl SectionProgress {
    /// Items done.
    pub fn done(&self) -> usize {
        self.items.iter().filter(|i| i.done).count()
    }

    /// Share of items done, 0 to 100.
    pub fn percent(&self) -> u8 {
        percent(self.done(), self.items.len())
    }
}

fn percent(done: usize, total: usize) -> u8 {
    if total == 0 {
        return 100;
    }
    ((done * 100 + total / 2) / total).min(100) as u8
}

/// Whole-plan completeness: every section's checklist and the share of all
/// items done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Sections in template order.
    pub sections: Vec<SectionProgress>,
    /// Share of all checklist items done, 0 to 100.
    pub percent: u8,
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

/// True when the list is not empty and every item passes.
fn all<T>(items: &[T], test: impl Fn(&T) -> bool) -> bool {
    !items.is_empty() && items.iter().all(test)
}

fn item(label: &'static str, done: bool) -> CheckItem {
    CheckItem { label, done }
}

/// The checklist of one section.
pub fn section_progress(plan: &Plan, section: Section) -> SectionProgress {
    let items = match section {
        Section::Objective => {
            let o = &plan.objective;
            let f = &o.fit;
            let fit = [
                f.repeatable,
                f.clear_users,
                f.visible_pain,
                f.manageable_risk,
                f.measurable_outcome,
                f.defined_inputs_outputs,
                f.existing_data,
                f.invested_owner,
            ];
            let c = &o.constraints;
            vec![
                item(
                    "Title and summary",
                    filled(&plan.title) && filled(&plan.summary),
                ),
                item("The business process", filled(&o.process)),
                item("The problem today", filled(&o.problem)),
                item("The expected impact", filled(&o.impact)),
                item("What is in scope", o.in_scope.iter().any(|s| filled(s))),
                item(
                    "What is out of scope",
                    o.out_of_scope.iter().any(|s| filled(s)),
                ),
                item(
                    "Constraints",
                    [&c.time, &c.budget, &c.risk, &c.compliance]
                        .iter()
                        .any(|s| filled(s)),
                ),
                item(
                    "Fit of the first use case assessed",
                    fit.iter().filter(|b| **b).count() >= 4,
                ),
            ]
        }
        Section::Metrics => {
            let m = &plan.metrics;
            vec![
                item(
                    "At least one business-outcome metric",
                    m.iter()
                        .any(|m| m.kind == crate::model::MetricKind::Outcome),
                ),
                item(
                    "Every metric has a baseline",
                    all(m, |m| m.baseline.is_some()),
                ),
                item("Every metric has a target", all(m, |m| m.target.is_some())),
                item("Every metric has an owner", all(m, |m| m.owner.is_some())),
                item(
                    "Every metric says how it is measured",
                    all(m, |m| filled(&m.method)),
                ),
            ]
        }
        Section::Ownership => {
            let o = &plan.ownership;
            vec![
                item("Executive sponsor", o.sponsor.is_some()),
                item("Initiative owner", o.initiative_owner.is_some()),
                item("Business owner", o.business_owner.is_some()),
                item(
                    "What the owners are accountable for",
                    filled(&o.accountability),
                ),
            ]
        }
        Section::Stakeholders => {
            let d = &plan.decisions;
            vec![
                item("At least three stakeholders", plan.stakeholders.len() >= 3),
                item(
                    "People affected by the change identified",
                    plan.stakeholders.iter().any(|s| s.affected),
                ),
                item("At least one decision mapped", !d.is_empty()),
                item(
                    "Exactly one approver per decision",
                    all(d, |d| {
                        d.roles
                            .iter()
                            .filter(|r| r.role == DecisionRole::Approves)
                            .count()
                            == 1
                    }),
                ),
                item(
                    "A path for disagreement on every decision",
                    all(d, |d| filled(&d.on_disagreement)),
                ),
            ]
        }
        Section::Workflow => {
            let w = &plan.workflow;
            vec![
                item("Workflow steps listed", !w.is_empty()),
                item(
                    "Every step says who does what",
                    all(w, |s| {
                        s.ai_role != AiRole::None || s.human_role != HumanRole::None
                    }),
                ),
                item(
                    "A person in every risk-bearing step",
                    w.iter()
                        .all(|s| !s.carries_risk || s.human_role != HumanRole::None),
                ),
                item("Every step has an owner", all(w, |s| s.owner.is_some())),
            ]
        }
        Section::Data => {
            let d = &plan.data_sources;
            vec![
                item("Data sources listed", !d.is_empty()),
                item("Every source has an owner", all(d, |s| s.owner.is_some())),
                item(
                    "Quality assessed",
                    all(d, |s| s.quality != crate::model::Quality::Unknown),
                ),
                item(
                    "Access approved for personal or regulated data",
                    d.iter().all(|s| {
                        !(s.personal_data || s.regulated_data)
                            || s.access_approval == AccessApproval::Granted
                    }),
                ),
                item(
                    "Known whether each source is like production",
                    all(d, |s| s.production_representative.is_some()),
                ),
            ]
        }
        Section::Technology => {
            let s = &plan.systems;
            vec![
                item("Systems listed", !s.is_empty()),
                item("Every system has an owner", all(s, |s| s.owner.is_some())),
                item(
                    "Integration designed or under way",
                    all(s, |s| {
                        s.integration != crate::model::IntegrationStatus::NotStarted
                    }),
                ),
                item(
                    "Security reviews started",
                    all(s, |s| {
                        s.security_review != crate::model::ReviewStatus::NotStarted
                    }),
                ),
            ]
        }
        Section::Risk => {
            let r = &plan.risk;
            let answered = [
                r.prohibited.is_some(),
                r.high_risk_areas.is_some(),
                r.interacts_with_people.is_some(),
                r.generates_content.is_some(),
                r.affects_rights.is_some(),
                r.autonomy.is_some(),
                r.personal_data.is_some(),
            ];
            let core = [
                ControlArea::DataPrivacy,
                ControlArea::AcceptableUse,
                ControlArea::HumanOversight,
                ControlArea::IncidentResponse,
            ];
            vec![
                item("Risk questionnaire answered", answered.iter().all(|a| *a)),
                item(
                    "Controls for the four core governance areas",
                    core.iter()
                        .all(|area| plan.controls.iter().any(|c| c.area == *area)),
                ),
                item(
                    "Every control has an owner",
                    all(&plan.controls, |c| c.owner.is_some()),
                ),
            ]
        }
        Section::Roadmap => {
            let p = &plan.phases;
            let t = &plan.tasks;
            vec![
                item("A start date", plan.start_date.is_some()),
                item("Every phase has an owner", all(p, |p| p.owner.is_some())),
                item(
                    "One gate approver per phase",
                    all(p, |p| p.gate_approvers.len() == 1),
                ),
                item("Tasks planned", !t.is_empty()),
                item(
                    "Every task has an owner and a length",
                    all(t, |t| t.owner.is_some() && t.duration_days.is_some()),
                ),
            ]
        }
        Section::Handoffs => {
            let h = &plan.handoffs;
            vec![
                item("Approvals and hand-offs listed", !h.is_empty()),
                item(
                    "Each has a turnaround",
                    all(h, |h| h.turnaround_days.is_some()),
                ),
                item(
                    "Each says how it escalates",
                    all(h, |h| filled(&h.escalation)),
                ),
                item(
                    "Each says what context travels with it",
                    all(h, |h| filled(&h.context)),
                ),
            ]
        }
        Section::Change => {
            let c = &plan.change;
            vec![
                item("Training planned", !c.training.is_empty()),
                item("Communication planned", !c.communications.is_empty()),
                item(
                    "Adoption milestones with owners",
                    all(&c.milestones, |m| m.owner.is_some()),
                ),
                item("How leaders will use it themselves", filled(&c.leadership)),
                item("AI literacy for non-technical users", filled(&c.literacy)),
            ]
        }
        Section::Feedback => {
            let f = &plan.feedback;
            vec![
                item(
                    "Feedback loops with owners",
                    all(&f.loops, |l| l.owner.is_some()),
                ),
                item(
                    "Thresholds that trigger action",
                    all(&f.loops, |l| filled(&l.threshold) && filled(&l.action)),
                ),
                item("How users flag a wrong output", filled(&f.flagging)),
                item(
                    "A support path with an owner",
                    filled(&f.support.description) && f.support.owner.is_some(),
                ),
                item("A model review cycle", filled(&f.model_review)),
            ]
        }
    };
    SectionProgress { section, items }
}

/// Completeness of every section and of the whole plan.
pub fn progress(plan: &Plan) -> Progress {
    let sections: Vec<SectionProgress> = Section::ALL
        .iter()
        .map(|s| section_progress(plan, *s))
        .collect();
    let total: usize = sections.iter().map(|s| s.items.len()).sum();
    let done: usize = sections.iter().map(SectionProgress::done).sum();
    Progress {
        sections,
        percent: percent(done, total),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Decision, Id, Metric, RoleAssignment};

    #[test]
    fn sections_number_and_map_paths() {
        for (i, s) in Section::ALL.iter().enumerate() {
            assert_eq!(usize::from(s.number()), i + 1);
            assert_eq!(Section::from_number(s.number()), Some(*s));
        }
        assert_eq!(Section::from_number(0), None);
        assert_eq!(Section::from_number(13), None);
        let cases = [
            ("tasks[3].depends_on[0]", Section::Roadmap),
            ("decisions[0].roles", Section::Stakeholders),
            ("controls[1].owner", Section::Risk),
            ("change.training", Section::Change),
            ("feedback.support.owner", Section::Feedback),
            ("title", Section::Objective),
            ("", Section::Objective),
            ("data_sources[2]", Section::Data),
        ];
        for (path, section) in cases {
            assert_eq!(Section::of_path(path), section, "{path}");
        }
    }

    #[test]
    fn blank_plan_is_mostly_empty() {
        let p = progress(&Plan::blank());
        assert_eq!(p.sections.len(), 12);
        assert!(p.percent < 15, "blank plan is {}% complete", p.percent);
        // A blank plan has its phases but no owners for them.
        let roadmap = &p.sections[8];
        assert_eq!(roadmap.section, Section::Roadmap);
        assert_eq!(roadmap.done(), 0);
    }

    #[test]
    fn metrics_checklist_follows_the_metrics() {
        let mut plan = Plan::blank();
        assert_eq!(section_progress(&plan, Section::Metrics).done(), 0);
        plan.metrics.push(Metric {
            id: Id::from("m"),
            baseline: Some(3.0),
            target: Some(1.0),
            ..Metric::default()
        });
        let p = section_progress(&plan, Section::Metrics);
        let done: Vec<bool> = p.items.iter().map(|i| i.done).collect();
        assert_eq!(done, [true, true, true, false, false]);
        assert_eq!(p.percent(), 60);
    }

    #[test]
    fn decisions_need_exactly_one_approver() {
        let mut plan = Plan::blank();
        let approver = |who: &str| RoleAssignment {
            stakeholder: Some(Id::from(who)),
            role: DecisionRole::Approves,
        };
        plan.decisions.push(Decision {
            roles: vec![approver("a"), approver("b")],
            ..Decision::default()
        });
        let check = |plan: &Plan| section_progress(plan, Section::Stakeholders).items[3].done;
        assert!(!check(&plan));
        plan.decisions[0].roles.pop();
        assert!(check(&plan));
    }
}
