//! How a plan is stored and carried: the versioned JSON file, its migration
//! and schema, share links, and the example plans shipped with the app.
//!
//! - [`file`]: export and staged import of plan files.
//! - [`portfolio`]: the portfolio file, which carries a portfolio's
//!   settings and its plans.
//! - [`migrate`]: older file versions brought up to the current one.
//! - [`schema`]: the JSON Schema of the current version (feature `schema`).
//! - [`share`]: a plan packed into a URL fragment and back.
//! - [`embedded`]: the plan carried in a block at the end of the Markdown
//!   export, so the document imports back.
//! - [`examples`]: three worked example plans.
//! - [`template`]: a plan without its people, dates and actuals, to start
//!   the next one from.

pub mod embedded;
pub mod examples;
pub mod file;
pub mod migrate;
pub mod portfolio;
#[cfg(feature = "schema")]
pub mod schema;
pub mod share;
pub mod template;
