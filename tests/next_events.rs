//! An answer's `next` lists only events that can succeed: for `recorded`,
//! the case is offered it exactly when some record would be accepted.

mod common;

use std::path::Path;

use safeguarding_resolution::evaluate_json;
use serde_json::{Value, json};

fn answer(request: &Value) -> Value {
    serde_json::from_str(&evaluate_json(&request.to_string())).expect("JSON")
}

/// The ids a `recorded` event of this case might name: the policy's
/// records and its obligations' ids.
fn candidate_records(definition: &Value) -> Vec<String> {
    ["records", "obligations"]
        .iter()
        .flat_map(|list| definition[list].as_array().cloned().unwrap_or_default())
        .filter_map(|item| item["id"].as_str().map(str::to_string))
        .collect()
}

/// Whether some `recorded` event on the case's date is accepted.
fn some_record_succeeds(request: &Value, records: &[String]) -> bool {
    let on = request["as_of"].clone();
    records.iter().any(|record| {
        let mut request = request.clone();
        request["events"]
            .as_array_mut()
            .unwrap()
            .push(json!({"type": "recorded", "on": on, "record": record}));
        answer(&request).get("error").is_none()
    })
}

fn check(request: &Value, definition: &Value, what: &str) -> bool {
    let status = answer(request);
    if status.get("error").is_some() {
        return false;
    }
    let offered = status["next"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e == "recorded");
    let succeeds = some_record_succeeds(request, &candidate_records(definition));
    assert_eq!(offered, succeeds, "{what}: next offers recorded: {offered}");
    offered
}

#[test]
fn recorded_is_offered_exactly_when_a_record_can_be_made() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut offered = 0;
    for (path, request, id) in common::fixtures::escalation_requests(root) {
        let definition: Value = serde_json::from_str(
            &safeguarding_resolution::policy_definition_json(id.as_str()),
        )
        .unwrap();
        if check(&request, &definition, &path.display().to_string()) {
            offered += 1;
        }
    }
    assert!(offered > 10);
}

#[test]
fn a_policy_with_no_records_offers_recorded_only_while_a_duty_is_pending() {
    // No records and no default record; one duty, arising at stage 2.
    let definition = json!({
        "id": "duty-at-stage-2", "name": "A duty at stage 2",
        "stages": [
            {"number": 1, "name": "Practitioners", "clock": {"kind": "working_days_after_start", "days": 2}},
            {"number": 2, "name": "Managers", "clock": {"kind": "not_stated"}}],
        "obligations": [{"id": "tell_the_chair", "what": "Tell the chair",
                         "trigger": {"on": "stage_entered", "stages": [2]},
                         "due": {"kind": "working_days_after", "days": 1}}]
    });
    let request =
        |events: Value| json!({"policy": definition, "as_of": "2027-01-06", "events": events});
    let raised = json!({"type": "raised", "on": "2027-01-04"});
    let escalated = json!({"type": "escalated", "on": "2027-01-05"});
    let told = json!({"type": "recorded", "on": "2027-01-06", "record": "tell_the_chair"});
    let next = |events: Value| answer(&request(events))["next"].clone();

    // Stage 1: nothing can be recorded, and nothing is offered.
    assert_eq!(
        next(json!([raised])),
        json!(["escalated", "resolved", "withdrawn", "immediate_risk"])
    );
    assert!(!check(&request(json!([raised])), &definition, "stage 1"));
    // Stage 2: the duty is pending, and its record is offered and accepted.
    assert!(check(
        &request(json!([raised, escalated])),
        &definition,
        "stage 2"
    ));
    // Once it is made, nothing is left to record.
    assert!(!check(
        &request(json!([raised, escalated, told])),
        &definition,
        "after the record"
    ));
    // A case that ended with nothing pending offers nothing to record.
    let resolved = json!({"type": "resolved", "on": "2027-01-06"});
    assert_eq!(next(json!([raised, escalated, told, resolved])), json!([]));
}
