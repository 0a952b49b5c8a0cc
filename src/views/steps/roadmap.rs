//! Step 9: phases with their gates, the foundation deliverables, and tasks
//! with dependencies, timing, the critical path and suggested tasks.

use std::sync::Arc;

use leptos::prelude::*;
use planwright_core::analysis::gates::{GateCriterion, GateDecision};
use planwright_core::analysis::suggest::{accept, Suggestion};
use planwright_core::model::{new_id, Criterion, Deliverable, Phase, Task};
use planwright_core::text::{cap, plural, unnamed};
use planwright_core::{Choice, Id};

use crate::components::check_field::CheckField;
use crate::components::choice_field::ChoiceField;
use crate::components::dom_id;
use crate::components::findings::FieldFindings;
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
        <GateBox phase=phase_id/>
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
