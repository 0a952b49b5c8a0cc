//! Read-only rendering: the same steps shown as a document, for shared links
//! and for printing the plan.
//!
//! A view sets [`ReadOnly`] in context; every field widget then shows its
//! value as text instead of a control, and list editors drop their buttons.

use leptos::prelude::*;

/// Context flag: fields below render as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOnly(pub bool);

/// Whether fields here render as text.
pub fn read_only() -> bool {
    use_context::<ReadOnly>().is_some_and(|r| r.0)
}

/// A label and a value as text; an empty value says it is missing.
pub fn read_value(label: String, value: Signal<String>) -> AnyView {
    view! {
        <div class="pw-field pw-field--read">
            <span class="pw-field__label">{label}</span>
            <p class="pw-value" class:pw-value--empty=move || value.with(|v| v.trim().is_empty())>
                {move || {
                    let v = value.get();
                    if v.trim().is_empty() { "Not filled in yet".to_string() } else { v }
                }}
            </p>
        </div>
    }
    .into_any()
}
