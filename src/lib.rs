//! Planwright's web app: a thin Leptos layer over `planwright-core`.
//!
//! The app holds the plan in one root signal and asks the core for every
//! computed value (findings, scores, risk tier, gates, schedule). Screens live
//! in `views/`, reusable widgets in `components/`. Everything here targets
//! the browser, so the crate is empty on other targets.
#![cfg(target_arch = "wasm32")]

mod app;
pub mod components;

pub use app::App;
