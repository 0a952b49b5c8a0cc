//! Step placeholder while the step is written.

use leptos::prelude::*;

/// Step content.
#[component]
pub fn WorkflowStep() -> impl IntoView {
    view! { <p>"Coming in this change."</p> }
}
