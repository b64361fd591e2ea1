//! `sgr_evaluate` and `sgr_validate` on arbitrary bytes, as a C caller
//! would pass them: NUL-terminated (an interior NUL ends the string early),
//! valid UTF-8 or not. The code matches the document; the document is what
//! `evaluate_json` / `validate_json` return for the same text and keeps
//! their invariants; on a failure without a document the output is NULL,
//! whatever it held before.
#![no_main]

use std::ffi::{CStr, c_char};

use libfuzzer_sys::fuzz_target;
use safeguarding_resolution_fuzz::ffi::{sgr_evaluate, sgr_result, sgr_string_free, sgr_validate};
use safeguarding_resolution_fuzz::invariants;

type Entry = unsafe extern "C" fn(*const c_char, *mut *mut c_char) -> sgr_result;

/// A non-NULL value no allocation has: it must be overwritten.
fn sentinel() -> *mut c_char {
    std::ptr::dangling_mut::<c_char>().wrapping_add(7)
}

fn call(entry: Entry, request: *const c_char) -> (sgr_result, Option<String>) {
    let mut out = sentinel();
    // SAFETY: `request` is NULL or a NUL-terminated buffer alive for the
    // call; `out` is a valid place for a char *.
    let code = unsafe { entry(request, &mut out) };
    assert!(out != sentinel(), "the output was left as it was ({code:?})");
    if out.is_null() {
        return (code, None);
    }
    // SAFETY: a non-NULL output is a NUL-terminated string the library
    // allocated; it is read, then freed once.
    let text = unsafe { CStr::from_ptr(out) }.to_str().expect("the document is UTF-8").to_owned();
    // SAFETY: as above; freed exactly once.
    unsafe { sgr_string_free(out) };
    (code, Some(text))
}

fn check(entry: Entry, rust: fn(&str) -> String, validate: bool, data: &[u8]) {
    let mut buffer = data.to_vec();
    buffer.push(0);
    let text = CStr::from_bytes_until_nul(&buffer).expect("a NUL was pushed");
    let (code, document) = call(entry, text.as_ptr());
    let Ok(request) = text.to_str() else {
        assert_eq!(code, sgr_result::SGR_INVALID_UTF8);
        assert!(document.is_none(), "a document for text that is not UTF-8");
        return;
    };
    let document = document.unwrap_or_else(|| panic!("no document with {code:?} for {request:?}"));
    let again = call(entry, text.as_ptr());
    assert_eq!(again, (code, Some(document.clone())), "two calls differ");
    assert_eq!(document, rust(request), "the C document differs from the Rust one");
    let checked = if validate {
        invariants::check_validate(request, &document)
    } else {
        invariants::check_evaluate(request, &document)
    };
    if let Err(broken) = checked {
        panic!("{broken}\nrequest: {request:?}");
    }
    let error = serde_json::from_str::<serde_json::Value>(&document).ok().and_then(|d| {
        d.get("error").map(|e| e["code"].as_str().unwrap_or_default().to_owned())
    });
    let expected = match error.as_deref() {
        None => sgr_result::SGR_OK,
        Some("invalid_json") => sgr_result::SGR_INVALID_JSON,
        Some(_) => sgr_result::SGR_ERROR_DOCUMENT,
    };
    assert_eq!(code, expected, "the code does not match the document");
}

fuzz_target!(|data: &[u8]| {
    check(sgr_evaluate, safeguarding_resolution::evaluate_json, false, data);
    check(sgr_validate, safeguarding_resolution::validate_json, true, data);
    for entry in [sgr_evaluate as Entry, sgr_validate as Entry] {
        assert_eq!(call(entry, std::ptr::null()), (sgr_result::SGR_NULL_POINTER, None));
    }
});
