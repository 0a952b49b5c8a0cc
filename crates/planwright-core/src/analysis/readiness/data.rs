//! Criteria of the data dimension: owned, adequate, reachable and
//! representative sources, with approval and compliance for sensitive ones.

use crate::analysis::eval::{Outcome, Status};
use crate::choice::Choice;
use crate::model::{AccessApproval, Accessibility, Compliance, Quality};
use crate::text::{agree, all_of, cap, named};

use super::{count_of, Check, Ctx};

/// What messages call a data source without a name.
const NOUN: &str = "data source";

pub(super) fn no_sources() -> Outcome {
    Outcome::unmet(
        "No data sources are listed.",
        "List the data sources the use case needs, with their owners and how ready they are.",
    )
}

pub(super) fn source_owners(c: &Ctx) -> Outcome {
    let list = &c.plan.data_sources;
    if list.is_empty() {
        return no_sources();
    }
    let bad: Vec<String> = list
        .iter()
        .enumerate()
        .filter(|(_, s)| s.owner.is_none())
        .map(|(i, s)| named(&s.name, NOUN, i))
        .collect();
    Check {
        total: list.len(),
        bad,
        nouns: "data sources",
        one: "has no owner",
        many: "have no owner",
        ok: format!(
            "{} {} an owner.",
            cap(&all_of(list.len(), "data source", "data sources")),
            agree(list.len(), "has", "have")
        ),
        fix: "Name an owner for every data source.",
    }
    .eval()
}

pub(super) fn source_quality(c: &Ctx) -> Outcome {
    let list = &c.plan.data_sources;
    if list.is_empty() {
        return no_sources();
    }
    let bad: Vec<String> = list
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s.quality, Quality::Unknown | Quality::Poor))
        .map(|(i, s)| {
            format!(
                "{} ({})",
                named(&s.name, NOUN, i),
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
            "{} {} assessed as fair or good.",
            cap(&all_of(list.len(), "data source", "data sources")),
            agree(list.len(), "is", "are")
        ),
        fix: "Assess the quality of every data source and fix the poor ones before model work.",
    }
    .eval()
    .by(owner)
}

pub(super) fn source_access(c: &Ctx) -> Outcome {
    let list = &c.plan.data_sources;
    if list.is_empty() {
        return no_sources();
    }
    let unreachable: Vec<String> = list
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            matches!(
                s.accessibility,
                Accessibility::Unavailable | Accessibility::Unknown
            )
        })
        .map(|(i, s)| {
            format!(
                "{} ({})",
                named(&s.name, NOUN, i),
                s.accessibility.label().to_lowercase()
            )
        })
        .collect();
    let restricted: Vec<String> = list
        .iter()
        .enumerate()
        .filter(|(_, s)| s.accessibility == Accessibility::Restricted)
        .map(|(i, s)| named(&s.name, NOUN, i))
        .collect();
    let owner = list
        .iter()
        .find(|s| s.accessibility != Accessibility::Available)
        .and_then(|s| s.owner.as_ref());
    let eval = if unreachable.is_empty() && restricted.is_empty() {
        Outcome::met(format!(
            "{} can be reached.",
            cap(&all_of(list.len(), "data source", "data sources"))
        ))
    } else if unreachable.len() == list.len() {
        Outcome::unmet(
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
        Outcome::partly(
            format!("{}.", parts.join("; ")),
            "Secure a reliable way to reach every data source.",
        )
    };
    eval.by(owner)
}

fn is_sensitive(s: &crate::model::DataSource) -> bool {
    s.personal_data || s.regulated_data
}

pub(super) fn sensitive_sources<'a>(c: &Ctx<'a>) -> Vec<&'a crate::model::DataSource> {
    c.plan
        .data_sources
        .iter()
        .filter(|s| is_sensitive(s))
        .collect()
}

pub(super) fn source_approval(c: &Ctx) -> Outcome {
    if c.plan.data_sources.is_empty() {
        return no_sources();
    }
    let sensitive = sensitive_sources(c);
    if sensitive.is_empty() {
        return Outcome::met(
            "No data source holds personal or regulated data, so no access approval is needed.",
        );
    }
    let bad: Vec<String> = c
        .plan
        .data_sources
        .iter()
        .enumerate()
        .filter(|(_, s)| is_sensitive(s) && s.access_approval != AccessApproval::Granted)
        .map(|(i, s)| {
            format!(
                "{} ({})",
                named(&s.name, NOUN, i),
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
            "Access is approved for {} with personal or regulated data.",
            all_of(sensitive.len(), "source", "sources")
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

pub(super) fn source_compliance(c: &Ctx) -> Outcome {
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
            Outcome::partly(
                "The risk answers say personal data is involved, but no data source is marked as holding it.",
                "Mark which data sources hold personal data so their compliance can be reviewed.",
            )
        } else {
            Outcome::met("No data source holds personal or regulated data.")
        };
    }
    let bad: Vec<String> = c
        .plan
        .data_sources
        .iter()
        .enumerate()
        .filter(|(_, s)| is_sensitive(s) && s.compliance != Compliance::Cleared)
        .map(|(i, s)| {
            format!(
                "{} ({})",
                named(&s.name, NOUN, i),
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
            "Compliance has cleared {} with personal or regulated data.",
            all_of(sensitive.len(), "source", "sources")
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

pub(super) fn production_like(c: &Ctx) -> Outcome {
    let list = &c.plan.data_sources;
    if list.is_empty() {
        return no_sources();
    }
    let bad: Vec<String> = list
        .iter()
        .enumerate()
        .filter_map(|(i, s)| match s.production_representative {
            Some(true) => None,
            Some(false) => Some(format!("{} (curated sample)", named(&s.name, NOUN, i))),
            None => Some(format!("{} (not known)", named(&s.name, NOUN, i))),
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
