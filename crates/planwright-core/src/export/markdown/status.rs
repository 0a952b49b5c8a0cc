//! The weekly status report: one page of Markdown a leader can send.
//!
//! Contract: [`status_report`] writes, as of the plan's as-of day (else the
//! day given, else it says there is none): what finished in the last two
//! weeks, what is late (why, and whose), what starts in the next two weeks,
//! the forecast end against the newest baseline's finish (or the planned
//! finish without one), each gate planned against forecast with any
//! recorded decision, readiness since the baseline, and what waits on
//! someone: deliverables not yet approved, gates not yet decided, gate
//! conditions not met, and the plan's approvals and hand-offs. It never
//! panics; every piece of user text goes through [`cell`] or `inline`.

use std::fmt::Write as _;

use crate::analysis::baseline::{band_label, latest, DateChange};
use crate::analysis::schedule::{Forecast, TaskState};
use crate::analysis::{analyze_on, Analysis};
use crate::choice::Choice;
use crate::date::Date;
use crate::export::markdown::escape::{cell, inline, table};
use crate::export::markdown::names::Names;
use crate::export::markdown::sections::baseline::moved_words;
use crate::export::markdown::values::{count, missing, sub};
use crate::model::{DeliverableStatus, GateOutcome, PhaseStatus, Plan};

/// How many calendar days "recently" and "soon" cover.
const WINDOW_DAYS: i64 = 14;

/// The most rows one list shows; the rest are counted.
const MAX_ROWS: usize = 15;

/// The status report of `plan` as of its as-of day, else `today`.
///
/// ```
/// use planwright_core::export::markdown::status::status_report;
/// use planwright_core::Plan;
///
/// let text = status_report(&Plan::blank(), None);
/// assert!(text.starts_with("# Status report: Untitled AI initiative\n"));
/// assert!(text.contains("no as-of day"));
/// ```
pub fn status_report(plan: &Plan, today: Option<Date>) -> String {
    let analysis = analyze_on(plan, today);
    let names = Names::new(plan);
    let mut out = String::new();
    let title = inline(&plan.title);
    let title = if title.is_empty() {
        "Untitled AI initiative".to_string()
    } else {
        title
    };
    let _ = writeln!(out, "# Status report: {title}\n");
    let as_of = plan.as_of.or(today);
    match as_of {
        Some(d) => {
            let _ = writeln!(out, "**Status report as of {d}.**\n");
        }
        None => missing(
            &mut out,
            "The plan has no as-of day and none was given, so progress cannot be measured: set the plan's as-of day (or give one) to see what is done, late and next.",
        ),
    }
    match (&analysis.forecast, as_of) {
        (Some(f), Some(day)) => progress(&mut out, plan, &names, &analysis, f, day),
        (None, Some(_)) => missing(
            &mut out,
            "No forecast: the plan needs a start date and tasks whose dependencies do not loop.",
        ),
        _ => {}
    }
    readiness(&mut out, plan, &analysis);
    waiting(&mut out, plan, &names, as_of);
    out
}

fn day(d: Option<Date>) -> String {
    d.map_or_else(|| "—".to_string(), |d| d.to_string())
}

fn capped(out: &mut String, heads: &[&str], mut rows: Vec<Vec<String>>) {
    let more = rows.len().saturating_sub(MAX_ROWS);
    rows.truncate(MAX_ROWS);
    out.push_str(&table(heads, &rows));
    if more > 0 {
        let _ = writeln!(out, "\n_And {} more._", count(more, "row", "rows"));
    }
    out.push('\n');
}

/// Done, late, next, the forecast end and the gates.
fn progress(
    out: &mut String,
    plan: &Plan,
    names: &Names<'_>,
    analysis: &Analysis,
    f: &Forecast,
    as_of: Date,
) {
    // Late here means late and not done: a task that finished late is done.
    let open_late = f
        .tasks
        .iter()
        .filter(|t| t.late && t.state != TaskState::Done)
        .count();
    let _ = writeln!(
        out,
        "{} done, {} under way, {open_late} late and not done, of {}.\n",
        count(f.done, "task", "tasks"),
        f.started,
        f.tasks.len()
    );
    // The end against the baseline, else against the plan.
    let calendar = analysis.schedule.as_ref().ok().map(|s| &s.calendar);
    let baseline = latest(plan);
    let (against, label) = match baseline {
        Some(b) => (
            b.summary.finish,
            format!("the finish of baseline {}", cell(&b.name)),
        ),
        None => (f.planned_finish, "the planned finish".to_string()),
    };
    if let (Some(now), Some(cal)) = (f.finish, calendar) {
        let change = DateChange {
            then: against,
            now: Some(now),
            slip_days: against.map(|a| {
                let n = |d: u64| i64::try_from(d).unwrap_or(i64::MAX);
                if now >= a {
                    n(cal.offset(a, now))
                } else {
                    -n(cal.offset(now, a))
                }
            }),
        };
        match against {
            Some(a) => {
                let _ = writeln!(
                    out,
                    "**Forecast end: {now}**, against {label} {a} ({}).\n",
                    moved_words(&change)
                );
            }
            None => {
                let _ = writeln!(out, "**Forecast end: {now}.**\n");
            }
        }
    }
    let since = as_of.add_days(-WINDOW_DAYS);
    let until = as_of.add_days(WINDOW_DAYS);
    let pairs = || f.tasks.iter().zip(&plan.tasks);

    sub(out, "Done in the last two weeks");
    let done: Vec<Vec<String>> = pairs()
        .filter(|(t, _)| t.state == TaskState::Done)
        .filter(|(t, _)| match (t.finish, since) {
            (Some(d), Some(s)) => d >= s && d <= as_of,
            _ => false,
        })
        .map(|(t, task)| {
            let against = DateChange {
                then: None,
                now: t.finish,
                slip_days: Some(t.slip_days),
            };
            let against = match t.slip_days {
                0 => "as planned".to_string(),
                _ => format!("{} than planned", moved_words(&against)),
            };
            vec![
                names.task(&task.id),
                names.person(task.owner.as_ref()),
                day(t.finish),
                against,
            ]
        })
        .collect();
    if done.is_empty() {
        missing(out, "Nothing finished in the last two weeks.");
    } else {
        capped(out, &["Task", "Owner", "Finished", "Against plan"], done);
    }

    sub(out, "Late");
    let late: Vec<Vec<String>> = pairs()
        .filter(|(t, _)| t.late && t.state != TaskState::Done)
        .map(|(t, task)| {
            vec![
                names.task(&task.id),
                names.person(task.owner.as_ref()),
                day(t.finish),
                cell(&t.late_reason),
            ]
        })
        .collect();
    if late.is_empty() {
        missing(out, "Nothing is late.");
    } else {
        capped(out, &["Task", "Owner", "Forecast finish", "Why"], late);
    }

    sub(out, "Next two weeks");
    let mut next: Vec<_> = pairs()
        .filter(|(t, _)| t.state == TaskState::NotStarted)
        .filter(|(t, _)| match (t.start, until) {
            (Some(d), Some(u)) => d <= u,
            _ => false,
        })
        .collect();
    next.sort_by_key(|(t, _)| t.start);
    let next: Vec<Vec<String>> = next
        .into_iter()
        .map(|(t, task)| {
            vec![
                names.task(&task.id),
                names.person(task.owner.as_ref()),
                day(t.start),
                day(t.finish),
            ]
        })
        .collect();
    if next.is_empty() {
        missing(out, "Nothing new is due to start in the next two weeks.");
    } else {
        capped(out, &["Task", "Owner", "Starts", "Finishes"], next);
    }

    if !f.gates.is_empty() {
        sub(out, "Gates");
        let rows: Vec<Vec<String>> = f
            .gates
            .iter()
            .map(|g| {
                let phase = plan.phases.iter().find(|p| p.id == g.phase);
                let decision = match phase.map(|p| &p.decision) {
                    Some(d) if d.outcome != GateOutcome::Undecided => {
                        let on = d.decided_on.map(|d| format!(" on {d}")).unwrap_or_default();
                        let by = d
                            .decided_by
                            .as_ref()
                            .map(|id| format!(" by {}", names.person(Some(id))))
                            .unwrap_or_default();
                        format!("{}{by}{on}", d.outcome.label())
                    }
                    _ => "not decided".to_string(),
                };
                let change = DateChange {
                    then: g.planned,
                    now: g.forecast,
                    slip_days: Some(g.slip_days),
                };
                vec![
                    names.phase(Some(&g.phase)),
                    day(g.planned),
                    day(g.forecast),
                    moved_words(&change),
                    decision,
                ]
            })
            .collect();
        capped(
            out,
            &["Phase", "Planned", "Forecast", "Moved", "Decision"],
            rows,
        );
    }
}

/// Readiness now, and against the newest baseline.
fn readiness(out: &mut String, plan: &Plan, analysis: &Analysis) {
    sub(out, "Readiness");
    let r = &analysis.readiness;
    let now = format!("{} / 100, {}", r.overall, r.band.label());
    match latest(plan) {
        Some(b) => {
            let then = &b.summary;
            if u32::from(then.readiness) == r.overall && then.band == r.band.key() {
                let _ = writeln!(out, "{now}, as at baseline {}.\n", cell(&b.name));
            } else {
                let _ = writeln!(
                    out,
                    "{now}; it was {} / 100, {} at baseline {}.\n",
                    then.readiness,
                    cell(&band_label(&then.band)),
                    cell(&b.name)
                );
            }
        }
        None => {
            let _ = writeln!(out, "{now}. No baseline yet to compare with.\n");
        }
    }
}

/// What waits on someone: approvals, gate decisions, conditions, hand-offs.
fn waiting(out: &mut String, plan: &Plan, names: &Names<'_>, as_of: Option<Date>) {
    sub(out, "Waiting on someone");
    let mut lines: Vec<String> = Vec::new();
    for d in &plan.deliverables {
        if d.approver.is_some() && d.status != DeliverableStatus::Approved {
            let name = if d.name.trim().is_empty() {
                d.kind.label().to_string()
            } else {
                cell(&d.name)
            };
            lines.push(format!(
                "Deliverable {name} ({}): approval by {}, written by {}",
                d.status.label().to_lowercase(),
                names.person(d.approver.as_ref()),
                names.person(d.owner.as_ref())
            ));
        }
    }
    for p in &plan.phases {
        if !p.gate_approvers.is_empty()
            && p.status != PhaseStatus::GatePassed
            && p.decision.outcome == GateOutcome::Undecided
        {
            lines.push(format!(
                "Gate of {}: to be decided by {}",
                names.phase(Some(&p.id)),
                names.people(&p.gate_approvers)
            ));
        }
        for c in p.decision.conditions.iter().filter(|c| !c.met) {
            let due = match (c.due, as_of) {
                (Some(d), Some(a)) if d < a => format!(", was due {d}"),
                (Some(d), _) => format!(", due {d}"),
                (None, _) => String::new(),
            };
            lines.push(format!(
                "Condition of the gate of {}: {} (owner {}{due})",
                names.phase(Some(&p.id)),
                if c.text.trim().is_empty() {
                    "_not stated_".to_string()
                } else {
                    cell(&c.text)
                },
                names.person(c.owner.as_ref())
            ));
        }
    }
    for h in &plan.handoffs {
        let turnaround = h
            .turnaround_days
            .map(|n| {
                format!(
                    ", within {}",
                    count(usize::try_from(n).unwrap_or(usize::MAX), "day", "days")
                )
            })
            .unwrap_or_default();
        let approver = if h.approver.is_some() {
            format!(", approved by {}", names.person(h.approver.as_ref()))
        } else {
            String::new()
        };
        lines.push(format!(
            "Hand-off {}: from {} to {}{approver}{turnaround}",
            cell(&h.name),
            names.person(h.from.as_ref()),
            names.person(h.to.as_ref())
        ));
    }
    if lines.is_empty() {
        missing(out, "Nothing waits on an approval or a hand-off.");
        return;
    }
    let more = lines.len().saturating_sub(MAX_ROWS);
    for line in lines.iter().take(MAX_ROWS) {
        let _ = writeln!(out, "- {line}");
    }
    if more > 0 {
        let _ = writeln!(out, "- _and {more} more_");
    }
    out.push('\n');
}
