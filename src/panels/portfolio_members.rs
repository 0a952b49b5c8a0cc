//! What each initiative of the open portfolio is expected to be worth: a
//! yearly figure with its unit, or a 1–5 rating when no figure is known, or
//! not known yet, with the kind said in words. A member whose plan is no
//! longer in the library is shown as missing, with a way to take it out.

use leptos::prelude::*;
use planwright_core::portfolio::{ExpectedValue, ValueKind};
use planwright_core::{Choice, Plan};

use crate::components::dom_id;
use crate::state::route::{hash_of, View};
use crate::state::titles::UNTITLED;
use crate::state::use_portfolios;

/// The kind of value a member has now: a figure wins over a rating, as in
/// the core's ranking.
fn kind_of(value: &ExpectedValue) -> ValueKind {
    if value.annual.is_some() {
        ValueKind::Figure
    } else if value.rating.is_some() {
        ValueKind::Rating
    } else {
        ValueKind::Unknown
    }
}

/// A plan's title as shown.
fn title_of(plan: &Plan) -> String {
    match plan.title.trim() {
        "" => UNTITLED.to_string(),
        t => t.to_string(),
    }
}

/// Expected value of every member, one row each.
#[component]
pub fn PortfolioMembers() -> impl IntoView {
    let portfolios = use_portfolios();
    let rows = Memo::new(move |_| {
        portfolios.plans.with(|plans| {
            plans
                .iter()
                .map(|(key, plan)| {
                    (
                        key.clone(),
                        plan.as_ref().map(title_of).map_err(Clone::clone),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="pw-portfolio__section" aria-labelledby="portfolio-members-title" data-testid="portfolio-members">
            <h3 id="portfolio-members-title">"What each initiative is worth"</h3>
            <p>
                "Give a yearly figure with its unit when you have one (figures are only compared in the same unit), "
                "or a rating from 1 (little) to 5 (a lot) when you do not."
            </p>
            // Drawn again only when a member comes, goes or is renamed, not
            // while its value is typed.
            <ul class="pw-members">
                {move || rows.get().into_iter().map(|(key, title)| view! { <MemberRow key=key title=title/> }).collect_view()}
            </ul>
        </section>
    }
}

/// One member: its plan's title (a link to it) and its expected value, or
/// that its plan is missing.
#[component]
fn MemberRow(
    /// The member's key: the plan's id in the library.
    key: String,
    /// The plan's title, or why it cannot be read.
    title: Result<String, String>,
) -> impl IntoView {
    let portfolios = use_portfolios();
    let key = StoredValue::new(key);
    let remove = move |_| {
        portfolios.edit(|p| p.members.retain(|m| m.key != key.get_value()));
    };
    let title = match title {
        Ok(t) => t,
        Err(why) => {
            return view! {
                <li class="pw-member pw-member--missing" data-testid="portfolio-missing">
                    <h4>"A missing plan"</h4>
                    <p>{format!("This initiative's plan cannot be read: {why}. It is left out of the ranking until it is back.")}</p>
                    <button type="button" class="pw-button" on:click=remove>"Take the missing plan out of the portfolio"</button>
                </li>
            }
            .into_any();
        }
    };
    let value = Signal::derive(move || {
        portfolios.portfolio.with(|p| {
            p.members
                .iter()
                .find(|m| m.key == key.get_value())
                .map(|m| m.value.clone())
                .unwrap_or_default()
        })
    });
    let kind = RwSignal::new(kind_of(&value.get_untracked()));
    let set = move |change: Box<dyn FnOnce(&mut ExpectedValue)>| {
        portfolios.edit(|p| {
            if let Some(m) = p.members.iter_mut().find(|m| m.key == key.get_value()) {
                change(&mut m.value);
            }
        })
    };
    let choose = move |k: ValueKind| {
        kind.set(k);
        set(Box::new(move |v| match k {
            ValueKind::Figure => v.rating = None,
            ValueKind::Rating => {
                v.annual = None;
                v.rating = v.rating.or(Some(3));
            }
            ValueKind::Unknown => {
                v.annual = None;
                v.rating = None;
            }
        }));
    };
    let group = dom_id("value-kind");
    let figure_id = dom_id("figure");
    let unit_id = dom_id("unit");
    let rating_id = dom_id("rating");
    let href = hash_of(Some(&key.get_value()), View::Dashboard);
    let named = StoredValue::new(title.clone());
    let radios = ValueKind::ALL
        .iter()
        .map(|&k| {
            let id = dom_id("kind");
            view! {
                <span class="pw-radio">
                    <input
                        id=id.clone()
                        type="radio"
                        name=group.clone()
                        prop:checked=move || kind.get() == k
                        on:change=move |_| choose(k)
                    />
                    <label for=id>{k.label()}</label>
                </span>
            }
        })
        .collect_view();
    let figure_text = RwSignal::new(None::<String>);
    view! {
        <li class="pw-member" data-testid="portfolio-member">
            <h4><a href=href>{title.clone()}</a></h4>
            <fieldset class="pw-member__kind">
                <legend>{format!("Value of {title}")}</legend>
                <div class="pw-radios">{radios}</div>
                {move || (kind.get() == ValueKind::Figure).then(|| view! {
                    <div class="pw-member__figure">
                        <div class="pw-field">
                            <label class="pw-field__label" for=figure_id.clone()>"Yearly figure"</label>
                            <input
                                id=figure_id.clone()
                                class="pw-input"
                                type="text"
                                inputmode="decimal"
                                aria-label=format!("Yearly figure for {}", named.get_value())
                                aria-invalid=move || figure_text.with(Option::is_some).to_string()
                                prop:value=move || figure_text.get().unwrap_or_else(|| value.with(|v| v.annual.map(|a| a.to_string()).unwrap_or_default()))
                                on:input=move |ev| {
                                    let text = event_target_value(&ev);
                                    let trimmed = text.trim().replace([',', ' '], "");
                                    if trimmed.is_empty() {
                                        figure_text.set(None);
                                        set(Box::new(|v| v.annual = None));
                                    } else {
                                        match trimmed.parse::<f64>() {
                                            Ok(n) if n.is_finite() && n >= 0.0 => {
                                                figure_text.set(None);
                                                set(Box::new(move |v| v.annual = Some(n)));
                                            }
                                            _ => figure_text.set(Some(text)),
                                        }
                                    }
                                }
                                on:blur=move |_| figure_text.set(None)
                            />
                            <p class="pw-field__error" aria-live="polite">
                                {move || figure_text.get().map(|t| format!("'{t}' is not an amount of zero or more; the last valid figure is kept."))}
                            </p>
                        </div>
                        <div class="pw-field">
                            <label class="pw-field__label" for=unit_id.clone()>"Unit"</label>
                            <input
                                id=unit_id.clone()
                                class="pw-input"
                                type="text"
                                placeholder="EUR"
                                aria-label=format!("Unit of the yearly figure for {}", named.get_value())
                                prop:value=move || value.with(|v| v.unit.clone())
                                on:input=move |ev| {
                                    let unit = event_target_value(&ev);
                                    set(Box::new(move |v| v.unit = unit));
                                }
                            />
                        </div>
                    </div>
                })}
                {move || (kind.get() == ValueKind::Rating).then(|| view! {
                    <div class="pw-field">
                        <label class="pw-field__label" for=rating_id.clone()>{format!("Rating of {}, from 1 to 5", named.get_value())}</label>
                        <select
                            id=rating_id.clone()
                            class="pw-input"
                            data-testid="portfolio-rating"
                            prop:value=move || value.with(|v| v.rating.unwrap_or(3).to_string())
                            on:change=move |ev| {
                                if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                                    set(Box::new(move |v| v.rating = Some(n.clamp(1, 5))));
                                }
                            }
                        >
                            <option value="1">"1: little"</option>
                            <option value="2">"2"</option>
                            <option value="3">"3: some"</option>
                            <option value="4">"4"</option>
                            <option value="5">"5: a lot"</option>
                        </select>
                    </div>
                })}
            </fieldset>
            <button type="button" class="pw-button pw-button--quiet" on:click=remove aria-label=format!("Take {} out of the portfolio", named.get_value())>
                "Take out of the portfolio"
            </button>
        </li>
    }
    .into_any()
}
