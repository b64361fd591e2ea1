//! The data a policy is written in: stages, clocks, obligations, milestones,
//! and the moves the policy allows. One engine runs every table.

use std::fmt;

use super::Text;

/// A sentence of a source document that a rule comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Clause {
    /// The document and place, such as `Swindon Resolution Policy (2026), s.4, Stage 3`.
    pub place: Text,
    /// The sentence, quoted as the document has it (empty when a
    /// definition names only the place).
    pub text: Text,
}

impl Clause {
    pub(crate) const fn new(place: &'static str, text: &'static str) -> Clause {
        Clause {
            place: Text::from_static(place),
            text: Text::from_static(text),
        }
    }

    /// A clause from a place and a sentence.
    ///
    /// ```
    /// use safeguarding_resolution::policy::Clause;
    ///
    /// let clause = Clause::from_text("Example Borough policy, s.3", "Escalate within 48 hours.");
    /// assert_eq!(clause.to_string(), "Example Borough policy, s.3: “Escalate within 48 hours.”");
    /// assert_eq!(Clause::from_text("s.3", "").to_string(), "s.3");
    /// ```
    pub fn from_text(place: impl Into<Text>, text: impl Into<Text>) -> Clause {
        Clause {
            place: place.into(),
            text: text.into(),
        }
    }
}

impl fmt::Display for Clause {
    /// `place: “text”`, or the place alone when there is no sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.text.is_empty() {
            write!(f, "{}", self.place)
        } else {
            write!(f, "{}: “{}”", self.place, self.text)
        }
    }
}

/// How a stage's deadline is set.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Clock {
    /// Due by the end of the N-th working day after the disagreement was
    /// raised.
    WorkingDaysAfterRaised(u32),
    /// Due by the end of the N-th working day after the stage started (the
    /// day the previous stage ended).
    WorkingDaysAfterStart(u32),
    /// Within N clock hours of the event that started the stage: due at
    /// that time when the event has a time of day, else by the end of the
    /// calendar day `ceil(N / 24)` days after its day.
    HoursAfterStart(u32),
    /// To happen "without delay": the policy sets no number of days.
    WithoutDelay,
    /// The policy states no time for the stage.
    NotStated,
    /// A clock chosen by the `priority` of the `raised` event.
    ByPriority(PriorityClock),
}

/// A stage clock that depends on the urgency of the concern: one clock per
/// priority, chosen by the `raised` event's `priority`, and the priority
/// that applies when none is given.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PriorityClock {
    /// Each priority's name, clock (never itself by priority) and the
    /// clock in words.
    pub priorities: Vec<(Text, Clock, Text)>,
    /// The priority that applies when the `raised` event names none.
    pub default: Text,
}

impl PriorityClock {
    /// The clock and its words for a priority, or `None` for a name the
    /// policy does not have; the default priority's when `priority` is
    /// `None`.
    pub fn choose(&self, priority: Option<&str>) -> Option<(&Clock, &Text)> {
        let name = priority.unwrap_or(&self.default);
        self.priorities
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, clock, rule)| (clock, rule))
    }
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Trigger {
    /// The disagreement was raised (and not redirected, unless the
    /// obligation stands whatever the process).
    Raised,
    /// The disagreement was raised with this flag of the `raised` event
    /// set, such as `employee_works_with_children`.
    RaisedWith(RaisedFlag),
    /// The case entered one of these stages (one obligation each time);
    /// with an area, only when the case's area of disagreement has that id.
    StageEntered {
        /// The stages.
        stages: Vec<u8>,
        /// The area the case must have, if any.
        area: Option<Text>,
    },
    /// One of these stages ended by escalation, resolution or decision
    /// (not by withdrawal).
    StageConcluded(Vec<u8>),
    /// Agreement was reached or a decision made at one of these stages.
    ResolvedAt(Vec<u8>),
    /// The case ended by agreement or decision after reaching this stage.
    ConcludedAfterReaching(u8),
    /// A risk of immediate or significant harm was identified (as the
    /// concern was raised, or later).
    ImmediateRisk,
    /// A record with this id was made (a `recorded` event); with stages,
    /// only while the case was at one of them, such as an agreed action,
    /// whose feedback is owed at once.
    Recorded {
        /// The record's id.
        record: Text,
        /// The stages, if it matters.
        stages: Option<Vec<u8>>,
    },
}

/// A yes-or-no field of the `raised` event that a rule can depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RaisedFlag {
    /// `immediate_risk`.
    ImmediateRisk,
    /// `about_employee_conduct`.
    AboutEmployeeConduct,
    /// `employee_works_with_children`.
    EmployeeWorksWithChildren,
    /// `child_protection_conference_decision`.
    ChildProtectionConferenceDecision,
    /// `dissent_process_exhausted`.
    DissentProcessExhausted,
}

impl RaisedFlag {
    /// Every flag.
    pub const ALL: [RaisedFlag; 5] = [
        RaisedFlag::ImmediateRisk,
        RaisedFlag::AboutEmployeeConduct,
        RaisedFlag::EmployeeWorksWithChildren,
        RaisedFlag::ChildProtectionConferenceDecision,
        RaisedFlag::DissentProcessExhausted,
    ];

    /// The field's JSON name.
    ///
    /// ```
    /// use safeguarding_resolution::policy::RaisedFlag;
    /// assert_eq!(RaisedFlag::AboutEmployeeConduct.as_str(), "about_employee_conduct");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RaisedFlag::ImmediateRisk => "immediate_risk",
            RaisedFlag::AboutEmployeeConduct => "about_employee_conduct",
            RaisedFlag::EmployeeWorksWithChildren => "employee_works_with_children",
            RaisedFlag::ChildProtectionConferenceDecision => "child_protection_conference_decision",
            RaisedFlag::DissentProcessExhausted => "dissent_process_exhausted",
        }
    }

    /// The flag's value in a `raised` event.
    pub fn of(self, raised: &super::Raised) -> bool {
        match self {
            RaisedFlag::ImmediateRisk => raised.immediate_risk,
            RaisedFlag::AboutEmployeeConduct => raised.about_employee_conduct,
            RaisedFlag::EmployeeWorksWithChildren => raised.employee_works_with_children,
            RaisedFlag::ChildProtectionConferenceDecision => {
                raised.child_protection_conference_decision
            }
            RaisedFlag::DissentProcessExhausted => raised.dissent_process_exhausted,
        }
    }
}

/// A duty the policy puts on someone: to record, send, copy, inform.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ObligationRule {
    /// The id a `recorded` event names to mark it done.
    pub id: Text,
    /// What is to be done, in words.
    pub what: Text,
    /// When it arises.
    pub trigger: Trigger,
    /// When it is due.
    pub due: DueRule,
    /// When it is due, in the policy's words.
    pub when: Text,
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordRule {
    /// The id a `recorded` event names.
    pub id: Text,
    /// What the record is, in words.
    pub what: Text,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// One stage of a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StageRule {
    /// The policy's own number for the stage.
    pub number: u8,
    /// The policy's own name for the stage.
    pub name: Text,
    /// How the stage's deadline is set.
    pub clock: Clock,
    /// The stage's deadline in words.
    pub clock_rule: Text,
    /// The sentence the clock comes from.
    pub clause: Clause,
    /// True when a `decided` event can end the case at this stage (by
    /// default the last stage only).
    pub decides: bool,
    /// True when an `escalated` event can move the case on from this stage
    /// to the next (by default every stage but the last).
    pub escalates: bool,
    /// The record (an obligation's or a clock-starting record's id) that
    /// meets the stage's clock, when the stage's sentence sets the clock for
    /// an act of the stage (a contact, a referral with a form, a report)
    /// rather than for the stage's end: Swindon stages 3 and 4 (the contact
    /// with the opposite number) and 5 (the referral with the Resolution
    /// Form); GSCP stage 1 (the report to line managers that ends the
    /// discussion). Once it is recorded the stage is no longer overdue, the
    /// status carries the day as `clock_met_on`, and whether the stage kept
    /// its clock is judged by that day.
    pub clock_met_by: Option<Text>,
    /// When the stage does not apply to a concern raised with a risk of
    /// immediate harm (North Somerset stage 1: "unless the child, young
    /// person or adult is at immediate risk"): its clock gives way to
    /// `immediately`, the next stage may start at once, and the obligations
    /// marked [`ObligationRule::waived_by_immediate_risk`] do not arise.
    pub immediate_risk_waiver: Option<ImmediateRiskWaiver>,
}

/// How a stage's clock reads when a risk of immediate harm was identified as
/// the concern was raised.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImmediateRiskWaiver {
    /// The stage's deadline then, in words.
    pub rule: Text,
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MilestoneRule {
    /// Its name, such as `Day 17`.
    pub name: Text,
    /// What should have happened by then, in words.
    pub what: Text,
    /// Working days after the day the disagreement was raised.
    pub working_days_after_raised: u32,
    /// What meets it.
    pub met: MilestoneMet,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// When escalation may skip stages.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SkipRule {
    /// The stages an escalation may jump to.
    pub targets: Vec<u8>,
    /// Only once a risk of immediate or significant harm is identified.
    pub requires_immediate_risk: bool,
    /// The sentence that allows it.
    pub clause: Clause,
}

/// A concern that belongs to another process, and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RedirectRule {
    /// What sends it there: each flag of the `raised` event with the value
    /// it must have (all must hold), such as a child protection conference
    /// decision (true) whose dissent process is not exhausted (false).
    pub when: Vec<(RaisedFlag, bool)>,
    /// A few words for diagrams, such as `employee conduct`.
    pub label: Text,
    /// An id for the other process, such as `position_of_trust_framework`.
    pub to: Text,
    /// Where it goes and why, in words.
    pub why: Text,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// One of a policy's areas (or typical issues) of disagreement.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AreaRule {
    /// The id used in events, such as `referral_threshold`.
    pub id: Text,
    /// The policy's words.
    pub text: Text,
}

/// The principle that the parties to a discussion be of a similar level of
/// seniority, and the stages it applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SeniorityRule {
    /// The stages whose discussions it concerns (Swindon: the discussions
    /// between agencies, stages 2 to 5; stage 1 is with one's own line
    /// manager).
    pub stages: Vec<u8>,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// The end of a policy's road: what its final decision means.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finality {
    /// In words, such as "final and binding for all organisations involved".
    pub meaning: Text,
    /// The sentence it comes from.
    pub clause: Clause,
}
