//! Number inputs that never throw away what the person is typing.
//!
//! The text is parsed on every keystroke; while it does not parse (say "1.")
//! it is kept as a draft with a message, and the plan keeps its last good
//! value. An empty field means "not set".

use std::str::FromStr;

use leptos::prelude::*;

use super::dom_id;
use super::findings::FieldFindings;
use super::read_only::{read_only, read_value};

/// A labelled number field for an optional value of any parseable type.
///
/// Only this thin wrapper is generic; the input is built once for all
/// number types.
#[component]
pub fn NumberField<N>(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Current value; `None` when not set.
    #[prop(into)]
    value: Signal<Option<N>>,
    /// Called with each new valid value.
    #[prop(into)]
    on_change: Callback<Option<N>>,
    /// Plan path whose findings are shown.
    #[prop(optional, into)]
    path: Signal<String>,
    /// A unit shown after the field.
    #[prop(optional, into)]
    unit: Signal<String>,
    /// What a valid entry is, shown when the text does not parse.
    #[prop(into)]
    expect: String,
    /// `data-testid` for the input.
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView
where
    N: FromStr + ToString + Clone + PartialEq + Send + Sync + 'static,
{
    let shown = Signal::derive(move || value.get().map(|v| v.to_string()));
    if read_only() {
        let text = Signal::derive(move || {
            shown
                .get()
                .map(|v| format!("{v} {}", unit.get()).trim().to_string())
                .unwrap_or_default()
        });
        return read_value(label, text);
    }
    // Parses the text; `Err` keeps it as a draft.
    let accept = Callback::new(move |text: String| -> bool {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            on_change.run(None);
            return true;
        }
        match trimmed.replace(',', ".").parse::<N>() {
            Ok(n) => {
                on_change.run(Some(n));
                true
            }
            Err(_) => false,
        }
    });
    number_input(label, shown, accept, path, unit, expect, testid)
}

fn number_input(
    label: String,
    value: Signal<Option<String>>,
    accept: Callback<String, bool>,
    path: Signal<String>,
    unit: Signal<String>,
    expect: String,
    testid: Option<String>,
) -> AnyView {
    let id = dom_id("n");
    let findings_id = format!("{id}-findings");
    let error_id = format!("{id}-error");
    let draft = RwSignal::new(None::<String>);
    let shown = move || {
        draft
            .get()
            .unwrap_or_else(|| value.get().unwrap_or_default())
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if accept.run(text.clone()) {
            draft.set(None);
        } else {
            draft.set(Some(text));
        }
    };
    view! {
        <div class="pw-field pw-field--number">
            <label class="pw-field__label" for=id.clone()>{label}</label>
            <div class="pw-number">
                <input
                    id=id
                    class="pw-input"
                    type="text"
                    inputmode="decimal"
                    prop:value=shown
                    on:input=on_input
                    on:blur=move |_| draft.set(None)
                    aria-invalid=move || draft.with(Option::is_some).to_string()
                    aria-describedby=format!("{error_id} {findings_id}")
                    data-testid=testid
                />
                <span class="pw-number__unit">{move || unit.get()}</span>
            </div>
            <p class="pw-field__error" id=error_id aria-live="polite">
                {move || draft.with(|d| d.as_ref().map(|t| format!("'{t}' is not {expect}; the last valid value is kept.")))}
            </p>
            <FieldFindings path=path id=findings_id/>
        </div>
    }
    .into_any()
}
