//! Helpers shared by the browser tests: mounting, finding elements, typing
//! and waiting.
#![allow(dead_code)]

use leptos::prelude::*;
/// The core's plan builders, shared with its own tests
/// (`planwright_core::testing`).
#[allow(unused_imports)]
pub use planwright_core::testing::{blank_with, task};
use planwright_web::state::AppState;
use planwright_web::storage::Store;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// Mounts a view into a fresh element inside an app state kept in memory,
/// and returns the element and the state.
pub fn mount<F, V>(plan: planwright_core::Plan, view: F) -> (HtmlElement, AppState)
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    mount_on(Store::memory(None), plan, view)
}

/// Like [`mount`], on a given store (a clone shares its contents, so a test
/// can play another tab).
pub fn mount_on<F, V>(store: Store, plan: planwright_core::Plan, view: F) -> (HtmlElement, AppState)
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    leptos::mount::mount_to(root.clone(), move || {
        let app = AppState::provide(store);
        app.plan.set(plan);
        tx.send(app).unwrap();
        view()
    })
    .forget();
    let app = rx.recv().unwrap();
    (root, app)
}

/// Waits for pending reactive work and rendering.
pub async fn settle() {
    leptos::task::tick().await;
    sleep(0).await;
    leptos::task::tick().await;
}

/// Waits for a number of milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The first element matching a selector, or a panic naming the selector.
pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// Every element matching a selector.
pub fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

/// The button whose text is exactly `text`.
pub fn button(root: &Element, text: &str) -> HtmlElement {
    find_all(root, "button")
        .into_iter()
        .find(|b| self::text(b) == text)
        .unwrap_or_else(|| panic!("no button '{text}'"))
        .unchecked_into()
}

/// The button with this accessible label (`aria-label`).
pub fn labelled_button(root: &Element, label: &str) -> HtmlElement {
    find(root, &format!("button[aria-label=\"{label}\"]")).unchecked_into()
}

/// The control a `<label>` with exactly this text points at.
pub fn control(root: &Element, label: &str) -> Element {
    let target = find_all(root, "label")
        .into_iter()
        .find(|l| self::text(l) == label)
        .and_then(|l| l.get_attribute("for"))
        .unwrap_or_else(|| panic!("no label '{label}'"));
    find(root, &format!("#{target}"))
}

fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Types text into an input or text area, as a person would.
pub fn type_into(el: &Element, text: &str) {
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_value(text);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(text);
    }
    fire(el, "input");
}

/// Picks an option of a select by its value.
pub fn pick(el: &Element, value: &str) {
    el.dyn_ref::<HtmlSelectElement>()
        .expect("a select")
        .set_value(value);
    fire(el, "change");
}

/// Clicks an element.
pub fn click(el: &HtmlElement) {
    el.click();
}

/// Text of an element, trimmed.
pub fn text(el: &Element) -> String {
    el.text_content()
        .expect("an element always has text content")
        .trim()
        .to_string()
}
