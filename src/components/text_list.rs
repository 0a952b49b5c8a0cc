//! An editable list of short texts (scope items).

use leptos::prelude::*;

use super::findings::FieldFindings;
use super::read_only::{read_only, read_value};
use super::{dom_id, focus_soon};

/// A labelled list of one-line texts with add and remove.
#[component]
pub fn TextList(
    /// Visible label of the list.
    #[prop(into)]
    label: String,
    /// What one item is called ("in-scope item").
    #[prop(into)]
    noun: String,
    /// The items.
    #[prop(into)]
    items: Signal<Vec<String>>,
    /// Called with the whole new list.
    #[prop(into)]
    on_change: Callback<Vec<String>>,
    /// Plan path whose findings are shown.
    #[prop(optional, into)]
    path: Signal<String>,
    /// `data-testid` for the group.
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView {
    if read_only() {
        let text = Signal::derive(move || {
            items.with(|v| {
                v.iter()
                    .filter(|s| !s.trim().is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        });
        return read_value(label, text);
    }
    let id = dom_id("l");
    let findings_id = format!("{id}-findings");
    let count = move || items.with(Vec::len);
    let focus_prefix = id.clone();
    let item_prefix = id.clone();
    let noun_add = noun.clone();
    let set_item = move |i: usize, text: String| {
        let mut next = items.get_untracked();
        if let Some(slot) = next.get_mut(i) {
            *slot = text;
            on_change.run(next);
        }
    };
    let remove = move |i: usize| {
        let mut next = items.get_untracked();
        if i < next.len() {
            next.remove(i);
            on_change.run(next);
        }
    };
    let add = move |_| {
        let mut next = items.get_untracked();
        next.push(String::new());
        let last = next.len();
        on_change.run(next);
        focus_soon(format!("#{}", item_id(&focus_prefix, last)));
    };
    let group_id = id.clone();
    view! {
        <fieldset class="pw-field pw-fieldset pw-textlist" id=group_id data-testid=testid>
            <legend class="pw-field__label">{label}</legend>
            <ul class="pw-textlist__items">
                <For
                    each=move || 0..count()
                    key=|i| *i
                    children=move |i| {
                        let noun = noun.clone();
                        let item_prefix = item_prefix.clone();
                        view! {
                            <li class="pw-textlist__item">
                                <input
                                    class="pw-input"
                                    type="text"
                                    id=item_id(&item_prefix, i + 1)
                                    aria-label=format!("{} {}", noun, i + 1)
                                    prop:value=move || items.with(|v| v.get(i).cloned().unwrap_or_default())
                                    on:input=move |ev| set_item(i, event_target_value(&ev))
                                />
                                <button
                                    type="button"
                                    class="pw-button pw-button--quiet"
                                    aria-label=format!("Remove {} {}", noun, i + 1)
                                    on:click=move |_| remove(i)
                                >
                                    "Remove"
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            <button type="button" class="pw-button" on:click=add>
                {format!("Add {noun_add}")}
            </button>
            <FieldFindings path=path id=findings_id/>
        </fieldset>
    }
    .into_any()
}

fn item_id(list: &str, n: usize) -> String {
    format!("{list}-item-{n}")
}
