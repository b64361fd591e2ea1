//! Gloucestershire Safeguarding Children Partnership Escalation Policy
//! (v1.3, July 2021), with section 10 of the GSCP multi-agency arrangements.
//!
//! Four stages (preventing disputes, informal, formal, the GSCP Resolution
//! Group) and the Chair of the GSCP Executive as the final stage of local
//! resolution. Stage 1 has the one working-day discussion and the line
//! managers' contact within twenty-four hours of the report; stages 2 and 3
//! have no fixed clock, and say so. Sources:
//! `gscp-escalation-policy-2021.txt`,
//! `gscp-working-together-arrangements-2021.txt`; each rule beside its
//! sentence in `docs/policies/gscp-escalation-2021.md`.

use super::{Policy, PolicyId};
use crate::policy::{Area, CaseStatus};

/// A stage of the Gloucestershire policy.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::gscp::GscpStage;
///
/// assert_eq!(GscpStage::try_from(4)?, GscpStage::ResolutionGroup);
/// assert_eq!(GscpStage::ExecutiveChair.name(), "Chair of the GSCP Executive");
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GscpStage {
    /// Stage One: Preventing Disputes (practitioners, then line managers).
    PreventingDisputes = 1,
    /// Stage Two: Informal Dispute Procedure (second-tier management).
    InformalDispute = 2,
    /// Stage Three: Formal Dispute Procedure (Head of Service).
    FormalDispute = 3,
    /// Stage Four: the GSCP Resolution Group.
    ResolutionGroup = 4,
    /// The Chair of the GSCP Executive: the final stage of local resolution.
    ExecutiveChair = 5,
}

super::stage_enum!(
    GscpStage,
    PolicyId::GscpEscalation2021,
    [
        PreventingDisputes,
        InformalDispute,
        FormalDispute,
        ResolutionGroup,
        ExecutiveChair,
    ]
);

/// The potential areas of disagreement the Gloucestershire policy names;
/// any other is [`Area::Other`].
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::gscp::{self, GscpArea};
/// use safeguarding_resolution::policy::{Area, Event, Raised};
///
/// // "If the area of conflict relates to whether a case meets the threshold
/// // for a referral ... then the Service Manager MASH will also be
/// // involved" at stage 2.
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let mash_involved = |area: Area| -> Result<bool, safeguarding_resolution::policy::Error> {
///     let events = [Event::raised(day(1), Raised::new().area(area)), Event::escalated(day(2))];
///     let status = gscp::policy().evaluate(Calendar::uk(Division::EnglandAndWales), &events, day(2))?;
///     Ok(status.obligations.iter().any(|o| o.id == "involve_service_manager_mash"))
/// };
/// assert_eq!(Area::from(GscpArea::ReferralThreshold).id(), "referral_threshold");
/// assert!(mash_involved(GscpArea::ReferralThreshold.into())?);
/// assert!(!mash_involved(GscpArea::AssessmentOutcome.into())?);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GscpArea {
    /// A referral not considered to meet the threshold for assessment by
    /// children's social care.
    ReferralThreshold,
    /// Children's social care want more information from the referrer first.
    FurtherInformation,
    /// Whether the child protection procedures should be invoked.
    ChildProtectionProcedures,
    /// Children's social care and the police interpret the need for a
    /// significant agency response differently.
    SignificantAgencyResponse,
    /// The sharing of information and/or the provision of services.
    InformationSharingOrServices,
    /// The outcome of an assessment, and whether the action plan safeguards
    /// the child.
    AssessmentOutcome,
}

impl From<GscpArea> for Area {
    fn from(area: GscpArea) -> Area {
        Area::Listed(crate::policy::Text::from_static(match area {
            GscpArea::ReferralThreshold => "referral_threshold",
            GscpArea::FurtherInformation => "further_information",
            GscpArea::ChildProtectionProcedures => "child_protection_procedures",
            GscpArea::SignificantAgencyResponse => "significant_agency_response",
            GscpArea::InformationSharingOrServices => "information_sharing_or_services",
            GscpArea::AssessmentOutcome => "assessment_outcome",
        }))
    }
}

/// The policy's definition, loaded from its document
/// (`data/policies/gscp-escalation-2021.json`).
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::gscp;
/// use safeguarding_resolution::policy::{Clock, DueRule};
///
/// let gscp = gscp::policy();
/// assert_eq!(gscp.id, "gscp-escalation-2021");
/// // Stage 1: "within one working day"; stage 2: "without delay".
/// assert_eq!(gscp.stage(1).unwrap().clock, Clock::WorkingDaysAfterRaised(1));
/// assert_eq!(gscp.stage(2).unwrap().clock, Clock::WithoutDelay);
/// // The line managers' contact "should take place within twenty-four hours".
/// let contact = gscp.obligations.iter().find(|o| o.id == "line_managers_contact").unwrap();
/// assert_eq!(contact.due, DueRule::HoursAfter(24));
/// ```
pub fn policy() -> &'static Policy {
    Policy::get(PolicyId::GscpEscalation2021)
}

/// The stage a Gloucestershire case is at, if it is open; `None` as well for the
/// status of another policy's case, whose stage numbers mean other stages.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::gscp::{self, GscpStage};
/// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// // With a risk of immediate harm the case may go straight to the Head of
/// // Service (stage 3).
/// let events = [
///     Event::raised(day(1), Raised::new().immediate_risk()),
///     Event::escalated(day(1)).to_stage(3),
/// ];
/// let status = gscp::policy().evaluate(calendar, &events, day(1))?;
/// assert_eq!(gscp::current_stage(&status), Some(GscpStage::FormalDispute));
/// // A Swindon case at its stage 1 is at no stage of Gloucestershire's.
/// let events = [Event::raised(day(1), Raised::new())];
/// let swindon = Policy::get(PolicyId::SwindonResolution2026).evaluate(calendar, &events, day(1))?;
/// assert_eq!(gscp::current_stage(&swindon), None);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
pub fn current_stage(status: &CaseStatus) -> Option<GscpStage> {
    if status.policy != PolicyId::GscpEscalation2021.as_str() {
        return None;
    }
    let stage = status.stage.as_ref()?;
    GscpStage::try_from(stage.number).ok()
}
