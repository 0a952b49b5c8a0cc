//! Section 7: systems of record and their integration.

use serde::{Deserialize, Serialize};

use crate::choice;

use super::Id;

choice! {
    /// What a system is to the initiative.
    SystemRole {
        SystemOfRecord = "system_of_record": "System of record",
        IntegrationPoint = "integration_point": "Integration point",
        AiPlatform = "ai_platform": "AI platform or model",
        Other = "other": "Other",
    }
    default SystemOfRecord
}

choice! {
    /// How far an integration has come.
    IntegrationStatus {
        NotStarted = "not_started": "Not started",
        Designed = "designed": "Designed",
        Building = "building": "Being built",
        Done = "done": "Done",
    }
    default NotStarted
}

choice! {
    /// State of a security review.
    ReviewStatus {
        NotStarted = "not_started": "Not started",
        InProgress = "in_progress": "In progress",
        Passed = "passed": "Passed",
        Failed = "failed": "Failed",
    }
    default NotStarted
}

record! {
    /// Section 7: a system touched by the initiative.
    System {
        /// Stable id.
        id: Id,
        /// Name of the system.
        name: String,
        /// What it is to the initiative.
        role: SystemRole,
        /// Stakeholder who owns it.
        owner: Option<Id>,
        /// How far the integration has come.
        integration: IntegrationStatus,
        /// Security review.
        security_review: ReviewStatus,
        /// Legacy limits and other constraints.
        limits: String,
    }
}
