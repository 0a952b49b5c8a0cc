//! The JSON Schema of the plan file format.
//!
//! Contract: [`json_schema`] describes exactly what
//! [`file::to_json`](crate::format::file::to_json) writes at the current
//! [`VERSION`](crate::format::file::VERSION): the [`Plan`] object, generated from the
//! Rust types by `schemars` (JSON Schema 2020-12), plus the two envelope
//! fields `format` and `version`, both required and both fixed. Older
//! versions that import still accepts through migration are not described.
//!
//! The output is deterministic: object keys are sorted at every level, so
//! the text does not depend on how `serde_json` happens to be configured in
//! the build. A copy is committed at `schema/planwright-plan.schema.json`; a
//! test fails when it drifts from the types. Regenerate it with
//! `cargo run -p planwright-cli -- schema > crates/planwright-core/schema/planwright-plan.schema.json`.
//!
//! Fields the format does not know are allowed by the schema, as they are by
//! import (which reports them instead of refusing the file).

use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};

use crate::format::file::{FORMAT, VERSION};
use crate::model::Plan;

/// The `$id` of the schema: a name, not a download address.
pub const SCHEMA_ID: &str = "urn:planwright:schema:plan:2";

/// The JSON Schema (2020-12) of a current-version plan file.
///
/// ```
/// let schema = planwright_core::format::schema::json_schema();
/// assert_eq!(schema["properties"]["format"]["const"], "planwright-plan");
/// assert_eq!(schema["required"], serde_json::json!(["format", "version"]));
/// ```
pub fn json_schema() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator();
    let mut root = generator.into_root_schema_for::<Plan>().to_value();
    if let Some(object) = root.as_object_mut() {
        object.insert("$id".into(), Value::String(SCHEMA_ID.into()));
        object.insert("title".into(), Value::String("Planwright plan file".into()));
        object.insert(
            "description".into(),
            Value::String(format!(
                "A plan for taking one AI initiative from pilot to production, as written by Planwright \
                 (format '{FORMAT}', version {VERSION}). Sections follow the planning template in order; \
                 people, phases and tasks are referred to by their stable ids."
            )),
        );
        let properties = object
            .entry("properties")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(properties) = properties.as_object_mut() {
            properties.insert(
                "format".into(),
                json!({
                    "const": FORMAT,
                    "description": "Marks the file as a Planwright plan."
                }),
            );
            properties.insert(
                "version".into(),
                json!({
                    "const": VERSION,
                    "description": "Version of the file format. Older versions are migrated on import; this schema describes the current one."
                }),
            );
        }
        object.insert("required".into(), json!(["format", "version"]));
    }
    bound_whole_numbers(&mut root);
    sorted(root)
}

/// [`json_schema`] as pretty-printed text with a final newline, exactly as
/// committed and as printed by `planwright schema`.
pub fn json_schema_string() -> String {
    // Printing a `Value` cannot fail: its keys are strings and it holds no
    // non-finite numbers.
    let mut text = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// Adds the upper bound schemars leaves out of `u32` fields, so a document
/// the schema accepts is not refused by import for an overlong number.
fn bound_whole_numbers(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("format").and_then(Value::as_str) == Some("uint32") {
                map.insert("maximum".into(), Value::from(u32::MAX));
            }
            map.values_mut().for_each(bound_whole_numbers);
        }
        Value::Array(items) => items.iter_mut().for_each(bound_whole_numbers),
        _ => {}
    }
}

/// Rebuilds every object with its keys in sorted order.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelope_fields_are_required_and_fixed() {
        let schema = json_schema();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(schema["$id"], SCHEMA_ID);
        assert_eq!(schema["properties"]["version"]["const"], VERSION);
        assert_eq!(schema["properties"]["format"]["const"], FORMAT);
        assert!(schema["properties"]["tasks"].is_object());
        let days = &schema["$defs"]["Task"]["properties"]["duration_days"];
        assert_eq!(days["maximum"], u32::MAX);
    }

    #[test]
    fn keys_are_sorted_everywhere() {
        fn check(value: &Value) {
            match value {
                Value::Object(map) => {
                    let keys: Vec<&String> = map.keys().collect();
                    let mut want = keys.clone();
                    want.sort();
                    assert_eq!(keys, want);
                    map.values().for_each(check);
                }
                Value::Array(items) => items.iter().for_each(check),
                _ => {}
            }
        }
        check(&json_schema());
    }

    #[test]
    fn text_ends_with_one_newline() {
        let text = json_schema_string();
        assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
    }
}
