//! The GSCP Resolution Group's referral lifecycle: where Gloucestershire's
//! escalation goes at stage 4.
//!
//! A referral is its event log, as an escalation case is: submitted to the
//! GSCP Business Unit (complete, eligible and on time for a meeting, or
//! not), returned, presented at a monthly meeting, recommendations and
//! actions agreed, progress reported at later meetings, and closed,
//! escalated to the Chair of the GSCP Executive, declined or withdrawn. An
//! escalation to QiiP (a statutory review's criteria met) is recorded on
//! the way and does not end it. [`evaluate`] gives its status at a date
//! on the meeting dates the caller gives ([`Schedule`]). Sources: the GSCP
//! Resolution Group Terms of Reference with its flowchart, and Appendix 9
//! of the GSCP multi-agency arrangements; `docs/resolution-group.md` sets
//! each rule beside its sentence.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use safeguarding_resolution::calendar::{Calendar, Division};
//! use safeguarding_resolution::resolution_group::{
//!     self as rg, DeadlineRule, ReferralState, ReferralEvent, Schedule, Section, Submission,
//! };
//!
//! let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
//! let calendar = Calendar::uk(Division::EnglandAndWales);
//! let schedule = Schedule::new(vec![day(1, 12), day(2, 9)], DeadlineRule::TermsOfReference)?;
//!
//! let mut referral = Submission::new();
//! referral.by_agency = Some("Constabulary".into());
//! referral.presenter = Some("Detective Inspector, PPB".into());
//! referral.marked_for_resolution_group = true;
//! referral.prior_process = vec![rg::PriorProcess::DisputeResolution];
//! referral.features = vec![rg::Feature::DisputesUnresolved];
//! for section in Section::ALL {
//!     referral.sections.push((section, "written".into()));
//! }
//! // Submitted on 6 January: too late for 12 January (latest 5 January).
//! let events = [ReferralEvent::submitted(day(1, 6), referral)];
//! let status = rg::evaluate(calendar, &schedule, &events, day(1, 6), None)?;
//! assert_eq!(status.state, ReferralState::Scheduled);
//! let scheduling = status.scheduling.as_ref().unwrap();
//! assert_eq!(scheduling.meeting, Some(day(2, 9)));
//! assert_eq!(scheduling.deadline.unwrap().latest, day(2, 2));
//! assert!(scheduling.why.contains("after the latest submission date"));
//! # Ok::<(), safeguarding_resolution::policy::Error>(())
//! ```

pub mod agenda;
mod engine;
pub mod lifecycle;
mod referral;
mod sweep;

use std::fmt;

use chrono::NaiveDate;

pub use engine::evaluate;
pub use lifecycle::{Phase, ReferralEventType};
pub use referral::{Feature, PriorProcess, Risk, Section, Submission};

use crate::calendar::Calendar;
use crate::policy::{CaseStatus, Error, FreeText, ObligationStatus, Warning, When};

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

/// How a progress report is to be made (the group decides case by case).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::DueKind;
/// use safeguarding_resolution::resolution_group::{
///     self as rg, AgreedAction, Agreement, DeadlineRule, PriorProcess, ReferralEvent,
///     ReportBack, ReportForm, Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let meetings = vec![day(10, 13), day(11, 10)];
/// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::DisputeResolution];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// // The group asks for a report in person at the November meeting.
/// let mut agreement = Agreement::default();
/// agreement.actions.push(AgreedAction {
///     agency: "Example Children's Social Care".into(),
///     action: "Convene a strategy discussion".into(),
///     due: day(10, 23),
/// });
/// agreement.report_back = Some(ReportBack { meeting: day(11, 10), form: ReportForm::InPerson });
/// let events = [
///     ReferralEvent::submitted(day(9, 28), referral),
///     ReferralEvent::presented(day(10, 13)),
///     ReferralEvent::actions_agreed(day(10, 13), agreement),
/// ];
/// let status = rg::evaluate(calendar, &schedule, &events, day(10, 13), None)?;
/// let report = status.obligations.iter().find(|o| o.id == "progress_report").unwrap();
/// assert_eq!(report.what, "Report progress to the Resolution Group in person");
/// assert_eq!(report.due.kind, DueKind::ByEndOf(day(11, 10)));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportForm {
    /// In writing.
    Written,
    /// In person, at the meeting.
    InPerson,
}

impl ReportForm {
    /// The id in JSON: `written` or `in_person`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::ReportForm;
    ///
    /// assert_eq!(ReportForm::Written.id(), "written");
    /// assert_eq!(ReportForm::InPerson.id(), "in_person");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            ReportForm::Written => "written",
            ReportForm::InPerson => "in_person",
        }
    }
}

/// When and how to report back to the group.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, AgreedAction, Agreement, DeadlineRule, PriorProcess, ReferralEvent,
///     ReportBack, ReportForm, Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let meetings = vec![day(10, 13), day(11, 10)];
/// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::DisputeResolution];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let agreed = |meeting| {
///     let mut agreement = Agreement::default();
///     agreement.actions.push(AgreedAction {
///         agency: "Example Health Trust".into(),
///         action: "Arrange a paediatric review".into(),
///         due: day(10, 30),
///     });
///     agreement.report_back = Some(ReportBack { meeting, form: ReportForm::Written });
///     [
///         ReferralEvent::submitted(day(9, 28), referral.clone()),
///         ReferralEvent::presented(day(10, 13)),
///         ReferralEvent::actions_agreed(day(10, 13), agreement),
///     ]
/// };
/// // The report goes to a later meeting of the schedule...
/// assert!(rg::evaluate(calendar, &schedule, &agreed(day(11, 10)), day(10, 13), None).is_ok());
/// // ...not to the meeting that asks for it, nor to a day that is not a meeting.
/// for meeting in [day(10, 13), day(11, 11)] {
///     let events = agreed(meeting);
///     let err = rg::evaluate(calendar, &schedule, &events, day(10, 13), None).unwrap_err();
///     assert_eq!(err.code(), "invalid_field");
///     assert!(err.to_string().starts_with("events[2].report_back.meeting"));
/// }
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReportBack {
    /// The meeting to report to (one of the schedule's).
    pub meeting: NaiveDate,
    /// In writing or in person.
    pub form: ReportForm,
}

/// An action agreed by an agency, with a real due date.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, AgreedAction, Agreement, DeadlineRule, PriorProcess, ReferralEvent,
///     ReportBack, ReportForm, Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let action = AgreedAction {
///     agency: "Example Children's Social Care".into(),
///     action: "Visit Child A at home".into(),
///     due: day(10, 12),
/// };
/// // The group's words are kept, but never shown by `Debug`.
/// assert!(!format!("{action:?}").contains("Child A"));
///
/// // An action due before the meeting that agreed it is refused.
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let meetings = vec![day(10, 13), day(11, 10)];
/// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::DisputeResolution];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let mut agreement = Agreement::default();
/// agreement.actions.push(action);
/// let report = ReportBack { meeting: day(11, 10), form: ReportForm::Written };
/// agreement.report_back = Some(report);
/// let events = [
///     ReferralEvent::submitted(day(9, 28), referral),
///     ReferralEvent::presented(day(10, 13)),
///     ReferralEvent::actions_agreed(day(10, 13), agreement),
/// ];
/// let err = rg::evaluate(calendar, &schedule, &events, day(10, 13), None).unwrap_err();
/// assert!(err.to_string().starts_with("events[2].actions[0].due"));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreedAction {
    /// The agency that will do it.
    pub agency: String,
    /// What, in the group's words (never echoed by the library).
    pub action: FreeText,
    /// The day it is due by.
    pub due: NaiveDate,
}

/// A contribution of resources agreed in principle.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, AgreedAction, Agreement, DeadlineRule, PriorProcess, ReferralEvent, ReportBack,
///     ReportForm, ResourceAgreement, Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let meetings = vec![day(10, 13), day(11, 10)];
/// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::DisputeResolution];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let mut agreement = Agreement::default();
/// agreement.actions.push(AgreedAction {
///     agency: "Example Health Trust".into(),
///     action: "Fund a specialist assessment".into(),
///     due: day(11, 6),
/// });
/// let report = ReportBack { meeting: day(11, 10), form: ReportForm::Written };
/// agreement.report_back = Some(report);
/// // Two contributions; only the education one still needs its agency's approval.
/// agreement.resources = vec![
///     ResourceAgreement {
///         agency: "Example Health Trust".into(),
///         what: "Half the cost".into(),
///         confirmed: true,
///     },
///     ResourceAgreement {
///         agency: "Example Education".into(),
///         what: "Half the cost".into(),
///         confirmed: false,
///     },
/// ];
/// let events = [
///     ReferralEvent::submitted(day(9, 28), referral),
///     ReferralEvent::presented(day(10, 13)),
///     ReferralEvent::actions_agreed(day(10, 13), agreement),
/// ];
/// let status = rg::evaluate(calendar, &schedule, &events, day(10, 13), None)?;
/// let owed = status.obligations.iter().filter(|o| o.id == "resources_confirmed").count();
/// assert_eq!(owed, 1);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceAgreement {
    /// The agency contributing.
    pub agency: String,
    /// What, in words (never echoed by the library).
    pub what: FreeText,
    /// Already confirmed by the agency; if not, its confirmation is owed.
    pub confirmed: bool,
}

/// What a meeting agreed for a referral.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, AgreedAction, Agreement, DeadlineRule, PriorProcess, ReferralEvent,
///     ReportBack, ReportForm, Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let meetings = vec![day(10, 13), day(11, 10)];
/// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::DisputeResolution];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let status_with = |agreement: Agreement| {
///     let events = [
///         ReferralEvent::submitted(day(9, 28), referral.clone()),
///         ReferralEvent::presented(day(10, 13)),
///         ReferralEvent::actions_agreed(day(10, 13), agreement),
///     ];
///     rg::evaluate(calendar, &schedule, &events, day(10, 13), None)
/// };
/// // "Recommendations & agreed actions, contributions & timescales for
/// // reporting set": the first agreement needs an action and a report back.
/// let mut agreement = Agreement::default();
/// let err = status_with(agreement.clone()).unwrap_err();
/// assert!(err.to_string().starts_with("events[2].actions"));
/// agreement.actions.push(AgreedAction {
///     agency: "Example Constabulary".into(),
///     action: "Share the risk assessment".into(),
///     due: day(10, 20),
/// });
/// let err = status_with(agreement.clone()).unwrap_err();
/// assert!(err.to_string().starts_with("events[2].report_back"));
/// let report = ReportBack { meeting: day(11, 10), form: ReportForm::Written };
/// agreement.report_back = Some(report);
/// let status = status_with(agreement)?;
/// assert_eq!(status.actions.len(), 1);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Agreement {
    /// The actions, each with its agency and due date.
    pub actions: Vec<AgreedAction>,
    /// When and how to report progress.
    pub report_back: Option<ReportBack>,
    /// In-principle contributions of resources.
    pub resources: Vec<ResourceAgreement>,
}

/// Where the group sends a referral it cannot resolve.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, DeadlineRule, EscalationTarget, PriorProcess, ReferralEvent, ReferralState,
///     Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::DisputeResolution];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let mut events = vec![
///     ReferralEvent::submitted(day(9, 28), referral),
///     ReferralEvent::presented(day(10, 13)),
///     // A statutory review's criteria are met: recorded, the referral goes on.
///     ReferralEvent::escalated(day(10, 13), EscalationTarget::Qiip),
/// ];
/// let status = rg::evaluate(calendar, &schedule, &events, day(10, 13), None)?;
/// assert_eq!(status.state, ReferralState::Presented);
/// assert_eq!(status.qiip_referred_on, Some(day(10, 13)));
/// // The group cannot resolve it: the Chair of the GSCP Executive ends its work.
/// events.push(ReferralEvent::escalated(day(10, 14), EscalationTarget::ExecutiveChair));
/// let status = rg::evaluate(calendar, &schedule, &events, day(10, 14), None)?;
/// assert_eq!(status.state, ReferralState::Escalated);
/// assert_eq!(status.ended_on, Some(day(10, 14)));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EscalationTarget {
    /// The Chair of the GSCP Executive: the group could not resolve it.
    ExecutiveChair,
    /// The GSCP Quality and Improvement in Practice Subgroup: the case meets
    /// the criteria for a statutory review.
    Qiip,
}

impl EscalationTarget {
    /// The id in JSON: `executive-chair` or `qiip`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::EscalationTarget;
    ///
    /// assert_eq!(EscalationTarget::ExecutiveChair.id(), "executive-chair");
    /// assert_eq!(EscalationTarget::Qiip.id(), "qiip");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            EscalationTarget::ExecutiveChair => "executive-chair",
            EscalationTarget::Qiip => "qiip",
        }
    }
}

/// The statutory reviews named for an escalation to QiiP.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, DeadlineRule, EscalationTarget, PriorProcess, ReferralEvent, ReferralEventKind,
///     Schedule, Section, StatutoryReview, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::DisputeResolution];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// // A review goes with an escalation to QiiP, not to the Chair.
/// let to_chair = ReferralEvent {
///     on: day(10, 13).into(),
///     kind: ReferralEventKind::Escalated {
///         to: EscalationTarget::ExecutiveChair,
///         review: Some(StatutoryReview::RapidReview),
///         reason: None,
///     },
/// };
/// let events = [
///     ReferralEvent::submitted(day(9, 28), referral),
///     ReferralEvent::presented(day(10, 13)),
///     to_chair,
/// ];
/// let err = rg::evaluate(calendar, &schedule, &events, day(10, 13), None).unwrap_err();
/// assert!(err.to_string().starts_with("events[2].review"));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatutoryReview {
    /// A Rapid Review.
    RapidReview,
    /// An Acute Life Threatening Event review.
    AcuteLifeThreateningEvent,
}

impl StatutoryReview {
    /// The id in JSON: `rapid_review` or `acute_life_threatening_event`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::StatutoryReview;
    ///
    /// assert_eq!(StatutoryReview::RapidReview.id(), "rapid_review");
    /// assert_eq!(StatutoryReview::AcuteLifeThreateningEvent.id(), "acute_life_threatening_event");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            StatutoryReview::RapidReview => "rapid_review",
            StatutoryReview::AcuteLifeThreateningEvent => "acute_life_threatening_event",
        }
    }
}

/// What happened to a referral.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, DeadlineRule, PriorProcess, ReferralEvent, ReferralEventKind, ReferralState,
///     Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let meetings = vec![day(10, 13), day(11, 10)];
/// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::DisputeResolution];
/// let first = referral.clone(); // no sections written yet
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// // Returned as incomplete (an event with no constructor of its own), then
/// // submitted again, complete, after the latest date for 13 October.
/// let returned = ReferralEvent {
///     on: day(9, 29).into(),
///     kind: ReferralEventKind::Returned { reason: Some("No sections written".into()) },
/// };
/// let mut events = vec![ReferralEvent::submitted(day(9, 28), first), returned];
/// let status = rg::evaluate(calendar, &schedule, &events, day(9, 29), None)?;
/// assert_eq!(status.state, ReferralState::Returned);
/// events.push(ReferralEvent::submitted(day(10, 7), referral));
/// let status = rg::evaluate(calendar, &schedule, &events, day(10, 7), None)?;
/// assert_eq!(status.state, ReferralState::Scheduled);
/// assert_eq!(status.scheduling.unwrap().meeting, Some(day(11, 10)));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReferralEventKind {
    /// The referral reached the GSCP Business Unit.
    Submitted(Box<Submission>),
    /// Sent back as incomplete or ineligible.
    Returned {
        /// Why.
        reason: Option<FreeText>,
    },
    /// Discussed at a meeting (the event's day is a meeting date).
    Presented,
    /// Recommendations, actions and reporting agreed.
    ActionsAgreed(Box<Agreement>),
    /// An agreed action was completed (its index among all agreed actions,
    /// from 0, in the order agreed).
    ActionCompleted {
        /// Which action.
        action: usize,
    },
    /// A progress report was given; the group may set the next one.
    ProgressReported {
        /// The next report, if one is asked for.
        report_back: Option<ReportBack>,
    },
    /// Outcomes improved; the group's work ends.
    Closed {
        /// The outcome.
        outcome: Option<FreeText>,
    },
    /// Escalated: to the Chair of the GSCP Executive (the group's work
    /// ends), or to QiiP (recorded; the referral goes on).
    Escalated {
        /// Where.
        to: EscalationTarget,
        /// For QiiP, the review whose criteria are met.
        review: Option<StatutoryReview>,
        /// Why.
        reason: Option<FreeText>,
    },
    /// Not taken on.
    Declined {
        /// Why.
        reason: Option<FreeText>,
    },
    /// Withdrawn.
    Withdrawn {
        /// Why.
        reason: Option<FreeText>,
    },
    /// An obligation was done (its id).
    Recorded {
        /// The obligation's id.
        record: String,
    },
}

/// One event of a referral.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, AgreedAction, Agreement, DeadlineRule, PriorProcess, ReferralEvent,
///     ReferralEventType, ReferralState, ReportBack, ReportForm, Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let meetings = vec![day(10, 13), day(11, 10)];
/// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::DisputeResolution];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let mut agreement = Agreement::default();
/// agreement.actions.push(AgreedAction {
///     agency: "Example Children's Social Care".into(),
///     action: "Convene a strategy discussion".into(),
///     due: day(10, 23),
/// });
/// let report = ReportBack { meeting: day(11, 10), form: ReportForm::Written };
/// agreement.report_back = Some(report);
/// // A referral's whole life, from submission to closure.
/// let events = [
///     ReferralEvent::submitted(day(9, 28), referral),
///     ReferralEvent::presented(day(10, 13)),
///     ReferralEvent::actions_agreed(day(10, 13), agreement),
///     ReferralEvent::action_completed(day(10, 22), 0),
///     ReferralEvent::progress_reported(day(11, 10), None),
///     ReferralEvent::closed(day(11, 10)),
/// ];
/// assert_eq!(events[1].on.date(), day(10, 13));
/// assert_eq!(events[5].event_type(), ReferralEventType::Closed);
///
/// let status = rg::evaluate(calendar, &schedule, &events, day(11, 10), None)?;
/// assert_eq!((status.state, status.ended_on), (ReferralState::Closed, Some(day(11, 10))));
/// assert_eq!(status.actions[0].done_on, Some(day(10, 22)));
/// // What is still owed outlives the group's work: the plans, the actions
/// // brought back, and the learning; the progress report was given.
/// let owed: Vec<&str> = status.pending_obligations().map(|o| o.id.as_str()).collect();
/// assert_eq!(owed, [
///     "members_notified",
///     "risk_management_plan",
///     "care_plan_revised",
///     "actions_brought_back",
///     "learning_disseminated",
/// ]);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralEvent {
    /// When.
    pub on: When,
    /// What.
    pub kind: ReferralEventKind,
}

impl ReferralEvent {
    /// The referral reached the Business Unit.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::resolution_group::{
    ///     self as rg, DeadlineRule, PriorProcess, ReferralEvent, ReferralEventType, ReferralState,
    ///     Schedule, Section, Submission,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
    /// // Six sections of seven, not marked for the Resolution Group.
    /// let mut referral = Submission::new();
    /// referral.prior_process = vec![PriorProcess::Conferencing];
    /// referral.sections = Section::ALL.iter().skip(1).map(|s| (*s, "written".into())).collect();
    /// let events = [ReferralEvent::submitted(day(9, 28), referral)];
    /// let status = rg::evaluate(calendar, &schedule, &events, day(9, 28), None)?;
    /// assert_eq!(status.state, ReferralState::Incomplete);
    /// assert_eq!(status.missing_sections, [Section::BasicInformation]);
    /// // It still shows the meeting it could make, but cannot be presented yet.
    /// assert_eq!(status.scheduling.unwrap().meeting, Some(day(10, 13)));
    /// assert!(!status.next.contains(&ReferralEventType::Presented));
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn submitted(on: impl Into<When>, submission: Submission) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::Submitted(Box::new(submission)),
        }
    }

    /// Discussed at the meeting on `on`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::resolution_group::{
    ///     self as rg, DeadlineRule, PriorProcess, ReferralEvent, ReferralState, Schedule, Section,
    ///     Submission,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
    /// let mut referral = Submission::new();
    /// referral.marked_for_resolution_group = true;
    /// referral.prior_process = vec![PriorProcess::DisputeResolution];
    /// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
    /// let submitted = ReferralEvent::submitted(day(9, 28), referral);
    ///
    /// let events = [submitted.clone(), ReferralEvent::presented(day(10, 13))];
    /// let status = rg::evaluate(calendar, &schedule, &events, day(10, 13), None)?;
    /// assert_eq!(status.state, ReferralState::Presented);
    /// assert_eq!(status.presented_on, Some(day(10, 13)));
    /// // A referral is presented at a meeting: the next day is not one.
    /// let events = [submitted, ReferralEvent::presented(day(10, 14))];
    /// let err = rg::evaluate(calendar, &schedule, &events, day(10, 14), None).unwrap_err();
    /// assert_eq!((err.code(), err.event_index()), ("invalid_field", Some(1)));
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn presented(on: impl Into<When>) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::Presented,
        }
    }

    /// Actions and reporting agreed.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::DueKind;
    /// use safeguarding_resolution::resolution_group::{
    ///     self as rg, AgreedAction, Agreement, DeadlineRule, PriorProcess, ReferralEvent,
    ///     ReferralState, ReportBack, ReportForm, Schedule, Section, Submission,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let meetings = vec![day(10, 13), day(11, 10)];
    /// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
    /// let mut referral = Submission::new();
    /// referral.marked_for_resolution_group = true;
    /// referral.prior_process = vec![PriorProcess::DisputeResolution];
    /// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
    /// let mut agreement = Agreement::default();
    /// agreement.actions.push(AgreedAction {
    ///     agency: "Example Children's Social Care".into(),
    ///     action: "Convene a strategy discussion".into(),
    ///     due: day(10, 23),
    /// });
    /// let report = ReportBack { meeting: day(11, 10), form: ReportForm::Written };
    /// agreement.report_back = Some(report);
    /// let events = [
    ///     ReferralEvent::submitted(day(9, 28), referral),
    ///     ReferralEvent::presented(day(10, 13)),
    ///     ReferralEvent::actions_agreed(day(10, 13), agreement),
    /// ];
    /// let status = rg::evaluate(calendar, &schedule, &events, day(10, 13), None)?;
    /// assert_eq!(status.state, ReferralState::ActionsInProgress);
    /// // The meeting's agreement puts four duties on the agencies, each with
    /// // its deadline, where the Terms of Reference give one.
    /// let duties: Vec<(&str, DueKind)> = status
    ///     .obligations
    ///     .iter()
    ///     .filter(|o| o.arose_on == day(10, 13))
    ///     .map(|o| (o.id.as_str(), o.due.kind))
    ///     .collect();
    /// assert_eq!(duties, [
    ///     ("risk_management_plan", DueKind::NotStated),
    ///     ("care_plan_revised", DueKind::NotStated),
    ///     ("actions_brought_back", DueKind::WithoutDelay),
    ///     ("progress_report", DueKind::ByEndOf(day(11, 10))),
    /// ]);
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn actions_agreed(on: impl Into<When>, agreement: Agreement) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::ActionsAgreed(Box::new(agreement)),
        }
    }

    /// An agreed action completed.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::resolution_group::{
    ///     self as rg, AgreedAction, Agreement, DeadlineRule, PriorProcess, ReferralEvent,
    ///     ReportBack, ReportForm, Schedule, Section, Submission,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let meetings = vec![day(10, 13), day(11, 10)];
    /// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
    /// let mut referral = Submission::new();
    /// referral.marked_for_resolution_group = true;
    /// referral.prior_process = vec![PriorProcess::DisputeResolution];
    /// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
    /// let mut agreement = Agreement::default();
    /// agreement.actions.push(AgreedAction {
    ///     agency: "Example Children's Social Care".into(),
    ///     action: "Convene a strategy discussion".into(),
    ///     due: day(10, 23),
    /// });
    /// let report = ReportBack { meeting: day(11, 10), form: ReportForm::Written };
    /// agreement.report_back = Some(report);
    /// let mut events = vec![
    ///     ReferralEvent::submitted(day(9, 28), referral),
    ///     ReferralEvent::presented(day(10, 13)),
    ///     ReferralEvent::actions_agreed(day(10, 13), agreement),
    ///     // Action 0, due Friday 23 October, done the Monday after: late.
    ///     ReferralEvent::action_completed(day(10, 26), 0),
    /// ];
    /// let status = rg::evaluate(calendar, &schedule, &events, day(10, 26), None)?;
    /// let action = &status.actions[0];
    /// assert_eq!((action.due, action.done_on), (day(10, 23), Some(day(10, 26))));
    /// assert!(!action.overdue);
    /// // Only one action was agreed: there is no action 1.
    /// events.push(ReferralEvent::action_completed(day(10, 26), 1));
    /// let err = rg::evaluate(calendar, &schedule, &events, day(10, 26), None).unwrap_err();
    /// assert!(err.to_string().starts_with("events[4].action"));
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn action_completed(on: impl Into<When>, action: usize) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::ActionCompleted { action },
        }
    }

    /// A progress report given.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::resolution_group::{
    ///     self as rg, AgreedAction, Agreement, DeadlineRule, PriorProcess, ReferralEvent,
    ///     ReportBack, ReportForm, Schedule, Section, Submission,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let meetings = vec![day(10, 13), day(11, 10), day(12, 8)];
    /// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
    /// let mut referral = Submission::new();
    /// referral.marked_for_resolution_group = true;
    /// referral.prior_process = vec![PriorProcess::DisputeResolution];
    /// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
    /// let mut agreement = Agreement::default();
    /// agreement.actions.push(AgreedAction {
    ///     agency: "Example Children's Social Care".into(),
    ///     action: "Convene a strategy discussion".into(),
    ///     due: day(10, 23),
    /// });
    /// let report = ReportBack { meeting: day(11, 10), form: ReportForm::Written };
    /// agreement.report_back = Some(report);
    /// // Reported in writing in November; the group asks for December, in person.
    /// let next = ReportBack { meeting: day(12, 8), form: ReportForm::InPerson };
    /// let events = [
    ///     ReferralEvent::submitted(day(9, 28), referral),
    ///     ReferralEvent::presented(day(10, 13)),
    ///     ReferralEvent::actions_agreed(day(10, 13), agreement),
    ///     ReferralEvent::progress_reported(day(11, 10), Some(next)),
    /// ];
    /// let status = rg::evaluate(calendar, &schedule, &events, day(11, 10), None)?;
    /// let reports: Vec<(Option<NaiveDate>, Option<NaiveDate>)> = status
    ///     .obligations
    ///     .iter()
    ///     .filter(|o| o.id == "progress_report")
    ///     .map(|o| (o.due.date(), o.done_on))
    ///     .collect();
    /// assert_eq!(reports, [(Some(day(11, 10)), Some(day(11, 10))), (Some(day(12, 8)), None)]);
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn progress_reported(on: impl Into<When>, next: Option<ReportBack>) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::ProgressReported { report_back: next },
        }
    }

    /// Closed with improved outcomes.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::resolution_group::{
    ///     self as rg, AgreedAction, Agreement, DeadlineRule, PriorProcess, ReferralEvent,
    ///     ReferralEventType, ReferralState, ReportBack, ReportForm, Schedule, Section, Submission,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let meetings = vec![day(10, 13), day(11, 10)];
    /// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
    /// let mut referral = Submission::new();
    /// referral.marked_for_resolution_group = true;
    /// referral.prior_process = vec![PriorProcess::DisputeResolution];
    /// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
    /// let mut agreement = Agreement::default();
    /// agreement.actions.push(AgreedAction {
    ///     agency: "Example Children's Social Care".into(),
    ///     action: "Convene a strategy discussion".into(),
    ///     due: day(10, 23),
    /// });
    /// let report = ReportBack { meeting: day(11, 10), form: ReportForm::Written };
    /// agreement.report_back = Some(report);
    /// // Outcomes improved; closed at the November meeting, the action never
    /// // recorded as done.
    /// let events = [
    ///     ReferralEvent::submitted(day(9, 28), referral),
    ///     ReferralEvent::presented(day(10, 13)),
    ///     ReferralEvent::actions_agreed(day(10, 13), agreement),
    ///     ReferralEvent::progress_reported(day(11, 10), None),
    ///     ReferralEvent::closed(day(11, 10)),
    /// ];
    /// let status = rg::evaluate(calendar, &schedule, &events, day(11, 10), None)?;
    /// assert_eq!(status.state, ReferralState::Closed);
    /// assert!(status.actions[0].overdue);
    /// let warning = status.warnings.iter().find(|w| w.event_index == 4).expect("a warning");
    /// assert!(warning.message.starts_with("closed with 1 agreed action(s) not recorded"));
    /// assert_eq!(status.obligations.last().unwrap().id, "learning_disseminated");
    /// // After the end only records of duties still owed are allowed.
    /// assert_eq!(status.next, [ReferralEventType::Recorded]);
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn closed(on: impl Into<When>) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::Closed { outcome: None },
        }
    }

    /// Escalated to the Chair or to QiiP.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::resolution_group::{
    ///     self as rg, DeadlineRule, EscalationTarget, PriorProcess, ReferralEvent, ReferralState,
    ///     Schedule, Section, Submission,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
    /// let mut referral = Submission::new();
    /// referral.marked_for_resolution_group = true;
    /// referral.prior_process = vec![PriorProcess::DisputeResolution];
    /// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
    /// let submitted = ReferralEvent::submitted(day(9, 28), referral);
    /// let to_chair = |on| ReferralEvent::escalated(on, EscalationTarget::ExecutiveChair);
    ///
    /// // The Chair hears what the group could not resolve: not before the meeting.
    /// let events = [submitted.clone(), to_chair(day(10, 1))];
    /// let err = rg::evaluate(calendar, &schedule, &events, day(10, 1), None).unwrap_err();
    /// assert!(err.is_invalid_transition());
    ///
    /// let events = [submitted, ReferralEvent::presented(day(10, 13)), to_chair(day(10, 15))];
    /// let status = rg::evaluate(calendar, &schedule, &events, day(10, 15), None)?;
    /// assert_eq!(status.state, ReferralState::Escalated);
    /// assert_eq!(status.escalated_to, Some((EscalationTarget::ExecutiveChair, None)));
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn escalated(on: impl Into<When>, to: EscalationTarget) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::Escalated {
                to,
                review: None,
                reason: None,
            },
        }
    }

    /// An obligation done.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::resolution_group::{
    ///     self as rg, DeadlineRule, PriorProcess, ReferralEvent, Schedule, Section, Submission,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
    /// let mut referral = Submission::new();
    /// referral.marked_for_resolution_group = true;
    /// referral.prior_process = vec![PriorProcess::DisputeResolution];
    /// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
    /// let mut events = vec![
    ///     ReferralEvent::submitted(day(9, 28), referral),
    ///     // The Business Unit told the group's members the next day.
    ///     ReferralEvent::recorded(day(9, 29), "members_notified"),
    /// ];
    /// let status = rg::evaluate(calendar, &schedule, &events, day(9, 29), None)?;
    /// assert_eq!(status.obligations[0].id, "members_notified");
    /// assert_eq!(status.obligations[0].done_on, Some(day(9, 29)));
    /// // Nothing of that id is owed any more.
    /// events.push(ReferralEvent::recorded(day(9, 30), "members_notified"));
    /// let err = rg::evaluate(calendar, &schedule, &events, day(9, 30), None).unwrap_err();
    /// assert!(err.is_invalid_transition());
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn recorded(on: impl Into<When>, record: &str) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::Recorded {
                record: record.to_string(),
            },
        }
    }

    /// The kind of event.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::resolution_group::{
    ///     EscalationTarget, ReferralEvent, ReferralEventType,
    /// };
    ///
    /// let on = NaiveDate::from_ymd_opt(2026, 10, 13).unwrap();
    /// let event = ReferralEvent::escalated(on, EscalationTarget::Qiip);
    /// assert_eq!(event.event_type(), ReferralEventType::Escalated);
    /// assert_eq!(event.event_type().as_str(), "escalated");
    /// ```
    pub fn event_type(&self) -> ReferralEventType {
        match self.kind {
            ReferralEventKind::Submitted(_) => ReferralEventType::Submitted,
            ReferralEventKind::Returned { .. } => ReferralEventType::Returned,
            ReferralEventKind::Presented => ReferralEventType::Presented,
            ReferralEventKind::ActionsAgreed(_) => ReferralEventType::ActionsAgreed,
            ReferralEventKind::ActionCompleted { .. } => ReferralEventType::ActionCompleted,
            ReferralEventKind::ProgressReported { .. } => ReferralEventType::ProgressReported,
            ReferralEventKind::Closed { .. } => ReferralEventType::Closed,
            ReferralEventKind::Escalated { .. } => ReferralEventType::Escalated,
            ReferralEventKind::Declined { .. } => ReferralEventType::Declined,
            ReferralEventKind::Withdrawn { .. } => ReferralEventType::Withdrawn,
            ReferralEventKind::Recorded { .. } => ReferralEventType::Recorded,
        }
    }
}

/// Where a referral stands.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, DeadlineRule, ReferralEvent, ReferralState, Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
/// // Complete and marked, but naming no process tried and failed: nothing is
/// // missing, it is the wrong case for the group.
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let events = [ReferralEvent::submitted(day(9, 28), referral)];
/// let status = rg::evaluate(calendar, &schedule, &events, day(9, 28), None)?;
/// assert_eq!(status.state, ReferralState::Ineligible);
/// assert!(status.missing.is_empty() && status.eligibility.is_none());
/// assert_eq!(status.state.to_string(), "ineligible");
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReferralState {
    /// Submitted, but a section or the mark is missing (see
    /// [`ReferralStatus::missing`]).
    Incomplete,
    /// Complete, but with no eligibility route (see [`Eligibility`]).
    Ineligible,
    /// Complete and eligible, but no meeting given can take it yet.
    AwaitingMeeting,
    /// Complete and eligible, scheduled for a meeting.
    Scheduled,
    /// Sent back, awaiting resubmission.
    Returned,
    /// Discussed at a meeting; actions not yet recorded.
    Presented,
    /// Actions agreed; progress being reported.
    ActionsInProgress,
    /// Closed with improved outcomes.
    Closed,
    /// Escalated to the Chair of the GSCP Executive (an escalation to QiiP
    /// leaves the state as it was).
    Escalated,
    /// Not taken on.
    Declined,
    /// Withdrawn.
    Withdrawn,
}

impl ReferralState {
    /// The JSON name.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::ReferralState;
    ///
    /// assert_eq!(ReferralState::AwaitingMeeting.as_str(), "awaiting_meeting");
    /// assert_eq!(ReferralState::ActionsInProgress.as_str(), "actions_in_progress");
    /// // `Display` writes the same, and honours width and alignment.
    /// assert_eq!(format!("{:>10}", ReferralState::Closed), "    closed");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ReferralState::Incomplete => "incomplete",
            ReferralState::Ineligible => "ineligible",
            ReferralState::AwaitingMeeting => "awaiting_meeting",
            ReferralState::Scheduled => "scheduled",
            ReferralState::Returned => "returned",
            ReferralState::Presented => "presented",
            ReferralState::ActionsInProgress => "actions_in_progress",
            ReferralState::Closed => "closed",
            ReferralState::Escalated => "escalated",
            ReferralState::Declined => "declined",
            ReferralState::Withdrawn => "withdrawn",
        }
    }
}

impl fmt::Display for ReferralState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// An item that makes a referral incomplete: a section, or the mark for
/// the Resolution Group.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, DeadlineRule, PriorProcess, ReferralEvent, Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
/// // The chronology left blank, and the referral not marked for the group.
/// let mut referral = Submission::new();
/// referral.prior_process = vec![PriorProcess::Planning];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// referral.sections[1].1 = "   ".into();
/// let events = [ReferralEvent::submitted(day(9, 28), referral)];
/// let status = rg::evaluate(calendar, &schedule, &events, day(9, 28), None)?;
/// let fields: Vec<&str> = status.missing.iter().map(|m| m.field.as_str()).collect();
/// assert_eq!(fields, ["referral.chronology", "marked_for_resolution_group"]);
/// assert!(status.missing[1].problem.contains("clearly marked for Resolution Group"));
/// assert_eq!(status.missing_sections, [Section::Chronology]);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MissingItem {
    /// The field: `referral.chronology`, `marked_for_resolution_group`.
    pub field: String,
    /// What is needed, citing the Terms of Reference.
    pub problem: &'static str,
}

/// Why a referral may come to the group.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, DeadlineRule, Eligibility, PriorProcess, ReferralEvent, Schedule, Section,
///     Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
/// let route = |prior: Vec<PriorProcess>, business_unit| {
///     let mut referral = Submission::new();
///     referral.marked_for_resolution_group = true;
///     referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
///     referral.prior_process = prior;
///     referral.by_business_unit = business_unit;
///     let events = [ReferralEvent::submitted(day(9, 28), referral)];
///     rg::evaluate(calendar, &schedule, &events, day(9, 28), None).map(|s| s.eligibility)
/// };
/// assert_eq!(route(vec![PriorProcess::Planning], false)?, Some(Eligibility::PriorProcess));
/// // The Business Unit's own submission is the stronger route.
/// assert_eq!(route(vec![PriorProcess::Planning], true)?, Some(Eligibility::BusinessUnit));
/// assert_eq!(route(vec![], false)?, None);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Eligibility {
    /// The referral states the normal processes tried and failed.
    PriorProcess,
    /// A linked GSCP escalation case had reached this stage (4, the
    /// Resolution Group, or 5) when the referral was submitted.
    EscalationCase(u8),
    /// The Business Unit itself submitted it.
    BusinessUnit,
}

impl Eligibility {
    /// The id in JSON: `prior_process`, `escalation_case`, `business_unit`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::Eligibility;
    ///
    /// assert_eq!(Eligibility::PriorProcess.id(), "prior_process");
    /// // The stage goes in a field of its own in JSON.
    /// assert_eq!(Eligibility::EscalationCase(4).id(), "escalation_case");
    /// assert_eq!(Eligibility::BusinessUnit.id(), "business_unit");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Eligibility::PriorProcess => "prior_process",
            Eligibility::EscalationCase(_) => "escalation_case",
            Eligibility::BusinessUnit => "business_unit",
        }
    }
}

/// How the referral was scheduled, and why.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, DeadlineRule, PriorProcess, ReferralEvent, Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let meetings = vec![day(10, 13), day(11, 10), day(12, 8)];
/// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::DisputeResolution];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let events = [ReferralEvent::submitted(day(10, 7), referral)];
/// let status = rg::evaluate(calendar, &schedule, &events, day(10, 7), None)?;
/// let scheduling = status.scheduling.unwrap();
/// assert_eq!((scheduling.submitted_on, scheduling.meeting), (day(10, 7), Some(day(11, 10))));
/// assert_eq!(
///     scheduling.why,
///     "submitted on 2026-10-07, after the latest submission date 2026-10-06 for the meeting of \
///      2026-10-13 (5 working days before it); it goes to the next meeting it can make, \
///      2026-11-10 (latest submission date 2026-11-03)"
/// );
/// // Too late for October, but in time for November's ideal date (27 October).
/// assert_eq!(scheduling.ideal_met, Some(true));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Scheduling {
    /// The day the (latest) submission reached the Business Unit.
    pub submitted_on: NaiveDate,
    /// The meeting it can go to: the earliest whose latest submission date
    /// is on or after the submission.
    pub meeting: Option<NaiveDate>,
    /// That meeting's submission dates.
    pub deadline: Option<SubmissionDeadline>,
    /// Whether the ideal date was met.
    pub ideal_met: Option<bool>,
    /// Why this meeting, in words (which meetings were missed and how).
    pub why: String,
}

/// An agreed action and whether it is done.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, AgreedAction, Agreement, DeadlineRule, PriorProcess, ReferralEvent,
///     ReportBack, ReportForm, Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let meetings = vec![day(10, 13), day(11, 10)];
/// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::DisputeResolution];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let mut agreement = Agreement::default();
/// agreement.actions.push(AgreedAction {
///     agency: "Example Children's Social Care".into(),
///     action: "Convene a strategy discussion".into(),
///     due: day(10, 23),
/// });
/// let report = ReportBack { meeting: day(11, 10), form: ReportForm::Written };
/// agreement.report_back = Some(report);
/// let events = [
///     ReferralEvent::submitted(day(9, 28), referral),
///     ReferralEvent::presented(day(10, 13)),
///     ReferralEvent::actions_agreed(day(10, 13), agreement),
/// ];
/// // On Friday 23 October the action is due, not late; on Monday 26 it is.
/// for (as_of, overdue) in [(day(10, 23), false), (day(10, 26), true)] {
///     let status = rg::evaluate(calendar, &schedule, &events, as_of, None)?;
///     let action = &status.actions[0];
///     assert_eq!((action.index, action.agreed_on, action.due), (0, day(10, 13), day(10, 23)));
///     assert_eq!(action.agency, "Example Children's Social Care");
///     assert_eq!((action.done_on, action.overdue), (None, overdue));
/// }
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ActionStatus {
    /// Its index among all agreed actions, from 0.
    pub index: usize,
    /// The agency.
    pub agency: String,
    /// The day it was agreed.
    pub agreed_on: NaiveDate,
    /// The day it is due by.
    pub due: NaiveDate,
    /// The day it was completed.
    pub done_on: Option<NaiveDate>,
    /// Not done and past due.
    pub overdue: bool,
}

/// An escalation to the GSCP Quality and Improvement in Practice Subgroup
/// (QiiP): "Escalate to GSCP Quality and Improvement in Practice Subgroup
/// (QiiP) any child or young person's circumstances that meets the criteria
/// for a formal safeguarding or other statutory review". The referral goes
/// on; only the Chair of the GSCP Executive ends it by escalation.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, DeadlineRule, EscalationTarget, PriorProcess, QiipReferral, ReferralEvent,
///     ReferralEventKind, ReferralState, Schedule, Section, StatutoryReview, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::DisputeResolution];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let to_qiip = ReferralEvent {
///     on: day(10, 2).into(),
///     kind: ReferralEventKind::Escalated {
///         to: EscalationTarget::Qiip,
///         review: Some(StatutoryReview::RapidReview),
///         reason: None,
///     },
/// };
/// let events = [ReferralEvent::submitted(day(9, 28), referral), to_qiip];
/// let status = rg::evaluate(calendar, &schedule, &events, day(10, 2), None)?;
/// // Recorded; the referral still goes to its meeting.
/// assert_eq!(status.state, ReferralState::Scheduled);
/// let qiip: &QiipReferral = &status.qiip_referrals[0];
/// assert_eq!((qiip.on, qiip.event_index), (day(10, 2), 1));
/// assert_eq!(qiip.review, Some(StatutoryReview::RapidReview));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct QiipReferral {
    /// The day.
    pub on: NaiveDate,
    /// The review whose criteria are met, if named.
    pub review: Option<StatutoryReview>,
    /// The `escalated` event's index.
    pub event_index: usize,
}

/// The status of a referral at a date.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{Event, Raised};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, DeadlineRule, Eligibility, ReferralEvent, ReferralState, Schedule, Section,
///     Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let schedule = Schedule::new(vec![day(11, 10)], DeadlineRule::TermsOfReference)?;
/// // The linked GSCP escalation case reached stage 4, the Resolution Group,
/// // on Wednesday 28 October.
/// let escalation = [
///     Event::raised(day(10, 5), Raised::new()),
///     Event::escalated(day(10, 6)),
///     Event::escalated(day(10, 14)),
///     Event::escalated(day(10, 28)),
/// ];
/// let mut referral = Submission::new();
/// referral.by_agency = Some("Example Constabulary".into());
/// referral.marked_for_resolution_group = true;
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let events = [ReferralEvent::submitted(day(10, 30), referral)];
/// let status = rg::evaluate(calendar, &schedule, &events, day(10, 30), Some(&escalation))?;
/// assert_eq!((status.as_of, status.state), (day(10, 30), ReferralState::Scheduled));
/// assert_eq!(status.by_agency.as_deref(), Some("Example Constabulary"));
/// assert_eq!(status.eligibility, Some(Eligibility::EscalationCase(4)));
/// let case = status.escalation.as_ref().expect("the linked case's status");
/// assert_eq!(case.stage.as_ref().map(|s| s.number), Some(4));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReferralStatus {
    /// The date of evaluation.
    pub as_of: NaiveDate,
    /// Where it stands.
    pub state: ReferralState,
    /// Its phase in the lifecycle table.
    pub phase: Phase,
    /// The agency that referred.
    pub by_agency: Option<String>,
    /// The sections absent or blank, in the Terms of Reference's order.
    pub missing_sections: Vec<Section>,
    /// Every item that makes it incomplete: the sections, then the mark.
    pub missing: Vec<MissingItem>,
    /// Why it may come to the group, if it may.
    pub eligibility: Option<Eligibility>,
    /// Its scheduling, from the latest submission.
    pub scheduling: Option<Scheduling>,
    /// The meeting it was presented at.
    pub presented_on: Option<NaiveDate>,
    /// The agreed actions.
    pub actions: Vec<ActionStatus>,
    /// Obligations: members' notification, invitations, the risk management
    /// plan, care plan, resources, progress reports.
    pub obligations: Vec<ObligationStatus>,
    /// The events allowed next.
    pub next: Vec<ReferralEventType>,
    /// Warnings that do not stop the referral.
    pub warnings: Vec<Warning>,
    /// For a referral escalated to the Chair of the GSCP Executive: the
    /// Chair (the review is always `None`; reviews go with QiiP).
    pub escalated_to: Option<(EscalationTarget, Option<StatutoryReview>)>,
    /// The day the case was first escalated to QiiP, if it was: a members'
    /// duty that does not end the referral.
    pub qiip_referred_on: Option<NaiveDate>,
    /// Every escalation to QiiP, in order.
    pub qiip_referrals: Vec<QiipReferral>,
    /// The day the group's work ended.
    pub ended_on: Option<NaiveDate>,
    /// The linked GSCP escalation case, evaluated at the same date.
    pub escalation: Option<CaseStatus>,
}

impl ReferralStatus {
    /// The obligations still owed: neither done nor lapsed.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::resolution_group::{
    ///     self as rg, DeadlineRule, PriorProcess, ReferralEvent, ReferralEventKind, Schedule,
    ///     Section, Submission,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
    /// let mut referral = Submission::new();
    /// referral.marked_for_resolution_group = true;
    /// referral.prior_process = vec![PriorProcess::DisputeResolution];
    /// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
    /// let mut events = vec![ReferralEvent::submitted(day(9, 28), referral)];
    /// let status = rg::evaluate(calendar, &schedule, &events, day(9, 28), None)?;
    /// let owed: Vec<&str> = status.pending_obligations().map(|o| o.id.as_str()).collect();
    /// assert_eq!(owed, ["members_notified"]);
    /// // Withdrawn before the meeting: there is no meeting to prepare for, and
    /// // the notice lapses instead of being owed.
    /// let withdrawn = ReferralEventKind::Withdrawn { reason: None };
    /// events.push(ReferralEvent { on: day(10, 1).into(), kind: withdrawn });
    /// let status = rg::evaluate(calendar, &schedule, &events, day(10, 1), None)?;
    /// assert_eq!(status.obligations[0].lapsed_on, Some(day(10, 1)));
    /// assert_eq!(status.pending_obligations().count(), 0);
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn pending_obligations(&self) -> impl Iterator<Item = &ObligationStatus> {
        self.obligations.iter().filter(|o| o.is_pending())
    }
}

#[cfg(test)]
mod tests;
