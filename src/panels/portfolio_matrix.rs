//! The value × readiness matrix of the open portfolio, drawn as SVG from
//! the geometry in [`planwright_core::chart::matrix`]: four named
//! quadrants, a point per initiative sized by its effort, its risk tier
//! told by shape and by a text label (never by colour alone), with the
//! same points as a table for people who do not read charts.

use leptos::prelude::*;
use planwright_core::chart::{matrix, Matrix, MatrixPoint, Shape};
use planwright_core::portfolio::{PortfolioAnalysis, Ranked};
use planwright_core::text::plural;
use planwright_core::Choice;

use crate::components::dom_id;
use crate::state::use_portfolios;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 420.0;

/// The mark of one point: its shape at its place and size.
fn mark(p: &MatrixPoint) -> AnyView {
    let (x, y, r) = (p.x, p.y, p.radius);
    match p.shape {
        Shape::Circle => view! { <circle class="pw-matrix__mark" cx=x cy=y r=r/> }.into_any(),
        Shape::Square => view! {
            <rect class="pw-matrix__mark" x={x - r} y={y - r} width={2.0 * r} height={2.0 * r}/>
        }
        .into_any(),
        Shape::Triangle => {
            let d = format!("M{x} {} L{} {} L{} {} Z", y - r, x + r, y + r, x - r, y + r);
            view! { <path class="pw-matrix__mark" d=d/> }.into_any()
        }
        Shape::Cross => {
            let d = format!(
                "M{} {} L{} {} M{} {} L{} {}",
                x - r,
                y - r,
                x + r,
                y + r,
                x + r,
                y - r,
                x - r,
                y + r
            );
            view! { <path class="pw-matrix__mark pw-matrix__mark--cross" d=d/> }.into_any()
        }
    }
}

/// How far down a point's label goes so it does not cover the labels of
/// the points drawn before it near the same place (initiatives of the same
/// value and readiness sit on one spot).
fn label_shift(before: &[MatrixPoint], p: &MatrixPoint) -> f64 {
    let near = before
        .iter()
        .filter(|q| (q.x - p.x).abs() < 60.0 && (q.y - p.y).abs() < LINE)
        .count();
    near as f64 * LINE
}

/// Height of a label line in the matrix.
const LINE: f64 = 15.0;

/// The ranked initiative a point stands for.
fn ranked_of<'a>(a: &'a PortfolioAnalysis, key: &str) -> Option<&'a Ranked> {
    a.ranked.iter().find(|r| r.key == key)
}

/// The chart's description: every point in one sentence each.
fn describe(m: &Matrix, a: &PortfolioAnalysis) -> String {
    let mut out = format!(
        "{} placed by readiness (across) and value (up).",
        plural(m.points.len(), "initiative")
    );
    for p in &m.points {
        let q = ranked_of(a, &p.key).map_or("", |r| r.quadrant.label());
        out.push_str(&format!(
            " {}: value {}, readiness {}, {}, {}.",
            p.label,
            (p.value01 * 100.0).round(),
            (p.readiness01 * 100.0).round(),
            p.tier.label(),
            q
        ));
    }
    out
}

/// The SVG, drawn again whenever the analysis changes.
fn matrix_view(a: &PortfolioAnalysis, title_id: &str, desc_id: &str) -> AnyView {
    let m = matrix(a, WIDTH, HEIGHT);
    let boxes = m
        .quadrants
        .iter()
        .map(|b| {
            view! {
                <rect class=format!("pw-matrix__quadrant pw-matrix__quadrant--{}", b.quadrant.key()) x=b.x y=b.y width=b.width height=b.height/>
                <text class="pw-matrix__quadrant-label" x={b.x + 8.0} y={b.y + 18.0}>{b.label.clone()}</text>
            }
        })
        .collect_view();
    let points = m
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (tx, anchor) = if p.readiness01 > 0.6 {
                (p.x - p.radius - 4.0, "end")
            } else {
                (p.x + p.radius + 4.0, "start")
            };
            let ty = p.y + label_shift(&m.points[..i], p);
            let text = format!("{} ({})", p.label, p.tier.label());
            view! {
                <g class=format!("pw-matrix__point pw-matrix__point--{}", p.tier.key()) data-testid="matrix-point" data-key=p.key.clone()>
                    <title>{text.clone()}</title>
                    {mark(p)}
                    <text class="pw-matrix__label" x=tx y=ty dominant-baseline="central" text-anchor=anchor>{text}</text>
                </g>
            }
        })
        .collect_view();
    let bottom = HEIGHT - 8.0;
    let left_mid = (HEIGHT - 40.0) / 2.0;
    view! {
        <figure class="pw-chart pw-matrix">
            <div class="pw-chart__scroll" tabindex="0" role="region" aria-label="Value and readiness matrix; scroll sideways on a narrow screen">
                <svg
                    class="pw-matrix__svg"
                    role="img"
                    aria-labelledby=format!("{title_id} {desc_id}")
                    viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                    width=WIDTH
                    height=HEIGHT
                    data-testid="matrix"
                >
                    <title id=title_id.to_string()>"Value and readiness of each initiative"</title>
                    <desc id=desc_id.to_string()>{describe(&m, a)}</desc>
                    <g>{boxes}</g>
                    <text class="pw-matrix__axis" x={WIDTH / 2.0} y=bottom text-anchor="middle">{m.x_label.clone()}</text>
                    <text class="pw-matrix__axis" x="14" y=left_mid text-anchor="middle" transform=format!("rotate(-90 14 {left_mid})")>{m.y_label.clone()}</text>
                    <g>{points}</g>
                </svg>
            </div>
            <figcaption>
                <ul class="pw-chart__legend" aria-label="Key to the matrix">
                    <li>"Circle: minimal risk"</li>
                    <li>"Square: limited risk"</li>
                    <li>"Triangle: high risk"</li>
                    <li>"Cross: prohibited practice"</li>
                    <li>"Bigger marks take longer"</li>
                </ul>
            </figcaption>
        </figure>
    }
    .into_any()
}

/// The rows of the table of the same points.
fn rows_view(a: &PortfolioAnalysis) -> AnyView {
    let m = matrix(a, WIDTH, HEIGHT);
    m.points
        .iter()
        .map(|p| {
            let r = ranked_of(a, &p.key);
            let q = r.map_or("", |r| r.quadrant.label());
            let days = r.map_or(0, |r| r.schedule_days);
            view! {
                <tr data-testid="matrix-row">
                    <th scope="row">{p.label.clone()}</th>
                    <td>{q}</td>
                    <td>{(p.value01 * 100.0).round()}</td>
                    <td>{(p.readiness01 * 100.0).round()}</td>
                    <td>{format!("{} ({})", p.tier.label(), p.shape.label())}</td>
                    <td>{plural(days as usize, "working day")}</td>
                </tr>
            }
        })
        .collect_view()
        .into_any()
}

/// The matrix and its table.
#[component]
pub fn PortfolioMatrix() -> impl IntoView {
    let portfolios = use_portfolios();
    let title_id = dom_id("matrix-title");
    let desc_id = dom_id("matrix-desc");
    view! {
        <section class="pw-portfolio__section" aria-labelledby="portfolio-matrix-title" data-testid="portfolio-matrix">
            <h3 id="portfolio-matrix-title">"Value against readiness"</h3>
            {move || portfolios.analysis.with(|a| matrix_view(a, &title_id, &desc_id))}
            <details class="pw-chart__details">
                <summary>"The matrix as a table"</summary>
                <table class="pw-table" data-testid="matrix-table">
                    <caption class="pw-visually-hidden">"Value and readiness of each initiative"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Initiative"</th>
                            <th scope="col">"Quadrant"</th>
                            <th scope="col">"Value out of 100"</th>
                            <th scope="col">"Readiness out of 100"</th>
                            <th scope="col">"Risk tier (shape)"</th>
                            <th scope="col">"Schedule (mark size)"</th>
                        </tr>
                    </thead>
                    <tbody>{move || portfolios.analysis.with(rows_view)}</tbody>
                </table>
            </details>
        </section>
    }
}
