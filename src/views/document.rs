//! The whole plan as one read-only document, for reading on screen (a shared
//! plan, say) and for printing: a title block, then the twelve template
//! sections as compact label and value lists, tables and short records.
//! It shows what the plan says, not the forms it was written in, so no
//! control, hint or "tick what holds" reaches the page or the paper.
//!
//! The body is static, so it is written straight into the page from the
//! plan's [`Block`]s by one small renderer (a Leptos view per block kind
//! would cost far more code in the wasm for markup that never changes), and
//! written again when the plan changes (another tab, say).
//!
//! Long task lists are rendered on demand: the first rows at once, the rest
//! after "Show all" in parts of a few hundred rows, one part per browser
//! task, so the page never freezes. Printing (the browser's print, the Print
//! button, or print media) renders every row first, so paper always gets the
//! complete plan.

mod blocks;
mod sections;

use std::time::Duration;

use leptos::prelude::*;
use planwright_core::model::Section;
use planwright_core::Choice;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::dates::today;
use crate::state::{use_plan, OpenPlan};
use blocks::{count, grouped, Block, Fact, Record, Table, Value};
use sections::{section, Names, TaskCells, TASK_HEAD};

/// Task rows rendered when the document opens.
const FIRST_ROWS: usize = 100;
/// Task rows added per browser task after "Show all".
const MORE_ROWS: usize = 200;

/// Opens the browser's print dialog.
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Calls `run` whenever the page is about to print: on `beforeprint`, and
/// when print media starts to apply (which is also how tools that make a
/// PDF without a dialog announce it). Stops when the calling view goes.
fn on_print(run: impl Fn() + Clone + 'static) {
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
    let title = open.field(|p| {
        let t = p.title.trim();
        if t.is_empty() {
            "Untitled AI initiative".to_string()
        } else {
            t.to_string()
        }
    });
    let summary = open.field(|p| p.summary.trim().to_string());
    let score = move || {
        open.analysis.with(|a| {
            let r = &a.readiness;
            format!("{} / 100, {}", r.overall, r.band.label())
        })
    };
    let tier = move || {
        open.analysis.with(|a| {
            let r = &a.risk;
            if r.provisional {
                format!("{} (provisional: some questions are open)", r.tier.label())
            } else {
                r.tier.label().to_string()
            }
        })
    };
    let printed = RwSignal::new(today());
    on_print(move || printed.set(today()));
    view! {
        <header class="pw-titleblock" data-testid="title-block">
            <p class="pw-step__count">{kicker}</p>
            <h2 class="pw-titleblock__title">{move || title.get()}</h2>
            <Show when=move || summary.with(|s| !s.is_empty())>
                <p class="pw-titleblock__summary">{move || summary.get()}</p>
            </Show>
            <dl class="pw-titleblock__facts">
                <div>
                    <dt>"Readiness"</dt>
                    <dd>{score}</dd>
                </div>
                <div>
                    <dt>"Risk tier"</dt>
                    <dd>{tier}</dd>
                </div>
                <div class="pw-print-only">
                    <dt>"Printed"</dt>
                    <dd>{move || printed.get()}</dd>
                </div>
            </dl>
        </header>
    }
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
    on_print(move || {
        tasks.update_value(|t| {
            if let Some(t) = t {
                grow_to(open, t, usize::MAX);
            }
        })
    });
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

/// Writes elements into the page: each call makes one child of `parent`.
#[derive(Clone)]
struct Dom(web_sys::Document);

impl Dom {
    fn el(&self, parent: &Element, tag: &str, class: &str) -> Option<Element> {
        let e = self.0.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        parent.append_child(&e).ok()?;
        Some(e)
    }

    /// An element holding `text` (as text, never markup).
    fn text(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Option<Element> {
        let e = self.el(parent, tag, class)?;
        e.set_text_content(Some(text));
        Some(e)
    }
}

/// Writes every section into `root`; returns the task table's state when
/// the plan has tasks.
fn write_body(open: OpenPlan, root: &Element) -> Option<TaskPart> {
    let dom = Dom(document());
    let mut tasks = None;
    open.plan.with_untracked(|p| {
        open.analysis.with_untracked(|a| {
            let names = Names::new(p);
            for s in Section::ALL {
                let found = write_section(&dom, root, s, section(s, p, a, &names));
                tasks = tasks.take().or(found);
            }
        })
    });
    let mut tasks = tasks?;
    grow_to(open, &mut tasks, FIRST_ROWS);
    Some(tasks)
}

/// One template section; returns the task table's state if it holds it.
fn write_section(dom: &Dom, root: &Element, s: Section, blocks: Vec<Block>) -> Option<TaskPart> {
    let section = dom.el(root, "section", "pw-doc-section")?;
    let id = format!("doc-{}", s.key());
    let _ = section.set_attribute("aria-labelledby", &id);
    let h = dom.text(&section, "h3", "", &s.numbered_heading())?;
    h.set_id(&id);
    let mut nested = false;
    let mut tasks = None;
    for b in blocks {
        nested |= matches!(b, Block::Heading(_));
        if let Some(t) = write_block(dom, &section, b, nested) {
            tasks = Some(t);
        }
    }
    tasks
}

/// One block; `nested` when it follows a sub-heading, so its records'
/// headings go one level deeper.
fn write_block(dom: &Dom, parent: &Element, b: Block, nested: bool) -> Option<TaskPart> {
    match b {
        Block::Heading(t) => {
            dom.text(parent, "h4", "pw-doc__heading", &t);
        }
        Block::Text(t) => {
            dom.text(parent, "p", "pw-doc__text", &t);
        }
        Block::Missing(t) => {
            dom.text(parent, "p", "pw-doc__missing", t);
        }
        Block::Facts(facts) => {
            write_facts(dom, parent, facts);
        }
        Block::Table(t, empty) if t.rows.is_empty() => {
            dom.text(parent, "p", "pw-doc__missing", empty);
        }
        Block::Table(t, _) => {
            write_table(dom, parent, t);
        }
        Block::Records(r, empty) if r.is_empty() => {
            dom.text(parent, "p", "pw-doc__missing", empty);
        }
        Block::Records(r, _) => {
            let list = dom.el(parent, "div", "pw-doc-records")?;
            for record in r {
                write_record(dom, &list, record, nested);
            }
        }
        Block::Tasks => return write_tasks(dom, parent),
    }
    None
}

fn write_facts(dom: &Dom, parent: &Element, facts: Vec<Fact>) -> Option<()> {
    let dl = dom.el(parent, "dl", "pw-doc-facts")?;
    for f in facts {
        let class = if f.wide {
            "pw-doc-fact pw-doc-fact--wide"
        } else {
            "pw-doc-fact"
        };
        let item = dom.el(&dl, "div", class)?;
        dom.text(&item, "dt", "", f.label)?;
        match f.value {
            Value::Text(t) => {
                dom.text(&item, "dd", "", &t)?;
            }
            Value::Missing(t) => {
                dom.text(&item, "dd", "pw-doc__missing", t)?;
            }
            Value::Items(items) => {
                let dd = dom.el(&item, "dd", "")?;
                let ul = dom.el(&dd, "ul", "")?;
                for i in items {
                    dom.text(&ul, "li", "", &i)?;
                }
            }
        }
    }
    Some(())
}

fn write_record(dom: &Dom, parent: &Element, r: Record, nested: bool) -> Option<()> {
    let item = dom.el(parent, "div", "pw-doc-record")?;
    let tag = if nested { "h5" } else { "h4" };
    let h = dom.text(&item, tag, "pw-doc-record__title", &r.title)?;
    if let Some(t) = r.tag {
        dom.text(&h, "span", "pw-doc-record__tag", &format!(" ({t})"))?;
    }
    write_facts(dom, &item, r.facts)
}

/// A table with its column headings; returns the table.
fn table_frame(dom: &Dom, parent: &Element, class: &str, head: &[&str]) -> Option<Element> {
    let wrap = dom.el(parent, "div", class)?;
    let table = dom.el(&wrap, "table", "pw-table")?;
    let tr = dom
        .el(&table, "thead", "")
        .and_then(|h| dom.el(&h, "tr", ""))?;
    for h in head {
        dom.text(&tr, "th", "", h)?
            .set_attribute("scope", "col")
            .ok()?;
    }
    Some(table)
}

/// A row: the cell at `header` heads it, the others are data.
fn write_row(dom: &Dom, body: &Element, cells: &[String], header: usize) -> Option<Element> {
    let tr = dom.el(body, "tr", "")?;
    for (i, c) in cells.iter().enumerate() {
        if i == header {
            dom.text(&tr, "th", "", c)?
                .set_attribute("scope", "row")
                .ok()?;
        } else {
            dom.text(&tr, "td", "", c)?;
        }
    }
    Some(tr)
}

fn write_table(dom: &Dom, parent: &Element, t: Table) -> Option<()> {
    let table = table_frame(dom, parent, "pw-doc-table", &t.head)?;
    let caption = dom.text(&table, "caption", "pw-visually-hidden", &t.caption)?;
    let _ = table.insert_before(&caption, table.first_child().as_ref());
    let body = dom.el(&table, "tbody", "")?;
    for cells in &t.rows {
        write_row(dom, &body, cells, 0)?;
    }
    Some(())
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

/// The task table's frame, its status line and its "Show all" button.
fn write_tasks(dom: &Dom, parent: &Element) -> Option<TaskPart> {
    let table = table_frame(dom, parent, "pw-doc-table pw-doc-tasks", &TASK_HEAD)?;
    table.set_attribute("aria-label", "Tasks").ok()?;
    let more = dom.el(parent, "div", "pw-doc-more")?;
    let status = dom.el(&more, "p", "pw-doc__missing")?;
    status.set_attribute("role", "status").ok()?;
    let button = dom.el(&more, "button", "pw-button")?;
    button.set_attribute("type", "button").ok()?;
    button.set_attribute("data-show-all", "").ok()?;
    Some(TaskPart {
        table: Some(table),
        status: Some(status),
        button: Some(button),
        ..TaskPart::default()
    })
}

/// Adds task rows until `upto` are shown (or all of them), in one
/// `<tbody>`, and updates the status line and the button.
fn grow_to(open: OpenPlan, part: &mut TaskPart, upto: usize) {
    let Some(table) = part.table.clone() else {
        return;
    };
    let dom = Dom(document());
    open.plan.with_untracked(|p| {
        open.analysis.with_untracked(|a| {
            part.total = p.tasks.len();
            let end = upto.min(part.total);
            if end <= part.shown {
                return;
            }
            let cells = TaskCells::new(p, a.schedule.as_ref().ok());
            let Some(body) = dom.el(&table, "tbody", "") else {
                return;
            };
            for i in part.shown..end {
                let Some((row, critical, notes)) = cells.row(i) else {
                    break;
                };
                let Some(tr) = write_row(&dom, &body, &row, 1) else {
                    break;
                };
                if critical {
                    tr.set_class_name("pw-doc-task--critical");
                }
                if let (false, Some(th)) = (notes.is_empty(), tr.children().item(1)) {
                    dom.text(&th, "span", "pw-doc-task__notes", &notes);
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
