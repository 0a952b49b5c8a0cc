//! What a plan keeps about its own past: gate decisions, baselines, and the
//! conflicts a three-way merge left for the person to settle.

use serde::{Deserialize, Serialize};

use crate::choice;
use crate::date::Date;

use super::{Id, Plan};

choice! {
    /// What was decided at a phase gate.
    GateOutcome {
        Undecided = "undecided": "Not decided yet",
        Go = "go": "Go",
        GoWithConditions = "go_with_conditions": "Go with conditions",
        NoGo = "no_go": "No-go",
    }
    default Undecided
}

record! {
    /// A condition attached to a "go with conditions" decision.
    GateCondition {
        /// Stable id.
        id: Id,
        /// What must be done.
        text: String,
        /// Stakeholder who sees it done.
        owner: Option<Id>,
        /// By when.
        due: Option<Date>,
        /// Whether it has been met.
        met: bool,
    }
}

record! {
    /// The record of a phase gate: what was decided, by whom, when, on what
    /// conditions, and what the phase taught.
    GateDecision {
        /// Go, go with conditions, no-go, or not yet decided.
        outcome: GateOutcome,
        /// The stakeholder who decided (the gate approver).
        decided_by: Option<Id>,
        /// The day it was decided.
        decided_on: Option<Date>,
        /// Conditions of a "go with conditions".
        conditions: Vec<GateCondition>,
        /// Lessons learned in the phase, kept for the next plan.
        lessons: String,
    }
}

record! {
    /// A task's dates when a baseline was set.
    BaselineTask {
        /// The task's id.
        id: Id,
        /// Its title then.
        title: String,
        /// Planned (or forecast) start then.
        start: Option<Date>,
        /// Planned (or forecast) finish then.
        finish: Option<Date>,
        /// Length in working days then.
        duration_days: u64,
        /// Whether it was on the critical path.
        critical: bool,
    }
}

record! {
    /// A phase gate's date and state when a baseline was set.
    BaselineGate {
        /// The phase's id.
        phase: Id,
        /// The phase's name then.
        name: String,
        /// The day its last task was due to finish.
        date: Option<Date>,
        /// Whether its computed criteria were all met.
        passed: bool,
    }
}

record! {
    /// A readiness dimension's score when a baseline was set.
    BaselineDimension {
        /// The dimension's key (`outcomes`, `data`, …).
        key: String,
        /// Its label then.
        label: String,
        /// Score 0–100.
        score: u8,
    }
}

record! {
    /// What the analysis said when a baseline was set, kept as it was so a
    /// later change of rules does not rewrite history.
    BaselineSummary {
        /// Each task's dates.
        tasks: Vec<BaselineTask>,
        /// Each gate's date.
        gates: Vec<BaselineGate>,
        /// The schedule's first day.
        start: Option<Date>,
        /// The schedule's last day.
        finish: Option<Date>,
        /// Readiness overall, 0–100.
        readiness: u8,
        /// The readiness band's key.
        band: String,
        /// Readiness per dimension.
        dimensions: Vec<BaselineDimension>,
        /// The risk tier's key.
        tier: String,
        /// Names of the control areas the tier required.
        required_controls: Vec<String>,
    }
}

record! {
    /// A named, dated snapshot of the plan to measure later versions against.
    Baseline {
        /// Stable id.
        id: Id,
        /// Name ("Approved at kickoff").
        name: String,
        /// The day it was set.
        taken_on: Option<Date>,
        /// The plan as it was, without its own baselines.
        plan: Box<Plan>,
        /// The analysis as it was.
        summary: BaselineSummary,
    }
}

record! {
    /// A field both sides of a merge changed differently. The merged plan
    /// holds `ours` until the person chooses.
    MergeConflict {
        /// Where it is, as a path into the plan (`tasks[id=t-3].duration_days`).
        path: String,
        /// The same place in words ("Task 'Label tickets': length").
        label: String,
        /// The value in the common ancestor, as JSON (absent if it was added).
        base: Option<serde_json::Value>,
        /// Our value, as JSON.
        ours: Option<serde_json::Value>,
        /// Their value, as JSON.
        theirs: Option<serde_json::Value>,
    }
}
