//! Calendar dates without a time zone.
//!
//! Plans only need whole days: a start date, baseline dates, milestone dates.
//! [`Date`] stores a proleptic Gregorian date, is written in files as
//! `YYYY-MM-DD`, and converts to and from a day number so the scheduler can add
//! durations without any date library. Every constructor checks its input, so a
//! `Date` value is always a real calendar day between the years 1 and 9999.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day, always valid (year 1 to 9999).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a piece of text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// The text is not of the shape `YYYY-MM-DD`.
    Shape(String),
    /// The shape is right but no such day exists (for example `2025-02-30`).
    NoSuchDay(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Shape(s) => write!(f, "'{s}' is not a date; write it as YYYY-MM-DD"),
            DateError::NoSuchDay(s) => write!(f, "'{s}' is not a day in the calendar"),
        }
    }
}

impl std::error::Error for DateError {}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Day number of 0001-01-01 in the count used by [`Date::to_days`].
const MIN_DAYS: i64 = -719_162;
/// Day number of 9999-12-31.
const MAX_DAYS: i64 = 2_932_896;

impl Date {
    /// Builds a date, or `None` when the day does not exist or the year is
    /// outside 1..=9999.
    pub fn new(year: i64, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year: year as u16,
            month,
            day,
        })
    }

    /// The year.
    pub fn year(self) -> i64 {
        i64::from(self.year)
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn to_days(self) -> i64 {
        // Days-from-civil, counting years from March so the leap day is last.
        let y = self.year() - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date a number of days after 1970-01-01, or `None` outside the
    /// years 1 to 9999.
    pub fn from_days(days: i64) -> Option<Date> {
        if !(MIN_DAYS..=MAX_DAYS).contains(&days) {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(year, month, day)
    }

    /// This date moved by `days` (which may be negative), or `None` when the
    /// result leaves the years 1 to 9999.
    pub fn add_days(self, days: i64) -> Option<Date> {
        self.to_days().checked_add(days).and_then(Date::from_days)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.to_days() + 3).rem_euclid(7) as u8
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let shape = || DateError::Shape(s.chars().take(40).collect());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(shape());
        }
        let num = |range: std::ops::Range<usize>| -> Result<i64, DateError> {
            let part = &s[range];
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(shape());
            }
            part.parse::<i64>().map_err(|_| shape())
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let month = u8::try_from(m).map_err(|_| shape())?;
        let day = u8::try_from(d).map_err(|_| shape())?;
        Date::new(y, month, day).ok_or_else(|| DateError::NoSuchDay(s.to_string()))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar day written as YYYY-MM-DD."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        for text in ["2026-01-05", "2024-02-29", "0001-01-01", "9999-12-31"] {
            let d: Date = text.parse().unwrap();
            assert_eq!(d.to_string(), text);
        }
    }

    #[test]
    fn refuses_bad_text() {
        for text in [
            "",
            "2026-1-05",
            "2026-13-01",
            "2025-02-29",
            "abcd-ef-gh",
            "0000-01-01",
            "+026-01-01",
            "2026-01-0١",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text} should be refused");
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().to_days(), 11_017);
        assert_eq!(Date::new(1, 1, 1).unwrap().to_days(), MIN_DAYS);
        assert_eq!(Date::new(9999, 12, 31).unwrap().to_days(), MAX_DAYS);
        for days in (MIN_DAYS..=MAX_DAYS).step_by(997) {
            assert_eq!(Date::from_days(days).unwrap().to_days(), days);
        }
        assert_eq!(Date::from_days(MAX_DAYS + 1), None);
    }

    #[test]
    fn weekday_and_add() {
        let d = Date::new(2026, 11, 21).unwrap();
        assert_eq!(d.weekday(), 5); // a Saturday
        assert_eq!(d.add_days(10).unwrap().to_string(), "2026-12-01");
        assert_eq!(d.add_days(-21).unwrap().to_string(), "2026-10-31");
        assert_eq!(Date::new(9999, 12, 31).unwrap().add_days(1), None);
        assert_eq!(d.add_days(i64::MAX), None);
    }
}
