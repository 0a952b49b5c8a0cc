//! Section 6: data sources and how ready each is.

use serde::{Deserialize, Serialize};

use crate::choice;

use super::Id;

choice! {
    /// Data quality as assessed.
    Quality {
        Unknown = "unknown": "Not assessed",
        Poor = "poor": "Poor",
        Fair = "fair": "Fair",
        Good = "good": "Good",
    }
    default Unknown
}

choice! {
    /// Whether the data can be reached by the initiative.
    Accessibility {
        Unknown = "unknown": "Not assessed",
        Unavailable = "unavailable": "Not reachable",
        Restricted = "restricted": "Reachable with effort",
        Available = "available": "Reachable",
    }
    default Unknown
}

choice! {
    /// State of the approval to use a data source.
    AccessApproval {
        NotRequested = "not_requested": "Not requested",
        Requested = "requested": "Requested",
        Granted = "granted": "Granted",
        Denied = "denied": "Denied",
    }
    default NotRequested
}

choice! {
    /// Compliance review of a data source.
    Compliance {
        Unknown = "unknown": "Not reviewed",
        UnderReview = "under_review": "Under review",
        Cleared = "cleared": "Cleared",
        Blocked = "blocked": "Blocked",
    }
    default Unknown
}

record! {
    /// Section 6: a data source and how ready it is.
    DataSource {
        /// Stable id.
        id: Id,
        /// Name of the source.
        name: String,
        /// What it holds.
        description: String,
        /// Stakeholder who owns the data.
        owner: Option<Id>,
        /// Assessed quality.
        quality: Quality,
        /// Whether it can be reached.
        accessibility: Accessibility,
        /// Approval to use it.
        access_approval: AccessApproval,
        /// Compliance review.
        compliance: Compliance,
        /// Holds personal data.
        personal_data: bool,
        /// Holds regulated data (health, financial, …).
        regulated_data: bool,
        /// Whether it looks like production data, not a curated sample; `null` when unknown.
        production_representative: Option<bool>,
    }
}
