//! Section 5: the split of each workflow step between people and AI.

use serde::{Deserialize, Serialize};

use crate::choice;

use super::Id;

choice! {
    /// What the AI does in a workflow step.
    AiRole {
        None = "none": "Nothing",
        Prepares = "prepares": "Prepares",
        Validates = "validates": "Validates",
        Routes = "routes": "Routes",
        Nudges = "nudges": "Nudges",
        Monitors = "monitors": "Monitors",
    }
    default None
}

choice! {
    /// What people do in a workflow step.
    HumanRole {
        None = "none": "Nothing",
        Approves = "approves": "Approves",
        Decides = "decides": "Decides",
        HandlesExceptions = "handles_exceptions": "Handles exceptions",
        OwnsRisk = "owns_risk": "Owns the risk",
        Reviews = "reviews": "Reviews",
    }
    default None
}

record! {
    /// Section 5: one step of the workflow and how work is split in it.
    WorkflowStep {
        /// Stable id.
        id: Id,
        /// The step.
        name: String,
        /// What the AI does.
        ai_role: AiRole,
        /// What people do.
        human_role: HumanRole,
        /// The stakeholder who owns the step.
        owner: Option<Id>,
        /// Whether a wrong outcome here carries risk or accountability.
        carries_risk: bool,
        /// Details.
        notes: String,
    }
}
