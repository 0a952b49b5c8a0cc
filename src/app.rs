//! The root component: creates the state, listens to the browser, and lays
//! out the page around the current view.

use leptos::prelude::*;

use crate::components::shell::{Footer, Header, Notices};
use crate::components::readiness_panel::ReadinessPanel;
use crate::components::step_nav::StepNav;
use crate::state::{AppState, View};
use crate::storage::Store;
use crate::views::builder::StepPage;
use crate::views::library::Library;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::provide(Store::open());
    // Another tab changed stored plans.
    let storage = window_event_listener(leptos::ev::storage, move |e| app.on_storage_change(e.key()));
    // Leaving the page: store what is pending.
    let hide = window_event_listener(leptos::ev::pagehide, move |_| app.flush());
    let unload = window_event_listener(leptos::ev::beforeunload, move |_| app.flush());
    on_cleanup(move || {
        storage.remove();
        hide.remove();
        unload.remove();
    });
    app.reopen_last();

    let plan_open = move || app.open_id.with(Option::is_some);
    view! {
        <div class="pw-app">
            <a class="pw-skip" href="#main">"Skip to content"</a>
            <Header/>
            <Notices/>
            <div class="pw-layout" class:pw-layout--library=move || !plan_open()
                class:pw-layout--builder=move || plan_open() && matches!(app.view.get(), View::Step(_))>
                <Show when=plan_open>
                    <nav class="pw-nav" aria-label="Plan sections" data-testid="section-nav">
                        <StepNav/>
                    </nav>
                </Show>
                <main id="main" class="pw-main" tabindex="-1" data-testid="main">
                    {move || match app.view.get() {
                        View::Library => view! { <Library/> }.into_any(),
                        View::Step(section) => view! { <StepPage section=section/> }.into_any(),
                        View::Dashboard => view! { <p>"Results are being built."</p> }.into_any(),
                    }}
                </main>
                <Show when=move || plan_open() && matches!(app.view.get(), View::Step(_))>
                    <aside class="pw-aside" aria-label="Live analysis">
                        <ReadinessPanel/>
                    </aside>
                </Show>
            </div>
            <Footer/>
        </div>
    }
}
