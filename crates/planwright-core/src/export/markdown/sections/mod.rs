//! The twelve template sections of the document, one file for each part of
//! the template, in template order.

pub(super) mod baseline;
mod change;
mod data;
mod feedback;
mod handoffs;
mod metrics;
mod objective;
mod people;
mod risk;
mod roadmap;
mod technology;
mod workflow;

pub(super) use change::change;
pub(super) use data::data;
pub(super) use feedback::feedback;
pub(super) use handoffs::handoffs;
pub(super) use metrics::metrics;
pub(super) use objective::objective;
pub(super) use people::{ownership, stakeholders};
pub(super) use risk::risk;
pub(super) use roadmap::{loops, roadmap};
pub(super) use technology::systems;
pub(super) use workflow::workflow;
