//! A region that scrolls sideways on its own when what it holds (a wide
//! table) is wider than the screen, so the page itself never does. It can be
//! focused, so the keyboard can scroll it too.

use leptos::prelude::*;

/// Holds wide content in its own sideways-scrolling region.
#[component]
pub fn ScrollX(
    /// What the region holds, as a screen reader announces it.
    #[prop(into)]
    label: String,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="pw-scroll-x" role="region" tabindex="0" aria-label=label>
            {children()}
        </div>
    }
}
