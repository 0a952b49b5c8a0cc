//! Robustness: no input makes import or export panic, and every plan a file
//! can hold survives a round trip unchanged.
//!
//! Case counts (set with `ProptestConfig::with_cases`, and printed by each
//! test so a run shows them):
//! - arbitrary bytes into `import_bytes`: 2,000 cases;
//! - arbitrary JSON values, many shaped like plans: 2,000 cases;
//! - round trip of generated plans through `to_json` and `import_str`: 500;
//! - Markdown of generated plans: 300.
//!
//! `PROPTEST_CASES` in the environment overrides nothing here: the counts
//! are part of the contract of this file. The whole file runs in a few
//! seconds in a debug build.

mod common;

use std::time::{Duration, Instant};

use planwright_core::export::markdown::to_markdown;
use planwright_core::format::file::{import_bytes, import_str, to_json, ImportError, MAX_BYTES};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Number, Value};

const BYTES_CASES: u32 = 2_000;
const JSON_CASES: u32 = 2_000;
const ROUND_TRIP_CASES: u32 = 500;
const MARKDOWN_CASES: u32 = 300;

fn config(cases: u32, what: &str) -> ProptestConfig {
    eprintln!("proptest: {cases} cases of {what}");
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

/// Field names of the plan at every level, so random objects often look like
/// plans and reach the typed import and the migration code.
const FIELDS: &[&str] = &[
    "format",
    "version",
    "title",
    "summary",
    "start_date",
    "objective",
    "metrics",
    "ownership",
    "stakeholders",
    "decisions",
    "workflow",
    "data_sources",
    "systems",
    "risk",
    "controls",
    "phases",
    "deliverables",
    "tasks",
    "handoffs",
    "change",
    "feedback",
    "id",
    "name",
    "owner",
    "role",
    "roles",
    "stakeholder",
    "depends_on",
    "duration_days",
    "duration_weeks",
    "gate_approver",
    "gate_approvers",
    "exit_criteria",
    "baseline",
    "target",
    "kind",
    "status",
    "from",
    "to",
    "approver",
    "sponsor",
    "initiative_owner",
    "business_owner",
    "prohibited",
    "autonomy",
    "personal_data",
    "training",
    "milestones",
    "due",
    "loops",
    "support",
    "hotspots",
    "phase",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| Number::from_f64(f).map(Value::Number)),
        "(?s).{0,10}".prop_map(Value::String),
        select(
            &[
                "2026-01-12",
                "2026-02-30",
                "planwright-plan",
                "approves",
                "todo",
                "s-1",
                ""
            ][..]
        )
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![3 => select(FIELDS).prop_map(str::to_string), 1 => "[a-z_]{0,8}"],
                    inner
                ),
                0..6
            )
            .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

/// A JSON value, or an object with a plan's envelope and random plan fields.
fn json_document() -> impl Strategy<Value = Value> {
    let version = prop_oneof![Just(Value::from(1)), Just(Value::from(2)), json_value()];
    let plan_like = (
        version,
        prop::collection::vec((select(FIELDS), json_value()), 0..10),
    )
        .prop_map(|(version, fields)| {
            let mut object: Map<String, Value> = fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
            object.insert("format".into(), Value::String("planwright-plan".into()));
            object.insert("version".into(), version);
            Value::Object(object)
        });
    prop_oneof![1 => json_value(), 3 => plan_like]
}

proptest! {
    #![proptest_config(config(BYTES_CASES, "arbitrary bytes"))]
    #[test]
    fn arbitrary_bytes_never_panic(
        prefix in select(&["", "{", "{\"format\":\"planwright-plan\",\"version\":2,", "\u{feff}{\"format\":\"planwright-plan\",\"version\":1,\"tasks\":["][..]),
        bytes in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let input = [prefix.as_bytes(), &bytes].concat();
        let _ = import_bytes(&input);
    }
}

proptest! {
    #![proptest_config(config(JSON_CASES, "arbitrary JSON documents"))]
    #[test]
    fn arbitrary_json_never_panics(doc in json_document()) {
        let text = doc.to_string();
        if let Ok(imported) = import_str(&text) {
            // Whatever imports can be written and read back.
            let again = import_str(&to_json(&imported.plan));
            prop_assert_eq!(again.map(|i| i.plan), Ok(imported.plan.clone()));
            let _ = to_markdown(&imported.plan);
        }
    }
}

proptest! {
    #![proptest_config(config(ROUND_TRIP_CASES, "generated plans through a JSON round trip"))]
    #[test]
    fn plans_round_trip_exactly(plan in common::plan()) {
        let text = to_json(&plan);
        prop_assert_eq!(&to_json(&plan), &text, "export is not deterministic");
        let imported = import_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(imported.unknown_fields.is_empty());
        prop_assert!(imported.migration_notes.is_empty());
        prop_assert_eq!(&imported.plan, &plan);
        prop_assert_eq!(to_json(&imported.plan), text);
    }
}

/// Counts the `|` in a table row that are column separators (not escaped).
fn separators(line: &str) -> usize {
    let mut count = 0;
    let mut backslashes = 0;
    for c in line.chars() {
        if c == '|' && backslashes % 2 == 0 {
            count += 1;
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    count
}

proptest! {
    #![proptest_config(config(MARKDOWN_CASES, "generated plans to Markdown"))]
    #[test]
    fn markdown_keeps_its_structure(plan in common::plan()) {
        let doc = to_markdown(&plan);
        prop_assert!(!doc.to_lowercase().contains("<script"), "raw script tag in:\n{}", doc);
        prop_assert!(!doc.contains("<!--"));
        let mut columns = None;
        let mut in_timeline = false;
        let mut in_plan = false;
        for line in doc.lines() {
            // The plan block at the end holds JSON with no backtick, `<`,
            // `>` or `&` (escaped), so nothing in it closes it or is HTML.
            if in_plan {
                if line == "```" {
                    in_plan = false;
                } else {
                    prop_assert!(!line.contains(['`', '<', '>', '&']), "in the plan block: {:?}", line);
                }
                continue;
            }
            if line == "```json planwright-plan" {
                in_plan = true;
                continue;
            }
            // The other fence is the exporter's own timeline, and user text
            // inside it cannot end a line early or close it.
            if in_timeline {
                if line == "```" {
                    in_timeline = false;
                } else {
                    prop_assert!(timeline_line(line), "not a timeline line: {:?}", line);
                }
                continue;
            }
            if line == "```mermaid" {
                in_timeline = true;
                continue;
            }
            // No user text can open a fence, a heading or a quote.
            prop_assert!(!line.starts_with("```") && !line.starts_with("~~~"), "{}", line);
            prop_assert!(!line.starts_with('>') || line.starts_with("> Written by Planwright"), "{}", line);
            if line.starts_with('#') {
                let hashes = line.chars().take_while(|c| *c == '#').count();
                prop_assert!(hashes <= 4 && line[hashes..].starts_with(' '), "{}", line);
            }
            // Every row of a table has as many columns as its header.
            if line.starts_with("| ") || line.starts_with("|---") {
                let n = separators(line);
                match columns {
                    None => columns = Some(n),
                    Some(want) => prop_assert_eq!(n, want, "row breaks its table: {}", line),
                }
            } else {
                columns = None;
            }
        }
        prop_assert!(!in_timeline, "the timeline is never closed");
        prop_assert!(!in_plan, "the plan block is never closed");
    }
}

/// A line the exporter writes inside its Mermaid timeline: the header, a
/// section, or `N. name :data`, where no name holds a character that could
/// end it or start a comment, and the data is only tags, ids, a date and a
/// length.
fn timeline_line(line: &str) -> bool {
    let safe = |name: &str| {
        !name.trim().is_empty()
            && !name.contains(['#', ':', ';', '`', '<', '>'])
            && !name.contains("%%")
    };
    if line == "gantt" {
        return true;
    }
    let Some(rest) = line.strip_prefix("    ") else {
        return false;
    };
    if [
        "dateFormat YYYY-MM-DD",
        "excludes weekends",
        "todayMarker off",
    ]
    .contains(&rest)
    {
        return true;
    }
    // Weekday names, `weekends` and ISO dates only: no user text.
    if let Some(items) = rest.strip_prefix("excludes ") {
        const DAYS: [&str; 8] = [
            "weekends",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        return items.split(", ").all(|item| {
            DAYS.contains(&item)
                || item
                    .parse::<planwright_core::Date>()
                    .is_ok_and(|d| d.to_string() == item)
        });
    }
    if let Some(name) = rest.strip_prefix("section ") {
        return safe(name);
    }
    let Some((number, rest)) = rest.split_once(". ") else {
        return false;
    };
    let Some((name, data)) = rest.rsplit_once(" :") else {
        return false;
    };
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && safe(name)
        && data
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b" ,-".contains(&b))
}

#[test]
fn timeline_lines_are_recognised() {
    assert!(timeline_line("    section Pilot - data"));
    assert!(timeline_line(
        "    12. Go live :crit, milestone, t12, after t3 t4, 0d"
    ));
    assert!(!timeline_line("    12. Go: live :t12, 2026-01-05, 1d"));
    assert!(!timeline_line("```"));
    assert!(!timeline_line("    section %%{init}%%"));
    assert!(timeline_line("    excludes friday, saturday, 2026-12-25"));
    assert!(!timeline_line("    excludes weekends, click"));
}

#[test]
fn separators_ignore_escaped_pipes() {
    assert_eq!(separators("| a \\| b | c |"), 3);
    assert_eq!(separators("| a \\\\| b |"), 3);
}

/// A 50 MB file is refused by its size alone, before any parsing, so a
/// mistaken drop of a huge file costs the browser nothing but a length check
/// (parsing 50 MB of JSON into a plan would freeze the page for seconds and
/// hold several times that much memory).
#[test]
fn fifty_megabytes_are_refused_quickly() {
    let size = 50_000_000;
    let mut big = Vec::with_capacity(size);
    big.extend_from_slice(b"{\"format\":\"planwright-plan\",\"version\":2,\"title\":\"");
    big.resize(size - 2, b'a');
    big.extend_from_slice(b"\"}");
    assert!(big.len() > MAX_BYTES);

    let text = String::from_utf8(big.clone()).expect("the big file is ASCII");
    assert_eq!(text.len(), size);

    // Only the calls are timed. Parsing 50 MB in a debug build takes
    // seconds, so a second is generous for a length check and still
    // catches a regression to parsing first, even on a busy machine.
    let started = Instant::now();
    let from_bytes = import_bytes(&big);
    let bytes_took = started.elapsed();
    let started = Instant::now();
    let from_text = import_str(&text);
    let text_took = started.elapsed();
    assert_eq!(from_bytes, Err(ImportError::TooLarge { bytes: size }));
    assert_eq!(from_text, Err(ImportError::TooLarge { bytes: size }));
    assert!(
        bytes_took < Duration::from_secs(1),
        "import_bytes took {bytes_took:?}"
    );
    assert!(
        text_took < Duration::from_secs(1),
        "import_str took {text_took:?}"
    );
    let message = ImportError::TooLarge { bytes: size }.to_string();
    assert!(message.contains("50.0 MB"), "{message}");
}

/// Pins the first bug this file found: a version value whose JSON text had a
/// multi-byte character across byte 40 made import panic when the message
/// cut it short.
#[test]
fn long_odd_version_is_reported_not_a_panic() {
    let text =
        r#"{"format":"planwright-plan","version":[-100000000000000000,{"start_date":" 𐀀"}]}"#;
    match import_str(text) {
        Err(ImportError::BadVersion { found }) => assert!(found.chars().count() <= 40, "{found}"),
        other => panic!("expected BadVersion, got {other:?}"),
    }
}
