//! The library of stored plans: listing, creating, opening, closing,
//! renaming, copying, deleting and restoring them.

use std::sync::Arc;

use leptos::prelude::*;
use planwright_core::format::file;
use planwright_core::model::Section;
use planwright_core::text::quoted;
use planwright_core::Plan;

use super::autosave::Autosave;
use super::notices::{NoticeKind, Notices};
use super::plan::{OpenPlan, View};
use super::save_rule::SaveState;
use super::titles::{copy_title, damaged_notice, distinct_title, UNTITLED};
use crate::storage::{new_plan_id, now, Entry, Loaded, Meta, Store, Trashed};

/// The stored plans and what can be done with them, cheap to copy.
#[derive(Clone, Copy)]
pub struct Library {
    /// Stored plans, newest first.
    pub entries: RwSignal<Vec<Entry>>,
    /// The last deleted plan.
    pub trash: RwSignal<Option<Trashed>>,
    open: OpenPlan,
    autosave: Autosave,
    notices: Notices,
}

/// The library from context.
pub fn use_library() -> Library {
    expect_context::<Library>()
}

impl Library {
    /// The library over the store behind `autosave`, listing into `entries`;
    /// plans it opens become `open`.
    pub fn new(
        entries: RwSignal<Vec<Entry>>,
        open: OpenPlan,
        autosave: Autosave,
        notices: Notices,
    ) -> Library {
        let store = autosave.store();
        let listed = store.list();
        let damaged: Vec<Option<String>> = listed
            .iter()
            .filter(|e| e.meta.is_none())
            .map(|e| e.recovered.clone())
            .collect();
        if let Some(text) = damaged_notice(&damaged) {
            // After the page is drawn, so the alert is news to a screen
            // reader rather than part of the first render.
            request_animation_frame(move || {
                notices.notify(NoticeKind::Warning, text);
            });
        }
        entries.set(listed);
        Library {
            entries,
            trash: RwSignal::new(store.trash()),
            open,
            autosave,
            notices,
        }
    }

    /// The title of every stored plan, as read or recovered.
    fn titles(&self) -> Vec<String> {
        self.entries.with_untracked(|list| {
            list.iter()
                .filter_map(|e| {
                    e.meta
                        .as_ref()
                        .map(|m| m.title.clone())
                        .or(e.recovered.clone())
                })
                .collect()
        })
    }

    fn store(&self) -> Store {
        self.autosave.store()
    }

    fn stamp(&self, title: String, rev: u64) -> Meta {
        Meta {
            title,
            created: now(),
            updated: now(),
            rev,
            by: self.autosave.tab(),
        }
    }

    /// Reads the list of stored plans again.
    pub fn refresh(&self) {
        let store = self.store();
        self.entries.set(store.list());
        self.trash.set(store.trash());
    }

    /// Stores a new plan and opens it. When a stored plan already has its
    /// title, it gets a copy title instead (see [`distinct_title`]), and a
    /// notice says so.
    pub fn create(&self, mut plan: Plan) -> Option<String> {
        self.autosave.flush();
        let store = self.store();
        self.entries.set(store.list());
        let titles = self.titles();
        let title = distinct_title(&plan.title, titles.iter().map(String::as_str));
        if title != plan.title {
            self.notices.notify(
                NoticeKind::Info,
                format!(
                    "You already have a plan called {}, so this copy is called {}. The earlier plan is untouched.",
                    quoted(&plan.title, UNTITLED),
                    quoted(&title, UNTITLED)
                ),
            );
            plan.title = title;
        }
        let id = new_plan_id();
        let meta = self.stamp(plan.title.clone(), 1);
        let saved = store.save(&id, &plan, &meta);
        let text = match saved {
            Ok(()) => file::to_json(&plan),
            Err(_) => String::new(),
        };
        self.autosave.based_on(1, meta.created, text);
        self.open.plan.set(plan);
        self.open.open_id.set(Some(id.clone()));
        store.set_last_open(Some(&id));
        self.autosave.save.set(match saved {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::NotSaved(e.message()),
        });
        self.open.view.set(View::Step(Section::Objective));
        self.entries.set(store.list());
        Some(id)
    }

    /// Stores a new plan without opening it (the plans of an imported
    /// portfolio), its title made distinct as [`Library::create`] does.
    /// Returns its id and the title it got.
    pub fn add(&self, mut plan: Plan) -> Result<(String, String), String> {
        let store = self.store();
        self.entries.set(store.list());
        let titles = self.titles();
        plan.title = distinct_title(&plan.title, titles.iter().map(String::as_str));
        let id = new_plan_id();
        let meta = self.stamp(plan.title.clone(), 1);
        let saved = store.save(&id, &plan, &meta);
        self.entries.set(store.list());
        saved.map(|()| (id, plan.title)).map_err(|e| e.message())
    }

    /// Opens a stored plan on a screen.
    pub fn open(&self, id: &str, view: View) -> bool {
        self.autosave.flush();
        let store = self.store();
        match store.load(id) {
            Ok(loaded) => {
                self.show_loaded(id, loaded);
                store.set_last_open(Some(id));
                self.open.view.set(view);
                true
            }
            Err(why) => {
                self.notices.notify(NoticeKind::Error, format!("This plan cannot be opened: {why}. Its stored data is kept as it is; you can download it from the library."));
                self.refresh();
                false
            }
        }
    }

    /// Shows a plan read from storage as the open plan.
    pub fn show_loaded(&self, id: &str, loaded: Loaded) {
        let Loaded { plan, meta, notes } = loaded;
        self.autosave
            .based_on(meta.rev, meta.created, file::to_json(&plan));
        self.open.plan.set(plan);
        self.open.open_id.set(Some(id.to_string()));
        self.autosave.save.set(SaveState::Saved);
        for note in notes {
            self.notices.notify(NoticeKind::Info, note);
        }
    }

    /// Shows a plan from a share link, read-only and not stored.
    pub fn open_shared(&self, plan: Plan, notes: Vec<String>) {
        self.autosave.flush();
        self.open.open_id.set(None);
        self.open.plan.set(plan);
        self.open.shared.set(true);
        self.autosave.save.set(SaveState::Saved);
        self.open.view.set(View::Dashboard);
        for note in notes {
            self.notices.notify(NoticeKind::Info, note);
        }
    }

    /// Stores a copy of the shared plan in the library and opens it.
    pub fn save_shared_copy(&self) {
        let plan = self.open.plan.get_untracked();
        self.open.shared.set(false);
        forget_share_link();
        if self.create(plan).is_some() {
            self.open.view.set(View::Dashboard);
            self.notices.notify(
                NoticeKind::Info,
                "A copy of the shared plan is now in your plans.",
            );
        }
    }

    /// Goes back to the library, saving first.
    pub fn close(&self) {
        if self.open.shared.get_untracked() {
            self.open.shared.set(false);
            forget_share_link();
        }
        self.autosave.flush();
        self.open.open_id.set(None);
        self.store().set_last_open(None);
        self.open.plan.set(Plan::blank());
        self.open.view.set(View::Library);
        self.refresh();
    }

    /// Renames a stored plan.
    pub fn rename(&self, id: &str, title: String) {
        if self.open.open_id.get_untracked().as_deref() == Some(id) {
            self.open.edit(|p| p.title = title);
            self.autosave.flush();
            return;
        }
        let store = self.store();
        match store.load(id) {
            Ok(mut loaded) => {
                loaded.plan.title = title.clone();
                loaded.meta.title = title;
                loaded.meta.updated = now();
                loaded.meta.rev += 1;
                if let Err(e) = store.save(id, &loaded.plan, &loaded.meta) {
                    self.notices.notify(NoticeKind::Error, e.message());
                }
            }
            Err(why) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("This plan cannot be renamed: {why}."),
                );
            }
        }
        self.refresh();
    }

    /// Stores a copy of a plan under a new id.
    pub fn duplicate(&self, id: &str) {
        self.autosave.flush();
        let store = self.store();
        match store.load(id) {
            Ok(loaded) => {
                let mut plan = loaded.plan;
                let titles = self.titles();
                plan.title = copy_title(&plan.title, titles.iter().map(String::as_str));
                let meta = self.stamp(plan.title.clone(), 1);
                match store.save(&new_plan_id(), &plan, &meta) {
                    Ok(()) => {
                        self.notices.notify(
                            NoticeKind::Info,
                            format!(
                                "Made a copy called {}; the original is untouched.",
                                quoted(&plan.title, UNTITLED)
                            ),
                        );
                    }
                    Err(e) => {
                        self.notices.notify(NoticeKind::Error, e.message());
                    }
                }
            }
            Err(why) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("This plan cannot be copied: {why}."),
                );
            }
        }
        self.refresh();
    }

    /// Deletes a plan, keeping it restorable until the next delete.
    pub fn delete(&self, id: &str) {
        if self.open.open_id.get_untracked().as_deref() == Some(id) {
            self.close();
        }
        let store = self.store();
        let title = store.meta(id).map(|m| m.title).unwrap_or_default();
        match store.delete(id) {
            Ok(()) => {
                let this = *self;
                self.notices.offer_undo(
                    format!("Deleted {}.", quoted(&title, "a plan without a title")),
                    Arc::new(move || this.restore()),
                );
            }
            Err(e) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("The plan was not deleted: {}", e.message()),
                );
            }
        }
        self.refresh();
    }

    /// Brings back the last deleted plan.
    pub fn restore(&self) {
        match self.store().restore() {
            Ok(Some(_)) => {
                self.notices.dismiss_kind(NoticeKind::Undo);
                self.notices
                    .notify(NoticeKind::Info, "The plan is back in your library.");
            }
            Ok(None) => {}
            Err(e) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("The plan could not be restored: {}", e.message()),
                );
            }
        }
        self.refresh();
    }

    /// Drops damaged stored data the person chose to remove.
    pub fn purge(&self, id: &str) {
        self.store().purge(id);
        self.refresh();
    }

    /// The stored text of a plan, for downloading damaged data.
    pub fn raw(&self, id: &str) -> Option<String> {
        self.store().raw(id)
    }

    /// Reopens the plan that was open on the last visit, if any.
    pub fn reopen_last(&self) {
        let store = self.store();
        if let Some(id) = store.last_open() {
            if store.meta(&id).is_some() {
                self.open(&id, View::Step(Section::Objective));
            } else {
                store.set_last_open(None);
            }
        }
    }
}

/// Removes a share link from the address bar, so a reload shows the library
/// and the link's data does not linger in the history entry.
pub fn forget_share_link() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let hash = location.hash().unwrap_or_default();
    if !hash.starts_with("#share=") {
        return;
    }
    let path = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}
