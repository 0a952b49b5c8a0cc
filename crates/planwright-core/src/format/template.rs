//! Templates: a proven plan with its people, dates and actuals taken out, to
//! start the next similar initiative from.
//!
//! A template is an ordinary [`Plan`], written and read as an ordinary plan
//! file, so the file format does not change and every tool that reads a
//! plan reads a template. It lives in `format`, beside the
//! [`examples`](crate::format::examples), because both answer the same
//! question: which plans a person can start from. It uses only the model.
//!
//! [`template_of`] keeps what the next initiative can reuse and drops what
//! belonged to this one:
//!
//! - **Kept as written:** the title and summary; the objective (process,
//!   problem, impact, scope and constraints stay as text to rewrite, since a
//!   similar initiative starts from a similar process); metric names,
//!   outcomes, kinds, directions, units, methods and targets; decisions and
//!   the roles in them; the workflow split; data source and system names,
//!   descriptions, kinds and limits; control areas and names; phases
//!   (kind, name, goal, inputs, length, exit criteria); deliverables (kind
//!   and name); tasks (title, phase, length, dependencies, notes); hand-off
//!   structure (what, channel, context, turnaround, escalation); training,
//!   communications and adoption milestones by audience and measure; the
//!   feedback loops with their cadences, the support path's description and
//!   the places where output needed correction.
//! - **People:** every stakeholder stays as a *role slot* (role, function,
//!   whether affected) with the name and notes (where contact details end
//!   up) cleared, so the decision flow survives by role. Stakeholder
//!   references are kept only where they describe that flow: the roles in
//!   each decision and the approver of each phase gate. Every other owner,
//!   approver, sender and receiver (sponsor and owners included) is
//!   cleared: who does the work is chosen afresh for each initiative.
//! - **Dates:** the start date, baseline dates and milestone due dates.
//! - **Actuals:** baselines and measured values; statuses go back to their
//!   first state (tasks to do, phases and deliverables not started,
//!   controls and change work planned, integrations and reviews not
//!   started); data source assessments back to not assessed; exit criteria
//!   and use-case fit unticked; deliverable links and control evidence
//!   (where this initiative's documents live) cleared; the diagnosed cause
//!   and findings of each correction hot spot cleared.
//! - **Risk answers** are kept as a starting point, since a similar
//!   initiative usually falls in the same tier, but [`REVIEW_NOTE`] is put
//!   at the head of the risk notes so a person checks each answer: the tier
//!   drives which controls are required, and a carried-over answer must not
//!   pass unread.
//!
//! Invariants (tested): every id and every reference left in a template
//! still resolves, so a template gets no dangling-reference finding its plan
//! did not have; and a template of a template is the template itself.
//!
//! ```
//! use planwright_core::format::{examples::example, template::template_of};
//!
//! let plan = example("finance").expect("a shipped example");
//! let template = template_of(&plan);
//! assert_eq!(template.tasks.len(), plan.tasks.len());
//! assert!(template.start_date.is_none());
//! assert!(template.stakeholders.iter().all(|s| s.name.is_empty()));
//! assert_eq!(template_of(&template), template);
//! ```

use crate::model::*;

/// The sentence put at the head of a template's risk notes when it carries
/// risk answers over, asking for them to be checked.
pub const REVIEW_NOTE: &str =
    "These answers come from a template: check each one for this initiative.";

/// The template of `plan`: its structure without people, dates and actuals
/// (see the module documentation for what is kept and why).
///
/// Every struct is taken apart field by field, so a field added to the model
/// does not compile here until someone decides whether templates keep it.
pub fn template_of(plan: &Plan) -> Plan {
    let Plan {
        title,
        summary,
        start_date: _,
        objective,
        metrics,
        ownership,
        stakeholders,
        decisions,
        workflow,
        data_sources,
        systems,
        risk,
        controls,
        phases,
        deliverables,
        tasks,
        handoffs,
        change,
        feedback,
    } = plan;
    Plan {
        title: title.clone(),
        summary: summary.clone(),
        start_date: None,
        objective: objective_of(objective),
        metrics: metrics.iter().map(metric_of).collect(),
        ownership: ownership_of(ownership),
        stakeholders: stakeholders.iter().map(stakeholder_of).collect(),
        decisions: decisions.clone(),
        workflow: workflow.iter().map(step_of).collect(),
        data_sources: data_sources.iter().map(source_of).collect(),
        systems: systems.iter().map(system_of).collect(),
        risk: risk_of(risk),
        controls: controls.iter().map(control_of).collect(),
        phases: phases.iter().map(phase_of).collect(),
        deliverables: deliverables.iter().map(deliverable_of).collect(),
        tasks: tasks.iter().map(task_of).collect(),
        handoffs: handoffs.iter().map(handoff_of).collect(),
        change: change_of(change),
        feedback: feedback_of(feedback),
    }
}

fn objective_of(o: &Objective) -> Objective {
    let Objective {
        process,
        problem,
        impact,
        in_scope,
        out_of_scope,
        constraints,
        fit: _,
    } = o;
    Objective {
        process: process.clone(),
        problem: problem.clone(),
        impact: impact.clone(),
        in_scope: in_scope.clone(),
        out_of_scope: out_of_scope.clone(),
        constraints: constraints.clone(),
        // Each tick is a judgement about this use case (its users, its
        // data, its owner), made again for the next one.
        fit: UseCaseFit::default(),
    }
}

fn metric_of(m: &Metric) -> Metric {
    let Metric {
        id,
        name,
        outcome,
        kind,
        direction,
        unit,
        baseline: _,
        baseline_date: _,
        target,
        method,
        owner: _,
        actual: _,
    } = m;
    Metric {
        id: id.clone(),
        name: name.clone(),
        outcome: outcome.clone(),
        kind: *kind,
        direction: *direction,
        unit: unit.clone(),
        baseline: None,
        baseline_date: None,
        // A target is a plan, not a measurement: a starting point to adjust.
        target: *target,
        method: method.clone(),
        owner: None,
        actual: None,
    }
}

fn ownership_of(o: &Ownership) -> Ownership {
    let Ownership {
        sponsor: _,
        initiative_owner: _,
        business_owner: _,
        accountability,
    } = o;
    Ownership {
        accountability: accountability.clone(),
        ..Ownership::default()
    }
}

fn stakeholder_of(s: &Stakeholder) -> Stakeholder {
    let Stakeholder {
        id,
        name: _,
        role,
        function,
        affected,
        notes: _,
    } = s;
    Stakeholder {
        id: id.clone(),
        name: String::new(),
        role: role.clone(),
        function: *function,
        affected: *affected,
        notes: String::new(),
    }
}

fn step_of(s: &WorkflowStep) -> WorkflowStep {
    WorkflowStep {
        owner: None,
        ..s.clone()
    }
}

fn source_of(d: &DataSource) -> DataSource {
    let DataSource {
        id,
        name,
        description,
        owner: _,
        quality: _,
        accessibility: _,
        access_approval: _,
        compliance: _,
        personal_data,
        regulated_data,
        production_representative: _,
    } = d;
    DataSource {
        id: id.clone(),
        name: name.clone(),
        description: description.clone(),
        // What the data holds is a property of the source; how ready it is
        // gets assessed again.
        personal_data: *personal_data,
        regulated_data: *regulated_data,
        ..DataSource::default()
    }
}

fn system_of(s: &System) -> System {
    let System {
        id,
        name,
        role,
        owner: _,
        integration: _,
        security_review: _,
        limits,
    } = s;
    System {
        id: id.clone(),
        name: name.clone(),
        role: *role,
        limits: limits.clone(),
        ..System::default()
    }
}

fn risk_of(r: &RiskAnswers) -> RiskAnswers {
    let RiskAnswers {
        prohibited,
        high_risk_areas,
        interacts_with_people,
        generates_content,
        affects_rights,
        autonomy,
        personal_data,
        notes,
    } = r;
    let answered = prohibited.is_some()
        || high_risk_areas.is_some()
        || interacts_with_people.is_some()
        || generates_content.is_some()
        || affects_rights.is_some()
        || autonomy.is_some()
        || personal_data.is_some();
    let notes = if !answered || notes.starts_with(REVIEW_NOTE) {
        notes.clone()
    } else if notes.trim().is_empty() {
        REVIEW_NOTE.to_string()
    } else {
        format!("{REVIEW_NOTE}\n{notes}")
    };
    RiskAnswers { notes, ..r.clone() }
}

fn control_of(c: &Control) -> Control {
    let Control {
        id,
        area,
        name,
        status: _,
        owner: _,
        evidence: _,
    } = c;
    Control {
        id: id.clone(),
        area: *area,
        name: name.clone(),
        ..Control::default()
    }
}

fn phase_of(p: &Phase) -> Phase {
    let Phase {
        id,
        kind,
        name,
        goal,
        owner: _,
        inputs,
        duration_weeks,
        status: _,
        exit_criteria,
        gate_approvers,
    } = p;
    Phase {
        id: id.clone(),
        kind: *kind,
        name: name.clone(),
        goal: goal.clone(),
        owner: None,
        inputs: inputs.clone(),
        duration_weeks: *duration_weeks,
        status: PhaseStatus::NotStarted,
        exit_criteria: exit_criteria
            .iter()
            .map(|c| Criterion {
                met: false,
                ..c.clone()
            })
            .collect(),
        // Who decides a gate is decision flow by role, like a decision's roles.
        gate_approvers: gate_approvers.clone(),
    }
}

fn deliverable_of(d: &Deliverable) -> Deliverable {
    let Deliverable {
        id,
        kind,
        name,
        status: _,
        owner: _,
        approver: _,
        link: _,
    } = d;
    Deliverable {
        id: id.clone(),
        kind: *kind,
        name: name.clone(),
        ..Deliverable::default()
    }
}

fn task_of(t: &Task) -> Task {
    let Task {
        id,
        title,
        phase,
        owner: _,
        duration_days,
        depends_on,
        status: _,
        notes,
    } = t;
    Task {
        id: id.clone(),
        title: title.clone(),
        phase: phase.clone(),
        owner: None,
        duration_days: *duration_days,
        depends_on: depends_on.clone(),
        status: TaskStatus::Todo,
        notes: notes.clone(),
    }
}

fn handoff_of(h: &Handoff) -> Handoff {
    Handoff {
        from: None,
        to: None,
        approver: None,
        ..h.clone()
    }
}

fn change_of(c: &ChangePlan) -> ChangePlan {
    let ChangePlan {
        training,
        communications,
        milestones,
        leadership,
        literacy,
    } = c;
    ChangePlan {
        training: training
            .iter()
            .map(|t| Training {
                owner: None,
                status: WorkStatus::Planned,
                ..t.clone()
            })
            .collect(),
        communications: communications
            .iter()
            .map(|m| Communication {
                owner: None,
                ..m.clone()
            })
            .collect(),
        milestones: milestones
            .iter()
            .map(|m| AdoptionMilestone {
                due: None,
                owner: None,
                status: WorkStatus::Planned,
                ..m.clone()
            })
            .collect(),
        leadership: leadership.clone(),
        literacy: literacy.clone(),
    }
}

fn feedback_of(f: &FeedbackPlan) -> FeedbackPlan {
    let FeedbackPlan {
        loops,
        flagging,
        support,
        model_review,
        hotspots,
    } = f;
    FeedbackPlan {
        loops: loops
            .iter()
            .map(|l| FeedbackLoop {
                owner: None,
                ..l.clone()
            })
            .collect(),
        flagging: flagging.clone(),
        support: SupportPath {
            description: support.description.clone(),
            owner: None,
        },
        model_review: model_review.clone(),
        // Where output needed correction is worth watching next time; what
        // was found there and why belongs to this deployment.
        hotspots: hotspots
            .iter()
            .map(|h| Hotspot {
                id: h.id.clone(),
                area: h.area.clone(),
                ..Hotspot::default()
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::validate::validate;
    use crate::format::examples::{example, EXAMPLES};
    use crate::testing::{random_plan, rich};

    fn dangling(plan: &Plan) -> Vec<String> {
        validate(plan)
            .into_iter()
            .filter(|f| f.code == "dangling-ref")
            .map(|f| f.path)
            .collect()
    }

    fn plans() -> Vec<(String, Plan)> {
        let mut out: Vec<(String, Plan)> = EXAMPLES
            .iter()
            .filter_map(|e| Some((e.key.to_string(), example(e.key)?)))
            .collect();
        out.push(("rich".into(), rich()));
        out.push(("random".into(), random_plan(200, 3)));
        out
    }

    #[test]
    fn templates_add_no_dangling_reference() {
        for (name, plan) in plans() {
            let before = dangling(&plan);
            let after = dangling(&template_of(&plan));
            assert!(
                after.iter().all(|p| before.contains(p)),
                "{name}: new dangling references {after:?}"
            );
        }
        for e in EXAMPLES {
            let plan = example(e.key).expect("a shipped example");
            assert_eq!(
                dangling(&template_of(&plan)),
                Vec::<String>::new(),
                "{}",
                e.key
            );
        }
    }

    #[test]
    fn people_dates_and_actuals_are_gone() {
        for (name, plan) in plans() {
            let t = template_of(&plan);
            assert_eq!(t.start_date, None, "{name}");
            assert!(t
                .stakeholders
                .iter()
                .all(|s| s.name.is_empty() && s.notes.is_empty()));
            // Only decision roles and gate approvers still name a stakeholder.
            let refs: Vec<String> = stakeholder_refs(&t).into_iter().map(|(p, _)| p).collect();
            assert!(
                refs.iter()
                    .all(|p| p.starts_with("decisions[") || p.contains(".gate_approvers[")),
                "{name}: {refs:?}"
            );
            assert!(t
                .metrics
                .iter()
                .all(|m| m.baseline.is_none() && m.actual.is_none() && m.baseline_date.is_none()));
            assert!(t.tasks.iter().all(|x| x.status == TaskStatus::Todo));
            assert!(t
                .phases
                .iter()
                .all(|p| p.status == PhaseStatus::NotStarted
                    && p.exit_criteria.iter().all(|c| !c.met)));
            assert!(t
                .controls
                .iter()
                .all(|c| c.status == ControlStatus::Planned));
            assert!(t
                .deliverables
                .iter()
                .all(|d| d.status == DeliverableStatus::NotStarted && d.link.is_empty()));
            assert!(t.change.milestones.iter().all(|m| m.due.is_none()));
            assert!(t
                .data_sources
                .iter()
                .all(|d| d.quality == Quality::Unknown && d.production_representative.is_none()));
            assert_eq!(t.objective.fit, UseCaseFit::default());
        }
    }

    #[test]
    fn structure_is_kept() {
        for (name, plan) in plans() {
            let t = template_of(&plan);
            let shape = |p: &Plan| -> Vec<Task> {
                p.tasks
                    .iter()
                    .map(|x| Task {
                        owner: None,
                        status: TaskStatus::Todo,
                        ..x.clone()
                    })
                    .collect()
            };
            assert_eq!(t.tasks, shape(&plan), "{name}");
            assert_eq!(t.phases.len(), plan.phases.len());
            assert_eq!(t.decisions, plan.decisions);
            assert_eq!(t.objective.process, plan.objective.process);
            let roles = |p: &Plan| -> Vec<(String, Function)> {
                p.stakeholders
                    .iter()
                    .map(|s| (s.role.clone(), s.function))
                    .collect()
            };
            assert_eq!(roles(&t), roles(&plan));
            let controls = |p: &Plan| -> Vec<(ControlArea, String)> {
                p.controls
                    .iter()
                    .map(|c| (c.area, c.name.clone()))
                    .collect()
            };
            assert_eq!(controls(&t), controls(&plan));
            assert_eq!(t.risk.autonomy, plan.risk.autonomy);
        }
    }

    #[test]
    fn carried_risk_answers_are_marked_for_review_once() {
        let mut plan = Plan::blank();
        assert_eq!(
            template_of(&plan).risk.notes,
            "",
            "nothing answered, nothing to check"
        );
        plan.risk.generates_content = Some(true);
        assert_eq!(template_of(&plan).risk.notes, REVIEW_NOTE);
        plan.risk.notes = "Drafts only.".into();
        let t = template_of(&plan);
        assert_eq!(t.risk.notes, format!("{REVIEW_NOTE}\nDrafts only."));
        assert_eq!(template_of(&t).risk.notes, t.risk.notes);
    }

    #[test]
    fn a_template_of_a_template_is_itself() {
        for (name, plan) in plans() {
            let t = template_of(&plan);
            assert_eq!(template_of(&t), t, "{name}");
        }
    }
}
