//! Timing of the portfolio analysis of 50 generated plans of 1,000 tasks
//! each, with [divan](https://docs.rs/divan).
//!
//! Run with `cargo bench -p planwright-core --bench portfolio` (part of
//! `make bench`). The plans are [`random_plan`]s from fixed seeds, one per
//! plan, so every run measures the same input; they share the generator's
//! names, so every data source, system, control and deliverable is shared
//! by all 50 and the roadmap holds 50,000 tasks with capacity sequencing
//! across all of them. Prints the shape of the portfolio, then divan's
//! fastest, slowest, median and mean time; there is no pass or fail.

use divan::{black_box, Bencher};
use planwright_core::portfolio::{analyze, ExpectedValue, Initiative, Member, Portfolio};
use planwright_core::testing::random_plan;
use planwright_core::Plan;

/// Initiatives in the portfolio.
const PLANS: usize = 50;
/// Tasks in each plan.
const TASKS: usize = 1_000;
/// The seed of the first plan; plan `i` uses `SEED + i`.
const SEED: u64 = 0x5EED_1234_ABCD_0014;
/// The benchmark stops after this many seconds of samples.
const SECONDS: u64 = 10;

fn inputs() -> (Portfolio, Vec<(String, Plan)>) {
    let plans: Vec<(String, Plan)> = (0..PLANS)
        .map(|i| (format!("plan-{i}"), random_plan(TASKS, SEED + i as u64)))
        .collect();
    let portfolio = Portfolio {
        name: "Generated portfolio".to_string(),
        members: plans
            .iter()
            .enumerate()
            .map(|(i, (key, _))| Member {
                key: key.clone(),
                value: ExpectedValue {
                    rating: Some(1 + (i % 5) as u32),
                    ..ExpectedValue::default()
                },
            })
            .collect(),
        ..Portfolio::default()
    };
    (portfolio, plans)
}

fn initiatives(plans: &[(String, Plan)]) -> Vec<Initiative<'_>> {
    plans
        .iter()
        .map(|(key, plan)| Initiative { key, plan })
        .collect()
}

fn main() {
    let (portfolio, plans) = inputs();
    let a = analyze(&portfolio, &initiatives(&plans));
    let s = a
        .roadmap
        .schedule
        .as_ref()
        .expect("the generated portfolio must schedule");
    println!(
        "planwright-core portfolio benchmark: {PLANS} generated plans of {TASKS} tasks (seeds from {SEED:#x})"
    );
    println!(
        "ranked {}, shared items {}, roadmap {} tasks, {} working days, critical path {} tasks",
        a.ranked.len(),
        a.shared.len(),
        a.roadmap.plan.tasks.len(),
        s.total_days,
        s.critical_path.len()
    );
    divan::main();
}

#[divan::bench(max_time = SECONDS)]
fn analyze_portfolio(bencher: Bencher) {
    let (portfolio, plans) = inputs();
    let initiatives = initiatives(&plans);
    bencher.bench(|| analyze(black_box(&portfolio), black_box(&initiatives)));
}
