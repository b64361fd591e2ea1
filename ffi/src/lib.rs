//! The C library of `safeguarding-resolution`: CONTRACT section 6,
//! declared in `include/safeguarding_resolution.h` (generated from this
//! crate by cbindgen; `docs/ffi.md` is the guide), built as
//! `libsafeguarding_resolution.so` (or `.dylib`) and
//! `libsafeguarding_resolution.a`.
//!
//! Every function is `extern "C"` with the prefix `sgr_`, and keeps the
//! boundary's rules (STYLE.md, after rustls-ffi):
//!
//! - A function that can fail returns an [`sgr_result`]: `SGR_OK` (0), or a
//!   code of its own for each way it fails. A NULL pointer, invalid UTF-8, a
//!   date that does not exist, a division that is not one of the three and a
//!   request that is not JSON each have one; a panic inside the library is
//!   caught and becomes `SGR_PANIC`, and never unwinds into the caller.
//! - Inputs come first and outputs last. Outputs are written only on
//!   success, with one documented exception: `sgr_evaluate` and
//!   `sgr_validate` also hand back the error document (`{"error": ...}`)
//!   that explains a refused request, with `SGR_INVALID_JSON` or
//!   `SGR_ERROR_DOCUMENT`.
//! - Strings the caller receives are either static (`sgr_version`,
//!   `sgr_holiday_data_version`, `sgr_result_message`: never freed) or owned
//!   by the caller (the documents of `sgr_evaluate` and `sgr_validate`,
//!   freed once with [`sgr_string_free`], which accepts NULL).
//! - Every function may be called from any thread at the same time; an
//!   owned string may be freed on any thread.
//!
//! Dates cross as [`sgr_date`] (three integers), divisions as
//! [`sgr_division`] (an integer, checked). This package holds all the
//! unsafe code of the project (the Rust crate forbids it), each block with
//! the reason it is sound; every answer comes from the Rust crate's public
//! API, which this crate names `safeguarding_resolution::`.
//!
//! The library must be built with `panic = "unwind"` (Rust's default, and
//! this crate's) for panics to become `SGR_PANIC`; under `panic = "abort"`
//! a bug would abort the process instead.
#![deny(missing_docs)]
#![deny(clippy::undocumented_unsafe_blocks)]
#![warn(missing_debug_implementations)]

mod boundary;
mod calendar;
mod engine;
mod json;
mod result;
#[cfg(test)]
mod tests;

use std::ffi::{CStr, c_char};

pub use calendar::{
    SGR_DIVISION_ENGLAND_AND_WALES, SGR_DIVISION_NORTHERN_IRELAND, SGR_DIVISION_SCOTLAND,
    sgr_add_working_days, sgr_date, sgr_division, sgr_engine_add_working_days,
    sgr_engine_is_working_day, sgr_engine_next_working_day, sgr_engine_previous_working_day,
    sgr_engine_subtract_working_days, sgr_engine_working_days_between, sgr_is_working_day,
    sgr_next_working_day, sgr_previous_working_day, sgr_subtract_working_days,
    sgr_working_days_between,
};
pub use engine::{
    sgr_engine, sgr_engine_evaluate, sgr_engine_free, sgr_engine_load_holidays, sgr_engine_new,
    sgr_engine_sweep, sgr_engine_validate,
};
pub use json::{sgr_evaluate, sgr_string_free, sgr_validate};
pub use result::{sgr_result, sgr_result_message};

/// `text` and a NUL, as bytes: `N` must be `text.len() + 1`, and `text` may
/// hold no NUL (both checked when the constant is built).
const fn nul_terminated<const N: usize>(text: &str) -> [u8; N] {
    let bytes = text.as_bytes();
    assert!(bytes.len() + 1 == N, "N must be the length plus one");
    let mut out = [0u8; N];
    let mut i = 0;
    while i < bytes.len() {
        assert!(bytes[i] != 0, "no NUL inside");
        out[i] = bytes[i];
        i += 1;
    }
    out
}

/// `bytes` as a C string, at compile time.
const fn c_str(bytes: &'static [u8]) -> &'static CStr {
    match CStr::from_bytes_with_nul(bytes) {
        Ok(text) => text,
        Err(_) => panic!("not a NUL-terminated string"),
    }
}

const VERSION_BYTES: [u8; env!("CARGO_PKG_VERSION").len() + 1] =
    nul_terminated(env!("CARGO_PKG_VERSION"));
/// The embedded bank-holiday data's version, the Rust crate's.
const DATA_VERSION: &str = safeguarding_resolution::calendar::HOLIDAY_DATA_VERSION;
const HOLIDAY_DATA_VERSION_BYTES: [u8; DATA_VERSION.len() + 1] = nul_terminated(DATA_VERSION);

/// The library's version, as `sgr_version` returns it.
const VERSION: &CStr = c_str(&VERSION_BYTES);
/// The embedded holiday data's version, as `sgr_holiday_data_version`
/// returns it: [`safeguarding_resolution::calendar::HOLIDAY_DATA_VERSION`].
const HOLIDAY_DATA_VERSION: &CStr = c_str(&HOLIDAY_DATA_VERSION_BYTES);

/// The library's version, such as "0.1.0" (semantic versioning): a static,
/// NUL-terminated string.
///
/// Ownership: static and owned by the library; do not free or modify it.
#[unsafe(no_mangle)]
pub extern "C" fn sgr_version() -> *const c_char {
    boundary::catch_or(VERSION.as_ptr(), || VERSION.as_ptr())
}

/// The version of the embedded bank-holiday data: the date of the GOV.UK
/// list it was built from, such as "2026-02-04". A static, NUL-terminated
/// string.
///
/// Ownership: static and owned by the library; do not free or modify it.
#[unsafe(no_mangle)]
pub extern "C" fn sgr_holiday_data_version() -> *const c_char {
    boundary::catch_or(HOLIDAY_DATA_VERSION.as_ptr(), || {
        HOLIDAY_DATA_VERSION.as_ptr()
    })
}
