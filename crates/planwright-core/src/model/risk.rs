//! Section 8: the risk questionnaire and the governance controls.

use serde::{Deserialize, Serialize};

use crate::choice;

use super::Id;

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
