//! The referral lifecycle as a table of moves: the engine checks events
//! against it and the diagram is drawn from it.

use std::fmt::Write;

use super::EscalationTarget;
use crate::policy::Clause;

/// The stages of a referral's life (the status adds detail: an open
/// submission is `incomplete`, `scheduled` or `awaiting_meeting`).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     self as rg, DeadlineRule, Phase, ReferralEvent, ReferralState, Schedule, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
/// // An empty submission: in the table it is submitted; its status says more.
/// let events = [ReferralEvent::submitted(day(9, 28), Submission::new())];
/// let status = rg::evaluate(calendar, &schedule, &events, day(9, 28), None)?;
/// assert_eq!((status.phase, status.state), (Phase::Submitted, ReferralState::Incomplete));
/// assert!(!status.phase.is_final());
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Submitted to the GSCP Business Unit, before the meeting.
    Submitted,
    /// Sent back as incomplete or ineligible, awaiting resubmission.
    Returned,
    /// Discussed at a meeting; recommendations not yet recorded.
    Presented,
    /// Recommendations and actions agreed; progress being reported.
    ActionsInProgress,
    /// Outcomes improved; the group's work has ended.
    Closed,
    /// Escalated to the Chair of the GSCP Executive (an escalation to QiiP
    /// keeps the phase: the referral goes on).
    Escalated,
    /// Not taken on.
    Declined,
    /// Withdrawn.
    Withdrawn,
}

impl Phase {
    /// The name used in the diagram.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::{lifecycle, Phase};
    ///
    /// assert_eq!(Phase::ActionsInProgress.name(), "ActionsInProgress");
    /// // The diagram's states are these names; each final one leads out.
    /// assert!(lifecycle::mermaid().contains("    Closed --> [*]"));
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Phase::Submitted => "Submitted",
            Phase::Returned => "Returned",
            Phase::Presented => "Presented",
            Phase::ActionsInProgress => "ActionsInProgress",
            Phase::Closed => "Closed",
            Phase::Escalated => "Escalated",
            Phase::Declined => "Declined",
            Phase::Withdrawn => "Withdrawn",
        }
    }

    /// True when the group's work on the referral has ended.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::{lifecycle, Phase};
    ///
    /// let phases = [
    ///     Phase::Submitted, Phase::Returned, Phase::Presented, Phase::ActionsInProgress,
    ///     Phase::Closed, Phase::Escalated, Phase::Declined, Phase::Withdrawn,
    /// ];
    /// let ends: Vec<Phase> = phases.into_iter().filter(|p| p.is_final()).collect();
    /// assert_eq!(ends, [Phase::Closed, Phase::Escalated, Phase::Declined, Phase::Withdrawn]);
    /// // No move of the lifecycle leaves a final phase.
    /// assert!(lifecycle::MOVES.iter().all(|m| !m.from.is_some_and(Phase::is_final)));
    /// ```
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Phase::Closed | Phase::Escalated | Phase::Declined | Phase::Withdrawn
        )
    }
}

/// The kinds of referral event, as named in JSON.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::resolution_group::{ReferralEvent, ReferralEventType};
///
/// let on = NaiveDate::from_ymd_opt(2026, 10, 13).unwrap();
/// assert_eq!(ReferralEvent::presented(on).event_type(), ReferralEventType::Presented);
/// assert_eq!(ReferralEventType::ProgressReported.as_str(), "progress_reported");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReferralEventType {
    /// `submitted`
    Submitted,
    /// `returned`
    Returned,
    /// `presented`
    Presented,
    /// `actions_agreed`
    ActionsAgreed,
    /// `action_completed`
    ActionCompleted,
    /// `progress_reported`
    ProgressReported,
    /// `closed`
    Closed,
    /// `escalated`
    Escalated,
    /// `declined`
    Declined,
    /// `withdrawn`
    Withdrawn,
    /// `recorded`
    Recorded,
}

impl ReferralEventType {
    /// The JSON name.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::resolution_group::{lifecycle, ReferralEventType};
    ///
    /// // The events allowed after a presentation, as a response names them.
    /// let next: Vec<&str> = lifecycle::allowed_from(Some(lifecycle::Phase::Presented))
    ///     .into_iter()
    ///     .map(ReferralEventType::as_str)
    ///     .collect();
    /// assert_eq!(next, ["actions_agreed", "closed", "escalated", "declined", "withdrawn"]);
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ReferralEventType::Submitted => "submitted",
            ReferralEventType::Returned => "returned",
            ReferralEventType::Presented => "presented",
            ReferralEventType::ActionsAgreed => "actions_agreed",
            ReferralEventType::ActionCompleted => "action_completed",
            ReferralEventType::ProgressReported => "progress_reported",
            ReferralEventType::Closed => "closed",
            ReferralEventType::Escalated => "escalated",
            ReferralEventType::Declined => "declined",
            ReferralEventType::Withdrawn => "withdrawn",
            ReferralEventType::Recorded => "recorded",
        }
    }
}

/// One allowed move: from a phase, an event, to a phase, and why.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::resolution_group::lifecycle::{self, Phase, ReferralEventType};
/// use safeguarding_resolution::resolution_group::EscalationTarget;
///
/// let escalations = lifecycle::MOVES.iter().filter(|m| m.event == ReferralEventType::Escalated);
/// for m in escalations {
///     match m.target {
///         // An escalation to QiiP is recorded and keeps the phase...
///         Some(EscalationTarget::Qiip) => assert_eq!(m.from, Some(m.to)),
///         // ...one to the Chair ends the group's work.
///         Some(EscalationTarget::ExecutiveChair) => assert_eq!(m.to, Phase::Escalated),
///         None => unreachable!("an escalated move names its target"),
///     }
/// }
/// let first = &lifecycle::MOVES[0];
/// assert_eq!((first.from, first.to), (None, Phase::Submitted));
/// assert!(first.clause.text.contains("no later than five working days"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Move {
    /// Where from (`None`: before anything happened).
    pub from: Option<Phase>,
    /// The event.
    pub event: ReferralEventType,
    /// For `escalated`, the target the move is for; `None` for other events.
    pub target: Option<EscalationTarget>,
    /// Where to.
    pub to: Phase,
    /// The sentence behind it.
    pub clause: Clause,
}

const TOR: &str = "GSCP Resolution Group Terms of Reference";

const fn m(
    from: Option<Phase>,
    event: ReferralEventType,
    to: Phase,
    place: &'static str,
    text: &'static str,
) -> Move {
    Move {
        from,
        event,
        target: None,
        to,
        clause: Clause::new(place, text),
    }
}

/// An `escalated` move for one target.
const fn esc(
    from: Phase,
    target: EscalationTarget,
    to: Phase,
    place: &'static str,
    text: &'static str,
) -> Move {
    Move {
        from: Some(from),
        event: ReferralEventType::Escalated,
        target: Some(target),
        to,
        clause: Clause::new(place, text),
    }
}

const CHAIR_PLACE: &str = "GSCP Escalation Policy (2021), Stage Four";
const CHAIR: &str = "In the unlikely event that the Resolution Group cannot resolve the escalation the Resolution Group will refer the matter to the Chair of the GSCP Executive for consideration";
const QIIP: &str = "Escalate to GSCP Quality and Improvement in Practice Subgroup (QiiP) any child or young person's circumstances that meets the criteria for a formal safeguarding or other statutory review (Rapid Review or Acute Life Threatening Event)";

use EscalationTarget::{ExecutiveChair as Chair, Qiip};
use Phase::*;
use ReferralEventType as E;

/// Every move of the lifecycle. Events that keep the phase (`recorded`,
/// `action_completed`, `progress_reported`, further `actions_agreed`, and
/// `escalated` to QiiP, a members' duty that does not end the referral)
/// are listed as moves to the same phase.
pub const MOVES: &[Move] = &[
    m(
        None,
        E::Submitted,
        Submitted,
        TOR,
        "All requests should be passed to the GSCP Business Unit ideally at least ten working days but no later than five working days ahead of the Resolution Group meeting",
    ),
    m(
        Some(Submitted),
        E::Returned,
        Returned,
        TOR,
        "The practitioner should ensure that a referral is completed and submitted on time with the following",
    ),
    m(
        Some(Returned),
        E::Submitted,
        Submitted,
        TOR,
        "The practitioner should ensure that a referral is completed and submitted on time with the following",
    ),
    m(
        Some(Submitted),
        E::Presented,
        Presented,
        TOR,
        "Each child or young person's circumstances will be presented by the senior manager of the agency which requested the discussion",
    ),
    m(
        Some(Presented),
        E::ActionsAgreed,
        ActionsInProgress,
        "GSCP Resolution Group Flowchart",
        "Recommendations & agreed actions, contributions & timescales for reporting set",
    ),
    m(
        Some(ActionsInProgress),
        E::ActionsAgreed,
        ActionsInProgress,
        TOR,
        "Progress reporting requirements, including timescale.",
    ),
    m(
        Some(ActionsInProgress),
        E::ActionCompleted,
        ActionsInProgress,
        TOR,
        "Follow-up and ensure their agency's actions are completed in a timely way",
    ),
    m(
        Some(ActionsInProgress),
        E::ProgressReported,
        ActionsInProgress,
        TOR,
        "Agenda slots will be kept for previous referrals on which progress reports have been requested",
    ),
    m(
        Some(Presented),
        E::Closed,
        Closed,
        "GSCP Resolution Group Flowchart",
        "Improved Outcomes for the Child, Young Person or Family",
    ),
    m(
        Some(ActionsInProgress),
        E::Closed,
        Closed,
        "GSCP Resolution Group Flowchart",
        "Improved Outcomes for the Child, Young Person or Family",
    ),
    esc(Presented, Chair, Escalated, CHAIR_PLACE, CHAIR),
    esc(ActionsInProgress, Chair, Escalated, CHAIR_PLACE, CHAIR),
    esc(Submitted, Qiip, Submitted, TOR, QIIP),
    esc(Presented, Qiip, Presented, TOR, QIIP),
    esc(ActionsInProgress, Qiip, ActionsInProgress, TOR, QIIP),
    m(
        Some(Submitted),
        E::Declined,
        Declined,
        TOR,
        "The Resolution Group is not intended to 'escalate' or 'sweep-up' children or young people who are making acceptable progress through normal pathways and frameworks.",
    ),
    m(
        Some(Returned),
        E::Declined,
        Declined,
        TOR,
        "The Resolution Group is not intended to 'escalate' or 'sweep-up' children or young people who are making acceptable progress through normal pathways and frameworks.",
    ),
    m(
        Some(Presented),
        E::Declined,
        Declined,
        TOR,
        "The Resolution Group is not intended to 'escalate' or 'sweep-up' children or young people who are making acceptable progress through normal pathways and frameworks.",
    ),
    m(
        Some(Submitted),
        E::Withdrawn,
        Withdrawn,
        TOR,
        "Any agency can propose that a child, young person or family should be discussed at the Resolution Group",
    ),
    m(
        Some(Returned),
        E::Withdrawn,
        Withdrawn,
        TOR,
        "Any agency can propose that a child, young person or family should be discussed at the Resolution Group",
    ),
    m(
        Some(Presented),
        E::Withdrawn,
        Withdrawn,
        TOR,
        "Any agency can propose that a child, young person or family should be discussed at the Resolution Group",
    ),
    m(
        Some(ActionsInProgress),
        E::Withdrawn,
        Withdrawn,
        TOR,
        "Any agency can propose that a child, young person or family should be discussed at the Resolution Group",
    ),
];

/// The events allowed from a phase (`recorded` is allowed whenever an
/// obligation is pending, and is not in the table).
///
/// # Example
///
/// ```
/// use safeguarding_resolution::resolution_group::lifecycle::{self, Phase, ReferralEventType as E};
///
/// assert_eq!(lifecycle::allowed_from(None), [E::Submitted]);
/// assert_eq!(
///     lifecycle::allowed_from(Some(Phase::Returned)),
///     [E::Submitted, E::Declined, E::Withdrawn]
/// );
/// assert!(lifecycle::allowed_from(Some(Phase::Closed)).is_empty());
/// ```
pub fn allowed_from(phase: Option<Phase>) -> Vec<ReferralEventType> {
    let mut out: Vec<ReferralEventType> = Vec::new();
    for mv in MOVES.iter().filter(|mv| mv.from == phase) {
        if !out.contains(&mv.event) {
            out.push(mv.event);
        }
    }
    out
}

/// The move for an event from a phase, if the lifecycle allows it; for
/// `escalated`, `target` names where to (other events give `None`).
///
/// # Example
///
/// ```
/// use safeguarding_resolution::resolution_group::lifecycle::{self, Phase, ReferralEventType};
/// use safeguarding_resolution::resolution_group::EscalationTarget;
///
/// let escalate = |phase, target| {
///     lifecycle::find(Some(phase), ReferralEventType::Escalated, Some(target)).map(|m| m.to)
/// };
/// // Before the meeting only QiiP can be told; the Chair hears what the group
/// // could not resolve.
/// assert_eq!(escalate(Phase::Submitted, EscalationTarget::Qiip), Some(Phase::Submitted));
/// assert_eq!(escalate(Phase::Submitted, EscalationTarget::ExecutiveChair), None);
/// assert_eq!(
///     escalate(Phase::Presented, EscalationTarget::ExecutiveChair),
///     Some(Phase::Escalated)
/// );
/// ```
pub fn find(
    phase: Option<Phase>,
    event: ReferralEventType,
    target: Option<EscalationTarget>,
) -> Option<&'static Move> {
    MOVES
        .iter()
        .find(|mv| mv.from == phase && mv.event == event && mv.target == target)
}

/// The lifecycle as a Mermaid `stateDiagram-v2`, drawn from [`MOVES`].
///
/// # Example
///
/// ```
/// use safeguarding_resolution::resolution_group::lifecycle;
///
/// let text = lifecycle::mermaid();
/// assert!(text.contains("Presented --> ActionsInProgress: actions_agreed"));
/// ```
pub fn mermaid() -> String {
    let mut out = String::from("stateDiagram-v2\n");
    out.push_str("    %% GSCP Resolution Group referral (gscp-resolution-group-2021)\n");
    for mv in MOVES {
        let from = mv.from.map(Phase::name).unwrap_or("[*]");
        // Writing to a String cannot fail.
        let _ = match mv.target {
            Some(target) => writeln!(
                out,
                "    {from} --> {}: {} to {}",
                mv.to.name(),
                mv.event.as_str(),
                target.id()
            ),
            None => writeln!(
                out,
                "    {from} --> {}: {}",
                mv.to.name(),
                mv.event.as_str()
            ),
        };
    }
    for phase in [Closed, Escalated, Declined, Withdrawn] {
        let _ = writeln!(out, "    {} --> [*]", phase.name());
    }
    out
}
