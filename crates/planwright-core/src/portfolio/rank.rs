//! Each member assessed once, and the ranking with its reasons.
//!
//! The parts of the score, each 0–100 with higher better:
//! - Value: when every initiative has a yearly figure and all figures are
//!   in one unit, each is scaled to the largest (the largest scores 100, a
//!   negative figure counts as 0). Otherwise figures cannot be compared and
//!   the ratings are used: 1 to 5 give 0, 25, 50, 75, 100 (above 5 counts as
//!   5, 0 as no rating). An initiative with no usable value counts as the
//!   middle, 50, and its reasons say so.
//! - Readiness: the plan's overall readiness score.
//! - Risk: minimal 100, limited 67, high 33, prohibited 0.
//! - Effort: the shortest schedule in the portfolio scores 100 and a
//!   longer one `100 × shortest / its length`; a plan whose tasks take no
//!   time or loop has no known length and counts as the middle, 50.
//!
//! The score is `round(Σ weight × part / Σ weight)`, weights capped at
//! [`MAX_WEIGHT`]; when every weight is 0 the score is the readiness score.
//! Order: prohibited practices last, then higher score, higher readiness,
//! title (ignoring case), and the order the person added them.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use crate::analysis::readiness::{readiness, Readiness};
use crate::analysis::risk::{assess, RiskAssessment, Tier};
use crate::analysis::schedule::{schedule, CycleError, Schedule};
use crate::choice::Choice;
use crate::model::{PhaseKind, PhaseStatus, Plan, TaskStatus};
use crate::text::{agree, plural, quoted};

use super::{
    normalised, ExpectedValue, Member, Parts, Portfolio, Quadrant, Ranked, ValueKind, Weights,
    MAX_WEIGHT,
};

/// What the analysis knows of one member with a plan.
pub(super) struct Assessed<'a> {
    /// Position in `portfolio.members`.
    pub index: usize,
    pub member: &'a Member,
    pub plan: &'a Plan,
    pub risk: RiskAssessment,
    pub readiness: Readiness,
    pub schedule: Result<Schedule, CycleError>,
    /// Sum of the task durations.
    pub task_days: u64,
}

/// The members matched to their plans; the second list holds the
/// positions of members with no plan. A key listed twice counts once.
pub(super) fn assess_members<'a>(
    portfolio: &'a Portfolio,
    plans: &[super::Initiative<'a>],
) -> (Vec<Assessed<'a>>, Vec<usize>) {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    // The first plan for each key; lookups stay linear however many.
    let mut by_key: HashMap<&str, &'a Plan> = HashMap::new();
    for p in plans.iter().rev() {
        by_key.insert(p.key, p.plan);
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for (index, member) in portfolio.members.iter().enumerate() {
        if !seen.insert(member.key.as_str()) {
            continue;
        }
        let Some(&plan) = by_key.get(member.key.as_str()) else {
            missing.push(index);
            continue;
        };
        let risk = assess(plan);
        let readiness = readiness(plan, &risk);
        let task_days = plan
            .tasks
            .iter()
            .map(|t| u64::from(t.duration_days.unwrap_or(0)))
            .sum();
        found.push(Assessed {
            index,
            member,
            plan,
            risk,
            readiness,
            schedule: schedule(plan),
            task_days,
        });
    }
    (found, missing)
}

/// The business owner's name, empty when there is none or the id names no
/// stakeholder.
pub(super) fn business_owner(plan: &Plan) -> String {
    plan.ownership
        .business_owner
        .as_ref()
        .and_then(|id| plan.stakeholders.iter().find(|s| &s.id == id))
        .map(|s| s.name.trim().to_string())
        .unwrap_or_default()
}

/// Whether the plan says it is in deployment now: a deployment phase whose
/// gate has not passed is in progress, or has a task in progress or done.
pub(super) fn in_deployment(plan: &Plan) -> bool {
    plan.phases
        .iter()
        .filter(|p| p.kind == PhaseKind::Deployment && p.status != PhaseStatus::GatePassed)
        .any(|p| {
            p.status == PhaseStatus::InProgress
                || plan.tasks.iter().any(|t| {
                    t.phase.as_ref() == Some(&p.id)
                        && matches!(t.status, TaskStatus::InProgress | TaskStatus::Done)
                })
        })
}

/// A yearly figure a person can compare: finite, negatives as 0.
fn figure(v: &ExpectedValue) -> Option<f64> {
    v.annual.filter(|a| a.is_finite()).map(|a| a.max(0.0))
}

/// A rating 1–5 (above 5 counts as 5; 0 is no rating).
fn rating(v: &ExpectedValue) -> Option<u32> {
    v.rating.filter(|r| *r >= 1).map(|r| r.min(5))
}

/// A number as people write amounts: thousands separated by commas, at
/// most two decimals.
pub(super) fn amount(v: f64) -> String {
    let cents = (v.abs() * 100.0).round();
    if !cents.is_finite() || cents >= 1e17 {
        return format!("{v}");
    }
    let cents = cents as u64;
    let (whole, frac) = (cents / 100, cents % 100);
    let digits = whole.to_string();
    let mut out = String::new();
    if v < 0.0 && cents > 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if frac > 0 {
        if frac % 10 == 0 {
            out.push_str(&format!(".{}", frac / 10));
        } else {
            out.push_str(&format!(".{frac:02}"));
        }
    }
    out
}

/// How the value part is worked out for this portfolio.
enum ValueMode {
    /// Every figure in this unit (as written by the first member).
    Figures { unit: String, largest: f64 },
    /// Ratings, because figures are missing for some or in several units.
    Ratings { why: String },
}

fn value_mode(members: &[Assessed<'_>]) -> ValueMode {
    let figures: Vec<(f64, &str)> = members
        .iter()
        .filter_map(|a| figure(&a.member.value).map(|f| (f, a.member.value.unit.trim())))
        .collect();
    if members.is_empty() {
        return ValueMode::Ratings { why: String::new() };
    }
    if figures.len() == members.len() {
        let unit = figures[0].1;
        let key = normalised(unit);
        if figures.iter().all(|(_, u)| normalised(u) == key) {
            let largest = figures.iter().map(|(f, _)| *f).fold(0.0, f64::max);
            return ValueMode::Figures {
                unit: unit.to_string(),
                largest,
            };
        }
        let mut units: Vec<String> = Vec::new();
        for (_, u) in &figures {
            let shown = if u.is_empty() { "no unit" } else { u };
            if !units.iter().any(|x| normalised(x) == normalised(shown)) {
                units.push(shown.to_string());
            }
        }
        return ValueMode::Ratings {
            why: format!(
                "The yearly figures are in different units ({}), so they cannot be compared: the ratings from 1 to 5 are used instead.",
                crate::text::and_list(&units)
            ),
        };
    }
    if figures.is_empty() {
        let why = if members.iter().all(|a| rating(&a.member.value).is_none()) {
            "No initiative has an expected value yet, so value counts as the middle for every one and does not change the order.".to_string()
        } else {
            String::new()
        };
        ValueMode::Ratings { why }
    } else {
        let without = members.len() - figures.len();
        ValueMode::Ratings {
            why: format!(
                "{} {} no yearly figure, so figures cannot be compared: the ratings from 1 to 5 are used instead.",
                crate::text::cap(&crate::text::counted(without, "initiative", "initiatives")),
                agree(without, "has", "have")
            ),
        }
    }
}

/// The value part, the kind used and the reason in words.
fn value_part(mode: &ValueMode, v: &ExpectedValue) -> (u32, ValueKind, String) {
    match mode {
        ValueMode::Figures { unit, largest } => {
            let f = figure(v).unwrap_or(0.0);
            let part = if *largest > 0.0 {
                (100.0 * f / largest).round().clamp(0.0, 100.0) as u32
            } else {
                0
            };
            let unit = if unit.is_empty() {
                String::new()
            } else {
                format!(" {unit}")
            };
            let how = if part == 100 {
                "the largest in the portfolio".to_string()
            } else {
                format!("{part}% of the largest, {}{unit}", amount(*largest))
            };
            (
                part,
                ValueKind::Figure,
                format!(
                    "Expected value {}{unit} a year, {how}, so value scores {part}.",
                    amount(f)
                ),
            )
        }
        ValueMode::Ratings { .. } => match rating(v) {
            Some(r) => {
                let part = (r - 1) * 25;
                (
                    part,
                    ValueKind::Rating,
                    format!("Expected value rated {r} of 5, so value scores {part}."),
                )
            }
            None => (
                50,
                ValueKind::Unknown,
                "Expected value not known, so value counts as the middle, 50.".to_string(),
            ),
        },
    }
}

/// Risk part of a tier.
fn risk_part(tier: Tier) -> u32 {
    match tier {
        Tier::Minimal => 100,
        Tier::Limited => 67,
        Tier::High => 33,
        Tier::Prohibited => 0,
    }
}

/// Weights as used: each capped at [`MAX_WEIGHT`].
fn capped(w: &Weights) -> [u32; 4] {
    [w.value, w.readiness, w.risk, w.effort].map(|x| x.min(MAX_WEIGHT))
}

const PART_NAMES: [&str; 4] = ["value", "readiness", "risk", "effort"];

/// The ranking rule in words, for these weights and this portfolio.
fn rule(weights: [u32; 4], mode: &ValueMode) -> Vec<String> {
    let mut rule = Vec::new();
    let total: u32 = weights.iter().sum();
    if total == 0 {
        rule.push(
            "Every weight is 0, so the initiatives are ranked by readiness alone.".to_string(),
        );
    } else {
        let used: Vec<String> = PART_NAMES
            .iter()
            .zip(weights)
            .filter(|(_, w)| *w > 0)
            .map(|(n, w)| format!("{n} × {w}"))
            .collect();
        rule.push(format!(
            "Each initiative scores 0 to 100: the weighted mean of {} (weights from 0 to {MAX_WEIGHT}).",
            crate::text::and_list(&used)
        ));
        let left: Vec<&str> = PART_NAMES
            .iter()
            .zip(weights)
            .filter(|(_, w)| *w == 0)
            .map(|(n, _)| *n)
            .collect();
        if !left.is_empty() {
            rule.push(format!(
                "A weight of 0 leaves its part out: {} {} not count.",
                crate::text::and_list(&left),
                agree(left.len(), "does", "do")
            ));
        }
    }
    rule.push(match mode {
        ValueMode::Figures { unit, .. } => format!(
            "Value: the yearly figures, all in {}, each scaled to the largest (the largest scores 100).",
            if unit.is_empty() { "one unit" } else { unit }
        ),
        ValueMode::Ratings { .. } => "Value: the rating from 1 to 5 gives 0, 25, 50, 75 or 100; an initiative without one counts as the middle, 50.".to_string(),
    });
    if let ValueMode::Ratings { why } = mode {
        if !why.is_empty() {
            rule.push(why.clone());
        }
    }
    rule.push("Readiness: the plan's readiness score.".to_string());
    rule.push("Risk: minimal risk scores 100, limited risk 67, high risk 33.".to_string());
    rule.push("Effort: the shortest schedule scores 100, one twice as long 50; a plan without a known length counts as the middle, 50.".to_string());
    rule.push("The default weights are value 3, readiness 2, risk 2 and effort 1: value is why an initiative exists, so it counts most; a ready, lower-risk initiative proves value sooner; schedule length is the roughest estimate, so it counts least.".to_string());
    rule.push("A prohibited practice ranks last whatever the weights. Equal scores go to the higher readiness, then the title in alphabetical order.".to_string());
    rule.push("Matrix: value against readiness, each split at 50 (50 and above is high): do now (high, high), prepare the foundation (high value, low readiness), strategic bet (low value, high readiness), do not start (low, low).".to_string());
    rule
}

/// The rule in words and the ranking, best first.
pub(super) fn rank(portfolio: &Portfolio, members: &[Assessed<'_>]) -> (Vec<String>, Vec<Ranked>) {
    let weights = capped(&portfolio.weights);
    let total: u32 = weights.iter().sum();
    let mode = value_mode(members);
    let shortest = members
        .iter()
        .filter_map(|a| a.schedule.as_ref().ok().map(|s| s.total_days))
        .filter(|d| *d > 0)
        .min();

    let mut ranked: Vec<(usize, Ranked)> = members
        .iter()
        .map(|a| {
            let (value, value_kind, value_reason) = value_part(&mode, &a.member.value);
            let days = a.schedule.as_ref().map(|s| s.total_days).unwrap_or(0);
            let (effort, effort_reason) = match (&a.schedule, shortest) {
                (Err(_), _) => (
                    50,
                    "Its tasks wait on each other in a loop, so the schedule has no length and effort counts as the middle, 50.".to_string(),
                ),
                (Ok(_), Some(short)) if days > 0 => {
                    let part = (100.0 * short as f64 / days as f64).round() as u32;
                    let how = if days == short {
                        "the shortest in the portfolio".to_string()
                    } else {
                        format!(
                            "{:.1} times the shortest ({})",
                            days as f64 / short as f64,
                            plural(short as usize, "working day")
                        )
                    };
                    (
                        part,
                        format!(
                            "Schedule of {}, {how}, so effort scores {part}.",
                            plural(days as usize, "working day")
                        ),
                    )
                }
                _ => (
                    50,
                    "No task takes time yet, so effort counts as the middle, 50.".to_string(),
                ),
            };
            let tier = a.risk.tier;
            let parts = Parts {
                value,
                readiness: a.readiness.overall.min(100),
                risk: risk_part(tier),
                effort,
            };
            let list = [parts.value, parts.readiness, parts.risk, parts.effort];
            let score = if total == 0 {
                parts.readiness
            } else {
                let sum: u32 = list.iter().zip(weights).map(|(p, w)| p * w).sum();
                (f64::from(sum) / f64::from(total)).round() as u32
            };
            let prohibited = tier == Tier::Prohibited;
            let quadrant = if prohibited {
                Quadrant::DoNotStart
            } else {
                Quadrant::of(parts.value, parts.readiness)
            };

            let mut reasons = Vec::new();
            if prohibited {
                let what: Vec<&str> = a
                    .plan
                    .risk
                    .prohibited
                    .as_deref()
                    .unwrap_or_default()
                    .iter()
                    .map(|p| p.label())
                    .collect();
                reasons.push(format!(
                    "Ranks last whatever the weights: a prohibited practice applies ({}).",
                    crate::text::and_list(&what)
                ));
            }
            if total == 0 {
                reasons.push(format!(
                    "Every weight is 0, so the score is the readiness score, {score}."
                ));
            } else {
                let used: Vec<String> = PART_NAMES
                    .iter()
                    .zip(list)
                    .zip(weights)
                    .filter(|(_, w)| *w > 0)
                    .map(|((n, p), w)| format!("{n} {p} × {w}"))
                    .collect();
                reasons.push(format!(
                    "Score {score} of 100: {} over {total}.",
                    crate::text::and_list(&used)
                ));
            }
            reasons.push(value_reason);
            reasons.push(format!(
                "Readiness {} of 100: {}.",
                parts.readiness,
                a.readiness.band.label()
            ));
            let mut risk_reason = format!("{}, so risk scores {}.", tier.label(), parts.risk);
            if a.risk.provisional {
                let open = a.risk.unanswered.len();
                risk_reason.push_str(&format!(
                    " The tier may still rise: {} of the questionnaire {} open.",
                    plural(open, "question"),
                    agree(open, "is", "are")
                ));
            }
            reasons.push(risk_reason);
            reasons.push(effort_reason);
            let mut matrix = format!("On the matrix: {}. {}", quadrant.label(), quadrant.meaning());
            if value_kind == ValueKind::Unknown && !prohibited {
                matrix.push_str(" Its value is not known, so it sits on the middle line.");
            }
            reasons.push(matrix);

            let fit = a.plan.objective.fit.clone();
            let fit_count = [
                fit.repeatable,
                fit.clear_users,
                fit.visible_pain,
                fit.manageable_risk,
                fit.measurable_outcome,
                fit.defined_inputs_outputs,
                fit.existing_data,
                fit.invested_owner,
            ]
            .iter()
            .filter(|b| **b)
            .count();
            let r = Ranked {
                key: a.member.key.clone(),
                title: a.plan.title.trim().to_string(),
                owner: business_owner(a.plan),
                rank: 0,
                score,
                parts,
                value: a.member.value.clone(),
                value_kind,
                readiness: parts.readiness,
                band: a.readiness.band,
                tier,
                schedule_days: days,
                task_days: a.task_days,
                fit,
                fit_count,
                quadrant,
                in_deployment: in_deployment(a.plan),
                reasons,
            };
            (a.index, r)
        })
        .collect();

    ranked.sort_by(|(ia, a), (ib, b)| {
        let key = |r: &Ranked| {
            (
                r.tier == Tier::Prohibited,
                Reverse(r.score),
                Reverse(r.readiness),
                r.title.to_lowercase(),
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.title.cmp(&b.title))
            .then(ia.cmp(ib))
    });
    let mut ranked: Vec<Ranked> = ranked.into_iter().map(|(_, r)| r).collect();
    for i in 0..ranked.len() {
        ranked[i].rank = i + 1;
        let tie = |a: &Ranked, b: &Ranked| {
            a.score == b.score && (a.tier == Tier::Prohibited) == (b.tier == Tier::Prohibited)
        };
        let mut notes = Vec::new();
        if i > 0 && tie(&ranked[i - 1], &ranked[i]) {
            let other = &ranked[i - 1];
            notes.push(if other.readiness != ranked[i].readiness {
                format!(
                    "Same score as {}, which ranks higher for its higher readiness.",
                    quoted(&other.title, "the one above")
                )
            } else {
                format!(
                    "Same score and readiness as {}; the title decides the order.",
                    quoted(&other.title, "the one above")
                )
            });
        }
        if i + 1 < ranked.len() && tie(&ranked[i], &ranked[i + 1]) {
            let other = &ranked[i + 1];
            notes.push(if other.readiness != ranked[i].readiness {
                format!(
                    "Same score as {}; its higher readiness puts this one first.",
                    quoted(&other.title, "the one below")
                )
            } else {
                format!(
                    "Same score and readiness as {}; the title decides the order.",
                    quoted(&other.title, "the one below")
                )
            });
        }
        ranked[i].reasons.extend(notes);
    }
    (rule(weights, &mode), ranked)
}
