//! Saving the open plan: shortly after each change, from one place, and never
//! over another tab's newer work (the rule is [`super::save_rule`]).

use std::time::Duration;

use leptos::prelude::*;
use planwright_core::format::file;
use planwright_core::Plan;

use super::save_rule::{decide_save, SaveDecision, SaveState, Stamp};
use crate::state::revisions::{record, GAP_MS};
use crate::storage::{now, Entry, Meta, Store};

/// How long after the last change the plan is saved.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// What this tab knows about the stored copy of the open plan; never
/// reactive.
struct Session {
    store: Store,
    tab: String,
    /// The stored revision this tab's copy is based on.
    base_rev: u64,
    created: f64,
    /// The text last written, to skip writes that change nothing.
    last_saved: String,
    /// When the newest revision in the open plan's history was saved, once
    /// read: saves within the gap after it need not read the history.
    revision_at: Option<f64>,
    timer: Option<TimeoutHandle>,
}

/// Saving of the open plan, cheap to copy.
#[derive(Clone, Copy)]
pub struct Autosave {
    /// Whether the open plan is stored.
    pub save: RwSignal<SaveState>,
    /// Why plans are only kept in memory, when they are.
    pub storage_problem: RwSignal<Option<String>>,
    /// Counts writes of the open plan's revision history, so its view reads
    /// the history again only when it changed.
    pub revisions: RwSignal<u64>,
    plan: RwSignal<Plan>,
    open_id: RwSignal<Option<String>>,
    /// The library's list of stored plans, read again after each write.
    listing: RwSignal<Vec<Entry>>,
    session: StoredValue<Session, LocalStorage>,
}

/// Saving from context.
pub fn use_autosave() -> Autosave {
    expect_context::<Autosave>()
}

impl Autosave {
    /// Saves `plan` as the plan stored under `open_id`, in `store`, as `tab`,
    /// and keeps `listing` up to date with what it wrote.
    pub fn new(
        store: Store,
        tab: String,
        plan: RwSignal<Plan>,
        open_id: RwSignal<Option<String>>,
        listing: RwSignal<Vec<Entry>>,
    ) -> Autosave {
        Autosave {
            save: RwSignal::new(SaveState::Saved),
            storage_problem: RwSignal::new(store.unavailable.clone()),
            revisions: RwSignal::new(0),
            plan,
            open_id,
            listing,
            session: StoredValue::new_local(Session {
                store,
                tab,
                base_rev: 0,
                created: now(),
                last_saved: String::new(),
                revision_at: None,
                timer: None,
            }),
        }
    }

    /// Where plans are kept.
    pub fn store(&self) -> Store {
        self.session.with_value(|s| s.store.clone())
    }

    /// This tab's name in the stamps it writes.
    pub fn tab(&self) -> String {
        self.session.with_value(|s| s.tab.clone())
    }

    /// The revision this tab's copy is based on.
    pub fn base_rev(&self) -> u64 {
        self.session.with_value(|s| s.base_rev)
    }

    /// Records that the open plan now matches a stored copy: its revision,
    /// when it was created, and its text (empty when nothing was stored).
    pub fn based_on(&self, rev: u64, created: f64, text: String) {
        self.session.update_value(|s| {
            s.base_rev = rev;
            s.created = created;
            s.last_saved = text;
            s.revision_at = None;
        });
    }

    /// Builds on another revision from now on (keeping this tab's version
    /// over a newer one) and saves.
    pub fn rebase(&self, rev: u64) {
        self.session.update_value(|s| s.base_rev = rev);
        self.save.set(SaveState::Pending);
        self.flush();
    }

    /// Forgets what was stored, so the next save writes the plan again.
    pub fn forget_stored(&self) {
        self.session.update_value(|s| s.last_saved.clear());
    }

    /// Saves shortly, unless more changes follow.
    pub fn schedule(&self) {
        if self.open_id.get_untracked().is_none() {
            return;
        }
        if self.save.get_untracked() != SaveState::Conflict {
            self.save.set(SaveState::Pending);
        }
        let this = *self;
        let handle = set_timeout_with_handle(move || this.flush(), SAVE_DELAY).ok();
        self.session.update_value(|s| {
            if let Some(old) = std::mem::replace(&mut s.timer, handle) {
                old.clear();
            }
        });
    }

    /// Saves the open plan now if it has unsaved changes.
    pub fn flush(&self) {
        self.session.update_value(|s| {
            if let Some(t) = s.timer.take() {
                t.clear();
            }
        });
        let Some(id) = self.open_id.get_untracked() else {
            return;
        };
        let state = self.save.get_untracked();
        let (store, tab, base_rev, created) = self
            .session
            .with_value(|s| (s.store.clone(), s.tab.clone(), s.base_rev, s.created));
        let stored = store.meta(&id);
        let text = self.plan.with_untracked(file::to_json);
        let unchanged = self.session.with_value(|s| s.last_saved == text);
        let ours = Stamp {
            rev: base_rev,
            by: &tab,
        };
        let stamp = stored.as_ref().map(|m| Stamp {
            rev: m.rev,
            by: &m.by,
        });
        match decide_save(stamp, ours, &state, unchanged) {
            SaveDecision::Wait => {}
            SaveDecision::Conflict => self.save.set(SaveState::Conflict),
            SaveDecision::Unchanged => self.save.set(SaveState::Saved),
            SaveDecision::Write { rev } => {
                let meta = Meta {
                    title: self.plan.with_untracked(|p| p.title.clone()),
                    created,
                    updated: now(),
                    rev,
                    by: tab.clone(),
                };
                match self.plan.with_untracked(|p| store.save(&id, p, &meta)) {
                    Ok(()) => {
                        // The plan is written first; only then is the version
                        // it replaced kept in the history.
                        let (previous, revision_at) = self
                            .session
                            .with_value(|s| (s.last_saved.clone(), s.revision_at));
                        let due = revision_at.is_none_or(|t| meta.updated - t >= GAP_MS);
                        if due && !previous.is_empty() {
                            let previous_saved =
                                stored.as_ref().map_or(meta.updated, |m| m.updated);
                            let (mut history, _) = store.history(&id);
                            if record(&mut history, &previous, previous_saved, meta.updated) {
                                // A full storage only costs old revisions.
                                let _ = store.save_history(&id, &mut history);
                                self.revisions.update(|n| *n += 1);
                            }
                            let newest = history.last().map(|r| r.saved);
                            self.session.update_value(|s| s.revision_at = newest);
                        }
                        self.session.update_value(|s| {
                            s.base_rev = rev;
                            s.last_saved = text;
                        });
                        self.save.set(SaveState::Saved);
                        self.listing.set(store.list());
                    }
                    Err(e) => self.save.set(SaveState::NotSaved(e.message())),
                }
            }
        }
    }

    /// Tries saving again after a failure.
    pub fn retry(&self) {
        self.save.set(SaveState::Pending);
        self.flush();
    }
}
