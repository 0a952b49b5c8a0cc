//! A radar chart of scores out of 100, one spoke per dimension, drawn as SVG
//! from the geometry in [`planwright_core::chart::radar`], with the same
//! numbers as a table for people who do not read charts.

use leptos::prelude::*;
use planwright_core::chart::{radar, Point, RADAR_LINE_HEIGHT};

use super::dom_id;

/// Diameter of the outer (100) ring; the labels add room around it.
const SIZE: f64 = 240.0;

/// Points as the value of a `points` attribute: `x,y x,y …`.
fn points(list: &[Point]) -> String {
    let mut out = String::with_capacity(list.len() * 14);
    for (x, y) in list {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!("{x},{y}"));
    }
    out
}

/// One sentence naming every score, for the chart's description.
fn describe(scores: &[(String, u32)]) -> String {
    if scores.is_empty() {
        return "No scores to show yet.".to_string();
    }
    let parts: Vec<String> = scores
        .iter()
        .map(|(label, score)| format!("{label} {}", (*score).min(100)))
        .collect();
    format!("Scores out of 100: {}.", parts.join(", "))
}

/// Scores out of 100 as a radar chart: rings at 25, 50, 75 and 100, a spoke
/// per dimension starting at the top and going clockwise, and the scores'
/// polygon. The chart's description and a table under it give the same
/// numbers in words. Colours come from the theme, so it reads in light and
/// dark mode and in print.
#[component]
pub fn RadarChart(
    /// Each dimension's name and score (0 to 100), in drawing order.
    #[prop(into)]
    scores: Signal<Vec<(String, u32)>>,
    /// What the chart shows, read out as its name.
    #[prop(into, default = String::from("Readiness by dimension"))]
    title: String,
) -> impl IntoView {
    let title_id = dom_id("radar-title");
    let desc_id = dom_id("radar-desc");
    let labelled = format!("{title_id} {desc_id}");
    let heading = title.clone();

    let chart = move || {
        scores.with(|scores| {
            // Each label carries its score, so the chart reads without the
            // table.
            let labelled_scores: Vec<(String, u32)> = scores
                .iter()
                .map(|(label, score)| (format!("{label}: {}", (*score).min(100)), *score))
                .collect();
            let r = radar(&labelled_scores, SIZE);
            let (cx, cy) = r.center;
            let view_box = format!("0 0 {} {}", r.width, r.height);
            let rings = r
                .rings
                .iter()
                .zip(&r.levels)
                .map(|(ring, level)| {
                    view! { <polygon class="pw-radar__ring" data-level=*level points=points(ring)/> }
                })
                .collect_view();
            let level_labels = r
                .rings
                .iter()
                .zip(&r.levels)
                .filter_map(|(ring, level)| ring.first().map(|p| (*p, *level)))
                .map(|((x, y), level)| {
                    view! { <text class="pw-radar__level" x={x + 4.0} y=y dominant-baseline="central">{level}</text> }
                })
                .collect_view();
            let axes = r
                .axes
                .iter()
                .map(|a| {
                    view! { <line class="pw-radar__axis" x1=cx y1=cy x2=a.end.0 y2=a.end.1/> }
                })
                .collect_view();
            let dots = r
                .polygon
                .iter()
                .map(|(x, y)| view! { <circle class="pw-radar__dot" cx=*x cy=*y r="3.5"/> })
                .collect_view();
            let labels = r
                .axes
                .iter()
                .map(|a| {
                    let (x, y) = a.label_at;
                    let lines = a
                        .lines
                        .iter()
                        .enumerate()
                        .map(|(i, line)| {
                            let dy = if i == 0 { 0.0 } else { RADAR_LINE_HEIGHT };
                            view! { <tspan x=x dy=dy>{line.clone()}</tspan> }
                        })
                        .collect_view();
                    view! {
                        <text
                            class="pw-radar__label"
                            x=x
                            y=y
                            text-anchor=a.anchor.as_str()
                            dominant-baseline="central"
                        >
                            {lines}
                        </text>
                    }
                })
                .collect_view();
            let area = (!r.polygon.is_empty()).then(|| {
                view! { <polygon class="pw-radar__area" data-testid="radar-area" points=points(&r.polygon)/> }
            });
            view! {
                <svg
                    class="pw-radar__svg"
                    role="img"
                    aria-labelledby=labelled.clone()
                    viewBox=view_box
                    width=r.width
                    height=r.height
                    data-testid="radar"
                >
                    <title id=title_id.clone()>{title.clone()}</title>
                    <desc id=desc_id.clone()>{describe(scores)}</desc>
                    <g class="pw-radar__grid">{rings}{axes}</g>
                    {area}
                    <g>{dots}</g>
                    <g>{level_labels}</g>
                    <g>{labels}</g>
                </svg>
            }
        })
    };

    let rows = move || {
        scores.with(|scores| {
            scores
                .iter()
                .map(|(label, score)| {
                    view! {
                        <tr>
                            <th scope="row">{label.clone()}</th>
                            <td>{(*score).min(100)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <figure class="pw-chart pw-radar" data-testid="radar-chart">
            {chart}
            <details class="pw-chart__details">
                <summary>"Scores as a table"</summary>
                <table class="pw-table" data-testid="radar-table">
                    <caption class="pw-visually-hidden">{heading}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Dimension"</th>
                            <th scope="col">"Score out of 100"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}
