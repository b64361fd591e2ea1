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
    pub fn id(self) -> &'static str {
        match self {
            DeadlineRule::TermsOfReference => "terms_of_reference",
            DeadlineRule::Flowchart => "flowchart",
        }
    }

    /// Working days before the meeting: (latest submission, ideal
    /// submission, members' notification where the reading gives one).
    pub fn working_days_before(self) -> (u32, u32, Option<u32>) {
        match self {
            DeadlineRule::TermsOfReference => (5, 10, None),
            DeadlineRule::Flowchart => (12, 12, Some(10)),
        }
    }
}

/// The submission dates for one meeting.
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
    pub fn meetings(&self) -> &[NaiveDate] {
        &self.meetings
    }

    /// The deadline reading.
    pub fn rule(&self) -> DeadlineRule {
        self.rule
    }

    /// The submission dates for a meeting.
    ///
    /// # Errors
    ///
    /// An `out_of_calendar_range` error when the dates fall off the
    /// calendar.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportForm {
    /// In writing.
    Written,
    /// In person, at the meeting.
    InPerson,
}

impl ReportForm {
    /// The id in JSON: `written` or `in_person`.
    pub fn id(self) -> &'static str {
        match self {
            ReportForm::Written => "written",
            ReportForm::InPerson => "in_person",
        }
    }
}

/// When and how to report back to the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReportBack {
    /// The meeting to report to (one of the schedule's).
    pub meeting: NaiveDate,
    /// In writing or in person.
    pub form: ReportForm,
}

/// An action agreed by an agency, with a real due date.
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
    pub fn id(self) -> &'static str {
        match self {
            EscalationTarget::ExecutiveChair => "executive-chair",
            EscalationTarget::Qiip => "qiip",
        }
    }
}

/// The statutory reviews named for an escalation to QiiP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatutoryReview {
    /// A Rapid Review.
    RapidReview,
    /// An Acute Life Threatening Event review.
    AcuteLifeThreateningEvent,
}

impl StatutoryReview {
    /// The id in JSON: `rapid_review` or `acute_life_threatening_event`.
    pub fn id(self) -> &'static str {
        match self {
            StatutoryReview::RapidReview => "rapid_review",
            StatutoryReview::AcuteLifeThreateningEvent => "acute_life_threatening_event",
        }
    }
}

/// What happened to a referral.
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralEvent {
    /// When.
    pub on: When,
    /// What.
    pub kind: ReferralEventKind,
}

impl ReferralEvent {
    /// The referral reached the Business Unit.
    pub fn submitted(on: impl Into<When>, submission: Submission) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::Submitted(Box::new(submission)),
        }
    }

    /// Discussed at the meeting on `on`.
    pub fn presented(on: impl Into<When>) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::Presented,
        }
    }

    /// Actions and reporting agreed.
    pub fn actions_agreed(on: impl Into<When>, agreement: Agreement) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::ActionsAgreed(Box::new(agreement)),
        }
    }

    /// An agreed action completed.
    pub fn action_completed(on: impl Into<When>, action: usize) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::ActionCompleted { action },
        }
    }

    /// A progress report given.
    pub fn progress_reported(on: impl Into<When>, next: Option<ReportBack>) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::ProgressReported { report_back: next },
        }
    }

    /// Closed with improved outcomes.
    pub fn closed(on: impl Into<When>) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::Closed { outcome: None },
        }
    }

    /// Escalated to the Chair or to QiiP.
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
    pub fn recorded(on: impl Into<When>, record: &str) -> ReferralEvent {
        ReferralEvent {
            on: on.into(),
            kind: ReferralEventKind::Recorded {
                record: record.to_string(),
            },
        }
    }

    /// The kind of event.
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MissingItem {
    /// The field: `referral.chronology`, `marked_for_resolution_group`.
    pub field: String,
    /// What is needed, citing the Terms of Reference.
    pub problem: &'static str,
}

/// Why a referral may come to the group.
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
    pub fn id(self) -> &'static str {
        match self {
            Eligibility::PriorProcess => "prior_process",
            Eligibility::EscalationCase(_) => "escalation_case",
            Eligibility::BusinessUnit => "business_unit",
        }
    }
}

/// How the referral was scheduled, and why.
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
    /// let owed: Vec<&str> = status.pending_obligations().map(|o| o.id).collect();
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
