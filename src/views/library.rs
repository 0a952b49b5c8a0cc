//! The plan library: every plan in this browser, and ways to start a new one.

use leptos::prelude::*;
use planwright_core::format::examples::{example, EXAMPLES};
use planwright_core::model::Section;
use planwright_core::Plan;

use crate::components::card_title::{full_name, CardTitle};
use crate::components::{dom_id, focus_soon};
use crate::dates::moment;
use crate::panels::import_zone::ImportZone;
use crate::panels::portfolio_picker::PortfolioPicker;
use crate::panels::template_shelf::TemplateShelf;
use crate::state::titles::UNTITLED;
use crate::state::{use_library, use_notices, NoticeKind, View};
use crate::storage::Entry;

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
            <PortfolioPicker/>
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
                                        aria-label=full_name("Start from this example", ": ", ex.title)
                                    >
                                        "Start from this example"
                                    </button>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </section>
            <TemplateShelf/>
            <ImportZone/>
            <Show when=move || library.trash.with(Option::is_some)>
                <section class="pw-trash" aria-labelledby="trash-title">
                    <h2 id="trash-title">"Recently deleted"</h2>
                    <p>
                        {move || library.trash.with(|t| t.as_ref().map(|t| {
                            let title = if t.title.trim().is_empty() { "A plan without a title".to_string() } else { format!("'{}'", t.title) };
                            format!("{title} was deleted on {}.", moment(t.deleted))
                        }))}
                        " "
                        <button
                            type="button"
                            class="pw-button"
                            data-testid="restore-deleted"
                            on:click=move |_| library.restore()
                            aria-label=move || library.trash.with(|t| {
                                let title = t.as_ref().map_or("", |t| t.title.trim());
                                full_name("Restore it", ": ", if title.is_empty() { UNTITLED } else { title })
                            })
                        >
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
                UNTITLED.to_string()
            } else {
                meta.title.clone()
            };
            let named = StoredValue::new(title.clone());
            let called =
                move |visible: &str, joint: &str| full_name(visible, joint, &named.get_value());
            let updated = moment(meta.updated);
            let input_id = name_id.clone();
            view! {
                <li class="pw-card" data-testid="plan-card">
                    <CardTitle
                        shown=title
                        stored=meta.title.clone()
                        joint=" for "
                        input_id=input_id.clone()
                        renaming=renaming
                        on_rename=Callback::new(move |t| library.rename(&id.get_value(), t))
                    />
                    <p class="pw-card__meta">{format!("Last saved {updated}")}</p>
                    <div class="pw-card__actions">
                        <button
                            type="button"
                            class="pw-button pw-button--primary"
                            data-testid="open-plan"
                            on:click=move |_| {
                                library.open(&id.get_value(), View::Step(Section::Objective));
                            }
                         aria-label=called("Open", " ")>
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
                         aria-label=called("Rename", " ")>
                            "Rename"
                        </button>
                        <button type="button" class="pw-button" data-testid="duplicate-plan" on:click=move |_| library.duplicate(&id.get_value()) aria-label=called("Duplicate", " ")>
                            "Duplicate"
                        </button>
                        <Show
                            when=move || confirming.get()
                            fallback=move || view! {
                                <button type="button" class="pw-button pw-button--danger" data-testid="delete-plan" on:click=move |_| confirming.set(true) aria-label=called("Delete", " ")>
                                    "Delete"
                                </button>
                            }
                        >
                            <span class="pw-confirm" role="group" aria-label=format!("Confirm deleting {}", named.get_value())>
                                "Delete this plan? "
                                <button type="button" class="pw-button pw-button--danger" data-testid="confirm-delete" on:click=move |_| library.delete(&id.get_value()) aria-label=called("Yes, delete", " ")>
                                    "Yes, delete"
                                </button>
                                <button type="button" class="pw-button" on:click=move |_| confirming.set(false) aria-label=called("Keep it", ": ")>"Keep it"</button>
                            </span>
                        </Show>
                    </div>
                </li>
            }
            .into_any()
        }
        (None, damage) => {
            let reason = damage.unwrap_or_else(|| "the stored text cannot be read".to_string());
            let (heading, called) = match entry.recovered {
                Some(t) => (format!("{t} (damaged)"), t),
                None => (
                    "A damaged plan whose title cannot be read".to_string(),
                    "the damaged plan".to_string(),
                ),
            };
            let called = StoredValue::new(called);
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
                    <h3 class="pw-card__title">{heading}</h3>
                    <p>{format!("This plan cannot be opened: its stored data is damaged, because {reason}. It has been left exactly as it was, so you can download it and repair it, or remove it.")}</p>
                    <div class="pw-card__actions">
                        <button type="button" class="pw-button" data-testid="download-damaged" on:click=download aria-label=full_name("Download the stored data", " of ", &called.get_value())>
                            "Download the stored data"
                        </button>
                        <Show
                            when=move || confirming.get()
                            fallback=move || view! {
                                <button type="button" class="pw-button pw-button--danger" on:click=move |_| confirming.set(true) aria-label=full_name("Remove", " ", &called.get_value())>
                                    "Remove"
                                </button>
                            }
                        >
                            <button type="button" class="pw-button pw-button--danger" data-testid="purge-damaged" on:click=move |_| library.purge(&id.get_value()) aria-label=full_name("Yes, remove it for good", ": ", &called.get_value())>
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
