//! The working-day calendar over C: CONTRACT section 2, on the embedded
//! data (`sgr_add_working_days`, ...) or on an engine's bank holidays
//! (`sgr_engine_add_working_days`, ..., CONTRACT section 10).

use chrono::{Datelike, NaiveDate};
use safeguarding_resolution::calendar::{Calendar, Division, Error};

use super::boundary::{self, output, write};
use super::engine::sgr_engine;
use super::sgr_result;

/// A division of the UK, whose bank holidays the working days skip: one of
/// `SGR_DIVISION_ENGLAND_AND_WALES`, `SGR_DIVISION_SCOTLAND`,
/// `SGR_DIVISION_NORTHERN_IRELAND`.
///
/// A plain 32-bit integer, so that any value a caller passes is safe: a
/// value that is not one of the three is refused with
/// `SGR_INVALID_DIVISION`.
#[allow(non_camel_case_types)]
pub type sgr_division = u32;

/// England and Wales.
pub const SGR_DIVISION_ENGLAND_AND_WALES: sgr_division = 0;
/// Scotland.
pub const SGR_DIVISION_SCOTLAND: sgr_division = 1;
/// Northern Ireland.
pub const SGR_DIVISION_NORTHERN_IRELAND: sgr_division = 2;

/// A date of the (proleptic) Gregorian calendar, as three numbers.
///
/// Any values may be passed; a date that does not exist (30 February, month
/// 13, day 0) is refused with `SGR_INVALID_DATE`.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct sgr_date {
    /// The year, such as 2026.
    pub year: i32,
    /// The month, 1 (January) to 12 (December).
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

impl sgr_date {
    /// The date, if it exists.
    ///
    /// # Errors
    ///
    /// `SGR_INVALID_DATE` when it does not.
    pub fn to_naive_date(self) -> Result<NaiveDate, sgr_result> {
        NaiveDate::from_ymd_opt(self.year, self.month, self.day).ok_or(sgr_result::SGR_INVALID_DATE)
    }
}

impl From<NaiveDate> for sgr_date {
    fn from(date: NaiveDate) -> sgr_date {
        sgr_date {
            year: date.year(),
            month: date.month(),
            day: date.day(),
        }
    }
}

/// The division with this C number.
fn checked_division(division: sgr_division) -> Result<Division, sgr_result> {
    match division {
        SGR_DIVISION_ENGLAND_AND_WALES => Ok(Division::EnglandAndWales),
        SGR_DIVISION_SCOTLAND => Ok(Division::Scotland),
        SGR_DIVISION_NORTHERN_IRELAND => Ok(Division::NorthernIreland),
        _ => Err(sgr_result::SGR_INVALID_DIVISION),
    }
}

/// The code for a calendar error.
fn refused(error: Error) -> sgr_result {
    // The embedded calendars are not strict and are never combined or read
    // here, so a query can only fail on range; any other error would be a
    // bug, reported as one (caught by the boundary, never unwound).
    if error.is_out_of_range() {
        sgr_result::SGR_OUT_OF_CALENDAR_RANGE
    } else {
        unreachable!("a query of an embedded calendar failed other than on range")
    }
}

/// Whose bank holidays a query counts on: the embedded ones, or an
/// engine's.
#[derive(Clone, Copy)]
enum Holidays {
    Embedded,
    Engine(*const sgr_engine),
}

impl Holidays {
    /// The division's calendar.
    ///
    /// # Safety
    ///
    /// An engine's pointer is NULL (refused) or a live engine not freed
    /// during the call.
    /// The engine's calendar is its own at the call (a cheap clone of
    /// shared tables), so a load beside the call cannot change it midway.
    unsafe fn calendar(self, division: Division) -> Result<Calendar, sgr_result> {
        match self {
            Holidays::Embedded => Ok(Calendar::uk(division).clone()),
            Holidays::Engine(engine) => {
                // SAFETY: the caller promises `engine` is NULL (refused) or
                // a live engine not freed during the call: a shared borrow.
                let engine = unsafe { engine.as_ref() }.ok_or(sgr_result::SGR_NULL_POINTER)?;
                Ok(engine.engine().calendar(division))
            }
        }
    }
}

/// The body every one-date query shares: check the output and clear it to
/// `cleared`, check the engine, the division and the date, ask the
/// division's calendar, and write the answer last.
///
/// # Safety
///
/// `out` is NULL or valid for writing one `T`; an engine as
/// [`Holidays::calendar`] requires.
unsafe fn answer<T>(
    holidays: Holidays,
    division: sgr_division,
    date: sgr_date,
    out: *mut T,
    cleared: T,
    query: impl FnOnce(&Calendar, NaiveDate) -> Result<T, Error>,
) -> sgr_result {
    boundary::catch(|| {
        // SAFETY: the caller of `answer` promises `out` is NULL (refused) or
        // valid for writing a `T`.
        let out = unsafe { output(out, cleared) }?;
        // SAFETY: the caller of `answer` promises the engine is NULL
        // (refused) or live for the call.
        let calendar = unsafe { holidays.calendar(checked_division(division)?) }?;
        let date = date.to_naive_date()?;
        let value = query(&calendar, date).map_err(refused)?;
        // SAFETY: the caller of `answer` promises `out` is valid for
        // writing a `T`, and it is not NULL.
        unsafe { write(out, value) };
        Ok(())
    })
}

/// Whether `date` is a working day in `division`: Monday to Friday and not
/// one of the division's bank holidays.
///
/// On `SGR_OK`, writes true or false to `*is_working_day_out`; on any other
/// code, writes false there (unless it is NULL: then nothing is written and
/// the code is `SGR_NULL_POINTER`).
///
/// Errors: `SGR_NULL_POINTER` (`is_working_day_out` is NULL),
/// `SGR_INVALID_DIVISION`, `SGR_INVALID_DATE`, `SGR_OUT_OF_CALENDAR_RANGE`.
///
/// # Safety
///
/// `is_working_day_out` is NULL or valid for writing one `bool`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_is_working_day(
    division: sgr_division,
    date: sgr_date,
    is_working_day_out: *mut bool,
) -> sgr_result {
    // SAFETY: the caller promises `is_working_day_out` is NULL or valid for one
    // write, as `answer` requires.
    unsafe {
        answer(
            Holidays::Embedded,
            division,
            date,
            is_working_day_out,
            false,
            |calendar, date| calendar.is_working_day(date),
        )
    }
}

/// The `n`-th working day strictly after `date` in `division`, whatever day
/// `date` is; `date` itself when `n` is 0. "Within 2 working days of Monday
/// 21 December 2026" is Wednesday 23 December 2026.
///
/// On `SGR_OK`, writes the date to `*out`; on any other code, writes
/// `{0, 0, 0}` there (unless `out` is NULL: then nothing is written and
/// the code is `SGR_NULL_POINTER`).
///
/// Errors: `SGR_NULL_POINTER` (`out` is NULL), `SGR_INVALID_DIVISION`,
/// `SGR_INVALID_DATE`, `SGR_OUT_OF_CALENDAR_RANGE` (`date`, or the answer,
/// outside the calendar).
///
/// # Safety
///
/// `out` is NULL or valid for writing one `sgr_date`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_add_working_days(
    division: sgr_division,
    date: sgr_date,
    n: u32,
    out: *mut sgr_date,
) -> sgr_result {
    // SAFETY: the caller promises `out` is NULL or valid for one
    // write, as `answer` requires.
    unsafe {
        answer(
            Holidays::Embedded,
            division,
            date,
            out,
            sgr_date::default(),
            |calendar, date| calendar.add_working_days(date, n).map(sgr_date::from),
        )
    }
}

/// The `n`-th working day strictly before `date` in `division`; `date`
/// itself when `n` is 0. Five working days before a meeting on Tuesday 5
/// January 2027 is Thursday 24 December 2026.
///
/// On `SGR_OK`, writes the date to `*out`; on any other code, writes
/// `{0, 0, 0}` there (unless `out` is NULL: then nothing is written and
/// the code is `SGR_NULL_POINTER`).
///
/// Errors: as `sgr_add_working_days`.
///
/// # Safety
///
/// `out` is NULL or valid for writing one `sgr_date`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_subtract_working_days(
    division: sgr_division,
    date: sgr_date,
    n: u32,
    out: *mut sgr_date,
) -> sgr_result {
    // SAFETY: the caller promises `out` is NULL or valid for one
    // write, as `answer` requires.
    unsafe {
        answer(
            Holidays::Embedded,
            division,
            date,
            out,
            sgr_date::default(),
            |calendar, date| calendar.subtract_working_days(date, n).map(sgr_date::from),
        )
    }
}

/// The first working day strictly after `date` in `division` (the same as
/// `sgr_add_working_days` with `n` = 1).
///
/// On `SGR_OK`, writes the date to `*out`; on any other code, writes
/// `{0, 0, 0}` there (unless `out` is NULL: then nothing is written and
/// the code is `SGR_NULL_POINTER`).
///
/// Errors: as `sgr_add_working_days`.
///
/// # Safety
///
/// `out` is NULL or valid for writing one `sgr_date`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_next_working_day(
    division: sgr_division,
    date: sgr_date,
    out: *mut sgr_date,
) -> sgr_result {
    // SAFETY: the caller promises `out` is NULL or valid for one
    // write, as `answer` requires.
    unsafe {
        answer(
            Holidays::Embedded,
            division,
            date,
            out,
            sgr_date::default(),
            |calendar, date| calendar.next_working_day(date).map(sgr_date::from),
        )
    }
}

/// The last working day strictly before `date` in `division`.
///
/// On `SGR_OK`, writes the date to `*out`; on any other code, writes
/// `{0, 0, 0}` there (unless `out` is NULL: then nothing is written and
/// the code is `SGR_NULL_POINTER`).
///
/// Errors: as `sgr_add_working_days`.
///
/// # Safety
///
/// `out` is NULL or valid for writing one `sgr_date`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_previous_working_day(
    division: sgr_division,
    date: sgr_date,
    out: *mut sgr_date,
) -> sgr_result {
    // SAFETY: the caller promises `out` is NULL or valid for one
    // write, as `answer` requires.
    unsafe {
        answer(
            Holidays::Embedded,
            division,
            date,
            out,
            sgr_date::default(),
            |calendar, date| calendar.previous_working_day(date).map(sgr_date::from),
        )
    }
}

/// The number of working days in `division` after `from`, up to and
/// including `to`; negative (the count after `to` up to and including
/// `from`) when `to` is before `from`. For every date `d` and `n` >= 1,
/// counting from `d` to `sgr_add_working_days(d, n)` gives `n`.
///
/// On `SGR_OK`, writes the count to `*count_out`; on any other code, writes
/// 0 there (unless `count_out` is NULL: then nothing is written and the
/// code is `SGR_NULL_POINTER`).
///
/// Errors: `SGR_NULL_POINTER` (`count_out` is NULL), `SGR_INVALID_DIVISION`,
/// `SGR_INVALID_DATE`, `SGR_OUT_OF_CALENDAR_RANGE` (either date outside the
/// calendar).
///
/// # Safety
///
/// `count_out` is NULL or valid for writing one `int64_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_working_days_between(
    division: sgr_division,
    from: sgr_date,
    to: sgr_date,
    count_out: *mut i64,
) -> sgr_result {
    // SAFETY: the caller promises `count_out` is NULL or valid for one
    // write, as `between` requires.
    unsafe { between(Holidays::Embedded, division, from, to, count_out) }
}

/// The body of `sgr_working_days_between` and its engine version.
///
/// # Safety
///
/// `count_out` is NULL or valid for writing one `int64_t`; an engine as
/// [`Holidays::calendar`] requires.
unsafe fn between(
    holidays: Holidays,
    division: sgr_division,
    from: sgr_date,
    to: sgr_date,
    count_out: *mut i64,
) -> sgr_result {
    boundary::catch(|| {
        // SAFETY: the caller promises `count_out` is NULL (refused) or valid
        // for writing an int64_t; it is cleared to 0 first.
        let out = unsafe { output(count_out, 0) }?;
        // SAFETY: the caller promises the engine is NULL (refused) or live
        // for the call.
        let calendar = unsafe { holidays.calendar(checked_division(division)?) }?;
        let (from, to) = (from.to_naive_date()?, to.to_naive_date()?);
        let count = calendar.working_days_between(from, to).map_err(refused)?;
        // SAFETY: the caller promises `count_out` is valid for writing an
        // int64_t, and it is not NULL.
        unsafe { write(out, count) };
        Ok(())
    })
}

// The same queries on an engine's bank holidays (CONTRACT section 10): after
// `sgr_engine_load_holidays`, they count as the engine's evaluations do.

/// As `sgr_is_working_day`, on the bank holidays `engine` holds (the
/// embedded ones until `sgr_engine_load_holidays` replaced them): a day
/// made a bank holiday by a loaded document is not a working day.
///
/// Errors: as `sgr_is_working_day`, and `SGR_NULL_POINTER` when `engine`
/// is NULL. Threads as for `sgr_engine_evaluate`.
///
/// # Safety
///
/// `engine` is NULL or an engine from `sgr_engine_new`, not yet freed;
/// `is_working_day_out` as for `sgr_is_working_day`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_engine_is_working_day(
    engine: *const sgr_engine,
    division: sgr_division,
    date: sgr_date,
    is_working_day_out: *mut bool,
) -> sgr_result {
    // SAFETY: passed on from this function's own contract.
    unsafe {
        answer(
            Holidays::Engine(engine),
            division,
            date,
            is_working_day_out,
            false,
            |calendar, date| calendar.is_working_day(date),
        )
    }
}

/// As `sgr_add_working_days`, on the bank holidays `engine` holds: the
/// deadline `sgr_engine_evaluate` counts for "within `n` working days".
///
/// Errors: as `sgr_add_working_days`, and `SGR_NULL_POINTER` when `engine`
/// is NULL. Threads as for `sgr_engine_evaluate`.
///
/// # Safety
///
/// `engine` as for `sgr_engine_is_working_day`; `out` as for
/// `sgr_add_working_days`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_engine_add_working_days(
    engine: *const sgr_engine,
    division: sgr_division,
    date: sgr_date,
    n: u32,
    out: *mut sgr_date,
) -> sgr_result {
    // SAFETY: passed on from this function's own contract.
    unsafe {
        answer(
            Holidays::Engine(engine),
            division,
            date,
            out,
            sgr_date::default(),
            |calendar, date| calendar.add_working_days(date, n).map(sgr_date::from),
        )
    }
}

/// As `sgr_subtract_working_days`, on the bank holidays `engine` holds.
///
/// Errors: as `sgr_subtract_working_days`, and `SGR_NULL_POINTER` when
/// `engine` is NULL. Threads as for `sgr_engine_evaluate`.
///
/// # Safety
///
/// As `sgr_engine_add_working_days`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_engine_subtract_working_days(
    engine: *const sgr_engine,
    division: sgr_division,
    date: sgr_date,
    n: u32,
    out: *mut sgr_date,
) -> sgr_result {
    // SAFETY: passed on from this function's own contract.
    unsafe {
        answer(
            Holidays::Engine(engine),
            division,
            date,
            out,
            sgr_date::default(),
            |calendar, date| calendar.subtract_working_days(date, n).map(sgr_date::from),
        )
    }
}

/// As `sgr_next_working_day`, on the bank holidays `engine` holds.
///
/// Errors: as `sgr_next_working_day`, and `SGR_NULL_POINTER` when `engine`
/// is NULL. Threads as for `sgr_engine_evaluate`.
///
/// # Safety
///
/// As `sgr_engine_add_working_days`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_engine_next_working_day(
    engine: *const sgr_engine,
    division: sgr_division,
    date: sgr_date,
    out: *mut sgr_date,
) -> sgr_result {
    // SAFETY: passed on from this function's own contract.
    unsafe {
        answer(
            Holidays::Engine(engine),
            division,
            date,
            out,
            sgr_date::default(),
            |calendar, date| calendar.next_working_day(date).map(sgr_date::from),
        )
    }
}

/// As `sgr_previous_working_day`, on the bank holidays `engine` holds.
///
/// Errors: as `sgr_previous_working_day`, and `SGR_NULL_POINTER` when
/// `engine` is NULL. Threads as for `sgr_engine_evaluate`.
///
/// # Safety
///
/// As `sgr_engine_add_working_days`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_engine_previous_working_day(
    engine: *const sgr_engine,
    division: sgr_division,
    date: sgr_date,
    out: *mut sgr_date,
) -> sgr_result {
    // SAFETY: passed on from this function's own contract.
    unsafe {
        answer(
            Holidays::Engine(engine),
            division,
            date,
            out,
            sgr_date::default(),
            |calendar, date| calendar.previous_working_day(date).map(sgr_date::from),
        )
    }
}

/// As `sgr_working_days_between`, on the bank holidays `engine` holds.
///
/// Errors: as `sgr_working_days_between`, and `SGR_NULL_POINTER` when
/// `engine` is NULL. Threads as for `sgr_engine_evaluate`.
///
/// # Safety
///
/// `engine` as for `sgr_engine_is_working_day`; `count_out` as for
/// `sgr_working_days_between`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_engine_working_days_between(
    engine: *const sgr_engine,
    division: sgr_division,
    from: sgr_date,
    to: sgr_date,
    count_out: *mut i64,
) -> sgr_result {
    // SAFETY: passed on from this function's own contract.
    unsafe { between(Holidays::Engine(engine), division, from, to, count_out) }
}
