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

mod config;
mod engine;
mod error;
mod event;
mod figures;
mod status;
pub mod table;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

pub use config::{Config, RapidReviewDays};
pub use engine::evaluate;
pub use error::{Error, ErrorKind};
pub use event::{IncidentEvent, IncidentEventKind};
pub use figures::{IncidentFigures, IncidentSummary};
pub use status::{ClockStatus, Counted, IncidentStatus};
pub use table::{
    ClockName, ClockRule, Count, DutyRule, IncidentEventType, Phase, ReviewOutcome, SentDocument,
};

/// The policy id of the serious-incident clocks in JSON.
pub const POLICY_ID: &str = "gscp-serious-incident-2021";

/// The day the duty to notify the Panel began (9.1: "Since 29 June 2018").
pub const DUTY_TO_NOTIFY_SINCE: NaiveDate = match NaiveDate::from_ymd_opt(2018, 6, 29) {
    Some(date) => date,
    None => NaiveDate::MIN,
};
