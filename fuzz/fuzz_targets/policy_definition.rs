//! `evaluate_json` with a policy definition given inline: a fixture's
//! request with its policy's document, both broken by the input (or, for an
//! input starting with `{`, the input as the definition's text, in a
//! request whose events visit its stages: the seed corpus holds the
//! built-in and illustrative documents, so libFuzzer's own mutations reach
//! definitions that load and run). The answer
//! keeps every rule of `evaluate_json`'s (`invariants::evaluate_checked`),
//! a refused definition lists its problems, and no message repeats the
//! marker put in a value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safeguarding_resolution_fuzz::{as_text, expect, expect_no_marker, inline_requests, invariants, mutated_request, with_definition};

fuzz_target!(|data: &[u8]| {
    let (request, marked) = match as_text(data) {
        Some(definition) => (with_definition(&definition), false),
        None => mutated_request(inline_requests(), data),
    };
    let response = expect(invariants::evaluate_checked(&request), &request);
    if response.contains("\"invalid_policy\"") {
        let document: serde_json::Value = serde_json::from_str(&response).unwrap_or_default();
        assert!(
            document["error"]["problems"].as_array().is_some_and(|p| !p.is_empty()),
            "a refused definition without its problems: {response}\nrequest: {request}"
        );
    }
    expect_no_marker(&response, &request, marked);
});
