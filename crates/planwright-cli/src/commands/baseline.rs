//! `planwright baseline FILE --name NAME`: set a baseline on a plan file.
//!
//! Contract: the plan is read, a baseline of it as it stands is added at
//! the end of its list (dated by `--as-of`, else the plan's own as-of day,
//! else today), and the plan is written back as a plan file in the current
//! version: to OUT with `-o`, to standard output when FILE is `-`, else
//! over FILE. A Markdown export is never overwritten with JSON: give `-o`.
//! A plan already holding the most baselines it can is refused (exit 2).

use std::path::Path;

use planwright_core::analysis::baseline::{add, MAX_BASELINES};
use planwright_core::format::file::to_json;

use crate::cli::today;
use crate::cli::BaselineArgs;
use crate::shared::{load, write_file, Failure, Output};

/// Adds the baseline; exits 0 once the plan was written.
pub fn run(args: &BaselineArgs, out: &mut Output) -> Result<u8, Failure> {
    let (source, mut imported) = load(&args.plan.file)?;
    out.note_unknown_fields(&source, &imported);
    let fail = |message: String| Failure {
        source: source.clone(),
        message,
    };
    if args.name.trim().is_empty() {
        return Err(fail("give the baseline a name with --name".to_string()));
    }
    let is_stdin = args.plan.file == Path::new("-");
    let is_markdown = args
        .plan
        .file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    if args.output.is_none() && is_markdown {
        return Err(fail(
            "this is a Markdown document; give -o OUT to write the plan with its new baseline as a plan file".to_string(),
        ));
    }
    let day = match args.as_of.as_of.or(imported.plan.as_of) {
        Some(day) => day,
        None => today().map_err(&fail)?,
    };
    let id = add(&mut imported.plan, &args.name, day).map_err(|e| fail(e.to_string()))?;
    let json = to_json(&imported.plan);
    let kept = imported.plan.baselines.len();
    let note = format!(
        "{}: baseline '{}' (id {id}) set on {day}; the plan keeps {kept} of at most {MAX_BASELINES}\n",
        crate::shared::BIN,
        args.name.trim(),
    );
    match (&args.output, is_stdin) {
        (Some(path), _) => write_file(path, &json)?,
        (None, true) => out.print(&json),
        (None, false) => write_file(&args.plan.file, &json)?,
    }
    out.note(&note);
    Ok(0)
}
