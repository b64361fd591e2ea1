//! Evaluating cases: a typical eight-event case through the typed API and
//! through `evaluate_json`, and a sweep of 100,000 cases.
//!
//! Baselines measured in the same run: for JSON, parsing the same request
//! into a `serde_json::Value` and writing it back (the cost any JSON face
//! pays); for the sweep, cloning the 100,000 event logs.
//!
//! `cargo bench --bench evaluate`

use std::hint::black_box;

use chrono::Duration;
use criterion::{Criterion, criterion_group, criterion_main};
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::evaluate_json;
use safeguarding_resolution::policy::{Event, Policy, PolicyId, sweep};
use safeguarding_resolution_benches::{TYPICAL_JSON, day, typical};

fn one_case(c: &mut Criterion) {
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let policy = Policy::get(PolicyId::SwindonResolution2026);
    let events = typical(day(2027, 2, 1));
    let as_of = day(2027, 2, 20);
    let status = policy.evaluate(calendar, &events, as_of).unwrap();
    assert_eq!(status.history.len(), 4);
    let response = evaluate_json(TYPICAL_JSON);
    assert!(response.contains("\"status\":\"resolved\""), "{response}");

    let mut group = c.benchmark_group("evaluate_one_case");
    group.bench_function("typed", |b| {
        b.iter(|| {
            policy
                .evaluate(calendar, black_box(&events), black_box(as_of))
                .unwrap()
        })
    });
    group.bench_function("json", |b| {
        b.iter(|| evaluate_json(black_box(TYPICAL_JSON)))
    });
    // The same request with the policy's definition in place of its id:
    // the definition's parse and load on every call.
    let definition = safeguarding_resolution::policy_definition_json("swindon-resolution-2026");
    let inline = TYPICAL_JSON.replacen("\"swindon-resolution-2026\"", &definition, 1);
    assert_eq!(evaluate_json(&inline), response);
    group.bench_function("json_inline_definition", |b| {
        b.iter(|| evaluate_json(black_box(&inline)))
    });
    // The response is some fifteen times the request: writing it is most
    // of the work. Parsing and rewriting the response itself, in the same
    // run, shows how much of the rest is the engine.
    group.bench_function("baseline_response_parse_and_write", |b| {
        b.iter(|| {
            let value: serde_json::Value = serde_json::from_str(black_box(&response)).unwrap();
            value.to_string()
        })
    });
    group.bench_function("baseline_json_parse_and_write", |b| {
        b.iter(|| {
            let value: serde_json::Value = serde_json::from_str(black_box(TYPICAL_JSON)).unwrap();
            value.to_string()
        })
    });
    group.finish();
}

fn sweep_many(c: &mut Criterion) {
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let policies = PolicyId::ALL;
    // 100,000 cases raised over two years, each cut at a different point.
    let logs: Vec<(u32, PolicyId, Vec<Event>)> = (0..100_000u32)
        .map(|i| {
            let start = day(2025, 1, 1) + Duration::days(i64::from(i % 700));
            let mut events = typical(start);
            let policy = policies[(i % 3) as usize];
            if policy != PolicyId::SwindonResolution2026 {
                // Keep only what the other policies share: raised, escalations.
                events.retain(|e| {
                    !matches!(
                        e.kind,
                        safeguarding_resolution::policy::EventKind::Recorded { .. }
                    )
                });
                events.truncate(3);
            } else {
                events.truncate(2 + (i % 7) as usize);
            }
            (i, policy, events)
        })
        .collect();
    let as_of = day(2027, 1, 15);
    let cases = || {
        logs.iter()
            .map(|(id, p, e)| (*id, Policy::get(*p), e.as_slice()))
    };
    let tray = sweep::sweep(calendar, cases(), as_of, 3).unwrap();
    assert!(tray.errors.is_empty(), "{:?}", &tray.errors[..1]);
    assert!(tray.items.len() > 10_000);
    assert!(tray.items.windows(2).all(|w| w[0].due_on <= w[1].due_on));

    let mut group = c.benchmark_group("sweep_100k_cases");
    group.sample_size(10);
    group.bench_function("sweep", |b| {
        b.iter(|| sweep::sweep(calendar, cases(), black_box(as_of), 3).unwrap())
    });
    group.bench_function("baseline_clone_logs", |b| {
        b.iter(|| black_box(&logs).clone())
    });
    group.finish();
}

criterion_group!(benches, one_case, sweep_many);
criterion_main!(benches);
