//! The root component: creates the state, listens to the browser, and lays
//! out the page around the current view.

use leptos::context::Provider;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::read_only::ReadOnly;
use crate::panels::readiness_panel::ReadinessPanel;
use crate::panels::shell::{Footer, Header, Notices};
use crate::panels::step_nav::StepNav;
use crate::state::{use_plan, AppState, SaveState, View};
use crate::storage::Store;
use crate::views::builder::StepPage;
use crate::views::dashboard::Dashboard;
use crate::views::document::Document;
use crate::views::library::Library;
use crate::views::portfolio::PortfolioScreen;

/// Whether leaving now would lose work: the open plan has changes that are
/// not stored, or this browser keeps plans in this tab's memory only.
fn unsaved_work(app: &AppState) -> bool {
    if app.open.shared.get_untracked() || app.open.open_id.with_untracked(Option::is_none) {
        return false;
    }
    let memory_only = app.autosave.storage_problem.with_untracked(Option::is_some);
    match app.autosave.save.get_untracked() {
        SaveState::Saved => memory_only,
        SaveState::Pending | SaveState::NotSaved(_) | SaveState::Conflict => true,
    }
}

/// Moves focus to `selector` without changing the address (the hash is the
/// route, so in-page links cannot use it).
fn skip_to(selector: &'static str) -> impl Fn(leptos::ev::MouseEvent) {
    move |e| {
        e.prevent_default();
        let found = document().query_selector(selector).ok().flatten();
        if let Some(el) = found.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            if !el.has_attribute("tabindex") {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = el.focus();
        }
    }
}

/// The first things the keyboard meets: jumps past the header and the step
/// list.
#[component]
fn SkipLinks() -> impl IntoView {
    let open = use_plan();
    let in_step = move || open.is_shown() && matches!(open.view.get(), View::Step(_));
    view! {
        <div class="pw-skips">
            <a class="pw-skip" href="#main" on:click=skip_to("#main h2, #main")>"Skip to content"</a>
            <Show when=in_step>
                <a class="pw-skip" href="#plan-sections" on:click=skip_to("#plan-sections")>"Skip to the list of steps"</a>
            </Show>
        </div>
    }
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::provide(Store::open());
    // Another tab changed stored plans.
    let storage = window_event_listener(leptos::ev::storage, move |e| {
        app.tabs.on_storage_change(e.key());
        app.portfolios.refresh();
    });
    // Leaving the page: store what is pending, and ask first when it could
    // not be stored (storage full or refused, or another tab's conflict).
    let hide = window_event_listener(leptos::ev::pagehide, move |_| {
        app.autosave.flush();
        app.portfolios.flush();
    });
    let unload = window_event_listener(leptos::ev::beforeunload, move |e| {
        app.autosave.flush();
        app.portfolios.flush();
        if unsaved_work(&app) {
            e.prevent_default();
            e.set_return_value("unsaved");
        }
    });
    // Back, Forward, a typed address or a pasted share link.
    let hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = window().location().hash().unwrap_or_default();
        app.router.apply(&hash);
    });
    // Printing: every closed <details> opens for the printout, then closes.
    let opened = StoredValue::new_local(Vec::<web_sys::Element>::new());
    let before_print = window_event_listener_untyped("beforeprint", move |_| {
        let closed = document().query_selector_all("details:not([open])").ok();
        let list: Vec<web_sys::Element> = closed
            .map(|l| {
                (0..l.length())
                    .filter_map(|i| l.item(i))
                    .filter_map(|n| n.dyn_into().ok())
                    .collect()
            })
            .unwrap_or_default();
        for el in &list {
            let _ = el.set_attribute("open", "");
        }
        opened.set_value(list);
    });
    let after_print = window_event_listener_untyped("afterprint", move |_| {
        for el in opened.get_value() {
            let _ = el.remove_attribute("open");
        }
    });
    on_cleanup(move || {
        before_print.remove();
        after_print.remove();
        storage.remove();
        hide.remove();
        unload.remove();
        hash.remove();
    });
    app.router.start();

    let open = app.open;
    let plan_shown = move || open.is_shown();
    let in_step = move || plan_shown() && matches!(open.view.get(), View::Step(_));
    view! {
        <div class="pw-app">
            <SkipLinks/>
            <Header/>
            <Notices/>
            <div class="pw-layout" class:pw-layout--library=move || !plan_shown() class:pw-layout--builder=in_step>
                <Show when=plan_shown>
                    <nav class="pw-nav" id="plan-sections" tabindex="-1" aria-label="Plan sections" data-testid="section-nav">
                        <StepNav/>
                    </nav>
                </Show>
                <main id="main" class="pw-main" tabindex="-1" data-testid="main">
                    {move || {
                        let shared = open.shared.get();
                        match open.view.get() {
                            View::Library => view! { <Library/> }.into_any(),
                            View::Step(section) => {
                                view! {
                                    <Provider value=ReadOnly(shared)>
                                        <div class:pw-readonly=shared>
                                            <StepPage section=section/>
                                        </div>
                                    </Provider>
                                }
                                .into_any()
                            }
                            View::Dashboard => {
                                view! { <Provider value=ReadOnly(shared)><Dashboard/></Provider> }.into_any()
                            }
                            View::Document => view! { <Document/> }.into_any(),
                            View::Portfolio => view! { <PortfolioScreen/> }.into_any(),
                        }
                    }}
                </main>
                <Show when=in_step>
                    <aside class="pw-aside" aria-label="Live analysis">
                        <ReadinessPanel/>
                    </aside>
                </Show>
            </div>
            <Footer/>
        </div>
    }
}
