//! The plan's working calendar: which weekdays are worked, the days the
//! whole team is closed, and the days individual people are off.
//!
//! Task lengths stay in working days; the schedule turns them into dates by
//! skipping every day this calendar says is not worked
//! (`analysis::schedule::calendar`).

use serde::{Deserialize, Serialize};

use crate::choice;
use crate::date::Date;

use super::Id;

choice! {
    /// A day of the week, Monday first (the order of [`Date::weekday`]).
    Weekday {
        Monday = "mon": "Monday",
        Tuesday = "tue": "Tuesday",
        Wednesday = "wed": "Wednesday",
        Thursday = "thu": "Thursday",
        Friday = "fri": "Friday",
        Saturday = "sat": "Saturday",
        Sunday = "sun": "Sunday",
    }
    default Monday
}

impl Weekday {
    /// The weekday of `date`.
    pub fn of(date: Date) -> Weekday {
        use crate::choice::Choice;
        Weekday::ALL[usize::from(date.weekday() % 7)]
    }
}

record! {
    /// A day or a run of days nobody on the plan works: a public holiday,
    /// a company closure.
    Closure {
        /// Stable id.
        id: Id,
        /// What it is ("New Year's Day", "Summer shutdown").
        name: String,
        /// First day closed.
        start: Option<Date>,
        /// Last day closed, included; empty for a single day.
        end: Option<Date>,
    }
}

record! {
    /// Days one person is away; tasks they own do not advance on them.
    DayOff {
        /// Stable id.
        id: Id,
        /// The stakeholder who is away.
        person: Option<Id>,
        /// First day away.
        start: Option<Date>,
        /// Last day away, included; empty for a single day.
        end: Option<Date>,
        /// Why, if the person wants to say.
        note: String,
    }
}

/// The working calendar. Its default works Monday to Friday with no
/// closures, which is what every plan before format version 3 assumed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Calendar {
    /// The weekdays that are worked. An empty list is a finding, and the
    /// schedule then falls back to Monday to Friday.
    pub working_weekdays: Vec<Weekday>,
    /// Holidays and closures for everyone.
    pub closures: Vec<Closure>,
    /// Days off of individual people.
    pub days_off: Vec<DayOff>,
}

impl Default for Calendar {
    fn default() -> Calendar {
        Calendar {
            working_weekdays: vec![
                Weekday::Monday,
                Weekday::Tuesday,
                Weekday::Wednesday,
                Weekday::Thursday,
                Weekday::Friday,
            ],
            closures: Vec::new(),
            days_off: Vec::new(),
        }
    }
}
