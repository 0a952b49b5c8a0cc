//! Timing of the whole analysis on generated plans of 1,000, 10,000 and
//! 100,000 tasks.
//!
//! Run with `cargo bench -p planwright-core --bench analysis`. Plans are made
//! from a fixed seed, so every run measures the same input: four phases,
//! twenty stakeholders, each task depending on one to three earlier tasks
//! (mostly recent ones, some far back), most tasks owned, a few without a
//! duration. Prints the median and the fastest of several runs; there is no
//! pass or fail. On a busy machine the fastest run is the better guide.
//! Numbers given as arguments pick the sizes to run.

use std::hint::black_box;
use std::time::{Duration, Instant};

use planwright_core::analysis::analyze;
use planwright_core::analysis::gates::gates;
use planwright_core::analysis::readiness::readiness;
use planwright_core::analysis::risk::assess;
use planwright_core::analysis::schedule::schedule;
use planwright_core::analysis::suggest::suggestions;
use planwright_core::model::{
    Control, ControlArea, ControlStatus, DataSource, Decision, DecisionRole, Function, Id, Metric,
    MetricKind, Plan, RoleAssignment, Stakeholder, System, Task, WorkflowStep,
};

/// A small, fixed pseudo-random sequence (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn generate(tasks: usize) -> Plan {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut plan = Plan::blank();
    plan.start_date = "2026-01-05".parse().ok();
    let functions = [
        Function::Business,
        Function::Operations,
        Function::Technology,
        Function::Risk,
        Function::Data,
    ];
    plan.stakeholders = (0..20)
        .map(|i| Stakeholder {
            id: Id(format!("s-{i}")),
            name: format!("Person {i}"),
            function: functions[i % functions.len()],
            affected: i % 3 == 0,
            ..Stakeholder::default()
        })
        .collect();
    let person = |i: usize| Some(Id(format!("s-{}", i % 20)));
    plan.ownership.sponsor = person(0);
    plan.ownership.initiative_owner = person(1);
    plan.ownership.business_owner = person(2);
    plan.metrics = (0..10)
        .map(|i| Metric {
            id: Id(format!("m-{i}")),
            name: format!("Metric {i}"),
            kind: if i % 2 == 0 {
                MetricKind::Outcome
            } else {
                MetricKind::Usage
            },
            baseline: (i % 3 != 0).then_some(10.0),
            target: Some(5.0),
            actual: (i == 4).then_some(4.0),
            owner: person(i),
            ..Metric::default()
        })
        .collect();
    plan.decisions = (0..5)
        .map(|i| Decision {
            id: Id(format!("d-{i}")),
            title: format!("Decision {i}"),
            roles: vec![
                RoleAssignment {
                    stakeholder: person(i),
                    role: DecisionRole::Prepares,
                },
                RoleAssignment {
                    stakeholder: person(i + 1),
                    role: DecisionRole::Approves,
                },
            ],
            ..Decision::default()
        })
        .collect();
    plan.workflow = (0..6)
        .map(|i| WorkflowStep {
            id: Id(format!("w-{i}")),
            name: format!("Step {i}"),
            owner: person(i),
            ..WorkflowStep::default()
        })
        .collect();
    plan.data_sources = (0..5)
        .map(|i| DataSource {
            id: Id(format!("ds-{i}")),
            name: format!("Source {i}"),
            owner: person(i),
            personal_data: i == 0,
            ..DataSource::default()
        })
        .collect();
    plan.systems = (0..5)
        .map(|i| System {
            id: Id(format!("sys-{i}")),
            name: format!("System {i}"),
            owner: person(i),
            ..System::default()
        })
        .collect();
    plan.controls = [
        ControlArea::DataPrivacy,
        ControlArea::AcceptableUse,
        ControlArea::HumanOversight,
    ]
    .iter()
    .enumerate()
    .map(|(i, &area)| Control {
        id: Id(format!("c-{i}")),
        area,
        status: ControlStatus::InPlace,
        owner: person(i),
        ..Control::default()
    })
    .collect();
    let phase_ids: Vec<Id> = plan.phases.iter().map(|p| p.id.clone()).collect();
    plan.tasks = (0..tasks)
        .map(|i| {
            let mut deps = Vec::new();
            if i > 0 {
                for _ in 0..1 + rng.below(3) {
                    let j = if rng.below(10) < 7 {
                        i - 1 - rng.below(i.min(20))
                    } else {
                        rng.below(i)
                    };
                    deps.push(Id(format!("t-{j}")));
                }
            }
            Task {
                id: Id(format!("t-{i}")),
                title: format!("Task {i}"),
                phase: phase_ids.get(i * phase_ids.len() / tasks.max(1)).cloned(),
                owner: (rng.below(10) < 8).then(|| person(rng.below(20))).flatten(),
                duration_days: (rng.below(20) != 0).then(|| 1 + rng.below(10) as u32),
                depends_on: deps,
                ..Task::default()
            }
        })
        .collect();
    plan
}

/// One thing to time; it returns something so the work is not optimized away.
type Measured<'a> = Box<dyn Fn() -> usize + 'a>;

/// Median and fastest of `runs` timings of `f`.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[0])
}

fn ms(d: Duration) -> String {
    format!("{:>9.3} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    println!("planwright-core analysis benchmark (median and fastest of several runs)");
    println!(
        "{:>8} {:>6}  {:<28} {:>12} {:>12}",
        "tasks", "edges", "what", "median", "fastest"
    );
    // `cargo bench -p planwright-core --bench analysis -- 10000` runs one size.
    let only: Vec<usize> = std::env::args().filter_map(|a| a.parse().ok()).collect();
    for (tasks, runs) in [(1_000, 51), (10_000, 21), (100_000, 7)] {
        if !only.is_empty() && !only.contains(&tasks) {
            continue;
        }
        let plan = generate(tasks);
        let edges: usize = plan.tasks.iter().map(|t| t.depends_on.len()).sum();
        let a = analyze(&plan);
        let ok = a
            .schedule
            .as_ref()
            .map(|s| (s.order.len(), s.critical_path.len(), s.total_days));
        assert_eq!(
            ok.map(|(n, _, _)| n),
            Ok(tasks),
            "the generated plan must schedule"
        );
        let risk = assess(&plan);
        let (r, g) = (readiness(&plan, &risk), gates(&plan, &risk));
        let rows: [(&str, Measured); 5] = [
            (
                "analyze (everything)",
                Box::new(|| analyze(&plan).suggestions.len()),
            ),
            (
                "schedule alone",
                Box::new(|| schedule(&plan).map(|s| s.order.len()).unwrap_or(0)),
            ),
            (
                "readiness + risk",
                Box::new(|| readiness(&plan, &assess(&plan)).overall as usize),
            ),
            ("gates", Box::new(|| gates(&plan, &risk).phases.len())),
            ("suggestions", Box::new(|| suggestions(&plan, &r, &g).len())),
        ];
        for (what, f) in rows.iter() {
            let (median, fastest) = time(runs, f);
            println!(
                "{tasks:>8} {edges:>6}  {what:<28} {} {}",
                ms(median),
                ms(fastest)
            );
        }
        if let Ok((_, path, days)) = ok {
            println!(
                "{:>8} {:>6}  critical path: {path} tasks, {days} working days",
                "", ""
            );
        }
    }
}
