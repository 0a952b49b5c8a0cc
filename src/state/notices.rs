//! Messages at the top of the page: what happened, what failed, and what can
//! be undone.

use std::sync::Arc;

use leptos::prelude::*;

/// What a notice says, which decides how it looks and whether it offers to
/// undo something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something happened.
    Info,
    /// Something needs attention.
    Warning,
    /// Something failed.
    Error,
    /// Something was removed and can be brought back.
    Undo,
}

impl NoticeKind {
    /// CSS modifier.
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Info | NoticeKind::Undo => "info",
            NoticeKind::Warning => "warning",
            NoticeKind::Error => "error",
        }
    }

    /// The ARIA role: quiet news is a status, anything else an alert.
    pub fn role(self) -> &'static str {
        match self {
            NoticeKind::Info | NoticeKind::Undo => "status",
            NoticeKind::Warning | NoticeKind::Error => "alert",
        }
    }
}

/// What an undo button does. A plain closure rather than a reactive
/// callback, so it outlives the component that raised the notice (an undo
/// for a removed row must work after the row is gone).
pub type UndoAction = Arc<dyn Fn() + Send + Sync>;

/// A message shown at the top of the page until dismissed.
#[derive(Clone)]
pub struct Notice {
    /// Unique within the session.
    pub id: u64,
    /// What it says.
    pub kind: NoticeKind,
    /// What happened.
    pub text: String,
    /// What the undo button does, for [`NoticeKind::Undo`].
    pub undo: Option<UndoAction>,
}

impl Notice {
    /// The label of the notice's button, if it has one.
    pub fn button(&self) -> Option<&'static str> {
        self.undo.as_ref().map(|_| "Undo")
    }
}

/// The notices on the page, cheap to copy.
#[derive(Clone, Copy)]
pub struct Notices {
    /// Shown oldest first.
    pub list: RwSignal<Vec<Notice>>,
    next: StoredValue<u64>,
}

/// The notices from context.
pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}

impl Notices {
    /// Creates an empty list.
    pub fn new() -> Notices {
        Notices {
            list: RwSignal::new(Vec::new()),
            next: StoredValue::new(1),
        }
    }

    /// Shows a notice and returns its id.
    pub fn notify(&self, kind: NoticeKind, text: impl Into<String>) -> u64 {
        self.push(kind, text.into(), None)
    }

    /// Says something was removed, with a button that brings it back.
    pub fn offer_undo(&self, text: impl Into<String>, undo: UndoAction) -> u64 {
        self.push(NoticeKind::Undo, text.into(), Some(undo))
    }

    fn push(&self, kind: NoticeKind, text: String, undo: Option<UndoAction>) -> u64 {
        let id = self
            .next
            .try_update_value(|n| {
                *n += 1;
                *n
            })
            .unwrap_or_default();
        self.list.update(|list| {
            // The same message twice in a row is noise.
            list.retain(|n| n.text != text);
            list.push(Notice {
                id,
                kind,
                text,
                undo,
            });
            if list.len() > 4 {
                list.remove(0);
            }
        });
        id
    }

    /// Removes a notice.
    pub fn dismiss(&self, id: u64) {
        self.list.update(|list| list.retain(|n| n.id != id));
    }

    /// Removes every notice of a kind.
    pub fn dismiss_kind(&self, kind: NoticeKind) {
        self.list.update(|list| list.retain(|n| n.kind != kind));
    }
}

impl Default for Notices {
    fn default() -> Notices {
        Notices::new()
    }
}
