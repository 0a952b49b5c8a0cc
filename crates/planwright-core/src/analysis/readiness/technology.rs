//! Criteria of the technology dimension: systems of record, integrations
//! designed early, security reviews, owners and legacy limits.

use crate::analysis::eval::Outcome;
use crate::model::{IntegrationStatus, ReviewStatus, SystemRole};
use crate::text::{agree, all_of, cap, name_list, named};

use super::{count_of, filled, Check, Ctx};

pub(super) fn no_systems() -> Outcome {
    Outcome::unmet(
        "No systems are listed.",
        "List the systems of record and integration points the use case touches.",
    )
}

pub(super) fn systems_of_record(c: &Ctx) -> Outcome {
    let list = &c.plan.systems;
    let records: Vec<String> = list
        .iter()
        .enumerate()
        .filter(|(_, s)| s.role == SystemRole::SystemOfRecord)
        .map(|(i, s)| named(&s.name, "system", i))
        .collect();
    if !records.is_empty() {
        Outcome::met(format!(
            "Systems of record identified: {}.",
            name_list(&records)
        ))
    } else if list.is_empty() {
        no_systems()
    } else {
        Outcome::partly(
            if list.len() == 1 {
                "One system is listed, but it is not marked as a system of record.".to_string()
            } else {
                format!(
                    "{} systems are listed, but none is marked as a system of record.",
                    list.len()
                )
            },
            "Identify the systems of record the AI reads from or writes to.",
        )
    }
}

pub(super) fn integration_planned(c: &Ctx) -> Outcome {
    let list = &c.plan.systems;
    if list.is_empty() {
        return no_systems();
    }
    let bad: Vec<String> = list
        .iter()
        .enumerate()
        .filter(|(_, s)| s.integration == IntegrationStatus::NotStarted)
        .map(|(i, s)| named(&s.name, "system", i))
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
        ok: format!("{} {} at least designed.", cap(&all_of(list.len(), "integration", "integrations")), agree(list.len(), "is", "are")),
        fix: "Design the integrations now; last-mile integration is where initiatives most often stall.",
    }
    .eval()
    .by(owner)
}

pub(super) fn security_review(c: &Ctx) -> Outcome {
    let list = &c.plan.systems;
    if list.is_empty() {
        return no_systems();
    }
    let failed: Vec<String> = list
        .iter()
        .enumerate()
        .filter(|(_, s)| s.security_review == ReviewStatus::Failed)
        .map(|(i, s)| named(&s.name, "system", i))
        .collect();
    if !failed.is_empty() {
        let owner = list
            .iter()
            .find(|s| s.security_review == ReviewStatus::Failed)
            .and_then(|s| s.owner.as_ref());
        return Outcome::unmet(
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
        .enumerate()
        .filter(|(_, s)| s.security_review == ReviewStatus::NotStarted)
        .map(|(i, s)| named(&s.name, "system", i))
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

pub(super) fn system_owners(c: &Ctx) -> Outcome {
    let list = &c.plan.systems;
    if list.is_empty() {
        return no_systems();
    }
    let bad: Vec<String> = list
        .iter()
        .enumerate()
        .filter(|(_, s)| s.owner.is_none())
        .map(|(i, s)| named(&s.name, "system", i))
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "systems",
        one: "has no owner",
        many: "have no owner",
        ok: format!(
            "{} {} an owner.",
            cap(&all_of(list.len(), "system", "systems")),
            agree(list.len(), "has", "have")
        ),
        fix: "Name an owner for every system the use case touches.",
    }
    .eval()
}

pub(super) fn legacy_limits(c: &Ctx) -> Outcome {
    let list = &c.plan.systems;
    if list.is_empty() {
        return no_systems();
    }
    let bad: Vec<String> = list
        .iter()
        .enumerate()
        .filter(|(_, s)| !filled(&s.limits))
        .map(|(i, s)| named(&s.name, "system", i))
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
