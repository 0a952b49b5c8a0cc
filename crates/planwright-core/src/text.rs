//! Small pieces of English that every message of the core is built from.
//!
//! This is the bottom layer: it knows nothing of plans, so validation,
//! readiness, gates, the exports and the CLI can all phrase names, lists and
//! counts the same way without borrowing helpers from one another.

/// How many characters of a user-written name a message shows before it
/// shortens it with an ellipsis.
const QUOTE_CHARS: usize = 60;

/// A user-written name shown inside a message: trimmed, cut to 60 characters
/// and quoted, or `fallback` when the name is blank.
///
/// ```
/// use planwright_core::text::quoted;
/// assert_eq!(quoted("  Triage  ", "this task"), "'Triage'");
/// assert_eq!(quoted("", "this task"), "this task");
/// ```
pub fn quoted(text: &str, fallback: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return fallback.to_string();
    }
    let mut short: String = trimmed.chars().take(QUOTE_CHARS).collect();
    if trimmed.chars().count() > QUOTE_CHARS {
        short.push('…');
    }
    format!("'{short}'")
}

/// How every message names an item a person wrote: its quoted name, or,
/// when it has none, its kind and its place in its list, the way the editor
/// heads its row ("unnamed task 3" for the third task). Ids never stand in
/// for a name: people do not see them.
///
/// ```
/// use planwright_core::text::named;
/// assert_eq!(named("Map the queue", "task", 0), "'Map the queue'");
/// assert_eq!(named(" ", "data source", 2), "unnamed data source 3");
/// ```
pub fn named(name: &str, noun: &str, index: usize) -> String {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return unnamed(noun, index);
    }
    quoted(trimmed, "")
}

/// An item without a name, by its kind and place in its list:
/// `unnamed task 3` for the item at `index` 2.
pub fn unnamed(noun: &str, index: usize) -> String {
    format!("unnamed {noun} {}", index.saturating_add(1))
}

/// The text with its first letter in upper case, for names that start a
/// sentence ("this metric" → "This metric").
pub fn cap(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// Up to three names joined like [`and_list`], then how many more.
///
/// ```
/// use planwright_core::text::name_list;
/// assert_eq!(name_list(&["a", "b"]), "a and b");
/// assert_eq!(name_list(&["a", "b", "c", "d", "e"]), "a, b, c and 2 more");
/// ```
pub fn name_list<S: AsRef<str>>(names: &[S]) -> String {
    const SHOWN: usize = 3;
    if names.len() <= SHOWN {
        return and_list(names);
    }
    let shown: Vec<&str> = names.iter().take(SHOWN).map(AsRef::as_ref).collect();
    format!("{} and {} more", shown.join(", "), names.len() - SHOWN)
}

/// A count and a noun that takes an `s` in the plural: `1 task`, `3 tasks`.
///
/// ```
/// use planwright_core::text::plural;
/// assert_eq!(plural(1, "task"), "1 task");
/// assert_eq!(plural(0, "error"), "0 errors");
/// ```
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A slip in working days against a plan: `on time`, `3 working days
/// late`, `1 working day early`.
pub fn slip_words(days: i64) -> String {
    let n = plural(
        usize::try_from(days.unsigned_abs()).unwrap_or(usize::MAX),
        "working day",
    );
    match days {
        0 => "on time".to_string(),
        d if d > 0 => format!("{n} late"),
        _ => format!("{n} early"),
    }
}

/// How far a date moved, in working days: `no change`, `3 working days
/// later`, `1 working day earlier`.
pub fn moved_words(days: i64) -> String {
    let n = plural(
        usize::try_from(days.unsigned_abs()).unwrap_or(usize::MAX),
        "working day",
    );
    match days {
        0 => "no change".to_string(),
        d if d > 0 => format!("{n} later"),
        _ => format!("{n} earlier"),
    }
}

/// A count and a noun whose plural is not the singular and an `s`:
/// `counted(1, "entry", "entries")` is `1 entry`, with 2 it is `2 entries`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Every one of `n` things, to open or continue a sentence: `the only
/// metric`, `both metrics`, `all 5 metrics` (never `all 1 metrics`). Pair it
/// with [`agree`] for the verb, and [`cap`] at the start of a sentence.
///
/// ```
/// use planwright_core::text::{agree, all_of, cap};
/// let n = 1;
/// let s = format!("{} {} an owner.", cap(&all_of(n, "system", "systems")), agree(n, "has", "have"));
/// assert_eq!(s, "The only system has an owner.");
/// assert_eq!(all_of(2, "system", "systems"), "both systems");
/// assert_eq!(all_of(7, "system", "systems"), "all 7 systems");
/// ```
pub fn all_of(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("the only {one}"),
        2 => format!("both {many}"),
        n => format!("all {n} {many}"),
    }
}

/// `part` of `total` things: `1 of 4 criteria`, `4 of 4 criteria`, or
/// `the only criterion` when there is one (never `1 of 1 criteria`). The
/// verb agrees with `part`. Unlike [`all_of`] it never says "all", so it
/// reads right before a negative ("4 of 4 criteria are not met").
///
/// ```
/// use planwright_core::text::some_of;
/// assert_eq!(some_of(1, 4, "criterion", "criteria"), "1 of 4 criteria");
/// assert_eq!(some_of(1, 1, "criterion", "criteria"), "the only criterion");
/// assert_eq!(some_of(3, 3, "criterion", "criteria"), "3 of 3 criteria");
/// ```
pub fn some_of(part: usize, total: usize, one: &str, many: &str) -> String {
    if total == 1 {
        format!("the only {one}")
    } else {
        format!("{part} of {total} {many}")
    }
}

/// The word that agrees with a count: `one` for 1, `many` otherwise
/// (`agree(n, "is", "are")`, `agree(n, "task", "tasks")`).
pub fn agree<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// A size in megabytes as people and file managers count them (a million
/// bytes each), to one decimal: `17.4 MB`.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64).saturating_add(50_000) / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_shortens_long_names_on_a_character_boundary() {
        let long = "é".repeat(61);
        let q = quoted(&long, "x");
        assert_eq!(q.chars().count(), 60 + 3);
        assert!(q.ends_with("…'"));
        assert_eq!(quoted("   ", "this loop"), "this loop");
        assert_eq!(named("", "metric", 0), "unnamed metric 1");
        assert_eq!(named("  Triage ", "step", 4), "'Triage'");
        assert_eq!(
            named("", "task", usize::MAX),
            format!("unnamed task {}", usize::MAX)
        );
    }

    #[test]
    fn lists_read_as_english() {
        let none: [&str; 0] = [];
        assert_eq!(and_list(&none), "");
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(
            and_list(&["a".to_string(), "b".into(), "c".into()]),
            "a, b and c"
        );
        assert_eq!(name_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(name_list(&["a", "b", "c", "d"]), "a, b, c and 1 more");
        assert_eq!(cap("this metric"), "This metric");
        assert_eq!(cap(""), "");
        assert_eq!(plural(1, "task"), "1 task");
        assert_eq!(plural(0, "task"), "0 tasks");
        assert_eq!(counted(1, "entry", "entries"), "1 entry");
        assert_eq!(counted(3, "entry", "entries"), "3 entries");
        assert_eq!(agree(1, "is", "are"), "is");
        assert_eq!(agree(0, "is", "are"), "are");
    }

    // Pins the defect where sizes said MB but counted MiB (a 17.4 MB file
    // was reported as 16.6 MB).
    #[test]
    fn megabytes_count_millions_of_bytes() {
        assert_eq!(megabytes(17_400_000), "17.4 MB");
        assert_eq!(megabytes(16_000_000), "16.0 MB");
        assert_eq!(megabytes(52_428_800), "52.4 MB");
        assert_eq!(megabytes(0), "0.0 MB");
    }
}
