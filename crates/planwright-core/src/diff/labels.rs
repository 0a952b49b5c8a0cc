//! How diff and merge name a place in the plan for a person: the section a
//! top-level field belongs to, and each kind of listed item.

use crate::text::{cap, quoted, unnamed};

use super::tree::Node;

/// What a person calls the part of the plan under a top-level field.
pub(crate) fn section_title(key: &str) -> String {
    let title = match key {
        "title" => "Title",
        "summary" => "Summary",
        "start_date" => "Start date",
        "objective" => "Objective and process",
        "metrics" => "Success metrics",
        "ownership" => "Sponsor and ownership",
        "stakeholders" => "Stakeholders",
        "decisions" => "Decisions",
        "workflow" => "Human / AI workflow",
        "data_sources" => "Data sources",
        "systems" => "Systems",
        "risk" => "Risk answers",
        "controls" => "Controls",
        "phases" => "Phases",
        "deliverables" => "Deliverables",
        "tasks" => "Tasks",
        "handoffs" => "Approvals and hand-offs",
        "change" => "Change and adoption",
        "feedback" => "Feedback and monitoring",
        "calendar" => "Working calendar",
        "as_of" => "Progress as of",
        "baselines" => "Baselines",
        "conflicts" => "Merge conflicts",
        other => return cap(&other.replace('_', " ")),
    };
    title.to_string()
}

/// The noun for one item of the list under `key`, in lower case.
pub(crate) fn item_noun(key: &str) -> &'static str {
    match key {
        "metrics" => "metric",
        "stakeholders" => "stakeholder",
        "decisions" => "decision",
        "workflow" => "workflow step",
        "data_sources" => "data source",
        "systems" => "system",
        "controls" => "control",
        "phases" => "phase",
        "exit_criteria" => "exit criterion",
        "deliverables" => "deliverable",
        "tasks" => "task",
        "handoffs" => "hand-off",
        "training" => "training",
        "communications" => "communication",
        "milestones" => "adoption milestone",
        "loops" => "feedback loop",
        "hotspots" => "hotspot",
        "closures" => "closure",
        "days_off" => "day off",
        "conditions" => "gate condition",
        "baselines" => "baseline",
        _ => "item",
    }
}

/// An item as a person reads it, starting lower case: `task 'Label
/// tickets'` when it has a `name`, `title` or `text`, else `unnamed task 3`
/// by its place (`index`) in its list.
pub(crate) fn item_name(key: &str, item: &Node, index: usize) -> String {
    let noun = item_noun(key);
    let name = ["name", "title", "text"]
        .iter()
        .filter_map(|field| item.get(field).and_then(Node::as_str))
        .find(|name| !name.trim().is_empty());
    match name {
        Some(name) => format!("{noun} {}", quoted(name, "")),
        None => unnamed(noun, index),
    }
}

/// A place in words: the item (or section) it is in, then the field path
/// inside it, as in `Task 'Label tickets': duration_days`.
pub(crate) fn place(item: &str, field: &str) -> String {
    match (item.is_empty(), field.is_empty()) {
        (_, true) => cap(item),
        (true, false) => field.to_string(),
        (false, false) => format!("{}: {field}", cap(item)),
    }
}

/// The words for an item nested in another (`phase 'Pilot', exit
/// criterion 'Data signed off'`).
pub(crate) fn nested(outer: &str, inner: &str) -> String {
    if outer.is_empty() {
        inner.to_string()
    } else {
        format!("{outer}, {inner}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_named_by_name_title_or_text_else_by_place() {
        let named = Node::Object(vec![("title".into(), Node::String("Label tickets".into()))]);
        assert_eq!(item_name("tasks", &named, 0), "task 'Label tickets'");
        let blank = Node::Object(vec![("name".into(), Node::String(" ".into()))]);
        assert_eq!(item_name("phases", &blank, 2), "unnamed phase 3");
        assert_eq!(
            place("task 'Label tickets'", "duration_days"),
            "Task 'Label tickets': duration_days"
        );
        assert_eq!(place("Objective and process", ""), "Objective and process");
    }
}
