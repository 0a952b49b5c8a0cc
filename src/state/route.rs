//! The address of each screen, as a hash route that works on any static host
//! and under any sub-path: `#/plans`, `#/plan/ID/step/3`,
//! `#/plan/ID/results`, `#/plan/ID/document`, `#/portfolio/ID`. Share links
//! keep their own `#share=…` form and are not routes.
//!
//! Plain functions over plain data, built for every target and tested
//! natively; `router` applies them to the browser.

use planwright_core::model::Section;

/// The screen being shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The list of plans.
    Library,
    /// One step of the builder.
    Step(Section),
    /// Results of the open plan.
    Dashboard,
    /// The whole plan as a read-only document, for reading and printing.
    Document,
    /// A stored portfolio: several plans ranked and sequenced together. No
    /// plan is open while it is shown; which portfolio is the portfolios
    /// state's.
    Portfolio,
}

/// What an address asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// No fragment at all: the app decides (it reopens the last plan).
    Start,
    /// The library.
    Plans,
    /// A screen of a stored plan.
    Plan {
        /// The plan's storage id.
        id: String,
        /// The screen (never [`View::Library`] or [`View::Portfolio`]).
        view: View,
    },
    /// A stored portfolio.
    Portfolio {
        /// The portfolio's storage id.
        id: String,
    },
    /// A share link (`#share=…`), handled by the share format.
    Share,
    /// Something that is no screen of this app; holds the fragment as given,
    /// shortened for messages.
    Unknown(String),
}

/// Longest id a route accepts; stored ids are far shorter.
const MAX_ID: usize = 64;

/// Reads a location hash (with or without its leading `#`).
pub fn parse(hash: &str) -> Route {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.is_empty() || hash == "/" {
        return Route::Start;
    }
    if hash.starts_with("share=") {
        return Route::Share;
    }
    let unknown = || Route::Unknown(shorten(hash));
    let Some(path) = hash.strip_prefix('/') else {
        return unknown();
    };
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    match parts.as_slice() {
        ["plans"] => Route::Plans,
        ["portfolio", id] if valid_id(id) => Route::Portfolio {
            id: (*id).to_string(),
        },
        ["plan", id, rest @ ..] if valid_id(id) => {
            let view = match rest {
                [] => Some(View::Step(Section::Objective)),
                ["step", n] => n
                    .parse::<u8>()
                    .ok()
                    .and_then(Section::from_number)
                    .or_else(|| Section::ALL.into_iter().find(|s| s.key() == *n))
                    .map(View::Step),
                ["results"] => Some(View::Dashboard),
                ["document"] => Some(View::Document),
                _ => None,
            };
            match view {
                Some(view) => Route::Plan {
                    id: (*id).to_string(),
                    view,
                },
                None => unknown(),
            }
        }
        _ => unknown(),
    }
}

/// The hash (with `#`) of a screen: the library when no plan is given. A
/// portfolio's address is [`portfolio_hash`], since its id is not a plan's.
pub fn hash_of(id: Option<&str>, view: View) -> String {
    match (id, view) {
        (None, _) | (_, View::Library | View::Portfolio) => "#/plans".to_string(),
        (Some(id), View::Step(s)) => format!("#/plan/{id}/step/{}", s.number()),
        (Some(id), View::Dashboard) => format!("#/plan/{id}/results"),
        (Some(id), View::Document) => format!("#/plan/{id}/document"),
    }
}

/// The hash (with `#`) of a stored portfolio's screen.
pub fn portfolio_hash(id: &str) -> String {
    format!("#/portfolio/{id}")
}

/// The browser tab's title for a screen.
pub fn page_title(plan_title: &str, view: View) -> String {
    let plan = plan_title.trim();
    let plan = if plan.is_empty() {
        "Untitled plan"
    } else {
        plan
    };
    match view {
        View::Library => "Your plans · Planwright".to_string(),
        View::Step(s) => format!("Step {}: {} · {plan} · Planwright", s.number(), s.title()),
        View::Dashboard => format!("Results · {plan} · Planwright"),
        View::Document => format!("Whole plan · {plan} · Planwright"),
        View::Portfolio => {
            let name = match plan_title.trim() {
                "" => "Untitled portfolio",
                name => name,
            };
            format!("Portfolio · {name} · Planwright")
        }
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// At most 40 characters of what was asked for, for a message.
fn shorten(hash: &str) -> String {
    let mut out: String = hash.chars().take(40).collect();
    if hash.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_round_trips() {
        let mut views = vec![View::Dashboard, View::Document];
        views.extend(Section::ALL.into_iter().map(View::Step));
        for view in views {
            let hash = hash_of(Some("pabc123"), view);
            assert_eq!(
                parse(&hash),
                Route::Plan {
                    id: "pabc123".into(),
                    view
                },
                "{hash}"
            );
        }
        assert_eq!(parse(&hash_of(None, View::Dashboard)), Route::Plans);
        assert_eq!(parse(&hash_of(Some("p1"), View::Library)), Route::Plans);
    }

    #[test]
    fn portfolios_round_trip() {
        let hash = portfolio_hash("f1abc");
        assert_eq!(hash, "#/portfolio/f1abc");
        assert_eq!(parse(&hash), Route::Portfolio { id: "f1abc".into() });
        assert_eq!(
            parse("#/portfolio/f1abc/"),
            Route::Portfolio { id: "f1abc".into() }
        );
        for bad in [
            "#/portfolio",
            "#/portfolio/",
            "#/portfolio/f<1>",
            "#/portfolio/f1/results",
            "#/portfolios/f1",
        ] {
            assert!(matches!(parse(bad), Route::Unknown(_)), "{bad}");
        }
        let long_id = format!("#/portfolio/{}", "a".repeat(65));
        assert!(matches!(parse(&long_id), Route::Unknown(_)));
        // A portfolio is never a plan's screen.
        assert_eq!(hash_of(Some("p1"), View::Portfolio), "#/plans");
        assert_eq!(
            page_title("Claims and contracts", View::Portfolio),
            "Portfolio · Claims and contracts · Planwright"
        );
        assert_eq!(
            page_title(" ", View::Portfolio),
            "Portfolio · Untitled portfolio · Planwright"
        );
    }

    #[test]
    fn readable_forms_are_accepted() {
        let plan = |view| Route::Plan {
            id: "p1".into(),
            view,
        };
        assert_eq!(parse("#/plan/p1"), plan(View::Step(Section::Objective)));
        assert_eq!(parse("#/plan/p1/"), plan(View::Step(Section::Objective)));
        assert_eq!(
            parse("#/plan/p1/step/risk"),
            plan(View::Step(Section::Risk))
        );
        assert_eq!(parse("/plan/p1/results"), plan(View::Dashboard));
        assert_eq!(parse("#/plans/"), Route::Plans);
    }

    #[test]
    fn start_share_and_unknown() {
        assert_eq!(parse(""), Route::Start);
        assert_eq!(parse("#"), Route::Start);
        assert_eq!(parse("#/"), Route::Start);
        assert_eq!(parse("#share=abc"), Route::Share);
        for bad in [
            "#main",
            "#/plan",
            "#/plan/p1/step/0",
            "#/plan/p1/step/13",
            "#/plan/p1/step/x",
            "#/plan/p1/results/more",
            "#/plan/p<1>/results",
            "#/plan//results",
            "#/nowhere",
        ] {
            assert!(matches!(parse(bad), Route::Unknown(_)), "{bad}");
        }
        let long = format!("#/{}", "x".repeat(500));
        match parse(&long) {
            Route::Unknown(shown) => assert_eq!(shown.chars().count(), 41),
            other => panic!("{other:?}"),
        }
        let long_id = format!("#/plan/{}/results", "a".repeat(65));
        assert!(matches!(parse(&long_id), Route::Unknown(_)));
    }

    #[test]
    fn titles_name_the_screen_and_plan() {
        assert_eq!(
            page_title("Claims triage", View::Step(Section::Metrics)),
            "Step 2: Success metrics · Claims triage · Planwright"
                .replace("Success metrics", Section::Metrics.title())
        );
        assert_eq!(
            page_title("  ", View::Dashboard),
            "Results · Untitled plan · Planwright"
        );
        assert_eq!(page_title("x", View::Library), "Your plans · Planwright");
    }
}
