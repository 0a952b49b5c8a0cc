//! Step 10: approvals and hand-offs, treated as real work.

use leptos::prelude::*;
use planwright_core::model::Handoff;

use crate::components::number_field::NumberField;
use crate::components::text_field::TextField;
use crate::panels::list_editor::{Lens, ListEditor, ListSpec, Row};
use crate::panels::person_field::PersonField;

/// The approvals and hand-offs along the way.
#[component]
pub fn HandoffsStep() -> impl IntoView {
    let spec = ListSpec::fresh("hand-off", |h: &Handoff| h.name.clone(), "handoff");
    view! {
        <ListEditor
            lens=Lens::field("handoffs", |p| &p.handoffs, |p| &mut p.handoffs)
            spec=spec
            title="Approvals and hand-offs"
            intro="Each point where work passes from one person or team to another, or waits for someone's yes: from pilot team to operations, from the AI's draft to a reviewer, from a request to a sign-off."
            empty="No hand-offs yet. Add the first place where work waits for someone else."
            testid="handoffs"
            row=handoff_row
        />
    }
}

fn handoff_row(row: Row<Handoff>) -> AnyView {
    view! {
        <div class="pw-grid">
            <TextField
                label="Hand-off or approval"
                value=row.get(|h| h.name.clone())
                on_input=row.set(|h, v| h.name = v)
                path=row.path("name")
                placeholder="Refund above the agent's limit"
            />
            <TextField
                label="Where it shows up"
                value=row.get(|h| h.channel.clone())
                on_input=row.set(|h, v| h.channel = v)
                path=row.path("channel")
                placeholder="A queue, a tool, an inbox"
            />
            <NumberField
                label="Expected turnaround"
                value=row.get(|h| h.turnaround_days)
                on_change=row.set(|h, v| h.turnaround_days = v)
                path=row.path("turnaround_days")
                unit="days".to_string()
                expect="a whole number of days"
            />
        </div>
        <h4 class="pw-subhead">"Who"</h4>
        <div class="pw-grid">
            <PersonField label="Handed over by" value=row.get(|h| h.from.clone()) on_change=row.set(|h, v| h.from = v) path=row.path("from")/>
            <PersonField label="Received by" value=row.get(|h| h.to.clone()) on_change=row.set(|h, v| h.to = v) path=row.path("to")/>
            <PersonField
                label="Approved by"
                value=row.get(|h| h.approver.clone())
                on_change=row.set(|h, v| h.approver = v)
                path=row.path("approver")
            />
        </div>
        <h4 class="pw-subhead">"Context and follow-up"</h4>
        <TextField
            label="Context that travels with it"
            value=row.get(|h| h.context.clone())
            on_input=row.set(|h, v| h.context = v)
            path=row.path("context")
            multiline=true
            hint="What the receiver needs so they do not have to ask."
        />
        <TextField
            label="When it sits too long"
            value=row.get(|h| h.escalation.clone())
            on_input=row.set(|h, v| h.escalation = v)
            path=row.path("escalation")
            multiline=true
            hint="Who follows up, after how long, and who it goes to next."
        />
    }
    .into_any()
}
