//! The events of a serious incident's log, with the fields each carries.

use super::table::IncidentEventType;
use super::table::ReviewOutcome;
use super::table::SentDocument;
use crate::terms::When;
use chrono::NaiveDate;

/// What happened, with the fields each event carries.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::serious_incident::{
///     IncidentEvent, IncidentEventKind, IncidentEventType,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
/// let event = IncidentEvent::publication_planned(day(5, 10), day(6, 3));
/// assert_eq!(event.kind, IncidentEventKind::PublicationPlanned { publish_on: day(6, 3) });
/// assert_eq!(event.event_type(), IncidentEventType::PublicationPlanned);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IncidentEventKind {
    /// The local authority became aware of a serious incident.
    Aware,
    /// The Panel was notified.
    Notified,
    /// The rapid review was completed and sent to the National Panel.
    RapidReviewCompleted,
    /// The GSCP Executive decided on a local review.
    ReviewDecided(ReviewOutcome),
    /// A publication date was set (or reset) for the review's report.
    PublicationPlanned {
        /// The day the report is to be published.
        publish_on: NaiveDate,
    },
    /// The report, or the rationale for not publishing, went to the
    /// National Panel and the DfE.
    ReportSent(SentDocument),
    /// The report was published.
    Published,
}

/// One event of a serious incident: when, and what.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::serious_incident::{self as si, ClockName, IncidentEvent};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // Aware at 16:45 on Christmas Eve 2026: the time is kept, the clock
/// // counts from the day.
/// let at = day(2026, 12, 24).and_hms_opt(16, 45, 0).unwrap();
/// let event = IncidentEvent::aware(at);
/// assert_eq!((event.on.date(), event.on.datetime()), (day(2026, 12, 24), Some(at)));
///
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let status = si::evaluate(calendar, si::Config::default(), &[event], day(2026, 12, 31))?;
/// let notification = status.clock(ClockName::Notification).unwrap();
/// assert_eq!(notification.due.date(), Some(day(2027, 1, 5)));
/// # Ok::<(), si::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IncidentEvent {
    /// When it happened.
    pub on: When,
    /// What happened.
    pub kind: IncidentEventKind,
}

impl IncidentEvent {
    /// `aware`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{
    ///     self as si, ClockName, IncidentEvent, Phase,
    /// };
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// // Aware on Saturday 6 February 2027: the five working days are Monday 8
    /// // to Friday 12 February.
    /// let events = [IncidentEvent::aware(day(6))];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(6))?;
    /// assert_eq!(status.phase, Phase::Aware);
    /// let notification = status.clock(ClockName::Notification).unwrap();
    /// assert_eq!(notification.due.date(), Some(day(12)));
    /// # Ok::<(), si::Error>(())
    /// ```
    pub fn aware(on: impl Into<When>) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::Aware)
    }

    /// `notified`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{self as si, ClockName, IncidentEvent};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// // Aware on Monday 1 February 2027 (due Monday 8), notified on Wednesday 10.
    /// let events = [IncidentEvent::aware(day(1)), IncidentEvent::notified(day(10))];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(10))?;
    /// let notification = status.clock(ClockName::Notification).unwrap();
    /// assert_eq!(notification.met_on, Some(day(10)));
    /// assert_eq!(notification.met_in_time, Some(false));
    /// assert_eq!(notification.working_days_late, 2);
    /// # Ok::<(), si::Error>(())
    /// ```
    pub fn notified(on: impl Into<When>) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::Notified)
    }

    /// `rapid_review_completed`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{
    ///     self as si, ClockName, IncidentEvent, IncidentEventType, Phase,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    /// // Notified on Friday 2 April 2027: the review is due 15 days later, on
    /// // Saturday 17 April, and was completed on Monday 12 April.
    /// let events = [
    ///     IncidentEvent::aware(day(3, 24)),
    ///     IncidentEvent::notified(day(4, 2)),
    ///     IncidentEvent::rapid_review_completed(day(4, 12)),
    /// ];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(4, 12))?;
    /// assert_eq!(status.phase, Phase::RapidReviewCompleted);
    /// let review = status.clock(ClockName::RapidReview).unwrap();
    /// assert_eq!((review.due.date(), review.met_in_time), (Some(day(4, 17)), Some(true)));
    /// assert_eq!(status.next, [IncidentEventType::ReviewDecided]);
    /// # Ok::<(), si::Error>(())
    /// ```
    pub fn rapid_review_completed(on: impl Into<When>) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::RapidReviewCompleted)
    }

    /// `review_decided` with its outcome.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{
    ///     self as si, IncidentEvent, Phase, ReviewOutcome,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    /// let events = [
    ///     IncidentEvent::aware(day(1, 4)),
    ///     IncidentEvent::notified(day(1, 7)),
    ///     IncidentEvent::rapid_review_completed(day(1, 20)),
    ///     IncidentEvent::review_decided(day(2, 1), ReviewOutcome::NoReview),
    /// ];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(2, 1))?;
    /// // No local review: the section 9 process ends there.
    /// assert_eq!(status.phase, Phase::NoReview);
    /// assert_eq!(status.decision, Some((ReviewOutcome::NoReview, day(2, 1))));
    /// assert_eq!(status.ended_on, Some(day(2, 1)));
    /// assert!(status.next.is_empty());
    /// # Ok::<(), si::Error>(())
    /// ```
    pub fn review_decided(on: impl Into<When>, outcome: ReviewOutcome) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::ReviewDecided(outcome))
    }

    /// `publication_planned` for `publish_on`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{
    ///     self as si, ClockName, IncidentEvent, ReviewOutcome,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    /// let events = [
    ///     IncidentEvent::aware(day(1, 4)),
    ///     IncidentEvent::notified(day(1, 7)),
    ///     IncidentEvent::rapid_review_completed(day(1, 20)),
    ///     IncidentEvent::review_decided(day(2, 1), ReviewOutcome::Commission),
    ///     IncidentEvent::publication_planned(day(5, 10), day(6, 1)),
    /// ];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(5, 10))?;
    /// // The report's clock starts with the date: seven working days before
    /// // Tuesday 1 June 2027, skipping the spring bank holiday on Monday 31 May,
    /// // is Thursday 20 May.
    /// assert_eq!(status.publish_on, Some(day(6, 1)));
    /// let report = status.clock(ClockName::ReportToPanelAndDfe).unwrap();
    /// assert_eq!(report.due.date(), Some(day(5, 20)));
    /// # Ok::<(), si::Error>(())
    /// ```
    pub fn publication_planned(on: impl Into<When>, publish_on: NaiveDate) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::PublicationPlanned { publish_on })
    }

    /// `report_sent`: the report itself.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{
    ///     self as si, ClockName, IncidentEvent, Phase, ReviewOutcome, SentDocument,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    /// let events = [
    ///     IncidentEvent::aware(day(1, 4)),
    ///     IncidentEvent::notified(day(1, 7)),
    ///     IncidentEvent::rapid_review_completed(day(1, 20)),
    ///     IncidentEvent::review_decided(day(2, 1), ReviewOutcome::Commission),
    ///     IncidentEvent::publication_planned(day(5, 10), day(6, 1)),
    ///     IncidentEvent::report_sent(day(5, 24)),
    /// ];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(5, 24))?;
    /// assert_eq!(status.phase, Phase::ReportSent);
    /// assert_eq!(status.sent, Some((SentDocument::Report, day(5, 24))));
    /// // Due Thursday 20 May: sent two working days late (Friday 21, Monday 24).
    /// let report = status.clock(ClockName::ReportToPanelAndDfe).unwrap();
    /// assert_eq!((report.met_in_time, report.working_days_late), (Some(false), 2));
    /// # Ok::<(), si::Error>(())
    /// ```
    pub fn report_sent(on: impl Into<When>) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::ReportSent(SentDocument::Report))
    }

    /// `report_sent` with the rationale for not publishing.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{
    ///     self as si, ClockName, IncidentEvent, Phase, ReviewOutcome,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    /// let events = [
    ///     IncidentEvent::aware(day(1, 4)),
    ///     IncidentEvent::notified(day(1, 7)),
    ///     IncidentEvent::rapid_review_completed(day(1, 20)),
    ///     IncidentEvent::review_decided(day(2, 1), ReviewOutcome::Commission),
    ///     IncidentEvent::publication_planned(day(5, 10), day(6, 3)),
    ///     IncidentEvent::rationale_sent(day(5, 21)),
    /// ];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(5, 21))?;
    /// // Not to be published: the rationale went by Monday 24 May, seven working
    /// // days ahead of the planned 3 June, and the process has ended.
    /// assert_eq!(status.phase, Phase::NotPublished);
    /// let clock = status.clock(ClockName::ReportToPanelAndDfe).unwrap();
    /// assert_eq!((clock.due.date(), clock.met_in_time), (Some(day(5, 24)), Some(true)));
    /// assert_eq!(status.ended_on, Some(day(5, 21)));
    /// # Ok::<(), si::Error>(())
    /// ```
    pub fn rationale_sent(on: impl Into<When>) -> IncidentEvent {
        IncidentEvent::new(
            on,
            IncidentEventKind::ReportSent(SentDocument::RationaleForNotPublishing),
        )
    }

    /// `published`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::serious_incident::{
    ///     self as si, IncidentEvent, Phase, ReviewOutcome,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    /// let events = [
    ///     IncidentEvent::aware(day(1, 4)),
    ///     IncidentEvent::notified(day(1, 7)),
    ///     IncidentEvent::rapid_review_completed(day(1, 20)),
    ///     IncidentEvent::review_decided(day(2, 1), ReviewOutcome::Commission),
    ///     IncidentEvent::publication_planned(day(5, 10), day(6, 3)),
    ///     IncidentEvent::report_sent(day(5, 24)),
    ///     IncidentEvent::published(day(6, 3)),
    /// ];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = si::evaluate(calendar, si::Config::default(), &events, day(6, 3))?;
    /// assert_eq!(status.phase, Phase::Published);
    /// assert_eq!((status.published_on, status.ended_on), (Some(day(6, 3)), Some(day(6, 3))));
    /// assert_eq!(status.pending_obligations().count(), 0);
    /// # Ok::<(), si::Error>(())
    /// ```
    pub fn published(on: impl Into<When>) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::Published)
    }

    /// An event of any kind.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::serious_incident::{IncidentEvent, IncidentEventKind};
    ///
    /// let on = NaiveDate::from_ymd_opt(2027, 1, 7).unwrap();
    /// let event = IncidentEvent::new(on, IncidentEventKind::Notified);
    /// assert_eq!(event, IncidentEvent::notified(on));
    /// ```
    pub fn new(on: impl Into<When>, kind: IncidentEventKind) -> IncidentEvent {
        IncidentEvent {
            on: on.into(),
            kind,
        }
    }

    /// Its type, as named in JSON.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::serious_incident::{
    ///     IncidentEvent, IncidentEventType, ReviewOutcome,
    /// };
    ///
    /// let on = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    /// let event = IncidentEvent::review_decided(on, ReviewOutcome::Commission);
    /// assert_eq!(event.event_type(), IncidentEventType::ReviewDecided);
    /// assert_eq!(event.event_type().as_str(), "review_decided");
    /// // The report and the rationale are both a `report_sent`.
    /// assert_eq!(IncidentEvent::rationale_sent(on).event_type(), IncidentEventType::ReportSent);
    /// ```
    pub fn event_type(&self) -> IncidentEventType {
        match self.kind {
            IncidentEventKind::Aware => IncidentEventType::Aware,
            IncidentEventKind::Notified => IncidentEventType::Notified,
            IncidentEventKind::RapidReviewCompleted => IncidentEventType::RapidReviewCompleted,
            IncidentEventKind::ReviewDecided(_) => IncidentEventType::ReviewDecided,
            IncidentEventKind::PublicationPlanned { .. } => IncidentEventType::PublicationPlanned,
            IncidentEventKind::ReportSent(_) => IncidentEventType::ReportSent,
            IncidentEventKind::Published => IncidentEventType::Published,
        }
    }
}
