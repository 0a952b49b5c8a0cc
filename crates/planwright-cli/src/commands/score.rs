//! `planwright score FILE`: a plan's readiness, risk tier and phase gates as
//! one JSON object.
//!
//! Contract: the three parts are those of the core's
//! [`analyze`](planwright_core::analysis::analyze), printed in the order
//! readiness, risk, gates, and the forecast when there is an as-of day
//! (the plan's, or `--as-of`) and a start date. Validation errors do not
//! stop the scoring.

use planwright_core::analysis::analyze;
use planwright_core::analysis::gates::Gates;
use planwright_core::analysis::readiness::Readiness;
use planwright_core::analysis::risk::RiskAssessment;
use planwright_core::analysis::schedule::Forecast;
use serde::Serialize;

use crate::cli::ScoreArgs;
use crate::shared::{load, Failure, Output};

/// What `score` prints.
#[derive(Serialize)]
struct Score<'a> {
    readiness: &'a Readiness,
    risk: &'a RiskAssessment,
    gates: &'a Gates,
    #[serde(skip_serializing_if = "Option::is_none")]
    forecast: Option<&'a Forecast>,
}

/// Prints the score; exits 0 once the plan was read, whatever it scores.
pub fn run(args: &ScoreArgs, out: &mut Output) -> Result<u8, Failure> {
    let (source, mut imported) = load(&args.plan.file)?;
    out.note_unknown_fields(&source, &imported);
    if let Some(day) = args.as_of.as_of {
        imported.plan.as_of = Some(day);
    }
    let analysis = analyze(&imported.plan);
    out.print_json(&Score {
        readiness: &analysis.readiness,
        risk: &analysis.risk,
        gates: &analysis.gates,
        forecast: analysis.forecast.as_ref(),
    });
    Ok(0)
}
