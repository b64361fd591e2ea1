//! Scenario fixtures of the serious-incident clocks
//! (`gscp-serious-incident-2021`), as a reviewer reads them: every
//! `fixtures/gscp-serious-incident-2021/*.json` is an `evaluate_json`
//! request; its snapshot is a short plain-English account built from the
//! response, followed by the response itself.
//!
//! Fixtures with `invalid` in their file name must produce an `{"error"}`
//! document; every other fixture must produce a status. The timelines are
//! worked out by hand in `docs/serious-incidents.md`, and the most important
//! dates are asserted here too, so a snapshot accepted in error still fails.

mod common;

use std::fs;
use std::path::Path;

use common::fixtures::{self, text};
use serde_json::Value;

const POLICY: &str = "gscp-serious-incident-2021";

/// A deadline in words: `due 2027-01-04 (5 working days after 2026-12-23,
/// skips ...)`, or `no date (rule)`.
fn due_words(due: &Value) -> String {
    match text(&due["kind"]) {
        "by_end_of" => {
            let mut words = format!("due {}", text(&due["date"]));
            let counted = match text(&due["counting"]) {
                "working_days_after" => Some(format!(
                    "{} working days after {}",
                    due["working_days"],
                    text(&due["counted_from"])
                )),
                "days_after" => Some(format!(
                    "{} days after {}",
                    due["days"],
                    text(&due["counted_from"])
                )),
                "working_days_before" => Some(format!(
                    "{} working days before {}",
                    due["working_days"],
                    text(&due["counted_from"])
                )),
                _ => None,
            };
            if let Some(counted) = counted {
                words.push_str(&format!(" ({counted}"));
                let skips: Vec<&str> = due["skips"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(text)
                    .collect();
                if !skips.is_empty() {
                    words.push_str(&format!(", skips {}", skips.join(", ")));
                }
                words.push(')');
            }
            words
        }
        "none" => "no date".to_string(),
        other => format!("due ({other})"),
    }
}

fn state(item: &Value, met_key: &str) -> String {
    match item[met_key].as_str() {
        Some(met) => match item["met_in_time"].as_bool() {
            Some(false) => format!(
                "met on {met}, LATE by {} working days",
                item["working_days_late"]
            ),
            _ => format!("met on {met}"),
        },
        None if item["overdue"].as_bool() == Some(true) => match item.get("working_days_overdue") {
            Some(days) => format!("OVERDUE by {days} working days"),
            None => "OVERDUE".to_string(),
        },
        None => "pending".to_string(),
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
        "Serious incident under {} on the {} calendar, rapid review in {} days, as of {}",
        text(&response["policy"]),
        text(&response["calendar"]),
        text(&response["rapid_review_days"]),
        text(&response["as_of"])
    ));
    let mut status = format!("Status: {}", text(&response["status"]));
    if let Some(ended) = response["ended_on"].as_str() {
        status.push_str(&format!(" (ended on {ended})"));
    }
    lines.push(status);
    for clock in response["clocks"].as_array().into_iter().flatten() {
        lines.push(format!(
            "Clock {}: {}, {}",
            text(&clock["name"]),
            due_words(&clock["due"]),
            state(clock, "met_on")
        ));
    }
    for obligation in response["obligations"].as_array().into_iter().flatten() {
        let done = match obligation["done_on"].as_str() {
            Some(done) => format!("done on {done}"),
            None if obligation["overdue"].as_bool() == Some(true) => "OVERDUE".to_string(),
            None => "owed".to_string(),
        };
        lines.push(format!(
            "Obligation {}: {}, {done}",
            text(&obligation["id"]),
            match text(&obligation["due"]["kind"]) {
                "by_end_of" => format!("due {}", text(&obligation["due"]["date"])),
                _ => "no date".to_string(),
            }
        ));
    }
    for warning in response["warnings"].as_array().into_iter().flatten() {
        lines.push(format!(
            "Warning at events[{}]: {}",
            warning["event_index"],
            text(&warning["message"])
        ));
    }
    let next: Vec<&str> = response["next"]
        .as_array()
        .into_iter()
        .flatten()
        .map(text)
        .collect();
    lines.push(format!(
        "Next: {}",
        if next.is_empty() {
            "none".to_string()
        } else {
            next.join(", ")
        }
    ));
    lines.join("\n")
}

fn evaluate(stem: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(POLICY)
        .join(format!("{stem}.json"));
    let request =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&safeguarding_resolution::evaluate_json(&request)).expect("JSON")
}

#[test]
fn serious_incident_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (stem, value) in fixtures::evaluated(root, POLICY, 20) {
        let pretty = serde_json::to_string_pretty(&value).expect("pretty JSON");
        let snapshot = format!("{}\n\n{pretty}", account(&value));
        insta::assert_snapshot!(stem, snapshot);
    }
}

/// A clock of a response, by name.
fn clock<'a>(response: &'a Value, name: &str) -> &'a Value {
    response["clocks"]
        .as_array()
        .and_then(|clocks| clocks.iter().find(|c| c["name"] == name))
        .unwrap_or_else(|| panic!("no clock {name} in {response}"))
}

#[test]
fn the_hand_worked_dates_of_the_fixtures() {
    // Aware Wed 23 Dec 2026: Thu 24 (1), [Fri 25, Sat, Sun, Mon 28], Tue 29
    // (2), Wed 30 (3), Thu 31 (4), [Fri 1 Jan, Sat, Sun], Mon 4 Jan (5).
    let r = evaluate("01-christmas-notification-in-time");
    let n = clock(&r, "notification");
    assert_eq!(n["due"]["date"], "2027-01-04");
    assert_eq!(n["met_in_time"], true);
    assert_eq!(n["due"]["skips"].as_array().map(Vec::len), Some(3));
    // Notified Mon 4 Jan: 15 calendar days later is Tue 19 Jan.
    assert_eq!(clock(&r, "rapid_review")["due"]["date"], "2027-01-19");
    assert_eq!(r["status"], "rapid_review_under_way");

    // Aware Thu 24 Dec (afternoon): Tue 29 (1), Wed 30 (2), Thu 31 (3),
    // Mon 4 Jan (4), Tue 5 Jan (5).
    let r = evaluate("02-christmas-notification-pending");
    assert_eq!(clock(&r, "notification")["due"]["date"], "2027-01-05");
    assert_eq!(clock(&r, "rapid_review")["due"]["kind"], "none");

    // Aware Wed 24 Mar 2027: Thu 25 (1), [Good Friday, Sat, Sun, Easter
    // Monday], Tue 30 (2), Wed 31 (3), Thu 1 Apr (4), Fri 2 Apr (5).
    let r = evaluate("03-easter-notification-and-rapid-review");
    assert_eq!(clock(&r, "notification")["due"]["date"], "2027-04-02");
    assert_eq!(clock(&r, "notification")["met_in_time"], true);
    // Notified Fri 2 Apr: 15 days later is Sat 17 Apr.
    assert_eq!(clock(&r, "rapid_review")["due"]["date"], "2027-04-17");

    // Notified Thu 25 Mar; 15 working days: 30, 31 Mar, 1, 2, 5-9, 12-16,
    // 19 Apr (Good Friday and Easter Monday skipped).
    let r = evaluate("04-easter-rapid-review-in-working-days");
    assert_eq!(clock(&r, "rapid_review")["due"]["date"], "2027-04-19");
    assert_eq!(clock(&r, "rapid_review")["due"]["working_days"], 15);

    // Aware Mon 1 Feb: due Mon 8 Feb; notified Wed 10 Feb, 2 working days
    // late. Rapid review due Thu 25 Feb; as of Wed 3 Mar: Fri 26 Feb, Mon 1,
    // Tue 2, Wed 3 Mar = 4 working days overdue.
    let r = evaluate("05-late-notification-overdue-rapid-review");
    let n = clock(&r, "notification");
    assert_eq!(
        (
            &n["due"]["date"],
            &n["met_in_time"],
            &n["working_days_late"]
        ),
        (
            &Value::from("2027-02-08"),
            &Value::from(false),
            &Value::from(2)
        )
    );
    let rr = clock(&r, "rapid_review");
    assert_eq!(rr["due"]["date"], "2027-02-25");
    assert_eq!(
        (&rr["overdue"], &rr["working_days_overdue"]),
        (&Value::from(true), &Value::from(4))
    );

    // Not notified by Thu 11 Feb: Tue 9, Wed 10, Thu 11 = 3 working days.
    let r = evaluate("06-notification-overdue");
    assert_eq!(clock(&r, "notification")["working_days_overdue"], 3);

    // Publication Thu 3 Jun 2027: 2 Jun (1), 1 Jun (2), [Mon 31 May spring
    // bank holiday, Sun, Sat], Fri 28 (3), 27 (4), 26 (5), 25 (6), Mon 24
    // May (7).
    let r = evaluate("07-publication-after-spring-bank-holiday");
    let report = clock(&r, "report_to_panel_and_dfe");
    assert_eq!(report["due"]["date"], "2027-05-24");
    assert_eq!(report["met_in_time"], true);
    assert_eq!(report["due"]["skips"][0], "Mon 31 May Spring bank holiday");
    assert_eq!(r["status"], "published");
    assert_eq!(r["next"], Value::Array(vec![]));

    // Not sent by Wed 26 May: Tue 25, Wed 26 = 2 working days overdue.
    let r = evaluate("08-report-overdue-before-spring-bank-holiday");
    let report = clock(&r, "report_to_panel_and_dfe");
    assert_eq!(report["working_days_overdue"], 2);

    // Publication Tue 1 Jun: Fri 28 (1), 27, 26, 25, 24, Fri 21 (6), Thu 20
    // May (7). Sent Mon 24 May: Fri 21, Mon 24 = 2 working days late.
    let r = evaluate("09-report-sent-late-publication-1-june");
    let report = clock(&r, "report_to_panel_and_dfe");
    assert_eq!(report["due"]["date"], "2027-05-20");
    assert_eq!(report["working_days_late"], 2);

    // Scotland: Thu 24 (1), Tue 29 (2), Wed 30 (3), Thu 31 (4), [Fri 1 Jan,
    // Sat, Sun, Mon 4 Jan the 2 January substitute], Tue 5 Jan (5).
    let r = evaluate("10-scotland-christmas-2-january-substitute");
    assert_eq!(clock(&r, "notification")["due"]["date"], "2027-01-05");
    assert_eq!(
        clock(&r, "notification")["due"]["skips"]
            .as_array()
            .map(Vec::len),
        Some(4)
    );

    // Scotland, aware Wed 25 Nov 2026: Thu 26 (1), Fri 27 (2), [Mon 30 St
    // Andrew's Day], Tue 1 (3), Wed 2 (4), Thu 3 Dec (5).
    let r = evaluate("11-scotland-st-andrews-day");
    assert_eq!(clock(&r, "notification")["due"]["date"], "2026-12-03");

    // Scotland has Good Friday but no Easter Monday: Thu 25 (1), Mon 29
    // (2), Tue 30 (3), Wed 31 (4), Thu 1 Apr (5).
    let r = evaluate("12-scotland-easter-no-easter-monday");
    assert_eq!(clock(&r, "notification")["due"]["date"], "2027-04-01");
    assert_eq!(clock(&r, "notification")["overdue"], true);
    assert_eq!(clock(&r, "notification")["working_days_overdue"], 1);
}
