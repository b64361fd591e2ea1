//! Section 9 of the GSCP arrangements as data: the phases of a serious
//! incident, the moves its events make, the statutory clocks and the duties,
//! each with its sentence. The engine runs these tables and the diagram is
//! drawn from them.

use std::fmt::Write;

use crate::terms::Clause;

const S9_1: &str = "GSCP Multi-agency Arrangements (2021), s.9.1";
const S9_2: &str = "GSCP Multi-agency Arrangements (2021), s.9.2";
const S9_4: &str = "GSCP Multi-agency Arrangements (2021), s.9.4";
const S9_5: &str = "GSCP Multi-agency Arrangements (2021), s.9.5";
const S9_6: &str = "GSCP Multi-agency Arrangements (2021), s.9.6";

const NOTIFY_SENTENCE: &str = "Since 29 June 2018, local authorities in England have been required to notify the national Child Safeguarding Practice Review Panel within 5 working days of becoming aware of a serious incident.";
const RAPID_REVIEW_SENTENCE: &str = "A rapid review will be initiated by the Safeguarding Support Unit, to be completed within 15 days of the notification and sent to the National Child Safeguarding Practice Review Panel.";
const DECISION_SENTENCE: &str = "Any decision to commence a local child safeguarding review (or not to do so) will be for the GSCP Executive, as informed by the findings of the Rapid Review and overseen by the QiiP Subgroup.";
const PUBLISHING_SENTENCE: &str = "The GSCP Executive will have the final decision on publishing arrangements and ensure a copy is provided to the National Panel and DfE no less than 7 working days ahead of publication.";
const RATIONALE_SENTENCE: &str = "The rationale for not publishing a local review will also be provided within the same timescales.";

/// Where a serious incident stands: the states of its event log.
///
/// The JSON `status` is [`Phase::status`].
///
/// # Example
///
/// ```
/// use safeguarding_resolution::serious_incident::Phase;
///
/// let phase = Phase::RapidReviewCompleted;
/// assert_eq!(phase.status(), "awaiting_decision");
/// assert_eq!(phase.name(), "RapidReviewCompleted");
/// assert!(!phase.is_final());
/// // Published before the copy went to the National Panel and the DfE: the
/// // copy is still owed, so the process has not ended.
/// assert!(!Phase::PublishedReportNotSent.is_final());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// The local authority became aware of a serious incident; the
    /// notification to the Panel is owed.
    Aware,
    /// The Panel was notified; the rapid review is under way.
    Notified,
    /// The rapid review was completed and sent to the National Panel; the
    /// GSCP Executive's decision on a local review is awaited.
    RapidReviewCompleted,
    /// A local child safeguarding practice review was commissioned; no
    /// publication date is planned and no report sent yet.
    ReviewCommissioned,
    /// A publication date is planned; the report has not gone to the
    /// National Panel and the DfE yet.
    PublicationPlanned,
    /// The report went to the National Panel and the DfE; publication is
    /// awaited.
    ReportSent,
    /// The report was published before it went to the National Panel and
    /// the DfE, which is still owed.
    PublishedReportNotSent,
    /// The report was published, and had gone to the National Panel and the
    /// DfE: the section 9 process has ended.
    Published,
    /// The GSCP Executive decided not to commission a local review: the
    /// section 9 process has ended.
    NoReview,
    /// The review is not to be published, and the rationale went to the
    /// National Panel and the DfE: the section 9 process has ended.
    NotPublished,
}

impl Phase {
    /// Every phase, in the order a case meets them.
    pub const ALL: [Phase; 10] = [
        Phase::Aware,
        Phase::Notified,
        Phase::RapidReviewCompleted,
        Phase::ReviewCommissioned,
        Phase::PublicationPlanned,
        Phase::ReportSent,
        Phase::PublishedReportNotSent,
        Phase::Published,
        Phase::NoReview,
        Phase::NotPublished,
    ];

    /// The JSON `status`: `awaiting_notification`, `rapid_review_under_way`,
    /// `awaiting_decision`, `review_commissioned`, `publication_planned`,
    /// `report_sent`, `published_report_not_sent`, `published`,
    /// `no_review`, `not_published`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::Phase;
    ///
    /// let statuses: Vec<&str> = Phase::ALL.iter().map(|p| p.status()).collect();
    /// assert_eq!(
    ///     statuses[..3],
    ///     ["awaiting_notification", "rapid_review_under_way", "awaiting_decision"]
    /// );
    /// assert_eq!(Phase::NotPublished.status(), "not_published");
    /// ```
    pub fn status(self) -> &'static str {
        match self {
            Phase::Aware => "awaiting_notification",
            Phase::Notified => "rapid_review_under_way",
            Phase::RapidReviewCompleted => "awaiting_decision",
            Phase::ReviewCommissioned => "review_commissioned",
            Phase::PublicationPlanned => "publication_planned",
            Phase::ReportSent => "report_sent",
            Phase::PublishedReportNotSent => "published_report_not_sent",
            Phase::Published => "published",
            Phase::NoReview => "no_review",
            Phase::NotPublished => "not_published",
        }
    }

    /// The name used in the diagram.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::{table, Phase};
    ///
    /// assert_eq!(Phase::Aware.name(), "Aware");
    /// // The diagram names each state by it, labelled with its status and the
    /// // clocks that run in it.
    /// assert!(table::mermaid()
    ///     .contains(r#"state "awaiting_notification (notification due aware + 5 WD)" as Aware"#));
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Phase::Aware => "Aware",
            Phase::Notified => "Notified",
            Phase::RapidReviewCompleted => "RapidReviewCompleted",
            Phase::ReviewCommissioned => "ReviewCommissioned",
            Phase::PublicationPlanned => "PublicationPlanned",
            Phase::ReportSent => "ReportSent",
            Phase::PublishedReportNotSent => "PublishedReportNotSent",
            Phase::Published => "Published",
            Phase::NoReview => "NoReview",
            Phase::NotPublished => "NotPublished",
        }
    }

    /// True when the section 9 process has ended: nothing more is owed.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::{table, Phase};
    ///
    /// let ends: Vec<Phase> = Phase::ALL.into_iter().filter(|p| p.is_final()).collect();
    /// assert_eq!(ends, [Phase::Published, Phase::NoReview, Phase::NotPublished]);
    /// // No move leaves a final phase.
    /// assert!(table::MOVES.iter().all(|m| !m.from.is_some_and(Phase::is_final)));
    /// ```
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Phase::Published | Phase::NoReview | Phase::NotPublished
        )
    }
}

/// The kinds of serious-incident event, as named in JSON.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::serious_incident::{IncidentEvent, IncidentEventType};
///
/// let on = NaiveDate::from_ymd_opt(2027, 1, 7).unwrap();
/// assert_eq!(IncidentEvent::notified(on).event_type(), IncidentEventType::Notified);
/// assert_eq!(IncidentEventType::ALL.len(), 7);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IncidentEventType {
    /// `aware`: the local authority became aware of a serious incident.
    Aware,
    /// `notified`: the Child Safeguarding Practice Review Panel was notified.
    Notified,
    /// `rapid_review_completed`: the rapid review was completed and sent to
    /// the National Panel.
    RapidReviewCompleted,
    /// `review_decided`: the GSCP Executive decided whether to commission a
    /// local child safeguarding practice review.
    ReviewDecided,
    /// `publication_planned`: a publication date was set for the report.
    PublicationPlanned,
    /// `report_sent`: the report (or the rationale for not publishing) went
    /// to the National Panel and the DfE.
    ReportSent,
    /// `published`: the report was published.
    Published,
}

impl IncidentEventType {
    /// Every event type.
    pub const ALL: [IncidentEventType; 7] = [
        IncidentEventType::Aware,
        IncidentEventType::Notified,
        IncidentEventType::RapidReviewCompleted,
        IncidentEventType::ReviewDecided,
        IncidentEventType::PublicationPlanned,
        IncidentEventType::ReportSent,
        IncidentEventType::Published,
    ];

    /// The JSON name.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::IncidentEventType;
    ///
    /// let names: Vec<&str> = IncidentEventType::ALL.iter().map(|e| e.as_str()).collect();
    /// assert_eq!(names, [
    ///     "aware",
    ///     "notified",
    ///     "rapid_review_completed",
    ///     "review_decided",
    ///     "publication_planned",
    ///     "report_sent",
    ///     "published",
    /// ]);
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            IncidentEventType::Aware => "aware",
            IncidentEventType::Notified => "notified",
            IncidentEventType::RapidReviewCompleted => "rapid_review_completed",
            IncidentEventType::ReviewDecided => "review_decided",
            IncidentEventType::PublicationPlanned => "publication_planned",
            IncidentEventType::ReportSent => "report_sent",
            IncidentEventType::Published => "published",
        }
    }
}

/// The GSCP Executive's decision on a local child safeguarding practice
/// review (`review_decided`'s `outcome`).
///
/// # Example
///
/// ```
/// use safeguarding_resolution::serious_incident::{table, IncidentEventType, Phase, ReviewOutcome};
///
/// // The decision leads to a review, or ends the process.
/// let to = |outcome| {
///     table::find(
///         Some(Phase::RapidReviewCompleted),
///         IncidentEventType::ReviewDecided,
///         table::Guard::Outcome(outcome),
///     )
///     .map(|m| m.to)
/// };
/// assert_eq!(to(ReviewOutcome::Commission), Some(Phase::ReviewCommissioned));
/// assert_eq!(to(ReviewOutcome::NoReview), Some(Phase::NoReview));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewOutcome {
    /// `commission`: a local review is commissioned.
    Commission,
    /// `no_review`: no local review.
    NoReview,
}

impl ReviewOutcome {
    /// Both outcomes.
    pub const ALL: [ReviewOutcome; 2] = [ReviewOutcome::Commission, ReviewOutcome::NoReview];

    /// The JSON name: `commission` or `no_review`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::ReviewOutcome;
    ///
    /// let names = ReviewOutcome::ALL.map(ReviewOutcome::as_str);
    /// assert_eq!(names, ["commission", "no_review"]);
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewOutcome::Commission => "commission",
            ReviewOutcome::NoReview => "no_review",
        }
    }
}

/// What a `report_sent` event sent to the National Panel and the DfE.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::serious_incident::{IncidentEvent, IncidentEventKind, SentDocument};
///
/// assert_eq!(SentDocument::default(), SentDocument::Report);
/// let on = NaiveDate::from_ymd_opt(2027, 5, 21).unwrap();
/// assert_eq!(
///     IncidentEvent::rationale_sent(on).kind,
///     IncidentEventKind::ReportSent(SentDocument::RationaleForNotPublishing)
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SentDocument {
    /// `report`: a copy of the review's report, ahead of its publication
    /// (the default).
    #[default]
    Report,
    /// `rationale_for_not_publishing`: the review is not to be published,
    /// and the rationale went instead.
    RationaleForNotPublishing,
}

impl SentDocument {
    /// Both documents.
    pub const ALL: [SentDocument; 2] = [
        SentDocument::Report,
        SentDocument::RationaleForNotPublishing,
    ];

    /// The JSON name: `report` or `rationale_for_not_publishing`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::SentDocument;
    ///
    /// let names = SentDocument::ALL.map(SentDocument::as_str);
    /// assert_eq!(names, ["report", "rationale_for_not_publishing"]);
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            SentDocument::Report => "report",
            SentDocument::RationaleForNotPublishing => "rationale_for_not_publishing",
        }
    }
}

/// A condition on an event's field that a move needs.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::serious_incident::table::{self, Guard};
/// use safeguarding_resolution::serious_incident::{IncidentEventType, Phase, SentDocument};
///
/// // A `report_sent` after a publication date was planned: the report goes
/// // on to publication, the rationale for not publishing ends the process.
/// let to = |document| {
///     table::find(
///         Some(Phase::PublicationPlanned),
///         IncidentEventType::ReportSent,
///         Guard::Document(document),
///     )
///     .map(|m| m.to)
/// };
/// assert_eq!(to(SentDocument::Report), Some(Phase::ReportSent));
/// assert_eq!(to(SentDocument::RationaleForNotPublishing), Some(Phase::NotPublished));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Guard {
    /// Any event of the type.
    Any,
    /// A `review_decided` with this outcome.
    Outcome(ReviewOutcome),
    /// A `report_sent` with this document.
    Document(SentDocument),
}

/// One allowed move: from a phase, an event (with its guard), to a phase,
/// and the sentence behind it.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::serious_incident::table::{self, Guard};
/// use safeguarding_resolution::serious_incident::{IncidentEventType, Phase, ReviewOutcome};
///
/// let first = &table::MOVES[0];
/// assert_eq!((first.from, first.event, first.to), (None, IncidentEventType::Aware, Phase::Aware));
/// let no_review = table::MOVES
///     .iter()
///     .find(|m| m.guard == Guard::Outcome(ReviewOutcome::NoReview))
///     .expect("a move for no review");
/// assert_eq!(no_review.from, Some(Phase::RapidReviewCompleted));
/// assert_eq!(no_review.to, Phase::NoReview);
/// assert!(no_review.clause.place.ends_with("s.9.5"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Move {
    /// Where from (`None`: before anything happened).
    pub from: Option<Phase>,
    /// The event.
    pub event: IncidentEventType,
    /// The condition on the event's fields.
    pub guard: Guard,
    /// Where to.
    pub to: Phase,
    /// The sentence behind it.
    pub clause: Clause,
}

const fn m(
    from: Option<Phase>,
    event: IncidentEventType,
    guard: Guard,
    to: Phase,
    place: &'static str,
    text: &'static str,
) -> Move {
    Move {
        from,
        event,
        guard,
        to,
        clause: Clause::new(place, text),
    }
}

use IncidentEventType as E;
use Phase::*;

const REPORT: Guard = Guard::Document(SentDocument::Report);
const RATIONALE: Guard = Guard::Document(SentDocument::RationaleForNotPublishing);

/// Every move of a serious incident. A later `publication_planned` replans
/// the date, so it is listed as a move to the same phase.
pub static MOVES: &[Move] = &[
    m(None, E::Aware, Guard::Any, Aware, S9_1, NOTIFY_SENTENCE),
    m(
        Some(Aware),
        E::Notified,
        Guard::Any,
        Notified,
        S9_1,
        "Notifications must be made using the online form for notifications of serious incidents for local authorities.",
    ),
    m(
        Some(Notified),
        E::RapidReviewCompleted,
        Guard::Any,
        RapidReviewCompleted,
        S9_4,
        RAPID_REVIEW_SENTENCE,
    ),
    m(
        Some(RapidReviewCompleted),
        E::ReviewDecided,
        Guard::Outcome(ReviewOutcome::Commission),
        ReviewCommissioned,
        S9_5,
        DECISION_SENTENCE,
    ),
    m(
        Some(RapidReviewCompleted),
        E::ReviewDecided,
        Guard::Outcome(ReviewOutcome::NoReview),
        NoReview,
        S9_5,
        DECISION_SENTENCE,
    ),
    m(
        Some(ReviewCommissioned),
        E::PublicationPlanned,
        Guard::Any,
        PublicationPlanned,
        S9_6,
        PUBLISHING_SENTENCE,
    ),
    m(
        Some(PublicationPlanned),
        E::PublicationPlanned,
        Guard::Any,
        PublicationPlanned,
        S9_6,
        PUBLISHING_SENTENCE,
    ),
    m(
        Some(ReportSent),
        E::PublicationPlanned,
        Guard::Any,
        ReportSent,
        S9_6,
        PUBLISHING_SENTENCE,
    ),
    m(
        Some(ReviewCommissioned),
        E::ReportSent,
        REPORT,
        ReportSent,
        S9_6,
        PUBLISHING_SENTENCE,
    ),
    m(
        Some(PublicationPlanned),
        E::ReportSent,
        REPORT,
        ReportSent,
        S9_6,
        PUBLISHING_SENTENCE,
    ),
    m(
        Some(ReviewCommissioned),
        E::ReportSent,
        RATIONALE,
        NotPublished,
        S9_6,
        RATIONALE_SENTENCE,
    ),
    m(
        Some(PublicationPlanned),
        E::ReportSent,
        RATIONALE,
        NotPublished,
        S9_6,
        RATIONALE_SENTENCE,
    ),
    m(
        Some(ReportSent),
        E::Published,
        Guard::Any,
        Published,
        S9_6,
        "The presumption is that a report will be published unless the Safeguarding Partners consider it inappropriate to do so.",
    ),
    m(
        Some(ReviewCommissioned),
        E::Published,
        Guard::Any,
        PublishedReportNotSent,
        S9_6,
        PUBLISHING_SENTENCE,
    ),
    m(
        Some(PublicationPlanned),
        E::Published,
        Guard::Any,
        PublishedReportNotSent,
        S9_6,
        PUBLISHING_SENTENCE,
    ),
    m(
        Some(PublishedReportNotSent),
        E::ReportSent,
        REPORT,
        Published,
        S9_6,
        PUBLISHING_SENTENCE,
    ),
];

/// The events allowed from a phase, each once, in table order.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::serious_incident::{table, IncidentEventType as E, Phase};
///
/// assert_eq!(table::allowed_from(None), [E::Aware]);
/// assert_eq!(
///     table::allowed_from(Some(Phase::ReviewCommissioned)),
///     [E::PublicationPlanned, E::ReportSent, E::Published]
/// );
/// assert!(table::allowed_from(Some(Phase::NoReview)).is_empty());
/// ```
pub fn allowed_from(phase: Option<Phase>) -> Vec<IncidentEventType> {
    let mut out: Vec<IncidentEventType> = Vec::new();
    for mv in MOVES.iter().filter(|mv| mv.from == phase) {
        if !out.contains(&mv.event) {
            out.push(mv.event);
        }
    }
    out
}

/// The move for an event (with its guard) from a phase, if allowed.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::serious_incident::table::{self, Guard};
/// use safeguarding_resolution::serious_incident::{IncidentEventType, Phase, SentDocument};
///
/// // Published before the copy was sent: sending it now ends the process.
/// let late_copy = table::find(
///     Some(Phase::PublishedReportNotSent),
///     IncidentEventType::ReportSent,
///     Guard::Document(SentDocument::Report),
/// );
/// assert_eq!(late_copy.map(|m| m.to), Some(Phase::Published));
/// // After a decision not to review there is no report to send.
/// let after_no_review = table::find(
///     Some(Phase::NoReview),
///     IncidentEventType::ReportSent,
///     Guard::Document(SentDocument::Report),
/// );
/// assert!(after_no_review.is_none());
/// ```
pub fn find(phase: Option<Phase>, event: IncidentEventType, guard: Guard) -> Option<&'static Move> {
    MOVES.iter().find(|mv| {
        mv.from == phase && mv.event == event && (mv.guard == Guard::Any || mv.guard == guard)
    })
}

/// The names of the statutory clocks.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::serious_incident::{table, ClockName};
///
/// let names = table::CLOCKS.map(|c| c.name);
/// assert_eq!(
///     names,
///     [ClockName::Notification, ClockName::RapidReview, ClockName::ReportToPanelAndDfe]
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClockName {
    /// `notification`: the Panel notified within 5 working days of becoming
    /// aware (9.1).
    Notification,
    /// `rapid_review`: the rapid review completed within 15 days of the
    /// notification (9.4).
    RapidReview,
    /// `report_to_panel_and_dfe`: the report to the National Panel and the
    /// DfE no less than 7 working days ahead of publication (9.6).
    ReportToPanelAndDfe,
}

impl ClockName {
    /// The JSON name.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::{table, ClockName};
    ///
    /// let names = table::CLOCKS.map(|c| c.name.as_str());
    /// assert_eq!(names, ["notification", "rapid_review", "report_to_panel_and_dfe"]);
    /// assert_eq!(ClockName::RapidReview.as_str(), "rapid_review");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ClockName::Notification => "notification",
            ClockName::RapidReview => "rapid_review",
            ClockName::ReportToPanelAndDfe => "report_to_panel_and_dfe",
        }
    }
}

/// How a clock's due date is counted from the day it counts from.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::serious_incident::{table, Count};
///
/// // 9.1's "5 working days", 9.4's "15 days" and 9.6's "no less than 7
/// // working days ahead of publication".
/// assert_eq!(table::NOTIFICATION.count, Count::WorkingDaysAfter(5));
/// assert_eq!(table::RAPID_REVIEW.count, Count::DaysAfter(15));
/// assert_eq!(table::REPORT_TO_PANEL_AND_DFE.count, Count::WorkingDaysBefore(7));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Count {
    /// The N-th working day strictly after the day
    /// (`Calendar::add_working_days`).
    WorkingDaysAfter(u32),
    /// N calendar days after the day: bank holidays and weekends count,
    /// and a due day that falls on one is not moved.
    DaysAfter(u32),
    /// The N-th working day strictly before the day
    /// (`Calendar::subtract_working_days`).
    WorkingDaysBefore(u32),
}

/// A statutory clock: what it is for, how it is counted, from which event,
/// which event meets it, and its sentence.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::serious_incident::{table, Count, IncidentEventType, Phase};
///
/// let clock = &table::NOTIFICATION;
/// assert_eq!((clock.from, clock.met_by), (IncidentEventType::Aware, IncidentEventType::Notified));
/// assert_eq!(clock.count, Count::WorkingDaysAfter(5));
/// assert_eq!(clock.runs_in, &[Phase::Aware]);
/// assert!(clock.clause.text.contains("within 5 working days of becoming aware"));
/// // The report's clock still runs after a publication without the copy.
/// assert!(table::REPORT_TO_PANEL_AND_DFE.runs_in.contains(&Phase::PublishedReportNotSent));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClockRule {
    /// The clock.
    pub name: ClockName,
    /// What is to be done, in words.
    pub what: &'static str,
    /// How the due date is counted.
    pub count: Count,
    /// The event whose day it is counted from (for the report, the planned
    /// publication date, or the day of publication once published).
    pub from: IncidentEventType,
    /// The event that meets it.
    pub met_by: IncidentEventType,
    /// The rule, in words that cite the arrangements.
    pub rule: &'static str,
    /// The sentence it comes from.
    pub clause: Clause,
    /// The phases in which it runs (for the diagram).
    pub runs_in: &'static [Phase],
}

/// The notification clock (9.1).
pub static NOTIFICATION: ClockRule = ClockRule {
    name: ClockName::Notification,
    what: "Notify the national Child Safeguarding Practice Review Panel of the serious incident",
    count: Count::WorkingDaysAfter(5),
    from: E::Aware,
    met_by: E::Notified,
    rule: "within 5 working days of becoming aware of the serious incident (GSCP arrangements, 9.1)",
    clause: Clause::new(S9_1, NOTIFY_SENTENCE),
    runs_in: &[Aware],
};

/// The rapid review's clock as the text has it: 15 calendar days of the
/// notification (9.4). The default.
pub static RAPID_REVIEW: ClockRule = ClockRule {
    name: ClockName::RapidReview,
    what: "Complete the rapid review and send it to the National Child Safeguarding Practice Review Panel",
    count: Count::DaysAfter(15),
    from: E::Notified,
    met_by: E::RapidReviewCompleted,
    rule: "within 15 days of the notification, counted in calendar days as the text has it (GSCP arrangements, 9.4)",
    clause: Clause::new(S9_4, RAPID_REVIEW_SENTENCE),
    runs_in: &[Notified],
};

/// The rapid review's clock as many partnerships run it: 15 working days of
/// the notification. A documented alternative
/// ([`crate::serious_incident::RapidReviewDays::Working`]), not the default.
pub static RAPID_REVIEW_WORKING_DAYS: ClockRule = ClockRule {
    name: ClockName::RapidReview,
    what: "Complete the rapid review and send it to the National Child Safeguarding Practice Review Panel",
    count: Count::WorkingDaysAfter(15),
    from: E::Notified,
    met_by: E::RapidReviewCompleted,
    rule: "within 15 days of the notification, read as 15 working days (the alternative reading of GSCP arrangements, 9.4)",
    clause: Clause::new(S9_4, RAPID_REVIEW_SENTENCE),
    runs_in: &[Notified],
};

/// The report's clock (9.6): a copy to the National Panel and the DfE no
/// less than 7 working days ahead of publication; the rationale for not
/// publishing within the same timescales.
pub static REPORT_TO_PANEL_AND_DFE: ClockRule = ClockRule {
    name: ClockName::ReportToPanelAndDfe,
    what: "Provide a copy of the report (or the rationale for not publishing) to the National Panel and the DfE",
    count: Count::WorkingDaysBefore(7),
    from: E::PublicationPlanned,
    met_by: E::ReportSent,
    rule: "no less than 7 working days ahead of publication (GSCP arrangements, 9.6)",
    clause: Clause::new(S9_6, PUBLISHING_SENTENCE),
    runs_in: &[PublicationPlanned, PublishedReportNotSent],
};

/// The clocks, with the rapid review's as the text has it.
pub static CLOCKS: [&ClockRule; 3] = [&NOTIFICATION, &RAPID_REVIEW, &REPORT_TO_PANEL_AND_DFE];

/// A duty section 9 puts on someone, and the events that arise and
/// discharge it.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::serious_incident::{table, ClockName};
///
/// let ids = table::DUTIES.each_ref().map(|d| d.id);
/// assert_eq!(ids, [
///     "notify_panel",
///     "rapid_review",
///     "review_decision",
///     "publishing_arrangements",
///     "copy_to_panel_and_dfe",
/// ]);
/// // The GSCP Executive's decision has no clock: section 9 states no time.
/// let decision = &table::DUTIES[2];
/// assert_eq!(decision.clock, None);
/// assert_eq!(decision.when, "the arrangements state no time");
/// assert_eq!(table::DUTIES[0].clock, Some(ClockName::Notification));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DutyRule {
    /// Its id in the response.
    pub id: &'static str,
    /// Who does what, in words.
    pub what: &'static str,
    /// The clock that sets its deadline, if there is one.
    pub clock: Option<ClockName>,
    /// When it is due, in the arrangements' words.
    pub when: &'static str,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// The duties of section 9, in the order they arise.
pub static DUTIES: [DutyRule; 5] = [
    DutyRule {
        id: "notify_panel",
        what: "The local authority notifies the national Child Safeguarding Practice Review Panel using the online form for notifications of serious incidents for local authorities",
        clock: Some(ClockName::Notification),
        when: "within 5 working days of becoming aware",
        clause: Clause::new(
            S9_1,
            "Notifications must be made using the online form for notifications of serious incidents for local authorities.",
        ),
    },
    DutyRule {
        id: "rapid_review",
        what: "The Safeguarding Support Unit initiates a rapid review, completes it and sends it to the National Child Safeguarding Practice Review Panel",
        clock: Some(ClockName::RapidReview),
        when: "within 15 days of the notification",
        clause: Clause::new(S9_4, RAPID_REVIEW_SENTENCE),
    },
    DutyRule {
        id: "review_decision",
        what: "The GSCP Executive decides whether to commence a local child safeguarding practice review, informed by the findings of the rapid review and overseen by the QiiP Subgroup",
        clock: None,
        when: "the arrangements state no time",
        clause: Clause::new(S9_5, DECISION_SENTENCE),
    },
    DutyRule {
        id: "publishing_arrangements",
        what: "The GSCP Executive makes the final decision on publishing arrangements for the review's report",
        clock: None,
        when: "the arrangements state no time",
        clause: Clause::new(S9_6, PUBLISHING_SENTENCE),
    },
    DutyRule {
        id: "copy_to_panel_and_dfe",
        what: "The GSCP Executive ensures a copy of the report (or the rationale for not publishing) is provided to the National Panel and the DfE",
        clock: Some(ClockName::ReportToPanelAndDfe),
        when: "no less than 7 working days ahead of publication",
        clause: Clause::new(
            S9_6,
            "The GSCP Executive will have the final decision on publishing arrangements and ensure a copy is provided to the National Panel and DfE no less than 7 working days ahead of publication. [...] The rationale for not publishing a local review will also be provided within the same timescales.",
        ),
    },
];

/// The sentence of 9.2 that the notification starts the rest from; cited
/// by the documentation, not by a rule.
pub static FLOW: Clause = Clause::new(
    S9_2,
    "Once notification has commenced, this will then flow into a Child Death Review or Rapid Review leading to a possible child safeguarding practice review at local or national level",
);

fn count_label(count: Count) -> String {
    match count {
        Count::WorkingDaysAfter(n) => format!("+ {n} WD"),
        Count::DaysAfter(n) => format!("+ {n} days"),
        Count::WorkingDaysBefore(n) => format!("- {n} WD"),
    }
}

fn from_label(clock: &ClockRule) -> &'static str {
    match clock.from {
        E::Aware => "aware",
        E::Notified => "notified",
        _ => "publication",
    }
}

/// The phases and moves as a Mermaid `stateDiagram-v2`, drawn from
/// [`MOVES`] and [`CLOCKS`]: each phase in which a clock runs carries it.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::serious_incident::table;
///
/// let text = table::mermaid();
/// assert!(text.contains("Aware --> Notified: notified"));
/// assert!(text.contains("notification due aware + 5 WD"));
/// ```
pub fn mermaid() -> String {
    let mut out = String::from("stateDiagram-v2\n");
    out.push_str("    %% GSCP serious incident statutory clocks (gscp-serious-incident-2021)\n");
    for phase in Phase::ALL {
        let clocks: Vec<String> = CLOCKS
            .iter()
            .filter(|c| c.runs_in.contains(&phase))
            .map(|c| {
                format!(
                    "{} due {} {}",
                    c.name.as_str(),
                    from_label(c),
                    count_label(c.count)
                )
            })
            .collect();
        // Writing to a String cannot fail.
        let _ = if clocks.is_empty() {
            writeln!(out, "    state \"{}\" as {}", phase.status(), phase.name())
        } else {
            writeln!(
                out,
                "    state \"{} ({})\" as {}",
                phase.status(),
                clocks.join("; "),
                phase.name()
            )
        };
    }
    for mv in MOVES {
        let from = mv.from.map(Phase::name).unwrap_or("[*]");
        let guard = match mv.guard {
            Guard::Any => String::new(),
            Guard::Outcome(outcome) => format!(" ({})", outcome.as_str()),
            Guard::Document(document) => format!(" ({})", document.as_str()),
        };
        let _ = writeln!(
            out,
            "    {from} --> {}: {}{guard}",
            mv.to.name(),
            mv.event.as_str()
        );
    }
    for phase in Phase::ALL.into_iter().filter(|p| p.is_final()) {
        let _ = writeln!(out, "    {} --> [*]", phase.name());
    }
    out
}
