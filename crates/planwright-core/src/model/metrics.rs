//! Section 2: success metrics with baselines, targets and owners.

use serde::{Deserialize, Serialize};

use crate::choice;
use crate::date::Date;

use super::Id;

choice! {
    /// What a metric measures.
    MetricKind {
        Outcome = "outcome": "Business outcome",
        Usage = "usage": "Usage or adoption",
        Technical = "technical": "Technical or model quality",
    }
    default Outcome
}

choice! {
    /// Which way is better for a metric.
    Direction {
        Decrease = "decrease": "Lower is better",
        Increase = "increase": "Higher is better",
    }
    default Decrease
}

record! {
    /// Section 2: a success metric with its baseline and target.
    Metric {
        /// Stable id.
        id: Id,
        /// Name of the metric.
        name: String,
        /// The business outcome it stands for.
        outcome: String,
        /// Outcome, usage or technical.
        kind: MetricKind,
        /// Which way is better.
        direction: Direction,
        /// Unit of measure (hours, %, €…).
        unit: String,
        /// Value measured before any optimization.
        baseline: Option<f64>,
        /// When the baseline was measured.
        baseline_date: Option<Date>,
        /// Value that counts as success.
        target: Option<f64>,
        /// How and where it is measured.
        method: String,
        /// Stakeholder who owns the number.
        owner: Option<Id>,
        /// Latest measured value.
        actual: Option<f64>,
        /// When the latest value was measured.
        actual_date: Option<Date>,
        /// Earlier measurements, for the trend from baseline to target.
        history: Vec<Reading>,
    }
}

record! {
    /// A dated measurement of a metric.
    Reading {
        /// When it was measured.
        date: Option<Date>,
        /// The value.
        value: Option<f64>,
    }
}
