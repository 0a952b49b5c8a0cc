//! The plan over time, on the results page: baselines (set, rename,
//! delete, compare, with ghost bars on the timeline), the weekly status
//! report, and the revision history that autosave keeps (view, restore with
//! undo, save as a copy).

use std::sync::Arc;

use leptos::prelude::*;
use planwright_core::analysis::baseline::{self, Comparison};
use planwright_core::diff::{diff, to_markdown as diff_markdown};
use planwright_core::export::markdown::status::status_report;
use planwright_core::format::file;
use planwright_core::{Id, Plan};

use crate::components::dom_id;
use crate::components::scroll_x::ScrollX;
use crate::state::revisions::{summary, Revision, MAX_BYTES, MAX_REVISIONS};
use crate::state::{use_autosave, use_library, use_notices, use_plan, NoticeKind};

/// The baseline the results compare with; `None` for the newest.
#[derive(Clone, Copy)]
pub struct ComparedBaseline(pub RwSignal<Option<Id>>);

/// The comparison of the open plan with its chosen baseline, worked out
/// once per edit for every part of the page that shows it.
#[derive(Clone, Copy)]
pub struct Compared(pub Memo<Option<Comparison>>);

/// Provides the baseline choice and the comparison for the results page.
pub fn provide_comparison() {
    provide_context(ComparedBaseline(RwSignal::new(None)));
    provide_context(Compared(comparison_memo()));
}

/// The comparison of the plan with the baseline chosen for comparison,
/// else the newest: the page's shared one when there is one.
pub fn comparison() -> Memo<Option<Comparison>> {
    match use_context::<Compared>() {
        Some(Compared(memo)) => memo,
        None => comparison_memo(),
    }
}

fn comparison_memo() -> Memo<Option<Comparison>> {
    let open = use_plan();
    let chosen = use_context::<ComparedBaseline>().map(|c| c.0);
    Memo::new(move |_| {
        let pick = chosen.and_then(|c| c.get());
        open.plan.with(|p| {
            let b = match &pick {
                Some(id) => p.baselines.iter().find(|b| &b.id == id),
                None => None,
            }
            .or_else(|| baseline::latest(p))?;
            Some(open.analysis.with(|a| baseline::compare(p, a, b)))
        })
    })
}

fn slip_text(days: Option<i64>) -> String {
    days.map_or_else(|| "—".to_string(), planwright_core::text::moved_words)
}

fn day_text(d: Option<planwright_core::Date>) -> String {
    d.map(crate::dates::day).unwrap_or_else(|| "—".to_string())
}

/// Baselines: set one, rename or delete them, and compare the plan with one.
#[component]
pub fn BaselinesPanel() -> impl IntoView {
    let open = use_plan();
    let notices = use_notices();
    let chosen = use_context::<ComparedBaseline>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(None));
    let name = RwSignal::new(String::new());
    let name_id = dom_id("baseline-name");
    let pick_id = dom_id("baseline-pick");
    let list = open.field(|p| {
        p.baselines
            .iter()
            .map(|b| (b.id.clone(), b.name.clone(), b.taken_on))
            .collect::<Vec<_>>()
    });
    let compared = comparison();
    let set = move |_| {
        let today = crate::dates::today_date();
        let typed = name.get_untracked();
        let fallback = planwright_core::Date::new(2026, 1, 1);
        let mut result = Ok(Id::default());
        open.edit(|p| {
            let Some(day) = p.as_of.or(today).or(fallback) else {
                return;
            };
            let label = if typed.trim().is_empty() {
                format!("Baseline of {day}")
            } else {
                typed.trim().to_string()
            };
            result = baseline::add(p, &label, day);
        });
        match result {
            Ok(_) => {
                name.set(String::new());
                chosen.set(None);
                notices.notify(
                    NoticeKind::Info,
                    "Baseline set: the results now compare the plan with it.",
                );
            }
            Err(e) => {
                notices.notify(NoticeKind::Error, e.to_string());
            }
        }
    };
    let remove = move |id: Id| {
        let mut removed = None;
        open.edit(|p| removed = baseline::remove(p, &id).ok());
        if let Some(b) = removed {
            let b = Arc::new(b);
            let undo = Arc::new(move || {
                let b = (*b).clone();
                open.edit(|p| p.baselines.push(b));
            });
            notices.offer_undo("Baseline deleted.", undo);
        }
    };
    view! {
        <section class="pw-dash-section" aria-labelledby="dash-baselines" data-testid="dash-baselines">
            <h3 id="dash-baselines">"Baselines: the plan against an earlier version"</h3>
            <p class="pw-field__hint">"A baseline keeps the plan as it stands, with its dates and scores, inside the plan file. Compare later versions with it to see what slipped."</p>
            <div class="pw-inline-form pw-no-print">
                <div class="pw-field">
                    <label class="pw-field__label" for=name_id.clone()>"Name of the new baseline"</label>
                    <input id=name_id class="pw-input" type="text" placeholder="Approved at kickoff" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <button type="button" class="pw-button" on:click=set data-testid="set-baseline">"Set baseline"</button>
            </div>
            {move || {
                let items = list.get();
                if items.is_empty() {
                    return view! { <p>"No baseline yet."</p> }.into_any();
                }
                let rows = items.clone().into_iter().map(|(id, label, day)| {
                    let rename_id = id.clone();
                    let remove_id = id.clone();
                    let field = dom_id("baseline-rename");
                    view! {
                        <li data-testid="baseline">
                            <label class="pw-field__label" for=field.clone()>{format!("Name of the baseline of {}", day_text(day))}</label>
                            <input id=field class="pw-input" type="text" prop:value=label.clone()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    let id = rename_id.clone();
                                    open.edit(|p| { let _ = baseline::rename(p, &id, &v); });
                                }/>
                            <button type="button" class="pw-button pw-button--quiet" aria-label=format!("Delete the baseline {label}") on:click=move |_| remove(remove_id.clone())>"Delete"</button>
                        </li>
                    }
                }).collect_view();
                view! {
                    <ul class="pw-baselines">{rows}</ul>
                    <div class="pw-field">
                        <label class="pw-field__label" for=pick_id.clone()>"Compare with"</label>
                        <select id=pick_id.clone() class="pw-input pw-select"
                            on:change=move |ev| { let v = event_target_value(&ev); chosen.set((!v.is_empty()).then_some(Id(v))); }>
                            <option value="" selected=move || chosen.get().is_none()>"The newest baseline"</option>
                            {items.into_iter().map(|(id, label, day)| {
                                let value = id.0.clone();
                                let is = id.clone();
                                view! { <option value=value selected=move || chosen.get().as_ref() == Some(&is)>{format!("{label} ({})", day_text(day))}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                }.into_any()
            }}
            {move || compared.get().map(comparison_view)}
            <ComparePlans/>
        </section>
    }
}

/// Compares the open plan with another plan of the library: what changed
/// from that one to this.
#[component]
fn ComparePlans() -> impl IntoView {
    let open = use_plan();
    let library = use_library();
    let autosave = use_autosave();
    let other = RwSignal::new(String::new());
    let pick_id = dom_id("compare-plan");
    let choices = Memo::new(move |_| {
        let here = open.open_id.get();
        library.entries.with(|list| {
            list.iter()
                .filter(|e| Some(&e.id) != here.as_ref() && e.damage.is_none())
                .filter_map(|e| Some((e.id.clone(), e.meta.as_ref()?.title.clone())))
                .collect::<Vec<_>>()
        })
    });
    let result = Memo::new(move |_| {
        let id = other.get();
        if id.is_empty() {
            return None;
        }
        Some(match autosave.store().load(&id) {
            Ok(loaded) => Ok(open.plan.with(|p| baseline::compare_plans(&loaded.plan, p))),
            Err(e) => Err(e),
        })
    });
    view! {
        <div class="pw-field">
            <label class="pw-field__label" for=pick_id.clone()>"Compare with another plan in the library"</label>
            <select id=pick_id class="pw-input pw-select" data-testid="compare-plan" on:change=move |ev| other.set(event_target_value(&ev))>
                <option value="">"No other plan"</option>
                {move || choices.get().into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
            </select>
        </div>
        {move || result.get().map(|r| match r {
            Ok(c) => comparison_view(c).into_any(),
            Err(e) => view! { <p class="pw-field__error">{format!("That plan could not be read: {e}")}</p> }.into_any(),
        })}
    }
}

/// What moved since the baseline: the end, readiness, band and tier, and a
/// table of the tasks that slipped.
fn comparison_view(c: Comparison) -> impl IntoView {
    let moved: Vec<_> = c.moved().cloned().collect();
    let gates: Vec<_> = c.gates_moved().cloned().collect();
    let finish = format!(
        "End: {} then, {} now ({}).",
        day_text(c.finish.then),
        day_text(c.finish.now),
        slip_text(c.finish.slip_days)
    );
    let score = format!(
        "Readiness: {} then, {} now. Band: {} → {}. Risk tier: {} → {}.",
        c.readiness.then, c.readiness.now, c.band.then, c.band.now, c.tier.then, c.tier.now
    );
    let changes = format!(
        "{} tasks moved, {} added, {} removed; {} gates moved; {} owners or approvers changed; {} metric targets changed.",
        moved.len(),
        c.added.len(),
        c.removed.len(),
        gates.len(),
        c.owners.len(),
        c.targets.len()
    );
    view! {
        <div class="pw-compare" data-testid="comparison">
            <h4>{format!("Since the baseline “{}” ({})", c.name, day_text(c.taken_on))}</h4>
            <p data-testid="comparison-finish">{finish}</p>
            <p>{score}</p>
            <p>{changes}</p>
            {(!moved.is_empty()).then(|| view! {
                <ScrollX label="Tasks that moved since the baseline">
                    <table class="pw-table" data-testid="slip-table">
                        <caption>"Tasks that moved since the baseline"</caption>
                        <thead><tr>
                            <th scope="col">"Task"</th>
                            <th scope="col">"Start then"</th><th scope="col">"Start now"</th>
                            <th scope="col">"Finish then"</th><th scope="col">"Finish now"</th>
                            <th scope="col">"Finish slip"</th>
                        </tr></thead>
                        <tbody>
                            {moved.into_iter().map(|t| view! {
                                <tr data-task=t.id.to_string()>
                                    <th scope="row">{t.title.clone()}</th>
                                    <td>{day_text(t.start.then)}</td><td>{day_text(t.start.now)}</td>
                                    <td>{day_text(t.finish.then)}</td><td>{day_text(t.finish.now)}</td>
                                    <td>{slip_text(t.finish.slip_days)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </ScrollX>
            })}
            {(!c.added.is_empty()).then(|| view! {
                <p>{format!("Added since: {}.", c.added.iter().map(|i| i.title.clone()).collect::<Vec<_>>().join(", "))}</p>
            })}
            {(!c.removed.is_empty()).then(|| view! {
                <p>{format!("Removed since: {}.", c.removed.iter().map(|i| i.title.clone()).collect::<Vec<_>>().join(", "))}</p>
            })}
        </div>
    }
}

/// The weekly status report: shown on the page (and then printed alone),
/// or downloaded as Markdown.
#[component]
pub fn StatusReport() -> impl IntoView {
    let open = use_plan();
    let notices = use_notices();
    let shown = RwSignal::new(false);
    let report = Memo::new(move |_| {
        shown.get().then(|| {
            open.plan
                .with(|p| status_report(p, crate::dates::today_date()))
        })
    });
    let download = move |_| {
        let (title, text) = open.plan.with_untracked(|p| {
            (
                p.title.clone(),
                status_report(p, crate::dates::today_date()),
            )
        });
        let name = crate::download::file_name(&format!("{title} status"), "md");
        if !crate::download::save_text(&name, "text/markdown", &text) {
            notices.notify(
                NoticeKind::Error,
                "The status report could not be downloaded.",
            );
        }
    };
    view! {
        <section class="pw-dash-section pw-status" aria-labelledby="dash-status" data-testid="dash-status">
            <h3 id="dash-status" class="pw-no-print">"Status report"</h3>
            <p class="pw-no-print">"One page for the week: what is done, late and next, the forecast against the baseline, the gates, readiness since the baseline, and open approvals and hand-offs with their owners."</p>
            <div class="pw-revision__actions pw-no-print">
                <button type="button" class="pw-button" aria-expanded=move || shown.get().to_string() on:click=move |_| shown.update(|s| *s = !*s) data-testid="show-status">
                    {move || if shown.get() { "Hide the status report" } else { "Show the status report" }}
                </button>
                <button type="button" class="pw-button" on:click=download data-testid="status-report">"Download the status report (Markdown)"</button>
                <Show when=move || shown.get()>
                    <button type="button" class="pw-button" on:click=move |_| crate::views::document::print_page()>"Print the status report"</button>
                </Show>
            </div>
            {move || report.get().map(|text| view! {
                <div class="pw-status-print" role="region" tabindex="0" aria-label="Status report, as printed" data-testid="status-text">
                    <pre>{text}</pre>
                </div>
            })}
        </section>
    }
}

/// The revisions autosave kept of the open plan, newest first.
#[component]
pub fn RevisionHistory() -> impl IntoView {
    let open = use_plan();
    let autosave = use_autosave();
    let library = use_library();
    let notices = use_notices();
    let viewing = RwSignal::new(None::<usize>);
    let history = Memo::new(move |_| {
        // Read again when autosave wrote the history.
        autosave.revisions.track();
        match open.open_id.get() {
            Some(id) => autosave.store().history(&id),
            None => (Vec::new(), None),
        }
    });
    let plans = Memo::new(move |_| {
        history.with(|(list, _)| {
            list.iter()
                .map(|r: &Revision| file::import_str(&r.plan).map(|i| i.plan).ok())
                .collect::<Vec<Option<Plan>>>()
        })
    });
    // What changed after each revision: the older ones against the next
    // (worked out when the history changes), the newest against the plan
    // now (again after each edit).
    let older = Memo::new(move |_| {
        plans.with(|p| {
            p.windows(2)
                .map(|pair| match (&pair[0], &pair[1]) {
                    (Some(a), Some(b)) => format!("Changed after it: {}", summary(&diff(a, b))),
                    (None, _) => "This revision cannot be read.".to_string(),
                    _ => String::new(),
                })
                .collect::<Vec<String>>()
        })
    });
    let newest = Memo::new(move |_| {
        plans.with(|p| match p.last() {
            Some(Some(last)) => open
                .plan
                .with(|now| format!("Changed after it: {}", summary(&diff(last, now)))),
            Some(None) => "This revision cannot be read.".to_string(),
            None => String::new(),
        })
    });
    let restore = move |k: usize| {
        let Some(Some(old)) = plans.with_untracked(|p| p.get(k).cloned()) else {
            notices.notify(
                NoticeKind::Error,
                "That revision could not be read, so nothing was changed.",
            );
            return;
        };
        let current = open.plan.get_untracked();
        open.edit(|p| *p = old);
        let undo = Arc::new(move || {
            let current = current.clone();
            open.edit(|p| *p = current);
        });
        notices.offer_undo("The older revision is restored.", undo);
    };
    let copy = move |k: usize| {
        let Some(Some(mut old)) = plans.with_untracked(|p| p.get(k).cloned()) else {
            notices.notify(NoticeKind::Error, "That revision could not be read.");
            return;
        };
        old.title = format!("{} (earlier version)", old.title);
        match library.add(old) {
            Ok((_, title)) => notices.notify(
                NoticeKind::Info,
                format!("Saved as a copy in the library: “{title}”."),
            ),
            Err(e) => notices.notify(
                NoticeKind::Error,
                format!("The copy could not be saved: {e}"),
            ),
        };
    };
    view! {
        <section class="pw-dash-section pw-no-print" aria-labelledby="dash-history" data-testid="dash-history">
            <h3 id="dash-history">"Revision history"</h3>
            <p class="pw-field__hint">{format!(
                "Autosave keeps up to {MAX_REVISIONS} earlier versions of this plan and {} MB of them in this browser, a new one after each pause of two minutes or more; the oldest go first. The plan itself is always kept.",
                MAX_BYTES / 1_000_000
            )}</p>
            {move || history.with(|(_, problem)| problem.clone()).map(|m| view! { <p class="pw-field__error">{m}</p> })}
            {move || {
                let (list, _) = history.get();
                if list.is_empty() {
                    return view! { <p>"No earlier versions yet."</p> }.into_any();
                }
                let n = list.len();
                let items = (0..n).rev().map(|k| {
                    let r = &list[k];
                    let line = move || if k + 1 < n {
                        older.with(|o| o.get(k).cloned().unwrap_or_default())
                    } else {
                        newest.get()
                    };
                    // Worked out only while the revision is shown.
                    let text = move || {
                        plans.with(|p| match p.get(k) {
                            Some(Some(old)) => open.plan.with(|now| diff_markdown(&diff(old, now))),
                            _ => "This revision cannot be read.".to_string(),
                        })
                    };
                    let when = crate::dates::moment(r.saved);
                    let shown = move || viewing.get() == Some(k);
                    view! {
                        <li data-testid="revision">
                            <p><strong>{when.clone()}</strong>{move || format!(" — {}", line())}</p>
                            <div class="pw-revision__actions">
                                <button type="button" class="pw-button pw-button--quiet" aria-expanded=move || shown().to_string()
                                    aria-label=format!("View the revision of {when}")
                                    on:click=move |_| viewing.update(|v| *v = if *v == Some(k) { None } else { Some(k) })>"View"</button>
                                <button type="button" class="pw-button pw-button--quiet" aria-label=format!("Restore the revision of {when}") on:click=move |_| restore(k)>"Restore"</button>
                                <button type="button" class="pw-button pw-button--quiet" aria-label=format!("Save the revision of {when} as a copy") on:click=move |_| copy(k)>"Save as copy"</button>
                            </div>
                            <Show when=shown>
                                <div class="pw-revision__view" role="region" tabindex="0" aria-label=format!("The revision of {when}, read-only")>
                                    <p>"What differs from it in the plan now:"</p>
                                    <pre>{text}</pre>
                                </div>
                            </Show>
                        </li>
                    }
                }).collect_view();
                view! { <ol class="pw-revisions" reversed>{items}</ol> }.into_any()
            }}
        </section>
    }
}

/// The conflicts a merge left in the plan: each place both sides changed,
/// with both values, to keep ours or take theirs.
#[component]
pub fn ConflictsPanel() -> impl IntoView {
    use planwright_core::diff::{resolve, value_text, Side};
    let open = use_plan();
    let notices = use_notices();
    let conflicts = open.field(|p| p.conflicts.clone());
    let settle = move |k: usize, side: Side| {
        let result = open.plan.with_untracked(|p| resolve(p, k, side));
        match result {
            Ok(settled) => open.edit(|p| *p = settled),
            Err(e) => {
                notices.notify(NoticeKind::Error, format!("Not settled: {e}."));
            }
        }
    };
    let shown = |v: &Option<serde_json::Value>| match v {
        Some(v) => value_text(v),
        None => "(removed)".to_string(),
    };
    move || {
        let list = conflicts.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .enumerate()
                .map(|(k, c)| {
                    let label = c.label.clone();
                    view! {
                        <li data-testid="conflict">
                            <p><strong>{c.label.clone()}</strong>{format!(" ({})", c.path)}</p>
                            <p>{format!("Before: {}. Ours (in the plan now): {}. Theirs: {}.", shown(&c.base), shown(&c.ours), shown(&c.theirs))}</p>
                            <button type="button" class="pw-button" aria-label=format!("Keep our value for {label}") on:click=move |_| settle(k, Side::Ours)>"Keep ours"</button>
                            " "
                            <button type="button" class="pw-button" aria-label=format!("Take their value for {}", c.label) on:click=move |_| settle(k, Side::Theirs)>"Take theirs"</button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="pw-dash-section pw-conflicts" aria-labelledby="dash-conflicts" data-testid="dash-conflicts">
                    <h3 id="dash-conflicts">"Merge conflicts to settle"</h3>
                    <p>"This plan was merged from two versions that changed the same places differently. The plan holds our value at each; choose which to keep."</p>
                    <ul>{items}</ul>
                </section>
            }
        })
    }
}
