//! The app's root state and the operations on it.
//!
//! One [`AppState`] is created by `App` and handed down by context
//! ([`use_app`]). It holds the open plan in one signal, derives everything the
//! core computes as memos, and owns the library, autosave and the handling of
//! other tabs. Views call its methods; they never touch storage themselves.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use planwright_core::analysis::progress::{progress, Progress};
use planwright_core::analysis::validate::{validate_scheduled, Finding, Severity};
use planwright_core::analysis::{analyze, Analysis};
use planwright_core::format::file;
use planwright_core::model::Section;
use planwright_core::Plan;

use crate::storage::{new_plan_id, now, Entry, Loaded, Meta, Store, Trashed};

/// Writes one aspect of the plan.
type WritePlan<U> = Arc<dyn Fn(&mut Plan, U) + Send + Sync>;

/// The screen being shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The list of plans.
    Library,
    /// One step of the builder.
    Step(Section),
    /// Results of the open plan.
    Dashboard,
    /// The whole plan as a read-only document, for reading and printing.
    Document,
}

/// Whether the open plan's latest changes are stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is stored.
    Saved,
    /// A change is waiting to be stored.
    Pending,
    /// Storing failed; the plan is only in memory.
    NotSaved(String),
    /// Another tab saved a newer version; saving waits for the person.
    Conflict,
}

/// How a notice looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something happened.
    Info,
    /// Something needs attention.
    Warning,
    /// Something failed.
    Error,
}

impl Tone {
    /// CSS modifier.
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Info => "info",
            Tone::Warning => "warning",
            Tone::Error => "error",
        }
    }
}

/// What a notice's button does. A plain closure rather than a reactive
/// callback, so it outlives the component that raised the notice (an undo
/// for a removed row must work after the row is gone).
pub type NoticeAction = Arc<dyn Fn() + Send + Sync>;

/// A message shown at the top of the page until dismissed.
#[derive(Clone)]
pub struct Notice {
    /// Unique within the session.
    pub id: u64,
    /// How it looks.
    pub tone: Tone,
    /// What happened.
    pub text: String,
    /// An optional button: its label and what it does.
    pub action: Option<(String, NoticeAction)>,
}

/// Validation findings indexed by path.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Findings {
    /// All findings, in template order.
    pub all: Vec<Finding>,
    by_path: HashMap<String, Vec<usize>>,
}

impl Findings {
    fn new(all: Vec<Finding>) -> Findings {
        let mut by_path: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in all.iter().enumerate() {
            by_path.entry(f.path.clone()).or_default().push(i);
        }
        Findings { all, by_path }
    }

    /// Findings at exactly this path.
    pub fn at(&self, path: &str) -> Vec<Finding> {
        self.by_path
            .get(path)
            .map(|ix| {
                ix.iter()
                    .filter_map(|i| self.all.get(*i).cloned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Findings in one section of the template.
    pub fn in_section(&self, section: Section) -> Vec<Finding> {
        self.all
            .iter()
            .filter(|f| Section::of_path(&f.path) == section)
            .cloned()
            .collect()
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.all
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
}

/// Per-tab bookkeeping that never needs to be reactive.
struct Session {
    store: Store,
    tab: String,
    /// The stored revision this tab's copy is based on.
    base_rev: u64,
    created: f64,
    /// The text last written, to skip writes that change nothing.
    last_saved: String,
    timer: Option<TimeoutHandle>,
    next_notice: u64,
}

/// Everything the views need, cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The open plan (a blank one while the library is shown).
    pub plan: RwSignal<Plan>,
    /// The storage id of the open plan.
    pub open_id: RwSignal<Option<String>>,
    /// The screen being shown.
    pub view: RwSignal<View>,
    /// Stored plans, newest first.
    pub library: RwSignal<Vec<Entry>>,
    /// The last deleted plan.
    pub trash: RwSignal<Option<Trashed>>,
    /// Whether the open plan is stored.
    pub save: RwSignal<SaveState>,
    /// Messages at the top of the page.
    pub notices: RwSignal<Vec<Notice>>,
    /// Why plans are only kept in memory, when they are.
    pub storage_problem: RwSignal<Option<String>>,
    /// The open plan came from a share link: shown read-only, not stored.
    pub shared: RwSignal<bool>,
    /// Validation findings of the open plan.
    pub findings: Memo<Findings>,
    /// Scores, risk, gates, schedule and suggestions of the open plan.
    pub analysis: Memo<Analysis>,
    /// How complete each section is.
    pub progress: Memo<Progress>,
    session: StoredValue<Session, LocalStorage>,
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// How long after the last change the plan is saved.
const SAVE_DELAY: Duration = Duration::from_millis(400);

impl AppState {
    /// Creates the state on a store and provides it as context.
    pub fn provide(store: Store) -> AppState {
        let storage_problem = store.unavailable.clone();
        let tab = format!("t{}", (js_sys::Math::random() * 1e9) as u64);
        let plan = RwSignal::new(Plan::blank());
        let analysis = Memo::new(move |_| plan.with(analyze));
        let state = AppState {
            plan,
            open_id: RwSignal::new(None),
            view: RwSignal::new(View::Library),
            library: RwSignal::new(store.list()),
            trash: RwSignal::new(store.trash()),
            save: RwSignal::new(SaveState::Saved),
            notices: RwSignal::new(Vec::new()),
            storage_problem: RwSignal::new(storage_problem),
            shared: RwSignal::new(false),
            findings: Memo::new(move |_| {
                // Reuse the analysis's schedule: ordering runs once per edit.
                analysis.with(|a| plan.with(|p| Findings::new(validate_scheduled(p, &a.schedule))))
            }),
            analysis,
            progress: Memo::new(move |_| plan.with(progress)),
            session: StoredValue::new_local(Session {
                store,
                tab,
                base_rev: 0,
                created: now(),
                last_saved: String::new(),
                timer: None,
                next_notice: 1,
            }),
        };
        provide_context(state);
        state
    }

    fn store(&self) -> Store {
        self.session.with_value(|s| s.store.clone())
    }

    // ----- notices -------------------------------------------------------

    /// Shows a notice and returns its id.
    pub fn notify(
        &self,
        tone: Tone,
        text: impl Into<String>,
        action: Option<(String, NoticeAction)>,
    ) -> u64 {
        let id = self.session.try_update_value(|s| {
            s.next_notice += 1;
            s.next_notice
        });
        let id = id.unwrap_or_default();
        let text = text.into();
        self.notices.update(|list| {
            // The same message twice in a row is noise.
            list.retain(|n| n.text != text);
            list.push(Notice {
                id,
                tone,
                text,
                action,
            });
            if list.len() > 4 {
                list.remove(0);
            }
        });
        id
    }

    /// Removes a notice.
    pub fn dismiss(&self, id: u64) {
        self.notices.update(|list| list.retain(|n| n.id != id));
    }

    // ----- editing and saving ---------------------------------------------

    /// Changes the open plan; saving follows shortly after.
    pub fn edit(&self, change: impl FnOnce(&mut Plan)) {
        self.plan.update(change);
        self.schedule_save();
    }

    fn schedule_save(&self) {
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
        if self.save.get_untracked() == SaveState::Conflict {
            return;
        }
        let store = self.store();
        let (tab, base_rev, created, last_saved) = self
            .session
            .with_value(|s| (s.tab.clone(), s.base_rev, s.created, s.last_saved.clone()));
        if let Some(stored) = store.meta(&id) {
            if stored.rev != base_rev && stored.by != tab {
                self.save.set(SaveState::Conflict);
                return;
            }
        }
        let text = self.plan.with_untracked(file::to_json);
        if text == last_saved && store.meta(&id).is_some() {
            self.save.set(SaveState::Saved);
            return;
        }
        let meta = Meta {
            title: self.plan.with_untracked(|p| p.title.clone()),
            created,
            updated: now(),
            rev: base_rev + 1,
            by: tab,
        };
        let result = self.plan.with_untracked(|p| store.save(&id, p, &meta));
        match result {
            Ok(()) => {
                self.session.update_value(|s| {
                    s.base_rev = meta.rev;
                    s.last_saved = text;
                });
                self.save.set(SaveState::Saved);
                self.library.set(store.list());
            }
            Err(e) => self.save.set(SaveState::NotSaved(e.message())),
        }
    }

    // ----- the library ----------------------------------------------------

    /// Reads the list of stored plans again.
    pub fn refresh_library(&self) {
        let store = self.store();
        self.library.set(store.list());
        self.trash.set(store.trash());
    }

    /// Stores a new plan and opens it.
    pub fn create(&self, plan: Plan) -> Option<String> {
        self.flush();
        let store = self.store();
        let id = new_plan_id();
        let meta = Meta {
            title: plan.title.clone(),
            created: now(),
            updated: now(),
            rev: 1,
            by: self.session.with_value(|s| s.tab.clone()),
        };
        let saved = store.save(&id, &plan, &meta);
        let text = file::to_json(&plan);
        self.session.update_value(|s| {
            s.base_rev = 1;
            s.created = meta.created;
            s.last_saved = if saved.is_ok() { text } else { String::new() };
        });
        self.plan.set(plan);
        self.open_id.set(Some(id.clone()));
        store.set_last_open(Some(&id));
        self.save.set(match saved {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::NotSaved(e.message()),
        });
        self.view.set(View::Step(Section::Objective));
        self.library.set(store.list());
        Some(id)
    }

    /// Opens a stored plan in the builder.
    pub fn open(&self, id: &str, view: View) -> bool {
        self.flush();
        let store = self.store();
        match store.load(id) {
            Ok(loaded) => {
                self.show_loaded(id, loaded);
                store.set_last_open(Some(id));
                self.view.set(view);
                true
            }
            Err(why) => {
                self.notify(Tone::Error, format!("This plan cannot be opened: {why}. Its stored data is kept as it is; you can download it from the library."), None);
                self.refresh_library();
                false
            }
        }
    }

    fn show_loaded(&self, id: &str, loaded: Loaded) {
        let Loaded { plan, meta, notes } = loaded;
        let text = file::to_json(&plan);
        self.session.update_value(|s| {
            s.base_rev = meta.rev;
            s.created = meta.created;
            s.last_saved = text;
        });
        self.plan.set(plan);
        self.open_id.set(Some(id.to_string()));
        self.save.set(SaveState::Saved);
        for note in notes {
            self.notify(Tone::Info, note, None);
        }
    }

    /// Shows a plan from a share link, read-only and not stored.
    pub fn open_shared(&self, plan: Plan, notes: Vec<String>) {
        self.flush();
        self.open_id.set(None);
        self.plan.set(plan);
        self.shared.set(true);
        self.save.set(SaveState::Saved);
        self.view.set(View::Dashboard);
        for note in notes {
            self.notify(Tone::Info, note, None);
        }
    }

    /// Stores a copy of the shared plan in the library and opens it.
    pub fn save_shared_copy(&self) {
        let plan = self.plan.get_untracked();
        self.shared.set(false);
        forget_share_link();
        if self.create(plan).is_some() {
            self.view.set(View::Dashboard);
            self.notify(
                Tone::Info,
                "A copy of the shared plan is now in your plans.",
                None,
            );
        }
    }

    /// Goes back to the library, saving first.
    pub fn close(&self) {
        if self.shared.get_untracked() {
            self.shared.set(false);
            forget_share_link();
        }
        self.flush();
        self.open_id.set(None);
        self.store().set_last_open(None);
        self.plan.set(Plan::blank());
        self.view.set(View::Library);
        self.refresh_library();
    }

    /// Renames a stored plan.
    pub fn rename(&self, id: &str, title: String) {
        if self.open_id.get_untracked().as_deref() == Some(id) {
            self.edit(|p| p.title = title);
            self.flush();
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
                    self.notify(Tone::Error, e.message(), None);
                }
            }
            Err(why) => {
                self.notify(
                    Tone::Error,
                    format!("This plan cannot be renamed: {why}."),
                    None,
                );
            }
        }
        self.refresh_library();
    }

    /// Stores a copy of a plan under a new id.
    pub fn duplicate(&self, id: &str) {
        self.flush();
        let store = self.store();
        match store.load(id) {
            Ok(loaded) => {
                let mut plan = loaded.plan;
                plan.title = format!("{} (copy)", plan.title);
                let meta = Meta {
                    title: plan.title.clone(),
                    created: now(),
                    updated: now(),
                    rev: 1,
                    by: self.session.with_value(|s| s.tab.clone()),
                };
                if let Err(e) = store.save(&new_plan_id(), &plan, &meta) {
                    self.notify(Tone::Error, e.message(), None);
                }
            }
            Err(why) => {
                self.notify(
                    Tone::Error,
                    format!("This plan cannot be copied: {why}."),
                    None,
                );
            }
        }
        self.refresh_library();
    }

    /// Deletes a plan, keeping it restorable until the next delete.
    pub fn delete(&self, id: &str) {
        if self.open_id.get_untracked().as_deref() == Some(id) {
            self.close();
        }
        let store = self.store();
        let title = store
            .meta(id)
            .map(|m| m.title)
            .unwrap_or_else(|| "The plan".to_string());
        match store.delete(id) {
            Ok(()) => {
                let this = *self;
                self.notify(
                    Tone::Info,
                    format!("Deleted '{title}'."),
                    Some(("Undo".to_string(), Arc::new(move || this.restore()))),
                );
            }
            Err(e) => {
                self.notify(
                    Tone::Error,
                    format!("The plan was not deleted: {}", e.message()),
                    None,
                );
            }
        }
        self.refresh_library();
    }

    /// Brings back the last deleted plan.
    pub fn restore(&self) {
        let store = self.store();
        match store.restore() {
            Ok(Some(_)) => {
                self.notices.update(|list| {
                    list.retain(|n| n.action.as_ref().is_none_or(|(label, _)| label != "Undo"))
                });
                self.notify(Tone::Info, "The plan is back in your library.", None);
            }
            Ok(None) => {}
            Err(e) => {
                self.notify(
                    Tone::Error,
                    format!("The plan could not be restored: {}", e.message()),
                    None,
                );
            }
        }
        self.refresh_library();
    }

    /// Drops damaged stored data the person chose to remove.
    pub fn purge(&self, id: &str) {
        self.store().purge(id);
        self.refresh_library();
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

    // ----- other tabs -----------------------------------------------------

    /// Reacts to another tab changing stored data.
    pub fn on_storage_change(&self, key: Option<String>) {
        self.refresh_library();
        let Some(open) = self.open_id.get_untracked() else {
            return;
        };
        let is_open_plan = key
            .as_deref()
            .is_none_or(|k| Store::id_of(k) == Some(open.as_str()));
        if !is_open_plan {
            return;
        }
        let store = self.store();
        let (tab, base_rev) = self.session.with_value(|s| (s.tab.clone(), s.base_rev));
        let Some(stored) = store.meta(&open) else {
            self.notify(
                Tone::Warning,
                "This plan was deleted in another tab. It stays open here and is stored again with your next change.",
                None,
            );
            self.session.update_value(|s| s.last_saved.clear());
            return;
        };
        if stored.rev == base_rev || stored.by == tab {
            return;
        }
        if self.save.get_untracked() == SaveState::Saved {
            if let Ok(loaded) = store.load(&open) {
                self.show_loaded(&open, loaded);
                self.notify(
                    Tone::Info,
                    "Updated with changes saved in another tab.",
                    None,
                );
            }
        } else {
            self.save.set(SaveState::Conflict);
        }
    }

    /// Resolves a conflict by taking the version another tab saved.
    pub fn take_theirs(&self) {
        let Some(open) = self.open_id.get_untracked() else {
            return;
        };
        match self.store().load(&open) {
            Ok(loaded) => {
                self.show_loaded(&open, loaded);
                self.notify(
                    Tone::Info,
                    "Loaded the version saved in the other tab.",
                    None,
                );
            }
            Err(why) => {
                self.notify(
                    Tone::Error,
                    format!("The other version cannot be read: {why}."),
                    None,
                );
            }
        }
    }

    /// Resolves a conflict by keeping this tab's version.
    pub fn keep_mine(&self) {
        let Some(open) = self.open_id.get_untracked() else {
            return;
        };
        let rev = self.store().meta(&open).map_or(0, |m| m.rev);
        self.session.update_value(|s| s.base_rev = rev);
        self.save.set(SaveState::Pending);
        self.flush();
    }

    /// Tries saving again after a failure.
    pub fn retry_save(&self) {
        self.save.set(SaveState::Pending);
        self.flush();
    }
}

impl AppState {
    /// A reactive view of one aspect of the open plan; changes only when that
    /// aspect changes.
    pub fn field<U>(&self, read: impl Fn(&Plan) -> U + Send + Sync + 'static) -> Signal<U>
    where
        U: Clone + PartialEq + Send + Sync + 'static,
    {
        self.field_boxed(Arc::new(read))
    }

    // One instance per value type, not per closure: keeps the wasm small.
    fn field_boxed<U>(&self, read: Arc<dyn Fn(&Plan) -> U + Send + Sync>) -> Signal<U>
    where
        U: Clone + PartialEq + Send + Sync + 'static,
    {
        let plan = self.plan;
        Memo::new(move |_| plan.with(|p| read(p))).into()
    }

    /// A callback that writes one aspect of the open plan.
    pub fn setter<U: 'static>(
        &self,
        write: impl Fn(&mut Plan, U) + Send + Sync + 'static,
    ) -> Callback<U> {
        self.setter_boxed(Arc::new(write))
    }

    fn setter_boxed<U: 'static>(&self, write: WritePlan<U>) -> Callback<U> {
        let this = *self;
        Callback::new(move |value: U| this.edit(|p| write(p, value)))
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
