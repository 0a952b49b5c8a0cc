//! Planwright's web app: a thin Leptos layer over `planwright-core`.
//!
//! The app holds the open plan in one root signal and asks the core for
//! every computed value (findings, scores, risk tier, gates, schedule). Its
//! state is split by concern in `state/` (the open plan, autosave, the
//! library, other tabs, notices), each part in its own context. Screens live
//! in `views/`, the parts of the page bound to that state in `panels/`,
//! reusable widgets that know nothing of it in `components/`, persistence in
//! `storage`.
//!
//! Everything here targets the browser except the save rule
//! ([`state::save_rule`]): plain functions built for every target, so
//! `cargo test -p planwright-web --lib` tests it natively.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod dates;
#[cfg(target_arch = "wasm32")]
pub mod download;
#[cfg(target_arch = "wasm32")]
pub mod panels;
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod views;

#[cfg(target_arch = "wasm32")]
pub use app::App;
