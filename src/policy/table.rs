//! The data a policy is written in: stages, clocks, obligations, milestones,
//! and the moves the policy allows. One engine runs every table.

use std::fmt;

/// A sentence of a source document that a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Clause {
    /// The document and place, such as `Swindon Resolution Policy (2026), s.4, Stage 3`.
    pub place: &'static str,
    /// The sentence, quoted as the document has it.
    pub text: &'static str,
}

impl Clause {
    pub(crate) const fn new(place: &'static str, text: &'static str) -> Clause {
        Clause { place, text }
    }
}

impl fmt::Display for Clause {
    /// `place: “text”`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: “{}”", self.place, self.text)
    }
}

/// How a stage's deadline is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Clock {
    /// Due by the end of the N-th working day after the disagreement was
    /// raised.
    WorkingDaysAfterRaised(u32),
    /// Due by the end of the N-th working day after the stage started (the
    /// day the previous stage ended).
    WorkingDaysAfterStart(u32),
    /// To happen "without delay": the policy sets no number of days.
    WithoutDelay,
    /// The policy states no time for the stage.
    NotStated,
    /// Set by the meetings of the GSCP Resolution Group (see the
    /// `gscp-resolution-group-2021` lifecycle).
    ResolutionGroupMeetings,
}

/// How an obligation's deadline is set, from the moment that triggered it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DueRule {
    /// "Immediately".
    Immediately,
    /// "Without delay".
    WithoutDelay,
    /// The policy states no time.
    NotStated,
    /// "On the same working day": by the end of the day it arose. When that
    /// day is not a working day it is still that day, not the next working
    /// day: the routes the policies name for immediate risk (the police, the
    /// local authority's front door) are open every day, and the policies
    /// say not to delay.
    SameWorkingDay,
    /// With the stage: the deadline of the stage that triggered it.
    WithStage,
    /// By the end of the N-th working day after the trigger.
    WorkingDaysAfter(u32),
    /// By the end of the N-th working day after the disagreement was
    /// raised, whenever the trigger came: North Somerset's Recording Form,
    /// due "On Day 5" even when the referral is late.
    WorkingDaysAfterRaised(u32),
    /// Within N hours of the trigger; when the trigger has no time of day,
    /// by the end of the day after it.
    HoursAfter(u32),
}

/// What makes an obligation arise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Trigger {
    /// The disagreement was raised.
    Raised,
    /// The case entered one of these stages (one obligation each time).
    StageEntered(&'static [u8]),
    /// The case entered the stage and its area of disagreement has this id.
    StageEnteredWithArea(u8, &'static str),
    /// The stage ended by escalation, resolution or decision (not by
    /// withdrawal).
    StageConcluded(u8),
    /// Agreement was reached or a decision made at one of these stages.
    ResolvedAt(&'static [u8]),
    /// The case ended by agreement or decision after reaching this stage.
    ConcludedAfterReaching(u8),
    /// A risk of immediate or significant harm was identified.
    ImmediateRisk,
    /// A record with this id was made (a `recorded` event).
    Recorded(&'static str),
    /// A record with this id was made while the case was at one of these
    /// stages, such as an agreed action, whose feedback is owed at once.
    RecordedAt(&'static str, &'static [u8]),
    /// The concern relates to an adult who works with children and may have
    /// caused harm (the `raised` event's `employee_works_with_children`).
    ConcernAboutAdultWorkingWithChildren,
}

/// A duty the policy puts on someone: to record, send, copy, inform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ObligationRule {
    /// The id a `recorded` event names to mark it done.
    pub id: &'static str,
    /// What is to be done, in words.
    pub what: &'static str,
    /// When it arises.
    pub trigger: Trigger,
    /// When it is due.
    pub due: DueRule,
    /// When it is due, in the policy's words.
    pub when: &'static str,
    /// True when its purpose is the process going on (to avoid delay at a
    /// later stage, or to resolve the concern): it lapses, unmet, when the
    /// case ends. Records and safety duties never lapse.
    pub lapses: bool,
    /// True for a duty that stands whatever happens to the case ("if at any
    /// time ..."): it arises even when the concern is redirected to another
    /// process, and an event that triggers it is accepted there too.
    pub independent_of_process: bool,
    /// True when it belongs to a stage whose clock is waived because a risk
    /// of immediate harm was identified when the concern was raised (see
    /// [`StageRule::immediate_risk_waiver`]): it does not arise then.
    pub waived_by_immediate_risk: bool,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// A record that sets a clock running rather than discharging a duty, such
/// as GSCP's report to line managers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordRule {
    /// The id a `recorded` event names.
    pub id: &'static str,
    /// What the record is, in words.
    pub what: &'static str,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// One stage of a policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct StageRule {
    /// The policy's own number for the stage.
    pub number: u8,
    /// The policy's own name for the stage.
    pub name: &'static str,
    /// How the stage's deadline is set.
    pub clock: Clock,
    /// The stage's deadline in words.
    pub clock_rule: &'static str,
    /// The sentence the clock comes from.
    pub clause: Clause,
    /// True when a `decided` event can end the case at this stage.
    pub decides: bool,
    /// The record (an obligation's or a clock-starting record's id) that
    /// meets the stage's clock, when the stage's sentence sets the clock for
    /// an act of the stage (a contact, a referral with a form, a report)
    /// rather than for the stage's end: Swindon stages 3 and 4 (the contact
    /// with the opposite number) and 5 (the referral with the Resolution
    /// Form); GSCP stage 1 (the report to line managers that ends the
    /// discussion). Once it is recorded the stage is no longer overdue, the
    /// status carries the day as `clock_met_on`, and whether the stage kept
    /// its clock is judged by that day.
    pub clock_met_by: Option<&'static str>,
    /// When the stage does not apply to a concern raised with a risk of
    /// immediate harm (North Somerset stage 1: "unless the child, young
    /// person or adult is at immediate risk"): its clock gives way to
    /// `immediately`, the next stage may start at once, and the obligations
    /// marked [`ObligationRule::waived_by_immediate_risk`] do not arise.
    pub immediate_risk_waiver: Option<ImmediateRiskWaiver>,
}

/// How a stage's clock reads when a risk of immediate harm was identified as
/// the concern was raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImmediateRiskWaiver {
    /// The stage's deadline then, in words.
    pub rule: &'static str,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// When a milestone counted from the day the disagreement was raised is
/// met. A case that ends (resolved, decided, withdrawn) before meeting it
/// has not met it: the milestone lapses on that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MilestoneMet {
    /// When the case enters this stage or a later one (by escalation or a
    /// permitted skip), such as North Somerset's Day 5 referral to the
    /// partnership (stage 4).
    EnteredStage(u8),
    /// When this stage is complete: the case enters a later stage, or is
    /// resolved or decided at this stage or a later one (a withdrawal
    /// completes nothing), such as Swindon's Day 17 (stage 4 complete) and
    /// North Somerset's Day 8 (the partnership's response at stage 4).
    CompletedStage(u8),
}

/// A milestone counted in working days from the day the disagreement was
/// raised, such as Swindon's Day 17.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct MilestoneRule {
    /// Its name, such as `Day 17`.
    pub name: &'static str,
    /// What should have happened by then, in words.
    pub what: &'static str,
    /// Working days after the day the disagreement was raised.
    pub working_days_after_raised: u32,
    /// What meets it.
    pub met: MilestoneMet,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// When escalation may skip stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct SkipRule {
    /// The stages an escalation may jump to.
    pub targets: &'static [u8],
    /// Only once a risk of immediate or significant harm is identified.
    pub requires_immediate_risk: bool,
    /// The sentence that allows it.
    pub clause: Clause,
}

/// What sends a concern to another process instead of this policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RedirectWhen {
    /// The disagreement is about a child protection conference decision and
    /// the conference's dissent process has not been exhausted.
    ConferenceDecisionBeforeDissentExhausted,
    /// The concern is about the behaviour or conduct of an employee.
    EmployeeConduct,
}

/// A concern that belongs to another process, and where it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RedirectRule {
    /// What sends it there.
    pub when: RedirectWhen,
    /// An id for the other process, such as `position_of_trust_framework`.
    pub to: &'static str,
    /// Where it goes and why, in words.
    pub why: &'static str,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// One of a policy's areas (or typical issues) of disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct AreaRule {
    /// The id used in events, such as `referral_threshold`.
    pub id: &'static str,
    /// The policy's words.
    pub text: &'static str,
}

/// The principle that the parties to a discussion be of a similar level of
/// seniority, and the stages it applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct SeniorityRule {
    /// The stages whose discussions it concerns (Swindon: the discussions
    /// between agencies, stages 2 to 5; stage 1 is with one's own line
    /// manager).
    pub stages: &'static [u8],
    /// The sentence it comes from.
    pub clause: Clause,
}

/// The end of a policy's road: what its final decision means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finality {
    /// In words, such as "final and binding for all organisations involved".
    pub meaning: &'static str,
    /// The sentence it comes from.
    pub clause: Clause,
}
