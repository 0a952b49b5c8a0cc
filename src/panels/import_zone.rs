//! Importing a plan file by picker or drag and drop. An import always
//! becomes a new plan in the library; a file that cannot be read is reported
//! with what is wrong and where, and nothing stored changes. A portfolio
//! file brings its plans in as new plans and a new portfolio that names
//! them.

use leptos::prelude::*;
use planwright_core::analysis::validate::Severity;
use planwright_core::format::file::{self, Imported, MAX_BYTES};
use planwright_core::format::portfolio;
use planwright_core::text::plural;
use wasm_bindgen::JsCast;

use crate::components::dom_id;
use crate::state::{use_library, use_notices, use_plan, use_portfolios, NoticeKind, View};

/// What a file turned out to hold.
enum Read {
    Plan(Box<Imported>),
    Portfolio(Box<portfolio::ImportedPortfolio>),
}

/// Reads a plan file, or a portfolio file when the plan importer says the
/// file is one.
fn import_any(name: &str, bytes: &[u8]) -> Result<Read, String> {
    match file::import_named(name, bytes) {
        Ok(imported) => Ok(Read::Plan(Box::new(imported))),
        Err(file::ImportError::PortfolioFile) => portfolio::import_bytes(bytes)
            .map(|p| Read::Portfolio(Box::new(p)))
            .map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// Reads a file's bytes.
async fn read(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the browser could not read the file".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// What to tell the person after a successful import: what came in, then
/// each change the import made as a whole notice of its own, so the shell's
/// short notice list never loses the first lines of a long list.
fn summary(name: &str, imported: &Imported) -> Vec<(NoticeKind, String)> {
    let errors = imported
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = imported.findings.len() - errors;
    let mut notices = vec![(
        NoticeKind::Info,
        format!(
            "Imported '{name}' as a new plan: {} and {} still to do; each step shows them beside the fields.",
            plural(errors, "error"),
            plural(warnings, "thing")
        ),
    )];
    notices.extend(
        imported
            .changes()
            .into_iter()
            .map(|c| (NoticeKind::Warning, c)),
    );
    notices
}

/// A drop zone with a file picker.
#[component]
pub fn ImportZone() -> impl IntoView {
    let library = use_library();
    let portfolios = use_portfolios();
    let open = use_plan();
    let shown = use_notices();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let over = RwSignal::new(false);
    let input_id = dom_id("import");

    let take = move |file: web_sys::File| {
        let name = file.name();
        error.set(None);
        // Refused before reading, for portfolio files too: the plan limit
        // holds dozens of plans of an ordinary size, so the app does not
        // read 64 MB into the tab on the chance the file is a portfolio.
        if file.size() > MAX_BYTES as f64 {
            let e = file::ImportError::TooLarge {
                bytes: file.size() as usize,
            };
            error.set(Some(format!("'{name}' was not imported. {e}")));
            return;
        }
        busy.set(true);
        let name_read = name.clone();
        leptos::task::spawn_local(async move {
            let result = match read(file).await {
                Ok(bytes) => import_any(&name_read, &bytes),
                Err(e) => Err(format!("{e}.")),
            };
            busy.set(false);
            match result {
                Ok(Read::Plan(imported)) => {
                    let notices = summary(&name, &imported);
                    library.create(imported.plan);
                    open.view.set(View::Dashboard);
                    for (kind, text) in notices {
                        shown.notify(kind, text);
                    }
                }
                Ok(Read::Portfolio(imported)) => {
                    let count = imported.plans.len();
                    let changes = imported.changes();
                    match portfolios.import(*imported) {
                        Ok(renamed) => {
                            shown.notify(
                                NoticeKind::Info,
                                format!("Imported '{name}' as a new portfolio with {} of its own; nothing you already had is replaced.", plural(count, "new plan")),
                            );
                            for text in renamed {
                                shown.notify(NoticeKind::Info, text);
                            }
                            for text in changes {
                                shown.notify(NoticeKind::Warning, text);
                            }
                        }
                        Err(why) => error.set(Some(format!(
                            "'{name}' was not imported; your plans are unchanged. {why}."
                        ))),
                    }
                }
                Err(message) => error.set(Some(format!(
                    "'{name}' was not imported; your plans are unchanged. {message}"
                ))),
            }
        });
    };
    let take_from = move |files: Option<web_sys::FileList>| {
        if let Some(file) = files.and_then(|f| f.get(0)) {
            take(file);
        }
    };

    view! {
        <section
            class="pw-import"
            class:pw-import--over=move || over.get()
            aria-labelledby="import-title"
            data-testid="import-zone"
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                over.set(false);
                take_from(ev.data_transfer().and_then(|d| d.files()));
            }
        >
            <h2 id="import-title">"Import a plan or portfolio file"</h2>
            <p>
                "Drop a Planwright JSON file or a Markdown document exported from Planwright here, or choose one. "
                "It becomes a new plan in your library; a portfolio file becomes a new portfolio with its plans. "
                "Nothing you already have is replaced."
            </p>
            <label class="pw-button" for=input_id.clone()>"Choose a file…"</label>
            <input
                id=input_id
                class="pw-visually-hidden pw-import__input"
                type="file"
                accept=".json,application/json,.md,.markdown,text/markdown"
                data-testid="import-file"
                on:change=move |ev| {
                    let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                    if let Some(input) = input {
                        take_from(input.files());
                        input.set_value("");
                    }
                }
            />
            <p class="pw-import__busy" aria-live="polite">{move || busy.get().then_some("Reading the file…")}</p>
            <p class="pw-import__error" role="alert" data-testid="import-error">{move || error.get()}</p>
        </section>
    }
}
