//! Planwright's domain core: the plan of one AI initiative and everything that
//! reads or writes it.
//!
//! This crate is pure Rust with no knowledge of the browser: the web app and
//! the `planwright` command-line tool are both thin shells over it.
//!
//! - [`model`]: the plan, section by section, as plain data.
//! - [`validate`]: findings about a plan (errors and warnings with paths).
//! - [`file`]: the JSON file format: export, import, [`migrate`] of older
//!   versions.
//! - [`readiness`], [`risk`], [`gates`], [`schedule`], [`suggest`]: the
//!   analysis, bundled by [`analysis`].
//! - [`markdown`]: a readable plan document.
//! - [`examples`]: three worked example plans.

pub mod analysis;
pub mod choice;
pub mod date;
pub mod examples;
pub mod file;
pub mod gates;
pub mod layout;
pub mod markdown;
pub mod migrate;
pub mod model;
pub mod progress;
pub mod readiness;
pub mod risk;
pub mod schedule;
#[cfg(feature = "schema")]
pub mod schema;
pub mod share;
pub mod suggest;
pub mod validate;

pub use choice::Choice;
pub use date::Date;
pub use model::{Id, Plan};
