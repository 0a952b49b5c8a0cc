//! Suggested tasks: unmet gate criteria and readiness gaps turned into work
//! that can be added to the roadmap with one click.
//!
//! Contract: [`suggestions`] is a pure function of the plan and its analysis;
//! [`accept`] adds one suggestion to the plan. Neither panics.
//!
//! Invariants:
//! - at most [`MAX_SUGGESTIONS`], gate criteria first (current phase first,
//!   then later phases, in criterion order), then readiness gaps by the
//!   points they would add;
//! - no two suggestions share a title within a phase, and none repeats a
//!   task the plan already has with the same title in the same phase, so an
//!   accepted suggestion is not suggested again;
//! - each suggested task has an id no item in the plan uses, distinct across
//!   the batch, no dependencies, and a default duration;
//! - `blocks` lists the entry tasks of the phase after the task's phase (its
//!   tasks with no dependency inside that phase), so the new work lands
//!   before the next phase starts;
//! - [`accept`] never creates a dependency loop and skips blocked tasks that
//!   no longer exist.
//!
//! Cost: linear in the size of the plan.

use std::collections::HashSet;

use serde::Serialize;

use crate::analysis::gates::{GateDecision, Gates};
use crate::analysis::readiness::{Dimension, Readiness};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::schedule::{dependency_cycle, TaskGraph};
use crate::choice;
use crate::choice::Choice;
use crate::model::{new_id, Id, PhaseKind, PhaseStatus, Plan, Task, TaskStatus};
use crate::text::named;

/// The most suggestions returned at once.
pub const MAX_SUGGESTIONS: usize = 20;

choice! {
    /// What a suggestion comes from.
    SuggestionSource {
        Gate = "gate": "Phase gate",
        Readiness = "readiness": "Readiness gap",
    }
    default Gate
}

/// A task the plan probably needs, ready to be added.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// Stable key: `gate:<phase id>:<criterion key>` or
    /// `readiness:<criterion key>`.
    pub key: String,
    /// Gate criterion or readiness gap.
    pub source: SuggestionSource,
    /// The task to add, with a fresh id.
    pub task: Task,
    /// Tasks that should wait for it: the entry tasks of the next phase.
    pub blocks: Vec<Id>,
    /// Why it is suggested, for a person.
    pub reason: String,
    /// Template section (1–12) the work concerns.
    pub section: u8,
}

/// A sensible first estimate, in working days, for work in a section.
fn default_days(section: u8) -> u32 {
    match section {
        6 | 8 | 9 => 10,
        7 => 15,
        2 | 5 | 11 | 12 => 5,
        _ => 3,
    }
}

/// Where the domain places the work of each readiness dimension.
fn home_kind(dimension: Dimension) -> PhaseKind {
    match dimension {
        Dimension::Change | Dimension::Monitoring => PhaseKind::Deployment,
        _ => PhaseKind::Foundation,
    }
}

fn title_of(action: &str) -> String {
    action.trim().trim_end_matches('.').to_string()
}

struct Candidate {
    key: String,
    source: SuggestionSource,
    title: String,
    phase: Option<usize>,
    owner: Option<Id>,
    reason: String,
    section: u8,
}

/// The first phase of the plan that is of `kind`, moved up to the current
/// phase when it lies before it; the current phase when none is of `kind`.
fn phase_for(plan: &Plan, kind: PhaseKind, current: Option<usize>) -> Option<usize> {
    let preferred = plan.phases.iter().position(|p| p.kind == kind);
    match (preferred, current) {
        (Some(p), Some(c)) => Some(p.max(c)),
        (Some(p), None) => Some(p),
        (None, c) => c.or(if plan.phases.is_empty() {
            None
        } else {
            Some(0)
        }),
    }
}

/// Entry tasks of the given phases: tasks in a phase with no dependency on
/// another task of the same phase. Only tasks of those phases are kept.
fn entry_tasks<'a>(
    plan: &'a Plan,
    graph: &TaskGraph,
    phases: &FxHashSet<&str>,
) -> FxHashMap<&'a str, Vec<Id>> {
    let mut entries: FxHashMap<&str, Vec<Id>> = FxHashMap::default();
    if phases.is_empty() {
        return entries;
    }
    for (i, t) in plan.tasks.iter().enumerate() {
        let Some(phase) = graph
            .phase_of(i)
            .and_then(|p| plan.phases.get(p))
            .map(|p| p.id.as_str())
            .filter(|p| phases.contains(p))
        else {
            continue;
        };
        if !graph.depends_within_phase(i) {
            entries.entry(phase).or_default().push(t.id.clone());
        }
    }
    entries
}

/// `count` ids of the form `task-N` that nothing in the plan uses.
fn fresh_ids(plan: &Plan, count: usize) -> Vec<Id> {
    if count == 0 {
        return Vec::new();
    }
    let first = new_id(plan, "task");
    let start = first
        .0
        .strip_prefix("task-")
        .and_then(|n| n.parse::<u64>().ok());
    let numbered: Option<Vec<Id>> = start
        .filter(|n| *n < u64::MAX)
        .map(|n| {
            (0..count as u64)
                .map(|k| n.checked_add(k).map(|v| Id(format!("task-{v}"))))
                .collect()
        })
        .and_then(|ids: Option<Vec<Id>>| ids);
    if let Some(ids) = numbered {
        return ids;
    }
    // The counter is exhausted: fall back to checked names.
    let taken: HashSet<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    (0u64..)
        .map(|k| format!("task-suggested-{k}"))
        .filter(|id| !taken.contains(id.as_str()))
        .take(count)
        .map(Id)
        .collect()
}

/// Suggests tasks for the unmet gate criteria and readiness gaps.
///
/// ```
/// use planwright_core::analysis::analyze;
/// use planwright_core::model::Plan;
/// use planwright_core::analysis::suggest::{accept, MAX_SUGGESTIONS};
///
/// let mut plan = Plan::blank();
/// let first = analyze(&plan).suggestions.into_iter().next().unwrap();
/// accept(&mut plan, &first);
/// assert_eq!(plan.tasks.len(), 1);
/// let again = analyze(&plan).suggestions;
/// assert!(again.len() <= MAX_SUGGESTIONS && again.iter().all(|s| s.key != first.key));
/// ```
pub fn suggestions(plan: &Plan, readiness: &Readiness, gates: &Gates) -> Vec<Suggestion> {
    suggestions_in(plan, readiness, gates, &TaskGraph::new(plan))
}

/// [`suggestions`] with the plan's tasks already read into a [`TaskGraph`].
pub(crate) fn suggestions_in(
    plan: &Plan,
    readiness: &Readiness,
    gates: &Gates,
    graph: &TaskGraph,
) -> Vec<Suggestion> {
    let current = gates.current_index;
    let mut candidates: Vec<Candidate> = Vec::new();

    let from = current.unwrap_or(0);
    for (index, gate) in gates.phases.iter().enumerate().skip(from) {
        if gate.status == PhaseStatus::GatePassed || gate.decision == GateDecision::Go {
            continue;
        }
        let phase = plan
            .phases
            .iter()
            .position(|p| p.id == gate.phase)
            .or(Some(index));
        let phase_name = named(&gate.name, "phase", index);
        for c in gate
            .criteria
            .iter()
            .filter(|c| !c.met && !c.action.is_empty())
        {
            candidates.push(Candidate {
                key: format!("gate:{}:{}", gate.phase, c.key),
                source: SuggestionSource::Gate,
                title: title_of(&c.action),
                phase,
                owner: c.owner.clone(),
                reason: format!(
                    "To pass the gate out of {phase_name}: {}. {}",
                    c.text, c.detail
                ),
                section: c.section,
            });
        }
    }
    for a in &readiness.actions {
        candidates.push(Candidate {
            key: format!("readiness:{}", a.key),
            source: SuggestionSource::Readiness,
            title: title_of(&a.fix),
            phase: phase_for(plan, home_kind(a.dimension), current),
            owner: a.owner.clone(),
            reason: format!(
                "Readiness gap in {}: {} Fixing it adds about {} points to the overall score.",
                a.dimension.label().to_lowercase(),
                a.evidence,
                a.gain
            ),
            section: a.section,
        });
    }

    // Tasks the plan already has under a candidate's title, by phase.
    // Comparing lengths first spares hashing almost every title.
    let titles: FxHashSet<&str> = candidates.iter().map(|c| c.title.as_str()).collect();
    let mut lengths = vec![false; titles.iter().map(|t| t.len() + 1).max().unwrap_or(0)];
    for t in &titles {
        if let Some(slot) = lengths.get_mut(t.len()) {
            *slot = true;
        }
    }
    let existing: FxHashSet<(Option<&str>, &str)> = plan
        .tasks
        .iter()
        .map(|t| (t.phase.as_ref().map(Id::as_str), t.title.trim()))
        .filter(|(_, title)| lengths.get(title.len()) == Some(&true) && titles.contains(title))
        .collect();
    let mut taken: HashSet<(Option<usize>, String)> = HashSet::new();
    let mut chosen: Vec<Candidate> = Vec::new();
    for c in candidates {
        if chosen.len() >= MAX_SUGGESTIONS {
            break;
        }
        let phase_id = c
            .phase
            .and_then(|i| plan.phases.get(i))
            .map(|p| p.id.as_str());
        if c.title.is_empty() || existing.contains(&(phase_id, c.title.as_str())) {
            continue;
        }
        if taken.insert((c.phase, c.title.clone())) {
            chosen.push(c);
        }
    }

    let next_phases: FxHashSet<&str> = chosen
        .iter()
        .filter_map(|c| plan.phases.get(c.phase? + 1))
        .map(|p| p.id.as_str())
        .collect();
    let entries = entry_tasks(plan, graph, &next_phases);
    let people: HashSet<&str> = plan.stakeholders.iter().map(|s| s.id.as_str()).collect();
    let ids = fresh_ids(plan, chosen.len());
    chosen
        .into_iter()
        .zip(ids)
        .map(|(c, id)| {
            let phase = c.phase.and_then(|i| plan.phases.get(i));
            let next = c.phase.and_then(|i| plan.phases.get(i + 1));
            let blocks = next
                .and_then(|p| entries.get(p.id.as_str()))
                .cloned()
                .unwrap_or_default();
            let owner = c
                .owner
                .or_else(|| phase.and_then(|p| p.owner.clone()))
                .or_else(|| plan.ownership.initiative_owner.clone())
                .filter(|o| people.contains(o.as_str()));
            Suggestion {
                key: c.key,
                source: c.source,
                task: Task {
                    id,
                    title: c.title,
                    phase: phase.map(|p| p.id.clone()),
                    owner,
                    duration_days: Some(default_days(c.section)),
                    depends_on: Vec::new(),
                    status: TaskStatus::Todo,
                    notes: c.reason.clone(),
                    ..Task::default()
                },
                blocks,
                reason: c.reason,
                section: c.section,
            }
        })
        .collect()
}

/// Adds a suggested task to the plan and makes the tasks it blocks depend on
/// it. Returns the id of the task in the plan.
///
/// If a task with the same title is already in the same phase, nothing is
/// added and its id is returned. The task gets a fresh id when its suggested
/// one has been taken since; a phase or owner that no longer exists is
/// cleared; blocked tasks that no longer exist are skipped, and so is any
/// dependency that would close a loop.
pub fn accept(plan: &mut Plan, suggestion: &Suggestion) -> Id {
    let mut task = suggestion.task.clone();
    task.title = task.title.trim().to_string();
    if task
        .phase
        .as_ref()
        .is_some_and(|p| !plan.phases.iter().any(|ph| &ph.id == p))
    {
        task.phase = None;
    }
    if let Some(same) = plan
        .tasks
        .iter()
        .find(|t| t.phase == task.phase && t.title.trim() == task.title)
    {
        return same.id.clone();
    }
    if task
        .owner
        .as_ref()
        .is_some_and(|o| !plan.stakeholders.iter().any(|s| &s.id == o))
    {
        task.owner = None;
    }
    let ids: HashSet<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    task.depends_on
        .retain(|d| ids.contains(d.as_str()) && d != &task.id);
    if task.id.0.trim().is_empty() || ids.contains(task.id.as_str()) {
        task.id = new_id(plan, "task");
    }
    let id = task.id.clone();
    let may_loop = !task.depends_on.is_empty();
    plan.tasks.push(task);
    for blocked in &suggestion.blocks {
        if blocked == &id || (may_loop && dependency_cycle(plan, blocked, &id).is_some()) {
            continue;
        }
        if let Some(t) = plan.tasks.iter_mut().find(|t| &t.id == blocked) {
            if !t.depends_on.contains(&id) {
                t.depends_on.push(id.clone());
            }
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::gates::gates;
    use crate::analysis::readiness::readiness;
    use crate::analysis::risk::assess;
    use crate::analysis::schedule::schedule;
    use crate::model::{Phase, Stakeholder};
    use crate::testing::rich;

    fn suggest(plan: &Plan) -> Vec<Suggestion> {
        let risk = assess(plan);
        suggestions(plan, &readiness(plan, &risk), &gates(plan, &risk))
    }

    #[test]
    fn blank_plan_gets_foundation_work_first() {
        let plan = Plan::blank();
        let s = suggest(&plan);
        assert_eq!(s.len(), MAX_SUGGESTIONS);
        // The eight foundation gate criteria come first, in the foundation phase.
        assert!(s[..8].iter().all(
            |x| x.source == SuggestionSource::Gate && x.task.phase == Some(Id::from("phase-1"))
        ));
        assert_eq!(s[0].key, "gate:phase-1:foundation.deliverable.context_pack");
        assert_eq!(
            s[0].task.title,
            "Write the context pack (terminology, voice, archetypes) and get it approved"
        );
        assert!(s.iter().any(|x| x.source == SuggestionSource::Readiness));
        let ids: HashSet<&Id> = s.iter().map(|x| &x.task.id).collect();
        assert_eq!(ids.len(), s.len(), "ids are unique in the batch");
        assert_eq!(s[0].task.id, Id::from("task-1"));
        let titles: HashSet<(Option<&Id>, &str)> = s
            .iter()
            .map(|x| (x.task.phase.as_ref(), x.task.title.as_str()))
            .collect();
        assert_eq!(titles.len(), s.len(), "no title repeats within a phase");
        assert!(s.iter().all(|x| x.task.duration_days.is_some()
            && x.task.depends_on.is_empty()
            && !x.reason.is_empty()));
    }

    #[test]
    fn rich_plan_suggests_only_the_open_scaling_criterion() {
        let plan = rich();
        let s = suggest(&plan);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].key, "gate:phase-4:user.x-1");
        assert_eq!(s[0].task.phase, Some(Id::from("phase-4")));
        assert_eq!(s[0].task.owner, Some(Id::from("s-ops")));
        assert!(s[0].blocks.is_empty(), "the last phase has no next phase");
        assert_eq!(
            s[0].task.id,
            Id::from("task-1"),
            "rich plan ids are t-N, so task-1 is free"
        );
    }

    #[test]
    fn blocks_are_the_entry_tasks_of_the_next_phase() {
        let mut plan = rich();
        plan.phases[0].status = PhaseStatus::InProgress;
        plan.phases[1].status = PhaseStatus::NotStarted;
        plan.deliverables[0].status = crate::model::DeliverableStatus::Drafted;
        let s = suggest(&plan);
        let first = &s[0];
        assert_eq!(
            first.key,
            "gate:phase-1:foundation.deliverable.context_pack"
        );
        assert_eq!(
            first.task.owner,
            Some(Id::from("s-ops")),
            "the deliverable's owner"
        );
        // Phase 2's tasks: t-4 depends only on phase-1 tasks; t-5 and t-6 depend inside phase 2.
        assert_eq!(first.blocks, [Id::from("t-4")]);
    }

    #[test]
    fn readiness_gaps_go_to_the_phase_the_domain_places_them_in() {
        let mut plan = rich();
        plan.phases
            .iter_mut()
            .for_each(|p| p.status = PhaseStatus::NotStarted);
        plan.phases[3].exit_criteria.clear();
        plan.change.leadership.clear(); // change: deployment phase
        plan.data_sources[0].owner = None; // data: foundation phase
        let s = suggest(&plan);
        let find = |key: &str| {
            s.iter()
                .find(|x| x.key == key)
                .unwrap_or_else(|| panic!("{key} in {s:?}"))
        };
        assert_eq!(
            find("readiness:change.leadership").task.phase,
            Some(Id::from("phase-2"))
        );
        assert_eq!(
            find("readiness:data.owners").task.phase,
            Some(Id::from("phase-1"))
        );
        assert_eq!(find("readiness:data.owners").blocks, [Id::from("t-4")]);

        // Once the foundation gate has passed, foundation work moves to the current phase.
        plan.phases[0].status = PhaseStatus::GatePassed;
        let s = suggest(&plan);
        let data = s.iter().find(|x| x.key == "readiness:data.owners");
        assert_eq!(
            data.and_then(|x| x.task.phase.clone()),
            Some(Id::from("phase-2"))
        );
    }

    #[test]
    fn accepted_suggestions_are_not_suggested_again_and_keep_the_plan_acyclic() {
        let mut plan = rich();
        plan.phases
            .iter_mut()
            .for_each(|p| p.status = PhaseStatus::NotStarted);
        plan.deliverables
            .iter_mut()
            .for_each(|d| d.status = crate::model::DeliverableStatus::Drafted);
        let before = suggest(&plan);
        assert!(before.len() >= 4);
        for s in &before {
            let id = accept(&mut plan, s);
            assert_eq!(id, s.task.id);
        }
        assert!(schedule(&plan).is_ok(), "accepting never creates a loop");
        let t4 = plan
            .tasks
            .iter()
            .find(|t| t.id == Id::from("t-4"))
            .map(|t| t.depends_on.clone())
            .expect("t-4 is in the plan");
        assert!(t4.contains(&before[0].task.id), "{t4:?}");
        let after = suggest(&plan);
        let again: Vec<&str> = after
            .iter()
            .filter(|a| before.iter().any(|b| b.key == a.key))
            .map(|a| a.key.as_str())
            .collect();
        assert!(again.is_empty(), "{again:?}");
        // Accepting twice adds nothing.
        let count = plan.tasks.len();
        assert_eq!(accept(&mut plan, &before[0]), before[0].task.id);
        assert_eq!(plan.tasks.len(), count);
    }

    #[test]
    fn accept_copes_with_a_plan_that_changed() {
        let mut plan = Plan::blank();
        let s = suggest(&plan);
        let mut stale = s[0].clone();
        stale.blocks = vec![Id::from("gone")];
        stale.task.owner = Some(Id::from("nobody"));
        plan.tasks.push(Task {
            id: stale.task.id.clone(),
            title: "Something else".into(),
            ..Task::default()
        });
        plan.phases.retain(|p| p.kind != PhaseKind::Foundation);
        let id = accept(&mut plan, &stale);
        assert_ne!(id, stale.task.id, "the suggested id was taken meanwhile");
        let added = plan
            .tasks
            .iter()
            .find(|t| t.id == id)
            .cloned()
            .expect("the accepted task was added");
        assert_eq!((added.phase, added.owner), (None, None));
        assert_eq!(plan.tasks.len(), 2);
    }

    #[test]
    fn accept_skips_a_dependency_that_would_loop() {
        let mut plan = Plan::blank();
        plan.tasks = vec![
            Task {
                id: Id::from("a"),
                ..Task::default()
            },
            Task {
                id: Id::from("b"),
                depends_on: vec![Id::from("a")],
                ..Task::default()
            },
        ];
        let s = Suggestion {
            key: "k".into(),
            source: SuggestionSource::Gate,
            task: Task {
                id: Id::from("n"),
                title: "New".into(),
                depends_on: vec![Id::from("b")],
                ..Task::default()
            },
            blocks: vec![Id::from("a"), Id::from("n")],
            reason: String::new(),
            section: 9,
        };
        accept(&mut plan, &s);
        assert!(
            plan.tasks[0].depends_on.is_empty(),
            "a → n → b → a would loop"
        );
        assert!(schedule(&plan).is_ok());
    }

    #[test]
    fn owners_fall_back_to_the_phase_owner_and_must_exist() {
        let mut plan = Plan::blank();
        plan.stakeholders.push(Stakeholder {
            id: Id::from("s-1"),
            name: "Ana".into(),
            ..Stakeholder::default()
        });
        plan.phases[0].owner = Some(Id::from("s-1"));
        plan.phases[1].owner = Some(Id::from("ghost"));
        let s = suggest(&plan);
        let foundation: Vec<_> = s
            .iter()
            .filter(|x| x.task.phase == Some(Id::from("phase-1")))
            .collect();
        assert!(foundation
            .iter()
            .all(|x| x.task.owner == Some(Id::from("s-1"))));
        assert!(s
            .iter()
            .filter(|x| x.task.phase == Some(Id::from("phase-2")))
            .all(|x| x.task.owner.is_none()));
    }

    #[test]
    fn fresh_ids_skip_everything_in_use() {
        let mut plan = Plan::blank();
        plan.tasks.push(Task {
            id: Id::from("task-7"),
            ..Task::default()
        });
        assert_eq!(
            fresh_ids(&plan, 2),
            [Id::from("task-8"), Id::from("task-9")]
        );
        plan.tasks.push(Task {
            id: Id(format!("task-{}", u64::MAX)),
            ..Task::default()
        });
        plan.tasks.push(Task {
            id: Id::from("task-suggested-0"),
            ..Task::default()
        });
        assert_eq!(
            fresh_ids(&plan, 2),
            [Id::from("task-suggested-1"), Id::from("task-suggested-2")]
        );
        let empty = Plan {
            phases: vec![Phase::default()],
            ..Plan::default()
        };
        assert!(fresh_ids(&empty, 0).is_empty());
    }
}
