//! The revision history of a plan: earlier saved versions, kept by autosave
//! and bounded by count and size.
//!
//! Rule: when autosave writes a plan and the newest kept revision is older
//! than [`GAP_MS`] (or there is none), the version the write replaces is
//! kept as a revision. Edits in a burst are one revision, not one per
//! keystroke, and the history is written at most once per gap. The
//! history keeps at most [`MAX_REVISIONS`] revisions and [`MAX_BYTES`]
//! bytes, dropping the oldest first; the plan itself is stored apart and
//! written first, so nothing current is ever lost to make room for history.
//!
//! Plain functions on plain data, built for every target, so
//! `cargo test -p planwright-web --lib` tests them natively.

use planwright_core::diff::PlanDiff;
use serde::{Deserialize, Serialize};

/// At most this many earlier versions are kept per plan.
pub const MAX_REVISIONS: usize = 30;
/// And at most this many bytes of them (counted as their plan text).
pub const MAX_BYTES: usize = 2_000_000;
/// Edits closer together than this (two minutes) make one revision.
pub const GAP_MS: f64 = 120_000.0;

/// One earlier version of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    /// When it was saved, in milliseconds since 1970.
    pub saved: f64,
    /// The plan file as it was.
    pub plan: String,
}

/// Keeps `previous` (saved at `previous_saved`) as a revision when a write
/// at `now` replaces it, if the newest revision is old enough. Returns
/// whether the history changed (and so needs writing).
pub fn record(history: &mut Vec<Revision>, previous: &str, previous_saved: f64, now: f64) -> bool {
    if previous.is_empty() {
        return false;
    }
    if let Some(last) = history.last() {
        if now - last.saved < GAP_MS || last.plan == previous {
            return false;
        }
    }
    history.push(Revision {
        saved: previous_saved,
        plan: previous.to_string(),
    });
    trim(history, MAX_REVISIONS, MAX_BYTES);
    true
}

/// Drops the oldest revisions until at most `count` and `bytes` remain;
/// the newest is kept whatever its size.
pub fn trim(history: &mut Vec<Revision>, count: usize, bytes: usize) {
    let mut size: usize = history.iter().map(|r| r.plan.len()).sum();
    let mut drop = 0;
    while history.len() - drop > 1 && (history.len() - drop > count || size > bytes) {
        size -= history[drop].plan.len();
        drop += 1;
    }
    history.drain(..drop);
}

/// Total size of the kept revisions, in bytes of plan text.
pub fn size(history: &[Revision]) -> usize {
    history.iter().map(|r| r.plan.len()).sum()
}

/// What changed, in one line: the number of changes and where.
pub fn summary(changes: &PlanDiff) -> String {
    match changes.len() {
        0 => "No change".to_string(),
        1 => {
            let c = changes.sections.iter().flat_map(|s| &s.changes).next();
            match c {
                Some(c) => format!("1 change: {}", c.label),
                None => "1 change".to_string(),
            }
        }
        n => {
            let places: Vec<String> = changes
                .sections
                .iter()
                .take(3)
                .map(|s| format!("{} ({})", s.title, s.changes.len()))
                .collect();
            let more = if changes.sections.len() > 3 {
                format!(" and {} more sections", changes.sections.len() - 3)
            } else {
                String::new()
            };
            format!("{n} changes: {}{more}", places.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use planwright_core::diff::diff;
    use planwright_core::Plan;

    fn rev(saved: f64, plan: &str) -> Revision {
        Revision {
            saved,
            plan: plan.to_string(),
        }
    }

    #[test]
    fn a_burst_of_edits_is_one_revision() {
        let mut h = Vec::new();
        assert!(!record(&mut h, "", 0.0, 10.0), "nothing was stored before");
        assert!(record(&mut h, "v1", 0.0, 1_000.0));
        assert!(
            !record(&mut h, "v2", 1_000.0, 2_000.0),
            "within two minutes"
        );
        assert!(record(&mut h, "v3", 100_000.0, 1_000.0 + GAP_MS));
        assert!(
            !record(&mut h, "v3", 200_000.0, 1_000.0 + 3.0 * GAP_MS),
            "the same text again"
        );
        assert_eq!(h, vec![rev(0.0, "v1"), rev(100_000.0, "v3")]);
    }

    #[test]
    fn the_oldest_go_first_and_the_newest_always_stays() {
        let mut h: Vec<Revision> = (0..40)
            .map(|k| rev(k as f64, &format!("plan {k:02}")))
            .collect();
        trim(&mut h, MAX_REVISIONS, MAX_BYTES);
        assert_eq!(h.len(), MAX_REVISIONS);
        assert_eq!(h[0].plan, "plan 10");
        trim(&mut h, 100, 20);
        assert_eq!(
            h.iter().map(|r| r.plan.as_str()).collect::<Vec<_>>(),
            ["plan 38", "plan 39"]
        );
        trim(&mut h, 100, 1);
        assert_eq!(
            h,
            vec![rev(39.0, "plan 39")],
            "one revision larger than the budget is kept"
        );
        trim(&mut Vec::new(), 0, 0);
    }

    #[test]
    fn summaries_say_how_much_changed_and_where() {
        let old = Plan::blank();
        assert_eq!(summary(&diff(&old, &old)), "No change");
        let mut new = old.clone();
        new.title = "Claims triage".into();
        assert_eq!(summary(&diff(&old, &new)), "1 change: Title");
        new.phases[0].duration_weeks = Some(3);
        new.phases[1].duration_weeks = Some(3);
        let s = summary(&diff(&old, &new));
        assert!(s.starts_with("3 changes: "), "{s}");
        assert!(s.contains("Phases (2)"), "{s}");
    }
}
