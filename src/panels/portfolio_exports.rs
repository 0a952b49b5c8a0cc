//! Downloads of the open portfolio: the Markdown document (ranking table,
//! quadrant chart and roadmap in Mermaid) and the portfolio file, which
//! carries its plans and imports back. Both are written by the core.

use leptos::prelude::*;
use planwright_core::export::markdown::portfolio::to_markdown;
use planwright_core::format::portfolio::to_json;
use planwright_core::Plan;

use crate::download::{file_name, save_text};
use crate::state::use_portfolios;

/// The two download buttons with their status line.
#[component]
pub fn PortfolioExports() -> impl IntoView {
    let portfolios = use_portfolios();
    let status = RwSignal::new(String::new());
    let done = move |name: String, saved: bool| {
        status.set(if saved {
            format!("Downloaded {name}.")
        } else {
            "The browser did not allow the download.".to_string()
        })
    };
    let stem = move || {
        portfolios
            .portfolio
            .with_untracked(|p| match p.name.trim() {
                "" => "planwright-portfolio".to_string(),
                n => n.to_string(),
            })
    };
    let markdown = move |_| {
        let text = portfolios
            .portfolio
            .with_untracked(|p| portfolios.analysis.with_untracked(|a| to_markdown(p, a)));
        let name = file_name(&stem(), "md");
        done(name.clone(), save_text(&name, "text/markdown", &text));
    };
    let file = move |_| {
        let text = portfolios.plans.with_untracked(|plans| {
            let carried: Vec<(&str, &Plan)> = plans
                .iter()
                .filter_map(|(k, p)| p.as_ref().ok().map(|p| (k.as_str(), p)))
                .collect();
            portfolios
                .portfolio
                .with_untracked(|p| to_json(p, &carried))
        });
        let name = file_name(&format!("{} portfolio", stem()), "json");
        done(name.clone(), save_text(&name, "application/json", &text));
    };
    view! {
        <section class="pw-portfolio__section" aria-labelledby="portfolio-exports-title" data-testid="portfolio-exports">
            <h3 id="portfolio-exports-title">"Take it away"</h3>
            <p>
                "The Markdown document holds the ranking, the matrix and the roadmap as text and Mermaid "
                "charts; the portfolio file holds the portfolio with every plan it compares, and imports "
                "back here or in another browser."
            </p>
            <div class="pw-exportbar" role="group" aria-label="Portfolio downloads">
                <button type="button" class="pw-button" data-testid="portfolio-markdown" on:click=markdown>
                    "Portfolio as Markdown"
                </button>
                <button type="button" class="pw-button" data-testid="portfolio-file" on:click=file>
                    "Portfolio file (JSON, with its plans)"
                </button>
            </div>
            <p class="pw-exportbar__status" role="status" data-testid="portfolio-export-status">{move || status.get()}</p>
        </section>
    }
}
