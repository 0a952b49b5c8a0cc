//! Following other tabs: another tab's save reloads the open plan when
//! nothing here is unsaved, and raises a conflict when both have changes
//! (the rule is [`super::save_rule`]). The person resolves a conflict here.

use leptos::prelude::*;

use super::autosave::Autosave;
use super::library::Library;
use super::notices::{NoticeKind, Notices};
use super::plan::OpenPlan;
use super::save_rule::{decide_sync, SaveState, Stamp, SyncDecision};
use crate::storage::Store;

/// What other tabs did to stored plans, cheap to copy.
#[derive(Clone, Copy)]
pub struct OtherTabs {
    open: OpenPlan,
    autosave: Autosave,
    library: Library,
    notices: Notices,
}

/// Other-tab handling from context.
pub fn use_other_tabs() -> OtherTabs {
    expect_context::<OtherTabs>()
}

impl OtherTabs {
    /// Follows other tabs for these parts.
    pub fn new(
        open: OpenPlan,
        autosave: Autosave,
        library: Library,
        notices: Notices,
    ) -> OtherTabs {
        OtherTabs {
            open,
            autosave,
            library,
            notices,
        }
    }

    /// Reacts to another tab changing the stored data under `key` (every key
    /// when none).
    pub fn on_storage_change(&self, key: Option<String>) {
        self.library.refresh();
        let Some(open) = self.open.open_id.get_untracked() else {
            return;
        };
        let is_open_plan = key
            .as_deref()
            .is_none_or(|k| Store::id_of(k) == Some(open.as_str()));
        if !is_open_plan {
            return;
        }
        let store = self.autosave.store();
        let tab = self.autosave.tab();
        let ours = Stamp {
            rev: self.autosave.base_rev(),
            by: &tab,
        };
        let stored = store.meta(&open);
        let stamp = stored.as_ref().map(|m| Stamp {
            rev: m.rev,
            by: &m.by,
        });
        match decide_sync(stamp, ours, &self.autosave.save.get_untracked()) {
            SyncDecision::Ignore => {}
            SyncDecision::Deleted => {
                self.notices.notify(
                    NoticeKind::Warning,
                    "This plan was deleted in another tab. It stays open here and is stored again with your next change.",
                );
                self.autosave.forget_stored();
            }
            SyncDecision::Reload => {
                if let Ok(loaded) = store.load(&open) {
                    self.library.show_loaded(&open, loaded);
                    self.notices.notify(
                        NoticeKind::Info,
                        "Updated with changes saved in another tab.",
                    );
                }
            }
            SyncDecision::Conflict => self.autosave.save.set(SaveState::Conflict),
        }
    }

    /// Resolves a conflict by taking the version another tab saved.
    pub fn take_theirs(&self) {
        let Some(open) = self.open.open_id.get_untracked() else {
            return;
        };
        match self.autosave.store().load(&open) {
            Ok(loaded) => {
                self.library.show_loaded(&open, loaded);
                self.notices.notify(
                    NoticeKind::Info,
                    "Loaded the version saved in the other tab.",
                );
            }
            Err(why) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("The other version cannot be read: {why}."),
                );
            }
        }
    }

    /// Resolves a conflict by keeping this tab's version.
    pub fn keep_mine(&self) {
        let Some(open) = self.open.open_id.get_untracked() else {
            return;
        };
        let rev = self.autosave.store().meta(&open).map_or(0, |m| m.rev);
        self.autosave.rebase(rev);
    }
}
