//! Escaping of user text, so what a person typed is what a reader sees:
//! it cannot open a table, a link, a code fence, a heading or any HTML.

use std::fmt::Write as _;

// ---------------------------------------------------------------------------
// Escaping

/// Escapes user text so Markdown shows it literally.
///
/// - `\` `` ` `` `*` `_` `[` `]` `|` `~` `$` get a backslash (`$` because
///   GitHub renders `$…$` as maths, `~` because of strikethrough and `~~~`
///   fences);
/// - `&` `<` `>` become `&amp;` `&lt;` `&gt;`, so no HTML, comment or
///   autolink can form;
/// - at the start of a line, leading spaces and tabs are dropped (they would
///   start a code block) and `#` `-` `+` `=` and list numbers like `1.` or
///   `1)` are escaped (headings, lists, setext underlines);
/// - `\r\n` and `\r` become `\n`; other control characters become spaces.
///
/// Line breaks are kept as `\n`; use [`cell`] for table cells and list
/// items, where a line break must become `<br>`.
///
/// ```
/// use planwright_core::export::markdown::escape;
/// assert_eq!(escape("<b>1 | 2</b>"), "&lt;b&gt;1 \\| 2&lt;/b&gt;");
/// assert_eq!(escape("# not a heading"), "\\# not a heading");
/// assert_eq!(escape("[x](javascript:alert(1))"), "\\[x\\](javascript:alert(1))");
/// ```
pub fn escape(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        escape_line(line.trim_start_matches([' ', '\t']), &mut out);
    }
    out
}

/// Escapes one line whose leading whitespace is already gone.
pub(super) fn escape_line(line: &str, out: &mut String) {
    // Block markers that only matter at the start of a line.
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let numbered =
        (1..=9).contains(&digits) && matches!(line.as_bytes().get(digits), Some(b'.' | b')'));
    let marker = if numbered {
        Some(digits)
    } else if line.starts_with(['#', '-', '+', '=']) {
        out.push('\\');
        None
    } else {
        None
    };
    for (i, c) in line.char_indices() {
        if marker == Some(i) {
            out.push('\\');
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Escapes user text for a table cell or a list item: as [`escape`], with
/// line breaks as `<br>` (blank lines dropped). Empty text gives `—`.
///
/// ```
/// use planwright_core::export::markdown::cell;
/// assert_eq!(cell("first\nsecond | third"), "first<br>second \\| third");
/// assert_eq!(cell("  "), "—");
/// ```
pub fn cell(text: &str) -> String {
    let escaped = escape(text.trim());
    let lines: Vec<&str> = escaped
        .split('\n')
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        "—".to_string()
    } else {
        lines.join("<br>")
    }
}

/// Escapes user text for a heading or other one-line place: as [`escape`],
/// with line breaks as spaces.
pub(super) fn inline(text: &str) -> String {
    let escaped = escape(text.trim());
    let words: Vec<&str> = escaped
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    words.join(" ")
}

/// Escapes user text as a paragraph: single line breaks become hard breaks,
/// blank lines separate paragraphs.
pub(super) fn block(text: &str) -> String {
    let escaped = escape(text.trim());
    let mut out = String::new();
    let mut blank = false;
    for line in escaped.split('\n').map(str::trim_end) {
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            // A backslash at the end of a line is a hard break.
            out.push_str(if blank { "\n\n" } else { "\\\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// Text shown in a code span, with a fence longer than any run of backticks
/// inside it.
pub(super) fn code(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in flat.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if flat.starts_with('`') || flat.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{flat}{pad}{fence}")
}

/// A GitHub-flavoured table. Cells must already be Markdown (see [`cell`]);
/// an empty cell is shown as `—`. Rows shorter than the header are padded.
///
/// ```
/// use planwright_core::export::markdown::{cell, table};
/// let t = table(&["Name", "Role"], &[vec![cell("Ana"), String::new()]]);
/// assert_eq!(t, "| Name | Role |\n|---|---|\n| Ana | — |\n");
/// ```
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "| {} |", headers.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(headers.len()));
    for row in rows {
        let cells: Vec<&str> = (0..headers.len())
            .map(|i| match row.get(i).map(String::as_str) {
                None | Some("") => "—",
                Some(text) => text,
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}
