//! The library's Templates section: stored templates and the three examples
//! as templates, each a way to start a plan; stored ones can be renamed and
//! deleted, and damaged ones downloaded or removed, never lost silently.
//! Deleting and removing both go through the template trash and are undone
//! from the notice that says so (no confirmation step and no "recently
//! deleted" line, which keeps this part of the wasm small).

use leptos::prelude::*;
use planwright_core::format::examples::{example, EXAMPLES};

use crate::components::card_title::{full_name, CardTitle};
use crate::components::{dom_id, focus_soon};
use crate::dates::moment;
use crate::state::templates::UNTITLED_TEMPLATE;
use crate::state::{use_notices, use_templates, NoticeKind};
use crate::storage::Entry;

/// The Templates section of the library.
#[component]
pub fn TemplateShelf() -> impl IntoView {
    let templates = use_templates();
    let notices = use_notices();
    // Each visit to the library shows what is stored now, other tabs' saves
    // included.
    templates.refresh();
    let examples = EXAMPLES
        .iter()
        .map(|ex| {
            let key = ex.key;
            let start = move |_| match example(key) {
                Some(plan) => templates.start_with(plan),
                None => {
                    notices.notify(NoticeKind::Error, "That example could not be loaded.");
                }
            };
            view! {
                <li class="pw-card" data-testid="example-template">
                    // Not the bare title: the examples' own cards above already
                    // head with it, and a heading should name one thing.
                    <h3 class="pw-card__title">{format!("Example: {}", ex.title)}</h3>
                    <p class="pw-card__meta">"The worked example's structure, without its people, dates and progress."</p>
                    <div class="pw-card__actions">
                        <button
                            type="button"
                            class="pw-button"
                            on:click=start
                            aria-label=full_name("Start a plan", " from the example template ", ex.title)
                        >
                            "Start a plan"
                        </button>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="pw-templates" aria-labelledby="templates-title" data-testid="templates">
            <h2 id="templates-title">"Templates"</h2>
            <p>
                "A template is a plan's structure (its phases, tasks, deliverables, controls, checklists and "
                "decisions by role) without its people, dates and progress. Save one from a plan's results "
                "with \"Save as template\", then start each similar initiative from it."
            </p>
            <ul class="pw-cards" data-testid="template-list">
                <For
                    each=move || templates.entries.get()
                    key=|e: &Entry| (e.id.clone(), e.meta.as_ref().map(|m| (m.title.clone(), m.rev)))
                    children=move |e: Entry| view! { <TemplateCard entry=e/> }
                />
                {examples}
            </ul>
        </section>
    }
}

/// One stored template, with its actions.
#[component]
fn TemplateCard(
    /// The stored template.
    entry: Entry,
) -> impl IntoView {
    let templates = use_templates();
    let id = StoredValue::new(entry.id.clone());
    let Some(meta) = entry.meta else {
        let reason = entry
            .damage
            .unwrap_or_else(|| "the stored text cannot be read".to_string());
        let (heading, name) = match entry.recovered {
            Some(t) => (format!("{t} (damaged template)"), t),
            None => (
                "A damaged template whose title cannot be read".to_string(),
                "the damaged template".to_string(),
            ),
        };
        let name = StoredValue::new(name);
        let download = move |_| {
            if let Some(raw) = templates.raw(&id.get_value()) {
                crate::download::save_text(
                    &format!("planwright-recovered-template-{}.json", id.get_value()),
                    "application/json",
                    &raw,
                );
            }
        };
        return view! {
            <li class="pw-card pw-card--damaged" data-testid="damaged-template">
                <h3 class="pw-card__title">{heading}</h3>
                <p>{format!("No plan can be started from this template: its stored data is damaged, because {reason}. It has been left exactly as it was, so you can download it and repair it, or remove it (which can be undone).")}</p>
                <div class="pw-card__actions">
                    <button type="button" class="pw-button" on:click=download aria-label=full_name("Download the stored data", " of ", &name.get_value())>
                        "Download the stored data"
                    </button>
                    // Removing goes through the template trash, so it can be undone
                    // from the notice like any delete.
                    <button type="button" class="pw-button pw-button--danger" on:click=move |_| templates.delete(&id.get_value()) aria-label=full_name("Remove", " ", &name.get_value())>
                        "Remove"
                    </button>
                </div>
            </li>
        }
        .into_any();
    };
    let title = if meta.title.trim().is_empty() {
        UNTITLED_TEMPLATE.to_string()
    } else {
        meta.title.clone()
    };
    let named = StoredValue::new(title.clone());
    let name_of = move |visible: &str, joint: &str| full_name(visible, joint, &named.get_value());
    let renaming = RwSignal::new(false);
    let input_id = dom_id("rename-template");
    let focus_id = input_id.clone();
    view! {
        <li class="pw-card" data-testid="template-card">
            <CardTitle
                shown=title
                stored=meta.title.clone()
                joint=" for the template "
                input_id=input_id
                renaming=renaming
                on_rename=Callback::new(move |t| templates.rename(&id.get_value(), t))
            />
            <p class="pw-card__meta">{format!("Template saved {}", moment(meta.updated))}</p>
            <div class="pw-card__actions">
                <button
                    type="button"
                    class="pw-button pw-button--primary"
                    on:click=move |_| templates.start_from(&id.get_value())
                    aria-label=name_of("Start a plan", " from ")
                >
                    "Start a plan"
                </button>
                <button
                    type="button"
                    class="pw-button"
                    on:click=move |_| {
                        renaming.set(true);
                        focus_soon(format!("#{focus_id}"));
                    }
                    aria-label=name_of("Rename", " the template ")
                >
                    "Rename"
                </button>
                <button
                    type="button"
                    class="pw-button pw-button--danger"
                    on:click=move |_| templates.delete(&id.get_value())
                    aria-label=name_of("Delete", " the template ")
                >
                    "Delete"
                </button>
            </div>
        </li>
    }
    .into_any()
}
