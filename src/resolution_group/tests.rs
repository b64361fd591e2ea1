use chrono::NaiveDate;

use super::*;
use crate::calendar::{Calendar, Division};
use crate::policy::{DueKind, Error, Event, ObligationStatus, Raised};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, m, d).unwrap()
}

fn ew() -> &'static Calendar {
    Calendar::uk(Division::EnglandAndWales)
}

fn meetings(rule: DeadlineRule) -> Schedule {
    Schedule::new(vec![day(1, 12), day(2, 9), day(3, 9), day(4, 13)], rule).unwrap()
}

fn complete() -> Submission {
    let mut s = Submission::new();
    s.by_agency = Some("Constabulary".into());
    s.presenter = Some("DCI, Public Protection".into());
    s.marked_for_resolution_group = true;
    s.prior_process = vec![PriorProcess::DisputeResolution];
    s.features = vec![Feature::AgenciesInContradiction];
    s.risks = vec![Risk::AbuseOrNeglect];
    s.sections = Section::ALL
        .iter()
        .map(|s| (*s, "written".into()))
        .collect();
    s
}

fn run(events: &[ReferralEvent], as_of: NaiveDate) -> ReferralStatus {
    evaluate(
        ew(),
        &meetings(DeadlineRule::TermsOfReference),
        events,
        as_of,
        None,
    )
    .unwrap()
}

fn fail(events: &[ReferralEvent], as_of: NaiveDate) -> Error {
    evaluate(
        ew(),
        &meetings(DeadlineRule::TermsOfReference),
        events,
        as_of,
        None,
    )
    .unwrap_err()
}

fn obligation<'s>(status: &'s ReferralStatus, id: &str) -> &'s ObligationStatus {
    status.obligations.iter().find(|o| o.id == id).unwrap()
}

fn agreement(actions: &[(&str, NaiveDate)], report: Option<(NaiveDate, ReportForm)>) -> Agreement {
    Agreement {
        actions: actions
            .iter()
            .map(|(agency, due)| AgreedAction {
                agency: agency.to_string(),
                action: "an action".into(),
                due: *due,
            })
            .collect(),
        report_back: report.map(|(meeting, form)| ReportBack { meeting, form }),
        resources: Vec::new(),
    }
}

#[test]
fn latest_submission_is_five_working_days_before_ideally_ten() {
    let schedule = meetings(DeadlineRule::TermsOfReference);
    // Tuesday 12 January 2027: back over New Year's Day.
    let deadline = schedule.deadline(ew(), day(1, 12)).unwrap();
    assert_eq!(deadline.latest, day(1, 5));
    assert_eq!(
        deadline.ideal,
        NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()
    );
    // The Terms of Reference give no date for notifying the members.
    assert_eq!(deadline.notify_members, None);
    // The flowchart's reading: 12 working days, members notified at 10.
    let flow = meetings(DeadlineRule::Flowchart)
        .deadline(ew(), day(2, 9))
        .unwrap();
    assert_eq!(
        (flow.latest, flow.ideal, flow.notify_members),
        (day(1, 22), day(1, 22), Some(day(1, 26)))
    );
}

#[test]
fn a_late_referral_goes_to_the_next_meeting_it_can_make_and_says_why() {
    let on_time = run(
        &[ReferralEvent::submitted(day(1, 5), complete())],
        day(1, 5),
    );
    assert_eq!(on_time.state, ReferralState::Scheduled);
    let scheduling = on_time.scheduling.as_ref().unwrap();
    assert_eq!(scheduling.meeting, Some(day(1, 12)));
    assert_eq!(scheduling.ideal_met, Some(false));
    assert!(
        scheduling
            .why
            .contains("but after the ideal date 2026-12-24"),
        "{}",
        scheduling.why
    );
    assert_eq!(
        obligation(&on_time, "members_notified").due.kind,
        DueKind::NotStated
    );

    let late = run(
        &[ReferralEvent::submitted(day(1, 6), complete())],
        day(1, 6),
    );
    let scheduling = late.scheduling.as_ref().unwrap();
    assert_eq!(scheduling.meeting, Some(day(2, 9)));
    assert!(
        scheduling
            .why
            .contains("after the latest submission date 2027-01-05 for the meeting of 2027-01-12")
    );

    let none = run(
        &[ReferralEvent::submitted(day(4, 7), complete())],
        day(4, 7),
    );
    assert_eq!(none.state, ReferralState::AwaitingMeeting);
    assert!(
        none.scheduling
            .unwrap()
            .why
            .contains("no later meeting was given")
    );
}

#[test]
fn an_incomplete_referral_lists_every_missing_item() {
    let mut s = complete();
    s.sections
        .retain(|(section, _)| *section != Section::Chronology);
    s.sections.push((Section::Chronology, " ".into()));
    s.sections
        .retain(|(section, _)| *section != Section::RiskAnalysis);
    s.marked_for_resolution_group = false;
    s.presenter = None;
    s.prior_process.clear();
    s.features.clear();
    s.risks.clear();
    let status = run(&[ReferralEvent::submitted(day(1, 4), s)], day(1, 4));
    assert_eq!(status.state, ReferralState::Incomplete);
    assert_eq!(
        status.missing_sections,
        [Section::Chronology, Section::RiskAnalysis]
    );
    let fields: Vec<&str> = status.missing.iter().map(|m| m.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "referral.chronology",
            "referral.risk_analysis",
            "marked_for_resolution_group",
        ]
    );
    // No notification for a referral that cannot be scheduled; no presentation.
    assert!(status.obligations.is_empty());
    assert!(!status.next.contains(&ReferralEventType::Presented));
    let err = fail(
        &[
            ReferralEvent::submitted(day(1, 4), Submission::new()),
            ReferralEvent::presented(day(1, 12)),
        ],
        day(1, 12),
    );
    assert!(err.is_invalid_transition());
    assert!(
        err.to_string().contains("the referral is incomplete"),
        "{err}"
    );
}

#[test]
fn eligibility_by_prior_process_escalation_case_or_business_unit() {
    let mut s = complete();
    s.prior_process.clear();
    let events = [ReferralEvent::submitted(day(1, 4), s.clone())];
    assert_eq!(run(&events, day(1, 4)).eligibility, None);
    // A linked GSCP escalation case at stage 4 makes it eligible.
    let escalation = [
        Event::raised(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), Raised::new()),
        Event::escalated(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()),
        Event::escalated(NaiveDate::from_ymd_opt(2026, 12, 9).unwrap()),
        Event::escalated(NaiveDate::from_ymd_opt(2026, 12, 21).unwrap()),
    ];
    let linked = evaluate(
        ew(),
        &meetings(DeadlineRule::TermsOfReference),
        &events,
        day(1, 4),
        Some(&escalation),
    )
    .unwrap();
    assert_eq!(linked.eligibility, Some(Eligibility::EscalationCase(4)));
    assert_eq!(linked.state, ReferralState::Scheduled);
    assert!(linked.warnings.is_empty());
    assert_eq!(
        linked
            .escalation
            .as_ref()
            .unwrap()
            .stage
            .as_ref()
            .unwrap()
            .number,
        4
    );
    // At stage 2 it is not yet eligible, and the case says where it stands.
    let early = evaluate(
        ew(),
        &meetings(DeadlineRule::TermsOfReference),
        &events,
        day(1, 4),
        Some(&escalation[..2]),
    )
    .unwrap();
    assert_eq!(early.eligibility, None);
    assert!(early.warnings[0].message.contains("at stage 2"));
    // The Business Unit may submit a case itself.
    s.by_business_unit = true;
    assert_eq!(
        run(&[ReferralEvent::submitted(day(1, 4), s)], day(1, 4)).eligibility,
        Some(Eligibility::BusinessUnit)
    );
}

#[test]
fn the_meeting_agrees_actions_with_dates_and_reports() {
    let events = [
        ReferralEvent::submitted(day(1, 4), complete()),
        ReferralEvent::presented(day(1, 12)),
        ReferralEvent::actions_agreed(
            day(1, 12),
            agreement(
                &[("Health", day(1, 29)), ("Education", day(2, 5))],
                Some((day(3, 9), ReportForm::InPerson)),
            ),
        ),
        ReferralEvent::action_completed(day(1, 28), 0),
    ];
    let status = run(&events, day(2, 10));
    assert_eq!(status.state, ReferralState::ActionsInProgress);
    assert_eq!(status.presented_on, Some(day(1, 12)));
    assert!(!status.actions[0].overdue && status.actions[1].overdue);
    let report = obligation(&status, "progress_report");
    assert_eq!(report.due.kind, DueKind::ByEndOf(day(3, 9)));
    assert!(report.what.ends_with("in person"));
    for id in [
        "risk_management_plan",
        "care_plan_revised",
        "actions_brought_back",
    ] {
        assert!(status.obligations.iter().any(|o| o.id == id), "{id}");
    }
    // Reported at the March meeting, with another report asked for April.
    let mut more = events.to_vec();
    more.push(ReferralEvent::progress_reported(
        day(3, 9),
        Some(ReportBack {
            meeting: day(4, 13),
            form: ReportForm::Written,
        }),
    ));
    more.push(ReferralEvent::closed(day(4, 13)));
    let status = run(&more, day(4, 13));
    let reports: Vec<_> = status
        .obligations
        .iter()
        .filter(|o| o.id == "progress_report")
        .map(|o| o.done_on)
        .collect();
    assert_eq!(reports, [Some(day(3, 9)), None]);
    assert_eq!(status.state, ReferralState::Closed);
    assert!(
        status
            .obligations
            .iter()
            .any(|o| o.id == "learning_disseminated")
    );
}

#[test]
fn invalid_meeting_records_are_errors_that_say_where() {
    let submitted = ReferralEvent::submitted(day(1, 4), complete());
    // Presented on a day that is not a meeting.
    let err = fail(
        &[submitted.clone(), ReferralEvent::presented(day(1, 13))],
        day(1, 13),
    );
    assert_eq!((err.code(), err.event_index()), ("invalid_field", Some(1)));
    assert!(
        err.to_string()
            .starts_with("events[1].on: not one of the meetings"),
        "{err}"
    );
    let presented = ReferralEvent::presented(day(1, 12));
    // An action due before it was agreed.
    let err = fail(
        &[
            submitted.clone(),
            presented.clone(),
            ReferralEvent::actions_agreed(
                day(1, 12),
                agreement(
                    &[("Health", day(1, 11))],
                    Some((day(2, 9), ReportForm::Written)),
                ),
            ),
        ],
        day(1, 12),
    );
    assert!(
        err.to_string().starts_with("events[2].actions[0].due"),
        "{err}"
    );
    // A report back to a day that is not a meeting.
    let err = fail(
        &[
            submitted.clone(),
            presented.clone(),
            ReferralEvent::actions_agreed(
                day(1, 12),
                agreement(
                    &[("Health", day(1, 29))],
                    Some((day(3, 10), ReportForm::Written)),
                ),
            ),
        ],
        day(1, 12),
    );
    assert!(
        err.to_string().starts_with("events[2].report_back.meeting"),
        "{err}"
    );
    // Completing an unknown or a completed action.
    let agreed = ReferralEvent::actions_agreed(
        day(1, 12),
        agreement(
            &[("Health", day(1, 29))],
            Some((day(2, 9), ReportForm::InPerson)),
        ),
    );
    let err = fail(
        &[
            submitted.clone(),
            presented.clone(),
            agreed.clone(),
            ReferralEvent::action_completed(day(1, 13), 3),
        ],
        day(1, 13),
    );
    assert!(
        err.to_string().contains("there is no action 3: 1 actions"),
        "{err}"
    );
    let done = ReferralEvent::action_completed(day(1, 13), 0);
    let err = fail(
        &[
            submitted.clone(),
            presented.clone(),
            agreed,
            done.clone(),
            done,
        ],
        day(1, 13),
    );
    assert!(
        err.to_string()
            .contains("action 0 was completed by an earlier event"),
        "{err}"
    );
    // The Chair hears what the group could not resolve: not before the meeting.
    let err = fail(
        &[
            submitted.clone(),
            ReferralEvent::escalated(day(1, 6), EscalationTarget::ExecutiveChair),
        ],
        day(1, 6),
    );
    assert!(
        err.to_string().contains("only an escalation to QiiP"),
        "{err}"
    );
    // Nothing but records after the end.
    let err = fail(
        &[
            submitted,
            ReferralEvent::presented(day(1, 12)),
            ReferralEvent::escalated(day(1, 12), EscalationTarget::ExecutiveChair),
            ReferralEvent::presented(day(2, 9)),
        ],
        day(2, 9),
    );
    assert!(
        err.to_string()
            .contains("the referral has ended (escalated on 2027-01-12)"),
        "{err}"
    );
}

#[test]
fn a_returned_referral_is_resubmitted_and_its_notifications_lapse() {
    let events = [
        ReferralEvent::submitted(day(1, 4), complete()),
        ReferralEvent {
            on: day(1, 5).into(),
            kind: ReferralEventKind::Returned { reason: None },
        },
        ReferralEvent::submitted(day(1, 20), complete()),
    ];
    let status = run(&events, day(1, 20));
    assert_eq!(status.state, ReferralState::Scheduled);
    assert_eq!(status.scheduling.as_ref().unwrap().meeting, Some(day(2, 9)));
    let notices: Vec<_> = status
        .obligations
        .iter()
        .filter(|o| o.id == "members_notified")
        .collect();
    assert_eq!(notices.len(), 2);
    assert_eq!(notices[0].lapsed_on, Some(day(1, 5)));
    assert!(notices[1].is_pending());
    assert_eq!(notices[1].due.kind, DueKind::NotStated);
    // A second submission without a return is not how the lifecycle runs.
    let err = fail(&[events[0].clone(), events[2].clone()], day(1, 20));
    assert!(
        err.to_string()
            .contains("allowed now: returned, presented, escalated, declined, withdrawn"),
        "{err}"
    );
}

#[test]
fn presenting_at_an_earlier_meeting_than_scheduled_is_a_warning() {
    let events = [
        ReferralEvent::submitted(day(1, 6), complete()),
        ReferralEvent::presented(day(1, 12)),
    ];
    let status = run(&events, day(1, 12));
    assert_eq!(status.warnings.len(), 1);
    assert!(
        status.warnings[0]
            .message
            .starts_with("presented at a meeting whose latest submission date (5 working days")
    );
    assert_eq!(status.warnings[0].event_index, 1);
    // No echo of the dates given.
    assert!(!status.warnings[0].message.contains("2027"));
}

#[test]
fn presenting_when_no_meeting_qualified_is_a_warning_too() {
    // Submitted on 7 April 2027: after the latest date for 13 April (6 April:
    // 12, 9, 8, 7 and 6 April, Easter Monday 29 March long past), and no later
    // meeting is given.
    let events = [
        ReferralEvent::submitted(day(4, 7), complete()),
        ReferralEvent::presented(day(4, 13)),
    ];
    let status = run(&events[..1], day(4, 7));
    assert_eq!(status.state, ReferralState::AwaitingMeeting);
    let status = run(&events, day(4, 13));
    assert_eq!(status.state, ReferralState::Presented);
    assert_eq!(status.warnings.len(), 1);
    assert!(status.warnings[0].message.contains("had missed"));
    // On time for the meeting: no warning.
    let on_time = [
        ReferralEvent::submitted(day(4, 6), complete()),
        ReferralEvent::presented(day(4, 13)),
    ];
    assert!(run(&on_time, day(4, 13)).warnings.is_empty());
}

#[test]
fn the_escalation_case_and_the_referral_are_one_story() {
    let escalation = [
        Event::raised(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), Raised::new()),
        Event::escalated(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()),
        Event::escalated(NaiveDate::from_ymd_opt(2026, 12, 9).unwrap()),
        Event::escalated(NaiveDate::from_ymd_opt(2026, 12, 21).unwrap()),
    ];
    let events = [
        ReferralEvent::submitted(day(1, 4), complete()),
        ReferralEvent::presented(day(1, 12)),
        ReferralEvent::escalated(day(1, 12), EscalationTarget::ExecutiveChair),
    ];
    let status = evaluate(
        ew(),
        &meetings(DeadlineRule::TermsOfReference),
        &events,
        day(1, 12),
        Some(&escalation),
    )
    .unwrap();
    assert!(
        status.warnings[0]
            .message
            .contains("record the escalation to stage 5")
    );
    let mut both = escalation.to_vec();
    both.push(Event::escalated(day(1, 12)));
    let status = evaluate(
        ew(),
        &meetings(DeadlineRule::TermsOfReference),
        &events,
        day(1, 12),
        Some(&both),
    )
    .unwrap();
    assert!(status.warnings.is_empty());
    assert_eq!(status.escalation.unwrap().stage.unwrap().number, 5);
}

#[test]
fn the_lifecycle_table_is_consistent() {
    use lifecycle::MOVES;
    for mv in MOVES {
        assert!(!mv.clause.text.is_empty());
        if let Some(from) = mv.from {
            assert!(!from.is_final(), "{from:?} is final but has moves");
        }
    }
    assert_eq!(
        lifecycle::allowed_from(None),
        [ReferralEventType::Submitted]
    );
    assert!(lifecycle::allowed_from(Some(Phase::Closed)).is_empty());
}

#[test]
fn notices_lapse_when_a_referral_ends_before_its_meeting() {
    let mut s = complete();
    s.special_attendees = vec!["CAMHS lead".into()];
    for end in [
        ReferralEvent {
            on: day(1, 6).into(),
            kind: ReferralEventKind::Withdrawn { reason: None },
        },
        ReferralEvent {
            on: day(1, 6).into(),
            kind: ReferralEventKind::Declined { reason: None },
        },
    ] {
        let status = run(
            &[ReferralEvent::submitted(day(1, 4), s.clone()), end],
            day(1, 20),
        );
        assert_eq!(status.obligations.len(), 2);
        for o in &status.obligations {
            assert_eq!(o.lapsed_on, Some(day(1, 6)), "{}", o.id);
            assert!(!o.overdue && !o.is_pending());
        }
        assert!(status.next.is_empty());
    }
}

#[test]
fn the_submission_meets_the_escalation_cases_stage_4_referral() {
    let escalation = [
        Event::raised(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), Raised::new()),
        Event::escalated(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()),
        Event::escalated(NaiveDate::from_ymd_opt(2026, 12, 9).unwrap()),
        Event::escalated(NaiveDate::from_ymd_opt(2026, 12, 21).unwrap()),
    ];
    let events = [ReferralEvent::submitted(day(1, 4), complete())];
    let status = evaluate(
        ew(),
        &meetings(DeadlineRule::TermsOfReference),
        &events,
        day(1, 4),
        Some(&escalation),
    )
    .unwrap();
    let case = status.escalation.unwrap();
    let referral = case
        .obligations
        .iter()
        .find(|o| o.id == "resolution_group_referral")
        .unwrap();
    assert_eq!(referral.done_on, Some(day(1, 4)));
}

#[test]
fn eligibility_is_judged_on_the_day_of_submission() {
    let mut s = complete();
    s.prior_process.clear();
    // The case reaches stage 3 only after the referral was submitted.
    let escalation = [
        Event::raised(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), Raised::new()),
        Event::escalated(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()),
        Event::escalated(day(1, 8)),
    ];
    let events = [ReferralEvent::submitted(day(1, 4), s)];
    let status = evaluate(
        ew(),
        &meetings(DeadlineRule::TermsOfReference),
        &events,
        day(1, 8),
        Some(&escalation),
    )
    .unwrap();
    assert_eq!(status.eligibility, None);
    assert_eq!(status.state, ReferralState::Ineligible);
}

#[test]
fn sections_mark_and_route_make_a_referral_complete_the_rest_is_warned() {
    // CONTRACT section 4: no other field may make it incomplete.
    let mut s = Submission::new();
    s.marked_for_resolution_group = true;
    s.prior_process = vec![PriorProcess::Planning];
    s.sections = Section::ALL
        .iter()
        .map(|s| (*s, "written".into()))
        .collect();
    let events = [ReferralEvent::submitted(day(1, 4), s)];
    let status = run(&events, day(1, 4));
    assert_eq!(status.state, ReferralState::Scheduled);
    assert!(status.missing.is_empty());
    let warned: Vec<&str> = status
        .warnings
        .iter()
        .map(|w| w.message.split(':').next().unwrap())
        .collect();
    assert_eq!(warned, ["by_agency", "presenter", "features", "risks"]);
    assert!(status.warnings.iter().all(|w| w.event_index == 0));
    assert!(status.next.contains(&ReferralEventType::Presented));
    let mut more = events.to_vec();
    more.push(ReferralEvent::presented(day(1, 12)));
    assert_eq!(run(&more, day(1, 12)).state, ReferralState::Presented);
    // Naming one risk leaves only the features warned.
    let mut s = complete();
    s.features.clear();
    let status = run(&[ReferralEvent::submitted(day(1, 4), s)], day(1, 4));
    assert_eq!(status.warnings.len(), 1);
    assert!(status.warnings[0].message.starts_with("features:"));
}

#[test]
fn a_complete_referral_without_a_route_is_ineligible_not_incomplete() {
    let mut s = complete();
    s.prior_process.clear();
    let events = [ReferralEvent::submitted(day(1, 4), s)];
    let status = run(&events, day(1, 4));
    assert_eq!(status.state, ReferralState::Ineligible);
    assert_eq!(status.state.as_str(), "ineligible");
    assert!(status.missing.is_empty() && status.missing_sections.is_empty());
    assert!(status.obligations.is_empty());
    assert!(!status.next.contains(&ReferralEventType::Presented));
    let mut more = events.to_vec();
    more.push(ReferralEvent::presented(day(1, 12)));
    let err = fail(&more, day(1, 12));
    assert!(err.is_invalid_transition());
    assert!(
        err.to_string().contains("the referral is ineligible"),
        "{err}"
    );
    // Incomplete as well as without a route: incomplete comes first.
    let mut s = complete();
    s.prior_process.clear();
    s.marked_for_resolution_group = false;
    let status = run(&[ReferralEvent::submitted(day(1, 4), s)], day(1, 4));
    assert_eq!(status.state, ReferralState::Incomplete);
}

#[test]
fn a_linked_case_is_a_route_only_from_the_resolution_group_stage() {
    let mut s = complete();
    s.prior_process.clear();
    let events = [ReferralEvent::submitted(day(1, 4), s)];
    let raised = Event::raised(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), Raised::new());
    // Stage 3, the Formal Dispute Procedure, is still being tried.
    let at_stage_3 = [
        raised.clone(),
        Event::escalated(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()),
        Event::escalated(NaiveDate::from_ymd_opt(2026, 12, 9).unwrap()),
    ];
    let status = evaluate(
        ew(),
        &meetings(DeadlineRule::TermsOfReference),
        &events,
        day(1, 4),
        Some(&at_stage_3),
    )
    .unwrap();
    assert_eq!(status.eligibility, None);
    assert_eq!(status.state, ReferralState::Ineligible);
    let mut at_stage_4 = at_stage_3.to_vec();
    at_stage_4.push(Event::escalated(day(1, 4)));
    let status = evaluate(
        ew(),
        &meetings(DeadlineRule::TermsOfReference),
        &events,
        day(1, 4),
        Some(&at_stage_4),
    )
    .unwrap();
    assert_eq!(status.eligibility, Some(Eligibility::EscalationCase(4)));
    assert_eq!(status.state, ReferralState::Scheduled);
}

#[test]
fn closing_with_actions_outstanding_is_a_warning() {
    let events = [
        ReferralEvent::submitted(day(1, 4), complete()),
        ReferralEvent::presented(day(1, 12)),
        ReferralEvent::actions_agreed(
            day(1, 12),
            agreement(
                &[("Health", day(1, 29))],
                Some((day(2, 9), ReportForm::InPerson)),
            ),
        ),
        ReferralEvent::closed(day(2, 9)),
    ];
    let status = run(&events, day(2, 9));
    assert_eq!(status.state, ReferralState::Closed);
    assert!(
        status.warnings[0]
            .message
            .starts_with("closed with 1 agreed action(s) not recorded as completed")
    );
}

#[test]
fn an_escalation_to_qiip_is_recorded_and_the_referral_goes_on() {
    let mut s = complete();
    s.special_attendees = vec!["CAMHS lead".into()];
    let before_the_meeting = [
        ReferralEvent::submitted(day(1, 4), s),
        ReferralEvent {
            on: day(1, 6).into(),
            kind: ReferralEventKind::Escalated {
                to: EscalationTarget::Qiip,
                review: Some(StatutoryReview::RapidReview),
                reason: None,
            },
        },
    ];
    let status = run(&before_the_meeting, day(1, 6));
    assert_eq!(status.state, ReferralState::Scheduled);
    assert_eq!(status.qiip_referred_on, Some(day(1, 6)));
    assert_eq!(
        status.qiip_referrals[0].review,
        Some(StatutoryReview::RapidReview)
    );
    assert_eq!(status.ended_on, None);
    assert_eq!(status.escalated_to, None);
    // The notices for the meeting are still owed.
    assert!(status.obligations.iter().all(|o| o.is_pending()));
    assert!(status.next.contains(&ReferralEventType::Presented));
    // The group goes on to meet, agree actions, and escalate to QiiP again.
    let mut events = before_the_meeting.to_vec();
    events.extend([
        ReferralEvent::presented(day(1, 12)),
        ReferralEvent::escalated(day(1, 12), EscalationTarget::Qiip),
        ReferralEvent::actions_agreed(
            day(1, 12),
            agreement(
                &[("Health", day(1, 29))],
                Some((day(2, 9), ReportForm::Written)),
            ),
        ),
        ReferralEvent::escalated(day(1, 20), EscalationTarget::Qiip),
    ]);
    let status = run(&events, day(1, 20));
    assert_eq!(status.state, ReferralState::ActionsInProgress);
    assert_eq!(status.qiip_referred_on, Some(day(1, 6)));
    let indexes: Vec<usize> = status
        .qiip_referrals
        .iter()
        .map(|q| q.event_index)
        .collect();
    assert_eq!(indexes, [1, 3, 5]);
    // Only the Chair of the GSCP Executive ends it.
    events.push(ReferralEvent::escalated(
        day(2, 9),
        EscalationTarget::ExecutiveChair,
    ));
    let status = run(&events, day(2, 9));
    assert_eq!(status.state, ReferralState::Escalated);
    assert_eq!(status.ended_on, Some(day(2, 9)));
}

#[test]
fn a_later_meetings_progress_report_lapses_when_the_referral_ends() {
    use crate::resolution_group::agenda::agenda;
    let agreed = [
        ReferralEvent::submitted(day(1, 4), complete()),
        ReferralEvent::presented(day(1, 12)),
        ReferralEvent::actions_agreed(
            day(1, 12),
            agreement(
                &[("Health", day(1, 29))],
                Some((day(3, 9), ReportForm::InPerson)),
            ),
        ),
    ];
    let ends = [
        ReferralEvent::closed(day(2, 9)),
        ReferralEvent::escalated(day(2, 9), EscalationTarget::ExecutiveChair),
        ReferralEvent {
            on: day(2, 9).into(),
            kind: ReferralEventKind::Withdrawn { reason: None },
        },
    ];
    for end in ends {
        let mut events = agreed.to_vec();
        events.push(end.clone());
        // Evaluated after the meeting the report was due at.
        let status = run(&events, day(3, 10));
        let report = obligation(&status, "progress_report");
        assert_eq!(report.lapsed_on, Some(day(2, 9)), "{:?}", end.kind);
        assert!(!report.overdue && !report.is_pending());
        // A lapsed report cannot be recorded.
        let mut recorded = events.clone();
        recorded.push(ReferralEvent::recorded(day(3, 9), "progress_report"));
        assert!(fail(&recorded, day(3, 9)).is_invalid_transition());
        // The March agenda keeps no slot for it.
        let cases = [("R-1", &events[..], None)];
        let march = agenda(
            ew(),
            &meetings(DeadlineRule::TermsOfReference),
            day(3, 9),
            cases,
        )
        .unwrap();
        assert!(march.progress_reports.is_empty(), "{:?}", end.kind);
    }
    // Without an end, the report is owed, overdue after March 9 and on the agenda.
    let status = run(&agreed, day(3, 10));
    assert!(obligation(&status, "progress_report").overdue);
    let cases = [("R-1", &agreed[..], None)];
    let march = agenda(
        ew(),
        &meetings(DeadlineRule::TermsOfReference),
        day(3, 9),
        cases,
    )
    .unwrap();
    assert_eq!(march.progress_reports.len(), 1);
    // A report due at the meeting where the group ends its work stays owed.
    let mut closing = agreed.to_vec();
    closing.push(ReferralEvent::closed(day(3, 9)));
    let status = run(&closing, day(3, 10));
    assert_eq!(obligation(&status, "progress_report").lapsed_on, None);
}

#[test]
fn no_date_is_invented_for_the_notices() {
    let mut s = complete();
    s.special_attendees = vec!["Virtual School head".into()];
    let events = [ReferralEvent::submitted(day(1, 4), s)];
    // The Terms of Reference: no date for the members, none for attendees;
    // never overdue, however late.
    let status = run(&events, day(1, 11));
    for id in ["members_notified", "special_attendees_invited"] {
        let o = obligation(&status, id);
        assert_eq!(o.due.kind, DueKind::NotStated, "{id}");
        assert!(!o.overdue, "{id}");
    }
    // The flowchart: members notified 10 working days before the meeting of
    // 9 February 2027 (Tuesday 26 January; the referral for it was due by
    // Friday 22 January, 12 working days before); attendees still undated.
    let flowchart = evaluate(
        ew(),
        &meetings(DeadlineRule::Flowchart),
        &[ReferralEvent::submitted(
            day(1, 20),
            match &events[0].kind {
                ReferralEventKind::Submitted(s) => (**s).clone(),
                _ => unreachable!(),
            },
        )],
        day(1, 27),
        None,
    )
    .unwrap();
    let members = obligation(&flowchart, "members_notified");
    assert_eq!(members.due.kind, DueKind::ByEndOf(day(1, 26)));
    assert!(members.overdue);
    assert_eq!(
        obligation(&flowchart, "special_attendees_invited").due.kind,
        DueKind::NotStated
    );
}

#[test]
fn the_meeting_sets_actions_and_a_timescale_for_reporting() {
    let presented = [
        ReferralEvent::submitted(day(1, 4), complete()),
        ReferralEvent::presented(day(1, 12)),
    ];
    let with = |agreement: Agreement| {
        let mut events = presented.to_vec();
        events.push(ReferralEvent::actions_agreed(day(1, 12), agreement));
        events
    };
    // No action: refused, naming the place.
    let err = fail(
        &with(agreement(&[], Some((day(2, 9), ReportForm::Written)))),
        day(1, 12),
    );
    assert_eq!((err.code(), err.event_index()), ("invalid_field", Some(2)));
    assert!(err.to_string().starts_with("events[2].actions:"), "{err}");
    // No report back at the first agreement: refused.
    let err = fail(
        &with(agreement(&[("Health", day(1, 29))], None)),
        day(1, 12),
    );
    assert_eq!(err.code(), "invalid_field");
    assert!(
        err.to_string().starts_with("events[2].report_back:"),
        "{err}"
    );
    // Both: accepted.
    let events = with(agreement(
        &[("Health", day(1, 29))],
        Some((day(2, 9), ReportForm::Written)),
    ));
    assert_eq!(
        run(&events, day(1, 12)).state,
        ReferralState::ActionsInProgress
    );
    // A later agreement adds actions under the reporting already set.
    let mut more = events.clone();
    more.push(ReferralEvent::actions_agreed(
        day(2, 9),
        agreement(&[("Education", day(2, 26))], None),
    ));
    assert_eq!(run(&more, day(2, 9)).actions.len(), 2);
    // But it too needs an action.
    let mut empty = events;
    empty.push(ReferralEvent::actions_agreed(
        day(2, 9),
        agreement(&[], None),
    ));
    assert_eq!(fail(&empty, day(2, 9)).code(), "invalid_field");
}
