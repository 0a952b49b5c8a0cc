//! `planwright`: check, convert and inspect plan files from a terminal.
//!
//! Contract: a thin shell over `planwright_core`; every decision about plans
//! is made by the library. Exit status is 0 on success (and for `--help`,
//! `help` and `--version`), 1 when `validate` finds errors in a plan or
//! `order` finds that task dependencies loop, and 2 when the command line is
//! wrong or the input cannot be read or is not a plan. Results go to
//! standard output; messages about the run (usage errors, unreadable files,
//! dropped fields) go to standard error. No input makes it panic.
//!
//! The command line is described in [`cli`], each subcommand lives in its
//! own module under [`commands`], and [`shared`] reads plans and collects
//! output for them.

mod cli;
mod commands;
mod shared;

use std::io;
use std::process::ExitCode;

use crate::shared::{write_all, Output, EXIT_USAGE};

fn main() -> ExitCode {
    // Usage errors, `--help` and `--version` end here: clap prints them and
    // exits 2 for an error, 0 otherwise.
    let cli = cli::parse(std::env::args_os()).unwrap_or_else(|e| e.exit());
    let mut output = Output::default();
    let mut status = match commands::run(&cli.command, &mut output) {
        Ok(status) => status,
        Err(failure) => {
            output.note(&failure.line());
            EXIT_USAGE
        }
    };
    if !write_all(&mut io::stdout().lock(), &output.out) {
        status = EXIT_USAGE;
    }
    // Nothing sensible can be done if standard error is gone.
    let _ = write_all(&mut io::stderr().lock(), &output.err);
    ExitCode::from(status)
}
