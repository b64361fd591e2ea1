//! The one engine that runs every policy table over a case's events.

use chrono::{Duration, NaiveDate};

use super::{
    Area, CaseState, CaseStatus, Clock, Due, DueKind, DueRule, Error, ErrorKind, Event, EventKind,
    EventType, Lapses, MilestoneMet, MilestoneStatus, ObligationRule, ObligationStatus, Parties,
    Policy, RaisedFlag, Redirect, StageRecord, StageRule, StageStatus, Text, Trigger, Warning,
    When,
};
use crate::calendar::Calendar;
use crate::limits::MAX_CASE_OBLIGATIONS;

/// The obligations of a policy by what sets them off, each list in the
/// policy's order: an event looks only at the obligations it can set off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TriggerIndex {
    /// By [`Fires`] (but `Entered`), as indices into the obligations.
    by_kind: [Vec<u16>; 6],
    /// For each stage number, the obligations set off by entering it.
    entered: Vec<Vec<u16>>,
}

/// Which obligations an event may set off.
#[derive(Debug, Clone, Copy)]
enum Fires {
    Raised,
    RaisedWith,
    Concluded,
    /// Agreement or decision: `resolved_at` and `concluded_after_reaching`.
    Ended,
    /// `immediate_risk`, and `raised_with` the `immediate_risk` flag.
    ImmediateRisk,
    Recorded,
    Entered(u8),
}

impl Fires {
    /// The list of [`TriggerIndex::by_kind`]; none for `Entered`, whose
    /// lists are by stage.
    fn slot(self) -> Option<usize> {
        match self {
            Fires::Raised => Some(0),
            Fires::RaisedWith => Some(1),
            Fires::Concluded => Some(2),
            Fires::Ended => Some(3),
            Fires::ImmediateRisk => Some(4),
            Fires::Recorded => Some(5),
            Fires::Entered(_) => None,
        }
    }
}

impl TriggerIndex {
    pub(crate) fn new(obligations: &[ObligationRule], stages: usize) -> TriggerIndex {
        let mut index = TriggerIndex {
            entered: vec![Vec::new(); stages + 1],
            ..TriggerIndex::default()
        };
        for (i, rule) in obligations.iter().enumerate() {
            let Ok(i) = u16::try_from(i) else { break };
            let kinds: &[Fires] = match &rule.trigger {
                Trigger::Raised => &[Fires::Raised],
                Trigger::RaisedWith(RaisedFlag::ImmediateRisk) => &[Fires::ImmediateRisk],
                Trigger::RaisedWith(_) => &[Fires::RaisedWith],
                Trigger::StageEntered { stages, .. } => {
                    for &n in stages {
                        if let Some(list) = index.entered.get_mut(usize::from(n)) {
                            list.push(i);
                        }
                    }
                    &[]
                }
                Trigger::StageConcluded(_) => &[Fires::Concluded],
                Trigger::ResolvedAt(_) | Trigger::ConcludedAfterReaching(_) => &[Fires::Ended],
                Trigger::ImmediateRisk => &[Fires::ImmediateRisk],
                Trigger::Recorded { .. } => &[Fires::Recorded],
            };
            for kind in kinds {
                if let Some(slot) = kind.slot() {
                    index.by_kind[slot].push(i);
                }
            }
        }
        index
    }

    fn candidates(&self, fires: Fires) -> &[u16] {
        match fires {
            Fires::Entered(n) => self.entered.get(usize::from(n)).map_or(&[], Vec::as_slice),
            kind => kind.slot().map_or(&[], |slot| &self.by_kind[slot]),
        }
    }
}

/// The stage under way while events are replayed.
struct Current<'a> {
    rule: &'a StageRule,
    started: NaiveDate,
    /// The event that started it, with its time when given.
    started_at: When,
    /// The records made at the stage that its clock counts from (the
    /// first of each id), with their days.
    records: Vec<(&'a str, NaiveDate)>,
    due: Due,
    /// The number of obligations when the stage started: those of the
    /// stage come after.
    first_obligation: usize,
}

struct Run<'a> {
    policy: &'a Policy,

    calendar: &'a Calendar,
    raised_on: NaiveDate,
    state: CaseState,
    current: Option<Current<'a>>,
    area: Option<Area>,
    /// The `raised` event's priority, for clocks by priority.
    priority: Option<&'a str>,
    immediate_risk_on: Option<NaiveDate>,
    /// A risk of immediate harm was identified when the concern was raised.
    immediate_risk_at_raising: bool,
    history: Vec<StageRecord>,
    obligations: Vec<ObligationStatus>,
    /// The obligations not yet done, by id and by (id, stage), oldest
    /// first: a `recorded` event finds its obligation without scanning.
    /// Entries of obligations done through the other queue are skipped
    /// when met, so each is pushed and popped once per queue.
    pending_by_id: super::queues::Queues<&'a str>,
    pending_by_stage: super::queues::Queues<(&'a str, Option<u8>)>,
    warnings: Vec<Warning>,
    redirect: Option<Redirect>,
    ended_on: Option<NaiveDate>,
    /// For each milestone, the day it was met.
    milestones_met: Vec<Option<NaiveDate>>,
    /// For each milestone, the day the case ended before it was met.
    milestones_lapsed: Vec<Option<NaiveDate>>,
    /// Clock-starting records made: id, stage, day.
    records_made: Vec<(&'a str, Option<u8>, NaiveDate)>,
    /// The latest timescale set for the case, by stage and obligation (none
    /// for the stage's clock): at most one entry per key, so its size is
    /// the policy's.
    timescales: Vec<((u8, Option<&'a str>), NaiveDate)>,
    /// The event being replayed, for errors.
    index: usize,
}

pub(crate) fn evaluate<'a>(
    policy: &'a Policy,
    calendar: &'a Calendar,
    events: &'a [Event],
    as_of: NaiveDate,
) -> Result<CaseStatus, Error> {
    let Some(first) = events.first() else {
        return Err(Error::field(
            "events",
            "a case needs at least its raised event",
            None,
        ));
    };
    let EventKind::Raised(raised) = &first.kind else {
        return Err(Error::new(
            ErrorKind::InvalidTransition {
                index: 0,
                event: first.event_type(),
                on: first.on.date(),
                problem: "a case starts with the raised event".to_string(),
                allowed: vec![EventType::Raised],
            },
            Some(0),
        ));
    };
    check_log(events.iter().map(|e| e.on), as_of, calendar)?;

    let mut run = Run {
        policy,

        calendar,
        raised_on: first.on.date(),
        state: CaseState::Open,
        current: None,
        area: None,
        priority: None,
        immediate_risk_on: None,
        immediate_risk_at_raising: false,
        history: Vec::with_capacity(policy.stages.len()),
        obligations: Vec::new(),
        pending_by_id: super::queues::Queues::default(),
        pending_by_stage: super::queues::Queues::default(),
        warnings: Vec::new(),
        redirect: None,
        ended_on: None,
        milestones_met: vec![None; policy.milestones.len()],
        milestones_lapsed: vec![None; policy.milestones.len()],
        records_made: Vec::new(),
        timescales: Vec::new(),
        index: 0,
    };
    run.raise(first.on, raised)?;
    for (index, event) in events.iter().enumerate().skip(1) {
        run.index = index;
        run.apply(event)?;
    }
    run.finish(as_of)
}

/// The checks every event log passes before it is replayed: dates in order,
/// `as_of` not before the last event, and the first event and `as_of` on
/// the calendar (between them they bound every date the replay touches).
/// The log has at least one event.
pub(crate) fn check_log(
    dates: impl ExactSizeIterator<Item = When>,
    as_of: NaiveDate,
    calendar: &Calendar,
) -> Result<(), Error> {
    let count = dates.len();
    let mut first = None;
    let mut previous: Option<When> = None;
    for (index, on) in dates.enumerate() {
        if let Some(before) = previous {
            if on.is_before(before) {
                return Err(Error::new(
                    ErrorKind::EventsOutOfOrder {
                        index,
                        on,
                        previous_index: index - 1,
                        previous: before,
                    },
                    Some(index),
                ));
            }
        }
        if let Some(at) = on.datetime() {
            if !crate::calendar::uk_time::exists(at) {
                return Err(Error::field(
                    format!("events[{index}].on"),
                    "a time that does not exist in UK local time (01:00 to 01:59 on the last \
                     Sunday of March, skipped when the clocks go forward to British Summer Time)",
                    Some(index),
                ));
            }
        }
        first.get_or_insert(on);
        previous = Some(on);
    }
    let (Some(first), Some(last)) = (first, previous) else {
        return Ok(());
    };
    if as_of < last.date() {
        return Err(Error::field(
            "as_of",
            format!(
                "before the last event (events[{}]); status can only be evaluated on or after its day",
                count - 1,
            ),
            None,
        ));
    }
    for (date, index) in [(first.date(), Some(0)), (as_of, None)] {
        calendar
            .is_working_day(date)
            .map_err(|e| Error::calendar(e, index))?;
    }
    Ok(())
}

impl<'a> Run<'a> {
    fn calendar_error(&self, error: crate::calendar::Error) -> Error {
        Error::calendar(error, Some(self.index))
    }

    fn add_working_days(&self, from: NaiveDate, n: u32) -> Result<NaiveDate, Error> {
        self.calendar
            .add_working_days(from, n)
            .map_err(|e| self.calendar_error(e))
    }

    fn stage_due(
        &self,
        rule: &'a StageRule,
        started: When,
        records: &[(&str, NaiveDate)],
    ) -> Result<Due, Error> {
        if let (Some(waiver), true) = (&rule.immediate_risk_waiver, self.immediate_risk_at_raising)
        {
            return Ok(Due {
                kind: DueKind::Immediately,
                rule: waiver.rule.clone(),
                counted_from: None,
            });
        }
        let (clock, words) = match &rule.clock {
            Clock::ByPriority(by) => by.choose(self.priority).ok_or_else(|| {
                // The priority was checked by the event that gave it.
                Error::field(
                    format!("events[{}].priority", self.index),
                    "not a priority of this policy",
                    Some(self.index),
                )
            })?,
            clock => (clock, &rule.clock_rule),
        };
        self.clock_due(clock, words, started, records, rule.number)
    }

    /// The date of the latest `timescale_set` event for this stage (and
    /// obligation, if any).
    fn timescale(&self, stage: u8, obligation: Option<&str>) -> Option<NaiveDate> {
        self.timescales
            .iter()
            .find(|((s, o), _)| *s == stage && *o == obligation)
            .map(|(_, date)| *date)
    }

    /// The due of a clock (not by priority) for a stage started at
    /// `started`, with the records made at it.
    fn clock_due(
        &self,
        clock: &Clock,
        words: &Text,
        started: When,
        records: &[(&str, NaiveDate)],
        stage: u8,
    ) -> Result<Due, Error> {
        let day = started.date();
        let counted = |from: NaiveDate, n: u32| -> Result<Due, Error> {
            Ok(Due {
                kind: DueKind::ByEndOf(self.add_working_days(from, n)?),
                rule: words.clone(),
                counted_from: Some((from, n)),
            })
        };
        let plain = |kind| Due {
            kind,
            rule: words.clone(),
            counted_from: None,
        };
        match clock {
            Clock::WorkingDaysAfterRaised(n) => counted(self.raised_on, *n),
            Clock::WorkingDaysAfterStart(n) => counted(day, *n),
            Clock::HoursAfterStart(hours) => Ok(plain(hours_after(started, *hours))),
            Clock::WithoutDelay => Ok(plain(DueKind::WithoutDelay)),
            Clock::WorkingDaysAfterRecord {
                record,
                days,
                until_recorded,
            } => match records.iter().find(|(id, _)| *id == record.as_str()) {
                Some((_, made)) => counted(*made, *days),
                None => self.clock_due(until_recorded, words, started, records, stage),
            },
            Clock::EarliestOf(members) => {
                let mut dues = Vec::with_capacity(members.len());
                for member in members {
                    dues.push(self.clock_due(member, words, started, records, stage)?);
                }
                Ok(earliest(dues).unwrap_or_else(|| plain(DueKind::NotStated)))
            }
            Clock::SetOnCase => Ok(plain(match self.timescale(stage, None) {
                Some(date) => DueKind::ByEndOf(date),
                None => DueKind::NotStated,
            })),
            Clock::NotStated | Clock::ByPriority(_) => Ok(plain(DueKind::NotStated)),
        }
    }

    /// A record (or an obligation met) at the stage under way: a clock
    /// counted from it is counted again.
    fn recount_from_record(&mut self, id: &'a str, on: When) -> Result<(), Error> {
        let Some(current) = self.current.as_ref() else {
            return Ok(());
        };
        if self.state != CaseState::Open
            || !clock_counts_from(&current.rule.clock, id)
            || current.records.iter().any(|(r, _)| *r == id)
        {
            return Ok(());
        }
        let mut records = current.records.clone();
        records.push((id, on.date()));
        let due = self.stage_due(current.rule, current.started_at, &records)?;
        if let Some(current) = self.current.as_mut() {
            current.records = records;
            current.due = due;
        }
        Ok(())
    }

    fn obligation_due(&self, rule: &DueRule, text: &Text, on: When) -> Result<Due, Error> {
        let date = on.date();
        let plain = |kind| Due {
            kind,
            rule: text.clone(),
            counted_from: None,
        };
        Ok(match rule {
            DueRule::Immediately => plain(DueKind::Immediately),
            DueRule::WithoutDelay => plain(DueKind::WithoutDelay),
            // A timescale set for the case is read when the case is
            // answered (the latest one).
            DueRule::NotStated | DueRule::SetOnCase => plain(DueKind::NotStated),
            DueRule::SameWorkingDay => plain(DueKind::ByEndOf(date)),
            DueRule::SameOrNextWorkingDay => {
                let working = self
                    .calendar
                    .is_working_day(date)
                    .map_err(|e| self.calendar_error(e))?;
                let day = if working {
                    date
                } else {
                    self.add_working_days(date, 1)?
                };
                plain(DueKind::ByEndOf(day))
            }
            DueRule::WithStage => match &self.current {
                Some(current) => Due {
                    rule: text.clone(),
                    ..current.due.clone()
                },
                None => plain(DueKind::NotStated),
            },
            DueRule::WorkingDaysAfter(n) => Due {
                kind: DueKind::ByEndOf(self.add_working_days(date, *n)?),
                rule: text.clone(),
                counted_from: Some((date, *n)),
            },
            DueRule::WorkingDaysAfterRaised(n) => Due {
                kind: DueKind::ByEndOf(self.add_working_days(self.raised_on, *n)?),
                rule: text.clone(),
                counted_from: Some((self.raised_on, *n)),
            },
            DueRule::HoursAfter(hours) => plain(hours_after(on, *hours)),
            DueRule::EarliestOf(members) => {
                let mut dues = Vec::with_capacity(members.len());
                for member in members {
                    dues.push(self.obligation_due(member, text, on)?);
                }
                earliest(dues).unwrap_or_else(|| plain(DueKind::NotStated))
            }
        })
    }

    /// Adds every obligation the trigger sets off, at the current stage.
    fn fire(
        &mut self,
        on: When,
        fires: Fires,
        matches: impl Fn(&Trigger) -> bool,
    ) -> Result<(), Error> {
        let stage = self.current.as_ref().map(|c| c.rule.number);
        self.fire_at(on, stage, fires, matches)
    }

    /// Adds every obligation the trigger sets off, at the given stage.
    fn fire_at(
        &mut self,
        on: When,
        stage: Option<u8>,
        fires: Fires,
        matches: impl Fn(&Trigger) -> bool,
    ) -> Result<(), Error> {
        let policy = self.policy;
        let redirected = self.state == CaseState::Redirected;
        let waived = self.immediate_risk_at_raising;
        let applies = |o: &ObligationRule| {
            matches(&o.trigger)
                && (!redirected || o.independent_of_process)
                && !(waived && o.waived_by_immediate_risk)
        };
        for rule in policy
            .triggers
            .candidates(fires)
            .iter()
            .map(|&i| &policy.obligations[usize::from(i)])
            .filter(|o| applies(o))
        {
            // The policy owes one duty while it is owed: a trigger repeated
            // before it is done (a risk identified again, a second report)
            // adds nothing.
            if self.is_pending(&rule.id, stage) {
                continue;
            }
            if self.obligations.len() >= MAX_CASE_OBLIGATIONS {
                return Err(Error::new(
                    ErrorKind::LimitExceeded {
                        field: format!("events[{}]", self.index),
                        problem: format!(
                            "sets off more obligations than the limit of {MAX_CASE_OBLIGATIONS} \
                             for one case (limits::MAX_CASE_OBLIGATIONS)"
                        ),
                    },
                    Some(self.index),
                ));
            }
            let due = self.obligation_due(&rule.due, &rule.when, on)?;
            let mut obligation = ObligationStatus::new(
                rule.id.clone(),
                rule.what.clone(),
                stage,
                on.date(),
                due,
                rule.clause.clone(),
            );
            obligation.lapses = rule.lapses;
            obligation.set_on_case = rule.due == DueRule::SetOnCase;
            let index = self.obligations.len();
            if index == 0 {
                // Room for a duty of each of the policy's rules (a case
                // owes some of them once, few twice), within reason for a
                // policy of very many: the lists do not grow step by step.
                let duties = policy.obligations.len().clamp(4, 32);
                self.obligations.reserve(duties);
                self.pending_by_id.reserve(duties);
                self.pending_by_stage.reserve(duties);
            }
            self.pending_by_id.push(&rule.id, index);
            self.pending_by_stage.push((&rule.id, stage), index);
            self.obligations.push(obligation);
        }
        Ok(())
    }

    /// True while an obligation with this id that arose at this stage is
    /// not yet done.
    fn is_pending(&mut self, id: &'a str, stage: Option<u8>) -> bool {
        let obligations = &self.obligations;
        self.pending_by_stage
            .get_mut(&(id, stage))
            .is_some_and(|mut queue| queue.has_pending(|i| obligations[i].is_pending()))
    }

    /// The oldest obligation with this id not yet done, at `stage` when
    /// given; it is taken off the queues.
    ///
    /// Without a stage, a duty lapsed with its stage is passed over; named
    /// by its stage, it can still be recorded as done late (the record is
    /// true, and the duty was not owed any more, not undone).
    fn take_pending(&mut self, id: &'a str, stage: Option<u8>) -> Option<usize> {
        let obligations = &self.obligations;
        match stage {
            None => self
                .pending_by_id
                .get_mut(id)?
                .take_pending(|i| obligations[i].is_pending()),
            Some(n) => self
                .pending_by_stage
                .get_mut(&(id, Some(n)))?
                .take_pending(|i| obligations[i].done_on.is_none()),
        }
    }

    fn check_parties(&mut self, parties: Option<Parties>) {
        let (Some(parties), Some(rule)) = (parties, &self.policy.seniority) else {
            return;
        };
        let clause = rule.clause.clone();
        let stage = self.current.as_ref().map(|c| c.rule.number);
        if stage.is_some_and(|n| rule.stages.contains(&n)) && parties.raising != parties.other {
            self.warnings.push(Warning {
                event_index: self.index,
                message: format!(
                    "the parties are of different seniority ({} and {}): discussions should \
                     be between professionals of a similar level, and the more junior should \
                     escalate to their line manager until the levels match",
                    parties.raising.as_str(),
                    parties.other.as_str()
                ),
                clause,
            });
        }
    }

    /// A priority named by the event being replayed (`raised` or
    /// `escalated`) is one of the policy's clocks by priority.
    fn check_priority(&self, priority: &str) -> Result<(), Error> {
        let policy = self.policy;
        if policy.priorities.iter().any(|p| p == priority) {
            return Ok(());
        }
        let message = if policy.priorities.is_empty() {
            "this policy sets no clock by priority".to_string()
        } else {
            format!(
                "not a priority of this policy; expected one of {}",
                crate::place::few(policy.priorities.iter().map(|p| p.as_str()))
            )
        };
        Err(Error::field(
            format!("events[{}].priority", self.index),
            message,
            Some(self.index),
        ))
    }

    fn raise(&mut self, on: When, raised: &'a super::Raised) -> Result<(), Error> {
        let policy = self.policy;
        if let Some(Area::Listed(id)) = &raised.area {
            if !policy.areas.iter().any(|a| a.id == *id) {
                let known = if policy.areas.is_empty() {
                    "this policy lists none; use {\"other\": text}".to_string()
                } else {
                    let known = crate::place::few(policy.areas.iter().map(|a| a.id.as_str()));
                    format!("{known}, or {{\"other\": text}}")
                };
                return Err(Error::field(
                    "events[0].area",
                    format!("not one of this policy's areas: {known}"),
                    Some(0),
                ));
            }
        }
        if let Some(priority) = &raised.priority {
            self.check_priority(priority)?;
        }
        self.priority = raised.priority.as_deref();
        self.area = raised.area.clone();
        self.immediate_risk_at_raising = raised.immediate_risk;
        let redirect = policy
            .redirects
            .iter()
            .find(|r| r.when.iter().all(|(flag, value)| flag.of(raised) == *value));
        if let Some(rule) = redirect {
            // The concern goes to another process; only the duties that
            // stand whatever the process arise.
            self.state = CaseState::Redirected;
            self.ended_on = Some(on.date());
            self.redirect = Some(Redirect {
                to: rule.to.clone(),
                why: rule.why.clone(),
                clause: rule.clause.clone(),
            });
            self.fire(on, Fires::Raised, |t| matches!(t, Trigger::Raised))?;
        } else {
            self.fire(on, Fires::Raised, |t| matches!(t, Trigger::Raised))?;
            self.enter(&policy.stages[0], on)?;
            self.check_parties(raised.parties);
        }
        self.fire(on, Fires::RaisedWith, |t| match t {
            Trigger::RaisedWith(flag) => *flag != RaisedFlag::ImmediateRisk && flag.of(raised),
            _ => false,
        })?;
        if raised.immediate_risk {
            self.immediate_risk_on = Some(on.date());
            self.fire(on, Fires::ImmediateRisk, |t| {
                matches!(
                    t,
                    Trigger::ImmediateRisk | Trigger::RaisedWith(RaisedFlag::ImmediateRisk)
                )
            })?;
        }
        Ok(())
    }

    fn enter(&mut self, rule: &'a StageRule, on: When) -> Result<(), Error> {
        let started = on.date();
        // Entering a stage past k completes every stage up to k, whether the
        // case went through them or skipped them.
        for (met, milestone) in self.milestones_met.iter_mut().zip(&self.policy.milestones) {
            let reached = match milestone.met {
                MilestoneMet::EnteredStage(k) => rule.number >= k,
                MilestoneMet::CompletedStage(k) => rule.number > k,
            };
            if met.is_none() && reached {
                *met = Some(started);
            }
        }
        let due = self.stage_due(rule, on, &[])?;
        self.current = Some(Current {
            rule,
            started,
            started_at: on,
            records: Vec::new(),
            due,
            first_obligation: self.obligations.len(),
        });
        let area = match &self.area {
            Some(Area::Listed(id)) => Some(id.clone()),
            _ => None,
        };
        self.fire(on, Fires::Entered(rule.number), |t| match t {
            Trigger::StageEntered { stages, area: None } => stages.contains(&rule.number),
            Trigger::StageEntered {
                stages,
                area: Some(id),
            } => stages.contains(&rule.number) && area.as_ref() == Some(id),
            _ => false,
        })
    }

    /// Ends the current stage, recording it in the history.
    fn leave(&mut self, on: When, ended_by: EventType) -> Result<u8, Error> {
        let Some(current) = self.current.take() else {
            return Ok(0);
        };
        let ended_on = on.date();
        let clock_met_on = self.clock_met_on(&current);
        let kept_by = clock_met_on.unwrap_or(ended_on);
        let within_time = current.due.date().map(|due| kept_by <= due);
        let number = current.rule.number;
        self.history.push(StageRecord {
            number,
            name: current.rule.name.clone(),
            started_on: current.started,
            ended_on,
            due: current.due.clone(),
            ended_by,
            within_time,
            clock_met_on,
        });
        // Agreement or a decision completes the stage (escalation meets
        // milestones as the next stage is entered); whatever ends the case
        // before a milestone is met makes it lapse, not met.
        if ended_by != EventType::Escalated {
            let concluded = ended_by != EventType::Withdrawn;
            let milestones = &self.policy.milestones;
            for ((met, lapsed), milestone) in self
                .milestones_met
                .iter_mut()
                .zip(self.milestones_lapsed.iter_mut())
                .zip(milestones)
            {
                if met.is_some() {
                    continue;
                }
                let leaves = concluded || milestone.met_by_withdrawal;
                match milestone.met {
                    MilestoneMet::CompletedStage(k) if leaves && number >= k => {
                        *met = Some(ended_on);
                    }
                    _ => *lapsed = Some(ended_on),
                }
            }
        }
        // The duties of the stage end with it.
        let of_stage = self.obligations.get_mut(current.first_obligation..);
        for obligation in of_stage
            .into_iter()
            .flatten()
            .filter(|o| o.lapses == Lapses::StageEnds && o.stage == Some(number) && o.is_pending())
        {
            obligation.lapsed_on = Some(ended_on);
        }
        // Keep the stage in scope while its concluding obligations fire.
        self.current = Some(current);
        if ended_by != EventType::Withdrawn {
            self.fire(
                on,
                Fires::Concluded,
                |t| matches!(t, Trigger::StageConcluded(stages) if stages.contains(&number)),
            )?;
        }
        self.current = None;
        Ok(number)
    }

    /// The day the record that meets the stage's clock was made, for a stage
    /// whose clock is met by a record.
    fn clock_met_on(&self, current: &Current<'a>) -> Option<NaiveDate> {
        let id = current.rule.clock_met_by.as_deref()?;
        let stage = Some(current.rule.number);
        // The obligation the stage's entry set off, done or not.
        let obligation = self
            .obligations
            .iter()
            .rev()
            .find(|o| o.id == id && o.stage == stage && o.arose_on >= current.started)
            .and_then(|o| o.done_on);
        let record = self
            .records_made
            .iter()
            .find(|(r, s, _)| *r == id && *s == stage)
            .map(|(_, _, on)| *on);
        obligation.or(record)
    }

    fn highest_stage(&self) -> u8 {
        let current = self.current.as_ref().map(|c| c.rule.number);
        self.history
            .iter()
            .map(|h| h.number)
            .chain(current)
            .max()
            .unwrap_or(0)
    }

    fn allowed(&self) -> Vec<EventType> {
        let mut allowed = Vec::with_capacity(6);
        match &self.current {
            Some(current) if self.state == CaseState::Open => {
                if !self.escalation_targets(current.rule.number).is_empty() {
                    allowed.push(EventType::Escalated);
                }
                allowed.push(EventType::Resolved);
                if current.rule.decides {
                    allowed.push(EventType::Decided);
                }
                allowed.push(EventType::Withdrawn);
                allowed.push(EventType::ImmediateRisk);
                // `recorded` is offered only where one can succeed: the
                // policy has records (made while the case is open), or a
                // duty is pending (its id is the record that meets it).
                if !self.policy.records.is_empty()
                    || self.obligations.iter().any(|o| o.done_on.is_none())
                {
                    allowed.push(EventType::Recorded);
                }
            }
            _ => {
                if self.state == CaseState::Redirected {
                    // "If at any time ...": a risk of harm still sets off
                    // the duties that stand whatever the process.
                    allowed.push(EventType::ImmediateRisk);
                }
                if self.obligations.iter().any(|o| {
                    o.is_pending() && !(o.lapses != Lapses::Never && self.ended_on.is_some())
                }) {
                    allowed.push(EventType::Recorded);
                }
            }
        }
        allowed
    }

    /// The stages an escalation from `from` may go to: the next stage, and
    /// the targets of the skips whose conditions hold, for a stage that
    /// escalates.
    fn escalation_targets(&self, from: u8) -> Vec<u8> {
        let stages = &self.policy.stages;
        let Some(at) = stages.iter().position(|s| s.number == from) else {
            return Vec::new();
        };
        if !stages[at].escalates {
            return Vec::new();
        }
        let mut targets: Vec<u8> = stages
            .get(at + 1)
            .map(|s| vec![s.number])
            .unwrap_or_default();
        for skip in &self.policy.skips {
            if !skip.requires_immediate_risk || self.immediate_risk_on.is_some() {
                for &t in &skip.targets {
                    if t > from && !targets.contains(&t) {
                        targets.push(t);
                    }
                }
            }
        }
        targets.sort_unstable();
        targets
    }

    fn refuse(&self, event: &Event, problem: String) -> Error {
        Error::new(
            ErrorKind::InvalidTransition {
                index: self.index,
                event: event.event_type(),
                on: event.on.date(),
                problem,
                allowed: self.allowed(),
            },
            Some(self.index),
        )
    }

    fn require_open(&self, event: &Event) -> Result<&Current<'a>, Error> {
        match (&self.current, self.state) {
            (Some(current), CaseState::Open) => Ok(current),
            (_, state) => Err(self.refuse(event, format!("the case is {}", state.as_str()))),
        }
    }

    fn apply(&mut self, event: &'a Event) -> Result<(), Error> {
        let on = event.on;
        match &event.kind {
            EventKind::Raised(_) => Err(self.refuse(
                event,
                "the disagreement was already raised (events[0])".to_string(),
            )),
            EventKind::Escalated {
                to_stage,
                parties,
                priority,
                ..
            } => {
                let from = self.require_open(event)?.rule.number;
                if let Some(priority) = priority {
                    self.check_priority(priority)?;
                }
                let targets = self.escalation_targets(from);
                let target = to_stage.or(targets.first().copied());
                let Some(target) = target else {
                    // Messages name stages by number only: a policy given
                    // inline is the caller's text, never repeated.
                    let problem = match self.policy.stages.last() {
                        Some(last) if last.number == from && self.policy.finality.is_some() => {
                            format!(
                                "stage {from} is the last stage of this policy; its decision is final (see the response's finality)"
                            )
                        }
                        Some(last) if last.number == from => {
                            format!("stage {from} is the last stage of this policy")
                        }
                        _ => format!("this policy does not escalate from stage {from}"),
                    };
                    return Err(self.refuse(event, problem));
                };
                if !targets.contains(&target) {
                    let problem = match self.policy.stage(target) {
                        None => format!(
                            "to_stage {target} is not a stage of this policy (stages {})",
                            stage_numbers(self.policy)
                        ),
                        Some(_) if target <= from => {
                            format!("to_stage {target} is not after the current stage {from}")
                        }
                        Some(_) => skip_problem(self.policy, from, target, &targets),
                    };
                    return Err(self.refuse(event, problem));
                }
                self.leave(on, EventType::Escalated)?;
                // The priority given replaces the one before, from the
                // stage this event starts.
                if let Some(priority) = priority {
                    self.priority = Some(priority.as_str());
                }
                let policy = self.policy;
                let rule = policy.stage(target).unwrap_or(&policy.stages[0]);
                self.enter(rule, on)?;
                self.check_parties(*parties);
                Ok(())
            }
            EventKind::Resolved { .. } | EventKind::Decided { .. } => {
                let current = self.require_open(event)?;
                let decided = matches!(event.kind, EventKind::Decided { .. });
                if decided && !current.rule.decides {
                    let at = current.rule.number;
                    let problem = format!(
                        "a decision ends only the final stage or a stage the policy lets decide; the case is at stage {at}"
                    );
                    return Err(self.refuse(event, problem));
                }
                let highest = self.highest_stage();
                let number = self.leave(on, event.event_type())?;
                self.state = if decided {
                    CaseState::Decided
                } else {
                    CaseState::Resolved
                };
                self.ended_on = Some(on.date());
                self.fire_at(on, Some(number), Fires::Ended, |t| match t {
                    Trigger::ResolvedAt(stages) => stages.contains(&number),
                    Trigger::ConcludedAfterReaching(n) => highest >= *n,
                    _ => false,
                })
            }
            EventKind::Withdrawn { .. } => {
                self.require_open(event)?;
                self.leave(on, EventType::Withdrawn)?;
                self.state = CaseState::Withdrawn;
                self.ended_on = Some(on.date());
                Ok(())
            }
            EventKind::ImmediateRisk => {
                if self.state != CaseState::Redirected {
                    self.require_open(event)?;
                }
                self.immediate_risk_on.get_or_insert(on.date());
                self.fire(on, Fires::ImmediateRisk, |t| {
                    matches!(
                        t,
                        Trigger::ImmediateRisk | Trigger::RaisedWith(RaisedFlag::ImmediateRisk)
                    )
                })
            }
            EventKind::TimescaleSet {
                due,
                stage,
                obligation,
            } => self.set_timescale(event, *due, *stage, obligation.as_deref()),
            EventKind::Recorded { record, stage } => {
                let id = match (record.as_deref(), self.policy.default_record.as_deref()) {
                    (Some(id), _) | (None, Some(id)) => id,
                    (None, None) => {
                        return Err(Error::field(
                            format!("events[{}].record", self.index),
                            "missing: this policy has no default record",
                            Some(self.index),
                        ));
                    }
                };
                self.record(event, id, *stage)
            }
        }
    }

    /// A `timescale_set` event: accepted while the case is open, under
    /// every policy; where no `set_on_case` clock or due reads it, it
    /// changes nothing.
    fn set_timescale(
        &mut self,
        event: &Event,
        due: NaiveDate,
        stage: Option<u8>,
        obligation: Option<&str>,
    ) -> Result<(), Error> {
        let current = self.require_open(event)?.rule.number;
        let policy = self.policy;
        let stage = match stage {
            None => current,
            Some(n) if policy.stage(n).is_some() => n,
            Some(_) => {
                return Err(Error::field(
                    format!("events[{}].stage", self.index),
                    format!(
                        "not a stage of this policy (stages {})",
                        stage_numbers(policy)
                    ),
                    Some(self.index),
                ));
            }
        };
        let obligation = match obligation {
            None => None,
            Some(id) => match policy.obligations.iter().find(|o| o.id == id) {
                Some(rule) => Some(rule.id.as_str()),
                None => {
                    return Err(Error::field(
                        format!("events[{}].obligation", self.index),
                        "not an obligation of this policy",
                        Some(self.index),
                    ));
                }
            },
        };
        let key = (stage, obligation);
        match self.timescales.iter_mut().find(|(k, _)| *k == key) {
            Some((_, date)) => *date = due,
            None => self.timescales.push((key, due)),
        }
        // The stage under way reads it at once.
        if obligation.is_none() && stage == current {
            if let Some(now) = self.current.as_ref() {
                let due = self.stage_due(now.rule, now.started_at, &now.records.clone())?;
                if let Some(now) = self.current.as_mut() {
                    now.due = due;
                }
            }
        }
        Ok(())
    }

    fn record(&mut self, event: &Event, id: &'a str, stage: Option<u8>) -> Result<(), Error> {
        let on = event.on;
        if let Some(index) = self.take_pending(id, stage) {
            let done = &mut self.obligations[index];
            done.done_on = Some(on.date());
            done.lapsed_on = None;
            // Steps in sequence: an obligation may arise when another is
            // met, counted from the day it was met.
            let id = self.policy.obligations.iter().find(|o| o.id == id);
            if let Some(id) = id.map(|o| o.id.as_str()) {
                let current = self.current.as_ref().map(|c| c.rule.number);
                let at_stage = stage.is_none() || stage == current;
                if at_stage {
                    self.recount_from_record(id, on)?;
                }
                self.fire(on, Fires::Recorded, |t| recorded_trigger(t, id, current))?;
            }
            return Ok(());
        }
        let policy = self.policy;
        if let Some(rule) = policy.records.iter().find(|r| r.id == id) {
            let current = self.current.as_ref().map(|c| c.rule.number);
            if self.state != CaseState::Open {
                return Err(self.refuse(
                    event,
                    format!(
                        "{:?} is made at a stage under way, but the case has ended",
                        rule.id
                    ),
                ));
            }
            if stage.is_some() && stage != current {
                return Err(self.refuse(
                    event,
                    format!(
                        "{:?} is made at the stage under way (stage {})",
                        rule.id,
                        current.unwrap_or_default()
                    ),
                ));
            }
            let id = rule.id.as_str();
            self.records_made.push((id, current, on.date()));
            self.recount_from_record(id, on)?;
            return self.fire(on, Fires::Recorded, |t| recorded_trigger(t, id, current));
        }
        let known = self.policy.record_ids();
        if !known.contains(&id) {
            return Err(Error::field(
                format!("events[{}].record", self.index),
                format!(
                    "not a record of this policy; its records: {}",
                    crate::place::few(known)
                ),
                Some(self.index),
            ));
        }
        let pending = crate::policy::pending_ids(&self.obligations);
        let at = stage.map(|n| format!(" at stage {n}")).unwrap_or_default();
        Err(self.refuse(
            event,
            format!("no {id:?} is pending{at} (pending: {pending})"),
        ))
    }

    fn finish(mut self, as_of: NaiveDate) -> Result<CaseStatus, Error> {
        let calendar = self.calendar;
        let overdue_days = |due: &Due| -> Result<i64, Error> {
            // A deadline at a time of day counts from its day.
            match due.date() {
                Some(date) if as_of > date => calendar
                    .working_days_between(date, as_of)
                    .map_err(|e| Error::calendar(e, None)),
                _ => Ok(0),
            }
        };
        let (stage, overdue, working_days_overdue) = match self.current.take() {
            Some(current) if self.state == CaseState::Open => {
                // A clock met by a record is no longer running once recorded.
                let clock_met_on = self.clock_met_on(&current);
                let met = clock_met_on.is_some();
                let days = if met { 0 } else { overdue_days(&current.due)? };
                let overdue = !met && current.due.is_past(as_of);
                let stage = StageStatus {
                    number: current.rule.number,
                    name: current.rule.name.clone(),
                    started_on: current.started,
                    due: current.due.clone(),
                    clock_met_on,
                };
                // Put it back for `allowed`.
                self.current = Some(current);
                (Some(stage), overdue, days)
            }
            _ => (None, false, 0),
        };
        // A timescale set for the case: the latest for the obligation.
        for obligation in self.obligations.iter_mut().filter(|o| o.set_on_case) {
            let set = obligation.stage.and_then(|stage| {
                self.timescales
                    .iter()
                    .find(|((s, o), _)| *s == stage && *o == Some(obligation.id.as_str()))
            });
            if let Some((_, date)) = set {
                obligation.due.kind = DueKind::ByEndOf(*date);
            }
        }
        // Obligations whose purpose was the process going on lapse with it.
        if let Some(ended) = self.ended_on {
            for obligation in self
                .obligations
                .iter_mut()
                .filter(|o| o.lapses != Lapses::Never && o.is_pending())
            {
                obligation.lapsed_on = Some(ended);
            }
        }
        for obligation in &mut self.obligations {
            obligation.overdue = obligation.is_pending() && obligation.due.is_past(as_of);
        }
        let mut milestones = Vec::with_capacity(self.policy.milestones.len());
        if self.state != CaseState::Redirected {
            for ((rule, met_on), lapsed_on) in self
                .policy
                .milestones
                .iter()
                .zip(&self.milestones_met)
                .zip(&self.milestones_lapsed)
            {
                let n = rule.working_days_after_raised;
                let due = Due {
                    kind: DueKind::ByEndOf(
                        calendar
                            .add_working_days(self.raised_on, n)
                            .map_err(|e| Error::calendar(e, Some(0)))?,
                    ),
                    rule: rule.what.clone(),
                    counted_from: Some((self.raised_on, n)),
                };
                milestones.push(MilestoneStatus {
                    name: rule.name.clone(),
                    what: rule.what.clone(),
                    overdue: met_on.is_none() && lapsed_on.is_none() && due.is_past(as_of),
                    met_in_time: met_on.map(|met| !due.is_past(met)),
                    due,
                    met_on: *met_on,
                    lapsed_on: *lapsed_on,
                    clause: rule.clause.clone(),
                });
            }
        }
        let next = self.allowed();
        let finality = match self.state {
            CaseState::Decided => self.policy.finality.clone(),
            _ => None,
        };
        Ok(CaseStatus {
            policy: self.policy.id.clone(),
            as_of,
            state: self.state,
            stage,
            overdue,
            working_days_overdue,
            milestones,
            obligations: self.obligations,
            next,
            history: self.history,
            redirect: self.redirect,
            warnings: self.warnings,
            area: self.area,
            raised_on: self.raised_on,
            immediate_risk_on: self.immediate_risk_on,
            ended_on: self.ended_on,
            finality,
        })
    }
}

/// "Whichever is less": the earliest of the dues that have a date, by day;
/// on the same day a time of day before the end of the day, and the
/// earlier time first; the first of equals.
fn earliest(dues: Vec<Due>) -> Option<Due> {
    // The end of a day sorts after every time of it.
    let key = |due: &Due| match due.kind {
        DueKind::At(at) => Some((at.date(), Some(at.time()))),
        DueKind::ByEndOf(date) => Some((date, None)),
        _ => None,
    };
    let mut best: Option<Due> = None;
    for due in dues {
        let Some((day, time)) = key(&due) else {
            continue;
        };
        let sooner = match best.as_ref().and_then(key) {
            None => true,
            Some((best_day, best_time)) => match day.cmp(&best_day) {
                std::cmp::Ordering::Less => true,
                std::cmp::Ordering::Greater => false,
                std::cmp::Ordering::Equal => match (time, best_time) {
                    (Some(t), Some(b)) => t < b,
                    (Some(_), None) => true,
                    _ => false,
                },
            },
        };
        if sooner {
            best = Some(due);
        }
    }
    best
}

/// True when the clock (or a member of it) counts from record `id`.
fn clock_counts_from(clock: &Clock, id: &str) -> bool {
    match clock {
        Clock::WorkingDaysAfterRecord {
            record,
            until_recorded,
            ..
        } => *record == id || clock_counts_from(until_recorded, id),
        Clock::EarliestOf(members) => members.iter().any(|m| clock_counts_from(m, id)),
        Clock::ByPriority(by) => by
            .priorities
            .iter()
            .any(|(_, c, _)| clock_counts_from(c, id)),
        _ => false,
    }
}

/// A `recorded` trigger set off by the record (or the obligation met) `id`
/// at stage `current`.
fn recorded_trigger(trigger: &Trigger, id: &str, current: Option<u8>) -> bool {
    match trigger {
        Trigger::Recorded {
            record,
            stages: None,
        } => *record == id,
        Trigger::Recorded {
            record,
            stages: Some(stages),
        } => *record == id && current.is_some_and(|n| stages.contains(&n)),
        _ => false,
    }
}

fn stage_numbers(policy: &Policy) -> String {
    policy
        .stages
        .iter()
        .map(|s| s.number.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn skip_problem(policy: &Policy, from: u8, target: u8, targets: &[u8]) -> String {
    let allowed = targets
        .iter()
        .map(|t| t.to_string())
        .collect::<Vec<_>>()
        .join(" or ");
    let gated = policy
        .skips
        .iter()
        .any(|skip| skip.targets.contains(&target) && skip.requires_immediate_risk);
    match gated {
        true => format!(
            "escalating from stage {from} to stage {target} skips stages, which this policy allows \
             only once a risk of immediate or significant harm is identified; allowed to_stage: {allowed}"
        ),
        _ => format!(
            "escalating from stage {from} to stage {target} skips stages, which this policy does not \
             allow; allowed to_stage: {allowed}"
        ),
    }
}

/// Within `hours` clock hours of `from`: at that time when `from` has a
/// time of day, else by the end of the calendar day `ceil(hours / 24)` days
/// after its day.
///
/// Clock hours are elapsed hours in UK local time: across the change to or
/// from summer time, 24 hours from noon is 13:00 or 11:00 the next day.
/// The time was checked to exist with the event log; a time beyond what
/// chrono can count falls back to wall-clock hours.
fn hours_after(from: When, hours: u32) -> DueKind {
    match from.datetime() {
        Some(at) => DueKind::At(
            crate::calendar::uk_time::add_hours(at, hours)
                .unwrap_or_else(|| at + Duration::hours(i64::from(hours))),
        ),
        None => DueKind::ByEndOf(from.date() + Duration::days(i64::from(hours.div_ceil(24)))),
    }
}
