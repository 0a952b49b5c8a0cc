//! The one persistence adapter: plans in the browser's local storage.
//!
//! Layout, all under the versioned prefix `planwright.v1.`:
//! - `plan.<id>`: `{"meta": {title, created, updated, rev, by}, "plan": <plan file>}`,
//!   where the plan file is exactly what the JSON export writes, so loading
//!   goes through the core's import and migration like any file;
//! - `trash`: the last deleted plan, raw, so a delete can be undone;
//! - `last-open`: the id of the plan to reopen on the next visit;
//! - `template.<id>`: a template (see `planwright_core::format::template`),
//!   stored exactly like a plan, under a prefix of its own so it is never
//!   listed, opened or overwritten as a plan;
//! - `template-trash`: the last deleted template, kept apart from the plan
//!   trash so deleting one never pushes out the other.
//! - `portfolio.<id>`: `{"meta": {…the same…}, "portfolio": <portfolio>}`,
//!   the core's `Portfolio` as serde writes it (its members are plan ids in
//!   this library, so it is not the portfolio file, which carries its
//!   plans); `meta.title` is the portfolio's name;
//! - `portfolio-trash`: the last deleted portfolio, raw, as `trash` is for
//!   plans.
//!
//! Nothing here panics. gloo-storage's accessors panic when storage is
//! blocked, so they are only reached after [`Store::open`] has checked that
//! storage can be used; otherwise the store keeps everything in memory and
//! says so. Data that cannot be read is never overwritten: it stays under its
//! key, is listed as damaged, and can be downloaded raw.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::state::revisions::Revision;
use gloo_storage::{LocalStorage, Storage as _};
use planwright_core::format::file;
use planwright_core::portfolio::Portfolio;
use planwright_core::Plan;
use serde::{Deserialize, Serialize};

use crate::state::titles::recover_title;
use serde_json::value::RawValue;
use wasm_bindgen::JsCast;

const PLAN_PREFIX: &str = "planwright.v1.plan.";
const TRASH_KEY: &str = "planwright.v1.trash";
const LAST_OPEN_KEY: &str = "planwright.v1.last-open";
const TEMPLATE_PREFIX: &str = "planwright.v1.template.";
const TEMPLATE_TRASH_KEY: &str = "planwright.v1.template-trash";
const PORTFOLIO_PREFIX: &str = "planwright.v1.portfolio.";
const PORTFOLIO_TRASH_KEY: &str = "planwright.v1.portfolio-trash";
const HISTORY_PREFIX: &str = "planwright.v1.history.";
const DAMAGED_HISTORY_PREFIX: &str = "planwright.v1.history-damaged.";

/// Where one kind of stored item lives: its key prefix and its trash.
#[derive(Clone, Copy)]
struct Shelf {
    prefix: &'static str,
    trash: &'static str,
    /// A new id, for a restored item whose id was taken meanwhile.
    fresh: fn() -> String,
}

const PLANS: Shelf = Shelf {
    prefix: PLAN_PREFIX,
    trash: TRASH_KEY,
    fresh: new_plan_id,
};
const TEMPLATES: Shelf = Shelf {
    prefix: TEMPLATE_PREFIX,
    trash: TEMPLATE_TRASH_KEY,
    fresh: new_plan_id,
};
const PORTFOLIOS: Shelf = Shelf {
    prefix: PORTFOLIO_PREFIX,
    trash: PORTFOLIO_TRASH_KEY,
    fresh: new_portfolio_id,
};

/// Why storage could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage quota is used up.
    Full,
    /// Storage is switched off or blocked (private mode, site settings).
    Unavailable(String),
    /// Anything else the browser reported.
    Other(String),
}

impl StoreError {
    /// A sentence for the person.
    pub fn message(&self) -> String {
        match self {
            StoreError::Full => "This browser's storage for Planwright is full, so changes are not being saved. Export the plan to a file to keep it safe, or delete plans you no longer need.".to_string(),
            StoreError::Unavailable(why) => format!("This browser is not letting Planwright keep plans ({why}). You can keep working, but export the plan to a file before you close the tab."),
            StoreError::Other(why) => format!("Saving failed: {why}. Export the plan to a file to keep it safe."),
        }
    }
}

/// Bookkeeping stored beside each plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The plan's title when it was saved.
    pub title: String,
    /// When the plan was created (ms since the epoch).
    pub created: f64,
    /// When it was last saved (ms since the epoch).
    pub updated: f64,
    /// Save counter; a tab only overwrites the revision it loaded.
    pub rev: u64,
    /// The tab that saved it last.
    pub by: String,
}

#[derive(Serialize)]
struct StoredRef<'a> {
    meta: &'a Meta,
    plan: &'a RawValue,
}

#[derive(Deserialize)]
struct Stored {
    meta: Meta,
    plan: Box<RawValue>,
}

#[derive(Deserialize)]
struct StoredMeta {
    meta: Meta,
}

#[derive(Serialize)]
struct StoredPortfolioRef<'a> {
    meta: &'a Meta,
    portfolio: &'a Portfolio,
}

#[derive(Deserialize)]
struct StoredPortfolio {
    meta: Meta,
    portfolio: Portfolio,
}

/// A portfolio read back from storage.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedPortfolio {
    /// The portfolio; its members' keys are plan ids in this library.
    pub portfolio: Portfolio,
    /// Its bookkeeping.
    pub meta: Meta,
}

/// A plan as listed in the library.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The plan's id in storage.
    pub id: String,
    /// Its bookkeeping, when it could be read.
    pub meta: Option<Meta>,
    /// Why it cannot be opened, when it cannot.
    pub damage: Option<String>,
    /// The title found in stored text that cannot be read, when one
    /// survives (see [`crate::state::titles::recover_title`]).
    pub recovered: Option<String>,
}

/// A plan read back from storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The plan, migrated to the current version.
    pub plan: Plan,
    /// Its bookkeeping.
    pub meta: Meta,
    /// What migration changed and which unknown fields were left out.
    pub notes: Vec<String>,
}

/// The last deleted plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trashed {
    /// The id it had.
    pub id: String,
    /// Its title, when it could be read.
    pub title: String,
    /// When it was deleted (ms since the epoch).
    pub deleted: f64,
    /// The stored text, exactly as it was.
    pub raw: String,
}

#[derive(Clone)]
enum Backend {
    Local,
    Memory(Rc<RefCell<BTreeMap<String, String>>>),
}

/// Where plans are kept: local storage when the browser allows it, memory
/// otherwise.
#[derive(Clone)]
pub struct Store {
    backend: Backend,
    /// Why local storage is not used, when it is not.
    pub unavailable: Option<String>,
}

fn js_message(err: &wasm_bindgen::JsValue) -> String {
    if let Some(e) = err.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", e.name(), e.message());
    }
    if let Some(e) = err.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    "the browser refused".to_string()
}

fn is_quota(err: &wasm_bindgen::JsValue) -> bool {
    err.dyn_ref::<web_sys::DomException>()
        .map(|e| e.name() == "QuotaExceededError" || e.code() == 22)
        .unwrap_or(false)
}

/// Checks that local storage exists and accepts a write.
fn probe() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    let storage = window
        .local_storage()
        .map_err(|e| js_message(&e))?
        .ok_or("storage is switched off")?;
    let key = "planwright.v1.probe";
    match storage.set_item(key, "1") {
        Ok(()) => {
            let _ = storage.remove_item(key);
            Ok(storage)
        }
        // A full store still works for reading; saving reports it later.
        Err(e) if is_quota(&e) => Ok(storage),
        Err(e) => Err(js_message(&e)),
    }
}

/// Milliseconds since the epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

impl Store {
    /// Opens local storage, or falls back to memory and records why.
    pub fn open() -> Store {
        match probe() {
            Ok(_) => Store {
                backend: Backend::Local,
                unavailable: None,
            },
            Err(why) => Store::memory(Some(why)),
        }
    }

    /// A store that keeps everything in memory.
    pub fn memory(why: Option<String>) -> Store {
        Store {
            backend: Backend::Memory(Rc::default()),
            unavailable: why,
        }
    }

    fn get_text(&self, key: &str) -> Result<Option<String>, StoreError> {
        match &self.backend {
            Backend::Local => LocalStorage::raw()
                .get_item(key)
                .map_err(|e| StoreError::Other(js_message(&e))),
            Backend::Memory(map) => Ok(map.borrow().get(key).cloned()),
        }
    }

    fn put_text(&self, key: &str, value: &str) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Local => LocalStorage::raw().set_item(key, value).map_err(|e| {
                if is_quota(&e) {
                    StoreError::Full
                } else {
                    StoreError::Other(js_message(&e))
                }
            }),
            Backend::Memory(map) => {
                map.borrow_mut().insert(key.to_string(), value.to_string());
                Ok(())
            }
        }
    }

    fn put<T: Serialize>(&self, key: &str, value: &T) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Local => LocalStorage::set(key, value).map_err(|e| match e {
                gloo_storage::errors::StorageError::JsError(js)
                    if js.name == "QuotaExceededError" =>
                {
                    StoreError::Full
                }
                other => StoreError::Other(other.to_string()),
            }),
            Backend::Memory(_) => {
                let text =
                    serde_json::to_string(value).map_err(|e| StoreError::Other(e.to_string()))?;
                self.put_text(key, &text)
            }
        }
    }

    fn remove(&self, key: &str) {
        match &self.backend {
            Backend::Local => {
                let _ = LocalStorage::raw().remove_item(key);
            }
            Backend::Memory(map) => {
                map.borrow_mut().remove(key);
            }
        }
    }

    fn keys(&self) -> Vec<String> {
        match &self.backend {
            Backend::Local => {
                let storage = LocalStorage::raw();
                let len = storage.length().unwrap_or(0);
                (0..len)
                    .filter_map(|i| storage.key(i).ok().flatten())
                    .collect()
            }
            Backend::Memory(map) => map.borrow().keys().cloned().collect(),
        }
    }

    /// The storage key of a plan.
    pub fn key_of(id: &str) -> String {
        format!("{PLAN_PREFIX}{id}")
    }

    /// The plan id a storage key belongs to, if it is a plan key.
    pub fn id_of(key: &str) -> Option<&str> {
        key.strip_prefix(PLAN_PREFIX)
    }

    /// Every stored plan, newest first; damaged ones are listed with the reason.
    pub fn list(&self) -> Vec<Entry> {
        self.list_on(PLANS)
    }

    /// Every stored template, newest first; damaged ones are listed with the
    /// reason, like plans.
    pub fn list_templates(&self) -> Vec<Entry> {
        self.list_on(TEMPLATES)
    }

    /// Every stored portfolio, newest first; damaged ones are listed with
    /// the reason, like plans.
    pub fn portfolios(&self) -> Vec<Entry> {
        self.list_on(PORTFOLIOS)
    }

    fn list_on(&self, shelf: Shelf) -> Vec<Entry> {
        let mut entries: Vec<Entry> = self
            .keys()
            .into_iter()
            .filter_map(|key| {
                let id = key.strip_prefix(shelf.prefix)?.to_string();
                let text = self.get_text(&key).ok().flatten()?;
                Some(match serde_json::from_str::<StoredMeta>(&text) {
                    Ok(s) => Entry {
                        id,
                        meta: Some(s.meta),
                        damage: None,
                        recovered: None,
                    },
                    Err(e) => Entry {
                        id,
                        meta: None,
                        damage: Some(unreadable(&e)),
                        recovered: recover_title(&text),
                    },
                })
            })
            .collect();
        entries.sort_by(|a, b| {
            let t = |e: &Entry| e.meta.as_ref().map_or(f64::MAX, |m| m.updated);
            t(b).total_cmp(&t(a)).then_with(|| a.id.cmp(&b.id))
        });
        entries
    }

    /// Only the bookkeeping of a stored plan (cheap; for conflict checks).
    pub fn meta(&self, id: &str) -> Option<Meta> {
        let text = self.get_text(&Store::key_of(id)).ok().flatten()?;
        serde_json::from_str::<StoredMeta>(&text)
            .ok()
            .map(|s| s.meta)
    }

    /// The stored text of a plan, exactly as it is.
    pub fn raw(&self, id: &str) -> Option<String> {
        self.get_text(&Store::key_of(id)).ok().flatten()
    }

    /// The stored text of a template, exactly as it is.
    pub fn raw_template(&self, id: &str) -> Option<String> {
        self.get_text(&format!("{TEMPLATE_PREFIX}{id}"))
            .ok()
            .flatten()
    }

    /// Reads a plan through the core's import (migrating older versions).
    pub fn load(&self, id: &str) -> Result<Loaded, String> {
        let text = self
            .get_text(&Store::key_of(id))
            .map_err(|e| e.message())?
            .ok_or_else(|| "this plan is no longer stored in this browser".to_string())?;
        Store::parse(&text)
    }

    /// Reads a template through the core's import, like a plan.
    pub fn load_template(&self, id: &str) -> Result<Loaded, String> {
        let text = self
            .raw_template(id)
            .ok_or_else(|| "this template is no longer stored in this browser".to_string())?;
        Store::parse(&text)
    }

    /// Reads a stored plan's text.
    pub fn parse(text: &str) -> Result<Loaded, String> {
        let stored: Stored = serde_json::from_str(text).map_err(|e| unreadable(&e))?;
        let imported = file::import_str(stored.plan.get()).map_err(|e| e.to_string())?;
        Ok(Loaded {
            notes: imported.changes(),
            plan: imported.plan,
            meta: stored.meta,
        })
    }

    /// Writes stored text under a plan's key exactly as given (restoring a
    /// deleted plan, or another tab's save in tests).
    pub fn write_raw(&self, id: &str, text: &str) -> Result<(), StoreError> {
        self.put_text(&Store::key_of(id), text)
    }

    /// Writes a plan with its bookkeeping.
    pub fn save(&self, id: &str, plan: &Plan, meta: &Meta) -> Result<(), StoreError> {
        self.save_on(PLANS, id, plan, meta)
    }

    /// Writes a template with its bookkeeping.
    pub fn save_template(&self, id: &str, plan: &Plan, meta: &Meta) -> Result<(), StoreError> {
        self.save_on(TEMPLATES, id, plan, meta)
    }

    fn save_on(&self, shelf: Shelf, id: &str, plan: &Plan, meta: &Meta) -> Result<(), StoreError> {
        let text = file::to_json(plan);
        let raw = RawValue::from_string(text).map_err(|e| StoreError::Other(e.to_string()))?;
        self.put(
            &format!("{}{id}", shelf.prefix),
            &StoredRef { meta, plan: &raw },
        )
    }

    /// Deletes a plan, keeping it as the last deleted one so it can be restored.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.delete_on(PLANS, id)
    }

    /// Deletes a template, keeping it as the last deleted template.
    pub fn delete_template(&self, id: &str) -> Result<(), StoreError> {
        self.delete_on(TEMPLATES, id)
    }

    fn delete_on(&self, shelf: Shelf, id: &str) -> Result<(), StoreError> {
        let key = format!("{}{id}", shelf.prefix);
        let Some(raw) = self.get_text(&key)? else {
            return Ok(());
        };
        let title = serde_json::from_str::<StoredMeta>(&raw)
            .map(|s| s.meta.title)
            .unwrap_or_default();
        self.remove(&key);
        let trashed = Trashed {
            id: id.to_string(),
            title,
            deleted: now(),
            raw: raw.clone(),
        };
        if let Err(e) = self.put(shelf.trash, &trashed) {
            // Never lose a plan because the trash could not take it.
            let _ = self.put_text(&key, &raw);
            return Err(e);
        }
        Ok(())
    }

    /// The last deleted plan, if any.
    pub fn trash(&self) -> Option<Trashed> {
        self.trash_on(PLANS)
    }

    fn trash_on(&self, shelf: Shelf) -> Option<Trashed> {
        let text = self.get_text(shelf.trash).ok().flatten()?;
        serde_json::from_str(&text).ok()
    }

    /// Puts the last deleted plan back and returns its id (a new one if its
    /// old id was taken meanwhile).
    pub fn restore(&self) -> Result<Option<String>, StoreError> {
        self.restore_on(PLANS)
    }

    /// Puts the last deleted template back and returns its id.
    pub fn restore_template(&self) -> Result<Option<String>, StoreError> {
        self.restore_on(TEMPLATES)
    }

    fn restore_on(&self, shelf: Shelf) -> Result<Option<String>, StoreError> {
        let Some(t) = self.trash_on(shelf) else {
            return Ok(None);
        };
        let mut id = t.id.clone();
        while self.get_text(&format!("{}{id}", shelf.prefix))?.is_some() {
            id = (shelf.fresh)();
        }
        self.put_text(&format!("{}{id}", shelf.prefix), &t.raw)?;
        self.remove(shelf.trash);
        Ok(Some(id))
    }

    /// Removes a plan for good (used for damaged data the person chose to drop).
    pub fn purge(&self, id: &str) {
        self.remove(&Store::key_of(id));
        self.remove(&format!("{HISTORY_PREFIX}{id}"));
    }

    /// A plan's earlier versions, oldest first. A history that cannot be
    /// read is moved aside (under its own key, so nothing is lost) and an
    /// empty one begins; the message says so.
    pub fn history(&self, id: &str) -> (Vec<Revision>, Option<String>) {
        let key = format!("{HISTORY_PREFIX}{id}");
        match self.get_text(&key) {
            Ok(None) => (Vec::new(), None),
            Ok(Some(text)) => match serde_json::from_str::<Vec<Revision>>(&text) {
                Ok(list) => (list, None),
                Err(e) => {
                    let aside = format!("{DAMAGED_HISTORY_PREFIX}{id}");
                    let kept = self.put_text(&aside, &text).is_ok();
                    if kept {
                        self.remove(&key);
                    }
                    let message = format!(
                        "The plan's revision history could not be read ({}); {} and a new history begins.",
                        unreadable(&e),
                        if kept { "it is kept aside in the browser's storage" } else { "it is left as it was" }
                    );
                    (Vec::new(), Some(message))
                }
            },
            Err(e) => (Vec::new(), Some(e.message())),
        }
    }

    /// Writes a plan's history. When storage is full, older revisions are
    /// dropped until it fits; when not even the newest fits, the history
    /// is left as it was and the error returned. Returns how many were
    /// dropped.
    pub fn save_history(&self, id: &str, history: &mut Vec<Revision>) -> Result<usize, StoreError> {
        let key = format!("{HISTORY_PREFIX}{id}");
        let mut dropped = 0;
        loop {
            let text =
                serde_json::to_string(&history).map_err(|e| StoreError::Other(e.to_string()))?;
            match self.put_text(&key, &text) {
                Ok(()) => return Ok(dropped),
                Err(StoreError::Full) if history.len() > 1 => {
                    history.remove(0);
                    dropped += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// The plan to reopen on the next visit.
    pub fn last_open(&self) -> Option<String> {
        self.get_text(LAST_OPEN_KEY).ok().flatten()
    }

    /// Remembers the plan to reopen (or forgets it).
    pub fn set_last_open(&self, id: Option<&str>) {
        match id {
            Some(id) => {
                let _ = self.put_text(LAST_OPEN_KEY, id);
            }
            None => self.remove(LAST_OPEN_KEY),
        }
    }

    /// The storage key of a portfolio.
    pub fn portfolio_key(id: &str) -> String {
        format!("{PORTFOLIO_PREFIX}{id}")
    }

    /// The portfolio id a storage key belongs to, if it is a portfolio key.
    pub fn portfolio_id_of(key: &str) -> Option<&str> {
        key.strip_prefix(PORTFOLIO_PREFIX)
    }

    /// Only the bookkeeping of a stored portfolio.
    pub fn portfolio_meta(&self, id: &str) -> Option<Meta> {
        let text = self.get_text(&Store::portfolio_key(id)).ok().flatten()?;
        serde_json::from_str::<StoredMeta>(&text)
            .ok()
            .map(|s| s.meta)
    }

    /// The stored text of a portfolio, exactly as it is.
    pub fn portfolio_raw(&self, id: &str) -> Option<String> {
        self.get_text(&Store::portfolio_key(id)).ok().flatten()
    }

    /// Reads a stored portfolio.
    pub fn load_portfolio(&self, id: &str) -> Result<LoadedPortfolio, String> {
        let text = self
            .get_text(&Store::portfolio_key(id))
            .map_err(|e| e.message())?
            .ok_or_else(|| "this portfolio is no longer stored in this browser".to_string())?;
        let stored: StoredPortfolio = serde_json::from_str(&text).map_err(|e| unreadable(&e))?;
        Ok(LoadedPortfolio {
            portfolio: stored.portfolio,
            meta: stored.meta,
        })
    }

    /// Writes a portfolio with its bookkeeping.
    pub fn save_portfolio(
        &self,
        id: &str,
        portfolio: &Portfolio,
        meta: &Meta,
    ) -> Result<(), StoreError> {
        self.put(
            &Store::portfolio_key(id),
            &StoredPortfolioRef { meta, portfolio },
        )
    }

    /// Deletes a portfolio (never its plans), keeping it restorable until
    /// the next portfolio is deleted.
    pub fn delete_portfolio(&self, id: &str) -> Result<(), StoreError> {
        self.delete_on(PORTFOLIOS, id)
    }

    /// The last deleted portfolio, if any.
    pub fn portfolio_trash(&self) -> Option<Trashed> {
        self.trash_on(PORTFOLIOS)
    }

    /// Puts the last deleted portfolio back and returns its id.
    pub fn restore_portfolio(&self) -> Result<Option<String>, StoreError> {
        self.restore_on(PORTFOLIOS)
    }

    /// Removes a portfolio for good (damaged data the person chose to drop).
    pub fn purge_portfolio(&self, id: &str) {
        self.remove(&Store::portfolio_key(id));
    }
}

/// What is wrong with stored text that cannot be read, in words.
fn unreadable(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let at = format!("line {}, column {}", e.line(), e.column());
    match e.classify() {
        Category::Eof => format!(
            "the stored text stops part-way, at {at}, as if a save was cut short"
        ),
        Category::Syntax => format!("the stored text is not valid JSON at {at}"),
        Category::Data => format!(
            "the stored text lacks the bookkeeping every saved plan has, or has it in the wrong shape ({e})"
        ),
        Category::Io => format!("the stored text could not be read ({e})"),
    }
}

/// A fresh plan id: time and randomness, unique in practice.
pub fn new_plan_id() -> String {
    let time = now() as u64;
    let random = (js_sys::Math::random() * 1_679_616.0) as u64; // 36^4
    format!("p{}{}", radix36(time), radix36(random))
}

/// A fresh portfolio id, like a plan's but starting with `f`.
pub fn new_portfolio_id() -> String {
    format!("f{}", &new_plan_id()[1..])
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
