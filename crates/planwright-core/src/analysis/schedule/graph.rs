//! The plan's tasks read once into flat adjacency arrays.
//!
//! Ids are mapped to positions in `plan.tasks` once; each task's distinct
//! dependencies become slices of two flat arrays (both directions), which
//! the scheduler walks without hashing again.

use rustc_hash::FxHashMap;

use crate::model::Plan;
use crate::text::{cap, named, quoted, unnamed};

use super::{ScheduleWarning, WarningKind};

/// Maps each task id to the position of the first task with that id.
pub(crate) fn id_index(plan: &Plan) -> FxHashMap<&str, usize> {
    let mut index = FxHashMap::with_capacity_and_hasher(plan.tasks.len(), Default::default());
    for (i, t) in plan.tasks.iter().enumerate() {
        index.entry(t.id.as_str()).or_insert(i);
    }
    index
}

/// How messages name the task at `i` mid-sentence: its quoted title, or
/// `unnamed task N` (see [`crate::text::named`]).
pub(super) fn task_name(plan: &Plan, i: usize) -> String {
    match plan.tasks.get(i) {
        // Short titles, the usual case, need one allocation, not three.
        Some(t) => match t.title.trim() {
            "" => unnamed("task", i),
            short if short.len() <= 60 => format!("'{short}'"),
            long => quoted(long, ""),
        },
        None => String::new(),
    }
}

/// The distinct dependencies of every task as compact adjacency lists
/// (positions in `plan.tasks`), both ways. Scheduling walks these flat
/// arrays; a petgraph graph is built only when there is a loop to explain.
pub(super) struct Deps {
    /// The position in `plan.phases` of each task's phase, when it names one.
    pub(super) task_phase: Vec<Option<usize>>,
    /// Task `i` depends on `pred[pred_at[i]..pred_at[i + 1]]`.
    pub(super) pred_at: Vec<usize>,
    pub(super) pred: Vec<usize>,
    /// Task `i` is a dependency of `succ[succ_at[i]..succ_at[i + 1]]`.
    pub(super) succ_at: Vec<usize>,
    pub(super) succ: Vec<usize>,
}

impl Deps {
    pub(super) fn preds(&self, i: usize) -> &[usize] {
        slice(&self.pred, &self.pred_at, i)
    }

    pub(super) fn succs(&self, i: usize) -> &[usize] {
        slice(&self.succ, &self.succ_at, i)
    }
}

fn slice<'a>(items: &'a [usize], at: &[usize], i: usize) -> &'a [usize] {
    match (at.get(i), at.get(i + 1)) {
        (Some(&a), Some(&b)) => items.get(a..b).unwrap_or_default(),
        _ => &[],
    }
}

/// Reads the dependencies once: resolves ids, drops dangling and repeated
/// ones, and notes dependencies on a later phase.
fn build(
    plan: &Plan,
    index: &FxHashMap<&str, usize>,
    warnings: &mut Vec<(usize, ScheduleWarning)>,
) -> Deps {
    let n = plan.tasks.len();
    let edges: usize = plan.tasks.iter().map(|t| t.depends_on.len()).sum();
    let phase_pos: FxHashMap<&str, usize> = plan
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let task_phase: Vec<Option<usize>> = plan
        .tasks
        .iter()
        .map(|t| {
            t.phase
                .as_ref()
                .and_then(|p| phase_pos.get(p.as_str()).copied())
        })
        .collect();
    let mut pred_at = Vec::with_capacity(n + 1);
    let mut pred = Vec::with_capacity(edges);
    pred_at.push(0);
    // `seen_by[j] == i` marks that task i already depends on j, so a
    // duplicate costs no allocation.
    let mut seen_by = vec![usize::MAX; n];
    for (i, task) in plan.tasks.iter().enumerate() {
        let mine = task_phase[i];
        for (k, dep) in task.depends_on.iter().enumerate() {
            let Some(&j) = index.get(dep.as_str()) else {
                continue;
            };
            if seen_by[j] == i {
                continue;
            }
            seen_by[j] = i;
            pred.push(j);
            if let (Some(mine), Some(theirs)) = (mine, task_phase[j]) {
                if theirs > mine {
                    let later = plan
                        .phases
                        .get(theirs)
                        .map(|p| named(&p.name, "phase", theirs));
                    warnings.push((
                        i,
                        ScheduleWarning {
                            kind: WarningKind::LaterPhaseDependency,
                            task: task.id.clone(),
                            path: format!("tasks[{i}].depends_on[{k}]"),
                            message: format!(
                                "{} depends on {}, which belongs to a later phase ({}); move one of them or drop the dependency.",
                                cap(&task_name(plan, i)),
                                task_name(plan, j),
                                later.unwrap_or_default()
                            ),
                        },
                    ));
                }
            }
        }
        pred_at.push(pred.len());
    }
    // Successor lists by counting sort: each list comes out in plan order.
    let mut succ_at = vec![0usize; n + 1];
    for &j in &pred {
        succ_at[j + 1] += 1;
    }
    for i in 0..n {
        succ_at[i + 1] += succ_at[i];
    }
    let mut fill = succ_at.clone();
    let mut succ = vec![0usize; pred.len()];
    for i in 0..n {
        for &j in slice(&pred, &pred_at, i) {
            succ[fill[j]] = i;
            fill[j] += 1;
        }
    }
    Deps {
        task_phase,
        pred_at,
        pred,
        succ_at,
        succ,
    }
}

/// The plan's tasks and dependencies read once (ids resolved, dangling and
/// repeated dependencies dropped), shared by the schedule and the
/// suggestions so a large plan is hashed through only once per analysis.
pub(crate) struct TaskGraph {
    pub(super) deps: Deps,
    /// Dependencies on a task of a later phase, by task position.
    pub(super) later_phase: Vec<(usize, ScheduleWarning)>,
}

impl TaskGraph {
    pub(crate) fn new(plan: &Plan) -> TaskGraph {
        let index = id_index(plan);
        let mut later_phase = Vec::new();
        let deps = build(plan, &index, &mut later_phase);
        TaskGraph { deps, later_phase }
    }

    /// The position in `plan.phases` of task `i`'s phase.
    pub(crate) fn phase_of(&self, i: usize) -> Option<usize> {
        self.deps.task_phase.get(i).copied().flatten()
    }

    /// True when task `i` depends on another task of its own phase.
    pub(crate) fn depends_within_phase(&self, i: usize) -> bool {
        let Some(mine) = self.phase_of(i) else {
            return false;
        };
        self.deps
            .preds(i)
            .iter()
            .any(|&j| self.phase_of(j) == Some(mine))
    }
}
