//! The three example plans as one portfolio, end to end through the public
//! API: every example is ranked with reasons, the foundation deliverables
//! they all have are shared, and each shared item is done once on the
//! roadmap.

use planwright_core::analysis::schedule::schedule;
use planwright_core::format::examples::{example, EXAMPLES};
use planwright_core::portfolio::{analyze, Initiative, Member, Portfolio, SharedKind};
use planwright_core::Plan;

fn examples() -> Vec<(&'static str, Plan)> {
    EXAMPLES
        .iter()
        .map(|e| (e.key, example(e.key).expect("the example reads")))
        .collect()
}

#[test]
fn the_three_examples_as_a_portfolio() {
    let plans = examples();
    let portfolio = Portfolio {
        name: "Examples".to_string(),
        members: plans
            .iter()
            .map(|(k, _)| Member {
                key: k.to_string(),
                ..Member::default()
            })
            .collect(),
        ..Portfolio::default()
    };
    let initiatives: Vec<Initiative<'_>> = plans
        .iter()
        .map(|(key, plan)| Initiative { key, plan })
        .collect();
    let a = analyze(&portfolio, &initiatives);
    for r in &a.ranked {
        println!("{}. {} ({}): score {}", r.rank, r.title, r.key, r.score);
        for reason in &r.reasons {
            println!("   {reason}");
        }
    }
    assert_eq!(a.ranked.len(), 3);
    assert!(a.ranked.iter().all(|r| r.reasons.len() >= 5));
    assert!(a
        .rule
        .iter()
        .any(|l| l.contains("No initiative has an expected value")));

    // All three keep the template's four foundation deliverables.
    let deliverables = a
        .shared
        .iter()
        .filter(|s| s.kind == SharedKind::Deliverable && s.unlocks.len() == 3)
        .count();
    assert_eq!(deliverables, 4);
    for (i, _) in a.shared.iter().enumerate() {
        let once = a
            .roadmap
            .origin
            .iter()
            .filter(|o| o.shared == Some(i))
            .count();
        assert_eq!(once, 1, "shared item {i} appears once");
    }

    // The roadmap is at least as long as the longest plan alone, and holds
    // every task but those the shared tasks replace.
    let s = a.roadmap.schedule.as_ref().expect("no loop");
    let longest = plans
        .iter()
        .map(|(_, p)| schedule(p).expect("no loop").total_days)
        .max()
        .unwrap_or(0);
    assert!(s.total_days >= longest);
    let own: usize = plans.iter().map(|(_, p)| p.tasks.len()).sum();
    let from_members = a
        .roadmap
        .origin
        .iter()
        .filter(|o| o.member.is_some())
        .count();
    assert!(from_members < own + 3);
    println!(
        "roadmap {} days, set-up {} alone, {} shared",
        s.total_days, a.roadmap.setup_days_alone, a.roadmap.setup_days_shared
    );
    assert!(a.roadmap.setup_days_shared <= a.roadmap.setup_days_alone);
    serde_json::to_string(&a).expect("the analysis serializes");
}
