//! The JSON face tried as a hostile or careless caller would, on stable
//! Rust and in CI: every fixture broken in many seeded ways
//! (`tests/common/mutate.rs`), each answer checked against the rules every
//! document keeps (`tests/common/invariants.rs`: JSON of a documented
//! shape and code, `event_index` naming a real event, every working-day
//! deadline a working day its count reaches), and no message or answer
//! repeating a marked value put in any place of any fixture.
//!
//! The fuzz targets under `fuzz/` run the same mutator and the same checks
//! from libFuzzer's bytes (nightly; see `fuzz/README.md`).

mod common;

use std::path::Path;

use common::invariants::{evaluate_checked, messages_quoting, validate_checked};
use common::mutate::{MARKER, Seeded, marked_variants, mutated};
use common::{fixtures, invariants};
use serde_json::{Value, json};

use safeguarding_resolution::limits::{
    MAX_ACTIONS, MAX_DEPTH, MAX_EVENTS, MAX_MEETINGS, MAX_PROBLEMS, MAX_REQUEST_BYTES,
    MAX_STRING_BYTES,
};
use safeguarding_resolution::{evaluate_json, validate_json};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Mutated requests per fixture: the fixtures number about two hundred,
/// so a few thousand requests in all, well under a minute unoptimised.
const ROUNDS_PER_FIXTURE: u64 = 24;

/// Every fixture broken [`ROUNDS_PER_FIXTURE`] seeded ways, half of them
/// with the marker in some strings, each answer checked by `check`: what
/// breaks a rule, listed.
fn break_each(
    fixtures: Vec<(std::path::PathBuf, Value)>,
    first_seed: u64,
    check: fn(&str) -> Result<String, String>,
) -> Vec<String> {
    let mut broken = Vec::new();
    for (n, (path, fixture)) in fixtures.into_iter().enumerate() {
        for seed in 0..ROUNDS_PER_FIXTURE {
            let mut choices = Seeded::new(first_seed + n as u64 * ROUNDS_PER_FIXTURE + seed);
            let rounds = 1 + (seed as usize % 6);
            let request = mutated(&fixture, &mut choices, rounds, seed % 2 == 0).to_string();
            match check(&request) {
                Ok(response) => {
                    let quoting = messages_quoting(&response, MARKER);
                    if !quoting.is_empty() {
                        broken.push(format!(
                            "{} (seed {seed}): messages repeat a value given: {quoting:?}",
                            path.display()
                        ));
                    }
                }
                Err(rule) => broken.push(format!("{} (seed {seed}): {rule}", path.display())),
            }
        }
    }
    broken
}

#[test]
fn mutated_requests_keep_every_rule() {
    let broken = break_each(fixtures::requests(root()), 0, evaluate_checked);
    assert!(
        broken.is_empty(),
        "{} broken:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

#[test]
fn mutated_forms_keep_every_rule() {
    let broken = break_each(fixtures::forms(root()), 1 << 32, validate_checked);
    assert!(
        broken.is_empty(),
        "{} broken:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

/// Where a marked value may come back: nowhere in a message; in an answer,
/// only where the caller's own free text is the data asked for.
fn quoting(response: &str) -> Vec<String> {
    let mut out = messages_quoting(response, MARKER);
    if out.is_empty() && response.contains(MARKER) {
        let at = response.find(MARKER).unwrap_or_default();
        let before = &response[at.saturating_sub(80)..at];
        out.push(format!("the answer repeats it: ...{before}"));
    }
    out
}

/// The systematic half of the marker check: every node of every fixture in
/// turn holds the marker (appended to its text, or in place of the node as
/// a string, a list or an object). Whatever is refused or warned of, no
/// message may repeat it, and an answer repeats it only as the fixture's
/// own free text that the answer reports back.
#[test]
fn no_message_repeats_a_value_put_anywhere() {
    let mut broken = Vec::new();
    let mut requests = 0usize;
    for (path, fixture) in fixtures::requests(root()) {
        for variant in marked_variants(&fixture) {
            requests += 1;
            let request = variant.to_string();
            let response = evaluate_json(&request);
            for q in quoting(&response) {
                broken.push(format!("{}: {q}\nrequest: {request}", path.display()));
            }
        }
    }
    for (path, fixture) in fixtures::forms(root()) {
        for variant in marked_variants(&fixture) {
            requests += 1;
            let request = variant.to_string();
            let response = validate_json(&request);
            for q in quoting(&response) {
                broken.push(format!("{}: {q}\nrequest: {request}", path.display()));
            }
        }
    }
    assert!(requests > 10_000, "only {requests} marked requests");
    eprintln!("{requests} marked requests");
    let all = broken.len();
    broken.truncate(20);
    assert!(
        broken.is_empty(),
        "{all} in all; the first:\n{}",
        broken.join("\n\n")
    );
}

// ---- The cases of the issue, each alone ----

/// A person's details, as a careless caller puts them in a field.
const NAME: &str = "Jane Doe";
const ADDRESS: &str = "14 Acacia Avenue, Gloucester GL1 1AA";
const BIRTH: &str = "12 March 2015";

fn assert_private(response: &str) {
    for value in [
        NAME,
        ADDRESS,
        BIRTH,
        "Jane",
        "Acacia",
        "GL1 1AA",
        "March 2015",
    ] {
        assert!(!response.contains(value), "{value:?} came back: {response}");
    }
}

#[test]
fn personal_data_in_mistyped_fields_never_comes_back() {
    let person = json!({"name": NAME, "address": ADDRESS, "date_of_birth": BIRTH});
    let text = format!("{NAME}, {ADDRESS}, born {BIRTH}");
    let requests = [
        json!({"policy": text, "as_of": "2027-01-05", "events": []}),
        json!({"policy": person, "as_of": "2027-01-05", "events": []}),
        json!({"policy": "gscp-escalation-2021", "calendar": text, "as_of": "2027-01-05",
               "events": [{"type": "raised", "on": "2027-01-04"}]}),
        json!({"policy": "gscp-escalation-2021", "as_of": text,
               "events": [{"type": "raised", "on": "2027-01-04"}]}),
        json!({"policy": "gscp-escalation-2021", "as_of": "2027-01-05",
               "events": [{"type": "raised", "on": text}]}),
        json!({"policy": "gscp-escalation-2021", "as_of": "2027-01-05",
               "events": [{"type": text, "on": "2027-01-04"}]}),
        json!({"policy": "gscp-escalation-2021", "as_of": "2027-01-05",
               "events": [{"type": "raised", "on": "2027-01-04", "parties": person}]}),
        json!({"policy": "gscp-escalation-2021", "as_of": "2027-01-05",
               "events": [{"type": "raised", "on": "2027-01-04"},
                          {"type": "escalated", "on": "2027-01-05", "to_stage": person}]}),
        json!({"policy": "gscp-escalation-2021", "as_of": "2027-01-05",
               "events": [{"type": "raised", "on": "2027-01-04"},
                          {"type": "recorded", "on": "2027-01-05", "record": text}]}),
        json!({"policy": "gscp-escalation-2021", "as_of": "2027-01-05",
               "events": [{"type": "raised", "on": "2027-01-04", text.clone(): 1}]}),
        json!({"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
               "events": [{"type": "raised", "on": "2027-01-04", "area": text}]}),
        json!({"policy": "gscp-resolution-group-2021", "as_of": "2027-01-05", "meetings": [text],
               "events": [{"type": "submitted", "on": "2027-01-04"}]}),
        json!({"policy": "gscp-resolution-group-2021", "as_of": "2027-01-05",
               "meetings": ["2027-01-20"],
               "events": [{"type": "submitted", "on": "2027-01-04", "referral": person,
                           "prior_process": person, "features": person, "risks": text}]}),
        json!({"policy": "gscp-serious-incident-2021", "as_of": "2027-01-05",
               "events": [{"type": text, "on": "2027-01-04"}]}),
        json!({"policy": "gscp-serious-incident-2021", "as_of": "2027-01-05",
               "events": [{"type": "aware", "on": "2027-01-04", "child": person}]}),
    ];
    for request in requests {
        let response = evaluate_json(&request.to_string());
        assert!(response.contains("\"error\""), "accepted: {request}");
        assert_private(&response);
    }
    let forms = [
        json!({"form": text, "data": {}}),
        json!({"form": "swindon-resolution-form", "data": {"subjects": person}}),
        json!({"form": "swindon-resolution-form", "data": {"subjects": [{"name": person, "date_of_birth": BIRTH}]}}),
        json!({"form": "nsscp-recording-form", "data": {"child": {"name": 7, "date_of_birth": text}}}),
        json!({"form": "gscp-resolution-group-referral", "data": {"escalation_stage": text, text.clone(): person}}),
        json!({"form": "gscp-resolution-group-referral", "calendar": text, "data": {}}),
    ];
    for request in forms {
        let response = validate_json(&request.to_string());
        assert_private(&response);
    }
}

#[test]
fn an_object_of_personal_data_in_a_numeric_field_is_not_echoed() {
    let request = json!({"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
        "events": [{"type": "raised", "on": "2027-01-04"},
                   {"type": "escalated", "on": "2027-01-05",
                    "to_stage": {"child": NAME, "address": ADDRESS, "born": BIRTH}}]});
    let response: Value = serde_json::from_str(&evaluate_json(&request.to_string())).unwrap();
    assert_eq!(response["error"]["code"], "invalid_field", "{response}");
    assert_eq!(response["error"]["event_index"], 1, "{response}");
    assert_private(&response.to_string());
}

#[test]
fn a_huge_unknown_id_answers_in_a_few_hundred_bytes() {
    // 10 MB is refused at the door (the request limit); just under the
    // limit, the id alone is refused at the string limit; a short id that
    // is not the library's own is not repeated either.
    for id in [
        "x".repeat(10 * 1024 * 1024),
        "\u{85}".repeat(MAX_REQUEST_BYTES / 4),
        "y".repeat(MAX_STRING_BYTES + 1),
        format!("{NAME} {ADDRESS}"),
    ] {
        let request = json!({"policy": id, "as_of": "2027-01-05", "events": []}).to_string();
        let response = evaluate_json(&request);
        assert!(response.len() < 2048, "{} bytes answered", response.len());
        assert!(
            !response.contains("xxxx") && !response.contains("yyyy"),
            "{response}"
        );
        assert_private(&response);
        let form = json!({"form": id, "data": {}}).to_string();
        let response = validate_json(&form);
        assert!(response.len() < 2048, "{} bytes answered", response.len());
        assert_private(&response);
    }
}

fn error_code(response: &str) -> String {
    let value: Value = serde_json::from_str(response).expect("the answer is JSON");
    value["error"]["code"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn every_limit_is_checked_and_named() {
    let events: Vec<Value> = std::iter::once(json!({"type": "raised", "on": "2027-01-04"}))
        .chain((0..MAX_EVENTS).map(|_| json!({"type": "immediate_risk", "on": "2027-01-04"})))
        .collect();
    let cases = [
        (
            format!("{{\"policy\": \"{}\"}}", " ".repeat(MAX_REQUEST_BYTES)),
            "MAX_REQUEST_BYTES",
        ),
        (
            json!({"policy": "swindon-resolution-2026", "as_of": "2027-01-05", "events": events})
                .to_string(),
            "MAX_EVENTS",
        ),
        (
            format!(
                "{{\"policy\": \"swindon-resolution-2026\", \"as_of\": \"2027-01-05\", \"events\": {}{}}}",
                "[".repeat(MAX_DEPTH + 1),
                "]".repeat(MAX_DEPTH + 1)
            ),
            "MAX_DEPTH",
        ),
        (
            json!({"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
                   "events": [{"type": "raised", "on": "2027-01-04", "note": "z".repeat(MAX_STRING_BYTES + 1)}]})
                .to_string(),
            "MAX_STRING_BYTES",
        ),
        (
            json!({"policy": "gscp-resolution-group-2021", "as_of": "2027-01-05",
                   "meetings": vec!["2027-01-12"; MAX_MEETINGS + 1],
                   "events": [{"type": "submitted", "on": "2027-01-04"}]})
            .to_string(),
            "MAX_MEETINGS",
        ),
        (
            json!({"policy": "gscp-resolution-group-2021", "as_of": "2027-01-05",
                   "meetings": ["2027-01-12"],
                   "events": [{"type": "submitted", "on": "2027-01-04"},
                              {"type": "actions_agreed", "on": "2027-01-04",
                               "actions": vec![json!({"agency": "a", "action": "b", "due": "2027-02-01"}); MAX_ACTIONS + 1]}]})
            .to_string(),
            "MAX_ACTIONS",
        ),
        (
            json!({"policy": "gscp-serious-incident-2021", "as_of": "2027-01-05",
                   "events": vec![json!({"type": "aware", "on": "2027-01-04"}); MAX_EVENTS + 1]})
            .to_string(),
            "MAX_EVENTS",
        ),
    ];
    for (request, limit) in cases {
        let response = evaluate_json(&request);
        assert_eq!(
            error_code(&response),
            "limit_exceeded",
            "{limit}: {response}"
        );
        assert!(response.contains(limit), "{limit} not named: {response}");
        assert!(response.len() < 1024, "{limit}: {} bytes", response.len());
    }
}

#[test]
fn a_form_of_a_million_wrong_items_lists_a_capped_number_of_problems() {
    // About 2 MB: a million zeros where the subjects go.
    let zeros = vec!["0"; 1_000_000 - 10].join(",");
    let request =
        format!("{{\"form\": \"swindon-resolution-form\", \"data\": {{\"subjects\": [{zeros}]}}}}");
    assert!(
        request.len() <= MAX_REQUEST_BYTES,
        "{} bytes",
        request.len()
    );
    let response: Value = serde_json::from_str(&validate_json(&request)).unwrap();
    let problems = response["problems"].as_array().expect("a validation");
    assert_eq!(problems.len(), MAX_PROBLEMS, "the problems are not capped");
    let last = problems.last().unwrap();
    assert_eq!(last["code"], "limit_exceeded", "{last}");
    let message = last["message"].as_str().unwrap();
    assert!(message.contains("MAX_PROBLEMS"), "{message}");
    // Each zero is one wrong subject; the form's other required fields are
    // problems too, so at least this many were left out.
    let more: usize = message
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| !w.is_empty())
        .and_then(|w| w.parse().ok())
        .expect("the message counts the problems left out");
    assert!(more >= 1_000_000 - 10 - MAX_PROBLEMS, "{message}");
}

#[test]
fn repeated_triggers_owe_one_duty() {
    // The same immediate risk reported again and again while its same-day
    // duty is pending owes that duty once: the answer stays small.
    let mut events = vec![json!({"type": "raised", "on": "2027-01-04", "immediate_risk": true})];
    events.extend((0..5_000).map(|_| json!({"type": "immediate_risk", "on": "2027-01-04"})));
    let request =
        json!({"policy": "swindon-resolution-2026", "as_of": "2027-01-05", "events": events})
            .to_string();
    let response = evaluate_json(&request);
    assert!(!response.contains("\"error\""), "{response}");
    assert!(
        response.len() < request.len() / 4,
        "{} bytes answered {} bytes",
        request.len(),
        response.len()
    );
}

#[test]
fn keys_that_look_like_paths_are_quoted_in_places() {
    for (key, place) in [
        ("", "events[0][\"\"]"),
        ("child.name", "events[0][\"child.name\"]"),
        ("x[0]", "events[0][\"x[0]\"]"),
        ("colour", "events[0].colour"),
    ] {
        let request = json!({"policy": "gscp-escalation-2021", "as_of": "2027-01-05",
            "events": [{"type": "raised", "on": "2027-01-04", key: 1}]});
        let response: Value = serde_json::from_str(&evaluate_json(&request.to_string())).unwrap();
        let message = response["error"]["message"].as_str().unwrap();
        assert!(message.starts_with(place), "{key:?}: {message}");
    }
}

#[test]
fn checks_themselves_catch_a_broken_answer() {
    // The invariants are not vacuous: a deadline on a Sunday, an
    // event_index past the events, an unknown code are each caught.
    let request = r#"{"policy": "gscp-escalation-2021", "as_of": "2027-01-05", "events": [{"type": "raised", "on": "2027-01-04"}]}"#;
    let good = evaluate_json(request);
    assert!(invariants::check_evaluate(request, &good).is_ok());
    let sunday = good.replacen("\"date\":\"2027-01-05\"", "\"date\":\"2027-01-10\"", 1);
    assert_ne!(sunday, good, "the fixture's deadline moved");
    assert!(invariants::check_evaluate(request, &sunday).is_err());
    let past = r#"{"error":{"code":"invalid_field","message":"m","event_index":1}}"#;
    assert!(invariants::check_evaluate(request, past).is_err());
    let unknown = r#"{"error":{"code":"teapot","message":"m"}}"#;
    assert!(invariants::check_evaluate(request, unknown).is_err());
}

#[test]
fn govuk_documents_marked_anywhere_are_refused_without_the_mark() {
    use safeguarding_resolution::calendar::{Calendar, Division};
    let document = json!({
        "england-and-wales": {"division": "england-and-wales", "events": [
            {"title": "New Year’s Day", "date": "2030-01-01", "notes": "", "bunting": true},
            {"title": "Good Friday", "date": "2030-04-19", "notes": "", "bunting": false},
        ]},
        "scotland": {"division": "scotland", "events": [
            {"title": "2nd January", "date": "2030-01-02", "notes": "", "bunting": true},
        ]},
        "northern-ireland": {"division": "northern-ireland", "events": [
            {"title": "St Patrick’s Day", "date": "2030-03-18", "notes": "Substitute day", "bunting": true},
        ]},
    });
    let mut refused = 0;
    for variant in marked_variants(&document) {
        let text = variant.to_string();
        for division in Division::ALL {
            if let Err(error) = Calendar::from_govuk_json(&text, division) {
                refused += 1;
                let message = error.to_string();
                assert!(!message.contains(MARKER), "{message}\ndocument: {text}");
                assert!(!format!("{error:?}").contains(MARKER), "{error:?}");
            }
        }
    }
    assert!(
        refused > 20,
        "only {refused} refusals: the variants do not reach the reader"
    );
}

/// Each kind of bad input `docs/bad-inputs.md` lists, with the error code
/// it gets and the start of the message (the place). Named so the page can
/// point at each one.
fn bad_requests() -> Vec<(&'static str, String, &'static str, &'static str)> {
    let swindon = |events: Value| {
        json!({"policy": "swindon-resolution-2026", "as_of": "2027-01-08", "events": events})
            .to_string()
    };
    let raised = json!({"type": "raised", "on": "2027-01-04"});
    let escalated_to = |to: Value| {
        swindon(json!([raised, {"type": "escalated", "on": "2027-01-05", "to_stage": to}]))
    };
    vec![
        (
            "empty request",
            String::new(),
            "invalid_json",
            "the request is not valid JSON",
        ),
        (
            "not JSON",
            "Jane Doe".into(),
            "invalid_json",
            "the request is not valid JSON",
        ),
        (
            "truncated JSON",
            r#"{"policy": "swindon-resolution-2026", "as_of": "2027-01-0"#.into(),
            "invalid_json",
            "the request is not valid JSON",
        ),
        (
            "not an object",
            "[1, 2]".into(),
            "invalid_field",
            "(request)",
        ),
        (
            "a key given twice",
            r#"{"policy": "swindon-resolution-2026", "policy": "gscp-escalation-2021"}"#.into(),
            "invalid_json",
            "the request is not valid JSON: a key is given twice",
        ),
        (
            "a lone surrogate",
            r#"{"policy": "\ud800"}"#.into(),
            "invalid_json",
            "the request is not valid JSON",
        ),
        (
            "as_of of the wrong type",
            json!({"policy": "swindon-resolution-2026", "as_of": 20270108, "events": [raised]})
                .to_string(),
            "invalid_field",
            "as_of:",
        ),
        (
            "events of the wrong type",
            json!({"policy": "swindon-resolution-2026", "as_of": "2027-01-08", "events": {}})
                .to_string(),
            "invalid_field",
            "events:",
        ),
        (
            "to_stage as text",
            escalated_to(json!("3")),
            "invalid_field",
            "events[1].to_stage:",
        ),
        (
            "to_stage a huge number",
            escalated_to(json!(1e300)),
            "invalid_field",
            "events[1].to_stage:",
        ),
        (
            "to_stage past u64",
            swindon(json!([raised, {"type": "escalated", "on": "2027-01-05"}])).replace(
                r#""type":"escalated""#,
                r#""to_stage":18446744073709551616,"type":"escalated""#,
            ),
            "invalid_field",
            "events[1].to_stage:",
        ),
        (
            "to_stage negative",
            escalated_to(json!(-1)),
            "invalid_field",
            "events[1].to_stage:",
        ),
        (
            "an impossible date",
            swindon(json!([{"type": "raised", "on": "2027-02-30"}])),
            "invalid_field",
            "events[0].on:",
        ),
        (
            "year 99999",
            swindon(json!([{"type": "raised", "on": "99999-01-04"}])),
            "invalid_field",
            "events[0].on:",
        ),
        (
            "a date in words",
            swindon(json!([{"type": "raised", "on": "when Jane Doe returns home"}])),
            "invalid_field",
            "events[0].on:",
        ),
        (
            "an impossible time",
            swindon(json!([{"type": "raised", "on": "2027-01-04T25:00"}])),
            "invalid_field",
            "events[0].on:",
        ),
        (
            "a date past the calendar",
            json!({"policy": "swindon-resolution-2026", "as_of": "2101-01-05",
                   "events": [{"type": "raised", "on": "2101-01-04"}]})
            .to_string(),
            "out_of_calendar_range",
            "",
        ),
        (
            "year 0",
            json!({"policy": "swindon-resolution-2026", "as_of": "0000-01-05",
                   "events": [{"type": "raised", "on": "0000-01-04"}]})
            .to_string(),
            "out_of_calendar_range",
            "",
        ),
        (
            "events out of order",
            swindon(json!([raised, {"type": "escalated", "on": "2027-01-01"}])),
            "events_out_of_order",
            "events[1]",
        ),
        (
            "as_of before the last event",
            json!({"policy": "swindon-resolution-2026", "as_of": "2027-01-01", "events": [raised]})
                .to_string(),
            "invalid_field",
            "as_of:",
        ),
        ("no events", swindon(json!([])), "invalid_field", "events:"),
        (
            "a first event that is not raised",
            swindon(json!([{"type": "escalated", "on": "2027-01-04"}])),
            "invalid_transition",
            "events[0]",
        ),
        (
            "an unknown event type",
            swindon(json!([{"type": "Jane Doe", "on": "2027-01-04"}])),
            "invalid_field",
            "events[0].type:",
        ),
        (
            "an unknown field",
            swindon(json!([{"type": "raised", "on": "2027-01-04", "colour": "red"}])),
            "invalid_field",
            "events[0].colour:",
        ),
        (
            "a key that reads as a path",
            swindon(json!([{"type": "raised", "on": "2027-01-04", "child.name": "x"}])),
            "invalid_field",
            "events[0][\"child.name\"]:",
        ),
        (
            "an empty key",
            swindon(json!([{"type": "raised", "on": "2027-01-04", "": "x"}])),
            "invalid_field",
            "events[0][\"\"]:",
        ),
        (
            "an unknown policy",
            json!({"policy": "Jane Doe", "as_of": "2027-01-08", "events": [raised]}).to_string(),
            "unknown_policy",
            "policy:",
        ),
        (
            "an unknown calendar",
            json!({"policy": "swindon-resolution-2026", "calendar": "wales",
                   "as_of": "2027-01-08", "events": [raised]})
            .to_string(),
            "unknown_calendar",
            "calendar:",
        ),
        (
            "an oversize request",
            format!("{{\"policy\": \"{}\"}}", " ".repeat(MAX_REQUEST_BYTES)),
            "limit_exceeded",
            "(request)",
        ),
        (
            "deep nesting",
            format!(
                "{{\"events\": {}{}}}",
                "[".repeat(MAX_DEPTH + 1),
                "]".repeat(MAX_DEPTH + 1)
            ),
            "limit_exceeded",
            "events",
        ),
        (
            "very deep nesting",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            "invalid_json",
            "the request is not valid JSON",
        ),
        (
            "too many events",
            swindon(Value::Array(vec![raised.clone(); MAX_EVENTS + 1])),
            "limit_exceeded",
            "events:",
        ),
        (
            "a long string",
            swindon(
                json!([{"type": "raised", "on": "2027-01-04", "note": "z".repeat(MAX_STRING_BYTES + 1)}]),
            ),
            "limit_exceeded",
            "events[0].note",
        ),
        (
            "a long key",
            swindon(
                json!([{"type": "raised", "on": "2027-01-04", "k".repeat(MAX_STRING_BYTES + 1): 1}]),
            ),
            "limit_exceeded",
            "events[0]:",
        ),
    ]
}

#[test]
fn each_bad_input_gets_its_documented_error() {
    let mut wrong = Vec::new();
    for (name, request, code, place) in bad_requests() {
        let response: Value = serde_json::from_str(&evaluate_json(&request)).unwrap();
        let got = response["error"]["code"].as_str().unwrap_or("(an answer)");
        let message = response["error"]["message"].as_str().unwrap_or_default();
        if got != code || !message.starts_with(place) {
            wrong.push(format!(
                "{name}: expected {code} at {place:?}, got {got}: {message}"
            ));
        }
        assert!(!message.contains("Jane"), "{name}: {message}");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_bad_inputs_page_lists_every_case() {
    let page = std::fs::read_to_string(root().join("docs/bad-inputs.md")).unwrap();
    for (name, ..) in bad_requests() {
        assert!(
            page.contains(&format!("| {name} |")),
            "docs/bad-inputs.md has no row for {name:?}"
        );
    }
}

#[test]
fn an_oversize_govuk_document_is_refused_before_it_is_read() {
    use safeguarding_resolution::calendar::{Calendar, Division};
    let document = format!("{{\"x\": \"{}\"}}", " ".repeat(MAX_REQUEST_BYTES));
    let error = Calendar::from_govuk_json(&document, Division::EnglandAndWales).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("MAX_REQUEST_BYTES"), "{message}");
    assert!(message.len() < 300, "{message}");
}

#[test]
fn a_message_names_each_pending_duty_once() {
    // Four thousand agreements, each owing its duties, then a record that
    // is not pending: the refusal lists the pending ids, each once.
    let mut events = vec![
        json!({"type": "submitted", "on": "2026-09-28", "marked_for_resolution_group": true,
               "prior_process": ["planning"],
               "referral": {"basic_information": "b", "chronology": "c", "assessment": "a",
                            "agencies_involved": "i", "risk_analysis": "r", "obstacles": "o",
                            "outcomes_sought": "s"}}),
        json!({"type": "presented", "on": "2026-10-13"}),
    ];
    for _ in 0..4_000 {
        events.push(json!({"type": "actions_agreed", "on": "2026-10-13",
            "actions": [{"agency": "a", "action": "b", "due": "2026-11-20"}],
            "report_back": {"meeting": "2026-12-08", "form": "written"}}));
    }
    events.push(json!({"type": "recorded", "on": "2026-10-14", "record": "learning_disseminated"}));
    let request = json!({"policy": "gscp-resolution-group-2021", "as_of": "2026-11-01",
        "meetings": ["2026-10-13", "2026-12-08"], "events": events})
    .to_string();
    let response = evaluate_checked(&request).unwrap_or_else(|rule| panic!("{rule}"));
    assert_eq!(error_code(&response), "invalid_transition", "{response}");
    assert!(
        response.len() < 1024,
        "{} bytes: {response}",
        response.len()
    );
}

/// Found by the `ffi_json` fuzz target: a publication date on a Saturday.
/// The library's date was right; the rule the checks held it to was not
/// (it counted back from the Saturday as if it were a working day).
#[test]
fn a_report_due_before_a_saturday_publication() {
    // Publication Saturday 3 June 2028; 7 working days before it: Fri 2,
    // Thu 1, Wed 31 May, Tue 30, [Mon 29 May, the spring bank holiday],
    // Fri 26, Thu 25, Wed 24 May.
    let request = r#"{"policy": "gscp-serious-incident-2021", "as_of": "2027-06-22",
        "events": [
            {"type": "aware", "on": "2027-01-04"},
            {"type": "notified", "on": "2027-01-07"},
            {"type": "rapid_review_completed", "on": "2027-01-20"},
            {"type": "review_decided", "on": "2027-02-01", "outcome": "commission"},
            {"type": "publication_planned", "on": "2027-05-10", "publish_on": "2028-06-03"},
            {"type": "report_sent", "on": "2027-05-21", "document": "rationale_for_not_publishing"}
        ]}"#;
    let response = evaluate_checked(request).unwrap_or_else(|rule| panic!("{rule}"));
    let response: Value = serde_json::from_str(&response).unwrap();
    let report = response["clocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "report_to_panel_and_dfe")
        .expect("the report's clock");
    assert_eq!(report["due"]["date"], "2028-05-24", "{report}");
    assert_eq!(report["due"]["working_days"], 7, "{report}");
}

/// A date the caller gave (it may be a date of birth put in the wrong
/// field) is never repeated by an error: the message points at the field.
#[test]
fn no_error_repeats_a_date_given() {
    const GIVEN: &str = "2027-03-12";
    let submitted = json!({"type": "submitted", "on": "2027-03-01", "marked_for_resolution_group": true,
        "prior_process": ["planning"],
        "referral": {"basic_information": "b", "chronology": "c", "assessment": "a",
                     "agencies_involved": "i", "risk_analysis": "r", "obstacles": "o",
                     "outcomes_sought": "s"}});
    let referral = |events: Value, meetings: Value| {
        json!({"policy": "gscp-resolution-group-2021", "as_of": "2027-04-30",
               "meetings": meetings, "events": events})
        .to_string()
    };
    let meetings = json!(["2027-03-16", "2027-04-13"]);
    let presented = json!({"type": "presented", "on": "2027-03-16"});
    let agreed = |due: &str, meeting: &str| {
        json!({"type": "actions_agreed", "on": "2027-03-16",
               "actions": [{"agency": "a", "action": "b", "due": due}],
               "report_back": {"meeting": meeting, "form": "written"}})
    };
    let requests = [
        referral(json!([submitted, {"type": "presented", "on": GIVEN}]), meetings.clone()),
        referral(json!([submitted, presented, agreed(GIVEN, "2027-04-13")]), meetings.clone()),
        referral(json!([submitted, presented, agreed("2027-04-01", GIVEN)]), meetings.clone()),
        referral(json!([submitted]), json!([GIVEN, "2027-04-13", GIVEN])),
        json!({"policy": "swindon-resolution-2026", "as_of": "2027-03-20",
               "events": [{"type": "raised", "on": "2027-03-15"}, {"type": "escalated", "on": GIVEN}]})
        .to_string(),
        json!({"policy": "swindon-resolution-2026", "as_of": GIVEN,
               "events": [{"type": "raised", "on": "2027-03-15"}]})
        .to_string(),
        json!({"policy": "gscp-serious-incident-2021", "as_of": "2027-04-30",
               "events": [{"type": "aware", "on": "2027-03-01"},
                          {"type": "notified", "on": "2027-03-02"},
                          {"type": "rapid_review_completed", "on": "2027-03-15"},
                          {"type": "review_decided", "on": "2027-03-16", "outcome": "commission"},
                          {"type": "publication_planned", "on": "2027-03-17", "publish_on": GIVEN}]})
        .to_string(),
    ];
    for request in requests {
        let response: Value = serde_json::from_str(&evaluate_json(&request)).unwrap();
        let message = response["error"]["message"]
            .as_str()
            .unwrap_or_else(|| panic!("not refused: {request}\n{response}"));
        assert!(!message.contains(GIVEN), "{message}");
    }
}

#[test]
fn govuk_documents_come_through_the_same_door() {
    use safeguarding_resolution::calendar::{Calendar, Division, ErrorKind};
    let refused = |text: &str| -> (String, String) {
        let error = Calendar::from_govuk_json(text, Division::EnglandAndWales).unwrap_err();
        match error.kind() {
            ErrorKind::InvalidDocument { path, problem } => (path.clone(), problem.clone()),
            other => panic!("{other:?}"),
        }
    };
    let event = r#"{"title": "Day", "date": "2030-01-01", "notes": "", "bunting": true}"#;
    // A division given twice would mean two calendars.
    let twice = format!(
        r#"{{"england-and-wales": {{"division": "england-and-wales", "events": [{event}]}},
            "england-and-wales": {{"division": "england-and-wales", "events": []}}}}"#
    );
    let (path, problem) = refused(&twice);
    assert_eq!(path, "(document)");
    assert!(problem.contains("a key is given twice"), "{problem}");
    // A title over the string limit, named by its place.
    let long = format!(
        r#"{{"england-and-wales": {{"division": "england-and-wales", "events": [
            {{"title": "{}", "date": "2030-01-01", "notes": "", "bunting": true}}]}}}}"#,
        "t".repeat(MAX_STRING_BYTES + 1)
    );
    let (path, problem) = refused(&long);
    assert_eq!(path, "england-and-wales.events[0].title");
    assert!(problem.contains("MAX_STRING_BYTES"), "{problem}");
    // Nesting past the limit.
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    let (_, problem) = refused(&deep);
    assert!(problem.contains("MAX_DEPTH"), "{problem}");
}

/// Policy definitions given inline, broken in many seeded ways: each answer
/// keeps every rule, a refused definition lists its problems with their
/// paths, and no message repeats a value put in the definition.
#[test]
fn mutated_inline_definitions_keep_every_rule() {
    let example: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("examples/policies/example-borough-2026.json"))
            .unwrap(),
    )
    .unwrap();
    let mut definitions: Vec<Value> = safeguarding_resolution::policy::PolicyId::ALL
        .iter()
        .map(|id| {
            serde_json::from_str(&safeguarding_resolution::policy_definition_json(
                id.as_str(),
            ))
            .unwrap()
        })
        .collect();
    definitions.push(example);
    let events = json!([
        {"type": "raised", "on": "2027-02-01", "priority": "urgent"},
        {"type": "escalated", "on": "2027-02-03"},
        {"type": "recorded", "on": "2027-02-04", "record": "case_file_record"},
        {"type": "decided", "on": "2027-02-05"}
    ]);
    let mut broken = Vec::new();
    let mut refused = 0;
    for (n, definition) in definitions.iter().enumerate() {
        for seed in 0..150u64 {
            let mut choices = Seeded::new((3 << 32) + n as u64 * 1000 + seed);
            let rounds = 1 + (seed as usize % 5);
            let policy = mutated(definition, &mut choices, rounds, seed % 2 == 0);
            let request =
                json!({"policy": policy, "as_of": "2027-02-10", "events": events}).to_string();
            match evaluate_checked(&request) {
                Ok(response) => {
                    let quoting = messages_quoting(&response, MARKER);
                    if !quoting.is_empty() {
                        broken.push(format!("definition {n} (seed {seed}): {quoting:?}"));
                    }
                    if response.contains("\"invalid_policy\"") {
                        refused += 1;
                        let document: Value = serde_json::from_str(&response).unwrap();
                        if document["error"]["problems"]
                            .as_array()
                            .is_none_or(Vec::is_empty)
                        {
                            broken.push(format!("definition {n} (seed {seed}): no problems"));
                        }
                    }
                }
                Err(rule) => broken.push(format!("definition {n} (seed {seed}): {rule}")),
            }
        }
    }
    // And the marker in every place of every definition in turn.
    for (n, definition) in definitions.iter().enumerate() {
        for variant in marked_variants(definition) {
            let request =
                json!({"policy": variant, "as_of": "2027-02-10", "events": events}).to_string();
            let response = evaluate_json(&request);
            let quoting = messages_quoting(&response, MARKER);
            if !quoting.is_empty() {
                broken.push(format!("definition {n}, marked: {quoting:?}"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} broken:\n{}",
        broken.len(),
        broken.join("\n")
    );
    assert!(refused > 100, "only {refused} definitions were refused");
}
