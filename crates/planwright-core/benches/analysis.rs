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
