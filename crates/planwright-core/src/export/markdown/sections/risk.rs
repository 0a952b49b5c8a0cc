//! Part 8: the risk answers, the tier and the controls it requires.

use std::fmt::Write as _;

use crate::analysis::risk::{ControlState, RiskAssessment};
use crate::choice::Choice;
use crate::export::markdown::escape::{cell, escape, table};
use crate::export::markdown::names::Names;
use crate::export::markdown::values::{answer, count, labelled, missing, sub};
use crate::export::markdown::{template_part, Part};
use crate::model::Section;
use crate::model::{Id, Plan};

/// Labels of the chosen items, or a note when the question is open.
pub(in crate::export::markdown) fn list_answer<T: Choice>(
    answer: Option<&[T]>,
    none: &str,
) -> String {
    match answer {
        None => "_not answered_".to_string(),
        Some([]) => none.to_string(),
        Some(items) => items
            .iter()
            .map(|c| c.label())
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// Part 8: the risk tier, the questionnaire, the controls the tier calls
/// for and the plan's governance controls.
pub(in crate::export::markdown) fn risk(
    plan: &Plan,
    names: &Names<'_>,
    assessment: &RiskAssessment,
) -> Part {
    let r = &plan.risk;
    let mut out = String::new();
    tier(&mut out, assessment);
    sub(&mut out, "Risk questions");
    let rows = vec![
        vec![
            "Prohibited practices involved".to_string(),
            list_answer(r.prohibited.as_deref(), "None"),
        ],
        vec![
            "High-risk areas".to_string(),
            list_answer(r.high_risk_areas.as_deref(), "None"),
        ],
        vec![
            "People interact with it directly".to_string(),
            answer(r.interacts_with_people),
        ],
        vec![
            "It generates content people will see".to_string(),
            answer(r.generates_content),
        ],
        vec![
            "Outcomes affect people's rights or access to services".to_string(),
            answer(r.affects_rights),
        ],
        vec![
            "How much it acts on its own".to_string(),
            r.autonomy
                .map_or_else(|| "_not answered_".to_string(), |a| a.label().to_string()),
        ],
        vec![
            "Most sensitive personal data".to_string(),
            r.personal_data
                .map_or_else(|| "_not answered_".to_string(), |p| p.label().to_string()),
        ],
    ];
    out.push_str(&table(&["Question", "Answer"], &rows));
    out.push('\n');
    if !r.notes.trim().is_empty() {
        labelled(&mut out, "Notes", &r.notes, "");
    }
    required_controls(&mut out, plan, names, assessment);
    sub(&mut out, "Governance controls");
    if plan.controls.is_empty() {
        missing(
            &mut out,
            "No controls yet. Before focused deployment, put in place data handling and privacy, acceptable use, human oversight and incident response.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .controls
            .iter()
            .map(|c| {
                vec![
                    c.area.label().to_string(),
                    cell(&c.name),
                    c.status.label().to_string(),
                    names.person(c.owner.as_ref()),
                    cell(&c.evidence),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Area", "Control", "Status", "Owner", "Evidence"],
            &rows,
        ));
    }
    template_part("risk", Section::Risk, out)
}

/// The tier, its headline, what decided it, the open questions and the
/// caveat that this is not legal advice.
pub(in crate::export::markdown) fn tier(out: &mut String, a: &RiskAssessment) {
    sub(out, "Risk tier");
    let _ = writeln!(out, "**{}**\n", cell(&a.headline));
    out.push_str("What decided it:\n\n");
    for reason in &a.reasons {
        let _ = writeln!(out, "- {}", cell(reason));
    }
    out.push('\n');
    if !a.unanswered.is_empty() {
        out.push_str(if a.provisional {
            "Not answered yet, and an answer could raise the tier:\n\n"
        } else {
            "Not answered yet:\n\n"
        });
        for q in &a.unanswered {
            let _ = writeln!(out, "- {}", cell(q.label));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "_{}_\n", escape(a.disclaimer));
}

/// The governance areas the tier calls for as a task list, ticked when in
/// place, with their state, owners and what is left to do.
pub(in crate::export::markdown) fn required_controls(
    out: &mut String,
    plan: &Plan,
    names: &Names<'_>,
    a: &RiskAssessment,
) {
    sub(out, "Required controls");
    let in_place = a
        .required
        .iter()
        .filter(|r| r.state == ControlState::InPlace)
        .count();
    let _ = writeln!(
        out,
        "The {} tier calls for {} before deployment; {in_place} {} in place.\n",
        a.tier.label().to_lowercase(),
        count(a.required.len(), "governance area", "governance areas"),
        if in_place == 1 { "is" } else { "are" }
    );
    for req in &a.required {
        let mut owners: Vec<&Id> = Vec::new();
        for c in plan.controls.iter().filter(|c| c.area == req.area) {
            if let Some(owner) = &c.owner {
                if !owners.contains(&owner) {
                    owners.push(owner);
                }
            }
        }
        let who = if owners.is_empty() {
            String::new()
        } else {
            format!("; {}", names.people(owners))
        };
        let done = req.state == ControlState::InPlace;
        let _ = write!(
            out,
            "- [{}] **{}** ({}{who})",
            if done { "x" } else { " " },
            req.label,
            req.state.label()
        );
        match a.gaps.iter().find(|g| g.area == req.area) {
            Some(gap) if !done => {
                let _ = writeln!(out, ": {}", cell(&gap.message));
            }
            _ => out.push('\n'),
        }
    }
    out.push('\n');
}
