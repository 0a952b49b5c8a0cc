//! Writes the plans that `make test-interop` exports and reads back with
//! other programs' readers (Python's `csv`, MPXJ, `icalendar`):
//! `cargo run -p planwright-core --example interop_plans -- DIR`.
//!
//! The plans are the three worked examples, the rich test plan, two
//! generated plans (300 and 2,000 tasks), a plan of hostile text (quotes,
//! commas, line breaks, formula prefixes, control characters, right-to-left
//! and astral characters, an e-mail address in a stakeholder's notes) and a
//! plan whose dependencies loop. Each is written as `DIR/NAME.json` in the
//! plan file format; the same run always writes the same bytes.

use std::path::PathBuf;

use planwright_core::format::examples::{example_json, EXAMPLES};
use planwright_core::format::file::to_json;
use planwright_core::model::{
    AdoptionMilestone, Cadence, FeedbackLoop, Handoff, Id, Plan, Stakeholder, Task, TaskStatus,
};
use planwright_core::testing::{random_plan, rich, task};

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: interop_plans DIR");
        std::process::exit(2);
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("interop_plans: cannot create {}: {e}", dir.display());
        std::process::exit(2);
    }
    let mut plans: Vec<(String, String)> = EXAMPLES
        .iter()
        .filter_map(|e| Some((e.key.to_string(), example_json(e.key)?.to_string())))
        .collect();
    plans.push(("rich".to_string(), to_json(&rich())));
    plans.push(("generated-300".to_string(), to_json(&random_plan(300, 11))));
    plans.push((
        "generated-2000".to_string(),
        to_json(&random_plan(2000, 12)),
    ));
    plans.push(("hostile".to_string(), to_json(&hostile())));
    plans.push(("looped".to_string(), to_json(&looped())));
    for (name, text) in &plans {
        let path = dir.join(format!("{name}.json"));
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("interop_plans: cannot write {}: {e}", path.display());
            std::process::exit(2);
        }
    }
    println!("wrote {} plans to {}", plans.len(), dir.display());
}

/// Text that breaks naive writers, in every field the exports carry.
fn hostile() -> Plan {
    let mut plan = rich();
    plan.title = "Claims, \"triage\"; pilot\n=HYPERLINK(\"x\")".to_string();
    plan.stakeholders.push(Stakeholder {
        id: Id::from("p-mail"),
        name: "Zoë \"Z\" O'Neil, MSc".to_string(),
        role: "Lead; claims\\ops".to_string(),
        notes: "Reach her at zoe.oneil@example.com or on chat.".to_string(),
        ..Stakeholder::default()
    });
    let nasty = [
        "=1+2",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
        "\tTabbed",
        "Comma, \"quote\" and\nnew line",
        "Right-to-left \u{202E}txet\u{202C} and emoji 🎉 and 日本語",
        "Bell\u{7} escape\u{1b}[31m nul\u{0} end",
        "Back\\slash; semi, colon: done",
        "A very long title that goes on and on so that every line of a calendar has to be folded more than once, with é and 日本 at the fold",
    ];
    for (n, title) in nasty.iter().enumerate() {
        let mut t = task(&format!("h-{n}"), (n % 4) as u32, &["t-1"]);
        t.title = title.to_string();
        t.notes = format!("Notes for {title}\r\nsecond line, \"quoted\"");
        t.phase = Some(Id::from("phase-2"));
        t.owner = Some(Id::from(if n % 2 == 0 { "p-mail" } else { "nobody-here" }));
        t.status = [
            TaskStatus::Todo,
            TaskStatus::InProgress,
            TaskStatus::Blocked,
        ][n % 3];
        plan.tasks.push(t);
    }
    plan.tasks.push(Task {
        id: Id::from("h-dangling"),
        title: "Waits for a task that is not there".to_string(),
        phase: Some(Id::from("no-such-phase")),
        duration_days: None,
        depends_on: vec![Id::from("ghost"), Id::from("h-0"), Id::from("h-0")],
        ..Task::default()
    });
    plan.handoffs.push(Handoff {
        id: Id::from("hand-hostile"),
        name: "=Approve, \"now\"".to_string(),
        from: Some(Id::from("p-mail")),
        to: Some(Id::from("ghost")),
        approver: Some(Id::from("p-mail")),
        channel: "Queue; \"urgent\"".to_string(),
        context: "Line one\nLine two, with comma".to_string(),
        turnaround_days: Some(2),
        escalation: "-escalate".to_string(),
    });
    plan.feedback.loops.push(FeedbackLoop {
        id: Id::from("loop-q"),
        signal: "Quarterly, \"deep\" review; with \\ backslash".to_string(),
        cadence: Cadence::Quarterly,
        owner: Some(Id::from("p-mail")),
        threshold: "Any drift".to_string(),
        action: "Retrain".to_string(),
    });
    plan.change.milestones.push(AdoptionMilestone {
        id: Id::from("adopt-hostile"),
        name: "Half the team, \"daily\"".to_string(),
        measure: "Weekly active; ≥ 50%".to_string(),
        due: "2026-06-30".parse().ok(),
        owner: Some(Id::from("p-mail")),
        ..AdoptionMilestone::default()
    });
    plan
}

/// The rich plan with two loops: t-1 waits for t-9, and a task waits for
/// itself.
fn looped() -> Plan {
    let mut plan = rich();
    if let Some(first) = plan.tasks.first_mut() {
        first.depends_on.push(Id::from("t-9"));
    }
    plan.tasks.push(task("self", 2, &["self", "t-2"]));
    plan
}
