//! Part 6: data sources, their readiness and their governance.

use crate::choice::Choice;
use crate::export::markdown::escape::{cell, table};
use crate::export::markdown::names::Names;
use crate::export::markdown::values::{missing, yes_no};
use crate::export::markdown::{template_part, Part};
use crate::model::Plan;
use crate::model::Section;

/// Part 6: each data source and how ready it is.
pub(in crate::export::markdown) fn data(plan: &Plan, names: &Names<'_>) -> Part {
    let mut out = String::new();
    if plan.data_sources.is_empty() {
        missing(
            &mut out,
            "No data sources yet. For each source, record its owner, quality, access approval, compliance review and whether it looks like production data.",
        );
    } else {
        let rows: Vec<Vec<String>> = plan
            .data_sources
            .iter()
            .map(|d| {
                let sensitivity = match (d.personal_data, d.regulated_data) {
                    (false, false) => "No",
                    (true, false) => "Personal",
                    (false, true) => "Regulated",
                    (true, true) => "Personal and regulated",
                };
                let production = d.production_representative.map_or("Unknown", yes_no);
                vec![
                    cell(&d.name),
                    cell(&d.description),
                    names.person(d.owner.as_ref()),
                    d.quality.label().to_string(),
                    d.accessibility.label().to_string(),
                    d.access_approval.label().to_string(),
                    d.compliance.label().to_string(),
                    sensitivity.to_string(),
                    production.to_string(),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "Source",
                "Holds",
                "Owner",
                "Quality",
                "Reachable",
                "Access approval",
                "Compliance",
                "Personal or regulated",
                "Like production",
            ],
            &rows,
        ));
    }
    template_part("data", Section::Data, out)
}
