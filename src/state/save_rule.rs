//! When a tab may write the open plan, and what it does when another tab
//! wrote it first: pure decisions over plain data, so the rule is tested
//! natively rather than only in a browser.
//!
//! Every stored plan carries a [`Stamp`]: the save counter and the tab that
//! wrote it. A tab remembers the stamp its copy is based on. The stored copy
//! is *someone else's* when both its revision and its writer differ from
//! ours; only then is there anything to protect. A tab never overwrites
//! someone else's revision: it reports a conflict and waits for the person.

/// Whether the open plan's latest changes are stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is stored.
    Saved,
    /// A change is waiting to be stored.
    Pending,
    /// Storing failed; the plan is only in memory.
    NotSaved(String),
    /// Another tab saved a newer version; saving waits for the person.
    Conflict,
}

/// Who wrote a stored plan, and which revision it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp<'a> {
    /// The save counter.
    pub rev: u64,
    /// The tab that wrote it.
    pub by: &'a str,
}

impl Stamp<'_> {
    /// Whether a stored stamp is another tab's newer work, given the stamp
    /// this tab's copy is based on.
    pub fn is_theirs(&self, ours: &Stamp<'_>) -> bool {
        self.rev != ours.rev && self.by != ours.by
    }
}

/// What a save should do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveDecision {
    /// A conflict is open: write nothing until the person chooses.
    Wait,
    /// Another tab wrote a newer revision: stop and ask the person.
    Conflict,
    /// The stored copy already holds exactly this text.
    Unchanged,
    /// Write the plan as this revision.
    Write {
        /// The revision to store.
        rev: u64,
    },
}

/// Decides a save of the open plan.
///
/// `stored` is the stamp in storage (none when the plan is not stored, for
/// instance deleted by another tab), `ours` the stamp this tab's copy is
/// based on, `state` the current save state and `unchanged` whether the text
/// to write equals the text this tab last wrote.
pub fn decide_save(
    stored: Option<Stamp<'_>>,
    ours: Stamp<'_>,
    state: &SaveState,
    unchanged: bool,
) -> SaveDecision {
    if *state == SaveState::Conflict {
        return SaveDecision::Wait;
    }
    match stored {
        Some(s) if s.is_theirs(&ours) => SaveDecision::Conflict,
        Some(_) if unchanged => SaveDecision::Unchanged,
        _ => SaveDecision::Write { rev: ours.rev + 1 },
    }
}

/// What to do when another tab changed the stored copy of the open plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncDecision {
    /// The stored copy is ours or the one we are based on.
    Ignore,
    /// The plan is gone from storage; keep it open and store it again on the
    /// next change.
    Deleted,
    /// Nothing here is unsaved: show the other tab's version.
    Reload,
    /// Both tabs have changes: ask the person.
    Conflict,
}

/// Decides how to follow another tab's change to the open plan.
pub fn decide_sync(stored: Option<Stamp<'_>>, ours: Stamp<'_>, state: &SaveState) -> SyncDecision {
    match stored {
        None => SyncDecision::Deleted,
        Some(s) if !s.is_theirs(&ours) => SyncDecision::Ignore,
        Some(_) if *state == SaveState::Saved => SyncDecision::Reload,
        Some(_) => SyncDecision::Conflict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OURS: Stamp<'static> = Stamp { rev: 3, by: "t1" };

    fn at(rev: u64, by: &str) -> Option<Stamp<'_>> {
        Some(Stamp { rev, by })
    }

    #[test]
    fn saves() {
        use SaveDecision::*;
        let not_saved = SaveState::NotSaved("full".into());
        #[rustfmt::skip]
        let cases: &[(&str, Option<Stamp>, &SaveState, bool, SaveDecision)] = &[
            ("first save of a stored plan", at(3, "t1"), &SaveState::Pending, false, Write { rev: 4 }),
            ("our own later save is still ours", at(7, "t1"), &SaveState::Pending, false, Write { rev: 4 }),
            ("another tab saved our revision number", at(3, "t2"), &SaveState::Pending, false, Write { rev: 4 }),
            ("another tab saved a newer revision", at(4, "t2"), &SaveState::Pending, false, Conflict),
            ("another tab's revision wins over unchanged text", at(4, "t2"), &SaveState::Pending, true, Conflict),
            ("nothing new to write", at(3, "t1"), &SaveState::Pending, true, Unchanged),
            ("deleted elsewhere: store it again", None, &SaveState::Pending, false, Write { rev: 4 }),
            ("deleted elsewhere, same text: still store it", None, &SaveState::Pending, true, Write { rev: 4 }),
            ("an open conflict waits", at(3, "t1"), &SaveState::Conflict, false, Wait),
            ("an open conflict waits even when deleted", None, &SaveState::Conflict, false, Wait),
            ("retry after a failure writes", at(3, "t1"), &not_saved, false, Write { rev: 4 }),
            ("a saved plan with no change", at(3, "t1"), &SaveState::Saved, true, Unchanged),
        ];
        for (why, stored, state, unchanged, want) in cases {
            assert_eq!(
                decide_save(*stored, OURS, state, *unchanged),
                *want,
                "{why}"
            );
        }
    }

    #[test]
    fn syncs() {
        use SyncDecision::*;
        #[rustfmt::skip]
        let cases: &[(&str, Option<Stamp>, SaveState, SyncDecision)] = &[
            ("deleted in another tab", None, SaveState::Saved, Deleted),
            ("deleted while we have changes", None, SaveState::Pending, Deleted),
            ("our own save echoed back", at(4, "t1"), SaveState::Pending, Ignore),
            ("the revision we are based on", at(3, "t2"), SaveState::Saved, Ignore),
            ("newer work and nothing unsaved here", at(4, "t2"), SaveState::Saved, Reload),
            ("newer work while we wait to save", at(4, "t2"), SaveState::Pending, Conflict),
            ("newer work after our save failed", at(4, "t2"), SaveState::NotSaved("full".into()), Conflict),
            ("newer work during a conflict", at(5, "t3"), SaveState::Conflict, Conflict),
        ];
        for (why, stored, state, want) in cases {
            assert_eq!(decide_sync(*stored, OURS, state), *want, "{why}");
        }
    }

    #[test]
    fn keeping_mine_after_a_conflict_writes_over_theirs() {
        // "Keep this tab's version" rebases on the stored revision, so the
        // next save is no longer a conflict and writes the revision after it.
        let theirs = Stamp { rev: 9, by: "t2" };
        let rebased = Stamp { rev: 9, by: "t1" };
        assert_eq!(
            decide_save(Some(theirs), rebased, &SaveState::Pending, false),
            SaveDecision::Write { rev: 10 }
        );
    }
}
