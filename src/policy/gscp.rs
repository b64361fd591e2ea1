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

use super::{
    AreaRule, Clause, Clock, DueRule, Finality, ObligationRule, Policy, PolicyId, RecordRule,
    SkipRule, StageRule, Trigger,
};
use crate::policy::{Area, CaseStatus};

const AREAS_PLACE: &str = "GSCP Escalation Policy (2021), Potential Areas of Disagreement";
const TIMESCALES: &str = "GSCP Escalation Policy (2021), Timescales";
const STAGE_1: &str = "GSCP Escalation Policy (2021), Stage One: Preventing Disputes";
const STAGE_2: &str = "GSCP Escalation Policy (2021), Stage Two: Informal Dispute Procedure";
const STAGE_3: &str = "GSCP Escalation Policy (2021), Stage Three: Formal Dispute Procedure";
const STAGE_4: &str = "GSCP Escalation Policy (2021), Stage Four: Where Disagreements Remain";
const ARRANGEMENTS: &str = "GSCP Multi-agency Arrangements (2021), s.10.4";

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
    POLICY,
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
        Area::Listed(match area {
            GscpArea::ReferralThreshold => "referral_threshold",
            GscpArea::FurtherInformation => "further_information",
            GscpArea::ChildProtectionProcedures => "child_protection_procedures",
            GscpArea::SignificantAgencyResponse => "significant_agency_response",
            GscpArea::InformationSharingOrServices => "information_sharing_or_services",
            GscpArea::AssessmentOutcome => "assessment_outcome",
        })
    }
}

const fn clause(place: &'static str, text: &'static str) -> Clause {
    Clause::new(place, text)
}

const STAGE_TABLE: &[StageRule] = &[
    StageRule {
        number: 1,
        name: "Preventing Disputes",
        clock: Clock::WorkingDaysAfterRaised(1),
        clock_rule: "the professionals attempt to resolve their differences through discussion within one working day (GSCP, Stage One)",
        clause: clause(
            STAGE_1,
            "The professionals involved should attempt to resolve differences through discussion within one working day, but if they are unable to do so, their disagreement must be reported by them to their line managers or equivalent",
        ),
        decides: false,
        clock_met_by: Some("reported_to_line_managers"),
        immediate_risk_waiver: None,
    },
    StageRule {
        number: 2,
        name: "Informal Dispute Procedure",
        clock: Clock::WithoutDelay,
        clock_rule: "referred without delay to second tier management level; the policy sets no number of days (GSCP, Stage Two)",
        clause: clause(
            STAGE_2,
            "Where it is not possible to resolve the matter at front line management level, the matter should be referred without delay to second tier management level.",
        ),
        decides: false,
        clock_met_by: None,
        immediate_risk_waiver: None,
    },
    StageRule {
        number: 3,
        name: "Formal Dispute Procedure",
        clock: Clock::NotStated,
        clock_rule: "referred to an appropriate Head of Service within Specialist Children's Services; the policy states no time (GSCP, Stage Three)",
        clause: clause(
            STAGE_3,
            "If following Stage Two of process the disagreement remains unresolved, the matter will be referred to an appropriate Head of Service within Specialist Children's Services, who will consider the matter in dialogue their equivalent level of management within the agency progressing the escalation.",
        ),
        decides: false,
        clock_met_by: None,
        immediate_risk_waiver: None,
    },
    StageRule {
        number: 4,
        name: "GSCP Resolution Group",
        clock: Clock::ResolutionGroupMeetings,
        clock_rule: "set by the GSCP Resolution Group's monthly meetings and submission deadlines (policy gscp-resolution-group-2021) (GSCP, Stage Four)",
        clause: clause(
            STAGE_4,
            "In all cases where in the unlikely event it has not been possible to resolve differences and/or where there may be lessons to be learned for future practice, consideration should be given to making a referral to the GSCP Resolution Group.",
        ),
        decides: false,
        clock_met_by: None,
        immediate_risk_waiver: None,
    },
    StageRule {
        number: 5,
        name: "Chair of the GSCP Executive",
        clock: Clock::NotStated,
        clock_rule: "the Chair of the GSCP Executive considers the matter; the policy states no time (GSCP, Stage Four; Arrangements s.10.4)",
        clause: clause(
            STAGE_4,
            "In the unlikely event that the Resolution Group cannot resolve the escalation the Resolution Group will refer the matter to the Chair of the GSCP Executive for consideration",
        ),
        decides: true,
        clock_met_by: None,
        immediate_risk_waiver: None,
    },
];

const RECORDS: &[RecordRule] = &[
    RecordRule {
        id: "reported_to_line_managers",
        what: "The professionals reported their disagreement to their line managers or equivalent",
        clause: clause(
            STAGE_1,
            "if they are unable to do so, their disagreement must be reported by them to their line managers or equivalent",
        ),
    },
    RecordRule {
        id: "action_agreed",
        what: "An action was agreed at the stage under way",
        clause: clause(
            STAGE_4,
            "At any stage of the process, any action agreed should be fed back immediately to the second tier (Stage 2) management staff involved and the detail of the conflict and agreements reached should be recorded on the child's file.",
        ),
    },
];

const OBLIGATIONS: &[ObligationRule] = &[
    ObligationRule {
        id: "line_managers_contact",
        what: "The line managers (or the designated or named professional) make contact to review the information and resolve the concern",
        trigger: Trigger::Recorded("reported_to_line_managers"),
        due: DueRule::HoursAfter(24),
        when: "within twenty-four hours of the report",
        lapses: true,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_1,
            "This contact should take place within twenty-four hours.",
        ),
    },
    ObligationRule {
        id: "involve_service_manager_mash",
        what: "Involve the Service Manager MASH in the stage 2 discussion, as the dispute is about the threshold for children's social care",
        trigger: Trigger::StageEnteredWithArea(2, "referral_threshold"),
        due: DueRule::WithStage,
        when: "in the stage 2 discussion, without delay",
        lapses: true,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_2,
            "If the area of conflict relates to whether a case meets the threshold for a referral or service from Children's social care, then the Service Manager MASH will also be involved in this discussion.",
        ),
    },
    ObligationRule {
        id: "resolution_group_referral",
        what: "Submit a referral to the GSCP Business Unit for the Resolution Group (see the gscp-resolution-group-2021 lifecycle)",
        trigger: Trigger::StageEntered(&[4]),
        due: DueRule::NotStated,
        when: "by the Resolution Group's submission deadline before its next meeting",
        lapses: true,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_4,
            "consideration should be given to making a referral to the GSCP Resolution Group.",
        ),
    },
    ObligationRule {
        id: "feed_back_actions",
        what: "Feed back any action agreed to the relevant managers involved",
        trigger: Trigger::ResolvedAt(&[1]),
        due: DueRule::Immediately,
        when: "immediately",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_1,
            "Any action agreed should be fed back immediately to the relevant managers involved and the detail of the conflict and agreements reached should be recorded on the child's file.",
        ),
    },
    ObligationRule {
        id: "feed_back_actions",
        what: "Feed back any action agreed to the second tier (stage 2) management staff involved",
        trigger: Trigger::ResolvedAt(&[2, 3, 4, 5]),
        due: DueRule::Immediately,
        when: "immediately",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_4,
            "At any stage of the process, any action agreed should be fed back immediately to the second tier (Stage 2) management staff involved and the detail of the conflict and agreements reached should be recorded on the child's file.",
        ),
    },
    ObligationRule {
        id: "feed_back_actions",
        what: "Feed back the action agreed to the relevant managers involved",
        trigger: Trigger::RecordedAt("action_agreed", &[1]),
        due: DueRule::Immediately,
        when: "immediately",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_1,
            "Any action agreed should be fed back immediately to the relevant managers involved and the detail of the conflict and agreements reached should be recorded on the child's file.",
        ),
    },
    ObligationRule {
        id: "feed_back_actions",
        what: "Feed back the action agreed to the second tier (stage 2) management staff involved",
        trigger: Trigger::RecordedAt("action_agreed", &[2, 3, 4, 5]),
        due: DueRule::Immediately,
        when: "immediately",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_4,
            "At any stage of the process, any action agreed should be fed back immediately to the second tier (Stage 2) management staff involved and the detail of the conflict and agreements reached should be recorded on the child's file.",
        ),
    },
    ObligationRule {
        id: "case_file_record",
        what: "Record the detail of the conflict and the agreements reached on the child's file",
        trigger: Trigger::RecordedAt("action_agreed", &[1, 2, 3, 4, 5]),
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_4,
            "At any stage of the process, any action agreed should be fed back immediately to the second tier (Stage 2) management staff involved and the detail of the conflict and agreements reached should be recorded on the child's file.",
        ),
    },
    ObligationRule {
        id: "case_file_record",
        what: "Record the detail of the conflict and the agreements reached on the child's file",
        trigger: Trigger::ResolvedAt(&[1, 2, 3, 4, 5]),
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_4,
            "At any stage of the process, any action agreed should be fed back immediately to the second tier (Stage 2) management staff involved and the detail of the conflict and agreements reached should be recorded on the child's file.",
        ),
    },
];

const AREAS: &[AreaRule] = &[
    AreaRule {
        id: "referral_threshold",
        text: "A referral not considered to meet the threshold for assessment by Children's social care;",
    },
    AreaRule {
        id: "further_information",
        text: "Children's social care conclude that further information should be sought by the referrer before a referral is progressed;",
    },
    AreaRule {
        id: "child_protection_procedures",
        text: "There is disagreement as to whether the child protection procedures should be invoked",
    },
    AreaRule {
        id: "significant_agency_response",
        text: "Children's social care and the Police place different interpretations on the need for significant agency response in relation to a child protection enquiry",
    },
    AreaRule {
        id: "information_sharing_or_services",
        text: "There is a disagreement over the sharing of information and/or provision or services;",
    },
    AreaRule {
        id: "assessment_outcome",
        text: "There is disagreement over the outcome of any assessment and whether the appropriate action plan is in place to safeguard and promote the welfare of the child.",
    },
];

/// The Gloucestershire policy's table.
pub static POLICY: Policy = Policy {
    id: PolicyId::GscpEscalation2021,
    title: "Gloucestershire Safeguarding Children Partnership Escalation Policy (v1.3, July 2021)",
    document: "gscp-escalation-policy-2021.txt",
    stages: STAGE_TABLE,
    obligations: OBLIGATIONS,
    records: RECORDS,
    milestones: &[],
    skip: Some(SkipRule {
        targets: &[2, 3],
        requires_immediate_risk: true,
        clause: clause(
            TIMESCALES,
            "In some situations, it may be required to instigate all of the stages within a short period of time or to escalate the process so that the safety of the child is not compromised.",
        ),
    }),
    redirects: &[],
    areas: AREAS,
    areas_clause: clause(
        AREAS_PLACE,
        "This is not an exhaustive list and other scenarios may warrant escalation",
    ),
    seniority: None,
    finality: Finality {
        meaning: "the final stage of local resolution; beyond it the safeguarding partners may in extremis escalate concerns to the Secretary of State",
        clause: clause(
            ARRANGEMENTS,
            "The Chair of the GSCP Executive supported by the Safeguarding Support Unit Business Manager will be the final stage of local resolution. It is acknowledged that Safeguarding Partners are able in extremis to escalate concerns to the Secretary of State if local resolution is not achieved.",
        ),
    },
    default_record: "case_file_record",
};

/// The stage a Gloucestershire case is at, if it is open; `None` as well for the
/// status of another policy's case, whose stage numbers mean other stages.
pub fn current_stage(status: &CaseStatus) -> Option<GscpStage> {
    if status.policy != PolicyId::GscpEscalation2021 {
        return None;
    }
    let stage = status.stage.as_ref()?;
    GscpStage::try_from(stage.number).ok()
}
