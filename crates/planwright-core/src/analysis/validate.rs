//! Findings about a plan: what is wrong (errors) and what is missing or weak
//! (warnings), each with the path of the field it concerns.
//!
//! Contract: [`validate`] never fails and never panics. A half-filled plan
//! yields warnings only; errors are reserved for contradictions a person must
//! resolve (a reference to something that does not exist, two things with one
//! id, two people accountable for one decision, a risk-bearing step with no
//! human in it, tasks whose dependencies loop). Findings come out in template
//! order so they read top-down.
//!
//! Cost: linear in the size of the plan, plus one run of
//! [`schedule`](crate::analysis::schedule::schedule) to find dependency loops, which
//! roughly doubles the work when the caller also schedules the plan. Callers
//! that already hold the schedule (as [`analyze`](crate::analysis::analyze)
//! returns it) pass it to [`validate_scheduled`] instead and order the tasks
//! once.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::analysis::schedule::{dependency_cycle, schedule, CycleError, Schedule};
use crate::choice::Choice;
use crate::model::{
    defined_ids, stakeholder_refs, AccessApproval, Compliance, DecisionRole, HumanRole, Id,
    MetricKind, PhaseKind, Plan, ReviewStatus,
};
use crate::text::{and_list, cap, named, quoted};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something contradicts itself and must be fixed.
    Error,
    /// Something is missing or weak; normal while a plan is being written.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing validation found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code naming the check, for tests and tools (`dangling-ref`).
    pub code: &'static str,
    /// Where in the plan, as a path such as `tasks[3].depends_on[0]`.
    pub path: String,
    /// What is wrong and how to put it right, for a person.
    pub message: String,
}

/// True when any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

struct Out(Vec<Finding>);

impl Out {
    fn error(&mut self, code: &'static str, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Finding {
            severity: Severity::Error,
            code,
            path: path.into(),
            message: message.into(),
        });
    }
    fn warn(&mut self, code: &'static str, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Finding {
            severity: Severity::Warning,
            code,
            path: path.into(),
            message: message.into(),
        });
    }
}

/// Checks a plan and returns its findings in template order.
///
/// ```
/// use planwright_core::model::{Id, Plan, Task};
/// use planwright_core::analysis::validate::validate;
///
/// let task = |id: &str, dep: &str| Task {
///     id: Id::from(id),
///     title: format!("Task {id}"),
///     depends_on: vec![Id::from(dep)],
///     ..Task::default()
/// };
/// let mut plan = Plan::blank();
/// plan.tasks = vec![task("a", "b"), task("b", "a")];
/// let loops: Vec<_> = validate(&plan).into_iter().filter(|f| f.code == "task-cycle").collect();
/// assert_eq!(loops.len(), 1);
/// assert_eq!(loops[0].path, "tasks[0].depends_on");
/// ```
pub fn validate(plan: &Plan) -> Vec<Finding> {
    validate_scheduled(plan, &schedule(plan))
}

/// Checks a plan whose schedule is already worked out, so the tasks are not
/// ordered a second time: pass the `schedule` of an
/// [`Analysis`](crate::analysis::Analysis) of the same plan. The findings are
/// those of [`validate`] as long as `schedule` belongs to `plan`; only its
/// dependency loops are read.
pub fn validate_scheduled(plan: &Plan, schedule: &Result<Schedule, CycleError>) -> Vec<Finding> {
    let mut out = Out(Vec::new());
    check_ids(plan, &mut out);
    check_objective(plan, &mut out);
    check_metrics(plan, &mut out);
    check_ownership(plan, &mut out);
    check_decisions(plan, &mut out);
    check_workflow(plan, &mut out);
    check_data(plan, &mut out);
    check_systems(plan, &mut out);
    check_risk_and_controls(plan, &mut out);
    check_phases(plan, &mut out);
    check_tasks(plan, &mut out);
    check_progress(plan, &mut out);
    check_calendar(plan, &mut out);
    if let Err(loops) = schedule {
        check_cycles(plan, loops, &mut out);
    }
    check_handoffs(plan, &mut out);
    check_change_and_feedback(plan, &mut out);
    let mut findings = out.0;
    // Stable order: by section as produced, errors first within a path.
    findings.dedup();
    findings
}

fn check_ids(plan: &Plan, out: &mut Out) {
    let mut first_seen: HashMap<&str, String> = HashMap::new();
    for (path, id) in defined_ids(plan) {
        if id.0.trim().is_empty() {
            out.error(
                "empty-id",
                path,
                "This item has no id; give it a short unique id so others can refer to it.",
            );
            continue;
        }
        match first_seen.get(id.as_str()) {
            Some(first) => out.error(
                "duplicate-id",
                path,
                format!("The id '{id}' is already used at {first}; ids must be unique in a plan."),
            ),
            None => {
                first_seen.insert(id.as_str(), path);
            }
        }
    }
    let people: HashSet<&str> = plan.stakeholders.iter().map(|s| s.id.as_str()).collect();
    for (path, id) in stakeholder_refs(plan) {
        if !people.contains(id.as_str()) {
            out.error(
                "dangling-ref",
                path,
                format!("No stakeholder has the id '{id}'; add them to the stakeholders or pick someone else."),
            );
        }
    }
}

fn check_objective(plan: &Plan, out: &mut Out) {
    let o = &plan.objective;
    if o.process.trim().is_empty() {
        out.warn(
            "objective-process",
            "objective.process",
            "Name the existing business process this improves; start from the process, not from the technology.",
        );
    }
    if o.problem.trim().is_empty() {
        out.warn(
            "objective-problem",
            "objective.problem",
            "Describe what goes wrong today in business terms.",
        );
    }
    if o.impact.trim().is_empty() {
        out.warn(
            "objective-impact",
            "objective.impact",
            "State the business impact expected if this works.",
        );
    }
    if o.out_of_scope.iter().all(|s| s.trim().is_empty()) {
        out.warn(
            "objective-out-of-scope",
            "objective.out_of_scope",
            "Say what is explicitly out of scope, so the pilot cannot quietly grow.",
        );
    }
}

fn check_metrics(plan: &Plan, out: &mut Out) {
    if plan.metrics.is_empty() {
        out.warn(
            "metrics-none",
            "metrics",
            "Add at least one success metric tied to a business outcome.",
        );
        return;
    }
    if !plan.metrics.iter().any(|m| m.kind == MetricKind::Outcome) {
        out.warn(
            "metrics-no-outcome",
            "metrics",
            "No metric measures a business outcome; usage or model accuracy alone does not show value.",
        );
    }
    for (i, m) in plan.metrics.iter().enumerate() {
        let name = named(&m.name, "metric", i);
        let at = |field: &str| format!("metrics[{i}].{field}");
        if m.name.trim().is_empty() {
            out.warn("metric-name", at("name"), "Give the metric a name.");
        }
        if m.baseline.is_none() {
            out.warn(
                "metric-baseline",
                at("baseline"),
                format!("{} has no baseline; measure it before any optimization or improvement cannot be shown.", cap(&name)),
            );
        }
        if m.target.is_none() {
            out.warn(
                "metric-target",
                at("target"),
                format!("{} has no target.", cap(&name)),
            );
        }
        if m.owner.is_none() {
            out.warn(
                "metric-owner",
                at("owner"),
                format!("{} has no owner.", cap(&name)),
            );
        }
        if m.method.trim().is_empty() {
            out.warn(
                "metric-method",
                at("method"),
                format!("Say how {name} is measured."),
            );
        }
        if let (Some(b), Some(t)) = (m.baseline, m.target) {
            let wrong_way = match m.direction {
                crate::model::Direction::Decrease => t > b,
                crate::model::Direction::Increase => t < b,
            };
            if wrong_way {
                out.warn(
                    "metric-direction",
                    at("target"),
                    format!(
                        "The target of {name} is on the wrong side of its baseline for '{}'.",
                        m.direction.label()
                    ),
                );
            }
        }
    }
}

fn check_ownership(plan: &Plan, out: &mut Out) {
    let o = &plan.ownership;
    if o.sponsor.is_none() {
        out.warn(
            "owner-sponsor",
            "ownership.sponsor",
            "Name an executive sponsor.",
        );
    }
    if o.initiative_owner.is_none() {
        out.warn(
            "owner-initiative",
            "ownership.initiative_owner",
            "Name an initiative owner accountable for outcomes, not only delivery.",
        );
    }
    if o.business_owner.is_none() {
        out.warn(
            "owner-business",
            "ownership.business_owner",
            "Name a business owner who will keep improving the workflow after launch.",
        );
    }
    if let (Some(a), Some(b), Some(c)) = (&o.sponsor, &o.initiative_owner, &o.business_owner) {
        if a == b && b == c {
            out.warn(
                "owner-single-champion",
                "ownership",
                "One person holds every ownership role; a single champion is fragile, so build a coalition.",
            );
        }
    }
    if plan.stakeholders.is_empty() {
        out.warn(
            "stakeholders-none",
            "stakeholders",
            "List the people who prepare, review, decide or are affected.",
        );
    }
    for (i, s) in plan.stakeholders.iter().enumerate() {
        if s.name.trim().is_empty() {
            out.warn(
                "stakeholder-name",
                format!("stakeholders[{i}].name"),
                "Give this stakeholder a name.",
            );
        }
    }
}

fn check_decisions(plan: &Plan, out: &mut Out) {
    for (i, d) in plan.decisions.iter().enumerate() {
        let name = named(&d.title, "decision", i);
        let approvers = d
            .roles
            .iter()
            .filter(|r| r.role == DecisionRole::Approves)
            .count();
        match approvers {
            0 => out.warn(
                "decision-no-approver",
                format!("decisions[{i}].roles"),
                format!(
                    "{} has no one who approves it; exactly one person should be accountable.",
                    cap(&name)
                ),
            ),
            1 => {}
            n => out.error(
                "decision-many-approvers",
                format!("decisions[{i}].roles"),
                format!(
                    "{} has {n} approvers; exactly one person can be accountable for a decision.",
                    cap(&name)
                ),
            ),
        }
        for (j, r) in d.roles.iter().enumerate() {
            if r.stakeholder.is_none() {
                out.warn(
                    "decision-role-empty",
                    format!("decisions[{i}].roles[{j}].stakeholder"),
                    format!("Pick who {} in {name}.", r.role.label().to_lowercase()),
                );
            }
        }
        if d.on_disagreement.trim().is_empty() {
            out.warn(
                "decision-disagreement",
                format!("decisions[{i}].on_disagreement"),
                format!("Say what happens when people disagree on {name}."),
            );
        }
    }
}

fn check_workflow(plan: &Plan, out: &mut Out) {
    for (i, s) in plan.workflow.iter().enumerate() {
        let name = named(&s.name, "step", i);
        if s.carries_risk && s.human_role == HumanRole::None {
            out.error(
                "workflow-ai-owns-risk",
                format!("workflow[{i}].human_role"),
                format!("{} carries risk but no person has a part in it; a person must approve, decide or own the risk.", cap(&name)),
            );
        }
        if s.owner.is_none() {
            out.warn(
                "workflow-owner",
                format!("workflow[{i}].owner"),
                format!("{} has no owner.", cap(&name)),
            );
        }
    }
}

fn check_data(plan: &Plan, out: &mut Out) {
    for (i, d) in plan.data_sources.iter().enumerate() {
        let name = named(&d.name, "data source", i);
        let at = |field: &str| format!("data_sources[{i}].{field}");
        let sensitive = d.personal_data || d.regulated_data;
        if d.owner.is_none() {
            out.warn(
                "data-owner",
                at("owner"),
                format!("{} has no owner.", cap(&name)),
            );
        }
        if sensitive && d.access_approval == AccessApproval::Denied {
            out.error(
                "data-access-denied",
                at("access_approval"),
                format!("Access to {name}, which holds personal or regulated data, was denied; drop it from the plan or get the decision reversed."),
            );
        } else if sensitive && d.access_approval != AccessApproval::Granted {
            out.warn(
                "data-access-approval",
                at("access_approval"),
                format!(
                    "{} holds personal or regulated data and access is not yet approved.",
                    cap(&name)
                ),
            );
        }
        if sensitive && d.compliance != Compliance::Cleared {
            out.warn(
                "data-compliance",
                at("compliance"),
                format!(
                    "{} holds personal or regulated data and has not been cleared by compliance.",
                    cap(&name)
                ),
            );
        }
        if d.production_representative == Some(false) {
            out.warn(
                "data-curated",
                at("production_representative"),
                format!("{} is not like production data; a pilot on curated data proves little about production.", cap(&name)),
            );
        }
    }
}

fn check_systems(plan: &Plan, out: &mut Out) {
    for (i, s) in plan.systems.iter().enumerate() {
        let name = named(&s.name, "system", i);
        if s.security_review == ReviewStatus::Failed {
            out.warn(
                "system-security-failed",
                format!("systems[{i}].security_review"),
                format!(
                    "{} failed its security review; resolve the findings before integration.",
                    cap(&name)
                ),
            );
        }
        if s.owner.is_none() {
            out.warn(
                "system-owner",
                format!("systems[{i}].owner"),
                format!("{} has no owner.", cap(&name)),
            );
        }
    }
}

fn check_risk_and_controls(plan: &Plan, out: &mut Out) {
    if let Some(practices) = &plan.risk.prohibited {
        for (j, p) in practices.iter().enumerate() {
            out.error(
                "risk-prohibited",
                format!("risk.prohibited[{j}]"),
                format!(
                    "'{}' is a prohibited practice; this use cannot be deployed as described.",
                    p.label()
                ),
            );
        }
    }
    for (i, c) in plan.controls.iter().enumerate() {
        if c.owner.is_none() {
            let name = quoted(&c.name, c.area.label());
            out.warn(
                "control-owner",
                format!("controls[{i}].owner"),
                format!("The control {name} has no owner."),
            );
        }
    }
}

fn check_phases(plan: &Plan, out: &mut Out) {
    if plan.phases.is_empty() {
        out.warn("phases-none", "phases", "Add the phases of the roadmap.");
    }
    for (i, p) in plan.phases.iter().enumerate() {
        let name = named(&p.name, "phase", i);
        let at = |field: &str| format!("phases[{i}].{field}");
        if p.owner.is_none() {
            out.warn(
                "phase-owner",
                at("owner"),
                format!("{} has no owner.", cap(&name)),
            );
        }
        let built_in = matches!(
            p.kind,
            PhaseKind::Foundation | PhaseKind::Deployment | PhaseKind::Optimization
        );
        if !built_in && p.exit_criteria.iter().all(|c| c.text.trim().is_empty()) {
            out.warn(
                "phase-exit-criteria",
                at("exit_criteria"),
                format!("{} has no exit criteria for its gate.", cap(&name)),
            );
        }
        match p.gate_approvers.len() {
            0 => out.warn("phase-no-approver", at("gate_approvers"), format!("No one approves the gate out of {name}.")),
            1 => {}
            n => out.error(
                "phase-many-approvers",
                at("gate_approvers"),
                format!("The gate out of {name} has {n} approvers; exactly one person should decide it."),
            ),
        }
    }
}

fn check_tasks(plan: &Plan, out: &mut Out) {
    let phases: HashSet<&str> = plan.phases.iter().map(|p| p.id.as_str()).collect();
    // Each task id with the first task that has it, for naming dependencies.
    let mut tasks: HashMap<&str, (usize, &str)> = HashMap::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        tasks.entry(t.id.as_str()).or_insert((i, t.title.as_str()));
    }
    for (i, t) in plan.tasks.iter().enumerate() {
        let name = named(&t.title, "task", i);
        if let Some(phase) = &t.phase {
            if !phases.contains(phase.as_str()) {
                out.error(
                    "dangling-ref",
                    format!("tasks[{i}].phase"),
                    format!(
                        "{} is in a phase that is not in the plan (id '{phase}'); pick one of the plan's phases.",
                        cap(&name)
                    ),
                );
            }
        }
        let mut seen: HashSet<&Id> = HashSet::new();
        for (j, dep) in t.depends_on.iter().enumerate() {
            let path = format!("tasks[{i}].depends_on[{j}]");
            if dep == &t.id {
                out.error(
                    "task-self-dependency",
                    path,
                    format!("{} depends on itself.", cap(&name)),
                );
            } else if let Some(&(k, title)) = tasks.get(dep.as_str()) {
                if !seen.insert(dep) {
                    out.warn(
                        "task-duplicate-dependency",
                        path,
                        format!(
                            "{} lists {} twice as a dependency.",
                            cap(&name),
                            named(title, "task", k)
                        ),
                    );
                }
            } else {
                out.error(
                    "dangling-ref",
                    path,
                    format!(
                        "{} depends on a task that is not in the plan (id '{dep}'); remove the dependency or pick another task.",
                        cap(&name)
                    ),
                );
            }
        }
    }
}

/// Actuals that contradict each other, and gate decisions that do not say
/// who decided.
fn check_progress(plan: &Plan, out: &mut Out) {
    use crate::model::{GateOutcome, TaskStatus};
    for (i, t) in plan.tasks.iter().enumerate() {
        let name = named(&t.title, "task", i);
        if let (Some(a), Some(b)) = (t.actual_start, t.actual_finish) {
            if b < a {
                out.error(
                    "task-actual-reversed",
                    format!("tasks[{i}].actual_finish"),
                    format!("{} finished on {b}, before it started on {a}; correct one of the two days.", cap(&name)),
                );
            }
        }
        if let Some(p) = t.percent_complete.filter(|p| *p > 100) {
            out.error(
                "task-percent-over",
                format!("tasks[{i}].percent_complete"),
                format!(
                    "{} is {p}% complete; give a share from 0 to 100.",
                    cap(&name)
                ),
            );
        }
        if t.actual_finish.is_some() && t.status != TaskStatus::Done {
            out.warn(
                "task-finished-not-done",
                format!("tasks[{i}].status"),
                format!(
                    "{} has an actual finish but is marked {}; the forecast counts it as done. Mark it done, or clear the finish.",
                    cap(&name),
                    t.status.label().to_lowercase()
                ),
            );
        }
    }
    for (i, p) in plan.phases.iter().enumerate() {
        let d = &p.decision;
        if d.outcome == GateOutcome::Undecided {
            continue;
        }
        let name = named(&p.name, "phase", i);
        match &d.decided_by {
            None => out.warn(
                "gate-decision-unsigned",
                format!("phases[{i}].decision.decided_by"),
                format!("The gate decision of {name} does not say who decided; name the gate's approver."),
            ),
            Some(who) if !p.gate_approvers.is_empty() && !p.gate_approvers.contains(who) => out.warn(
                "gate-decision-not-approver",
                format!("phases[{i}].decision.decided_by"),
                format!("The gate decision of {name} was made by someone who is not among its gate approvers."),
            ),
            Some(_) => {}
        }
        if d.decided_on.is_none() {
            out.warn(
                "gate-decision-undated",
                format!("phases[{i}].decision.decided_on"),
                format!("The gate decision of {name} has no date; a decision record is evidence only with its day."),
            );
        }
    }
}

/// How far from the plan's start a calendar entry may sit before it looks
/// like a typing slip.
const CALENDAR_REACH_YEARS: i64 = 50;

/// Calendars the schedule cannot use as written: no worked weekday, ranges
/// that end before they start or have no start, entries far from the plan.
fn check_calendar(plan: &Plan, out: &mut Out) {
    let c = &plan.calendar;
    if c.working_weekdays.is_empty() {
        out.error(
            "calendar-no-working-day",
            "calendar.working_weekdays",
            "The working calendar has no worked weekday, so no work could ever be done; the schedule counts Monday to Friday until you tick the days the team works.",
        );
    }
    let mut seen = HashSet::new();
    for (j, w) in c.working_weekdays.iter().enumerate() {
        if !seen.insert(*w) {
            out.warn(
                "calendar-duplicate-weekday",
                format!("calendar.working_weekdays[{j}]"),
                format!("{} is listed twice among the worked days.", w.label()),
            );
        }
    }
    let near = |d: crate::date::Date| match plan.start_date {
        Some(s) => (d.year() - s.year()).abs() <= CALENDAR_REACH_YEARS,
        None => true,
    };
    let mut range = |list: &str,
                     i: usize,
                     what: String,
                     start: Option<crate::date::Date>,
                     end: Option<crate::date::Date>| {
        match (start, end) {
            (None, _) => out.warn(
                "calendar-no-date",
                format!("{list}[{i}].start"),
                format!("{} has no first day, so the schedule ignores it.", cap(&what)),
            ),
            (Some(a), Some(b)) if b < a => out.error(
                "calendar-range-reversed",
                format!("{list}[{i}].end"),
                format!("{} ends on {b}, before it starts on {a}, so the schedule ignores it; swap or correct the days.", cap(&what)),
            ),
            (Some(a), end) => {
                let b = end.unwrap_or(a);
                if !near(a) || !near(b) {
                    out.warn(
                        "calendar-far-date",
                        format!("{list}[{i}].start"),
                        format!("{} is more than {CALENDAR_REACH_YEARS} years from the plan's start; check the year.", cap(&what)),
                    );
                } else if b.to_days() - a.to_days() >= 366 {
                    out.warn(
                        "calendar-long-range",
                        format!("{list}[{i}].end"),
                        format!("{} runs for more than a year ({a} to {b}); check the end day.", cap(&what)),
                    );
                }
            }
        }
    };
    for (i, x) in c.closures.iter().enumerate() {
        let what = if x.name.trim().is_empty() {
            format!("closure {}", i + 1)
        } else {
            format!("the closure '{}'", x.name.trim())
        };
        range("calendar.closures", i, what, x.start, x.end);
    }
    for (i, x) in c.days_off.iter().enumerate() {
        range(
            "calendar.days_off",
            i,
            format!("days off {}", i + 1),
            x.start,
            x.end,
        );
    }
}

/// Loops in loop order are worked out for at most this many loops; each costs
/// a breadth-first search, and past a handful of loops the plan order reads
/// just as well.
const ORDERED_LOOPS: usize = 16;

/// One error per dependency loop of two or more tasks, naming every task in
/// it. A task that depends on itself is a loop of one, already reported as
/// `task-self-dependency`, so it is left out here.
fn check_cycles(plan: &Plan, loops: &CycleError, out: &mut Out) {
    let mut position: HashMap<&str, usize> = HashMap::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        position.entry(t.id.as_str()).or_insert(i);
    }
    let name = |id: &Id| loops.name(id);
    for (k, cycle) in loops.cycles.iter().enumerate() {
        if cycle.len() < 2 {
            continue;
        }
        let Some(&first) = cycle.first().and_then(|id| position.get(id.as_str())) else {
            continue;
        };
        let ordered = if k < ORDERED_LOOPS {
            loop_order(plan, cycle)
        } else {
            None
        };
        let message = match ordered {
            Some(order) => {
                let mut chain = String::new();
                for (j, id) in order.iter().chain(order.first()).enumerate() {
                    chain.push_str(match j {
                        0 => "",
                        1 => " depends on ",
                        _ => ", which depends on ",
                    });
                    chain.push_str(&name(id));
                }
                format!(
                    "These tasks depend on each other in a loop, so none of them can be scheduled: {chain}. Remove one of these dependencies to break the loop."
                )
            }
            None => {
                let names: Vec<String> = cycle.iter().map(name).collect();
                format!(
                    "{} depend on each other in a loop, so none of them can be scheduled. Remove one dependency to break the loop.",
                    cap(&and_list(&names))
                )
            }
        };
        out.error("task-cycle", format!("tasks[{first}].depends_on"), message);
    }
}

/// The tasks of a loop in the order they wait for each other, starting from
/// its first task in plan order: each depends on the next, the last on the
/// first. `None` when the loop is not one simple ring (a knot of several
/// loops sharing tasks), so no single order names every task once.
fn loop_order(plan: &Plan, cycle: &[Id]) -> Option<Vec<Id>> {
    let start = cycle.first()?;
    let task = plan.tasks.iter().find(|t| &t.id == start)?;
    let next = task
        .depends_on
        .iter()
        .find(|d| *d != start && cycle.contains(d))?;
    // The chain from `next` back to `start`, each depending on the one after.
    let chain = dependency_cycle(plan, start, next)?;
    let mut order = Vec::with_capacity(chain.len());
    order.push(start.clone());
    order.extend(chain.into_iter().filter(|id| id != start));
    let mut members: Vec<&Id> = cycle.iter().collect();
    let mut found: Vec<&Id> = order.iter().collect();
    members.sort_unstable();
    found.sort_unstable();
    found.dedup();
    (members == found && found.len() == order.len()).then_some(order)
}

fn check_handoffs(plan: &Plan, out: &mut Out) {
    for (i, h) in plan.handoffs.iter().enumerate() {
        let name = named(&h.name, "hand-off", i);
        if h.turnaround_days.is_none() {
            out.warn(
                "handoff-turnaround",
                format!("handoffs[{i}].turnaround_days"),
                format!("Set the expected turnaround of {name}."),
            );
        }
        if h.escalation.trim().is_empty() {
            out.warn(
                "handoff-escalation",
                format!("handoffs[{i}].escalation"),
                format!("Say who follows up and how {name} escalates when it sits too long."),
            );
        }
    }
}

fn check_change_and_feedback(plan: &Plan, out: &mut Out) {
    if plan.change.training.is_empty() {
        out.warn(
            "change-training",
            "change.training",
            "Plan training for the people who will work with the AI; it is not optional.",
        );
    }
    for (i, l) in plan.feedback.loops.iter().enumerate() {
        let name = named(&l.signal, "feedback loop", i);
        if l.owner.is_none() {
            out.warn(
                "feedback-owner",
                format!("feedback.loops[{i}].owner"),
                format!("{} has no owner.", cap(&name)),
            );
        }
        if l.threshold.trim().is_empty() {
            out.warn(
                "feedback-threshold",
                format!("feedback.loops[{i}].threshold"),
                format!("{} has no threshold that triggers action.", cap(&name)),
            );
        }
    }
    if plan.feedback.support.owner.is_none() {
        out.warn(
            "feedback-support",
            "feedback.support.owner",
            "Name who owns support once the AI is live.",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Task;

    /// A plan holding tasks given as `(id, title, dependencies)`.
    fn plan(tasks: &[(&str, &str, &[&str])]) -> Plan {
        Plan {
            tasks: tasks
                .iter()
                .map(|(id, title, deps)| Task {
                    id: Id::from(*id),
                    title: title.to_string(),
                    depends_on: deps.iter().map(|d| Id::from(*d)).collect(),
                    ..Task::default()
                })
                .collect(),
            ..Plan::default()
        }
    }

    fn loop_findings(plan: &Plan) -> Vec<(String, String)> {
        validate(plan)
            .into_iter()
            .filter(|f| f.code == "task-cycle")
            .inspect(|f| assert_eq!(f.severity, Severity::Error))
            .map(|f| (f.path, f.message))
            .collect()
    }

    const ORDERED: (&str, &str) = (
        "These tasks depend on each other in a loop, so none of them can be scheduled: ",
        ". Remove one of these dependencies to break the loop.",
    );

    fn ordered(chain: &str) -> String {
        format!("{}{chain}{}", ORDERED.0, ORDERED.1)
    }

    fn knot(names: &str) -> String {
        format!("{names} depend on each other in a loop, so none of them can be scheduled. Remove one dependency to break the loop.")
    }

    #[test]
    fn dependency_loops_are_errors_naming_every_task() {
        type Case<'a> = (
            &'a str,
            Vec<(&'a str, &'a str, &'a [&'a str])>,
            Vec<(&'a str, String)>,
        );
        let cases: Vec<Case> = vec![
            (
                "no loop",
                vec![("a", "Map", &[]), ("b", "Build", &["a"])],
                vec![],
            ),
            (
                "two tasks",
                vec![("a", "Map", &["b"]), ("b", "Build", &["a"])],
                vec![(
                    "tasks[0].depends_on",
                    ordered("'Map' depends on 'Build', which depends on 'Map'"),
                )],
            ),
            (
                "three tasks, named in loop order rather than plan order",
                vec![
                    ("a", "Map", &["c"]),
                    ("b", "Build", &["a"]),
                    ("c", "Check", &["b"]),
                ],
                vec![(
                    "tasks[0].depends_on",
                    ordered("'Map' depends on 'Check', which depends on 'Build', which depends on 'Map'"),
                )],
            ),
            (
                "the loop's first task is not the plan's first",
                vec![
                    ("x", "Kick-off", &[]),
                    ("a", "Map", &["x", "b"]),
                    ("b", "Build", &["a"]),
                ],
                vec![(
                    "tasks[1].depends_on",
                    ordered("'Map' depends on 'Build', which depends on 'Map'"),
                )],
            ),
            (
                "a task depending on itself is reported once, elsewhere",
                vec![("a", "Map", &["a"])],
                vec![],
            ),
            (
                "two loops, each reported at its first task",
                vec![
                    ("a", "Map", &["b"]),
                    ("b", "Build", &["a"]),
                    ("c", "Check", &["d"]),
                    ("d", "Decide", &["c"]),
                ],
                vec![
                    (
                        "tasks[0].depends_on",
                        ordered("'Map' depends on 'Build', which depends on 'Map'"),
                    ),
                    (
                        "tasks[2].depends_on",
                        ordered("'Check' depends on 'Decide', which depends on 'Check'"),
                    ),
                ],
            ),
            (
                "a knot of two loops sharing a task lists every task in plan order",
                vec![
                    ("a", "Map", &["b"]),
                    ("b", "Build", &["a", "c"]),
                    ("c", "Check", &["b"]),
                ],
                vec![("tasks[0].depends_on", knot("'Map', 'Build' and 'Check'"))],
            ),
            (
                "untitled tasks are named by their place, never by id; dangling and repeated dependencies change nothing",
                vec![("a", " ", &["b", "ghost", "b"]), ("b", "", &["a"])],
                vec![(
                    "tasks[0].depends_on",
                    ordered("unnamed task 1 depends on unnamed task 2, which depends on unnamed task 1"),
                )],
            ),
        ];
        for (name, tasks, want) in cases {
            let got = loop_findings(&plan(&tasks));
            let want: Vec<(String, String)> =
                want.into_iter().map(|(p, m)| (p.to_string(), m)).collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn self_dependency_is_not_reported_twice() {
        let p = plan(&[("a", "Map", &["a"])]);
        let codes: Vec<&str> = validate(&p)
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.code)
            .collect();
        assert_eq!(codes, ["task-self-dependency"]);
    }

    #[test]
    fn a_loop_of_many_tasks_names_them_all() {
        let ids: Vec<String> = (0..40).map(|i| format!("t{i}")).collect();
        let mut p = Plan::default();
        for i in 0..40 {
            p.tasks.push(Task {
                id: Id(ids[i].clone()),
                title: format!("Step {i}"),
                depends_on: vec![Id(ids[(i + 1) % 40].clone())],
                ..Task::default()
            });
        }
        let found = loop_findings(&p);
        assert_eq!(found.len(), 1);
        for i in 0..40 {
            assert!(found[0].1.contains(&format!("'Step {i}'")), "Step {i}");
        }
    }

    #[test]
    fn bad_calendars_and_contradicting_actuals_are_named() {
        use crate::model::{Closure, DayOff, GateOutcome, Phase, Weekday};
        let d = |s: &str| s.parse().ok();
        let mut p = plan(&[("a", "Label", &[])]);
        p.start_date = d("2026-01-05");
        p.calendar.working_weekdays = vec![];
        p.calendar.closures = vec![
            Closure {
                name: "Shutdown".into(),
                start: d("2026-08-10"),
                end: d("2026-08-01"),
                ..Closure::default()
            },
            Closure {
                name: "Typo".into(),
                start: d("2206-01-01"),
                ..Closure::default()
            },
            Closure {
                start: d("2026-01-01"),
                end: d("2027-06-01"),
                ..Closure::default()
            },
        ];
        p.calendar.days_off = vec![DayOff::default()];
        p.tasks[0].actual_start = d("2026-02-02");
        p.tasks[0].actual_finish = d("2026-01-30");
        p.tasks[0].percent_complete = Some(140);
        p.phases = vec![Phase {
            decision: crate::model::GateDecision {
                outcome: GateOutcome::Go,
                ..Default::default()
            },
            ..Phase::default()
        }];
        let codes: Vec<(&str, String)> =
            validate(&p).into_iter().map(|f| (f.code, f.path)).collect();
        for (code, path) in [
            ("calendar-no-working-day", "calendar.working_weekdays"),
            ("calendar-range-reversed", "calendar.closures[0].end"),
            ("calendar-far-date", "calendar.closures[1].start"),
            ("calendar-long-range", "calendar.closures[2].end"),
            ("calendar-no-date", "calendar.days_off[0].start"),
            ("task-actual-reversed", "tasks[0].actual_finish"),
            ("task-percent-over", "tasks[0].percent_complete"),
            ("task-finished-not-done", "tasks[0].status"),
            ("gate-decision-unsigned", "phases[0].decision.decided_by"),
            ("gate-decision-undated", "phases[0].decision.decided_on"),
        ] {
            assert!(
                codes.contains(&(code, path.to_string())),
                "{code} at {path}: {codes:?}"
            );
        }
        p.calendar.working_weekdays = vec![Weekday::Monday, Weekday::Monday];
        assert!(validate(&p)
            .iter()
            .any(|f| f.code == "calendar-duplicate-weekday"));
        // The schedule still runs.
        assert!(schedule(&p).is_ok());
    }

    #[test]
    fn a_known_schedule_gives_the_same_findings() {
        let p = plan(&[("a", "Map", &["b"]), ("b", "Build", &["a"]), ("c", "", &[])]);
        assert_eq!(validate_scheduled(&p, &schedule(&p)), validate(&p));
        let fine = plan(&[("a", "Map", &[])]);
        assert_eq!(validate_scheduled(&fine, &schedule(&fine)), validate(&fine));
    }
}
