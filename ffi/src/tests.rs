//! The boundary's rules, tested from the Rust side, also under Miri
//! (`cargo +nightly miri test -p safeguarding-resolution-ffi --lib`): there
//! the five heaviest tests are skipped (building one calendar takes Miri
//! about 90 seconds), and one that reads fixture files, and the rest still
//! cover every pointer path.

use std::ffi::{CStr, CString, c_char};
use std::ptr;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::{evaluate_json, validate_json};

/// A date no call writes, to tell "written" from "untouched": every
/// failure must overwrite it with `{0, 0, 0}`.
const SENTINEL: sgr_date = sgr_date {
    year: -7,
    month: 77,
    day: 77,
};

fn date(year: i32, month: u32, day: u32) -> sgr_date {
    sgr_date { year, month, day }
}

fn naive(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// A `char *` no call writes: a pointer the caller still holds from
/// before (freed, say). Every call must overwrite it, with a document or
/// NULL. Never read or freed.
fn stale() -> *mut c_char {
    c"stale".as_ptr().cast_mut()
}

/// `sgr_evaluate` on raw bytes (a NUL is added): the code, and the document
/// if one was written (freed here). The output starts as [`stale`] and must
/// not end so.
fn evaluate(request: &[u8]) -> (sgr_result, Option<String>) {
    let request = CString::new(request).unwrap();
    let mut out = stale();
    // SAFETY: `request` is NUL-terminated and alive for the call; `out` is a
    // valid place for a char *.
    let code = unsafe { sgr_evaluate(request.as_ptr(), &mut out) };
    assert_ne!(out, stale(), "sgr_evaluate left its output as it was");
    (code, take_string(out))
}

/// Copies and frees a string the library handed over, if any.
fn take_string(s: *mut c_char) -> Option<String> {
    if s.is_null() {
        return None;
    }
    // SAFETY: `s` is a NUL-terminated string this library allocated and the
    // caller has not freed.
    let text = unsafe { CStr::from_ptr(s) }.to_str().unwrap().to_string();
    // SAFETY: as above; freed exactly once, not used after.
    unsafe { sgr_string_free(s) };
    Some(text)
}

fn message(code: u32) -> &'static str {
    // SAFETY: sgr_result_message returns a static NUL-terminated string.
    unsafe { CStr::from_ptr(sgr_result_message(code)) }
        .to_str()
        .unwrap()
}

// ---- result codes ----

#[test]
fn result_codes_keep_their_numbers() {
    // These numbers are part of the ABI: never change one, never reuse one.
    let fixed = [
        (sgr_result::SGR_OK, 0),
        (sgr_result::SGR_NULL_POINTER, 1),
        (sgr_result::SGR_INVALID_UTF8, 2),
        (sgr_result::SGR_INVALID_DATE, 3),
        (sgr_result::SGR_INVALID_DIVISION, 4),
        (sgr_result::SGR_OUT_OF_CALENDAR_RANGE, 5),
        (sgr_result::SGR_INVALID_JSON, 6),
        (sgr_result::SGR_ERROR_DOCUMENT, 7),
        (sgr_result::SGR_PANIC, 8),
    ];
    assert_eq!(fixed.len(), result::ALL_RESULTS.len());
    for (i, (code, number)) in fixed.into_iter().enumerate() {
        assert_eq!(code as u32, number);
        assert_eq!(result::ALL_RESULTS[i], code);
        assert_eq!(sgr_result::from_u32(number), Some(code));
    }
    assert_eq!(std::mem::size_of::<sgr_result>(), 4);
    assert_eq!(SGR_DIVISION_ENGLAND_AND_WALES, 0);
    assert_eq!(SGR_DIVISION_SCOTLAND, 1);
    assert_eq!(SGR_DIVISION_NORTHERN_IRELAND, 2);
}

#[test]
fn every_code_has_its_own_message_and_unknown_codes_are_safe() {
    let mut seen = std::collections::HashSet::new();
    for code in result::ALL_RESULTS {
        let text = message(code as u32);
        assert!(!text.is_empty());
        assert_eq!(text, code.message().to_str().unwrap());
        assert!(seen.insert(text), "{code:?} shares its message");
    }
    assert_eq!(message(0), "success");
    for unknown in [9, 100, u32::MAX] {
        assert_eq!(message(unknown), "unknown sgr_result code");
        assert_eq!(sgr_result::from_u32(unknown), None);
    }
}

#[test]
fn versions_are_the_crates() {
    // SAFETY: both return static NUL-terminated strings.
    let version = unsafe { CStr::from_ptr(sgr_version()) };
    assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    // SAFETY: as above.
    let data = unsafe { CStr::from_ptr(sgr_holiday_data_version()) };
    assert_eq!(
        data.to_str().unwrap(),
        safeguarding_resolution::calendar::HOLIDAY_DATA_VERSION
    );
    // Static: the same pointer every time.
    assert_eq!(sgr_version(), sgr_version());
}

// ---- the boundary itself ----

#[test]
fn a_panic_becomes_its_own_code_and_leaves_the_output_cleared() {
    let mut out = SENTINEL;
    let code = boundary::catch(|| {
        // SAFETY: `out` is a valid local.
        let _out = unsafe { boundary::output(&mut out, sgr_date::default()) }?;
        panic!("a bug");
    });
    assert_eq!(code, sgr_result::SGR_PANIC);
    assert_eq!(out, sgr_date::default());
    let mut document = stale();
    let code = boundary::catch(|| {
        // SAFETY: `document` is a valid local.
        let _out = unsafe { boundary::output(&mut document, ptr::null_mut()) }?;
        panic!("a bug");
    });
    assert_eq!(code, sgr_result::SGR_PANIC);
    assert!(document.is_null());
    assert_eq!(boundary::catch_or(7, || panic!("a bug")), 7);
    assert_eq!(boundary::catch_or(7, || 8), 8);
    // And the boundary still works after a panic.
    assert_eq!(boundary::catch(|| Ok(())), sgr_result::SGR_OK);
}

#[test]
fn codes_from_the_body_pass_through() {
    for code in result::ALL_RESULTS {
        let got = boundary::catch(|| {
            if code == sgr_result::SGR_OK {
                Ok(())
            } else {
                Err(code)
            }
        });
        assert_eq!(got, code);
    }
}

#[test]
fn string_free_accepts_null() {
    // SAFETY: NULL is allowed.
    unsafe { sgr_string_free(ptr::null_mut()) };
}

// ---- the calendar ----

/// Every calendar function with a NULL output, a bad division, an
/// impossible date and a date off the calendar: the code, and on each
/// failure with an output the zero value written over what it held (a
/// caller reusing it never reads a stale answer).
#[test]
fn calendar_arguments_are_checked_and_failures_clear_the_output() {
    let good = date(2026, 12, 21);
    let feb_30 = date(2026, 2, 30);
    let off_calendar = date(1989, 12, 29);
    let zero = sgr_date::default();
    type DateFn = unsafe extern "C" fn(sgr_division, sgr_date, *mut sgr_date) -> sgr_result;
    type CountFn = unsafe extern "C" fn(sgr_division, sgr_date, u32, *mut sgr_date) -> sgr_result;
    let one_date: [DateFn; 2] = [sgr_next_working_day, sgr_previous_working_day];
    let counted: [CountFn; 2] = [sgr_add_working_days, sgr_subtract_working_days];
    // SAFETY: for every call below, the outputs are NULL or valid locals.
    unsafe {
        for f in one_date {
            assert_eq!(f(0, good, ptr::null_mut()), sgr_result::SGR_NULL_POINTER);
            for (division, given, expected) in [
                (3, good, sgr_result::SGR_INVALID_DIVISION),
                (u32::MAX, good, sgr_result::SGR_INVALID_DIVISION),
                (1, feb_30, sgr_result::SGR_INVALID_DATE),
                (0, off_calendar, sgr_result::SGR_OUT_OF_CALENDAR_RANGE),
            ] {
                let mut out = SENTINEL;
                assert_eq!(f(division, given, &mut out), expected);
                assert_eq!(out, zero, "{expected:?}");
            }
        }
        for f in counted {
            assert_eq!(f(0, good, 1, ptr::null_mut()), sgr_result::SGR_NULL_POINTER);
            for (division, given, n, expected) in [
                (3, good, 1, sgr_result::SGR_INVALID_DIVISION),
                (2, feb_30, 1, sgr_result::SGR_INVALID_DATE),
                (2, date(2026, 13, 1), 0, sgr_result::SGR_INVALID_DATE),
                (2, date(2026, 1, 0), 0, sgr_result::SGR_INVALID_DATE),
                (2, date(i32::MAX, 1, 1), 0, sgr_result::SGR_INVALID_DATE),
                (0, off_calendar, 0, sgr_result::SGR_OUT_OF_CALENDAR_RANGE),
                (0, good, u32::MAX, sgr_result::SGR_OUT_OF_CALENDAR_RANGE),
            ] {
                let mut out = SENTINEL;
                assert_eq!(f(division, given, n, &mut out), expected);
                assert_eq!(out, zero, "{expected:?}");
            }
        }
        assert_eq!(
            sgr_is_working_day(0, good, ptr::null_mut()),
            sgr_result::SGR_NULL_POINTER
        );
        for (division, given, expected) in [
            (7, good, sgr_result::SGR_INVALID_DIVISION),
            (0, feb_30, sgr_result::SGR_INVALID_DATE),
            (0, off_calendar, sgr_result::SGR_OUT_OF_CALENDAR_RANGE),
        ] {
            let mut flag = true;
            assert_eq!(sgr_is_working_day(division, given, &mut flag), expected);
            assert!(!flag, "{expected:?}");
        }
        assert_eq!(
            sgr_working_days_between(0, good, good, ptr::null_mut()),
            sgr_result::SGR_NULL_POINTER
        );
        for (division, from, to, expected) in [
            (3, good, good, sgr_result::SGR_INVALID_DIVISION),
            (0, feb_30, good, sgr_result::SGR_INVALID_DATE),
            (0, good, feb_30, sgr_result::SGR_INVALID_DATE),
            (0, good, off_calendar, sgr_result::SGR_OUT_OF_CALENDAR_RANGE),
        ] {
            let mut count = 99i64;
            assert_eq!(
                sgr_working_days_between(division, from, to, &mut count),
                expected
            );
            assert_eq!(count, 0, "{expected:?}");
        }
    }
}

/// One call of each calendar function, on one division: the pointer paths
/// of a success, small enough to run under Miri.
#[test]
fn one_call_of_each_calendar_function() {
    let mut out = SENTINEL;
    let mut flag = true;
    let mut count = 0i64;
    let monday = date(2026, 12, 21);
    // SAFETY: for every call below, the outputs are valid locals.
    unsafe {
        assert_eq!(
            sgr_add_working_days(0, monday, 2, &mut out),
            sgr_result::SGR_OK
        );
        assert_eq!(out, date(2026, 12, 23));
        assert_eq!(
            sgr_subtract_working_days(0, monday, 1, &mut out),
            sgr_result::SGR_OK
        );
        assert_eq!(out, date(2026, 12, 18));
        assert_eq!(
            sgr_next_working_day(0, date(2026, 12, 24), &mut out),
            sgr_result::SGR_OK
        );
        assert_eq!(out, date(2026, 12, 29));
        assert_eq!(
            sgr_previous_working_day(0, date(2026, 12, 29), &mut out),
            sgr_result::SGR_OK
        );
        assert_eq!(out, date(2026, 12, 24));
        assert_eq!(
            sgr_is_working_day(0, date(2026, 12, 28), &mut flag),
            sgr_result::SGR_OK
        );
        assert!(!flag);
        assert_eq!(
            sgr_working_days_between(0, monday, date(2026, 12, 30), &mut count),
            sgr_result::SGR_OK
        );
        assert_eq!(count, 5);
        assert_eq!(
            sgr_is_working_day(0, date(1850, 1, 1), &mut flag),
            sgr_result::SGR_OUT_OF_CALENDAR_RANGE
        );
    }
}

#[test]
#[cfg_attr(
    miri,
    ignore = "all three calendars, thousands of calls: too slow under Miri"
)]
fn calendar_answers_are_the_rust_apis() {
    let mut out = SENTINEL;
    // SAFETY: for every call below, the outputs are valid locals.
    unsafe {
        // CONTRACT section 2's example, and the Christmas skip.
        assert_eq!(
            sgr_add_working_days(0, date(2026, 12, 21), 2, &mut out),
            sgr_result::SGR_OK
        );
        assert_eq!(out, date(2026, 12, 23));
        assert_eq!(
            sgr_add_working_days(0, date(2026, 12, 21), 5, &mut out),
            sgr_result::SGR_OK
        );
        assert_eq!(out, date(2026, 12, 30));
        assert_eq!(
            sgr_subtract_working_days(0, date(2027, 1, 5), 5, &mut out),
            sgr_result::SGR_OK
        );
        assert_eq!(out, date(2026, 12, 24));
    }
    // Every division, a day in each week of 2026 and 2027, against the Rust API.
    for (division, number) in [
        (Division::EnglandAndWales, SGR_DIVISION_ENGLAND_AND_WALES),
        (Division::Scotland, SGR_DIVISION_SCOTLAND),
        (Division::NorthernIreland, SGR_DIVISION_NORTHERN_IRELAND),
    ] {
        let calendar = Calendar::uk(division);
        let mut day = naive(2026, 1, 1);
        while day < naive(2028, 1, 1) {
            let c = sgr_date::from(day);
            let later = day + chrono::Duration::days(17);
            let mut got = SENTINEL;
            let mut flag = false;
            let mut count = 0i64;
            // SAFETY: for every call below, the outputs are valid locals.
            unsafe {
                assert_eq!(sgr_is_working_day(number, c, &mut flag), sgr_result::SGR_OK);
                assert_eq!(flag, calendar.is_working_day(day).unwrap());
                for n in [0, 1, 5, 17] {
                    assert_eq!(
                        sgr_add_working_days(number, c, n, &mut got),
                        sgr_result::SGR_OK
                    );
                    assert_eq!(got, calendar.add_working_days(day, n).unwrap().into());
                    assert_eq!(
                        sgr_subtract_working_days(number, c, n, &mut got),
                        sgr_result::SGR_OK
                    );
                    assert_eq!(got, calendar.subtract_working_days(day, n).unwrap().into());
                }
                assert_eq!(
                    sgr_next_working_day(number, c, &mut got),
                    sgr_result::SGR_OK
                );
                assert_eq!(got, calendar.next_working_day(day).unwrap().into());
                assert_eq!(
                    sgr_previous_working_day(number, c, &mut got),
                    sgr_result::SGR_OK
                );
                assert_eq!(got, calendar.previous_working_day(day).unwrap().into());
                let to = sgr_date::from(later);
                assert_eq!(
                    sgr_working_days_between(number, c, to, &mut count),
                    sgr_result::SGR_OK
                );
                assert_eq!(count, calendar.working_days_between(day, later).unwrap());
            }
            day += chrono::Duration::days(5);
        }
    }
}

#[test]
#[cfg_attr(miri, ignore = "builds all three calendars: too slow under Miri")]
fn dates_outside_the_calendar_are_refused_not_guessed() {
    let mut out = SENTINEL;
    let mut flag = true;
    let mut count = 99i64;
    // SAFETY: for every call below, the outputs are valid locals.
    unsafe {
        // A real date before the calendar's first.
        assert_eq!(
            sgr_is_working_day(0, date(1850, 1, 1), &mut flag),
            sgr_result::SGR_OUT_OF_CALENDAR_RANGE
        );
        assert_eq!(
            sgr_add_working_days(1, date(1989, 12, 31), 1, &mut out),
            sgr_result::SGR_OUT_OF_CALENDAR_RANGE
        );
        // An answer past the calendar's last date.
        assert_eq!(
            sgr_add_working_days(2, date(2100, 12, 20), 30, &mut out),
            sgr_result::SGR_OUT_OF_CALENDAR_RANGE
        );
        assert_eq!(
            sgr_add_working_days(0, date(2026, 1, 1), u32::MAX, &mut out),
            sgr_result::SGR_OUT_OF_CALENDAR_RANGE
        );
        assert_eq!(
            sgr_next_working_day(0, date(2100, 12, 31), &mut out),
            sgr_result::SGR_OUT_OF_CALENDAR_RANGE
        );
        assert_eq!(
            sgr_previous_working_day(0, date(1990, 1, 1), &mut out),
            sgr_result::SGR_OUT_OF_CALENDAR_RANGE
        );
        assert_eq!(
            sgr_subtract_working_days(0, date(1990, 1, 10), 30, &mut out),
            sgr_result::SGR_OUT_OF_CALENDAR_RANGE
        );
        assert_eq!(
            sgr_working_days_between(0, date(2026, 1, 1), date(2101, 1, 1), &mut count),
            sgr_result::SGR_OUT_OF_CALENDAR_RANGE
        );
    }
    // Every refused call cleared its output.
    assert_eq!(out, sgr_date::default());
    assert!(!flag);
    assert_eq!(count, 0);
}

// ---- sgr_evaluate ----

const README_REQUEST: &str = r#"{
  "policy": "swindon-resolution-2026", "as_of": "2027-01-05",
  "events": [{"type": "raised", "on": "2026-12-21"},
             {"type": "escalated", "on": "2026-12-23"}]
}"#;

#[test]
fn evaluate_refuses_null_pointers_and_clears_the_output() {
    let request = CString::new("{}").unwrap();
    let mut out = stale();
    // SAFETY: NULL is allowed (and refused); `out` is a valid local.
    let code = unsafe { sgr_evaluate(ptr::null(), &mut out) };
    assert_eq!(code, sgr_result::SGR_NULL_POINTER);
    assert!(out.is_null(), "a refused call must set the output to NULL");
    // SAFETY: `request` is NUL-terminated; a NULL output is refused.
    let code = unsafe { sgr_evaluate(request.as_ptr(), ptr::null_mut()) };
    assert_eq!(code, sgr_result::SGR_NULL_POINTER);
    // SAFETY: both NULL: refused.
    let code = unsafe { sgr_evaluate(ptr::null(), ptr::null_mut()) };
    assert_eq!(code, sgr_result::SGR_NULL_POINTER);
}

#[test]
fn evaluate_refuses_invalid_utf8_and_clears_the_output() {
    for bytes in [
        &b"\xff\xfe"[..],
        b"{\"policy\": \"swindon\xc3\x28\"}",
        b"\xed\xa0\x80", // a UTF-16 surrogate, encoded
    ] {
        let (code, document) = evaluate(bytes);
        assert_eq!(code, sgr_result::SGR_INVALID_UTF8, "{bytes:?}");
        assert_eq!(document, None);
    }
}

#[test]
fn evaluate_hands_back_error_documents_with_their_own_codes() {
    // No calendar is built for these, so they run under Miri too.
    let (code, document) = evaluate(b"not json");
    assert_eq!(code, sgr_result::SGR_INVALID_JSON);
    let document = document.unwrap();
    assert!(
        document.starts_with(r#"{"error":{"code":"invalid_json""#),
        "{document}"
    );
    assert_eq!(document, evaluate_json("not json"));

    for request in [
        r#"{"policy": "nowhere", "as_of": "2027-01-05", "events": []}"#,
        r#"[1, 2]"#,
        r#"{"policy": "swindon-resolution-2026", "as_of": "2027-01-05"}"#,
    ] {
        let (code, document) = evaluate(request.as_bytes());
        assert_eq!(code, sgr_result::SGR_ERROR_DOCUMENT, "{request}");
        assert_eq!(document.unwrap(), evaluate_json(request));
    }
}

#[test]
fn document_codes() {
    use json::document_code;
    assert_eq!(document_code(r#"{"policy":"x"}"#), sgr_result::SGR_OK);
    assert_eq!(
        document_code(r#"{"error":{"code":"invalid_json","message":"m"}}"#),
        sgr_result::SGR_INVALID_JSON
    );
    for code in [
        "unknown_policy",
        "invalid_transition",
        "out_of_calendar_range",
        "internal",
    ] {
        let document = format!(r#"{{"error":{{"code":"{code}","message":"m"}}}}"#);
        assert_eq!(document_code(&document), sgr_result::SGR_ERROR_DOCUMENT);
    }
    // An error document whose code cannot be read is still an error.
    assert_eq!(
        document_code(r#"{"error":"#),
        sgr_result::SGR_ERROR_DOCUMENT
    );
}

#[test]
fn evaluate_answers_as_evaluate_json_does() {
    let (code, document) = evaluate(README_REQUEST.as_bytes());
    assert_eq!(code, sgr_result::SGR_OK);
    let document = document.unwrap();
    assert!(
        document.contains(r#""working_days_overdue":1"#),
        "{document}"
    );
    assert_eq!(document, evaluate_json(README_REQUEST));

    // A refused transition, and a date outside the calendar: documents.
    for request in [
        r#"{"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
            "events": [{"type": "raised", "on": "2026-12-21"},
                       {"type": "raised", "on": "2026-12-22"}]}"#,
        r#"{"policy": "swindon-resolution-2026", "as_of": "2100-12-31",
            "events": [{"type": "raised", "on": "2100-12-30"}]}"#,
    ] {
        let (code, document) = evaluate(request.as_bytes());
        assert_eq!(code, sgr_result::SGR_ERROR_DOCUMENT, "{request}");
        assert_eq!(document.unwrap(), evaluate_json(request));
    }
}

#[test]
#[cfg_attr(miri, ignore = "reads files (isolation) and evaluates every fixture")]
fn every_fixture_gives_the_same_document_through_c() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    let mut seen = 0;
    let mut refused = 0;
    for policy in std::fs::read_dir(&root).unwrap() {
        let dir = policy.unwrap().path();
        if !dir.is_dir() || dir.ends_with("calendar") {
            continue;
        }
        for file in std::fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let request = std::fs::read_to_string(&path).unwrap();
            let expected = evaluate_json(&request);
            let (code, document) = evaluate(request.as_bytes());
            assert_eq!(document.as_deref(), Some(expected.as_str()), "{path:?}");
            let is_error =
                serde_json::from_str::<serde_json::Value>(&expected).unwrap()["error"].is_object();
            let want = if is_error {
                refused += 1;
                sgr_result::SGR_ERROR_DOCUMENT
            } else {
                sgr_result::SGR_OK
            };
            assert_eq!(code, want, "{path:?}");
            seen += 1;
        }
    }
    assert!(seen >= 39, "only {seen} fixtures");
    assert!(refused >= 1, "no fixture was refused");
}

/// A serious incident's fixture, read from the repository.
fn serious_incident_fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/gscp-serious-incident-2021")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path:?}: {e}"))
}

#[test]
#[cfg_attr(miri, ignore = "reads files (isolation)")]
fn sgr_evaluate_answers_a_serious_incident_as_evaluate_json_does() {
    let request = serious_incident_fixture("07-publication-after-spring-bank-holiday.json");
    let (code, document) = evaluate(request.as_bytes());
    assert_eq!(code, sgr_result::SGR_OK);
    assert_eq!(document.unwrap(), evaluate_json(&request));
    let refused = serious_incident_fixture("22-invalid-unknown-outcome.json");
    let (code, document) = evaluate(refused.as_bytes());
    assert_eq!(code, sgr_result::SGR_ERROR_DOCUMENT);
    assert_eq!(document.unwrap(), evaluate_json(&refused));
}

#[test]
#[cfg_attr(miri, ignore = "a hundred evaluations: too slow under Miri")]
fn evaluate_may_be_called_from_many_threads_at_once() {
    let expected = evaluate_json(README_REQUEST);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                for _ in 0..25 {
                    let (code, document) = evaluate(README_REQUEST.as_bytes());
                    assert_eq!(code, sgr_result::SGR_OK);
                    assert_eq!(document.as_deref(), Some(expected.as_str()));
                }
            });
        }
    });
}

// ---- sgr_validate ----

/// `sgr_validate` on a string: the code, and the document if one was
/// written (freed here).
fn validate(request: &str) -> (sgr_result, Option<String>) {
    let request = CString::new(request).unwrap();
    let mut out = stale();
    // SAFETY: `request` is NUL-terminated and alive for the call; `out` is a
    // valid place for a char *.
    let code = unsafe { sgr_validate(request.as_ptr(), &mut out) };
    assert_ne!(out, stale(), "sgr_validate left its output as it was");
    (code, take_string(out))
}

#[test]
fn validate_answers_as_validate_json_does() {
    // A form with problems is a successful validation.
    let request = r#"{"form": "swindon-resolution-form", "data": {}}"#;
    let (code, document) = validate(request);
    assert_eq!(code, sgr_result::SGR_OK);
    let document = document.unwrap();
    assert!(document.contains(r#""valid":false"#), "{document}");
    assert_eq!(document, validate_json(request));

    let (code, document) = validate("{form");
    assert_eq!(code, sgr_result::SGR_INVALID_JSON);
    assert_eq!(document.unwrap(), validate_json("{form"));

    let request = r#"{"form": "no-such-form", "data": {}}"#;
    let (code, document) = validate(request);
    assert_eq!(code, sgr_result::SGR_ERROR_DOCUMENT);
    let document = document.unwrap();
    assert!(document.starts_with(r#"{"error":"#), "{document}");
    assert_eq!(document, validate_json(request));
}

#[test]
fn validate_refuses_null_pointers_and_invalid_utf8_and_clears_the_output() {
    let mut out = stale();
    // SAFETY: NULL is allowed (and refused); `out` is a valid local.
    let code = unsafe { sgr_validate(ptr::null(), &mut out) };
    assert_eq!(code, sgr_result::SGR_NULL_POINTER);
    assert!(out.is_null());
    // SAFETY: a NUL-terminated literal; a NULL output is refused.
    let code = unsafe { sgr_validate(c"{}".as_ptr(), ptr::null_mut()) };
    assert_eq!(code, sgr_result::SGR_NULL_POINTER);
    let mut out = stale();
    // SAFETY: a NUL-terminated literal; `out` is a valid local.
    let code = unsafe { sgr_validate(c"{\"form\": \"\xff\"}".as_ptr(), &mut out) };
    assert_eq!(code, sgr_result::SGR_INVALID_UTF8);
    assert!(out.is_null());
}

// ---- no input panics ----

fn no_panics_config() -> ProptestConfig {
    ProptestConfig {
        cases: if cfg!(miri) { 4 } else { 256 },
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(no_panics_config())]

    /// Whatever bytes C passes, `sgr_evaluate` answers with a code (never
    /// SGR_PANIC), writes a document exactly when the code says so, and that
    /// document is `evaluate_json`'s.
    #[test]
    fn evaluate_never_panics(bytes in proptest::collection::vec(1u8..=255, 0..64)) {
        let (code, document) = evaluate(&bytes);
        prop_assert_ne!(code, sgr_result::SGR_PANIC);
        match std::str::from_utf8(&bytes) {
            Err(_) => {
                prop_assert_eq!(code, sgr_result::SGR_INVALID_UTF8);
                prop_assert_eq!(document, None);
            }
            Ok(text) => {
                prop_assert!(matches!(
                    code,
                    sgr_result::SGR_OK | sgr_result::SGR_INVALID_JSON | sgr_result::SGR_ERROR_DOCUMENT
                ));
                prop_assert_eq!(document, Some(evaluate_json(text)));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any integers C passes as a division and a date get a code, never a
    /// panic, and the output is written exactly on SGR_OK.
    #[test]
    #[cfg_attr(miri, ignore = "builds all three calendars: too slow under Miri")]
    fn calendar_never_panics(
        division in prop_oneof![0u32..3, any::<u32>()],
        year in prop_oneof![1985i32..2106, any::<i32>()],
        month in prop_oneof![1u32..=12, any::<u32>()],
        day in prop_oneof![1u32..=31, any::<u32>()],
        n in prop_oneof![0u32..100, any::<u32>()],
    ) {
        let given = date(year, month, day);
        let mut out = SENTINEL;
        // SAFETY: `out` is a valid local.
        let code = unsafe { sgr_add_working_days(division, given, n, &mut out) };
        prop_assert!(matches!(
            code,
            sgr_result::SGR_OK
                | sgr_result::SGR_INVALID_DIVISION
                | sgr_result::SGR_INVALID_DATE
                | sgr_result::SGR_OUT_OF_CALENDAR_RANGE
        ));
        // Always written: the answer on SGR_OK, the zero date otherwise.
        prop_assert_ne!(out, SENTINEL);
        if code != sgr_result::SGR_OK {
            prop_assert_eq!(out, sgr_date::default());
        }
        if code == sgr_result::SGR_OK {
            // The contract's law: counting back gives n.
            let mut count = -1i64;
            // SAFETY: `count` is a valid local.
            let back = unsafe { sgr_working_days_between(division, given, out, &mut count) };
            prop_assert_eq!(back, sgr_result::SGR_OK);
            prop_assert_eq!(count, i64::from(n));
        }
    }
}

// ---- sgr_engine ----

/// A GOV.UK document of three divisions, England and Wales with a bank
/// holiday on Tuesday 2 March 2027 that the embedded data does not have.
const NEWER_HOLIDAYS: &str = r#"{
  "england-and-wales": {"division": "england-and-wales", "events": [
    {"title": "New Year’s Day", "date": "2027-01-01", "notes": "", "bunting": true},
    {"title": "A new bank holiday", "date": "2027-03-02", "notes": "", "bunting": true}]},
  "scotland": {"division": "scotland", "events": [
    {"title": "New Year’s Day", "date": "2027-01-01", "notes": "", "bunting": true}]},
  "northern-ireland": {"division": "northern-ireland", "events": [
    {"title": "New Year’s Day", "date": "2027-01-01", "notes": "", "bunting": true}]}
}"#;

/// North Somerset's stage 1, raised on Monday 1 March 2027: one working
/// day, so due on Tuesday 2 March, or on Wednesday 3 March when 2 March is
/// a bank holiday.
const MARCH_CASE: &str = r#"{"policy": "nsscp-issue-resolution-2025", "as_of": "2027-03-01",
    "events": [{"type": "raised", "on": "2027-03-01"}]}"#;

fn new_engine() -> *mut sgr_engine {
    let mut engine = ptr::null_mut();
    // SAFETY: `engine` is a valid place for a pointer.
    assert_eq!(unsafe { sgr_engine_new(&mut engine) }, sgr_result::SGR_OK);
    assert!(!engine.is_null());
    engine
}

fn engine_evaluate(engine: *const sgr_engine, request: &str) -> (sgr_result, Option<String>) {
    let request = CString::new(request).unwrap();
    let mut out = stale();
    // SAFETY: `engine` is live; `request` is NUL-terminated; `out` valid.
    let code = unsafe { sgr_engine_evaluate(engine, request.as_ptr(), &mut out) };
    assert_ne!(
        out,
        stale(),
        "sgr_engine_evaluate left its output as it was"
    );
    (code, take_string(out))
}

fn load(engine: *mut sgr_engine, document: &str) -> (sgr_result, Option<String>) {
    let document = CString::new(document).unwrap();
    let mut error = stale();
    // SAFETY: `engine` is live and used by no one else; `document` is
    // NUL-terminated; `error` is a valid place for a char *.
    let code = unsafe { sgr_engine_load_holidays(engine, document.as_ptr(), &mut error) };
    assert_ne!(
        error,
        stale(),
        "sgr_engine_load_holidays left its output as it was"
    );
    (code, take_string(error))
}

fn due_date(document: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(document).unwrap();
    value["stage"]["due"]["date"].as_str().unwrap().to_string()
}

#[test]
fn an_engine_answers_as_sgr_evaluate_until_holidays_are_loaded() {
    let engine = new_engine();
    let (code, document) = engine_evaluate(engine, MARCH_CASE);
    assert_eq!((code, document.clone()), evaluate(MARCH_CASE.as_bytes()));
    assert_eq!(due_date(&document.unwrap()), "2027-03-02");

    let (code, error) = load(engine, NEWER_HOLIDAYS);
    assert_eq!((code, error), (sgr_result::SGR_OK, None));
    let (code, document) = engine_evaluate(engine, MARCH_CASE);
    assert_eq!(code, sgr_result::SGR_OK);
    assert_eq!(due_date(&document.unwrap()), "2027-03-03");
    // The plain function still runs on the embedded data.
    let (_, plain) = evaluate(MARCH_CASE.as_bytes());
    assert_eq!(due_date(&plain.unwrap()), "2027-03-02");
    // SAFETY: made above, freed once.
    unsafe { sgr_engine_free(engine) };
}

#[test]
fn a_refused_document_leaves_the_engine_as_it_was() {
    let engine = new_engine();
    assert_eq!(load(engine, NEWER_HOLIDAYS).0, sgr_result::SGR_OK);
    let weekend = NEWER_HOLIDAYS.replace("2027-03-02", "2027-03-06");
    for (document, place) in [
        ("{", "(document)"),
        (
            r#"{"scotland": {"division": "scotland", "events": []}}"#,
            "scotland",
        ),
        (weekend.as_str(), "england-and-wales.events[1].date"),
    ] {
        let (code, error) = load(engine, document);
        assert_eq!(code, sgr_result::SGR_ERROR_DOCUMENT, "{document}");
        let error: serde_json::Value = serde_json::from_str(&error.unwrap()).unwrap();
        assert_eq!(error["error"]["code"], "invalid_holidays");
        let message = error["error"]["message"].as_str().unwrap();
        assert!(message.starts_with(place), "{message}");
        let (_, document) = engine_evaluate(engine, MARCH_CASE);
        assert_eq!(
            due_date(&document.unwrap()),
            "2027-03-03",
            "the engine changed"
        );
    }
    // Without a place for the error document, the code alone.
    let document = CString::new("{").unwrap();
    // SAFETY: `engine` is live; `document` is NUL-terminated; NULL is
    // allowed for the error output.
    let code = unsafe { sgr_engine_load_holidays(engine, document.as_ptr(), ptr::null_mut()) };
    assert_eq!(code, sgr_result::SGR_ERROR_DOCUMENT);
    // SAFETY: made above, freed once.
    unsafe { sgr_engine_free(engine) };
}

#[test]
fn engine_pointers_are_checked() {
    let request = CString::new(MARCH_CASE).unwrap();
    let mut out = stale();
    // SAFETY: every pointer is NULL or valid; NULLs are refused.
    unsafe {
        assert_eq!(
            sgr_engine_new(ptr::null_mut()),
            sgr_result::SGR_NULL_POINTER
        );
        assert_eq!(
            sgr_engine_evaluate(ptr::null(), request.as_ptr(), &mut out),
            sgr_result::SGR_NULL_POINTER
        );
        assert!(out.is_null());
        out = stale();
        assert_eq!(
            sgr_engine_validate(ptr::null(), request.as_ptr(), &mut out),
            sgr_result::SGR_NULL_POINTER
        );
        assert!(out.is_null());
        let engine = new_engine();
        assert_eq!(
            sgr_engine_evaluate(engine, ptr::null(), &mut out),
            sgr_result::SGR_NULL_POINTER
        );
        assert_eq!(
            sgr_engine_evaluate(engine, request.as_ptr(), ptr::null_mut()),
            sgr_result::SGR_NULL_POINTER
        );
        out = stale();
        assert_eq!(
            sgr_engine_load_holidays(engine, ptr::null(), &mut out),
            sgr_result::SGR_NULL_POINTER
        );
        assert!(out.is_null());
        out = stale();
        assert_eq!(
            sgr_engine_load_holidays(ptr::null_mut(), request.as_ptr(), &mut out),
            sgr_result::SGR_NULL_POINTER
        );
        assert!(out.is_null());
        let bad = [0xc3u8, 0x28, 0];
        out = stale();
        assert_eq!(
            sgr_engine_load_holidays(engine, bad.as_ptr().cast(), &mut out),
            sgr_result::SGR_INVALID_UTF8
        );
        assert!(out.is_null());
        sgr_engine_free(engine);
        sgr_engine_free(ptr::null_mut());
    }
}

#[test]
fn an_engine_validates_as_sgr_validate() {
    let engine = new_engine();
    let form = r#"{"form": "swindon-resolution-form", "data": {}}"#;
    let request = CString::new(form).unwrap();
    let mut out = stale();
    // SAFETY: `engine` live, `request` NUL-terminated, `out` valid.
    let code = unsafe { sgr_engine_validate(engine, request.as_ptr(), &mut out) };
    assert_eq!(code, sgr_result::SGR_OK);
    assert_eq!(take_string(out), Some(validate_json(form)));
    // SAFETY: made above, freed once.
    unsafe { sgr_engine_free(engine) };
}
