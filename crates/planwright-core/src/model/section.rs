//! The twelve sections of the plan template, the one place that names them.
//!
//! Every other part of the core and the app refers to a section by this type,
//! never by a bare number or a copied title: its number, URL key, title and
//! heading live here, as does the mapping from a finding's path
//! (`metrics[2].owner`) to the section where it is fixed.

use serde::Serialize;

/// A section of the plan template, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// 1. Business objective and process.
    Objective,
    /// 2. Success metrics.
    Metrics,
    /// 3. Sponsor and ownership.
    Ownership,
    /// 4. Stakeholders and decision roles.
    Stakeholders,
    /// 5. Human / AI split.
    Workflow,
    /// 6. Data readiness and governance.
    Data,
    /// 7. Technology and integration.
    Technology,
    /// 8. Risk tier, ethics and governance.
    Risk,
    /// 9. Roadmap, phases and tasks.
    Roadmap,
    /// 10. Approvals and hand-offs.
    Handoffs,
    /// 11. Change management and adoption.
    Change,
    /// 12. Feedback, monitoring and iteration.
    Feedback,
}

impl Section {
    /// All sections in template order.
    pub const ALL: [Section; 12] = [
        Section::Objective,
        Section::Metrics,
        Section::Ownership,
        Section::Stakeholders,
        Section::Workflow,
        Section::Data,
        Section::Technology,
        Section::Risk,
        Section::Roadmap,
        Section::Handoffs,
        Section::Change,
        Section::Feedback,
    ];

    /// Position in the template, 1 to 12.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The section at a template position (1 to 12).
    pub fn from_number(n: u8) -> Option<Section> {
        Section::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    /// A short stable key (`metrics`), usable in URLs and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Section::Objective => "objective",
            Section::Metrics => "metrics",
            Section::Ownership => "ownership",
            Section::Stakeholders => "stakeholders",
            Section::Workflow => "workflow",
            Section::Data => "data",
            Section::Technology => "technology",
            Section::Risk => "risk",
            Section::Roadmap => "roadmap",
            Section::Handoffs => "handoffs",
            Section::Change => "change",
            Section::Feedback => "feedback",
        }
    }

    /// The section's title.
    pub fn title(self) -> &'static str {
        match self {
            Section::Objective => "Objective and process",
            Section::Metrics => "Success metrics",
            Section::Ownership => "Sponsor and ownership",
            Section::Stakeholders => "Stakeholders and decisions",
            Section::Workflow => "Human / AI split",
            Section::Data => "Data readiness",
            Section::Technology => "Technology and integration",
            Section::Risk => "Risk and governance",
            Section::Roadmap => "Roadmap and phases",
            Section::Handoffs => "Approvals and hand-offs",
            Section::Change => "Change and adoption",
            Section::Feedback => "Feedback and monitoring",
        }
    }

    /// The section's heading in the plan document, longer than its title.
    pub fn heading(self) -> &'static str {
        match self {
            Section::Objective => "Business objective and process",
            Section::Metrics => "Success metrics",
            Section::Ownership => "Sponsor and ownership",
            Section::Stakeholders => "Stakeholders and roles",
            Section::Workflow => "Human and AI split",
            Section::Data => "Data readiness and governance",
            Section::Technology => "Technology and integration",
            Section::Risk => "Risk, ethics and regulation",
            Section::Roadmap => "Roadmap and phases",
            Section::Handoffs => "Approvals and hand-offs",
            Section::Change => "Change management and adoption",
            Section::Feedback => "Feedback, monitoring and iteration",
        }
    }

    /// The numbered heading of the plan document (`2. Success metrics`).
    pub fn numbered_heading(self) -> String {
        format!("{}. {}", self.number(), self.heading())
    }

    /// The section a plan path belongs to (`tasks[3].owner` → roadmap).
    /// Paths outside any section (the title, the summary) belong to the
    /// objective, where they are edited.
    pub fn of_path(path: &str) -> Section {
        let head = path.split(['.', '[']).next().unwrap_or_default();
        match head {
            "metrics" => Section::Metrics,
            "ownership" => Section::Ownership,
            "stakeholders" | "decisions" => Section::Stakeholders,
            "workflow" => Section::Workflow,
            "data_sources" => Section::Data,
            "systems" => Section::Technology,
            "risk" | "controls" => Section::Risk,
            "phases" | "deliverables" | "tasks" => Section::Roadmap,
            "handoffs" => Section::Handoffs,
            "change" => Section::Change,
            "feedback" => Section::Feedback,
            _ => Section::Objective,
        }
    }
}
