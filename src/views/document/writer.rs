//! Writes the plan document into the page, element by element: sections,
//! sub-headings, label and value lists, tables and records (an item of a
//! list of the plan with its own label and value list).
//!
//! The document never changes once written (it is written again when the
//! plan does), so a writer with a stack of open elements is all it needs:
//! each call is plain code shared by every section, where a Leptos view per
//! kind of block would cost much more code in the wasm. User text only ever
//! becomes text content, never markup.

use planwright_core::model::Section;
use web_sys::Element;

/// Appends elements to the innermost open element.
pub struct Writer {
    doc: web_sys::Document,
    /// Open elements, outermost first; children go into the last.
    open: Vec<Element>,
    /// A sub-heading came first in this section, so record headings go one
    /// level deeper.
    nested: bool,
}

impl Writer {
    /// A writer that appends to `root`.
    pub fn new(root: Element) -> Writer {
        Writer {
            doc: leptos::prelude::document(),
            open: vec![root],
            nested: false,
        }
    }

    /// A new element, with `text` as its text when given, at the end of
    /// `parent`.
    fn child(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Option<Element> {
        let e = self.doc.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        parent.append_child(&e).ok()?;
        Some(e)
    }

    /// A new element at the end of the innermost open one.
    pub fn el(&self, tag: &str, class: &str) -> Option<Element> {
        self.text_el(tag, class, "")
    }

    /// A new element holding `text` as text.
    pub fn text_el(&self, tag: &str, class: &str, text: &str) -> Option<Element> {
        self.child(self.open.last()?, tag, class, text)
    }

    /// Opens a new element: what follows goes inside it until [`end`].
    ///
    /// [`end`]: Writer::end
    pub fn begin(&mut self, tag: &str, class: &str) -> Option<Element> {
        let e = self.el(tag, class)?;
        self.open.push(e.clone());
        Some(e)
    }

    /// Closes the innermost open element (never the root).
    pub fn end(&mut self) {
        if self.open.len() > 1 {
            self.open.pop();
        }
    }

    /// Starts a template section, closing whatever was open.
    pub fn section(&mut self, s: Section) {
        self.open.truncate(1);
        self.nested = false;
        let id = format!("doc-{}", s.key());
        if let Some(e) = self.begin("section", "pw-doc-section") {
            let _ = e.set_attribute("aria-labelledby", &id);
        }
        if let Some(h) = self.text_el("h3", "", &s.numbered_heading()) {
            h.set_id(&id);
        }
    }

    /// A sub-heading inside the section.
    pub fn heading(&mut self, text: &str) {
        self.nested = true;
        self.text_el("h4", "pw-doc__heading", text);
    }

    /// A computed sentence.
    pub fn text(&mut self, text: &str) {
        self.text_el("p", "pw-doc__text", text);
    }

    /// A note on what is missing, in muted text.
    pub fn missing(&mut self, text: &str) {
        self.text_el("p", "pw-doc__missing", text);
    }

    /// Opens a list of labels and values.
    pub fn facts(&mut self) {
        self.begin("dl", "pw-doc-facts");
    }

    fn pair(&mut self, label: &str, wide: bool) -> Option<Element> {
        let class = if wide {
            "pw-doc-fact pw-doc-fact--wide"
        } else {
            "pw-doc-fact"
        };
        self.begin("div", class)?;
        self.text_el("dt", "", label);
        let dd = self.el("dd", "");
        self.end();
        dd
    }

    fn value(dd: Option<Element>, text: &str, missing: &str) {
        let Some(dd) = dd else { return };
        if text.trim().is_empty() {
            dd.set_class_name("pw-doc__missing");
            dd.set_text_content(Some(missing));
        } else {
            dd.set_text_content(Some(text.trim()));
        }
    }

    /// A short value (a name, a choice, a number); "Not set" when blank.
    pub fn fact(&mut self, label: &str, value: &str) {
        let dd = self.pair(label, false);
        Self::value(dd, value, "Not set");
    }

    /// The person's own prose, across the whole width.
    pub fn prose(&mut self, label: &str, text: &str, missing: &str) {
        let dd = self.pair(label, true);
        Self::value(dd, text, missing);
    }

    /// A list of items, across the whole width; `missing` when none.
    pub fn items(&mut self, label: &str, items: &[String], missing: &str) {
        let dd = self.pair(label, true);
        let items: Vec<&str> = items
            .iter()
            .map(|i| i.trim())
            .filter(|i| !i.is_empty())
            .collect();
        if items.is_empty() {
            Self::value(dd, "", missing);
            return;
        }
        let Some(dd) = dd else { return };
        self.open.push(dd);
        self.begin("ul", "");
        for i in items {
            self.text_el("li", "", i);
        }
        self.end();
        self.end();
    }

    /// Opens a list of records.
    pub fn records(&mut self) {
        self.begin("div", "pw-doc-records");
    }

    /// Opens one record: its title ("Unnamed" when blank), an optional note beside it, and a list
    /// of labels and values that follows until [`end`](Writer::end).
    pub fn record(&mut self, title: &str, tag: Option<&str>) {
        let Some(record) = self.el("div", "pw-doc-record") else {
            return;
        };
        let title = match title.trim() {
            "" => "Unnamed",
            t => t,
        };
        let level = if self.nested { "h5" } else { "h4" };
        let heading = self.child(&record, level, "pw-doc-record__title", title);
        if let (Some(h), Some(tag)) = (heading, tag) {
            self.child(&h, "span", "pw-doc-record__tag", &format!(" ({tag})"));
        }
        if let Some(dl) = self.child(&record, "dl", "pw-doc-facts", "") {
            self.open.push(dl);
        }
    }

    /// Opens a table with its column headings, named `label`; rows follow
    /// until [`end`](Writer::end). Returns the table.
    pub fn table(&mut self, label: &str, head: &[&str], class: &str) -> Option<Element> {
        let wrap = self.el("div", class)?;
        let table = self.child(&wrap, "table", "pw-table", "")?;
        let _ = table.set_attribute("aria-label", label);
        let tr = self
            .child(&table, "thead", "", "")
            .and_then(|h| self.child(&h, "tr", "", ""))?;
        for h in head {
            if let Some(th) = self.child(&tr, "th", "", h) {
                let _ = th.set_attribute("scope", "col");
            }
        }
        let body = self.child(&table, "tbody", "", "")?;
        self.open.push(body);
        Some(table)
    }

    /// A row of the open table; the cell at `header` heads the row, and a
    /// blank cell shows a dash.
    pub fn row(&mut self, cells: &[&str], header: usize) -> Option<Element> {
        let tr = self.begin("tr", "")?;
        for (i, c) in cells.iter().enumerate() {
            let c = match c.trim() {
                "" => "—",
                c => c,
            };
            if i == header {
                if let Some(th) = self.text_el("th", "", c) {
                    let _ = th.set_attribute("scope", "row");
                }
            } else {
                self.text_el("td", "", c);
            }
        }
        self.end();
        Some(tr)
    }
}
