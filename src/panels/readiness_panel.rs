//! The live readiness panel beside the builder: overall score and band, the
//! eight dimensions, the risk tier and the actions that add the most points.

use leptos::prelude::*;
use planwright_core::analysis::readiness::{Action, Band, DimensionScore};
use planwright_core::model::Section;
use planwright_core::Choice;

use crate::state::{use_plan, use_router, View};

/// CSS modifier for a band.
pub fn band_class(band: Band) -> &'static str {
    match band {
        Band::NotReady => "pw-band--0",
        Band::FoundationNeeded => "pw-band--1",
        Band::PilotReady => "pw-band--2",
        Band::ProductionReady => "pw-band--3",
        Band::ReadyToScale => "pw-band--4",
    }
}

/// A button that takes the person to the step that fixes something.
#[component]
pub fn GoToStep(
    /// Template section number, 1 to 12.
    section: u8,
    /// Visible text.
    #[prop(into)]
    text: String,
) -> impl IntoView {
    let router = use_router();
    Section::from_number(section).map(|s| {
        let label = format!("{text}: go to step {} ({})", s.number(), s.title());
        view! {
            <button
                type="button"
                class="pw-button pw-button--quiet pw-goto"
                aria-label=label
                on:click=move |_| router.go(View::Step(s))
            >
                {text}
            </button>
        }
    })
}

/// Readiness at a glance, updated as the person types.
#[component]
pub fn ReadinessPanel() -> impl IntoView {
    let open = use_plan();
    let overall = move || open.analysis.with(|a| a.readiness.overall);
    let band = move || open.analysis.with(|a| a.readiness.band);
    let capped = move || {
        open.analysis.with(|a| {
            let r = &a.readiness;
            (r.band != r.band_by_average).then(|| {
                let by = r
                    .capped_by
                    .map(|d| d.label())
                    .unwrap_or("the weakest dimension");
                format!("Held back from {} by {by}.", r.band_by_average.label())
            })
        })
    };
    let rule = move || open.analysis.with(|a| a.readiness.rule.clone());
    let tier = move || {
        open.analysis
            .with(|a| (a.risk.tier.label(), a.risk.provisional, a.risk.tier.key()))
    };
    let dimensions = move || open.analysis.with(|a| a.readiness.dimensions.clone());
    let actions = move || open.analysis.with(|a| a.readiness.top_actions.clone());

    view! {
        <section class="pw-panel" aria-labelledby="panel-title" data-testid="readiness-panel">
            <h2 class="pw-panel__title" id="panel-title">"Readiness"</h2>
            <div class="pw-score" aria-live="polite">
                <p class="pw-score__number" data-testid="overall-score">
                    {overall}<span class="pw-score__of">" / 100"</span>
                </p>
                <p class=move || format!("pw-band {}", band_class(band())) data-testid="overall-band">
                    {move || band().label()}
                </p>
            </div>
            <p class="pw-panel__note" data-testid="band-capped">{capped}</p>
            <details class="pw-panel__rule">
                <summary>"How the score works"</summary>
                <p>{rule}</p>
            </details>
            <ul class="pw-dims" aria-label="Readiness by dimension">
                <For
                    each=dimensions
                    key=|d: &DimensionScore| d.dimension
                    children=move |d: DimensionScore| {
                        let dim = d.dimension;
                        let score = move || {
                            open.analysis.with(|a| a.readiness.dimension(dim).map_or(0, |x| x.score))
                        };
                        view! {
                            <li class="pw-dim" data-testid=format!("dim-{}", dim.key())>
                                <span class="pw-dim__label">{d.label}</span>
                                <span class="pw-dim__score">{score}</span>
                                <span class="pw-dim__bar" aria-hidden="true">
                                    <span class="pw-dim__fill" style=move || format!("width: {}%", score())></span>
                                </span>
                            </li>
                        }
                    }
                />
            </ul>
            <p class="pw-panel__tier" data-testid="panel-tier">
                "Risk tier: "
                <strong class=move || format!("pw-tier pw-tier--{}", tier().2)>{move || tier().0}</strong>
                {move || tier().1.then_some(" (provisional: questions unanswered)")}
            </p>
            <h3 class="pw-panel__subtitle">"What raises the score most"</h3>
            <ol class="pw-actions" data-testid="top-actions">
                <For
                    each=actions
                    key=|a: &Action| (a.key, a.fix.clone(), (a.gain * 10.0).round() as i64)
                    children=move |a: Action| {
                        let gain = format!("+{:.1}", a.gain);
                        view! {
                            <li class="pw-action">
                                <span class="pw-action__fix">{a.fix}</span>
                                <span class="pw-action__meta">
                                    <span class="pw-action__gain">{gain}" points"</span>
                                    <GoToStep section=a.section text="Fix it"/>
                                </span>
                            </li>
                        }
                    }
                />
            </ol>
        </section>
    }
}
