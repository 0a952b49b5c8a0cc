//! The JSON Schema: the committed copy is current, it accepts what the core
//! writes, and it refuses what import refuses.
//!
//! Validation here uses the independent `jsonschema` crate, so a schema that
//! only agrees with itself cannot pass.

#![cfg(feature = "schema")]

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use planwright_core::format::examples::{example_json, EXAMPLES};
use planwright_core::format::file::{import_str, to_json, VERSION};
use planwright_core::format::schema::{json_schema, json_schema_string};
use planwright_core::Plan;
use proptest::prelude::*;
use serde_json::{json, Value};

const REGENERATE: &str = "cargo run -p planwright-cli -- schema > crates/planwright-core/schema/planwright-plan.schema.json";

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::validator_for(&json_schema())
            .unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
    })
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON: {e}"))
}

/// Every schema error for `doc`, as `path: message` lines.
fn errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn committed_schema_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join("planwright-plan.schema.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\nGenerate it with: {REGENERATE}",
            path.display()
        )
    });
    assert!(
        committed == json_schema_string(),
        "{} differs from the schema generated from the model types.\nRegenerate it from the workspace root with:\n  {REGENERATE}",
        path.display()
    );
}

#[test]
fn schema_is_a_valid_2020_12_schema() {
    let schema = json_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(e) = jsonschema::meta::validate(&schema) {
        panic!("the schema breaks the 2020-12 meta-schema: {e}");
    }
}

#[test]
fn blank_plan_and_examples_are_valid() {
    let validator = validator();
    let mut docs = vec![("blank".to_string(), to_json(&Plan::blank()))];
    for e in EXAMPLES {
        let text = example_json(e.key).unwrap_or_else(|| panic!("no example {}", e.key));
        docs.push((e.key.to_string(), text.to_string()));
    }
    for (name, text) in docs {
        let found = errors(validator, &parse(&text));
        assert!(
            found.is_empty(),
            "{name} breaks the schema:\n{}",
            found.join("\n")
        );
    }
}

/// A valid document with one change applied, for the rejection cases.
fn edited(edit: impl FnOnce(&mut Value)) -> Value {
    let mut doc = parse(&to_json(&Plan::blank()));
    doc["metrics"] = json!([{ "id": "m-1", "name": "Handle time", "baseline": 12.5 }]);
    doc["tasks"] = json!([{ "id": "t-1", "duration_days": 3 }]);
    edit(&mut doc);
    doc
}

#[test]
fn wrong_documents_are_rejected_by_schema_and_import() {
    let validator = validator();
    assert!(
        errors(validator, &edited(|_| {})).is_empty(),
        "the base document must be valid"
    );
    let cases: Vec<(&str, Value)> = vec![
        (
            "wrong enum key",
            edited(|d| d["risk"]["autonomy"] = json!("sometimes")),
        ),
        (
            "wrong enum key in a list",
            edited(|d| d["phases"][0]["kind"] = json!("Foundation")),
        ),
        (
            "string where a number belongs",
            edited(|d| d["metrics"][0]["baseline"] = json!("12.5")),
        ),
        (
            "negative whole number",
            edited(|d| d["tasks"][0]["duration_days"] = json!(-1)),
        ),
        (
            "whole number too large",
            edited(|d| d["tasks"][0]["duration_days"] = json!(5_000_000_000u64)),
        ),
        (
            "number where text belongs",
            edited(|d| d["title"] = json!(7)),
        ),
        (
            "object where a list belongs",
            edited(|d| d["stakeholders"] = json!({})),
        ),
        (
            "date in the wrong shape",
            edited(|d| d["start_date"] = json!("12/01/2026")),
        ),
        (
            "wrong format marker",
            edited(|d| d["format"] = json!("todo-list")),
        ),
        (
            "missing version",
            edited(|d| _ = d.as_object_mut().map(|o| o.remove("version"))),
        ),
        (
            "future version",
            edited(|d| d["version"] = json!(VERSION + 1)),
        ),
    ];
    for (what, doc) in cases {
        assert!(
            !errors(validator, &doc).is_empty(),
            "schema accepted a document with a {what}"
        );
        assert!(
            import_str(&doc.to_string()).is_err(),
            "import accepted a document with a {what}"
        );
    }
}

#[test]
fn schema_describes_the_current_version_only() {
    // Import still reads version 1 and migrates it; the schema, by design,
    // describes only what is written today.
    let validator = validator();
    let v1 = edited(|d| d["version"] = json!(1));
    assert!(import_str(&v1.to_string()).is_ok());
    assert!(!errors(validator, &v1).is_empty());
}

#[test]
fn unknown_fields_are_allowed_as_import_allows_them() {
    let validator = validator();
    let doc = edited(|d| d["colour"] = json!("blue"));
    assert!(errors(validator, &doc).is_empty());
    let imported = import_str(&doc.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.unknown_fields, ["colour"]);
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(100) })]
    /// Whatever plan the core can hold, the file it writes fits the schema.
    #[test]
    fn every_written_plan_fits_the_schema(plan in common::plan()) {
        let doc = parse(&to_json(&plan));
        let found = errors(validator(), &doc);
        prop_assert!(found.is_empty(), "{}", found.join("\n"));
    }
}
