//! The core's heavy paths run in the browser too, where the stack is small:
//! ordering a 100,000-task chain and a wide graph must neither overflow nor
//! crawl, and share links must come out byte for byte as natively. Run with
//! `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use planwright_core::analysis::schedule::{dependency_cycle, schedule};
use planwright_core::model::Task;
use planwright_core::{Id, Plan};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn chain(n: usize) -> Plan {
    let mut plan = Plan::blank();
    plan.tasks = (0..n)
        .map(|i| Task {
            id: Id(format!("t{i}")),
            duration_days: Some(1),
            depends_on: if i == 0 {
                vec![]
            } else {
                vec![Id(format!("t{}", i - 1))]
            },
            ..Task::default()
        })
        .collect();
    plan
}

#[wasm_bindgen_test]
fn a_chain_of_100000_tasks_orders_in_the_browser() {
    let plan = chain(100_000);
    let s = schedule(&plan).expect("no cycle");
    assert_eq!(s.total_days, 100_000);
    assert_eq!(s.critical_path.len(), 100_000);
    assert_eq!(s.order.first(), Some(&Id::from("t0")));
    assert_eq!(s.order.last(), Some(&Id::from("t99999")));
    // Closing the chain into one long loop is found, all the way round.
    let cycle = dependency_cycle(&plan, &Id::from("t0"), &Id::from("t99999")).expect("a loop");
    assert_eq!(cycle.len(), 100_000);
}

#[wasm_bindgen_test]
fn a_100000_task_loop_is_reported_in_full() {
    let mut plan = chain(100_000);
    plan.tasks[0].depends_on.push(Id::from("t99999"));
    let err = schedule(&plan).expect_err("a loop");
    assert_eq!(err.cycles.len(), 1);
    assert_eq!(err.cycles[0].len(), 100_000);
}

#[wasm_bindgen_test]
fn a_wide_graph_of_100000_tasks_orders_in_the_browser() {
    let mut plan = Plan::blank();
    plan.tasks.push(Task {
        id: Id::from("root"),
        duration_days: Some(2),
        ..Task::default()
    });
    for i in 0..100_000 {
        plan.tasks.push(Task {
            id: Id(format!("w{i}")),
            duration_days: Some(1 + (i % 5) as u32),
            depends_on: vec![Id::from("root")],
            ..Task::default()
        });
    }
    plan.tasks.push(Task {
        id: Id::from("end"),
        duration_days: Some(1),
        depends_on: (0..100_000).map(|i| Id(format!("w{i}"))).collect(),
        ..Task::default()
    });
    let s = schedule(&plan).expect("no cycle");
    assert_eq!(s.total_days, 2 + 5 + 1);
    assert_eq!(s.critical_path.first(), Some(&Id::from("root")));
    assert_eq!(s.critical_path.last(), Some(&Id::from("end")));
}

/// Milliseconds since the page started, for the timings printed below.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

// Share links are coded with integer arithmetic only, so the wasm writes
// exactly the bytes a native build does: the lengths are the ones
// `share::tests::example_link_figures` pins natively. The timings are
// printed, not asserted (a debug build is many times slower than the
// release the app ships).
#[wasm_bindgen_test]
fn share_links_are_the_same_in_the_browser() {
    use planwright_core::format::examples::{example, EXAMPLES};
    use planwright_core::format::share::{decode, encode};
    let mut lengths = Vec::new();
    for e in EXAMPLES {
        let plan = example(e.key).expect("an example");
        let started = now();
        let link = encode(&plan).expect("fits");
        let encoded = now() - started;
        let started = now();
        let back = decode(&link).expect("opens");
        let decoded = now() - started;
        assert_eq!(back.plan, plan);
        console_log!(
            "share link of {} in the browser: {} characters, encode {encoded:.0} ms, decode {decoded:.0} ms",
            e.key,
            link.len()
        );
        lengths.push(link.len());
    }
    assert_eq!(lengths, [7500, 5915, 4215]);
}
