//! Task order, critical path and calendar.
//!
//! Contract: [`schedule`] reads the plan's tasks and their `depends_on` lists
//! and either returns a [`Schedule`] or, when dependencies loop, a
//! [`CycleError`] naming every task on every loop. [`dependency_cycle`] tells
//! the UI, before an edit, whether a new dependency would close a loop.
//!
//! Invariants and limits:
//! - Dependencies on ids no task has, and a dependency listed twice, are
//!   ignored here (validation reports them). A task depending on itself is a
//!   loop.
//! - When two tasks share an id, references resolve to the first of them.
//! - Durations are whole working days; a missing duration counts as zero and
//!   is warned about. Offsets count working days from the plan start, and a
//!   task occupies offsets `[earliest_start, earliest_finish)`.
//! - `order` lists every task once, dependencies before dependents; among
//!   tasks free to go next, the one earlier in the plan comes first.
//! - Every task on `critical_path` has zero slack, and the path runs from a
//!   task with no dependencies to a task nothing depends on.
//! - Calendar dates skip Saturdays and Sundays and nothing else; a start date
//!   on a weekend moves to the following Monday.
//! - Time and memory are linear in tasks plus dependencies (the ready queue
//!   adds a logarithm), and nothing recurses, so 100,000 tasks in one chain
//!   fit the browser's small stack. The weekly view ([`Schedule::weekly`])
//!   is worked out on request, capped at [`MAX_WEEKS`] weeks and a budget
//!   of entries linear in the task count.
//!
//! How: ids are mapped to positions once; dependencies become flat
//! adjacency arrays; Kahn's algorithm orders them and two passes give the
//! earliest and latest times. Only when Kahn's algorithm cannot place every
//! task is a petgraph graph built, and its `kosaraju_scc` (iterative, unlike
//! petgraph's `tarjan_scc`) finds every loop. petgraph appears in no public
//! signature.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet, VecDeque};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;

use crate::choice;
use crate::date::Date;
use crate::model::{Id, Plan};
use crate::text::quoted;

/// The weekly view stops after this many weeks (ten years of working weeks).
pub const MAX_WEEKS: usize = 520;

/// Timing of one task, in working days from the plan start.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskTiming {
    /// The task.
    pub id: Id,
    /// First working-day offset the task can start on.
    pub earliest_start: u64,
    /// Offset just after its last working day at the earliest.
    pub earliest_finish: u64,
    /// Latest start that does not delay the plan.
    pub latest_start: u64,
    /// Latest finish that does not delay the plan.
    pub latest_finish: u64,
    /// Working days it can slip without delaying the plan.
    pub slack: u64,
    /// True when it has no slack.
    pub critical: bool,
    /// Calendar day it starts, when the plan has a start date.
    pub start: Option<Date>,
    /// Calendar day of its last working day (its start day for a milestone),
    /// when the plan has a start date.
    pub finish: Option<Date>,
}

/// One week of the schedule: five working days from the plan start.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Week {
    /// 0 for the first week.
    pub index: usize,
    /// Its first working day, when the plan has a start date.
    pub start: Option<Date>,
    /// Tasks at work during the week (milestones in the week they fall),
    /// by earliest start, then plan order.
    pub tasks: Vec<Id>,
}

choice! {
    /// What a schedule warning is about.
    WarningKind {
        LaterPhaseDependency = "later_phase_dependency": "Depends on a later phase",
        NoOwner = "no_owner": "No owner",
        NoDuration = "no_duration": "No duration",
    }
    default NoOwner
}

/// Something about a task that weakens the schedule without breaking it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleWarning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// The task concerned.
    pub task: Id,
    /// The field concerned, such as `tasks[3].owner`.
    pub path: String,
    /// What is wrong and what to do, for a person.
    pub message: String,
}

/// The roadmap's tasks in order, with timings and the critical path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Schedule {
    /// Every task id once, dependencies first.
    pub order: Vec<Id>,
    /// Timing of each task, in plan order (same positions as `plan.tasks`).
    pub tasks: Vec<TaskTiming>,
    /// One longest chain of dependent tasks, first to last; all zero slack.
    pub critical_path: Vec<Id>,
    /// Working days from the start of the first task to the end of the last.
    pub total_days: u64,
    /// First working day, when the plan has a start date.
    pub start_date: Option<Date>,
    /// Last working day of the plan, when the plan has a start date and some
    /// work takes time.
    pub finish_date: Option<Date>,
    /// Week-by-week view from the start.
    /// Warnings, task by task in plan order.
    pub warnings: Vec<ScheduleWarning>,
}

impl Schedule {
    /// The timing of a task, if it is in the schedule.
    pub fn timing(&self, id: &Id) -> Option<&TaskTiming> {
        self.tasks.iter().find(|t| &t.id == id)
    }
}

/// The dependencies loop, so no order exists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CycleError {
    /// Each loop as the ids of all tasks caught in it, in plan order; loops
    /// ordered by their first task. A task that depends on itself is a loop
    /// of one.
    pub cycles: Vec<Vec<Id>>,
    /// The title of every task named in `cycles`.
    pub titles: BTreeMap<Id, String>,
}

impl CycleError {
    fn name(&self, id: &Id) -> String {
        let title = self.titles.get(id).map(String::as_str).unwrap_or_default();
        quoted(title, &format!("'{id}'"))
    }
}

/// How many tasks of one loop the message names before summarising.
const NAMES_PER_LOOP: usize = 8;

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

/// A fast, non-cryptographic hasher for id lookups (the multiply-rotate
/// scheme of rustc's FxHasher, with murmur3's finalizer). Ids come from the
/// person's own file, so
/// resistance to crafted collisions buys nothing, while SipHash dominated
/// the cost of scheduling large plans.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // Words are assembled byte by byte: a variable-length copy would
        // become a call to memcpy for every key, which costs more than the
        // hashing itself.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(word(chunk));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(word(rest));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// Mixes the high bits down: the multiply-rotate steps leave little
    /// entropy in the low bits (ids such as `t-1`, `t-2` share their first
    /// bytes), and the table picks buckets by the low bits.
    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// Up to eight bytes as one word, without a variable-length copy: two
/// overlapping fixed-size reads for four or more bytes, three single bytes
/// below that. Different inputs may share a word; that only costs a probe.
#[inline]
fn word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let four = |at: usize| -> u64 {
        match bytes.get(at..at + 4) {
            Some(&[a, b, c, d]) => u64::from(u32::from_le_bytes([a, b, c, d])),
            _ => 0,
        }
    };
    let byte = |at: usize| -> u64 { bytes.get(at).copied().map_or(0, u64::from) };
    let mixed = if n >= 4 {
        four(0) | four(n - 4) << 32
    } else if n > 0 {
        byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16
    } else {
        0
    };
    mixed ^ (n as u64) << 59
}

/// A hash map keyed by ids, with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A hash set of ids, with [`FastHasher`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// Maps each task id to the position of the first task with that id.
pub(crate) fn id_index(plan: &Plan) -> FastMap<&str, usize> {
    let mut index = FastMap::with_capacity_and_hasher(plan.tasks.len(), Default::default());
    for (i, t) in plan.tasks.iter().enumerate() {
        index.entry(t.id.as_str()).or_insert(i);
    }
    index
}

fn task_name(plan: &Plan, i: usize) -> String {
    match plan.tasks.get(i) {
        // Short titles, the usual case, need one allocation, not three.
        Some(t) => match t.title.trim() {
            "" => format!("Task '{}'", t.id),
            short if short.len() <= 60 => format!("'{short}'"),
            long => quoted(long, ""),
        },
        None => String::new(),
    }
}

/// The distinct dependencies of every task as compact adjacency lists
/// (positions in `plan.tasks`), both ways. Scheduling walks these flat
/// arrays; a petgraph graph is built only when there is a loop to explain.
struct Deps {
    /// The position in `plan.phases` of each task's phase, when it names one.
    task_phase: Vec<Option<usize>>,
    /// Task `i` depends on `pred[pred_at[i]..pred_at[i + 1]]`.
    pred_at: Vec<usize>,
    pred: Vec<usize>,
    /// Task `i` is a dependency of `succ[succ_at[i]..succ_at[i + 1]]`.
    succ_at: Vec<usize>,
    succ: Vec<usize>,
}

impl Deps {
    fn preds(&self, i: usize) -> &[usize] {
        slice(&self.pred, &self.pred_at, i)
    }

    fn succs(&self, i: usize) -> &[usize] {
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
    index: &FastMap<&str, usize>,
    warnings: &mut Vec<(usize, ScheduleWarning)>,
) -> Deps {
    let n = plan.tasks.len();
    let edges: usize = plan.tasks.iter().map(|t| t.depends_on.len()).sum();
    let phase_pos: FastMap<&str, usize> = plan
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
                        .map(|p| quoted(&p.name, &format!("'{}'", p.id)));
                    warnings.push((
                        i,
                        ScheduleWarning {
                            kind: WarningKind::LaterPhaseDependency,
                            task: task.id.clone(),
                            path: format!("tasks[{i}].depends_on[{k}]"),
                            message: format!(
                                "{} depends on {}, which belongs to a later phase ({}); move one of them or drop the dependency.",
                                task_name(plan, i),
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
    deps: Deps,
    /// Dependencies on a task of a later phase, by task position.
    later_phase: Vec<(usize, ScheduleWarning)>,
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

/// Every loop, found as the strongly connected components of the
/// dependency graph with petgraph's Kosaraju implementation (iterative,
/// unlike its Tarjan one, so long loops cannot overflow the stack).
fn cycles(plan: &Plan, deps: &Deps) -> CycleError {
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
    let cycles = loops
        .into_iter()
        .map(|members| {
            members
                .into_iter()
                .filter_map(|i| plan.tasks.get(i))
                .map(|t| {
                    titles.insert(t.id.clone(), t.title.clone());
                    t.id.clone()
                })
                .collect()
        })
        .collect();
    CycleError { cycles, titles }
}

/// The date of working day `offset`, counting the first working day on or
/// after `start` as day 0 and skipping Saturdays and Sundays.
pub fn working_day(start: Date, offset: u64) -> Option<Date> {
    Calendar::new(start)?.day(offset)
}

/// Working days counted from a start, with the start's weekday worked out
/// once so each date costs a little arithmetic.
#[derive(Clone, Copy)]
struct Calendar {
    /// Day number of the first working day.
    first: i64,
    /// Its weekday, 0 = Monday … 4 = Friday.
    weekday: u64,
}

impl Calendar {
    fn new(start: Date) -> Option<Calendar> {
        let first = match start.weekday() {
            5 => start.add_days(2)?,
            6 => start.add_days(1)?,
            _ => start,
        };
        Some(Calendar {
            first: first.to_days(),
            weekday: u64::from(first.weekday()),
        })
    }

    fn day(self, offset: u64) -> Option<Date> {
        let rem = offset % 5;
        let weekend = if self.weekday + rem >= 5 { 2 } else { 0 };
        let days = (offset / 5).checked_mul(7)?.checked_add(rem + weekend)?;
        Date::from_days(self.first.checked_add(i64::try_from(days).ok()?)?)
    }
}

/// Orders the tasks, times them, finds the critical path and lays out the
/// weeks; or names every dependency loop.
///
/// ```
/// use planwright_core::model::{Id, Plan, Task};
/// use planwright_core::analysis::schedule::schedule;
///
/// let task = |id: &str, days: u32, deps: &[&str]| Task {
///     id: Id::from(id),
///     duration_days: Some(days),
///     depends_on: deps.iter().map(|d| Id::from(*d)).collect(),
///     ..Task::default()
/// };
/// let mut plan = Plan::blank();
/// plan.tasks = vec![task("a", 3, &[]), task("b", 2, &["a"]), task("c", 1, &["a"])];
/// let s = schedule(&plan).unwrap();
/// assert_eq!(s.total_days, 5);
/// assert_eq!(s.critical_path, [Id::from("a"), Id::from("b")]);
/// ```
pub fn schedule(plan: &Plan) -> Result<Schedule, CycleError> {
    schedule_graph(plan, TaskGraph::new(plan))
}

/// [`schedule`] from tasks already read into a [`TaskGraph`] of this plan.
pub(crate) fn schedule_graph(plan: &Plan, graph: TaskGraph) -> Result<Schedule, CycleError> {
    let n = plan.tasks.len();
    let TaskGraph { deps, later_phase } = graph;

    // Kahn's algorithm; the heap keeps free tasks in plan order.
    let mut indegree: Vec<usize> = (0..n).map(|i| deps.preds(i).len()).collect();
    let mut ready: BinaryHeap<Reverse<usize>> = indegree
        .iter()
        .enumerate()
        .filter(|(_, d)| **d == 0)
        .map(|(i, _)| Reverse(i))
        .collect();
    let mut order: Vec<usize> = Vec::with_capacity(n);
    while let Some(Reverse(i)) = ready.pop() {
        order.push(i);
        for &j in deps.succs(i) {
            indegree[j] -= 1;
            if indegree[j] == 0 {
                ready.push(Reverse(j));
            }
        }
    }
    if order.len() < n {
        return Err(cycles(plan, &deps));
    }

    let duration: Vec<u64> = plan
        .tasks
        .iter()
        .map(|t| u64::from(t.duration_days.unwrap_or(0)))
        .collect();
    let mut es = vec![0u64; n];
    let mut ef = vec![0u64; n];
    for &i in &order {
        let start = deps.preds(i).iter().map(|&p| ef[p]).max().unwrap_or(0);
        es[i] = start;
        ef[i] = start.saturating_add(duration[i]);
    }
    let total = ef.iter().copied().max().unwrap_or(0);
    let mut ls = vec![0u64; n];
    let mut lf = vec![0u64; n];
    for &i in order.iter().rev() {
        let finish = deps.succs(i).iter().map(|&s| ls[s]).min().unwrap_or(total);
        lf[i] = finish;
        ls[i] = finish.saturating_sub(duration[i]);
    }

    let critical_path = critical_path(&deps, &es, &ef, total);

    let calendar = plan.start_date.and_then(Calendar::new);
    // Most plans span fewer working days than they have tasks: work each
    // day's date out once.
    let span_limit = (n as u64).saturating_mul(2).saturating_add(64);
    let table: Vec<Option<Date>> = match calendar {
        Some(c) if total <= span_limit => (0..=total).map(|k| c.day(k)).collect(),
        _ => Vec::new(),
    };
    let date_of = |offset: u64| match usize::try_from(offset).ok().and_then(|k| table.get(k)) {
        Some(date) => *date,
        None => calendar.and_then(|c| c.day(offset)),
    };
    let start_date = date_of(0);
    let tasks: Vec<TaskTiming> = plan
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let slack = ls[i].saturating_sub(es[i]);
            let last_day = if duration[i] == 0 { es[i] } else { ef[i] - 1 };
            TaskTiming {
                id: t.id.clone(),
                earliest_start: es[i],
                earliest_finish: ef[i],
                latest_start: ls[i],
                latest_finish: lf[i],
                slack,
                critical: slack == 0,
                start: date_of(es[i]),
                finish: date_of(last_day),
            }
        })
        .collect();

    let warnings = warnings(plan, later_phase);
    Ok(Schedule {
        order: order
            .iter()
            .filter_map(|&i| plan.tasks.get(i))
            .map(|t| t.id.clone())
            .collect(),
        critical_path: critical_path
            .iter()
            .filter_map(|&i| plan.tasks.get(i))
            .map(|t| t.id.clone())
            .collect(),
        tasks,
        total_days: total,
        start_date,
        finish_date: if total == 0 { None } else { date_of(total - 1) },
        warnings,
    })
}

/// Walks back from the first task that ends the plan through dependencies
/// that finish exactly when their dependent starts.
fn critical_path(deps: &Deps, es: &[u64], ef: &[u64], total: u64) -> Vec<usize> {
    let end = (0..es.len()).find(|&i| ef[i] == total && deps.succs(i).is_empty());
    let Some(mut at) = end else { return Vec::new() };
    let mut path = vec![at];
    while let Some(&prev) = deps.preds(at).iter().filter(|&&p| ef[p] == es[at]).min() {
        path.push(prev);
        at = prev;
    }
    path.reverse();
    path
}

/// The week-by-week view of a schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weekly {
    /// Weeks of five working days from the start, each with the tasks at work.
    pub weeks: Vec<Week>,
    /// True when the list stops before the end of the plan (see [`MAX_WEEKS`]).
    pub truncated: bool,
}

impl Schedule {
    /// The week-by-week schedule from the plan's start date. Worked out on
    /// request rather than with every schedule, because it clones an id for
    /// every week a task spans and the live analysis never shows it.
    pub fn weekly(&self) -> Weekly {
        let (weeks, truncated) = weeks(&self.tasks, self.start_date);
        Weekly { weeks, truncated }
    }
}

/// The weeks of the plan and whether the list stops early. Each task is
/// listed in every week it is at work, up to [`MAX_WEEKS`] weeks and a total
/// of `8 × tasks + 4096` entries, so the size stays linear in the plan.
fn weeks(tasks: &[TaskTiming], start_date: Option<Date>) -> (Vec<Week>, bool) {
    let es: Vec<u64> = tasks.iter().map(|t| t.earliest_start).collect();
    let ef: Vec<u64> = tasks.iter().map(|t| t.earliest_finish).collect();
    let date_of = |offset: u64| start_date.and_then(|d| working_day(d, offset));
    let n = tasks.len();
    if n == 0 {
        return (Vec::new(), false);
    }
    let span = |i: usize| -> (u64, u64) {
        let first = es[i] / 5;
        let last = if ef[i] > es[i] {
            (ef[i] - 1) / 5
        } else {
            first
        };
        (first, last)
    };
    let needed = (0..n)
        .map(|i| span(i).1)
        .max()
        .unwrap_or(0)
        .saturating_add(1);
    let capped = usize::try_from(needed).unwrap_or(usize::MAX).min(MAX_WEEKS);
    let mut diff = vec![0i64; capped + 1];
    for i in 0..n {
        let (first, last) = span(i);
        let Ok(first) = usize::try_from(first) else {
            continue;
        };
        if first >= capped {
            continue;
        }
        let last = usize::try_from(last).unwrap_or(usize::MAX).min(capped - 1);
        diff[first] += 1;
        diff[last + 1] -= 1;
    }
    let budget = n.saturating_mul(8).saturating_add(4096);
    let mut used = 0usize;
    let mut active = 0i64;
    let mut counts = Vec::with_capacity(capped);
    for d in diff.iter().take(capped) {
        active += d;
        let count = usize::try_from(active).unwrap_or(0);
        if used.saturating_add(count) > budget {
            break;
        }
        used += count;
        counts.push(count);
    }
    let shown = counts.len();
    let mut weeks: Vec<Week> = counts
        .iter()
        .enumerate()
        .map(|(w, &count)| Week {
            index: w,
            start: date_of((w as u64).saturating_mul(5)),
            tasks: Vec::with_capacity(count),
        })
        .collect();
    // Tasks that start within the shown weeks, by earliest start and then
    // plan order: a counting sort over those few days, linear in the plan.
    let days = shown.saturating_mul(5);
    let day_of = |i: usize| usize::try_from(es[i]).ok().filter(|d| *d < days);
    let mut at = vec![0usize; days + 1];
    for d in (0..n).filter_map(day_of) {
        at[d + 1] += 1;
    }
    for d in 0..days {
        at[d + 1] += at[d];
    }
    let mut by_start = vec![0usize; at[days]];
    for i in 0..n {
        if let Some(d) = day_of(i) {
            by_start[at[d]] = i;
            at[d] += 1;
        }
    }
    for i in by_start {
        let (first, last) = span(i);
        let Ok(first) = usize::try_from(first) else {
            continue;
        };
        let last = usize::try_from(last).unwrap_or(usize::MAX);
        let Some(task) = tasks.get(i) else {
            continue;
        };
        for week in weeks.iter_mut().take(last.saturating_add(1)).skip(first) {
            week.tasks.push(task.id.clone());
        }
    }
    (weeks, (shown as u64) < needed)
}

fn warnings(plan: &Plan, later_phase: Vec<(usize, ScheduleWarning)>) -> Vec<ScheduleWarning> {
    let mut later = later_phase.into_iter().peekable();
    let mut out = Vec::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        while let Some((_, w)) = later.next_if(|(task, _)| *task == i) {
            out.push(w);
        }
        if t.owner.is_none() {
            out.push(ScheduleWarning {
                kind: WarningKind::NoOwner,
                task: t.id.clone(),
                path: format!("tasks[{i}].owner"),
                message: format!(
                    "{} has no owner; name who will see it done.",
                    task_name(plan, i)
                ),
            });
        }
        if t.duration_days.is_none() {
            out.push(ScheduleWarning {
                kind: WarningKind::NoDuration,
                task: t.id.clone(),
                path: format!("tasks[{i}].duration_days"),
                message: format!(
                    "{} has no duration, so it counts as zero days; estimate it in working days.",
                    task_name(plan, i)
                ),
            });
        }
    }
    out.extend(later.map(|(_, w)| w));
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Phase, Task};

    fn task(id: &str, days: u32, deps: &[&str]) -> Task {
        Task {
            id: Id::from(id),
            title: format!("Task {id}"),
            owner: Some(Id::from("s-1")),
            duration_days: Some(days),
            depends_on: deps.iter().map(|d| Id::from(*d)).collect(),
            ..Task::default()
        }
    }

    fn plan(tasks: Vec<Task>) -> Plan {
        Plan {
            tasks,
            ..Plan::default()
        }
    }

    fn ids(list: &[&str]) -> Vec<Id> {
        list.iter().map(|s| Id::from(*s)).collect()
    }

    #[test]
    fn empty_plan_has_an_empty_schedule() {
        let s = schedule(&Plan::blank()).unwrap();
        assert!(
            s.order.is_empty()
                && s.tasks.is_empty()
                && s.critical_path.is_empty()
                && s.weekly().weeks.is_empty()
        );
        assert_eq!(s.total_days, 0);
        assert!(!s.weekly().truncated);
    }

    #[test]
    fn diamond_critical_path_and_slack() {
        // a(2) → b(5) → d(1); a → c(1) → d
        let p = plan(vec![
            task("a", 2, &[]),
            task("b", 5, &["a"]),
            task("c", 1, &["a"]),
            task("d", 1, &["b", "c"]),
        ]);
        let s = schedule(&p).unwrap();
        assert_eq!(s.order, ids(&["a", "b", "c", "d"]));
        assert_eq!(s.total_days, 8);
        assert_eq!(s.critical_path, ids(&["a", "b", "d"]));
        let c = s.timing(&Id::from("c")).unwrap();
        assert_eq!(
            (
                c.earliest_start,
                c.earliest_finish,
                c.latest_start,
                c.latest_finish
            ),
            (2, 3, 6, 7)
        );
        assert_eq!(c.slack, 4);
        assert!(!c.critical);
        for id in ["a", "b", "d"] {
            let t = s.timing(&Id::from(id)).unwrap();
            assert!(t.critical && t.slack == 0, "{id}");
        }
    }

    #[test]
    fn order_puts_dependencies_first_and_otherwise_keeps_plan_order() {
        let p = plan(vec![
            task("c", 1, &["b"]),
            task("a", 1, &[]),
            task("b", 1, &["a"]),
            task("z", 1, &[]),
        ]);
        let s = schedule(&p).unwrap();
        assert_eq!(s.order, ids(&["a", "b", "c", "z"]));
    }

    #[test]
    fn dangling_and_duplicate_dependencies_are_ignored() {
        let p = plan(vec![task("a", 2, &[]), task("b", 3, &["a", "a", "ghost"])]);
        let s = schedule(&p).unwrap();
        assert_eq!(s.total_days, 5);
        assert_eq!(s.critical_path, ids(&["a", "b"]));
    }

    #[test]
    fn every_task_in_a_three_cycle_is_named() {
        let p = plan(vec![
            task("x", 1, &[]),
            task("a", 1, &["c", "x"]),
            task("b", 1, &["a"]),
            task("c", 1, &["b"]),
            task("y", 1, &["c"]),
        ]);
        let err = schedule(&p).unwrap_err();
        assert_eq!(err.cycles, vec![ids(&["a", "b", "c"])]);
        let text = err.to_string();
        for name in ["'Task a'", "'Task b'", "'Task c'"] {
            assert!(text.contains(name), "{text}");
        }
        assert!(
            !text.contains("Task x") && !text.contains("Task y"),
            "{text}"
        );
    }

    #[test]
    fn several_cycles_are_all_reported_with_every_member() {
        let p = plan(vec![
            task("s", 1, &["s"]), // a self-loop
            task("a", 1, &["b"]),
            task("b", 1, &["a"]),
            task("ok", 1, &["a"]),
            task("p", 1, &["r"]),
            task("q", 1, &["p"]),
            task("r", 1, &["q", "t"]),
            task("t", 1, &["p"]), // p → q → r → p and p → t → r: one component of four
        ]);
        let err = schedule(&p).unwrap_err();
        assert_eq!(
            err.cycles,
            vec![ids(&["s"]), ids(&["a", "b"]), ids(&["p", "q", "r", "t"])]
        );
        assert_eq!(err.titles.len(), 7);
        let text = err.to_string();
        assert!(
            text.contains("3 loops") && text.contains("'Task s' depends on itself"),
            "{text}"
        );
    }

    #[test]
    fn long_loops_are_summarised_in_the_message_but_listed_in_full() {
        let n = 50;
        let mut tasks: Vec<Task> = (0..n)
            .map(|i| task(&format!("t{i}"), 1, &[&format!("t{}", (i + 1) % n)]))
            .collect();
        tasks.push(task("free", 1, &[]));
        let err = schedule(&plan(tasks)).unwrap_err();
        assert_eq!(err.cycles.len(), 1);
        assert_eq!(err.cycles[0].len(), n);
        assert!(err
            .to_string()
            .contains(&format!("and {} more", n - NAMES_PER_LOOP)));
    }

    #[test]
    fn dates_skip_weekends() {
        // 2026-01-01 is a Thursday.
        let start: Date = "2026-01-01".parse().unwrap();
        let day = |k| working_day(start, k).unwrap().to_string();
        assert_eq!(day(0), "2026-01-01");
        assert_eq!(day(1), "2026-01-02");
        assert_eq!(day(2), "2026-01-05");
        assert_eq!(day(6), "2026-01-09");
        assert_eq!(day(7), "2026-01-12");
        let saturday: Date = "2026-01-03".parse().unwrap();
        assert_eq!(working_day(saturday, 0).unwrap().to_string(), "2026-01-05");
        assert_eq!(working_day(saturday, 5).unwrap().to_string(), "2026-01-12");
        assert_eq!(working_day(start, u64::MAX), None);

        let mut p = plan(vec![
            task("a", 3, &[]),
            task("m", 0, &["a"]),
            task("b", 2, &["m"]),
        ]);
        p.start_date = Some(start);
        let s = schedule(&p).unwrap();
        let a = s.timing(&Id::from("a")).unwrap();
        assert_eq!(
            (a.start.unwrap().to_string(), a.finish.unwrap().to_string()),
            ("2026-01-01".into(), "2026-01-05".into())
        );
        let m = s.timing(&Id::from("m")).unwrap();
        assert_eq!(
            (m.start, m.finish),
            (
                Some("2026-01-06".parse().unwrap()),
                Some("2026-01-06".parse().unwrap())
            )
        );
        let b = s.timing(&Id::from("b")).unwrap();
        assert_eq!(b.finish.unwrap().to_string(), "2026-01-07");
        assert_eq!(s.finish_date.unwrap().to_string(), "2026-01-07");
        assert_eq!(s.start_date, Some(start));
    }

    #[test]
    fn dates_are_the_same_with_or_without_the_day_table() {
        let start: Date = "2026-02-28".parse().unwrap(); // a Saturday
                                                         // A chain of short tasks spans fewer days than twice the tasks: dates
                                                         // come from the table. One long task does not: they are computed.
        let chain: Vec<Task> = (0..40)
            .map(|i| {
                let dep = format!("c{}", i.max(1) - 1);
                let deps: Vec<&str> = if i == 0 { vec![] } else { vec![dep.as_str()] };
                task(&format!("c{i}"), (i % 3) as u32, &deps)
            })
            .collect();
        for tasks in [
            chain,
            vec![task("long", 400, &[]), task("after", 2, &["long"])],
        ] {
            let mut p = plan(tasks);
            p.start_date = Some(start);
            let s = schedule(&p).unwrap();
            for t in &s.tasks {
                assert_eq!(t.start, working_day(start, t.earliest_start), "{}", t.id);
                let last = t.earliest_finish.max(t.earliest_start + 1) - 1;
                assert_eq!(t.finish, working_day(start, last), "{}", t.id);
            }
            assert_eq!(s.finish_date, working_day(start, s.total_days - 1));
        }
    }

    #[test]
    fn weeks_list_the_tasks_at_work() {
        let mut p = plan(vec![
            task("a", 7, &[]),
            task("b", 3, &["a"]),
            task("m", 0, &["a"]),
        ]);
        p.start_date = Some("2026-01-05".parse().unwrap()); // a Monday
        let s = schedule(&p).unwrap();
        let w = s.weekly();
        assert_eq!(w.weeks.len(), 2);
        assert_eq!(w.weeks[0].tasks, ids(&["a"]));
        assert_eq!(w.weeks[1].tasks, ids(&["a", "b", "m"]));
        assert_eq!(w.weeks[1].start.unwrap().to_string(), "2026-01-12");
        assert!(!s.weekly().truncated);
    }

    #[test]
    fn weeks_stay_small_for_huge_durations() {
        let tasks: Vec<Task> = (0..100)
            .map(|i| task(&format!("t{i}"), u32::MAX, &[]))
            .collect();
        let mut p = plan(tasks);
        p.start_date = Some("9999-12-01".parse().unwrap());
        let s = schedule(&p).unwrap();
        let w = s.weekly();
        assert!(w.truncated);
        let entries: usize = w.weeks.iter().map(|w| w.tasks.len()).sum();
        assert!(entries <= 8 * 100 + 4096, "{entries}");
        assert!(w.weeks.len() <= MAX_WEEKS);
        assert_eq!(s.finish_date, None, "beyond year 9999");
        assert_eq!(s.total_days, u64::from(u32::MAX));
    }

    #[test]
    fn warnings_for_later_phase_owner_and_duration() {
        let mut p = plan(vec![task("a", 1, &["b"]), task("b", 1, &[])]);
        p.phases = vec![
            Phase {
                id: Id::from("p1"),
                name: "Pilot".into(),
                ..Phase::default()
            },
            Phase {
                id: Id::from("p2"),
                name: "Scale".into(),
                ..Phase::default()
            },
        ];
        p.tasks[0].phase = Some(Id::from("p1"));
        p.tasks[1].phase = Some(Id::from("p2"));
        p.tasks[1].owner = None;
        p.tasks[1].duration_days = None;
        let s = schedule(&p).unwrap();
        let got: Vec<(WarningKind, &str)> = s
            .warnings
            .iter()
            .map(|w| (w.kind, w.path.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (WarningKind::LaterPhaseDependency, "tasks[0].depends_on[0]"),
                (WarningKind::NoOwner, "tasks[1].owner"),
                (WarningKind::NoDuration, "tasks[1].duration_days"),
            ]
        );
        assert!(
            s.warnings[0].message.contains("'Scale'"),
            "{}",
            s.warnings[0].message
        );
    }

    #[test]
    fn dependency_cycle_finds_the_closing_chain() {
        let p = plan(vec![
            task("a", 1, &[]),
            task("b", 1, &["a"]),
            task("c", 1, &["b"]),
            task("d", 1, &["a"]),
        ]);
        let id = Id::from;
        assert_eq!(
            dependency_cycle(&p, &id("a"), &id("c")),
            Some(ids(&["c", "b", "a"]))
        );
        assert_eq!(dependency_cycle(&p, &id("a"), &id("a")), Some(ids(&["a"])));
        assert_eq!(dependency_cycle(&p, &id("d"), &id("c")), None);
        assert_eq!(dependency_cycle(&p, &id("c"), &id("ghost")), None);
        assert_eq!(dependency_cycle(&p, &id("ghost"), &id("a")), None);
    }

    #[test]
    fn chain_of_100k_tasks_schedules_and_closing_it_is_detected() {
        let n = 100_000usize;
        let tasks: Vec<Task> = (0..n)
            .map(|i| {
                let deps: Vec<Id> = if i == 0 {
                    vec![]
                } else {
                    vec![Id(format!("t{}", i - 1))]
                };
                Task {
                    id: Id(format!("t{i}")),
                    duration_days: Some(1),
                    depends_on: deps,
                    ..Task::default()
                }
            })
            .collect();
        let mut p = plan(tasks);
        let s = schedule(&p).unwrap();
        assert_eq!(s.total_days, n as u64);
        assert_eq!(s.critical_path.len(), n);
        assert_eq!(s.order.first(), Some(&Id::from("t0")));
        assert_eq!(s.order.last(), Some(&Id(format!("t{}", n - 1))));
        let chain = dependency_cycle(&p, &Id::from("t0"), &Id(format!("t{}", n - 1))).unwrap();
        assert_eq!(chain.len(), n);
        p.tasks[0].depends_on.push(Id(format!("t{}", n - 1)));
        let err = schedule(&p).unwrap_err();
        assert_eq!(err.cycles.len(), 1);
        assert_eq!(err.cycles[0].len(), n);
    }

    #[test]
    fn wide_fan_out_and_fan_in_of_100k_tasks() {
        let n = 100_000usize;
        let mut tasks = vec![task("root", 1, &[])];
        tasks.extend((0..n).map(|i| Task {
            id: Id(format!("w{i}")),
            duration_days: Some(if i == n / 2 { 3 } else { 2 }),
            depends_on: vec![Id::from("root")],
            ..Task::default()
        }));
        let sink_deps: Vec<Id> = (0..n).map(|i| Id(format!("w{i}"))).collect();
        tasks.push(Task {
            id: Id::from("sink"),
            duration_days: Some(1),
            depends_on: sink_deps,
            ..Task::default()
        });
        let s = schedule(&plan(tasks)).unwrap();
        assert_eq!(s.total_days, 5);
        assert_eq!(
            s.critical_path,
            vec![
                Id::from("root"),
                Id(format!("w{}", n / 2)),
                Id::from("sink")
            ]
        );
        assert_eq!(s.tasks.iter().filter(|t| t.critical).count(), 3);
        assert_eq!(s.order.len(), n + 2);
        let w = s.weekly();
        assert_eq!(w.weeks.len(), 1);
        assert_eq!(w.weeks[0].tasks.len(), n + 2);
    }
}
