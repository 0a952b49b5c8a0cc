//! The ranking of the open portfolio as a table (rank, initiative, score,
//! value, readiness and band, risk tier, effort, first-use-case fit, owner,
//! quadrant and the reasons), and the warnings the core raised.

use leptos::prelude::*;
use planwright_core::export::markdown::portfolio::value_text;
use planwright_core::portfolio::{PortfolioAnalysis, Ranked};
use planwright_core::text::plural;
use planwright_core::Choice;

use crate::components::scroll_x::ScrollX;
use crate::state::route::{hash_of, View};
use crate::state::use_portfolios;

pub use super::portfolio_matrix::PortfolioMatrix;

/// The effort of an initiative in words.
fn effort_text(r: &Ranked) -> String {
    let days = |n: u64, one: &str| plural(n as usize, one);
    format!(
        "{} long, {}",
        days(r.schedule_days, "working day"),
        days(r.task_days, "task-day")
    )
}

/// One row of the ranked table.
fn row_view(r: &Ranked) -> AnyView {
    let reasons = r
        .reasons
        .iter()
        .map(|line| view! { <li>{line.clone()}</li> })
        .collect_view();
    let owner = match r.owner.trim() {
        "" => "none named".to_string(),
        o => o.to_string(),
    };
    let quadrant = format!(
        "{}{}",
        r.quadrant.label(),
        if r.in_deployment {
            " (in deployment)"
        } else {
            ""
        }
    );
    view! {
        <tr data-testid="ranked-row" data-key=r.key.clone()>
            <td>{r.rank}</td>
            <th scope="row"><a href=hash_of(Some(&r.key), View::Dashboard) data-testid="ranked-title">{r.title.clone()}</a></th>
            <td data-testid="ranked-score">{r.score}</td>
            <td>{value_text(&r.value)}</td>
            <td>{format!("{} of 100, {}", r.readiness, r.band.label())}</td>
            <td>{r.tier.label()}</td>
            <td>{effort_text(r)}</td>
            <td>{format!("{} of 8", r.fit_count)}</td>
            <td>{owner}</td>
            <td>{quadrant}</td>
            <td><ul class="pw-portfolio__reasons">{reasons}</ul></td>
        </tr>
    }
    .into_any()
}

/// The table and the warnings, drawn again whenever the analysis changes
/// (one reactive spot for the whole part keeps the wasm small).
fn ranking_view(a: &PortfolioAnalysis) -> AnyView {
    let table = if a.ranked.is_empty() {
        view! { <p>"No initiative can be ranked yet: none of this portfolio's plans can be read."</p> }.into_any()
    } else {
        let rows = a.ranked.iter().map(row_view).collect_view();
        view! {
            <ScrollX label="Ranking of the initiatives">
                <table class="pw-table pw-ranking" data-testid="ranking-table">
                    <caption class="pw-visually-hidden">"Initiatives ranked, best first"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Rank"</th>
                            <th scope="col">"Initiative"</th>
                            <th scope="col">"Score out of 100"</th>
                            <th scope="col">"Expected value"</th>
                            <th scope="col">"Readiness"</th>
                            <th scope="col">"Risk tier"</th>
                            <th scope="col">"Effort"</th>
                            <th scope="col">"First-use-case fit"</th>
                            <th scope="col">"Business owner"</th>
                            <th scope="col">"Quadrant"</th>
                            <th scope="col">"Why it ranks here"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </ScrollX>
        }
        .into_any()
    };
    let warnings = (!a.warnings.is_empty()).then(|| {
        let items = a
            .warnings
            .iter()
            .map(|w| {
                view! {
                    <li class="pw-finding pw-finding--warning" data-testid="portfolio-warning" data-kind=w.kind.key()>
                        <span class="pw-finding__kind">{w.kind.label()}": "</span>
                        {w.message.clone()}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h4>"Warnings"</h4>
            <ul class="pw-findings" data-testid="portfolio-warnings">{items}</ul>
        }
    });
    view! { {table}{warnings} }.into_any()
}

/// The ranked table and the warnings.
#[component]
pub fn PortfolioRanking() -> impl IntoView {
    let portfolios = use_portfolios();
    view! {
        <section class="pw-portfolio__section" aria-labelledby="portfolio-ranking-title" data-testid="portfolio-ranking">
            <h3 id="portfolio-ranking-title">"Ranking"</h3>
            {move || portfolios.analysis.with(ranking_view)}
        </section>
    }
}
