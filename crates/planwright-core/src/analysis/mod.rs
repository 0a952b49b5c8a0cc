//! The whole analysis of a plan, computed once.
//!
//! Contract: [`analyze`] runs every analysis in dependency order, each once:
//! the risk tier first, then readiness and gates (which read it), the
//! schedule, and finally the suggestions (which read readiness and gates).
//! It is a pure function of the plan, never panics, and costs about
//! linear time in the size of the plan, so the UI can rerun it on every
//! edit. A dependency loop does not stop the rest: `schedule` carries the
//! [`CycleError`] and everything else is still computed.

pub mod baseline;
pub mod eval;
pub mod gates;
pub mod progress;
pub mod readiness;
pub mod risk;
pub mod schedule;
pub mod suggest;
pub mod trend;
pub mod validate;

use serde::Serialize;

use crate::analysis::gates::{gates, Gates};
use crate::analysis::readiness::{readiness, Readiness};
use crate::analysis::risk::{assess, RiskAssessment};
use crate::analysis::schedule::{
    forecast, schedule_graph, CycleError, Forecast, Schedule, TaskGraph,
};
use crate::analysis::suggest::{suggestions_in, Suggestion};
use crate::date::Date;
use crate::model::Plan;

/// Everything the analysis says about a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// How ready the plan is, and what to fix first.
    pub readiness: Readiness,
    /// The risk tier and the controls it calls for.
    pub risk: RiskAssessment,
    /// Each phase's gate.
    pub gates: Gates,
    /// Task order, timings and critical path, or the dependency loops.
    pub schedule: Result<Schedule, CycleError>,
    /// Tasks worth adding, most pressing first.
    pub suggestions: Vec<Suggestion>,
    /// The schedule redone from actuals as of the plan's as-of day (or the
    /// day given to [`analyze_on`]); `None` without a start date, a day, or
    /// a schedule.
    pub forecast: Option<Forecast>,
}

/// Analyses a plan.
///
/// ```
/// use planwright_core::analysis::analyze;
/// use planwright_core::model::Plan;
/// use planwright_core::analysis::readiness::Band;
///
/// let a = analyze(&Plan::blank());
/// assert_eq!(a.readiness.band, Band::NotReady);
/// assert!(a.risk.provisional);
/// assert!(a.schedule.is_ok());
/// assert!(!a.suggestions.is_empty());
/// ```
pub fn analyze(plan: &Plan) -> Analysis {
    analyze_on(plan, None)
}

/// Analyses a plan as of a day: the plan's own as-of day when it has one,
/// else `today` (the caller's clock; the core has none). The forecast needs
/// one of them and a start date.
pub fn analyze_on(plan: &Plan, today: Option<Date>) -> Analysis {
    let risk = assess(plan);
    let readiness = readiness(plan, &risk);
    let gates = gates(plan, &risk);
    // The tasks are read once for both the suggestions and the schedule.
    let graph = TaskGraph::new(plan);
    let suggestions = suggestions_in(plan, &readiness, &gates, &graph);
    let schedule = schedule_graph(plan, graph);
    let forecast = match (&schedule, plan.as_of.or(today)) {
        (Ok(s), Some(day)) => forecast(plan, s, day),
        _ => None,
    };
    Analysis {
        readiness,
        risk,
        gates,
        schedule,
        suggestions,
        forecast,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Task};
    use crate::testing::rich;

    #[test]
    fn blank_plan_analysis() {
        let a = analyze(&Plan::blank());
        assert!(a.readiness.overall < 40);
        assert_eq!(a.risk.tier, crate::analysis::risk::Tier::Minimal);
        assert!(a.risk.provisional);
        assert_eq!(a.gates.current_index, Some(0));
        assert_eq!(a.schedule.as_ref().map(|s| s.order.len()), Ok(0));
        let json = serde_json::to_value(&a).expect("the analysis serializes");
        assert_eq!(json["readiness"]["band"], "not_ready");
        assert_eq!(json["schedule"]["Ok"]["total_days"], 0);
    }

    #[test]
    fn rich_plan_analysis() {
        let a = analyze(&rich());
        assert_eq!(
            a.readiness.band,
            crate::analysis::readiness::Band::ReadyToScale
        );
        assert_eq!(a.risk.tier, crate::analysis::risk::Tier::Limited);
        assert_eq!(a.gates.current_phase, Some(Id::from("phase-3")));
        let s = a.schedule.as_ref().expect("the rich plan has no loop");
        // t-1 5d → t-2 10d → t-4 15d → t-5 5d → t-6 0d → t-7 20d → t-9 15d.
        assert_eq!(s.total_days, 70);
        let path: Vec<&str> = s.critical_path.iter().map(Id::as_str).collect();
        assert_eq!(path, ["t-1", "t-2", "t-4", "t-5", "t-6", "t-7", "t-9"]);
        assert_eq!(a.suggestions.len(), 1);
    }

    #[test]
    fn a_loop_does_not_stop_the_rest() {
        let mut plan = rich();
        plan.tasks[0].depends_on.push(Id::from("t-9"));
        plan.tasks.push(Task {
            id: Id::from("self"),
            depends_on: vec![Id::from("self")],
            ..Task::default()
        });
        let a = analyze(&plan);
        let err = a.schedule.as_ref().expect_err("t-1 now waits for t-9");
        let sizes: Vec<usize> = err.cycles.iter().map(Vec::len).collect();
        assert_eq!(
            sizes,
            [8, 1],
            "t-3 is not on the loop; the self-loop is its own"
        );
        assert_eq!(a.readiness.overall, 100);
        assert_eq!(a.suggestions.len(), 1);
    }
}
