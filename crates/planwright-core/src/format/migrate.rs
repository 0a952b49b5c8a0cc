//! Step-by-step migration of older plan files to the current version.
//!
//! Each step takes the JSON of version N (format marker and version already
//! removed) and returns the JSON of version N+1 plus notes a person can read
//! about what changed. [`migrate`] chains the steps from the file's version to
//! [`VERSION`](crate::format::file::VERSION). Steps work on `serde_json::Value` so they
//! can read shapes the current types no longer describe; values of an
//! unexpected type are left alone for the typed import to report with a path.
//!
//! Version history:
//! - 1: pre-release draft. People were referred to by name in owner and
//!   approver fields, each phase had a single `gate_approver`, and task
//!   lengths were `duration_weeks`.
//! - 2: people are referred to by stakeholder id, phases have
//!   `gate_approvers`, and task lengths are `duration_days` (working days).
//! - 3: a plan lives over time. New: the working `calendar`, the `as_of`
//!   day, tasks' actual dates and percent complete, metrics' dated
//!   readings, each gate's `decision`, `baselines` and merge `conflicts`.
//!   Nothing of version 2 changes meaning: its schedules assumed Monday to
//!   Friday with no holidays, which is the default calendar.

use serde_json::{Map, Value};

use crate::text::{agree, counted, plural};

/// One step: upgrades a plan object by one version, adding notes.
type Step = fn(&mut Map<String, Value>, &mut Vec<String>);

/// `STEPS[i]` upgrades version `i + 1` to `i + 2`.
const STEPS: &[Step] = &[v1_to_v2, v2_to_v3];

/// The oldest version that can still be read.
pub const OLDEST: u32 = 1;

/// Upgrades `plan` from `from` to the current version in place and returns
/// what changed, one note per change, in the order the steps ran.
///
/// `from` must be between [`OLDEST`] and the current version; the caller
/// checks that first.
pub fn migrate(plan: &mut Map<String, Value>, from: u32) -> Vec<String> {
    let mut notes = Vec::new();
    let first = from.saturating_sub(OLDEST) as usize;
    for step in STEPS.iter().skip(first) {
        step(plan, &mut notes);
    }
    notes
}

/// Owner-like fields of version 1 that held a person's name: (list, field).
/// An empty list name means a field of an object at the top level.
const V1_PERSON_FIELDS: &[(&str, &str)] = &[
    ("ownership", "sponsor"),
    ("ownership", "initiative_owner"),
    ("ownership", "business_owner"),
    ("metrics[]", "owner"),
    ("decisions[].roles[]", "stakeholder"),
    ("workflow[]", "owner"),
    ("data_sources[]", "owner"),
    ("systems[]", "owner"),
    ("controls[]", "owner"),
    ("phases[]", "owner"),
    ("deliverables[]", "owner"),
    ("deliverables[]", "approver"),
    ("tasks[]", "owner"),
    ("handoffs[]", "from"),
    ("handoffs[]", "to"),
    ("handoffs[]", "approver"),
    ("change.training[]", "owner"),
    ("change.communications[]", "owner"),
    ("change.milestones[]", "owner"),
    ("feedback.loops[]", "owner"),
    ("feedback.support", "owner"),
];

/// Calls `f` on every object found at `path`, where a segment ending in `[]`
/// steps into each element of a list (`change.training[]`).
fn visit(value: &mut Value, path: &[&str], f: &mut dyn FnMut(&mut Map<String, Value>)) {
    let Some((segment, rest)) = path.split_first() else {
        if let Some(object) = value.as_object_mut() {
            f(object);
        }
        return;
    };
    let (key, each) = match segment.strip_suffix("[]") {
        Some(key) => (key, true),
        None => (*segment, false),
    };
    let Some(child) = value.as_object_mut().and_then(|m| m.get_mut(key)) else {
        return;
    };
    if !each {
        visit(child, rest, f);
    } else if let Some(items) = child.as_array_mut() {
        for item in items {
            visit(item, rest, f);
        }
    }
}

/// Every string under an `id` key anywhere in the document.
fn all_ids(value: &Value, out: &mut std::collections::HashSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("id", Value::String(s)) => {
                        out.insert(s.clone());
                    }
                    _ => all_ids(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| all_ids(v, out)),
        _ => {}
    }
}

/// Resolves version-1 person names to stakeholder ids, creating stakeholders
/// for names nobody had listed.
struct People {
    /// (id, name) of every stakeholder, including ones created here.
    known: Vec<(String, String)>,
    taken: std::collections::HashSet<String>,
    created: Vec<(String, String)>,
    linked: usize,
}

impl People {
    fn new(plan: &Value) -> People {
        let mut taken = std::collections::HashSet::new();
        all_ids(plan, &mut taken);
        let known = plan
            .get("stakeholders")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|s| {
                        let id = s.get("id")?.as_str()?.to_string();
                        let name = s
                            .get("name")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_string();
                        Some((id, name))
                    })
                    .collect()
            })
            .unwrap_or_default();
        People {
            known,
            taken,
            created: Vec::new(),
            linked: 0,
        }
    }

    /// The id for a version-1 value: an existing id stays, a known name maps
    /// to its stakeholder, a new name creates one. Blank becomes `null`.
    fn resolve(&mut self, value: &Value) -> Option<Value> {
        let text = value.as_str()?.trim();
        if text.is_empty() {
            return Some(Value::Null);
        }
        if self.known.iter().any(|(id, _)| id == text) {
            return None;
        }
        self.linked += 1;
        if let Some((id, _)) = self
            .known
            .iter()
            .find(|(_, name)| name.trim().eq_ignore_ascii_case(text))
        {
            return Some(Value::String(id.clone()));
        }
        let mut n = self.known.len() + 1;
        let id = loop {
            let candidate = format!("stakeholder-{n}");
            if self.taken.insert(candidate.clone()) {
                break candidate;
            }
            n += 1;
        };
        self.known.push((id.clone(), text.to_string()));
        self.created.push((id.clone(), text.to_string()));
        Some(Value::String(id))
    }
}

/// Version 3 only adds fields, each defaulting to what version 2 meant; the
/// note tells the person what the plan can now hold.
fn v2_to_v3(_plan: &mut Map<String, Value>, notes: &mut Vec<String>) {
    notes.push(
        "The plan now has a working calendar (Monday to Friday, no holidays, as before), \
         and can keep actual dates, gate decisions and baselines."
            .to_string(),
    );
}

fn v1_to_v2(plan: &mut Map<String, Value>, notes: &mut Vec<String>) {
    let mut root = Value::Object(std::mem::take(plan));
    let mut people = People::new(&root);

    for (location, field) in V1_PERSON_FIELDS {
        let path: Vec<&str> = location.split('.').collect();
        visit(&mut root, &path, &mut |object| {
            if let Some(new) = object.get(*field).and_then(|v| people.resolve(v)) {
                object.insert((*field).to_string(), new);
            }
        });
    }

    let mut approvers = 0;
    visit(&mut root, &["phases[]"], &mut |phase| {
        let Some(old) = phase.remove("gate_approver") else {
            return;
        };
        let list = match people.resolve(&old) {
            Some(Value::Null) => vec![],
            Some(id) => vec![id],
            None if old.is_string() => vec![old],
            None => vec![],
        };
        approvers += 1;
        phase.insert("gate_approvers".to_string(), Value::Array(list));
    });

    let mut durations = 0;
    visit(&mut root, &["tasks[]"], &mut |task| {
        let Some(weeks) = task.remove("duration_weeks") else {
            return;
        };
        let days = match weeks.as_f64() {
            Some(w) if w.is_finite() && w >= 0.0 && w * 5.0 <= f64::from(u32::MAX) => {
                durations += 1;
                Value::from((w * 5.0).round() as u32)
            }
            // Leave anything else for the typed import to report.
            _ => weeks,
        };
        task.insert("duration_days".to_string(), days);
    });

    if !people.created.is_empty() {
        if let Some(list) = root.as_object_mut().map(|m| {
            m.entry("stakeholders")
                .or_insert_with(|| Value::Array(vec![]))
        }) {
            if let Some(list) = list.as_array_mut() {
                for (id, name) in &people.created {
                    list.push(serde_json::json!({ "id": id, "name": name }));
                }
            }
        }
    }
    if people.linked > 0 {
        notes.push(format!(
            "Version 1 named people in owner and approver fields; {} now {} to stakeholders by id.",
            counted(people.linked, "such name", "such names"),
            agree(people.linked, "points", "point")
        ));
    }
    if !people.created.is_empty() {
        let names: Vec<&str> = people.created.iter().map(|(_, n)| n.as_str()).collect();
        notes.push(format!(
            "Added {} for names that were not in the stakeholder list: {}.",
            plural(names.len(), "stakeholder"),
            names.join(", ")
        ));
    }
    if approvers > 0 {
        notes.push(format!(
            "Each phase's single gate approver is now a gate approver list ({}).",
            plural(approvers, "phase")
        ));
    }
    if durations > 0 {
        notes.push(format!(
            "Task lengths moved from weeks to working days, 5 days a week ({}).",
            plural(durations, "task")
        ));
    }
    if let Value::Object(map) = root {
        *plan = map;
    }
}

#[cfg(test)]
mod tests {
    use crate::format::file::{import_str, VERSION};
    use crate::model::Id;

    const V1: &str = include_str!("../../tests/fixtures/v1-claims-triage.json");

    #[test]
    fn version_two_fixture_imports_with_everything_kept() {
        // The finance example as version 2 wrote it.
        let v2 = include_str!("../../tests/fixtures/v2-finance.json");
        let imported = import_str(v2).unwrap();
        assert_eq!(imported.from_version, 2);
        assert!(
            imported.unknown_fields.is_empty(),
            "{:?}",
            imported.unknown_fields
        );
        let example = crate::format::examples::example("finance").expect("example");
        assert_eq!(
            imported.plan, example,
            "version 2 means what version 3 does"
        );
        assert_eq!(imported.plan.calendar, crate::model::Calendar::default());
        assert!(imported.plan.baselines.is_empty() && imported.plan.as_of.is_none());
    }

    #[test]
    fn changes_tell_the_whole_migration_in_one_paragraph() {
        let imported = import_str(V1).unwrap();
        let changes = imported.changes();
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert!(changes[0].starts_with(
            "This plan was saved in format version 1 and has been brought up to version 3. "
        ));
        for note in &imported.migration_notes {
            assert!(changes[0].contains(note.as_str()), "{note}");
        }
        assert!(imported.migration_notes.len() >= 3);

        let text = format!(r#"{{"format":"planwright-plan","version":{VERSION},"tilte":"typo"}}"#);
        let current = import_str(&text).unwrap();
        assert_eq!(
            current.changes(),
            ["These fields are not part of a Planwright plan and were left out: tilte."]
        );
    }

    #[test]
    fn version_one_fixture_migrates() {
        let imported = import_str(V1).unwrap();
        assert_eq!(imported.from_version, 1);
        assert!(
            imported.unknown_fields.is_empty(),
            "{:?}",
            imported.unknown_fields
        );
        let plan = &imported.plan;
        let names: Vec<(&str, &str)> = plan
            .stakeholders
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("s-1", "Priya Raman"),
                ("stakeholder-2", "Tomás Ferreira"),
                ("stakeholder-3", "Jo Lin")
            ]
        );
        let id = |s: &str| Some(Id::from(s));
        assert_eq!(plan.ownership.sponsor, id("s-1"));
        assert_eq!(plan.ownership.initiative_owner, id("stakeholder-2"));
        // Names match without regard to case.
        assert_eq!(plan.ownership.business_owner, id("s-1"));
        assert_eq!(plan.metrics[0].owner, id("stakeholder-2"));
        assert_eq!(plan.decisions[0].roles[1].stakeholder, id("stakeholder-3"));
        assert_eq!(plan.phases[0].owner, id("s-1"));
        assert_eq!(plan.phases[0].gate_approvers, vec![Id::from("s-1")]);
        assert!(plan.phases[1].gate_approvers.is_empty());
        assert_eq!(plan.tasks[0].duration_days, Some(10));
        assert_eq!(plan.tasks[1].duration_days, Some(8));
        assert_eq!(plan.tasks[0].owner, id("stakeholder-3"));
        assert_eq!(
            imported.migration_notes,
            [
                "Version 1 named people in owner and approver fields; 8 such names now point to stakeholders by id.",
                "Added 2 stakeholders for names that were not in the stakeholder list: Tomás Ferreira, Jo Lin.",
                "Each phase's single gate approver is now a gate approver list (2 phases).",
                "Task lengths moved from weeks to working days, 5 days a week (2 tasks).",
                "The plan now has a working calendar (Monday to Friday, no holidays, as before), and can keep actual dates, gate decisions and baselines.",
            ]
        );
        // The migrated plan has no dangling references.
        assert!(
            !imported.findings.iter().any(|f| f.code == "dangling-ref"),
            "{:?}",
            imported.findings
        );
        // And it is written back at the current version.
        assert!(crate::format::file::to_json(plan).contains(&format!("\"version\": {VERSION}")));
    }

    #[test]
    fn odd_values_in_version_one_are_left_for_typed_import() {
        let text = r#"{"format":"planwright-plan","version":1,"tasks":[{"id":"t","duration_weeks":"two"}]}"#;
        let err = import_str(text).unwrap_err().to_string();
        assert!(err.starts_with("At tasks[0].duration_days:"), "{err}");
        let text = r#"{"format":"planwright-plan","version":1,"ownership":{"sponsor":42}}"#;
        let err = import_str(text).unwrap_err().to_string();
        assert!(err.starts_with("At ownership.sponsor:"), "{err}");
    }
}
