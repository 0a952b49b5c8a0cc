//! Task order, critical path and calendar.
//!
//! Contract: [`schedule`] reads the plan's tasks and their `depends_on` lists
//! and either returns a [`Schedule`] or, when dependencies loop, a
//! [`CycleError`] naming every task on every loop. [`dependency_cycle`] tells
//! the UI, before an edit, whether a new dependency would close a loop.
//!
//! Invariants and limits:
//! - Dependencies on ids no task has, and a dependency listed twice, are
//!   ignored here (validation reports them). A task depending on itself is a
//!   loop.
//! - When two tasks share an id, references resolve to the first of them.
//! - Durations are whole working days; a missing duration counts as zero and
//!   is warned about. Offsets count working days from the plan start, and a
//!   task occupies offsets `[earliest_start, earliest_finish)`.
//! - `order` lists every task once, dependencies before dependents; among
//!   tasks free to go next, the one earlier in the plan comes first.
//! - Every task on `critical_path` has zero slack, and the path runs from a
//!   task with no dependencies to a task nothing depends on.
//! - Calendar dates follow the plan's working calendar ([`WorkCalendar`]):
//!   they skip the weekdays not worked and the closures, and a start date on
//!   a day off moves to the next working day. A task does not advance on its
//!   owner's days off, so it spans more working days of the team.
//! - Time and memory are linear in tasks plus dependencies (the ready queue
//!   adds a logarithm), and nothing recurses, so 100,000 tasks in one chain
//!   fit the browser's small stack. The weekly view ([`Schedule::weekly`])
//!   is worked out on request, capped at [`MAX_WEEKS`] weeks and a budget
//!   of entries linear in the task count.
//!
//! How: ids are mapped to positions once; dependencies become flat
//! adjacency arrays; Kahn's algorithm orders them and two passes give the
//! earliest and latest times. Only when Kahn's algorithm cannot place every
//! task is a petgraph graph built, and its `kosaraju_scc` (iterative, unlike
//! petgraph's `tarjan_scc`) finds every loop. petgraph appears in no public
//! signature.

mod calendar;
mod cycles;
mod forecast;
mod graph;

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use serde::Serialize;

use calendar::{advance, retreat};
pub use calendar::{working_day, Weekly, WorkCalendar};
use cycles::cycles;
pub use cycles::{dependency_cycle, CycleError};
pub use forecast::{forecast, Forecast, GateForecast, TaskForecast, TaskState};
pub(crate) use graph::{id_index, TaskGraph};
use graph::{task_name, Deps};

use crate::choice;
use crate::date::Date;
use crate::model::{Id, Plan};
use crate::text::{cap, plural};
/// The weekly view stops after this many weeks (ten years of working weeks).
pub const MAX_WEEKS: usize = 520;

/// Timing of one task, in working days from the plan start.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskTiming {
    /// The task.
    pub id: Id,
    /// First working-day offset the task can start on.
    pub earliest_start: u64,
    /// Offset just after its last working day at the earliest.
    pub earliest_finish: u64,
    /// Latest start that does not delay the plan.
    pub latest_start: u64,
    /// Latest finish that does not delay the plan.
    pub latest_finish: u64,
    /// Working days it can slip without delaying the plan.
    pub slack: u64,
    /// True when it has no slack.
    pub critical: bool,
    /// Calendar day it starts, when the plan has a start date.
    pub start: Option<Date>,
    /// Calendar day of its last working day (its start day for a milestone),
    /// when the plan has a start date.
    pub finish: Option<Date>,
}

/// One week of the schedule: a week's working days from the plan start.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Week {
    /// 0 for the first week.
    pub index: usize,
    /// Its first working day, when the plan has a start date.
    pub start: Option<Date>,
    /// Tasks at work during the week (milestones in the week they fall),
    /// by earliest start, then plan order.
    pub tasks: Vec<Id>,
}

choice! {
    /// What a schedule warning is about.
    WarningKind {
        LaterPhaseDependency = "later_phase_dependency": "Depends on a later phase",
        NoOwner = "no_owner": "No owner",
        NoDuration = "no_duration": "No duration",
        PastCalendarEnd = "past_calendar_end": "Ends past the calendar",
    }
    default NoOwner
}

/// Something about a task that weakens the schedule without breaking it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleWarning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// The task concerned.
    pub task: Id,
    /// The field concerned, such as `tasks[3].owner`.
    pub path: String,
    /// What is wrong and what to do, for a person.
    pub message: String,
}

/// The roadmap's tasks in order, with timings and the critical path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Schedule {
    /// Every task id once, dependencies first.
    pub order: Vec<Id>,
    /// Timing of each task, in plan order (same positions as `plan.tasks`).
    pub tasks: Vec<TaskTiming>,
    /// One longest chain of dependent tasks, first to last; all zero slack.
    pub critical_path: Vec<Id>,
    /// Working days from the start of the first task to the end of the last.
    pub total_days: u64,
    /// First working day, when the plan has a start date.
    pub start_date: Option<Date>,
    /// Last working day of the plan, when the plan has a start date and some
    /// work takes time.
    pub finish_date: Option<Date>,
    /// Warnings, task by task in plan order.
    pub warnings: Vec<ScheduleWarning>,
    /// The working calendar the dates follow.
    #[serde(skip)]
    pub calendar: WorkCalendar,
    /// For each task in plan order, the offset its last dependency finishes.
    #[serde(skip)]
    pub(crate) ready: Vec<u64>,
    /// Positions of the tasks in `order`.
    #[serde(skip)]
    pub(crate) order_index: Vec<usize>,
}

impl Schedule {
    /// The timing of a task, if it is in the schedule.
    pub fn timing(&self, id: &Id) -> Option<&TaskTiming> {
        self.tasks.iter().find(|t| &t.id == id)
    }
}

/// Orders the tasks, times them, finds the critical path and lays out the
/// weeks; or names every dependency loop.
///
/// ```
/// use planwright_core::model::{Id, Plan, Task};
/// use planwright_core::analysis::schedule::schedule;
///
/// let task = |id: &str, days: u32, deps: &[&str]| Task {
///     id: Id::from(id),
///     duration_days: Some(days),
///     depends_on: deps.iter().map(|d| Id::from(*d)).collect(),
///     ..Task::default()
/// };
/// let mut plan = Plan::blank();
/// plan.tasks = vec![task("a", 3, &[]), task("b", 2, &["a"]), task("c", 1, &["a"])];
/// let s = schedule(&plan).unwrap();
/// assert_eq!(s.total_days, 5);
/// assert_eq!(s.critical_path, [Id::from("a"), Id::from("b")]);
/// ```
pub fn schedule(plan: &Plan) -> Result<Schedule, CycleError> {
    schedule_graph(plan, TaskGraph::new(plan))
}

/// [`schedule`] from tasks already read into a [`TaskGraph`] of this plan.
pub(crate) fn schedule_graph(plan: &Plan, graph: TaskGraph) -> Result<Schedule, CycleError> {
    let n = plan.tasks.len();
    let TaskGraph { deps, later_phase } = graph;

    // Kahn's algorithm; the heap keeps free tasks in plan order.
    let mut indegree: Vec<usize> = (0..n).map(|i| deps.preds(i).len()).collect();
    let mut ready: BinaryHeap<Reverse<usize>> = indegree
        .iter()
        .enumerate()
        .filter(|(_, d)| **d == 0)
        .map(|(i, _)| Reverse(i))
        .collect();
    let mut order: Vec<usize> = Vec::with_capacity(n);
    while let Some(Reverse(i)) = ready.pop() {
        order.push(i);
        for &j in deps.succs(i) {
            indegree[j] -= 1;
            if indegree[j] == 0 {
                ready.push(Reverse(j));
            }
        }
    }
    if order.len() < n {
        return Err(cycles(plan, &deps));
    }

    let duration: Vec<u64> = plan
        .tasks
        .iter()
        .map(|t| u64::from(t.duration_days.unwrap_or(0)))
        .collect();
    let calendar = WorkCalendar::of(plan);
    let first = plan.start_date.and_then(|d| calendar.first_on_or_after(d));
    let away = Away::new(plan, &calendar, first);

    // Forward: a task is ready when its last dependency finishes, and its
    // owner's days off only push it out.
    let mut ready = vec![0u64; n];
    let mut es = vec![0u64; n];
    let mut ef = vec![0u64; n];
    for &i in &order {
        ready[i] = deps.preds(i).iter().map(|&p| ef[p]).max().unwrap_or(0);
        (es[i], ef[i]) = advance(away.of(i), ready[i], duration[i]);
    }
    let total = ef.iter().copied().max().unwrap_or(0);
    let mut ls = vec![0u64; n];
    let mut lf = vec![0u64; n];
    for &i in order.iter().rev() {
        let finish = deps.succs(i).iter().map(|&s| ls[s]).min().unwrap_or(total);
        lf[i] = finish;
        ls[i] = retreat(away.of(i), finish, duration[i]);
    }

    let critical_path = critical_path(&deps, &ready, &ef, total);

    // Most plans span fewer working days than they have tasks: work each
    // day's date out once.
    let span_limit = (n as u64).saturating_mul(2).saturating_add(64);
    let table: Vec<Date> = match first {
        Some(f) if total <= span_limit => calendar.table(f, total as usize + 1),
        _ => Vec::new(),
    };
    let date_of = |offset: u64| match usize::try_from(offset).ok().and_then(|k| table.get(k)) {
        Some(date) => Some(*date),
        None => first.and_then(|f| calendar.day(f, offset)),
    };
    let start_date = date_of(0);
    let tasks: Vec<TaskTiming> = plan
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let slack = ls[i].saturating_sub(es[i]);
            let last_day = if ef[i] <= es[i] { es[i] } else { ef[i] - 1 };
            TaskTiming {
                id: t.id.clone(),
                earliest_start: es[i],
                earliest_finish: ef[i],
                latest_start: ls[i],
                latest_finish: lf[i],
                slack,
                critical: slack == 0,
                start: date_of(es[i]),
                finish: date_of(last_day),
            }
        })
        .collect();

    let mut warnings = warnings(plan, later_phase);
    if plan.start_date.is_some() {
        warnings.extend(past_calendar_end(plan, &tasks, &duration));
    }
    Ok(Schedule {
        order: order
            .iter()
            .filter_map(|&i| plan.tasks.get(i))
            .map(|t| t.id.clone())
            .collect(),
        critical_path: critical_path
            .iter()
            .filter_map(|&i| plan.tasks.get(i))
            .map(|t| t.id.clone())
            .collect(),
        tasks,
        total_days: total,
        start_date,
        finish_date: if total == 0 { None } else { date_of(total - 1) },
        warnings,
        calendar,
        ready,
        order_index: order,
    })
}

/// The team's working-day offsets each task's owner is away on, worked out
/// once per person who has days off.
pub(super) struct Away {
    runs: Vec<Vec<(u64, u64)>>,
    /// For each task, its owner's entry in `runs`.
    of_task: Vec<Option<usize>>,
}

impl Away {
    pub(super) fn new(plan: &Plan, calendar: &WorkCalendar, first: Option<Date>) -> Away {
        let mut people: Vec<&Id> = Vec::new();
        let mut runs = Vec::new();
        let of_task = plan
            .tasks
            .iter()
            .map(|t| {
                let (Some(first), Some(owner)) = (first, t.owner.as_ref()) else {
                    return None;
                };
                if calendar.runs_for(Some(owner)).is_empty() {
                    return None;
                }
                if let Some(k) = people.iter().position(|p| *p == owner) {
                    return Some(k);
                }
                people.push(owner);
                runs.push(calendar.away_offsets(first, Some(owner)));
                Some(runs.len() - 1)
            })
            .collect();
        Away { runs, of_task }
    }

    pub(super) fn of(&self, task: usize) -> &[(u64, u64)] {
        match self.of_task.get(task).copied().flatten() {
            Some(k) => &self.runs[k],
            None => &[],
        }
    }
}

/// Walks back from the first task that ends the plan through dependencies
/// that finish exactly when their dependent starts.
fn critical_path(deps: &Deps, ready: &[u64], ef: &[u64], total: u64) -> Vec<usize> {
    let end = (0..ready.len()).find(|&i| ef[i] == total && deps.succs(i).is_empty());
    let Some(mut at) = end else { return Vec::new() };
    let mut path = vec![at];
    while let Some(&prev) = deps.preds(at).iter().filter(|&&p| ef[p] == ready[at]).min() {
        path.push(prev);
        at = prev;
    }
    path.reverse();
    path
}

/// When a plan has a start date but some work would end after 31 December
/// 9999, the last day a [`Date`] holds, those tasks have no calendar dates.
/// Rather than leave them blank without a word, this names the first such
/// task in plan order (the one to shorten) and how many more there are.
fn past_calendar_end(
    plan: &Plan,
    tasks: &[TaskTiming],
    duration: &[u64],
) -> Option<ScheduleWarning> {
    let undated = |t: &&TaskTiming| t.start.is_none() || t.finish.is_none();
    let first = tasks.iter().position(|t| undated(&t))?;
    let others = tasks.iter().filter(undated).count() - 1;
    let more = match others {
        0 => String::new(),
        n => format!(" (and {} after it)", plural(n, "task")),
    };
    Some(ScheduleWarning {
        kind: WarningKind::PastCalendarEnd,
        task: tasks[first].id.clone(),
        path: format!("tasks[{first}].duration_days"),
        message: format!(
            "{} would run past 31 December 9999, the last day a plan's calendar holds, so it{more} \
             has no calendar dates; check its length of {} and those of the tasks before it.",
            cap(&task_name(plan, first)),
            plural(
                usize::try_from(duration.get(first).copied().unwrap_or(0)).unwrap_or(usize::MAX),
                "working day"
            )
        ),
    })
}

fn warnings(plan: &Plan, later_phase: Vec<(usize, ScheduleWarning)>) -> Vec<ScheduleWarning> {
    let mut later = later_phase.into_iter().peekable();
    let mut out = Vec::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        while let Some((_, w)) = later.next_if(|(task, _)| *task == i) {
            out.push(w);
        }
        if t.owner.is_none() {
            out.push(ScheduleWarning {
                kind: WarningKind::NoOwner,
                task: t.id.clone(),
                path: format!("tasks[{i}].owner"),
                message: format!(
                    "{} has no owner; name who will see it done.",
                    cap(&task_name(plan, i))
                ),
            });
        }
        if t.duration_days.is_none() {
            out.push(ScheduleWarning {
                kind: WarningKind::NoDuration,
                task: t.id.clone(),
                path: format!("tasks[{i}].duration_days"),
                message: format!(
                    "{} has no duration, so it counts as zero days; estimate it in working days.",
                    cap(&task_name(plan, i))
                ),
            });
        }
    }
    out.extend(later.map(|(_, w)| w));
    out
}

#[cfg(test)]
mod tests {
    use super::cycles::NAMES_PER_LOOP;
    use super::*;
    use crate::model::{Phase, Task};
    use crate::testing::{task, tasks_only as plan};

    fn ids(list: &[&str]) -> Vec<Id> {
        list.iter().map(|s| Id::from(*s)).collect()
    }

    #[test]
    fn empty_plan_has_an_empty_schedule() {
        let s = schedule(&Plan::blank()).unwrap();
        assert!(
            s.order.is_empty()
                && s.tasks.is_empty()
                && s.critical_path.is_empty()
                && s.weekly().weeks.is_empty()
        );
        assert_eq!(s.total_days, 0);
        assert!(!s.weekly().truncated);
    }

    #[test]
    fn diamond_critical_path_and_slack() {
        // a(2) → b(5) → d(1); a → c(1) → d
        let p = plan(vec![
            task("a", 2, &[]),
            task("b", 5, &["a"]),
            task("c", 1, &["a"]),
            task("d", 1, &["b", "c"]),
        ]);
        let s = schedule(&p).unwrap();
        assert_eq!(s.order, ids(&["a", "b", "c", "d"]));
        assert_eq!(s.total_days, 8);
        assert_eq!(s.critical_path, ids(&["a", "b", "d"]));
        let c = s.timing(&Id::from("c")).unwrap();
        assert_eq!(
            (
                c.earliest_start,
                c.earliest_finish,
                c.latest_start,
                c.latest_finish
            ),
            (2, 3, 6, 7)
        );
        assert_eq!(c.slack, 4);
        assert!(!c.critical);
        for id in ["a", "b", "d"] {
            let t = s.timing(&Id::from(id)).unwrap();
            assert!(t.critical && t.slack == 0, "{id}");
        }
    }

    #[test]
    fn order_puts_dependencies_first_and_otherwise_keeps_plan_order() {
        let p = plan(vec![
            task("c", 1, &["b"]),
            task("a", 1, &[]),
            task("b", 1, &["a"]),
            task("z", 1, &[]),
        ]);
        let s = schedule(&p).unwrap();
        assert_eq!(s.order, ids(&["a", "b", "c", "z"]));
    }

    #[test]
    fn dangling_and_duplicate_dependencies_are_ignored() {
        let p = plan(vec![task("a", 2, &[]), task("b", 3, &["a", "a", "ghost"])]);
        let s = schedule(&p).unwrap();
        assert_eq!(s.total_days, 5);
        assert_eq!(s.critical_path, ids(&["a", "b"]));
    }

    #[test]
    fn every_task_in_a_three_cycle_is_named() {
        let p = plan(vec![
            task("x", 1, &[]),
            task("a", 1, &["c", "x"]),
            task("b", 1, &["a"]),
            task("c", 1, &["b"]),
            task("y", 1, &["c"]),
        ]);
        let err = schedule(&p).unwrap_err();
        assert_eq!(err.cycles, vec![ids(&["a", "b", "c"])]);
        let text = err.to_string();
        for name in ["'Task a'", "'Task b'", "'Task c'"] {
            assert!(text.contains(name), "{text}");
        }
        assert!(
            !text.contains("Task x") && !text.contains("Task y"),
            "{text}"
        );
    }

    #[test]
    fn several_cycles_are_all_reported_with_every_member() {
        let p = plan(vec![
            task("s", 1, &["s"]), // a self-loop
            task("a", 1, &["b"]),
            task("b", 1, &["a"]),
            task("ok", 1, &["a"]),
            task("p", 1, &["r"]),
            task("q", 1, &["p"]),
            task("r", 1, &["q", "t"]),
            task("t", 1, &["p"]), // p → q → r → p and p → t → r: one component of four
        ]);
        let err = schedule(&p).unwrap_err();
        assert_eq!(
            err.cycles,
            vec![ids(&["s"]), ids(&["a", "b"]), ids(&["p", "q", "r", "t"])]
        );
        assert_eq!(err.titles.len(), 7);
        let text = err.to_string();
        assert!(
            text.contains("3 loops") && text.contains("'Task s' depends on itself"),
            "{text}"
        );
    }

    #[test]
    fn long_loops_are_summarised_in_the_message_but_listed_in_full() {
        let n = 50;
        let mut tasks: Vec<Task> = (0..n)
            .map(|i| task(&format!("t{i}"), 1, &[&format!("t{}", (i + 1) % n)]))
            .collect();
        tasks.push(task("free", 1, &[]));
        let err = schedule(&plan(tasks)).unwrap_err();
        assert_eq!(err.cycles.len(), 1);
        assert_eq!(err.cycles[0].len(), n);
        assert!(err
            .to_string()
            .contains(&format!("and {} more", n - NAMES_PER_LOOP)));
    }

    #[test]
    fn dates_skip_weekends() {
        // 2026-01-01 is a Thursday.
        let start: Date = "2026-01-01".parse().unwrap();
        let day = |k| working_day(start, k).unwrap().to_string();
        assert_eq!(day(0), "2026-01-01");
        assert_eq!(day(1), "2026-01-02");
        assert_eq!(day(2), "2026-01-05");
        assert_eq!(day(6), "2026-01-09");
        assert_eq!(day(7), "2026-01-12");
        let saturday: Date = "2026-01-03".parse().unwrap();
        assert_eq!(working_day(saturday, 0).unwrap().to_string(), "2026-01-05");
        assert_eq!(working_day(saturday, 5).unwrap().to_string(), "2026-01-12");
        assert_eq!(working_day(start, u64::MAX), None);

        let mut p = plan(vec![
            task("a", 3, &[]),
            task("m", 0, &["a"]),
            task("b", 2, &["m"]),
        ]);
        p.start_date = Some(start);
        let s = schedule(&p).unwrap();
        let a = s.timing(&Id::from("a")).unwrap();
        assert_eq!(
            (a.start.unwrap().to_string(), a.finish.unwrap().to_string()),
            ("2026-01-01".into(), "2026-01-05".into())
        );
        let m = s.timing(&Id::from("m")).unwrap();
        assert_eq!(
            (m.start, m.finish),
            (
                Some("2026-01-06".parse().unwrap()),
                Some("2026-01-06".parse().unwrap())
            )
        );
        let b = s.timing(&Id::from("b")).unwrap();
        assert_eq!(b.finish.unwrap().to_string(), "2026-01-07");
        assert_eq!(s.finish_date.unwrap().to_string(), "2026-01-07");
        assert_eq!(s.start_date, Some(start));
    }

    #[test]
    fn dates_are_the_same_with_or_without_the_day_table() {
        let start: Date = "2026-02-28".parse().unwrap(); // a Saturday
                                                         // A chain of short tasks spans fewer days than twice the tasks: dates
                                                         // come from the table. One long task does not: they are computed.
        let chain: Vec<Task> = (0..40)
            .map(|i| {
                let dep = format!("c{}", i.max(1) - 1);
                let deps: Vec<&str> = if i == 0 { vec![] } else { vec![dep.as_str()] };
                task(&format!("c{i}"), (i % 3) as u32, &deps)
            })
            .collect();
        for tasks in [
            chain,
            vec![task("long", 400, &[]), task("after", 2, &["long"])],
        ] {
            let mut p = plan(tasks);
            p.start_date = Some(start);
            let s = schedule(&p).unwrap();
            for t in &s.tasks {
                assert_eq!(t.start, working_day(start, t.earliest_start), "{}", t.id);
                let last = t.earliest_finish.max(t.earliest_start + 1) - 1;
                assert_eq!(t.finish, working_day(start, last), "{}", t.id);
            }
            assert_eq!(s.finish_date, working_day(start, s.total_days - 1));
        }
    }

    #[test]
    fn weeks_list_the_tasks_at_work() {
        let mut p = plan(vec![
            task("a", 7, &[]),
            task("b", 3, &["a"]),
            task("m", 0, &["a"]),
        ]);
        p.start_date = Some("2026-01-05".parse().unwrap()); // a Monday
        let s = schedule(&p).unwrap();
        let w = s.weekly();
        assert_eq!(w.weeks.len(), 2);
        assert_eq!(w.weeks[0].tasks, ids(&["a"]));
        assert_eq!(w.weeks[1].tasks, ids(&["a", "b", "m"]));
        assert_eq!(w.weeks[1].start.unwrap().to_string(), "2026-01-12");
        assert!(!s.weekly().truncated);
    }

    #[test]
    fn weeks_stay_small_for_huge_durations() {
        let tasks: Vec<Task> = (0..100)
            .map(|i| task(&format!("t{i}"), u32::MAX, &[]))
            .collect();
        let mut p = plan(tasks);
        p.start_date = Some("9999-12-01".parse().unwrap());
        let s = schedule(&p).unwrap();
        let w = s.weekly();
        assert!(w.truncated);
        let entries: usize = w.weeks.iter().map(|w| w.tasks.len()).sum();
        assert!(entries <= 8 * 100 + 4096, "{entries}");
        assert!(w.weeks.len() <= MAX_WEEKS);
        assert_eq!(s.finish_date, None, "beyond year 9999");
        assert_eq!(s.total_days, u64::from(u32::MAX));
    }

    // Pins the defect where a task ending after 9999-12-31 silently lost its
    // dates and the document asked for a start date that was set.
    #[test]
    fn work_past_the_last_calendar_day_is_named_not_blanked() {
        let mut p = plan(vec![
            task("a", 2, &[]),
            task("huge", 1_000_000_000, &["a"]),
            task("after", 1, &["huge"]),
        ]);
        p.start_date = Some("2026-01-05".parse().unwrap());
        let s = schedule(&p).unwrap();
        let past: Vec<_> = s
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::PastCalendarEnd)
            .collect();
        assert_eq!(past.len(), 1);
        assert_eq!(past[0].task, Id::from("huge"));
        assert_eq!(past[0].path, "tasks[1].duration_days");
        assert!(
            past[0].message.contains("31 December 9999"),
            "{}",
            past[0].message
        );
        assert!(
            past[0].message.contains("(and 1 task after it)"),
            "{}",
            past[0].message
        );
        assert!(s.tasks[0].finish.is_some());

        p.start_date = None;
        let s = schedule(&p).unwrap();
        assert!(s
            .warnings
            .iter()
            .all(|w| w.kind != WarningKind::PastCalendarEnd));
    }

    #[test]
    fn warnings_for_later_phase_owner_and_duration() {
        let mut p = plan(vec![task("a", 1, &["b"]), task("b", 1, &[])]);
        p.phases = vec![
            Phase {
                id: Id::from("p1"),
                name: "Pilot".into(),
                ..Phase::default()
            },
            Phase {
                id: Id::from("p2"),
                name: "Scale".into(),
                ..Phase::default()
            },
        ];
        p.tasks[0].phase = Some(Id::from("p1"));
        p.tasks[1].phase = Some(Id::from("p2"));
        p.tasks[1].owner = None;
        p.tasks[1].duration_days = None;
        let s = schedule(&p).unwrap();
        let got: Vec<(WarningKind, &str)> = s
            .warnings
            .iter()
            .map(|w| (w.kind, w.path.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (WarningKind::LaterPhaseDependency, "tasks[0].depends_on[0]"),
                (WarningKind::NoOwner, "tasks[1].owner"),
                (WarningKind::NoDuration, "tasks[1].duration_days"),
            ]
        );
        assert!(
            s.warnings[0].message.contains("'Scale'"),
            "{}",
            s.warnings[0].message
        );
    }

    #[test]
    fn dependency_cycle_finds_the_closing_chain() {
        let p = plan(vec![
            task("a", 1, &[]),
            task("b", 1, &["a"]),
            task("c", 1, &["b"]),
            task("d", 1, &["a"]),
        ]);
        let id = Id::from;
        assert_eq!(
            dependency_cycle(&p, &id("a"), &id("c")),
            Some(ids(&["c", "b", "a"]))
        );
        assert_eq!(dependency_cycle(&p, &id("a"), &id("a")), Some(ids(&["a"])));
        assert_eq!(dependency_cycle(&p, &id("d"), &id("c")), None);
        assert_eq!(dependency_cycle(&p, &id("c"), &id("ghost")), None);
        assert_eq!(dependency_cycle(&p, &id("ghost"), &id("a")), None);
    }

    #[test]
    fn chain_of_100k_tasks_schedules_and_closing_it_is_detected() {
        let n = 100_000usize;
        let tasks: Vec<Task> = (0..n)
            .map(|i| {
                let deps: Vec<Id> = if i == 0 {
                    vec![]
                } else {
                    vec![Id(format!("t{}", i - 1))]
                };
                Task {
                    id: Id(format!("t{i}")),
                    duration_days: Some(1),
                    depends_on: deps,
                    ..Task::default()
                }
            })
            .collect();
        let mut p = plan(tasks);
        let s = schedule(&p).unwrap();
        assert_eq!(s.total_days, n as u64);
        assert_eq!(s.critical_path.len(), n);
        assert_eq!(s.order.first(), Some(&Id::from("t0")));
        assert_eq!(s.order.last(), Some(&Id(format!("t{}", n - 1))));
        let chain = dependency_cycle(&p, &Id::from("t0"), &Id(format!("t{}", n - 1))).unwrap();
        assert_eq!(chain.len(), n);
        p.tasks[0].depends_on.push(Id(format!("t{}", n - 1)));
        let err = schedule(&p).unwrap_err();
        assert_eq!(err.cycles.len(), 1);
        assert_eq!(err.cycles[0].len(), n);
    }

    #[test]
    fn wide_fan_out_and_fan_in_of_100k_tasks() {
        let n = 100_000usize;
        let mut tasks = vec![task("root", 1, &[])];
        tasks.extend((0..n).map(|i| Task {
            id: Id(format!("w{i}")),
            duration_days: Some(if i == n / 2 { 3 } else { 2 }),
            depends_on: vec![Id::from("root")],
            ..Task::default()
        }));
        let sink_deps: Vec<Id> = (0..n).map(|i| Id(format!("w{i}"))).collect();
        tasks.push(Task {
            id: Id::from("sink"),
            duration_days: Some(1),
            depends_on: sink_deps,
            ..Task::default()
        });
        let s = schedule(&plan(tasks)).unwrap();
        assert_eq!(s.total_days, 5);
        assert_eq!(
            s.critical_path,
            vec![
                Id::from("root"),
                Id(format!("w{}", n / 2)),
                Id::from("sink")
            ]
        );
        assert_eq!(s.tasks.iter().filter(|t| t.critical).count(), 3);
        assert_eq!(s.order.len(), n + 2);
        let w = s.weekly();
        assert_eq!(w.weeks.len(), 1);
        assert_eq!(w.weeks[0].tasks.len(), n + 2);
    }
}
