//! A labelled text input or text area.

use leptos::prelude::*;

use super::dom_id;
use super::findings::{has_error, FieldFindings};
use super::read_only::{read_only, read_value};

/// A labelled text field with its findings underneath.
#[component]
pub fn TextField(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    #[prop(into)]
    on_input: Callback<String>,
    /// Plan path whose findings are shown under the field.
    #[prop(optional, into)]
    path: Signal<String>,
    /// A text area instead of a one-line input.
    #[prop(optional)]
    multiline: bool,
    /// A short explanation under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Example text shown while empty.
    #[prop(optional, into)]
    placeholder: Option<String>,
    /// `data-testid` for the control.
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView {
    if read_only() {
        return read_value(label, value);
    }
    let id = dom_id("f");
    let hint_id = format!("{id}-hint");
    let findings_id = format!("{id}-findings");
    let described = match hint {
        Some(_) => format!("{hint_id} {findings_id}"),
        None => findings_id.clone(),
    };
    let invalid = has_error(path);
    let handler = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                class="pw-input pw-input--area"
                rows="3"
                prop:value=move || value.get()
                on:input=handler
                placeholder=placeholder.clone()
                aria-describedby=described.clone()
                aria-invalid=move || invalid.get().to_string()
                data-testid=testid.clone()
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                class="pw-input"
                type="text"
                prop:value=move || value.get()
                on:input=handler
                placeholder=placeholder.clone()
                aria-describedby=described.clone()
                aria-invalid=move || invalid.get().to_string()
                data-testid=testid.clone()
            />
        }
        .into_any()
    };
    view! {
        <div class="pw-field">
            <label class="pw-field__label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="pw-field__hint" id=hint_id.clone()>{h}</p> })}
            {control}
            <FieldFindings path=path id=findings_id/>
        </div>
    }
    .into_any()
}
