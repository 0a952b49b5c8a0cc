//! A multiple-choice question over one of the core's choice lists, where
//! `None` means "not answered yet" and an empty list means "none apply".

use leptos::prelude::*;
use planwright_core::Choice;

use super::dom_id;
use super::findings::FieldFindings;
use super::read_only::{read_only, read_value};

/// A fieldset of checkboxes plus "none of these apply".
#[component]
pub fn MultiChoiceField<C>(
    /// The question.
    #[prop(into)]
    label: String,
    /// The answer: `None` unanswered, otherwise the ticked choices.
    #[prop(into)]
    value: Signal<Option<Vec<C>>>,
    /// Called with the new answer.
    #[prop(into)]
    on_change: Callback<Option<Vec<C>>>,
    /// Text of the "none apply" box.
    #[prop(into)]
    none_label: String,
    /// Plan path whose findings are shown.
    #[prop(optional, into)]
    path: Signal<String>,
    /// `data-testid` on the fieldset.
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView
where
    C: Choice + Send + Sync + std::fmt::Debug,
{
    if read_only() {
        let none = none_label.clone();
        let text = Signal::derive(move || match value.get() {
            None => String::new(),
            Some(v) if v.is_empty() => none.clone(),
            Some(v) => v.iter().map(|c| c.label()).collect::<Vec<_>>().join("; "),
        });
        return read_value(label, text);
    }
    let findings_id = dom_id("mc");
    let status = move || match value.get() {
        None => "Not answered yet",
        Some(v) if v.is_empty() => "Answered: none apply",
        Some(_) => "Answered",
    };
    let toggle = move |c: C, on: bool| {
        let mut list = value.get_untracked().unwrap_or_default();
        list.retain(|x| *x != c);
        if on {
            list.push(c);
            // Keep the order of the list of choices.
            list.sort_by_key(|x| C::ALL.iter().position(|y| y == x));
        }
        on_change.run(if list.is_empty() { None } else { Some(list) });
    };
    let none_id = dom_id("mc-none");
    let described = findings_id.clone();
    view! {
        <fieldset class="pw-field pw-fieldset" aria-describedby=described data-testid=testid>
            <legend class="pw-field__label">{label}</legend>
            <p class="pw-field__hint">{status}</p>
            <div class="pw-checks">
                {C::ALL
                    .iter()
                    .map(|c| {
                        let c = *c;
                        let id = dom_id("mc-item");
                        view! {
                            <div class="pw-check">
                                <input
                                    id=id.clone()
                                    type="checkbox"
                                    data-key=c.key()
                                    prop:checked=move || value.with(|v| v.as_ref().is_some_and(|v| v.contains(&c)))
                                    on:change=move |ev| toggle(c, event_target_checked(&ev))
                                />
                                <label for=id>{c.label()}</label>
                            </div>
                        }
                    })
                    .collect_view()}
                <div class="pw-check pw-check--none">
                    <input
                        id=none_id.clone()
                        type="checkbox"
                        data-key="none"
                        prop:checked=move || value.with(|v| v.as_ref().is_some_and(Vec::is_empty))
                        on:change=move |ev| on_change.run(event_target_checked(&ev).then(Vec::new))
                    />
                    <label for=none_id>{none_label}</label>
                </div>
            </div>
            <FieldFindings path=path id=findings_id/>
        </fieldset>
    }
    .into_any()
}
