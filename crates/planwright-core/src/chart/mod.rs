//! Geometry of the results charts: the readiness radar, the roadmap
//! timeline (a Gantt chart) and the portfolio's value × readiness matrix.
//!
//! Contract: [`radar`] and [`gantt`] turn scores and a schedule into plain
//! numbers (points, rectangles, elbow paths, tick positions) in SVG user
//! units, x to the right and y downwards. They draw nothing and know nothing
//! of the browser; the web app writes the numbers out as SVG, and tests can
//! check them here, natively.
//!
//! Invariants:
//! - Every coordinate is finite and rounded to hundredths, so the output is
//!   the same on every platform and short to write out.
//! - Radar: the first axis points straight up and the others follow
//!   clockwise, evenly spaced; scores above 100 count as 100.
//! - Gantt: rows are grouped by phase in phase order (tasks without a known
//!   phase last) and, within a phase, sorted by earliest start and then plan
//!   order. Whatever the size of the plan there are at most
//!   [`GanttOptions::max_rows`] rows and [`GanttOptions::max_arrows`] arrows;
//!   when tasks must be left out, those on the critical path are kept first,
//!   then the earliest others, and [`Gantt::truncated`] says how many are
//!   missing. Time is linear in tasks plus dependencies (a selection, then a
//!   sort of the few rows kept).
//! - Neither function panics on any input: dangling or repeated ids, tasks
//!   the schedule does not know, zero or enormous durations, odd options.

mod gantt;
mod matrix;
mod radar;

pub use gantt::{
    gantt, short_date, Gantt, GanttArrow, GanttOptions, GanttRow, PhaseBand, Tick, MILESTONE_HALF,
};
pub use matrix::{
    matrix, Matrix, MatrixPoint, QuadrantBox, Shape, MATRIX_BOTTOM, MATRIX_LEFT, MATRIX_MAX_RADIUS,
    MATRIX_MIN_RADIUS, MATRIX_PAD,
};
pub use radar::{radar, Anchor, Axis, Radar, RADAR_LEVELS, RADAR_LINE_HEIGHT};

/// A point in SVG user units.
pub type Point = (f64, f64);

/// Rounds to hundredths, turning `-0` into `0` and anything not finite
/// into `0`.
fn round(v: f64) -> f64 {
    if v.is_finite() {
        (v * 100.0).round() / 100.0 + 0.0
    } else {
        0.0
    }
}

fn point(x: f64, y: f64) -> Point {
    (round(x), round(y))
}

/// `value` when it is a finite number in `lo..=hi`, else the nearest bound
/// (or `fallback` when it is not a number at all).
fn sane(value: f64, fallback: f64, lo: f64, hi: f64) -> f64 {
    if value.is_nan() {
        fallback
    } else {
        value.max(lo).min(hi)
    }
}

#[cfg(test)]
mod tests {
    use super::radar::wrap;
    use super::*;
    use crate::analysis::schedule::schedule;
    use crate::model::{Id, Phase, Plan, Task};
    use crate::testing::{task, tasks_only as plan};
    use proptest::prelude::*;

    /// Options spelled out, so the exact numbers below do not move when the
    /// defaults are tuned.
    fn options() -> GanttOptions {
        GanttOptions {
            target_width: 1000.0,
            min_day_width: 3.0,
            max_day_width: 24.0,
            max_width: 16_000.0,
            label_width: 240.0,
            row_height: 28.0,
            bar_height: 16.0,
            header_height: 32.0,
            min_tick_gap: 72.0,
            max_rows: 400,
            max_arrows: 1600,
            label_chars: 34,
        }
    }

    fn laid_out(p: &Plan) -> Gantt {
        let s = schedule(p).expect("no loop");
        gantt(p, &s, &options())
    }

    fn ids(g: &Gantt) -> Vec<&str> {
        g.rows.iter().map(|r| r.id.as_str()).collect()
    }

    fn scores(list: &[(&str, u32)]) -> Vec<(String, u32)> {
        list.iter().map(|(l, s)| (l.to_string(), *s)).collect()
    }

    #[test]
    fn layout_radar_of_four_has_exact_corners() {
        let r = radar(
            &scores(&[("Up", 100), ("Right", 50), ("Down", 0), ("Left", 250)]),
            200.0,
        );
        // Outer ring of radius 100, room for labels of 140 across and 52 down.
        assert_eq!((r.width, r.height, r.radius), (480.0, 304.0, 100.0));
        assert_eq!(r.center, (240.0, 152.0));
        let ends: Vec<Point> = r.axes.iter().map(|a| a.end).collect();
        assert_eq!(
            ends,
            [
                (240.0, 52.0),
                (340.0, 152.0),
                (240.0, 252.0),
                (140.0, 152.0)
            ]
        );
        // 100, 50, 0, and 250 capped at 100.
        assert_eq!(
            r.polygon,
            [
                (240.0, 52.0),
                (290.0, 152.0),
                (240.0, 152.0),
                (140.0, 152.0)
            ]
        );
        assert_eq!(r.axes[3].score, 100);
        let anchors: Vec<Anchor> = r.axes.iter().map(|a| a.anchor).collect();
        assert_eq!(
            anchors,
            [Anchor::Middle, Anchor::Start, Anchor::Middle, Anchor::End]
        );
        // One-line labels: above the top spoke, beside the side ones, below
        // the bottom one.
        let labels: Vec<Point> = r.axes.iter().map(|a| a.label_at).collect();
        assert_eq!(
            labels,
            [
                (240.0, 35.0),
                (350.0, 152.0),
                (240.0, 269.0),
                (130.0, 152.0)
            ]
        );
        assert_eq!(r.levels, [25, 50, 75, 100]);
        assert_eq!(
            r.rings[0],
            [
                (240.0, 127.0),
                (265.0, 152.0),
                (240.0, 177.0),
                (215.0, 152.0)
            ]
        );
    }

    #[test]
    fn layout_radar_of_eight_goes_clockwise_and_wraps_labels() {
        let dims = scores(&[
            ("Outcomes and metrics", 80),
            ("Sponsorship and ownership", 60),
            ("Stakeholder alignment and decision roles", 40),
            ("Data readiness", 20),
            ("Technology and integration", 100),
            ("Governance and risk", 0),
            ("Change management and adoption", 50),
            ("Monitoring and feedback", 70),
        ]);
        let r = radar(&dims, 200.0);
        assert_eq!(r.polygon.len(), 8);
        assert_eq!(r.rings.len(), 4);
        assert!(r.rings.iter().all(|ring| ring.len() == 8));
        // Second spoke: up and to the right, 45° clockwise from the first.
        let (cx, cy) = r.center;
        let (x, y) = r.axes[1].end;
        assert!(x > cx && y < cy);
        assert_eq!(round(x - cx), round(cy - y));
        assert_eq!(r.axes[1].anchor, Anchor::Start);
        assert_eq!(r.axes[5].anchor, Anchor::End);
        assert_eq!(
            r.axes[2].lines,
            ["Stakeholder", "alignment and", "decision roles"]
        );
        assert_eq!(r.axes[3].lines, ["Data readiness"]);
        // A three-line label at the side is centred on its spoke.
        assert_eq!(r.axes[2].label_at, (350.0, 152.0 - RADAR_LINE_HEIGHT));
        // Everything stays in the box.
        for a in &r.axes {
            for (x, y) in [a.end, a.point, a.label_at] {
                assert!((0.0..=r.width).contains(&x) && (0.0..=r.height).contains(&y));
            }
        }
    }

    #[test]
    fn layout_radar_edge_cases() {
        assert!(radar(&[], 200.0).axes.is_empty());
        let two = radar(&scores(&[("A", 10), ("B", 20)]), 200.0);
        assert_eq!(two.axes.len(), 2);
        assert!(two.polygon.is_empty() && two.rings.is_empty());
        for size in [f64::NAN, f64::INFINITY, -5.0, 0.0] {
            let r = radar(&scores(&[("A", 1), ("B", 2), ("C", 3)]), size);
            assert!(r
                .polygon
                .iter()
                .all(|(x, y)| x.is_finite() && y.is_finite()));
        }
        let long = wrap("one two three four five six seven eight nine ten eleven twelve");
        assert_eq!(long.len(), 3);
        assert!(long[2].ends_with('…'));
    }

    #[test]
    fn layout_chain_has_exact_bars_and_elbows() {
        // a(5) → b(10) → c(5): 20 days over 1000 - 240 - 24 = 736 units is
        // 36.8 a day, capped at 24.
        let g = laid_out(&plan(vec![
            task("a", 5, &[]),
            task("b", 10, &["a"]),
            task("c", 5, &["b"]),
        ]));
        assert_eq!(g.day_width, 24.0);
        assert_eq!(g.total_days, 20);
        assert_eq!(ids(&g), ["a", "b", "c"]);
        let bars: Vec<(f64, f64, f64)> =
            g.rows.iter().map(|r| (r.y, r.bar_x, r.bar_width)).collect();
        // One band heading (28) under the 32 header, then a row each.
        assert_eq!(
            bars,
            [
                (60.0, 240.0, 120.0),
                (88.0, 360.0, 240.0),
                (116.0, 600.0, 120.0)
            ]
        );
        assert!(g.rows.iter().all(|r| r.critical && r.slack_width == 0.0));
        assert_eq!(g.phase_bands.len(), 1);
        assert_eq!(g.phase_bands[0].name, "Tasks without a phase");
        assert_eq!((g.phase_bands[0].y, g.phase_bands[0].height), (32.0, 112.0));
        assert_eq!(g.width, 240.0 + 480.0 + 24.0);
        assert_eq!(g.height, 144.0 + 8.0);
        // Adjacent bars leave no room to turn between them: the arrow runs
        // along the top of the next row and comes in from the left.
        assert_eq!(g.arrows.len(), 2);
        assert_eq!(
            g.arrows[0].points,
            [
                (360.0, 74.0),
                (368.0, 74.0),
                (368.0, 88.0),
                (352.0, 88.0),
                (352.0, 102.0),
                (360.0, 102.0)
            ]
        );
        assert!(g.arrows.iter().all(|a| a.critical));
        let ticks: Vec<(f64, &str)> = g.ticks.iter().map(|t| (t.x, t.label.as_str())).collect();
        assert_eq!(
            ticks,
            [
                (240.0, "Week 1"),
                (360.0, "Week 2"),
                (480.0, "Week 3"),
                (600.0, "Week 4")
            ]
        );
        assert_eq!(g.truncated, None);
    }

    #[test]
    fn layout_diamond_shows_slack_and_straight_elbows() {
        // a(2) → b(5) → d(1); a → c(1) → d. c has 4 days of slack.
        let g = laid_out(&plan(vec![
            task("a", 2, &[]),
            task("b", 5, &["a"]),
            task("c", 1, &["a"]),
            task("d", 1, &["b", "c"]),
        ]));
        assert_eq!(ids(&g), ["a", "b", "c", "d"]);
        let c = &g.rows[2];
        assert_eq!((c.bar_x, c.bar_width), (288.0, 24.0));
        assert_eq!((c.slack_x, c.slack_width), (312.0, 96.0));
        assert!(!c.critical);
        let critical: Vec<bool> = g.rows.iter().map(|r| r.critical).collect();
        assert_eq!(critical, [true, true, false, true]);
        // c → d has room to turn right after c ends.
        let cd = g
            .arrows
            .iter()
            .find(|a| a.from.as_str() == "c")
            .expect("c → d");
        assert_eq!(cd.to.as_str(), "d");
        assert_eq!(
            cd.points,
            [
                (312.0, 130.0),
                (320.0, 130.0),
                (320.0, 158.0),
                (408.0, 158.0)
            ]
        );
        assert!(!cd.critical);
        let pairs: Vec<(&str, &str, bool)> = g
            .arrows
            .iter()
            .map(|a| (a.from.as_str(), a.to.as_str(), a.critical))
            .collect();
        assert_eq!(
            pairs,
            [
                ("a", "b", true),
                ("a", "c", false),
                ("b", "d", true),
                ("c", "d", false)
            ]
        );
    }

    #[test]
    fn layout_milestone_is_a_point_and_arrows_stop_at_its_tips() {
        let g = laid_out(&plan(vec![
            task("a", 3, &[]),
            task("m", 0, &["a"]),
            task("b", 2, &["m"]),
        ]));
        let m = &g.rows[1];
        assert!(m.milestone && m.critical);
        assert_eq!((m.bar_x, m.bar_width, m.slack_width), (312.0, 0.0, 0.0));
        let into = &g.arrows[0].points;
        assert_eq!(into.last(), Some(&(312.0 - MILESTONE_HALF, 88.0 + 14.0)));
        let out_of = &g.arrows[1].points;
        assert_eq!(out_of.first(), Some(&(312.0 + MILESTONE_HALF, 88.0 + 14.0)));
        assert!(!g.rows[0].milestone && !g.rows[2].milestone);
    }

    #[test]
    fn layout_groups_by_phase_then_start_and_dates_the_weeks() {
        let mut p = plan(vec![
            task("late", 5, &["early"]),
            task("free", 2, &[]),
            task("early", 5, &[]),
            task("pilot", 10, &["late"]),
            task("stray", 1, &[]),
        ]);
        p.phases = vec![
            Phase {
                id: Id::from("p1"),
                name: "Foundation".into(),
                ..Phase::default()
            },
            Phase {
                id: Id::from("p2"),
                name: String::new(),
                ..Phase::default()
            },
        ];
        for (i, phase) in [(0, "p1"), (1, "p1"), (2, "p1"), (3, "p2"), (4, "gone")] {
            p.tasks[i].phase = Some(Id::from(phase));
        }
        p.start_date = Some("2026-01-12".parse().expect("a date"));
        let g = laid_out(&p);
        // Within the phase: by earliest start, then plan order.
        assert_eq!(ids(&g), ["free", "early", "late", "pilot", "stray"]);
        let bands: Vec<(Option<usize>, &str, f64, f64)> = g
            .phase_bands
            .iter()
            .map(|b| (b.index, b.name.as_str(), b.y, b.height))
            .collect();
        assert_eq!(
            bands,
            [
                (Some(0), "Foundation", 32.0, 112.0),
                (Some(1), "Phase 2", 144.0, 56.0),
                (None, "Tasks without a phase", 200.0, 56.0)
            ]
        );
        // 20 days fit at 36.8 a day, capped at 24; a tick each week.
        let labels: Vec<&str> = g.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["12 Jan 2026", "19 Jan", "26 Jan", "2 Feb"]);
        assert_eq!(
            g.rows[3].timing.start.map(short_date).as_deref(),
            Some("26 Jan")
        );
    }

    #[test]
    fn layout_long_plans_scroll_and_thin_the_ticks() {
        // 600 working days: 736 / 600 is below the 3-unit minimum.
        let g = laid_out(&plan(vec![task("long", 600, &[])]));
        assert_eq!(g.day_width, 3.0);
        assert_eq!(g.width, 240.0 + 1800.0 + 24.0);
        // A week is 15 units; ticks every 8 weeks (120) clear the 72 gap.
        assert_eq!(g.ticks[1].week, 8);
        assert_eq!(g.ticks.len(), 15);
        // Enormous durations shrink the scale rather than the page growing
        // without bound, and the ticks stay few.
        let g = laid_out(&plan(vec![
            task("huge", u32::MAX, &[]),
            task("x", u32::MAX, &["huge"]),
        ]));
        assert!(g.width <= 16_000.0, "{}", g.width);
        assert!(g.ticks.len() < 300, "{}", g.ticks.len());
        assert!(g
            .rows
            .iter()
            .all(|r| r.bar_x.is_finite() && r.bar_width >= 0.0));
    }

    #[test]
    fn closures_progress_late_work_and_the_as_of_line_are_laid_over_the_chart() {
        use crate::analysis::schedule::forecast;
        use crate::model::Closure;
        let mut p = plan(vec![task("a", 5, &[]), task("b", 5, &["a"])]);
        p.start_date = "2026-01-05".parse().ok();
        p.calendar.closures = vec![Closure {
            name: "Team day".into(),
            start: "2026-01-12".parse().ok(),
            ..Closure::default()
        }];
        p.tasks[0].actual_start = "2026-01-05".parse().ok();
        p.tasks[0].percent_complete = Some(60);
        let s = schedule(&p).expect("no loop");
        let g = gantt(&p, &s, &GanttOptions::default());
        assert_eq!(g.closed.len(), 1);
        assert_eq!(g.closed[0].label, "Closed: Team day (12 Jan)");
        assert_eq!(g.closed[0].x, g.rows[1].bar_x, "between a and b");
        assert!(g.as_of.is_none() && g.rows.iter().all(|r| r.percent.is_none()));
        // On Friday 9 January a is 60% done with 2 days left: it ends on
        // Tuesday 13 January (the 12th is closed), so b moves and is late.
        let f = forecast(&p, &s, "2026-01-09".parse().unwrap()).expect("a start date");
        let g = g.with_forecast(&f);
        assert_eq!(g.rows[0].percent, Some(60));
        assert!(g.rows[0].forecast_bar.is_some());
        assert!(g.rows[1].late.contains("working day"), "{}", g.rows[1].late);
        let (x, day) = g.as_of.expect("the as-of day is inside the chart");
        assert_eq!(day.to_string(), "2026-01-09");
        assert_eq!(x, g.origin_x + 4.0 * g.day_width);
    }

    #[test]
    fn layout_empty_and_mismatched_input_does_not_panic() {
        let empty = laid_out(&Plan::default());
        assert!(empty.rows.is_empty() && empty.phase_bands.is_empty());
        assert_eq!(empty.ticks.len(), 1);
        assert_eq!(empty.truncated, None);

        // A schedule of another version of the plan: tasks it lacks are not
        // drawn and counted; dangling dependencies draw nothing.
        let old = plan(vec![task("a", 2, &[]), task("b", 3, &["a"])]);
        let s = schedule(&old).expect("no loop");
        let mut new = plan(vec![
            task("new", 1, &["a", "ghost"]),
            task("b", 3, &["a", "a"]),
            task("a", 2, &[]),
        ]);
        new.tasks.push(task("a", 9, &[])); // a duplicate id
        let g = gantt(&new, &s, &GanttOptions::default());
        assert_eq!(ids(&g), ["a", "a", "b"]);
        assert_eq!(g.truncated, Some(1));
        assert_eq!(g.arrows.len(), 1, "b → the first a, once");

        let odd = GanttOptions {
            target_width: f64::NAN,
            min_day_width: 50.0,
            max_day_width: -1.0,
            max_width: f64::INFINITY,
            label_width: -3.0,
            row_height: 0.0,
            bar_height: 99.0,
            header_height: f64::NEG_INFINITY,
            min_tick_gap: 0.0,
            max_rows: 0,
            max_arrows: 0,
            label_chars: 0,
        };
        let g = gantt(&old, &s, &odd);
        assert!(g.rows.is_empty() && g.width.is_finite() && g.height.is_finite());
        assert_eq!(g.truncated, Some(2));
    }

    #[test]
    fn layout_of_100k_tasks_stays_within_the_cap_and_keeps_the_critical_path() {
        let n = 100_000usize;
        // A critical chain of 10 long tasks, buried among 100k short free ones.
        let mut tasks: Vec<Task> = (0..n)
            .map(|i| task(&format!("t{i}"), 1 + (i % 3) as u32, &[]))
            .collect();
        for k in 0..10 {
            let dep = format!("c{}", k.max(1) - 1);
            let deps: Vec<&str> = if k == 0 { vec![] } else { vec![dep.as_str()] };
            tasks.push(task(&format!("c{k}"), 10, &deps));
        }
        let p = plan(tasks);
        let g = laid_out(&p);
        let cap = options().max_rows;
        assert_eq!(g.rows.len(), cap);
        assert_eq!(g.truncated, Some(n + 10 - cap));
        for k in 0..10 {
            let id = format!("c{k}");
            assert!(g.rows.iter().any(|r| r.id.as_str() == id), "{id} kept");
        }
        assert_eq!(g.arrows.len(), 9);
        // The others kept are the earliest: all start on day 0.
        assert!(g
            .rows
            .iter()
            .all(|r| r.id.as_str().starts_with('c') || r.timing.earliest_start == 0));

        // A chain longer than the cap keeps its first tasks.
        let chain: Vec<Task> = (0..n)
            .map(|i| {
                let dep = format!("t{}", i.max(1) - 1);
                let deps: Vec<&str> = if i == 0 { vec![] } else { vec![dep.as_str()] };
                task(&format!("t{i}"), 1, &deps)
            })
            .collect();
        let g = laid_out(&plan(chain));
        assert_eq!(g.rows.len(), cap);
        assert_eq!(g.rows[0].id.as_str(), "t0");
        assert_eq!(g.arrows.len(), cap - 1);
        assert!(g.width <= 16_000.0);
    }

    fn arbitrary_plan() -> impl Strategy<Value = Plan> {
        let ids = prop::sample::select(vec!["a", "b", "c", "d", "e", "", "ghost"]);
        let one = (
            ids.clone(),
            prop::option::of(0u32..40),
            prop::collection::vec(ids.clone(), 0..4),
            prop::option::of(prop::sample::select(vec!["p1", "p2", "nope"])),
        );
        prop::collection::vec(one, 0..12).prop_map(|list| {
            let mut p = Plan::blank();
            p.phases[0].id = Id::from("p1");
            p.phases[1].id = Id::from("p2");
            p.tasks = list
                .into_iter()
                .map(|(id, days, deps, phase)| Task {
                    id: Id::from(id),
                    duration_days: days,
                    depends_on: deps.into_iter().map(Id::from).collect(),
                    phase: phase.map(Id::from),
                    ..Task::default()
                })
                .collect();
            p
        })
    }

    proptest! {
        #[test]
        fn layout_of_any_plan_is_finite_and_within_bounds(p in arbitrary_plan(), rows in 0usize..6) {
            let Ok(s) = schedule(&p) else { return Ok(()) };
            let options = GanttOptions { max_rows: rows, ..GanttOptions::default() };
            let g = gantt(&p, &s, &options);
            prop_assert!(g.rows.len() <= rows);
            prop_assert_eq!(g.rows.len() + g.truncated.unwrap_or(0), p.tasks.len());
            for r in &g.rows {
                prop_assert!(r.bar_x >= g.origin_x && r.bar_x + r.bar_width <= g.width);
                prop_assert!(r.slack_x + r.slack_width <= g.width);
                prop_assert!(r.y + g.row_height <= g.height);
            }
            for a in &g.arrows {
                prop_assert!(a.points.iter().all(|(x, y)| x.is_finite() && y.is_finite()));
                let last = a.points.len() - 1;
                prop_assert!(a.points[last].0 >= a.points[last - 1].0);
            }
        }
    }
}
