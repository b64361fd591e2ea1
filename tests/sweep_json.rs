//! `sweep_json` (CONTRACT section 10) against each case's own
//! `evaluate_json` answer: the fixtures of every process, swept together at
//! each fixture's date, give exactly the items, errors and figures their
//! own answers give, item by item and in order.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::{evaluate_json, sweep_json};
use serde_json::{Value, json};

use common::fixtures;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn date(value: &Value) -> NaiveDate {
    let text = value.as_str().expect("a date");
    NaiveDate::parse_from_str(&text[..10], "%Y-%m-%d").expect("YYYY-MM-DD")
}

/// Every request fixture of every process as a case (the illustrative
/// policy's given inline), without its `as_of`.
fn cases() -> Vec<Value> {
    let example: Value = parse(
        &std::fs::read_to_string(root().join("examples/policies/example-borough-2026.json"))
            .expect("the illustrative definition"),
    );
    let mut requests: Vec<Value> = fixtures::requests(root())
        .into_iter()
        .map(|(_, request)| request)
        .collect();
    for path in fixtures::json_files(&root().join("fixtures/example-borough-2026")) {
        let mut request = parse(&std::fs::read_to_string(path).expect("a fixture"));
        request["policy"] = example.clone();
        requests.push(request);
    }
    requests
}

/// A case's own evaluate request at `as_of`.
fn own_request(case: &Value, as_of: &str) -> Value {
    let mut request = case.clone();
    request["as_of"] = json!(as_of);
    request
}

/// The items a case's own answer puts in a tray at `as_of`, up to
/// `horizon`, in the order the answer writes them (kind, id, stage, what,
/// due, overdue, working days overdue).
fn expected_items(answer: &Value, as_of: NaiveDate, horizon: NaiveDate) -> Vec<Value> {
    let calendar = Calendar::uk(
        answer["calendar"]
            .as_str()
            .unwrap_or("england-and-wales")
            .parse::<Division>()
            .expect("a division"),
    );
    let mut items = Vec::new();
    let mut push =
        |kind: &str, id: &Value, stage: &Value, what: &Value, due: &Value, overdue: &Value| {
            let on = match due["kind"].as_str() {
                Some("by_end_of") => date(&due["date"]),
                Some("at") => date(&due["datetime"]),
                _ => return,
            };
            if on > horizon {
                return;
            }
            let between = calendar.working_days_between(as_of, on).expect("in range");
            let overdue = overdue.as_bool().expect("overdue");
            assert_eq!(
                overdue,
                on < as_of,
                "an answer's overdue is its due day passed"
            );
            items.push(json!({
                "case": null, "policy": answer["policy"], "kind": kind, "id": id, "stage": stage,
                "what": what, "due": due, "due_on": on.to_string(), "overdue": overdue,
                "working_days_overdue": if overdue { -between } else { 0 },
                "working_days_left": between.max(0),
            }));
        };
    match answer["policy"].as_str() {
        Some("gscp-serious-incident-2021") => {
            for clock in answer["clocks"].as_array().expect("clocks") {
                if clock["met_on"].is_null() {
                    push(
                        "clock",
                        &clock["name"],
                        &Value::Null,
                        &clock["what"],
                        &clock["due"],
                        &clock["overdue"],
                    );
                }
            }
        }
        Some("gscp-resolution-group-2021") => {
            for o in answer["obligations"].as_array().expect("obligations") {
                if o["done"] == false && o["lapsed_on"].is_null() {
                    push(
                        "referral",
                        &o["id"],
                        &o["stage"],
                        &o["what"],
                        &o["due"],
                        &o["overdue"],
                    );
                }
            }
        }
        _ => {
            let stage = &answer["stage"];
            if stage.is_object() && stage["clock_met_on"].is_null() {
                push(
                    "stage",
                    &Value::Null,
                    &stage["number"],
                    &stage["name"],
                    &stage["due"],
                    &answer["overdue"],
                );
            }
            for m in answer["milestones"].as_array().expect("milestones") {
                if m["met_on"].is_null() && m["lapsed_on"].is_null() {
                    push(
                        "milestone",
                        &m["name"],
                        &Value::Null,
                        &m["what"],
                        &m["due"],
                        &m["overdue"],
                    );
                }
            }
            for o in answer["obligations"].as_array().expect("obligations") {
                if o["done"] == false && o["lapsed_on"].is_null() {
                    push(
                        "obligation",
                        &o["id"],
                        &o["stage"],
                        &o["what"],
                        &o["due"],
                        &o["overdue"],
                    );
                }
            }
        }
    }
    // The stage's own working days overdue are the answer's.
    if let Some(stage) = items.iter_mut().find(|i| i["kind"] == "stage") {
        assert_eq!(
            stage["working_days_overdue"],
            answer["working_days_overdue"]
        );
    }
    items
}

/// Sweeps every case at `as_of` with a horizon, and checks the answer
/// against the cases' own answers.
fn check_sweep(
    cases: &[Value],
    as_of: &str,
    within: u32,
    kinds: &mut BTreeMap<String, usize>,
) -> (usize, usize) {
    let day = date(&json!(as_of));
    let horizon = Calendar::uk(Division::EnglandAndWales)
        .add_working_days(day, within)
        .expect("in range");
    let request = json!({
        "as_of": as_of,
        "within_working_days": within,
        "cases": cases.iter().enumerate().map(|(i, case)| {
            let mut case = case.clone();
            let object = case.as_object_mut().expect("an object");
            object.remove("as_of");
            object.insert("id".into(), json!(format!("case-{i}")));
            case
        }).collect::<Vec<_>>(),
    });
    let answer = parse(&sweep_json(&request.to_string()));
    assert!(answer.get("error").is_none(), "refused: {answer}");
    assert_eq!(answer["as_of"], as_of);
    assert_eq!(answer["within_working_days"], within);

    let mut expected: Vec<(NaiveDate, usize, usize, Value)> = Vec::new();
    let mut errors = Vec::new();
    let mut by_state: BTreeMap<String, u64> = BTreeMap::new();
    let mut incidents = 0;
    let mut referrals: BTreeMap<String, u64> = BTreeMap::new();
    for (i, case) in cases.iter().enumerate() {
        let own = parse(&evaluate_json(&own_request(case, as_of).to_string()));
        if own.get("error").is_some() {
            errors.push(json!({"case": format!("case-{i}"), "error": own["error"]}));
            continue;
        }
        match own["policy"].as_str() {
            Some("gscp-serious-incident-2021") => incidents += 1,
            Some("gscp-resolution-group-2021") => {
                *referrals
                    .entry(own["status"].as_str().unwrap().into())
                    .or_default() += 1
            }
            _ => {
                *by_state
                    .entry(own["status"].as_str().unwrap().into())
                    .or_default() += 1
            }
        }
        // A case on another calendar reaches its own horizon.
        let division: Division = own["calendar"].as_str().unwrap().parse().unwrap();
        let horizon = if division == Division::EnglandAndWales {
            horizon
        } else {
            Calendar::uk(division)
                .add_working_days(day, within)
                .unwrap()
        };
        for (place, mut item) in expected_items(&own, day, horizon).into_iter().enumerate() {
            item["case"] = json!(format!("case-{i}"));
            expected.push((date(&item["due_on"]), i, place, item));
        }
    }
    expected.sort_by_key(|a| (a.0, a.1, a.2));
    let expected: Vec<Value> = expected.into_iter().map(|(.., item)| item).collect();
    let items = answer["items"].as_array().expect("items");
    assert_eq!(items.len(), expected.len(), "at {as_of} within {within}");
    for (got, want) in items.iter().zip(&expected) {
        assert_eq!(got, want, "at {as_of} within {within}");
        *kinds
            .entry(got["kind"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    assert_eq!(answer["errors"], Value::Array(errors.clone()), "at {as_of}");

    let summary = &answer["summary"];
    assert_eq!(summary["cases"], by_state.values().sum::<u64>());
    assert_eq!(summary["by_state"], json!(by_state));
    assert_eq!(summary["serious_incidents"]["incidents"], incidents);
    assert_eq!(summary["referrals"]["by_status"], json!(referrals));
    (items.len(), errors.len())
}

#[test]
fn the_tray_agrees_item_by_item_with_each_cases_own_answer() {
    let cases = cases();
    let mut dates: Vec<String> = cases
        .iter()
        .map(|c| c["as_of"].as_str().expect("as_of").to_string())
        .collect();
    dates.sort();
    dates.dedup();
    let (mut items, mut errors, mut kinds) = (0, 0, BTreeMap::new());
    // Each date with one of three horizons in turn: none, a few days, a
    // fortnight.
    for (n, as_of) in dates.iter().enumerate() {
        let within = [0, 3, 10][n % 3];
        let (i, e) = check_sweep(&cases, as_of, within, &mut kinds);
        items += i;
        errors += e;
    }
    // The check covered every kind of item, and cases refused at a date
    // before their events.
    assert!(items > 50 && errors > 50, "{items} items, {errors} errors");
    let kinds: Vec<&str> = kinds.keys().map(String::as_str).collect();
    assert_eq!(
        kinds,
        ["clock", "milestone", "obligation", "referral", "stage"]
    );
}

fn refused(request: Value) -> Value {
    let answer = parse(&sweep_json(&request.to_string()));
    answer
        .get("error")
        .cloned()
        .unwrap_or_else(|| panic!("answered: {answer}"))
}

fn case(id: &str) -> Value {
    json!({"id": id, "policy": "swindon-resolution-2026",
           "events": [{"type": "raised", "on": "2027-01-04"}]})
}

#[test]
fn ids_that_are_not_keys_or_are_repeated_refuse_the_request_without_being_repeated() {
    for bad in ["Jane Doe", "", "née", &"x".repeat(65), "a/b"] {
        let error = refused(json!({"as_of": "2027-01-05", "cases": [case("ok"), case(bad)]}));
        assert_eq!(error["code"], "invalid_field");
        let message = error["message"].as_str().unwrap();
        assert!(message.starts_with("cases[1].id: "), "{message}");
        if !bad.is_empty() {
            assert!(!message.contains(bad), "{message}");
        }
    }
    let error =
        refused(json!({"as_of": "2027-01-05", "cases": [case("child-7"), case("child-7")]}));
    assert_eq!(error["code"], "invalid_field");
    let message = error["message"].as_str().unwrap();
    assert!(
        message.starts_with("cases[1].id: ") && !message.contains("child-7"),
        "{message}"
    );
    for id in [json!(7), Value::Null] {
        let mut c = case("x");
        c["id"] = id;
        assert_eq!(
            refused(json!({"as_of": "2027-01-05", "cases": [c]}))["code"],
            "invalid_field"
        );
    }
    let mut c = case("x");
    c.as_object_mut().unwrap().remove("id");
    assert!(
        refused(json!({"as_of": "2027-01-05", "cases": [c]}))["message"]
            .as_str()
            .unwrap()
            .starts_with("cases[0].id: missing")
    );
    // Every character a key may hold, up to 64 of them.
    let long = format!("A.z_0:9-{}", "x".repeat(56));
    let answer = parse(&sweep_json(
        &json!({"as_of": "2027-01-05", "within_working_days": 1, "cases": [case(&long)]})
            .to_string(),
    ));
    assert_eq!(answer["items"][0]["case"], long.as_str());
}

#[test]
fn the_horizon_is_a_whole_number_within_the_calendar() {
    for within in [json!(-1), json!(1.5), json!("2")] {
        let error =
            refused(json!({"as_of": "2027-01-05", "within_working_days": within, "cases": []}));
        assert_eq!(error["code"], "invalid_field");
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .starts_with("within_working_days: ")
        );
    }
    for within in [json!(100_000), json!(u64::MAX)] {
        let error =
            refused(json!({"as_of": "2027-01-05", "within_working_days": within, "cases": []}));
        assert_eq!(error["code"], "out_of_calendar_range");
    }
    let answer = parse(&sweep_json(r#"{"as_of": "2027-01-05", "cases": []}"#));
    assert_eq!(
        answer,
        json!({"as_of": "2027-01-05", "within_working_days": 0, "items": [], "errors": [],
               "summary": {"cases": 0, "by_state": {}, "concluded_at_stage": {}, "within_time": 0,
                           "ended": 0, "mean_working_days_to_end": null,
                           "serious_incidents": {"incidents": 0, "by_status": {}, "clocks": {},
                                                 "notified": 0, "mean_working_days_to_notify": null},
                           "referrals": {"referrals": 0, "by_status": {}}}})
    );
}

#[test]
fn a_request_wrong_as_a_whole_is_the_usual_error_document() {
    assert_eq!(
        parse(&sweep_json("not json"))["error"]["code"],
        "invalid_json"
    );
    assert_eq!(refused(json!({"cases": []}))["message"], "as_of: missing");
    assert_eq!(
        refused(json!({"as_of": "2027-01-05"}))["message"],
        "cases: missing"
    );
    assert_eq!(
        refused(json!({"as_of": "2027-01-05", "calendar": "mars", "cases": []}))["code"],
        "unknown_calendar"
    );
    let error = refused(json!({"as_of": "2027-01-05", "cases": [], "child": "Jane Doe"}));
    assert!(!error["message"].as_str().unwrap().contains("Jane"));
    assert_eq!(
        refused(json!({"as_of": "2027-01-05", "cases": ["Jane Doe"]}))["code"],
        "invalid_field"
    );
}

#[test]
fn a_case_keeps_its_own_calendar_and_the_sweeps_as_of() {
    // North Somerset's stage 1, one working day after Thursday 31 December
    // 2026: Monday 4 January 2027 in England and Wales, Tuesday 5 in
    // Scotland (the sweep's calendar) where 4 January is 2 January's
    // substitute.
    let nsscp = |id: &str| {
        json!({"id": id, "policy": "nsscp-issue-resolution-2025",
               "events": [{"type": "raised", "on": "2026-12-31"}]})
    };
    let mut english = nsscp("english");
    english["calendar"] = json!("england-and-wales");
    let answer = parse(&sweep_json(
        &json!({"as_of": "2026-12-31", "calendar": "scotland", "within_working_days": 2,
                "cases": [nsscp("scottish"), english]})
        .to_string(),
    ));
    let stages: Vec<(&str, &str)> = answer["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "stage")
        .map(|i| (i["case"].as_str().unwrap(), i["due_on"].as_str().unwrap()))
        .collect();
    assert_eq!(
        stages,
        [("english", "2027-01-04"), ("scottish", "2027-01-05")]
    );
    // A case may not bring its own date.
    let mut dated = nsscp("dated");
    dated["as_of"] = json!("2027-01-01");
    let answer = parse(&sweep_json(
        &json!({"as_of": "2026-12-31", "cases": [dated]}).to_string(),
    ));
    assert_eq!(answer["errors"][0]["case"], "dated");
    assert_eq!(answer["errors"][0]["error"]["code"], "invalid_field");
}
