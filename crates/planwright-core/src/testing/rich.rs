//! The rich plan: one hand-made plan that is complete on every section.

use crate::date::Date;
use crate::model::*;

fn id(s: &str) -> Id {
    Id::from(s)
}

fn who(s: &str) -> Option<Id> {
    Some(Id::from(s))
}

fn date(s: &str) -> Option<Date> {
    s.parse().ok()
}

fn person(i: &str, name: &str, role: &str, function: Function, affected: bool) -> Stakeholder {
    Stakeholder {
        id: id(i),
        name: name.into(),
        role: role.into(),
        function,
        affected,
        notes: String::new(),
    }
}

fn role(s: &str, role: DecisionRole) -> RoleAssignment {
    RoleAssignment {
        stakeholder: who(s),
        role,
    }
}

fn rich_task(i: &str, title: &str, phase: &str, owner: &str, days: u32, deps: &[&str]) -> Task {
    Task {
        id: id(i),
        title: title.into(),
        phase: who(phase),
        owner: who(owner),
        duration_days: Some(days),
        depends_on: deps.iter().map(|d| id(d)).collect(),
        status: TaskStatus::Todo,
        notes: String::new(),
        ..Task::default()
    }
}

fn control(i: &str, area: ControlArea, name: &str, owner: &str) -> Control {
    Control {
        id: id(i),
        area,
        name: name.into(),
        status: ControlStatus::InPlace,
        owner: who(owner),
        evidence: "Policy wiki".into(),
    }
}

/// The rich plan: an email support assistant that drafts replies.
///
/// It is ready on every readiness criterion, passes the first three gates
/// and is in its optimization phase (`phase-3`); its tasks run
/// t-1 5d → t-2 10d → t-4 15d → t-5 5d → t-6 0d → t-7 20d → t-9 15d, 70
/// working days from 12 January 2026. Tests take it and break one thing at a
/// time.
///
/// ```
/// use planwright_core::analysis::{analyze, readiness::Band};
///
/// let a = analyze(&planwright_core::testing::rich());
/// assert_eq!(a.readiness.band, Band::ReadyToScale);
/// ```
pub fn rich() -> Plan {
    let mut plan = Plan::blank();
    plan.title = "Support reply assistant".into();
    plan.summary =
        "Draft replies for support agents from past tickets and the knowledge base.".into();
    plan.start_date = date("2026-01-12");
    plan.objective = Objective {
        process: "Answering customer support tickets that arrive by email".into(),
        problem: "Agents spend most of each ticket searching past tickets and the knowledge base, so first replies take a day.".into(),
        impact: "Customers get a correct first reply within hours, and agents handle more tickets without overtime.".into(),
        in_scope: vec!["Email tickets in English".into()],
        out_of_scope: vec!["Phone and chat".into(), "Sending replies without an agent's review".into()],
        constraints: Constraints {
            time: "Pilot live before the summer peak".into(),
            budget: "Within this year's support tooling budget".into(),
            risk: "No reply leaves without an agent's approval".into(),
            compliance: "Customer data stays in the EU".into(),
        },
        fit: UseCaseFit {
            repeatable: true,
            clear_users: true,
            visible_pain: true,
            manageable_risk: true,
            measurable_outcome: true,
            defined_inputs_outputs: true,
            existing_data: true,
            invested_owner: true,
        },
    };
    plan.stakeholders = vec![
        person(
            "s-cco",
            "Dana Whitfield",
            "Chief Customer Officer",
            Function::Executive,
            false,
        ),
        person(
            "s-ops",
            "Marco Ruiz",
            "Head of Support Operations",
            Function::Operations,
            false,
        ),
        person(
            "s-biz",
            "Lena Park",
            "Support Team Lead",
            Function::Business,
            true,
        ),
        person(
            "s-tech",
            "Ade Okafor",
            "Platform Engineering Lead",
            Function::Technology,
            false,
        ),
        person(
            "s-risk",
            "Priya Nair",
            "Risk and Compliance Manager",
            Function::Risk,
            false,
        ),
        person("s-data", "Tom Berg", "Data Steward", Function::Data, false),
        person(
            "s-agents",
            "Support agents",
            "Frontline agents",
            Function::Operations,
            true,
        ),
        person(
            "s-vendor",
            "Acme Models",
            "Model vendor",
            Function::External,
            false,
        ),
    ];
    plan.metrics = vec![
        Metric {
            id: id("m-1"),
            name: "First reply time".into(),
            outcome: "Customers get answers sooner".into(),
            kind: MetricKind::Outcome,
            direction: Direction::Decrease,
            unit: "hours".into(),
            baseline: Some(20.0),
            baseline_date: date("2026-01-05"),
            target: Some(4.0),
            method: "Median from the helpdesk's weekly report".into(),
            owner: who("s-ops"),
            actual: Some(3.5),
            ..Metric::default()
        },
        Metric {
            id: id("m-2"),
            name: "Reopened tickets".into(),
            outcome: "Fewer wrong answers".into(),
            kind: MetricKind::Outcome,
            direction: Direction::Decrease,
            unit: "%".into(),
            baseline: Some(12.0),
            baseline_date: date("2026-01-05"),
            target: Some(8.0),
            method: "Share of tickets reopened within 7 days".into(),
            owner: who("s-biz"),
            actual: Some(10.0),
            ..Metric::default()
        },
    ];
    plan.ownership = Ownership {
        sponsor: who("s-cco"),
        initiative_owner: who("s-ops"),
        business_owner: who("s-biz"),
        accountability:
            "Marco answers for first reply time and reopen rate, not only for the launch.".into(),
    };
    plan.decisions = vec![
        Decision {
            id: id("d-1"),
            title: "Go live for all email tickets".into(),
            roles: vec![
                role("s-ops", DecisionRole::Prepares),
                role("s-risk", DecisionRole::Reviews),
                role("s-cco", DecisionRole::Approves),
                role("s-biz", DecisionRole::CanBlock),
            ],
            on_disagreement: "The steering group, chaired by the sponsor, decides within a week."
                .into(),
        },
        Decision {
            id: id("d-2"),
            title: "Change the reply templates".into(),
            roles: vec![
                role("s-biz", DecisionRole::Prepares),
                role("s-risk", DecisionRole::Reviews),
                role("s-ops", DecisionRole::Approves),
                role("s-agents", DecisionRole::Informed),
            ],
            on_disagreement: "Escalate to the head of support operations.".into(),
        },
    ];
    plan.workflow = vec![
        WorkflowStep {
            id: id("w-1"),
            name: "Classify the incoming ticket".into(),
            ai_role: AiRole::Routes,
            human_role: HumanRole::HandlesExceptions,
            owner: who("s-biz"),
            carries_risk: false,
            notes: String::new(),
        },
        WorkflowStep {
            id: id("w-2"),
            name: "Draft the reply".into(),
            ai_role: AiRole::Prepares,
            human_role: HumanRole::Reviews,
            owner: who("s-biz"),
            carries_risk: false,
            notes: String::new(),
        },
        WorkflowStep {
            id: id("w-3"),
            name: "Send the reply".into(),
            ai_role: AiRole::None,
            human_role: HumanRole::Approves,
            owner: who("s-biz"),
            carries_risk: true,
            notes: String::new(),
        },
    ];
    plan.data_sources = vec![
        DataSource {
            id: id("ds-1"),
            name: "Ticket history".into(),
            description: "Two years of resolved tickets".into(),
            owner: who("s-data"),
            quality: Quality::Good,
            accessibility: Accessibility::Available,
            access_approval: AccessApproval::Granted,
            compliance: Compliance::Cleared,
            personal_data: true,
            regulated_data: false,
            production_representative: Some(true),
        },
        DataSource {
            id: id("ds-2"),
            name: "Knowledge base".into(),
            description: "Help articles".into(),
            owner: who("s-data"),
            quality: Quality::Fair,
            accessibility: Accessibility::Available,
            access_approval: AccessApproval::NotRequested,
            compliance: Compliance::Unknown,
            personal_data: false,
            regulated_data: false,
            production_representative: Some(true),
        },
    ];
    plan.systems = vec![
        System {
            id: id("sys-1"),
            name: "Helpdesk".into(),
            role: SystemRole::SystemOfRecord,
            owner: who("s-tech"),
            integration: IntegrationStatus::Done,
            security_review: ReviewStatus::Passed,
            limits: "API allows 100 requests a minute".into(),
        },
        System {
            id: id("sys-2"),
            name: "Model gateway".into(),
            role: SystemRole::AiPlatform,
            owner: who("s-tech"),
            integration: IntegrationStatus::Done,
            security_review: ReviewStatus::Passed,
            limits: "EU region only".into(),
        },
    ];
    plan.risk = RiskAnswers {
        prohibited: Some(vec![]),
        high_risk_areas: Some(vec![]),
        interacts_with_people: Some(false),
        generates_content: Some(true),
        affects_rights: Some(false),
        autonomy: Some(Autonomy::HumanApproves),
        personal_data: Some(DataSensitivity::Personal),
        notes: "Agents read every draft before it is sent.".into(),
    };
    plan.controls = vec![
        control(
            "c-1",
            ControlArea::DataPrivacy,
            "Ticket data handling rules",
            "s-risk",
        ),
        control(
            "c-2",
            ControlArea::AcceptableUse,
            "Assistant use policy",
            "s-risk",
        ),
        control(
            "c-3",
            ControlArea::HumanOversight,
            "Agent approves every reply",
            "s-ops",
        ),
        control(
            "c-4",
            ControlArea::IncidentResponse,
            "Wrong-reply incident runbook",
            "s-tech",
        ),
        control(
            "c-5",
            ControlArea::Transparency,
            "Replies say they were drafted with AI",
            "s-biz",
        ),
    ];
    let owners = ["s-ops", "s-ops", "s-biz", "s-ops"];
    let approvers = ["s-cco", "s-cco", "s-ops", "s-cco"];
    let statuses = [
        PhaseStatus::GatePassed,
        PhaseStatus::GatePassed,
        PhaseStatus::InProgress,
        PhaseStatus::NotStarted,
    ];
    for (i, p) in plan.phases.iter_mut().enumerate() {
        p.owner = who(owners[i]);
        p.gate_approvers = vec![id(approvers[i])];
        p.status = statuses[i];
        p.inputs = "The previous phase's outputs".into();
    }
    plan.phases[3].exit_criteria = vec![Criterion {
        id: id("x-1"),
        text: "Two more teams onboarded".into(),
        met: false,
    }];
    for d in &mut plan.deliverables {
        d.status = DeliverableStatus::Approved;
        d.owner = who("s-ops");
        d.approver = who("s-cco");
    }
    plan.tasks = vec![
        rich_task("t-1", "Map the ticket workflow", "phase-1", "s-biz", 5, &[]),
        rich_task(
            "t-2",
            "Assess ticket data quality",
            "phase-1",
            "s-data",
            10,
            &["t-1"],
        ),
        rich_task(
            "t-3",
            "Write the governance framework",
            "phase-1",
            "s-risk",
            10,
            &[],
        ),
        rich_task(
            "t-4",
            "Integrate the helpdesk",
            "phase-2",
            "s-tech",
            15,
            &["t-2", "t-3"],
        ),
        rich_task(
            "t-5",
            "Train the pilot agents",
            "phase-2",
            "s-ops",
            5,
            &["t-4"],
        ),
        rich_task("t-6", "Pilot go-live", "phase-2", "s-ops", 0, &["t-5"]),
        rich_task(
            "t-7",
            "Measure against the baselines",
            "phase-3",
            "s-biz",
            20,
            &["t-6"],
        ),
        rich_task(
            "t-8",
            "Diagnose correction hotspots",
            "phase-3",
            "s-biz",
            10,
            &["t-6"],
        ),
        rich_task(
            "t-9",
            "Onboard the second team",
            "phase-4",
            "s-ops",
            15,
            &["t-7", "t-8"],
        ),
    ];
    plan.handoffs = vec![Handoff {
        id: id("h-1"),
        name: "Draft to agent review".into(),
        from: who("s-tech"),
        to: who("s-agents"),
        approver: who("s-biz"),
        channel: "Helpdesk review queue".into(),
        context: "The draft and the sources it used".into(),
        turnaround_days: Some(1),
        escalation: "The team lead picks up drafts waiting more than a day.".into(),
    }];
    plan.change = ChangePlan {
        training: vec![Training {
            id: id("tr-1"),
            audience: "Pilot agents".into(),
            topic: "Reviewing and correcting AI drafts".into(),
            owner: who("s-biz"),
            status: WorkStatus::Done,
        }],
        communications: vec![Communication {
            id: id("co-1"),
            audience: "All support staff".into(),
            message: "What the assistant does, and that it never sends a reply on its own.".into(),
            channel: "Town hall".into(),
            timing: "Before the pilot".into(),
            owner: who("s-ops"),
        }],
        milestones: vec![AdoptionMilestone {
            id: id("ms-1"),
            name: "Most pilot agents use drafts daily".into(),
            measure: "Helpdesk usage report".into(),
            due: date("2026-05-01"),
            owner: who("s-biz"),
            status: WorkStatus::InProgress,
        }],
        leadership: "The sponsor answers a ticket with the assistant at each monthly town hall."
            .into(),
        literacy: "A one-hour AI basics session for every agent, repeated each quarter.".into(),
    };
    plan.feedback = FeedbackPlan {
        loops: vec![FeedbackLoop {
            id: id("fl-1"),
            signal: "Share of drafts sent without edits".into(),
            cadence: Cadence::Weekly,
            owner: who("s-biz"),
            threshold: "Below half for two weeks running".into(),
            action: "Review prompts and fill knowledge gaps".into(),
        }],
        flagging: "A 'wrong draft' button in the helpdesk".into(),
        support: SupportPath {
            description: "Ask in the support-AI channel; the platform team answers within a day."
                .into(),
            owner: who("s-tech"),
        },
        model_review:
            "Monthly sample review of drafts and prompts by the platform lead and a team lead"
                .into(),
        hotspots: vec![Hotspot {
            id: id("hs-1"),
            area: "Refund questions".into(),
            cause: HotspotCause::ContextGap,
            notes: "The refund policy page is out of date.".into(),
        }],
    };
    plan
}
