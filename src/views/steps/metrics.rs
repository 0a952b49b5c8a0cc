//! Step 2: success metrics with baselines and targets.

use leptos::prelude::*;
use planwright_core::model::Metric;

use crate::components::choice_field::ChoiceField;
use crate::components::date_field::DateField;
use crate::components::number_field::NumberField;
use crate::components::text_field::TextField;
use crate::panels::list_editor::{Lens, ListEditor, ListSpec, Row};
use crate::panels::person_field::PersonField;

/// The list of success metrics.
#[component]
pub fn MetricsStep() -> impl IntoView {
    let spec = ListSpec::fresh("metric", |m: &Metric| m.name.clone(), "metric");
    view! {
        <ListEditor
            lens=Lens::field("metrics", |p| &p.metrics, |p| &mut p.metrics)
            spec=spec
            title="Success metrics"
            intro="Prefer outcomes the business feels (hours saved, rework avoided, faster decisions) over model accuracy or usage."
            empty="No metrics yet. Add the business outcome that would prove this initiative worked."
            testid="metrics"
            row=metric_row
        />
    }
}

fn metric_row(row: Row<Metric>) -> impl IntoView {
    let unit = row.get(|m| m.unit.clone());
    view! {
        <div class="pw-grid">
            <TextField label="Name" value=row.get(|m| m.name.clone()) on_input=row.set(|m, v| m.name = v) path=row.path("name")/>
            <TextField
                label="Business outcome it measures"
                value=row.get(|m| m.outcome.clone())
                on_input=row.set(|m, v| m.outcome = v)
                path=row.path("outcome")
            />
            <ChoiceField
                label="Kind"
                value=row.get(|m| Some(m.kind))
                on_change=row.set(|m, v: Option<_>| if let Some(v) = v { m.kind = v })
                path=row.path("kind")
            />
            <ChoiceField
                label="Direction"
                value=row.get(|m| Some(m.direction))
                on_change=row.set(|m, v: Option<_>| if let Some(v) = v { m.direction = v })
                path=row.path("direction")
            />
            <TextField label="Unit" value=unit on_input=row.set(|m, v| m.unit = v) path=row.path("unit")/>
            <NumberField
                label="Baseline"
                value=row.get(|m| m.baseline)
                on_change=row.set(|m, v| m.baseline = v)
                path=row.path("baseline")
                unit=unit
                expect="a number"
            />
            <DateField
                label="Baseline measured on"
                value=row.get(|m| m.baseline_date)
                on_change=row.set(|m, v| m.baseline_date = v)
                path=row.path("baseline_date")
            />
            <NumberField
                label="Target"
                value=row.get(|m| m.target)
                on_change=row.set(|m, v| m.target = v)
                path=row.path("target")
                unit=unit
                expect="a number"
            />
            <NumberField
                label="Latest actual"
                value=row.get(|m| m.actual)
                on_change=row.set(|m, v| m.actual = v)
                path=row.path("actual")
                unit=unit
                expect="a number"
            />
            <PersonField label="Owner" value=row.get(|m| m.owner.clone()) on_change=row.set(|m, v| m.owner = v) path=row.path("owner")/>
        </div>
        <TextField
            label="How it is measured"
            value=row.get(|m| m.method.clone())
            on_input=row.set(|m, v| m.method = v)
            path=row.path("method")
            multiline=true
        />
    }
}
