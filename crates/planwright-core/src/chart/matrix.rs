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
