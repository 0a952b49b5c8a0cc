//! Templates kept in the library: saving the open plan as one, starting a
//! plan from one, renaming, deleting and restoring them.
//!
//! A template is a plan passed through the core's
//! `format::template::template_of` (structure kept; people, dates and
//! actuals dropped), stored by `storage.rs` under a key prefix of its own.
//! Starting a plan from a template goes through [`Library::create`], so the
//! new plan gets a distinct title (`state::titles`) and opens like any new
//! plan; the template itself is never changed by the plan made from it.
//! Templates are read when the library is shown; another tab's templates
//! appear on the next visit to the library rather than live.

use std::sync::Arc;

use leptos::prelude::*;
use planwright_core::format::template::template_of;
use planwright_core::text::quoted;
use planwright_core::Plan;

use super::library::Library;
use super::notices::{NoticeKind, Notices};
use super::titles::distinct_title;
use super::Autosave;
use crate::storage::{new_plan_id, now, Entry, Meta, Store};

/// What the library shows for a template without a title.
pub const UNTITLED_TEMPLATE: &str = "Untitled template";

/// The stored templates and what can be done with them, cheap to copy.
#[derive(Clone, Copy)]
pub struct Templates {
    /// Stored templates, newest first; damaged ones with the reason.
    pub entries: RwSignal<Vec<Entry>>,
    library: Library,
    autosave: Autosave,
    notices: Notices,
}

/// The templates from context.
pub fn use_templates() -> Templates {
    expect_context::<Templates>()
}

impl Templates {
    /// The templates over the store behind `autosave`; plans started from
    /// them are created through `library`.
    pub fn new(library: Library, autosave: Autosave, notices: Notices) -> Templates {
        let store = autosave.store();
        Templates {
            entries: RwSignal::new(store.list_templates()),
            library,
            autosave,
            notices,
        }
    }

    fn store(&self) -> Store {
        self.autosave.store()
    }

    /// Reads the stored templates again.
    pub fn refresh(&self) {
        self.entries.set(self.store().list_templates());
    }

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

    /// Stores the template of `plan`, under a title no other template has,
    /// and says where to find it. Returns whether it was stored.
    pub fn save_from(&self, plan: &Plan) -> bool {
        self.refresh();
        let mut template = template_of(plan);
        let titles = self.titles();
        template.title = distinct_title(&template.title, titles.iter().map(String::as_str));
        let meta = Meta {
            title: template.title.clone(),
            created: now(),
            updated: now(),
            rev: 1,
            by: self.autosave.tab(),
        };
        let saved = self.store().save_template(&new_plan_id(), &template, &meta);
        self.refresh();
        match saved {
            Ok(()) => {
                self.notices.notify(
                    NoticeKind::Info,
                    format!(
                        "Saved {} as a template: the plan's structure without its people, dates and progress. Start a new plan from it in the library, under Templates. This plan is unchanged.",
                        quoted(&template.title, UNTITLED_TEMPLATE)
                    ),
                );
                true
            }
            Err(e) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("The template was not saved: {}", e.message()),
                );
                false
            }
        }
    }

    /// Starts a new plan from a stored template and opens it.
    pub fn start_from(&self, id: &str) {
        match self.store().load_template(id) {
            Ok(loaded) => self.start_with(loaded.plan),
            Err(why) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("No plan was started from this template: {why}. Its stored data is kept as it is."),
                );
                self.refresh();
            }
        }
    }

    /// Starts a new plan from a template plan (stored or an example's) and
    /// opens it. The plan is made a template again on the way, so whatever
    /// was stored, no person, date or actual reaches the new plan.
    pub fn start_with(&self, template: Plan) {
        self.library.create(template_of(&template));
    }

    /// Renames a stored template.
    pub fn rename(&self, id: &str, title: String) {
        let store = self.store();
        match store.load_template(id) {
            Ok(mut loaded) => {
                loaded.plan.title = title.clone();
                loaded.meta.title = title;
                loaded.meta.updated = now();
                loaded.meta.rev += 1;
                if let Err(e) = store.save_template(id, &loaded.plan, &loaded.meta) {
                    self.notices.notify(NoticeKind::Error, e.message());
                }
            }
            Err(why) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("This template cannot be renamed: {why}."),
                );
            }
        }
        self.refresh();
    }

    /// Deletes a stored template, restorable until the next template delete.
    pub fn delete(&self, id: &str) {
        let store = self.store();
        // How the notice names it: its title, or what it is when it has none.
        let named = self.entries.with_untracked(|list| {
            let entry = list.iter().find(|e| e.id == id);
            match entry.map(|e| (&e.meta, &e.recovered)) {
                Some((Some(meta), _)) => quoted(&meta.title, "an untitled template"),
                Some((None, Some(recovered))) => quoted(recovered, "a damaged template"),
                _ => "a damaged template".to_string(),
            }
        });
        match store.delete_template(id) {
            Ok(()) => {
                let this = *self;
                self.notices.offer_undo(
                    format!("Deleted {named}."),
                    Arc::new(move || this.restore()),
                );
            }
            Err(e) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("The template was not deleted: {}", e.message()),
                );
            }
        }
        self.refresh();
    }

    /// Brings back the last deleted template.
    pub fn restore(&self) {
        match self.store().restore_template() {
            Ok(Some(_)) => {
                self.notices.dismiss_kind(NoticeKind::Undo);
                self.notices
                    .notify(NoticeKind::Info, "The template is back in your library.");
            }
            Ok(None) => {}
            Err(e) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("The template could not be restored: {}", e.message()),
                );
            }
        }
        self.refresh();
    }

    /// The stored text of a template, for downloading damaged data.
    pub fn raw(&self, id: &str) -> Option<String> {
        self.store().raw_template(id)
    }
}
