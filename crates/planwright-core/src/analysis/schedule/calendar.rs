//! Working days and the week-by-week view of a schedule.
//!
//! Offsets count working days from the plan start; [`working_day`] turns an
//! offset into a date, skipping Saturdays and Sundays, and
//! [`Schedule::weekly`] lists the tasks at work in each week.

use serde::Serialize;

use crate::date::Date;

use super::{Schedule, TaskTiming, Week, MAX_WEEKS};

/// The date of working day `offset`, counting the first working day on or
/// after `start` as day 0 and skipping Saturdays and Sundays.
pub fn working_day(start: Date, offset: u64) -> Option<Date> {
    Calendar::new(start)?.day(offset)
}

/// Working days counted from a start, with the start's weekday worked out
/// once so each date costs a little arithmetic.
#[derive(Clone, Copy)]
pub(super) struct Calendar {
    /// Day number of the first working day.
    first: i64,
    /// Its weekday, 0 = Monday … 4 = Friday.
    weekday: u64,
}

impl Calendar {
    pub(super) fn new(start: Date) -> Option<Calendar> {
        let first = match start.weekday() {
            5 => start.add_days(2)?,
            6 => start.add_days(1)?,
            _ => start,
        };
        Some(Calendar {
            first: first.to_days(),
            weekday: u64::from(first.weekday()),
        })
    }

    pub(super) fn day(self, offset: u64) -> Option<Date> {
        let rem = offset % 5;
        let weekend = if self.weekday + rem >= 5 { 2 } else { 0 };
        let days = (offset / 5).checked_mul(7)?.checked_add(rem + weekend)?;
        Date::from_days(self.first.checked_add(i64::try_from(days).ok()?)?)
    }
}

/// The week-by-week view of a schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weekly {
    /// Weeks of five working days from the start, each with the tasks at work.
    pub weeks: Vec<Week>,
    /// True when the list stops before the end of the plan (see [`MAX_WEEKS`]).
    pub truncated: bool,
}

impl Schedule {
    /// The week-by-week schedule from the plan's start date. Worked out on
    /// request rather than with every schedule, because it clones an id for
    /// every week a task spans and the live analysis never shows it.
    pub fn weekly(&self) -> Weekly {
        let (weeks, truncated) = weeks(&self.tasks, self.start_date);
        Weekly { weeks, truncated }
    }
}

/// The weeks of the plan and whether the list stops early. Each task is
/// listed in every week it is at work, up to [`MAX_WEEKS`] weeks and a total
/// of `8 × tasks + 4096` entries, so the size stays linear in the plan.
pub(super) fn weeks(tasks: &[TaskTiming], start_date: Option<Date>) -> (Vec<Week>, bool) {
    let es: Vec<u64> = tasks.iter().map(|t| t.earliest_start).collect();
    let ef: Vec<u64> = tasks.iter().map(|t| t.earliest_finish).collect();
    let date_of = |offset: u64| start_date.and_then(|d| working_day(d, offset));
    let n = tasks.len();
    if n == 0 {
        return (Vec::new(), false);
    }
    let span = |i: usize| -> (u64, u64) {
        let first = es[i] / 5;
        let last = if ef[i] > es[i] {
            (ef[i] - 1) / 5
        } else {
            first
        };
        (first, last)
    };
    let needed = (0..n)
        .map(|i| span(i).1)
        .max()
        .unwrap_or(0)
        .saturating_add(1);
    let capped = usize::try_from(needed).unwrap_or(usize::MAX).min(MAX_WEEKS);
    let mut diff = vec![0i64; capped + 1];
    for i in 0..n {
        let (first, last) = span(i);
        let Ok(first) = usize::try_from(first) else {
            continue;
        };
        if first >= capped {
            continue;
        }
        let last = usize::try_from(last).unwrap_or(usize::MAX).min(capped - 1);
        diff[first] += 1;
        diff[last + 1] -= 1;
    }
    let budget = n.saturating_mul(8).saturating_add(4096);
    let mut used = 0usize;
    let mut active = 0i64;
    let mut counts = Vec::with_capacity(capped);
    for d in diff.iter().take(capped) {
        active += d;
        let count = usize::try_from(active).unwrap_or(0);
        if used.saturating_add(count) > budget {
            break;
        }
        used += count;
        counts.push(count);
    }
    let shown = counts.len();
    let mut weeks: Vec<Week> = counts
        .iter()
        .enumerate()
        .map(|(w, &count)| Week {
            index: w,
            start: date_of((w as u64).saturating_mul(5)),
            tasks: Vec::with_capacity(count),
        })
        .collect();
    // Tasks that start within the shown weeks, by earliest start and then
    // plan order: a counting sort over those few days, linear in the plan.
    let days = shown.saturating_mul(5);
    let day_of = |i: usize| usize::try_from(es[i]).ok().filter(|d| *d < days);
    let mut at = vec![0usize; days + 1];
    for d in (0..n).filter_map(day_of) {
        at[d + 1] += 1;
    }
    for d in 0..days {
        at[d + 1] += at[d];
    }
    let mut by_start = vec![0usize; at[days]];
    for i in 0..n {
        if let Some(d) = day_of(i) {
            by_start[at[d]] = i;
            at[d] += 1;
        }
    }
    for i in by_start {
        let (first, last) = span(i);
        let Ok(first) = usize::try_from(first) else {
            continue;
        };
        let last = usize::try_from(last).unwrap_or(usize::MAX);
        let Some(task) = tasks.get(i) else {
            continue;
        };
        for week in weeks.iter_mut().take(last.saturating_add(1)).skip(first) {
            week.tasks.push(task.id.clone());
        }
    }
    (weeks, (shown as u64) < needed)
}
