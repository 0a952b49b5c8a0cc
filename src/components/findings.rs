//! Validation findings shown beside the field they concern.
//!
//! Field widgets find them through [`FindingsSource`], which whoever mounts
//! the widgets provides as context (the app gives its validation memo);
//! without one, widgets show no findings.

use std::collections::HashMap;

use leptos::prelude::*;
use planwright_core::analysis::validate::{Finding, Severity};
use planwright_core::model::Section;
use planwright_core::text::plural;

/// Validation findings indexed by path.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Findings {
    /// All findings, in template order.
    pub all: Vec<Finding>,
    by_path: HashMap<String, Vec<usize>>,
}

impl Findings {
    /// Indexes findings by their path.
    pub fn new(all: Vec<Finding>) -> Findings {
        let mut by_path: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in all.iter().enumerate() {
            by_path.entry(f.path.clone()).or_default().push(i);
        }
        Findings { all, by_path }
    }

    /// Findings at exactly this path.
    pub fn at(&self, path: &str) -> Vec<Finding> {
        self.by_path
            .get(path)
            .map(|ix| {
                ix.iter()
                    .filter_map(|i| self.all.get(*i).cloned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Findings in one section of the template.
    pub fn in_section(&self, section: Section) -> Vec<Finding> {
        self.all
            .iter()
            .filter(|f| Section::of_path(&f.path) == section)
            .cloned()
            .collect()
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.all
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
}

/// Context: the findings that field widgets below show at their paths.
#[derive(Clone, Copy)]
pub struct FindingsSource(pub Memo<Findings>);

fn source() -> Option<Memo<Findings>> {
    use_context::<FindingsSource>().map(|s| s.0)
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "pw-finding pw-finding--error",
        Severity::Warning => "pw-finding pw-finding--warning",
    }
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error",
        Severity::Warning => "To do",
    }
}

/// The findings at one plan path, as a short list under a field. Renders
/// nothing when there are none. `id` lets the control point at it with
/// `aria-describedby`.
#[component]
pub fn FieldFindings(
    /// The plan path, such as `metrics[2].owner`.
    #[prop(into)]
    path: Signal<String>,
    /// DOM id of the list.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let source = source();
    let here =
        Memo::new(move |_| path.with(|p| source.map(|s| s.with(|f| f.at(p))).unwrap_or_default()));
    view! {
        <ul class="pw-findings" id=id aria-live="polite">
            <For
                each=move || here.get()
                key=|f: &Finding| (f.code, f.message.clone())
                children=|f: Finding| {
                    view! {
                        <li class=severity_class(f.severity) data-testid="finding" data-code=f.code>
                            <span class="pw-finding__kind">{severity_word(f.severity)}": "</span>
                            {f.message}
                        </li>
                    }
                }
            />
        </ul>
    }
}

/// Whether a path has an error, for `aria-invalid`.
pub fn has_error(path: Signal<String>) -> Signal<bool> {
    let source = source();
    Signal::derive(move || {
        path.with(|p| {
            source
                .is_some_and(|s| s.with(|f| f.at(p).iter().any(|x| x.severity == Severity::Error)))
        })
    })
}

/// Every finding of a section, at the top of its step, so nothing is missed
/// even when its field is further down.
#[component]
pub fn SectionFindings(
    /// The section.
    section: Section,
) -> impl IntoView {
    let source = source();
    let list = Memo::new(move |_| {
        source
            .map(|s| s.with(|f| f.in_section(section)))
            .unwrap_or_default()
    });
    let counts = move || {
        list.with(|l| {
            let errors = l.iter().filter(|f| f.severity == Severity::Error).count();
            (errors, l.len() - errors)
        })
    };
    view! {
        <Show when=move || !list.with(Vec::is_empty)>
            <details class="pw-section-findings" data-testid="section-findings">
                <summary>
                    {move || {
                        let (errors, todos) = counts();
                        match (errors, todos) {
                            (0, t) => format!("{} still to do in this section", plural(t, "thing")),
                            (e, 0) => format!("{} to fix in this section", plural(e, "error")),
                            (e, t) => format!(
                                "{} to fix and {} still to do in this section",
                                plural(e, "error"),
                                plural(t, "thing")
                            ),
                        }
                    }}
                </summary>
                <ul class="pw-findings">
                    <For
                        each=move || list.get()
                        key=|f: &Finding| (f.path.clone(), f.code, f.message.clone())
                        children=|f: Finding| {
                            view! {
                                <li class=severity_class(f.severity)>
                                    <span class="pw-finding__kind">{severity_word(f.severity)}": "</span>
                                    {f.message}
                                    " "
                                    <code class="pw-finding__path">{f.path}</code>
                                </li>
                            }
                        }
                    />
                </ul>
            </details>
        </Show>
    }
}
