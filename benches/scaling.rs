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

criterion_group!(benches, scaling);
criterion_main!(benches);
