//! Step placeholder while the step is written.

use leptos::prelude::*;

/// Step content.
#[component]
pub fn StakeholdersStep() -> impl IntoView {
    view! { <p>"Coming in this change."</p> }
}
