//! What a check of the plan finds: one outcome type for the readiness
//! criteria and the phase gates.
//!
//! Every check answers the same questions: is it met, what in the plan says
//! so (naming the items), what to do when it is not, which field to open,
//! and who would naturally do the work. An [`Outcome`] holds exactly that,
//! built with the named constructors [`Outcome::met`], [`Outcome::partly`],
//! [`Outcome::unmet`] and [`Outcome::written`], then placed with
//! [`Outcome::at`] and [`Outcome::by`]. The readiness table and the gate
//! tables turn outcomes into their own serialized results, which add what
//! is particular to them (weights and points; the gate's source).

use crate::choice;
use crate::model::Id;

choice! {
    /// How far a criterion is met.
    Status {
        Met = "met": "Met",
        Partly = "partly": "Partly met",
        Unmet = "unmet": "Not met",
    }
    default Unmet
}

/// What one check found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Met, partly met or not met.
    pub status: Status,
    /// One line saying why, naming the items concerned.
    pub evidence: String,
    /// One imperative line saying how to meet it; empty when met.
    pub fix: String,
    /// Plan path of the field concerned (`systems[2].integration`); empty
    /// when the check is about the plan as a whole.
    pub path: String,
    /// The stakeholder who would naturally do the work, when obvious.
    pub owner: Option<Id>,
}

impl Outcome {
    /// Met, for this reason.
    pub fn met(evidence: impl Into<String>) -> Outcome {
        Outcome {
            status: Status::Met,
            evidence: evidence.into(),
            ..Outcome::default()
        }
    }

    /// Partly met: why, and what would complete it.
    pub fn partly(evidence: impl Into<String>, fix: impl Into<String>) -> Outcome {
        Outcome {
            status: Status::Partly,
            evidence: evidence.into(),
            fix: fix.into(),
            ..Outcome::default()
        }
    }

    /// Not met: why, and what would meet it.
    pub fn unmet(evidence: impl Into<String>, fix: impl Into<String>) -> Outcome {
        Outcome {
            status: Status::Unmet,
            evidence: evidence.into(),
            fix: fix.into(),
            ..Outcome::default()
        }
    }

    /// Met when `met` holds, with the evidence for either case; the fix only
    /// counts when it is not.
    pub fn judged(met: bool, evidence: impl Into<String>, fix: impl Into<String>) -> Outcome {
        if met {
            Outcome::met(evidence)
        } else {
            Outcome::unmet(evidence, fix)
        }
    }

    /// A check met once a piece of text is written: what is said when it is,
    /// and when it is not, what is missing and how to put it right.
    ///
    /// ```
    /// use planwright_core::analysis::eval::{Outcome, Status};
    /// let o = Outcome::written("  ", "Stated.", "Nothing is said.", "Say it.");
    /// assert_eq!((o.status, o.fix.as_str()), (Status::Unmet, "Say it."));
    /// assert!(Outcome::written("Yes", "Stated.", "", "").is_met());
    /// ```
    pub fn written(text: &str, present: &str, missing: &str, fix: &str) -> Outcome {
        Outcome::judged(
            !text.trim().is_empty(),
            if text.trim().is_empty() {
                missing
            } else {
                present
            },
            fix,
        )
    }

    /// The field to open to act on it.
    pub fn at(mut self, path: impl Into<String>) -> Outcome {
        self.path = path.into();
        self
    }

    /// Who would naturally do the work.
    pub fn by(mut self, owner: Option<&Id>) -> Outcome {
        self.owner = owner.cloned();
        self
    }

    /// True when fully met.
    pub fn is_met(&self) -> bool {
        self.status == Status::Met
    }
}

/// Met when nothing is wrong, not met when everything is, partly otherwise.
pub fn grade(total: usize, bad: usize) -> Status {
    if bad == 0 {
        Status::Met
    } else if bad < total {
        Status::Partly
    } else {
        Status::Unmet
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructors_say_what_they_build() {
        let owner = Id::from("s-1");
        let o = Outcome::unmet("No owner.", "Name one.")
            .at("metrics[0].owner")
            .by(Some(&owner));
        assert_eq!(o.status, Status::Unmet);
        assert_eq!(o.path, "metrics[0].owner");
        assert_eq!(o.owner, Some(owner));
        let met = Outcome::judged(true, "Owned.", "Name one.");
        assert!(met.is_met() && met.fix.is_empty());
        assert_eq!(Outcome::partly("Half.", "Finish.").status, Status::Partly);
        assert_eq!(grade(3, 0), Status::Met);
        assert_eq!(grade(3, 1), Status::Partly);
        assert_eq!(grade(3, 3), Status::Unmet);
        assert_eq!(grade(0, 0), Status::Met);
    }
}
