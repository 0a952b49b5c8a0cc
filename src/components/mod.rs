//! Reusable widgets.

pub mod shell;
