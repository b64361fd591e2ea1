//! Where a referral stands at a date: completeness, eligibility, scheduling, actions and obligations.

use super::EscalationTarget;
use super::StatutoryReview;
use super::SubmissionDeadline;
use super::lifecycle::Phase;
use super::lifecycle::ReferralEventType;
use super::referral::Section;
use crate::policy::CaseStatus;
use crate::policy::ObligationStatus;
use crate::policy::Warning;
use chrono::NaiveDate;
use std::fmt;

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
