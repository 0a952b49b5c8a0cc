//! Reusable widgets. Each takes plain values or signals and reports changes
//! through callbacks; none of them knows the app state or which part of the
//! plan it edits. The only contexts they read are their own, which whoever
//! mounts them may provide: [`read_only::ReadOnly`] and
//! [`findings::FindingsSource`]. Parts bound to the app are in `panels/`.
//!
//! `gantt_chart` is the one exception: it only forwards to
//! `panels::gantt_chart`, for tests that still import it from here.

pub mod card_title;
pub mod check_field;
pub mod choice_field;
pub mod date_field;
pub mod findings;
pub mod gantt_chart;
pub mod multi_choice;
pub mod number_field;
pub mod radar_chart;
pub mod read_only;
pub mod scroll_x;
pub mod text_field;
pub mod text_list;

use std::sync::atomic::{AtomicU32, Ordering};

/// A DOM id unique in the page, for pairing labels with controls.
pub fn dom_id(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Moves keyboard focus to the first element matching `selector` once the
/// DOM has caught up (after a row was added, say).
pub fn focus_soon(selector: String) {
    leptos::prelude::request_animation_frame(move || {
        let found = leptos::prelude::document()
            .query_selector(&selector)
            .ok()
            .flatten();
        if let Some(el) =
            found.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = el.focus();
        }
    });
}
