//! The open portfolio's own settings: its name, how many initiatives can be
//! in deployment at once, when the roadmap starts, and the ranking weights,
//! with the ranking rule in the core's words.

use leptos::prelude::*;
use planwright_core::portfolio::{Portfolio, Weights, MAX_WEIGHT};
use planwright_core::Date;

use crate::components::date_field::DateField;
use crate::components::dom_id;
use crate::components::text_field::TextField;
use crate::state::use_portfolios;

/// A weight's label, what it rewards, and its field in [`Weights`].
struct WeightInput {
    label: &'static str,
    testid: &'static str,
    read: fn(&Weights) -> u32,
    write: fn(&mut Weights, u32),
}

const WEIGHTS: [WeightInput; 4] = [
    WeightInput {
        label: "Weight of value",
        testid: "weight-value",
        read: |w| w.value,
        write: |w, n| w.value = n,
    },
    WeightInput {
        label: "Weight of readiness",
        testid: "weight-readiness",
        read: |w| w.readiness,
        write: |w, n| w.readiness = n,
    },
    WeightInput {
        label: "Weight of low risk",
        testid: "weight-risk",
        read: |w| w.risk,
        write: |w, n| w.risk = n,
    },
    WeightInput {
        label: "Weight of short effort",
        testid: "weight-effort",
        read: |w| w.effort,
        write: |w, n| w.effort = n,
    },
];

/// A whole number typed into a field, kept within `min..=max`.
fn whole(text: &str, min: u32, max: u32) -> Option<u32> {
    text.trim().parse::<u32>().ok().map(|n| n.clamp(min, max))
}

/// Name, capacity, start date, weights and the rule.
#[component]
pub fn PortfolioSettings() -> impl IntoView {
    let portfolios = use_portfolios();
    let read =
        move |f: fn(&Portfolio) -> String| Signal::derive(move || portfolios.portfolio.with(f));
    let name = read(|p| p.name.clone());
    let start = Signal::derive(move || portfolios.portfolio.with(|p| p.start_date));
    let capacity_id = dom_id("capacity");
    let weights = WEIGHTS
        .iter()
        .map(|w| {
            let id = dom_id(w.testid);
            let (read_w, write_w) = (w.read, w.write);
            let value = move || portfolios.portfolio.with(|p| read_w(&p.weights)).to_string();
            view! {
                <div class="pw-field pw-weight">
                    <label class="pw-field__label" for=id.clone()>{w.label}</label>
                    <div class="pw-weight__row">
                        <input
                            id=id.clone()
                            class="pw-weight__range"
                            type="range"
                            min="0"
                            max=MAX_WEIGHT
                            step="1"
                            data-testid=w.testid
                            prop:value=value
                            aria-valuetext=move || format!("{} of {MAX_WEIGHT}", value())
                            on:input=move |ev| {
                                if let Some(n) = whole(&event_target_value(&ev), 0, MAX_WEIGHT) {
                                    portfolios.edit(|p| write_w(&mut p.weights, n));
                                }
                            }
                        />
                        <output class="pw-weight__value" for=id>{move || format!("{} of {MAX_WEIGHT}", value())}</output>
                    </div>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="pw-portfolio__section" aria-labelledby="portfolio-settings-title">
            <h3 id="portfolio-settings-title">"Settings"</h3>
            <div class="pw-grid">
                <TextField
                    label="Portfolio name"
                    value=name
                    on_input=Callback::new(move |t: String| portfolios.edit(|p| p.name = t))
                    testid="portfolio-name-input"
                />
                <div class="pw-field">
                    <label class="pw-field__label" for=capacity_id.clone()>"Initiatives in deployment at once"</label>
                    <p class="pw-field__hint" id=format!("{capacity_id}-hint")>
                        "How many your teams can take into deployment together; later ones wait in the roadmap."
                    </p>
                    <input
                        id=capacity_id.clone()
                        class="pw-input"
                        type="number"
                        min="1"
                        max="50"
                        step="1"
                        aria-describedby=format!("{capacity_id}-hint")
                        data-testid="portfolio-capacity"
                        prop:value=move || portfolios.portfolio.with(|p| p.capacity).to_string()
                        on:change=move |ev| {
                            if let Some(n) = whole(&event_target_value(&ev), 1, 50) {
                                portfolios.edit(|p| p.capacity = n);
                            }
                        }
                    />
                </div>
                <DateField
                    label="Roadmap start"
                    hint="Empty: the earliest start date of the plans."
                    value=start
                    on_change=Callback::new(move |d: Option<Date>| portfolios.edit(|p| p.start_date = d))
                    testid="portfolio-start"
                />
            </div>
            <fieldset class="pw-weights">
                <legend>"Ranking weights, from 0 (ignored) to 5"</legend>
                <div class="pw-grid">{weights}</div>
            </fieldset>
            <div class="pw-portfolio__rule" data-testid="portfolio-rule">
                <h4>"How the ranking is worked out"</h4>
                <ul>
                    {move || portfolios.analysis.with(|a| a.rule.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view())}
                </ul>
            </div>
        </section>
    }
}
