//! Picks a stakeholder by id, with a way to add someone new on the spot.

use leptos::prelude::*;
use planwright_core::model::{new_id, Stakeholder};
use planwright_core::Id;
use wasm_bindgen::JsCast;

use crate::components::findings::{has_error, FieldFindings};
use crate::components::read_only::{read_only, read_value};
use crate::components::{dom_id, focus_soon};
use crate::state::use_plan;

const NEW: &str = "__new__";

/// The stakeholders of the open plan as (id, display name), for pickers.
pub fn people() -> Memo<Vec<(Id, String)>> {
    let open = use_plan();
    Memo::new(move |_| {
        open.plan.with(|p| {
            p.stakeholders
                .iter()
                .map(|s| {
                    let name = if s.name.trim().is_empty() {
                        format!("Unnamed ({})", s.id)
                    } else {
                        s.name.clone()
                    };
                    (s.id.clone(), name)
                })
                .collect()
        })
    })
}

/// A labelled stakeholder picker. Choosing "Add someone new…" opens a name
/// field; the new stakeholder is added to the plan and picked.
#[component]
pub fn PersonField(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// The picked stakeholder's id.
    #[prop(into)]
    value: Signal<Option<Id>>,
    /// Called with the new pick.
    #[prop(into)]
    on_change: Callback<Option<Id>>,
    /// Plan path whose findings are shown.
    #[prop(optional, into)]
    path: Signal<String>,
    /// A short explanation.
    #[prop(optional, into)]
    hint: Option<String>,
    /// `data-testid` for the select.
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView {
    let open = use_plan();
    let people = people();
    if read_only() {
        let text = Signal::derive(move || match value.get() {
            None => "Nobody yet".to_string(),
            Some(v) => people.with(|list| {
                list.iter()
                    .find(|(pid, _)| *pid == v)
                    .map_or_else(|| format!("Unknown person (id '{v}')"), |(_, n)| n.clone())
            }),
        });
        return read_value(label, text);
    }
    let id = dom_id("p");
    let findings_id = format!("{id}-findings");
    let new_name_id = format!("{id}-new");
    let adding = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());
    let invalid = has_error(path);
    let select_id = id.clone();

    let current = move || value.get().map(|v| v.0).unwrap_or_default();
    let dangling = move || {
        let v = value.get()?;
        people.with(|list| (!list.iter().any(|(pid, _)| *pid == v)).then_some(v))
    };
    let confirm = {
        let select_id = select_id.clone();
        move || {
            let name = new_name.get_untracked().trim().to_string();
            if name.is_empty() {
                return;
            }
            let mut created = None;
            open.edit(|p| {
                let sid = new_id(p, "stakeholder");
                p.stakeholders.push(Stakeholder {
                    id: sid.clone(),
                    name,
                    ..Stakeholder::default()
                });
                created = Some(sid);
            });
            on_change.run(created);
            new_name.set(String::new());
            adding.set(false);
            focus_soon(format!("#{select_id}"));
        }
    };
    let cancel = {
        let select_id = select_id.clone();
        move || {
            adding.set(false);
            new_name.set(String::new());
            // The select still shows "Add someone new…"; put back the pick.
            let el = document().get_element_by_id(&select_id);
            if let Some(select) = el.and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                select.set_value(&value.get_untracked().map(|v| v.0).unwrap_or_default());
            }
            focus_soon(format!("#{select_id}"));
        }
    };
    let confirm_key = confirm.clone();
    let cancel_key = cancel.clone();
    let focus_new = new_name_id.clone();

    view! {
        <div class="pw-field pw-field--person">
            <label class="pw-field__label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="pw-field__hint">{h}</p> })}
            <select
                id=id.clone()
                class="pw-input pw-select"
                prop:value=current
                aria-describedby=findings_id.clone()
                aria-invalid=move || invalid.get().to_string()
                data-testid=testid
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    if picked == NEW {
                        adding.set(true);
                        focus_soon(format!("#{focus_new}"));
                    } else if picked.is_empty() {
                        on_change.run(None);
                    } else {
                        on_change.run(Some(Id(picked)));
                    }
                }
            >
                <option value="" selected=move || value.get().is_none()>"Nobody yet"</option>
                <For
                    each=move || people.get()
                    key=|(pid, name)| (pid.clone(), name.clone())
                    children=move |(pid, name)| {
                        let key = pid.0.clone();
                        view! {
                            <option value=key selected=move || value.get().as_ref() == Some(&pid)>{name}</option>
                        }
                    }
                />
                {move || dangling().map(|d| {
                    let text = format!("Unknown person (id '{d}')");
                    view! { <option value=d.0 selected=true>{text}</option> }
                })}
                <option value=NEW>"Add someone new…"</option>
            </select>
            <Show when=move || adding.get()>
                <div class="pw-inline-add" role="group" aria-label="New stakeholder">
                    <label class="pw-field__label" for=new_name_id.clone()>"Name of the new stakeholder"</label>
                    <input
                        id=new_name_id.clone()
                        class="pw-input"
                        type="text"
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))
                        on:keydown={
                            let confirm = confirm_key.clone();
                            let cancel = cancel_key.clone();
                            move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                                "Enter" => {
                                    ev.prevent_default();
                                    confirm();
                                }
                                "Escape" => cancel(),
                                _ => {}
                            }
                        }
                    />
                    <button type="button" class="pw-button" on:click={
                        let confirm = confirm.clone();
                        move |_| confirm()
                    }>"Add"</button>
                    <button type="button" class="pw-button pw-button--quiet" on:click={
                        let cancel = cancel.clone();
                        move |_| cancel()
                    }>"Cancel"</button>
                </div>
            </Show>
            <FieldFindings path=path id=findings_id/>
        </div>
    }
    .into_any()
}
