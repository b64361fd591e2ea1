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
        let request =
            std::fs::read_to_string(root.join("fixtures/example-borough-2026").join(name)).unwrap();
        serde_json::from_str(&engine.evaluate_json(&request)).unwrap()
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
