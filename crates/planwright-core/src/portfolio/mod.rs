//! The portfolio: several initiatives ranked, checked and sequenced
//! together, with the foundation work they share done once.
//!
//! Contract: [`analyze`] is a pure, total function of a [`Portfolio`] and
//! the plans of its members ([`Initiative`]s, matched by key). It never
//! panics, on any input: members without a plan, plans with dependency
//! loops, odd figures and weights, links to items that do not exist. Its
//! cost is about linear in the total size of the plans: each plan is
//! assessed once (risk, readiness, schedule), and the portfolio roadmap is
//! one more run of [`analysis::schedule`](crate::analysis::schedule) over
//! all their tasks.
//!
//! The rules (the ranking's also in words, in [`PortfolioAnalysis::rule`]
//! and each initiative's reasons; the details in each file's notes):
//! - Ranking: the score is the weighted mean of four parts, each 0–100 with
//!   higher better (value, readiness, lower risk, shorter schedule); see
//!   `rank.rs` for each part. A prohibited practice ranks last whatever the
//!   weights. Ties go to the higher readiness, then the title.
//! - Quadrants ([`Quadrant`]): value part (y) against readiness (x), each
//!   split at 50.
//! - Shared foundation ([`SharedItem`]): data sources, systems, governance
//!   controls and foundation deliverables of two or more plans with the
//!   same [`normalised`] name, joined or split by the person's [`Link`]s.
//! - Roadmap ([`Roadmap`]): one synthetic plan, shared work first and
//!   once, then each initiative's own tasks in rank order, with at most
//!   `capacity` initiatives in deployment at a time.

pub mod model;
mod rank;
mod roadmap;
mod shared;
mod warnings;

use serde::Serialize;

use crate::analysis::readiness::Band;
use crate::analysis::risk::Tier;
use crate::analysis::schedule::{CycleError, Schedule};
use crate::choice;
use crate::model::{Id, Plan, UseCaseFit};

pub use model::{
    ExpectedValue, ItemRef, Link, Member, Portfolio, SharedKind, Weights, DEFAULT_CAPACITY,
    MAX_WEIGHT,
};
pub use shared::{items, PlanItem};

/// One member's plan, handed to [`analyze`] under the member's key.
#[derive(Debug, Clone, Copy)]
pub struct Initiative<'a> {
    /// The [`Member::key`] this plan belongs to.
    pub key: &'a str,
    /// The plan.
    pub plan: &'a Plan,
}

choice! {
    /// Which kind of expected value the ranking used for an initiative.
    ValueKind {
        Figure = "figure": "Yearly figure",
        Rating = "rating": "Rating from 1 to 5",
        Unknown = "unknown": "Not known",
    }
    default Unknown
}

choice! {
    /// Where an initiative falls on the value × readiness matrix, each axis
    /// split at 50.
    ///
    /// High value and high readiness: do now. High value, low readiness:
    /// prepare the foundation first (the value is there, the plan is not
    /// ready). Low value, high readiness: a strategic bet, worth starting
    /// only for what it builds for the others (shared foundation, a proof
    /// of the way of working), not for its own return. Low value and low
    /// readiness, or a prohibited practice: do not start.
    Quadrant {
        DoNow = "do_now": "Do now",
        PrepareFoundation = "prepare_foundation": "Prepare the foundation",
        StrategicBet = "strategic_bet": "Strategic bet",
        DoNotStart = "do_not_start": "Do not start",
    }
    default DoNotStart
}

impl Quadrant {
    /// The quadrant for a value part and a readiness score, each 0–100
    /// (50 and above counts as high).
    pub fn of(value: u32, readiness: u32) -> Quadrant {
        match (value >= 50, readiness >= 50) {
            (true, true) => Quadrant::DoNow,
            (true, false) => Quadrant::PrepareFoundation,
            (false, true) => Quadrant::StrategicBet,
            (false, false) => Quadrant::DoNotStart,
        }
    }

    /// What the quadrant means, in one sentence.
    pub fn meaning(self) -> &'static str {
        match self {
            Quadrant::DoNow => "High value and ready: start it now.",
            Quadrant::PrepareFoundation => {
                "High value but not ready: put its foundation in place first."
            }
            Quadrant::StrategicBet => {
                "Ready but of lower value: start it only for what it builds for the others."
            }
            Quadrant::DoNotStart => {
                "Lower value and not ready, or not allowed: do not start it now."
            }
        }
    }
}

/// The four parts of a score, each 0–100, higher is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Parts {
    /// Expected value, compared across the portfolio.
    pub value: u32,
    /// The plan's readiness score.
    pub readiness: u32,
    /// Lower risk tier scores higher.
    pub risk: u32,
    /// Shorter schedule scores higher.
    pub effort: u32,
}

/// One initiative in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// The member's key.
    pub key: String,
    /// The plan's title.
    pub title: String,
    /// The business owner's name, empty when there is none.
    pub owner: String,
    /// Place in the ranking, 1 for the best.
    pub rank: usize,
    /// Weighted mean of the parts, 0–100.
    pub score: u32,
    /// The parts of the score.
    pub parts: Parts,
    /// The expected value as the person gave it.
    pub value: ExpectedValue,
    /// Which kind of value the ranking used.
    pub value_kind: ValueKind,
    /// Readiness score, 0–100.
    pub readiness: u32,
    /// Readiness band.
    pub band: Band,
    /// Risk tier.
    pub tier: Tier,
    /// Working days from the first task's start to the last task's end (0
    /// when there are no tasks or they loop).
    pub schedule_days: u64,
    /// Sum of the task durations.
    pub task_days: u64,
    /// The objective's first-use-case checklist.
    pub fit: UseCaseFit,
    /// How many of its eight traits are ticked.
    pub fit_count: usize,
    /// Where it falls on the value × readiness matrix.
    pub quadrant: Quadrant,
    /// True when the plan says the initiative is in deployment now: a phase
    /// of the deployment kind whose gate has not passed is in progress, or
    /// has a task in progress or done.
    pub in_deployment: bool,
    /// Why it ranks where it does, in words.
    pub reasons: Vec<String>,
}

choice! {
    /// What a portfolio warning is about.
    WarningKind {
        OverCapacity = "over_capacity": "More in deployment than the capacity",
        NoBusinessOwner = "no_business_owner": "No business owner",
        NoOutcomeMetric = "no_outcome_metric": "No outcome metric",
        Prohibited = "prohibited": "Prohibited practice",
        SameProcess = "same_process": "Same business process",
        MissingPlan = "missing_plan": "Plan missing",
        ScheduleLoop = "schedule_loop": "Tasks wait on each other in a loop",
    }
    default MissingPlan
}

/// Something about the portfolio a person should act on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// What is wrong and what to do, for a person.
    pub message: String,
    /// The keys of the members concerned.
    pub members: Vec<String>,
}

/// One plan's item that is part of a [`SharedItem`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemUse {
    /// The member's key.
    pub member: String,
    /// The item's id in that plan.
    pub item: Id,
    /// The item's name in that plan.
    pub name: String,
}

/// A data source, system, control or deliverable that two or more plans
/// have.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedItem {
    /// What kind of item.
    pub kind: SharedKind,
    /// Its name, as the first plan that has it writes it (in rank order);
    /// `Unnamed …` when every plan left it blank.
    pub name: String,
    /// One per plan that has it, in rank order.
    pub uses: Vec<ItemUse>,
    /// Keys of the initiatives that need it, in rank order.
    pub unlocks: Vec<String>,
    /// True when an explicit "same as" link joined (part of) it.
    pub linked: bool,
}

/// Where a task of the portfolio roadmap comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskOrigin {
    /// The task's id in [`Roadmap::plan`].
    pub task: Id,
    /// The member whose plan it comes from; `None` for shared work.
    pub member: Option<String>,
    /// For shared work, its index in [`PortfolioAnalysis::shared`].
    pub shared: Option<usize>,
}

/// The portfolio roadmap: one synthetic plan and its schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Roadmap {
    /// Phases and tasks of the whole portfolio, ids namespaced (`m<N>:` and
    /// the task's own id for member N), runnable by the schedule.
    pub plan: Plan,
    /// The schedule of `plan`, critical path across the portfolio.
    pub schedule: Result<Schedule, CycleError>,
    /// Where each task comes from, same positions as `plan.tasks`.
    pub origin: Vec<TaskOrigin>,
    /// Task-days of foundation work if each plan ran alone.
    pub setup_days_alone: u64,
    /// Task-days of foundation work in the portfolio roadmap, shared work
    /// done once; `setup_days_alone - setup_days_shared` is saved.
    pub setup_days_shared: u64,
}

impl Roadmap {
    /// Task-days of foundation work saved by sharing.
    pub fn setup_days_saved(&self) -> u64 {
        self.setup_days_alone.saturating_sub(self.setup_days_shared)
    }
}

/// Everything the portfolio analysis says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioAnalysis {
    /// The ranking rule in words, with the current weights and what the
    /// defaults mean.
    pub rule: Vec<String>,
    /// The initiatives that have a plan, best first.
    pub ranked: Vec<Ranked>,
    /// What to act on.
    pub warnings: Vec<Warning>,
    /// Items in two or more plans, most initiatives unlocked first.
    pub shared: Vec<SharedItem>,
    /// Shared foundation first, then the initiatives in rank order.
    pub roadmap: Roadmap,
}

/// The key names are matched by: lower case, every run of characters that
/// are not letters or digits (punctuation, spaces) turned into one space,
/// and trimmed.
///
/// ```
/// use planwright_core::portfolio::normalised;
/// assert_eq!(normalised("  CRM — Customer  records! "), "crm customer records");
/// assert_eq!(normalised("E-mail"), normalised("e mail"));
/// assert_eq!(normalised("..."), "");
/// ```
pub fn normalised(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Ranks, checks and sequences the portfolio's initiatives.
///
/// Each member is matched to the first plan in `plans` with its key; a
/// member with none gets a warning and is left out of everything else.
/// Plans no member names are ignored.
///
/// ```
/// use planwright_core::model::Plan;
/// use planwright_core::portfolio::{analyze, ExpectedValue, Initiative, Member, Portfolio};
///
/// let (a, b) = (Plan::blank(), Plan::blank());
/// let member = |key: &str, rating| Member {
///     key: key.to_string(),
///     value: ExpectedValue { rating: Some(rating), ..ExpectedValue::default() },
/// };
/// let portfolio = Portfolio {
///     members: vec![member("a", 2), member("b", 5)],
///     ..Portfolio::default()
/// };
/// let plans = [Initiative { key: "a", plan: &a }, Initiative { key: "b", plan: &b }];
/// let result = analyze(&portfolio, &plans);
/// assert_eq!(result.ranked[0].key, "b", "the same plan, rated higher");
/// // Both keep the template's four foundation deliverables.
/// assert_eq!(result.shared.len(), 4);
/// assert!(result.roadmap.schedule.is_ok());
/// ```
pub fn analyze(portfolio: &Portfolio, plans: &[Initiative<'_>]) -> PortfolioAnalysis {
    let (assessed, missing) = rank::assess_members(portfolio, plans);
    let (rule, ranked) = rank::rank(portfolio, &assessed);
    // The assessed members in rank order (keys are unique among them).
    let by_key: std::collections::HashMap<&str, &rank::Assessed<'_>> = assessed
        .iter()
        .map(|a| (a.member.key.as_str(), a))
        .collect();
    let in_order: Vec<&rank::Assessed<'_>> = ranked
        .iter()
        .filter_map(|r| by_key.get(r.key.as_str()).copied())
        .collect();
    let warnings = warnings::warnings(portfolio, &in_order, &missing, &ranked);
    // Prohibited initiatives and those whose tasks loop take no part in
    // the shared foundation and the roadmap.
    let taking_part: Vec<&rank::Assessed<'_>> = in_order
        .iter()
        .copied()
        .filter(|a| a.risk.tier != Tier::Prohibited && a.schedule.is_ok())
        .collect();
    let pairs: Vec<(&str, &Plan)> = taking_part
        .iter()
        .map(|a| (a.member.key.as_str(), a.plan))
        .collect();
    let shared = shared::shared(&pairs, &portfolio.links);
    let entries: Vec<roadmap::Entry<'_>> = taking_part
        .iter()
        .map(|a| roadmap::Entry {
            key: &a.member.key,
            index: a.index,
            plan: a.plan,
        })
        .collect();
    let roadmap = roadmap::roadmap(
        &portfolio.name,
        portfolio.start_date,
        portfolio.capacity,
        &entries,
        &shared,
    );
    PortfolioAnalysis {
        rule,
        ranked,
        warnings,
        shared,
        roadmap,
    }
}

#[cfg(test)]
mod tests;
