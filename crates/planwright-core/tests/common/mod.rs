//! Shared test helpers: a proptest strategy for arbitrary valid plans.
//!
//! "Valid" means representable in a file, not free of findings: every
//! section is filled with random lists, references may or may not resolve,
//! strings are arbitrary Unicode (control characters and hostile Markdown
//! included). Two limits keep the plans inside what a plan file can hold:
//! - numbers are finite, as JSON has no NaN or infinity;
//! - numbers have at most 15 significant digits and a decimal exponent
//!   within ±21, the kind of value a person types. Such values are read
//!   back exactly by serde_json's default parser. Full 17-digit values are
//!   not always: without serde_json's `float_roundtrip` feature one in ten
//!   comes back one unit in the last place off. Test builds cannot show
//!   this, because the `jsonschema` dev-dependency switches that feature on
//!   for every target built by `cargo test`; the shipped app and CLI do not
//!   have it.

#![allow(dead_code)]

use planwright_core::model::*;
use planwright_core::{Choice, Date};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;
use proptest::sample::select;

/// Strings that try to break Markdown or HTML.
pub const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT src=//x>",
    "| a | b |",
    "[x](javascript:alert(1))",
    "```\nfence\n```",
    "<!-- hidden -->",
    "# heading",
    "\n- item\n1. item\n> quote",
    "\\|\\",
    "**bold** _em_ $x$",
    "&lt;b&gt;",
    "\r\n\t\u{0}\u{7f}",
];

/// An arbitrary string: often plain, sometimes Unicode with control
/// characters, sometimes hostile.
pub fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[ -~]{0,12}",
        2 => "(?s).{0,12}",
        1 => select(HOSTILE).prop_map(str::to_string),
        1 => ("(?s).{0,4}", select(HOSTILE), "(?s).{0,4}").prop_map(|(a, h, b)| format!("{a}{h}{b}")),
    ]
    .boxed()
}

/// Ids drawn mostly from a small pool, so references resolve some of the time.
pub fn id() -> BoxedStrategy<Id> {
    prop_oneof![
        4 => (select(&["s", "t", "p", "x"][..]), 0u8..4).prop_map(|(p, n)| Id(format!("{p}-{n}"))),
        1 => text().prop_map(Id),
    ]
    .boxed()
}

/// A finite number of the kind people type (see the module notes).
pub fn number() -> BoxedStrategy<f64> {
    (-999_999_999_999_999i64..=999_999_999_999_999, 0i32..=6)
        .prop_map(|(m, k)| m as f64 / 10f64.powi(k))
        .boxed()
}

/// Any date a plan file can hold (years 1 to 9999).
pub fn date() -> BoxedStrategy<Date> {
    (-719_162i64..=2_932_896)
        .prop_filter_map("date in range", Date::from_days)
        .boxed()
}

/// Any variant of a choice enum.
pub fn choice<T: Choice + std::fmt::Debug>() -> BoxedStrategy<T> {
    select(T::ALL).boxed()
}

fn list<T: std::fmt::Debug>(item: impl Strategy<Value = T> + 'static) -> BoxedStrategy<Vec<T>> {
    vec(item, 0..3).boxed()
}

fn objective() -> impl Strategy<Value = Objective> {
    let constraints =
        (text(), text(), text(), text()).prop_map(|(time, budget, risk, compliance)| Constraints {
            time,
            budget,
            risk,
            compliance,
        });
    let fit = any::<[bool; 8]>().prop_map(|b| UseCaseFit {
        repeatable: b[0],
        clear_users: b[1],
        visible_pain: b[2],
        manageable_risk: b[3],
        measurable_outcome: b[4],
        defined_inputs_outputs: b[5],
        existing_data: b[6],
        invested_owner: b[7],
    });
    (
        text(),
        text(),
        text(),
        list(text()),
        list(text()),
        constraints,
        fit,
    )
        .prop_map(
            |(process, problem, impact, in_scope, out_of_scope, constraints, fit)| Objective {
                process,
                problem,
                impact,
                in_scope,
                out_of_scope,
                constraints,
                fit,
            },
        )
}

fn metric() -> impl Strategy<Value = Metric> {
    (
        (
            id(),
            text(),
            text(),
            choice::<MetricKind>(),
            choice::<Direction>(),
            text(),
        ),
        (
            of(number()),
            of(date()),
            of(number()),
            text(),
            of(id()),
            of(number()),
        ),
    )
        .prop_map(
            |(
                (id, name, outcome, kind, direction, unit),
                (baseline, baseline_date, target, method, owner, actual),
            )| {
                Metric {
                    id,
                    name,
                    outcome,
                    kind,
                    direction,
                    unit,
                    baseline,
                    baseline_date,
                    target,
                    method,
                    owner,
                    actual,
                    ..Metric::default()
                }
            },
        )
}

fn ownership() -> impl Strategy<Value = Ownership> {
    (of(id()), of(id()), of(id()), text()).prop_map(
        |(sponsor, initiative_owner, business_owner, accountability)| Ownership {
            sponsor,
            initiative_owner,
            business_owner,
            accountability,
        },
    )
}

fn stakeholder() -> impl Strategy<Value = Stakeholder> {
    (
        id(),
        text(),
        text(),
        choice::<Function>(),
        any::<bool>(),
        text(),
    )
        .prop_map(|(id, name, role, function, affected, notes)| Stakeholder {
            id,
            name,
            role,
            function,
            affected,
            notes,
        })
}

fn decision() -> impl Strategy<Value = Decision> {
    let role = (of(id()), choice::<DecisionRole>())
        .prop_map(|(stakeholder, role)| RoleAssignment { stakeholder, role });
    (id(), text(), list(role), text()).prop_map(|(id, title, roles, on_disagreement)| Decision {
        id,
        title,
        roles,
        on_disagreement,
    })
}

fn step() -> impl Strategy<Value = WorkflowStep> {
    (
        id(),
        text(),
        choice::<AiRole>(),
        choice::<HumanRole>(),
        of(id()),
        any::<bool>(),
        text(),
    )
        .prop_map(
            |(id, name, ai_role, human_role, owner, carries_risk, notes)| WorkflowStep {
                id,
                name,
                ai_role,
                human_role,
                owner,
                carries_risk,
                notes,
            },
        )
}

fn data_source() -> impl Strategy<Value = DataSource> {
    (
        (id(), text(), text(), of(id())),
        (
            choice::<Quality>(),
            choice::<Accessibility>(),
            choice::<AccessApproval>(),
            choice::<Compliance>(),
        ),
        (any::<bool>(), any::<bool>(), of(any::<bool>())),
    )
        .prop_map(
            |(
                (id, name, description, owner),
                (quality, accessibility, access_approval, compliance),
                (personal_data, regulated_data, production_representative),
            )| DataSource {
                id,
                name,
                description,
                owner,
                quality,
                accessibility,
                access_approval,
                compliance,
                personal_data,
                regulated_data,
                production_representative,
            },
        )
}

fn system() -> impl Strategy<Value = System> {
    (
        id(),
        text(),
        choice::<SystemRole>(),
        of(id()),
        choice::<IntegrationStatus>(),
        choice::<ReviewStatus>(),
        text(),
    )
        .prop_map(
            |(id, name, role, owner, integration, security_review, limits)| System {
                id,
                name,
                role,
                owner,
                integration,
                security_review,
                limits,
            },
        )
}

fn risk() -> impl Strategy<Value = RiskAnswers> {
    (
        of(list(choice::<ProhibitedPractice>())),
        of(list(choice::<HighRiskArea>())),
        of(any::<bool>()),
        of(any::<bool>()),
        of(any::<bool>()),
        of(choice::<Autonomy>()),
        of(choice::<DataSensitivity>()),
        text(),
    )
        .prop_map(
            |(
                prohibited,
                high_risk_areas,
                interacts_with_people,
                generates_content,
                affects_rights,
                autonomy,
                personal_data,
                notes,
            )| RiskAnswers {
                prohibited,
                high_risk_areas,
                interacts_with_people,
                generates_content,
                affects_rights,
                autonomy,
                personal_data,
                notes,
            },
        )
}

fn control() -> impl Strategy<Value = Control> {
    (
        id(),
        choice::<ControlArea>(),
        text(),
        choice::<ControlStatus>(),
        of(id()),
        text(),
    )
        .prop_map(|(id, area, name, status, owner, evidence)| Control {
            id,
            area,
            name,
            status,
            owner,
            evidence,
        })
}

fn phase() -> impl Strategy<Value = Phase> {
    let criterion =
        (id(), text(), any::<bool>()).prop_map(|(id, text, met)| Criterion { id, text, met });
    (
        (id(), choice::<PhaseKind>(), text(), text(), of(id())),
        (
            text(),
            of(any::<u32>()),
            choice::<PhaseStatus>(),
            list(criterion),
            list(id()),
        ),
    )
        .prop_map(
            |(
                (id, kind, name, goal, owner),
                (inputs, duration_weeks, status, exit_criteria, gate_approvers),
            )| Phase {
                id,
                kind,
                name,
                goal,
                owner,
                inputs,
                duration_weeks,
                status,
                exit_criteria,
                gate_approvers,
                ..Phase::default()
            },
        )
}

fn deliverable() -> impl Strategy<Value = Deliverable> {
    (
        id(),
        choice::<DeliverableKind>(),
        text(),
        choice::<DeliverableStatus>(),
        of(id()),
        of(id()),
        text(),
    )
        .prop_map(
            |(id, kind, name, status, owner, approver, link)| Deliverable {
                id,
                kind,
                name,
                status,
                owner,
                approver,
                link,
            },
        )
}

fn task() -> impl Strategy<Value = Task> {
    (
        id(),
        text(),
        of(id()),
        of(id()),
        of(any::<u32>()),
        list(id()),
        choice::<TaskStatus>(),
        text(),
    )
        .prop_map(
            |(id, title, phase, owner, duration_days, depends_on, status, notes)| Task {
                id,
                title,
                phase,
                owner,
                duration_days,
                depends_on,
                status,
                notes,
                ..Task::default()
            },
        )
}

fn handoff() -> impl Strategy<Value = Handoff> {
    (
        (id(), text(), of(id()), of(id()), of(id())),
        (text(), text(), of(any::<u32>()), text()),
    )
        .prop_map(
            |((id, name, from, to, approver), (channel, context, turnaround_days, escalation))| {
                Handoff {
                    id,
                    name,
                    from,
                    to,
                    approver,
                    channel,
                    context,
                    turnaround_days,
                    escalation,
                }
            },
        )
}

fn change() -> impl Strategy<Value = ChangePlan> {
    let training = (id(), text(), text(), of(id()), choice::<WorkStatus>()).prop_map(
        |(id, audience, topic, owner, status)| Training {
            id,
            audience,
            topic,
            owner,
            status,
        },
    );
    let communication = (id(), text(), text(), text(), text(), of(id())).prop_map(
        |(id, audience, message, channel, timing, owner)| Communication {
            id,
            audience,
            message,
            channel,
            timing,
            owner,
        },
    );
    let milestone = (
        id(),
        text(),
        text(),
        of(date()),
        of(id()),
        choice::<WorkStatus>(),
    )
        .prop_map(
            |(id, name, measure, due, owner, status)| AdoptionMilestone {
                id,
                name,
                measure,
                due,
                owner,
                status,
            },
        );
    (
        list(training),
        list(communication),
        list(milestone),
        text(),
        text(),
    )
        .prop_map(
            |(training, communications, milestones, leadership, literacy)| ChangePlan {
                training,
                communications,
                milestones,
                leadership,
                literacy,
            },
        )
}

fn feedback() -> impl Strategy<Value = FeedbackPlan> {
    let feedback_loop = (id(), text(), choice::<Cadence>(), of(id()), text(), text()).prop_map(
        |(id, signal, cadence, owner, threshold, action)| FeedbackLoop {
            id,
            signal,
            cadence,
            owner,
            threshold,
            action,
        },
    );
    let hotspot =
        (id(), text(), choice::<HotspotCause>(), text()).prop_map(|(id, area, cause, notes)| {
            Hotspot {
                id,
                area,
                cause,
                notes,
            }
        });
    let support =
        (text(), of(id())).prop_map(|(description, owner)| SupportPath { description, owner });
    (list(feedback_loop), text(), support, text(), list(hotspot)).prop_map(
        |(loops, flagging, support, model_review, hotspots)| FeedbackPlan {
            loops,
            flagging,
            support,
            model_review,
            hotspots,
        },
    )
}

fn calendar() -> impl Strategy<Value = Calendar> {
    let closure =
        (id(), text(), of(date()), of(date())).prop_map(|(id, name, start, end)| Closure {
            id,
            name,
            start,
            end,
        });
    let day_off = (id(), of(id()), of(date()), of(date()), text()).prop_map(
        |(id, person, start, end, note)| DayOff {
            id,
            person,
            start,
            end,
            note,
        },
    );
    (
        proptest::sample::subsequence(Weekday::ALL.to_vec(), 0..=7),
        list(closure),
        list(day_off),
    )
        .prop_map(|(working_weekdays, closures, days_off)| Calendar {
            working_weekdays,
            closures,
            days_off,
        })
}

/// What has happened: actual dates and shares done for the first tasks, a
/// recorded decision for the first phases, and dated metric readings.
type Actuals = (
    Vec<(Option<Date>, Option<Date>, Option<u8>)>,
    Vec<(GateOutcome, Option<Id>, Option<Date>, String)>,
    Vec<(Option<Date>, Option<f64>)>,
);

fn actuals() -> impl Strategy<Value = Actuals> {
    (
        list((of(date()), of(date()), of(any::<u8>()))),
        list((choice::<GateOutcome>(), of(id()), of(date()), text())),
        list((of(date()), of(number()))),
    )
}

/// An arbitrary plan with every section filled at random, a working
/// calendar, an as-of day and actuals.
pub fn plan() -> impl Strategy<Value = Plan> {
    (base_plan(), calendar(), of(date()), actuals()).prop_map(
        |(mut plan, calendar, as_of, (tasks, decisions, readings))| {
            plan.calendar = calendar;
            plan.as_of = as_of;
            for (t, (start, finish, pct)) in plan.tasks.iter_mut().zip(tasks) {
                t.actual_start = start;
                t.actual_finish = finish;
                t.percent_complete = pct;
            }
            for (p, (outcome, by, on, lessons)) in plan.phases.iter_mut().zip(decisions) {
                p.decision = GateDecision {
                    outcome,
                    decided_by: by,
                    decided_on: on,
                    lessons,
                    conditions: Vec::new(),
                };
            }
            if let Some(m) = plan.metrics.first_mut() {
                m.history = readings
                    .into_iter()
                    .map(|(date, value)| Reading { date, value })
                    .collect();
            }
            plan
        },
    )
}

/// A plan with the sections of format version 2 filled at random.
fn base_plan() -> impl Strategy<Value = Plan> {
    (
        (
            text(),
            text(),
            of(date()),
            objective(),
            list(metric()),
            ownership(),
            list(stakeholder()),
        ),
        (
            list(decision()),
            list(step()),
            list(data_source()),
            list(system()),
            risk(),
            list(control()),
        ),
        (
            list(phase()),
            list(deliverable()),
            list(task()),
            list(handoff()),
            change(),
            feedback(),
        ),
    )
        .prop_map(
            |(
                (title, summary, start_date, objective, metrics, ownership, stakeholders),
                (decisions, workflow, data_sources, systems, risk, controls),
                (phases, deliverables, tasks, handoffs, change, feedback),
            )| Plan {
                title,
                summary,
                start_date,
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
                ..Plan::default()
            },
        )
}
