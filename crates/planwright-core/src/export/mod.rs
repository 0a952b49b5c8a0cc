//! What a plan becomes for people to read outside the app.
//!
//! - [`markdown`]: the whole plan with its analysis as one Markdown document.

pub mod markdown;
