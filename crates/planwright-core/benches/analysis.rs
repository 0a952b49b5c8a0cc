//! Timing of the whole analysis, and of its parts, on generated plans of
//! 1,000, 10,000 and 100,000 tasks, with [divan](https://docs.rs/divan).
//!
//! Run with `make bench` (`cargo bench -p planwright-core --bench analysis`).
//! The plans are [`random_plan`]s from a fixed seed, so every run measures
//! the same input: four phases, twenty stakeholders, each task depending on
//! one to three earlier tasks (mostly recent ones, some far back), most tasks
//! owned, a few without a duration. Prints the shape of each plan, then
//! divan's fastest, slowest, median and mean time per size; there is no pass
//! or fail. On a busy machine the fastest run is the better guide.
//!
//! A name after `--` runs only the benchmarks that match it, as in
//! `cargo bench -p planwright-core --bench analysis -- schedule`.

use divan::{black_box, Bencher};
use planwright_core::analysis::analyze;
use planwright_core::analysis::gates::gates;
use planwright_core::analysis::readiness::readiness;
use planwright_core::analysis::risk::assess;
use planwright_core::analysis::schedule::schedule;
use planwright_core::analysis::suggest::suggestions;
use planwright_core::testing::random_plan;
use planwright_core::Plan;

/// The plan sizes, in tasks.
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// The seed of every generated plan.
const SEED: u64 = 0x5EED_1234_ABCD_0001;

/// Each benchmark of each size stops after this many seconds of samples.
const SECONDS: u64 = 3;

fn plan(tasks: usize) -> Plan {
    random_plan(tasks, SEED)
}

/// The same plan as a plan in progress: a start date, a calendar of 30
/// holidays (single days and short closures, a fortnight apart) and actuals
/// on half the tasks (the first half in schedule order: most done at their
/// planned dates a little late, the rest started with a share done), as of
/// the planned start of the middle task.
fn living(tasks: usize) -> Plan {
    use planwright_core::model::{Closure, Id, TaskStatus};
    let mut plan = plan(tasks);
    let start: planwright_core::Date = "2026-01-05".parse().expect("a date");
    plan.start_date = Some(start);
    plan.calendar.closures = (0..30)
        .map(|k| Closure {
            id: Id(format!("closure-{k}")),
            name: format!("Holiday {k}"),
            start: start.add_days(10 + 14 * k),
            end: if k % 5 == 0 {
                start.add_days(12 + 14 * k)
            } else {
                None
            },
        })
        .collect();
    let s = schedule(&plan).expect("the generated plan must schedule");
    let half = s.order.len() / 2;
    let index: std::collections::HashMap<&Id, usize> = plan
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (&t.id, i))
        .collect();
    let positions: Vec<usize> = s.order[..half]
        .iter()
        .filter_map(|id| index.get(id).copied())
        .collect();
    for (k, &i) in positions.iter().enumerate() {
        let timing = &s.tasks[i];
        let t = &mut plan.tasks[i];
        t.actual_start = timing.start;
        if k % 4 == 3 {
            t.status = TaskStatus::InProgress;
            t.percent_complete = Some(((k * 7) % 100) as u8);
        } else {
            t.status = TaskStatus::Done;
            t.actual_finish = timing.finish.and_then(|d| d.add_days((k % 3) as i64));
        }
    }
    plan.as_of = s
        .order
        .get(half)
        .and_then(|id| s.timing(id))
        .and_then(|t| t.start);
    plan
}

fn main() {
    println!("planwright-core analysis benchmark: generated plans (seed {SEED:#x})");
    for tasks in SIZES {
        let plan = plan(tasks);
        let edges: usize = plan.tasks.iter().map(|t| t.depends_on.len()).sum();
        let s = schedule(&plan).expect("the generated plan must schedule");
        assert_eq!(s.order.len(), tasks);
        println!(
            "{tasks:>8} tasks {edges:>7} dependencies; critical path: {} tasks, {} working days",
            s.critical_path.len(),
            s.total_days
        );
    }
    divan::main();
}

#[divan::bench(args = SIZES, max_time = SECONDS)]
fn analyze_everything(bencher: Bencher, tasks: usize) {
    let plan = plan(tasks);
    bencher.bench(|| analyze(black_box(&plan)));
}

/// Today's figure and the living plan's, side by side: the plain plan of
/// 10,000 tasks, the same with a start date (so every task gets calendar
/// dates), then with 30 holidays and actuals on half its tasks, forecast
/// as of its middle.
#[divan::bench(args = ["plain", "plain with a start date", "calendar and actuals"], max_time = SECONDS)]
fn living_plan_of_10k_tasks(bencher: Bencher, which: &str) {
    let plan = match which {
        "plain" => plan(10_000),
        "plain with a start date" => Plan {
            start_date: "2026-01-05".parse().ok(),
            ..plan(10_000)
        },
        _ => living(10_000),
    };
    if which == "calendar and actuals" {
        let a = planwright_core::analysis::analyze(&plan);
        let f = a.forecast.as_ref().expect("the living plan has a forecast");
        assert!(
            f.done + f.started >= 4_000,
            "{} done, {} started",
            f.done,
            f.started
        );
    }
    bencher.bench(|| analyze(black_box(&plan)));
}

#[divan::bench(args = SIZES, max_time = SECONDS)]
fn schedule_alone(bencher: Bencher, tasks: usize) {
    let plan = plan(tasks);
    bencher.bench(|| schedule(black_box(&plan)));
}

#[divan::bench(args = SIZES, max_time = SECONDS)]
fn readiness_and_risk(bencher: Bencher, tasks: usize) {
    let plan = plan(tasks);
    bencher.bench(|| readiness(black_box(&plan), &assess(&plan)));
}

#[divan::bench(args = SIZES, max_time = SECONDS)]
fn gates_alone(bencher: Bencher, tasks: usize) {
    let plan = plan(tasks);
    let risk = assess(&plan);
    bencher.bench(|| gates(black_box(&plan), &risk));
}

#[divan::bench(args = SIZES, max_time = SECONDS)]
fn suggestions_alone(bencher: Bencher, tasks: usize) {
    let plan = plan(tasks);
    let risk = assess(&plan);
    let (r, g) = (readiness(&plan, &risk), gates(&plan, &risk));
    bencher.bench(|| suggestions(black_box(&plan), &r, &g));
}
