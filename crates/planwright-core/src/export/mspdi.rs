//! The schedule as Microsoft Project XML (MSPDI), which Microsoft Project
//! opens directly and MPXJ, ProjectLibre and most planning tools read.
//!
//! Contract: [`write`] turns any plan and its analysis into one UTF-8 XML
//! document; it never panics, and the same plan always gives the same
//! bytes. Element names and their order follow the Project XML Data
//! Interchange Schema (`mspdi_pj12.xsd`) as Microsoft documents it in
//! MicrosoftDocs/office-developer-msproject-xml-docs,
//! `project-xml-data-interchange/xml-schema-for-the-{project,calendars,tasks,
//! resources,assignments}-element.md`; every element is in the order of the
//! schema's `xsd:sequence`, which MSPDI readers rely on.
//!
//! - Phases become summary tasks at outline level 1 (`WBS` `1`, `2`, …) and
//!   their tasks sit under them at level 2 (`1.1`, `1.2`, …); tasks without
//!   a known phase follow at level 1. A phase without tasks is a plain task
//!   over its planned window, since a summary needs children. Notes end
//!   with the item's Planwright id, so a reader can match rows to the plan.
//! - A working day is 8 hours (08:00–12:00 and 13:00–17:00), Monday to
//!   Friday, as the core's calendar counts them (`analysis::schedule`
//!   skips Saturdays and Sundays). Durations are written as the schema's
//!   `xsd:duration` in hours, `PT24H0M0S` for three days (the
//!   `Duration` element page).
//! - A dependency is a `PredecessorLink` of type 1, finish-to-start, with no
//!   lag. Links between tasks caught in the same dependency loop are left
//!   out, and the task's notes say so, because no tool can schedule a loop.
//! - Owners of tasks become work resources, each task's owner assigned at
//!   full units.
//! - Text is XML-escaped and cleaned of characters XML 1.0 cannot carry.
//!   Without a start date the tasks carry no dates; the durations and links
//!   still let the reader schedule them.

use std::fmt::Write as _;

use crate::analysis::schedule::WorkCalendar;
use crate::analysis::Analysis;
use crate::choice::Choice;
use crate::date::Date;
use crate::model::{Plan, TaskStatus};

use super::work::{clean, clean_line, Person, Work};

/// The media type to serve the file with.
pub const MEDIA_TYPE: &str = "application/xml";

/// The file name extension Microsoft Project offers for XML.
pub const EXTENSION: &str = "xml";

/// Hours in a working day of the calendar written.
const HOURS_PER_DAY: u64 = 8;

/// The plan's schedule as a Microsoft Project XML document.
///
/// ```
/// use planwright_core::analysis::analyze;
/// use planwright_core::export::mspdi::write;
/// use planwright_core::model::{Id, Task};
/// use planwright_core::Plan;
///
/// let mut plan = Plan::blank();
/// plan.start_date = "2026-01-05".parse().ok();
/// plan.tasks.push(Task {
///     id: Id::from("task-1"),
///     title: "Map <data> & owners".to_string(),
///     phase: Some(Id::from("phase-1")),
///     duration_days: Some(3),
///     ..Task::default()
/// });
/// let xml = write(&plan, &analyze(&plan));
/// assert!(xml.contains("<Name>Map &lt;data&gt; &amp; owners</Name>"));
/// assert!(xml.contains("<Duration>PT24H0M0S</Duration>"));
/// assert!(xml.contains("<Start>2026-01-05T08:00:00</Start>"));
/// ```
pub fn write(plan: &Plan, analysis: &Analysis) -> String {
    let work = Work::new(plan, analysis);
    let layout = Layout::new(&work);
    let mut x = Xml::default();
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    x.raw("<Project xmlns=\"http://schemas.microsoft.com/project\">\n");
    // SaveVersion and CurrencyCode are the two elements of Project that the
    // schema does not mark optional; 12 is Project 2007, the schema's own.
    x.el(1, "SaveVersion", "12");
    let title = match clean_line(&plan.title) {
        t if t.is_empty() => "Untitled plan".to_string(),
        t => t,
    };
    // The schema caps a project's Name at 255 characters, its Title and a
    // task's or resource's Name at 512.
    x.el(1, "Name", &cut(&title, 255));
    x.el(1, "Title", &cut(&title, 512));
    x.el(1, "ScheduleFromStart", "1");
    let start = analysis.schedule.as_ref().ok().and_then(|s| s.start_date);
    let finish = layout.rows.iter().filter_map(|r| r.finish).max();
    if let Some(d) = start.or(layout.rows.iter().filter_map(|r| r.start).min()) {
        x.el(1, "StartDate", &morning(d));
    }
    if let Some(d) = finish {
        x.el(1, "FinishDate", &evening(d));
    }
    x.el(1, "CurrencyCode", "USD");
    x.el(1, "CalendarUID", "1");
    x.el(1, "DefaultStartTime", "08:00:00");
    x.el(1, "DefaultFinishTime", "17:00:00");
    x.el(1, "MinutesPerDay", "480");
    x.el(1, "MinutesPerWeek", "2400");
    x.el(1, "DaysPerMonth", "20");
    x.el(1, "DurationFormat", "7");
    x.el(1, "WeekStartDay", "1");
    calendars(&mut x, &work.calendar);
    x.open(1, "Tasks");
    for row in &layout.rows {
        task(&mut x, &work, &layout, row);
    }
    x.close(1, "Tasks");
    x.open(1, "Resources");
    for (n, person) in layout.people.iter().enumerate() {
        x.open(2, "Resource");
        x.el(3, "UID", &(n + 1).to_string());
        x.el(3, "ID", &(n + 1).to_string());
        x.el(3, "Name", &cut(&person.name, 512));
        // 1 is a work resource, as opposed to 0, material.
        x.el(3, "Type", "1");
        if let Some(email) = &person.email {
            x.el(3, "EmailAddress", email);
        }
        x.close(2, "Resource");
    }
    x.close(1, "Resources");
    x.open(1, "Assignments");
    let mut uid = 0usize;
    for row in &layout.rows {
        let Some(resource) = row.resource else {
            continue;
        };
        uid += 1;
        x.open(2, "Assignment");
        x.el(3, "UID", &uid.to_string());
        x.el(3, "TaskUID", &row.uid.to_string());
        x.el(3, "ResourceUID", &(resource + 1).to_string());
        if let Some(d) = row.finish {
            x.el(3, "Finish", &evening(d));
        }
        if let Some(d) = row.start {
            x.el(3, "Start", &morning(d));
        }
        x.el(3, "Units", "1");
        x.el(3, "Work", &hours(row.days));
        x.close(2, "Assignment");
    }
    x.close(1, "Assignments");
    x.raw("</Project>\n");
    x.out
}

/// One calendar, the project's: the plan's worked weekdays, 08:00–12:00 and
/// 13:00–17:00, and each closure as an exception. `DayType` counts
/// 1 = Sunday to 7 = Saturday, and 0 marks an exception whose `TimePeriod`
/// gives its first and last day (Microsoft's Project XML reference, the
/// WeekDay and TimePeriod elements:
/// <https://learn.microsoft.com/en-gb/office-project/xml-data-interchange/weekday-element?view=project-client-odc>).
fn calendars(x: &mut Xml, calendar: &WorkCalendar) {
    let worked = calendar.weekdays();
    x.open(1, "Calendars");
    x.open(2, "Calendar");
    x.el(3, "UID", "1");
    x.el(3, "Name", "Standard");
    x.el(3, "IsBaseCalendar", "1");
    x.el(3, "BaseCalendarUID", "-1");
    x.open(3, "WeekDays");
    for day in 1..=7 {
        x.open(4, "WeekDay");
        x.el(5, "DayType", &day.to_string());
        // Monday first in the plan's calendar, Sunday first here.
        let working = worked[(day + 5) % 7];
        x.el(5, "DayWorking", if working { "1" } else { "0" });
        if working {
            x.open(5, "WorkingTimes");
            for (from, to) in [("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")] {
                x.open(6, "WorkingTime");
                x.el(7, "FromTime", from);
                x.el(7, "ToTime", to);
                x.close(6, "WorkingTime");
            }
            x.close(5, "WorkingTimes");
        }
        x.close(4, "WeekDay");
    }
    for (first, last) in calendar.closures() {
        x.open(4, "WeekDay");
        x.el(5, "DayType", "0");
        x.el(5, "DayWorking", "0");
        x.open(5, "TimePeriod");
        x.el(6, "FromDate", &format!("{first}T00:00:00"));
        x.el(6, "ToDate", &format!("{last}T23:59:00"));
        x.close(5, "TimePeriod");
        x.close(4, "WeekDay");
    }
    x.close(3, "WeekDays");
    x.close(2, "Calendar");
    x.close(1, "Calendars");
}

/// What a row of the task list is.
#[derive(Clone, Copy)]
enum Kind {
    /// A phase, as a summary task.
    Phase(usize),
    /// A task of the plan.
    Task(usize),
}

/// One task in the file, in outline order.
struct Row {
    kind: Kind,
    uid: usize,
    wbs: String,
    level: u8,
    start: Option<Date>,
    finish: Option<Date>,
    days: u64,
    critical: bool,
    resource: Option<usize>,
}

/// The rows of the task list and the people assigned.
struct Layout {
    rows: Vec<Row>,
    /// UID of each plan task's row, by position in `plan.tasks`.
    task_uid: Vec<usize>,
    people: Vec<Person>,
}

impl Layout {
    fn new(work: &Work) -> Layout {
        let plan = work.plan;
        let mut people: Vec<Person> = Vec::new();
        let mut resource_of = rustc_hash::FxHashMap::<String, usize>::default();
        let mut rows: Vec<Row> = Vec::new();
        let mut task_uid = vec![0usize; plan.tasks.len()];
        let mut assign = |owner: Option<&crate::model::Id>| -> Option<usize> {
            let id = owner?;
            if let Some(&r) = resource_of.get(id.as_str()) {
                return Some(r);
            }
            people.push(work.person(Some(id)));
            resource_of.insert(id.0.clone(), people.len() - 1);
            Some(people.len() - 1)
        };
        let order = work.order();
        let mut task_row = |i: usize, wbs: String, level: u8, rows: &mut Vec<Row>| {
            let t = &plan.tasks[i];
            let timing = work.timing(i);
            let uid = rows.len() + 1;
            task_uid[i] = uid;
            rows.push(Row {
                kind: Kind::Task(i),
                uid,
                wbs,
                level,
                start: timing.and_then(|t| t.start),
                finish: timing.and_then(|t| t.finish),
                days: u64::from(t.duration_days.unwrap_or(0)),
                critical: timing.is_some_and(|t| t.critical),
                resource: assign(t.owner.as_ref()),
            });
        };
        let mut by_phase: Vec<Vec<usize>> = vec![Vec::new(); plan.phases.len()];
        let mut loose: Vec<usize> = Vec::new();
        for &i in &order {
            match work.phase_of(&plan.tasks[i]) {
                Some(p) => by_phase[p].push(i),
                None => loose.push(i),
            }
        }
        for (p, members) in by_phase.iter().enumerate() {
            let at = rows.len();
            let window = work.windows.get(p).copied().unwrap_or_default();
            rows.push(Row {
                kind: Kind::Phase(p),
                uid: at + 1,
                wbs: (p + 1).to_string(),
                level: 1,
                start: None,
                finish: None,
                days: 0,
                critical: false,
                resource: None,
            });
            for (n, &i) in members.iter().enumerate() {
                task_row(i, format!("{}.{}", p + 1, n + 1), 2, &mut rows);
            }
            let children = &rows[at + 1..];
            let start = children.iter().filter_map(|r| r.start).min();
            let finish = children.iter().filter_map(|r| r.finish).max();
            let critical = children.iter().any(|r| r.critical);
            let weeks = plan.phases[p].duration_weeks.map(|w| u64::from(w) * 5);
            let summary = &mut rows[at];
            summary.critical = critical;
            if members.is_empty() {
                // A phase without tasks keeps its planned window.
                summary.start = window
                    .start
                    .and_then(|d| crate::analysis::schedule::working_day(d, 0));
                summary.finish = window
                    .gate
                    .filter(|g| summary.start.is_some_and(|s| s <= *g));
                summary.days = weeks.unwrap_or(0);
            } else {
                summary.start = start;
                summary.finish = finish;
                summary.days = match (start, finish) {
                    (Some(s), Some(f)) => work.calendar.working_days_between(s, f),
                    _ => weeks.unwrap_or(0),
                };
            }
        }
        let phases = plan.phases.len();
        for (n, &i) in loose.iter().enumerate() {
            task_row(i, (phases + n + 1).to_string(), 1, &mut rows);
        }
        Layout {
            rows,
            task_uid,
            people,
        }
    }
}

fn task(x: &mut Xml, work: &Work, layout: &Layout, row: &Row) {
    let plan = work.plan;
    let uid = row.uid.to_string();
    x.open(2, "Task");
    x.el(3, "UID", &uid);
    x.el(3, "ID", &uid);
    let (name, notes, milestone, summary, percent) = match row.kind {
        Kind::Phase(p) => (
            work.phase_name(p),
            phase_notes(work, p),
            false,
            // A phase without tasks is a task of its own, over its planned
            // window: readers take a summary task without children for one.
            work.tasks_in(p).next().is_some(),
            match plan.phases.get(p).map(|p| p.status) {
                Some(crate::model::PhaseStatus::GatePassed) => 100,
                _ => 0,
            },
        ),
        Kind::Task(i) => {
            let t = &plan.tasks[i];
            (
                work.task_title(i),
                task_notes(work, i),
                t.duration_days == Some(0),
                false,
                if t.status == TaskStatus::Done { 100 } else { 0 },
            )
        }
    };
    x.el(3, "Name", &cut(&name, 512));
    // 1 is a fixed-duration task: the plan knows lengths, not effort.
    x.el(3, "Type", "1");
    x.el(3, "WBS", &row.wbs);
    x.el(3, "OutlineNumber", &row.wbs);
    x.el(3, "OutlineLevel", &row.level.to_string());
    if let Some(d) = row.start {
        x.el(3, "Start", &morning(d));
    }
    if let Some(d) = row.finish.or(row.start) {
        x.el(
            3,
            "Finish",
            &if milestone { morning(d) } else { evening(d) },
        );
    }
    x.el(3, "Duration", &hours(row.days));
    // 7 shows durations in days.
    x.el(3, "DurationFormat", "7");
    x.el(3, "Milestone", if milestone { "1" } else { "0" });
    x.el(3, "Summary", if summary { "1" } else { "0" });
    x.el(3, "Critical", if row.critical { "1" } else { "0" });
    x.el(3, "PercentComplete", &percent.to_string());
    // 0 is "as soon as possible": the dates follow from the links.
    x.el(3, "ConstraintType", "0");
    if !notes.is_empty() {
        x.el(3, "Notes", &notes);
    }
    if let Kind::Task(i) = row.kind {
        for j in work.deps(i) {
            if work.same_loop(i, j) {
                continue;
            }
            let Some(&pred) = layout.task_uid.get(j) else {
                continue;
            };
            x.open(3, "PredecessorLink");
            x.el(4, "PredecessorUID", &pred.to_string());
            // 1 is finish-to-start; the lag is zero, counted in days (7).
            x.el(4, "Type", "1");
            x.el(4, "LinkLag", "0");
            x.el(4, "LagFormat", "7");
            x.close(3, "PredecessorLink");
        }
    }
    x.close(2, "Task");
}

fn phase_notes(work: &Work, p: usize) -> String {
    let Some(phase) = work.plan.phases.get(p) else {
        return String::new();
    };
    let mut lines = Vec::new();
    let goal = clean(&phase.goal);
    if !goal.is_empty() {
        lines.push(format!("Goal: {goal}"));
    }
    lines.push(format!(
        "Status: {}. Planwright id: {}.",
        phase.status.label(),
        clean_line(&phase.id.0)
    ));
    lines.push("Gate:".to_string());
    lines.extend(work.gate_lines(p));
    lines.join("\n")
}

fn task_notes(work: &Work, i: usize) -> String {
    let Some(t) = work.plan.tasks.get(i) else {
        return String::new();
    };
    let mut lines = Vec::new();
    let notes = clean(&t.notes);
    if !notes.is_empty() {
        lines.push(notes);
    }
    lines.push(format!(
        "Status: {}. Planwright id: {}.",
        t.status.label(),
        clean_line(&t.id.0)
    ));
    let looped: Vec<String> = work
        .deps(i)
        .into_iter()
        .filter(|&j| work.same_loop(i, j))
        .map(|j| work.task_title(j))
        .collect();
    if !looped.is_empty() {
        lines.push(format!(
            "Left out because the dependencies loop: waits for {}.",
            looped.join("; ")
        ));
    }
    if t.duration_days.is_none() {
        lines.push("No length estimated yet; counted as zero days.".to_string());
    }
    lines.join("\n")
}

/// The text cut to at most `max` characters, the last one an ellipsis when
/// it is cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// 08:00 on a day, the start of its working time.
fn morning(d: Date) -> String {
    format!("{d}T08:00:00")
}

/// 17:00 on a day, the end of its working time.
fn evening(d: Date) -> String {
    format!("{d}T17:00:00")
}

/// Working days as an `xsd:duration` in hours.
fn hours(days: u64) -> String {
    format!("PT{}H0M0S", days.saturating_mul(HOURS_PER_DAY))
}

/// The document being written.
#[derive(Default)]
struct Xml {
    out: String,
}

impl Xml {
    fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
    }

    fn open(&mut self, depth: usize, name: &str) {
        self.indent(depth);
        let _ = writeln!(self.out, "<{name}>");
    }

    fn close(&mut self, depth: usize, name: &str) {
        self.indent(depth);
        let _ = writeln!(self.out, "</{name}>");
    }

    /// `<name>text</name>` on its own line, the text escaped.
    fn el(&mut self, depth: usize, name: &str, text: &str) {
        self.indent(depth);
        let _ = write!(self.out, "<{name}>");
        escape_into(&mut self.out, text);
        let _ = writeln!(self.out, "</{name}>");
    }
}

/// Appends text escaped for XML content, dropping what XML 1.0 cannot carry.
fn escape_into(out: &mut String, text: &str) {
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calendar_carries_worked_days_and_closures() {
        use crate::model::{Calendar, Closure, Weekday};
        let cal = WorkCalendar::new(&Calendar {
            working_weekdays: vec![Weekday::Sunday, Weekday::Monday],
            closures: vec![Closure {
                start: "2026-12-24".parse().ok(),
                end: "2026-12-26".parse().ok(),
                ..Closure::default()
            }],
            ..Calendar::default()
        });
        let mut x = Xml::default();
        calendars(&mut x, &cal);
        let days: Vec<&str> = x.out.matches("<DayWorking>1</DayWorking>").collect();
        assert_eq!(days.len(), 2);
        assert!(
            x.out
                .contains("<DayType>1</DayType>\n          <DayWorking>1</DayWorking>"),
            "{}",
            x.out
        );
        assert!(x.out.contains("<DayType>0</DayType>"));
        assert!(x.out.contains("<FromDate>2026-12-24T00:00:00</FromDate>"));
        assert!(x.out.contains("<ToDate>2026-12-26T23:59:00</ToDate>"));
    }

    #[test]
    fn escaping_covers_markup_and_controls() {
        let mut out = String::new();
        escape_into(&mut out, "a<b>&\"c'\u{0}\u{1b}");
        assert_eq!(out, "a&lt;b&gt;&amp;&quot;c&apos;");
    }

    #[test]
    fn long_names_are_cut_to_the_schema_limit() {
        assert_eq!(cut("short", 255), "short");
        let long = "é".repeat(600);
        let cut_name = cut(&long, 512);
        assert_eq!(cut_name.chars().count(), 512);
        assert!(cut_name.ends_with('…'));
    }

    #[test]
    fn hours_are_eight_a_day() {
        assert_eq!(hours(0), "PT0H0M0S");
        assert_eq!(hours(3), "PT24H0M0S");
        assert_eq!(hours(u64::MAX), format!("PT{}H0M0S", u64::MAX));
    }
}

#[cfg(test)]
mod plan_tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::model::{Id, Task};
    use crate::testing::{random_plan, rich, task, tasks_only};

    fn export(plan: &Plan) -> String {
        write(plan, &analyze(plan))
    }

    /// Every element opened is closed in order, and every `&` starts one of
    /// the five entities.
    fn assert_well_formed(xml: &str) {
        let mut stack: Vec<&str> = Vec::new();
        let body = xml.split_once("?>").map_or(xml, |(_, rest)| rest);
        for piece in body.split('<').skip(1) {
            let (tag, _) = piece.split_once('>').expect("a tag ends");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name), "mismatched </{name}>");
            } else {
                stack.push(tag.split(' ').next().unwrap_or(tag));
            }
        }
        assert!(stack.is_empty(), "unclosed {stack:?}");
        for (at, _) in xml.match_indices('&') {
            let rest = &xml[at..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| rest.starts_with(e)),
                "bare & at {at}"
            );
        }
        assert!(!xml
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'));
    }

    #[test]
    fn hostile_text_is_escaped() {
        let mut plan = rich();
        plan.title = "<Project> & \"co\" 'x' \u{0}\u{1b}".to_string();
        plan.tasks[0].title = "</Name><Evil>&".to_string();
        plan.tasks[0].notes = "]]> <!-- -->\u{FFFE}\u{7}".to_string();
        let xml = export(&plan);
        assert_well_formed(&xml);
        assert!(xml.contains("<Title>&lt;Project&gt; &amp; &quot;co&quot; &apos;x&apos;</Title>"));
        assert!(xml.contains("<Name>&lt;/Name&gt;&lt;Evil&gt;&amp;</Name>"));
    }

    #[test]
    fn phases_are_summaries_and_links_are_finish_to_start() {
        let plan = rich();
        let xml = export(&plan);
        assert_well_formed(&xml);
        assert_eq!(
            xml.matches("<Task>").count(),
            plan.tasks.len() + plan.phases.len()
        );
        assert_eq!(
            xml.matches("<Summary>1</Summary>").count(),
            plan.phases.len()
        );
        let links: usize = plan.tasks.iter().map(|t| t.depends_on.len()).sum();
        assert_eq!(xml.matches("<PredecessorLink>").count(), links);
        assert!(xml.matches("<Type>1</Type>").count() >= links);
        assert!(xml.contains("<OutlineNumber>1.1</OutlineNumber>"));
        assert_eq!(xml.matches("<DayWorking>1</DayWorking>").count(), 5);
    }

    #[test]
    fn loops_lose_only_their_own_links() {
        let plan = tasks_only(vec![
            task("a", 1, &["b"]),
            task("b", 1, &["a"]),
            task("c", 1, &["a", "ghost", "c"]),
        ]);
        let xml = export(&plan);
        assert_well_formed(&xml);
        // c → a survives; a ↔ b is the loop; ghost and c itself are not tasks.
        assert_eq!(xml.matches("<PredecessorLink>").count(), 1);
        assert!(xml.contains("Left out because the dependencies loop: waits for"));
        assert!(!xml.contains("<Start>"), "a loop has no dates");
    }

    #[test]
    fn empty_and_undated_plans_export() {
        for plan in [Plan::default(), Plan::blank()] {
            let xml = export(&plan);
            assert_well_formed(&xml);
            assert!(xml.contains("<Tasks>\n  </Tasks>") || xml.contains("<Task>"));
        }
        let undated = tasks_only(vec![Task {
            id: Id::from("t"),
            owner: Some(Id::from("nobody")),
            ..Task::default()
        }]);
        let xml = export(&undated);
        assert!(xml.contains("<Name>Unknown person (id &apos;nobody&apos;)</Name>"));
        assert!(xml.contains("<Duration>PT0H0M0S</Duration>"));
    }

    #[test]
    fn ten_thousand_tasks_export() {
        let plan = random_plan(10_000, 6);
        let xml = export(&plan);
        assert_eq!(xml.matches("<Task>").count(), 10_000 + plan.phases.len());
        assert!(xml.matches("<Assignment>").count() > 7_000);
    }
}
