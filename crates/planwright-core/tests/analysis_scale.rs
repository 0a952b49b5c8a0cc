//! The analysis at scale: 100,000 tasks in one chain, in a wide fan, and in
//! one long loop, each run on a thread with a 512 KiB stack (the browser
//! gives WebAssembly about 1 MiB), so any recursion deep enough to matter
//! would overflow and fail the test. Nothing here is timed; see
//! `benches/analysis.rs` for figures.

use std::thread;

use planwright_core::analysis::analyze;
use planwright_core::analysis::schedule::{dependency_cycle, schedule};
use planwright_core::model::{Id, Task};
use planwright_core::testing::{chain, fan, task_id as id};

const N: usize = 100_000;
const STACK: usize = 512 * 1024;

/// Runs `f` on a thread with a small stack and returns its result.
fn small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    thread::Builder::new()
        .stack_size(STACK)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("the work finished without overflowing the stack")
}

#[test]
fn chain_of_100k_tasks() {
    let (order_ok, path, total, weeks, truncated, warnings) = small_stack(|| {
        let plan = chain(N);
        let a = analyze(&plan);
        let s = a.schedule.expect("a chain has no loop");
        let order_ok = s.order.iter().enumerate().all(|(i, t)| *t == id(i));
        (
            order_ok,
            s.critical_path.len(),
            s.total_days,
            s.weekly().weeks.len(),
            s.weekly().truncated,
            s.warnings.len(),
        )
    });
    assert!(order_ok);
    assert_eq!(path, N);
    assert_eq!(total, N as u64);
    assert_eq!(weeks, planwright_core::analysis::schedule::MAX_WEEKS);
    assert!(
        truncated,
        "20,000 working weeks are more than the weekly view shows"
    );
    assert_eq!(warnings, N, "every task lacks an owner");
}

#[test]
fn closing_a_100k_chain_names_every_task() {
    let (cycles, len, closing) = small_stack(|| {
        let mut plan = chain(N);
        let closing = dependency_cycle(&plan, &id(0), &id(N - 1)).map(|c| c.len());
        plan.tasks[0].depends_on.push(id(N - 1));
        let err = schedule(&plan).expect_err("the chain is now a loop");
        let len = err.cycles.first().map(Vec::len);
        let message = err.to_string();
        assert!(message.len() < 2_000, "the message summarises a long loop");
        (err.cycles.len(), len, closing)
    });
    assert_eq!(cycles, 1);
    assert_eq!(len, Some(N));
    assert_eq!(closing, Some(N));
}

#[test]
fn wide_fan_of_100k_tasks() {
    let (path, total, critical, suggestions) = small_stack(|| {
        let mut plan = fan(N);
        // One task of the fan is longer: the path runs through it alone.
        plan.tasks[1 + 777].duration_days = Some(9);
        let a = analyze(&plan);
        let s = a.schedule.expect("a fan has no loop");
        let critical = s.tasks.iter().filter(|t| t.critical).count();
        (s.critical_path, s.total_days, critical, a.suggestions.len())
    });
    assert_eq!(path, [Id::from("start"), id(777), Id::from("end")]);
    assert_eq!(total, 12);
    assert_eq!(critical, 3);
    assert!(suggestions > 0);
}

#[test]
fn many_small_loops_are_all_reported() {
    let loops = small_stack(|| {
        // 30,000 pairs that depend on each other, plus a long free chain.
        let mut plan = chain(40_000);
        for k in 0..30_000 {
            let (a, b) = (format!("a-{k}"), format!("b-{k}"));
            plan.tasks.push(Task {
                id: Id(a.clone()),
                depends_on: vec![Id(b.clone())],
                ..Task::default()
            });
            plan.tasks.push(Task {
                id: Id(b),
                depends_on: vec![Id(a)],
                ..Task::default()
            });
        }
        let err = schedule(&plan).expect_err("loops");
        err.cycles.iter().map(Vec::len).collect::<Vec<_>>()
    });
    assert_eq!(loops.len(), 30_000);
    assert!(loops.iter().all(|n| *n == 2));
}
