//! `planwright template [-o OUT] FILE`: write the template of a plan, its
//! structure without people, dates and actuals, as a plan file.
//!
//! Contract: what a template keeps and drops is the core's
//! (`format::template`); this reads the plan (migrating older versions and
//! naming dropped fields on standard error, like `export`) and writes the
//! template as a normalised plan file, to standard output or to `-o`.
//! Nothing is written when the plan cannot be read.

use planwright_core::format::file;
use planwright_core::format::template::template_of;

use crate::cli::TemplateArgs;
use crate::shared::{load, write_file, Failure, Output};

/// Writes the template; exits 0 once it was written.
pub fn run(args: &TemplateArgs, out: &mut Output) -> Result<u8, Failure> {
    let (source, imported) = load(&args.plan.file)?;
    out.note_unknown_fields(&source, &imported);
    let text = file::to_json(&template_of(&imported.plan));
    match &args.output {
        Some(path) => write_file(path, &text)?,
        None => out.print(&text),
    }
    Ok(0)
}
