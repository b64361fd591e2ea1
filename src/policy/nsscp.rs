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
pub fn policy() -> &'static Policy {
    Policy::get(PolicyId::NsscpIssueResolution2025)
}

/// The stage a North Somerset case is at, if it is open; `None` as well for the
/// status of another policy's case, whose stage numbers mean other stages.
pub fn current_stage(status: &CaseStatus) -> Option<NsscpStage> {
    if status.policy != PolicyId::NsscpIssueResolution2025.as_str() {
        return None;
    }
    let stage = status.stage.as_ref()?;
    NsscpStage::try_from(stage.number).ok()
}
