//! Planwright's domain core: the plan of one AI initiative and everything that
//! reads or writes it.
//!
//! This crate is pure Rust with no knowledge of the browser: the web app and
//! the `planwright` command-line tool are both thin shells over it. Its
//! modules are layers, and a module only uses the layers below it:
//!
//! | layer | what it holds |
//! |---|---|
//! | [`export`], [`chart`] | the plan and portfolio documents in Markdown; the geometry of the radar, timeline and portfolio matrix charts |
//! | [`format`] | the JSON file format (import, export, migration, schema), the portfolio file, share links and the example plans |
//! | [`portfolio`] | several plans ranked, checked for shared foundation and sequenced on one roadmap |
//! | [`analysis`] | validation, readiness, risk, gates, the schedule and suggestions, bundled by [`analysis::analyze`] |
//! | [`model`] | the plan, section by section, as plain data, and the twelve template [`model::Section`]s |
//! | [`text`], [`date`], [`choice`] | shared vocabulary: phrasing of names and lists, calendar days, closed lists of choices |

pub mod analysis;
pub mod chart;
pub mod choice;
pub mod date;
pub mod diff;
pub mod export;
pub mod format;
pub mod model;
pub mod portfolio;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod text;

pub use choice::Choice;
pub use date::Date;
pub use model::{Id, Plan, Section};
