//! A date picker bound to an optional core [`Date`].

use leptos::prelude::*;
use planwright_core::Date;

use super::dom_id;
use super::findings::FieldFindings;
use super::read_only::{read_only, read_value};

/// A labelled date input; clearing it sets `None`.
#[component]
pub fn DateField(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Current date.
    #[prop(into)]
    value: Signal<Option<Date>>,
    /// Called with the new date.
    #[prop(into)]
    on_change: Callback<Option<Date>>,
    /// Plan path whose findings are shown.
    #[prop(optional, into)]
    path: Signal<String>,
    /// A short explanation.
    #[prop(optional, into)]
    hint: Option<String>,
    /// `data-testid` for the input.
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView {
    if read_only() {
        return read_value(
            label,
            Signal::derive(move || value.get().map(crate::dates::day).unwrap_or_default()),
        );
    }
    let id = dom_id("d");
    let findings_id = format!("{id}-findings");
    view! {
        <div class="pw-field pw-field--date">
            <label class="pw-field__label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="pw-field__hint">{h}</p> })}
            <input
                id=id
                class="pw-input"
                type="date"
                min="0001-01-01"
                max="9999-12-31"
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| on_change.run(event_target_value(&ev).parse::<Date>().ok())
                aria-describedby=findings_id.clone()
                data-testid=testid
            />
            <FieldFindings path=path id=findings_id/>
        </div>
    }
    .into_any()
}
