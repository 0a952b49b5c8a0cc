//! A portfolio as one Markdown document: the ranking and why, the value ×
//! readiness matrix, the shared foundation and the portfolio roadmap.
//!
//! Contract: [`to_markdown`] turns any portfolio and its
//! [`PortfolioAnalysis`] into a complete document and never fails; the
//! same input gives the same text. It follows the plan document's rules
//! ([`super`]): user text goes through [`escape`](super::escape) or
//! [`cell`], and inside the two Mermaid blocks through
//! [`mermaid_text`] (titles of the quadrant chart's
//! points, axes and quadrants are also quoted, with `"` dropped, so a
//! title cannot end its string, start a statement, or close the fence).
//!
//! The matrix is a Mermaid `quadrantChart` (syntax:
//! <https://mermaid.js.org/syntax/quadrantChart.html>; grammar:
//! `packages/mermaid/src/diagrams/quadrant-chart/parser/quadrant.jison` in
//! mermaid-js/mermaid): quadrant-1 is top right, 2 top left, 3 bottom
//! left, 4 bottom right; a point is `"text": [x, y]`, with each coordinate
//! written `1` or `0` to `0.99` (the grammar reads `(1)|(0(.\d+)?)` and
//! nothing else, so not `1.00`). Readiness is x and the value part y, each
//! split at 50 as [`Quadrant`] is. The chart also gets `accTitle` and
//! `accDescr`, and the ranking table above it names each initiative's
//! quadrant, so the matrix has a text alternative. The roadmap is the
//! plan document's Mermaid `gantt` of the roadmap's synthetic plan.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::escape::{cell, inline, table};
use super::mermaid::{gantt, mermaid_text, MERMAID_NAME_CHARS};
use super::names::Names;
use super::sections::loops;
use super::values::missing;
use crate::choice::Choice;
use crate::format::portfolio::{FORMAT, VERSION};
use crate::model::Plan;
use crate::portfolio::{ExpectedValue, Portfolio, PortfolioAnalysis, Quadrant, Ranked};
use crate::text::{and_list, counted, plural};

/// The portfolio as a Markdown document.
///
/// ```
/// use planwright_core::export::markdown::portfolio::to_markdown;
/// use planwright_core::portfolio::{analyze, Initiative, Member, Portfolio};
/// use planwright_core::Plan;
///
/// let mut plan = Plan::blank();
/// plan.title = "Claims <triage>".to_string();
/// let mut portfolio = Portfolio::default();
/// portfolio.name = "Operations | 2026".to_string();
/// portfolio.members.push(Member { key: "claims".into(), ..Member::default() });
/// let analysis = analyze(&portfolio, &[Initiative { key: "claims", plan: &plan }]);
/// let doc = to_markdown(&portfolio, &analysis);
/// assert!(doc.starts_with("# Operations \\| 2026\n"));
/// assert!(doc.contains("| 1 | Claims &lt;triage&gt; |"));
/// assert!(doc.contains("```mermaid\nquadrantChart\n"));
/// ```
pub fn to_markdown(portfolio: &Portfolio, analysis: &PortfolioAnalysis) -> String {
    let mut out = String::new();
    let name = inline(&portfolio.name);
    let name = if name.is_empty() {
        "Untitled portfolio".to_string()
    } else {
        name
    };
    let _ = writeln!(out, "# {name}\n");
    let _ = writeln!(
        out,
        "{} compared, at most {} in deployment at once.\n",
        plural(analysis.ranked.len(), "initiative"),
        portfolio.capacity.max(1)
    );
    let _ = writeln!(
        out,
        "> Written by Planwright from a portfolio (format `{FORMAT}`, version {VERSION}). The portfolio file carries the plans; this document is for reading."
    );
    let titles: HashMap<&str, String> = analysis
        .ranked
        .iter()
        .map(|r| (r.key.as_str(), title_cell(r)))
        .collect();
    section(&mut out, "Ranking rule", &rule(analysis));
    section(&mut out, "Ranking", &ranking(analysis));
    section(
        &mut out,
        "Value and readiness",
        &matrix(portfolio, analysis),
    );
    section(&mut out, "Shared foundation", &shared(analysis, &titles));
    section(&mut out, "Portfolio roadmap", &roadmap(analysis));
    section(&mut out, "Warnings", &warnings(analysis));
    out
}

/// How an expected value reads: `120,000 EUR a year`, `rated 4 of 5`,
/// `not known`. The unit is as typed (escape it for Markdown).
///
/// ```
/// use planwright_core::export::markdown::portfolio::value_text;
/// use planwright_core::portfolio::ExpectedValue;
/// let v = ExpectedValue { annual: Some(120_000.0), unit: "EUR".into(), rating: None };
/// assert_eq!(value_text(&v), "120,000 EUR a year");
/// let v = ExpectedValue { annual: None, unit: String::new(), rating: Some(4) };
/// assert_eq!(value_text(&v), "rated 4 of 5");
/// assert_eq!(value_text(&ExpectedValue::default()), "not known");
/// ```
pub fn value_text(value: &ExpectedValue) -> String {
    match (value.annual, value.rating) {
        (Some(figure), _) => {
            let unit = value.unit.trim();
            if unit.is_empty() {
                format!("{} a year", figure_text(figure))
            } else {
                format!("{} {unit} a year", figure_text(figure))
            }
        }
        (None, Some(rating)) => format!("rated {rating} of 5"),
        (None, None) => "not known".to_string(),
    }
}

/// An initiative's effort: its schedule in working days and weeks (five
/// working days each, rounded up), and its task-days.
///
/// ```
/// use planwright_core::export::markdown::portfolio::effort_text;
/// assert_eq!(effort_text(68, 151), "68 working days (14 weeks), 151 task-days");
/// assert_eq!(effort_text(1, 1), "1 working day (1 week), 1 task-day");
/// assert_eq!(effort_text(0, 0), "0 working days (0 weeks), 0 task-days");
/// ```
pub fn effort_text(schedule_days: u64, task_days: u64) -> String {
    let weeks = usize::try_from(schedule_days.div_ceil(5)).unwrap_or(usize::MAX);
    format!(
        "{} ({}), {}",
        counted(
            usize::try_from(schedule_days).unwrap_or(usize::MAX),
            "working day",
            "working days"
        ),
        plural(weeks, "week"),
        plural(usize::try_from(task_days).unwrap_or(usize::MAX), "task-day")
    )
}

/// A figure rounded to cents with thousands separated: `120,000`,
/// `2,500.5`.
fn figure_text(figure: f64) -> String {
    if !figure.is_finite() {
        return "not a number".to_string();
    }
    let cents = (figure.abs() * 100.0).round();
    // Beyond this, f64 has no cents left to show.
    if cents > 9.0e15 {
        return format!("{}{:.0}", if figure < 0.0 { "-" } else { "" }, figure.abs());
    }
    let cents = cents as u64;
    let digits = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if figure < 0.0 && cents > 0 { "-" } else { "" };
    match cents % 100 {
        0 => format!("{sign}{grouped}"),
        f if f.is_multiple_of(10) => format!("{sign}{grouped}.{}", f / 10),
        f => format!("{sign}{grouped}.{f:02}"),
    }
}

fn section(out: &mut String, heading: &str, body: &str) {
    let _ = writeln!(out, "\n## {heading}\n");
    out.push_str(body.trim_end_matches('\n'));
    out.push('\n');
}

/// An initiative's title for a cell, or its key when it has none.
fn title_cell(r: &Ranked) -> String {
    if r.title.trim().is_empty() {
        format!("Untitled plan {}", cell(&r.key))
    } else {
        cell(&r.title)
    }
}

fn rule(analysis: &PortfolioAnalysis) -> String {
    let mut out = String::new();
    for line in &analysis.rule {
        let _ = writeln!(out, "- {}", cell(line));
    }
    if out.is_empty() {
        missing(&mut out, "No ranking rule.");
    }
    out
}

fn ranking(analysis: &PortfolioAnalysis) -> String {
    let mut out = String::new();
    if analysis.ranked.is_empty() {
        missing(
            &mut out,
            "No initiative to rank: add plans to the portfolio.",
        );
        return out;
    }
    let rows: Vec<Vec<String>> = analysis
        .ranked
        .iter()
        .map(|r| {
            vec![
                r.rank.to_string(),
                title_cell(r),
                r.score.to_string(),
                cell(&value_text(&r.value)),
                format!("{}, {}", r.readiness, r.band.label()),
                r.tier.label().to_string(),
                effort_text(r.schedule_days, r.task_days),
                format!("{} of 8", r.fit_count),
                cell(&r.owner),
                r.quadrant.label().to_string(),
            ]
        })
        .collect();
    out.push_str(&table(
        &[
            "Rank",
            "Initiative",
            "Score",
            "Value",
            "Readiness",
            "Risk tier",
            "Effort",
            "First-use-case fit",
            "Business owner",
            "Quadrant",
        ],
        &rows,
    ));
    out.push_str("\n### Why each ranks where it does\n");
    for r in &analysis.ranked {
        let _ = writeln!(out, "\n{}. **{}**", r.rank, title_cell(r));
        if r.reasons.is_empty() {
            out.push_str("   - No reasons given.\n");
        }
        for reason in &r.reasons {
            let _ = writeln!(out, "   - {}", cell(reason));
        }
    }
    out
}

/// A coordinate as the quadrant chart's grammar reads it: `0`, `0.05` …
/// `0.99`, or `1`.
fn coordinate(v: f64) -> String {
    if !v.is_finite() || v <= 0.0 {
        return "0".to_string();
    }
    let hundredths = (v * 100.0).round();
    if hundredths >= 100.0 {
        "1".to_string()
    } else {
        format!("0.{:02}", hundredths as u32)
    }
}

/// Text for a quoted string in the quadrant chart: as [`mermaid_text`],
/// with `"` (which would end the string) as `'`.
fn quadrant_text(text: &str) -> String {
    mermaid_text(text, MERMAID_NAME_CHARS).replace('"', "'")
}

fn matrix(portfolio: &Portfolio, analysis: &PortfolioAnalysis) -> String {
    let mut out = String::new();
    if analysis.ranked.is_empty() {
        missing(&mut out, "No initiative to place on the matrix.");
        return out;
    }
    out.push_str("Each initiative is placed by its readiness (across) and the value part of its score (up), each split at 50. The ranking table above names the quadrant of each, as text.\n\n");
    for q in [
        Quadrant::DoNow,
        Quadrant::PrepareFoundation,
        Quadrant::StrategicBet,
        Quadrant::DoNotStart,
    ] {
        let _ = writeln!(out, "- **{}:** {}", q.label(), q.meaning());
    }
    out.push('\n');
    let name = mermaid_text(&portfolio.name, MERMAID_NAME_CHARS);
    let title = if name.is_empty() {
        "Value and readiness".to_string()
    } else {
        format!("Value and readiness of {name}")
    };
    let mut chart = String::from("```mermaid\nquadrantChart\n");
    let _ = writeln!(chart, "    title {title}");
    let _ = writeln!(chart, "    accTitle: {title}");
    let _ = writeln!(
        chart,
        "    accDescr: {} placed by readiness across and value up; the ranking table lists the quadrant of each",
        plural(analysis.ranked.len(), "initiative")
    );
    chart.push_str("    x-axis Low readiness --> High readiness\n");
    chart.push_str("    y-axis Low value --> High value\n");
    for (n, q) in [
        (1, Quadrant::DoNow),
        (2, Quadrant::PrepareFoundation),
        (3, Quadrant::DoNotStart),
        (4, Quadrant::StrategicBet),
    ] {
        let _ = writeln!(chart, "    quadrant-{n} \"{}\"", quadrant_text(q.label()));
    }
    for r in &analysis.ranked {
        let mut title = quadrant_text(&r.title);
        if title.is_empty() {
            title = format!("Untitled plan {}", quadrant_text(&r.key));
        }
        let prohibited = if r.tier == crate::analysis::risk::Tier::Prohibited {
            " - prohibited"
        } else {
            ""
        };
        let _ = writeln!(
            chart,
            "    \"{}. {title}{prohibited}\": [{}, {}]",
            r.rank,
            coordinate(f64::from(r.readiness) / 100.0),
            coordinate(f64::from(r.parts.value) / 100.0)
        );
    }
    chart.push_str("```\n");
    out.push_str(&chart);
    if analysis
        .ranked
        .iter()
        .any(|r| r.tier == crate::analysis::risk::Tier::Prohibited)
    {
        out.push_str("\nAn initiative with a prohibited practice is in Do not start wherever it falls on the chart.\n");
    }
    out
}

fn shared(analysis: &PortfolioAnalysis, titles: &HashMap<&str, String>) -> String {
    let mut out = String::new();
    let title = |key: &str| {
        titles
            .get(key)
            .cloned()
            .unwrap_or_else(|| format!("Untitled plan {}", cell(key)))
    };
    if analysis.shared.is_empty() {
        missing(
            &mut out,
            "No data source, system, governance control or foundation deliverable is in two or more plans.",
        );
    } else {
        let rows: Vec<Vec<String>> = analysis
            .shared
            .iter()
            .map(|item| {
                let plans: Vec<String> = item
                    .uses
                    .iter()
                    .map(|u| {
                        let t = title(&u.member);
                        if u.name.trim() == item.name.trim() {
                            t
                        } else {
                            format!("{t} (as {})", cell(&u.name))
                        }
                    })
                    .collect();
                let unlocks: Vec<String> = item.unlocks.iter().map(|k| title(k)).collect();
                let mut name = cell(&item.name);
                if item.linked {
                    name.push_str(" (joined by a link)");
                }
                vec![
                    name,
                    item.kind.label().to_string(),
                    plans.join("<br>"),
                    and_list(&unlocks),
                ]
            })
            .collect();
        out.push_str(&table(&["Item", "Kind", "Plans", "Unlocks"], &rows));
        out.push('\n');
    }
    let r = &analysis.roadmap;
    let _ = writeln!(
        out,
        "**Set-up cost:** {} of foundation work if each plan ran alone, {} with the shared work done once: {} saved.",
        plural(r.setup_days_alone as usize, "task-day"),
        plural(r.setup_days_shared as usize, "task-day"),
        plural(r.setup_days_saved() as usize, "task-day")
    );
    out
}

fn roadmap(analysis: &PortfolioAnalysis) -> String {
    let mut out = String::new();
    let r = &analysis.roadmap;
    let names = Names::new(&r.plan);
    if r.plan.tasks.is_empty() {
        missing(&mut out, "No tasks to schedule.");
        return out;
    }
    out.push_str("Shared foundation work comes first, once; then each initiative's own work in rank order, with no more initiatives in deployment at once than the capacity.\n\n");
    match &r.schedule {
        Ok(s) => {
            let span = match (s.start_date, s.finish_date) {
                (Some(start), Some(finish)) => format!(", from {start} to {finish}"),
                (Some(start), None) => format!(", from {start}"),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "**Length:** {} working days{span}, {}.\n",
                s.total_days,
                plural(r.plan.tasks.len(), "task")
            );
            if !s.critical_path.is_empty() && s.total_days > 0 {
                let path: Vec<String> = s.critical_path.iter().map(|id| names.task(id)).collect();
                let _ = writeln!(out, "**Critical path:** {}\n", path.join(" → "));
            }
            match gantt(&short_phase_names(analysis), s) {
                Ok((chart, stand_in)) => {
                    if let Some(start) = stand_in {
                        let _ = writeln!(
                            out,
                            "_No plan has a start date, so the timeline counts from Monday {start} as a stand-in: read its dates as weeks from the start._\n"
                        );
                    }
                    out.push_str("The timeline highlights every task without slack.\n\n");
                    out.push_str(&chart);
                }
                Err(why) => missing(&mut out, why),
            }
        }
        Err(e) => loops(&mut out, &names, e),
    }
    out
}

/// Longest initiative title in a timeline section name, in characters.
const SECTION_TITLE_CHARS: usize = 24;

/// The roadmap plan with each initiative's phases named by a short form of
/// its title (`Supplier invoice matching…: Foundation`), so the timeline's
/// section names, which Mermaid lines cut at 60 characters, keep the phase.
/// A phase whose name does not start with its initiative's title keeps its
/// name.
fn short_phase_names(analysis: &PortfolioAnalysis) -> Plan {
    let r = &analysis.roadmap;
    let mut plan = r.plan.clone();
    let titles: HashMap<&str, &str> = analysis
        .ranked
        .iter()
        .map(|x| {
            let title = match x.title.trim() {
                "" => "Untitled initiative",
                t => t,
            };
            (x.key.as_str(), title)
        })
        .collect();
    // The member whose tasks a phase holds.
    let mut member_of: HashMap<&str, &str> = HashMap::new();
    for (task, origin) in r.plan.tasks.iter().zip(&r.origin) {
        if let (Some(phase), Some(member)) = (&task.phase, &origin.member) {
            member_of.entry(phase.as_str()).or_insert(member.as_str());
        }
    }
    for phase in &mut plan.phases {
        let Some(title) = member_of.get(phase.id.as_str()).and_then(|m| titles.get(m)) else {
            continue;
        };
        if let Some(rest) = phase
            .name
            .strip_prefix(title)
            .and_then(|n| n.strip_prefix(": "))
        {
            let short = mermaid_text(title, SECTION_TITLE_CHARS);
            phase.name = format!("{short}: {rest}");
        }
    }
    plan
}

fn warnings(analysis: &PortfolioAnalysis) -> String {
    let mut out = String::new();
    if analysis.warnings.is_empty() {
        missing(&mut out, "No warnings.");
    }
    for w in &analysis.warnings {
        let _ = writeln!(out, "- {}", cell(&w.message));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DataSource, Id, Plan, Task};
    use crate::portfolio::{analyze, Initiative, Member};

    /// Text that tries to break out of a table, a heading, the fence or a
    /// Mermaid statement.
    const HOSTILE: &[&str] = &[
        "<script>alert(1)</script> | a | b |",
        "```\n# heading\n```",
        "x\": [1, 1]\n\"pwned\": [0, 0]",
        "%%{init: {'theme': 'dark'}}%%",
        "title hijack\nquadrant-1 hijack; accTitle: hijack",
        "a:::cls: [0.5, 0.5] radius: 99",
        "  # not a heading\r\n---",
    ];

    fn hostile_portfolio() -> (Portfolio, Vec<(String, Plan)>) {
        let plans: Vec<(String, Plan)> = HOSTILE
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let mut plan = Plan::blank();
                plan.title = (*text).to_string();
                plan.data_sources.push(DataSource {
                    id: Id::from("d1"),
                    name: format!("Shared {text}"),
                    ..DataSource::default()
                });
                plan.tasks.push(Task {
                    id: Id::from("t1"),
                    title: (*text).to_string(),
                    duration_days: Some(3),
                    ..Task::default()
                });
                (format!("k{i} {text}"), plan)
            })
            .collect();
        let portfolio = Portfolio {
            name: HOSTILE.join(" "),
            members: plans
                .iter()
                .map(|(key, _)| Member {
                    key: key.clone(),
                    ..Member::default()
                })
                .collect(),
            ..Portfolio::default()
        };
        (portfolio, plans)
    }

    /// The lines of each fenced Mermaid block, by the diagram it opens with.
    fn mermaid_blocks(doc: &str) -> Vec<Vec<&str>> {
        let mut blocks = Vec::new();
        let mut lines = doc.lines();
        while let Some(line) = lines.next() {
            if line.starts_with("```") {
                assert_eq!(line, "```mermaid", "the only fences are Mermaid blocks");
                let block: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
                blocks.push(block);
            }
        }
        blocks
    }

    #[test]
    fn hostile_titles_cannot_break_the_document_or_its_charts() {
        let (portfolio, plans) = hostile_portfolio();
        let initiatives: Vec<Initiative<'_>> = plans
            .iter()
            .map(|(key, plan)| Initiative { key, plan })
            .collect();
        let analysis = analyze(&portfolio, &initiatives);
        assert_eq!(analysis.ranked.len(), HOSTILE.len());
        let doc = to_markdown(&portfolio, &analysis);
        assert!(!doc.contains("<script"));
        for line in doc.lines().filter(|l| l.starts_with('#')) {
            assert!(
                line.starts_with("# ") || line.starts_with("## ") || line.starts_with("### "),
                "{line}"
            );
            assert!(
                !line.starts_with("# heading") && !line.starts_with("# not"),
                "{line}"
            );
        }
        // Every table row keeps its columns: its unescaped pipes match the
        // header's.
        let pipes = |line: &str| {
            let b = line.as_bytes();
            (0..b.len())
                .filter(|&i| b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'))
                .count()
        };
        let mut header = None;
        for line in doc.lines() {
            if line.starts_with('|') {
                let n = *header.get_or_insert(pipes(line));
                assert_eq!(pipes(line), n, "{line}");
            } else {
                header = None;
            }
        }
        let blocks = mermaid_blocks(&doc);
        let chart = blocks
            .iter()
            .find(|b| b.first() == Some(&"quadrantChart"))
            .expect("a quadrant chart");
        let mut points = 0;
        for line in &chart[1..] {
            assert!(!line.contains("%%") && !line.contains('`'), "{line}");
            let statement = [
                "    title ",
                "    accTitle: ",
                "    accDescr: ",
                "    x-axis ",
                "    y-axis ",
            ]
            .iter()
            .any(|p| line.starts_with(p));
            if statement {
                continue;
            }
            if let Some(rest) = line.strip_prefix("    quadrant-") {
                assert!(
                    rest.len() > 3 && rest[2..].starts_with('"') && rest.ends_with('"'),
                    "{line}"
                );
                assert_eq!(rest.matches('"').count(), 2, "{line}");
                continue;
            }
            // A point: one quoted string, then [x, y] as the grammar reads them.
            let point = line.strip_prefix("    \"").expect(line);
            let (name, at) = point.split_once("\": [").expect(line);
            assert!(!name.contains('"'), "{line}");
            let coordinates = at.strip_suffix(']').expect(line);
            for c in coordinates.split(", ") {
                assert!(
                    c == "0" || c == "1" || (c.len() == 4 && c.starts_with("0.")),
                    "{line}"
                );
            }
            points += 1;
        }
        assert_eq!(points, HOSTILE.len());
        // The roadmap's timeline (when the roadmap has one) is the plan
        // document's gantt writer, whose escaping has its own tests; here
        // only that it stays one block of its own.
        for block in &blocks {
            assert!(
                block.first() == Some(&"quadrantChart") || block.first() == Some(&"gantt"),
                "{block:?}"
            );
            assert!(block.iter().all(|l| !l.contains('`')), "{block:?}");
        }
    }

    #[test]
    fn an_empty_portfolio_still_reads() {
        let portfolio = Portfolio::default();
        let doc = to_markdown(&portfolio, &analyze(&portfolio, &[]));
        assert!(
            doc.starts_with("# Untitled portfolio\n\n0 initiatives compared"),
            "{doc}"
        );
        assert!(doc.contains("_No initiative to rank: add plans to the portfolio._"));
        assert!(
            doc.ends_with("_No warnings._\n") || doc.contains("## Warnings\n\n- "),
            "{doc}"
        );
        assert!(!doc.contains("```"));
    }

    #[test]
    fn coordinates_are_what_the_grammar_reads() {
        for (v, want) in [
            (0.0, "0"),
            (-1.0, "0"),
            (f64::NAN, "0"),
            (0.004, "0.00"),
            (0.05, "0.05"),
            (0.5, "0.50"),
            (0.994, "0.99"),
            (0.996, "1"),
            (1.0, "1"),
            (7.0, "1"),
        ] {
            assert_eq!(coordinate(v), want, "{v}");
        }
    }

    #[test]
    fn figures_read_with_thousands_separated() {
        for (figure, want) in [
            (120_000.0, "120,000"),
            (2_500.5, "2,500.5"),
            (999.0, "999"),
            (1_234_567.25, "1,234,567.25"),
            (0.0, "0"),
            (-4_000.0, "-4,000"),
            (f64::NAN, "not a number"),
            (f64::INFINITY, "not a number"),
            (1e300, format!("{:.0}", 1e300).leak()),
        ] {
            assert_eq!(figure_text(figure), want, "{figure}");
        }
    }
}
