//! Screens: the library, the builder's steps and the dashboard.

pub mod builder;
pub mod dashboard;
pub mod document;
pub mod library;
pub mod steps;
