//! `planwright export [--format md|json|csv|csv-excel|mspdi|ics] [-o OUT]
//! FILE`: write a plan as Markdown, as a normalised plan file, or as a file
//! for the tools where the work runs.
//!
//! Contract: older versions are migrated and fields the format does not know
//! are dropped, each named on standard error; standard output (or the file
//! given with `-o`) holds only the document, and nothing is written when
//! the export fails. The calendar's time stamp is the current time, or
//! `SOURCE_DATE_EPOCH` when it is set, so a build can be repeated byte for
//! byte.

use std::time::{SystemTime, UNIX_EPOCH};

use planwright_core::analysis::analyze;
use planwright_core::export::csv::{self, CsvOptions};
use planwright_core::export::ics::{self, IcsOptions, Stamp};
use planwright_core::export::markdown::to_markdown;
use planwright_core::export::mspdi;
use planwright_core::format::file;

use crate::cli::{ExportArgs, ExportFormat};
use crate::shared::{load, write_file, Failure, Output, BIN};

/// Writes the plan; exits 0 once it was written, 1 when a calendar would
/// hold nothing.
pub fn run(args: &ExportArgs, out: &mut Output) -> Result<u8, Failure> {
    let (source, mut imported) = load(&args.plan.file)?;
    out.note_unknown_fields(&source, &imported);
    if let Some(day) = args.as_of.as_of {
        imported.plan.as_of = Some(day);
    }
    let plan = &imported.plan;
    let text = match args.format {
        ExportFormat::Md => to_markdown(plan),
        ExportFormat::Json => file::to_json(plan),
        ExportFormat::Csv | ExportFormat::CsvExcel => csv::tasks(
            plan,
            &analyze(plan),
            CsvOptions {
                excel_bom: args.format == ExportFormat::CsvExcel,
            },
        ),
        ExportFormat::Mspdi => mspdi::write(plan, &analyze(plan)),
        ExportFormat::Ics => {
            let key = args.plan_id.clone().unwrap_or_else(|| ics::plan_key(plan));
            let options = IcsOptions {
                plan_id: &key,
                stamp: stamp()?,
            };
            match ics::write(plan, &analyze(plan), &options) {
                Ok(text) => text,
                Err(e) => {
                    out.note(&format!("{BIN}: {source}: {e}\n"));
                    return Ok(1);
                }
            }
        }
    };
    match &args.output {
        Some(path) => write_file(path, &text)?,
        None => out.print(&text),
    }
    Ok(0)
}

/// Now, or `SOURCE_DATE_EPOCH` when it is set
/// (<https://reproducible-builds.org/specs/source-date-epoch/>).
fn stamp() -> Result<Stamp, Failure> {
    let failure = |message: String| Failure {
        source: "SOURCE_DATE_EPOCH".to_string(),
        message,
    };
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => text.trim().parse::<i64>().map_err(|_| {
            failure(format!(
                "'{}' is not a whole number of seconds since 1970",
                text.chars().take(40).collect::<String>()
            ))
        })?,
        Err(_) => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
    };
    Stamp::from_unix_seconds(seconds)
        .ok_or_else(|| failure(format!("{seconds} is outside the years 1 to 9999")))
}
