//! Part 5: the split of work between people and AI.

use crate::choice::Choice;
use crate::export::markdown::escape::{cell, table};
use crate::export::markdown::names::Names;
use crate::export::markdown::values::{missing, yes_no};
use crate::export::markdown::{template_part, Part};
use crate::model::Plan;
use crate::model::Section;

/// Part 5: who does what in each step of the workflow.
pub(in crate::export::markdown) fn workflow(plan: &Plan, names: &Names<'_>) -> Part {
    let mut out = String::new();
    if plan.workflow.is_empty() {
        missing(
            &mut out,
            "No workflow steps yet. Walk through the process step by step and say what the AI prepares, checks or routes, and what people approve, decide or own.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .workflow
            .iter()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    (i + 1).to_string(),
                    cell(&s.name),
                    s.ai_role.label().to_string(),
                    s.human_role.label().to_string(),
                    names.person(s.owner.as_ref()),
                    yes_no(s.carries_risk).to_string(),
                    cell(&s.notes),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "#",
                "Step",
                "AI",
                "People",
                "Owner",
                "Carries risk",
                "Notes",
            ],
            &rows,
        ));
    }
    template_part("workflow", Section::Workflow, out)
}
