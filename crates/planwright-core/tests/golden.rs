//! Golden files: the Markdown and JSON export of each example plan and of the
//! blank plan, compared byte for byte with the files in `tests/golden/`.
//!
//! After an intended change to an export, rewrite the files with
//! `UPDATE_GOLDEN=1 cargo test -p planwright-core --test golden` and review
//! the diff before committing it.

use std::path::PathBuf;

use planwright_core::export::markdown::to_markdown;
use planwright_core::format::examples::{example, EXAMPLES};
use planwright_core::format::file::to_json;
use planwright_core::Plan;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

/// Every plan with a golden file, by file stem.
fn plans() -> Vec<(String, Plan)> {
    let mut plans = vec![("blank".to_string(), Plan::blank())];
    for e in EXAMPLES {
        let plan = example(e.key).unwrap_or_else(|| panic!("example {} does not import", e.key));
        plans.push((e.key.to_string(), plan));
    }
    plans
}

/// Where two texts first differ, as a short message.
fn first_difference(want: &str, got: &str) -> String {
    let (mut want_lines, mut got_lines) = (want.lines(), got.lines());
    let mut line = 1;
    loop {
        match (want_lines.next(), got_lines.next()) {
            (Some(w), Some(g)) if w == g => line += 1,
            (None, None) => {
                return "the texts differ only in line endings or a final newline".to_string()
            }
            (w, g) => {
                return format!(
                    "first difference at line {line}:\n  golden: {}\n  actual: {}",
                    w.unwrap_or("<end of file>"),
                    g.unwrap_or("<end of file>")
                )
            }
        }
    }
}

fn check(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_dir())
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", golden_dir().display()));
        std::fs::write(&path, actual)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    let golden = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read {}: {e}\nCreate it with: UPDATE_GOLDEN=1 cargo test -p planwright-core --test golden", path.display())
    });
    assert!(
        golden == actual,
        "{} is out of date; {}\nIf the change is intended, run: UPDATE_GOLDEN=1 cargo test -p planwright-core --test golden",
        path.display(),
        first_difference(&golden, actual)
    );
}

#[test]
fn markdown_matches_golden_files() {
    for (name, plan) in plans() {
        check(&format!("{name}.md"), &to_markdown(&plan));
    }
}

#[test]
fn json_matches_golden_files() {
    for (name, plan) in plans() {
        check(&format!("{name}.json"), &to_json(&plan));
    }
}

#[test]
fn every_golden_file_belongs_to_a_plan() {
    // A renamed example must not leave a stale golden file behind.
    let names: Vec<String> = plans()
        .into_iter()
        .flat_map(|(n, _)| [format!("{n}.md"), format!("{n}.json")])
        .collect();
    let entries = std::fs::read_dir(golden_dir())
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", golden_dir().display()));
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        assert!(
            names.contains(&file),
            "tests/golden/{file} belongs to no plan; delete it"
        );
    }
}

#[test]
fn difference_hint_names_the_line() {
    assert_eq!(
        first_difference("a\nb\n", "a\nc\n"),
        "first difference at line 2:\n  golden: b\n  actual: c"
    );
    assert!(first_difference("a\n", "a\nmore\n").contains("golden: <end of file>"));
}
