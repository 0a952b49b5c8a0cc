//! The app's state, one part per concern, each handed down in its own typed
//! context with a `use_…()` accessor:
//!
//! - [`plan`]: the open plan in one root signal, the screen it is shown on,
//!   the core's analysis as memos, and `edit` / `field` / `setter`;
//! - [`autosave`]: saving the open plan shortly after each change;
//! - [`library`]: the stored plans and what can be done with them;
//! - [`templates`]: the stored templates, and plans started from them;
//! - [`portfolios`]: stored portfolios, the open one and its analysis;
//! - [`tabs`]: following what other tabs store, and resolving conflicts;
//! - [`notices`]: messages at the top of the page, some with an undo;
//! - [`router`]: the address of each screen, kept in step with the screen
//!   (the routes themselves are plain functions in [`route`]).
//!
//! When to write and how to meet another tab's work is decided in
//! [`save_rule`], the titles of copies and of damaged stored plans in
//! [`titles`], and the screens' addresses in [`route`]: plain functions over
//! plain data with native tests, the only parts built for every target.
//! Views call these parts; they never
//! touch storage themselves.

pub mod revisions;
pub mod route;
pub mod save_rule;
pub mod titles;

#[cfg(target_arch = "wasm32")]
pub mod autosave;
#[cfg(target_arch = "wasm32")]
pub mod library;
#[cfg(target_arch = "wasm32")]
pub mod notices;
#[cfg(target_arch = "wasm32")]
pub mod plan;
#[cfg(target_arch = "wasm32")]
pub mod portfolios;
#[cfg(target_arch = "wasm32")]
mod root;
#[cfg(target_arch = "wasm32")]
pub mod router;
#[cfg(target_arch = "wasm32")]
pub mod tabs;
#[cfg(target_arch = "wasm32")]
pub mod templates;

pub use route::View;
pub use save_rule::SaveState;

#[cfg(target_arch = "wasm32")]
pub use root::AppState;
#[cfg(target_arch = "wasm32")]
pub use {
    autosave::{use_autosave, Autosave},
    library::{forget_share_link, use_library, Library},
    notices::{use_notices, Notice, NoticeKind, Notices},
    plan::{use_plan, OpenPlan},
    portfolios::{use_portfolios, Portfolios},
    router::{use_router, Router},
    tabs::{use_other_tabs, OtherTabs},
    templates::{use_templates, Templates},
};
