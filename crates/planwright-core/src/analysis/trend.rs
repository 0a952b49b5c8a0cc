//! How a success metric moves from its baseline toward its target.
//!
//! Contract: [`metric_trend`] reads a metric's baseline, its dated
//! readings (`history`) and its latest actual, and says how far along the
//! way from baseline to target the latest reading is, and whether the last
//! two readings moved the right way. Readings without a value are skipped;
//! readings are ordered by date (undated ones after the dated, in list
//! order), the latest actual last. Never panics; non-finite numbers are
//! skipped.

use serde::Serialize;

use crate::choice;
use crate::choice::Choice;
use crate::date::Date;
use crate::model::{Direction, Metric};

choice! {
    /// Which way the latest readings moved.
    Heading {
        Better = "better": "Moving toward the target",
        Worse = "worse": "Moving away from the target",
        Flat = "flat": "No change",
        Unknown = "unknown": "Not enough readings",
    }
    default Unknown
}

/// One point of a metric's line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// When it was read, if known.
    pub date: Option<Date>,
    /// The value.
    pub value: f64,
}

/// A metric's way from baseline to target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    /// The baseline first (when set), then the readings in order.
    pub points: Vec<Point>,
    /// The latest reading, if any.
    pub latest: Option<Point>,
    /// Share of the way from baseline to target the latest reading has come,
    /// in percent (negative when it went the wrong way, above 100 past the
    /// target); `None` without a baseline, a target and a reading, or when
    /// the baseline equals the target.
    pub progress: Option<f64>,
    /// Which way the last two points moved.
    pub heading: Heading,
    /// One line for people.
    pub summary: String,
}

fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

/// The trend of one metric.
pub fn metric_trend(m: &Metric) -> Trend {
    let mut readings: Vec<(usize, Point)> = m
        .history
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            Some((
                i,
                Point {
                    date: r.date,
                    value: finite(r.value)?,
                },
            ))
        })
        .collect();
    readings.sort_by_key(|(i, p)| (p.date.is_none(), p.date, *i));
    let mut points: Vec<Point> = Vec::with_capacity(readings.len() + 2);
    if let Some(b) = finite(m.baseline) {
        points.push(Point {
            date: m.baseline_date,
            value: b,
        });
    }
    points.extend(readings.into_iter().map(|(_, p)| p));
    if let Some(a) = finite(m.actual) {
        let same = points
            .last()
            .is_some_and(|p| p.value == a && p.date == m.actual_date && m.actual_date.is_some());
        if !same {
            points.push(Point {
                date: m.actual_date,
                value: a,
            });
        }
    }
    let has_reading = points.len() > usize::from(finite(m.baseline).is_some());
    let latest = has_reading.then(|| points.last().cloned()).flatten();
    let progress = match (finite(m.baseline), finite(m.target), &latest) {
        (Some(b), Some(t), Some(l)) if t != b => {
            let p = (l.value - b) / (t - b) * 100.0;
            p.is_finite().then_some(p)
        }
        _ => None,
    };
    let heading = match points.len() {
        0 | 1 => Heading::Unknown,
        n => {
            let delta = points[n - 1].value - points[n - 2].value;
            let better = match m.direction {
                Direction::Increase => delta > 0.0,
                Direction::Decrease => delta < 0.0,
            };
            if delta == 0.0 {
                Heading::Flat
            } else if better {
                Heading::Better
            } else {
                Heading::Worse
            }
        }
    };
    let unit = m.unit.trim();
    let show = |v: f64| {
        let text = if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{v:.0}")
        } else {
            format!("{v:.2}")
        };
        if unit.is_empty() {
            text
        } else {
            format!("{text} {unit}")
        }
    };
    let summary = match (&latest, progress) {
        (None, _) => "No reading yet.".to_string(),
        (Some(l), Some(p)) => format!(
            "{}{}: {:.0}% of the way from the baseline to the target; {}.",
            show(l.value),
            l.date.map(|d| format!(" on {d}")).unwrap_or_default(),
            p,
            heading.label().to_lowercase()
        ),
        (Some(l), None) => format!(
            "{}{}; {}.",
            show(l.value),
            l.date.map(|d| format!(" on {d}")).unwrap_or_default(),
            heading.label().to_lowercase()
        ),
    };
    Trend {
        points,
        latest,
        progress,
        heading,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Reading;

    fn d(s: &str) -> Option<Date> {
        s.parse().ok()
    }

    #[test]
    fn halfway_down_and_still_improving() {
        let m = Metric {
            direction: Direction::Decrease,
            unit: "min".into(),
            baseline: Some(40.0),
            baseline_date: d("2026-01-05"),
            target: Some(20.0),
            history: vec![
                Reading {
                    date: d("2026-03-02"),
                    value: Some(30.0),
                },
                Reading {
                    date: d("2026-02-02"),
                    value: Some(35.0),
                },
                Reading {
                    date: None,
                    value: None,
                },
            ],
            ..Metric::default()
        };
        let t = metric_trend(&m);
        let values: Vec<f64> = t.points.iter().map(|p| p.value).collect();
        assert_eq!(values, [40.0, 35.0, 30.0]);
        assert_eq!(t.progress, Some(50.0));
        assert_eq!(t.heading, Heading::Better);
        assert_eq!(
            t.summary,
            "30 min on 2026-03-02: 50% of the way from the baseline to the target; moving toward the target."
        );
    }

    #[test]
    fn the_latest_actual_counts_and_a_wrong_way_move_is_named() {
        let m = Metric {
            direction: Direction::Increase,
            baseline: Some(10.0),
            target: Some(20.0),
            actual: Some(8.0),
            actual_date: d("2026-04-01"),
            history: vec![Reading {
                date: d("2026-03-01"),
                value: Some(12.0),
            }],
            ..Metric::default()
        };
        let t = metric_trend(&m);
        assert_eq!(t.latest.as_ref().map(|p| p.value), Some(8.0));
        assert_eq!(t.progress, Some(-20.0));
        assert_eq!(t.heading, Heading::Worse);
    }

    #[test]
    fn missing_or_odd_numbers_do_not_panic() {
        let t = metric_trend(&Metric::default());
        assert_eq!(
            (t.latest, t.progress, t.heading),
            (None, None, Heading::Unknown)
        );
        let m = Metric {
            baseline: Some(5.0),
            target: Some(5.0),
            actual: Some(f64::NAN),
            history: vec![Reading {
                date: None,
                value: Some(f64::INFINITY),
            }],
            ..Metric::default()
        };
        let t = metric_trend(&m);
        assert_eq!((t.progress, t.latest), (None, None));
        assert_eq!(t.summary, "No reading yet.");
    }
}
