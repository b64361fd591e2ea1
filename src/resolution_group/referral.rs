//! What a referral to the Resolution Group says: the seven written
//! sections, the criteria it refers to, and what has been tried before.

use crate::policy::FreeText;

/// The seven sections of the written referral (Terms of Reference,
/// "Written Information"), in the order the Terms of Reference list them.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::resolution_group::Section;
///
/// assert_eq!(Section::ALL.len(), 7);
/// let section = Section::RiskAnalysis;
/// assert_eq!(section.key(), "risk_analysis");
/// assert_eq!(section.title(), "Analysis of current risks (known and unknown)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Basic information and family structure (and wider family/community
    /// networks where the connections are important).
    BasicInformation,
    /// Brief chronology and overview.
    Chronology,
    /// Any significant assessment information.
    Assessment,
    /// Agencies/professionals involved.
    AgenciesInvolved,
    /// Analysis of current risks (known and unknown).
    RiskAnalysis,
    /// Identified issues or obstacles to effective planning or provision.
    Obstacles,
    /// Outcomes sought through the Resolution Group and its impact on the
    /// child.
    OutcomesSought,
}

impl Section {
    /// Every section, in the Terms of Reference's order.
    pub const ALL: [Section; 7] = [
        Section::BasicInformation,
        Section::Chronology,
        Section::Assessment,
        Section::AgenciesInvolved,
        Section::RiskAnalysis,
        Section::Obstacles,
        Section::OutcomesSought,
    ];

    /// The key in JSON (`referral.basic_information`, ...).
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::Section;
    ///
    /// let keys = Section::ALL.map(Section::key);
    /// assert_eq!(keys, [
    ///     "basic_information",
    ///     "chronology",
    ///     "assessment",
    ///     "agencies_involved",
    ///     "risk_analysis",
    ///     "obstacles",
    ///     "outcomes_sought",
    /// ]);
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            Section::BasicInformation => "basic_information",
            Section::Chronology => "chronology",
            Section::Assessment => "assessment",
            Section::AgenciesInvolved => "agencies_involved",
            Section::RiskAnalysis => "risk_analysis",
            Section::Obstacles => "obstacles",
            Section::OutcomesSought => "outcomes_sought",
        }
    }

    /// The Terms of Reference's words for the section.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::Section;
    ///
    /// assert_eq!(Section::Chronology.title(), "Brief chronology and overview");
    /// assert!(Section::OutcomesSought.title().ends_with("its impact on the child"));
    /// ```
    pub fn title(self) -> &'static str {
        match self {
            Section::BasicInformation => {
                "Basic information and family structure (and wider family/community networks where the connections are important)"
            }
            Section::Chronology => "Brief chronology and overview",
            Section::Assessment => "Any significant assessment information",
            Section::AgenciesInvolved => "Agencies/professionals involved",
            Section::RiskAnalysis => "Analysis of current risks (known and unknown)",
            Section::Obstacles => {
                "Identified issues or obstacles to effective planning or provision"
            }
            Section::OutcomesSought => {
                "Outcomes sought through the Resolution Group and its impact on the child"
            }
        }
    }
}

/// The features of the circumstances the Resolution Group is for (Terms of
/// Reference, Introduction).
///
/// # Example
///
/// ```
/// use safeguarding_resolution::resolution_group::{Feature, Submission};
///
/// let mut referral = Submission::new();
/// referral.features = vec![Feature::DisputesUnresolved, Feature::ProfessionalsStuck];
/// assert_eq!(Feature::ALL.len(), 7);
/// assert_eq!(referral.features[0].id(), "disputes_unresolved");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    /// Agencies working in contradiction to one another.
    AgenciesInContradiction,
    /// Agencies' resources diverted towards short-term crises not achieving
    /// long term outcomes.
    ResourcesDivertedToCrises,
    /// Gaps in provision: services unavailable.
    ServicesUnavailable,
    /// Gaps in provision: rigid application of threshold criteria hampering
    /// combined inter-agency effort.
    RigidThresholds,
    /// Disputes amongst professionals, unresolved by line-managers.
    DisputesUnresolved,
    /// Professionals have become 'stuck', run out of ideas, repeating
    /// unproductive patterns of service delivery.
    ProfessionalsStuck,
    /// Gaps in specialist knowledge/assessment currently available to the
    /// planning group.
    SpecialistKnowledgeGaps,
}

impl Feature {
    /// Every feature, in the Terms of Reference's order.
    pub const ALL: [Feature; 7] = [
        Feature::AgenciesInContradiction,
        Feature::ResourcesDivertedToCrises,
        Feature::ServicesUnavailable,
        Feature::RigidThresholds,
        Feature::DisputesUnresolved,
        Feature::ProfessionalsStuck,
        Feature::SpecialistKnowledgeGaps,
    ];

    /// The id in JSON.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::Feature;
    ///
    /// assert_eq!(Feature::ServicesUnavailable.id(), "services_unavailable");
    /// assert_eq!(Feature::RigidThresholds.id(), "rigid_thresholds");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Feature::AgenciesInContradiction => "agencies_in_contradiction",
            Feature::ResourcesDivertedToCrises => "resources_diverted_to_crises",
            Feature::ServicesUnavailable => "services_unavailable",
            Feature::RigidThresholds => "rigid_thresholds",
            Feature::DisputesUnresolved => "disputes_unresolved",
            Feature::ProfessionalsStuck => "professionals_stuck",
            Feature::SpecialistKnowledgeGaps => "specialist_knowledge_gaps",
        }
    }
}

/// The increased risks to the child the Resolution Group is for (Terms of
/// Reference, Introduction: "Leading to: Child/Young person's increased risk
/// of").
///
/// # Example
///
/// ```
/// use safeguarding_resolution::resolution_group::Risk;
///
/// let ids = Risk::ALL.map(Risk::id);
/// assert_eq!(ids, ["abuse_or_neglect", "self_harm", "harm_to_others", "dislocation"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Risk {
    /// Abuse/neglect.
    AbuseOrNeglect,
    /// Self-harm/risky behaviours.
    SelfHarm,
    /// Harm to others.
    HarmToOthers,
    /// Long-term dislocation from family and community.
    Dislocation,
}

impl Risk {
    /// Every risk, in the Terms of Reference's order.
    pub const ALL: [Risk; 4] = [
        Risk::AbuseOrNeglect,
        Risk::SelfHarm,
        Risk::HarmToOthers,
        Risk::Dislocation,
    ];

    /// The id in JSON.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::Risk;
    ///
    /// assert_eq!(Risk::SelfHarm.id(), "self_harm");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Risk::AbuseOrNeglect => "abuse_or_neglect",
            Risk::SelfHarm => "self_harm",
            Risk::HarmToOthers => "harm_to_others",
            Risk::Dislocation => "dislocation",
        }
    }
}

/// The normal processes that must have been tried and failed before a
/// referral (Terms of Reference: "so long as the normal planning,
/// conferencing or dispute resolution processes have been tried and failed
/// to improve outcomes").
///
/// # Example
///
/// ```
/// use safeguarding_resolution::resolution_group::PriorProcess;
///
/// // "the normal planning, conferencing or dispute resolution processes"
/// let ids = PriorProcess::ALL.map(PriorProcess::id);
/// assert_eq!(ids, ["planning", "conferencing", "dispute_resolution"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PriorProcess {
    /// Normal planning.
    Planning,
    /// Conferencing.
    Conferencing,
    /// Dispute resolution (such as the GSCP escalation policy).
    DisputeResolution,
}

impl PriorProcess {
    /// Every process.
    pub const ALL: [PriorProcess; 3] = [
        PriorProcess::Planning,
        PriorProcess::Conferencing,
        PriorProcess::DisputeResolution,
    ];

    /// The id in JSON.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::PriorProcess;
    ///
    /// assert_eq!(PriorProcess::DisputeResolution.id(), "dispute_resolution");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            PriorProcess::Planning => "planning",
            PriorProcess::Conferencing => "conferencing",
            PriorProcess::DisputeResolution => "dispute_resolution",
        }
    }
}

/// A referral as submitted to the GSCP Business Unit.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::resolution_group::{PriorProcess, Risk, Section, Submission};
///
/// let mut referral = Submission::new();
/// referral.by_agency = Some("Example Constabulary".into());
/// referral.presenter = Some("Detective Inspector, Example Public Protection Unit".into());
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::Conferencing];
/// referral.risks = vec![Risk::HarmToOthers];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// assert!(referral.missing_sections().is_empty());
/// // The sections' text is never shown by `Debug`: it is about a child.
/// referral.sections[0].1 = "Child A lives with ...".into();
/// assert!(!format!("{referral:?}").contains("Child A"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Submission {
    /// The agency requesting the discussion (an organisation, not a person).
    pub by_agency: Option<String>,
    /// The senior manager of that agency who will present the case.
    pub presenter: Option<FreeText>,
    /// The referral is clearly marked for the Resolution Group.
    pub marked_for_resolution_group: bool,
    /// The normal processes tried and failed.
    pub prior_process: Vec<PriorProcess>,
    /// The Business Unit itself submits the case, for the next available
    /// meeting.
    pub by_business_unit: bool,
    /// The written sections, by section; absent or blank ones are missing.
    pub sections: Vec<(Section, FreeText)>,
    /// The features of the circumstances.
    pub features: Vec<Feature>,
    /// The increased risks to the child.
    pub risks: Vec<Risk>,
    /// Special attendees to be notified and invited on behalf of the group
    /// (their roles, in words).
    pub special_attendees: Vec<FreeText>,
}

impl Submission {
    /// An empty submission, to fill in.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::{Section, Submission};
    ///
    /// let referral = Submission::new();
    /// assert!(!referral.marked_for_resolution_group && referral.prior_process.is_empty());
    /// assert_eq!(referral.missing_sections(), Section::ALL);
    /// ```
    pub fn new() -> Submission {
        Submission::default()
    }

    /// The sections absent or blank, in the Terms of Reference's order.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::{Section, Submission};
    ///
    /// let mut referral = Submission::new();
    /// referral.sections = vec![
    ///     (Section::BasicInformation, "written".into()),
    ///     (Section::Chronology, "  ".into()), // blank counts as missing
    ///     (Section::OutcomesSought, "written".into()),
    /// ];
    /// assert_eq!(referral.missing_sections(), [
    ///     Section::Chronology,
    ///     Section::Assessment,
    ///     Section::AgenciesInvolved,
    ///     Section::RiskAnalysis,
    ///     Section::Obstacles,
    /// ]);
    /// ```
    pub fn missing_sections(&self) -> Vec<Section> {
        Section::ALL
            .into_iter()
            .filter(|s| {
                !self
                    .sections
                    .iter()
                    .any(|(section, text)| section == s && !text.is_blank())
            })
            .collect()
    }
}
