//! Baselines: taking one, comparing the plan with it, the "Changes since
//! baseline" part of the plan document and the weekly status report.

use planwright_core::analysis::analyze;
use planwright_core::analysis::baseline::{add, compare, compare_plans, take, BaselineError};
use planwright_core::export::markdown::status::status_report;
use planwright_core::export::markdown::to_markdown;
use planwright_core::format::file::import_str;
use planwright_core::model::{
    Baseline, BaselineTask, GateOutcome, Id, Plan, Stakeholder, Task, TaskStatus,
};
use planwright_core::testing::rich;
use planwright_core::Date;

const V2_FINANCE: &str = include_str!("fixtures/v2-finance.json");

fn day(text: &str) -> Date {
    text.parse().expect("a real day")
}

fn baseline_of(plan: &Plan) -> Baseline {
    take(plan, Id::from("b-1"), "Kickoff", day("2026-01-09"))
}

fn task_mut<'a>(plan: &'a mut Plan, id: &str) -> &'a mut Task {
    plan.tasks
        .iter_mut()
        .find(|t| t.id.as_str() == id)
        .expect("the rich plan has this task")
}

#[test]
fn a_plan_compared_with_its_own_baseline_has_no_changes() {
    let plan = rich();
    let b = baseline_of(&plan);
    assert!(b.plan.baselines.is_empty() && b.plan.conflicts.is_empty());
    assert_eq!(b.summary.tasks.len(), plan.tasks.len());
    assert!(b.summary.finish.is_some());
    let c = compare(&plan, &analyze(&plan), &b);
    assert!(c.is_empty(), "{c:#?}");
    let mut with = plan.clone();
    with.baselines.push(b);
    let doc = to_markdown(&with);
    assert!(doc.contains("## Changes since baseline Kickoff (2026-01-09)"));
    assert!(doc.contains("_Nothing has moved since the baseline was set on 2026-01-09._"));
}

#[test]
fn lengthening_a_critical_task_slips_it_the_tasks_after_and_the_finish() {
    let plan = rich();
    let b = baseline_of(&plan);
    let mut later = plan.clone();
    task_mut(&mut later, "t-2").duration_days = Some(15);
    let c = compare(&later, &analyze(&later), &b);
    let slip = |id: &str| {
        c.tasks
            .iter()
            .find(|t| t.id.as_str() == id)
            .and_then(|t| t.finish.slip_days)
    };
    assert_eq!(slip("t-1"), Some(0), "before the change nothing moves");
    for id in ["t-2", "t-4", "t-5", "t-7", "t-9"] {
        assert_eq!(slip(id), Some(5), "{id}");
    }
    assert_eq!(c.finish.slip_days, Some(5));
    let moved: Vec<&str> = c.moved().map(|t| t.id.as_str()).collect();
    assert!(
        moved.contains(&"t-2") && !moved.contains(&"t-1"),
        "{moved:?}"
    );
    assert!(c.gates_moved().next().is_some());
    let mut with = later.clone();
    with.baselines.push(b);
    let doc = to_markdown(&with);
    assert!(doc.contains("**Tasks that moved:**"), "{doc}");
    assert!(doc.contains("5 working days later"));
    assert!(doc.contains("| 10 → 15 |"));
}

#[test]
fn added_and_removed_tasks_are_named() {
    let plan = rich();
    let b = baseline_of(&plan);
    let mut changed = plan.clone();
    changed.tasks.retain(|t| t.id.as_str() != "t-3");
    changed.tasks.push(Task {
        id: Id::from("t-new"),
        title: "Brief the night shift".into(),
        duration_days: Some(2),
        ..Task::default()
    });
    let c = compare(&changed, &analyze(&changed), &b);
    assert_eq!(c.added.len(), 1);
    assert_eq!(c.added[0].title, "Brief the night shift");
    assert_eq!(c.removed.len(), 1);
    assert_eq!(c.removed[0].id, Id::from("t-3"));
}

#[test]
fn readiness_owner_target_and_decision_changes_show() {
    let plan = rich();
    let b = baseline_of(&plan);
    let mut changed = plan.clone();
    changed.ownership.sponsor = None;
    changed.metrics[0].target = Some(changed.metrics[0].target.unwrap_or(0.0) + 1.0);
    changed.stakeholders.push(Stakeholder {
        id: Id::from("s-new"),
        name: "Ada Quinn".into(),
        ..Stakeholder::default()
    });
    task_mut(&mut changed, "t-1").owner = Some(Id::from("s-new"));
    changed.phases[0].decision.outcome = GateOutcome::Go;
    changed.phases[0].decision.decided_on = Some(day("2026-02-01"));
    let c = compare(&changed, &analyze(&changed), &b);
    assert!(c.readiness.now < c.readiness.then, "{:?}", c.readiness);
    assert!(c.dimensions_changed().any(|d| d.key == "ownership"));
    let paths: Vec<&str> = c.owners.iter().map(|o| o.path.as_str()).collect();
    assert!(paths.contains(&"ownership.sponsor"), "{paths:?}");
    let t1 = c
        .owners
        .iter()
        .find(|o| o.path == "tasks[id=t-1].owner")
        .expect("the task owner changed");
    assert_eq!(t1.now_names, ["Ada Quinn"]);
    assert_eq!(c.targets.len(), 1);
    assert_eq!(c.decisions.len(), 1);
    assert_eq!(c.decisions[0].now, GateOutcome::Go);
    let mut with = changed.clone();
    with.baselines.push(b);
    let doc = to_markdown(&with);
    for words in [
        "Readiness ",
        "**Owners and approvers changed:**",
        "Ada Quinn",
        "**Metric targets changed:**",
        "**Gate decisions recorded since:**",
    ] {
        assert!(doc.contains(words), "no {words}");
    }
}

#[test]
fn a_v2_plan_file_baselines_and_round_trips() {
    let imported = import_str(V2_FINANCE).expect("the v2 fixture imports");
    let mut plan = imported.plan;
    let id = add(&mut plan, "Approved at kickoff", day("2026-03-02")).expect("room for one");
    let json = planwright_core::format::file::to_json(&plan);
    let back = import_str(&json).expect("it reads back").plan;
    assert_eq!(back, plan);
    let c = compare_plans(&back.baselines[0].plan, &back);
    assert!(c.is_empty(), "{c:#?}");
    assert_eq!(back.baselines[0].id, id);
}

#[test]
fn a_full_list_refuses_one_more() {
    let mut plan = Plan::blank();
    for n in 0..20 {
        assert!(add(&mut plan, &format!("week {n}"), day("2026-01-05")).is_ok());
    }
    let err = add(&mut plan, "too many", day("2026-01-05")).expect_err("full");
    assert_eq!(err, BaselineError::TooMany { limit: 20 });
    assert!(err.to_string().contains("remove an old one"));
}

#[test]
fn an_odd_stored_snapshot_does_not_panic() {
    let plan = rich();
    let mut b = baseline_of(&plan);
    // Ids missing and repeated, dates at the ends of the calendar, a huge list.
    let far = day("9999-12-31");
    let near = day("0001-01-01");
    for i in 0..20_000 {
        b.summary.tasks.push(BaselineTask {
            id: Id(if i % 3 == 0 {
                String::new()
            } else {
                "t-1".into()
            }),
            title: "<script>|x|".into(),
            start: Some(if i % 2 == 0 { far } else { near }),
            finish: Some(near),
            duration_days: u64::MAX,
            critical: true,
        });
    }
    b.summary.tasks.insert(0, b.summary.tasks[5].clone());
    b.summary.dimensions.push(b.summary.dimensions[0].clone());
    b.summary.band = "no such band".into();
    b.summary.required_controls.push(String::new());
    b.plan.tasks.clear();
    b.plan.phases.extend(plan.phases.clone());
    b.plan.stakeholders.clear();
    let c = compare(&plan, &analyze(&plan), &b);
    assert!(!c.is_empty());
    // Repeated ids count once: the first wins, as everywhere in the plan.
    assert_eq!(c.removed.len(), 1, "only the task with no id is gone");
    assert_eq!(c.tasks.len(), plan.tasks.len());
    let mut with = plan.clone();
    with.baselines.push(b);
    let doc = to_markdown(&with);
    assert!(!doc.contains("<script"));
    let _ = status_report(&with, Some(day("2026-03-02")));
}

#[test]
fn the_status_report_has_its_sections() {
    let mut plan = rich();
    plan.baselines.push(baseline_of(&plan));
    for t in plan.tasks.iter_mut().take(2) {
        t.status = TaskStatus::Done;
        t.actual_start = Some(day("2026-01-12"));
        t.actual_finish = Some(day("2026-02-20"));
    }
    plan.as_of = Some(day("2026-03-02"));
    let text = status_report(&plan, None);
    for heading in [
        "# Status report: ",
        "**Status report as of 2026-03-02.**",
        "### Done in the last two weeks",
        "### Late",
        "### Next two weeks",
        "### Gates",
        "### Readiness",
        "### Waiting on someone",
        "**Forecast end: ",
        "the finish of baseline Kickoff",
    ] {
        assert!(text.contains(heading), "no {heading} in\n{text}");
    }
    assert!(text.lines().count() < 120, "one page: {text}");
    // A plan without an as-of day says so.
    plan.as_of = None;
    let text = status_report(&plan, None);
    assert!(text.contains("no as-of day"), "{text}");
}

#[test]
#[ignore = "prints the status report for a person to read"]
fn print_status_report() {
    let mut plan = rich();
    plan.baselines.push(baseline_of(&plan));
    task_mut(&mut plan, "t-2").duration_days = Some(15);
    for t in plan.tasks.iter_mut().take(2) {
        t.status = TaskStatus::Done;
        t.actual_start = Some(day("2026-01-12"));
        t.actual_finish = Some(day("2026-02-20"));
    }
    plan.as_of = Some(day("2026-03-02"));
    println!("{}", status_report(&plan, None));
    let doc = to_markdown(&plan);
    let at = doc.find("## Changes since").unwrap_or(0);
    println!("{}", &doc[at..(at + 2500).min(doc.len())]);
}

/// Text a person could type that must not break the document.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "| a | b |",
    "[x](javascript:alert(1))",
    "```\nfenced\n```",
    "# heading\n- list",
    "<!-- hidden -->",
];

#[test]
fn hostile_text_cannot_break_the_changes_or_the_status_report() {
    let mut plan = rich();
    let mut b = baseline_of(&plan);
    b.name = HOSTILE.join("\n");
    plan.baselines.push(b);
    for (i, text) in HOSTILE.iter().enumerate() {
        plan.tasks.push(Task {
            id: Id(format!("h-{i}")),
            title: text.to_string(),
            owner: Some(Id(format!("p-{i}"))),
            duration_days: Some(1),
            ..Task::default()
        });
        plan.stakeholders.push(Stakeholder {
            id: Id(format!("p-{i}")),
            name: text.to_string(),
            ..Stakeholder::default()
        });
    }
    plan.ownership.sponsor = Some(Id::from("p-0"));
    plan.metrics[0].target = Some(-1.0);
    plan.metrics[0].unit = HOSTILE.join(" ");
    plan.as_of = Some(day("2026-01-13"));
    for text in [to_markdown(&plan), status_report(&plan, None)] {
        let readable = text.split("## Plan file").next().unwrap_or_default();
        assert!(!readable.contains("<script") && !readable.contains("<!--"));
        // Only the document's own Mermaid timeline opens a fence.
        for line in readable.lines().filter(|l| l.starts_with("```")) {
            assert!(line == "```mermaid" || line == "```", "{line}");
        }
        for line in readable.lines().filter(|l| l.starts_with('#')) {
            assert!(
                ["# ", "## ", "### ", "#### "]
                    .iter()
                    .any(|h| line.starts_with(h)),
                "{line}"
            );
            assert!(!line.starts_with("# heading"), "{line}");
        }
        for line in readable.lines().filter(|l| l.starts_with('|')) {
            let bytes = line.as_bytes();
            let pipes = bytes
                .iter()
                .enumerate()
                .filter(|(i, b)| **b == b'|' && (*i == 0 || bytes[i - 1] != b'\\'))
                .count();
            assert!(pipes >= 2, "{line}");
        }
    }
    let doc = to_markdown(&plan);
    assert!(
        doc.contains("## Changes since baseline &lt;script&gt;"),
        "the name is escaped"
    );
}

#[test]
fn big_plans_and_looping_plans_compare_quickly() {
    use std::time::{Duration, Instant};
    let mut plan = planwright_core::testing::random_plan(3_000, 7);
    plan.start_date = Some(day("2026-01-05"));
    let b = baseline_of(&plan);
    let mut later = plan.clone();
    if let Some(t) = later.tasks.first_mut() {
        t.duration_days = Some(t.duration_days.unwrap_or(0) + 3);
    }
    let started = Instant::now();
    let c = compare(&later, &analyze(&later), &b);
    let mut with = later.clone();
    with.baselines.push(b.clone());
    let _ = to_markdown(&with);
    let _ = status_report(&with, Some(day("2026-02-02")));
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(c.tasks.len() + c.added.len(), later.tasks.len());
    // A loop leaves the plan without dates: the comparison says so, no panic.
    if let Some(last) = later.tasks.last().map(|t| t.id.clone()) {
        later.tasks[0].depends_on.push(last);
    }
    let c = compare(&later, &analyze(&later), &b);
    assert!(c.finish.now.is_none());
    with.tasks = later.tasks;
    let _ = to_markdown(&with);
    let _ = status_report(&with, Some(day("2026-02-02")));
}

/// The app analyses the plan as of today; a baseline just set must still
/// compare equal, whatever day it is.
#[test]
fn a_baseline_compares_equal_whatever_day_the_caller_passes() {
    use planwright_core::analysis::{analyze_on, baseline};
    let mut plan = planwright_core::format::examples::example("finance").expect("the example");
    let day: planwright_core::Date = "2030-06-01".parse().expect("a date");
    baseline::add(&mut plan, "Kickoff", day).expect("room for a baseline");
    let b = baseline::latest(&plan).expect("the baseline").clone();
    let c = baseline::compare(&plan, &analyze_on(&plan, Some(day)), &b);
    assert_eq!(c.moved().count(), 0);
    assert_eq!(c.finish.slip_days, Some(0));
}
