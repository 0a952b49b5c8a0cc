//! Section 1: the business objective, the process and the scope.

use serde::{Deserialize, Serialize};

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
