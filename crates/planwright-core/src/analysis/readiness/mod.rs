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
use crate::analysis::risk::{RiskAssessment, Tier};
use crate::choice;
use crate::choice::Choice;
use crate::model::{Id, PhaseKind, Plan, Stakeholder};
use crate::text::{cap, name_list, named};

mod change;
mod data;
mod governance;
mod monitoring;
mod outcomes;
mod ownership;
mod stakeholders;
mod technology;

pub use crate::analysis::eval::Status;
use crate::analysis::eval::{grade, Outcome};

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

/// "2 of 5 metrics have no owner: 'A' and 'B'"; just "'A' has no owner"
/// when the list holds one item.
fn count_of(bad: &[String], total: usize, nouns: &str, one: &str, many: &str) -> String {
    match (bad, total) {
        // "1 of 1 metrics" reads badly: the one item speaks for itself.
        ([only], 1) => format!("{} {one}", cap(only)),
        _ => format!(
            "{} of {total} {nouns} {}: {}",
            bad.len(),
            if bad.len() == 1 { one } else { many },
            name_list(bad)
        ),
    }
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
    fn eval(self) -> Outcome {
        match grade(self.total, self.bad.len()) {
            Status::Met => Outcome::met(self.ok),
            status => Outcome {
                status,
                evidence: format!(
                    "{}.",
                    count_of(&self.bad, self.total, self.nouns, self.one, self.many)
                ),
                fix: self.fix.to_string(),
                ..Outcome::default()
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
    /// Each stakeholder by id, with their place in the list.
    people: HashMap<&'a str, (usize, &'a Stakeholder)>,
}

impl Ctx<'_> {
    fn person_name(&self, id: &Id) -> String {
        match self.people.get(id.as_str()) {
            Some((i, p)) => named(&p.name, "stakeholder", *i),
            None => "someone not in the stakeholder list".to_string(),
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

struct CriterionDef {
    key: &'static str,
    dimension: Dimension,
    label: &'static str,
    section: u8,
    /// Weight for a minimal, limited and high (or prohibited) tier.
    weights: [u32; 3],
    eval: fn(&Ctx) -> Outcome,
}

const fn def(
    key: &'static str,
    dimension: Dimension,
    section: u8,
    weights: [u32; 3],
    label: &'static str,
    eval: fn(&Ctx) -> Outcome,
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
    def("outcomes.process_first", D::Outcomes, 1, [3; 3], "Starts from a business process that hurts", outcomes::process_first),
    def("outcomes.impact", D::Outcomes, 1, [2; 3], "Expected business impact is stated", outcomes::impact),
    def("outcomes.scope", D::Outcomes, 1, [2; 3], "Scope is explicit: what is in and what is out", outcomes::scope),
    def("outcomes.constraints", D::Outcomes, 1, [1; 3], "Time, budget, risk and compliance limits are stated", outcomes::constraints),
    def("outcomes.business_metric", D::Outcomes, 2, [3; 3], "Success is measured by a business outcome", outcomes::business_metric),
    def("outcomes.baselines", D::Outcomes, 2, [3; 3], "Baselines are measured and dated before optimization", outcomes::baselines),
    def("outcomes.targets", D::Outcomes, 2, [2; 3], "Every metric has a target that improves on its baseline", outcomes::targets),
    def("outcomes.metric_ownership", D::Outcomes, 2, [2; 3], "Every metric has an owner and a measurement method", outcomes::metric_ownership),
    def("outcomes.use_case_fit", D::Outcomes, 1, [2; 3], "The first use case has the traits of a good one", outcomes::use_case_fit),
    def("ownership.sponsor", D::Ownership, 3, [3; 3], "A named executive sponsor", ownership::sponsor),
    def("ownership.initiative_owner", D::Ownership, 3, [3; 3], "An initiative owner accountable for outcomes", ownership::initiative_owner),
    def("ownership.business_owner", D::Ownership, 3, [2; 3], "A business owner who will keep improving the workflow", ownership::business_owner),
    def("ownership.not_single_champion", D::Ownership, 3, [2; 3], "Ownership is not resting on a single champion", ownership::not_single_champion),
    def("ownership.coalition", D::Ownership, 4, [3; 3], "A coalition across technology, operations, risk and the business", ownership::coalition),
    def("stakeholders.one_approver", D::Stakeholders, 4, [3; 3], "Each decision has exactly one approver", stakeholders::one_approver),
    def("stakeholders.disagreement", D::Stakeholders, 4, [2; 3], "Each decision has a path for disagreement", stakeholders::disagreement),
    def("stakeholders.decision_flow", D::Stakeholders, 4, [2; 3], "Each decision has someone who prepares and someone who reviews", stakeholders::decision_flow),
    def("stakeholders.affected", D::Stakeholders, 4, [2; 3], "The people affected by the change are identified", stakeholders::affected),
    def("stakeholders.handoffs", D::Stakeholders, 10, [2; 3], "Approvals and hand-offs are designed as real work", stakeholders::handoffs),
    def("data.owners", D::Data, 6, [3; 3], "Every data source has an owner", data::source_owners),
    def("data.quality", D::Data, 6, [3; 3], "Data quality is assessed and adequate", data::source_quality),
    def("data.access", D::Data, 6, [2; 3], "The data can be reached", data::source_access),
    def("data.approval", D::Data, 6, [3; 3], "Access to personal or regulated data is approved", data::source_approval),
    def("data.compliance", D::Data, 6, [3; 3], "Compliance has cleared personal or regulated data", data::source_compliance),
    def("data.production_like", D::Data, 6, [3; 3], "The data is representative of production", data::production_like),
    def("technology.systems_of_record", D::Technology, 7, [3; 3], "Systems of record are identified", technology::systems_of_record),
    def("technology.integration", D::Technology, 7, [3; 3], "Integrations are designed early", technology::integration_planned),
    def("technology.security_review", D::Technology, 7, [3; 3], "Security reviews are started early and not failed", technology::security_review),
    def("technology.owners", D::Technology, 7, [2; 3], "Every system has an owner", technology::system_owners),
    def("technology.legacy_limits", D::Technology, 7, [1; 3], "Legacy limits are noted", technology::legacy_limits),
    def("governance.questionnaire", D::Governance, 8, [2, 2, 3], "The risk questionnaire is complete", governance::questionnaire),
    def("governance.required_controls", D::Governance, 8, [2, 3, 5], "Every governance area the tier requires has a control", governance::required_controls),
    def("governance.controls_owned", D::Governance, 8, [1, 2, 3], "Every required control has an owner", governance::controls_owned),
    def("governance.controls_in_place", D::Governance, 8, [1, 2, 4], "The required controls are in place", governance::controls_in_place),
    def("governance.human_in_loop", D::Governance, 5, [2, 3, 4], "A person is in every step that carries risk", governance::human_in_loop),
    def("governance.independent_review", D::Governance, 4, [0, 0, 3], "Risk or legal reviews a high-risk use", governance::independent_review),
    def("change.training", D::Change, 11, [3; 3], "Training is planned for the people affected", change::training),
    def("change.communication", D::Change, 11, [2; 3], "Purpose and boundaries are communicated", change::communication),
    def("change.milestones", D::Change, 11, [3; 3], "Adoption milestones are tied to accountability", change::milestones),
    def("change.leadership", D::Change, 11, [2; 3], "Leaders visibly use the capability", change::leadership),
    def("change.literacy", D::Change, 11, [2; 3], "Non-technical users build AI literacy", change::literacy),
    def("monitoring.loops", D::Monitoring, 12, [3; 3], "Feedback loops have an owner, cadence, threshold and action", monitoring::feedback_loops),
    def("monitoring.flagging", D::Monitoring, 12, [2; 3], "Users can flag wrong outputs", monitoring::flagging),
    def("monitoring.support", D::Monitoring, 12, [3; 3], "A support path with an owner", monitoring::support),
    def("monitoring.model_review", D::Monitoring, 12, [2; 3], "The model and prompts are reviewed on a cadence", monitoring::model_review),
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
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), (i, s)))
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
    use crate::analysis::risk::assess;
    use crate::model::{
        AccessApproval, Accessibility, AdoptionMilestone, Cadence, Communication, Compliance,
        ControlArea, ControlStatus, DataSensitivity, DecisionRole, FeedbackLoop, Function, Handoff,
        HighRiskArea, HumanRole, IntegrationStatus, Metric, MetricKind, ProhibitedPractice,
        Quality, ReviewStatus, RiskAnswers, RoleAssignment, SystemRole, Training,
    };
    use crate::testing::rich;

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
