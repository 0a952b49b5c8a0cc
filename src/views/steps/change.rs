//! Step 11: change management and adoption.

use leptos::prelude::*;
use planwright_core::model::{AdoptionMilestone, Communication, Training};

use crate::components::choice_field::ChoiceField;
use crate::components::date_field::DateField;
use crate::components::text_field::TextField;
use crate::panels::list_editor::{Lens, ListEditor, ListSpec, Row};
use crate::panels::person_field::PersonField;
use crate::state::use_plan;

/// Training, communication, adoption milestones, and how leaders and users
/// come along.
#[component]
pub fn ChangeStep() -> impl IntoView {
    let open = use_plan();
    let training = ListSpec::fresh("training", |t: &Training| t.audience.clone(), "training");
    let communications =
        ListSpec::fresh("message", |c: &Communication| c.audience.clone(), "comms");
    let milestones = ListSpec::fresh(
        "milestone",
        |m: &AdoptionMilestone| m.name.clone(),
        "milestone",
    );
    view! {
        <ListEditor
            lens=Lens::field("change.training", |p| &p.change.training, |p| &mut p.change.training)
            spec=training
            title="Training"
            intro="Who needs to learn what before they work with the AI. Training is part of the launch, not an extra."
            empty="No training yet. Add the people whose daily work changes first."
            testid="training"
            row=training_row
        />
        <ListEditor
            lens=Lens::field("change.communications", |p| &p.change.communications, |p| &mut p.change.communications)
            spec=communications
            title="Communication"
            intro="What each audience hears about the purpose of the change and its limits: what the AI will and will not do, and what stays with people."
            empty="No messages yet. Add what the affected teams will be told, and when."
            testid="communications"
            row=communication_row
        />
        <ListEditor
            lens=Lens::field("change.milestones", |p| &p.change.milestones, |p| &mut p.change.milestones)
            spec=milestones
            title="Adoption milestones"
            intro="Adoption is an outcome with an owner. Set milestones you can measure, such as share of the team using it each week, with a date and someone accountable."
            empty="No milestones yet. Add the first adoption level you expect to reach, and by when."
            testid="milestones"
            row=milestone_row
        />
        <section class="pw-group" aria-labelledby="change-leaders">
            <h3 id="change-leaders">"Leaders and AI literacy"</h3>
            <TextField
                label="How leaders will use it visibly"
                value=open.field(|p| p.change.leadership.clone())
                on_input=open.setter(|p, v| p.change.leadership = v)
                path="change.leadership".to_string()
                multiline=true
                hint="People follow what their leaders do, not what they announce."
            />
            <TextField
                label="How non-technical users build AI literacy"
                value=open.field(|p| p.change.literacy.clone())
                on_input=open.setter(|p, v| p.change.literacy = v)
                path="change.literacy".to_string()
                multiline=true
                hint="What the AI is good at, where it goes wrong, and how to check its work."
            />
        </section>
    }
}

fn training_row(row: Row<Training>) -> AnyView {
    view! {
        <div class="pw-grid">
            <TextField
                label="Audience"
                value=row.get(|t| t.audience.clone())
                on_input=row.set(|t, v| t.audience = v)
                path=row.path("audience")
                placeholder="Pilot agents, team leads…"
            />
            <PersonField label="Owner" value=row.get(|t| t.owner.clone()) on_change=row.set(|t, v| t.owner = v) path=row.path("owner")/>
            <ChoiceField
                label="Status"
                value=row.get(|t| Some(t.status))
                on_change=row.set(|t, v: Option<_>| if let Some(v) = v { t.status = v })
                path=row.path("status")
            />
        </div>
        <TextField
            label="What they learn"
            value=row.get(|t| t.topic.clone())
            on_input=row.set(|t, v| t.topic = v)
            path=row.path("topic")
            multiline=true
        />
    }
    .into_any()
}

fn communication_row(row: Row<Communication>) -> AnyView {
    view! {
        <div class="pw-grid">
            <TextField
                label="Audience"
                value=row.get(|c| c.audience.clone())
                on_input=row.set(|c, v| c.audience = v)
                path=row.path("audience")
            />
            <TextField
                label="Channel"
                value=row.get(|c| c.channel.clone())
                on_input=row.set(|c, v| c.channel = v)
                path=row.path("channel")
                placeholder="Team meeting, email, intranet"
            />
            <TextField
                label="When"
                value=row.get(|c| c.timing.clone())
                on_input=row.set(|c, v| c.timing = v)
                path=row.path("timing")
                placeholder="Two weeks before the pilot"
            />
            <PersonField label="Owner" value=row.get(|c| c.owner.clone()) on_change=row.set(|c, v| c.owner = v) path=row.path("owner")/>
        </div>
        <TextField
            label="Message"
            value=row.get(|c| c.message.clone())
            on_input=row.set(|c, v| c.message = v)
            path=row.path("message")
            multiline=true
            hint="Why the change, what the AI will do, and what it will not."
        />
    }
    .into_any()
}

fn milestone_row(row: Row<AdoptionMilestone>) -> AnyView {
    view! {
        <div class="pw-grid">
            <TextField label="Milestone" value=row.get(|m| m.name.clone()) on_input=row.set(|m, v| m.name = v) path=row.path("name")/>
            <TextField
                label="How it is measured"
                value=row.get(|m| m.measure.clone())
                on_input=row.set(|m, v| m.measure = v)
                path=row.path("measure")
                placeholder="Share of agents using drafts each week"
            />
            <DateField label="Due" value=row.get(|m| m.due) on_change=row.set(|m, v| m.due = v) path=row.path("due")/>
            <PersonField label="Accountable" value=row.get(|m| m.owner.clone()) on_change=row.set(|m, v| m.owner = v) path=row.path("owner")/>
            <ChoiceField
                label="Status"
                value=row.get(|m| Some(m.status))
                on_change=row.set(|m, v: Option<_>| if let Some(v) = v { m.status = v })
                path=row.path("status")
            />
        </div>
    }
    .into_any()
}
