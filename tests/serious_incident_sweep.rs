//! Serious incidents in a partnership's work tray and monitoring figures,
//! beside its escalation cases.

use chrono::NaiveDate;
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::policy::monitoring::Summary;
use safeguarding_resolution::policy::sweep::{ItemKind, Process, sweep_with_serious_incidents};
use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
use safeguarding_resolution::serious_incident::{
    self as si, Config, IncidentEvent, IncidentFigures, RapidReviewDays, ReviewOutcome,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_notification_due_tomorrow_stands_beside_a_stage_due_today() {
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let as_of = day(2027, 2, 4); // a Thursday
    // Aware on Friday 29 January: Mon 1 (1), Tue 2 (2), Wed 3 (3), Thu 4
    // (4), Fri 5 February (5): the notification is due tomorrow.
    let incident = [IncidentEvent::aware(day(2027, 1, 29))];
    // Raised under North Somerset's policy on Wednesday 3 February: stage 1
    // (one working day) is due today.
    let case = [Event::raised(day(2027, 2, 3), Raised::new())];
    // A broken incident log is kept with its error, not dropped.
    let broken = [IncidentEvent::notified(day(2027, 2, 1))];
    let tray = sweep_with_serious_incidents(
        calendar,
        [(
            "escalation",
            Policy::get(PolicyId::NsscpIssueResolution2025),
            &case[..],
        )],
        [
            ("incident", Config::default(), &incident[..]),
            ("broken", Config::default(), &broken[..]),
        ],
        as_of,
        1,
    )
    .unwrap();
    assert_eq!(tray.incident_errors.len(), 1);
    assert_eq!(tray.incident_errors[0].0, "broken");
    assert_eq!(tray.incident_errors[0].1.code(), "invalid_transition");
    let rows: Vec<_> = tray
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Stage | ItemKind::Clock))
        .map(|i| {
            (
                i.case,
                i.process.clone(),
                i.kind,
                i.due_on,
                i.overdue,
                i.working_days_left,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "escalation",
                Process::Escalation("nsscp-issue-resolution-2025".into()),
                ItemKind::Stage,
                day(2027, 2, 4),
                false,
                0
            ),
            (
                "incident",
                Process::SeriousIncident,
                ItemKind::Clock,
                day(2027, 2, 5),
                false,
                1
            ),
        ]
    );
    let clock = tray
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Clock)
        .unwrap();
    assert!(
        clock
            .what
            .contains("Child Safeguarding Practice Review Panel")
    );
    assert_eq!(clock.process.id(), "gscp-serious-incident-2021");
    assert!(tray.items.windows(2).all(|w| w[0].due_on <= w[1].due_on));
}

#[test]
fn overdue_and_met_clocks_in_the_tray() {
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let as_of = day(2027, 3, 3);
    // Notified late on 10 February; the rapid review was due on 25 February
    // (15 calendar days) and is 4 working days overdue. The notification,
    // met, is not in the tray.
    let late = [
        IncidentEvent::aware(day(2027, 2, 1)),
        IncidentEvent::notified(day(2027, 2, 10)),
    ];
    let tray = sweep_with_serious_incidents(
        calendar,
        std::iter::empty::<(&str, &Policy, &[Event])>(),
        [("late", Config::default(), &late[..])],
        as_of,
        3,
    )
    .unwrap();
    assert_eq!(tray.items.len(), 1);
    let item = &tray.items[0];
    assert_eq!(
        (item.due_on, item.overdue, item.working_days_overdue),
        (day(2027, 2, 25), true, 4)
    );
    // Read as 15 working days, the rapid review is due on 3 March: today.
    let tray = sweep_with_serious_incidents(
        calendar,
        std::iter::empty::<(&str, &Policy, &[Event])>(),
        [(
            "late",
            Config::with_rapid_review_days(RapidReviewDays::Working),
            &late[..],
        )],
        as_of,
        3,
    )
    .unwrap();
    assert_eq!(
        (tray.items[0].due_on, tray.items[0].overdue),
        (day(2027, 3, 3), false)
    );
}

#[test]
fn monitoring_counts_the_clocks_kept_and_missed() {
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let in_time = [
        IncidentEvent::aware(day(2027, 1, 4)),
        IncidentEvent::notified(day(2027, 1, 7)),
        IncidentEvent::rapid_review_completed(day(2027, 1, 20)),
        IncidentEvent::review_decided(day(2027, 2, 1), ReviewOutcome::NoReview),
    ];
    let late = [
        IncidentEvent::aware(day(2027, 2, 1)),
        IncidentEvent::notified(day(2027, 2, 10)),
    ];
    let waiting = [IncidentEvent::aware(day(2027, 3, 1))];
    let as_of = day(2027, 3, 3);
    let mut summary = Summary::default();
    for log in [&in_time[..], &late[..], &waiting[..]] {
        let status = si::evaluate(calendar, Config::default(), log, as_of).unwrap();
        summary.add_serious_incident(&IncidentFigures::of(&status, calendar).unwrap());
    }
    let s = &summary.serious_incidents;
    assert_eq!(s.incidents, 3);
    assert_eq!(s.by_status["no_review"], 1);
    assert_eq!(s.by_status["rapid_review_under_way"], 1);
    assert_eq!(s.by_status["awaiting_notification"], 1);
    // Notifications: one in time, one late; the third is still running.
    assert_eq!(s.clocks["notification"], (1, 1));
    // Rapid reviews: one in time, one overdue.
    assert_eq!(s.clocks["rapid_review"], (1, 1));
    // 3 working days (Jan 5-7) and 7 (Feb 2-5, 8-10): a mean of 5.
    assert_eq!(s.mean_working_days_to_notify(), Some(5.0));
    assert_eq!(summary.cases, 0);
}
