//! Step 8: the risk questionnaire, the tier it gives, the controls that tier
//! requires and the plan's governance controls.

use leptos::prelude::*;
use planwright_core::analysis::risk::{ControlState, RequiredControl, DISCLAIMER};
use planwright_core::model::{new_id, Control, ControlStatus};
use planwright_core::Choice;

use crate::components::check_field::YesNoField;
use crate::components::choice_field::ChoiceField;
use crate::components::multi_choice::MultiChoiceField;
use crate::components::text_field::TextField;
use crate::panels::list_editor::{Lens, ListEditor, ListSpec, Row};
use crate::panels::person_field::PersonField;
use crate::state::use_plan;

/// Questionnaire, live tier, required controls, and the controls list.
#[component]
pub fn RiskStep() -> impl IntoView {
    let open = use_plan();
    view! {
        <div class="pw-form pw-risk">
            <section class="pw-group" aria-labelledby="risk-questions">
                <h3 id="risk-questions">"Risk questionnaire"</h3>
                <MultiChoiceField
                    label="Does the use involve any of these prohibited practices?"
                    value=open.field(|p| p.risk.prohibited.clone())
                    on_change=open.setter(|p, v| p.risk.prohibited = v)
                    none_label="None of these apply"
                    path="risk.prohibited".to_string()
                    testid="risk-prohibited"
                />
                <MultiChoiceField
                    label="Does it fall in any of these high-risk areas?"
                    value=open.field(|p| p.risk.high_risk_areas.clone())
                    on_change=open.setter(|p, v| p.risk.high_risk_areas = v)
                    none_label="None of these areas"
                    path="risk.high_risk_areas".to_string()
                    testid="risk-areas"
                />
                <div class="pw-grid pw-grid--wide">
                    <YesNoField
                        label="Do people interact with the system directly?"
                        value=open.field(|p| p.risk.interacts_with_people)
                        on_change=open.setter(|p, v| p.risk.interacts_with_people = v)
                        path="risk.interacts_with_people".to_string()
                        testid="risk-interacts"
                    />
                    <YesNoField
                        label="Does it generate text, images, audio or video that people will see?"
                        value=open.field(|p| p.risk.generates_content)
                        on_change=open.setter(|p, v| p.risk.generates_content = v)
                        path="risk.generates_content".to_string()
                        testid="risk-generates"
                    />
                    <YesNoField
                        label="Can its outcomes affect people's rights or their access to services?"
                        value=open.field(|p| p.risk.affects_rights)
                        on_change=open.setter(|p, v| p.risk.affects_rights = v)
                        path="risk.affects_rights".to_string()
                        testid="risk-rights"
                    />
                </div>
                <div class="pw-grid">
                    <ChoiceField
                        label="How much does it act on its own?"
                        value=open.field(|p| p.risk.autonomy)
                        on_change=open.setter(|p, v| p.risk.autonomy = v)
                        unset="Not answered yet"
                        path="risk.autonomy".to_string()
                        testid="risk-autonomy"
                    />
                    <ChoiceField
                        label="The most sensitive personal data it uses"
                        value=open.field(|p| p.risk.personal_data)
                        on_change=open.setter(|p, v| p.risk.personal_data = v)
                        unset="Not answered yet"
                        path="risk.personal_data".to_string()
                        testid="risk-personal-data"
                    />
                </div>
                <TextField
                    label="Context for these answers"
                    value=open.field(|p| p.risk.notes.clone())
                    on_input=open.setter(|p, v| p.risk.notes = v)
                    path="risk.notes".to_string()
                    multiline=true
                />
            </section>
            <TierResult/>
            <RequiredControls/>
            <ListEditor
                lens=Lens::field("controls", |p| &p.controls, |p| &mut p.controls)
                spec=ListSpec::fresh("control", |c: &Control| if c.name.trim().is_empty() { c.area.label().to_string() } else { c.name.clone() }, "control")
                title="Governance controls"
                intro="Each control is a concrete practice with an owner: a privacy assessment, an acceptable-use policy, a review queue, an incident runbook."
                empty="No controls yet. Add the ones the tier above calls for, or use the button to add them all."
                testid="controls"
                row=control_row
            />
        </div>
    }
}

fn control_row(row: Row<Control>) -> impl IntoView {
    view! {
        <div class="pw-grid">
            <ChoiceField
                label="Area"
                value=row.get(|c| Some(c.area))
                on_change=row.set(|c, v: Option<_>| if let Some(v) = v { c.area = v })
                path=row.path("area")
            />
            <TextField label="Control" value=row.get(|c| c.name.clone()) on_input=row.set(|c, v| c.name = v) path=row.path("name")/>
            <ChoiceField
                label="Status"
                value=row.get(|c| Some(c.status))
                on_change=row.set(|c, v: Option<_>| if let Some(v) = v { c.status = v })
                path=row.path("status")
            />
            <PersonField label="Owner" value=row.get(|c| c.owner.clone()) on_change=row.set(|c, v| c.owner = v) path=row.path("owner")/>
        </div>
        <TextField
            label="Where the evidence lives"
            value=row.get(|c| c.evidence.clone())
            on_input=row.set(|c, v| c.evidence = v)
            path=row.path("evidence")
        />
    }
}

/// The tier, why, and what is still unanswered, updated with every answer.
#[component]
fn TierResult() -> impl IntoView {
    let open = use_plan();
    let risk = Memo::new(move |_| open.analysis.with(|a| a.risk.clone()));
    view! {
        <section class="pw-tier-result" aria-labelledby="tier-title" aria-live="polite" data-testid="tier-result">
            <h3 id="tier-title">
                "Risk tier: "
                <span
                    class=move || format!("pw-tier-badge pw-tier-badge--{}", risk.with(|r| r.tier.key()))
                    data-testid="tier-badge"
                >
                    {move || risk.with(|r| r.tier.label())}
                </span>
                {move || risk.with(|r| r.provisional).then_some(view! { <span class="pw-tier-result__provisional">" provisional"</span> })}
            </h3>
            <p class="pw-tier-result__headline">{move || risk.with(|r| r.headline.clone())}</p>
            <Show when=move || risk.with(|r| !r.reasons.is_empty())>
                <h4>"Why"</h4>
                <ul data-testid="tier-reasons">
                    {move || risk.with(|r| r.reasons.iter().map(|why| view! { <li>{why.clone()}</li> }).collect_view())}
                </ul>
            </Show>
            <Show when=move || risk.with(|r| !r.unanswered.is_empty())>
                <h4>"Still to answer"</h4>
                <ul data-testid="tier-unanswered">
                    {move || risk.with(|r| r.unanswered.iter().map(|q| view! { <li>{q.label}</li> }).collect_view())}
                </ul>
            </Show>
            <p class="pw-disclaimer" data-testid="disclaimer">{DISCLAIMER}</p>
        </section>
    }
}

fn state_class(state: ControlState) -> &'static str {
    match state {
        ControlState::InPlace => "pw-state pw-state--ok",
        ControlState::Planned | ControlState::InProgress => "pw-state pw-state--warn",
        ControlState::Missing | ControlState::Unowned => "pw-state pw-state--bad",
    }
}

/// The controls the tier requires and how far the plan has come on each.
#[component]
fn RequiredControls() -> impl IntoView {
    let open = use_plan();
    let required = Memo::new(move |_| open.analysis.with(|a| a.risk.required.clone()));
    let missing = move || {
        required.with(|r| {
            r.iter()
                .filter(|c| c.state == ControlState::Missing)
                .count()
        })
    };
    let add_missing = move |_| {
        let areas: Vec<_> = required.with_untracked(|r| {
            r.iter()
                .filter(|c| c.state == ControlState::Missing)
                .map(|c| c.area)
                .collect()
        });
        open.edit(|p| {
            for area in areas {
                let control = Control {
                    id: new_id(p, "control"),
                    area,
                    name: area.label().to_string(),
                    status: ControlStatus::Planned,
                    ..Control::default()
                };
                p.controls.push(control);
            }
        });
    };
    view! {
        <section class="pw-group" aria-labelledby="required-title" data-testid="required-controls">
            <h3 id="required-title">"Controls this tier requires"</h3>
            <table class="pw-table">
                <thead>
                    <tr>
                        <th scope="col">"Area"</th>
                        <th scope="col">"Why"</th>
                        <th scope="col">"State"</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || required.get()
                        key=|c: &RequiredControl| (c.area, c.state)
                        children=|c: RequiredControl| {
                            view! {
                                <tr data-testid="required-control" data-area=c.area.key()>
                                    <th scope="row">{c.label}</th>
                                    <td>{c.why}</td>
                                    <td><span class=state_class(c.state)>{c.state.label()}</span></td>
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
            <Show when=move || { missing() > 0 }>
                <button type="button" class="pw-button" data-testid="add-missing-controls" on:click=add_missing>
                    {move || match missing() {
                        1 => "Add the missing control to the list below".to_string(),
                        n => format!("Add the {n} missing controls to the list below"),
                    }}
                </button>
            </Show>
        </section>
    }
}
