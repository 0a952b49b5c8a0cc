//! The walk behind [`merge`](super::merge): three trees side by side.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::MergeConflict;

use super::compare::At;
use super::labels::item_name;
use super::tree::{by_id, item_ids, Node};

/// The merge of one place. `None` is "not there": a field or an item that
/// was deleted, or never added.
pub(crate) fn merge_node(
    at: &At,
    base: Option<&Node>,
    ours: Option<&Node>,
    theirs: Option<&Node>,
    atomic: bool,
    out: &mut Vec<MergeConflict>,
) -> Option<Node> {
    if ours == theirs || base == theirs {
        return ours.cloned();
    }
    if base == ours {
        return theirs.cloned();
    }
    if !atomic {
        match (base, ours, theirs) {
            (None | Some(Node::Object(_)), Some(Node::Object(o)), Some(Node::Object(t))) => {
                return Some(object(at, base, o, t, out));
            }
            (None | Some(Node::Array(_)), Some(Node::Array(o)), Some(Node::Array(t))) => {
                let b: &[Node] = match base {
                    Some(Node::Array(b)) => b,
                    _ => &[],
                };
                if let (Some(bi), Some(oi), Some(ti)) = (item_ids(b), item_ids(o), item_ids(t)) {
                    return Some(Node::Array(list(at, (b, &bi), (o, &oi), (t, &ti), out)));
                }
            }
            _ => {}
        }
    }
    out.push(conflict(at, base, ours, theirs));
    ours.cloned()
}

/// A conflict at `at`; the merged plan keeps `ours`.
fn conflict(
    at: &At,
    base: Option<&Node>,
    ours: Option<&Node>,
    theirs: Option<&Node>,
) -> MergeConflict {
    MergeConflict {
        path: at.path.clone(),
        label: at.label(),
        base: base.map(Node::to_value),
        ours: ours.map(Node::to_value),
        theirs: theirs.map(Node::to_value),
    }
}

/// Two objects changed on both sides, merged key by key in our order,
/// then keys only they have.
fn object(
    at: &At,
    base: Option<&Node>,
    ours: &[(String, Node)],
    theirs: &[(String, Node)],
    out: &mut Vec<MergeConflict>,
) -> Node {
    let mut keys: Vec<&str> = ours.iter().map(|(k, _)| k.as_str()).collect();
    for (k, _) in theirs {
        if !keys.contains(&k.as_str()) {
            keys.push(k);
        }
    }
    let mut fields = Vec::with_capacity(keys.len());
    for key in keys {
        let here = at.field(key);
        let b = base.and_then(|b| b.get(key));
        let o = ours.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        let t = theirs.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        if let Some(value) = merge_node(&here, b, o, t, at.is_snapshot(key), out) {
            fields.push((key.to_string(), value));
        }
    }
    Node::Object(fields)
}

/// Two lists of items, merged by id (see [`order`] for where each item
/// goes).
fn list(
    at: &At,
    (base, base_ids): (&[Node], &[&str]),
    (ours, ours_ids): (&[Node], &[&str]),
    (theirs, theirs_ids): (&[Node], &[&str]),
    out: &mut Vec<MergeConflict>,
) -> Vec<Node> {
    let key = at.list_key().to_string();
    let b = by_id(base, base_ids);
    let o = by_id(ours, ours_ids);
    let t = by_id(theirs, theirs_ids);
    let mut merged: FxHashMap<&str, Node> = FxHashMap::default();
    // Each id once, with its place in the list it is named from (ours
    // first), for items without a name.
    let everyone = [ours_ids, theirs_ids, base_ids]
        .into_iter()
        .flat_map(|ids| ids.iter().enumerate());
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for (index, &id) in everyone {
        if !seen.insert(id) {
            continue;
        }
        let (bi, oi, ti) = (b.get(id).copied(), o.get(id).copied(), t.get(id).copied());
        let Some(named) = oi.or(ti).or(bi) else {
            continue;
        };
        let here = at.item(id, &item_name(&key, named, index));
        let item = match (bi, oi, ti) {
            // Deleted on one side, changed on the other: the item as a whole
            // is in conflict, and the merged plan has what we have.
            (Some(bv), None, Some(tv)) | (Some(bv), Some(tv), None) if bv != tv => {
                out.push(conflict(&here, bi, oi, ti));
                oi.cloned()
            }
            _ => merge_node(&here, bi, oi, ti, false, out),
        };
        if let Some(item) = item {
            merged.insert(id, item);
        }
    }
    order(base_ids, ours_ids, theirs_ids, |id| merged.contains_key(id))
        .into_iter()
        .filter_map(|id| merged.remove(id))
        .collect()
}

/// The order of a merged list of keys: ours, with each key only they have
/// placed after the key before it in theirs. When we kept the base's order
/// and they changed it, theirs leads instead and our additions are placed
/// the same way, so a reordering on one side is never lost. `keeps` says
/// which keys are in the result.
pub(crate) fn order<'a>(
    base: &[&'a str],
    ours: &[&'a str],
    theirs: &[&'a str],
    keeps: impl Fn(&str) -> bool,
) -> Vec<&'a str> {
    let in_base: FxHashSet<&str> = base.iter().copied().collect();
    let in_ours: FxHashSet<&str> = ours.iter().copied().collect();
    let ours_kept: Vec<&str> = ours
        .iter()
        .copied()
        .filter(|k| in_base.contains(k))
        .collect();
    let base_kept: Vec<&str> = base
        .iter()
        .copied()
        .filter(|k| in_ours.contains(k))
        .collect();
    let (lead, other) = if ours_kept == base_kept {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let placed: FxHashSet<&str> = lead.iter().copied().filter(|k| keeps(k)).collect();
    // Each key comes after its parent: the lead's keys form one chain, and
    // each other key hangs after the nearest earlier key of its own list
    // that is in the result. A walk of that tree lists the result.
    let mut children: FxHashMap<Option<&str>, Vec<&str>> = FxHashMap::default();
    let mut added: FxHashSet<&str> = FxHashSet::default();
    let mut before: Option<&str> = None;
    for &k in other {
        if !keeps(k) {
            continue;
        }
        if !placed.contains(k) && added.insert(k) {
            children.entry(before).or_default().push(k);
        }
        before = Some(k);
    }
    let mut previous: Option<&str> = None;
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for &k in lead {
        if placed.contains(k) && seen.insert(k) {
            children.entry(previous).or_default().push(k);
            previous = Some(k);
        }
    }
    let mut result = Vec::with_capacity(placed.len() + added.len());
    let mut stack: Vec<&str> = children
        .get(&None)
        .map_or_else(Vec::new, |c| c.iter().rev().copied().collect());
    while let Some(k) = stack.pop() {
        result.push(k);
        if let Some(next) = children.get(&Some(k)) {
            stack.extend(next.iter().rev().copied());
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn their_additions_follow_the_item_before_them() {
        let got = order(
            &["a", "b", "c"],
            &["a", "x", "b", "c"],
            &["a", "b", "y", "c"],
            |_| true,
        );
        assert_eq!(got, ["a", "x", "b", "y", "c"]);
        let got = order(&["a", "b"], &["a", "b"], &["b", "a", "z"], |_| true);
        assert_eq!(got, ["b", "a", "z"]);
        let got = order(&["a", "b"], &["b", "a"], &["z", "a", "b"], |k| k != "a");
        assert_eq!(got, ["z", "b"]);
    }
}
