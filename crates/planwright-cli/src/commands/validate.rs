//! `planwright validate [--json] FILE`: list what validation finds in a plan.
//!
//! Contract: one record per migration note, per field the format does not
//! know, and per finding, in that order; as lines (`severity path: message`,
//! then a count of errors and warnings) or as a JSON array. Exits 1 when a
//! finding is an error, 0 otherwise.

use planwright_core::analysis::validate::{has_errors, Severity};
use planwright_core::format::file::{Imported, VERSION};
use planwright_core::text::plural;
use serde::Serialize;

use crate::cli::ValidateArgs;
use crate::shared::{load, Failure, Output};

/// One line of `validate` output.
#[derive(Serialize)]
struct Record {
    severity: &'static str,
    code: &'static str,
    path: String,
    message: String,
}

/// Lists the findings; exits 1 when one is an error.
pub fn run(args: &ValidateArgs, out: &mut Output) -> Result<u8, Failure> {
    let (source, imported) = load(&args.plan.file)?;
    let records = records(&imported);
    if args.json {
        out.print_json(&records);
    } else {
        for r in &records {
            let at = if r.path.is_empty() {
                String::new()
            } else {
                format!("{}: ", r.path)
            };
            out.print(&format!("{:<7} {at}{}\n", r.severity, r.message));
        }
        let errors = imported
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let warnings = imported.findings.len() - errors;
        out.print(&format!(
            "{source}: {} and {}\n",
            plural(errors, "error"),
            plural(warnings, "warning")
        ));
    }
    Ok(if has_errors(&imported.findings) { 1 } else { 0 })
}

/// Migration notes, unknown fields, repeated keys and findings, in that
/// order.
fn records(imported: &Imported) -> Vec<Record> {
    let migrations = imported.migration_notes.iter().map(|message| Record {
        severity: "note",
        code: "migration",
        path: String::new(),
        message: format!("migrated from version {}: {message}", imported.from_version),
    });
    let unknown = imported.unknown_fields.iter().map(|path| Record {
        severity: "note",
        code: "unknown-field",
        path: path.clone(),
        message: format!("not part of format version {VERSION}; it was not imported"),
    });
    let repeated = imported.duplicate_keys.iter().map(|path| Record {
        severity: "note",
        code: "duplicate-key",
        path: path.clone(),
        message: "given more than once in the same object; only the last value was kept"
            .to_string(),
    });
    let findings = imported.findings.iter().map(|f| Record {
        severity: f.severity.as_str(),
        code: f.code,
        path: f.path.clone(),
        message: f.message.clone(),
    });
    migrations
        .chain(unknown)
        .chain(repeated)
        .chain(findings)
        .collect()
}
