//! North Somerset Safeguarding Children Partnership Issue Resolution Policy
//! (April 2025 to April 2027).
//!
//! Four stages with working-day clocks, Day 5 (referral to the partnership)
//! and Day 8 (its response), the Recording Form from stage 2 copied to the
//! NSSCP Business Manager, and a stage 4 decision that is final and binding.
//! Source: `nsscp-issue-resolution-policy-2025.txt`; each rule beside its
//! sentence in `docs/policies/nsscp-issue-resolution-2025.md`.

use super::{
    AreaRule, Clause, Clock, DueRule, Finality, ImmediateRiskWaiver, MilestoneMet, MilestoneRule,
    ObligationRule, Policy, PolicyId, StageRule, Trigger,
};
use crate::policy::{Area, CaseStatus};

const TIMESCALES: &str = "NSSCP Issue Resolution Policy (2025), Timescales";
const ISSUES: &str = "NSSCP Issue Resolution Policy (2025), Issues";
const RECORDING: &str = "NSSCP Issue Resolution Policy (2025), Recording";
const STAGE_1: &str = "NSSCP Issue Resolution Policy (2025), Procedure, Stage 1";
const STAGE_2: &str = "NSSCP Issue Resolution Policy (2025), Procedure, Stage 2";
const STAGE_3: &str = "NSSCP Issue Resolution Policy (2025), Procedure, Stage 3";
const STAGE_4: &str = "NSSCP Issue Resolution Policy (2025), Procedure, Stage 4";
const FORM: &str = "NSSCP Issue Resolution Policy (2025), Appendix 1";
const SUMMARY_4: &str = "NSSCP Issue Resolution Policy (2025), Appendix 2, Stage 4";

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
    POLICY,
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
        Area::Listed(match issue {
            NsscpIssue::DecisionNotInBestInterests => "decision_not_in_best_interests",
            NsscpIssue::WaitingTime => "waiting_time",
            NsscpIssue::ReducedService => "reduced_service",
            NsscpIssue::ServiceBelowNeed => "service_below_need",
        })
    }
}

const fn clause(place: &'static str, text: &'static str) -> Clause {
    Clause::new(place, text)
}

const STAGE_TABLE: &[StageRule] = &[
    StageRule {
        number: 1,
        name: "Practitioner to practitioner",
        clock: Clock::WorkingDaysAfterRaised(1),
        clock_rule: "resolve differences through discussion within 1 working day (NSSCP Procedure, Stage 1)",
        clause: clause(
            STAGE_1,
            "Initial attempts should be taken to resolve the problem peer to peer. [...] This should be done within 1 working day.",
        ),
        decides: false,
        clock_met_by: None,
        immediate_risk_waiver: Some(ImmediateRiskWaiver {
            rule: "not applied: the child is at immediate risk, so the practitioner raises this with their line manager immediately and stage 2 may start at once (NSSCP Procedure, Stage 1)",
            clause: clause(
                STAGE_1,
                "Any practitioner who feels that a decision or action is inappropriate, is not safe, or creates a significant issue, should initially attempt to resolve differences through discussion with the other practitioner(s) involved, unless the child, young person or adult is at immediate risk.",
            ),
        }),
    },
    StageRule {
        number: 2,
        name: "Line managers",
        clock: Clock::WorkingDaysAfterStart(2),
        clock_rule: "considered at line management level within 2 working days (NSSCP Procedure, Stage 2)",
        clause: clause(
            STAGE_2,
            "The issue will then be considered at line management level, or with the designated or named professional for safeguarding within and between each agency within 2 working days.",
        ),
        decides: false,
        clock_met_by: None,
        immediate_risk_waiver: None,
    },
    StageRule {
        number: 3,
        name: "Senior managers",
        clock: Clock::WorkingDaysAfterStart(2),
        clock_rule: "senior managers discuss with peers from the other agencies within 2 working days (NSSCP Procedure, Stage 3)",
        clause: clause(
            STAGE_3,
            "The matter should be referred to an appropriate level of management within the organisation, who will discuss with peers from the other agencies involved within 2 working days.",
        ),
        decides: false,
        clock_met_by: None,
        immediate_risk_waiver: None,
    },
    StageRule {
        number: 4,
        name: "Safeguarding Partnership (DSPs)",
        clock: Clock::WorkingDaysAfterStart(3),
        clock_rule: "the Delegated Safeguarding Partners respond within 3 working days (NSSCP Procedure, Stage 4)",
        clause: clause(
            STAGE_4,
            "They will refer the matter to the Delegated Safeguarding Partners (DSPs) who will consider the information provided and respond within 3 working days by Day 8.",
        ),
        decides: true,
        clock_met_by: None,
        immediate_risk_waiver: None,
    },
];

const OBLIGATIONS: &[ObligationRule] = &[
    ObligationRule {
        id: "written_record",
        what: "Evidence the difference of opinion in writing via an email, including the rationale and resolution, shared and agreed by all parties",
        trigger: Trigger::StageEntered(&[1]),
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: true,
        clause: clause(
            STAGE_1,
            "They should evidence the difference of opinion in writing via an email, including the rationale and resolution. This record must be shared and agreed by all parties involved.",
        ),
    },
    ObligationRule {
        id: "case_file_record",
        what: "Keep a record on the child's or young person's file",
        trigger: Trigger::StageEntered(&[1]),
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_1,
            "A record must be kept on the child/young person's file.",
        ),
    },
    ObligationRule {
        id: "exchange_manager_details",
        what: "Practitioners exchange both line manager and senior manager details",
        trigger: Trigger::StageEntered(&[1]),
        due: DueRule::WithStage,
        when: "when the stage 1 discussion occurs, within 1 working day",
        lapses: true,
        independent_of_process: false,
        waived_by_immediate_risk: true,
        clause: clause(
            STAGE_1,
            "When this occurs, it is essential that the practitioners exchange both line manager and senior manager details to ensure there is no delay later in the process.",
        ),
    },
    ObligationRule {
        id: "raise_with_line_manager",
        what: "Raise the risk of immediate harm with the line manager, following the agency's safeguarding procedure",
        trigger: Trigger::ImmediateRisk,
        due: DueRule::Immediately,
        when: "immediately",
        lapses: false,
        independent_of_process: true,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_1,
            "If the practitioner feels the child or young person is at risk of immediate harm, they must raise this with their line manager immediately following their agency's safeguarding procedure.",
        ),
    },
    ObligationRule {
        id: "recording_form",
        what: "Use the Recording Form (Appendix 1) to evidence stage 2, and update the child's or young person's file",
        trigger: Trigger::StageEntered(&[2]),
        due: DueRule::WithStage,
        when: "with the stage 2 discussion, within 2 working days",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_2,
            "Records still need to be kept of the resolution communicated to all parties in writing and the child/young person's file must be updated. The Recording Form (Appendix 1) needs to be used to evidence the process.",
        ),
    },
    ObligationRule {
        id: "form_to_business_manager",
        what: "Send a copy of the Recording Form to the NSSCP Business Manager (stage 2)",
        trigger: Trigger::StageEntered(&[2]),
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_2,
            "A copy of this must also be sent to the NSSCP Business Manager.",
        ),
    },
    ObligationRule {
        id: "form_to_senior_manager",
        what: "The line manager shares the Recording Form with their senior manager",
        trigger: Trigger::StageEntered(&[3]),
        due: DueRule::NotStated,
        when: "on the issue's referral to stage 3; the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_2,
            "If the issue is not resolved, Stage 3 will need to commence and the line manager will need to share the recording form with their senior manager.",
        ),
    },
    ObligationRule {
        id: "recording_form",
        what: "Continue to record the stage 3 conversations on the Recording Form, and share an agreed written record",
        trigger: Trigger::StageEntered(&[3]),
        due: DueRule::WithStage,
        when: "with the stage 3 discussion, within 2 working days",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_3,
            "At this level, conversations must continue to be recorded on the Recording Form (Appendix 1) that started at Stage 2.",
        ),
    },
    ObligationRule {
        id: "form_to_business_manager",
        what: "Send a copy of the Recording Form to the NSSCP Business Manager (stage 3)",
        trigger: Trigger::StageEntered(&[3]),
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_3,
            "A copy of this must also be sent to the NSSCP Business Manager and your own agency Head of Safeguarding.",
        ),
    },
    ObligationRule {
        id: "form_to_head_of_safeguarding",
        what: "Send a copy of the Recording Form to your own agency's Head of Safeguarding",
        trigger: Trigger::StageEntered(&[3]),
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGE_3,
            "A copy of this must also be sent to the NSSCP Business Manager and your own agency Head of Safeguarding.",
        ),
    },
    ObligationRule {
        id: "recording_form",
        what: "Update the Recording Form, place a copy on the child's or young person's record, and refer the matter to the DSPs via the Business Manager",
        trigger: Trigger::StageEntered(&[4]),
        due: DueRule::WorkingDaysAfterRaised(5),
        when: "on Day 5 (5 working days after the issue was raised), with the referral",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            SUMMARY_4,
            "On Day 5, the Recording Form should be updated, a copy placed on the child/young person's record and the matter should be referred to the agency's nominated NSSCP representatives (DSPs) via the Business Manager.",
        ),
    },
    ObligationRule {
        id: "written_outcome",
        what: "Confirm in writing between the parties the agreed outcome and how outstanding issues will be followed up, with agreed timescales (actual dates)",
        trigger: Trigger::ResolvedAt(&[1, 2, 3, 4]),
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            RECORDING,
            "This must include written confirmation between the parties about an agreed outcome from the conversations, and how any outstanding issues will be followed up, with agreed timescales.",
        ),
    },
    ObligationRule {
        id: "form_submitted_on_resolution",
        what: "Submit the Recording Form to the Business Manager upon resolution, and store it on the child's or young person's record in each agency",
        trigger: Trigger::ResolvedAt(&[2, 3, 4]),
        due: DueRule::NotStated,
        when: "upon resolution; the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            FORM,
            "This form is to be used at Stage 2, 3 and 4 of the issue resolution policy, it needs to be stored on the child/young person's record for each agency and submitted to the Business Manager upon resolution.",
        ),
    },
];

const MILESTONES: &[MilestoneRule] = &[
    MilestoneRule {
        name: "Day 5",
        what: "referred to the Safeguarding Partnership (stage 4)",
        working_days_after_raised: 5,
        met: MilestoneMet::EnteredStage(4),
        clause: clause(
            STAGE_4,
            "On Day 5 or when it becomes clear that the issue cannot be resolved through stages 1 to 3, a referral should be made to the Safeguarding Partnership via the Business Manager.",
        ),
    },
    MilestoneRule {
        name: "Day 8",
        what: "the Safeguarding Partnership has responded (stage 4 resolved or decided)",
        working_days_after_raised: 8,
        met: MilestoneMet::CompletedStage(4),
        clause: clause(
            TIMESCALES,
            "In the unlikely event that disagreement continues and issues remain unresolved, the next stage is to refer this to the Safeguarding Partnership. The Safeguarding Partnership will respond within a further 3 working days.",
        ),
    },
];

const AREAS: &[AreaRule] = &[
    AreaRule {
        id: "decision_not_in_best_interests",
        text: "Decisions made by an agency that another agency feels is not in the child's best interests such as offering an alternative or no service.",
    },
    AreaRule {
        id: "waiting_time",
        text: "The length of time accessing a service is potentially going to take and the adverse impact of the wait upon the child/family.",
    },
    AreaRule {
        id: "reduced_service",
        text: "The impact of a reduced service on wider aspects of the child's life such as family or placement breakdown.",
    },
    AreaRule {
        id: "service_below_need",
        text: "Children receiving a service that maybe doesn't reflect the perceived level of need.",
    },
];

/// The North Somerset policy's table.
pub static POLICY: Policy = Policy {
    id: PolicyId::NsscpIssueResolution2025,
    title: "North Somerset Safeguarding Children Partnership Issue Resolution Policy (April 2025 - April 2027)",
    document: "nsscp-issue-resolution-policy-2025.txt",
    stages: STAGE_TABLE,
    obligations: OBLIGATIONS,
    records: &[],
    milestones: MILESTONES,
    skip: None,
    redirects: &[],
    areas: AREAS,
    areas_clause: clause(
        ISSUES,
        "There is not an exhaustive list of issues that fit within this policy area; that is down to individual practitioners and managers to determine and raise. However, some typical issues that could be raised via this policy are:",
    ),
    seniority: None,
    finality: Finality {
        meaning: "the decision of the Delegated Safeguarding Partners is final and binding for all organisations involved",
        clause: clause(
            STAGE_4,
            "The decision at Stage 4 will be made by the DSPs and is final and binding for all organisations involved.",
        ),
    },
    default_record: "case_file_record",
};

/// The stage a North Somerset case is at, if it is open; `None` as well for the
/// status of another policy's case, whose stage numbers mean other stages.
pub fn current_stage(status: &CaseStatus) -> Option<NsscpStage> {
    if status.policy != PolicyId::NsscpIssueResolution2025 {
        return None;
    }
    let stage = status.stage.as_ref()?;
    NsscpStage::try_from(stage.number).ok()
}
