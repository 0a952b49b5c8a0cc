//! Step 2: success metrics with baselines and targets.

use leptos::prelude::*;
use planwright_core::model::{Metric, Reading};

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
            <DateField
                label="Latest actual measured on"
                value=row.get(|m| m.actual_date)
                on_change=row.set(|m, v| m.actual_date = v)
                path=row.path("actual_date")
            />
            <PersonField label="Owner" value=row.get(|m| m.owner.clone()) on_change=row.set(|m, v| m.owner = v) path=row.path("owner")/>
        </div>
        <Readings row=row/>
        <TextField
            label="How it is measured"
            value=row.get(|m| m.method.clone())
            on_input=row.set(|m, v| m.method = v)
            path=row.path("method")
            multiline=true
        />
    }
}

/// The metric's earlier readings, oldest first as entered, and a button
/// that keeps the latest actual among them before a new one is typed over
/// it. The results draw the trend from these.
#[component]
fn Readings(
    /// The metric's row.
    row: Row<Metric>,
) -> impl IntoView {
    let history = row.get(|m| m.history.clone());
    let latest = row.get(|m| (m.actual, m.actual_date));
    let name = row.get(|m| m.name.clone());
    let keep = move |_| {
        row.update(|m| {
            if let Some(value) = m.actual {
                let reading = Reading {
                    date: m.actual_date,
                    value: Some(value),
                };
                if !m.history.contains(&reading) {
                    m.history.push(reading);
                }
            }
        })
    };
    let already = move || {
        let (value, date) = latest.get();
        value.is_none() || history.with(|h| h.contains(&Reading { date, value }))
    };
    view! {
        <div class="pw-readings" data-testid="metric-readings">
            <p class="pw-field__hint">
                {move || match history.with(Vec::len) {
                    0 => "No earlier readings kept.".to_string(),
                    1 => "1 earlier reading kept.".to_string(),
                    n => format!("{n} earlier readings kept."),
                }}
            </p>
            {move || {
                let list = history.get();
                (!list.is_empty()).then(|| view! {
                    <ul class="pw-readings__list">
                        {list.into_iter().enumerate().map(|(i, r)| {
                            let when = r.date.map(crate::dates::day).unwrap_or_else(|| "undated".to_string());
                            let value = r.value.map(|v| v.to_string()).unwrap_or_else(|| "no value".to_string());
                            let label = format!("Remove the reading of {when} ({value}) from {}", name.get());
                            view! {
                                <li>
                                    {format!("{when}: {value} ")}
                                    <button type="button" class="pw-button pw-button--quiet" aria-label=label on:click=move |_| row.update(|m| { if i < m.history.len() { m.history.remove(i); } })>"Remove"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
            <button
                type="button"
                class="pw-button"
                disabled=already
                on:click=keep
                aria-label=move || format!("Keep the latest actual of {} as a reading", match name.get().trim() { "" => "this metric".to_string(), n => n.to_string() })
                data-testid="keep-reading"
            >
                "Keep the latest actual as a reading"
            </button>
        </div>
    }
}
