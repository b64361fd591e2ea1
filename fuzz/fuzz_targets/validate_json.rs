//! `validate_json` on form requests built from `fixtures/forms/` and broken
//! by the input (or, for an input starting with `{`, on the input as text):
//! the answer is JSON, an error of a documented code or `{"valid",
//! "problems"}` with documented problem codes, and deterministic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safeguarding_resolution_fuzz::{as_text, expect, expect_no_marker, forms, invariants, mutated_request};

fuzz_target!(|data: &[u8]| {
    let (request, marked) = match as_text(data) {
        Some(text) => (text, false),
        None => mutated_request(forms(), data),
    };
    let response = expect(invariants::validate_checked(&request), &request);
    expect_no_marker(&response, &request, marked);
});
