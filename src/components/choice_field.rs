//! A select over one of the core's choice lists.

use leptos::prelude::*;
use planwright_core::Choice;

use super::dom_id;
use super::findings::{has_error, FieldFindings};

/// A labelled select for a [`Choice`]; with `optional`, an extra first entry
/// stands for "not answered" (`None`).
#[component]
pub fn ChoiceField<C>(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Current choice; `None` when unanswered.
    #[prop(into)]
    value: Signal<Option<C>>,
    /// Called with the new choice.
    #[prop(into)]
    on_change: Callback<Option<C>>,
    /// Label of the "not answered" entry; without it the field is required.
    #[prop(optional, into)]
    unset: Option<String>,
    /// Plan path whose findings are shown.
    #[prop(optional, into)]
    path: Signal<String>,
    /// A short explanation.
    #[prop(optional, into)]
    hint: Option<String>,
    /// `data-testid` for the select.
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView
where
    C: Choice + Send + Sync + std::fmt::Debug,
{
    let id = dom_id("s");
    let findings_id = format!("{id}-findings");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() { format!("{hint_id} {findings_id}") } else { findings_id.clone() };
    let invalid = has_error(path);
    let current = move || value.get().map(|c| c.key()).unwrap_or_default();
    view! {
        <div class="pw-field">
            <label class="pw-field__label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="pw-field__hint" id=hint_id.clone()>{h}</p> })}
            <select
                id=id
                class="pw-input pw-select"
                on:change=move |ev| on_change.run(C::from_key(&event_target_value(&ev)))
                prop:value=current
                aria-describedby=described
                aria-invalid=move || invalid.get().to_string()
                data-testid=testid
            >
                {unset.map(|text| view! { <option value="" selected=move || value.get().is_none()>{text}</option> })}
                {C::ALL
                    .iter()
                    .map(|c| {
                        let c = *c;
                        view! {
                            <option value=c.key() selected=move || value.get() == Some(c)>
                                {c.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <FieldFindings path=path id=findings_id/>
        </div>
    }
}
