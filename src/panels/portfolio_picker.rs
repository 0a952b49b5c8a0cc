//! The library's portfolio part: choosing plans to compare as a portfolio,
//! and the stored portfolios with their actions (open, rename, delete with
//! undo, and for damaged ones download or remove), as plans have theirs.

use leptos::prelude::*;

use crate::components::card_title::{full_name, CardTitle};
use crate::components::{dom_id, focus_soon};
use crate::dates::moment;
use crate::state::portfolios::shown_name;
use crate::state::titles::UNTITLED;
use crate::state::{use_library, use_portfolios};
use crate::storage::Entry;

/// The fewest plans that make a portfolio worth comparing.
const FEWEST: usize = 2;

/// "Compare as a portfolio": a checkbox per readable stored plan, labelled
/// with its title, and a button that makes a portfolio of the chosen ones
/// and opens it; then the stored portfolios.
#[component]
pub fn PortfolioPicker() -> impl IntoView {
    let library = use_library();
    let portfolios = use_portfolios();
    let chosen = RwSignal::new(Vec::<String>::new());
    let problem = RwSignal::new(None::<String>);
    let readable = move || {
        library.entries.with(|list| {
            list.iter()
                .filter_map(|e| {
                    e.meta.as_ref().map(|m| {
                        let title = match m.title.trim() {
                            "" => UNTITLED.to_string(),
                            t => t.to_string(),
                        };
                        (e.id.clone(), title)
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    let compare = move |_| {
        let list = readable();
        let picked: Vec<(String, String)> = chosen.with_untracked(|ids| {
            // In the library's order, which the person sees.
            list.into_iter()
                .filter(|(id, _)| ids.contains(id))
                .collect()
        });
        if picked.len() < FEWEST {
            problem.set(Some(
                "Choose at least two plans to compare them as a portfolio.".to_string(),
            ));
            return;
        }
        problem.set(None);
        if portfolios.create_from(picked).is_some() {
            chosen.set(Vec::new());
        }
    };
    let has_plans = move || library.entries.with(|l| l.iter().any(|e| e.meta.is_some()));
    let has_portfolios =
        move || !portfolios.entries.with(Vec::is_empty) || portfolios.trash.with(Option::is_some);
    view! {
        {move || (has_plans() || has_portfolios()).then(|| view! {
            <section class="pw-portfolios" aria-labelledby="portfolios-title" data-testid="portfolios">
                <h2 id="portfolios-title">"Compare as a portfolio"</h2>
                <p>
                    "Rank several plans against each other, find the data, systems and controls they "
                    "share, and see one roadmap that builds the shared foundation once."
                </p>
                {move || has_plans().then(|| view! {
                    <fieldset class="pw-portfolios__pick" data-testid="portfolio-pick">
                        <legend>"Plans to compare"</legend>
                        <div class="pw-checks">
                            {move || readable().into_iter().map(|(id, title)| {
                                    let box_id = dom_id("pick");
                                    let key = StoredValue::new(id);
                                    view! {
                                        <div class="pw-check">
                                            <input
                                                id=box_id.clone()
                                                type="checkbox"
                                                prop:checked=move || chosen.with(|c| c.contains(&key.get_value()))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    chosen.update(|c| {
                                                        c.retain(|k| *k != key.get_value());
                                                        if on {
                                                            c.push(key.get_value());
                                                        }
                                                    });
                                                }
                                            />
                                            <label for=box_id>{title}</label>
                                        </div>
                                    }
                                }).collect_view()}
                        </div>
                    </fieldset>
                    <button
                        type="button"
                        class="pw-button pw-button--primary"
                        data-testid="compare-portfolio"
                        on:click=compare
                    >
                        "Compare the chosen plans"
                    </button>
                    <p class="pw-field__error" role="alert">{move || problem.get()}</p>
                })}
                {move || (!portfolios.entries.with(Vec::is_empty)).then(|| view! {
                    <h3>"Your portfolios"</h3>
                    <ul class="pw-cards" data-testid="portfolio-list">
                        {move || portfolios.entries.get().into_iter().map(|e| view! { <PortfolioCard entry=e/> }).collect_view()}
                    </ul>
                })}
                {move || portfolios.trash.with(Option::is_some).then(|| view! {
                    <p data-testid="portfolio-trash">
                        {move || portfolios.trash.with(|t| t.as_ref().map(|t| {
                            format!("The portfolio '{}' was deleted on {}.", shown_name(&t.title), moment(t.deleted))
                        }))}
                        " "
                        <button
                            type="button"
                            class="pw-button"
                            on:click=move |_| portfolios.restore()
                            aria-label=move || portfolios.trash.with(|t| {
                                full_name("Restore it", ": the portfolio ", &shown_name(t.as_ref().map_or("", |t| t.title.as_str())))
                            })
                        >
                            "Restore it"
                        </button>
                    </p>
                })}
            </section>
        })}
    }
}

/// One stored portfolio with its actions.
#[component]
fn PortfolioCard(
    /// The stored portfolio.
    entry: Entry,
) -> impl IntoView {
    let portfolios = use_portfolios();
    let id = StoredValue::new(entry.id.clone());
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let Some(meta) = entry.meta else {
        let reason = entry
            .damage
            .unwrap_or_else(|| "the stored text cannot be read".to_string());
        let called = StoredValue::new(
            entry
                .recovered
                .clone()
                .unwrap_or_else(|| "the damaged portfolio".to_string()),
        );
        let heading = match entry.recovered {
            Some(t) => format!("{t} (damaged)"),
            None => "A damaged portfolio whose name cannot be read".to_string(),
        };
        let download = move |_| {
            if let Some(raw) = portfolios.raw(&id.get_value()) {
                crate::download::save_text(
                    &format!("planwright-recovered-{}.json", id.get_value()),
                    "application/json",
                    &raw,
                );
            }
        };
        return view! {
            <li class="pw-card pw-card--damaged" data-testid="damaged-portfolio">
                <h4 class="pw-card__title">{heading}</h4>
                <p>{format!("This portfolio cannot be opened: its stored data is damaged, because {reason}. It has been left exactly as it was, so you can download it and repair it, or remove it. Its plans are not affected.")}</p>
                <div class="pw-card__actions">
                    <button type="button" class="pw-button" on:click=download aria-label=full_name("Download the stored data", " of ", &called.get_value())>
                        "Download the stored data"
                    </button>
                    {move || if confirming.get() {
                        view! {
                        <button type="button" class="pw-button pw-button--danger" on:click=move |_| portfolios.purge(&id.get_value()) aria-label=full_name("Yes, remove it for good", ": ", &called.get_value())>
                            "Yes, remove it for good"
                        </button>
                        }
                        .into_any()
                    } else {
                        view! {
                            <button type="button" class="pw-button pw-button--danger" on:click=move |_| confirming.set(true) aria-label=full_name("Remove", " ", &called.get_value())>
                                "Remove"
                            </button>
                        }
                        .into_any()
                    }}
                </div>
            </li>
        }
        .into_any();
    };
    let name = shown_name(&meta.title);
    let named = StoredValue::new(name.clone());
    let called = move |visible: &str, joint: &str| full_name(visible, joint, &named.get_value());
    let input_id = dom_id("rename-portfolio");
    let focus_id = input_id.clone();
    view! {
        <li class="pw-card" data-testid="portfolio-card">
            <CardTitle
                shown=name
                stored=meta.title.clone()
                joint=" for "
                input_id=input_id
                renaming=renaming
                on_rename=Callback::new(move |t| portfolios.rename(&id.get_value(), t))
                level=4
            />
            <p class="pw-card__meta">{format!("Last saved {}", moment(meta.updated))}</p>
            <div class="pw-card__actions">
                <button type="button" class="pw-button pw-button--primary" data-testid="open-portfolio" on:click=move |_| { portfolios.open(&id.get_value()); } aria-label=called("Open", " the portfolio ")>
                    "Open"
                </button>
                <button
                    type="button"
                    class="pw-button"
                    on:click=move |_| {
                        renaming.set(true);
                        focus_soon(format!("#{focus_id}"));
                    }
                    aria-label=called("Rename", " the portfolio ")
                >
                    "Rename"
                </button>
                {move || if confirming.get() {
                    view! {
                    <span class="pw-confirm" role="group" aria-label=format!("Confirm deleting the portfolio {}", named.get_value())>
                        "Delete this portfolio? Its plans stay. "
                        <button type="button" class="pw-button pw-button--danger" on:click=move |_| portfolios.delete(&id.get_value()) aria-label=called("Yes, delete", " the portfolio ")>
                            "Yes, delete"
                        </button>
                        <button type="button" class="pw-button" on:click=move |_| confirming.set(false) aria-label=called("Keep it", ": the portfolio ")>"Keep it"</button>
                    </span>
                    }
                    .into_any()
                } else {
                    view! {
                        <button type="button" class="pw-button pw-button--danger" on:click=move |_| confirming.set(true) aria-label=called("Delete", " the portfolio ")>
                            "Delete"
                        </button>
                    }
                    .into_any()
                }}
            </div>
        </li>
    }
    .into_any()
}
