//! Policy definitions (CONTRACT section 7) tried as a policy author would:
//! each expectation is worked out by hand from the definition, the
//! contract's clock rules and GOV.UK's bank holidays, never copied from the
//! library's output.

mod common;

use std::path::Path;

use safeguarding_resolution::policy::{Policy, PolicyId};
use safeguarding_resolution::{Engine, evaluate_json, policy_definition_json};
use serde_json::{Value, json};

fn example() -> Value {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/policies/example-borough-2026.json"),
    )
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn evaluate(policy: &Value, calendar: &str, as_of: &str, events: Value) -> Value {
    let request = json!({"policy": policy, "calendar": calendar, "as_of": as_of, "events": events});
    serde_json::from_str(&evaluate_json(&request.to_string())).unwrap()
}

fn problems(response: &Value) -> Vec<&str> {
    assert_eq!(response["error"]["code"], "invalid_policy", "{response}");
    response["error"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect()
}

fn minimal(stages: Value) -> Value {
    json!({"id": "minimal-2026", "name": "Minimal", "stages": stages})
}

#[test]
fn a_minimal_document_runs_and_its_last_stage_decides() {
    let policy = minimal(json!([
        {"number": 1, "name": "Practitioners", "clock": {"kind": "working_days_after_raised", "days": 2}},
        {"number": 2, "name": "Managers", "clock": {"kind": "working_days_after_start", "days": 3}}
    ]));
    // Raised Monday 1 March 2027: stage 1 due Wednesday 3 March.
    let r = evaluate(
        &policy,
        "england-and-wales",
        "2027-03-01",
        json!([{"type": "raised", "on": "2027-03-01"}]),
    );
    assert_eq!(r["policy"], "minimal-2026");
    assert_eq!(r["stage"]["due"]["date"], "2027-03-03");
    assert_eq!(
        r["next"],
        json!(["escalated", "resolved", "withdrawn", "immediate_risk"])
    );
    // Escalated Thursday 4 March: stage 2 due 3 working days later, Tuesday 9.
    let events = json!([
        {"type": "raised", "on": "2027-03-01"},
        {"type": "escalated", "on": "2027-03-04"}
    ]);
    let r = evaluate(&policy, "england-and-wales", "2027-03-10", events.clone());
    assert_eq!(r["stage"]["number"], 2);
    assert_eq!(r["stage"]["due"]["date"], "2027-03-09");
    assert_eq!(
        (r["overdue"].clone(), r["working_days_overdue"].clone()),
        (json!(true), json!(1))
    );
    // Stage 1 was due on the 3rd and ended on the 4th: late.
    assert_eq!(r["history"][0]["within_time"], false);
    // The last stage decides; it cannot escalate.
    assert_eq!(
        r["next"],
        json!(["resolved", "decided", "withdrawn", "immediate_risk"])
    );
    let mut decided = events.as_array().unwrap().clone();
    decided.push(json!({"type": "decided", "on": "2027-03-10"}));
    let r = evaluate(&policy, "england-and-wales", "2027-03-10", json!(decided));
    assert_eq!(r["status"], "decided");
    assert_eq!(r["stage"], Value::Null);
    // A decision at the first stage is refused, as is escalating past the last.
    let early = json!([
        {"type": "raised", "on": "2027-03-01"},
        {"type": "decided", "on": "2027-03-02"}
    ]);
    let r = evaluate(&policy, "england-and-wales", "2027-03-02", early);
    assert_eq!(r["error"]["code"], "invalid_transition");
    assert_eq!(r["error"]["event_index"], 1);
    let past = json!([
        {"type": "raised", "on": "2027-03-01"},
        {"type": "escalated", "on": "2027-03-02"},
        {"type": "escalated", "on": "2027-03-03"}
    ]);
    let r = evaluate(&policy, "england-and-wales", "2027-03-03", past);
    assert_eq!(r["error"]["code"], "invalid_transition");
    assert_eq!(r["error"]["event_index"], 2);
}

#[test]
fn an_hour_clock_with_a_time_of_day_is_due_at_that_time() {
    // Raised Monday 4 January 2027 at 09:30: 48 hours is Wednesday 09:30.
    let events = json!([{"type": "raised", "on": "2027-01-04T09:30"}]);
    let r = evaluate(
        &example(),
        "england-and-wales",
        "2027-01-06",
        events.clone(),
    );
    assert_eq!(
        r["stage"]["due"],
        json!({"kind": "at", "datetime": "2027-01-06T09:30",
               "rule": "the practitioners discuss the concern within 48 hours of it arising (Example Borough, Stage 1)"})
    );
    assert_eq!(r["overdue"], false);
    // Thursday: a day late.
    let r = evaluate(&example(), "england-and-wales", "2027-01-07", events);
    assert_eq!(
        (r["overdue"].clone(), r["working_days_overdue"].clone()),
        (json!(true), json!(1))
    );
}

#[test]
fn an_hour_clock_without_a_time_counts_calendar_days() {
    // Raised Friday 8 January 2027, no time: 48 hours is by the end of the
    // calendar day two days later, Sunday 10 January (not a working day).
    let events = json!([{"type": "raised", "on": "2027-01-08"}]);
    let r = evaluate(
        &example(),
        "england-and-wales",
        "2027-01-10",
        events.clone(),
    );
    assert_eq!(r["stage"]["due"]["kind"], "by_end_of");
    assert_eq!(r["stage"]["due"]["date"], "2027-01-10");
    assert_eq!(r["overdue"], false);
    // Monday 11th is past it by one working day.
    let r = evaluate(&example(), "england-and-wales", "2027-01-11", events);
    assert_eq!(
        (r["overdue"].clone(), r["working_days_overdue"].clone()),
        (json!(true), json!(1))
    );
    // 36 hours round up to two days as well; 24 hours is one.
    let policy = minimal(json!([
        {"number": 1, "name": "A", "clock": {"kind": "hours_after_start", "hours": 36}},
        {"number": 2, "name": "B", "clock": {"kind": "hours_after_start", "hours": 24}}
    ]));
    let events = json!([
        {"type": "raised", "on": "2027-01-08"},
        {"type": "escalated", "on": "2027-01-12T17:15"}
    ]);
    let r = evaluate(
        &policy,
        "england-and-wales",
        "2027-01-12",
        json!([events[0]]),
    );
    assert_eq!(r["stage"]["due"]["date"], "2027-01-10");
    // The second stage starts with a time of day: due at that time a day on.
    let r = evaluate(&policy, "england-and-wales", "2027-01-12", events);
    assert_eq!(r["stage"]["due"]["datetime"], "2027-01-13T17:15");
}

#[test]
fn a_priority_clock_on_the_scottish_calendar() {
    // Escalated Thursday 31 December 2026 with no priority: the default,
    // standard, is five working days. In Scotland 1 January is New Year's
    // Day and Monday 4 January the substitute for 2 January, so the count
    // runs 5, 6, 7, 8, 11 January: due Monday 11 January 2027. In England
    // and Wales 4 January is a working day: due Friday 8 January.
    let events = json!([
        {"type": "raised", "on": "2026-12-30"},
        {"type": "escalated", "on": "2026-12-31"}
    ]);
    let r = evaluate(&example(), "scotland", "2027-01-11", events.clone());
    assert_eq!(r["stage"]["due"]["date"], "2027-01-11");
    assert_eq!(r["overdue"], false);
    let r = evaluate(&example(), "england-and-wales", "2027-01-11", events);
    assert_eq!(r["stage"]["due"]["date"], "2027-01-08");
    assert_eq!(r["working_days_overdue"], 1);
    // Urgent: 24 hours from the escalation at 16:00 on 31 December.
    let urgent = json!([
        {"type": "raised", "on": "2026-12-30T10:00", "priority": "urgent"},
        {"type": "escalated", "on": "2026-12-31T16:00"}
    ]);
    let r = evaluate(&example(), "scotland", "2027-01-05", urgent);
    assert_eq!(r["stage"]["due"]["datetime"], "2027-01-01T16:00");
    assert_eq!(r["overdue"], true);
    // From Friday 1 January to Tuesday 5 January in Scotland: only the 5th
    // is a working day (the 4th is the substitute holiday).
    assert_eq!(r["working_days_overdue"], 1);
    // A priority the policy does not have is refused at its place.
    let wrong = json!([{"type": "raised", "on": "2026-12-30", "priority": "Jane Doe"}]);
    let r = evaluate(&example(), "scotland", "2026-12-30", wrong);
    assert_eq!(r["error"]["code"], "invalid_field");
    let message = r["error"]["message"].as_str().unwrap();
    assert!(message.starts_with("events[0].priority"), "{message}");
    assert!(!message.contains("Jane"), "{message}");
}

#[test]
fn a_skip_needs_the_immediate_risk_it_names_and_meets_the_milestone() {
    // Raised Monday 1 February 2027; a risk of immediate harm on Tuesday 2,
    // and the case goes straight to the independent chair the same day.
    let events = json!([
        {"type": "raised", "on": "2027-02-01"},
        {"type": "immediate_risk", "on": "2027-02-02"},
        {"type": "escalated", "on": "2027-02-02", "to_stage": 4}
    ]);
    let r = evaluate(
        &example(),
        "england-and-wales",
        "2027-02-03",
        events.clone(),
    );
    assert_eq!(r["stage"]["number"], 4);
    assert_eq!(r["stage"]["due"]["kind"], "none");
    // The duty to tell the safeguarding lead: the same day, not yet done.
    let duty = &r["obligations"][0];
    assert_eq!(
        duty["what"],
        "Tell the agency's designated safeguarding lead of the risk"
    );
    assert_eq!(duty["due"]["date"], "2027-02-02");
    assert_eq!(duty["overdue"], true);
    // Day 10 is 10 working days after 1 February: Monday 15 February. The
    // case left stage 2 (skipping it) on the 2nd, in time.
    let day10 = &r["milestones"][0];
    assert_eq!(day10["due"]["date"], "2027-02-15");
    assert_eq!(day10["met_on"], "2027-02-02");
    assert_eq!(day10["met_in_time"], true);
    // Without the risk, the skip is refused.
    let no_risk = json!([
        {"type": "raised", "on": "2027-02-01"},
        {"type": "escalated", "on": "2027-02-02", "to_stage": 4}
    ]);
    let r = evaluate(&example(), "england-and-wales", "2027-02-02", no_risk);
    assert_eq!(r["error"]["code"], "invalid_transition");
    assert_eq!(r["error"]["event_index"], 1);
}

#[test]
fn milestones_are_met_by_leaving_their_stage_and_lapse_when_the_case_ends_first() {
    let day10 = |events: Value, as_of: &str| {
        let r = evaluate(&example(), "england-and-wales", as_of, events);
        r["milestones"][0].clone()
    };
    // Resolved at stage 2 on Wednesday 10 February: stage 2 complete.
    let m = day10(
        json!([
            {"type": "raised", "on": "2027-02-01"},
            {"type": "escalated", "on": "2027-02-03"},
            {"type": "resolved", "on": "2027-02-10"}
        ]),
        "2027-02-10",
    );
    assert_eq!(
        (m["met_on"].clone(), m["lapsed_on"].clone()),
        (json!("2027-02-10"), Value::Null)
    );
    // Escalated to stage 3 after Day 10: met, late.
    let m = day10(
        json!([
            {"type": "raised", "on": "2027-02-01"},
            {"type": "escalated", "on": "2027-02-03"},
            {"type": "escalated", "on": "2027-02-16"}
        ]),
        "2027-02-16",
    );
    assert_eq!(
        (m["met_on"].clone(), m["met_in_time"].clone()),
        (json!("2027-02-16"), json!(false))
    );
    // Resolved at stage 1: the case ended before reaching stage 2.
    let m = day10(
        json!([
            {"type": "raised", "on": "2027-02-01"},
            {"type": "resolved", "on": "2027-02-02"}
        ]),
        "2027-02-20",
    );
    assert_eq!(
        (m["met_on"].clone(), m["lapsed_on"].clone()),
        (Value::Null, json!("2027-02-02"))
    );
    assert_eq!(m["overdue"], false);
    // Still at stage 2 after Day 10: overdue.
    let m = day10(
        json!([
            {"type": "raised", "on": "2027-02-01"},
            {"type": "escalated", "on": "2027-02-03"}
        ]),
        "2027-02-16",
    );
    assert_eq!(m["overdue"], true);
}

#[test]
fn malformed_definitions_are_refused_with_every_problem_and_its_path() {
    let stage = |n: u64| json!({"number": n, "name": "A stage", "clock": {"kind": "not_stated"}});
    let cases: Vec<(Value, Vec<&str>)> = vec![
        // Missing everything required.
        (json!({}), vec!["id", "name", "stages"]),
        // An id with capitals, an unknown key, no stages.
        (
            json!({"id": "Child Name", "name": "X", "stages": [], "colour": "red"}),
            vec!["colour", "id", "stages"],
        ),
        // A gap and a repeat in the numbering.
        (
            minimal(json!([stage(1), stage(3), stage(3)])),
            vec!["stages[1].number", "stages[2].number"],
        ),
        // Zero and negative days, an unknown clock kind.
        (
            minimal(json!([
                {"number": 1, "name": "A", "clock": {"kind": "working_days_after_raised", "days": 0}},
                {"number": 2, "name": "B", "clock": {"kind": "working_days_after_start", "days": -2}},
                {"number": 3, "name": "C", "clock": {"kind": "fortnightly"}}
            ])),
            vec![
                "stages[0].clock.days",
                "stages[1].clock.days",
                "stages[2].clock.kind",
            ],
        ),
        // A priority clock whose default is not one of its names.
        (
            minimal(
                json!([{"number": 1, "name": "A", "clock": {"kind": "by_priority",
                "priorities": {"urgent": {"kind": "hours_after_start", "hours": 4}}, "default": "normal"}}]),
            ),
            vec!["stages[0].clock.default"],
        ),
        // A skip to a stage that does not exist, a milestone naming one.
        (
            json!({"id": "x", "name": "X", "stages": [stage(1), stage(2)],
                   "skips": [{"to": [5]}],
                   "milestones": [{"name": "Day 5", "working_days_after_raised": 5, "met_on_leaving_stage": 7}]}),
            vec!["skips[0].to[0]", "milestones[0].met_on_leaving_stage"],
        ),
        // Obligations naming a missing stage and a missing record.
        (
            json!({"id": "x", "name": "X", "stages": [stage(1), stage(2)],
            "obligations": [
              {"id": "a", "what": "A", "trigger": {"on": "stage_entered", "stages": [9]}, "due": {"kind": "immediately"}},
              {"id": "b", "what": "B", "trigger": {"on": "recorded", "record": "nowhere"}, "due": {"kind": "immediately"}}
            ]}),
            vec![
                "obligations[0].trigger.stages[0]",
                "obligations[1].trigger.record",
            ],
        ),
        // A stage whose clock is met by a record the policy does not have.
        (
            json!({"id": "x", "name": "X", "stages": [
                {"number": 1, "name": "A", "clock": {"kind": "not_stated"}, "clock_met_by": "contact"},
                stage(2)]}),
            vec!["stages[0].clock_met_by"],
        ),
        // A stage with no way on, so the next cannot be reached.
        (
            json!({"id": "x", "name": "X", "stages": [
                {"number": 1, "name": "A", "clock": {"kind": "not_stated"}, "escalates": false},
                stage(2)]}),
            vec!["stages[0]", "stages[1]"],
        ),
        // Duplicate ids of areas and records.
        (
            json!({"id": "x", "name": "X", "stages": [stage(1)],
                   "areas": [{"id": "a", "text": "A"}, {"id": "a", "text": "B"}],
                   "records": [{"id": "r", "what": "R"}, {"id": "r", "what": "S"}]}),
            vec!["records[1].id", "areas[1].id"],
        ),
        // Wrong types throughout.
        (
            json!({"id": 7, "name": ["X"], "stages": [{"number": "one", "name": 2, "clock": "soon"}]}),
            vec![
                "id",
                "name",
                "stages[0].number",
                "stages[0].name",
                "stages[0].clock",
            ],
        ),
    ];
    let events = json!([{"type": "raised", "on": "2027-03-01"}]);
    for (definition, expected) in cases {
        let r = evaluate(
            &definition,
            "england-and-wales",
            "2027-03-01",
            events.clone(),
        );
        let mut found = problems(&r);
        let mut expected = expected;
        found.sort_unstable();
        expected.sort_unstable();
        assert_eq!(found, expected, "{definition}: {r}");
        // No value of the document comes back.
        let text = r.to_string();
        assert!(
            !text.contains("Child Name")
                && !text.contains("fortnightly")
                && !text.contains("red\""),
            "{text}"
        );
        // The engine refuses it the same way and stays as it was.
        let engine = Engine::new();
        let error = engine.add_policy_json(&definition.to_string()).unwrap_err();
        assert_eq!(error.code(), "invalid_policy");
        assert_eq!(engine.policy_ids().len(), 3);
    }
}

#[test]
fn every_builtin_given_inline_answers_every_fixture_as_its_id_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut compared = 0;
    for (path, request, id) in common::fixtures::escalation_requests(root) {
        let definition: Value = serde_json::from_str(&policy_definition_json(id.as_str())).unwrap();
        let by_id = evaluate_json(&request.to_string());
        let mut inline = request.clone();
        inline["policy"] = definition;
        assert_eq!(
            evaluate_json(&inline.to_string()),
            by_id,
            "{}",
            path.display()
        );
        compared += 1;
    }
    assert!(compared >= 40, "{compared} fixtures compared");
}

#[test]
fn an_added_policy_is_named_by_its_id_and_answers_as_inline() {
    let engine = Engine::new();
    engine.add_policy_json(&example().to_string()).unwrap();
    let events = json!([
        {"type": "raised", "on": "2027-01-04T09:30"},
        {"type": "escalated", "on": "2027-01-05T11:00"}
    ]);
    let by_id = json!({"policy": "example-borough-2026", "as_of": "2027-01-06", "events": events});
    let inline = json!({"policy": example(), "as_of": "2027-01-06", "events": events});
    assert_eq!(
        engine.evaluate_json(&by_id.to_string()),
        evaluate_json(&inline.to_string())
    );
    // Its definition comes back as a document that loads to the same policy.
    let back = engine.policy_definition_json("example-borough-2026");
    let loaded = Policy::from_definition_json(&back).unwrap();
    assert_eq!(
        Some(&loaded),
        engine.policy("example-borough-2026").as_deref()
    );
    // Without the engine, the id is unknown.
    let r: Value = serde_json::from_str(&evaluate_json(&by_id.to_string())).unwrap();
    assert_eq!(r["error"]["code"], "unknown_policy");
    // The library's own ids cannot be taken.
    let mut taken = example();
    taken["id"] = json!("swindon-resolution-2026");
    assert!(engine.add_policy_json(&taken.to_string()).is_err());
}

#[test]
fn every_builtin_document_round_trips() {
    for id in PolicyId::ALL {
        let text = policy_definition_json(id.as_str());
        let policy = Policy::from_definition_json(&text).unwrap();
        assert_eq!(&policy, Policy::get(id));
        assert_eq!(policy.to_definition_json(), text);
    }
}

#[test]
fn the_format_page_shows_the_diagram_of_the_illustrative_policy() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join("docs/policy-format.md")).unwrap();
    let policy = Policy::from_definition(&example()).unwrap();
    let expected = safeguarding_resolution::policy::diagram::mermaid(&policy);
    let start = page.find("```mermaid\n").expect("a mermaid block") + "```mermaid\n".len();
    let end = start + page[start..].find("```").unwrap();
    assert_eq!(
        &page[start..end],
        expected,
        "docs/policy-format.md: the diagram has drifted from examples/policies/example-borough-2026.json"
    );
}

#[test]
fn the_illustrative_scenarios_answer_as_worked_out_by_hand() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let engine = Engine::new();
    engine.add_policy_json(&example().to_string()).unwrap();
    let answer = |name: &str| -> Value {
        let scenario =
            std::fs::read_to_string(root.join("fixtures/example-borough-2026").join(name)).unwrap();
        // A scenario carries its expected values (`expect`) beside the request.
        let mut request: Value = serde_json::from_str(&scenario).unwrap();
        request.as_object_mut().unwrap().remove("expect");
        serde_json::from_str(&engine.evaluate_json(&request.to_string())).unwrap()
    };
    let r = answer("01-48-hours-from-a-time-of-day.json");
    assert_eq!(r["stage"]["due"]["datetime"], "2027-01-06T09:30");
    assert_eq!(r["working_days_overdue"], 1);
    let r = answer("02-48-hours-over-a-weekend.json");
    assert_eq!(r["stage"]["due"]["date"], "2027-01-10");
    assert_eq!(r["working_days_overdue"], 1);
    let r = answer("03-urgent-priority-scotland-new-year.json");
    assert_eq!(r["stage"]["due"]["datetime"], "2027-01-01T16:00");
    assert_eq!(r["working_days_overdue"], 1);
    let r = answer("04-standard-priority-scotland-new-year.json");
    assert_eq!(r["stage"]["due"]["date"], "2027-01-11");
    assert_eq!(r["overdue"], false);
    let r = answer("05-immediate-risk-straight-to-the-chair.json");
    assert_eq!(r["status"], "decided");
    assert_eq!(r["milestones"][0]["met_on"], "2027-02-02");
    assert_eq!(r["obligations"][0]["due"]["date"], "2027-02-02");
    let r = answer("06-invalid-skip-without-immediate-risk.json");
    assert_eq!(r["error"]["code"], "invalid_transition");
    assert_eq!(r["error"]["event_index"], 1);
    let r = answer("07-resolved-at-stage-1-day-10-lapses.json");
    assert_eq!(r["milestones"][0]["lapsed_on"], "2027-02-02");
}

#[test]
fn a_withdrawal_meets_a_leaving_milestone_only_where_the_definition_says_so() {
    let policy = |by_withdrawal: bool| {
        json!({"id": "m", "name": "M", "stages": [
            {"number": 1, "name": "A", "clock": {"kind": "not_stated"}},
            {"number": 2, "name": "B", "clock": {"kind": "not_stated"}}],
          "milestones": [{"name": "Day 3", "working_days_after_raised": 3,
                          "met_on_leaving_stage": 1, "met_by_withdrawal": by_withdrawal}]})
    };
    // Raised Monday 1 March 2027, withdrawn at stage 1 on Tuesday 2.
    let events = json!([
        {"type": "raised", "on": "2027-03-01"},
        {"type": "withdrawn", "on": "2027-03-02"}
    ]);
    let r = evaluate(
        &policy(false),
        "england-and-wales",
        "2027-03-10",
        events.clone(),
    );
    let m = &r["milestones"][0];
    assert_eq!(
        (m["met_on"].clone(), m["lapsed_on"].clone()),
        (Value::Null, json!("2027-03-02"))
    );
    let r = evaluate(&policy(true), "england-and-wales", "2027-03-10", events);
    let m = &r["milestones"][0];
    // Day 3 is Thursday 4 March: met on the 2nd, in time.
    assert_eq!(m["due"]["date"], "2027-03-04");
    assert_eq!(
        (m["met_on"].clone(), m["met_in_time"].clone()),
        (json!("2027-03-02"), json!(true))
    );
    // Only a leaving milestone can say so.
    let wrong = json!({"id": "m", "name": "M", "stages": [
        {"number": 1, "name": "A", "clock": {"kind": "not_stated"}}],
      "milestones": [{"name": "X", "working_days_after_raised": 3,
                      "met_on_entering_stage": 1, "met_by_withdrawal": true}]});
    let r = evaluate(
        &wrong,
        "england-and-wales",
        "2027-03-01",
        json!([{"type": "raised", "on": "2027-03-01"}]),
    );
    assert_eq!(problems(&r), ["milestones[0].met_by_withdrawal"]);
}

#[test]
fn a_refused_item_keeps_the_paths_after_it_and_can_still_be_named() {
    let stage =
        |n: u8| json!({"number": n, "name": format!("Stage {n}"), "clock": {"kind": "not_stated"}});
    let definition = json!({
        "id": "paths-2026",
        "name": "Paths",
        "stages": [
            {"number": 1, "name": "One", "clock": {"kind": "not_stated"}, "clock_met_by": "first"},
            stage(2)
        ],
        "obligations": [
            // Refused: an unknown due kind.
            {"id": "first", "what": "First", "trigger": {"on": "raised"}, "due": {"kind": "soon"}},
            // Its own problem is at index 1, not 0.
            {"id": "second", "what": "Second", "trigger": {"on": "stage_entered", "stages": [9]},
             "due": {"kind": "not_stated"}},
            // Names a record refused for want of its `what`: not unknown.
            {"id": "third", "what": "Third", "trigger": {"on": "recorded", "record": "made"},
             "due": {"kind": "not_stated"}}
        ],
        "records": [{"id": "made"}],
        "milestones": [
            {"name": "Day 3"},
            {"name": "Day 5", "working_days_after_raised": 5, "met_on_leaving_stage": 7}
        ],
        "skips": [{"to": "two"}, {"to": [8]}],
        "default_record": "made"
    });
    let response = evaluate(
        &definition,
        "england-and-wales",
        "2027-02-01",
        json!([{"type": "raised", "on": "2027-02-01"}]),
    );
    assert_eq!(
        problems(&response),
        [
            "obligations[0].due.kind",
            "records[0].what",
            "milestones[0].working_days_after_raised",
            "milestones[0].met_on_leaving_stage",
            "skips[0].to",
            "obligations[1].trigger.stages[0]",
            "milestones[1].met_on_leaving_stage",
            "skips[1].to[0]",
        ]
    );
}

/// A two-stage policy with the given obligations.
fn with_obligations(obligations: Value) -> Value {
    json!({"id": "round-three-2026", "name": "Round three",
        "stages": [
            {"number": 1, "name": "Practitioners", "clock": {"kind": "working_days_after_start", "days": 2}},
            {"number": 2, "name": "Managers", "clock": {"kind": "not_stated"}}],
        "obligations": obligations})
}

fn due_of<'v>(answer: &'v Value, id: &str) -> &'v Value {
    answer["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {answer}"))
}

#[test]
fn same_working_day_is_that_day_or_the_next_working_day() {
    // "escalated on the same working day"
    let policy = with_obligations(json!([
        {"id": "escalate_same_day", "what": "Escalate", "trigger": {"on": "immediate_risk"},
         "due": {"kind": "same_working_day"}}]));
    let due = |raised: &str, risk: &str| -> Value {
        let a = evaluate(
            &policy,
            "england-and-wales",
            risk,
            json!([
            {"type": "raised", "on": raised}, {"type": "immediate_risk", "on": risk}]),
        );
        due_of(&a, "escalate_same_day")["due"].clone()
    };
    // Wednesday 23 December 2026, a working day: that day.
    assert_eq!(due("2026-12-21", "2026-12-23")["date"], "2026-12-23");
    // Saturday 26 December 2026: Sunday, then Boxing Day's substitute on
    // Monday 28th: Tuesday 29th.
    assert_eq!(due("2026-12-21", "2026-12-26")["date"], "2026-12-29");
    // Good Friday 2027 (26 March): Easter Monday too, so Tuesday 30 March.
    assert_eq!(due("2027-03-22", "2027-03-26")["date"], "2027-03-30");
    // The document writes it back.
    let loaded = Policy::from_definition_json(&policy.to_string()).unwrap();
    let again: Value = serde_json::from_str(&loaded.to_definition_json()).unwrap();
    assert_eq!(again["obligations"][0]["due"]["kind"], "same_working_day");
}

#[test]
fn an_obligation_may_arise_when_another_is_met() {
    // "within 1 working day ... then within a further 1 working day"
    let policy = with_obligations(json!([
        {"id": "first_step", "what": "First", "trigger": {"on": "stage_entered", "stages": [1]},
         "due": {"kind": "working_days_after", "days": 1}},
        {"id": "second_step", "what": "Second", "trigger": {"on": "recorded", "record": "first_step"},
         "due": {"kind": "working_days_after", "days": 1}}]));
    // Raised Thursday 24 December 2026: the first step is due Tuesday 29th
    // (Christmas Day and Boxing Day's substitute skipped); no second step yet.
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2026-12-24",
        json!([{"type": "raised", "on": "2026-12-24"}]),
    );
    assert_eq!(due_of(&a, "first_step")["due"]["date"], "2026-12-29");
    assert_eq!(a["obligations"].as_array().unwrap().len(), 1);
    // Met on Tuesday 29th: the second is due Wednesday 30th.
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2026-12-29",
        json!([
        {"type": "raised", "on": "2026-12-24"},
        {"type": "recorded", "record": "first_step", "on": "2026-12-29"}]),
    );
    let second = due_of(&a, "second_step");
    assert_eq!(
        (second["arose_on"].clone(), second["due"]["date"].clone()),
        (json!("2026-12-29"), json!("2026-12-30"))
    );
    // Met late, on Thursday 31st: counted from then, past New Year's Day:
    // Monday 4 January 2027.
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2026-12-31",
        json!([
        {"type": "raised", "on": "2026-12-24"},
        {"type": "recorded", "record": "first_step", "on": "2026-12-31"}]),
    );
    assert_eq!(due_of(&a, "second_step")["due"]["date"], "2027-01-04");
    // An obligation cannot follow itself.
    let looped = with_obligations(json!([
        {"id": "again", "what": "Again", "trigger": {"on": "recorded", "record": "again"},
         "due": {"kind": "not_stated"}}]));
    let a = evaluate(
        &looped,
        "england-and-wales",
        "2026-12-24",
        json!([{"type": "raised", "on": "2026-12-24"}]),
    );
    assert_eq!(problems(&a), ["obligations[0].trigger.record"]);
}

#[test]
fn a_priority_given_on_escalation_replaces_the_one_before() {
    let by_priority = json!({"kind": "by_priority",
        "priorities": {"urgent": {"kind": "hours_after_start", "hours": 24},
                       "standard": {"kind": "working_days_after_start", "days": 5}},
        "default": "standard"});
    let policy = json!({"id": "urgency-2026", "name": "Urgency decided later", "stages": [
        {"number": 1, "name": "Practitioners", "clock": {"kind": "working_days_after_start", "days": 2}},
        {"number": 2, "name": "Managers", "clock": by_priority},
        {"number": 3, "name": "Directors", "clock": by_priority}]});
    // Raised Monday 1 February 2027; urgent from stage 2 on Wednesday 3rd
    // at 10:00: due 10:00 on Thursday 4th; stage 3 from 09:00 on Thursday
    // 4th keeps the priority in force: due 09:00 on Friday 5th.
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2027-02-04",
        json!([
        {"type": "raised", "on": "2027-02-01"},
        {"type": "escalated", "on": "2027-02-03T10:00", "priority": "urgent"},
        {"type": "escalated", "on": "2027-02-04T09:00"}]),
    );
    assert_eq!(a["history"][1]["due"]["datetime"], "2027-02-04T10:00");
    assert_eq!(a["stage"]["due"]["datetime"], "2027-02-05T09:00");
    // Raised urgent, made standard at stage 2 (Wednesday 3rd): five working
    // days, Wednesday 10th.
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2027-02-03",
        json!([
        {"type": "raised", "on": "2027-02-01", "priority": "urgent"},
        {"type": "escalated", "on": "2027-02-03", "priority": "standard"}]),
    );
    assert_eq!(a["stage"]["due"]["date"], "2027-02-10");
    // Urgent from 12:00 on Saturday 30 October 2027: the clocks go back
    // that night, so 24 hours later is 11:00 on Sunday 31st.
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2027-10-30",
        json!([
        {"type": "raised", "on": "2027-10-28"},
        {"type": "escalated", "on": "2027-10-30T12:00", "priority": "urgent"}]),
    );
    assert_eq!(a["stage"]["due"]["datetime"], "2027-10-31T11:00");
    // A name the policy does not have: at the event's priority, unrepeated.
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2027-02-03",
        json!([
        {"type": "raised", "on": "2027-02-01"},
        {"type": "escalated", "on": "2027-02-03", "priority": "whenever-suits"}]),
    );
    assert_eq!(a["error"]["code"], "invalid_field", "{a}");
    assert_eq!(a["error"]["event_index"], 1);
    let message = a["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("events[1].priority") && !message.contains("whenever"),
        "{message}"
    );
    // Any name, for a policy with no clock by priority.
    let plain = minimal(json!([
        {"number": 1, "name": "A", "clock": {"kind": "not_stated"}},
        {"number": 2, "name": "B", "clock": {"kind": "not_stated"}}]));
    let a = evaluate(
        &plain,
        "england-and-wales",
        "2027-02-03",
        json!([
        {"type": "raised", "on": "2027-02-01"},
        {"type": "escalated", "on": "2027-02-03", "priority": "urgent"}]),
    );
    assert_eq!(a["error"]["code"], "invalid_field");
    assert!(
        a["error"]["message"]
            .as_str()
            .unwrap()
            .contains("events[1].priority")
    );
}

#[test]
fn a_schema_address_is_accepted_and_ignored() {
    let mut policy = minimal(json!([{"number": 1, "name": "A", "clock": {"kind": "not_stated"}}]));
    policy["$schema"] = json!("https://example.org/schemas/policy-definition.schema.json");
    let loaded = Policy::from_definition_json(&policy.to_string()).unwrap();
    policy.as_object_mut().unwrap().remove("$schema");
    assert_eq!(
        loaded,
        Policy::from_definition_json(&policy.to_string()).unwrap()
    );
    policy["$schema"] = json!(5);
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2027-02-01",
        json!([{"type": "raised", "on": "2027-02-01"}]),
    );
    assert_eq!(problems(&a), ["$schema"]);
}

#[test]
fn a_clock_counted_from_a_record_made_at_the_stage() {
    // "within 2 working days of the disagreement or receipt of a decision"
    let policy = json!({"id": "after-record-2026", "name": "After a record",
        "stages": [
            {"number": 1, "name": "Practitioners", "clock": {"kind": "working_days_after_start", "days": 1}},
            {"number": 2, "name": "Managers", "clock": {"kind": "working_days_after_record",
                "record": "decision_received", "days": 2,
                "until_recorded": {"kind": "working_days_after_start", "days": 5}}}],
        "records": [{"id": "decision_received", "what": "The decision was received"}]});
    // Raised Monday 21 December 2026, at stage 2 from Tuesday 22nd: until
    // the decision is received, five working days: Thursday 31st.
    let events = json!([{"type": "raised", "on": "2026-12-21"},
        {"type": "recorded", "record": "decision_received", "on": "2026-12-21"},
        {"type": "escalated", "on": "2026-12-22"}]);
    let a = evaluate(&policy, "england-and-wales", "2026-12-22", events.clone());
    assert_eq!(
        a["stage"]["due"]["date"], "2026-12-31",
        "a record of stage 1 does not count"
    );
    // Received on Wednesday 23rd: two working days past Christmas Day and
    // Boxing Day's substitute, Tuesday 29th; overdue by one on the 30th.
    let mut received = events.as_array().unwrap().clone();
    received.push(json!({"type": "recorded", "record": "decision_received", "on": "2026-12-23"}));
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2026-12-30",
        Value::from(received),
    );
    assert_eq!(a["stage"]["due"]["date"], "2026-12-29");
    assert_eq!(a["stage"]["due"]["counted_from"], "2026-12-23");
    assert_eq!(
        (a["overdue"].clone(), a["working_days_overdue"].clone()),
        (json!(true), json!(1))
    );
    // Written back as given; a record the policy does not have is refused.
    let loaded = Policy::from_definition_json(&policy.to_string()).unwrap();
    assert_eq!(
        Policy::from_definition_json(&loaded.to_definition_json()).unwrap(),
        loaded
    );
    let mut unknown = policy.clone();
    unknown["stages"][1]["clock"]["record"] = json!("no_such_record");
    let a = evaluate(
        &unknown,
        "england-and-wales",
        "2026-12-21",
        json!([{"type": "raised", "on": "2026-12-21"}]),
    );
    assert_eq!(problems(&a), ["stages[1].clock.record"]);
}

#[test]
fn whichever_is_less_is_the_earliest_of_the_clocks() {
    // "a working week or a timescale that protects the child from harm
    // (whichever is less)", the second written as 48 hours.
    let policy = minimal(json!([
        {"number": 1, "name": "Practitioners", "clock": {"kind": "earliest_of", "of": [
            {"kind": "working_days_after_start", "days": 5},
            {"kind": "hours_after_start", "hours": 48}]}},
        {"number": 2, "name": "Managers", "clock": {"kind": "earliest_of", "of": [
            {"kind": "working_days_after_start", "days": 5},
            {"kind": "working_days_after_raised", "days": 3}]}},
        {"number": 3, "name": "Chair", "clock": {"kind": "earliest_of", "of": [
            {"kind": "without_delay"}, {"kind": "not_stated"}]}}]));
    // Raised at 10:00 on Thursday 24 December 2026: a working week is
    // Tuesday 5 January 2027 (25 and 28 December and 1 January skipped);
    // 48 hours, 10:00 on Saturday 26th, the lesser.
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2026-12-24",
        json!([{"type": "raised", "on": "2026-12-24T10:00"}]),
    );
    assert_eq!(a["stage"]["due"]["kind"], "at");
    assert_eq!(a["stage"]["due"]["datetime"], "2026-12-26T10:00");
    // Raised Monday 21st, at stage 2 from Wednesday 23rd: three working
    // days of the raising (Thursday 24th) before five of the start
    // (Monday 4 January 2027).
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2026-12-23",
        json!([
        {"type": "raised", "on": "2026-12-21"}, {"type": "escalated", "on": "2026-12-23"}]),
    );
    assert_eq!(a["stage"]["due"]["date"], "2026-12-24");
    // No member with a date: none.
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2026-12-24",
        json!([
        {"type": "raised", "on": "2026-12-21"}, {"type": "escalated", "on": "2026-12-22"},
        {"type": "escalated", "on": "2026-12-24"}]),
    );
    assert_eq!(a["stage"]["due"]["kind"], "none");
    let loaded = Policy::from_definition_json(&policy.to_string()).unwrap();
    assert_eq!(
        Policy::from_definition_json(&loaded.to_definition_json()).unwrap(),
        loaded
    );
    let empty =
        minimal(json!([{"number": 1, "name": "A", "clock": {"kind": "earliest_of", "of": []}}]));
    let a = evaluate(
        &empty,
        "england-and-wales",
        "2026-12-21",
        json!([{"type": "raised", "on": "2026-12-21"}]),
    );
    assert_eq!(problems(&a), ["stages[0].clock.of"]);
}

#[test]
fn a_timescale_set_for_the_case_is_read_by_set_on_case() {
    // "a timescale that protects the child from harm", set case by case.
    let policy = json!({"id": "set-on-case-2026", "name": "Set on the case",
        "stages": [
            {"number": 1, "name": "Practitioners", "clock": {"kind": "working_days_after_start", "days": 2}},
            {"number": 2, "name": "Panel", "clock": {"kind": "set_on_case"}}],
        "obligations": [
            {"id": "protective_plan", "what": "Agree a protective plan",
             "trigger": {"on": "stage_entered", "stages": [2]}, "due": {"kind": "set_on_case"}}]});
    let events = json!([
        {"type": "raised", "on": "2027-03-22"},
        {"type": "escalated", "on": "2027-03-24"}]);
    // Without a timescale: no date.
    let a = evaluate(&policy, "england-and-wales", "2027-03-24", events.clone());
    assert_eq!(a["stage"]["due"]["kind"], "none");
    assert_eq!(due_of(&a, "protective_plan")["due"]["kind"], "none");
    // The stage's timescale set to Wednesday 31 March, then moved to
    // Thursday 1 April; the plan's to Tuesday 30 March (after Easter
    // Monday): the latest is read, and the plan is overdue on Wednesday
    // 31st.
    let mut set = events.as_array().unwrap().clone();
    set.push(json!({"type": "timescale_set", "on": "2027-03-25", "due": "2027-03-31"}));
    set.push(json!({"type": "timescale_set", "on": "2027-03-25", "due": "2027-04-01", "stage": 2}));
    set.push(
        json!({"type": "timescale_set", "on": "2027-03-26", "due": "2027-03-30",
        "obligation": "protective_plan"}),
    );
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2027-03-31",
        Value::from(set.clone()),
    );
    assert_eq!(a["stage"]["due"]["date"], "2027-04-01");
    assert_eq!(a["overdue"], false);
    let plan = due_of(&a, "protective_plan");
    assert_eq!(plan["due"]["date"], "2027-03-30");
    assert_eq!(plan["overdue"], true);
    // Under a policy that reads none, it changes nothing.
    let mut built_in = events.as_array().unwrap().clone();
    let plain = evaluate(
        &json!("swindon-resolution-2026"),
        "england-and-wales",
        "2027-03-25",
        Value::from(built_in.clone()),
    );
    built_in.push(json!({"type": "timescale_set", "on": "2027-03-25", "due": "2027-04-30"}));
    let with = evaluate(
        &json!("swindon-resolution-2026"),
        "england-and-wales",
        "2027-03-25",
        Value::from(built_in),
    );
    assert_eq!(with["stage"], plain["stage"]);
    assert_eq!(with["obligations"], plain["obligations"]);
    // After the case has ended: an invalid transition.
    let mut ended = events.as_array().unwrap().clone();
    ended.push(json!({"type": "resolved", "on": "2027-03-25"}));
    ended.push(json!({"type": "timescale_set", "on": "2027-03-26", "due": "2027-04-01"}));
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2027-03-26",
        Value::from(ended),
    );
    assert_eq!(a["error"]["code"], "invalid_transition");
    assert_eq!(a["error"]["event_index"], 3);
    // Wrong fields, each at its place and unrepeated.
    for (event, place) in [
        (
            json!({"type": "timescale_set", "on": "2027-03-25", "due": "next Tuesday"}),
            "events[2].due",
        ),
        (
            json!({"type": "timescale_set", "on": "2027-03-25"}),
            "events[2].due",
        ),
        (
            json!({"type": "timescale_set", "on": "2027-03-25", "due": "2027-04-01", "stage": 9}),
            "events[2].stage",
        ),
        (
            json!({"type": "timescale_set", "on": "2027-03-25", "due": "2027-04-01",
            "obligation": "jane_doe_plan"}),
            "events[2].obligation",
        ),
    ] {
        let mut wrong = events.as_array().unwrap().clone();
        wrong.push(event);
        let a = evaluate(
            &policy,
            "england-and-wales",
            "2027-03-25",
            Value::from(wrong),
        );
        assert_eq!(a["error"]["code"], "invalid_field", "{a}");
        let message = a["error"]["message"].as_str().unwrap();
        assert!(message.contains(place), "{message}");
        assert!(
            !message.contains("Tuesday") && !message.contains("jane"),
            "{message}"
        );
    }
    let loaded = Policy::from_definition_json(&policy.to_string()).unwrap();
    assert_eq!(
        Policy::from_definition_json(&loaded.to_definition_json()).unwrap(),
        loaded
    );
}

#[test]
fn an_obligation_due_whichever_is_less() {
    let policy = with_obligations(json!([
        {"id": "protect", "what": "Protect", "trigger": {"on": "raised"},
         "due": {"kind": "earliest_of", "of": [
             {"kind": "working_days_after", "days": 5}, {"kind": "hours_after", "hours": 48}]}},
        {"id": "report", "what": "Report", "trigger": {"on": "stage_entered", "stages": [2]},
         "due": {"kind": "earliest_of", "of": [
             {"kind": "working_days_after", "days": 5}, {"kind": "working_days_after_raised", "days": 3}]}}]));
    // Raised at 10:00 on Thursday 24 December 2026: five working days is
    // Tuesday 5 January 2027; 48 hours, 10:00 on Saturday 26th.
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2026-12-24",
        json!([{"type": "raised", "on": "2026-12-24T10:00"}]),
    );
    assert_eq!(due_of(&a, "protect")["due"]["datetime"], "2026-12-26T10:00");
    // Raised Monday 21st, stage 2 from Wednesday 23rd: three working days
    // of the raising (Thursday 24th) before five of the entry (Monday 4
    // January).
    let a = evaluate(
        &policy,
        "england-and-wales",
        "2026-12-23",
        json!([
        {"type": "raised", "on": "2026-12-21"}, {"type": "escalated", "on": "2026-12-23"}]),
    );
    assert_eq!(due_of(&a, "report")["due"]["date"], "2026-12-24");
    let loaded = Policy::from_definition_json(&policy.to_string()).unwrap();
    assert_eq!(
        Policy::from_definition_json(&loaded.to_definition_json()).unwrap(),
        loaded
    );
    // A timescale set for the case is not a member.
    let refused = with_obligations(json!([
        {"id": "protect", "what": "Protect", "trigger": {"on": "raised"},
         "due": {"kind": "earliest_of", "of": [{"kind": "not_stated"}, {"kind": "set_on_case"}]}}]));
    let a = evaluate(
        &refused,
        "england-and-wales",
        "2026-12-21",
        json!([{"type": "raised", "on": "2026-12-21"}]),
    );
    assert_eq!(problems(&a), ["obligations[0].due.of[1].kind"]);
}
