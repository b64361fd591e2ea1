//! Moments: a date, or a date and a UK local time.

use chrono::NaiveDate;
use chrono::NaiveDateTime;
use std::fmt;

/// When an event happened: a date, or a date and time (UK local time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    /// A day, time not given.
    Date(NaiveDate),
    /// A day and time of day.
    DateTime(NaiveDateTime),
}

impl When {
    /// The day.
    pub fn date(self) -> NaiveDate {
        match self {
            When::Date(date) => date,
            When::DateTime(at) => at.date(),
        }
    }

    /// The time, when given.
    pub fn datetime(self) -> Option<NaiveDateTime> {
        match self {
            When::Date(_) => None,
            When::DateTime(at) => Some(at),
        }
    }

    /// True when `self` is before `other`: by date, then by time where both
    /// give one (a date alone is never before a time on the same day).
    pub fn is_before(self, other: When) -> bool {
        match (self, other) {
            (When::DateTime(a), When::DateTime(b)) => a < b,
            (a, b) => a.date() < b.date(),
        }
    }
}

impl From<NaiveDate> for When {
    fn from(date: NaiveDate) -> When {
        When::Date(date)
    }
}

impl From<NaiveDateTime> for When {
    fn from(at: NaiveDateTime) -> When {
        When::DateTime(at)
    }
}

impl fmt::Display for When {
    /// `2026-12-21` or `2026-12-21T14:30`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Date(date) => write!(f, "{date}"),
            When::DateTime(at) => write!(f, "{}", at.format("%Y-%m-%dT%H:%M")),
        }
    }
}
