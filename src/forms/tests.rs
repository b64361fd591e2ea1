use serde_json::{Value, json};

use super::*;

fn problems(form: FormId, data: Value) -> Vec<(String, &'static str)> {
    validate(form, &data)
        .problems
        .into_iter()
        .map(|p| (p.field, p.code))
        .collect()
}

fn warnings(form: FormId, data: Value) -> Vec<(String, &'static str)> {
    validate(form, &data)
        .warnings
        .into_iter()
        .map(|w| (w.field, w.code))
        .collect()
}

fn swindon_valid() -> Value {
    json!({
        "subjects": [{"name": "Child A", "date_of_birth": "2016-04-01"}],
        "address": "1 Example Road",
        "agency": "School",
        "representative": {"name": "B Teacher", "role": "Designated Safeguarding Lead", "contact": "01234 567890"},
        "worried_about": "Risk not addressed",
        "action_needed": "A strategy discussion",
        "raised_on": "2027-02-01",
        "sent_on": "2027-03-01",
        "stages": [
            {"stage": 1, "date_contact_made": "2027-02-02", "contacted": "Line manager", "how_contacted": "In person", "outcome": "Agreed to escalate"},
            {"stage": 2, "date_contact_made": "2027-02-08", "contacted": "Social worker", "how_contacted": "Email", "outcome": "No agreement"},
            {"stage": 3, "date_contact_made": "2027-02-15", "contacted": "Team manager", "how_contacted": "Email", "outcome": "No agreement"},
            {"stage": 4, "date_contact_made": "2027-02-22", "contacted": "Head of service", "how_contacted": "Meeting", "outcome": "No agreement"}
        ]
    })
}

#[test]
fn a_complete_swindon_form_is_valid() {
    assert_eq!(problems(FormId::SwindonResolutionForm, swindon_valid()), []);
}

#[test]
fn swindon_stage_table_must_be_in_order_and_within_the_clocks() {
    let mut form = swindon_valid();
    form["stages"][2]["date_contact_made"] = json!("2027-02-05"); // before stage 2's
    form["stages"][3]["date_contact_made"] = json!("2027-03-01"); // after Day 17 (24 Feb)
    assert_eq!(
        problems(FormId::SwindonResolutionForm, form.clone()),
        [("stages[2].date_contact_made".to_string(), "out_of_order")]
    );
    // The late contact is what happened: a warning, not a problem.
    assert_eq!(
        warnings(FormId::SwindonResolutionForm, form),
        [(
            "stages[3].date_contact_made".to_string(),
            "after_stage_clock"
        )]
    );
    let mut form = swindon_valid();
    form["stages"].as_array_mut().unwrap().remove(1);
    assert_eq!(
        problems(FormId::SwindonResolutionForm, form.clone()),
        [("stages".to_string(), "missing")]
    );
    // Where there was immediate risk, stages may be skipped.
    form["immediate_risk"] = json!(true);
    assert_eq!(problems(FormId::SwindonResolutionForm, form), []);
}

#[test]
fn every_problem_is_reported_at_once_and_values_are_never_repeated() {
    let data = json!({
        "subjects": [{"name": " ", "date_of_birth": "2016-13-40"}],
        "representative": {"name": "Secret Name", "role": 7},
        "stages": [{"stage": 9, "date_contact_made": "soon"}],
        "favourite_colour": "Secret Colour"
    });
    let validation = validate(FormId::SwindonResolutionForm, &data);
    let codes: Vec<(&str, &str)> = validation
        .problems
        .iter()
        .map(|p| (p.field.as_str(), p.code))
        .collect();
    assert_eq!(
        codes,
        [
            ("favourite_colour", "unknown_field"),
            ("subjects[0].name", "blank"),
            ("subjects[0].date_of_birth", "impossible_date"),
            ("address", "missing"),
            ("agency", "missing"),
            ("representative.role", "wrong_type"),
            ("representative.contact", "missing"),
            ("worried_about", "missing"),
            ("action_needed", "missing"),
            ("stages[0].stage", "out_of_range"),
            ("stages[0].date_contact_made", "not_a_date"),
            ("stages[0].contacted", "missing"),
            ("stages[0].how_contacted", "missing"),
            ("stages[0].outcome", "missing"),
        ]
    );
    for problem in &validation.problems {
        for secret in ["Secret", "2016-13-40", "soon"] {
            assert!(!problem.message.contains(secret), "{problem:?}");
        }
    }
    assert!(!format!("{validation:?}").contains("Secret"));
}

fn nsscp_valid() -> Value {
    json!({
        "child": {"name": "Child C", "date_of_birth": "2014-09-09"},
        "stage_2_started": "2027-02-02",
        "involved": [
            {"name": "D Nurse", "designation": "School nurse", "agency": "Health", "date": "2027-02-02", "stage": 2},
            {"name": "E Worker", "designation": "Social worker", "agency": "CSC", "date": "2027-02-04", "stage": 3}
        ],
        "stages": {
            "2": {"summary": "Views differ", "agreed_outcomes": [], "unresolved": "Service offer"},
            "3": {"summary": "Agreed a plan", "agreed_outcomes": [{"action": "Assessment", "timescale": "2027-02-20"}]}
        },
        "resolved_at_stage": 3,
        "days_taken": 5
    })
}

#[test]
fn a_complete_nsscp_form_is_valid() {
    assert_eq!(problems(FormId::NsscpRecordingForm, nsscp_valid()), []);
}

#[test]
fn nsscp_asks_for_actual_dates_and_consistent_stages() {
    let mut form = nsscp_valid();
    form["stages"]["3"]["agreed_outcomes"][0]["timescale"] = json!("ASAP");
    form["stages"]["2"]
        .as_object_mut()
        .unwrap()
        .remove("unresolved");
    form["stages"]["4"] = json!({"summary": "x"});
    form["days_taken"] = json!(12);
    form["involved"][1]["date"] = json!("2027-01-30");
    assert_eq!(
        problems(FormId::NsscpRecordingForm, form),
        [
            ("involved[1].date".to_string(), "out_of_order"),
            ("stages.2.unresolved".to_string(), "missing"),
            (
                "stages.3.agreed_outcomes[0].timescale".to_string(),
                "not_a_date"
            ),
            ("stages.4".to_string(), "inconsistent"),
        ]
    );
}

#[test]
fn swindon_records_late_dates_with_warnings_and_stays_valid() {
    // Raised Monday 1 February 2027: stage 1 by Wednesday 3 February, stage
    // 2 by Wednesday 10, stage 3 by Wednesday 17, stage 4 (Day 17) by
    // Wednesday 24 February, the form (22 working days) by Wednesday 3 March.
    let mut form = swindon_valid();
    for (row, date) in ["2027-02-04", "2027-02-11", "2027-02-18", "2027-02-25"]
        .into_iter()
        .enumerate()
    {
        form["stages"][row]["date_contact_made"] = json!(date);
    }
    form["sent_on"] = json!("2027-03-04");
    assert_eq!(problems(FormId::SwindonResolutionForm, form.clone()), []);
    let late = |field: &str| (field.to_string(), "after_stage_clock");
    assert_eq!(
        warnings(FormId::SwindonResolutionForm, form.clone()),
        [
            late("stages[0].date_contact_made"),
            late("stages[1].date_contact_made"),
            late("stages[2].date_contact_made"),
            late("stages[3].date_contact_made"),
            late("sent_on"),
        ]
    );
    let validation = validate(FormId::SwindonResolutionForm, &form);
    assert!(validation.valid());
    for warning in &validation.warnings {
        assert!(!warning.message.contains("2027"), "{warning:?}");
    }
    // Each on its last day: nothing to say.
    for (row, date) in ["2027-02-03", "2027-02-10", "2027-02-17", "2027-02-24"]
        .into_iter()
        .enumerate()
    {
        form["stages"][row]["date_contact_made"] = json!(date);
    }
    form["sent_on"] = json!("2027-03-03");
    assert_eq!(warnings(FormId::SwindonResolutionForm, form), []);
}

#[test]
fn swindon_form_sent_before_the_disagreement_arose_is_incoherent() {
    let mut form = swindon_valid();
    form["stages"] = json!([]);
    form["immediate_risk"] = json!(true);
    form["sent_on"] = json!("2027-01-29");
    let found = problems(FormId::SwindonResolutionForm, form.clone());
    assert!(
        found.contains(&("sent_on".to_string(), "out_of_order")),
        "{found:?}"
    );
    // On the day it arose: possible.
    form["sent_on"] = json!("2027-02-01");
    let found = problems(FormId::SwindonResolutionForm, form);
    assert!(
        !found.iter().any(|(field, _)| field == "sent_on"),
        "{found:?}"
    );
}

#[test]
fn swindon_clock_beyond_the_calendar_is_a_warning() {
    // 22 working days from 20 December 2100 end in 2101, beyond every
    // calendar: the date is recorded unchecked.
    let mut form = swindon_valid();
    form["raised_on"] = json!("2100-12-20");
    form["stages"] = json!([{"stage": 1, "date_contact_made": "2100-12-21", "contacted": "x",
        "how_contacted": "x", "outcome": "x"}]);
    form["immediate_risk"] = json!(true);
    form["sent_on"] = json!("2100-12-22");
    assert_eq!(problems(FormId::SwindonResolutionForm, form.clone()), []);
    assert_eq!(
        warnings(FormId::SwindonResolutionForm, form),
        [("sent_on".to_string(), "out_of_range")]
    );
}

#[test]
fn nsscp_days_taken_is_any_whole_number_from_one() {
    for (days, problem, warned) in [
        (json!(1), None, true),
        (json!(2), None, false),
        (json!(8), None, false),
        (json!(9), None, true),
        (json!(40), None, true),
        (json!(0), Some("out_of_range"), false),
        (json!(-3), Some("out_of_range"), false),
        (json!(2.5), Some("out_of_range"), false),
        (json!("3"), Some("wrong_type"), false),
        (json!(true), Some("wrong_type"), false),
    ] {
        let mut form = nsscp_valid();
        form["days_taken"] = days.clone();
        let validation = validate(FormId::NsscpRecordingForm, &form);
        let found: Vec<(&str, &str)> = validation
            .problems
            .iter()
            .map(|p| (p.field.as_str(), p.code))
            .collect();
        match problem {
            Some(code) => assert_eq!(found, [("days_taken", code)], "{days}"),
            None => assert_eq!(found, [], "{days}"),
        }
        let warned_on: Vec<(&str, &str)> = validation
            .warnings
            .iter()
            .map(|w| (w.field.as_str(), w.code))
            .collect();
        if warned {
            assert_eq!(
                warned_on,
                [("days_taken", "outside_printed_options")],
                "{days}"
            );
            assert!(!validation.warnings[0].message.contains(&days.to_string()));
        } else {
            assert_eq!(warned_on, [], "{days}");
        }
    }
}

#[test]
fn referral_form_needs_the_seven_sections_and_the_criteria() {
    let data = json!({"by_agency": "Health", "presenter": "Designated Nurse", "marked_for_resolution_group": true,
        "escalation_stage": 4, "risks": ["self_harm"],
        "referral": {"basic_information": "x", "chronology": "x", "assessment": "x", "agencies_involved": "x",
                     "risk_analysis": "x", "obstacles": "x", "outcomes_sought": "x"}});
    assert_eq!(
        problems(FormId::GscpResolutionGroupReferral, data.clone()),
        []
    );
    let mut bad = data;
    bad["escalation_stage"] = json!(2);
    bad["referral"].as_object_mut().unwrap().remove("obstacles");
    bad["risks"] = json!(["boredom"]);
    bad["marked_for_resolution_group"] = json!(false);
    assert_eq!(
        problems(FormId::GscpResolutionGroupReferral, bad),
        [
            ("marked_for_resolution_group".to_string(), "must_be_true"),
            ("prior_process".to_string(), "missing"),
            ("risks[0]".to_string(), "unknown_value"),
            ("referral.obstacles".to_string(), "missing"),
        ]
    );
    assert_eq!(
        problems(FormId::GscpResolutionGroupReferral, json!([])),
        [("(data)".to_string(), "wrong_type")]
    );
}

#[test]
fn referral_form_warns_of_optional_fields_and_counts_a_linked_case_from_stage_4() {
    let sections = json!({"basic_information": "x", "chronology": "x", "assessment": "x",
        "agencies_involved": "x", "risk_analysis": "x", "obstacles": "x", "outcomes_sought": "x"});
    // The seven sections, the mark and a route: valid, whatever else is absent.
    let data = json!({"marked_for_resolution_group": true, "prior_process": ["planning"],
        "features": [], "referral": sections});
    let validation = validate(FormId::GscpResolutionGroupReferral, &data);
    assert!(validation.valid(), "{:?}", validation.problems);
    let warned: Vec<(&str, &str)> = validation
        .warnings
        .iter()
        .map(|w| (w.field.as_str(), w.code))
        .collect();
    assert_eq!(
        warned,
        [
            ("by_agency", "missing"),
            ("presenter", "missing"),
            ("features", "missing"),
            ("risks", "missing"),
        ]
    );
    // A linked case at stage 3 is still being tried; at 4 it is a route.
    let mut linked = data.clone();
    linked.as_object_mut().unwrap().remove("prior_process");
    linked["escalation_stage"] = json!(3);
    assert_eq!(
        problems(FormId::GscpResolutionGroupReferral, linked.clone()),
        [("prior_process".to_string(), "missing")]
    );
    linked["escalation_stage"] = json!(4);
    assert_eq!(problems(FormId::GscpResolutionGroupReferral, linked), []);
}

#[test]
fn nsscp_form_in_progress_needs_no_monitoring_boxes_until_resolved() {
    // Shared at stage 2 with the Business Manager, before any resolution.
    let mut data = nsscp_valid();
    let form = data.as_object_mut().unwrap();
    form.remove("resolved_at_stage");
    form.remove("days_taken");
    for stage in ["2", "3", "4"] {
        if let Some(section) = form["stages"].get_mut(stage) {
            section.as_object_mut().unwrap().remove("agreed_outcomes");
        }
    }
    let in_progress = problems(FormId::NsscpRecordingForm, data.clone());
    assert_eq!(in_progress, [], "{in_progress:?}");
    // Once it says it is resolved, both boxes and the outcomes are needed.
    data["days_taken"] = json!(3);
    let resolved = problems(FormId::NsscpRecordingForm, data);
    assert!(
        resolved.contains(&("resolved_at_stage".to_string(), "missing")),
        "{resolved:?}"
    );
    assert!(
        resolved
            .iter()
            .any(|(f, c)| f.ends_with("agreed_outcomes") && *c == "missing"),
        "{resolved:?}"
    );
}

#[test]
fn a_date_of_birth_after_the_forms_own_dates_is_a_problem() {
    // North Somerset: born after stage 2 started.
    let mut data = nsscp_valid();
    data["child"]["date_of_birth"] = json!("2027-02-03");
    assert_eq!(
        problems(FormId::NsscpRecordingForm, data.clone()),
        [("child.date_of_birth".to_string(), "out_of_order")]
    );
    // Born on the day stage 2 started: possible, no problem.
    data["child"]["date_of_birth"] = json!("2027-02-02");
    assert_eq!(problems(FormId::NsscpRecordingForm, data), []);
    // Swindon: the second subject born after the disagreement arose, placed
    // where the date of birth is, before the later fields' problems.
    let mut data = swindon_valid();
    let born_late = data["subjects"][0].clone();
    data["subjects"].as_array_mut().unwrap().push(born_late);
    data["subjects"][1]["date_of_birth"] = json!("2099-01-01");
    data["address"] = json!(" ");
    let found = validate(FormId::SwindonResolutionForm, &data);
    let fields: Vec<(&str, &str)> = found
        .problems
        .iter()
        .map(|p| (p.field.as_str(), p.code))
        .collect();
    assert_eq!(
        fields,
        [
            ("subjects[1].date_of_birth", "out_of_order"),
            ("address", "blank")
        ]
    );
    assert!(!found.problems[0].message.contains("2099"));
}

#[test]
fn form_ids_go_to_json_and_back() {
    for form in FormId::ALL {
        let json = serde_json::to_string(&form).unwrap();
        assert_eq!(json, format!("\"{}\"", form.as_str()));
        assert_eq!(serde_json::from_str::<FormId>(&json).unwrap(), form);
    }
    let error = serde_json::from_str::<FormId>("\"Jane Doe\"").unwrap_err();
    assert!(!error.to_string().contains("Jane"), "{error}");
}
