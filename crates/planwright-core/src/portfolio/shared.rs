//! Shared foundation: the items several plans have in common.
//!
//! Which items take part ([`items`]): every data source, system, governance
//! control and foundation deliverable of a plan. Each is matched by the
//! [`normalised`] form of its name; a control or deliverable with a blank
//! name goes by its area or kind label (the name a new one gets), so two
//! "Human oversight" controls match whether or not anyone renamed them. A
//! data source or system with a blank name, and an "other" control or
//! deliverable with none, match nothing by name but can still be linked.
//!
//! Joining: items of one kind with the same name key join across plans; a
//! "same as" [`Link`](super::Link) joins two items whatever their names; a
//! "not the same" link undoes the name match between exactly those two
//! items (a chain of other matches can still bring them together). Links
//! to members or items that do not exist are ignored. A group becomes a
//! [`SharedItem`] when it spans two or more initiatives.
//!
//! Cost: linear in the items of the plans, plus the square of the plans
//! sharing one name only when a "not the same" link touches that name.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::choice::Choice;
use crate::model::{DeliverableKind, Id, Plan};

use super::{normalised, ItemUse, Link, SharedItem, SharedKind};

/// One item of a plan that shared-foundation matching reads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanItem {
    /// What kind of item.
    pub kind: SharedKind,
    /// Its id in the plan (what an [`ItemRef`](super::ItemRef) names).
    pub item: Id,
    /// Its name as matched: the person's name, or for a control or
    /// deliverable without one, its area or kind label. May be blank.
    pub name: String,
}

/// Every item of a plan that can be shared, in template order: data
/// sources, systems, controls, deliverables.
///
/// ```
/// use planwright_core::model::Plan;
/// use planwright_core::portfolio::{items, SharedKind};
/// let blank = items(&Plan::blank());
/// assert_eq!(blank.len(), 4);
/// assert!(blank.iter().all(|i| i.kind == SharedKind::Deliverable));
/// assert_eq!(blank[0].name, "Context pack");
/// ```
pub fn items(plan: &Plan) -> Vec<PlanItem> {
    let mut out = Vec::new();
    let push = |out: &mut Vec<PlanItem>, kind, item: &Id, name: &str| {
        out.push(PlanItem {
            kind,
            item: item.clone(),
            name: name.trim().to_string(),
        })
    };
    for d in &plan.data_sources {
        push(&mut out, SharedKind::DataSource, &d.id, &d.name);
    }
    for s in &plan.systems {
        push(&mut out, SharedKind::System, &s.id, &s.name);
    }
    for c in &plan.controls {
        let name = if c.name.trim().is_empty() && c.area != crate::model::ControlArea::Other {
            c.area.label()
        } else {
            &c.name
        };
        push(&mut out, SharedKind::Control, &c.id, name);
    }
    for d in &plan.deliverables {
        let name = if d.name.trim().is_empty() && d.kind != DeliverableKind::Other {
            d.kind.label()
        } else {
            &d.name
        };
        push(&mut out, SharedKind::Deliverable, &d.id, name);
    }
    out
}

/// Disjoint sets over node positions.
struct Sets(Vec<usize>);

impl Sets {
    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            // The lower position stays the root, so results do not depend
            // on the order of joins.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// One item of one initiative.
struct Node {
    /// Position of the initiative in the ranked list handed in.
    owner: usize,
    item: PlanItem,
    key: String,
}

/// The shared items of these initiatives (`(member key, plan)` in rank
/// order), most initiatives unlocked first, then by kind, then in the
/// order they first occur.
pub(super) fn shared(members: &[(&str, &Plan)], links: &[Link]) -> Vec<SharedItem> {
    let mut nodes: Vec<Node> = Vec::new();
    for (owner, (_, plan)) in members.iter().enumerate() {
        for item in items(plan) {
            let key = normalised(&item.name);
            nodes.push(Node { owner, item, key });
        }
    }
    let position: HashMap<&str, usize> = members
        .iter()
        .enumerate()
        .rev()
        .map(|(i, (k, _))| (*k, i))
        .collect();
    let mut by_item: HashMap<(usize, SharedKind, &Id), usize> = HashMap::new();
    for (i, n) in nodes.iter().enumerate().rev() {
        by_item.insert((n.owner, n.item.kind, &n.item.item), i);
    }
    let find = |r: &super::ItemRef, kind: SharedKind| {
        let owner = *position.get(r.member.as_str())?;
        by_item.get(&(owner, kind, &r.item)).copied()
    };

    let mut sets = Sets((0..nodes.len()).collect());
    let mut apart: HashSet<(usize, usize)> = HashSet::new();
    let mut joined: Vec<(usize, usize)> = Vec::new();
    for link in links {
        let (Some(a), Some(b)) = (find(&link.a, link.kind), find(&link.b, link.kind)) else {
            continue;
        };
        if a == b {
            continue;
        }
        if link.same {
            joined.push((a, b));
        } else {
            apart.insert((a.min(b), a.max(b)));
        }
    }

    // Name matches, group by group.
    let mut groups: HashMap<(SharedKind, &str), Vec<usize>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if !n.key.is_empty() {
            groups.entry((n.item.kind, &n.key)).or_default().push(i);
        }
    }
    let touched: HashSet<usize> = apart.iter().flat_map(|&(a, b)| [a, b]).collect();
    for group in groups.values() {
        if group.iter().any(|i| touched.contains(i)) {
            for (x, &a) in group.iter().enumerate() {
                for &b in &group[x + 1..] {
                    if !apart.contains(&(a.min(b), a.max(b))) {
                        sets.join(a, b);
                    }
                }
            }
        } else {
            for pair in group.windows(2) {
                sets.join(pair[0], pair[1]);
            }
        }
    }
    for &(a, b) in &joined {
        sets.join(a, b);
    }

    // Groups in node order, which is rank order, then template order.
    let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for i in 0..nodes.len() {
        let r = sets.root(i);
        members_of[r].push(i);
    }
    let linked_roots: HashSet<usize> = joined.iter().map(|&(a, _)| sets.root(a)).collect();
    let mut out: Vec<(usize, SharedItem)> = Vec::new();
    for (root, group) in members_of.iter().enumerate() {
        let mut uses: Vec<ItemUse> = Vec::new();
        let mut last: Option<usize> = None;
        // Nodes are in owner order, so one owner's items are together.
        for &i in group {
            let n = &nodes[i];
            if last != Some(n.owner) {
                last = Some(n.owner);
                uses.push(ItemUse {
                    member: members[n.owner].0.to_string(),
                    item: n.item.item.clone(),
                    name: n.item.name.clone(),
                });
            }
        }
        if uses.len() < 2 {
            continue;
        }
        let kind = nodes[root].item.kind;
        let name = match uses.iter().map(|u| u.name.as_str()).find(|n| !n.is_empty()) {
            Some(name) => name.to_string(),
            // Only linked items can all be blank.
            None => format!("Unnamed {}", kind.label().to_lowercase()),
        };
        let unlocks = uses.iter().map(|u| u.member.clone()).collect();
        out.push((
            root,
            SharedItem {
                kind,
                name,
                uses,
                unlocks,
                linked: linked_roots.contains(&root),
            },
        ));
    }
    let kind_order = |k: SharedKind| SharedKind::ALL.iter().position(|x| *x == k);
    out.sort_by(|(ra, a), (rb, b)| {
        b.unlocks
            .len()
            .cmp(&a.unlocks.len())
            .then(kind_order(a.kind).cmp(&kind_order(b.kind)))
            .then(ra.cmp(rb))
    });
    out.into_iter().map(|(_, s)| s).collect()
}
