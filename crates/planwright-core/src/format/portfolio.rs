//! The portfolio file: a versioned JSON file of its own kind that carries a
//! portfolio's settings and every plan it compares, so it opens anywhere.
//!
//! ```json
//! { "format": "planwright-portfolio", "version": 1,
//!   "portfolio": { "name": "…", "capacity": 3, "weights": {…}, "members": […], … },
//!   "plans": [ { "key": "claims", "plan": { "format": "planwright-plan", "version": 2, … } } ] }
//! ```
//!
//! Each member of the portfolio names its plan by `key`; each entry of
//! `plans` is a whole plan file, so a plan saved from an older Planwright
//! is migrated like any plan file.
//!
//! Export ([`to_json`]) is deterministic: two-space indent, fields in
//! declaration order, plans in the order given, a final newline.
//!
//! Import ([`import`], [`import_bytes`]) never panics and gives the same care
//! as [`file`](mod@crate::format::file) gives a plan file, in the same stages:
//! size ([`MAX_BYTES`]) and encoding; JSON syntax with line and column; the
//! envelope (a plan file given here is told so: import it as a plan; a newer
//! version is refused); the shape, with the JSON path of a wrong value
//! (`plans[2].plan.tasks[0].duration_days`); then each embedded plan through
//! the plan importer, so its migration notes, unknown fields and findings
//! come back with it, plan by plan. What the file gets wrong but can still
//! be read is reported, not dropped silently: fields this version does not
//! know, keys given twice in one object, a member whose key has no plan, a
//! plan no member names, two plans with the same key (the first is kept),
//! weights above the largest.

use std::fmt;

use rustc_hash::FxHashSet;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::format::file::{
    self, describe, duplicate_keys, line_column, offset_of, path_at, shape_message, strip_position,
    syntax_error, unknown_keys, Imported,
};
use crate::model::Plan;
use crate::portfolio::model::MAX_WEIGHT;
use crate::portfolio::{Initiative, Portfolio};
use crate::text::{agree, and_list, megabytes, plural, quoted};

/// The value of the `format` field.
pub const FORMAT: &str = "planwright-portfolio";
/// The version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// The largest portfolio file import accepts, in bytes: 64 MB (a megabyte
/// is a million bytes), room for four plans at the plan file's own limit
/// or fifty plans of a thousand tasks each. Each plan inside must also be
/// within [`file::MAX_BYTES`].
pub const MAX_BYTES: usize = 64_000_000;

/// Longest key or unknown text quoted back in a message, in characters.
const SHOWN_CHARS: usize = 60;

/// Why a portfolio file could not be imported. Each variant says what and
/// where.
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
    /// The file is a Planwright plan, not a portfolio.
    PlanFile,
    /// The JSON is not a Planwright portfolio (wrong or missing marker, not
    /// an object, no `portfolio` part).
    NotAPortfolio {
        /// What is wrong.
        message: String,
    },
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
    /// A value has the wrong type or shape, in the portfolio or in a plan.
    Shape {
        /// JSON path of the value, such as `portfolio.capacity` or
        /// `plans[2].plan.tasks[0].duration_days`.
        path: String,
        /// What was expected.
        message: String,
    },
    /// A plan inside the file cannot be imported for a reason other than a
    /// wrong value (those are [`ImportError::Shape`] with the whole path):
    /// not a plan file, a bad or newer version, too large.
    Plan {
        /// JSON path of the plan, such as `plans[2].plan`.
        path: String,
        /// The key the file gives it.
        key: String,
        /// What the plan importer says.
        error: file::ImportError,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "The file is {}; portfolio files larger than {} MB are refused to keep the browser responsive.",
                megabytes(*bytes),
                MAX_BYTES / 1_000_000
            ),
            ImportError::Encoding { line, column } => write!(
                f,
                "Line {line}, column {column}: the file is not UTF-8 text; is it really a portfolio file?"
            ),
            ImportError::Syntax { line, column, message } => {
                write!(f, "Line {line}, column {column}: this is not valid JSON ({message}).")
            }
            ImportError::PlanFile => write!(
                f,
                "This is a Planwright plan file, not a portfolio; import it as a plan."
            ),
            ImportError::NotAPortfolio { message } => {
                write!(f, "This is not a Planwright portfolio: {message}")
            }
            ImportError::BadVersion { found } => write!(
                f,
                "The 'version' field should be a whole number from 1 to {VERSION}, but it is {found}."
            ),
            ImportError::FutureVersion { found } => write!(
                f,
                "This portfolio was saved in format version {found}, but this Planwright reads portfolio versions up to {VERSION}. Open it with a newer Planwright."
            ),
            ImportError::Shape { path, message } => write!(f, "At {path}: {message}."),
            ImportError::Plan { path, key, error } => {
                write!(f, "At {path} (the plan with key {}): {error}", shown(key))
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// One plan carried in a portfolio file, as the plan importer read it.
#[derive(Debug, Clone, PartialEq)]
pub struct CarriedPlan {
    /// The key members name it by.
    pub key: String,
    /// The plan, with its migration notes, unknown fields and findings
    /// (paths inside the plan, as for a plan file). Repeated keys are
    /// reported for the whole file in [`ImportedPortfolio`].
    pub imported: Imported,
}

/// A successfully imported portfolio and what happened on the way in.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedPortfolio {
    /// The portfolio settings and members, weights brought within 0 to 5.
    pub portfolio: Portfolio,
    /// The plans, in file order, each key once.
    pub plans: Vec<CarriedPlan>,
    /// The version the file was written in.
    pub from_version: u32,
    /// Paths of fields outside the plans that this version does not know;
    /// they were not imported.
    pub unknown_fields: Vec<String>,
    /// Paths of keys given more than once in the same object, anywhere in
    /// the file (the last value was kept), up to twenty.
    pub duplicate_keys: Vec<String>,
    /// How many repeated keys the file has in all.
    pub duplicate_count: usize,
    /// Keys of members for which the file carries no plan.
    pub missing_plans: Vec<String>,
    /// Keys of plans that no member names; they are kept in `plans` but not
    /// compared.
    pub unlisted_plans: Vec<String>,
    /// Paths (`plans[3]`) and keys of plans whose key an earlier plan
    /// already has; they were left out.
    pub repeated_plans: Vec<(String, String)>,
    /// Keys that more than one member gives.
    pub repeated_members: Vec<String>,
    /// Weights above the largest, as (path, value found); each counts as
    /// the largest.
    pub clamped_weights: Vec<(String, u32)>,
}

impl ImportedPortfolio {
    /// The members that have a plan in the file, as the portfolio analysis
    /// takes them, in the order of `plans`.
    pub fn initiatives(&self) -> Vec<Initiative<'_>> {
        self.plans
            .iter()
            .map(|p| Initiative {
                key: p.key.as_str(),
                plan: &p.imported.plan,
            })
            .collect()
    }

    /// What the import changed or could not match, for a person to read,
    /// one whole paragraph each: the portfolio's own notes first, then each
    /// plan's ([`Imported::changes`]) under its key. Empty when the file came
    /// in as it was.
    pub fn changes(&self) -> Vec<String> {
        let mut changes = Vec::new();
        if !self.unknown_fields.is_empty() {
            changes.push(format!(
                "These fields are not part of a Planwright portfolio and were left out: {}.",
                self.unknown_fields.join(", ")
            ));
        }
        if self.duplicate_count > 0 {
            let more = match self
                .duplicate_count
                .saturating_sub(self.duplicate_keys.len())
            {
                0 => String::new(),
                n => format!(" and {n} more"),
            };
            changes.push(format!(
                "These fields are given more than once in the same place, and only the last value of each was kept: {}{more}.",
                self.duplicate_keys.join(", ")
            ));
        }
        for (path, value) in &self.clamped_weights {
            changes.push(format!(
                "The weight at {path} is {value}, but weights go from 0 to {MAX_WEIGHT}; it counts as {MAX_WEIGHT}."
            ));
        }
        if !self.missing_plans.is_empty() {
            let n = self.missing_plans.len();
            changes.push(format!(
                "The file carries no plan for {} with the {} {}; {} cannot be compared.",
                agree(n, "the member", "the members"),
                agree(n, "key", "keys"),
                keys_list(&self.missing_plans),
                agree(n, "it", "they"),
            ));
        }
        if !self.unlisted_plans.is_empty() {
            let n = self.unlisted_plans.len();
            changes.push(format!(
                "No member names the {} with the {} {}; {} kept with the portfolio but not compared.",
                agree(n, "plan", "plans"),
                agree(n, "key", "keys"),
                keys_list(&self.unlisted_plans),
                agree(n, "it is", "they are"),
            ));
        }
        for (path, key) in self.repeated_plans.iter().take(KEYS_NAMED) {
            changes.push(format!(
                "The plan at {path} has the key {} of an earlier plan and was left out; give it a key of its own to keep it.",
                shown(key)
            ));
        }
        let more = self.repeated_plans.len().saturating_sub(KEYS_NAMED);
        if more > 0 {
            changes.push(format!(
                "{} with the key of an earlier plan {} left out too.",
                plural(more, "more plan"),
                agree(more, "was", "were")
            ));
        }
        if !self.repeated_members.is_empty() {
            changes.push(format!(
                "More than one member names the {} {}.",
                agree(self.repeated_members.len(), "plan", "plans"),
                keys_list(&self.repeated_members)
            ));
        }
        for plan in &self.plans {
            for change in plan.imported.changes() {
                changes.push(format!("In the plan {}: {change}", shown(&plan.key)));
            }
        }
        changes
    }
}

/// How many keys one note names; the rest are counted.
const KEYS_NAMED: usize = 20;

/// Keys as a note lists them: each quoted, up to [`KEYS_NAMED`], then how
/// many more (`'a', 'b' and 3 more`).
fn keys_list(keys: &[String]) -> String {
    let mut named: Vec<String> = keys.iter().take(KEYS_NAMED).map(|k| shown(k)).collect();
    let more = keys.len().saturating_sub(KEYS_NAMED);
    if more > 0 {
        named.push(format!("{more} more"));
    }
    and_list(&named)
}

/// A key as a message quotes it: quoted and cut as [`quoted`] does, control
/// characters as spaces.
fn shown(key: &str) -> String {
    let flat: String = key
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    quoted(&flat, "''")
}

/// A plan inside the file, written as a whole plan file.
#[derive(Serialize)]
struct PlanEnvelope<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    plan: &'a Plan,
}

#[derive(Serialize)]
struct Carried<'a> {
    key: &'a str,
    plan: PlanEnvelope<'a>,
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    portfolio: &'a Portfolio,
    plans: Vec<Carried<'a>>,
}

/// Writes a portfolio and its plans, each under its key, as a portfolio
/// file in the current format.
///
/// ```
/// use planwright_core::format::portfolio::{import, to_json};
/// use planwright_core::portfolio::{Member, Portfolio};
/// use planwright_core::Plan;
/// let mut portfolio = Portfolio::default();
/// portfolio.members.push(Member { key: "a".into(), ..Member::default() });
/// let text = to_json(&portfolio, &[("a", &Plan::blank())]);
/// assert!(text.starts_with("{\n  \"format\": \"planwright-portfolio\",\n  \"version\": 1,"));
/// let back = import(&text).unwrap();
/// assert_eq!(back.portfolio, portfolio);
/// assert_eq!(back.plans[0].imported.plan, Plan::blank());
/// ```
pub fn to_json(portfolio: &Portfolio, plans: &[(&str, &Plan)]) -> String {
    let envelope = Envelope {
        format: FORMAT,
        version: VERSION,
        portfolio,
        plans: plans
            .iter()
            .map(|(key, plan)| Carried {
                key,
                plan: PlanEnvelope {
                    format: file::FORMAT,
                    version: file::VERSION,
                    plan,
                },
            })
            .collect(),
    };
    // Serializing plain data with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(&envelope).unwrap_or_default();
    text.push('\n');
    text
}

/// Imports a portfolio file given as bytes (checks size and encoding
/// first; a UTF-8 byte order mark is skipped).
pub fn import_bytes(bytes: &[u8]) -> Result<ImportedPortfolio, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => import(text),
        Err(e) => {
            let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            let (line, column) = line_column(&good);
            Err(ImportError::Encoding { line, column })
        }
    }
}

/// Imports a portfolio file given as text.
pub fn import(text: &str) -> Result<ImportedPortfolio, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| match syntax_error(e) {
        file::ImportError::Syntax {
            line,
            column,
            message,
        } => ImportError::Syntax {
            line,
            column,
            message,
        },
        other => ImportError::NotAPortfolio {
            message: other.to_string(),
        },
    })?;
    let Value::Object(mut object) = value else {
        return Err(ImportError::NotAPortfolio {
            message: format!("the file holds {} rather than an object.", describe(&value)),
        });
    };
    let from_version = read_envelope(&mut object)?;
    let mut unknown_fields = Vec::new();
    let Some(settings) = object.remove("portfolio") else {
        return Err(ImportError::NotAPortfolio {
            message: "the 'portfolio' part with its name, settings and members is missing."
                .to_string(),
        });
    };
    let mut portfolio = read_portfolio(settings, &mut unknown_fields)?;
    let entries = match object.remove("plans") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(entries)) => entries,
        Some(other) => {
            return Err(ImportError::Shape {
                path: "plans".to_string(),
                message: format!("expected a list of plans, found {}", describe(&other)),
            })
        }
    };
    for key in object.keys() {
        unknown_fields.push(key.clone());
    }
    // Keys are looked up by hash, so a hostile file with many members or
    // plans stays linear.
    let mut plans: Vec<CarriedPlan> = Vec::new();
    let mut plan_keys: FxHashSet<String> = FxHashSet::default();
    let mut repeated_plans = Vec::new();
    for (i, entry) in entries.into_iter().enumerate() {
        let (key, imported) = read_plan(i, entry, &mut unknown_fields)?;
        if plan_keys.insert(key.clone()) {
            plans.push(CarriedPlan { key, imported });
        } else {
            repeated_plans.push((format!("plans[{i}]"), key));
        }
    }
    unknown_fields.sort();
    let (duplicate_keys, duplicate_count) = duplicate_keys(text);
    let clamped_weights = clamp_weights(&mut portfolio);
    let mut missing_plans = Vec::new();
    let mut repeated_members = Vec::new();
    let mut member_keys: FxHashSet<&str> = FxHashSet::default();
    let mut repeated_seen: FxHashSet<&str> = FxHashSet::default();
    for member in &portfolio.members {
        if !member_keys.insert(member.key.as_str()) {
            if repeated_seen.insert(member.key.as_str()) {
                repeated_members.push(member.key.clone());
            }
        } else if !plan_keys.contains(&member.key) {
            missing_plans.push(member.key.clone());
        }
    }
    let unlisted_plans = plans
        .iter()
        .filter(|p| !member_keys.contains(p.key.as_str()))
        .map(|p| p.key.clone())
        .collect();
    Ok(ImportedPortfolio {
        portfolio,
        plans,
        from_version,
        unknown_fields,
        duplicate_keys,
        duplicate_count,
        missing_plans,
        unlisted_plans,
        repeated_plans,
        repeated_members,
        clamped_weights,
    })
}

/// Checks and removes `format` and `version`, returning the version. A
/// plan file is named as one before its version is looked at.
fn read_envelope(object: &mut Map<String, Value>) -> Result<u32, ImportError> {
    match object.remove("format") {
        Some(Value::String(s)) if s == FORMAT => {}
        Some(Value::String(s)) if s == file::FORMAT => return Err(ImportError::PlanFile),
        Some(Value::String(s)) => {
            let shown: String = s.chars().take(SHOWN_CHARS).collect();
            return Err(ImportError::NotAPortfolio {
                message: format!("its 'format' is '{shown}', expected '{FORMAT}'."),
            });
        }
        Some(other) => {
            return Err(ImportError::NotAPortfolio {
                message: format!(
                    "its 'format' is {}, expected the text '{FORMAT}'.",
                    describe(&other)
                ),
            })
        }
        None => {
            return Err(ImportError::NotAPortfolio {
                message: format!(
                    "the 'format' field is missing (expected \"format\": \"{FORMAT}\")."
                ),
            })
        }
    }
    let Some(found) = object.remove("version") else {
        return Err(ImportError::BadVersion {
            found: "missing".into(),
        });
    };
    match found.as_u64() {
        Some(n) if n > u64::from(VERSION) => Err(ImportError::FutureVersion { found: n }),
        Some(n) if n >= 1 => Ok(n as u32),
        _ => {
            // Cut by characters: a byte cut can split one and panic.
            let shown: String = found.to_string().chars().take(40).collect();
            Err(ImportError::BadVersion { found: shown })
        }
    }
}

/// The typed portfolio part, with the paths of fields it does not know
/// (found, as for plans, by comparing with what it writes back).
fn read_portfolio(value: Value, unknown: &mut Vec<String>) -> Result<Portfolio, ImportError> {
    if !value.is_object() {
        return Err(ImportError::Shape {
            path: "portfolio".to_string(),
            message: format!(
                "expected an object with the portfolio's name, settings and members, found {}",
                describe(&value)
            ),
        });
    }
    let text = value.to_string();
    let portfolio: Portfolio = serde_json::from_str(&text).map_err(|e| {
        let path = path_at(&text, offset_of(&text, e.line(), e.column()));
        ImportError::Shape {
            path: join("portfolio", &path),
            message: shape_message(&strip_position(&e.to_string())),
        }
    })?;
    let written = serde_json::to_string(&portfolio).unwrap_or_default();
    let known = serde_json::from_str(&written).unwrap_or(Value::Null);
    unknown_keys(&value, &known, "portfolio", unknown);
    Ok(portfolio)
}

/// One entry of `plans`: its key and the plan through the plan importer.
fn read_plan(
    index: usize,
    entry: Value,
    unknown: &mut Vec<String>,
) -> Result<(String, Imported), ImportError> {
    let at = format!("plans[{index}]");
    let Value::Object(mut entry) = entry else {
        return Err(ImportError::Shape {
            path: at,
            message: format!(
                "expected an object with a 'key' and a 'plan', found {}",
                describe(&entry)
            ),
        });
    };
    let key = match entry.remove("key") {
        Some(Value::String(key)) if !key.trim().is_empty() => key,
        Some(Value::String(_)) => {
            return Err(ImportError::Shape {
                path: format!("{at}.key"),
                message: "the key is empty; members name their plan by it".to_string(),
            })
        }
        Some(other) => {
            return Err(ImportError::Shape {
                path: format!("{at}.key"),
                message: format!(
                    "expected the text members name the plan by, found {}",
                    describe(&other)
                ),
            })
        }
        None => {
            return Err(ImportError::Shape {
                path: at,
                message: "the 'key' that members name this plan by is missing".to_string(),
            })
        }
    };
    let Some(plan) = entry.remove("plan") else {
        return Err(ImportError::Shape {
            path: at,
            message: format!("the plan with key {} is missing its 'plan'", shown(&key)),
        });
    };
    for field in entry.keys() {
        unknown.push(format!("{at}.{field}"));
    }
    let plan_at = format!("{at}.plan");
    let text = plan.to_string();
    match file::import_str(&text) {
        Ok(imported) => Ok((key, imported)),
        Err(file::ImportError::Shape { path, message }) => Err(ImportError::Shape {
            path: if path == "the top level" {
                plan_at
            } else {
                join(&plan_at, &path)
            },
            message,
        }),
        Err(error) => Err(ImportError::Plan {
            path: plan_at,
            key,
            error,
        }),
    }
}

/// `outer.inner`, or `outer` alone when `inner` is empty; a list index
/// joins without a dot (`plans[0]`).
fn join(outer: &str, inner: &str) -> String {
    if inner.is_empty() {
        outer.to_string()
    } else if inner.starts_with('[') {
        format!("{outer}{inner}")
    } else {
        format!("{outer}.{inner}")
    }
}

/// Brings each weight within 0 to [`MAX_WEIGHT`], returning the path and
/// value of each that was above.
fn clamp_weights(portfolio: &mut Portfolio) -> Vec<(String, u32)> {
    let w = &mut portfolio.weights;
    let mut clamped = Vec::new();
    for (name, weight) in [
        ("value", &mut w.value),
        ("readiness", &mut w.readiness),
        ("risk", &mut w.risk),
        ("effort", &mut w.effort),
    ] {
        if *weight > MAX_WEIGHT {
            clamped.push((format!("portfolio.weights.{name}"), *weight));
            *weight = MAX_WEIGHT;
        }
    }
    clamped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::examples::{example, EXAMPLES};
    use crate::portfolio::{ExpectedValue, Member};

    fn members(keys: &[&str]) -> Portfolio {
        Portfolio {
            name: "Operations".into(),
            members: keys
                .iter()
                .map(|k| Member {
                    key: (*k).to_string(),
                    ..Member::default()
                })
                .collect(),
            ..Portfolio::default()
        }
    }

    /// A portfolio file of the given plans' JSON texts, each under its key.
    fn with_plans(portfolio: &str, plans: &[(&str, &str)]) -> String {
        let plans: Vec<String> = plans
            .iter()
            .map(|(k, p)| format!(r#"{{"key":"{k}","plan":{p}}}"#))
            .collect();
        format!(
            r#"{{"format":"planwright-portfolio","version":1,"portfolio":{portfolio},"plans":[{}]}}"#,
            plans.join(",")
        )
    }

    const BLANK_PLAN: &str = r#"{"format":"planwright-plan","version":3}"#;

    #[test]
    fn the_examples_round_trip_and_are_stable() {
        let plans: Vec<(String, Plan)> = EXAMPLES
            .iter()
            .map(|e| (e.key.to_string(), example(e.key).expect("example imports")))
            .collect();
        let mut portfolio = members(&EXAMPLES.iter().map(|e| e.key).collect::<Vec<_>>());
        portfolio.members[0].value = ExpectedValue {
            annual: Some(250_000.0),
            unit: "EUR".into(),
            rating: None,
        };
        let refs: Vec<(&str, &Plan)> = plans.iter().map(|(k, p)| (k.as_str(), p)).collect();
        let text = to_json(&portfolio, &refs);
        let back = import(&text).expect("imports");
        assert_eq!(back.portfolio, portfolio);
        assert_eq!(back.plans.len(), 3);
        for (carried, (key, plan)) in back.plans.iter().zip(&plans) {
            assert_eq!(&carried.key, key);
            assert_eq!(&carried.imported.plan, plan);
        }
        assert!(back.changes().is_empty(), "{:?}", back.changes());
        let again: Vec<(&str, &Plan)> = back
            .plans
            .iter()
            .map(|p| (p.key.as_str(), &p.imported.plan))
            .collect();
        assert_eq!(to_json(&back.portfolio, &again), text);
        assert_eq!(back.initiatives().len(), 3);
    }

    #[test]
    fn envelope_is_checked() {
        let cases: &[(&str, &str)] = &[
            ("[]", "This is not a Planwright portfolio: the file holds a list rather than an object."),
            ("{}", "This is not a Planwright portfolio: the 'format' field is missing (expected \"format\": \"planwright-portfolio\")."),
            (r#"{"format":7}"#, "This is not a Planwright portfolio: its 'format' is a number, expected the text 'planwright-portfolio'."),
            (r#"{"format":"todo-list","version":1}"#, "This is not a Planwright portfolio: its 'format' is 'todo-list', expected 'planwright-portfolio'."),
            (r#"{"format":"planwright-plan","version":2,"title":"x"}"#, "This is a Planwright plan file, not a portfolio; import it as a plan."),
            (r#"{"format":"planwright-plan","version":99}"#, "This is a Planwright plan file, not a portfolio; import it as a plan."),
            (r#"{"format":"planwright-portfolio"}"#, "The 'version' field should be a whole number from 1 to 1, but it is missing."),
            (r#"{"format":"planwright-portfolio","version":"1"}"#, "The 'version' field should be a whole number from 1 to 1, but it is \"1\"."),
            (r#"{"format":"planwright-portfolio","version":0}"#, "The 'version' field should be a whole number from 1 to 1, but it is 0."),
            (r#"{"format":"planwright-portfolio","version":-3}"#, "The 'version' field should be a whole number from 1 to 1, but it is -3."),
            (
                r#"{"format":"planwright-portfolio","version":2}"#,
                "This portfolio was saved in format version 2, but this Planwright reads portfolio versions up to 1. Open it with a newer Planwright.",
            ),
            (r#"{"format":"planwright-portfolio","version":1}"#, "This is not a Planwright portfolio: the 'portfolio' part with its name, settings and members is missing."),
            (r#"{"format":"planwright-portfolio","version":1,"portfolio":[]}"#, "At portfolio: expected an object with the portfolio's name, settings and members, found a list."),
            (r#"{"format":"planwright-portfolio","version":1,"portfolio":{},"plans":{}}"#, "At plans: expected a list of plans, found an object."),
        ];
        for (text, message) in cases {
            assert_eq!(
                import(text).unwrap_err().to_string(),
                *message,
                "for {text}"
            );
        }
    }

    #[test]
    fn a_portfolio_given_as_a_plan_says_so() {
        let text = to_json(&members(&["a"]), &[("a", &Plan::blank())]);
        assert_eq!(
            file::import_str(&text),
            Err(file::ImportError::PortfolioFile)
        );
        assert_eq!(
            file::import_named("portfolio.json", text.as_bytes()),
            Err(file::ImportError::PortfolioFile)
        );
    }

    #[test]
    fn shape_errors_have_their_whole_path() {
        let cases: &[(String, &str, &str)] = &[
            (
                with_plans(r#"{"capacity":"three"}"#, &[]),
                "portfolio.capacity",
                "invalid type: string \"three\", expected a whole number from 0 to 4294967295",
            ),
            (
                with_plans(
                    r#"{"members":[{"key":"a"},{"key":"b","value":{"annual":"lots"}}]}"#,
                    &[],
                ),
                "portfolio.members[1].value.annual",
                "invalid type: string \"lots\", expected a number",
            ),
            (
                with_plans(r#"{"start_date":"2026-02-30"}"#, &[]),
                "portfolio.start_date",
                "'2026-02-30' is not a day in the calendar",
            ),
            (
                with_plans(
                    "{}",
                    &[
                        ("a", BLANK_PLAN),
                        (
                            "b",
                            r#"{"format":"planwright-plan","version":2,"tasks":[{"id":"t"},{"duration_days":"two"}]}"#,
                        ),
                    ],
                ),
                "plans[1].plan.tasks[1].duration_days",
                "invalid type: string \"two\", expected a whole number from 0 to 4294967295",
            ),
            (
                with_plans(
                    "{}",
                    &[(
                        "a",
                        r#"{"format":"planwright-plan","version":1,"tasks":[{"id":"t","duration_weeks":"two"}]}"#,
                    )],
                ),
                "plans[0].plan.tasks[0].duration_days",
                "",
            ),
            (
                with_plans(
                    "{}",
                    &[("a", r#"{"format":"planwright-plan","version":2,"tasks":7}"#)],
                ),
                "plans[0].plan.tasks",
                "invalid type: integer `7`, expected a list",
            ),
        ];
        for (text, path, message) in cases {
            match import(text) {
                Err(ImportError::Shape {
                    path: p,
                    message: m,
                }) => {
                    assert_eq!(&p, path, "{text}");
                    assert!(m.starts_with(message), "{m} for {text}");
                }
                other => panic!("{other:?} for {text}"),
            }
        }
        let entries: &[(&str, &str)] = &[
            (r#"[7]"#, "At plans[0]: expected an object with a 'key' and a 'plan', found a number."),
            (r#"[{"plan":{}}]"#, "At plans[0]: the 'key' that members name this plan by is missing."),
            (r#"[{"key":3,"plan":{}}]"#, "At plans[0].key: expected the text members name the plan by, found a number."),
            (r#"[{"key":"  ","plan":{}}]"#, "At plans[0].key: the key is empty; members name their plan by it."),
            (r#"[{"key":"a"}]"#, "At plans[0]: the plan with key 'a' is missing its 'plan'."),
            (r#"[{"key":"a","plan":[]}]"#, "At plans[0].plan (the plan with key 'a'): This is not a Planwright plan: the file holds a list rather than an object."),
            (r#"[{"key":"a","plan":{"title":"x"}}]"#, "At plans[0].plan (the plan with key 'a'): This is not a Planwright plan: the 'format' field is missing (expected \"format\": \"planwright-plan\")."),
            (r#"[{"key":"a","plan":{"format":"planwright-plan","version":4}}]"#, "At plans[0].plan (the plan with key 'a'): This plan was saved in format version 4, but this Planwright reads versions up to 3. Open it with a newer Planwright."),
            (r#"[{"key":"a","plan":{"format":"planwright-portfolio","version":1}}]"#, "At plans[0].plan (the plan with key 'a'): This is a Planwright portfolio file, which holds several plans and how they compare, not a single plan; import it as a portfolio."),
        ];
        for (plans, message) in entries {
            let text = format!(
                r#"{{"format":"planwright-portfolio","version":1,"portfolio":{{}},"plans":{plans}}}"#
            );
            assert_eq!(import(&text).unwrap_err().to_string(), *message, "{plans}");
        }
    }

    #[test]
    fn old_plans_inside_are_migrated_and_reported_per_plan() {
        let v1 = include_str!("../../tests/fixtures/v1-claims-triage.json");
        let text = with_plans(r#"{"members":[{"key":"claims"}]}"#, &[("claims", v1)]);
        let imported = import(&text).expect("a portfolio carrying a version 1 plan imports");
        let claims = &imported.plans[0].imported;
        assert_eq!(claims.from_version, 1);
        assert!(!claims.migration_notes.is_empty());
        assert_eq!(claims.plan.title, "Claims intake triage");
        let changes = imported.changes().join("\n");
        assert!(
            changes.starts_with("In the plan 'claims': This plan was saved in format version 1 and has been brought up to version 3."),
            "{changes}"
        );
    }

    #[test]
    fn what_does_not_match_is_reported_not_dropped() {
        let text = with_plans(
            r#"{"name":"Ops","colour":"red","members":[{"key":"a"},{"key":"ghost"},{"key":"a","extra":1}],
               "weights":{"value":9,"readiness":2,"risk":2,"effort":6}}"#,
            &[
                ("a", BLANK_PLAN),
                ("spare", BLANK_PLAN),
                ("a", r#"{"format":"planwright-plan","version":3,"title":"Second a"}"#),
            ],
        )
        .replacen(r#""plans":["#, r#""note":"hi","plans":["#, 1)
        .replacen(r#"{"key":"spare","#, r#"{"key":"spare","why":true,"#, 1);
        let imported = import(&text).expect("imports");
        assert_eq!(
            imported.unknown_fields,
            [
                "note",
                "plans[1].why",
                "portfolio.colour",
                "portfolio.members[2].extra"
            ]
        );
        assert_eq!(imported.missing_plans, ["ghost"]);
        assert_eq!(imported.unlisted_plans, ["spare"]);
        assert_eq!(
            imported.repeated_plans,
            [("plans[2]".to_string(), "a".to_string())]
        );
        assert_eq!(imported.repeated_members, ["a"]);
        assert_eq!(imported.plans.len(), 2, "the repeated plan is left out");
        assert_eq!(
            imported.plans[0].imported.plan.title, "",
            "the first 'a' is kept"
        );
        assert_eq!(
            imported.clamped_weights,
            [
                ("portfolio.weights.value".to_string(), 9),
                ("portfolio.weights.effort".to_string(), 6)
            ]
        );
        assert_eq!(imported.portfolio.weights.value, MAX_WEIGHT);
        assert_eq!(imported.portfolio.weights.effort, MAX_WEIGHT);
        let changes = imported.changes();
        let want = [
            "These fields are not part of a Planwright portfolio and were left out: note, plans[1].why, portfolio.colour, portfolio.members[2].extra.",
            "The weight at portfolio.weights.value is 9, but weights go from 0 to 5; it counts as 5.",
            "The weight at portfolio.weights.effort is 6, but weights go from 0 to 5; it counts as 5.",
            "The file carries no plan for the member with the key 'ghost'; it cannot be compared.",
            "No member names the plan with the key 'spare'; it is kept with the portfolio but not compared.",
            "The plan at plans[2] has the key 'a' of an earlier plan and was left out; give it a key of its own to keep it.",
            "More than one member names the plan 'a'.",
        ];
        assert_eq!(changes, want);
    }

    #[test]
    fn repeated_keys_are_found_anywhere_in_the_file() {
        let text = with_plans(
            r#"{"name":"One","name":"Two","members":[{"key":"a"}]}"#,
            &[(
                "a",
                r#"{"format":"planwright-plan","version":2,"title":"x","title":"y"}"#,
            )],
        );
        let imported = import(&text).expect("imports");
        assert_eq!(imported.portfolio.name, "Two");
        assert_eq!(imported.plans[0].imported.plan.title, "y");
        assert_eq!(
            imported.duplicate_keys,
            ["portfolio.name", "plans[0].plan.title"]
        );
        assert_eq!(imported.duplicate_count, 2);
        assert!(imported.changes()[0].contains("portfolio.name, plans[0].plan.title"));
    }

    #[test]
    fn size_encoding_and_nesting_are_checked() {
        let big = vec![b' '; MAX_BYTES + 1];
        assert_eq!(
            import_bytes(&big),
            Err(ImportError::TooLarge {
                bytes: MAX_BYTES + 1
            })
        );
        assert!(ImportError::TooLarge {
            bytes: MAX_BYTES + 1
        }
        .to_string()
        .contains("larger than 64 MB"));
        assert_eq!(
            import_bytes(b"{\n  \"portfolio\": \"caf\xE9\"\n}"),
            Err(ImportError::Encoding {
                line: 2,
                column: 20
            })
        );
        let text = to_json(&members(&[]), &[]);
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert!(import_bytes(&with_bom).is_ok());
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(import(&deep), Err(ImportError::Syntax { .. })));
        let err = import("{\"format\": \"planwright-portfolio\", \"plans\": [").unwrap_err();
        assert!(err.to_string().contains("cut short"), "{err}");
        // A plan inside may not be larger than a plan file may be.
        let title = "x".repeat(file::MAX_BYTES);
        let plan = format!(r#"{{"format":"planwright-plan","version":2,"title":"{title}"}}"#);
        let text = with_plans("{}", &[("a", &plan)]);
        assert!(matches!(
            import(&text),
            Err(ImportError::Plan {
                error: file::ImportError::TooLarge { .. },
                ..
            })
        ));
    }

    #[test]
    fn many_members_give_short_notes() {
        // Keys are matched by hash (a file this size took seconds with the
        // first, quadratic, scan); the notes name twenty keys and count the rest.
        let n = 50_000;
        let members: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"key":"m{}"}}"#, i % (n - 10)))
            .collect();
        let plans: Vec<String> = (0..30)
            .map(|i| format!(r#"{{"key":"p{i}","plan":{BLANK_PLAN}}}"#))
            .collect();
        let text = format!(
            r#"{{"format":"planwright-portfolio","version":1,"portfolio":{{"members":[{}]}},"plans":[{}]}}"#,
            members.join(","),
            plans.join(",")
        );
        let imported = import(&text).expect("imports");
        assert_eq!(imported.missing_plans.len(), n - 10);
        assert_eq!(imported.repeated_members.len(), 10);
        assert_eq!(imported.unlisted_plans.len(), 30);
        let changes = imported.changes();
        assert!(changes.iter().all(|c| c.len() < 2_000), "{changes:?}");
        assert!(
            changes[0].ends_with("'m19' and 49970 more; they cannot be compared."),
            "{}",
            changes[0]
        );
        assert!(
            changes[1].contains("'p19' and 10 more; they are kept"),
            "{}",
            changes[1]
        );
    }

    #[test]
    fn hostile_keys_are_quoted_safely() {
        let key = format!("a\u{1b}[31m{}", "é".repeat(100));
        let shown = shown(&key);
        assert!(!shown.contains('\u{1b}'));
        assert!(shown.ends_with("…'"), "{shown}");
        // Cutting a long key never splits a character.
        assert_eq!(shown.chars().count(), 63);
    }
}
