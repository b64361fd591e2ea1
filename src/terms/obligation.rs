//! Duties and their status: done, lapsed, overdue or owed.

use super::Clause;
use super::Due;
use super::Text;
use chrono::NaiveDate;

/// A duty the policy puts on someone, and whether it has been done.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// // North Somerset: from stage 2 "The Recording Form (Appendix 1) needs
/// // to be used"; stage 2 starts on Tuesday 2 February 2027 and is due two
/// // working days later, and the form with it.
/// let events = [
///     Event::raised(day(1), Raised::new()),
///     Event::escalated(day(2)),
///     Event::recorded(day(3), "recording_form"),
/// ];
/// let status = Policy::get(PolicyId::NsscpIssueResolution2025).evaluate(
///     Calendar::uk(Division::EnglandAndWales),
///     &events,
///     day(3),
/// )?;
/// let form = status.obligations.iter().find(|o| o.id == "recording_form").unwrap();
/// assert_eq!((form.stage, form.arose_on), (Some(2), day(2)));
/// assert_eq!(form.due.date(), Some(day(4)));
/// assert_eq!(form.done_on, Some(day(3)));
/// assert!(!form.overdue);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ObligationStatus {
    /// The id a `recorded` event names to mark it done.
    pub id: Text,
    /// What is to be done.
    pub what: Text,
    /// The stage it arose at, if any.
    pub stage: Option<u8>,
    /// The day it arose.
    pub arose_on: NaiveDate,
    /// When it is due.
    pub due: Due,
    /// The day it was recorded as done.
    pub done_on: Option<NaiveDate>,
    /// The day it lapsed, not done: the case ended and its purpose (the
    /// process going on) went with it, or, for a duty of its stage, that
    /// stage ended. A lapsed obligation is neither pending nor overdue, and
    /// stays listed for the record.
    pub lapsed_on: Option<NaiveDate>,
    /// Not done, not lapsed, and past due at the date of evaluation.
    pub overdue: bool,
    /// The sentence it comes from.
    pub clause: Clause,
    /// When it lapses unmet.
    pub(crate) lapses: super::Lapses,
    /// Whether its due is a timescale set for the case.
    pub(crate) set_on_case: bool,
}
impl ObligationStatus {
    /// True while it is owed: neither done nor lapsed.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // Swindon: at stage 3 the line manager is to contact their opposite
    /// // number. The concern is withdrawn first: the contact lapses, owed
    /// // no more, and is not done either.
    /// let events = [
    ///     Event::raised(day(2026, 12, 21), Raised::new()),
    ///     Event::escalated(day(2026, 12, 23)),
    ///     Event::escalated(day(2027, 1, 4)),
    ///     Event::withdrawn(day(2027, 1, 5)),
    /// ];
    /// let status = Policy::get(PolicyId::SwindonResolution2026).evaluate(
    ///     Calendar::uk(Division::EnglandAndWales),
    ///     &events,
    ///     day(2027, 1, 5),
    /// )?;
    /// let contact = status.obligations.iter().find(|o| o.id == "opposite_number_contacted").unwrap();
    /// assert!(!contact.is_pending());
    /// assert_eq!((contact.done_on, contact.lapsed_on), (None, Some(day(2027, 1, 5))));
    /// assert!(!contact.overdue);
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn is_pending(&self) -> bool {
        self.done_on.is_none() && self.lapsed_on.is_none()
    }

    pub(crate) fn new(
        id: Text,
        what: Text,
        stage: Option<u8>,
        arose_on: NaiveDate,
        due: Due,
        clause: Clause,
    ) -> ObligationStatus {
        ObligationStatus {
            id,
            what,
            stage,
            arose_on,
            due,
            done_on: None,
            lapsed_on: None,
            overdue: false,
            clause,
            lapses: super::Lapses::Never,
            set_on_case: false,
        }
    }
}

/// When an obligation not yet met stops being owed (the definition's
/// `lapses`). A lapsed obligation is neither pending nor overdue, and
/// carries the day it lapsed.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{Event, Lapses, Policy, PolicyId, Raised};
///
/// // Swindon, stage 3: "The line manager should contact their opposite
/// // number ... within five working days of the completion of the Stage 2
/// // above"; stage 4: "the matter should be referred without delay". Once
/// // stage 3 has ended, its contact is no longer owed.
/// let swindon = Policy::get(PolicyId::SwindonResolution2026);
/// let contact = swindon.obligations.iter().find(|o| o.id == "opposite_number_contacted").unwrap();
/// assert_eq!(contact.lapses, Lapses::StageEnds);
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
/// let events = [
///     Event::raised(day(2, 1), Raised::new()),
///     Event::escalated(day(2, 3)),
///     Event::escalated(day(2, 10)),
///     Event::escalated(day(2, 26)),
/// ];
/// let status = swindon.evaluate(Calendar::uk(Division::EnglandAndWales), &events, day(3, 1))?;
/// let at_three = status.obligations.iter()
///     .find(|o| o.id == "opposite_number_contacted" && o.stage == Some(3)).unwrap();
/// assert_eq!(at_three.lapsed_on, Some(day(2, 26)));
/// assert!(!at_three.overdue);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Lapses {
    /// Owed until met, whatever happens to the case (`false`, the default).
    #[default]
    Never,
    /// Lapses unmet when the case ends (`true` or `"case_ends"`).
    CaseEnds,
    /// Lapses unmet when the stage at which it arose ends, by any event
    /// that moves the case out of that stage or ends the case
    /// (`"stage_ends"`).
    StageEnds,
}
