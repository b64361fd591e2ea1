//! The policy authors' kit (`testing`) run as an author would, on the
//! built-in policies and the illustrative fourth one, and shown to catch a
//! policy that breaks a law.

use std::path::Path;

use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::policy::{Policy, PolicyId};
use safeguarding_resolution::testing::{self, laws};

#[test]
fn every_builtin_policy_keeps_the_laws_on_every_calendar() {
    for id in PolicyId::ALL {
        for division in [
            Division::EnglandAndWales,
            Division::Scotland,
            Division::NorthernIreland,
        ] {
            let report = testing::check_laws(Policy::get(id), Calendar::uk(division), 150)
                .unwrap_or_else(|broken| panic!("{id} on {division:?}: {broken}"));
            assert_eq!(report.valid_logs, 150);
        }
    }
}

#[test]
fn the_illustrative_policy_keeps_the_laws() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/policies/example-borough-2026.json");
    let policy = Policy::from_definition_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    testing::check_laws(&policy, Calendar::uk(Division::Scotland), 300).unwrap();
}

#[test]
fn a_deadline_counted_from_the_raising_at_a_later_stage_keeps_the_laws() {
    // Stage 2's clock counts 1 working day from the raising: a case that
    // reaches stage 2 later starts it after its deadline, overdue from its
    // start (CONTRACT section 7, round three). A sound definition.
    let policy = Policy::from_definition_json(
        r#"{"id": "late-clock", "name": "A clock that runs out before its stage starts", "stages": [
            {"number": 1, "name": "A", "clock": {"kind": "working_days_after_start", "days": 5}},
            {"number": 2, "name": "B", "clock": {"kind": "working_days_after_raised", "days": 1}},
            {"number": 3, "name": "C", "clock": {"kind": "not_stated"}}
        ]}"#,
    )
    .unwrap();
    let calendar = Calendar::uk(Division::EnglandAndWales);
    testing::check_laws(&policy, calendar, 500).unwrap();
    // Raised Monday 1 February 2027 (stage 2 due Tuesday 2nd), escalated
    // on Monday 8th: overdue from its start.
    let request = r#"{"policy": {"id": "late-clock", "name": "Late", "stages": [
            {"number": 1, "name": "A", "clock": {"kind": "working_days_after_start", "days": 5}},
            {"number": 2, "name": "B", "clock": {"kind": "working_days_after_raised", "days": 1}},
            {"number": 3, "name": "C", "clock": {"kind": "not_stated"}}]},
        "as_of": "2027-02-08",
        "events": [{"type": "raised", "on": "2027-02-01"}, {"type": "escalated", "on": "2027-02-08"}]}"#;
    let answer: serde_json::Value =
        serde_json::from_str(&safeguarding_resolution::evaluate_json(request)).unwrap();
    assert_eq!(answer["stage"]["number"], 2);
    assert_eq!(answer["stage"]["due"]["date"], "2027-02-02");
    assert_eq!(answer["overdue"], true);
    // Working days after Tuesday 2nd up to Monday 8th: 3, 4, 5, 8.
    assert_eq!(answer["working_days_overdue"], 4);
}

#[test]
fn a_policy_with_no_way_on_is_caught_before_any_log() {
    let mut policy = Policy::get(PolicyId::NsscpIssueResolution2025).clone();
    policy.stages[1].escalates = false;
    let broken = laws::every_stage_has_a_way_on(&policy).unwrap_err();
    assert!(broken.detail.contains("stage 2"), "{broken}");
}

#[test]
fn a_definition_with_every_round_three_key_keeps_the_laws() {
    let policy = Policy::from_definition_json(
        r#"{"$schema": "https://example.org/policy-definition.schema.json",
        "id": "round-three-2026", "name": "Every round-three key", "stages": [
            {"number": 1, "name": "A", "clock": {"kind": "earliest_of", "of": [
                {"kind": "working_days_after_start", "days": 5}, {"kind": "hours_after_start", "hours": 48}]}},
            {"number": 2, "name": "B", "clock": {"kind": "by_priority", "default": "standard", "priorities": {
                "urgent": {"kind": "hours_after_start", "hours": 24},
                "standard": {"kind": "working_days_after_record", "record": "decision_received", "days": 2,
                             "until_recorded": {"kind": "working_days_after_start", "days": 5}}}}},
            {"number": 3, "name": "C", "clock": {"kind": "working_days_after_raised", "days": 3}}],
        "obligations": [
            {"id": "first_step", "what": "First", "trigger": {"on": "stage_entered", "stages": [1, 2]},
             "due": {"kind": "working_days_after", "days": 1}, "lapses": "stage_ends"},
            {"id": "second_step", "what": "Second", "trigger": {"on": "recorded", "record": "first_step"},
             "due": {"kind": "working_days_after", "days": 1}, "lapses": "case_ends"},
            {"id": "same_day", "what": "Escalate", "trigger": {"on": "immediate_risk"},
             "due": {"kind": "same_working_day"}}],
        "records": [{"id": "decision_received", "what": "The decision was received"}]}"#,
    )
    .unwrap();
    for division in [Division::EnglandAndWales, Division::Scotland] {
        testing::check_laws(&policy, Calendar::uk(division), 300)
            .unwrap_or_else(|broken| panic!("{division:?}: {broken}"));
    }
}
