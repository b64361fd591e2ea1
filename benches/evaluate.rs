//! Evaluating cases: a typical eight-event case through the typed API and
//! through `evaluate_json`, and a sweep of 100,000 cases.
//!
//! Baselines measured in the same run: for JSON, parsing the same request
//! into a `serde_json::Value` and writing it back (the cost any JSON face
//! pays); for the sweep, cloning the 100,000 event logs.
//!
//! `cargo bench --bench evaluate`

use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::evaluate_json;
use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised, sweep};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A Swindon case run to stage 4 with its records, then resolved: eight
/// events.
fn typical(start: NaiveDate) -> Vec<Event> {
    let at = |d: i64| start + Duration::days(d);
    vec![
        Event::raised(at(0), Raised::new()),
        Event::escalated(at(2)),
        Event::recorded(at(3), "email_record"),
        Event::escalated(at(7)),
        Event::recorded(at(8), "email_copied_to_partnership"),
        Event::escalated(at(14)),
        Event::recorded(at(15), "email_copied_to_partnership"),
        Event::resolved(at(16)),
    ]
}

const TYPICAL_JSON: &str = r#"{
  "policy": "swindon-resolution-2026",
  "calendar": "england-and-wales",
  "as_of": "2027-02-20",
  "events": [
    {"type": "raised", "on": "2027-02-01"},
    {"type": "escalated", "on": "2027-02-03"},
    {"type": "recorded", "on": "2027-02-04", "record": "email_record"},
    {"type": "escalated", "on": "2027-02-08"},
    {"type": "recorded", "on": "2027-02-09", "record": "email_copied_to_partnership"},
    {"type": "escalated", "on": "2027-02-15"},
    {"type": "recorded", "on": "2027-02-16", "record": "email_copied_to_partnership"},
    {"type": "resolved", "on": "2027-02-17"}
  ]
}"#;

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
    let cases = || logs.iter().map(|(id, p, e)| (*id, *p, e.as_slice()));
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
