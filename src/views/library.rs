//! The plan library: every plan in this browser, and ways to start a new one.

use leptos::prelude::*;
use planwright_core::format::examples::{example, EXAMPLES};
use planwright_core::model::Section;
use planwright_core::Plan;

use crate::components::{dom_id, focus_soon};
use crate::panels::import_zone::ImportZone;
use crate::state::{use_library, use_notices, NoticeKind, View};
use crate::storage::Entry;

/// Formats a timestamp in the person's locale.
fn when(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}

/// The list of plans and the ways to start one.
#[component]
pub fn Library() -> impl IntoView {
    let library = use_library();
    let notices = use_notices();
    let has_plans = move || !library.entries.with(Vec::is_empty);
    let start_blank = move |_| {
        library.create(Plan::blank());
    };
    view! {
        <div class="pw-library" data-testid="library">
            <Show
                when=has_plans
                fallback=move || {
                    view! {
                        <section class="pw-welcome" aria-labelledby="welcome-title">
                            <h2 id="welcome-title">"Plan an AI initiative that makes it past the pilot"</h2>
                            <p>
                                "Only about 48% of AI projects make it into production (one practitioners' planning "
                                "guide puts it there), and the hand-off from pilot to operation is where most stall: "
                                "nobody owns it, data gaps surface late, integration was underestimated. Planwright "
                                "walks you through the twelve parts of a plan and shows, as you type, how ready you "
                                "are, which risk tier applies and what to do first."
                            </p>
                            <p>"Start from a worked example to see a finished plan, or from a blank template."</p>
                        </section>
                    }
                }
            >
                <section aria-labelledby="library-title">
                    <h2 id="library-title">"Your plans"</h2>
                    <ul class="pw-cards" data-testid="plan-list">
                        <For
                            each=move || library.entries.get()
                            key=|e: &Entry| (e.id.clone(), e.meta.as_ref().map(|m| (m.title.clone(), m.rev)))
                            children=move |e: Entry| view! { <PlanCard entry=e/> }
                        />
                    </ul>
                </section>
            </Show>
            <section class="pw-start" aria-labelledby="start-title">
                <h2 id="start-title">"Start a plan"</h2>
                <div class="pw-cards pw-cards--start">
                    <div class="pw-card">
                        <h3>"Blank template"</h3>
                        <p>"The twelve sections and the four default phases, ready to fill in."</p>
                        <button type="button" class="pw-button pw-button--primary" data-testid="new-blank" on:click=start_blank>
                            "Start from scratch"
                        </button>
                    </div>
                    {EXAMPLES
                        .iter()
                        .map(|ex| {
                            let key = ex.key;
                            let open = move |_| match example(key) {
                                Some(plan) => {
                                    library.create(plan);
                                }
                                None => {
                                    notices.notify(NoticeKind::Error, "That example could not be loaded.");
                                }
                            };
                            view! {
                                <div class="pw-card">
                                    <h3>{ex.title}</h3>
                                    <p>{ex.blurb}</p>
                                    <button
                                        type="button"
                                        class="pw-button"
                                        data-testid=format!("new-example-{key}")
                                        on:click=open
                                    >
                                        "Start from this example"
                                    </button>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </section>
            <ImportZone/>
            <Show when=move || library.trash.with(Option::is_some)>
                <section class="pw-trash" aria-labelledby="trash-title">
                    <h2 id="trash-title">"Recently deleted"</h2>
                    <p>
                        {move || library.trash.with(|t| t.as_ref().map(|t| {
                            let title = if t.title.is_empty() { "A plan".to_string() } else { format!("'{}'", t.title) };
                            format!("{title} was deleted on {}.", when(t.deleted))
                        }))}
                        " "
                        <button type="button" class="pw-button" data-testid="restore-deleted" on:click=move |_| library.restore()>
                            "Restore it"
                        </button>
                    </p>
                </section>
            </Show>
        </div>
    }
}

/// One plan in the library, with its actions.
#[component]
fn PlanCard(
    /// The stored plan.
    entry: Entry,
) -> impl IntoView {
    let library = use_library();
    let id = StoredValue::new(entry.id.clone());
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let name_id = dom_id("rename");
    match (entry.meta, entry.damage) {
        (Some(meta), _) => {
            let title = if meta.title.trim().is_empty() {
                "Untitled plan".to_string()
            } else {
                meta.title.clone()
            };
            let draft = RwSignal::new(meta.title.clone());
            let updated = when(meta.updated);
            let finish_rename = move || {
                let t = draft.get_untracked().trim().to_string();
                if !t.is_empty() {
                    library.rename(&id.get_value(), t);
                }
                renaming.set(false);
            };
            let input_id = name_id.clone();
            view! {
                <li class="pw-card" data-testid="plan-card">
                    <Show
                        when=move || renaming.get()
                        fallback={
                            let title = title.clone();
                            move || view! { <h3 class="pw-card__title">{title.clone()}</h3> }
                        }
                    >
                        <label class="pw-field__label" for=input_id.clone()>"New name"</label>
                        <input
                            id=input_id.clone()
                            class="pw-input"
                            type="text"
                            prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev))
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                                "Enter" => finish_rename(),
                                "Escape" => renaming.set(false),
                                _ => {}
                            }
                        />
                        <button type="button" class="pw-button" on:click=move |_| finish_rename()>"Save name"</button>
                    </Show>
                    <p class="pw-card__meta">{format!("Last saved {updated}")}</p>
                    <div class="pw-card__actions">
                        <button
                            type="button"
                            class="pw-button pw-button--primary"
                            data-testid="open-plan"
                            on:click=move |_| {
                                library.open(&id.get_value(), View::Step(Section::Objective));
                            }
                        >
                            "Open"
                        </button>
                        <button
                            type="button"
                            class="pw-button"
                            data-testid="rename-plan"
                            on:click={
                                let input_id = name_id.clone();
                                move |_| {
                                    renaming.set(true);
                                    focus_soon(format!("#{input_id}"));
                                }
                            }
                        >
                            "Rename"
                        </button>
                        <button type="button" class="pw-button" data-testid="duplicate-plan" on:click=move |_| library.duplicate(&id.get_value())>
                            "Duplicate"
                        </button>
                        <Show
                            when=move || confirming.get()
                            fallback=move || view! {
                                <button type="button" class="pw-button pw-button--danger" data-testid="delete-plan" on:click=move |_| confirming.set(true)>
                                    "Delete"
                                </button>
                            }
                        >
                            <span class="pw-confirm" role="group" aria-label="Confirm delete">
                                "Delete this plan? "
                                <button type="button" class="pw-button pw-button--danger" data-testid="confirm-delete" on:click=move |_| library.delete(&id.get_value())>
                                    "Yes, delete"
                                </button>
                                <button type="button" class="pw-button" on:click=move |_| confirming.set(false)>"Keep it"</button>
                            </span>
                        </Show>
                    </div>
                </li>
            }
            .into_any()
        }
        (None, damage) => {
            let reason = damage.unwrap_or_else(|| "the stored data cannot be read".to_string());
            let download = move |_| {
                if let Some(raw) = library.raw(&id.get_value()) {
                    crate::download::save_text(
                        &format!("planwright-recovered-{}.json", id.get_value()),
                        "application/json",
                        &raw,
                    );
                }
            };
            view! {
                <li class="pw-card pw-card--damaged" data-testid="damaged-plan">
                    <h3 class="pw-card__title">"A plan that cannot be opened"</h3>
                    <p>{format!("Its stored data is damaged: {reason}. It has been left exactly as it was, so you can download it and repair it, or remove it.")}</p>
                    <div class="pw-card__actions">
                        <button type="button" class="pw-button" data-testid="download-damaged" on:click=download>
                            "Download the stored data"
                        </button>
                        <Show
                            when=move || confirming.get()
                            fallback=move || view! {
                                <button type="button" class="pw-button pw-button--danger" on:click=move |_| confirming.set(true)>"Remove"</button>
                            }
                        >
                            <button type="button" class="pw-button pw-button--danger" data-testid="purge-damaged" on:click=move |_| library.purge(&id.get_value())>
                                "Yes, remove it for good"
                            </button>
                        </Show>
                    </div>
                </li>
            }
            .into_any()
        }
    }
}
