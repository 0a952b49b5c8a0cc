//! Step 9: phases with their gates, the foundation deliverables, and tasks
//! with dependencies, timing, the critical path and suggested tasks.

use std::sync::Arc;

use leptos::prelude::*;
use planwright_core::analysis::gates::{GateCriterion, GateDecision};
use planwright_core::analysis::suggest::{accept, Suggestion};
use planwright_core::model::{
    new_id, Closure, Criterion, DayOff, Deliverable, GateCondition, Phase, Task, TaskStatus,
    Weekday,
};
use planwright_core::text::{cap, plural, unnamed};
use planwright_core::{Choice, Date, Id, Plan};

use crate::components::check_field::CheckField;
use crate::components::choice_field::ChoiceField;
use crate::components::date_field::DateField;
use crate::components::dom_id;
use crate::components::findings::FieldFindings;
use crate::components::multi_choice::MultiChoiceField;
use crate::components::number_field::NumberField;
use crate::components::text_field::TextField;
use crate::dates::day;
use crate::panels::dependency_picker::DependencyPicker;
use crate::panels::list_editor::{Lens, ListEditor, ListSpec, Row};
use crate::panels::person_field::PersonField;
use crate::state::{use_notices, use_plan, NoticeKind};

/// Phases, deliverables, tasks, schedule and suggestions.
#[component]
pub fn RoadmapStep() -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let filter_id = dom_id("task-filter");
    view! {
        <div class="pw-form pw-roadmap">
            <ListEditor
                lens=Lens::field("phases", |p| &p.phases, |p| &mut p.phases)
                spec=ListSpec::fresh("phase", |p: &Phase| p.name.clone(), "phase")
                title="Phases"
                intro="The four default phases come from practice: foundation first, then a focused deployment, measurement, and scale. Rename, add or remove them to fit."
                empty="No phases. Add at least one phase so tasks have a place."
                testid="phases"
                row=phase_row
            />
            <ListEditor
                lens=Lens::field("deliverables", |p| &p.deliverables, |p| &mut p.deliverables)
                spec=ListSpec::fresh("deliverable", |d: &Deliverable| d.name.clone(), "deliverable")
                title="Foundation deliverables"
                intro="The first gate asks for four documents, approved: a context pack (terms, voice, examples), a data readiness assessment, a governance framework and a stakeholder alignment map."
                empty="No deliverables listed."
                testid="deliverables"
                row=deliverable_row
            />
            <CalendarEditor/>
            <ScheduleSummary/>
            <Suggestions/>
            <div class="pw-field pw-filter">
                <label class="pw-field__label" for=filter_id.clone()>"Find tasks by title"</label>
                <input
                    id=filter_id
                    class="pw-input"
                    type="search"
                    data-testid="task-filter"
                    prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev))
                />
            </div>
            <ListEditor
                lens=Lens::field("tasks", |p| &p.tasks, |p| &mut p.tasks)
                spec=ListSpec {
                    noun: "task",
                    name: |t: &Task| t.title.clone(),
                    create: Arc::new(|p| Task {
                        id: new_id(p, "task"),
                        phase: p.phases.first().map(|ph| ph.id.clone()),
                        ..Task::default()
                    }),
                }
                title="Tasks"
                intro="Each task belongs to a phase, has an owner and a length in working days, and can wait for other tasks to finish."
                empty="No tasks yet. Add the work of the first phase, or accept suggested tasks above."
                testid="tasks"
                page_size=20
                filter=filter
                row=task_row
            />
        </div>
    }
}

/// Picks a phase of the plan by id.
#[component]
fn PhaseField(
    /// The phase's id.
    #[prop(into)]
    value: Signal<Option<Id>>,
    /// Called with the new phase.
    #[prop(into)]
    on_change: Callback<Option<Id>>,
    /// Plan path for findings.
    #[prop(into)]
    path: Signal<String>,
) -> impl IntoView {
    let open = use_plan();
    let id = dom_id("phase");
    let findings_id = format!("{id}-findings");
    let phases = open.field(|p| {
        p.phases
            .iter()
            .map(|ph| (ph.id.clone(), ph.name.clone()))
            .collect::<Vec<_>>()
    });
    view! {
        <div class="pw-field">
            <label class="pw-field__label" for=id.clone()>"Phase"</label>
            <select
                id=id
                class="pw-input pw-select"
                aria-describedby=findings_id.clone()
                prop:value=move || value.get().map(|v| v.0).unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    on_change.run((!v.is_empty()).then_some(Id(v)));
                }
            >
                <option value="" selected=move || value.get().is_none()>"No phase"</option>
                {move || {
                    phases
                        .get()
                        .into_iter()
                        .map(|(pid, name)| {
                            let selected = value.get().as_ref() == Some(&pid);
                            let name = if name.trim().is_empty() { pid.0.clone() } else { name };
                            view! { <option value=pid.0 selected=selected>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <FieldFindings path=path id=findings_id/>
        </div>
    }
}

fn phase_row(row: Row<Phase>) -> impl IntoView {
    let phase_id = row.id();
    let criteria_path = row.path("exit_criteria");
    let pid = phase_id.clone();
    let pid_mut = phase_id.clone();
    let criteria = Lens::nested(
        criteria_path,
        move |p| {
            p.phases
                .iter()
                .find(|x| x.id == pid)
                .map(|x| &x.exit_criteria)
        },
        move |p| {
            p.phases
                .iter_mut()
                .find(|x| x.id == pid_mut)
                .map(|x| &mut x.exit_criteria)
        },
    );
    let approvers = row.get(|p| p.gate_approvers.clone());
    view! {
        <div class="pw-grid">
            <TextField label="Name" value=row.get(|p| p.name.clone()) on_input=row.set(|p, v| p.name = v) path=row.path("name")/>
            <ChoiceField
                label="Kind of phase"
                hint="The three first kinds bring their own gate criteria."
                value=row.get(|p| Some(p.kind))
                on_change=row.set(|p, v: Option<_>| if let Some(v) = v { p.kind = v })
                path=row.path("kind")
            />
            <PersonField label="Owner" value=row.get(|p| p.owner.clone()) on_change=row.set(|p, v| p.owner = v) path=row.path("owner")/>
            <NumberField
                label="Planned length"
                value=row.get(|p| p.duration_weeks)
                on_change=row.set(|p, v| p.duration_weeks = v)
                path=row.path("duration_weeks")
                unit="weeks"
                expect="a whole number of weeks"
            />
            <ChoiceField
                label="Status"
                value=row.get(|p| Some(p.status))
                on_change=row.set(|p, v: Option<_>| if let Some(v) = v { p.status = v })
                path=row.path("status")
            />
            <PersonField
                label="Gate approver"
                hint="The one person who decides whether the plan moves on."
                value=row.get(|p| p.gate_approvers.first().cloned())
                on_change=row.set(|p, v: Option<Id>| {
                    let rest: Vec<Id> = p.gate_approvers.iter().skip(1).cloned().collect();
                    p.gate_approvers = v.into_iter().chain(rest).collect();
                })
                path=row.path("gate_approvers")
            />
        </div>
        <Show when=move || approvers.with(|a| a.len() > 1)>
            <p class="pw-field__error">
                {move || format!("This gate lists {} approvers; keep one. ", approvers.with(Vec::len))}
                <button type="button" class="pw-button" on:click=move |_| row.update(|p| p.gate_approvers.truncate(1))>
                    "Keep only the first"
                </button>
            </p>
        </Show>
        <TextField label="Goal" value=row.get(|p| p.goal.clone()) on_input=row.set(|p, v| p.goal = v) path=row.path("goal") multiline=true/>
        <TextField label="What it needs to start" value=row.get(|p| p.inputs.clone()) on_input=row.set(|p, v| p.inputs = v) path=row.path("inputs")/>
        <GateBox phase=phase_id.clone()/>
        <GateDecisionEditor row=row phase=phase_id/>
        <ListEditor
            lens=criteria
            spec=ListSpec::fresh("exit criterion", |c: &Criterion| c.text.clone(), "criterion")
            title="Your own exit criteria"
            empty="None of your own yet; the built-in criteria above still apply."
            testid="exit-criteria"
            row=criterion_row
        />
    }
}

/// The decision recorded at a phase's gate: the outcome, who decided and
/// when, the conditions with owners and due days, and the lessons.
#[component]
fn GateDecisionEditor(
    /// The phase's row.
    row: Row<Phase>,
    /// The phase.
    phase: Id,
) -> impl IntoView {
    let open = use_plan();
    let note_phase = phase.clone();
    let note = Memo::new(move |_| {
        open.analysis
            .with(|a| a.gates.phase(&note_phase).map(|g| g.decision_note.clone()))
            .unwrap_or_default()
    });
    let pid = phase.clone();
    let pid_mut = phase;
    let conditions = Lens::nested(
        row.path("decision.conditions"),
        move |p| {
            p.phases
                .iter()
                .find(|x| x.id == pid)
                .map(|x| &x.decision.conditions)
        },
        move |p| {
            p.phases
                .iter_mut()
                .find(|x| x.id == pid_mut)
                .map(|x| &mut x.decision.conditions)
        },
    );
    let heading = dom_id("decision");
    let labelled_by = heading.clone();
    view! {
        <section class="pw-decision" aria-labelledby=labelled_by data-testid="gate-decision">
            <h4 id=heading class="pw-decision__title">"Gate decision record"</h4>
            <div class="pw-grid">
                <ChoiceField
                    label="Decision at the gate"
                    value=row.get(|p| Some(p.decision.outcome))
                    on_change=row.set(|p, v: Option<_>| if let Some(v) = v { p.decision.outcome = v })
                    path=row.path("decision.outcome")
                />
                <PersonField label="Decided by" value=row.get(|p| p.decision.decided_by.clone()) on_change=row.set(|p, v| p.decision.decided_by = v) path=row.path("decision.decided_by")/>
                <DateField label="Decided on" value=row.get(|p| p.decision.decided_on) on_change=row.set(|p, v| p.decision.decided_on = v) path=row.path("decision.decided_on")/>
            </div>
            {move || {
                let text = note.get();
                (!text.is_empty()).then(|| {
                    let warn = text.contains(" while ");
                    let class = if warn { "pw-decision__note pw-decision__note--warn" } else { "pw-decision__note" };
                    view! { <p class=class data-testid="decision-note">{if warn { "Check: " } else { "" }}{text}</p> }
                })
            }}
            <ListEditor
                lens=conditions
                spec=ListSpec {
                    noun: "condition",
                    name: |c: &GateCondition| c.text.clone(),
                    create: Arc::new(|p| GateCondition {
                        id: next_condition_id(p),
                        ..GateCondition::default()
                    }),
                }
                title="Conditions of the decision"
                empty="No conditions. A go with conditions lists what must still be done, by whom and by when."
                testid="gate-conditions"
                row=condition_row
            />
            <TextField
                label="Lessons learned in this phase"
                hint="Kept with the plan and carried into templates made from it."
                value=row.get(|p| p.decision.lessons.clone())
                on_input=row.set(|p, v| p.decision.lessons = v)
                path=row.path("decision.lessons")
                multiline=true
            />
        </section>
    }
}

/// An id no gate condition of the plan has.
fn next_condition_id(plan: &Plan) -> Id {
    let highest = plan
        .phases
        .iter()
        .flat_map(|p| &p.decision.conditions)
        .filter_map(|c| c.id.0.strip_prefix("condition-")?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    Id(format!("condition-{}", highest.saturating_add(1)))
}

fn condition_row(row: Row<GateCondition>) -> impl IntoView {
    view! {
        <div class="pw-grid">
            <TextField label="Condition" value=row.get(|c| c.text.clone()) on_input=row.set(|c, v| c.text = v) path=row.path("text")/>
            <PersonField label="Condition owner" value=row.get(|c| c.owner.clone()) on_change=row.set(|c, v| c.owner = v) path=row.path("owner")/>
            <DateField label="Condition due" value=row.get(|c| c.due) on_change=row.set(|c, v| c.due = v) path=row.path("due")/>
            <CheckField label="Condition met" value=row.get(|c| c.met) on_change=row.set(|c, v| c.met = v) path=row.path("met")/>
        </div>
    }
}

/// The working calendar: worked weekdays, closures and days off, and the
/// day progress is measured on.
#[component]
fn CalendarEditor() -> impl IntoView {
    let open = use_plan();
    let heading = dom_id("calendar");
    let labelled_by = heading.clone();
    view! {
        <section class="pw-calendar" aria-labelledby=labelled_by data-testid="calendar">
            <h3 id=heading class="pw-section__title">"Working calendar and progress day"</h3>
            <p class="pw-field__hint">"Task lengths are in working days; dates skip the days not worked below."</p>
            <MultiChoiceField
                label="Days the team works"
                value=open.field(|p| Some(p.calendar.working_weekdays.clone()))
                on_change=open.setter(|p, v: Option<Vec<Weekday>>| {
                    let mut days = v.unwrap_or_default();
                    days.sort_by_key(|d| Weekday::ALL.iter().position(|x| x == d));
                    p.calendar.working_weekdays = days;
                })
                none_label="No day"
                path="calendar.working_weekdays".to_string()
                testid="working-weekdays"
            />
            <DateField
                label="Progress as of"
                hint="Leave empty to measure progress as of today. Set it to reproduce an earlier status, such as last Friday's."
                value=open.field(|p| p.as_of)
                on_change=open.setter(|p, v| p.as_of = v)
                path="as_of".to_string()
                testid="as-of"
            />
            <ListEditor
                lens=Lens::field("calendar.closures", |p| &p.calendar.closures, |p| &mut p.calendar.closures)
                spec=ListSpec::fresh("closure", |c: &Closure| c.name.clone(), "closure")
                title="Holidays and closures"
                empty="No holidays or closures: every worked weekday counts."
                testid="closures"
                row=closure_row
            />
            <ListEditor
                lens=Lens::field("calendar.days_off", |p| &p.calendar.days_off, |p| &mut p.calendar.days_off)
                spec=ListSpec::fresh("time off", |d: &DayOff| d.note.clone(), "away")
                title="People away"
                empty="Nobody away. A task does not advance while its owner is away."
                testid="days-off"
                row=day_off_row
            />
        </section>
    }
}

fn closure_row(row: Row<Closure>) -> impl IntoView {
    view! {
        <div class="pw-grid">
            <TextField label="Holiday or closure" value=row.get(|c| c.name.clone()) on_input=row.set(|c, v| c.name = v) path=row.path("name")/>
            <DateField label="Closed from" value=row.get(|c| c.start) on_change=row.set(|c, v| c.start = v) path=row.path("start")/>
            <DateField label="Closed until (included)" hint="Empty for a single day." value=row.get(|c| c.end) on_change=row.set(|c, v| c.end = v) path=row.path("end")/>
        </div>
    }
}

fn day_off_row(row: Row<DayOff>) -> impl IntoView {
    view! {
        <div class="pw-grid">
            <PersonField label="Who is away" value=row.get(|d| d.person.clone()) on_change=row.set(|d, v| d.person = v) path=row.path("person")/>
            <DateField label="Away from" value=row.get(|d| d.start) on_change=row.set(|d, v| d.start = v) path=row.path("start")/>
            <DateField label="Away until (included)" hint="Empty for a single day." value=row.get(|d| d.end) on_change=row.set(|d, v| d.end = v) path=row.path("end")/>
            <TextField label="Reason for the time off" value=row.get(|d| d.note.clone()) on_input=row.set(|d, v| d.note = v) path=row.path("note")/>
        </div>
    }
}

fn criterion_row(row: Row<Criterion>) -> impl IntoView {
    view! {
        <div class="pw-grid pw-grid--criterion">
            <TextField label="Criterion" value=row.get(|c| c.text.clone()) on_input=row.set(|c, v| c.text = v) path=row.path("text")/>
            <CheckField label="Met" value=row.get(|c| c.met) on_change=row.set(|c, v| c.met = v) path=row.path("met")/>
        </div>
    }
}

/// The computed gate of one phase: go or no go, and every criterion.
#[component]
fn GateBox(
    /// The phase.
    phase: Id,
) -> impl IntoView {
    let open = use_plan();
    let gate = Memo::new(move |_| open.analysis.with(|a| a.gates.phase(&phase).cloned()));
    move || {
        gate.get().map(|g| {
            let go = g.decision == GateDecision::Go;
            let class = if go { "pw-gate pw-gate--go" } else { "pw-gate pw-gate--nogo" };
            view! {
                <div class=class data-testid="gate" data-decision=g.decision.key()>
                    <p class="pw-gate__decision">
                        <strong>{format!("Gate: {}", g.decision.label())}</strong>
                        " "
                        {g.summary.clone()}
                    </p>
                    <ul class="pw-gate__criteria">
                        {g.criteria
                            .into_iter()
                            .map(|c: GateCriterion| {
                                let mark = if c.met { "Met" } else { "Not met" };
                                let class = if c.met { "pw-state pw-state--ok" } else { "pw-state pw-state--bad" };
                                view! {
                                    <li>
                                        <span class=class>{mark}</span>
                                        " "
                                        {c.text}
                                        {(!c.met && !c.detail.is_empty()).then(|| view! { <span class="pw-gate__detail">{format!(" ({})", c.detail)}</span> })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

fn deliverable_row(row: Row<Deliverable>) -> impl IntoView {
    view! {
        <div class="pw-grid">
            <ChoiceField
                label="Which deliverable"
                value=row.get(|d| Some(d.kind))
                on_change=row.set(|d, v: Option<_>| if let Some(v) = v { d.kind = v })
                path=row.path("kind")
            />
            <TextField label="Name" value=row.get(|d| d.name.clone()) on_input=row.set(|d, v| d.name = v) path=row.path("name")/>
            <ChoiceField
                label="Status"
                value=row.get(|d| Some(d.status))
                on_change=row.set(|d, v: Option<_>| if let Some(v) = v { d.status = v })
                path=row.path("status")
            />
            <PersonField label="Written by" value=row.get(|d| d.owner.clone()) on_change=row.set(|d, v| d.owner = v) path=row.path("owner")/>
            <PersonField label="Approved by" value=row.get(|d| d.approver.clone()) on_change=row.set(|d, v| d.approver = v) path=row.path("approver")/>
            <TextField label="Where it lives" value=row.get(|d| d.link.clone()) on_input=row.set(|d, v| d.link = v) path=row.path("link")/>
        </div>
    }
}

fn task_row(row: Row<Task>) -> impl IntoView {
    let open = use_plan();
    let id = row.id();
    let timing_id = id.clone();
    let timing = Memo::new(move |_| {
        open.analysis.with(|a| {
            a.schedule
                .as_ref()
                .ok()
                .and_then(|s| s.timing(&timing_id).cloned())
        })
    });
    let forecast_id = id.clone();
    let forecast = Memo::new(move |_| {
        open.analysis.with(|a| {
            a.forecast
                .as_ref()
                .and_then(|f| f.task(&forecast_id).cloned())
        })
    });
    let task_id = Signal::stored(id);
    view! {
        <div class="pw-grid">
            <TextField label="Title" value=row.get(|t| t.title.clone()) on_input=row.set(|t, v| t.title = v) path=row.path("title")/>
            <PhaseField value=row.get(|t| t.phase.clone()) on_change=row.set(|t, v| t.phase = v) path=row.path("phase")/>
            <PersonField label="Owner" value=row.get(|t| t.owner.clone()) on_change=row.set(|t, v| t.owner = v) path=row.path("owner")/>
            <NumberField
                label="Length"
                value=row.get(|t| t.duration_days)
                on_change=row.set(|t, v| t.duration_days = v)
                path=row.path("duration_days")
                unit="working days"
                expect="a whole number of days"
            />
            <ChoiceField
                label="Status"
                value=row.get(|t| Some(t.status))
                on_change=row.set(|t, v: Option<_>| if let Some(v) = v { t.status = v })
                path=row.path("status")
            />
            <DateField label="Actual start" value=row.get(|t| t.actual_start) on_change=row.set(|t, v| t.actual_start = v) path=row.path("actual_start")/>
            <DateField
                label="Actual finish"
                hint="Setting it marks the task done."
                value=row.get(|t| t.actual_finish)
                on_change=row.set(|t, v: Option<Date>| {
                    t.actual_finish = v;
                    if v.is_some() {
                        t.status = TaskStatus::Done;
                        t.percent_complete = t.percent_complete.map(|_| 100);
                    }
                })
                path=row.path("actual_finish")
            />
            <NumberField
                label="Done so far"
                value=row.get(|t| t.percent_complete)
                on_change=row.set(|t, v| t.percent_complete = v)
                path=row.path("percent_complete")
                unit="% of the work"
                expect="a whole number from 0 to 100"
            />
        </div>
        <DependencyPicker task=task_id value=row.get(|t| t.depends_on.clone()) on_change=row.set(|t, v| t.depends_on = v)/>
        <FieldFindings path=row.path("depends_on") id=dom_id("deps-findings")/>
        <p class="pw-timing" data-testid="task-timing">
            {move || timing.get().map(|t| {
                let when = match (t.start, t.finish) {
                    (Some(s), Some(f)) => format!("{} to {}", day(s), day(f)),
                    _ => format!("working days {} to {}", t.earliest_start, t.earliest_finish),
                };
                let slack = if t.critical {
                    "on the critical path".to_string()
                } else {
                    format!("{} of slack", plural(usize::try_from(t.slack).unwrap_or(usize::MAX), "day"))
                };
                format!("Scheduled {when}; {slack}.")
            })}
        </p>
        {move || forecast.get().map(|f| {
            let when = match (f.start, f.finish) {
                (Some(s), Some(e)) => format!("{} to {}", day(s), day(e)),
                _ => "no calendar dates".to_string(),
            };
            let (class, text) = if f.late {
                ("pw-timing pw-timing--late", format!("Late: {}. Forecast {when}.", f.late_reason))
            } else {
                ("pw-timing", format!("{}: forecast {when}.", f.state.label()))
            };
            view! { <p class=class data-testid="task-forecast" data-late=f.late.to_string()>{text}</p> }
        })}
        <TextField label="Notes" value=row.get(|t| t.notes.clone()) on_input=row.set(|t, v| t.notes = v) path=row.path("notes")/>
    }
}

/// Total length, the critical path, loops and warnings.
#[component]
fn ScheduleSummary() -> impl IntoView {
    let open = use_plan();
    let summary = Memo::new(move |_| {
        open.analysis.with(|a| match &a.schedule {
            Ok(s) => {
                let titles = open.plan.with_untracked(|p| {
                    s.critical_path
                        .iter()
                        .filter_map(|id| {
                            let (i, t) = p.tasks.iter().enumerate().find(|(_, t)| &t.id == id)?;
                            Some(match t.title.trim() {
                                "" => cap(&unnamed("task", i)),
                                title => title.to_string(),
                            })
                        })
                        .collect::<Vec<_>>()
                });
                let finish = s
                    .finish_date
                    .map(|d| format!(", finishing {}", day(d)))
                    .unwrap_or_default();
                Ok((
                    format!(
                        "{}{finish}",
                        plural(
                            usize::try_from(s.total_days).unwrap_or(usize::MAX),
                            "working day"
                        )
                    ),
                    titles,
                    s.warnings
                        .iter()
                        .map(|w| w.message.clone())
                        .collect::<Vec<_>>(),
                ))
            }
            Err(e) => Err(e.to_string()),
        })
    });
    view! {
        <section class="pw-group pw-schedule" aria-labelledby="schedule-title" data-testid="schedule-summary">
            <h3 id="schedule-title">"Schedule"</h3>
            {move || match summary.get() {
                Ok((length, path, warnings)) => view! {
                    <p data-testid="schedule-length">{format!("Critical path: {length}.")}</p>
                    {(!path.is_empty()).then(|| view! {
                        <ol class="pw-critical" aria-label="Tasks on the critical path" data-testid="critical-path">
                            {path.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                        </ol>
                    })}
                    {(!warnings.is_empty()).then(|| view! {
                        <ul class="pw-findings" data-testid="schedule-warnings">
                            {warnings.into_iter().map(|w| view! { <li class="pw-finding pw-finding--warning">{w}</li> }).collect_view()}
                        </ul>
                    })}
                }
                .into_any(),
                Err(message) => view! {
                    <p class="pw-finding pw-finding--error" role="alert" data-testid="schedule-cycle">{message}</p>
                }
                .into_any(),
            }}
        </section>
    }
}

/// Tasks the analysis suggests, each a click away from the plan.
#[component]
fn Suggestions() -> impl IntoView {
    let open = use_plan();
    let notices = use_notices();
    let list = Memo::new(move |_| open.analysis.with(|a| a.suggestions.clone()));
    let add = move |s: Suggestion| {
        let title = s.task.title.clone();
        open.edit(|p| {
            accept(p, &s);
        });
        notices.notify(NoticeKind::Info, format!("Added the task '{title}'."));
    };
    view! {
        <Show when=move || !list.with(Vec::is_empty)>
            <section class="pw-group pw-suggestions" aria-labelledby="suggestions-title" data-testid="suggestions">
                <h3 id="suggestions-title">"Suggested tasks"</h3>
                <p class="pw-list__intro">
                    "Unmet gate criteria and readiness gaps, turned into tasks placed in the right phase and wired before the work they block."
                </p>
                <ul class="pw-suggestion-list">
                    <For
                        each=move || list.get()
                        key=|s: &Suggestion| s.key.clone()
                        children=move |s: Suggestion| {
                            let title = s.task.title.clone();
                            let reason = s.reason.clone();
                            let label = format!("Add the suggested task: {title}");
                            view! {
                                <li class="pw-suggestion" data-testid="suggestion">
                                    <span class="pw-suggestion__title">{title}</span>
                                    <span class="pw-suggestion__reason">{reason}</span>
                                    <button type="button" class="pw-button" aria-label=label on:click=move |_| add(s.clone())>
                                        "Add to plan"
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </section>
        </Show>
    }
}
