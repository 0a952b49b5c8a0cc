//! The list of steps with each one's completion, and the plan's progress.

use leptos::prelude::*;
use planwright_core::model::Section;

use crate::components::focus_soon;
use crate::panels::list_editor::StepLists;
use crate::panels::shell::new_tab;
use crate::state::route::hash_of;
use crate::state::{use_plan, use_router, View};

/// Navigation between the steps of the open plan.
#[component]
pub fn StepNav() -> impl IntoView {
    let open = use_plan();
    let router = use_router();
    let percent = move || open.progress.with(|p| p.percent);
    view! {
        <div class="pw-stepnav">
            <div class="pw-progress">
                <p class="pw-progress__label" id="plan-progress-label">
                    {move || format!("Plan {}% complete", percent())}
                </p>
                <div
                    class="pw-progress__bar"
                    role="progressbar"
                    aria-labelledby="plan-progress-label"
                    aria-valuemin="0"
                    aria-valuemax="100"
                    aria-valuenow=move || percent().to_string()
                    data-testid="plan-progress"
                >
                    <div class="pw-progress__fill" style=move || format!("width: {}%", percent())></div>
                </div>
            </div>
            <ol class="pw-stepnav__list">
                {Section::ALL
                    .iter()
                    .map(|s| {
                        let s = *s;
                        let counts = move || {
                            open.progress.with(|p| {
                                p.sections.iter().find(|x| x.section == s).map_or((0, 0), |x| (x.done(), x.items.len()))
                            })
                        };
                        let current = move || open.view.get() == View::Step(s);
                        let complete = move || {
                            let (d, t) = counts();
                            d == t
                        };
                        view! {
                            <li class="pw-stepnav__item" class:pw-stepnav__item--done=complete>
                                <a
                                    href=move || hash_of(open.open_id.get().as_deref(), View::Step(s))
                                    class="pw-stepnav__link"
                                    class:pw-stepnav__link--current=current
                                    aria-current=move || current().then_some("step")
                                    data-testid=format!("nav-{}", s.key())
                                    on:click=move |e| {
                                        if !new_tab(&e) {
                                            e.prevent_default();
                                            router.go(View::Step(s));
                                        }
                                    }
                                >
                                    <span class="pw-stepnav__number" aria-hidden="true">{s.number()}</span>
                                    <span class="pw-stepnav__title">{s.title()}</span>
                                    <span class="pw-stepnav__done">
                                        {move || {
                                            let (d, t) = counts();
                                            format!("{d} of {t}")
                                        }}
                                        <span class="pw-visually-hidden">" done"</span>
                                    </span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <StepJumps/>
        </div>
    }
}

/// Links to each "Add" button of the step on screen, so the keyboard gets
/// there without walking through every field before it (Shift+Tab from the
/// step's heading lands on the last of them).
#[component]
fn StepJumps() -> impl IntoView {
    let lists = use_context::<StepLists>();
    let jumps = move || lists.map(|StepLists(l)| l.get()).unwrap_or_default();
    view! {
        <Show when=move || !jumps().is_empty()>
            <div class="pw-stepjumps">
                <p class="pw-stepjumps__title" id="step-jumps-title">"On this step"</p>
                <ul class="pw-stepjumps__list" aria-labelledby="step-jumps-title" data-testid="step-jumps">
                    {move || {
                        jumps()
                            .into_iter()
                            .map(|j| {
                                let target = format!("#{}", j.add_id);
                                view! {
                                    <li>
                                        <a
                                            href=target.clone()
                                            class="pw-stepjumps__link"
                                            on:click=move |e| {
                                                e.prevent_default();
                                                focus_soon(target.clone());
                                            }
                                        >
                                            {format!("Add {}", j.noun)}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
