//! The walk behind [`diff`](super::diff): two trees side by side, field by
//! field and item by item.

use rustc_hash::FxHashMap;

use crate::text::and_list;

use super::labels::{item_name, nested, place, section_title};
use super::tree::{by_id, item_ids, Node};
use super::{Change, ChangeKind};

/// Where the walk is: the path so far, the item (or section) it is inside
/// and the field path within that item.
#[derive(Clone)]
pub(crate) struct At {
    pub(crate) path: String,
    pub(crate) item: String,
    pub(crate) in_item: bool,
    pub(crate) field: String,
    /// Inside a baseline: its stored snapshot is not looked into.
    pub(crate) baseline: bool,
}

impl At {
    /// The top of the section under the top-level field `key`.
    pub(crate) fn section(key: &str) -> At {
        At {
            path: key.to_string(),
            item: section_title(key),
            in_item: false,
            field: String::new(),
            baseline: false,
        }
    }

    /// One field further down.
    pub(crate) fn field(&self, key: &str) -> At {
        At {
            path: format!("{}.{key}", self.path),
            field: if self.field.is_empty() {
                key.to_string()
            } else {
                format!("{}.{key}", self.field)
            },
            ..self.clone()
        }
    }

    /// The item with this id in the list here, named `name`.
    pub(crate) fn item(&self, id: &str, name: &str) -> At {
        At {
            path: format!("{}[id={id}]", self.path),
            item: if self.in_item {
                nested(&self.item, name)
            } else {
                name.to_string()
            },
            in_item: true,
            field: String::new(),
            baseline: self.baseline || self.path == "baselines",
        }
    }

    /// The name of the list here (the last key of the path).
    pub(crate) fn list_key(&self) -> &str {
        let tail = self.path.rsplit('.').next().unwrap_or_default();
        tail.split('[').next().unwrap_or_default()
    }

    /// This place in words.
    pub(crate) fn label(&self) -> String {
        place(&self.item, &self.field)
    }

    /// Whether `key` is a baseline's snapshot, which diff and merge treat
    /// as one opaque value.
    pub(crate) fn is_snapshot(&self, key: &str) -> bool {
        self.baseline && self.field.is_empty() && (key == "plan" || key == "summary")
    }
}

/// An item as it is reported when added or removed: a baseline without
/// its snapshot.
fn reported(at: &At, item: &Node) -> serde_json::Value {
    match item {
        Node::Object(fields) if at.baseline => Node::Object(
            fields
                .iter()
                .filter(|(k, _)| !at.is_snapshot(k))
                .cloned()
                .collect(),
        )
        .to_value(),
        _ => item.to_value(),
    }
}

/// Adds the changes from `old` to `new` at `at`.
pub(crate) fn walk(at: &At, old: &Node, new: &Node, out: &mut Vec<Change>) {
    if old == new {
        return;
    }
    match (old, new) {
        (Node::Object(a), Node::Object(b)) => {
            for (key, value) in b {
                if at.is_snapshot(key) {
                    continue;
                }
                let here = at.field(key);
                match a.iter().find(|(k, _)| k == key) {
                    Some((_, before)) => walk(&here, before, value, out),
                    None => out.push(change(&here, ChangeKind::Changed, None, Some(value))),
                }
            }
            for (key, value) in a {
                if !at.is_snapshot(key) && !b.iter().any(|(k, _)| k == key) {
                    let here = at.field(key);
                    out.push(change(&here, ChangeKind::Changed, Some(value), None));
                }
            }
        }
        (Node::Array(a), Node::Array(b)) => match (item_ids(a), item_ids(b)) {
            (Some(old_ids), Some(new_ids)) => list(at, a, &old_ids, b, &new_ids, out),
            _ => out.push(change(at, ChangeKind::Changed, Some(old), Some(new))),
        },
        _ => out.push(change(at, ChangeKind::Changed, Some(old), Some(new))),
    }
}

fn change(at: &At, kind: ChangeKind, old: Option<&Node>, new: Option<&Node>) -> Change {
    Change {
        kind,
        path: at.path.clone(),
        label: at.label(),
        old: old.map(Node::to_value),
        new: new.map(Node::to_value),
    }
}

/// Two lists of items matched by id: changed items field by field, then
/// added and removed ones, then one line if the kept ones were reordered.
fn list(
    at: &At,
    old: &[Node],
    old_ids: &[&str],
    new: &[Node],
    new_ids: &[&str],
    out: &mut Vec<Change>,
) {
    let key = at.list_key().to_string();
    let before = by_id(old, old_ids);
    let after: FxHashMap<&str, usize> =
        new_ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    for (index, (id, item)) in new_ids.iter().zip(new).enumerate() {
        let name = item_name(&key, item, index);
        let here = at.item(id, &name);
        match before.get(id) {
            Some(was) => walk(&here, was, item, out),
            None => out.push(Change {
                kind: ChangeKind::Added,
                path: here.path.clone(),
                label: here.label(),
                old: None,
                new: Some(reported(&here, item)),
            }),
        }
    }
    for (index, (id, item)) in old_ids.iter().zip(old).enumerate() {
        if !after.contains_key(id) {
            let name = item_name(&key, item, index);
            let here = at.item(id, &name);
            out.push(Change {
                kind: ChangeKind::Removed,
                path: here.path.clone(),
                label: here.label(),
                old: Some(reported(&here, item)),
                new: None,
            });
        }
    }
    // The kept items in their new order, by their old place: those off a
    // longest increasing run are the ones that moved.
    let old_place: FxHashMap<&str, usize> =
        old_ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let kept: Vec<(usize, usize)> = new_ids
        .iter()
        .enumerate()
        .filter_map(|(i, id)| old_place.get(id).map(|&o| (i, o)))
        .collect();
    let places: Vec<usize> = kept.iter().map(|&(_, o)| o).collect();
    let stay = longest_increasing(&places);
    let moved: Vec<usize> = kept
        .iter()
        .enumerate()
        .filter(|(k, _)| !stay[*k])
        .map(|(_, &(i, _))| i)
        .collect();
    if moved.is_empty() {
        return;
    }
    const SHOWN: usize = 5;
    let mut names: Vec<String> = moved
        .iter()
        .take(SHOWN)
        .filter_map(|&i| new.get(i).map(|item| item_name(&key, item, i)))
        .collect();
    if moved.len() > SHOWN {
        names.push(format!("{} more", moved.len() - SHOWN));
    }
    out.push(Change {
        kind: ChangeKind::Moved,
        path: at.path.clone(),
        label: place(
            &at.item,
            &format!("order changed, {} moved", and_list(&names)),
        ),
        old: None,
        new: Some(serde_json::Value::Array(
            moved
                .iter()
                .filter_map(|&i| new_ids.get(i))
                .map(|id| serde_json::Value::String((*id).to_string()))
                .collect(),
        )),
    });
}

/// Which entries of `seq` form one longest strictly increasing
/// subsequence (patience sorting, O(n log n)).
fn longest_increasing(seq: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new(); // index into seq of each pile's top
    let mut back: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, &v) in seq.iter().enumerate() {
        let pile = tails.partition_point(|&t| seq[t] < v);
        back[i] = pile.checked_sub(1).and_then(|p| tails.get(p).copied());
        if pile == tails.len() {
            tails.push(i);
        } else {
            tails[pile] = i;
        }
    }
    let mut keep = vec![false; seq.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = back[i];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_run_stays_and_the_rest_moved() {
        assert_eq!(longest_increasing(&[0, 1, 2]), [true, true, true]);
        assert_eq!(longest_increasing(&[2, 0, 1]), [false, true, true]);
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
        let keep = longest_increasing(&[1, 0]);
        assert_eq!(keep.iter().filter(|k| **k).count(), 1);
    }
}
