//! Test fixtures and plan builders shared by every test of the core and of
//! the web app, the bench and the fuzzer.
//!
//! Compiled only for this crate's own unit tests and with the `testing`
//! feature, which only dev-dependencies turn on (the crate's own, for its
//! integration tests, bench and examples, and the web app's, for its browser
//! tests), so no shipped build contains it.
//!
//! - [`rich`]: a complete, hand-made plan that tests break one thing at a time;
//! - [`task`], [`tasks_only`], [`blank_with`]: small task graphs written out by hand;
//! - [`chain`], [`fan`], [`random_plan`]: large generated plans for scale
//!   tests, the bench and the fuzzer, with [`task_id`] naming their tasks;
//! - [`Rng`]: the small seeded generator behind [`random_plan`], for
//!   reproducible inputs.
//!
//! ```
//! use planwright_core::analysis::schedule::schedule;
//! use planwright_core::testing::{task, tasks_only};
//!
//! let plan = tasks_only(vec![task("a", 2, &[]), task("b", 3, &["a"])]);
//! assert_eq!(schedule(&plan).map(|s| s.total_days), Ok(5));
//! ```

mod rich;

pub use rich::rich;

use crate::model::{
    Control, ControlArea, ControlStatus, DataSource, Decision, DecisionRole, Function, Id, Metric,
    MetricKind, Plan, RoleAssignment, Stakeholder, System, Task, WorkflowStep,
};

/// A task titled `Task {id}`, owned by `s-1`, taking `days` working days
/// after the tasks in `deps`; no phase, status to do.
///
/// The owner is an id no stakeholder has, which is enough for the schedule
/// (it only warns about tasks without any owner).
pub fn task(id: &str, days: u32, deps: &[&str]) -> Task {
    Task {
        id: Id::from(id),
        title: format!("Task {id}"),
        owner: Some(Id::from("s-1")),
        duration_days: Some(days),
        depends_on: deps.iter().map(|d| Id::from(*d)).collect(),
        ..Task::default()
    }
}

/// A plan with these tasks and nothing else: no phases, no deliverables
/// ([`Plan::default`]).
pub fn tasks_only(tasks: Vec<Task>) -> Plan {
    Plan {
        tasks,
        ..Plan::default()
    }
}

/// A new plan ([`Plan::blank`]: the template's phases and deliverables) with
/// these tasks.
pub fn blank_with(tasks: Vec<Task>) -> Plan {
    Plan {
        tasks,
        ..Plan::blank()
    }
}

/// The id of the `i`-th generated task: `t{i}`.
pub fn task_id(i: usize) -> Id {
    Id(format!("t{i}"))
}

/// A new plan starting on Monday 5 January 2026 whose `n` tasks form one
/// chain: [`task_id`]`(i)` takes one day and depends on `task_id(i - 1)`.
///
/// The tasks are titled `Step {i}`, spread in order over the four phases,
/// and have no owner, so each carries one schedule warning. The critical
/// path is the whole chain, `n` days long.
pub fn chain(n: usize) -> Plan {
    let mut plan = Plan::blank();
    plan.start_date = "2026-01-05".parse().ok();
    let phases: Vec<Id> = plan.phases.iter().map(|p| p.id.clone()).collect();
    plan.tasks = (0..n)
        .map(|i| Task {
            id: task_id(i),
            title: format!("Step {i}"),
            phase: phases.get(i * phases.len() / n).cloned(),
            duration_days: Some(1),
            depends_on: if i == 0 { vec![] } else { vec![task_id(i - 1)] },
            ..Task::default()
        })
        .collect();
    plan
}

/// A new plan whose tasks form a wide fan: `start` (2 days), then `n` tasks
/// [`task_id`]`(i)` of 5 days each depending only on `start`, then `end`
/// (1 day) depending on all of them. Unowned, without phases.
pub fn fan(n: usize) -> Plan {
    let unowned = |id: &str, days: u32, deps: &[&str]| Task {
        owner: None,
        title: String::new(),
        ..task(id, days, deps)
    };
    let mut tasks = Vec::with_capacity(n + 2);
    tasks.push(unowned("start", 2, &[]));
    tasks.extend((0..n).map(|i| Task {
        id: task_id(i),
        ..unowned("", 5, &["start"])
    }));
    tasks.push(Task {
        depends_on: (0..n).map(task_id).collect(),
        ..unowned("end", 1, &[])
    });
    blank_with(tasks)
}

/// A small, fixed pseudo-random sequence (xorshift64*), so generated inputs
/// are the same on every run and every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A sequence determined by `seed` (any value, zero included).
    pub fn new(seed: u64) -> Rng {
        // splitmix64 spreads nearby seeds apart and never yields zero state
        // after the `| 1`.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    /// The next number of the sequence.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`0` when `n` is `0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True about `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One of `items`, which must not be empty.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A new plan with `tasks` generated tasks, the same for the same `seed`: the
/// shape of a large real plan, for the bench and the fuzzer.
///
/// It starts on 5 January 2026 and has twenty stakeholders (sponsor and
/// owners set), ten metrics, five decisions, six workflow steps, five data
/// sources, five systems and three controls in place. Each task
/// [`task_id`]`(i)` depends on one to three earlier tasks (mostly among the
/// twenty before it, some far back), so the plan always schedules; the
/// tasks are spread over the four phases in order, eight in ten have an
/// owner and one in twenty has no duration.
pub fn random_plan(tasks: usize, seed: u64) -> Plan {
    let mut rng = Rng::new(seed);
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
                    let j = if rng.chance(70) {
                        i - 1 - rng.below(i.min(20))
                    } else {
                        rng.below(i)
                    };
                    deps.push(task_id(j));
                }
            }
            Task {
                id: task_id(i),
                title: format!("Task {i}"),
                phase: phase_ids.get(i * phase_ids.len() / tasks).cloned(),
                owner: rng.chance(80).then(|| person(rng.below(20))).flatten(),
                duration_days: (rng.below(20) != 0).then(|| 1 + rng.below(10) as u32),
                depends_on: deps,
                ..Task::default()
            }
        })
        .collect();
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::schedule::schedule;

    #[test]
    fn generated_plans_have_the_shape_their_docs_promise() {
        let s = schedule(&chain(5)).expect("a chain has no loop");
        assert_eq!((s.total_days, s.critical_path.len()), (5, 5));
        assert_eq!(s.order.last(), Some(&task_id(4)));

        let s = schedule(&fan(10)).expect("a fan has no loop");
        assert_eq!((s.total_days, s.critical_path.len()), (8, 3));

        let plan = random_plan(500, 7);
        assert_eq!(plan, random_plan(500, 7), "same seed, same plan");
        assert_ne!(plan, random_plan(500, 8));
        let s = schedule(&plan).expect("dependencies only point back");
        assert_eq!(s.order.len(), 500);
        assert!(plan.tasks.last().is_some_and(|t| t.phase.is_some()));
    }

    #[test]
    fn rng_is_fixed_and_seeds_differ() {
        let draws = |seed| {
            let mut r = Rng::new(seed);
            [r.next_u64(), r.next_u64()]
        };
        assert_eq!(draws(0), draws(0));
        assert_ne!(draws(0), draws(1));
        let mut r = Rng::new(3);
        assert!((0..1000).all(|_| r.below(7) < 7));
        assert_eq!(r.below(0), 0);
    }
}
