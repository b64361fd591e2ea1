//! Warnings: what the caller should know that does not stop a case.

use super::Clause;

/// Something the caller should know that does not stop the case, such as
/// parties of different seniority.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised, Seniority};
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// // Swindon: "discussions should be carried out between professionals of
/// // a similar level of seniority". A practitioner meeting a director at
/// // stage 2 is warned about; the case goes on.
/// let events = [
///     Event::raised(day(1), Raised::new()),
///     Event::escalated(day(3)).parties(Seniority::Practitioner, Seniority::Director),
/// ];
/// let status = Policy::get(PolicyId::SwindonResolution2026).evaluate(
///     Calendar::uk(Division::EnglandAndWales),
///     &events,
///     day(3),
/// )?;
/// let [warning] = &status.warnings[..] else { panic!("one warning") };
/// assert_eq!(warning.event_index, 1);
/// assert!(warning.clause.text.contains("similar level of seniority"));
/// assert_eq!(status.stage.unwrap().number, 2);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Warning {
    /// The event it concerns.
    pub event_index: usize,
    /// What, in words (never the caller's free text).
    pub message: String,
    /// The sentence behind it.
    pub clause: Clause,
}
impl Warning {
    pub(crate) fn new(event_index: usize, message: String, clause: Clause) -> Warning {
        Warning {
            event_index,
            message,
            clause,
        }
    }
}
