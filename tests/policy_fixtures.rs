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
