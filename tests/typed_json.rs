//! The contract's JSON and the crate's types are one description: over
//! every fixture, the request's events deserialize into typed events, and
//! the typed status serializes to exactly what `evaluate_json` answers.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::policy::{Event, Policy, PolicyId};
use safeguarding_resolution::serious_incident::{self, Config, IncidentEvent, RapidReviewDays};
use safeguarding_resolution::{evaluate_json, validate_json};
use serde_json::Value;

fn division(request: &Value) -> Division {
    match request["calendar"].as_str() {
        Some("scotland") => Division::Scotland,
        Some("northern-ireland") => Division::NorthernIreland,
        _ => Division::EnglandAndWales,
    }
}

fn as_of(request: &Value) -> NaiveDate {
    request["as_of"].as_str().unwrap().parse().unwrap()
}

#[test]
fn typed_escalation_cases_answer_as_the_json_face() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut compared = 0;
    for (path, request, id) in common::fixtures::escalation_requests(root) {
        let answer = evaluate_json(&request.to_string());
        let events: Result<Vec<Event>, _> = serde_json::from_value(request["events"].clone());
        let calendar = Calendar::uk(division(&request));
        let typed = events.map_err(|e| e.to_string()).and_then(|events| {
            Policy::get(id)
                .evaluate(calendar, &events, as_of(&request))
                .map_err(|e| e.to_string())
        });
        match typed {
            Ok(status) => {
                assert_eq!(status.to_json(calendar), answer, "{}", path.display());
                assert_eq!(
                    serde_json::to_string(&status.document(calendar)).unwrap(),
                    answer
                );
                compared += 1;
            }
            Err(_) => assert!(
                answer.starts_with("{\"error\""),
                "{}: {answer}",
                path.display()
            ),
        }
    }
    assert!(compared >= 40, "{compared}");
}

#[test]
fn typed_serious_incidents_answer_as_the_json_face() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("fixtures/gscp-serious-incident-2021");
    let mut compared = 0;
    for path in common::fixtures::json_files(&dir) {
        let text = std::fs::read_to_string(&path).unwrap();
        let request: Value = serde_json::from_str(&text).unwrap();
        let answer = evaluate_json(&text);
        let config = match request["rapid_review_days"].as_str() {
            Some("working") => Config::with_rapid_review_days(RapidReviewDays::Working),
            None | Some("calendar") => Config::default(),
            Some(_) => {
                // A request the JSON face refuses before any event.
                assert!(answer.starts_with("{\"error\""), "{}", path.display());
                continue;
            }
        };
        let calendar = Calendar::uk(division(&request));
        let events: Result<Vec<IncidentEvent>, _> =
            serde_json::from_value(request["events"].clone());
        let Ok(events) = events else {
            assert!(answer.starts_with("{\"error\""), "{}", path.display());
            continue;
        };
        match serious_incident::evaluate(calendar, config, &events, as_of(&request)) {
            Ok(status) => {
                assert_eq!(status.to_json(calendar), answer, "{}", path.display());
                compared += 1;
            }
            Err(_) => assert!(answer.starts_with("{\"error\""), "{}", path.display()),
        }
    }
    assert!(compared >= 10, "{compared}");
}

#[test]
fn a_typed_validation_serializes_as_the_json_face() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (path, request) in common::fixtures::forms(root) {
        let Ok(form) = request["form"].as_str().unwrap_or("").parse() else {
            continue;
        };
        let validation = safeguarding_resolution::forms::validate(form, &request["data"]);
        assert_eq!(
            serde_json::to_string(&validation).unwrap(),
            validate_json(&request.to_string()),
            "{}",
            path.display()
        );
    }
}

#[test]
fn an_event_refused_by_serde_names_its_field_not_its_value() {
    let error =
        serde_json::from_str::<Event>(r#"{"type": "raised", "on": "Jane Doe"}"#).unwrap_err();
    let message = error.to_string();
    assert!(message.starts_with("event.on"), "{message}");
    assert!(!message.contains("Jane"), "{message}");
    let error =
        serde_json::from_str::<Event>(r#"{"type": "shouted", "on": "2027-01-04"}"#).unwrap_err();
    assert!(error.to_string().starts_with("event.type"), "{error}");
    // An area is checked against the policy when the case is evaluated.
    let events: Vec<Event> = serde_json::from_str(
        r#"[{"type": "raised", "on": "2027-01-04", "area": "referral_threshold"}]"#,
    )
    .unwrap();
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let day = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    assert!(
        Policy::get(PolicyId::GscpEscalation2021)
            .evaluate(calendar, &events, day)
            .is_ok()
    );
    let error = Policy::get(PolicyId::SwindonResolution2026)
        .evaluate(calendar, &events, day)
        .unwrap_err();
    assert_eq!(error.code(), "invalid_field");
}
