//! The command line of `planwright`, as clap types.
//!
//! Contract: this module only describes what may be typed (subcommands,
//! options, their help) and how it parses; it runs nothing. [`command`] is
//! the one place the full clap command is built, so parsing, `help` and the
//! shell completions all see the same thing. Every usage error exits 2 and
//! shows the usage line of the subcommand concerned; `-h` and `--help` both
//! show the full help and exit 0.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::LazyLock;

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{
    ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum, ValueHint,
};
use clap_complete::Shell;
use planwright_core::format::examples::EXAMPLES;
use planwright_core::format::file::{FORMAT, VERSION};

/// Help layout for subcommands: the usage line, what the subcommand does
/// (its `before_help`; its `about` is the one line in the list of
/// subcommands), then its arguments and notes.
const SUBCOMMAND_HELP: &str = "{usage-heading} {usage}\n\n{before-help}{all-args}{after-help}";

/// The whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "planwright",
    version = version(),
    about = "Check, convert and inspect Planwright plan files",
    after_help = "FILE may be '-' to read standard input.\n\
                  Run 'planwright help COMMAND' or 'planwright COMMAND --help' for details.",
    arg_required_else_help = true,
    subcommand_value_name = "COMMAND",
    disable_help_flag = true,
    disable_version_flag = true
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,

    /// Show this help
    #[arg(short = 'h', long, action = ArgAction::HelpLong, global = true)]
    help: Option<bool>,

    /// Show the version and the plan format it writes
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
}

/// A subcommand and what was given to it.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print one of the worked example plans as a plan file
    #[command(
        before_help = "Print a worked example plan in the current file format.",
        after_help = "Example:\n  planwright example finance > finance.json"
    )]
    Example(ExampleArgs),

    /// Check a plan file and list its findings
    #[command(
        before_help = "Check a plan file and list what validation finds, one per line with the path of the field\n\
                      it concerns: errors are contradictions to fix, warnings are gaps that are normal in a\n\
                      draft. Notes say what migration from an older version changed and which fields the\n\
                      format does not know (they are not imported).",
        after_help = "Exit status: 0 when there are no errors, 1 when there are, 2 when the file cannot be read\n\
                      or is not a plan."
    )]
    Validate(ValidateArgs),

    /// Print a plan's readiness, risk tier and phase gates as JSON
    #[command(
        before_help = "Analyse a plan and print one JSON object with three parts: readiness (the overall score,\n\
                      its band and the rule behind it, every dimension and criterion, and the actions worth\n\
                      most), risk (the tier, why, the open questions and the controls the tier calls for)\n\
                      and gates (each phase's go or no-go, criterion by criterion, and the current phase).\n\
                      With an as-of day (the plan's own, or --as-of) a fourth part, forecast, gives the\n\
                      schedule redone from the tasks' actual dates: each task's forecast dates and whether\n\
                      it is late, the forecast end against the planned end, and each gate's forecast day.\n\
                      Validation errors do not stop the analysis; 'planwright validate' lists them.",
        after_help = "Exit status: 0 when the plan was read, whatever its score or findings; 2 when the file\n\
                      cannot be read or is not a plan.\n\n\
                      Example:\n  planwright score --as-of 2026-05-29 plan.json > score.json"
    )]
    Score(ScoreArgs),

    /// Print the tasks in order, with dates and the critical path, as JSON
    #[command(
        before_help = "Schedule a plan's tasks and print one JSON object: the order they can be done in\n\
                      (dependencies first), each task's timing in working days from the start with its\n\
                      calendar dates when the plan has a start date, the critical path, the total length in\n\
                      working days, the first and last working day, and warnings. Weekends are not worked.\n\
                      When dependencies loop no order exists: the loops are printed instead, as\n\
                      {\"cycles\": [[task id, ...], ...], \"titles\": {task id: title}}, and every task in\n\
                      every loop is named on standard error.",
        after_help = "Exit status: 0 when the tasks can be put in order, 1 when their dependencies loop, 2 when\n\
                      the file cannot be read or is not a plan."
    )]
    Order(PlanFile),

    /// Write a plan as a document, a plan file, or a file for the tools where the work runs
    #[command(
        before_help = "Write a plan to standard output, or to the file given with -o, as one of:\n\
                      \n  md         a readable Markdown document (the default)\
                      \n  json       a plan file in the current version, normalised\
                      \n  csv        phases, gates, tasks, approvals and hand-offs as one CSV table for Jira,\
                      \n             Linear, Asana or GitHub Projects\
                      \n  csv-excel  the same CSV with a byte order mark, so Excel reads it as UTF-8\
                      \n  mspdi      the schedule as Microsoft Project XML (phases as summary tasks,\
                      \n             dependencies, the working calendar, owners as resources)\
                      \n  ics        gates, milestones, approval deadlines and review cycles as an iCalendar file\n\n\
                      Older versions are migrated; fields the format does not know are dropped, with a note on\n\
                      standard error. A calendar's events keep their identity from one export to the next, so\n\
                      importing again updates them: give --plan-id to keep it when the plan is renamed. Their\n\
                      time stamp is now, or SOURCE_DATE_EPOCH (seconds since 1970) when that is set.",
        after_help = "Exit status: 0 when the file was written; 1 when an ics export finds nothing with a date;\n\
                      2 when the plan cannot be read or the output cannot be written.\n\n\
                      Examples:\n  planwright export --format md plan.json > plan.md\n  \
                      planwright export plan.json --format csv-excel -o tasks.csv\n  \
                      planwright export plan.json --format ics --plan-id claims-triage -o plan.ics"
    )]
    Export(ExportArgs),

    /// Write a plan as a template: its structure without people, dates and actuals
    #[command(
        before_help = "Write the template of a plan, as a plan file in the current version, to standard output or\n\
                      to the file given with -o. The template keeps the plan's structure: phases, tasks with\n\
                      their lengths and dependencies, deliverables, controls, metrics with their targets,\n\
                      decisions by role, data sources, systems, hand-offs, change and feedback plans. It drops\n\
                      people (names, notes, owners), dates (start, baselines, due dates) and actuals (statuses,\n\
                      measured values, assessments); risk answers stay, marked in the risk notes to be checked.\n\
                      A template of a template is the same template.",
        after_help = "Exit status: 0 when the template was written; 2 when the plan cannot be read or the output\n\
                      cannot be written.\n\n\
                      Example:\n  planwright template finished-plan.json -o next-initiative.json"
    )]
    Template(TemplateArgs),
    /// Rank plans as a portfolio, find their shared foundation and schedule them together
    #[command(
        before_help = "Compare several initiatives: rank them, list the data sources, systems, controls and\n\
                      foundation deliverables two or more of them share, and schedule them as one portfolio\n\
                      roadmap that does the shared foundation work once, first, then each initiative in rank\n\
                      order with at most CAPACITY of them in deployment at once. Give the plan files to\n\
                      compare (each one initiative, named by its file name; a plan file holds no expected\n\
                      value, so they rank on readiness, risk and effort), or one portfolio file (format\n\
                      'planwright-portfolio', which carries its plans, their expected values and its settings;\n\
                      the options override its settings).\n\
                      \n\
                      Output formats:\n\
                      \n  text  the ranking with its reasons, the shared foundation, the roadmap and warnings\
                      \n  md    the same as a Markdown document, with Mermaid charts of the value and readiness\
                      \n        matrix and of the roadmap\
                      \n  json  one object: {\"portfolio\": the settings used, \"rule\": [sentence, ...],\
                      \n        \"ranked\": [initiative, ...] best first, \"warnings\": [...], \"shared\": [...],\
                      \n        \"roadmap\": {\"tasks\": [...], \"critical_path\", \"total_days\", \"start_date\",\
                      \n        \"finish_date\", \"cycles\", \"setup_days_alone\", \"setup_days_shared\",\
                      \n        \"setup_days_saved\"}}",
        after_help = "Exit status: 0 when the files were read, whatever the ranking says; 2 when a file cannot\n\
                      be read, is not a plan or portfolio, or an option is wrong.\n\n\
                      Examples:\n  planwright portfolio claims.json finance.json support.json\n  \
                      planwright portfolio --weights value=3,readiness=3,risk=2,effort=0 --capacity 2 *.json\n  \
                      planwright portfolio portfolio.json --format md > portfolio.md"
    )]
    Portfolio(PortfolioArgs),

    /// Show what changed between two plans, section by section
    #[command(
        before_help = "Compare two plans and list what changed from OLD to NEW, grouped by section in plan\n\
                      order. Items of a list (tasks, phases, metrics...) are matched by id, so a renamed or\n\
                      moved task reads as one change, not a removal and an addition.\n\
                      \n  md    Markdown: a heading per section and a line per change (the default)\
                      \n  json  {\"sections\": [{\"key\", \"title\", \"changes\": [{\"kind\", \"path\", \"label\",\
                      \n        \"old\", \"new\"}]}]}",
        after_help = "Exit status: 0 when the plans are the same, 1 when they differ, 2 when a file cannot be\n\
                      read or is not a plan.\n\n\
                      Example:\n  planwright diff plan-before.json plan.json"
    )]
    Diff(DiffArgs),

    /// Print a plan as one line per field, for git diff
    #[command(
        before_help = "Print a plan as lines 'path = value', one per field, in plan order, with the items of a\n\
                      list named by id (tasks[id=t-3].title = \"Label tickets\"). The same plan always gives\n\
                      the same lines, so git can compare plan files line by line through 'textconv'.",
        after_help = "Exit status: 0 when the plan was read; 2 when the file cannot be read or is not a plan.\n\n\
                      Example:\n  git config diff.planwright.textconv \"planwright show\""
    )]
    Show(PlanFile),

    /// Merge two plans that started from the same one (a git merge driver)
    #[command(
        before_help = "Merge THEIRS into OURS, both changed from BASE, item by item and field by field: a change\n\
                      made on one side is taken, items added on either side are kept, and a field both sides\n\
                      changed differently is a conflict. The merged plan is written back to OURS (or to -o),\n\
                      keeping our value at each conflict and listing every conflict under \"conflicts\", so\n\
                      the app can show them and let you choose. This is git's merge driver convention:\n\
                      planwright merge %O %A %B.",
        after_help = "Exit status: 0 when the merge is clean, 1 when it left conflicts (each is named on\n\
                      standard error), 2 when a file cannot be read or is not a plan, or the result cannot\n\
                      be written; OURS is then left as it was.\n\n\
                      Example:\n  git config merge.planwright.driver \"planwright merge %O %A %B\""
    )]
    Merge(MergeArgs),

    /// Set a baseline on a plan: a named, dated snapshot to measure later versions against
    #[command(
        before_help = "Add a baseline to a plan file: a copy of the plan as it stands with what the analysis says\n\
                      of it (each task's dates, each gate's day, readiness, band, risk tier and the controls it\n\
                      requires), named NAME and dated by --as-of, else the plan's own as-of day, else today.\n\
                      The plan is written back over FILE, or to OUT with -o, or to standard output when FILE\n\
                      is '-'. A plan keeps at most 20 baselines; remove an old one before setting another.",
        after_help = "Exit status: 0 when the plan was written; 2 when it cannot be read or written, NAME is\n\
                      empty, FILE is a Markdown document and no -o is given, or the plan is full.\n\n\
                      Example:\n  planwright baseline plan.json --name 'Approved at kickoff' --as-of 2026-03-02"
    )]
    Baseline(BaselineArgs),

    /// Print the weekly status report of a plan as Markdown
    #[command(
        before_help = "Print a one-page status report in Markdown as of --as-of, else the plan's own as-of day,\n\
                      else today: what finished in the last two weeks, what is late (why, and whose), what\n\
                      starts in the next two weeks, the forecast end against the newest baseline's finish\n\
                      (or the planned finish), each gate planned against forecast with any decision recorded,\n\
                      readiness since the baseline, and what waits on someone: approvals, gate decisions,\n\
                      gate conditions and hand-offs, with their owners.",
        after_help = "Exit status: 0 when the plan was read; 2 when it cannot be read or is not a plan.\n\n\
                      Example:\n  planwright status plan.json --as-of 2026-05-29 > status.md"
    )]
    Status(StatusArgs),

    /// Show what changed since a baseline, or from one plan file to another
    #[command(
        before_help = "Compare a plan with one of its baselines (the newest, or the one --baseline names by id\n\
                      or name), or compare two plan files, the second against the first: task start and\n\
                      finish slips in working days (positive is later), tasks added and removed, gate days,\n\
                      readiness overall and per dimension, band, risk tier, required controls, owners and\n\
                      approvers, metric targets and gate decisions recorded since. As Markdown (md, the\n\
                      default) or as one JSON object (json) with every task's dates then and now.",
        after_help = "Exit status: 0 when the comparison was made; 2 when a file cannot be read, the plan has\n\
                      no baselines or not the one named.\n\n\
                      Examples:\n  planwright compare plan.json\n  \
                      planwright compare plan.json --baseline 'Approved at kickoff' --format json\n  \
                      planwright compare last-week.json plan.json"
    )]
    Compare(CompareArgs),

    /// Print the JSON Schema of the plan file format
    #[command(
        before_help = "Print the JSON Schema (draft 2020-12) that describes a plan file in the current version."
    )]
    Schema,

    /// Print a shell completion script
    #[command(
        before_help = "Print a script that teaches a shell to complete planwright's subcommands, options,\n\
                      example names and file arguments.",
        after_help = "Example:\n  planwright completions bash > ~/.local/share/bash-completion/completions/planwright"
    )]
    Completions(CompletionsArgs),
}

/// What `example` takes.
#[derive(Debug, Args)]
pub struct ExampleArgs {
    /// Which example plan to print
    #[arg(value_name = "NAME", value_parser = example_names())]
    pub name: String,
}

/// What `validate` takes.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Print a JSON array of {severity, code, path, message}
    #[arg(long)]
    pub json: bool,

    /// The plan to read.
    #[command(flatten)]
    pub plan: PlanFile,
}

/// The day progress is measured on.
#[derive(Debug, Args)]
pub struct AsOf {
    /// Measure progress as of this day (YYYY-MM-DD, or 'today'); default: the plan's own as-of day
    #[arg(long = "as-of", value_name = "DAY", value_parser = parse_as_of)]
    pub as_of: Option<planwright_core::date::Date>,
}

/// A day as `YYYY-MM-DD`, or `today` by this computer's clock (UTC).
fn parse_as_of(text: &str) -> Result<planwright_core::date::Date, String> {
    if text.eq_ignore_ascii_case("today") {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|_| "this computer's clock is before 1970".to_string())?
            .as_secs();
        let days =
            i64::try_from(secs / 86_400).map_err(|_| "the clock is out of range".to_string())?;
        return planwright_core::date::Date::from_days(days)
            .ok_or_else(|| "today is past the last day a plan holds".to_string());
    }
    text.parse()
        .map_err(|e: planwright_core::date::DateError| e.to_string())
}

/// What `score` takes.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The as-of day.
    #[command(flatten)]
    pub as_of: AsOf,

    /// The plan to read.
    #[command(flatten)]
    pub plan: PlanFile,
}

/// What `export` takes.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format
    #[arg(short, long, value_name = "FORMAT", default_value = "md")]
    pub format: ExportFormat,

    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "OUT", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,

    /// Id the calendar's event ids start from (ics; default: made from the plan's title)
    #[arg(long, value_name = "ID")]
    pub plan_id: Option<String>,

    /// The as-of day (written into the plan, so the document shows progress on it).
    #[command(flatten)]
    pub as_of: AsOf,

    /// The plan to read.
    #[command(flatten)]
    pub plan: PlanFile,
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A readable Markdown document
    Md,
    /// A plan file in the current version, normalised
    Json,
    /// Phases, gates, tasks, approvals and hand-offs as CSV for issue trackers
    Csv,
    /// The same CSV with a byte order mark for Microsoft Excel
    CsvExcel,
    /// The schedule as Microsoft Project XML
    Mspdi,
    /// Gates, milestones, approval deadlines and reviews as iCalendar
    Ics,
}

/// What `diff` takes.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Output format
    #[arg(short, long, value_name = "FORMAT", default_value = "md")]
    pub format: DiffFormat,

    /// The plan before, or '-' for standard input
    #[arg(value_name = "OLD", value_hint = ValueHint::FilePath)]
    pub old: PathBuf,

    /// The plan after, or '-' for standard input
    #[arg(value_name = "NEW", value_hint = ValueHint::FilePath)]
    pub new: PathBuf,
}

/// What `diff` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Markdown: a heading per section, a line per change
    Md,
    /// The changes as one JSON object
    Json,
}

/// What `merge` takes.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Write the merged plan here instead of over OURS ('-' for standard output)
    #[arg(short, long, value_name = "OUT", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,

    /// The plan both sides started from (git's %O)
    #[arg(value_name = "BASE", value_hint = ValueHint::FilePath)]
    pub base: PathBuf,

    /// Our plan (git's %A); the merged plan replaces it unless -o is given
    #[arg(value_name = "OURS", value_hint = ValueHint::FilePath)]
    pub ours: PathBuf,

    /// Their plan (git's %B)
    #[arg(value_name = "THEIRS", value_hint = ValueHint::FilePath)]
    pub theirs: PathBuf,
}

/// What `template` takes.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "OUT", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,

    /// The plan to read.
    #[command(flatten)]
    pub plan: PlanFile,
}

/// What `portfolio` takes.
#[derive(Debug, Args)]
pub struct PortfolioArgs {
    /// Output format
    #[arg(short, long, value_name = "FORMAT", default_value = "text")]
    pub format: PortfolioFormat,

    /// How much each part of the score counts, each 0 (left out) to 5; parts not given keep
    /// their setting (default value=3,readiness=2,risk=2,effort=1)
    #[arg(short, long, value_name = "WEIGHTS", value_parser = parse_weights)]
    pub weights: Option<WeightsArg>,

    /// How many initiatives can be in deployment at once (default 3)
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub capacity: Option<u32>,

    /// Name of the portfolio (default: the portfolio file's name; none for plan files)
    #[arg(short, long, value_name = "NAME")]
    pub name: Option<String>,

    /// Plan files to compare ('-' for standard input), or one portfolio file
    #[arg(value_name = "FILE", required = true, num_args = 1.., value_hint = ValueHint::FilePath)]
    pub files: Vec<PathBuf>,
}

/// What `portfolio` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PortfolioFormat {
    /// The ranking, shared foundation, roadmap and warnings as text
    Text,
    /// A Markdown document with Mermaid charts
    Md,
    /// The analysis as one JSON object
    Json,
}

/// The weights given with `--weights`; a part not given is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WeightsArg {
    /// Weight of the expected value.
    pub value: Option<u32>,
    /// Weight of the readiness score.
    pub readiness: Option<u32>,
    /// Weight of the risk tier.
    pub risk: Option<u32>,
    /// Weight of the effort.
    pub effort: Option<u32>,
}

/// The largest weight `--weights` takes.
const MAX_WEIGHT: u32 = 5;

/// Parses `value=3,readiness=2,risk=2,effort=1` (any subset, any order).
/// Each error names the part it is about.
fn parse_weights(text: &str) -> Result<WeightsArg, String> {
    let mut weights = WeightsArg::default();
    if text.trim().is_empty() {
        return Err("give one or more of value=N, readiness=N, risk=N, effort=N".to_string());
    }
    for part in text.split(',') {
        let part = part.trim();
        if part.is_empty() {
            return Err(
                "an empty part between two commas; give NAME=N, such as value=3".to_string(),
            );
        }
        let Some((name, number)) = part.split_once('=') else {
            return Err(format!("'{part}' has no '='; give NAME=N, such as value=3"));
        };
        let (name, number) = (name.trim(), number.trim());
        let slot = match name.to_ascii_lowercase().as_str() {
            "value" => &mut weights.value,
            "readiness" => &mut weights.readiness,
            "risk" => &mut weights.risk,
            "effort" => &mut weights.effort,
            _ => {
                return Err(format!(
                    "'{part}': there is no weight called '{name}'; the weights are value, readiness, risk and effort"
                ))
            }
        };
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "'{part}': the weight should be a whole number from 0 to {MAX_WEIGHT}"
            ));
        }
        let weight = match number.parse::<u32>() {
            Ok(n) if n <= MAX_WEIGHT => n,
            _ => {
                return Err(format!(
                    "'{part}': a weight goes from 0 (left out) to {MAX_WEIGHT}"
                ))
            }
        };
        if slot.replace(weight).is_some() {
            return Err(format!("'{name}' is given more than once"));
        }
    }
    Ok(weights)
}

/// What `baseline` takes.
#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// Name of the baseline ("Approved at kickoff")
    #[arg(short, long, value_name = "NAME")]
    pub name: String,

    /// The day the baseline is set (default: the plan's as-of day, else today).
    #[command(flatten)]
    pub as_of: AsOf,

    /// Write the plan to this file instead of back over FILE
    #[arg(short, long, value_name = "OUT", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,

    /// The plan to read.
    #[command(flatten)]
    pub plan: PlanFile,
}

/// What `status` takes.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The as-of day.
    #[command(flatten)]
    pub as_of: AsOf,

    /// The plan to read.
    #[command(flatten)]
    pub plan: PlanFile,
}

/// What `compare` takes.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The baseline to compare with, by id or name (default: the newest)
    #[arg(short, long, value_name = "ID|NAME")]
    pub baseline: Option<String>,

    /// Output format
    #[arg(short, long, value_name = "FORMAT", default_value = "md")]
    pub format: CompareFormat,

    /// A plan file with baselines, or two plan files: the older, then the newer
    #[arg(value_name = "FILE", required = true, num_args = 1..=2, value_hint = ValueHint::FilePath)]
    pub files: Vec<PathBuf>,
}

/// What `compare` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// The changes as Markdown
    Md,
    /// The comparison as one JSON object
    Json,
}

/// Today by this computer's clock (UTC), as `--as-of today` reads it.
pub fn today() -> Result<planwright_core::date::Date, String> {
    parse_as_of("today")
}

/// What `completions` takes.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write the script for
    #[arg(value_name = "SHELL")]
    pub shell: Shell,
}

/// The one plan file a subcommand reads.
#[derive(Debug, Args)]
pub struct PlanFile {
    /// Plan file to read, or '-' for standard input
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub file: PathBuf,
}

/// The full clap command: the derived one, with every subcommand's help laid
/// out usage first and its `-h` the global one (which shows the full help).
pub fn command() -> clap::Command {
    Cli::command().mut_subcommands(|sub| sub.help_template(SUBCOMMAND_HELP).disable_help_flag(true))
}

/// Parses a command line, the program's name first.
///
/// clap leaves the usage line out of a few of its errors (a missing or wrong
/// value); it is added here so that every usage error shows how the
/// subcommand concerned is called.
pub fn parse<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    command()
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .map_err(|e| with_usage(e, &args))
}

/// The error with the usage line of the subcommand the command line names,
/// or of the whole tool, when it has none and is an error rather than help.
fn with_usage(mut error: clap::Error, args: &[OsString]) -> clap::Error {
    let is_help =
        !error.use_stderr() || error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand;
    if is_help || error.get(ContextKind::Usage).is_some() {
        return error;
    }
    let mut top = command();
    top.build();
    // The tool's own options take no value, so the first word that is not
    // an option is the subcommand.
    let word = args
        .iter()
        .skip(1)
        .find(|a| !a.to_string_lossy().starts_with('-'));
    let usage = match word.and_then(|w| top.find_subcommand_mut(w)) {
        Some(sub) => sub.render_usage(),
        None => top.render_usage(),
    };
    error.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
    error
}

/// `planwright 0.1.0 (plan format 'planwright-plan', version 2)`, without the
/// leading name, which clap adds.
fn version() -> &'static str {
    static TEXT: LazyLock<String> = LazyLock::new(|| {
        format!(
            "{} (plan format '{FORMAT}', version {VERSION})",
            env!("CARGO_PKG_VERSION")
        )
    });
    TEXT.as_str()
}

/// The example names, each with its title for completions and `--help`.
fn example_names() -> PossibleValuesParser {
    PossibleValuesParser::new(
        EXAMPLES
            .iter()
            .map(|e| PossibleValue::new(e.key).help(e.title)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_is_well_formed() {
        command().debug_assert();
    }

    #[test]
    fn options_parse_in_every_spelling() {
        for line in [
            &["planwright", "export", "--format", "json", "x"][..],
            &["planwright", "export", "--format=json", "x"],
            &["planwright", "export", "-f", "json", "x"],
            &["planwright", "export", "-fjson", "x"],
            &["planwright", "export", "x", "--format", "json"],
        ] {
            let Ok(Cli {
                command: Command::Export(args),
                ..
            }) = parse(line)
            else {
                panic!("{line:?} does not parse as export");
            };
            assert_eq!(args.format, ExportFormat::Json, "{line:?}");
            assert_eq!(args.plan.file, PathBuf::from("x"), "{line:?}");
        }
        let Ok(Cli {
            command: Command::Export(args),
            ..
        }) = parse(["planwright", "export", "--", "--format"])
        else {
            panic!("-- does not end the options");
        };
        assert_eq!(
            (args.format, args.plan.file),
            (ExportFormat::Md, PathBuf::from("--format"))
        );
    }

    #[test]
    fn weights_parse_or_name_the_wrong_part() {
        let all = WeightsArg {
            value: Some(3),
            readiness: Some(2),
            risk: Some(0),
            effort: Some(5),
        };
        assert_eq!(
            parse_weights("value=3,readiness=2,risk=0,effort=5"),
            Ok(all)
        );
        assert_eq!(
            parse_weights(" effort = 5 , Value=3,risk=0,readiness=2"),
            Ok(all)
        );
        assert_eq!(
            parse_weights("risk=4"),
            Ok(WeightsArg {
                risk: Some(4),
                ..WeightsArg::default()
            })
        );
        let cases: &[(&str, &str)] = &[
            ("value=x", "'value=x': the weight should be a whole number from 0 to 5"),
            ("value=-1", "'value=-1': the weight should be a whole number from 0 to 5"),
            ("value=2.5", "'value=2.5': the weight should be a whole number from 0 to 5"),
            ("value=", "'value=': the weight should be a whole number from 0 to 5"),
            ("value=6", "'value=6': a weight goes from 0 (left out) to 5"),
            ("risk=99999999999", "'risk=99999999999': a weight goes from 0 (left out) to 5"),
            ("speed=2", "'speed=2': there is no weight called 'speed'; the weights are value, readiness, risk and effort"),
            ("value", "'value' has no '='; give NAME=N, such as value=3"),
            ("value=1,,risk=2", "an empty part between two commas; give NAME=N, such as value=3"),
            ("value=1,value=2", "'value' is given more than once"),
            ("", "give one or more of value=N, readiness=N, risk=N, effort=N"),
        ];
        for (text, message) in cases {
            assert_eq!(parse_weights(text), Err(message.to_string()), "{text}");
        }
    }

    #[test]
    fn every_subcommand_has_help_that_starts_with_its_usage() {
        let mut top = command();
        let help = top.render_long_help().to_string();
        for sub in command().get_subcommands_mut() {
            let name = sub.get_name().to_string();
            assert!(help.contains(&format!("\n  {name} ")), "{help}");
            let text = sub.render_long_help().to_string();
            assert!(text.starts_with("Usage: "), "{name}: {text}");
        }
    }
}
