//! Section 9: phases with their gates, foundation deliverables and tasks.

use serde::{Deserialize, Serialize};

use crate::choice;
use crate::date::Date;

use super::{GateDecision, Id};

choice! {
    /// Which default phase a phase is, so its built-in gate criteria apply.
    PhaseKind {
        Foundation = "foundation": "Foundation and readiness",
        Deployment = "deployment": "Focused deployment",
        Optimization = "optimization": "Optimization and measurement",
        Scaling = "scaling": "Scaling across the organization",
        Custom = "custom": "Custom phase",
    }
    default Custom
}

choice! {
    /// Where a phase stands.
    PhaseStatus {
        NotStarted = "not_started": "Not started",
        InProgress = "in_progress": "In progress",
        GatePassed = "gate_passed": "Gate passed",
    }
    default NotStarted
}

record! {
    /// A gate criterion the user wrote for a phase.
    Criterion {
        /// Stable id.
        id: Id,
        /// What must be true.
        text: String,
        /// Whether it is met.
        met: bool,
    }
}

record! {
    /// Section 9: a phase of the roadmap with its gate.
    Phase {
        /// Stable id.
        id: Id,
        /// Which default phase this is, if any.
        kind: PhaseKind,
        /// Name of the phase.
        name: String,
        /// The outcome the phase exists for.
        goal: String,
        /// Stakeholder who owns the phase.
        owner: Option<Id>,
        /// What the phase needs to start.
        inputs: String,
        /// Planned length in weeks.
        duration_weeks: Option<u32>,
        /// Where it stands.
        status: PhaseStatus,
        /// The user's own exit criteria, on top of the built-in ones.
        exit_criteria: Vec<Criterion>,
        /// Who decides the gate; exactly one.
        gate_approvers: Vec<Id>,
        /// What was decided at the gate, and the phase's lessons.
        decision: GateDecision,
    }
}

choice! {
    /// The foundation deliverables.
    DeliverableKind {
        ContextPack = "context_pack": "Context pack",
        DataReadiness = "data_readiness": "Data readiness assessment",
        GovernanceFramework = "governance_framework": "Governance framework",
        StakeholderMap = "stakeholder_map": "Stakeholder alignment map",
        Other = "other": "Other",
    }
    default Other
}

choice! {
    /// Where a deliverable stands.
    DeliverableStatus {
        NotStarted = "not_started": "Not started",
        Drafted = "drafted": "Drafted",
        Approved = "approved": "Approved",
    }
    default NotStarted
}

record! {
    /// Section 9: a document the foundation phase produces.
    Deliverable {
        /// Stable id.
        id: Id,
        /// Which deliverable.
        kind: DeliverableKind,
        /// Name.
        name: String,
        /// Where it stands.
        status: DeliverableStatus,
        /// Stakeholder who writes it.
        owner: Option<Id>,
        /// Stakeholder who approves it.
        approver: Option<Id>,
        /// Where it lives.
        link: String,
    }
}

choice! {
    /// Where a piece of work stands.
    TaskStatus {
        Todo = "todo": "To do",
        InProgress = "in_progress": "In progress",
        Blocked = "blocked": "Blocked",
        Done = "done": "Done",
    }
    default Todo
}

record! {
    /// Section 9: a task on the roadmap.
    Task {
        /// Stable id.
        id: Id,
        /// What is to be done.
        title: String,
        /// The phase it belongs to.
        phase: Option<Id>,
        /// Stakeholder who owns it.
        owner: Option<Id>,
        /// Working length in days; zero marks a milestone.
        duration_days: Option<u32>,
        /// Tasks that must finish before this one starts.
        depends_on: Vec<Id>,
        /// Where it stands.
        status: TaskStatus,
        /// Details.
        notes: String,
        /// The day work actually began.
        actual_start: Option<Date>,
        /// The day work actually ended.
        actual_finish: Option<Date>,
        /// How much of the work is done, 0–100.
        percent_complete: Option<u8>,
    }
}
