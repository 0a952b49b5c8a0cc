//! The timeline as a fenced Mermaid `gantt` block, the one fence in the
//! document, and the escaping that keeps user text inside its lines.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt::Write as _;

use crate::analysis::schedule::{working_day, Schedule, MAX_WEEKS};
use crate::date::Date;
use crate::model::{Plan, TaskStatus};

// ---------------------------------------------------------------------------
// Schedule and timeline

/// Where the timeline counts from when the plan has no start date: a Monday,
/// so the chart's weeks line up with working weeks.
pub(super) const STAND_IN_START: (i64, u8, u8) = (2026, 1, 5);

/// GitHub does not draw a Mermaid diagram longer than this many characters
/// (Mermaid's default `maxTextSize`).
pub(super) const MERMAID_MAX_CHARS: usize = 50_000;

/// Why the timeline is left out of a plan too large to draw. The chart is
/// abandoned as soon as it passes the limit, not built in full first.
const TOO_LARGE: &str = "No timeline: the plan has more tasks than GitHub draws in one chart. The critical path above still applies.";

/// Longest task or phase name in the timeline, in characters.
pub(super) const MERMAID_NAME_CHARS: usize = 60;

/// The schedule as a fenced Mermaid `gantt` block, and the stand-in start
/// date when the plan has none; or why no chart is drawn.
///
/// Tasks are grouped in one `section` per phase (in plan order, tasks with no
/// known phase last) and listed in schedule order within it, so a task comes
/// after those it waits for except across phases. Each task is
/// `N. title :tags, tN, start, Dd`: its position in the plan, its title made
/// safe by [`mermaid_text`], `done`/`active` from its status, `crit` when it
/// has no slack (the critical path and any path as long), `milestone` for
/// zero days, and either the start date (no
/// dependencies) or `after` its dependencies. Durations are working days:
/// `excludes` lists the weekdays not worked (`weekends` for Saturday and
/// Sunday) and each closed day the chart spans, so Mermaid stretches each
/// bar over them and gives the same dates as the schedule. A bar runs from
/// when the task is ready to its finish, so a task whose owner is away
/// still ends on its scheduled day.
///
/// Mermaid's `excludes` takes dates as YYYY-MM-DD, day names ("sunday") and
/// "weekends" (Mermaid's gantt syntax reference,
/// <https://mermaid.js.org/syntax/gantt.html>, "excludes").
pub(super) fn gantt(plan: &Plan, s: &Schedule) -> Result<(String, Option<Date>), &'static str> {
    if s.total_days > (MAX_WEEKS as u64).saturating_mul(5) {
        return Err("No timeline: the tasks run for more than ten years. Check their lengths.");
    }
    let (start, stand_in) = match s.start_date {
        Some(date) => (date, None),
        None => {
            let (y, m, d) = STAND_IN_START;
            let date = Date::new(y, m, d).and_then(|d| working_day(d, 0));
            let Some(date) = date else {
                return Err("No timeline: no start date to draw it from.");
            };
            (date, Some(date))
        }
    };
    // Position of the first task with each id, as the schedule resolves them.
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        index.entry(t.id.as_str()).or_insert(i);
    }
    // Each task's place in the schedule order; a repeated id takes the next
    // task that has it.
    let mut slots: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        slots.entry(t.id.as_str()).or_default().push_back(i);
    }
    let mut rank = vec![usize::MAX; plan.tasks.len()];
    for (r, id) in s.order.iter().enumerate() {
        if let Some(i) = slots.get_mut(id.as_str()).and_then(VecDeque::pop_front) {
            rank[i] = r;
        }
    }
    // Every task without slack, not only those on the one path named above:
    // a day lost on any of them delays the plan.
    let critical: HashSet<usize> = s
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.critical && s.total_days > 0)
        .map(|(i, _)| i)
        .collect();
    let phase_of: HashMap<&str, usize> = plan
        .phases
        .iter()
        .enumerate()
        .rev()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); plan.phases.len() + 1];
    for (i, t) in plan.tasks.iter().enumerate() {
        let g = t
            .phase
            .as_ref()
            .and_then(|p| phase_of.get(p.as_str()).copied())
            .unwrap_or(plan.phases.len());
        if let Some(group) = groups.get_mut(g) {
            group.push(i);
        }
    }

    let mut listed_by = vec![usize::MAX; plan.tasks.len()];
    let mut chart = String::from("```mermaid\ngantt\n    dateFormat YYYY-MM-DD\n");
    excludes(&mut chart, s, start);
    if chart.len() > MERMAID_MAX_CHARS {
        return Err(TOO_LARGE);
    }
    if stand_in.is_some() {
        chart.push_str("    todayMarker off\n");
    }
    for (g, group) in groups.iter_mut().enumerate() {
        if group.is_empty() {
            continue;
        }
        let name = match plan.phases.get(g) {
            Some(p) => {
                let name = mermaid_text(&p.name, MERMAID_NAME_CHARS);
                if name.is_empty() {
                    format!("Phase {}", g + 1)
                } else {
                    name
                }
            }
            None => "Tasks without a phase".to_string(),
        };
        let _ = writeln!(chart, "    section {name}");
        group.sort_by_key(|&i| (rank.get(i).copied().unwrap_or(usize::MAX), i));
        for &i in group.iter() {
            let Some(t) = plan.tasks.get(i) else {
                continue;
            };
            let mut title = mermaid_text(&t.title, MERMAID_NAME_CHARS);
            if title.is_empty() {
                title = "Unnamed task".to_string();
            }
            let mut tags = String::new();
            match t.status {
                TaskStatus::Done => tags.push_str("done, "),
                TaskStatus::InProgress => tags.push_str("active, "),
                TaskStatus::Todo | TaskStatus::Blocked => {}
            }
            if critical.contains(&i) {
                tags.push_str("crit, ");
            }
            if t.duration_days.unwrap_or(0) == 0 {
                tags.push_str("milestone, ");
            }
            // From ready to finish: the task's length plus any days its
            // owner is away.
            let days = match (s.tasks.get(i), s.ready.get(i)) {
                (Some(timing), Some(&ready)) => timing.earliest_finish.saturating_sub(ready),
                _ => u64::from(t.duration_days.unwrap_or(0)),
            };
            let _ = write!(chart, "    {n}. {title} :{tags}t{n}, ", n = i + 1);
            // Each distinct dependency once, marked by the task that last
            // listed it, so a task with many dependencies costs linear time.
            let mut any = false;
            for dep in &t.depends_on {
                let Some(&j) = index.get(dep.as_str()) else {
                    continue;
                };
                if j == i || listed_by[j] == i {
                    continue;
                }
                listed_by[j] = i;
                chart.push_str(if any { " t" } else { "after t" });
                let _ = write!(chart, "{}", j + 1);
                any = true;
                if chart.len() > MERMAID_MAX_CHARS {
                    return Err(TOO_LARGE);
                }
            }
            if !any {
                let _ = write!(chart, "{start}");
            }
            let _ = writeln!(chart, ", {days}d");
            if chart.len() > MERMAID_MAX_CHARS {
                return Err(TOO_LARGE);
            }
        }
    }
    chart.push_str("```\n");
    if chart.len() > MERMAID_MAX_CHARS {
        return Err(TOO_LARGE);
    }
    Ok((chart, stand_in))
}

/// The `excludes` line: the weekdays not worked and the closed days from
/// the start to the end of the schedule.
fn excludes(chart: &mut String, s: &Schedule, start: Date) {
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let worked = s.calendar.weekdays();
    let mut items: Vec<String> = Vec::new();
    if worked == [true, true, true, true, true, false, false] {
        items.push("weekends".to_string());
    } else {
        items.extend(
            NAMES
                .iter()
                .zip(worked)
                .filter(|(_, w)| !w)
                .map(|(n, _)| n.to_string()),
        );
    }
    let end = s.finish_date.or_else(|| start.add_days(7)).unwrap_or(start);
    for (lo, hi) in s.calendar.closures() {
        if hi < start || lo > end {
            continue;
        }
        let mut day = lo.max(start);
        while day <= hi.min(end) {
            if worked[usize::from(day.weekday())] {
                items.push(day.to_string());
            }
            // The chart stops being drawn past the size limit anyway.
            if items.len() * 11 > MERMAID_MAX_CHARS {
                break;
            }
            match day.add_days(1) {
                Some(next) => day = next,
                None => break,
            }
        }
    }
    if !items.is_empty() {
        let _ = writeln!(chart, "    excludes {}", items.join(", "));
    }
}

/// User text made safe for a name in a Mermaid `gantt` line, readable but
/// unable to change the chart: `:` `;` `#` (which end a name or start a
/// comment or an entity), line breaks and other control characters, and
/// backticks (which could close the Markdown fence) become one `'`; `<` `>`
/// become `‹` `›`; a run of `%` becomes one, so no `%%` comment or directive
/// can form; spaces are collapsed. At most `max` characters are kept, with
/// `…` when cut. The result may be empty.
///
/// Task lines also start with the task's number, so no name can begin with
/// a keyword such as `section`, `title` or `click`.
///
/// ```
/// use planwright_core::export::markdown::mermaid_text;
/// assert_eq!(mermaid_text("Review: legal; #2\n```end", 60), "Review - legal, 2 'end");
/// assert_eq!(mermaid_text("%%{init: {}}%%", 60), "%{init - {}}%");
/// assert_eq!(mermaid_text("abcdef", 4), "abc…");
/// assert_eq!(mermaid_text("Review the draft", 12), "Review the…");
/// ```
pub fn mermaid_text(text: &str, max: usize) -> String {
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ':' => safe.push_str(" - "),
            ';' => safe.push(','),
            '#' => safe.push(' '),
            '`' | '\'' if safe.ends_with('\'') => {}
            '`' => safe.push('\''),
            '<' => safe.push('‹'),
            '>' => safe.push('›'),
            '%' if safe.ends_with('%') => {}
            c if c.is_whitespace() || c.is_control() => safe.push(' '),
            c => safe.push(c),
        }
    }
    let words: Vec<&str> = safe.split_whitespace().collect();
    let joined = words.join(" ");
    if joined.chars().count() <= max {
        return joined;
    }
    let mut cut: String = joined.chars().take(max.saturating_sub(1)).collect();
    // End on a whole word when one ends in the second half.
    let next = joined.chars().nth(cut.chars().count());
    if next.is_some_and(|c| c != ' ') {
        if let Some(space) = cut.rfind(' ').filter(|&at| at >= cut.len() / 2) {
            cut.truncate(space);
        }
    }
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}
