//! Deadlines: when something is due, and the rule it comes from in words.

use super::Text;
use crate::calendar::Calendar;
use crate::calendar::WorkingDayDeadline;
use chrono::NaiveDate;
use chrono::NaiveDateTime;

/// When something is due.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{DueKind, Event, Policy, PolicyId, Raised};
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let gscp = Policy::get(PolicyId::GscpEscalation2021);
/// // Gloucestershire, stage 1: "within one working day" of Monday 1 February.
/// let raised = [Event::raised(day(1), Raised::new())];
/// let status = gscp.evaluate(calendar, &raised, day(1))?;
/// assert_eq!(status.stage.unwrap().due.kind, DueKind::ByEndOf(day(2)));
/// // Stage 2: "referred without delay", and no number of days.
/// let escalated = [Event::raised(day(1), Raised::new()), Event::escalated(day(2))];
/// let status = gscp.evaluate(calendar, &escalated, day(2))?;
/// assert_eq!(status.stage.unwrap().due.kind, DueKind::WithoutDelay);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DueKind {
    /// By the end of this day: the day itself is in time.
    ByEndOf(NaiveDate),
    /// By this time (UK local).
    At(NaiveDateTime),
    /// Immediately.
    Immediately,
    /// Without delay: the policy sets no number of days.
    WithoutDelay,
    /// The policy states no time (JSON `none`).
    NotStated,
}

impl DueKind {
    /// The JSON name of the kind: `by_end_of`, `at`, `immediately`,
    /// `without_delay`, `none`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::policy::DueKind;
    ///
    /// let day = NaiveDate::from_ymd_opt(2027, 2, 2).unwrap();
    /// assert_eq!(DueKind::ByEndOf(day).as_str(), "by_end_of");
    /// assert_eq!(DueKind::At(day.and_hms_opt(15, 30, 0).unwrap()).as_str(), "at");
    /// // A policy that states no time is `none` in JSON.
    /// assert_eq!(DueKind::NotStated.as_str(), "none");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DueKind::ByEndOf(_) => "by_end_of",
            DueKind::At(_) => "at",
            DueKind::Immediately => "immediately",
            DueKind::WithoutDelay => "without_delay",
            DueKind::NotStated => "none",
        }
    }
}

/// A deadline, with the rule it comes from in words.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{DueKind, Event, Policy, PolicyId, Raised};
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
/// // Swindon, stage 1: "within two working days of the disagreement or
/// // concern arising", from Monday 21 December 2026.
/// let events = [Event::raised(day(21), Raised::new())];
/// let status = Policy::get(PolicyId::SwindonResolution2026).evaluate(
///     Calendar::uk(Division::EnglandAndWales),
///     &events,
///     day(21),
/// )?;
/// let due = status.stage.unwrap().due;
/// assert_eq!(due.kind, DueKind::ByEndOf(day(23)));
/// assert_eq!(due.counted_from, Some((day(21), 2)));
/// assert!(due.rule.contains("two working days"), "{}", due.rule);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Due {
    /// When.
    pub kind: DueKind,
    /// The rule, in words that cite the policy.
    pub rule: Text,
    /// For a working-day deadline: the day counted from and the number of
    /// working days.
    pub counted_from: Option<(NaiveDate, u32)>,
}

impl Due {
    /// The day it is due by, for a [`DueKind::ByEndOf`] or [`DueKind::At`]
    /// deadline.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::{DueKind, Event, Policy, PolicyId, Raised};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// // Gloucestershire: the line managers' contact "should take place
    /// // within twenty-four hours" of the report, made at 15:30 on Monday 1
    /// // February 2027: due at 15:30 on Tuesday 2.
    /// let reported = day(1).and_hms_opt(15, 30, 0).unwrap();
    /// let events = [
    ///     Event::raised(day(1), Raised::new()),
    ///     Event::recorded(reported, "reported_to_line_managers"),
    /// ];
    /// let status = Policy::get(PolicyId::GscpEscalation2021).evaluate(
    ///     Calendar::uk(Division::EnglandAndWales),
    ///     &events,
    ///     day(1),
    /// )?;
    /// let contact = status.obligations.iter().find(|o| o.id == "line_managers_contact").unwrap();
    /// assert_eq!(contact.due.kind, DueKind::At(day(2).and_hms_opt(15, 30, 0).unwrap()));
    /// assert_eq!(contact.due.date(), Some(day(2)));
    /// // Stage 2 goes on "without delay": no day to be due by.
    /// let status = Policy::get(PolicyId::GscpEscalation2021).evaluate(
    ///     Calendar::uk(Division::EnglandAndWales),
    ///     &[Event::raised(day(1), Raised::new()), Event::escalated(day(2))],
    ///     day(2),
    /// )?;
    /// assert_eq!(status.stage.unwrap().due.date(), None);
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn date(&self) -> Option<NaiveDate> {
        match self.kind {
            DueKind::ByEndOf(date) => Some(date),
            DueKind::At(at) => Some(at.date()),
            _ => None,
        }
    }

    /// True when the deadline has passed at `as_of`: the due day itself is
    /// in time.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    /// // Swindon stage 1 from Monday 21 December 2026: due by the end of
    /// // Wednesday 23.
    /// let events = [Event::raised(day(21), Raised::new())];
    /// let status = Policy::get(PolicyId::SwindonResolution2026).evaluate(
    ///     Calendar::uk(Division::EnglandAndWales),
    ///     &events,
    ///     day(21),
    /// )?;
    /// let due = status.stage.unwrap().due;
    /// assert!(!due.is_past(day(23)));
    /// assert!(due.is_past(day(24)));
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn is_past(&self, as_of: NaiveDate) -> bool {
        self.date().is_some_and(|date| as_of > date)
    }

    /// True when the deadline was counted in working days across a day
    /// beyond the published data of `calendar` (the one it was counted
    /// on): it rests on projected bank holidays, and may move when newer
    /// data is published. The JSON answer writes `"projected": true` on
    /// such a `due`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
    ///
    /// // Swindon, raised on Thursday 28 December 2028: two working days on
    /// // is in 2029, beyond the published data.
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let swindon = Policy::get(PolicyId::SwindonResolution2026);
    /// let status = swindon.evaluate(calendar, &[Event::raised(day(2028, 12, 28), Raised::new())], day(2028, 12, 28))?;
    /// assert!(status.stage.unwrap().due.is_projected(calendar));
    /// let status = swindon.evaluate(calendar, &[Event::raised(day(2028, 12, 18), Raised::new())], day(2028, 12, 18))?;
    /// assert!(!status.stage.unwrap().due.is_projected(calendar));
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn is_projected(&self, calendar: &Calendar) -> bool {
        match (self.counted_from, self.kind) {
            (Some((from, _)), DueKind::ByEndOf(date)) => {
                // The days counted are those after `from`, up to the date.
                let first = from.succ_opt().unwrap_or(from).min(date);
                calendar.crosses_projected(first, date)
            }
            _ => false,
        }
    }

    /// The working-day count behind the deadline, with the non-working days
    /// it skipped, on the calendar it was counted on; `Ok(None)` for a
    /// deadline that is not a count of working days.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // Swindon, stage 2 from Wednesday 23 December 2026: "within five
    /// // working days" skips Christmas, Boxing Day's substitute Monday and
    /// // New Year's Day, and falls on Monday 4 January 2027.
    /// let events = [
    ///     Event::raised(day(2026, 12, 21), Raised::new()),
    ///     Event::escalated(day(2026, 12, 23)),
    /// ];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = Policy::get(PolicyId::SwindonResolution2026)
    ///     .evaluate(calendar, &events, day(2026, 12, 23))?;
    /// let due = &status.stage.as_ref().unwrap().due;
    /// let explained = due.explain(calendar)?.expect("a count of working days");
    /// assert_eq!(explained.from(), day(2026, 12, 23));
    /// assert_eq!((explained.working_days(), explained.due()), (5, day(2027, 1, 4)));
    /// let skips = explained.skipped_bank_holidays();
    /// assert!(skips.contains("Christmas Day") && skips.contains("New Year"), "{skips}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The calendar's error when the count leaves its coverage (not on the
    /// calendar the deadline was counted on, which covered it).
    pub fn explain<'c>(
        &self,
        calendar: &'c Calendar,
    ) -> Result<Option<WorkingDayDeadline<'c>>, crate::calendar::Error> {
        let Some((from, n)) = self.counted_from else {
            return Ok(None);
        };
        calendar.explain_add_working_days(from, n).map(Some)
    }
}
