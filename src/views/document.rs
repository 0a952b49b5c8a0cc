//! The whole plan as one read-only document, for reading on screen (a shared
//! plan, say) and for printing: a title block, then the twelve template
//! sections as compact label and value lists, tables and short records.
//! It shows what the plan says, not the forms it was written in, so no
//! control, hint or "tick what holds" reaches the page or the paper.
//!
//! The body is static, so it is written straight into the page by a small
//! [`Writer`] (a Leptos view per kind of block would cost far more code in
//! the wasm for markup that never changes), and written again when the plan
//! changes (another tab, say).
//!
//! Long task lists are rendered on demand: the first rows at once, the rest
//! after "Show all" in parts of a few hundred rows, one part per browser
//! task, so the page never freezes. Printing (the browser's print, the Print
//! button, or print media) renders every row first, so paper always gets the
//! complete plan.

mod sections;
mod writer;

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use planwright_core::model::Section;
use planwright_core::Choice;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::dates::today;
use crate::state::{use_plan, OpenPlan};
use sections::{count, grouped, section, Names, TaskCells};
use writer::Writer;

/// Task rows rendered when the document opens.
const FIRST_ROWS: usize = 100;
/// Task rows added per browser task after "Show all".
const MORE_ROWS: usize = 100;

/// Opens the browser's print dialog.
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Calls `run` whenever the page is about to print: on `beforeprint`, and
/// when print media starts to apply (which is also how tools that make a
/// PDF without a dialog announce it). Stops when the calling view goes.
fn on_print(run: Rc<dyn Fn()>) {
    let before = window_event_listener_untyped("beforeprint", {
        let run = run.clone();
        move |_| run()
    });
    let media = window().match_media("print").ok().flatten();
    let change = media.clone().map(|m| {
        let watched = m.clone();
        let change = Closure::<dyn Fn()>::new(move || {
            if watched.matches() {
                run();
            }
        });
        let _ = m.add_event_listener_with_callback("change", change.as_ref().unchecked_ref());
        change
    });
    // Cleanups run before the owner's stored values go, so this is still there.
    let kept = StoredValue::new_local(Some((media, change)));
    on_cleanup(move || {
        before.remove();
        if let Some(Some((Some(m), Some(change)))) = kept.try_update_value(Option::take) {
            let _ =
                m.remove_event_listener_with_callback("change", change.as_ref().unchecked_ref());
        }
    });
}

/// The heading block every printout opens with: what it is, the plan's
/// title and summary, the readiness score and band, the risk tier, and (on
/// paper) the day it was printed, in the reader's own date style.
#[component]
pub fn TitleBlock(
    /// What the page is, above the title ("Results", "The whole plan").
    kicker: &'static str,
) -> impl IntoView {
    let open = use_plan();
    let node = NodeRef::<leptos::html::Header>::new();
    let printed = StoredValue::new_local(None::<Element>);
    Effect::new(move || {
        let Some(root) = node.get() else { return };
        root.set_text_content(None);
        let mut w = Writer::new(root.into());
        open.plan.with(|p| {
            w.text_el("p", "pw-step__count", kicker);
            let title = match p.title.trim() {
                "" => "Untitled AI initiative",
                t => t,
            };
            w.text_el("h2", "pw-titleblock__title", title);
            if !p.summary.trim().is_empty() {
                w.text_el("p", "pw-titleblock__summary", p.summary.trim());
            }
        });
        w.begin("dl", "pw-titleblock__facts");
        open.analysis.with(|a| {
            let (r, risk) = (&a.readiness, &a.risk);
            let tier = if risk.provisional {
                format!(
                    "{} (provisional: some questions are open)",
                    risk.tier.label()
                )
            } else {
                risk.tier.label().to_string()
            };
            let score = format!("{} / 100, {}", r.overall, r.band.label());
            for (label, value) in [("Readiness", score.as_str()), ("Risk tier", &tier)] {
                w.begin("div", "");
                w.text_el("dt", "", label);
                w.text_el("dd", "", value);
                w.end();
            }
        });
        w.begin("div", "pw-print-only");
        w.text_el("dt", "", "Printed");
        printed.set_value(w.text_el("dd", "", &today()));
    });
    on_print(Rc::new(move || {
        printed.with_value(|d| {
            if let Some(d) = d {
                d.set_text_content(Some(&today()));
            }
        })
    }));
    view! { <header class="pw-titleblock" data-testid="title-block" node_ref=node></header> }
}

/// Every section of the open plan, read-only.
#[component]
pub fn Document() -> impl IntoView {
    let open = use_plan();
    let body = NodeRef::<leptos::html::Div>::new();
    let tasks = StoredValue::new_local(None::<TaskPart>);
    Effect::new(move || {
        let Some(root) = body.get() else { return };
        open.plan.track();
        open.analysis.track();
        root.set_text_content(None);
        let part = write_body(open, &root);
        tasks.set_value(part);
    });
    on_print(Rc::new(move || {
        tasks.update_value(|t| {
            if let Some(t) = t {
                grow_to(open, t, usize::MAX);
            }
        })
    }));
    // The one control inside the body, found by its attribute.
    let clicked = move |ev: leptos::ev::MouseEvent| {
        let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
        if target.is_some_and(|t| t.closest("[data-show-all]").ok().flatten().is_some()) {
            tasks.update_value(|t| {
                if let Some(t) = t {
                    t.growing = true;
                }
            });
            grow_later(open, tasks);
        }
    };
    view! {
        <article class="pw-document" data-testid="document">
            <TitleBlock kicker="The whole plan"/>
            <div class="pw-document__actions">
                <button type="button" class="pw-button" on:click=move |_| print_page()>
                    "Print"
                </button>
            </div>
            <div class="pw-document__body" node_ref=body on:click=clicked></div>
        </article>
    }
}

/// Writes every section into `root`; returns the task table's state when
/// the plan has tasks.
fn write_body(open: OpenPlan, root: &Element) -> Option<TaskPart> {
    let mut w = Writer::new(root.clone());
    let mut table = None;
    open.plan.with_untracked(|p| {
        open.analysis.with_untracked(|a| {
            let names = Names::new(p);
            for s in Section::ALL {
                table = section(&mut w, s, p, a, &names).or(table.take());
            }
        })
    });
    let mut tasks = TaskPart::new(table?, root)?;
    grow_to(open, &mut tasks, FIRST_ROWS);
    Some(tasks)
}

/// The task table as it is being filled in.
#[derive(Default)]
struct TaskPart {
    table: Option<Element>,
    status: Option<Element>,
    button: Option<Element>,
    shown: usize,
    total: usize,
    growing: bool,
}

impl TaskPart {
    /// The state of `table`, with its status line and "Show all" button
    /// written after it.
    fn new(table: Element, root: &Element) -> Option<TaskPart> {
        let mut w = Writer::new(root.clone());
        let more = w.begin("div", "pw-doc-more")?;
        // After the table, inside its section.
        let wrap = table.parent_element()?;
        wrap.after_with_node_1(&more).ok()?;
        let status = w.el("p", "pw-doc__missing")?;
        status.set_attribute("role", "status").ok()?;
        let button = w.el("button", "pw-button")?;
        button.set_attribute("type", "button").ok()?;
        button.set_attribute("data-show-all", "").ok()?;
        Some(TaskPart {
            table: Some(table),
            status: Some(status),
            button: Some(button),
            ..TaskPart::default()
        })
    }
}

/// Adds task rows until `upto` are shown (or all of them), in one
/// `<tbody>`, and updates the status line and the button.
fn grow_to(open: OpenPlan, part: &mut TaskPart, upto: usize) {
    let Some(table) = part.table.clone() else {
        return;
    };
    open.plan.with_untracked(|p| {
        open.analysis.with_untracked(|a| {
            part.total = p.tasks.len();
            let end = upto.min(part.total);
            if end <= part.shown {
                return;
            }
            let cells = TaskCells::new(p, a.schedule.as_ref().ok());
            let mut w = Writer::new(table);
            w.begin("tbody", "");
            for i in part.shown..end {
                let Some((row, critical, notes)) = cells.row(i) else {
                    break;
                };
                let row: Vec<&str> = row.iter().map(String::as_str).collect();
                let Some(tr) = w.row(&row, 1) else {
                    break;
                };
                if critical {
                    tr.set_class_name("pw-doc-task--critical");
                }
                if let (false, Some(th)) = (notes.is_empty(), tr.children().item(1)) {
                    Writer::new(th).text_el("span", "pw-doc-task__notes", &notes);
                }
            }
            part.shown = end;
        })
    });
    let (shown, total) = (part.shown, part.total);
    let status = match (shown >= total, part.growing) {
        (true, _) => String::new(),
        (false, true) => format!(
            "Showing {} of {}…",
            grouped(shown),
            count(total, "task", "tasks")
        ),
        (false, false) => format!(
            "Showing the first {} of {}.",
            grouped(shown),
            count(total, "task", "tasks")
        ),
    };
    if let Some(s) = &part.status {
        s.set_text_content(Some(&status));
    }
    if let Some(b) = &part.button {
        b.set_text_content(Some(&format!("Show all {}", count(total, "task", "tasks"))));
        let _ = b.toggle_attribute_with_force("hidden", shown >= total || part.growing);
    }
}

/// Adds one part of rows in a later browser task, and the next after it,
/// until every row is shown.
fn grow_later(open: OpenPlan, tasks: StoredValue<Option<TaskPart>, LocalStorage>) {
    set_timeout(
        move || {
            let more = tasks
                .try_update_value(|t| match t {
                    Some(t) => {
                        grow_to(open, t, t.shown + MORE_ROWS);
                        t.shown < t.total
                    }
                    None => false,
                })
                .unwrap_or(false);
            if more {
                grow_later(open, tasks);
            }
        },
        Duration::ZERO,
    );
}
