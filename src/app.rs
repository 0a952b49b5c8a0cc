//! The root component: creates the state, listens to the browser, and lays
//! out the page around the current view.

use leptos::context::Provider;
use leptos::prelude::*;
use planwright_core::format::share;
use wasm_bindgen::JsCast;

use crate::components::read_only::ReadOnly;
use crate::panels::readiness_panel::ReadinessPanel;
use crate::panels::shell::{Footer, Header, Notices};
use crate::panels::step_nav::StepNav;
use crate::state::{forget_share_link, AppState, NoticeKind, View};
use crate::storage::Store;
use crate::views::builder::StepPage;
use crate::views::dashboard::Dashboard;
use crate::views::document::Document;
use crate::views::library::Library;

/// Opens the plan carried by a share link in the address bar, if any.
/// Returns whether the address held a share link.
fn open_share_link(app: &AppState) -> bool {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if !hash.starts_with("#share=") {
        return false;
    }
    match share::decode(&hash) {
        Ok(imported) => {
            let notes = imported.changes();
            app.library.open_shared(imported.plan, notes);
        }
        Err(e) => {
            forget_share_link();
            app.notices.notify(NoticeKind::Error, e.to_string());
        }
    }
    true
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::provide(Store::open());
    // Another tab changed stored plans.
    let storage = window_event_listener(leptos::ev::storage, move |e| {
        app.tabs.on_storage_change(e.key())
    });
    // Leaving the page: store what is pending.
    let hide = window_event_listener(leptos::ev::pagehide, move |_| app.autosave.flush());
    let unload = window_event_listener(leptos::ev::beforeunload, move |_| app.autosave.flush());
    // A share link pasted into this tab's address bar.
    let hash = window_event_listener(leptos::ev::hashchange, move |_| {
        open_share_link(&app);
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
    if !open_share_link(&app) {
        app.library.reopen_last();
    }

    let open = app.open;
    let plan_shown = move || open.is_shown();
    let in_step = move || plan_shown() && matches!(open.view.get(), View::Step(_));
    view! {
        <div class="pw-app">
            <a class="pw-skip" href="#main">"Skip to content"</a>
            <Header/>
            <Notices/>
            <div class="pw-layout" class:pw-layout--library=move || !plan_shown() class:pw-layout--builder=in_step>
                <Show when=plan_shown>
                    <nav class="pw-nav" aria-label="Plan sections" data-testid="section-nav">
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
