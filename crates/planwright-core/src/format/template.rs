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
/// The plan is cloned once and then cleared in place, which keeps this small
/// in the browser's wasm. Every struct is still taken apart field by field
/// (`_` for a field that is kept as it is), so a field added to the model
/// does not compile here until someone decides whether templates keep it.
pub fn template_of(plan: &Plan) -> Plan {
    let mut template = plan.clone();
    let Plan {
        title: _,
        summary: _,
        start_date,
        objective,
        metrics,
        ownership,
        stakeholders,
        decisions: _,
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
        calendar,
        as_of,
        baselines,
        conflicts,
    } = &mut template;
    *start_date = None;
    *as_of = None;
    // Snapshots and open merge questions belong to this plan's history.
    baselines.clear();
    conflicts.clear();
    clear_calendar(calendar);
    clear_objective(objective);
    metrics.iter_mut().for_each(clear_metric);
    clear_ownership(ownership);
    stakeholders.iter_mut().for_each(clear_stakeholder);
    workflow.iter_mut().for_each(clear_step);
    data_sources.iter_mut().for_each(clear_source);
    systems.iter_mut().for_each(clear_system);
    mark_risk(risk);
    controls.iter_mut().for_each(clear_control);
    phases.iter_mut().for_each(clear_phase);
    deliverables.iter_mut().for_each(clear_deliverable);
    tasks.iter_mut().for_each(clear_task);
    handoffs.iter_mut().for_each(clear_handoff);
    clear_change(change);
    clear_feedback(feedback);
    template
}

fn clear_calendar(c: &mut Calendar) {
    let Calendar {
        // Which weekdays a team works carries over; dated closures and
        // people's days off belong to this plan's year and people.
        working_weekdays: _,
        closures,
        days_off,
    } = c;
    closures.clear();
    days_off.clear();
}

fn clear_objective(o: &mut Objective) {
    let Objective {
        process: _,
        problem: _,
        impact: _,
        in_scope: _,
        out_of_scope: _,
        constraints: _,
        fit,
    } = o;
    // Each tick is a judgement about this use case (its users, its data,
    // its owner), made again for the next one.
    *fit = UseCaseFit::default();
}

fn clear_metric(m: &mut Metric) {
    let Metric {
        id: _,
        name: _,
        outcome: _,
        kind: _,
        direction: _,
        unit: _,
        baseline,
        baseline_date,
        // A target is a plan, not a measurement: a starting point to adjust.
        target: _,
        method: _,
        owner,
        actual,
        actual_date,
        history,
    } = m;
    *actual_date = None;
    history.clear();
    *baseline = None;
    *baseline_date = None;
    *owner = None;
    *actual = None;
}

fn clear_ownership(o: &mut Ownership) {
    let Ownership {
        sponsor,
        initiative_owner,
        business_owner,
        accountability: _,
    } = o;
    *sponsor = None;
    *initiative_owner = None;
    *business_owner = None;
}

fn clear_stakeholder(s: &mut Stakeholder) {
    let Stakeholder {
        id: _,
        name,
        role: _,
        function: _,
        affected: _,
        notes,
    } = s;
    name.clear();
    notes.clear();
}

fn clear_step(s: &mut WorkflowStep) {
    let WorkflowStep {
        id: _,
        name: _,
        ai_role: _,
        human_role: _,
        owner,
        carries_risk: _,
        notes: _,
    } = s;
    *owner = None;
}

fn clear_source(d: &mut DataSource) {
    let DataSource {
        id: _,
        name: _,
        description: _,
        owner,
        quality,
        accessibility,
        access_approval,
        compliance,
        // What the data holds is a property of the source; how ready it is
        // gets assessed again.
        personal_data: _,
        regulated_data: _,
        production_representative,
    } = d;
    *owner = None;
    *quality = Quality::Unknown;
    *accessibility = Accessibility::Unknown;
    *access_approval = AccessApproval::NotRequested;
    *compliance = Compliance::Unknown;
    *production_representative = None;
}

fn clear_system(s: &mut System) {
    let System {
        id: _,
        name: _,
        role: _,
        owner,
        integration,
        security_review,
        limits: _,
    } = s;
    *owner = None;
    *integration = IntegrationStatus::NotStarted;
    *security_review = ReviewStatus::NotStarted;
}

fn mark_risk(r: &mut RiskAnswers) {
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
    if !answered || notes.starts_with(REVIEW_NOTE) {
        return;
    }
    *notes = if notes.trim().is_empty() {
        REVIEW_NOTE.to_string()
    } else {
        format!("{REVIEW_NOTE}\n{notes}")
    };
}

fn clear_control(c: &mut Control) {
    let Control {
        id: _,
        area: _,
        name: _,
        status,
        owner,
        evidence,
    } = c;
    *status = ControlStatus::Planned;
    *owner = None;
    evidence.clear();
}

fn clear_phase(p: &mut Phase) {
    let Phase {
        id: _,
        kind: _,
        name: _,
        goal: _,
        owner,
        inputs: _,
        duration_weeks: _,
        status,
        exit_criteria,
        // Who decides a gate is decision flow by role, like a decision's roles.
        gate_approvers: _,
        decision,
    } = p;
    *owner = None;
    *status = PhaseStatus::NotStarted;
    // A decision is this plan's; what the phase taught is for the next one.
    *decision = GateDecision {
        lessons: std::mem::take(&mut decision.lessons),
        ..GateDecision::default()
    };
    for c in exit_criteria {
        let Criterion {
            id: _,
            text: _,
            met,
        } = c;
        *met = false;
    }
}

fn clear_deliverable(d: &mut Deliverable) {
    let Deliverable {
        id: _,
        kind: _,
        name: _,
        status,
        owner,
        approver,
        link,
    } = d;
    *status = DeliverableStatus::NotStarted;
    *owner = None;
    *approver = None;
    link.clear();
}

fn clear_task(t: &mut Task) {
    let Task {
        id: _,
        title: _,
        phase: _,
        owner,
        duration_days: _,
        depends_on: _,
        status,
        notes: _,
        actual_start,
        actual_finish,
        percent_complete,
    } = t;
    *owner = None;
    *status = TaskStatus::Todo;
    *actual_start = None;
    *actual_finish = None;
    *percent_complete = None;
}

fn clear_handoff(h: &mut Handoff) {
    let Handoff {
        id: _,
        name: _,
        from,
        to,
        approver,
        channel: _,
        context: _,
        turnaround_days: _,
        escalation: _,
    } = h;
    *from = None;
    *to = None;
    *approver = None;
}

fn clear_change(c: &mut ChangePlan) {
    let ChangePlan {
        training,
        communications,
        milestones,
        leadership: _,
        literacy: _,
    } = c;
    for t in training {
        let Training {
            id: _,
            audience: _,
            topic: _,
            owner,
            status,
        } = t;
        *owner = None;
        *status = WorkStatus::Planned;
    }
    for m in communications {
        let Communication {
            id: _,
            audience: _,
            message: _,
            channel: _,
            timing: _,
            owner,
        } = m;
        *owner = None;
    }
    for m in milestones {
        let AdoptionMilestone {
            id: _,
            name: _,
            measure: _,
            due,
            owner,
            status,
        } = m;
        *due = None;
        *owner = None;
        *status = WorkStatus::Planned;
    }
}

fn clear_feedback(f: &mut FeedbackPlan) {
    let FeedbackPlan {
        loops,
        flagging: _,
        support,
        model_review: _,
        hotspots,
    } = f;
    for l in loops {
        let FeedbackLoop {
            id: _,
            signal: _,
            cadence: _,
            owner,
            threshold: _,
            action: _,
        } = l;
        *owner = None;
    }
    let SupportPath {
        description: _,
        owner,
    } = support;
    *owner = None;
    // Where output needed correction is worth watching next time; what was
    // found there and why belongs to this deployment.
    for h in hotspots {
        let Hotspot {
            id: _,
            area: _,
            cause,
            notes,
        } = h;
        *cause = HotspotCause::Undiagnosed;
        notes.clear();
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
