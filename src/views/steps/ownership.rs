//! Step 3: sponsor and ownership, and how broad the coalition behind the
//! initiative is.

use leptos::prelude::*;
use planwright_core::model::Function;
use planwright_core::Choice;

use crate::components::findings::FieldFindings;
use crate::components::text_field::TextField;
use crate::panels::person_field::PersonField;
use crate::state::use_plan;

/// The functions a durable coalition spans.
const COALITION: [Function; 4] = [
    Function::Business,
    Function::Technology,
    Function::Operations,
    Function::Risk,
];

/// Sponsor, initiative owner, business owner, what they answer for, and which
/// functions the stakeholders cover.
#[component]
pub fn OwnershipStep() -> impl IntoView {
    let open = use_plan();
    // (function, how many stakeholders speak for it), in the order of the choice list.
    let represented = open.field(|p| {
        Function::ALL
            .iter()
            .map(|f| {
                (
                    *f,
                    p.stakeholders.iter().filter(|s| s.function == *f).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect::<Vec<_>>()
    });
    view! {
        <div class="pw-form">
            <section class="pw-group" aria-labelledby="own-people">
                <h3 id="own-people">"Who owns this"</h3>
                <div class="pw-grid">
                    <PersonField
                        label="Executive sponsor"
                        value=open.field(|p| p.ownership.sponsor.clone())
                        on_change=open.setter(|p, v| p.ownership.sponsor = v)
                        path="ownership.sponsor".to_string()
                        hint="Backs the initiative at the top and clears the way."
                        testid="ownership-sponsor"
                    />
                    <PersonField
                        label="Initiative owner"
                        value=open.field(|p| p.ownership.initiative_owner.clone())
                        on_change=open.setter(|p, v| p.ownership.initiative_owner = v)
                        path="ownership.initiative_owner".to_string()
                        hint="Answers for the business results, not only for shipping."
                        testid="ownership-initiative-owner"
                    />
                    <PersonField
                        label="Business owner"
                        value=open.field(|p| p.ownership.business_owner.clone())
                        on_change=open.setter(|p, v| p.ownership.business_owner = v)
                        path="ownership.business_owner".to_string()
                        hint="Keeps improving the workflow after launch."
                        testid="ownership-business-owner"
                    />
                </div>
                <TextField
                    label="What they are accountable for"
                    value=open.field(|p| p.ownership.accountability.clone())
                    on_input=open.setter(|p, v| p.ownership.accountability = v)
                    path="ownership.accountability".to_string()
                    multiline=true
                    hint="In plain words: which results each owner answers for, and to whom."
                    placeholder="The initiative owner answers to the executive team for the three outcome targets…"
                />
            </section>
            <section class="pw-group" aria-labelledby="own-coalition">
                <h3 id="own-coalition">"A coalition, not a lone champion"</h3>
                <p class="pw-note">
                    "An initiative carried by one champion stalls when that person moves on. "
                    "Backing from technology, operations, risk and the business unit together is what lasts."
                </p>
                <FieldFindings path="ownership".to_string() id="own-coalition-findings"/>
                <div class="pw-coverage" aria-live="polite" data-testid="function-coverage">
                    {move || coverage(represented.get())}
                </div>
            </section>
        </div>
    }
}

/// Which functions the stakeholders speak for, and which of the coalition's
/// four are missing.
fn coverage(represented: Vec<(Function, usize)>) -> AnyView {
    if represented.is_empty() {
        return view! {
            <p class="pw-coverage__line">
                "No stakeholders yet. Add them in the next step, or with 'Add someone new…' above, "
                "and give each a function to see who is represented."
            </p>
        }
        .into_any();
    }
    let missing: Vec<Function> = COALITION
        .iter()
        .copied()
        .filter(|f| !represented.iter().any(|(r, _)| r == f))
        .collect();
    let present = represented
        .into_iter()
        .map(|(f, n)| {
            let text = if n == 1 {
                f.label().to_string()
            } else {
                format!("{} ({n})", f.label())
            };
            view! { <li class="pw-chip pw-chip--ok">{text}</li> }
        })
        .collect_view();
    let missing_view = if missing.is_empty() {
        view! {
            <p class="pw-coverage__line">
                "Technology, operations, risk and the business unit are all represented."
            </p>
        }
        .into_any()
    } else {
        let chips = missing
            .into_iter()
            .map(|f| view! { <li class="pw-chip pw-chip--missing">{f.label()}</li> })
            .collect_view();
        view! {
            <div class="pw-coverage__line">
                <span class="pw-coverage__label">"Missing: "</span>
                <ul class="pw-chips">{chips}</ul>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="pw-coverage__line">
            <span class="pw-coverage__label">"Functions represented: "</span>
            <ul class="pw-chips">{present}</ul>
        </div>
        {missing_view}
    }
    .into_any()
}
