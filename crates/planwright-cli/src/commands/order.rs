//! `planwright order FILE`: the tasks in order, with their timings and the
//! critical path, as one JSON object.
//!
//! Contract: when the tasks can be ordered, prints the schedule with each
//! task's timing in plan order and exits 0. When their dependencies loop,
//! prints the loops as the core reports them, names every task of every loop
//! on standard error and exits 1. Titles written to the terminal have their
//! control characters replaced, so a plan cannot send escape sequences.

use std::collections::HashMap;

use planwright_core::analysis::schedule::{schedule, CycleError, Schedule, ScheduleWarning};
use planwright_core::text::plural;
use planwright_core::{Date, Id, Plan};
use serde::Serialize;

use crate::cli::PlanFile;
use crate::shared::{load, Failure, Output, BIN};

/// What `order` prints when the tasks can be ordered.
#[derive(Serialize)]
struct Order<'a> {
    order: &'a [Id],
    tasks: Vec<Timing<'a>>,
    critical_path: &'a [Id],
    total_days: u64,
    start_date: Option<Date>,
    finish_date: Option<Date>,
    warnings: &'a [ScheduleWarning],
}

/// One task's timing in `order`'s output, in plan order.
#[derive(Serialize)]
struct Timing<'a> {
    id: &'a Id,
    title: &'a str,
    earliest_start: u64,
    earliest_finish: u64,
    latest_start: u64,
    latest_finish: u64,
    slack: u64,
    critical: bool,
    start: Option<Date>,
    finish: Option<Date>,
}

/// Prints the schedule or the loops; exits 1 on a loop.
pub fn run(args: &PlanFile, out: &mut Output) -> Result<u8, Failure> {
    let (source, imported) = load(&args.file)?;
    out.note_unknown_fields(&source, &imported);
    let plan = &imported.plan;
    match schedule(plan) {
        Ok(s) => {
            out.print_json(&order(plan, &s));
            Ok(0)
        }
        Err(loops) => {
            out.print_json(&loops);
            out.note(&loop_report(&source, &loops));
            Ok(1)
        }
    }
}

/// The printed form of a schedule, with each task's title beside its timing.
fn order<'a>(plan: &'a Plan, s: &'a Schedule) -> Order<'a> {
    let tasks = s
        .tasks
        .iter()
        .zip(&plan.tasks)
        .map(|(t, task)| Timing {
            id: &t.id,
            title: &task.title,
            earliest_start: t.earliest_start,
            earliest_finish: t.earliest_finish,
            latest_start: t.latest_start,
            latest_finish: t.latest_finish,
            slack: t.slack,
            critical: t.critical,
            start: t.start,
            finish: t.finish,
        })
        .collect();
    Order {
        order: &s.order,
        tasks,
        critical_path: &s.critical_path,
        total_days: s.total_days,
        start_date: s.start_date,
        finish_date: s.finish_date,
        warnings: &s.warnings,
    }
}

/// Names every task of every loop, one loop per line, for standard error.
/// Tasks are named as the core names them (their title, or `unnamed task N`
/// by their place in the file); the id follows only when two tasks of the
/// report would otherwise read the same.
fn loop_report(source: &str, loops: &CycleError) -> String {
    let shown = |id: &Id| printable(&loops.name(id));
    let mut seen: HashMap<String, usize> = HashMap::new();
    for id in loops.cycles.iter().flatten() {
        *seen.entry(shown(id)).or_default() += 1;
    }
    let name = |id: &Id| {
        let name = shown(id);
        if seen.get(&name).copied().unwrap_or_default() > 1 {
            format!("{name} (id {})", printable(id.as_str()))
        } else {
            name
        }
    };
    let mut text = format!(
        "{BIN}: {source}: the tasks cannot be put in order: their dependencies form {}.\n",
        plural(loops.cycles.len(), "loop")
    );
    for (k, cycle) in loops.cycles.iter().enumerate() {
        let names: Vec<String> = cycle.iter().map(&name).collect();
        let what = if names.len() == 1 {
            " depends on itself"
        } else {
            ""
        };
        text.push_str(&format!("  loop {}: {}{what}\n", k + 1, names.join(", ")));
    }
    text.push_str("Remove one dependency from each loop.\n");
    text
}

/// Text with control characters as spaces.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
