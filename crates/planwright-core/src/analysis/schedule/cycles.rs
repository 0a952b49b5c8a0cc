//! Dependency loops: every loop named when the tasks cannot be ordered, and
//! a check that tells, before an edit, whether a new dependency would close
//! one.
//!
//! Only when the scheduler cannot place every task is a petgraph graph built:
//! its `kosaraju_scc` (iterative, unlike petgraph's `tarjan_scc`) finds the
//! strongly connected components, so a loop of 100,000 tasks does not
//! overflow the browser's small stack. petgraph appears in no public
//! signature.

use std::collections::{BTreeMap, VecDeque};
use std::fmt;

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;

use crate::model::{Id, Plan};
use crate::text::named;

use super::graph::{id_index, Deps};

/// The dependencies loop, so no order exists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CycleError {
    /// Each loop as the ids of all tasks caught in it, in plan order; loops
    /// ordered by their first task. A task that depends on itself is a loop
    /// of one.
    pub cycles: Vec<Vec<Id>>,
    /// The title of every task named in `cycles`.
    pub titles: BTreeMap<Id, String>,
    /// The place in the plan of every task named in `cycles`, so one
    /// without a title can still be named ("unnamed task 3"). Left out of
    /// the JSON: `cycles` already gives the ids.
    #[serde(skip)]
    pub positions: BTreeMap<Id, usize>,
}

impl CycleError {
    /// How messages name a task of a loop: its quoted title, or
    /// `unnamed task N` by its place in the plan.
    pub fn name(&self, id: &Id) -> String {
        let title = self.titles.get(id).map(String::as_str).unwrap_or_default();
        let at = self.positions.get(id).copied().unwrap_or_default();
        named(title, "task", at)
    }
}

/// How many tasks of one loop the message names before summarising.
pub(super) const NAMES_PER_LOOP: usize = 8;

impl fmt::Display for CycleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.cycles.len() {
            1 => f.write_str(
                "Some tasks depend on each other in a loop, so they cannot be put in order.",
            )?,
            n => write!(
                f,
                "Tasks depend on each other in {n} loops, so they cannot be put in order."
            )?,
        }
        for (k, cycle) in self.cycles.iter().enumerate() {
            write!(f, " Loop {}: ", k + 1)?;
            if let [only] = cycle.as_slice() {
                write!(f, "{} depends on itself.", self.name(only))?;
                continue;
            }
            let names: Vec<String> = cycle
                .iter()
                .take(NAMES_PER_LOOP)
                .map(|id| self.name(id))
                .collect();
            f.write_str(&names.join(", "))?;
            if cycle.len() > NAMES_PER_LOOP {
                write!(f, " and {} more", cycle.len() - NAMES_PER_LOOP)?;
            }
            f.write_str(".")?;
        }
        f.write_str(" Remove one dependency from each loop.")
    }
}

impl std::error::Error for CycleError {}

/// Every loop, found as the strongly connected components of the
/// dependency graph with petgraph's Kosaraju implementation (iterative,
/// unlike its Tarjan one, so long loops cannot overflow the stack).
pub(super) fn cycles(plan: &Plan, deps: &Deps) -> CycleError {
    let n = plan.tasks.len();
    let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(n, deps.pred.len());
    for _ in 0..n {
        graph.add_node(());
    }
    for i in 0..n {
        for &j in deps.preds(i) {
            graph.add_edge(NodeIndex::new(j), NodeIndex::new(i), ());
        }
    }
    let mut loops: Vec<Vec<usize>> = kosaraju_scc(&graph)
        .into_iter()
        .map(|c| c.into_iter().map(NodeIndex::index).collect::<Vec<usize>>())
        .filter(|c| match c.as_slice() {
            [one] => deps.preds(*one).contains(one),
            _ => true,
        })
        .map(|mut members| {
            members.sort_unstable();
            members
        })
        .collect();
    loops.sort_unstable_by_key(|c| c.first().copied());
    let mut titles = BTreeMap::new();
    let mut positions = BTreeMap::new();
    let cycles = loops
        .into_iter()
        .map(|members| {
            members
                .into_iter()
                .filter_map(|i| Some((i, plan.tasks.get(i)?)))
                .map(|(i, t)| {
                    titles.insert(t.id.clone(), t.title.clone());
                    positions.entry(t.id.clone()).or_insert(i);
                    t.id.clone()
                })
                .collect()
        })
        .collect();
    CycleError {
        cycles,
        titles,
        positions,
    }
}

/// The loop that making `task` depend on `new_dep` would close, as the chain
/// `new_dep` → … → `task` where each task depends on the next; `None` when
/// the new dependency is safe or either id names no task.
///
/// Runs a breadth-first search, so the chain returned is a shortest one.
///
/// ```
/// use planwright_core::model::{Id, Plan, Task};
/// use planwright_core::analysis::schedule::dependency_cycle;
///
/// let mut plan = Plan::blank();
/// plan.tasks = vec![
///     Task { id: Id::from("a"), ..Task::default() },
///     Task { id: Id::from("b"), depends_on: vec![Id::from("a")], ..Task::default() },
/// ];
/// // a depending on b would close the loop b → a.
/// assert_eq!(dependency_cycle(&plan, &Id::from("a"), &Id::from("b")), Some(vec![Id::from("b"), Id::from("a")]));
/// assert_eq!(dependency_cycle(&plan, &Id::from("b"), &Id::from("a")), None);
/// ```
pub fn dependency_cycle(plan: &Plan, task: &Id, new_dep: &Id) -> Option<Vec<Id>> {
    let index = id_index(plan);
    let target = *index.get(task.as_str())?;
    let from = *index.get(new_dep.as_str())?;
    if from == target {
        return Some(vec![task.clone()]);
    }
    const UNSEEN: usize = usize::MAX;
    let mut parent = vec![UNSEEN; plan.tasks.len()];
    parent[from] = from;
    let mut queue = VecDeque::from([from]);
    while let Some(at) = queue.pop_front() {
        let Some(t) = plan.tasks.get(at) else {
            continue;
        };
        for dep in &t.depends_on {
            let Some(&next) = index.get(dep.as_str()) else {
                continue;
            };
            if parent[next] != UNSEEN {
                continue;
            }
            parent[next] = at;
            if next == target {
                let mut chain = vec![next];
                let mut step = next;
                while step != from {
                    step = parent[step];
                    chain.push(step);
                }
                chain.reverse();
                return Some(
                    chain
                        .into_iter()
                        .filter_map(|i| plan.tasks.get(i))
                        .map(|t| t.id.clone())
                        .collect(),
                );
            }
            queue.push_back(next);
        }
    }
    None
}
