//! Titles of stored plans, worked out from plain strings so they are tested
//! natively:
//!
//! - [`distinct_title`] and [`copy_title`]: a plan started from an example,
//!   imported, saved from a share link or duplicated never repeats the title
//!   of a plan already in the library; it becomes `Title (copy)`, then
//!   `Title (copy 2)`, `Title (copy 3)`… (one scheme everywhere);
//! - [`recover_title`]: the title of a stored plan whose text can no longer
//!   be read, found by a bounded, tolerant scan of the raw text that never
//!   panics, whatever the text holds;
//! - [`damaged_notice`]: what the app says on load when stored plans cannot
//!   be read.

use std::collections::HashSet;

use planwright_core::text::{and_list, quoted};

/// What the library shows for a plan without a title.
pub const UNTITLED: &str = "Untitled plan";

/// `wanted` when no plan in `taken` has that title, else the first free copy
/// title (see [`copy_title`]). A blank title stays blank: blank plans are
/// told apart by their dates, not by made-up names.
pub fn distinct_title<'a>(wanted: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: HashSet<&str> = taken.into_iter().map(str::trim).collect();
    if wanted.trim().is_empty() || !taken.contains(wanted.trim()) {
        return wanted.to_string();
    }
    first_free(wanted, &taken)
}

/// The title of a copy of a plan called `title`: `Title (copy)`, or
/// `Title (copy N)` with the smallest N from 2 that no plan in `taken` has.
/// A title that already ends in a copy mark counts from its base, so a copy
/// of `Title (copy)` is `Title (copy 2)`, not `Title (copy) (copy)`.
pub fn copy_title<'a>(title: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: HashSet<&str> = taken.into_iter().map(str::trim).collect();
    first_free(title, &taken)
}

fn first_free(title: &str, taken: &HashSet<&str>) -> String {
    let base = match base_of(title.trim()) {
        "" => UNTITLED,
        base => base,
    };
    let first = format!("{base} (copy)");
    if !taken.contains(first.as_str()) {
        return first;
    }
    // Each taken title can block one number at most, so one of these is free.
    (2..=taken.len() + 2)
        .map(|n| format!("{base} (copy {n})"))
        .find(|t| !taken.contains(t.as_str()))
        .unwrap_or(first)
}

/// `title` without a trailing ` (copy)` or ` (copy N)`.
fn base_of(title: &str) -> &str {
    let Some((inner, at)) = title
        .strip_suffix(')')
        .and_then(|t| t.rfind("(copy").map(|at| (t, at)))
    else {
        return title;
    };
    if !inner[..at].is_empty() && !inner[..at].ends_with(' ') {
        return title;
    }
    let mark = &inner[at + "(copy".len()..];
    let is_mark = mark.is_empty()
        || mark
            .strip_prefix(' ')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if is_mark {
        title[..at].trim_end()
    } else {
        title
    }
}

/// How far into the stored text the title is looked for: the bookkeeping
/// comes first and the plan's own title is its third field, so a title that
/// survived is near the start. Past this, a `"title"` key is more likely a
/// task's.
const SCAN_BYTES: usize = 16 * 1024;

/// How many characters of a recovered title are kept.
const TITLE_CHARS: usize = 120;

/// The title in the raw stored text of a plan, when one can still be read:
/// the first `"title": "…"` pair within the first 16 KB whose string is
/// complete and not blank, escapes decoded, cut to 120 characters. `None`
/// when there is none; never panics.
pub fn recover_title(raw: &str) -> Option<String> {
    let mut end = raw.len().min(SCAN_BYTES);
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    let window = &raw[..end];
    let mut from = 0;
    while let Some(found) = window[from..].find("\"title\"") {
        let after = from + found + "\"title\"".len();
        from = after;
        let rest = window[after..].trim_start();
        let Some(value) = rest.strip_prefix(':') else {
            continue;
        };
        let Some(value) = value.trim_start().strip_prefix('"') else {
            continue;
        };
        if let Some(title) = json_string(value) {
            let title = title.trim();
            if !title.is_empty() {
                let mut short: String = title.chars().take(TITLE_CHARS).collect();
                if title.chars().count() > TITLE_CHARS {
                    short.push('…');
                }
                return Some(short);
            }
        }
    }
    None
}

/// The JSON string that `text` starts with (just after its opening quote),
/// decoded; `None` when it does not end before the text does or holds a raw
/// control character, as a damaged string may.
fn json_string(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' | 'r' | 't' | 'b' | 'f' => out.push(' '),
                'u' => {
                    let unit = hex4(&mut chars)?;
                    let c = match unit {
                        0xD800..=0xDBFF => {
                            // A high surrogate needs its low half next:
                            // \uDC00 to \uDFFF. Without it, nothing after
                            // it is taken.
                            let mut look = chars.clone();
                            let low = match (look.next(), look.next()) {
                                (Some('\\'), Some('u')) => hex4(&mut look),
                                _ => None,
                            };
                            match low {
                                Some(low @ 0xDC00..=0xDFFF) => {
                                    chars = look;
                                    char::from_u32(
                                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00),
                                    )
                                }
                                _ => None,
                            }
                        }
                        unit => char::from_u32(unit),
                    };
                    out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                other => out.push(other),
            },
            c if c.is_control() => return None,
            c => out.push(c),
        }
    }
    None
}

fn hex4(chars: &mut std::str::Chars) -> Option<u32> {
    let mut n = 0;
    for _ in 0..4 {
        n = n * 16 + chars.next()?.to_digit(16)?;
    }
    Some(n)
}

/// What the app announces on load when stored plans cannot be read, naming
/// each by its recovered title (`None` for one whose title is lost too).
/// `None` when every stored plan can be read.
pub fn damaged_notice(titles: &[Option<String>]) -> Option<String> {
    if titles.is_empty() {
        return None;
    }
    let mut names: Vec<String> = titles
        .iter()
        .flatten()
        .map(|t| quoted(t, UNTITLED))
        .collect();
    let lost = titles.len() - names.len();
    let (what, they) = if titles.len() == 1 {
        ("One stored plan cannot be read".to_string(), "It is")
    } else {
        (
            format!("{} stored plans cannot be read", titles.len()),
            "They are",
        )
    };
    match (names.len(), lost) {
        (_, 0) | (0, 1) => {}
        (0, _) => names.push("none of their titles can be recovered".to_string()),
        (_, 1) => names.push("one whose title is lost".to_string()),
        (_, n) => names.push(format!("{n} whose titles are lost")),
    }
    let named = if names.is_empty() {
        String::from(": its title is lost too")
    } else {
        format!(": {}", and_list(&names))
    };
    Some(format!(
        "{what}{named}. {they} kept exactly as stored; the library offers to download the stored text or remove it."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_title_gets_the_first_free_copy_mark() {
        let taken = ["Plan", "Plan (copy)", "Plan (copy 3)", "Other"];
        let cases = [
            ("New", "New"),
            ("Plan", "Plan (copy 2)"),
            ("  Other ", "Other (copy)"),
            ("Plan (copy)", "Plan (copy 2)"),
            ("", ""),
            ("   ", "   "),
        ];
        for (wanted, want) in cases {
            assert_eq!(distinct_title(wanted, taken), want, "{wanted:?}");
        }
        assert_eq!(
            distinct_title("Plan", ["Plan", "Plan (copy)", "Plan (copy 2)"]),
            "Plan (copy 3)"
        );
    }

    #[test]
    fn a_copy_is_always_marked() {
        assert_eq!(copy_title("Plan", ["Plan"]), "Plan (copy)");
        assert_eq!(
            copy_title("Plan (copy)", ["Plan", "Plan (copy)"]),
            "Plan (copy 2)"
        );
        assert_eq!(
            copy_title("Plan (copy 7)", ["Plan (copy 7)"]),
            "Plan (copy)"
        );
        assert_eq!(copy_title("", [""]), "Untitled plan (copy)");
        // Brackets that are not a copy mark stay part of the title.
        assert_eq!(
            copy_title("Pilot (copyedit)", []),
            "Pilot (copyedit) (copy)"
        );
        assert_eq!(copy_title("Pilot (copy x)", []), "Pilot (copy x) (copy)");
        assert_eq!(copy_title("(copy)", []), "Untitled plan (copy)");
        let many: Vec<String> = std::iter::once("P (copy)".to_string())
            .chain((2..200).map(|n| format!("P (copy {n})")))
            .collect();
        assert_eq!(
            copy_title("P", many.iter().map(String::as_str)),
            "P (copy 200)"
        );
    }

    const STORED: &str = r#"{"meta":{"title":"Claims triage","created":1,"updated":2,"rev":3,"by":"t1"},"plan":{"format":"planwright-plan","version":2,"title":"Claims triage","tasks":[{"id":"t1","title":"Map"}]}}"#;

    #[test]
    fn the_title_survives_truncation_and_garbling() {
        type Case = (&'static str, String, Option<&'static str>);
        let cases: Vec<Case> = vec![
            ("whole", STORED.to_string(), Some("Claims triage")),
            (
                "cut after the title",
                STORED[..40].to_string(),
                Some("Claims triage"),
            ),
            ("cut inside the title", STORED[..20].to_string(), None),
            (
                "meta lost, plan title kept",
                STORED.replacen(
                    "\"meta\":{\"title\":\"Claims triage\"",
                    "\"meta\":{\"x\":",
                    1,
                ),
                Some("Claims triage"),
            ),
            (
                "escapes",
                r#"{"meta":{"title" : "Say \"hi\" \u00e9\ud83d\ude00\n\\"}}"#.to_string(),
                Some("Say \"hi\" é😀 \\"),
            ),
            (
                "lone surrogate",
                r#"{"title":"a\ud800b"}"#.to_string(),
                Some("a\u{FFFD}b"),
            ),
            (
                "bad escape",
                r#"{"title":"a\uZZZZ","plan":{"title":"B"}}"#.to_string(),
                Some("B"),
            ),
            (
                "blank first",
                r#"{"meta":{"title":"  "},"plan":{"title":"Second"}}"#.to_string(),
                Some("Second"),
            ),
            ("not a key", r#"{"role":"title","x":1}"#.to_string(), None),
            (
                "escaped in a string",
                r#"{"notes":"\"title\": \"fake\""}"#.to_string(),
                None,
            ),
            (
                "raw control char",
                "{\"title\":\"a\u{1}b\"}".to_string(),
                None,
            ),
            ("number", r#"{"title":42}"#.to_string(), None),
            ("empty", String::new(), None),
            ("only the key", "\"title\"".to_string(), None),
            ("key at the end", "{\"title\": \"".to_string(), None),
            (
                "multibyte at the cut",
                format!("x{}{}", "é".repeat(SCAN_BYTES), r#""title":"Late""#),
                None,
            ),
        ];
        for (name, raw, want) in cases {
            assert_eq!(recover_title(&raw).as_deref(), want, "{name}");
        }
        let long = format!(r#"{{"title":"{}"}}"#, "x".repeat(500));
        let got = recover_title(&long).unwrap_or_default();
        assert_eq!(got.chars().count(), TITLE_CHARS + 1);
        assert!(got.ends_with('…'));
    }

    #[test]
    fn no_cut_or_flip_of_a_stored_plan_panics() {
        let bytes = STORED.as_bytes();
        for end in 0..=bytes.len() {
            let _ = recover_title(&String::from_utf8_lossy(&bytes[..end]));
            let _ = recover_title(&String::from_utf8_lossy(&bytes[end..]));
        }
        for i in 0..bytes.len() {
            for b in [b'"', b'\\', b'u', 0, 0xFF] {
                let mut flipped = bytes.to_vec();
                flipped[i] = b;
                let _ = recover_title(&String::from_utf8_lossy(&flipped));
            }
        }
    }

    #[test]
    fn the_load_notice_names_what_it_can() {
        let t = |s: &str| Some(s.to_string());
        assert_eq!(damaged_notice(&[]), None);
        let cases = [
            (
                vec![t("A")],
                "One stored plan cannot be read: 'A'. It is kept",
            ),
            (
                vec![None],
                "One stored plan cannot be read: its title is lost too. It is kept",
            ),
            (
                vec![t("A"), t("B")],
                "2 stored plans cannot be read: 'A' and 'B'. They are kept",
            ),
            (
                vec![t("A"), None],
                "2 stored plans cannot be read: 'A' and one whose title is lost. They",
            ),
            (
                vec![t("A"), None, None],
                "3 stored plans cannot be read: 'A' and 2 whose titles are lost.",
            ),
            (
                vec![None, None],
                "2 stored plans cannot be read: none of their titles can be recovered.",
            ),
        ];
        for (titles, start) in cases {
            let got = damaged_notice(&titles).unwrap_or_default();
            assert!(got.starts_with(start), "{got}");
            assert!(
                got.ends_with("download the stored text or remove it."),
                "{got}"
            );
        }
    }
}
