//! The plan: every section of the template as plain data.
//!
//! A [`Plan`] holds one AI initiative from objective to feedback loops, in the
//! order of the template. Everything a person might point at from elsewhere
//! (a stakeholder, a phase, a task, a metric…) carries a stable [`Id`], and
//! every cross-reference is by id, never by name or position. Types here are
//! plain data: no behaviour beyond construction, no UI types, no signals.
//!
//! Invariants the types cannot express (ids unique, references resolve,
//! exactly one approver per decision…) are checked by
//! [`validate`](crate::analysis::validate::validate), which reports findings instead of
//! refusing, because a half-written plan is the normal state of work.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::choice;
use crate::date::Date;

mod section;
pub use section::Section;

/// A stable identifier, unique within one plan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Id {
        Id(s.to_string())
    }
}

/// Declares a plain-data struct of the plan with the derives every one needs.
macro_rules! record {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(default)]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
        }
    };
}

record! {
    /// One AI initiative, section by section in template order.
    Plan {
        /// Short name of the initiative.
        title: String,
        /// One or two sentences a busy reader can take in.
        summary: String,
        /// The day the roadmap starts; the schedule counts from it.
        start_date: Option<Date>,
        /// 1. Business objective and process.
        objective: Objective,
        /// 2. Success metrics.
        metrics: Vec<Metric>,
        /// 3. Sponsor and ownership.
        ownership: Ownership,
        /// 4. Stakeholders: everyone who prepares, reviews, decides or is affected.
        stakeholders: Vec<Stakeholder>,
        /// 4. Decisions and who plays which role in each.
        decisions: Vec<Decision>,
        /// 5. The human / AI split, step by step through the workflow.
        workflow: Vec<WorkflowStep>,
        /// 6. Data sources and their readiness.
        data_sources: Vec<DataSource>,
        /// 7. Systems touched and integration points.
        systems: Vec<System>,
        /// 8. Answers to the risk questionnaire.
        risk: RiskAnswers,
        /// 8. Governance controls.
        controls: Vec<Control>,
        /// 9. Roadmap phases, in order.
        phases: Vec<Phase>,
        /// 9. Foundation deliverables the first gate depends on.
        deliverables: Vec<Deliverable>,
        /// 9. Tasks and their dependencies.
        tasks: Vec<Task>,
        /// 10. Approvals and hand-offs.
        handoffs: Vec<Handoff>,
        /// 11. Change management and adoption.
        change: ChangePlan,
        /// 12. Feedback, monitoring and iteration.
        feedback: FeedbackPlan,
    }
}

record! {
    /// Section 1: the business process that hurts, and what changing it is worth.
    Objective {
        /// The existing business process the initiative improves.
        process: String,
        /// What goes wrong today, in business terms.
        problem: String,
        /// The expected business impact if it works.
        impact: String,
        /// What is explicitly in scope.
        in_scope: Vec<String>,
        /// What is explicitly out of scope.
        out_of_scope: Vec<String>,
        /// Limits the plan must respect.
        constraints: Constraints,
        /// How well the first use case fits the traits of a good first use case.
        fit: UseCaseFit,
    }
}

record! {
    /// Limits on time, budget, risk and compliance.
    Constraints {
        /// Deadlines or time limits.
        time: String,
        /// Budget available.
        budget: String,
        /// Risk appetite and limits.
        risk: String,
        /// Compliance obligations.
        compliance: String,
    }
}

record! {
    /// The traits of a good first use case, each ticked when it holds.
    UseCaseFit {
        /// The workflow repeats often enough to matter.
        repeatable: bool,
        /// Its users are known.
        clear_users: bool,
        /// The pain is visible to the people who feel it.
        visible_pain: bool,
        /// The risk is manageable.
        manageable_risk: bool,
        /// The outcome can be measured.
        measurable_outcome: bool,
        /// Inputs and outputs are well defined.
        defined_inputs_outputs: bool,
        /// The data it needs already exists.
        existing_data: bool,
        /// A business owner is invested in it.
        invested_owner: bool,
    }
}

choice! {
    /// What a metric measures.
    MetricKind {
        Outcome = "outcome": "Business outcome",
        Usage = "usage": "Usage or adoption",
        Technical = "technical": "Technical or model quality",
    }
    default Outcome
}

choice! {
    /// Which way is better for a metric.
    Direction {
        Decrease = "decrease": "Lower is better",
        Increase = "increase": "Higher is better",
    }
    default Decrease
}

record! {
    /// Section 2: a success metric with its baseline and target.
    Metric {
        /// Stable id.
        id: Id,
        /// Name of the metric.
        name: String,
        /// The business outcome it stands for.
        outcome: String,
        /// Outcome, usage or technical.
        kind: MetricKind,
        /// Which way is better.
        direction: Direction,
        /// Unit of measure (hours, %, €…).
        unit: String,
        /// Value measured before any optimization.
        baseline: Option<f64>,
        /// When the baseline was measured.
        baseline_date: Option<Date>,
        /// Value that counts as success.
        target: Option<f64>,
        /// How and where it is measured.
        method: String,
        /// Stakeholder who owns the number.
        owner: Option<Id>,
        /// Latest measured value.
        actual: Option<f64>,
    }
}

record! {
    /// Section 3: the people accountable for the initiative.
    Ownership {
        /// Executive sponsor.
        sponsor: Option<Id>,
        /// Owner accountable for outcomes, not just delivery.
        initiative_owner: Option<Id>,
        /// Business owner who keeps improving the workflow after launch.
        business_owner: Option<Id>,
        /// What the owners are accountable for, in their own words.
        accountability: String,
    }
}

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

choice! {
    /// Data quality as assessed.
    Quality {
        Unknown = "unknown": "Not assessed",
        Poor = "poor": "Poor",
        Fair = "fair": "Fair",
        Good = "good": "Good",
    }
    default Unknown
}

choice! {
    /// Whether the data can be reached by the initiative.
    Accessibility {
        Unknown = "unknown": "Not assessed",
        Unavailable = "unavailable": "Not reachable",
        Restricted = "restricted": "Reachable with effort",
        Available = "available": "Reachable",
    }
    default Unknown
}

choice! {
    /// State of the approval to use a data source.
    AccessApproval {
        NotRequested = "not_requested": "Not requested",
        Requested = "requested": "Requested",
        Granted = "granted": "Granted",
        Denied = "denied": "Denied",
    }
    default NotRequested
}

choice! {
    /// Compliance review of a data source.
    Compliance {
        Unknown = "unknown": "Not reviewed",
        UnderReview = "under_review": "Under review",
        Cleared = "cleared": "Cleared",
        Blocked = "blocked": "Blocked",
    }
    default Unknown
}

record! {
    /// Section 6: a data source and how ready it is.
    DataSource {
        /// Stable id.
        id: Id,
        /// Name of the source.
        name: String,
        /// What it holds.
        description: String,
        /// Stakeholder who owns the data.
        owner: Option<Id>,
        /// Assessed quality.
        quality: Quality,
        /// Whether it can be reached.
        accessibility: Accessibility,
        /// Approval to use it.
        access_approval: AccessApproval,
        /// Compliance review.
        compliance: Compliance,
        /// Holds personal data.
        personal_data: bool,
        /// Holds regulated data (health, financial, …).
        regulated_data: bool,
        /// Whether it looks like production data, not a curated sample; `null` when unknown.
        production_representative: Option<bool>,
    }
}

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

choice! {
    /// Practices that may not be deployed at all.
    ProhibitedPractice {
        Manipulation = "manipulation": "Manipulating behaviour in ways that cause harm",
        ExploitingVulnerability = "exploiting_vulnerability": "Exploiting vulnerabilities of age, disability or situation",
        SocialScoring = "social_scoring": "Social scoring of people",
        PredictivePolicing = "predictive_policing": "Predicting crime from profiling alone",
        FacialScraping = "facial_scraping": "Untargeted scraping of face images",
        EmotionAtWorkOrSchool = "emotion_at_work_or_school": "Inferring emotions at work or in education",
        SensitiveBiometricCategorisation = "sensitive_biometric_categorisation": "Inferring sensitive traits from biometrics",
        RealtimeRemoteBiometricId = "realtime_remote_biometric_id": "Real-time remote biometric identification in public for policing",
    }
    default Manipulation
}

choice! {
    /// Areas where AI use is high-risk.
    HighRiskArea {
        Employment = "employment": "Employment and worker management",
        CreditAndServices = "credit_and_services": "Credit and access to essential services",
        Education = "education": "Education and vocational training",
        CriticalInfrastructure = "critical_infrastructure": "Critical infrastructure",
        LawEnforcement = "law_enforcement": "Law enforcement",
        Migration = "migration": "Migration, asylum and border control",
        Justice = "justice": "Justice and democratic processes",
        Biometrics = "biometrics": "Biometric identification or categorisation",
        SafetyComponent = "safety_component": "Safety component of a regulated product",
    }
    default Employment
}

choice! {
    /// How much the system acts on its own.
    Autonomy {
        Advises = "advises": "Suggests; a person does the work",
        HumanApproves = "human_approves": "Acts only after a person approves",
        HumanMonitors = "human_monitors": "Acts; people monitor and can step in",
        FullyAutomatic = "fully_automatic": "Acts on its own",
    }
    default Advises
}

choice! {
    /// The most sensitive kind of personal data involved.
    DataSensitivity {
        NoPersonal = "none": "No personal data",
        Personal = "personal": "Personal data",
        Sensitive = "sensitive": "Sensitive personal data (health, beliefs, biometrics…)",
    }
    default NoPersonal
}

record! {
    /// Section 8: the risk questionnaire. `null` means not answered yet.
    RiskAnswers {
        /// Prohibited practices that apply; an empty list means none apply.
        prohibited: Option<Vec<ProhibitedPractice>>,
        /// High-risk areas the use falls in; an empty list means none.
        high_risk_areas: Option<Vec<HighRiskArea>>,
        /// People interact with the system directly.
        interacts_with_people: Option<bool>,
        /// The system generates text, images, audio or video people will see.
        generates_content: Option<bool>,
        /// Outcomes affect people's rights or access to services.
        affects_rights: Option<bool>,
        /// How much it acts on its own.
        autonomy: Option<Autonomy>,
        /// The most sensitive personal data involved.
        personal_data: Option<DataSensitivity>,
        /// Context for the answers.
        notes: String,
    }
}

choice! {
    /// Areas of governance a control can cover.
    ControlArea {
        DataPrivacy = "data_privacy": "Data handling and privacy",
        AcceptableUse = "acceptable_use": "Acceptable use",
        HumanOversight = "human_oversight": "Human oversight",
        IncidentResponse = "incident_response": "Incident response",
        Transparency = "transparency": "Transparency to people",
        RiskManagement = "risk_management": "Risk management system",
        DataGovernance = "data_governance": "Data governance and bias testing",
        TechnicalDocumentation = "technical_documentation": "Technical documentation",
        Logging = "logging": "Logging and traceability",
        OversightDesign = "oversight_design": "Human oversight design",
        AccuracyRobustness = "accuracy_robustness": "Accuracy and robustness checks",
        PostDeploymentMonitoring = "post_deployment_monitoring": "Post-deployment monitoring",
        ConformityReview = "conformity_review": "Conformity review",
        Other = "other": "Other",
    }
    default Other
}

choice! {
    /// How far a control has come.
    ControlStatus {
        Planned = "planned": "Planned",
        InProgress = "in_progress": "In progress",
        InPlace = "in_place": "In place",
    }
    default Planned
}

record! {
    /// Section 8: a governance control.
    Control {
        /// Stable id.
        id: Id,
        /// The area it covers.
        area: ControlArea,
        /// What the control is.
        name: String,
        /// How far it has come.
        status: ControlStatus,
        /// Stakeholder who owns it.
        owner: Option<Id>,
        /// Where the evidence lives.
        evidence: String,
    }
}

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
    }
}

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

/// Every stakeholder reference in a plan, with the path it sits at.
///
/// Validation uses this to find dangling references and the UI uses it to
/// say where a stakeholder is used before they are removed. Keeping the list
/// in one place means a new owner field is checked everywhere at once.
pub fn stakeholder_refs(plan: &Plan) -> Vec<(String, &Id)> {
    let mut out: Vec<(String, &Id)> = Vec::new();
    fn push<'a>(out: &mut Vec<(String, &'a Id)>, path: String, id: Option<&'a Id>) {
        if let Some(id) = id {
            out.push((path, id));
        }
    }
    macro_rules! add {
        ($path:expr, $id:expr) => {
            push(&mut out, $path, $id)
        };
    }
    let o = &plan.ownership;
    add!("ownership.sponsor".into(), o.sponsor.as_ref());
    add!(
        "ownership.initiative_owner".into(),
        o.initiative_owner.as_ref()
    );
    add!("ownership.business_owner".into(), o.business_owner.as_ref());
    for (i, m) in plan.metrics.iter().enumerate() {
        add!(format!("metrics[{i}].owner"), m.owner.as_ref());
    }
    for (i, d) in plan.decisions.iter().enumerate() {
        for (j, r) in d.roles.iter().enumerate() {
            add!(
                format!("decisions[{i}].roles[{j}].stakeholder"),
                r.stakeholder.as_ref()
            );
        }
    }
    for (i, s) in plan.workflow.iter().enumerate() {
        add!(format!("workflow[{i}].owner"), s.owner.as_ref());
    }
    for (i, s) in plan.data_sources.iter().enumerate() {
        add!(format!("data_sources[{i}].owner"), s.owner.as_ref());
    }
    for (i, s) in plan.systems.iter().enumerate() {
        add!(format!("systems[{i}].owner"), s.owner.as_ref());
    }
    for (i, c) in plan.controls.iter().enumerate() {
        add!(format!("controls[{i}].owner"), c.owner.as_ref());
    }
    for (i, p) in plan.phases.iter().enumerate() {
        add!(format!("phases[{i}].owner"), p.owner.as_ref());
        for (j, a) in p.gate_approvers.iter().enumerate() {
            add!(format!("phases[{i}].gate_approvers[{j}]"), Some(a));
        }
    }
    for (i, d) in plan.deliverables.iter().enumerate() {
        add!(format!("deliverables[{i}].owner"), d.owner.as_ref());
        add!(format!("deliverables[{i}].approver"), d.approver.as_ref());
    }
    for (i, t) in plan.tasks.iter().enumerate() {
        add!(format!("tasks[{i}].owner"), t.owner.as_ref());
    }
    for (i, h) in plan.handoffs.iter().enumerate() {
        add!(format!("handoffs[{i}].from"), h.from.as_ref());
        add!(format!("handoffs[{i}].to"), h.to.as_ref());
        add!(format!("handoffs[{i}].approver"), h.approver.as_ref());
    }
    let c = &plan.change;
    for (i, t) in c.training.iter().enumerate() {
        add!(format!("change.training[{i}].owner"), t.owner.as_ref());
    }
    for (i, t) in c.communications.iter().enumerate() {
        add!(
            format!("change.communications[{i}].owner"),
            t.owner.as_ref()
        );
    }
    for (i, t) in c.milestones.iter().enumerate() {
        add!(format!("change.milestones[{i}].owner"), t.owner.as_ref());
    }
    let f = &plan.feedback;
    for (i, l) in f.loops.iter().enumerate() {
        add!(format!("feedback.loops[{i}].owner"), l.owner.as_ref());
    }
    add!("feedback.support.owner".into(), f.support.owner.as_ref());
    out
}

/// Calls `f` with every id the plan defines, in template order, without
/// allocating (the walk behind [`defined_ids`] and [`new_id`]).
pub fn each_id<'a>(plan: &'a Plan, mut f: impl FnMut(&'static str, usize, &'a Id)) {
    macro_rules! each {
        ($list:expr, $name:literal) => {
            for (i, item) in $list.iter().enumerate() {
                f($name, i, &item.id);
            }
        };
    }
    each!(plan.metrics, "metrics");
    each!(plan.stakeholders, "stakeholders");
    each!(plan.decisions, "decisions");
    each!(plan.workflow, "workflow");
    each!(plan.data_sources, "data_sources");
    each!(plan.systems, "systems");
    each!(plan.controls, "controls");
    each!(plan.phases, "phases");
    for (i, p) in plan.phases.iter().enumerate() {
        for c in &p.exit_criteria {
            // The list index is the phase's; the criterion's own index is
            // recovered by `defined_ids`, which needs the full path.
            f("phases[].exit_criteria", i, &c.id);
        }
    }
    each!(plan.deliverables, "deliverables");
    each!(plan.tasks, "tasks");
    each!(plan.handoffs, "handoffs");
    each!(plan.change.training, "change.training");
    each!(plan.change.communications, "change.communications");
    each!(plan.change.milestones, "change.milestones");
    each!(plan.feedback.loops, "feedback.loops");
    each!(plan.feedback.hotspots, "feedback.hotspots");
}

/// Every id a plan defines, with the path of the `id` field.
pub fn defined_ids(plan: &Plan) -> Vec<(String, &Id)> {
    let mut out: Vec<(String, &Id)> = Vec::new();
    let mut criterion = (usize::MAX, 0);
    each_id(plan, |list, i, id| {
        let path = if list == "phases[].exit_criteria" {
            criterion = if criterion.0 == i {
                (i, criterion.1 + 1)
            } else {
                (i, 0)
            };
            format!("phases[{i}].exit_criteria[{}].id", criterion.1)
        } else {
            format!("{list}[{i}].id")
        };
        out.push((path, id));
    });
    out
}

/// A new id `prefix-N` not yet used anywhere in the plan.
///
/// Ids are made from a counter rather than randomness so that the same
/// edits give the same file, which keeps exports deterministic.
pub fn new_id(plan: &Plan, prefix: &str) -> Id {
    let mut highest = 0u64;
    each_id(plan, |_, _, id| {
        let n =
            id.0.strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix('-'))
                .and_then(|n| n.parse::<u64>().ok());
        if let Some(n) = n {
            highest = highest.max(n);
        }
    });
    Id(format!("{prefix}-{}", highest.saturating_add(1)))
}

impl Plan {
    /// A blank plan with the four default phases and the four foundation
    /// deliverables already in place, ready to be filled in.
    pub fn blank() -> Plan {
        let phase = |n: u32, kind: PhaseKind, goal: &str, weeks: u32| Phase {
            id: Id(format!("phase-{n}")),
            kind,
            name: crate::choice::Choice::label(kind).to_string(),
            goal: goal.to_string(),
            duration_weeks: Some(weeks),
            ..Phase::default()
        };
        let deliverable = |n: u32, kind: DeliverableKind| Deliverable {
            id: Id(format!("deliverable-{n}")),
            kind,
            name: crate::choice::Choice::label(kind).to_string(),
            ..Deliverable::default()
        };
        Plan {
            title: "Untitled AI initiative".to_string(),
            phases: vec![
                phase(
                    1,
                    PhaseKind::Foundation,
                    "Put in place the data, platform, governance and shared context that every later use case relies on.",
                    8,
                ),
                phase(
                    2,
                    PhaseKind::Deployment,
                    "Prove value with two or three high-impact, lower-risk use cases running in real work.",
                    12,
                ),
                phase(
                    3,
                    PhaseKind::Optimization,
                    "Measure outcomes against the baselines and improve where people correct the AI most.",
                    12,
                ),
                phase(
                    4,
                    PhaseKind::Scaling,
                    "Make onboarding new teams and use cases repeatable, on shared knowledge and governance.",
                    16,
                ),
            ],
            deliverables: vec![
                deliverable(1, DeliverableKind::ContextPack),
                deliverable(2, DeliverableKind::DataReadiness),
                deliverable(3, DeliverableKind::GovernanceFramework),
                deliverable(4, DeliverableKind::StakeholderMap),
            ],
            ..Plan::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_plan_has_default_phases_and_deliverables() {
        let plan = Plan::blank();
        let kinds: Vec<PhaseKind> = plan.phases.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                PhaseKind::Foundation,
                PhaseKind::Deployment,
                PhaseKind::Optimization,
                PhaseKind::Scaling
            ]
        );
        assert!(plan
            .phases
            .iter()
            .all(|p| !p.goal.is_empty() && p.duration_weeks.is_some()));
        assert_eq!(plan.deliverables.len(), 4);
    }

    #[test]
    fn new_ids_do_not_collide() {
        let mut plan = Plan::blank();
        assert_eq!(new_id(&plan, "phase"), Id::from("phase-5"));
        assert_eq!(new_id(&plan, "task"), Id::from("task-1"));
        plan.tasks.push(Task {
            id: Id::from("task-41"),
            ..Task::default()
        });
        plan.tasks.push(Task {
            id: Id::from("task-x"),
            ..Task::default()
        });
        assert_eq!(new_id(&plan, "task"), Id::from("task-42"));
        plan.tasks.push(Task {
            id: Id(format!("task-{}", u64::MAX)),
            ..Task::default()
        });
        assert_eq!(new_id(&plan, "task"), Id(format!("task-{}", u64::MAX)));
    }

    #[test]
    fn every_owner_field_is_listed_as_a_reference() {
        let who = Some(Id::from("s"));
        let mut plan = Plan::blank();
        plan.ownership = Ownership {
            sponsor: who.clone(),
            initiative_owner: who.clone(),
            business_owner: who.clone(),
            ..Ownership::default()
        };
        plan.metrics.push(Metric {
            owner: who.clone(),
            ..Metric::default()
        });
        plan.feedback.support.owner = who.clone();
        let refs = stakeholder_refs(&plan);
        let paths: Vec<&str> = refs.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "ownership.sponsor",
                "ownership.initiative_owner",
                "ownership.business_owner",
                "metrics[0].owner",
                "feedback.support.owner"
            ]
        );
    }
}
