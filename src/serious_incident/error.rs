//! The serious-incident error type. Its messages name places (`events[2]`,
//! `events[4].publish_on`) and what was expected, never a value the caller
//! sent: not a date, not a time, not a word of free text.

use super::table::IncidentEventType;
use crate::calendar;

/// An error from evaluating a serious incident: what was wrong, where, and
/// what was allowed.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::serious_incident::{self as si, IncidentEvent};
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let events = [IncidentEvent::aware(day(1)), IncidentEvent::rapid_review_completed(day(2))];
/// let err = si::evaluate(Calendar::uk(Division::EnglandAndWales), si::Config::default(), &events, day(3))
///     .unwrap_err();
/// assert_eq!(err.code(), "invalid_transition");
/// assert_eq!(err.event_index(), Some(1));
/// assert!(err.to_string().ends_with("allowed now: notified"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct Error {
    kind: Box<ErrorKind>,
    event_index: Option<usize>,
}

/// What kind of [`Error`] happened.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::serious_incident::{
///     self as si, ErrorKind, IncidentEvent, IncidentEventType,
/// };
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let events = [IncidentEvent::aware(day(1)), IncidentEvent::rapid_review_completed(day(2))];
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let err = si::evaluate(calendar, si::Config::default(), &events, day(3)).unwrap_err();
/// match err.kind() {
///     ErrorKind::InvalidTransition { index, event, allowed, .. } => {
///         assert_eq!((*index, *event), (1, IncidentEventType::RapidReviewCompleted));
///         assert_eq!(allowed, &[IncidentEventType::Notified]);
///     }
///     other => panic!("another error: {other}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A field is missing or has a value that is not accepted.
    #[error("{field}: {expected}")]
    InvalidField {
        /// Where: `events[2].outcome`, `as_of`.
        field: String,
        /// What was expected there (never the value found).
        expected: String,
    },
    /// An event is dated before the one before it.
    #[error(
        "events[{index}] is dated before events[{}]: events must be in the order they happened",
        index - 1
    )]
    EventsOutOfOrder {
        /// The event out of order (at least 1).
        index: usize,
    },
    /// An event that section 9 does not allow at that point.
    #[error("events[{index}] ({}): {problem}; allowed now: {}", event.as_str(), list(allowed))]
    InvalidTransition {
        /// The event.
        index: usize,
        /// Its kind.
        event: IncidentEventType,
        /// Why it is not allowed.
        problem: String,
        /// The events that were allowed instead.
        allowed: Vec<IncidentEventType>,
    },
    /// A date, or a deadline counted from one, outside the calendar.
    #[error("{place}: {}", out_of_range(source))]
    OutOfCalendarRange {
        /// Where: `events[0].on`, `as_of`, or the clock counted from an event.
        place: String,
        /// The calendar's error (it holds the date; read it from here, not
        /// from the message).
        source: calendar::Error,
    },
}

fn list(allowed: &[IncidentEventType]) -> String {
    if allowed.is_empty() {
        "none (the case has ended)".to_string()
    } else {
        allowed
            .iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The calendar's reason in words that hold only the calendar's own dates.
fn out_of_range(source: &calendar::Error) -> String {
    match source.kind() {
        calendar::ErrorKind::OutOfRange { first, last, .. }
        | calendar::ErrorKind::ResultOutOfRange { first, last, .. } => {
            format!("outside the dates the calendar covers ({first} to {last})")
        }
        _ => "a date the calendar cannot answer for (a strict calendar refuses projected years)"
            .to_string(),
    }
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, event_index: Option<usize>) -> Error {
        Error {
            kind: Box::new(kind),
            event_index,
        }
    }

    pub(crate) fn field(
        field: impl Into<String>,
        expected: impl Into<String>,
        event_index: Option<usize>,
    ) -> Error {
        Error::new(
            ErrorKind::InvalidField {
                field: field.into(),
                expected: expected.into(),
            },
            event_index,
        )
    }

    pub(crate) fn calendar(
        place: impl Into<String>,
        source: calendar::Error,
        event_index: Option<usize>,
    ) -> Error {
        Error::new(
            ErrorKind::OutOfCalendarRange {
                place: place.into(),
                source,
            },
            event_index,
        )
    }

    /// What kind of error this is.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{self as si, ErrorKind, IncidentEvent};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// // Notified the day before becoming aware.
    /// let events = [IncidentEvent::aware(day(2)), IncidentEvent::notified(day(1))];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let err = si::evaluate(calendar, si::Config::default(), &events, day(3)).unwrap_err();
    /// assert_eq!(err.kind(), &ErrorKind::EventsOutOfOrder { index: 1 });
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The event to blame, when one is.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{self as si, IncidentEvent};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let events = [IncidentEvent::aware(day(2)), IncidentEvent::notified(day(1))];
    /// let err = si::evaluate(calendar, si::Config::default(), &events, day(3)).unwrap_err();
    /// assert_eq!(err.event_index(), Some(1));
    /// // No events at all: no event to blame.
    /// let err = si::evaluate(calendar, si::Config::default(), &[], day(3)).unwrap_err();
    /// assert_eq!(err.event_index(), None);
    /// ```
    pub fn event_index(&self) -> Option<usize> {
        self.event_index
    }

    /// The JSON error code: `invalid_field`, `events_out_of_order`,
    /// `invalid_transition` or `out_of_calendar_range`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{self as si, IncidentEvent};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let code = |events: &[IncidentEvent], as_of| {
    ///     let result = si::evaluate(calendar, si::Config::default(), events, as_of);
    ///     result.map(|_| ()).unwrap_err().code()
    /// };
    /// let (feb_1, feb_2) = (day(2027, 2, 1), day(2027, 2, 2));
    /// assert_eq!(code(&[], feb_1), "invalid_field");
    /// let backwards = [IncidentEvent::aware(feb_2), IncidentEvent::notified(feb_1)];
    /// assert_eq!(code(&backwards, feb_2), "events_out_of_order");
    /// assert_eq!(code(&[IncidentEvent::notified(feb_1)], feb_1), "invalid_transition");
    /// // Before 1990, the first year the calendars cover.
    /// let before = day(1989, 12, 1);
    /// assert_eq!(code(&[IncidentEvent::aware(before)], before), "out_of_calendar_range");
    /// ```
    pub fn code(&self) -> &'static str {
        match *self.kind {
            ErrorKind::InvalidField { .. } => "invalid_field",
            ErrorKind::EventsOutOfOrder { .. } => "events_out_of_order",
            ErrorKind::InvalidTransition { .. } => "invalid_transition",
            ErrorKind::OutOfCalendarRange { .. } => "out_of_calendar_range",
        }
    }

    /// True for an event section 9 does not allow at that point.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{self as si, IncidentEvent};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// // A serious incident's log starts with the local authority becoming aware.
    /// let events = [IncidentEvent::notified(day(1))];
    /// let err = si::evaluate(calendar, si::Config::default(), &events, day(1)).unwrap_err();
    /// assert!(err.is_invalid_transition());
    /// ```
    pub fn is_invalid_transition(&self) -> bool {
        matches!(*self.kind, ErrorKind::InvalidTransition { .. })
    }
}
