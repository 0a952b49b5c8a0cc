//! The results of the open plan: readiness with its criteria, the risk tier
//! and required controls, each phase's gate, and the schedule.

use leptos::prelude::*;
use planwright_core::analysis::gates::{GateDecision, PhaseGate};
use planwright_core::analysis::readiness::{Action, CriterionResult, DimensionScore, Status};
use planwright_core::analysis::risk::{ControlState, RequiredControl};
use planwright_core::analysis::trend::metric_trend;
use planwright_core::text::slip_words;
use planwright_core::{Choice, Id, Plan};

use crate::components::radar_chart::RadarChart;
use crate::components::read_only::read_only;
use crate::components::scroll_x::ScrollX;
use crate::panels::export_bar::ExportBar;
use crate::panels::gantt_chart::GanttChart;
use crate::panels::history::{
    provide_comparison, BaselinesPanel, ConflictsPanel, RevisionHistory, StatusReport,
};
use crate::panels::readiness_panel::{band_class, GoToStep};
use crate::panels::work_exports::WorkExports;
use crate::state::use_plan;
use crate::views::document::TitleBlock;

/// A stakeholder's name for display.
pub fn person_name(plan: &Plan, id: &Id) -> String {
    plan.stakeholders
        .iter()
        .find(|s| &s.id == id)
        .map(|s| {
            if s.name.trim().is_empty() {
                format!("Unnamed ({id})")
            } else {
                s.name.clone()
            }
        })
        .unwrap_or_else(|| format!("unknown person ('{id}')"))
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Met => "pw-state pw-state--ok",
        Status::Partly => "pw-state pw-state--warn",
        Status::Unmet => "pw-state pw-state--bad",
    }
}

/// The results page.
#[component]
pub fn Dashboard() -> impl IntoView {
    provide_comparison();
    view! {
        <article class="pw-dashboard" data-testid="dashboard">
            <div class="pw-dashboard__header">
                <TitleBlock kicker="Results"/>
                <ExportBar/>
            </div>
            <ConflictsPanel/>
            <ReadinessSection/>
            <RiskSection/>
            <GatesSection/>
            <ProgressSection/>
            <MetricsSection/>
            <ScheduleSection/>
            <BaselinesPanel/>
            <StatusReport/>
            <RevisionHistory/>
            <WorkExports/>
        </article>
    }
}

#[component]
fn ReadinessSection() -> impl IntoView {
    let open = use_plan();
    let readiness = Memo::new(move |_| open.analysis.with(|a| a.readiness.clone()));
    let scores = Signal::derive(move || {
        readiness.with(|r| {
            r.dimensions
                .iter()
                .map(|d| (d.label.to_string(), d.score))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="pw-dash-section" aria-labelledby="dash-readiness" data-testid="dash-readiness">
            <h3 id="dash-readiness">"Readiness"</h3>
            <div class="pw-score">
                <p class="pw-score__number" data-testid="dash-score">
                    {move || readiness.with(|r| r.overall)}<span class="pw-score__of">" / 100"</span>
                </p>
                <p class=move || format!("pw-band {}", band_class(readiness.with(|r| r.band)))>
                    {move || readiness.with(|r| r.band.label())}
                </p>
            </div>
            <p class="pw-dash-note">{move || readiness.with(|r| r.rule.clone())}</p>
            <div class="pw-dash-readiness">
                <RadarChart scores=scores/>
                <ul class="pw-dash-dims" aria-label="Dimensions, each with its criteria">
                    {move || readiness.with(|r| r.dimensions.iter().cloned().map(dimension_item).collect_view())}
                </ul>
            </div>
            <h4>"What raises the score most"</h4>
            <ol class="pw-actions pw-actions--wide" data-testid="dash-actions">
                {move || readiness.with(|r| r.top_actions.iter().cloned().map(action_item).collect_view())}
            </ol>
        </section>
    }
}

fn dimension_item(d: DimensionScore) -> impl IntoView {
    let capped_note = format!("{} / 100, {}", d.score, d.band.label());
    let width = format!("width: {}%", d.score);
    view! {
        <li class="pw-dash-dim" data-testid=format!("dash-dim-{}", d.dimension.key())>
            <details>
                <summary>
                    <span class="pw-dim__label">{d.label}</span>
                    <span class="pw-dim__score">{capped_note}</span>
                    <span class="pw-dim__bar" aria-hidden="true"><span class="pw-dim__fill" style=width></span></span>
                </summary>
                <ScrollX label=format!("Criteria of {}", d.label)>
                <table class="pw-table pw-criteria">
                    <caption class="pw-visually-hidden">{format!("Criteria of {}", d.label)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Criterion"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Points"</th>
                            <th scope="col">"Why"</th>
                            <th scope="col">"To improve"</th>
                        </tr>
                    </thead>
                    <tbody>{d.criteria.into_iter().map(criterion_row).collect_view()}</tbody>
                </table>
                </ScrollX>
            </details>
        </li>
    }
}

fn criterion_row(c: CriterionResult) -> impl IntoView {
    let points = format!("{} of {}", trim_points(c.points), c.weight);
    let fix = (c.status != Status::Met).then(|| c.fix.clone());
    let section = c.section;
    view! {
        <tr data-testid="criterion" data-key=c.key>
            <th scope="row">{c.label}</th>
            <td><span class=status_class(c.status)>{c.status.label()}</span></td>
            <td>{points}</td>
            <td>{c.evidence}</td>
            <td>
                {fix.map(|f| view! {
                    <span>{f}</span>
                    " "
                    {(!read_only()).then(|| view! { <GoToStep section=section text="Fix it"/> })}
                })}
            </td>
        </tr>
    }
}

fn trim_points(p: f64) -> String {
    if p.fract() == 0.0 {
        format!("{p:.0}")
    } else {
        format!("{p:.1}")
    }
}

fn action_item(a: Action) -> impl IntoView {
    let gain = format!("+{:.1} points", a.gain);
    let section = a.section;
    view! {
        <li class="pw-action">
            <span class="pw-action__fix">{a.fix}</span>
            <span class="pw-action__meta">
                <span class="pw-action__gain">{gain}</span>
                <span>{a.dimension.label()}</span>
                {(!read_only()).then(|| view! { <GoToStep section=section text="Fix it"/> })}
            </span>
        </li>
    }
}

#[component]
fn RiskSection() -> impl IntoView {
    let open = use_plan();
    let risk = Memo::new(move |_| open.analysis.with(|a| a.risk.clone()));
    let rows = move || {
        let required = risk.with(|r| r.required.clone());
        open.plan.with(|p| {
            required
                .into_iter()
                .map(|c| control_row(p, c))
                .collect_view()
        })
    };
    view! {
        <section class="pw-dash-section" aria-labelledby="dash-risk" data-testid="dash-risk">
            <h3 id="dash-risk">
                "Risk tier: "
                <span class=move || format!("pw-tier-badge pw-tier-badge--{}", risk.with(|r| r.tier.key()))>
                    {move || risk.with(|r| r.tier.label())}
                </span>
                {move || risk.with(|r| r.provisional).then_some(" (provisional)")}
            </h3>
            <p>{move || risk.with(|r| r.headline.clone())}</p>
            <ul>{move || risk.with(|r| r.reasons.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view())}</ul>
            <Show when=move || risk.with(|r| !r.unanswered.is_empty())>
                <p>
                    "Still to answer: "
                    {move || risk.with(|r| r.unanswered.iter().map(|q| q.label).collect::<Vec<_>>().join(" "))}
                </p>
            </Show>
            <h4>"Controls this tier requires"</h4>
            <ScrollX label="Controls this tier requires">
            <table class="pw-table" data-testid="dash-controls">
                <thead>
                    <tr>
                        <th scope="col">"Area"</th>
                        <th scope="col">"State"</th>
                        <th scope="col">"Controls and owners"</th>
                        <th scope="col">"Why it is required"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </ScrollX>
            <p class="pw-disclaimer">{move || risk.with(|r| r.disclaimer)}</p>
        </section>
    }
}

fn control_row(plan: &Plan, c: RequiredControl) -> impl IntoView {
    let done = c.state == ControlState::InPlace;
    let mark = if done { "✓" } else { "✗" };
    let class = match c.state {
        ControlState::InPlace => "pw-state pw-state--ok",
        ControlState::Planned | ControlState::InProgress => "pw-state pw-state--warn",
        _ => "pw-state pw-state--bad",
    };
    let controls: Vec<String> = c
        .controls
        .iter()
        .filter_map(|id| plan.controls.iter().find(|x| &x.id == id))
        .map(|x| {
            let owner = x
                .owner
                .as_ref()
                .map_or_else(|| "no owner".to_string(), |o| person_name(plan, o));
            let name = if x.name.trim().is_empty() {
                x.area.label().to_string()
            } else {
                x.name.clone()
            };
            format!("{name} ({owner})")
        })
        .collect();
    let controls = if controls.is_empty() {
        "None yet".to_string()
    } else {
        controls.join("; ")
    };
    view! {
        <tr data-testid="dash-control" data-state=c.state.key()>
            <th scope="row"><span aria-hidden="true">{mark}" "</span>{c.label}</th>
            <td><span class=class>{c.state.label()}</span></td>
            <td>{controls}</td>
            <td>{c.why}</td>
        </tr>
    }
}

#[component]
fn GatesSection() -> impl IntoView {
    let open = use_plan();
    let gates = Memo::new(move |_| open.analysis.with(|a| a.gates.clone()));
    let cards = move || {
        let g = gates.get();
        let current = g.current_phase.clone();
        open.plan.with(|p| {
            g.phases
                .into_iter()
                .map(|ph| gate_card(p, ph, current.as_ref()))
                .collect_view()
        })
    };
    view! {
        <section class="pw-dash-section" aria-labelledby="dash-gates" data-testid="dash-gates">
            <h3 id="dash-gates">"Phase gates"</h3>
            <div class="pw-gate-cards">{cards}</div>
            <ul class="pw-findings">
                {move || gates.with(|g| g.notes.iter().map(|n| view! { <li class="pw-finding pw-finding--warning">{n.message.clone()}</li> }).collect_view())}
            </ul>
        </section>
    }
}

fn gate_card(plan: &Plan, g: PhaseGate, current: Option<&Id>) -> impl IntoView {
    let go = g.decision == GateDecision::Go;
    let is_current = current == Some(&g.phase);
    let approver = match (&g.approver, g.approvers.len()) {
        (Some(a), _) => format!("Decided by {}", person_name(plan, a)),
        (None, 0) => "No gate approver named".to_string(),
        (None, n) => format!("{n} approvers named; one should decide"),
    };
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
    let met = g.criteria.len() - unmet.len();
    let total = g.criteria.len();
    view! {
        <div class="pw-gate-card" class:pw-gate-card--go=go class:pw-gate-card--current=is_current data-testid="dash-gate" data-decision=g.decision.key()>
            <h4>
                {g.name}
                {is_current.then_some(view! { <span class="pw-gate-card__current">" current phase"</span> })}
            </h4>
            <p>
                <span class=if go { "pw-state pw-state--ok" } else { "pw-state pw-state--bad" }>{g.decision.label()}</span>
                {format!(" {met} of {total} criteria met. {approver}.")}
            </p>
            {(!g.decision_note.is_empty()).then(|| {
                let warn = g.decision_note.contains(" while ");
                view! {
                    <p class="pw-decision__note" class:pw-decision__note--warn=warn data-testid="dash-decision-note">
                        {if warn { "Check: " } else { "" }}{g.decision_note.clone()}
                    </p>
                }
            })}
            {(!unmet.is_empty()).then(|| view! {
                <ul class="pw-gate-card__unmet" aria-label="Unmet criteria">
                    {unmet.into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}
                </ul>
            })}
        </div>
    }
}

/// Progress as of the plan's as-of day (or today): counts, the forecast end
/// against the planned end, late tasks and the gates' forecast days.
#[component]
fn ProgressSection() -> impl IntoView {
    let open = use_plan();
    let forecast = Memo::new(move |_| open.analysis.with(|a| a.forecast.clone()));
    let body = move || {
        let Some(f) = forecast.get() else {
            return view! {
                <p>"Set the roadmap's start date in step 1 to follow progress against the plan."</p>
            }
            .into_any();
        };
        let (titles, phases) = open.plan.with(|p| {
            (
                p.tasks
                    .iter()
                    .map(|t| (t.id.clone(), t.title.clone()))
                    .collect::<Vec<_>>(),
                p.phases
                    .iter()
                    .map(|ph| (ph.id.clone(), ph.name.clone()))
                    .collect::<Vec<_>>(),
            )
        });
        let title = |id: &Id| {
            titles
                .iter()
                .find(|(i, _)| i == id)
                .map(|(_, t)| {
                    if t.trim().is_empty() {
                        format!("Task {id}")
                    } else {
                        t.clone()
                    }
                })
                .unwrap_or_else(|| id.to_string())
        };
        let phase = |id: &Id| {
            phases
                .iter()
                .find(|(i, _)| i == id)
                .map(|(_, t)| t.clone())
                .unwrap_or_else(|| id.to_string())
        };
        let end = match (f.finish, f.planned_finish) {
            (Some(now), Some(planned)) => format!(
                "Forecast end {} against the planned {} ({}).",
                crate::dates::day(now),
                crate::dates::day(planned),
                slip_words(f.slip_days)
            ),
            (Some(now), None) => format!("Forecast end {}.", crate::dates::day(now)),
            _ => String::new(),
        };
        let late: Vec<(String, String)> = f
            .tasks
            .iter()
            .filter(|t| t.late)
            .map(|t| (title(&t.id), t.late_reason.clone()))
            .collect();
        let gates: Vec<[String; 4]> = f
            .gates
            .iter()
            .map(|g| {
                [
                    phase(&g.phase),
                    g.planned.map(crate::dates::day).unwrap_or_default(),
                    g.forecast.map(crate::dates::day).unwrap_or_default(),
                    slip_words(g.slip_days),
                ]
            })
            .collect();
        view! {
            <p data-testid="progress-summary">
                <strong>{format!("As of {}: ", crate::dates::day(f.as_of))}</strong>
                {format!("{} done, {} under way, {} late. {end}", f.done, f.started, f.late)}
            </p>
            {(!late.is_empty()).then(|| view! {
                <h4>"Late tasks"</h4>
                <ul class="pw-progress__late" data-testid="late-tasks">
                    {late.into_iter().map(|(t, why)| view! { <li><strong>{t}</strong>{format!(" {why}.")}</li> }).collect_view()}
                </ul>
            })}
            {(!gates.is_empty()).then(|| view! {
                <ScrollX label="Gate outlook">
                    <table class="pw-table" data-testid="gate-outlook">
                        <caption>"Gate outlook: the day each phase's last task ends"</caption>
                        <thead>
                            <tr><th scope="col">"Phase"</th><th scope="col">"Planned"</th><th scope="col">"Forecast"</th><th scope="col">"Change"</th></tr>
                        </thead>
                        <tbody>
                            {gates.into_iter().map(|[name, planned, forecast, change]| view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td>{planned}</td>
                                    <td>{forecast}</td>
                                    <td>{change}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </ScrollX>
            })}
        }
        .into_any()
    };
    view! {
        <section class="pw-dash-section" aria-labelledby="dash-progress" data-testid="dash-progress">
            <h3 id="dash-progress">"Progress and forecast"</h3>
            {body}
        </section>
    }
}

/// Each success metric's way from its baseline toward its target.
#[component]
fn MetricsSection() -> impl IntoView {
    let open = use_plan();
    let trends = Memo::new(move |_| {
        open.plan.with(|p| {
            p.metrics
                .iter()
                .map(|m| (m.name.clone(), metric_trend(m)))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="pw-dash-section" aria-labelledby="dash-metrics" data-testid="dash-metrics">
            <h3 id="dash-metrics">"Success metrics: baseline to target"</h3>
            {move || {
                let list = trends.get();
                if list.is_empty() {
                    return view! { <p>"No success metrics yet: add them in step 2."</p> }.into_any();
                }
                view! {
                    <ul class="pw-trends">
                        {list.into_iter().map(|(name, t)| {
                            let pct = t.progress.map(|p| p.clamp(0.0, 100.0)).unwrap_or(0.0);
                            let name = if name.trim().is_empty() { "Unnamed metric".to_string() } else { name };
                            view! {
                                <li data-testid="metric-trend" data-heading=t.heading.key()>
                                    <strong>{name.clone()}</strong>
                                    {format!(" {}", t.summary)}
                                    {t.progress.map(|p| view! {
                                        <meter class="pw-trends__meter" min="0" max="100" value=pct aria-label=format!("{name}: share of the way to the target") title=format!("{p:.0}%")></meter>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn ScheduleSection() -> impl IntoView {
    let open = use_plan();
    let line = move || {
        open.analysis.with(|a| match &a.schedule {
            Ok(s) => {
                let dates = match (s.start_date, s.finish_date) {
                    (Some(a), Some(b)) => format!(
                        ", from {} to {}",
                        crate::dates::day(a),
                        crate::dates::day(b)
                    ),
                    _ => " (set a start date in step 1 to see calendar dates)".to_string(),
                };
                format!(
                    "{} tasks over {} working days{dates}; {} on the critical path.",
                    s.tasks.len(),
                    s.total_days,
                    s.critical_path.len()
                )
            }
            Err(_) => "The tasks cannot be scheduled until the loop below is broken.".to_string(),
        })
    };
    view! {
        <section class="pw-dash-section" aria-labelledby="dash-schedule" data-testid="dash-schedule">
            <h3 id="dash-schedule">"Schedule and critical path"</h3>
            <p>{line}</p>
            <GanttChart/>
        </section>
    }
}
