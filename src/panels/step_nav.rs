//! The list of steps with each one's completion, and the plan's progress.

use leptos::prelude::*;
use planwright_core::model::Section;

use crate::components::focus_soon;
use crate::state::{use_plan, View};

/// Navigation between the steps of the open plan.
#[component]
pub fn StepNav() -> impl IntoView {
    let open = use_plan();
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
                                <button
                                    type="button"
                                    class="pw-stepnav__link"
                                    class:pw-stepnav__link--current=current
                                    aria-current=move || current().then_some("step")
                                    data-testid=format!("nav-{}", s.key())
                                    on:click=move |_| {
                                        open.view.set(View::Step(s));
                                        focus_soon("#main".to_string());
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
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </div>
    }
}
