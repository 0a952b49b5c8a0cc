//! `planwright score FILE`: a plan's readiness, risk tier and phase gates as
//! one JSON object.
//!
//! Contract: the three parts are those of the core's
//! [`analyze`](planwright_core::analysis::analyze), printed in the order
//! readiness, risk, gates. Validation errors do not stop the scoring.

use planwright_core::analysis::analyze;
use planwright_core::analysis::gates::Gates;
use planwright_core::analysis::readiness::Readiness;
use planwright_core::analysis::risk::RiskAssessment;
use serde::Serialize;

use crate::cli::PlanFile;
use crate::shared::{load, Failure, Output};

/// What `score` prints.
#[derive(Serialize)]
struct Score<'a> {
    readiness: &'a Readiness,
    risk: &'a RiskAssessment,
    gates: &'a Gates,
}

/// Prints the score; exits 0 once the plan was read, whatever it scores.
pub fn run(args: &PlanFile, out: &mut Output) -> Result<u8, Failure> {
    let (source, imported) = load(&args.file)?;
    out.note_unknown_fields(&source, &imported);
    let analysis = analyze(&imported.plan);
    out.print_json(&Score {
        readiness: &analysis.readiness,
        risk: &analysis.risk,
        gates: &analysis.gates,
    });
    Ok(0)
}
