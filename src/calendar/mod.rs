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

mod division;
mod error;
mod explain;
mod govuk;
mod holiday;
mod rules;
mod tables;
pub(crate) mod uk_time;
mod working_days;

use std::fmt;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate, Weekday};

pub use division::Division;
pub use error::{Error, ErrorKind};
pub use explain::{NonWorkingDay, WorkingDayDeadline};
pub(crate) use govuk::parse_iso_date;
pub use holiday::{BankHoliday, Coverage, DataSource};

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
