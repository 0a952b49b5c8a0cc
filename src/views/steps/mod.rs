//! The twelve steps of the guided template, one module each, plus the short
//! "why this matters" text every step opens with.

mod change;
mod data;
mod feedback;
mod handoffs;
mod metrics;
mod objective;
mod ownership;
mod risk;
mod roadmap;
mod stakeholders;
mod technology;
mod workflow;

use leptos::prelude::*;
use planwright_core::model::Section;

/// Why a section matters, in a sentence or two.
pub fn why(section: Section) -> &'static str {
    match section {
        Section::Objective => "Strong AI initiatives start from a business process that hurts today, not from a capability looking for a use. Name the process, what goes wrong in it, what fixing it is worth, and where the work stops.",
        Section::Metrics => "A pilot proves value only against numbers measured before anything changed. Track business outcomes such as time, rework or quality, each with a baseline, a target and an owner; usage alone says little.",
        Section::Ownership => "Initiatives stall when nobody owns the outcome once the pilot ends. Name an executive sponsor, an owner accountable for results rather than delivery, and a business owner who keeps improving the work.",
        Section::Stakeholders => "Map decisions, not job titles: who prepares, who reviews, who can say yes or no, and who is affected. Every decision needs exactly one accountable approver and a way forward when people disagree.",
        Section::Workflow => "Decide step by step what the AI does and what people do. The AI can prepare, check, route, remind and watch; decisions that carry risk or accountability stay with a person.",
        Section::Data => "Data gaps found after the model work are the costliest kind. For each source, record who owns it, how good and reachable it is, whether its use is approved, and whether it looks like real production data.",
        Section::Technology => "The last mile of integration is where well-planned initiatives most often bog down. List the systems you touch, how far each integration has come, and get security reviews started early.",
        Section::Risk => "Governance should match the stakes: light for an internal search tool, rigorous for decisions about someone's credit or care. Answer the questions to see the risk tier and the controls it calls for.",
        Section::Roadmap => "Sequence the work from foundation to scale, each phase with an owner, exit criteria and one gate approver. Data, platform and governance come first because every later use case relies on them.",
        Section::Handoffs => "Approvals and hand-offs are work too, and where initiatives quietly wait. Say where each one shows up, what context travels with it, how fast it should turn around and how it escalates.",
        Section::Change => "Adoption is an outcome to plan, not a soft extra. Train people, explain the purpose and the limits, set adoption milestones with owners, and have leaders use the tool themselves.",
        Section::Feedback => "Planning does not end at launch: AI can degrade quietly as data drifts. Decide what you watch, how often, who acts past which threshold, and how people report a wrong output.",
    }
}

/// The content of one step.
#[component]
pub fn StepContent(
    /// Which step.
    section: Section,
) -> impl IntoView {
    match section {
        Section::Objective => objective::ObjectiveStep().into_any(),
        Section::Metrics => metrics::MetricsStep().into_any(),
        Section::Ownership => ownership::OwnershipStep().into_any(),
        Section::Stakeholders => stakeholders::StakeholdersStep().into_any(),
        Section::Workflow => workflow::WorkflowStepEditor().into_any(),
        Section::Data => data::DataStep().into_any(),
        Section::Technology => technology::TechnologyStep().into_any(),
        Section::Risk => risk::RiskStep().into_any(),
        Section::Roadmap => roadmap::RoadmapStep().into_any(),
        Section::Handoffs => handoffs::HandoffsStep().into_any(),
        Section::Change => change::ChangeStep().into_any(),
        Section::Feedback => feedback::FeedbackStep().into_any(),
    }
}
