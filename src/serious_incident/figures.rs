//! The figures a partnership reports of its serious incidents.

use super::IncidentStatus;
use super::table::ClockName;
use super::table::Phase;
use crate::calendar::Calendar;

/// The figures of one serious incident that a partnership reports: whether
/// each clock was kept.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::serious_incident::{
///     self as si, ClockName, IncidentEvent, IncidentFigures, Phase,
/// };
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let events = [
///     IncidentEvent::aware(day(2026, 12, 23)),
///     IncidentEvent::notified(day(2027, 1, 4)),
/// ];
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let status = si::evaluate(calendar, si::Config::default(), &events, day(2027, 1, 12))?;
/// let figures = IncidentFigures::of(&status, calendar)?;
/// assert_eq!(figures.phase, Phase::Notified);
/// // Notified on the fifth working day, in time; the rapid review still running.
/// assert_eq!(figures.working_days_to_notify, Some(5));
/// assert_eq!(
///     figures.clocks,
///     [(ClockName::Notification, Some(true)), (ClockName::RapidReview, None)]
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct IncidentFigures {
    /// Where it stands.
    pub phase: Phase,
    /// Per clock that has a due date: met in time (`Some(true)`), met late
    /// or overdue (`Some(false)`), or still running (`None`).
    pub clocks: Vec<(ClockName, Option<bool>)>,
    /// Working days from becoming aware to the notification, once made.
    pub working_days_to_notify: Option<i64>,
}

impl IncidentFigures {
    /// The figures of an incident from its status.
    ///
    /// # Errors
    ///
    /// A calendar error if the incident's dates are outside the calendar
    /// (they cannot be, for a status the same calendar produced).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{self as si, ClockName, IncidentEvent, IncidentFigures};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let events = [IncidentEvent::aware(day(1)), IncidentEvent::notified(day(10))];
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(10))?;
    /// let figures = IncidentFigures::of(&status, calendar)?;
    /// assert_eq!(figures.working_days_to_notify, Some(7));
    /// assert_eq!(figures.clocks[0], (ClockName::Notification, Some(false)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(
        status: &IncidentStatus,
        calendar: &Calendar,
    ) -> Result<IncidentFigures, crate::calendar::Error> {
        let working_days_to_notify = match status.notified_on {
            Some(on) => Some(calendar.working_days_between(status.aware_on, on)?),
            None => None,
        };
        let clocks = status
            .clocks
            .iter()
            .filter(|c| c.due.date().is_some())
            .map(|c| {
                let kept = match c.met_in_time {
                    Some(kept) => Some(kept),
                    None if c.overdue => Some(false),
                    None => None,
                };
                (c.name, kept)
            })
            .collect();
        Ok(IncidentFigures {
            phase: status.phase,
            clocks,
            working_days_to_notify,
        })
    }
}

/// Serious-incident figures summed over many incidents.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::serious_incident::{
///     self as si, IncidentEvent, IncidentFigures, IncidentSummary,
/// };
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let incidents = [
///     // Notified on the fifth working day over Christmas: in time.
///     (day(2026, 12, 23), day(2027, 1, 4)),
///     // Notified on the seventh working day: late.
///     (day(2027, 2, 1), day(2027, 2, 10)),
/// ];
/// let mut summary = IncidentSummary::default();
/// for (aware, notified) in incidents {
///     let events = [IncidentEvent::aware(aware), IncidentEvent::notified(notified)];
///     let status = si::evaluate(calendar, si::Config::default(), &events, notified)?;
///     summary.add(&IncidentFigures::of(&status, calendar)?);
/// }
/// assert_eq!((summary.incidents, summary.notified), (2, 2));
/// assert_eq!(summary.by_status["rapid_review_under_way"], 2);
/// assert_eq!(summary.clocks["notification"], (1, 1)); // (kept, missed)
/// assert_eq!(summary.mean_working_days_to_notify(), Some(6.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct IncidentSummary {
    /// Incidents counted.
    pub incidents: usize,
    /// Incidents by status (`awaiting_notification`, `published`, ...).
    pub by_status: std::collections::BTreeMap<&'static str, usize>,
    /// Per clock name: (kept, missed or overdue).
    pub clocks: std::collections::BTreeMap<&'static str, (usize, usize)>,
    /// Working days from awareness to notification, summed over the
    /// incidents notified.
    pub working_days_to_notify: i64,
    /// Incidents notified.
    pub notified: usize,
}

impl IncidentSummary {
    /// Adds one incident's figures.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{
    ///     self as si, IncidentEvent, IncidentFigures, IncidentSummary,
    /// };
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// // Aware on Monday 1 February 2027 and not notified by Thursday 11.
    /// let events = [IncidentEvent::aware(day(1))];
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(11))?;
    /// let mut summary = IncidentSummary::default();
    /// summary.add(&IncidentFigures::of(&status, calendar)?);
    /// assert_eq!(summary.by_status["awaiting_notification"], 1);
    /// assert_eq!(summary.clocks["notification"], (0, 1)); // overdue counts as missed
    /// assert_eq!(summary.notified, 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, figures: &IncidentFigures) {
        self.incidents += 1;
        *self.by_status.entry(figures.phase.status()).or_default() += 1;
        for (name, kept) in &figures.clocks {
            let entry = self.clocks.entry(name.as_str()).or_default();
            match kept {
                Some(true) => entry.0 += 1,
                Some(false) => entry.1 += 1,
                None => {}
            }
        }
        if let Some(days) = figures.working_days_to_notify {
            self.notified += 1;
            self.working_days_to_notify += days;
        }
    }

    /// The mean working days from awareness to notification.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{
    ///     self as si, IncidentEvent, IncidentFigures, IncidentSummary,
    /// };
    ///
    /// let mut summary = IncidentSummary::default();
    /// assert_eq!(summary.mean_working_days_to_notify(), None);
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let events = [IncidentEvent::aware(day(1)), IncidentEvent::notified(day(10))];
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(10))?;
    /// summary.add(&IncidentFigures::of(&status, calendar)?);
    /// // Tuesday 2 to Wednesday 10 February: seven working days.
    /// assert_eq!(summary.mean_working_days_to_notify(), Some(7.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mean_working_days_to_notify(&self) -> Option<f64> {
        (self.notified > 0).then(|| self.working_days_to_notify as f64 / self.notified as f64)
    }
}
