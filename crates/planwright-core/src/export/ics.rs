//! The plan's dates as an iCalendar file (RFC 5545,
//! <https://www.rfc-editor.org/rfc/rfc5545>): phase gates, milestones,
//! approval deadlines and the review cycles of the feedback loops.
//!
//! Contract: [`write`] gives one `VCALENDAR` (section 3.4) with one
//! all-day `VEVENT` (section 3.6.1) per dated item, or an [`IcsError`]
//! when nothing in the plan has a date, since a calendar must hold at least
//! one component (section 3.6). It never panics, and the same plan, id and
//! stamp always give the same bytes.
//!
//! - Every event's `UID` (section 3.8.4.7) is made from the plan's id, the
//!   kind of item and the item's own id, so importing a later export again
//!   updates the events instead of adding copies. `DTSTAMP` (section
//!   3.8.7.2) is the caller's stamp, in UTC.
//! - Events are all-day: `DTSTART;VALUE=DATE` and a `DTEND` the day after,
//!   which the end of an all-day event excludes (section 3.6.1). They are
//!   `TRANSP:TRANSPARENT` (section 3.8.2.7) so they do not block time.
//! - A feedback loop's review repeats with an `RRULE` (sections 3.3.10 and
//!   3.8.5.3) from its cadence: daily on working days, weekly, monthly,
//!   or every three months; loops watched continuously or with no cadence
//!   have no review meeting and no event. Reviews start when the work goes
//!   live: the first day of the first deployment phase, or the plan start.
//! - Text values escape backslash, semicolon, comma and line breaks
//!   (section 3.3.11) and carry no control characters, which TEXT does not
//!   allow; lines end in CRLF and are folded before 75 octets, never inside
//!   a character (section 3.1).
//! - Hand-offs have no date in a plan, so they are not in the calendar
//!   (the CSV export lists them as tasks).

use std::fmt;

use crate::analysis::Analysis;
use crate::choice::Choice;
use crate::date::Date;
use crate::model::{Cadence, DeliverableStatus, PhaseKind, Plan};

use super::work::{clean, clean_line, slug, Work};

/// The media type to serve the file with (RFC 5545, section 8.1).
pub const MEDIA_TYPE: &str = "text/calendar;charset=utf-8";

/// The file name extension (RFC 5545, section 8.1).
pub const EXTENSION: &str = "ics";

/// A moment in UTC, whole seconds, for `DTSTAMP`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp {
    day: Date,
    second_of_day: u32,
}

impl Stamp {
    /// The moment `seconds` after 1970-01-01T00:00:00Z, or `None` outside
    /// the years 1 to 9999.
    pub fn from_unix_seconds(seconds: i64) -> Option<Stamp> {
        let day = Date::from_days(seconds.div_euclid(86_400))?;
        let second_of_day = u32::try_from(seconds.rem_euclid(86_400)).ok()?;
        Some(Stamp { day, second_of_day })
    }
}

impl fmt::Display for Stamp {
    /// `YYYYMMDDTHHMMSSZ`, the UTC form of DATE-TIME (section 3.3.5).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.second_of_day;
        write!(
            f,
            "{}T{:02}{:02}{:02}Z",
            basic(self.day),
            s / 3600,
            s / 60 % 60,
            s % 60
        )
    }
}

/// What the calendar needs besides the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IcsOptions<'a> {
    /// A stable id of the plan, such as the app's library id; every event's
    /// UID starts from it. [`plan_key`] makes one from the plan's title.
    pub plan_id: &'a str,
    /// When the file is written, for every event's `DTSTAMP`.
    pub stamp: Stamp,
}

/// Why there is no calendar to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IcsError {
    /// Nothing in the plan has a date. `no_start_date` is true when the plan
    /// has no start date, which is what dates the gates and milestones.
    NothingDated {
        /// The plan has no start date.
        no_start_date: bool,
    },
}

impl fmt::Display for IcsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IcsError::NothingDated {
                no_start_date: true,
            } => f.write_str(
                "the plan has no start date, so its gates, milestones and reviews have no dates \
                 and there is nothing to put in a calendar; set the plan's start date",
            ),
            IcsError::NothingDated {
                no_start_date: false,
            } => f.write_str(
                "nothing in the plan has a date yet (no phase lengths, milestones, adoption \
                 milestones with a due date or feedback loops with a cadence), so there is \
                 nothing to put in a calendar",
            ),
        }
    }
}

impl std::error::Error for IcsError {}

/// A plan id made from the title, for callers that have none of their own:
/// its words in lower case and a short hash of the exact title, such as
/// `claims-triage-3fa2b1c0`. Renaming the plan changes it, so a caller
/// that keeps plans (as the app's library does) should pass its own id.
///
/// ```
/// use planwright_core::export::ics::plan_key;
/// use planwright_core::Plan;
///
/// let mut plan = Plan::blank();
/// plan.title = "Claims triage".to_string();
/// assert!(plan_key(&plan).starts_with("claims-triage-"));
/// ```
pub fn plan_key(plan: &Plan) -> String {
    // FNV-1a, 32 bits: stable across versions and platforms.
    let hash = plan.title.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    match slug(&plan.title) {
        s if s.is_empty() => format!("plan-{hash:08x}"),
        s => format!("{s}-{hash:08x}"),
    }
}

/// One all-day event.
struct Event {
    kind: &'static str,
    item: String,
    day: Date,
    summary: String,
    description: String,
    categories: Vec<&'static str>,
    rrule: Option<&'static str>,
}

/// The plan's dated items as an iCalendar file.
///
/// ```
/// use planwright_core::analysis::analyze;
/// use planwright_core::export::ics::{write, IcsOptions, Stamp};
/// use planwright_core::Plan;
///
/// let mut plan = Plan::blank();
/// plan.start_date = "2026-01-05".parse().ok();
/// let stamp = Stamp::from_unix_seconds(1_767_225_600).unwrap();
/// let ics = write(&plan, &analyze(&plan), &IcsOptions { plan_id: "p1", stamp }).unwrap();
/// assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
/// assert!(ics.contains("UID:planwright.p1.gate.phase-1\r\n"));
/// assert!(ics.contains("DTSTAMP:20260101T000000Z\r\n"));
/// // The foundation phase's 8 weeks end on Friday 27 February.
/// assert!(ics.contains("DTSTART;VALUE=DATE:20260227\r\n"));
/// ```
pub fn write(plan: &Plan, analysis: &Analysis, options: &IcsOptions) -> Result<String, IcsError> {
    let work = Work::new(plan, analysis);
    let events = events(&work);
    if events.is_empty() {
        return Err(IcsError::NothingDated {
            no_start_date: plan.start_date.is_none(),
        });
    }
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Planwright//Plan calendar//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    let title = match clean_line(&plan.title) {
        t if t.is_empty() => "Untitled plan".to_string(),
        t => t,
    };
    // Not in RFC 5545, but the calendar name most clients show.
    line(&mut out, &format!("X-WR-CALNAME:{}", text(&title)));
    let plan_part = uid_part(options.plan_id);
    let mut seen = rustc_hash::FxHashMap::<String, usize>::default();
    for e in &events {
        let mut uid = format!("planwright.{plan_part}.{}.{}", e.kind, uid_part(&e.item));
        let n = seen.entry(uid.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            // Two items share an id (validation reports it); keep both.
            uid = format!("{uid}.{n}");
        }
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{uid}"));
        line(&mut out, &format!("DTSTAMP:{}", options.stamp));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", basic(e.day)));
        if let Some(next) = e.day.add_days(1) {
            line(&mut out, &format!("DTEND;VALUE=DATE:{}", basic(next)));
        }
        if let Some(rule) = e.rrule {
            line(&mut out, &format!("RRULE:{rule}"));
        }
        line(&mut out, &format!("SUMMARY:{}", text(&e.summary)));
        if !e.description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", text(&e.description)));
        }
        let categories: Vec<String> = e.categories.iter().map(|c| text(c)).collect();
        line(&mut out, &format!("CATEGORIES:{}", categories.join(",")));
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    Ok(out)
}

fn events(work: &Work) -> Vec<Event> {
    let plan = work.plan;
    let mut out = Vec::new();
    // Phase gates.
    for (p, phase) in plan.phases.iter().enumerate() {
        let Some(day) = work.windows.get(p).and_then(|w| w.gate) else {
            continue;
        };
        let name = work.phase_name(p);
        let lines = work.gate_lines(p);
        out.push(Event {
            kind: "gate",
            item: phase.id.0.clone(),
            day,
            summary: format!("Gate: {name}"),
            description: lines.join("\n"),
            categories: vec!["Gate"],
            rrule: None,
        });
    }
    // Milestones on the roadmap: tasks of no length.
    for (i, t) in plan.tasks.iter().enumerate() {
        if t.duration_days != Some(0) {
            continue;
        }
        let Some(timing) = work.timing(i) else {
            continue;
        };
        let Some(day) = timing.start else {
            continue;
        };
        let owner = work.person(t.owner.as_ref()).name;
        let mut lines = Vec::new();
        let notes = clean(&t.notes);
        if !notes.is_empty() {
            lines.push(notes);
        }
        if let Some(p) = work.phase_of(t) {
            lines.push(format!("Phase: {}.", work.phase_name(p)));
        }
        if !owner.is_empty() {
            lines.push(format!("Owner: {owner}."));
        }
        let mut categories = vec!["Milestone"];
        if timing.critical {
            lines.push("On the critical path.".to_string());
            categories.push("Critical path");
        }
        out.push(Event {
            kind: "milestone",
            item: t.id.0.clone(),
            day,
            summary: format!("Milestone: {}", work.task_title(i)),
            description: lines.join("\n"),
            categories,
            rrule: None,
        });
    }
    // Approval deadlines: the foundation deliverables are approved by the
    // foundation gate.
    let foundation = plan
        .phases
        .iter()
        .position(|p| p.kind == PhaseKind::Foundation)
        .or(if plan.phases.is_empty() {
            None
        } else {
            Some(0)
        });
    let deadline = foundation.and_then(|p| work.windows.get(p).and_then(|w| w.gate));
    if let (Some(p), Some(day)) = (foundation, deadline) {
        for d in &plan.deliverables {
            let name = match clean_line(&d.name) {
                n if n.is_empty() => d.kind.label().to_string(),
                n => n,
            };
            let approver = work.person(d.approver.as_ref()).name;
            let owner = work.person(d.owner.as_ref()).name;
            let mut lines = vec![format!(
                "To be approved by the gate of {}. Now: {}.",
                work.phase_name(p),
                d.status.label()
            )];
            lines.push(if approver.is_empty() {
                "Nobody is named to approve it yet.".to_string()
            } else {
                format!("Approver: {approver}.")
            });
            if !owner.is_empty() {
                lines.push(format!("Written by: {owner}."));
            }
            let done = d.status == DeliverableStatus::Approved;
            out.push(Event {
                kind: "approval",
                item: d.id.0.clone(),
                day,
                summary: if done {
                    format!("Approved: {name}")
                } else {
                    format!("Approval due: {name}")
                },
                description: lines.join("\n"),
                categories: vec!["Approval"],
                rrule: None,
            });
        }
    }
    // Adoption milestones with a due date.
    for m in &plan.change.milestones {
        let Some(day) = m.due else {
            continue;
        };
        let name = match clean_line(&m.name) {
            n if n.is_empty() => "Unnamed adoption milestone".to_string(),
            n => n,
        };
        let mut lines = Vec::new();
        let measure = clean(&m.measure);
        if !measure.is_empty() {
            lines.push(format!("Measured by: {measure}"));
        }
        let owner = work.person(m.owner.as_ref()).name;
        if !owner.is_empty() {
            lines.push(format!("Accountable: {owner}."));
        }
        lines.push(format!("Now: {}.", m.status.label()));
        out.push(Event {
            kind: "adoption",
            item: m.id.0.clone(),
            day,
            summary: format!("Adoption milestone: {name}"),
            description: lines.join("\n"),
            categories: vec!["Milestone", "Adoption"],
            rrule: None,
        });
    }
    // Review cycles of the feedback loops.
    if let Some(day) = work.live_from() {
        for l in &plan.feedback.loops {
            let Some(rule) = rrule(l.cadence) else {
                continue;
            };
            let signal = match clean_line(&l.signal) {
                s if s.is_empty() => "unnamed signal".to_string(),
                s => s,
            };
            let mut lines = vec![format!("{} review of this signal.", l.cadence.label())];
            let threshold = clean(&l.threshold);
            if !threshold.is_empty() {
                lines.push(format!("Act when: {threshold}"));
            }
            let action = clean(&l.action);
            if !action.is_empty() {
                lines.push(format!("Then: {action}"));
            }
            let owner = work.person(l.owner.as_ref()).name;
            if !owner.is_empty() {
                lines.push(format!("Watched by: {owner}."));
            }
            out.push(Event {
                kind: "review",
                item: l.id.0.clone(),
                day,
                summary: format!("Review: {signal}"),
                description: lines.join("\n"),
                categories: vec!["Review"],
                rrule: Some(rule),
            });
        }
    }
    out
}

/// The recurrence of a review from the loop's cadence; none for signals
/// watched all the time or without a cadence.
fn rrule(cadence: Cadence) -> Option<&'static str> {
    match cadence {
        Cadence::Daily => Some("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"),
        Cadence::Weekly => Some("FREQ=WEEKLY"),
        Cadence::Monthly => Some("FREQ=MONTHLY"),
        Cadence::Quarterly => Some("FREQ=MONTHLY;INTERVAL=3"),
        Cadence::Continuous | Cadence::Unset => None,
    }
}

/// `YYYYMMDD`, the DATE form (section 3.3.4).
fn basic(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A piece of a UID: letters, digits, `-` and `_` kept, every other byte
/// written as `%XX`, so the dots between parts stay unambiguous and the
/// same id always gives the same UID.
fn uid_part(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if out.is_empty() {
        out.push_str("%00");
    }
    out
}

/// A TEXT value (section 3.3.11): backslash, semicolon and comma escaped,
/// line breaks written as `\n`, control characters dropped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in clean(value).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so that no line passes 75 octets
/// (section 3.1): a break is CRLF and one space, and never falls inside a
/// UTF-8 character.
fn line(out: &mut String, content: &str) {
    let mut width = 0usize;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_utc_date_times() {
        let s = Stamp::from_unix_seconds(1_767_225_600 + 3_723).unwrap();
        assert_eq!(s.to_string(), "20260101T010203Z");
        assert_eq!(
            Stamp::from_unix_seconds(-1).unwrap().to_string(),
            "19691231T235959Z"
        );
        assert_eq!(Stamp::from_unix_seconds(i64::MAX), None);
        assert_eq!(Stamp::from_unix_seconds(i64::MIN), None);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a,b;c\\d\ne\r\nf\u{7}"), "a\\,b\\;c\\\\d\\ne\\nf");
        assert_eq!(text("tab\there"), "tab here");
    }

    #[test]
    fn lines_fold_before_75_octets_and_never_inside_a_character() {
        for content in [
            "x".repeat(200),
            "é".repeat(100),
            "日本語".repeat(40),
            "a🎉".repeat(60),
        ] {
            let mut out = String::new();
            line(&mut out, &content);
            assert!(out.ends_with("\r\n"));
            for physical in out.trim_end_matches("\r\n").split("\r\n") {
                assert!(
                    physical.len() <= 75,
                    "{} octets: {physical}",
                    physical.len()
                );
            }
            let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
            assert_eq!(unfolded, content);
        }
    }

    #[test]
    fn uid_parts_are_plain_and_distinct() {
        assert_eq!(uid_part("task-1"), "task-1");
        assert_eq!(uid_part("a.b"), "a%2Eb");
        assert_eq!(uid_part("é"), "%C3%A9");
        assert_eq!(uid_part(""), "%00");
        assert_ne!(uid_part("a.b"), uid_part("a%2Eb"));
    }

    #[test]
    fn plan_keys_follow_the_title() {
        let mut plan = Plan::blank();
        plan.title = "日本".to_string();
        assert!(plan_key(&plan).starts_with("plan-"));
        let other = plan_key(&plan);
        plan.title = "日本語".to_string();
        assert_ne!(plan_key(&plan), other);
    }
}

#[cfg(test)]
mod plan_tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::model::{AdoptionMilestone, FeedbackLoop, Id, Task};
    use crate::testing::{random_plan, rich, task, tasks_only};

    const STAMP: i64 = 1_767_225_600;

    fn export(plan: &Plan, id: &str) -> Result<String, IcsError> {
        let options = IcsOptions {
            plan_id: id,
            stamp: Stamp::from_unix_seconds(STAMP).expect("a valid stamp"),
        };
        write(plan, &analyze(plan), &options)
    }

    /// Content lines, unfolded.
    fn lines(ics: &str) -> Vec<String> {
        assert!(ics.ends_with("\r\n"));
        for physical in ics.split("\r\n") {
            assert!(physical.len() <= 75, "{physical}");
            assert!(!physical.contains('\n') && !physical.contains('\r'));
        }
        ics.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    }

    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(c) => out.push(c),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn every_kind_of_dated_item_is_an_event() {
        let mut plan = rich();
        plan.feedback.loops = [
            Cadence::Daily,
            Cadence::Weekly,
            Cadence::Monthly,
            Cadence::Quarterly,
            Cadence::Continuous,
            Cadence::Unset,
        ]
        .iter()
        .enumerate()
        .map(|(n, &cadence)| FeedbackLoop {
            id: Id(format!("loop-{n}")),
            signal: format!("Signal {n}"),
            cadence,
            ..FeedbackLoop::default()
        })
        .collect();
        let all = lines(&export(&plan, "p").expect("dated"));
        let count = |prefix: &str| all.iter().filter(|l| l.starts_with(prefix)).count();
        let milestones = plan
            .tasks
            .iter()
            .filter(|t| t.duration_days == Some(0))
            .count();
        let adoption = plan
            .change
            .milestones
            .iter()
            .filter(|m| m.due.is_some())
            .count();
        assert_eq!(
            count("BEGIN:VEVENT"),
            plan.phases.len() + milestones + plan.deliverables.len() + adoption + 4
        );
        let rules: Vec<&String> = all.iter().filter(|l| l.starts_with("RRULE:")).collect();
        assert_eq!(
            rules,
            [
                "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
                "RRULE:FREQ=WEEKLY",
                "RRULE:FREQ=MONTHLY",
                "RRULE:FREQ=MONTHLY;INTERVAL=3"
            ]
        );
        assert_eq!(count("DTSTAMP:20260101T000000Z"), count("BEGIN:VEVENT"));
        assert_eq!(count("UID:planwright.p.review.loop-0"), 1);
    }

    #[test]
    fn hostile_text_survives_escaping_and_folding() {
        let mut plan = rich();
        let nasty = "Back\\slash; semi, comma\nnew line \u{7}bell 日本語🎉 ".repeat(4);
        plan.phases[0].name = nasty.clone();
        let ics = export(&plan, "p;x,y\\z").expect("dated");
        let all = lines(&ics);
        let summary = all
            .iter()
            .find(|l| l.starts_with("SUMMARY:Gate: Back"))
            .expect("the gate of the first phase");
        let want = format!("Gate: {}", crate::export::work::clean_line(&nasty));
        assert_eq!(unescape(summary.trim_start_matches("SUMMARY:")), want);
        assert!(all
            .iter()
            .any(|l| l.starts_with("UID:planwright.p%3Bx%2Cy%5Cz.gate.")));
    }

    #[test]
    fn uids_stay_when_the_plan_changes() {
        let uids = |ics: &str| -> Vec<String> {
            lines(ics)
                .into_iter()
                .filter(|l| l.starts_with("UID:"))
                .collect()
        };
        let plan = rich();
        let before = uids(&export(&plan, "lib-7").expect("dated"));
        let mut later = plan.clone();
        later.title = "Renamed".to_string();
        for t in &mut later.tasks {
            t.duration_days = t.duration_days.map(|d| if d == 0 { 0 } else { d + 2 });
        }
        later.phases[0].duration_weeks = Some(9);
        let after = uids(&export(&later, "lib-7").expect("dated"));
        assert_eq!(before, after);
        let other = uids(&export(&plan, "lib-8").expect("dated"));
        assert!(before.iter().all(|u| !other.contains(u)));
    }

    #[test]
    fn repeated_ids_still_give_distinct_uids() {
        let mut plan = rich();
        plan.change.milestones = vec![
            AdoptionMilestone {
                id: Id::from("m"),
                due: "2026-05-01".parse().ok(),
                ..AdoptionMilestone::default()
            };
            3
        ];
        let all = lines(&export(&plan, "p").expect("dated"));
        let uids: Vec<&String> = all
            .iter()
            .filter(|l| l.starts_with("UID:planwright.p.adoption.m"))
            .collect();
        assert_eq!(
            uids,
            [
                "UID:planwright.p.adoption.m",
                "UID:planwright.p.adoption.m.2",
                "UID:planwright.p.adoption.m.3"
            ]
        );
    }

    #[test]
    fn nothing_dated_is_an_error_that_says_why() {
        let err = export(&Plan::blank(), "p").expect_err("no start date");
        assert_eq!(
            err,
            IcsError::NothingDated {
                no_start_date: true
            }
        );
        assert!(err.to_string().contains("set the plan's start date"));
        let mut plan = Plan {
            start_date: "2026-01-05".parse().ok(),
            ..Plan::default()
        };
        assert_eq!(
            export(&plan, "p"),
            Err(IcsError::NothingDated {
                no_start_date: false
            })
        );
        // An adoption milestone has a date of its own.
        plan.start_date = None;
        plan.change.milestones.push(AdoptionMilestone {
            id: Id::from("m"),
            due: "9999-12-31".parse().ok(),
            ..AdoptionMilestone::default()
        });
        let all = lines(&export(&plan, "").expect("dated"));
        assert!(all.contains(&"DTSTART;VALUE=DATE:99991231".to_string()));
        assert!(
            !all.iter().any(|l| l.starts_with("DTEND")),
            "no day after the last"
        );
        assert!(all.contains(&"UID:planwright.%00.adoption.m".to_string()));
    }

    #[test]
    fn loops_and_dangling_references_do_not_stop_the_calendar() {
        let mut plan = tasks_only(vec![
            task("a", 0, &["b"]),
            task("b", 1, &["a"]),
            Task {
                id: Id::from("c"),
                duration_days: Some(0),
                owner: Some(Id::from("ghost")),
                depends_on: vec![Id::from("zz")],
                ..Task::default()
            },
        ]);
        plan.start_date = "2026-01-05".parse().ok();
        // A loop leaves the tasks undated, so no milestone has a date.
        assert_eq!(
            export(&plan, "p"),
            Err(IcsError::NothingDated {
                no_start_date: false
            })
        );
        plan.tasks.truncate(1);
        plan.tasks[0].depends_on.clear();
        let all = lines(&export(&plan, "p").expect("a dated milestone"));
        assert!(all.contains(&"DTSTART;VALUE=DATE:20260105".to_string()));
    }

    #[test]
    fn ten_thousand_tasks_export() {
        let mut plan = random_plan(10_000, 7);
        for t in plan.tasks.iter_mut().step_by(10) {
            t.duration_days = Some(0);
        }
        let ics = export(&plan, "big").expect("dated");
        let events = ics.matches("BEGIN:VEVENT").count();
        assert!(events >= 1_000 + plan.phases.len(), "{events}");
    }
}
