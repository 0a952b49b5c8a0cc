//! Planwright's web app: a thin Leptos layer over `planwright-core`.
//!
//! The app holds the open plan in one root signal ([`state::AppState`]) and
//! asks the core for every computed value (findings, scores, risk tier, gates,
//! schedule). Screens live in `views/`, reusable widgets in `components/`,
//! persistence in `storage`. Everything here targets the browser, so the
//! crate is empty on other targets.
#![cfg(target_arch = "wasm32")]

mod app;
pub mod components;
pub mod download;
pub mod state;
pub mod storage;
pub mod views;

pub use app::App;
