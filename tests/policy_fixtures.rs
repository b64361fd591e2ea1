//! Scenario fixtures of the three escalation policies, as a reviewer reads
//! them: every `fixtures/<policy-id>/*.json` is an `evaluate_json` request;
//! its snapshot is a plain-English timeline built from the response,
//! followed by the response itself.
//!
//! Fixtures with `invalid` in their file name must produce an `{"error"}`
//! document; every other fixture must produce a status.

mod common;

use std::path::Path;

use common::fixtures::{self, text};
use serde_json::Value;

const POLICIES: [&str; 3] = [
    "gscp-escalation-2021",
    "swindon-resolution-2026",
    "nsscp-issue-resolution-2025",
];

/// The fewest fixtures each policy must have.
const MIN_FIXTURES: usize = 8;

/// A deadline in words: `due 2027-01-04`, `due immediately`, ...
fn due_words(due: &Value) -> String {
    match text(&due["kind"]) {
        "by_end_of" => format!("due {}", text(&due["date"])),
        "at" => format!("due {}", text(&due["datetime"])),
        "immediately" => "due immediately".to_string(),
        "without_delay" => "due without delay".to_string(),
        "none" => "no time stated".to_string(),
        other => format!("due ({other})"),
    }
}

fn plural(n: i64, one: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// The timeline a reviewer reads before the JSON, built only from the
/// response's fields.
fn timeline(response: &Value) -> String {
    if let Some(error) = fixtures::error_account(response) {
        return error;
    }
    let mut lines = Vec::new();
    lines.push(format!(
        "Policy {} on the {} calendar, as of {}",
        text(&response["policy"]),
        text(&response["calendar"]),
        text(&response["as_of"])
    ));
    for stage in response["history"].as_array().into_iter().flatten() {
        let timing = match stage["within_time"].as_bool() {
            Some(true) => "in time",
            Some(false) => "late",
            None => "no clock",
        };
        lines.push(format!(
            "Stage {} {}: {} to {}, {}, {}, {timing}",
            stage["stage"],
            text(&stage["name"]),
            text(&stage["started_on"]),
            text(&stage["ended_on"]),
            due_words(&stage["due"]),
            text(&stage["ended_by"]),
        ));
    }
    let stage = &response["stage"];
    if stage.is_object() {
        let timing = if response["overdue"].as_bool() == Some(true) {
            let days = response["working_days_overdue"].as_i64().unwrap_or(0);
            format!("OVERDUE by {}", plural(days, "working day"))
        } else {
            "not overdue".to_string()
        };
        lines.push(format!(
            "Stage {} {}: {} onwards, {}, under way, {timing}",
            stage["number"],
            text(&stage["name"]),
            text(&stage["started_on"]),
            due_words(&stage["due"]),
        ));
    }
    let mut status = format!("Status: {}", text(&response["status"]));
    if let Some(ended) = response["ended_on"].as_str() {
        status.push_str(&format!(" on {ended}"));
    }
    if let Some(to) = response["redirect"]["to"].as_str() {
        status.push_str(&format!(", to {to}"));
    }
    lines.push(status);
    if let Some(on) = response["immediate_risk_on"].as_str() {
        lines.push(format!("Immediate risk identified on {on}"));
    }
    for milestone in response["milestones"].as_array().into_iter().flatten() {
        let state = match (
            milestone["met_on"].as_str(),
            milestone["lapsed_on"].as_str(),
        ) {
            (Some(met), _) if milestone["met_in_time"].as_bool() == Some(false) => {
                format!("met LATE on {met}")
            }
            (Some(met), _) => format!("met on {met}"),
            (None, Some(lapsed)) => format!("lapsed on {lapsed}: the case ended before it"),
            (None, None) if milestone["overdue"].as_bool() == Some(true) => "MISSED".to_string(),
            (None, None) => "not yet met".to_string(),
        };
        lines.push(format!(
            "Milestone {}: {}, {state}",
            text(&milestone["name"]),
            due_words(&milestone["due"]),
        ));
    }
    for obligation in response["obligations"].as_array().into_iter().flatten() {
        let stage = match obligation["stage"].as_u64() {
            Some(n) => format!(" (stage {n})"),
            None => String::new(),
        };
        let state = match obligation["done_on"].as_str() {
            Some(done) => format!("done on {done}"),
            None if obligation["lapsed_on"].is_string() => {
                format!(
                    "lapsed on {}",
                    obligation["lapsed_on"].as_str().unwrap_or_default()
                )
            }
            None if obligation["overdue"].as_bool() == Some(true) => "OVERDUE".to_string(),
            None => "pending".to_string(),
        };
        lines.push(format!(
            "Obligation {}{stage}: {}, {state}",
            text(&obligation["id"]),
            due_words(&obligation["due"]),
        ));
    }
    for warning in response["warnings"].as_array().into_iter().flatten() {
        lines.push(format!(
            "Warning at events[{}]: {}",
            warning["event_index"],
            text(&warning["message"])
        ));
    }
    lines.join("\n")
}

#[test]
fn policy_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for policy in POLICIES {
        for (stem, value) in fixtures::evaluated(root, policy, MIN_FIXTURES) {
            let pretty = serde_json::to_string_pretty(&value).expect("pretty JSON");
            let snapshot = format!("{}\n\n{pretty}", timeline(&value));
            insta::assert_snapshot!(format!("{policy}__{stem}"), snapshot);
        }
    }
}

/// The fixture's answer.
fn answer(policy: &str, file: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(policy)
        .join(file);
    let request = std::fs::read_to_string(&path).expect("fixture");
    serde_json::from_str(&safeguarding_resolution::evaluate_json(&request)).expect("JSON")
}

/// The obligations with this id, in the answer's order.
fn obligations<'v>(answer: &'v Value, id: &str) -> Vec<&'v Value> {
    answer["obligations"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|o| o["id"] == id)
        .collect()
}

/// Timelines worked out by hand with a calendar (bank holidays from
/// data/bank-holidays.json), across Christmas 2026, Easter 2027 and both
/// changes of summer time in 2027.
#[test]
fn hand_worked_timelines_of_duties_that_end_with_their_stage_and_of_clock_hours() {
    let gscp = "gscp-escalation-2021";
    // Reported at 12:00 on Saturday 27 March 2027; the clocks go forward at
    // 01:00 on Sunday 28th, so 24 hours later is 13:00. Stage 1, raised on
    // Friday 26th, is due a working day later: Monday 29th is Easter Monday,
    // so Tuesday 30th.
    let a = answer(gscp, "15-twenty-four-hours-as-summer-time-begins-2027.json");
    assert_eq!(a["stage"]["due"]["date"], "2027-03-30");
    assert_eq!(a["stage"]["clock_met_on"], "2027-03-27");
    let contact = obligations(&a, "line_managers_contact")[0];
    assert_eq!(contact["due"]["datetime"], "2027-03-28T13:00");
    assert_eq!(contact["overdue"], true);
    // Reported at 12:00 on Saturday 30 October 2027; the clocks go back at
    // 02:00 on Sunday 31st, so 24 hours later is 11:00: the contact at 10:45
    // is in time.
    let a = answer(gscp, "16-twenty-four-hours-as-summer-time-ends-2027.json");
    let contact = obligations(&a, "line_managers_contact")[0];
    assert_eq!(contact["due"]["datetime"], "2027-10-31T11:00");
    assert_eq!(contact["done_on"], "2027-10-31");
    // 01:15 on Sunday 28 March 2027 never happened.
    let a = answer(gscp, "17-invalid-time-skipped-as-summer-time-begins.json");
    assert_eq!(a["error"]["code"], "invalid_field");
    assert_eq!(a["error"]["event_index"], 1);
    // Reported at 11:00 on Christmas Eve 2026 (contact due 11:00 on
    // Christmas Day: hours, not working days), referred to second tier on
    // Tuesday 29 December: the contact is no longer owed from that day.
    let a = answer(gscp, "18-line-managers-contact-lapses-at-second-tier.json");
    let contact = obligations(&a, "line_managers_contact")[0];
    assert_eq!(contact["due"]["datetime"], "2026-12-25T11:00");
    assert_eq!(contact["lapsed_on"], "2026-12-29");
    assert_eq!(contact["overdue"], false);

    let swindon = "swindon-resolution-2026";
    // Raised Monday 14 December 2026: stage 3 from Wednesday 23rd, due five
    // working days later with 25 and 28 December and 1 January skipped:
    // Monday 4 January 2027. Referred to stage 4 on Tuesday 5th without the
    // contact: it lapses that day; stage 4's, due Tuesday 12th, is made on
    // Monday 11th. Day 17 (Monday 11 January) passes with stage 4 open.
    let a = answer(swindon, "22-stage-3-contact-lapses-over-christmas.json");
    let contacts = obligations(&a, "opposite_number_contacted");
    assert_eq!(contacts[0]["due"]["date"], "2027-01-04");
    assert_eq!(contacts[0]["lapsed_on"], "2027-01-05");
    assert_eq!(contacts[0]["overdue"], false);
    assert_eq!(contacts[1]["due"]["date"], "2027-01-12");
    assert_eq!(contacts[1]["done_on"], "2027-01-11");
    assert_eq!(a["stage"]["clock_met_on"], "2027-01-11");
    assert_eq!(a["milestones"][0]["due"]["date"], "2027-01-11");
    assert_eq!(a["milestones"][0]["overdue"], true);
    // Raised Thursday 11 March 2027; stage 3 from Monday 22nd is due with
    // Good Friday and Easter Monday skipped on Wednesday 31st; stage 4 on
    // Wednesday 7 April (also Day 17); stage 5 from then, its Resolution
    // Form due Wednesday 14th. Agreement on Monday 12th ends the duty.
    let a = answer(
        swindon,
        "23-easter-2027-resolved-before-the-resolution-form.json",
    );
    assert_eq!(a["history"][2]["due"]["date"], "2027-03-31");
    assert_eq!(a["history"][3]["due"]["date"], "2027-04-07");
    assert_eq!(a["milestones"][0]["met_on"], "2027-04-07");
    let form = obligations(&a, "resolution_form")[0];
    assert_eq!(form["due"]["date"], "2027-04-14");
    assert_eq!(form["lapsed_on"], "2027-04-12");
    assert_eq!(form["overdue"], false);
}
