//! The page frame around every screen: header with the save state, notices
//! and the footer.

use leptos::prelude::*;

use crate::state::route;
use crate::state::{
    use_autosave, use_library, use_notices, use_other_tabs, use_plan, use_router, SaveState, View,
};

/// Whether a click on a link asks for a new tab or window (a modifier key or
/// a middle click), which the browser then handles itself.
pub fn new_tab(e: &leptos::ev::MouseEvent) -> bool {
    e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() == 1
}

/// Title bar: product name, the open plan and whether it is saved.
#[component]
pub fn Header() -> impl IntoView {
    let open = use_plan();
    let library = use_library();
    let shared = move || open.shared.get();
    let title = open.field(|p| p.title.clone());
    let router = use_router();
    let href = move |view: View| move || route::hash_of(open.open_id.get().as_deref(), view);
    // A plain click changes the screen here; a click that asks for a new tab
    // or window follows the link's address.
    let to = move |e: leptos::ev::MouseEvent, view: View| {
        if !new_tab(&e) {
            e.prevent_default();
            router.go(view);
        }
    };
    view! {
        <header class="pw-header">
            <div class="pw-header__brand">
                <h1 class="pw-header__title" data-testid="app-title">"Planwright"</h1>
                <p class="pw-header__tagline">
                    "Plan an AI initiative from pilot to production: readiness, risk, gates and critical path."
                </p>
            </div>
            <Show when=move || open.is_shown()>
                <div class="pw-header__plan">
                    <p class="pw-header__plan-title" data-testid="open-plan-title">{move || title.get()}</p>
                    <Show when=shared fallback=|| view! { <SaveStatus/> }>
                        <p class="pw-save" data-testid="shared-status">"Shared plan, read-only"</p>
                    </Show>
                </div>
                <nav class="pw-header__nav" aria-label="Plan views">
                    <Show when=shared>
                        <button type="button" class="pw-button pw-button--primary" data-testid="save-shared-copy" on:click=move |_| library.save_shared_copy()>
                            "Save a copy to my plans"
                        </button>
                    </Show>
                    <a
                        class="pw-button"
                        href=href(View::Library)
                        data-testid="go-library"
                        on:click=move |e| {
                            if !new_tab(&e) {
                                e.prevent_default();
                                library.close();
                            }
                        }
                    >
                        "All plans"
                    </a>
                    <a
                        class="pw-button"
                        href=href(View::Dashboard)
                        data-testid="go-dashboard"
                        aria-current=move || (open.view.get() == View::Dashboard).then_some("page")
                        on:click=move |e| to(e, View::Dashboard)
                    >
                        "Results"
                    </a>
                    <a
                        class="pw-button"
                        href=href(View::Document)
                        data-testid="go-document"
                        aria-current=move || (open.view.get() == View::Document).then_some("page")
                        on:click=move |e| to(e, View::Document)
                    >
                        "Whole plan"
                    </a>
                </nav>
            </Show>
        </header>
    }
}

/// Saved / saving / not saved, with what to do when saving fails.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let autosave = use_autosave();
    let memory_only = move || autosave.storage_problem.with(Option::is_some);
    view! {
        <p class="pw-save" role="status" data-testid="save-status" data-state=move || match autosave.save.get() {
            SaveState::Saved if memory_only() => "memory",
            SaveState::Saved => "saved",
            SaveState::Pending => "pending",
            SaveState::NotSaved(_) => "failed",
            SaveState::Conflict => "conflict",
        }>
            {move || match autosave.save.get() {
                SaveState::Saved if memory_only() => "Kept in this tab only".to_string(),
                SaveState::Saved => "All changes saved".to_string(),
                SaveState::Pending => "Saving…".to_string(),
                SaveState::NotSaved(_) => "Not saved".to_string(),
                SaveState::Conflict => "Changed in another tab".to_string(),
            }}
        </p>
    }
}

/// Banners for problems that need the person: storage, conflicts, and the
/// notices the app raised.
#[component]
pub fn Notices() -> impl IntoView {
    let open = use_plan();
    let autosave = use_autosave();
    let tabs = use_other_tabs();
    let notices = use_notices();
    let export = move |_| crate::download::export_json(open.plan, notices);
    view! {
        <div class="pw-notices" data-testid="notices">
            <Show when=move || autosave.storage_problem.with(Option::is_some)>
                <div class="pw-notice pw-notice--warning" role="alert" data-testid="storage-unavailable">
                    <p>
                        {move || autosave.storage_problem.get().map(|why| format!(
                            "This browser is not letting Planwright keep plans ({why}). You can keep working in this tab, but export your plan to a file before you close it."
                        ))}
                    </p>
                    <Show when=move || open.open_id.with(Option::is_some)>
                        <button type="button" class="pw-button" on:click=export>"Export the plan as JSON"</button>
                    </Show>
                </div>
            </Show>
            {move || match autosave.save.get() {
                SaveState::NotSaved(why) => Some(view! {
                    <div class="pw-notice pw-notice--error" role="alert" data-testid="save-failed">
                        <p>{why}</p>
                        <button type="button" class="pw-button" on:click=export>"Export the plan as JSON"</button>
                        <button type="button" class="pw-button" on:click=move |_| autosave.retry()>"Try saving again"</button>
                    </div>
                }.into_any()),
                SaveState::Conflict => Some(view! {
                    <div class="pw-notice pw-notice--warning" role="alert" data-testid="save-conflict">
                        <p>
                            "This plan was changed in another tab after you opened it here, and this tab has changes too. "
                            "Nothing has been overwritten. Choose which version to keep."
                        </p>
                        <button type="button" class="pw-button" data-testid="take-theirs" on:click=move |_| tabs.take_theirs()>
                            "Use the other tab's version"
                        </button>
                        <button type="button" class="pw-button" data-testid="keep-mine" on:click=move |_| tabs.keep_mine()>
                            "Keep this tab's version"
                        </button>
                        <button type="button" class="pw-button" on:click=export>"Export this tab's version first"</button>
                    </div>
                }.into_any()),
                _ => None,
            }}
            <For
                each=move || notices.list.with(|list| list.iter().map(|n| n.id).collect::<Vec<_>>())
                key=|id| *id
                children=move |id| {
                    let notice = notices.list.with_untracked(|l| l.iter().find(|n| n.id == id).cloned());
                    notice.map(|n| {
                        let class = format!("pw-notice pw-notice--{}", n.kind.as_str());
                        let role = n.kind.role();
                        let label = n.button();
                        view! {
                            <div class=class role=role data-testid="notice">
                                <p>{n.text}</p>
                                {n.undo.zip(label).map(|(undo, label)| view! {
                                    <button type="button" class="pw-button" on:click=move |_| {
                                        undo();
                                        notices.dismiss(id);
                                    }>{label}</button>
                                })}
                                <button type="button" class="pw-button pw-button--quiet" aria-label="Dismiss" on:click=move |_| notices.dismiss(id)>
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
                }
            />
        </div>
    }
}

/// Footer stating the privacy promise.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="pw-footer" data-testid="privacy-note">
            <p>
                "Your plans never leave this browser: they are kept in its local storage and "
                "only go elsewhere as files you export yourself."
            </p>
        </footer>
    }
}
