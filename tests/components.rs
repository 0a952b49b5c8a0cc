//! Browser tests of the widgets and panels with logic: the list editor, the dependency
//! picker, number and person fields, and saving. Run with `make test-wasm`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use planwright_core::analysis::validate::{Finding, Severity};
use planwright_core::model::Section;
use planwright_core::model::{Metric, Stakeholder, Task};
use planwright_core::{Id, Plan};
use planwright_web::components::findings::{Findings, FindingsSource};
use planwright_web::components::number_field::NumberField;
use planwright_web::components::text_field::TextField;
use planwright_web::panels::dependency_picker::DependencyPicker;
use planwright_web::panels::person_field::PersonField;
use planwright_web::state::{use_plan, NoticeKind, SaveState};
use planwright_web::storage::Meta;
use planwright_web::views::steps::StepContent;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn metric(id: &str, name: &str) -> Metric {
    Metric {
        id: Id::from(id),
        name: name.to_string(),
        ..Metric::default()
    }
}

fn names(app: &planwright_web::state::AppState) -> Vec<String> {
    app.plan
        .with_untracked(|p| p.metrics.iter().map(|m| m.name.clone()).collect())
}

#[wasm_bindgen_test]
async fn list_editor_adds_edits_reorders_removes_and_undoes() {
    let (root, app) = mount(
        Plan::blank(),
        || view! { <StepContent section=Section::Metrics/> },
    );
    settle().await;
    assert!(text(&root).contains("No metrics yet"));

    click(&button(&root, "Add metric"));
    settle().await;
    assert_eq!(find_all(&root, "[data-testid=metrics-row]").len(), 1);
    // The new row's first field has the focus, ready for typing.
    sleep(50).await;
    let focused = document().active_element().unwrap();
    assert_eq!(focused, control(&root, "Name"));
    type_into(&focused, "Handling time");
    settle().await;
    assert_eq!(names(&app), ["Handling time"]);

    click(&button(&root, "Add metric"));
    settle().await;
    let second = find_all(&root, "[data-testid=metrics-row]")[1].clone();
    type_into(&control(&second, "Name"), "Reopened tickets");
    settle().await;
    assert_eq!(names(&app), ["Handling time", "Reopened tickets"]);
    // Fresh ids, never reused.
    let ids: Vec<String> = app
        .plan
        .with_untracked(|p| p.metrics.iter().map(|m| m.id.0.clone()).collect());
    assert_eq!(ids, ["metric-1", "metric-2"]);

    click(&labelled_button(&root, "Move metric 2 up"));
    settle().await;
    assert_eq!(names(&app), ["Reopened tickets", "Handling time"]);
    // The first row cannot move further up.
    let up: web_sys::HtmlButtonElement =
        labelled_button(&root, "Move metric 1 up").unchecked_into();
    assert!(up.disabled());

    click(&labelled_button(&root, "Remove metric 1"));
    settle().await;
    assert_eq!(names(&app), ["Handling time"]);
    let notice = app
        .notices
        .list
        .with_untracked(|n| n.last().cloned())
        .expect("a notice");
    assert_eq!(notice.text, "Removed the metric Reopened tickets.");
    assert_eq!(notice.kind, NoticeKind::Undo);
    assert_eq!(notice.button(), Some("Undo"));
    let undo = notice.undo.expect("an undo button");
    undo();
    settle().await;
    assert_eq!(names(&app), ["Reopened tickets", "Handling time"]);
    assert_eq!(find_all(&root, "[data-testid=metrics-row]").len(), 2);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_field_widget_works_without_the_app_state() {
    // Widgets take values and callbacks; their findings come from their own
    // context, so they mount with no app state at all.
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let typed = RwSignal::new(String::new());
    leptos::mount::mount_to(root.clone(), move || {
        let missing = Finding {
            severity: Severity::Error,
            code: "missing",
            path: "title".to_string(),
            message: "Give the plan a title.".to_string(),
        };
        let source = Memo::new(move |_| Findings::new(vec![missing.clone()]));
        provide_context(FindingsSource(source));
        view! {
            <TextField
                label="Title"
                value=Signal::derive(move || typed.get())
                on_input=Callback::new(move |v| typed.set(v))
                path=Signal::derive(|| "title".to_string())
            />
        }
    })
    .forget();
    settle().await;
    let input = control(&root, "Title");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(
        text(&root).contains("Give the plan a title."),
        "{}",
        text(&root)
    );
    type_into(&input, "Pilot");
    settle().await;
    assert_eq!(typed.get_untracked(), "Pilot");
    root.remove();
}

#[wasm_bindgen_test]
async fn list_editor_shows_findings_beside_the_field() {
    let mut plan = Plan::blank();
    plan.metrics.push(metric("m", "Rework"));
    let (root, app) = mount(plan, || view! { <StepContent section=Section::Metrics/> });
    settle().await;
    let row = find(&root, "[data-testid=metrics-row]");
    let baseline = control(&row, "Baseline");
    let described = baseline.get_attribute("aria-describedby").unwrap();
    let findings_id = described.split(' ').next_back().unwrap().to_string();
    let findings = find(&root, &format!("#{findings_id}"));
    assert!(
        text(&findings).contains("has no baseline"),
        "{}",
        text(&findings)
    );
    type_into(&baseline, "12");
    settle().await;
    assert_eq!(
        app.plan.with_untracked(|p| p.metrics[0].baseline),
        Some(12.0)
    );
    assert!(!text(&findings).contains("has no baseline"));
    root.remove();
}

#[wasm_bindgen_test]
async fn number_field_keeps_a_draft_that_does_not_parse() {
    let value = RwSignal::new(Some(5.0_f64));
    let (root, _app) = mount(Plan::blank(), move || {
        view! {
            <NumberField label="Target" value=value on_change=Callback::new(move |v| value.set(v)) expect="a number"/>
        }
    });
    settle().await;
    let input = control(&root, "Target");
    type_into(&input, "7,5");
    settle().await;
    assert_eq!(
        value.get_untracked(),
        Some(7.5),
        "a decimal comma is accepted"
    );
    type_into(&input, "7.5x");
    settle().await;
    assert_eq!(
        value.get_untracked(),
        Some(7.5),
        "the last good value is kept"
    );
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(text(&root).contains("'7.5x' is not a number"));
    assert_eq!(
        input.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        "7.5x",
        "what was typed stays"
    );
    type_into(&input, "");
    settle().await;
    assert_eq!(value.get_untracked(), None, "empty means not set");
    root.remove();
}

#[wasm_bindgen_test]
async fn person_field_adds_a_new_stakeholder_on_the_spot() {
    let mut plan = Plan::blank();
    plan.stakeholders.push(Stakeholder {
        id: Id::from("stakeholder-1"),
        name: "Ana".into(),
        ..Stakeholder::default()
    });
    let (root, app) = mount(plan, move || {
        let open = use_plan();
        view! {
            <PersonField
                label="Sponsor"
                value=open.field(|p| p.ownership.sponsor.clone())
                on_change=open.setter(|p, v| p.ownership.sponsor = v)
            />
        }
    });
    settle().await;
    let select = control(&root, "Sponsor");
    pick(&select, "stakeholder-1");
    settle().await;
    assert_eq!(
        app.plan.with_untracked(|p| p.ownership.sponsor.clone()),
        Some(Id::from("stakeholder-1"))
    );
    pick(&select, "__new__");
    settle().await;
    let name = control(&root, "Name of the new stakeholder");
    type_into(&name, "Bea Okafor");
    click(&button(&root, "Add"));
    settle().await;
    let (people, sponsor) = app.plan.with_untracked(|p| {
        (
            p.stakeholders
                .iter()
                .map(|s| (s.id.0.clone(), s.name.clone()))
                .collect::<Vec<_>>(),
            p.ownership.sponsor.clone(),
        )
    });
    assert_eq!(
        people,
        [
            ("stakeholder-1".to_string(), "Ana".to_string()),
            ("stakeholder-2".to_string(), "Bea Okafor".to_string())
        ]
    );
    assert_eq!(sponsor, Some(Id::from("stakeholder-2")));
    // Cancelling an addition puts the previous pick back in the select.
    pick(&select, "__new__");
    settle().await;
    click(&button(&root, "Cancel"));
    settle().await;
    assert_eq!(
        select.unchecked_ref::<web_sys::HtmlSelectElement>().value(),
        "stakeholder-2"
    );
    assert_eq!(app.plan.with_untracked(|p| p.stakeholders.len()), 2);
    root.remove();
}

fn task(id: &str, title: &str, deps: &[&str]) -> Task {
    Task {
        id: Id::from(id),
        title: title.into(),
        depends_on: deps.iter().map(|d| Id::from(*d)).collect(),
        ..Task::default()
    }
}

#[wasm_bindgen_test]
async fn dependency_picker_refuses_a_loop_and_names_it() {
    let mut plan = Plan::blank();
    plan.tasks = vec![
        task("a", "Map the process", &[]),
        task("b", "Build the pilot", &["a"]),
        task("c", "Train the team", &["b"]),
        task("d", "Write the runbook", &[]),
    ];
    let (root, app) = mount(plan, move || {
        let open = use_plan();
        let deps = open.field(|p| p.tasks[0].depends_on.clone());
        view! {
            <DependencyPicker
                task=Id::from("a")
                value=deps
                on_change=open.setter(|p, v| p.tasks[0].depends_on = v)
            />
        }
    });
    settle().await;
    assert!(text(&root).contains("Nothing: it can start"));
    click(&find(&root, "[data-testid=add-dependency]").unchecked_into());
    settle().await;
    let select = find(&root, "[data-testid=dependency-select]");
    // The task itself is not offered.
    assert!(root.query_selector("option[value=a]").unwrap().is_none());
    pick(&select, "c");
    click(&find(&root, "[data-testid=confirm-dependency]").unchecked_into());
    settle().await;
    let refused = text(&find(&root, "[data-testid=dependency-refused]"));
    assert_eq!(
        refused,
        "Not added: 'Map the process' would wait for 'Train the team', which waits for 'Build the pilot', which waits for 'Map the process', a loop in which no task could ever start. Pick another task, or first remove one of the dependencies in that loop."
    );
    assert!(
        app.plan
            .with_untracked(|p| p.tasks[0].depends_on.is_empty()),
        "nothing was added"
    );

    pick(&select, "d");
    click(&find(&root, "[data-testid=confirm-dependency]").unchecked_into());
    settle().await;
    assert_eq!(
        app.plan.with_untracked(|p| p.tasks[0].depends_on.clone()),
        vec![Id::from("d")]
    );
    assert_eq!(text(&find(&root, "[data-testid=dependency-refused]")), "");
    let chips: Vec<String> = find_all(&root, "[data-testid=dependency] span")
        .iter()
        .map(text)
        .collect();
    assert_eq!(chips, ["Write the runbook"]);
    click(&labelled_button(
        &root,
        "Remove the dependency on Write the runbook",
    ));
    settle().await;
    assert!(app
        .plan
        .with_untracked(|p| p.tasks[0].depends_on.is_empty()));
    root.remove();
}

#[wasm_bindgen_test]
async fn saving_waits_for_a_pause_and_never_overwrites_another_tabs_save() {
    let store = planwright_web::storage::Store::memory(None);
    let (root, app) = mount_on(
        store.clone(),
        Plan::blank(),
        || view! { <planwright_web::panels::shell::SaveStatus/> },
    );
    let id = app.library.create(Plan::blank()).expect("created");
    settle().await;
    let status = find(&root, "[data-testid=save-status]");
    assert_eq!(status.get_attribute("data-state").as_deref(), Some("saved"));

    app.edit(|p| p.title = "First edit".into());
    settle().await;
    assert_eq!(text(&status), "Saving…");
    sleep(600).await;
    settle().await;
    assert_eq!(text(&status), "All changes saved");

    // Another tab saves a newer revision of the same plan…
    let newer = app.library.raw(&id).expect("stored");
    let mut stored: serde_json::Value = serde_json::from_str(&newer).unwrap();
    stored["meta"]["rev"] = serde_json::json!(99);
    stored["meta"]["by"] = serde_json::json!("another-tab");
    let other: Meta = serde_json::from_value(stored["meta"].clone()).unwrap();
    assert_eq!(other.rev, 99);
    store.write_raw(&id, &stored.to_string()).unwrap();
    // …while this tab has an unsaved change.
    app.edit(|p| p.title = "Second edit".into());
    app.autosave.flush();
    settle().await;
    assert_eq!(app.autosave.save.get_untracked(), SaveState::Conflict);
    assert_eq!(text(&status), "Changed in another tab");
    assert!(
        app.library.raw(&id).unwrap().contains("\"rev\":99"),
        "the other tab's save is untouched"
    );

    app.tabs.keep_mine();
    settle().await;
    assert_eq!(app.autosave.save.get_untracked(), SaveState::Saved);
    let raw = app.library.raw(&id).unwrap();
    assert!(
        raw.contains("Second edit") && raw.contains("\"rev\":100"),
        "{raw}"
    );
    root.remove();
}
