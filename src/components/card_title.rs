//! The title of a library card (a plan, a template, a portfolio) that turns
//! into a rename field in place, and the accessible names of card controls.

use leptos::prelude::*;

/// The accessible name of a control whose visible words are short: the
/// visible words first, as WCAG 2.5.3 "Label in Name" asks, then what they
/// act on, so "Open" is read as "Open Claims triage" out of context.
pub fn full_name(visible: &str, joint: &str, what: &str) -> String {
    format!("{visible}{joint}{what}")
}

/// A card's heading, or while `renaming` a labelled field with "Save name":
/// Enter or the button calls `on_rename` with the trimmed text (a blank one
/// is ignored), Escape leaves the name as it was; both end renaming.
///
/// `shown` is the heading text (a placeholder when the stored title is
/// blank), `stored` the field's starting text, `joint` what joins the
/// controls' visible words to `shown` in their names (" for ", " for the
/// template "), and `input_id` the field's id, so the card's Rename button
/// can move focus to it. `level` 4 makes an `h4`, anything else an `h3`.
#[component]
pub fn CardTitle(
    shown: String,
    stored: String,
    joint: &'static str,
    input_id: String,
    renaming: RwSignal<bool>,
    on_rename: Callback<String>,
    #[prop(default = 3)] level: u8,
) -> impl IntoView {
    let named = StoredValue::new(shown);
    let called = move |visible: &str| full_name(visible, joint, &named.get_value());
    let draft = RwSignal::new(stored);
    let finish = move || {
        let t = draft.get_untracked().trim().to_string();
        if !t.is_empty() {
            on_rename.run(t);
        }
        renaming.set(false);
    };
    move || {
        if renaming.get() {
            view! {
                <label class="pw-field__label" for=input_id.clone()>"New name"</label>
                <input
                    id=input_id.clone()
                    aria-label=called("New name")
                    class="pw-input"
                    type="text"
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                        "Enter" => finish(),
                        "Escape" => renaming.set(false),
                        _ => {}
                    }
                />
                <button type="button" class="pw-button" on:click=move |_| finish() aria-label=called("Save name")>"Save name"</button>
            }
            .into_any()
        } else if level == 4 {
            view! { <h4 class="pw-card__title">{named.get_value()}</h4> }.into_any()
        } else {
            view! { <h3 class="pw-card__title">{named.get_value()}</h3> }.into_any()
        }
    }
}
