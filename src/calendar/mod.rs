//! The UK working-day calendar every deadline in the library is counted on.
//!
//! A working day is Monday to Friday that is not a bank holiday of the
//! division (the North Somerset policy states this definition; the others
//! assume it). "Within N working days of X" is the N-th working day strictly
//! after X, whatever day X is: see [`Calendar::add_working_days`].
//!
//! # Data
//!
//! [`Calendar::uk`] is built from GOV.UK's published list of bank holidays,
//! embedded in the crate (see [`HOLIDAY_DATA_VERSION`] and
//! [`EMBEDDED_OFFICIAL_YEARS`]). Years GOV.UK has not published are projected
//! from each division's statutory rules, from 1990 to 2100, so a case opened
//! in December 2028 still gets its January deadlines; [`Calendar::coverage`]
//! and [`Calendar::data_source`] tell official from projected dates, and
//! [`Calendar::strict`] refuses projected ones. A newer GOV.UK document can be
//! loaded at runtime with [`Calendar::from_govuk_json`].
//!
//! # Speed
//!
//! [`Calendar::is_working_day`], [`Calendar::add_working_days`],
//! [`Calendar::working_days_between`] and their relatives are O(1): each
//! calendar holds, for every day it covers, the count of working days before
//! it, and the date of every working day in order, so each answer is a pair
//! of array reads.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use safeguarding_resolution::calendar::{Calendar, Division};
//!
//! let calendar = Calendar::uk(Division::EnglandAndWales);
//! let friday = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
//! let deadline = calendar.explain_add_working_days(friday, 1)?;
//! assert_eq!(deadline.due(), NaiveDate::from_ymd_opt(2026, 12, 29).unwrap());
//! assert_eq!(
//!     deadline.skipped_bank_holidays(),
//!     "skips Fri 25 Dec Christmas Day, Mon 28 Dec Boxing Day (substitute day)"
//! );
//! # Ok::<(), safeguarding_resolution::calendar::Error>(())
//! ```

mod error;
mod govuk;
mod rules;
pub(crate) mod uk_time;

use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

pub use error::{Error, ErrorKind};
pub(crate) use govuk::parse_iso_date;

/// The embedded bank-holiday data, in GOV.UK's `bank-holidays.json` format.
///
/// Published by GOV.UK under the Open Government Licence v3.0; see
/// `docs/calendar.md` for how it was obtained and how to update it.
pub const EMBEDDED_GOVUK_JSON: &str = include_str!("../../data/bank-holidays.json");

/// The version of the embedded bank-holiday data: the date of the latest
/// publication or proclamation it includes.
pub const HOLIDAY_DATA_VERSION: &str = "2026-02-04";

/// The years the embedded data publishes for every division (first, last);
/// other years are projected.
pub const EMBEDDED_OFFICIAL_YEARS: (i32, i32) = (2012, 2028);

/// The first year every calendar covers, by projection where not published.
pub const FIRST_PROJECTED_YEAR: i32 = 1990;

/// The last year every calendar covers, by projection where not published.
pub const LAST_PROJECTED_YEAR: i32 = 2100;

/// A division of the UK with its own bank holidays.
///
/// Written in JSON and text as GOV.UK writes it: `england-and-wales`,
/// `scotland`, `northern-ireland`.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::calendar::Division;
///
/// let division: Division = "northern-ireland".parse()?;
/// assert_eq!(division, Division::NorthernIreland);
/// assert_eq!(division.to_string(), "northern-ireland");
/// assert!("wales".parse::<Division>().unwrap_err().is_unknown_division());
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Division {
    /// England and Wales.
    EnglandAndWales,
    /// Scotland.
    Scotland,
    /// Northern Ireland.
    NorthernIreland,
}

impl Division {
    /// The three divisions, in GOV.UK's order.
    pub const ALL: [Division; 3] = [
        Division::EnglandAndWales,
        Division::Scotland,
        Division::NorthernIreland,
    ];

    /// GOV.UK's name for the division: `england-and-wales`, `scotland` or
    /// `northern-ireland`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::calendar::Division;
    ///
    /// let names: Vec<&str> = Division::ALL.iter().map(|d| d.as_str()).collect();
    /// assert_eq!(names, ["england-and-wales", "scotland", "northern-ireland"]);
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Division::EnglandAndWales => "england-and-wales",
            Division::Scotland => "scotland",
            Division::NorthernIreland => "northern-ireland",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Division {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad`, so that width and alignment flags apply.
        f.pad(self.as_str())
    }
}

impl FromStr for Division {
    type Err = Error;

    /// Parses GOV.UK's name of a division.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownDivision`] for any other text.
    fn from_str(name: &str) -> Result<Division, Error> {
        Division::ALL
            .into_iter()
            .find(|d| d.as_str() == name)
            .ok_or_else(|| {
                ErrorKind::UnknownDivision {
                    name: name.to_string(),
                }
                .into()
            })
    }
}

/// Where a calendar's knowledge of a date comes from.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, DataSource, Division};
///
/// let calendar = Calendar::uk(Division::Scotland);
/// let date = NaiveDate::from_ymd_opt(2035, 11, 30).unwrap();
/// assert_eq!(calendar.data_source(date)?, DataSource::Projected);
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataSource {
    /// A year published in a GOV.UK document.
    Official,
    /// A year projected from the statutory rules.
    Projected,
}

/// One bank holiday: a date, GOV.UK's title and notes, the divisions that
/// keep it, and whether it was published or projected.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, DataSource, Division};
///
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let date = NaiveDate::from_ymd_opt(2026, 12, 28).unwrap();
/// let holiday = calendar.is_bank_holiday(date)?.expect("Boxing Day's substitute");
/// assert_eq!(holiday.title(), "Boxing Day");
/// assert!(holiday.is_substitute());
/// assert_eq!(holiday.divisions(), &[Division::EnglandAndWales]);
/// assert_eq!(holiday.source(), DataSource::Official);
/// assert_eq!(holiday.to_string(), "Mon 28 Dec Boxing Day (substitute day)");
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct BankHoliday {
    date: NaiveDate,
    title: String,
    notes: String,
    bunting: bool,
    divisions: Vec<Division>,
    source: DataSource,
}

impl BankHoliday {
    pub(crate) fn new(
        date: NaiveDate,
        title: &str,
        notes: &str,
        bunting: bool,
        divisions: Vec<Division>,
        source: DataSource,
    ) -> BankHoliday {
        BankHoliday {
            date,
            title: title.to_string(),
            notes: notes.to_string(),
            bunting,
            divisions,
            source,
        }
    }

    /// The day of the holiday.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// // Boxing Day 2026 falls on a Saturday: the bank holiday is Monday 28 December.
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let holidays = calendar.bank_holidays_in_year(2026)?;
    /// let boxing_day = holidays.iter().find(|h| h.title() == "Boxing Day").expect("listed");
    /// assert_eq!(boxing_day.date(), NaiveDate::from_ymd_opt(2026, 12, 28).unwrap());
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// GOV.UK's title, such as `Boxing Day`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::NorthernIreland);
    /// let date = NaiveDate::from_ymd_opt(2027, 3, 17).unwrap();
    /// let holiday = calendar.is_bank_holiday(date)?.expect("a bank holiday");
    /// // GOV.UK's titles are kept as published, typographic apostrophe included.
    /// assert_eq!(holiday.title(), "St Patrick’s Day");
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn title(&self) -> &str {
        &self.title
    }

    /// GOV.UK's notes: empty, `Substitute day` or `Extra bank holiday`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::Scotland);
    /// let notes = |m, d| {
    ///     let date = NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    ///     calendar.is_bank_holiday(date).map(|h| h.map(|h| h.notes()))
    /// };
    /// assert_eq!(notes(12, 25)?, Some("")); // Christmas Day
    /// assert_eq!(notes(12, 28)?, Some("Substitute day")); // for Boxing Day
    /// assert_eq!(notes(6, 15)?, Some("Extra bank holiday"));
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn notes(&self) -> &str {
        &self.notes
    }

    /// GOV.UK's bunting flag (whether the day is a celebration).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let easter = calendar.bank_holidays_between(
    ///     NaiveDate::from_ymd_opt(2027, 3, 26).unwrap(),
    ///     NaiveDate::from_ymd_opt(2027, 3, 29).unwrap(),
    /// )?;
    /// let flags: Vec<(&str, bool)> = easter.iter().map(|h| (h.title(), h.bunting())).collect();
    /// assert_eq!(flags, [("Good Friday", false), ("Easter Monday", true)]);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn bunting(&self) -> bool {
        self.bunting
    }

    /// True for a substitute day: a weekday standing in for a holiday that
    /// fell at a weekend.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // Christmas Day 2027 is a Saturday and Boxing Day a Sunday: both move on.
    /// let christmas = calendar.bank_holidays_between(day(2027, 12, 20), day(2027, 12, 31))?;
    /// let moved: Vec<(NaiveDate, bool)> =
    ///     christmas.iter().map(|h| (h.date(), h.is_substitute())).collect();
    /// assert_eq!(moved, [(day(2027, 12, 27), true), (day(2027, 12, 28), true)]);
    /// // Christmas Day 2026 is a Friday, and kept on the day.
    /// let christmas_2026 = calendar.is_bank_holiday(day(2026, 12, 25))?.expect("a bank holiday");
    /// assert!(!christmas_2026.is_substitute());
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn is_substitute(&self) -> bool {
        self.notes.eq_ignore_ascii_case("substitute day")
    }

    /// The divisions that keep this holiday (more than one only on a
    /// combined calendar, see [`Calendar::union`]).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let anywhere = Calendar::uk_union();
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let christmas = anywhere.is_bank_holiday(day(12, 25))?.expect("a bank holiday");
    /// assert_eq!(christmas.divisions(), &Division::ALL);
    /// let st_andrews_day = anywhere.is_bank_holiday(day(11, 30))?.expect("a bank holiday");
    /// assert_eq!(st_andrews_day.divisions(), &[Division::Scotland]);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn divisions(&self) -> &[Division] {
        &self.divisions
    }

    /// Whether the holiday was published or projected.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, DataSource, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let christmas = |year| {
    ///     let date = NaiveDate::from_ymd_opt(year, 12, 25).unwrap();
    ///     calendar.is_bank_holiday(date)
    /// };
    /// // GOV.UK has published up to 2028; 2029 is projected from the rules.
    /// assert_eq!(christmas(2028)?.map(|h| h.source()), Some(DataSource::Official));
    /// assert_eq!(christmas(2029)?.map(|h| h.source()), Some(DataSource::Projected));
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn source(&self) -> DataSource {
        self.source
    }
}

impl fmt::Display for BankHoliday {
    /// `Mon 28 Dec Boxing Day (substitute day)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", ShortDate(self.date), self.title)?;
        if self.is_substitute() {
            f.write_str(" (substitute day)")?;
        }
        Ok(())
    }
}

/// The dates a calendar covers, and which of them were published.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
///
/// let coverage = Calendar::uk(Division::EnglandAndWales).coverage();
/// assert_eq!(coverage.first(), NaiveDate::from_ymd_opt(1990, 1, 1).unwrap());
/// assert_eq!(coverage.last(), NaiveDate::from_ymd_opt(2100, 12, 31).unwrap());
/// let (first, last) = coverage.official().expect("published years");
/// assert_eq!((first.to_string(), last.to_string()), ("2012-01-01".into(), "2028-12-31".into()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    first: NaiveDate,
    last: NaiveDate,
    official: Option<(NaiveDate, NaiveDate)>,
}

impl Coverage {
    /// The first date the calendar answers for.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division, FIRST_PROJECTED_YEAR};
    ///
    /// let calendar = Calendar::uk(Division::Scotland);
    /// let first = calendar.coverage().first();
    /// assert_eq!(first, NaiveDate::from_ymd_opt(FIRST_PROJECTED_YEAR, 1, 1).unwrap());
    /// let day_before = first.pred_opt().unwrap();
    /// assert!(calendar.is_working_day(day_before).unwrap_err().is_out_of_range());
    /// ```
    pub fn first(&self) -> NaiveDate {
        self.first
    }

    /// The last date the calendar answers for.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division, LAST_PROJECTED_YEAR};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let last = calendar.coverage().last();
    /// assert_eq!(last, NaiveDate::from_ymd_opt(LAST_PROJECTED_YEAR, 12, 31).unwrap());
    /// // The last day is covered, but no working day after it is.
    /// assert!(calendar.is_working_day(last)?);
    /// assert!(calendar.add_working_days(last, 1).unwrap_err().is_out_of_range());
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn last(&self) -> NaiveDate {
        self.last
    }

    /// The first and last dates of the published years, if any. Dates
    /// between them are [`DataSource::Official`]; the others are projected.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // A document that publishes one year: 2030.
    /// let json = r#"{"england-and-wales": {"division": "england-and-wales", "events": [
    ///     {"title": "Christmas Day", "date": "2030-12-25", "notes": "", "bunting": true}
    /// ]}}"#;
    /// let calendar = Calendar::from_govuk_json(json, Division::EnglandAndWales)?;
    /// assert_eq!(calendar.coverage().official(), Some((day(2030, 1, 1), day(2030, 12, 31))));
    /// // Combined with the embedded data (published 2012 to 2028), no year is
    /// // published on both.
    /// let both = Calendar::union(&[&calendar, Calendar::uk(Division::Scotland)])?;
    /// assert_eq!(both.coverage().official(), None);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn official(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.official
    }

    fn describe_official(&self) -> String {
        match self.official {
            Some((first, last)) => format!("published dates run from {first} to {last}"),
            None => "this calendar has no published dates".to_string(),
        }
    }
}

/// A day that is not a working day, with its reasons.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
///
/// let calendar = Calendar::uk(Division::Scotland);
/// let days = calendar.non_working_days_between(
///     NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
///     NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
/// )?;
/// assert!(days[0].is_weekend() && days[0].bank_holidays().is_empty());
/// assert_eq!(days[2].bank_holidays()[0].title(), "St Andrew’s Day");
/// assert_eq!(days[2].to_string(), "Mon 30 Nov St Andrew’s Day");
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NonWorkingDay<'a> {
    date: NaiveDate,
    holidays: &'a [BankHoliday],
}

impl<'a> NonWorkingDay<'a> {
    /// The day.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 3, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// // Easter 2027: Good Friday 26 March to Easter Monday 29 March.
    /// let days = calendar.non_working_days_between(day(25), day(30))?;
    /// let dates: Vec<NaiveDate> = days.iter().map(|d| d.date()).collect();
    /// assert_eq!(dates, [day(26), day(27), day(28), day(29)]);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// True on a Saturday or Sunday.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 3, d).unwrap();
    /// // Scotland keeps Good Friday but not Easter Monday.
    /// let calendar = Calendar::uk(Division::Scotland);
    /// let days = calendar.non_working_days_between(day(25), day(30))?;
    /// let weekend: Vec<bool> = days.iter().map(|d| d.is_weekend()).collect();
    /// assert_eq!(weekend, [false, true, true]);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn is_weekend(&self) -> bool {
        is_weekend(self.date)
    }

    /// The bank holidays on the day (empty for an ordinary weekend day).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 12, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// // Christmas Day 2027 is a Saturday: the bank holiday is the Monday after.
    /// let days = calendar.non_working_days_between(day(24), day(27))?;
    /// assert_eq!(days.len(), 3);
    /// assert!(days[0].is_weekend() && days[0].bank_holidays().is_empty());
    /// assert_eq!(days[2].bank_holidays()[0].title(), "Christmas Day");
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn bank_holidays(&self) -> &'a [BankHoliday] {
        self.holidays
    }
}

impl fmt::Display for NonWorkingDay<'_> {
    /// `Fri 25 Dec Christmas Day`, or `Sat 26 Dec weekend`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.holidays.first() {
            Some(holiday) => holiday.fmt(f),
            None => write!(f, "{} weekend", ShortDate(self.date)),
        }
    }
}

/// A working-day deadline with its explanation: the due date and the
/// non-working days that were skipped to reach it.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
///
/// let calendar = Calendar::uk(Division::NorthernIreland);
/// let from = NaiveDate::from_ymd_opt(2027, 3, 16).unwrap();
/// let deadline = calendar.explain_add_working_days(from, 1)?;
/// assert_eq!((deadline.from(), deadline.working_days()), (from, 1));
/// assert_eq!(deadline.due(), NaiveDate::from_ymd_opt(2027, 3, 18).unwrap());
/// assert_eq!(deadline.skipped().len(), 1);
/// assert_eq!(deadline.skipped_bank_holidays(), "skips Wed 17 Mar St Patrick’s Day");
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingDayDeadline<'a> {
    from: NaiveDate,
    working_days: u32,
    due: NaiveDate,
    skipped: Vec<NonWorkingDay<'a>>,
}

impl<'a> WorkingDayDeadline<'a> {
    /// The date counted from.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// // Counting may start on any day, a Saturday included.
    /// let saturday = NaiveDate::from_ymd_opt(2027, 5, 1).unwrap();
    /// let deadline = calendar.explain_add_working_days(saturday, 5)?;
    /// assert_eq!(deadline.from(), saturday);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn from(&self) -> NaiveDate {
        self.from
    }

    /// The number of working days counted.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let saturday = NaiveDate::from_ymd_opt(2027, 5, 1).unwrap();
    /// let deadline = calendar.explain_add_working_days(saturday, 5)?;
    /// assert_eq!(deadline.working_days(), 5);
    /// assert_eq!(
    ///     deadline.to_string(),
    ///     "Mon 10 May 2027, 5 working days after Sat 1 May 2027 \
    ///      (skips Mon 3 May Early May bank holiday)"
    /// );
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn working_days(&self) -> u32 {
        self.working_days
    }

    /// The due date: the `working_days`-th working day after `from`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// // "Within two working days" of Christmas Eve 2026: Tuesday 29 and
    /// // Wednesday 30 December.
    /// let christmas_eve = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
    /// let deadline = calendar.explain_add_working_days(christmas_eve, 2)?;
    /// assert_eq!(deadline.due(), NaiveDate::from_ymd_opt(2026, 12, 30).unwrap());
    /// assert_eq!(deadline.due(), calendar.add_working_days(christmas_eve, 2)?);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn due(&self) -> NaiveDate {
        self.due
    }

    /// Every non-working day strictly after `from` and before `due`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let christmas_eve = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
    /// let deadline = calendar.explain_add_working_days(christmas_eve, 2)?;
    /// // Christmas Day, the weekend and the Boxing Day substitute; Tuesday 29,
    /// // the first working day, is not among them.
    /// let skipped: Vec<String> = deadline.skipped().iter().map(|d| d.to_string()).collect();
    /// assert_eq!(skipped, [
    ///     "Fri 25 Dec Christmas Day",
    ///     "Sat 26 Dec weekend",
    ///     "Sun 27 Dec weekend",
    ///     "Mon 28 Dec Boxing Day (substitute day)",
    /// ]);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn skipped(&self) -> &[NonWorkingDay<'a>] {
        &self.skipped
    }

    /// The bank holidays skipped, in words: `skips Fri 25 Dec Christmas Day,
    /// Mon 28 Dec Boxing Day (substitute day)`; empty when none were.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::Scotland);
    /// // From New Year's Eve 2026 in Scotland: New Year's Day and the 2 January
    /// // substitute are skipped.
    /// let deadline = calendar.explain_add_working_days(day(2026, 12, 31), 1)?;
    /// assert_eq!(deadline.due(), day(2027, 1, 5));
    /// assert_eq!(
    ///     deadline.skipped_bank_holidays(),
    ///     "skips Fri 1 Jan New Year’s Day, Mon 4 Jan 2nd January (substitute day)"
    /// );
    /// // A week in February skips a weekend only.
    /// let deadline = calendar.explain_add_working_days(day(2027, 2, 8), 5)?;
    /// assert_eq!(deadline.skipped().len(), 2);
    /// assert_eq!(deadline.skipped_bank_holidays(), "");
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn skipped_bank_holidays(&self) -> String {
        let holidays: Vec<String> = self
            .skipped
            .iter()
            .filter(|day| !day.holidays.is_empty())
            .map(|day| day.to_string())
            .collect();
        if holidays.is_empty() {
            String::new()
        } else {
            format!("skips {}", holidays.join(", "))
        }
    }
}

impl fmt::Display for WorkingDayDeadline<'_> {
    /// `Tue 29 Dec 2026, 1 working day after Thu 24 Dec 2026 (skips …)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.working_days == 1 { "" } else { "s" };
        write!(
            f,
            "{}, {} working day{plural} after {}",
            LongDate(self.due),
            self.working_days,
            LongDate(self.from),
        )?;
        // Written piece by piece: explanations are on the JSON hot path.
        let mut holidays = self.skipped.iter().filter(|d| !d.holidays.is_empty());
        if let Some(first) = holidays.next() {
            write!(f, " (skips {first}")?;
            for day in holidays {
                write!(f, ", {day}")?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// A UK working-day calendar: one division's (or several divisions')
/// bank holidays, with O(1) working-day arithmetic.
///
/// Cheap to clone (the tables are shared), `Send` and `Sync`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
///
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let from = NaiveDate::from_ymd_opt(2027, 3, 24).unwrap();
/// let day_8 = calendar.add_working_days(from, 8)?; // Easter in between
/// assert_eq!(day_8, NaiveDate::from_ymd_opt(2027, 4, 7).unwrap());
/// assert_eq!(calendar.working_days_between(from, day_8)?, 8);
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
#[derive(Clone)]
pub struct Calendar {
    tables: Arc<Tables>,
    strict: bool,
    /// The dates queries accept: the whole coverage, or in strict mode the
    /// published dates only (empty, first > last, when nothing is published).
    window_first: NaiveDate,
    window_last: NaiveDate,
    /// The working days the window holds, as ordinals into
    /// `Tables::working_dates`: `first_ordinal..end_ordinal`.
    first_ordinal: u64,
    end_ordinal: u64,
}

struct Tables {
    divisions: Vec<Division>,
    coverage: Coverage,
    /// `year_index[y - coverage.first.year()]`: the index of 1 January of
    /// year `y` in the day tables (negative for a first year that starts
    /// later than 1 January). Indexing by year and day of year spares the
    /// hot path a conversion to a day number.
    year_index: Box<[i64]>,
    /// Sorted by date, then title.
    holidays: Vec<BankHoliday>,
    /// `working_before[i]`: working days in `[first, first + i)`; one longer
    /// than the number of days covered.
    working_before: Box<[u32]>,
    /// `working_dates[k]`: the (k+1)-th working day from `first`.
    working_dates: Box<[NaiveDate]>,
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("divisions", &self.tables.divisions)
            .field("coverage", &self.tables.coverage)
            .field("strict", &self.strict)
            .field("bank_holidays", &self.tables.holidays.len())
            .finish()
    }
}

impl PartialEq for Calendar {
    /// Two calendars are equal when they cover the same dates, with the same
    /// bank holidays and the same strictness.
    fn eq(&self, other: &Calendar) -> bool {
        self.strict == other.strict
            && self.tables.divisions == other.tables.divisions
            && self.tables.coverage == other.tables.coverage
            && self.tables.holidays == other.tables.holidays
    }
}

impl Eq for Calendar {}

/// `Fri 25 Dec`, written without chrono's format-string parser (deadline
/// explanations write many dates).
pub(crate) struct ShortDate(pub(crate) NaiveDate);

/// `Fri 25 Dec 2026`.
pub(crate) struct LongDate(pub(crate) NaiveDate);

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl fmt::Display for ShortDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let date = self.0;
        write!(
            f,
            "{} {} {}",
            WEEKDAYS[date.weekday().num_days_from_monday() as usize],
            date.day(),
            MONTHS[date.month0() as usize]
        )
    }
}

impl fmt::Display for LongDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", ShortDate(self.0), self.0.year())
    }
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

impl Calendar {
    /// The calendar of a division on the embedded data.
    ///
    /// Built once, on first use, and shared after that.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let scotland = Calendar::uk(Division::Scotland);
    /// // 2 January is a bank holiday in Scotland only.
    /// let second = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
    /// assert!(!scotland.is_working_day(second)?);
    /// assert!(Calendar::uk(Division::EnglandAndWales).is_working_day(second)?);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn uk(division: Division) -> &'static Calendar {
        static CALENDARS: [OnceLock<Calendar>; 3] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        CALENDARS[division.index()].get_or_init(|| embedded(division))
    }

    /// The calendar on which a day off anywhere in the UK is not a working
    /// day: the union of the three divisions on the embedded data, for cases
    /// that cross a border.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let anywhere = Calendar::uk_union();
    /// // St Patrick's Day (Northern Ireland) and St Andrew's Day (Scotland).
    /// for (m, d) in [(3, 17), (11, 30)] {
    ///     let date = NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    ///     assert!(!anywhere.is_working_day(date)?);
    /// }
    /// assert_eq!(anywhere.divisions(), &Division::ALL);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn uk_union() -> &'static Calendar {
        static UNION: OnceLock<Calendar> = OnceLock::new();
        UNION.get_or_init(|| {
            let all: Vec<&Calendar> = Division::ALL.iter().map(|d| Calendar::uk(*d)).collect();
            // The embedded calendars share their coverage, so they always
            // combine (and the test suite builds this calendar).
            match Calendar::union(&all) {
                Ok(calendar) => calendar,
                Err(error) => unreachable!("the embedded calendars do not combine: {error}"),
            }
        })
    }

    /// A division's calendar from a document in GOV.UK's `bank-holidays.json`
    /// format, such as a newer download, so that new bank holidays need no
    /// new release of this crate.
    ///
    /// The years the document spans for the division (from its first event's
    /// year to its last's) are official; every other year from
    /// [`FIRST_PROJECTED_YEAR`] to [`LAST_PROJECTED_YEAR`] is projected from
    /// the statutory rules.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidDocument`], naming the place in the document, when
    /// it is not JSON, names an unknown division, lacks the requested
    /// division, or has an event with a missing or malformed field, an
    /// impossible date, or a date listed twice.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, DataSource, Division};
    ///
    /// let json = r#"{"scotland": {"division": "scotland", "events": [
    ///     {"title": "New Year’s Day", "date": "2030-01-01", "notes": "", "bunting": true},
    ///     {"title": "A new holiday", "date": "2030-03-04", "notes": "Extra bank holiday", "bunting": true}
    /// ]}}"#;
    /// let calendar = Calendar::from_govuk_json(json, Division::Scotland)?;
    /// let new_day = NaiveDate::from_ymd_opt(2030, 3, 4).unwrap();
    /// assert!(!calendar.is_working_day(new_day)?);
    /// assert_eq!(calendar.data_source(new_day)?, DataSource::Official);
    ///
    /// let err = Calendar::from_govuk_json(json, Division::NorthernIreland).unwrap_err();
    /// assert!(err.to_string().contains("northern-ireland"));
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn from_govuk_json(json: &str, division: Division) -> Result<Calendar, Error> {
        let mut document = govuk::parse(json)?;
        let Some(events) = document.remove(&division) else {
            let found: Vec<&str> = document.keys().map(|d| d.as_str()).collect();
            return Err(Error::document(
                division.as_str(),
                format!(
                    "the document has no events for {division} (it has {})",
                    found.join(", ")
                ),
            ));
        };
        Ok(Calendar::from_official(division, events))
    }

    /// The three divisions' calendars from one GOV.UK document, read once:
    /// all three, or the first error (a division missing is an error).
    pub(crate) fn uk_from_govuk_json(json: &str) -> Result<[Calendar; 3], Error> {
        let mut document = govuk::parse(json)?;
        let mut take = |division: Division| {
            let found: Vec<&str> = document.keys().map(|d| d.as_str()).collect();
            let found = found.join(", ");
            document
                .remove(&division)
                .map(|events| Calendar::from_official(division, events))
                .ok_or_else(|| {
                    Error::document(
                        division.as_str(),
                        format!("the document has no events for {division} (it has {found})"),
                    )
                })
        };
        Ok([
            take(Division::EnglandAndWales)?,
            take(Division::Scotland)?,
            take(Division::NorthernIreland)?,
        ])
    }

    fn from_official(division: Division, official: govuk::DivisionEvents) -> Calendar {
        let first_year = official.first_year.min(FIRST_PROJECTED_YEAR);
        let last_year = official.last_year.max(LAST_PROJECTED_YEAR);
        let mut holidays = Vec::new();
        for year in first_year..official.first_year {
            holidays.extend(rules::projected_year(division, year));
        }
        holidays.extend(official.events);
        for year in official.last_year + 1..=last_year {
            holidays.extend(rules::projected_year(division, year));
        }
        let coverage = Coverage {
            first: year_start(first_year),
            last: year_end(last_year),
            official: Some((
                year_start(official.first_year),
                year_end(official.last_year),
            )),
        };
        Calendar::from_tables(Tables::build(vec![division], coverage, holidays))
    }

    /// A calendar on which a day is a working day only when it is a working
    /// day on every one of `calendars`: a day off in any of their divisions
    /// is a day off.
    ///
    /// It covers the dates all of them cover; its official dates are those
    /// official on all of them. Holidays that several divisions share (same
    /// date, title and notes) are listed once, with every division named.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::CannotCombine`] when `calendars` is empty or their
    /// coverage does not overlap.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let border = Calendar::union(&[
    ///     Calendar::uk(Division::EnglandAndWales),
    ///     Calendar::uk(Division::Scotland),
    /// ])?;
    /// let easter_monday = NaiveDate::from_ymd_opt(2026, 4, 6).unwrap();
    /// assert!(!border.is_working_day(easter_monday)?); // England and Wales only
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn union(calendars: &[&Calendar]) -> Result<Calendar, Error> {
        let Some(head) = calendars.first() else {
            return Err(ErrorKind::CannotCombine {
                reason: "no calendars were given".to_string(),
            }
            .into());
        };
        let mut first = head.tables.coverage.first;
        let mut last = head.tables.coverage.last;
        let mut official = head.tables.coverage.official;
        let mut divisions = Vec::new();
        for calendar in calendars {
            let coverage = calendar.tables.coverage;
            first = first.max(coverage.first);
            last = last.min(coverage.last);
            official = match (official, coverage.official) {
                (Some((a, b)), Some((c, d))) if a.max(c) <= b.min(d) => Some((a.max(c), b.min(d))),
                _ => None,
            };
            divisions.extend_from_slice(&calendar.tables.divisions);
        }
        if first > last {
            return Err(ErrorKind::CannotCombine {
                reason: "the calendars cover no date in common".to_string(),
            }
            .into());
        }
        divisions.sort();
        divisions.dedup();
        let holidays = calendars
            .iter()
            .flat_map(|c| c.tables.holidays.iter())
            .filter(|h| first <= h.date && h.date <= last)
            .map(|h| {
                let mut h = h.clone();
                // A holiday inside the common official dates was published in
                // every calendar; outside them, at least one projected it.
                let in_official = official.is_some_and(|(a, b)| a <= h.date && h.date <= b);
                h.source = if in_official {
                    DataSource::Official
                } else {
                    DataSource::Projected
                };
                h
            })
            .collect();
        let coverage = Coverage {
            first,
            last,
            official,
        };
        Ok(Calendar::from_tables(Tables::build(
            divisions, coverage, holidays,
        )))
    }

    fn from_tables(tables: Tables) -> Calendar {
        let (first, last) = (tables.coverage.first, tables.coverage.last);
        Calendar::with_window(Arc::new(tables), false, first, last)
    }

    fn with_window(
        tables: Arc<Tables>,
        strict: bool,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Calendar {
        let mut calendar = Calendar {
            tables,
            strict,
            window_first: first,
            window_last: last,
            first_ordinal: 0,
            end_ordinal: 0,
        };
        if first <= last {
            if let (Ok(a), Ok(b)) = (calendar.index(first), calendar.index(last)) {
                let before = &calendar.tables.working_before;
                calendar.first_ordinal = u64::from(before[a]);
                calendar.end_ordinal = u64::from(before[b + 1]);
            }
        }
        calendar
    }

    /// The same calendar in strict mode: any date in a projected year, given
    /// or computed, is an [`ErrorKind::Projected`] error instead of an
    /// answer.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let strict = Calendar::uk(Division::EnglandAndWales).strict();
    /// let published = NaiveDate::from_ymd_opt(2028, 12, 20).unwrap();
    /// assert!(strict.is_working_day(published)?);
    /// // The answer would fall in 2029, which GOV.UK has not published yet.
    /// let err = strict.add_working_days(published, 10).unwrap_err();
    /// assert!(err.is_projected());
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn strict(&self) -> Calendar {
        let (first, last) = match self.tables.coverage.official {
            Some(official) => official,
            // No published date at all: an empty window refuses everything.
            None => (NaiveDate::MAX, NaiveDate::MIN),
        };
        Calendar::with_window(Arc::clone(&self.tables), true, first, last)
    }

    /// True for a calendar made by [`Calendar::strict`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// assert!(!calendar.is_strict());
    /// let strict = calendar.strict();
    /// assert!(strict.is_strict());
    /// // 2035 is projected: the default calendar answers, the strict one refuses.
    /// let date = NaiveDate::from_ymd_opt(2035, 6, 1).unwrap();
    /// assert!(calendar.is_working_day(date).is_ok());
    /// assert!(strict.is_working_day(date).unwrap_err().is_projected());
    /// ```
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// The divisions whose bank holidays this calendar keeps, in GOV.UK's
    /// order.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// assert_eq!(Calendar::uk(Division::Scotland).divisions(), &[Division::Scotland]);
    /// let border = Calendar::union(&[
    ///     Calendar::uk(Division::NorthernIreland),
    ///     Calendar::uk(Division::EnglandAndWales),
    /// ])?;
    /// assert_eq!(border.divisions(), &[Division::EnglandAndWales, Division::NorthernIreland]);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn divisions(&self) -> &[Division] {
        &self.tables.divisions
    }

    /// The dates this calendar covers, and which of them were published.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::NorthernIreland);
    /// let coverage = calendar.coverage();
    /// assert_eq!((coverage.first(), coverage.last()), (day(1990, 1, 1), day(2100, 12, 31)));
    /// assert_eq!(coverage.official(), Some((day(2012, 1, 1), day(2028, 12, 31))));
    /// // A strict calendar has the same coverage, and answers for the published
    /// // dates only.
    /// assert_eq!(calendar.strict().coverage(), coverage);
    /// ```
    pub fn coverage(&self) -> Coverage {
        self.tables.coverage
    }

    /// True when a day from `first` to `last` (inclusive, in either order)
    /// lies beyond the published data: a count of working days across them
    /// rests on projected bank holidays.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // The embedded data is published to the end of 2028.
    /// assert!(!calendar.crosses_projected(day(2028, 12, 20), day(2028, 12, 29)));
    /// assert!(calendar.crosses_projected(day(2028, 12, 28), day(2029, 1, 3)));
    /// ```
    pub fn crosses_projected(&self, first: NaiveDate, last: NaiveDate) -> bool {
        let (lo, hi) = if first <= last {
            (first, last)
        } else {
            (last, first)
        };
        match self.tables.coverage.official {
            Some((published_first, published_last)) => lo < published_first || hi > published_last,
            None => true,
        }
    }

    /// Whether the calendar's knowledge of `date` was published or
    /// projected.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfRange`] when the date is not covered at all (a
    /// strict calendar still answers for projected dates here).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, DataSource, Division};
    ///
    /// let calendar = Calendar::uk(Division::NorthernIreland);
    /// let date = |y| NaiveDate::from_ymd_opt(y, 7, 12).unwrap();
    /// assert_eq!(calendar.data_source(date(2027))?, DataSource::Official);
    /// assert_eq!(calendar.data_source(date(2040))?, DataSource::Projected);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn data_source(&self, date: NaiveDate) -> Result<DataSource, Error> {
        let coverage = self.tables.coverage;
        if date < coverage.first || date > coverage.last {
            return Err(self.out_of_range(date));
        }
        Ok(match coverage.official {
            Some((first, last)) if first <= date && date <= last => DataSource::Official,
            _ => DataSource::Projected,
        })
    }

    /// The index of `date` in the tables, if the calendar accepts it.
    #[inline]
    fn index(&self, date: NaiveDate) -> Result<usize, Error> {
        if date < self.window_first || date > self.window_last {
            return Err(self.refuse(date));
        }
        // In the window, so the year is in the table and the index is in
        // range.
        let year = (date.year() - self.tables.coverage.first.year()) as usize;
        Ok((self.tables.year_index[year] + i64::from(date.ordinal0())) as usize)
    }

    #[cold]
    fn refuse(&self, date: NaiveDate) -> Error {
        let coverage = self.tables.coverage;
        if date < coverage.first || date > coverage.last {
            self.out_of_range(date)
        } else {
            ErrorKind::Projected {
                date,
                published: coverage.describe_official(),
            }
            .into()
        }
    }

    fn out_of_range(&self, date: NaiveDate) -> Error {
        let coverage = self.tables.coverage;
        ErrorKind::OutOfRange {
            date,
            first: coverage.first,
            last: coverage.last,
        }
        .into()
    }

    #[cold]
    fn result_refused(
        &self,
        from: NaiveDate,
        working_days: i64,
        found: Option<NaiveDate>,
    ) -> Error {
        match found {
            // The answer exists, but a strict calendar does not accept it.
            Some(date) if self.strict => ErrorKind::Projected {
                date,
                published: self.tables.coverage.describe_official(),
            }
            .into(),
            _ => ErrorKind::ResultOutOfRange {
                from,
                working_days,
                first: self.tables.coverage.first,
                last: self.tables.coverage.last,
            }
            .into(),
        }
    }

    /// The date of the `ordinal`-th working day (0-based), if the calendar
    /// accepts it.
    #[inline]
    fn working_date(&self, ordinal: u64) -> Option<NaiveDate> {
        if ordinal < self.first_ordinal || ordinal >= self.end_ordinal {
            return None;
        }
        let ordinal = usize::try_from(ordinal).ok()?;
        self.tables.working_dates.get(ordinal).copied()
    }

    /// The date of the `ordinal`-th working day, if the tables hold it at
    /// all: for saying why an answer was refused.
    fn any_working_date(&self, ordinal: Option<u64>) -> Option<NaiveDate> {
        let ordinal = usize::try_from(ordinal?).ok()?;
        self.tables.working_dates.get(ordinal).copied()
    }

    /// True when `date` is a working day: Monday to Friday and not a bank
    /// holiday.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfRange`] for a date the calendar does not cover;
    /// [`ErrorKind::Projected`] for a projected date on a strict calendar.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let boxing_day_substitute = NaiveDate::from_ymd_opt(2026, 12, 28).unwrap();
    /// assert!(!calendar.is_working_day(boxing_day_substitute)?);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    #[inline]
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, Error> {
        let i = self.index(date)?;
        let before = &self.tables.working_before;
        Ok(before[i + 1] != before[i])
    }

    /// The `n`-th working day strictly after `date`, whatever day `date` is;
    /// `date` itself when `n` is 0.
    ///
    /// "Within 2 working days of Monday 21 December 2026" is therefore
    /// Wednesday 23 December 2026, and for every `n >= 1`,
    /// `working_days_between(date, add_working_days(date, n)?) == n`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfRange`] when `date` is not covered;
    /// [`ErrorKind::ResultOutOfRange`] when the answer would be past the last
    /// date covered; [`ErrorKind::Projected`] on a strict calendar when
    /// either is in a projected year.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let saturday = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
    /// assert_eq!(
    ///     calendar.add_working_days(saturday, 1)?,
    ///     NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()
    /// );
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    #[inline]
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, Error> {
        let i = self.index(date)?;
        if n == 0 {
            return Ok(date);
        }
        // Working days up to and including `date`, then n more (in u64, so
        // no offset overflows, whatever the width of usize).
        let ordinal = u64::from(self.tables.working_before[i + 1]) + u64::from(n) - 1;
        match self.working_date(ordinal) {
            Some(due) => Ok(due),
            None => {
                Err(self.result_refused(date, i64::from(n), self.any_working_date(Some(ordinal))))
            }
        }
    }

    /// The `n`-th working day strictly before `date`; `date` itself when `n`
    /// is 0. The inverse of [`Calendar::add_working_days`] on working days.
    ///
    /// # Errors
    ///
    /// As [`Calendar::add_working_days`], with the answer before the first
    /// date covered.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// // Five working days before a meeting on Tuesday 5 January 2027.
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let meeting = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
    /// assert_eq!(
    ///     calendar.subtract_working_days(meeting, 5)?,
    ///     NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()
    /// );
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    #[inline]
    pub fn subtract_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, Error> {
        let i = self.index(date)?;
        if n == 0 {
            return Ok(date);
        }
        // Working days strictly before `date`.
        let ordinal = u64::from(self.tables.working_before[i]).checked_sub(u64::from(n));
        match ordinal.and_then(|ordinal| self.working_date(ordinal)) {
            Some(due) => Ok(due),
            None => Err(self.result_refused(date, -i64::from(n), self.any_working_date(ordinal))),
        }
    }

    /// The first working day strictly after `date`.
    ///
    /// # Errors
    ///
    /// As [`Calendar::add_working_days`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let maundy_thursday = NaiveDate::from_ymd_opt(2026, 4, 2).unwrap();
    /// assert_eq!(
    ///     calendar.next_working_day(maundy_thursday)?,
    ///     NaiveDate::from_ymd_opt(2026, 4, 7).unwrap()
    /// );
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, Error> {
        self.add_working_days(date, 1)
    }

    /// The last working day strictly before `date`.
    ///
    /// # Errors
    ///
    /// As [`Calendar::subtract_working_days`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let easter_tuesday = NaiveDate::from_ymd_opt(2026, 4, 7).unwrap();
    /// assert_eq!(
    ///     calendar.previous_working_day(easter_tuesday)?,
    ///     NaiveDate::from_ymd_opt(2026, 4, 2).unwrap()
    /// );
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn previous_working_day(&self, date: NaiveDate) -> Result<NaiveDate, Error> {
        self.subtract_working_days(date, 1)
    }

    /// The number of working days in `(from, to]`: after `from`, up to and
    /// including `to`. Negative (the count in `(to, from]`) when `to` is
    /// before `from`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfRange`] when either date is not covered;
    /// [`ErrorKind::Projected`] on a strict calendar when either is in a
    /// projected year.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let due = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    /// let as_of = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
    /// assert_eq!(calendar.working_days_between(due, as_of)?, 1);
    /// assert_eq!(calendar.working_days_between(as_of, due)?, -1);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    #[inline]
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64, Error> {
        let a = self.index(from)?;
        let b = self.index(to)?;
        let before = &self.tables.working_before;
        Ok(i64::from(before[b + 1]) - i64::from(before[a + 1]))
    }

    /// The bank holidays on `date`: none, one, or (on a combined calendar)
    /// one per distinct holiday kept that day.
    ///
    /// # Errors
    ///
    /// As [`Calendar::is_working_day`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let anywhere = Calendar::uk_union();
    /// let date = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    /// let holidays = anywhere.bank_holidays_on(date)?;
    /// assert_eq!(holidays[0].title(), "2nd January");
    /// assert_eq!(holidays[0].divisions(), &[Division::Scotland]);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn bank_holidays_on(&self, date: NaiveDate) -> Result<&[BankHoliday], Error> {
        self.index(date)?;
        Ok(self.holidays_in(date, date))
    }

    /// The bank holiday on `date`, if there is one (the first, on a combined
    /// calendar with several).
    ///
    /// # Errors
    ///
    /// As [`Calendar::is_working_day`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::Scotland);
    /// let date = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
    /// let holiday = calendar.is_bank_holiday(date)?.expect("a bank holiday");
    /// assert!(holiday.title().contains("World Cup"));
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn is_bank_holiday(&self, date: NaiveDate) -> Result<Option<&BankHoliday>, Error> {
        Ok(self.bank_holidays_on(date)?.first())
    }

    /// The bank holidays from `first` to `last`, both included, in date
    /// order.
    ///
    /// # Errors
    ///
    /// As [`Calendar::is_working_day`], for either date.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let christmas = calendar.bank_holidays_between(
    ///     NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(),
    ///     NaiveDate::from_ymd_opt(2027, 1, 10).unwrap(),
    /// )?;
    /// let titles: Vec<&str> = christmas.iter().map(|h| h.title()).collect();
    /// assert_eq!(titles, ["Christmas Day", "Boxing Day", "New Year’s Day"]);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn bank_holidays_between(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<&[BankHoliday], Error> {
        self.index(first)?;
        self.index(last)?;
        Ok(self.holidays_in(first, last))
    }

    /// The bank holidays of one calendar year.
    ///
    /// # Errors
    ///
    /// As [`Calendar::is_working_day`], when the year is not wholly covered
    /// (or, on a strict calendar, not wholly published).
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::NorthernIreland);
    /// assert_eq!(calendar.bank_holidays_in_year(2027)?.len(), 10);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn bank_holidays_in_year(&self, year: i32) -> Result<&[BankHoliday], Error> {
        self.bank_holidays_between(year_start(year), year_end(year))
    }

    fn holidays_in(&self, first: NaiveDate, last: NaiveDate) -> &[BankHoliday] {
        let holidays = &self.tables.holidays;
        let start = holidays.partition_point(|h| h.date < first);
        let end = holidays.partition_point(|h| h.date <= last);
        &holidays[start..end.max(start)]
    }

    /// Every day that is not a working day in `(from, to]` (or `(to, from]`
    /// when `to` is before `from`), with its reasons, in date order: the days
    /// [`Calendar::working_days_between`] does not count.
    ///
    /// # Errors
    ///
    /// As [`Calendar::working_days_between`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let days = calendar.non_working_days_between(
    ///     NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(),
    ///     NaiveDate::from_ymd_opt(2026, 12, 29).unwrap(),
    /// )?;
    /// let words: Vec<String> = days.iter().map(|d| d.to_string()).collect();
    /// assert_eq!(
    ///     words,
    ///     ["Fri 25 Dec Christmas Day", "Sat 26 Dec weekend", "Sun 27 Dec weekend",
    ///      "Mon 28 Dec Boxing Day (substitute day)"]
    /// );
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn non_working_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<NonWorkingDay<'_>>, Error> {
        let a = self.index(from)?;
        let b = self.index(to)?;
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let before = &self.tables.working_before;
        let mut days = Vec::new();
        for i in low + 1..=high {
            if before[i + 1] == before[i] {
                let date = self.tables.coverage.first + chrono::Duration::days(i as i64);
                days.push(NonWorkingDay {
                    date,
                    holidays: self.holidays_in(date, date),
                });
            }
        }
        Ok(days)
    }

    /// [`Calendar::add_working_days`] with its explanation: the due date and
    /// the non-working days skipped on the way.
    ///
    /// # Errors
    ///
    /// As [`Calendar::add_working_days`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let raised = NaiveDate::from_ymd_opt(2026, 12, 23).unwrap();
    /// let deadline = calendar.explain_add_working_days(raised, 5)?;
    /// assert_eq!(
    ///     deadline.to_string(),
    ///     "Mon 4 Jan 2027, 5 working days after Wed 23 Dec 2026 (skips Fri 25 Dec \
    ///      Christmas Day, Mon 28 Dec Boxing Day (substitute day), Fri 1 Jan New Year’s Day)"
    /// );
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn explain_add_working_days(
        &self,
        from: NaiveDate,
        n: u32,
    ) -> Result<WorkingDayDeadline<'_>, Error> {
        let due = self.add_working_days(from, n)?;
        let mut skipped = self.non_working_days_between(from, due)?;
        // The due date is a working day unless n is 0 and `from` is not.
        skipped.retain(|day| day.date < due);
        Ok(WorkingDayDeadline {
            from,
            working_days: n,
            due,
            skipped,
        })
    }

    /// The calendar's published bank holidays as a GOV.UK document, one
    /// entry per division: what [`Calendar::from_govuk_json`] reads back.
    ///
    /// Projected years are left out, so reading the document back gives the
    /// same calendar.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::Scotland);
    /// let json = calendar.to_govuk_json();
    /// assert_eq!(&Calendar::from_govuk_json(&json, Division::Scotland)?, calendar);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn to_govuk_json(&self) -> String {
        let official = self.tables.coverage.official;
        govuk::write(self.tables.divisions.iter().map(|division| {
            let events = match official {
                Some((first, last)) => self
                    .holidays_in(first, last)
                    .iter()
                    .filter(|h| h.divisions.contains(division))
                    .collect(),
                None => Vec::new(),
            };
            (*division, events)
        }))
    }
}

impl Tables {
    fn build(
        divisions: Vec<Division>,
        coverage: Coverage,
        mut holidays: Vec<BankHoliday>,
    ) -> Tables {
        holidays.sort_by(|a, b| (a.date, &a.title, &a.notes).cmp(&(b.date, &b.title, &b.notes)));
        // Merge the same holiday kept by several divisions into one entry.
        let mut merged: Vec<BankHoliday> = Vec::with_capacity(holidays.len());
        for holiday in holidays {
            match merged.last_mut() {
                Some(last)
                    if last.date == holiday.date
                        && last.title == holiday.title
                        && last.notes == holiday.notes =>
                {
                    last.divisions.extend(holiday.divisions);
                    last.divisions.sort();
                    last.divisions.dedup();
                    last.bunting |= holiday.bunting;
                }
                _ => merged.push(holiday),
            }
        }
        let days = (coverage.last - coverage.first).num_days() as usize + 1;
        let mut working_before = Vec::with_capacity(days + 1);
        let mut working_dates = Vec::with_capacity(days);
        let mut next_holiday = merged.iter().map(|h| h.date).peekable();
        let mut count = 0u32;
        let mut date = coverage.first;
        working_before.push(0);
        for _ in 0..days {
            while next_holiday.next_if(|d| *d < date).is_some() {}
            let holiday = next_holiday.peek() == Some(&date);
            if !holiday && !is_weekend(date) {
                working_dates.push(date);
                count += 1;
            }
            working_before.push(count);
            date = date.succ_opt().unwrap_or(date);
        }
        let first_day = coverage.first.num_days_from_ce();
        let year_index = (coverage.first.year()..=coverage.last.year())
            .map(|year| i64::from(year_start(year).num_days_from_ce() - first_day))
            .collect();
        Tables {
            divisions,
            coverage,
            year_index,
            holidays: merged,
            working_before: working_before.into_boxed_slice(),
            working_dates: working_dates.into_boxed_slice(),
        }
    }
}

fn embedded(division: Division) -> Calendar {
    // The embedded document is checked by the test suite (every division
    // parses, and matches GOV.UK's list), so this cannot fail at runtime.
    match Calendar::from_govuk_json(EMBEDDED_GOVUK_JSON, division) {
        Ok(calendar) => calendar,
        Err(error) => unreachable!("embedded bank-holiday data is invalid: {error}"),
    }
}

#[cfg(test)]
mod tests;
