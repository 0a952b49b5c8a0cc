//! Geometry of the results charts: the readiness radar and the roadmap
//! timeline (a Gantt chart).
//!
//! Contract: [`radar`] and [`gantt`] turn scores and a schedule into plain
//! numbers (points, rectangles, elbow paths, tick positions) in SVG user
//! units, x to the right and y downwards. They draw nothing and know nothing
//! of the browser; the web app writes the numbers out as SVG, and tests can
//! check them here, natively.
//!
//! Invariants:
//! - Every coordinate is finite and rounded to hundredths, so the output is
//!   the same on every platform and short to write out.
//! - Radar: the first axis points straight up and the others follow
//!   clockwise, evenly spaced; scores above 100 count as 100.
//! - Gantt: rows are grouped by phase in phase order (tasks without a known
//!   phase last) and, within a phase, sorted by earliest start and then plan
//!   order. Whatever the size of the plan there are at most
//!   [`GanttOptions::max_rows`] rows and [`GanttOptions::max_arrows`] arrows;
//!   when tasks must be left out, those on the critical path are kept first,
//!   then the earliest others, and [`Gantt::truncated`] says how many are
//!   missing. Time is linear in tasks plus dependencies (a selection, then a
//!   sort of the few rows kept).
//! - Neither function panics on any input: dangling or repeated ids, tasks
//!   the schedule does not know, zero or enormous durations, odd options.

use serde::Serialize;

use rustc_hash::FxHashMap;

use crate::analysis::schedule::{id_index, working_day, Schedule, TaskTiming};
use crate::date::Date;
use crate::model::{Id, Plan};

/// A point in SVG user units.
pub type Point = (f64, f64);

/// Rounds to hundredths, turning `-0` into `0` and anything not finite
/// into `0`.
fn round(v: f64) -> f64 {
    if v.is_finite() {
        (v * 100.0).round() / 100.0 + 0.0
    } else {
        0.0
    }
}

fn point(x: f64, y: f64) -> Point {
    (round(x), round(y))
}

/// `value` when it is a finite number in `lo..=hi`, else the nearest bound
/// (or `fallback` when it is not a number at all).
fn sane(value: f64, fallback: f64, lo: f64, hi: f64) -> f64 {
    if value.is_nan() {
        fallback
    } else {
        value.max(lo).min(hi)
    }
}

// ----- radar ---------------------------------------------------------------

/// Score levels the radar draws a ring for.
pub const RADAR_LEVELS: [u32; 4] = [25, 50, 75, 100];
/// Distance between the lines of a wrapped axis label (laid out for 12 px
/// text).
pub const RADAR_LINE_HEIGHT: f64 = 14.0;
/// Gap between the outer ring and an axis label.
const RADAR_LABEL_GAP: f64 = 10.0;
/// Characters per line of an axis label before it wraps.
const RADAR_LABEL_CHARS: usize = 20;
/// Lines an axis label may take; the rest is cut with an ellipsis.
const RADAR_LABEL_LINES: usize = 3;
/// Room left and right of the outer ring for labels: the gap and a line of
/// 12 px text ([`RADAR_LABEL_CHARS`] characters).
const RADAR_ROOM_X: f64 = RADAR_LABEL_GAP + 130.0;
/// Room above and below the outer ring for labels: the gap and three lines.
const RADAR_ROOM_Y: f64 = RADAR_LABEL_GAP + RADAR_LINE_HEIGHT * 3.0;

/// Which end of a label sits at its anchor point (SVG's `text-anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    /// The label starts at the point and runs right.
    Start,
    /// The label is centred on the point.
    Middle,
    /// The label ends at the point.
    End,
}

impl Anchor {
    /// The value of SVG's `text-anchor`.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One spoke of the radar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Axis {
    /// The dimension's name, as given.
    pub label: String,
    /// The name wrapped into at most three short lines.
    pub lines: Vec<String>,
    /// The score, capped at 100.
    pub score: u32,
    /// Where the spoke meets the outer (100) ring.
    pub end: Point,
    /// Where the score sits on the spoke.
    pub point: Point,
    /// Middle of the label's first line; further lines follow
    /// [`RADAR_LINE_HEIGHT`] below (draw with `dominant-baseline: central`).
    pub label_at: Point,
    /// How the label lines up with `label_at`.
    pub anchor: Anchor,
}

/// A radar chart of scores out of 100, laid out in a `width` × `height` box.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Radar {
    /// Width of the box, labels included.
    pub width: f64,
    /// Height of the box, labels included.
    pub height: f64,
    /// Centre of the rings.
    pub center: Point,
    /// Radius of the outer (100) ring.
    pub radius: f64,
    /// One spoke per score, the first pointing up, then clockwise.
    pub axes: Vec<Axis>,
    /// The score each ring stands for ([`RADAR_LEVELS`]).
    pub levels: Vec<u32>,
    /// One closed polygon per level, a corner on each spoke. Empty with
    /// fewer than three scores, which enclose no area.
    pub rings: Vec<Vec<Point>>,
    /// The scores' polygon, a corner on each spoke. Empty with fewer than
    /// three scores.
    pub polygon: Vec<Point>,
}

/// Wraps a label at word boundaries into at most [`RADAR_LABEL_LINES`]
/// lines of about [`RADAR_LABEL_CHARS`] characters.
fn wrap(label: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut cut = false;
    for word in label.split_whitespace() {
        if current.is_empty() {
            current.push_str(word);
        } else if current.chars().count() + 1 + word.chars().count() <= RADAR_LABEL_CHARS {
            current.push(' ');
            current.push_str(word);
        } else {
            lines.push(std::mem::take(&mut current));
            if lines.len() == RADAR_LABEL_LINES {
                cut = true;
                break;
            }
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// Lays out a radar chart of `scores` (name, score out of 100) whose outer
/// ring is `size` units across; the box returned adds room for the labels.
///
/// ```
/// use planwright_core::chart::{radar, Anchor};
///
/// let scores: Vec<(String, u32)> = ["Data", "People", "Risk", "Tools"]
///     .iter()
///     .map(|d| (d.to_string(), 50))
///     .collect();
/// let r = radar(&scores, 200.0);
/// assert_eq!(r.axes.len(), 4);
/// assert_eq!(r.polygon.len(), 4);
/// // The first spoke points up from the centre, the second to the right.
/// let (cx, cy) = r.center;
/// assert_eq!(r.axes[0].end, (cx, cy - 100.0));
/// assert_eq!(r.axes[1].end, (cx + 100.0, cy));
/// assert_eq!(r.axes[1].anchor, Anchor::Start);
/// ```
pub fn radar(scores: &[(String, u32)], size: f64) -> Radar {
    let radius = sane(size, 0.0, 0.0, 10_000.0) / 2.0;
    let width = 2.0 * (radius + RADAR_ROOM_X);
    let height = 2.0 * (radius + RADAR_ROOM_Y);
    let (cx, cy) = (width / 2.0, height / 2.0);
    let n = scores.len();
    let angle =
        |k: usize| -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * k as f64 / n as f64;
    let at = |k: usize, r: f64| {
        let a = angle(k);
        point(cx + r * a.cos(), cy + r * a.sin())
    };
    let axes: Vec<Axis> = scores
        .iter()
        .enumerate()
        .map(|(k, (label, score))| {
            let score = (*score).min(100);
            let (cos, sin) = (angle(k).cos(), angle(k).sin());
            let lines = wrap(label);
            let reach = radius + RADAR_LABEL_GAP;
            let (lx, ly) = (cx + reach * cos, cy + reach * sin);
            // Labels above the centre grow upwards, those below downwards,
            // those at the sides are centred on their spoke.
            let block = RADAR_LINE_HEIGHT * lines.len().saturating_sub(1) as f64;
            let first = ly - block / 2.0 + sin * (block + RADAR_LINE_HEIGHT) / 2.0;
            let anchor = if cos.abs() < 0.3 {
                Anchor::Middle
            } else if cos > 0.0 {
                Anchor::Start
            } else {
                Anchor::End
            };
            Axis {
                label: label.clone(),
                lines,
                score,
                end: at(k, radius),
                point: at(k, radius * f64::from(score) / 100.0),
                label_at: point(lx, first),
                anchor,
            }
        })
        .collect();
    let (rings, polygon) = if n < 3 {
        (Vec::new(), Vec::new())
    } else {
        let rings = RADAR_LEVELS
            .iter()
            .map(|level| {
                (0..n)
                    .map(|k| at(k, radius * f64::from(*level) / 100.0))
                    .collect()
            })
            .collect();
        (rings, axes.iter().map(|a| a.point).collect())
    };
    Radar {
        width: round(width),
        height: round(height),
        center: point(cx, cy),
        radius: round(radius),
        axes,
        levels: RADAR_LEVELS.to_vec(),
        rings,
        polygon,
    }
}

// ----- gantt ---------------------------------------------------------------

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

fn task_title(title: &str, id: &Id) -> String {
    match (title.trim(), id.as_str()) {
        ("", "") => "Untitled task".to_string(),
        ("", id) => format!("Task '{id}'"),
        (title, _) => title.to_string(),
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
        let title = task_title(&task.title, &task.id);
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
    }
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
fn ticks(start: Option<Date>, total_days: u64, day_width: f64, origin: f64, gap: f64) -> Vec<Tick> {
    let week = 5.0 * day_width;
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
        let day = w.saturating_mul(5);
        if (w > 0 && day >= total_days) || out.len() >= MAX_TICKS {
            break;
        }
        let label = match start.and_then(|s| working_day(s, day)) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::schedule::schedule;
    use crate::model::{Phase, Task};
    use crate::testing::{task, tasks_only as plan};
    use proptest::prelude::*;

    /// Options spelled out, so the exact numbers below do not move when the
    /// defaults are tuned.
    fn options() -> GanttOptions {
        GanttOptions {
            target_width: 1000.0,
            min_day_width: 3.0,
            max_day_width: 24.0,
            max_width: 16_000.0,
            label_width: 240.0,
            row_height: 28.0,
            bar_height: 16.0,
            header_height: 32.0,
            min_tick_gap: 72.0,
            max_rows: 400,
            max_arrows: 1600,
            label_chars: 34,
        }
    }

    fn laid_out(p: &Plan) -> Gantt {
        let s = schedule(p).expect("no loop");
        gantt(p, &s, &options())
    }

    fn ids(g: &Gantt) -> Vec<&str> {
        g.rows.iter().map(|r| r.id.as_str()).collect()
    }

    fn scores(list: &[(&str, u32)]) -> Vec<(String, u32)> {
        list.iter().map(|(l, s)| (l.to_string(), *s)).collect()
    }

    #[test]
    fn layout_radar_of_four_has_exact_corners() {
        let r = radar(
            &scores(&[("Up", 100), ("Right", 50), ("Down", 0), ("Left", 250)]),
            200.0,
        );
        // Outer ring of radius 100, room for labels of 140 across and 52 down.
        assert_eq!((r.width, r.height, r.radius), (480.0, 304.0, 100.0));
        assert_eq!(r.center, (240.0, 152.0));
        let ends: Vec<Point> = r.axes.iter().map(|a| a.end).collect();
        assert_eq!(
            ends,
            [
                (240.0, 52.0),
                (340.0, 152.0),
                (240.0, 252.0),
                (140.0, 152.0)
            ]
        );
        // 100, 50, 0, and 250 capped at 100.
        assert_eq!(
            r.polygon,
            [
                (240.0, 52.0),
                (290.0, 152.0),
                (240.0, 152.0),
                (140.0, 152.0)
            ]
        );
        assert_eq!(r.axes[3].score, 100);
        let anchors: Vec<Anchor> = r.axes.iter().map(|a| a.anchor).collect();
        assert_eq!(
            anchors,
            [Anchor::Middle, Anchor::Start, Anchor::Middle, Anchor::End]
        );
        // One-line labels: above the top spoke, beside the side ones, below
        // the bottom one.
        let labels: Vec<Point> = r.axes.iter().map(|a| a.label_at).collect();
        assert_eq!(
            labels,
            [
                (240.0, 35.0),
                (350.0, 152.0),
                (240.0, 269.0),
                (130.0, 152.0)
            ]
        );
        assert_eq!(r.levels, [25, 50, 75, 100]);
        assert_eq!(
            r.rings[0],
            [
                (240.0, 127.0),
                (265.0, 152.0),
                (240.0, 177.0),
                (215.0, 152.0)
            ]
        );
    }

    #[test]
    fn layout_radar_of_eight_goes_clockwise_and_wraps_labels() {
        let dims = scores(&[
            ("Outcomes and metrics", 80),
            ("Sponsorship and ownership", 60),
            ("Stakeholder alignment and decision roles", 40),
            ("Data readiness", 20),
            ("Technology and integration", 100),
            ("Governance and risk", 0),
            ("Change management and adoption", 50),
            ("Monitoring and feedback", 70),
        ]);
        let r = radar(&dims, 200.0);
        assert_eq!(r.polygon.len(), 8);
        assert_eq!(r.rings.len(), 4);
        assert!(r.rings.iter().all(|ring| ring.len() == 8));
        // Second spoke: up and to the right, 45° clockwise from the first.
        let (cx, cy) = r.center;
        let (x, y) = r.axes[1].end;
        assert!(x > cx && y < cy);
        assert_eq!(round(x - cx), round(cy - y));
        assert_eq!(r.axes[1].anchor, Anchor::Start);
        assert_eq!(r.axes[5].anchor, Anchor::End);
        assert_eq!(
            r.axes[2].lines,
            ["Stakeholder", "alignment and", "decision roles"]
        );
        assert_eq!(r.axes[3].lines, ["Data readiness"]);
        // A three-line label at the side is centred on its spoke.
        assert_eq!(r.axes[2].label_at, (350.0, 152.0 - RADAR_LINE_HEIGHT));
        // Everything stays in the box.
        for a in &r.axes {
            for (x, y) in [a.end, a.point, a.label_at] {
                assert!((0.0..=r.width).contains(&x) && (0.0..=r.height).contains(&y));
            }
        }
    }

    #[test]
    fn layout_radar_edge_cases() {
        assert!(radar(&[], 200.0).axes.is_empty());
        let two = radar(&scores(&[("A", 10), ("B", 20)]), 200.0);
        assert_eq!(two.axes.len(), 2);
        assert!(two.polygon.is_empty() && two.rings.is_empty());
        for size in [f64::NAN, f64::INFINITY, -5.0, 0.0] {
            let r = radar(&scores(&[("A", 1), ("B", 2), ("C", 3)]), size);
            assert!(r
                .polygon
                .iter()
                .all(|(x, y)| x.is_finite() && y.is_finite()));
        }
        let long = wrap("one two three four five six seven eight nine ten eleven twelve");
        assert_eq!(long.len(), 3);
        assert!(long[2].ends_with('…'));
    }

    #[test]
    fn layout_chain_has_exact_bars_and_elbows() {
        // a(5) → b(10) → c(5): 20 days over 1000 - 240 - 24 = 736 units is
        // 36.8 a day, capped at 24.
        let g = laid_out(&plan(vec![
            task("a", 5, &[]),
            task("b", 10, &["a"]),
            task("c", 5, &["b"]),
        ]));
        assert_eq!(g.day_width, 24.0);
        assert_eq!(g.total_days, 20);
        assert_eq!(ids(&g), ["a", "b", "c"]);
        let bars: Vec<(f64, f64, f64)> =
            g.rows.iter().map(|r| (r.y, r.bar_x, r.bar_width)).collect();
        // One band heading (28) under the 32 header, then a row each.
        assert_eq!(
            bars,
            [
                (60.0, 240.0, 120.0),
                (88.0, 360.0, 240.0),
                (116.0, 600.0, 120.0)
            ]
        );
        assert!(g.rows.iter().all(|r| r.critical && r.slack_width == 0.0));
        assert_eq!(g.phase_bands.len(), 1);
        assert_eq!(g.phase_bands[0].name, "Tasks without a phase");
        assert_eq!((g.phase_bands[0].y, g.phase_bands[0].height), (32.0, 112.0));
        assert_eq!(g.width, 240.0 + 480.0 + 24.0);
        assert_eq!(g.height, 144.0 + 8.0);
        // Adjacent bars leave no room to turn between them: the arrow runs
        // along the top of the next row and comes in from the left.
        assert_eq!(g.arrows.len(), 2);
        assert_eq!(
            g.arrows[0].points,
            [
                (360.0, 74.0),
                (368.0, 74.0),
                (368.0, 88.0),
                (352.0, 88.0),
                (352.0, 102.0),
                (360.0, 102.0)
            ]
        );
        assert!(g.arrows.iter().all(|a| a.critical));
        let ticks: Vec<(f64, &str)> = g.ticks.iter().map(|t| (t.x, t.label.as_str())).collect();
        assert_eq!(
            ticks,
            [
                (240.0, "Week 1"),
                (360.0, "Week 2"),
                (480.0, "Week 3"),
                (600.0, "Week 4")
            ]
        );
        assert_eq!(g.truncated, None);
    }

    #[test]
    fn layout_diamond_shows_slack_and_straight_elbows() {
        // a(2) → b(5) → d(1); a → c(1) → d. c has 4 days of slack.
        let g = laid_out(&plan(vec![
            task("a", 2, &[]),
            task("b", 5, &["a"]),
            task("c", 1, &["a"]),
            task("d", 1, &["b", "c"]),
        ]));
        assert_eq!(ids(&g), ["a", "b", "c", "d"]);
        let c = &g.rows[2];
        assert_eq!((c.bar_x, c.bar_width), (288.0, 24.0));
        assert_eq!((c.slack_x, c.slack_width), (312.0, 96.0));
        assert!(!c.critical);
        let critical: Vec<bool> = g.rows.iter().map(|r| r.critical).collect();
        assert_eq!(critical, [true, true, false, true]);
        // c → d has room to turn right after c ends.
        let cd = g
            .arrows
            .iter()
            .find(|a| a.from.as_str() == "c")
            .expect("c → d");
        assert_eq!(cd.to.as_str(), "d");
        assert_eq!(
            cd.points,
            [
                (312.0, 130.0),
                (320.0, 130.0),
                (320.0, 158.0),
                (408.0, 158.0)
            ]
        );
        assert!(!cd.critical);
        let pairs: Vec<(&str, &str, bool)> = g
            .arrows
            .iter()
            .map(|a| (a.from.as_str(), a.to.as_str(), a.critical))
            .collect();
        assert_eq!(
            pairs,
            [
                ("a", "b", true),
                ("a", "c", false),
                ("b", "d", true),
                ("c", "d", false)
            ]
        );
    }

    #[test]
    fn layout_milestone_is_a_point_and_arrows_stop_at_its_tips() {
        let g = laid_out(&plan(vec![
            task("a", 3, &[]),
            task("m", 0, &["a"]),
            task("b", 2, &["m"]),
        ]));
        let m = &g.rows[1];
        assert!(m.milestone && m.critical);
        assert_eq!((m.bar_x, m.bar_width, m.slack_width), (312.0, 0.0, 0.0));
        let into = &g.arrows[0].points;
        assert_eq!(into.last(), Some(&(312.0 - MILESTONE_HALF, 88.0 + 14.0)));
        let out_of = &g.arrows[1].points;
        assert_eq!(out_of.first(), Some(&(312.0 + MILESTONE_HALF, 88.0 + 14.0)));
        assert!(!g.rows[0].milestone && !g.rows[2].milestone);
    }

    #[test]
    fn layout_groups_by_phase_then_start_and_dates_the_weeks() {
        let mut p = plan(vec![
            task("late", 5, &["early"]),
            task("free", 2, &[]),
            task("early", 5, &[]),
            task("pilot", 10, &["late"]),
            task("stray", 1, &[]),
        ]);
        p.phases = vec![
            Phase {
                id: Id::from("p1"),
                name: "Foundation".into(),
                ..Phase::default()
            },
            Phase {
                id: Id::from("p2"),
                name: String::new(),
                ..Phase::default()
            },
        ];
        for (i, phase) in [(0, "p1"), (1, "p1"), (2, "p1"), (3, "p2"), (4, "gone")] {
            p.tasks[i].phase = Some(Id::from(phase));
        }
        p.start_date = Some("2026-01-12".parse().expect("a date"));
        let g = laid_out(&p);
        // Within the phase: by earliest start, then plan order.
        assert_eq!(ids(&g), ["free", "early", "late", "pilot", "stray"]);
        let bands: Vec<(Option<usize>, &str, f64, f64)> = g
            .phase_bands
            .iter()
            .map(|b| (b.index, b.name.as_str(), b.y, b.height))
            .collect();
        assert_eq!(
            bands,
            [
                (Some(0), "Foundation", 32.0, 112.0),
                (Some(1), "Phase 2", 144.0, 56.0),
                (None, "Tasks without a phase", 200.0, 56.0)
            ]
        );
        // 20 days fit at 36.8 a day, capped at 24; a tick each week.
        let labels: Vec<&str> = g.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["12 Jan 2026", "19 Jan", "26 Jan", "2 Feb"]);
        assert_eq!(
            g.rows[3].timing.start.map(short_date).as_deref(),
            Some("26 Jan")
        );
    }

    #[test]
    fn layout_long_plans_scroll_and_thin_the_ticks() {
        // 600 working days: 736 / 600 is below the 3-unit minimum.
        let g = laid_out(&plan(vec![task("long", 600, &[])]));
        assert_eq!(g.day_width, 3.0);
        assert_eq!(g.width, 240.0 + 1800.0 + 24.0);
        // A week is 15 units; ticks every 8 weeks (120) clear the 72 gap.
        assert_eq!(g.ticks[1].week, 8);
        assert_eq!(g.ticks.len(), 15);
        // Enormous durations shrink the scale rather than the page growing
        // without bound, and the ticks stay few.
        let g = laid_out(&plan(vec![
            task("huge", u32::MAX, &[]),
            task("x", u32::MAX, &["huge"]),
        ]));
        assert!(g.width <= 16_000.0, "{}", g.width);
        assert!(g.ticks.len() < 300, "{}", g.ticks.len());
        assert!(g
            .rows
            .iter()
            .all(|r| r.bar_x.is_finite() && r.bar_width >= 0.0));
    }

    #[test]
    fn layout_empty_and_mismatched_input_does_not_panic() {
        let empty = laid_out(&Plan::default());
        assert!(empty.rows.is_empty() && empty.phase_bands.is_empty());
        assert_eq!(empty.ticks.len(), 1);
        assert_eq!(empty.truncated, None);

        // A schedule of another version of the plan: tasks it lacks are not
        // drawn and counted; dangling dependencies draw nothing.
        let old = plan(vec![task("a", 2, &[]), task("b", 3, &["a"])]);
        let s = schedule(&old).expect("no loop");
        let mut new = plan(vec![
            task("new", 1, &["a", "ghost"]),
            task("b", 3, &["a", "a"]),
            task("a", 2, &[]),
        ]);
        new.tasks.push(task("a", 9, &[])); // a duplicate id
        let g = gantt(&new, &s, &GanttOptions::default());
        assert_eq!(ids(&g), ["a", "a", "b"]);
        assert_eq!(g.truncated, Some(1));
        assert_eq!(g.arrows.len(), 1, "b → the first a, once");

        let odd = GanttOptions {
            target_width: f64::NAN,
            min_day_width: 50.0,
            max_day_width: -1.0,
            max_width: f64::INFINITY,
            label_width: -3.0,
            row_height: 0.0,
            bar_height: 99.0,
            header_height: f64::NEG_INFINITY,
            min_tick_gap: 0.0,
            max_rows: 0,
            max_arrows: 0,
            label_chars: 0,
        };
        let g = gantt(&old, &s, &odd);
        assert!(g.rows.is_empty() && g.width.is_finite() && g.height.is_finite());
        assert_eq!(g.truncated, Some(2));
    }

    #[test]
    fn layout_of_100k_tasks_stays_within_the_cap_and_keeps_the_critical_path() {
        let n = 100_000usize;
        // A critical chain of 10 long tasks, buried among 100k short free ones.
        let mut tasks: Vec<Task> = (0..n)
            .map(|i| task(&format!("t{i}"), 1 + (i % 3) as u32, &[]))
            .collect();
        for k in 0..10 {
            let dep = format!("c{}", k.max(1) - 1);
            let deps: Vec<&str> = if k == 0 { vec![] } else { vec![dep.as_str()] };
            tasks.push(task(&format!("c{k}"), 10, &deps));
        }
        let p = plan(tasks);
        let g = laid_out(&p);
        let cap = options().max_rows;
        assert_eq!(g.rows.len(), cap);
        assert_eq!(g.truncated, Some(n + 10 - cap));
        for k in 0..10 {
            let id = format!("c{k}");
            assert!(g.rows.iter().any(|r| r.id.as_str() == id), "{id} kept");
        }
        assert_eq!(g.arrows.len(), 9);
        // The others kept are the earliest: all start on day 0.
        assert!(g
            .rows
            .iter()
            .all(|r| r.id.as_str().starts_with('c') || r.timing.earliest_start == 0));

        // A chain longer than the cap keeps its first tasks.
        let chain: Vec<Task> = (0..n)
            .map(|i| {
                let dep = format!("t{}", i.max(1) - 1);
                let deps: Vec<&str> = if i == 0 { vec![] } else { vec![dep.as_str()] };
                task(&format!("t{i}"), 1, &deps)
            })
            .collect();
        let g = laid_out(&plan(chain));
        assert_eq!(g.rows.len(), cap);
        assert_eq!(g.rows[0].id.as_str(), "t0");
        assert_eq!(g.arrows.len(), cap - 1);
        assert!(g.width <= 16_000.0);
    }

    fn arbitrary_plan() -> impl Strategy<Value = Plan> {
        let ids = prop::sample::select(vec!["a", "b", "c", "d", "e", "", "ghost"]);
        let one = (
            ids.clone(),
            prop::option::of(0u32..40),
            prop::collection::vec(ids.clone(), 0..4),
            prop::option::of(prop::sample::select(vec!["p1", "p2", "nope"])),
        );
        prop::collection::vec(one, 0..12).prop_map(|list| {
            let mut p = Plan::blank();
            p.phases[0].id = Id::from("p1");
            p.phases[1].id = Id::from("p2");
            p.tasks = list
                .into_iter()
                .map(|(id, days, deps, phase)| Task {
                    id: Id::from(id),
                    duration_days: days,
                    depends_on: deps.into_iter().map(Id::from).collect(),
                    phase: phase.map(Id::from),
                    ..Task::default()
                })
                .collect();
            p
        })
    }

    proptest! {
        #[test]
        fn layout_of_any_plan_is_finite_and_within_bounds(p in arbitrary_plan(), rows in 0usize..6) {
            let Ok(s) = schedule(&p) else { return Ok(()) };
            let options = GanttOptions { max_rows: rows, ..GanttOptions::default() };
            let g = gantt(&p, &s, &options);
            prop_assert!(g.rows.len() <= rows);
            prop_assert_eq!(g.rows.len() + g.truncated.unwrap_or(0), p.tasks.len());
            for r in &g.rows {
                prop_assert!(r.bar_x >= g.origin_x && r.bar_x + r.bar_width <= g.width);
                prop_assert!(r.slack_x + r.slack_width <= g.width);
                prop_assert!(r.y + g.row_height <= g.height);
            }
            for a in &g.arrows {
                prop_assert!(a.points.iter().all(|(x, y)| x.is_finite() && y.is_finite()));
                let last = a.points.len() - 1;
                prop_assert!(a.points[last].0 >= a.points[last - 1].0);
            }
        }
    }
}
