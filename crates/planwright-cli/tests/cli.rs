//! The `planwright` command line, run as a real process: every command, its
//! exit status, standard input, and files that are missing, broken, not
//! UTF-8 or too large; help, the version, completions and suggestions.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use planwright_core::analysis::analyze;
use planwright_core::analysis::validate::{validate, Severity};
use planwright_core::export::csv::{self, CsvOptions};
use planwright_core::export::ics::{self, IcsOptions, Stamp};
use planwright_core::export::markdown::to_markdown;
use planwright_core::export::mspdi;
use planwright_core::format::examples::{example, example_json, EXAMPLES};
use planwright_core::format::file::{import_str, to_json, MAX_BYTES};
use planwright_core::format::template::template_of;
use serde_json::Value;

/// Exit status, standard output and standard error of one run.
struct Run {
    code: i32,
    out: String,
    err: String,
}

fn planwright(args: &[&str], stdin: Option<&[u8]>) -> Run {
    planwright_env(args, stdin, &[])
}

/// Runs planwright with some environment variables set.
fn planwright_env(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_planwright"))
        .args(args)
        .envs(env.iter().copied())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start planwright: {e}"));
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        // The tool may stop reading early (a refused size); that is fine.
        let _ = pipe.write_all(bytes);
    }
    let output = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("planwright did not finish: {e}"));
    Run {
        code: output.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&output.stdout).into_owned(),
        err: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn run(args: &[&str]) -> Run {
    planwright(args, None)
}

/// A file in the test scratch directory with the given contents.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("planwright-cli");
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    path
}

fn path_str(path: &std::path::Path) -> &str {
    path.to_str()
        .unwrap_or_else(|| panic!("scratch path is not UTF-8: {}", path.display()))
}

const V1_FIXTURE: &str = include_str!("../../planwright-core/tests/fixtures/v1-claims-triage.json");

#[test]
fn help_and_version() {
    for flag in ["--help", "-h", "help"] {
        let r = run(&[flag]);
        assert_eq!(r.code, 0, "{flag}");
        for command in ["example", "validate", "score", "order", "export", "schema"] {
            assert!(
                r.out.contains(&format!("\n  {command} ")),
                "{flag} does not list {command}:\n{}",
                r.out
            );
        }
        assert!(r.err.is_empty());
    }
    for command in ["example", "validate", "score", "order", "export", "schema"] {
        for flag in ["--help", "-h"] {
            let r = run(&[command, flag]);
            assert_eq!(r.code, 0, "{command} {flag}");
            assert!(
                r.out.starts_with(&format!("Usage: planwright {command}")),
                "{}",
                r.out
            );
        }
        let r = run(&["help", command]);
        assert_eq!(
            (
                r.code,
                r.out.starts_with(&format!("Usage: planwright {command}"))
            ),
            (0, true)
        );
    }
    for flag in ["--version", "-V"] {
        let r = run(&[flag]);
        assert_eq!(r.code, 0);
        assert_eq!(
            r.out,
            format!(
                "planwright {} (plan format 'planwright-plan', version 3)\n",
                env!("CARGO_PKG_VERSION")
            )
        );
    }
}

/// Usage errors come from clap, so their wording is clap's: each case names
/// what must appear in the message (the offending word, or what is missing)
/// rather than a whole sentence.
#[test]
fn wrong_command_lines_print_usage_and_exit_2() {
    let cases: &[(&[&str], &[&str])] = &[
        (&[], &["Usage: planwright", "COMMAND"]),
        (&["frobnicate"], &["'frobnicate'"]),
        (&["--colour"], &["'--colour'"]),
        (&["help", "frobnicate"], &["'frobnicate'"]),
        (&["validate"], &["FILE"]),
        (
            &["validate", "a.json", "b.json"],
            &["unexpected argument 'b.json'"],
        ),
        (&["validate", "--strict", "a.json"], &["'--strict'"]),
        (
            &["validate", "--json=yes", "a.json"],
            &["'yes'", "'--json'"],
        ),
        (&["export", "--format"], &["'--format"]),
        (
            &["export", "--format", "pdf", "a.json"],
            &["'pdf'", "md, json"],
        ),
        (&["example"], &["NAME"]),
        (
            &["example", "banking"],
            &["'banking'", "customer-support, finance, personalization"],
        ),
        (&["schema", "extra"], &["unexpected argument 'extra'"]),
        (&["score"], &["FILE"]),
        (&["score", "--json", "a.json"], &["'--json'"]),
        (&["order"], &["FILE"]),
        (
            &["order", "a.json", "b.json"],
            &["unexpected argument 'b.json'"],
        ),
        (&["completions"], &["SHELL"]),
        (&["completions", "tcsh"], &["'tcsh'", "bash"]),
    ];
    for (args, words) in cases {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.out.is_empty(), "{args:?} wrote to stdout: {}", r.out);
        for word in *words {
            assert!(
                r.err.contains(word),
                "{args:?}: expected {word:?} in:\n{}",
                r.err
            );
        }
        assert!(
            r.err.contains("Usage: planwright"),
            "{args:?} gives no usage:\n{}",
            r.err
        );
    }
}

#[test]
fn version_names_the_plan_format() {
    let r = run(&["--version"]);
    assert_eq!((r.code, r.err.as_str()), (0, ""));
    assert_eq!(
        r.out,
        format!(
            "planwright {} (plan format 'planwright-plan', version 3)\n",
            env!("CARGO_PKG_VERSION")
        )
    );
}

#[test]
fn help_order_shows_the_order_help() {
    let r = run(&["help", "order"]);
    assert_eq!((r.code, r.err.as_str()), (0, ""));
    assert_eq!(r.out.lines().next(), Some("Usage: planwright order <FILE>"));
    assert!(
        r.out
            .contains("Schedule a plan's tasks and print one JSON object"),
        "{}",
        r.out
    );
    assert_eq!(r.out, run(&["order", "--help"]).out);
}

#[test]
fn completions_cover_every_subcommand() {
    let r = run(&["completions", "bash"]);
    assert_eq!((r.code, r.err.as_str()), (0, ""));
    assert!(r.out.contains("planwright"), "{}", r.out);
    for command in [
        "example",
        "validate",
        "score",
        "order",
        "export",
        "template",
        "diff",
        "show",
        "merge",
        "schema",
        "completions",
        "help",
    ] {
        assert!(r.out.contains(command), "bash completions lack {command}");
    }
    // Example names and formats are offered too.
    assert!(r.out.contains("customer-support"), "{}", r.out);
    for shell in ["zsh", "fish"] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}");
        assert!(r.out.contains("validate"), "{shell}: {}", r.out);
    }
}

#[test]
fn a_mistyped_subcommand_gets_a_suggestion() {
    let r = run(&["ordr", "plan.json"]);
    assert_eq!(r.code, 2);
    assert!(r.out.is_empty());
    assert!(r.err.contains("'ordr'"), "{}", r.err);
    assert!(
        r.err.contains("similar subcommand exists: 'order'"),
        "{}",
        r.err
    );
}

#[test]
fn example_prints_each_plan_file() {
    for e in EXAMPLES {
        let r = run(&["example", e.key]);
        assert_eq!(r.code, 0);
        assert_eq!(Some(r.out.as_str()), example_json(e.key));
    }
}

#[test]
fn validate_reports_findings_and_exits_0_without_errors() {
    for e in EXAMPLES {
        let path = scratch(
            &format!("{}.json", e.key),
            example_json(e.key).unwrap_or_default().as_bytes(),
        );
        let r = run(&["validate", path_str(&path)]);
        let findings = validate(&example(e.key).unwrap_or_default());
        assert_eq!(r.code, 0, "{}: {}", e.key, r.out);
        let lines: Vec<&str> = r.out.lines().collect();
        assert_eq!(lines.len(), findings.len() + 1, "{}", r.out);
        for (line, f) in lines.iter().zip(&findings) {
            assert_eq!(*line, format!("warning {}: {}", f.path, f.message));
        }
        let summary = format!(
            "{}: 0 errors and {} warning",
            path.display(),
            findings.len()
        );
        assert!(
            lines.last().is_some_and(|l| l.starts_with(&summary)),
            "{}",
            r.out
        );
    }
}

#[test]
fn validate_exits_1_on_errors() {
    let text = r#"{"format":"planwright-plan","version":2,
        "tasks":[{"id":"t-1","depends_on":["t-9"]},{"id":"t-1"}]}"#;
    let path = scratch("errors.json", text.as_bytes());
    let r = run(&["validate", path_str(&path)]);
    assert_eq!(r.code, 1, "{}", r.out);
    assert!(r.out.contains("\nerror   tasks[0].depends_on[0]: Unnamed task 1 depends on a task that is not in the plan (id 't-9'); remove the dependency or pick another task.\n"), "{}", r.out);
    assert!(
        r.out
            .contains("error   tasks[1].id: The id 't-1' is already used at tasks[0].id"),
        "{}",
        r.out
    );
    let findings = import_str(text).map(|i| i.findings).unwrap_or_default();
    let warnings = findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    assert_eq!(
        r.out.lines().last(),
        Some(format!("{}: 2 errors and {warnings} warnings", path.display()).as_str())
    );
}

#[test]
fn validate_json_is_an_array_of_records() {
    let mut plan = planwright_core::Plan::blank();
    plan.tasks.push(planwright_core::model::Task {
        id: "t".into(),
        depends_on: vec!["t".into()],
        ..Default::default()
    });
    let mut text = to_json(&plan);
    text.insert_str(1, "\"colour\": \"blue\",");
    let r = planwright(&["validate", "--json", "-"], Some(text.as_bytes()));
    assert_eq!(r.code, 1);
    let records: Value =
        serde_json::from_str(&r.out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", r.out));
    let records = records
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {}", r.out));
    let findings = validate(&plan);
    assert_eq!(
        records.len(),
        findings.len() + 1,
        "one note plus the findings"
    );
    assert_eq!(records[0]["severity"], "note");
    assert_eq!(records[0]["code"], "unknown-field");
    assert_eq!(records[0]["path"], "colour");
    for (record, f) in records[1..].iter().zip(&findings) {
        assert_eq!(record["severity"], f.severity.as_str());
        assert_eq!(record["code"], f.code);
        assert_eq!(record["path"], f.path.as_str());
        assert_eq!(record["message"], f.message.as_str());
    }
    assert!(findings
        .iter()
        .any(|f| f.severity == Severity::Error && f.code == "task-self-dependency"));
}

#[test]
fn validate_lists_migration_notes() {
    let path = scratch("v1.json", V1_FIXTURE.as_bytes());
    let r = run(&["validate", path_str(&path)]);
    let imported = import_str(V1_FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    let notes: Vec<&str> = r
        .out
        .lines()
        .filter(|l| l.starts_with("note    "))
        .collect();
    assert_eq!(notes.len(), imported.migration_notes.len(), "{}", r.out);
    for (line, note) in notes.iter().zip(&imported.migration_notes) {
        assert_eq!(*line, format!("note    migrated from version 1: {note}"));
    }
    let want = if planwright_core::analysis::validate::has_errors(&imported.findings) {
        1
    } else {
        0
    };
    assert_eq!(r.code, want);
}

#[test]
fn unreadable_input_exits_2_with_the_file_name() {
    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("planwright-cli")
        .join("no-such-plan.json");
    let r = run(&["validate", path_str(&missing)]);
    assert_eq!(r.code, 2);
    assert!(
        r.err.starts_with(&format!(
            "planwright: {}: cannot read the file:",
            missing.display()
        )),
        "{}",
        r.err
    );

    let broken = scratch(
        "broken.json",
        b"{\n  \"format\": \"planwright-plan\",\n  \"title\": oops\n}",
    );
    let r = run(&["export", "--format", "md", path_str(&broken)]);
    assert_eq!(r.code, 2);
    assert!(r.out.is_empty());
    assert!(
        r.err
            .contains("broken.json: Line 3, column 12: this is not valid JSON"),
        "{}",
        r.err
    );

    let latin1 = scratch("latin1.json", b"{\"title\": \"caf\xE9\"}");
    let r = run(&["validate", path_str(&latin1)]);
    assert_eq!(r.code, 2);
    assert!(
        r.err
            .contains("latin1.json: Line 1, column 15: the file is not UTF-8 text"),
        "{}",
        r.err
    );

    let r = planwright(&["validate", "-"], Some(b"[1, 2, 3]"));
    assert_eq!(r.code, 2);
    assert_eq!(r.err, "planwright: standard input: This is not a Planwright plan: the file holds a list rather than an object.\n");

    let r = planwright(
        &["validate", "-"],
        Some(br#"{"format":"planwright-plan","version":9}"#),
    );
    assert_eq!(r.code, 2);
    assert!(r.err.contains("format version 9"), "{}", r.err);
}

/// A file over the import limit is refused from its size, without reading
/// it: this one is sparse, so it takes no disk space either.
#[test]
fn huge_file_is_refused_quickly() {
    let path = scratch("huge.json", b"");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    file.set_len(50_000_000).unwrap_or_else(|e| panic!("{e}"));
    drop(file);
    let started = Instant::now();
    let r = run(&["validate", path_str(&path)]);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(r.code, 2);
    assert!(
        r.err
            .contains("The file is 50.0 MB; plans larger than 16 MB are refused"),
        "{}",
        r.err
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn huge_standard_input_is_refused() {
    let big = vec![b' '; MAX_BYTES + 10];
    let r = planwright(&["validate", "-"], Some(&big));
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("plans larger than 16 MB are refused"),
        "{}",
        r.err
    );
}

#[test]
fn export_writes_markdown_and_normalised_json() {
    for e in EXAMPLES {
        let plan = example(e.key).unwrap_or_default();
        let path = scratch(
            &format!("export-{}.json", e.key),
            example_json(e.key).unwrap_or_default().as_bytes(),
        );
        let md = run(&["export", "--format", "md", path_str(&path)]);
        assert_eq!((md.code, md.out.as_str()), (0, to_markdown(&plan).as_str()));
        let default = run(&["export", path_str(&path)]);
        assert_eq!(default.out, md.out, "md is the default format");
        let json = run(&["export", "-f", "json", path_str(&path)]);
        assert_eq!((json.code, json.out.as_str()), (0, to_json(&plan).as_str()));
    }
}

#[test]
fn export_json_migrates_and_normalises_from_stdin() {
    let r = planwright(
        &["export", "--format=json", "-"],
        Some(V1_FIXTURE.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let plan = import_str(V1_FIXTURE)
        .unwrap_or_else(|e| panic!("{e}"))
        .plan;
    assert_eq!(r.out, to_json(&plan));
    assert!(r.out.contains("\"version\": 3,"));

    // Unknown fields are dropped from the output and named on stderr.
    let r = planwright(
        &["export", "--format", "json", "-"],
        Some(br#"{"format":"planwright-plan","version":2,"colour":"blue"}"#),
    );
    assert_eq!(r.code, 0);
    assert!(!r.out.contains("colour"));
    assert_eq!(r.err, "planwright: standard input: field 'colour' is not part of format version 3 and was left out\n");
}

#[test]
fn template_writes_the_plan_without_people_dates_and_actuals() {
    for e in EXAMPLES {
        let plan = example(e.key).unwrap_or_default();
        let path = scratch(
            &format!("template-{}.json", e.key),
            example_json(e.key).unwrap_or_default().as_bytes(),
        );
        let r = run(&["template", path_str(&path)]);
        assert_eq!((r.code, r.err.as_str()), (0, ""), "{}", e.key);
        assert_eq!(r.out, to_json(&template_of(&plan)), "{}", e.key);
        for person in plan.stakeholders.iter().filter(|s| !s.name.is_empty()) {
            let quoted = format!("\"{}\"", person.name);
            assert!(
                !r.out.contains(&quoted),
                "{}: {} is still named",
                e.key,
                person.name
            );
        }
        if let Some(start) = plan.start_date {
            assert!(
                !r.out.contains(&start.to_string()),
                "{}: start date kept",
                e.key
            );
        }

        // -o writes the same text to a file, and a template of it is itself.
        let out = scratch(&format!("template-{}-out.json", e.key), b"old");
        let r = run(&["template", "-o", path_str(&out), path_str(&path)]);
        assert_eq!((r.code, r.out.as_str(), r.err.as_str()), (0, "", ""));
        let written = std::fs::read_to_string(&out).unwrap_or_default();
        assert_eq!(written, to_json(&template_of(&plan)));
        let again = run(&["template", path_str(&out)]);
        assert_eq!(
            again.out, written,
            "{}: a template of a template changed",
            e.key
        );
    }

    // Unreadable input writes nothing and names the file.
    let out = scratch("template-untouched.json", b"kept");
    let r = run(&["template", "-o", path_str(&out), "no-such-plan.json"]);
    assert_eq!((r.code, r.out.as_str()), (2, ""));
    assert!(
        r.err.starts_with("planwright: no-such-plan.json: "),
        "{}",
        r.err
    );
    assert_eq!(std::fs::read(&out).unwrap_or_default(), b"kept");
}

/// The time stamp the calendar tests fix: 2026-01-01T00:00:00Z.
const EPOCH: &str = "1767225600";

#[test]
fn export_writes_files_for_work_tools() {
    let stamp = Stamp::from_unix_seconds(1_767_225_600).expect("a valid stamp");
    for e in EXAMPLES {
        let plan = example(e.key).unwrap_or_default();
        let analysis = analyze(&plan);
        let path = scratch(
            &format!("tools-{}.json", e.key),
            example_json(e.key).unwrap_or_default().as_bytes(),
        );
        let file = path_str(&path);
        let key = ics::plan_key(&plan);
        let expected = [
            ("csv", csv::tasks(&plan, &analysis, CsvOptions::default())),
            (
                "csv-excel",
                csv::tasks(&plan, &analysis, CsvOptions { excel_bom: true }),
            ),
            ("mspdi", mspdi::write(&plan, &analysis)),
            (
                "ics",
                ics::write(
                    &plan,
                    &analysis,
                    &IcsOptions {
                        plan_id: &key,
                        stamp,
                    },
                )
                .unwrap_or_else(|e| panic!("{e}")),
            ),
        ];
        for (format, text) in expected {
            let r = planwright_env(
                &["export", file, "--format", format],
                None,
                &[("SOURCE_DATE_EPOCH", EPOCH)],
            );
            assert_eq!((r.code, r.err.as_str()), (0, ""), "{} {format}", e.key);
            assert!(
                r.out == text,
                "{} {format}: stdout differs from the core",
                e.key
            );

            // -o writes the same bytes to a file and nothing to stdout.
            let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
                .join("planwright-cli")
                .join(format!("{}.{format}", e.key));
            let r = planwright_env(
                &["export", "-f", format, "-o", path_str(&out), file],
                None,
                &[("SOURCE_DATE_EPOCH", EPOCH)],
            );
            assert_eq!((r.code, r.out.as_str(), r.err.as_str()), (0, "", ""));
            let written = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{e}"));
            assert!(written == text, "{} {format}: the file differs", e.key);
        }
    }
}

#[test]
fn export_formats_have_their_markers() {
    let path = scratch(
        "tools-finance.json",
        example_json("finance").unwrap_or_default().as_bytes(),
    );
    let file = path_str(&path);
    let env = [("SOURCE_DATE_EPOCH", EPOCH)];
    let csv = planwright_env(&["export", "-f", "csv", file], None, &env);
    assert!(csv.out.starts_with("Title,Description,Phase,"));
    assert!(csv.out.ends_with("\r\n"));
    let excel = planwright_env(&["export", "-f", "csv-excel", file], None, &env);
    assert_eq!(excel.out.strip_prefix('\u{feff}'), Some(csv.out.as_str()));
    let xml = planwright_env(&["export", "-f", "mspdi", file], None, &env);
    assert!(xml
        .out
        .contains("<Project xmlns=\"http://schemas.microsoft.com/project\">"));
    let cal = planwright_env(&["export", "-f", "ics", file], None, &env);
    assert!(cal.out.contains("DTSTAMP:20260101T000000Z\r\n"));

    // --plan-id names the events; without it they follow the title.
    let named = planwright_env(
        &["export", "-f", "ics", "--plan-id", "ap-2026", file],
        None,
        &env,
    );
    assert!(named
        .out
        .contains("UID:planwright.ap-2026.gate.phase-1\r\n"));
    let renamed = example_json("finance")
        .unwrap_or_default()
        .replace("\"title\": \"", "\"title\": \"Renamed: ");
    let again = planwright_env(
        &["export", "-f", "ics", "--plan-id", "ap-2026", "-"],
        Some(renamed.as_bytes()),
        &env,
    );
    assert_eq!(again.code, 0, "{}", again.err);
    let uids = |text: &str| -> Vec<String> {
        text.replace("\r\n ", "")
            .lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(uids(&again.out), uids(&named.out));
    assert_ne!(uids(&cal.out), uids(&named.out));
}

#[test]
fn export_failures_say_what_is_wrong() {
    // A blank plan without a start date has nothing with a date.
    let blank = to_json(&planwright_core::Plan::blank());
    let r = planwright_env(&["export", "-f", "ics", "-"], Some(blank.as_bytes()), &[]);
    assert_eq!((r.code, r.out.as_str()), (1, ""));
    assert!(
        r.err.contains("standard input: the plan has no start date"),
        "{}",
        r.err
    );

    let path = scratch(
        "tools-bad-epoch.json",
        example_json("finance").unwrap_or_default().as_bytes(),
    );
    let r = planwright_env(
        &["export", "-f", "ics", path_str(&path)],
        None,
        &[("SOURCE_DATE_EPOCH", "yesterday")],
    );
    assert_eq!((r.code, r.out.as_str()), (2, ""));
    assert_eq!(
        r.err,
        "planwright: SOURCE_DATE_EPOCH: 'yesterday' is not a whole number of seconds since 1970\n"
    );

    let nowhere = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-dir/out.csv");
    let r = run(&[
        "export",
        "-f",
        "csv",
        "-o",
        path_str(&nowhere),
        path_str(&path),
    ]);
    assert_eq!((r.code, r.out.as_str()), (2, ""));
    assert!(
        r.err.contains("out.csv: cannot write the file:"),
        "{}",
        r.err
    );
}

// Pins the defect where a key given twice silently kept its last value.
#[test]
fn repeated_keys_are_named_on_stderr_and_in_validate_json() {
    let text = br#"{"format":"planwright-plan","version":2,"title":"A","title":"B"}"#;
    let r = planwright(&["export", "--format", "json", "-"], Some(text));
    assert_eq!(r.code, 0);
    assert!(r.out.contains("\"title\": \"B\""));
    assert_eq!(
        r.err,
        "planwright: standard input: field 'title' is given more than once; only its last value was kept\n"
    );
    let r = planwright(&["validate", "--json", "-"], Some(text));
    let records: Value =
        serde_json::from_str(&r.out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", r.out));
    let repeated: Vec<&Value> = records
        .as_array()
        .expect("an array of records")
        .iter()
        .filter(|r| r["code"] == "duplicate-key")
        .collect();
    assert_eq!(repeated.len(), 1, "{}", r.out);
    assert_eq!(repeated[0]["path"], "title");
    assert_eq!(repeated[0]["severity"], "note");
}

#[test]
fn double_dash_ends_options() {
    let path = scratch(
        "--odd-name.json",
        example_json("finance").unwrap_or_default().as_bytes(),
    );
    let dir = path.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    let output = Command::new(env!("CARGO_BIN_EXE_planwright"))
        .current_dir(&dir)
        .args(["export", "--format", "json", "--", "--odd-name.json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        example_json("finance").unwrap_or_default()
    );
}

#[test]
fn schema_prints_the_committed_schema() {
    let r = run(&["schema"]);
    assert_eq!(r.code, 0);
    assert_eq!(r.out, planwright_core::format::schema::json_schema_string());
}

// ---------------------------------------------------------------------------
// score and order

fn json(r: &Run) -> Value {
    serde_json::from_str(&r.out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", r.out))
}

#[test]
fn score_and_order_help_state_their_exit_status() {
    let r = run(&["score", "--help"]);
    assert_eq!(r.code, 0);
    assert!(
        r.out.contains(
            "Exit status: 0 when the plan was read, whatever its score or findings; 2 when"
        ),
        "{}",
        r.out
    );
    let r = run(&["order", "--help"]);
    assert_eq!(r.code, 0);
    assert!(r.out.contains("Exit status: 0 when the tasks can be put in order, 1 when their dependencies loop, 2 when"), "{}", r.out);
    assert!(
        r.out
            .contains(r#"{"cycles": [[task id, ...], ...], "titles": {task id: title}}"#),
        "{}",
        r.out
    );
}

#[test]
fn as_of_adds_the_forecast_and_bad_days_are_refused() {
    let mut plan = example("finance").unwrap_or_default();
    let first = plan.tasks[0].id.clone();
    plan.tasks[0].status = planwright_core::model::TaskStatus::Done;
    plan.tasks[0].actual_start = plan.start_date;
    plan.tasks[0].actual_finish = plan.start_date;
    let path = scratch("as-of.json", to_json(&plan).as_bytes());
    let r = run(&["score", path_str(&path)]);
    assert_eq!(r.code, 0);
    assert!(
        json(&r).get("forecast").is_none(),
        "no as-of day, no forecast"
    );
    let r = run(&["score", "--as-of", "2026-04-15", path_str(&path)]);
    assert_eq!((r.code, r.err.as_str()), (0, ""));
    let f = &json(&r)["forecast"];
    assert_eq!(f["as_of"], "2026-04-15");
    let t = f["tasks"]
        .as_array()
        .and_then(|ts| ts.iter().find(|t| t["id"] == first.as_str()))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (t["state"].as_str(), t["finish"].as_str()),
        (Some("done"), Some("2026-03-02"))
    );
    assert!(f["late"].as_u64().is_some_and(|n| n > 0), "{f}");
    let r = run(&["export", "--as-of", "2026-04-15", path_str(&path)]);
    assert!(r.out.contains("### Progress as of 2026-04-15"), "{}", r.out);
    for bad in ["2026-02-30", "yesterday", ""] {
        let r = run(&["score", "--as-of", bad, path_str(&path)]);
        assert_eq!(r.code, 2, "{bad}");
        assert!(r.err.contains("--as-of"), "{}", r.err);
    }
}

#[test]
fn score_prints_readiness_risk_and_gates() {
    use planwright_core::analysis::analyze;
    for e in EXAMPLES {
        let plan = example(e.key).unwrap_or_default();
        let path = scratch(
            &format!("score-{}.json", e.key),
            example_json(e.key).unwrap_or_default().as_bytes(),
        );
        let r = run(&["score", path_str(&path)]);
        assert_eq!((r.code, r.err.as_str()), (0, ""), "{}", e.key);
        let got = json(&r);
        // Three parts, in this order.
        let at = |key: &str| r.out.find(&format!("\n  \"{key}\": {{"));
        assert!(
            at("readiness") < at("risk") && at("risk") < at("gates"),
            "{}",
            e.key
        );
        assert!(at("readiness").is_some() && got.as_object().map(|o| o.len()) == Some(3));
        let a = analyze(&plan);
        let want = serde_json::json!({
            "readiness": a.readiness,
            "risk": a.risk,
            "gates": a.gates,
        });
        assert_eq!(got, want, "{}", e.key);
        assert!(got["readiness"]["overall"].is_u64());
        assert!(got["risk"]["disclaimer"]
            .as_str()
            .is_some_and(|d| d.contains("not legal advice")));
    }
}

#[test]
fn score_exits_0_despite_validation_errors_and_reads_stdin() {
    // A dangling dependency, a duplicate id and a loop are all errors to
    // validate, but the plan can still be scored.
    let text = r#"{"format":"planwright-plan","version":2,"colour":"blue",
        "tasks":[{"id":"a","depends_on":["b","ghost"]},{"id":"b","depends_on":["a"]},{"id":"a"}]}"#;
    let r = planwright(&["score", "-"], Some(text.as_bytes()));
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(
        r.err,
        "planwright: standard input: field 'colour' is not part of format version 3 and was left out\n"
    );
    assert_eq!(json(&r)["readiness"]["band"], "not_ready");

    let r = planwright(&["score", "-"], Some(b"not json"));
    assert_eq!(r.code, 2);
    assert!(r.out.is_empty());
    assert!(
        r.err.starts_with("planwright: standard input: "),
        "{}",
        r.err
    );
}

#[test]
fn order_prints_the_schedule() {
    use planwright_core::analysis::schedule::schedule;
    for e in EXAMPLES {
        let plan = example(e.key).unwrap_or_default();
        let path = scratch(
            &format!("order-{}.json", e.key),
            example_json(e.key).unwrap_or_default().as_bytes(),
        );
        let r = run(&["order", path_str(&path)]);
        assert_eq!((r.code, r.err.as_str()), (0, ""), "{}", e.key);
        let got = json(&r);
        let s = schedule(&plan).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(got["order"], serde_json::json!(s.order));
        assert_eq!(got["critical_path"], serde_json::json!(s.critical_path));
        assert_eq!(got["total_days"], s.total_days);
        assert_eq!(got["start_date"], serde_json::json!(s.start_date));
        assert_eq!(got["finish_date"], serde_json::json!(s.finish_date));
        assert_eq!(got["warnings"], serde_json::json!(s.warnings));
        let tasks = got["tasks"].as_array().cloned().unwrap_or_default();
        assert_eq!(tasks.len(), plan.tasks.len());
        for ((t, timing), task) in tasks.iter().zip(&s.tasks).zip(&plan.tasks) {
            assert_eq!(t["id"], task.id.as_str());
            assert_eq!(t["title"], task.title.as_str());
            assert_eq!(t["earliest_start"], timing.earliest_start);
            assert_eq!(t["slack"], timing.slack);
            assert_eq!(t["critical"], timing.critical);
            assert_eq!(t["start"], serde_json::json!(timing.start));
            assert_eq!(t["finish"], serde_json::json!(timing.finish));
            assert!(t["start"].is_string(), "the examples have a start date");
        }
    }
}

#[test]
fn order_exits_1_on_a_loop_and_names_every_task() {
    let text = r#"{"format":"planwright-plan","version":2,"tasks":[
        {"id":"a","title":"Draft the policy","depends_on":["c"]},
        {"id":"b","title":"Review it","depends_on":["a"]},
        {"id":"c","title":"Approve it","depends_on":["b"]},
        {"id":"d","title":"Sign\u001b[31m off","depends_on":["d"]},
        {"id":"e","title":"","depends_on":["f"]},
        {"id":"f","title":"Unrelated?","depends_on":["e"]},
        {"id":"g","title":"Fine"}]}"#;
    let path = scratch("loops.json", text.as_bytes());
    let r = run(&["order", path_str(&path)]);
    assert_eq!(r.code, 1, "{}", r.err);
    let got = json(&r);
    assert_eq!(
        got["cycles"],
        serde_json::json!([["a", "b", "c"], ["d"], ["e", "f"]])
    );
    assert_eq!(got["titles"]["a"], "Draft the policy");
    assert_eq!(
        r.err,
        format!(
            "planwright: {}: the tasks cannot be put in order: their dependencies form 3 loops.\n\
             \x20 loop 1: 'Draft the policy', 'Review it', 'Approve it'\n\
             \x20 loop 2: 'Sign [31m off' depends on itself\n\
             \x20 loop 3: unnamed task 5, 'Unrelated?'\n\
             Remove one dependency from each loop.\n",
            path.display()
        )
    );

    // Two tasks that would read the same are told apart by their ids.
    let twins = r#"{"format":"planwright-plan","version":2,"tasks":[
        {"id":"r1","title":"Review","depends_on":["r2"]},
        {"id":"r2","title":"Review","depends_on":["r1"]}]}"#;
    let r = planwright(&["order", "-"], Some(twins.as_bytes()));
    assert_eq!(r.code, 1, "{}", r.err);
    assert!(
        r.err
            .contains("  loop 1: 'Review' (id r1), 'Review' (id r2)\n"),
        "{}",
        r.err
    );

    // The same from standard input.
    let r = planwright(&["order", "-"], Some(text.as_bytes()));
    assert_eq!(r.code, 1);
    assert!(
        r.err
            .starts_with("planwright: standard input: the tasks cannot be put in order"),
        "{}",
        r.err
    );
}

#[test]
fn order_of_a_plan_without_tasks_or_dates() {
    let r = planwright(
        &["order", "-"],
        Some(br#"{"format":"planwright-plan","version":2}"#),
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let got = json(&r);
    assert_eq!(got["total_days"], 0);
    assert_eq!(got["order"], serde_json::json!([]));
    assert_eq!(got["start_date"], Value::Null);

    let r = planwright(
        &["order", "-"],
        Some(br#"{"format":"planwright-plan","version":2,"tasks":[{"id":"a","duration_days":3}]}"#),
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let got = json(&r);
    assert_eq!(got["tasks"][0]["start"], Value::Null);
    assert_eq!(got["total_days"], 3);
    assert_eq!(got["critical_path"], serde_json::json!(["a"]));

    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-order.json");
    let r = run(&["order", path_str(&missing)]);
    assert_eq!(r.code, 2);
    assert!(r.out.is_empty());
}

#[test]
fn a_markdown_export_is_read_back_as_its_plan() {
    let plan = example("finance").unwrap_or_default();
    // Edited in a wiki: a heading renamed, a paragraph added.
    let doc = to_markdown(&plan)
        .replacen("## At a glance", "## Summary for the board", 1)
        .replacen("\n\n", "\n\nReviewed on Monday.\n\n", 1);
    let path = scratch("finance-export.md", doc.as_bytes());
    let json = run(&["export", "-f", "json", path_str(&path)]);
    assert_eq!(
        (json.code, json.out.as_str()),
        (0, to_json(&plan).as_str()),
        "{}",
        json.err
    );
    let score = run(&["score", path_str(&path)]);
    assert_eq!(score.code, 0, "{}", score.err);
    // From standard input, with no name to go by.
    let piped = planwright(&["validate", "-"], Some(doc.as_bytes()));
    assert_eq!(piped.code, 0, "{}", piped.err);
    // A Markdown file without the plan says so.
    let bare = scratch("notes.md", b"# Notes\n\nNo plan in here.\n");
    let r = run(&["validate", path_str(&bare)]);
    assert_eq!(r.code, 2);
    assert!(
        r.err
            .contains("notes.md: This Markdown file has no Planwright plan inside"),
        "{}",
        r.err
    );
}

const PORTFOLIO_FIXTURE: &str =
    include_str!("../../planwright-core/tests/fixtures/portfolio-v1.json");

/// The three shipped example plans as files in the scratch directory.
fn example_files() -> Vec<String> {
    EXAMPLES
        .iter()
        .map(|e| {
            let text = example_json(e.key).unwrap_or_default();
            path_str(&scratch(&format!("{}.json", e.key), text.as_bytes())).to_string()
        })
        .collect()
}

/// Keys of the ranked initiatives in a `portfolio --format json` report,
/// best first.
fn ranking(r: &Run) -> Vec<String> {
    json(r)["ranked"]
        .as_array()
        .map(|ranked| {
            ranked
                .iter()
                .map(|i| i["key"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn portfolio_ranks_plan_files_named_by_their_file_names() {
    let files = example_files();
    let mut args = vec!["portfolio"];
    args.extend(files.iter().map(String::as_str));
    let r = run(&args);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.err.is_empty(), "{}", r.err);
    assert!(
        r.out
            .starts_with("Untitled portfolio: 3 initiatives, at most 3 in deployment at once\n"),
        "{}",
        r.out
    );
    for heading in [
        "\nRanking rule\n",
        "\nRanking\n",
        "\nShared foundation\n",
        "\nRoadmap\n",
        "\nWarnings\n",
    ] {
        assert!(r.out.contains(heading), "no {heading:?} in\n{}", r.out);
    }
    // Each initiative once, with its key from the file name and its reasons.
    for e in EXAMPLES {
        assert_eq!(
            r.out.matches(&format!("({}): score ", e.key)).count(),
            1,
            "{}",
            r.out
        );
    }
    assert!(r.out.contains("\n  1. '"), "{}", r.out);
    assert!(r.out.contains("     - Readiness "), "{}", r.out);
    args.extend(["--format", "json"]);
    let mut keys = ranking(&run(&args));
    keys.sort();
    assert_eq!(keys, ["customer-support", "finance", "personalization"]);
}

#[test]
fn portfolio_reads_a_portfolio_file_and_the_options_override_it() {
    let path = scratch("operations.json", PORTFOLIO_FIXTURE.as_bytes());
    let file = path_str(&path);
    let r = run(&["portfolio", file, "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let report = json(&r);
    assert_eq!(report["portfolio"]["name"], "Operations AI portfolio 2026");
    assert_eq!(report["portfolio"]["capacity"], 2);
    for field in ["rule", "ranked", "warnings", "shared"] {
        assert!(report[field].is_array(), "{field}");
    }
    for field in [
        "tasks",
        "critical_path",
        "total_days",
        "setup_days_alone",
        "setup_days_shared",
        "setup_days_saved",
    ] {
        assert!(!report["roadmap"][field].is_null(), "roadmap.{field}");
    }
    let ranks: Vec<u64> = report["ranked"]
        .as_array()
        .map(|a| a.iter().filter_map(|i| i["rank"].as_u64()).collect())
        .unwrap_or_default();
    assert_eq!(ranks, [1, 2, 3]);

    // Value alone puts the largest yearly figure first; readiness alone the
    // most ready plan.
    let by_value = run(&[
        "portfolio",
        file,
        "-f",
        "json",
        "--weights",
        "value=5,readiness=0,risk=0,effort=0",
    ]);
    assert_eq!(
        ranking(&by_value)[0],
        "customer-support",
        "{}",
        by_value.out
    );
    let by_readiness = run(&[
        "portfolio",
        file,
        "-f",
        "json",
        "--weights",
        "readiness=5,value=0,risk=0,effort=0",
    ]);
    assert_eq!(ranking(&by_readiness)[0], "finance", "{}", by_readiness.out);
    assert_eq!(
        json(&by_readiness)["portfolio"]["weights"],
        serde_json::json!({"value": 0, "readiness": 5, "risk": 0, "effort": 0})
    );
    // Weights not given keep the file's.
    let partial = run(&["portfolio", file, "-f", "json", "--weights", "effort=4"]);
    assert_eq!(
        json(&partial)["portfolio"]["weights"],
        serde_json::json!({"value": 3, "readiness": 2, "risk": 2, "effort": 4})
    );

    let renamed = run(&[
        "portfolio",
        file,
        "-f",
        "json",
        "--capacity",
        "1",
        "--name",
        "Back office",
    ]);
    assert_eq!(json(&renamed)["portfolio"]["capacity"], 1);
    assert_eq!(json(&renamed)["portfolio"]["name"], "Back office");

    let md = run(&["portfolio", file, "--format", "md"]);
    assert_eq!(md.code, 0, "{}", md.err);
    assert!(
        md.out.starts_with("# Operations AI portfolio 2026\n"),
        "{}",
        md.out
    );
    assert!(
        md.out.contains("\n```mermaid\nquadrantChart\n"),
        "{}",
        md.out
    );
    assert!(
        md.out.contains("| Rank | Initiative | Score |"),
        "{}",
        md.out
    );

    // The text names the shared foundation, the roadmap's length, dates
    // and critical path, its tasks by whom they serve, and the warnings.
    let text = run(&["portfolio", file]);
    assert_eq!(text.code, 0, "{}", text.err);
    for words in [
        "Operations AI portfolio 2026: 3 initiatives, at most 2 in deployment at once\n",
        "\n  - Foundation deliverable 'Governance framework': in 3 plans; unlocks ",
        "\nRoadmap\n  ",
        " working days, 2026-01-12 to 2026-",
        "\n  Critical path: ",
        " [shared]\n",
        " [finance]\n",
        "\nWarnings\n  - 'Personalised \"next read\" recommendations' has no business owner",
    ] {
        assert!(text.out.contains(words), "no {words:?} in\n{}", text.out);
    }

    // From standard input too.
    let piped = planwright(&["portfolio", "-"], Some(PORTFOLIO_FIXTURE.as_bytes()));
    assert_eq!(
        (piped.code, piped.out.as_str()),
        (0, run(&["portfolio", file]).out.as_str())
    );
}

#[test]
fn portfolio_weights_that_are_wrong_exit_2_naming_the_part() {
    let files = example_files();
    for (weights, message) in [
        (
            "value=x",
            "'value=x': the weight should be a whole number from 0 to 5",
        ),
        (
            "value=3,speed=2",
            "'speed=2': there is no weight called 'speed'",
        ),
        ("risk=9", "'risk=9': a weight goes from 0 (left out) to 5"),
        ("value", "'value' has no '='"),
    ] {
        let r = run(&["portfolio", "--weights", weights, &files[0]]);
        assert_eq!(r.code, 2, "{weights}");
        assert!(r.out.is_empty());
        assert!(r.err.contains(message), "{weights}: {}", r.err);
        assert!(r.err.contains("Usage: planwright portfolio"), "{}", r.err);
    }
    for capacity in ["0", "two", "-1"] {
        let r = run(&["portfolio", "--capacity", capacity, &files[0]]);
        assert_eq!(r.code, 2, "{capacity}: {}", r.err);
    }
    let r = run(&["portfolio", "--format", "pdf", &files[0]]);
    assert_eq!(r.code, 2);
    let r = run(&["portfolio"]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("FILE"), "{}", r.err);
}

#[test]
fn portfolio_files_and_plan_files_are_told_apart() {
    let portfolio = scratch("mixed-portfolio.json", PORTFOLIO_FIXTURE.as_bytes());
    let files = example_files();
    let r = run(&["portfolio", &files[0], path_str(&portfolio)]);
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("mixed-portfolio.json: this is a portfolio file, which carries its own plans; give it on its own"),
        "{}",
        r.err
    );
    // The plan commands point a portfolio file to the right place.
    let r = run(&["validate", path_str(&portfolio)]);
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("This is a Planwright portfolio file"),
        "{}",
        r.err
    );
    assert!(r.err.contains("import it as a portfolio"), "{}", r.err);
    // The same plan twice gets a second key rather than replacing the first.
    let r = run(&["portfolio", "-f", "json", &files[1], &files[1]]);
    assert_eq!(r.code, 0, "{}", r.err);
    let mut keys = ranking(&r);
    keys.sort();
    assert_eq!(keys, ["finance", "finance-2"]);
}

#[test]
fn portfolio_notes_what_its_file_gets_wrong_and_refuses_what_it_cannot_read() {
    let odd = PORTFOLIO_FIXTURE
        .replacen(
            "\"capacity\": 2,",
            "\"capacity\": 2, \"colour\": \"red\",",
            1,
        )
        .replacen("\"key\": \"finance\",", "\"key\": \"ghost\",", 1);
    let path = scratch("odd-portfolio.json", odd.as_bytes());
    let r = run(&["portfolio", path_str(&path)]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.err.contains("odd-portfolio.json: These fields are not part of a Planwright portfolio and were left out: portfolio.colour."), "{}", r.err);
    assert!(
        r.err
            .contains("The file carries no plan for the member with the key 'ghost'"),
        "{}",
        r.err
    );
    assert!(
        r.err
            .contains("No member names the plan with the key 'finance'"),
        "{}",
        r.err
    );

    let newer = PORTFOLIO_FIXTURE.replacen("\"version\": 1,", "\"version\": 7,", 1);
    let path = scratch("newer-portfolio.json", newer.as_bytes());
    let r = run(&["portfolio", path_str(&path)]);
    assert_eq!(r.code, 2);
    assert!(r.out.is_empty());
    assert!(
        r.err
            .contains("newer-portfolio.json: This portfolio was saved in format version 7"),
        "{}",
        r.err
    );

    let wrong = PORTFOLIO_FIXTURE.replacen(
        "\"duration_days\": ",
        "\"duration_days\": \"x\", \"was\": ",
        1,
    );
    let path = scratch("wrong-portfolio.json", wrong.as_bytes());
    let r = run(&["portfolio", path_str(&path)]);
    assert_eq!(r.code, 2);
    assert!(
        r.err
            .contains(": At plans[0].plan.tasks[0].duration_days: invalid type"),
        "{}",
        r.err
    );

    let r = run(&["portfolio", "no-such-portfolio.json"]);
    assert_eq!(r.code, 2);
    assert!(
        r.err
            .contains("no-such-portfolio.json: cannot read the file"),
        "{}",
        r.err
    );
}

#[test]
fn portfolio_help_explains_the_command() {
    let r = run(&["--help"]);
    assert!(r.out.contains("\n  portfolio "), "{}", r.out);
    let r = run(&["portfolio", "--help"]);
    assert_eq!(r.code, 0);
    assert!(
        r.out.starts_with("Usage: planwright portfolio"),
        "{}",
        r.out
    );
    for words in [
        "--weights",
        "--capacity",
        "--name",
        "planwright-portfolio",
        "setup_days_saved",
        "Exit status",
    ] {
        assert!(r.out.contains(words), "no {words} in\n{}", r.out);
    }
}

#[test]
fn portfolio_refuses_files_over_each_kind_of_limit() {
    // Over the portfolio file's limit: refused from its size alone.
    let path = scratch("huge-portfolio.json", b"");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    file.set_len(70_000_000).unwrap_or_else(|e| panic!("{e}"));
    drop(file);
    let started = Instant::now();
    let r = run(&["portfolio", path_str(&path)]);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(r.code, 2);
    assert!(
        r.err
            .contains("The file is 70.0 MB; portfolio files larger than 64 MB are refused"),
        "{}",
        r.err
    );
    let _ = std::fs::remove_file(&path);
    // A plan file between the two limits is a plan too large, not a
    // portfolio.
    let title = "x".repeat(MAX_BYTES);
    let plan = format!(r#"{{"format":"planwright-plan","version":2,"title":"{title}"}}"#);
    let path = scratch("large-plan.json", plan.as_bytes());
    let r = run(&["portfolio", path_str(&path)]);
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("plans larger than 16 MB are refused"),
        "{}",
        r.err
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn diff_show_and_merge_exit_by_outcome_and_refuse_unreadable_input() {
    let base_text = example_json("finance").unwrap_or_else(|| panic!("the finance example exists"));
    let base = scratch("diff-base.json", base_text.as_bytes());
    let mut plan = import_str(base_text)
        .unwrap_or_else(|e| panic!("the example imports: {e}"))
        .plan;
    plan.tasks[0].duration_days = Some(41);
    let first = plan.tasks[0].id.clone();
    let changed = scratch("diff-changed.json", to_json(&plan).as_bytes());
    let broken = scratch("diff-broken.json", b"{ not json");

    let r = run(&["diff", path_str(&base), path_str(&base)]);
    assert_eq!((r.code, r.err.as_str()), (0, ""));
    assert!(r.out.contains("No changes"), "{}", r.out);
    let r = run(&["diff", path_str(&base), path_str(&changed)]);
    assert_eq!(r.code, 1, "{}", r.err);
    assert!(r.out.contains("## Tasks\n"), "{}", r.out);
    assert!(r.out.contains(": duration\\_days: "), "{}", r.out);
    let r = planwright(
        &["diff", "--format", "json", path_str(&base), "-"],
        Some(to_json(&plan).as_bytes()),
    );
    assert_eq!(r.code, 1, "{}", r.err);
    let json: Value = serde_json::from_str(&r.out).unwrap_or_else(|e| panic!("{e}: {}", r.out));
    assert_eq!(
        json["sections"][0]["changes"][0]["path"],
        format!("tasks[id={first}].duration_days")
    );
    let r = run(&["diff", path_str(&base), path_str(&broken)]);
    assert_eq!(r.code, 2);
    assert!(r.out.is_empty());
    assert!(r.err.contains("diff-broken.json: Line 1"), "{}", r.err);

    let r = run(&["show", path_str(&changed)]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out
            .contains(&format!("\ntasks[id={first}].duration_days = 41\n")),
        "{}",
        r.out
    );
    let r = run(&["show", path_str(&broken)]);
    assert_eq!((r.code, r.out.as_str()), (2, ""));

    // A failed merge leaves OURS as it was.
    let ours = scratch("merge-ours.json", to_json(&plan).as_bytes());
    let r = run(&["merge", path_str(&base), path_str(&ours), path_str(&broken)]);
    assert_eq!(r.code, 2);
    assert_eq!(std::fs::read_to_string(&ours).ok(), Some(to_json(&plan)));
    // A clean merge to standard output leaves it too, and writes a plan file.
    let r = run(&[
        "merge",
        "-o",
        "-",
        path_str(&base),
        path_str(&ours),
        path_str(&base),
    ]);
    assert_eq!((r.code, r.err.as_str()), (0, ""));
    assert_eq!(r.out, to_json(&plan));
    // With a conflict the file is written, exit 1, and each conflict named.
    let mut theirs_plan = plan.clone();
    theirs_plan.tasks[0].duration_days = Some(2);
    let theirs = scratch("merge-theirs.json", to_json(&theirs_plan).as_bytes());
    let r = run(&["merge", path_str(&base), path_str(&ours), path_str(&theirs)]);
    assert_eq!(r.code, 1);
    assert!(
        r.err
            .contains(&format!("conflict at tasks[id={first}].duration_days")),
        "{}",
        r.err
    );
    assert!(r.err.contains("ours 41, theirs 2"), "{}", r.err);
    let merged = std::fs::read_to_string(&ours).unwrap_or_default();
    let merged = import_str(&merged).unwrap_or_else(|e| panic!("{e}")).plan;
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.tasks[0].duration_days, Some(41));
}

/// The finance example as a plan file in the scratch directory.
fn finance_file(name: &str) -> PathBuf {
    let r = run(&["example", "finance"]);
    assert_eq!(r.code, 0, "{}", r.err);
    scratch(name, r.out.as_bytes())
}

#[test]
fn baseline_adds_a_snapshot_and_compare_finds_nothing_moved() {
    let path = finance_file("baseline-finance.json");
    let file = path_str(&path);
    let r = run(&[
        "baseline",
        file,
        "--name",
        "Kickoff",
        "--as-of",
        "2026-03-02",
    ]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.is_empty());
    assert!(
        r.err
            .contains("baseline 'Kickoff' (id b-1) set on 2026-03-02"),
        "{}",
        r.err
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let plan = import_str(&text).unwrap_or_else(|e| panic!("{e}")).plan;
    assert_eq!(plan.baselines.len(), 1);
    assert_eq!(plan.baselines[0].name, "Kickoff");

    let r = run(&["compare", file]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out
            .starts_with("# Changes since baseline Kickoff (2026-03-02)\n"),
        "{}",
        r.out
    );
    assert!(r.out.contains("Nothing has moved"), "{}", r.out);

    let r = run(&["compare", file, "--baseline", "b-1", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let json: Value = serde_json::from_str(&r.out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["name"], "Kickoff");
    assert!(json["tasks"].as_array().is_some_and(|t| !t.is_empty()));

    let r = run(&["compare", file, "--baseline", "Last year"]);
    assert_eq!(r.code, 2);
    assert!(
        r.err
            .contains("there is no baseline 'Last year'; the plan has 'Kickoff'"),
        "{}",
        r.err
    );
}

#[test]
fn baseline_writes_to_out_or_standard_output_and_refuses_bad_input() {
    let path = finance_file("baseline-out.json");
    let out = scratch("baseline-out-2.json", b"");
    let r = run(&["baseline", path_str(&path), "-n", "A", "-o", path_str(&out)]);
    assert_eq!(r.code, 0, "{}", r.err);
    let written = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        import_str(&written).map(|i| i.plan.baselines.len()).ok(),
        Some(1)
    );
    let before = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !before.contains("\"baselines\": [\n"),
        "FILE is left alone with -o"
    );

    let r = planwright(
        &["baseline", "-", "--name", "From a pipe"],
        Some(before.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("From a pipe"));

    let r = run(&["baseline", path_str(&path), "--name", "  "]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("give the baseline a name"), "{}", r.err);
    let r = run(&["baseline", "no-such-plan.json", "--name", "x"]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("cannot read the file"), "{}", r.err);
    let r = run(&["compare", path_str(&path)]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("the plan has no baselines yet"), "{}", r.err);
}

#[test]
fn compare_two_files_shows_the_slip() {
    let old = finance_file("compare-old.json");
    let text = std::fs::read_to_string(&old).unwrap_or_else(|e| panic!("{e}"));
    let mut plan = import_str(&text).unwrap_or_else(|e| panic!("{e}")).plan;
    let first = plan.tasks[0].duration_days.unwrap_or(0);
    plan.tasks[0].duration_days = Some(first + 5);
    let new = scratch("compare-new.json", to_json(&plan).as_bytes());
    let r = run(&["compare", path_str(&old), path_str(&new)]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("**Tasks that moved:**"), "{}", r.out);
    assert!(r.out.contains("5 working days later"), "{}", r.out);
    let r = run(&["compare", path_str(&old), path_str(&new), "--baseline", "x"]);
    assert_eq!(r.code, 2);
}

#[test]
fn status_prints_the_weekly_report() {
    let path = finance_file("status-finance.json");
    let r = run(&["status", path_str(&path), "--as-of", "2026-04-01"]);
    assert_eq!(r.code, 0, "{}", r.err);
    for words in [
        "**Status report as of 2026-04-01.**",
        "### Late",
        "### Next two weeks",
        "### Waiting on someone",
    ] {
        assert!(r.out.contains(words), "no {words} in\n{}", r.out);
    }
    let r = run(&["status", "no-such-plan.json"]);
    assert_eq!(r.code, 2);
    let r = run(&["status", "--help"]);
    assert!(r.out.starts_with("Usage: planwright status"), "{}", r.out);
}
