//! The shared foundation of the open portfolio: data sources, systems,
//! governance controls and foundation deliverables found in two or more
//! plans, each with the initiatives it unlocks. A match by name can be
//! split ("not the same", with undo), two items of one kind from different
//! plans can be joined ("same as …"), and every such decision is listed
//! with a way to take it back.

use std::sync::Arc;

use leptos::prelude::*;
use planwright_core::portfolio::{items, ItemRef, Link, SharedItem, SharedKind};
use planwright_core::text::{and_list, quoted};
use planwright_core::{Choice, Id, Plan};

use crate::components::dom_id;
use crate::state::portfolios::MemberPlan;
use crate::state::titles::UNTITLED;
use crate::state::{use_notices, use_portfolios};

/// The title of a member's plan.
fn member_title(plans: &[MemberPlan], key: &str) -> String {
    plans
        .iter()
        .find(|(k, _)| k == key)
        .and_then(|(_, p)| p.as_ref().ok())
        .map(|p: &Plan| match p.title.trim() {
            "" => UNTITLED.to_string(),
            t => t.to_string(),
        })
        .unwrap_or_else(|| "a missing plan".to_string())
}

/// The name of an item in a member's plan.
fn item_name(plans: &[MemberPlan], r: &ItemRef, kind: SharedKind) -> String {
    plans
        .iter()
        .find(|(k, _)| *k == r.member)
        .and_then(|(_, p)| p.as_ref().ok())
        .and_then(|p| {
            items(p)
                .into_iter()
                .find(|i| i.kind == kind && i.item == r.item)
                .map(|i| i.name)
        })
        .unwrap_or_else(|| format!("an item no longer in the plan (id '{}')", r.item))
}

/// Every pair of an item's uses, each as a "not the same" decision.
fn split_links(item: &SharedItem) -> Vec<Link> {
    let refs: Vec<ItemRef> = item
        .uses
        .iter()
        .map(|u| ItemRef {
            member: u.member.clone(),
            item: u.item.clone(),
        })
        .collect();
    let mut out = Vec::new();
    for (i, a) in refs.iter().enumerate() {
        for b in &refs[i + 1..] {
            out.push(Link {
                kind: item.kind,
                a: a.clone(),
                b: b.clone(),
                same: false,
            });
        }
    }
    out
}

/// The shared items, the "same as" form and the decisions.
#[component]
pub fn PortfolioShared() -> impl IntoView {
    let portfolios = use_portfolios();
    let notices = use_notices();
    let split = move |item: SharedItem| {
        let added = split_links(&item);
        let undo_links = added.clone();
        portfolios.edit(|p| p.links.extend(added));
        notices.offer_undo(
            format!(
                "{} is now treated as a different thing in each plan.",
                quoted(&item.name, "The item")
            ),
            Arc::new(move || {
                let back = undo_links.clone();
                portfolios.edit(|p| p.links.retain(|l| !back.contains(l)));
            }),
        );
    };
    let items_view = move || {
        let list = portfolios.analysis.with(|a| a.shared.clone());
        if list.is_empty() {
            return view! { <p data-testid="shared-none">"These plans share nothing by name yet. If two of them name the same thing differently, join them below."</p> }.into_any();
        }
        let items = portfolios.plans.with(|plans| {
            list.into_iter()
                .map(|item| {
                    let in_plans: Vec<String> = item
                        .uses
                        .iter()
                        .map(|u| format!("{} in {}", quoted(&u.name, "unnamed"), member_title(plans, &u.member)))
                        .collect();
                    let unlocks: Vec<String> = item
                        .unlocks
                        .iter()
                        .map(|k| member_title(plans, k))
                        .collect();
                    let heading = format!("{}: {}", item.kind.label(), item.name);
                    let label = format!("Not the same: {}", item.name);
                    let linked = item.linked;
                    let kind = item.kind.key();
                    view! {
                        <li class="pw-shared__item" data-testid="shared-item" data-kind=kind>
                            <h4>{heading}</h4>
                            <p>{format!("Found as {}.", and_list(&in_plans))}</p>
                            <p>{format!("Unlocks {}.", and_list(&unlocks))}</p>
                            {linked.then(|| view! { <p class="pw-shared__note">"Joined by your own “same as” decision."</p> })}
                            {(!linked).then(|| view! {
                                <button type="button" class="pw-button" aria-label=label on:click=move |_| split(item.clone())>
                                    "Not the same"
                                </button>
                            })}
                        </li>
                    }
                })
                .collect_view()
        });
        view! { <ul class="pw-shared">{items}</ul> }.into_any()
    };
    view! {
        <section class="pw-portfolio__section" aria-labelledby="portfolio-shared-title" data-testid="portfolio-shared">
            <h3 id="portfolio-shared-title">"Shared foundation"</h3>
            <p>
                "Data sources, systems, governance controls and foundation deliverables that two or more "
                "plans need. Built once, each unlocks every initiative listed with it."
            </p>
            {items_view}
            <SameAs/>
            <Decisions/>
        </section>
    }
}

/// Joining two items of one kind from different plans.
#[component]
fn SameAs() -> impl IntoView {
    let portfolios = use_portfolios();
    let kind = RwSignal::new(SharedKind::DataSource);
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    // Every item of the chosen kind in every readable member plan, as
    // `member|item` with its label.
    let options = move || {
        let k = kind.get();
        portfolios.plans.with(|plans| {
            plans
                .iter()
                .filter_map(|(key, plan)| plan.as_ref().ok().map(|p| (key, p)))
                .flat_map(|(key, p)| {
                    let title = member_title(plans, key);
                    items(p)
                        .into_iter()
                        .filter(move |i| i.kind == k)
                        .map(move |i| {
                            (
                                format!("{key}|{}", i.item),
                                format!("{} in {title}", quoted(&i.name, "unnamed")),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        })
    };
    let parse = |v: &str| -> Option<ItemRef> {
        let (member, item) = v.split_once('|')?;
        Some(ItemRef {
            member: member.to_string(),
            item: Id::from(item),
        })
    };
    let join = move |_| {
        let (a, b) = (
            parse(&first.get_untracked()),
            parse(&second.get_untracked()),
        );
        let (Some(a), Some(b)) = (a, b) else {
            problem.set(Some("Choose an item in each list first.".to_string()));
            return;
        };
        if a.member == b.member {
            problem.set(Some(
                "Both items are in the same plan; choose items from two different plans."
                    .to_string(),
            ));
            return;
        }
        problem.set(None);
        let k = kind.get_untracked();
        portfolios.edit(|p| {
            // A later decision on the same pair replaces an earlier one.
            p.links
                .retain(|l| !(l.kind == k && ((l.a == a && l.b == b) || (l.a == b && l.b == a))));
            p.links.push(Link {
                kind: k,
                a,
                b,
                same: true,
            });
        });
        first.set(String::new());
        second.set(String::new());
    };
    let kind_id = dom_id("same-kind");
    let first_id = dom_id("same-first");
    let second_id = dom_id("same-second");
    let select = move |id: String, label: &'static str, chosen: RwSignal<String>| {
        view! {
            <div class="pw-field">
                <label class="pw-field__label" for=id.clone()>{label}</label>
                <select
                    id=id
                    class="pw-input"
                    prop:value=move || chosen.get()
                    on:change=move |ev| chosen.set(event_target_value(&ev))
                >
                    <option value="">"Choose…"</option>
                    {move || options().into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <fieldset class="pw-sameas" data-testid="same-as">
            <legend>"Same as …: join two items that are one thing under different names"</legend>
            <div class="pw-grid">
                <div class="pw-field">
                    <label class="pw-field__label" for=kind_id.clone()>"Kind of item"</label>
                    <select
                        id=kind_id
                        class="pw-input"
                        prop:value=move || kind.get().key()
                        on:change=move |ev| {
                            if let Some(k) = SharedKind::from_key(&event_target_value(&ev)) {
                                kind.set(k);
                                first.set(String::new());
                                second.set(String::new());
                            }
                        }
                    >
                        {SharedKind::ALL.iter().map(|k| view! { <option value=k.key()>{k.label()}</option> }).collect_view()}
                    </select>
                </div>
                {select(first_id, "This item", first)}
                {select(second_id, "is the same as", second)}
            </div>
            <button type="button" class="pw-button" on:click=join>"Join them"</button>
            <p class="pw-field__error" role="alert">{move || problem.get()}</p>
        </fieldset>
    }
}

/// The person's "same as" and "not the same" decisions, each with undo.
#[component]
fn Decisions() -> impl IntoView {
    let portfolios = use_portfolios();
    let rows = move || {
        let list = portfolios.portfolio.with(|p| p.links.clone());
        if list.is_empty() {
            return None;
        }
        let items = portfolios.plans.with(|plans| {
            list.into_iter()
                .map(|link| {
                    let a = format!(
                        "{} in {}",
                        quoted(&item_name(plans, &link.a, link.kind), "unnamed"),
                        member_title(plans, &link.a.member)
                    );
                    let b = format!(
                        "{} in {}",
                        quoted(&item_name(plans, &link.b, link.kind), "unnamed"),
                        member_title(plans, &link.b.member)
                    );
                    let text = if link.same {
                        format!("{a} is the same as {b}.")
                    } else {
                        format!("{a} is not the same as {b}.")
                    };
                    let label = format!("Undo: {text}");
                    view! {
                        <li data-testid="portfolio-link">
                            {text}" "
                            <button
                                type="button"
                                class="pw-button pw-button--quiet"
                                aria-label=label
                                on:click=move |_| portfolios.edit(|p| p.links.retain(|l| *l != link))
                            >
                                "Undo"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        });
        Some(view! {
            <h4>"Your decisions"</h4>
            <ul class="pw-decisions">{items}</ul>
        })
    };
    rows
}
