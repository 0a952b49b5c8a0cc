//! Timing of diff, merge and `show` on generated plans of 10,000 tasks:
//! `cargo run --release -p planwright-core --example bench_diff` (part of
//! `make bench`).
//!
//! The base is a [`random_plan`] from a fixed seed. Ours changes the
//! length of every hundredth task and adds 50 tasks; theirs renames every
//! hundredth task from the fiftieth on, removes 20 and moves one, so the
//! merge matches every item by id, takes both sides' changes and places
//! the additions. A second merge changes the same 100 lengths on both
//! sides, to time a merge that records 100 conflicts. Each is run a few
//! times; the fastest and the median run are printed. There is no pass
//! or fail; on a busy machine the fastest run is the better guide.

use std::hint::black_box;
use std::time::{Duration, Instant};

use planwright_core::diff::{diff, merge, show};
use planwright_core::model::Plan;
use planwright_core::testing::{random_plan, task};

/// The seed of the generated plan.
const SEED: u64 = 0x5EED_D1FF_0000_0013;

/// Tasks in the generated plan.
const TASKS: usize = 10_000;

/// Runs of each measurement.
const RUNS: usize = 7;

fn time<T>(name: &str, mut f: impl FnMut() -> T) {
    let mut runs: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    runs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  {name:<42} fastest {:>8.1} ms   median {:>8.1} ms",
        ms(runs[0]),
        ms(runs[RUNS / 2])
    );
}

fn main() {
    let base = random_plan(TASKS, SEED);
    let mut ours = base.clone();
    for t in ours.tasks.iter_mut().step_by(100) {
        t.duration_days = Some(t.duration_days.unwrap_or(0) + 1);
    }
    for i in 0..50 {
        ours.tasks
            .insert(i * 150, task(&format!("ours-{i}"), 2, &[]));
    }
    let mut theirs = base.clone();
    for t in theirs.tasks.iter_mut().skip(50).step_by(100) {
        t.title.push_str(" (renamed)");
    }
    for i in 0..20 {
        theirs.tasks.remove(1_001 + i * 300);
    }
    let moved = theirs.tasks.remove(10);
    theirs.tasks.push(moved);
    let mut clashing = base.clone();
    for t in clashing.tasks.iter_mut().step_by(100) {
        t.duration_days = Some(t.duration_days.unwrap_or(0) + 2);
    }

    let changes = diff(&base, &ours);
    let clean = merge(&base, &ours, &theirs);
    let clash = merge(&base, &ours, &clashing);
    let lines = show(&base).lines().count();
    println!("planwright-core diff and merge benchmark: {TASKS} tasks (seed {SEED:#x})");
    println!(
        "  diff base→ours: {} changes; merge: {} conflicts, {} tasks; clashing merge: {} conflicts; show: {lines} lines",
        changes.len(),
        clean.as_ref().map_or(0, |m| m.conflicts.len()),
        clean.as_ref().map_or(0, |m| m.plan.tasks.len()),
        clash.as_ref().map_or(0, |m| m.conflicts.len()),
    );
    let same: Plan = base.clone();
    time("diff (a plan and its copy)", || diff(&base, &same));
    time("diff (100 edits, 50 added)", || diff(&base, &ours));
    time("diff (100 renames, 20 removed, 1 moved)", || {
        diff(&base, &theirs)
    });
    time("merge (both sides, clean)", || merge(&base, &ours, &theirs));
    time("merge (100 conflicts)", || merge(&base, &ours, &clashing));
    time("show", || show(&base));
}
