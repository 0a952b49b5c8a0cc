//! Part 1: the business objective, the process and the scope.

use std::fmt::Write as _;

use crate::export::markdown::escape::{cell, table};
use crate::export::markdown::values::{labelled, missing};
use crate::export::markdown::{template_part, Part};
use crate::model::Section;
use crate::model::{Plan, UseCaseFit};
use crate::text::agree;

// ---------------------------------------------------------------------------
// Sections, in template order

/// Part 1: the process, the problem, the impact, scope, constraints and
/// fit as a first use case.
pub(in crate::export::markdown) fn objective(plan: &Plan) -> Part {
    let o = &plan.objective;
    let mut out = String::new();
    labelled(
        &mut out,
        "Process",
        &o.process,
        "Not named yet. Start from an existing business process that hurts, not from a technology.",
    );
    labelled(
        &mut out,
        "What goes wrong today",
        &o.problem,
        "Not described yet. Say what goes wrong, in business terms.",
    );
    labelled(
        &mut out,
        "Expected impact",
        &o.impact,
        "Not stated yet. Say what changes for the business if this works.",
    );
    scope_list(
        &mut out,
        "In scope",
        &o.in_scope,
        "Nothing listed as in scope yet.",
    );
    scope_list(
        &mut out,
        "Out of scope",
        &o.out_of_scope,
        "Nothing listed as out of scope yet. Name what the pilot will not do, so it cannot quietly grow.",
    );
    let c = &o.constraints;
    let limits = [
        ("Time", &c.time),
        ("Budget", &c.budget),
        ("Risk", &c.risk),
        ("Compliance", &c.compliance),
    ];
    out.push_str("**Constraints**\n\n");
    if limits.iter().all(|(_, text)| text.trim().is_empty()) {
        missing(&mut out, "No constraints recorded. Note the limits on time, budget, risk and compliance the plan must respect.");
    } else {
        let rows: Vec<Vec<String>> = limits
            .iter()
            .map(|(label, text)| vec![label.to_string(), cell(text)])
            .collect();
        out.push_str(&table(&["Limit", "What applies"], &rows));
        out.push('\n');
    }
    let traits = fit_traits(&o.fit);
    let held = traits.iter().filter(|(_, v)| *v).count();
    let _ = writeln!(
        out,
        "**Fit as a first use case:** {held} of {} traits {}.\n",
        traits.len(),
        agree(held, "holds", "hold")
    );
    for (label, held) in traits {
        let _ = writeln!(out, "- [{}] {label}", if held { "x" } else { " " });
    }
    template_part("objective", Section::Objective, out)
}

pub(in crate::export::markdown) fn scope_list(
    out: &mut String,
    label: &str,
    items: &[String],
    empty: &str,
) {
    let _ = writeln!(out, "**{label}**\n");
    let items: Vec<&String> = items.iter().filter(|s| !s.trim().is_empty()).collect();
    if items.is_empty() {
        missing(out, empty);
        return;
    }
    for item in items {
        let _ = writeln!(out, "- {}", cell(item));
    }
    out.push('\n');
}

pub(in crate::export::markdown) fn fit_traits(fit: &UseCaseFit) -> [(&'static str, bool); 8] {
    [
        ("The workflow repeats often", fit.repeatable),
        ("Its users are known", fit.clear_users),
        (
            "The pain is visible to the people who feel it",
            fit.visible_pain,
        ),
        ("The risk is manageable", fit.manageable_risk),
        ("The outcome can be measured", fit.measurable_outcome),
        (
            "Inputs and outputs are well defined",
            fit.defined_inputs_outputs,
        ),
        ("The data it needs already exists", fit.existing_data),
        ("A business owner is invested in it", fit.invested_owner),
    ]
}
