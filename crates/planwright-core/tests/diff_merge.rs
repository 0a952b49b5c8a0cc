//! Diff and three-way merge of plans: properties over generated plans
//! (`common::plan`), and hand-written cases for each kind of conflict.
//!
//! Case count: 96 generated plans per property.

mod common;

use planwright_core::diff::{diff, merge, show, to_markdown, ChangeKind};
use planwright_core::model::{Baseline, MergeConflict, Plan, Task};
use planwright_core::testing::{rich, task};
use planwright_core::Id;
use proptest::prelude::*;
use serde_json::json;

/// The plan with task ids made distinct (`t-0`, `t-1`…) and at least
/// `min` tasks, so items can be told apart by id.
fn with_distinct_tasks(mut plan: Plan, min: usize) -> Plan {
    while plan.tasks.len() < min {
        plan.tasks.push(Task::default());
    }
    for (i, t) in plan.tasks.iter_mut().enumerate() {
        t.id = Id(format!("t-{i}"));
    }
    plan
}

fn find<'a>(plan: &'a Plan, id: &str) -> Option<&'a Task> {
    plan.tasks.iter().find(|t| t.id.as_str() == id)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn a_plan_has_no_changes_from_itself(plan in common::plan()) {
        prop_assert!(diff(&plan, &plan).is_empty());
        prop_assert_eq!(show(&plan), show(&plan.clone()));
    }

    #[test]
    fn plans_differ_exactly_when_diff_says_so(a in common::plan(), b in common::plan()) {
        prop_assert_eq!(diff(&a, &b).is_empty(), a == b);
    }

    #[test]
    fn a_change_on_one_side_is_taken_as_it_is(b in common::plan(), x in common::plan()) {
        let cases = [
            ("merge(b, b, x)", merge(&b, &b, &x)),
            ("merge(b, x, b)", merge(&b, &x, &b)),
            ("merge(b, x, x)", merge(&b, &x, &x)),
        ];
        for (name, merged) in cases {
            let merged = merged.map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
            prop_assert!(merged.conflicts.is_empty(), "{}: {:?}", name, merged.conflicts);
            prop_assert_eq!(&merged.plan, &x, "{}", name);
        }
    }

    #[test]
    fn conflicts_and_baselines_on_one_side_are_taken_as_they_are(
        b in common::plan(),
        x in common::plan(),
        titles in proptest::collection::vec("[a-z]{0,3}", 0..4),
    ) {
        let mut x = x;
        x.conflicts = titles
            .iter()
            .map(|t| MergeConflict { path: "title".into(), label: t.clone(), ..Default::default() })
            .collect();
        x.baselines = vec![Baseline { id: Id::from("b-1"), name: "Kickoff".into(), plan: Box::new(b.clone()), ..Default::default() }];
        for merged in [merge(&b, &b, &x), merge(&b, &x, &b), merge(&b, &x, &x)] {
            let merged = merged.map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&merged.plan, &x);
        }
    }

    #[test]
    fn any_three_plans_merge_into_a_plan(b in common::plan(), o in common::plan(), t in common::plan()) {
        let merged = merge(&b, &o, &t).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Every conflict of this merge is listed in the plan, once.
        for conflict in &merged.conflicts {
            prop_assert_eq!(merged.plan.conflicts.iter().filter(|c| *c == conflict).count(), 1);
        }
        // Where ours and theirs agree, so does the merge.
        prop_assert_eq!(&merged.plan.title, if o.title == t.title || b.title == t.title { &o.title } else if b.title == o.title { &t.title } else { &o.title });
    }

    #[test]
    fn changes_to_two_different_tasks_both_arrive(
        plan in common::plan(),
        pick in (0usize..1000, 0usize..1000),
        days in any::<u32>(),
        title in "[a-z ]{1,12}",
    ) {
        let base = with_distinct_tasks(plan, 2);
        let n = base.tasks.len();
        let i = pick.0 % n;
        let j = (i + 1 + pick.1 % (n - 1)) % n;
        let mut ours = base.clone();
        ours.tasks[i].duration_days = Some(days);
        let mut theirs = base.clone();
        theirs.tasks[j].title = title.clone();
        let merged = merge(&base, &ours, &theirs).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        let mut both = ours.clone();
        both.tasks[j].title = title;
        prop_assert_eq!(merged.plan, both);
    }

    #[test]
    fn items_added_on_both_sides_are_all_kept(plan in common::plan(), k in 0usize..5) {
        let base = with_distinct_tasks(plan, 1);
        let mut ours = base.clone();
        ours.tasks.insert(k.min(ours.tasks.len()), task("ours-new", 2, &[]));
        let mut theirs = base.clone();
        theirs.tasks.push(task("theirs-new", 3, &[]));
        let merged = merge(&base, &ours, &theirs).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(merged.conflicts.is_empty());
        prop_assert_eq!(merged.plan.tasks.len(), base.tasks.len() + 2);
        prop_assert_eq!(merged.plan.tasks.last().map(|t| t.id.as_str()), Some("theirs-new"));
        prop_assert_eq!(&merged.plan.tasks[k.min(base.tasks.len())].id.0, "ours-new");
    }
}

fn two_tasks() -> Plan {
    let mut plan = Plan::blank();
    plan.tasks = vec![task("t-1", 3, &[]), task("t-2", 2, &["t-1"])];
    plan.tasks[0].title = "Label tickets".to_string();
    plan.tasks[1].title = "Train the model".to_string();
    plan
}

#[test]
fn the_same_field_changed_two_ways_is_a_conflict_holding_ours() {
    let base = two_tasks();
    let mut ours = base.clone();
    ours.tasks[0].duration_days = Some(5);
    let mut theirs = base.clone();
    theirs.tasks[0].duration_days = Some(8);
    theirs.tasks[1].duration_days = Some(9);
    let merged = merge(&base, &ours, &theirs).expect("plans merge");
    let expected = MergeConflict {
        path: "tasks[id=t-1].duration_days".to_string(),
        label: "Task 'Label tickets': duration_days".to_string(),
        base: Some(json!(3)),
        ours: Some(json!(5)),
        theirs: Some(json!(8)),
    };
    assert_eq!(merged.conflicts, std::slice::from_ref(&expected));
    assert_eq!(merged.plan.conflicts, [expected]);
    assert_eq!(merged.plan.tasks[0].duration_days, Some(5));
    assert_eq!(
        merged.plan.tasks[1].duration_days,
        Some(9),
        "their other change arrives"
    );
}

#[test]
fn deleted_on_one_side_and_changed_on_the_other_is_a_conflict() {
    let base = two_tasks();
    let mut ours = base.clone();
    ours.tasks.remove(1);
    let mut theirs = base.clone();
    theirs.tasks[1].duration_days = Some(4);
    let merged = merge(&base, &ours, &theirs).expect("plans merge");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.path, "tasks[id=t-2]");
    assert_eq!(conflict.label, "Task 'Train the model'");
    assert_eq!(conflict.ours, None);
    assert_eq!(
        conflict
            .theirs
            .as_ref()
            .and_then(|t| t.get("duration_days")),
        Some(&json!(4))
    );
    assert!(
        find(&merged.plan, "t-2").is_none(),
        "the merged plan has ours: deleted"
    );

    // The other way round the merged plan keeps our changed task.
    let merged = merge(&base, &theirs, &ours).expect("plans merge");
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(
        find(&merged.plan, "t-2").and_then(|t| t.duration_days),
        Some(4)
    );
}

#[test]
fn deleted_on_one_side_and_unchanged_on_the_other_is_deleted() {
    let base = two_tasks();
    let mut ours = base.clone();
    ours.tasks.remove(0);
    let merged = merge(&base, &ours, &base).expect("plans merge");
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.plan.tasks.len(), 1);
    let merged = merge(&base, &base.clone(), &ours).expect("plans merge");
    assert_eq!(merged.plan.tasks.len(), 1);
}

#[test]
fn the_same_item_added_on_both_sides_is_kept_once_or_conflicts_where_it_differs() {
    let base = two_tasks();
    let mut ours = base.clone();
    ours.tasks.push(task("t-3", 1, &["t-2"]));
    let theirs = ours.clone();
    let mut other = base.clone();
    other.tasks[0].notes = "checked".to_string();
    other.tasks.push(task("t-3", 1, &["t-2"]));
    let merged = merge(&base, &ours, &other).expect("plans merge");
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        merged
            .plan
            .tasks
            .iter()
            .filter(|t| t.id.as_str() == "t-3")
            .count(),
        1
    );
    assert_eq!(merged.plan.tasks[0].notes, "checked");
    assert_eq!(
        merge(&base, &ours, &theirs).expect("plans merge").plan,
        ours
    );

    let mut differs = base.clone();
    differs.tasks.push(task("t-3", 6, &["t-1"]));
    let merged = merge(&base, &ours, &differs).expect("plans merge");
    let paths: Vec<&str> = merged.conflicts.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        ["tasks[id=t-3].duration_days", "tasks[id=t-3].depends_on"]
    );
    assert!(merged.conflicts.iter().all(|c| c.base.is_none()));
    assert_eq!(
        find(&merged.plan, "t-3").and_then(|t| t.duration_days),
        Some(1)
    );
}

#[test]
fn their_new_item_goes_after_the_item_before_it_and_a_reorder_survives() {
    let base = two_tasks();
    let mut ours = base.clone();
    ours.tasks.insert(0, task("ours", 1, &[]));
    let mut theirs = base.clone();
    theirs.tasks.insert(1, task("theirs", 1, &[]));
    let merged = merge(&base, &ours, &theirs).expect("plans merge");
    let ids: Vec<&str> = merged.plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["ours", "t-1", "theirs", "t-2"]);

    let mut swapped = base.clone();
    swapped.tasks.swap(0, 1);
    let mut added = base.clone();
    added.tasks.push(task("t-9", 1, &[]));
    let merged = merge(&base, &added, &swapped).expect("plans merge");
    let ids: Vec<&str> = merged.plan.tasks.iter().map(|t| t.id.as_str()).collect();
    // Their order leads; our new task follows the task before it in ours.
    assert_eq!(ids, ["t-2", "t-9", "t-1"]);
}

#[test]
fn conflicts_in_the_inputs_stay_once_unless_a_side_settled_them() {
    let open = MergeConflict {
        path: "title".to_string(),
        label: "Title".to_string(),
        base: Some(json!("A")),
        ours: Some(json!("B")),
        theirs: Some(json!("C")),
    };
    let mut base = two_tasks();
    base.conflicts = vec![open.clone()];
    let mut ours = base.clone();
    ours.tasks[0].notes = "ours".to_string();
    let mut theirs = base.clone();
    theirs.tasks[1].notes = "theirs".to_string();
    let merged = merge(&base, &ours, &theirs).expect("plans merge");
    assert_eq!(merged.plan.conflicts, std::slice::from_ref(&open));
    assert!(merged.conflicts.is_empty());

    // We settled it; they did not touch it: it is gone.
    ours.conflicts.clear();
    let merged = merge(&base, &ours, &theirs).expect("plans merge");
    assert!(merged.plan.conflicts.is_empty());

    // Both sides recorded the same new conflict: listed once.
    let mut base = two_tasks();
    base.conflicts.clear();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.conflicts = vec![open.clone()];
    theirs.conflicts = vec![open.clone()];
    theirs.tasks[0].notes = "x".to_string();
    let merged = merge(&base, &ours, &theirs).expect("plans merge");
    assert_eq!(merged.plan.conflicts, [open]);
}

#[test]
fn diff_names_sections_items_and_fields_and_reports_a_move_once() {
    let old = two_tasks();
    let mut new = old.clone();
    new.tasks[0].duration_days = Some(4);
    new.tasks.swap(0, 1);
    new.tasks.push(task("t-3", 1, &[]));
    new.metrics.push(planwright_core::model::Metric {
        id: Id::from("m-1"),
        name: "Tickets routed right".to_string(),
        ..Default::default()
    });
    let changes = diff(&old, &new);
    let titles: Vec<&str> = changes.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Success metrics", "Tasks"]);
    let tasks = &changes.sections[1].changes;
    let kinds: Vec<ChangeKind> = tasks.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [ChangeKind::Changed, ChangeKind::Added, ChangeKind::Moved]
    );
    assert_eq!(tasks[0].path, "tasks[id=t-1].duration_days");
    assert_eq!(tasks[0].label, "Task 'Label tickets': duration_days");
    assert_eq!(
        (&tasks[0].old, &tasks[0].new),
        (&Some(json!(3)), &Some(json!(4)))
    );
    assert_eq!(tasks[1].path, "tasks[id=t-3]");
    assert_eq!(
        changes.sections[0].changes[0].label,
        "Metric 'Tickets routed right'"
    );
    assert_eq!(changes.len(), 4);
}

#[test]
fn a_baseline_is_added_removed_or_renamed_never_diffed_inside() {
    let old = rich();
    let mut with = old.clone();
    with.baselines.push(Baseline {
        id: Id::from("b-1"),
        name: "Approved at kickoff".to_string(),
        plan: Box::new(old.clone()),
        ..Default::default()
    });
    let changes = diff(&old, &with);
    assert_eq!(changes.len(), 1);
    let added = &changes.sections[0].changes[0];
    assert_eq!(
        (added.kind, added.label.as_str()),
        (ChangeKind::Added, "Baseline 'Approved at kickoff'")
    );
    assert!(added.new.as_ref().is_some_and(|v| v.get("plan").is_none()));

    let mut renamed = with.clone();
    renamed.baselines[0].name = "Kickoff".to_string();
    renamed.baselines[0].plan.title = "Something else".to_string();
    let changes = diff(&with, &renamed);
    let paths: Vec<&str> = changes
        .sections
        .iter()
        .flat_map(|s| &s.changes)
        .map(|c| c.path.as_str())
        .collect();
    assert_eq!(paths, ["baselines[id=b-1].name"]);
}

#[test]
fn markdown_of_a_diff_escapes_what_people_typed() {
    let old = two_tasks();
    let mut new = old.clone();
    new.tasks[0].title = "<script>alert(1)</script> | [x](javascript:1)\n# heading".to_string();
    let text = to_markdown(&diff(&old, &new));
    assert!(!text.contains("<script>"), "{text}");
    assert!(!text.contains("\n# heading"), "{text}");
    assert!(text.contains("&lt;script&gt;"), "{text}");
    assert!(text.contains("\\|"), "{text}");
}

#[test]
fn an_unnamed_item_in_a_conflict_is_named_by_its_place_in_its_list() {
    let mut base = two_tasks();
    base.tasks[1].title = String::new();
    let mut ours = base.clone();
    ours.tasks.remove(1);
    let mut theirs = base.clone();
    theirs.tasks[1].duration_days = Some(7);
    let merged = merge(&base, &ours, &theirs).expect("plans merge");
    let labels: Vec<&str> = merged.conflicts.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Unnamed task 2"]);
}
