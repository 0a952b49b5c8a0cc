//! Three worked example plans, shipped with the crate.
//!
//! Contract: each example is a plan file in the current format, stored under
//! `plans/` exactly as [`file::to_json`](crate::format::file::to_json) writes it, so
//! importing and exporting it again gives the same bytes. Each imports with no
//! migration, no unknown fields and no validation errors (warnings are
//! expected in the less complete ones: they show what the app points out).
//!
//! The three show different stages of the same journey:
//! - `customer-support`: close to production, nearly every section complete;
//! - `finance`: ready for a pilot, with data quality work still under way;
//! - `personalization`: early, with the foundation still to be laid.

use crate::format::file;
use crate::model::Plan;

/// An example plan as the app lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// Stable key, used on the command line and in links (`finance`).
    pub key: &'static str,
    /// The plan's title.
    pub title: &'static str,
    /// One sentence on what the example shows and how far along it is.
    pub blurb: &'static str,
}

/// The examples, most complete first.
pub const EXAMPLES: &[Example] = &[
    Example {
        key: "customer-support",
        title: "Reply drafting and triage for customer support",
        blurb: "Close to production: owners across five functions, data access and integrations settled before \
                the model was chosen, baselines measured and the first results coming in.",
    },
    Example {
        key: "finance",
        title: "Supplier invoice matching with review checkpoints",
        blurb: "Ready for a pilot: governance and human review are in place first, while data quality fixes and \
                the ERP integration are still under way.",
    },
    Example {
        key: "personalization",
        title: "Personalised \"next read\" recommendations",
        blurb: "Early stage: a narrow scope, clear metrics and feedback loops, but the foundation (owners, \
                approvers, privacy review, controls) still needs laying.",
    },
];

/// The plan file text of an example, or `None` for an unknown key.
pub fn example_json(key: &str) -> Option<&'static str> {
    match key {
        "customer-support" => Some(include_str!("../../plans/customer-support.json")),
        "finance" => Some(include_str!("../../plans/finance.json")),
        "personalization" => Some(include_str!("../../plans/personalization.json")),
        _ => None,
    }
}

/// An example plan, or `None` for an unknown key.
///
/// ```
/// let plan = planwright_core::format::examples::example("finance").expect("a known key");
/// assert!(!plan.tasks.is_empty());
/// assert!(planwright_core::format::examples::example("nope").is_none());
/// ```
pub fn example(key: &str) -> Option<Plan> {
    // The files are checked by the tests below, so import cannot fail for a
    // shipped example; `ok()` keeps this path free of panics all the same.
    file::import_str(example_json(key)?)
        .ok()
        .map(|imported| imported.plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::validate::{has_errors, Severity};
    use crate::format::file::{import_str, to_json, VERSION};

    #[test]
    fn every_example_imports_cleanly_and_is_normalised() {
        for e in EXAMPLES {
            let text = example_json(e.key).unwrap_or_else(|| panic!("no file for {}", e.key));
            let imported = import_str(text).unwrap_or_else(|err| panic!("{}: {err}", e.key));
            assert_eq!(imported.from_version, VERSION, "{}", e.key);
            assert!(imported.migration_notes.is_empty(), "{}", e.key);
            assert!(
                imported.unknown_fields.is_empty(),
                "{}: {:?}",
                e.key,
                imported.unknown_fields
            );
            let errors: Vec<_> = imported
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .collect();
            assert!(!has_errors(&imported.findings), "{}: {errors:#?}", e.key);
            assert_eq!(
                to_json(&imported.plan),
                text,
                "{} is not in normalised form",
                e.key
            );
            assert_eq!(
                imported.plan.title, e.title,
                "{}: title in EXAMPLES differs from the file",
                e.key
            );
            assert_eq!(example(e.key), Some(imported.plan));
        }
    }

    #[test]
    fn unknown_keys_give_none() {
        assert_eq!(example_json("Finance"), None);
        assert_eq!(example(""), None);
    }

    #[test]
    fn examples_get_less_complete_down_the_list() {
        let warnings: Vec<usize> = EXAMPLES
            .iter()
            .filter_map(|e| example(e.key))
            .map(|p| crate::analysis::validate::validate(&p).len())
            .collect();
        assert_eq!(warnings.len(), 3);
        assert!(
            warnings[0] < warnings[1] && warnings[1] < warnings[2],
            "{warnings:?}"
        );
    }
}
