//! Browser tests of the page shell (run with `make test-wasm`).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the whole app into a fresh element and returns that element.
fn mount_app() -> web_sys::HtmlElement {
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), planwright_web::App).forget();
    root
}

#[wasm_bindgen_test]
fn shell_shows_title_navigation_and_privacy_note() {
    let root = mount_app();
    let title = root
        .query_selector("[data-testid=app-title]")
        .unwrap()
        .unwrap();
    assert_eq!(title.text_content().unwrap(), "Planwright");
    let nav = root.query_selector("nav").unwrap().unwrap();
    assert_eq!(
        nav.get_attribute("aria-label").as_deref(),
        Some("Plan sections")
    );
    let footer = root
        .query_selector("[data-testid=privacy-note]")
        .unwrap()
        .unwrap();
    assert!(footer
        .text_content()
        .unwrap()
        .contains("never leave this browser"));
    root.remove();
}
