//! Part 7: the systems the AI runs on and connects to.

use crate::choice::Choice;
use crate::export::markdown::escape::{cell, table};
use crate::export::markdown::names::Names;
use crate::export::markdown::values::missing;
use crate::export::markdown::{template_part, Part};
use crate::model::Plan;
use crate::model::Section;

/// Part 7: the systems touched and how far integration has come.
pub(in crate::export::markdown) fn systems(plan: &Plan, names: &Names<'_>) -> Part {
    let mut out = String::new();
    if plan.systems.is_empty() {
        missing(
            &mut out,
            "No systems yet. List the systems of record and integration points the workflow touches, with their security review; the last mile of integration is where plans stall.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .systems
            .iter()
            .map(|s| {
                vec![
                    cell(&s.name),
                    s.role.label().to_string(),
                    names.person(s.owner.as_ref()),
                    s.integration.label().to_string(),
                    s.security_review.label().to_string(),
                    cell(&s.limits),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "System",
                "Role",
                "Owner",
                "Integration",
                "Security review",
                "Limits",
            ],
            &rows,
        ));
    }
    template_part("systems", Section::Technology, out)
}
