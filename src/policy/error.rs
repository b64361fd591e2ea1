//! The policy engine's error type.

use chrono::NaiveDate;

use super::{EventType, When};
use crate::calendar;

/// An error from evaluating a case: what was wrong, where (which event,
/// which field) and what was allowed. Its message never repeats a value
/// given; the values are kept in [`Error::kind`] for the caller's own use.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
/// let events = [Event::raised(day(1), Raised::new()), Event::decided(day(2))];
/// let err = Policy::get(PolicyId::SwindonResolution2026)
///     .evaluate(Calendar::uk(Division::EnglandAndWales), &events, day(3))
///     .unwrap_err();
/// assert_eq!(err.code(), "invalid_transition");
/// assert_eq!(err.event_index(), Some(1));
/// assert!(err.to_string().contains("allowed now: escalated, resolved, withdrawn"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: Box<ErrorKind>,
    event_index: Option<usize>,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.kind.fmt(f)
    }
}

/// The source is the kind's: for [`ErrorKind::OutOfCalendarRange`], the
/// calendar's [`calendar::Error`], whose [`calendar::Error::kind`] says
/// which date and which coverage.
impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&*self.kind)
    }
}

/// What kind of [`Error`] happened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A field is missing or has a value the policy does not accept.
    #[error("{field}: {problem}")]
    InvalidField {
        /// Where: `events[2].to_stage`, `as_of`.
        field: String,
        /// What is wrong and what is allowed (never the value found).
        problem: String,
    },
    /// An event is dated before the one before it.
    #[error(
        "events[{index}] is dated before events[{previous_index}]: events must be in the order they happened"
    )]
    EventsOutOfOrder {
        /// The event out of order.
        index: usize,
        /// Its date.
        on: When,
        /// The event before it.
        previous_index: usize,
        /// That event's date.
        previous: When,
    },
    /// An event the policy does not allow at that point.
    #[error("events[{index}] ({event}): {problem}; allowed now: {}", list(allowed))]
    InvalidTransition {
        /// The event.
        index: usize,
        /// Its kind.
        event: EventType,
        /// Its date.
        on: NaiveDate,
        /// Why it is not allowed.
        problem: String,
        /// The events that were allowed instead.
        allowed: Vec<EventType>,
    },
    /// A referral event the Resolution Group lifecycle does not allow at
    /// that point.
    #[error(
        "events[{index}] ({event}): {problem}; allowed now: {}",
        names(allowed)
    )]
    InvalidReferralTransition {
        /// The event.
        index: usize,
        /// Its kind, as named in JSON.
        event: &'static str,
        /// Its date.
        on: NaiveDate,
        /// Why it is not allowed.
        problem: String,
        /// The events that were allowed instead, as named in JSON.
        allowed: Vec<&'static str>,
    },
    /// A date outside the calendar's coverage.
    #[error("{source}")]
    OutOfCalendarRange {
        /// The calendar's error.
        source: calendar::Error,
    },
    /// The case passes a documented limit of [`crate::limits`], such as
    /// [`MAX_CASE_OBLIGATIONS`](crate::limits::MAX_CASE_OBLIGATIONS).
    #[error("{field}: {problem}")]
    LimitExceeded {
        /// Where: the event that would pass the limit.
        field: String,
        /// The limit, named by its constant and number (never a value).
        problem: String,
    },
}

fn names(allowed: &[&str]) -> String {
    if allowed.is_empty() {
        "none (the referral has ended)".to_string()
    } else {
        allowed.join(", ")
    }
}

fn list(allowed: &[EventType]) -> String {
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

impl Error {
    pub(crate) fn new(kind: ErrorKind, event_index: Option<usize>) -> Error {
        Error {
            kind: Box::new(kind),
            event_index,
        }
    }

    pub(crate) fn field(
        field: impl Into<String>,
        problem: impl Into<String>,
        event_index: Option<usize>,
    ) -> Error {
        Error::new(
            ErrorKind::InvalidField {
                field: field.into(),
                problem: problem.into(),
            },
            event_index,
        )
    }

    pub(crate) fn calendar(source: calendar::Error, event_index: Option<usize>) -> Error {
        Error::new(ErrorKind::OutOfCalendarRange { source }, event_index)
    }

    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The event to blame, when one is.
    pub fn event_index(&self) -> Option<usize> {
        self.event_index
    }

    /// The JSON error code: `invalid_field`, `events_out_of_order`,
    /// `invalid_transition`, `out_of_calendar_range` or `limit_exceeded`.
    pub fn code(&self) -> &'static str {
        match *self.kind {
            ErrorKind::InvalidField { .. } => "invalid_field",
            ErrorKind::EventsOutOfOrder { .. } => "events_out_of_order",
            ErrorKind::InvalidTransition { .. } | ErrorKind::InvalidReferralTransition { .. } => {
                "invalid_transition"
            }
            ErrorKind::OutOfCalendarRange { .. } => "out_of_calendar_range",
            ErrorKind::LimitExceeded { .. } => "limit_exceeded",
        }
    }

    /// True for an event the policy does not allow.
    pub fn is_invalid_transition(&self) -> bool {
        matches!(
            *self.kind,
            ErrorKind::InvalidTransition { .. } | ErrorKind::InvalidReferralTransition { .. }
        )
    }
}
