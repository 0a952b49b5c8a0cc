//! Readiness: how ready the plan is to go from pilot to production, and what
//! to fix first.
//!
//! Contract: [`readiness`] is a pure, total function of the plan and its
//! [`RiskAssessment`]. It never panics and its cost is linear in the size of
//! the plan (tasks are not read at all).
//!
//! How the score works, all of it visible in the output:
//! - Eight [`Dimension`]s, each a list of named criteria from one static
//!   table. A criterion is met, partly met or not met; it earns its weight,
//!   half its weight, or nothing. Governance criteria weigh more for a
//!   high-risk use and less for a minimal one; a weight of zero means the
//!   criterion does not apply to that tier and is left out.
//! - A dimension scores `round(100 × points / total weight)`.
//! - The overall score is the weighted mean of the dimension scores (all
//!   dimensions weigh the same), rounded.
//! - [`Band`]s: not ready below 40, foundation needed to 59, pilot-ready to
//!   74, production-ready to 89, ready to scale from 90.
//! - Weakest link: the plan's band is at most one band above the band of its
//!   weakest dimension. A prohibited practice makes the plan not ready
//!   whatever its score.
//! - Actions are the criteria not fully met, ranked by the exact number of
//!   overall points fixing each would add.
//!
//! Every criterion result names the items behind its status and the template
//! section (1–12) where it is fixed.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::analysis::gates::phase_starts;
use crate::analysis::risk::{ControlState, RiskAssessment, Tier};
use crate::choice;
use crate::choice::Choice;
use crate::model::{
    AccessApproval, Accessibility, Cadence, Compliance, DecisionRole, Direction, Function,
    HumanRole, Id, IntegrationStatus, MetricKind, PhaseKind, Plan, Quality, ReviewStatus,
    Stakeholder, SystemRole,
};
use crate::text::{and_list, name_list, named, quoted};

choice! {
    /// An aspect of readiness, scored on its own.
    Dimension {
        Outcomes = "outcomes": "Outcomes and metrics",
        Ownership = "ownership": "Sponsorship and ownership",
        Stakeholders = "stakeholders": "Stakeholder alignment and decision roles",
        Data = "data": "Data readiness",
        Technology = "technology": "Technology and integration",
        Governance = "governance": "Governance and risk",
        Change = "change": "Change management and adoption",
        Monitoring = "monitoring": "Monitoring and feedback",
    }
    default Outcomes
}

choice! {
    /// How far a criterion is met.
    Status {
        Met = "met": "Met",
        Partly = "partly": "Partly met",
        Unmet = "unmet": "Not met",
    }
    default Unmet
}

impl Status {
    /// Share of the weight earned: 1, ½ or 0.
    pub fn fraction(self) -> f64 {
        match self {
            Status::Met => 1.0,
            Status::Partly => 0.5,
            Status::Unmet => 0.0,
        }
    }
}

choice! {
    /// How ready the plan is, from its score.
    Band {
        NotReady = "not_ready": "Not ready",
        FoundationNeeded = "foundation_needed": "Foundation needed",
        PilotReady = "pilot_ready": "Pilot-ready",
        ProductionReady = "production_ready": "Production-ready",
        ReadyToScale = "ready_to_scale": "Ready to scale",
    }
    default NotReady
}

impl Band {
    /// The band a score 0–100 falls in.
    pub fn from_score(score: u32) -> Band {
        match score {
            0..=39 => Band::NotReady,
            40..=59 => Band::FoundationNeeded,
            60..=74 => Band::PilotReady,
            75..=89 => Band::ProductionReady,
            _ => Band::ReadyToScale,
        }
    }

    /// 0 for not ready up to 4 for ready to scale.
    pub fn rank(self) -> u8 {
        match self {
            Band::NotReady => 0,
            Band::FoundationNeeded => 1,
            Band::PilotReady => 2,
            Band::ProductionReady => 3,
            Band::ReadyToScale => 4,
        }
    }

    /// The band one above this one (the top band stays).
    pub fn next(self) -> Band {
        match self {
            Band::NotReady => Band::FoundationNeeded,
            Band::FoundationNeeded => Band::PilotReady,
            Band::PilotReady => Band::ProductionReady,
            Band::ProductionReady | Band::ReadyToScale => Band::ReadyToScale,
        }
    }

    /// The lowest score in the band.
    pub fn min_score(self) -> u32 {
        match self {
            Band::NotReady => 0,
            Band::FoundationNeeded => 40,
            Band::PilotReady => 60,
            Band::ProductionReady => 75,
            Band::ReadyToScale => 90,
        }
    }
}

/// How a criterion came out for this plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionResult {
    /// Stable key, such as `data.owners`.
    pub key: &'static str,
    /// The dimension it counts towards.
    pub dimension: Dimension,
    /// What the criterion asks for.
    pub label: &'static str,
    /// Met, partly met or not met.
    pub status: Status,
    /// Its weight within the dimension, for this risk tier.
    pub weight: u32,
    /// Points earned: the weight, half of it, or nothing.
    pub points: f64,
    /// One line saying why, naming the items concerned.
    pub evidence: String,
    /// One imperative line saying how to meet it; empty when met.
    pub fix: String,
    /// Template section (1–12) where it is fixed.
    pub section: u8,
    /// The stakeholder who would naturally fix it, when obvious.
    pub owner: Option<Id>,
}

/// The score of one dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionScore {
    /// The dimension.
    pub dimension: Dimension,
    /// Its name for people.
    pub label: &'static str,
    /// Its weight in the overall score.
    pub weight: u32,
    /// 0–100.
    pub score: u32,
    /// The band its score falls in.
    pub band: Band,
    /// Points earned.
    pub points: f64,
    /// Points available (the sum of its criteria's weights).
    pub total_weight: u32,
    /// Its criteria, in table order.
    pub criteria: Vec<CriterionResult>,
}

/// A criterion worth fixing, and what fixing it is worth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    /// The criterion's key.
    pub key: &'static str,
    /// Its dimension.
    pub dimension: Dimension,
    /// What the criterion asks for.
    pub label: &'static str,
    /// Where it stands now.
    pub status: Status,
    /// What to do.
    pub fix: String,
    /// Why it is not met.
    pub evidence: String,
    /// Template section (1–12) where it is fixed.
    pub section: u8,
    /// Overall points that meeting it fully would add, to one decimal.
    pub gain: f64,
    /// The stakeholder who would naturally fix it, when obvious.
    pub owner: Option<Id>,
}

/// How many actions `top_actions` holds.
pub const TOP_ACTIONS: usize = 5;

/// The readiness of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    /// Weighted mean of the dimension scores, 0–100.
    pub overall: u32,
    /// The band the overall score alone falls in.
    pub band_by_average: Band,
    /// The band after the weakest-link rule (and a prohibited practice).
    pub band: Band,
    /// The lowest-scoring dimension (the first one on a tie).
    pub weakest: Option<Dimension>,
    /// The dimension that held the band down, if the rule applied.
    pub capped_by: Option<Dimension>,
    /// True when a prohibited practice makes the plan not ready.
    pub prohibited: bool,
    /// The rule, and how it applied to this plan, in plain words.
    pub rule: String,
    /// Every dimension, in order.
    pub dimensions: Vec<DimensionScore>,
    /// The [`TOP_ACTIONS`] most valuable actions, each fix listed once.
    pub top_actions: Vec<Action>,
    /// Every criterion not fully met, most valuable first.
    pub actions: Vec<Action>,
}

impl Readiness {
    /// The result of a criterion by key.
    pub fn criterion(&self, key: &str) -> Option<&CriterionResult> {
        self.dimensions
            .iter()
            .flat_map(|d| &d.criteria)
            .find(|c| c.key == key)
    }

    /// The score of a dimension.
    pub fn dimension(&self, dimension: Dimension) -> Option<&DimensionScore> {
        self.dimensions.iter().find(|d| d.dimension == dimension)
    }
}

/// A criterion as defined in the table, for help pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionInfo {
    /// Stable key.
    pub key: &'static str,
    /// Its dimension.
    pub dimension: Dimension,
    /// What it asks for.
    pub label: &'static str,
    /// Template section (1–12).
    pub section: u8,
    /// Weight for a minimal, limited and high-risk (or prohibited) use; 0
    /// means it does not apply to that tier.
    pub weights: [u32; 3],
}

/// Every criterion of the table, in order.
pub fn criteria() -> Vec<CriterionInfo> {
    CRITERIA
        .iter()
        .map(|d| CriterionInfo {
            key: d.key,
            dimension: d.dimension,
            label: d.label,
            section: d.section,
            weights: d.weights,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Evaluation helpers

/// What an evaluator found.
struct Eval {
    status: Status,
    evidence: String,
    fix: String,
    owner: Option<Id>,
}

impl Eval {
    fn by(mut self, owner: Option<&Id>) -> Eval {
        self.owner = owner.cloned();
        self
    }
}

fn met(evidence: impl Into<String>) -> Eval {
    Eval {
        status: Status::Met,
        evidence: evidence.into(),
        fix: String::new(),
        owner: None,
    }
}

/// A criterion met once a piece of text is written: what is said when it
/// is, and when it is not, what is missing and how to put it right.
fn written(text: &str, present: &str, missing: &str, fix: &str) -> Eval {
    if filled(text) {
        met(present)
    } else {
        unmet(missing, fix)
    }
}

fn partly(evidence: impl Into<String>, fix: impl Into<String>) -> Eval {
    Eval {
        status: Status::Partly,
        evidence: evidence.into(),
        fix: fix.into(),
        owner: None,
    }
}

fn unmet(evidence: impl Into<String>, fix: impl Into<String>) -> Eval {
    Eval {
        status: Status::Unmet,
        evidence: evidence.into(),
        fix: fix.into(),
        owner: None,
    }
}

/// Met when nothing is wrong, not met when everything is, partly otherwise.
fn grade(total: usize, bad: usize) -> Status {
    if bad == 0 {
        Status::Met
    } else if bad < total {
        Status::Partly
    } else {
        Status::Unmet
    }
}

/// "2 of 5 metrics have no owner: 'A' and 'B'".
fn count_of(bad: &[String], total: usize, nouns: &str, one: &str, many: &str) -> String {
    let verb = if bad.len() == 1 { one } else { many };
    format!(
        "{} of {total} {nouns} {verb}: {}",
        bad.len(),
        name_list(bad)
    )
}

/// Grades a list of items with one problem each can have.
struct Check<'a> {
    total: usize,
    bad: Vec<String>,
    nouns: &'a str,
    one: &'a str,
    many: &'a str,
    ok: String,
    fix: &'a str,
}

impl Check<'_> {
    fn eval(self) -> Eval {
        match grade(self.total, self.bad.len()) {
            Status::Met => met(self.ok),
            status => Eval {
                status,
                evidence: format!(
                    "{}.",
                    count_of(&self.bad, self.total, self.nouns, self.one, self.many)
                ),
                fix: self.fix.to_string(),
                owner: None,
            },
        }
    }
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

/// What the evaluators read.
struct Ctx<'a> {
    plan: &'a Plan,
    risk: &'a RiskAssessment,
    people: HashMap<&'a str, &'a Stakeholder>,
}

impl Ctx<'_> {
    fn person_name(&self, id: &Id) -> String {
        match self.people.get(id.as_str()) {
            Some(p) => quoted(&p.name, &format!("'{id}'")),
            None => format!("'{id}'"),
        }
    }

    /// First phase of a kind, for baselines measured before optimization.
    fn optimization_start(&self) -> Option<crate::date::Date> {
        let at = self
            .plan
            .phases
            .iter()
            .position(|p| p.kind == PhaseKind::Optimization)?;
        phase_starts(self.plan).get(at).copied().flatten()
    }
}

// ---------------------------------------------------------------------------
// 1. Outcomes and metrics

/// Words that show a process described through the technology.
const TECH_WORDS: [&str; 8] = [
    "ai", "genai", "gpt", "llm", "llms", "chatbot", "copilot", "ml",
];

fn tech_word(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .find(|w| TECH_WORDS.iter().any(|t| w.eq_ignore_ascii_case(t)))
        .map(str::to_string)
}

fn process_first(c: &Ctx) -> Eval {
    let o = &c.plan.objective;
    match (filled(&o.process), filled(&o.problem)) {
        (false, false) => unmet(
            "Neither the business process nor what goes wrong in it is described.",
            "Describe the business process that hurts today and what goes wrong in it.",
        ),
        (false, true) => partly(
            "The problem is described, but not the business process it sits in.",
            "Name the existing business process the initiative improves.",
        ),
        (true, false) => partly(
            "The process is named, but not what goes wrong in it.",
            "Describe what goes wrong in the process today, in business terms.",
        ),
        (true, true) => match tech_word(&o.process) {
            Some(word) => partly(
                format!("The process is described through the technology ('{word}') rather than as the work people do today."),
                "Describe the process as it runs today, without naming the technology.",
            ),
            None => met("The process and what goes wrong in it are described in business terms."),
        },
    }
}

fn impact(c: &Ctx) -> Eval {
    written(
        &c.plan.objective.impact,
        "The expected business impact is stated.",
        "The expected business impact is not stated.",
        "State what the business gains if this works.",
    )
}

fn scope(c: &Ctx) -> Eval {
    let o = &c.plan.objective;
    let inside = o.in_scope.iter().any(|s| filled(s));
    let outside = o.out_of_scope.iter().any(|s| filled(s));
    match (inside, outside) {
        (true, true) => met("What is in and out of scope is written down."),
        (true, false) => partly(
            "Scope says what is in but not what is out.",
            "List what is explicitly out of scope, so the pilot cannot quietly grow.",
        ),
        (false, true) => partly(
            "Scope says what is out but not what is in.",
            "List what is explicitly in scope.",
        ),
        (false, false) => unmet(
            "No scope is set.",
            "Write down what is explicitly in and out of scope.",
        ),
    }
}

fn constraints(c: &Ctx) -> Eval {
    let k = &c.plan.objective.constraints;
    let missing: Vec<&str> = [
        ("time", &k.time),
        ("budget", &k.budget),
        ("risk", &k.risk),
        ("compliance", &k.compliance),
    ]
    .iter()
    .filter(|(_, v)| !filled(v))
    .map(|(n, _)| *n)
    .collect();
    match missing.len() {
        0 => met("Time, budget, risk and compliance limits are stated."),
        4 => unmet(
            "No constraints are stated.",
            "State the limits on time, budget, risk and compliance.",
        ),
        _ => partly(
            format!("Some constraints are not stated: {}.", and_list(&missing)),
            "State the remaining limits on time, budget, risk and compliance.",
        ),
    }
}

fn business_metric(c: &Ctx) -> Eval {
    let metrics = &c.plan.metrics;
    let outcome: Vec<String> = metrics
        .iter()
        .filter(|m| m.kind == MetricKind::Outcome)
        .map(|m| named(&m.name, &m.id))
        .collect();
    if !outcome.is_empty() {
        met(format!(
            "Business-outcome metrics: {}.",
            name_list(&outcome)
        ))
    } else if metrics.is_empty() {
        unmet(
            "No success metrics are defined.",
            "Add a metric for the business outcome, such as rework, decision speed or quality.",
        )
    } else {
        let names: Vec<String> = metrics.iter().map(|m| named(&m.name, &m.id)).collect();
        partly(
            format!(
                "All {} metrics measure usage or the model, not a business outcome: {}.",
                metrics.len(),
                name_list(&names)
            ),
            "Add a metric for the business outcome; usage and accuracy alone do not show value.",
        )
    }
}

fn baselines(c: &Ctx) -> Eval {
    let metrics = &c.plan.metrics;
    if metrics.is_empty() {
        return unmet(
            "No success metrics are defined, so there is no baseline.",
            "Define a success metric and measure its baseline now, before anything changes.",
        );
    }
    let opt = c.optimization_start();
    let (mut none, mut undated, mut late) = (Vec::new(), Vec::new(), Vec::new());
    let mut owner = None;
    for m in metrics {
        let bucket = match (m.baseline, m.baseline_date) {
            (None, _) => Some(&mut none),
            (Some(_), None) => Some(&mut undated),
            (Some(_), Some(d)) if opt.is_some_and(|s| d > s) => Some(&mut late),
            _ => None,
        };
        if let Some(list) = bucket {
            list.push(named(&m.name, &m.id));
            owner = owner.or(m.owner.as_ref());
        }
    }
    let bad = none.len() + undated.len() + late.len();
    let status = grade(metrics.len(), bad);
    if status == Status::Met {
        return met(format!(
            "All {} metrics have a baseline with the date it was measured.",
            metrics.len()
        ));
    }
    let mut parts = Vec::new();
    if !none.is_empty() {
        parts.push(count_of(
            &none,
            metrics.len(),
            "metrics",
            "has no baseline",
            "have no baseline",
        ));
    }
    if !undated.is_empty() {
        parts.push(count_of(
            &undated,
            metrics.len(),
            "metrics",
            "has no baseline date",
            "have no baseline date",
        ));
    }
    if !late.is_empty() {
        parts.push(count_of(
            &late,
            metrics.len(),
            "metrics",
            "was measured after optimization starts",
            "were measured after optimization starts",
        ));
    }
    Eval {
        status,
        evidence: format!("{}.", parts.join("; ")),
        fix: "Measure and date each metric's baseline before any optimization starts.".to_string(),
        owner: None,
    }
    .by(owner)
}

fn targets(c: &Ctx) -> Eval {
    let metrics = &c.plan.metrics;
    if metrics.is_empty() {
        return unmet(
            "No success metrics are defined, so there are no targets.",
            "Define success metrics with the target that counts as success.",
        );
    }
    let mut bad = Vec::new();
    let mut owner = None;
    for m in metrics {
        let problem = match (m.baseline, m.target) {
            (_, None) => Some("no target"),
            (Some(b), Some(t))
                if (m.direction == Direction::Decrease && t > b)
                    || (m.direction == Direction::Increase && t < b) =>
            {
                Some("a target on the wrong side of its baseline")
            }
            _ => None,
        };
        if let Some(p) = problem {
            bad.push(format!("{} ({p})", named(&m.name, &m.id)));
            owner = owner.or(m.owner.as_ref());
        }
    }
    Check {
        total: metrics.len(),
        bad,
        nouns: "metrics",
        one: "lacks a usable target",
        many: "lack a usable target",
        ok: format!(
            "All {} metrics have a target in the right direction.",
            metrics.len()
        ),
        fix: "Set a target for each metric that improves on its baseline.",
    }
    .eval()
    .by(owner)
}

fn metric_ownership(c: &Ctx) -> Eval {
    let metrics = &c.plan.metrics;
    if metrics.is_empty() {
        return unmet(
            "No success metrics are defined.",
            "Define success metrics, each with an owner and a way to measure it.",
        );
    }
    let bad: Vec<String> = metrics
        .iter()
        .filter_map(|m| match (m.owner.is_some(), filled(&m.method)) {
            (true, true) => None,
            (false, true) => Some(format!("{} (no owner)", named(&m.name, &m.id))),
            (true, false) => Some(format!("{} (no method)", named(&m.name, &m.id))),
            (false, false) => Some(format!("{} (no owner or method)", named(&m.name, &m.id))),
        })
        .collect();
    Check {
        total: metrics.len(),
        bad,
        nouns: "metrics",
        one: "is not fully owned and defined",
        many: "are not fully owned and defined",
        ok: format!(
            "All {} metrics have an owner and a measurement method.",
            metrics.len()
        ),
        fix: "Give each metric an owner and say how and where it is measured.",
    }
    .eval()
}

fn use_case_fit(c: &Ctx) -> Eval {
    let f = &c.plan.objective.fit;
    let traits = [
        (f.repeatable, "repeatable workflow"),
        (f.clear_users, "clear users"),
        (f.visible_pain, "visible pain"),
        (f.manageable_risk, "manageable risk"),
        (f.measurable_outcome, "measurable outcome"),
        (f.defined_inputs_outputs, "defined inputs and outputs"),
        (f.existing_data, "existing data"),
        (f.invested_owner, "invested business owner"),
    ];
    let missing: Vec<&str> = traits
        .iter()
        .filter(|(ok, _)| !ok)
        .map(|(_, n)| *n)
        .collect();
    let have = traits.len() - missing.len();
    match have {
        8 => met("The use case has all eight traits of a good first use case."),
        7 => met(format!("The use case has 7 of 8 traits of a good first use case; missing: {}.", missing.join(", "))),
        4..=6 => partly(
            format!("The use case has {have} of 8 traits of a good first use case; missing: {}.", missing.join(", ")),
            "Narrow the first use case until it has the missing traits, or pick one that does.",
        ),
        0 => unmet(
            "None of the eight traits of a good first use case is ticked.",
            "Check the use case against the traits of a good first use case and pick one that fits better.",
        ),
        _ => unmet(
            format!("The use case has only {have} of 8 traits of a good first use case."),
            "Check the use case against the traits of a good first use case and pick one that fits better.",
        ),
    }
}

// ---------------------------------------------------------------------------
// 2. Sponsorship and ownership

/// Not met when the role is empty, partly met when it names someone missing
/// from the stakeholder list; `None` when a listed stakeholder holds it.
fn role_gap(c: &Ctx, who: Option<&Id>, role: &str, fix: &str) -> Option<Eval> {
    match who {
        None => Some(unmet(format!("No {role} is named."), fix)),
        Some(id) if !c.people.contains_key(id.as_str()) => Some(partly(
            format!("The {role} is '{id}', who is not in the stakeholder list."),
            format!("Add '{id}' to the stakeholders or pick the {role} from the list."),
        )),
        Some(_) => None,
    }
}

fn sponsor(c: &Ctx) -> Eval {
    let who = c.plan.ownership.sponsor.as_ref();
    if let Some(gap) = role_gap(
        c,
        who,
        "executive sponsor",
        "Name an executive sponsor who can clear blockers and fund the work.",
    ) {
        return gap;
    }
    met(format!(
        "{} sponsors the initiative.",
        who.map(|id| c.person_name(id)).unwrap_or_default()
    ))
}

fn initiative_owner(c: &Ctx) -> Eval {
    let o = &c.plan.ownership;
    let who = o.initiative_owner.as_ref();
    if let Some(gap) = role_gap(
        c,
        who,
        "initiative owner",
        "Name an initiative owner accountable for outcomes, not only delivery.",
    ) {
        return gap;
    }
    let name = who.map(|id| c.person_name(id)).unwrap_or_default();
    if filled(&o.accountability) {
        met(format!(
            "{name} owns the initiative and what they answer for is written down."
        ))
    } else {
        partly(
            format!("{name} owns the initiative, but what they are accountable for is not written down."),
            "Write down what the initiative owner answers for: outcomes, not only delivery.",
        )
    }
}

fn business_owner(c: &Ctx) -> Eval {
    let who = c.plan.ownership.business_owner.as_ref();
    if let Some(gap) = role_gap(
        c,
        who,
        "business owner",
        "Name a business owner who will keep improving the workflow after launch.",
    ) {
        return gap;
    }
    let name = who.map(|id| c.person_name(id)).unwrap_or_default();
    let function = who
        .and_then(|id| c.people.get(id.as_str()))
        .map(|p| p.function);
    if function == Some(Function::Technology) {
        partly(
            format!("{name} is the business owner but comes from technology."),
            "Pick a business owner from the business side, who will run the workflow after launch.",
        )
    } else {
        met(format!("{name} owns the workflow on the business side."))
    }
}

fn not_single_champion(c: &Ctx) -> Eval {
    let o = &c.plan.ownership;
    let named: Vec<&Id> = [&o.sponsor, &o.initiative_owner, &o.business_owner]
        .into_iter()
        .flatten()
        .collect();
    let distinct: HashSet<&Id> = named.iter().copied().collect();
    match (named.len(), distinct.len()) {
        (0, _) => unmet(
            "No one holds an ownership role yet.",
            "Name a sponsor, an initiative owner and a business owner.",
        ),
        (_, 1) => unmet(
            format!(
                "{} is the only person holding an ownership role; a single champion is fragile.",
                named
                    .first()
                    .map(|id| c.person_name(id))
                    .unwrap_or_default()
            ),
            "Spread sponsor, initiative owner and business owner across different people.",
        ),
        (_, n) => met(format!("{n} different people share the ownership roles.")),
    }
}

fn coalition(c: &Ctx) -> Eval {
    let groups: [(&str, &[Function]); 4] = [
        ("technology", &[Function::Technology, Function::Data]),
        ("operations", &[Function::Operations]),
        ("risk", &[Function::Risk, Function::Legal]),
        ("the business unit", &[Function::Business]),
    ];
    let missing: Vec<&str> = groups
        .iter()
        .filter(|(_, fs)| !c.plan.stakeholders.iter().any(|s| fs.contains(&s.function)))
        .map(|(n, _)| *n)
        .collect();
    match missing.len() {
        0 => met("The stakeholders span technology, operations, risk and the business unit."),
        1 | 2 => partly(
            format!("The coalition lacks {}.", and_list(&missing)),
            format!(
                "Bring someone from {} into the coalition.",
                and_list(&missing)
            ),
        ),
        _ => unmet(
            format!("The coalition lacks {}.", and_list(&missing)),
            "Build a coalition across technology, operations, risk and the business unit.",
        ),
    }
}

// ---------------------------------------------------------------------------
// 3. Stakeholders and decision roles

fn no_decisions() -> Eval {
    unmet(
        "No decisions are listed.",
        "List the key decisions and, for each, who prepares, reviews and approves it.",
    )
}

fn one_approver(c: &Ctx) -> Eval {
    let decisions = &c.plan.decisions;
    if decisions.is_empty() {
        return no_decisions();
    }
    let bad: Vec<String> = decisions
        .iter()
        .filter_map(|d| {
            let approvers: Vec<_> = d
                .roles
                .iter()
                .filter(|r| r.role == DecisionRole::Approves)
                .collect();
            let name = named(&d.title, &d.id);
            match approvers.as_slice() {
                [one] if one.stakeholder.is_some() => None,
                [_] => Some(format!("{name} (approver not picked)")),
                [] => Some(format!("{name} (no approver)")),
                many => Some(format!("{name} ({} approvers)", many.len())),
            }
        })
        .collect();
    Check {
        total: decisions.len(),
        bad,
        nouns: "decisions",
        one: "lacks a single approver",
        many: "lack a single approver",
        ok: format!(
            "Each of the {} decisions has exactly one approver.",
            decisions.len()
        ),
        fix: "Give every decision exactly one person who approves it.",
    }
    .eval()
}

fn disagreement(c: &Ctx) -> Eval {
    let decisions = &c.plan.decisions;
    if decisions.is_empty() {
        return no_decisions();
    }
    let bad: Vec<String> = decisions
        .iter()
        .filter(|d| !filled(&d.on_disagreement))
        .map(|d| named(&d.title, &d.id))
        .collect();
    Check {
        total: decisions.len(),
        bad,
        nouns: "decisions",
        one: "has no path for disagreement",
        many: "have no path for disagreement",
        ok: "Every decision says what happens when people disagree.".to_string(),
        fix: "Say for each decision what happens when people disagree.",
    }
    .eval()
}

fn decision_flow(c: &Ctx) -> Eval {
    let decisions = &c.plan.decisions;
    if decisions.is_empty() {
        return no_decisions();
    }
    let bad: Vec<String> = decisions
        .iter()
        .filter_map(|d| {
            let has = |role: DecisionRole| {
                d.roles
                    .iter()
                    .any(|r| r.role == role && r.stakeholder.is_some())
            };
            let mut gaps = Vec::new();
            if !has(DecisionRole::Prepares) {
                gaps.push("no one prepares it");
            }
            if !has(DecisionRole::Reviews) && !has(DecisionRole::CanBlock) {
                gaps.push("no one reviews it");
            }
            if d.roles.iter().any(|r| r.stakeholder.is_none()) {
                gaps.push("a role has no person");
            }
            (!gaps.is_empty()).then(|| format!("{} ({})", named(&d.title, &d.id), gaps.join(", ")))
        })
        .collect();
    Check {
        total: decisions.len(),
        bad,
        nouns: "decisions",
        one: "has gaps in its flow",
        many: "have gaps in their flow",
        ok: "Every decision has someone who prepares it and someone who reviews it.".to_string(),
        fix: "For each decision, name who prepares the work and who reviews or can block it.",
    }
    .eval()
}

fn affected(c: &Ctx) -> Eval {
    let people = &c.plan.stakeholders;
    let affected: Vec<String> = people
        .iter()
        .filter(|s| s.affected)
        .map(|s| named(&s.name, &s.id))
        .collect();
    if !affected.is_empty() {
        met(format!(
            "People affected by the change are identified: {}.",
            name_list(&affected)
        ))
    } else if people.is_empty() {
        unmet(
            "No stakeholders are listed.",
            "List who prepares, reviews, decides, and whose daily work changes.",
        )
    } else {
        unmet(
            format!(
                "None of the {} stakeholders is marked as affected by the change.",
                people.len()
            ),
            "Mark the people whose daily work the change affects.",
        )
    }
}

fn handoffs(c: &Ctx) -> Eval {
    let list = &c.plan.handoffs;
    if list.is_empty() {
        return unmet(
            "No approvals or hand-offs are described.",
            "Describe each approval and hand-off: where it shows up, its turnaround and how it escalates.",
        );
    }
    let bad: Vec<String> = list
        .iter()
        .filter_map(|h| {
            let mut gaps = Vec::new();
            if !filled(&h.channel) {
                gaps.push("where it shows up");
            }
            if h.turnaround_days.is_none() {
                gaps.push("turnaround");
            }
            if !filled(&h.escalation) {
                gaps.push("escalation");
            }
            if h.to.is_none() && h.approver.is_none() {
                gaps.push("who receives it");
            }
            (!gaps.is_empty())
                .then(|| format!("{} (no {})", named(&h.name, &h.id), gaps.join(", ")))
        })
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "hand-offs",
        one: "is incomplete",
        many: "are incomplete",
        ok: format!("All {} hand-offs say where they show up, who receives them, their turnaround and how they escalate.", list.len()),
        fix: "Complete each hand-off: where it shows up, who receives it, the expected turnaround and how it escalates.",
    }
    .eval()
}

// ---------------------------------------------------------------------------
// 4. Data readiness

fn no_sources() -> Eval {
    unmet(
        "No data sources are listed.",
        "List the data sources the use case needs, with their owners and how ready they are.",
    )
}

fn source_owners(c: &Ctx) -> Eval {
    let list = &c.plan.data_sources;
    if list.is_empty() {
        return no_sources();
    }
    let bad: Vec<String> = list
        .iter()
        .filter(|s| s.owner.is_none())
        .map(|s| named(&s.name, &s.id))
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "data sources",
        one: "has no owner",
        many: "have no owner",
        ok: format!("All {} data sources have an owner.", list.len()),
        fix: "Name an owner for every data source.",
    }
    .eval()
}

fn source_quality(c: &Ctx) -> Eval {
    let list = &c.plan.data_sources;
    if list.is_empty() {
        return no_sources();
    }
    let bad: Vec<String> = list
        .iter()
        .filter(|s| matches!(s.quality, Quality::Unknown | Quality::Poor))
        .map(|s| {
            format!(
                "{} ({})",
                named(&s.name, &s.id),
                s.quality.label().to_lowercase()
            )
        })
        .collect();
    let owner = list
        .iter()
        .find(|s| matches!(s.quality, Quality::Unknown | Quality::Poor))
        .and_then(|s| s.owner.as_ref());
    Check {
        total: list.len(),
        bad,
        nouns: "data sources",
        one: "is poor or not assessed",
        many: "are poor or not assessed",
        ok: format!(
            "All {} data sources are assessed as fair or good.",
            list.len()
        ),
        fix: "Assess the quality of every data source and fix the poor ones before model work.",
    }
    .eval()
    .by(owner)
}

fn source_access(c: &Ctx) -> Eval {
    let list = &c.plan.data_sources;
    if list.is_empty() {
        return no_sources();
    }
    let unreachable: Vec<String> = list
        .iter()
        .filter(|s| {
            matches!(
                s.accessibility,
                Accessibility::Unavailable | Accessibility::Unknown
            )
        })
        .map(|s| {
            format!(
                "{} ({})",
                named(&s.name, &s.id),
                s.accessibility.label().to_lowercase()
            )
        })
        .collect();
    let restricted: Vec<String> = list
        .iter()
        .filter(|s| s.accessibility == Accessibility::Restricted)
        .map(|s| named(&s.name, &s.id))
        .collect();
    let owner = list
        .iter()
        .find(|s| s.accessibility != Accessibility::Available)
        .and_then(|s| s.owner.as_ref());
    let eval = if unreachable.is_empty() && restricted.is_empty() {
        met(format!("All {} data sources can be reached.", list.len()))
    } else if unreachable.len() == list.len() {
        unmet(
            format!(
                "{}.",
                count_of(
                    &unreachable,
                    list.len(),
                    "data sources",
                    "cannot be reached or is not assessed",
                    "cannot be reached or are not assessed"
                )
            ),
            "Find out how the initiative will reach each data source, and secure access.",
        )
    } else {
        let mut parts = Vec::new();
        if !unreachable.is_empty() {
            parts.push(count_of(
                &unreachable,
                list.len(),
                "data sources",
                "cannot be reached or is not assessed",
                "cannot be reached or are not assessed",
            ));
        }
        if !restricted.is_empty() {
            parts.push(count_of(
                &restricted,
                list.len(),
                "data sources",
                "takes effort to reach",
                "take effort to reach",
            ));
        }
        partly(
            format!("{}.", parts.join("; ")),
            "Secure a reliable way to reach every data source.",
        )
    };
    eval.by(owner)
}

fn sensitive_sources<'a>(c: &Ctx<'a>) -> Vec<&'a crate::model::DataSource> {
    c.plan
        .data_sources
        .iter()
        .filter(|s| s.personal_data || s.regulated_data)
        .collect()
}

fn source_approval(c: &Ctx) -> Eval {
    if c.plan.data_sources.is_empty() {
        return no_sources();
    }
    let sensitive = sensitive_sources(c);
    if sensitive.is_empty() {
        return met(
            "No data source holds personal or regulated data, so no access approval is needed.",
        );
    }
    let bad: Vec<String> = sensitive
        .iter()
        .filter(|s| s.access_approval != AccessApproval::Granted)
        .map(|s| {
            format!(
                "{} ({})",
                named(&s.name, &s.id),
                s.access_approval.label().to_lowercase()
            )
        })
        .collect();
    let owner = sensitive
        .iter()
        .find(|s| s.access_approval != AccessApproval::Granted)
        .and_then(|s| s.owner.as_ref());
    let denied = sensitive
        .iter()
        .any(|s| s.access_approval == AccessApproval::Denied);
    let mut eval = Check {
        total: sensitive.len(),
        bad,
        nouns: "sources with personal or regulated data",
        one: "lacks approved access",
        many: "lack approved access",
        ok: format!(
            "Access is approved for all {} sources with personal or regulated data.",
            sensitive.len()
        ),
        fix: "Get access to personal and regulated data approved before building on it.",
    }
    .eval()
    .by(owner);
    if denied {
        eval.status = Status::Unmet;
        eval.fix = "Access was denied for a source with personal or regulated data; drop it or get the decision reversed.".to_string();
    }
    eval
}

fn source_compliance(c: &Ctx) -> Eval {
    if c.plan.data_sources.is_empty() {
        return no_sources();
    }
    let sensitive = sensitive_sources(c);
    let risk_says_personal = matches!(
        c.plan.risk.personal_data,
        Some(crate::model::DataSensitivity::Personal | crate::model::DataSensitivity::Sensitive)
    );
    if sensitive.is_empty() {
        return if risk_says_personal {
            partly(
                "The risk answers say personal data is involved, but no data source is marked as holding it.",
                "Mark which data sources hold personal data so their compliance can be reviewed.",
            )
        } else {
            met("No data source holds personal or regulated data.")
        };
    }
    let bad: Vec<String> = sensitive
        .iter()
        .filter(|s| s.compliance != Compliance::Cleared)
        .map(|s| {
            format!(
                "{} ({})",
                named(&s.name, &s.id),
                s.compliance.label().to_lowercase()
            )
        })
        .collect();
    let owner = sensitive
        .iter()
        .find(|s| s.compliance != Compliance::Cleared)
        .and_then(|s| s.owner.as_ref());
    let blocked = sensitive
        .iter()
        .any(|s| s.compliance == Compliance::Blocked);
    let mut eval = Check {
        total: sensitive.len(),
        bad,
        nouns: "sources with personal or regulated data",
        one: "is not cleared by compliance",
        many: "are not cleared by compliance",
        ok: format!(
            "Compliance has cleared all {} sources with personal or regulated data.",
            sensitive.len()
        ),
        fix: "Get every source with personal or regulated data cleared by compliance.",
    }
    .eval()
    .by(owner);
    if blocked {
        eval.status = Status::Unmet;
        eval.fix = "Compliance blocked a source with personal or regulated data; drop it or resolve the objection.".to_string();
    }
    eval
}

fn production_like(c: &Ctx) -> Eval {
    let list = &c.plan.data_sources;
    if list.is_empty() {
        return no_sources();
    }
    let bad: Vec<String> = list
        .iter()
        .filter_map(|s| match s.production_representative {
            Some(true) => None,
            Some(false) => Some(format!("{} (curated sample)", named(&s.name, &s.id))),
            None => Some(format!("{} (not known)", named(&s.name, &s.id))),
        })
        .collect();
    let owner = list
        .iter()
        .find(|s| s.production_representative != Some(true))
        .and_then(|s| s.owner.as_ref());
    Check {
        total: list.len(),
        bad,
        nouns: "data sources",
        one: "is not shown to be like production data",
        many: "are not shown to be like production data",
        ok: "All data sources look like the data the AI will meet in production.".to_string(),
        fix: "Test on data that looks like production; a pilot on curated data proves little.",
    }
    .eval()
    .by(owner)
}

// ---------------------------------------------------------------------------
// 5. Technology and integration

fn no_systems() -> Eval {
    unmet(
        "No systems are listed.",
        "List the systems of record and integration points the use case touches.",
    )
}

fn systems_of_record(c: &Ctx) -> Eval {
    let list = &c.plan.systems;
    let records: Vec<String> = list
        .iter()
        .filter(|s| s.role == SystemRole::SystemOfRecord)
        .map(|s| named(&s.name, &s.id))
        .collect();
    if !records.is_empty() {
        met(format!(
            "Systems of record identified: {}.",
            name_list(&records)
        ))
    } else if list.is_empty() {
        no_systems()
    } else {
        partly(
            format!(
                "{} systems are listed but none is marked as a system of record.",
                list.len()
            ),
            "Identify the systems of record the AI reads from or writes to.",
        )
    }
}

fn integration_planned(c: &Ctx) -> Eval {
    let list = &c.plan.systems;
    if list.is_empty() {
        return no_systems();
    }
    let bad: Vec<String> = list
        .iter()
        .filter(|s| s.integration == IntegrationStatus::NotStarted)
        .map(|s| named(&s.name, &s.id))
        .collect();
    let owner = list
        .iter()
        .find(|s| s.integration == IntegrationStatus::NotStarted)
        .and_then(|s| s.owner.as_ref());
    Check {
        total: list.len(),
        bad,
        nouns: "integrations",
        one: "is not designed yet",
        many: "are not designed yet",
        ok: format!("All {} integrations are at least designed.", list.len()),
        fix: "Design the integrations now; last-mile integration is where initiatives most often stall.",
    }
    .eval()
    .by(owner)
}

fn security_review(c: &Ctx) -> Eval {
    let list = &c.plan.systems;
    if list.is_empty() {
        return no_systems();
    }
    let failed: Vec<String> = list
        .iter()
        .filter(|s| s.security_review == ReviewStatus::Failed)
        .map(|s| named(&s.name, &s.id))
        .collect();
    if !failed.is_empty() {
        let owner = list
            .iter()
            .find(|s| s.security_review == ReviewStatus::Failed)
            .and_then(|s| s.owner.as_ref());
        return unmet(
            format!(
                "{}.",
                count_of(
                    &failed,
                    list.len(),
                    "systems",
                    "failed its security review",
                    "failed their security review"
                )
            ),
            "Resolve the security review findings before building further.",
        )
        .by(owner);
    }
    let bad: Vec<String> = list
        .iter()
        .filter(|s| s.security_review == ReviewStatus::NotStarted)
        .map(|s| named(&s.name, &s.id))
        .collect();
    let owner = list
        .iter()
        .find(|s| s.security_review == ReviewStatus::NotStarted)
        .and_then(|s| s.owner.as_ref());
    Check {
        total: list.len(),
        bad,
        nouns: "systems",
        one: "has no security review started",
        many: "have no security review started",
        ok: "Security reviews are passed or under way for every system.".to_string(),
        fix: "Start the security reviews now rather than just before launch.",
    }
    .eval()
    .by(owner)
}

fn system_owners(c: &Ctx) -> Eval {
    let list = &c.plan.systems;
    if list.is_empty() {
        return no_systems();
    }
    let bad: Vec<String> = list
        .iter()
        .filter(|s| s.owner.is_none())
        .map(|s| named(&s.name, &s.id))
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "systems",
        one: "has no owner",
        many: "have no owner",
        ok: format!("All {} systems have an owner.", list.len()),
        fix: "Name an owner for every system the use case touches.",
    }
    .eval()
}

fn legacy_limits(c: &Ctx) -> Eval {
    let list = &c.plan.systems;
    if list.is_empty() {
        return no_systems();
    }
    let bad: Vec<String> = list
        .iter()
        .filter(|s| !filled(&s.limits))
        .map(|s| named(&s.name, &s.id))
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "systems",
        one: "has no limits noted",
        many: "have no limits noted",
        ok: "Legacy limits and constraints are noted for every system.".to_string(),
        fix: "Note each system's legacy limits (rate limits, batch windows, missing APIs).",
    }
    .eval()
}

// ---------------------------------------------------------------------------
// 6. Governance and risk

fn questionnaire(c: &Ctx) -> Eval {
    let open = &c.risk.unanswered;
    let total = crate::analysis::risk::QUESTIONS.len();
    let names: Vec<String> = open.iter().map(|q| format!("'{}'", q.label)).collect();
    match open.len() {
        0 => met(format!(
            "All {total} risk questions are answered: {}.",
            c.risk.tier.label().to_lowercase()
        )),
        n if n == total => unmet(
            "None of the risk questions is answered.",
            "Answer the risk questionnaire so the tier and its controls are known.",
        ),
        n => partly(
            format!(
                "{n} of {total} risk questions are open: {}.",
                name_list(&names)
            ),
            "Answer the remaining risk questions; the tier may change.",
        ),
    }
}

fn required_controls(c: &Ctx) -> Eval {
    let req = &c.risk.required;
    let bad: Vec<String> = req
        .iter()
        .filter(|r| r.state == ControlState::Missing)
        .map(|r| r.label.to_lowercase())
        .collect();
    Check {
        total: req.len(),
        bad,
        nouns: "required governance areas",
        one: "has no control",
        many: "have no control",
        ok: format!(
            "Every governance area the {} tier requires has a control.",
            c.risk.tier.label().to_lowercase()
        ),
        fix: "Add a control for each governance area the risk tier requires.",
    }
    .eval()
}

fn controls_owned(c: &Ctx) -> Eval {
    let present: Vec<_> = c
        .risk
        .required
        .iter()
        .filter(|r| r.state != ControlState::Missing)
        .collect();
    if present.is_empty() {
        return unmet(
            "No required governance area has a control yet, so none is owned.",
            "Add the required controls, each with an owner.",
        );
    }
    let bad: Vec<String> = present
        .iter()
        .filter(|r| r.state == ControlState::Unowned)
        .map(|r| r.label.to_lowercase())
        .collect();
    Check {
        total: present.len(),
        bad,
        nouns: "governance areas with controls",
        one: "has no owner",
        many: "have no owner",
        ok: "Every required control has an owner.".to_string(),
        fix: "Name an owner for each control.",
    }
    .eval()
}

fn controls_in_place(c: &Ctx) -> Eval {
    let req = &c.risk.required;
    let not_in_place: Vec<String> = req
        .iter()
        .filter(|r| r.state != ControlState::InPlace)
        .map(|r| {
            format!(
                "{} ({})",
                r.label.to_lowercase(),
                r.state.label().to_lowercase()
            )
        })
        .collect();
    let moving = req
        .iter()
        .any(|r| matches!(r.state, ControlState::InPlace | ControlState::InProgress));
    if not_in_place.is_empty() {
        met(format!(
            "All {} required governance areas are in place.",
            req.len()
        ))
    } else if moving {
        partly(
            format!(
                "{}.",
                count_of(
                    &not_in_place,
                    req.len(),
                    "required governance areas",
                    "is not in place",
                    "are not in place"
                )
            ),
            "Finish putting the required controls in place before deployment.",
        )
    } else {
        unmet(
            "No required governance area is in place or under way.",
            "Start putting the required controls in place; the four baseline areas must be ready before deployment.",
        )
    }
}

fn human_in_loop(c: &Ctx) -> Eval {
    let steps = &c.plan.workflow;
    if steps.is_empty() {
        return unmet(
            "The workflow has no steps, so it is not clear where people stay in charge.",
            "Describe the workflow step by step: what the AI does and what people do.",
        );
    }
    let risky: Vec<_> = steps.iter().filter(|s| s.carries_risk).collect();
    let bad: Vec<String> = risky
        .iter()
        .filter(|s| s.human_role == HumanRole::None)
        .map(|s| named(&s.name, &s.id))
        .collect();
    if !bad.is_empty() {
        return unmet(
            format!(
                "{}.",
                count_of(
                    &bad,
                    risky.len(),
                    "risk-bearing steps",
                    "has no person in it",
                    "have no person in them"
                )
            ),
            "Put a person in every step that carries risk: to approve, decide or own the risk.",
        );
    }
    if risky.is_empty() && c.risk.tier != Tier::Minimal {
        return partly(
            "No workflow step is marked as carrying risk, though the risk tier is above minimal.",
            "Mark the steps where a wrong outcome carries risk, and who owns that risk.",
        );
    }
    met(if risky.is_empty() {
        "No workflow step is marked as carrying risk.".to_string()
    } else {
        format!(
            "A person approves, decides or owns the risk in all {} risk-bearing steps.",
            risky.len()
        )
    })
}

fn independent_review(c: &Ctx) -> Eval {
    let reviewers: Vec<&Stakeholder> = c
        .plan
        .stakeholders
        .iter()
        .filter(|s| matches!(s.function, Function::Risk | Function::Legal))
        .collect();
    if reviewers.is_empty() {
        return unmet(
            "No one from risk, compliance or legal is among the stakeholders.",
            "Bring risk, compliance or legal in to review this high-risk use.",
        );
    }
    let ids: HashSet<&str> = reviewers.iter().map(|s| s.id.as_str()).collect();
    let in_gate = c
        .plan
        .phases
        .iter()
        .any(|p| p.gate_approvers.iter().any(|a| ids.contains(a.as_str())));
    let in_decision = c.plan.decisions.iter().any(|d| {
        d.roles.iter().any(|r| {
            matches!(
                r.role,
                DecisionRole::Approves | DecisionRole::Reviews | DecisionRole::CanBlock
            ) && r
                .stakeholder
                .as_ref()
                .is_some_and(|s| ids.contains(s.as_str()))
        })
    });
    let names: Vec<String> = reviewers.iter().map(|s| named(&s.name, &s.id)).collect();
    if in_gate || in_decision {
        met(format!(
            "Risk, compliance or legal ({}) reviews, approves or can block key decisions.",
            name_list(&names)
        ))
    } else {
        partly(
            format!(
                "{} from risk, compliance or legal has no part in any decision or gate.",
                name_list(&names)
            ),
            "Give risk, compliance or legal a review or veto in the go-live decision and gates.",
        )
    }
}

// ---------------------------------------------------------------------------
// 7. Change management and adoption

fn training(c: &Ctx) -> Eval {
    let list = &c.plan.change.training;
    if list.is_empty() {
        return unmet(
            "No training is planned.",
            "Plan training for everyone who will work with the AI; it is not optional.",
        );
    }
    let bad: Vec<String> = list
        .iter()
        .filter(|t| t.owner.is_none() || !filled(&t.audience))
        .map(|t| quoted(&t.audience, &named(&t.topic, &t.id)))
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "trainings",
        one: "has no owner or audience",
        many: "have no owner or audience",
        ok: format!(
            "{} trainings are planned, each with an owner and audience.",
            list.len()
        ),
        fix: "Give each training an audience and an owner.",
    }
    .eval()
}

fn communication(c: &Ctx) -> Eval {
    let list = &c.plan.change.communications;
    if list.is_empty() {
        return unmet(
            "No communication about the change is planned.",
            "Plan how people hear what the AI is for and where its limits are.",
        );
    }
    let bad: Vec<String> = list
        .iter()
        .filter(|m| m.owner.is_none() || !filled(&m.message))
        .map(|m| named(&m.audience, &m.id))
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "communications",
        one: "has no message or owner",
        many: "have no message or owner",
        ok: "Each communication has an owner and says what the AI is for and where its limits are.".to_string(),
        fix: "Write the message about purpose and boundaries for each audience, and name who delivers it.",
    }
    .eval()
}

fn milestones(c: &Ctx) -> Eval {
    let list = &c.plan.change.milestones;
    if list.is_empty() {
        return unmet(
            "No adoption milestones are set.",
            "Set adoption milestones, each with a measure, a date and someone accountable.",
        );
    }
    let bad: Vec<String> = list
        .iter()
        .filter(|m| m.owner.is_none() || !filled(&m.measure) || m.due.is_none())
        .map(|m| named(&m.name, &m.id))
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "adoption milestones",
        one: "lacks an owner, measure or date",
        many: "lack an owner, measure or date",
        ok: "Every adoption milestone has an owner, a measure and a date.".to_string(),
        fix: "Tie each adoption milestone to a measure, a date and someone accountable.",
    }
    .eval()
}

fn leadership(c: &Ctx) -> Eval {
    written(
        &c.plan.change.leadership,
        "It is written down how leaders will visibly use the capability.",
        "Nothing says how leaders will use the capability themselves.",
        "Describe how leaders will visibly use the AI themselves.",
    )
}

fn literacy(c: &Ctx) -> Eval {
    written(
        &c.plan.change.literacy,
        "There is a plan for AI literacy among non-technical users.",
        "Nothing says how non-technical users build AI literacy.",
        "Plan how non-technical users learn what the AI can and cannot do.",
    )
}

// ---------------------------------------------------------------------------
// 8. Monitoring and feedback

fn feedback_loops(c: &Ctx) -> Eval {
    let list = &c.plan.feedback.loops;
    if list.is_empty() {
        return unmet(
            "No feedback loops are set.",
            "Set feedback loops: a signal, how often it is read, who owns it, the threshold and the action.",
        );
    }
    let bad: Vec<String> = list
        .iter()
        .filter_map(|l| {
            let mut gaps = Vec::new();
            if l.owner.is_none() {
                gaps.push("owner");
            }
            if l.cadence == Cadence::Unset {
                gaps.push("cadence");
            }
            if !filled(&l.threshold) {
                gaps.push("threshold");
            }
            if !filled(&l.action) {
                gaps.push("action");
            }
            (!gaps.is_empty())
                .then(|| format!("{} (no {})", named(&l.signal, &l.id), gaps.join(", ")))
        })
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "feedback loops",
        one: "is incomplete",
        many: "are incomplete",
        ok: format!(
            "All {} feedback loops have an owner, cadence, threshold and action.",
            list.len()
        ),
        fix: "Give each feedback loop an owner, a cadence, a threshold and the action it triggers.",
    }
    .eval()
}

fn flagging(c: &Ctx) -> Eval {
    written(
        &c.plan.feedback.flagging,
        "Users have a way to flag wrong outputs.",
        "Nothing says how users flag a wrong output.",
        "Give users a simple way to flag a wrong output.",
    )
}

fn support(c: &Ctx) -> Eval {
    let s = &c.plan.feedback.support;
    match (filled(&s.description), s.owner.as_ref()) {
        (true, Some(owner)) => met(format!(
            "A support path is described and owned by {}.",
            c.person_name(owner)
        )),
        (true, None) => partly(
            "A support path is described but nobody owns it.",
            "Name who owns support once the AI is live.",
        ),
        (false, Some(_)) => partly(
            "Support has an owner but the path is not described.",
            "Describe how users get help or report a problem.",
        ),
        (false, None) => unmet(
            "There is no support path.",
            "Describe how users get help, and name who owns support.",
        ),
    }
}

fn model_review(c: &Ctx) -> Eval {
    written(
        &c.plan.feedback.model_review,
        "A regular review of the model and prompts is planned.",
        "No review of the model and prompts is planned; quality can drift silently.",
        "Set how often, and by whom, the model and prompts are reviewed.",
    )
}

// ---------------------------------------------------------------------------
// The table

struct CriterionDef {
    key: &'static str,
    dimension: Dimension,
    label: &'static str,
    section: u8,
    /// Weight for a minimal, limited and high (or prohibited) tier.
    weights: [u32; 3],
    eval: fn(&Ctx) -> Eval,
}

const fn def(
    key: &'static str,
    dimension: Dimension,
    section: u8,
    weights: [u32; 3],
    label: &'static str,
    eval: fn(&Ctx) -> Eval,
) -> CriterionDef {
    CriterionDef {
        key,
        dimension,
        label,
        section,
        weights,
        eval,
    }
}

use Dimension as D;

#[rustfmt::skip]
static CRITERIA: &[CriterionDef] = &[
    def("outcomes.process_first", D::Outcomes, 1, [3; 3], "Starts from a business process that hurts", process_first),
    def("outcomes.impact", D::Outcomes, 1, [2; 3], "Expected business impact is stated", impact),
    def("outcomes.scope", D::Outcomes, 1, [2; 3], "Scope is explicit: what is in and what is out", scope),
    def("outcomes.constraints", D::Outcomes, 1, [1; 3], "Time, budget, risk and compliance limits are stated", constraints),
    def("outcomes.business_metric", D::Outcomes, 2, [3; 3], "Success is measured by a business outcome", business_metric),
    def("outcomes.baselines", D::Outcomes, 2, [3; 3], "Baselines are measured and dated before optimization", baselines),
    def("outcomes.targets", D::Outcomes, 2, [2; 3], "Every metric has a target that improves on its baseline", targets),
    def("outcomes.metric_ownership", D::Outcomes, 2, [2; 3], "Every metric has an owner and a measurement method", metric_ownership),
    def("outcomes.use_case_fit", D::Outcomes, 1, [2; 3], "The first use case has the traits of a good one", use_case_fit),
    def("ownership.sponsor", D::Ownership, 3, [3; 3], "A named executive sponsor", sponsor),
    def("ownership.initiative_owner", D::Ownership, 3, [3; 3], "An initiative owner accountable for outcomes", initiative_owner),
    def("ownership.business_owner", D::Ownership, 3, [2; 3], "A business owner who will keep improving the workflow", business_owner),
    def("ownership.not_single_champion", D::Ownership, 3, [2; 3], "Ownership is not resting on a single champion", not_single_champion),
    def("ownership.coalition", D::Ownership, 4, [3; 3], "A coalition across technology, operations, risk and the business", coalition),
    def("stakeholders.one_approver", D::Stakeholders, 4, [3; 3], "Each decision has exactly one approver", one_approver),
    def("stakeholders.disagreement", D::Stakeholders, 4, [2; 3], "Each decision has a path for disagreement", disagreement),
    def("stakeholders.decision_flow", D::Stakeholders, 4, [2; 3], "Each decision has someone who prepares and someone who reviews", decision_flow),
    def("stakeholders.affected", D::Stakeholders, 4, [2; 3], "The people affected by the change are identified", affected),
    def("stakeholders.handoffs", D::Stakeholders, 10, [2; 3], "Approvals and hand-offs are designed as real work", handoffs),
    def("data.owners", D::Data, 6, [3; 3], "Every data source has an owner", source_owners),
    def("data.quality", D::Data, 6, [3; 3], "Data quality is assessed and adequate", source_quality),
    def("data.access", D::Data, 6, [2; 3], "The data can be reached", source_access),
    def("data.approval", D::Data, 6, [3; 3], "Access to personal or regulated data is approved", source_approval),
    def("data.compliance", D::Data, 6, [3; 3], "Compliance has cleared personal or regulated data", source_compliance),
    def("data.production_like", D::Data, 6, [3; 3], "The data is representative of production", production_like),
    def("technology.systems_of_record", D::Technology, 7, [3; 3], "Systems of record are identified", systems_of_record),
    def("technology.integration", D::Technology, 7, [3; 3], "Integrations are designed early", integration_planned),
    def("technology.security_review", D::Technology, 7, [3; 3], "Security reviews are started early and not failed", security_review),
    def("technology.owners", D::Technology, 7, [2; 3], "Every system has an owner", system_owners),
    def("technology.legacy_limits", D::Technology, 7, [1; 3], "Legacy limits are noted", legacy_limits),
    def("governance.questionnaire", D::Governance, 8, [2, 2, 3], "The risk questionnaire is complete", questionnaire),
    def("governance.required_controls", D::Governance, 8, [2, 3, 5], "Every governance area the tier requires has a control", required_controls),
    def("governance.controls_owned", D::Governance, 8, [1, 2, 3], "Every required control has an owner", controls_owned),
    def("governance.controls_in_place", D::Governance, 8, [1, 2, 4], "The required controls are in place", controls_in_place),
    def("governance.human_in_loop", D::Governance, 5, [2, 3, 4], "A person is in every step that carries risk", human_in_loop),
    def("governance.independent_review", D::Governance, 4, [0, 0, 3], "Risk or legal reviews a high-risk use", independent_review),
    def("change.training", D::Change, 11, [3; 3], "Training is planned for the people affected", training),
    def("change.communication", D::Change, 11, [2; 3], "Purpose and boundaries are communicated", communication),
    def("change.milestones", D::Change, 11, [3; 3], "Adoption milestones are tied to accountability", milestones),
    def("change.leadership", D::Change, 11, [2; 3], "Leaders visibly use the capability", leadership),
    def("change.literacy", D::Change, 11, [2; 3], "Non-technical users build AI literacy", literacy),
    def("monitoring.loops", D::Monitoring, 12, [3; 3], "Feedback loops have an owner, cadence, threshold and action", feedback_loops),
    def("monitoring.flagging", D::Monitoring, 12, [2; 3], "Users can flag wrong outputs", flagging),
    def("monitoring.support", D::Monitoring, 12, [3; 3], "A support path with an owner", support),
    def("monitoring.model_review", D::Monitoring, 12, [2; 3], "The model and prompts are reviewed on a cadence", model_review),
];

fn tier_column(tier: Tier) -> usize {
    match tier {
        Tier::Minimal => 0,
        Tier::Limited => 1,
        Tier::High | Tier::Prohibited => 2,
    }
}

/// The first [`TOP_ACTIONS`] actions, skipping any whose fix repeats one
/// already taken (an empty section fails several criteria with one fix).
fn top_actions(actions: &[Action]) -> Vec<Action> {
    let mut seen: HashSet<&str> = HashSet::new();
    actions
        .iter()
        .filter(|a| seen.insert(a.fix.as_str()))
        .take(TOP_ACTIONS)
        .cloned()
        .collect()
}

/// Weight of each dimension in the overall score.
const DIMENSION_WEIGHT: u32 = 1;

/// Scores a plan's readiness.
///
/// ```
/// use planwright_core::model::Plan;
/// use planwright_core::analysis::readiness::{readiness, Band};
/// use planwright_core::analysis::risk::assess;
///
/// let plan = Plan::blank();
/// let r = readiness(&plan, &assess(&plan));
/// assert_eq!(r.band, Band::NotReady);
/// assert!(!r.top_actions.is_empty());
/// ```
pub fn readiness(plan: &Plan, risk: &RiskAssessment) -> Readiness {
    let ctx = Ctx {
        plan,
        risk,
        people: plan
            .stakeholders
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect(),
    };
    let column = tier_column(risk.tier);
    let mut dimensions: Vec<DimensionScore> = Dimension::ALL
        .iter()
        .map(|&dimension| DimensionScore {
            dimension,
            label: dimension.label(),
            weight: DIMENSION_WEIGHT,
            score: 0,
            band: Band::NotReady,
            points: 0.0,
            total_weight: 0,
            criteria: Vec::new(),
        })
        .collect();
    for d in CRITERIA {
        let weight = d.weights.get(column).copied().unwrap_or(0);
        if weight == 0 {
            continue;
        }
        let Some(dim) = dimensions.iter_mut().find(|s| s.dimension == d.dimension) else {
            continue;
        };
        let e = (d.eval)(&ctx);
        let points = f64::from(weight) * e.status.fraction();
        dim.points += points;
        dim.total_weight += weight;
        dim.criteria.push(CriterionResult {
            key: d.key,
            dimension: d.dimension,
            label: d.label,
            status: e.status,
            weight,
            points,
            evidence: e.evidence,
            fix: e.fix,
            section: d.section,
            owner: e.owner,
        });
    }
    let exact = |d: &DimensionScore| {
        if d.total_weight == 0 {
            0.0
        } else {
            100.0 * d.points / f64::from(d.total_weight)
        }
    };
    for d in &mut dimensions {
        d.score = exact(d).round() as u32;
        d.band = Band::from_score(d.score);
    }
    let weight_sum: u32 = dimensions.iter().map(|d| d.weight).sum();
    let overall_exact = if weight_sum == 0 {
        0.0
    } else {
        dimensions
            .iter()
            .map(|d| f64::from(d.weight) * exact(d))
            .sum::<f64>()
            / f64::from(weight_sum)
    };
    let overall = overall_exact.round() as u32;
    let band_by_average = Band::from_score(overall);
    let weakest = dimensions.iter().min_by_key(|d| d.score);
    let cap = weakest.map(|d| d.band.next()).unwrap_or(Band::ReadyToScale);
    let mut band = if cap.rank() < band_by_average.rank() {
        cap
    } else {
        band_by_average
    };
    let capped_by = weakest
        .filter(|_| cap.rank() < band_by_average.rank())
        .map(|d| d.dimension);
    let prohibited = risk.tier == Tier::Prohibited;
    let mut rule = "The plan can sit at most one band above its weakest dimension.".to_string();
    match (weakest, capped_by) {
        (Some(w), Some(_)) => rule.push_str(&format!(
            " {} scores {} ({}), so the plan is held at {} although its average of {overall} would make it {}.",
            w.label,
            w.score,
            w.band.label().to_lowercase(),
            band.label().to_lowercase(),
            band_by_average.label().to_lowercase()
        )),
        (Some(w), None) => rule.push_str(&format!(
            " The weakest dimension, {} at {}, does not hold the plan below its average band.",
            w.label.to_lowercase(),
            w.score
        )),
        (None, _) => {}
    }
    if prohibited {
        band = Band::NotReady;
        rule.push_str(" A prohibited practice means the use cannot go ahead, so the plan is not ready whatever its score.");
    }

    let mut actions: Vec<(usize, Action)> = Vec::new();
    for d in &dimensions {
        if d.total_weight == 0 || weight_sum == 0 {
            continue;
        }
        let scale = f64::from(d.weight) / f64::from(weight_sum) * 100.0 / f64::from(d.total_weight);
        for c in d.criteria.iter().filter(|c| c.status != Status::Met) {
            let gain = (f64::from(c.weight) - c.points) * scale;
            actions.push((
                actions.len(),
                Action {
                    key: c.key,
                    dimension: c.dimension,
                    label: c.label,
                    status: c.status,
                    fix: c.fix.clone(),
                    evidence: c.evidence.clone(),
                    section: c.section,
                    gain: (gain * 10.0).round() / 10.0,
                    owner: c.owner.clone(),
                },
            ));
        }
    }
    actions.sort_by(|(i, a), (j, b)| {
        b.gain
            .total_cmp(&a.gain)
            .then(a.section.cmp(&b.section))
            .then(i.cmp(j))
    });
    let actions: Vec<Action> = actions.into_iter().map(|(_, a)| a).collect();
    Readiness {
        overall,
        band_by_average,
        band,
        weakest: weakest.map(|d| d.dimension),
        capped_by,
        prohibited,
        rule,
        top_actions: top_actions(&actions),
        actions,
        dimensions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::rich;
    use crate::analysis::risk::assess;
    use crate::model::{
        AdoptionMilestone, Communication, ControlArea, ControlStatus, DataSensitivity,
        FeedbackLoop, Handoff, HighRiskArea, Metric, ProhibitedPractice, RiskAnswers,
        RoleAssignment, Training,
    };

    fn score(plan: &Plan) -> Readiness {
        readiness(plan, &assess(plan))
    }

    fn result(plan: &Plan, key: &str) -> CriterionResult {
        score(plan)
            .criterion(key)
            .cloned()
            .unwrap_or_else(|| panic!("criterion {key} is not listed"))
    }

    type Edit = fn(&mut Plan);

    /// Makes the use high-risk, so the high-tier criteria apply.
    fn high(p: &mut Plan) {
        p.risk.high_risk_areas = Some(vec![HighRiskArea::Employment]);
    }

    /// (criterion, what is changed in the rich plan, expected status)
    #[rustfmt::skip]
    const CASES: &[(&str, Edit, Status)] = &[
        ("outcomes.process_first", |_| {}, Status::Met),
        ("outcomes.process_first", |p| p.objective.process.clear(), Status::Partly),
        ("outcomes.process_first", |p| p.objective.problem.clear(), Status::Partly),
        ("outcomes.process_first", |p| p.objective.process = "Use AI to answer tickets".into(), Status::Partly),
        ("outcomes.process_first", |p| { p.objective.process.clear(); p.objective.problem.clear() }, Status::Unmet),
        ("outcomes.impact", |_| {}, Status::Met),
        ("outcomes.impact", |p| p.objective.impact = "  ".into(), Status::Unmet),
        ("outcomes.scope", |_| {}, Status::Met),
        ("outcomes.scope", |p| p.objective.out_of_scope.clear(), Status::Partly),
        ("outcomes.scope", |p| { p.objective.out_of_scope.clear(); p.objective.in_scope = vec![String::new()] }, Status::Unmet),
        ("outcomes.constraints", |_| {}, Status::Met),
        ("outcomes.constraints", |p| p.objective.constraints.budget.clear(), Status::Partly),
        ("outcomes.constraints", |p| p.objective.constraints = Default::default(), Status::Unmet),
        ("outcomes.business_metric", |_| {}, Status::Met),
        ("outcomes.business_metric", |p| p.metrics.iter_mut().for_each(|m| m.kind = MetricKind::Usage), Status::Partly),
        ("outcomes.business_metric", |p| p.metrics.clear(), Status::Unmet),
        ("outcomes.baselines", |_| {}, Status::Met),
        ("outcomes.baselines", |p| p.metrics[1].baseline = None, Status::Partly),
        ("outcomes.baselines", |p| p.metrics[1].baseline_date = None, Status::Partly),
        ("outcomes.baselines", |p| p.metrics[0].baseline_date = "2026-07-01".parse().ok(), Status::Partly),
        ("outcomes.baselines", |p| p.metrics.iter_mut().for_each(|m| m.baseline = None), Status::Unmet),
        ("outcomes.baselines", |p| p.metrics.clear(), Status::Unmet),
        ("outcomes.targets", |_| {}, Status::Met),
        ("outcomes.targets", |p| p.metrics[0].target = None, Status::Partly),
        ("outcomes.targets", |p| p.metrics[1].target = Some(15.0), Status::Partly),
        ("outcomes.targets", |p| p.metrics.iter_mut().for_each(|m| m.target = None), Status::Unmet),
        ("outcomes.metric_ownership", |_| {}, Status::Met),
        ("outcomes.metric_ownership", |p| p.metrics[0].owner = None, Status::Partly),
        ("outcomes.metric_ownership", |p| p.metrics.iter_mut().for_each(|m| m.method.clear()), Status::Unmet),
        ("outcomes.use_case_fit", |_| {}, Status::Met),
        ("outcomes.use_case_fit", |p| p.objective.fit.existing_data = false, Status::Met),
        ("outcomes.use_case_fit", |p| {
            let f = &mut p.objective.fit;
            (f.existing_data, f.repeatable, f.visible_pain) = (false, false, false);
        }, Status::Partly),
        ("outcomes.use_case_fit", |p| p.objective.fit = Default::default(), Status::Unmet),
        ("ownership.sponsor", |_| {}, Status::Met),
        ("ownership.sponsor", |p| p.ownership.sponsor = Some(Id::from("ghost")), Status::Partly),
        ("ownership.sponsor", |p| p.ownership.sponsor = None, Status::Unmet),
        ("ownership.initiative_owner", |_| {}, Status::Met),
        ("ownership.initiative_owner", |p| p.ownership.accountability.clear(), Status::Partly),
        ("ownership.initiative_owner", |p| p.ownership.initiative_owner = None, Status::Unmet),
        ("ownership.business_owner", |_| {}, Status::Met),
        ("ownership.business_owner", |p| p.ownership.business_owner = Some(Id::from("s-tech")), Status::Partly),
        ("ownership.business_owner", |p| p.ownership.business_owner = None, Status::Unmet),
        ("ownership.not_single_champion", |_| {}, Status::Met),
        ("ownership.not_single_champion", |p| p.ownership.sponsor = p.ownership.business_owner.clone(), Status::Met),
        ("ownership.not_single_champion", |p| {
            let o = &mut p.ownership;
            (o.sponsor, o.business_owner) = (o.initiative_owner.clone(), None);
        }, Status::Unmet),
        ("ownership.not_single_champion", |p| p.ownership = Default::default(), Status::Unmet),
        ("ownership.coalition", |_| {}, Status::Met),
        ("ownership.coalition", |p| p.stakeholders.retain(|s| s.function != Function::Risk), Status::Partly),
        ("ownership.coalition", |p| p.stakeholders.retain(|s| s.function == Function::Executive), Status::Unmet),
        ("stakeholders.one_approver", |_| {}, Status::Met),
        ("stakeholders.one_approver", |p| {
            p.decisions[1].roles.push(RoleAssignment { stakeholder: Some(Id::from("s-cco")), role: DecisionRole::Approves });
        }, Status::Partly),
        ("stakeholders.one_approver", |p| p.decisions.iter_mut().for_each(|d| d.roles.retain(|r| r.role != DecisionRole::Approves)), Status::Unmet),
        ("stakeholders.one_approver", |p| p.decisions.clear(), Status::Unmet),
        ("stakeholders.disagreement", |_| {}, Status::Met),
        ("stakeholders.disagreement", |p| p.decisions[0].on_disagreement.clear(), Status::Partly),
        ("stakeholders.disagreement", |p| p.decisions.iter_mut().for_each(|d| d.on_disagreement.clear()), Status::Unmet),
        ("stakeholders.decision_flow", |_| {}, Status::Met),
        ("stakeholders.decision_flow", |p| p.decisions[0].roles.retain(|r| r.role != DecisionRole::Prepares), Status::Partly),
        ("stakeholders.decision_flow", |p| p.decisions[1].roles[3].stakeholder = None, Status::Partly),
        ("stakeholders.decision_flow", |p| p.decisions.iter_mut().for_each(|d| d.roles.clear()), Status::Unmet),
        ("stakeholders.affected", |_| {}, Status::Met),
        ("stakeholders.affected", |p| p.stakeholders.iter_mut().for_each(|s| s.affected = false), Status::Unmet),
        ("stakeholders.affected", |p| p.stakeholders.clear(), Status::Unmet),
        ("stakeholders.handoffs", |_| {}, Status::Met),
        ("stakeholders.handoffs", |p| p.handoffs.push(Handoff { id: Id::from("h-2"), ..Handoff::default() }), Status::Partly),
        ("stakeholders.handoffs", |p| p.handoffs[0].turnaround_days = None, Status::Unmet),
        ("stakeholders.handoffs", |p| p.handoffs.clear(), Status::Unmet),
        ("data.owners", |_| {}, Status::Met),
        ("data.owners", |p| p.data_sources[0].owner = None, Status::Partly),
        ("data.owners", |p| p.data_sources.iter_mut().for_each(|s| s.owner = None), Status::Unmet),
        ("data.owners", |p| p.data_sources.clear(), Status::Unmet),
        ("data.quality", |_| {}, Status::Met),
        ("data.quality", |p| p.data_sources[0].quality = Quality::Poor, Status::Partly),
        ("data.quality", |p| p.data_sources.iter_mut().for_each(|s| s.quality = Quality::Unknown), Status::Unmet),
        ("data.access", |_| {}, Status::Met),
        ("data.access", |p| p.data_sources[0].accessibility = Accessibility::Restricted, Status::Partly),
        ("data.access", |p| p.data_sources[0].accessibility = Accessibility::Unavailable, Status::Partly),
        ("data.access", |p| p.data_sources.iter_mut().for_each(|s| s.accessibility = Accessibility::Unknown), Status::Unmet),
        ("data.approval", |_| {}, Status::Met),
        ("data.approval", |p| p.data_sources[0].personal_data = false, Status::Met),
        ("data.approval", |p| p.data_sources[1].regulated_data = true, Status::Partly),
        ("data.approval", |p| p.data_sources[0].access_approval = AccessApproval::Requested, Status::Unmet),
        ("data.approval", |p| {
            p.data_sources[1].personal_data = true;
            p.data_sources[1].access_approval = AccessApproval::Denied;
        }, Status::Unmet),
        ("data.compliance", |_| {}, Status::Met),
        ("data.compliance", |p| { p.data_sources[0].personal_data = false; p.risk.personal_data = Some(DataSensitivity::NoPersonal) }, Status::Met),
        ("data.compliance", |p| p.data_sources[0].personal_data = false, Status::Partly),
        ("data.compliance", |p| p.data_sources[1].personal_data = true, Status::Partly),
        ("data.compliance", |p| p.data_sources[0].compliance = Compliance::UnderReview, Status::Unmet),
        ("data.compliance", |p| {
            p.data_sources[1].personal_data = true;
            p.data_sources[1].compliance = Compliance::Blocked;
        }, Status::Unmet),
        ("data.production_like", |_| {}, Status::Met),
        ("data.production_like", |p| p.data_sources[0].production_representative = None, Status::Partly),
        ("data.production_like", |p| p.data_sources.iter_mut().for_each(|s| s.production_representative = Some(false)), Status::Unmet),
        ("technology.systems_of_record", |_| {}, Status::Met),
        ("technology.systems_of_record", |p| p.systems[0].role = SystemRole::IntegrationPoint, Status::Partly),
        ("technology.systems_of_record", |p| p.systems.clear(), Status::Unmet),
        ("technology.integration", |_| {}, Status::Met),
        ("technology.integration", |p| p.systems[0].integration = IntegrationStatus::Designed, Status::Met),
        ("technology.integration", |p| p.systems[0].integration = IntegrationStatus::NotStarted, Status::Partly),
        ("technology.integration", |p| p.systems.iter_mut().for_each(|s| s.integration = IntegrationStatus::NotStarted), Status::Unmet),
        ("technology.security_review", |_| {}, Status::Met),
        ("technology.security_review", |p| p.systems[0].security_review = ReviewStatus::InProgress, Status::Met),
        ("technology.security_review", |p| p.systems[0].security_review = ReviewStatus::NotStarted, Status::Partly),
        ("technology.security_review", |p| p.systems[1].security_review = ReviewStatus::Failed, Status::Unmet),
        ("technology.owners", |_| {}, Status::Met),
        ("technology.owners", |p| p.systems[1].owner = None, Status::Partly),
        ("technology.owners", |p| p.systems.iter_mut().for_each(|s| s.owner = None), Status::Unmet),
        ("technology.legacy_limits", |_| {}, Status::Met),
        ("technology.legacy_limits", |p| p.systems[1].limits.clear(), Status::Partly),
        ("technology.legacy_limits", |p| p.systems.iter_mut().for_each(|s| s.limits.clear()), Status::Unmet),
        ("governance.questionnaire", |_| {}, Status::Met),
        ("governance.questionnaire", |p| p.risk.autonomy = None, Status::Partly),
        ("governance.questionnaire", |p| p.risk = RiskAnswers::default(), Status::Unmet),
        ("governance.required_controls", |_| {}, Status::Met),
        ("governance.required_controls", |p| p.controls.retain(|c| c.area != ControlArea::Transparency), Status::Partly),
        ("governance.required_controls", |p| p.controls.clear(), Status::Unmet),
        ("governance.controls_owned", |_| {}, Status::Met),
        ("governance.controls_owned", |p| p.controls[0].owner = None, Status::Partly),
        ("governance.controls_owned", |p| p.controls.iter_mut().for_each(|c| c.owner = None), Status::Unmet),
        ("governance.controls_owned", |p| p.controls.clear(), Status::Unmet),
        ("governance.controls_in_place", |_| {}, Status::Met),
        ("governance.controls_in_place", |p| p.controls[0].status = ControlStatus::Planned, Status::Partly),
        ("governance.controls_in_place", |p| p.controls.iter_mut().for_each(|c| c.status = ControlStatus::Planned), Status::Unmet),
        ("governance.human_in_loop", |_| {}, Status::Met),
        ("governance.human_in_loop", |p| p.workflow.iter_mut().for_each(|s| s.carries_risk = false), Status::Partly),
        ("governance.human_in_loop", |p| {
            p.workflow.iter_mut().for_each(|s| s.carries_risk = false);
            p.risk.generates_content = Some(false); // minimal tier
        }, Status::Met),
        ("governance.human_in_loop", |p| p.workflow[2].human_role = HumanRole::None, Status::Unmet),
        ("governance.human_in_loop", |p| p.workflow.clear(), Status::Unmet),
        ("governance.independent_review", high, Status::Met),
        ("governance.independent_review", |p| {
            high(p);
            p.decisions.iter_mut().for_each(|d| d.roles.retain(|r| r.stakeholder != Some(Id::from("s-risk"))));
        }, Status::Partly),
        ("governance.independent_review", |p| {
            high(p);
            p.decisions.iter_mut().for_each(|d| d.roles.retain(|r| r.stakeholder != Some(Id::from("s-risk"))));
            p.phases[0].gate_approvers = vec![Id::from("s-risk")];
        }, Status::Met),
        ("governance.independent_review", |p| {
            high(p);
            p.stakeholders.iter_mut().filter(|s| s.function == Function::Risk).for_each(|s| s.function = Function::Business);
        }, Status::Unmet),
        ("change.training", |_| {}, Status::Met),
        ("change.training", |p| p.change.training.push(Training { id: Id::from("tr-2"), audience: "Leads".into(), ..Training::default() }), Status::Partly),
        ("change.training", |p| p.change.training[0].owner = None, Status::Unmet),
        ("change.training", |p| p.change.training.clear(), Status::Unmet),
        ("change.communication", |_| {}, Status::Met),
        ("change.communication", |p| p.change.communications.push(Communication { id: Id::from("co-2"), ..Communication::default() }), Status::Partly),
        ("change.communication", |p| p.change.communications.clear(), Status::Unmet),
        ("change.milestones", |_| {}, Status::Met),
        ("change.milestones", |p| p.change.milestones.push(AdoptionMilestone { id: Id::from("ms-2"), ..AdoptionMilestone::default() }), Status::Partly),
        ("change.milestones", |p| p.change.milestones[0].due = None, Status::Unmet),
        ("change.milestones", |p| p.change.milestones.clear(), Status::Unmet),
        ("change.leadership", |_| {}, Status::Met),
        ("change.leadership", |p| p.change.leadership.clear(), Status::Unmet),
        ("change.literacy", |_| {}, Status::Met),
        ("change.literacy", |p| p.change.literacy.clear(), Status::Unmet),
        ("monitoring.loops", |_| {}, Status::Met),
        ("monitoring.loops", |p| p.feedback.loops.push(FeedbackLoop { id: Id::from("fl-2"), ..FeedbackLoop::default() }), Status::Partly),
        ("monitoring.loops", |p| p.feedback.loops[0].cadence = Cadence::Unset, Status::Unmet),
        ("monitoring.loops", |p| p.feedback.loops.clear(), Status::Unmet),
        ("monitoring.flagging", |_| {}, Status::Met),
        ("monitoring.flagging", |p| p.feedback.flagging.clear(), Status::Unmet),
        ("monitoring.support", |_| {}, Status::Met),
        ("monitoring.support", |p| p.feedback.support.owner = None, Status::Partly),
        ("monitoring.support", |p| p.feedback.support.description.clear(), Status::Partly),
        ("monitoring.support", |p| p.feedback.support = Default::default(), Status::Unmet),
        ("monitoring.model_review", |_| {}, Status::Met),
        ("monitoring.model_review", |p| p.feedback.model_review.clear(), Status::Unmet),
    ];

    /// Criteria that are either met or not, with nothing in between.
    const BINARY: &[&str] = &[
        "outcomes.impact",
        "ownership.not_single_champion",
        "stakeholders.affected",
        "change.leadership",
        "change.literacy",
        "monitoring.flagging",
        "monitoring.model_review",
    ];

    #[test]
    fn every_criterion_case() {
        for (i, (key, edit, expected)) in CASES.iter().enumerate() {
            let mut plan = rich();
            edit(&mut plan);
            let got = result(&plan, key);
            assert_eq!(got.status, *expected, "case {i} ({key}): {}", got.evidence);
            assert!(!got.evidence.is_empty(), "case {i} ({key})");
            assert_eq!(
                got.fix.is_empty(),
                got.status == Status::Met,
                "case {i} ({key}): fix '{}'",
                got.fix
            );
            assert_eq!(
                got.points,
                f64::from(got.weight) * expected.fraction(),
                "case {i} ({key})"
            );
        }
    }

    #[test]
    fn every_criterion_has_met_partly_and_unmet_cases() {
        for d in CRITERIA {
            let statuses: Vec<Status> = CASES
                .iter()
                .filter(|(k, _, _)| *k == d.key)
                .map(|(_, _, s)| *s)
                .collect();
            assert!(statuses.contains(&Status::Met), "{} has no met case", d.key);
            assert!(
                statuses.contains(&Status::Unmet),
                "{} has no unmet case",
                d.key
            );
            if !BINARY.contains(&d.key) {
                assert!(
                    statuses.contains(&Status::Partly),
                    "{} has no partly case",
                    d.key
                );
            }
        }
        for (key, _, _) in CASES {
            assert!(
                CRITERIA.iter().any(|d| d.key == *key),
                "{key} is not in the table"
            );
        }
    }

    #[test]
    fn table_is_well_formed() {
        let mut keys = HashSet::new();
        for d in CRITERIA {
            assert!(keys.insert(d.key), "duplicate key {}", d.key);
            assert!(
                d.key.starts_with(d.dimension.key()),
                "{} is filed under {}",
                d.key,
                d.dimension.key()
            );
            assert!((1..=12).contains(&d.section), "{}", d.key);
            assert!(d.weights.iter().any(|w| *w > 0), "{}", d.key);
        }
        for dim in Dimension::ALL {
            for column in 0..3 {
                let total: u32 = CRITERIA
                    .iter()
                    .filter(|d| d.dimension == *dim)
                    .map(|d| d.weights[column])
                    .sum();
                assert!(total > 0, "{} has no weight in column {column}", dim.key());
            }
        }
        assert_eq!(criteria().len(), CRITERIA.len());
    }

    #[test]
    fn rich_plan_is_ready_to_scale() {
        let r = score(&rich());
        let not_met: Vec<(&str, &str)> = r
            .dimensions
            .iter()
            .flat_map(|d| &d.criteria)
            .filter(|c| c.status != Status::Met)
            .map(|c| (c.key, c.evidence.as_str()))
            .collect();
        assert!(not_met.is_empty(), "{not_met:?}");
        assert_eq!(r.overall, 100);
        assert_eq!(
            (r.band_by_average, r.band),
            (Band::ReadyToScale, Band::ReadyToScale)
        );
        assert_eq!(r.capped_by, None);
        assert!(r.actions.is_empty() && r.top_actions.is_empty());
        assert!(r.dimensions.iter().all(|d| d.score == 100));
    }

    #[test]
    fn blank_plan_is_not_ready() {
        let r = score(&Plan::blank());
        assert!(r.overall < 40, "{}", r.overall);
        assert_eq!(r.band, Band::NotReady);
        assert_eq!(r.top_actions.len(), TOP_ACTIONS);
        let fixes: HashSet<&str> = r.top_actions.iter().map(|a| a.fix.as_str()).collect();
        assert_eq!(
            fixes.len(),
            TOP_ACTIONS,
            "no fix repeats in the top actions"
        );
        assert_eq!(r.top_actions[0], r.actions[0]);
        assert!(r.top_actions.iter().all(|a| r.actions.contains(a)));
        assert!(r.actions.windows(2).all(|w| w[0].gain >= w[1].gain));
        assert!(r
            .actions
            .iter()
            .all(|a| a.gain > 0.0 && !a.fix.is_empty() && (1..=12).contains(&a.section)));
        assert_eq!(r.dimensions.len(), 8);
    }

    #[test]
    fn weakest_link_caps_the_band() {
        let mut plan = rich();
        plan.data_sources.clear();
        let r = score(&plan);
        assert_eq!(r.dimension(Dimension::Data).map(|d| d.score), Some(0));
        assert_eq!(r.overall, 88, "seven dimensions at 100, one at 0");
        assert_eq!(r.band_by_average, Band::ProductionReady);
        assert_eq!(r.band, Band::FoundationNeeded, "one band above not ready");
        assert_eq!(r.capped_by, Some(Dimension::Data));
        assert_eq!(r.weakest, Some(Dimension::Data));
        assert!(
            r.rule.contains("Data readiness scores 0 (not ready)"),
            "{}",
            r.rule
        );
        assert!(r.rule.contains("held at foundation needed"), "{}", r.rule);

        // A weakest dimension two bands below caps: 8 of 12 points is pilot-ready.
        let mut plan = rich();
        plan.change.leadership.clear();
        plan.change.literacy.clear();
        let r = score(&plan);
        let change = r.dimension(Dimension::Change).map(|d| d.score);
        assert_eq!(change, Some(67), "8 of 12 points");
        assert_eq!((r.overall, r.band_by_average), (96, Band::ReadyToScale));
        assert_eq!(
            (r.band, r.capped_by),
            (Band::ProductionReady, Some(Dimension::Change))
        );

        // One band below does not cap: 10 of 12 is production-ready.
        let mut plan = rich();
        plan.change.literacy.clear();
        let r = score(&plan);
        let change = r.dimension(Dimension::Change).map(|d| d.score);
        assert_eq!(change, Some(83), "10 of 12 points");
        assert_eq!(r.band, r.band_by_average);
        assert_eq!(r.capped_by, None);
        assert!(r.rule.contains("does not hold"), "{}", r.rule);
    }

    #[test]
    fn prohibited_practice_means_not_ready() {
        let mut plan = rich();
        plan.risk.prohibited = Some(vec![ProhibitedPractice::SocialScoring]);
        let r = score(&plan);
        assert!(r.prohibited);
        assert_eq!(r.band, Band::NotReady);
        assert!(r.rule.contains("prohibited practice"));
    }

    #[test]
    fn gain_is_the_exact_rise_of_the_overall_score() {
        let mut plan = rich();
        plan.change.leadership.clear();
        let r = score(&plan);
        let a = &r.actions[0];
        assert_eq!(a.key, "change.leadership");
        // 1/8 of the overall score × 2 of the dimension's 12 points.
        assert_eq!(a.gain, 2.1);
        assert_eq!(r.overall, 98);

        // Partly met criteria gain only their missing half.
        let mut plan = rich();
        plan.feedback.support.owner = None;
        let r = score(&plan);
        assert_eq!(r.actions[0].key, "monitoring.support");
        assert_eq!(r.actions[0].gain, 1.9, "12.5 × 1.5 / 10");
    }

    #[test]
    fn actions_rank_by_gain() {
        let mut plan = rich();
        plan.change.leadership.clear(); // 2 of 12 in change: 2.08
        plan.data_sources.iter_mut().for_each(|s| s.owner = None); // 3 of 17 in data: 2.21
        plan.objective.constraints = Default::default(); // 1 of 20 in outcomes: 0.63
        let r = score(&plan);
        let keys: Vec<&str> = r.actions.iter().map(|a| a.key).collect();
        assert_eq!(
            keys,
            ["data.owners", "change.leadership", "outcomes.constraints"]
        );
        assert_eq!(r.actions[0].section, 6);
    }

    #[test]
    fn governance_weighs_more_for_higher_tiers() {
        let total = |edit: fn(&mut Plan)| {
            let mut plan = rich();
            edit(&mut plan);
            score(&plan)
                .dimension(Dimension::Governance)
                .map(|d| (d.total_weight, d.criteria.len()))
        };
        assert_eq!(
            total(|p| p.risk.generates_content = Some(false)),
            Some((8, 5))
        );
        assert_eq!(total(|_| {}), Some((12, 5)));
        assert_eq!(total(high), Some((22, 6)));
        assert_eq!(
            total(|p| p.risk.prohibited = Some(vec![ProhibitedPractice::Manipulation])),
            Some((22, 6))
        );
    }

    #[test]
    fn evidence_names_the_offending_items() {
        let mut plan = rich();
        for (i, name) in ["AHT", "CSAT", "Backlog"].iter().enumerate() {
            plan.metrics.push(Metric {
                id: Id(format!("m-x{i}")),
                name: (*name).into(),
                baseline: (i == 2).then_some(1.0),
                ..Metric::default()
            });
        }
        let c = result(&plan, "outcomes.baselines");
        assert_eq!(c.status, Status::Partly);
        assert_eq!(
            c.evidence,
            "2 of 5 metrics have no baseline: 'AHT' and 'CSAT'; 1 of 5 metrics has no baseline date: 'Backlog'."
        );
        let c = result(&plan, "ownership.coalition");
        assert_eq!(c.status, Status::Met);

        let mut plan = rich();
        plan.data_sources[0].owner = None;
        plan.data_sources[0].quality = Quality::Poor;
        let c = result(&plan, "data.quality");
        assert_eq!(
            c.evidence,
            "1 of 2 data sources is poor or not assessed: 'Ticket history' (poor)."
        );
        assert_eq!(c.owner, None, "the poor source has no owner to suggest");
        plan.data_sources[0].owner = Some(Id::from("s-data"));
        assert_eq!(
            result(&plan, "data.quality").owner,
            Some(Id::from("s-data"))
        );
    }

    #[test]
    fn status_fraction_and_bands() {
        assert_eq!(
            [Status::Met, Status::Partly, Status::Unmet].map(Status::fraction),
            [1.0, 0.5, 0.0]
        );
        let cases = [
            (0, Band::NotReady),
            (39, Band::NotReady),
            (40, Band::FoundationNeeded),
            (59, Band::FoundationNeeded),
            (60, Band::PilotReady),
            (74, Band::PilotReady),
            (75, Band::ProductionReady),
            (89, Band::ProductionReady),
            (90, Band::ReadyToScale),
            (100, Band::ReadyToScale),
        ];
        for (score, band) in cases {
            assert_eq!(Band::from_score(score), band, "{score}");
            assert!(band.min_score() <= score);
        }
        assert_eq!(Band::ReadyToScale.next(), Band::ReadyToScale);
    }
}
