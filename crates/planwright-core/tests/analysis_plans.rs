//! The analysis on whole plans: the shipped examples, a blank plan, hostile
//! values, and arbitrary generated plans (no panics, invariants hold).
//!
//! Case count: 300 generated plans (`ProptestConfig::with_cases`).

mod common;

use std::collections::{HashMap, HashSet};

use planwright_core::analysis::analyze;
use planwright_core::analysis::gates::GateDecision;
use planwright_core::analysis::readiness::Band;
use planwright_core::analysis::risk::Tier;
use planwright_core::analysis::schedule::{dependency_cycle, schedule, Schedule};
use planwright_core::analysis::suggest::{accept, MAX_SUGGESTIONS};
use planwright_core::format::examples::{example, EXAMPLES};
use planwright_core::model::{Id, Metric, Plan, Task};
use planwright_core::Choice;
use proptest::prelude::*;

/// Checks what must hold of any schedule: every task once, each resolvable
/// dependency earlier in the order and finished before its dependent
/// starts, and a critical path of zero-slack tasks chained back to back.
fn check_schedule(plan: &Plan, s: &Schedule) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        first.entry(t.id.as_str()).or_insert(i);
    }
    assert_eq!(s.order.len(), plan.tasks.len());
    assert_eq!(s.tasks.len(), plan.tasks.len());
    // Position in the order of each task, by plan position. Tasks sharing
    // an id are told apart by counting occurrences.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut position = vec![usize::MAX; plan.tasks.len()];
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        by_id.entry(t.id.as_str()).or_default().push(i);
    }
    for (k, id) in s.order.iter().enumerate() {
        let n = seen.entry(id.as_str()).or_insert(0);
        let i = by_id[id.as_str()][*n];
        *n += 1;
        position[i] = k;
    }
    assert!(
        position.iter().all(|p| *p != usize::MAX),
        "every task is in the order"
    );
    for (i, t) in plan.tasks.iter().enumerate() {
        let me = &s.tasks[i];
        // A task takes its length in working days, more when its owner is
        // away during it.
        let length = u64::from(t.duration_days.unwrap_or(0));
        let away = t.owner.is_some()
            && plan
                .calendar
                .days_off
                .iter()
                .any(|d| d.person == t.owner && d.start.is_some());
        if away {
            assert!(me.earliest_finish - me.earliest_start >= length);
        } else {
            assert_eq!(me.earliest_finish - me.earliest_start, length);
        }
        assert_eq!(me.slack, me.latest_start - me.earliest_start);
        for dep in &t.depends_on {
            if let Some(&j) = first.get(dep.as_str()) {
                assert!(position[j] < position[i], "{dep} comes before {}", t.id);
                assert!(s.tasks[j].earliest_finish <= me.earliest_start);
            }
        }
    }
    // With two tasks sharing an id (a validation error) an id in the path
    // cannot say which one it means, so the path is checked by id only when
    // ids are unique.
    if first.len() < plan.tasks.len() {
        return;
    }
    let mut last_finish = None;
    for id in &s.critical_path {
        let t = s.timing(id).expect("path tasks exist");
        assert_eq!(t.slack, 0);
        if let Some(f) = last_finish {
            assert_eq!(t.earliest_start, f, "the path runs back to back");
        }
        last_finish = Some(t.earliest_finish);
    }
    if !plan.tasks.is_empty() {
        assert_eq!(last_finish, Some(s.total_days));
    }
}

#[test]
fn shipped_examples_analyse_sensibly() {
    let mut bands = Vec::new();
    for e in EXAMPLES {
        let plan = example(e.key).expect("examples import");
        let a = analyze(&plan);
        let s = a
            .schedule
            .as_ref()
            .unwrap_or_else(|err| panic!("{}: {err}", e.key));
        check_schedule(&plan, s);
        assert!(!a.risk.reasons.is_empty(), "{}", e.key);
        assert!(a.suggestions.len() <= MAX_SUGGESTIONS);
        bands.push((e.key, a.readiness.overall, a.readiness.band));
    }
    // The examples are listed most ready first, and each lands in its own
    // band: production-ready, pilot-ready (held back by data, whatever its
    // average), foundation needed.
    assert!(
        bands.windows(2).all(|w| w[0].2.rank() > w[1].2.rank()),
        "{bands:?}"
    );
    let named: Vec<Band> = bands.iter().map(|(_, _, b)| *b).collect();
    assert_eq!(
        named,
        [
            Band::ProductionReady,
            Band::PilotReady,
            Band::FoundationNeeded
        ],
        "{bands:?}"
    );
}

#[test]
fn blank_plan_scores_low_and_does_not_panic() {
    let a = analyze(&Plan::blank());
    assert_eq!(a.readiness.band, Band::NotReady);
    assert!(a.readiness.overall < 40);
    assert_eq!(a.risk.tier, Tier::Minimal);
    assert!(a.risk.provisional);
    assert!(a
        .gates
        .phases
        .iter()
        .all(|g| g.decision == GateDecision::NoGo));
    assert!(a.schedule.is_ok());
    assert_eq!(a.suggestions.len(), MAX_SUGGESTIONS);
    let default = analyze(&Plan::default());
    assert!(default.gates.phases.is_empty() && default.gates.current_phase.is_none());
    assert!(default
        .suggestions
        .iter()
        .all(|s| s.task.phase.is_none() && s.blocks.is_empty()));
}

#[test]
fn analysis_serializes_to_json_for_the_cli_and_the_ui() {
    let plan = example("customer-support").expect("example");
    let value = serde_json::to_value(analyze(&plan)).expect("serializes");
    for key in ["readiness", "risk", "gates", "schedule", "suggestions"] {
        assert!(value.get(key).is_some(), "{key}");
    }
    assert!(value["readiness"]["dimensions"][0]["criteria"][0]["key"].is_string());
    assert!(value["schedule"]["Ok"]["order"].is_array());
}

#[test]
fn hostile_values_do_not_panic() {
    let mut plan = example("finance").expect("example");
    plan.start_date = "9999-12-30".parse().ok();
    plan.metrics.push(Metric {
        id: Id::from("nan"),
        baseline: Some(f64::NAN),
        target: Some(f64::INFINITY),
        actual: Some(f64::NEG_INFINITY),
        baseline_date: "0001-01-01".parse().ok(),
        ..Metric::default()
    });
    for (i, t) in plan.tasks.iter_mut().enumerate() {
        t.duration_days = Some(if i % 2 == 0 { u32::MAX } else { 0 });
    }
    let dup = plan.tasks[0].clone();
    let first = dup.id.clone();
    plan.tasks.push(dup);
    plan.tasks.push(Task {
        id: Id::from(""),
        depends_on: vec![first, Id::from("ghost")],
        ..Task::default()
    });
    plan.phases
        .iter_mut()
        .for_each(|p| p.duration_weeks = Some(u32::MAX));
    let a = analyze(&plan);
    let s = a.schedule.expect("no loop was added");
    check_schedule(&plan, &s);
    assert!(s.finish_date.is_none(), "past the year 9999");
    assert!(a.readiness.overall <= 100);
}

fn config(cases: u32) -> ProptestConfig {
    println!("analysis_plans: {cases} generated plans");
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(300))]

    /// With no actuals and an as-of day on or before the start, the
    /// forecast is the planned schedule, task by task.
    #[test]
    fn forecasting_with_no_actuals_is_the_schedule(mut plan in common::plan()) {
        use planwright_core::analysis::schedule::forecast;
        use planwright_core::model::TaskStatus;
        for t in &mut plan.tasks {
            t.actual_start = None;
            t.actual_finish = None;
            t.percent_complete = None;
            t.status = TaskStatus::Todo;
        }
        let Some(start) = plan.start_date else { return Ok(()); };
        let Ok(s) = schedule(&plan) else { return Ok(()); };
        if let Some(f) = forecast(&plan, &s, start) {
            for (t, planned) in f.tasks.iter().zip(&s.tasks) {
                prop_assert_eq!((t.start_offset, t.finish_offset), (planned.earliest_start, planned.earliest_finish));
                prop_assert_eq!((t.start, t.finish), (planned.start, planned.finish));
                prop_assert!(!t.late);
            }
            prop_assert_eq!(f.slip_days, 0);
        }
    }

    #[test]
    fn arbitrary_plans_analyse_without_panics(plan in common::plan()) {
        let a = analyze(&plan);

        prop_assert!(a.readiness.overall <= 100);
        prop_assert!(a.readiness.band.rank() <= a.readiness.band_by_average.rank());
        for d in &a.readiness.dimensions {
            prop_assert!(d.score <= 100);
            let points: f64 = d.criteria.iter().map(|c| c.points).sum();
            prop_assert!((points - d.points).abs() < 1e-9);
        }
        prop_assert!(a.readiness.top_actions.len() <= a.readiness.actions.len());
        prop_assert_eq!(a.risk.gaps.is_empty(), a.risk.required.iter().all(|r| r.state.key() == "in_place"));
        prop_assert_eq!(a.gates.phases.len(), plan.phases.len());

        match &a.schedule {
            Ok(s) => check_schedule(&plan, s),
            Err(err) => {
                let ids: HashSet<&Id> = plan.tasks.iter().map(|t| &t.id).collect();
                prop_assert!(!err.cycles.is_empty());
                for cycle in &err.cycles {
                    prop_assert!(!cycle.is_empty());
                    prop_assert!(cycle.iter().all(|id| ids.contains(id) && err.titles.contains_key(id)));
                }
                prop_assert!(!err.to_string().is_empty());
            }
        }

        // Suggestions: few, fresh ids, and accepting them all never creates a loop.
        prop_assert!(a.suggestions.len() <= MAX_SUGGESTIONS);
        let existing: HashSet<&Id> = plan.tasks.iter().map(|t| &t.id).collect();
        let fresh: HashSet<&Id> = a.suggestions.iter().map(|s| &s.task.id).collect();
        prop_assert_eq!(fresh.len(), a.suggestions.len());
        prop_assert!(fresh.iter().all(|id| !existing.contains(id)));
        let was_ok = a.schedule.is_ok();
        let mut grown = plan.clone();
        for s in &a.suggestions {
            accept(&mut grown, s);
        }
        prop_assert_eq!(schedule(&grown).is_ok(), was_ok);
    }

    #[test]
    fn dependency_cycle_agrees_with_the_schedule(plan in common::plan(), pick in any::<(usize, usize)>()) {
        let n = plan.tasks.len();
        prop_assume!(n > 0 && schedule(&plan).is_ok());
        let task = plan.tasks[pick.0 % n].id.clone();
        let dep = plan.tasks[pick.1 % n].id.clone();
        let predicted = dependency_cycle(&plan, &task, &dep);
        let mut edited = plan.clone();
        if let Some(t) = edited.tasks.iter_mut().find(|t| t.id == task) {
            t.depends_on.push(dep.clone());
        }
        prop_assert_eq!(predicted.is_some(), schedule(&edited).is_err());
        if let Some(chain) = predicted {
            prop_assert_eq!(chain.first(), Some(&dep));
            prop_assert_eq!(chain.last(), Some(&task));
        }
    }
}
