//! Saving text as a file the person downloads, without any server.

use leptos::prelude::*;
use planwright_core::Plan;
use wasm_bindgen::JsCast;

use crate::state::{NoticeKind, Notices};

/// Offers `text` as a download named `name`. Returns false when the browser
/// refused (the caller then tells the person).
pub fn save_text(name: &str, mime: &str, text: &str) -> bool {
    try_save(name, mime, text).is_some()
}

fn try_save(name: &str, mime: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    web_sys::HtmlElement::style(&link)
        .set_property("display", "none")
        .ok()?;
    document.body()?.append_child(&link).ok()?;
    link.click();
    link.remove();
    // Give the browser a moment to start the download before letting go.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
    Some(())
}

/// A file name made from a plan title: lower case, dashes, no odd characters.
pub fn file_name(title: &str, extension: &str) -> String {
    let mut slug = String::new();
    for c in title.trim().chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() {
        "planwright-plan"
    } else {
        slug
    };
    format!("{slug}.{extension}")
}

/// Downloads the open plan as a JSON plan file named after its title.
pub fn export_json(plan: RwSignal<Plan>, notices: Notices) {
    let (name, text) = plan.with_untracked(|p| {
        (
            file_name(&p.title, "json"),
            planwright_core::format::file::to_json(p),
        )
    });
    if !save_text(&name, "application/json", &text) {
        notices.notify(NoticeKind::Error, "The browser did not allow the download.");
    }
}
