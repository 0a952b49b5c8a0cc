//! `planwright`: check, convert and inspect plan files from a terminal.
//!
//! Contract: a thin shell over `planwright_core`; every decision about plans
//! is made by the library. Exit status is 0 on success, 1 when `validate`
//! finds errors in a plan or `order` finds that task dependencies loop, and 2
//! when the command line is wrong or the input cannot be read or is not a
//! plan. Results go to standard output; messages
//! about the run (usage errors, unreadable files, dropped fields) go to
//! standard error. No input makes it panic.
//!
//! Subcommands live in the [`COMMANDS`] table: each names its options and a
//! function that runs it, so adding one is adding an entry and a function.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use planwright_core::analysis::gates::{gates, Gates};
use planwright_core::analysis::readiness::{readiness, Readiness};
use planwright_core::analysis::risk::{assess, RiskAssessment};
use planwright_core::analysis::schedule::{schedule, CycleError, ScheduleWarning};
use planwright_core::analysis::validate::{has_errors, Severity};
use planwright_core::export::markdown::to_markdown;
use planwright_core::format::examples::{example_json, EXAMPLES};
use planwright_core::format::file::{self, ImportError, Imported, FORMAT, MAX_BYTES, VERSION};
use planwright_core::text::plural;
use planwright_core::{Date, Id};
use serde::Serialize;

const BIN: &str = "planwright";

/// Exit status when the command line is wrong or the input unusable.
const EXIT_USAGE: u8 = 2;

/// One subcommand.
struct Command {
    /// Name typed after `planwright`.
    name: &'static str,
    /// One line for the command list.
    summary: &'static str,
    /// The synopsis, without the leading `planwright `.
    usage: &'static str,
    /// What it does, for `--help`.
    about: &'static str,
    /// Options besides `-h/--help`.
    options: &'static [Opt],
    /// What comes after the options in `--help` (exit status, examples).
    after: &'static str,
    /// Runs it; returns the exit status.
    run: fn(&Parsed, &mut Io) -> Result<u8, Failure>,
}

/// An option a command accepts.
struct Opt {
    long: &'static str,
    short: Option<char>,
    /// Name of the value it takes, if it takes one.
    value: Option<&'static str>,
    help: &'static str,
}

/// A parsed command line for one command.
struct Parsed {
    /// Options given, by long name, with their values; later ones win.
    options: Vec<(&'static str, Option<String>)>,
    /// Everything else, in order.
    args: Vec<OsString>,
}

impl Parsed {
    fn flag(&self, long: &str) -> bool {
        self.options.iter().any(|(name, _)| *name == long)
    }

    fn value(&self, long: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(name, _)| *name == long)
            .and_then(|(_, v)| v.as_deref())
    }
}

/// Why a command did not run to the end.
enum Failure {
    /// The command line is wrong; the message says how.
    Usage(String),
    /// The input could not be read or is not a plan.
    Input { source: String, message: String },
}

const COMMANDS: &[Command] = &[
    Command {
        name: "example",
        summary: "Print one of the worked example plans as a plan file",
        usage: "example NAME",
        about: "Print a worked example plan in the current file format. NAME is one of:\n\
                customer-support, finance, personalization.",
        options: &[],
        after: "Example:\n  planwright example finance > finance.json",
        run: run_example,
    },
    Command {
        name: "validate",
        summary: "Check a plan file and list its findings",
        usage: "validate [--json] FILE",
        about: "Check a plan file and list what validation finds, one per line with the path of the field\n\
                it concerns: errors are contradictions to fix, warnings are gaps that are normal in a\n\
                draft. Notes say what migration from an older version changed and which fields the\n\
                format does not know (they are not imported).",
        options: &[Opt { long: "json", short: None, value: None, help: "Print a JSON array of {severity, code, path, message}" }],
        after: "Exit status: 0 when there are no errors, 1 when there are, 2 when the file cannot be read\n\
                or is not a plan.",
        run: run_validate,
    },
    Command {
        name: "score",
        summary: "Print a plan's readiness, risk tier and phase gates as JSON",
        usage: "score FILE",
        about: "Analyse a plan and print one JSON object with three parts: readiness (the overall score,\n\
                its band and the rule behind it, every dimension and criterion, and the actions worth\n\
                most), risk (the tier, why, the open questions and the controls the tier calls for)\n\
                and gates (each phase's go or no-go, criterion by criterion, and the current phase).\n\
                Validation errors do not stop the analysis; 'planwright validate' lists them.",
        options: &[],
        after: "Exit status: 0 when the plan was read, whatever its score or findings; 2 when the file\n\
                cannot be read or is not a plan.\n\n\
                Example:\n  planwright score plan.json > score.json",
        run: run_score,
    },
    Command {
        name: "order",
        summary: "Print the tasks in order, with dates and the critical path, as JSON",
        usage: "order FILE",
        about: "Schedule a plan's tasks and print one JSON object: the order they can be done in\n\
                (dependencies first), each task's timing in working days from the start with its\n\
                calendar dates when the plan has a start date, the critical path, the total length in\n\
                working days, the first and last working day, and warnings. Weekends are not worked.\n\
                When dependencies loop no order exists: the loops are printed instead, as\n\
                {\"cycles\": [[task id, ...], ...], \"titles\": {task id: title}}, and every task in\n\
                every loop is named on standard error.",
        options: &[],
        after: "Exit status: 0 when the tasks can be put in order, 1 when their dependencies loop, 2 when\n\
                the file cannot be read or is not a plan.",
        run: run_order,
    },
    Command {
        name: "export",
        summary: "Write a plan as a Markdown document or a normalised plan file",
        usage: "export [--format md|json] FILE",
        about: "Write a plan to standard output: as a readable Markdown document (md, the default), or as\n\
                a plan file in the current version, normalised (json). Older versions are migrated;\n\
                fields the format does not know are dropped, with a note on standard error.",
        options: &[Opt { long: "format", short: Some('f'), value: Some("md|json"), help: "Output format (default: md)" }],
        after: "Example:\n  planwright export --format md plan.json > plan.md",
        run: run_export,
    },
    Command {
        name: "schema",
        summary: "Print the JSON Schema of the plan file format",
        usage: "schema",
        about: "Print the JSON Schema (draft 2020-12) that describes a plan file in the current version.",
        options: &[],
        after: "",
        run: run_schema,
    },
];

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let (out, err, code) = dispatch(&args);
    let mut status = code;
    if !write_all(&mut io::stdout().lock(), &out) {
        status = EXIT_USAGE;
    }
    // Nothing sensible can be done if standard error is gone.
    let _ = write_all(&mut io::stderr().lock(), &err);
    ExitCode::from(status)
}

/// Writes `text`; a closed pipe (as with `| head`) is not an error. Returns
/// false when the write failed for another reason.
fn write_all(to: &mut impl Write, text: &str) -> bool {
    match to.write_all(text.as_bytes()).and_then(|()| to.flush()) {
        Ok(()) => true,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            let _ = writeln!(io::stderr(), "{BIN}: cannot write output: {e}");
            false
        }
    }
}

/// Runs a command line; returns standard output, standard error and the exit
/// status.
fn dispatch(args: &[OsString]) -> (String, String, u8) {
    let Some(first) = args.first() else {
        return (String::new(), format!("{}\n", top_help()), EXIT_USAGE);
    };
    let rest = &args[1..];
    match first.to_str() {
        Some("-h" | "--help") => (format!("{}\n", top_help()), String::new(), 0),
        Some("-V" | "--version") => (format!("{}\n", version()), String::new(), 0),
        Some("help") => match rest.first().map(|a| a.to_string_lossy()) {
            None => (format!("{}\n", top_help()), String::new(), 0),
            Some(name) => match find(&name) {
                Some(command) => (format!("{}\n", command_help(command)), String::new(), 0),
                None => (String::new(), unknown_command(&name), EXIT_USAGE),
            },
        },
        Some(name) if !name.starts_with('-') => match find(name) {
            Some(command) => run_command(command, rest),
            None => (String::new(), unknown_command(name), EXIT_USAGE),
        },
        _ => (
            String::new(),
            format!(
                "{BIN}: unknown option '{}'\n\n{}\n",
                first.to_string_lossy(),
                top_help()
            ),
            EXIT_USAGE,
        ),
    }
}

fn find(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}

fn unknown_command(name: &str) -> String {
    format!("{BIN}: unknown command '{name}'\n\n{}\n", top_help())
}

fn run_command(command: &Command, args: &[OsString]) -> (String, String, u8) {
    let parsed = match parse(command, args) {
        Ok(Some(parsed)) => parsed,
        Ok(None) => return (format!("{}\n", command_help(command)), String::new(), 0),
        Err(message) => return (String::new(), usage_error(command, &message), EXIT_USAGE),
    };
    let mut io = Io::default();
    match (command.run)(&parsed, &mut io) {
        Ok(code) => (io.out, io.err, code),
        Err(Failure::Usage(message)) => {
            (io.out, io.err + &usage_error(command, &message), EXIT_USAGE)
        }
        Err(Failure::Input { source, message }) => (
            io.out,
            io.err + &format!("{BIN}: {source}: {message}\n"),
            EXIT_USAGE,
        ),
    }
}

/// What a command writes: standard output and standard error.
#[derive(Default)]
struct Io {
    out: String,
    err: String,
}

impl Io {
    /// Adds text to standard output.
    fn print(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// Adds a line to standard error.
    fn note(&mut self, line: &str) {
        self.err.push_str(line);
        self.err.push('\n');
    }
}

/// Parses the options of `command`; `Ok(None)` when help was asked for.
fn parse(command: &Command, args: &[OsString]) -> Result<Option<Parsed>, String> {
    let mut parsed = Parsed {
        options: Vec::new(),
        args: Vec::new(),
    };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let Some(text) = arg.to_str() else {
            // Not UTF-8: can only be a file name.
            parsed.args.push(arg.clone());
            continue;
        };
        if text == "--" {
            parsed.args.extend(iter.by_ref().cloned());
            break;
        }
        if text == "-h" || text == "--help" {
            return Ok(None);
        }
        let (opt, inline) = if let Some(long) = text.strip_prefix("--") {
            let (name, value) = match long.split_once('=') {
                Some((name, value)) => (name, Some(value.to_string())),
                None => (long, None),
            };
            let opt = command
                .options
                .iter()
                .find(|o| o.long == name)
                .ok_or_else(|| format!("unknown option '--{name}'"))?;
            (opt, value)
        } else if let Some(short) = text.strip_prefix('-').filter(|s| !s.is_empty()) {
            let mut chars = short.chars();
            let letter = chars.next().unwrap_or('-');
            let opt = command
                .options
                .iter()
                .find(|o| o.short == Some(letter))
                .ok_or_else(|| format!("unknown option '-{letter}'"))?;
            let rest: String = chars.collect();
            (opt, if rest.is_empty() { None } else { Some(rest) })
        } else {
            parsed.args.push(arg.clone());
            continue;
        };
        let value = match (opt.value, inline) {
            (None, None) => None,
            (None, Some(_)) => return Err(format!("option '--{}' takes no value", opt.long)),
            (Some(_), Some(value)) => Some(value),
            (Some(what), None) => match iter.next().and_then(|v| v.to_str()) {
                Some(value) => Some(value.to_string()),
                None => return Err(format!("option '--{}' needs a value ({what})", opt.long)),
            },
        };
        parsed.options.push((opt.long, value));
    }
    Ok(Some(parsed))
}

fn usage_error(command: &Command, message: &str) -> String {
    format!(
        "{BIN} {}: {message}\n\nUsage: {BIN} {}\nRun '{BIN} {} --help' for more.\n",
        command.name, command.usage, command.name
    )
}

fn version() -> String {
    format!(
        "{BIN} {} (plan format '{FORMAT}', version {VERSION})",
        env!("CARGO_PKG_VERSION")
    )
}

fn top_help() -> String {
    let mut text = format!(
        "{BIN}: check, convert and inspect Planwright plan files\n\n\
         Usage: {BIN} COMMAND [OPTIONS] [ARGS]\n\nCommands:\n"
    );
    let width = COMMANDS
        .iter()
        .map(|c| c.name.len())
        .max()
        .unwrap_or(0)
        .max("help".len());
    for c in COMMANDS {
        text.push_str(&format!("  {:width$}  {}\n", c.name, c.summary));
    }
    text.push_str(&format!(
        "  {:width$}  {}\n",
        "help", "Show help for a command"
    ));
    text.push_str(
        "\nOptions:\n  -h, --help     Show this help\n  -V, --version  Show the version and the plan format it writes\n\n",
    );
    text.push_str(&format!(
        "FILE may be '-' to read standard input.\nRun '{BIN} help COMMAND' or '{BIN} COMMAND --help' for details."
    ));
    text
}

fn command_help(command: &Command) -> String {
    let mut text = format!(
        "Usage: {BIN} {}\n\n{}\n\nOptions:\n",
        command.usage, command.about
    );
    let mut rows: Vec<(String, &str)> = command
        .options
        .iter()
        .map(|o| {
            let short = o
                .short
                .map_or_else(|| "    ".to_string(), |c| format!("-{c}, "));
            let value = o.value.map_or_else(String::new, |v| format!(" {v}"));
            (format!("{short}--{}{value}", o.long), o.help)
        })
        .collect();
    rows.push(("-h, --help".to_string(), "Show this help"));
    let width = rows.iter().map(|(left, _)| left.len()).max().unwrap_or(0);
    for (left, help) in rows {
        text.push_str(&format!("  {left:width$}  {help}\n"));
    }
    if !command.after.is_empty() {
        text.push('\n');
        text.push_str(command.after);
        text.push('\n');
    }
    text.trim_end().to_string()
}

// ---------------------------------------------------------------------------
// Commands

fn run_example(parsed: &Parsed, io: &mut Io) -> Result<u8, Failure> {
    let name = one_arg(parsed, "NAME")?;
    let keys: Vec<&str> = EXAMPLES.iter().map(|e| e.key).collect();
    let text = example_json(&name.to_string_lossy()).ok_or_else(|| {
        Failure::Usage(format!(
            "no example called '{}'; choose one of: {}",
            name.to_string_lossy(),
            keys.join(", ")
        ))
    })?;
    io.print(text);
    Ok(0)
}

fn run_validate(parsed: &Parsed, io: &mut Io) -> Result<u8, Failure> {
    let path = one_arg(parsed, "FILE")?;
    let (source, imported) = load(path)?;
    let mut records: Vec<Record> = Vec::new();
    for message in &imported.migration_notes {
        let message = format!("migrated from version {}: {message}", imported.from_version);
        records.push(Record {
            severity: "note",
            code: "migration",
            path: String::new(),
            message,
        });
    }
    for path in &imported.unknown_fields {
        let message = format!("not part of format version {VERSION}; it was not imported");
        records.push(Record {
            severity: "note",
            code: "unknown-field",
            path: path.clone(),
            message,
        });
    }
    for f in &imported.findings {
        records.push(Record {
            severity: f.severity.as_str(),
            code: f.code,
            path: f.path.clone(),
            message: f.message.clone(),
        });
    }
    if parsed.flag("json") {
        // A list of plain records always serializes.
        io.print(&serde_json::to_string_pretty(&records).unwrap_or_default());
        io.print("\n");
    } else {
        for r in &records {
            let at = if r.path.is_empty() {
                String::new()
            } else {
                format!("{}: ", r.path)
            };
            io.print(&format!("{:<7} {at}{}\n", r.severity, r.message));
        }
        let errors = imported
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let warnings = imported.findings.len() - errors;
        io.print(&format!(
            "{source}: {} and {}\n",
            plural(errors, "error"),
            plural(warnings, "warning")
        ));
    }
    Ok(if has_errors(&imported.findings) { 1 } else { 0 })
}

/// One line of `validate` output.
#[derive(serde::Serialize)]
struct Record {
    severity: &'static str,
    code: &'static str,
    path: String,
    message: String,
}

fn run_export(parsed: &Parsed, io: &mut Io) -> Result<u8, Failure> {
    let format = parsed.value("format").unwrap_or("md");
    if format != "md" && format != "json" {
        return Err(Failure::Usage(format!(
            "unknown format '{format}'; use md or json"
        )));
    }
    let path = one_arg(parsed, "FILE")?;
    let (source, imported) = load(path)?;
    note_unknown_fields(io, &source, &imported);
    if format == "md" {
        io.print(&to_markdown(&imported.plan));
    } else {
        io.print(&file::to_json(&imported.plan));
    }
    Ok(0)
}

/// What `score` prints.
#[derive(Serialize)]
struct Score<'a> {
    readiness: &'a Readiness,
    risk: &'a RiskAssessment,
    gates: &'a Gates,
}

fn run_score(parsed: &Parsed, io: &mut Io) -> Result<u8, Failure> {
    let path = one_arg(parsed, "FILE")?;
    let (source, imported) = load(path)?;
    note_unknown_fields(io, &source, &imported);
    let plan = &imported.plan;
    let risk = assess(plan);
    let score = Score {
        readiness: &readiness(plan, &risk),
        gates: &gates(plan, &risk),
        risk: &risk,
    };
    print_json(io, &score);
    Ok(0)
}

/// What `order` prints when the tasks can be ordered.
#[derive(Serialize)]
struct Order<'a> {
    order: &'a [Id],
    tasks: Vec<Timing<'a>>,
    critical_path: &'a [Id],
    total_days: u64,
    start_date: Option<Date>,
    finish_date: Option<Date>,
    warnings: &'a [ScheduleWarning],
}

/// One task's timing in `order`'s output, in plan order.
#[derive(Serialize)]
struct Timing<'a> {
    id: &'a Id,
    title: &'a str,
    earliest_start: u64,
    earliest_finish: u64,
    latest_start: u64,
    latest_finish: u64,
    slack: u64,
    critical: bool,
    start: Option<Date>,
    finish: Option<Date>,
}

fn run_order(parsed: &Parsed, io: &mut Io) -> Result<u8, Failure> {
    let path = one_arg(parsed, "FILE")?;
    let (source, imported) = load(path)?;
    note_unknown_fields(io, &source, &imported);
    let plan = &imported.plan;
    match schedule(plan) {
        Ok(s) => {
            let tasks = s
                .tasks
                .iter()
                .zip(&plan.tasks)
                .map(|(t, task)| Timing {
                    id: &t.id,
                    title: &task.title,
                    earliest_start: t.earliest_start,
                    earliest_finish: t.earliest_finish,
                    latest_start: t.latest_start,
                    latest_finish: t.latest_finish,
                    slack: t.slack,
                    critical: t.critical,
                    start: t.start,
                    finish: t.finish,
                })
                .collect();
            print_json(
                io,
                &Order {
                    order: &s.order,
                    tasks,
                    critical_path: &s.critical_path,
                    total_days: s.total_days,
                    start_date: s.start_date,
                    finish_date: s.finish_date,
                    warnings: &s.warnings,
                },
            );
            Ok(0)
        }
        Err(loops) => {
            print_json(io, &loops);
            io.err.push_str(&loop_report(&source, &loops));
            Ok(1)
        }
    }
}

/// Names every task of every loop, one loop per line, for standard error.
fn loop_report(source: &str, loops: &CycleError) -> String {
    let name = |id: &Id| {
        let title = loops.titles.get(id).map(String::as_str).unwrap_or_default();
        let title = printable(title.trim());
        let id = printable(id.as_str());
        if title.is_empty() {
            format!("untitled task ({id})")
        } else {
            format!("'{title}' ({id})")
        }
    };
    let mut text = format!(
        "{BIN}: {source}: the tasks cannot be put in order: their dependencies form {}.\n",
        plural(loops.cycles.len(), "loop")
    );
    for (k, cycle) in loops.cycles.iter().enumerate() {
        let names: Vec<String> = cycle.iter().map(&name).collect();
        let what = if names.len() == 1 {
            " depends on itself"
        } else {
            ""
        };
        text.push_str(&format!("  loop {}: {}{what}\n", k + 1, names.join(", ")));
    }
    text.push_str("Remove one dependency from each loop.\n");
    text
}

/// Text with control characters as spaces, so a plan cannot send escape
/// sequences to the terminal.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Notes on standard error each field that was not imported.
fn note_unknown_fields(io: &mut Io, source: &str, imported: &Imported) {
    for path in &imported.unknown_fields {
        io.note(&format!("{BIN}: {source}: field '{path}' is not part of format version {VERSION} and was left out"));
    }
}

/// Prints a value as pretty JSON and a newline. The values printed here are
/// plain data with string keys, which always serialize.
fn print_json(io: &mut Io, value: &impl Serialize) {
    io.print(&serde_json::to_string_pretty(value).unwrap_or_default());
    io.print("\n");
}

#[cfg(feature = "schema")]
fn run_schema(parsed: &Parsed, io: &mut Io) -> Result<u8, Failure> {
    no_args(parsed)?;
    io.print(&planwright_core::format::schema::json_schema_string());
    Ok(0)
}

#[cfg(not(feature = "schema"))]
fn run_schema(parsed: &Parsed, io: &mut Io) -> Result<u8, Failure> {
    no_args(parsed)?;
    io.note(&format!("{BIN}: this build has no schema support; build planwright-core with its default 'schema' feature"));
    Ok(EXIT_USAGE)
}

// ---------------------------------------------------------------------------
// Arguments and input

fn one_arg<'a>(parsed: &'a Parsed, what: &str) -> Result<&'a OsStr, Failure> {
    match parsed.args.as_slice() {
        [one] => Ok(one),
        [] => Err(Failure::Usage(format!("missing {what}"))),
        [_, extra, ..] => Err(Failure::Usage(format!(
            "unexpected argument '{}'",
            extra.to_string_lossy()
        ))),
    }
}

fn no_args(parsed: &Parsed) -> Result<(), Failure> {
    match parsed.args.first() {
        None => Ok(()),
        Some(extra) => Err(Failure::Usage(format!(
            "unexpected argument '{}'",
            extra.to_string_lossy()
        ))),
    }
}

/// Reads and imports a plan from a file, or from standard input for `-`.
fn load(path: &OsStr) -> Result<(String, Imported), Failure> {
    let (source, bytes) = read(path)?;
    match file::import_bytes(&bytes) {
        Ok(imported) => Ok((source, imported)),
        Err(e) => Err(Failure::Input {
            source,
            message: e.to_string(),
        }),
    }
}

/// The bytes of a file or of standard input, refusing anything over
/// [`MAX_BYTES`] without holding more than that in memory.
fn read(path: &OsStr) -> Result<(String, Vec<u8>), Failure> {
    let too_large = |source: String, bytes: u64| Failure::Input {
        source,
        message: ImportError::TooLarge {
            bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
        }
        .to_string(),
    };
    let limit = MAX_BYTES as u64 + 1;
    if path == "-" {
        let source = "standard input".to_string();
        let mut stdin = io::stdin().lock();
        let mut bytes = Vec::new();
        let read = (&mut stdin).take(limit).read_to_end(&mut bytes);
        read.map_err(|e| Failure::Input {
            source: source.clone(),
            message: format!("cannot read: {e}"),
        })?;
        if bytes.len() as u64 >= limit {
            // Count the rest so the message gives the real size.
            let rest = io::copy(&mut stdin, &mut io::sink()).unwrap_or(0);
            return Err(too_large(source, bytes.len() as u64 + rest));
        }
        return Ok((source, bytes));
    }
    let source = path.to_string_lossy().into_owned();
    let cannot = |e: io::Error| Failure::Input {
        source: source.clone(),
        message: format!("cannot read the file: {e}"),
    };
    let file = File::open(path).map_err(cannot)?;
    let size = file.metadata().map_err(cannot)?.len();
    if size > MAX_BYTES as u64 {
        return Err(too_large(source, size));
    }
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 >= limit {
        return Err(too_large(source, bytes.len() as u64));
    }
    Ok((source, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn options_parse_in_every_spelling() {
        let export = find("export").expect("export is a command");
        for line in [
            &["--format", "json", "x"][..],
            &["--format=json", "x"],
            &["-f", "json", "x"],
            &["-fjson", "x"],
            &["x", "--format", "json"],
        ] {
            let parsed = parse(export, &args(line)).unwrap().unwrap();
            assert_eq!(parsed.value("format"), Some("json"), "{line:?}");
            assert_eq!(parsed.args, args(&["x"]), "{line:?}");
        }
        let parsed = parse(export, &args(&["--", "--format"])).unwrap().unwrap();
        assert_eq!(parsed.args, args(&["--format"]));
        assert_eq!(
            parse(export, &args(&["-"])).unwrap().unwrap().args,
            args(&["-"])
        );
        assert!(parse(export, &args(&["x", "--help"])).unwrap().is_none());
        assert_eq!(
            parse(export, &args(&["--format"])).err().unwrap(),
            "option '--format' needs a value (md|json)"
        );
        assert_eq!(
            parse(export, &args(&["--colour"])).err().unwrap(),
            "unknown option '--colour'"
        );
        assert_eq!(
            parse(export, &args(&["-x"])).err().unwrap(),
            "unknown option '-x'"
        );
    }

    #[test]
    fn every_command_has_help_that_names_it() {
        for c in COMMANDS {
            assert!(top_help().contains(c.name));
            assert!(command_help(c).starts_with(&format!("Usage: planwright {}", c.name)));
        }
    }
}
