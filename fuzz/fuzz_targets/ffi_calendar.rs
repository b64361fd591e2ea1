//! The calendar functions of the C interface on arbitrary divisions, dates
//! and counts: each answers as the Rust calendar does, and on a failure
//! writes the zero value (`{0, 0, 0}`, false, 0) over whatever the output
//! held.
#![no_main]

use arbitrary::Arbitrary;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution_fuzz::ffi::{
    sgr_add_working_days, sgr_date, sgr_is_working_day, sgr_next_working_day,
    sgr_previous_working_day, sgr_result, sgr_subtract_working_days, sgr_working_days_between,
};

#[derive(Debug, Arbitrary)]
struct Input {
    division: u32,
    from: (i32, u32, u32),
    to: (i32, u32, u32),
    n: u32,
    /// Most inputs near the calendar's range, so answers are exercised.
    near: bool,
}

const SENTINEL: sgr_date = sgr_date { year: -7, month: 77, day: 77 };

fn date(near: bool, (year, month, day): (i32, u32, u32)) -> sgr_date {
    if near {
        sgr_date { year: 1985 + year.rem_euclid(125), month: month % 14, day: day % 33 }
    } else {
        sgr_date { year, month, day }
    }
}

/// What the Rust calendar says, as the C function should report it.
fn expected<T>(division: u32, dates: &[sgr_date], query: impl FnOnce(&Calendar, &[NaiveDate]) -> Result<T, safeguarding_resolution::calendar::Error>) -> Result<T, sgr_result> {
    let division = match division {
        0 => Division::EnglandAndWales,
        1 => Division::Scotland,
        2 => Division::NorthernIreland,
        _ => return Err(sgr_result::SGR_INVALID_DIVISION),
    };
    let dates: Vec<NaiveDate> = dates
        .iter()
        .map(|d| NaiveDate::from_ymd_opt(d.year, d.month, d.day).ok_or(sgr_result::SGR_INVALID_DATE))
        .collect::<Result<_, _>>()?;
    query(Calendar::uk(division), &dates).map_err(|e| {
        assert!(e.is_out_of_range(), "an embedded calendar failed other than on range: {e}");
        sgr_result::SGR_OUT_OF_CALENDAR_RANGE
    })
}

fn compare<T: PartialEq + std::fmt::Debug>(what: &str, code: sgr_result, out: T, zero: T, want: Result<T, sgr_result>) {
    match want {
        Ok(value) => {
            assert_eq!(code, sgr_result::SGR_OK, "{what}");
            assert_eq!(out, value, "{what}");
        }
        Err(refused) => {
            assert_eq!(code, refused, "{what}");
            assert_eq!(out, zero, "{what}: a failure must zero the output");
        }
    }
}

fuzz_target!(|input: Input| {
    let division = if input.near { input.division % 4 } else { input.division };
    let (from, to) = (date(input.near, input.from), date(input.near, input.to));
    let n = if input.near { input.n % 400 } else { input.n };
    let zero = sgr_date::default();
    let as_c = |d: NaiveDate| sgr_date::from(d);

    type Shift = unsafe extern "C" fn(u32, sgr_date, u32, *mut sgr_date) -> sgr_result;
    for (name, shift, forward) in [
        ("add", sgr_add_working_days as Shift, true),
        ("subtract", sgr_subtract_working_days as Shift, false),
    ] {
        let mut out = SENTINEL;
        // SAFETY: `out` is a valid place for an sgr_date.
        let code = unsafe { shift(division, from, n, &mut out) };
        let want = expected(division, &[from], |c, d| {
            if forward { c.add_working_days(d[0], n) } else { c.subtract_working_days(d[0], n) }.map(as_c)
        });
        compare(name, code, out, zero, want);
    }

    type Step = unsafe extern "C" fn(u32, sgr_date, *mut sgr_date) -> sgr_result;
    for (name, step, forward) in [
        ("next", sgr_next_working_day as Step, true),
        ("previous", sgr_previous_working_day as Step, false),
    ] {
        let mut out = SENTINEL;
        // SAFETY: `out` is a valid place for an sgr_date.
        let code = unsafe { step(division, from, &mut out) };
        let want = expected(division, &[from], |c, d| {
            if forward { c.next_working_day(d[0]) } else { c.previous_working_day(d[0]) }.map(as_c)
        });
        compare(name, code, out, zero, want);
    }

    let mut working = true;
    // SAFETY: `working` is a valid place for a bool.
    let code = unsafe { sgr_is_working_day(division, from, &mut working) };
    compare("is_working_day", code, working, false, expected(division, &[from], |c, d| c.is_working_day(d[0])));

    let mut count = -77_i64;
    // SAFETY: `count` is a valid place for an int64_t.
    let code = unsafe { sgr_working_days_between(division, from, to, &mut count) };
    compare("working_days_between", code, count, 0, expected(division, &[from, to], |c, d| c.working_days_between(d[0], d[1])));

    // A NULL output is refused, and nothing is written anywhere.
    // SAFETY: NULL outputs are allowed and refused.
    unsafe {
        assert_eq!(sgr_add_working_days(division, from, n, std::ptr::null_mut()), sgr_result::SGR_NULL_POINTER);
        assert_eq!(sgr_is_working_day(division, from, std::ptr::null_mut()), sgr_result::SGR_NULL_POINTER);
        assert_eq!(sgr_working_days_between(division, from, to, std::ptr::null_mut()), sgr_result::SGR_NULL_POINTER);
    }
});
