//! Stored portfolios: the list in the library, the open one with its member
//! plans and the core's analysis of them as memos, and saving it shortly
//! after each change, as plans are saved.
//!
//! A portfolio's members are plan ids in this library. Their plans are read
//! from storage whenever the list of stored plans changes, so an edit to a
//! plan shows in the portfolio; a member whose plan is gone stays in the
//! portfolio as missing (the core warns about it) rather than being dropped.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use planwright_core::format::portfolio::ImportedPortfolio;
use planwright_core::portfolio::{analyze, Initiative, Member, Portfolio, PortfolioAnalysis};
use planwright_core::text::{agree, and_list, quoted};
use planwright_core::Plan;

use super::autosave::Autosave;
use super::library::Library;
use super::notices::{NoticeKind, Notices};
use super::plan::{OpenPlan, View};
use super::save_rule::SaveState;
use super::titles::{distinct_title, UNTITLED};
use crate::storage::{new_portfolio_id, now, Entry, Meta, Trashed};

/// How long after the last change the portfolio is saved.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// What the library shows for a portfolio without a name.
pub const UNNAMED: &str = "Untitled portfolio";

/// A member's plan as read from the library: the plan, or why it cannot be
/// read (deleted, or damaged).
pub type MemberPlan = (String, Result<Plan, String>);

struct Session {
    rev: u64,
    created: f64,
    /// The text last written, to skip writes that change nothing.
    last_saved: String,
    timer: Option<TimeoutHandle>,
}

/// Stored portfolios and the open one, cheap to copy.
#[derive(Clone, Copy)]
pub struct Portfolios {
    /// Stored portfolios, newest first.
    pub entries: RwSignal<Vec<Entry>>,
    /// The last deleted portfolio.
    pub trash: RwSignal<Option<Trashed>>,
    /// The storage id of the open portfolio.
    pub open_id: RwSignal<Option<String>>,
    /// The open portfolio.
    pub portfolio: RwSignal<Portfolio>,
    /// Whether the open portfolio is stored.
    pub save: RwSignal<SaveState>,
    /// Each member's plan, in the portfolio's order.
    pub plans: Memo<Vec<MemberPlan>>,
    /// The core's ranking, warnings, shared foundation and roadmap.
    pub analysis: Memo<PortfolioAnalysis>,
    session: StoredValue<Session, LocalStorage>,
    open: OpenPlan,
    library: Library,
    autosave: Autosave,
    notices: Notices,
}

/// The portfolios from context.
pub fn use_portfolios() -> Portfolios {
    expect_context::<Portfolios>()
}

/// The portfolio's name as shown: its own, or [`UNNAMED`].
pub fn shown_name(name: &str) -> String {
    match name.trim() {
        "" => UNNAMED.to_string(),
        name => name.to_string(),
    }
}

impl Portfolios {
    /// Portfolios over the store behind `autosave`; member plans come from
    /// `library`, and the screen is `open.view`.
    pub fn new(open: OpenPlan, library: Library, autosave: Autosave, notices: Notices) -> Self {
        let store = autosave.store();
        let listed = store.portfolios();
        let damaged: Vec<String> = listed
            .iter()
            .filter(|e| e.meta.is_none())
            .map(|e| {
                quoted(
                    e.recovered.as_deref().unwrap_or(""),
                    "one whose name is lost too",
                )
            })
            .collect();
        if !damaged.is_empty() {
            let text = format!(
                "{} cannot be read: {}. {} kept exactly as stored, and can be downloaded from the library; {} plans are not affected.",
                match damaged.len() {
                    1 => "One stored portfolio".to_string(),
                    n => format!("{n} stored portfolios"),
                },
                and_list(&damaged),
                agree(damaged.len(), "It is", "They are"),
                agree(damaged.len(), "its", "their"),
            );
            // After the page is drawn, as for damaged plans.
            request_animation_frame(move || {
                notices.notify(NoticeKind::Warning, text);
            });
        }
        let entries = RwSignal::new(listed);
        let portfolio = RwSignal::new(Portfolio::default());
        let keys = Memo::new(move |_| {
            portfolio.with(|p| p.members.iter().map(|m| m.key.clone()).collect::<Vec<_>>())
        });
        let listing = library.entries;
        let plans = Memo::new(move |_| {
            // Read again whenever a plan is stored, renamed or deleted.
            listing.track();
            let store = autosave.store();
            keys.with(|keys| {
                keys.iter()
                    .map(|k| (k.clone(), store.load(k).map(|l| l.plan)))
                    .collect::<Vec<_>>()
            })
        });
        let analysis = Memo::new(move |_| {
            plans.with(|plans| {
                let initiatives: Vec<Initiative<'_>> = plans
                    .iter()
                    .filter_map(|(key, plan)| {
                        plan.as_ref().ok().map(|plan| Initiative { key, plan })
                    })
                    .collect();
                portfolio.with(|p| analyze(p, &initiatives))
            })
        });
        Portfolios {
            entries,
            trash: RwSignal::new(store.portfolio_trash()),
            open_id: RwSignal::new(None),
            portfolio,
            save: RwSignal::new(SaveState::Saved),
            plans,
            analysis,
            session: StoredValue::new_local(Session {
                rev: 0,
                created: now(),
                last_saved: String::new(),
                timer: None,
            }),
            open,
            library,
            autosave,
            notices,
        }
    }

    /// Reads the list of stored portfolios again.
    pub fn refresh(&self) {
        let store = self.autosave.store();
        self.entries.set(store.portfolios());
        self.trash.set(store.portfolio_trash());
    }

    fn names(&self) -> Vec<String> {
        self.entries.with_untracked(|list| {
            list.iter()
                .filter_map(|e| e.meta.as_ref().map(|m| m.title.clone()))
                .collect()
        })
    }

    /// A name for a new portfolio of plans with these titles.
    fn name_for(&self, titles: &[String]) -> String {
        let base = match titles {
            [] => UNNAMED.to_string(),
            [one] => format!("{} and others", shown_name(one)),
            [a, b] => format!("{} and {}", shown_name(a), shown_name(b)),
            [a, rest @ ..] => format!("{} and {} more", shown_name(a), rest.len()),
        };
        let names = self.names();
        distinct_title(&base, names.iter().map(String::as_str))
    }

    /// Stores a new portfolio and opens it. Its name is made distinct from
    /// the stored ones as plan titles are.
    pub fn create(&self, mut portfolio: Portfolio) -> Option<String> {
        self.refresh();
        let names = self.names();
        let wanted = if portfolio.name.trim().is_empty() {
            UNNAMED.to_string()
        } else {
            portfolio.name.clone()
        };
        portfolio.name = distinct_title(&wanted, names.iter().map(String::as_str));
        let id = new_portfolio_id();
        let meta = Meta {
            title: portfolio.name.clone(),
            created: now(),
            updated: now(),
            rev: 1,
            by: self.autosave.tab(),
        };
        match self.autosave.store().save_portfolio(&id, &portfolio, &meta) {
            Ok(()) => {
                self.refresh();
                self.open(&id);
                Some(id)
            }
            Err(e) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("The portfolio was not made: {}", e.message()),
                );
                None
            }
        }
    }

    /// Makes a portfolio of these stored plans (in this order) and opens it.
    pub fn create_from(&self, ids: Vec<(String, String)>) -> Option<String> {
        let titles: Vec<String> = ids.iter().map(|(_, t)| t.clone()).collect();
        let portfolio = Portfolio {
            name: self.name_for(&titles),
            members: ids
                .into_iter()
                .map(|(key, _)| Member {
                    key,
                    ..Member::default()
                })
                .collect(),
            ..Portfolio::default()
        };
        self.create(portfolio)
    }

    /// Takes in an imported portfolio file: each plan it carries becomes a
    /// new plan in the library (titles made distinct as for any new plan),
    /// and a new portfolio names them, then opens. Returns what to tell the
    /// person; `Err` when nothing could be stored (nothing is then left
    /// half-made: plans already stored are removed again).
    pub fn import(&self, imported: ImportedPortfolio) -> Result<Vec<String>, String> {
        let ImportedPortfolio {
            mut portfolio,
            plans,
            ..
        } = imported;
        let mut ids: Vec<(String, String)> = Vec::new();
        let mut renamed = Vec::new();
        for carried in plans {
            let wanted = carried.imported.plan.title.clone();
            match self.library.add(carried.imported.plan) {
                Ok((id, title)) => {
                    if title != wanted {
                        renamed.push(format!(
                            "You already have a plan called {}, so the one in this portfolio is called {}.",
                            quoted(&wanted, UNTITLED),
                            quoted(&title, UNTITLED)
                        ));
                    }
                    ids.push((carried.key, id));
                }
                Err(why) => {
                    self.forget(&ids);
                    return Err(why);
                }
            }
        }
        let new_key = |key: &str| ids.iter().find(|(k, _)| k == key).map(|(_, id)| id.clone());
        for m in &mut portfolio.members {
            if let Some(id) = new_key(&m.key) {
                m.key = id;
            }
        }
        for link in &mut portfolio.links {
            for r in [&mut link.a, &mut link.b] {
                if let Some(id) = new_key(&r.member) {
                    r.member = id;
                }
            }
        }
        if self.create(portfolio).is_some() {
            return Ok(renamed);
        }
        self.forget(&ids);
        Err("the portfolio could not be stored".to_string())
    }

    /// Removes the plans an import stored before it failed.
    fn forget(&self, ids: &[(String, String)]) {
        let store = self.autosave.store();
        for (_, id) in ids {
            store.purge(id);
        }
        self.library.refresh();
    }

    /// Opens a stored portfolio on its screen; false when it cannot be read
    /// (the person is told why; nothing stored changes).
    pub fn open(&self, id: &str) -> bool {
        self.flush();
        let store = self.autosave.store();
        match store.load_portfolio(id) {
            Ok(loaded) => {
                if self.open.open_id.with_untracked(Option::is_some)
                    || self.open.shared.get_untracked()
                {
                    self.library.close();
                }
                let text = serde_json::to_string(&loaded.portfolio).unwrap_or_default();
                self.session.update_value(|s| {
                    s.rev = loaded.meta.rev;
                    s.created = loaded.meta.created;
                    s.last_saved = text;
                });
                self.portfolio.set(loaded.portfolio);
                self.open_id.set(Some(id.to_string()));
                self.save.set(SaveState::Saved);
                self.library.refresh();
                self.open.view.set(View::Portfolio);
                true
            }
            Err(why) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("This portfolio cannot be opened: {why}. Its stored data is kept as it is; you can download it from the library."),
                );
                self.refresh();
                false
            }
        }
    }

    /// Changes the open portfolio; saving follows shortly after.
    pub fn edit(&self, change: impl FnOnce(&mut Portfolio)) {
        self.portfolio.update(change);
        self.schedule();
    }

    fn schedule(&self) {
        if self.open_id.get_untracked().is_none() {
            return;
        }
        self.save.set(SaveState::Pending);
        let this = *self;
        let handle = set_timeout_with_handle(move || this.flush(), SAVE_DELAY).ok();
        self.session.update_value(|s| {
            if let Some(old) = std::mem::replace(&mut s.timer, handle) {
                old.clear();
            }
        });
    }

    /// Saves the open portfolio now if it has unsaved changes.
    pub fn flush(&self) {
        self.session.update_value(|s| {
            if let Some(t) = s.timer.take() {
                t.clear();
            }
        });
        let Some(id) = self.open_id.get_untracked() else {
            return;
        };
        let text = self
            .portfolio
            .with_untracked(|p| serde_json::to_string(p).unwrap_or_default());
        if self.session.with_value(|s| s.last_saved == text) {
            self.save.set(SaveState::Saved);
            return;
        }
        let (rev, created) = self.session.with_value(|s| (s.rev + 1, s.created));
        let meta = Meta {
            title: self.portfolio.with_untracked(|p| p.name.clone()),
            created,
            updated: now(),
            rev,
            by: self.autosave.tab(),
        };
        let store = self.autosave.store();
        match self
            .portfolio
            .with_untracked(|p| store.save_portfolio(&id, p, &meta))
        {
            Ok(()) => {
                self.session.update_value(|s| {
                    s.rev = rev;
                    s.last_saved = text;
                });
                self.save.set(SaveState::Saved);
                self.refresh();
            }
            Err(e) => self.save.set(SaveState::NotSaved(e.message())),
        }
    }

    /// Saves and goes back to the library.
    pub fn close(&self) {
        self.flush();
        self.open_id.set(None);
        self.portfolio.set(Portfolio::default());
        self.open.view.set(View::Library);
        self.refresh();
    }

    /// Renames a stored portfolio.
    pub fn rename(&self, id: &str, name: String) {
        if self.open_id.get_untracked().as_deref() == Some(id) {
            self.edit(|p| p.name = name);
            self.flush();
            return;
        }
        let store = self.autosave.store();
        match store.load_portfolio(id) {
            Ok(mut loaded) => {
                loaded.portfolio.name = name.clone();
                loaded.meta.title = name;
                loaded.meta.updated = now();
                loaded.meta.rev += 1;
                if let Err(e) = store.save_portfolio(id, &loaded.portfolio, &loaded.meta) {
                    self.notices.notify(NoticeKind::Error, e.message());
                }
            }
            Err(why) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("This portfolio cannot be renamed: {why}."),
                );
            }
        };
        self.refresh();
    }

    /// Deletes a portfolio (its plans stay), restorable until the next
    /// portfolio is deleted.
    pub fn delete(&self, id: &str) {
        if self.open_id.get_untracked().as_deref() == Some(id) {
            self.close();
        }
        let store = self.autosave.store();
        let name = store
            .portfolio_meta(id)
            .map(|m| m.title)
            .unwrap_or_default();
        match store.delete_portfolio(id) {
            Ok(()) => {
                let this = *self;
                self.notices.offer_undo(
                    format!(
                        "Deleted the portfolio {}; its plans are untouched.",
                        quoted(&name, UNNAMED)
                    ),
                    Arc::new(move || this.restore()),
                );
            }
            Err(e) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("The portfolio was not deleted: {}", e.message()),
                );
            }
        }
        self.refresh();
    }

    /// Brings back the last deleted portfolio.
    pub fn restore(&self) {
        match self.autosave.store().restore_portfolio() {
            Ok(Some(_)) => {
                self.notices.dismiss_kind(NoticeKind::Undo);
                self.notices
                    .notify(NoticeKind::Info, "The portfolio is back in your library.");
            }
            Ok(None) => {}
            Err(e) => {
                self.notices.notify(
                    NoticeKind::Error,
                    format!("The portfolio could not be restored: {}", e.message()),
                );
            }
        }
        self.refresh();
    }

    /// Drops a damaged stored portfolio the person chose to remove.
    pub fn purge(&self, id: &str) {
        self.autosave.store().purge_portfolio(id);
        self.refresh();
    }

    /// The stored text of a portfolio, for downloading damaged data.
    pub fn raw(&self, id: &str) -> Option<String> {
        self.autosave.store().portfolio_raw(id)
    }
}
