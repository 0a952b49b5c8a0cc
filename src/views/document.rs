//! The whole plan as one read-only document, for reading on screen (a shared
//! plan, say) and for printing: a title block, then the twelve template
//! sections as compact label and value lists, tables and short records.
//! It shows what the plan says, not the forms it was written in, so no
//! control, hint or "tick what holds" reaches the page or the paper.
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

use crate::components::local_date::today;
use crate::state::use_plan;
use blocks::{count, grouped, Block, Fact, Record, Table, Value};
use sections::{section, Names, TaskCells, TASK_HEAD};

/// Task rows rendered when the document opens.
const FIRST_ROWS: usize = 100;
/// Task rows added per browser task after "Show all".
const MORE_ROWS: usize = 250;

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
    let body = move || {
        open.plan.with(|p| {
            open.analysis.with(|a| {
                let names = Names::new(p);
                Section::ALL
                    .iter()
                    .map(|s| section_view(*s, section(*s, p, a, &names)))
                    .collect_view()
            })
        })
    };
    view! {
        <article class="pw-document" data-testid="document">
            <TitleBlock kicker="The whole plan"/>
            <div class="pw-document__actions">
                <button type="button" class="pw-button" on:click=move |_| print_page()>
                    "Print"
                </button>
            </div>
            {body}
        </article>
    }
}

/// One template section.
fn section_view(s: Section, blocks: Vec<Block>) -> AnyView {
    let id = format!("doc-{}", s.key());
    let labelled = id.clone();
    let mut nested = false;
    let parts = blocks
        .into_iter()
        .map(|b| {
            nested |= matches!(b, Block::Heading(_));
            block_view(b, nested)
        })
        .collect_view();
    view! {
        <section class="pw-doc-section" aria-labelledby=labelled>
            <h3 id=id>{format!("{}. {}", s.number(), s.title())}</h3>
            {parts}
        </section>
    }
    .into_any()
}

/// One block; `nested` when it follows a sub-heading, so its records'
/// headings go one level deeper.
fn block_view(b: Block, nested: bool) -> AnyView {
    match b {
        Block::Heading(t) => view! { <h4 class="pw-doc__heading">{t}</h4> }.into_any(),
        Block::Text(t) => view! { <p class="pw-doc__text">{t}</p> }.into_any(),
        Block::Missing(t) => missing(t),
        Block::Facts(facts) => facts_view(facts),
        Block::Table(t, empty) if t.rows.is_empty() => missing(empty),
        Block::Table(t, _) => table_view(t),
        Block::Records(r, empty) if r.is_empty() => missing(empty),
        Block::Records(r, _) => view! {
            <div class="pw-doc-records">
                {r.into_iter().map(|r| record_view(r, nested)).collect_view()}
            </div>
        }
        .into_any(),
        Block::Tasks => view! { <TaskTable/> }.into_any(),
    }
}

fn missing(text: &'static str) -> AnyView {
    view! { <p class="pw-doc__missing">{text}</p> }.into_any()
}

fn facts_view(facts: Vec<Fact>) -> AnyView {
    let items = facts
        .into_iter()
        .map(|f| {
            let value = match f.value {
                Value::Text(t) => view! { <dd>{t}</dd> }.into_any(),
                Value::Items(items) => view! {
                    <dd>
                        <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                    </dd>
                }
                .into_any(),
                Value::Missing(t) => view! { <dd class="pw-doc__missing">{t}</dd> }.into_any(),
            };
            view! {
                <div class="pw-doc-fact" class:pw-doc-fact--wide=f.wide>
                    <dt>{f.label}</dt>
                    {value}
                </div>
            }
        })
        .collect_view();
    view! { <dl class="pw-doc-facts">{items}</dl> }.into_any()
}

fn record_view(r: Record, nested: bool) -> AnyView {
    let heading = view! {
        {r.title}
        {r.tag.map(|t| view! { <span class="pw-doc-record__tag">{format!(" ({t})")}</span> })}
    };
    let heading = if nested {
        view! { <h5 class="pw-doc-record__title">{heading}</h5> }.into_any()
    } else {
        view! { <h4 class="pw-doc-record__title">{heading}</h4> }.into_any()
    };
    view! {
        <div class="pw-doc-record">
            {heading}
            {facts_view(r.facts)}
        </div>
    }
    .into_any()
}

fn head_view(head: &[&'static str]) -> AnyView {
    view! {
        <thead>
            <tr>{head.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
        </thead>
    }
    .into_any()
}

fn table_view(t: Table) -> AnyView {
    let rows = t
        .rows
        .into_iter()
        .map(|cells| {
            let mut cells = cells.into_iter();
            let first = cells.next().unwrap_or_default();
            view! {
                <tr>
                    <th scope="row">{first}</th>
                    {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="pw-doc-table">
            <table class="pw-table">
                <caption class="pw-visually-hidden">{t.caption}</caption>
                {head_view(&t.head)}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The rows `start..end` of the task table, in one `<tbody>`.
fn task_rows(start: usize, end: usize) -> AnyView {
    let open = use_plan();
    let rows = open.plan.with_untracked(|p| {
        open.analysis.with_untracked(|a| {
            let cells = TaskCells::new(p, a.schedule.as_ref().ok());
            (start..end)
                .filter_map(|i| cells.row(i))
                .map(|(cells, critical, notes)| {
                    let mut cells = cells.into_iter();
                    let number = cells.next().unwrap_or_default();
                    let task = cells.next().unwrap_or_default();
                    let notes = (!notes.is_empty())
                        .then(|| view! { <span class="pw-doc-task__notes">{notes}</span> });
                    view! {
                        <tr class:pw-doc-task--critical=critical>
                            <td>{number}</td>
                            <th scope="row">{task}{notes}</th>
                            {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                        </tr>
                    }
                })
                .collect_view()
        })
    });
    view! { <tbody>{rows}</tbody> }.into_any()
}

/// Where part `k` of the task table starts and ends, for `total` tasks.
fn part_bounds(k: usize, total: usize) -> (usize, usize) {
    let start = if k == 0 {
        0
    } else {
        FIRST_ROWS + (k - 1) * MORE_ROWS
    };
    let end = if k == 0 {
        FIRST_ROWS
    } else {
        start + MORE_ROWS
    };
    (start.min(total), end.min(total))
}

/// How many parts hold `total` tasks.
fn parts_for(total: usize) -> usize {
    if total <= FIRST_ROWS {
        1
    } else {
        1 + (total - FIRST_ROWS).div_ceil(MORE_ROWS)
    }
}

/// The plan's tasks as a table: the first rows at once, the rest on demand
/// (one part per browser task) and always all of them on paper.
#[component]
fn TaskTable() -> impl IntoView {
    let open = use_plan();
    let total = open.plan.with_untracked(|p| p.tasks.len());
    let all = parts_for(total);
    let parts = RwSignal::new(1usize);
    let shown = move || part_bounds(parts.get().saturating_sub(1), total).1;
    // Adds one part per browser task until every row is there.
    fn grow(parts: RwSignal<usize>, all: usize) {
        if parts.try_get_untracked().is_none_or(|p| p >= all) {
            return;
        }
        parts.update(|p| *p += 1);
        set_timeout(move || grow(parts, all), Duration::ZERO);
    }
    let growing = RwSignal::new(false);
    let show_all = move |_| {
        growing.set(true);
        set_timeout(move || grow(parts, all), Duration::ZERO);
    };
    on_print(move || {
        if parts.get_untracked() < all {
            parts.set(all);
        }
    });
    let status = move || {
        let n = shown();
        if n >= total {
            None
        } else if growing.get() {
            Some(format!(
                "Showing {} of {}…",
                grouped(n),
                count(total, "task", "tasks")
            ))
        } else {
            Some(format!(
                "Showing the first {} of {}.",
                grouped(n),
                count(total, "task", "tasks")
            ))
        }
    };
    let label = format!("Show all {}", count(total, "task", "tasks"));
    let bounds = move || {
        (0..parts.get().min(all))
            .map(|k| part_bounds(k, total))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="pw-doc-table pw-doc-tasks">
            <table class="pw-table" aria-label="Tasks">
                {head_view(&TASK_HEAD)}
                <For
                    each=bounds
                    key=|b| *b
                    children=|(start, end)| task_rows(start, end)
                />
            </table>
        </div>
        <div class="pw-doc-more">
            <p class="pw-doc__missing" role="status">{status}</p>
            <Show when=move || { shown() < total && !growing.get() }>
                <button type="button" class="pw-button" on:click=show_all>{label.clone()}</button>
            </Show>
        </div>
    }
}
