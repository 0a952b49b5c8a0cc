//! The subcommands, one module each.
//!
//! Contract: a subcommand gets its parsed arguments and an [`Output`] to
//! print into, and returns its exit status (0 success, 1 findings or a
//! dependency loop) or the [`Failure`] that stopped it. Every decision about
//! plans is the core's; these modules only read input and shape output.

use crate::cli::Command;
use crate::shared::{Failure, Output};

pub mod baseline;
pub mod compare;
pub mod completions;
pub mod diff;
pub mod example;
pub mod export;
pub mod merge;
pub mod order;
pub mod portfolio;
pub mod schema;
pub mod score;
pub mod status;
pub mod template;
pub mod validate;

/// Runs one subcommand.
pub fn run(command: &Command, out: &mut Output) -> Result<u8, Failure> {
    match command {
        Command::Example(args) => Ok(example::run(args, out)),
        Command::Validate(args) => validate::run(args, out),
        Command::Score(args) => score::run(args, out),
        Command::Order(args) => order::run(args, out),
        Command::Export(args) => export::run(args, out),
        Command::Template(args) => template::run(args, out),
        Command::Portfolio(args) => portfolio::run(args, out),
        Command::Diff(args) => diff::run(args, out),
        Command::Show(args) => diff::run_show(args, out),
        Command::Merge(args) => merge::run(args, out),
        Command::Baseline(args) => baseline::run(args, out),
        Command::Status(args) => status::run(args, out),
        Command::Compare(args) => compare::run(args, out),
        Command::Schema => Ok(schema::run(out)),
        Command::Completions(args) => Ok(completions::run(args, out)),
    }
}
