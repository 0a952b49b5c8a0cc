//! The gate out of a foundation phase: the four foundation deliverables
//! approved and the baseline governance controls in place.

use crate::analysis::eval::Outcome;
use crate::analysis::risk::BASELINE_AREAS;
use crate::choice::Choice;
use crate::model::{ControlArea, ControlStatus, DeliverableKind, DeliverableStatus, Phase, Plan};
use crate::text::quoted;

use super::{GateCriterion, Make};

pub(super) fn foundation(plan: &Plan, phase: &Phase, out: &mut Vec<GateCriterion>) {
    let deliverables = [
        (
            DeliverableKind::ContextPack,
            "foundation.deliverable.context_pack",
            "Write the context pack (terminology, voice, archetypes) and get it approved.",
        ),
        (
            DeliverableKind::DataReadiness,
            "foundation.deliverable.data_readiness",
            "Complete the data readiness assessment and get it approved.",
        ),
        (
            DeliverableKind::GovernanceFramework,
            "foundation.deliverable.governance_framework",
            "Write the governance framework and get it approved.",
        ),
        (
            DeliverableKind::StakeholderMap,
            "foundation.deliverable.stakeholder_map",
            "Map stakeholder alignment and get the map approved.",
        ),
    ];
    for (kind, key, action) in deliverables {
        let make = Make {
            phase,
            key,
            text: format!(
                "The {} is documented and approved",
                kind.label().to_lowercase()
            ),
            section: 9,
        };
        let mut of_kind = plan
            .deliverables
            .iter()
            .enumerate()
            .filter(|(_, d)| d.kind == kind)
            .peekable();
        let approved = plan
            .deliverables
            .iter()
            .enumerate()
            .find(|(_, d)| d.kind == kind && d.status == DeliverableStatus::Approved);
        out.push(match (approved, of_kind.peek()) {
            (Some((i, d)), _) => make.judge(
                Outcome::met(format!("{} is approved.", quoted(&d.name, kind.label())))
                    .at(format!("deliverables[{i}].status"))
                    .by(d.owner.as_ref()),
            ),
            (None, Some(&(i, d))) => {
                let mut detail = format!(
                    "{} is {}",
                    quoted(&d.name, kind.label()),
                    d.status.label().to_lowercase()
                );
                if d.approver.is_none() {
                    detail.push_str(" and nobody is named to approve it");
                }
                detail.push('.');
                make.judge(
                    Outcome::unmet(detail, action.to_string())
                        .at(format!("deliverables[{i}].status"))
                        .by(d.owner.as_ref()),
                )
            }
            (None, None) => make.judge(
                Outcome::unmet(
                    format!(
                        "The deliverables include no {}.",
                        kind.label().to_lowercase()
                    ),
                    action.to_string(),
                )
                .at("deliverables".to_string()),
            ),
        });
    }
    for area in BASELINE_AREAS {
        let key = match area {
            ControlArea::DataPrivacy => "foundation.control.data_privacy",
            ControlArea::AcceptableUse => "foundation.control.acceptable_use",
            ControlArea::HumanOversight => "foundation.control.human_oversight",
            _ => "foundation.control.incident_response",
        };
        let label = area.label().to_lowercase();
        let make = Make {
            phase,
            key,
            text: format!("A control for {label} is in place"),
            section: 8,
        };
        let in_place = plan
            .controls
            .iter()
            .enumerate()
            .find(|(_, c)| c.area == area && c.status == ControlStatus::InPlace);
        let any = plan
            .controls
            .iter()
            .enumerate()
            .find(|(_, c)| c.area == area);
        out.push(match (in_place, any) {
            (Some((i, c)), _) => make.judge(
                Outcome::met(format!("{} is in place.", quoted(&c.name, area.label())))
                    .at(format!("controls[{i}].status"))
                    .by(c.owner.as_ref()),
            ),
            (None, Some((i, c))) => {
                let name = quoted(&c.name, area.label());
                make.judge(
                    Outcome::unmet(
                        format!("{name} is {}.", c.status.label().to_lowercase()),
                        format!("Finish putting {name} in place."),
                    )
                    .at(format!("controls[{i}].status"))
                    .by(c.owner.as_ref()),
                )
            }
            (None, None) => make.judge(
                Outcome::unmet(
                    format!("No control covers {label}."),
                    format!("Put a control for {label} in place and name its owner."),
                )
                .at("controls".to_string()),
            ),
        });
    }
}
