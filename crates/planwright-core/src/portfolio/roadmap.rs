//! The portfolio roadmap: one synthetic plan the schedule engine runs.
//!
//! How it is built, from the initiatives in rank order (prohibited ones and
//! ones whose tasks loop are left out; the warnings say so):
//! - Shared work first, once. A task of an initiative's foundation phase
//!   serves a shared item when its title or notes mention the item's name
//!   (as that plan or the shared item writes it) as whole words, after
//!   [`normalised`]; a task that mentions several goes to the first shared
//!   item in the list. All tasks serving one shared item become one shared
//!   task `shared-<N>` (N its place in the shared list, from 1), as long as
//!   the longest of them, waiting for whatever they waited for; the tasks
//!   that waited for them wait for it. A shared item no task serves
//!   becomes a milestone `<name> ready` on day 0. The deployment work of
//!   every initiative that needs a shared item waits for it, so the
//!   foundation comes first. Should the joined waiting close a loop across
//!   plans, the shared tasks lose their own dependencies and simply go
//!   first.
//! - Then each initiative's own tasks, ids `m<N>:` and the task's id (N the
//!   member's place in the portfolio, from 1), phases and owners the same
//!   way, in rank order.
//! - Capacity c (0 counts as 1): the deployment work (tasks in a phase of
//!   the deployment kind) of the initiative ranked c + k starts only after
//!   the deployment work of the one ranked k is done. Each initiative that
//!   another waits for gets a milestone `deployed-<N>` that waits for its
//!   own deployment tasks and for the milestone it itself waited on.
//! - Set-up cost: the task-days of foundation-phase tasks, counted once per
//!   plan when each runs alone, and with the shared tasks counted once in
//!   the portfolio.

use std::collections::HashMap;

use crate::analysis::schedule::schedule;
use crate::date::Date;
use crate::model::{Id, Phase, PhaseKind, Plan, Stakeholder, Task};
use crate::text::{and_list, quoted};

use super::{normalised, Roadmap, SharedItem, TaskOrigin};

/// One initiative as the roadmap reads it.
pub(super) struct Entry<'a> {
    /// The member's key.
    pub key: &'a str,
    /// The member's place in the portfolio, from 0.
    pub index: usize,
    pub plan: &'a Plan,
}

/// The id of the shared task for the shared item at `i`.
fn shared_id(i: usize) -> Id {
    Id(format!("shared-{}", i + 1))
}

/// What each task of each entry is: the shared item it serves, if any.
fn served(entries: &[Entry<'_>], shared: &[SharedItem]) -> Vec<Vec<Option<usize>>> {
    entries
        .iter()
        .map(|e| {
            let foundation: Vec<&Id> = e
                .plan
                .phases
                .iter()
                .filter(|p| p.kind == PhaseKind::Foundation)
                .map(|p| &p.id)
                .collect();
            // The names to look for, with their shared item, in list order.
            let mut names: Vec<(String, usize)> = Vec::new();
            for (s, item) in shared.iter().enumerate() {
                for u in item.uses.iter().filter(|u| u.member == e.key) {
                    for name in [&u.name, &item.name] {
                        let key = normalised(name);
                        if !key.is_empty() && !names.iter().any(|(k, i)| *k == key && *i == s) {
                            names.push((format!(" {key} "), s));
                        }
                    }
                }
            }
            let mut first_phase: HashMap<&Id, bool> = HashMap::new();
            for p in &e.plan.phases {
                first_phase
                    .entry(&p.id)
                    .or_insert(foundation.contains(&&p.id));
            }
            e.plan
                .tasks
                .iter()
                .map(|t| {
                    let in_foundation = t
                        .phase
                        .as_ref()
                        .is_some_and(|p| first_phase.get(p).copied().unwrap_or(false));
                    if !in_foundation || names.is_empty() {
                        return None;
                    }
                    let text = format!(" {} ", normalised(&format!("{} {}", t.title, t.notes)));
                    names
                        .iter()
                        .find(|(key, _)| text.contains(key.as_str()))
                        .map(|(_, s)| *s)
                })
                .collect()
        })
        .collect()
}

/// The phase kind of each task of a plan, by its phase (first phase with
/// the id), `None` when it has none or the phase does not exist.
fn task_kinds(plan: &Plan) -> Vec<Option<PhaseKind>> {
    let mut kinds: HashMap<&Id, PhaseKind> = HashMap::new();
    for p in &plan.phases {
        kinds.entry(&p.id).or_insert(p.kind);
    }
    plan.tasks
        .iter()
        .map(|t| t.phase.as_ref().and_then(|p| kinds.get(p).copied()))
        .collect()
}

fn duration(t: &Task) -> u64 {
    u64::from(t.duration_days.unwrap_or(0))
}

/// The portfolio roadmap of these initiatives, in rank order.
pub(super) fn roadmap(
    name: &str,
    start: Option<Date>,
    capacity: u32,
    entries: &[Entry<'_>],
    shared: &[SharedItem],
) -> Roadmap {
    let served = served(entries, shared);
    let kinds: Vec<Vec<Option<PhaseKind>>> = entries.iter().map(|e| task_kinds(e.plan)).collect();
    let prefix = |e: &Entry<'_>| format!("m{}:", e.index + 1);
    let ns = |e: &Entry<'_>, id: &Id| Id(format!("{}{}", prefix(e), id));

    let mut plan = Plan {
        title: if name.trim().is_empty() {
            "Portfolio roadmap".to_string()
        } else {
            name.trim().to_string()
        },
        start_date: start.or_else(|| entries.iter().filter_map(|e| e.plan.start_date).min()),
        ..Plan::default()
    };
    let mut origin: Vec<TaskOrigin> = Vec::new();

    // Shared tasks: what they replace, and what they wait for.
    let mut replaced: Vec<Vec<(usize, usize)>> = vec![Vec::new(); shared.len()];
    for (e, tasks) in served.iter().enumerate() {
        for (t, s) in tasks.iter().enumerate() {
            if let Some(s) = s {
                replaced[*s].push((e, t));
            }
        }
    }
    // Within a plan, a dependency resolves to the first task with the id.
    let index: Vec<HashMap<&Id, usize>> = entries
        .iter()
        .map(|e| {
            let mut m = HashMap::new();
            for (i, t) in e.plan.tasks.iter().enumerate() {
                m.entry(&t.id).or_insert(i);
            }
            m
        })
        .collect();
    let dep_id = |e: usize, dep: &Id| -> Id {
        match index[e].get(dep).and_then(|&t| served[e][t]) {
            Some(s) => shared_id(s),
            None => ns(&entries[e], dep),
        }
    };

    if !shared.is_empty() {
        plan.phases.push(Phase {
            id: Id::from("shared"),
            kind: PhaseKind::Foundation,
            name: "Shared foundation".to_string(),
            goal: "Foundation work several initiatives need, done once for all of them."
                .to_string(),
            ..Phase::default()
        });
    }
    let mut shared_days = 0u64;
    for (s, item) in shared.iter().enumerate() {
        let id = shared_id(s);
        let tasks = &replaced[s];
        let task = if tasks.is_empty() {
            Task {
                id: id.clone(),
                title: format!("{} ready", item.name),
                phase: Some(Id::from("shared")),
                duration_days: Some(0),
                notes: format!(
                    "No foundation task mentions it; shared by {}.",
                    and_list(&item.unlocks)
                ),
                ..Task::default()
            }
        } else {
            let longest = tasks
                .iter()
                .copied()
                .max_by(|a, b| {
                    let (da, db) = (
                        duration(&entries[a.0].plan.tasks[a.1]),
                        duration(&entries[b.0].plan.tasks[b.1]),
                    );
                    // The first of equal lengths.
                    da.cmp(&db).then(b.cmp(a))
                })
                .unwrap_or(tasks[0]);
            let long = &entries[longest.0].plan.tasks[longest.1];
            let mut deps: Vec<Id> = Vec::new();
            for &(e, t) in tasks {
                for d in &entries[e].plan.tasks[t].depends_on {
                    let d = dep_id(e, d);
                    if d != id && !deps.contains(&d) {
                        deps.push(d);
                    }
                }
            }
            let list: Vec<String> = tasks
                .iter()
                .map(|&(e, t)| {
                    let title = &entries[e].plan.tasks[t].title;
                    format!(
                        "{} ({})",
                        quoted(title, "an untitled task"),
                        quoted(&entries[e].plan.title, "an untitled plan")
                    )
                })
                .collect();
            Task {
                id: id.clone(),
                title: match long.title.trim() {
                    "" => format!("Shared: {}", item.name),
                    t => format!("Shared: {t}"),
                },
                phase: Some(Id::from("shared")),
                owner: long.owner.as_ref().map(|o| ns(&entries[longest.0], o)),
                duration_days: Some(long.duration_days.unwrap_or(0)),
                depends_on: deps,
                notes: format!("Done once for {}; replaces {}.", item.name, and_list(&list)),
                ..Task::default()
            }
        };
        shared_days += duration(&task);
        plan.tasks.push(task);
        origin.push(TaskOrigin {
            task: id,
            member: None,
            shared: Some(s),
        });
    }

    let c = capacity.max(1) as usize;
    let waited_on = |e: usize| e + c < entries.len();
    let mut alone_days = 0u64;
    let mut own_days = 0u64;
    for (ei, e) in entries.iter().enumerate() {
        let title = match e.plan.title.trim() {
            "" => "Untitled initiative",
            t => t,
        };
        for s in &e.plan.stakeholders {
            plan.stakeholders.push(Stakeholder {
                id: ns(e, &s.id),
                ..s.clone()
            });
        }
        for ph in &e.plan.phases {
            plan.phases.push(Phase {
                id: ns(e, &ph.id),
                name: format!("{title}: {}", ph.name.trim()),
                owner: ph.owner.as_ref().map(|o| ns(e, o)),
                gate_approvers: ph.gate_approvers.iter().map(|a| ns(e, a)).collect(),
                ..ph.clone()
            });
        }
        let waits_for = ei
            .checked_sub(c)
            .map(|k| Id(format!("deployed-{}", entries[k].index + 1)));
        let mut deployment: Vec<Id> = Vec::new();
        // The shared items this initiative needs: its deployment waits for
        // them (on the deployment tasks that wait for no other deployment
        // task, which is enough for all of them).
        let needs: Vec<Id> = shared
            .iter()
            .enumerate()
            .filter(|(_, s)| s.unlocks.iter().any(|k| k == e.key))
            .map(|(i, _)| shared_id(i))
            .collect();
        let is_deployment = |t: usize| kinds[ei][t] == Some(PhaseKind::Deployment);
        for (ti, t) in e.plan.tasks.iter().enumerate() {
            let foundation = kinds[ei][ti] == Some(PhaseKind::Foundation);
            if foundation {
                alone_days += duration(t);
            }
            if served[ei][ti].is_some() {
                continue;
            }
            if foundation {
                own_days += duration(t);
            }
            let id = ns(e, &t.id);
            let mut deps: Vec<Id> = Vec::with_capacity(t.depends_on.len() + 1);
            for d in &t.depends_on {
                let d = dep_id(ei, d);
                if !deps.contains(&d) {
                    deps.push(d);
                }
            }
            if is_deployment(ti) {
                let root = !t
                    .depends_on
                    .iter()
                    .any(|d| index[ei].get(d).is_some_and(|&p| is_deployment(p)));
                if root {
                    for n in &needs {
                        if !deps.contains(n) {
                            deps.push(n.clone());
                        }
                    }
                }
                if let Some(w) = &waits_for {
                    deps.push(w.clone());
                }
                deployment.push(id.clone());
            }
            plan.tasks.push(Task {
                id: id.clone(),
                phase: t.phase.as_ref().map(|ph| ns(e, ph)),
                owner: t.owner.as_ref().map(|o| ns(e, o)),
                depends_on: deps,
                ..t.clone()
            });
            origin.push(TaskOrigin {
                task: id,
                member: Some(e.key.to_string()),
                shared: None,
            });
        }
        if waited_on(ei) {
            let id = Id(format!("deployed-{}", e.index + 1));
            deployment.extend(waits_for);
            let phase = e
                .plan
                .phases
                .iter()
                .find(|ph| ph.kind == PhaseKind::Deployment)
                .map(|ph| ns(e, &ph.id));
            plan.tasks.push(Task {
                id: id.clone(),
                title: format!("{title}: deployment work done"),
                phase,
                duration_days: Some(0),
                depends_on: deployment,
                notes: format!(
                    "{} waits for this: at most {} in deployment at once.",
                    quoted(&entries[ei + c].plan.title, "The next initiative"),
                    crate::text::counted(c, "initiative", "initiatives")
                ),
                ..Task::default()
            });
            origin.push(TaskOrigin {
                task: id,
                member: Some(e.key.to_string()),
                shared: None,
            });
        }
    }

    let mut result = schedule(&plan);
    if result.is_err() && !shared.is_empty() {
        for task in plan.tasks.iter_mut().take(shared.len()) {
            task.depends_on.clear();
        }
        result = schedule(&plan);
    }
    Roadmap {
        plan,
        schedule: result,
        origin,
        setup_days_alone: alone_days,
        setup_days_shared: own_days + shared_days,
    }
}
