//! Part 11: change management, training and adoption.

use crate::choice::Choice;
use crate::export::markdown::escape::{cell, table};
use crate::export::markdown::names::Names;
use crate::export::markdown::values::{labelled, missing, sub};
use crate::export::markdown::{template_part, Part};
use crate::model::Plan;
use crate::model::Section;

/// Part 11: training, communication, adoption milestones, leadership and
/// AI literacy.
pub(in crate::export::markdown) fn change(plan: &Plan, names: &Names<'_>) -> Part {
    let c = &plan.change;
    let mut out = String::new();
    sub(&mut out, "Training");
    if c.training.is_empty() {
        missing(&mut out, "No training planned yet. Training is not optional: plan it for every group whose work changes.");
    } else {
        let rows: Vec<Vec<String>> = c
            .training
            .iter()
            .map(|t| {
                vec![
                    cell(&t.audience),
                    cell(&t.topic),
                    names.person(t.owner.as_ref()),
                    t.status.label().to_string(),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Audience", "What they learn", "Owner", "Status"],
            &rows,
        ));
        out.push('\n');
    }
    sub(&mut out, "Communication");
    if c.communications.is_empty() {
        missing(&mut out, "No communication planned yet. Tell each audience what the AI is for and where its limits are.");
    } else {
        let rows: Vec<Vec<String>> = c
            .communications
            .iter()
            .map(|m| {
                vec![
                    cell(&m.audience),
                    cell(&m.message),
                    cell(&m.channel),
                    cell(&m.timing),
                    names.person(m.owner.as_ref()),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Audience", "Message", "Channel", "When", "Owner"],
            &rows,
        ));
        out.push('\n');
    }
    sub(&mut out, "Adoption milestones");
    if c.milestones.is_empty() {
        missing(&mut out, "No adoption milestones yet. Tie adoption to dates and to someone accountable; it is an outcome, not a soft extra.");
    } else {
        let rows: Vec<Vec<String>> = c
            .milestones
            .iter()
            .map(|m| {
                vec![
                    cell(&m.name),
                    cell(&m.measure),
                    m.due.map(|d| d.to_string()).unwrap_or_default(),
                    names.person(m.owner.as_ref()),
                    m.status.label().to_string(),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Milestone", "Measured by", "Due", "Accountable", "Status"],
            &rows,
        ));
        out.push('\n');
    }
    labelled(
        &mut out,
        "Leaders using it visibly",
        &c.leadership,
        "Not planned yet. Say how leaders will use the capability where people can see it.",
    );
    labelled(
        &mut out,
        "AI literacy",
        &c.literacy,
        "Not planned yet. Say how non-technical users learn what the AI can and cannot do.",
    );
    template_part("change", Section::Change, out)
}
