//! Working-day arithmetic on a calendar's tables: each answer a pair of array reads.

use chrono::{Datelike, NaiveDate};

use super::{Calendar, Coverage, DataSource, Error, ErrorKind};

impl Calendar {
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
    pub(super) fn index(&self, date: NaiveDate) -> Result<usize, Error> {
        if date < self.window_first || date > self.window_last {
            return Err(self.refuse(date));
        }
        // In the window, so the year is in the table and the index is in
        // range.
        let year = (date.year() - self.tables.coverage.first.year()) as usize;
        Ok((self.tables.year_index[year] + i64::from(date.ordinal0())) as usize)
    }

    #[cold]
    pub(super) fn refuse(&self, date: NaiveDate) -> Error {
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

    pub(super) fn out_of_range(&self, date: NaiveDate) -> Error {
        let coverage = self.tables.coverage;
        ErrorKind::OutOfRange {
            date,
            first: coverage.first,
            last: coverage.last,
        }
        .into()
    }

    #[cold]
    pub(super) fn result_refused(
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
    pub(super) fn working_date(&self, ordinal: u64) -> Option<NaiveDate> {
        if ordinal < self.first_ordinal || ordinal >= self.end_ordinal {
            return None;
        }
        let ordinal = usize::try_from(ordinal).ok()?;
        self.tables.working_dates.get(ordinal).copied()
    }

    /// The date of the `ordinal`-th working day, if the tables hold it at
    /// all: for saying why an answer was refused.
    pub(super) fn any_working_date(&self, ordinal: Option<u64>) -> Option<NaiveDate> {
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
}
