//! Picks the tasks a task depends on, refusing any pick that would close a
//! loop and naming the loop it would close.

use leptos::prelude::*;
use planwright_core::analysis::schedule::dependency_cycle;
use planwright_core::{Id, Plan};

use crate::components::read_only::{read_only, read_value};
use crate::components::{dom_id, focus_soon};
use crate::state::use_plan;

fn title_of(plan: &Plan, id: &Id) -> String {
    match plan.tasks.iter().find(|t| &t.id == id) {
        Some(t) if !t.title.trim().is_empty() => t.title.clone(),
        Some(t) => format!("Untitled task ({})", t.id),
        None => format!("unknown task '{id}'"),
    }
}

/// "'A' would wait for 'B', which waits for 'A'": the loop a new
/// dependency would close, given the chain from the new dependency back to
/// the task.
pub fn loop_sentence(plan: &Plan, task: &Id, chain: &[Id]) -> String {
    let mut text = format!("'{}' would wait for", title_of(plan, task));
    for (i, id) in chain.iter().enumerate() {
        if i > 0 {
            text.push_str(", which waits for");
        }
        text.push_str(&format!(" '{}'", title_of(plan, id)));
    }
    text
}

/// The dependencies of one task, with add and remove.
#[component]
pub fn DependencyPicker(
    /// The task whose dependencies are edited.
    #[prop(into)]
    task: Signal<Id>,
    /// Its current dependencies.
    #[prop(into)]
    value: Signal<Vec<Id>>,
    /// Called with the new list.
    #[prop(into)]
    on_change: Callback<Vec<Id>>,
) -> impl IntoView {
    let open = use_plan();
    if read_only() {
        let text = Signal::derive(move || {
            let deps = value.get();
            open.plan.with(|p| {
                deps.iter()
                    .map(|d| title_of(p, d))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        });
        return read_value("Depends on".to_string(), text);
    }
    let expanded = RwSignal::new(false);
    let choice = RwSignal::new(String::new());
    let refusal = RwSignal::new(None::<String>);
    let select_id = dom_id("dep");
    let open_button_id = dom_id("dep-open");
    let message_id = format!("{select_id}-message");

    // A memo, so a keystroke elsewhere in the plan does not rebuild the
    // chips of every visible task: they change only when a dependency or
    // its title does.
    let chips = Memo::new(move |_| {
        let deps = value.get();
        open.plan.with(|p| {
            deps.into_iter()
                .map(|d| (title_of(p, &d), d))
                .collect::<Vec<_>>()
        })
    });
    // Other tasks not yet picked, grouped by phase name, in plan order.
    let options = move || {
        let me = task.get();
        let taken = value.get();
        open.plan.with(|p| {
            let mut groups: Vec<(String, Vec<(Id, String)>)> = Vec::new();
            for t in p
                .tasks
                .iter()
                .filter(|t| t.id != me && !taken.contains(&t.id))
            {
                let phase = t
                    .phase
                    .as_ref()
                    .and_then(|ph| p.phases.iter().find(|x| &x.id == ph))
                    .map_or_else(|| "No phase".to_string(), |ph| ph.name.clone());
                let title = title_of(p, &t.id);
                match groups.iter_mut().find(|(g, _)| *g == phase) {
                    Some((_, list)) => list.push((t.id.clone(), title)),
                    None => groups.push((phase, vec![(t.id.clone(), title)])),
                }
            }
            groups
        })
    };
    let remove = move |dep: Id| {
        let mut next = value.get_untracked();
        next.retain(|d| *d != dep);
        on_change.run(next);
    };
    let add = {
        let select_id = select_id.clone();
        move || {
            let picked = choice.get_untracked();
            if picked.is_empty() {
                refusal.set(Some("Pick a task first.".to_string()));
                return;
            }
            let dep = Id(picked);
            let me = task.get_untracked();
            let cycle = open.plan.with_untracked(|p| {
                dependency_cycle(p, &me, &dep).map(|chain| loop_sentence(p, &me, &chain))
            });
            match cycle {
                Some(loop_text) => refusal.set(Some(format!(
                    "Not added: {loop_text}, a loop in which no task could ever start. Pick another task, or first remove one of the dependencies in that loop."
                ))),
                None => {
                    let mut next = value.get_untracked();
                    next.push(dep);
                    on_change.run(next);
                    refusal.set(None);
                    choice.set(String::new());
                    focus_soon(format!("#{select_id}"));
                }
            }
        }
    };
    let close = {
        let open_button_id = open_button_id.clone();
        move || {
            expanded.set(false);
            refusal.set(None);
            focus_soon(format!("#{open_button_id}"));
        }
    };
    let add_click = add.clone();
    let close_click = close.clone();

    view! {
        <div class="pw-deps" data-testid="dependencies">
            <p class="pw-field__label">"Depends on"</p>
            <ul class="pw-chips" aria-label="Dependencies">
                {move || {
                    let list = chips.get();
                    if list.is_empty() {
                        view! { <li class="pw-chips__none">"Nothing: it can start at the beginning of the plan."</li> }.into_any()
                    } else {
                        list.into_iter()
                            .map(|(title, id)| {
                                let label = format!("Remove the dependency on {title}");
                                view! {
                                    <li class="pw-chip" data-testid="dependency">
                                        <span>{title}</span>
                                        <button
                                            type="button"
                                            class="pw-chip__remove"
                                            aria-label=label
                                            on:click=move |_| remove(id.clone())
                                        >
                                            "×"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }
                }}
            </ul>
            <Show
                when=move || expanded.get()
                fallback={
                    let open_button_id = open_button_id.clone();
                    let select_id = select_id.clone();
                    move || {
                        let select_id = select_id.clone();
                        view! {
                            <button
                                type="button"
                                class="pw-button"
                                id=open_button_id.clone()
                                data-testid="add-dependency"
                                on:click=move |_| {
                                    expanded.set(true);
                                    focus_soon(format!("#{select_id}"));
                                }
                            >
                                "Add a dependency"
                            </button>
                        }
                    }
                }
            >
                <div class="pw-deps__picker" role="group" aria-label="Add a dependency">
                    <label class="pw-field__label" for=select_id.clone()>"Task that must finish first"</label>
                    <select
                        id=select_id.clone()
                        class="pw-input pw-select"
                        aria-describedby=message_id.clone()
                        data-testid="dependency-select"
                        prop:value=move || choice.get()
                        on:change=move |ev| {
                            choice.set(event_target_value(&ev));
                            refusal.set(None);
                        }
                    >
                        <option value="">"Choose a task…"</option>
                        {move || {
                            options()
                                .into_iter()
                                .map(|(group, tasks)| {
                                    view! {
                                        <optgroup label=group>
                                            {tasks
                                                .into_iter()
                                                .map(|(id, title)| view! { <option value=id.0>{title}</option> })
                                                .collect_view()}
                                        </optgroup>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                    <button type="button" class="pw-button" data-testid="confirm-dependency" on:click={
                        let add = add_click.clone();
                        move |_| add()
                    }>
                        "Add"
                    </button>
                    <button type="button" class="pw-button pw-button--quiet" on:click={
                        let close = close_click.clone();
                        move |_| close()
                    }>
                        "Done"
                    </button>
                    <p class="pw-field__error" id=message_id.clone() role="alert" data-testid="dependency-refused">
                        {move || refusal.get()}
                    </p>
                </div>
            </Show>
        </div>
    }
    .into_any()
}
