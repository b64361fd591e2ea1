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
    pub fn id(self) -> &'static str {
        match self {
            RapidReviewDays::Calendar => "calendar",
            RapidReviewDays::Working => "working",
        }
    }

    /// The rapid review's clock under this reading.
    pub fn clock(self) -> &'static ClockRule {
        match self {
            RapidReviewDays::Calendar => &table::RAPID_REVIEW,
            RapidReviewDays::Working => &table::RAPID_REVIEW_WORKING_DAYS,
        }
    }
}

/// The readings a partnership chooses where the text is loose.
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
    pub fn clocks(self) -> [&'static ClockRule; 3] {
        [
            &table::NOTIFICATION,
            self.rapid_review_days.clock(),
            &table::REPORT_TO_PANEL_AND_DFE,
        ]
    }
}

/// What happened, with the fields each event carries.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IncidentEvent {
    /// When it happened.
    pub on: When,
    /// What happened.
    pub kind: IncidentEventKind,
}

impl IncidentEvent {
    /// `aware`.
    pub fn aware(on: impl Into<When>) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::Aware)
    }

    /// `notified`.
    pub fn notified(on: impl Into<When>) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::Notified)
    }

    /// `rapid_review_completed`.
    pub fn rapid_review_completed(on: impl Into<When>) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::RapidReviewCompleted)
    }

    /// `review_decided` with its outcome.
    pub fn review_decided(on: impl Into<When>, outcome: ReviewOutcome) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::ReviewDecided(outcome))
    }

    /// `publication_planned` for `publish_on`.
    pub fn publication_planned(on: impl Into<When>, publish_on: NaiveDate) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::PublicationPlanned { publish_on })
    }

    /// `report_sent`: the report itself.
    pub fn report_sent(on: impl Into<When>) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::ReportSent(SentDocument::Report))
    }

    /// `report_sent` with the rationale for not publishing.
    pub fn rationale_sent(on: impl Into<When>) -> IncidentEvent {
        IncidentEvent::new(
            on,
            IncidentEventKind::ReportSent(SentDocument::RationaleForNotPublishing),
        )
    }

    /// `published`.
    pub fn published(on: impl Into<When>) -> IncidentEvent {
        IncidentEvent::new(on, IncidentEventKind::Published)
    }

    /// An event of any kind.
    pub fn new(on: impl Into<When>, kind: IncidentEventKind) -> IncidentEvent {
        IncidentEvent {
            on: on.into(),
            kind,
        }
    }

    /// Its type, as named in JSON.
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
    pub fn clock(&self, name: ClockName) -> Option<&ClockStatus> {
        self.clocks.iter().find(|c| c.name == name)
    }

    /// The obligations not yet done.
    pub fn pending_obligations(&self) -> impl Iterator<Item = &ObligationStatus> {
        self.obligations.iter().filter(|o| o.is_pending())
    }

    /// The clocks not yet met that have a due date: what a work tray shows.
    pub fn open_clocks(&self) -> impl Iterator<Item = &ClockStatus> {
        self.clocks
            .iter()
            .filter(|c| c.met_on.is_none() && c.due.date().is_some())
    }
}

/// The figures of one serious incident that a partnership reports: whether
/// each clock was kept.
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
    pub fn mean_working_days_to_notify(&self) -> Option<f64> {
        (self.notified > 0).then(|| self.working_days_to_notify as f64 / self.notified as f64)
    }
}
