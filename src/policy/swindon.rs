//! Swindon Safeguarding Partnership Resolution Policy (January 2026).
//!
//! Five stages with working-day clocks (`Day 17` at the end of stage 4),
//! same-day escalation of immediate risk and immediate notice to the
//! partnership, redirection of child protection conference decisions and
//! employee conduct, and the Resolution Form at stage 5. Source:
//! `swindon-resolution-policy-2026.txt`; each rule beside its sentence in
//! `docs/policies/swindon-resolution-2026.md`.

use super::{
    AreaRule, Clause, Clock, DueRule, Finality, MilestoneMet, MilestoneRule, ObligationRule,
    Policy, PolicyId, RecordRule, RedirectRule, RedirectWhen, SeniorityRule, SkipRule, StageRule,
    Trigger,
};
use crate::policy::{Area, CaseStatus};

const INTRO: &str = "Swindon Resolution Policy (2026), s.1 Introduction";
const PRINCIPLES: &str = "Swindon Resolution Policy (2026), s.2 Key Principles";
const PROCESS: &str = "Swindon Resolution Policy (2026), s.3 The Resolution Process";
const STAGES: &str = "Swindon Resolution Policy (2026), s.4 Resolution Stages";
const FORM: &str = "Swindon Resolution Policy (2026), Appendix 1";
const HEALTH: &str = "Swindon Resolution Policy (2026), Appendix 3";
const FLOWCHART: &str = "Swindon Resolution Policy (2026), Appendix 2 (flowchart)";

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
        Area::Listed(match area {
            SwindonArea::ReferralResponse => "referral_response",
            SwindonArea::HealthProviderResponse => "health_provider_response",
        })
    }
}

super::stage_enum!(
    SwindonStage,
    POLICY,
    [
        InternalDiscussion,
        InterAgencyDiscussion,
        TeamServiceManager,
        HeadsOfService,
        Partnership,
    ]
);

const fn clause(place: &'static str, text: &'static str) -> Clause {
    Clause::new(place, text)
}

const STAGE_TABLE: &[StageRule] = &[
    StageRule {
        number: 1,
        name: "Internal Discussion",
        clock: Clock::WorkingDaysAfterRaised(2),
        clock_rule: "within two working days of the disagreement or concern arising (Swindon s.4, Stage 1)",
        clause: clause(
            STAGES,
            "The discussion should take place within two working days of the disagreement or concern arising.",
        ),
        decides: false,
        clock_met_by: None,
        immediate_risk_waiver: None,
    },
    StageRule {
        number: 2,
        name: "Inter-agency Discussion",
        clock: Clock::WorkingDaysAfterStart(5),
        clock_rule: "within five working days of the completion of Stage 1 (Swindon s.4, Stage 2)",
        clause: clause(
            STAGES,
            "The discussion should take place within five working days of the completion of Stage 1 above.",
        ),
        decides: false,
        clock_met_by: None,
        immediate_risk_waiver: None,
    },
    StageRule {
        number: 3,
        name: "Team/Service Manager",
        clock: Clock::WorkingDaysAfterStart(5),
        clock_rule: "the line manager contacts their opposite number within five working days of the completion of Stage 2 (Swindon s.4, Stage 3)",
        clause: clause(
            STAGES,
            "The line manager should contact their opposite number in the partner agency, copying in the Swindon Safeguarding Partnership, within five working days of the completion of the Stage 2 above.",
        ),
        decides: false,
        clock_met_by: Some("opposite_number_contacted"),
        immediate_risk_waiver: None,
    },
    StageRule {
        number: 4,
        name: "Heads/Directors of Service/Senior Managers",
        clock: Clock::WorkingDaysAfterStart(5),
        clock_rule: "the Heads/Directors of Service/Senior Manager contact their opposite number within five working days of the completion of Stage 3 (Swindon s.4, Stage 4)",
        clause: clause(
            STAGES,
            "The Heds/Directors of Service/Senior Manager should contact their opposite number in the partner agency within five working days of the completion of Stage 3 above",
        ),
        decides: false,
        clock_met_by: Some("opposite_number_contacted"),
        immediate_risk_waiver: None,
    },
    StageRule {
        number: 5,
        name: "Swindon Safeguarding Partnership",
        clock: Clock::WorkingDaysAfterStart(5),
        clock_rule: "a referral to the Safeguarding Partnership, with the Resolution Form (Appendix 1), within five working days of the completion of Stage 4 (Swindon s.4, Stage 5)",
        clause: clause(
            STAGES,
            "A referral should be made to the Safeguarding Partnership by, or on behalf of the Heads/Directors of Service within five working days of the completion of Stage 4 above using the form at Appendix 1.",
        ),
        decides: true,
        clock_met_by: Some("resolution_form"),
        immediate_risk_waiver: None,
    },
];

const OBLIGATIONS: &[ObligationRule] = &[
    ObligationRule {
        id: "discussion_record",
        what: "Evidence the nature and source of the concern and keep a record of all discussions",
        trigger: Trigger::Raised,
        due: DueRule::NotStated,
        when: "throughout; the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            INTRO,
            "Evidence the nature and source of their concerns and keep a record of all discussions",
        ),
    },
    ObligationRule {
        id: "agency_log",
        what: "Record the stage in the agency's resolution log: start date, who the concern was raised with, outcome",
        trigger: Trigger::StageEntered(&[1, 2, 3, 4, 5]),
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            PROCESS,
            "This log should include a record for each stage of the process; start date, who the concern was raised with, and the outcome or resolution agreed.",
        ),
    },
    ObligationRule {
        id: "email_record",
        what: "Document stage 2's communication between agencies in an email",
        trigger: Trigger::StageEntered(&[2]),
        due: DueRule::NotStated,
        when: "from Stage 2 onwards; the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            PROCESS,
            "All communication between agencies, from Stage 2 onwards, should be documented, within an email.",
        ),
    },
    ObligationRule {
        id: "opposite_number_contacted",
        what: "The line manager contacts their opposite number in the partner agency, copying in the Swindon Safeguarding Partnership",
        trigger: Trigger::StageEntered(&[3]),
        due: DueRule::WithStage,
        when: "within five working days of the completion of Stage 2",
        lapses: true,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGES,
            "The line manager should contact their opposite number in the partner agency, copying in the Swindon Safeguarding Partnership, within five working days of the completion of the Stage 2 above.",
        ),
    },
    ObligationRule {
        id: "opposite_number_contacted",
        what: "The Heads/Directors of Service/Senior Manager contact their opposite number in the partner agency",
        trigger: Trigger::StageEntered(&[4]),
        due: DueRule::WithStage,
        when: "within five working days of the completion of Stage 3",
        lapses: true,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGES,
            "The Heds/Directors of Service/Senior Manager should contact their opposite number in the partner agency within five working days of the completion of Stage 3 above",
        ),
    },
    ObligationRule {
        id: "email_copied_to_partnership",
        what: "Document the stage's communication in an email, copying in the Swindon Safeguarding Partnership",
        trigger: Trigger::StageEntered(&[3, 4]),
        due: DueRule::WithStage,
        when: "with the stage's contact, within five working days of the completion of the previous stage",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            PROCESS,
            "At Stage 3 and 4, the Swindon Safeguarding Partnership should be copied into emails.",
        ),
    },
    ObligationRule {
        id: "stage_4_outcome_to_partnership",
        what: "Email the outcome of stage 4 to the Swindon Safeguarding Partnership",
        trigger: Trigger::StageConcluded(4),
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGES,
            "Outcome of Stage 4 should be emailed to Swindon Safeguarding Partnership, safeguardingpartnership@swindon.gov.uk",
        ),
    },
    ObligationRule {
        id: "resolution_form",
        what: "Send the escalation email to the Swindon Safeguarding Partnership with the Resolution Form (Appendix 1) completed and attached",
        trigger: Trigger::StageEntered(&[5]),
        due: DueRule::WithStage,
        when: "within five working days of the completion of Stage 4",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            FLOWCHART,
            "Details of the disagreement must be recorded in each agency's records and resolution forms at Stage 5 must be completed within five working days.",
        ),
    },
    ObligationRule {
        id: "feed_back_actions",
        what: "Feed back any action agreed to the relevant people, with details of the agreements reached",
        trigger: Trigger::ResolvedAt(&[5]),
        due: DueRule::Immediately,
        when: "immediately",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGES,
            "Any action agreed should be fed back immediately to the relevant people with details of the agreements reached.",
        ),
    },
    ObligationRule {
        id: "line_management_contacts",
        what: "Provide the relevant contact details for the management level of the next stage",
        trigger: Trigger::StageEntered(&[3, 4]),
        due: DueRule::Immediately,
        when: "immediately",
        lapses: true,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            PROCESS,
            "For example, there is a duty to immediately provide relevant contact details for line management where this relates to the necessary next stage in the resolutions process.",
        ),
    },
    ObligationRule {
        id: "feed_back_actions",
        what: "Feed back any action agreed to the relevant professionals",
        trigger: Trigger::ResolvedAt(&[3, 4]),
        due: DueRule::Immediately,
        when: "immediately",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGES,
            "Any action agreed should be fed back immediately to the relevant professionals and the details of the dispute and agreements reached should be recorded on the adult or child's file.",
        ),
    },
    ObligationRule {
        id: "case_file_record",
        what: "Record the details of the dispute and the agreements reached on the adult's or child's file",
        trigger: Trigger::ResolvedAt(&[3, 4]),
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGES,
            "Any action agreed should be fed back immediately to the relevant professionals and the details of the dispute and agreements reached should be recorded on the adult or child's file.",
        ),
    },
    ObligationRule {
        id: "feed_back_actions",
        what: "Feed back the action agreed to the relevant professionals, with details of the agreements reached",
        trigger: Trigger::RecordedAt("action_agreed", &[3, 4]),
        due: DueRule::Immediately,
        when: "immediately",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGES,
            "Any action agreed should be fed back immediately to the relevant professionals and the details of the dispute and agreements reached should be recorded on the adult or child's file.",
        ),
    },
    ObligationRule {
        id: "case_file_record",
        what: "Record the details of the dispute and the agreements reached on the adult's or child's file",
        trigger: Trigger::RecordedAt("action_agreed", &[3, 4]),
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGES,
            "Any action agreed should be fed back immediately to the relevant professionals and the details of the dispute and agreements reached should be recorded on the adult or child's file.",
        ),
    },
    ObligationRule {
        id: "feed_back_actions",
        what: "Feed back the action agreed to the relevant people, with details of the agreements reached",
        trigger: Trigger::RecordedAt("action_agreed", &[5]),
        due: DueRule::Immediately,
        when: "immediately",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            STAGES,
            "Any action agreed should be fed back immediately to the relevant people with details of the agreements reached.",
        ),
    },
    ObligationRule {
        id: "case_file_record",
        what: "Record the details of the disagreement in each agency's records",
        trigger: Trigger::StageEntered(&[5]),
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            FLOWCHART,
            "Details of the disagreement must be recorded in each agency's records and resolution forms at Stage 5 must be completed within five working days.",
        ),
    },
    ObligationRule {
        id: "reflective_learning_event",
        what: "Hold a post-decision reflective learning event with all stakeholders",
        trigger: Trigger::ConcludedAfterReaching(5),
        due: DueRule::NotStated,
        when: "after the decision; the policy states no time",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            FORM,
            "A post decision reflective learning event should be held with all stakeholders if the escalation reaches stage 5.",
        ),
    },
    ObligationRule {
        id: "same_day_safeguarding_escalation",
        what: "Escalate the concern through established safeguarding procedures (Children and Families Contact Swindon, Adult Safeguarding or the police)",
        trigger: Trigger::ImmediateRisk,
        due: DueRule::SameWorkingDay,
        when: "on the same working day",
        lapses: false,
        independent_of_process: true,
        waived_by_immediate_risk: false,
        clause: clause(
            PRINCIPLES,
            "If at any time a professional considers an adult or child is at immediate risk of significant harm then the professional must ensure that their concerns are escalated on the same working day using established safeguarding procedures i.e. through Children and Families Contact Swindon, Adult Safeguarding or contacting the police.",
        ),
    },
    ObligationRule {
        id: "inform_lado",
        what: "Inform the Local Authority Designated Officer (LADO): the concern relates to an adult who works with children and may have caused or could cause harm",
        trigger: Trigger::ConcernAboutAdultWorkingWithChildren,
        due: DueRule::NotStated,
        when: "the policy states no time",
        lapses: false,
        independent_of_process: true,
        waived_by_immediate_risk: false,
        clause: clause(
            FORM,
            "Where there are concerns relating to an adult who works with children and may have caused the harm or could cause harm to children and young people. The LADO should be informed.",
        ),
    },
    ObligationRule {
        id: "inform_partnership_immediately",
        what: "Inform the Swindon Safeguarding Partnership and its Executives (Stage 5)",
        trigger: Trigger::ImmediateRisk,
        due: DueRule::Immediately,
        when: "immediately",
        lapses: false,
        independent_of_process: false,
        waived_by_immediate_risk: false,
        clause: clause(
            INTRO,
            "If there are significant concerns for the adult or child's well-being that requires immediate action at any stage of this process and there is potentially no resolution, then the Swindon Safeguarding Partnership and Swindon Safeguarding Partnership Executives must be informed immediately (Stage 5).",
        ),
    },
];

const MILESTONES: &[MilestoneRule] = &[MilestoneRule {
    name: "Day 17",
    what: "stage 4 complete: resolved, or forwarded to the Swindon Safeguarding Partnership with the Resolution Form (Appendix 1)",
    working_days_after_raised: 17,
    met: MilestoneMet::CompletedStage(4),
    clause: clause(
        FORM,
        "If you have not found a suitable resolution on completion of Stage 4 (Day 17) then please forward this completed form on to the Swindon Safeguarding Partnership",
    ),
}];

const REDIRECTS: &[RedirectRule] = &[
    RedirectRule {
        when: RedirectWhen::ConferenceDecisionBeforeDissentExhausted,
        to: "child_protection_conference_dissent",
        why: "the disagreement is about a child protection conference decision: the conference's dissent process must be exhausted before the resolution process is used",
        clause: clause(
            INTRO,
            "Where disagreement relates to child protection conference decision, the dissent process should be exhausted before the resolution process is implemented.",
        ),
    },
    RedirectRule {
        when: RedirectWhen::EmployeeConduct,
        to: "position_of_trust_framework",
        why: "the concern is about the behaviour or conduct of an employee: the South West Adult in a Position of Trust Framework applies",
        clause: clause(
            FORM,
            "Where a disagreement or concern relates to the behaviour or conduct of an employee, the Southwest Adult in a Position of Trust Framework should be followed.",
        ),
    },
];

const RECORDS: &[RecordRule] = &[RecordRule {
    id: "action_agreed",
    what: "An action was agreed at the stage under way",
    clause: clause(
        PRINCIPLES,
        "Ensure that at each stage of the process there is an accurate record made of the agreed actions of each agency.",
    ),
}];

const AREAS: &[AreaRule] = &[
    AreaRule {
        id: "referral_response",
        text: "Professionals remain concerned that the response to their safeguarding referral has not mitigated risk (Appendix 3, Example 1)",
    },
    AreaRule {
        id: "health_provider_response",
        text: "The Local Authority has concerns about the safeguarding response of a health-commissioned provider (Appendix 3, Example 2)",
    },
];

/// The Swindon policy's table.
pub static POLICY: Policy = Policy {
    id: PolicyId::SwindonResolution2026,
    title: "Swindon Safeguarding Partnership Resolution Policy (January 2026)",
    document: "swindon-resolution-policy-2026.txt",
    stages: STAGE_TABLE,
    obligations: OBLIGATIONS,
    records: RECORDS,
    milestones: MILESTONES,
    skip: Some(SkipRule {
        targets: &[5],
        requires_immediate_risk: true,
        clause: clause(
            INTRO,
            "If there are significant concerns for the adult or child's well-being that requires immediate action at any stage of this process and there is potentially no resolution, then the Swindon Safeguarding Partnership and Swindon Safeguarding Partnership Executives must be informed immediately (Stage 5).",
        ),
    }),
    redirects: REDIRECTS,
    areas: AREAS,
    areas_clause: clause(
        HEALTH,
        "Examples of utilizing resolution policy for health professionals:",
    ),
    seniority: Some(SeniorityRule {
        stages: &[2, 3, 4, 5],
        clause: clause(
            PROCESS,
            "Wherever possible, at each of the stages, discussions should be carried out between professionals of a similar level of seniority within their respective agencies.",
        ),
    }),
    finality: Finality {
        meaning: "a final resolution sought through a Resolution Panel chaired by the Swindon Safeguarding Partnership chair",
        clause: clause(
            STAGES,
            "The Strategic Safeguarding Partnership Manager will then contact the person(s) who represent the organisation within the Partnership or its Executive Group member to seek a final resolution via a Resolution Panel.",
        ),
    },
    default_record: "case_file_record",
};

/// The stage a Swindon case is at, if it is open; `None` as well for the
/// status of another policy's case, whose stage numbers mean other stages.
pub fn current_stage(status: &CaseStatus) -> Option<SwindonStage> {
    if status.policy != PolicyId::SwindonResolution2026 {
        return None;
    }
    let stage = status.stage.as_ref()?;
    SwindonStage::try_from(stage.number).ok()
}
