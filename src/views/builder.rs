//! The frame of one builder step: its title, why it matters, its findings,
//! its content and the way to the previous and next steps.

use leptos::prelude::*;
use planwright_core::model::Section;

use crate::components::findings::SectionFindings;
use crate::state::{use_router, View};
use crate::views::steps::{why, StepContent};

/// One step of the guided template.
#[component]
pub fn StepPage(
    /// The section this step edits.
    section: Section,
) -> impl IntoView {
    let router = use_router();
    let number = section.number();
    let prev = Section::from_number(number.wrapping_sub(1));
    let next = Section::from_number(number + 1);
    let go = move |to: View| router.go(to);
    let heading = format!("{number}. {}", section.title());
    view! {
        <article class="pw-step" data-testid=format!("step-{}", section.key())>
            <header class="pw-step__header">
                <p class="pw-step__count">{format!("Step {number} of 12")}</p>
                <h2 class="pw-step__title">{heading}</h2>
                <p class="pw-step__why">{why(section)}</p>
            </header>
            <SectionFindings section=section/>
            <StepContent section=section/>
            <nav class="pw-step__nav" aria-label="Step navigation">
                {prev.map(|p| {
                    let text = format!("Previous: {}", p.title());
                    view! {
                        <button type="button" class="pw-button" data-testid="step-prev" on:click=move |_| go(View::Step(p))>
                            {text}
                        </button>
                    }
                })}
                {match next {
                    Some(n) => {
                        let text = format!("Next: {}", n.title());
                        view! {
                            <button type="button" class="pw-button pw-button--primary" data-testid="step-next" on:click=move |_| go(View::Step(n))>
                                {text}
                            </button>
                        }
                        .into_any()
                    }
                    None => view! {
                        <button type="button" class="pw-button pw-button--primary" data-testid="step-next" on:click=move |_| go(View::Dashboard)>
                            "See the results"
                        </button>
                    }
                    .into_any(),
                }}
            </nav>
        </article>
    }
}
