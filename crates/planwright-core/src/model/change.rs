//! Section 11: training, communication and adoption milestones.

use serde::{Deserialize, Serialize};

use crate::choice;
use crate::date::Date;

use super::Id;

choice! {
    /// Progress of planned change work.
    WorkStatus {
        Planned = "planned": "Planned",
        InProgress = "in_progress": "In progress",
        Done = "done": "Done",
    }
    default Planned
}

record! {
    /// Training for one audience.
    Training {
        /// Stable id.
        id: Id,
        /// Who is trained.
        audience: String,
        /// What they learn.
        topic: String,
        /// Stakeholder who owns it.
        owner: Option<Id>,
        /// Progress.
        status: WorkStatus,
    }
}

record! {
    /// A message about the change for one audience.
    Communication {
        /// Stable id.
        id: Id,
        /// Who hears it.
        audience: String,
        /// Purpose and boundaries being communicated.
        message: String,
        /// How it is delivered.
        channel: String,
        /// When.
        timing: String,
        /// Stakeholder who owns it.
        owner: Option<Id>,
    }
}

record! {
    /// An adoption milestone tied to someone accountable.
    AdoptionMilestone {
        /// Stable id.
        id: Id,
        /// The milestone.
        name: String,
        /// How reaching it is measured.
        measure: String,
        /// When it is due.
        due: Option<Date>,
        /// Stakeholder accountable for it.
        owner: Option<Id>,
        /// Progress.
        status: WorkStatus,
    }
}

record! {
    /// Section 11: change management and adoption.
    ChangePlan {
        /// Training, per audience.
        training: Vec<Training>,
        /// Communications, per audience.
        communications: Vec<Communication>,
        /// Adoption milestones.
        milestones: Vec<AdoptionMilestone>,
        /// How leaders will visibly use the capability themselves.
        leadership: String,
        /// How non-technical users build AI literacy.
        literacy: String,
    }
}
