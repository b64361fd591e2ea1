//! The engine over C (CONTRACT section 8): an opaque handle to an
//! [`Engine`], so that a C caller deployed for years can take newer
//! bank-holiday data without a new build of the library.

use std::ffi::c_char;
use std::ptr::{NonNull, null_mut};

use safeguarding_resolution::calendar::ErrorKind;
use safeguarding_resolution::{Engine, error_document};

use super::boundary::{self, output, read_str, write};
use super::json::hand_over;
use super::sgr_result;

/// An engine: the embedded calendars, or bank holidays loaded from a
/// GOV.UK document, and the built-in policies. Opaque: made by
/// `sgr_engine_new`, freed by `sgr_engine_free`.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct sgr_engine {
    engine: Engine,
}

/// Makes an engine on the embedded calendars, running the built-in
/// policies: it answers exactly as `sgr_evaluate` does until holidays are
/// loaded into it.
///
/// On `SGR_OK`, writes the new engine to `*engine_out`; the caller owns it
/// and frees it, once, with `sgr_engine_free`. On any other code
/// (`SGR_NULL_POINTER` when `engine_out` is NULL, `SGR_PANIC`) nothing is
/// made, and `*engine_out` is set to NULL unless `engine_out` is NULL.
///
/// # Safety
///
/// `engine_out` is NULL or valid for writing one `sgr_engine *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_engine_new(engine_out: *mut *mut sgr_engine) -> sgr_result {
    boundary::catch(|| {
        // SAFETY: the caller promises `engine_out` is NULL (refused) or valid
        // for writing a pointer; it is cleared to NULL first.
        let out = unsafe { output(engine_out, null_mut()) }?;
        let engine = Box::new(sgr_engine {
            engine: Engine::new(),
        });
        // SAFETY: as above. The pointer comes from `Box::into_raw`; the
        // caller gives it back through `sgr_engine_free`.
        unsafe { write(out, Box::into_raw(engine)) };
        Ok(())
    })
}

/// Replaces the bank holidays of all three divisions in `engine` with those
/// of a GOV.UK `bank-holidays.json` document (NUL-terminated UTF-8, read
/// during the call only): the years the document spans for a division are
/// official, the others from 1990 to 2100 projected from the statutory
/// rules, as for the embedded data.
///
/// On `SGR_OK` every later evaluation on `engine` counts working days on
/// the new holidays. On `SGR_ERROR_DOCUMENT` the document was refused (not
/// JSON, a division missing, a malformed or impossible date, a holiday
/// listed twice or on a weekend, over 2 MiB): the engine is unchanged, and
/// when `error_json_out` is not NULL it receives `{"error": {"code":
/// "invalid_holidays", "message": "<path>: <problem>"}}`, to free with
/// `sgr_string_free`. The message names the place in the document, never
/// its values. On any other code (`SGR_NULL_POINTER` when `engine` or
/// `govuk_json` is NULL, `SGR_INVALID_UTF8`, `SGR_PANIC`) the engine is
/// unchanged and `*error_json_out`, when not NULL, is set to NULL.
///
/// May run beside any other call on `engine` from any thread (but
/// `sgr_engine_free`): the holidays are replaced whole, and an evaluation
/// running beside the load answers on the old holidays or the new ones,
/// never a mix.
///
/// # Safety
///
/// `engine` is NULL or an engine from `sgr_engine_new`, not freed before
/// the call returns. `govuk_json` is NULL or a
/// NUL-terminated string not modified during the call. `error_json_out` is
/// NULL or valid for writing one `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_engine_load_holidays(
    engine: *mut sgr_engine,
    govuk_json: *const c_char,
    error_json_out: *mut *mut c_char,
) -> sgr_result {
    // SAFETY: passed on from this function's own contract.
    unsafe {
        change(engine, govuk_json, error_json_out, |engine, document| {
            engine.load_holidays(document).map_err(|error| {
                let message = match error.kind() {
                    ErrorKind::InvalidDocument { path, problem } => format!("{path}: {problem}"),
                    _ => error.to_string(),
                };
                error_document("invalid_holidays", &message)
            })
        })
    }
}

/// Adds a policy definition (CONTRACT section 7, `docs/policy-format.md`;
/// NUL-terminated UTF-8, read during the call only) to `engine`: requests
/// on the engine name it thereafter by its `id`. A definition with the id
/// of one added before replaces it; the ids of the library's own policies
/// are refused.
///
/// On `SGR_OK` the policy is added. On `SGR_ERROR_DOCUMENT` the definition
/// was refused: the engine is unchanged, and when `error_json_out` is not
/// NULL it receives `{"error": {"code": "invalid_policy", "message": ...,
/// "problems": [{"path": "stages[2].clock.days", "message": ...}]}}` (every
/// problem at once; `limit_exceeded` for a text over 2 MiB), to free with
/// `sgr_string_free`; a text that is not JSON is refused the same way with
/// `SGR_INVALID_JSON` and an `invalid_json` document. No message
/// repeats a value of the definition. On any other code
/// (`SGR_NULL_POINTER` when `engine` or `definition_json` is NULL,
/// `SGR_INVALID_UTF8`, `SGR_PANIC`) the engine is unchanged and
/// `*error_json_out`, when not NULL, is set to NULL.
///
/// May run beside any other call on `engine` from any thread (but
/// `sgr_engine_free`), as loading holidays may: an evaluation beside it
/// sees the policies before the add or after it.
///
/// # Safety
///
/// `engine` is NULL or an engine from `sgr_engine_new`, not freed before
/// the call returns. `definition_json` is NULL or a
/// NUL-terminated string not modified during the call. `error_json_out` is
/// NULL or valid for writing one `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_engine_add_policy(
    engine: *mut sgr_engine,
    definition_json: *const c_char,
    error_json_out: *mut *mut c_char,
) -> sgr_result {
    // SAFETY: passed on from this function's own contract.
    unsafe {
        change(
            engine,
            definition_json,
            error_json_out,
            |engine, definition| {
                engine
                    .add_policy_json(definition)
                    .map_err(|error| error.to_json())
            },
        )
    }
}

/// The body `sgr_engine_load_holidays` and `sgr_engine_add_policy` share:
/// `apply` changes the engine with the text, or leaves it as it was and
/// gives the error document, handed to `*error_json_out` when given.
///
/// # Safety
///
/// `engine` is NULL or an engine from `sgr_engine_new`, not freed before
/// the call returns. `text` is NULL or a NUL-terminated
/// string not modified during the call. `error_json_out` is NULL or valid
/// for writing one `char *`.
unsafe fn change(
    engine: *mut sgr_engine,
    text: *const c_char,
    error_json_out: *mut *mut c_char,
    apply: impl FnOnce(&Engine, &str) -> Result<(), String>,
) -> sgr_result {
    boundary::catch(|| {
        // Optional: cleared to NULL first when given.
        let out = match NonNull::new(error_json_out) {
            // SAFETY: the caller promises a non-NULL `error_json_out` is
            // valid for writing a char *.
            Some(_) => Some(unsafe { output(error_json_out, null_mut()) }?),
            None => None,
        };
        // SAFETY: the caller promises `engine` is NULL (refused) or a live
        // engine from `sgr_engine_new` not freed during the call. Other
        // calls may use it at once: only a shared borrow is taken (the
        // engine replaces its state atomically behind `&self`).
        let engine = unsafe { engine.as_ref() }.ok_or(sgr_result::SGR_NULL_POINTER)?;
        // SAFETY: the caller promises `text` is NULL (refused) or a
        // NUL-terminated string unchanged for the call.
        let text = unsafe { read_str(text) }?;
        match apply(&engine.engine, text) {
            Ok(()) => Ok(()),
            Err(document) => match out {
                // SAFETY: `out` is the caller's valid place for a char *.
                // hand_over returns the code the error document calls for.
                Some(out) => unsafe { hand_over(out, document) },
                None => Err(super::json::document_code(&document)),
            },
        }
    })
}

/// Evaluates a case given as JSON on the engine's calendars: as
/// `sgr_evaluate` in every respect (the request, the document written to
/// `*response_json_out`, the codes, the ownership), with the bank holidays
/// loaded into `engine`.
///
/// May be called from many threads at once on the same engine, beside
/// `sgr_engine_load_holidays` and `sgr_engine_add_policy` too (but not
/// beside `sgr_engine_free`): it answers on the engine's holidays and
/// policies as they were when it started, whole.
///
/// # Safety
///
/// `engine` is NULL or an engine from `sgr_engine_new`, not freed before
/// the call returns. `request_json` and
/// `response_json_out` as for `sgr_evaluate`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_engine_evaluate(
    engine: *const sgr_engine,
    request_json: *const c_char,
    response_json_out: *mut *mut c_char,
) -> sgr_result {
    // SAFETY: passed on from this function's own contract.
    unsafe {
        answer(
            engine,
            request_json,
            response_json_out,
            Engine::evaluate_json,
        )
    }
}

/// Validates a form given as JSON on the engine's calendars: as
/// `sgr_validate` in every respect, with the bank holidays loaded into
/// `engine`. Threads as for `sgr_engine_evaluate`.
///
/// # Safety
///
/// As `sgr_engine_evaluate`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_engine_validate(
    engine: *const sgr_engine,
    request_json: *const c_char,
    response_json_out: *mut *mut c_char,
) -> sgr_result {
    // SAFETY: passed on from this function's own contract.
    unsafe {
        answer(
            engine,
            request_json,
            response_json_out,
            Engine::validate_json,
        )
    }
}

/// The body `sgr_engine_evaluate` and `sgr_engine_validate` share.
///
/// # Safety
///
/// As `sgr_engine_evaluate`.
unsafe fn answer(
    engine: *const sgr_engine,
    request_json: *const c_char,
    response_json_out: *mut *mut c_char,
    run: fn(&Engine, &str) -> String,
) -> sgr_result {
    boundary::catch(|| {
        // SAFETY: the caller promises `response_json_out` is NULL (refused)
        // or valid for writing a char *; it is cleared to NULL first.
        let out = unsafe { output(response_json_out, null_mut()) }?;
        // SAFETY: the caller promises `engine` is NULL (refused) or a live
        // engine not freed during the call: a shared borrow (loads and
        // adds beside it take shared borrows too).
        let engine = unsafe { engine.as_ref() }.ok_or(sgr_result::SGR_NULL_POINTER)?;
        // SAFETY: the caller promises `request_json` is NULL (refused) or a
        // NUL-terminated string unchanged for the call.
        let request = unsafe { read_str(request_json) }?;
        let document = run(&engine.engine, request);
        // SAFETY: `out` is the caller's valid place for a char *.
        unsafe { hand_over(out, document) }
    })
}

/// Frees an engine from `sgr_engine_new`, with the holidays loaded into it.
/// NULL is allowed and does nothing. Documents the engine handed out are
/// the caller's and stay valid: free them with `sgr_string_free`.
///
/// # Safety
///
/// `engine` is NULL, or an engine from `sgr_engine_new` not yet freed and
/// used by no other call during this one. It is invalid after the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgr_engine_free(engine: *mut sgr_engine) {
    if engine.is_null() {
        return;
    }
    boundary::catch_or((), || {
        // SAFETY: the caller promises `engine` came from `Box::into_raw` in
        // `sgr_engine_new` and has not been freed, so ownership returns
        // here exactly once.
        drop(unsafe { Box::from_raw(engine) });
    });
}
