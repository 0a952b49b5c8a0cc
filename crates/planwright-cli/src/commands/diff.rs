//! `planwright diff OLD NEW [--format md|json]` and `planwright show FILE`:
//! what changed between two plans, and one plan as lines for `git diff`.
//!
//! Contract: what counts as a change and how it is worded is the core's
//! (`diff`); this reads the plans and prints. `diff` exits 0 when the plans
//! are the same, 1 when they differ (as `diff` and `cmp` do), 2 when either
//! cannot be read. `show` exits 0, or 2 when the plan cannot be read.

use planwright_core::diff::{diff, show, to_json, to_markdown};

use crate::cli::{DiffArgs, DiffFormat, PlanFile};
use crate::shared::{load, Failure, Output};

/// Prints the changes from OLD to NEW.
pub fn run(args: &DiffArgs, out: &mut Output) -> Result<u8, Failure> {
    let (old_source, old) = load(&args.old)?;
    let (new_source, new) = load(&args.new)?;
    out.note_unknown_fields(&old_source, &old);
    out.note_unknown_fields(&new_source, &new);
    let changes = diff(&old.plan, &new.plan);
    out.print(&match args.format {
        DiffFormat::Md => to_markdown(&changes),
        DiffFormat::Json => to_json(&changes),
    });
    Ok(u8::from(!changes.is_empty()))
}

/// Prints a plan as `path = value` lines.
pub fn run_show(args: &PlanFile, out: &mut Output) -> Result<u8, Failure> {
    let (source, imported) = load(&args.file)?;
    out.note_unknown_fields(&source, &imported);
    out.print(&show(&imported.plan));
    Ok(0)
}
