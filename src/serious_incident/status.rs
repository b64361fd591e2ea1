//! The status of a serious incident at a date: its clocks, duties and what may happen next.

use super::Config;
use super::table::ClockName;
use super::table::Count;
use super::table::IncidentEventType;
use super::table::Phase;
use super::table::ReviewOutcome;
use super::table::SentDocument;
use crate::calendar::Calendar;
use crate::calendar::NonWorkingDay;
use crate::terms::Clause;
use crate::terms::Due;
use crate::terms::ObligationStatus;
use crate::terms::Warning;
use chrono::NaiveDate;

/// How a clock's due date was counted, on the request's calendar.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::serious_incident::{
///     self as si, ClockName, Count, Counted, IncidentEvent,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
/// let events = [IncidentEvent::aware(day(2, 1)), IncidentEvent::notified(day(2, 3))];
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let status = si::evaluate(calendar, si::Config::default(), &events, day(2, 3))?;
/// let counted = |name| status.clock(name).and_then(|c| c.counted);
/// assert_eq!(
///     counted(ClockName::Notification),
///     Some(Counted { from: day(2, 1), count: Count::WorkingDaysAfter(5) })
/// );
/// assert_eq!(
///     counted(ClockName::RapidReview),
///     Some(Counted { from: day(2, 3), count: Count::DaysAfter(15) })
/// );
/// # Ok::<(), si::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Counted {
    /// The day counted from (for the report, the day of publication).
    pub from: NaiveDate,
    /// How.
    pub count: Count,
}

impl Counted {
    /// The non-working days the count stepped over, strictly between the
    /// day counted from and the due date (none for calendar days, which
    /// count every day).
    ///
    /// # Errors
    ///
    /// A calendar error when a date is outside the calendar (it cannot be,
    /// for a clock the same calendar counted).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{self as si, ClockName, IncidentEvent};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let events = [
    ///     IncidentEvent::aware(day(2026, 12, 23)),
    ///     IncidentEvent::notified(day(2027, 1, 4)),
    /// ];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(2027, 1, 4))?;
    /// // Wednesday 23 December 2026 to Monday 4 January 2027: five working days,
    /// // over Christmas, two weekends and New Year's Day.
    /// let notification = status.clock(ClockName::Notification).unwrap();
    /// let due = notification.due.date().unwrap();
    /// let skipped = notification.counted.unwrap().skipped(due, calendar)?;
    /// let skipped: Vec<String> = skipped.iter().map(|d| d.to_string()).collect();
    /// assert_eq!(skipped, [
    ///     "Fri 25 Dec Christmas Day",
    ///     "Sat 26 Dec weekend",
    ///     "Sun 27 Dec weekend",
    ///     "Mon 28 Dec Boxing Day (substitute day)",
    ///     "Fri 1 Jan New Year’s Day",
    ///     "Sat 2 Jan weekend",
    ///     "Sun 3 Jan weekend",
    /// ]);
    /// // The rapid review's 15 calendar days step over nothing.
    /// let review = status.clock(ClockName::RapidReview).unwrap();
    /// let due = review.due.date().unwrap();
    /// assert!(review.counted.unwrap().skipped(due, calendar)?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn skipped<'c>(
        &self,
        due: NaiveDate,
        calendar: &'c Calendar,
    ) -> Result<Vec<NonWorkingDay<'c>>, crate::calendar::Error> {
        match self.count {
            Count::DaysAfter(_) => Ok(Vec::new()),
            Count::WorkingDaysAfter(_) => {
                let mut days = calendar.non_working_days_between(self.from, due)?;
                days.retain(|d| d.date() < due);
                Ok(days)
            }
            Count::WorkingDaysBefore(_) => {
                let mut days = calendar.non_working_days_between(due, self.from)?;
                days.retain(|d| d.date() < self.from);
                Ok(days)
            }
        }
    }
}

/// A statutory clock at the date of evaluation.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::serious_incident::{self as si, ClockName, IncidentEvent};
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// // Aware on Monday 1 February 2027; not notified by Thursday 11 February.
/// let events = [IncidentEvent::aware(day(1))];
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let status = si::evaluate(calendar, si::Config::default(), &events, day(11))?;
/// let clock = status.clock(ClockName::Notification).unwrap();
/// assert_eq!(clock.due.date(), Some(day(8)));
/// assert_eq!((clock.met_on, clock.met_in_time), (None, None));
/// // Overdue by Tuesday 9, Wednesday 10 and Thursday 11 February.
/// assert!(clock.overdue);
/// assert_eq!(clock.working_days_overdue, 3);
/// assert!(clock.clause.place.ends_with("s.9.1"));
/// # Ok::<(), si::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClockStatus {
    /// Which clock.
    pub name: ClockName,
    /// What is to be done.
    pub what: &'static str,
    /// When: `by_end_of` a date, or `none` while the day it counts from is
    /// not known (or, for a notification, before the duty began).
    pub due: Due,
    /// How the date was counted, when there is one.
    pub counted: Option<Counted>,
    /// The day the act was recorded, if it has been.
    pub met_on: Option<NaiveDate>,
    /// Whether it was met by its due date (none while unmet or undated).
    pub met_in_time: Option<bool>,
    /// Working days from the due date to the day it was met, when late.
    pub working_days_late: i64,
    /// Not met, and the due date has passed (the due day itself is in time).
    pub overdue: bool,
    /// `working_days_between(due, as_of)` when overdue, else 0.
    pub working_days_overdue: i64,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// The status of a serious incident at a date: a pure function of the
/// configuration, the calendar, the events and the date.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::serious_incident::{
///     self as si, IncidentEvent, IncidentEventType, Phase,
/// };
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let events = [
///     IncidentEvent::aware(day(2026, 12, 23)),
///     IncidentEvent::notified(day(2027, 1, 4)),
/// ];
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let status = si::evaluate(calendar, si::Config::default(), &events, day(2027, 1, 12))?;
/// assert_eq!(status.phase, Phase::Notified);
/// assert_eq!(status.phase.status(), "rapid_review_under_way");
/// assert_eq!((status.aware_on, status.notified_on), (day(2026, 12, 23), Some(day(2027, 1, 4))));
/// assert!(!status.overdue);
/// assert_eq!(status.next, [IncidentEventType::RapidReviewCompleted]);
/// // The notification was done; the rapid review is owed.
/// let duties: Vec<(&str, bool)> =
///     status.obligations.iter().map(|o| (o.id.as_str(), o.is_pending())).collect();
/// assert_eq!(duties, [("notify_panel", false), ("rapid_review", true)]);
/// # Ok::<(), si::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct IncidentStatus {
    /// The readings applied.
    pub config: Config,
    /// The date of evaluation.
    pub as_of: NaiveDate,
    /// Where the case stands.
    pub phase: Phase,
    /// The clocks: `notification` and `rapid_review` always, and
    /// `report_to_panel_and_dfe` once a publication date is planned (or
    /// the report published).
    pub clocks: Vec<ClockStatus>,
    /// True when any clock is overdue.
    pub overdue: bool,
    /// The duties that have arisen, done or not, in the order they arose.
    pub obligations: Vec<ObligationStatus>,
    /// The events allowed next.
    pub next: Vec<IncidentEventType>,
    /// Things to know that do not stop the case.
    pub warnings: Vec<Warning>,
    /// The day the local authority became aware.
    pub aware_on: NaiveDate,
    /// The day the Panel was notified.
    pub notified_on: Option<NaiveDate>,
    /// The day the rapid review was completed.
    pub rapid_review_completed_on: Option<NaiveDate>,
    /// The GSCP Executive's decision and its day.
    pub decision: Option<(ReviewOutcome, NaiveDate)>,
    /// The publication date last planned.
    pub publish_on: Option<NaiveDate>,
    /// What went to the National Panel and the DfE, and when.
    pub sent: Option<(SentDocument, NaiveDate)>,
    /// The day the report was published.
    pub published_on: Option<NaiveDate>,
    /// The day the section 9 process ended, if it has.
    pub ended_on: Option<NaiveDate>,
}

impl IncidentStatus {
    /// The clock with this name, if it is running or has run.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{self as si, ClockName, IncidentEvent};
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    /// let events = [IncidentEvent::aware(day(2, 1))];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(2, 1))?;
    /// assert_eq!(status.clock(ClockName::Notification).unwrap().due.date(), Some(day(2, 8)));
    /// // The rapid review's clock is listed, undated until the notification...
    /// assert_eq!(status.clock(ClockName::RapidReview).unwrap().due.date(), None);
    /// // ...and the report's clock only once a publication date is planned.
    /// assert!(status.clock(ClockName::ReportToPanelAndDfe).is_none());
    /// # Ok::<(), si::Error>(())
    /// ```
    pub fn clock(&self, name: ClockName) -> Option<&ClockStatus> {
        self.clocks.iter().find(|c| c.name == name)
    }

    /// The obligations not yet done.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{self as si, IncidentEvent};
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    /// let events = [
    ///     IncidentEvent::aware(day(1, 4)),
    ///     IncidentEvent::notified(day(1, 7)),
    ///     IncidentEvent::rapid_review_completed(day(1, 20)),
    /// ];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(1, 20))?;
    /// // The GSCP Executive's decision is owed, with no time stated.
    /// let pending: Vec<&str> = status.pending_obligations().map(|o| o.id.as_str()).collect();
    /// assert_eq!(pending, ["review_decision"]);
    /// assert_eq!(status.obligations.len(), 3);
    /// # Ok::<(), si::Error>(())
    /// ```
    pub fn pending_obligations(&self) -> impl Iterator<Item = &ObligationStatus> {
        self.obligations.iter().filter(|o| o.is_pending())
    }

    /// The clocks not yet met that have a due date: what a work tray shows.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{self as si, ClockName, IncidentEvent};
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let open = |events: &[IncidentEvent], as_of| -> Result<Vec<ClockName>, si::Error> {
    ///     let status = si::evaluate(calendar, si::Config::default(), events, as_of)?;
    ///     Ok(status.open_clocks().map(|c| c.name).collect())
    /// };
    /// let aware = IncidentEvent::aware(day(2, 1));
    /// assert_eq!(open(&[aware], day(2, 1))?, [ClockName::Notification]);
    /// // Once notified, the notification is met and the rapid review's clock runs.
    /// let notified = IncidentEvent::notified(day(2, 3));
    /// assert_eq!(open(&[aware, notified], day(2, 3))?, [ClockName::RapidReview]);
    /// # Ok::<(), si::Error>(())
    /// ```
    pub fn open_clocks(&self) -> impl Iterator<Item = &ClockStatus> {
        self.clocks
            .iter()
            .filter(|c| c.met_on.is_none() && c.due.date().is_some())
    }
}
