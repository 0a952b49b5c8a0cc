//! Step 4: stakeholders, and the decisions they prepare, review, approve or
//! block.

use std::sync::Arc;

use leptos::prelude::*;
use planwright_core::model::{
    stakeholder_refs, Decision, DecisionRole, RoleAssignment, Stakeholder,
};
use planwright_core::{Choice, Plan};

use crate::components::check_field::CheckField;
use crate::components::choice_field::ChoiceField;
use crate::components::findings::FieldFindings;
use crate::components::text_field::TextField;
use crate::components::{dom_id, focus_soon};
use crate::panels::list_editor::{Lens, ListEditor, ListSpec, Row};
use crate::panels::person_field::PersonField;
use crate::state::{use_notices, use_plan};

/// The stakeholders and the decisions.
#[component]
pub fn StakeholdersStep() -> impl IntoView {
    let people = ListSpec::fresh(
        "stakeholder",
        |s: &Stakeholder| s.name.clone(),
        "stakeholder",
    );
    let decisions = ListSpec::fresh("decision", |d: &Decision| d.title.clone(), "decision");
    view! {
        <ListEditor
            lens=Lens::field("stakeholders", |p| &p.stakeholders, |p| &mut p.stakeholders)
            spec=people
            title="Stakeholders"
            intro="Everyone who prepares the work, reviews it, can say yes or no, or whose daily work changes. Count external partners too."
            empty="No stakeholders yet. Start with the sponsor, the owners and the team whose work changes."
            testid="stakeholders"
            row=stakeholder_row
        />
        <ListEditor
            lens=Lens::field("decisions", |p| &p.decisions, |p| &mut p.decisions)
            spec=decisions
            title="Decisions"
            intro="The decisions the initiative depends on, such as approving the pilot or going live. For each, say who prepares, who reviews, who can block, and the one person who approves."
            empty="No decisions yet. Add the first decision that could hold the initiative up."
            testid="decisions"
            row=decision_row
        />
    }
}

fn stakeholder_row(row: Row<Stakeholder>) -> AnyView {
    let open = use_plan();
    let id = row.id();
    // Where this person is named, as (readable place, plan path).
    let used = Memo::new(move |_| {
        open.plan.with(|p| {
            stakeholder_refs(p)
                .into_iter()
                .filter(|(_, r)| **r == id)
                .map(|(path, _)| (describe(p, &path), path))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="pw-grid">
            <TextField label="Name" value=row.get(|s| s.name.clone()) on_input=row.set(|s, v| s.name = v) path=row.path("name")/>
            <TextField
                label="Role or title"
                value=row.get(|s| s.role.clone())
                on_input=row.set(|s, v| s.role = v)
                path=row.path("role")
            />
            <ChoiceField
                label="Function they speak for"
                value=row.get(|s| Some(s.function))
                on_change=row.set(|s, v: Option<_>| if let Some(v) = v { s.function = v })
                path=row.path("function")
            />
        </div>
        <CheckField
            label="Their daily work changes"
            value=row.get(|s| s.affected)
            on_change=row.set(|s, v| s.affected = v)
            path=row.path("affected")
        />
        <TextField
            label="Notes"
            value=row.get(|s| s.notes.clone())
            on_input=row.set(|s, v| s.notes = v)
            path=row.path("notes")
            multiline=true
            placeholder="What they care about, what they worry about, how to reach them"
        />
        <div class="pw-usage" data-testid="stakeholder-usage">{move || usage(used.get())}</div>
    }
    .into_any()
}

/// Where a stakeholder is named, so removing them is never a surprise.
fn usage(places: Vec<(String, String)>) -> AnyView {
    match places.len() {
        0 => view! { <p class="pw-usage__none">"Not named anywhere else in the plan yet."</p> }
            .into_any(),
        n => {
            let summary = if n == 1 {
                "Named in 1 place in the plan".to_string()
            } else {
                format!("Named in {n} places in the plan")
            };
            let items = places
                .into_iter()
                .map(|(text, path)| {
                    view! {
                        <li>
                            {text} " " <code class="pw-finding__path">{path}</code>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="pw-usage__details">
                    <summary>{summary}</summary>
                    <p class="pw-usage__note">
                        "If you remove this person, pick someone else in each of these places."
                    </p>
                    <ul class="pw-usage__list">{items}</ul>
                </details>
            }
            .into_any()
        }
    }
}

/// Splits `list[i].rest` into the index and what follows the dot.
fn item<'a>(path: &'a str, list: &str) -> Option<(usize, &'a str)> {
    let rest = path.strip_prefix(list)?.strip_prefix('[')?;
    let (number, rest) = rest.split_once(']')?;
    Some((number.parse().ok()?, rest.strip_prefix('.').unwrap_or(rest)))
}

/// An item's name in quotes, shortened, or its noun and number when unnamed.
fn called(name: Option<&str>, noun: &str, index: usize) -> String {
    let name = name.map(str::trim).unwrap_or_default();
    if name.is_empty() {
        return format!("{noun} {}", index + 1);
    }
    let mut short: String = name.chars().take(50).collect();
    if name.chars().count() > 50 {
        short.push('…');
    }
    format!("{noun} '{short}'")
}

/// A plan path of a stakeholder reference in words, such as "Owns metric
/// 'Handling time'". Unknown paths are returned as they are.
fn describe(plan: &Plan, path: &str) -> String {
    match path {
        "ownership.sponsor" => return "Executive sponsor".to_string(),
        "ownership.initiative_owner" => return "Initiative owner".to_string(),
        "ownership.business_owner" => return "Business owner".to_string(),
        "feedback.support.owner" => return "Owns the support path".to_string(),
        _ => {}
    }
    if let Some((i, _)) = item(path, "metrics") {
        return format!(
            "Owns {}",
            called(plan.metrics.get(i).map(|m| m.name.as_str()), "metric", i)
        );
    }
    if let Some((i, rest)) = item(path, "decisions") {
        let decision = plan.decisions.get(i);
        let what = called(decision.map(|d| d.title.as_str()), "decision", i);
        let role = item(rest, "roles")
            .and_then(|(j, _)| decision?.roles.get(j))
            .map(|r| r.role.label());
        return match role {
            Some(role) => format!("{role}: {what}"),
            None => format!("Has a part in {what}"),
        };
    }
    if let Some((i, _)) = item(path, "workflow") {
        return format!(
            "Owns {}",
            called(
                plan.workflow.get(i).map(|s| s.name.as_str()),
                "workflow step",
                i
            )
        );
    }
    if let Some((i, _)) = item(path, "data_sources") {
        return format!(
            "Owns {}",
            called(
                plan.data_sources.get(i).map(|s| s.name.as_str()),
                "data source",
                i
            )
        );
    }
    if let Some((i, _)) = item(path, "systems") {
        return format!(
            "Owns {}",
            called(plan.systems.get(i).map(|s| s.name.as_str()), "system", i)
        );
    }
    if let Some((i, _)) = item(path, "controls") {
        return format!(
            "Owns {}",
            called(plan.controls.get(i).map(|c| c.name.as_str()), "control", i)
        );
    }
    if let Some((i, rest)) = item(path, "phases") {
        let what = called(plan.phases.get(i).map(|p| p.name.as_str()), "phase", i);
        return if rest.starts_with("gate_approvers") {
            format!("Approves the gate out of {what}")
        } else {
            format!("Owns {what}")
        };
    }
    if let Some((i, rest)) = item(path, "deliverables") {
        let what = called(
            plan.deliverables.get(i).map(|d| d.name.as_str()),
            "deliverable",
            i,
        );
        return if rest == "approver" {
            format!("Approves {what}")
        } else {
            format!("Owns {what}")
        };
    }
    if let Some((i, _)) = item(path, "tasks") {
        return format!(
            "Owns {}",
            called(plan.tasks.get(i).map(|t| t.title.as_str()), "task", i)
        );
    }
    if let Some((i, rest)) = item(path, "handoffs") {
        let what = called(plan.handoffs.get(i).map(|h| h.name.as_str()), "hand-off", i);
        return match rest {
            "from" => format!("Hands over in {what}"),
            "to" => format!("Receives {what}"),
            _ => format!("Approves {what}"),
        };
    }
    if let Some((i, _)) = item(path, "change.training") {
        let audience = plan.change.training.get(i).map(|t| t.audience.as_str());
        return format!("Owns {}", called(audience, "training for", i));
    }
    if let Some((i, _)) = item(path, "change.communications") {
        let audience = plan
            .change
            .communications
            .get(i)
            .map(|c| c.audience.as_str());
        return format!("Owns {}", called(audience, "the message to", i));
    }
    if let Some((i, _)) = item(path, "change.milestones") {
        let name = plan.change.milestones.get(i).map(|m| m.name.as_str());
        return format!("Owns {}", called(name, "adoption milestone", i));
    }
    if let Some((i, _)) = item(path, "feedback.loops") {
        let signal = plan.feedback.loops.get(i).map(|l| l.signal.as_str());
        return format!("Watches {}", called(signal, "feedback signal", i));
    }
    path.to_string()
}

fn decision_row(row: Row<Decision>) -> AnyView {
    view! {
        <TextField
            label="What is decided"
            value=row.get(|d| d.title.clone())
            on_input=row.set(|d, v| d.title = v)
            path=row.path("title")
            placeholder="Approve the pilot to go live with customers"
        />
        <RolesEditor row=row/>
        <TextField
            label="When people disagree"
            value=row.get(|d| d.on_disagreement.clone())
            on_input=row.set(|d, v| d.on_disagreement = v)
            path=row.path("on_disagreement")
            multiline=true
            hint="Who breaks a tie, and how fast."
        />
    }
    .into_any()
}

/// The people in one decision and the part each plays. Roles have no ids,
/// so rows are kept by position.
#[component]
fn RolesEditor(
    /// The decision being edited.
    row: Row<Decision>,
) -> impl IntoView {
    let open = use_plan();
    let notices = use_notices();
    let group = dom_id("roles");
    let legend_id = format!("{group}-legend");
    let findings_id = format!("{group}-findings");
    let add_id = format!("{group}-add");
    let described = findings_id.clone();
    let ids = StoredValue::new((group, add_id.clone()));
    let count = row.get(|d| d.roles.len());
    let title = row.get(|d| d.title.trim().to_string());
    let roles_path = row.path("roles");

    let remove = move |j: usize| {
        let mut removed = None;
        row.update(|d| {
            if j < d.roles.len() {
                removed = Some(d.roles.remove(j));
            }
        });
        let Some(role) = removed else { return };
        // The undo may outlive this row, so it finds the decision by id
        // through the open plan rather than through the row handle.
        let decision_id = row.id();
        let restore = move || {
            let role = role.clone();
            open.edit(|p| {
                if let Some(d) = p.decisions.iter_mut().find(|d| d.id == decision_id) {
                    d.roles.insert(j.min(d.roles.len()), role);
                }
            });
        };
        let decision = match title.get_untracked() {
            t if t.is_empty() => "this decision".to_string(),
            t => format!("'{t}'"),
        };
        notices.offer_undo(
            format!("Removed a part from {decision}."),
            Arc::new(restore),
        );
        // Keep the keyboard nearby: on the row that moved up, or on "Add a role".
        let target = ids.with_value(|(group, add)| {
            if j < count.get_untracked() {
                format!("#{group}-{j} select")
            } else {
                format!("#{add}")
            }
        });
        focus_soon(target);
    };
    let add = move |_| {
        // Until someone approves, the next person added is most likely the approver.
        row.update(|d| {
            let role = if d.roles.iter().any(|r| r.role == DecisionRole::Approves) {
                DecisionRole::Prepares
            } else {
                DecisionRole::Approves
            };
            d.roles.push(RoleAssignment {
                stakeholder: None,
                role,
            });
        });
        let j = count.get_untracked().saturating_sub(1);
        focus_soon(ids.with_value(|(group, _)| format!("#{group}-{j} select")));
    };

    view! {
        <fieldset class="pw-fieldset pw-roles" aria-describedby=described data-testid="decision-roles">
            <legend id=legend_id>"Who plays which part"</legend>
            <p class="pw-field__hint">
                "Exactly one person approves and is accountable. Add who prepares, reviews, can block or must be told."
            </p>
            <Show when=move || count.get() == 0>
                <p class="pw-list__empty">"No one has a part yet. Start with the person who approves."</p>
            </Show>
            <ol class="pw-roles__items">
                <For
                    each=move || 0..count.get()
                    key=|j| *j
                    children=move |j| {
                        let who_path = Signal::derive(move || sub_path(&roles_path.get(), j, "stakeholder"));
                        let role_path = Signal::derive(move || sub_path(&roles_path.get(), j, "role"));
                        let row_id = ids.with_value(|(group, _)| format!("{group}-{j}"));
                        view! {
                            <li class="pw-roles__item" id=row_id>
                            <div class="pw-roles__row" role="group" aria-label=format!("Part {}", j + 1)>
                                <PersonField
                                    label="Who"
                                    value=row.get(move |d| d.roles.get(j).and_then(|r| r.stakeholder.clone()))
                                    on_change=row.set(move |d, v| {
                                        if let Some(r) = d.roles.get_mut(j) {
                                            r.stakeholder = v;
                                        }
                                    })
                                    path=who_path
                                />
                                <ChoiceField
                                    label="Part they play"
                                    value=row.get(move |d| d.roles.get(j).map(|r| r.role))
                                    on_change=row.set(move |d, v: Option<_>| {
                                        if let (Some(r), Some(v)) = (d.roles.get_mut(j), v) {
                                            r.role = v;
                                        }
                                    })
                                    path=role_path
                                />
                                <button
                                    type="button"
                                    class="pw-button pw-button--quiet pw-button--danger pw-roles__remove"
                                    aria-label=format!("Remove part {}", j + 1)
                                    on:click=move |_| remove(j)
                                >
                                    "Remove"
                                </button>
                            </div>
                            </li>
                        }
                    }
                />
            </ol>
            <FieldFindings path=roles_path id=findings_id/>
            <button type="button" id=add_id class="pw-button" on:click=add data-testid="add-role">
                "Add a role"
            </button>
        </fieldset>
    }
}

/// The path of a field of role `j`, or nothing while the decision is gone.
fn sub_path(roles: &str, j: usize, field: &str) -> String {
    if roles.is_empty() {
        String::new()
    } else {
        format!("{roles}[{j}].{field}")
    }
}
