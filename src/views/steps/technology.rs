//! Step 7: technology and integration scope.

use leptos::prelude::*;
use planwright_core::model::System;

use crate::components::choice_field::ChoiceField;
use crate::components::text_field::TextField;
use crate::panels::list_editor::{Lens, ListEditor, ListSpec, Row};
use crate::panels::person_field::PersonField;

/// The systems the initiative touches and how far each integration has come.
#[component]
pub fn TechnologyStep() -> impl IntoView {
    let spec = ListSpec::fresh("system", |s: &System| s.name.clone(), "system");
    view! {
        <ListEditor
            lens=Lens::field("systems", |p| &p.systems, |p| &mut p.systems)
            spec=spec
            title="Systems and integrations"
            intro="The systems of record the work lives in, the places the AI plugs into, and the AI platform itself. Start security reviews early; they take longer than the build."
            empty="No systems yet. Add the system where the work is recorded today."
            testid="systems"
            row=system_row
        />
    }
}

fn system_row(row: Row<System>) -> AnyView {
    view! {
        <div class="pw-grid">
            <TextField label="Name" value=row.get(|s| s.name.clone()) on_input=row.set(|s, v| s.name = v) path=row.path("name")/>
            <ChoiceField
                label="What it is to the initiative"
                value=row.get(|s| Some(s.role))
                on_change=row.set(|s, v: Option<_>| if let Some(v) = v { s.role = v })
                path=row.path("role")
            />
            <PersonField label="Owner" value=row.get(|s| s.owner.clone()) on_change=row.set(|s, v| s.owner = v) path=row.path("owner")/>
            <ChoiceField
                label="Integration"
                value=row.get(|s| Some(s.integration))
                on_change=row.set(|s, v: Option<_>| if let Some(v) = v { s.integration = v })
                path=row.path("integration")
            />
            <ChoiceField
                label="Security review"
                value=row.get(|s| Some(s.security_review))
                on_change=row.set(|s, v: Option<_>| if let Some(v) = v { s.security_review = v })
                path=row.path("security_review")
            />
        </div>
        <TextField
            label="Limits and constraints"
            value=row.get(|s| s.limits.clone())
            on_input=row.set(|s, v| s.limits = v)
            path=row.path("limits")
            multiline=true
            hint="Legacy limits, missing interfaces, rate limits, change freezes."
        />
    }
    .into_any()
}
