//! The JSON face over C: `sgr_evaluate` (CONTRACT section 3), `sgr_validate`
//! (section 5), and the strings they hand back.

use std::ffi::{CString, c_char};

use safeguarding_resolution::{evaluate_json, validate_json};

use super::boundary::{self, output, read_str, write};
use super::sgr_result;

/// Hands a JSON document to the caller: writes it to `out` and returns the
/// code it calls for. Runs last in a body, so `out` (cleared to NULL on
/// entry) holds a document only once everything else has succeeded.
///
/// # Safety
///
/// `out` is valid for writing one `char *`.
pub(super) unsafe fn hand_over(
    out: std::ptr::NonNull<*mut c_char>,
    document: String,
) -> Result<(), sgr_result> {
    let code = document_code(&document);
    // JSON writes a NUL inside a string as `\u0000`, so a document never
    // holds one; if it ever did, that is a bug, caught as SGR_PANIC (with
    // `out` still NULL).
    let document = CString::new(document).expect("a JSON document holds no NUL byte");
    // SAFETY: the caller promises `out` is valid for writing a char *. The
    // pointer written comes from `CString::into_raw`; the caller now owns it
    // and gives it back through `sgr_string_free`.
    unsafe { write(out, document.into_raw()) };
    match code {
        sgr_result::SGR_OK => Ok(()),
        // The document was written: the code tells the caller what it holds.
        refused => Err(refused),
    }
}

/// The code for a document the JSON face returned: `SGR_OK` for an answer,
/// `SGR_INVALID_JSON` or `SGR_ERROR_DOCUMENT` for `{"error": ...}`.
pub(super) fn document_code(document: &str) -> sgr_result {
    // The JSON face writes compact JSON, and an error document is the object
    // with the one key "error"; an answer never starts with that key. So a
    // prefix test tells them apart without parsing a whole answer (the
    // boundary's cost stays a few per cent), and only an error document is
    // parsed, to read its code.
    if !document.starts_with(r#"{"error":"#) {
        return sgr_result::SGR_OK;
    }
    let code = serde_json::from_str::<serde_json::Value>(document)
        .ok()
        .and_then(|error| error["error"]["code"].as_str().map(str::to_owned));
    match code.as_deref() {
        Some("invalid_json") => sgr_result::SGR_INVALID_JSON,
        _ => sgr_result::SGR_ERROR_DOCUMENT,
    }
}

/// Evaluates a case given as JSON (CONTRACT section 3, `docs/json.md`),
/// returning the same document as the Rust function `evaluate_json`.
///
/// `request_json` is a NUL-terminated UTF-8 string such as
/// `{"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
/// "events": [...]}`. It is only read, and not kept after the call returns.
///
/// Writes a newly allocated, NUL-terminated UTF-8 JSON document to
/// `*response_json_out` when the result is:
/// - `SGR_OK`: the response (status, stage, deadlines, obligations, ...);
/// - `SGR_INVALID_JSON`: `{"error": {"code": "invalid_json", ...}}`, saying
///   where the request stops being JSON;
/// - `SGR_ERROR_DOCUMENT`: `{"error": {"code": ..., "message": ...,
///   "event_index": ...}}`, saying why the request was refused.
///
/// The caller owns that document and must free it, once, with
/// `sgr_string_free` (not `free`). On any other code (`SGR_NULL_POINTER`
/// when `request_json` is NULL, `SGR_INVALID_UTF8`, `SGR_PANIC`)
/// `*response_json_out` is set to NULL, whatever it held before, and there
/// is nothing to free; so a `char *` reused across calls is never freed
/// twice. (When `response_json_out` itself is NULL, the result is
/// `SGR_NULL_POINTER` and nothing is written.) Simplest: always pass the
/// output to `sgr_string_free` after the call, whatever the code.
///
/// # Safety
///
/// `request_json` is NULL or points to a NUL-terminated string that is not
/// modified during the call. `response_json_out` is NULL or valid for
/// writing one `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_evaluate(
    request_json: *const c_char,
    response_json_out: *mut *mut c_char,
) -> sgr_result {
    boundary::catch(|| {
        // SAFETY: the caller promises `response_json_out` is NULL (refused)
        // or valid for writing a char *; it is cleared to NULL first.
        let out = unsafe { output(response_json_out, std::ptr::null_mut()) }?;
        // SAFETY: the caller promises `request_json` is NULL (refused) or a
        // NUL-terminated string left unchanged for the call, which is as
        // long as the borrow lasts.
        let request = unsafe { read_str(request_json) }?;
        let document = evaluate_json(request);
        // SAFETY: the caller promises `response_json_out` is valid for
        // writing a char *, and it is not NULL.
        unsafe { hand_over(out, document) }
    })
}

/// A built-in escalation policy as its definition document (CONTRACT
/// section 7): the same document as the Rust function
/// `policy_definition_json`. Evaluating any request with that document in
/// place of the policy's id gives the same response, byte for byte.
///
/// `policy_id` is a NUL-terminated UTF-8 id such as
/// `swindon-resolution-2026`. Writes a newly allocated document to
/// `*definition_json_out` when the result is `SGR_OK` (the definition) or
/// `SGR_ERROR_DOCUMENT` (`{"error": {"code": "unknown_policy", ...}}`),
/// owned by the caller and freed with `sgr_string_free`. On any other code
/// (`SGR_NULL_POINTER`, `SGR_INVALID_UTF8`, `SGR_PANIC`)
/// `*definition_json_out` is set to NULL (unless it is NULL itself).
///
/// # Safety
///
/// `policy_id` is NULL or points to a NUL-terminated string not modified
/// during the call; `definition_json_out` is NULL or valid for writing one
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_policy_definition(
    policy_id: *const c_char,
    definition_json_out: *mut *mut c_char,
) -> sgr_result {
    boundary::catch(|| {
        // SAFETY: the caller promises `definition_json_out` is NULL
        // (refused) or valid for writing a char *; it is cleared first.
        let out = unsafe { output(definition_json_out, std::ptr::null_mut()) }?;
        // SAFETY: the caller promises `policy_id` is NULL (refused) or a
        // NUL-terminated string unchanged for the call.
        let id = unsafe { read_str(policy_id) }?;
        let document = safeguarding_resolution::policy_definition_json(id);
        // SAFETY: `out` is the caller's valid place for a char *.
        unsafe { hand_over(out, document) }
    })
}

/// Validates a form given as JSON (CONTRACT section 5, `docs/forms/`),
/// returning the same document as the Rust function `validate_json`.
///
/// `request_json` is a NUL-terminated UTF-8 string, `{"form": "<form id>",
/// "data": {...}}`, with form ids `gscp-resolution-group-referral`,
/// `swindon-resolution-form` and `nsscp-recording-form`. It is only read,
/// and not kept after the call returns.
///
/// Writes a newly allocated, NUL-terminated UTF-8 JSON document to
/// `*response_json_out` when the result is:
/// - `SGR_OK`: `{"valid": bool, "problems": [{"field", "code",
///   "message"}]}`, every problem of the form at once. A form with problems
///   is still `SGR_OK`: the validation itself succeeded; read `valid`.
/// - `SGR_INVALID_JSON`: `{"error": {"code": "invalid_json", ...}}`;
/// - `SGR_ERROR_DOCUMENT`: `{"error": {...}}` when the request cannot be
///   read as a validation request (an unknown form id, a missing `data`).
///
/// The caller owns that document and must free it, once, with
/// `sgr_string_free` (not `free`). On any other code (`SGR_NULL_POINTER`,
/// `SGR_INVALID_UTF8`, `SGR_PANIC`) `*response_json_out` is set to NULL
/// (unless `response_json_out` itself is NULL), and there is nothing to
/// free.
///
/// # Safety
///
/// As `sgr_evaluate`: `request_json` is NULL or points to a NUL-terminated
/// string that is not modified during the call; `response_json_out` is NULL
/// or valid for writing one `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_validate(
    request_json: *const c_char,
    response_json_out: *mut *mut c_char,
) -> sgr_result {
    boundary::catch(|| {
        // SAFETY: the caller promises `response_json_out` is NULL (refused)
        // or valid for writing a char *; it is cleared to NULL first.
        let out = unsafe { output(response_json_out, std::ptr::null_mut()) }?;
        // SAFETY: the caller promises `request_json` is NULL (refused) or a
        // NUL-terminated string left unchanged for the call, which is as
        // long as the borrow lasts.
        let request = unsafe { read_str(request_json) }?;
        let document = validate_json(request);
        // SAFETY: the caller promises `response_json_out` is valid for
        // writing a char *, and it is not NULL.
        unsafe { hand_over(out, document) }
    })
}

/// Frees a string that `sgr_evaluate` or `sgr_validate` returned. NULL is
/// allowed and does nothing.
///
/// # Safety
///
/// `s` is NULL, or a pointer this library returned as an owned string that
/// has not been freed yet. It is invalid after the call. Never pass a static
/// string (`sgr_version`, `sgr_result_message`, ...) or memory from
/// `malloc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    boundary::catch_or((), || {
        // SAFETY: the caller promises `s` came from `CString::into_raw` in
        // this library (every owned string it returns does) and has not been
        // freed, so ownership returns here exactly once.
        drop(unsafe { CString::from_raw(s) });
    });
}
