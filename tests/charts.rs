//! Browser tests of the results charts: the readiness radar and the roadmap
//! timeline. Run with `make test-wasm`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use planwright_core::model::Section;
use planwright_core::model::Task;
use planwright_core::{Id, Plan};
use planwright_web::components::gantt_chart::GanttChart;
use planwright_web::components::radar_chart::RadarChart;
use planwright_web::state::View;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name)
        .unwrap_or_else(|| panic!("no {name} on <{}>", el.tag_name()))
}

fn corners(root: &Element) -> usize {
    attr(&find(root, "[data-testid=radar-area]"), "points")
        .split_whitespace()
        .count()
}

#[wasm_bindgen_test]
async fn radar_has_a_corner_per_dimension_and_says_what_it_shows() {
    let names = [
        "Outcomes and metrics",
        "Sponsorship and ownership",
        "Stakeholder alignment and decision roles",
        "Data readiness",
        "Technology and integration",
        "Governance and risk",
        "Change management and adoption",
        "Monitoring and feedback",
    ];
    let scores = RwSignal::new(
        names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.to_string(), (i as u32) * 12))
            .collect::<Vec<_>>(),
    );
    let (root, _) = mount(Plan::blank(), move || view! { <RadarChart scores=scores/> });
    settle().await;

    assert_eq!(corners(&root), 8);
    assert_eq!(find_all(&root, ".pw-radar__ring").len(), 4);
    assert_eq!(find_all(&root, ".pw-radar__axis").len(), 8);
    let svg = find(&root, "svg[data-testid=radar]");
    assert_eq!(attr(&svg, "role"), "img");
    // The accessible name and description are the chart's title and desc.
    let parts: Vec<String> = attr(&svg, "aria-labelledby")
        .split_whitespace()
        .map(String::from)
        .collect();
    assert_eq!(parts.len(), 2);
    assert_eq!(find(&svg, "title").id(), parts[0]);
    assert_eq!(find(&svg, "desc").id(), parts[1]);
    let desc = text(&find(&svg, "desc"));
    assert!(
        desc.contains("Outcomes and metrics 0") && desc.contains("Monitoring and feedback 84"),
        "{desc}"
    );
    // The same numbers as a table.
    assert_eq!(
        find_all(&root, "[data-testid=radar-table] tbody tr").len(),
        8
    );

    scores.set(vec![
        ("Data".into(), 40),
        ("People".into(), 70),
        ("Risk".into(), 150),
    ]);
    settle().await;
    assert_eq!(corners(&root), 3);
    let desc = text(&find(&root, "svg[data-testid=radar] desc"));
    assert!(desc.contains("Risk 100"), "scores are capped: {desc}");
}

#[wasm_bindgen_test]
async fn gantt_draws_a_bar_per_task_marks_the_critical_ones_and_the_arrows() {
    // a(2) → b(5) → d(1); a → c(1) → d; m, a milestone after d.
    let mut p = blank_with(vec![
        task("a", 2, &[]),
        task("b", 5, &["a"]),
        task("c", 1, &["a"]),
        task("d", 1, &["b", "c"]),
        task("m", 0, &["d"]),
    ]);
    p.tasks[0].phase = Some(Id::from("phase-1"));
    p.start_date = Some("2026-01-12".parse().unwrap());
    let (root, _) = mount(p, || view! { <GanttChart/> });
    settle().await;

    let bars = find_all(&root, "[data-testid=gantt-bar]");
    assert_eq!(bars.len(), 5);
    let critical: Vec<String> = find_all(&root, "[data-testid=gantt-bar][data-critical=true]")
        .iter()
        .map(|b| attr(b, "data-task"))
        .collect();
    assert_eq!(critical, ["a", "b", "d", "m"]);
    let c = find(&root, "[data-testid=gantt-bar][data-task=c]");
    assert_eq!(attr(&c, "data-critical"), "false");
    // Slack drawn for c only; the critical bars carry the hatch as well.
    assert!(c.query_selector(".pw-gantt__slack").unwrap().is_some());
    assert_eq!(
        find_all(&root, ".pw-gantt__hatch").len(),
        3 + 1,
        "3 bars and the key"
    );
    assert_eq!(
        attr(
            &find(&root, "[data-testid=gantt-bar][data-task=m]"),
            "data-milestone"
        ),
        "true"
    );
    // Each bar says what it is when pointed at.
    let tip = text(&find(&c, "title"));
    assert!(
        tip.contains("Task c")
            // The day in the browser's locale: "14 Jan 2026" or "Jan 14, 2026".
            && (tip.contains("14 Jan 2026") || tip.contains("Jan 14, 2026"))
            && tip.contains("4 working days of slack")
            && tip.contains("not on the critical path"),
        "{tip}"
    );

    let arrows: Vec<(String, String)> = find_all(&root, "[data-testid=gantt-arrow]")
        .iter()
        .map(|a| (attr(a, "data-from"), attr(a, "data-to")))
        .collect();
    let pairs: Vec<(&str, &str)> = arrows
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    assert_eq!(pairs.len(), 5);
    for pair in [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "m")] {
        assert!(pairs.contains(&pair), "{pair:?} in {pairs:?}");
    }
    let head = attr(&find(&root, "[data-testid=gantt-arrow]"), "marker-end");
    let marker_id = head.trim_start_matches("url(#").trim_end_matches(')');
    assert!(
        root.query_selector(&format!("marker#{marker_id}"))
            .unwrap()
            .is_some(),
        "{head}"
    );

    // Phases as bands with their names; week ticks with dates.
    let bands: Vec<String> = find_all(&root, ".pw-gantt__phase")
        .iter()
        .map(text)
        .collect();
    assert_eq!(bands[0], "Foundation and readiness");
    assert_eq!(
        bands.last().map(String::as_str),
        Some("Tasks without a phase")
    );
    assert_eq!(text(&find(&root, ".pw-gantt__tick-label")), "12 Jan 2026");

    // Keyboard users can scroll it; a table says the same.
    let scroll = find(&root, ".pw-chart__scroll");
    assert_eq!(attr(&scroll, "tabindex"), "0");
    assert!(!attr(&scroll, "aria-label").is_empty());
    let rows = find_all(&root, "[data-testid=gantt-table] tbody tr");
    assert_eq!(rows.len(), 5);
    assert!(text(&rows[0]).contains("Task a"));
    assert!(root
        .query_selector("[data-testid=gantt-truncated]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn gantt_names_every_task_in_every_loop_and_leads_to_the_roadmap() {
    let p = blank_with(vec![
        task("free", 3, &[]),
        task("a", 1, &["c", "free"]),
        task("b", 1, &["a"]),
        task("c", 1, &["b"]),
        task("s", 2, &["s"]),
    ]);
    let (root, app) = mount(p, || view! { <GanttChart/> });
    settle().await;

    assert!(root
        .query_selector("[data-testid=gantt]")
        .unwrap()
        .is_none());
    let message = find(&root, "[data-testid=gantt-cycle]");
    assert!(text(&message).contains("2 loops"), "{}", text(&message));
    assert_eq!(find_all(&message, "[data-testid=gantt-loop]").len(), 2);
    let named: Vec<String> = find_all(&message, "[data-testid=gantt-loop-task]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(named, ["Task a", "Task b", "Task c", "Task s"]);
    assert!(!text(&message).contains("Task free"));

    let button: web_sys::HtmlElement = find(&message, "[data-task=b]").unchecked_into();
    click(&button);
    settle().await;
    assert_eq!(app.view.get_untracked(), View::Step(Section::Roadmap));

    // Breaking the loops brings the chart back.
    app.edit(|p| {
        p.tasks[1].depends_on.retain(|d| d.as_str() != "c");
        p.tasks[4].depends_on.clear();
    });
    settle().await;
    assert!(root
        .query_selector("[data-testid=gantt-cycle]")
        .unwrap()
        .is_none());
    assert_eq!(find_all(&root, "[data-testid=gantt-bar]").len(), 5);
}

#[wasm_bindgen_test]
async fn gantt_lists_schedule_warnings_and_says_when_tasks_are_left_out() {
    let mut tasks: Vec<Task> = (0..450).map(|i| task(&format!("t{i}"), 1, &[])).collect();
    tasks[3].owner = None;
    tasks[7].duration_days = None;
    let (root, _) = mount(blank_with(tasks), || view! { <GanttChart/> });
    settle().await;

    let warnings: Vec<String> = find_all(&root, "[data-testid=gantt-warning]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(warnings.len(), 2);
    assert!(warnings[0].contains("Task t3"), "{warnings:?}");
    assert!(warnings[1].contains("Task t7"), "{warnings:?}");

    assert_eq!(find_all(&root, "[data-testid=gantt-bar]").len(), 400);
    let note = text(&find(&root, "[data-testid=gantt-truncated]"));
    assert!(note.contains("50 tasks are not drawn"), "{note}");
}
