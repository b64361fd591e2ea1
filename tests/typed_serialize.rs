//! serde on the typed outputs: a stored log of events round-trips through
//! the contract's event JSON, and a typed tray, its figures and its errors
//! serialize to exactly what `sweep_json` and `evaluate_json` answer.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::policy::monitoring::{CaseFigures, Summary};
use safeguarding_resolution::policy::sweep;
use safeguarding_resolution::policy::{Event, Policy, PolicyId};
use safeguarding_resolution::serious_incident::{self as si, IncidentEvent, IncidentFigures};
use safeguarding_resolution::{evaluate_json, sweep_json};
use serde_json::{Value, json};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

#[test]
fn a_stored_log_round_trips_through_the_event_json() {
    let mut logs = 0;
    for (path, request, _) in common::fixtures::escalation_requests(root()) {
        let Ok(events) = serde_json::from_value::<Vec<Event>>(request["events"].clone()) else {
            continue;
        };
        let stored = serde_json::to_value(&events).expect("events serialize");
        let read: Vec<Event> = serde_json::from_value(stored.clone()).expect("and read back");
        assert_eq!(read, events, "{}", path.display());
        // The stored log is the same request to the library.
        let mut again = request.clone();
        again["events"] = stored;
        assert_eq!(
            evaluate_json(&again.to_string()),
            evaluate_json(&request.to_string()),
            "{}",
            path.display()
        );
        logs += 1;
    }
    assert!(logs > 30, "{logs} logs");
    // Each field as the contract writes it: a time of day to the minute, a
    // flag only when set, free text as given.
    let event: Event = serde_json::from_value(json!({"type": "raised", "on": "2027-01-04T09:30",
        "immediate_risk": true, "area": {"other": "Housing"},
        "parties": {"raising": "practitioner", "other": "practitioner"}}))
    .expect("an event");
    assert_eq!(
        serde_json::to_value(&event).unwrap(),
        json!({"type": "raised", "on": "2027-01-04T09:30", "immediate_risk": true,
               "area": {"other": "Housing"},
               "parties": {"raising": "practitioner", "other": "practitioner"}})
    );
}

/// The built-in escalation and serious-incident fixtures on England and
/// Wales: (id, policy id, request).
fn english_cases() -> Vec<(String, Value)> {
    common::fixtures::requests(root())
        .into_iter()
        .filter(|(path, request)| {
            !path.display().to_string().contains("invalid")
                && request
                    .get("calendar")
                    .is_none_or(|c| c == "england-and-wales")
                && request.get("rapid_review_days").is_none()
                && request["policy"] != "gscp-resolution-group-2021"
        })
        .enumerate()
        .map(|(i, (_, request))| (format!("case-{i}"), request))
        .collect()
}

#[test]
fn a_typed_tray_its_figures_and_errors_serialize_as_sweep_json_answers() {
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let cases = english_cases();
    for (as_of, within) in [("2027-01-12", 5_u32), ("2027-06-01", 10)] {
        let day = NaiveDate::parse_from_str(as_of, "%Y-%m-%d").unwrap();
        let mut escalations = Vec::new();
        let mut incidents = Vec::new();
        for (id, request) in &cases {
            if request["policy"] == "gscp-serious-incident-2021" {
                let events: Vec<IncidentEvent> =
                    serde_json::from_value(request["events"].clone()).unwrap();
                incidents.push((id.clone(), events));
            } else {
                let policy: PolicyId = request["policy"].as_str().unwrap().parse().unwrap();
                let events: Vec<Event> = serde_json::from_value(request["events"].clone()).unwrap();
                escalations.push((id.clone(), Policy::get(policy), events));
            }
        }
        let tray = sweep::sweep_with_serious_incidents(
            calendar,
            escalations
                .iter()
                .map(|(id, p, e)| (id.clone(), *p, &e[..])),
            incidents
                .iter()
                .map(|(id, e)| (id.clone(), si::Config::default(), &e[..])),
            day,
            within,
        )
        .unwrap();
        let typed = serde_json::to_value(tray.document(calendar)).unwrap();

        // The same cases through JSON, escalation cases first as the typed
        // sweep takes them.
        let ordered: Vec<Value> = escalations
            .iter()
            .map(|(id, ..)| id)
            .chain(incidents.iter().map(|(id, _)| id))
            .map(|id| {
                let (_, request) = cases.iter().find(|(i, _)| i == id).unwrap();
                let mut case = request.clone();
                case.as_object_mut().unwrap().remove("as_of");
                case["id"] = json!(id);
                case
            })
            .collect();
        let answer = parse(&sweep_json(
            &json!({"as_of": as_of, "within_working_days": within, "cases": ordered}).to_string(),
        ));
        assert!(!typed["items"].as_array().unwrap().is_empty());
        assert_eq!(typed["items"], answer["items"], "at {as_of}");
        assert_eq!(typed["errors"], answer["errors"], "at {as_of}");

        // The figures of the cases answered, summed as the sweep sums them.
        let mut summary = Summary::default();
        for (_, policy, events) in &escalations {
            if let Ok(status) = policy.evaluate(calendar, events, day) {
                summary.add(&CaseFigures::of(&status, calendar).unwrap());
            }
        }
        for (_, events) in &incidents {
            if let Ok(status) = si::evaluate(calendar, si::Config::default(), events, day) {
                summary.add_serious_incident(&IncidentFigures::of(&status, calendar).unwrap());
            }
        }
        assert_eq!(serde_json::to_value(&summary).unwrap(), answer["summary"]);
    }
}

#[test]
fn errors_serialize_to_the_error_documents_the_json_face_answers() {
    let mut refused = 0;
    for (path, request, policy) in common::fixtures::escalation_requests(root()) {
        let Ok(events) = serde_json::from_value::<Vec<Event>>(request["events"].clone()) else {
            continue;
        };
        let calendar = Calendar::uk(
            request["calendar"]
                .as_str()
                .unwrap_or("england-and-wales")
                .parse()
                .unwrap(),
        );
        let as_of =
            NaiveDate::parse_from_str(request["as_of"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        if let Err(error) = Policy::get(policy).evaluate(calendar, &events, as_of) {
            assert_eq!(
                serde_json::to_value(&error).unwrap(),
                parse(&evaluate_json(&request.to_string())),
                "{}",
                path.display()
            );
            refused += 1;
        }
    }
    assert!(refused >= 3, "{refused} refused");

    let error =
        Policy::from_definition_json(r#"{"id": "x", "name": "X", "stages": []}"#).unwrap_err();
    let document = serde_json::to_value(&error).unwrap();
    assert_eq!(document["error"]["code"], "invalid_policy");
    assert_eq!(document["error"]["problems"][0]["path"], "stages");
}

#[test]
fn a_cases_figures_serialize_with_their_names() {
    let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let events: Vec<Event> = serde_json::from_value(json!([
        {"type": "raised", "on": "2027-02-01"}, {"type": "escalated", "on": "2027-02-03"},
        {"type": "resolved", "on": "2027-02-08"}]))
    .unwrap();
    let status = Policy::get(PolicyId::SwindonResolution2026)
        .evaluate(calendar, &events, day(9))
        .unwrap();
    // Swindon: stage 1 ended on its due day (Wednesday 3 February), agreement
    // at stage 2 on Monday 8, five working days after the raising.
    assert_eq!(
        serde_json::to_value(CaseFigures::of(&status, calendar).unwrap()).unwrap(),
        json!({"policy": "swindon-resolution-2026", "state": "resolved", "highest_stage": 2,
               "concluded_at_stage": 2, "working_days_taken": 5, "stages_within_time": 2,
               "stages_late": 0, "within_time": true})
    );
}
