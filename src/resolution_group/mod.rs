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
mod event;
pub mod lifecycle;
mod referral;
mod schedule;
mod status;
mod sweep;

pub use engine::evaluate;
pub use event::{
    AgreedAction, Agreement, EscalationTarget, ReferralEvent, ReferralEventKind, ReportBack,
    ReportForm, ResourceAgreement, StatutoryReview,
};
pub use lifecycle::{Phase, ReferralEventType};
pub use referral::{Feature, PriorProcess, Risk, Section, Submission};
pub use schedule::{DeadlineRule, Schedule, SubmissionDeadline};
pub use status::{
    ActionStatus, Eligibility, MissingItem, QiipReferral, ReferralState, ReferralStatus, Scheduling,
};

#[cfg(test)]
mod tests;
