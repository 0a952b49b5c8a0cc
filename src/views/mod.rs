//! Screens: the library, the builder's steps and the dashboard.

pub mod builder;
pub mod library;
pub mod steps;
