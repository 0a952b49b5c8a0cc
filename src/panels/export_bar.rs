//! Taking the plan away: JSON and Markdown downloads, Markdown to the
//! clipboard, a share link (with its length and where it travels safely,
//! and the file offered instead when it is long), printing, and saving the
//! plan's structure as a template in the library.

use leptos::prelude::*;
use planwright_core::export::markdown;
use planwright_core::format::share::{self, LinkReach};
use wasm_bindgen::JsCast;

use crate::components::dom_id;
use crate::download::{export_json, file_name, save_text};
use crate::state::{use_notices, use_plan, use_templates};

/// Copies text to the clipboard; resolves to whether it worked.
async fn copy(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
        .await
        .is_ok()
}

/// The link to this page carrying `share` in its fragment.
fn share_url(share: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let base = format!("{}{}", location.origin().ok()?, location.pathname().ok()?);
    Some(format!("{base}#{share}"))
}

/// Export, share and print actions for the open plan.
#[component]
pub fn ExportBar() -> impl IntoView {
    let open = use_plan();
    let notices = use_notices();
    let status = RwSignal::new(String::new());
    let link = RwSignal::new(None::<String>);
    let link_id = dom_id("share-link");
    let reach_id = dom_id("share-reach");
    // Whether to offer the plan file instead of a link: the link is too
    // long for chat tools, or too long to make at all.
    let offer_file = RwSignal::new(false);

    let download_md = move |_| {
        let (name, text) = open
            .plan
            .with_untracked(|p| (file_name(&p.title, "md"), markdown::to_markdown(p)));
        if save_text(&name, "text/markdown", &text) {
            status.set(format!("Downloaded {name}."));
        } else {
            status.set("The browser did not allow the download.".to_string());
        }
    };
    let download_json = move |_| {
        export_json(open.plan, notices);
        let name = open.plan.with_untracked(|p| file_name(&p.title, "json"));
        status.set(format!("Downloaded {name}."));
    };
    let copy_md = move |_| {
        let text = open.plan.with_untracked(markdown::to_markdown);
        leptos::task::spawn_local(async move {
            if copy(text).await {
                status.set("The plan is on the clipboard as Markdown.".to_string());
            } else {
                status.set(
                    "The browser did not allow copying; download the Markdown file instead."
                        .to_string(),
                );
            }
        });
    };
    let make_link = move |_| match open.plan.with_untracked(share::encode) {
        Ok(text) => {
            let Some(url) = share_url(&text) else { return };
            offer_file.set(LinkReach::of(url.chars().count()) == LinkReach::MailOrFile);
            link.set(Some(url.clone()));
            leptos::task::spawn_local(async move {
                if copy(url).await {
                    status.set("Share link copied. Whoever opens it sees this plan read-only; the plan travels inside the link and no server sees it.".to_string());
                } else {
                    status.set("Copy the share link from the box below.".to_string());
                }
            });
        }
        Err(e) => {
            link.set(None);
            offer_file.set(true);
            status.set(e.to_string());
        }
    };
    let templates = use_templates();
    let save_template = move |_| {
        open.plan.with_untracked(|p| templates.save_from(p));
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let shared = move || open.shared.get();
    let link_label = link_id.clone();
    let reach_label = reach_id.clone();
    let reach = move || {
        link.with(|l| {
            l.as_deref()
                .map(|url| LinkReach::describe(url.chars().count()))
        })
        .unwrap_or_default()
    };
    view! {
        <div class="pw-exportbar" role="group" aria-label="Export and share" data-testid="export-bar">
            <button type="button" class="pw-button" data-testid="download-json" on:click=download_json>"Download JSON"</button>
            <button type="button" class="pw-button" data-testid="download-md" on:click=download_md>"Download Markdown"</button>
            <button type="button" class="pw-button" data-testid="copy-md" on:click=copy_md>"Copy Markdown"</button>
            <button type="button" class="pw-button" data-testid="share-link" hidden=shared on:click=make_link>"Copy share link"</button>
            <button type="button" class="pw-button" data-testid="print" on:click=print>"Print"</button>
            <button type="button" class="pw-button" data-testid="save-template" on:click=save_template>"Save as template"</button>
            <p class="pw-exportbar__status" role="status" data-testid="export-status">{move || status.get()}</p>
            <Show when=move || link.with(Option::is_some)>
                <div class="pw-field pw-exportbar__link">
                    <label class="pw-field__label" for=link_label.clone()>"Share link"</label>
                    <input
                        id=link_id.clone()
                        class="pw-input"
                        type="text"
                        readonly=true
                        data-testid="share-url"
                        aria-describedby=reach_label.clone()
                        prop:value=move || link.get().unwrap_or_default()
                        on:focus=move |ev| {
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        }
                    />
                    <p id=reach_id.clone() class="pw-field__hint" data-testid="share-reach">{reach}</p>
                </div>
            </Show>
            <Show when=move || offer_file.get() && !shared()>
                <button type="button" class="pw-button" data-testid="share-file-instead" on:click=download_json>
                    "Download the plan file to share instead"
                </button>
            </Show>
        </div>
    }
}
