//! The policy authors' checker (`testing::check_policy`, the work of
//! `cargo run --example check_policy`): scenarios with expected values
//! pass or fail with the difference, and the printed timeline says what
//! happened.

use std::path::{Path, PathBuf};

use safeguarding_resolution::Engine;
use safeguarding_resolution::testing::check_policy;
use safeguarding_resolution::testing::scenario::{Scenario, Target, timeline};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn illustrative_policy() -> String {
    std::fs::read_to_string(root().join("examples/policies/example-borough-2026.json")).unwrap()
}

/// The illustrative scenarios, `(file name, text)`, sorted by name.
fn illustrative_scenarios() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/example-borough-2026"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

fn borrowed(scenarios: &[(String, String)]) -> Vec<(&str, &str)> {
    scenarios
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect()
}

#[test]
fn every_illustrative_scenario_carries_expectations_and_passes() {
    let scenarios = illustrative_scenarios();
    assert!(scenarios.len() >= 8);
    for (name, text) in &scenarios {
        let scenario = Scenario::from_json(text).unwrap();
        assert!(
            !scenario.expectations().is_empty(),
            "{name}: no expectations"
        );
    }
    let check = check_policy(&illustrative_policy(), &borrowed(&scenarios), 32);
    assert!(check.ok(), "{}", check.report);
    assert_eq!(check.exit_code(), 0);
    assert_eq!(
        (check.passed, check.failed, check.unchecked),
        (scenarios.len(), 0, 0)
    );
    assert!(
        check.report.ends_with("Check passed.\n"),
        "{}",
        check.report
    );
}

#[test]
fn a_wrong_expectation_fails_the_check_and_says_which_and_why() {
    let mut scenarios = illustrative_scenarios();
    // Day 10 lapses on the day of the agreement, Tuesday 2 February 2027,
    // not the day after.
    let (name, text) = scenarios
        .iter_mut()
        .find(|(n, _)| n.starts_with("07-"))
        .unwrap();
    let wrong = text.replace(
        r#""pointer": "/lapsed_on", "equals": "2027-02-02""#,
        r#""pointer": "/lapsed_on", "equals": "2027-02-03""#,
    );
    assert_ne!(&wrong, text, "the fixture still has the expectation");
    *text = wrong;
    let name = name.clone();
    let check = check_policy(&illustrative_policy(), &borrowed(&scenarios), 8);
    assert!(!check.ok());
    assert_eq!(check.exit_code(), 1);
    assert_eq!((check.passed, check.failed), (scenarios.len() - 1, 1));
    let report = &check.report;
    let at = report
        .find(&format!("\n{name}\n"))
        .expect("the scenario is named");
    let section = &report[at..];
    assert!(
        section.contains("FAILED: 1 of 5 expectations not met:\n"),
        "{section}"
    );
    assert!(
        section.contains(
            r#"    expect[3] (milestone Day 10, /lapsed_on): expected "2027-02-03", found "2027-02-02""#
        ),
        "{section}"
    );
    assert!(report.contains("Scenarios: 7 passed, 1 failed, 0 without expectations."));
    assert!(report.ends_with("Check FAILED.\n"));
}

#[test]
fn an_expectation_that_finds_nothing_says_why() {
    let engine = Engine::new();
    let scenario = Scenario::from_json(
        r#"{"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
            "events": [{"type": "raised", "on": "2026-12-21"}, {"type": "escalated", "on": "2026-12-23"}],
            "expect": [
                {"obligation": "agency_log", "pointer": "/done_on", "equals": null},
                {"obligation": "agency_log", "stage": 2, "pointer": "/done_on", "equals": null},
                {"obligation": "resolution_form", "pointer": "/due/date", "equals": "2027-01-25"},
                {"milestone": "Day 18", "pointer": "/met_on", "equals": null},
                {"history": 1, "pointer": "/ended_by", "equals": "escalated"},
                {"history": 3, "pointer": "/ended_by", "equals": "escalated"},
                {"pointer": "/stage/due/nothing", "equals": 1}
            ]}"#,
    )
    .unwrap();
    let run = scenario.run(&engine);
    let lines: Vec<String> = run.mismatches.iter().map(|m| m.to_string()).collect();
    assert_eq!(
        lines,
        [
            "expect[0] (obligation agency_log, /done_on): expected null, found nothing: 2 obligations have that id: name the stage it arose at with \"stage\"",
            "expect[2] (obligation resolution_form, /due/date): expected \"2027-01-25\", found nothing: no obligation of that id in the answer",
            "expect[3] (milestone Day 18, /met_on): expected null, found nothing: no milestone of that name in the answer",
            "expect[5] (history of stage 3, /ended_by): expected \"escalated\", found nothing: no past stage of that number in the answer",
            "expect[6] (/stage/due/nothing): expected 1, found nothing: no such place in the answer",
        ]
    );
    // An error answer has no obligations.
    let refused = Scenario::from_json(
        r#"{"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
            "events": [{"type": "escalated", "on": "2026-12-21"}],
            "expect": [{"obligation": "agency_log", "pointer": "/done", "equals": false}]}"#,
    )
    .unwrap();
    let run = refused.run(&engine);
    assert_eq!(
        run.mismatches[0].why.as_deref(),
        Some("the answer is an error (invalid_transition), with no obligations")
    );
}

#[test]
fn a_scenario_that_cannot_be_read_fails_with_its_place() {
    for (text, place) in [
        ("[1]", "(file)"),
        ("{", "(file)"),
        (r#"{"expect": {}}"#, "expect"),
        (r#"{"expect": [7]}"#, "expect[0]"),
        (r#"{"expect": [{"equals": 1}]}"#, "expect[0].pointer"),
        (r#"{"expect": [{"pointer": "stage"}]}"#, "expect[0].pointer"),
        (r#"{"expect": [{"pointer": "/stage"}]}"#, "expect[0].equals"),
        (
            r#"{"expect": [{"pointer": "", "equals": 1, "expected": 2}]}"#,
            "expect[0].expected",
        ),
        (
            r#"{"expect": [{"pointer": "", "equals": 1, "milestone": "A", "history": 1}]}"#,
            "expect[0]",
        ),
        (
            r#"{"expect": [{"pointer": "", "equals": 1, "milestone": "A", "stage": 1}]}"#,
            "expect[0].stage",
        ),
        (
            r#"{"expect": [{"pointer": "", "equals": 1, "obligation": 3}]}"#,
            "expect[0].obligation",
        ),
    ] {
        let err = Scenario::from_json(text).unwrap_err();
        assert_eq!(err.place, place, "{text}: {err}");
    }
    let definition = illustrative_policy();
    let check = check_policy(
        &definition,
        &[(
            "bad.json",
            r#"{"expect": [{"pointer": "stage", "equals": 1}]}"#,
        )],
        4,
    );
    assert_eq!((check.failed, check.exit_code()), (1, 1));
    assert!(
        check
            .report
            .contains("FAILED: the scenario cannot be read: expect[0].pointer: "),
        "{}",
        check.report
    );
    // Parsing keeps the request and the targets.
    let scenario = Scenario::from_json(
        r#"{"policy": "p", "expect": [{"obligation": "x", "stage": 2, "pointer": "/done", "equals": true}]}"#,
    )
    .unwrap();
    assert_eq!(scenario.request_json(), r#"{"policy":"p"}"#);
    assert_eq!(
        scenario.expectations()[0].target,
        Target::Obligation {
            id: "x".into(),
            stage: Some(2)
        }
    );
}

#[test]
fn a_refused_definition_fails_the_check_with_every_problem() {
    let check = check_policy(
        r#"{"id": "x", "name": "X", "stages": [{"number": 2, "name": "B", "clock": {"kind": "soon"}}]}"#,
        &[],
        4,
    );
    assert!(check.refused && !check.ok());
    assert_eq!(check.exit_code(), 1);
    assert!(
        check
            .report
            .starts_with("The definition is refused (invalid_policy):\n"),
        "{}",
        check.report
    );
    assert!(
        check.report.contains("  stages[0].clock.kind: "),
        "{}",
        check.report
    );
}

fn answer(engine: &Engine, request: &str) -> Value {
    serde_json::from_str(&engine.evaluate_json(request)).unwrap()
}

/// The timeline of a Gloucestershire case raised on Monday 21 December
/// 2026, reported to line managers on Tuesday 22 at 16:00, and `escalated`
/// or `resolved` on Wednesday 23.
fn gscp_reported_on_the_22nd(engine: &Engine, last: &str) -> String {
    let request = format!(
        r#"{{"policy": "gscp-escalation-2021", "as_of": "2026-12-28", "events": [
            {{"type": "raised", "on": "2026-12-21"}},
            {{"type": "recorded", "on": "2026-12-22T16:00", "record": "reported_to_line_managers"}},
            {{"type": "{last}", "on": "2026-12-23"}}]}}"#
    );
    timeline(
        &answer(engine, &request),
        engine.policy("gscp-escalation-2021").as_deref(),
    )
}

#[test]
fn the_timeline_says_when_a_clock_was_met_and_by_what() {
    let engine = Engine::new();
    // Gloucestershire, raised Monday 21 December 2026: stage 1's working day
    // ends on Tuesday 22; the report to line managers that day meets it,
    // though the case moves on only on Wednesday 23.
    let text = gscp_reported_on_the_22nd(&engine, "escalated");
    assert!(
        text.contains(
            "  Stage 1 (Preventing Disputes) from 2026-12-21 to 2026-12-23, due by the end of 2026-12-22; \
             its clock met on 2026-12-22 by the record reported_to_line_managers, in time; ended by escalated\n"
        ),
        "{text}"
    );
    // Swindon stage 3: the contact with the opposite number, recorded on the
    // day stage 3 started, meets its clock while the stage goes on.
    let r = answer(
        &engine,
        r#"{"policy": "swindon-resolution-2026", "as_of": "2027-02-12", "events": [
            {"type": "raised", "on": "2027-02-01"},
            {"type": "escalated", "on": "2027-02-02"},
            {"type": "escalated", "on": "2027-02-04"},
            {"type": "recorded", "on": "2027-02-05", "record": "opposite_number_contacted"}]}"#,
    );
    let text = timeline(&r, engine.policy("swindon-resolution-2026").as_deref());
    assert!(
        text.contains(
            "  Now at stage 3 (Team/Service Manager) since 2027-02-04, due by the end of 2027-02-11; \
             its clock met on 2027-02-05 by the record opposite_number_contacted, in time\n"
        ),
        "{text}"
    );
    // Without the policy, the record is not named.
    assert!(timeline(&r, None).contains("its clock met on 2027-02-05 by its record, in time\n"));
}

#[test]
fn the_timeline_counts_working_days_in_words_and_shows_done_and_lapsed_duties() {
    let engine = Engine::new();
    // Swindon stage 2 from Wednesday 23 December 2026 is due Monday
    // 4 January 2027: on the 5th one working day overdue, on the 6th two.
    let request = |as_of: &str| {
        format!(
            r#"{{"policy": "swindon-resolution-2026", "as_of": "{as_of}", "events": [
                {{"type": "raised", "on": "2026-12-21"}},
                {{"type": "recorded", "on": "2026-12-21", "record": "agency_log", "stage": 1}},
                {{"type": "escalated", "on": "2026-12-23"}}]}}"#
        )
    };
    let policy = engine.policy("swindon-resolution-2026");
    let policy = policy.as_deref();
    let one = timeline(&answer(&engine, &request("2027-01-05")), policy);
    assert!(one.contains(": OVERDUE by 1 working day\n"), "{one}");
    let two = timeline(&answer(&engine, &request("2027-01-06")), policy);
    assert!(two.contains(": OVERDUE by 2 working days\n"), "{two}");
    // The two agency logs read apart, by the stage each arose at; the one
    // recorded says when.
    assert!(
        one.contains(
            "  Duty agency_log (stage 1): Record the stage in the agency's resolution log"
        ),
        "{one}"
    );
    assert!(one.contains("; done on 2026-12-21\n"), "{one}");
    assert!(
        one.contains(
            "  Duty agency_log (stage 2): Record the stage in the agency's resolution log"
        ),
        "{one}"
    );
    // Gloucestershire's line managers' contact lapses when the case ends
    // first (resolved on Wednesday 23 December).
    let text = gscp_reported_on_the_22nd(&engine, "resolved");
    assert!(
        text.contains("  Duty line_managers_contact (stage 1): ")
            && text.contains("; lapsed on 2026-12-23, unmet (no longer owed)\n"),
        "{text}"
    );
    assert!(
        text.contains("  The case is resolved on 2026-12-23\n"),
        "{text}"
    );
}
