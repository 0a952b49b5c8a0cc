//! Section 4: stakeholders and the roles they play in decisions.

use serde::{Deserialize, Serialize};

use crate::choice;

use super::Id;

choice! {
    /// The part of the organization a stakeholder speaks for.
    Function {
        Business = "business": "Business unit",
        Operations = "operations": "Operations",
        Technology = "technology": "Technology",
        Data = "data": "Data and analytics",
        Risk = "risk": "Risk and compliance",
        Legal = "legal": "Legal and privacy",
        Finance = "finance": "Finance",
        People = "people": "HR and people",
        Executive = "executive": "Executive leadership",
        External = "external": "External partner",
        Other = "other": "Other",
    }
    default Other
}

record! {
    /// Section 4: a person or group with a part in the initiative.
    Stakeholder {
        /// Stable id.
        id: Id,
        /// Name of the person or group.
        name: String,
        /// Their role or title.
        role: String,
        /// The function they represent.
        function: Function,
        /// Whether the change affects their daily work.
        affected: bool,
        /// Anything worth knowing about them.
        notes: String,
    }
}

choice! {
    /// A part someone plays in a decision.
    DecisionRole {
        Prepares = "prepares": "Prepares",
        Reviews = "reviews": "Reviews",
        Approves = "approves": "Approves (accountable)",
        CanBlock = "can_block": "Can block",
        Informed = "informed": "Is informed",
    }
    default Prepares
}

record! {
    /// One person's part in a decision.
    RoleAssignment {
        /// The stakeholder.
        stakeholder: Option<Id>,
        /// What they do in this decision.
        role: DecisionRole,
    }
}

record! {
    /// Section 4: a decision and who prepares, reviews and approves it.
    Decision {
        /// Stable id.
        id: Id,
        /// What is being decided.
        title: String,
        /// Who plays which part; exactly one approves.
        roles: Vec<RoleAssignment>,
        /// What happens when people disagree.
        on_disagreement: String,
    }
}
