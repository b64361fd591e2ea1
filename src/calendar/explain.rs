//! Deadlines explained: the bank holidays and weekends a count of working days skipped.

use std::fmt;

use chrono::NaiveDate;

use super::{
    BankHoliday, Calendar, Error, LongDate, ShortDate, govuk, is_weekend, year_end, year_start,
};

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

impl Calendar {
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

    pub(super) fn holidays_in(&self, first: NaiveDate, last: NaiveDate) -> &[BankHoliday] {
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
