//! The page frame around every screen.

use leptos::prelude::*;

/// Title bar with the product name and what it does.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="pw-header">
            <div class="pw-header__brand">
                <h1 class="pw-header__title" data-testid="app-title">"Planwright"</h1>
                <p class="pw-header__tagline">
                    "Plan an AI initiative from pilot to production: readiness, risk, gates and critical path."
                </p>
            </div>
        </header>
    }
}

/// Footer stating the privacy promise.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="pw-footer" data-testid="privacy-note">
            <p>
                "Your plans never leave this browser: they are kept in its local storage and "
                "only go elsewhere as files you export yourself."
            </p>
        </footer>
    }
}
