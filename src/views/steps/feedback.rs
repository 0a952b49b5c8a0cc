//! Step 12: feedback, monitoring and iteration after launch.

use leptos::prelude::*;
use planwright_core::model::{FeedbackLoop, Hotspot};

use crate::components::choice_field::ChoiceField;
use crate::components::text_field::TextField;
use crate::panels::list_editor::{Lens, ListEditor, ListSpec, Row};
use crate::panels::person_field::PersonField;
use crate::state::use_plan;

/// Feedback loops, how users flag wrong output, support, model review and
/// where people correct the AI most.
#[component]
pub fn FeedbackStep() -> impl IntoView {
    let open = use_plan();
    let loops = ListSpec::fresh("feedback loop", |l: &FeedbackLoop| l.signal.clone(), "loop");
    let hotspots = ListSpec::fresh("hotspot", |h: &Hotspot| h.area.clone(), "hotspot");
    view! {
        <ListEditor
            lens=Lens::field("feedback.loops", |p| &p.feedback.loops, |p| &mut p.feedback.loops)
            spec=loops
            title="Feedback loops"
            intro="The signals you watch once the AI is live: quality, complaints, overrides, drift. Each needs someone who looks, how often, the level that calls for action, and the action."
            empty="No feedback loops yet. Add the first sign that would tell you the AI is getting worse."
            testid="feedback-loops"
            row=loop_row
        />
        <section class="pw-group" aria-labelledby="feedback-people">
            <h3 id="feedback-people">"Reporting problems and getting help"</h3>
            <TextField
                label="How users flag a wrong output"
                value=open.field(|p| p.feedback.flagging.clone())
                on_input=open.setter(|p, v| p.feedback.flagging = v)
                path="feedback.flagging".to_string()
                multiline=true
                hint="One click where they work beats a form somewhere else."
            />
            <TextField
                label="How people get help"
                value=open.field(|p| p.feedback.support.description.clone())
                on_input=open.setter(|p, v| p.feedback.support.description = v)
                path="feedback.support.description".to_string()
                multiline=true
                hint="Where to go, who answers, and how fast."
            />
            <div class="pw-grid">
                <PersonField
                    label="Support owner"
                    value=open.field(|p| p.feedback.support.owner.clone())
                    on_change=open.setter(|p, v| p.feedback.support.owner = v)
                    path="feedback.support.owner".to_string()
                />
            </div>
        </section>
        <section class="pw-group" aria-labelledby="feedback-review">
            <h3 id="feedback-review">"Model and prompt review"</h3>
            <TextField
                label="How often, and by whom"
                value=open.field(|p| p.feedback.model_review.clone())
                on_input=open.setter(|p, v| p.feedback.model_review = v)
                path="feedback.model_review".to_string()
                multiline=true
                hint="Outputs can degrade quietly as data changes, so review on a schedule, not only when something breaks."
            />
        </section>
        <ListEditor
            lens=Lens::field("feedback.hotspots", |p| &p.feedback.hotspots, |p| &mut p.feedback.hotspots)
            spec=hotspots
            title="Where people correct the AI most"
            intro="The places where outputs need the most human correction, and why: the prompt, missing context, or the design of the workflow. Each cause has a different fix."
            empty="No hotspots yet. Once people work with the AI, add where they fix its output most often."
            testid="hotspots"
            row=hotspot_row
        />
    }
}

fn loop_row(row: Row<FeedbackLoop>) -> AnyView {
    view! {
        <div class="pw-grid">
            <TextField
                label="Signal"
                value=row.get(|l| l.signal.clone())
                on_input=row.set(|l, v| l.signal = v)
                path=row.path("signal")
                placeholder="Drafts sent after heavy edits"
            />
            <ChoiceField
                label="How often it is checked"
                value=row.get(|l| Some(l.cadence))
                on_change=row.set(|l, v: Option<_>| if let Some(v) = v { l.cadence = v })
                path=row.path("cadence")
            />
            <PersonField label="Watched by" value=row.get(|l| l.owner.clone()) on_change=row.set(|l, v| l.owner = v) path=row.path("owner")/>
            <TextField
                label="Threshold for action"
                value=row.get(|l| l.threshold.clone())
                on_input=row.set(|l, v| l.threshold = v)
                path=row.path("threshold")
                placeholder="Above 35% two weeks running"
            />
        </div>
        <TextField
            label="What is done then"
            value=row.get(|l| l.action.clone())
            on_input=row.set(|l, v| l.action = v)
            path=row.path("action")
            multiline=true
        />
    }
    .into_any()
}

fn hotspot_row(row: Row<Hotspot>) -> AnyView {
    view! {
        <div class="pw-grid">
            <TextField
                label="Where in the workflow"
                value=row.get(|h| h.area.clone())
                on_input=row.set(|h, v| h.area = v)
                path=row.path("area")
            />
            <ChoiceField
                label="Cause"
                value=row.get(|h| Some(h.cause))
                on_change=row.set(|h, v: Option<_>| if let Some(v) = v { h.cause = v })
                path=row.path("cause")
            />
        </div>
        <TextField
            label="What was found"
            value=row.get(|h| h.notes.clone())
            on_input=row.set(|h, v| h.notes = v)
            path=row.path("notes")
            multiline=true
        />
    }
    .into_any()
}
