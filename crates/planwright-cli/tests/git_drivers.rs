//! `planwright show` and `planwright merge` as git's textconv and merge
//! driver, in a real repository: two branches that change different tasks
//! merge cleanly with both changes, two that change the same field leave
//! a conflict that git reports and the file lists, and `git diff` shows
//! the changed field lines.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use planwright_core::format::examples::example;
use planwright_core::format::file::{import_str, to_json};
use planwright_core::Plan;

const BIN: &str = env!("CARGO_BIN_EXE_planwright");
const FILE: &str = "claims.planwright.json";

/// A fresh, empty directory for one test's repository.
fn fresh_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

/// Runs git in `dir`, away from the user's own configuration.
fn git_output(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .unwrap_or_else(|e| panic!("cannot run git {args:?}: {e}"))
}

/// Runs git and insists it succeeds; returns its standard output.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = git_output(dir, args);
    assert!(
        out.status.success(),
        "git {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A repository with the drivers set up and one committed plan.
fn repo(name: &str, plan: &Plan) -> PathBuf {
    let dir = fresh_dir(name);
    git(&dir, &["-c", "init.defaultBranch=main", "init", "-q"]);
    let quoted = format!("'{}'", BIN.replace('\'', r"'\''"));
    for (key, value) in [
        ("user.name", "Plan Tester".to_string()),
        ("user.email", "tester@example.com".to_string()),
        ("commit.gpgsign", "false".to_string()),
        ("diff.planwright.textconv", format!("{quoted} show")),
        ("merge.planwright.name", "Planwright plan merge".to_string()),
        (
            "merge.planwright.driver",
            format!("{quoted} merge %O %A %B"),
        ),
    ] {
        git(&dir, &["config", key, &value]);
    }
    std::fs::write(
        dir.join(".gitattributes"),
        "*.planwright.json diff=planwright merge=planwright\n",
    )
    .unwrap_or_else(|e| panic!("cannot write .gitattributes: {e}"));
    write_plan(&dir, plan);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "First plan"]);
    dir
}

fn write_plan(dir: &Path, plan: &Plan) {
    std::fs::write(dir.join(FILE), to_json(plan))
        .unwrap_or_else(|e| panic!("cannot write the plan: {e}"));
}

fn read_plan(dir: &Path) -> Plan {
    let text = std::fs::read_to_string(dir.join(FILE))
        .unwrap_or_else(|e| panic!("cannot read the plan: {e}"));
    import_str(&text)
        .unwrap_or_else(|e| panic!("the merged file is not a plan: {e}\n{text}"))
        .plan
}

/// On a new branch from `from`, changes the plan and commits.
fn branch(dir: &Path, name: &str, from: &str, change: impl FnOnce(&mut Plan)) {
    git(dir, &["checkout", "-q", "-b", name, from]);
    let mut plan = read_plan(dir);
    change(&mut plan);
    write_plan(dir, &plan);
    git(dir, &["commit", "-q", "-am", name]);
}

fn base_plan() -> Plan {
    let plan = example("finance").unwrap_or_else(|| panic!("the finance example exists"));
    assert!(plan.tasks.len() >= 3, "the example has tasks to change");
    plan
}

#[test]
fn changes_to_different_tasks_merge_cleanly_and_git_diff_shows_the_fields() {
    let base = base_plan();
    let (first, second) = (base.tasks[0].id.clone(), base.tasks[1].id.clone());
    let dir = repo("git-clean-merge", &base);
    branch(&dir, "longer", "main", |p| {
        p.tasks[0].duration_days = Some(40)
    });
    branch(&dir, "renamed", "main", |p| {
        p.tasks[1].title = "Measure the baselines twice".to_string();
    });

    let diff = git(&dir, &["diff", "main", "renamed", "--", FILE]);
    assert!(
        diff.contains(&format!(
            "+tasks[id={second}].title = \"Measure the baselines twice\""
        )),
        "git diff does not show the textconv line:\n{diff}"
    );
    assert!(
        diff.contains(&format!("-tasks[id={second}].title = ")),
        "{diff}"
    );

    git(&dir, &["checkout", "-q", "longer"]);
    let out = git_output(&dir, &["merge", "--no-edit", "renamed"]);
    assert!(
        out.status.success(),
        "the merge failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = read_plan(&dir);
    let task = |id: &planwright_core::Id| merged.tasks.iter().find(|t| &t.id == id).cloned();
    assert_eq!(task(&first).map(|t| t.duration_days), Some(Some(40)));
    assert_eq!(
        task(&second).map(|t| t.title),
        Some("Measure the baselines twice".to_string())
    );
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.tasks.len(), base.tasks.len());
    assert_eq!(git(&dir, &["status", "--porcelain"]), "");
}

#[test]
fn the_same_field_changed_twice_is_a_conflict_git_reports_and_the_file_lists() {
    let base = base_plan();
    let third = base.tasks[2].id.clone();
    let dir = repo("git-conflict-merge", &base);
    branch(&dir, "five", "main", |p| p.tasks[2].duration_days = Some(5));
    branch(&dir, "seven", "main", |p| {
        p.tasks[2].duration_days = Some(7)
    });

    git(&dir, &["checkout", "-q", "five"]);
    let out = git_output(&dir, &["merge", "--no-edit", "seven"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !out.status.success(),
        "git merged a conflict silently:\n{said}"
    );
    assert!(said.contains("CONFLICT"), "{said}");
    assert!(
        said.contains(&format!("tasks[id={third}].duration_days")),
        "{said}"
    );

    let merged = read_plan(&dir);
    assert_eq!(
        merged.tasks[2].duration_days,
        Some(5),
        "the file keeps our side"
    );
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.path, format!("tasks[id={third}].duration_days"));
    assert_eq!(
        conflict.base,
        base.tasks[2].duration_days.map(serde_json::Value::from)
    );
    assert_eq!(conflict.ours, Some(serde_json::Value::from(5)));
    assert_eq!(conflict.theirs, Some(serde_json::Value::from(7)));
    assert!(conflict.label.starts_with("Task '"), "{}", conflict.label);
    let status = git(&dir, &["status", "--porcelain"]);
    assert!(status.contains(&format!("UU {FILE}")), "{status}");
}
