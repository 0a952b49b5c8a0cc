//! Golden files, compared byte for byte with the files in `tests/golden/`:
//! - the Markdown export of each example plan and of the blank plan;
//! - the JSON export of the blank plan (the examples' JSON is their shipped
//!   file in `plans/`, so a second copy here would say nothing more: the
//!   round trip below checks it instead);
//! - `analysis.txt`: the figures the analysis gives for each example, the
//!   blank plan and the rich test plan (scores, bands, tier, gates, schedule,
//!   suggestions, findings), so a change to any rule shows up as a
//!   reviewable diff of what users would see;
//! - `portfolio.md`: the Markdown of the three examples as a portfolio
//!   (`tests/fixtures/portfolio-v1.json`, with yearly figures and a
//!   capacity of 2), ranking, matrix, shared foundation and roadmap;
//! - `unnamed.txt` and `unnamed.md`: every message the analysis writes, and
//!   the Markdown export, for the rich test plan with every name and title
//!   blanked, so how items without a name are called (`unnamed task 3`,
//!   never an id) is pinned in one reviewable place.
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
fn portfolio_markdown_matches_its_golden_file() {
    let text = include_str!("fixtures/portfolio-v1.json");
    let imported = planwright_core::format::portfolio::import(text)
        .unwrap_or_else(|e| panic!("the portfolio fixture does not import: {e}"));
    let analysis =
        planwright_core::portfolio::analyze(&imported.portfolio, &imported.initiatives());
    check(
        "portfolio.md",
        &planwright_core::export::markdown::portfolio::to_markdown(&imported.portfolio, &analysis),
    );
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

/// The rich test plan with every name, title, signal, audience and topic a
/// person writes left blank, and a few gaps so tasks, metrics and decisions
/// have something to be named in.
fn unnamed_plan() -> Plan {
    let mut p = testing::rich();
    if let [first, second, ..] = p.tasks.as_mut_slice() {
        first.owner = None;
        second.duration_days = None;
        second.depends_on.push(first.id.clone());
        second.depends_on.push(first.id.clone());
    }
    if let Some(m) = p.metrics.get_mut(1) {
        m.target = None;
    }
    if let Some(d) = p.decisions.first_mut() {
        d.on_disagreement.clear();
    }
    p.title.clear();
    p.metrics.iter_mut().for_each(|m| m.name.clear());
    p.stakeholders.iter_mut().for_each(|s| s.name.clear());
    p.decisions.iter_mut().for_each(|d| d.title.clear());
    p.workflow.iter_mut().for_each(|s| s.name.clear());
    p.data_sources.iter_mut().for_each(|d| d.name.clear());
    p.systems.iter_mut().for_each(|s| s.name.clear());
    p.controls.iter_mut().for_each(|c| c.name.clear());
    p.phases.iter_mut().for_each(|ph| ph.name.clear());
    p.deliverables.iter_mut().for_each(|d| d.name.clear());
    p.tasks.iter_mut().for_each(|t| t.title.clear());
    p.handoffs.iter_mut().for_each(|h| h.name.clear());
    p.change.training.iter_mut().for_each(|t| {
        t.audience.clear();
        t.topic.clear();
    });
    p.change
        .communications
        .iter_mut()
        .for_each(|c| c.audience.clear());
    p.change.milestones.iter_mut().for_each(|m| m.name.clear());
    p.feedback.loops.iter_mut().for_each(|l| l.signal.clear());
    p.feedback.hotspots.iter_mut().for_each(|h| h.area.clear());
    p
}

/// Every sentence the analysis writes about a plan, one a line.
fn messages(plan: &Plan) -> String {
    let a = analyze(plan);
    let mut out = String::new();
    let _ = writeln!(out, "## findings");
    for f in validate(plan) {
        let _ = writeln!(out, "{} {}: {}", f.severity.as_str(), f.path, f.message);
    }
    let _ = writeln!(out, "\n## readiness");
    for c in a.readiness.dimensions.iter().flat_map(|d| &d.criteria) {
        let _ = writeln!(out, "{}: {} | {}", c.key, c.evidence, c.fix);
    }
    let _ = writeln!(out, "\n## gates");
    for g in &a.gates.phases {
        let _ = writeln!(out, "{}: {}", g.phase, g.summary);
        for c in &g.criteria {
            let _ = writeln!(out, "  {}: {} | {}", c.text, c.detail, c.action);
        }
    }
    for n in &a.gates.notes {
        let _ = writeln!(out, "note {}: {}", n.path, n.message);
    }
    let _ = writeln!(out, "\n## schedule");
    match &a.schedule {
        Ok(s) => {
            for w in &s.warnings {
                let _ = writeln!(out, "{}: {}", w.path, w.message);
            }
        }
        Err(loops) => {
            let _ = writeln!(out, "{loops}");
        }
    }
    let _ = writeln!(out, "\n## suggestions");
    for s in &a.suggestions {
        let _ = writeln!(out, "{}: {}", s.task.title, s.reason);
    }
    out
}

#[test]
fn items_without_names_are_called_by_their_place() {
    let plan = unnamed_plan();
    let text = messages(&plan);
    check("unnamed.txt", &text);
    check("unnamed.md", &to_markdown(&plan));
    // No id of the plan stands in for a name anywhere in what it says.
    for t in &plan.tasks {
        let quoted = format!("'{}'", t.id);
        assert!(!text.contains(&quoted), "{quoted} appears in the messages");
    }
}

#[test]
fn every_golden_file_belongs_to_a_plan() {
    // A renamed example must not leave a stale golden file behind.
    let mut names: Vec<String> = plans()
        .into_iter()
        .map(|(n, _)| format!("{n}.md"))
        .collect();
    names.extend(
        [
            "blank.json",
            "analysis.txt",
            "unnamed.txt",
            "unnamed.md",
            "portfolio.md",
        ]
        .map(String::from),
    );
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
