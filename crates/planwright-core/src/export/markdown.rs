//! A readable plan document in GitHub-flavoured Markdown.
//!
//! Contract: [`to_markdown`] turns any [`Plan`] into a complete document: an
//! at-a-glance summary (readiness, risk tier, current phase, schedule), the
//! template sections 1 to 12 in order with the analysis where it belongs
//! (the risk tier and required controls in section 8, gates and the schedule
//! with a Mermaid timeline in section 9), and the validation findings. It
//! never panics and never fails; the same plan always gives the same text.
//! The plan is analysed once per document.
//!
//! - People, phases and tasks are shown by name, never by id. A reference
//!   that resolves to nothing is shown visibly, as `unknown (id 'x')`, so a
//!   broken plan still reads honestly.
//! - Every piece of user text passes through [`escape`] (or [`cell`] inside
//!   tables), so it cannot open a table, a link, a code fence, a heading or
//!   any HTML: what the person typed is what the reader sees.
//! - An empty section is never dropped: it says what is missing and what to
//!   add, because a gap in the plan is information.
//! - The timeline is a fenced `mermaid` block, the one fence in the document.
//!   Inside it user text goes through [`mermaid_text`] instead, which keeps
//!   task and phase names from ending a line, starting a keyword or closing
//!   the fence; tasks have generated ids (`t1`, `t2`…).
//!
//! The document is a list of [`Section`]s rendered under a header. Callers
//! that want more (analysis, a schedule) can take [`sections`], insert their
//! own [`Section`] at the right place (find it by [`Section::key`]) and call
//! [`render`]; the helpers [`escape`], [`cell`], [`table`] and [`Names`] are
//! public so added sections escape and resolve names the same way.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt::Write as _;

use crate::analysis::gates::{Gates, Source};
use crate::analysis::readiness::{Readiness, Status};
use crate::analysis::risk::{ControlState, RiskAssessment};
use crate::analysis::schedule::{working_day, CycleError, Schedule, MAX_WEEKS};
use crate::analysis::validate::{validate, validate_scheduled, Finding, Severity};
use crate::analysis::{analyze, Analysis};
use crate::choice::Choice;
use crate::date::Date;
use crate::format::file::{FORMAT, VERSION};
use crate::model::{Id, Phase, Plan, Stakeholder, Task, TaskStatus, UseCaseFit};
use crate::text::and_list;

/// One top-level part of the document: a `##` heading and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Stable key naming the section (`objective`, `metrics`, …, `findings`),
    /// for callers that insert their own sections next to a known one.
    pub key: &'static str,
    /// The heading text, already Markdown (escaped where it holds user text).
    pub heading: String,
    /// The body in Markdown, without the heading.
    pub body: String,
}

/// The whole plan as a Markdown document.
///
/// ```
/// use planwright_core::{export::markdown::to_markdown, Plan};
///
/// let mut plan = Plan::blank();
/// plan.title = "Claims <triage> | pilot".to_string();
/// let doc = to_markdown(&plan);
/// assert!(doc.starts_with("# Claims &lt;triage&gt; \\| pilot\n"));
/// assert!(doc.contains("## 2. Success metrics"));
/// assert!(doc.contains("_No success metrics yet."));
/// assert!(doc.contains("**Readiness: 0 / 100, Not ready**"));
/// ```
pub fn to_markdown(plan: &Plan) -> String {
    let analysis = analyze(plan);
    let found = validate_scheduled(plan, &analysis.schedule);
    let mut out = header_with(plan, &found);
    push_sections(&mut out, &sections_with(plan, &analysis, &found));
    out
}

/// The sections of the document in order: the summary, the twelve template
/// sections, then the findings. The header is not a section; [`render`] adds
/// it.
pub fn sections(plan: &Plan) -> Vec<Section> {
    let analysis = analyze(plan);
    let found = validate_scheduled(plan, &analysis.schedule);
    sections_with(plan, &analysis, &found)
}

fn sections_with(plan: &Plan, analysis: &Analysis, found: &[Finding]) -> Vec<Section> {
    let names = Names::new(plan);
    vec![
        summary(plan, analysis, &names),
        objective(plan),
        metrics(plan, &names),
        ownership(plan, &names),
        stakeholders(plan, &names),
        workflow(plan, &names),
        data(plan, &names),
        systems(plan, &names),
        risk(plan, &names, &analysis.risk),
        roadmap(plan, &names, analysis),
        handoffs(plan, &names),
        change(plan, &names),
        feedback(plan, &names),
        findings(found),
    ]
}

/// Renders the header of `plan` followed by `sections`.
pub fn render(plan: &Plan, sections: &[Section]) -> String {
    let mut out = header(plan);
    push_sections(&mut out, sections);
    out
}

fn push_sections(out: &mut String, sections: &[Section]) {
    for section in sections {
        out.push('\n');
        let _ = writeln!(out, "## {}\n", section.heading);
        out.push_str(section.body.trim_end_matches('\n'));
        out.push('\n');
    }
}

/// The title, summary, start date, finding counts and the note on where the
/// document comes from.
pub fn header(plan: &Plan) -> String {
    header_with(plan, &validate(plan))
}

fn header_with(plan: &Plan, found: &[Finding]) -> String {
    let mut out = String::new();
    let title = inline(&plan.title);
    let title = if title.is_empty() {
        "Untitled AI initiative".to_string()
    } else {
        title
    };
    let _ = writeln!(out, "# {title}\n");
    if plan.summary.trim().is_empty() {
        out.push_str("_No summary yet. Add one or two sentences a busy reader can take in._\n\n");
    } else {
        let _ = writeln!(out, "{}\n", block(&plan.summary));
    }
    let start = plan
        .start_date
        .map_or_else(|| "_not set_".to_string(), |d| d.to_string());
    let errors = found
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = found.len() - errors;
    let _ = writeln!(out, "- **Roadmap starts:** {start}");
    let _ = writeln!(
        out,
        "- **Findings:** {} and {} (listed at the end)\n",
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings")
    );
    let _ = writeln!(
        out,
        "> Written by Planwright from a plan file (format `{FORMAT}`, version {VERSION}). \
         The file is the source of truth: change the plan there and export again rather than editing this document."
    );
    out
}

// ---------------------------------------------------------------------------
// Escaping

/// Escapes user text so Markdown shows it literally.
///
/// - `\` `` ` `` `*` `_` `[` `]` `|` `~` `$` get a backslash (`$` because
///   GitHub renders `$…$` as maths, `~` because of strikethrough and `~~~`
///   fences);
/// - `&` `<` `>` become `&amp;` `&lt;` `&gt;`, so no HTML, comment or
///   autolink can form;
/// - at the start of a line, leading spaces and tabs are dropped (they would
///   start a code block) and `#` `-` `+` `=` and list numbers like `1.` or
///   `1)` are escaped (headings, lists, setext underlines);
/// - `\r\n` and `\r` become `\n`; other control characters become spaces.
///
/// Line breaks are kept as `\n`; use [`cell`] for table cells and list
/// items, where a line break must become `<br>`.
///
/// ```
/// use planwright_core::export::markdown::escape;
/// assert_eq!(escape("<b>1 | 2</b>"), "&lt;b&gt;1 \\| 2&lt;/b&gt;");
/// assert_eq!(escape("# not a heading"), "\\# not a heading");
/// assert_eq!(escape("[x](javascript:alert(1))"), "\\[x\\](javascript:alert(1))");
/// ```
pub fn escape(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        escape_line(line.trim_start_matches([' ', '\t']), &mut out);
    }
    out
}

/// Escapes one line whose leading whitespace is already gone.
fn escape_line(line: &str, out: &mut String) {
    // Block markers that only matter at the start of a line.
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let numbered =
        (1..=9).contains(&digits) && matches!(line.as_bytes().get(digits), Some(b'.' | b')'));
    let marker = if numbered {
        Some(digits)
    } else if line.starts_with(['#', '-', '+', '=']) {
        out.push('\\');
        None
    } else {
        None
    };
    for (i, c) in line.char_indices() {
        if marker == Some(i) {
            out.push('\\');
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Escapes user text for a table cell or a list item: as [`escape`], with
/// line breaks as `<br>` (blank lines dropped). Empty text gives `—`.
///
/// ```
/// use planwright_core::export::markdown::cell;
/// assert_eq!(cell("first\nsecond | third"), "first<br>second \\| third");
/// assert_eq!(cell("  "), "—");
/// ```
pub fn cell(text: &str) -> String {
    let escaped = escape(text.trim());
    let lines: Vec<&str> = escaped
        .split('\n')
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        "—".to_string()
    } else {
        lines.join("<br>")
    }
}

/// Escapes user text for a heading or other one-line place: as [`escape`],
/// with line breaks as spaces.
fn inline(text: &str) -> String {
    let escaped = escape(text.trim());
    let words: Vec<&str> = escaped
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    words.join(" ")
}

/// Escapes user text as a paragraph: single line breaks become hard breaks,
/// blank lines separate paragraphs.
fn block(text: &str) -> String {
    let escaped = escape(text.trim());
    let mut out = String::new();
    let mut blank = false;
    for line in escaped.split('\n').map(str::trim_end) {
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            // A backslash at the end of a line is a hard break.
            out.push_str(if blank { "\n\n" } else { "\\\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// Text shown in a code span, with a fence longer than any run of backticks
/// inside it.
fn code(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in flat.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if flat.starts_with('`') || flat.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{flat}{pad}{fence}")
}

/// A GitHub-flavoured table. Cells must already be Markdown (see [`cell`]);
/// an empty cell is shown as `—`. Rows shorter than the header are padded.
///
/// ```
/// use planwright_core::export::markdown::{cell, table};
/// let t = table(&["Name", "Role"], &[vec![cell("Ana"), String::new()]]);
/// assert_eq!(t, "| Name | Role |\n|---|---|\n| Ana | — |\n");
/// ```
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "| {} |", headers.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(headers.len()));
    for row in rows {
        let cells: Vec<&str> = (0..headers.len())
            .map(|i| match row.get(i).map(String::as_str) {
                None | Some("") => "—",
                Some(text) => text,
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

// ---------------------------------------------------------------------------
// Names

/// Resolves ids to the names people recognise, escaped for Markdown.
///
/// The first item with an id wins when ids repeat (validation reports the
/// duplicate). Ids that resolve to nothing are shown as
/// `unknown (id 'x')`, in italics, so a broken reference stays visible.
#[derive(Debug)]
pub struct Names<'a> {
    people: HashMap<&'a str, &'a Stakeholder>,
    phases: HashMap<&'a str, (usize, &'a Phase)>,
    tasks: HashMap<&'a str, (usize, &'a Task)>,
}

impl<'a> Names<'a> {
    /// Indexes the stakeholders, phases and tasks of `plan`.
    pub fn new(plan: &'a Plan) -> Names<'a> {
        let mut people = HashMap::new();
        for s in &plan.stakeholders {
            people.entry(s.id.as_str()).or_insert(s);
        }
        let mut phases = HashMap::new();
        for (i, p) in plan.phases.iter().enumerate() {
            phases.entry(p.id.as_str()).or_insert((i, p));
        }
        let mut tasks = HashMap::new();
        for (i, t) in plan.tasks.iter().enumerate() {
            tasks.entry(t.id.as_str()).or_insert((i, t));
        }
        Names {
            people,
            phases,
            tasks,
        }
    }

    /// A stakeholder's name; `—` when no one is set.
    pub fn person(&self, id: Option<&Id>) -> String {
        let Some(id) = id else {
            return "—".to_string();
        };
        match self.people.get(id.as_str()) {
            Some(s) if !s.name.trim().is_empty() => inline(&s.name),
            Some(_) => format!("_unnamed stakeholder (id {})_", quote_id(id)),
            None => unknown(id),
        }
    }

    /// A stakeholder's name followed by their role, if any; `_not named_`
    /// when no one is set.
    pub fn person_with_role(&self, id: Option<&Id>) -> String {
        let Some(id) = id else {
            return "_not named_".to_string();
        };
        let name = self.person(Some(id));
        match self.people.get(id.as_str()) {
            Some(s) if !s.role.trim().is_empty() => format!("{name}, {}", inline(&s.role)),
            _ => name,
        }
    }

    /// Several stakeholders, comma-separated; `—` when the list is empty.
    pub fn people<'b>(&self, ids: impl IntoIterator<Item = &'b Id>) -> String {
        let names: Vec<String> = ids.into_iter().map(|id| self.person(Some(id))).collect();
        if names.is_empty() {
            "—".to_string()
        } else {
            names.join(", ")
        }
    }

    /// A phase's name; `—` when none is set.
    pub fn phase(&self, id: Option<&Id>) -> String {
        let Some(id) = id else {
            return "—".to_string();
        };
        match self.phases.get(id.as_str()) {
            Some((_, p)) if !p.name.trim().is_empty() => inline(&p.name),
            Some((i, p)) => inline(p.kind.label()) + &format!(" (phase {})", i + 1),
            None => unknown(id),
        }
    }

    /// A task as `#N title`, where N is its position in the plan.
    pub fn task(&self, id: &Id) -> String {
        match self.tasks.get(id.as_str()) {
            Some((i, t)) if !t.title.trim().is_empty() => {
                format!("#{} {}", i + 1, inline(&t.title))
            }
            Some((i, _)) => format!("#{} _untitled task_", i + 1),
            None => unknown(id),
        }
    }
}

/// An id that resolves to nothing, shown so the reader notices.
fn unknown(id: &Id) -> String {
    format!("_unknown (id {})_", quote_id(id))
}

fn quote_id(id: &Id) -> String {
    format!("'{}'", inline(id.as_str()))
}

// ---------------------------------------------------------------------------
// Small formatting helpers

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}

fn answer(value: Option<bool>) -> String {
    value.map_or_else(|| "_not answered_".to_string(), |v| yes_no(v).to_string())
}

fn number(value: f64) -> String {
    // `{}` prints the shortest text that reads back as the same number.
    format!("{value}")
}

/// A number with its unit, `—` when unknown.
fn quantity(value: Option<f64>, unit: &str) -> String {
    let Some(value) = value else {
        return "—".to_string();
    };
    let unit = inline(unit);
    match unit.as_str() {
        "" => number(value),
        "%" => format!("{}%", number(value)),
        _ => format!("{} {unit}", number(value)),
    }
}

fn whole(value: Option<u32>) -> String {
    value.map_or_else(|| "—".to_string(), |v| v.to_string())
}

/// A labelled paragraph, or a note on what is missing.
fn labelled(out: &mut String, label: &str, text: &str, missing: &str) {
    if text.trim().is_empty() {
        let _ = writeln!(out, "**{label}:** _{missing}_\n");
    } else {
        let _ = writeln!(out, "**{label}:** {}\n", block(text));
    }
}

fn missing(out: &mut String, message: &str) {
    let _ = writeln!(out, "_{message}_\n");
}

fn sub(out: &mut String, heading: &str) {
    let _ = writeln!(out, "### {heading}\n");
}

/// The headings of the twelve template sections, in order.
const HEADINGS: [&str; 12] = [
    "1. Business objective and process",
    "2. Success metrics",
    "3. Sponsor and ownership",
    "4. Stakeholders and roles",
    "5. Human and AI split",
    "6. Data readiness and governance",
    "7. Technology and integration",
    "8. Risk, ethics and regulation",
    "9. Roadmap and phases",
    "10. Approvals and hand-offs",
    "11. Change management and adoption",
    "12. Feedback, monitoring and iteration",
];

/// A link to template section `n` (1–12) by the anchor GitHub gives its
/// heading; plain text for a number outside the template.
fn section_link(n: u8) -> String {
    match usize::from(n).checked_sub(1).and_then(|i| HEADINGS.get(i)) {
        Some(heading) => format!("[{heading}](#{})", anchor(heading)),
        None => format!("section {n}"),
    }
}

/// The anchor GitHub makes from a heading: lower case, spaces as hyphens,
/// other punctuation dropped.
fn anchor(heading: &str) -> String {
    heading
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn section(key: &'static str, heading: &str, body: String) -> Section {
    Section {
        key,
        heading: heading.to_string(),
        body,
    }
}

// ---------------------------------------------------------------------------
// Summary

/// The summary before section 1: readiness with its rule, the risk tier, the
/// current phase and the schedule in one line each, the most valuable
/// actions, then every dimension with its criteria behind `<details>`.
fn summary(plan: &Plan, a: &Analysis, names: &Names<'_>) -> Section {
    let r = &a.readiness;
    let mut out = String::new();
    let _ = write!(
        out,
        "**Readiness: {} / 100, {}**",
        r.overall,
        r.band.label()
    );
    if r.prohibited {
        out.push_str(" (a prohibited practice rules the use out whatever the score)");
    } else if let Some(held) = r.capped_by.and_then(|d| r.dimension(d)) {
        let _ = write!(
            out,
            " ({} by its average, held back by {})",
            r.band_by_average.label().to_lowercase(),
            held.label.to_lowercase()
        );
    }
    let _ = writeln!(out, "\n\n_The rule:_ {}\n", cell(&r.rule));

    let risk = &a.risk;
    let _ = writeln!(
        out,
        "- **Risk tier:** {}{}, see {}",
        risk.tier.label(),
        if risk.provisional {
            " (provisional: some questions are open)"
        } else {
            ""
        },
        section_link(8)
    );
    let current = a
        .gates
        .current_index
        .and_then(|i| Some((i, a.gates.phases.get(i)?)));
    match current {
        Some((i, gate)) => {
            let met = gate.criteria.iter().filter(|c| c.met).count();
            let _ = writeln!(
                out,
                "- **Current phase:** {} (phase {} of {}); its gate is {}, with {met} of {} criteria met; see {}",
                names.phase(Some(&gate.phase)),
                i + 1,
                a.gates.phases.len(),
                gate.decision.label().to_lowercase(),
                gate.criteria.len(),
                section_link(9)
            );
        }
        None => {
            let _ = writeln!(out, "- **Current phase:** _no phases yet_");
        }
    }
    let when = match &a.schedule {
        _ if plan.tasks.is_empty() => "_no tasks yet_".to_string(),
        Ok(s) => {
            let mut text = format!(
                "{} over {}",
                count(plan.tasks.len(), "task", "tasks"),
                count(
                    usize::try_from(s.total_days).unwrap_or(usize::MAX),
                    "working day",
                    "working days"
                )
            );
            if let (Some(start), Some(finish)) = (s.start_date, s.finish_date) {
                let _ = write!(text, ", {start} to {finish}");
            }
            text
        }
        Err(e) => format!(
            "_none: task dependencies form {}_",
            count(e.cycles.len(), "loop", "loops")
        ),
    };
    let _ = writeln!(out, "- **Schedule:** {when}; see {}\n", section_link(9));

    sub(&mut out, "What to do first");
    if r.top_actions.is_empty() {
        missing(&mut out, "Nothing to do: every readiness criterion is met.");
    } else {
        out.push_str(
            "The actions worth most, with the points each adds to the overall score when done in full:\n\n",
        );
        for (k, action) in r.top_actions.iter().enumerate() {
            let owner = match &action.owner {
                Some(id) => format!(" · {}", names.person(Some(id))),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "{}. {} **+{:.1} points** · in {}{owner}",
                k + 1,
                cell(&action.fix),
                action.gain,
                section_link(action.section)
            );
        }
        out.push('\n');
    }

    sub(&mut out, "Readiness by dimension");
    dimensions(&mut out, r);
    section("summary", "At a glance", out)
}

/// The table of dimensions, then each dimension's criteria in a collapsed
/// `<details>` block.
fn dimensions(out: &mut String, r: &Readiness) {
    let rows: Vec<Vec<String>> = r
        .dimensions
        .iter()
        .map(|d| {
            let met = d
                .criteria
                .iter()
                .filter(|c| c.status == Status::Met)
                .count();
            let name = if r.weakest == Some(d.dimension) {
                format!("{} _(weakest)_", d.label)
            } else {
                d.label.to_string()
            };
            vec![
                name,
                d.score.to_string(),
                d.band.label().to_string(),
                format!("{met} of {}", d.criteria.len()),
            ]
        })
        .collect();
    out.push_str(&table(
        &["Dimension", "Score", "Band", "Criteria met"],
        &rows,
    ));
    out.push_str("\nEach dimension's criteria, with the points they earn:\n\n");
    for d in &r.dimensions {
        let met = d
            .criteria
            .iter()
            .filter(|c| c.status == Status::Met)
            .count();
        let _ = writeln!(
            out,
            "<details>\n<summary>{}: {}, {met} of {} criteria met</summary>\n",
            d.label,
            d.score,
            d.criteria.len()
        );
        if d.criteria.is_empty() {
            missing(out, "No criteria apply at this risk tier.");
        } else {
            let rows: Vec<Vec<String>> = d
                .criteria
                .iter()
                .map(|c| {
                    vec![
                        cell(c.label),
                        c.status.label().to_string(),
                        format!("{} / {}", number(c.points), c.weight),
                        cell(&c.evidence),
                        cell(&c.fix),
                    ]
                })
                .collect();
            out.push_str(&table(
                &["Criterion", "Status", "Points", "Why", "To do"],
                &rows,
            ));
            out.push('\n');
        }
        out.push_str("</details>\n\n");
    }
}

// ---------------------------------------------------------------------------
// Sections, in template order

/// Section 1: the process, the problem, the impact, scope, constraints and
/// fit as a first use case.
fn objective(plan: &Plan) -> Section {
    let o = &plan.objective;
    let mut out = String::new();
    labelled(
        &mut out,
        "Process",
        &o.process,
        "Not named yet. Start from an existing business process that hurts, not from a technology.",
    );
    labelled(
        &mut out,
        "What goes wrong today",
        &o.problem,
        "Not described yet. Say what goes wrong, in business terms.",
    );
    labelled(
        &mut out,
        "Expected impact",
        &o.impact,
        "Not stated yet. Say what changes for the business if this works.",
    );
    scope_list(
        &mut out,
        "In scope",
        &o.in_scope,
        "Nothing listed as in scope yet.",
    );
    scope_list(
        &mut out,
        "Out of scope",
        &o.out_of_scope,
        "Nothing listed as out of scope yet. Name what the pilot will not do, so it cannot quietly grow.",
    );
    let c = &o.constraints;
    let limits = [
        ("Time", &c.time),
        ("Budget", &c.budget),
        ("Risk", &c.risk),
        ("Compliance", &c.compliance),
    ];
    out.push_str("**Constraints**\n\n");
    if limits.iter().all(|(_, text)| text.trim().is_empty()) {
        missing(&mut out, "No constraints recorded. Note the limits on time, budget, risk and compliance the plan must respect.");
    } else {
        let rows: Vec<Vec<String>> = limits
            .iter()
            .map(|(label, text)| vec![label.to_string(), cell(text)])
            .collect();
        out.push_str(&table(&["Limit", "What applies"], &rows));
        out.push('\n');
    }
    let traits = fit_traits(&o.fit);
    let held = traits.iter().filter(|(_, v)| *v).count();
    let _ = writeln!(
        out,
        "**Fit as a first use case:** {held} of {} traits hold.\n",
        traits.len()
    );
    for (label, held) in traits {
        let _ = writeln!(out, "- [{}] {label}", if held { "x" } else { " " });
    }
    section("objective", HEADINGS[0], out)
}

fn scope_list(out: &mut String, label: &str, items: &[String], empty: &str) {
    let _ = writeln!(out, "**{label}**\n");
    let items: Vec<&String> = items.iter().filter(|s| !s.trim().is_empty()).collect();
    if items.is_empty() {
        missing(out, empty);
        return;
    }
    for item in items {
        let _ = writeln!(out, "- {}", cell(item));
    }
    out.push('\n');
}

fn fit_traits(fit: &UseCaseFit) -> [(&'static str, bool); 8] {
    [
        ("The workflow repeats often", fit.repeatable),
        ("Its users are known", fit.clear_users),
        (
            "The pain is visible to the people who feel it",
            fit.visible_pain,
        ),
        ("The risk is manageable", fit.manageable_risk),
        ("The outcome can be measured", fit.measurable_outcome),
        (
            "Inputs and outputs are well defined",
            fit.defined_inputs_outputs,
        ),
        ("The data it needs already exists", fit.existing_data),
        ("A business owner is invested in it", fit.invested_owner),
    ]
}

/// Section 2: the metrics with baseline, target and latest value.
fn metrics(plan: &Plan, names: &Names<'_>) -> Section {
    let mut out = String::new();
    if plan.metrics.is_empty() {
        missing(
            &mut out,
            "No success metrics yet. Add at least one business-outcome metric with a baseline measured before any optimization.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .metrics
            .iter()
            .map(|m| {
                let baseline = match (m.baseline, m.baseline_date) {
                    (Some(_), Some(date)) => format!("{} ({date})", quantity(m.baseline, &m.unit)),
                    _ => quantity(m.baseline, &m.unit),
                };
                vec![
                    cell(&m.name),
                    cell(&m.outcome),
                    m.kind.label().to_string(),
                    m.direction.label().to_string(),
                    baseline,
                    quantity(m.target, &m.unit),
                    quantity(m.actual, &m.unit),
                    names.person(m.owner.as_ref()),
                    cell(&m.method),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "Metric",
                "Business outcome",
                "Kind",
                "Better",
                "Baseline (measured)",
                "Target",
                "Latest",
                "Owner",
                "How it is measured",
            ],
            &rows,
        ));
    }
    section("metrics", HEADINGS[1], out)
}

/// Section 3: sponsor, owners and what they are accountable for.
fn ownership(plan: &Plan, names: &Names<'_>) -> Section {
    let o = &plan.ownership;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "- **Executive sponsor:** {}",
        names.person_with_role(o.sponsor.as_ref())
    );
    let _ = writeln!(
        out,
        "- **Initiative owner (accountable for outcomes):** {}",
        names.person_with_role(o.initiative_owner.as_ref())
    );
    let _ = writeln!(
        out,
        "- **Business owner (keeps improving the workflow):** {}\n",
        names.person_with_role(o.business_owner.as_ref())
    );
    labelled(
        &mut out,
        "Accountability",
        &o.accountability,
        "Not written yet. Say what the owners answer for, in their own words.",
    );
    section("ownership", HEADINGS[2], out)
}

/// Section 4: the stakeholders and the decisions they take part in.
fn stakeholders(plan: &Plan, names: &Names<'_>) -> Section {
    use crate::model::DecisionRole;
    let mut out = String::new();
    if plan.stakeholders.is_empty() {
        missing(
            &mut out,
            "No stakeholders yet. List who prepares the work, who reviews it, who can say yes or no, and who is affected.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .stakeholders
            .iter()
            .map(|s| {
                vec![
                    cell(&s.name),
                    cell(&s.role),
                    s.function.label().to_string(),
                    yes_no(s.affected).to_string(),
                    cell(&s.notes),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Name", "Role", "Function", "Work changes", "Notes"],
            &rows,
        ));
        out.push('\n');
    }
    sub(&mut out, "Decisions");
    if plan.decisions.is_empty() {
        missing(
            &mut out,
            "No decisions mapped yet. For each decision, name who prepares it, who reviews it, the one person who approves it, and who can block it.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .decisions
            .iter()
            .map(|d| {
                let who = |role: DecisionRole| {
                    let people: Vec<String> = d
                        .roles
                        .iter()
                        .filter(|r| r.role == role)
                        .map(|r| match &r.stakeholder {
                            Some(id) => names.person(Some(id)),
                            None => "_unassigned_".to_string(),
                        })
                        .collect();
                    people.join(", ")
                };
                vec![
                    cell(&d.title),
                    who(DecisionRole::Prepares),
                    who(DecisionRole::Reviews),
                    match who(DecisionRole::Approves) {
                        approver if approver.is_empty() => "_no one yet_".to_string(),
                        approver => approver,
                    },
                    who(DecisionRole::CanBlock),
                    who(DecisionRole::Informed),
                    cell(&d.on_disagreement),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "Decision",
                "Prepares",
                "Reviews",
                "Approves",
                "Can block",
                "Informed",
                "When people disagree",
            ],
            &rows,
        ));
    }
    section("stakeholders", HEADINGS[3], out)
}

/// Section 5: who does what in each step of the workflow.
fn workflow(plan: &Plan, names: &Names<'_>) -> Section {
    let mut out = String::new();
    if plan.workflow.is_empty() {
        missing(
            &mut out,
            "No workflow steps yet. Walk through the process step by step and say what the AI prepares, checks or routes, and what people approve, decide or own.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .workflow
            .iter()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    (i + 1).to_string(),
                    cell(&s.name),
                    s.ai_role.label().to_string(),
                    s.human_role.label().to_string(),
                    names.person(s.owner.as_ref()),
                    yes_no(s.carries_risk).to_string(),
                    cell(&s.notes),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "#",
                "Step",
                "AI",
                "People",
                "Owner",
                "Carries risk",
                "Notes",
            ],
            &rows,
        ));
    }
    section("workflow", HEADINGS[4], out)
}

/// Section 6: each data source and how ready it is.
fn data(plan: &Plan, names: &Names<'_>) -> Section {
    let mut out = String::new();
    if plan.data_sources.is_empty() {
        missing(
            &mut out,
            "No data sources yet. For each source, record its owner, quality, access approval, compliance review and whether it looks like production data.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .data_sources
            .iter()
            .map(|d| {
                let sensitivity = match (d.personal_data, d.regulated_data) {
                    (false, false) => "No",
                    (true, false) => "Personal",
                    (false, true) => "Regulated",
                    (true, true) => "Personal and regulated",
                };
                let production = d.production_representative.map_or("Unknown", yes_no);
                vec![
                    cell(&d.name),
                    cell(&d.description),
                    names.person(d.owner.as_ref()),
                    d.quality.label().to_string(),
                    d.accessibility.label().to_string(),
                    d.access_approval.label().to_string(),
                    d.compliance.label().to_string(),
                    sensitivity.to_string(),
                    production.to_string(),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "Source",
                "Holds",
                "Owner",
                "Quality",
                "Reachable",
                "Access approval",
                "Compliance",
                "Personal or regulated",
                "Like production",
            ],
            &rows,
        ));
    }
    section("data", HEADINGS[5], out)
}

/// Section 7: the systems touched and how far integration has come.
fn systems(plan: &Plan, names: &Names<'_>) -> Section {
    let mut out = String::new();
    if plan.systems.is_empty() {
        missing(
            &mut out,
            "No systems yet. List the systems of record and integration points the workflow touches, with their security review; the last mile of integration is where plans stall.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .systems
            .iter()
            .map(|s| {
                vec![
                    cell(&s.name),
                    s.role.label().to_string(),
                    names.person(s.owner.as_ref()),
                    s.integration.label().to_string(),
                    s.security_review.label().to_string(),
                    cell(&s.limits),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "System",
                "Role",
                "Owner",
                "Integration",
                "Security review",
                "Limits",
            ],
            &rows,
        ));
    }
    section("systems", HEADINGS[6], out)
}

/// Labels of the chosen items, or a note when the question is open.
fn list_answer<T: Choice>(answer: Option<&[T]>, none: &str) -> String {
    match answer {
        None => "_not answered_".to_string(),
        Some([]) => none.to_string(),
        Some(items) => items
            .iter()
            .map(|c| c.label())
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// Section 8: the risk tier, the questionnaire, the controls the tier calls
/// for and the plan's governance controls.
fn risk(plan: &Plan, names: &Names<'_>, assessment: &RiskAssessment) -> Section {
    let r = &plan.risk;
    let mut out = String::new();
    tier(&mut out, assessment);
    sub(&mut out, "Risk questions");
    let rows = vec![
        vec![
            "Prohibited practices involved".to_string(),
            list_answer(r.prohibited.as_deref(), "None"),
        ],
        vec![
            "High-risk areas".to_string(),
            list_answer(r.high_risk_areas.as_deref(), "None"),
        ],
        vec![
            "People interact with it directly".to_string(),
            answer(r.interacts_with_people),
        ],
        vec![
            "It generates content people will see".to_string(),
            answer(r.generates_content),
        ],
        vec![
            "Outcomes affect people's rights or access to services".to_string(),
            answer(r.affects_rights),
        ],
        vec![
            "How much it acts on its own".to_string(),
            r.autonomy
                .map_or_else(|| "_not answered_".to_string(), |a| a.label().to_string()),
        ],
        vec![
            "Most sensitive personal data".to_string(),
            r.personal_data
                .map_or_else(|| "_not answered_".to_string(), |p| p.label().to_string()),
        ],
    ];
    out.push_str(&table(&["Question", "Answer"], &rows));
    out.push('\n');
    if !r.notes.trim().is_empty() {
        labelled(&mut out, "Notes", &r.notes, "");
    }
    required_controls(&mut out, plan, names, assessment);
    sub(&mut out, "Governance controls");
    if plan.controls.is_empty() {
        missing(
            &mut out,
            "No controls yet. Before focused deployment, put in place data handling and privacy, acceptable use, human oversight and incident response.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .controls
            .iter()
            .map(|c| {
                vec![
                    c.area.label().to_string(),
                    cell(&c.name),
                    c.status.label().to_string(),
                    names.person(c.owner.as_ref()),
                    cell(&c.evidence),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Area", "Control", "Status", "Owner", "Evidence"],
            &rows,
        ));
    }
    section("risk", HEADINGS[7], out)
}

/// The tier, its headline, what decided it, the open questions and the
/// caveat that this is not legal advice.
fn tier(out: &mut String, a: &RiskAssessment) {
    sub(out, "Risk tier");
    let _ = writeln!(out, "**{}**\n", cell(&a.headline));
    out.push_str("What decided it:\n\n");
    for reason in &a.reasons {
        let _ = writeln!(out, "- {}", cell(reason));
    }
    out.push('\n');
    if !a.unanswered.is_empty() {
        out.push_str(if a.provisional {
            "Not answered yet, and an answer could raise the tier:\n\n"
        } else {
            "Not answered yet:\n\n"
        });
        for q in &a.unanswered {
            let _ = writeln!(out, "- {}", cell(q.label));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "_{}_\n", escape(a.disclaimer));
}

/// The governance areas the tier calls for as a task list, ticked when in
/// place, with their state, owners and what is left to do.
fn required_controls(out: &mut String, plan: &Plan, names: &Names<'_>, a: &RiskAssessment) {
    sub(out, "Required controls");
    let in_place = a
        .required
        .iter()
        .filter(|r| r.state == ControlState::InPlace)
        .count();
    let _ = writeln!(
        out,
        "The {} tier calls for {} before deployment; {in_place} {} in place.\n",
        a.tier.label().to_lowercase(),
        count(a.required.len(), "governance area", "governance areas"),
        if in_place == 1 { "is" } else { "are" }
    );
    for req in &a.required {
        let mut owners: Vec<&Id> = Vec::new();
        for c in plan.controls.iter().filter(|c| c.area == req.area) {
            if let Some(owner) = &c.owner {
                if !owners.contains(&owner) {
                    owners.push(owner);
                }
            }
        }
        let who = if owners.is_empty() {
            String::new()
        } else {
            format!("; {}", names.people(owners))
        };
        let done = req.state == ControlState::InPlace;
        let _ = write!(
            out,
            "- [{}] **{}** ({}{who})",
            if done { "x" } else { " " },
            req.label,
            req.state.label()
        );
        match a.gaps.iter().find(|g| g.area == req.area) {
            Some(gap) if !done => {
                let _ = writeln!(out, ": {}", cell(&gap.message));
            }
            _ => out.push('\n'),
        }
    }
    out.push('\n');
}

/// One phase: what it is for, when it starts and its gate, criterion by
/// criterion.
fn phase(out: &mut String, names: &Names<'_>, gates: &Gates, i: usize, p: &Phase) {
    let current = if gates.current_index == Some(i) {
        " (current phase)"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "#### Phase {}: {}{current}\n",
        i + 1,
        names.phase(Some(&p.id))
    );
    if p.name.trim() != p.kind.label() {
        let _ = writeln!(out, "- **Kind:** {}", p.kind.label());
    }
    let stated = |text: &str| {
        if text.trim().is_empty() {
            "_not stated_".to_string()
        } else {
            cell(text)
        }
    };
    let _ = writeln!(out, "- **Goal:** {}", stated(&p.goal));
    let _ = writeln!(out, "- **Needs to start:** {}", stated(&p.inputs));
    let gate = gates.phases.get(i);
    if let Some(start) = gate.and_then(|g| g.start) {
        let _ = writeln!(out, "- **Starts:** {start}");
    }
    let Some(gate) = gate else {
        out.push('\n');
        return;
    };
    let _ = writeln!(out, "- **Gate:** {}\n", cell(&gate.summary));
    for c in &gate.criteria {
        let own = if c.source == Source::User {
            " _(own criterion)_"
        } else {
            ""
        };
        let detail = if c.met {
            String::new()
        } else {
            format!(" — {}", cell(&c.detail))
        };
        let _ = writeln!(
            out,
            "- [{}] {}{own}{detail}",
            if c.met { "x" } else { " " },
            cell(&c.text)
        );
    }
    if !gate.criteria.is_empty() {
        out.push('\n');
    }
}

/// Section 9: phases with their gates, the foundation deliverables and the
/// tasks.
fn roadmap(plan: &Plan, names: &Names<'_>, analysis: &Analysis) -> Section {
    let gates = &analysis.gates;
    let mut out = String::new();
    sub(&mut out, "Phases");
    if plan.phases.is_empty() {
        missing(
            &mut out,
            "No phases yet. Sequence the work from foundation to scale, each phase with an owner, exit criteria and one person who approves its gate.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut status = p.status.label().to_string();
                if gates.current_index == Some(i) {
                    status.push_str(", **current**");
                }
                vec![
                    (i + 1).to_string(),
                    names.phase(Some(&p.id)),
                    names.person(p.owner.as_ref()),
                    whole(p.duration_weeks),
                    status,
                    gates
                        .phases
                        .get(i)
                        .map(|g| g.decision.label().to_string())
                        .unwrap_or_default(),
                    names.people(&p.gate_approvers),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "#",
                "Phase",
                "Owner",
                "Weeks",
                "Status",
                "Gate",
                "Gate decided by",
            ],
            &rows,
        ));
        out.push('\n');
        for (i, p) in plan.phases.iter().enumerate() {
            phase(&mut out, names, gates, i, p);
        }
        if !gates.notes.is_empty() {
            out.push_str("**Phase status to check:**\n\n");
            for note in &gates.notes {
                let _ = writeln!(out, "- {}", cell(&note.message));
            }
            out.push('\n');
        }
    }
    sub(&mut out, "Foundation deliverables");
    if plan.deliverables.is_empty() {
        missing(
            &mut out,
            "No deliverables yet. The foundation gate relies on four: a context pack, a data readiness assessment, a governance framework and a stakeholder alignment map.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .deliverables
            .iter()
            .map(|d| {
                let name = if d.name.trim().is_empty() {
                    d.kind.label().to_string()
                } else {
                    cell(&d.name)
                };
                vec![
                    name,
                    d.status.label().to_string(),
                    names.person(d.owner.as_ref()),
                    names.person(d.approver.as_ref()),
                    cell(&d.link),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "Deliverable",
                "Status",
                "Written by",
                "Approved by",
                "Where it lives",
            ],
            &rows,
        ));
        out.push('\n');
    }
    sub(&mut out, "Tasks");
    if plan.tasks.is_empty() {
        missing(
            &mut out,
            "No tasks yet. Break each phase into tasks with an owner, a length in working days and the tasks they wait for.",
        );
    } else {
        let days: u64 = plan
            .tasks
            .iter()
            .filter_map(|t| t.duration_days)
            .map(u64::from)
            .sum();
        let _ = writeln!(
            out,
            "{} with {days} working days of effort in total.\n",
            count(plan.tasks.len(), "task", "tasks")
        );
        let rows: Vec<Vec<String>> = plan
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let after: Vec<String> = t.depends_on.iter().map(|d| names.task(d)).collect();
                vec![
                    (i + 1).to_string(),
                    cell(&t.title),
                    names.phase(t.phase.as_ref()),
                    names.person(t.owner.as_ref()),
                    whole(t.duration_days),
                    after.join("<br>"),
                    t.status.label().to_string(),
                    cell(&t.notes),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "#", "Task", "Phase", "Owner", "Days", "After", "Status", "Notes",
            ],
            &rows,
        ));
    }
    schedule_part(&mut out, plan, names, &analysis.schedule);
    section("roadmap", HEADINGS[8], out)
}

// ---------------------------------------------------------------------------
// Schedule and timeline

/// Where the timeline counts from when the plan has no start date: a Monday,
/// so the chart's weeks line up with working weeks.
const STAND_IN_START: (i64, u8, u8) = (2026, 1, 5);

/// GitHub does not draw a Mermaid diagram longer than this many characters
/// (Mermaid's default `maxTextSize`).
const MERMAID_MAX_CHARS: usize = 50_000;

/// Longest task or phase name in the timeline, in characters.
const MERMAID_NAME_CHARS: usize = 60;

/// The schedule under section 9: length and dates, the critical path,
/// warnings and a Mermaid timeline; or, when dependencies loop, every task
/// of every loop.
fn schedule_part(
    out: &mut String,
    plan: &Plan,
    names: &Names<'_>,
    schedule: &Result<Schedule, CycleError>,
) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    sub(out, "Schedule");
    if plan.tasks.is_empty() {
        missing(
            out,
            "No schedule without tasks. Add tasks with their lengths and dependencies to see their order, the critical path and a timeline.",
        );
        return;
    }
    let s = match schedule {
        Ok(s) => s,
        Err(e) => {
            loops(out, names, e);
            return;
        }
    };
    let days = count(
        usize::try_from(s.total_days).unwrap_or(usize::MAX),
        "working day",
        "working days",
    );
    match (s.start_date, s.finish_date) {
        (_, _) if s.total_days == 0 => out.push_str(
            "The tasks take no working days yet: give them lengths to see the critical path.\n\n",
        ),
        (Some(start), Some(finish)) => {
            let _ = writeln!(
                out,
                "The tasks take **{days}**, from {start} to {finish} (weekends are not worked).\n"
            );
        }
        _ => {
            let _ = writeln!(
                out,
                "The tasks take **{days}**. Set the roadmap's start date to see calendar dates.\n"
            );
        }
    }
    if s.total_days > 0 && !s.critical_path.is_empty() {
        let path: Vec<String> = s.critical_path.iter().map(|id| names.task(id)).collect();
        let _ = writeln!(
            out,
            "**Critical path** (a day lost on any of these delays the whole plan): {}\n",
            path.join(" → ")
        );
        let on_path: HashSet<&Id> = s.critical_path.iter().collect();
        let also: Vec<String> = s
            .tasks
            .iter()
            .filter(|t| t.critical && !on_path.contains(&t.id))
            .map(|t| names.task(&t.id))
            .collect();
        if !also.is_empty() {
            let _ = writeln!(
                out,
                "Also without slack, on a parallel path as long: {}\n",
                also.join(", ")
            );
        }
    }
    if !s.warnings.is_empty() {
        out.push_str("Warnings:\n\n");
        for w in &s.warnings {
            let _ = writeln!(out, "- {}", cell(&w.message));
        }
        out.push('\n');
    }
    match gantt(plan, s) {
        Ok((chart, stand_in)) => {
            if let Some(start) = stand_in {
                let _ = writeln!(
                    out,
                    "_The plan has no start date, so the timeline counts from Monday {start} as a stand-in: read its dates as weeks from the start._\n"
                );
            }
            out.push_str("The timeline highlights every task without slack.\n\n");
            out.push_str(&chart);
        }
        Err(why) => missing(out, why),
    }
}

/// Every task of every dependency loop, by number and title.
fn loops(out: &mut String, names: &Names<'_>, e: &CycleError) {
    let _ = writeln!(
        out,
        "**The tasks cannot be put in order:** their dependencies form {}, so there is no critical path and no timeline. Remove one dependency from each loop:\n",
        if e.cycles.len() == 1 {
            "a loop".to_string()
        } else {
            count(e.cycles.len(), "loop", "loops")
        }
    );
    for (k, cycle) in e.cycles.iter().enumerate() {
        let tasks: Vec<String> = cycle.iter().map(|id| names.task(id)).collect();
        let what = match tasks.as_slice() {
            [one] => format!("{one} depends on itself"),
            _ => format!("{} depend on each other", and_list(&tasks)),
        };
        let _ = writeln!(out, "- Loop {}: {what}.", k + 1);
    }
    out.push('\n');
}

/// The schedule as a fenced Mermaid `gantt` block, and the stand-in start
/// date when the plan has none; or why no chart is drawn.
///
/// Tasks are grouped in one `section` per phase (in plan order, tasks with no
/// known phase last) and listed in schedule order within it, so a task comes
/// after those it waits for except across phases. Each task is
/// `N. title :tags, tN, start, Dd`: its position in the plan, its title made
/// safe by [`mermaid_text`], `done`/`active` from its status, `crit` when it
/// has no slack (the critical path and any path as long), `milestone` for
/// zero days, and either the start date (no
/// dependencies) or `after` its dependencies. Durations are working days:
/// with `excludes weekends` Mermaid stretches each bar over the weekends it
/// spans, which gives the same dates as the schedule.
fn gantt(plan: &Plan, s: &Schedule) -> Result<(String, Option<Date>), &'static str> {
    if s.total_days > (MAX_WEEKS as u64).saturating_mul(5) {
        return Err("No timeline: the tasks run for more than ten years. Check their lengths.");
    }
    let (start, stand_in) = match s.start_date {
        Some(date) => (date, None),
        None => {
            let (y, m, d) = STAND_IN_START;
            let date = Date::new(y, m, d).and_then(|d| working_day(d, 0));
            let Some(date) = date else {
                return Err("No timeline: no start date to draw it from.");
            };
            (date, Some(date))
        }
    };
    // Position of the first task with each id, as the schedule resolves them.
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        index.entry(t.id.as_str()).or_insert(i);
    }
    // Each task's place in the schedule order; a repeated id takes the next
    // task that has it.
    let mut slots: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        slots.entry(t.id.as_str()).or_default().push_back(i);
    }
    let mut rank = vec![usize::MAX; plan.tasks.len()];
    for (r, id) in s.order.iter().enumerate() {
        if let Some(i) = slots.get_mut(id.as_str()).and_then(VecDeque::pop_front) {
            rank[i] = r;
        }
    }
    // Every task without slack, not only those on the one path named above:
    // a day lost on any of them delays the plan.
    let critical: HashSet<usize> = s
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.critical && s.total_days > 0)
        .map(|(i, _)| i)
        .collect();
    let phase_of: HashMap<&str, usize> = plan
        .phases
        .iter()
        .enumerate()
        .rev()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); plan.phases.len() + 1];
    for (i, t) in plan.tasks.iter().enumerate() {
        let g = t
            .phase
            .as_ref()
            .and_then(|p| phase_of.get(p.as_str()).copied())
            .unwrap_or(plan.phases.len());
        if let Some(group) = groups.get_mut(g) {
            group.push(i);
        }
    }

    let mut chart =
        String::from("```mermaid\ngantt\n    dateFormat YYYY-MM-DD\n    excludes weekends\n");
    if stand_in.is_some() {
        chart.push_str("    todayMarker off\n");
    }
    for (g, group) in groups.iter_mut().enumerate() {
        if group.is_empty() {
            continue;
        }
        let name = match plan.phases.get(g) {
            Some(p) => {
                let name = mermaid_text(&p.name, MERMAID_NAME_CHARS);
                if name.is_empty() {
                    format!("Phase {}", g + 1)
                } else {
                    name
                }
            }
            None => "Tasks without a phase".to_string(),
        };
        let _ = writeln!(chart, "    section {name}");
        group.sort_by_key(|&i| (rank.get(i).copied().unwrap_or(usize::MAX), i));
        for &i in group.iter() {
            let Some(t) = plan.tasks.get(i) else {
                continue;
            };
            let mut title = mermaid_text(&t.title, MERMAID_NAME_CHARS);
            if title.is_empty() {
                title = "Untitled task".to_string();
            }
            let mut tags = String::new();
            match t.status {
                TaskStatus::Done => tags.push_str("done, "),
                TaskStatus::InProgress => tags.push_str("active, "),
                TaskStatus::Todo | TaskStatus::Blocked => {}
            }
            if critical.contains(&i) {
                tags.push_str("crit, ");
            }
            let days = t.duration_days.unwrap_or(0);
            if days == 0 {
                tags.push_str("milestone, ");
            }
            let mut after: Vec<usize> = Vec::new();
            for dep in &t.depends_on {
                if let Some(&j) = index.get(dep.as_str()) {
                    if j != i && !after.contains(&j) {
                        after.push(j);
                    }
                }
            }
            let from = if after.is_empty() {
                start.to_string()
            } else {
                let ids: Vec<String> = after.iter().map(|j| format!("t{}", j + 1)).collect();
                format!("after {}", ids.join(" "))
            };
            let _ = writeln!(
                chart,
                "    {n}. {title} :{tags}t{n}, {from}, {days}d",
                n = i + 1
            );
        }
    }
    chart.push_str("```\n");
    if chart.len() > MERMAID_MAX_CHARS {
        return Err("No timeline: the plan has more tasks than GitHub draws in one chart. The critical path above still applies.");
    }
    Ok((chart, stand_in))
}

/// User text made safe for a name in a Mermaid `gantt` line, readable but
/// unable to change the chart: `:` `;` `#` (which end a name or start a
/// comment or an entity), line breaks and other control characters, and
/// backticks (which could close the Markdown fence) become one `'`; `<` `>`
/// become `‹` `›`; a run of `%` becomes one, so no `%%` comment or directive
/// can form; spaces are collapsed. At most `max` characters are kept, with
/// `…` when cut. The result may be empty.
///
/// Task lines also start with the task's number, so no name can begin with
/// a keyword such as `section`, `title` or `click`.
///
/// ```
/// use planwright_core::export::markdown::mermaid_text;
/// assert_eq!(mermaid_text("Review: legal; #2\n```end", 60), "Review - legal, 2 'end");
/// assert_eq!(mermaid_text("%%{init: {}}%%", 60), "%{init - {}}%");
/// assert_eq!(mermaid_text("abcdef", 4), "abc…");
/// assert_eq!(mermaid_text("Review the draft", 12), "Review the…");
/// ```
pub fn mermaid_text(text: &str, max: usize) -> String {
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ':' => safe.push_str(" - "),
            ';' => safe.push(','),
            '#' => safe.push(' '),
            '`' | '\'' if safe.ends_with('\'') => {}
            '`' => safe.push('\''),
            '<' => safe.push('‹'),
            '>' => safe.push('›'),
            '%' if safe.ends_with('%') => {}
            c if c.is_whitespace() || c.is_control() => safe.push(' '),
            c => safe.push(c),
        }
    }
    let words: Vec<&str> = safe.split_whitespace().collect();
    let joined = words.join(" ");
    if joined.chars().count() <= max {
        return joined;
    }
    let mut cut: String = joined.chars().take(max.saturating_sub(1)).collect();
    // End on a whole word when one ends in the second half.
    let next = joined.chars().nth(cut.chars().count());
    if next.is_some_and(|c| c != ' ') {
        if let Some(space) = cut.rfind(' ').filter(|&at| at >= cut.len() / 2) {
            cut.truncate(space);
        }
    }
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// Section 10: approvals and hand-offs as work in their own right.
fn handoffs(plan: &Plan, names: &Names<'_>) -> Section {
    let mut out = String::new();
    if plan.handoffs.is_empty() {
        missing(
            &mut out,
            "No hand-offs yet. For each approval or hand-over, say where the work shows up, what context travels with it, the expected turnaround and how it escalates.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .handoffs
            .iter()
            .map(|h| {
                vec![
                    cell(&h.name),
                    format!(
                        "{} → {}",
                        names.person(h.from.as_ref()),
                        names.person(h.to.as_ref())
                    ),
                    names.person(h.approver.as_ref()),
                    cell(&h.channel),
                    cell(&h.context),
                    h.turnaround_days
                        .map_or_else(|| "—".to_string(), |d| count(d as usize, "day", "days")),
                    cell(&h.escalation),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "Hand-off",
                "From → to",
                "Approved by",
                "Shows up in",
                "Context that travels",
                "Turnaround",
                "If it sits",
            ],
            &rows,
        ));
    }
    section("handoffs", HEADINGS[9], out)
}

/// Section 11: training, communication, adoption milestones, leadership and
/// AI literacy.
fn change(plan: &Plan, names: &Names<'_>) -> Section {
    let c = &plan.change;
    let mut out = String::new();
    sub(&mut out, "Training");
    if c.training.is_empty() {
        missing(&mut out, "No training planned yet. Training is not optional: plan it for every group whose work changes.");
    } else {
        let rows: Vec<Vec<String>> = c
            .training
            .iter()
            .map(|t| {
                vec![
                    cell(&t.audience),
                    cell(&t.topic),
                    names.person(t.owner.as_ref()),
                    t.status.label().to_string(),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Audience", "What they learn", "Owner", "Status"],
            &rows,
        ));
        out.push('\n');
    }
    sub(&mut out, "Communication");
    if c.communications.is_empty() {
        missing(&mut out, "No communication planned yet. Tell each audience what the AI is for and where its limits are.");
    } else {
        let rows: Vec<Vec<String>> = c
            .communications
            .iter()
            .map(|m| {
                vec![
                    cell(&m.audience),
                    cell(&m.message),
                    cell(&m.channel),
                    cell(&m.timing),
                    names.person(m.owner.as_ref()),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Audience", "Message", "Channel", "When", "Owner"],
            &rows,
        ));
        out.push('\n');
    }
    sub(&mut out, "Adoption milestones");
    if c.milestones.is_empty() {
        missing(&mut out, "No adoption milestones yet. Tie adoption to dates and to someone accountable; it is an outcome, not a soft extra.");
    } else {
        let rows: Vec<Vec<String>> = c
            .milestones
            .iter()
            .map(|m| {
                vec![
                    cell(&m.name),
                    cell(&m.measure),
                    m.due.map(|d| d.to_string()).unwrap_or_default(),
                    names.person(m.owner.as_ref()),
                    m.status.label().to_string(),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Milestone", "Measured by", "Due", "Accountable", "Status"],
            &rows,
        ));
        out.push('\n');
    }
    labelled(
        &mut out,
        "Leaders using it visibly",
        &c.leadership,
        "Not planned yet. Say how leaders will use the capability where people can see it.",
    );
    labelled(
        &mut out,
        "AI literacy",
        &c.literacy,
        "Not planned yet. Say how non-technical users learn what the AI can and cannot do.",
    );
    section("change", HEADINGS[10], out)
}

/// Section 12: feedback loops, flagging, support, model review and hotspots.
fn feedback(plan: &Plan, names: &Names<'_>) -> Section {
    let f = &plan.feedback;
    let mut out = String::new();
    sub(&mut out, "Feedback loops");
    if f.loops.is_empty() {
        missing(&mut out, "No feedback loops yet. Name the signals to watch, how often, who watches, the threshold and the action it triggers.");
    } else {
        let rows: Vec<Vec<String>> = f
            .loops
            .iter()
            .map(|l| {
                vec![
                    cell(&l.signal),
                    l.cadence.label().to_string(),
                    names.person(l.owner.as_ref()),
                    cell(&l.threshold),
                    cell(&l.action),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Signal", "Checked", "Owner", "Threshold", "Action"],
            &rows,
        ));
        out.push('\n');
    }
    sub(&mut out, "Support and review");
    labelled(
        &mut out,
        "Flagging a wrong output",
        &f.flagging,
        "Not described yet. Say how a user marks an output as wrong.",
    );
    labelled(
        &mut out,
        "Support path",
        &f.support.description,
        "Not described yet. Say how people get help once the AI is live.",
    );
    let _ = writeln!(
        out,
        "**Support owner:** {}\n",
        names.person_with_role(f.support.owner.as_ref())
    );
    labelled(
        &mut out,
        "Model and prompt review",
        &f.model_review,
        "Not planned yet. Say how often the model and prompts are reviewed, and by whom.",
    );
    sub(&mut out, "Correction hotspots");
    if f.hotspots.is_empty() {
        missing(&mut out, "No hotspots recorded yet. Once outputs are in use, note where people correct them most and why.");
    } else {
        let rows: Vec<Vec<String>> = f
            .hotspots
            .iter()
            .map(|h| vec![cell(&h.area), h.cause.label().to_string(), cell(&h.notes)])
            .collect();
        out.push_str(&table(&["Where", "Cause", "What was found"], &rows));
    }
    section("feedback", HEADINGS[11], out)
}

/// The validation findings, errors first, each with the path it concerns.
fn findings(found: &[Finding]) -> Section {
    let mut out = String::new();
    if found.is_empty() {
        missing(&mut out, "No findings: every check passes.");
        return section("findings", "Findings", out);
    }
    let errors: Vec<&Finding> = found
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    let warnings: Vec<&Finding> = found
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .collect();
    let _ = writeln!(
        out,
        "{} and {}. Errors are contradictions to resolve; warnings point at what is missing or weak, which is normal while a plan is being written.\n",
        count(errors.len(), "error", "errors"),
        count(warnings.len(), "warning", "warnings")
    );
    for (label, list) in [("Errors", &errors), ("Warnings", &warnings)] {
        if list.is_empty() {
            continue;
        }
        sub(&mut out, label);
        for f in list.iter() {
            let _ = writeln!(out, "- {}: {}", code(&f.path), cell(&f.message));
        }
        out.push('\n');
    }
    section("findings", "Findings", out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Decision, DecisionRole, Metric, RoleAssignment};

    /// Hostile strings, and what must not survive escaping.
    const HOSTILE: &[&str] = &[
        "<script>alert(1)</script>",
        "| a | b |",
        "[x](javascript:alert(1))",
        "```\nfenced\n```",
        "~~~\nfenced\n~~~",
        "<!-- hidden -->",
        "<img src=x onerror=alert(1)>",
        "# heading\n- list\n+ list\n1. list\n> quote\n===",
        "**bold** _em_ `code` $x$ ~~gone~~",
        "a\\|b",
        "    indented code",
        "line\r\nwith\rcarriage\u{0}returns",
    ];

    #[test]
    fn escape_table() {
        let cases: &[(&str, &str)] = &[
            ("plain text, 42%", "plain text, 42%"),
            ("<script>", "&lt;script&gt;"),
            ("a & b", "a &amp; b"),
            ("| a | b |", "\\| a \\| b \\|"),
            ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
            ("```", "\\`\\`\\`"),
            ("<!-- c -->", "&lt;!-- c --&gt;"),
            ("# h", "\\# h"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("> quote", "&gt; quote"),
            ("1. first", "1\\. first"),
            ("12) twelfth", "12\\) twelfth"),
            (
                "1234567890. too long for a list",
                "1234567890. too long for a list",
            ),
            ("x\n===", "x\n\\==="),
            ("a\\b", "a\\\\b"),
            ("*a* _b_", "\\*a\\* \\_b\\_"),
            ("$5 ~ $6", "\\$5 \\~ \\$6"),
            ("    code", "code"),
            ("a\r\nb\rc", "a\nb\nc"),
            ("tab\there\u{7}", "tab here "),
            ("mid-line - and # stay", "mid-line - and # stay"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), *want, "escaping {input:?}");
        }
    }

    #[test]
    fn hostile_text_cannot_escape_a_cell() {
        for text in HOSTILE {
            let c = cell(text);
            assert!(!c.contains('\n'), "{c:?}");
            assert!(!c.replace("<br>", "").contains('<'), "{c:?}");
            // Every pipe is escaped, so the row keeps its columns.
            let bytes = c.as_bytes();
            for (i, b) in bytes.iter().enumerate() {
                if *b == b'|' {
                    assert!(i > 0 && bytes[i - 1] == b'\\', "unescaped pipe in {c:?}");
                }
            }
        }
    }

    #[test]
    fn hostile_text_in_a_whole_document() {
        let mut plan = Plan::blank();
        for (i, text) in HOSTILE.iter().enumerate() {
            plan.stakeholders.push(Stakeholder {
                id: Id(format!("s{i}")),
                name: text.to_string(),
                notes: text.to_string(),
                ..Stakeholder::default()
            });
        }
        plan.title = HOSTILE.join(" ");
        plan.summary = HOSTILE.join("\n");
        plan.objective.problem = HOSTILE.join("\n\n");
        let doc = to_markdown(&plan);
        assert!(!doc.contains("<script"));
        assert!(!doc.contains("<!--"));
        assert!(!doc.contains("<img"));
        assert!(
            !doc.contains("](javascript")
                || doc.matches("](javascript").count() == doc.matches("\\](javascript").count()
        );
        assert!(doc.contains("\\[x\\](javascript:alert(1))"));
        assert!(!doc.contains("\n```") && !doc.contains("\n~~~"));
        // Only our own headings start with '#'.
        for line in doc.lines().filter(|l| l.starts_with('#')) {
            assert!(
                line.starts_with("# ")
                    || line.starts_with("## ")
                    || line.starts_with("### ")
                    || line.starts_with("#### "),
                "{line}"
            );
        }
        assert!(!doc
            .lines()
            .any(|l| l.starts_with("# heading") || l.starts_with("=")));
    }

    #[test]
    fn code_spans_outlast_backticks_inside() {
        assert_eq!(code("tasks[0].id"), "`tasks[0].id`");
        assert_eq!(code("a``b"), "```a``b```");
        assert_eq!(code("`x"), "`` `x ``");
    }

    #[test]
    fn block_keeps_paragraphs_and_breaks() {
        assert_eq!(block("one\ntwo\n\n\nthree"), "one\\\ntwo\n\nthree");
        assert_eq!(inline("a\n\nb"), "a b");
    }

    #[test]
    fn names_resolve_and_dangling_ids_show() {
        let mut plan = Plan::blank();
        plan.stakeholders.push(Stakeholder {
            id: Id::from("s1"),
            name: "Ana Ortiz".into(),
            role: "Head of Support".into(),
            ..Stakeholder::default()
        });
        plan.stakeholders.push(Stakeholder {
            id: Id::from("s2"),
            ..Stakeholder::default()
        });
        plan.tasks.push(Task {
            id: Id::from("t1"),
            title: "Map the process".into(),
            ..Task::default()
        });
        let names = Names::new(&plan);
        assert_eq!(names.person(Some(&Id::from("s1"))), "Ana Ortiz");
        assert_eq!(
            names.person_with_role(Some(&Id::from("s1"))),
            "Ana Ortiz, Head of Support"
        );
        assert_eq!(
            names.person(Some(&Id::from("s2"))),
            "_unnamed stakeholder (id 's2')_"
        );
        assert_eq!(
            names.person(Some(&Id::from("ghost_1"))),
            "_unknown (id 'ghost\\_1')_"
        );
        assert_eq!(names.person(None), "—");
        assert_eq!(
            names.phase(Some(&Id::from("phase-2"))),
            "Focused deployment"
        );
        assert_eq!(
            names.phase(Some(&Id::from("phase-9"))),
            "_unknown (id 'phase-9')_"
        );
        assert_eq!(names.task(&Id::from("t1")), "#1 Map the process");
        assert_eq!(names.task(&Id::from("t9")), "_unknown (id 't9')_");
    }

    #[test]
    fn sections_come_in_template_order_and_never_vanish() {
        let keys: Vec<&str> = sections(&Plan::default()).iter().map(|s| s.key).collect();
        assert_eq!(
            keys,
            [
                "summary",
                "objective",
                "metrics",
                "ownership",
                "stakeholders",
                "workflow",
                "data",
                "systems",
                "risk",
                "roadmap",
                "handoffs",
                "change",
                "feedback",
                "findings"
            ]
        );
        let doc = to_markdown(&Plan::default());
        for n in 1..=12 {
            assert!(doc.contains(&format!("\n## {n}. ")), "section {n} missing");
        }
        for hint in [
            "_No success metrics yet.",
            "_No stakeholders yet.",
            "_No workflow steps yet.",
            "_No data sources yet.",
            "_No systems yet.",
            "_No controls yet.",
            "_No phases yet.",
            "_No tasks yet.",
            "_No hand-offs yet.",
            "_No training planned yet.",
            "_No feedback loops yet.",
        ] {
            assert!(doc.contains(hint), "missing hint {hint}");
        }
    }

    #[test]
    fn decisions_show_roles_by_name_and_findings_have_paths() {
        let mut plan = Plan::blank();
        plan.stakeholders.push(Stakeholder {
            id: Id::from("s1"),
            name: "Ana".into(),
            ..Stakeholder::default()
        });
        plan.decisions.push(Decision {
            id: Id::from("d1"),
            title: "Go live".into(),
            roles: vec![
                RoleAssignment {
                    stakeholder: Some(Id::from("s1")),
                    role: DecisionRole::Approves,
                },
                RoleAssignment {
                    stakeholder: Some(Id::from("nobody")),
                    role: DecisionRole::Approves,
                },
            ],
            on_disagreement: String::new(),
        });
        plan.metrics.push(Metric {
            id: Id::from("m1"),
            name: "Handle time".into(),
            unit: "%".into(),
            baseline: Some(12.5),
            ..Metric::default()
        });
        plan.decisions.push(Decision {
            id: Id::from("d2"),
            title: "Pick the model".into(),
            ..Decision::default()
        });
        let doc = to_markdown(&plan);
        assert!(
            doc.contains("| Go live | — | — | Ana, _unknown (id 'nobody')_ | — | — | — |"),
            "{doc}"
        );
        assert!(
            doc.contains("| Pick the model | — | — | _no one yet_ | — | — | — |"),
            "{doc}"
        );
        assert!(doc.contains("| 12.5% |"));
        assert!(doc.contains("### Errors\n\n- `decisions[0].roles[1].stakeholder`: No stakeholder has the id 'nobody'"));
        assert!(doc.contains("\n- `decisions[0].roles`: 'Go live' has 2 approvers"));
        assert!(doc.contains("- **Findings:** 2 errors and "));
    }

    // -----------------------------------------------------------------------
    // Analysis in the document

    fn task(id: &str, title: &str, phase: Option<&str>, days: Option<u32>, deps: &[&str]) -> Task {
        Task {
            id: Id::from(id),
            title: title.into(),
            phase: phase.map(Id::from),
            duration_days: days,
            depends_on: deps.iter().map(|d| Id::from(*d)).collect(),
            ..Task::default()
        }
    }

    /// Two phases and five tasks, the third listed before the task it waits
    /// for, and one task with no phase.
    fn small_plan() -> Plan {
        let mut plan = Plan::blank();
        plan.start_date = "2026-03-02".parse().ok();
        plan.phases.truncate(2);
        plan.phases[0].name = "Discovery: data".into();
        plan.phases[1].name = "Pilot".into();
        plan.tasks = vec![
            task("a", "Map the process", Some("phase-1"), Some(3), &[]),
            task("b", "Get data access", Some("phase-1"), Some(5), &[]),
            task("d", "Go live", Some("phase-2"), Some(0), &["c"]),
            task(
                "c",
                "Build the pilot",
                Some("phase-2"),
                Some(4),
                &["a", "b", "ghost", "a"],
            ),
            task("e", "Write the FAQ", None, Some(2), &["a"]),
        ];
        plan.tasks[0].status = TaskStatus::Done;
        plan.tasks[1].status = TaskStatus::InProgress;
        plan
    }

    /// The Mermaid block of a document, fences included; empty when none.
    fn mermaid_block(doc: &str) -> &str {
        let Some(start) = doc.find("```mermaid\n") else {
            return "";
        };
        let end = doc[start + 11..]
            .find("\n```\n")
            .map_or(doc.len(), |at| start + 11 + at + 5);
        &doc[start..end]
    }

    #[test]
    fn gantt_of_a_small_plan() {
        let doc = to_markdown(&small_plan());
        assert_eq!(
            mermaid_block(&doc),
            "```mermaid
gantt
    dateFormat YYYY-MM-DD
    excludes weekends
    section Discovery - data
    1. Map the process :done, t1, 2026-03-02, 3d
    2. Get data access :active, crit, t2, 2026-03-02, 5d
    section Pilot
    4. Build the pilot :crit, t4, after t1 t2, 4d
    3. Go live :crit, milestone, t3, after t4, 0d
    section Tasks without a phase
    5. Write the FAQ :t5, after t1, 2d
```
"
        );
        assert!(doc.contains(
            "The tasks take **9 working days**, from 2026-03-02 to 2026-03-12 (weekends are not worked)."
        ));
        assert!(doc.contains(": #2 Get data access → #4 Build the pilot → #3 Go live\n"));
        assert!(doc.contains(
            "- **Schedule:** 5 tasks over 9 working days, 2026-03-02 to 2026-03-12; see [9. Roadmap and phases](#9-roadmap-and-phases)"
        ));
    }

    #[test]
    fn gantt_without_a_start_date_uses_a_stand_in() {
        let mut plan = small_plan();
        plan.start_date = None;
        let doc = to_markdown(&plan);
        let block = mermaid_block(&doc);
        assert!(
            block.contains("    excludes weekends\n    todayMarker off\n"),
            "{block}"
        );
        assert!(
            block.contains("    1. Map the process :done, t1, 2026-01-05, 3d\n"),
            "{block}"
        );
        assert!(doc.contains("counts from Monday 2026-01-05 as a stand-in"));
        assert!(doc.contains("The tasks take **9 working days**. Set the roadmap's start date"));
    }

    #[test]
    fn a_loop_names_every_task_and_draws_no_timeline() {
        let mut plan = Plan::blank();
        plan.tasks = vec![
            task("a", "Draft | policy", None, Some(1), &["c"]),
            task("b", "Review", None, Some(1), &["a"]),
            task("c", "Approve", None, Some(1), &["b"]),
            task("d", "Sign off", None, Some(1), &["d"]),
            task("e", "Unrelated", None, Some(1), &[]),
        ];
        let doc = to_markdown(&plan);
        assert!(!doc.contains("```mermaid"));
        assert!(
            doc.contains("**The tasks cannot be put in order:** their dependencies form 2 loops")
        );
        assert!(doc.contains(
            "- Loop 1: #1 Draft \\| policy, #2 Review and #3 Approve depend on each other.\n- Loop 2: #4 Sign off depends on itself.\n"
        ), "{doc}");
        assert!(doc.contains("- **Schedule:** _none: task dependencies form 2 loops_"));
        // The loop is also a finding, in the order the tasks wait for each other.
        assert!(doc.contains("'Draft \\| policy' depends on 'Approve', which depends on 'Review', which depends on 'Draft \\| policy'"));
    }

    #[test]
    fn too_long_or_too_large_draws_no_timeline() {
        let mut plan = Plan::blank();
        plan.start_date = "2026-01-05".parse().ok();
        plan.tasks = vec![task("a", "Forever", None, Some(u32::MAX), &[])];
        let doc = to_markdown(&plan);
        assert!(mermaid_block(&doc).is_empty());
        assert!(doc.contains("_No timeline: the tasks run for more than ten years."));

        plan.tasks = (0..1500)
            .map(|i| {
                let id = format!("t{i}");
                task(
                    &id,
                    &"A long task title that goes on ".repeat(3),
                    None,
                    Some(1),
                    &[],
                )
            })
            .collect();
        let doc = to_markdown(&plan);
        assert!(mermaid_block(&doc).is_empty());
        assert!(doc.contains("_No timeline: the plan has more tasks than GitHub draws"));
    }

    /// Checks that every line of a Mermaid block is one of the lines the
    /// exporter writes, with names that cannot change the chart.
    fn assert_safe_gantt(block: &str) {
        let lines: Vec<&str> = block.lines().collect();
        assert_eq!(lines.first(), Some(&"```mermaid"), "{block}");
        assert_eq!(lines.last(), Some(&"```"), "{block}");
        let safe_name = |name: &str| {
            !name.is_empty()
                && name.trim() == name
                && !name.contains(['#', ':', ';', '`', '<', '>', '\n', '\r'])
                && !name.contains("%%")
                && name.chars().count() <= MERMAID_NAME_CHARS
        };
        let inner = &lines[1..lines.len() - 1];
        assert_eq!(inner.first(), Some(&"gantt"));
        for line in &inner[1..] {
            if [
                "    dateFormat YYYY-MM-DD",
                "    excludes weekends",
                "    todayMarker off",
            ]
            .contains(line)
            {
                continue;
            }
            if let Some(name) = line.strip_prefix("    section ") {
                assert!(safe_name(name), "section line {line:?}");
                continue;
            }
            let rest = line
                .strip_prefix("    ")
                .unwrap_or_else(|| panic!("{line:?}"));
            let (number, rest) = rest.split_once(". ").unwrap_or_else(|| panic!("{line:?}"));
            assert!(number.bytes().all(|b| b.is_ascii_digit()), "{line:?}");
            let (name, data) = rest.rsplit_once(" :").unwrap_or_else(|| panic!("{line:?}"));
            assert!(safe_name(name), "task name in {line:?}");
            let mut parts: Vec<&str> = data.split(", ").collect();
            while parts
                .first()
                .is_some_and(|p| ["done", "active", "crit", "milestone"].contains(p))
            {
                parts.remove(0);
            }
            let [id, start, days] = parts[..] else {
                panic!("{line:?}");
            };
            assert_eq!(id, format!("t{number}"), "{line:?}");
            let is_id = |w: &str| {
                w.strip_prefix('t')
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            };
            match start.strip_prefix("after ") {
                Some(ids) => assert!(ids.split(' ').all(is_id), "{line:?}"),
                None => assert!(start.parse::<Date>().is_ok(), "{line:?}"),
            }
            let n = days.strip_suffix('d').unwrap_or_else(|| panic!("{line:?}"));
            assert!(n.parse::<u32>().is_ok(), "{line:?}");
        }
    }

    #[test]
    fn hostile_titles_cannot_break_the_timeline() {
        let hostile: Vec<String> = HOSTILE
            .iter()
            .map(|s| s.to_string())
            .chain(
                [
                    "```",
                    "end",
                    "section Owned by nobody",
                    "title: hijacked",
                    "click t1 href \"javascript:alert(1)\"",
                    "dateFormat YYYY",
                    "excludes everything",
                    "gantt",
                    "2026-01-01 starts",
                    "%%{init: {\"theme\": \"dark\"}}%%",
                    "a %% comment",
                    "x :crit, t1, 2020-01-01, 999d",
                    "semi; colon: hash # end",
                    "line\nbreak\u{2028}separator",
                    "    ",
                    "``` \n```mermaid",
                ]
                .iter()
                .map(|s| s.to_string()),
            )
            .collect();
        let mut plan = Plan::blank();
        plan.start_date = "2026-01-05".parse().ok();
        for (i, p) in plan.phases.iter_mut().enumerate() {
            p.name = hostile[i % hostile.len()].clone();
        }
        plan.phases[3].name = "section end ```".into();
        plan.tasks = hostile
            .iter()
            .enumerate()
            .map(|(i, title)| {
                let phase = format!("phase-{}", i % 5 + 1);
                let dep = format!("h{}", i.saturating_sub(1));
                let deps: &[&str] = if i == 0 { &[] } else { &[dep.as_str()] };
                let mut t = task(
                    &format!("h{i}"),
                    title,
                    Some(&phase),
                    Some(i as u32 % 3),
                    deps,
                );
                t.phase = Some(Id(phase));
                t
            })
            .collect();
        let doc = to_markdown(&plan);
        let block = mermaid_block(&doc);
        assert!(!block.is_empty(), "{doc}");
        assert_safe_gantt(block);
        assert_eq!(doc.matches("```mermaid").count(), 1);
        // Outside the block no line opens or closes a fence.
        let outside = doc.replacen(block, "", 1);
        assert!(
            !outside.lines().any(|l| l.trim_start().starts_with("```")),
            "{outside}"
        );
        assert!(!doc.to_lowercase().contains("<script"));
    }

    #[test]
    fn mermaid_text_table() {
        let cases: &[(&str, &str)] = &[
            ("Map the process", "Map the process"),
            ("Kick-off: scope", "Kick-off - scope"),
            ("a;b", "a,b"),
            ("Fix #12", "Fix 12"),
            ("```end```", "'end'"),
            ("don't", "don't"),
            ("<b>bold</b>", "‹b›bold‹/b›"),
            ("100%% sure", "100% sure"),
            ("%%{init}%%", "%{init}%"),
            (
                "  many   spaces\t\nand\r\nbreaks  ",
                "many spaces and breaks",
            ),
            ("ctrl\u{0}\u{7}chars\u{2028}", "ctrl chars"),
            ("", ""),
            (" : ", "-"),
        ];
        for (input, want) in cases {
            assert_eq!(mermaid_text(input, 60), *want, "{input:?}");
        }
        assert_eq!(
            mermaid_text("Write the onboarding playbook", 20),
            "Write the…"
        );
        assert_eq!(mermaid_text("Supercalifragilistic", 10), "Supercali…");
        assert_eq!(mermaid_text("exactly ten", 11), "exactly ten");
    }

    #[test]
    fn summary_names_the_score_band_rule_and_actions() {
        let doc = to_markdown(&Plan::blank());
        let summary = &doc[doc.find("## At a glance").unwrap_or(0)..doc.find("## 1.").unwrap_or(0)];
        assert!(summary.contains("**Readiness: 0 / 100, Not ready**\n\n_The rule:_ The plan can sit at most one band above its weakest dimension."));
        assert!(summary.contains("| Outcomes and metrics _(weakest)_ | 0 | Not ready | 0 of 9 |"));
        assert_eq!(summary.matches("<details>").count(), 8);
        assert_eq!(summary.matches("</details>").count(), 8);
        assert!(summary.contains("\n1. "), "{summary}");
        assert!(summary.contains(" points** · in [12. Feedback, monitoring and iteration](#12-feedback-monitoring-and-iteration)"));
        assert!(summary.contains("- **Current phase:** Foundation and readiness (phase 1 of 4); its gate is no go, with 0 of 8 criteria met"));

        let finance = crate::format::examples::example("finance").unwrap_or_default();
        let doc = to_markdown(&finance);
        assert!(
            doc.contains("(production-ready by its average, held back by data readiness)"),
            "{doc}"
        );

        let mut banned = Plan::blank();
        banned.risk.prohibited = Some(vec![crate::model::ProhibitedPractice::SocialScoring]);
        assert!(to_markdown(&banned).contains(
            ", Not ready** (a prohibited practice rules the use out whatever the score)"
        ));
    }

    #[test]
    fn risk_tier_and_required_controls() {
        use crate::model::{Control, ControlArea, ControlStatus};
        let mut plan = Plan::blank();
        plan.stakeholders.push(Stakeholder {
            id: Id::from("s1"),
            name: "Ana <Ortiz>".into(),
            ..Stakeholder::default()
        });
        plan.controls.push(Control {
            id: Id::from("c1"),
            area: ControlArea::AcceptableUse,
            name: "Use policy".into(),
            status: ControlStatus::InPlace,
            owner: Some(Id::from("s1")),
            evidence: String::new(),
        });
        plan.controls.push(Control {
            id: Id::from("c2"),
            area: ControlArea::HumanOversight,
            name: "Reviewer <b>sign-off</b>".into(),
            status: ControlStatus::Planned,
            owner: Some(Id::from("s1")),
            evidence: String::new(),
        });
        let doc = to_markdown(&plan);
        let risk = &doc[doc.find("## 8.").unwrap_or(0)..doc.find("## 9.").unwrap_or(0)];
        assert!(risk.starts_with("## 8. Risk, ethics and regulation\n\n### Risk tier\n\n**Minimal risk: the four baseline controls are enough. Provisional until the open questions are answered.**\n"), "{risk}");
        assert!(risk.contains("Not answered yet, and an answer could raise the tier:\n\n- Does the use involve any prohibited practice?\n"));
        assert!(risk.contains("_This tier is planning guidance modelled on the EU AI Act's categories, not legal advice;"));
        assert!(risk.contains("The minimal risk tier calls for 4 governance areas before deployment; 1 is in place.\n\n"));
        assert!(risk.contains("- [ ] **Data handling and privacy** (No control): No control covers data handling and privacy; add one and name its owner.\n"));
        assert!(
            risk.contains("- [x] **Acceptable use** (In place; Ana &lt;Ortiz&gt;)\n"),
            "{risk}"
        );
        assert!(risk.contains("- [ ] **Human oversight** (Planned; Ana &lt;Ortiz&gt;): The human oversight control 'Reviewer &lt;b&gt;sign-off&lt;/b&gt;' is only planned;"), "{risk}");
    }

    #[test]
    fn gates_show_go_no_go_the_current_phase_and_each_criterion() {
        use crate::model::{Criterion, PhaseStatus};
        let mut plan = Plan::blank();
        plan.phases[0].status = PhaseStatus::GatePassed;
        plan.phases[3].exit_criteria = vec![
            Criterion {
                id: Id::from("x1"),
                text: "Two teams | onboarded".into(),
                met: true,
            },
            Criterion {
                id: Id::from("x2"),
                text: "<i>Costs</i> known".into(),
                met: false,
            },
        ];
        let doc = to_markdown(&plan);
        assert!(doc.contains("| 1 | Foundation and readiness | — | 8 | Gate passed | No go | — |"));
        assert!(doc.contains(
            "| 2 | Focused deployment | — | 12 | Not started, **current** | No go | — |"
        ));
        assert!(doc.contains("#### Phase 2: Focused deployment (current phase)\n"));
        assert!(doc.contains("- **Gate:** No go: 4 of 4 criteria are not met.\n\n- [ ] At least one use case meets its success metric — No success metrics are defined.\n"));
        assert!(doc.contains("- [x] Two teams \\| onboarded _(own criterion)_\n- [ ] &lt;i&gt;Costs&lt;/i&gt; known _(own criterion)_ — Not marked as met yet.\n"), "{doc}");
        assert!(doc.contains("**Phase status to check:**\n\n- 'Foundation and readiness' is marked as gate passed, but its gate does not hold"));
    }

    #[test]
    fn the_plan_is_analysed_once_per_document() {
        // Not observable directly; the sections and the header agree on the
        // findings, which come from the same run.
        let plan = small_plan();
        let doc = to_markdown(&plan);
        assert_eq!(doc, render(&plan, &sections(&plan)));
    }

    #[test]
    fn output_is_deterministic_and_ends_with_one_newline() {
        let plan = Plan::blank();
        let doc = to_markdown(&plan);
        assert_eq!(doc, to_markdown(&plan));
        assert!(doc.ends_with('\n') && !doc.ends_with("\n\n"));
        assert!(!doc.contains("\n\n\n"));
    }
}
