//! The calendar's error type.

use chrono::NaiveDate;

/// An error from the working-day calendar.
///
/// Every error says what was wrong and what was allowed; its message never
/// repeats a value given (the values are kept in [`Error::kind`], for the
/// caller's own use). Inspect it with [`Error::kind`] or the `is_*` methods
/// rather than by matching on messages.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
///
/// let calendar = Calendar::uk(Division::Scotland);
/// let err = calendar
///     .is_working_day(NaiveDate::from_ymd_opt(1850, 1, 1).unwrap())
///     .unwrap_err();
/// assert!(err.is_out_of_range());
/// assert!(err.to_string().contains("1990-01-01 to 2100-12-31"));
/// assert!(!err.to_string().contains("1850"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct Error {
    // Boxed so that a `Result<NaiveDate, Error>` is two words, returned in
    // registers on the hot path.
    kind: Box<ErrorKind>,
}

/// What kind of [`Error`] happened, with the values involved.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::calendar::{Calendar, Division, ErrorKind};
///
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let last = calendar.coverage().last();
/// let err = calendar.add_working_days(last, 3).unwrap_err();
/// match err.kind() {
///     ErrorKind::ResultOutOfRange { from, working_days, .. } => {
///         assert_eq!((*from, *working_days), (last, 3));
///     }
///     other => panic!("another error: {other}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A date given to the calendar lies outside the dates it covers.
    #[error("the date is outside the dates this calendar covers ({first} to {last})")]
    OutOfRange {
        /// The date that was given.
        date: NaiveDate,
        /// The first date the calendar covers.
        first: NaiveDate,
        /// The last date the calendar covers.
        last: NaiveDate,
    },
    /// The answer to a working-day calculation would lie outside the dates
    /// the calendar covers.
    #[error(
        "{working_days} working days from the date falls outside the dates this calendar covers ({first} to {last})"
    )]
    ResultOutOfRange {
        /// The date counted from.
        from: NaiveDate,
        /// The number of working days counted (negative when counting back).
        working_days: i64,
        /// The first date the calendar covers.
        first: NaiveDate,
        /// The last date the calendar covers.
        last: NaiveDate,
    },
    /// A strict calendar met a date in a year whose bank holidays were
    /// projected from the statutory rules rather than published.
    #[error(
        "the date is in a year whose bank holidays are projected, not published ({published}); a strict calendar refuses it"
    )]
    Projected {
        /// The date in a projected year (given, or computed).
        date: NaiveDate,
        /// The published dates, in words.
        published: String,
    },
    /// A bank-holiday document could not be read.
    #[error("invalid bank-holiday document at {path}: {problem}")]
    InvalidDocument {
        /// Where in the document: `scotland.events[3].date`, or `(document)`.
        path: String,
        /// What is wrong there (never the value found).
        problem: String,
    },
    /// A division name that is not one of the three UK divisions.
    #[error(
        "unknown division: expected \"england-and-wales\", \"scotland\" or \"northern-ireland\""
    )]
    UnknownDivision {
        /// The name that was given.
        name: String,
    },
    /// Calendars that cannot be combined into one.
    #[error("cannot combine calendars: {reason}")]
    CannotCombine {
        /// Why not.
        reason: String,
    },
}

impl Error {
    /// What kind of error this is, with the values involved.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division, ErrorKind};
    ///
    /// let calendar = Calendar::uk(Division::Scotland);
    /// let date = NaiveDate::from_ymd_opt(1850, 1, 1).unwrap();
    /// let err = calendar.is_working_day(date).unwrap_err();
    /// // The message leaves the date out; the kind keeps it for the caller.
    /// assert!(!err.to_string().contains("1850"));
    /// assert!(matches!(err.kind(), ErrorKind::OutOfRange { date: d, .. } if *d == date));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// True when a date, given or computed, lies outside the dates the
    /// calendar covers.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let calendar = Calendar::uk(Division::NorthernIreland);
    /// let first = calendar.coverage().first();
    /// // A date given outside the coverage, or an answer that would be.
    /// assert!(calendar.is_working_day(first.pred_opt().unwrap()).unwrap_err().is_out_of_range());
    /// assert!(calendar.subtract_working_days(first, 1).unwrap_err().is_out_of_range());
    /// ```
    pub fn is_out_of_range(&self) -> bool {
        matches!(
            *self.kind,
            ErrorKind::OutOfRange { .. } | ErrorKind::ResultOutOfRange { .. }
        )
    }

    /// True when a strict calendar refused a date in a projected year.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let strict = Calendar::uk(Division::EnglandAndWales).strict();
    /// let date = NaiveDate::from_ymd_opt(2029, 1, 2).unwrap();
    /// let err = strict.is_working_day(date).unwrap_err();
    /// assert!(err.is_projected() && !err.is_out_of_range());
    /// ```
    pub fn is_projected(&self) -> bool {
        matches!(*self.kind, ErrorKind::Projected { .. })
    }

    /// True when a bank-holiday document could not be read.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    ///
    /// let err = Calendar::from_govuk_json("not JSON", Division::Scotland).unwrap_err();
    /// assert!(err.is_invalid_document());
    /// // An impossible date: the message names the place, not the text found there.
    /// let json = r#"{"scotland": {"division": "scotland", "events": [
    ///     {"title": "A holiday", "date": "2030-02-30", "notes": "", "bunting": true}
    /// ]}}"#;
    /// let err = Calendar::from_govuk_json(json, Division::Scotland).unwrap_err();
    /// assert!(err.is_invalid_document());
    /// assert!(err.to_string().contains("scotland.events[0].date"));
    /// assert!(!err.to_string().contains("2030-02-30"));
    /// ```
    pub fn is_invalid_document(&self) -> bool {
        matches!(*self.kind, ErrorKind::InvalidDocument { .. })
    }

    /// True when a division name was not recognised.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::calendar::Division;
    ///
    /// // GOV.UK's names are lower case.
    /// let err = "Scotland".parse::<Division>().unwrap_err();
    /// assert!(err.is_unknown_division());
    /// assert!(err.to_string().contains("\"scotland\""));
    /// ```
    pub fn is_unknown_division(&self) -> bool {
        matches!(*self.kind, ErrorKind::UnknownDivision { .. })
    }

    pub(crate) fn document(path: impl Into<String>, problem: impl Into<String>) -> Error {
        ErrorKind::InvalidDocument {
            path: path.into(),
            problem: problem.into(),
        }
        .into()
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error {
            kind: Box::new(kind),
        }
    }
}
