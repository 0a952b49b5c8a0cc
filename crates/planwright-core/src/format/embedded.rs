//! The plan carried inside a Markdown document, so the document imports
//! back.
//!
//! The Markdown export ends with [`block`]: the plan file exactly as
//! [`file::to_json`] writes it, in a fenced code block. Two changes make it
//! safe to carry in Markdown, neither of which changes what the JSON says:
//! `<`, `>`, `&` and `` ` `` are written as the JSON escapes `\u003c`,
//! `\u003e`, `\u0026` and `\u0060` (they can only occur inside JSON strings,
//! where an escape reads as the character itself). So the block holds no
//! HTML for a renderer that misreads code, and no backtick at all: no line
//! of it can close the fence, which is still made one backtick longer than
//! the longest run inside, as CommonMark requires
//! (<https://spec.commonmark.org/0.31.2/#fenced-code-blocks>).
//!
//! [`import_markdown`] finds the one fenced block that holds a Planwright
//! plan (its text names the format `planwright-plan`), wherever it is in
//! the document and whatever was edited around it, and imports it as a
//! file: same size limit, same version check and migration, same messages,
//! with line numbers counted in the Markdown file. A document without such
//! a block, with two, or with one left open is refused with a message that
//! says so. Contract: never panics, whatever the input.

use crate::format::file::{self, ImportError, Imported, FORMAT, MAX_BYTES};
use crate::model::Plan;

/// The info string of the block: the language, for highlighting, then the
/// format, for people.
const INFO: &str = "json planwright-plan";

/// The plan as a fenced JSON block, ending with a newline.
///
/// ```
/// use planwright_core::{format::embedded, Plan};
/// let mut plan = Plan::blank();
/// plan.title = "<b>```</b>".into();
/// let block = embedded::block(&plan);
/// assert!(block.starts_with("```json planwright-plan\n{\n"));
/// assert!(!block[3..block.len() - 4].contains('`') && !block.contains('<'));
/// assert_eq!(embedded::import_markdown(block.as_bytes()).unwrap().plan, plan);
/// ```
pub fn block(plan: &Plan) -> String {
    let json = file::to_json(plan);
    let mut safe = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            '`' => safe.push_str("\\u0060"),
            c => safe.push(c),
        }
    }
    let fence = "`".repeat(longest_run(&safe, '`').max(2) + 1);
    format!("{fence}{INFO}\n{safe}{fence}\n")
}

/// The length of the longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for d in text.chars() {
        run = if d == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// A fenced code block found in a document.
struct Fenced<'a> {
    /// Line of the opening fence (1-based).
    line: usize,
    /// The text between the fences.
    content: &'a str,
    /// Whether a closing fence was found.
    closed: bool,
}

/// The opening fence on `line`, if it is one: its character and length.
fn opening(line: &str) -> Option<(char, usize)> {
    let rest = strip_indent(line)?;
    let c = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = rest.chars().take_while(|d| *d == c).count();
    // A backtick fence's info string may not hold a backtick.
    let info_ok = c == '~' || !rest[n..].contains('`');
    (n >= 3 && info_ok).then_some((c, n))
}

/// Whether `line` closes a fence of `n` characters `c`.
fn closes(line: &str, c: char, n: usize) -> bool {
    strip_indent(line).is_some_and(|rest| {
        let run = rest.chars().take_while(|d| *d == c).count();
        run >= n && rest[run..].trim_matches([' ', '\t']).is_empty()
    })
}

/// The line without up to three leading spaces; `None` if it has four or
/// more (then it is indented code, not a fence).
fn strip_indent(line: &str) -> Option<&str> {
    let spaces = line.bytes().take_while(|b| *b == b' ').count();
    (spaces <= 3).then(|| &line[spaces..])
}

/// Every fenced code block of `text`, in order.
fn fenced_blocks(text: &str) -> Vec<Fenced<'_>> {
    let mut blocks = Vec::new();
    // Each line with the byte offset where it starts, numbered from 1.
    let mut lines = text
        .split_inclusive('\n')
        .scan(0usize, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line))
        })
        .zip(1usize..);
    while let Some(((start, line), number)) = lines.next() {
        let Some((c, n)) = opening(line.trim_end_matches(['\n', '\r'])) else {
            continue;
        };
        let content_start = start + line.len();
        let mut end = text.len();
        let mut closed = false;
        for ((offset, inner), _) in lines.by_ref() {
            if closes(inner.trim_end_matches(['\n', '\r']), c, n) {
                end = offset;
                closed = true;
                break;
            }
        }
        blocks.push(Fenced {
            line: number,
            content: text.get(content_start..end).unwrap_or_default(),
            closed,
        });
    }
    blocks
}

/// Whether a block's text holds a Planwright plan (or what is left of one).
fn holds_plan(content: &str) -> bool {
    content.trim_start().starts_with('{') && content.contains(&format!("\"{FORMAT}\""))
}

/// Imports the plan a Markdown document carries (see the module docs).
pub fn import_markdown(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // The file import finds and reports the bad byte.
        Err(_) => return file::import_bytes(bytes),
    };
    let plans: Vec<Fenced<'_>> = fenced_blocks(text)
        .into_iter()
        .filter(|b| holds_plan(b.content))
        .collect();
    let block = match plans.as_slice() {
        [] => return Err(ImportError::NoPlanInMarkdown),
        [one] => one,
        several => {
            return Err(ImportError::SeveralPlansInMarkdown {
                lines: several.iter().map(|b| b.line).collect(),
            })
        }
    };
    if !block.closed {
        return Err(ImportError::UnclosedPlanBlock { line: block.line });
    }
    // Errors with a line number point into the Markdown file.
    file::import_str(block.content).map_err(|e| match e {
        ImportError::Syntax {
            line,
            column,
            message,
        } => ImportError::Syntax {
            line: line + block.line,
            column,
            message,
        },
        other => other,
    })
}

/// Whether a file's text is a Markdown document carrying a plan, for input
/// with no telling name (standard input): it has a block that holds one.
pub fn carries_plan(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|text| {
        !text
            .trim_start_matches('\u{FEFF}')
            .trim_start()
            .starts_with('{')
            && fenced_blocks(text).iter().any(|b| holds_plan(b.content))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::examples;

    fn doc_with(block: &str) -> String {
        format!("# A plan\n\nSome text.\n\n## Plan file\n\n{block}\nAfter.\n")
    }

    #[test]
    fn the_block_imports_back_wherever_it_sits() {
        let plan = examples::example("finance").expect("an example");
        let block = block(&plan);
        for doc in [
            block.clone(),
            doc_with(&block),
            doc_with(&block).replace('\n', "\r\n"),
            format!("{}\n\n~~~\nnot a plan\n~~~\n", doc_with(&block)),
        ] {
            assert_eq!(import_markdown(doc.as_bytes()).expect("imports").plan, plan);
            assert!(carries_plan(doc.as_bytes()));
        }
    }

    #[test]
    fn what_cannot_be_imported_is_named() {
        let blank = block(&Plan::blank());
        let cases: Vec<(String, ImportError)> = vec![
            (
                "# Notes\n\nNo plan here.\n".into(),
                ImportError::NoPlanInMarkdown,
            ),
            (
                doc_with("```json\n{\"a\": 1}\n```\n"),
                ImportError::NoPlanInMarkdown,
            ),
            (
                format!("{}{}", doc_with(&blank), blank),
                ImportError::SeveralPlansInMarkdown {
                    lines: vec![7, doc_with(&blank).lines().count() + 1],
                },
            ),
            (
                doc_with(&blank[..blank.len() - 5]).replace("\nAfter.\n", ""),
                ImportError::UnclosedPlanBlock { line: 7 },
            ),
        ];
        for (doc, want) in cases {
            assert_eq!(import_markdown(doc.as_bytes()).unwrap_err(), want, "{doc}");
        }
        assert!(!carries_plan(b"# Notes\n"));
    }

    #[test]
    fn a_broken_block_says_where_in_the_markdown_file() {
        let broken =
            doc_with("```json\n{\n  \"format\": \"planwright-plan\",\n  \"title\": oops\n}\n```\n");
        match import_markdown(broken.as_bytes()) {
            Err(ImportError::Syntax { line, .. }) => assert_eq!(line, 10),
            other => panic!("{other:?}"),
        }
        // A fence line inside the JSON ends the block early: the JSON is cut.
        let cut = doc_with(
            "```json\n{\n  \"format\": \"planwright-plan\",\n```\n  \"title\": \"x\"\n}\n```\n",
        );
        let message = import_markdown(cut.as_bytes()).unwrap_err().to_string();
        assert!(
            message.contains("cut short") || message.contains("not valid JSON"),
            "{message}"
        );
        let future = doc_with("```json\n{\"format\": \"planwright-plan\", \"version\": 9}\n```\n");
        assert_eq!(
            import_markdown(future.as_bytes()),
            Err(ImportError::FutureVersion { found: 9 })
        );
    }

    #[test]
    fn hostile_text_stays_inside_the_block() {
        let mut plan = Plan::blank();
        plan.title = "```\n</code><script>alert(1)</script>\n~~~ & ````".into();
        plan.summary = "\n```\n# heading".into();
        let block = block(&plan);
        assert!(block.starts_with("```json planwright-plan\n"));
        let inner = &block["```json planwright-plan\n".len()..block.len() - 4];
        assert!(!inner.contains(['`', '<', '>', '&']), "{inner}");
        assert!(!inner.lines().any(|l| closes(l, '`', 3)));
        assert_eq!(
            import_markdown(block.as_bytes()).expect("imports").plan,
            plan
        );
    }

    #[test]
    fn huge_and_odd_input_is_refused_without_a_panic() {
        let huge = vec![b'#'; MAX_BYTES + 1];
        assert!(matches!(
            import_markdown(&huge),
            Err(ImportError::TooLarge { .. })
        ));
        assert!(matches!(
            import_markdown(b"\xFF\xFE"),
            Err(ImportError::Encoding { .. })
        ));
        for odd in [
            "",
            "```",
            "```\n",
            "   ```",
            "    ```\n{\"planwright-plan\"",
            "~~~\n{\"planwright-plan\"}\n```\n",
        ] {
            let _ = import_markdown(odd.as_bytes());
        }
        assert_eq!(longest_run("a``b```c", '`'), 3);
    }
}
