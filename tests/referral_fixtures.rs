//! Scenario fixtures of the GSCP Resolution Group referral lifecycle
//! (`gscp-resolution-group-2021`), as a reviewer reads them: every
//! `fixtures/gscp-resolution-group-2021/*.json` is an `evaluate_json`
//! request; its snapshot is a short plain-English account built from the
//! response, followed by the response itself.
//!
//! Fixtures with `invalid` in their file name must produce an `{"error"}`
//! document; every other fixture must produce a status.

mod common;

use std::path::Path;

use common::fixtures::{self, text};
use serde_json::Value;

const POLICY: &str = "gscp-resolution-group-2021";

/// The fewest fixtures the lifecycle must have.
const MIN_FIXTURES: usize = 12;

/// A deadline in words: `due 2027-01-04`, `due without delay`, ...
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

/// A list of strings joined with commas, or `none`.
fn words(list: &Value, key: Option<&str>) -> String {
    let items: Vec<&str> = list
        .as_array()
        .into_iter()
        .flatten()
        .map(|item| match key {
            Some(key) => text(&item[key]),
            None => text(item),
        })
        .collect();
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

/// The account a reviewer reads before the JSON, built only from the
/// response's fields.
fn account(response: &Value) -> String {
    if let Some(error) = fixtures::error_account(response) {
        return error;
    }
    let mut lines = Vec::new();
    lines.push(format!(
        "Referral under {} on the {} calendar, {} deadlines, as of {}",
        text(&response["policy"]),
        text(&response["calendar"]),
        text(&response["deadlines"]),
        text(&response["as_of"])
    ));
    let mut status = format!("Status: {}", text(&response["status"]));
    if let Some(ended) = response["ended_on"].as_str() {
        status.push_str(&format!(" on {ended}"));
    }
    if let Some(to) = response["escalated_to"]["to"].as_str() {
        status.push_str(&format!(", to {to}"));
        if let Some(review) = response["escalated_to"]["review"].as_str() {
            status.push_str(&format!(" ({review})"));
        }
    }
    lines.push(status);
    for referral in response["qiip_referrals"].as_array().into_iter().flatten() {
        let review = match referral["review"].as_str() {
            Some(review) => format!(" ({review})"),
            None => String::new(),
        };
        lines.push(format!(
            "Escalated to QiiP on {}{review}; the referral goes on",
            text(&referral["on"])
        ));
    }
    let eligibility = &response["eligibility"];
    lines.push(match eligibility["route"].as_str() {
        Some(route) => match eligibility["stage"].as_u64() {
            Some(stage) => format!("Eligible: through {route} at stage {stage}"),
            None => format!("Eligible: through {route}"),
        },
        None => "Eligible: NO".to_string(),
    });
    lines.push(format!(
        "Missing: {}",
        words(&response["missing"], Some("field"))
    ));
    let deadline = &response["submission_deadline"];
    match response["scheduled_meeting"].as_str() {
        Some(meeting) => {
            let ideal = match response["scheduling"]["ideal_met"].as_bool() {
                Some(true) => "ideal date met",
                Some(false) => "ideal date missed",
                None => "ideal date unknown",
            };
            let notify = match deadline["notify_members"].as_str() {
                Some(date) => format!("members notified by {date}"),
                None => "no date for notifying members".to_string(),
            };
            lines.push(format!(
                "Meeting: {meeting} (latest submission {}, ideal {}, {notify}); {ideal}",
                text(&deadline["latest"]),
                text(&deadline["ideal"]),
            ));
        }
        None => lines.push("Meeting: none qualifies".to_string()),
    }
    if let Some(why) = response["scheduling"]["why"].as_str() {
        lines.push(format!("Why: {why}"));
    }
    if let Some(on) = response["presented_on"].as_str() {
        lines.push(format!("Presented on {on}"));
    }
    for action in response["actions"].as_array().into_iter().flatten() {
        let state = match action["done_on"].as_str() {
            Some(done) if done > text(&action["due"]) => format!("done on {done}, LATE"),
            Some(done) => format!("done on {done}"),
            None if action["overdue"].as_bool() == Some(true) => "OVERDUE".to_string(),
            None => "pending".to_string(),
        };
        lines.push(format!(
            "Action {}: agreed {}, due {}, {state}",
            action["index"],
            text(&action["agreed_on"]),
            text(&action["due"]),
        ));
    }
    for obligation in response["obligations"].as_array().into_iter().flatten() {
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
            "Obligation {}: {}, {state}",
            text(&obligation["id"]),
            due_words(&obligation["due"]),
        ));
    }
    let case = &response["escalation"];
    if case.is_object() {
        let stage = &case["stage"];
        let at = if stage.is_object() {
            format!(
                ", at stage {} {} since {}",
                stage["number"],
                text(&stage["name"]),
                text(&stage["started_on"])
            )
        } else {
            String::new()
        };
        lines.push(format!(
            "Linked escalation case ({}): {}{at}",
            text(&case["policy"]),
            text(&case["status"])
        ));
    }
    for warning in response["warnings"].as_array().into_iter().flatten() {
        lines.push(format!(
            "Warning at events[{}]: {}",
            warning["event_index"],
            text(&warning["message"])
        ));
    }
    lines.push(format!("Next: {}", words(&response["next"], None)));
    lines.join("\n")
}

#[test]
fn referral_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (stem, value) in fixtures::evaluated(root, POLICY, MIN_FIXTURES) {
        let pretty = serde_json::to_string_pretty(&value).expect("pretty JSON");
        let snapshot = format!("{}\n\n{pretty}", account(&value));
        insta::assert_snapshot!(stem, snapshot);
    }
}
