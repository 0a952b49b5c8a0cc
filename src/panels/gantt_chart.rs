//! The roadmap as a timeline (a Gantt chart) drawn as SVG from the geometry
//! in [`planwright_core::chart::gantt`]: phases as bands, a bar per task,
//! slack, dependency arrows and week ticks, with the same facts as a table.
//! When the dependencies loop there is no timeline to draw, and the chart
//! names every task caught in a loop instead.
//!
//! [`GanttChart`] draws the open plan's roadmap; [`Timeline`] draws any
//! plan with its schedule (the portfolio's roadmap is one), so both share
//! one drawing.

use leptos::prelude::*;
use planwright_core::analysis::schedule::{CycleError, Forecast, ScheduleWarning};
use planwright_core::chart::{gantt, Gantt, GanttOptions, GanttRow, Point, MILESTONE_HALF};
use planwright_core::date::Date;
use planwright_core::model::Section;
use planwright_core::Id;

use crate::components::dom_id;
use crate::dates::day as local_date;
use crate::state::{use_plan, View};

/// Tasks caught in loops listed one by one; more are counted.
const MAX_LOOP_TASKS: usize = 200;
/// Schedule warnings listed one by one; more are counted.
const MAX_WARNINGS: usize = 50;

/// What the chart is drawn from, recomputed only when it changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    gantt: Gantt,
    /// The baseline whose bars are drawn as ghosts, by name.
    baseline: Option<String>,
    start: Option<Date>,
    finish: Option<Date>,
    warnings: Vec<ScheduleWarning>,
}

impl Chart {
    /// The chart of `plan` scheduled as `schedule`, with the forecast laid
    /// over it when there is one.
    pub fn new(
        plan: &planwright_core::Plan,
        schedule: &planwright_core::analysis::schedule::Schedule,
        forecast: Option<&Forecast>,
    ) -> Chart {
        let laid_out = gantt(plan, schedule, &GanttOptions::default());
        Chart {
            baseline: None,
            gantt: match forecast {
                Some(f) => laid_out.with_forecast(f),
                None => laid_out,
            },
            start: schedule.start_date,
            finish: schedule.finish_date,
            warnings: schedule.warnings.clone(),
        }
    }
}

/// Where a "fix it" button goes: the open plan's roadmap step, or nowhere
/// when the timeline is not the open plan's (then no button is shown).
type Fix = Option<Callback<()>>;

/// DOM ids of one chart's parts, unique in the page.
#[derive(Clone)]
struct Ids {
    title: String,
    desc: String,
    arrow: String,
    arrow_critical: String,
    hatch: String,
}

/// A polyline as a path's `d`: `M x y L x y …`.
fn path_d(points: &[Point]) -> String {
    let mut out = String::with_capacity(points.len() * 16);
    for (i, (x, y)) in points.iter().enumerate() {
        out.push_str(&format!("{}{x} {y}", if i == 0 { "M" } else { " L" }));
    }
    out
}

/// A date in full, in the reader's own style (`12 Jan 2026`, `Jan 12, 2026`).
fn long_date(date: Date) -> String {
    local_date(date)
}

fn working_days(n: u64) -> String {
    match n {
        1 => "1 working day".to_string(),
        n => format!("{n} working days"),
    }
}

fn slack_text(n: u64) -> String {
    match n {
        0 => "no slack".to_string(),
        n => format!("{} of slack", working_days(n)),
    }
}

/// When a row's task starts and finishes: dates when the plan has a start
/// date, else working days counted from 1.
fn start_finish(row: &GanttRow) -> (String, String) {
    let t = &row.timing;
    match (t.start, t.finish) {
        (Some(s), Some(f)) => (long_date(s), long_date(f)),
        _ => {
            let last = if t.earliest_finish > t.earliest_start {
                t.earliest_finish - 1
            } else {
                t.earliest_start
            };
            (
                format!("Day {}", t.earliest_start.saturating_add(1)),
                format!("Day {}", last.saturating_add(1)),
            )
        }
    }
}

/// The tooltip of a bar: task, dates, slack, and whether it is critical.
fn tooltip(row: &GanttRow) -> String {
    let (start, finish) = start_finish(row);
    let t = &row.timing;
    let when = if row.milestone {
        format!("milestone on {start}")
    } else {
        let length = working_days(t.earliest_finish.saturating_sub(t.earliest_start));
        format!("{start} to {finish} ({length})")
    };
    let path = if row.critical {
        "on the critical path"
    } else {
        "not on the critical path"
    };
    let mut text = format!("{}: {when}; {}; {path}.", row.title, slack_text(t.slack));
    if let Some(p) = row.percent {
        text.push_str(&format!(" {p}% done."));
    }
    if !row.late.is_empty() {
        text.push_str(&format!(" Late: {}.", row.late));
    }
    text
}

/// The chart's description: what it covers, in one or two sentences.
fn describe(chart: &Chart) -> String {
    let g = &chart.gantt;
    let phases = g.phase_bands.iter().filter(|b| b.index.is_some()).count();
    let critical = g.rows.iter().filter(|r| r.critical).count();
    let mut text = match phases {
        0 => format!("{} tasks", g.rows.len()),
        1 => format!("{} tasks in 1 phase", g.rows.len()),
        n => format!("{} tasks in {n} phases", g.rows.len()),
    };
    text.push_str(&format!(" over {}", working_days(g.total_days)));
    if let (Some(s), Some(f)) = (chart.start, chart.finish) {
        text.push_str(&format!(", from {} to {}", long_date(s), long_date(f)));
    }
    text.push_str(&format!(
        ". {critical} of them have no slack: they make up the critical path."
    ));
    if let Some(left_out) = g.truncated {
        text.push_str(&format!(" {left_out} more tasks are not drawn."));
    }
    if let Some(name) = &chart.baseline {
        text.push_str(&format!(
            " Thin bars under the tasks show where the baseline “{name}” had them."
        ));
    }
    text
}

fn go_to_roadmap(fix: Fix) {
    if let Some(fix) = fix {
        fix.run(());
    }
}

/// The name of a task caught in a loop.
fn loop_task_name(err: &CycleError, id: &Id) -> String {
    match err.titles.get(id).map(|t| t.trim()) {
        Some(title) if !title.is_empty() => title.to_string(),
        _ => format!("Task '{id}'"),
    }
}

/// Every task of every loop, each a button to the roadmap step.
fn loops_view(fix: Fix, err: &CycleError) -> AnyView {
    let mut budget = MAX_LOOP_TASKS;
    let loops = err
        .cycles
        .iter()
        .enumerate()
        .map(|(k, cycle)| {
            let shown = cycle.len().min(budget);
            budget -= shown;
            let buttons = cycle
                .iter()
                .take(shown)
                .map(|id| {
                    let name = loop_task_name(err, id);
                    let label = format!("{name}: open the roadmap step");
                    if fix.is_none() {
                        return view! { <li data-testid="gantt-loop-task" data-task=id.to_string()>{name}</li> }.into_any();
                    }
                    view! {
                        <li>
                            <button
                                type="button"
                                class="pw-button pw-button--quiet pw-chart__goto"
                                data-testid="gantt-loop-task"
                                data-task=id.to_string()
                                aria-label=label
                                on:click=move |_| go_to_roadmap(fix)
                            >
                                {name}
                            </button>
                        </li>
                    }
                    .into_any()
                })
                .collect_view();
            let rest = cycle.len() - shown;
            let heading = match cycle.len() {
                1 => format!("Loop {}: a task that waits for itself", k + 1),
                n => format!("Loop {}: {n} tasks waiting for each other", k + 1),
            };
            view! {
                <li class="pw-chart__loop" data-testid="gantt-loop">
                    <span class="pw-chart__loop-name">{heading}</span>
                    <ul class="pw-chart__loop-tasks">
                        {buttons}
                        {(rest > 0).then(|| view! { <li>{format!("and {rest} more")}</li> })}
                    </ul>
                </li>
            }
        })
        .collect_view();
    // Without a way to the open plan's roadmap, the loop is fixed in the
    // plan its tasks come from.
    let whose = if fix.is_none() {
        "the roadmap step of the plan they come from"
    } else {
        "the roadmap step"
    };
    let intro = match err.cycles.len() {
        1 => format!("The timeline cannot be drawn: some tasks wait for each other in a loop, so none of them can ever start. Remove one dependency from the loop in {whose}."),
        n => format!("The timeline cannot be drawn: tasks wait for each other in {n} loops, so none of them can ever start. Remove one dependency from each loop in {whose}."),
    };
    view! {
        <div class="pw-chart__problem" data-testid="gantt-cycle">
            <p>{intro}</p>
            <ul class="pw-chart__loops">{loops}</ul>
        </div>
    }
    .into_any()
}

/// Schedule warnings, each with a button to the roadmap step.
fn warnings_view(fix: Fix, warnings: &[ScheduleWarning]) -> Option<AnyView> {
    if warnings.is_empty() {
        return None;
    }
    let items = warnings
        .iter()
        .take(MAX_WARNINGS)
        .map(|w| {
            let label = format!("{} Open the roadmap step", w.message);
            let button = fix.map(|_| {
                view! {
                    <button
                        type="button"
                        class="pw-button pw-button--quiet pw-chart__goto"
                        aria-label=label
                        on:click=move |_| go_to_roadmap(fix)
                    >
                        "Fix in the roadmap"
                    </button>
                }
            });
            view! {
                <li class="pw-finding pw-finding--warning" data-testid="gantt-warning">
                    {w.message.clone()}" "
                    {button}
                </li>
            }
        })
        .collect_view();
    let rest = warnings.len().saturating_sub(MAX_WARNINGS);
    Some(
        view! {
            <div class="pw-chart__warnings">
                <p class="pw-chart__note">"The timeline can be drawn, but these weaken it:"</p>
                <ul class="pw-findings" data-testid="gantt-warnings">
                    {items}
                    {(rest > 0).then(|| view! {
                        <li class="pw-finding pw-finding--warning">
                            {format!("and {rest} more, listed in the roadmap step.")}
                        </li>
                    })}
                </ul>
            </div>
        }
        .into_any(),
    )
}

/// The SVG of the timeline.
fn svg_view(chart: &Chart, ids: &Ids) -> AnyView {
    let g = &chart.gantt;
    let row_h = g.row_height;
    let bar_h = g.bar_height;
    let mid = |y: f64| y + row_h / 2.0;
    let bands = g
        .phase_bands
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let class = if k % 2 == 0 {
                "pw-gantt__band"
            } else {
                "pw-gantt__band pw-gantt__band--alt"
            };
            view! {
                <rect class=class x="0" y=b.y width=g.width height=b.height/>
                <text class="pw-gantt__phase" x="8" y=mid(b.y) dominant-baseline="central">{b.name.clone()}</text>
            }
        })
        .collect_view();
    let ticks = g
        .ticks
        .iter()
        .map(|t| {
            view! {
                <line class="pw-gantt__tick" x1=t.x y1={g.header_height - 6.0} x2=t.x y2=g.height/>
                <text class="pw-gantt__tick-label" x={t.x + 4.0} y={g.header_height / 2.0} dominant-baseline="central">{t.label.clone()}</text>
            }
        })
        .collect_view();
    let labels = g
        .rows
        .iter()
        .map(|r| {
            let class = if r.critical {
                "pw-gantt__label pw-gantt__label--critical"
            } else {
                "pw-gantt__label"
            };
            let late = (!r.late.is_empty()).then(|| view! { <tspan class="pw-gantt__late-tag">" · late"</tspan> });
            view! { <text class=class x="20" y=mid(r.y) dominant-baseline="central">{r.label.clone()}{late}</text> }
        })
        .collect_view();
    let closed = g
        .closed
        .iter()
        .map(|c| {
            view! {
                <g class="pw-gantt__closed" data-testid="gantt-closed">
                    <title>{c.label.clone()}</title>
                    <rect x={c.x - 3.0} y=g.header_height width="6" height={g.height - g.header_height} fill=format!("url(#{})", ids.hatch)/>
                </g>
            }
        })
        .collect_view();
    let as_of = g.as_of.map(|(x, day)| {
        let label = format!("As of {}", long_date(day));
        view! {
            <g class="pw-gantt__as-of" data-testid="gantt-as-of">
                <title>{label.clone()}</title>
                <line x1=x y1={g.header_height - 4.0} x2=x y2=g.height/>
                <text x={x + 4.0} y={g.header_height - 2.0}>{label}</text>
            </g>
        }
    });
    let arrows = g
        .arrows
        .iter()
        .map(|a| {
            let (class, marker) = if a.critical {
                (
                    "pw-gantt__arrow pw-gantt__arrow--critical",
                    &ids.arrow_critical,
                )
            } else {
                ("pw-gantt__arrow", &ids.arrow)
            };
            view! {
                <path
                    class=class
                    d=path_d(&a.points)
                    marker-end=format!("url(#{marker})")
                    data-testid="gantt-arrow"
                    data-from=a.from.to_string()
                    data-to=a.to.to_string()
                />
            }
        })
        .collect_view();
    let hatch = format!("url(#{})", ids.hatch);
    let bars = g
        .rows
        .iter()
        .map(|r| {
            let y = r.y + (row_h - bar_h) / 2.0;
            let slack = (r.slack_width > 0.0).then(|| {
                view! {
                    <rect class="pw-gantt__slack" x=r.slack_x y={y + bar_h * 0.25} width=r.slack_width height={bar_h * 0.5} rx="2"/>
                }
            });
            let shape = if r.milestone {
                let (x, m, h) = (r.bar_x, mid(r.y), MILESTONE_HALF);
                let d = format!(
                    "M{x} {} L{} {m} L{x} {} L{} {m} Z",
                    m - h - 1.0,
                    x + h,
                    m + h + 1.0,
                    x - h
                );
                let class = if r.critical {
                    "pw-gantt__milestone pw-gantt__milestone--critical"
                } else {
                    "pw-gantt__milestone"
                };
                view! { <path class=class d=d/> }.into_any()
            } else {
                let class = if r.critical {
                    "pw-gantt__bar pw-gantt__bar--critical"
                } else {
                    "pw-gantt__bar"
                };
                let pattern = r.critical.then(|| {
                    view! {
                        <rect class="pw-gantt__hatch" x=r.bar_x y=y width=r.bar_width height=bar_h rx="3" fill=hatch.clone()/>
                    }
                });
                let done = r.percent.filter(|p| *p > 0).map(|p| {
                    let w = r.bar_width * f64::from(p.min(100)) / 100.0;
                    view! { <rect class="pw-gantt__done" x=r.bar_x y={y + bar_h * 0.6} width=w height={bar_h * 0.4} rx="1"/> }
                });
                view! {
                    <rect class=class x=r.bar_x y=y width=r.bar_width height=bar_h rx="3"/>
                    {pattern}
                    {done}
                }
                .into_any()
            };
            let ghost = r.ghost_bar.map(|(x, w)| {
                view! { <rect class="pw-gantt__ghost" data-testid="gantt-ghost" x=x y={y + bar_h + 1.0} width={w.max(2.0)} height="4" rx="1"/> }
            });
            let moved = r.forecast_bar.map(|(x, w)| {
                let class = if r.late.is_empty() {
                    "pw-gantt__forecast"
                } else {
                    "pw-gantt__forecast pw-gantt__forecast--late"
                };
                view! { <rect class=class x=x y={y - 2.0} width={w.max(2.0)} height={bar_h + 4.0} rx="4"/> }
            });
            view! {
                <g
                    class="pw-gantt__task"
                    data-testid="gantt-bar"
                    data-task=r.id.to_string()
                    data-critical=if r.critical { "true" } else { "false" }
                    data-milestone=if r.milestone { "true" } else { "false" }
                    data-late=if r.late.is_empty() { "false" } else { "true" }
                    data-percent=r.percent.map(|p| p.to_string())
                >
                    <title>{tooltip(r)}</title>
                    {ghost}
                    {slack}
                    {shape}
                    {moved}
                </g>
            }
        })
        .collect_view();
    let labelled = format!("{} {}", ids.title, ids.desc);
    view! {
        <svg
            class="pw-gantt__svg"
            role="img"
            aria-labelledby=labelled
            viewBox=format!("0 0 {} {}", g.width, g.height)
            width=g.width
            height=g.height
            data-testid="gantt"
        >
            <title id=ids.title.clone()>"Roadmap timeline"</title>
            <desc id=ids.desc.clone()>{describe(chart)}</desc>
            <defs>
                <marker id=ids.arrow.clone() viewBox="0 0 8 8" refX="8" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">
                    <path class="pw-gantt__head" d="M0 0 L8 4 L0 8 Z"/>
                </marker>
                <marker id=ids.arrow_critical.clone() viewBox="0 0 8 8" refX="8" refY="4" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
                    <path class="pw-gantt__head pw-gantt__head--critical" d="M0 0 L8 4 L0 8 Z"/>
                </marker>
                <pattern id=ids.hatch.clone() width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect class="pw-gantt__hatch-line" x="0" y="0" width="2" height="6"/>
                </pattern>
            </defs>
            <g>{bands}</g>
            <g>{ticks}</g>
            <line class="pw-gantt__axis" x1=g.origin_x y1=g.header_height x2=g.origin_x y2=g.height/>
            <g>{closed}</g>
            <g>{labels}</g>
            <g>{arrows}</g>
            <g>{bars}</g>
            {as_of}
        </svg>
    }
    .into_any()
}

/// The key to the chart's marks.
fn legend_view(ids: &Ids) -> AnyView {
    let hatch = format!("url(#{})", ids.hatch);
    let marker = format!("url(#{})", ids.arrow);
    view! {
        <ul class="pw-chart__legend" aria-label="Key to the timeline">
            <li>
                <svg class="pw-chart__swatch" width="28" height="14" aria-hidden="true">
                    <rect class="pw-gantt__bar" x="1" y="2" width="26" height="10" rx="2"/>
                </svg>
                "Task"
            </li>
            <li>
                <svg class="pw-chart__swatch" width="28" height="14" aria-hidden="true">
                    <rect class="pw-gantt__bar pw-gantt__bar--critical" x="1" y="2" width="26" height="10" rx="2"/>
                    <rect class="pw-gantt__hatch" x="1" y="2" width="26" height="10" rx="2" fill=hatch.clone()/>
                </svg>
                "On the critical path: any delay delays the end"
            </li>
            <li>
                <svg class="pw-chart__swatch" width="28" height="14" aria-hidden="true">
                    <rect class="pw-gantt__slack" x="1" y="4" width="26" height="6" rx="2"/>
                </svg>
                "Slack: how far a task can slip without delaying the end"
            </li>
            <li>
                <svg class="pw-chart__swatch" width="28" height="14" aria-hidden="true">
                    <path class="pw-gantt__milestone" d="M14 0 L20 7 L14 14 L8 7 Z"/>
                </svg>
                "Milestone"
            </li>
            <li>
                <svg class="pw-chart__swatch" width="28" height="14" aria-hidden="true">
                    <path class="pw-gantt__arrow" d="M1 7 L26 7" marker-end=marker/>
                </svg>
                "Depends on"
            </li>
            <li>
                <svg class="pw-chart__swatch" width="28" height="14" aria-hidden="true">
                    <rect class="pw-gantt__bar" x="1" y="2" width="26" height="10" rx="2"/>
                    <rect class="pw-gantt__done" x="1" y="8" width="14" height="4" rx="1"/>
                </svg>
                "Work done so far"
            </li>
            <li>
                <svg class="pw-chart__swatch" width="28" height="14" aria-hidden="true">
                    <rect class="pw-gantt__forecast pw-gantt__forecast--late" x="2" y="1" width="24" height="12" rx="3"/>
                </svg>
                "Where the forecast puts a task (dashed), marked “late” beside its name when it is"
            </li>
            <li>
                <svg class="pw-chart__swatch" width="28" height="14" aria-hidden="true">
                    <rect x="11" y="0" width="6" height="14" fill=hatch.clone()/>
                </svg>
                "Closed: a holiday or closure (hover for its name)"
            </li>
            <li>
                <svg class="pw-chart__swatch pw-gantt__as-of" width="28" height="14" aria-hidden="true">
                    <line x1="14" y1="0" x2="14" y2="14"/>
                </svg>
                "The as-of day progress is measured on"
            </li>
            <li>
                <svg class="pw-chart__swatch" width="28" height="14" aria-hidden="true">
                    <rect class="pw-gantt__ghost" x="1" y="9" width="26" height="4" rx="1"/>
                </svg>
                "Where the baseline had the task (thin bar beneath it)"
            </li>
        </ul>
    }
    .into_any()
}

/// A task's bar drawn to scale in a table cell: the timeline on paper,
/// where the chart scaled to the page would shrink its labels to a few
/// points. Shown in print only.
fn bar_cell(r: &GanttRow, total: u64) -> AnyView {
    let t = &r.timing;
    let left = share(t.earliest_start, total);
    let bar = if r.milestone {
        view! { <span class="pw-gantt-print__milestone" style=format!("left: {left}")></span> }
            .into_any()
    } else {
        let width = share(t.earliest_finish.saturating_sub(t.earliest_start), total);
        let slack = (t.slack > 0).then(|| {
            let at = share(t.earliest_finish, total);
            let width = share(t.slack, total);
            view! { <span class="pw-gantt-print__slack" style=format!("left: {at}; width: {width}")></span> }
        });
        view! {
            <span class="pw-gantt-print__bar" style=format!("left: {left}; width: {width}")></span>
            {slack}
        }
        .into_any()
    };
    view! { <td class="pw-gantt-print__track">{bar}</td> }.into_any()
}

/// The chart's facts as a table; on paper it replaces the chart, with a
/// bar per task.
fn table_view(g: &Gantt) -> AnyView {
    let total = g.total_days.max(1);
    let phase_name = |index: Option<usize>| {
        g.phase_bands
            .iter()
            .find(|b| b.index == index)
            .map(|b| b.name.clone())
            .unwrap_or_default()
    };
    let rows = g
        .rows
        .iter()
        .map(|r| {
            let (start, finish) = start_finish(r);
            let finish = if r.milestone {
                "(milestone)".to_string()
            } else {
                finish
            };
            view! {
                <tr data-critical=if r.critical { "true" } else { "false" }>
                    <th scope="row">{r.title.clone()}</th>
                    <td>{phase_name(r.phase)}</td>
                    <td>{start}</td>
                    <td>{finish}</td>
                    <td>{slack_text(r.timing.slack)}</td>
                    <td>{if r.critical { "Yes" } else { "No" }}</td>
                    <td class="pw-gantt-table__progress">{progress_text(r)}</td>
                    {bar_cell(r, total)}
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="pw-chart__details pw-gantt-table">
            <summary>"The timeline as a table"</summary>
            <div class="pw-chart__table pw-scroll-x" role="region" tabindex="0" aria-label="The timeline as a table">
                <table class="pw-table" data-testid="gantt-table">
                    <thead>
                        <tr>
                            <th scope="col">"Task"</th>
                            <th scope="col">"Phase"</th>
                            <th scope="col">"Start"</th>
                            <th scope="col">"Finish"</th>
                            <th scope="col">"Slack"</th>
                            <th scope="col">"On the critical path"</th>
                            <th scope="col" class="pw-gantt-table__progress">"Progress"</th>
                            <th scope="col" class="pw-gantt-print__track">"Timeline"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
    .into_any()
}

/// A row's progress in words: percent done and whether it is late.
fn progress_text(r: &GanttRow) -> String {
    match (r.percent, r.late.is_empty()) {
        (None, _) => "—".to_string(),
        (Some(p), true) => format!("{p}% done"),
        (Some(p), false) => format!("{p}% done; late: {}", r.late),
    }
}

/// A percentage of the chart's span, for placing a bar in the print table.
fn share(days: u64, total: u64) -> String {
    let pct = if total == 0 {
        0.0
    } else {
        days as f64 * 100.0 / total as f64
    };
    format!("{:.2}%", pct.clamp(0.0, 100.0))
}

/// Everything shown when the schedule exists.
fn timeline_view(fix: Fix, chart: &Chart, ids: &Ids) -> AnyView {
    let g = &chart.gantt;
    if g.rows.is_empty() && g.truncated.is_none() {
        let button = fix.map(|_| {
            view! {
                <button
                    type="button"
                    class="pw-button pw-button--quiet pw-chart__goto"
                    on:click=move |_| go_to_roadmap(fix)
                >
                    "Add tasks in the roadmap step"
                </button>
            }
        });
        return view! {
            <p class="pw-chart__empty" data-testid="gantt-empty">
                "No tasks yet, so there is no timeline. "
                {button}
            </p>
        }
        .into_any();
    }
    let left_out = g.truncated.map(|n| {
        let arrows = match g.arrows_left_out {
            0 => String::new(),
            n => format!(" Nor are {n} of the dependency arrows between them."),
        };
        let what = match n {
            1 => "1 task is".to_string(),
            n => format!("{n} tasks are"),
        };
        view! {
            <p class="pw-chart__note" data-testid="gantt-truncated">
                {format!("{what} not drawn, so the page stays quick: the chart keeps the critical path and the earliest of the other tasks.{arrows} The table below lists the same tasks as the chart.")}
            </p>
        }
    });
    let scroll_label = "Roadmap timeline; scroll sideways for later weeks";
    view! {
        <figure class="pw-chart pw-gantt" data-testid="gantt-chart">
            {left_out}
            <div class="pw-chart__scroll" tabindex="0" role="region" aria-label=scroll_label>
                {svg_view(chart, ids)}
            </div>
            <figcaption>{legend_view(ids)}</figcaption>
        </figure>
        {warnings_view(fix, &chart.warnings)}
        {table_view(g)}
    }
    .into_any()
}

/// The roadmap's timeline from the open plan: phases as shaded bands, a bar
/// per task from its earliest start to its earliest finish, slack as a
/// lighter extension, critical tasks in a distinct colour with a hatch and
/// outline (so it does not rest on colour alone), dependency arrows and week
/// ticks, with a key, the schedule's warnings and a table of the same facts.
/// The chart scrolls sideways and can be scrolled from the keyboard. When
/// the dependencies loop, it names every task in every loop instead, each a
/// button to the roadmap step.
#[component]
pub fn GanttChart() -> impl IntoView {
    let open = use_plan();
    let compared = crate::panels::history::comparison();
    let chart: Memo<Result<Chart, CycleError>> = Memo::new(move |_| {
        open.analysis.with(|a| match &a.schedule {
            Ok(s) => Ok(open.plan.with(|p| {
                let mut c = Chart::new(p, s, a.forecast.as_ref());
                if let Some(cmp) = compared.get() {
                    let then: Vec<_> = cmp
                        .tasks
                        .iter()
                        .map(|t| (t.id.clone(), t.start.then, t.finish.then))
                        .collect();
                    c.gantt = c.gantt.with_baseline(s, p.start_date, &then);
                    c.baseline = Some(cmp.name.clone());
                }
                c
            })),
            Err(e) => Err(e.clone()),
        })
    });
    // The router starts the step at its top, focus on its heading.
    let fix = Callback::new(move |()| open.view.set(View::Step(Section::Roadmap)));
    view! { <Timeline chart=chart fix=fix/> }
}

/// A timeline of any scheduled plan, drawn as [`GanttChart`] draws the open
/// plan's; without `fix` it offers no buttons to the open plan's roadmap.
#[component]
pub fn Timeline(
    /// The chart, or the loops that keep it from being drawn.
    chart: Memo<Result<Chart, CycleError>>,
    /// Where "fix it" buttons go, when anywhere.
    #[prop(optional, into)]
    fix: Option<Callback<()>>,
) -> impl IntoView {
    let ids = Ids {
        title: dom_id("gantt-title"),
        desc: dom_id("gantt-desc"),
        arrow: dom_id("gantt-arrow"),
        arrow_critical: dom_id("gantt-arrow-critical"),
        hatch: dom_id("gantt-hatch"),
    };
    view! {
        <div class="pw-timeline">
            {move || chart.with(|c| match c {
                Ok(c) => timeline_view(fix, c, &ids),
                Err(e) => loops_view(fix, e),
            })}
        </div>
    }
}
