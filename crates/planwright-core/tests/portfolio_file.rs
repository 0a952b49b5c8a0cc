//! The portfolio file of the three examples, `tests/fixtures/portfolio-v1.json`,
//! written by the first version of the format: it must keep importing, with
//! every plan and setting, in every later version. While version 1 is the
//! current one it must also export back to its own bytes; once a version 2
//! exists, keep this file as it is (it is then the old-version fixture) and
//! change only that second assertion.

use planwright_core::format::examples::{example, EXAMPLES};
use planwright_core::format::portfolio::{import, import_bytes, to_json, VERSION};
use planwright_core::Plan;

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
    assert!(imported.changes().is_empty(), "{:?}", imported.changes());
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
        assert!(
            to_json(&imported.portfolio, &plans) == FIXTURE,
            "the portfolio file of version 1 no longer exports to its own bytes"
        );
    }
}
