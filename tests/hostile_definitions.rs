//! Policy definitions given as an attacker would give them (any caller may
//! send one inline): the limits on a definition's sizes, answers and
//! messages that stay small whatever it defines, definitions that read
//! back, and the ids of the library's own policies. Expected dates and
//! counts are worked out by hand from the definitions and GOV.UK's bank
//! holidays (`data/bank-holidays.json`).

use safeguarding_resolution::limits::{
    ANSWER_FACTOR, ANSWER_FLOOR_BYTES, MAX_CASE_OBLIGATIONS, MAX_POLICY_DAYS, MAX_POLICY_HOURS,
    MAX_POLICY_ITEMS, MAX_POLICY_NAME_BYTES, MAX_POLICY_STAGES, MAX_POLICY_TEXT_BYTES,
};
use safeguarding_resolution::policy::{Policy, PolicyId};
use safeguarding_resolution::testing::laws;
use safeguarding_resolution::{Engine, evaluate_json, policy_definition_json};
use serde_json::{Value, json};

/// The bound every message keeps.
const MESSAGE_BYTES: usize = 2_048;

fn minimal() -> Value {
    json!({
        "id": "hostile-borough",
        "name": "Hostile Borough",
        "stages": [
            {"number": 1, "name": "Practitioners", "clock": {"kind": "working_days_after_start", "days": 2}},
            {"number": 2, "name": "Chair", "clock": {"kind": "not_stated"}}
        ]
    })
}

fn answer(request: &Value) -> Value {
    serde_json::from_str(&evaluate_json(&request.to_string())).unwrap()
}

fn inline(definition: &Value, events: Value) -> Value {
    json!({"policy": definition, "as_of": "2027-03-31", "events": events})
}

fn raised() -> Value {
    json!({"type": "raised", "on": "2027-01-04"})
}

/// The problems of a refused definition, as (path, message).
fn problems(definition: &Value) -> Vec<(String, String)> {
    match Policy::from_definition(definition) {
        Ok(_) => Vec::new(),
        Err(error) => error
            .problems()
            .iter()
            .map(|p| (p.path.clone(), p.message.clone()))
            .collect(),
    }
}

#[test]
fn each_size_limit_of_a_definition_is_refused_at_its_path() {
    let long = |n: usize| "x".repeat(n);
    let priorities = |n: usize| {
        let map: serde_json::Map<String, Value> = (0..n)
            .map(|i| {
                (
                    format!("p{i}"),
                    json!({"kind": "working_days_after_start", "days": 1}),
                )
            })
            .collect();
        json!({"kind": "by_priority", "priorities": map, "default": "p0"})
    };
    type Change = Box<dyn Fn(&mut Value, usize)>;
    // (the change, given the limit, the path, what the message names).
    let cases: Vec<(Change, usize, &str, &str)> = vec![
        (
            Box::new(move |d, n| d["name"] = json!(long(n))),
            MAX_POLICY_NAME_BYTES,
            "name",
            "MAX_POLICY_NAME_BYTES",
        ),
        (
            Box::new(move |d, n| d["stages"][0]["name"] = json!(long(n))),
            MAX_POLICY_NAME_BYTES,
            "stages[0].name",
            "MAX_POLICY_NAME_BYTES",
        ),
        (
            Box::new(move |d, n| d["stages"][0]["clause"] = json!({"place": long(n)})),
            MAX_POLICY_NAME_BYTES,
            "stages[0].clause.place",
            "MAX_POLICY_NAME_BYTES",
        ),
        (
            Box::new(move |d, n| d["stages"][0]["rule"] = json!(long(n))),
            MAX_POLICY_TEXT_BYTES,
            "stages[0].rule",
            "MAX_POLICY_TEXT_BYTES",
        ),
        (
            Box::new(move |d, n| {
                d["stages"][0]["clause"] = json!({"place": "s.1", "text": long(n)})
            }),
            MAX_POLICY_TEXT_BYTES,
            "stages[0].clause.text",
            "MAX_POLICY_TEXT_BYTES",
        ),
        (
            Box::new(move |d, n| {
                d["obligations"] = json!([{"id": "tell", "what": long(n),
                    "trigger": {"on": "raised"}, "due": {"kind": "immediately"}}]);
            }),
            MAX_POLICY_TEXT_BYTES,
            "obligations[0].what",
            "MAX_POLICY_TEXT_BYTES",
        ),
        (
            Box::new(|d, n| d["stages"][0]["clock"]["days"] = json!(n)),
            MAX_POLICY_DAYS as usize,
            "stages[0].clock.days",
            "365",
        ),
        (
            Box::new(|d, n| {
                d["stages"][0]["clock"] = json!({"kind": "hours_after_start", "hours": n});
            }),
            MAX_POLICY_HOURS as usize,
            "stages[0].clock.hours",
            "8760",
        ),
        (
            Box::new(|d, n| {
                d["milestones"] = json!([{"name": "Late", "working_days_after_raised": n,
                    "met_on_leaving_stage": 1}]);
            }),
            MAX_POLICY_DAYS as usize,
            "milestones[0].working_days_after_raised",
            "365",
        ),
        (
            Box::new(move |d, n| d["stages"][0]["clock"] = priorities(n)),
            MAX_POLICY_ITEMS,
            "stages[0].clock.priorities",
            "MAX_POLICY_ITEMS",
        ),
    ];
    for (change, limit, path, named) in cases {
        let mut at_limit = minimal();
        change(&mut at_limit, limit);
        assert_eq!(problems(&at_limit), [], "{path} at its limit");
        let mut over = minimal();
        change(&mut over, limit + 1);
        let found = problems(&over);
        assert_eq!(found.len(), 1, "{path}: {found:?}");
        assert_eq!(found[0].0, path);
        assert!(found[0].1.contains(named), "{path}: {}", found[0].1);
        assert!(!found[0].1.contains("xxx"), "{path}: a value repeated");
        // Inline, the same refusal.
        let response = answer(&inline(&over, json!([raised()])));
        assert_eq!(response["error"]["code"], "invalid_policy", "{path}");
        assert_eq!(response["error"]["problems"][0]["path"], path);
    }
}

/// Obligations triggered by a risk of immediate harm, `count` of them.
fn risk_duties(count: usize, what: &str) -> Value {
    (0..count)
        .map(|i| {
            json!({"id": format!("duty-{i}"), "what": what, "trigger": {"on": "immediate_risk"},
                "due": {"kind": "working_days_after", "days": 2}})
        })
        .collect()
}

/// Stages 1 to `count`, two working days each, the last a chair who
/// decides.
fn stages(count: usize, name: &str) -> Value {
    (1..=count)
        .map(|n| {
            json!({"number": n, "name": name,
                "clock": {"kind": "working_days_after_start", "days": 2}})
        })
        .collect()
}

/// Raised, then a risk identified at each of `count` stages, escalating
/// between them.
fn risk_at_each_stage(count: usize) -> Value {
    let mut events = vec![raised()];
    for n in 0..count {
        if n > 0 {
            events.push(json!({"type": "escalated", "on": "2027-01-05"}));
        }
        events.push(json!({"type": "immediate_risk", "on": "2027-01-05"}));
    }
    Value::Array(events)
}

#[test]
fn a_case_that_sets_off_more_duties_than_the_limit_is_refused() {
    // 256 duties at each stage: 9,984 after 39 stages, and the 10,001st
    // arises at the 40th stage's risk, events[79] (raised, then risk and
    // escalation in turn: stage k's risk is events[2k - 1]).
    let mut definition = minimal();
    definition["stages"] = stages(MAX_POLICY_STAGES, "Stage");
    definition["obligations"] = risk_duties(MAX_POLICY_ITEMS, "Tell the chair");
    assert_eq!(MAX_CASE_OBLIGATIONS, 10_000);
    let forty = answer(&inline(&definition, risk_at_each_stage(40)));
    assert_eq!(forty["error"]["code"], "limit_exceeded", "{forty}");
    assert_eq!(forty["error"]["event_index"], 79);
    let message = forty["error"]["message"].as_str().unwrap();
    assert!(message.starts_with("events[79]:"), "{message}");
    assert!(
        message.contains("limits::MAX_CASE_OBLIGATIONS"),
        "{message}"
    );
    // Within the limit, 9,984 duties from a request of some 40 KB would
    // answer in megabytes: refused for the answer's size instead.
    let request = inline(&definition, risk_at_each_stage(39));
    let thirty_nine = answer(&request);
    assert_eq!(
        thirty_nine["error"]["code"], "limit_exceeded",
        "{thirty_nine}"
    );
    let message = thirty_nine["error"]["message"].as_str().unwrap();
    assert!(message.contains("limits::ANSWER_FACTOR"), "{message}");
    // A few stages answer: 3 times 64 duties.
    let mut small = definition.clone();
    small["obligations"] = risk_duties(64, "Tell the chair");
    let three = answer(&inline(&small, risk_at_each_stage(3)));
    assert_eq!(
        three["obligations"].as_array().map(Vec::len),
        Some(192),
        "{three}"
    );
}

#[test]
fn a_rule_without_a_clause_has_none_in_the_answer() {
    let mut definition = minimal();
    definition["obligations"] = json!([
        {"id": "tell", "what": "Tell the chair", "trigger": {"on": "raised"}, "due": {"kind": "immediately"}},
        {"id": "cite", "what": "Cite the rule", "trigger": {"on": "raised"}, "due": {"kind": "immediately"},
         "clause": {"place": "s.2"}}
    ]);
    definition["milestones"] =
        json!([{"name": "Day 5", "working_days_after_raised": 5, "met_on_leaving_stage": 1}]);
    let response = answer(&inline(&definition, json!([raised()])));
    assert!(
        response["obligations"][0].get("clause").is_none(),
        "{response}"
    );
    assert_eq!(response["obligations"][1]["clause"], "s.2");
    assert!(
        response["milestones"][0].get("clause").is_none(),
        "{response}"
    );
    // Nor do the generated words repeat the policy's name.
    assert!(
        !response.to_string().contains("Hostile Borough"),
        "{response}"
    );
    // The document read back leaves the clause out too.
    let policy = Policy::from_definition(&definition).unwrap();
    let document: Value = serde_json::from_str(&policy.to_definition_json()).unwrap();
    assert!(document["obligations"][0].get("clause").is_none());
    assert!(document["stages"][0].get("clause").is_none());
}

#[test]
fn built_in_answers_keep_a_clause_for_every_rule() {
    // Every built-in policy cites a clause for each rule, so each duty and
    // milestone of its answers carries one (their fixtures' snapshots are
    // unchanged as well).
    for id in PolicyId::ALL {
        let policy = Policy::get(id);
        assert!(policy.stages.iter().all(|s| s.clause.is_given()), "{id}");
        assert!(
            policy.obligations.iter().all(|o| o.clause.is_given()),
            "{id}"
        );
        assert!(
            policy.milestones.iter().all(|m| m.clause.is_given()),
            "{id}"
        );
        assert!(policy.skips.iter().all(|s| s.clause.is_given()), "{id}");
        assert!(policy.redirects.iter().all(|r| r.clause.is_given()), "{id}");
    }
    let response = answer(
        &json!({"policy": "nsscp-issue-resolution-2025", "as_of": "2027-01-20",
        "events": [raised(), {"type": "escalated", "on": "2027-01-05"}]}),
    );
    for list in ["obligations", "milestones"] {
        for item in response[list].as_array().unwrap() {
            assert!(item["clause"].is_string(), "{list}: {item}");
        }
    }
}

#[test]
fn a_due_lists_five_skipped_bank_holidays_and_counts_the_rest() {
    // 260 working days from Monday 4 January 2027 (England and Wales):
    // 252 to the end of 2027 (261 weekdays, less 1 and 4 January and the
    // seven bank holidays after), then Monday 3 January 2028 is New Year's
    // Day's substitute, and Tuesday 4 to Thursday 13 January are the last
    // eight. Eight bank holidays stepped over: five listed, three counted.
    let mut definition = minimal();
    definition["stages"][0]["clock"] = json!({"kind": "working_days_after_raised", "days": 260});
    let response = answer(&inline(&definition, json!([raised()])));
    let due = &response["stage"]["due"];
    assert_eq!(due["date"], "2028-01-13", "{response}");
    assert_eq!(
        due["skips"],
        json!([
            "Fri 26 Mar Good Friday",
            "Mon 29 Mar Easter Monday",
            "Mon 3 May Early May bank holiday",
            "Mon 31 May Spring bank holiday",
            "Mon 30 Aug Summer bank holiday"
        ])
    );
    assert_eq!(due["skipped_more"], 3);
    // Two working days skip nothing: no count.
    let short = answer(&inline(&minimal(), json!([raised()])));
    assert!(short["stage"]["due"].get("skipped_more").is_none());
}

#[test]
fn messages_list_a_few_allowed_names_and_a_count() {
    let many = MAX_POLICY_ITEMS;
    let mut definition = minimal();
    let names: serde_json::Map<String, Value> = (0..many)
        .map(|i| {
            (
                format!("priority-name-{i:03}"),
                json!({"kind": "working_days_after_start", "days": 1}),
            )
        })
        .collect();
    definition["stages"][0]["clock"] =
        json!({"kind": "by_priority", "priorities": names, "default": "priority-name-000"});
    definition["areas"] = (0..many)
        .map(|i| json!({"id": format!("area-name-{i:03}"), "text": "An area"}))
        .collect();
    definition["obligations"] = (0..many)
        .map(|i| {
            json!({"id": format!("duty-name-{i:03}"), "what": "A duty",
                "trigger": {"on": "raised"}, "due": {"kind": "immediately"}})
        })
        .collect();
    let refusals = [
        json!([{"type": "raised", "on": "2027-01-04", "priority": "unknown"}]),
        json!([{"type": "raised", "on": "2027-01-04", "area": "unknown"}]),
        json!([raised(), {"type": "recorded", "on": "2027-01-05", "record": "unknown"}]),
    ];
    for events in refusals {
        let response = answer(&inline(&definition, events));
        let message = response["error"]["message"].as_str().unwrap();
        assert_eq!(response["error"]["code"], "invalid_field", "{message}");
        assert!(message.len() <= MESSAGE_BYTES, "{} bytes", message.len());
        assert!(
            message.contains(&format!("and {} more", many - 8)),
            "{message}"
        );
    }
    // An engine holding hundreds of policies names a few of them.
    let engine = Engine::new();
    for i in 0..300 {
        let mut added = minimal();
        added["id"] = json!(format!("borough-{i:03}-{}", "x".repeat(40)));
        engine.add_policy_json(&added.to_string()).unwrap();
    }
    let response: Value = serde_json::from_str(
        &engine.evaluate_json(r#"{"policy": "nowhere", "as_of": "2027-01-04", "events": []}"#),
    )
    .unwrap();
    let message = response["error"]["message"].as_str().unwrap();
    assert_eq!(response["error"]["code"], "unknown_policy");
    assert!(message.len() <= MESSAGE_BYTES, "{} bytes", message.len());
    assert!(message.ends_with("and 297 more"), "{message}");
}

/// Definitions at the edges of the limits: each name and text as long as
/// allowed, the most stages, duties, priorities and milestones, with every
/// word the loader generates left to it.
fn hostile_definitions() -> Vec<(&'static str, Value)> {
    let name = "n".repeat(MAX_POLICY_NAME_BYTES);
    let text = "t".repeat(MAX_POLICY_TEXT_BYTES);
    let mut long_names = minimal();
    long_names["name"] = json!(name);
    long_names["stages"] = stages(MAX_POLICY_STAGES, &name);
    long_names["milestones"] = (0..MAX_POLICY_ITEMS)
        .map(|i| {
            json!({"name": format!("{}{i:03}", "m".repeat(MAX_POLICY_NAME_BYTES - 3)),
                "working_days_after_raised": MAX_POLICY_DAYS, "met_on_leaving_stage": 1})
        })
        .collect();
    long_names["skips"] = (0..MAX_POLICY_ITEMS).map(|_| json!({"to": [3]})).collect();
    let mut long_texts = minimal();
    long_texts["obligations"] = risk_duties(MAX_POLICY_ITEMS, &text);
    long_texts["stages"][0]["rule"] = json!(text);
    let mut priorities = minimal();
    let names: serde_json::Map<String, Value> = (0..MAX_POLICY_ITEMS)
        .map(|i| {
            (
                format!("{}{i:03}", "p".repeat(61)),
                json!({"kind": "hours_after_start", "hours": MAX_POLICY_HOURS}),
            )
        })
        .collect();
    let default = names.keys().next().unwrap().clone();
    priorities["name"] = json!(name);
    priorities["stages"] = stages(MAX_POLICY_STAGES, &name);
    for n in 0..MAX_POLICY_STAGES {
        priorities["stages"][n]["clock"] =
            json!({"kind": "by_priority", "priorities": names, "default": default});
    }
    let mut duties = minimal();
    duties["stages"] = stages(MAX_POLICY_STAGES, "Stage");
    duties["obligations"] = risk_duties(MAX_POLICY_ITEMS, "Tell the chair");
    vec![
        ("long names", long_names),
        ("long texts", long_texts),
        ("priorities", priorities),
        ("duties at every stage", duties),
    ]
}

#[test]
fn every_hostile_definition_reads_back() {
    for (family, definition) in hostile_definitions() {
        let policy =
            Policy::from_definition(&definition).unwrap_or_else(|e| panic!("{family}: {e}"));
        laws::definition_reads_back(&policy).unwrap_or_else(|e| panic!("{family}: {e}"));
        laws::definition_round_trips(&policy).unwrap_or_else(|e| panic!("{family}: {e}"));
        // The document read back, without its indentation, is no larger
        // than the one given but for each obligation's `when` (a due's
        // words, under 100 bytes): the other words the loader made are not
        // written into it.
        let engine = Engine::new();
        engine.add_policy_json(&definition.to_string()).unwrap();
        let back: Value =
            serde_json::from_str(&engine.policy_definition_json("hostile-borough")).unwrap();
        let (back, given) = (back.to_string().len(), definition.to_string().len());
        assert!(
            back <= given + 100 * MAX_POLICY_ITEMS,
            "{family}: {back} > {given}"
        );
    }
    for id in PolicyId::ALL {
        laws::definition_reads_back(Policy::get(id)).unwrap();
    }
}

#[test]
fn every_answer_stays_within_its_bound_whatever_the_definition() {
    for (family, definition) in hostile_definitions() {
        for events in [
            risk_at_each_stage(1),
            risk_at_each_stage(4),
            risk_at_each_stage(MAX_POLICY_STAGES),
        ] {
            let request = inline(&definition, events).to_string();
            let response = evaluate_json(&request);
            let bound = (ANSWER_FACTOR * request.len()).max(ANSWER_FLOOR_BYTES);
            assert!(
                response.len() <= bound,
                "{family}: {} > {bound}",
                response.len()
            );
            let document: Value = serde_json::from_str(&response).unwrap();
            if let Some(message) = document["error"]["message"].as_str() {
                assert!(message.len() <= MESSAGE_BYTES, "{family}: {message}");
            }
        }
    }
}

#[test]
fn a_built_in_id_is_taken_only_by_that_policys_own_document() {
    let events = json!([raised(), {"type": "escalated", "on": "2027-01-06"}]);
    for id in PolicyId::ALL {
        let id = id.as_str();
        let own: Value = serde_json::from_str(&policy_definition_json(id)).unwrap();
        let by_id = evaluate_json(
            &json!({"policy": id, "as_of": "2027-01-08", "events": events}).to_string(),
        );
        let by_document = evaluate_json(
            &json!({"policy": own, "as_of": "2027-01-08", "events": events}).to_string(),
        );
        assert_eq!(by_id, by_document, "{id}");
        // Any other definition under the id is refused at `id`.
        let mut foreign = own.clone();
        foreign["stages"][0]["name"] = json!("Somewhere else");
        let response = answer(&inline(&foreign, events.clone()));
        assert_eq!(response["error"]["code"], "invalid_policy", "{id}");
        assert_eq!(response["error"]["problems"][0]["path"], "id", "{id}");
    }
    for id in [
        "gscp-resolution-group-2021",
        "gscp-serious-incident-2021",
        "swindon-resolution-2026",
    ] {
        let mut foreign = minimal();
        foreign["id"] = json!(id);
        let response = answer(&inline(&foreign, json!([raised()])));
        assert_eq!(response["error"]["code"], "invalid_policy", "{id}");
        assert_eq!(response["error"]["problems"][0]["path"], "id", "{id}");
    }
}

#[test]
fn a_document_too_large_to_indent_is_written_compact() {
    // Indentation never takes a document read back past the request limit:
    // a policy whose pretty document would pass it is written without.
    let mut policy = Policy::from_definition(&minimal()).unwrap();
    let words = "w ".repeat(safeguarding_resolution::limits::MAX_REQUEST_BYTES / 2);
    policy.stages[0].clock_rule = words.into();
    let text = policy.to_definition_json();
    assert!(!text.contains("\n "), "indented");
    assert!(text.ends_with("}\n"));
    let small = Policy::from_definition(&minimal())
        .unwrap()
        .to_definition_json();
    assert!(small.contains("\n  \"stages\": ["), "{small}");
}
