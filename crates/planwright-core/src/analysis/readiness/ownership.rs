//! Criteria of the ownership dimension: a sponsor, an initiative owner, a
//! business owner, and a coalition rather than a single champion.

use std::collections::HashSet;

use crate::analysis::eval::Outcome;
use crate::model::{Function, Id};
use crate::text::{and_list, cap};

use super::{filled, Ctx};

/// Not met when the role is empty, partly met when it names someone missing
/// from the stakeholder list; `None` when a listed stakeholder holds it.
pub(super) fn role_gap(c: &Ctx, who: Option<&Id>, role: &str, fix: &str) -> Option<Outcome> {
    match who {
        None => Some(Outcome::unmet(format!("No {role} is named."), fix)),
        Some(id) if !c.people.contains_key(id.as_str()) => Some(Outcome::partly(
            format!("The {role} is set to someone who is not in the stakeholder list (id '{id}')."),
            format!("Pick the {role} from the stakeholder list, or add them to it."),
        )),
        Some(_) => None,
    }
}

pub(super) fn sponsor(c: &Ctx) -> Outcome {
    let who = c.plan.ownership.sponsor.as_ref();
    if let Some(gap) = role_gap(
        c,
        who,
        "executive sponsor",
        "Name an executive sponsor who can clear blockers and fund the work.",
    ) {
        return gap;
    }
    Outcome::met(format!(
        "{} sponsors the initiative.",
        cap(&who.map(|id| c.person_name(id)).unwrap_or_default())
    ))
}

pub(super) fn initiative_owner(c: &Ctx) -> Outcome {
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
    let name = cap(&who.map(|id| c.person_name(id)).unwrap_or_default());
    if filled(&o.accountability) {
        Outcome::met(format!(
            "{name} owns the initiative and what they answer for is written down."
        ))
    } else {
        Outcome::partly(
            format!("{name} owns the initiative, but what they are accountable for is not written down."),
            "Write down what the initiative owner answers for: outcomes, not only delivery.",
        )
    }
}

pub(super) fn business_owner(c: &Ctx) -> Outcome {
    let who = c.plan.ownership.business_owner.as_ref();
    if let Some(gap) = role_gap(
        c,
        who,
        "business owner",
        "Name a business owner who will keep improving the workflow after launch.",
    ) {
        return gap;
    }
    let name = cap(&who.map(|id| c.person_name(id)).unwrap_or_default());
    let function = who
        .and_then(|id| c.people.get(id.as_str()))
        .map(|(_, p)| p.function);
    if function == Some(Function::Technology) {
        Outcome::partly(
            format!("{name} is the business owner but comes from technology."),
            "Pick a business owner from the business side, who will run the workflow after launch.",
        )
    } else {
        Outcome::met(format!("{name} owns the workflow on the business side."))
    }
}

pub(super) fn not_single_champion(c: &Ctx) -> Outcome {
    let o = &c.plan.ownership;
    let named: Vec<&Id> = [&o.sponsor, &o.initiative_owner, &o.business_owner]
        .into_iter()
        .flatten()
        .collect();
    let distinct: HashSet<&Id> = named.iter().copied().collect();
    match (named.len(), distinct.len()) {
        (0, _) => Outcome::unmet(
            "No one holds an ownership role yet.",
            "Name a sponsor, an initiative owner and a business owner.",
        ),
        (_, 1) => Outcome::unmet(
            format!(
                "{} is the only person holding an ownership role; a single champion is fragile.",
                named
                    .first()
                    .map(|id| cap(&c.person_name(id)))
                    .unwrap_or_default()
            ),
            "Spread sponsor, initiative owner and business owner across different people.",
        ),
        (_, n) => Outcome::met(format!("{n} different people share the ownership roles.")),
    }
}

pub(super) fn coalition(c: &Ctx) -> Outcome {
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
        0 => Outcome::met(
            "The stakeholders span technology, operations, risk and the business unit.",
        ),
        1 | 2 => Outcome::partly(
            format!("The coalition lacks {}.", and_list(&missing)),
            format!(
                "Bring someone from {} into the coalition.",
                and_list(&missing)
            ),
        ),
        _ => Outcome::unmet(
            format!("The coalition lacks {}.", and_list(&missing)),
            "Build a coalition across technology, operations, risk and the business unit.",
        ),
    }
}
