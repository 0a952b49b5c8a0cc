//! The portfolio as plain data: which plans it holds, what each is worth,
//! the ranking weights, the capacity and the person's "same as" decisions.
//!
//! Like [`crate::model`], these types carry no behaviour and every field has
//! a default, so a half-written portfolio file still reads. The expected
//! value of an initiative lives here, not in its plan: it is a judgement
//! made when initiatives are compared, and the plan file format stays as
//! it is.

use serde::{Deserialize, Serialize};

use crate::choice;
use crate::date::Date;
use crate::model::Id;

/// Declares a plain-data struct of the portfolio with the derives every one
/// needs (the pattern of `model`'s `record!`); `custom_default` leaves
/// `Default` to a hand-written impl.
macro_rules! record {
    (@ $derives:tt $(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive $derives]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(default)]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
        }
    };
    (custom_default $($rest:tt)*) => {
        record! { @ (Debug, Clone, PartialEq, Serialize, Deserialize) $($rest)* }
    };
    ($($rest:tt)*) => {
        record! { @ (Debug, Clone, PartialEq, Default, Serialize, Deserialize) $($rest)* }
    };
}

/// Initiatives in deployment at once when the person has not said.
pub const DEFAULT_CAPACITY: u32 = 3;

/// The highest weight a ranking part can have.
pub const MAX_WEIGHT: u32 = 5;

record! {
    custom_default
    /// A named selection of plans compared and sequenced together.
    Portfolio {
        /// Name of the portfolio.
        name: String,
        /// How many initiatives can be in deployment at once; the roadmap
        /// holds the next ones back until one finishes. 0 counts as 1.
        capacity: u32,
        /// How much each part of the score counts.
        weights: Weights,
        /// The day the portfolio roadmap starts; `None`: the earliest start
        /// date among the member plans.
        start_date: Option<Date>,
        /// The initiatives, in the order the person added them.
        members: Vec<Member>,
        /// Explicit "same as" and "not the same" decisions between items of
        /// two plans.
        links: Vec<Link>,
    }
}

impl Default for Portfolio {
    fn default() -> Portfolio {
        Portfolio {
            name: String::new(),
            capacity: DEFAULT_CAPACITY,
            weights: Weights::default(),
            start_date: None,
            members: Vec::new(),
            links: Vec::new(),
        }
    }
}

record! {
    custom_default
    /// How much each part counts in the ranking score, each 0 (left out) to
    /// 5.
    ///
    /// The defaults (value 3, readiness 2, risk 2, effort 1) follow the
    /// practice's advice for a first use case: the value is why an
    /// initiative exists, so it counts most; readiness and lower risk come
    /// next, because a high-impact, lower-risk use case that can start now
    /// proves value sooner than a bigger one stuck on its foundations;
    /// effort counts least, as schedule length is the roughest estimate of
    /// the four and a long plan is often a thorough one.
    Weights {
        /// Weight of the expected value.
        value: u32,
        /// Weight of the readiness score.
        readiness: u32,
        /// Weight of the risk tier (lower risk scores higher).
        risk: u32,
        /// Weight of the effort (a shorter schedule scores higher).
        effort: u32,
    }
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            value: 3,
            readiness: 2,
            risk: 2,
            effort: 1,
        }
    }
}

record! {
    /// One initiative of the portfolio: which plan, and what it is worth.
    Member {
        /// The plan: its library id in the app, its key inside a portfolio
        /// file.
        key: String,
        /// What the initiative is expected to bring.
        value: ExpectedValue,
    }
}

record! {
    /// The expected value of an initiative: a yearly figure with its unit
    /// when one is known, else a rating from 1 (little) to 5 (a lot).
    ExpectedValue {
        /// Expected benefit per year, in `unit`.
        annual: Option<f64>,
        /// Unit of `annual`, such as `EUR` or `hours`.
        unit: String,
        /// 1–5 when no figure is known.
        rating: Option<u32>,
    }
}

choice! {
    /// The kinds of item that several plans can share.
    SharedKind {
        DataSource = "data_source": "Data source",
        System = "system": "System",
        Control = "control": "Governance control",
        Deliverable = "deliverable": "Foundation deliverable",
    }
    default DataSource
}

record! {
    /// An item of one member's plan.
    ItemRef {
        /// The member's key.
        member: String,
        /// The item's id in that plan.
        item: Id,
    }
}

record! {
    /// The person's decision that two items of two plans are (or are not)
    /// the same thing.
    Link {
        /// What kind of item both are.
        kind: SharedKind,
        /// One item.
        a: ItemRef,
        /// The other item.
        b: ItemRef,
        /// True: the same, whatever their names. False: not the same, even
        /// when their names match.
        same: bool,
    }
}
