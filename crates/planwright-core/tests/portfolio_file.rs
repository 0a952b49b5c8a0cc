//! The portfolio file of the three examples, `tests/fixtures/portfolio-v1.json`,
//! written by the first version of the format: it must keep importing, with
//! every plan and setting, in every later version. While version 1 is the
//! current one it must also export back to its own bytes; once a version 2
//! exists, keep this file as it is (it is then the old-version fixture) and
//! change only that second assertion.
//!
//! Then hostile portfolio files, as `robustness.rs` does for plan files.

use planwright_core::format::examples::{example, EXAMPLES};
use planwright_core::format::portfolio::{import, import_bytes, to_json, VERSION};
use planwright_core::Plan;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Number, Value};

const FIXTURE: &str = include_str!("fixtures/portfolio-v1.json");

#[test]
fn the_version_1_portfolio_file_imports_with_its_plans_and_settings() {
    let imported = import(FIXTURE).unwrap_or_else(|e| panic!("does not import: {e}"));
    assert_eq!(imported.from_version, 1);
    assert_eq!(imported.portfolio.name, "Operations AI portfolio 2026");
    assert_eq!(imported.portfolio.capacity, 2);
    let keys: Vec<&str> = imported
        .portfolio
        .members
        .iter()
        .map(|m| m.key.as_str())
        .collect();
    assert_eq!(keys, ["customer-support", "finance", "personalization"]);
    let figures: Vec<Option<f64>> = imported
        .portfolio
        .members
        .iter()
        .map(|m| m.value.annual)
        .collect();
    assert_eq!(figures, [Some(240_000.0), Some(150_000.0), Some(90_000.0)]);
    assert!(imported
        .portfolio
        .members
        .iter()
        .all(|m| m.value.unit == "EUR"));
    for (carried, e) in imported.plans.iter().zip(EXAMPLES) {
        assert_eq!(carried.key, e.key);
        assert_eq!(Some(&carried.imported.plan), example(e.key).as_ref());
    }
    assert_eq!(imported.plans.len(), EXAMPLES.len());
    // The portfolio itself needs no migration; the plans it carries, saved
    // at plan format version 2, say that they were brought up to date.
    assert!(
        imported
            .changes()
            .iter()
            .all(|c| c.contains("saved in format version 2 and has been brought up to version")),
        "{:?}",
        imported.changes()
    );
    assert_eq!(imported.initiatives().len(), 3);
    assert_eq!(
        import_bytes(FIXTURE.as_bytes()).map(|i| i.portfolio),
        Ok(imported.portfolio.clone())
    );

    if VERSION == 1 {
        let plans: Vec<(&str, &Plan)> = imported
            .plans
            .iter()
            .map(|p| (p.key.as_str(), &p.imported.plan))
            .collect();
        // Its plans are now written at the current plan format version, so
        // the bytes differ from the fixture's; what they hold does not.
        let again = import_bytes(to_json(&imported.portfolio, &plans).as_bytes())
            .expect("the exported portfolio file imports");
        assert_eq!(again.portfolio, imported.portfolio);
        assert!(again.changes().is_empty(), "{:?}", again.changes());
        for (a, b) in again.plans.iter().zip(&imported.plans) {
            assert_eq!(a.imported.plan, b.imported.plan);
        }
    }
}

// Hostile portfolio files: no input makes import, the analysis or the
// Markdown panic, and whatever imports is written and read back the same.
// 500 cases each.

const CASES: u32 = 500;

fn config(what: &str) -> ProptestConfig {
    eprintln!("proptest: {CASES} cases of {what}");
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(CASES)
    }
}

/// Field names of the portfolio file at every level, and a few of a plan's.
const FIELDS: &[&str] = &[
    "name",
    "capacity",
    "weights",
    "value",
    "readiness",
    "risk",
    "effort",
    "start_date",
    "members",
    "key",
    "annual",
    "unit",
    "rating",
    "links",
    "kind",
    "a",
    "b",
    "member",
    "item",
    "same",
    "plans",
    "plan",
    "format",
    "version",
    "title",
    "tasks",
    "id",
    "duration_days",
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
                "planwright-portfolio",
                "data_source",
                "a",
                ""
            ][..]
        )
        .prop_map(|s| Value::String(s.to_string())),
        (0u64..8).prop_map(Value::from),
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

/// An object with a portfolio's envelope, random settings and plans that
/// are sometimes plan files.
fn portfolio_document() -> impl Strategy<Value = Value> {
    let plan = prop_oneof![
        json_value(),
        prop::collection::vec((select(FIELDS), json_value()), 0..4).prop_map(|fields| {
            let mut object: Map<String, Value> = fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
            object.insert("format".into(), Value::from("planwright-plan"));
            object.insert("version".into(), Value::from(2));
            Value::Object(object)
        }),
    ];
    let entry = (select(&["a", "b", "c"][..]), plan)
        .prop_map(|(key, plan)| serde_json::json!({ "key": key, "plan": plan }));
    let settings = prop::collection::vec((select(FIELDS), json_value()), 0..6);
    let version = prop_oneof![Just(Value::from(1)), json_value()];
    (
        version,
        settings,
        prop::collection::vec(prop_oneof![3 => entry, 1 => json_value()], 0..4),
    )
        .prop_map(|(version, settings, plans)| {
            let portfolio: Map<String, Value> = settings
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
            serde_json::json!({
                "format": "planwright-portfolio",
                "version": version,
                "portfolio": portfolio,
                "plans": plans,
            })
        })
}

proptest! {
    #![proptest_config(config("arbitrary bytes as a portfolio file"))]
    #[test]
    fn arbitrary_bytes_never_panic(
        prefix in select(&["", "{\"format\":\"planwright-portfolio\",\"version\":1,\"portfolio\":{},\"plans\":[{\"key\":\"a\",\"plan\":"][..]),
        bytes in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let _ = import_bytes(&[prefix.as_bytes(), &bytes].concat());
    }
}

proptest! {
    #![proptest_config(config("arbitrary portfolio-like JSON"))]
    #[test]
    fn arbitrary_portfolios_never_panic_and_round_trip(doc in portfolio_document()) {
        // About one in seven of these imports (measured: 67 of 500).
        if let Ok(imported) = import(&doc.to_string()) {
            let plans: Vec<(&str, &Plan)> = imported
                .plans
                .iter()
                .map(|p| (p.key.as_str(), &p.imported.plan))
                .collect();
            let again = import(&to_json(&imported.portfolio, &plans))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&again.portfolio, &imported.portfolio);
            prop_assert_eq!(again.plans.len(), imported.plans.len());
            let analysis = planwright_core::portfolio::analyze(&imported.portfolio, &imported.initiatives());
            let _ = planwright_core::export::markdown::portfolio::to_markdown(&imported.portfolio, &analysis);
        }
    }
}
