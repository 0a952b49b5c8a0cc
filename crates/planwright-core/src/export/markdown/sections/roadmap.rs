//! Part 9: phases with their gates, then the schedule: length, dates,
//! critical path, warnings and the timeline, or every dependency loop.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::analysis::gates::{Gates, Source};
use crate::analysis::schedule::{CycleError, Schedule};
use crate::analysis::Analysis;
use crate::choice::Choice;
use crate::export::markdown::escape::{cell, table};
use crate::export::markdown::mermaid::gantt;
use crate::export::markdown::names::Names;
use crate::export::markdown::values::{count, missing, sub, whole};
use crate::export::markdown::{template_part, Part};
use crate::model::Section;
use crate::model::{Id, Phase, Plan};
use crate::text::{and_list, slip_words};

/// One phase: what it is for, when it starts and its gate, criterion by
/// criterion.
pub(in crate::export::markdown) fn phase(
    out: &mut String,
    names: &Names<'_>,
    gates: &Gates,
    i: usize,
    p: &Phase,
) {
    let current = if gates.current_index == Some(i) {
        " (current phase)"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "#### Phase {}: {}{current}\n",
        i + 1,
        names.phase(Some(&p.id))
    );
    if p.name.trim() != p.kind.label() {
        let _ = writeln!(out, "- **Kind:** {}", p.kind.label());
    }
    let stated = |text: &str| {
        if text.trim().is_empty() {
            "_not stated_".to_string()
        } else {
            cell(text)
        }
    };
    let _ = writeln!(out, "- **Goal:** {}", stated(&p.goal));
    let _ = writeln!(out, "- **Needs to start:** {}", stated(&p.inputs));
    let gate = gates.phases.get(i);
    if let Some(start) = gate.and_then(|g| g.start) {
        let _ = writeln!(out, "- **Starts:** {start}");
    }
    let Some(gate) = gate else {
        out.push('\n');
        return;
    };
    let _ = writeln!(out, "- **Gate:** {}", cell(&gate.summary));
    decision(out, names, p, &gate.decision_note);
    out.push('\n');
    for c in &gate.criteria {
        let own = if c.source == Source::User {
            " _(own criterion)_"
        } else {
            ""
        };
        let detail = if c.met {
            String::new()
        } else {
            format!(" — {}", cell(&c.detail))
        };
        let _ = writeln!(
            out,
            "- [{}] {}{own}{detail}",
            if c.met { "x" } else { " " },
            cell(&c.text)
        );
    }
    if !gate.criteria.is_empty() {
        out.push('\n');
    }
}

/// The decision recorded at a phase's gate: outcome and who and when, set
/// beside the criteria; the conditions with owners and due days; the lessons.
fn decision(out: &mut String, names: &Names<'_>, p: &Phase, note: &str) {
    let d = &p.decision;
    if !note.is_empty() {
        let by = match &d.decided_by {
            Some(id) => format!(" Decided by {}.", names.person(Some(id))),
            None => String::new(),
        };
        let _ = writeln!(out, "- **Decision:** {}{by}", cell(note));
    }
    for c in &d.conditions {
        let due = c.due.map(|d| format!(", due {d}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  - [{}] Condition: {} (owner {}{due})",
            if c.met { "x" } else { " " },
            if c.text.trim().is_empty() {
                "_not stated_".to_string()
            } else {
                cell(&c.text)
            },
            names.person(c.owner.as_ref()),
        );
    }
    if !d.lessons.trim().is_empty() {
        let _ = writeln!(out, "- **Lessons learned:** {}", cell(&d.lessons));
    }
}

/// Part 9: phases with their gates, the foundation deliverables and the
/// tasks.
pub(in crate::export::markdown) fn roadmap(
    plan: &Plan,
    names: &Names<'_>,
    analysis: &Analysis,
) -> Part {
    let gates = &analysis.gates;
    let mut out = String::new();
    sub(&mut out, "Phases");
    if plan.phases.is_empty() {
        missing(
            &mut out,
            "No phases yet. Sequence the work from foundation to scale, each phase with an owner, exit criteria and one person who approves its gate.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut status = p.status.label().to_string();
                if gates.current_index == Some(i) {
                    status.push_str(", **current**");
                }
                vec![
                    (i + 1).to_string(),
                    names.phase(Some(&p.id)),
                    names.person(p.owner.as_ref()),
                    whole(p.duration_weeks),
                    status,
                    gates
                        .phases
                        .get(i)
                        .map(|g| g.decision.label().to_string())
                        .unwrap_or_default(),
                    names.people(&p.gate_approvers),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "#",
                "Phase",
                "Owner",
                "Weeks",
                "Status",
                "Gate",
                "Gate decided by",
            ],
            &rows,
        ));
        out.push('\n');
        for (i, p) in plan.phases.iter().enumerate() {
            phase(&mut out, names, gates, i, p);
        }
        if !gates.notes.is_empty() {
            out.push_str("**Phase status to check:**\n\n");
            for note in &gates.notes {
                let _ = writeln!(out, "- {}", cell(&note.message));
            }
            out.push('\n');
        }
    }
    sub(&mut out, "Foundation deliverables");
    if plan.deliverables.is_empty() {
        missing(
            &mut out,
            "No deliverables yet. The foundation gate relies on four: a context pack, a data readiness assessment, a governance framework and a stakeholder alignment map.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .deliverables
            .iter()
            .map(|d| {
                let name = if d.name.trim().is_empty() {
                    d.kind.label().to_string()
                } else {
                    cell(&d.name)
                };
                vec![
                    name,
                    d.status.label().to_string(),
                    names.person(d.owner.as_ref()),
                    names.person(d.approver.as_ref()),
                    cell(&d.link),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "Deliverable",
                "Status",
                "Written by",
                "Approved by",
                "Where it lives",
            ],
            &rows,
        ));
        out.push('\n');
    }
    sub(&mut out, "Tasks");
    if plan.tasks.is_empty() {
        missing(
            &mut out,
            "No tasks yet. Break each phase into tasks with an owner, a length in working days and the tasks they wait for.",
        );
    } else {
        let days: u64 = plan
            .tasks
            .iter()
            .filter_map(|t| t.duration_days)
            .map(u64::from)
            .sum();
        let _ = writeln!(
            out,
            "{} with {} of effort in total.\n",
            count(plan.tasks.len(), "task", "tasks"),
            count(
                usize::try_from(days).unwrap_or(usize::MAX),
                "working day",
                "working days"
            )
        );
        let tracked = plan.tasks.iter().any(|t| {
            t.actual_start.is_some() || t.actual_finish.is_some() || t.percent_complete.is_some()
        });
        let rows: Vec<Vec<String>> = plan
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let after: Vec<String> = t.depends_on.iter().map(|d| names.task(d)).collect();
                let mut row = vec![
                    (i + 1).to_string(),
                    cell(&t.title),
                    names.phase(t.phase.as_ref()),
                    names.person(t.owner.as_ref()),
                    whole(t.duration_days),
                    after.join("<br>"),
                    t.status.label().to_string(),
                ];
                if tracked {
                    row.push(progress_cell(t));
                }
                row.push(cell(&t.notes));
                row
            })
            .collect();
        let mut heads = vec!["#", "Task", "Phase", "Owner", "Days", "After", "Status"];
        if tracked {
            heads.push("Progress");
        }
        heads.push("Notes");
        out.push_str(&table(&heads, &rows));
    }
    calendar_part(&mut out, plan, names);
    schedule_part(&mut out, plan, names, &analysis.schedule);
    if let (Some(f), Ok(s)) = (&analysis.forecast, &analysis.schedule) {
        forecast_part(&mut out, plan, names, s, f);
    }
    template_part("roadmap", Section::Roadmap, out)
}

/// What a task's actuals say, for the tasks table.
fn progress_cell(t: &crate::model::Task) -> String {
    let mut parts = Vec::new();
    if let Some(p) = t.percent_complete {
        parts.push(format!("{}% done", p.min(100)));
    }
    if let Some(d) = t.actual_start {
        parts.push(format!("started {d}"));
    }
    if let Some(d) = t.actual_finish {
        parts.push(format!("finished {d}"));
    }
    parts.join(", ")
}

/// The working calendar: worked weekdays, closures and days off.
fn calendar_part(out: &mut String, plan: &Plan, names: &Names<'_>) {
    use crate::model::Weekday;
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    sub(out, "Working calendar");
    let c = &plan.calendar;
    let days: Vec<&str> = Weekday::ALL
        .iter()
        .filter(|w| c.working_weekdays.contains(w))
        .map(|w| w.label())
        .collect();
    if days.is_empty() {
        out.push_str(
            "**Worked days:** none are listed, so the schedule counts Monday to Friday.\n\n",
        );
    } else {
        let _ = writeln!(out, "**Worked days:** {}.\n", and_list(&days));
    }
    let span = |start: Option<crate::date::Date>, end: Option<crate::date::Date>| match (start, end)
    {
        (Some(a), Some(b)) if b != a => format!("{a} to {b}"),
        (Some(a), _) => a.to_string(),
        (None, _) => "_no date_".to_string(),
    };
    if c.closures.is_empty() {
        out.push_str("No holidays or closures listed.\n\n");
    } else {
        let rows: Vec<Vec<String>> = c
            .closures
            .iter()
            .map(|x| vec![cell(&x.name), span(x.start, x.end)])
            .collect();
        out.push_str(&table(&["Closed for", "When"], &rows));
        out.push('\n');
    }
    if !c.days_off.is_empty() {
        let rows: Vec<Vec<String>> = c
            .days_off
            .iter()
            .map(|x| {
                vec![
                    names.person(x.person.as_ref()),
                    span(x.start, x.end),
                    cell(&x.note),
                ]
            })
            .collect();
        out.push_str(&table(&["Away", "When", "Note"], &rows));
        out.push('\n');
    }
}

/// Progress as of the plan's as-of day: counts, the forecast end against the
/// planned end, late tasks and the gates' outlook.
fn forecast_part(
    out: &mut String,
    plan: &Plan,
    names: &Names<'_>,
    s: &Schedule,
    f: &crate::analysis::schedule::Forecast,
) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    sub(out, &format!("Progress as of {}", f.as_of));
    let _ = writeln!(
        out,
        "{} done, {} under way, {} late.\n",
        count(f.done, "task", "tasks"),
        f.started,
        f.late
    );
    let slip = slip_words(f.slip_days);
    match (f.finish, s.finish_date) {
        (Some(now), Some(planned)) => {
            let _ = writeln!(
                out,
                "**Forecast end: {now}** against the planned {planned} ({slip}).\n"
            );
        }
        (Some(now), None) => {
            let _ = writeln!(out, "**Forecast end: {now}**.\n");
        }
        _ => {}
    }
    let late: Vec<Vec<String>> = f
        .tasks
        .iter()
        .zip(&plan.tasks)
        .filter(|(t, _)| t.late)
        .map(|(t, task)| {
            vec![
                names.task(&task.id),
                names.person(task.owner.as_ref()),
                t.finish.map(|d| d.to_string()).unwrap_or_default(),
                cell(&t.late_reason),
            ]
        })
        .collect();
    if !late.is_empty() {
        out.push_str("**Late:**\n\n");
        out.push_str(&table(&["Task", "Owner", "Forecast finish", "Why"], &late));
        out.push('\n');
    }
    if !f.gates.is_empty() {
        let rows: Vec<Vec<String>> = f
            .gates
            .iter()
            .map(|g| {
                vec![
                    names.phase(Some(&g.phase)),
                    g.planned.map(|d| d.to_string()).unwrap_or_default(),
                    g.forecast.map(|d| d.to_string()).unwrap_or_default(),
                    slip_words(g.slip_days),
                ]
            })
            .collect();
        out.push_str("**Gate outlook** (the day the last task of each phase ends):\n\n");
        out.push_str(&table(&["Phase", "Planned", "Forecast", "Change"], &rows));
        out.push('\n');
    }
}

/// The schedule under section 9: length and dates, the critical path,
/// warnings and a Mermaid timeline; or, when dependencies loop, every task
/// of every loop.
pub(in crate::export::markdown) fn schedule_part(
    out: &mut String,
    plan: &Plan,
    names: &Names<'_>,
    schedule: &Result<Schedule, CycleError>,
) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    sub(out, "Schedule");
    if plan.tasks.is_empty() {
        missing(
            out,
            "No schedule without tasks. Add tasks with their lengths and dependencies to see their order, the critical path and a timeline.",
        );
        return;
    }
    let s = match schedule {
        Ok(s) => s,
        Err(e) => {
            loops(out, names, e);
            return;
        }
    };
    let days = count(
        usize::try_from(s.total_days).unwrap_or(usize::MAX),
        "working day",
        "working days",
    );
    match (s.start_date, s.finish_date) {
        (_, _) if s.total_days == 0 => out.push_str(
            "The tasks take no working days yet: give them lengths to see the critical path.\n\n",
        ),
        (Some(start), Some(finish)) => {
            let _ = writeln!(
                out,
                "The tasks take **{days}**, from {start} to {finish}, on the working calendar above.\n"
            );
        }
        _ if plan.start_date.is_some() => {
            let _ = writeln!(
                out,
                "The tasks take **{days}**, which runs past 31 December 9999, the last day the calendar holds, so they have no end date: check the task lengths (see the warnings below).\n"
            );
        }
        _ => {
            let _ = writeln!(
                out,
                "The tasks take **{days}**. Set the roadmap's start date to see calendar dates.\n"
            );
        }
    }
    if s.total_days > 0 && !s.critical_path.is_empty() {
        let path: Vec<String> = s.critical_path.iter().map(|id| names.task(id)).collect();
        let _ = writeln!(
            out,
            "**Critical path** (a day lost on any of these delays the whole plan): {}\n",
            path.join(" → ")
        );
        let on_path: HashSet<&Id> = s.critical_path.iter().collect();
        let also: Vec<String> = s
            .tasks
            .iter()
            .filter(|t| t.critical && !on_path.contains(&t.id))
            .map(|t| names.task(&t.id))
            .collect();
        if !also.is_empty() {
            let _ = writeln!(
                out,
                "Also without slack, on a parallel path as long: {}\n",
                also.join(", ")
            );
        }
    }
    if !s.warnings.is_empty() {
        out.push_str("Warnings:\n\n");
        for w in &s.warnings {
            let _ = writeln!(out, "- {}", cell(&w.message));
        }
        out.push('\n');
    }
    match gantt(plan, s) {
        Ok((chart, stand_in)) => {
            if let Some(start) = stand_in {
                let _ = writeln!(
                    out,
                    "_The plan has no start date, so the timeline counts from Monday {start} as a stand-in: read its dates as weeks from the start._\n"
                );
            }
            out.push_str("The timeline highlights every task without slack.\n\n");
            out.push_str(&chart);
        }
        Err(why) => missing(out, why),
    }
}

/// Every task of every dependency loop, by number and title.
pub(in crate::export::markdown) fn loops(out: &mut String, names: &Names<'_>, e: &CycleError) {
    let _ = writeln!(
        out,
        "**The tasks cannot be put in order:** their dependencies form {}, so there is no critical path and no timeline. Remove one dependency from each loop:\n",
        if e.cycles.len() == 1 {
            "a loop".to_string()
        } else {
            count(e.cycles.len(), "loop", "loops")
        }
    );
    for (k, cycle) in e.cycles.iter().enumerate() {
        let tasks: Vec<String> = cycle.iter().map(|id| names.task(id)).collect();
        let what = match tasks.as_slice() {
            [one] => format!("{one} depends on itself"),
            _ => format!("{} depend on each other", and_list(&tasks)),
        };
        let _ = writeln!(out, "- Loop {}: {what}.", k + 1);
    }
    out.push('\n');
}
