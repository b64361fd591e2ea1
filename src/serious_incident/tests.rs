//! Unit tests of the serious-incident engine, each date worked out by hand.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::table::{self, Guard, MOVES};
use super::*;
use crate::calendar::{Calendar, Division};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn england() -> &'static Calendar {
    Calendar::uk(Division::EnglandAndWales)
}

fn run(events: &[IncidentEvent], as_of: NaiveDate) -> Result<IncidentStatus, Error> {
    evaluate(england(), Config::default(), events, as_of)
}

fn commissioned() -> Vec<IncidentEvent> {
    vec![
        IncidentEvent::aware(day(2027, 1, 4)),
        IncidentEvent::notified(day(2027, 1, 7)),
        IncidentEvent::rapid_review_completed(day(2027, 1, 20)),
        IncidentEvent::review_decided(day(2027, 2, 1), ReviewOutcome::Commission),
    ]
}

#[test]
fn notification_over_christmas_2026() {
    // Aware Mon 21 Dec: Tue 22 (1), Wed 23 (2), Thu 24 (3), Tue 29 (4),
    // Wed 30 (5).
    let status = run(
        &[IncidentEvent::aware(day(2026, 12, 21))],
        day(2026, 12, 31),
    )
    .unwrap();
    let clock = status.clock(ClockName::Notification).unwrap();
    assert_eq!(clock.due.date(), Some(day(2026, 12, 30)));
    assert!(clock.overdue);
    assert_eq!(clock.working_days_overdue, 1);
    let skipped = clock
        .counted
        .unwrap()
        .skipped(day(2026, 12, 30), england())
        .unwrap();
    let holidays: Vec<NaiveDate> = skipped
        .iter()
        .filter(|d| !d.bank_holidays().is_empty())
        .map(|d| d.date())
        .collect();
    assert_eq!(holidays, [day(2026, 12, 25), day(2026, 12, 28)]);
    assert_eq!(status.phase, Phase::Aware);
    assert_eq!(status.next, [IncidentEventType::Notified]);
}

#[test]
fn the_due_day_itself_is_in_time() {
    let events = [IncidentEvent::aware(day(2027, 2, 1))];
    let on_the_day = run(&events, day(2027, 2, 8)).unwrap();
    assert!(!on_the_day.overdue);
    let day_after = run(&events, day(2027, 2, 9)).unwrap();
    assert!(day_after.overdue);
    assert_eq!(day_after.clocks[0].working_days_overdue, 1);
}

#[test]
fn an_incident_known_on_a_saturday_counts_from_the_saturday() {
    // Aware Sat 6 Feb 2027: Mon 8 (1) ... Fri 12 (5).
    let status = run(&[IncidentEvent::aware(day(2027, 2, 6))], day(2027, 2, 6)).unwrap();
    assert_eq!(status.clocks[0].due.date(), Some(day(2027, 2, 12)));
}

#[test]
fn rapid_review_in_calendar_days_is_not_moved_off_a_weekend() {
    // Notified Fri 2 Apr 2027: 15 days later is Sat 17 Apr.
    let events = [
        IncidentEvent::aware(day(2027, 3, 31)),
        IncidentEvent::notified(day(2027, 4, 2)),
    ];
    let status = run(&events, day(2027, 4, 19)).unwrap();
    let clock = status.clock(ClockName::RapidReview).unwrap();
    assert_eq!(clock.due.date(), Some(day(2027, 4, 17)));
    // Overdue from the Saturday: Mon 19 April is 1 working day after it.
    assert_eq!(clock.working_days_overdue, 1);
    // Read as working days: Apr 5-9 (5), 12-16 (10), 19-23 (15).
    let working = evaluate(
        england(),
        Config::with_rapid_review_days(RapidReviewDays::Working),
        &events,
        day(2027, 4, 19),
    )
    .unwrap();
    assert_eq!(
        working.clock(ClockName::RapidReview).unwrap().due.date(),
        Some(day(2027, 4, 23))
    );
}

#[test]
fn the_report_clock_appears_once_a_publication_date_is_planned() {
    let mut events = commissioned();
    let status = run(&events, day(2027, 3, 1)).unwrap();
    assert_eq!(status.clocks.len(), 2);
    assert!(status.clock(ClockName::ReportToPanelAndDfe).is_none());
    let copy = status
        .obligations
        .iter()
        .find(|o| o.id == "copy_to_panel_and_dfe")
        .unwrap();
    assert_eq!(copy.due.kind, crate::policy::DueKind::NotStated);
    // Publication Mon 7 Jun 2027: Fri 4 (1), Thu 3 (2), Wed 2 (3), Tue 1
    // (4), [Mon 31 May], Fri 28 (5), Thu 27 (6), Wed 26 May (7).
    events.push(IncidentEvent::publication_planned(
        day(2027, 3, 1),
        day(2027, 6, 7),
    ));
    let status = run(&events, day(2027, 3, 1)).unwrap();
    let report = status.clock(ClockName::ReportToPanelAndDfe).unwrap();
    assert_eq!(report.due.date(), Some(day(2027, 5, 26)));
    assert_eq!(status.phase, Phase::PublicationPlanned);
}

#[test]
fn a_replanned_date_moves_the_clock_and_publication_on_another_day_warns() {
    let mut events = commissioned();
    events.push(IncidentEvent::publication_planned(
        day(2027, 3, 1),
        day(2027, 6, 3),
    ));
    // Replanned for Thu 10 Jun: Jun 9, 8, 7, 4, 3, 2, 1 (7): Tue 1 June.
    events.push(IncidentEvent::publication_planned(
        day(2027, 4, 1),
        day(2027, 6, 10),
    ));
    let status = run(&events, day(2027, 4, 1)).unwrap();
    let report = status.clock(ClockName::ReportToPanelAndDfe).unwrap();
    assert_eq!(report.due.date(), Some(day(2027, 6, 1)));
    assert_eq!(status.publish_on, Some(day(2027, 6, 10)));
    // Sent on Tue 1 Jun; published a day early, on Wed 9 Jun: the clock
    // counts from the day of publication (Jun 8, 7, 4, 3, 2, 1, [31 May],
    // Fri 28 May), so the report was 1 working day late (Sat 29 to Mon 31
    // May are not working days; Tue 1 June is).
    events.push(IncidentEvent::report_sent(day(2027, 6, 1)));
    events.push(IncidentEvent::published(day(2027, 6, 9)));
    let status = run(&events, day(2027, 6, 9)).unwrap();
    let report = status.clock(ClockName::ReportToPanelAndDfe).unwrap();
    assert_eq!(report.due.date(), Some(day(2027, 5, 28)));
    assert_eq!(report.met_in_time, Some(false));
    assert_eq!(report.working_days_late, 1);
    assert_eq!(status.warnings.len(), 1);
    assert_eq!(status.warnings[0].event_index, 7);
    assert_eq!(status.phase, Phase::Published);
    assert_eq!(status.ended_on, Some(day(2027, 6, 9)));
}

#[test]
fn the_report_may_go_before_a_date_is_planned() {
    let mut events = commissioned();
    events.push(IncidentEvent::report_sent(day(2027, 4, 1)));
    let status = run(&events, day(2027, 4, 1)).unwrap();
    assert_eq!(status.phase, Phase::ReportSent);
    assert!(status.clock(ClockName::ReportToPanelAndDfe).is_none());
    events.push(IncidentEvent::publication_planned(
        day(2027, 4, 2),
        day(2027, 6, 3),
    ));
    let status = run(&events, day(2027, 4, 2)).unwrap();
    let report = status.clock(ClockName::ReportToPanelAndDfe).unwrap();
    assert_eq!(report.met_on, Some(day(2027, 4, 1)));
    assert_eq!(report.met_in_time, Some(true));
    assert_eq!(
        status.next,
        [
            IncidentEventType::PublicationPlanned,
            IncidentEventType::Published
        ]
    );
}

#[test]
fn no_review_ends_the_process_with_nothing_owed() {
    let mut events = commissioned();
    events[3] = IncidentEvent::review_decided(day(2027, 2, 1), ReviewOutcome::NoReview);
    let status = run(&events, day(2027, 2, 1)).unwrap();
    assert_eq!(status.phase, Phase::NoReview);
    assert!(status.next.is_empty());
    assert_eq!(status.pending_obligations().count(), 0);
    assert_eq!(status.ended_on, Some(day(2027, 2, 1)));
    // 9.6's rationale is for a review not published, not for no review.
    events.push(IncidentEvent::rationale_sent(day(2027, 2, 2)));
    let err = run(&events, day(2027, 2, 2)).unwrap_err();
    assert!(err.is_invalid_transition());
    assert_eq!(err.event_index(), Some(4));
}

#[test]
fn the_rationale_for_not_publishing_keeps_the_same_timescales() {
    let mut events = commissioned();
    events.push(IncidentEvent::publication_planned(
        day(2027, 5, 10),
        day(2027, 6, 3),
    ));
    // Due Mon 24 May; sent Tue 25 May: 1 working day late.
    events.push(IncidentEvent::rationale_sent(day(2027, 5, 25)));
    let status = run(&events, day(2027, 5, 25)).unwrap();
    assert_eq!(status.phase, Phase::NotPublished);
    let report = status.clock(ClockName::ReportToPanelAndDfe).unwrap();
    assert_eq!(report.working_days_late, 1);
    assert_eq!(
        status.sent,
        Some((SentDocument::RationaleForNotPublishing, day(2027, 5, 25)))
    );
}

#[test]
fn the_errors_of_section_3() {
    // A first event other than aware: invalid_transition at 0.
    let err = run(&[IncidentEvent::notified(day(2027, 1, 4))], day(2027, 1, 4)).unwrap_err();
    assert_eq!(
        (err.code(), err.event_index()),
        ("invalid_transition", Some(0))
    );
    // No events.
    assert_eq!(
        run(&[], day(2027, 1, 4)).unwrap_err().code(),
        "invalid_field"
    );
    // An event out of order.
    let err = run(
        &[
            IncidentEvent::aware(day(2027, 1, 4)),
            IncidentEvent::notified(day(2027, 1, 3)),
        ],
        day(2027, 1, 5),
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.event_index()),
        ("events_out_of_order", Some(1))
    );
    // publish_on before the decision.
    let mut events = commissioned();
    events.push(IncidentEvent::publication_planned(
        day(2027, 2, 2),
        day(2027, 1, 29),
    ));
    let err = run(&events, day(2027, 2, 2)).unwrap_err();
    assert_eq!((err.code(), err.event_index()), ("invalid_field", Some(4)));
    assert!(err.to_string().starts_with("events[4].publish_on: "));
    // publish_on after the decision but before the day it was planned.
    events[4] = IncidentEvent::publication_planned(day(2027, 2, 10), day(2027, 2, 9));
    let err = run(&events, day(2027, 2, 10)).unwrap_err();
    assert_eq!(err.code(), "invalid_field");
    // as_of before the last event.
    let err = run(&commissioned(), day(2027, 1, 31)).unwrap_err();
    assert!(err.to_string().starts_with("as_of: "));
    // A date outside the calendar.
    let err = run(&[IncidentEvent::aware(day(1980, 1, 4))], day(1980, 1, 5)).unwrap_err();
    assert_eq!(err.code(), "out_of_calendar_range");
}

#[test]
fn messages_never_repeat_a_date_given() {
    let events = [
        IncidentEvent::aware(day(2027, 1, 4)),
        IncidentEvent::notified(day(2027, 1, 3)),
    ];
    let message = run(&events, day(2027, 1, 5)).unwrap_err().to_string();
    assert!(!message.contains("2027"), "{message}");
    let message = run(&[IncidentEvent::aware(day(1980, 1, 4))], day(1980, 1, 5))
        .unwrap_err()
        .to_string();
    assert!(!message.contains("1980"), "{message}");
}

#[test]
fn the_duty_to_notify_began_on_29_june_2018() {
    let before = run(&[IncidentEvent::aware(day(2018, 6, 28))], day(2018, 7, 9)).unwrap();
    assert_eq!(before.clocks[0].due.date(), None);
    assert!(!before.overdue);
    assert_eq!(before.warnings.len(), 1);
    // From 29 June 2018 (a Friday): Jul 2 (1) ... Jul 6 (5).
    let since = run(&[IncidentEvent::aware(day(2018, 6, 29))], day(2018, 7, 9)).unwrap();
    assert_eq!(since.clocks[0].due.date(), Some(day(2018, 7, 6)));
    assert!(since.overdue);
    assert!(since.warnings.is_empty());
}

#[test]
fn every_phase_is_reachable_and_every_move_has_a_sentence_of_section_9() {
    for phase in Phase::ALL {
        assert!(
            MOVES.iter().any(|m| m.to == phase),
            "{phase:?} is not reachable"
        );
        let leaves = MOVES.iter().any(|m| m.from == Some(phase));
        assert_eq!(leaves, !phase.is_final(), "{phase:?}");
    }
    for mv in MOVES {
        assert!(mv.clause.place.contains("s.9."), "{mv:?}");
        assert!(!mv.clause.text.is_empty());
    }
    for clock in Config::default().clocks() {
        assert!(clock.clause.place.contains("s.9."));
    }
    // Guards: an outcome decides between two moves.
    assert_eq!(
        table::find(
            Some(Phase::RapidReviewCompleted),
            IncidentEventType::ReviewDecided,
            Guard::Outcome(ReviewOutcome::NoReview)
        )
        .map(|m| m.to),
        Some(Phase::NoReview)
    );
}

fn arbitrary_event() -> impl Strategy<Value = IncidentEventKind> {
    prop_oneof![
        Just(IncidentEventKind::Aware),
        Just(IncidentEventKind::Notified),
        Just(IncidentEventKind::RapidReviewCompleted),
        Just(IncidentEventKind::ReviewDecided(ReviewOutcome::Commission)),
        Just(IncidentEventKind::ReviewDecided(ReviewOutcome::NoReview)),
        (0u64..400).prop_map(|d| IncidentEventKind::PublicationPlanned {
            publish_on: day(2027, 1, 1) + chrono::Days::new(d)
        }),
        Just(IncidentEventKind::ReportSent(SentDocument::Report)),
        Just(IncidentEventKind::ReportSent(
            SentDocument::RationaleForNotPublishing
        )),
        Just(IncidentEventKind::Published),
    ]
}

proptest! {
    /// Any log either evaluates or is refused, never panics; when it
    /// evaluates, replaying it gives the same status, `next` is exactly
    /// what the table allows, and an overdue clock is unmet and past due.
    #[test]
    fn any_log_evaluates_or_is_refused(
        kinds in proptest::collection::vec(arbitrary_event(), 0..10),
        gaps in proptest::collection::vec(0u64..20, 10),
        tail in 0u64..60,
        working in any::<bool>(),
    ) {
        let mut on = day(2027, 1, 4);
        let mut events = Vec::new();
        for (kind, gap) in kinds.iter().zip(&gaps) {
            on = on + chrono::Days::new(*gap);
            events.push(IncidentEvent::new(on, *kind));
        }
        let as_of = on + chrono::Days::new(tail);
        let config = if working {
            Config::with_rapid_review_days(RapidReviewDays::Working)
        } else {
            Config::default()
        };
        if let Ok(status) = evaluate(england(), config, &events, as_of) {
            prop_assert_eq!(&status, &evaluate(england(), config, &events, as_of).unwrap());
            prop_assert_eq!(&status.next, &table::allowed_from(Some(status.phase)));
            for clock in &status.clocks {
                if clock.overdue {
                    prop_assert!(clock.met_on.is_none());
                    prop_assert!(clock.due.date().is_some_and(|d| d < as_of));
                    prop_assert!(clock.working_days_overdue >= 0);
                }
            }
            prop_assert_eq!(status.phase.is_final(), status.ended_on.is_some());
        }
    }
}
