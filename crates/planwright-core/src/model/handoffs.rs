//! Section 10: approvals and hand-offs between people and teams.

use serde::{Deserialize, Serialize};

use super::Id;

record! {
    /// Section 10: an approval or hand-off, treated as real work.
    Handoff {
        /// Stable id.
        id: Id,
        /// What is handed over or approved.
        name: String,
        /// Who hands it over.
        from: Option<Id>,
        /// Who receives it.
        to: Option<Id>,
        /// Who approves it.
        approver: Option<Id>,
        /// Where the work shows up (queue, tool, inbox).
        channel: String,
        /// What context travels with it.
        context: String,
        /// Expected turnaround in days.
        turnaround_days: Option<u32>,
        /// What happens, and who follows up, when it sits too long.
        escalation: String,
    }
}
