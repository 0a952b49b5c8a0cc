//! Native tests of the portfolio: ranking under different weights, value
//! handling, warnings, shared-foundation matching and the roadmap against
//! the single-plan schedules.

use super::*;
use crate::analysis::schedule::schedule;
use crate::model::{
    Control, ControlArea, DataSource, Metric, MetricKind, PhaseKind, PhaseStatus,
    ProhibitedPractice, System, Task, TaskStatus,
};
use crate::testing::{blank_with, rich, task};

fn rated(rating: u32) -> ExpectedValue {
    ExpectedValue {
        rating: Some(rating),
        ..ExpectedValue::default()
    }
}

fn figure(annual: f64, unit: &str) -> ExpectedValue {
    ExpectedValue {
        annual: Some(annual),
        unit: unit.to_string(),
        rating: None,
    }
}

/// Analyses a portfolio of these `(key, plan, value)` members, with the
/// portfolio set up further by `setup`.
fn run(
    members: &[(&str, Plan, ExpectedValue)],
    setup: impl FnOnce(&mut Portfolio),
) -> PortfolioAnalysis {
    let mut portfolio = Portfolio {
        name: "Test portfolio".to_string(),
        members: members
            .iter()
            .map(|(key, _, value)| Member {
                key: key.to_string(),
                value: value.clone(),
            })
            .collect(),
        ..Portfolio::default()
    };
    setup(&mut portfolio);
    let plans: Vec<Initiative<'_>> = members
        .iter()
        .map(|(key, plan, _)| Initiative { key, plan })
        .collect();
    analyze(&portfolio, &plans)
}

fn order(a: &PortfolioAnalysis) -> Vec<&str> {
    a.ranked.iter().map(|r| r.key.as_str()).collect()
}

/// A new plan whose three foundation tasks take five days each, one after
/// the other: short, minimal risk, little readiness.
fn quick() -> Plan {
    let mut plan = blank_with(vec![
        task("a", 5, &[]),
        task("b", 5, &["a"]),
        task("c", 5, &["b"]),
    ]);
    plan.title = "Quick win".to_string();
    for t in &mut plan.tasks {
        t.phase = Some(Id::from("phase-1"));
    }
    plan
}

fn banned() -> Plan {
    let mut plan = rich();
    plan.title = "Banned".to_string();
    plan.risk.prohibited = Some(vec![ProhibitedPractice::SocialScoring]);
    plan
}

/// The three initiatives the ranking table runs on: `ready` (the rich
/// plan: readiness 100, limited risk, 70 days, rated 2), `quick` (15 days,
/// minimal risk, rated 5) and `banned` (the rich plan with a prohibited
/// practice, rated 5).
fn three() -> Vec<(&'static str, Plan, ExpectedValue)> {
    vec![
        ("ready", rich(), rated(2)),
        ("quick", quick(), rated(5)),
        ("banned", banned(), rated(5)),
    ]
}

#[test]
fn the_parts_of_the_three() {
    let a = run(&three(), |_| {});
    let ready = a.ranked.iter().find(|r| r.key == "ready").unwrap();
    assert_eq!(
        ready.parts,
        Parts {
            value: 25,
            readiness: 100,
            risk: 67,
            effort: 21
        }
    );
    assert_eq!((ready.schedule_days, ready.task_days), (70, 90));
    assert_eq!(ready.tier, Tier::Limited);
    assert_eq!(ready.value_kind, ValueKind::Rating);
    let quick = a.ranked.iter().find(|r| r.key == "quick").unwrap();
    assert_eq!(
        (quick.parts.value, quick.parts.risk, quick.parts.effort),
        (100, 100, 100)
    );
    assert!(quick.parts.readiness < 50, "a new plan is not ready");
    assert_eq!(quick.quadrant, Quadrant::PrepareFoundation);
    assert_eq!(ready.quadrant, Quadrant::StrategicBet);
    let banned = a.ranked.iter().find(|r| r.key == "banned").unwrap();
    assert_eq!(
        (banned.parts.risk, banned.quadrant),
        (0, Quadrant::DoNotStart)
    );
    assert!(banned.reasons[0].contains("a prohibited practice applies (Social scoring of people)"));
}

#[test]
fn ranking_under_different_weights() {
    // (value, readiness, risk, effort), the expected order, and the score
    // of `ready` (parts 25, 100, 67, 21).
    let table: &[([u32; 4], [&str; 3], u32)] = &[
        // Defaults: (75 + 200 + 134 + 21) / 8 = 53.75.
        ([3, 2, 2, 1], ["quick", "ready", "banned"], 54),
        ([5, 0, 0, 0], ["quick", "ready", "banned"], 25),
        ([0, 5, 0, 0], ["ready", "quick", "banned"], 100),
        ([0, 0, 5, 0], ["quick", "ready", "banned"], 67),
        ([0, 0, 0, 5], ["quick", "ready", "banned"], 21),
        // (500 + 335) / 10 = 83.5.
        ([0, 5, 5, 0], ["ready", "quick", "banned"], 84),
        // Weights above 5 count as 5: the same as readiness alone.
        ([0, 9, 0, 0], ["ready", "quick", "banned"], 100),
        // All zero: by readiness, and the score is the readiness.
        ([0, 0, 0, 0], ["ready", "quick", "banned"], 100),
    ];
    for (weights, expected, score) in table {
        let a = run(&three(), |p| {
            p.weights = Weights {
                value: weights[0],
                readiness: weights[1],
                risk: weights[2],
                effort: weights[3],
            }
        });
        assert_eq!(order(&a), expected, "weights {weights:?}");
        let ready = a.ranked.iter().find(|r| r.key == "ready").unwrap();
        assert_eq!(ready.score, *score, "weights {weights:?}");
        let ranks: Vec<usize> = a.ranked.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, [1, 2, 3]);
        let all_zero = weights.iter().all(|w| *w == 0);
        assert_eq!(
            a.rule[0].starts_with("Every weight is 0"),
            all_zero,
            "{:?}",
            a.rule
        );
        if !all_zero {
            assert!(ready.reasons[0].starts_with(&format!("Score {score} of 100")));
        }
    }
}

#[test]
fn the_rule_names_the_weights_and_the_parts_left_out() {
    let a = run(&three(), |p| p.weights.effort = 0);
    assert!(
        a.rule[0].contains("value × 3, readiness × 2 and risk × 2"),
        "{}",
        a.rule[0]
    );
    assert!(a.rule[1].contains("effort does not count"), "{}", a.rule[1]);
    assert!(a
        .rule
        .iter()
        .any(|l| l.starts_with("The default weights are")));
    let ready = a.ranked.iter().find(|r| r.key == "ready").unwrap();
    assert!(!ready.reasons[0].contains("effort"));
}

#[test]
fn equal_scores_go_to_readiness_then_title() {
    let mut b = rich();
    b.title = "B plan".to_string();
    let mut a = rich();
    a.title = "a plan".to_string();
    let result = run(&[("b", b, rated(3)), ("a", a, rated(3))], |_| {});
    assert_eq!(
        order(&result),
        ["a", "b"],
        "same score and readiness: by title"
    );
    assert!(result.ranked[0]
        .reasons
        .iter()
        .any(|r| r.contains("the title decides")));

    // Lower readiness loses the tie: readiness and risk weigh the same,
    // so 100 + 67 ties with 67 + 100.
    let mut weaker = rich();
    weaker.title = "A weaker".to_string();
    weaker.metrics.clear();
    let result = run(
        &[("weaker", weaker, rated(3)), ("rich", rich(), rated(3))],
        |p| {
            p.weights = Weights {
                value: 0,
                readiness: 1,
                risk: 0,
                effort: 0,
            }
        },
    );
    assert_eq!(order(&result), ["rich", "weaker"]);
}

#[test]
fn figures_in_one_unit_are_scaled_to_the_largest() {
    let a = run(
        &[
            ("big", rich(), figure(120_000.0, "EUR")),
            ("small", rich(), figure(30_000.0, " eur ")),
            ("loss", rich(), figure(-5.0, "EUR")),
        ],
        |_| {},
    );
    let part = |k: &str| a.ranked.iter().find(|r| r.key == k).unwrap();
    assert_eq!(part("big").parts.value, 100);
    assert_eq!(part("small").parts.value, 25);
    assert_eq!(part("loss").parts.value, 0);
    assert_eq!(part("big").value_kind, ValueKind::Figure);
    assert!(
        part("small").reasons[1].contains("30,000 eur a year")
            || part("small").reasons[1].contains("30,000 EUR a year")
    );
    assert!(
        a.rule.iter().any(|l| l.contains("all in EUR")),
        "{:?}",
        a.rule
    );
}

#[test]
fn mixed_values_fall_back_to_ratings_and_say_so() {
    let usd = ExpectedValue {
        rating: Some(4),
        ..figure(10.0, "USD")
    };
    let a = run(
        &[
            ("eur", rich(), figure(100.0, "EUR")),
            ("usd", rich(), usd.clone()),
        ],
        |_| {},
    );
    assert!(
        a.rule
            .iter()
            .any(|l| l.contains("different units (EUR and USD)")),
        "{:?}",
        a.rule
    );
    let a = run(
        &[
            ("eur", rich(), figure(100.0, "EUR")),
            ("usd", rich(), usd),
            ("none", rich(), ExpectedValue::default()),
        ],
        |_| {},
    );
    assert!(
        a.rule
            .iter()
            .any(|l| l.contains("1 initiative has no yearly figure")),
        "{:?}",
        a.rule
    );
    let get = |k: &str| a.ranked.iter().find(|r| r.key == k).unwrap();
    assert_eq!(
        (get("usd").parts.value, get("usd").value_kind),
        (75, ValueKind::Rating)
    );
    assert_eq!(
        (get("eur").parts.value, get("eur").value_kind),
        (50, ValueKind::Unknown)
    );
    assert!(get("none").reasons.iter().any(|r| r.contains("not known")));

    let a = run(
        &[
            ("fig", rich(), figure(5.0, "h")),
            ("rate", rich(), rated(1)),
        ],
        |_| {},
    );
    assert!(
        a.rule
            .iter()
            .any(|l| l.contains("1 initiative has no yearly figure")),
        "{:?}",
        a.rule
    );
    let a = run(&[("x", rich(), ExpectedValue::default())], |_| {});
    assert!(a
        .rule
        .iter()
        .any(|l| l.starts_with("No initiative has an expected value")));
    // Ratings out of range are kept in range.
    let a = run(
        &[("hi", rich(), rated(9)), ("zero", rich(), rated(0))],
        |_| {},
    );
    assert_eq!(a.ranked[0].parts.value, 100);
    assert_eq!(a.ranked[1].value_kind, ValueKind::Unknown);
}

#[test]
fn warnings_name_the_members_concerned() {
    let mut no_owner = quick();
    no_owner.objective.process = "Invoice matching".to_string();
    let mut same = rich();
    same.title = "Same process".to_string();
    same.objective.process = " invoice   MATCHING! ".to_string();
    let mut looped = rich();
    looped.title = "Looped".to_string();
    looped.tasks[0].depends_on.push(Id::from("t-9"));
    looped.objective.process = "Looping".to_string();
    let mut banned = banned();
    banned.objective.process.clear();
    let a = run(
        &[
            ("no-owner", no_owner, rated(3)),
            ("same", same, rated(3)),
            ("looped", looped, rated(3)),
            ("banned", banned, rated(3)),
            ("gone", Plan::default(), rated(3)),
        ],
        |p| {
            p.members.push(Member {
                key: "absent".into(),
                ..Member::default()
            })
        },
    );
    let of = |kind: WarningKind| -> Vec<Vec<&str>> {
        a.warnings
            .iter()
            .filter(|w| w.kind == kind)
            .map(|w| w.members.iter().map(String::as_str).collect())
            .collect()
    };
    assert_eq!(of(WarningKind::Prohibited), [["banned"]]);
    assert_eq!(of(WarningKind::MissingPlan), [["absent"]]);
    assert_eq!(of(WarningKind::ScheduleLoop), [["looped"]]);
    assert_eq!(of(WarningKind::SameProcess).len(), 1);
    let mut same_process = of(WarningKind::SameProcess)[0].clone();
    same_process.sort();
    assert_eq!(same_process, ["no-owner", "same"]);
    let mut owners = of(WarningKind::NoBusinessOwner).concat();
    owners.sort();
    assert_eq!(owners, ["gone", "no-owner"]);
    let mut outcomes = of(WarningKind::NoOutcomeMetric).concat();
    outcomes.sort();
    assert_eq!(outcomes, ["gone", "no-owner"]);
    assert!(of(WarningKind::OverCapacity).is_empty());
    assert_eq!(
        a.warnings[0].kind,
        WarningKind::Prohibited,
        "most serious first"
    );
    let looped = a
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::ScheduleLoop)
        .unwrap();
    assert!(
        looped.message.contains("8 tasks wait on each other"),
        "{}",
        looped.message
    );
    // The loop and the ban keep those two out of the roadmap.
    let members: Vec<&str> = a
        .roadmap
        .origin
        .iter()
        .filter_map(|o| o.member.as_deref())
        .collect();
    assert!(members.iter().all(|m| !["looped", "banned"].contains(m)));
    assert!(members.contains(&"same") && members.contains(&"no-owner"));
    assert!(a.roadmap.schedule.is_ok());
    // The absent member has no row; the others do.
    assert_eq!(a.ranked.len(), 5);
}

fn deploying(title: &str) -> Plan {
    let mut plan = rich();
    plan.title = title.to_string();
    for p in &mut plan.phases {
        p.status = PhaseStatus::NotStarted;
    }
    let deployment = plan
        .phases
        .iter()
        .find(|p| p.kind == PhaseKind::Deployment)
        .map(|p| p.id.clone());
    if let Some(t) = plan.tasks.iter_mut().find(|t| t.phase == deployment) {
        t.status = TaskStatus::InProgress;
    }
    plan
}

#[test]
fn more_in_deployment_than_the_capacity_is_warned() {
    let members = [
        ("a", deploying("A"), rated(3)),
        ("b", deploying("B"), rated(3)),
        ("c", rich(), rated(3)),
    ];
    let a = run(&members, |p| p.capacity = 1);
    let w: Vec<&Warning> = a
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::OverCapacity)
        .collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].members, ["a", "b"]);
    assert!(
        w[0].message
            .starts_with("2 initiatives are in deployment ('A' and 'B')"),
        "{}",
        w[0].message
    );
    assert!(
        !a.ranked
            .iter()
            .find(|r| r.key == "c")
            .unwrap()
            .in_deployment
    );
    let a = run(&members, |p| p.capacity = 2);
    assert!(a
        .warnings
        .iter()
        .all(|w| w.kind != WarningKind::OverCapacity));
}

fn source(id: &str, name: &str) -> DataSource {
    DataSource {
        id: Id::from(id),
        name: name.to_string(),
        ..DataSource::default()
    }
}

/// A plan with these data sources and nothing else.
fn with_sources(sources: &[(&str, &str)]) -> Plan {
    Plan {
        data_sources: sources.iter().map(|(i, n)| source(i, n)).collect(),
        ..Plan::default()
    }
}

fn link(a: (&str, &str), b: (&str, &str), same: bool) -> Link {
    let r = |(m, i): (&str, &str)| ItemRef {
        member: m.to_string(),
        item: Id::from(i),
    };
    Link {
        kind: SharedKind::DataSource,
        a: r(a),
        b: r(b),
        same,
    }
}

fn shared_names(a: &PortfolioAnalysis) -> Vec<(String, Vec<String>)> {
    a.shared
        .iter()
        .map(|s| (s.name.clone(), s.unlocks.clone()))
        .collect()
}

#[test]
fn shared_items_match_by_normalised_name_within_one_kind() {
    let mut one = with_sources(&[("d1", "CRM — customer records"), ("d2", "Web logs")]);
    one.systems.push(System {
        id: Id::from("s1"),
        name: "Billing".to_string(),
        ..System::default()
    });
    let two = with_sources(&[("x", "crm customer-records!"), ("y", "Billing")]);
    let three = with_sources(&[("z", "  CRM customer records ")]);
    let a = run(
        &[
            ("one", one, rated(5)),
            ("two", two, rated(4)),
            ("three", three, rated(3)),
        ],
        |_| {},
    );
    assert_eq!(
        shared_names(&a),
        [(
            "CRM — customer records".to_string(),
            vec!["one".to_string(), "two".to_string(), "three".to_string()]
        )],
        "a system and a data source called Billing are not the same item"
    );
    let s = &a.shared[0];
    assert_eq!(s.kind, SharedKind::DataSource);
    assert!(!s.linked);
    let items: Vec<&str> = s.uses.iter().map(|u| u.item.as_str()).collect();
    assert_eq!(items, ["d1", "x", "z"]);
}

#[test]
fn links_join_and_split_both_ways() {
    let one = || with_sources(&[("d1", "Ticket DB"), ("d2", "Knowledge base")]);
    let two = || with_sources(&[("x", "Support tickets"), ("y", "Knowledge base")]);
    let members = || [("one", one(), rated(5)), ("two", two(), rated(4))];

    let plain = run(&members(), |_| {});
    assert_eq!(shared_names(&plain).len(), 1);
    assert_eq!(plain.shared[0].name, "Knowledge base");

    for joining in [
        link(("one", "d1"), ("two", "x"), true),
        link(("two", "x"), ("one", "d1"), true),
    ] {
        let a = run(&members(), |p| p.links = vec![joining]);
        assert_eq!(a.shared.len(), 2);
        let tickets = a.shared.iter().find(|s| s.name == "Ticket DB").unwrap();
        assert!(tickets.linked);
        assert_eq!(tickets.unlocks, ["one", "two"]);
    }
    for splitting in [
        link(("one", "d2"), ("two", "y"), false),
        link(("two", "y"), ("one", "d2"), false),
    ] {
        let a = run(&members(), |p| p.links = vec![splitting]);
        assert!(a.shared.is_empty(), "'not the same' undoes the name match");
    }
    // Links to members or items that do not exist change nothing.
    let a = run(&members(), |p| {
        p.links = vec![
            link(("nobody", "d1"), ("two", "x"), true),
            link(("one", "missing"), ("two", "x"), true),
            link(("one", "d2"), ("one", "d2"), false),
        ]
    });
    assert_eq!(a.shared, plain.shared);
    // A link of the wrong kind finds no such item.
    let a = run(&members(), |p| {
        let mut l = link(("one", "d1"), ("two", "x"), true);
        l.kind = SharedKind::System;
        p.links = vec![l];
    });
    assert_eq!(a.shared, plain.shared);
}

#[test]
fn unnamed_controls_and_deliverables_match_by_their_label() {
    let control = |id: &str, name: &str| Control {
        id: Id::from(id),
        area: ControlArea::HumanOversight,
        name: name.to_string(),
        ..Control::default()
    };
    let one = Plan {
        controls: vec![control("c1", "")],
        ..Plan::blank()
    };
    let two = Plan {
        controls: vec![control("c2", "Human oversight")],
        ..Plan::blank()
    };
    let a = run(&[("one", one, rated(3)), ("two", two, rated(3))], |_| {});
    let kinds: Vec<(SharedKind, &str)> =
        a.shared.iter().map(|s| (s.kind, s.name.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (SharedKind::Control, "Human oversight"),
            (SharedKind::Deliverable, "Context pack"),
            (SharedKind::Deliverable, "Data readiness assessment"),
            (SharedKind::Deliverable, "Governance framework"),
            (SharedKind::Deliverable, "Stakeholder alignment map"),
        ]
    );
    // What the app offers for linking is what matching reads.
    let offered = items(&Plan {
        controls: vec![control("c1", "")],
        data_sources: vec![source("d", "")],
        ..Plan::default()
    });
    let offered: Vec<(SharedKind, &str, &str)> = offered
        .iter()
        .map(|i| (i.kind, i.item.as_str(), i.name.as_str()))
        .collect();
    assert_eq!(
        offered,
        [
            (SharedKind::DataSource, "d", ""),
            (SharedKind::Control, "c1", "Human oversight")
        ]
    );
}

#[test]
fn most_unlocking_shared_items_come_first() {
    let a = run(
        &[
            (
                "one",
                with_sources(&[("a", "Alpha"), ("b", "Beta")]),
                rated(3),
            ),
            (
                "two",
                with_sources(&[("a", "Alpha"), ("b", "Beta")]),
                rated(3),
            ),
            ("three", with_sources(&[("b", "Beta")]), rated(3)),
        ],
        |_| {},
    );
    let names: Vec<&str> = a.shared.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Beta", "Alpha"]);
}

/// The schedule length of a portfolio roadmap.
fn days(a: &PortfolioAnalysis) -> u64 {
    a.roadmap
        .schedule
        .as_ref()
        .map(|s| s.total_days)
        .expect("no loop")
}

#[test]
fn one_plan_alone_gives_its_own_schedule() {
    for plan in [rich(), quick(), crate::testing::random_plan(300, 11)] {
        let own = schedule(&plan).expect("no loop");
        let a = run(&[("only", plan.clone(), rated(3))], |_| {});
        let s = a.roadmap.schedule.as_ref().expect("no loop");
        assert_eq!(s.total_days, own.total_days, "{}", plan.title);
        assert_eq!(a.roadmap.plan.tasks.len(), plan.tasks.len());
        let path: Vec<String> = own
            .critical_path
            .iter()
            .map(|id| format!("m1:{id}"))
            .collect();
        let got: Vec<&str> = s.critical_path.iter().map(Id::as_str).collect();
        assert_eq!(got, path);
        assert_eq!(a.roadmap.setup_days_alone, a.roadmap.setup_days_shared);
        assert!(a
            .roadmap
            .origin
            .iter()
            .all(|o| o.member.as_deref() == Some("only")));
        assert_eq!(a.roadmap.plan.start_date, plan.start_date);
    }
}

#[test]
fn capacity_one_serialises_deployment() {
    let members = || {
        let mut b = rich();
        b.title = "Second".to_string();
        [("first", rich(), rated(5)), ("second", b, rated(3))]
    };
    // Alone, each plan takes 70 days; its deployment (t-4 to t-6) runs
    // from day 15 to day 35.
    let a = run(&members(), |p| p.capacity = 2);
    assert_eq!(days(&a), 70);
    let a = run(&members(), |p| p.capacity = 1);
    let s = a.roadmap.schedule.as_ref().unwrap();
    let start = |id: &str| s.timing(&Id::from(id)).unwrap().earliest_start;
    assert_eq!(start("m1:t-4"), 15);
    assert_eq!(start("m2:t-4"), 35, "waits for the first one's deployment");
    assert_eq!(start("m2:t-1"), 0, "its foundation work need not wait");
    assert_eq!(days(&a), 90);
    assert!(s.critical_path.iter().any(|id| id.as_str() == "deployed-1"));
    // Capacity 0 counts as 1.
    assert_eq!(days(&run(&members(), |p| p.capacity = 0)), 90);

    // Three plans, capacity 2: only the third waits, for the first.
    let mut third = rich();
    third.title = "Third".to_string();
    let mut m = members().to_vec();
    m.push(("third", third, rated(1)));
    let a = run(&m, |p| p.capacity = 2);
    let s = a.roadmap.schedule.as_ref().unwrap();
    let start = |id: &str| s.timing(&Id::from(id)).unwrap().earliest_start;
    assert_eq!(
        (start("m1:t-4"), start("m2:t-4"), start("m3:t-4")),
        (15, 15, 35)
    );
}

#[test]
fn shared_work_appears_once() {
    // Both rich plans write the governance framework in their foundation
    // phase (t-3, 10 days): one shared task does it for both.
    let mut second = rich();
    second.title = "Second".to_string();
    second.tasks[2].duration_days = Some(12);
    let a = run(
        &[("one", rich(), rated(5)), ("two", second, rated(3))],
        |_| {},
    );
    let governance = a
        .shared
        .iter()
        .position(|s| s.name == "Governance framework")
        .expect("both plans have the deliverable");
    let tasks: Vec<&TaskOrigin> = a
        .roadmap
        .origin
        .iter()
        .filter(|o| o.shared == Some(governance))
        .collect();
    assert_eq!(tasks.len(), 1, "one shared task");
    let id = &tasks[0].task;
    let task = a.roadmap.plan.tasks.iter().find(|t| &t.id == id).unwrap();
    assert_eq!(task.duration_days, Some(12), "the longest of the two");
    assert!(
        task.title.contains("governance framework"),
        "{}",
        task.title
    );
    let ids: Vec<&str> = a.roadmap.plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert!(!ids.contains(&"m1:t-3") && !ids.contains(&"m2:t-3"));
    // What waited for t-3 waits for the shared task.
    let t4 = a
        .roadmap
        .plan
        .tasks
        .iter()
        .find(|t| t.id.as_str() == "m2:t-4")
        .unwrap();
    assert!(t4.depends_on.contains(id));
    // Foundation alone: 5 + 10 + 10 and 5 + 10 + 12; shared: 5 + 10 twice
    // and 12 once.
    assert_eq!(a.roadmap.setup_days_alone, 52);
    assert_eq!(a.roadmap.setup_days_shared, 42);
    assert_eq!(a.roadmap.setup_days_saved(), 10);
    // Shared items no task serves are milestones, ready on day 0.
    let tickets = a
        .shared
        .iter()
        .position(|s| s.name == "Ticket history")
        .unwrap();
    let o = a
        .roadmap
        .origin
        .iter()
        .find(|o| o.shared == Some(tickets))
        .unwrap();
    let t = a
        .roadmap
        .plan
        .tasks
        .iter()
        .find(|t| t.id == o.task)
        .unwrap();
    assert_eq!(
        (t.title.as_str(), t.duration_days),
        ("Ticket history ready", Some(0))
    );
    // As long as either alone: 12 days of governance still finish before
    // the data work (day 15) that the helpdesk integration waits for.
    assert_eq!(days(&a), 70);
    assert_eq!(a.roadmap.plan.phases[0].name, "Shared foundation");
    assert_eq!(a.roadmap.origin.len(), a.roadmap.plan.tasks.len());
}

#[test]
fn shared_work_that_would_close_a_loop_goes_first() {
    // In `one`, the governance task waits for the data task; in `two`, the
    // other way round. Joined, each shared task would wait for the other.
    let plan = |first: &str, second: &str| {
        let mut p = blank_with(vec![
            Task {
                phase: Some(Id::from("phase-1")),
                title: format!("Prepare the {first}"),
                ..task("a", 3, &[])
            },
            Task {
                phase: Some(Id::from("phase-1")),
                title: format!("Prepare the {second}"),
                ..task("b", 4, &["a"])
            },
        ]);
        p.data_sources.push(source("d", "Ledger"));
        p
    };
    let a = run(
        &[
            ("one", plan("ledger", "governance framework"), rated(3)),
            ("two", plan("governance framework", "ledger"), rated(3)),
        ],
        |_| {},
    );
    let s = a.roadmap.schedule.as_ref().expect("the loop is broken");
    assert_eq!(s.total_days, 4);
}

#[test]
fn start_date_comes_from_the_portfolio_or_the_earliest_plan() {
    let mut late = rich();
    late.start_date = "2026-03-02".parse().ok();
    let a = run(
        &[("a", rich(), rated(3)), ("b", late.clone(), rated(3))],
        |_| {},
    );
    assert_eq!(a.roadmap.plan.start_date, rich().start_date);
    let a = run(&[("b", late, rated(3))], |p| {
        p.start_date = "2027-01-04".parse().ok()
    });
    assert_eq!(a.roadmap.plan.start_date, "2027-01-04".parse().ok());
}

#[test]
fn odd_portfolios_do_not_panic() {
    let empty = run(&[], |_| {});
    assert!(empty.ranked.is_empty() && empty.shared.is_empty());
    assert_eq!(days(&empty), 0);
    let a = run(
        &[
            ("", Plan::default(), figure(f64::NAN, "")),
            ("", Plan::default(), figure(f64::INFINITY, "")),
            ("x", Plan::blank(), figure(f64::MAX, "")),
        ],
        |p| {
            p.capacity = u32::MAX;
            p.weights = Weights {
                value: u32::MAX,
                readiness: u32::MAX,
                risk: u32::MAX,
                effort: u32::MAX,
            };
            p.links = vec![link(("", "a"), ("x", "b"), true)];
        },
    );
    assert_eq!(a.ranked.len(), 2, "a key listed twice counts once");
    assert!(a.ranked.iter().all(|r| r.score <= 100));
    let json = serde_json::to_value(&a).expect("the analysis serializes");
    assert!(json["roadmap"]["schedule"]["Ok"].is_object());
}

#[test]
fn portfolio_files_read_with_defaults() {
    let p: Portfolio = serde_json::from_str(r#"{"name": "Q3"}"#).unwrap();
    assert_eq!((p.capacity, p.weights.clone()), (3, Weights::default()));
    assert_eq!(
        (
            p.weights.value,
            p.weights.readiness,
            p.weights.risk,
            p.weights.effort
        ),
        (3, 2, 2, 1)
    );
    let l: Link =
        serde_json::from_str(r#"{"kind": "system", "a": {"member": "m", "item": "s-1"}}"#).unwrap();
    assert_eq!(
        (l.kind, l.same, l.b.member.as_str()),
        (SharedKind::System, false, "")
    );
    let back = serde_json::to_value(Portfolio::default()).unwrap();
    assert_eq!(back["capacity"], 3);
    assert_eq!(back["weights"]["value"], 3);
}

#[test]
fn an_outcome_metric_clears_its_warning() {
    let mut plan = quick();
    plan.metrics.push(Metric {
        kind: MetricKind::Outcome,
        ..Metric::default()
    });
    let a = run(&[("q", plan, rated(3))], |_| {});
    assert!(a
        .warnings
        .iter()
        .all(|w| w.kind != WarningKind::NoOutcomeMetric));
}

#[test]
fn blank_names_get_words_on_the_roadmap() {
    let mut one = with_sources(&[("d", "")]);
    one.title = " ".to_string();
    let two = with_sources(&[("e", "")]);
    let a = run(&[("one", one, rated(3)), ("two", two, rated(3))], |p| {
        p.links = vec![link(("one", "d"), ("two", "e"), true)];
    });
    assert_eq!(
        a.shared.len(),
        1,
        "blank names match nothing, but a link joins"
    );
    assert_eq!(a.shared[0].name, "Unnamed data source");
    assert_eq!(a.roadmap.plan.tasks[0].title, "Unnamed data source ready");
}

mod properties {
    use super::*;
    use crate::testing::{random_plan, Rng};
    use proptest::prelude::*;

    /// A small portfolio from one seed: generated plans, some renamed,
    /// looped, prohibited or missing, random values, weights, capacity and
    /// links.
    fn generated(seed: u64) -> (Portfolio, Vec<(String, Plan)>) {
        let mut rng = Rng::new(seed);
        let n = 1 + rng.below(6);
        let names = ["Ledger", "CRM", "ledger!", "Context pack", ""];
        let plans: Vec<(String, Plan)> = (0..n)
            .map(|i| {
                let mut plan = random_plan(1 + rng.below(40), seed ^ i as u64);
                plan.title = format!("Plan {i}");
                for d in &mut plan.data_sources {
                    d.name = rng.pick(&names).to_string();
                }
                for t in &mut plan.tasks {
                    if rng.chance(20) {
                        t.title = format!("Prepare {}", rng.pick(&names));
                    }
                }
                if rng.chance(15) {
                    let last = plan.tasks.last().map(|t| t.id.clone());
                    if let (Some(first), Some(last)) = (plan.tasks.first_mut(), last) {
                        first.depends_on.push(last);
                    }
                }
                if rng.chance(15) {
                    plan.risk.prohibited = Some(vec![ProhibitedPractice::Manipulation]);
                }
                if rng.chance(30) {
                    plan.objective.process = "Claims".to_string();
                }
                (format!("k{}", rng.below(n + 1)), plan)
            })
            .collect();
        let mut members: Vec<Member> = plans
            .iter()
            .map(|(key, _)| Member {
                key: key.clone(),
                value: ExpectedValue {
                    annual: rng.chance(50).then(|| rng.below(1000) as f64 - 100.0),
                    unit: rng.pick(&["EUR", "eur", "USD", ""]).to_string(),
                    rating: rng.chance(70).then(|| rng.below(7) as u32),
                },
            })
            .collect();
        members.push(Member {
            key: "missing".to_string(),
            ..Member::default()
        });
        let ids = ["ds-0", "ds-1", "ds-4", "nope"];
        let links = (0..rng.below(5))
            .map(|_| {
                let r = |rng: &mut Rng| ItemRef {
                    member: format!("k{}", rng.below(n + 1)),
                    item: Id::from(*rng.pick(&ids)),
                };
                Link {
                    kind: SharedKind::DataSource,
                    a: r(&mut rng),
                    b: r(&mut rng),
                    same: rng.chance(50),
                }
            })
            .collect();
        let weight = |rng: &mut Rng| rng.below(7) as u32;
        let portfolio = Portfolio {
            name: "Generated".to_string(),
            capacity: rng.below(4) as u32,
            weights: Weights {
                value: weight(&mut rng),
                readiness: weight(&mut rng),
                risk: weight(&mut rng),
                effort: weight(&mut rng),
            },
            start_date: None,
            members,
            links,
        };
        (portfolio, plans)
    }

    /// The generated portfolios do reach the cases the property is about.
    #[test]
    fn generated_portfolios_cover_sharing_loops_and_bans() {
        let (mut replaced, mut looped, mut banned) = (false, false, false);
        for seed in 0..60 {
            let (portfolio, plans) = generated(seed);
            let initiatives: Vec<Initiative<'_>> = plans
                .iter()
                .map(|(key, plan)| Initiative { key, plan })
                .collect();
            let a = analyze(&portfolio, &initiatives);
            replaced |= a
                .roadmap
                .plan
                .tasks
                .iter()
                .any(|t| t.title.starts_with("Shared: "));
            looped |= a
                .warnings
                .iter()
                .any(|w| w.kind == WarningKind::ScheduleLoop);
            banned |= a.warnings.iter().any(|w| w.kind == WarningKind::Prohibited);
        }
        assert!(replaced && looped && banned, "{replaced} {looped} {banned}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn analysis_keeps_its_promises(seed in any::<u64>()) {
            let (portfolio, plans) = generated(seed);
            let initiatives: Vec<Initiative<'_>> = plans
                .iter()
                .map(|(key, plan)| Initiative { key, plan })
                .collect();
            let a = analyze(&portfolio, &initiatives);
            let ranks: Vec<usize> = a.ranked.iter().map(|r| r.rank).collect();
            prop_assert_eq!(ranks, (1..=a.ranked.len()).collect::<Vec<_>>());
            prop_assert!(a.ranked.iter().all(|r| r.score <= 100 && !r.reasons.is_empty()));
            // Prohibited ones last.
            let banned: Vec<bool> = a.ranked.iter().map(|r| r.tier == Tier::Prohibited).collect();
            let mut sorted = banned.clone();
            sorted.sort();
            prop_assert_eq!(banned, sorted);
            prop_assert!(a.warnings.iter().any(|w| w.kind == WarningKind::MissingPlan));
            // The roadmap always schedules: loops and bans stay out.
            let s = a.roadmap.schedule.as_ref();
            prop_assert!(s.is_ok());
            prop_assert_eq!(a.roadmap.origin.len(), a.roadmap.plan.tasks.len());
            for (i, item) in a.shared.iter().enumerate() {
                prop_assert!(item.uses.len() >= 2);
                let once = a.roadmap.origin.iter().filter(|o| o.shared == Some(i)).count();
                prop_assert_eq!(once, 1);
            }
            prop_assert!(a.roadmap.setup_days_shared <= a.roadmap.setup_days_alone);
            // Every roadmap id is unique (the generated plans' ids are).
            let mut ids: Vec<&Id> = a.roadmap.plan.tasks.iter().map(|t| &t.id).collect();
            let all = ids.len();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), all);
            let m = crate::chart::matrix(&a, 400.0, 300.0);
            prop_assert_eq!(m.points.len(), a.ranked.len());
        }
    }
}

#[test]
fn deployment_waits_for_the_shared_foundation_it_needs() {
    // `one` prepares the ledger in its foundation phase (20 days); `two`
    // has the ledger too but no foundation task for it, and deploys at
    // once when alone.
    let mut one = blank_with(vec![Task {
        phase: Some(Id::from("phase-1")),
        title: "Prepare the ledger extract".to_string(),
        ..task("prep", 20, &[])
    }]);
    one.data_sources.push(source("d", "Ledger"));
    let mut two = blank_with(vec![
        Task {
            phase: Some(Id::from("phase-2")),
            ..task("go", 5, &[])
        },
        Task {
            phase: Some(Id::from("phase-2")),
            ..task("then", 5, &["go"])
        },
    ]);
    two.data_sources.push(source("e", "ledger"));
    assert_eq!(schedule(&two).map(|s| s.total_days), Ok(10));
    let a = run(&[("one", one, rated(5)), ("two", two, rated(3))], |_| {});
    let s = a.roadmap.schedule.as_ref().expect("no loop");
    let start = |id: &str| s.timing(&Id::from(id)).unwrap().earliest_start;
    let ledger = a.shared.iter().position(|s| s.name == "Ledger").unwrap();
    let shared = format!("shared-{}", ledger + 1);
    assert_eq!(start(&shared), 0);
    assert_eq!(start("m2:go"), 20, "waits for the shared ledger work");
    assert_eq!(start("m2:then"), 25);
    let go = a
        .roadmap
        .plan
        .tasks
        .iter()
        .find(|t| t.id.as_str() == "m2:go")
        .unwrap();
    assert!(go.depends_on.contains(&Id(shared)));
    let then = a
        .roadmap
        .plan
        .tasks
        .iter()
        .find(|t| t.id.as_str() == "m2:then")
        .unwrap();
    assert_eq!(
        then.depends_on,
        [Id::from("m2:go")],
        "the first one waits for all"
    );
}
