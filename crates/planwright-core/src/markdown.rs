//! A readable plan document in GitHub-flavoured Markdown.
//!
//! Contract: [`to_markdown`] turns any [`Plan`] into a complete document, in
//! template order (sections 1 to 12), followed by the validation findings. It
//! never panics and never fails; the same plan always gives the same text.
//!
//! - People, phases and tasks are shown by name, never by id. A reference
//!   that resolves to nothing is shown visibly, as `unknown (id 'x')`, so a
//!   broken plan still reads honestly.
//! - Every piece of user text passes through [`escape`] (or [`cell`] inside
//!   tables), so it cannot open a table, a link, a code fence, a heading or
//!   any HTML: what the person typed is what the reader sees.
//! - An empty section is never dropped: it says what is missing and what to
//!   add, because a gap in the plan is information.
//!
//! The document is a list of [`Section`]s rendered under a header. Callers
//! that want more (analysis, a schedule) can take [`sections`], insert their
//! own [`Section`] at the right place (find it by [`Section::key`]) and call
//! [`render`]; the helpers [`escape`], [`cell`], [`table`] and [`Names`] are
//! public so added sections escape and resolve names the same way.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::choice::Choice;
use crate::file::{FORMAT, VERSION};
use crate::model::{Id, Phase, PhaseKind, Plan, Stakeholder, Task, UseCaseFit};
use crate::validate::{validate, Finding, Severity};

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
/// use planwright_core::{markdown::to_markdown, Plan};
///
/// let mut plan = Plan::blank();
/// plan.title = "Claims <triage> | pilot".to_string();
/// let doc = to_markdown(&plan);
/// assert!(doc.starts_with("# Claims &lt;triage&gt; \\| pilot\n"));
/// assert!(doc.contains("## 2. Success metrics"));
/// assert!(doc.contains("_No success metrics yet."));
/// ```
pub fn to_markdown(plan: &Plan) -> String {
    render(plan, &sections(plan))
}

/// The sections of the document in order: the twelve template sections, then
/// the findings. The header is not a section; [`render`] adds it.
pub fn sections(plan: &Plan) -> Vec<Section> {
    let names = Names::new(plan);
    vec![
        objective(plan),
        metrics(plan, &names),
        ownership(plan, &names),
        stakeholders(plan, &names),
        workflow(plan, &names),
        data(plan, &names),
        systems(plan, &names),
        risk(plan, &names),
        roadmap(plan, &names),
        handoffs(plan, &names),
        change(plan, &names),
        feedback(plan, &names),
        findings(&validate(plan)),
    ]
}

/// Renders the header of `plan` followed by `sections`.
pub fn render(plan: &Plan, sections: &[Section]) -> String {
    let mut out = header(plan);
    for section in sections {
        out.push('\n');
        let _ = writeln!(out, "## {}\n", section.heading);
        out.push_str(section.body.trim_end_matches('\n'));
        out.push('\n');
    }
    out
}

/// The title, summary, start date, finding counts and the note on where the
/// document comes from.
pub fn header(plan: &Plan) -> String {
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
    let found = validate(plan);
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
/// use planwright_core::markdown::escape;
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
/// use planwright_core::markdown::cell;
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
/// use planwright_core::markdown::{cell, table};
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

fn section(key: &'static str, heading: &str, body: String) -> Section {
    Section {
        key,
        heading: heading.to_string(),
        body,
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
    section("objective", "1. Business objective and process", out)
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
    section("metrics", "2. Success metrics", out)
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
    section("ownership", "3. Sponsor and ownership", out)
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
    section("stakeholders", "4. Stakeholders and roles", out)
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
    section("workflow", "5. Human and AI split", out)
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
    section("data", "6. Data readiness and governance", out)
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
    section("systems", "7. Technology and integration", out)
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

/// Section 8: the risk questionnaire and the governance controls.
fn risk(plan: &Plan, names: &Names<'_>) -> Section {
    let r = &plan.risk;
    let mut out = String::new();
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
    section("risk", "8. Risk, ethics and regulation", out)
}

/// Section 9: phases with their gates, the foundation deliverables and the
/// tasks.
fn roadmap(plan: &Plan, names: &Names<'_>) -> Section {
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
                vec![
                    (i + 1).to_string(),
                    names.phase(Some(&p.id)),
                    names.person(p.owner.as_ref()),
                    whole(p.duration_weeks),
                    p.status.label().to_string(),
                    names.people(&p.gate_approvers),
                ]
            })
            .collect();
        out.push_str(&table(
            &["#", "Phase", "Owner", "Weeks", "Status", "Gate decided by"],
            &rows,
        ));
        out.push('\n');
        for (i, p) in plan.phases.iter().enumerate() {
            let _ = writeln!(out, "#### Phase {}: {}\n", i + 1, names.phase(Some(&p.id)));
            if p.name.trim() != p.kind.label() {
                let _ = writeln!(out, "- **Kind:** {}", p.kind.label());
            }
            let _ = writeln!(
                out,
                "- **Goal:** {}",
                if p.goal.trim().is_empty() {
                    "_not stated_".to_string()
                } else {
                    cell(&p.goal)
                }
            );
            let _ = writeln!(
                out,
                "- **Needs to start:** {}\n",
                if p.inputs.trim().is_empty() {
                    "_not stated_".to_string()
                } else {
                    cell(&p.inputs)
                }
            );
            let criteria: Vec<_> = p
                .exit_criteria
                .iter()
                .filter(|c| !c.text.trim().is_empty())
                .collect();
            let standard_gate = matches!(
                p.kind,
                PhaseKind::Foundation | PhaseKind::Deployment | PhaseKind::Optimization
            );
            if criteria.is_empty() && standard_gate {
                missing(&mut out, "No exit criteria of its own; the standard gate for this kind of phase applies.");
            } else if criteria.is_empty() {
                missing(
                    &mut out,
                    "No exit criteria yet. Say what must be true before this gate opens.",
                );
            } else {
                out.push_str("Exit criteria:\n\n");
                for c in criteria {
                    let _ = writeln!(
                        out,
                        "- [{}] {}",
                        if c.met { "x" } else { " " },
                        cell(&c.text)
                    );
                }
                out.push('\n');
            }
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
    section("roadmap", "9. Roadmap and phases", out)
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
    section("handoffs", "10. Approvals and hand-offs", out)
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
    section("change", "11. Change management and adoption", out)
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
    section("feedback", "12. Feedback, monitoring and iteration", out)
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

    #[test]
    fn output_is_deterministic_and_ends_with_one_newline() {
        let plan = Plan::blank();
        let doc = to_markdown(&plan);
        assert_eq!(doc, to_markdown(&plan));
        assert!(doc.ends_with('\n') && !doc.ends_with("\n\n"));
        assert!(!doc.contains("\n\n\n"));
    }
}
