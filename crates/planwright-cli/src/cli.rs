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
                      Validation errors do not stop the analysis; 'planwright validate' lists them.",
        after_help = "Exit status: 0 when the plan was read, whatever its score or findings; 2 when the file\n\
                      cannot be read or is not a plan.\n\n\
                      Example:\n  planwright score plan.json > score.json"
    )]
    Score(PlanFile),

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
