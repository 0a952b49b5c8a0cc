//! The plan's work as one CSV table that issue trackers import: phases as
//! epics, their gates, every task, and every approval and hand-off.
//!
//! Contract: [`tasks`] turns any plan and its analysis into RFC 4180 CSV
//! (<https://www.rfc-editor.org/rfc/rfc4180>): a header row, then one record
//! per work item, every record ending in CRLF (section 2.1), a field quoted
//! when it holds a comma, a double quote, a carriage return or a line feed,
//! with a quote inside doubled (sections 2.5 to 2.7). The same plan always
//! gives the same bytes, and no plan makes it panic.
//!
//! - Rows come in an order an importer can follow: each phase as an epic
//!   and then its gate, then the tasks with every task after the tasks it
//!   waits for (Jira needs a parent above its children; Asana a dependency
//!   above its dependent), then the approvals and hand-offs.
//! - Ids are the plan's own, so a second import can be matched to the first.
//! - Formula injection: a spreadsheet runs a cell that starts with `=`,
//!   `+`, `-` or `@` (and some also one that starts with a tab, a carriage
//!   return or a NUL) as a formula. Such a cell gets a leading apostrophe,
//!   which spreadsheets take as "this is text", as OWASP ASVS 5.0
//!   requirement 1.2.10 asks (<https://github.com/OWASP/ASVS>, V1.2
//!   Injection Prevention). Linear's own importer removes that apostrophe
//!   again before `+ - = @` (`stripLeadingSingleQuote` in linear/linear,
//!   `packages/import/src/importers/linearCsv/LinearCsvImporter.ts`); other
//!   tools show it.
//! - [`CsvOptions::excel_bom`] starts the file with a UTF-8 byte order
//!   mark, which Excel needs to read the file as UTF-8 rather than in the
//!   local code page.

use crate::analysis::gates::GateDecision;
use crate::choice::Choice;
use crate::model::{Handoff, Plan};
use crate::text::plural;

use super::work::{clean, clean_line, slug, Work};
use crate::analysis::Analysis;

/// The media type to serve the file with (RFC 4180, section 3).
pub const MEDIA_TYPE: &str = "text/csv;charset=utf-8;header=present";

/// The file name extension.
pub const EXTENSION: &str = "csv";

/// How the CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte order mark, for Microsoft Excel.
    pub excel_bom: bool,
}

/// The columns, in order. Each tool maps columns by their header in its
/// import wizard, and some by position too:
///
/// - Asana: the CSV importer takes `Name` first and `Description` second,
///   then the section (here the phase), the assignee's e-mail, start and
///   due dates and "Dependencies" (the names of the tasks a task waits
///   for, on rows above it) (asana.com/guide/help/api/csv-importer;
///   help.asana.com "Preparing data for CSV import").
/// - Jira: needs a header row with a Summary column; parent and child are
///   linked by putting the parent's Issue ID in the child's Parent column,
///   parents on rows above (support.atlassian.com/jira-cloud-administration
///   /docs/import-data-from-a-csv-file/; Atlassian KB "CSV import
///   Parent-child mapping"). Headers should carry no punctuation.
/// - Linear: its CSV importer reads `Title`, `Description`, `Status`,
///   `Estimate`, `Assignee` and `Labels` (labels split on ", ")
///   (linear/linear `packages/import/src/importers/linearCsv`), hence
///   `Estimate` for the length in working days.
/// - GitHub Projects has no CSV upload: items are added one by one, in bulk
///   from repositories, or as draft issues with a title and a body
///   (github/docs `adding-items-to-your-project.md`; `gh project
///   item-create --title --body` in cli/cli); the other columns suit a
///   project's custom fields.
pub const COLUMNS: [&str; 15] = [
    "Title",
    "Description",
    "Phase",
    "Assignee Email",
    "Start Date",
    "Due Date",
    "Blocked By",
    "Labels",
    "Estimate",
    "Status",
    "Assignee",
    "Type",
    "ID",
    "Parent ID",
    "Blocked By IDs",
];

/// One record, in the order of [`COLUMNS`].
type Row = [String; 15];

/// The plan's work items as CSV: phases, gates, tasks, approvals and
/// hand-offs.
///
/// ```
/// use planwright_core::analysis::analyze;
/// use planwright_core::export::csv::{tasks, CsvOptions};
/// use planwright_core::model::{Id, Task};
/// use planwright_core::Plan;
///
/// let mut plan = Plan::blank();
/// plan.tasks.push(Task {
///     id: Id::from("task-1"),
///     title: "=SUM(A1), \"quoted\"".to_string(),
///     phase: Some(Id::from("phase-1")),
///     duration_days: Some(3),
///     ..Task::default()
/// });
/// let csv = tasks(&plan, &analyze(&plan), CsvOptions::default());
/// assert!(csv.starts_with("Title,Description,Phase,"));
/// assert!(csv.contains("\r\n\"'=SUM(A1), \"\"quoted\"\"\",\""));
/// assert!(csv.ends_with("\r\n"));
/// ```
pub fn tasks(plan: &Plan, analysis: &Analysis, options: CsvOptions) -> String {
    let work = Work::new(plan, analysis);
    let mut out = String::new();
    if options.excel_bom {
        out.push('\u{FEFF}');
    }
    write_record(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    for p in 0..plan.phases.len() {
        write_record(&mut out, phase_row(&work, p));
        write_record(&mut out, gate_row(&work, p));
    }
    for i in work.order() {
        write_record(&mut out, task_row(&work, i));
    }
    for h in &plan.handoffs {
        write_record(&mut out, handoff_row(&work, h));
    }
    out
}

/// Writes one record: fields guarded against formulas, quoted where RFC
/// 4180 needs it, joined by commas and ended with CRLF.
fn write_record(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (n, field) in fields.into_iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        push_field(out, &guard(&field));
    }
    out.push_str("\r\n");
}

/// The field with a leading apostrophe when a spreadsheet would run it as
/// a formula (see the module notes).
pub fn guard(field: &str) -> std::borrow::Cow<'_, str> {
    match field.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\0') => format!("'{field}").into(),
        _ => field.into(),
    }
}

fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// A row with the common fields set and the rest empty.
struct Item {
    row: Row,
}

impl Item {
    fn new(kind: &str, id: &str, title: String) -> Item {
        let mut row: Row = Default::default();
        row[0] = title;
        row[11] = kind.to_string();
        row[12] = clean_line(id);
        Item { row }
    }

    fn set(mut self, column: &str, value: String) -> Item {
        if let Some(at) = COLUMNS.iter().position(|c| *c == column) {
            self.row[at] = value;
        }
        self
    }
}

fn phase_row(work: &Work, p: usize) -> Row {
    let Some(phase) = work.plan.phases.get(p) else {
        return Default::default();
    };
    let owner = work.person(phase.owner.as_ref());
    let window = work.windows.get(p).copied().unwrap_or_default();
    let count = work.tasks_in(p).count();
    let mut text = Vec::new();
    push_line(&mut text, "Goal", &phase.goal);
    push_line(&mut text, "Needs to start", &phase.inputs);
    if phase.kind.label() != clean_line(&phase.name) {
        text.push(format!("Kind: {}.", phase.kind.label()));
    }
    text.push(format!("{} in this phase.", plural(count, "task")));
    text.push(format!(
        "Planned length: {}.",
        phase
            .duration_weeks
            .map_or("not set".to_string(), |w| plural(w as usize, "week"))
    ));
    let name = work.phase_name(p);
    Item::new("Epic", phase.id.as_str(), name.clone())
        .set("Description", text.join("\n"))
        .set("Phase", name.clone())
        .set("Assignee Email", owner.email.unwrap_or_default())
        .set("Assignee", owner.name)
        .set("Start Date", date(window.start))
        .set("Due Date", date(window.gate))
        .set("Labels", labels(&[phase_label(&name)]))
        .set(
            "Estimate",
            phase
                .duration_weeks
                .map_or(String::new(), |w| (u64::from(w) * 5).to_string()),
        )
        .set("Status", phase.status.label().to_string())
        .row
}

fn gate_row(work: &Work, p: usize) -> Row {
    let Some(phase) = work.plan.phases.get(p) else {
        return Default::default();
    };
    let name = work.phase_name(p);
    let gate = work.analysis.gates.phases.get(p);
    let approvers = work.gate_approvers(p);
    let names: Vec<&str> = approvers.iter().map(|a| a.name.as_str()).collect();
    let text = work.gate_lines(p);
    // The gate waits for the phase's last tasks: those no other task of the
    // same phase waits for.
    let members: Vec<usize> = work.tasks_in(p).collect();
    let mut waited_on = vec![false; work.plan.tasks.len()];
    for &i in &members {
        for j in work.deps(i) {
            if work.phase_of(&work.plan.tasks[j]) == Some(p) {
                waited_on[j] = true;
            }
        }
    }
    let last: Vec<usize> = members.into_iter().filter(|&i| !waited_on[i]).collect();
    let status = match gate.map(|g| g.decision) {
        Some(GateDecision::Go) => "Go",
        _ => "No go",
    };
    let first = approvers.first().cloned().unwrap_or_default();
    Item::new(
        "Gate",
        &format!("{}.gate", phase.id),
        format!("Gate: {name}"),
    )
    .set("Description", text.join("\n"))
    .set("Phase", name.clone())
    .set("Assignee Email", first.email.unwrap_or_default())
    .set("Assignee", names.join(", "))
    .set("Due Date", date(work.windows.get(p).and_then(|w| w.gate)))
    .set(
        "Blocked By",
        last.iter()
            .map(|&i| work.task_title(i))
            .collect::<Vec<_>>()
            .join(", "),
    )
    .set("Labels", labels(&[phase_label(&name), "gate".to_string()]))
    .set("Status", status.to_string())
    .set("Parent ID", clean_line(phase.id.as_str()))
    .set("Blocked By IDs", ids(work, &last))
    .row
}

fn task_row(work: &Work, i: usize) -> Row {
    let Some(task) = work.plan.tasks.get(i) else {
        return Default::default();
    };
    let owner = work.person(task.owner.as_ref());
    let phase = work.phase_of(task);
    let phase_name = phase.map(|p| work.phase_name(p));
    let timing = work.timing(i);
    let deps = work.deps(i);
    let milestone = task.duration_days == Some(0);
    let mut text = Vec::new();
    push_line(&mut text, "Notes", &task.notes);
    if let (Some(p), Some(name)) = (phase, &phase_name) {
        let goal = work
            .plan
            .phases
            .get(p)
            .map(|p| clean_line(&p.goal))
            .unwrap_or_default();
        text.push(if goal.is_empty() {
            format!("Part of {name}.")
        } else {
            format!("Part of {name}, whose goal is: {goal}")
        });
        text.push(format!(
            "Counts towards the exit criteria on the row \"Gate: {name}\"."
        ));
    } else if let Some(id) = &task.phase {
        text.push(format!(
            "Names a phase that does not exist (id '{}').",
            clean_line(&id.0)
        ));
    }
    if !deps.is_empty() {
        let names: Vec<String> = deps.iter().map(|&j| work.task_title(j)).collect();
        text.push(format!("Waits for: {}.", names.join("; ")));
    }
    match (timing, &work.analysis.schedule) {
        (Some(t), _) if t.critical => {
            text.push("On the critical path: any delay here delays the whole plan.".to_string())
        }
        (Some(t), _) => text.push(format!(
            "Can slip {} without delaying the plan.",
            plural(
                usize::try_from(t.slack).unwrap_or(usize::MAX),
                "working day"
            )
        )),
        (None, Err(_)) => text.push(
            "Its dependencies loop, so it has no dates; see the plan's schedule.".to_string(),
        ),
        (None, Ok(_)) => {}
    }
    if task.duration_days.is_none() {
        text.push("No length estimated yet.".to_string());
    }
    let mut label_list = Vec::new();
    if let Some(name) = &phase_name {
        label_list.push(phase_label(name));
    }
    if timing.is_some_and(|t| t.critical) {
        label_list.push("critical-path".to_string());
    }
    if milestone {
        label_list.push("milestone".to_string());
    }
    let mut item = Item::new(
        if milestone { "Milestone" } else { "Task" },
        task.id.as_str(),
        work.task_title(i),
    )
    .set("Description", text.join("\n"))
    .set("Phase", phase_name.clone().unwrap_or_default())
    .set("Assignee Email", owner.email.unwrap_or_default())
    .set("Assignee", owner.name)
    .set("Start Date", date(timing.and_then(|t| t.start)))
    .set("Due Date", date(timing.and_then(|t| t.finish)))
    .set(
        "Blocked By",
        deps.iter()
            .map(|&j| work.task_title(j))
            .collect::<Vec<_>>()
            .join(", "),
    )
    .set("Labels", labels(&label_list))
    .set(
        "Estimate",
        task.duration_days.map_or(String::new(), |d| d.to_string()),
    )
    .set("Status", task.status.label().to_string())
    .set("Blocked By IDs", ids(work, &deps));
    if let Some(p) = phase.and_then(|p| work.plan.phases.get(p)) {
        item = item.set("Parent ID", clean_line(p.id.as_str()));
    }
    item.row
}

fn handoff_row(work: &Work, h: &Handoff) -> Row {
    let from = work.person(h.from.as_ref());
    let to = work.person(h.to.as_ref());
    let approver = work.person(h.approver.as_ref());
    let is_approval = h.approver.is_some();
    let name = match clean_line(&h.name) {
        n if n.is_empty() => format!("Unnamed hand-off (id '{}')", clean_line(&h.id.0)),
        n => n,
    };
    let mut text = Vec::new();
    let who = |p: &super::work::Person| {
        if p.name.is_empty() {
            "nobody named yet".to_string()
        } else {
            p.name.clone()
        }
    };
    text.push(format!("From {} to {}.", who(&from), who(&to)));
    if is_approval {
        text.push(format!("Approved by {}.", who(&approver)));
    }
    push_line(&mut text, "Where it shows up", &h.channel);
    push_line(&mut text, "What travels with it", &h.context);
    text.push(match h.turnaround_days {
        Some(d) => format!("Expected turnaround: {}.", plural(d as usize, "day")),
        None => "No turnaround agreed yet.".to_string(),
    });
    push_line(&mut text, "If it sits too long", &h.escalation);
    let (kind, label, assignee) = if is_approval {
        ("Approval", "approval", approver)
    } else {
        ("Hand-off", "handoff", to)
    };
    Item::new(kind, h.id.as_str(), name)
        .set("Description", text.join("\n"))
        .set("Assignee Email", assignee.email.unwrap_or_default())
        .set("Assignee", assignee.name)
        .set("Labels", labels(&[label.to_string()]))
        .set(
            "Estimate",
            h.turnaround_days.map_or(String::new(), |d| d.to_string()),
        )
        .row
}

/// `Label: text` as one line of a description, when the text is not blank.
fn push_line(lines: &mut Vec<String>, label: &str, text: &str) {
    let text = clean(text);
    if !text.is_empty() {
        lines.push(format!("{label}: {text}"));
    }
}

fn date(d: Option<crate::date::Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn phase_label(name: &str) -> String {
    match slug(name) {
        s if s.is_empty() => "phase".to_string(),
        s => format!("phase-{s}"),
    }
}

fn labels(list: &[String]) -> String {
    list.join(", ")
}

fn ids(work: &Work, tasks: &[usize]) -> String {
    tasks
        .iter()
        .filter_map(|&j| work.plan.tasks.get(j))
        .map(|t| clean_line(t.id.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::model::{Id, Task};
    use crate::testing::{random_plan, rich, task, tasks_only};

    /// An RFC 4180 reader, strict: CRLF between records, quotes only
    /// around whole fields, doubled inside.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, '"') => panic!("a quote inside an unquoted field: {field}"),
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR without LF");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, '\n') => panic!("a bare line feed ends a record"),
                (false, c) => field.push(c),
            }
        }
        assert!(
            !quoted && field.is_empty() && record.is_empty(),
            "the last record has no CRLF"
        );
        records
    }

    fn export(plan: &Plan) -> Vec<Vec<String>> {
        parse(&tasks(plan, &analyze(plan), CsvOptions::default()))
    }

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        for (field, written) in [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\rhere", "\"cr\rhere\""),
            ("\"", "\"\"\"\""),
            ("semi;colon 'single'", "semi;colon 'single'"),
        ] {
            let mut out = String::new();
            push_field(&mut out, field);
            assert_eq!(out, written, "{field:?}");
        }
    }

    #[test]
    fn formula_prefixes_get_an_apostrophe() {
        for risky in ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\0x"] {
            assert_eq!(guard(risky), format!("'{risky}"));
        }
        for safe in ["", "a=b", "'=1", " =1", "1-2", "é=1"] {
            assert_eq!(guard(safe), safe);
        }
    }

    #[test]
    fn hostile_text_reads_back_cell_for_cell() {
        let mut plan = rich();
        let titles = [
            "=HYPERLINK(\"http://x\")",
            "-1, \"minus\"",
            "Line\nbreak\r\nand\rmore",
            "Bell\u{7}nul\u{0}esc\u{1b}",
            "עברית \u{202E}rtl\u{202C} 🎉 日本語",
            "   ",
        ];
        for (n, title) in titles.iter().enumerate() {
            let mut t = task(&format!("x-{n}"), 1, &["t-1", "ghost"]);
            t.title = title.to_string();
            t.notes = format!("@note {title}");
            plan.tasks.push(t);
        }
        let records = export(&plan);
        assert!(records.iter().all(|r| r.len() == COLUMNS.len()));
        let row = |id: &str| {
            records
                .iter()
                .find(|r| r[12] == id)
                .unwrap_or_else(|| panic!("no row {id}"))
                .clone()
        };
        assert_eq!(row("x-0")[0], "'=HYPERLINK(\"http://x\")");
        assert_eq!(row("x-1")[0], "'-1, \"minus\"");
        assert_eq!(row("x-2")[0], "Line break and more");
        assert_eq!(row("x-3")[0], "Bellnulesc");
        assert_eq!(row("x-4")[0], "עברית \u{202E}rtl\u{202C} 🎉 日本語");
        assert_eq!(row("x-5")[0], "Untitled task (id 'x-5')");
        assert!(row("x-0")[1].contains("Notes: @note =HYPERLINK"));
        assert_eq!(row("x-0")[14], "t-1", "the unknown dependency is left out");
        for r in &records {
            for cell in r {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell}"
                );
                assert!(
                    !cell.chars().any(|c| c.is_control() && c != '\n'),
                    "{cell:?}"
                );
            }
        }
    }

    #[test]
    fn rows_follow_phases_then_dependency_order_then_handoffs() {
        let plan = rich();
        let records = export(&plan);
        assert_eq!(records[0], COLUMNS);
        let kinds: Vec<&str> = records[1..].iter().map(|r| r[11].as_str()).collect();
        let phases = plan.phases.len();
        assert!(kinds[..2 * phases].chunks(2).all(|c| c == ["Epic", "Gate"]));
        assert!(kinds[2 * phases..2 * phases + plan.tasks.len()]
            .iter()
            .all(|k| *k == "Task" || *k == "Milestone"));
        assert_eq!(
            records.len(),
            1 + 2 * phases + plan.tasks.len() + plan.handoffs.len()
        );
        let mut seen = Vec::new();
        for r in &records[1 + 2 * phases..1 + 2 * phases + plan.tasks.len()] {
            for dep in r[14].split(", ").filter(|d| !d.is_empty()) {
                assert!(seen.contains(&dep.to_string()), "{} before {dep}", r[12]);
            }
            seen.push(r[12].clone());
        }
    }

    #[test]
    fn excel_gets_a_byte_order_mark() {
        let plan = Plan::blank();
        let a = analyze(&plan);
        let plain = tasks(&plan, &a, CsvOptions::default());
        let excel = tasks(&plan, &a, CsvOptions { excel_bom: true });
        assert_eq!(excel.strip_prefix('\u{FEFF}'), Some(plain.as_str()));
    }

    #[test]
    fn empty_looped_and_dangling_plans_export() {
        let empty = export(&Plan::default());
        assert_eq!(empty, [COLUMNS.map(String::from).to_vec()]);
        let looped = tasks_only(vec![
            task("a", 1, &["b"]),
            task("b", 1, &["a"]),
            Task {
                id: Id::from("c"),
                phase: Some(Id::from("nowhere")),
                owner: Some(Id::from("nobody")),
                depends_on: vec![Id::from("c"), Id::from("zz")],
                ..Task::default()
            },
        ]);
        let records = export(&looped);
        assert_eq!(records.len(), 4);
        let c = &records[3];
        assert_eq!((c[4].as_str(), c[5].as_str(), c[13].as_str()), ("", "", ""));
        assert_eq!(c[10], "Unknown person (id 'nobody')");
        assert!(c[1].contains("does not exist (id 'nowhere')"));
        assert!(records[1][1].contains("dependencies loop"));
    }

    #[test]
    fn ten_thousand_tasks_export_in_one_pass() {
        let plan = random_plan(10_000, 5);
        let started = std::time::Instant::now();
        let records = export(&plan);
        assert_eq!(records.len(), 1 + 2 * plan.phases.len() + 10_000);
        // Linear work; a quadratic walk would take minutes here.
        assert!(started.elapsed().as_secs() < 60);
    }
}
