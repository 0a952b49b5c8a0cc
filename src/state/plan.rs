//! The open plan: one root signal, the screen it is shown on, everything the
//! core computes from it as memos, and the way views read and write it.

use std::sync::Arc;

use leptos::prelude::*;
use planwright_core::analysis::progress::{progress, Progress};
use planwright_core::analysis::validate::validate_scheduled;
use planwright_core::analysis::{analyze_on, Analysis};
use planwright_core::Plan;

use super::autosave::Autosave;
use crate::components::findings::{Findings, FindingsSource};

/// Writes one aspect of the plan.
type WritePlan<U> = Arc<dyn Fn(&mut Plan, U) + Send + Sync>;

pub use super::route::View;

/// The open plan and what is derived from it, cheap to copy.
#[derive(Clone, Copy)]
pub struct OpenPlan {
    /// The open plan (a blank one while the library is shown).
    pub plan: RwSignal<Plan>,
    /// The storage id of the open plan.
    pub open_id: RwSignal<Option<String>>,
    /// The open plan came from a share link: shown read-only, not stored.
    pub shared: RwSignal<bool>,
    /// The screen being shown.
    pub view: RwSignal<View>,
    /// Validation findings of the open plan.
    pub findings: Memo<Findings>,
    /// Scores, risk, gates, schedule and suggestions of the open plan.
    pub analysis: Memo<Analysis>,
    /// How complete each section is.
    pub progress: Memo<Progress>,
    autosave: Autosave,
}

/// The open plan from context.
pub fn use_plan() -> OpenPlan {
    expect_context::<OpenPlan>()
}

impl OpenPlan {
    /// Derives the memos from the plan signal; edits are saved by `autosave`.
    pub fn new(
        plan: RwSignal<Plan>,
        open_id: RwSignal<Option<String>>,
        autosave: Autosave,
    ) -> OpenPlan {
        // The forecast is as of the plan's own as-of day, else today.
        let today = crate::dates::today_date();
        let analysis = Memo::new(move |_| plan.with(|p| analyze_on(p, today)));
        OpenPlan {
            plan,
            open_id,
            shared: RwSignal::new(false),
            view: RwSignal::new(View::Library),
            findings: Memo::new(move |_| {
                // Reuse the analysis's schedule: ordering runs once per edit.
                analysis.with(|a| plan.with(|p| Findings::new(validate_scheduled(p, &a.schedule))))
            }),
            analysis,
            progress: Memo::new(move |_| plan.with(progress)),
            autosave,
        }
    }

    /// Where field widgets find the findings at their path.
    pub fn findings_source(&self) -> FindingsSource {
        FindingsSource(self.findings)
    }

    /// Whether a plan is shown (stored or from a share link).
    pub fn is_shown(&self) -> bool {
        self.open_id.with(Option::is_some) || self.shared.get()
    }

    /// Changes the open plan; saving follows shortly after.
    pub fn edit(&self, change: impl FnOnce(&mut Plan)) {
        self.plan.update(change);
        self.autosave.schedule();
    }

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
