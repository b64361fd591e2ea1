//! Swindon Safeguarding Partnership Resolution Policy (January 2026).
//!
//! Five stages with working-day clocks (`Day 17` at the end of stage 4),
//! same-day escalation of immediate risk and immediate notice to the
//! partnership, redirection of child protection conference decisions and
//! employee conduct, and the Resolution Form at stage 5. Source:
//! `swindon-resolution-policy-2026.txt`; each rule beside its sentence in
//! `docs/policies/swindon-resolution-2026.md`.

use super::{Policy, PolicyId};
use crate::policy::{Area, CaseStatus};

/// A stage of the Swindon policy.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::swindon::SwindonStage;
///
/// let stage = SwindonStage::try_from(2)?;
/// assert_eq!(stage, SwindonStage::InterAgencyDiscussion);
/// assert_eq!(stage.name(), "Inter-agency Discussion");
/// assert_eq!(u8::from(SwindonStage::Partnership), 5);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SwindonStage {
    /// Stage 1: Internal Discussion, with one's own line manager.
    InternalDiscussion = 1,
    /// Stage 2: Inter-agency Discussion, professional to professional.
    InterAgencyDiscussion = 2,
    /// Stage 3: Team/Service Manager.
    TeamServiceManager = 3,
    /// Stage 4: Heads/Directors of Service/Senior Managers.
    HeadsOfService = 4,
    /// Stage 5: Swindon Safeguarding Partnership (Resolution Panel).
    Partnership = 5,
}

/// An area of disagreement named by the Swindon policy (Appendix 3's
/// examples); any other is [`Area::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SwindonArea {
    /// The response to a safeguarding referral has not mitigated the risk.
    ReferralResponse,
    /// The local authority is concerned about a health-commissioned
    /// provider's safeguarding response.
    HealthProviderResponse,
}

impl From<SwindonArea> for Area {
    fn from(area: SwindonArea) -> Area {
        Area::Listed(crate::policy::Text::from_static(match area {
            SwindonArea::ReferralResponse => "referral_response",
            SwindonArea::HealthProviderResponse => "health_provider_response",
        }))
    }
}

super::stage_enum!(
    SwindonStage,
    PolicyId::SwindonResolution2026,
    [
        InternalDiscussion,
        InterAgencyDiscussion,
        TeamServiceManager,
        HeadsOfService,
        Partnership,
    ]
);

/// The policy's definition, loaded from its document
/// (`data/policies/swindon-resolution-2026.json`).
pub fn policy() -> &'static Policy {
    Policy::get(PolicyId::SwindonResolution2026)
}

/// The stage a Swindon case is at, if it is open; `None` as well for the
/// status of another policy's case, whose stage numbers mean other stages.
pub fn current_stage(status: &CaseStatus) -> Option<SwindonStage> {
    if status.policy != PolicyId::SwindonResolution2026.as_str() {
        return None;
    }
    let stage = status.stage.as_ref()?;
    SwindonStage::try_from(stage.number).ok()
}
