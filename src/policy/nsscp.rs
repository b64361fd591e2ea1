//! North Somerset Safeguarding Children Partnership Issue Resolution Policy
//! (April 2025 to April 2027).
//!
//! Four stages with working-day clocks, Day 5 (referral to the partnership)
//! and Day 8 (its response), the Recording Form from stage 2 copied to the
//! NSSCP Business Manager, and a stage 4 decision that is final and binding.
//! Source: `nsscp-issue-resolution-policy-2025.txt`; each rule beside its
//! sentence in `docs/policies/nsscp-issue-resolution-2025.md`.

use super::{Policy, PolicyId};
use crate::policy::{Area, CaseStatus};

/// A stage of the North Somerset policy.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::nsscp::NsscpStage;
///
/// assert_eq!(NsscpStage::try_from(4)?, NsscpStage::SafeguardingPartnership);
/// assert_eq!(NsscpStage::LineManagers.to_string(), "Stage 2: Line managers");
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NsscpStage {
    /// Stage 1: practitioner to practitioner.
    PractitionerToPractitioner = 1,
    /// Stage 2: line managers (or designated or named professionals).
    LineManagers = 2,
    /// Stage 3: senior managers.
    SeniorManagers = 3,
    /// Stage 4: the Safeguarding Partnership's Delegated Safeguarding
    /// Partners, whose decision is final and binding.
    SafeguardingPartnership = 4,
}

super::stage_enum!(
    NsscpStage,
    PolicyId::NsscpIssueResolution2025,
    [
        PractitionerToPractitioner,
        LineManagers,
        SeniorManagers,
        SafeguardingPartnership,
    ]
);

/// The typical issues the North Somerset policy names; any other is
/// [`Area::Other`].
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::nsscp::{self, NsscpIssue};
/// use safeguarding_resolution::policy::{Area, Event, Raised};
///
/// let waiting: Area = NsscpIssue::WaitingTime.into();
/// assert_eq!(waiting.id(), "waiting_time");
/// // The same area as the policy's list has, read back from a string.
/// assert_eq!(nsscp::policy().area("waiting_time"), Some(waiting.clone()));
///
/// let day = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
/// let events = [Event::raised(day, Raised::new().area(NsscpIssue::WaitingTime))];
/// let status = nsscp::policy().evaluate(Calendar::uk(Division::EnglandAndWales), &events, day)?;
/// assert_eq!(status.area, Some(waiting));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NsscpIssue {
    /// An agency's decision another feels is not in the child's best
    /// interests, such as offering an alternative or no service.
    DecisionNotInBestInterests,
    /// The length of time accessing a service will take, and the impact of
    /// the wait.
    WaitingTime,
    /// The impact of a reduced service on wider aspects of the child's life.
    ReducedService,
    /// A service that does not reflect the perceived level of need.
    ServiceBelowNeed,
}

impl From<NsscpIssue> for Area {
    fn from(issue: NsscpIssue) -> Area {
        Area::Listed(crate::policy::Text::from_static(match issue {
            NsscpIssue::DecisionNotInBestInterests => "decision_not_in_best_interests",
            NsscpIssue::WaitingTime => "waiting_time",
            NsscpIssue::ReducedService => "reduced_service",
            NsscpIssue::ServiceBelowNeed => "service_below_need",
        }))
    }
}

/// The policy's definition, loaded from its document
/// (`data/policies/nsscp-issue-resolution-2025.json`).
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::nsscp;
/// use safeguarding_resolution::policy::Clock;
///
/// let nsscp = nsscp::policy();
/// let days: Vec<u32> = nsscp.stages.iter().map(|s| match s.clock {
///     Clock::WorkingDaysAfterRaised(d) | Clock::WorkingDaysAfterStart(d) => d,
///     _ => unreachable!("North Somerset counts working days"),
/// }).collect();
/// assert_eq!(days, [1, 2, 2, 3]);
/// // Stages 1 to 3 fit in Day 5 (1 + 2 + 2); the partnership's three
/// // more make Day 8.
/// let milestones: Vec<(&str, u32)> = nsscp.milestones.iter()
///     .map(|m| (m.name.as_str(), m.working_days_after_raised)).collect();
/// assert_eq!(milestones, [("Day 5", 5), ("Day 8", 8)]);
/// assert!(nsscp.finality.as_ref().unwrap().meaning.contains("final and binding"));
/// ```
pub fn policy() -> &'static Policy {
    Policy::get(PolicyId::NsscpIssueResolution2025)
}

/// The stage a North Somerset case is at, if it is open; `None` as well for the
/// status of another policy's case, whose stage numbers mean other stages.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::nsscp::{self, NsscpStage};
/// use safeguarding_resolution::policy::{Event, Raised};
///
/// // Raised on Thursday 4 February 2027 with the child at immediate risk:
/// // stage 1 gives way and the line managers take it the same day, with
/// // their two working days ending on Monday 8.
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let events = [
///     Event::raised(day(4), Raised::new().immediate_risk()),
///     Event::escalated(day(4)),
/// ];
/// let status = nsscp::policy().evaluate(Calendar::uk(Division::EnglandAndWales), &events, day(5))?;
/// assert_eq!(nsscp::current_stage(&status), Some(NsscpStage::LineManagers));
/// assert_eq!(status.stage.unwrap().due.date(), Some(day(8)));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
pub fn current_stage(status: &CaseStatus) -> Option<NsscpStage> {
    if status.policy != PolicyId::NsscpIssueResolution2025.as_str() {
        return None;
    }
    let stage = status.stage.as_ref()?;
    NsscpStage::try_from(stage.number).ok()
}
