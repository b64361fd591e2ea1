//! `Calendar::from_govuk_json` on GOV.UK documents built from the input
//! (or, for an input starting with `{`, on the input as text): it never
//! panics; a refusal is an invalid-document error with a message; a
//! calendar it reads lists every valid holiday it was given, survives the
//! `to_govuk_json` round trip, and its working-day queries keep their laws
//! (a deadline is a working day, counting back gives the count).
#![no_main]

use arbitrary::Unstructured;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use libfuzzer_sys::fuzz_target;
use safeguarding_resolution::calendar::{Calendar, Division};
use serde_json::{Map, Value, json};

const DIVISIONS: [&str; 5] = ["england-and-wales", "scotland", "northern-ireland", "wales", ""];

/// A document of up to three divisions, each with up to 40 events whose
/// fields are usually right and sometimes not; and the valid weekday
/// holidays given for each division.
fn document(u: &mut Unstructured) -> arbitrary::Result<(String, Vec<(String, NaiveDate)>)> {
    let mut top = Map::new();
    let mut given = Vec::new();
    for _ in 0..u.int_in_range(0..=3)? {
        let key = *u.choose(&DIVISIONS)?;
        // A key given again replaces the first (as in any JSON object).
        given.retain(|(k, _)| k != key);
        let mut events = Vec::new();
        for _ in 0..u.int_in_range(0..=40)? {
            let year = 1990 + i32::from(u.int_in_range(0u8..=120)?) - 5;
            let (month, day) = (u.int_in_range(0u32..=13)?, u.int_in_range(0u32..=32)?);
            let date_text = match u.int_in_range(0u8..=9)? {
                0 => json!(format!("{year}-{month}-{day}")),
                1 => json!(year),
                2 => json!("99999-01-01"),
                _ => json!(format!("{year:04}-{month:02}-{day:02}")),
            };
            if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                if date_text.is_string() && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
                    given.push((key.to_string(), date));
                }
            }
            let mut event = Map::new();
            event.insert("date".into(), date_text);
            match u.int_in_range(0u8..=9)? {
                0 => {}
                1 => {
                    event.insert("title".into(), json!(1));
                }
                2 => {
                    event.insert("title".into(), json!("\u{0}\u{202e}x".repeat(50)));
                }
                _ => {
                    event.insert("title".into(), json!("A holiday"));
                }
            }
            if u.ratio(9u8, 10u8)? {
                event.insert("notes".into(), json!(""));
            }
            match u.int_in_range(0u8..=9)? {
                0 => {}
                1 => {
                    event.insert("bunting".into(), json!("yes"));
                }
                _ => {
                    event.insert("bunting".into(), json!(u.arbitrary::<bool>()?));
                }
            }
            if u.ratio(1u8, 20u8)? {
                event.insert("extra".into(), json!(null));
            }
            events.push(Value::Object(event));
        }
        let division = if u.ratio(9u8, 10u8)? { json!(key) } else { json!(*u.choose(&DIVISIONS)?) };
        top.insert(key.to_string(), json!({"division": division, "events": events}));
    }
    Ok((Value::Object(top).to_string(), given))
}

fn check(calendar: &Calendar, division: Division, text: &str, given: &[(String, NaiveDate)], u: &mut Unstructured) {
    let again = Calendar::from_govuk_json(text, division).expect("read once, read twice");
    assert!(&again == calendar, "reading the same document twice gave two calendars");
    let written = calendar.to_govuk_json();
    let round = Calendar::from_govuk_json(&written, division)
        .unwrap_or_else(|e| panic!("its own document is refused: {e}\n{written}"));
    assert!(&round == calendar, "the to_govuk_json round trip changed the calendar");

    for (key, date) in given {
        if key == division.as_str() {
            assert_eq!(
                calendar.is_working_day(*date).ok(),
                Some(false),
                "{date}, a holiday given, is a working day"
            );
        }
    }

    let coverage = calendar.coverage();
    let span = (coverage.last() - coverage.first()).num_days().max(0) as u64;
    for _ in 0..8 {
        let Ok(offset) = u.int_in_range(0..=span) else { break };
        let Ok(n) = u.int_in_range(0u32..=400) else { break };
        let d = coverage.first() + Days::new(offset);
        calendar.is_working_day(d).expect("a covered date is answered");
        if let Ok(due) = calendar.add_working_days(d, n) {
            assert!(n == 0 || calendar.is_working_day(due) == Ok(true), "add_working_days({d}, {n}) = {due}, not a working day");
            assert_eq!(calendar.working_days_between(d, due).ok(), Some(i64::from(n)), "add then count from {d}");
        }
        if let Ok(back) = calendar.subtract_working_days(d, n) {
            assert!(n == 0 || calendar.is_working_day(back) == Ok(true), "subtract_working_days({d}, {n}) = {back}");
            // (back, d] holds the n - 1 working days strictly between, and d
            // itself when it is one.
            let expected = if n == 0 { 0 } else { i64::from(n) - 1 + i64::from(calendar.is_working_day(d) == Ok(true)) };
            assert_eq!(calendar.working_days_between(back, d).ok(), Some(expected), "subtract then count to {d}");
        }
        if let (Ok(next), Ok(one)) = (calendar.next_working_day(d), calendar.add_working_days(d, 1)) {
            assert_eq!(next, one, "next_working_day({d})");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(division) = u.choose(&Division::ALL).copied() else { return };
    let (text, given) = if data.get(1) == Some(&b'{') {
        (String::from_utf8_lossy(&data[1..]).into_owned(), Vec::new())
    } else {
        match document(&mut u) {
            Ok(built) => built,
            Err(_) => return,
        }
    };
    match Calendar::from_govuk_json(&text, division) {
        Ok(calendar) => check(&calendar, division, &text, &given, &mut u),
        Err(error) => {
            assert!(error.is_invalid_document(), "a refusal that is not an invalid document: {error:?}");
            assert!(!error.to_string().trim().is_empty(), "a refusal without a message");
        }
    }
});
