//! The Markdown export imports back as exactly the same plan, also after a
//! person edited its readable part in a wiki.
//!
//! Figures: the three examples and the blank plan, each as exported and
//! with four kinds of edit; 200 arbitrary plans (`common::plan()`, hostile
//! text included), each as exported and edited.

mod common;

use planwright_core::export::markdown::to_markdown;
use planwright_core::format::examples::{example, EXAMPLES};
use planwright_core::format::file::{import_named, to_json, ImportError};
use planwright_core::Plan;
use proptest::prelude::*;

/// The ways a person edits a document in a wiki, keeping the plan block.
fn edits(doc: &str) -> Vec<String> {
    let (readable, block) =
        doc.split_at(doc.find("\n## Plan file\n").expect("a Plan file section"));
    vec![
        // Headings renamed and a paragraph added.
        format!(
            "{}{block}",
            readable.replace("## ", "## Edited: ").replacen(
                "\n\n",
                "\n\nA paragraph someone added.\n\n",
                3
            )
        ),
        // The readable part rewritten entirely.
        format!("# Our plan\n\nWe rewrote all of this.\n{block}"),
        // Moved to the top of another page, with text after it.
        format!("# Wiki page\n{block}\n## Comments\n\nLooks good.\n"),
        // Saved with Windows line endings.
        doc.replace('\n', "\r\n"),
    ]
}

fn assert_imports_back(plan: &Plan, doc: &str) {
    let back = import_named("plan.md", doc.as_bytes()).expect("the Markdown imports");
    assert_eq!(back.plan, *plan);
    assert!(back.unknown_fields.is_empty() && back.migration_notes.is_empty());
}

#[test]
fn examples_import_back_as_exported_and_after_edits() {
    let mut plans: Vec<Plan> = EXAMPLES.iter().filter_map(|e| example(e.key)).collect();
    plans.push(Plan::blank());
    for plan in &plans {
        let doc = to_markdown(plan);
        assert_imports_back(plan, &doc);
        for edited in edits(&doc) {
            assert_imports_back(plan, &edited);
        }
    }
}

#[test]
fn the_block_is_the_json_export() {
    let plan = example("personalization").expect("an example");
    let doc = to_markdown(&plan);
    let start = doc.find("```json planwright-plan\n").expect("the block") + 24;
    let end = doc.rfind("```").expect("its end");
    let unescaped = doc[start..end]
        .replace("\\u003c", "<")
        .replace("\\u003e", ">")
        .replace("\\u0026", "&")
        .replace("\\u0060", "`");
    assert_eq!(unescaped, to_json(&plan));
}

#[test]
fn markdown_without_a_plan_gets_a_clear_message() {
    let doc = to_markdown(&Plan::blank());
    let readable = &doc[..doc.find("\n## Plan file\n").expect("a Plan file section")];
    let err = import_named("old-export.md", readable.as_bytes()).unwrap_err();
    assert_eq!(err, ImportError::NoPlanInMarkdown);
    assert!(err.to_string().starts_with(
        "This Markdown file has no Planwright plan inside; export it again from Planwright"
    ));
    let twice = format!("{doc}\n{doc}");
    let err = import_named("twice.md", twice.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with(
            "This Markdown file holds 2 Planwright plans (in the blocks starting at lines "
        ),
        "{err}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(200) })]

    #[test]
    fn arbitrary_plans_import_back_from_markdown(plan in common::plan()) {
        let doc = to_markdown(&plan);
        let back = import_named("plan.md", doc.as_bytes()).map(|i| i.plan);
        prop_assert_eq!(back.as_ref(), Ok(&plan));
        for edited in edits(&doc) {
            let back = import_named("plan.md", edited.as_bytes()).map(|i| i.plan);
            prop_assert_eq!(back.as_ref(), Ok(&plan));
        }
    }
}
