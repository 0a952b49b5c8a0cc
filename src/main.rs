//! Entry point: install the panic hook and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(planwright_web::App);
}

/// The app only runs in the browser; natively there is nothing to start.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
