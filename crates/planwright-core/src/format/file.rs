//! The plan file format: JSON with a format marker and a schema version.
//!
//! ```json
//! { "format": "planwright-plan", "version": 2, "title": "…", … }
//! ```
//!
//! Export ([`to_json`]) is deterministic: the same plan always gives the same
//! bytes (fields in declaration order, two-space indent, final newline).
//!
//! Import ([`import_str`], [`import_bytes`]) never panics and runs in stages,
//! each with its own kind of error:
//! 1. size and encoding: over [`MAX_BYTES`] or not UTF-8 is refused;
//! 2. syntax: JSON errors carry line and column;
//! 3. envelope: the format marker must match and the version must be known
//!    (a newer version is refused, an older one is migrated step by step by
//!    [`migrate`](crate::format::migrate));
//! 4. shape: type errors carry the JSON path (`tasks[3].depends_on[0]`);
//!    fields this version does not know are reported, not silently dropped;
//! 5. validation: [`validate`](crate::analysis::validate::validate) findings come back
//!    with the plan, because an incomplete plan is still a plan.

use std::fmt;

use rustc_hash::FxHashSet;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::analysis::validate::{validate, Finding};
use crate::format::{migrate, portfolio};
use crate::model::Plan;
use crate::text::{and_list, megabytes, plural};

/// The value of the `format` field.
pub const FORMAT: &str = "planwright-plan";
/// The version this build writes and the newest it reads.
pub const VERSION: u32 = 3;
/// The largest file import accepts, in bytes: 16 MB, counted as people and
/// file managers count them (a megabyte is a million bytes). A plan with
/// 10,000 tasks is under 4 MB.
pub const MAX_BYTES: usize = 16_000_000;

/// Why a file could not be imported. Each variant says what and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than [`MAX_BYTES`].
    TooLarge {
        /// Size of the file in bytes.
        bytes: usize,
    },
    /// The file is not UTF-8 text.
    Encoding {
        /// Line of the first bad byte (1-based).
        line: usize,
        /// Column of the first bad byte (1-based, in characters).
        column: usize,
    },
    /// The file is not valid JSON.
    Syntax {
        /// Line of the error (1-based).
        line: usize,
        /// Column of the error (1-based).
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The JSON is not a Planwright plan (wrong or missing marker, not an object).
    NotAPlan {
        /// What is wrong.
        message: String,
    },
    /// The file is a portfolio file ([`portfolio`]), which carries
    /// several plans: it is imported as a portfolio, not as one plan.
    PortfolioFile,
    /// The version field is missing or not a whole number.
    BadVersion {
        /// What was found instead.
        found: String,
    },
    /// The file was written by a newer Planwright than this one.
    FutureVersion {
        /// The version in the file.
        found: u64,
    },
    /// A value has the wrong type or shape.
    Shape {
        /// JSON path of the value, such as `tasks[3].depends_on[0]`.
        path: String,
        /// What was expected.
        message: String,
    },
    /// A Markdown file without the block that carries the plan.
    NoPlanInMarkdown,
    /// A Markdown file with more than one block that carries a plan.
    SeveralPlansInMarkdown {
        /// Line (1-based) where each block starts.
        lines: Vec<usize>,
    },
    /// The block carrying the plan is never closed: the file is cut short.
    UnclosedPlanBlock {
        /// Line (1-based) where the block starts.
        line: usize,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "The file is {}; plans larger than {} MB are refused to keep the browser responsive.",
                megabytes(*bytes),
                MAX_BYTES / 1_000_000
            ),
            ImportError::Encoding { line, column } => write!(
                f,
                "Line {line}, column {column}: the file is not UTF-8 text; is it really a plan file?"
            ),
            ImportError::Syntax { line, column, message } => {
                write!(f, "Line {line}, column {column}: this is not valid JSON ({message}).")
            }
            ImportError::NotAPlan { message } => write!(f, "This is not a Planwright plan: {message}"),
            ImportError::PortfolioFile => write!(
                f,
                "This is a Planwright portfolio file, which holds several plans and how they compare, not a single plan; import it as a portfolio."
            ),
            ImportError::BadVersion { found } => write!(
                f,
                "The 'version' field should be a whole number from {} to {VERSION}, but it is {found}.",
                migrate::OLDEST
            ),
            ImportError::FutureVersion { found } => write!(
                f,
                "This plan was saved in format version {found}, but this Planwright reads versions up to {VERSION}. Open it with a newer Planwright."
            ),
            ImportError::Shape { path, message } => write!(f, "At {path}: {message}."),
            ImportError::NoPlanInMarkdown => write!(
                f,
                "This Markdown file has no Planwright plan inside; export it again from Planwright (Download Markdown adds the plan at the end), or import the plan's JSON file."
            ),
            ImportError::SeveralPlansInMarkdown { lines } => {
                let at: Vec<String> = lines.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "This Markdown file holds {} (in the blocks starting at lines {}); delete all but one and import it again.",
                    plural(lines.len(), "Planwright plan"),
                    and_list(&at)
                )
            }
            ImportError::UnclosedPlanBlock { line } => write!(
                f,
                "Line {line}: the block holding the plan never ends (its closing ``` line is missing), so the file was probably cut short; export it again from Planwright."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// A successfully imported plan and what happened on the way in.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The plan, at the current version.
    pub plan: Plan,
    /// The version the file was written in.
    pub from_version: u32,
    /// What migration changed, for a person to read; empty when none ran.
    pub migration_notes: Vec<String>,
    /// Paths of fields this version does not know; they were not imported.
    pub unknown_fields: Vec<String>,
    /// Paths of keys the file gives more than once in the same object (the
    /// last value of each was kept), up to twenty.
    pub duplicate_keys: Vec<String>,
    /// How many repeated keys the file has in all.
    pub duplicate_count: usize,
    /// Validation findings on the imported plan.
    pub findings: Vec<Finding>,
}

impl Imported {
    /// What the import changed, for a person to read, one whole paragraph
    /// each: the migration to the current version with all its notes, and
    /// the fields that were left out. Empty when the plan came in as it was.
    pub fn changes(&self) -> Vec<String> {
        let mut changes = Vec::new();
        if self.from_version < VERSION {
            let mut text = format!(
                "This plan was saved in format version {} and has been brought up to version {VERSION}.",
                self.from_version
            );
            for note in &self.migration_notes {
                text.push(' ');
                text.push_str(note);
            }
            changes.push(text);
        }
        if !self.unknown_fields.is_empty() {
            changes.push(format!(
                "These fields are not part of a Planwright plan and were left out: {}.",
                self.unknown_fields.join(", ")
            ));
        }
        if self.duplicate_count > 0 {
            let more = self
                .duplicate_count
                .saturating_sub(self.duplicate_keys.len());
            let more = match more {
                0 => String::new(),
                n => format!(" and {n} more"),
            };
            changes.push(format!(
                "These fields are given more than once in the same place, and only the last value of each was kept: {}{more}.",
                self.duplicate_keys.join(", ")
            ));
        }
        changes
    }
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    plan: &'a Plan,
}

/// Writes a plan as a file in the current format.
///
/// ```
/// use planwright_core::{format::file, Plan};
/// let text = file::to_json(&Plan::blank());
/// assert!(text.starts_with("{\n  \"format\": \"planwright-plan\",\n  \"version\": 3,"));
/// assert_eq!(file::import_str(&text).unwrap().plan, Plan::blank());
/// ```
pub fn to_json(plan: &Plan) -> String {
    let envelope = Envelope {
        format: FORMAT,
        version: VERSION,
        plan,
    };
    // Serializing plain data with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(&envelope).unwrap_or_default();
    text.push('\n');
    text
}

/// Imports a file given as bytes (checks size and encoding first).
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => import_str(text),
        Err(e) => {
            let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            let (line, column) = line_column(&good);
            Err(ImportError::Encoding { line, column })
        }
    }
}

/// Imports a file the person chose, by what its name says it is: a
/// Markdown document (`.md`, `.markdown`) is read for the plan it carries
/// ([`embedded`](crate::format::embedded)); any other name, or none (`-`
/// for standard input), is read as a plan file, unless its text is
/// Markdown that carries a plan.
///
/// ```
/// use planwright_core::{export::markdown::to_markdown, format::file, Plan};
/// let doc = to_markdown(&Plan::blank());
/// assert_eq!(file::import_named("plan.md", doc.as_bytes()).unwrap().plan, Plan::blank());
/// assert_eq!(file::import_named("-", doc.as_bytes()).unwrap().plan, Plan::blank());
/// assert!(file::import_named("notes.MD", b"# Notes").is_err());
/// ```
pub fn import_named(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    use crate::format::embedded;
    let lower = name.to_ascii_lowercase();
    let markdown = lower.ends_with(".md") || lower.ends_with(".markdown");
    if markdown || (!lower.ends_with(".json") && embedded::carries_plan(bytes)) {
        embedded::import_markdown(bytes)
    } else {
        import_bytes(bytes)
    }
}

/// Line and column (1-based) just after the end of `text`.
pub(crate) fn line_column(text: &str) -> (usize, usize) {
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Imports a file given as text.
pub fn import_str(text: &str) -> Result<Imported, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(syntax_error)?;
    let Value::Object(mut object) = value else {
        return Err(ImportError::NotAPlan {
            message: format!("the file holds {} rather than an object.", describe(&value)),
        });
    };
    let from_version = read_envelope(&mut object)?;
    let migration_notes = if from_version < VERSION {
        migrate::migrate(&mut object, from_version)
    } else {
        Vec::new()
    };
    let (plan, unknown_fields) = from_value(Value::Object(object))?;
    let (duplicate_keys, duplicate_count) = duplicate_keys(text);
    let findings = validate(&plan);
    Ok(Imported {
        plan,
        from_version,
        migration_notes,
        unknown_fields,
        duplicate_keys,
        duplicate_count,
        findings,
    })
}

pub(crate) fn syntax_error(e: serde_json::Error) -> ImportError {
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let message = if e.classify() == serde_json::error::Category::Eof {
        format!("{message}; the file may be cut short")
    } else {
        message
    };
    ImportError::Syntax {
        line: e.line().max(1),
        column: e.column().max(1),
        message,
    }
}

pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(_) => "true or false".into(),
        Value::Number(_) => "a number".into(),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Checks and removes `format` and `version`, returning the version.
fn read_envelope(object: &mut Map<String, Value>) -> Result<u32, ImportError> {
    match object.remove("format") {
        Some(Value::String(s)) if s == FORMAT => {}
        Some(Value::String(s)) if s == portfolio::FORMAT => return Err(ImportError::PortfolioFile),
        Some(Value::String(s)) => {
            let shown: String = s.chars().take(60).collect();
            return Err(ImportError::NotAPlan {
                message: format!("its 'format' is '{shown}', expected '{FORMAT}'."),
            });
        }
        Some(other) => {
            return Err(ImportError::NotAPlan {
                message: format!(
                    "its 'format' is {}, expected the text '{FORMAT}'.",
                    describe(&other)
                ),
            })
        }
        None => {
            return Err(ImportError::NotAPlan {
                message: format!(
                    "the 'format' field is missing (expected \"format\": \"{FORMAT}\")."
                ),
            })
        }
    }
    let version = object.remove("version");
    let found = match &version {
        None => {
            return Err(ImportError::BadVersion {
                found: "missing".into(),
            })
        }
        Some(v) => v,
    };
    match found.as_u64() {
        Some(n) if n > u64::from(VERSION) => Err(ImportError::FutureVersion { found: n }),
        Some(n) if n >= u64::from(migrate::OLDEST) => Ok(n as u32),
        _ => {
            // Cut by characters: a byte cut can split one and panic.
            let shown: String = found.to_string().chars().take(40).collect();
            Err(ImportError::BadVersion { found: shown })
        }
    }
}

/// Deserializes a current-version plan object and lists the fields it does
/// not know.
///
/// Unknown fields are found by comparing the input with the plan written back
/// out: every known field is always written (absent values as `null`), so a
/// key the output lacks is one this version does not read. This keeps a
/// second, tracking deserializer (and its code size in the browser) out of
/// the build.
fn from_value(value: Value) -> Result<(Plan, Vec<String>), ImportError> {
    // Deserialize from compact text rather than from the value: serde_json
    // then reports where a wrong value sits, and `path_at` turns that into a
    // JSON path. (A path-tracking deserializer would double the size of the
    // deserialization code in the browser.)
    let text = value.to_string();
    let plan: Plan = serde_json::from_str(&text).map_err(|e| {
        let at = offset_of(&text, e.line(), e.column());
        let path = path_at(&text, at);
        ImportError::Shape {
            path: if path.is_empty() {
                "the top level".to_string()
            } else {
                path
            },
            message: shape_message(&strip_position(&e.to_string())),
        }
    })?;
    // Writing the file text and parsing it back reuses code every export
    // needs; a direct to_value would add a second serializer for every type.
    let known = serde_json::from_str(&to_json(&plan)).unwrap_or(Value::Null);
    let mut unknown = Vec::new();
    unknown_keys(&value, &known, "", &mut unknown);
    Ok((plan, unknown))
}

/// serde_json's message without its " at line L column C" suffix.
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Byte offset of the character serde_json reports an error at (1-based
/// line and column, columns counted in bytes, pointing at the last byte it
/// read); the value in error ends just before it.
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// The JSON path (`tasks[3].depends_on[0]`) of the value that ends at or
/// just before byte `offset` of a JSON text. Used to name where a value of
/// the wrong type sits; linear in `offset`, no recursion.
pub(crate) fn path_at(text: &str, offset: usize) -> String {
    path_of(&scan(text, offset, None))
}

/// How many repeated keys an import names; the rest are counted.
pub(crate) const DUPLICATES_NAMED: usize = 20;

/// Paths of keys that appear more than once in the same object of a JSON
/// text (`tasks[2].title`), in file order, up to [`DUPLICATES_NAMED`], and
/// how many there are in all. serde_json keeps the last value of a repeated
/// key without a word; this says which were repeated. One linear pass.
pub(crate) fn duplicate_keys(text: &str) -> (Vec<String>, usize) {
    let mut named = Vec::new();
    let mut total = 0;
    scan(
        text,
        text.len(),
        Some(&mut |stack: &[Frame], key: &str| {
            total += 1;
            if named.len() < DUPLICATES_NAMED {
                let mut path = path_of(stack);
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                named.push(path);
            }
        }),
    );
    (named, total)
}

/// An open object or array while scanning JSON text.
enum Frame {
    /// An object, with the key whose value is being read and, when repeated
    /// keys are looked for, the keys seen so far.
    Object {
        key: Option<String>,
        seen: FxHashSet<String>,
    },
    /// An array, with the index of the element being read.
    Array { index: usize },
}

/// Hears of a repeated key, with the containers around its object.
type OnRepeat<'a> = dyn FnMut(&[Frame], &str) + 'a;

/// Walks a JSON text up to byte `end` and returns the containers still open
/// there. With `on_repeat`, keys are remembered per object and the callback
/// hears of each key already seen in its object, with the containers around
/// it. The text is assumed to be JSON that parsed; on anything else this
/// still ends, in linear time, with some answer.
fn scan(text: &str, end: usize, mut on_repeat: Option<&mut OnRepeat<'_>>) -> Vec<Frame> {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    // Whether the next string in an object is a key.
    let mut expect_key = false;
    while i < end {
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object {
                    key: None,
                    seen: FxHashSet::default(),
                });
                expect_key = true;
            }
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                expect_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { .. }) => expect_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if expect_key {
                    let raw = text.get(start..i.min(text.len())).unwrap_or_default();
                    let key = serde_json::from_str::<String>(&format!("\"{raw}\""))
                        .unwrap_or_else(|_| raw.to_string());
                    if let Some(report) = on_repeat.as_mut() {
                        let repeated = match stack.last_mut() {
                            Some(Frame::Object { seen, .. }) => !seen.insert(key.clone()),
                            _ => false,
                        };
                        if repeated {
                            let outer = stack.len().saturating_sub(1);
                            report(&stack[..outer], &key);
                        }
                    }
                    if let Some(Frame::Object { key: slot, .. }) = stack.last_mut() {
                        *slot = Some(key);
                    }
                    expect_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack
}

/// The path of the value being read inside these open containers.
fn path_of(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// Paths of keys in `input` that `known` lacks, walking both together.
pub(crate) fn unknown_keys(input: &Value, known: &Value, path: &str, out: &mut Vec<String>) {
    match (input, known) {
        (Value::Object(given), Value::Object(kept)) => {
            for (key, value) in given {
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match kept.get(key) {
                    Some(k) => unknown_keys(value, k, &here, out),
                    None => out.push(here),
                }
            }
        }
        (Value::Array(given), Value::Array(kept)) => {
            for (i, (value, k)) in given.iter().zip(kept).enumerate() {
                unknown_keys(value, k, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// Makes serde's messages easier on people: drops the Rust type names it
/// sometimes mentions.
pub(crate) fn shape_message(raw: &str) -> String {
    raw.replace("u32", "a whole number from 0 to 4294967295")
        .replace("f64", "a number")
        .replace("struct ", "an object ")
        .replace("a sequence", "a list")
        .replace("a map", "an object")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Task};

    fn plan_text(body: &str) -> String {
        format!("{{\"format\":\"planwright-plan\",\"version\":2{body}}}")
    }

    #[test]
    fn blank_round_trips_and_is_stable() {
        let plan = Plan::blank();
        let text = to_json(&plan);
        let back = import_str(&text).unwrap();
        assert_eq!(back.plan, plan);
        assert_eq!(to_json(&back.plan), text);
        assert!(back.unknown_fields.is_empty());
        assert!(back.migration_notes.is_empty());
        assert_eq!(back.from_version, VERSION);
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let err =
            import_str("{\n  \"format\": \"planwright-plan\",\n  \"title\": oops\n}").unwrap_err();
        match err {
            ImportError::Syntax { line, column, .. } => assert_eq!((line, column), (3, 12)),
            other => panic!("unexpected {other:?}"),
        }
        let err = import_str("{\"format\": \"planwright-plan\", \"tasks\": [").unwrap_err();
        assert!(err.to_string().contains("cut short"), "{err}");
    }

    #[test]
    fn shape_errors_have_paths() {
        let text = plan_text(r#","tasks":[{"id":"a"},{"id":"b","depends_on":[7]}]"#);
        let err = import_str(&text).unwrap_err();
        assert_eq!(
            err,
            ImportError::Shape {
                path: "tasks[1].depends_on[0]".into(),
                message: "invalid type: integer `7`, expected a string".into()
            }
        );
        let text = plan_text(r#","tasks":[{"duration_days":-1}]"#);
        assert!(
            matches!(import_str(&text), Err(ImportError::Shape { path, .. }) if path == "tasks[0].duration_days")
        );
        let text = plan_text(r#","start_date":"2026-02-30""#);
        let err = import_str(&text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "At start_date: '2026-02-30' is not a day in the calendar."
        );
        let text = plan_text(r#","risk":{"autonomy":"sometimes"}"#);
        let err = import_str(&text).unwrap_err().to_string();
        assert!(
            err.starts_with("At risk.autonomy: unknown variant `sometimes`"),
            "{err}"
        );
    }

    #[test]
    fn paths_are_found_in_the_text() {
        let text = r#"{"a":[1,{"b\"c":[true,{"d":"x,]"}]}],"e":{}}"#;
        let at = |needle: &str| path_at(text, text.find(needle).unwrap() + needle.len());
        assert_eq!(at("[1"), "a[0]");
        assert_eq!(at("[true"), "a[1].b\"c[0]");
        assert_eq!(at(r#""x,]""#), "a[1].b\"c[1].d");
        assert_eq!(at(r#""e":"#), "e");
        assert_eq!(path_at(text, 0), "");
        assert_eq!(path_at(text, 10_000), "");
        // Errors in migrated (version 1) files get paths too.
        let v1 = r#"{"format":"planwright-plan","version":1,"tasks":[{"id":"t"},{"id":"u","duration_weeks":"two"}]}"#;
        assert!(import_str(v1)
            .unwrap_err()
            .to_string()
            .starts_with("At tasks[1].duration_days:"));
    }

    // Pins the defect where a key given twice in one object silently kept
    // its last value.
    #[test]
    fn repeated_keys_are_reported_with_their_paths() {
        let text = r#"{"format":"planwright-plan","version":2,"title":"First","title":"Second",
            "tasks":[{"id":"a","title":"x"},{"id":"b","title":"y","title":"z","depends_on":[]}],
            "objective":{"problem":"p","process":"q","problem":"r"},
            "summary":"has \"title\": inside","odd\"key":1,"odd\"key":2}"#;
        let imported = import_str(text).expect("a plan with repeated keys still imports");
        assert_eq!(
            imported.plan.title, "Second",
            "the last value is kept, as before"
        );
        assert_eq!(
            imported.duplicate_keys,
            ["title", "tasks[1].title", "objective.problem", "odd\"key"]
        );
        assert_eq!(imported.duplicate_count, 4);
        let changes = imported.changes().join(" ");
        assert!(
            changes.contains("given more than once in the same place, and only the last value of each was kept: title, tasks[1].title"),
            "{changes}"
        );

        let many: String = (0..30).map(|_| r#""summary":"s","#).collect();
        let text = format!(r#"{{"format":"planwright-plan","version":2,{many}"title":"t"}}"#);
        let imported = import_str(&text).expect("imports");
        assert_eq!(imported.duplicate_keys.len(), DUPLICATES_NAMED);
        assert_eq!(imported.duplicate_count, 29);
        assert!(imported.changes().join(" ").ends_with("and 9 more."));

        let clean = import_str(&to_json(&Plan::blank())).expect("imports");
        assert!(clean.duplicate_keys.is_empty() && clean.duplicate_count == 0);
        assert!(clean.changes().is_empty());
    }

    #[test]
    fn unknown_fields_are_reported_not_dropped_silently() {
        let text = plan_text(
            r#","colour":"blue","tasks":[{"id":"a","estimate":3}],"objective":{"why":"x"}"#,
        );
        let imported = import_str(&text).unwrap();
        assert_eq!(
            imported.unknown_fields,
            ["colour", "objective.why", "tasks[0].estimate"]
        );
        assert_eq!(
            imported.plan.tasks,
            vec![Task {
                id: Id::from("a"),
                ..Task::default()
            }]
        );
    }

    #[test]
    fn envelope_is_checked() {
        let cases: &[(&str, &str)] = &[
            ("[]", "This is not a Planwright plan: the file holds a list rather than an object."),
            ("{}", "This is not a Planwright plan: the 'format' field is missing (expected \"format\": \"planwright-plan\")."),
            (r#"{"format":"todo-list","version":1}"#, "This is not a Planwright plan: its 'format' is 'todo-list', expected 'planwright-plan'."),
            (r#"{"format":"planwright-portfolio","version":1}"#, "This is a Planwright portfolio file, which holds several plans and how they compare, not a single plan; import it as a portfolio."),
            (r#"{"format":"planwright-plan"}"#, "The 'version' field should be a whole number from 1 to 3, but it is missing."),
            (r#"{"format":"planwright-plan","version":"2"}"#, "The 'version' field should be a whole number from 1 to 3, but it is \"2\"."),
            (r#"{"format":"planwright-plan","version":0}"#, "The 'version' field should be a whole number from 1 to 3, but it is 0."),
            (
                r#"{"format":"planwright-plan","version":4}"#,
                "This plan was saved in format version 4, but this Planwright reads versions up to 3. Open it with a newer Planwright.",
            ),
        ];
        for (text, message) in cases {
            assert_eq!(
                import_str(text).unwrap_err().to_string(),
                *message,
                "for {text}"
            );
        }
    }

    #[test]
    fn size_and_encoding_are_checked() {
        let big = vec![b' '; MAX_BYTES + 1];
        assert_eq!(
            import_bytes(&big),
            Err(ImportError::TooLarge {
                bytes: MAX_BYTES + 1
            })
        );
        let bad = b"{\n  \"title\": \"caf\xE9\"\n}";
        assert_eq!(
            import_bytes(bad),
            Err(ImportError::Encoding {
                line: 2,
                column: 16
            })
        );
        let with_bom = [
            b"\xEF\xBB\xBF".as_slice(),
            to_json(&Plan::blank()).as_bytes(),
        ]
        .concat();
        assert_eq!(import_bytes(&with_bom).unwrap().plan, Plan::blank());
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(import_str(&deep), Err(ImportError::Syntax { .. })));
    }
}
