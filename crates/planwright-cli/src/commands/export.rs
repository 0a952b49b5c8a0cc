//! `planwright export [--format md|json] FILE`: write a plan as Markdown or
//! as a normalised plan file.
//!
//! Contract: older versions are migrated and fields the format does not know
//! are dropped, each named on standard error; standard output holds only the
//! document.

use planwright_core::export::markdown::to_markdown;
use planwright_core::format::file;

use crate::cli::{ExportArgs, ExportFormat};
use crate::shared::{load, Failure, Output};

/// Writes the plan; exits 0 once it was read.
pub fn run(args: &ExportArgs, out: &mut Output) -> Result<u8, Failure> {
    let (source, imported) = load(&args.plan.file)?;
    out.note_unknown_fields(&source, &imported);
    out.print(&match args.format {
        ExportFormat::Md => to_markdown(&imported.plan),
        ExportFormat::Json => file::to_json(&imported.plan),
    });
    Ok(0)
}
