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

/// An item's quoted name, or its quoted id when it has no name.
pub fn named(name: &str, id: impl std::fmt::Display) -> String {
    quoted(name, &format!("'{id}'"))
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
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
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
        assert_eq!(named("", "m1"), "'m1'");
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
