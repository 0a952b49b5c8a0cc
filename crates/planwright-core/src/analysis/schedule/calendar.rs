//! Working days and the week-by-week view of a schedule.
//!
//! A [`WorkCalendar`] is the plan's calendar made fast to ask: which
//! weekdays are worked, which days the whole team is closed, and which days
//! each person is away. Offsets count the team's working days from the plan
//! start; [`WorkCalendar::day`] turns an offset into a date and
//! [`WorkCalendar::offset`] a date into an offset, both in logarithmic time
//! in the number of closures. [`working_day`] is the plain Monday-to-Friday
//! calendar, for callers without a plan. [`Schedule::weekly`] lists the tasks
//! at work in each week.
//!
//! Invariants: a calendar always has at least one working weekday (a plan
//! whose calendar lists none falls back to Monday to Friday, and validation
//! says so); closures whose end comes before their start, and closures or
//! days off without a start, are left out (validation names them); every
//! answer is `None` rather than a panic past the years a [`Date`] holds.

use serde::Serialize;

use crate::choice::Choice;
use crate::date::Date;
use crate::model::{Calendar, Id, Plan, Weekday};

use super::{Schedule, TaskTiming, Week, MAX_WEEKS};

/// The date of working day `offset`, counting the first working day on or
/// after `start` as day 0 and skipping Saturdays and Sundays only.
pub fn working_day(start: Date, offset: u64) -> Option<Date> {
    WorkCalendar::standard().day(start, offset)
}

/// Day number (days since 1970-01-01) of a date.
fn num(d: Date) -> i64 {
    d.to_days()
}

/// Weekday of a day number, 0 = Monday.
fn weekday_of(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
}

/// Day number of 9999-12-31, the last day a [`Date`] holds.
const LAST_DAY: i64 = 2_932_896;

/// Runs of days as inclusive day-number ranges, sorted and merged.
fn merge_runs(mut runs: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    runs.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(runs.len());
    for (lo, hi) in runs {
        match out.last_mut() {
            Some(last) if lo <= last.1.saturating_add(1) => last.1 = last.1.max(hi),
            _ => out.push((lo, hi)),
        }
    }
    out
}

/// The run a closure or day off covers, or `None` when it has no start or
/// ends before it starts.
fn run(start: Option<Date>, end: Option<Date>) -> Option<(i64, i64)> {
    let lo = num(start?);
    let hi = end.map_or(lo, num);
    (hi >= lo).then_some((lo, hi))
}

/// The plan's working calendar, ready for date arithmetic.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkCalendar {
    /// Worked weekdays, Monday first.
    weekdays: [bool; 7],
    /// How many of them.
    per_week: u64,
    /// `before[w]`: worked weekdays among the `w` days starting Monday.
    before: [u64; 8],
    /// Closed runs, sorted and merged, inclusive.
    closed: Vec<(i64, i64)>,
    /// `closed_worked[i]`: worked weekdays in the closed runs before run `i`.
    closed_worked: Vec<u64>,
    /// Days off by person, each sorted and merged; people in order of first
    /// mention.
    away: Vec<(Id, Vec<(i64, i64)>)>,
}

impl Default for WorkCalendar {
    fn default() -> WorkCalendar {
        WorkCalendar::standard()
    }
}

impl WorkCalendar {
    /// Monday to Friday, no closures, nobody away.
    pub fn standard() -> WorkCalendar {
        WorkCalendar::new(&Calendar::default())
    }

    /// The calendar of a plan.
    pub fn of(plan: &Plan) -> WorkCalendar {
        WorkCalendar::new(&plan.calendar)
    }

    /// A calendar from its description. No worked weekday at all means
    /// Monday to Friday.
    pub fn new(calendar: &Calendar) -> WorkCalendar {
        let mut weekdays = [false; 7];
        for w in &calendar.working_weekdays {
            if let Some(i) = Weekday::ALL.iter().position(|x| x == w) {
                weekdays[i] = true;
            }
        }
        if !weekdays.contains(&true) {
            weekdays = [true, true, true, true, true, false, false];
        }
        let mut before = [0u64; 8];
        for w in 0..7 {
            before[w + 1] = before[w] + u64::from(weekdays[w]);
        }
        let per_week = before[7];
        let closed = merge_runs(
            calendar
                .closures
                .iter()
                .filter_map(|c| run(c.start, c.end))
                .collect(),
        );
        let mut away: Vec<(Id, Vec<(i64, i64)>)> = Vec::new();
        for d in &calendar.days_off {
            let (Some(person), Some(r)) = (&d.person, run(d.start, d.end)) else {
                continue;
            };
            match away.iter_mut().find(|(p, _)| p == person) {
                Some((_, runs)) => runs.push(r),
                None => away.push((person.clone(), vec![r])),
            }
        }
        for (_, runs) in &mut away {
            *runs = merge_runs(std::mem::take(runs));
        }
        let mut cal = WorkCalendar {
            weekdays,
            per_week,
            before,
            closed,
            closed_worked: Vec::new(),
            away,
        };
        let mut sum = 0u64;
        cal.closed_worked = Vec::with_capacity(cal.closed.len() + 1);
        cal.closed_worked.push(0);
        for &(lo, hi) in &cal.closed {
            sum += cal.weekly_count(lo, hi.saturating_add(1));
            cal.closed_worked.push(sum);
        }
        cal
    }

    /// True when only the weekdays matter: no closure and nobody away.
    pub fn is_plain(&self) -> bool {
        self.closed.is_empty() && self.away.is_empty()
    }

    /// How many weekdays are worked, 1 to 7.
    pub fn days_per_week(&self) -> u64 {
        self.per_week
    }

    /// The worked weekdays, Monday first.
    pub fn weekdays(&self) -> [bool; 7] {
        self.weekdays
    }

    /// Worked weekdays in the days `[a, b)`, closures ignored.
    fn weekly_count(&self, a: i64, b: i64) -> u64 {
        if b <= a {
            return 0;
        }
        // Count from the Monday on or before each end.
        let upto = |x: i64| -> i128 {
            let monday = x - weekday_of(x) as i64;
            let weeks = i128::from(monday.div_euclid(7));
            weeks * i128::from(self.per_week) + i128::from(self.before[weekday_of(x)])
        };
        u64::try_from(upto(b) - upto(a)).unwrap_or(0)
    }

    /// Closed worked weekdays in the days `[a, b)`.
    fn closed_count(&self, a: i64, b: i64) -> u64 {
        if b <= a || self.closed.is_empty() {
            return 0;
        }
        let i0 = self.closed.partition_point(|&(_, hi)| hi < a);
        let i1 = self.closed.partition_point(|&(lo, _)| lo < b);
        if i0 >= i1 {
            return 0;
        }
        let mut sum = self.closed_worked[i1] - self.closed_worked[i0];
        let (lo, _) = self.closed[i0];
        if lo < a {
            sum -= self.weekly_count(lo, a);
        }
        let (_, hi) = self.closed[i1 - 1];
        if hi >= b {
            sum -= self.weekly_count(b, hi + 1);
        }
        sum
    }

    /// The team's working days in `[a, b)`.
    fn count(&self, a: i64, b: i64) -> u64 {
        self.weekly_count(a, b)
            .saturating_sub(self.closed_count(a, b))
    }

    fn closed_on(&self, day: i64) -> bool {
        let i = self.closed.partition_point(|&(_, hi)| hi < day);
        self.closed.get(i).is_some_and(|&(lo, _)| lo <= day)
    }

    fn works(&self, day: i64) -> bool {
        self.weekdays[weekday_of(day)] && !self.closed_on(day)
    }

    /// True when the team works on `date`.
    pub fn is_working(&self, date: Date) -> bool {
        self.works(num(date))
    }

    /// True when `person` works on `date`: a team working day they are not
    /// away on. Without a person, the team's calendar.
    pub fn is_working_for(&self, person: Option<&Id>, date: Date) -> bool {
        let day = num(date);
        self.works(day)
            && !self
                .runs_for(person)
                .iter()
                .any(|&(lo, hi)| lo <= day && day <= hi)
    }

    /// Days off of a person, sorted and merged; empty for anyone else.
    pub(super) fn runs_for(&self, person: Option<&Id>) -> &[(i64, i64)] {
        match person {
            Some(p) => self
                .away
                .iter()
                .find(|(q, _)| q == p)
                .map_or(&[][..], |(_, r)| r.as_slice()),
            None => &[],
        }
    }

    /// The first working day on or after `date`, or `None` past 9999.
    pub fn first_on_or_after(&self, date: Date) -> Option<Date> {
        self.day(date, 0)
    }

    /// The working day `offset` working days after the first working day on
    /// or after `start` (offset 0 is that first day).
    pub fn day(&self, start: Date, offset: u64) -> Option<Date> {
        let target = offset.checked_add(1)?;
        let a = num(start);
        // Each closed worked day pushes the end out by at most a week.
        let closed_total = *self.closed_worked.last().unwrap_or(&0);
        let weeks = (target / self.per_week.max(1))
            .checked_add(2)?
            .checked_add(closed_total)?;
        let mut hi = a
            .checked_add(i64::try_from(weeks.checked_mul(7)?).ok()?)?
            .min(LAST_DAY + 1);
        if self.count(a, hi) < target {
            return None;
        }
        // The smallest `d` with `target` working days in `[a, d]`.
        let mut lo = a;
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.count(a, mid + 1) >= target {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        Date::from_days(lo)
    }

    /// The offset of `date` counted from the first working day on or after
    /// `start`: the working days in `[start, date)`. Dates before `start`
    /// are 0.
    pub fn offset(&self, start: Date, date: Date) -> u64 {
        self.count(num(start), num(date))
    }

    /// `n` working days after `date`: the date `n` working days later,
    /// counted from the first working day on or after it.
    pub fn add_working_days(&self, date: Date, n: u64) -> Option<Date> {
        self.day(date, n)
    }

    /// Working days from `start` to `end`, both included (0 when `end` is
    /// before `start`).
    pub fn working_days_between(&self, start: Date, end: Date) -> u64 {
        self.count(num(start), num(end).saturating_add(1))
    }

    /// The days in `[from, to]` nobody works, as runs of consecutive days,
    /// at most `limit` runs.
    pub fn non_working(&self, from: Date, to: Date, limit: usize) -> Vec<(Date, Date)> {
        let (a, b) = (num(from), num(to));
        let mut out: Vec<(Date, Date)> = Vec::new();
        let mut day = a;
        let mut open: Option<i64> = None;
        while day <= b && out.len() < limit {
            // Jump over closed runs whole.
            let free = self.works(day);
            match (free, open) {
                (false, None) => open = Some(day),
                (true, Some(lo)) => {
                    if let (Some(x), Some(y)) = (Date::from_days(lo), Date::from_days(day - 1)) {
                        out.push((x, y));
                    }
                    open = None;
                }
                _ => {}
            }
            let i = self.closed.partition_point(|&(_, hi)| hi < day);
            day = match self.closed.get(i) {
                Some(&(lo, hi)) if lo <= day => hi.min(b) + 1,
                _ => day + 1,
            };
        }
        if let Some(lo) = open {
            if out.len() < limit {
                if let (Some(x), Some(y)) = (Date::from_days(lo), Date::from_days(b)) {
                    out.push((x, y));
                }
            }
        }
        out
    }

    /// The dates of working days `0..len` counted from `start`, walking
    /// day by day (cheaper than [`WorkCalendar::day`] for every offset of a
    /// short plan). Shorter when the calendar ends first.
    pub(super) fn table(&self, start: Date, len: usize) -> Vec<Date> {
        let mut out = Vec::with_capacity(len);
        let mut day = num(start);
        while out.len() < len && day <= LAST_DAY {
            if self.works(day) {
                if let Some(d) = Date::from_days(day) {
                    out.push(d);
                }
            }
            day += 1;
        }
        out
    }

    /// The closed runs, as dates.
    pub fn closures(&self) -> impl Iterator<Item = (Date, Date)> + '_ {
        self.closed
            .iter()
            .filter_map(|&(lo, hi)| Some((Date::from_days(lo)?, Date::from_days(hi)?)))
    }

    /// The team's working-day offsets (from `first`) on which `person` is
    /// away, as half-open runs, sorted and merged.
    pub(super) fn away_offsets(&self, first: Date, person: Option<&Id>) -> Vec<(u64, u64)> {
        let f = num(first);
        let mut out: Vec<(u64, u64)> = Vec::new();
        for &(lo, hi) in self.runs_for(person) {
            if hi < f {
                continue;
            }
            let a = self.count(f, lo.max(f));
            let b = self.count(f, hi.saturating_add(1).min(LAST_DAY + 1));
            if b > a {
                match out.last_mut() {
                    Some(last) if a <= last.1 => last.1 = last.1.max(b),
                    _ => out.push((a, b)),
                }
            }
        }
        out
    }
}

/// Time worked by one person: from a ready offset, the first offset they
/// work and the offset just after `days` of their working days.
pub(super) fn advance(away: &[(u64, u64)], ready: u64, days: u64) -> (u64, u64) {
    if away.is_empty() {
        return (ready, ready.saturating_add(days));
    }
    let mut i = away.partition_point(|&(_, hi)| hi <= ready);
    let mut at = ready;
    // Skip a run the start falls in.
    if let Some(&(lo, hi)) = away.get(i) {
        if lo <= at {
            at = hi;
            i += 1;
        }
    }
    if days == 0 {
        return (at, at);
    }
    let start = at;
    let mut left = days;
    loop {
        match away.get(i) {
            Some(&(lo, hi)) if lo < at.saturating_add(left) => {
                left -= lo - at;
                at = hi;
                i += 1;
            }
            _ => return (start, at.saturating_add(left)),
        }
    }
}

/// The latest start from which `days` of a person's working days end by
/// `finish`.
pub(super) fn retreat(away: &[(u64, u64)], finish: u64, days: u64) -> u64 {
    if away.is_empty() || days == 0 {
        return finish.saturating_sub(days);
    }
    let mut i = away.partition_point(|&(lo, _)| lo < finish);
    let mut at = finish;
    let mut left = days;
    loop {
        match i.checked_sub(1).and_then(|j| away.get(j)) {
            Some(&(lo, hi)) if hi.min(at) > at.saturating_sub(left) => {
                let hi = hi.min(at);
                left -= at - hi;
                at = lo;
                i -= 1;
            }
            _ => return at.saturating_sub(left),
        }
    }
}

/// The week-by-week view of a schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weekly {
    /// Weeks of working days from the start, each with the tasks at work.
    pub weeks: Vec<Week>,
    /// True when the list stops before the end of the plan (see [`MAX_WEEKS`]).
    pub truncated: bool,
}

impl Schedule {
    /// The week-by-week schedule from the plan's start date. Worked out on
    /// request rather than with every schedule, because it clones an id for
    /// every week a task spans and the live analysis never shows it.
    pub fn weekly(&self) -> Weekly {
        let (weeks, truncated) = weeks(&self.tasks, self.start_date, &self.calendar);
        Weekly { weeks, truncated }
    }
}

/// The weeks of the plan and whether the list stops early. A week is as
/// many working days as the calendar works in a week. Each task is listed in
/// every week it is at work, up to [`MAX_WEEKS`] weeks and a total of
/// `8 × tasks + 4096` entries, so the size stays linear in the plan.
pub(super) fn weeks(
    tasks: &[TaskTiming],
    start_date: Option<Date>,
    calendar: &WorkCalendar,
) -> (Vec<Week>, bool) {
    let per_week = calendar.per_week.max(1);
    let es: Vec<u64> = tasks.iter().map(|t| t.earliest_start).collect();
    let ef: Vec<u64> = tasks.iter().map(|t| t.earliest_finish).collect();
    let date_of = |offset: u64| start_date.and_then(|d| calendar.day(d, offset));
    let n = tasks.len();
    if n == 0 {
        return (Vec::new(), false);
    }
    let span = |i: usize| -> (u64, u64) {
        let first = es[i] / per_week;
        let last = if ef[i] > es[i] {
            (ef[i] - 1) / per_week
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
            start: date_of((w as u64).saturating_mul(per_week)),
            tasks: Vec::with_capacity(count),
        })
        .collect();
    // Tasks that start within the shown weeks, by earliest start and then
    // plan order: a counting sort over those few days, linear in the plan.
    let days = shown.saturating_mul(per_week as usize);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Closure, DayOff};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn closure(start: &str, end: Option<&str>) -> Closure {
        Closure {
            id: Id::from("c"),
            name: "Closed".into(),
            start: Some(d(start)),
            end: end.map(d),
        }
    }

    fn with(closures: Vec<Closure>) -> WorkCalendar {
        WorkCalendar::new(&Calendar {
            closures,
            ..Calendar::default()
        })
    }

    #[test]
    fn weekends_are_skipped() {
        let c = WorkCalendar::standard();
        // 2026-01-02 is a Friday.
        assert_eq!(c.day(d("2026-01-02"), 1), Some(d("2026-01-05")));
        assert_eq!(c.day(d("2026-01-03"), 0), Some(d("2026-01-05")));
        assert_eq!(c.working_days_between(d("2026-01-05"), d("2026-01-16")), 10);
        assert_eq!(c.offset(d("2026-01-05"), d("2026-01-12")), 5);
        assert!(!c.is_working(d("2026-01-04")));
    }

    #[test]
    fn a_holiday_inside_a_task_pushes_its_end_one_day() {
        // Monday 2026-05-25 closed; five days from Wednesday 20 May.
        let c = with(vec![closure("2026-05-25", None)]);
        assert_eq!(c.day(d("2026-05-20"), 4), Some(d("2026-05-27")));
        assert_eq!(
            WorkCalendar::standard().day(d("2026-05-20"), 4),
            Some(d("2026-05-26"))
        );
        assert_eq!(c.working_days_between(d("2026-05-20"), d("2026-05-27")), 5);
    }

    #[test]
    fn a_closure_over_the_year_end() {
        // Closed Thursday 24 December 2026 to Friday 1 January 2027.
        let c = with(vec![closure("2026-12-24", Some("2027-01-01"))]);
        assert_eq!(c.day(d("2026-12-23"), 1), Some(d("2027-01-04")));
        assert_eq!(c.offset(d("2026-12-21"), d("2027-01-05")), 4);
        assert_eq!(
            c.non_working(d("2026-12-21"), d("2027-01-10"), 10),
            vec![
                (d("2026-12-24"), d("2027-01-03")),
                (d("2027-01-09"), d("2027-01-10"))
            ]
        );
    }

    #[test]
    fn the_twenty_ninth_of_february() {
        let c = with(vec![closure("2028-02-29", None)]);
        // 2028-02-28 is a Monday; the 29th (Tuesday) is closed.
        assert_eq!(c.day(d("2028-02-28"), 1), Some(d("2028-03-01")));
        assert_eq!(
            WorkCalendar::standard().day(d("2028-02-28"), 1),
            Some(d("2028-02-29"))
        );
        assert_eq!(c.working_days_between(d("2028-02-01"), d("2028-02-29")), 20);
    }

    #[test]
    fn a_four_day_week_and_a_weekend_team() {
        use Weekday::*;
        let c = WorkCalendar::new(&Calendar {
            working_weekdays: vec![Monday, Tuesday, Wednesday, Thursday],
            ..Calendar::default()
        });
        assert_eq!(c.day(d("2026-01-05"), 4), Some(d("2026-01-12")));
        let weekend = WorkCalendar::new(&Calendar {
            working_weekdays: vec![Saturday, Sunday],
            ..Calendar::default()
        });
        assert_eq!(weekend.day(d("2026-01-05"), 2), Some(d("2026-01-17")));
        let none = WorkCalendar::new(&Calendar {
            working_weekdays: vec![],
            ..Calendar::default()
        });
        assert_eq!(none, WorkCalendar::standard());
    }

    #[test]
    fn bad_ranges_are_left_out_and_nothing_runs_past_9999() {
        let c = with(vec![
            closure("2026-03-10", Some("2026-03-01")),
            Closure::default(),
        ]);
        assert!(c.is_plain());
        assert_eq!(c.day(d("9999-12-30"), 5), None);
        assert_eq!(c.day(d("2026-01-01"), u64::MAX), None);
        let everything = with(vec![closure("2026-01-01", Some("9999-12-31"))]);
        assert_eq!(everything.day(d("2026-01-01"), 0), None);
        assert_eq!(everything.day(d("2025-12-30"), 1), Some(d("2025-12-31")));
    }

    #[test]
    fn day_and_offset_agree_with_walking_day_by_day() {
        let c = with(vec![
            closure("2026-04-03", Some("2026-04-06")),
            closure("2026-05-01", None),
            closure("2026-05-04", Some("2026-05-08")),
            closure("2026-05-06", None),
            closure("2026-12-25", Some("2026-12-26")),
        ]);
        let start = d("2026-03-28");
        let mut day = start;
        let mut k = 0u64;
        for _ in 0..400 {
            if c.is_working(day) {
                assert_eq!(c.day(start, k), Some(day), "offset {k}");
                assert_eq!(c.offset(start, day), k, "{day}");
                k += 1;
            }
            day = day.add_days(1).unwrap();
        }
    }

    #[test]
    fn people_away_do_not_advance_their_tasks() {
        let cal = WorkCalendar::new(&Calendar {
            days_off: vec![DayOff {
                id: Id::from("o"),
                person: Some(Id::from("ana")),
                start: Some(d("2026-01-07")),
                end: Some(d("2026-01-08")),
                note: String::new(),
            }],
            ..Calendar::default()
        });
        let ana = Id::from("ana");
        assert!(!cal.is_working_for(Some(&ana), d("2026-01-07")));
        assert!(cal.is_working_for(None, d("2026-01-07")));
        // From Monday 5 January: Ana is away on offsets 2 and 3.
        let away = cal.away_offsets(d("2026-01-05"), Some(&ana));
        assert_eq!(away, vec![(2, 4)]);
        assert_eq!(advance(&away, 0, 3), (0, 5));
        assert_eq!(advance(&away, 2, 1), (4, 5));
        assert_eq!(advance(&away, 0, 2), (0, 2));
        assert_eq!(retreat(&away, 5, 3), 0);
        assert_eq!(retreat(&away, 2, 2), 0);
        assert_eq!(retreat(&away, 9, 2), 7);
    }
}
