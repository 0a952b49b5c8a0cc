//! The plan as a JSON tree that keeps its fields in declaration order.
//!
//! `serde_json::Value` sorts object keys (the crate is built without
//! `preserve_order`), which would list a task's `title` after its `status`.
//! Diff, merge and `show` all want plan order, so they work on [`Node`],
//! read back from the plan's own serialization, and turn it into a `Value`
//! only where a value leaves the module.

use std::fmt;

use rustc_hash::FxHashMap;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::model::Plan;

/// A JSON value whose objects keep their keys in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl Node {
    /// The plan's fields, in the order the file writes them. Serializing
    /// plain data with string keys and reading it back cannot fail; should
    /// it ever, the plan reads as `null` rather than stopping the program.
    pub(crate) fn of_plan(plan: &Plan) -> Node {
        serde_json::to_string(plan)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or(Node::Null)
    }

    /// The field `key` of an object.
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string node.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(s) => Some(s),
            _ => None,
        }
    }

    /// The same value as a `serde_json::Value`.
    pub(crate) fn to_value(&self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Number(n) => Value::Number(n.clone()),
            Node::String(s) => Value::String(s.clone()),
            Node::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            Node::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_value()))
                    .collect::<Map<String, Value>>(),
            ),
        }
    }
}

/// The `"id"` of every item when the array is a list of items with ids:
/// every element an object whose `id` is a string, no id twice. An empty
/// array qualifies. `None` means the array is compared as a whole value.
pub(crate) fn item_ids(items: &[Node]) -> Option<Vec<&str>> {
    let mut ids = Vec::with_capacity(items.len());
    let mut seen: FxHashMap<&str, ()> = FxHashMap::default();
    for item in items {
        let id = item.get("id")?.as_str()?;
        if seen.insert(id, ()).is_some() {
            return None;
        }
        ids.push(id);
    }
    Some(ids)
}

/// The items of an id list by id.
pub(crate) fn by_id<'a>(items: &'a [Node], ids: &[&'a str]) -> FxHashMap<&'a str, &'a Node> {
    ids.iter().copied().zip(items.iter()).collect()
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(Number::from_f64(v).map_or(Node::Null, Node::Number))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::String(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut fields: Vec<(String, Node)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Node>()? {
            match fields.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => fields.push((key, value)),
            }
        }
        Ok(Node::Object(fields))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_plan_order() {
        let node = Node::of_plan(&Plan::blank());
        let Node::Object(fields) = &node else {
            panic!("a plan is an object");
        };
        let keys: Vec<&str> = fields.iter().take(4).map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["title", "summary", "start_date", "objective"]);
        assert_eq!(
            node.to_value(),
            serde_json::to_value(Plan::blank()).unwrap()
        );
    }

    #[test]
    fn only_lists_of_distinct_ids_match_by_id() {
        let item = |id: &str| Node::Object(vec![("id".into(), Node::String(id.into()))]);
        assert_eq!(item_ids(&[item("a"), item("b")]), Some(vec!["a", "b"]));
        assert_eq!(item_ids(&[]), Some(vec![]));
        assert_eq!(item_ids(&[item("a"), item("a")]), None);
        assert_eq!(item_ids(&[Node::String("a".into())]), None);
    }
}
