//! [proptest](https://docs.rs/proptest) strategies for event logs of any
//! policy.
//!
//! [`valid_log`] builds each log by asking the policy what it allows next
//! (so every generated log is one the policy accepts), from a raising with
//! or without immediate risk, a priority, an area and the flags that
//! redirect; [`any_log`] generates anything: any event, any date, in any
//! order, stages and records that may not exist.

use chrono::{Days, NaiveDate, NaiveTime};
use proptest::prelude::*;

use super::Log;
use crate::calendar::Calendar;
use crate::policy::{Event, EventKind, EventType, Policy, Raised, When};

/// The first day a generated log may start: Monday 4 January 2027.
fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 4).unwrap_or_default()
}

fn on(day: NaiveDate, minutes: Option<u16>) -> When {
    match minutes
        .and_then(|m| NaiveTime::from_hms_opt(u32::from(m / 60 % 24), u32::from(m % 60), 0))
    {
        Some(time) => When::DateTime(day.and_time(time)),
        None => When::Date(day),
    }
}

/// One step of a generated log: how many days after the last event, a time
/// of day (minutes) or none, and which of the allowed events.
type Step = (u8, Option<u16>, u8, u8);

/// Valid event logs of `policy` on `calendar`: every event is one the
/// policy allows at that point, and `as_of` is on or after the last event.
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{Policy, PolicyId};
/// use safeguarding_resolution::testing::strategies;
///
/// let policy = Policy::get(PolicyId::NsscpIssueResolution2025);
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let strategy = strategies::valid_log(policy.clone(), calendar.clone());
/// let log = strategy.new_tree(&mut TestRunner::deterministic()).unwrap().current();
/// assert!(policy.evaluate(calendar, &log.events, log.as_of).is_ok());
/// ```
pub fn valid_log(policy: Policy, calendar: Calendar) -> impl Strategy<Value = Log> {
    let raising = (
        0u16..700,
        any::<Option<u16>>().prop_map(|m| m.map(|m| m % 1440)),
        prop::bool::weighted(0.15),
        any::<u8>(),
        any::<u8>(),
        prop::bool::weighted(0.1),
    );
    let steps = prop::collection::vec(
        (
            0u8..5,
            prop::option::weighted(0.3, 0u16..1440),
            any::<u8>(),
            any::<u8>(),
        ),
        0..12,
    );
    (raising, steps, 0u8..40)
        .prop_map(move |(raising, steps, extra)| build(&policy, &calendar, raising, &steps, extra))
}

fn build(
    policy: &Policy,
    calendar: &Calendar,
    (offset, minutes, risk, priority, area, redirect): (u16, Option<u16>, bool, u8, u8, bool),
    steps: &[Step],
    extra: u8,
) -> Log {
    let start = first_day() + Days::new(u64::from(offset));
    let mut raised = Raised::new();
    raised.immediate_risk = risk;
    let priorities = policy.priorities();
    if !priorities.is_empty() && priority % 3 != 0 {
        raised.priority = Some(priorities[usize::from(priority) % priorities.len()].to_string());
    }
    if !policy.areas.is_empty() && area % 2 == 0 {
        raised.area = policy.area(&policy.areas[usize::from(area) % policy.areas.len()].id);
    }
    if redirect {
        if let Some(rule) = policy.redirects.first() {
            for (flag, value) in &rule.when {
                set_flag(&mut raised, *flag, *value);
            }
        }
    }
    let mut events = vec![Event::raised(on(start, minutes), raised)];
    if policy.evaluate(calendar, &events, start).is_err() {
        events[0] = Event::raised(start, Raised::new());
    }
    let mut day = start;
    for &(gap, minutes, choice, detail) in steps {
        let next_day = day + Days::new(u64::from(gap));
        let Ok(status) = policy.evaluate(calendar, &events, next_day) else {
            break;
        };
        if status.next.is_empty() {
            break;
        }
        let kind = status.next[usize::from(choice) % status.next.len()];
        let when = on(next_day, minutes);
        // Now and then a timescale set for the case, which every open case
        // accepts (and `next` does not list).
        if status.stage.is_some() && detail % 11 == 5 {
            let due = next_day + Days::new(u64::from(detail % 10));
            events.push(Event::timescale_set(when, due));
            if policy.evaluate(calendar, &events, next_day).is_err() {
                events.pop();
            } else {
                day = next_day;
            }
            continue;
        }
        let candidate = match kind {
            EventType::Escalated => {
                let mut event = Event::escalated(when);
                // Urgency decided at a later step.
                if !policy.priorities.is_empty() && detail % 5 == 1 {
                    let names = &policy.priorities;
                    event = event.priority(names[usize::from(detail) % names.len()].as_str());
                }
                let skips: Vec<u8> = policy
                    .skips
                    .iter()
                    .flat_map(|s| s.targets.iter().copied())
                    .collect();
                if detail % 3 == 0 && !skips.is_empty() {
                    event.to_stage(skips[usize::from(detail) % skips.len()])
                } else {
                    event
                }
            }
            EventType::Resolved => Event::resolved(when),
            EventType::Decided => Event::decided(when),
            EventType::Withdrawn => Event::withdrawn(when),
            EventType::ImmediateRisk => Event::immediate_risk(when),
            EventType::Recorded => {
                let pending: Vec<&str> = status
                    .pending_obligations()
                    .map(|o| o.id.as_str())
                    .collect();
                let records: Vec<&str> = policy.records.iter().map(|r| r.id.as_str()).collect();
                let ids = if detail % 2 == 0 && !pending.is_empty() {
                    pending
                } else {
                    records
                };
                match ids.get(usize::from(detail) % ids.len().max(1)) {
                    Some(id) => Event::recorded(when, id),
                    None => continue,
                }
            }
            EventType::Raised | EventType::TimescaleSet => continue,
        };
        events.push(candidate);
        if policy.evaluate(calendar, &events, next_day).is_err() {
            // A skip or a record the case does not allow: without it.
            let refused = events.pop();
            if let Some(Event {
                kind: EventKind::Escalated { .. },
                on,
            }) = refused
            {
                events.push(Event::escalated(on));
                if policy.evaluate(calendar, &events, next_day).is_err() {
                    events.pop();
                }
            }
            continue;
        }
        day = next_day;
    }
    Log {
        events,
        as_of: day + Days::new(u64::from(extra)),
    }
}

fn set_flag(raised: &mut Raised, flag: crate::policy::RaisedFlag, value: bool) {
    use crate::policy::RaisedFlag;
    match flag {
        RaisedFlag::ImmediateRisk => raised.immediate_risk = value,
        RaisedFlag::AboutEmployeeConduct => raised.about_employee_conduct = value,
        RaisedFlag::EmployeeWorksWithChildren => raised.employee_works_with_children = value,
        RaisedFlag::ChildProtectionConferenceDecision => {
            raised.child_protection_conference_decision = value;
        }
        RaisedFlag::DissentProcessExhausted => raised.dissent_process_exhausted = value,
    }
}

/// Arbitrary event logs for `policy`: any event type, dates that may go
/// backwards or leave the calendar, stages and records that may not exist,
/// `as_of` anywhere. Most are refused; none may make the evaluation panic.
pub fn any_log(policy: Policy) -> impl Strategy<Value = Log> {
    let records: Vec<String> = policy
        .record_ids()
        .into_iter()
        .map(str::to_string)
        .chain(["nowhere".to_string()])
        .collect();
    let event = (
        0u8..7,
        -40i32..400,
        any::<Option<u16>>(),
        0u8..9,
        any::<u8>(),
        any::<bool>(),
    );
    (prop::collection::vec(event, 0..16), -10i32..500).prop_map(move |(events, as_of)| {
        let day = |offset: i32| {
            let start = first_day();
            if offset < 0 {
                start - Days::new(u64::from(offset.unsigned_abs()))
            } else {
                start + Days::new(u64::from(offset.unsigned_abs()))
            }
        };
        let events = events
            .into_iter()
            .map(|(kind, offset, minutes, stage, record, flag)| {
                let when = on(day(offset), minutes.map(|m| m % 1440));
                match kind {
                    0 => {
                        let mut raised = Raised::new();
                        raised.immediate_risk = flag;
                        raised.priority = flag.then(|| "urgent".to_string());
                        Event::raised(when, raised)
                    }
                    1 if flag => Event::escalated(when).to_stage(stage),
                    1 => Event::escalated(when),
                    2 => Event::resolved(when),
                    3 => Event::decided(when),
                    4 => Event::withdrawn(when),
                    5 => Event::immediate_risk(when),
                    _ => {
                        let event =
                            Event::recorded(when, &records[usize::from(record) % records.len()]);
                        if flag { event.at_stage(stage) } else { event }
                    }
                }
            })
            .collect();
        Log {
            events,
            as_of: day(as_of),
        }
    })
}
