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
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::swindon::{self, SwindonArea};
/// use safeguarding_resolution::policy::{Area, FreeText};
///
/// let area: Area = SwindonArea::HealthProviderResponse.into();
/// assert_eq!(area.id(), "health_provider_response");
/// assert_eq!(swindon::policy().area("health_provider_response"), Some(area));
/// // Any other disagreement is described in words, under the id `other`.
/// let other = Area::Other(FreeText::new("a disagreement about a plan"));
/// assert_eq!(other.id(), "other");
/// ```
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
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::swindon;
///
/// let swindon = swindon::policy();
/// assert_eq!(swindon.stages.len(), 5);
/// // Two concerns belong elsewhere: a conference decision whose dissent
/// // process is not exhausted, and an employee's conduct.
/// let to: Vec<&str> = swindon.redirects.iter().map(|r| r.to.as_str()).collect();
/// assert_eq!(to, ["child_protection_conference_dissent", "position_of_trust_framework"]);
/// // The Resolution Form goes with the referral to the partnership.
/// assert!(swindon.record_ids().contains(&"resolution_form"));
/// ```
pub fn policy() -> &'static Policy {
    Policy::get(PolicyId::SwindonResolution2026)
}

/// The stage a Swindon case is at, if it is open; `None` as well for the
/// status of another policy's case, whose stage numbers mean other stages.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::swindon::{self, SwindonStage};
/// use safeguarding_resolution::policy::{Event, Raised};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // Stage 3 from Monday 4 January 2027: the line manager's contact is due
/// // within five working days, by Monday 11.
/// let events = [
///     Event::raised(day(2026, 12, 21), Raised::new()),
///     Event::escalated(day(2026, 12, 23)),
///     Event::escalated(day(2027, 1, 4)),
/// ];
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let status = swindon::policy().evaluate(calendar, &events, day(2027, 1, 4))?;
/// let stage = swindon::current_stage(&status).unwrap();
/// assert_eq!(stage, SwindonStage::TeamServiceManager);
/// assert_eq!(stage.to_string(), "Stage 3: Team/Service Manager");
/// assert_eq!(status.stage.unwrap().due.date(), Some(day(2027, 1, 11)));
/// // Once the case is resolved there is no current stage.
/// let mut resolved = events.to_vec();
/// resolved.push(Event::resolved(day(2027, 1, 7)));
/// let status = swindon::policy().evaluate(calendar, &resolved, day(2027, 1, 7))?;
/// assert_eq!(swindon::current_stage(&status), None);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
pub fn current_stage(status: &CaseStatus) -> Option<SwindonStage> {
    if status.policy != PolicyId::SwindonResolution2026.as_str() {
        return None;
    }
    let stage = status.stage.as_ref()?;
    SwindonStage::try_from(stage.number).ok()
}
