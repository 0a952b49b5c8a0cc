//! `planwright portfolio FILE...`: several initiatives ranked, their shared
//! foundation, and one roadmap for them all.
//!
//! Contract: the files are plan files, each one member named by its file
//! name (`claims.json` is `claims`; a repeated name gets `-2`, `-3`), or a
//! single portfolio file, whose settings `--weights`, `--capacity` and
//! `--name` override. Every decision is the core's
//! [`analyze`]; this module only
//! prints it: as text, as the Markdown document
//! ([`export::markdown::portfolio`](planwright_core::export::markdown::portfolio)),
//! or as one JSON object whose fields are listed in [`Report`] and
//! `planwright portfolio --help`. What import changed or could not match
//! goes to standard error. Exits 0 once the files were read. User text
//! written to the terminal has its control characters replaced.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use planwright_core::analysis::schedule::CycleError;
use planwright_core::export::markdown::portfolio::{effort_text, to_markdown, value_text};
use planwright_core::portfolio::{
    analyze, Initiative, Member, Portfolio, PortfolioAnalysis, Ranked, SharedItem, Warning,
};
use planwright_core::text::{and_list, plural};
use planwright_core::{Choice, Date, Id, Plan};
use serde::Serialize;

use crate::cli::{PortfolioArgs, PortfolioFormat, WeightsArg};
use crate::shared::{load_any, Failure, Loaded, Output, BIN};

/// What `portfolio --format json` prints: the analysis with the settings
/// it used. Field names are stable; fields may be added.
#[derive(Serialize)]
struct Report<'a> {
    /// Name, capacity, weights, start date, members and links used.
    portfolio: &'a Portfolio,
    /// The ranking rule in words.
    rule: &'a [String],
    /// Best first; each with its score, parts, value, readiness, band,
    /// tier, effort, fit, quadrant and reasons.
    ranked: &'a [Ranked],
    /// What to act on: kind, message, members.
    warnings: &'a [Warning],
    /// Items two or more plans have: kind, name, uses, unlocks, linked.
    shared: &'a [SharedItem],
    /// The portfolio roadmap.
    roadmap: RoadmapReport<'a>,
}

/// The roadmap part of [`Report`].
#[derive(Serialize)]
struct RoadmapReport<'a> {
    /// Each task of the roadmap, in the roadmap plan's order.
    tasks: Vec<RoadmapTask<'a>>,
    /// Ids of one longest chain of tasks (empty when they loop).
    critical_path: &'a [Id],
    /// Working days from the first start to the last finish.
    total_days: u64,
    /// First and last working day, when the roadmap has a start date.
    start_date: Option<Date>,
    finish_date: Option<Date>,
    /// The loops, as `order` prints them, when tasks wait on each other;
    /// else null.
    cycles: Option<&'a CycleError>,
    /// Task-days of foundation work if each plan ran alone, done once in
    /// the portfolio, and their difference.
    setup_days_alone: u64,
    setup_days_shared: u64,
    setup_days_saved: u64,
}

/// One roadmap task in [`RoadmapReport`].
#[derive(Serialize)]
struct RoadmapTask<'a> {
    id: &'a Id,
    title: &'a str,
    /// The member it comes from; null for shared foundation work.
    member: Option<&'a str>,
    /// For shared work, its index in `shared`.
    shared: Option<usize>,
    duration_days: u32,
    depends_on: &'a [Id],
    /// Working-day offsets from the start, and calendar days when known;
    /// null when the tasks loop.
    earliest_start: Option<u64>,
    earliest_finish: Option<u64>,
    start: Option<Date>,
    finish: Option<Date>,
    critical: bool,
}

/// Prints the portfolio; exits 0 once every file was read.
pub fn run(args: &PortfolioArgs, out: &mut Output) -> Result<u8, Failure> {
    let (mut portfolio, plans) = load(&args.files, out)?;
    apply(&mut portfolio, args);
    let initiatives: Vec<Initiative<'_>> = plans
        .iter()
        .map(|(key, plan)| Initiative { key, plan })
        .collect();
    let analysis = analyze(&portfolio, &initiatives);
    match args.format {
        PortfolioFormat::Text => out.print(&text(&portfolio, &analysis)),
        PortfolioFormat::Md => out.print(&to_markdown(&portfolio, &analysis)),
        PortfolioFormat::Json => out.print_json(&report(&portfolio, &analysis)),
    }
    Ok(0)
}

/// The portfolio and its plans by key, from plan files or one portfolio
/// file; notes on standard error what import changed.
fn load(
    files: &[std::path::PathBuf],
    out: &mut Output,
) -> Result<(Portfolio, Vec<(String, Plan)>), Failure> {
    let mut portfolio = Portfolio::default();
    let mut plans: Vec<(String, Plan)> = Vec::new();
    for path in files {
        let (source, loaded) = load_any(path)?;
        match loaded {
            Loaded::Portfolio(imported) if files.len() == 1 => {
                for change in imported.changes() {
                    out.note(&format!("{BIN}: {source}: {}\n", printable(&change)));
                }
                let imported = *imported;
                portfolio = imported.portfolio;
                plans = imported
                    .plans
                    .into_iter()
                    .map(|p| (p.key, p.imported.plan))
                    .collect();
            }
            Loaded::Portfolio(_) => {
                return Err(Failure {
                    source,
                    message: "this is a portfolio file, which carries its own plans; give it on its own, or give plan files only.".to_string(),
                })
            }
            Loaded::Plan(imported) => {
                out.note_unknown_fields(&source, &imported);
                let key = unique_key(&key_of(path), &plans);
                portfolio.members.push(Member {
                    key: key.clone(),
                    ..Member::default()
                });
                plans.push((key, imported.plan));
            }
        }
    }
    Ok((portfolio, plans))
}

/// The key a plan file gives its member: the file name without its
/// extension (`stdin` for standard input).
fn key_of(path: &Path) -> String {
    if path == Path::new("-") {
        return "stdin".to_string();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem.trim().is_empty() {
        "plan".to_string()
    } else {
        stem
    }
}

/// `key`, or `key-2`, `key-3`… when an earlier plan has it.
fn unique_key(key: &str, plans: &[(String, Plan)]) -> String {
    let taken = |k: &str| plans.iter().any(|(p, _)| p == k);
    if !taken(key) {
        return key.to_string();
    }
    (2..)
        .map(|n| format!("{key}-{n}"))
        .find(|k| !taken(k))
        .unwrap_or_default()
}

/// The options over the file's settings.
fn apply(portfolio: &mut Portfolio, args: &PortfolioArgs) {
    if let Some(name) = &args.name {
        portfolio.name.clone_from(name);
    }
    if let Some(capacity) = args.capacity {
        portfolio.capacity = capacity;
    }
    if let Some(WeightsArg {
        value,
        readiness,
        risk,
        effort,
    }) = args.weights
    {
        let w = &mut portfolio.weights;
        for (given, slot) in [
            (value, &mut w.value),
            (readiness, &mut w.readiness),
            (risk, &mut w.risk),
            (effort, &mut w.effort),
        ] {
            if let Some(given) = given {
                *slot = given;
            }
        }
    }
}

/// The JSON report.
fn report<'a>(portfolio: &'a Portfolio, a: &'a PortfolioAnalysis) -> Report<'a> {
    let roadmap = &a.roadmap;
    let schedule = roadmap.schedule.as_ref().ok();
    let tasks = roadmap
        .plan
        .tasks
        .iter()
        .enumerate()
        .map(|(i, task)| {
            let origin = roadmap.origin.get(i);
            let timing = schedule.and_then(|s| s.tasks.get(i));
            RoadmapTask {
                id: &task.id,
                title: &task.title,
                member: origin.and_then(|o| o.member.as_deref()),
                shared: origin.and_then(|o| o.shared),
                duration_days: task.duration_days.unwrap_or(0),
                depends_on: &task.depends_on,
                earliest_start: timing.map(|t| t.earliest_start),
                earliest_finish: timing.map(|t| t.earliest_finish),
                start: timing.and_then(|t| t.start),
                finish: timing.and_then(|t| t.finish),
                critical: timing.is_some_and(|t| t.critical),
            }
        })
        .collect();
    Report {
        portfolio,
        rule: &a.rule,
        ranked: &a.ranked,
        warnings: &a.warnings,
        shared: &a.shared,
        roadmap: RoadmapReport {
            tasks,
            critical_path: schedule.map_or(&[], |s| s.critical_path.as_slice()),
            total_days: schedule.map_or(0, |s| s.total_days),
            start_date: schedule.and_then(|s| s.start_date),
            finish_date: schedule.and_then(|s| s.finish_date),
            cycles: roadmap.schedule.as_ref().err(),
            setup_days_alone: roadmap.setup_days_alone,
            setup_days_shared: roadmap.setup_days_shared,
            setup_days_saved: roadmap.setup_days_saved(),
        },
    }
}

/// The text report: ranking with reasons, shared foundation, roadmap,
/// warnings.
fn text(portfolio: &Portfolio, a: &PortfolioAnalysis) -> String {
    let mut out = String::new();
    let name = printable(portfolio.name.trim());
    let name = if name.is_empty() {
        "Untitled portfolio".to_string()
    } else {
        name
    };
    let _ = writeln!(
        out,
        "{name}: {}, at most {} in deployment at once",
        plural(a.ranked.len(), "initiative"),
        portfolio.capacity.max(1)
    );
    out.push_str("\nRanking rule\n");
    for line in &a.rule {
        let _ = writeln!(out, "  {}", printable(line));
    }
    out.push_str("\nRanking\n");
    if a.ranked.is_empty() {
        out.push_str("  No initiative has a plan to rank.\n");
    }
    for r in &a.ranked {
        let _ = writeln!(
            out,
            "  {}. {} ({}): score {}, {}",
            r.rank,
            title_of(r),
            printable(&r.key),
            r.score,
            r.quadrant.label()
        );
        let owner = if r.owner.trim().is_empty() {
            "no business owner".to_string()
        } else {
            format!("owner {}", printable(r.owner.trim()))
        };
        let _ = writeln!(
            out,
            "     value {}; readiness {} ({}); {}; {}; first-use-case fit {} of 8; {owner}",
            printable(&value_text(&r.value)),
            r.readiness,
            r.band.label(),
            r.tier.label().to_lowercase(),
            effort_text(r.schedule_days, r.task_days),
            r.fit_count,
        );
        for reason in &r.reasons {
            let _ = writeln!(out, "     - {}", printable(reason));
        }
    }
    out.push_str("\nShared foundation\n");
    if a.shared.is_empty() {
        out.push_str("  No data source, system, control or foundation deliverable is in two or more plans.\n");
    }
    for item in &a.shared {
        // Keys, as the ranking shows them beside each title: a list of
        // whole titles would run over several lines.
        let unlocks: Vec<String> = item.unlocks.iter().map(|k| printable(k)).collect();
        let _ = writeln!(
            out,
            "  - {} '{}': in {}; unlocks {}{}",
            item.kind.label(),
            printable(&item.name),
            plural(item.uses.len(), "plan"),
            and_list(&unlocks),
            if item.linked {
                " (joined by a link)"
            } else {
                ""
            }
        );
    }
    let roadmap = &a.roadmap;
    let _ = writeln!(
        out,
        "  Set-up work: {} if each plan ran alone, {} with the shared work done once: {} saved.",
        plural(roadmap.setup_days_alone as usize, "task-day"),
        plural(roadmap.setup_days_shared as usize, "task-day"),
        plural(roadmap.setup_days_saved() as usize, "task-day")
    );
    out.push_str("\nRoadmap\n");
    match &roadmap.schedule {
        Ok(s) => {
            let span = match (s.start_date, s.finish_date) {
                (Some(start), Some(finish)) => format!(", {start} to {finish}"),
                (Some(start), None) => format!(", from {start}"),
                _ => String::new(),
            };
            let _ = writeln!(out, "  {} working days{span}", s.total_days);
            // Titles by id, the first task of each id, as the schedule
            // resolves them.
            let mut titles: HashMap<&Id, &str> = HashMap::new();
            for t in &roadmap.plan.tasks {
                titles.entry(&t.id).or_insert(&t.title);
            }
            let path: Vec<String> = s
                .critical_path
                .iter()
                .map(|id| {
                    titles
                        .get(id)
                        .map_or_else(|| printable(id.as_str()), |t| plain_title(t))
                })
                .collect();
            if !path.is_empty() {
                let _ = writeln!(out, "  Critical path: {}", path.join(" > "));
            }
            let mut order: Vec<usize> = (0..roadmap.plan.tasks.len()).collect();
            order.sort_by_key(|&i| (s.tasks.get(i).map_or(u64::MAX, |t| t.earliest_start), i));
            for i in order {
                let (Some(task), Some(t)) = (roadmap.plan.tasks.get(i), s.tasks.get(i)) else {
                    continue;
                };
                let origin = roadmap.origin.get(i);
                // The key, not the title: short, and what the ranking
                // above shows beside each title.
                let whose = match origin.and_then(|o| o.member.as_deref()) {
                    Some(key) => printable(key),
                    None => "shared".to_string(),
                };
                let when = match (t.start, t.finish) {
                    (Some(start), Some(finish)) => format!("{start} to {finish}"),
                    _ => format!("day {} to {}", t.earliest_start, t.earliest_finish),
                };
                let _ = writeln!(
                    out,
                    "  {}{when}  {}d  {} [{whose}]",
                    if t.critical && s.total_days > 0 {
                        "* "
                    } else {
                        "  "
                    },
                    task.duration_days.unwrap_or(0),
                    plain_title(&task.title)
                );
            }
        }
        Err(loops) => {
            let _ = writeln!(
                out,
                "  No schedule: the tasks' dependencies form {}.",
                plural(loops.cycles.len(), "loop")
            );
            for (k, cycle) in loops.cycles.iter().enumerate() {
                let names: Vec<String> =
                    cycle.iter().map(|id| printable(&loops.name(id))).collect();
                let _ = writeln!(out, "  loop {}: {}", k + 1, names.join(", "));
            }
        }
    }
    out.push_str("\nWarnings\n");
    if a.warnings.is_empty() {
        out.push_str("  None.\n");
    }
    for w in &a.warnings {
        let _ = writeln!(out, "  - {}", printable(&w.message));
    }
    out
}

/// An initiative's title for the terminal, or its key when it has none.
fn title_of(r: &Ranked) -> String {
    let title = printable(r.title.trim());
    if title.is_empty() {
        format!("untitled plan {}", printable(&r.key))
    } else {
        format!("'{title}'")
    }
}

/// A task title for the terminal, or `unnamed task` when blank.
fn plain_title(title: &str) -> String {
    let title = printable(title.trim());
    if title.is_empty() {
        "unnamed task".to_string()
    } else {
        title
    }
}

/// Text with control characters as spaces.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_from_file_names_and_stay_unique() {
        assert_eq!(key_of(Path::new("dir/claims.json")), "claims");
        assert_eq!(key_of(Path::new("-")), "stdin");
        assert_eq!(key_of(Path::new(".json")), ".json");
        let plans = vec![
            ("a".to_string(), Plan::blank()),
            ("a-2".to_string(), Plan::blank()),
        ];
        assert_eq!(unique_key("a", &plans), "a-3");
        assert_eq!(unique_key("b", &plans), "b");
    }
}
