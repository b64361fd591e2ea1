//! Bank holidays, and the dates a calendar covers.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Division, ShortDate};

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
    pub(super) date: NaiveDate,
    pub(super) title: String,
    pub(super) notes: String,
    pub(super) bunting: bool,
    pub(super) divisions: Vec<Division>,
    pub(super) source: DataSource,
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
    /// combined calendar, see [`Calendar::union`](super::Calendar::union)).
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
    pub(super) first: NaiveDate,
    pub(super) last: NaiveDate,
    pub(super) official: Option<(NaiveDate, NaiveDate)>,
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

    pub(super) fn describe_official(&self) -> String {
        match self.official {
            Some((first, last)) => format!("published dates run from {first} to {last}"),
            None => "this calendar has no published dates".to_string(),
        }
    }
}
