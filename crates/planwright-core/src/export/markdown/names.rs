//! People, phases and tasks shown by name, never by id (one without a name
//! by its place in its list, as [`crate::text::named`] does); a reference
//! that resolves to nothing is shown visibly as `unknown (id 'x')`.

use std::collections::HashMap;

use super::inline;
use crate::choice::Choice;
use crate::model::{Id, Phase, Plan, Stakeholder, Task};
use crate::text::unnamed;

// ---------------------------------------------------------------------------
// Names

/// Resolves ids to the names people recognise, escaped for Markdown.
///
/// The first item with an id wins when ids repeat (validation reports the
/// duplicate). Ids that resolve to nothing are shown as
/// `unknown (id 'x')`, in italics, so a broken reference stays visible.
#[derive(Debug)]
pub struct Names<'a> {
    people: HashMap<&'a str, (usize, &'a Stakeholder)>,
    phases: HashMap<&'a str, (usize, &'a Phase)>,
    tasks: HashMap<&'a str, (usize, &'a Task)>,
}

impl<'a> Names<'a> {
    /// Indexes the stakeholders, phases and tasks of `plan`.
    pub fn new(plan: &'a Plan) -> Names<'a> {
        let mut people = HashMap::new();
        for (i, s) in plan.stakeholders.iter().enumerate() {
            people.entry(s.id.as_str()).or_insert((i, s));
        }
        let mut phases = HashMap::new();
        for (i, p) in plan.phases.iter().enumerate() {
            phases.entry(p.id.as_str()).or_insert((i, p));
        }
        let mut tasks = HashMap::new();
        for (i, t) in plan.tasks.iter().enumerate() {
            tasks.entry(t.id.as_str()).or_insert((i, t));
        }
        Names {
            people,
            phases,
            tasks,
        }
    }

    /// A stakeholder's name; `—` when no one is set.
    pub fn person(&self, id: Option<&Id>) -> String {
        let Some(id) = id else {
            return "—".to_string();
        };
        match self.people.get(id.as_str()) {
            Some((_, s)) if !s.name.trim().is_empty() => inline(&s.name),
            Some((i, _)) => format!("_{}_", unnamed("stakeholder", *i)),
            None => unknown(id),
        }
    }

    /// A stakeholder's name followed by their role, if any; `_not named_`
    /// when no one is set.
    pub fn person_with_role(&self, id: Option<&Id>) -> String {
        let Some(id) = id else {
            return "_not named_".to_string();
        };
        let name = self.person(Some(id));
        match self.people.get(id.as_str()) {
            Some((_, s)) if !s.role.trim().is_empty() => format!("{name}, {}", inline(&s.role)),
            _ => name,
        }
    }

    /// Several stakeholders, comma-separated; `—` when the list is empty.
    pub fn people<'b>(&self, ids: impl IntoIterator<Item = &'b Id>) -> String {
        let names: Vec<String> = ids.into_iter().map(|id| self.person(Some(id))).collect();
        if names.is_empty() {
            "—".to_string()
        } else {
            names.join(", ")
        }
    }

    /// A phase's name; `—` when none is set.
    pub fn phase(&self, id: Option<&Id>) -> String {
        let Some(id) = id else {
            return "—".to_string();
        };
        match self.phases.get(id.as_str()) {
            Some((_, p)) if !p.name.trim().is_empty() => inline(&p.name),
            Some((i, p)) => inline(p.kind.label()) + &format!(" (phase {})", i + 1),
            None => unknown(id),
        }
    }

    /// A task as `#N title`, where N is its position in the plan.
    pub fn task(&self, id: &Id) -> String {
        match self.tasks.get(id.as_str()) {
            Some((i, t)) if !t.title.trim().is_empty() => {
                format!("#{} {}", i + 1, inline(&t.title))
            }
            Some((i, _)) => format!("#{} _unnamed task_", i + 1),
            None => unknown(id),
        }
    }
}

/// An id that resolves to nothing, shown so the reader notices: the id is
/// all there is to go on.
pub(super) fn unknown(id: &Id) -> String {
    format!("_unknown (id '{}')_", inline(id.as_str()))
}
