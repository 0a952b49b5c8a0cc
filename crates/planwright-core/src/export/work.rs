//! What the three exports for work tools (CSV, Microsoft Project XML and
//! iCalendar) read the same way: people by name and e-mail, tasks in
//! schedule order with their resolved dependencies, the dates of phases and
//! their gates, and text cleaned of characters no target format can carry.
//!
//! Contract: [`Work::new`] indexes a plan and its analysis once, in time
//! linear in the plan; nothing here panics on any plan, including one whose
//! dependencies loop, name tasks that do not exist, or repeat ids (the first
//! item with an id wins, as everywhere in the core).

use std::collections::VecDeque;

use rustc_hash::FxHashMap;

use crate::analysis::gates::phase_starts;
use crate::analysis::schedule::{TaskTiming, WorkCalendar};
use crate::analysis::Analysis;
use crate::date::Date;
use crate::model::{Id, PhaseKind, Plan, Stakeholder, Task};

/// A person as the work tools see them: a name, and an e-mail address when
/// the plan gives one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Person {
    /// Their name; empty when no one is named, `Unknown person (id 'x')` for
    /// a reference to no stakeholder.
    pub name: String,
    /// An e-mail address written in their name, role or notes (the plan has
    /// no field of its own for it).
    pub email: Option<String>,
}

/// The calendar window of a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Window {
    /// Its first day.
    pub start: Option<Date>,
    /// The working day its gate falls on: the last working day of its
    /// planned length, or, without one, the day its last task ends.
    pub gate: Option<Date>,
}

/// A plan and its analysis, indexed for the exports.
pub(crate) struct Work<'a> {
    pub plan: &'a Plan,
    pub analysis: &'a Analysis,
    people: FxHashMap<&'a str, &'a Stakeholder>,
    phases: FxHashMap<&'a str, usize>,
    tasks: FxHashMap<&'a str, usize>,
    /// Loop number of each task caught in a dependency loop.
    loops: FxHashMap<&'a str, usize>,
    /// Window of each phase, in plan order.
    pub windows: Vec<Window>,
    /// The plan's working calendar.
    pub calendar: WorkCalendar,
}

impl<'a> Work<'a> {
    /// Indexes `plan`; `analysis` must be the analysis of that plan.
    pub fn new(plan: &'a Plan, analysis: &'a Analysis) -> Work<'a> {
        let mut people = FxHashMap::default();
        for s in &plan.stakeholders {
            people.entry(s.id.as_str()).or_insert(s);
        }
        let mut phases = FxHashMap::default();
        for (i, p) in plan.phases.iter().enumerate() {
            phases.entry(p.id.as_str()).or_insert(i);
        }
        let mut tasks = FxHashMap::default();
        for (i, t) in plan.tasks.iter().enumerate() {
            tasks.entry(t.id.as_str()).or_insert(i);
        }
        let mut loops = FxHashMap::default();
        if let Err(e) = &analysis.schedule {
            for (n, ids) in e.cycles.iter().enumerate() {
                for id in ids {
                    if let Some(&i) = tasks.get(id.as_str()) {
                        let t: &'a Task = &plan.tasks[i];
                        loops.entry(t.id.as_str()).or_insert(n);
                    }
                }
            }
        }
        let mut work = Work {
            plan,
            analysis,
            people,
            phases,
            tasks,
            loops,
            windows: Vec::new(),
            calendar: WorkCalendar::of(plan),
        };
        work.windows = work.phase_windows();
        work
    }

    /// The person an id points at.
    pub fn person(&self, id: Option<&Id>) -> Person {
        let Some(id) = id else {
            return Person::default();
        };
        match self.people.get(id.as_str()) {
            Some(s) => Person {
                name: match clean_line(&s.name) {
                    name if name.is_empty() => {
                        format!("Unnamed person (id '{}')", clean_line(&id.0))
                    }
                    name => name,
                },
                email: [&s.name, &s.role, &s.notes]
                    .iter()
                    .find_map(|text| find_email(text)),
            },
            None => Person {
                name: format!("Unknown person (id '{}')", clean_line(&id.0)),
                email: None,
            },
        }
    }

    /// The timing of task `i`, when the tasks could be scheduled.
    pub fn timing(&self, i: usize) -> Option<&'a TaskTiming> {
        self.analysis.schedule.as_ref().ok()?.tasks.get(i)
    }

    /// Position in `plan.phases` of the phase a task belongs to, when it
    /// names one that exists.
    pub fn phase_of(&self, task: &Task) -> Option<usize> {
        self.phases.get(task.phase.as_ref()?.as_str()).copied()
    }

    /// A phase's name, or `Phase N` when it has none.
    pub fn phase_name(&self, p: usize) -> String {
        match self.plan.phases.get(p).map(|p| clean_line(&p.name)) {
            Some(name) if !name.is_empty() => name,
            _ => format!("Phase {}", p + 1),
        }
    }

    /// A task's title, or `Untitled task (id 'x')`.
    pub fn task_title(&self, i: usize) -> String {
        let Some(t) = self.plan.tasks.get(i) else {
            return String::new();
        };
        match clean_line(&t.title) {
            title if title.is_empty() => format!("Untitled task (id '{}')", clean_line(&t.id.0)),
            title => title,
        }
    }

    /// The tasks task `i` waits for, by position, in the order it lists
    /// them: each once, ids no task has and the task itself left out.
    pub fn deps(&self, i: usize) -> Vec<usize> {
        let Some(t) = self.plan.tasks.get(i) else {
            return Vec::new();
        };
        let mut out: Vec<usize> = Vec::new();
        for d in &t.depends_on {
            if let Some(&j) = self.tasks.get(d.as_str()) {
                if j != i && !out.contains(&j) {
                    out.push(j);
                }
            }
        }
        out
    }

    /// Whether tasks `a` and `b` are caught in the same dependency loop, so
    /// that a link between them cannot be scheduled.
    pub fn same_loop(&self, a: usize, b: usize) -> bool {
        let id = |i: usize| self.plan.tasks.get(i).map(|t| t.id.as_str());
        match (
            id(a).and_then(|a| self.loops.get(a)),
            id(b).and_then(|b| self.loops.get(b)),
        ) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    }

    /// Every task position once, dependencies first when the tasks could
    /// be scheduled, otherwise in plan order.
    pub fn order(&self) -> Vec<usize> {
        let n = self.plan.tasks.len();
        let Ok(s) = &self.analysis.schedule else {
            return (0..n).collect();
        };
        let mut by_id: FxHashMap<&str, VecDeque<usize>> = FxHashMap::default();
        for (i, t) in self.plan.tasks.iter().enumerate() {
            by_id.entry(t.id.as_str()).or_default().push_back(i);
        }
        let mut out: Vec<usize> = s
            .order
            .iter()
            .filter_map(|id| by_id.get_mut(id.as_str()).and_then(VecDeque::pop_front))
            .collect();
        if out.len() != n {
            // Only if the schedule were of another plan; keep every task.
            let mut seen = vec![false; n];
            for &i in &out {
                seen[i] = true;
            }
            out.extend((0..n).filter(|&i| !seen[i]));
        }
        out
    }

    /// The positions of the tasks in phase `p`.
    pub fn tasks_in(&self, p: usize) -> impl Iterator<Item = usize> + '_ {
        self.plan
            .tasks
            .iter()
            .enumerate()
            .filter(move |(_, t)| self.phase_of(t) == Some(p))
            .map(|(i, _)| i)
    }

    /// Who decides the gate of phase `p`.
    pub fn gate_approvers(&self, p: usize) -> Vec<Person> {
        self.plan.phases.get(p).map_or(Vec::new(), |phase| {
            phase
                .gate_approvers
                .iter()
                .map(|a| self.person(Some(a)))
                .collect()
        })
    }

    /// The gate of phase `p` in words, one line each: the decision, every
    /// exit criterion ticked or not, and who decides.
    pub fn gate_lines(&self, p: usize) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(g) = self.analysis.gates.phases.get(p) {
            lines.push(clean(&g.summary));
            lines.push("Exit criteria:".to_string());
            for c in &g.criteria {
                let mark = if c.met { "[x]" } else { "[ ]" };
                lines.push(format!("{mark} {}", clean_line(&c.text)));
            }
        }
        let names: Vec<String> = self.gate_approvers(p).into_iter().map(|a| a.name).collect();
        lines.push(match names.len() {
            0 => "Nobody is named to decide this gate yet.".to_string(),
            _ => format!("Decided by: {}.", names.join(", ")),
        });
        lines
    }

    /// The first working day of the first deployment phase (when the work
    /// goes live), or of the plan.
    pub fn live_from(&self) -> Option<Date> {
        let deployment = self
            .plan
            .phases
            .iter()
            .position(|p| p.kind == PhaseKind::Deployment)
            .and_then(|p| self.windows.get(p))
            .and_then(|w| w.start);
        deployment
            .or(self.plan.start_date)
            .and_then(|d| self.calendar.first_on_or_after(d))
    }

    /// The day itself when it is worked, else the last worked day before
    /// it (up to a year back).
    fn last_working_day_on_or_before(&self, day: Date) -> Option<Date> {
        (0..=366)
            .filter_map(|k| day.add_days(-k))
            .find(|d| self.calendar.is_working(*d))
    }

    fn phase_windows(&self) -> Vec<Window> {
        let starts = phase_starts(self.plan);
        let mut last_finish: Vec<Option<Date>> = vec![None; self.plan.phases.len()];
        let mut first_start: Vec<Option<Date>> = vec![None; self.plan.phases.len()];
        for (i, t) in self.plan.tasks.iter().enumerate() {
            let (Some(p), Some(timing)) = (self.phase_of(t), self.timing(i)) else {
                continue;
            };
            if let Some(f) = timing.finish {
                last_finish[p] = last_finish[p].max(Some(f));
            }
            if let Some(s) = timing.start {
                first_start[p] = Some(first_start[p].map_or(s, |d| d.min(s)));
            }
        }
        self.plan
            .phases
            .iter()
            .enumerate()
            .map(|(p, phase)| {
                let start = starts.get(p).copied().flatten();
                let planned = match (start, phase.duration_weeks) {
                    (Some(s), Some(0)) => self.calendar.first_on_or_after(s),
                    (Some(s), Some(w)) => s
                        .add_days(i64::from(w) * 7 - 1)
                        .and_then(|d| self.last_working_day_on_or_before(d)),
                    _ => None,
                };
                Window {
                    start: start.or(first_start[p]),
                    gate: planned.or(last_finish[p]),
                }
            })
            .collect()
    }
}

/// The text with every character no export can carry removed: control
/// characters other than line feed and tab (a carriage return, alone or
/// before a line feed, becomes one line feed), and the two non-characters
/// U+FFFE and U+FFFF, which XML 1.0 forbids
/// (<https://www.w3.org/TR/xml/#charsets>). Surrounding blank space is
/// trimmed.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// [`clean`], with line breaks and tabs turned into single spaces, for
/// names and titles that must stay on one line.
pub(crate) fn clean_line(text: &str) -> String {
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len());
    let mut space = false;
    for c in cleaned.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Lower-case ASCII letters and digits joined by single hyphens, at most
/// 40 characters, for labels that must carry no spaces.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
        if out.len() >= 40 {
            out.truncate(40);
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The first e-mail address written in a piece of text, such as
/// `Dana Reyes <dana.reyes@example.com>`: a word with one `@`, a local part
/// of letters, digits and `._%+-`, and a domain of at least two labels
/// whose last is letters only.
pub(crate) fn find_email(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || "<>()[],;:\"'".contains(c))
        .map(|w| w.trim_end_matches('.'))
        .find(|w| is_email(w))
        .map(str::to_string)
}

fn is_email(word: &str) -> bool {
    let Some((local, domain)) = word.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && domain_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::testing::{rich, task};

    #[test]
    fn clean_drops_what_no_format_carries() {
        assert_eq!(
            clean(" a\u{0}b\u{7}c\r\nd\re\u{FFFE}\u{1b}[31m "),
            "abc\nd\ne[31m"
        );
        assert_eq!(clean_line(" two\n lines\tand  tabs "), "two lines and tabs");
        assert_eq!(clean("\u{85}é\u{200B}"), "é\u{200B}");
    }

    #[test]
    fn slugs_are_short_ascii_words() {
        assert_eq!(slug("Foundation and readiness"), "foundation-and-readiness");
        assert_eq!(slug("  Öl & --Gas!! "), "l-gas");
        assert_eq!(slug("日本"), "");
        assert!(slug(&"word ".repeat(30)).len() <= 40);
        assert!(!slug(&"abcdefghi ".repeat(10)).ends_with('-'));
    }

    #[test]
    fn emails_are_found_where_people_write_them() {
        for (text, email) in [
            (
                "Dana Reyes <dana.reyes@example.com>",
                Some("dana.reyes@example.com"),
            ),
            (
                "mail: ops+ai@team.example.org.",
                Some("ops+ai@team.example.org"),
            ),
            ("@handle on chat", None),
            ("a@b", None),
            ("x@y.c0m", None),
            ("two@@example.com", None),
            ("", None),
        ] {
            assert_eq!(find_email(text).as_deref(), email, "{text}");
        }
    }

    #[test]
    fn people_phases_and_dependencies_resolve() {
        let mut plan = rich();
        plan.tasks
            .push(task("odd", 1, &["odd", "nowhere", "t-1", "t-1"]));
        let a = analyze(&plan);
        let w = Work::new(&plan, &a);
        let odd = plan.tasks.len() - 1;
        assert_eq!(w.deps(odd), [0]);
        assert_eq!(w.order().len(), plan.tasks.len());
        assert_eq!(
            w.person(Some(&Id::from("ghost"))).name,
            "Unknown person (id 'ghost')"
        );
        assert_eq!(w.person(None), Person::default());
        assert!(w.windows.iter().all(|win| win.gate.is_some()));
        assert!(w
            .windows
            .iter()
            .all(|win| win.gate.is_some_and(|d| d.weekday() < 5)));
    }

    #[test]
    fn loops_are_known_by_member() {
        let plan = crate::testing::tasks_only(vec![
            task("a", 1, &["b"]),
            task("b", 1, &["a"]),
            task("c", 1, &["a"]),
        ]);
        let a = analyze(&plan);
        let w = Work::new(&plan, &a);
        assert!(w.same_loop(0, 1));
        assert!(!w.same_loop(0, 2));
        assert_eq!(w.order(), [0, 1, 2]);
        assert!(w.timing(0).is_none());
    }
}
