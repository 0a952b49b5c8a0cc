//! Step placeholder while the step is written.

use leptos::prelude::*;

/// Step content.
#[component]
pub fn TechnologyStep() -> impl IntoView {
    view! { <p>"Coming in this change."</p> }
}
