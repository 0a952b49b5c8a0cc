//! Step 1: the business objective and process.

use leptos::prelude::*;

use crate::components::check_field::CheckField;
use crate::components::date_field::DateField;
use crate::components::text_field::TextField;
use crate::components::text_list::TextList;
use crate::state::use_plan;

/// Title, problem, impact, scope, constraints and the fit of the use case.
#[component]
pub fn ObjectiveStep() -> impl IntoView {
    let open = use_plan();
    macro_rules! text {
        ($label:expr, $($field:ident).+, $path:literal $(, $opt:ident = $val:expr)*) => {
            view! {
                <TextField
                    label=$label
                    value=open.field(|p| p.$($field).+.clone())
                    on_input=open.setter(|p, v| p.$($field).+ = v)
                    path=$path.to_string()
                    $($opt=$val)*
                />
            }
        };
    }
    macro_rules! fit {
        ($label:expr, $field:ident) => {
            view! {
                <CheckField
                    label=$label
                    value=open.field(|p| p.objective.fit.$field)
                    on_change=open.setter(|p, v| p.objective.fit.$field = v)
                />
            }
        };
    }
    view! {
        <div class="pw-form">
            <section class="pw-group" aria-labelledby="obj-about">
                <h3 id="obj-about">"About this plan"</h3>
                {text!("Title of the initiative", title, "title", testid = "plan-title")}
                {text!("Summary", summary, "summary", multiline = true,
                    hint = "Two sentences a busy executive can take in.")}
                <DateField
                    label="Start date of the roadmap"
                    value=open.field(|p| p.start_date)
                    on_change=open.setter(|p, v| p.start_date = v)
                    path="start_date".to_string()
                    hint="The schedule counts working days from here."
                />
            </section>
            <section class="pw-group" aria-labelledby="obj-process">
                <h3 id="obj-process">"The process and the problem"</h3>
                {text!("Business process", objective.process, "objective.process",
                    hint = "The existing process this improves, such as 'refund approvals in customer support'.")}
                {text!("What goes wrong today", objective.problem, "objective.problem", multiline = true,
                    placeholder = "Reviewers wait two days for incomplete case files…")}
                {text!("Expected business impact", objective.impact, "objective.impact", multiline = true)}
            </section>
            <section class="pw-group" aria-labelledby="obj-scope">
                <h3 id="obj-scope">"Scope"</h3>
                <TextList
                    label="Explicitly in scope"
                    noun="in-scope item"
                    items=open.field(|p| p.objective.in_scope.clone())
                    on_change=open.setter(|p, v| p.objective.in_scope = v)
                    path="objective.in_scope".to_string()
                    testid="in-scope"
                />
                <TextList
                    label="Explicitly out of scope"
                    noun="out-of-scope item"
                    items=open.field(|p| p.objective.out_of_scope.clone())
                    on_change=open.setter(|p, v| p.objective.out_of_scope = v)
                    path="objective.out_of_scope".to_string()
                    testid="out-of-scope"
                />
            </section>
            <section class="pw-group" aria-labelledby="obj-constraints">
                <h3 id="obj-constraints">"Constraints"</h3>
                <div class="pw-grid">
                    {text!("Time", objective.constraints.time, "objective.constraints.time")}
                    {text!("Budget", objective.constraints.budget, "objective.constraints.budget")}
                    {text!("Risk appetite", objective.constraints.risk, "objective.constraints.risk")}
                    {text!("Compliance", objective.constraints.compliance, "objective.constraints.compliance")}
                </div>
            </section>
            <fieldset class="pw-group pw-fieldset">
                <legend>"Is this a good first use case? Tick what holds."</legend>
                <div class="pw-checks">
                    {fit!("The workflow repeats often", repeatable)}
                    {fit!("Its users are clear", clear_users)}
                    {fit!("The pain is visible", visible_pain)}
                    {fit!("The risk is manageable", manageable_risk)}
                    {fit!("The outcome can be measured", measurable_outcome)}
                    {fit!("Inputs and outputs are well defined", defined_inputs_outputs)}
                    {fit!("The data already exists", existing_data)}
                    {fit!("A business owner is invested", invested_owner)}
                </div>
            </fieldset>
        </div>
    }
}
