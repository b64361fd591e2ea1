//! The events of a referral's log: what a meeting agreed, actions, report-backs and escalations.

use super::lifecycle::ReferralEventType;
use super::referral::Submission;
use crate::policy::FreeText;
use crate::policy::When;
use chrono::NaiveDate;

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
