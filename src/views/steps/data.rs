//! Step 6: data readiness and governance, source by source.

use leptos::prelude::*;
use planwright_core::model::DataSource;

use crate::components::check_field::{CheckField, YesNoField};
use crate::components::choice_field::ChoiceField;
use crate::components::text_field::TextField;
use crate::panels::list_editor::{Lens, ListEditor, ListSpec, Row};
use crate::panels::person_field::PersonField;

/// The data sources and how ready each one is.
#[component]
pub fn DataStep() -> impl IntoView {
    let spec = ListSpec::fresh("data source", |s: &DataSource| s.name.clone(), "data");
    view! {
        <ListEditor
            lens=Lens::field("data_sources", |p| &p.data_sources, |p| &mut p.data_sources)
            spec=spec
            title="Data sources"
            intro="Every source the AI reads from or writes to: records, documents, knowledge bases, logs. Be honest about quality and access; gaps found late cost the most."
            empty="No data sources yet. Add the records or documents the AI needs to do the work."
            testid="data-sources"
            row=source_row
        />
    }
}

fn source_row(row: Row<DataSource>) -> AnyView {
    view! {
        <div class="pw-grid">
            <TextField label="Name" value=row.get(|s| s.name.clone()) on_input=row.set(|s, v| s.name = v) path=row.path("name")/>
            <PersonField label="Owner" value=row.get(|s| s.owner.clone()) on_change=row.set(|s, v| s.owner = v) path=row.path("owner")/>
        </div>
        <TextField
            label="What it holds"
            value=row.get(|s| s.description.clone())
            on_input=row.set(|s, v| s.description = v)
            path=row.path("description")
            multiline=true
        />
        <h4 class="pw-subhead">"Readiness"</h4>
        <div class="pw-grid">
            <ChoiceField
                label="Quality"
                value=row.get(|s| Some(s.quality))
                on_change=row.set(|s, v: Option<_>| if let Some(v) = v { s.quality = v })
                path=row.path("quality")
            />
            <ChoiceField
                label="Can the initiative reach it?"
                value=row.get(|s| Some(s.accessibility))
                on_change=row.set(|s, v: Option<_>| if let Some(v) = v { s.accessibility = v })
                path=row.path("accessibility")
            />
            <ChoiceField
                label="Approval to use it"
                value=row.get(|s| Some(s.access_approval))
                on_change=row.set(|s, v: Option<_>| if let Some(v) = v { s.access_approval = v })
                path=row.path("access_approval")
            />
            <ChoiceField
                label="Compliance review"
                value=row.get(|s| Some(s.compliance))
                on_change=row.set(|s, v: Option<_>| if let Some(v) = v { s.compliance = v })
                path=row.path("compliance")
            />
        </div>
        <h4 class="pw-subhead">"Sensitivity and realism"</h4>
        <div class="pw-checks">
            <CheckField
                label="Holds personal data"
                value=row.get(|s| s.personal_data)
                on_change=row.set(|s, v| s.personal_data = v)
                path=row.path("personal_data")
            />
            <CheckField
                label="Holds regulated data (health, financial…)"
                value=row.get(|s| s.regulated_data)
                on_change=row.set(|s, v| s.regulated_data = v)
                path=row.path("regulated_data")
            />
        </div>
        <YesNoField
            label="Does it look like the data the AI will see in production?"
            hint="A pilot on clean, hand-picked data proves little about the real thing."
            value=row.get(|s| s.production_representative)
            on_change=row.set(|s, v| s.production_representative = v)
            words=["Yes, like production", "No, curated or sample data", "Not known yet"]
            path=row.path("production_representative")
        />
    }
    .into_any()
}
