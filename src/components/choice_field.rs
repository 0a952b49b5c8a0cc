//! A select over one of the core's choice lists.

use leptos::prelude::*;
use planwright_core::Choice;

use super::dom_id;
use super::findings::{has_error, FieldFindings};
use super::read_only::{read_only, read_value};

/// A labelled select for a [`Choice`]; with `unset`, an extra first entry
/// stands for "not answered" (`None`).
///
/// Only this thin wrapper is generic: it maps the choice to its key and
/// back, and the select itself is built once for every choice list.
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
    let options: Vec<(&'static str, &'static str)> =
        C::ALL.iter().map(|c| (c.key(), c.label())).collect();
    let key = Signal::derive(move || value.get().map(|c| c.key()));
    if read_only() {
        let text = Signal::derive(move || {
            value
                .get()
                .map(|c| c.label().to_string())
                .or(unset.clone())
                .unwrap_or_default()
        });
        return read_value(label, text);
    }
    let on_key = Callback::new(move |k: String| on_change.run(C::from_key(&k)));
    select_field(label, options, key, on_key, unset, path, hint, testid)
}

#[allow(clippy::too_many_arguments)]
fn select_field(
    label: String,
    options: Vec<(&'static str, &'static str)>,
    value: Signal<Option<&'static str>>,
    on_change: Callback<String>,
    unset: Option<String>,
    path: Signal<String>,
    hint: Option<String>,
    testid: Option<String>,
) -> AnyView {
    let id = dom_id("s");
    let findings_id = format!("{id}-findings");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() {
        format!("{hint_id} {findings_id}")
    } else {
        findings_id.clone()
    };
    let invalid = has_error(path);
    view! {
        <div class="pw-field">
            <label class="pw-field__label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="pw-field__hint" id=hint_id.clone()>{h}</p> })}
            <select
                id=id
                class="pw-input pw-select"
                on:change=move |ev| on_change.run(event_target_value(&ev))
                prop:value=move || value.get().unwrap_or_default()
                aria-describedby=described
                aria-invalid=move || invalid.get().to_string()
                data-testid=testid
            >
                {unset.map(|text| view! { <option value="" selected=move || value.get().is_none()>{text}</option> })}
                {options
                    .into_iter()
                    .map(|(key, text)| {
                        view! {
                            <option value=key selected=move || value.get() == Some(key)>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <FieldFindings path=path id=findings_id/>
        </div>
    }
    .into_any()
}
