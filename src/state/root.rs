//! The parts created together, as `App` and the browser tests need them.

use leptos::prelude::*;
use planwright_core::Plan;

use super::{Autosave, Library, Notices, OpenPlan, OtherTabs, Portfolios, Router, View};
use crate::storage::Store;

/// Every part of the state, created together by `App` (and by tests that
/// mount a piece of it).
#[derive(Clone, Copy)]
pub struct AppState {
    /// The open plan's root signal (the same as `open.plan`).
    pub plan: RwSignal<Plan>,
    /// The screen being shown (the same as `open.view`).
    pub view: RwSignal<View>,
    /// The open plan and what is derived from it.
    pub open: OpenPlan,
    /// Saving the open plan.
    pub autosave: Autosave,
    /// The stored plans.
    pub library: Library,
    /// The stored portfolios.
    pub portfolios: Portfolios,
    /// Other tabs' changes.
    pub tabs: OtherTabs,
    /// Messages at the top of the page.
    pub notices: Notices,
    /// The address of each screen.
    pub router: Router,
}

impl AppState {
    /// Creates every part on a store and provides each as context.
    pub fn provide(store: Store) -> AppState {
        let tab = format!("t{}", (js_sys::Math::random() * 1e9) as u64);
        let plan = RwSignal::new(Plan::blank());
        let open_id = RwSignal::new(None);
        let entries = RwSignal::new(Vec::new());
        let notices = Notices::new();
        let autosave = Autosave::new(store, tab, plan, open_id, entries);
        let open = OpenPlan::new(plan, open_id, autosave);
        let library = Library::new(entries, open, autosave, notices);
        let tabs = OtherTabs::new(open, autosave, library, notices);
        let portfolios = Portfolios::new(open, library, autosave, notices);
        let router = Router::new(open, library, portfolios, autosave, notices);
        provide_context(super::Templates::new(library, autosave, notices));
        provide_context(notices);
        provide_context(autosave);
        provide_context(open);
        provide_context(open.findings_source());
        provide_context(library);
        provide_context(portfolios);
        provide_context(tabs);
        provide_context(router);
        provide_context(crate::panels::list_editor::StepLists(RwSignal::new(
            Vec::new(),
        )));
        AppState {
            plan,
            view: open.view,
            open,
            autosave,
            library,
            portfolios,
            tabs,
            notices,
            router,
        }
    }

    /// Changes the open plan; saving follows shortly after.
    pub fn edit(&self, change: impl FnOnce(&mut Plan)) {
        self.open.edit(change);
    }
}
