//! The twelve template sections as [`Block`]s: what the plan says, with the
//! little analysis that belongs beside it (each phase's gate, the risk tier,
//! the schedule), and short notes where something is missing. People,
//! phases and tasks are shown by name, never by id; a reference that points
//! at nothing says so.
//!
//! Tasks are the one list that can run to thousands, so the roadmap section
//! only writes their table's frame and [`TaskCells`] gives the cells of one
//! row at a time, for the rows actually shown.

use std::collections::HashMap;

use planwright_core::analysis::schedule::{Schedule, TaskTiming};
use planwright_core::analysis::Analysis;
use planwright_core::model::{DecisionRole, Plan, Section};
use planwright_core::{Choice, Id};

use super::writer::Writer;
use crate::dates::day as local_date;

/// `1 task`, `2 tasks`, with thousands grouped: `5,000 tasks`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), if n == 1 { one } else { many })
}

/// A whole number with its thousands grouped by commas: `12,345`.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}

/// Ids resolved to names.
pub struct Names<'a> {
    plan: &'a Plan,
    /// Each task's place in the plan, by id (the first of a repeated id).
    tasks: HashMap<&'a Id, usize>,
}

/// Where each item of `items` sits, by id; the first of a repeated id wins.
/// (The one map type of this module, and the list editor's: each map type
/// costs its own code in the wasm.)
fn places<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a Id) -> HashMap<&'a Id, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        map.entry(id(item)).or_insert(i);
    }
    map
}

impl<'a> Names<'a> {
    /// Indexes the tasks of `plan`; people and phases are few and looked
    /// up in place.
    pub fn new(plan: &'a Plan) -> Names<'a> {
        Names {
            plan,
            tasks: places(&plan.tasks, |t| &t.id),
        }
    }

    /// A person's name; empty when no one is set.
    pub fn person(&self, id: Option<&Id>) -> String {
        let Some(id) = id else {
            return String::new();
        };
        match self.plan.stakeholders.iter().find(|s| &s.id == id) {
            Some(s) if !s.name.trim().is_empty() => s.name.trim().to_string(),
            Some(_) => format!("Unnamed ({id})"),
            None => format!("unknown person ('{id}')"),
        }
    }

    /// Several people, comma-separated.
    pub fn people<'b>(&self, ids: impl IntoIterator<Item = &'b Id>) -> String {
        let names: Vec<String> = ids.into_iter().map(|id| self.person(Some(id))).collect();
        names.join(", ")
    }

    /// A phase's name; empty when none is set.
    pub fn phase(&self, id: Option<&Id>) -> String {
        let Some(id) = id else {
            return String::new();
        };
        match self
            .plan
            .phases
            .iter()
            .enumerate()
            .find(|(_, p)| &p.id == id)
        {
            Some((_, p)) if !p.name.trim().is_empty() => p.name.trim().to_string(),
            Some((i, p)) => format!("{} (phase {})", p.kind.label(), i + 1),
            None => format!("unknown phase ('{id}')"),
        }
    }

    /// A task as `#N`, its place in the plan.
    pub fn task(&self, id: &Id) -> String {
        match self.tasks.get(id) {
            Some(i) => format!("#{}", i + 1),
            None => format!("unknown task ('{id}')"),
        }
    }
}

/// A date in the reader's style, empty when unknown.
fn day(date: Option<planwright_core::date::Date>) -> String {
    date.map(local_date).unwrap_or_default()
}

/// A number with its unit.
fn quantity(value: Option<f64>, unit: &str) -> String {
    match (value, unit.trim()) {
        (None, _) => String::new(),
        (Some(v), "") => format!("{v}"),
        (Some(v), "%") => format!("{v}%"),
        (Some(v), unit) => format!("{v} {unit}"),
    }
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text.trim().to_string()
    }
}

/// Writes one section; the roadmap's returns its task table, whose rows
/// the caller adds.
pub fn section(
    w: &mut Writer,
    section: Section,
    plan: &Plan,
    a: &Analysis,
    names: &Names<'_>,
) -> Option<web_sys::Element> {
    w.section(section);
    match section {
        Section::Objective => objective(w, plan),
        Section::Metrics => metrics(w, plan, names),
        Section::Ownership => ownership(w, plan, names),
        Section::Stakeholders => stakeholders(w, plan, names),
        Section::Workflow => workflow(w, plan, names),
        Section::Data => data(w, plan, names),
        Section::Technology => technology(w, plan, names),
        Section::Risk => risk(w, plan, a, names),
        Section::Roadmap => return roadmap(w, plan, a, names),
        Section::Handoffs => handoffs(w, plan, names),
        Section::Change => change(w, plan, names),
        Section::Feedback => feedback(w, plan, names),
    }
    None
}

/// Opens a table of `n` rows, or says `empty` when there are none; the
/// caller writes the rows and ends the table when this returns true.
fn table(w: &mut Writer, label: &str, head: &[&str], n: usize, empty: &str) -> bool {
    if n == 0 {
        w.missing(empty);
        return false;
    }
    w.table(label, head, "pw-doc-table").is_some()
}

fn objective(w: &mut Writer, plan: &Plan) {
    let o = &plan.objective;
    let c = &o.constraints;
    let f = &o.fit;
    w.facts();
    w.prose("Business process", &o.process, "Not described yet");
    w.prose("What goes wrong today", &o.problem, "Not described yet");
    w.prose("Expected business impact", &o.impact, "Not stated yet");
    w.items("In scope", &o.in_scope, "Nothing listed yet");
    w.items("Out of scope", &o.out_of_scope, "Nothing listed yet");
    w.end();
    w.heading("Constraints");
    w.facts();
    w.prose("Time", &c.time, "Not stated");
    w.prose("Budget", &c.budget, "Not stated");
    w.prose("Risk appetite", &c.risk, "Not stated");
    w.prose("Compliance", &c.compliance, "Not stated");
    w.end();
    let traits = [
        ("The workflow repeats often", f.repeatable),
        ("Its users are clear", f.clear_users),
        ("The pain is visible", f.visible_pain),
        ("The risk is manageable", f.manageable_risk),
        ("The outcome can be measured", f.measurable_outcome),
        (
            "Inputs and outputs are well defined",
            f.defined_inputs_outputs,
        ),
        ("The data already exists", f.existing_data),
        ("A business owner is invested", f.invested_owner),
    ];
    let pick = |holds: bool| -> Vec<String> {
        traits
            .iter()
            .filter(|(_, h)| *h == holds)
            .map(|(t, _)| (*t).to_string())
            .collect()
    };
    let (held, missing) = (pick(true), pick(false));
    w.heading(&format!(
        "Fit as a first use case: {} of {} traits hold",
        held.len(),
        traits.len()
    ));
    w.facts();
    w.items("Traits that hold", &held, "None yet");
    if !missing.is_empty() {
        w.items("Traits that do not hold yet", &missing, "None");
    }
    w.end();
}

fn metrics(w: &mut Writer, plan: &Plan, names: &Names<'_>) {
    if plan.metrics.is_empty() {
        w.missing(
            "No success metrics yet. Add business outcomes with a baseline, a target and an owner.",
        );
        return;
    }
    w.records();
    for m in &plan.metrics {
        let baseline = match (quantity(m.baseline, &m.unit), m.baseline_date) {
            (b, Some(d)) if !b.is_empty() => format!("{b}, measured {}", local_date(d)),
            (b, _) => b,
        };
        w.record(&m.name, None);
        w.prose("Business outcome it shows", &m.outcome, "Not stated");
        w.fact("Kind", m.kind.label());
        w.fact("Better", m.direction.label());
        w.fact("Owner", &names.person(m.owner.as_ref()));
        w.fact("Baseline", &baseline);
        w.fact("Target", &quantity(m.target, &m.unit));
        w.fact("Latest", &quantity(m.actual, &m.unit));
        w.prose("How it is measured", &m.method, "Not stated");
        w.end();
    }
    w.end();
}

fn ownership(w: &mut Writer, plan: &Plan, names: &Names<'_>) {
    let o = &plan.ownership;
    let person = |id: Option<&Id>| {
        let name = names.person(id);
        let role = id
            .and_then(|id| plan.stakeholders.iter().find(|s| &s.id == id))
            .map(|s| s.role.trim())
            .unwrap_or_default();
        match (name.is_empty(), role.is_empty()) {
            (false, false) => format!("{name}, {role}"),
            _ => name,
        }
    };
    w.facts();
    w.fact("Executive sponsor", &person(o.sponsor.as_ref()));
    w.fact(
        "Initiative owner, accountable for outcomes",
        &person(o.initiative_owner.as_ref()),
    );
    w.fact(
        "Business owner, keeps improving the workflow",
        &person(o.business_owner.as_ref()),
    );
    w.prose(
        "What the owners answer for",
        &o.accountability,
        "Not written yet",
    );
    w.end();
}

fn stakeholders(w: &mut Writer, plan: &Plan, names: &Names<'_>) {
    let head = ["Name", "Role", "Function", "Work changes", "Notes"];
    if table(
        w,
        "Stakeholders",
        &head,
        plan.stakeholders.len(),
        "No stakeholders yet.",
    ) {
        for s in &plan.stakeholders {
            let cells = [
                s.name.as_str(),
                &s.role,
                s.function.label(),
                yes_no(s.affected),
                &s.notes,
            ];
            w.row(&cells, 0);
        }
        w.end();
    }
    w.heading("Decisions");
    if plan.decisions.is_empty() {
        w.missing("No decisions mapped yet.");
        return;
    }
    w.records();
    for d in &plan.decisions {
        let who = |role: DecisionRole| {
            let ids: Vec<&Id> = d
                .roles
                .iter()
                .filter(|r| r.role == role)
                .filter_map(|r| r.stakeholder.as_ref())
                .collect();
            names.people(ids)
        };
        w.record(&d.title, None);
        w.fact("Approves", &who(DecisionRole::Approves));
        w.fact("Prepares", &who(DecisionRole::Prepares));
        w.fact("Reviews", &who(DecisionRole::Reviews));
        w.fact("Can block", &who(DecisionRole::CanBlock));
        w.fact("Is informed", &who(DecisionRole::Informed));
        w.prose("When people disagree", &d.on_disagreement, "Not agreed yet");
        w.end();
    }
    w.end();
}

fn workflow(w: &mut Writer, plan: &Plan, names: &Names<'_>) {
    let head = [
        "Step",
        "The AI",
        "A person",
        "Owner",
        "Carries risk",
        "Notes",
    ];
    if table(
        w,
        "Workflow steps",
        &head,
        plan.workflow.len(),
        "No workflow steps yet.",
    ) {
        for s in &plan.workflow {
            let cells = [
                s.name.as_str(),
                s.ai_role.label(),
                s.human_role.label(),
                &names.person(s.owner.as_ref()),
                yes_no(s.carries_risk),
                &s.notes,
            ];
            w.row(&cells, 0);
        }
        w.end();
    }
}

fn data(w: &mut Writer, plan: &Plan, names: &Names<'_>) {
    if plan.data_sources.is_empty() {
        w.missing("No data sources yet.");
        return;
    }
    w.records();
    for d in &plan.data_sources {
        let holds = match (d.personal_data, d.regulated_data) {
            (false, false) => "Neither personal nor regulated data",
            (true, false) => "Personal data",
            (false, true) => "Regulated data",
            (true, true) => "Personal and regulated data",
        };
        w.record(&d.name, None);
        w.fact("Owner", &names.person(d.owner.as_ref()));
        w.fact("Quality", d.quality.label());
        w.fact("Reachable", d.accessibility.label());
        w.fact("Access approval", d.access_approval.label());
        w.fact("Compliance", d.compliance.label());
        w.fact("Holds", holds);
        w.fact(
            "Like production data",
            d.production_representative.map_or("", yes_no),
        );
        w.prose("What it holds", &d.description, "Not described");
        w.end();
    }
    w.end();
}

fn technology(w: &mut Writer, plan: &Plan, names: &Names<'_>) {
    let head = [
        "System",
        "Role",
        "Owner",
        "Integration",
        "Security review",
        "Legacy limits",
    ];
    if table(w, "Systems", &head, plan.systems.len(), "No systems yet.") {
        for s in &plan.systems {
            let cells = [
                s.name.as_str(),
                s.role.label(),
                &names.person(s.owner.as_ref()),
                s.integration.label(),
                s.security_review.label(),
                &s.limits,
            ];
            w.row(&cells, 0);
        }
        w.end();
    }
}

/// The labels of the chosen items; says so when none or when unanswered.
fn choices<T: Choice>(answer: Option<&[T]>) -> String {
    match answer {
        None => "Not answered".to_string(),
        Some([]) => "None".to_string(),
        Some(items) => items
            .iter()
            .map(|c| c.label())
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn risk(w: &mut Writer, plan: &Plan, a: &Analysis, names: &Names<'_>) {
    let r = &plan.risk;
    let answered = |v: Option<bool>| v.map_or("Not answered", yes_no);
    let assessment = &a.risk;
    w.text(&assessment.headline);
    w.facts();
    w.items("What decided it", &assessment.reasons, "Nothing yet");
    w.fact("Prohibited practices", &choices(r.prohibited.as_deref()));
    w.fact("High-risk areas", &choices(r.high_risk_areas.as_deref()));
    w.fact(
        "People interact with it directly",
        answered(r.interacts_with_people),
    );
    w.fact(
        "It makes content people will see",
        answered(r.generates_content),
    );
    w.fact(
        "Outcomes affect people's rights or services",
        answered(r.affects_rights),
    );
    w.fact(
        "How much it acts on its own",
        r.autonomy.map_or("Not answered", |x| x.label()),
    );
    w.fact(
        "Most sensitive personal data",
        r.personal_data.map_or("Not answered", |x| x.label()),
    );
    if !r.notes.trim().is_empty() {
        w.prose("Notes", &r.notes, "");
    }
    w.end();
    w.heading("Governance controls");
    let head = ["Area", "Control", "Status", "Owner", "Evidence"];
    if table(
        w,
        "Governance controls",
        &head,
        plan.controls.len(),
        "No controls yet.",
    ) {
        for c in &plan.controls {
            let cells = [
                c.area.label(),
                &c.name,
                c.status.label(),
                &names.person(c.owner.as_ref()),
                &c.evidence,
            ];
            w.row(&cells, 0);
        }
        w.end();
    }
    w.missing(assessment.disclaimer);
}

fn roadmap(
    w: &mut Writer,
    plan: &Plan,
    a: &Analysis,
    names: &Names<'_>,
) -> Option<web_sys::Element> {
    let gates = &a.gates;
    w.heading("Phases");
    if plan.phases.is_empty() {
        w.missing("No phases yet.");
    } else {
        w.records();
        for (i, p) in plan.phases.iter().enumerate() {
            let gate = gates.phases.get(i);
            let current = (gates.current_index == Some(i)).then_some("current phase");
            w.record(
                &format!("Phase {}: {}", i + 1, names.phase(Some(&p.id))),
                current,
            );
            if p.name.trim() != p.kind.label() {
                w.fact("Kind", p.kind.label());
            }
            w.fact("Owner", &names.person(p.owner.as_ref()));
            let weeks = p.duration_weeks.map(|n| count(n as usize, "week", "weeks"));
            w.fact("Planned length", weeks.as_deref().unwrap_or_default());
            w.fact("Status", p.status.label());
            w.fact("Gate decided by", &names.people(&p.gate_approvers));
            if let Some(start) = gate.and_then(|g| g.start) {
                w.fact("Starts", &local_date(start));
            }
            if let Some(g) = gate {
                let met = g.criteria.iter().filter(|c| c.met).count();
                w.fact(
                    "Gate",
                    &format!(
                        "{}: {met} of {} criteria met",
                        g.decision.label(),
                        g.criteria.len()
                    ),
                );
            }
            w.prose("Goal", &p.goal, "Not stated");
            w.prose("What it needs to start", &p.inputs, "Not stated");
            let unmet: Vec<String> = gate
                .map(|g| {
                    g.criteria
                        .iter()
                        .filter(|c| !c.met)
                        .map(|c| match c.detail.as_str() {
                            "" => c.text.clone(),
                            detail => format!("{} ({detail})", c.text),
                        })
                        .collect()
                })
                .unwrap_or_default();
            if !unmet.is_empty() {
                w.items("Gate criteria not met yet", &unmet, "");
            }
            w.end();
        }
        w.end();
    }
    w.heading("Foundation deliverables");
    let head = [
        "Deliverable",
        "Status",
        "Written by",
        "Approved by",
        "Where it lives",
    ];
    let n = plan.deliverables.len();
    if table(
        w,
        "Foundation deliverables",
        &head,
        n,
        "No deliverables yet.",
    ) {
        for d in &plan.deliverables {
            let name = match d.name.trim() {
                "" => d.kind.label(),
                name => name,
            };
            let cells = [
                name,
                d.status.label(),
                &names.person(d.owner.as_ref()),
                &names.person(d.approver.as_ref()),
                &d.link,
            ];
            w.row(&cells, 0);
        }
        w.end();
    }
    w.heading("Tasks");
    if plan.tasks.is_empty() {
        w.missing("No tasks yet.");
        return None;
    }
    w.text(&schedule_line(plan, a));
    let table = w.table("Tasks", &TASK_HEAD, "pw-doc-table pw-doc-tasks");
    w.end();
    table
}

/// How many tasks, how long they take and when, in one sentence.
fn schedule_line(plan: &Plan, a: &Analysis) -> String {
    let tasks = count(plan.tasks.len(), "task", "tasks");
    match &a.schedule {
        Ok(s) => {
            let days = count(
                usize::try_from(s.total_days).unwrap_or(usize::MAX),
                "working day",
                "working days",
            );
            let when = match (s.start_date, s.finish_date) {
                (Some(start), Some(finish)) => {
                    format!(", from {} to {}", local_date(start), local_date(finish))
                }
                _ => String::new(),
            };
            let critical = s.tasks.iter().filter(|t| t.critical).count();
            format!(
                "{tasks} over {days}{when}; {} on the critical path, marked below.",
                grouped(critical)
            )
        }
        Err(e) => format!(
            "{tasks}, which cannot be put in order: their dependencies form {}.",
            count(e.cycles.len(), "loop", "loops")
        ),
    }
}

/// Column headings of the task table.
pub const TASK_HEAD: [&str; 7] = ["#", "Task", "Phase", "Owner", "Days", "Waits for", "When"];

/// The cells of task rows, one row at a time.
pub struct TaskCells<'a> {
    plan: &'a Plan,
    names: Names<'a>,
    timings: &'a [TaskTiming],
    timing: HashMap<&'a Id, usize>,
}

impl<'a> TaskCells<'a> {
    /// Indexes `plan` and its schedule.
    pub fn new(plan: &'a Plan, schedule: Option<&'a Schedule>) -> TaskCells<'a> {
        let timings = schedule.map_or(&[][..], |s| &s.tasks);
        TaskCells {
            plan,
            names: Names::new(plan),
            timings,
            timing: places(timings, |t| &t.id),
        }
    }

    /// The cells of task `i` (from 0), whether it is on the critical path,
    /// and its notes; `None` past the end.
    pub fn row(&self, i: usize) -> Option<(Vec<String>, bool, String)> {
        let t = self.plan.tasks.get(i)?;
        let timing = self.timing.get(&t.id).and_then(|i| self.timings.get(*i));
        let critical = timing.is_some_and(|t| t.critical);
        let after: Vec<String> = t.depends_on.iter().map(|d| self.names.task(d)).collect();
        let when = match timing {
            Some(t) => {
                let dates = match (t.start, t.finish) {
                    (Some(s), Some(f)) if s == f => day(Some(s)),
                    (Some(s), Some(f)) => format!("{} to {}", day(Some(s)), day(Some(f))),
                    _ => format!(
                        "Days {} to {}",
                        t.earliest_start + 1,
                        t.earliest_finish.max(t.earliest_start + 1)
                    ),
                };
                if t.critical {
                    format!("{dates}, critical")
                } else {
                    format!(
                        "{dates}, {} of slack",
                        count(t.slack as usize, "day", "days")
                    )
                }
            }
            None => "Not scheduled".to_string(),
        };
        let title = if t.title.trim().is_empty() {
            "Untitled task".to_string()
        } else {
            t.title.trim().to_string()
        };
        let cells = vec![
            (i + 1).to_string(),
            format!("{title} ({})", t.status.label().to_lowercase()),
            self.names.phase(t.phase.as_ref()),
            self.names.person(t.owner.as_ref()),
            t.duration_days.map(|d| d.to_string()).unwrap_or_default(),
            after.join(", "),
            when,
        ];
        Some((cells, critical, t.notes.trim().to_string()))
    }
}

fn handoffs(w: &mut Writer, plan: &Plan, names: &Names<'_>) {
    if plan.handoffs.is_empty() {
        w.missing("No hand-offs yet.");
        return;
    }
    w.records();
    for h in &plan.handoffs {
        let route = match (names.person(h.from.as_ref()), names.person(h.to.as_ref())) {
            (from, to) if from.is_empty() && to.is_empty() => String::new(),
            (from, to) => format!("{} to {}", or_dash(&from), or_dash(&to)),
        };
        let turnaround = h.turnaround_days.map(|d| count(d as usize, "day", "days"));
        w.record(&h.name, None);
        w.fact("From and to", &route);
        w.fact("Approved by", &names.person(h.approver.as_ref()));
        w.fact("Shows up in", &h.channel);
        w.fact("Turnaround", turnaround.as_deref().unwrap_or_default());
        w.prose("Context that travels with it", &h.context, "Not stated");
        w.prose("If it sits", &h.escalation, "No escalation agreed");
        w.end();
    }
    w.end();
}

fn change(w: &mut Writer, plan: &Plan, names: &Names<'_>) {
    let c = &plan.change;
    w.heading("Training");
    let head = ["Audience", "What they learn", "Owner", "Status"];
    if table(
        w,
        "Training",
        &head,
        c.training.len(),
        "No training planned yet.",
    ) {
        for t in &c.training {
            let cells = [
                t.audience.as_str(),
                &t.topic,
                &names.person(t.owner.as_ref()),
                t.status.label(),
            ];
            w.row(&cells, 0);
        }
        w.end();
    }
    w.heading("Communication");
    let head = ["Audience", "Message", "Channel", "When", "Owner"];
    let n = c.communications.len();
    if table(
        w,
        "Communication",
        &head,
        n,
        "No communication planned yet.",
    ) {
        for m in &c.communications {
            let cells = [
                m.audience.as_str(),
                &m.message,
                &m.channel,
                &m.timing,
                &names.person(m.owner.as_ref()),
            ];
            w.row(&cells, 0);
        }
        w.end();
    }
    w.heading("Adoption milestones");
    let head = ["Milestone", "Measured by", "Due", "Accountable", "Status"];
    let n = c.milestones.len();
    if table(
        w,
        "Adoption milestones",
        &head,
        n,
        "No adoption milestones yet.",
    ) {
        for m in &c.milestones {
            let cells = [
                m.name.as_str(),
                &m.measure,
                &day(m.due),
                &names.person(m.owner.as_ref()),
                m.status.label(),
            ];
            w.row(&cells, 0);
        }
        w.end();
    }
    w.facts();
    w.prose("Leaders using it visibly", &c.leadership, "Not planned yet");
    w.prose("AI literacy", &c.literacy, "Not planned yet");
    w.end();
}

fn feedback(w: &mut Writer, plan: &Plan, names: &Names<'_>) {
    let f = &plan.feedback;
    w.heading("Feedback loops");
    let head = ["Signal", "Checked", "Owner", "Threshold", "Action"];
    if table(
        w,
        "Feedback loops",
        &head,
        f.loops.len(),
        "No feedback loops yet.",
    ) {
        for l in &f.loops {
            let cells = [
                l.signal.as_str(),
                l.cadence.label(),
                &names.person(l.owner.as_ref()),
                &l.threshold,
                &l.action,
            ];
            w.row(&cells, 0);
        }
        w.end();
    }
    w.heading("Support and review");
    w.facts();
    w.prose("Flagging a wrong output", &f.flagging, "Not planned yet");
    w.prose("Support path", &f.support.description, "Not described yet");
    w.fact("Support owner", &names.person(f.support.owner.as_ref()));
    w.prose(
        "Model and prompt review",
        &f.model_review,
        "Not planned yet",
    );
    w.end();
    w.heading("Correction hotspots");
    let head = ["Where", "Cause", "What was found"];
    let n = f.hotspots.len();
    if table(
        w,
        "Correction hotspots",
        &head,
        n,
        "No correction hotspots recorded.",
    ) {
        for h in &f.hotspots {
            w.row(&[h.area.as_str(), h.cause.label(), &h.notes], 0);
        }
        w.end();
    }
}
