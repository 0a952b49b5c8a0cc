//! Golden files, compared byte for byte with the files in `tests/golden/`:
//! - the Markdown export of each example plan and of the blank plan;
//! - the JSON export of the blank plan (the examples' JSON is their shipped
//!   file in `plans/`, so a second copy here would say nothing more: the
//!   round trip below checks it instead);
//! - `analysis.txt`: the figures the analysis gives for each example, the
//!   blank plan and the rich test plan (scores, bands, tier, gates, schedule,
//!   suggestions, findings), so a change to any rule shows up as a
//!   reviewable diff of what users would see.
//!
//! After an intended change, rewrite the files with
//! `UPDATE_GOLDEN=1 cargo test -p planwright-core --test golden` and review
//! the diff before committing it.

use std::fmt::Write as _;
use std::path::PathBuf;

use planwright_core::analysis::analyze;
use planwright_core::analysis::validate::{validate, Severity};
use planwright_core::export::markdown::to_markdown;
use planwright_core::format::examples::{example, EXAMPLES};
use planwright_core::format::file::{import_bytes, to_json};
use planwright_core::{testing, Id, Plan};

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
fn blank_plan_json_matches_its_golden_file() {
    check("blank.json", &to_json(&Plan::blank()));
}

/// The shipped example files, read from `plans/` on disk, import and export
/// back to the same bytes: the file format and the files agree.
#[test]
fn examples_export_to_their_shipped_bytes() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans");
    for e in EXAMPLES {
        let path = dir.join(format!("{}.json", e.key));
        let shipped = std::fs::read(&path)
            .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
        let imported = import_bytes(&shipped)
            .unwrap_or_else(|err| panic!("{} does not import: {err}", path.display()));
        let exported = to_json(&imported.plan);
        let shipped = String::from_utf8(shipped).expect("a plan file that imported is UTF-8");
        assert!(
            exported == shipped,
            "{} does not export to its own bytes; {}",
            path.display(),
            first_difference(&shipped, &exported)
        );
    }
}

fn ids(ids: &[Id]) -> String {
    if ids.is_empty() {
        return "none".to_string();
    }
    let ids: Vec<&str> = ids.iter().map(Id::as_str).collect();
    ids.join(" ")
}

/// What the analysis says about a plan, one fact a line.
fn analysis_figures(plan: &Plan) -> String {
    let a = analyze(plan);
    let mut out = String::new();
    let r = &a.readiness;
    let _ = writeln!(
        out,
        "readiness: {} {:?} (by average {:?}); weakest {:?}; capped by {:?}",
        r.overall, r.band, r.band_by_average, r.weakest, r.capped_by
    );
    for d in &r.dimensions {
        let _ = writeln!(out, "  {:?}: {} {:?}", d.dimension, d.score, d.band);
    }
    let _ = writeln!(out, "  top actions: {}", r.top_actions.len());
    let risk = &a.risk;
    let _ = writeln!(
        out,
        "risk: {:?}, provisional {}, deployable {}; {} reasons, {} unanswered, {} controls required, {} gaps",
        risk.tier,
        risk.provisional,
        risk.deployable,
        risk.reasons.len(),
        risk.unanswered.len(),
        risk.required.len(),
        risk.gaps.len()
    );
    let decisions: Vec<String> = a
        .gates
        .phases
        .iter()
        .map(|g| format!("{} {:?} ({} unmet)", g.phase, g.decision, g.unmet.len()))
        .collect();
    let _ = writeln!(
        out,
        "gates: current {}; {}",
        a.gates.current_phase.as_ref().map_or("none", Id::as_str),
        decisions.join(", ")
    );
    match &a.schedule {
        Ok(s) => {
            let finish = s.finish_date.map_or("none".to_string(), |d| d.to_string());
            let _ = writeln!(
                out,
                "schedule: {} working days, finish {finish}, {} warnings\n  critical path: {}",
                s.total_days,
                s.warnings.len(),
                ids(&s.critical_path)
            );
        }
        Err(err) => {
            let _ = writeln!(out, "schedule: {} loops", err.cycles.len());
        }
    }
    let _ = writeln!(out, "suggestions:");
    for s in &a.suggestions {
        let _ = writeln!(out, "  {}", s.task.title);
    }
    let findings = validate(plan);
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    let _ = writeln!(
        out,
        "findings: {} errors, {} warnings, {} in all",
        count(Severity::Error),
        count(Severity::Warning),
        findings.len()
    );
    out
}

#[test]
fn analysis_figures_match_their_golden_file() {
    let mut all = vec![(
        "rich (planwright_core::testing)".to_string(),
        testing::rich(),
    )];
    all.extend(plans());
    let mut doc = String::new();
    for (name, plan) in all {
        let _ = writeln!(doc, "## {name}\n\n{}", analysis_figures(&plan));
    }
    check("analysis.txt", &doc);
}

#[test]
fn every_golden_file_belongs_to_a_plan() {
    // A renamed example must not leave a stale golden file behind.
    let mut names: Vec<String> = plans()
        .into_iter()
        .map(|(n, _)| format!("{n}.md"))
        .collect();
    names.extend(["blank.json".to_string(), "analysis.txt".to_string()]);
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
