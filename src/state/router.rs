//! Keeps the address bar and the screen in step, both ways (the routes are
//! in [`super::route`]): every screen change pushes its address, so Back and
//! Forward move between screens and a reload reopens the same one; an
//! address typed, bookmarked or reached by Back opens its screen. Each screen
//! change starts at the top with focus on the new screen's main heading, as a
//! multi-page site would.

use leptos::prelude::*;
use planwright_core::format::share;
use wasm_bindgen::{JsCast, JsValue};

use super::autosave::Autosave;
use super::library::{forget_share_link, Library};
use super::notices::{NoticeKind, Notices};
use super::plan::OpenPlan;
use super::portfolios::Portfolios;
use super::route::{self, hash_of, page_title, portfolio_hash, Route, View};

/// The router, cheap to copy.
#[derive(Clone, Copy)]
pub struct Router {
    open: OpenPlan,
    library: Library,
    portfolios: Portfolios,
    autosave: Autosave,
    notices: Notices,
    /// Where focus goes after the next screen change, instead of its heading.
    target: StoredValue<Option<String>>,
    /// The next address is written over the current one (redirects, the
    /// first screen) instead of adding a history entry.
    replace: StoredValue<bool>,
}

/// The router from context.
pub fn use_router() -> Router {
    expect_context::<Router>()
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn write_hash(hash: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let result = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(hash))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(hash))
    };
    // A sandboxed frame may refuse; the screen still changes.
    let _ = result;
}

fn element(selector: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

/// Starts a screen: back to the top, the analysis panel too, and focus on
/// `target` when given and present, else on the main heading.
fn arrive(target: Option<String>) {
    request_animation_frame(move || {
        if let Some(panel) = element(".pw-aside") {
            panel.set_scroll_top(0);
        }
        if let Some(el) = target.as_deref().and_then(element) {
            let _ = el.focus();
            return;
        }
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        if let Some(heading) = element("#main h2").or_else(|| element("#main")) {
            if !heading.has_attribute("tabindex") {
                let _ = heading.set_attribute("tabindex", "-1");
            }
            let _ = heading.focus();
        }
    });
}

impl Router {
    /// A router over the app's parts; call [`Router::start`] once mounted.
    pub fn new(
        open: OpenPlan,
        library: Library,
        portfolios: Portfolios,
        autosave: Autosave,
        notices: Notices,
    ) -> Router {
        Router {
            open,
            library,
            portfolios,
            autosave,
            notices,
            target: StoredValue::new(None),
            replace: StoredValue::new(true),
        }
    }

    /// Shows a screen of the open plan, starting at its top.
    pub fn go(&self, view: View) {
        if self.open.view.get_untracked() == view {
            arrive(self.target.write_value().take());
        } else {
            self.open.view.set(view);
        }
    }

    /// Shows a screen and puts focus on `selector` in it (an in-step jump).
    pub fn go_to(&self, view: View, selector: impl Into<String>) {
        self.target.set_value(Some(selector.into()));
        self.go(view);
    }

    /// Opens what the address asks for, then follows every screen change and
    /// every address change from here on.
    pub fn start(&self) {
        self.apply(&current_hash());
        let this = *self;
        let title = self.open.field(|p| p.title.clone());
        let portfolio_name = Memo::new(move |_| this.portfolios.portfolio.with(|p| p.name.clone()));
        Effect::new(move |prev: Option<(Option<String>, bool, View)>| {
            let id = this.open.open_id.get();
            let shared = this.open.shared.get();
            let view = this.open.view.get();
            let portfolio = this.portfolios.open_id.get();
            let now = (id.clone().or(portfolio.clone()), shared, view);
            let shown = id.is_some() || shared;
            let view = if shown || view == View::Portfolio {
                view
            } else {
                View::Library
            };
            if view != View::Portfolio {
                // Leaving a portfolio stores what is pending.
                this.portfolios.flush();
            }
            if !shared {
                let hash = match (view, portfolio) {
                    (View::Portfolio, Some(p)) => portfolio_hash(&p),
                    _ => hash_of(id.as_deref(), view),
                };
                if current_hash() != hash {
                    write_hash(&hash, this.replace.get_value());
                }
            }
            this.replace.set_value(false);
            if prev.is_some_and(|p| p != now) {
                arrive(this.target.write_value().take());
            }
            now
        });
        Effect::new(move |_| {
            let view = this.open.view.get();
            let shown = this.open.is_shown();
            if view == View::Portfolio {
                document().set_title(&page_title(&portfolio_name.get(), view));
                return;
            }
            let text = title.get();
            let view = if shown { view } else { View::Library };
            document().set_title(&page_title(&text, view));
        });
    }

    /// Opens the screen an address names (Back, Forward, a typed address or
    /// a share link pasted into this tab).
    pub fn apply(&self, hash: &str) {
        match route::parse(hash) {
            Route::Start => {
                self.replace.set_value(true);
                self.library.reopen_last();
            }
            Route::Share => self.open_share_link(hash),
            Route::Plans => {
                if self.shown_now() {
                    self.library.close();
                } else if self.open.view.get_untracked() == View::Portfolio {
                    self.portfolios.close();
                }
            }
            Route::Plan { id, view } => self.open_plan(&id, view),
            Route::Portfolio { id } => self.open_portfolio(&id),
            Route::Unknown(what) => self.redirect(format!(
                "There is no screen at the address “#{what}”, so your plans are shown instead."
            )),
        }
    }

    fn open_plan(&self, id: &str, view: View) {
        let here = self.open.open_id.get_untracked();
        if here.as_deref() == Some(id) && !self.open.shared.get_untracked() {
            self.open.view.set(view);
            return;
        }
        if self.autosave.store().meta(id).is_none() {
            return self.redirect(
                "That address points to a plan that is not stored in this browser: it may have been deleted, or made in another browser. Your plans are shown instead.".to_string(),
            );
        }
        if self.open.shared.get_untracked() {
            self.library.close();
        }
        if !self.library.open(id, view) {
            self.replace.set_value(true);
            self.library.close();
        }
    }

    fn open_portfolio(&self, id: &str) {
        let here = self.portfolios.open_id.get_untracked();
        if here.as_deref() == Some(id) && self.open.view.get_untracked() == View::Portfolio {
            return;
        }
        if self.autosave.store().portfolio_meta(id).is_none() {
            return self.redirect(
                "That address points to a portfolio that is not stored in this browser: it may have been deleted, or made in another browser. Your plans are shown instead.".to_string(),
            );
        }
        if !self.portfolios.open(id) {
            self.replace.set_value(true);
            self.portfolios.close();
        }
    }

    /// Whether a plan is shown, read outside any reactive context.
    fn shown_now(&self) -> bool {
        self.open.open_id.with_untracked(Option::is_some) || self.open.shared.get_untracked()
    }

    fn redirect(&self, why: String) {
        self.replace.set_value(true);
        if self.shown_now() {
            self.library.close();
        } else if self.open.view.get_untracked() == View::Portfolio {
            self.portfolios.close();
        } else {
            write_hash("#/plans", true);
        }
        self.notices.notify(NoticeKind::Warning, why);
    }

    fn open_share_link(&self, hash: &str) {
        match share::decode(hash) {
            Ok(imported) => {
                let notes = imported.changes();
                self.library.open_shared(imported.plan, notes);
            }
            Err(e) => {
                forget_share_link();
                self.notices.notify(NoticeKind::Error, e.to_string());
                self.replace.set_value(true);
                if !self.shown_now() {
                    write_hash("#/plans", true);
                }
            }
        }
    }
}
