//! A seeded fuzzer for everything a file, a link or an edit can feed the
//! core: `make fuzz` (a few minutes on two cores), not part of `make test`.
//!
//! Each input is made from its number and the seed alone, so a run is the
//! same on every machine and with any number of threads, and one input can
//! be replayed with `--only N`. An input is one of:
//! - a mutation of a plan file (the three examples, the blank plan, the rich
//!   test plan and two generated plans): byte flips, truncation, a splice of
//!   two files, a JSON value swapped for another file's value or a hostile
//!   one, deep nesting, huge or malformed numbers, or a duplicate key;
//! - a mutation of a share link of one of those plans, or of a link in the
//!   format before link versions (`tests/fixtures/share-v1.txt`) or in
//!   link version 2 (`tests/fixtures/share-v2.txt`); a link
//!   of the current format that still opens must give its own plan;
//! - a mutation of the Markdown export of one of those plans (byte flips,
//!   truncation, the plan block twice, a fence line inside it, the
//!   readable part rewritten), imported as a `.md` file; with the block
//!   untouched it must give its own plan;
//! - a mutation of a portfolio file carrying two or three of those plans
//!   (byte flips, truncation, a value swapped for a hostile one), imported,
//!   analysed as a portfolio, written as Markdown and as a portfolio file
//!   again, which must import back to the same portfolio and plans;
//! - a generated plan, edited at random (loops, dangling and duplicate ids,
//!   extreme durations and dates, hostile text, non-finite numbers),
//!   analysed as it is and through its file.
//!
//! Every plan that imports goes through the whole analysis, the JSON
//! export (which must import back to the same plan), the Markdown export,
//! the exports for work tools (CSV, Microsoft Project XML and iCalendar,
//! whose basic shape is checked: CRLF records, no control characters but
//! tab and line feed in the XML, calendar lines of at most 75 octets), a
//! share link and back (the same plan again), its Markdown imported back
//! (the same plan again), and both charts. Each call
//! runs under `catch_unwind`; a panic is counted against its target, and
//! the first of each target is printed with its stack and the input is
//! saved under `target/fuzz/`. The program exits with an error if anything
//! panicked or failed to round-trip.
//!
//! Options, given as `make fuzz FUZZ_ARGS="--only 1234"`: `--inputs N`
//! (default 1,000,000), `--seed S`, `--threads T` (default: every core),
//! `--only N` (replay input N and save it under `target/fuzz/`). The
//! release profile aborts on panic, so `make fuzz` builds it to unwind.
//!
//! Most inputs start from small files (every list cut to two items, or the
//! envelope and one section), as whole files cost ten times as much to run
//! through every export; one in ten imported plans is also checked to come
//! back the same from its file and its link.

use std::backtrace::Backtrace;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::Instant;

use planwright_core::analysis::{analyze, Analysis};
use planwright_core::chart::{gantt, radar, GanttOptions};
use planwright_core::export::csv::{self, CsvOptions};
use planwright_core::export::ics::{self, IcsOptions, Stamp};
use planwright_core::export::markdown::to_markdown;
use planwright_core::export::mspdi;
use planwright_core::format::examples::{example_json, EXAMPLES};
use planwright_core::format::file::{import_bytes, import_named, import_str, to_json, Imported};
use planwright_core::format::portfolio as portfolio_file;
use planwright_core::format::share;
use planwright_core::model::{Id, Metric, Plan, Task};
use planwright_core::portfolio::{
    analyze as analyze_portfolio, ExpectedValue, ItemRef, Link as ItemLink, Member, Portfolio,
    SharedKind, Weights,
};
use planwright_core::testing::{chain, fan, random_plan, rich, task_id, Rng};
use planwright_core::Date;
use serde_json::{Map, Value};

const DEFAULT_INPUTS: u64 = 1_000_000;
const DEFAULT_SEED: u64 = 0x00F0_2215_EED5;

/// What is fuzzed; each call of one of them is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Target {
    Import,
    Analyze,
    ToJson,
    Markdown,
    ShareEncode,
    ShareDecode,
    MarkdownImport,
    Radar,
    Gantt,
    Csv,
    Mspdi,
    Ics,
    PortfolioImport,
    PortfolioAnalyze,
    PortfolioMarkdown,
    PortfolioToJson,
}

const TARGETS: [Target; 16] = [
    Target::Import,
    Target::Analyze,
    Target::ToJson,
    Target::Markdown,
    Target::ShareEncode,
    Target::ShareDecode,
    Target::MarkdownImport,
    Target::Radar,
    Target::Gantt,
    Target::Csv,
    Target::Mspdi,
    Target::Ics,
    Target::PortfolioImport,
    Target::PortfolioAnalyze,
    Target::PortfolioMarkdown,
    Target::PortfolioToJson,
];

/// How an input was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    ByteFlips,
    Truncation,
    Splice,
    ValueSwap,
    DeepNesting,
    HugeNumber,
    DuplicateKey,
    ShareLink,
    MarkdownDoc,
    PortfolioFile,
    GeneratedPlan,
}

/// One input, ready to run. A link or a document that must still open as
/// a known plan, or not at all, carries that plan's index in its list.
enum Input {
    Bytes(Vec<u8>),
    Link(String, Option<usize>),
    Markdown(Vec<u8>, Option<usize>),
    Portfolio(Vec<u8>),
    Plan(Box<Plan>),
}

/// A share link to mutate, with the plan it carries when it is of the
/// current format (whose mutations must open as that plan or not at all).
struct Link {
    text: String,
    plan: Option<Plan>,
}

/// A plan file to mutate, with the JSON pointers of its values and objects.
struct Seed {
    text: String,
    value: Value,
    values: Vec<String>,
    objects: Vec<String>,
}

impl Seed {
    fn new(text: String) -> Seed {
        let value: Value = serde_json::from_str(&text).expect("a seed file is JSON");
        let (mut values, mut objects) = (Vec::new(), Vec::new());
        walk(&value, String::new(), &mut values, &mut objects);
        Seed {
            text,
            value,
            values,
            objects,
        }
    }
}

fn walk(v: &Value, at: String, values: &mut Vec<String>, objects: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            objects.push(at.clone());
            for (k, child) in map {
                let key = k.replace('~', "~0").replace('/', "~1");
                walk(child, format!("{at}/{key}"), values, objects);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk(child, format!("{at}/{i}"), values, objects);
            }
        }
        _ => {}
    }
    values.push(at);
}

/// The seed files, by size.
struct Seeds {
    tiny: Vec<Seed>,
    small: Vec<Seed>,
    whole: Vec<Seed>,
    /// The Markdown export of each small seed's plan, with the plan.
    markdown: Vec<(String, Plan)>,
    /// Portfolio files of two or three small seeds' plans.
    portfolios: Vec<Seed>,
    /// The plans of each portfolio file, by key, in the same order.
    portfolio_plans: Vec<Vec<(String, Plan)>>,
}

/// Stand-ins replaced by raw text after serializing, for JSON that
/// `serde_json::Value` cannot hold (huge numbers, deep nesting, duplicate keys).
const RAW: &str = "@@fuzz-raw@@";
const DUP: &str = "@@fuzz-dup@@";

/// Numbers and number-like text the parser and the plan's integer fields must refuse or bear.
const NUMBERS: &[&str] = &[
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775809",
    "340282366920938463463374607431768211456",
    "1e999",
    "-1e999",
    "1.7976931348623157e308",
    "5e-324",
    "1e-400",
    "-0",
    "-0.0",
    "0.1e1",
    "123456789012345678901234567890.5",
    "01",
    "1.",
    ".5",
    "1e",
    "+1",
    "NaN",
    "Infinity",
    "-",
    "0x10",
];

fn hostile(rng: &mut Rng) -> Value {
    let long = |c: &str, n: usize| Value::String(c.repeat(n));
    match rng.below(22) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 => Value::from(-1),
        3 => Value::from(u64::MAX),
        4 => Value::from(i64::MIN),
        5 => Value::from(1e300),
        6 => Value::from(0.5),
        7 => Value::String(String::new()),
        8 => long("a", 1 + rng.below(5000)),
        9 => long("é𐀀\u{0}\u{202e}", 1 + rng.below(300)),
        10 => Value::String("2026-02-30".into()),
        11 => Value::String(
            ["9999-12-31", "0001-01-01", "0000-01-01", "2026-13-01"][rng.below(4)].into(),
        ),
        12 => Value::String(["t-1", "s-1", "phase-1", "c-1", "m-1", "ghost"][rng.below(6)].into()),
        13 => Value::Array(vec![]),
        14 => Value::Object(Map::new()),
        15 => Value::Array(vec![Value::Null; 1 + rng.below(50)]),
        16 => Value::String("<script>alert(1)</script>| a | b |\n```\n# h".into()),
        17 => Value::String(
            [
                "planwright-plan",
                "approves",
                "todo",
                "done",
                "high",
                "in_place",
            ][rng.below(6)]
            .into(),
        ),
        18 => Value::from(rng.below(10) as u64),
        19 => {
            serde_json::json!({"id": "t-1", "depends_on": ["t-1"], "duration_days": 4294967295u64})
        }
        20 => Value::Array(
            (0..rng.below(200))
                .map(|i| Value::String(format!("t-{i}")))
                .collect(),
        ),
        _ => serde_json::json!([{"id": ""}, {"id": ""}]),
    }
}

/// Values a portfolio's settings must bear: extreme counts, weights and
/// figures, keys that match nothing or something, and links.
fn portfolio_hostile(rng: &mut Rng) -> Value {
    match rng.below(12) {
        0 => Value::from(0),
        1 => Value::from(u32::MAX),
        2 => Value::from(1e300),
        3 => Value::from(-1e300),
        4 => Value::from([0, 1, 5, 6, 99][rng.below(5)]),
        5 => Value::String(["plan-0", "plan-1", "plan-2", "ghost", ""][rng.below(5)].into()),
        6 => serde_json::json!({"key": "plan-0"}),
        7 => serde_json::json!([{"key": "plan-1"}, {"key": "plan-1"}, {"key": "ghost"}]),
        8 => serde_json::json!([{"kind": "system", "a": {"member": "plan-0", "item": "d-1"},
                                 "b": {"member": "plan-1", "item": "ghost"}, "same": rng.chance(50)}]),
        9 => serde_json::json!({"annual": 5e-324, "unit": "EUR", "rating": 3}),
        10 => Value::String("9999-12-31".into()),
        _ => serde_json::json!({"value": 0, "readiness": 0, "risk": 0, "effort": 0}),
    }
}

/// Text that replaces a value: a number from [`NUMBERS`], or deep nesting.
fn raw_number(rng: &mut Rng) -> String {
    rng.pick(NUMBERS).to_string()
}

fn nesting(rng: &mut Rng) -> String {
    let depth = [2, 50, 127, 128, 129, 500, 2_000, 10_000][rng.below(8)];
    let (open, close) = match rng.below(3) {
        0 => ("[", "]"),
        1 => ("{\"a\":", "}"),
        _ => ("{\"tasks\":[", "]}"),
    };
    let closed = rng.chance(80);
    let mut s = String::with_capacity(depth * (open.len() + close.len()) + 1);
    for _ in 0..depth {
        s.push_str(open);
    }
    s.push('1');
    if closed {
        for _ in 0..depth {
            s.push_str(close);
        }
    }
    s
}

fn serialize(v: &Value, rng: &mut Rng) -> String {
    let text = if rng.chance(50) {
        serde_json::to_string(v)
    } else {
        serde_json::to_string_pretty(v)
    };
    text.expect("a Value serializes")
}

/// A random value of one of the seeds.
fn some_value(seeds: &[Seed], rng: &mut Rng) -> Value {
    let seed = rng.pick(seeds);
    let at = rng.pick(&seed.values);
    seed.value.pointer(at).cloned().unwrap_or(Value::Null)
}

fn replace_value(seed: &Seed, rng: &mut Rng, with: Value) -> Value {
    let mut doc = seed.value.clone();
    let at = rng.pick(&seed.values);
    if let Some(slot) = doc.pointer_mut(at) {
        *slot = with;
    }
    doc
}

fn make_input(index: u64, seed: u64, all: &Seeds, links: &[Link]) -> (Kind, Input) {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let seeds = all;
    // One input in twenty mutates a whole file, a third a small one, the
    // rest a tiny one.
    let seeds = match rng.below(100) {
        0..=4 => &seeds.whole,
        5..=39 => &seeds.small,
        _ => &seeds.tiny,
    };
    let s = rng.pick(seeds);
    let kind = match rng.below(100) {
        0..=16 => Kind::ByteFlips,
        17..=24 => Kind::Truncation,
        25..=33 => Kind::Splice,
        34..=55 => Kind::ValueSwap,
        56..=62 => Kind::DeepNesting,
        63..=72 => Kind::HugeNumber,
        73..=80 => Kind::DuplicateKey,
        81..=92 => Kind::ShareLink,
        93..=95 => Kind::MarkdownDoc,
        96 => Kind::PortfolioFile,
        _ => Kind::GeneratedPlan,
    };
    let input = match kind {
        Kind::ByteFlips => {
            let mut bytes = s.text.clone().into_bytes();
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(bytes.len());
                bytes[at] = match rng.below(4) {
                    0 => bytes[at] ^ (1 << rng.below(8)),
                    1 => rng.below(256) as u8,
                    2 => *rng.pick(b"{}[]\",:\\0-e."),
                    _ => 0x80 | rng.below(64) as u8,
                };
            }
            Input::Bytes(bytes)
        }
        Kind::Truncation => {
            let bytes = s.text.as_bytes();
            Input::Bytes(bytes[..rng.below(bytes.len())].to_vec())
        }
        Kind::Splice => {
            let other = rng.pick(seeds).text.as_bytes();
            let (a, b) = (rng.below(s.text.len()), rng.below(other.len()));
            Input::Bytes([&s.text.as_bytes()[..a], &other[b..]].concat())
        }
        Kind::ValueSwap => {
            let mut doc = s.value.clone();
            for _ in 0..1 + rng.below(3) {
                let with = if rng.chance(50) {
                    some_value(seeds, &mut rng)
                } else {
                    hostile(&mut rng)
                };
                let at = rng.pick(&s.values);
                if let Some(slot) = doc.pointer_mut(at) {
                    *slot = with;
                }
            }
            Input::Bytes(serialize(&doc, &mut rng).into_bytes())
        }
        Kind::DeepNesting | Kind::HugeNumber => {
            let doc = replace_value(s, &mut rng, Value::String(RAW.into()));
            let raw = if kind == Kind::DeepNesting {
                nesting(&mut rng)
            } else {
                raw_number(&mut rng)
            };
            let text = serialize(&doc, &mut rng).replacen(&format!("\"{RAW}\""), &raw, 1);
            Input::Bytes(text.into_bytes())
        }
        Kind::DuplicateKey => {
            let mut doc = s.value.clone();
            let at = rng.pick(&s.objects);
            let mut key = None;
            if let Some(Value::Object(map)) = doc.pointer_mut(at) {
                let keys: Vec<String> = map.keys().cloned().collect();
                if !keys.is_empty() {
                    key = Some(rng.pick(&keys).clone());
                    let with = if rng.chance(50) {
                        some_value(seeds, &mut rng)
                    } else {
                        hostile(&mut rng)
                    };
                    map.insert(DUP.into(), with);
                }
            }
            let mut text = serialize(&doc, &mut rng);
            if let Some(key) = key {
                let key = serde_json::to_string(&key).expect("a key serializes");
                text = text.replacen(&format!("\"{DUP}\""), &key, 1);
            }
            Input::Bytes(text.into_bytes())
        }
        Kind::ShareLink => {
            let source = rng.below(links.len());
            let mut link = links[source].text.clone().into_bytes();
            match rng.below(4) {
                0 => link.truncate(rng.below(link.len())),
                1 => {
                    for _ in 0..1 + rng.below(4) {
                        let at = share::PREFIX.len() + rng.below(link.len() - share::PREFIX.len());
                        link[at] = *rng.pick(b"AZaz09-_=+/~ %#");
                    }
                }
                2 => {
                    let at = share::PREFIX.len() + rng.below(link.len() - share::PREFIX.len());
                    link.insert(at, *rng.pick(b"Aa0-_"));
                }
                _ => {
                    let cut = link.len() / 2 + rng.below(link.len() / 2);
                    link.truncate(cut);
                    link.extend_from_within(share::PREFIX.len()..);
                }
            }
            let known = links[source].plan.is_some().then_some(source);
            Input::Link(String::from_utf8_lossy(&link).into_owned(), known)
        }
        Kind::MarkdownDoc => {
            let source = rng.below(all.markdown.len());
            let doc = &all.markdown[source].0;
            let block = doc.find("\n## Plan file\n").unwrap_or(0);
            let mut bytes = doc.clone().into_bytes();
            let mut known = None;
            match rng.below(5) {
                0 => {
                    for _ in 0..1 + rng.below(8) {
                        let at = rng.below(bytes.len());
                        bytes[at] = *rng.pick(b"`~{}\"\\\n#<>a0 \xFF");
                    }
                }
                1 => bytes.truncate(rng.below(bytes.len())),
                2 => bytes.extend_from_slice(&doc.as_bytes()[block..]),
                3 => {
                    let at = block + rng.below(doc.len() - block);
                    const FENCES: [&str; 4] = ["\n```\n", "\n~~~\n", "\n    ```\n", "\n```json\n"];
                    let fence = rng.pick(&FENCES).as_bytes();
                    bytes.splice(at..at, fence.iter().copied());
                }
                _ => {
                    // The readable part rewritten, the block kept.
                    let readable = doc[..block]
                        .replace("## ", "## Edited ")
                        .replace("- ", "* ");
                    bytes = format!("{readable}{}", &doc[block..]).into_bytes();
                    known = Some(source);
                }
            }
            Input::Markdown(bytes, known)
        }
        Kind::PortfolioFile => {
            let which = rng.below(all.portfolios.len());
            let p = &all.portfolios[which];
            let bytes = match rng.below(5) {
                // Settings of the right types, so the file imports and the
                // analysis meets every kind of odd value.
                3 | 4 => random_portfolio(&mut rng, &all.portfolio_plans[which]),
                0 => {
                    let mut bytes = p.text.clone().into_bytes();
                    for _ in 0..1 + rng.below(8) {
                        let at = rng.below(bytes.len());
                        bytes[at] = *rng.pick(b"{}[]\",:\\0-e.\xFF");
                    }
                    bytes
                }
                1 => p.text.as_bytes()[..rng.below(p.text.len())].to_vec(),
                _ => {
                    let mut doc = p.value.clone();
                    // Half the swaps land in the portfolio part, so most
                    // inputs still import and reach the analysis.
                    let settings: Vec<&String> = p
                        .values
                        .iter()
                        .filter(|v| v.starts_with("/portfolio"))
                        .collect();
                    for _ in 0..1 + rng.below(3) {
                        let with = match rng.below(3) {
                            0 => some_value(&all.portfolios, &mut rng),
                            1 => portfolio_hostile(&mut rng),
                            _ => hostile(&mut rng),
                        };
                        let at = if rng.chance(50) && !settings.is_empty() {
                            *rng.pick(&settings)
                        } else {
                            rng.pick(&p.values)
                        };
                        if let Some(slot) = doc.pointer_mut(at) {
                            *slot = with;
                        }
                    }
                    serialize(&doc, &mut rng).into_bytes()
                }
            };
            Input::Portfolio(bytes)
        }
        Kind::GeneratedPlan => Input::Plan(Box::new(generated(&mut rng))),
    };
    (kind, input)
}

/// A plan edited at random, with what no file can hold (NaN) included.
fn generated(rng: &mut Rng) -> Plan {
    let mut plan = match rng.below(6) {
        0 => rich(),
        1 => chain(1 + rng.below(20)),
        2 => fan(rng.below(20)),
        3 => Plan::default(),
        _ => random_plan(rng.below(20), rng.next_u64()),
    };
    for _ in 0..rng.below(8) {
        let n = plan.tasks.len();
        match rng.below(12) {
            0 if n > 0 => {
                // A dependency anywhere: loops, self-loops.
                let (a, b) = (rng.below(n), rng.below(n));
                let dep = plan.tasks[b].id.clone();
                plan.tasks[a].depends_on.push(dep);
            }
            1 if n > 0 => {
                let t = plan.tasks[rng.below(n)].clone();
                plan.tasks.push(t);
            }
            2 if n > 0 => plan.tasks[rng.below(n)].duration_days = Some(u32::MAX),
            3 if n > 0 => plan.tasks[rng.below(n)].depends_on.push(Id::from("ghost")),
            4 if n > 0 => plan.tasks[rng.below(n)].id = Id::from(""),
            5 => {
                plan.start_date = Date::from_days([-719_162, 2_932_896, 0, 20_000][rng.below(4)]);
            }
            6 => plan.tasks.push(Task {
                id: task_id(rng.below(n + 1)),
                title: "<script>`|#\n> x".repeat(rng.below(4)),
                phase: Some(Id::from(
                    ["phase-1", "phase-4", "nowhere", ""][rng.below(4)],
                )),
                depends_on: vec![task_id(rng.below(n + 1))],
                ..Task::default()
            }),
            7 => plan.phases.truncate(rng.below(plan.phases.len() + 1)),
            8 => plan.metrics.push(Metric {
                id: Id::from("nan"),
                baseline: Some(f64::NAN),
                target: Some(f64::INFINITY),
                actual: Some(f64::NEG_INFINITY),
                ..Metric::default()
            }),
            9 => plan
                .phases
                .iter_mut()
                .for_each(|p| p.duration_weeks = Some(u32::MAX)),
            10 => plan.title = "é𐀀\u{0}".repeat(rng.below(2000)),
            _ => plan.stakeholders.clear(),
        }
    }
    plan
}

/// Calls and panics per target, inputs per kind, and what went wrong.
#[derive(Default)]
struct Tally {
    calls: BTreeMap<Target, u64>,
    panics: BTreeMap<Target, u64>,
    /// Seconds spent in each target.
    busy: BTreeMap<Target, f64>,
    kinds: BTreeMap<Kind, u64>,
    /// Seconds spent on inputs of each kind, making and running them.
    seconds: BTreeMap<Kind, f64>,
    imported: u64,
    /// Plans that did not come back the same from their file or link.
    mismatches: Vec<(u64, &'static str)>,
    /// The first panic of each target: input number, message and stack.
    first_panic: BTreeMap<Target, (u64, String)>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        for (k, v) in other.calls {
            *self.calls.entry(k).or_default() += v;
        }
        for (k, v) in other.busy {
            *self.busy.entry(k).or_default() += v;
        }
        for (k, v) in other.panics {
            *self.panics.entry(k).or_default() += v;
        }
        for (k, v) in other.kinds {
            *self.kinds.entry(k).or_default() += v;
        }
        for (k, v) in other.seconds {
            *self.seconds.entry(k).or_default() += v;
        }
        self.imported += other.imported;
        self.mismatches.extend(other.mismatches);
        for (k, v) in other.first_panic {
            let mine = self.first_panic.entry(k).or_insert(v.clone());
            if v.0 < mine.0 {
                *mine = v;
            }
        }
    }
}

thread_local! {
    /// The message and stack of the last panic on this thread.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs one target under `catch_unwind`, counting the call and any panic.
fn run<T>(tally: &mut Tally, index: u64, target: Target, f: impl FnOnce() -> T) -> Option<T> {
    *tally.calls.entry(target).or_default() += 1;
    let started = Instant::now();
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    *tally.busy.entry(target).or_default() += started.elapsed().as_secs_f64();
    match result {
        Ok(v) => Some(v),
        Err(_) => {
            *tally.panics.entry(target).or_default() += 1;
            let what = LAST_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_default();
            tally.first_panic.entry(target).or_insert((index, what));
            None
        }
    }
}

/// Counts a mismatch when what was read back (if reading did not panic) is
/// not `plan`.
fn same_plan<E>(
    tally: &mut Tally,
    index: u64,
    plan: &Plan,
    back: Option<Result<Imported, E>>,
    what: &'static str,
) {
    if back.is_some_and(|b| !b.is_ok_and(|i| i.plan == *plan)) {
        tally.mismatches.push((index, what));
    }
}

/// The CSV, Microsoft Project and iCalendar exports, each checked for the
/// shape its readers rely on.
fn work_tools(tally: &mut Tally, index: u64, plan: &Plan, a: &Analysis, rng: &mut Rng) {
    let options = CsvOptions {
        excel_bom: rng.chance(50),
    };
    if let Some(text) = run(tally, index, Target::Csv, || csv::tasks(plan, a, options)) {
        if !text.ends_with("\r\n") {
            tally
                .mismatches
                .push((index, "the CSV does not end its last record with CRLF"));
        }
    }
    if let Some(xml) = run(tally, index, Target::Mspdi, || mspdi::write(plan, a)) {
        // XML 1.0 allows tab and line feed; the export writes no carriage
        // return.
        if xml
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            tally
                .mismatches
                .push((index, "the Project XML holds a control character"));
        }
    }
    let stamp = Stamp::from_unix_seconds(1_767_225_600).expect("a valid stamp");
    let options = IcsOptions {
        plan_id: "fuzz",
        stamp,
    };
    if let Some(Ok(cal)) = run(tally, index, Target::Ics, || ics::write(plan, a, &options)) {
        let shaped = cal.ends_with("\r\n")
            && cal
                .split("\r\n")
                .all(|line| line.len() <= 75 && !line.contains('\n'));
        if !shaped {
            tally
                .mismatches
                .push((index, "a calendar line passes 75 octets or breaks bare"));
        }
    }
}

/// Everything after import, for a plan that is in hand.
fn pipeline(tally: &mut Tally, index: u64, plan: &Plan, from_file: bool, rng: &mut Rng) {
    let Some(a) = run(tally, index, Target::Analyze, || analyze(plan)) else {
        return;
    };
    // One plan in ten is read back from its file and its link, which must
    // give the same plan; the checks cost as much as the exports.
    let check = from_file && rng.chance(10);
    if let Some(json) = run(tally, index, Target::ToJson, || to_json(plan)).filter(|_| check) {
        let back = run(tally, index, Target::Import, || import_str(&json));
        same_plan(
            tally,
            index,
            plan,
            back,
            "the JSON export does not import to the same plan",
        );
    }
    let markdown = run(tally, index, Target::Markdown, || to_markdown(plan));
    if let Some(doc) = markdown.filter(|_| check) {
        let back = run(tally, index, Target::MarkdownImport, || {
            import_named("plan.md", doc.as_bytes())
        });
        same_plan(
            tally,
            index,
            plan,
            back,
            "the Markdown export does not import to the same plan",
        );
    }
    work_tools(tally, index, plan, &a, rng);
    if let Some(Ok(link)) =
        run(tally, index, Target::ShareEncode, || share::encode(plan)).filter(|_| check)
    {
        let back = run(tally, index, Target::ShareDecode, || share::decode(&link));
        same_plan(
            tally,
            index,
            plan,
            back,
            "the share link does not decode to the same plan",
        );
    }
    let scores: Vec<(String, u32)> = a
        .readiness
        .dimensions
        .iter()
        .map(|d| (d.label.to_string(), d.score))
        .collect();
    let size = [240.0, 0.0, -5.0, 1e300, f64::NAN, f64::INFINITY][rng.below(6)];
    run(tally, index, Target::Radar, || radar(&scores, size));
    if let Ok(s) = &a.schedule {
        let mut options = GanttOptions::default();
        if rng.chance(20) {
            let odd = [0.0, -1.0, f64::NAN, f64::INFINITY, 1e12];
            options.target_width = *rng.pick(&odd);
            options.min_day_width = *rng.pick(&odd);
            options.max_day_width = *rng.pick(&odd);
            options.max_width = *rng.pick(&odd);
            options.row_height = *rng.pick(&odd);
            options.max_rows = rng.below(3);
            options.max_arrows = rng.below(3);
            options.label_chars = rng.below(3);
        }
        run(tally, index, Target::Gantt, || gantt(plan, s, &options));
    }
}

fn one(tally: &mut Tally, index: u64, seed: u64, seeds: &Seeds, links: &[Link]) -> Input {
    let started = Instant::now();
    let (kind, input) = make_input(index, seed, seeds, links);
    *tally.kinds.entry(kind).or_default() += 1;
    let mut rng = Rng::new(!index ^ seed);
    let imported = match &input {
        Input::Bytes(bytes) => {
            run(tally, index, Target::Import, || import_bytes(bytes)).and_then(Result::ok)
        }
        Input::Link(link, known) => {
            let back = run(tally, index, Target::ShareDecode, || share::decode(link));
            if let Some(Ok(opened)) = &back {
                let plan = known.and_then(|i| links[i].plan.as_ref());
                if plan.is_some_and(|p| *p != opened.plan) {
                    tally
                        .mismatches
                        .push((index, "a damaged link opened as a different plan"));
                }
            }
            back.and_then(Result::ok)
        }
        Input::Markdown(bytes, known) => {
            let back = run(tally, index, Target::MarkdownImport, || {
                import_named("plan.md", bytes)
            });
            if let Some((_, plan)) = known.map(|i| &seeds.markdown[i]) {
                same_plan(
                    tally,
                    index,
                    plan,
                    back.clone(),
                    "an edited Markdown export does not import to its plan",
                );
            }
            back.and_then(Result::ok)
        }
        Input::Portfolio(bytes) => {
            portfolio(tally, index, bytes);
            None
        }
        Input::Plan(plan) => {
            pipeline(tally, index, plan, false, &mut rng);
            None
        }
    };
    if let Some(imported) = imported {
        tally.imported += 1;
        pipeline(tally, index, &imported.plan, true, &mut rng);
    }
    *tally.seconds.entry(kind).or_default() += started.elapsed().as_secs_f64();
    input
}

/// A portfolio file through import, the portfolio analysis, its Markdown
/// and its file again, which must import to the same portfolio and plans.
fn portfolio(tally: &mut Tally, index: u64, bytes: &[u8]) {
    let r = run(tally, index, Target::PortfolioImport, || {
        portfolio_file::import_bytes(bytes)
    });
    let Some(Ok(imported)) = r else {
        return;
    };
    tally.imported += 1;
    let initiatives = imported.initiatives();
    let Some(analysis) = run(tally, index, Target::PortfolioAnalyze, || {
        analyze_portfolio(&imported.portfolio, &initiatives)
    }) else {
        return;
    };
    run(tally, index, Target::PortfolioMarkdown, || {
        planwright_core::export::markdown::portfolio::to_markdown(&imported.portfolio, &analysis)
    });
    let plans: Vec<(&str, &Plan)> = imported
        .plans
        .iter()
        .map(|p| (p.key.as_str(), &p.imported.plan))
        .collect();
    let Some(text) = run(tally, index, Target::PortfolioToJson, || {
        portfolio_file::to_json(&imported.portfolio, &plans)
    }) else {
        return;
    };
    let back = run(tally, index, Target::PortfolioImport, || {
        portfolio_file::import(&text)
    });
    let same = match &back {
        Some(Ok(b)) => {
            b.portfolio == imported.portfolio
                && b.plans.len() == imported.plans.len()
                && b.plans
                    .iter()
                    .zip(&imported.plans)
                    .all(|(x, y)| x.key == y.key && x.imported.plan == y.imported.plan)
        }
        _ => false,
    };
    if !same {
        tally.mismatches.push((
            index,
            "a portfolio file does not import back to the same portfolio",
        ));
    }
}

/// A portfolio file over some of `plans` (one perhaps twice), whose
/// settings are of the right types but drawn at random: members that name
/// no plan or the same plan twice, extreme weights, capacities, figures,
/// ratings and dates, links between real and missing items.
fn random_portfolio(rng: &mut Rng, plans: &[(String, Plan)]) -> Vec<u8> {
    let mut keys: Vec<String> = plans.iter().map(|(k, _)| k.clone()).collect();
    keys.push("ghost".into());
    let mut members = Vec::new();
    for _ in 0..rng.below(6) {
        let annual = [
            None,
            Some(0.0),
            Some(1e300),
            Some(-5.0),
            Some(5e-324),
            Some(120_000.0),
        ];
        let unit = ["EUR", "USD", "", "hours"];
        let rating = [None, Some(0), Some(1), Some(5), Some(6), Some(u32::MAX)];
        members.push(Member {
            key: rng.pick(&keys).clone(),
            value: ExpectedValue {
                annual: *rng.pick(&annual),
                unit: rng.pick(&unit).to_string(),
                rating: *rng.pick(&rating),
            },
        });
    }
    let mut links = Vec::new();
    for _ in 0..rng.below(4) {
        let item = |rng: &mut Rng| {
            let (key, plan) = rng.pick(plans);
            let ids: Vec<Id> = plan
                .data_sources
                .iter()
                .map(|d| d.id.clone())
                .chain(plan.systems.iter().map(|x| x.id.clone()))
                .chain(plan.controls.iter().map(|x| x.id.clone()))
                .chain(plan.deliverables.iter().map(|x| x.id.clone()))
                .chain([Id::from("ghost")])
                .collect();
            ItemRef {
                member: key.clone(),
                item: rng.pick(&ids).clone(),
            }
        };
        let kinds = [
            SharedKind::DataSource,
            SharedKind::System,
            SharedKind::Control,
            SharedKind::Deliverable,
        ];
        links.push(ItemLink {
            kind: *rng.pick(&kinds),
            a: item(rng),
            b: item(rng),
            same: rng.chance(50),
        });
    }
    let weight = |rng: &mut Rng| rng.below(7) as u32;
    let weights = Weights {
        value: weight(rng),
        readiness: weight(rng),
        risk: weight(rng),
        effort: weight(rng),
    };
    let dates = [
        None,
        Date::new(2026, 1, 5),
        Date::new(9999, 12, 31),
        Date::new(1, 1, 1),
    ];
    let portfolio = Portfolio {
        name: "Random portfolio".into(),
        capacity: *rng.pick(&[0, 1, 2, 3, 50, u32::MAX]),
        weights,
        start_date: *rng.pick(&dates),
        members,
        links,
    };
    let mut carried: Vec<(&str, &Plan)> = plans
        .iter()
        .filter(|_| rng.chance(80))
        .map(|(k, p)| (k.as_str(), p))
        .collect();
    if rng.chance(10) && !carried.is_empty() {
        carried.push(carried[0]);
    }
    portfolio_file::to_json(&portfolio, &carried).into_bytes()
}

/// Portfolio files of two or three of the given plans, with a yearly
/// figure, a rating or no value for each member, and their plans by key.
fn portfolio_seeds(plans: &[Plan]) -> (Vec<Seed>, Vec<Vec<(String, Plan)>>) {
    let mut seeds = Vec::new();
    let mut carried = Vec::new();
    for (n, window) in plans.windows(3).enumerate() {
        let take = 2 + n % 2;
        let chosen: Vec<(String, &Plan)> = window
            .iter()
            .take(take)
            .enumerate()
            .map(|(i, p)| (format!("plan-{i}"), p))
            .collect();
        let members = chosen
            .iter()
            .enumerate()
            .map(|(i, (key, _))| Member {
                key: key.clone(),
                value: match (i + n) % 3 {
                    0 => ExpectedValue {
                        annual: Some(120_000.0),
                        unit: "EUR".into(),
                        rating: None,
                    },
                    1 => ExpectedValue {
                        rating: Some(4),
                        ..ExpectedValue::default()
                    },
                    _ => ExpectedValue::default(),
                },
            })
            .collect();
        let portfolio = Portfolio {
            name: format!("Fuzz portfolio {n}"),
            capacity: 1 + (n % 3) as u32,
            members,
            ..Portfolio::default()
        };
        let refs: Vec<(&str, &Plan)> = chosen.iter().map(|(k, p)| (k.as_str(), *p)).collect();
        seeds.push(Seed::new(portfolio_file::to_json(&portfolio, &refs)));
        carried.push(chosen.into_iter().map(|(k, p)| (k, p.clone())).collect());
    }
    (seeds, carried)
}

/// Cuts every list in a plan file to its first two items.
fn shrink(v: &mut Value) {
    match v {
        Value::Array(items) => {
            items.truncate(2);
            items.iter_mut().for_each(shrink);
        }
        Value::Object(map) => map.values_mut().for_each(shrink),
        _ => {}
    }
}

/// The plan files to mutate: tiny ones (the envelope and one section of a
/// small plan) and small ones, which most inputs start from as they are
/// fast to run, and whole ones.
fn seeds() -> Seeds {
    let mut whole: Vec<String> = EXAMPLES
        .iter()
        .map(|e| example_json(e.key).expect("a listed example").to_string())
        .collect();
    whole.push(to_json(&rich()));
    whole.push(to_json(&random_plan(60, 1)));
    let small: Vec<Seed> = whole
        .iter()
        .map(|text| {
            let mut value: Value = serde_json::from_str(text).expect("a seed file is JSON");
            shrink(&mut value);
            Seed::new(serde_json::to_string_pretty(&value).expect("a Value serializes"))
        })
        .chain([Seed::new(to_json(&Plan::blank()))])
        .collect();
    let mut tiny = Vec::new();
    for seed in &small {
        let Value::Object(map) = &seed.value else {
            continue;
        };
        for (key, value) in map {
            if key == "format" || key == "version" {
                continue;
            }
            let mut one = Map::new();
            for envelope in ["format", "version"] {
                if let Some(v) = map.get(envelope) {
                    one.insert(envelope.to_string(), v.clone());
                }
            }
            one.insert(key.clone(), value.clone());
            let text = serde_json::to_string_pretty(&Value::Object(one)).expect("serializes");
            tiny.push(Seed::new(text));
        }
    }
    let markdown: Vec<(String, Plan)> = small
        .iter()
        .filter_map(|s| import_str(&s.text).ok())
        .map(|i| (to_markdown(&i.plan), i.plan))
        .collect();
    let plans: Vec<Plan> = markdown.iter().map(|(_, p)| p.clone()).collect();
    let (portfolios, portfolio_plans) = portfolio_seeds(&plans);
    Seeds {
        tiny,
        small,
        whole: whole.into_iter().map(Seed::new).collect(),
        markdown,
        portfolios,
        portfolio_plans,
    }
}

fn arg(args: &[String], name: &str) -> Option<u64> {
    let at = args.iter().position(|a| a == name)?;
    let value = args
        .get(at + 1)
        .unwrap_or_else(|| panic!("{name} needs a number"));
    let value = value.replace('_', "");
    let parsed = match value.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => value.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name}: not a number: {value}")))
}

fn save(index: u64, input: &Input) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz");
    let _ = std::fs::create_dir_all(&dir);
    let (path, bytes) = match input {
        Input::Bytes(b) => (dir.join(format!("input-{index}.json")), b.clone()),
        Input::Markdown(b, _) => (dir.join(format!("input-{index}.md")), b.clone()),
        Input::Portfolio(b) => (dir.join(format!("input-{index}.portfolio.json")), b.clone()),
        Input::Link(l, _) => (
            dir.join(format!("input-{index}.link")),
            l.clone().into_bytes(),
        ),
        Input::Plan(p) => (
            dir.join(format!("input-{index}.plan.txt")),
            format!("{p:#?}").into_bytes(),
        ),
    };
    let _ = std::fs::write(&path, bytes);
    path
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs = arg(&args, "--inputs").unwrap_or(DEFAULT_INPUTS);
    let seed = arg(&args, "--seed").unwrap_or(DEFAULT_SEED);
    let threads = arg(&args, "--threads")
        .map(|t| t.max(1) as usize)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let only = arg(&args, "--only");

    panic::set_hook(Box::new(|info| {
        let stack = Backtrace::force_capture();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{info}\n{stack}")));
    }));
    let seeds = seeds();
    let mut links: Vec<Link> = seeds
        .small
        .iter()
        .filter_map(|s| import_str(&s.text).ok())
        .filter_map(|i| {
            let text = share::encode(&i.plan).ok()?;
            Some(Link {
                text,
                plan: Some(i.plan),
            })
        })
        .collect();
    for old in [
        include_str!("../tests/fixtures/share-v1.txt"),
        include_str!("../tests/fixtures/share-v2.txt"),
    ] {
        links.push(Link {
            text: old.trim().to_string(),
            plan: None,
        });
    }

    if let Some(index) = only {
        let mut tally = Tally::default();
        let input = one(&mut tally, index, seed, &seeds, &links);
        let path = save(index, &input);
        println!("input {index} (seed {seed:#x}) saved to {}", path.display());
        report(&tally, 1, 0.0, threads);
        return;
    }

    println!("planwright-core fuzz: {inputs} inputs, seed {seed:#x}, {threads} threads");
    let started = Instant::now();
    let mut tally = Tally::default();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads as u64)
            .map(|t| {
                let (seeds, links) = (&seeds, &links);
                scope.spawn(move || {
                    let mut tally = Tally::default();
                    let mut index = t;
                    while index < inputs {
                        let had = tally.first_panic.len() + tally.mismatches.len();
                        let input = one(&mut tally, index, seed, seeds, links);
                        if tally.first_panic.len() + tally.mismatches.len() > had {
                            save(index, &input);
                        }
                        if t == 0 && index % 100_000 < threads as u64 && index > 0 {
                            eprintln!("  {index} inputs, {:.0} s", started.elapsed().as_secs_f64());
                        }
                        index += threads as u64;
                    }
                    tally
                })
            })
            .collect();
        for w in workers {
            tally.merge(
                w.join()
                    .expect("a worker thread does not panic outside catch_unwind"),
            );
        }
    });
    let seconds = started.elapsed().as_secs_f64();
    report(&tally, inputs, seconds, threads);
    let panics: u64 = tally.panics.values().sum();
    if panics > 0 || !tally.mismatches.is_empty() {
        std::process::exit(1);
    }
}

fn report(tally: &Tally, inputs: u64, seconds: f64, threads: usize) {
    println!("\ninputs by kind:");
    for (kind, n) in &tally.kinds {
        let seconds = tally.seconds.get(kind).copied().unwrap_or(0.0);
        println!(
            "  {:<16} {n:>9}  {:>8.1} µs each",
            format!("{kind:?}"),
            seconds * 1e6 / *n as f64
        );
    }
    println!(
        "  {:<16} {:>9} (import or link decode succeeded)",
        "imported", tally.imported
    );
    println!("\ncalls and panics by target:");
    for target in TARGETS {
        let calls = tally.calls.get(&target).copied().unwrap_or(0);
        let busy = tally.busy.get(&target).copied().unwrap_or(0.0);
        println!(
            "  {:<16} {calls:>9} calls {:>4} panics  {:>8.1} µs each",
            format!("{target:?}"),
            tally.panics.get(&target).copied().unwrap_or(0),
            busy * 1e6 / calls.max(1) as f64
        );
    }
    let panics: u64 = tally.panics.values().sum();
    let calls: u64 = tally.calls.values().sum();
    println!(
        "\npanics: {panics}; round-trip mismatches: {}",
        tally.mismatches.len()
    );
    for (index, what) in tally.mismatches.iter().take(10) {
        println!("  input {index}: {what} (replay with --only {index})");
    }
    for (target, (index, what)) in &tally.first_panic {
        println!("\nfirst panic in {target:?}: input {index} (replay with --only {index})\n{what}");
    }
    if seconds > 0.0 {
        println!(
            "\nwall time {seconds:.1} s on {threads} threads: {:.0} inputs/s, {:.0} target calls/s",
            inputs as f64 / seconds,
            calls as f64 / seconds
        );
    }
}
