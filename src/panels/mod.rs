//! Parts of the page bound to the app state: each reads what it shows from
//! the state's contexts (`use_plan`, `use_library`, …) and acts on it. The
//! reusable widgets they are built from, which know nothing of the app, are
//! in `components/`; whole screens are in `views/`.

pub mod dependency_picker;
pub mod export_bar;
pub mod gantt_chart;
pub mod history;
pub mod import_zone;
pub mod list_editor;
pub mod person_field;
pub mod portfolio_exports;
pub mod portfolio_matrix;
pub mod portfolio_members;
pub mod portfolio_picker;
pub mod portfolio_ranking;
pub mod portfolio_roadmap;
pub mod portfolio_settings;
pub mod portfolio_shared;
pub mod readiness_panel;
pub mod shell;
pub mod step_nav;
pub mod template_shelf;
pub mod work_exports;
