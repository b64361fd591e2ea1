//! Laws of Resolution Group scheduling, and "no input panics" for referral
//! logs and forms.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::resolution_group::{
    self as rg, AgreedAction, Agreement, DeadlineRule, EscalationTarget, Feature, PriorProcess,
    ReferralEvent, ReferralEventKind, ReportBack, ReportForm, Schedule, Section, Submission,
};
use safeguarding_resolution::{evaluate_json, validate_json};
use serde_json::Value;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

/// Monthly-ish meetings: a set of distinct days over two years.
fn meetings() -> impl Strategy<Value = Vec<NaiveDate>> {
    prop::collection::btree_set(0i64..730, 1..24).prop_map(|days| {
        days.into_iter()
            .map(|d| start() + Duration::days(d))
            .collect()
    })
}

fn rule() -> impl Strategy<Value = DeadlineRule> {
    prop_oneof![
        Just(DeadlineRule::TermsOfReference),
        Just(DeadlineRule::Flowchart)
    ]
}

fn calendar() -> impl Strategy<Value = &'static Calendar> {
    prop_oneof![
        Just(Calendar::uk(Division::EnglandAndWales)),
        Just(Calendar::uk(Division::Scotland)),
        Just(Calendar::uk(Division::NorthernIreland)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn scheduling_picks_the_earliest_meeting_whose_deadline_is_met(
        cal in calendar(), dates in meetings(), rule in rule(), submitted in 0i64..760,
    ) {
        let schedule = Schedule::new(dates.clone(), rule).unwrap();
        let submitted = start() + Duration::days(submitted);
        let found = schedule.meeting_for(cal, submitted)?;
        let (latest_n, ideal_n, notify_n) = rule.working_days_before();
        for &meeting in &dates {
            let deadline = schedule.deadline(cal, meeting)?;
            // The latest date is exactly N working days before its meeting.
            prop_assert_eq!(deadline.latest, cal.subtract_working_days(meeting, latest_n)?);
            prop_assert_eq!(deadline.ideal, cal.subtract_working_days(meeting, ideal_n)?);
            match notify_n {
                Some(n) => prop_assert_eq!(
                    deadline.notify_members,
                    Some(cal.subtract_working_days(meeting, n)?)
                ),
                None => prop_assert_eq!(deadline.notify_members, None),
            }
            if cal.is_working_day(meeting)? {
                prop_assert_eq!(cal.add_working_days(deadline.latest, latest_n)?, meeting);
                prop_assert_eq!(cal.working_days_between(deadline.latest, meeting)?, i64::from(latest_n));
            }
            prop_assert!(cal.is_working_day(deadline.latest)?);
            match found {
                // Every earlier meeting's deadline had passed.
                Some(f) if meeting < f.meeting => prop_assert!(deadline.latest < submitted),
                Some(_) => {}
                None => prop_assert!(deadline.latest < submitted),
            }
        }
        if let Some(f) = found {
            prop_assert!(f.latest >= submitted);
            prop_assert!(dates.contains(&f.meeting));
        }
    }

    #[test]
    fn random_referral_logs_never_panic(
        dates in meetings(), steps in prop::collection::vec((0u8..11, 0i64..40, any::<bool>()), 0..10),
    ) {
        let cal = Calendar::uk(Division::EnglandAndWales);
        let schedule = Schedule::new(dates.clone(), DeadlineRule::TermsOfReference).unwrap();
        let mut day = start();
        let mut submission = Submission::new();
        submission.by_agency = Some("Health".into());
        submission.presenter = Some("Nurse".into());
        submission.marked_for_resolution_group = true;
        submission.prior_process = vec![PriorProcess::Planning];
        submission.features = vec![Feature::ProfessionalsStuck];
        submission.sections = Section::ALL.iter().map(|s| (*s, "x".into())).collect();
        let mut events = vec![ReferralEvent::submitted(day, submission.clone())];
        for (kind, gap, flag) in steps {
            day += Duration::days(gap);
            // Land on a meeting when there is one ahead, to get further.
            let meeting = dates.iter().copied().find(|m| *m >= day).unwrap_or(day);
            let event = match kind {
                0 => ReferralEvent::submitted(day, submission.clone()),
                1 => ReferralEvent { on: day.into(), kind: ReferralEventKind::Returned { reason: None } },
                2 => { day = meeting; ReferralEvent::presented(day) }
                3 => {
                    let mut agreement = Agreement::default();
                    agreement.actions = vec![AgreedAction { agency: "CSC".into(), action: "x".into(), due: day + Duration::days(gap) }];
                    agreement.report_back = dates.iter().copied().find(|m| *m > day).map(|m| ReportBack { meeting: m, form: ReportForm::Written });
                    ReferralEvent::actions_agreed(day, agreement)
                }
                4 => ReferralEvent::action_completed(day, usize::from(flag)),
                5 => ReferralEvent::progress_reported(day, None),
                6 => ReferralEvent::closed(day),
                7 => ReferralEvent::escalated(day, if flag { EscalationTarget::Qiip } else { EscalationTarget::ExecutiveChair }),
                8 => ReferralEvent { on: day.into(), kind: ReferralEventKind::Declined { reason: None } },
                9 => ReferralEvent::recorded(day, if flag { "members_notified" } else { "progress_report" }),
                _ => ReferralEvent { on: day.into(), kind: ReferralEventKind::Withdrawn { reason: None } },
            };
            events.push(event);
        }
        let first = rg::evaluate(cal, &schedule, &events, day, None);
        let again = rg::evaluate(cal, &schedule, &events, day, None);
        prop_assert_eq!(&first, &again);
        if let Ok(status) = first {
            // Scheduled means complete and for a meeting the submission made.
            if let Some(s) = &status.scheduling {
                if let (Some(meeting), Some(deadline)) = (s.meeting, s.deadline) {
                    prop_assert!(s.submitted_on <= deadline.latest && deadline.meeting == meeting);
                }
            }
        }
    }

    #[test]
    fn no_referral_request_panics(value in json_value()) {
        let request = serde_json::json!({
            "policy": "gscp-resolution-group-2021", "as_of": "2027-01-05",
            "meetings": ["2027-01-12", "2027-02-09"],
            "events": [value.clone()],
        });
        let response: Value = serde_json::from_str(&evaluate_json(&request.to_string())).unwrap();
        prop_assert!(response.is_object());
        let forms = ["gscp-resolution-group-referral", "swindon-resolution-form", "nsscp-recording-form"];
        for form in forms {
            let request = serde_json::json!({"form": form, "data": value.clone()});
            let response: Value = serde_json::from_str(&validate_json(&request.to_string())).unwrap();
            prop_assert!(response["valid"].is_boolean(), "{}", response);
        }
    }

    #[test]
    fn no_validate_text_panics(text in ".{0,200}") {
        let response: Value = serde_json::from_str(&validate_json(&text)).unwrap();
        prop_assert!(response.is_object());
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-5i64..20).prop_map(Value::from),
        "[a-z_ ]{0,10}".prop_map(Value::from),
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]".prop_map(Value::from),
        Just(Value::from("ASAP")),
    ];
    let keys = prop_oneof![
        Just("type"),
        Just("on"),
        Just("referral"),
        Just("actions"),
        Just("due"),
        Just("stage"),
        Just("stages"),
        Just("child"),
        Just("name"),
        Just("date_of_birth"),
        Just("subjects"),
        Just("timescale"),
        Just("agreed_outcomes"),
        Just("2"),
        Just("3"),
        Just("report_back"),
        Just("meeting"),
        Just("form"),
        Just("basic_information"),
        Just("features"),
        Just("x"),
    ];
    leaf.prop_recursive(4, 40, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(keys.clone().prop_map(str::to_string), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
