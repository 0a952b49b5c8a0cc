//! Part 12: feedback loops, monitoring and iteration.

use std::fmt::Write as _;

use crate::choice::Choice;
use crate::export::markdown::escape::{cell, table};
use crate::export::markdown::names::Names;
use crate::export::markdown::values::{labelled, missing, sub};
use crate::export::markdown::{template_part, Part};
use crate::model::Plan;
use crate::model::Section;

/// Part 12: feedback loops, flagging, support, model review and hotspots.
pub(in crate::export::markdown) fn feedback(plan: &Plan, names: &Names<'_>) -> Part {
    let f = &plan.feedback;
    let mut out = String::new();
    sub(&mut out, "Feedback loops");
    if f.loops.is_empty() {
        missing(&mut out, "No feedback loops yet. Name the signals to watch, how often, who watches, the threshold and the action it triggers.");
    } else {
        let rows: Vec<Vec<String>> = f
            .loops
            .iter()
            .map(|l| {
                vec![
                    cell(&l.signal),
                    l.cadence.label().to_string(),
                    names.person(l.owner.as_ref()),
                    cell(&l.threshold),
                    cell(&l.action),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Signal", "Checked", "Owner", "Threshold", "Action"],
            &rows,
        ));
        out.push('\n');
    }
    sub(&mut out, "Support and review");
    labelled(
        &mut out,
        "Flagging a wrong output",
        &f.flagging,
        "Not described yet. Say how a user marks an output as wrong.",
    );
    labelled(
        &mut out,
        "Support path",
        &f.support.description,
        "Not described yet. Say how people get help once the AI is live.",
    );
    let _ = writeln!(
        out,
        "**Support owner:** {}\n",
        names.person_with_role(f.support.owner.as_ref())
    );
    labelled(
        &mut out,
        "Model and prompt review",
        &f.model_review,
        "Not planned yet. Say how often the model and prompts are reviewed, and by whom.",
    );
    sub(&mut out, "Correction hotspots");
    if f.hotspots.is_empty() {
        missing(&mut out, "No hotspots recorded yet. Once outputs are in use, note where people correct them most and why.");
    } else {
        let rows: Vec<Vec<String>> = f
            .hotspots
            .iter()
            .map(|h| vec![cell(&h.area), h.cause.label().to_string(), cell(&h.notes)])
            .collect();
        out.push_str(&table(&["Where", "Cause", "What was found"], &rows));
    }
    template_part("feedback", Section::Feedback, out)
}
