//! Dates as the reader's browser writes them: one style everywhere a date
//! is shown for reading (the printed-on line, the timeline, the plan
//! document), formatted by the browser's `Intl.DateTimeFormat` in the
//! reader's own locale, so "12 Jan 2026" for one reader is "Jan 12, 2026"
//! for another.
//!
//! The formatter is made once and kept: building an `Intl.DateTimeFormat`
//! costs far more than using one, and a long task list formats thousands of
//! dates.

use js_sys::{Array, Function, Intl, Object, Reflect};
use planwright_core::date::Date;
use wasm_bindgen::JsValue;

thread_local! {
    static FORMAT: Option<Function> = formatter();
}

/// `Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format`, bound.
fn formatter() -> Option<Function> {
    let options = Object::new();
    Reflect::set(&options, &"dateStyle".into(), &"medium".into()).ok()?;
    let format = Intl::DateTimeFormat::new(&Array::new(), &options);
    Some(format.format())
}

fn format_js(date: &js_sys::Date) -> Option<String> {
    FORMAT.with(|f| f.as_ref()?.call1(&JsValue::NULL, date).ok()?.as_string())
}

/// A plan date in the reader's style; the plan's own `YYYY-MM-DD` when the
/// browser cannot format it.
pub fn local_date(date: Date) -> String {
    // Local noon of that day, so no time zone moves it to another day; the
    // year set again because the constructor reads 0 to 99 as 1900 to 1999.
    let year = u32::try_from(date.year()).unwrap_or(1970);
    let (month, day) = (i32::from(date.month()) - 1, i32::from(date.day()));
    let js = js_sys::Date::new_with_year_month_day_hr(year, month, day, 12);
    js.set_full_year_with_month_date(year, month, day);
    format_js(&js).unwrap_or_else(|| date.to_string())
}

/// Today in the reader's style.
pub fn today() -> String {
    format_js(&js_sys::Date::new_0()).unwrap_or_default()
}
