//! Deadlines resting on projected bank holidays say so in the JSON answer
//! (CONTRACT section 3, round three): a `due` counted across a day beyond
//! the calendar's published data (GOV.UK's, to the end of 2028 in the
//! embedded data) carries `"projected": true`, and the answer one
//! `projected_holidays` warning. Dates worked out by hand.

use safeguarding_resolution::evaluate_json;
use serde_json::{Value, json};

fn answer(request: Value) -> Value {
    serde_json::from_str(&evaluate_json(&request.to_string())).unwrap()
}

fn projected_warnings(answer: &Value) -> usize {
    answer["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "projected_holidays")
        .count()
}

#[test]
fn an_escalation_deadline_counted_into_2029_is_projected() {
    // Swindon, raised on Thursday 28 December 2028: two working days are
    // Friday 29th and, past New Year's Day 2029 (projected), Tuesday 2
    // January 2029.
    let a = answer(
        json!({"policy": "swindon-resolution-2026", "as_of": "2028-12-28",
        "events": [{"type": "raised", "on": "2028-12-28"}]}),
    );
    assert_eq!(a["stage"]["due"]["date"], "2029-01-02");
    assert_eq!(a["stage"]["due"]["projected"], true);
    // Day 17 is further into 2029: projected too, and still one warning.
    assert_eq!(a["milestones"][0]["due"]["projected"], true);
    assert_eq!(projected_warnings(&a), 1);
    let warning = a["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "projected_holidays")
        .unwrap();
    assert!(warning["message"].as_str().unwrap().contains("projected"));

    // Raised on Monday 4 December 2028: due Wednesday 6th, and Day 17
    // (with Christmas and Boxing Day skipped) Friday 29 December: all
    // within the published data.
    let a = answer(
        json!({"policy": "swindon-resolution-2026", "as_of": "2028-12-04",
        "events": [{"type": "raised", "on": "2028-12-04"}]}),
    );
    assert_eq!(a["stage"]["due"]["date"], "2028-12-06");
    assert_eq!(a["milestones"][0]["due"]["date"], "2028-12-29");
    assert!(a["stage"]["due"].get("projected").is_none());
    assert!(a["milestones"][0]["due"].get("projected").is_none());
    assert_eq!(projected_warnings(&a), 0);
}

#[test]
fn a_serious_incident_clock_counted_into_2029_is_projected() {
    // Aware on Friday 22 December 2028: five working days, with Christmas
    // Day, Boxing Day and New Year's Day 2029 skipped, end on Wednesday 3
    // January 2029.
    let a = answer(
        json!({"policy": "gscp-serious-incident-2021", "as_of": "2028-12-22",
        "events": [{"type": "aware", "on": "2028-12-22"}]}),
    );
    let notification = &a["clocks"][0];
    assert_eq!(notification["name"], "notification");
    assert_eq!(notification["due"]["date"], "2029-01-03");
    assert_eq!(notification["due"]["projected"], true);
    assert_eq!(projected_warnings(&a), 1);
    // Aware on Monday 4 December 2028: due Monday 11th.
    let a = answer(
        json!({"policy": "gscp-serious-incident-2021", "as_of": "2028-12-04",
        "events": [{"type": "aware", "on": "2028-12-04"}]}),
    );
    assert_eq!(a["clocks"][0]["due"]["date"], "2028-12-11");
    assert!(a["clocks"][0]["due"].get("projected").is_none());
    assert_eq!(projected_warnings(&a), 0);
}
