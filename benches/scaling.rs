//! Time per event as a case grows: `evaluate_json` on logs of 100, 1,000
//! and 10,000 events (`limits::MAX_EVENTS`, the most a request may hold).
//! Linear work shows as a flat time per event (criterion's "thrpt" line,
//! elements per second); a step that scans what came before shows as a
//! time per event growing with the log.
//!
//! Three logs, each the worst of its kind:
//! - `gscp_records`: a GSCP case raised, then actions agreed and fed back
//!   in turn (`recorded`), each agreement owing a new feedback duty: the
//!   obligations grow with the log, and each record looks one up.
//! - `swindon_immediate_risk`: a Swindon case raised with immediate risk,
//!   then the risk reported again and again: one pending duty, owed once.
//! - `referral_linked_case`: a Resolution Group referral whose linked GSCP
//!   escalation case holds the long log.
//! - `referral_records`: a referral presented, then agreements each owing
//!   the confirmation of a contribution, and the confirmations recorded in
//!   turn: the referral's own duties grow with the log.
//!
//! Baseline in the same run: parsing the same request into a
//! `serde_json::Value` and writing it back (the cost any JSON face pays,
//! itself linear).
//!
//! Then time as a definition given inline grows (`definition/*`, at sizes
//! n, 2n, 4n and 8n, against the same baseline): a linear step keeps the
//! ratio of `evaluate_json` to the baseline flat as the size doubles.
//! - `definition_duties`: 64 stages and n duties (32 to 256) set off by
//!   `immediate_risk`, the risk identified at each of the first 16 stages
//!   (16 n duties arise; the largest answers are refused for their size,
//!   after the work).
//! - `definition_priorities`: 64 stages each with a clock of n priorities
//!   (32 to 256, the limit), the case raised with the last of them.
//! - `definition_long_names`: 64 stages, 256 milestones and 256 skips whose
//!   names (and the policy's) are n bytes long (25 to 200, the limit).
//!
//! `cargo bench --bench scaling`

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use safeguarding_resolution::evaluate_json;
use safeguarding_resolution::limits::MAX_EVENTS;
use serde_json::{Value, json};

const SIZES: [usize; 3] = [100, 1_000, MAX_EVENTS];

/// `n` events: raised, then actions agreed and fed back in turn.
fn gscp_events(n: usize) -> Vec<Value> {
    let mut events = vec![json!({"type": "raised", "on": "2027-01-04"})];
    for i in 1..n {
        let record = if i % 2 == 1 {
            "action_agreed"
        } else {
            "feed_back_actions"
        };
        events.push(json!({"type": "recorded", "on": "2027-01-05", "record": record}));
    }
    events
}

fn gscp_records(n: usize) -> String {
    json!({"policy": "gscp-escalation-2021", "as_of": "2027-01-06", "events": gscp_events(n)})
        .to_string()
}

fn swindon_immediate_risk(n: usize) -> String {
    let mut events = vec![json!({"type": "raised", "on": "2027-01-04", "immediate_risk": true})];
    events.extend((1..n).map(|_| json!({"type": "immediate_risk", "on": "2027-01-04"})));
    json!({"policy": "swindon-resolution-2026", "as_of": "2027-01-05", "events": events})
        .to_string()
}

fn referral_linked_case(n: usize) -> String {
    json!({
        "policy": "gscp-resolution-group-2021",
        "as_of": "2027-01-06",
        "meetings": ["2027-01-26"],
        "events": [{
            "type": "submitted", "on": "2027-01-05", "marked_for_resolution_group": true,
            "referral": {
                "basic_information": "b", "chronology": "c", "assessment": "a",
                "agencies_involved": "i", "risk_analysis": "r", "obstacles": "o",
                "outcomes_sought": "s"
            }
        }],
        "escalation": {"events": gscp_events(n)}
    })
    .to_string()
}

/// A request of `n` events.
type Build = fn(usize) -> String;

fn referral_records(n: usize) -> String {
    let mut events = vec![
        json!({"type": "submitted", "on": "2027-01-05", "marked_for_resolution_group": true,
               "prior_process": ["planning"],
               "referral": {"basic_information": "b", "chronology": "c", "assessment": "a",
                            "agencies_involved": "i", "risk_analysis": "r", "obstacles": "o",
                            "outcomes_sought": "s"}}),
        json!({"type": "presented", "on": "2027-01-26"}),
    ];
    for i in 2..n {
        if i % 2 == 0 {
            events.push(json!({"type": "actions_agreed", "on": "2027-01-26",
                "actions": [{"agency": "a", "action": "b", "due": "2027-02-19"}],
                "resources": [{"agency": "a", "what": "w", "confirmed": false}],
                "report_back": {"meeting": "2027-02-23", "form": "written"}}));
        } else {
            events.push(
                json!({"type": "recorded", "on": "2027-01-26", "record": "resources_confirmed"}),
            );
        }
    }
    json!({"policy": "gscp-resolution-group-2021", "as_of": "2027-01-28",
           "meetings": ["2027-01-26", "2027-02-23"], "events": events})
    .to_string()
}

fn scaling(c: &mut Criterion) {
    let logs: [(&str, Build); 4] = [
        ("gscp_records", gscp_records),
        ("swindon_immediate_risk", swindon_immediate_risk),
        ("referral_linked_case", referral_linked_case),
        ("referral_records", referral_records),
    ];
    for (name, build) in logs {
        let mut group = c.benchmark_group(format!("scaling/{name}"));
        group.sample_size(20);
        for n in SIZES {
            let request = build(n);
            let response = evaluate_json(&request);
            assert!(
                !response.starts_with("{\"error\""),
                "{name} with {n} events was refused: {}",
                &response[..response.len().min(300)]
            );
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::new("evaluate_json", n), &request, |b, r| {
                b.iter(|| evaluate_json(black_box(r)))
            });
            group.bench_with_input(BenchmarkId::new("json_round_trip", n), &request, |b, r| {
                b.iter(|| {
                    let value: Value = serde_json::from_str(black_box(r)).unwrap();
                    value.to_string()
                })
            });
        }
        group.finish();
    }
}

/// `count` stages of two working days, each named `name`.
fn stages(count: usize, name: &str) -> Vec<Value> {
    (1..=count)
        .map(|n| {
            json!({"number": n, "name": name,
                "clock": {"kind": "working_days_after_start", "days": 2}})
        })
        .collect()
}

/// A request with `definition` inline: raised, then a risk identified at
/// each of the first `risks` stages.
fn inline(definition: Value, risks: usize, priority: Option<String>) -> String {
    let mut raised = json!({"type": "raised", "on": "2027-01-04"});
    if let Some(priority) = priority {
        raised["priority"] = json!(priority);
    }
    let mut events = vec![raised];
    for n in 0..risks {
        if n > 0 {
            events.push(json!({"type": "escalated", "on": "2027-01-05"}));
        }
        events.push(json!({"type": "immediate_risk", "on": "2027-01-05"}));
    }
    json!({"policy": definition, "as_of": "2027-01-06", "events": events}).to_string()
}

fn definition_duties(n: usize) -> String {
    let duties: Vec<Value> = (0..n)
        .map(|i| {
            json!({"id": format!("duty-{i}"), "what": "Tell the chair",
                "trigger": {"on": "immediate_risk"}, "due": {"kind": "working_days_after", "days": 2}})
        })
        .collect();
    let definition = json!({"id": "bench-borough", "name": "Bench Borough",
        "stages": stages(64, "Stage"), "obligations": duties});
    inline(definition, 16, None)
}

fn definition_priorities(n: usize) -> String {
    let names: serde_json::Map<String, Value> = (0..n)
        .map(|i| {
            (
                format!("priority-{i:03}"),
                json!({"kind": "hours_after_start", "hours": 24 + i}),
            )
        })
        .collect();
    let mut all = stages(64, "Stage");
    for stage in &mut all {
        stage["clock"] =
            json!({"kind": "by_priority", "priorities": names, "default": "priority-000"});
    }
    let definition = json!({"id": "bench-borough", "name": "n".repeat(200), "stages": all});
    inline(definition, 1, Some(format!("priority-{:03}", n - 1)))
}

fn definition_long_names(n: usize) -> String {
    let name = "n".repeat(n);
    let milestones: Vec<Value> = (0..256)
        .map(|i| {
            json!({"name": format!("{}{i:03}", &name[3..]), "working_days_after_raised": 5,
                "met_on_leaving_stage": 1})
        })
        .collect();
    let skips: Vec<Value> = (0..256).map(|_| json!({"to": [3]})).collect();
    let definition = json!({"id": "bench-borough", "name": name, "stages": stages(64, &name),
        "milestones": milestones, "skips": skips});
    inline(definition, 4, None)
}

fn definitions(c: &mut Criterion) {
    let families: [(&str, Build, [usize; 4]); 3] = [
        ("definition_duties", definition_duties, [32, 64, 128, 256]),
        (
            "definition_priorities",
            definition_priorities,
            [32, 64, 128, 256],
        ),
        (
            "definition_long_names",
            definition_long_names,
            [25, 50, 100, 200],
        ),
    ];
    for (name, build, sizes) in families {
        let mut group = c.benchmark_group(format!("definition/{name}"));
        group.sample_size(10);
        for n in sizes {
            let request = build(n);
            let response = evaluate_json(&request);
            // The definition is read and the case run: an answer, or a
            // refusal for the answer's size after the work.
            assert!(
                !response.starts_with("{\"error\"") || response.contains("limits::ANSWER_FACTOR"),
                "{name} of size {n} was refused: {}",
                &response[..response.len().min(300)]
            );
            group.throughput(Throughput::Bytes(request.len() as u64));
            group.bench_with_input(BenchmarkId::new("evaluate_json", n), &request, |b, r| {
                b.iter(|| evaluate_json(black_box(r)))
            });
            group.bench_with_input(BenchmarkId::new("json_round_trip", n), &request, |b, r| {
                b.iter(|| {
                    let value: Value = serde_json::from_str(black_box(r)).unwrap();
                    value.to_string()
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, scaling, definitions);
criterion_main!(benches);
