//! Dates as the person reads them: one style for the whole app, in their
//! own locale, through the browser's `Intl.DateTimeFormat` with
//! `dateStyle: "medium"` ("12 Jan 2026" in en-GB, "Jan 12, 2026" in en-US).
//!
//! Only what is shown goes through here. Date inputs keep the ISO form
//! `<input type="date">` needs, and the core, the CLI and the files they
//! write keep ISO dates (YYYY-MM-DD) because tools read them.
//!
//! The option names are those of ECMA-402, the Intl specification
//! (<https://tc39.es/ecma402/#sec-createdatetimeformat>: `dateStyle` and
//! `timeStyle` take "full", "long", "medium" or "short").

use js_sys::{Array, Intl, Object, Reflect};
use planwright_core::Date;
use wasm_bindgen::JsValue;

thread_local! {
    /// Building a formatter reads the locale data, so each is built once.
    static DAY: Option<Intl::DateTimeFormat> = formatter(false);
    static MOMENT: Option<Intl::DateTimeFormat> = formatter(true);
}

/// A formatter in the person's locale: the medium date style, and with
/// `time` the short time style too.
fn formatter(time: bool) -> Option<Intl::DateTimeFormat> {
    let options = Object::new();
    Reflect::set(&options, &"dateStyle".into(), &"medium".into()).ok()?;
    if time {
        Reflect::set(&options, &"timeStyle".into(), &"short".into()).ok()?;
    }
    Some(Intl::DateTimeFormat::new(&Array::new(), &options))
}

fn format_with(
    formatter: &'static std::thread::LocalKey<Option<Intl::DateTimeFormat>>,
    date: &js_sys::Date,
) -> Option<String> {
    formatter.with(|f| {
        let f = f.as_ref()?;
        f.format()
            .call1(&JsValue::UNDEFINED, date)
            .ok()?
            .as_string()
    })
}

/// A calendar day of the plan, such as a task's start: `12 Jan 2026` (in
/// the person's locale). Falls back to the ISO form if the browser cannot
/// format it (a year past what `Date` holds, say).
pub fn day(date: Date) -> String {
    // The Date constructor reads years 0 to 99 as 1900 to 1999.
    let Some(year) = u32::try_from(date.year()).ok().filter(|y| *y >= 100) else {
        return date.to_string();
    };
    // Local midnight of that day, formatted in local time: the same day.
    let js = js_sys::Date::new_with_year_month_day(
        year,
        i32::from(date.month()) - 1,
        i32::from(date.day()),
    );
    if js.get_time().is_nan() {
        return date.to_string();
    }
    format_with(&DAY, &js).unwrap_or_else(|| date.to_string())
}

/// A moment, such as when a plan was last saved (ms since the epoch): the
/// day as [`day`] writes it and the time of day.
pub fn moment(ms: f64) -> String {
    let js = js_sys::Date::new(&JsValue::from_f64(ms));
    if js.get_time().is_nan() {
        return "an unknown time".to_string();
    }
    format_with(&MOMENT, &js)
        .unwrap_or_else(|| String::from(js.to_locale_string("default", &JsValue::UNDEFINED)))
}

/// Today's date on this computer, for the plan's default as-of day.
pub fn today_date() -> Option<Date> {
    let js = js_sys::Date::new_0();
    let year = i64::from(js.get_full_year());
    let month = u8::try_from(js.get_month() + 1).ok()?;
    let day = u8::try_from(js.get_date()).ok()?;
    Date::new(year, month, day)
}

/// Today, as [`day`] writes a day (for a printout's date line).
pub fn today() -> String {
    format_with(&DAY, &js_sys::Date::new_0()).unwrap_or_default()
}
