//! The laws every policy keeps, one checker each. Each returns the law
//! broken ([`LawBroken`]) or `Ok`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::{LawBroken, Log};
use crate::calendar::Calendar;
use crate::policy::{CaseStatus, Due, DueKind, Policy};

fn broken(law: &'static str, detail: String, log: Option<&Log>) -> LawBroken {
    LawBroken {
        law,
        detail,
        log: log.cloned(),
    }
}

/// Every stage before the last has a way on (it escalates or decides), and
/// every stage can be reached from the first by escalation or a skip.
///
/// ```
/// use safeguarding_resolution::policy::{Policy, PolicyId};
/// use safeguarding_resolution::testing::laws;
///
/// assert!(laws::every_stage_has_a_way_on(Policy::get(PolicyId::SwindonResolution2026)).is_ok());
/// ```
///
/// # Errors
///
/// The law broken, naming the stage.
pub fn every_stage_has_a_way_on(policy: &Policy) -> Result<(), LawBroken> {
    const LAW: &str = "every stage before the last has a way on, and every stage can be reached";
    let count = policy.stages.len();
    let mut reached = vec![false; count];
    if let Some(first) = reached.first_mut() {
        *first = true;
    }
    for (i, stage) in policy.stages.iter().enumerate() {
        if i + 1 < count && !stage.escalates && !stage.decides {
            return Err(broken(
                LAW,
                format!("stage {} neither escalates nor decides", stage.number),
                None,
            ));
        }
        if !reached[i] || !stage.escalates {
            continue;
        }
        if let Some(next) = reached.get_mut(i + 1) {
            *next = true;
        }
        for skip in &policy.skips {
            for &t in skip.targets.iter().filter(|&&t| t > stage.number) {
                if let Some(at) = policy.stages.iter().position(|s| s.number == t) {
                    reached[at] = true;
                }
            }
        }
    }
    match reached.iter().position(|r| !r) {
        Some(i) => Err(broken(
            LAW,
            format!("stage {} cannot be reached", policy.stages[i].number),
            None,
        )),
        None => Ok(()),
    }
}

/// The definition survives a round trip: through its document
/// ([`Policy::to_definition_json`]) and through serde.
///
/// # Errors
///
/// The law broken, saying which way lost something.
pub fn definition_round_trips(policy: &Policy) -> Result<(), LawBroken> {
    const LAW: &str = "the definition survives a round trip";
    let text = policy.to_definition_json();
    match Policy::from_definition_json(&text) {
        Ok(again) if &again == policy => {}
        Ok(_) => {
            return Err(broken(
                LAW,
                "its document loads as another policy".into(),
                None,
            ));
        }
        Err(error) => {
            return Err(broken(
                LAW,
                format!("its document does not load: {error}"),
                None,
            ));
        }
    }
    let serialized = serde_json::to_string(policy)
        .map_err(|e| broken(LAW, format!("it does not serialize: {e}"), None))?;
    match serde_json::from_str::<Policy>(&serialized) {
        Ok(again) if &again == policy => Ok(()),
        Ok(_) => Err(broken(LAW, "serde gives back another policy".into(), None)),
        Err(e) => Err(broken(LAW, format!("serde cannot read it back: {e}"), None)),
    }
}

/// The definition an engine holds reads back, through
/// [`Engine::policy_definition_json`](crate::Engine::policy_definition_json),
/// as a document an engine accepts again: added to a new engine, and given
/// inline in a request (CONTRACT section 8). A built-in policy reads back
/// as its own document, which a request may give inline under its id.
///
/// ```
/// use safeguarding_resolution::policy::{Policy, PolicyId};
/// use safeguarding_resolution::testing::laws;
///
/// assert!(laws::definition_reads_back(Policy::get(PolicyId::GscpEscalation2021)).is_ok());
/// let minimal = Policy::from_definition_json(r#"{"id": "minimal", "name": "Minimal",
///     "stages": [{"number": 1, "name": "Chair", "clock": {"kind": "not_stated"}}]}"#)?;
/// assert!(laws::definition_reads_back(&minimal).is_ok());
/// # Ok::<(), safeguarding_resolution::policy::DefinitionError>(())
/// ```
///
/// # Errors
///
/// The law broken, saying where the document read back was refused (never
/// a value of it).
pub fn definition_reads_back(policy: &Policy) -> Result<(), LawBroken> {
    const LAW: &str = "the definition an engine holds reads back as a document it accepts again";
    let engine = crate::Engine::new();
    let builtin = crate::engine::is_reserved(&policy.id);
    if !builtin {
        engine
            .add_policy(policy.clone())
            .map_err(|e| broken(LAW, format!("the engine does not take it: {e}"), None))?;
    }
    let text = engine.policy_definition_json(&policy.id);
    if !builtin {
        crate::Engine::new()
            .add_policy_json(&text)
            .map_err(|e| broken(LAW, format!("its document read back is refused: {e}"), None))?;
    }
    let request = format!(
        r#"{{"policy": {text}, "as_of": "2027-01-04", "events": [{{"type": "raised", "on": "2027-01-04"}}]}}"#
    );
    let answer: serde_json::Value = serde_json::from_str(&engine.evaluate_json(&request))
        .map_err(|e| broken(LAW, format!("the answer is not JSON: {e}"), None))?;
    match answer["error"]["code"].as_str() {
        Some(code @ ("invalid_policy" | "invalid_json" | "limit_exceeded")) => Err(broken(
            LAW,
            format!("its document read back, given inline, is refused ({code})"),
            None,
        )),
        _ => Ok(()),
    }
}

fn evaluate(policy: &Policy, calendar: &Calendar, log: &Log) -> Option<CaseStatus> {
    policy.evaluate(calendar, &log.events, log.as_of).ok()
}

/// Every `by_end_of` deadline of a stage counted in working days is a
/// working day after the day it is counted from (for a log the policy
/// accepts; a refused log passes). A clock counted from the raising may
/// fall before a later stage starts: that stage is overdue from its start
/// (CONTRACT section 7, round three), which breaks no law.
///
/// # Errors
///
/// The law broken, naming the stage and its deadline.
pub fn working_day_deadlines_fall_on_working_days(
    policy: &Policy,
    calendar: &Calendar,
    log: &Log,
) -> Result<(), LawBroken> {
    const LAW: &str = "every by_end_of deadline counted in working days is a working day after the day it is counted from";
    let Some(status) = evaluate(policy, calendar, log) else {
        return Ok(());
    };
    let stages = status
        .history
        .iter()
        .map(|h| (h.number, h.started_on, &h.due))
        .chain(
            status
                .stage
                .iter()
                .map(|s| (s.number, s.started_on, &s.due)),
        );
    for (number, started, due) in stages {
        let (DueKind::ByEndOf(date), Some((from, n))) = (due.kind, due.counted_from) else {
            continue;
        };
        let working = calendar.is_working_day(date).unwrap_or(true);
        if !working || (n > 0 && date <= from) {
            return Err(broken(
                LAW,
                format!("stage {number} started {started}: {n} working days from {from} is {date}"),
                Some(log),
            ));
        }
    }
    Ok(())
}

/// Evaluating the same log twice gives the same status.
///
/// # Errors
///
/// The law broken.
pub fn replay_is_deterministic(
    policy: &Policy,
    calendar: &Calendar,
    log: &Log,
) -> Result<(), LawBroken> {
    let first = policy.evaluate(calendar, &log.events, log.as_of);
    let second = policy.evaluate(calendar, &log.events, log.as_of);
    if first == second {
        Ok(())
    } else {
        Err(broken(
            "replay is deterministic",
            "two evaluations of the log differ".into(),
            Some(log),
        ))
    }
}

fn overdue_days(due: &Due, as_of: chrono::NaiveDate, calendar: &Calendar) -> i64 {
    match due.date() {
        Some(date) if as_of > date => calendar.working_days_between(date, as_of).unwrap_or(0),
        _ => 0,
    }
}

/// Moving `as_of` later (by 1, 7 and 30 days) never makes a case less
/// overdue at the same stage: `overdue` does not turn false and
/// `working_days_overdue` does not fall.
///
/// # Errors
///
/// The law broken, with the two dates.
pub fn later_is_never_less_overdue(
    policy: &Policy,
    calendar: &Calendar,
    log: &Log,
) -> Result<(), LawBroken> {
    const LAW: &str = "moving as_of later never makes a case less overdue at the same stage";
    let Some(before) = evaluate(policy, calendar, log) else {
        return Ok(());
    };
    for days in [1, 7, 30] {
        let Some(later) = log.as_of.checked_add_days(chrono::Days::new(days)) else {
            continue;
        };
        let Ok(after) = policy.evaluate(calendar, &log.events, later) else {
            continue;
        };
        let same_stage = before.stage.as_ref().map(|s| (s.number, s.started_on))
            == after.stage.as_ref().map(|s| (s.number, s.started_on));
        if !same_stage {
            continue;
        }
        if (before.overdue && !after.overdue)
            || after.working_days_overdue < before.working_days_overdue
        {
            return Err(broken(
                LAW,
                format!("less overdue at {later} than at {}", log.as_of),
                Some(log),
            ));
        }
        for (a, b) in before.milestones.iter().zip(&after.milestones) {
            if a.overdue && !b.overdue {
                return Err(broken(
                    LAW,
                    format!("milestone {} less overdue at {later}", a.name),
                    Some(log),
                ));
            }
            if overdue_days(&b.due, later, calendar) < overdue_days(&a.due, log.as_of, calendar) {
                return Err(broken(
                    LAW,
                    format!("milestone {} counts fewer days late", a.name),
                    Some(log),
                ));
            }
        }
    }
    Ok(())
}

/// Evaluating any log, however wrong, answers or refuses it: it never
/// panics.
///
/// # Errors
///
/// The law broken, with the log.
pub fn evaluation_never_panics(
    policy: &Policy,
    calendar: &Calendar,
    log: &Log,
) -> Result<(), LawBroken> {
    let result = catch_unwind(AssertUnwindSafe(|| {
        let _ = policy.evaluate(calendar, &log.events, log.as_of);
    }));
    match result {
        Ok(()) => Ok(()),
        Err(_) => Err(broken(
            "no input makes the evaluation panic",
            "the evaluation panicked".into(),
            Some(log),
        )),
    }
}

/// A duty of a stage (`lapses: "stage_ends"`) is never owed once its
/// stage has ended: it is done or lapsed, and not overdue (CONTRACT section
/// 7, round three).
///
/// # Errors
///
/// The law broken, naming the duty and its stage.
pub fn duties_of_a_stage_end_with_it(
    policy: &Policy,
    calendar: &Calendar,
    log: &Log,
) -> Result<(), LawBroken> {
    const LAW: &str = "a duty of a stage is not owed once its stage has ended";
    let Some(status) = evaluate(policy, calendar, log) else {
        return Ok(());
    };
    let stage_ended = |number: u8, arose: chrono::NaiveDate| {
        status
            .history
            .iter()
            .any(|h| h.number == number && h.started_on <= arose && arose <= h.ended_on)
    };
    // A duty that arises as its stage ends (on its conclusion) is judged
    // by the case's end, not by the stage's.
    let arises_at_end = |id: &str| {
        policy.obligations.iter().any(|rule| {
            rule.id == id
                && matches!(
                    rule.trigger,
                    crate::policy::Trigger::StageConcluded(_)
                        | crate::policy::Trigger::ResolvedAt(_)
                        | crate::policy::Trigger::ConcludedAfterReaching(_)
                )
        })
    };
    for o in &status.obligations {
        let Some(number) = o.stage else { continue };
        if o.lapses == crate::policy::Lapses::StageEnds
            && !arises_at_end(&o.id)
            && status.stage.as_ref().is_none_or(|s| s.number != number)
            && stage_ended(number, o.arose_on)
            && (o.is_pending() || o.overdue)
        {
            return Err(broken(
                LAW,
                format!("{} of stage {number} is still owed", o.id),
                Some(log),
            ));
        }
    }
    Ok(())
}

/// Every law about a log, in turn.
///
/// # Errors
///
/// The first law broken.
pub fn all(policy: &Policy, calendar: &Calendar, log: &Log) -> Result<(), LawBroken> {
    evaluation_never_panics(policy, calendar, log)?;
    working_day_deadlines_fall_on_working_days(policy, calendar, log)?;
    replay_is_deterministic(policy, calendar, log)?;
    duties_of_a_stage_end_with_it(policy, calendar, log)?;
    later_is_never_less_overdue(policy, calendar, log)
}
