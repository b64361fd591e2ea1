//! The sweep (a team's work tray) and the monitoring figures over many cases.

use chrono::{Duration, NaiveDate};
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::policy::monitoring::{CaseFigures, Summary};
use safeguarding_resolution::policy::sweep::{ItemKind, sweep};
use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_tray_holds_what_is_overdue_or_due_soon_soonest_first() {
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let as_of = day(2027, 1, 11); // a Monday
    // Raised on 4 January: NSSCP stage 1 was due on the 5th.
    let overdue = [Event::raised(day(2027, 1, 4), Raised::new())];
    // Raised today: stage 1 due tomorrow, Day 5 and Day 8 later.
    let fresh = [Event::raised(as_of, Raised::new())];
    // Swindon raised today: stage 1 due in 2 working days, Day 17 far away.
    let swindon = [Event::raised(as_of, Raised::new())];
    // A broken log is kept with its error, not dropped.
    let broken = [Event::resolved(as_of)];
    let cases = [
        (
            "overdue",
            Policy::get(PolicyId::NsscpIssueResolution2025),
            &overdue[..],
        ),
        (
            "fresh",
            Policy::get(PolicyId::NsscpIssueResolution2025),
            &fresh[..],
        ),
        (
            "swindon",
            Policy::get(PolicyId::SwindonResolution2026),
            &swindon[..],
        ),
        (
            "broken",
            Policy::get(PolicyId::GscpEscalation2021),
            &broken[..],
        ),
    ];
    let tray = sweep(calendar, cases, as_of, 1).unwrap();
    assert_eq!(tray.errors.len(), 1);
    assert_eq!(tray.errors[0].0, "broken");
    let items: Vec<_> = tray
        .items
        .iter()
        .map(|i| {
            (
                i.case,
                i.kind,
                i.due_on,
                i.overdue,
                i.working_days_overdue,
                i.working_days_left,
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("overdue", ItemKind::Stage, day(2027, 1, 5), true, 4, 0),
            ("overdue", ItemKind::Obligation, day(2027, 1, 5), true, 4, 0),
            (
                "overdue",
                ItemKind::Milestone,
                day(2027, 1, 11),
                false,
                0,
                0
            ),
            ("fresh", ItemKind::Stage, day(2027, 1, 12), false, 0, 1),
            ("fresh", ItemKind::Obligation, day(2027, 1, 12), false, 0, 1),
        ]
    );
    // A wider horizon brings Swindon's stage 1 (due Wednesday) in.
    let wider = sweep(calendar, cases, as_of, 2).unwrap();
    assert!(
        wider
            .items
            .iter()
            .any(|i| i.case == "swindon" && i.kind == ItemKind::Stage)
    );
    assert!(wider.items.windows(2).all(|w| w[0].due_on <= w[1].due_on));
}

#[test]
fn monitoring_sums_what_the_partnerships_collect() {
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let policy = Policy::get(PolicyId::NsscpIssueResolution2025);
    let start = day(2027, 2, 1);
    let at = |d: i64| start + Duration::days(d);
    let logs = [
        // Resolved at stage 1 in time.
        vec![Event::raised(at(0), Raised::new()), Event::resolved(at(1))],
        // Decided at stage 4, every stage in time: 7 working days.
        vec![
            Event::raised(at(0), Raised::new()),
            Event::escalated(at(1)),
            Event::escalated(at(3)),
            Event::escalated(at(7)),
            Event::decided(at(9)),
        ],
        // Open and overdue at stage 2.
        vec![Event::raised(at(0), Raised::new()), Event::escalated(at(1))],
    ];
    let figures: Vec<CaseFigures> = logs
        .iter()
        .map(|events| {
            let status = policy.evaluate(calendar, events, at(14)).unwrap();
            CaseFigures::of(&status, calendar).unwrap()
        })
        .collect();
    assert_eq!(figures[1].concluded_at_stage, Some(4));
    assert_eq!(figures[1].working_days_taken, 7);
    assert!(figures[1].within_time);
    assert!(!figures[2].within_time);
    let summary: Summary = figures.iter().collect();
    assert_eq!(summary.cases, 3);
    assert_eq!(summary.by_state.get("resolved"), Some(&1));
    assert_eq!(summary.by_state.get("decided"), Some(&1));
    assert_eq!(summary.by_state.get("open"), Some(&1));
    assert_eq!(summary.concluded_at_stage.get(&1), Some(&1));
    assert_eq!(summary.concluded_at_stage.get(&4), Some(&1));
    assert_eq!(summary.within_time, 2);
    assert_eq!(summary.mean_working_days_to_end(), Some(4.0));
}

#[test]
fn each_item_says_which_duty_and_stage_it_is() {
    // North Somerset: raised Monday 4 January 2027, to stage 2 on Tuesday 5
    // and stage 3 on Wednesday 6, the stage 2 Recording Form not yet
    // recorded. Stage 2 (2 working days) was due Thursday 7, stage 3 is due
    // Friday 8; each stage's recording_form is due with its stage.
    let events = [
        Event::raised(day(2027, 1, 4), Raised::new()),
        Event::escalated(day(2027, 1, 5)),
        Event::escalated(day(2027, 1, 6)),
    ];
    let cases = [(
        "case",
        Policy::get(PolicyId::NsscpIssueResolution2025),
        &events[..],
    )];
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let tray = sweep(calendar, cases, day(2027, 1, 6), 5).unwrap();
    let forms: Vec<(Option<u8>, NaiveDate)> = tray
        .items
        .iter()
        .filter(|i| i.id.as_deref() == Some("recording_form"))
        .map(|i| (i.stage, i.due_on))
        .collect();
    assert_eq!(
        forms,
        [(Some(2), day(2027, 1, 7)), (Some(3), day(2027, 1, 8))],
        "{:#?}",
        tray.items
    );
    let stage = tray
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Stage)
        .expect("the stage under way");
    assert_eq!(
        (stage.id.clone(), stage.stage, stage.due_on),
        (None, Some(3), day(2027, 1, 8))
    );
    assert_eq!(stage.due.date(), Some(day(2027, 1, 8)));
    assert!(!stage.due.rule.is_empty());
    assert!(tray.errors.is_empty());
}
