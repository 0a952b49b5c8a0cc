//! Baselines: named, dated snapshots of a plan, and what has changed since.
//!
//! Contract:
//! - [`take`] copies the plan (without its own baselines and merge
//!   conflicts, so snapshots never nest) and keeps what the analysis said
//!   then as a [`BaselineSummary`]: each task's dates (the forecast's when
//!   the plan has an as-of day, else the planned schedule's), each gate's
//!   day (the last day of its phase's tasks), readiness overall and per
//!   dimension, the band, the risk tier and the control areas it required.
//! - [`add`], [`rename`] and [`remove`] keep a plan's list of baselines; a
//!   plan holds at most [`MAX_BASELINES`], and one more is refused with a
//!   [`BaselineError`] rather than an old one dropped.
//! - [`compare`] sets the plan as it now stands beside a baseline: slips in
//!   working days on the current plan's calendar (positive is later), tasks
//!   added and removed, gates moved, readiness, band and tier, required
//!   controls, owners and approvers, metric targets and gate decisions
//!   recorded since. [`compare_plans`] does the same for two plans.
//!
//! Everything matches by id, the first item winning when ids repeat, so a
//! stored snapshot that is odd (ids missing or repeated, dates out of
//! range, very large) is compared without a panic, in time linear in the
//! size of both plans.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Serialize;

use crate::analysis::gates::GateDecision as Verdict;
use crate::analysis::schedule::WorkCalendar;
use crate::analysis::{analyze, Analysis};
use crate::choice::Choice;
use crate::date::Date;
use crate::model::{
    Baseline, BaselineDimension, BaselineGate, BaselineSummary, BaselineTask, GateOutcome, Id, Plan,
};
use crate::text::{named, unnamed};

/// The most baselines a plan keeps: each is a whole copy of the plan.
pub const MAX_BASELINES: usize = 20;

/// Why a baseline could not be added, renamed or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaselineError {
    /// The plan already holds [`MAX_BASELINES`]; remove one first.
    TooMany {
        /// How many the plan may hold.
        limit: usize,
    },
    /// No baseline has this id (or name, where a name is accepted).
    Unknown {
        /// What was asked for.
        key: String,
        /// Names of the baselines the plan has, to choose from.
        known: Vec<String>,
    },
}

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BaselineError::TooMany { limit } => write!(
                f,
                "the plan already keeps {limit} baselines, the most it can hold; remove an old one before setting another"
            ),
            BaselineError::Unknown { key, known } if known.is_empty() => {
                write!(f, "there is no baseline '{key}': the plan has none yet")
            }
            BaselineError::Unknown { key, known } => write!(
                f,
                "there is no baseline '{key}'; the plan has {}",
                known
                    .iter()
                    .map(|k| format!("'{k}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

impl std::error::Error for BaselineError {}

/// An id no baseline of the plan has yet: `b-1`, `b-2`, …
pub fn new_baseline_id(plan: &Plan) -> Id {
    let used: HashSet<&str> = plan.baselines.iter().map(|b| b.id.as_str()).collect();
    let mut n = plan.baselines.len().saturating_add(1);
    loop {
        let id = format!("b-{n}");
        if !used.contains(id.as_str()) {
            return Id(id);
        }
        n = n.saturating_add(1);
    }
}

/// A baseline of `plan` as it is, set on `taken_on`.
///
/// ```
/// use planwright_core::analysis::baseline::take;
/// use planwright_core::{Date, Id, Plan};
///
/// let day = Date::new(2026, 3, 2).unwrap();
/// let b = take(&Plan::blank(), Id::from("b-1"), "Kickoff", day);
/// assert_eq!(b.name, "Kickoff");
/// assert_eq!(b.summary.band, "not_ready");
/// assert!(b.plan.baselines.is_empty());
/// ```
pub fn take(plan: &Plan, id: Id, name: &str, taken_on: Date) -> Baseline {
    snapshot(plan, id, name, Some(taken_on))
}

fn snapshot(plan: &Plan, id: Id, name: &str, taken_on: Option<Date>) -> Baseline {
    let mut copy = plan.clone();
    copy.baselines = Vec::new();
    copy.conflicts = Vec::new();
    let analysis = analyze(&copy);
    let summary = summarize(&copy, &analysis);
    Baseline {
        id,
        name: name.trim().to_string(),
        taken_on,
        plan: Box::new(copy),
        summary,
    }
}

/// What a baseline keeps of an analysis.
pub fn summarize(plan: &Plan, analysis: &Analysis) -> BaselineSummary {
    let now = Dates::of(plan, analysis);
    let tasks = plan
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (start, finish) = now.task(i);
            BaselineTask {
                id: t.id.clone(),
                title: t.title.clone(),
                start,
                finish,
                duration_days: u64::from(t.duration_days.unwrap_or(0)),
                critical: now.critical.get(i).copied().unwrap_or(false),
            }
        })
        .collect();
    let gate_days = now.gates(plan);
    let gates = plan
        .phases
        .iter()
        .map(|p| BaselineGate {
            phase: p.id.clone(),
            name: p.name.clone(),
            date: gate_days.get(&p.id).copied(),
            passed: analysis
                .gates
                .phase(&p.id)
                .is_some_and(|g| g.decision == Verdict::Go),
        })
        .collect();
    let r = &analysis.readiness;
    BaselineSummary {
        tasks,
        gates,
        start: now.start,
        finish: now.finish,
        readiness: score(r.overall),
        band: r.band.key().to_string(),
        dimensions: r
            .dimensions
            .iter()
            .map(|d| BaselineDimension {
                key: d.dimension.key().to_string(),
                label: d.label.to_string(),
                score: score(d.score),
            })
            .collect(),
        tier: analysis.risk.tier.key().to_string(),
        required_controls: analysis
            .risk
            .required
            .iter()
            .map(|c| c.label.to_string())
            .collect(),
    }
}

fn score(n: u32) -> u8 {
    u8::try_from(n.min(100)).unwrap_or(100)
}

/// Adds a baseline of the plan as it is now, named `name`, set on
/// `taken_on`, at the end of its list (newest last). Refuses a
/// [`MAX_BASELINES`]-th one more. Gives the new baseline's id.
pub fn add(plan: &mut Plan, name: &str, taken_on: Date) -> Result<Id, BaselineError> {
    if plan.baselines.len() >= MAX_BASELINES {
        return Err(BaselineError::TooMany {
            limit: MAX_BASELINES,
        });
    }
    let id = new_baseline_id(plan);
    let baseline = take(plan, id.clone(), name, taken_on);
    plan.baselines.push(baseline);
    Ok(id)
}

fn unknown(plan: &Plan, key: &str) -> BaselineError {
    BaselineError::Unknown {
        key: key.to_string(),
        known: plan
            .baselines
            .iter()
            .enumerate()
            .map(|(i, b)| display_name(&b.name, i))
            .collect(),
    }
}

fn display_name(name: &str, i: usize) -> String {
    if name.trim().is_empty() {
        unnamed("baseline", i)
    } else {
        name.trim().to_string()
    }
}

/// Renames the baseline with this id.
pub fn rename(plan: &mut Plan, id: &Id, name: &str) -> Result<(), BaselineError> {
    let err = unknown(plan, id.as_str());
    let b = plan.baselines.iter_mut().find(|b| &b.id == id).ok_or(err)?;
    b.name = name.trim().to_string();
    Ok(())
}

/// Removes the baseline with this id and gives it back.
pub fn remove(plan: &mut Plan, id: &Id) -> Result<Baseline, BaselineError> {
    match plan.baselines.iter().position(|b| &b.id == id) {
        Some(i) => Ok(plan.baselines.remove(i)),
        None => Err(unknown(plan, id.as_str())),
    }
}

/// The newest baseline: the last of the list.
pub fn latest(plan: &Plan) -> Option<&Baseline> {
    plan.baselines.last()
}

/// The baseline a person means by `key`: by id, else by name (case and
/// surrounding spaces aside; the newest when names repeat).
pub fn find<'a>(plan: &'a Plan, key: &str) -> Result<&'a Baseline, BaselineError> {
    let wanted = key.trim();
    plan.baselines
        .iter()
        .find(|b| b.id.as_str() == wanted)
        .or_else(|| {
            plan.baselines
                .iter()
                .rev()
                .find(|b| b.name.trim().eq_ignore_ascii_case(wanted))
        })
        .ok_or_else(|| unknown(plan, wanted))
}

// ---------------------------------------------------------------------------
// Dates as the analysis has them

/// Each task's dates as the analysis now has them: forecast when the plan
/// has its own as-of day, else planned. A forecast made only because the
/// caller passed today (as the app does) is left out, so a baseline and
/// the plan compare on the same footing whoever asks and when.
struct Dates {
    tasks: Vec<(Option<Date>, Option<Date>)>,
    critical: Vec<bool>,
    start: Option<Date>,
    finish: Option<Date>,
}

impl Dates {
    fn of(plan: &Plan, analysis: &Analysis) -> Dates {
        let Ok(s) = &analysis.schedule else {
            return Dates {
                tasks: Vec::new(),
                critical: Vec::new(),
                start: None,
                finish: None,
            };
        };
        let critical = s.tasks.iter().map(|t| t.critical).collect();
        match &analysis.forecast {
            Some(f) if plan.as_of.is_some() && f.tasks.len() == plan.tasks.len() => Dates {
                tasks: f.tasks.iter().map(|t| (t.start, t.finish)).collect(),
                critical,
                start: s.start_date,
                finish: f.finish,
            },
            _ => Dates {
                tasks: s.tasks.iter().map(|t| (t.start, t.finish)).collect(),
                critical,
                start: s.start_date,
                finish: s.finish_date,
            },
        }
    }

    fn task(&self, i: usize) -> (Option<Date>, Option<Date>) {
        self.tasks.get(i).copied().unwrap_or((None, None))
    }

    /// The last day of each phase's tasks, in one pass over the tasks.
    fn gates<'a>(&self, plan: &'a Plan) -> HashMap<&'a Id, Date> {
        let mut out: HashMap<&Id, Date> = HashMap::new();
        for (i, t) in plan.tasks.iter().enumerate() {
            if let (Some(phase), Some(finish)) = (t.phase.as_ref(), self.task(i).1) {
                let last = out.entry(phase).or_insert(finish);
                *last = (*last).max(finish);
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Comparison

/// A date then and now, and how far it moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateChange {
    /// The baseline's date.
    pub then: Option<Date>,
    /// Today's date.
    pub now: Option<Date>,
    /// Working days later now (negative when earlier); `None` unless both
    /// dates are known.
    pub slip_days: Option<i64>,
}

impl DateChange {
    fn new(calendar: &WorkCalendar, then: Option<Date>, now: Option<Date>) -> DateChange {
        DateChange {
            then,
            now,
            slip_days: match (then, now) {
                (Some(a), Some(b)) => Some(slip(calendar, a, b)),
                _ => None,
            },
        }
    }

    /// True when the date moved, or became known or unknown.
    pub fn moved(&self) -> bool {
        self.then != self.now && self.slip_days != Some(0)
    }
}

/// Working days from `a` to `b`: positive when `b` is later.
fn slip(calendar: &WorkCalendar, a: Date, b: Date) -> i64 {
    let n = |d: u64| i64::try_from(d).unwrap_or(i64::MAX);
    if b >= a {
        n(calendar.offset(a, b))
    } else {
        -n(calendar.offset(b, a))
    }
}

/// A task in both the baseline and the plan: its dates then and now, for a
/// table and for ghost bars.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskChange {
    /// The task.
    pub id: Id,
    /// Its title now.
    pub title: String,
    /// Its position in the plan now (0 for the first).
    pub index: usize,
    /// Start then and now.
    pub start: DateChange,
    /// Finish then and now.
    pub finish: DateChange,
    /// Length in working days then.
    pub duration_then: u64,
    /// Length in working days now.
    pub duration_now: u64,
    /// On the critical path now.
    pub critical: bool,
}

impl TaskChange {
    /// True when its dates or its length moved.
    pub fn moved(&self) -> bool {
        self.start.moved() || self.finish.moved() || self.duration_then != self.duration_now
    }
}

/// An item present on one side only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// Its id.
    pub id: Id,
    /// Its title or name, as written (or `unnamed task 3`).
    pub title: String,
}

/// A phase gate's day then and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateChange {
    /// The phase.
    pub phase: Id,
    /// Its name now (then, when it is gone).
    pub name: String,
    /// The gate day then and now.
    pub date: DateChange,
    /// Whether its computed criteria were all met then and now.
    pub passed_then: bool,
    /// Whether they are now.
    pub passed_now: bool,
}

/// A value then and now: a key and its label on each side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change<T> {
    /// The baseline's value.
    pub then: T,
    /// Today's value.
    pub now: T,
}

/// A readiness dimension then and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionChange {
    /// The dimension's key.
    pub key: String,
    /// Its label.
    pub label: String,
    /// Score then, if the baseline had the dimension.
    pub then: Option<u8>,
    /// Score now, if the plan has it.
    pub now: Option<u8>,
}

/// Someone accountable who changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OwnerChange {
    /// The field, as a path into the plan (`tasks[id=t-3].owner`).
    pub path: String,
    /// What it is, in words ("Owner of task 'Label tickets'").
    pub label: String,
    /// Who then, by id.
    pub then: Vec<Id>,
    /// Who now, by id.
    pub now: Vec<Id>,
    /// Who then, by name (empty when no one).
    pub then_names: Vec<String>,
    /// Who now, by name.
    pub now_names: Vec<String>,
}

/// A metric whose target moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetChange {
    /// The metric.
    pub metric: Id,
    /// Its name now.
    pub name: String,
    /// Its unit now.
    pub unit: String,
    /// The target then.
    pub then: Option<f64>,
    /// The target now.
    pub now: Option<f64>,
}

/// A gate decision recorded (or changed) since the baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionRecorded {
    /// The phase.
    pub phase: Id,
    /// Its name now.
    pub name: String,
    /// The outcome then.
    pub then: GateOutcome,
    /// The outcome now.
    pub now: GateOutcome,
    /// Who decided, by name (empty when not said).
    pub decided_by: String,
    /// When.
    pub decided_on: Option<Date>,
}

/// The plan as it stands set beside a baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The baseline's id.
    pub baseline: Id,
    /// Its name.
    pub name: String,
    /// The day it was set.
    pub taken_on: Option<Date>,
    /// Every task in both, in the plan's order now (moved or not, so the
    /// timeline can draw ghost bars).
    pub tasks: Vec<TaskChange>,
    /// Tasks in the plan that the baseline did not have.
    pub added: Vec<Item>,
    /// Tasks the baseline had that the plan no longer has.
    pub removed: Vec<Item>,
    /// The first working day then and now.
    pub start: DateChange,
    /// The last working day then and now.
    pub finish: DateChange,
    /// Each gate in both, in the plan's order now.
    pub gates: Vec<GateChange>,
    /// Readiness overall, 0–100.
    pub readiness: Change<u8>,
    /// Readiness per dimension.
    pub dimensions: Vec<DimensionChange>,
    /// The readiness band's key.
    pub band: Change<String>,
    /// The risk tier's key.
    pub tier: Change<String>,
    /// Control areas the tier requires now and did not then.
    pub controls_added: Vec<String>,
    /// Control areas the tier required then and no longer does.
    pub controls_removed: Vec<String>,
    /// Owners and approvers who changed.
    pub owners: Vec<OwnerChange>,
    /// Metric targets that changed.
    pub targets: Vec<TargetChange>,
    /// Gate decisions recorded since.
    pub decisions: Vec<DecisionRecorded>,
}

impl Comparison {
    /// The tasks whose dates or length moved.
    pub fn moved(&self) -> impl Iterator<Item = &TaskChange> {
        self.tasks.iter().filter(|t| t.moved())
    }

    /// The gates whose day moved.
    pub fn gates_moved(&self) -> impl Iterator<Item = &GateChange> {
        self.gates.iter().filter(|g| g.date.moved())
    }

    /// The dimensions whose score changed.
    pub fn dimensions_changed(&self) -> impl Iterator<Item = &DimensionChange> {
        self.dimensions.iter().filter(|d| d.then != d.now)
    }

    /// True when nothing has changed since the baseline.
    pub fn is_empty(&self) -> bool {
        self.moved().next().is_none()
            && self.added.is_empty()
            && self.removed.is_empty()
            && !self.start.moved()
            && !self.finish.moved()
            && self.gates_moved().next().is_none()
            && self.readiness.then == self.readiness.now
            && self.dimensions_changed().next().is_none()
            && self.band.then == self.band.now
            && self.tier.then == self.tier.now
            && self.controls_added.is_empty()
            && self.controls_removed.is_empty()
            && self.owners.is_empty()
            && self.targets.is_empty()
            && self.decisions.is_empty()
    }
}

/// The label of a band key, or the key itself when it is not one.
pub fn band_label(key: &str) -> String {
    crate::analysis::readiness::Band::from_key(key)
        .map_or_else(|| key.to_string(), |b| b.label().to_string())
}

/// The label of a tier key, or the key itself when it is not one.
pub fn tier_label(key: &str) -> String {
    crate::analysis::risk::Tier::from_key(key)
        .map_or_else(|| key.to_string(), |t| t.label().to_string())
}

/// An index from id to the first position holding it.
fn first_by_id<T>(items: &[T], id: impl Fn(&T) -> &Id) -> HashMap<&Id, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        map.entry(id(item)).or_insert(i);
    }
    map
}

/// Compares `plan` (analysed as `analysis`) with `baseline`.
///
/// ```
/// use planwright_core::analysis::analyze;
/// use planwright_core::analysis::baseline::{compare, take};
/// use planwright_core::{Date, Id, Plan};
///
/// let plan = Plan::blank();
/// let b = take(&plan, Id::from("b-1"), "Kickoff", Date::new(2026, 3, 2).unwrap());
/// assert!(compare(&plan, &analyze(&plan), &b).is_empty());
/// ```
pub fn compare(plan: &Plan, analysis: &Analysis, baseline: &Baseline) -> Comparison {
    let calendar = match &analysis.schedule {
        Ok(s) => s.calendar.clone(),
        Err(_) => WorkCalendar::of(plan),
    };
    let now = Dates::of(plan, analysis);
    let then = &baseline.summary;
    let old = &baseline.plan;

    // Tasks, matched by id.
    let then_at = first_by_id(&then.tasks, |t| &t.id);
    let now_at = first_by_id(&plan.tasks, |t| &t.id);
    let mut tasks = Vec::new();
    let mut added = Vec::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        if now_at.get(&t.id) != Some(&i) {
            continue;
        }
        let (start, finish) = now.task(i);
        match then_at.get(&t.id).and_then(|&j| then.tasks.get(j)) {
            Some(b) => tasks.push(TaskChange {
                id: t.id.clone(),
                title: t.title.clone(),
                index: i,
                start: DateChange::new(&calendar, b.start, start),
                finish: DateChange::new(&calendar, b.finish, finish),
                duration_then: b.duration_days,
                duration_now: u64::from(t.duration_days.unwrap_or(0)),
                critical: now.critical.get(i).copied().unwrap_or(false),
            }),
            None => added.push(Item {
                id: t.id.clone(),
                title: named_plain(&t.title, "task", i),
            }),
        }
    }
    let removed = then
        .tasks
        .iter()
        .enumerate()
        .filter(|(j, b)| then_at.get(&b.id) == Some(j) && !now_at.contains_key(&b.id))
        .map(|(j, b)| Item {
            id: b.id.clone(),
            title: named_plain(&b.title, "task", j),
        })
        .collect();

    // Gates, matched by phase.
    let gates_then = first_by_id(&then.gates, |g| &g.phase);
    let phases_now = first_by_id(&plan.phases, |p| &p.id);
    let gate_days = now.gates(plan);
    let gates = plan
        .phases
        .iter()
        .enumerate()
        .filter(|(i, p)| phases_now.get(&p.id) == Some(i))
        .filter_map(|(i, p)| {
            let b = then.gates.get(*gates_then.get(&p.id)?)?;
            Some(GateChange {
                phase: p.id.clone(),
                name: phase_name(p, i),
                date: DateChange::new(&calendar, b.date, gate_days.get(&p.id).copied()),
                passed_then: b.passed,
                passed_now: analysis
                    .gates
                    .phase(&p.id)
                    .is_some_and(|g| g.decision == Verdict::Go),
            })
        })
        .collect();

    // Readiness, band, tier, controls.
    let r = &analysis.readiness;
    let dims_then: HashMap<&str, &BaselineDimension> = then
        .dimensions
        .iter()
        .rev()
        .map(|d| (d.key.as_str(), d))
        .collect();
    let mut dimensions: Vec<DimensionChange> = r
        .dimensions
        .iter()
        .map(|d| DimensionChange {
            key: d.dimension.key().to_string(),
            label: d.label.to_string(),
            then: dims_then.get(d.dimension.key()).map(|b| b.score),
            now: Some(score(d.score)),
        })
        .collect();
    let known: HashSet<&str> = r.dimensions.iter().map(|d| d.dimension.key()).collect();
    let mut seen = HashSet::new();
    for d in &then.dimensions {
        if !known.contains(d.key.as_str()) && seen.insert(d.key.as_str()) {
            dimensions.push(DimensionChange {
                key: d.key.clone(),
                label: d.label.clone(),
                then: Some(d.score),
                now: None,
            });
        }
    }
    let required_now: Vec<String> = analysis
        .risk
        .required
        .iter()
        .map(|c| c.label.to_string())
        .collect();
    let then_set: HashSet<&str> = then.required_controls.iter().map(String::as_str).collect();
    let now_set: HashSet<&str> = required_now.iter().map(String::as_str).collect();
    let controls_added = required_now
        .iter()
        .filter(|c| !then_set.contains(c.as_str()))
        .cloned()
        .collect();
    let mut removed_seen = HashSet::new();
    let controls_removed = then
        .required_controls
        .iter()
        .filter(|c| !now_set.contains(c.as_str()) && removed_seen.insert(c.as_str()))
        .cloned()
        .collect();

    Comparison {
        baseline: baseline.id.clone(),
        name: baseline.name.clone(),
        taken_on: baseline.taken_on,
        tasks,
        added,
        removed,
        start: DateChange::new(&calendar, then.start, now.start),
        finish: DateChange::new(&calendar, then.finish, now.finish),
        gates,
        readiness: Change {
            then: then.readiness,
            now: score(r.overall),
        },
        dimensions,
        band: Change {
            then: then.band.clone(),
            now: r.band.key().to_string(),
        },
        tier: Change {
            then: then.tier.clone(),
            now: analysis.risk.tier.key().to_string(),
        },
        controls_added,
        controls_removed,
        owners: owners(old, plan),
        targets: targets(old, plan),
        decisions: decisions(old, plan),
    }
}

/// Compares two plans: `new` against a baseline of `old` taken on the fly
/// (named after `old`'s title, dated by its as-of day). For setting two
/// library plans, or two versions of a file, side by side.
pub fn compare_plans(old: &Plan, new: &Plan) -> Comparison {
    let baseline = snapshot(old, Id::from("compared"), &old.title, old.as_of);
    compare(new, &analyze(new), &baseline)
}

fn named_plain(name: &str, noun: &str, i: usize) -> String {
    let name = named(name, noun, i);
    // `named` quotes a name; the comparison keeps the text as written.
    name.strip_prefix('\'')
        .and_then(|n| n.strip_suffix('\''))
        .map_or(name.clone(), str::to_string)
}

fn phase_name(p: &crate::model::Phase, i: usize) -> String {
    if p.name.trim().is_empty() {
        format!("{} (phase {})", p.kind.label(), i.saturating_add(1))
    } else {
        p.name.trim().to_string()
    }
}

/// Who is accountable for what in a plan, by a path that survives
/// reordering: `(path, label, people)`.
fn accountable(plan: &Plan) -> Vec<(String, String, Vec<Id>)> {
    let mut out = Vec::new();
    let one = |id: &Option<Id>| id.iter().cloned().collect::<Vec<Id>>();
    let o = &plan.ownership;
    out.push((
        "ownership.sponsor".to_string(),
        "Executive sponsor".to_string(),
        one(&o.sponsor),
    ));
    out.push((
        "ownership.initiative_owner".to_string(),
        "Initiative owner".to_string(),
        one(&o.initiative_owner),
    ));
    out.push((
        "ownership.business_owner".to_string(),
        "Business owner".to_string(),
        one(&o.business_owner),
    ));
    for (i, p) in plan.phases.iter().enumerate() {
        let name = phase_name(p, i);
        out.push((
            format!("phases[id={}].owner", p.id),
            format!("Owner of phase '{name}'"),
            one(&p.owner),
        ));
        out.push((
            format!("phases[id={}].gate_approvers", p.id),
            format!("Gate approver of phase '{name}'"),
            p.gate_approvers.clone(),
        ));
    }
    for (i, d) in plan.deliverables.iter().enumerate() {
        let name = if d.name.trim().is_empty() {
            format!("{} (deliverable {})", d.kind.label(), i.saturating_add(1))
        } else {
            d.name.trim().to_string()
        };
        out.push((
            format!("deliverables[id={}].owner", d.id),
            format!("Writer of deliverable '{name}'"),
            one(&d.owner),
        ));
        out.push((
            format!("deliverables[id={}].approver", d.id),
            format!("Approver of deliverable '{name}'"),
            one(&d.approver),
        ));
    }
    for (i, t) in plan.tasks.iter().enumerate() {
        out.push((
            format!("tasks[id={}].owner", t.id),
            format!("Owner of task {}", named(&t.title, "task", i)),
            one(&t.owner),
        ));
    }
    out
}

/// A person's name in a plan, or what stands for it.
fn person(plan: &Plan, index: &HashMap<&Id, usize>, id: &Id) -> String {
    match index
        .get(id)
        .and_then(|&i| plan.stakeholders.get(i).map(|s| (i, s)))
    {
        Some((_, s)) if !s.name.trim().is_empty() => s.name.trim().to_string(),
        Some((i, _)) => unnamed("stakeholder", i),
        None => format!("unknown (id '{id}')"),
    }
}

fn owners(old: &Plan, new: &Plan) -> Vec<OwnerChange> {
    let then: Vec<(String, String, Vec<Id>)> = accountable(old);
    let mut then_by: HashMap<&str, &Vec<Id>> = HashMap::with_capacity(then.len());
    for (path, _, who) in &then {
        then_by.entry(path.as_str()).or_insert(who);
    }
    let people_then = first_by_id(&old.stakeholders, |s| &s.id);
    let people_now = first_by_id(&new.stakeholders, |s| &s.id);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (path, label, who) in accountable(new) {
        let Some(before) = then_by.get(path.as_str()) else {
            continue;
        };
        if !seen.insert(path.clone()) || *before == &who {
            continue;
        }
        out.push(OwnerChange {
            then_names: before
                .iter()
                .map(|id| person(old, &people_then, id))
                .collect(),
            now_names: who.iter().map(|id| person(new, &people_now, id)).collect(),
            then: (*before).clone(),
            now: who,
            path,
            label,
        });
    }
    out
}

fn targets(old: &Plan, new: &Plan) -> Vec<TargetChange> {
    let then = first_by_id(&old.metrics, |m| &m.id);
    let now = first_by_id(&new.metrics, |m| &m.id);
    new.metrics
        .iter()
        .enumerate()
        .filter(|(i, m)| now.get(&m.id) == Some(i))
        .filter_map(|(i, m)| {
            let before = old.metrics.get(*then.get(&m.id)?)?;
            (before.target != m.target).then(|| TargetChange {
                metric: m.id.clone(),
                name: named_plain(&m.name, "metric", i),
                unit: m.unit.clone(),
                then: before.target,
                now: m.target,
            })
        })
        .collect()
}

fn decisions(old: &Plan, new: &Plan) -> Vec<DecisionRecorded> {
    let then = first_by_id(&old.phases, |p| &p.id);
    let now = first_by_id(&new.phases, |p| &p.id);
    let people = first_by_id(&new.stakeholders, |s| &s.id);
    new.phases
        .iter()
        .enumerate()
        .filter(|(i, p)| now.get(&p.id) == Some(i))
        .filter_map(|(i, p)| {
            let d = &p.decision;
            if d.outcome == GateOutcome::Undecided {
                return None;
            }
            let before = then
                .get(&p.id)
                .and_then(|&j| old.phases.get(j))
                .map(|b| &b.decision);
            if before.is_some_and(|b| b.outcome == d.outcome && b.decided_on == d.decided_on) {
                return None;
            }
            Some(DecisionRecorded {
                phase: p.id.clone(),
                name: phase_name(p, i),
                then: before.map_or(GateOutcome::Undecided, |b| b.outcome),
                now: d.outcome,
                decided_by: d
                    .decided_by
                    .as_ref()
                    .map(|id| person(new, &people, id))
                    .unwrap_or_default(),
                decided_on: d.decided_on,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::rich;

    fn day() -> Date {
        Date::new(2026, 3, 2).expect("a real day")
    }

    #[test]
    fn a_plan_against_itself_has_no_changes() {
        let plan = rich();
        let b = take(&plan, Id::from("b-1"), " Kickoff ", day());
        assert_eq!(b.name, "Kickoff");
        let c = compare(&plan, &analyze(&plan), &b);
        assert!(c.is_empty(), "{c:#?}");
        assert_eq!(c.tasks.len(), plan.tasks.len());
    }

    #[test]
    fn snapshots_do_not_nest() {
        let mut plan = rich();
        for n in 0..MAX_BASELINES {
            assert!(add(&mut plan, &format!("v{n}"), day()).is_ok());
        }
        assert!(plan.baselines.iter().all(|b| b.plan.baselines.is_empty()));
        assert_eq!(
            add(&mut plan, "one more", day()),
            Err(BaselineError::TooMany {
                limit: MAX_BASELINES
            })
        );
        assert_eq!(plan.baselines.len(), MAX_BASELINES);
        assert_eq!(plan.baselines[0].name, "v0", "nothing old was dropped");
    }

    #[test]
    fn ids_are_fresh_and_unknown_ids_are_errors() {
        let mut plan = rich();
        let first = add(&mut plan, "A", day());
        assert_eq!(first, Ok(Id::from("b-1")));
        let _ = add(&mut plan, "B", day());
        assert_eq!(
            remove(&mut plan, &Id::from("b-1")).map(|b| b.name),
            Ok("A".into())
        );
        assert_eq!(new_baseline_id(&plan), Id::from("b-3"));
        assert!(rename(&mut plan, &Id::from("b-2"), "Approved").is_ok());
        assert_eq!(
            find(&plan, "approved").map(|b| b.id.clone()),
            Ok(Id::from("b-2"))
        );
        let err = rename(&mut plan, &Id::from("b-9"), "x").err();
        assert_eq!(
            err.map(|e| e.to_string()),
            Some("there is no baseline 'b-9'; the plan has 'Approved'".to_string())
        );
        assert!(remove(&mut plan, &Id::from("b-9")).is_err());
    }

    #[test]
    fn dates_slip_in_working_days() {
        let cal = WorkCalendar::standard();
        let mon = day();
        let next_mon = Date::new(2026, 3, 9).expect("a real day");
        assert_eq!(slip(&cal, mon, next_mon), 5);
        assert_eq!(slip(&cal, next_mon, mon), -5);
        assert_eq!(slip(&cal, mon, mon), 0);
    }
}
