//! `planwright status FILE`: the weekly status report in Markdown.
//!
//! Contract: the report is the core's
//! [`status_report`](planwright_core::export::markdown::status::status_report),
//! as of `--as-of`, else the plan's own as-of day, else today.

use planwright_core::export::markdown::status::status_report;

use crate::cli::today;
use crate::cli::StatusArgs;
use crate::shared::{load, Failure, Output};

/// Prints the report; exits 0 once the plan was read.
pub fn run(args: &StatusArgs, out: &mut Output) -> Result<u8, Failure> {
    let (source, mut imported) = load(&args.plan.file)?;
    out.note_unknown_fields(&source, &imported);
    if let Some(day) = args.as_of.as_of {
        imported.plan.as_of = Some(day);
    }
    // Without a clock the report says it has no as-of day.
    let now = today().ok();
    out.print(&status_report(&imported.plan, now));
    Ok(0)
}
