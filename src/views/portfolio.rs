//! The portfolio screen: its settings and the value of each initiative,
//! then what the core works out from them: the ranking and its warnings,
//! the value × readiness matrix, the shared foundation and the portfolio
//! roadmap, with the downloads. Each part is a panel of its own.

use leptos::prelude::*;

use crate::panels::portfolio_exports::PortfolioExports;
use crate::panels::portfolio_members::PortfolioMembers;
use crate::panels::portfolio_ranking::{PortfolioMatrix, PortfolioRanking};
use crate::panels::portfolio_roadmap::PortfolioRoadmap;
use crate::panels::portfolio_settings::PortfolioSettings;
use crate::panels::portfolio_shared::PortfolioShared;
use crate::state::portfolios::shown_name;
use crate::state::{use_portfolios, SaveState};

/// One stored portfolio, compared and sequenced.
#[component]
pub fn PortfolioScreen() -> impl IntoView {
    let portfolios = use_portfolios();
    let name = move || portfolios.portfolio.with(|p| shown_name(&p.name));
    view! {
        <article class="pw-portfolio" data-testid="portfolio">
            <div class="pw-portfolio__header">
                <div>
                    <p class="pw-kicker">"Portfolio"</p>
                    <h2 data-testid="portfolio-name">{name}</h2>
                    <PortfolioSaveStatus/>
                </div>
                <a
                    class="pw-button"
                    href="#/plans"
                    data-testid="portfolio-back"
                    on:click=move |e| {
                        if !crate::panels::shell::new_tab(&e) {
                            e.prevent_default();
                            portfolios.close();
                        }
                    }
                >
                    "All plans"
                </a>
            </div>
            <PortfolioSettings/>
            <PortfolioMembers/>
            <PortfolioRanking/>
            <PortfolioMatrix/>
            <PortfolioShared/>
            <PortfolioRoadmap/>
            <PortfolioExports/>
        </article>
    }
}

/// Whether the open portfolio is stored.
#[component]
fn PortfolioSaveStatus() -> impl IntoView {
    let portfolios = use_portfolios();
    view! {
        <p class="pw-save" role="status" data-testid="portfolio-save-status" data-state=move || match portfolios.save.get() {
            SaveState::Saved => "saved",
            SaveState::Pending => "pending",
            SaveState::NotSaved(_) | SaveState::Conflict => "failed",
        }>
            {move || match portfolios.save.get() {
                SaveState::Saved => "All changes saved".to_string(),
                SaveState::Pending => "Saving…".to_string(),
                SaveState::NotSaved(why) => format!("Not saved: {why}"),
                SaveState::Conflict => "Not saved".to_string(),
            }}
        </p>
    }
}
