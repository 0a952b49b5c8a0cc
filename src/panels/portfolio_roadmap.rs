//! The portfolio roadmap: shared foundation work first and once, then each
//! initiative in rank order within the capacity, drawn with the same
//! timeline as a single plan's roadmap, and the set-up cost that sharing
//! saves against running each plan alone.

use leptos::prelude::*;
use planwright_core::analysis::schedule::CycleError;
use planwright_core::portfolio::Roadmap;
use planwright_core::text::plural;
use planwright_core::Plan;

use super::gantt_chart::{Chart, Timeline};
use crate::state::use_portfolios;

/// What marks a shared task's title in the timeline.
const SHARED: &str = "Shared: ";

/// The roadmap's plan with every shared task's title marked as shared, so
/// the timeline and its table say which work is done once for all.
fn labelled(roadmap: &Roadmap) -> Plan {
    let mut plan = roadmap.plan.clone();
    for (task, origin) in plan.tasks.iter_mut().zip(&roadmap.origin) {
        if origin.shared.is_some() && !task.title.starts_with(SHARED) {
            task.title = format!("{SHARED}{}", task.title);
        }
    }
    plan
}

/// The timeline and the set-up days.
#[component]
pub fn PortfolioRoadmap() -> impl IntoView {
    let portfolios = use_portfolios();
    let chart: Memo<Result<Chart, CycleError>> = Memo::new(move |_| {
        portfolios.analysis.with(|a| {
            let r = &a.roadmap;
            match &r.schedule {
                Ok(s) => Ok(Chart::new(&labelled(r), s, None)),
                Err(e) => Err(e.clone()),
            }
        })
    });
    let days = move || {
        portfolios.analysis.with(|a| {
            let r = &a.roadmap;
            (
                r.setup_days_alone,
                r.setup_days_shared,
                r.setup_days_alone.saturating_sub(r.setup_days_shared),
            )
        })
    };
    let task_days = |n: u64| plural(n as usize, "task-day");
    view! {
        <section class="pw-portfolio__section" aria-labelledby="portfolio-roadmap-title" data-testid="portfolio-roadmap">
            <h3 id="portfolio-roadmap-title">"Portfolio roadmap"</h3>
            <p>
                "Shared foundation work comes first and is done once (marked “Shared”); then each "
                "initiative's own work, in rank order, with no more in deployment at once than the capacity allows."
            </p>
            <dl class="pw-setup" data-testid="portfolio-setup">
                <div>
                    <dt>"Foundation work if each plan ran alone"</dt>
                    <dd data-testid="setup-alone">{move || task_days(days().0)}</dd>
                </div>
                <div>
                    <dt>"Foundation work in this portfolio, shared work done once"</dt>
                    <dd data-testid="setup-shared">{move || task_days(days().1)}</dd>
                </div>
                <div>
                    <dt>"Saved by sharing"</dt>
                    <dd data-testid="setup-saved">{move || task_days(days().2)}</dd>
                </div>
            </dl>
            <Timeline chart=chart/>
        </section>
    }
}
