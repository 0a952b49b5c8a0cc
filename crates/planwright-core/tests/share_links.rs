//! Share links: what arrives either opens as exactly the plan that was sent
//! or is refused with a message; old links keep opening.
//!
//! Figures (printed by each test so a run shows them):
//! - the three examples: every truncation, and at every position of the
//!   link (its `share=3.` included) one alteration to another base64url
//!   character, a different one from position to position so that all 63
//!   are used (about 52,000 decodes);
//!   the exhaustive run, every position changed to every other base64url
//!   character (about 1.6 million decodes), is an ignored test to run in
//!   release (`-- --ignored`), as it takes minutes in a debug build;
//! - generated plans (`testing::random_plan` of 0 to 40 tasks): 32 cases,
//!   each with every truncation and one alteration at every position;
//! - arbitrary plans (`common::plan()`, hostile text included): 32 cases,
//!   each read back, cut to two thirds and altered in the middle;
//! - a link of the format before versions (`fixtures/share-v1.txt`, made by
//!   the encoder of that time from `fixtures/share-v1.json`) opens, and so
//!   does a link version 2 of the same plan (`fixtures/share-v2.txt`, made
//!   by the version 2 encoder, DEFLATE against its dictionary).

mod common;

use std::time::Instant;

use planwright_core::format::examples::{example, EXAMPLES};
use planwright_core::format::file::{import_str, to_json};
use planwright_core::format::share::{decode, encode, ShareError, PREFIX};
use planwright_core::testing::random_plan;
use planwright_core::Plan;
use proptest::prelude::*;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The link with the character at `at` replaced by `c`.
fn altered(link: &str, at: usize, c: u8) -> String {
    let mut bytes = link.as_bytes().to_vec();
    bytes[at] = c;
    String::from_utf8(bytes).expect("links are ASCII")
}

/// Decodes `link` and says what is wrong if it opened as another plan, or
/// was refused without a message.
fn check(link: &str, plan: &Plan, what: &str) -> Result<(), String> {
    match decode(link) {
        Ok(imported) if imported.plan == *plan => Ok(()),
        Ok(_) => Err(format!("{what} opened as a different plan")),
        Err(e) if e.to_string().len() > 40 => Ok(()),
        Err(e) => Err(format!("{what} was refused without a clear message: {e:?}")),
    }
}

/// Every truncation of `link` and the alterations `pick` chooses at each
/// position; returns how many decodes ran.
fn every_damage(
    link: &str,
    plan: &Plan,
    pick: &(impl Fn(usize) -> Vec<u8> + Sync),
) -> Result<usize, String> {
    let positions: Vec<usize> = (0..link.len()).collect();
    let halves = positions.split_at(positions.len() / 2);
    let work = |part: &[usize]| -> Result<usize, String> {
        let mut runs = 0;
        for &at in part {
            check(
                &link[..at],
                plan,
                &format!("the link cut to {at} characters"),
            )?;
            for c in pick(at) {
                if c != link.as_bytes()[at] {
                    let what = format!("position {at} changed to '{}'", char::from(c));
                    check(&altered(link, at, c), plan, &what)?;
                    runs += 1;
                }
            }
            runs += 1;
        }
        Ok(runs)
    };
    std::thread::scope(|scope| {
        let other = scope.spawn(|| work(halves.1));
        let mine = work(halves.0)?;
        let theirs = other
            .join()
            .map_err(|_| "a worker panicked".to_string())??;
        Ok(mine + theirs)
    })
}

/// Runs `every_damage` on the three examples and prints the figures.
fn damage_examples(pick: impl Fn(usize) -> Vec<u8> + Sync, what: &str) {
    let started = Instant::now();
    let mut runs = 0;
    for e in EXAMPLES {
        let plan = example(e.key).expect("an example");
        let link = encode(&plan).expect("examples fit in a link");
        runs += every_damage(&link, &plan, &pick).unwrap_or_else(|err| panic!("{}: {err}", e.key));
    }
    eprintln!(
        "share links: {runs} damaged example links ({what}) refused or read back the same in {:.1?}",
        started.elapsed()
    );
}

#[test]
fn every_truncation_and_an_alteration_at_every_position_of_the_examples_are_refused() {
    damage_examples(one_each, "every truncation, 1 alteration a position");
}

// The exhaustive run takes minutes in a debug build; run it with
// `cargo test --release -p planwright-core --test share_links -- --ignored`.
#[test]
#[ignore = "exhaustive: run in release with --ignored"]
fn every_alteration_and_truncation_of_the_examples_is_refused() {
    damage_examples(
        |_| ALPHABET.to_vec(),
        "every truncation, all 63 alterations a position",
    );
}

#[test]
fn links_are_shorter_than_before_and_read_back_the_same() {
    for e in EXAMPLES {
        let plan = example(e.key).expect("an example");
        let link = encode(&plan).expect("examples fit in a link");
        // What the encoder before versions wrote: the whole file, DEFLATE
        // level 9 and base64url (four characters per three bytes, no padding).
        let before = miniz_oxide::deflate::compress_to_vec(to_json(&plan).as_bytes(), 9).len();
        let before = PREFIX.len() + (before * 4).div_ceil(3);
        eprintln!(
            "share link of {}: {before} characters before, {} now ({:.0}% shorter)",
            e.key,
            link.len(),
            100.0 * (before - link.len()) as f64 / before as f64
        );
        // Issue 12 asks for at least 40% shorter.
        assert!(
            link.len() * 10 <= before * 6,
            "{}: {} vs {before}",
            e.key,
            link.len()
        );
        assert_eq!(decode(&link).expect("opens").plan, plan);
    }
}

#[test]
fn a_link_made_before_link_versions_still_opens() {
    let link = include_str!("fixtures/share-v1.txt").trim();
    assert!(link.starts_with("share=") && !link.contains('.'));
    let expected = import_str(include_str!("fixtures/share-v1.json")).expect("the fixture plan");
    let opened = decode(link).expect("an old link opens");
    assert_eq!(opened.plan, expected.plan);
    assert_eq!(opened.from_version, 2);
    assert!(opened.unknown_fields.is_empty());
    // The plan inside is at plan format version 2; the one note says it was
    // brought up to date, nothing else changed.
    assert_eq!(
        opened.migration_notes.len(),
        1,
        "{:?}",
        opened.migration_notes
    );
    assert!(opened.migration_notes[0].contains("working calendar"));
    assert_eq!(
        decode(&format!("https://example.org/planwright/#{link}")).map(|i| i.plan),
        Ok(expected.plan)
    );
}

#[test]
fn a_link_of_version_2_still_opens() {
    let link = include_str!("fixtures/share-v2.txt").trim();
    assert!(link.starts_with("share=2."));
    let expected = import_str(include_str!("fixtures/share-v1.json")).expect("the fixture plan");
    let opened = decode(link).expect("a version 2 link opens");
    assert_eq!(opened.plan, expected.plan);
    assert!(opened.unknown_fields.is_empty());
    // The plan inside is at plan format version 2; the one note says it was
    // brought up to date, nothing else changed.
    assert_eq!(
        opened.migration_notes.len(),
        1,
        "{:?}",
        opened.migration_notes
    );
    assert!(opened.migration_notes[0].contains("working calendar"));
    // Its frame still tells damage apart.
    assert_eq!(
        decode(&link[..link.len() - 3]),
        Err(ShareError::CutShort { missing: Some(3) })
    );
    let at = link.len() / 2;
    let c = if link.as_bytes()[at] == b'A' {
        b'B'
    } else {
        b'A'
    };
    assert_eq!(decode(&altered(link, at, c)), Err(ShareError::Altered));
    // The same plan makes a shorter link now.
    let now = encode(&expected.plan).expect("fits");
    assert!(now.starts_with("share=3.") && now.len() < link.len());
}

#[test]
fn damage_messages_say_what_happened() {
    let link = encode(&example("finance").expect("an example")).expect("fits");
    let cut = decode(&link[..link.len() - 100]).unwrap_err();
    assert_eq!(cut, ShareError::CutShort { missing: Some(100) });
    assert!(cut.to_string().contains("was cut short"), "{cut}");
    let changed = decode(&altered(&link, link.len() / 2, b'_')).unwrap_err();
    assert_eq!(changed, ShareError::Altered);
    assert!(
        changed.to_string().contains("changed on the way"),
        "{changed}"
    );
}

/// One alteration a position: a different alphabet character at each one
/// (7 is prime to 64), so all 63 alternatives are tried across a link.
fn one_each(at: usize) -> Vec<u8> {
    vec![ALPHABET[(at * 7 + 3) % 64]]
}

const GENERATED_CASES: u32 = 32;

fn config(what: &str) -> ProptestConfig {
    eprintln!("proptest: {GENERATED_CASES} cases of {what}");
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(GENERATED_CASES)
    }
}

proptest! {
    #![proptest_config(config("generated plans through damaged links"))]

    #[test]
    fn damaged_links_of_generated_plans_are_refused(tasks in 0usize..40, seed in any::<u64>()) {
        let plan = random_plan(tasks, seed);
        let link = encode(&plan).expect("fits");
        prop_assert_eq!(&decode(&link).expect("opens").plan, &plan);
        if let Err(e) = every_damage(&link, &plan, &one_each) {
            prop_assert!(false, "{}", e);
        }
    }
}

proptest! {
    #![proptest_config(config("arbitrary plans through links"))]

    #[test]
    fn arbitrary_plans_survive_links(plan in common::plan()) {
        match encode(&plan) {
            Ok(link) => {
                let back = decode(&link).expect("a link this build made opens");
                prop_assert_eq!(&back.plan, &plan);
                prop_assert!(back.unknown_fields.is_empty());
                let cut = link.len() * 2 / 3;
                prop_assert!(decode(&link[..cut]).is_err());
                let at = link.len() / 2;
                let c = if link.as_bytes()[at] == b'A' { b'B' } else { b'A' };
                prop_assert_eq!(decode(&altered(&link, at, c)).map(|i| i.plan), Err(ShareError::Altered));
            }
            Err(ShareError::TooLong { .. }) => {}
            Err(e) => prop_assert!(false, "{}", e),
        }
    }
}
