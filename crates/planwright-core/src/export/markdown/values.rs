//! How single values read in the document: counts, yes and no, numbers
//! with units, and the lines that say what is missing.

use super::escape::{block, inline};
use std::fmt::Write as _;

// ---------------------------------------------------------------------------
// Small formatting helpers

pub(super) use crate::text::counted as count;

pub(super) fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}

pub(super) fn answer(value: Option<bool>) -> String {
    value.map_or_else(|| "_not answered_".to_string(), |v| yes_no(v).to_string())
}

pub(super) fn number(value: f64) -> String {
    // `{}` prints the shortest text that reads back as the same number.
    format!("{value}")
}

/// A number with its unit, `—` when unknown.
pub(super) fn quantity(value: Option<f64>, unit: &str) -> String {
    let Some(value) = value else {
        return "—".to_string();
    };
    let unit = inline(unit);
    match unit.as_str() {
        "" => number(value),
        "%" => format!("{}%", number(value)),
        _ => format!("{} {unit}", number(value)),
    }
}

pub(super) fn whole(value: Option<u32>) -> String {
    value.map_or_else(|| "—".to_string(), |v| v.to_string())
}

/// A labelled paragraph, or a note on what is missing.
pub(super) fn labelled(out: &mut String, label: &str, text: &str, missing: &str) {
    if text.trim().is_empty() {
        let _ = writeln!(out, "**{label}:** _{missing}_\n");
    } else {
        let _ = writeln!(out, "**{label}:** {}\n", block(text));
    }
}

pub(super) fn missing(out: &mut String, message: &str) {
    let _ = writeln!(out, "_{message}_\n");
}

pub(super) fn sub(out: &mut String, heading: &str) {
    let _ = writeln!(out, "### {heading}\n");
}
