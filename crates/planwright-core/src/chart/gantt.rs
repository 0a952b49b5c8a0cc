//! The roadmap timeline: rows grouped by phase, bars and milestones on a
//! working-day scale, elbow arrows for dependencies and ticks by week, with
//! at most [`GanttOptions::max_rows`] rows and [`GanttOptions::max_arrows`]
//! arrows whatever the size of the plan.

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::analysis::schedule::{id_index, Forecast, Schedule, TaskTiming, WorkCalendar};
use crate::date::Date;
use crate::model::{Id, Plan};
use crate::text::{cap, unnamed};

use super::{point, round, sane, Point};

/// Half the width of a milestone's diamond; arrows stop at its tips.
pub const MILESTONE_HALF: f64 = 6.0;
/// How far an arrow runs out of a bar before it turns.
const ELBOW: f64 = 8.0;
/// Space after the last day, for a milestone at the very end.
const RIGHT_PAD: f64 = 24.0;
/// Space below the last row.
const BOTTOM_PAD: f64 = 8.0;
/// Room a tick label needs to the right of its tick.
const TICK_LABEL_ROOM: f64 = 80.0;
/// Tick steps in weeks, tried in turn; past the last, whole years.
const TICK_STEPS: [u64; 7] = [1, 2, 4, 8, 13, 26, 52];
/// No more ticks than this, whatever the options say.
const MAX_TICKS: usize = 1000;

/// Sizes and limits of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GanttOptions {
    /// Width the whole chart aims for, labels included.
    pub target_width: f64,
    /// Fewest units per working day: longer plans make a wider chart (to
    /// scroll) rather than bars too thin to see.
    pub min_day_width: f64,
    /// Most units per working day, so a short plan is not stretched.
    pub max_day_width: f64,
    /// Widest the chart may get. Only plans of many years reach it; then the
    /// day width drops below the minimum instead.
    pub max_width: f64,
    /// Width of the column of task names on the left.
    pub label_width: f64,
    /// Height of every row, phase headings included.
    pub row_height: f64,
    /// Height of a bar within its row.
    pub bar_height: f64,
    /// Height of the strip of week labels at the top.
    pub header_height: f64,
    /// Least distance between two week ticks.
    pub min_tick_gap: f64,
    /// Most task rows drawn.
    pub max_rows: usize,
    /// Most dependency arrows drawn.
    pub max_arrows: usize,
    /// Characters of a task's title shown beside its bar.
    pub label_chars: usize,
}

impl Default for GanttOptions {
    fn default() -> GanttOptions {
        GanttOptions {
            target_width: 1000.0,
            min_day_width: 3.0,
            max_day_width: 24.0,
            max_width: 16_000.0,
            label_width: 280.0,
            row_height: 28.0,
            bar_height: 16.0,
            header_height: 32.0,
            min_tick_gap: 72.0,
            max_rows: 400,
            max_arrows: 1600,
            label_chars: 32,
        }
    }
}

/// One task's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GanttRow {
    /// The task.
    pub id: Id,
    /// Its title (or a stand-in naming the id when it has none).
    pub title: String,
    /// The title cut to fit the label column.
    pub label: String,
    /// Position of its phase in `plan.phases`, when it names a known phase.
    pub phase: Option<usize>,
    /// Top of the row.
    pub y: f64,
    /// Left end of the bar: the earliest start.
    pub bar_x: f64,
    /// Length of the bar: earliest start to earliest finish (0 for a
    /// milestone, drawn as a diamond centred on `bar_x`).
    pub bar_width: f64,
    /// Left end of the slack: the earliest finish.
    pub slack_x: f64,
    /// Length of the slack: earliest finish to latest finish.
    pub slack_width: f64,
    /// True when the task has no slack.
    pub critical: bool,
    /// True when the task takes no time.
    pub milestone: bool,
    /// The task's timing, for tooltips and the table.
    pub timing: TaskTiming,
    /// Share of the work done, 0 to 100, once a forecast is laid over the
    /// chart ([`Gantt::with_forecast`]).
    pub percent: Option<u8>,
    /// Where the forecast puts the bar, when it differs from the plan:
    /// left end and length.
    pub forecast_bar: Option<(f64, f64)>,
    /// Why the task is late, for a person; empty when it is not.
    pub late: String,
    /// Where a baseline had the bar, once one is laid over the chart
    /// ([`Gantt::with_baseline`]): left end and length.
    pub ghost_bar: Option<(f64, f64)>,
}

/// Days the whole team is closed that fall inside the chart, drawn as a
/// hatched strip between the working days they separate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClosedMark {
    /// Where the strip is centred: between the last working day before the
    /// closure and the first after it.
    pub x: f64,
    /// What is closed and when, for a person.
    pub label: String,
}

/// A dependency arrow: an elbow from the end of the dependency's bar to the
/// start of the dependent task's bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GanttArrow {
    /// The dependency.
    pub from: Id,
    /// The task that waits for it.
    pub to: Id,
    /// True when both are critical and one starts as the other ends: a link
    /// of a critical chain.
    pub critical: bool,
    /// The polyline, first point at the dependency; its last segment runs
    /// rightwards into the task.
    pub points: Vec<Point>,
}

/// A phase's shaded band: a heading row, then its tasks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseBand {
    /// The phase, or `None` for the tasks without a known phase.
    pub phase: Option<Id>,
    /// Its position in `plan.phases`, or `None` as above.
    pub index: Option<usize>,
    /// The heading.
    pub name: String,
    /// Top of the band.
    pub y: f64,
    /// Height of the band, heading included.
    pub height: f64,
}

/// A week tick on the time axis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tick {
    /// Weeks from the start (0 for the first).
    pub week: u64,
    /// Where the week begins.
    pub x: f64,
    /// `12 Jan` (with the year on the first tick and when it changes) when
    /// the plan has a start date, else `Week 3`.
    pub label: String,
}

/// The laid-out timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gantt {
    /// Task rows, top to bottom.
    pub rows: Vec<GanttRow>,
    /// Dependency arrows between drawn rows.
    pub arrows: Vec<GanttArrow>,
    /// Phase bands, top to bottom.
    pub phase_bands: Vec<PhaseBand>,
    /// Week ticks, left to right.
    pub ticks: Vec<Tick>,
    /// Width of the chart.
    pub width: f64,
    /// Height of the chart.
    pub height: f64,
    /// Units per working day (not rounded: a scale, not a coordinate).
    pub day_width: f64,
    /// Where day 0 is: the right edge of the label column.
    pub origin_x: f64,
    /// Height of the week strip at the top.
    pub header_height: f64,
    /// Height of a row.
    pub row_height: f64,
    /// Height of a bar.
    pub bar_height: f64,
    /// Working days the chart spans: to the latest finish of the tasks
    /// drawn.
    pub total_days: u64,
    /// How many tasks are not drawn, when some are not.
    pub truncated: Option<usize>,
    /// How many dependency arrows between drawn tasks were left out.
    pub arrows_left_out: usize,
    /// Closures inside the chart, left to right.
    pub closed: Vec<ClosedMark>,
    /// The as-of line, once a forecast is laid over the chart: its x and
    /// day.
    pub as_of: Option<(f64, Date)>,
}

impl Gantt {
    /// The chart with a baseline's bars laid under it as ghosts: for each
    /// task, its first and last day in the baseline, placed on this
    /// schedule's working days from `start` (the plan's start date). Tasks
    /// without both days, or not in the chart, get none.
    pub fn with_baseline(
        mut self,
        schedule: &Schedule,
        start: Option<Date>,
        then: &[(Id, Option<Date>, Option<Date>)],
    ) -> Gantt {
        let cal = &schedule.calendar;
        let Some(first) = start.and_then(|d| cal.first_on_or_after(d)) else {
            return self;
        };
        let x_of = |day: u64| self.origin_x + day as f64 * self.day_width;
        let mut ghosts: Vec<(usize, (f64, f64))> = Vec::new();
        for (k, row) in self.rows.iter().enumerate() {
            let Some((_, Some(a), Some(b))) = then.iter().find(|(id, _, _)| id == &row.id) else {
                continue;
            };
            let from = cal.offset(first, *a);
            let to = if b < a {
                from
            } else {
                cal.offset(first, *b).saturating_add(1)
            };
            let to = if row.milestone { from } else { to };
            ghosts.push((k, (round(x_of(from)), round(x_of(to) - x_of(from)))));
        }
        for (k, g) in ghosts {
            self.rows[k].ghost_bar = Some(g);
        }
        self
    }

    /// The chart with a forecast laid over it: each row's progress, its
    /// forecast bar where that moved, why it is late, and the as-of line.
    /// The forecast must be of the plan and schedule the chart was laid out
    /// from; rows it does not know are left as they are.
    pub fn with_forecast(mut self, forecast: &Forecast) -> Gantt {
        let x_of = |day: u64| self.origin_x + day as f64 * self.day_width;
        for row in &mut self.rows {
            let Some(f) = forecast.task(&row.id) else {
                continue;
            };
            row.percent = Some(f.percent);
            let (x, w) = (
                round(x_of(f.start_offset)),
                round(x_of(f.finish_offset.max(f.start_offset)) - x_of(f.start_offset)),
            );
            if (x, w) != (row.bar_x, row.bar_width) {
                row.forecast_bar = Some((x, w));
            }
            row.late = if f.late {
                f.late_reason.clone()
            } else {
                String::new()
            };
        }
        if forecast.as_of_offset <= self.total_days.saturating_add(1) {
            self.as_of = Some((round(x_of(forecast.as_of_offset)), forecast.as_of));
        }
        self
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as `12 Jan`.
pub fn short_date(date: Date) -> String {
    let month = MONTHS
        .get(usize::from(date.month()).saturating_sub(1))
        .copied()
        .unwrap_or_default();
    format!("{} {month}", date.day())
}

/// The first `chars` characters of `text`, with an ellipsis when cut.
fn cut(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars.saturating_sub(1)) {
        Some((at, _)) if text[at..].chars().nth(1).is_some() => {
            format!("{}…", text[..at].trim_end())
        }
        _ => text.to_string(),
    }
}

/// A row's title: the task's own, or `Unnamed task N` by its place in the
/// plan, as messages name it (see [`crate::text::named`]).
fn task_title(title: &str, index: usize) -> String {
    match title.trim() {
        "" => cap(&unnamed("task", index)),
        title => title.to_string(),
    }
}

/// Lays out the timeline of `plan` from its `schedule`.
///
/// ```
/// use planwright_core::chart::{gantt, GanttOptions};
/// use planwright_core::model::{Id, Plan, Task};
/// use planwright_core::analysis::schedule::schedule;
///
/// let mut plan = Plan::default();
/// plan.tasks = vec![
///     Task { id: Id::from("a"), duration_days: Some(5), ..Task::default() },
///     Task { id: Id::from("b"), duration_days: Some(5), depends_on: vec![Id::from("a")], ..Task::default() },
/// ];
/// let g = gantt(&plan, &schedule(&plan).unwrap(), &GanttOptions::default());
/// assert_eq!(g.rows.len(), 2);
/// assert_eq!(g.arrows.len(), 1);
/// assert_eq!(g.rows[1].bar_x, g.rows[0].bar_x + g.rows[0].bar_width);
/// ```
pub fn gantt(plan: &Plan, schedule: &Schedule, options: &GanttOptions) -> Gantt {
    let o = options;
    let label_width = sane(o.label_width, 280.0, 0.0, 2000.0);
    let row_height = sane(o.row_height, 28.0, 1.0, 500.0);
    let bar_height = sane(o.bar_height, 16.0, 0.0, row_height);
    let header_height = sane(o.header_height, 32.0, 0.0, 500.0);
    let min_day = sane(o.min_day_width, 3.0, 0.01, 1000.0);
    let max_day = sane(o.max_day_width, 24.0, min_day, 1000.0);
    let max_width = sane(o.max_width, 16_000.0, label_width + 100.0, 1e7);
    let target_width = sane(o.target_width, 1000.0, 0.0, max_width);
    let tick_gap = sane(o.min_tick_gap, 72.0, 1.0, 1e6);

    let n = plan.tasks.len();
    let timings = timings(plan, schedule);
    let phase_pos: FxHashMap<&str, usize> = {
        let mut map = FxHashMap::default();
        for (i, p) in plan.phases.iter().enumerate() {
            map.entry(p.id.as_str()).or_insert(i);
        }
        map
    };
    let phase_of = |i: usize| -> Option<usize> {
        let id = plan.tasks.get(i)?.phase.as_ref()?;
        phase_pos.get(id.as_str()).copied()
    };
    let es = |i: usize| {
        timings
            .get(i)
            .copied()
            .flatten()
            .map_or(0, |t| t.earliest_start)
    };

    // Which tasks get a row: all that fit; otherwise the critical path
    // first, then the earliest others.
    let mut kept: Vec<usize> = (0..n).filter(|&i| timings[i].is_some()).collect();
    let index = id_index(plan);
    if kept.len() > o.max_rows {
        let mut on_path = vec![false; n];
        for id in &schedule.critical_path {
            if let Some(&i) = index.get(id.as_str()) {
                on_path[i] = true;
            }
        }
        kept.select_nth_unstable_by_key(o.max_rows, |&i| (!on_path[i], es(i), i));
        kept.truncate(o.max_rows);
    }
    kept.sort_unstable_by_key(|&i| (phase_of(i).unwrap_or(usize::MAX), es(i), i));

    // The span and the scale.
    let total_days = kept
        .iter()
        .filter_map(|&i| timings[i])
        .map(|t| t.latest_finish.max(t.earliest_finish))
        .fold(0, u64::max);
    let span = total_days as f64;
    let day_width = if total_days == 0 {
        max_day
    } else {
        let area = (target_width - label_width - RIGHT_PAD).max(0.0);
        let fit = (area / span).max(min_day).min(max_day);
        let room = max_width - label_width - RIGHT_PAD;
        if span * fit > room {
            room / span
        } else {
            fit
        }
    };
    let x_of = |day: u64| label_width + day as f64 * day_width;

    // Rows and bands, top to bottom.
    let mut rows: Vec<GanttRow> = Vec::with_capacity(kept.len());
    let mut bands: Vec<PhaseBand> = Vec::new();
    let mut row_of = vec![usize::MAX; n];
    let mut y = header_height;
    let mut band_phase: Option<Option<usize>> = None;
    for &i in &kept {
        let (Some(task), Some(t)) = (plan.tasks.get(i), timings[i]) else {
            continue;
        };
        let phase = phase_of(i);
        if band_phase != Some(phase) {
            if let Some(last) = bands.last_mut() {
                last.height = round(y - last.y);
            }
            band_phase = Some(phase);
            let (id, name) = match phase.and_then(|p| plan.phases.get(p)) {
                Some(p) => {
                    let name = match p.name.trim() {
                        "" => format!("Phase {}", phase.unwrap_or(0) + 1),
                        name => name.to_string(),
                    };
                    (Some(p.id.clone()), name)
                }
                None => (None, "Tasks without a phase".to_string()),
            };
            bands.push(PhaseBand {
                phase: id,
                index: phase,
                name: cut(&name, o.label_chars.saturating_mul(2).max(8)),
                y: round(y),
                height: 0.0,
            });
            y += row_height;
        }
        let title = task_title(&task.title, i);
        let finish = t.earliest_finish.max(t.earliest_start);
        row_of[i] = rows.len();
        rows.push(GanttRow {
            id: task.id.clone(),
            label: cut(&title, o.label_chars.max(2)),
            title,
            phase,
            y: round(y),
            bar_x: round(x_of(t.earliest_start)),
            bar_width: round(x_of(finish) - x_of(t.earliest_start)),
            slack_x: round(x_of(finish)),
            slack_width: round(x_of(t.latest_finish.max(finish)) - x_of(finish)),
            critical: t.critical,
            milestone: finish == t.earliest_start,
            timing: t.clone(),
            percent: None,
            forecast_bar: None,
            late: String::new(),
            ghost_bar: None,
        });
        y += row_height;
    }
    if let Some(last) = bands.last_mut() {
        last.height = round(y - last.y);
    }

    // Arrows between drawn rows, each dependency once.
    let mut arrows = Vec::new();
    let mut arrows_left_out = 0usize;
    let mut seen_by = vec![usize::MAX; n];
    for &i in &kept {
        let (Some(task), Some(&r)) = (plan.tasks.get(i), row_of.get(i)) else {
            continue;
        };
        for dep in &task.depends_on {
            let Some(&j) = index.get(dep.as_str()) else {
                continue;
            };
            if j == i || seen_by[j] == i {
                continue;
            }
            seen_by[j] = i;
            let Some(&from_row) = row_of.get(j) else {
                continue;
            };
            let (Some(from), Some(to)) = (rows.get(from_row), rows.get(r)) else {
                continue;
            };
            if arrows.len() >= o.max_arrows {
                arrows_left_out += 1;
                continue;
            }
            arrows.push(arrow(from, to, row_height));
        }
    }

    // A tick whose label would run off the end is dropped, except the
    // first, which widens a very short chart instead.
    let end = x_of(total_days) + RIGHT_PAD;
    let mut ticks = ticks(
        &schedule.calendar,
        plan.start_date,
        total_days,
        day_width,
        label_width,
        tick_gap,
    );
    ticks.retain(|t| t.week == 0 || t.x + TICK_LABEL_ROOM <= end);
    let width = end.max(ticks.first().map_or(0.0, |t| t.x + TICK_LABEL_ROOM));
    let left_out = n - rows.len().min(n);
    Gantt {
        rows,
        arrows,
        phase_bands: bands,
        ticks,
        width: round(width),
        height: round(y + BOTTOM_PAD),
        day_width,
        origin_x: round(label_width),
        header_height: round(header_height),
        row_height: round(row_height),
        bar_height: round(bar_height),
        total_days,
        truncated: (left_out > 0).then_some(left_out),
        arrows_left_out,
        closed: closed_marks(plan, schedule, total_days, &x_of),
        as_of: None,
    }
}

/// At most this many closures are marked on a chart.
const MAX_CLOSED_MARKS: usize = 200;

/// The closures between the chart's first and last working day.
fn closed_marks(
    plan: &Plan,
    schedule: &Schedule,
    total_days: u64,
    x_of: &dyn Fn(u64) -> f64,
) -> Vec<ClosedMark> {
    let cal = &schedule.calendar;
    let Some(first) = plan.start_date.and_then(|d| cal.first_on_or_after(d)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (lo, hi) in cal.closures() {
        if hi < first || out.len() >= MAX_CLOSED_MARKS {
            continue;
        }
        let at = cal.offset(first, lo);
        if at == 0 || at >= total_days {
            continue;
        }
        let names: Vec<&str> = plan
            .calendar
            .closures
            .iter()
            .filter(|c| {
                c.start.is_some_and(|s| s <= hi) && c.end.or(c.start).is_some_and(|e| e >= lo)
            })
            .map(|c| c.name.trim())
            .filter(|n| !n.is_empty())
            .collect();
        let what = if names.is_empty() {
            "Closed".to_string()
        } else {
            format!("Closed: {}", names.join(", "))
        };
        let when = if lo == hi {
            short_date(lo)
        } else {
            format!("{} to {}", short_date(lo), short_date(hi))
        };
        out.push(ClosedMark {
            x: round(x_of(at)),
            label: format!("{what} ({when})"),
        });
    }
    out
}

/// The schedule's timing of each task, by position in the plan. The
/// schedule normally lists tasks in plan order; when it does not (it was
/// made for another version of the plan) tasks are matched by id, and those
/// it lacks have none.
fn timings<'a>(plan: &Plan, schedule: &'a Schedule) -> Vec<Option<&'a TaskTiming>> {
    let mut by_id: Option<FxHashMap<&str, &TaskTiming>> = None;
    plan.tasks
        .iter()
        .enumerate()
        .map(|(i, task)| match schedule.tasks.get(i) {
            Some(t) if t.id == task.id => Some(t),
            _ => by_id
                .get_or_insert_with(|| {
                    let mut map = FxHashMap::default();
                    for t in &schedule.tasks {
                        map.entry(t.id.as_str()).or_insert(t);
                    }
                    map
                })
                .get(task.id.as_str())
                .copied(),
        })
        .collect()
}

/// The elbow from the end of `from`'s bar to the start of `to`'s.
fn arrow(from: &GanttRow, to: &GanttRow, row_height: f64) -> GanttArrow {
    let tip = |r: &GanttRow| if r.milestone { MILESTONE_HALF } else { 0.0 };
    let fx = from.bar_x + from.bar_width + tip(from);
    let fy = from.y + row_height / 2.0;
    let tx = to.bar_x - tip(to);
    let ty = to.y + row_height / 2.0;
    let points = if tx - fx >= 2.0 * ELBOW {
        vec![
            point(fx, fy),
            point(fx + ELBOW, fy),
            point(fx + ELBOW, ty),
            point(tx, ty),
        ]
    } else {
        // No room to turn between the bars: step out, run along the edge
        // of the target's row, and come in from its left.
        let edge = if to.y >= from.y {
            to.y
        } else {
            to.y + row_height
        };
        vec![
            point(fx, fy),
            point(fx + ELBOW, fy),
            point(fx + ELBOW, edge),
            point(tx - ELBOW, edge),
            point(tx - ELBOW, ty),
            point(tx, ty),
        ]
    };
    GanttArrow {
        from: from.id.clone(),
        to: to.id.clone(),
        critical: from.critical
            && to.critical
            && from.timing.earliest_finish == to.timing.earliest_start,
        points,
    }
}

/// Week ticks, spaced at least `gap` apart on a step of 1, 2, 4, 8, 13, 26
/// or 52 weeks (or whole years beyond).
fn ticks(
    calendar: &WorkCalendar,
    start: Option<Date>,
    total_days: u64,
    day_width: f64,
    origin: f64,
    gap: f64,
) -> Vec<Tick> {
    let per_week = calendar.days_per_week().max(1);
    let week = per_week as f64 * day_width;
    let step = match TICK_STEPS.iter().find(|&&s| s as f64 * week >= gap) {
        Some(&s) => s,
        None if week > 0.0 => {
            let years = (gap / (52.0 * week)).ceil();
            if (1.0..1e12).contains(&years) {
                52 * years as u64
            } else {
                52
            }
        }
        None => 52,
    };
    let mut out: Vec<Tick> = Vec::new();
    let mut last_year = None;
    let mut w: u64 = 0;
    loop {
        let day = w.saturating_mul(per_week);
        if (w > 0 && day >= total_days) || out.len() >= MAX_TICKS {
            break;
        }
        let label = match start.and_then(|s| calendar.day(s, day)) {
            Some(date) => {
                let year = date.year();
                let text = short_date(date);
                if last_year == Some(year) {
                    text
                } else {
                    last_year = Some(year);
                    format!("{text} {year}")
                }
            }
            None => format!("Week {}", w.saturating_add(1)),
        };
        out.push(Tick {
            week: w,
            x: round(origin + day as f64 * day_width),
            label,
        });
        match w.checked_add(step) {
            Some(next) => w = next,
            None => break,
        }
    }
    out
}
