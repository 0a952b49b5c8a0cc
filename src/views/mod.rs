//! Screens: the library, the builder's steps, the dashboard and portfolios.

pub mod builder;
pub mod dashboard;
pub mod document;
pub mod library;
pub mod portfolio;
pub mod steps;
