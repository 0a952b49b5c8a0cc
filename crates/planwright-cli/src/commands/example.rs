//! `planwright example NAME`: print a worked example plan.
//!
//! Contract: prints the example's plan file exactly as the core ships it;
//! the name was checked against the core's list while parsing.

use planwright_core::format::examples::example_json;

use crate::cli::ExampleArgs;
use crate::shared::Output;

/// Prints the example; always exits 0.
pub fn run(args: &ExampleArgs, out: &mut Output) -> u8 {
    // The parser only lets through names the core knows.
    out.print(example_json(&args.name).unwrap_or_default());
    0
}
