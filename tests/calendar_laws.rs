//! Laws of working-day arithmetic, checked on random dates and offsets, and
//! against a day-by-day reference model.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use proptest::prelude::*;
use safeguarding_resolution::calendar::{Calendar, Division};

const FIRST: NaiveDate = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
const LAST: NaiveDate = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();

/// Any covered date far enough from the end that 500 working days fit.
fn covered_date() -> impl Strategy<Value = NaiveDate> {
    let span = (LAST - FIRST).num_days() - 800;
    (0..span).prop_map(|offset| FIRST + Duration::days(offset + 1))
}

fn calendar() -> impl Strategy<Value = &'static Calendar> {
    prop_oneof![
        Just(Calendar::uk(Division::EnglandAndWales)),
        Just(Calendar::uk(Division::Scotland)),
        Just(Calendar::uk(Division::NorthernIreland)),
        Just(Calendar::uk_union()),
    ]
}

/// The reference model: a working day is a weekday with no bank holiday, and
/// counting walks one day at a time.
fn model_is_working_day(calendar: &Calendar, date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
        && calendar.bank_holidays_on(date).unwrap().is_empty()
}

fn model_add(calendar: &Calendar, mut date: NaiveDate, n: u32) -> NaiveDate {
    let mut left = n;
    while left > 0 {
        date += Duration::days(1);
        if model_is_working_day(calendar, date) {
            left -= 1;
        }
    }
    date
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn counting_what_was_added_gives_it_back(cal in calendar(), d in covered_date(), n in 1u32..500) {
        let due = cal.add_working_days(d, n)?;
        prop_assert_eq!(cal.working_days_between(d, due)?, i64::from(n));
        prop_assert_eq!(cal.working_days_between(due, d)?, -i64::from(n));
    }

    #[test]
    fn the_answer_is_a_working_day_after_the_start(cal in calendar(), d in covered_date(), n in 1u32..500) {
        let due = cal.add_working_days(d, n)?;
        prop_assert!(due > d);
        prop_assert!(cal.is_working_day(due)?);
    }

    #[test]
    fn adding_is_monotone(cal in calendar(), d in covered_date(), gap in 0i64..40, n in 0u32..300, more in 0u32..40) {
        let later = d + Duration::days(gap);
        prop_assert!(cal.add_working_days(d, n)? <= cal.add_working_days(later, n)?);
        prop_assert!(cal.add_working_days(d, n)? <= cal.add_working_days(d, n + more)?);
    }

    #[test]
    fn subtracting_undoes_adding_from_a_working_day(cal in calendar(), d in covered_date(), n in 1u32..300) {
        let start = cal.next_working_day(d)?;
        let due = cal.add_working_days(start, n)?;
        prop_assert_eq!(cal.subtract_working_days(due, n)?, start);
        prop_assert_eq!(cal.previous_working_day(cal.next_working_day(start)?)?, start);
    }

    #[test]
    fn counts_add_up(cal in calendar(), a in covered_date(), b in covered_date(), c in covered_date()) {
        prop_assert_eq!(
            cal.working_days_between(a, b)? + cal.working_days_between(b, c)?,
            cal.working_days_between(a, c)?
        );
        // Working days plus non-working days are all the days in between.
        let days = (b - a).num_days().abs();
        let off = cal.non_working_days_between(a, b)?.len() as i64;
        prop_assert_eq!(cal.working_days_between(a, b)?.abs() + off, days);
    }

    #[test]
    fn agrees_with_the_day_by_day_model(cal in calendar(), d in covered_date(), n in 0u32..120) {
        prop_assert_eq!(cal.is_working_day(d)?, model_is_working_day(cal, d));
        prop_assert_eq!(cal.add_working_days(d, n)?, model_add(cal, d, n));
    }

    #[test]
    fn the_union_has_no_working_day_a_division_lacks(d in covered_date(), n in 1u32..200) {
        let union = Calendar::uk_union();
        let working = union.is_working_day(d)?;
        for division in Division::ALL {
            let calendar = Calendar::uk(division);
            prop_assert!(!working || calendar.is_working_day(d)?);
            // So deadlines on the union are never earlier.
            prop_assert!(union.add_working_days(d, n)? >= calendar.add_working_days(d, n)?);
        }
    }

    #[test]
    fn the_explanation_accounts_for_every_day(cal in calendar(), d in covered_date(), n in 1u32..60) {
        let deadline = cal.explain_add_working_days(d, n)?;
        let days = (deadline.due() - d).num_days();
        prop_assert_eq!(days, i64::from(n) + deadline.skipped().len() as i64);
        for day in deadline.skipped() {
            prop_assert!(!cal.is_working_day(day.date())?);
            prop_assert!(day.is_weekend() || !day.bank_holidays().is_empty());
        }
    }

    #[test]
    fn no_date_or_offset_panics(days in any::<i32>(), n in any::<u32>(), m in any::<u32>()) {
        let cal = Calendar::uk(Division::NorthernIreland);
        let strict = cal.strict();
        if let Some(date) = NaiveDate::from_num_days_from_ce_opt(days) {
            for cal in [cal, &strict] {
                let _ = cal.is_working_day(date);
                let _ = cal.add_working_days(date, n);
                let _ = cal.subtract_working_days(date, m);
                let _ = cal.working_days_between(date, FIRST + Duration::days(i64::from(n % 40_000)));
                let _ = cal.bank_holidays_on(date);
                let _ = cal.data_source(date);
                let _ = cal.explain_add_working_days(date, n % 1000);
                let _ = cal.non_working_days_between(date, date + Duration::days(i64::from(m % 100)));
            }
        }
    }

    #[test]
    fn no_document_panics(text in ".{0,200}") {
        let _ = Calendar::from_govuk_json(&text, Division::Scotland);
    }

    #[test]
    fn no_event_field_panics(title in ".{0,12}", date in "[0-9-]{0,12}", notes in prop::option::of(".{0,8}"), bunting in any::<Option<bool>>()) {
        let event = serde_json::json!({
            "title": title, "date": date, "notes": notes, "bunting": bunting,
        });
        let doc = serde_json::json!({"scotland": {"division": "scotland", "events": [event]}});
        match Calendar::from_govuk_json(&doc.to_string(), Division::Scotland) {
            Ok(calendar) => prop_assert!(calendar.coverage().official().is_some()),
            Err(err) => prop_assert!(err.is_invalid_document(), "{}", err),
        }
    }
}
