//! Templates of arbitrary generated plans: a template of a template is
//! itself, it never adds a dangling reference, it writes and reads back as
//! an ordinary plan file, and no person, date or actual survives.
//!
//! Case count: 300 generated plans (`ProptestConfig::with_cases`).

mod common;

use planwright_core::analysis::validate::validate;
use planwright_core::format::file::{import_str, to_json};
use planwright_core::format::template::template_of;
use planwright_core::model::{stakeholder_refs, Plan, TaskStatus};
use proptest::prelude::*;

fn dangling(plan: &Plan) -> Vec<String> {
    validate(plan)
        .into_iter()
        .filter(|f| f.code == "dangling-ref")
        .map(|f| f.path)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(300)
    })]

    #[test]
    fn templates_are_idempotent_and_keep_references(plan in common::plan()) {
        let template = template_of(&plan);
        prop_assert_eq!(&template_of(&template), &template);

        let before = dangling(&plan);
        for path in dangling(&template) {
            prop_assert!(before.contains(&path), "new dangling reference at {}", path);
        }

        let back = import_str(&to_json(&template)).map(|i| i.plan);
        prop_assert_eq!(back.as_ref(), Ok(&template));

        prop_assert!(template.start_date.is_none());
        prop_assert!(template.stakeholders.iter().all(|s| s.name.is_empty()));
        prop_assert!(template.tasks.iter().all(|t| t.owner.is_none() && t.status == TaskStatus::Todo));
        prop_assert!(template.metrics.iter().all(|m| m.actual.is_none() && m.baseline.is_none()));
        prop_assert!(stakeholder_refs(&template)
            .iter()
            .all(|(p, _)| p.starts_with("decisions[") || p.contains(".gate_approvers[")));
        prop_assert_eq!(template.tasks.len(), plan.tasks.len());
        prop_assert_eq!(template.phases.len(), plan.phases.len());
    }
}
