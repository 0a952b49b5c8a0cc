//! The twelve template sections as [`Block`]s: what the plan says, with the
//! little analysis that belongs beside it (each phase's gate, the risk tier,
//! the schedule), and short notes where something is missing. People,
//! phases and tasks are shown by name, never by id; a reference that points
//! at nothing says so.
//!
//! Tasks are the one list that can run to thousands, so the section only
//! marks where their table goes ([`Block::Tasks`]) and [`TaskCells`] gives
//! the cells of one row at a time, for the rows actually shown.

use std::collections::HashMap;

use planwright_core::analysis::schedule::{Schedule, TaskTiming};
use planwright_core::analysis::Analysis;
use planwright_core::model::{DecisionRole, Plan, Section};
use planwright_core::{Choice, Id};

use super::blocks::{count, fact, grouped, list, prose, table, yes_no, Block, Fact, Record};
use crate::dates::day as local_date;

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

/// The blocks of one section.
pub fn section(section: Section, plan: &Plan, a: &Analysis, names: &Names<'_>) -> Vec<Block> {
    match section {
        Section::Objective => objective(plan),
        Section::Metrics => metrics(plan, names),
        Section::Ownership => ownership(plan, names),
        Section::Stakeholders => stakeholders(plan, names),
        Section::Workflow => workflow(plan, names),
        Section::Data => data(plan, names),
        Section::Technology => technology(plan, names),
        Section::Risk => risk(plan, a, names),
        Section::Roadmap => roadmap(plan, a, names),
        Section::Handoffs => handoffs(plan, names),
        Section::Change => change(plan, names),
        Section::Feedback => feedback(plan, names),
    }
}

fn objective(plan: &Plan) -> Vec<Block> {
    let o = &plan.objective;
    let c = &o.constraints;
    let f = &o.fit;
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
    let held = pick(true);
    let mut fit = vec![list("Traits that hold", held.clone(), "None yet")];
    let missing = pick(false);
    if !missing.is_empty() {
        fit.push(list("Traits that do not hold yet", missing, "None"));
    }
    vec![
        Block::Facts(vec![
            prose("Business process", &o.process, "Not described yet"),
            prose("What goes wrong today", &o.problem, "Not described yet"),
            prose("Expected business impact", &o.impact, "Not stated yet"),
            list("In scope", o.in_scope.clone(), "Nothing listed yet"),
            list("Out of scope", o.out_of_scope.clone(), "Nothing listed yet"),
        ]),
        Block::Heading("Constraints".to_string()),
        Block::Facts(vec![
            prose("Time", &c.time, "Not stated"),
            prose("Budget", &c.budget, "Not stated"),
            prose("Risk appetite", &c.risk, "Not stated"),
            prose("Compliance", &c.compliance, "Not stated"),
        ]),
        Block::Heading(format!(
            "Fit as a first use case: {} of {} traits hold",
            held.len(),
            traits.len()
        )),
        Block::Facts(fit),
    ]
}

fn metrics(plan: &Plan, names: &Names<'_>) -> Vec<Block> {
    let records = plan
        .metrics
        .iter()
        .map(|m| {
            let baseline = match (quantity(m.baseline, &m.unit), m.baseline_date) {
                (b, Some(d)) if !b.is_empty() => format!("{b}, measured {}", local_date(d)),
                (b, _) => b,
            };
            Record {
                title: or_dash(&m.name),
                tag: None,
                facts: vec![
                    prose("Business outcome it shows", &m.outcome, "Not stated"),
                    fact("Kind", m.kind.label()),
                    fact("Better", m.direction.label()),
                    fact("Owner", names.person(m.owner.as_ref())),
                    fact("Baseline", baseline),
                    fact("Target", quantity(m.target, &m.unit)),
                    fact("Latest", quantity(m.actual, &m.unit)),
                    prose("How it is measured", &m.method, "Not stated"),
                ],
            }
        })
        .collect();
    vec![Block::Records(
        records,
        "No success metrics yet. Add business outcomes with a baseline, a target and an owner.",
    )]
}

fn ownership(plan: &Plan, names: &Names<'_>) -> Vec<Block> {
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
    vec![Block::Facts(vec![
        fact("Executive sponsor", person(o.sponsor.as_ref())),
        fact(
            "Initiative owner, accountable for outcomes",
            person(o.initiative_owner.as_ref()),
        ),
        fact(
            "Business owner, keeps improving the workflow",
            person(o.business_owner.as_ref()),
        ),
        prose(
            "What the owners answer for",
            &o.accountability,
            "Not written yet",
        ),
    ])]
}

fn stakeholders(plan: &Plan, names: &Names<'_>) -> Vec<Block> {
    let people = plan
        .stakeholders
        .iter()
        .map(|s| {
            vec![
                or_dash(&s.name),
                or_dash(&s.role),
                s.function.label().to_string(),
                yes_no(s.affected).to_string(),
                or_dash(&s.notes),
            ]
        })
        .collect();
    let decisions = plan
        .decisions
        .iter()
        .map(|d| {
            let who = |role: DecisionRole| {
                let ids: Vec<&Id> = d
                    .roles
                    .iter()
                    .filter(|r| r.role == role)
                    .filter_map(|r| r.stakeholder.as_ref())
                    .collect();
                names.people(ids)
            };
            Record {
                title: or_dash(&d.title),
                tag: None,
                facts: vec![
                    fact("Approves", who(DecisionRole::Approves)),
                    fact("Prepares", who(DecisionRole::Prepares)),
                    fact("Reviews", who(DecisionRole::Reviews)),
                    fact("Can block", who(DecisionRole::CanBlock)),
                    fact("Is informed", who(DecisionRole::Informed)),
                    prose("When people disagree", &d.on_disagreement, "Not agreed yet"),
                ],
            }
        })
        .collect();
    vec![
        table(
            "Stakeholders",
            vec!["Name", "Role", "Function", "Work changes", "Notes"],
            people,
            "No stakeholders yet.",
        ),
        Block::Heading("Decisions".to_string()),
        Block::Records(decisions, "No decisions mapped yet."),
    ]
}

fn workflow(plan: &Plan, names: &Names<'_>) -> Vec<Block> {
    let rows = plan
        .workflow
        .iter()
        .map(|s| {
            vec![
                or_dash(&s.name),
                s.ai_role.label().to_string(),
                s.human_role.label().to_string(),
                or_dash(&names.person(s.owner.as_ref())),
                yes_no(s.carries_risk).to_string(),
                or_dash(&s.notes),
            ]
        })
        .collect();
    vec![table(
        "Workflow steps",
        vec![
            "Step",
            "The AI",
            "A person",
            "Owner",
            "Carries risk",
            "Notes",
        ],
        rows,
        "No workflow steps yet.",
    )]
}

fn data(plan: &Plan, names: &Names<'_>) -> Vec<Block> {
    let records = plan
        .data_sources
        .iter()
        .map(|d| {
            let kinds: Vec<&str> = [
                (d.personal_data, "personal"),
                (d.regulated_data, "regulated"),
            ]
            .iter()
            .filter(|(held, _)| *held)
            .map(|(_, what)| *what)
            .collect();
            let holds = match kinds.as_slice() {
                [] => "Neither personal nor regulated data".to_string(),
                [one] => format!("{} data", planwright_core::text::cap(one)),
                _ => "Personal and regulated data".to_string(),
            };
            Record {
                title: or_dash(&d.name),
                tag: None,
                facts: vec![
                    fact("Owner", names.person(d.owner.as_ref())),
                    fact("Quality", d.quality.label()),
                    fact("Reachable", d.accessibility.label()),
                    fact("Access approval", d.access_approval.label()),
                    fact("Compliance", d.compliance.label()),
                    fact("Holds", holds),
                    fact(
                        "Like production data",
                        d.production_representative.map(yes_no).unwrap_or_default(),
                    ),
                    prose("What it holds", &d.description, "Not described"),
                ],
            }
        })
        .collect();
    vec![Block::Records(records, "No data sources yet.")]
}

fn technology(plan: &Plan, names: &Names<'_>) -> Vec<Block> {
    let rows = plan
        .systems
        .iter()
        .map(|s| {
            vec![
                or_dash(&s.name),
                s.role.label().to_string(),
                or_dash(&names.person(s.owner.as_ref())),
                s.integration.label().to_string(),
                s.security_review.label().to_string(),
                or_dash(&s.limits),
            ]
        })
        .collect();
    vec![table(
        "Systems",
        vec![
            "System",
            "Role",
            "Owner",
            "Integration",
            "Security review",
            "Legacy limits",
        ],
        rows,
        "No systems yet.",
    )]
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

fn risk(plan: &Plan, a: &Analysis, names: &Names<'_>) -> Vec<Block> {
    let r = &plan.risk;
    let answered = |v: Option<bool>| v.map(yes_no).unwrap_or("Not answered").to_string();
    let mut facts = vec![
        fact("Prohibited practices", choices(r.prohibited.as_deref())),
        fact("High-risk areas", choices(r.high_risk_areas.as_deref())),
        fact(
            "People interact with it directly",
            answered(r.interacts_with_people),
        ),
        fact(
            "It makes content people will see",
            answered(r.generates_content),
        ),
        fact(
            "Outcomes affect people's rights or services",
            answered(r.affects_rights),
        ),
        fact(
            "How much it acts on its own",
            r.autonomy.map_or("Not answered", |x| x.label()),
        ),
        fact(
            "Most sensitive personal data",
            r.personal_data.map_or("Not answered", |x| x.label()),
        ),
    ];
    if !r.notes.trim().is_empty() {
        facts.push(prose("Notes", &r.notes, ""));
    }
    let assessment = &a.risk;
    let mut out = vec![Block::Text(assessment.headline.clone())];
    out.push(Block::Facts(vec![list(
        "What decided it",
        assessment.reasons.clone(),
        "Nothing yet",
    )]));
    out.push(Block::Facts(facts));
    let rows = plan
        .controls
        .iter()
        .map(|c| {
            vec![
                c.area.label().to_string(),
                or_dash(&c.name),
                c.status.label().to_string(),
                or_dash(&names.person(c.owner.as_ref())),
                or_dash(&c.evidence),
            ]
        })
        .collect();
    out.push(Block::Heading("Governance controls".to_string()));
    out.push(table(
        "Governance controls",
        vec!["Area", "Control", "Status", "Owner", "Evidence"],
        rows,
        "No controls yet.",
    ));
    out.push(Block::Missing(assessment.disclaimer));
    out
}

fn roadmap(plan: &Plan, a: &Analysis, names: &Names<'_>) -> Vec<Block> {
    let gates = &a.gates;
    let phases = plan
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let gate = gates.phases.get(i);
            let mut facts = vec![
                fact("Owner", names.person(p.owner.as_ref())),
                fact(
                    "Planned length",
                    p.duration_weeks
                        .map(|w| count(w as usize, "week", "weeks"))
                        .unwrap_or_default(),
                ),
                fact("Status", p.status.label()),
                fact("Gate decided by", names.people(&p.gate_approvers)),
            ];
            if p.name.trim() != p.kind.label() {
                facts.insert(0, fact("Kind", p.kind.label()));
            }
            if let Some(start) = gate.and_then(|g| g.start) {
                facts.push(fact("Starts", local_date(start)));
            }
            if let Some(g) = gate {
                let met = g.criteria.iter().filter(|c| c.met).count();
                facts.push(fact(
                    "Gate",
                    format!(
                        "{}: {met} of {} criteria met",
                        g.decision.label(),
                        g.criteria.len()
                    ),
                ));
            }
            facts.push(prose("Goal", &p.goal, "Not stated"));
            facts.push(prose("What it needs to start", &p.inputs, "Not stated"));
            if let Some(g) = gate {
                let unmet: Vec<String> = g
                    .criteria
                    .iter()
                    .filter(|c| !c.met)
                    .map(|c| {
                        if c.detail.is_empty() {
                            c.text.clone()
                        } else {
                            format!("{} ({})", c.text, c.detail)
                        }
                    })
                    .collect();
                if !unmet.is_empty() {
                    facts.push(list("Gate criteria not met yet", unmet, ""));
                }
            }
            Record {
                title: format!("Phase {}: {}", i + 1, names.phase(Some(&p.id))),
                tag: (gates.current_index == Some(i)).then_some("current phase"),
                facts,
            }
        })
        .collect();
    let deliverables = plan
        .deliverables
        .iter()
        .map(|d| {
            let name = if d.name.trim().is_empty() {
                d.kind.label().to_string()
            } else {
                d.name.trim().to_string()
            };
            vec![
                name,
                d.status.label().to_string(),
                or_dash(&names.person(d.owner.as_ref())),
                or_dash(&names.person(d.approver.as_ref())),
                or_dash(&d.link),
            ]
        })
        .collect();
    let mut out = vec![
        Block::Heading("Phases".to_string()),
        Block::Records(phases, "No phases yet."),
        Block::Heading("Foundation deliverables".to_string()),
        table(
            "Foundation deliverables",
            vec![
                "Deliverable",
                "Status",
                "Written by",
                "Approved by",
                "Where it lives",
            ],
            deliverables,
            "No deliverables yet.",
        ),
        Block::Heading("Tasks".to_string()),
    ];
    if plan.tasks.is_empty() {
        out.push(Block::Missing("No tasks yet."));
        return out;
    }
    out.push(Block::Text(schedule_line(plan, a)));
    out.push(Block::Tasks);
    out
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
            or_dash(&self.names.phase(t.phase.as_ref())),
            or_dash(&self.names.person(t.owner.as_ref())),
            t.duration_days.map(|d| d.to_string()).unwrap_or_default(),
            or_dash(&after.join(", ")),
            when,
        ];
        Some((cells, critical, t.notes.trim().to_string()))
    }
}

fn handoffs(plan: &Plan, names: &Names<'_>) -> Vec<Block> {
    let records = plan
        .handoffs
        .iter()
        .map(|h| {
            let route = match (names.person(h.from.as_ref()), names.person(h.to.as_ref())) {
                (from, to) if from.is_empty() && to.is_empty() => String::new(),
                (from, to) => format!("{} to {}", or_dash(&from), or_dash(&to)),
            };
            Record {
                title: or_dash(&h.name),
                tag: None,
                facts: vec![
                    fact("From and to", route),
                    fact("Approved by", names.person(h.approver.as_ref())),
                    fact("Shows up in", h.channel.trim()),
                    fact(
                        "Turnaround",
                        h.turnaround_days
                            .map(|d| count(d as usize, "day", "days"))
                            .unwrap_or_default(),
                    ),
                    prose("Context that travels with it", &h.context, "Not stated"),
                    prose("If it sits", &h.escalation, "No escalation agreed"),
                ],
            }
        })
        .collect();
    vec![Block::Records(records, "No hand-offs yet.")]
}

fn change(plan: &Plan, names: &Names<'_>) -> Vec<Block> {
    let c = &plan.change;
    let person = |id: Option<&Id>| or_dash(&names.person(id));
    let training = c
        .training
        .iter()
        .map(|t| {
            vec![
                or_dash(&t.audience),
                or_dash(&t.topic),
                person(t.owner.as_ref()),
                t.status.label().to_string(),
            ]
        })
        .collect();
    let talks = c
        .communications
        .iter()
        .map(|m| {
            vec![
                or_dash(&m.audience),
                or_dash(&m.message),
                or_dash(&m.channel),
                or_dash(&m.timing),
                person(m.owner.as_ref()),
            ]
        })
        .collect();
    let milestones = c
        .milestones
        .iter()
        .map(|m| {
            vec![
                or_dash(&m.name),
                or_dash(&m.measure),
                or_dash(&day(m.due)),
                person(m.owner.as_ref()),
                m.status.label().to_string(),
            ]
        })
        .collect();
    vec![
        Block::Heading("Training".to_string()),
        table(
            "Training",
            vec!["Audience", "What they learn", "Owner", "Status"],
            training,
            "No training planned yet.",
        ),
        Block::Heading("Communication".to_string()),
        table(
            "Communication",
            vec!["Audience", "Message", "Channel", "When", "Owner"],
            talks,
            "No communication planned yet.",
        ),
        Block::Heading("Adoption milestones".to_string()),
        table(
            "Adoption milestones",
            vec!["Milestone", "Measured by", "Due", "Accountable", "Status"],
            milestones,
            "No adoption milestones yet.",
        ),
        Block::Facts(vec![
            prose("Leaders using it visibly", &c.leadership, "Not planned yet"),
            prose("AI literacy", &c.literacy, "Not planned yet"),
        ]),
    ]
}

fn feedback(plan: &Plan, names: &Names<'_>) -> Vec<Block> {
    let f = &plan.feedback;
    let loops = f
        .loops
        .iter()
        .map(|l| {
            vec![
                or_dash(&l.signal),
                l.cadence.label().to_string(),
                or_dash(&names.person(l.owner.as_ref())),
                or_dash(&l.threshold),
                or_dash(&l.action),
            ]
        })
        .collect();
    let hotspots = f
        .hotspots
        .iter()
        .map(|h| {
            vec![
                or_dash(&h.area),
                h.cause.label().to_string(),
                or_dash(&h.notes),
            ]
        })
        .collect();
    let support: Vec<Fact> = vec![
        prose("Flagging a wrong output", &f.flagging, "Not planned yet"),
        prose("Support path", &f.support.description, "Not described yet"),
        fact("Support owner", names.person(f.support.owner.as_ref())),
        prose(
            "Model and prompt review",
            &f.model_review,
            "Not planned yet",
        ),
    ];
    vec![
        Block::Heading("Feedback loops".to_string()),
        table(
            "Feedback loops",
            vec!["Signal", "Checked", "Owner", "Threshold", "Action"],
            loops,
            "No feedback loops yet.",
        ),
        Block::Heading("Support and review".to_string()),
        Block::Facts(support),
        Block::Heading("Correction hotspots".to_string()),
        table(
            "Correction hotspots",
            vec!["Where", "Cause", "What was found"],
            hotspots,
            "No correction hotspots recorded.",
        ),
    ]
}
