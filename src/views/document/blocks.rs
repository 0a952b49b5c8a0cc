//! What the plan document is made of, as plain data: headings, paragraphs,
//! label and value pairs, tables and records. The sections build these from
//! the plan; one renderer turns them into markup, so the markup is compiled
//! once for every section rather than once per section.

/// One value of a fact.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text as written (line breaks kept).
    Text(String),
    /// Several items, shown as a list.
    Items(Vec<String>),
    /// Nothing given: says what is missing, in muted text.
    Missing(&'static str),
}

impl Value {
    /// The person's text, or the note on what is missing when it is blank.
    pub fn text(text: &str, missing: &'static str) -> Value {
        if text.trim().is_empty() {
            Value::Missing(missing)
        } else {
            Value::Text(text.trim().to_string())
        }
    }

    /// A list, or the note on what is missing when it is empty.
    pub fn items(items: Vec<String>, missing: &'static str) -> Value {
        let items: Vec<String> = items
            .into_iter()
            .map(|i| i.trim().to_string())
            .filter(|i| !i.is_empty())
            .collect();
        if items.is_empty() {
            Value::Missing(missing)
        } else {
            Value::Items(items)
        }
    }
}

/// A label and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// What the value is.
    pub label: &'static str,
    /// The value.
    pub value: Value,
    /// Takes the whole width (long text) instead of one column.
    pub wide: bool,
}

/// A short fact (a name, a choice, a number).
pub fn fact(label: &'static str, value: impl Into<String>) -> Fact {
    let value: String = value.into();
    Fact {
        label,
        value: if value.trim().is_empty() {
            Value::Missing("Not set")
        } else {
            Value::Text(value)
        },
        wide: false,
    }
}

/// A fact of the person's own prose, across the whole width.
pub fn prose(label: &'static str, text: &str, missing: &'static str) -> Fact {
    Fact {
        label,
        value: Value::text(text, missing),
        wide: true,
    }
}

/// A fact that is a list, across the whole width.
pub fn list(label: &'static str, items: Vec<String>, missing: &'static str) -> Fact {
    Fact {
        label,
        value: Value::items(items, missing),
        wide: true,
    }
}

/// One item of a list of the plan (a metric, a phase…): its name and facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The item's name.
    pub title: String,
    /// A short note beside the name, such as "current phase".
    pub tag: Option<&'static str>,
    /// What the plan says about it.
    pub facts: Vec<Fact>,
}

/// A table of short values.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table lists, for its caption.
    pub caption: String,
    /// Column headings; the first column heads each row.
    pub head: Vec<&'static str>,
    /// The cells, row by row.
    pub rows: Vec<Vec<String>>,
}

/// One piece of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A sub-heading inside the section.
    Heading(String),
    /// A computed sentence, such as the schedule's length.
    Text(String),
    /// What is missing, in muted text.
    Missing(&'static str),
    /// Label and value pairs.
    Facts(Vec<Fact>),
    /// A table; an empty one says `empty` instead.
    Table(Table, &'static str),
    /// Items of a list, each with its facts; `empty` when there are none.
    Records(Vec<Record>, &'static str),
    /// The task table, which can be long and is rendered in parts.
    Tasks,
}

/// A table, or a note when it has no rows.
pub fn table(
    caption: &str,
    head: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    empty: &'static str,
) -> Block {
    Block::Table(
        Table {
            caption: caption.to_string(),
            head,
            rows,
        },
        empty,
    )
}

/// `1 task`, `2 tasks`, with thousands grouped: `5,000 tasks`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), if n == 1 { one } else { many })
}

/// A whole number with its thousands grouped by commas: `12,345`.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `Yes` or `No`.
pub fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}
