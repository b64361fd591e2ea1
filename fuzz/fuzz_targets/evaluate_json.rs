//! `evaluate_json` on requests built from the fixtures and broken by the
//! input (or, for an input starting with `{`, on the input as text): the
//! answer is JSON, an error of a documented code or the documented
//! response, deterministic, and every working-day deadline in it falls on
//! a working day it counts correctly to.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safeguarding_resolution_fuzz::{as_text, expect, expect_no_marker, invariants, mutated_request, requests};

fuzz_target!(|data: &[u8]| {
    let (request, marked) = match as_text(data) {
        Some(text) => (text, false),
        None => mutated_request(requests(), data),
    };
    let response = expect(invariants::evaluate_checked(&request), &request);
    expect_no_marker(&response, &request, marked);
});
