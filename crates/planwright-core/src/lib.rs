//! Planwright's domain core: the plan of one AI initiative and everything that
//! reads or writes it.
//!
//! This crate is pure Rust with no knowledge of the browser: the web app and
//! the `planwright` command-line tool are both thin shells over it.
//!
//! - [`model`]: the plan, section by section, as plain data.
//! - [`validate`]: findings about a plan (errors and warnings with paths).
//! - [`file`]: the JSON file format: export, import, migration of older
//!   versions.
//! - [`markdown`]: a readable plan document.
//! - [`examples`]: three worked example plans.

pub mod choice;
pub mod date;
pub mod model;

pub use choice::Choice;
pub use date::Date;
pub use model::{Id, Plan};
pub mod file;
pub mod migrate;
pub mod validate;
