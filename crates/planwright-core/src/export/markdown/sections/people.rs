//! Sections 3 and 4: sponsor and owners; stakeholders and decision roles.

use std::fmt::Write as _;

use crate::choice::Choice;
use crate::export::markdown::escape::{cell, table};
use crate::export::markdown::names::Names;
use crate::export::markdown::values::{labelled, missing, sub, yes_no};
use crate::export::markdown::{template_part, Part};
use crate::model::Plan;
use crate::model::Section;

/// Part 3: sponsor, owners and what they are accountable for.
pub(in crate::export::markdown) fn ownership(plan: &Plan, names: &Names<'_>) -> Part {
    let o = &plan.ownership;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "- **Executive sponsor:** {}",
        names.person_with_role(o.sponsor.as_ref())
    );
    let _ = writeln!(
        out,
        "- **Initiative owner (accountable for outcomes):** {}",
        names.person_with_role(o.initiative_owner.as_ref())
    );
    let _ = writeln!(
        out,
        "- **Business owner (keeps improving the workflow):** {}\n",
        names.person_with_role(o.business_owner.as_ref())
    );
    labelled(
        &mut out,
        "Accountability",
        &o.accountability,
        "Not written yet. Say what the owners answer for, in their own words.",
    );
    template_part("ownership", Section::Ownership, out)
}

/// Part 4: the stakeholders and the decisions they take part in.
pub(in crate::export::markdown) fn stakeholders(plan: &Plan, names: &Names<'_>) -> Part {
    use crate::model::DecisionRole;
    let mut out = String::new();
    if plan.stakeholders.is_empty() {
        missing(
            &mut out,
            "No stakeholders yet. List who prepares the work, who reviews it, who can say yes or no, and who is affected.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .stakeholders
            .iter()
            .map(|s| {
                vec![
                    cell(&s.name),
                    cell(&s.role),
                    s.function.label().to_string(),
                    yes_no(s.affected).to_string(),
                    cell(&s.notes),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Name", "Role", "Function", "Work changes", "Notes"],
            &rows,
        ));
        out.push('\n');
    }
    sub(&mut out, "Decisions");
    if plan.decisions.is_empty() {
        missing(
            &mut out,
            "No decisions mapped yet. For each decision, name who prepares it, who reviews it, the one person who approves it, and who can block it.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .decisions
            .iter()
            .map(|d| {
                let who = |role: DecisionRole| {
                    let people: Vec<String> = d
                        .roles
                        .iter()
                        .filter(|r| r.role == role)
                        .map(|r| match &r.stakeholder {
                            Some(id) => names.person(Some(id)),
                            None => "_unassigned_".to_string(),
                        })
                        .collect();
                    people.join(", ")
                };
                vec![
                    cell(&d.title),
                    who(DecisionRole::Prepares),
                    who(DecisionRole::Reviews),
                    match who(DecisionRole::Approves) {
                        approver if approver.is_empty() => "_no one yet_".to_string(),
                        approver => approver,
                    },
                    who(DecisionRole::CanBlock),
                    who(DecisionRole::Informed),
                    cell(&d.on_disagreement),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "Decision",
                "Prepares",
                "Reviews",
                "Approves",
                "Can block",
                "Informed",
                "When people disagree",
            ],
            &rows,
        ));
    }
    template_part("stakeholders", Section::Stakeholders, out)
}
