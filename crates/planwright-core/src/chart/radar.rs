//! The readiness radar: one axis per dimension, the first straight up and
//! the others clockwise, with rings at each quarter and wrapped labels.

use serde::Serialize;

use super::{point, round, sane, Point};

/// Score levels the radar draws a ring for.
pub const RADAR_LEVELS: [u32; 4] = [25, 50, 75, 100];
/// Distance between the lines of a wrapped axis label (laid out for 12 px
/// text).
pub const RADAR_LINE_HEIGHT: f64 = 14.0;
/// Gap between the outer ring and an axis label.
const RADAR_LABEL_GAP: f64 = 10.0;
/// Characters per line of an axis label before it wraps.
const RADAR_LABEL_CHARS: usize = 20;
/// Lines an axis label may take; the rest is cut with an ellipsis.
const RADAR_LABEL_LINES: usize = 3;
/// Room left and right of the outer ring for labels: the gap and a line of
/// 12 px text ([`RADAR_LABEL_CHARS`] characters).
const RADAR_ROOM_X: f64 = RADAR_LABEL_GAP + 130.0;
/// Room above and below the outer ring for labels: the gap and three lines.
const RADAR_ROOM_Y: f64 = RADAR_LABEL_GAP + RADAR_LINE_HEIGHT * 3.0;

/// Which end of a label sits at its anchor point (SVG's `text-anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    /// The label starts at the point and runs right.
    Start,
    /// The label is centred on the point.
    Middle,
    /// The label ends at the point.
    End,
}

impl Anchor {
    /// The value of SVG's `text-anchor`.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One spoke of the radar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Axis {
    /// The dimension's name, as given.
    pub label: String,
    /// The name wrapped into at most three short lines.
    pub lines: Vec<String>,
    /// The score, capped at 100.
    pub score: u32,
    /// Where the spoke meets the outer (100) ring.
    pub end: Point,
    /// Where the score sits on the spoke.
    pub point: Point,
    /// Middle of the label's first line; further lines follow
    /// [`RADAR_LINE_HEIGHT`] below (draw with `dominant-baseline: central`).
    pub label_at: Point,
    /// How the label lines up with `label_at`.
    pub anchor: Anchor,
}

/// A radar chart of scores out of 100, laid out in a `width` × `height` box.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Radar {
    /// Width of the box, labels included.
    pub width: f64,
    /// Height of the box, labels included.
    pub height: f64,
    /// Centre of the rings.
    pub center: Point,
    /// Radius of the outer (100) ring.
    pub radius: f64,
    /// One spoke per score, the first pointing up, then clockwise.
    pub axes: Vec<Axis>,
    /// The score each ring stands for ([`RADAR_LEVELS`]).
    pub levels: Vec<u32>,
    /// One closed polygon per level, a corner on each spoke. Empty with
    /// fewer than three scores, which enclose no area.
    pub rings: Vec<Vec<Point>>,
    /// The scores' polygon, a corner on each spoke. Empty with fewer than
    /// three scores.
    pub polygon: Vec<Point>,
}

/// Wraps a label at word boundaries into at most [`RADAR_LABEL_LINES`]
/// lines of about [`RADAR_LABEL_CHARS`] characters.
pub(super) fn wrap(label: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut cut = false;
    for word in label.split_whitespace() {
        if current.is_empty() {
            current.push_str(word);
        } else if current.chars().count() + 1 + word.chars().count() <= RADAR_LABEL_CHARS {
            current.push(' ');
            current.push_str(word);
        } else {
            lines.push(std::mem::take(&mut current));
            if lines.len() == RADAR_LABEL_LINES {
                cut = true;
                break;
            }
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// Lays out a radar chart of `scores` (name, score out of 100) whose outer
/// ring is `size` units across; the box returned adds room for the labels.
///
/// ```
/// use planwright_core::chart::{radar, Anchor};
///
/// let scores: Vec<(String, u32)> = ["Data", "People", "Risk", "Tools"]
///     .iter()
///     .map(|d| (d.to_string(), 50))
///     .collect();
/// let r = radar(&scores, 200.0);
/// assert_eq!(r.axes.len(), 4);
/// assert_eq!(r.polygon.len(), 4);
/// // The first spoke points up from the centre, the second to the right.
/// let (cx, cy) = r.center;
/// assert_eq!(r.axes[0].end, (cx, cy - 100.0));
/// assert_eq!(r.axes[1].end, (cx + 100.0, cy));
/// assert_eq!(r.axes[1].anchor, Anchor::Start);
/// ```
pub fn radar(scores: &[(String, u32)], size: f64) -> Radar {
    let radius = sane(size, 0.0, 0.0, 10_000.0) / 2.0;
    let width = 2.0 * (radius + RADAR_ROOM_X);
    let height = 2.0 * (radius + RADAR_ROOM_Y);
    let (cx, cy) = (width / 2.0, height / 2.0);
    let n = scores.len();
    let angle =
        |k: usize| -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * k as f64 / n as f64;
    let at = |k: usize, r: f64| {
        let a = angle(k);
        point(cx + r * a.cos(), cy + r * a.sin())
    };
    let axes: Vec<Axis> = scores
        .iter()
        .enumerate()
        .map(|(k, (label, score))| {
            let score = (*score).min(100);
            let (cos, sin) = (angle(k).cos(), angle(k).sin());
            let lines = wrap(label);
            let reach = radius + RADAR_LABEL_GAP;
            let (lx, ly) = (cx + reach * cos, cy + reach * sin);
            // Labels above the centre grow upwards, those below downwards,
            // those at the sides are centred on their spoke.
            let block = RADAR_LINE_HEIGHT * lines.len().saturating_sub(1) as f64;
            let first = ly - block / 2.0 + sin * (block + RADAR_LINE_HEIGHT) / 2.0;
            let anchor = if cos.abs() < 0.3 {
                Anchor::Middle
            } else if cos > 0.0 {
                Anchor::Start
            } else {
                Anchor::End
            };
            Axis {
                label: label.clone(),
                lines,
                score,
                end: at(k, radius),
                point: at(k, radius * f64::from(score) / 100.0),
                label_at: point(lx, first),
                anchor,
            }
        })
        .collect();
    let (rings, polygon) = if n < 3 {
        (Vec::new(), Vec::new())
    } else {
        let rings = RADAR_LEVELS
            .iter()
            .map(|level| {
                (0..n)
                    .map(|k| at(k, radius * f64::from(*level) / 100.0))
                    .collect()
            })
            .collect();
        (rings, axes.iter().map(|a| a.point).collect())
    };
    Radar {
        width: round(width),
        height: round(height),
        center: point(cx, cy),
        radius: round(radius),
        axes,
        levels: RADAR_LEVELS.to_vec(),
        rings,
        polygon,
    }
}
