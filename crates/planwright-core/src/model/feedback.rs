//! Section 12: feedback loops, correction hot spots and support.

use serde::{Deserialize, Serialize};

use crate::choice;

use super::Id;

choice! {
    /// How often a signal is looked at.
    Cadence {
        Unset = "unset": "Not set",
        Continuous = "continuous": "Continuously",
        Daily = "daily": "Daily",
        Weekly = "weekly": "Weekly",
        Monthly = "monthly": "Monthly",
        Quarterly = "quarterly": "Quarterly",
    }
    default Unset
}

record! {
    /// A feedback loop: a signal, who watches it, and what happens past a threshold.
    FeedbackLoop {
        /// Stable id.
        id: Id,
        /// What is watched.
        signal: String,
        /// How often.
        cadence: Cadence,
        /// Stakeholder who watches it.
        owner: Option<Id>,
        /// The level that triggers action.
        threshold: String,
        /// What is done then.
        action: String,
    }
}

choice! {
    /// Why people have to correct the AI's output in a spot.
    HotspotCause {
        Undiagnosed = "undiagnosed": "Not diagnosed yet",
        PromptQuality = "prompt_quality": "Prompt quality",
        ContextGap = "context_gap": "Missing context",
        WorkflowDesign = "workflow_design": "Workflow design",
    }
    default Undiagnosed
}

record! {
    /// A place where outputs need the most human correction.
    Hotspot {
        /// Stable id.
        id: Id,
        /// Where in the workflow.
        area: String,
        /// The diagnosed cause.
        cause: HotspotCause,
        /// What was found.
        notes: String,
    }
}

record! {
    /// How people get help, and who owns that.
    SupportPath {
        /// How a user gets help or reports a problem.
        description: String,
        /// Stakeholder who owns support.
        owner: Option<Id>,
    }
}

record! {
    /// Section 12: feedback, monitoring and iteration.
    FeedbackPlan {
        /// Feedback loops.
        loops: Vec<FeedbackLoop>,
        /// How users flag a wrong output.
        flagging: String,
        /// The support path.
        support: SupportPath,
        /// How often and by whom the model and prompts are reviewed.
        model_review: String,
        /// Where outputs need most correction, and why.
        hotspots: Vec<Hotspot>,
    }
}
