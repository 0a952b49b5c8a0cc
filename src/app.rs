//! The root component: page shell with header, section navigation, main
//! area and footer.

use leptos::prelude::*;

use crate::components::shell::{Footer, Header};

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <div class="pw-app">
            <a class="pw-skip" href="#main">"Skip to content"</a>
            <Header/>
            <div class="pw-layout">
                <nav class="pw-nav" aria-label="Plan sections" data-testid="section-nav">
                    <p class="pw-nav__empty">"Open or start a plan to see its sections."</p>
                </nav>
                <main id="main" class="pw-main" tabindex="-1" data-testid="main">
                    <h2>"Plan an AI initiative that makes it past the pilot"</h2>
                    <p>
                        "Planwright walks you through the twelve parts of a plan, from the business "
                        "problem to feedback loops, and tells you how ready you are, what risk tier "
                        "applies and what to do first."
                    </p>
                </main>
            </div>
            <Footer/>
        </div>
    }
}
