//! Laws of the policy engine on random event logs, and a model-based test
//! against a small reference model of each policy's stage rules written
//! independently of the tables (from the policies' texts and CONTRACT
//! section 3).

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::evaluate_json;
use safeguarding_resolution::policy::{
    CaseState, CaseStatus, Clock, DueKind, Event, EventKind, Policy, PolicyId, Raised, When,
};
use serde_json::Value;

/// One generated step: what happens, and how many days after the last.
#[derive(Debug, Clone)]
enum Step {
    Escalated(Option<u8>),
    Resolved,
    Decided,
    Withdrawn,
    ImmediateRisk,
    Recorded(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => prop::option::weighted(0.3, 0u8..7).prop_map(Step::Escalated),
        1 => Just(Step::Resolved),
        1 => Just(Step::Decided),
        1 => Just(Step::Withdrawn),
        1 => Just(Step::ImmediateRisk),
        1 => (0usize..20).prop_map(Step::Recorded),
    ]
}

fn policy() -> impl Strategy<Value = PolicyId> {
    prop_oneof![
        Just(PolicyId::GscpEscalation2021),
        Just(PolicyId::SwindonResolution2026),
        Just(PolicyId::NsscpIssueResolution2025),
    ]
}

fn calendar() -> impl Strategy<Value = &'static Calendar> {
    prop_oneof![
        Just(Calendar::uk(Division::EnglandAndWales)),
        Just(Calendar::uk(Division::Scotland)),
        Just(Calendar::uk(Division::NorthernIreland)),
    ]
}

#[derive(Debug)]
struct Case {
    events: Vec<Event>,
    as_of: NaiveDate,
}

fn build(policy: PolicyId, start: i64, risk: bool, steps: &[(Step, i64)], tail: i64) -> Case {
    let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(start);
    let raised = if risk {
        Raised::new().immediate_risk()
    } else {
        Raised::new()
    };
    let mut events = vec![Event::raised(day, raised)];
    let records = Policy::get(policy).record_ids();
    for (step, gap) in steps {
        day += Duration::days(*gap);
        let event = match step {
            Step::Escalated(to) => {
                let e = Event::escalated(day);
                match to {
                    Some(stage) => e.to_stage(*stage),
                    None => e,
                }
            }
            Step::Resolved => Event::resolved(day),
            Step::Decided => Event::decided(day),
            Step::Withdrawn => Event::withdrawn(day),
            Step::ImmediateRisk => Event::immediate_risk(day),
            Step::Recorded(i) => Event::recorded(day, records[i % records.len()]),
        };
        events.push(event);
    }
    Case {
        events,
        as_of: day + Duration::days(tail),
    }
}

fn case() -> impl Strategy<Value = (PolicyId, &'static Calendar, Case)> {
    (
        policy(),
        calendar(),
        0i64..700,
        any::<bool>(),
        prop::collection::vec((step(), 0i64..9), 0..10),
        0i64..30,
    )
        .prop_map(|(p, c, start, risk, steps, tail)| (p, c, build(p, start, risk, &steps, tail)))
}

/// The reference model: stage counts, the decision stage and the allowed
/// skips, taken from the policies' texts.
struct Model {
    stages: u8,
    skip_targets: &'static [u8],
    stage: u8,
    open: bool,
    risk: bool,
    ended: Option<CaseState>,
}

impl Model {
    fn new(policy: PolicyId, risk: bool) -> Model {
        let (stages, skip_targets): (u8, &'static [u8]) = match policy {
            // Swindon: five stages; on immediate risk, straight to stage 5.
            PolicyId::SwindonResolution2026 => (5, &[5]),
            // North Somerset: four stages, no skipping.
            PolicyId::NsscpIssueResolution2025 => (4, &[]),
            // Gloucestershire: four stages and the Executive Chair; on
            // immediate risk the management stages may be run quickly, but
            // the Resolution Group takes a case only once the normal
            // processes "have been tried and failed" (ToR s.6).
            PolicyId::GscpEscalation2021 => (5, &[2, 3]),
        };
        Model {
            stages,
            skip_targets,
            stage: 1,
            open: true,
            risk,
            ended: None,
        }
    }

    /// Whether the event is accepted; records are left to the engine.
    fn step(&mut self, kind: &EventKind) -> Option<bool> {
        match kind {
            EventKind::Escalated { to_stage, .. } => {
                if !self.open {
                    return Some(false);
                }
                let mut allowed: Vec<u8> = Vec::new();
                if self.stage < self.stages {
                    allowed.push(self.stage + 1);
                }
                if self.risk {
                    allowed.extend(self.skip_targets.iter().filter(|&&t| t > self.stage + 1));
                }
                let target = to_stage.or(allowed.first().copied());
                match target {
                    Some(t) if allowed.contains(&t) => {
                        self.stage = t;
                        Some(true)
                    }
                    _ => Some(false),
                }
            }
            EventKind::Resolved { .. } => Some(self.end(CaseState::Resolved)),
            EventKind::Decided { .. } => {
                Some(self.open && self.stage == self.stages && self.end(CaseState::Decided))
            }
            EventKind::Withdrawn { .. } => Some(self.end(CaseState::Withdrawn)),
            EventKind::ImmediateRisk => {
                self.risk |= self.open;
                Some(self.open)
            }
            _ => None,
        }
    }

    fn end(&mut self, state: CaseState) -> bool {
        if !self.open {
            return false;
        }
        self.open = false;
        self.ended = Some(state);
        true
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn engine_agrees_with_the_reference_model((policy, cal, case) in case()) {
        let risk = matches!(&case.events[0].kind, EventKind::Raised(r) if r.immediate_risk);
        let mut model = Model::new(policy, risk);
        let mut accepted = case.events.len();
        for (i, event) in case.events.iter().enumerate().skip(1) {
            match model.step(&event.kind) {
                Some(true) => {}
                Some(false) => { accepted = i; break; }
                // A record: accepted exactly when the engine accepts it.
                None => {
                    let prefix = &case.events[..=i];
                    let as_of = event.on.date();
                    if Policy::get(policy).evaluate(cal, prefix, as_of).is_err() {
                        accepted = i;
                        break;
                    }
                }
            }
        }
        let result = Policy::get(policy).evaluate(cal, &case.events, case.as_of);
        if accepted < case.events.len() {
            let err = result.expect_err("the model refused an event");
            prop_assert_eq!(err.event_index(), Some(accepted), "{}", err);
        } else {
            let status = result.expect("the model accepted every event");
            let state = model.ended.unwrap_or(CaseState::Open);
            prop_assert_eq!(status.state, state);
            if model.open {
                prop_assert_eq!(status.stage.as_ref().map(|s| s.number), Some(model.stage));
            } else {
                prop_assert!(status.stage.is_none());
            }
        }
    }

    #[test]
    fn random_logs_never_panic_and_replay_the_same((policy, cal, case) in case()) {
        let first = Policy::get(policy).evaluate(cal, &case.events, case.as_of);
        let again = Policy::get(policy).evaluate(cal, &case.events, case.as_of);
        prop_assert_eq!(&first, &again);
        // A prefix's history is a prefix of the whole history.
        if let Ok(status) = &first {
            for k in 1..case.events.len() {
                let as_of = case.events[k - 1].on.date();
                let part = Policy::get(policy).evaluate(cal, &case.events[..k], as_of).unwrap();
                prop_assert!(part.history.len() <= status.history.len());
                prop_assert_eq!(&status.history[..part.history.len()], &part.history[..]);
            }
        }
    }

    #[test]
    fn stage_deadlines_are_working_days_after_the_stage_start((policy, cal, case) in case()) {
        if let Ok(status) = Policy::get(policy).evaluate(cal, &case.events, case.as_of) {
            let stages = status
                .history
                .iter()
                .map(|h| (h.number, h.started_on, h.due.clone()))
                .chain(status.stage.iter().map(|s| (s.number, s.started_on, s.due.clone())));
            for (number, started, due) in stages {
                let rule = Policy::get(policy).stage(number).unwrap();
                if let DueKind::ByEndOf(date) = due.kind {
                    prop_assert!(cal.is_working_day(date)?);
                    prop_assert!(date > started || matches!(rule.clock, Clock::WorkingDaysAfterRaised(_)));
                    let (from, n) = due.counted_from.unwrap();
                    prop_assert_eq!(cal.working_days_between(from, date)?, i64::from(n));
                } else {
                    // A working-day clock always gives a date, except where
                    // the stage gives way to immediate risk at raising
                    // (North Somerset stage 1).
                    let waived = rule.immediate_risk_waiver.is_some()
                        && status.immediate_risk_on == Some(status.raised_on)
                        && due.kind == DueKind::Immediately;
                    prop_assert!(waived || !matches!(rule.clock, Clock::WorkingDaysAfterStart(_) | Clock::WorkingDaysAfterRaised(_)));
                }
            }
            // Overdue from the day after the due date (a weekend day after it
            // too), counting working days past it.
            prop_assert!(status.working_days_overdue >= 0);
            prop_assert!(status.working_days_overdue == 0 || status.overdue);
            if let Some(stage) = &status.stage {
                let past = stage.due.is_past(case.as_of);
                prop_assert!(!status.overdue || past);
                // Past due yet not overdue only where a record meets the
                // stage's clock (Swindon stage 5, GSCP stage 1).
                if past && !status.overdue {
                    let rule = Policy::get(policy).stage(stage.number).unwrap();
                    prop_assert!(rule.clock_met_by.is_some());
                }
            }
        }
    }

    #[test]
    fn the_json_face_says_what_the_typed_status_says((policy, cal, case) in case()) {
        let request = request_json(policy, cal, &case);
        let response: Value = serde_json::from_str(&evaluate_json(&request.to_string())).unwrap();
        // A serde round trip of the document changes nothing.
        let again: Value = serde_json::from_str(&response.to_string()).unwrap();
        prop_assert_eq!(&again, &response);
        match Policy::get(policy).evaluate(cal, &case.events, case.as_of) {
            Ok(status) => check_same(&status, &response)?,
            Err(err) => {
                prop_assert_eq!(response["error"]["code"].as_str(), Some(err.code()));
                let message = err.to_string();
                prop_assert_eq!(response["error"]["message"].as_str(), Some(message.as_str()));
            }
        }
    }

    #[test]
    fn no_request_text_panics(text in ".{0,300}") {
        let response: Value = serde_json::from_str(&evaluate_json(&text)).unwrap();
        prop_assert!(response.get("error").is_some());
    }

    #[test]
    fn no_request_shape_panics(value in json_value()) {
        let request = serde_json::json!({
            "policy": "swindon-resolution-2026", "as_of": "2027-01-05",
            "events": [{"type": "raised", "on": "2026-12-21"}, value],
        });
        let response: Value = serde_json::from_str(&evaluate_json(&request.to_string())).unwrap();
        prop_assert!(response.is_object());
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[a-z_]{0,12}".prop_map(Value::from),
        "20[0-9]{2}-[01][0-9]-[0-3][0-9](T[0-2][0-9]:[0-5][0-9])?".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(
                prop_oneof![
                    Just("type".to_string()),
                    Just("on".to_string()),
                    Just("to_stage".to_string()),
                    Just("record".to_string()),
                    Just("area".to_string()),
                    Just("parties".to_string()),
                    "[a-z]{1,6}",
                ],
                inner,
                0..5
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn request_json(policy: PolicyId, cal: &Calendar, case: &Case) -> Value {
    let when = |w: When| Value::from(w.to_string());
    let events: Vec<Value> = case
        .events
        .iter()
        .map(|e| {
            let mut object = serde_json::Map::new();
            object.insert("type".into(), Value::from(e.event_type().as_str()));
            object.insert("on".into(), when(e.on));
            match &e.kind {
                EventKind::Raised(r) if r.immediate_risk => {
                    object.insert("immediate_risk".into(), Value::from(true));
                }
                EventKind::Escalated {
                    to_stage: Some(t), ..
                } => {
                    object.insert("to_stage".into(), Value::from(*t));
                }
                EventKind::Recorded {
                    record: Some(r), ..
                } => {
                    object.insert("record".into(), Value::from(r.as_str()));
                }
                _ => {}
            }
            Value::Object(object)
        })
        .collect();
    serde_json::json!({
        "policy": policy.as_str(),
        "calendar": cal.divisions()[0].as_str(),
        "as_of": case.as_of.to_string(),
        "events": events,
    })
}

fn check_same(status: &CaseStatus, response: &Value) -> Result<(), TestCaseError> {
    prop_assert_eq!(response["status"].as_str(), Some(status.state.as_str()));
    prop_assert_eq!(response["overdue"].as_bool(), Some(status.overdue));
    prop_assert_eq!(
        response["working_days_overdue"].as_i64(),
        Some(status.working_days_overdue)
    );
    match &status.stage {
        Some(stage) => {
            prop_assert_eq!(
                response["stage"]["number"].as_u64(),
                Some(u64::from(stage.number))
            );
            prop_assert_eq!(
                response["stage"]["due"]["kind"].as_str(),
                Some(stage.due.kind.as_str())
            );
            if let Some(date) = stage.due.date() {
                let date = date.to_string();
                prop_assert_eq!(
                    response["stage"]["due"]["date"].as_str(),
                    Some(date.as_str())
                );
            }
        }
        None => prop_assert!(response["stage"].is_null()),
    }
    let obligations = response["obligations"].as_array().unwrap();
    prop_assert_eq!(obligations.len(), status.obligations.len());
    for (json, typed) in obligations.iter().zip(&status.obligations) {
        prop_assert_eq!(json["id"].as_str(), Some(typed.id.as_str()));
        prop_assert_eq!(json["done"].as_bool(), Some(typed.done_on.is_some()));
        prop_assert_eq!(json["overdue"].as_bool(), Some(typed.overdue));
    }
    let next: Vec<&str> = response["next"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let typed: Vec<&str> = status.next.iter().map(|e| e.as_str()).collect();
    prop_assert_eq!(next, typed);
    prop_assert_eq!(
        response["history"].as_array().unwrap().len(),
        status.history.len()
    );
    Ok(())
}
