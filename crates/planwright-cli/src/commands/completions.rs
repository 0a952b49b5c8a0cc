//! `planwright completions SHELL`: print a shell completion script.
//!
//! Contract: the script is generated from the same clap command that parses
//! the command line, so it always offers exactly the subcommands, options
//! and values that exist.

use clap_complete::generate;

use crate::cli::{self, CompletionsArgs};
use crate::shared::{Output, BIN};

/// Prints the script; always exits 0.
pub fn run(args: &CompletionsArgs, out: &mut Output) -> u8 {
    let mut script = Vec::new();
    generate(args.shell, &mut cli::command(), BIN, &mut script);
    out.print(&String::from_utf8_lossy(&script));
    0
}
