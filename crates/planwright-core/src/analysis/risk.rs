//! Risk tier and the governance controls it calls for.
//!
//! Contract: [`assess`] is a pure, total function of the plan's risk
//! questionnaire ([`RiskAnswers`]) and its controls. It never panics and runs
//! in time linear in the number of controls.
//!
//! The tiers follow the shape of the EU AI Act: a prohibited practice decides
//! the tier outright; a high-risk area, or outcomes that affect people's rights
//! while the system acts with people only watching, make it high; talking to
//! people, generating content or handling sensitive personal data make it at
//! least limited; anything else is minimal.
//!
//! Invariants of a [`RiskAssessment`]:
//! - `reasons` is never empty and names the answers that decided the tier;
//! - `unanswered` lists every question still open, in questionnaire order;
//! - `provisional` is true exactly when answering the open questions in the
//!   worst way would raise the tier;
//! - `required` always starts with the four areas every deployment needs, and
//!   grows with the tier (limited adds transparency, high adds eight more);
//! - `gaps` holds exactly the required areas whose state is not `InPlace`.
//!
//! This is planning guidance, not legal advice; see [`DISCLAIMER`].

use serde::Serialize;

use crate::choice;
use crate::choice::Choice;
use crate::model::{
    Autonomy, ControlArea, ControlStatus, DataSensitivity, HighRiskArea, Id, Plan,
    ProhibitedPractice, RiskAnswers,
};
use crate::text::quoted;

choice! {
    /// How much regulatory weight a use of AI carries, highest first.
    Tier {
        Prohibited = "prohibited": "Prohibited",
        High = "high": "High risk",
        Limited = "limited": "Limited risk",
        Minimal = "minimal": "Minimal risk",
    }
    default Minimal
}

impl Tier {
    /// 0 for minimal up to 3 for prohibited, so tiers can be compared.
    pub fn rank(self) -> u8 {
        match self {
            Tier::Minimal => 0,
            Tier::Limited => 1,
            Tier::High => 2,
            Tier::Prohibited => 3,
        }
    }
}

choice! {
    /// How far a required governance area has come in the plan.
    ControlState {
        Missing = "missing": "No control",
        Unowned = "unowned": "No owner",
        Planned = "planned": "Planned",
        InProgress = "in_progress": "In progress",
        InPlace = "in_place": "In place",
    }
    default Missing
}

/// One question of the risk questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The field of [`RiskAnswers`] that holds the answer.
    pub key: &'static str,
    /// The question as put to a person.
    pub label: &'static str,
}

/// The questionnaire, in the order it is asked.
pub const QUESTIONS: [Question; 7] = [
    Question {
        key: "prohibited",
        label: "Does the use involve any prohibited practice?",
    },
    Question {
        key: "high_risk_areas",
        label: "Does the use fall in any high-risk area?",
    },
    Question {
        key: "interacts_with_people",
        label: "Do people interact with the system directly?",
    },
    Question {
        key: "generates_content",
        label: "Does it generate text, images, audio or video that people will see?",
    },
    Question {
        key: "affects_rights",
        label: "Can its outcomes affect people's rights or their access to services?",
    },
    Question {
        key: "autonomy",
        label: "How much does it act on its own?",
    },
    Question {
        key: "personal_data",
        label: "What is the most sensitive personal data it uses?",
    },
];

/// The one-sentence caveat shown with every assessment.
pub const DISCLAIMER: &str = "This tier is planning guidance modelled on the EU AI Act's categories, not legal advice; confirm your obligations with your legal or compliance team.";

/// A governance area the tier calls for, and how far the plan has come on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequiredControl {
    /// The area.
    pub area: ControlArea,
    /// The area's name for people.
    pub label: &'static str,
    /// Why this tier needs it.
    pub why: &'static str,
    /// Ids of the plan's controls in this area, in plan order.
    pub controls: Vec<Id>,
    /// The most advanced state among the area's owned controls.
    pub state: ControlState,
}

/// A required area that is not yet in place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlGap {
    /// The area.
    pub area: ControlArea,
    /// Where it stands.
    pub state: ControlState,
    /// What is missing and what to do, for a person.
    pub message: String,
}

/// The result of the risk questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskAssessment {
    /// The tier the answers put the use in.
    pub tier: Tier,
    /// One line a busy reader can take in.
    pub headline: String,
    /// False only for a prohibited practice: such a use cannot go ahead.
    pub deployable: bool,
    /// Each reason that decided the tier, naming the answer behind it.
    pub reasons: Vec<String>,
    /// Questions not yet answered.
    pub unanswered: Vec<Question>,
    /// True when an open question could still raise the tier.
    pub provisional: bool,
    /// Governance areas the tier calls for, baseline areas first.
    pub required: Vec<RequiredControl>,
    /// Required areas that are not in place, in the order of `required`.
    pub gaps: Vec<ControlGap>,
    /// Planning guidance, not legal advice.
    pub disclaimer: &'static str,
}

impl RiskAssessment {
    /// The required entry for an area, if the tier calls for it.
    pub fn required_area(&self, area: ControlArea) -> Option<&RequiredControl> {
        self.required.iter().find(|r| r.area == area)
    }
}

/// The four areas every deployment needs before it goes live.
pub const BASELINE_AREAS: [ControlArea; 4] = [
    ControlArea::DataPrivacy,
    ControlArea::AcceptableUse,
    ControlArea::HumanOversight,
    ControlArea::IncidentResponse,
];

/// The areas a high-risk use adds on top of the baseline and transparency.
pub const HIGH_RISK_AREAS: [ControlArea; 8] = [
    ControlArea::RiskManagement,
    ControlArea::DataGovernance,
    ControlArea::TechnicalDocumentation,
    ControlArea::Logging,
    ControlArea::OversightDesign,
    ControlArea::AccuracyRobustness,
    ControlArea::PostDeploymentMonitoring,
    ControlArea::ConformityReview,
];

fn why(area: ControlArea) -> &'static str {
    match area {
        ControlArea::DataPrivacy => "Every deployment handles data; decide how it is collected, kept and protected.",
        ControlArea::AcceptableUse => "Every deployment needs written limits on what the AI may and may not be used for.",
        ControlArea::HumanOversight => "Every deployment needs a person who can check, override or stop the AI.",
        ControlArea::IncidentResponse => "Every deployment needs a known way to report, contain and learn from failures.",
        ControlArea::Transparency => "People must be told when they deal with an AI or see content it made.",
        ControlArea::RiskManagement => "High-risk uses need risks identified, assessed and reduced throughout the life of the system.",
        ControlArea::DataGovernance => "High-risk uses need training and input data checked for quality, relevance and bias.",
        ControlArea::TechnicalDocumentation => "High-risk uses need documentation that shows how the system works and meets its duties.",
        ControlArea::Logging => "High-risk uses need automatic records so that outcomes can be traced afterwards.",
        ControlArea::OversightDesign => "High-risk uses need oversight designed into the system, not added by policy alone.",
        ControlArea::AccuracyRobustness => "High-risk uses need accuracy and robustness tested before and after launch.",
        ControlArea::PostDeploymentMonitoring => "High-risk uses need performance watched in production, because quality can drift silently.",
        ControlArea::ConformityReview => "High-risk uses need a formal review that the duties are met before going live.",
        ControlArea::Other => "Needed by the plan.",
    }
}

/// The areas a tier calls for, baseline first.
pub fn required_areas(tier: Tier) -> Vec<ControlArea> {
    let mut areas = BASELINE_AREAS.to_vec();
    if tier.rank() >= Tier::Limited.rank() {
        areas.push(ControlArea::Transparency);
    }
    if tier.rank() >= Tier::High.rank() {
        areas.extend(HIGH_RISK_AREAS);
    }
    areas
}

/// The tier some answers give, with the reasons that decided it.
fn classify(a: &RiskAnswers) -> (Tier, Vec<String>) {
    let prohibited = a.prohibited.as_deref().unwrap_or_default();
    if !prohibited.is_empty() {
        let reasons = prohibited
            .iter()
            .map(|p| format!("Prohibited practice: {}.", p.label()))
            .collect();
        return (Tier::Prohibited, reasons);
    }
    let mut high: Vec<String> = a
        .high_risk_areas
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(|h| format!("High-risk area: {}.", h.label()))
        .collect();
    if a.affects_rights == Some(true) {
        if let Some(autonomy @ (Autonomy::HumanMonitors | Autonomy::FullyAutomatic)) = a.autonomy {
            high.push(format!(
                "Outcomes affect people's rights or access to services, and the system acts without a person approving first ('{}').",
                autonomy.label()
            ));
        }
    }
    if !high.is_empty() {
        return (Tier::High, high);
    }
    let mut limited = Vec::new();
    if a.interacts_with_people == Some(true) {
        limited.push(
            "People interact with the system directly, so they must know it is an AI.".to_string(),
        );
    }
    if a.generates_content == Some(true) {
        limited.push(
            "It generates content people will see, so that content must be marked as AI-made."
                .to_string(),
        );
    }
    if a.personal_data == Some(DataSensitivity::Sensitive) {
        limited.push(format!(
            "It uses {}, which calls for openness about how it is used.",
            DataSensitivity::Sensitive.label().to_lowercase()
        ));
    }
    if !limited.is_empty() {
        return (Tier::Limited, limited);
    }
    (Tier::Minimal, Vec::new())
}

/// The answers with every open question answered in the way that raises the
/// tier most, to tell whether the tier is still provisional.
fn worst_case(a: &RiskAnswers) -> RiskAnswers {
    RiskAnswers {
        prohibited: a
            .prohibited
            .clone()
            .or(Some(vec![ProhibitedPractice::Manipulation])),
        high_risk_areas: a
            .high_risk_areas
            .clone()
            .or(Some(vec![HighRiskArea::Employment])),
        interacts_with_people: a.interacts_with_people.or(Some(true)),
        generates_content: a.generates_content.or(Some(true)),
        affects_rights: a.affects_rights.or(Some(true)),
        autonomy: a.autonomy.or(Some(Autonomy::FullyAutomatic)),
        personal_data: a.personal_data.or(Some(DataSensitivity::Sensitive)),
        notes: String::new(),
    }
}

fn unanswered(a: &RiskAnswers) -> Vec<Question> {
    let open = [
        a.prohibited.is_none(),
        a.high_risk_areas.is_none(),
        a.interacts_with_people.is_none(),
        a.generates_content.is_none(),
        a.affects_rights.is_none(),
        a.autonomy.is_none(),
        a.personal_data.is_none(),
    ];
    QUESTIONS
        .iter()
        .zip(open)
        .filter(|(_, open)| *open)
        .map(|(q, _)| *q)
        .collect()
}

fn headline(tier: Tier, provisional: bool) -> String {
    let text = match tier {
        Tier::Prohibited => "Prohibited: this use cannot be deployed as described.",
        Tier::High => "High risk: rigorous review gates and the full set of high-risk controls are needed before deployment.",
        Tier::Limited => "Limited risk: the baseline controls plus telling people when they deal with AI.",
        Tier::Minimal => "Minimal risk: the four baseline controls are enough.",
    };
    if provisional {
        format!("{text} Provisional until the open questions are answered.")
    } else {
        text.to_string()
    }
}

fn area_state(plan: &Plan, area: ControlArea) -> (Vec<Id>, ControlState) {
    let mut ids = Vec::new();
    let mut best: Option<ControlStatus> = None;
    for c in plan.controls.iter().filter(|c| c.area == area) {
        ids.push(c.id.clone());
        if c.owner.is_some() {
            best = Some(match (best, c.status) {
                (Some(ControlStatus::InPlace), _) | (_, ControlStatus::InPlace) => {
                    ControlStatus::InPlace
                }
                (Some(ControlStatus::InProgress), _) | (_, ControlStatus::InProgress) => {
                    ControlStatus::InProgress
                }
                _ => ControlStatus::Planned,
            });
        }
    }
    let state = match (ids.is_empty(), best) {
        (true, _) => ControlState::Missing,
        (false, None) => ControlState::Unowned,
        (false, Some(ControlStatus::Planned)) => ControlState::Planned,
        (false, Some(ControlStatus::InProgress)) => ControlState::InProgress,
        (false, Some(ControlStatus::InPlace)) => ControlState::InPlace,
    };
    (ids, state)
}

fn gap_message(plan: &Plan, req: &RequiredControl) -> String {
    let area = req.label;
    let first = plan.controls.iter().find(|c| c.area == req.area);
    let name = first
        .map(|c| quoted(&c.name, "its control"))
        .unwrap_or_default();
    match req.state {
        ControlState::Missing => format!(
            "No control covers {}; add one and name its owner.",
            area.to_lowercase()
        ),
        ControlState::Unowned => format!(
            "The {} control {name} has no owner; name who is accountable for it.",
            area.to_lowercase()
        ),
        ControlState::Planned => format!(
            "The {} control {name} is only planned; start putting it in place.",
            area.to_lowercase()
        ),
        ControlState::InProgress => format!(
            "The {} control {name} is in progress; finish it and record the evidence.",
            area.to_lowercase()
        ),
        ControlState::InPlace => String::new(),
    }
}

/// Works out the risk tier of a plan and the controls it calls for.
///
/// ```
/// use planwright_core::model::{Plan, HighRiskArea};
/// use planwright_core::analysis::risk::{assess, Tier};
///
/// let mut plan = Plan::blank();
/// plan.risk.high_risk_areas = Some(vec![HighRiskArea::Employment]);
/// let risk = assess(&plan);
/// assert_eq!(risk.tier, Tier::High);
/// assert!(risk.provisional); // the prohibited-practice question is still open
/// ```
pub fn assess(plan: &Plan) -> RiskAssessment {
    let answers = &plan.risk;
    let (tier, mut reasons) = classify(answers);
    let (worst, _) = classify(&worst_case(answers));
    let unanswered = unanswered(answers);
    let provisional = worst.rank() > tier.rank();
    if reasons.is_empty() {
        reasons.push(if unanswered.is_empty() {
            "No answer places the use above minimal risk: no prohibited practice, no high-risk area, no direct interaction or generated content, and no sensitive personal data.".to_string()
        } else {
            "No answer so far places the use above minimal risk.".to_string()
        });
    }
    let required: Vec<RequiredControl> = required_areas(tier)
        .into_iter()
        .map(|area| {
            let (controls, state) = area_state(plan, area);
            RequiredControl {
                area,
                label: area.label(),
                why: why(area),
                controls,
                state,
            }
        })
        .collect();
    let gaps = required
        .iter()
        .filter(|r| r.state != ControlState::InPlace)
        .map(|r| ControlGap {
            area: r.area,
            state: r.state,
            message: gap_message(plan, r),
        })
        .collect();
    RiskAssessment {
        tier,
        headline: headline(tier, provisional),
        deployable: tier != Tier::Prohibited,
        reasons,
        unanswered,
        provisional,
        required,
        gaps,
        disclaimer: DISCLAIMER,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Control;

    fn answered() -> RiskAnswers {
        RiskAnswers {
            prohibited: Some(vec![]),
            high_risk_areas: Some(vec![]),
            interacts_with_people: Some(false),
            generates_content: Some(false),
            affects_rights: Some(false),
            autonomy: Some(Autonomy::Advises),
            personal_data: Some(DataSensitivity::NoPersonal),
            notes: String::new(),
        }
    }

    fn plan_with(risk: RiskAnswers) -> Plan {
        Plan {
            risk,
            ..Plan::blank()
        }
    }

    #[test]
    fn tiers_follow_the_rules() {
        type Edit = fn(&mut RiskAnswers);
        let cases: &[(&str, Edit, Tier)] = &[
            ("nothing applies", |_| {}, Tier::Minimal),
            (
                "personal but not sensitive data",
                |a| a.personal_data = Some(DataSensitivity::Personal),
                Tier::Minimal,
            ),
            (
                "talks to people",
                |a| a.interacts_with_people = Some(true),
                Tier::Limited,
            ),
            (
                "generates content",
                |a| a.generates_content = Some(true),
                Tier::Limited,
            ),
            (
                "sensitive data",
                |a| a.personal_data = Some(DataSensitivity::Sensitive),
                Tier::Limited,
            ),
            (
                "affects rights, person approves",
                |a| {
                    a.affects_rights = Some(true);
                    a.autonomy = Some(Autonomy::HumanApproves);
                },
                Tier::Minimal,
            ),
            (
                "affects rights, people monitor",
                |a| {
                    a.affects_rights = Some(true);
                    a.autonomy = Some(Autonomy::HumanMonitors);
                },
                Tier::High,
            ),
            (
                "affects rights, fully automatic",
                |a| {
                    a.affects_rights = Some(true);
                    a.autonomy = Some(Autonomy::FullyAutomatic);
                },
                Tier::High,
            ),
            (
                "high-risk area",
                |a| a.high_risk_areas = Some(vec![HighRiskArea::CreditAndServices]),
                Tier::High,
            ),
            (
                "prohibited beats everything",
                |a| {
                    a.high_risk_areas = Some(vec![HighRiskArea::Employment]);
                    a.prohibited = Some(vec![ProhibitedPractice::SocialScoring]);
                },
                Tier::Prohibited,
            ),
        ];
        for (name, edit, tier) in cases {
            let mut a = answered();
            edit(&mut a);
            let risk = assess(&plan_with(a));
            assert_eq!(risk.tier, *tier, "{name}");
            assert!(!risk.provisional, "{name}: everything is answered");
            assert!(risk.unanswered.is_empty(), "{name}");
            assert!(!risk.reasons.is_empty(), "{name}");
            assert_eq!(risk.deployable, *tier != Tier::Prohibited, "{name}");
        }
    }

    #[test]
    fn reasons_name_the_deciding_answers() {
        let mut a = answered();
        a.high_risk_areas = Some(vec![HighRiskArea::Employment, HighRiskArea::Education]);
        a.interacts_with_people = Some(true);
        let risk = assess(&plan_with(a));
        assert_eq!(risk.reasons.len(), 2);
        assert!(risk.reasons[0].contains("Employment and worker management"));
        assert!(risk.reasons[1].contains("Education"));
    }

    #[test]
    fn blank_plan_is_minimal_but_provisional() {
        let risk = assess(&Plan::blank());
        assert_eq!(risk.tier, Tier::Minimal);
        assert!(risk.provisional);
        assert_eq!(risk.unanswered.len(), QUESTIONS.len());
        assert!(risk.headline.contains("Provisional"));
        assert_eq!(risk.required.len(), 4);
        assert_eq!(risk.gaps.len(), 4);
        assert!(risk
            .gaps
            .iter()
            .all(|g| g.state == ControlState::Missing && !g.message.is_empty()));
    }

    #[test]
    fn provisional_only_when_an_open_question_could_raise_the_tier() {
        let mut a = answered();
        a.prohibited = None;
        a.high_risk_areas = Some(vec![HighRiskArea::Justice]);
        let risk = assess(&plan_with(a.clone()));
        assert!(
            risk.provisional,
            "the prohibited question could still raise high to prohibited"
        );
        a.prohibited = Some(vec![]);
        a.personal_data = None;
        let risk = assess(&plan_with(a));
        assert!(
            !risk.provisional,
            "sensitive data cannot raise a high-risk use"
        );
        assert_eq!(
            risk.unanswered.iter().map(|q| q.key).collect::<Vec<_>>(),
            ["personal_data"]
        );
    }

    #[test]
    fn required_controls_grow_with_the_tier() {
        assert_eq!(required_areas(Tier::Minimal).len(), 4);
        assert_eq!(required_areas(Tier::Limited).len(), 5);
        assert_eq!(required_areas(Tier::High).len(), 13);
        assert_eq!(required_areas(Tier::Prohibited), required_areas(Tier::High));
        assert!(required_areas(Tier::Limited).contains(&ControlArea::Transparency));
    }

    #[test]
    fn control_states() {
        let control = |id: &str, area, status, owned: bool| Control {
            id: Id::from(id),
            area,
            name: format!("control {id}"),
            status,
            owner: owned.then(|| Id::from("s-1")),
            evidence: String::new(),
        };
        let mut plan = plan_with(answered());
        plan.controls = vec![
            control(
                "c-1",
                ControlArea::DataPrivacy,
                ControlStatus::InPlace,
                true,
            ),
            control(
                "c-2",
                ControlArea::AcceptableUse,
                ControlStatus::InPlace,
                false,
            ),
            control(
                "c-3",
                ControlArea::HumanOversight,
                ControlStatus::Planned,
                true,
            ),
            control(
                "c-4",
                ControlArea::HumanOversight,
                ControlStatus::InProgress,
                true,
            ),
            control(
                "c-5",
                ControlArea::HumanOversight,
                ControlStatus::InPlace,
                false,
            ),
        ];
        let risk = assess(&plan);
        let states: Vec<ControlState> = risk.required.iter().map(|r| r.state).collect();
        assert_eq!(
            states,
            [
                ControlState::InPlace,
                ControlState::Unowned,
                ControlState::InProgress,
                ControlState::Missing
            ]
        );
        assert_eq!(
            risk.required[2].controls,
            [Id::from("c-3"), Id::from("c-4"), Id::from("c-5")]
        );
        let gap_areas: Vec<ControlArea> = risk.gaps.iter().map(|g| g.area).collect();
        assert_eq!(
            gap_areas,
            [
                ControlArea::AcceptableUse,
                ControlArea::HumanOversight,
                ControlArea::IncidentResponse
            ]
        );
        assert!(
            risk.gaps[0].message.contains("'control c-2'"),
            "{}",
            risk.gaps[0].message
        );
    }

    #[test]
    fn prohibited_cannot_be_deployed() {
        let mut a = answered();
        a.prohibited = Some(vec![ProhibitedPractice::EmotionAtWorkOrSchool]);
        let risk = assess(&plan_with(a));
        assert!(!risk.deployable);
        assert!(risk.headline.contains("cannot be deployed"));
        assert_eq!(risk.required.len(), 13);
        assert!(risk.reasons[0].contains("Inferring emotions"));
    }
}
