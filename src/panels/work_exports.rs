//! Handing the plan to the tools where the work runs: tasks as CSV for issue
//! trackers, the schedule as Microsoft Project XML, and dates as a calendar.
//! Each file is written by the core from the analysis the app already holds.

use leptos::prelude::*;
use planwright_core::export::csv::{self, CsvOptions};
use planwright_core::export::ics::{self, IcsOptions, Stamp};
use planwright_core::export::mspdi;

use crate::download::{file_name, save_text};
use crate::state::use_plan;

/// The formats offered, with what each button says and where it goes.
#[derive(Clone, Copy)]
enum Format {
    Csv,
    CsvExcel,
    Project,
    Calendar,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Csv | Format::CsvExcel => "csv",
            Format::Project => "xml",
            Format::Calendar => "ics",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Format::Csv | Format::CsvExcel => "text/csv",
            Format::Project => "application/xml",
            Format::Calendar => "text/calendar",
        }
    }

    /// The file's name: the plan's, with a word for the format.
    fn file(self, title: &str) -> String {
        let stem = match self {
            Format::Csv => "tasks",
            Format::CsvExcel => "tasks-excel",
            Format::Project => "project",
            Format::Calendar => "calendar",
        };
        file_name(&format!("{title} {stem}"), self.extension())
    }
}

/// Buttons that download the plan for trackers, Project and calendars.
#[component]
pub fn WorkExports() -> impl IntoView {
    let open = use_plan();
    let status = RwSignal::new(String::new());
    let download = move |format: Format| {
        let id = open
            .open_id
            .get_untracked()
            .unwrap_or_else(|| open.plan.with_untracked(ics::plan_key));
        let written = open.plan.with_untracked(|plan| {
            open.analysis.with_untracked(|analysis| match format {
                Format::Csv => Ok(csv::tasks(plan, analysis, CsvOptions { excel_bom: false })),
                Format::CsvExcel => Ok(csv::tasks(plan, analysis, CsvOptions { excel_bom: true })),
                Format::Project => Ok(mspdi::write(plan, analysis)),
                Format::Calendar => {
                    let seconds = (js_sys::Date::now() / 1000.0) as i64;
                    let stamp = Stamp::from_unix_seconds(seconds)
                        .ok_or_else(|| "this device's clock gives no usable date".to_string())?;
                    let options = IcsOptions {
                        plan_id: &id,
                        stamp,
                    };
                    ics::write(plan, analysis, &options).map_err(|e| e.to_string())
                }
            })
        });
        let name = open.plan.with_untracked(|p| format.file(&p.title));
        match written {
            Ok(text) if save_text(&name, format.mime(), &text) => {
                status.set(format!("Downloaded {name}."));
            }
            Ok(_) => status.set("The browser did not allow the download.".to_string()),
            Err(why) => status.set(format!("No calendar was made: {why}.")),
        }
    };
    view! {
        <section class="pw-workexports" aria-labelledby="work-exports-title" data-testid="work-exports">
            <h3 id="work-exports-title">"Hand the work over"</h3>
            <p class="pw-workexports__intro">
                "Files the tools where the work runs can import: tasks with their owners, dates, "
                "dependencies and exit criteria for an issue tracker; the schedule for a project planner; "
                "gates, milestones, approval deadlines and reviews for a calendar. Importing a newer "
                "calendar file again updates its events instead of adding them twice."
            </p>
            <div class="pw-exportbar" role="group" aria-label="Files for work tools">
                <button type="button" class="pw-button" on:click=move |_| download(Format::Csv)>
                    "Tasks as CSV (Jira, Linear, Asana, GitHub)"
                </button>
                <button type="button" class="pw-button" on:click=move |_| download(Format::CsvExcel)>
                    "Tasks as CSV for Excel"
                </button>
                <button type="button" class="pw-button" on:click=move |_| download(Format::Project)>
                    "Schedule as Microsoft Project XML"
                </button>
                <button type="button" class="pw-button" on:click=move |_| download(Format::Calendar)>
                    "Dates as a calendar (.ics)"
                </button>
            </div>
            <p class="pw-exportbar__status" role="status" data-testid="work-export-status">{move || status.get()}</p>
        </section>
    }
}
