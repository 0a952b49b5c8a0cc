//! The whole plan as one read-only document: every step's content, one after
//! another, with values as text. Used for reading a shared plan and for
//! printing.

use leptos::prelude::*;
use planwright_core::model::Section;

use crate::components::read_only::ReadOnly;
use crate::views::steps::{why, StepContent};

/// Every section of the open plan, read-only.
#[component]
pub fn Document() -> impl IntoView {
    provide_context(ReadOnly(true));
    view! {
        <article class="pw-document pw-readonly" data-testid="document">
            <p class="pw-step__count">"The plan"</p>
            {Section::ALL
                .iter()
                .map(|s| {
                    let s = *s;
                    view! {
                        <section class="pw-document__section" aria-labelledby=format!("doc-{}", s.key())>
                            <h2 id=format!("doc-{}", s.key())>{format!("{}. {}", s.number(), s.title())}</h2>
                            <p class="pw-step__why">{why(s)}</p>
                            <StepContent section=s/>
                        </section>
                    }
                })
                .collect_view()}
        </article>
    }
}
