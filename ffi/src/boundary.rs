//! The boundary's rules, in one place: panics are caught, NULL pointers and
//! invalid UTF-8 become codes, every output is cleared (NULL, or its zero
//! value) before anything can fail, and written with the answer only once
//! everything else has succeeded.

use std::ffi::{CStr, c_char};
use std::panic::{self, AssertUnwindSafe};
use std::ptr::NonNull;

use super::sgr_result;

/// Runs the body of an `extern "C"` function that reports a result code.
///
/// `Ok(())` is `SGR_OK`, `Err(code)` is that code, and a panic is
/// `SGR_PANIC`: it never unwinds into the caller.
pub(super) fn catch(body: impl FnOnce() -> Result<(), sgr_result>) -> sgr_result {
    // AssertUnwindSafe: a body clears its outputs first and writes the answer
    // as its last step, so a panic leaves the cleared value, nothing
    // half-written, for the caller to observe; and the
    // library's shared state (the calendars) is behind `OnceLock`, which
    // stays consistent when an initialiser panics.
    match panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => sgr_result::SGR_OK,
        Ok(Err(code)) => code,
        Err(_) => sgr_result::SGR_PANIC,
    }
}

/// Runs the body of an `extern "C"` function that returns a value rather
/// than a code: `fallback` if it panics.
pub(super) fn catch_or<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    panic::catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

/// An output pointer, refused when NULL; otherwise `cleared` is written to
/// it at once, so that whatever fails afterwards (another argument, the
/// query, a panic), the caller finds NULL or a zero value there, never what
/// it held before (a `char *` already freed, say).
///
/// Each body calls it first, for every output, before anything else can
/// fail.
///
/// # Safety
///
/// `out` is NULL, or valid for a write of a `T` and aligned for it (the
/// caller's promise, passed on from the `extern "C"` function's own
/// `# Safety`).
pub(super) unsafe fn output<T>(out: *mut T, cleared: T) -> Result<NonNull<T>, sgr_result> {
    let out = NonNull::new(out).ok_or(sgr_result::SGR_NULL_POINTER)?;
    // SAFETY: `out` is not NULL, and the caller promises it is valid for
    // writes and aligned.
    unsafe { write(out, cleared) };
    Ok(out)
}

/// Reads a NUL-terminated UTF-8 string argument.
///
/// # Safety
///
/// `text` is NULL, or points to a NUL-terminated string that stays valid and
/// unchanged for `'a`.
pub(super) unsafe fn read_str<'a>(text: *const c_char) -> Result<&'a str, sgr_result> {
    if text.is_null() {
        return Err(sgr_result::SGR_NULL_POINTER);
    }
    // SAFETY: `text` is not NULL, and the caller promises it points to a
    // NUL-terminated string valid and unchanged for 'a.
    let text = unsafe { CStr::from_ptr(text) };
    text.to_str().map_err(|_| sgr_result::SGR_INVALID_UTF8)
}

/// Writes `value` to an output the caller passed.
///
/// # Safety
///
/// `out` is valid for a write of a `T` and aligned for it (the caller's
/// promise, passed on from the `extern "C"` function's own `# Safety`).
pub(super) unsafe fn write<T>(out: NonNull<T>, value: T) {
    // SAFETY: the caller promises `out` is valid for writes and aligned;
    // `write` does not read or drop the old value, which may be
    // uninitialised.
    unsafe { out.as_ptr().write(value) }
}
