//! The ranking of the open portfolio as a table (rank, initiative, score,
//! value, readiness and band, risk tier, effort, first-use-case fit, owner,
//! quadrant and the reasons), and the warnings the core raised.

use leptos::prelude::*;
use planwright_core::export::markdown::portfolio::value_text;
use planwright_core::portfolio::Ranked;
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

/// The ranked table and the warnings.
#[component]
pub fn PortfolioRanking() -> impl IntoView {
    let portfolios = use_portfolios();
    let ranked = Memo::new(move |_| portfolios.analysis.with(|a| a.ranked.clone()));
    let warnings = Memo::new(move |_| portfolios.analysis.with(|a| a.warnings.clone()));
    let rows = move || {
        ranked
            .get()
            .into_iter()
            .map(|r| {
                let href = hash_of(Some(&r.key), View::Dashboard);
                let reasons = r
                    .reasons
                    .iter()
                    .map(|line| view! { <li>{line.clone()}</li> })
                    .collect_view();
                let owner = match r.owner.trim() {
                    "" => "none named".to_string(),
                    o => o.to_string(),
                };
                view! {
                    <tr data-testid="ranked-row" data-key=r.key.clone()>
                        <td>{r.rank}</td>
                        <th scope="row"><a href=href data-testid="ranked-title">{r.title.clone()}</a></th>
                        <td data-testid="ranked-score">{r.score}</td>
                        <td>{value_text(&r.value)}</td>
                        <td>{format!("{} of 100, {}", r.readiness, r.band.label())}</td>
                        <td>{r.tier.label()}</td>
                        <td>{effort_text(&r)}</td>
                        <td>{format!("{} of 8", r.fit_count)}</td>
                        <td>{owner}</td>
                        <td>{r.quadrant.label()}{r.in_deployment.then_some(" (in deployment)")}</td>
                        <td><ul class="pw-portfolio__reasons">{reasons}</ul></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let warning_items = move || {
        warnings
            .get()
            .into_iter()
            .map(|w| {
                view! {
                    <li class="pw-finding pw-finding--warning" data-testid="portfolio-warning" data-kind=w.kind.key()>
                        <span class="pw-finding__kind">{w.kind.label()}": "</span>
                        {w.message}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="pw-portfolio__section" aria-labelledby="portfolio-ranking-title" data-testid="portfolio-ranking">
            <h3 id="portfolio-ranking-title">"Ranking"</h3>
            <Show
                when=move || !ranked.with(Vec::is_empty)
                fallback=|| view! { <p>"No initiative can be ranked yet: none of this portfolio's plans can be read."</p> }
            >
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
            </Show>
            <Show when=move || !warnings.with(Vec::is_empty)>
                <h4>"Warnings"</h4>
                <ul class="pw-findings" data-testid="portfolio-warnings">{warning_items}</ul>
            </Show>
        </section>
    }
}
