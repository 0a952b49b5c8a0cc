//! Section 3: the sponsor and the owners of the initiative.

use serde::{Deserialize, Serialize};

use super::Id;

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
