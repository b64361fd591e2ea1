use chrono::{NaiveDate, NaiveDateTime};

use super::gscp::{GscpArea, GscpStage};
use super::nsscp::NsscpStage;
use super::swindon::SwindonStage;
use super::*;
use crate::calendar::{Calendar, Division};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, min, 0).unwrap()
}

fn ew() -> &'static Calendar {
    Calendar::uk(Division::EnglandAndWales)
}

fn run(policy: PolicyId, events: &[Event], as_of: NaiveDate) -> CaseStatus {
    Policy::get(policy).evaluate(ew(), events, as_of).unwrap()
}

fn fail(policy: PolicyId, events: &[Event], as_of: NaiveDate) -> Error {
    Policy::get(policy)
        .evaluate(ew(), events, as_of)
        .unwrap_err()
}

fn ids(status: &CaseStatus) -> Vec<&str> {
    status.obligations.iter().map(|o| o.id.as_str()).collect()
}

fn obligation<'s>(status: &'s CaseStatus, id: &str) -> &'s ObligationStatus {
    status
        .obligations
        .iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no obligation {id} in {:?}", ids(status)))
}

/// A Swindon case raised on Monday 1 February 2027 and escalated at each
/// stage's deadline to stage 5 (entered on 24 February).
fn swindon_to_stage_5() -> Vec<Event> {
    vec![
        Event::raised(day(2027, 2, 1), Raised::new()),
        Event::escalated(day(2027, 2, 3)),
        Event::escalated(day(2027, 2, 10)),
        Event::escalated(day(2027, 2, 17)),
        Event::escalated(day(2027, 2, 24)),
    ]
}

const SWINDON: PolicyId = PolicyId::SwindonResolution2026;
const NSSCP: PolicyId = PolicyId::NsscpIssueResolution2025;
const GSCP: PolicyId = PolicyId::GscpEscalation2021;

// ---- Stage clocks (CONTRACT section 3) ----

#[test]
fn swindon_clocks_and_the_contract_example() {
    let events = [
        Event::raised(day(2026, 12, 21), Raised::new()),
        Event::escalated(day(2026, 12, 23)),
    ];
    let status = run(SWINDON, &events, day(2027, 1, 5));
    assert_eq!(status.history[0].due.date(), Some(day(2026, 12, 23)));
    assert_eq!(status.history[0].within_time, Some(true));
    let stage = status.stage.as_ref().unwrap();
    assert_eq!(stage.due.date(), Some(day(2027, 1, 4)));
    assert!(status.overdue);
    assert_eq!(status.working_days_overdue, 1);
    assert_eq!(
        status.next,
        [
            EventType::Escalated,
            EventType::Resolved,
            EventType::Withdrawn,
            EventType::ImmediateRisk,
            EventType::Recorded
        ]
    );
    // The due date itself is in time.
    let on_time = run(SWINDON, &events, day(2027, 1, 4));
    assert!(!on_time.overdue);
    assert_eq!(on_time.working_days_overdue, 0);
}

#[test]
fn swindon_stages_three_to_five_run_five_working_days_from_their_start() {
    let events = swindon_to_stage_5();
    let status = run(SWINDON, &events, day(2027, 2, 24));
    let dues: Vec<_> = status
        .history
        .iter()
        .map(|h| h.due.date().unwrap())
        .collect();
    assert_eq!(
        dues,
        [
            day(2027, 2, 3),
            day(2027, 2, 10),
            day(2027, 2, 17),
            day(2027, 2, 24)
        ]
    );
    assert!(status.history.iter().all(|h| h.within_time == Some(true)));
    assert_eq!(
        status.stage.as_ref().unwrap().due.date(),
        Some(day(2027, 3, 3))
    );
    assert_eq!(
        swindon::current_stage(&status),
        Some(SwindonStage::Partnership)
    );
    // Day 17 is met on the day stage 5 starts: 17 working days after 1 Feb.
    let day_17 = &status.milestones[0];
    assert_eq!(day_17.due.date(), Some(day(2027, 2, 24)));
    assert_eq!(day_17.met_on, Some(day(2027, 2, 24)));
    assert!(status.next.contains(&EventType::Decided));
    assert!(!status.next.contains(&EventType::Escalated));
}

#[test]
fn nsscp_clocks_and_day_5_and_day_8() {
    let events = [
        Event::raised(day(2027, 3, 24), Raised::new()),
        Event::escalated(day(2027, 3, 25)),
        Event::escalated(day(2027, 3, 31)),
        Event::escalated(day(2027, 4, 2)),
    ];
    let status = run(NSSCP, &events, day(2027, 4, 8));
    let dues: Vec<_> = status
        .history
        .iter()
        .map(|h| h.due.date().unwrap())
        .collect();
    // 1 WD after Wed 24 Mar; 2 WD after Thu 25 Mar over Easter; 2 after Wed 31.
    assert_eq!(dues, [day(2027, 3, 25), day(2027, 3, 31), day(2027, 4, 2)]);
    assert_eq!(
        status.stage.as_ref().unwrap().due.date(),
        Some(day(2027, 4, 7))
    );
    assert_eq!(
        nsscp::current_stage(&status),
        Some(NsscpStage::SafeguardingPartnership)
    );
    let names: Vec<_> = status.milestones.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Day 5", "Day 8"]);
    assert_eq!(status.milestones[0].due.date(), Some(day(2027, 4, 2)));
    assert_eq!(status.milestones[0].met_on, Some(day(2027, 4, 2)));
    assert_eq!(status.milestones[1].due.date(), Some(day(2027, 4, 7)));
    assert!(status.milestones[1].overdue);
    assert!(status.overdue);
}

#[test]
fn gscp_reports_unstated_clocks_honestly() {
    let events = [
        Event::raised(day(2027, 1, 11), Raised::new()),
        Event::escalated(day(2027, 1, 12)),
        Event::escalated(day(2027, 1, 20)),
        Event::escalated(day(2027, 2, 1)),
    ];
    let status = run(GSCP, &events, day(2027, 6, 1));
    assert_eq!(
        status.history[0].due.kind,
        DueKind::ByEndOf(day(2027, 1, 12))
    );
    assert_eq!(status.history[1].due.kind, DueKind::WithoutDelay);
    assert_eq!(status.history[1].within_time, None);
    assert_eq!(status.history[2].due.kind, DueKind::NotStated);
    let stage = status.stage.as_ref().unwrap();
    assert_eq!(
        gscp::current_stage(&status),
        Some(GscpStage::ResolutionGroup)
    );
    assert_eq!(stage.due.kind, DueKind::NotStated);
    assert!(stage.due.rule.contains("Resolution Group"));
    // No invented deadline, so never overdue.
    assert!(!status.overdue);
    assert!(status.milestones.is_empty());
}

// ---- Obligations ----

#[test]
fn gscp_line_managers_contact_within_24_hours_of_the_report() {
    let with_time = [
        Event::raised(day(2027, 1, 11), Raised::new()),
        Event::recorded(at(2027, 1, 12, 16, 30), "reported_to_line_managers"),
    ];
    let status = run(GSCP, &with_time, day(2027, 1, 14));
    let contact = obligation(&status, "line_managers_contact");
    assert_eq!(contact.due.kind, DueKind::At(at(2027, 1, 13, 16, 30)));
    assert!(contact.overdue);
    // Without a time of day: by the end of the next day.
    let date_only = [
        Event::raised(day(2027, 1, 11), Raised::new()),
        Event::recorded(day(2027, 1, 12), "reported_to_line_managers"),
        Event::recorded(day(2027, 1, 13), "line_managers_contact"),
    ];
    let status = run(GSCP, &date_only, day(2027, 1, 14));
    let contact = obligation(&status, "line_managers_contact");
    assert_eq!(contact.due.kind, DueKind::ByEndOf(day(2027, 1, 13)));
    assert_eq!(contact.done_on, Some(day(2027, 1, 13)));
    assert!(!contact.overdue);
}

#[test]
fn gscp_involves_the_service_manager_mash_on_threshold_disputes() {
    let events = |area: GscpArea| {
        [
            Event::raised(day(2027, 1, 11), Raised::new().area(area)),
            Event::escalated(day(2027, 1, 12)),
        ]
    };
    let threshold = run(GSCP, &events(GscpArea::ReferralThreshold), day(2027, 1, 12));
    let mash = obligation(&threshold, "involve_service_manager_mash");
    assert_eq!(mash.due.kind, DueKind::WithoutDelay);
    assert_eq!(mash.stage, Some(2));
    let other = run(GSCP, &events(GscpArea::AssessmentOutcome), day(2027, 1, 12));
    assert!(!ids(&other).contains(&"involve_service_manager_mash"));
}

#[test]
fn agreed_actions_are_fed_back_on_resolution() {
    let events = [
        Event::raised(day(2027, 1, 11), Raised::new()),
        Event::resolved(day(2027, 1, 11)),
    ];
    let status = run(GSCP, &events, day(2027, 1, 11));
    assert_eq!(status.state, CaseState::Resolved);
    assert_eq!(
        obligation(&status, "feed_back_actions").due.kind,
        DueKind::Immediately
    );
    assert!(ids(&status).contains(&"case_file_record"));
    assert_eq!(status.next, [EventType::Recorded]);
    // Recording the file record without naming it uses the default record.
    let mut recorded = events.to_vec();
    recorded.push(Event {
        on: When::Date(day(2027, 1, 12)),
        kind: EventKind::Recorded {
            record: None,
            stage: None,
        },
    });
    let status = run(GSCP, &recorded, day(2027, 1, 12));
    assert_eq!(
        obligation(&status, "case_file_record").done_on,
        Some(day(2027, 1, 12))
    );
}

#[test]
fn swindon_obligations_follow_the_stages() {
    let mut events = swindon_to_stage_5();
    events.push(Event::decided(day(2027, 3, 3)));
    let status = run(SWINDON, &events, day(2027, 3, 3));
    let all = ids(&status);
    assert!(!ids(&run(SWINDON, &events[..1], day(2027, 2, 1))).contains(&"email_record"));
    for id in [
        "email_record",
        "email_copied_to_partnership",
        "stage_4_outcome_to_partnership",
        "resolution_form",
        "include_independent_scrutineer",
        "reflective_learning_event",
        "feed_back_actions",
    ] {
        assert!(all.contains(&id), "{id} missing from {all:?}");
    }
    // Copies to the partnership at stages 3 and 4, due with the stage clock.
    let copies: Vec<_> = status
        .obligations
        .iter()
        .filter(|o| o.id == "email_copied_to_partnership")
        .map(|o| (o.stage, o.due.date()))
        .collect();
    assert_eq!(
        copies,
        [
            (Some(3), Some(day(2027, 2, 17))),
            (Some(4), Some(day(2027, 2, 24)))
        ]
    );
    assert_eq!(
        obligation(&status, "resolution_form").due.date(),
        Some(day(2027, 3, 3))
    );
    assert_eq!(status.state, CaseState::Decided);
    assert!(status.finality.is_some());
    // No reflective learning event when resolved before stage 5.
    let early = run(
        SWINDON,
        &[events[0].clone(), Event::resolved(day(2027, 2, 2))],
        day(2027, 2, 2),
    );
    assert!(!ids(&early).contains(&"reflective_learning_event"));
}

#[test]
fn nsscp_recording_form_goes_to_the_business_manager_and_head_of_safeguarding() {
    let events = [
        Event::raised(day(2027, 2, 1), Raised::new()),
        Event::escalated(day(2027, 2, 2)),
        Event::escalated(day(2027, 2, 4)),
    ];
    let status = run(NSSCP, &events, day(2027, 2, 4));
    let to_manager: Vec<_> = status
        .obligations
        .iter()
        .filter(|o| o.id == "form_to_business_manager")
        .map(|o| o.stage)
        .collect();
    assert_eq!(to_manager, [Some(2), Some(3)]);
    assert_eq!(
        obligation(&status, "form_to_head_of_safeguarding").stage,
        Some(3)
    );
    assert_eq!(
        obligation(&status, "exchange_manager_details").due.date(),
        Some(day(2027, 2, 2))
    );
    assert!(
        !ids(&run(NSSCP, &events[..2], day(2027, 2, 2))).contains(&"form_to_head_of_safeguarding")
    );
}

// ---- Immediate risk ----

#[test]
fn swindon_immediate_risk_informs_the_partnership_and_may_go_to_stage_5() {
    let events = [
        Event::raised(day(2026, 12, 19), Raised::new()),
        Event::immediate_risk(day(2026, 12, 19)),
        Event::escalated(day(2026, 12, 21)).to_stage(5),
    ];
    let status = run(SWINDON, &events, day(2026, 12, 21));
    // Identified on a Saturday: still that day, not Monday (the police and
    // the front door are open every day; the flowchart says do not delay).
    assert_eq!(
        obligation(&status, "same_day_safeguarding_escalation")
            .due
            .kind,
        DueKind::ByEndOf(day(2026, 12, 19))
    );
    assert_eq!(
        obligation(&status, "inform_partnership_immediately")
            .due
            .kind,
        DueKind::Immediately
    );
    assert_eq!(status.stage.as_ref().unwrap().number, 5);
    assert_eq!(status.immediate_risk_on, Some(day(2026, 12, 19)));
    // Skipping to stage 5 leaves stages up to 4: Day 17 is met.
    assert_eq!(status.milestones[0].met_on, Some(day(2026, 12, 21)));
    // Without immediate risk the skip is refused, naming what is allowed.
    let err = fail(
        SWINDON,
        &[events[0].clone(), events[2].clone()],
        day(2026, 12, 21),
    );
    assert!(err.is_invalid_transition());
    assert_eq!(err.event_index(), Some(1));
    let message = err.to_string();
    assert!(
        message.contains("only once a risk of immediate or significant harm"),
        "{message}"
    );
    assert!(message.contains("allowed to_stage: 2"), "{message}");
}

#[test]
fn gscp_may_run_the_stages_quickly_after_immediate_risk() {
    let events = [
        Event::raised(day(2027, 1, 11), Raised::new().immediate_risk()),
        Event::escalated(day(2027, 1, 11)).to_stage(3),
    ];
    let status = run(GSCP, &events, day(2027, 1, 11));
    assert_eq!(status.stage.as_ref().unwrap().number, 3);
    // The Resolution Group takes a case only once the normal processes
    // "have been tried and failed" (ToR s.6), and the Chair is reached only
    // through the Resolution Group: neither is a skip.
    for target in [4, 5] {
        let err = fail(
            GSCP,
            &[
                events[0].clone(),
                Event::escalated(day(2027, 1, 11)).to_stage(target),
            ],
            day(2027, 1, 11),
        );
        assert!(err.is_invalid_transition(), "{err}");
        assert!(
            err.to_string().contains("allowed to_stage: 2 or 3"),
            "{err}"
        );
    }
}

#[test]
fn nsscp_immediate_harm_goes_to_the_line_manager_immediately() {
    let events = [Event::raised(
        day(2027, 2, 1),
        Raised::new().immediate_risk(),
    )];
    let status = run(NSSCP, &events, day(2027, 2, 1));
    assert_eq!(
        obligation(&status, "raise_with_line_manager").due.kind,
        DueKind::Immediately
    );
    // North Somerset allows no skipping.
    let err = fail(
        NSSCP,
        &[
            events[0].clone(),
            Event::escalated(day(2027, 2, 1)).to_stage(4),
        ],
        day(2027, 2, 1),
    );
    assert!(err.to_string().contains("does not allow"), "{err}");
}

// ---- Redirects ----

#[test]
fn swindon_redirects_conference_decisions_and_employee_conduct() {
    let redirected = |raised: Raised| {
        let status = run(
            SWINDON,
            &[Event::raised(day(2027, 2, 1), raised)],
            day(2027, 2, 1),
        );
        assert_eq!(status.state, CaseState::Redirected);
        assert!(status.stage.is_none() && status.milestones.is_empty());
        status.redirect.unwrap().to
    };
    assert_eq!(
        redirected(Raised::new().conference_decision(false)),
        "child_protection_conference_dissent"
    );
    assert_eq!(
        redirected(Raised::new().about_employee_conduct(false)),
        "position_of_trust_framework"
    );
    // An employee who works with children: the Position of Trust framework
    // still applies; the LADO is informed (an obligation, below).
    assert_eq!(
        redirected(Raised::new().about_employee_conduct(true)),
        "position_of_trust_framework"
    );
    // Once the dissent process is exhausted, the resolution process applies.
    let status = run(
        SWINDON,
        &[Event::raised(
            day(2027, 2, 1),
            Raised::new().conference_decision(true),
        )],
        day(2027, 2, 1),
    );
    assert_eq!(status.state, CaseState::Open);
    // Other policies have no such redirect.
    let status = run(
        NSSCP,
        &[Event::raised(
            day(2027, 2, 1),
            Raised::new().about_employee_conduct(true),
        )],
        day(2027, 2, 1),
    );
    assert_eq!(status.state, CaseState::Open);
    // Nothing may follow a redirect.
    let err = fail(
        SWINDON,
        &[
            Event::raised(day(2027, 2, 1), Raised::new().about_employee_conduct(true)),
            Event::escalated(day(2027, 2, 2)),
        ],
        day(2027, 2, 2),
    );
    assert!(err.to_string().contains("the case is redirected"), "{err}");
}

// ---- Seniority and areas ----

#[test]
fn swindon_warns_when_the_parties_differ_in_seniority() {
    let events = [
        Event::raised(
            day(2027, 2, 1),
            Raised::new().parties(Seniority::Practitioner, Seniority::Practitioner),
        ),
        Event::escalated(day(2027, 2, 2)).parties(Seniority::LineManager, Seniority::Director),
    ];
    let status = run(SWINDON, &events, day(2027, 2, 2));
    assert_eq!(status.warnings.len(), 1);
    assert_eq!(status.warnings[0].event_index, 1);
    assert!(
        status.warnings[0]
            .message
            .contains("line_manager and director")
    );
    // North Somerset states no such principle.
    assert!(run(NSSCP, &events, day(2027, 2, 2)).warnings.is_empty());
}

#[test]
fn areas_come_from_the_policys_own_list() {
    let other = Area::Other(FreeText::new("a named child's school place"));
    let status = run(
        NSSCP,
        &[Event::raised(day(2027, 2, 1), Raised::new().area(other))],
        day(2027, 2, 1),
    );
    assert_eq!(status.area.as_ref().map(|a| a.id()), Some("other"));
    let err = fail(
        NSSCP,
        &[Event::raised(
            day(2027, 2, 1),
            Raised::new().area(GscpArea::ReferralThreshold),
        )],
        day(2027, 2, 1),
    );
    assert_eq!(err.code(), "invalid_field");
    assert!(err.to_string().contains("waiting_time"), "{err}");
    // Free text never reaches Debug output.
    assert!(!format!("{status:?}").contains("school place"));
}

// ---- Invalid moves ----

#[test]
fn invalid_moves_name_what_was_allowed() {
    let raised = Event::raised(day(2027, 2, 1), Raised::new());
    // Escalating past the last stage.
    let mut events = vec![raised.clone()];
    for d in [2, 3, 4] {
        events.push(Event::escalated(day(2027, 2, d)));
    }
    events.push(Event::escalated(day(2027, 2, 5)));
    let err = fail(NSSCP, &events, day(2027, 2, 5));
    assert!(
        err.to_string().contains("stage 4 is the last stage"),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("allowed now: resolved, decided, withdrawn"),
        "{err}"
    );
    // An event after the case ended.
    let err = fail(
        NSSCP,
        &[
            raised.clone(),
            Event::withdrawn(day(2027, 2, 2)),
            Event::resolved(day(2027, 2, 3)),
        ],
        day(2027, 2, 3),
    );
    assert!(
        err.to_string()
            .contains("(resolved): the case is withdrawn; allowed now"),
        "{err}"
    );
    assert!(err.to_string().ends_with("allowed now: recorded"), "{err}");
    // A second raised.
    assert!(
        fail(NSSCP, &[raised.clone(), raised.clone()], day(2027, 2, 1)).is_invalid_transition()
    );
    // Escalating backwards, or to a stage that does not exist.
    let err = fail(
        NSSCP,
        &[
            raised.clone(),
            Event::escalated(day(2027, 2, 2)).to_stage(1),
        ],
        day(2027, 2, 2),
    );
    assert!(
        err.to_string().contains("not after the current stage 1"),
        "{err}"
    );
    let err = fail(
        NSSCP,
        &[
            raised.clone(),
            Event::escalated(day(2027, 2, 2)).to_stage(9),
        ],
        day(2027, 2, 2),
    );
    assert!(
        err.to_string()
            .contains("not a stage of this policy (stages 1, 2, 3, 4)"),
        "{err}"
    );
    // A record nobody owes.
    let err = fail(
        NSSCP,
        &[
            raised.clone(),
            Event::recorded(day(2027, 2, 2), "form_to_head_of_safeguarding"),
        ],
        day(2027, 2, 2),
    );
    assert!(
        err.to_string()
            .contains("no \"form_to_head_of_safeguarding\" is pending"),
        "{err}"
    );
    let err = fail(
        NSSCP,
        &[raised.clone(), Event::recorded(day(2027, 2, 2), "nonsense")],
        day(2027, 2, 2),
    );
    assert_eq!(err.code(), "invalid_field");
}

#[test]
fn dates_must_not_go_backwards() {
    let events = [
        Event::raised(day(2027, 2, 3), Raised::new()),
        Event::escalated(day(2027, 2, 2)),
    ];
    let err = fail(NSSCP, &events, day(2027, 2, 3));
    assert_eq!(err.code(), "events_out_of_order");
    assert_eq!(err.event_index(), Some(1));
    // Times on the same day are compared too.
    let events = [
        Event::raised(at(2027, 2, 3, 10, 0), Raised::new()),
        Event::escalated(at(2027, 2, 3, 9, 0)),
    ];
    assert_eq!(
        fail(NSSCP, &events, day(2027, 2, 3)).code(),
        "events_out_of_order"
    );
    // as_of before the last event.
    let err = fail(NSSCP, &events[..1], day(2027, 2, 2));
    assert_eq!(err.code(), "invalid_field");
    assert!(
        err.to_string().starts_with("as_of: before the last event"),
        "{err}"
    );
    assert_eq!(fail(NSSCP, &[], day(2027, 2, 2)).code(), "invalid_field");
    let err = fail(NSSCP, &[Event::resolved(day(2027, 2, 2))], day(2027, 2, 2));
    assert!(
        err.to_string()
            .contains("a case starts with the raised event"),
        "{err}"
    );
}

#[test]
fn dates_off_the_calendar_are_errors() {
    let events = [Event::raised(day(1900, 1, 1), Raised::new())];
    assert_eq!(
        fail(NSSCP, &events, day(1900, 1, 1)).code(),
        "out_of_calendar_range"
    );
    let events = [Event::raised(day(2100, 12, 30), Raised::new())];
    let err = fail(SWINDON, &events, day(2100, 12, 31));
    assert_eq!(err.code(), "out_of_calendar_range");
}

#[test]
fn every_table_is_well_formed() {
    for id in PolicyId::ALL {
        let policy = Policy::get(id);
        assert_eq!(policy.id, id.as_str());
        assert_eq!(id.as_str().parse::<PolicyId>().unwrap(), id);
        let numbers: Vec<u8> = policy.stages.iter().map(|s| s.number).collect();
        let expected: Vec<u8> = (1..=numbers.len() as u8).collect();
        assert_eq!(numbers, expected, "{id}: stages numbered 1..n");
        assert_eq!(
            policy.stages.iter().filter(|s| s.decides).count(),
            1,
            "{id}: one decision stage"
        );
        assert!(
            policy.stages.last().unwrap().decides,
            "{id}: the last stage decides"
        );
        let default_record = policy.default_record.as_deref().unwrap();
        assert!(policy.record_ids().contains(&default_record), "{id}");
        // Every rule of a built-in policy cites its sentence (the
        // references between rules are checked by the loader).
        for obligation in &policy.obligations {
            assert!(!obligation.clause.text.is_empty() && !obligation.when.is_empty());
        }
        for stage in &policy.stages {
            assert!(
                !stage.clause.text.is_empty(),
                "{id}: stage {}",
                stage.number
            );
        }
    }
    assert!("nowhere".parse::<PolicyId>().is_err());
}

#[test]
fn typed_stages_match_the_tables() {
    for stage in SwindonStage::ALL {
        assert_eq!(SwindonStage::try_from(stage.number()).unwrap(), *stage);
        assert!(!stage.name().is_empty());
    }
    assert_eq!(NsscpStage::ALL.len(), nsscp::policy().stages.len());
    assert_eq!(GscpStage::ALL.len(), gscp::policy().stages.len());
    assert_eq!(SwindonStage::ALL.len(), swindon::policy().stages.len());
    assert!(GscpStage::try_from(6).is_err());
    assert_eq!(
        SwindonStage::HeadsOfService.to_string(),
        "Stage 4: Heads/Directors of Service/Senior Managers"
    );
}

#[test]
fn policies_and_statuses_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Policy>();
    check::<CaseStatus>();
    check::<Event>();
    check::<Error>();
}

#[test]
fn swindon_stage_5_clock_is_met_by_the_referral_with_the_form() {
    let mut events = swindon_to_stage_5();
    events.push(Event::recorded(day(2027, 3, 1), "resolution_form"));
    // Waiting for the Resolution Panel after the referral: not overdue.
    let status = run(SWINDON, &events, day(2027, 3, 20));
    assert_eq!(
        status.stage.as_ref().unwrap().due.date(),
        Some(day(2027, 3, 3))
    );
    assert!(!status.overdue);
    assert_eq!(status.working_days_overdue, 0);
    // Without the referral the clock has run out.
    let status = run(SWINDON, &events[..5], day(2027, 3, 20));
    assert!(status.overdue);
    // A late decision does not make a stage whose referral was in time late.
    let mut decided = events.to_vec();
    decided.push(Event::decided(day(2027, 3, 25)));
    let status = run(SWINDON, &decided, day(2027, 3, 25));
    assert_eq!(status.history[4].within_time, Some(true));
    // Other stages are judged by their end.
    let late = [
        Event::raised(day(2027, 2, 1), Raised::new()),
        Event::escalated(day(2027, 2, 10)),
    ];
    assert_eq!(
        run(SWINDON, &late, day(2027, 2, 10)).history[0].within_time,
        Some(false)
    );
}

#[test]
fn obligations_arising_on_resolution_name_their_stage() {
    let events = [
        Event::raised(day(2027, 2, 1), Raised::new()),
        Event::escalated(day(2027, 2, 3)),
        Event::escalated(day(2027, 2, 10)),
        Event::resolved(day(2027, 2, 12)),
    ];
    let status = run(SWINDON, &events, day(2027, 2, 12));
    assert_eq!(obligation(&status, "feed_back_actions").stage, Some(3));
    assert_eq!(
        obligation(&status, "line_management_contacts").due.kind,
        DueKind::Immediately
    );
}

#[test]
fn gscp_stage_1_discussion_clock_is_met_by_the_report_to_line_managers() {
    let events = [
        Event::raised(day(2026, 12, 21), Raised::new()),
        Event::recorded(at(2026, 12, 22, 16, 0), "reported_to_line_managers"),
        Event::recorded(day(2026, 12, 23), "line_managers_contact"),
        Event::escalated(day(2026, 12, 23)),
    ];
    let status = run(GSCP, &events, day(2026, 12, 23));
    assert_eq!(status.history[0].due.date(), Some(day(2026, 12, 22)));
    assert_eq!(status.history[0].within_time, Some(true));
    // Still discussing after the working day, with no report: overdue.
    let status = run(GSCP, &events[..1], day(2026, 12, 23));
    assert!(status.overdue);
    // Reported, waiting for the line managers: the discussion clock is met.
    let status = run(GSCP, &events[..2], day(2026, 12, 29));
    assert!(!status.overdue);
    // A report after the working day is late.
    let late = [
        Event::raised(day(2026, 12, 21), Raised::new()),
        Event::recorded(day(2026, 12, 23), "reported_to_line_managers"),
        Event::escalated(day(2026, 12, 24)),
    ];
    assert_eq!(
        run(GSCP, &late, day(2026, 12, 24)).history[0].within_time,
        Some(false)
    );
}

#[test]
fn nsscp_recording_form_is_updated_on_the_day_of_the_referral() {
    let events = [
        Event::raised(day(2027, 2, 1), Raised::new()),
        Event::escalated(day(2027, 2, 2)),
        Event::escalated(day(2027, 2, 4)),
        Event::escalated(day(2027, 2, 8)),
    ];
    let status = run(NSSCP, &events, day(2027, 2, 8));
    let form = status
        .obligations
        .iter()
        .rfind(|o| o.id == "recording_form")
        .unwrap();
    assert_eq!(
        (form.stage, form.due.kind),
        (Some(4), DueKind::ByEndOf(day(2027, 2, 8)))
    );
}

#[test]
fn duties_for_the_process_going_on_lapse_when_the_case_ends() {
    let events = [
        Event::raised(day(2027, 2, 1), Raised::new()),
        Event::withdrawn(day(2027, 2, 2)),
    ];
    let status = run(NSSCP, &events, day(2027, 3, 1));
    // "to ensure there is no delay later in the process": no process, no duty.
    let exchange = obligation(&status, "exchange_manager_details");
    assert_eq!(exchange.lapsed_on, Some(day(2027, 2, 2)));
    assert!(!exchange.overdue && !exchange.is_pending());
    // A record on the child's file is still owed.
    let record = obligation(&status, "case_file_record");
    assert!(record.is_pending() && record.lapsed_on.is_none());
    assert!(
        status
            .pending_obligations()
            .all(|o| o.id != "exchange_manager_details")
    );
    // A lapsed duty done late can still be recorded.
    let mut late = events.to_vec();
    late.push(Event::recorded(day(2027, 2, 3), "exchange_manager_details"));
    let status = run(NSSCP, &late, day(2027, 3, 1));
    let exchange = obligation(&status, "exchange_manager_details");
    assert_eq!(
        (exchange.done_on, exchange.lapsed_on),
        (Some(day(2027, 2, 3)), None)
    );
    // While the case is open, nothing lapses.
    let open = run(NSSCP, &events[..1], day(2027, 3, 1));
    assert!(obligation(&open, "exchange_manager_details").overdue);
}

// ---- Fidelity: each rule as the texts have it, cases counted by hand ----

/// Swindon s.2: "If at any time a professional considers an adult or child
/// is at immediate risk of significant harm then the professional must
/// ensure that their concerns are escalated on the same working day".
#[test]
fn swindon_same_day_duty_survives_a_redirect() {
    // Raised Monday 1 February 2027 about a conference decision whose
    // dissent process has not run, with immediate risk.
    let mut raised = Raised::new().conference_decision(false).immediate_risk();
    raised.parties = None;
    let events = [Event::raised(day(2027, 2, 1), raised)];
    let status = run(SWINDON, &events, day(2027, 2, 2));
    assert_eq!(status.state, CaseState::Redirected);
    let duty = obligation(&status, "same_day_safeguarding_escalation");
    assert_eq!(duty.due.kind, DueKind::ByEndOf(day(2027, 2, 1)));
    assert!(duty.overdue, "due on the 1st, not done by the 2nd");
    // Informing the partnership "at any stage of this process" does not
    // arise: the concern is not in this process.
    assert!(!ids(&status).contains(&"inform_partnership_immediately"));
    assert_eq!(status.immediate_risk_on, Some(day(2027, 2, 1)));
    assert_eq!(status.next, [EventType::ImmediateRisk, EventType::Recorded]);

    // Redirected without risk, then a risk identified on Wednesday 3rd.
    let events = [
        Event::raised(day(2027, 2, 1), Raised::new().about_employee_conduct(false)),
        Event::immediate_risk(day(2027, 2, 3)),
    ];
    let status = run(SWINDON, &events, day(2027, 2, 3));
    assert_eq!(status.state, CaseState::Redirected);
    let duty = obligation(&status, "same_day_safeguarding_escalation");
    assert_eq!(duty.due.kind, DueKind::ByEndOf(day(2027, 2, 3)));
    assert!(!duty.overdue);
    let mut done = events.to_vec();
    done.push(Event::recorded(
        day(2027, 2, 3),
        "same_day_safeguarding_escalation",
    ));
    let status = run(SWINDON, &done, day(2027, 2, 10));
    let duty = obligation(&status, "same_day_safeguarding_escalation");
    assert_eq!(duty.done_on, Some(day(2027, 2, 3)));
    assert!(!duty.overdue);
    // Withdrawing the concern does not take the duty away either.
    let events = [
        Event::raised(day(2027, 2, 1), Raised::new().immediate_risk()),
        Event::withdrawn(day(2027, 2, 1)),
    ];
    let status = run(SWINDON, &events, day(2027, 2, 2));
    let duty = obligation(&status, "same_day_safeguarding_escalation");
    assert!(duty.lapsed_on.is_none() && duty.overdue);
}

/// Swindon Appendix 1: "The LADO should be informed."; "the Southwest Adult
/// in a Position of Trust Framework should be followed".
#[test]
fn swindon_lado_is_informed_not_a_dead_end() {
    let mut raised = Raised::new();
    raised.employee_works_with_children = true;
    let status = run(
        SWINDON,
        &[Event::raised(day(2027, 2, 1), raised)],
        day(2027, 2, 1),
    );
    // The disagreement itself goes on under the policy.
    assert_eq!(status.state, CaseState::Open);
    let lado = obligation(&status, "inform_lado");
    assert_eq!(lado.due.kind, DueKind::NotStated);
    assert!(lado.clause.text.contains("The LADO should be informed"));
    // About an employee's conduct: the framework is followed and the LADO
    // informed all the same.
    let status = run(
        SWINDON,
        &[Event::raised(
            day(2027, 2, 1),
            Raised::new().about_employee_conduct(true),
        )],
        day(2027, 2, 1),
    );
    assert_eq!(
        status.redirect.as_ref().unwrap().to,
        "position_of_trust_framework"
    );
    assert!(obligation(&status, "inform_lado").is_pending());
    assert_eq!(status.next, [EventType::ImmediateRisk, EventType::Recorded]);
}

/// Swindon stages 3 and 4 ("should contact their opposite number ... within
/// five working days") are met by the contact, as stage 5's referral is by
/// its form.
#[test]
fn swindon_contact_meets_the_stage_3_and_4_clocks() {
    // Stage 3 starts Wednesday 10 February 2027: due Wednesday 17th.
    let mut events = swindon_to_stage_5()[..3].to_vec();
    let status = run(SWINDON, &events, day(2027, 2, 22));
    let stage = status.stage.as_ref().unwrap();
    assert_eq!(stage.due.kind, DueKind::ByEndOf(day(2027, 2, 17)));
    assert!(status.overdue);
    // 18, 19 and 22 February.
    assert_eq!(status.working_days_overdue, 3);
    assert_eq!(stage.clock_met_on, None);

    events.push(Event::recorded(
        day(2027, 2, 15),
        "opposite_number_contacted",
    ));
    let status = run(SWINDON, &events, day(2027, 2, 22));
    assert_eq!(
        status.stage.as_ref().unwrap().clock_met_on,
        Some(day(2027, 2, 15))
    );
    assert!(!status.overdue);
    assert_eq!(status.working_days_overdue, 0);
    // Escalated on the 24th, a week late by its end but in time by its act.
    events.push(Event::escalated(day(2027, 2, 24)));
    let status = run(SWINDON, &events, day(2027, 2, 24));
    let stage_3 = &status.history[2];
    assert_eq!(stage_3.within_time, Some(true));
    assert_eq!(stage_3.clock_met_on, Some(day(2027, 2, 15)));
    // Stage 4 has the same rule: started the 24th, due Wednesday 3 March.
    assert!(obligation_at(&status, "opposite_number_contacted", 4).is_pending());
    let status = run(SWINDON, &events, day(2027, 3, 4));
    assert!(status.overdue);
    // Stages 1 and 2 time the stage's own discussion: their end meets them.
    for number in [1, 2] {
        assert_eq!(
            Policy::get(SWINDON).stage(number).unwrap().clock_met_by,
            None
        );
    }
}

fn obligation_at<'s>(status: &'s CaseStatus, id: &str, stage: u8) -> &'s ObligationStatus {
    status
        .obligations
        .iter()
        .find(|o| o.id == id && o.stage == Some(stage))
        .unwrap_or_else(|| panic!("no obligation {id} at stage {stage} in {:?}", ids(status)))
}

/// Milestones met, met late, and lapsed by an early end.
#[test]
fn milestones_say_when_and_whether_they_were_met() {
    // Swindon Day 17 of a case raised Monday 1 February 2027: Wednesday
    // 24 February (4 + 5 + 5 + 3 working days).
    let status = run(SWINDON, &swindon_to_stage_5(), day(2027, 2, 24));
    let day_17 = &status.milestones[0];
    assert_eq!(day_17.due.date(), Some(day(2027, 2, 24)));
    assert_eq!(day_17.met_on, Some(day(2027, 2, 24)));
    assert_eq!(day_17.met_in_time, Some(true));
    assert_eq!(day_17.lapsed_on, None);
    // Resolved at stage 2: Day 17 was never reached.
    let events = [
        Event::raised(day(2027, 2, 1), Raised::new()),
        Event::escalated(day(2027, 2, 3)),
        Event::resolved(day(2027, 2, 5)),
    ];
    let status = run(SWINDON, &events, day(2027, 3, 31));
    let day_17 = &status.milestones[0];
    assert_eq!(day_17.met_on, None);
    assert_eq!(day_17.met_in_time, None);
    assert_eq!(day_17.lapsed_on, Some(day(2027, 2, 5)));
    assert!(!day_17.overdue);
    // Resolved at stage 4 completes stage 4; withdrawn there does not.
    let mut at_4 = swindon_to_stage_5()[..4].to_vec();
    at_4.push(Event::resolved(day(2027, 2, 22)));
    let status = run(SWINDON, &at_4, day(2027, 2, 22));
    assert_eq!(status.milestones[0].met_on, Some(day(2027, 2, 22)));
    at_4[4] = Event::withdrawn(day(2027, 2, 22));
    let status = run(SWINDON, &at_4, day(2027, 2, 22));
    assert_eq!(status.milestones[0].lapsed_on, Some(day(2027, 2, 22)));

    // North Somerset, raised Monday 1 February 2027: Day 5 is Monday 8th,
    // Day 8 Thursday 11th. Referred to the partnership on Tuesday 9th: late.
    let events = [
        Event::raised(day(2027, 2, 1), Raised::new()),
        Event::escalated(day(2027, 2, 2)),
        Event::escalated(day(2027, 2, 4)),
        Event::escalated(day(2027, 2, 9)),
        Event::decided(day(2027, 2, 11)),
    ];
    let status = run(NSSCP, &events, day(2027, 2, 11));
    let [day_5, day_8] = &status.milestones[..] else {
        panic!("two milestones")
    };
    assert_eq!(day_5.due.date(), Some(day(2027, 2, 8)));
    assert_eq!(day_5.met_on, Some(day(2027, 2, 9)));
    assert_eq!(day_5.met_in_time, Some(false));
    assert_eq!(day_8.due.date(), Some(day(2027, 2, 11)));
    assert_eq!(day_8.met_on, Some(day(2027, 2, 11)));
    assert_eq!(day_8.met_in_time, Some(true));
    // Resolved at stage 2: both lapse.
    let status = run(NSSCP, &events[..2], day(2027, 2, 2));
    assert!(status.milestones.iter().all(|m| m.lapsed_on.is_none()));
    let mut resolved = events[..2].to_vec();
    resolved.push(Event::resolved(day(2027, 2, 3)));
    let status = run(NSSCP, &resolved, day(2027, 2, 12));
    for milestone in &status.milestones {
        assert_eq!(milestone.lapsed_on, Some(day(2027, 2, 3)));
        assert_eq!((milestone.met_on, milestone.overdue), (None, false));
    }
}

/// NSSCP Appendix 2, Stage 4: "On Day 5, the Recording Form should be
/// updated ... and the matter should be referred".
#[test]
fn nsscp_day_5_form_is_due_on_day_5() {
    let events = [
        Event::raised(day(2027, 2, 1), Raised::new()),
        Event::escalated(day(2027, 2, 2)),
        Event::escalated(day(2027, 2, 4)),
        Event::escalated(day(2027, 2, 9)),
    ];
    let status = run(NSSCP, &events, day(2027, 2, 10));
    let form = obligation_at(&status, "recording_form", 4);
    assert_eq!(form.due.kind, DueKind::ByEndOf(day(2027, 2, 8)));
    assert!(form.overdue, "the referral on the 9th was a day late");
    // Referred early, on Thursday 4th: still due on Day 5.
    let status = run(NSSCP, &events[..3], day(2027, 2, 4));
    assert!(status.obligations.iter().all(|o| o.stage != Some(4)));
    let mut early = events[..2].to_vec();
    early.push(Event::escalated(day(2027, 2, 3)));
    early.push(Event::escalated(day(2027, 2, 4)));
    let status = run(NSSCP, &early, day(2027, 2, 8));
    let form = obligation_at(&status, "recording_form", 4);
    assert_eq!(form.due.kind, DueKind::ByEndOf(day(2027, 2, 8)));
    assert!(!form.overdue);
}

/// NSSCP Stage 1: "... unless the child, young person or adult is at
/// immediate risk"; "they must raise this with their line manager
/// immediately".
#[test]
fn nsscp_immediate_risk_at_raising_goes_straight_to_the_line_manager() {
    let events = [Event::raised(
        day(2027, 2, 1),
        Raised::new().immediate_risk(),
    )];
    let status = run(NSSCP, &events, day(2027, 2, 3));
    let stage = status.stage.as_ref().unwrap();
    assert_eq!(stage.number, 1);
    assert_eq!(stage.due.kind, DueKind::Immediately);
    assert!(!status.overdue);
    assert_eq!(
        obligation(&status, "raise_with_line_manager").due.kind,
        DueKind::Immediately
    );
    // The peer discussion's records are not demanded.
    for id in ["written_record", "exchange_manager_details"] {
        assert!(!ids(&status).contains(&id), "{id}");
    }
    assert!(status.next.contains(&EventType::Escalated));
    // Stage 2 at once, with its own clock: Wednesday 3 February.
    let mut events = events.to_vec();
    events.push(Event::escalated(day(2027, 2, 1)));
    let status = run(NSSCP, &events, day(2027, 2, 1));
    let stage = status.stage.as_ref().unwrap();
    assert_eq!(stage.number, 2);
    assert_eq!(stage.due.kind, DueKind::ByEndOf(day(2027, 2, 3)));
    // Without immediate risk, stage 1 keeps its one working day.
    let status = run(
        NSSCP,
        &[Event::raised(day(2027, 2, 1), Raised::new())],
        day(2027, 2, 1),
    );
    assert_eq!(
        status.stage.as_ref().unwrap().due.kind,
        DueKind::ByEndOf(day(2027, 2, 2))
    );
    assert!(ids(&status).contains(&"exchange_manager_details"));
}

/// Swindon's "similar level of seniority" is about discussions between
/// agencies: stage 1 is with one's own line manager.
#[test]
fn swindon_seniority_is_not_checked_at_the_internal_discussion() {
    let events = [Event::raised(
        day(2027, 2, 1),
        Raised::new().parties(Seniority::Practitioner, Seniority::LineManager),
    )];
    assert!(run(SWINDON, &events, day(2027, 2, 1)).warnings.is_empty());
}

/// "At any stage of the process, any action agreed should be fed back
/// immediately" (GSCP); Swindon stages 3 and 4.
#[test]
fn an_action_agreed_at_a_stage_that_goes_on_is_fed_back_immediately() {
    let events = [
        Event::raised(day(2027, 1, 11), Raised::new()),
        Event::escalated(day(2027, 1, 12)),
        Event::recorded(day(2027, 1, 13), "action_agreed"),
    ];
    let status = run(GSCP, &events, day(2027, 1, 13));
    assert_eq!(status.state, CaseState::Open);
    let feedback = obligation_at(&status, "feed_back_actions", 2);
    assert_eq!(feedback.due.kind, DueKind::Immediately);
    assert!(feedback.what.contains("second tier"));
    assert!(obligation_at(&status, "case_file_record", 2).is_pending());
    // Swindon stage 3 (from 10 February 2027).
    let mut events = swindon_to_stage_5()[..3].to_vec();
    events.push(Event::recorded(day(2027, 2, 11), "action_agreed"));
    let status = run(SWINDON, &events, day(2027, 2, 11));
    assert!(obligation_at(&status, "feed_back_actions", 3).is_pending());
    // At Swindon stage 2 the text sets no such duty: the record is kept.
    let mut events = swindon_to_stage_5()[..2].to_vec();
    events.push(Event::recorded(day(2027, 2, 4), "action_agreed"));
    let status = run(SWINDON, &events, day(2027, 2, 4));
    assert!(!ids(&status).contains(&"feed_back_actions"));
}

/// CONTRACT s.3: a first event that is not `raised` is an invalid
/// transition at index 0.
#[test]
fn a_first_event_other_than_raised_is_an_invalid_transition() {
    let err = fail(
        SWINDON,
        &[Event::escalated(day(2027, 2, 1))],
        day(2027, 2, 1),
    );
    assert_eq!(err.code(), "invalid_transition");
    assert_eq!(err.event_index(), Some(0));
    assert!(err.to_string().contains("allowed now: raised"), "{err}");
}

/// `recorded` names which stage's record it is.
#[test]
fn recorded_names_the_stage_of_its_record() {
    // Agency logs arise at stages 1, 2 and 3.
    let mut events = swindon_to_stage_5()[..3].to_vec();
    events.push(Event::recorded(day(2027, 2, 11), "agency_log").at_stage(3));
    let status = run(SWINDON, &events, day(2027, 2, 11));
    assert_eq!(
        obligation_at(&status, "agency_log", 3).done_on,
        Some(day(2027, 2, 11))
    );
    assert!(obligation_at(&status, "agency_log", 1).is_pending());
    // Without a stage, the oldest pending one.
    events[3] = Event::recorded(day(2027, 2, 11), "agency_log");
    let status = run(SWINDON, &events, day(2027, 2, 11));
    assert!(obligation_at(&status, "agency_log", 1).done_on.is_some());
    assert!(obligation_at(&status, "agency_log", 3).is_pending());
    // A stage with no such record pending.
    events[3] = Event::recorded(day(2027, 2, 11), "agency_log").at_stage(4);
    let err = fail(SWINDON, &events, day(2027, 2, 11));
    assert!(err.is_invalid_transition(), "{err}");
    assert_eq!(err.event_index(), Some(3));
}

#[test]
fn a_facade_reads_only_its_own_policys_status() {
    let events = [Event::raised(day(2027, 1, 4), Raised::new())];
    let swindon = run(PolicyId::SwindonResolution2026, &events, day(2027, 1, 5));
    assert_eq!(
        swindon::current_stage(&swindon),
        Some(SwindonStage::InternalDiscussion)
    );
    // Stage 1 of Swindon is not stage 1 of Gloucestershire or North Somerset.
    assert_eq!(gscp::current_stage(&swindon), None);
    assert_eq!(nsscp::current_stage(&swindon), None);
    let gscp_case = run(PolicyId::GscpEscalation2021, &events, day(2027, 1, 5));
    assert_eq!(
        gscp::current_stage(&gscp_case),
        Some(GscpStage::try_from(1).unwrap())
    );
    assert_eq!(swindon::current_stage(&gscp_case), None);
}

#[test]
fn a_calendar_error_is_the_source() {
    use std::error::Error as _;
    let events = [Event::raised(day(2101, 1, 3), Raised::new())];
    let err = Policy::get(PolicyId::SwindonResolution2026)
        .evaluate(
            Calendar::uk(Division::EnglandAndWales),
            &events,
            day(2101, 1, 4),
        )
        .unwrap_err();
    let source = err.source().expect("the calendar's error is the source");
    let calendar = source
        .downcast_ref::<crate::calendar::Error>()
        .expect("a calendar::Error");
    assert!(matches!(
        calendar.kind(),
        crate::calendar::ErrorKind::OutOfRange { .. }
    ));
    let other = fail(
        PolicyId::SwindonResolution2026,
        &[Event::escalated(day(2027, 1, 4))],
        day(2027, 1, 5),
    );
    assert!(other.source().is_none());
}

#[test]
fn json_names_parse_back() {
    for t in EventType::ALL {
        assert_eq!(t.as_str().parse::<EventType>(), Ok(t));
    }
    for s in Seniority::ALL {
        assert_eq!(s.as_str().parse::<Seniority>(), Ok(s));
        assert_eq!(s.to_string(), s.as_str());
    }
    for c in CaseState::ALL {
        assert_eq!(c.as_str().parse::<CaseState>(), Ok(c));
    }
    for (err, field) in [
        ("Jane".parse::<EventType>().unwrap_err(), "type"),
        ("Jane".parse::<Seniority>().unwrap_err(), "parties"),
        ("Jane".parse::<CaseState>().unwrap_err(), "status"),
    ] {
        let message = err.to_string();
        assert!(message.starts_with(field), "{message}");
        assert!(!message.contains("Jane"), "{message}");
    }
}

#[test]
fn names_go_to_json_and_back() {
    for id in PolicyId::ALL {
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<PolicyId>(&json).unwrap(), id);
    }
    for t in EventType::ALL {
        let back: EventType = serde_json::from_value(serde_json::to_value(t).unwrap()).unwrap();
        assert_eq!(back, t);
    }
    for c in CaseState::ALL {
        let back: CaseState = serde_json::from_value(serde_json::to_value(c).unwrap()).unwrap();
        assert_eq!(back, c);
    }
    for l in Seniority::ALL {
        let back: Seniority = serde_json::from_value(serde_json::to_value(l).unwrap()).unwrap();
        assert_eq!(back, l);
    }
}

#[test]
fn an_unknown_name_is_refused_without_repeating_it() {
    let error = serde_json::from_str::<PolicyId>("\"Jane Doe\"").unwrap_err();
    assert!(!error.to_string().contains("Jane"), "{error}");
    assert!(
        error.to_string().contains("swindon-resolution-2026"),
        "{error}"
    );
    assert!(serde_json::from_str::<EventType>("3").is_err());
}

// ---- Duties of a stage end with it (CONTRACT section 7, round three) ----

/// GSCP Stage One: "This contact should take place within twenty-four
/// hours." Stage Two: "Where it is not possible to resolve the matter at
/// front line management level, the matter should be referred without delay
/// to second tier management level." Once stage 1 has ended, the line
/// managers' contact is no longer owed.
#[test]
fn gscp_line_managers_contact_lapses_when_stage_one_ends() {
    // Raised Monday 1 February 2027 at 09:00; reported to line managers on
    // Tuesday 2nd at 09:00 (contact due Wednesday 3rd at 09:00); referred to
    // second tier on Tuesday 2nd at 15:00.
    let reported = [
        Event::raised(at(2027, 2, 1, 9, 0), Raised::new()),
        Event::recorded(at(2027, 2, 2, 9, 0), "reported_to_line_managers"),
    ];
    let mut moved_on = reported.to_vec();
    moved_on.push(Event::escalated(at(2027, 2, 2, 15, 0)));
    let status = run(GSCP, &moved_on, day(2027, 2, 10));
    let contact = obligation(&status, "line_managers_contact");
    assert_eq!(contact.due.kind, DueKind::At(at(2027, 2, 3, 9, 0)));
    assert_eq!(contact.lapsed_on, Some(day(2027, 2, 2)));
    assert!(!contact.overdue && !contact.is_pending());
    assert!(
        status
            .pending_obligations()
            .all(|o| o.id != "line_managers_contact")
    );
    // Still at stage 1 on the 10th, the contact is owed and late.
    let status = run(GSCP, &reported, day(2027, 2, 10));
    let contact = obligation(&status, "line_managers_contact");
    assert!(contact.overdue && contact.lapsed_on.is_none());
}

/// Swindon stage 3: "The line manager should contact their opposite number
/// in the partner agency, copying in the Swindon Safeguarding Partnership,
/// within five working days of the completion of the Stage 2 above." Stage
/// 4: "the matter should be referred without delay": stage 3's contact ends
/// with stage 3, and stage 4's is owed in its place.
#[test]
fn swindon_contact_with_the_opposite_number_lapses_with_its_stage() {
    // Raised Monday 1 February 2027; stage 2 from Wednesday 3rd, stage 3
    // from Wednesday 10th (contact due 10 + 5 WD = Wednesday 17th), stage 4
    // from Friday 26th without the contact (contact due 26 + 5 WD = Friday
    // 5 March).
    let events = [
        Event::raised(day(2027, 2, 1), Raised::new()),
        Event::escalated(day(2027, 2, 3)),
        Event::escalated(day(2027, 2, 10)),
        Event::escalated(day(2027, 2, 26)),
    ];
    let status = run(SWINDON, &events, day(2027, 3, 8));
    let contacts: Vec<&ObligationStatus> = status
        .obligations
        .iter()
        .filter(|o| o.id == "opposite_number_contacted")
        .collect();
    assert_eq!(contacts.len(), 2);
    assert_eq!(contacts[0].stage, Some(3));
    assert_eq!(contacts[0].due.date(), Some(day(2027, 2, 17)));
    assert_eq!(contacts[0].lapsed_on, Some(day(2027, 2, 26)));
    assert!(!contacts[0].overdue);
    assert_eq!(contacts[1].stage, Some(4));
    assert_eq!(contacts[1].due.date(), Some(day(2027, 3, 5)));
    assert!(contacts[1].overdue && contacts[1].lapsed_on.is_none());
    // A record naming no stage is the contact still owed: stage 4's.
    let mut done = events.to_vec();
    done.push(Event::recorded(
        day(2027, 3, 1),
        "opposite_number_contacted",
    ));
    let status = run(SWINDON, &done, day(2027, 3, 8));
    let four = status
        .obligations
        .iter()
        .find(|o| o.id == "opposite_number_contacted" && o.stage == Some(4))
        .unwrap();
    assert_eq!(four.done_on, Some(day(2027, 3, 1)));
    assert_eq!(
        status.stage.as_ref().unwrap().clock_met_on,
        Some(day(2027, 3, 1))
    );
    // Named by its stage, the lapsed contact can still be recorded, late.
    let mut late = events.to_vec();
    late.push(Event::recorded(day(2027, 3, 1), "opposite_number_contacted").at_stage(3));
    let status = run(SWINDON, &late, day(2027, 3, 8));
    let three = obligation(&status, "opposite_number_contacted");
    assert_eq!(
        (three.done_on, three.lapsed_on),
        (Some(day(2027, 3, 1)), None)
    );
}

/// Swindon stage 5: "A referral should be made to the Safeguarding
/// Partnership ... within five working days of the completion of Stage 4
/// above using the form at Appendix 1." Agreement reached before the
/// referral ends the duty with the case.
#[test]
fn swindon_resolution_form_lapses_when_the_case_ends_first() {
    let mut events = swindon_to_stage_5();
    // Stage 5 from Wednesday 24 February: the form is due 24 + 5 WD =
    // Wednesday 3 March; agreement on Monday 1 March.
    events.push(Event::resolved(day(2027, 3, 1)));
    let status = run(SWINDON, &events, day(2027, 3, 10));
    let form = obligation(&status, "resolution_form");
    assert_eq!(form.due.date(), Some(day(2027, 3, 3)));
    assert_eq!(form.lapsed_on, Some(day(2027, 3, 1)));
    assert!(!form.overdue);
    // Open at stage 5 on the 10th, it is owed and late.
    let status = run(SWINDON, &swindon_to_stage_5(), day(2027, 3, 10));
    assert!(obligation(&status, "resolution_form").overdue);
}

#[test]
fn a_definitions_lapses_takes_stage_ends_and_writes_it_back() {
    let definition = |lapses: &str| {
        format!(
            r#"{{"id": "example-borough-2026", "name": "Example Borough",
            "stages": [{{"number": 1, "name": "One", "clock": {{"kind": "not_stated"}}}},
                       {{"number": 2, "name": "Two", "clock": {{"kind": "not_stated"}}}}],
            "obligations": [
                {{"id": "a", "what": "A", "trigger": {{"on": "stage_entered", "stages": [1]}},
                  "due": {{"kind": "working_days_after", "days": 1}}, "lapses": {lapses}}}]}}"#
        )
    };
    for (given, lapses) in [
        ("false", Lapses::Never),
        ("true", Lapses::CaseEnds),
        ("\"case_ends\"", Lapses::CaseEnds),
        ("\"stage_ends\"", Lapses::StageEnds),
    ] {
        let policy = Policy::from_definition_json(&definition(given)).unwrap();
        assert_eq!(policy.obligations[0].lapses, lapses, "{given}");
        let again = Policy::from_definition_json(&policy.to_definition_json()).unwrap();
        assert_eq!(again, policy, "{given}");
    }
    for wrong in ["\"sometimes\"", "1", "null"] {
        let error = Policy::from_definition_json(&definition(wrong)).unwrap_err();
        let problems: Vec<(&str, &str)> = error
            .problems()
            .iter()
            .map(|p| (p.path.as_str(), p.message.as_str()))
            .collect();
        assert_eq!(problems.len(), 1, "{wrong}: {problems:?}");
        assert_eq!(problems[0].0, "obligations[0].lapses");
        assert!(!problems[0].1.contains("sometimes"));
    }
}

// ---- Clock hours are elapsed hours in UK local time (CONTRACT section 3) ----

/// GSCP Stage One: "This contact should take place within twenty-four
/// hours." Twenty-four hours are elapsed hours, whatever the clocks do.
#[test]
fn gscp_twenty_four_hours_across_the_changes_of_summer_time() {
    let contact_due = |reported| {
        let events = [
            Event::raised(day(2027, 3, 22), Raised::new()),
            Event::recorded(reported, "reported_to_line_managers"),
        ];
        let status = run(GSCP, &events, day(2027, 11, 1));
        obligation(&status, "line_managers_contact").due.kind
    };
    // Reported at noon on Saturday 27 March 2027; the clocks go forward at
    // 01:00 on Sunday 28th: 24 hours later it is 13:00 on the wall clock.
    assert_eq!(
        contact_due(at(2027, 3, 27, 12, 0)),
        DueKind::At(at(2027, 3, 28, 13, 0))
    );
    // Reported at noon on Saturday 30 October 2027; the clocks go back at
    // 02:00 on Sunday 31st: 24 hours later it is 11:00.
    assert_eq!(
        contact_due(at(2027, 10, 30, 12, 0)),
        DueKind::At(at(2027, 10, 31, 11, 0))
    );
    // 01:30 on 31 October occurs twice: the first (summer-time) one, so
    // 24 hours later is 00:30 on Monday 1 November (GMT).
    assert_eq!(
        contact_due(at(2027, 10, 31, 1, 30)),
        DueKind::At(at(2027, 11, 1, 0, 30))
    );
}

#[test]
fn a_time_that_does_not_exist_is_refused_at_its_event() {
    // 01:30 on Sunday 28 March 2027 was skipped: the clocks went from 01:00
    // straight to 02:00.
    let events = [
        Event::raised(day(2027, 3, 22), Raised::new()),
        Event::escalated(day(2027, 3, 23)),
        Event::recorded(at(2027, 3, 28, 1, 30), "action_agreed"),
    ];
    let error = fail(GSCP, &events, day(2027, 3, 29));
    assert_eq!(error.code(), "invalid_field", "{error}");
    assert_eq!(error.event_index(), Some(2));
    let answer: serde_json::Value = serde_json::from_str(&crate::evaluate_json(
        r#"{"policy": "gscp-escalation-2021", "as_of": "2027-03-29", "events": [
            {"type": "raised", "on": "2027-03-22"},
            {"type": "escalated", "on": "2027-03-23"},
            {"type": "recorded", "record": "action_agreed", "on": "2027-03-28T01:30"}]}"#,
    ))
    .unwrap();
    let error = &answer["error"];
    assert_eq!(error["code"], "invalid_field");
    assert_eq!(error["event_index"], 2);
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("events[2].on"), "{message}");
    assert!(
        !message.contains("01:30") && !message.contains("2027-03-28"),
        "{message}"
    );
    // 02:00 exists.
    let mut fine = events.to_vec();
    fine[2] = Event::recorded(at(2027, 3, 28, 2, 0), "action_agreed");
    run(GSCP, &fine, day(2027, 3, 29));
}

/// Swindon stage 5: "The Partnership's Independent Scrutineer should also
/// be included at this stage."
#[test]
fn swindon_stage_5_includes_the_independent_scrutineer() {
    let at_four = &swindon_to_stage_5()[..4];
    assert!(
        !ids(&run(SWINDON, at_four, day(2027, 2, 24))).contains(&"include_independent_scrutineer")
    );
    let status = run(SWINDON, &swindon_to_stage_5(), day(2027, 3, 31));
    let scrutineer = obligation(&status, "include_independent_scrutineer");
    assert_eq!(
        (scrutineer.stage, scrutineer.arose_on),
        (Some(5), day(2027, 2, 24))
    );
    assert_eq!(scrutineer.due.kind, DueKind::NotStated);
    assert!(scrutineer.is_pending() && !scrutineer.overdue);
    assert!(scrutineer.clause.text.contains("Independent Scrutineer"));
    let rule = Policy::get(SWINDON)
        .obligations
        .iter()
        .find(|o| o.id == "include_independent_scrutineer")
        .unwrap();
    assert_eq!(rule.lapses, Lapses::StageEnds);
}

#[test]
fn the_diagram_notes_the_duties_that_end_with_each_stage() {
    let swindon = diagram::mermaid(Policy::get(SWINDON));
    assert!(swindon.contains("note right of S3: ends with the stage: opposite_number_contacted\n"));
    assert!(swindon.contains(
        "note right of S5: ends with the stage: resolution_form, include_independent_scrutineer\n"
    ));
    // GSCP's contact arises on the report that meets stage 1's clock.
    let gscp = diagram::mermaid(Policy::get(GSCP));
    assert!(gscp.contains("note right of S1: ends with the stage: line_managers_contact\n"));
    assert!(!diagram::mermaid(Policy::get(NSSCP)).contains("note right of"));
}

#[test]
fn the_diagram_labels_the_round_three_clocks() {
    let policy = Policy::from_definition_json(
        r#"{"id": "labels-2026", "name": "Labels", "stages": [
            {"number": 1, "name": "A", "clock": {"kind": "earliest_of", "of": [
                {"kind": "working_days_after_start", "days": 5}, {"kind": "hours_after_start", "hours": 48}]}},
            {"number": 2, "name": "B", "clock": {"kind": "working_days_after_record",
                "record": "decision_received", "days": 2}}],
        "records": [{"id": "decision_received", "what": "Received"}]}"#,
    )
    .unwrap();
    let text = diagram::mermaid(&policy);
    assert!(
        text.contains("(earliest of due start + 5 WD or due start + 48 hours)"),
        "{text}"
    );
    assert!(
        text.contains("(due decision_received + 2 WD; until then no time stated)"),
        "{text}"
    );
}
