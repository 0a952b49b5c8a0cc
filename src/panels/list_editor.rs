//! A generic editor for a list of identified items in the plan: add, edit,
//! remove (with undo) and reorder, with paging for long lists.
//!
//! A [`Lens`] says where the list lives in the plan; each row gets a [`Row`]
//! handle whose `get`/`set` read and write one field of that item. Rows are
//! keyed by the item's id (and occurrence, so even duplicate ids from a
//! hand-edited file render), which keeps the inputs, and the focus in them,
//! in place while the plan changes on every keystroke.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use planwright_core::model::{
    new_id, AdoptionMilestone, Closure, Communication, Control, Criterion, DataSource, DayOff,
    Decision, Deliverable, FeedbackLoop, GateCondition, Handoff, Hotspot, Metric, Phase,
    Stakeholder, System, Task, Training, WorkflowStep,
};
use planwright_core::text::cap;
use planwright_core::{Id, Plan};

use crate::components::findings::FieldFindings;
use crate::components::read_only::read_only;
use crate::components::{dom_id, focus_soon};
use crate::state::{use_notices, use_plan, OpenPlan};

/// An item of a plan list with a stable id.
pub trait Item: Clone + PartialEq + Send + Sync + 'static {
    /// The item's id.
    fn id(&self) -> &Id;
    /// A blank item with this id.
    fn with_id(id: Id) -> Self;
}

macro_rules! items {
    ($($t:ident),*) => {
        $(impl Item for $t {
            fn id(&self) -> &Id {
                &self.id
            }
            fn with_id(id: Id) -> Self {
                $t { id, ..$t::default() }
            }
        })*
    };
}
items!(
    AdoptionMilestone,
    Closure,
    DayOff,
    GateCondition,
    Communication,
    Control,
    Criterion,
    DataSource,
    Decision,
    Deliverable,
    FeedbackLoop,
    Handoff,
    Hotspot,
    Metric,
    Phase,
    Stakeholder,
    System,
    Task,
    Training,
    WorkflowStep
);

/// Writes one aspect of an item.
type WriteField<T, U> = Arc<dyn Fn(&mut T, U) + Send + Sync>;

type ReadFn<T> = Arc<dyn for<'a> Fn(&'a Plan) -> Option<&'a Vec<T>> + Send + Sync>;
type WriteFn<T> = Arc<dyn for<'a> Fn(&'a mut Plan) -> Option<&'a mut Vec<T>> + Send + Sync>;

/// Where a list lives in the plan, and its path for findings.
pub struct Lens<T> {
    get: ReadFn<T>,
    get_mut: WriteFn<T>,
    /// The list's plan path, such as `metrics` or `phases[1].exit_criteria`.
    pub path: Signal<String>,
}

impl<T> Clone for Lens<T> {
    fn clone(&self) -> Self {
        Lens {
            get: self.get.clone(),
            get_mut: self.get_mut.clone(),
            path: self.path,
        }
    }
}

impl<T: Item> Lens<T> {
    /// A list that is always there (a field of the plan).
    pub fn field(
        path: &'static str,
        get: for<'a> fn(&'a Plan) -> &'a Vec<T>,
        get_mut: for<'a> fn(&'a mut Plan) -> &'a mut Vec<T>,
    ) -> Lens<T> {
        Lens {
            get: Arc::new(move |p| Some(get(p))),
            get_mut: Arc::new(move |p| Some(get_mut(p))),
            path: Signal::stored(path.to_string()),
        }
    }

    /// A list inside another item, which may disappear.
    pub fn nested(
        path: Signal<String>,
        get: impl for<'a> Fn(&'a Plan) -> Option<&'a Vec<T>> + Send + Sync + 'static,
        get_mut: impl for<'a> Fn(&'a mut Plan) -> Option<&'a mut Vec<T>> + Send + Sync + 'static,
    ) -> Lens<T> {
        Lens {
            get: Arc::new(get),
            get_mut: Arc::new(get_mut),
            path,
        }
    }

    /// Reads the list.
    pub fn read<'a>(&self, plan: &'a Plan) -> &'a [T] {
        (self.get)(plan).map(Vec::as_slice).unwrap_or_default()
    }

    /// Changes the list, if it is there.
    pub fn write(&self, plan: &mut Plan, change: impl FnOnce(&mut Vec<T>)) {
        if let Some(list) = (self.get_mut)(plan) {
            change(list);
        }
    }

    /// Changes the list in the open plan (saving follows).
    pub fn write_in(&self, open: OpenPlan, change: impl FnOnce(&mut Vec<T>)) {
        open.edit(|p| self.write(p, change));
    }
}

/// A row's key: the item's id and which occurrence of that id it is.
pub type RowKey = (Id, usize);

fn keys_of<T: Item>(items: &[T]) -> Vec<RowKey> {
    let mut seen: HashMap<&Id, usize> = HashMap::new();
    items
        .iter()
        .map(|t| {
            let n = seen.entry(t.id()).or_default();
            let key = (t.id().clone(), *n);
            *n += 1;
            key
        })
        .collect()
}

fn position<T: Item>(items: &[T], key: &RowKey) -> Option<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, t)| t.id() == &key.0)
        .nth(key.1)
        .map(|(i, _)| i)
}

/// A handle on one item of a list, for binding its fields.
///
/// The row keeps one memo of its item; each field is a derived signal over
/// it. Only a change to this item wakes this row's fields, and the memo is
/// compiled once per item type rather than once per field.
pub struct Row<T: Item> {
    open: OpenPlan,
    key: StoredValue<RowKey>,
    lens: StoredValue<Lens<T>>,
    index: Memo<Option<usize>>,
    item: Memo<Option<T>>,
}

impl<T: Item> Clone for Row<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Item> Copy for Row<T> {}

impl<T: Item> Row<T> {
    fn new(open: OpenPlan, key: RowKey, lens: Lens<T>) -> Row<T> {
        let key = StoredValue::new(key);
        let lens = StoredValue::new(lens);
        let index = Memo::new(move |_| {
            open.plan
                .with(|p| lens.with_value(|l| key.with_value(|k| position(l.read(p), k))))
        });
        let item = Memo::new(move |_| {
            let i = index.get()?;
            open.plan
                .with(|p| lens.with_value(|l| l.read(p).get(i).cloned()))
        });
        Row {
            open,
            key,
            lens,
            index,
            item,
        }
    }

    /// The item's id.
    pub fn id(&self) -> Id {
        self.key.with_value(|k| k.0.clone())
    }

    /// Position of the item in its list, while it exists.
    pub fn index(&self) -> Memo<Option<usize>> {
        self.index
    }

    /// A reactive view of one aspect of the item.
    pub fn get<U>(&self, f: impl Fn(&T) -> U + Send + Sync + 'static) -> Signal<U>
    where
        U: Clone + PartialEq + Default + Send + Sync + 'static,
    {
        let item = self.item;
        Signal::derive(move || item.with(|t| t.as_ref().map(&f).unwrap_or_default()))
    }

    /// Changes the item (nothing happens once the row is gone).
    pub fn update(&self, change: impl FnOnce(&mut T)) {
        let Some(i) = self.index.try_get_untracked().flatten() else {
            return;
        };
        let Some(lens) = self.lens.try_get_value() else {
            return;
        };
        self.open.edit(|p| {
            lens.write(p, |list| {
                if let Some(item) = list.get_mut(i) {
                    change(item);
                }
            })
        });
    }

    /// A callback that writes one aspect of the item.
    pub fn set<U: 'static>(&self, f: impl Fn(&mut T, U) + Send + Sync + 'static) -> Callback<U> {
        self.set_boxed(Arc::new(f))
    }

    fn set_boxed<U: 'static>(&self, f: WriteField<T, U>) -> Callback<U> {
        let row = *self;
        Callback::new(move |value: U| row.update(|item| f(item, value)))
    }

    /// The plan path of a field of this item, such as `metrics[2].owner`.
    pub fn path(&self, field: &'static str) -> Signal<String> {
        let (lens, index) = (self.lens, self.index);
        Signal::derive(move || {
            let base = lens.with_value(|l| l.path.get());
            match (index.get(), field.is_empty()) {
                (Some(i), true) => format!("{base}[{i}]"),
                (Some(i), false) => format!("{base}[{i}].{field}"),
                (None, _) => String::new(),
            }
        })
    }
}

/// How a list editor labels its rows and makes new items.
pub struct ListSpec<T> {
    /// What one item is called, lower case ("metric").
    pub noun: &'static str,
    /// A short name for an item, for labels and notices.
    pub name: fn(&T) -> String,
    /// A new item for the plan (with a fresh id).
    pub create: Arc<dyn Fn(&Plan) -> T + Send + Sync>,
}

impl<T: Item> ListSpec<T> {
    /// A spec whose new items are blank but for a fresh id `prefix-N`.
    pub fn fresh(noun: &'static str, name: fn(&T) -> String, prefix: &'static str) -> Self {
        ListSpec {
            noun,
            name,
            create: Arc::new(move |p| T::with_id(new_id(p, prefix))),
        }
    }
}

impl<T> Clone for ListSpec<T> {
    fn clone(&self) -> Self {
        ListSpec {
            noun: self.noun,
            name: self.name,
            create: self.create.clone(),
        }
    }
}

/// A list on the step on screen, for the jump links beside the step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListJump {
    /// The DOM id of the list's "Add" button.
    pub add_id: String,
    /// What one item is called ("task").
    pub noun: &'static str,
}

/// Context: the step's top-level lists, in the order they appear. Lists
/// inside a list's rows are not listed.
#[derive(Clone, Copy)]
pub struct StepLists(pub RwSignal<Vec<ListJump>>);

/// Context inside a list: lists below it are nested.
#[derive(Clone, Copy)]
struct InsideList;

/// Adds a top-level, editable list to the step's jump links while it is on
/// screen.
fn register_jump(add_id: &str, noun: &'static str, fixed: bool) {
    let nested = use_context::<InsideList>().is_some();
    let Some(StepLists(lists)) = use_context::<StepLists>() else {
        return;
    };
    if nested || fixed {
        return;
    }
    let jump = ListJump {
        add_id: add_id.to_string(),
        noun,
    };
    let gone = jump.clone();
    lists.update(|l| l.push(jump));
    on_cleanup(move || {
        // The list may be cleaned up after the app was unmounted.
        let _ = lists.try_update(|l| l.retain(|j| *j != gone));
    });
}

/// What the list frame needs from a typed list, behind plain closures so the
/// frame (all the markup) is compiled once, not once per item type.
struct ListOps {
    all_keys: Memo<Vec<RowKey>>,
    shown_keys: Memo<Vec<RowKey>>,
    add: Arc<dyn Fn() -> Option<Id> + Send + Sync>,
    shift: Arc<dyn Fn(RowKey, isize) + Send + Sync>,
    remove: Arc<dyn Fn(RowKey) + Send + Sync>,
    render: Arc<dyn Fn(RowKey) -> RowParts + Send + Sync>,
}

/// One rendered row: its fields, its position and its name.
struct RowParts {
    body: AnyView,
    index: Memo<Option<usize>>,
    label: Signal<String>,
}

/// Editor for one list of the plan.
#[component]
pub fn ListEditor<T, F, IV>(
    /// Where the list is.
    lens: Lens<T>,
    /// Names and new items.
    spec: ListSpec<T>,
    /// Heading of the list.
    #[prop(into)]
    title: String,
    /// One or two sentences on what belongs here.
    #[prop(optional, into)]
    intro: Option<String>,
    /// What to say while the list is empty.
    #[prop(into)]
    empty: String,
    /// Renders the fields of one row.
    row: F,
    /// Rows per page; 0 shows all.
    #[prop(optional)]
    page_size: usize,
    /// Only rows whose name contains this text (case-insensitive) are shown.
    #[prop(optional, into)]
    filter: Signal<String>,
    /// `data-testid` of the list; rows get `<testid>-row`.
    #[prop(into)]
    testid: String,
) -> impl IntoView
where
    T: Item,
    F: Fn(Row<T>) -> IV + Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    let open = use_plan();
    let notices = use_notices();
    let lens_store = StoredValue::new(lens.clone());
    let name = spec.name;
    let noun = spec.noun;
    let create = spec.create.clone();

    let all_keys = Memo::new(move |_| {
        open.plan
            .with(|p| lens_store.with_value(|l| keys_of(l.read(p))))
    });
    let shown_keys = Memo::new(move |_| {
        let needle = filter.with(|f| f.trim().to_lowercase());
        if needle.is_empty() {
            return all_keys.get();
        }
        open.plan.with(|p| {
            lens_store.with_value(|l| {
                let items = l.read(p);
                keys_of(items)
                    .into_iter()
                    .zip(items)
                    .filter(|(_, t)| name(t).to_lowercase().contains(&needle))
                    .map(|(k, _)| k)
                    .collect()
            })
        })
    });
    let add_lens = lens.clone();
    let add = Arc::new(move || {
        let mut new_id = None;
        open.edit(|p| {
            let item = create(p);
            new_id = Some(item.id().clone());
            add_lens.write(p, |list| list.push(item));
        });
        new_id
    });
    let shift_lens = lens.clone();
    let shift = Arc::new(move |key: RowKey, delta: isize| {
        shift_lens.write_in(open, |list| {
            if let Some(i) = position(list, &key) {
                let j = i as isize + delta;
                if j >= 0 && (j as usize) < list.len() {
                    list.swap(i, j as usize);
                }
            }
        });
    });
    let remove_lens = lens.clone();
    let remove = Arc::new(move |key: RowKey| {
        let mut removed = None;
        remove_lens.write_in(open, |list| {
            if let Some(i) = position(list, &key) {
                removed = Some((i, list.remove(i)));
            }
        });
        if let Some((i, item)) = removed {
            let label = name(&item);
            // The undo must work even after this list is gone from the page,
            // so it holds the lens itself, not a handle owned by the list.
            let lens = remove_lens.clone();
            let restore = move || {
                let item = item.clone();
                lens.write_in(open, |list| list.insert(i.min(list.len()), item));
            };
            notices.offer_undo(format!("Removed the {noun} {label}."), Arc::new(restore));
        }
    });
    let render = Arc::new(move |key: RowKey| {
        let handle = Row::new(open, key, lens.clone());
        RowParts {
            body: row(handle).into_any(),
            index: handle.index(),
            label: handle.get(name),
        }
    });
    let ops = ListOps {
        all_keys,
        shown_keys,
        add,
        shift,
        remove,
        render,
    };
    let fixed = read_only();
    let page_size = if fixed { 0 } else { page_size };
    list_frame(
        ops,
        noun,
        title,
        intro,
        empty,
        page_size,
        testid,
        lens_store.with_value(|l| l.path),
        fixed,
    )
}

/// The markup of a list editor, shared by every list.
#[allow(clippy::too_many_arguments)]
fn list_frame(
    ops: ListOps,
    noun: &'static str,
    title: String,
    intro: Option<String>,
    empty: String,
    page_size: usize,
    testid: String,
    path: Signal<String>,
    fixed: bool,
) -> AnyView {
    let heading_id = dom_id("list");
    let findings_id = format!("{heading_id}-findings");
    let add_id = format!("{heading_id}-add");
    register_jump(&add_id, noun, fixed);
    let ids = (heading_id, findings_id, add_id);
    let texts = (noun, title, intro, empty);
    let build = move || list_markup(ops, texts, page_size, testid, path, fixed, ids);
    // Everything below, rows included, is inside this list.
    match Owner::current() {
        Some(owner) => owner.child().with(|| {
            provide_context(InsideList);
            build()
        }),
        None => build(),
    }
}

/// The markup of [`list_frame`], under an owner that marks it as a list.
fn list_markup(
    ops: ListOps,
    (noun, title, intro, empty): (&'static str, String, Option<String>, String),
    page_size: usize,
    testid: String,
    path: Signal<String>,
    fixed: bool,
    (heading_id, findings_id, add_id): (String, String, String),
) -> AnyView {
    let page = RwSignal::new(0usize);
    let ListOps {
        all_keys,
        shown_keys,
        add,
        shift,
        remove,
        render,
    } = ops;
    let pages = move || {
        let n = shown_keys.with(Vec::len);
        if page_size == 0 {
            1
        } else {
            n.div_ceil(page_size).max(1)
        }
    };
    let visible = move || {
        let keys = shown_keys.get();
        if page_size == 0 {
            return keys;
        }
        let last = pages() - 1;
        let p = page.get().min(last);
        keys.into_iter()
            .skip(p * page_size)
            .take(page_size)
            .collect::<Vec<_>>()
    };
    let on_add = move |_| {
        let new_id = add();
        if page_size > 0 {
            page.set(pages() - 1);
        }
        if let Some(id) = new_id {
            let sel = format!("[data-row-id=\"{id}\"]");
            focus_soon(format!("{sel} input, {sel} select, {sel} textarea"));
        }
    };
    let row_testid = format!("{testid}-row");
    let count_text = move || {
        let total = all_keys.with(Vec::len);
        let shown = shown_keys.with(Vec::len);
        if shown == total {
            format!("({total})")
        } else {
            format!("({shown} of {total} shown)")
        }
    };
    let total = move || all_keys.with(Vec::len);

    view! {
        <section class="pw-list" aria-labelledby=heading_id.clone() data-testid=testid>
            <h3 class="pw-list__title" id=heading_id.clone()>
                {title} " " <span class="pw-list__count">{count_text}</span>
            </h3>
            {intro.map(|t| view! { <p class="pw-list__intro">{t}</p> })}
            <FieldFindings path=path id=findings_id/>
            <Show when=move || all_keys.with(Vec::is_empty)>
                <p class="pw-list__empty">{empty.clone()}</p>
            </Show>
            <ol class="pw-list__items">
                <For
                    each=visible
                    key=|k: &RowKey| k.clone()
                    children=move |key: RowKey| {
                        let RowParts { body, index, label } = render(key.clone());
                        let position = move || index.get().map_or(0, |i| i + 1);
                        let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
                        let (shift_up, shift_down, remove) = (shift.clone(), shift.clone(), remove.clone());
                        view! {
                            <li class="pw-list__item" data-row-id=key.0 .0.clone() data-testid=row_testid.clone()>
                                <div class="pw-list__head">
                                    <span class="pw-list__label">
                                        {move || format!("{} {}", cap(noun), position())}
                                        <span class="pw-list__name">{move || label.get()}</span>
                                    </span>
                                    <span class="pw-list__tools" hidden=fixed>
                                        <button
                                            type="button"
                                            class="pw-button pw-button--quiet"
                                            aria-label=move || format!("Move {noun} {} up", position())
                                            prop:disabled={move || position() <= 1}
                                            on:click=move |_| shift_up(k1.clone(), -1)
                                        >
                                            "Up"
                                        </button>
                                        <button
                                            type="button"
                                            class="pw-button pw-button--quiet"
                                            aria-label=move || format!("Move {noun} {} down", position())
                                            prop:disabled={move || position() >= total()}
                                            on:click=move |_| shift_down(k2.clone(), 1)
                                        >
                                            "Down"
                                        </button>
                                        <button
                                            type="button"
                                            class="pw-button pw-button--quiet pw-button--danger"
                                            aria-label=move || format!("Remove {noun} {}", position())
                                            on:click=move |_| remove(k3.clone())
                                        >
                                            "Remove"
                                        </button>
                                    </span>
                                </div>
                                <div class="pw-list__body">{body}</div>
                            </li>
                        }
                    }
                />
            </ol>
            <Show when=move || { page_size > 0 && pages() > 1 }>
                <nav class="pw-pager" aria-label=format!("Pages of {noun}s")>
                    <button
                        type="button"
                        class="pw-button pw-button--quiet"
                        prop:disabled=move || page.get() == 0
                        on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
                    >
                        "Previous page"
                    </button>
                    <span aria-live="polite">{move || format!("Page {} of {}", page.get().min(pages() - 1) + 1, pages())}</span>
                    <button
                        type="button"
                        class="pw-button pw-button--quiet"
                        prop:disabled={move || page.get() + 1 >= pages()}
                        on:click=move |_| page.update(|p| *p += 1)
                    >
                        "Next page"
                    </button>
                </nav>
            </Show>
            <button type="button" class="pw-button pw-button--add" id=add_id hidden=fixed on:click=on_add>
                {format!("Add {noun}")}
            </button>
        </section>
    }
    .into_any()
}
