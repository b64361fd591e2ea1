//! A meeting's agenda across many referrals, and the annual report figures.

use chrono::NaiveDate;
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::resolution_group::agenda::{AnnualFigures, agenda};
use safeguarding_resolution::resolution_group::{
    self as rg, AgreedAction, Agreement, DeadlineRule, EscalationTarget, PriorProcess,
    ReferralEvent, ReportBack, ReportForm, Risk, Schedule, Section, Submission,
};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, m, d).unwrap()
}

fn referral(agency: &str) -> Submission {
    let mut s = Submission::new();
    s.by_agency = Some(agency.to_string());
    s.presenter = Some("Senior manager".into());
    s.marked_for_resolution_group = true;
    s.prior_process = vec![PriorProcess::Conferencing];
    s.risks = vec![Risk::HarmToOthers];
    s.sections = Section::ALL
        .iter()
        .map(|s| (*s, "written".into()))
        .collect();
    s
}

fn agreed(on: NaiveDate, due: NaiveDate, report: Option<(NaiveDate, ReportForm)>) -> ReferralEvent {
    let mut agreement = Agreement::default();
    agreement.actions = vec![AgreedAction {
        agency: "Health".into(),
        action: "an action".into(),
        due,
    }];
    agreement.report_back = report.map(|(meeting, form)| ReportBack { meeting, form });
    ReferralEvent::actions_agreed(on, agreement)
}

#[test]
fn the_agenda_lists_new_referrals_then_progress_reports_in_a_stable_order() {
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let schedule = Schedule::new(
        vec![day(1, 12), day(2, 9), day(3, 9)],
        DeadlineRule::TermsOfReference,
    )
    .unwrap();
    // New for February: two submitted in January (the later one first in the
    // list), one too late for February, one incomplete.
    let later = [ReferralEvent::submitted(day(1, 20), referral("Education"))];
    let earlier = [ReferralEvent::submitted(day(1, 13), referral("Police"))];
    let too_late = [ReferralEvent::submitted(day(2, 3), referral("Health"))];
    let incomplete = [ReferralEvent::submitted(day(1, 14), Submission::new())];
    // Seen in January, reporting back in February (in person) and March.
    let reporting = [
        ReferralEvent::submitted(day(1, 4), referral("CSC")),
        ReferralEvent::presented(day(1, 12)),
        agreed(
            day(1, 12),
            day(1, 29),
            Some((day(2, 9), ReportForm::InPerson)),
        ),
    ];
    let march = [
        ReferralEvent::submitted(day(1, 5), referral("Housing")),
        ReferralEvent::presented(day(1, 12)),
        agreed(
            day(1, 12),
            day(2, 1),
            Some((day(3, 9), ReportForm::Written)),
        ),
    ];
    let cases = [
        ("later", &later[..], None),
        ("earlier", &earlier[..], None),
        ("too-late", &too_late[..], None),
        ("incomplete", &incomplete[..], None),
        ("reporting", &reporting[..], None),
        ("march", &march[..], None),
    ];
    let february = agenda(calendar, &schedule, day(2, 9), cases).unwrap();
    let new: Vec<&str> = february.new_referrals.iter().map(|i| i.referral).collect();
    assert_eq!(new, ["earlier", "later"]);
    let reports: Vec<(&str, Option<&str>)> = february
        .progress_reports
        .iter()
        .map(|i| (i.referral, i.form))
        .collect();
    assert_eq!(reports, [("reporting", Some("in_person"))]);
    assert!(february.errors.is_empty());
    let march_agenda = agenda(calendar, &schedule, day(3, 9), cases).unwrap();
    let new: Vec<&str> = march_agenda
        .new_referrals
        .iter()
        .map(|i| i.referral)
        .collect();
    assert_eq!(new, ["too-late"]);
    assert_eq!(march_agenda.progress_reports[0].referral, "march");
}

#[test]
fn annual_figures_count_agencies_outcomes_days_and_actions() {
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let schedule =
        Schedule::new(vec![day(1, 12), day(2, 9)], DeadlineRule::TermsOfReference).unwrap();
    let closed = [
        ReferralEvent::submitted(day(1, 4), referral("Police")),
        ReferralEvent::presented(day(1, 12)),
        agreed(
            day(1, 12),
            day(1, 20),
            Some((day(2, 9), ReportForm::Written)),
        ),
        ReferralEvent::action_completed(day(1, 19), 0),
        ReferralEvent::closed(day(2, 9)),
    ];
    let escalated = [
        ReferralEvent::submitted(day(1, 5), referral("Police")),
        ReferralEvent::presented(day(1, 12)),
        agreed(
            day(1, 12),
            day(1, 20),
            Some((day(2, 9), ReportForm::Written)),
        ),
        ReferralEvent::action_completed(day(1, 25), 0),
        ReferralEvent::escalated(day(2, 9), EscalationTarget::ExecutiveChair),
    ];
    let open = [
        ReferralEvent::submitted(day(1, 4), referral("Health")),
        ReferralEvent::presented(day(1, 12)),
        agreed(
            day(1, 12),
            day(1, 20),
            Some((day(2, 9), ReportForm::Written)),
        ),
    ];
    let mut figures = AnnualFigures::default();
    for log in [&closed[..], &escalated[..], &open[..]] {
        let status = rg::evaluate(calendar, &schedule, log, day(2, 10), None).unwrap();
        figures.add(&status, calendar).unwrap();
    }
    assert_eq!(figures.referrals, 3);
    assert_eq!(figures.per_agency.get("Police"), Some(&2));
    assert_eq!(figures.per_outcome.get("closed"), Some(&1));
    assert_eq!(figures.per_outcome.get("escalated"), Some(&1));
    assert_eq!(figures.per_outcome.get("actions_in_progress"), Some(&1));
    // 4 Jan to 12 Jan: 6 working days; 5 Jan to 12 Jan: 5.
    assert_eq!(figures.working_days_to_meeting, [6, 5, 6]);
    assert_eq!(
        (
            figures.actions,
            figures.actions_completed_on_time,
            figures.actions_completed_late,
            figures.actions_overdue
        ),
        (3, 1, 1, 1)
    );
    assert!((figures.mean_working_days_to_meeting().unwrap() - 17.0 / 3.0).abs() < 1e-9);
}
