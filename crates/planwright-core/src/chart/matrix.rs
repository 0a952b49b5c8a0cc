//! The portfolio matrix: expected value (up) against readiness (right),
//! each split at 50 into the four [`Quadrant`]s, one point per initiative.
//!
//! A point's size grows with the schedule length (the square root of its
//! share of the longest, so area follows effort), and its shape tells the
//! risk tier, so the tier never rests on colour alone.

use serde::Serialize;

use crate::analysis::risk::Tier;
use crate::choice;
use crate::choice::Choice;
use crate::portfolio::{PortfolioAnalysis, Quadrant};

use super::{round, sane};

/// Room left of the plot for the value axis label and ticks.
pub const MATRIX_LEFT: f64 = 48.0;
/// Room below the plot for the readiness axis label and ticks.
pub const MATRIX_BOTTOM: f64 = 40.0;
/// Room above and right of the plot, so the largest point is not cut.
pub const MATRIX_PAD: f64 = 16.0;
/// Radius of the point with the shortest (or no) schedule.
pub const MATRIX_MIN_RADIUS: f64 = 5.0;
/// Radius of the point with the longest schedule.
pub const MATRIX_MAX_RADIUS: f64 = 14.0;

choice! {
    /// The mark of a point, one per risk tier.
    Shape {
        Circle = "circle": "Circle",
        Square = "square": "Square",
        Triangle = "triangle": "Triangle",
        Cross = "cross": "Cross",
    }
    default Circle
}

impl Shape {
    /// The mark of a risk tier: minimal a circle, limited a square, high a
    /// triangle, prohibited a cross.
    pub fn of(tier: Tier) -> Shape {
        match tier {
            Tier::Minimal => Shape::Circle,
            Tier::Limited => Shape::Square,
            Tier::High => Shape::Triangle,
            Tier::Prohibited => Shape::Cross,
        }
    }
}

/// One quadrant's rectangle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuadrantBox {
    /// Which quadrant.
    pub quadrant: Quadrant,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Its name in words.
    pub label: String,
}

/// One initiative on the matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixPoint {
    /// The member's key.
    pub key: String,
    /// Rank and title, such as `1. Invoice triage`.
    pub label: String,
    /// Centre, from readiness.
    pub x: f64,
    /// Centre, from the value part (higher value is higher up).
    pub y: f64,
    /// Radius, from the schedule length.
    pub radius: f64,
    /// Risk tier.
    pub tier: Tier,
    /// Mark for the tier.
    pub shape: Shape,
    /// Value part as a fraction, 0–1.
    pub value01: f64,
    /// Readiness as a fraction, 0–1.
    pub readiness01: f64,
}

/// The matrix laid out in a `width` × `height` box.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matrix {
    /// The four quadrants: do now, prepare the foundation, strategic bet,
    /// do not start.
    pub quadrants: Vec<QuadrantBox>,
    /// One point per ranked initiative, in rank order.
    pub points: Vec<MatrixPoint>,
    /// Name of the horizontal axis.
    pub x_label: String,
    /// Name of the vertical axis.
    pub y_label: String,
}

/// Lays out the matrix of a portfolio analysis in a `width` × `height` box
/// (each at least 160; odd sizes fall back to 480 × 360).
///
/// ```
/// use planwright_core::chart::matrix;
/// use planwright_core::portfolio::{analyze, Portfolio};
/// let m = matrix(&analyze(&Portfolio::default(), &[]), 400.0, 300.0);
/// assert_eq!(m.quadrants.len(), 4);
/// assert!(m.points.is_empty());
/// ```
pub fn matrix(analysis: &PortfolioAnalysis, width: f64, height: f64) -> Matrix {
    let width = sane(width, 480.0, 160.0, 20_000.0);
    let height = sane(height, 360.0, 160.0, 20_000.0);
    let (left, top) = (MATRIX_LEFT, MATRIX_PAD);
    let w = width - MATRIX_LEFT - MATRIX_PAD;
    let h = height - MATRIX_BOTTOM - MATRIX_PAD;
    let quadrant = |quadrant: Quadrant, col: f64, row: f64| QuadrantBox {
        quadrant,
        x: round(left + col * w / 2.0),
        y: round(top + row * h / 2.0),
        width: round(w / 2.0),
        height: round(h / 2.0),
        label: quadrant.label().to_string(),
    };
    let quadrants = vec![
        quadrant(Quadrant::DoNow, 1.0, 0.0),
        quadrant(Quadrant::PrepareFoundation, 0.0, 0.0),
        quadrant(Quadrant::StrategicBet, 1.0, 1.0),
        quadrant(Quadrant::DoNotStart, 0.0, 1.0),
    ];
    let longest = analysis
        .ranked
        .iter()
        .map(|r| r.schedule_days)
        .max()
        .unwrap_or(0);
    let points = analysis
        .ranked
        .iter()
        .map(|r| {
            let value01 = f64::from(r.parts.value.min(100)) / 100.0;
            let readiness01 = f64::from(r.readiness.min(100)) / 100.0;
            let share = if longest > 0 {
                (r.schedule_days as f64 / longest as f64).sqrt()
            } else {
                0.0
            };
            let title = r.title.trim();
            MatrixPoint {
                key: r.key.clone(),
                label: format!(
                    "{}. {}",
                    r.rank,
                    if title.is_empty() { "Untitled" } else { title }
                ),
                x: round(left + readiness01 * w),
                y: round(top + (1.0 - value01) * h),
                radius: round(MATRIX_MIN_RADIUS + share * (MATRIX_MAX_RADIUS - MATRIX_MIN_RADIUS)),
                tier: r.tier,
                shape: Shape::of(r.tier),
                value01,
                readiness01,
            }
        })
        .collect();
    Matrix {
        quadrants,
        points,
        x_label: "Readiness (0 to 100)".to_string(),
        y_label: "Expected value (0 to 100)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portfolio::{analyze, ExpectedValue, Initiative, Member, Portfolio};
    use crate::testing::{blank_with, rich, task};

    fn analysis() -> PortfolioAnalysis {
        let mut short = blank_with(vec![task("a", 7, &[])]);
        short.title = "Short".to_string();
        let mut banned = rich();
        banned.title = "Banned".to_string();
        banned.risk.prohibited = Some(vec![crate::model::ProhibitedPractice::SocialScoring]);
        let plans = [("rich", rich()), ("short", short), ("banned", banned)];
        let portfolio = Portfolio {
            members: plans
                .iter()
                .zip([2, 5, 4])
                .map(|((k, _), rating)| Member {
                    key: k.to_string(),
                    value: ExpectedValue {
                        rating: Some(rating),
                        ..ExpectedValue::default()
                    },
                })
                .collect(),
            ..Portfolio::default()
        };
        let initiatives: Vec<Initiative<'_>> = plans
            .iter()
            .map(|(key, plan)| Initiative { key, plan })
            .collect();
        analyze(&portfolio, &initiatives)
    }

    #[test]
    fn quadrants_split_the_plot_at_fifty() {
        let m = matrix(&analysis(), 464.0, 356.0);
        // Plot: x 48..448 (400 wide), y 16..316 (300 high).
        let boxes: Vec<(Quadrant, f64, f64, f64, f64)> = m
            .quadrants
            .iter()
            .map(|q| (q.quadrant, q.x, q.y, q.width, q.height))
            .collect();
        assert_eq!(
            boxes,
            [
                (Quadrant::DoNow, 248.0, 16.0, 200.0, 150.0),
                (Quadrant::PrepareFoundation, 48.0, 16.0, 200.0, 150.0),
                (Quadrant::StrategicBet, 248.0, 166.0, 200.0, 150.0),
                (Quadrant::DoNotStart, 48.0, 166.0, 200.0, 150.0),
            ]
        );
        assert_eq!(m.quadrants[1].label, "Prepare the foundation");
        assert!(m.x_label.starts_with("Readiness") && m.y_label.starts_with("Expected value"));
    }

    #[test]
    fn points_sit_at_readiness_and_value_with_size_and_shape() {
        let a = analysis();
        let m = matrix(&a, 464.0, 356.0);
        let point = |k: &str| m.points.iter().find(|p| p.key == k).unwrap();
        // The rich plan: readiness 100, rated 2 (value 25), 70 days, limited.
        let rich = point("rich");
        assert_eq!((rich.x, rich.y), (448.0, 241.0));
        assert_eq!((rich.readiness01, rich.value01), (1.0, 0.25));
        assert_eq!((rich.shape, rich.tier), (Shape::Square, Tier::Limited));
        assert_eq!(rich.radius, MATRIX_MAX_RADIUS, "the longest schedule");
        let short = point("short");
        assert_eq!(short.y, 16.0, "rated 5: the top");
        assert_eq!(short.shape, Shape::Circle);
        // 7 of 70 days: 5 + 9 × √0.1.
        assert_eq!(short.radius, 7.85);
        let banned = point("banned");
        assert_eq!(banned.shape, Shape::Cross);
        assert_eq!(banned.label, "3. Banned");
        let labels: Vec<&str> = m.points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels.len(), a.ranked.len());
        assert!(labels[0].starts_with("1. "));
    }

    #[test]
    fn odd_sizes_give_finite_geometry() {
        let a = analysis();
        for (w, h) in [(f64::NAN, f64::INFINITY), (0.0, -5.0), (1e12, 1e12)] {
            let m = matrix(&a, w, h);
            for p in &m.points {
                assert!(p.x.is_finite() && p.y.is_finite() && p.radius > 0.0);
            }
            for q in &m.quadrants {
                assert!(q.width > 0.0 && q.height > 0.0);
            }
        }
        let shapes: Vec<Shape> = [Tier::Minimal, Tier::Limited, Tier::High, Tier::Prohibited]
            .into_iter()
            .map(Shape::of)
            .collect();
        assert_eq!(shapes, Shape::ALL, "one shape per tier");
    }
}
