//! Checkboxes and yes / no / not-yet questions.

use leptos::prelude::*;

use super::dom_id;
use super::findings::FieldFindings;
use super::read_only::{read_only, read_value};

/// A labelled checkbox.
#[component]
pub fn CheckField(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Whether it is ticked.
    #[prop(into)]
    value: Signal<bool>,
    /// Called with the new state.
    #[prop(into)]
    on_change: Callback<bool>,
    /// Plan path whose findings are shown.
    #[prop(optional, into)]
    path: Signal<String>,
) -> impl IntoView {
    if read_only() {
        return read_value(
            label,
            Signal::derive(move || if value.get() { "Yes" } else { "No" }.to_string()),
        );
    }
    let id = dom_id("c");
    let findings_id = format!("{id}-findings");
    view! {
        <div class="pw-check">
            <input
                id=id.clone()
                type="checkbox"
                prop:checked=move || value.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
                aria-describedby=findings_id.clone()
            />
            <label for=id>{label}</label>
            <FieldFindings path=path id=findings_id/>
        </div>
    }
    .into_any()
}

/// A question answered yes, no, or not yet: `None` means not answered.
#[component]
pub fn YesNoField(
    /// The question.
    #[prop(into)]
    label: String,
    /// The answer.
    #[prop(into)]
    value: Signal<Option<bool>>,
    /// Called with the new answer.
    #[prop(into)]
    on_change: Callback<Option<bool>>,
    /// A short explanation.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Words for the three answers (yes, no, unanswered).
    #[prop(optional)]
    words: Option<[&'static str; 3]>,
    /// Plan path whose findings are shown.
    #[prop(optional, into)]
    path: Signal<String>,
    /// `data-testid` on the group.
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView {
    let [yes, no, unknown] = words.unwrap_or(["Yes", "No", "Not answered yet"]);
    if read_only() {
        let text = Signal::derive(move || {
            match value.get() {
                Some(true) => yes,
                Some(false) => no,
                None => unknown,
            }
            .to_string()
        });
        return read_value(label, text);
    }
    let name = dom_id("yn");
    let findings_id = format!("{name}-findings");
    let described = findings_id.clone();
    let option = move |word: &'static str, answer: Option<bool>| {
        let id = dom_id("r");
        let name = name.clone();
        view! {
            <span class="pw-radio">
                <input
                    type="radio"
                    id=id.clone()
                    name=name
                    prop:checked=move || value.get() == answer
                    on:change=move |_| on_change.run(answer)
                />
                <label for=id>{word}</label>
            </span>
        }
    };
    view! {
        <fieldset class="pw-field pw-fieldset" aria-describedby=described data-testid=testid>
            <legend class="pw-field__label">{label}</legend>
            {hint.map(|h| view! { <p class="pw-field__hint">{h}</p> })}
            <div class="pw-radios">
                {option(yes, Some(true))}
                {option(no, Some(false))}
                {option(unknown, None)}
            </div>
            <FieldFindings path=path id=findings_id/>
        </fieldset>
    }
    .into_any()
}
