//! The schedule as it now stands: the plan's timing redone from what has
//! actually happened by an "as of" day.
//!
//! Contract: [`forecast`] takes the plan, its planned [`Schedule`] and the
//! as-of day, and places every task:
//! - a finished task (status done, or an actual finish) sits at its actual
//!   dates;
//! - a started task (in progress, or with an actual start) keeps
//!   its actual start and ends after its remaining work, counted from the
//!   as-of day: the part of its length percent complete leaves, or, with no
//!   percent given, its length less the working days since it started (at
//!   least one day while it is not done);
//! - nothing else begins before the as-of day or before its dependencies
//!   end.
//!
//! A task is late when its forecast finish falls after its planned finish,
//! or when its planned finish is before the as-of day and it is not done.
//! With no actuals and an as-of day on or before the start, the forecast is
//! the planned schedule. Linear in tasks plus dependencies, like the
//! schedule; a plan without a start date has no forecast.

use serde::Serialize;

use super::calendar::advance;
use super::{Away, Schedule, TaskGraph};
use crate::choice;
use crate::date::Date;
use crate::model::{Id, Plan, TaskStatus};

choice! {
    /// Where a task stands on the as-of day.
    TaskState {
        NotStarted = "not_started": "Not started",
        Started = "started": "Started",
        Done = "done": "Done",
    }
    default NotStarted
}

/// One task as forecast.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskForecast {
    /// The task.
    pub id: Id,
    /// Where it stands.
    pub state: TaskState,
    /// Share of its work done, 0 to 100 (100 when done).
    pub percent: u8,
    /// Working days of work left.
    pub remaining_days: u64,
    /// Forecast start, in working days from the plan start.
    pub start_offset: u64,
    /// Offset just after its forecast last day.
    pub finish_offset: u64,
    /// Forecast (or actual) first day.
    pub start: Option<Date>,
    /// Forecast (or actual) last day.
    pub finish: Option<Date>,
    /// Working days the forecast finish is after the planned one (negative
    /// when ahead).
    pub slip_days: i64,
    /// True when late (see the module notes).
    pub late: bool,
    /// Why it is late, for a person; empty when it is not.
    pub late_reason: String,
}

/// A phase's gate: when the last of its tasks was planned to finish, and
/// when it is now forecast to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateForecast {
    /// The phase.
    pub phase: Id,
    /// Planned last day of its tasks.
    pub planned: Option<Date>,
    /// Forecast last day of its tasks.
    pub forecast: Option<Date>,
    /// Working days the forecast is after the plan (negative when ahead).
    pub slip_days: i64,
}

/// The schedule forecast from actuals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    /// The day the forecast is made on.
    pub as_of: Date,
    /// Offset of the as-of day from the plan start.
    pub as_of_offset: u64,
    /// Each task, in plan order.
    pub tasks: Vec<TaskForecast>,
    /// Planned last working day.
    pub planned_finish: Option<Date>,
    /// Forecast last working day.
    pub finish: Option<Date>,
    /// Offset just after the forecast's last working day.
    pub finish_offset: u64,
    /// Working days the forecast end is after the planned end (negative
    /// when ahead).
    pub slip_days: i64,
    /// Tasks done.
    pub done: usize,
    /// Tasks started and not done.
    pub started: usize,
    /// Tasks late.
    pub late: usize,
    /// Each phase's gate with its forecast date, in plan order; phases with
    /// no tasks are left out.
    pub gates: Vec<GateForecast>,
}

impl Forecast {
    /// The forecast of a task.
    pub fn task(&self, id: &Id) -> Option<&TaskForecast> {
        self.tasks.iter().find(|t| &t.id == id)
    }
}

fn diff(a: u64, b: u64) -> i64 {
    i64::try_from(a)
        .unwrap_or(i64::MAX)
        .saturating_sub(i64::try_from(b).unwrap_or(i64::MAX))
}

/// The forecast on `as_of`, or `None` when the plan has no start date (or
/// one its calendar cannot place).
pub fn forecast(plan: &Plan, schedule: &Schedule, as_of: Date) -> Option<Forecast> {
    let calendar = &schedule.calendar;
    let first = calendar.first_on_or_after(plan.start_date?)?;
    let n = plan.tasks.len();
    if schedule.tasks.len() != n {
        return None;
    }
    let graph = TaskGraph::new(plan);
    let away = Away::new(plan, calendar, Some(first));
    let now = calendar.offset(first, as_of);
    let offset = |d: Date| calendar.offset(first, d);

    let mut state = vec![TaskState::NotStarted; n];
    let mut percent = vec![0u8; n];
    let mut remaining = vec![0u64; n];
    let mut es = vec![0u64; n];
    let mut ef = vec![0u64; n];
    for &i in &schedule.order_index {
        let t = &plan.tasks[i];
        let length = u64::from(t.duration_days.unwrap_or(0));
        let ready = graph
            .deps
            .preds(i)
            .iter()
            .map(|&p| ef[p])
            .max()
            .unwrap_or(0);
        let done = t.status == TaskStatus::Done || t.actual_finish.is_some();
        let started = !done && (t.actual_start.is_some() || t.status == TaskStatus::InProgress);
        if done {
            state[i] = TaskState::Done;
            percent[i] = 100;
            let planned = &schedule.tasks[i];
            let finish = t.actual_finish.map(|d| offset(d).saturating_add(1));
            let start = t.actual_start.map(offset);
            (es[i], ef[i]) = match (start, finish) {
                (Some(s), Some(f)) => (s, f.max(s)),
                (Some(s), None) => (s, s.saturating_add(length).min(now.max(s))),
                (None, Some(f)) => (f.saturating_sub(length.max(1)), f),
                // Done without dates: where the plan put it.
                (None, None) => (planned.earliest_start, planned.earliest_finish),
            };
            if length == 0 && start.is_none() && finish.is_some() {
                es[i] = ef[i].saturating_sub(1);
                ef[i] = es[i];
            }
        } else if started {
            state[i] = TaskState::Started;
            let start = t.actual_start.map_or(ready.min(now), offset);
            let left = match t.percent_complete {
                Some(p) => {
                    let p = u64::from(p.min(100));
                    percent[i] = p as u8;
                    (length * (100 - p)).div_ceil(100)
                }
                None => {
                    let elapsed = now.saturating_sub(start);
                    let left = length.saturating_sub(elapsed).max(u64::from(length > 0));
                    percent[i] = ((length - left) * 100)
                        .checked_div(length)
                        .map_or(0, |p| p as u8);
                    left
                }
            };
            remaining[i] = left;
            es[i] = start;
            ef[i] = advance(away.of(i), start.max(now), left).1;
        } else {
            remaining[i] = length;
            (es[i], ef[i]) = advance(away.of(i), ready.max(now), length);
        }
    }

    // Each working day's date worked out once, as the schedule does, when
    // the forecast spans a few days per task.
    let span = ef.iter().copied().max().unwrap_or(0);
    let table = if span <= (n as u64).saturating_mul(2).saturating_add(64) {
        calendar.table(first, span as usize + 1)
    } else {
        Vec::new()
    };
    let date_of = |k: u64| match usize::try_from(k).ok().and_then(|k| table.get(k)) {
        Some(d) => Some(*d),
        None => calendar.day(first, k),
    };
    let last_day = |s: u64, f: u64| if f <= s { s } else { f - 1 };
    let mut tasks = Vec::with_capacity(n);
    for (i, t) in plan.tasks.iter().enumerate() {
        let planned = &schedule.tasks[i];
        let slip = diff(ef[i], planned.earliest_finish);
        let (start, finish) = match state[i] {
            TaskState::Done => (
                t.actual_start.or_else(|| date_of(es[i])),
                t.actual_finish.or_else(|| date_of(last_day(es[i], ef[i]))),
            ),
            TaskState::Started => (
                t.actual_start.or_else(|| date_of(es[i])),
                date_of(last_day(es[i].max(now), ef[i])),
            ),
            TaskState::NotStarted => (date_of(es[i]), date_of(last_day(es[i], ef[i]))),
        };
        let overdue = state[i] != TaskState::Done && planned.finish.is_some_and(|f| f < as_of);
        let late_reason = if slip > 0 && state[i] == TaskState::Done {
            format!(
                "finished {} after its planned finish",
                crate::text::plural(usize::try_from(slip).unwrap_or(usize::MAX), "working day")
            )
        } else if overdue {
            format!(
                "was due on {} and is not done",
                planned.finish.map(|d| d.to_string()).unwrap_or_default()
            )
        } else if slip > 0 {
            format!(
                "is forecast to finish {} after its planned finish",
                crate::text::plural(usize::try_from(slip).unwrap_or(usize::MAX), "working day")
            )
        } else {
            String::new()
        };
        tasks.push(TaskForecast {
            id: t.id.clone(),
            state: state[i],
            percent: percent[i],
            remaining_days: remaining[i],
            start_offset: es[i],
            finish_offset: ef[i],
            start,
            finish,
            slip_days: slip,
            late: !late_reason.is_empty(),
            late_reason,
        });
    }

    let finish_offset = ef.iter().copied().max().unwrap_or(0);
    let finish = tasks
        .iter()
        .filter_map(|t| t.finish)
        .max()
        .filter(|_| n > 0);
    let gates = plan
        .phases
        .iter()
        .filter_map(|p| {
            let mine = || (0..n).filter(move |&i| plan.tasks[i].phase.as_ref() == Some(&p.id));
            mine().next()?;
            let planned_off = mine().map(|i| schedule.tasks[i].earliest_finish).max()?;
            let forecast_off = mine().map(|i| ef[i]).max()?;
            Some(GateForecast {
                phase: p.id.clone(),
                planned: mine().filter_map(|i| schedule.tasks[i].finish).max(),
                forecast: mine().filter_map(|i| tasks[i].finish).max(),
                slip_days: diff(forecast_off, planned_off),
            })
        })
        .collect();
    Some(Forecast {
        as_of,
        as_of_offset: now,
        planned_finish: schedule.finish_date,
        finish,
        finish_offset,
        slip_days: diff(finish_offset, schedule.total_days),
        done: state.iter().filter(|s| **s == TaskState::Done).count(),
        started: state.iter().filter(|s| **s == TaskState::Started).count(),
        late: tasks.iter().filter(|t| t.late).count(),
        tasks,
        gates,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::schedule::schedule;
    use crate::model::{Phase, Task};
    use crate::testing::{task, tasks_only};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// a(5) → b(5) → c(5), from Monday 5 January 2026.
    fn chain() -> Plan {
        let mut p = tasks_only(vec![
            task("a", 5, &[]),
            task("b", 5, &["a"]),
            task("c", 5, &["b"]),
        ]);
        p.start_date = Some(d("2026-01-05"));
        p
    }

    fn run(p: &Plan, as_of: &str) -> Forecast {
        forecast(p, &schedule(p).unwrap(), d(as_of)).unwrap()
    }

    #[test]
    fn with_no_actuals_before_the_start_the_forecast_is_the_plan() {
        let p = chain();
        let s = schedule(&p).unwrap();
        let f = run(&p, "2026-01-01");
        for (t, planned) in f.tasks.iter().zip(&s.tasks) {
            assert_eq!((t.start, t.finish), (planned.start, planned.finish));
            assert!(!t.late);
        }
        assert_eq!(f.finish, s.finish_date);
        assert_eq!(f.slip_days, 0);
    }

    #[test]
    fn nothing_unstarted_begins_before_the_as_of_day() {
        // On Wednesday 7 January nothing has started: a is two days late.
        let f = run(&chain(), "2026-01-07");
        let a = f.task(&Id::from("a")).unwrap();
        assert_eq!(a.start, Some(d("2026-01-07")));
        assert_eq!(a.finish, Some(d("2026-01-13")));
        assert_eq!(a.slip_days, 2);
        assert!(a.late && a.late_reason.contains("2 working days"));
        assert_eq!(f.finish, Some(d("2026-01-27")));
        assert_eq!(f.slip_days, 2);
    }

    #[test]
    fn finished_tasks_sit_at_their_actual_dates_and_started_ones_end_after_what_is_left() {
        let mut p = chain();
        p.tasks[0].status = TaskStatus::Done;
        p.tasks[0].actual_start = Some(d("2026-01-05"));
        p.tasks[0].actual_finish = Some(d("2026-01-07")); // two days early
        p.tasks[1].actual_start = Some(d("2026-01-08"));
        p.tasks[1].percent_complete = Some(40); // 3 of 5 days left
        let f = run(&p, "2026-01-12");
        let a = f.task(&Id::from("a")).unwrap();
        assert_eq!(
            (a.state, a.start, a.finish),
            (
                TaskState::Done,
                p.tasks[0].actual_start,
                p.tasks[0].actual_finish
            )
        );
        assert!(!a.late);
        let b = f.task(&Id::from("b")).unwrap();
        assert_eq!(
            (b.state, b.remaining_days, b.percent),
            (TaskState::Started, 3, 40)
        );
        assert_eq!(b.start, Some(d("2026-01-08")));
        assert_eq!(b.finish, Some(d("2026-01-14")));
        let c = f.task(&Id::from("c")).unwrap();
        assert_eq!(c.start, Some(d("2026-01-15")));
        assert_eq!(c.finish, Some(d("2026-01-21")));
        assert_eq!(f.finish, Some(d("2026-01-21")));
        assert_eq!(f.slip_days, -2);
        assert_eq!((f.done, f.started, f.late), (1, 1, 0));
    }

    #[test]
    fn past_due_and_not_done_is_late_even_without_a_slip() {
        let mut p = chain();
        p.tasks[0].actual_start = Some(d("2026-01-05"));
        p.tasks[0].percent_complete = Some(100);
        let f = run(&p, "2026-01-12");
        let a = f.task(&Id::from("a")).unwrap();
        assert!(a.late, "due Friday 9 January");
        assert!(a.late_reason.contains("2026-01-09"), "{}", a.late_reason);
    }

    #[test]
    fn started_without_a_percent_is_assumed_on_pace() {
        let mut p = chain();
        p.tasks[0].status = TaskStatus::InProgress;
        p.tasks[0].actual_start = Some(d("2026-01-05"));
        let f = run(&p, "2026-01-07");
        let a = f.task(&Id::from("a")).unwrap();
        assert_eq!((a.remaining_days, a.percent), (3, 40));
        assert_eq!(a.finish, Some(d("2026-01-09")));
        assert!(!a.late);
    }

    #[test]
    fn gates_carry_the_forecast_of_their_last_task() {
        let mut p = chain();
        p.phases = vec![Phase {
            id: Id::from("ph"),
            ..Phase::default()
        }];
        for t in &mut p.tasks[..2] {
            t.phase = Some(Id::from("ph"));
        }
        let f = run(&p, "2026-01-07");
        assert_eq!(
            f.gates,
            vec![GateForecast {
                phase: Id::from("ph"),
                planned: Some(d("2026-01-16")),
                forecast: Some(d("2026-01-20")),
                slip_days: 2,
            }]
        );
    }

    #[test]
    fn no_start_date_no_forecast_and_odd_actuals_do_not_panic() {
        let mut p = chain();
        p.start_date = None;
        assert!(forecast(&p, &schedule(&p).unwrap(), d("2026-01-07")).is_none());
        let mut p = chain();
        p.tasks[0].actual_start = Some(d("2025-01-01"));
        p.tasks[0].actual_finish = Some(d("2024-01-01"));
        p.tasks[1].percent_complete = Some(250);
        p.tasks[1].status = TaskStatus::InProgress;
        p.tasks.push(Task {
            id: Id::from("m"),
            status: TaskStatus::Done,
            actual_finish: Some(d("9999-12-31")),
            ..Task::default()
        });
        let f = run(&p, "9999-12-31");
        assert_eq!(f.tasks.len(), 4);
        assert_eq!(f.task(&Id::from("b")).unwrap().percent, 100);
    }
}
