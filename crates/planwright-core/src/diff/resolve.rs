//! Settling a merge conflict the plan lists: keep our value (what the plan
//! already holds) or take theirs, written at the conflict's path.
//!
//! A path is field names joined by `.`, a list item picked by its id as
//! `list[id=ID]` (as [`merge`](super::merge) writes them). Taking theirs
//! when they had removed the item (or the field) removes it. Anything that
//! cannot be followed (an id no item has any more, a path the plan does not
//! have) is an error that names the path; the plan is never half changed.

use std::fmt;

use serde_json::Value;

use crate::model::Plan;

/// Which side of a conflict to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Our value, which the merged plan already holds.
    Ours,
    /// Their value.
    Theirs,
}

/// Why a conflict could not be settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    /// The plan lists no conflict at that position.
    NoSuchConflict {
        /// The position asked for.
        index: usize,
    },
    /// The path does not lead to a place in the plan any more.
    PathNotFound {
        /// The conflict's path.
        path: String,
    },
    /// Their value does not fit there.
    DoesNotFit {
        /// The conflict's path.
        path: String,
        /// What the plan reader said.
        message: String,
    },
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::NoSuchConflict { index } => {
                write!(f, "the plan lists no conflict number {}", index + 1)
            }
            ResolveError::PathNotFound { path } => write!(
                f,
                "the conflict at {path} points at a place the plan no longer has; nothing was changed"
            ),
            ResolveError::DoesNotFit { path, message } => write!(
                f,
                "their value at {path} does not fit the plan ({message}); nothing was changed"
            ),
        }
    }
}

impl std::error::Error for ResolveError {}

/// One step of a path: a field, or the item of a list with this id.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Field(&'a str),
    Item(&'a str, &'a str),
}

/// The steps of a path, or `None` when it is not one.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        let end = rest.find(['.', '[']).unwrap_or(rest.len());
        let key = &rest[..end];
        if key.is_empty() {
            return None;
        }
        rest = &rest[end..];
        if let Some(after) = rest.strip_prefix("[id=") {
            // The id runs to a `]` that ends the path or comes before a `.`.
            let close = after
                .match_indices(']')
                .map(|(i, _)| i)
                .find(|&i| after[i + 1..].is_empty() || after[i + 1..].starts_with('.'))?;
            out.push(Step::Item(key, &after[..close]));
            rest = &after[close + 1..];
        } else {
            out.push(Step::Field(key));
        }
        if let Some(next) = rest.strip_prefix('.') {
            if next.is_empty() {
                return None;
            }
            rest = next;
        } else if !rest.is_empty() {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

fn item_index(list: &[Value], id: &str) -> Option<usize> {
    list.iter()
        .position(|v| v.get("id").and_then(Value::as_str) == Some(id))
}

/// Writes `value` at `steps` under `at`; `None` removes what is there.
fn write(at: &mut Value, steps: &[Step<'_>], value: Option<&Value>) -> Option<()> {
    let (first, rest) = steps.split_first()?;
    let object = at.as_object_mut()?;
    match first {
        Step::Field(key) if rest.is_empty() => {
            match value {
                Some(v) => {
                    object.insert((*key).to_string(), v.clone());
                }
                None => {
                    object.insert((*key).to_string(), Value::Null);
                }
            }
            Some(())
        }
        Step::Field(key) => write(object.get_mut(*key)?, rest, value),
        Step::Item(key, id) => {
            let list = object.get_mut(*key)?.as_array_mut()?;
            let found = item_index(list, id);
            if rest.is_empty() {
                match (found, value) {
                    (Some(i), Some(v)) => list[i] = v.clone(),
                    (Some(i), None) => {
                        list.remove(i);
                    }
                    (None, Some(v)) => list.push(v.clone()),
                    (None, None) => {}
                }
                Some(())
            } else {
                write(&mut list[found?], rest, value)
            }
        }
    }
}

/// The plan with conflict `index` settled on `side` and taken off its list.
///
/// ```
/// use planwright_core::diff::{merge, resolve, Side};
/// use planwright_core::Plan;
/// let base = Plan::blank();
/// let mut ours = base.clone();
/// ours.phases[0].duration_weeks = Some(6);
/// let mut theirs = base.clone();
/// theirs.phases[0].duration_weeks = Some(10);
/// let merged = merge(&base, &ours, &theirs).unwrap().plan;
/// assert_eq!(merged.conflicts.len(), 1);
/// let settled = resolve(&merged, 0, Side::Theirs).unwrap();
/// assert_eq!(settled.phases[0].duration_weeks, Some(10));
/// assert!(settled.conflicts.is_empty());
/// assert_eq!(resolve(&merged, 0, Side::Ours).unwrap().phases[0].duration_weeks, Some(6));
/// ```
pub fn resolve(plan: &Plan, index: usize, side: Side) -> Result<Plan, ResolveError> {
    let conflict = plan
        .conflicts
        .get(index)
        .ok_or(ResolveError::NoSuchConflict { index })?;
    let mut out = plan.clone();
    if side == Side::Theirs {
        let path = conflict.path.clone();
        let not_found = || ResolveError::PathNotFound { path: path.clone() };
        let steps = steps(&conflict.path).ok_or_else(not_found)?;
        let mut tree = serde_json::to_value(plan).map_err(|e| ResolveError::DoesNotFit {
            path: path.clone(),
            message: e.to_string(),
        })?;
        write(&mut tree, &steps, conflict.theirs.as_ref()).ok_or_else(not_found)?;
        out = serde_json::from_value(tree).map_err(|e| ResolveError::DoesNotFit {
            path: path.clone(),
            message: e.to_string(),
        })?;
    }
    out.conflicts.remove(index);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, MergeConflict, Task};
    use serde_json::json;

    fn with_conflict(path: &str, theirs: Option<Value>) -> Plan {
        let mut p = Plan::blank();
        p.tasks = vec![Task {
            id: Id::from("t.1]x"),
            title: "Label".into(),
            duration_days: Some(3),
            ..Task::default()
        }];
        p.conflicts = vec![MergeConflict {
            path: path.into(),
            label: "Task 'Label': length".into(),
            base: Some(json!(2)),
            ours: Some(json!(3)),
            theirs,
        }];
        p
    }

    #[test]
    fn paths_read_ids_with_dots_and_brackets() {
        assert_eq!(
            steps("tasks[id=t.1]x].duration_days"),
            Some(vec![
                Step::Item("tasks", "t.1]x"),
                Step::Field("duration_days")
            ])
        );
        assert_eq!(steps("title"), Some(vec![Step::Field("title")]));
        for bad in ["", ".", "a.", "a[id=x", "a[id=x]y", "[id=x]"] {
            assert_eq!(steps(bad), None, "{bad}");
        }
    }

    #[test]
    fn theirs_is_written_ours_is_kept_and_the_conflict_goes() {
        let p = with_conflict("tasks[id=t.1]x].duration_days", Some(json!(9)));
        let theirs = resolve(&p, 0, Side::Theirs).unwrap();
        assert_eq!(theirs.tasks[0].duration_days, Some(9));
        assert!(theirs.conflicts.is_empty());
        let ours = resolve(&p, 0, Side::Ours).unwrap();
        assert_eq!(ours.tasks[0].duration_days, Some(3));
        assert!(ours.conflicts.is_empty());
    }

    #[test]
    fn an_item_they_removed_is_removed_and_bad_conflicts_are_errors() {
        let p = with_conflict("tasks[id=t.1]x]", None);
        assert!(resolve(&p, 0, Side::Theirs).unwrap().tasks.is_empty());
        assert_eq!(
            resolve(&p, 3, Side::Ours),
            Err(ResolveError::NoSuchConflict { index: 3 })
        );
        let gone = with_conflict("tasks[id=ghost].duration_days", Some(json!(1)));
        assert!(matches!(
            resolve(&gone, 0, Side::Theirs),
            Err(ResolveError::PathNotFound { .. })
        ));
        let wrong = with_conflict("tasks[id=t.1]x].duration_days", Some(json!("nine")));
        let err = resolve(&wrong, 0, Side::Theirs).unwrap_err();
        assert!(matches!(err, ResolveError::DoesNotFit { .. }));
        assert!(err.to_string().contains("nothing was changed"));
    }
}
