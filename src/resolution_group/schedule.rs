//! The group's meetings and the submission deadlines before each.

use crate::calendar::Calendar;
use crate::policy::Error;
use chrono::NaiveDate;

/// Which reading of the submission deadlines to apply.
///
/// The Terms of Reference say "ideally at least ten working days but no
/// later than five working days ahead of the Resolution Group meeting"; the
/// flowchart says "Referral to GSCP Business Unit 12 working days before
/// Resolution Group" and "Resolution Group notified 10 working days Before
/// meeting". The Terms of Reference's text is the default; it gives no date
/// for notifying the group's members, so under it that notice has none.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{DeadlineRule, Schedule};
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let meeting = day(10, 13); // Tuesday 13 October 2026
/// let dates = |rule| Schedule::new(vec![meeting], rule)?.deadline(calendar, meeting);
/// // The text: no later than 5 working days before, ideally 10; no date for
/// // notifying the members.
/// let text = dates(DeadlineRule::TermsOfReference)?;
/// assert_eq!((text.latest, text.ideal, text.notify_members), (day(10, 6), day(9, 29), None));
/// // The flowchart: 12 working days before, members notified 10 before.
/// let flowchart = dates(DeadlineRule::Flowchart)?;
/// assert_eq!((flowchart.latest, flowchart.notify_members), (day(9, 25), Some(day(9, 29))));
/// assert_eq!(DeadlineRule::default(), DeadlineRule::TermsOfReference);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DeadlineRule {
    /// Latest 5, ideally 10 working days before the meeting; no date for
    /// notifying the members (the text gives none).
    #[default]
    TermsOfReference,
    /// Referral 12 working days before the meeting; members notified 10
    /// working days before.
    Flowchart,
}

impl DeadlineRule {
    /// The id in JSON: `terms_of_reference` or `flowchart`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::DeadlineRule;
    ///
    /// assert_eq!(DeadlineRule::TermsOfReference.id(), "terms_of_reference");
    /// assert_eq!(DeadlineRule::Flowchart.id(), "flowchart");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            DeadlineRule::TermsOfReference => "terms_of_reference",
            DeadlineRule::Flowchart => "flowchart",
        }
    }

    /// Working days before the meeting: (latest submission, ideal
    /// submission, members' notification where the reading gives one).
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::DeadlineRule;
    ///
    /// // "ideally at least ten working days but no later than five working days
    /// // ahead of the Resolution Group meeting"
    /// assert_eq!(DeadlineRule::TermsOfReference.working_days_before(), (5, 10, None));
    /// // "Referral to GSCP Business Unit 12 working days before", "Resolution
    /// // Group notified 10 working days Before meeting"
    /// assert_eq!(DeadlineRule::Flowchart.working_days_before(), (12, 12, Some(10)));
    /// ```
    pub fn working_days_before(self) -> (u32, u32, Option<u32>) {
        match self {
            DeadlineRule::TermsOfReference => (5, 10, None),
            DeadlineRule::Flowchart => (12, 12, Some(10)),
        }
    }
}

/// The submission dates for one meeting.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{DeadlineRule, Schedule};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let meeting = day(2027, 1, 12); // Tuesday 12 January 2027
/// let schedule = Schedule::new(vec![meeting], DeadlineRule::TermsOfReference)?;
/// let deadline = schedule.deadline(calendar, meeting)?;
/// assert_eq!(deadline.meeting, meeting);
/// // Five working days before skip New Year's Day: Tuesday 5 January.
/// assert_eq!(deadline.latest, day(2027, 1, 5));
/// // Ten skip Christmas Day and the Boxing Day substitute too: Thursday
/// // 24 December 2026.
/// assert_eq!(deadline.ideal, day(2026, 12, 24));
/// assert_eq!(deadline.notify_members, None);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SubmissionDeadline {
    /// The meeting.
    pub meeting: NaiveDate,
    /// The latest day a referral can reach the Business Unit for it.
    pub latest: NaiveDate,
    /// The day it should ideally arrive by.
    pub ideal: NaiveDate,
    /// The day the group's members are to be told of it, where the reading
    /// gives one: the flowchart's 10 working days before the meeting; the
    /// Terms of Reference give none.
    pub notify_members: Option<NaiveDate>,
}

/// The group's meeting dates and the deadline reading.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{DeadlineRule, Schedule};
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let schedule = Schedule::new(
///     vec![day(12, 8), day(10, 13), day(11, 10)],
///     DeadlineRule::TermsOfReference,
/// )?;
/// assert_eq!(schedule.meetings(), &[day(10, 13), day(11, 10), day(12, 8)]);
/// assert_eq!(schedule.rule(), DeadlineRule::TermsOfReference);
/// // Submitted on Wednesday 7 October, a day after the latest date for
/// // 13 October: the referral goes to 10 November (latest Tuesday 3 November).
/// let next = schedule.meeting_for(calendar, day(10, 7))?.expect("a meeting");
/// assert_eq!((next.meeting, next.latest), (day(11, 10), day(11, 3)));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    meetings: Vec<NaiveDate>,
    rule: DeadlineRule,
}

impl Schedule {
    /// The schedule of the given (monthly) meeting dates, in any order.
    ///
    /// # Errors
    ///
    /// An `invalid_field` error naming `meetings[i]` when a date is listed
    /// twice.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::resolution_group::{DeadlineRule, Schedule};
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    /// let schedule = Schedule::new(vec![day(2, 9), day(1, 12)], DeadlineRule::Flowchart)?;
    /// assert_eq!(schedule.meetings(), &[day(1, 12), day(2, 9)]);
    /// assert!(Schedule::new(vec![day(1, 12), day(1, 12)], DeadlineRule::Flowchart).is_err());
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn new(mut meetings: Vec<NaiveDate>, rule: DeadlineRule) -> Result<Schedule, Error> {
        let given = meetings.clone();
        meetings.sort_unstable();
        if let Some(pair) = meetings.windows(2).find(|w| w[0] == w[1]) {
            let indexes: Vec<String> = given
                .iter()
                .enumerate()
                .filter(|(_, d)| **d == pair[0])
                .map(|(i, _)| format!("meetings[{i}]"))
                .collect();
            return Err(Error::field(
                indexes.last().cloned().unwrap_or_else(|| "meetings".into()),
                format!("the same date is listed twice ({})", indexes.join(" and ")),
                None,
            ));
        }
        Ok(Schedule { meetings, rule })
    }

    /// The meetings, in date order.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::resolution_group::{DeadlineRule, Schedule};
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let schedule = Schedule::new(
    ///     vec![day(11, 10), day(12, 8), day(10, 13)],
    ///     DeadlineRule::TermsOfReference,
    /// )?;
    /// // Each meeting's latest submission date, five working days before it.
    /// let mut latest = Vec::new();
    /// for meeting in schedule.meetings() {
    ///     latest.push(schedule.deadline(calendar, *meeting)?.latest);
    /// }
    /// assert_eq!(latest, [day(10, 6), day(11, 3), day(12, 1)]);
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn meetings(&self) -> &[NaiveDate] {
        &self.meetings
    }

    /// The deadline reading.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::resolution_group::{DeadlineRule, Schedule};
    ///
    /// let meeting = NaiveDate::from_ymd_opt(2026, 10, 13).unwrap();
    /// let schedule = Schedule::new(vec![meeting], DeadlineRule::Flowchart)?;
    /// assert_eq!(schedule.rule(), DeadlineRule::Flowchart);
    /// assert_eq!(schedule.rule().working_days_before(), (12, 12, Some(10)));
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn rule(&self) -> DeadlineRule {
        self.rule
    }

    /// The submission dates for a meeting.
    ///
    /// # Errors
    ///
    /// An `out_of_calendar_range` error when the dates fall off the
    /// calendar.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::resolution_group::{DeadlineRule, Schedule};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let meeting = day(2027, 1, 12);
    /// let schedule = Schedule::new(vec![meeting], DeadlineRule::Flowchart)?;
    /// let deadline = schedule.deadline(calendar, meeting)?;
    /// // Twelve working days before Tuesday 12 January 2027, over Christmas and
    /// // New Year: Tuesday 22 December 2026; the members' ten: Thursday 24.
    /// assert_eq!((deadline.latest, deadline.ideal), (day(2026, 12, 22), day(2026, 12, 22)));
    /// assert_eq!(deadline.notify_members, Some(day(2026, 12, 24)));
    /// // Dates counted back off the calendar are an error.
    /// let early = day(1990, 1, 3);
    /// let err = schedule.deadline(calendar, early).unwrap_err();
    /// assert_eq!(err.code(), "out_of_calendar_range");
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn deadline(
        &self,
        calendar: &Calendar,
        meeting: NaiveDate,
    ) -> Result<SubmissionDeadline, Error> {
        let (latest, ideal, notify) = self.rule.working_days_before();
        let back = |n| {
            calendar
                .subtract_working_days(meeting, n)
                .map_err(|e| Error::calendar(e, None))
        };
        Ok(SubmissionDeadline {
            meeting,
            latest: back(latest)?,
            ideal: back(ideal)?,
            notify_members: notify.map(back).transpose()?,
        })
    }

    /// The earliest meeting whose latest submission date is on or after
    /// `submitted_on`, with its dates; none when no meeting qualifies.
    ///
    /// # Errors
    ///
    /// As [`Schedule::deadline`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::resolution_group::{DeadlineRule, Schedule};
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let meetings = vec![day(10, 13), day(11, 10)];
    /// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
    /// let meeting = |submitted| -> Result<Option<NaiveDate>, _> {
    ///     Ok(schedule.meeting_for(calendar, submitted)?.map(|d| d.meeting))
    /// };
    /// // The latest submission date itself is in time.
    /// assert_eq!(meeting(day(10, 6))?, Some(day(10, 13)));
    /// assert_eq!(meeting(day(10, 7))?, Some(day(11, 10)));
    /// // After Tuesday 3 November no meeting given can take it.
    /// assert_eq!(meeting(day(11, 4))?, None);
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn meeting_for(
        &self,
        calendar: &Calendar,
        submitted_on: NaiveDate,
    ) -> Result<Option<SubmissionDeadline>, Error> {
        for &meeting in self.meetings.iter().filter(|m| **m >= submitted_on) {
            let deadline = self.deadline(calendar, meeting)?;
            if deadline.latest >= submitted_on {
                return Ok(Some(deadline));
            }
        }
        Ok(None)
    }
}
