//! Step 5: the human / AI split, step by step through the workflow.

use leptos::prelude::*;
use planwright_core::model::{AiRole, HumanRole, WorkflowStep};
use planwright_core::text::cap;
use planwright_core::Choice;

use crate::components::check_field::CheckField;
use crate::components::choice_field::ChoiceField;
use crate::components::text_field::TextField;
use crate::panels::list_editor::{Lens, ListEditor, ListSpec, Row};
use crate::panels::person_field::PersonField;

/// The steps of the workflow and who does what in each.
#[component]
pub fn WorkflowStepEditor() -> impl IntoView {
    let spec = ListSpec::fresh("workflow step", |s: &WorkflowStep| s.name.clone(), "step");
    view! {
        <ListEditor
            lens=Lens::field("workflow", |p| &p.workflow, |p| &mut p.workflow)
            spec=spec
            title="Workflow steps"
            intro="Walk through the process in order. For each step, say what the AI does and what a person does; a step where a mistake carries risk needs a person who approves, decides or owns that risk."
            empty="No steps yet. Add the first step of the process, from the moment the work arrives."
            testid="workflow"
            row=step_row
        />
    }
}

fn step_row(row: Row<WorkflowStep>) -> AnyView {
    let split = row.get(|s| (s.ai_role, s.human_role, s.carries_risk));
    view! {
        <p class="pw-summary" aria-live="polite" data-testid="workflow-summary">
            {move || {
                let (ai, human, risky) = split.get();
                summary(ai, human, risky)
            }}
        </p>
        <div class="pw-grid">
            <TextField label="Step" value=row.get(|s| s.name.clone()) on_input=row.set(|s, v| s.name = v) path=row.path("name")/>
            <ChoiceField
                label="What the AI does"
                value=row.get(|s| Some(s.ai_role))
                on_change=row.set(|s, v: Option<_>| if let Some(v) = v { s.ai_role = v })
                path=row.path("ai_role")
            />
            <ChoiceField
                label="What a person does"
                value=row.get(|s| Some(s.human_role))
                on_change=row.set(|s, v: Option<_>| if let Some(v) = v { s.human_role = v })
                path=row.path("human_role")
            />
            <PersonField label="Owner" value=row.get(|s| s.owner.clone()) on_change=row.set(|s, v| s.owner = v) path=row.path("owner")/>
        </div>
        <CheckField
            label="A wrong result here carries risk or accountability"
            value=row.get(|s| s.carries_risk)
            on_change=row.set(|s, v| s.carries_risk = v)
            path=row.path("carries_risk")
        />
        <TextField
            label="Notes"
            value=row.get(|s| s.notes.clone())
            on_input=row.set(|s, v| s.notes = v)
            path=row.path("notes")
            multiline=true
            placeholder="Inputs, tools, what a good result looks like"
        />
    }
    .into_any()
}

/// The split of one step in a plain sentence, such as "AI prepares, a
/// person approves."
fn summary(ai: AiRole, human: HumanRole, risky: bool) -> String {
    let ai_part = match ai {
        AiRole::None => None,
        role => Some(format!("AI {}", role.label().to_lowercase())),
    };
    let human_part = match human {
        HumanRole::None => None,
        role => Some(format!("a person {}", role.label().to_lowercase())),
    };
    let text = match (ai_part, human_part) {
        (None, None) => "Nobody has a part in this step yet.".to_string(),
        (Some(ai), None) if risky => {
            format!("{ai} with no person involved, on a step that carries risk: give a person the decision.")
        }
        (Some(ai), None) => format!("{ai}; no person is involved."),
        (None, Some(person)) => format!("{}; no AI in this step.", cap(&person)),
        (Some(ai), Some(person)) => format!("{ai}, {person}."),
    };
    if risky && !matches!(human, HumanRole::None | HumanRole::OwnsRisk) {
        format!("{text} The risk stays with a person.")
    } else {
        text
    }
}
