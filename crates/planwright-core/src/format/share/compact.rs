//! The plan file with everything left out that import restores anyway.
//!
//! Every record of the model is `#[serde(default)]` (see the `record!`
//! macro in `model`), so a field missing from a file reads as that field of
//! its type's `Default`. A value equal to that default (an empty text or
//! list, `null`, `false`, the default choice) can therefore be dropped and
//! import gives back exactly the same plan. Which value is the default is
//! not guessed from its look but read from [`template`]: the JSON of a
//! default plan whose every list of records holds one default record, so
//! an element's fields are compared with the element type's own default.
//! The `format` and `version` fields are kept, so the result is still a
//! plan file in the current version and goes through the same import,
//! migration included.
//!
//! A list of records missing from the template only loses compactness (its
//! elements are kept whole), never correctness; a test fails if one is.

use serde_json::Value;

use crate::format::file;
use crate::model::{
    AdoptionMilestone, Calendar, ChangePlan, Closure, Communication, Control, Criterion,
    DataSource, DayOff, Decision, Deliverable, FeedbackLoop, FeedbackPlan, GateCondition,
    GateDecision, Handoff, Hotspot, MergeConflict, Metric, Phase, Plan, Reading, RoleAssignment,
    Stakeholder, System, Task, Training, WorkflowStep,
};

/// The plan file text of `plan` on one line, without default values.
pub(super) fn to_compact_json(plan: &Plan) -> String {
    // Through the file text: a direct `to_value` would add a second
    // serializer for every type to the browser build (see `file`).
    let mut value: Value = serde_json::from_str(&file::to_json(plan)).unwrap_or(Value::Null);
    // A link carries the plan, not its baselines: each is a whole copy of
    // the plan and would multiply the link's length. The plan file keeps them.
    if let Value::Object(fields) = &mut value {
        fields.remove("baselines");
    }
    let mut template: Value =
        serde_json::from_str(&file::to_json(&template())).unwrap_or(Value::Null);
    if let Value::Object(t) = &mut template {
        // The envelope stays in: import needs it to know the version.
        t.remove("format");
        t.remove("version");
    }
    prune(value, &template).to_string()
}

/// A default plan whose lists of records each hold one default record.
pub(super) fn template() -> Plan {
    fn one<T: Default>() -> Vec<T> {
        vec![T::default()]
    }
    Plan {
        metrics: vec![Metric {
            history: one::<Reading>(),
            ..Metric::default()
        }],
        stakeholders: one::<Stakeholder>(),
        decisions: vec![Decision {
            roles: one::<RoleAssignment>(),
            ..Decision::default()
        }],
        workflow: one::<WorkflowStep>(),
        data_sources: one::<DataSource>(),
        systems: one::<System>(),
        controls: one::<Control>(),
        phases: vec![Phase {
            exit_criteria: one::<Criterion>(),
            decision: GateDecision {
                conditions: one::<GateCondition>(),
                ..GateDecision::default()
            },
            ..Phase::default()
        }],
        deliverables: one::<Deliverable>(),
        tasks: one::<Task>(),
        handoffs: one::<Handoff>(),
        change: ChangePlan {
            training: one::<Training>(),
            communications: one::<Communication>(),
            milestones: one::<AdoptionMilestone>(),
            ..ChangePlan::default()
        },
        feedback: FeedbackPlan {
            loops: one::<FeedbackLoop>(),
            hotspots: one::<Hotspot>(),
            ..FeedbackPlan::default()
        },
        calendar: Calendar {
            closures: one::<Closure>(),
            days_off: one::<DayOff>(),
            ..Calendar::default()
        },
        conflicts: one::<MergeConflict>(),
        ..Plan::default()
    }
}

/// `value` without the object fields that hold their default: the
/// template's value, an empty list (every list defaults to empty; the
/// template's one element only shows the elements' defaults) or an object
/// left empty once its own defaults are gone. List elements are compared
/// with the template list's one element.
fn prune(value: Value, template: &Value) -> Value {
    let is_default = |value: &Value, default: &Value| match (value, default) {
        // An empty list of records reads back as its type's default; a list
        // of plain values (the working weekdays) may default to something
        // else, so only a list equal to it is dropped.
        (Value::Array(items), Value::Array(d)) => {
            value == default || (items.is_empty() && d.first().is_none_or(Value::is_object))
        }
        (Value::Object(fields), Value::Object(_)) => fields.is_empty(),
        _ => value == default,
    };
    match (value, template) {
        (Value::Object(fields), Value::Object(defaults)) => Value::Object(
            fields
                .into_iter()
                .filter_map(|(key, value)| match defaults.get(&key) {
                    Some(default) => {
                        let value = prune(value, default);
                        (!is_default(&value, default)).then_some((key, value))
                    }
                    None => Some((key, value)),
                })
                .collect(),
        ),
        (Value::Array(items), Value::Array(defaults)) => match defaults.first() {
            Some(default) => Value::Array(items.into_iter().map(|v| prune(v, default)).collect()),
            None => Value::Array(items),
        },
        (value, _) => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::examples;

    #[test]
    fn a_blank_plan_keeps_only_what_differs_from_the_defaults() {
        let plan = Plan {
            title: "Pilot".into(),
            tasks: vec![Task {
                id: "t".into(),
                ..Task::default()
            }],
            ..Plan::default()
        };
        assert_eq!(
            to_compact_json(&plan),
            r#"{"format":"planwright-plan","tasks":[{"id":"t"}],"title":"Pilot","version":3}"#
        );
    }

    #[test]
    fn import_gives_back_the_same_plans() {
        let mut plans: Vec<Plan> = examples::EXAMPLES
            .iter()
            .filter_map(|e| examples::example(e.key))
            .collect();
        plans.extend([Plan::default(), Plan::blank(), crate::testing::rich()]);
        plans.push(crate::testing::random_plan(200, 3));
        for plan in plans {
            let text = to_compact_json(&plan);
            let back = file::import_str(&text).expect("a compact plan imports");
            assert_eq!(back.plan, plan, "{text}");
            assert!(back.unknown_fields.is_empty() && back.duplicate_count == 0);
        }
    }

    // Pins the rule that every list of records has an element in the
    // template; only lists of plain values (ids, texts, choices) may be
    // empty there.
    #[test]
    fn every_list_of_records_has_a_template_element() {
        fn empty_lists(value: &Value, path: &str, out: &mut Vec<String>) {
            match value {
                Value::Object(fields) => {
                    for (key, v) in fields {
                        empty_lists(v, &format!("{path}.{key}"), out);
                    }
                }
                Value::Array(items) if items.is_empty() => out.push(path.to_string()),
                Value::Array(items) => {
                    for v in items {
                        empty_lists(v, &format!("{path}[]"), out);
                    }
                }
                _ => {}
            }
        }
        let mut value: Value = serde_json::from_str(&file::to_json(&template())).expect("json");
        // Links leave baselines out (see `to_compact_json`).
        value.as_object_mut().map(|v| v.remove("baselines"));
        let mut empty = Vec::new();
        empty_lists(&value, "", &mut empty);
        assert_eq!(
            empty,
            [
                ".objective.in_scope",
                ".objective.out_of_scope",
                ".phases[].gate_approvers",
                ".tasks[].depends_on"
            ],
            "a new list in the model: give it one default element in `template` if it holds records"
        );
    }
}
