//! The data a policy is written in: stages, clocks, obligations, milestones,
//! and the moves the policy allows. One engine runs every table.

use super::{Clause, Lapses, Text};

/// How a stage's deadline is set.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::{Clock, Policy, PolicyId};
///
/// // Swindon: two working days from the concern arising, then five from
/// // the completion of each stage before.
/// let swindon = Policy::get(PolicyId::SwindonResolution2026);
/// let clocks: Vec<&Clock> = swindon.stages.iter().map(|s| &s.clock).collect();
/// assert_eq!(clocks, [
///     &Clock::WorkingDaysAfterRaised(2),
///     &Clock::WorkingDaysAfterStart(5),
///     &Clock::WorkingDaysAfterStart(5),
///     &Clock::WorkingDaysAfterStart(5),
///     &Clock::WorkingDaysAfterStart(5),
/// ]);
/// // Gloucestershire's stage 2 is referred "without delay", and stage 3
/// // states no time.
/// let gscp = Policy::get(PolicyId::GscpEscalation2021);
/// assert_eq!(gscp.stage(2).unwrap().clock, Clock::WithoutDelay);
/// assert_eq!(gscp.stage(3).unwrap().clock, Clock::NotStated);
/// ```
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
    /// that time when the event has a time of day (elapsed hours in UK
    /// local time, across the changes to and from summer time), else by
    /// the end of the calendar day `ceil(N / 24)` days after its day.
    HoursAfterStart(u32),
    /// To happen "without delay": the policy sets no number of days.
    WithoutDelay,
    /// The policy states no time for the stage.
    NotStated,
    /// A clock chosen by the priority in force when the stage started (of
    /// the `raised` event, or of a later `escalated` event).
    ByPriority(PriorityClock),
    /// Counted from a record made at the stage ("within 2 working days of
    /// the disagreement or receipt of a decision"): `days` working days
    /// after the day the record (a record's or an obligation's id) was
    /// first made at this stage; before it is made, `until_recorded`.
    WorkingDaysAfterRecord {
        /// The record's (or obligation's) id.
        record: Text,
        /// Working days after the day it was made.
        days: u32,
        /// The clock until it is made (never by priority).
        until_recorded: Box<Clock>,
    },
    /// A timescale set for the case (`set_on_case`): the date of the
    /// case's latest `timescale_set` event for the stage; without one, no
    /// date.
    SetOnCase,
    /// "Whichever is less": the earliest of its members that has a date
    /// (`none` when none has); the stage's due is that member's. Members
    /// are never by priority.
    EarliestOf(Vec<Clock>),
}

/// A stage clock that depends on the urgency of the concern: one clock per
/// priority, chosen by the `raised` event's `priority`, and the priority
/// that applies when none is given.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{Clock, Event, Policy, Raised};
///
/// let policy = Policy::from_definition_json(r#"{
///     "id": "example-borough-2026",
///     "name": "Example Borough Escalation Policy 2026",
///     "stages": [
///         {"number": 1, "name": "Practitioners", "clock": {"kind": "by_priority",
///             "priorities": {"urgent": {"kind": "hours_after_start", "hours": 24},
///                            "standard": {"kind": "working_days_after_start", "days": 5}},
///             "default": "standard"}},
///         {"number": 2, "name": "Independent chair", "clock": {"kind": "not_stated"}}
///     ]
/// }"#)?;
/// let Clock::ByPriority(clock) = &policy.stages[0].clock else { panic!("by priority") };
/// assert_eq!(clock.default, "standard");
///
/// // Raised on Friday 5 February 2027, no time of day given: an urgent
/// // concern is due by the end of the next calendar day, Saturday 6; a
/// // standard one five working days on, Friday 12.
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let due = |raised: Raised| -> Result<_, Box<dyn std::error::Error>> {
///     let status = policy.evaluate(calendar, &[Event::raised(day(5), raised)], day(5))?;
///     Ok(status.stage.unwrap().due.date())
/// };
/// assert_eq!(due(Raised::new().priority("urgent"))?, Some(day(6)));
/// assert_eq!(due(Raised::new())?, Some(day(12)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::policy::{Clock, Policy};
    ///
    /// let policy = Policy::from_definition_json(r#"{
    ///     "id": "example-borough-2026",
    ///     "name": "Example Borough Escalation Policy 2026",
    ///     "stages": [{"number": 1, "name": "Practitioners", "clock": {"kind": "by_priority",
    ///         "priorities": {"urgent": {"kind": "hours_after_start", "hours": 24},
    ///                        "standard": {"kind": "working_days_after_start", "days": 5}},
    ///         "default": "standard"}}]
    /// }"#)?;
    /// let Clock::ByPriority(clock) = &policy.stages[0].clock else { panic!("by priority") };
    /// let (urgent, _) = clock.choose(Some("urgent")).unwrap();
    /// assert_eq!(urgent, &Clock::HoursAfterStart(24));
    /// let (default, _) = clock.choose(None).unwrap();
    /// assert_eq!(default, &Clock::WorkingDaysAfterStart(5));
    /// assert!(clock.choose(Some("low")).is_none());
    /// # Ok::<(), safeguarding_resolution::policy::DefinitionError>(())
    /// ```
    pub fn choose(&self, priority: Option<&str>) -> Option<(&Clock, &Text)> {
        let name = priority.unwrap_or(&self.default);
        self.priorities
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, clock, rule)| (clock, rule))
    }
}

/// How an obligation's deadline is set, from the moment that triggered it.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{DueRule, Event, Policy, PolicyId, Raised};
///
/// // North Somerset: "On Day 5, the Recording Form should be updated ...
/// // and the matter should be referred" to the partnership: counted from
/// // the day the issue was raised, not from the referral.
/// let nsscp = Policy::get(PolicyId::NsscpIssueResolution2025);
/// let form_rules: Vec<DueRule> = nsscp.obligations.iter()
///     .filter(|o| o.id == "recording_form").map(|o| o.due.clone()).collect();
/// assert_eq!(form_rules, [DueRule::WithStage, DueRule::WithStage, DueRule::WorkingDaysAfterRaised(5)]);
///
/// // Raised Monday 1 February 2027, so Day 5 is Monday 8; a referral on
/// // Wednesday 10 finds its form already overdue.
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let events = [
///     Event::raised(day(1), Raised::new()),
///     Event::escalated(day(2)),
///     Event::escalated(day(4)),
///     Event::escalated(day(10)),
/// ];
/// let status = nsscp.evaluate(Calendar::uk(Division::EnglandAndWales), &events, day(10))?;
/// let form = status.obligations.iter()
///     .find(|o| o.id == "recording_form" && o.stage == Some(4)).unwrap();
/// assert_eq!((form.arose_on, form.due.date()), (day(10), Some(day(8))));
/// assert!(form.overdue);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// "On the same working day" as a working-day rule (`same_working_day`):
    /// by the end of the day it arose when that is a working day of the
    /// calendar, else by the end of the next working day ("escalated on the
    /// same working day").
    SameOrNextWorkingDay,
    /// With the stage: the deadline of the stage that triggered it.
    WithStage,
    /// A timescale set for the case (`set_on_case`): the date of the
    /// case's latest `timescale_set` event naming the obligation (at its
    /// stage); without one, no date.
    SetOnCase,
    /// By the end of the N-th working day after the trigger.
    WorkingDaysAfter(u32),
    /// By the end of the N-th working day after the disagreement was
    /// raised, whenever the trigger came: North Somerset's Recording Form,
    /// due "On Day 5" even when the referral is late.
    WorkingDaysAfterRaised(u32),
    /// Within N hours of the trigger (elapsed hours in UK local time);
    /// when the trigger has no time of day, by the end of the calendar day
    /// `ceil(N / 24)` days after it.
    HoursAfter(u32),
    /// "Whichever is less": the earliest of its members that has a date
    /// (`none` when none has); the due is that member's. Members are never
    /// `set_on_case`.
    EarliestOf(Vec<DueRule>),
}

/// What makes an obligation arise.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::{Policy, PolicyId, RaisedFlag, Trigger};
///
/// let trigger = |id: PolicyId, obligation: &str| {
///     Policy::get(id).obligations.iter().find(|o| o.id == obligation).unwrap().trigger.clone()
/// };
/// // Swindon: "The LADO should be informed" when the adult concerned
/// // works with children.
/// assert_eq!(
///     trigger(PolicyId::SwindonResolution2026, "inform_lado"),
///     Trigger::RaisedWith(RaisedFlag::EmployeeWorksWithChildren)
/// );
/// // Gloucestershire: the Service Manager MASH joins stage 2 when the
/// // conflict is about the threshold for a referral.
/// assert_eq!(
///     trigger(PolicyId::GscpEscalation2021, "involve_service_manager_mash"),
///     Trigger::StageEntered { stages: vec![2], area: Some("referral_threshold".into()) }
/// );
/// ```
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
    /// A record with this id was made (a `recorded` event), or the
    /// obligation with this id was met (steps in sequence: "within 1
    /// working day ... then within a further 1 working day", counted from
    /// the day it was met); with stages, only while the case was at one of
    /// them, such as an agreed action, whose feedback is owed at once.
    Recorded {
        /// The record's id.
        record: Text,
        /// The stages, if it matters.
        stages: Option<Vec<u8>>,
    },
}

/// A yes-or-no field of the `raised` event that a rule can depend on.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::{RaisedFlag, Raised};
///
/// // A disagreement about a child protection conference decision whose
/// // dissent process has not been exhausted.
/// let raised = Raised::new().conference_decision(false);
/// let set: Vec<&str> = RaisedFlag::ALL
///     .iter()
///     .filter(|flag| flag.of(&raised))
///     .map(|flag| flag.as_str())
///     .collect();
/// assert_eq!(set, ["child_protection_conference_decision"]);
/// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::policy::{RaisedFlag, Raised};
    ///
    /// let about_a_teacher = Raised::new().about_employee_conduct(true);
    /// assert!(RaisedFlag::AboutEmployeeConduct.of(&about_a_teacher));
    /// assert!(RaisedFlag::EmployeeWorksWithChildren.of(&about_a_teacher));
    /// assert!(!RaisedFlag::ImmediateRisk.of(&about_a_teacher));
    /// ```
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
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{CaseState, Event, Lapses, Policy, PolicyId, Raised};
///
/// let swindon = Policy::get(PolicyId::SwindonResolution2026);
/// let lado = swindon.obligations.iter().find(|o| o.id == "inform_lado").unwrap();
/// assert!(lado.independent_of_process && lado.lapses == Lapses::Never);
///
/// // A concern about the conduct of an employee who works with children
/// // goes to the Position of Trust Framework, and the LADO is still to be
/// // informed.
/// let day = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
/// let events = [Event::raised(day, Raised::new().about_employee_conduct(true))];
/// let status = swindon.evaluate(Calendar::uk(Division::EnglandAndWales), &events, day)?;
/// assert_eq!(status.state, CaseState::Redirected);
/// let owed: Vec<&str> = status.pending_obligations().map(|o| o.id.as_str()).collect();
/// assert_eq!(owed, ["inform_lado"]);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
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
    /// When it stops being owed unmet: never (records and safety duties),
    /// when the case ends (its purpose is the process going on), or when
    /// the stage at which it arose ends (a duty of that stage).
    pub lapses: Lapses,
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
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::{Policy, PolicyId};
///
/// // Gloucestershire: the report to line managers ends the stage 1
/// // discussion (meeting its one working day) and starts the managers'
/// // twenty-four hours.
/// let gscp = Policy::get(PolicyId::GscpEscalation2021);
/// let ids: Vec<&str> = gscp.records.iter().map(|r| r.id.as_str()).collect();
/// assert_eq!(ids, ["reported_to_line_managers", "action_agreed"]);
/// assert_eq!(gscp.stage(1).unwrap().clock_met_by.as_deref(), Some("reported_to_line_managers"));
/// ```
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
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::{Policy, PolicyId};
///
/// let swindon = Policy::get(PolicyId::SwindonResolution2026);
/// // Stage 3's five working days are for the line manager's contact with
/// // their opposite number.
/// let three = swindon.stage(3).unwrap();
/// assert_eq!(three.name, "Team/Service Manager");
/// assert_eq!(three.clock_met_by.as_deref(), Some("opposite_number_contacted"));
/// assert!(three.escalates && !three.decides);
/// // The partnership (stage 5) is the last: it decides, and there is no
/// // stage to escalate to.
/// let five = swindon.stage(5).unwrap();
/// assert!(five.decides && !five.escalates);
/// assert_eq!(five.clock_met_by.as_deref(), Some("resolution_form"));
/// ```
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
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{DueKind, Event, Policy, PolicyId, Raised};
///
/// // North Somerset, stage 1: practitioners talk first "unless the child,
/// // young person or adult is at immediate risk"; then the practitioner
/// // "must raise this with their line manager immediately".
/// let nsscp = Policy::get(PolicyId::NsscpIssueResolution2025);
/// let waiver = nsscp.stage(1).unwrap().immediate_risk_waiver.as_ref().unwrap();
/// assert!(waiver.clause.text.contains("unless the child, young person or adult is at immediate risk"));
///
/// let day = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
/// let events = [Event::raised(day, Raised::new().immediate_risk())];
/// let status = nsscp.evaluate(Calendar::uk(Division::EnglandAndWales), &events, day)?;
/// let stage = status.stage.as_ref().unwrap();
/// assert_eq!((stage.number, stage.due.kind), (1, DueKind::Immediately));
/// assert_eq!(stage.due.rule, waiver.rule);
/// let ids: Vec<&str> = status.obligations.iter().map(|o| o.id.as_str()).collect();
/// assert!(ids.contains(&"raise_with_line_manager"));
/// assert!(!ids.contains(&"exchange_manager_details"));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
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
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::{MilestoneMet, Policy, PolicyId};
///
/// let met = |id| -> Vec<MilestoneMet> { Policy::get(id).milestones.iter().map(|m| m.met).collect() };
/// // North Somerset: Day 5 is the referral to the partnership (entering
/// // stage 4), Day 8 its response (stage 4 complete).
/// assert_eq!(
///     met(PolicyId::NsscpIssueResolution2025),
///     [MilestoneMet::EnteredStage(4), MilestoneMet::CompletedStage(4)]
/// );
/// // Swindon: "on completion of Stage 4 (Day 17)".
/// assert_eq!(met(PolicyId::SwindonResolution2026), [MilestoneMet::CompletedStage(4)]);
/// ```
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
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{Policy, PolicyId};
///
/// let day17 = &Policy::get(PolicyId::SwindonResolution2026).milestones[0];
/// assert_eq!((day17.name.as_str(), day17.working_days_after_raised), ("Day 17", 17));
/// // Raised on Monday 21 December 2026: seventeen working days, with
/// // Christmas, Boxing Day's substitute and New Year's Day skipped, end on
/// // Monday 18 January 2027.
/// let raised = NaiveDate::from_ymd_opt(2026, 12, 21).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let due = calendar.add_working_days(raised, day17.working_days_after_raised)?;
/// assert_eq!(due, NaiveDate::from_ymd_opt(2027, 1, 18).unwrap());
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
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
    /// For a milestone met on leaving a stage: whether a withdrawal at
    /// that stage (or after it) leaves it too. The library's reading is
    /// that it does not (a withdrawal completes nothing, so the milestone
    /// lapses); `true` is the other reading of "leaves that stage", for a
    /// policy that means it.
    pub met_by_withdrawal: bool,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// When escalation may skip stages.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
///
/// // Swindon: with significant concerns that require immediate action,
/// // "the Swindon Safeguarding Partnership ... must be informed
/// // immediately (Stage 5)".
/// let swindon = Policy::get(PolicyId::SwindonResolution2026);
/// let skip = &swindon.skips[0];
/// assert_eq!((skip.targets.as_slice(), skip.requires_immediate_risk), (&[5][..], true));
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let straight_to_five = [
///     Event::raised(day(1), Raised::new()),
///     Event::escalated(day(2)).to_stage(5),
/// ];
/// let refused = swindon.evaluate(calendar, &straight_to_five, day(2)).unwrap_err();
/// assert!(refused.is_invalid_transition());
/// // Once the risk is identified, the skip is allowed.
/// let with_risk = [
///     Event::raised(day(1), Raised::new()),
///     Event::immediate_risk(day(2)),
///     Event::escalated(day(2)).to_stage(5),
/// ];
/// let status = swindon.evaluate(calendar, &with_risk, day(2))?;
/// assert_eq!(status.stage.unwrap().number, 5);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
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
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{CaseState, Event, Policy, PolicyId, Raised, RaisedFlag};
///
/// // Swindon: about a child protection conference decision, "the dissent
/// // process should be exhausted before the resolution process is
/// // implemented".
/// let swindon = Policy::get(PolicyId::SwindonResolution2026);
/// let rule = swindon
///     .redirects
///     .iter()
///     .find(|r| r.to == "child_protection_conference_dissent")
///     .unwrap();
/// assert_eq!(rule.when, [
///     (RaisedFlag::ChildProtectionConferenceDecision, true),
///     (RaisedFlag::DissentProcessExhausted, false),
/// ]);
///
/// let day = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
/// let state = |raised| -> Result<CaseState, safeguarding_resolution::policy::Error> {
///     let events = [Event::raised(day, raised)];
///     Ok(swindon.evaluate(Calendar::uk(Division::EnglandAndWales), &events, day)?.state)
/// };
/// assert_eq!(state(Raised::new().conference_decision(false))?, CaseState::Redirected);
/// assert_eq!(state(Raised::new().conference_decision(true))?, CaseState::Open);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
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
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::{Policy, PolicyId};
///
/// // Gloucestershire's "Potential Areas of Disagreement", in its order.
/// let gscp = Policy::get(PolicyId::GscpEscalation2021);
/// let ids: Vec<&str> = gscp.areas.iter().map(|a| a.id.as_str()).collect();
/// assert_eq!(ids, [
///     "referral_threshold",
///     "further_information",
///     "child_protection_procedures",
///     "significant_agency_response",
///     "information_sharing_or_services",
///     "assessment_outcome",
/// ]);
/// assert!(gscp.areas[0].text.starts_with("A referral not considered to meet the threshold"));
/// ```
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
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::{Policy, PolicyId};
///
/// let seniority = Policy::get(PolicyId::SwindonResolution2026).seniority.as_ref().unwrap();
/// assert_eq!(seniority.stages, [2, 3, 4, 5]);
/// assert!(seniority.clause.text.contains("similar level of seniority"));
/// // North Somerset's policy does not state the principle.
/// assert!(Policy::get(PolicyId::NsscpIssueResolution2025).seniority.is_none());
/// ```
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
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{CaseState, Event, Policy, PolicyId, Raised};
///
/// // North Somerset: "The decision at Stage 4 will be made by the DSPs and
/// // is final and binding for all organisations involved."
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let events = [
///     Event::raised(day(1), Raised::new()),
///     Event::escalated(day(2)),
///     Event::escalated(day(4)),
///     Event::escalated(day(8)),
///     Event::decided(day(11)),
/// ];
/// let status = Policy::get(PolicyId::NsscpIssueResolution2025).evaluate(
///     Calendar::uk(Division::EnglandAndWales),
///     &events,
///     day(11),
/// )?;
/// assert_eq!(status.state, CaseState::Decided);
/// let finality = status.finality.unwrap();
/// assert!(finality.meaning.contains("final and binding"), "{}", finality.meaning);
/// assert!(finality.clause.place.contains("Stage 4"));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finality {
    /// In words, such as "final and binding for all organisations involved".
    pub meaning: Text,
    /// The sentence it comes from.
    pub clause: Clause,
}
