//! The statutory clocks that run after a serious incident
//! (`gscp-serious-incident-2021`), from section 9 of the GSCP multi-agency
//! arrangements (2021).
//!
//! Beside the escalation of professional disagreements, every local
//! authority in England runs national clocks after a serious incident, and
//! the GSCP arrangements restate them: notify the Child Safeguarding Practice
//! Review Panel within 5 working days of becoming aware (9.1); complete the
//! rapid review within 15 days of the notification (9.4); the GSCP Executive
//! decides on a local child safeguarding practice review (9.5); a copy of the
//! report goes to the National Panel and the DfE no less than 7 working days
//! ahead of publication, and the rationale for not publishing within the
//! same timescales (9.6).
//!
//! A serious incident is its event log, as an escalation case is. The
//! tables in [`table`] (phases and moves, clocks, duties) are what
//! [`evaluate`] runs and what [`table::mermaid`] draws;
//! `docs/serious-incidents.md` sets each rule beside its sentence.
//!
//! "Within 15 days of the notification" is counted in calendar days, as the
//! text has it; [`RapidReviewDays::Working`] is the documented alternative
//! (15 working days), which many partnerships run.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use safeguarding_resolution::calendar::{Calendar, Division};
//! use safeguarding_resolution::serious_incident::{self as si, ClockName, IncidentEvent, Phase};
//!
//! let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let calendar = Calendar::uk(Division::EnglandAndWales);
//! // Aware on Wednesday 23 December 2026: five working days skip Christmas
//! // Day, the Boxing Day substitute and New Year's Day.
//! let events = [IncidentEvent::aware(day(2026, 12, 23))];
//! let status = si::evaluate(calendar, si::Config::default(), &events, day(2026, 12, 30))?;
//! assert_eq!(status.phase, Phase::Aware);
//! let notification = status.clock(ClockName::Notification).unwrap();
//! assert_eq!(notification.due.date(), Some(day(2027, 1, 4)));
//! assert!(!notification.overdue);
//! # Ok::<(), safeguarding_resolution::serious_incident::Error>(())
//! ```

mod engine;
mod error;
pub mod table;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

pub use engine::evaluate;
pub use error::{Error, ErrorKind};
pub use table::{
    ClockName, ClockRule, Count, DutyRule, IncidentEventType, Phase, ReviewOutcome, SentDocument,
};

use crate::calendar::{Calendar, NonWorkingDay};
use crate::policy::{Clause, Due, ObligationStatus, Warning, When};

/// The policy id of the serious-incident clocks in JSON.
pub const POLICY_ID: &str = "gscp-serious-incident-2021";

/// The day the duty to notify the Panel began (9.1: "Since 29 June 2018").
pub const DUTY_TO_NOTIFY_SINCE: NaiveDate = match NaiveDate::from_ymd_opt(2018, 6, 29) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// How to count the rapid review's "within 15 days of the notification"
/// (9.4).
///
/// The text says "15 days", and its other clocks say "working days" where
/// they mean them, so calendar days are the default; many partnerships run
/// the national 15 days as working days, which is this alternative.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::serious_incident::{
///     self as si, ClockName, Config, IncidentEvent, RapidReviewDays,
/// };
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let events = [
///     IncidentEvent::aware(day(2026, 12, 23)),
///     IncidentEvent::notified(day(2027, 1, 4)),
/// ];
/// let due = |days| -> Result<Option<NaiveDate>, si::Error> {
///     let config = Config::with_rapid_review_days(days);
///     let status = si::evaluate(calendar, config, &events, day(2027, 1, 12))?;
///     Ok(status.clock(ClockName::RapidReview).and_then(|c| c.due.date()))
/// };
/// // Notified on Monday 4 January 2027: 15 calendar days on is Tuesday 19
/// // January; 15 working days on is Monday 25 January.
/// assert_eq!(due(RapidReviewDays::Calendar)?, Some(day(2027, 1, 19)));
/// assert_eq!(due(RapidReviewDays::Working)?, Some(day(2027, 1, 25)));
/// # Ok::<(), si::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RapidReviewDays {
    /// 15 calendar days after the notification (the text; the default).
    #[default]
    Calendar,
    /// 15 working days after the notification (the alternative reading).
    Working,
}

impl RapidReviewDays {
    /// The JSON id: `calendar` or `working`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::RapidReviewDays;
    ///
    /// assert_eq!(RapidReviewDays::default().id(), "calendar");
    /// assert_eq!(RapidReviewDays::Working.id(), "working");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            RapidReviewDays::Calendar => "calendar",
            RapidReviewDays::Working => "working",
        }
    }

    /// The rapid review's clock under this reading.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::{ClockName, Count, RapidReviewDays};
    ///
    /// let clock = RapidReviewDays::Working.clock();
    /// assert_eq!(clock.name, ClockName::RapidReview);
    /// assert_eq!(clock.count, Count::WorkingDaysAfter(15));
    /// assert_eq!(RapidReviewDays::Calendar.clock().count, Count::DaysAfter(15));
    /// ```
    pub fn clock(self) -> &'static ClockRule {
        match self {
            RapidReviewDays::Calendar => &table::RAPID_REVIEW,
            RapidReviewDays::Working => &table::RAPID_REVIEW_WORKING_DAYS,
        }
    }
}

/// The readings a partnership chooses where the text is loose.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::serious_incident::{Config, Count, RapidReviewDays};
///
/// // By default the rapid review's 15 days are calendar days, as the text has it.
/// let config = Config::default();
/// assert_eq!(config.rapid_review_days, RapidReviewDays::Calendar);
/// assert_eq!(config.clocks()[1].count, Count::DaysAfter(15));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct Config {
    /// How the rapid review's 15 days are counted.
    pub rapid_review_days: RapidReviewDays,
}

impl Config {
    /// The default readings, with the rapid review's days set.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::{Config, RapidReviewDays};
    ///
    /// let config = Config::with_rapid_review_days(RapidReviewDays::Working);
    /// assert_eq!(config.rapid_review_days.id(), "working");
    /// ```
    pub fn with_rapid_review_days(days: RapidReviewDays) -> Config {
        Config {
            rapid_review_days: days,
        }
    }

    /// The three clocks under this configuration, in order.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::{ClockName, Config, Count, RapidReviewDays};
    ///
    /// let config = Config::with_rapid_review_days(RapidReviewDays::Working);
    /// let clocks = config.clocks();
    /// let names = clocks.map(|c| c.name);
    /// assert_eq!(
    ///     names,
    ///     [ClockName::Notification, ClockName::RapidReview, ClockName::ReportToPanelAndDfe]
    /// );
    /// let counts = clocks.map(|c| c.count);
    /// assert_eq!(
    ///     counts,
    ///     [Count::WorkingDaysAfter(5), Count::WorkingDaysAfter(15), Count::WorkingDaysBefore(7)]
    /// );
    /// ```
    pub fn clocks(self) -> [&'static ClockRule; 3] {
        [
            &table::NOTIFICATION,
            self.rapid_review_days.clock(),
            &table::REPORT_TO_PANEL_AND_DFE,
        ]
    }
}

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
