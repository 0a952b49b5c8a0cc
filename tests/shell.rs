//! Browser tests of the whole app: first visit, starting a plan, stepping
//! through the builder. Run with `make test-wasm`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the whole app on clean local storage.
fn mount_app() -> web_sys::HtmlElement {
    LocalStorage::clear();
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), planwright_web::App).forget();
    root
}

#[wasm_bindgen_test]
async fn first_visit_shows_the_library_and_an_invitation() {
    let root = mount_app();
    settle().await;
    assert_eq!(text(&find(&root, "[data-testid=app-title]")), "Planwright");
    assert!(text(&find(&root, "[data-testid=privacy-note]")).contains("never leave this browser"));
    assert!(text(&find(&root, "#welcome-title")).contains("past the pilot"));
    // Blank plus the three examples.
    assert!(root
        .query_selector("[data-testid=new-blank]")
        .unwrap()
        .is_some());
    assert_eq!(find_all(&root, "[data-testid^=new-example-]").len(), 3);
    // No plan is open, so there are no sections to navigate yet.
    assert!(root
        .query_selector("[data-testid=section-nav]")
        .unwrap()
        .is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn starting_an_example_opens_the_builder_with_live_scores() {
    let root = mount_app();
    settle().await;
    click(&find(&root, "[data-testid=new-example-finance]").unchecked_into());
    settle().await;
    assert!(root
        .query_selector("[data-testid=step-objective]")
        .unwrap()
        .is_some());
    let nav = find(&root, "[data-testid=section-nav]");
    assert_eq!(
        nav.get_attribute("aria-label").as_deref(),
        Some("Plan sections")
    );
    // Each step is a link to its own address.
    assert_eq!(find_all(&nav, "a.pw-stepnav__link").len(), 12);
    let score: u32 = text(&find(&root, "[data-testid=overall-score]"))
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(score > 0 && score <= 100, "score {score}");
    // The next button leads to step 2.
    click(&find(&root, "[data-testid=step-next]").unchecked_into());
    settle().await;
    assert!(root
        .query_selector("[data-testid=step-metrics]")
        .unwrap()
        .is_some());
    // The example is stored.
    assert_eq!(
        LocalStorage::length(),
        2,
        "the plan and the last-open marker"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_in_the_title_updates_the_header_and_is_saved() {
    let root = mount_app();
    settle().await;
    click(&find(&root, "[data-testid=new-blank]").unchecked_into());
    settle().await;
    let title = find(&root, "[data-testid=plan-title]");
    type_into(&title, "Invoice matching pilot");
    settle().await;
    assert_eq!(
        text(&find(&root, "[data-testid=open-plan-title]")),
        "Invoice matching pilot"
    );
    assert_eq!(
        find(&root, "[data-testid=save-status]")
            .get_attribute("data-state")
            .as_deref(),
        Some("pending")
    );
    sleep(600).await;
    settle().await;
    assert_eq!(
        find(&root, "[data-testid=save-status]")
            .get_attribute("data-state")
            .as_deref(),
        Some("saved")
    );
    let stored: Vec<String> = (0..LocalStorage::length())
        .filter_map(|i| LocalStorage::raw().key(i).ok().flatten())
        .filter_map(|k| LocalStorage::raw().get_item(&k).ok().flatten())
        .collect();
    assert!(
        stored.iter().any(|s| s.contains("Invoice matching pilot")),
        "{stored:?}"
    );
    root.remove();
}
