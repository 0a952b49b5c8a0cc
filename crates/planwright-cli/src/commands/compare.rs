//! `planwright compare FILE [--baseline ID|NAME]` and `planwright compare
//! OLD NEW`: what changed since a baseline, or from one plan to another.
//!
//! Contract: with one file, the plan is compared with the baseline named
//! (by id, else by name) or with its newest one; a plan without baselines,
//! or a baseline it does not have, is refused (exit 2) with the names it
//! has. With two files, the second is compared with a baseline of the
//! first taken on the spot. The comparison is the core's
//! [`compare`](planwright_core::analysis::baseline::compare), printed as
//! Markdown or JSON.

use planwright_core::analysis::analyze;
use planwright_core::analysis::baseline::{compare, compare_plans, find, latest, Comparison};
use planwright_core::export::markdown::{comparison, comparison_heading, escape};

use crate::cli::{CompareArgs, CompareFormat};
use crate::shared::{load, Failure, Output};

/// Prints the comparison; exits 0 once it was made.
pub fn run(args: &CompareArgs, out: &mut Output) -> Result<u8, Failure> {
    let (c, heading) = match args.files.as_slice() {
        [one] => {
            let (source, imported) = load(one)?;
            out.note_unknown_fields(&source, &imported);
            let plan = &imported.plan;
            let fail = |message: String| Failure {
                source: source.clone(),
                message,
            };
            let baseline = match &args.baseline {
                Some(key) => find(plan, key).map_err(|e| fail(e.to_string()))?,
                None => latest(plan).ok_or_else(|| {
                    fail("the plan has no baselines yet; set one with 'planwright baseline FILE --name NAME'".to_string())
                })?,
            };
            let c = compare(plan, &analyze(plan), baseline);
            let heading = comparison_heading(&c);
            (c, heading)
        }
        [old, new] => {
            if args.baseline.is_some() {
                return Err(Failure {
                    source: new.to_string_lossy().into_owned(),
                    message: "--baseline is for one file; two files are compared with each other"
                        .to_string(),
                });
            }
            let (old_source, old_plan) = load(old)?;
            out.note_unknown_fields(&old_source, &old_plan);
            let (new_source, new_plan) = load(new)?;
            out.note_unknown_fields(&new_source, &new_plan);
            let c: Comparison = compare_plans(&old_plan.plan, &new_plan.plan);
            let flat = |s: &str| escape(s).replace('\n', " ");
            let heading = format!(
                "Changes from {} to {}",
                flat(&old_source),
                flat(&new_source)
            );
            (c, heading)
        }
        _ => {
            return Err(Failure {
                source: "compare".to_string(),
                message: "give one plan file, or two to compare".to_string(),
            })
        }
    };
    match args.format {
        CompareFormat::Json => out.print_json(&c),
        CompareFormat::Md => {
            out.print(&format!("# {heading}\n\n"));
            out.print(comparison(&c).trim_end());
            out.print("\n");
        }
    }
    Ok(0)
}
