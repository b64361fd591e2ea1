//! Result codes, and their messages.

use std::ffi::{CStr, c_char};

use super::boundary;

/// What a call of the C interface came to: `SGR_OK` (zero), or why it
/// failed.
///
/// A 32-bit value. The numbers are fixed: a code keeps its number in every
/// version, and a number, once used, is never given to another meaning. A
/// caller should treat a code it does not know as a failure;
/// `sgr_result_message` describes any code, known or not.
///
/// When several arguments are wrong, the first problem found is reported,
/// checking the pointers first (`SGR_NULL_POINTER`), then the arguments in
/// order.
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum sgr_result {
    /// Success. The output argument was written.
    SGR_OK = 0,
    /// A pointer argument that may not be NULL was NULL. Nothing was
    /// written.
    SGR_NULL_POINTER = 1,
    /// A string argument was not valid UTF-8. Nothing was written.
    SGR_INVALID_UTF8 = 2,
    /// A date argument is not a date: its month is not 1 to 12, its day does
    /// not exist in that month (30 February), or its year is beyond what the
    /// library can represent (more than 262,000 years from now). Nothing was
    /// written.
    SGR_INVALID_DATE = 3,
    /// The division is not `SGR_DIVISION_ENGLAND_AND_WALES`,
    /// `SGR_DIVISION_SCOTLAND` or `SGR_DIVISION_NORTHERN_IRELAND`. Nothing
    /// was written.
    SGR_INVALID_DIVISION = 4,
    /// A date given, or the answer, lies outside the dates the calendar
    /// covers (1990-01-01 to 2100-12-31 for the embedded calendars). The
    /// library never guesses. Nothing was written.
    SGR_OUT_OF_CALENDAR_RANGE = 5,
    /// The request is not valid JSON. An error document
    /// (`{"error": {"code": "invalid_json", ...}}`) was written to the
    /// output, saying where; free it with `sgr_string_free`.
    SGR_INVALID_JSON = 6,
    /// The request is JSON but was refused (an unknown policy, a missing or
    /// invalid field, an event the policy does not allow, a date outside the
    /// calendar, ...). An error document (`{"error": {"code": ..., "message":
    /// ..., "event_index": ...}}`) was written to the output, saying why;
    /// free it with `sgr_string_free`.
    SGR_ERROR_DOCUMENT = 7,
    /// A bug inside the library (a panic) was caught at the boundary; it
    /// never unwinds into the caller. Nothing was written, nothing leaked,
    /// and the library can still be used. Please report it.
    SGR_PANIC = 8,
}

/// Every code, in order of number.
pub(super) const ALL_RESULTS: [sgr_result; 9] = [
    sgr_result::SGR_OK,
    sgr_result::SGR_NULL_POINTER,
    sgr_result::SGR_INVALID_UTF8,
    sgr_result::SGR_INVALID_DATE,
    sgr_result::SGR_INVALID_DIVISION,
    sgr_result::SGR_OUT_OF_CALENDAR_RANGE,
    sgr_result::SGR_INVALID_JSON,
    sgr_result::SGR_ERROR_DOCUMENT,
    sgr_result::SGR_PANIC,
];

impl sgr_result {
    /// The code with this number, if there is one.
    pub fn from_u32(code: u32) -> Option<sgr_result> {
        ALL_RESULTS.into_iter().find(|r| *r as u32 == code)
    }

    /// The code's message, as `sgr_result_message` returns it.
    pub fn message(self) -> &'static CStr {
        match self {
            sgr_result::SGR_OK => c"success",
            sgr_result::SGR_NULL_POINTER => c"a pointer argument that may not be NULL was NULL",
            sgr_result::SGR_INVALID_UTF8 => c"a string argument was not valid UTF-8",
            sgr_result::SGR_INVALID_DATE => {
                c"a date argument is not a date (month 1 to 12, and a day that exists in that month)"
            }
            sgr_result::SGR_INVALID_DIVISION => {
                c"the division is not SGR_DIVISION_ENGLAND_AND_WALES, SGR_DIVISION_SCOTLAND or SGR_DIVISION_NORTHERN_IRELAND"
            }
            sgr_result::SGR_OUT_OF_CALENDAR_RANGE => {
                c"a date given, or the answer, lies outside the dates the calendar covers"
            }
            sgr_result::SGR_INVALID_JSON => {
                c"the request is not valid JSON; the error document returned says where"
            }
            sgr_result::SGR_ERROR_DOCUMENT => {
                c"the request was refused; the error document returned says why"
            }
            sgr_result::SGR_PANIC => {
                c"a bug inside the library was caught at the boundary (a panic); please report it"
            }
        }
    }
}

/// The message for a code that this version of the library does not know.
pub(super) const UNKNOWN_RESULT: &CStr = c"unknown sgr_result code";

/// A message in English for a result code: a static, NUL-terminated string.
///
/// Takes any number, so a code from a newer version of the library, or any
/// other integer, is safe: it gets "unknown sgr_result code".
///
/// Ownership: the string is static and owned by the library. Do not free or
/// modify it; it stays valid for as long as the library is loaded.
#[unsafe(no_mangle)]
pub extern "C" fn sgr_result_message(result: u32) -> *const c_char {
    boundary::catch_or(UNKNOWN_RESULT.as_ptr(), || {
        sgr_result::from_u32(result)
            .map_or(UNKNOWN_RESULT, sgr_result::message)
            .as_ptr()
    })
}
