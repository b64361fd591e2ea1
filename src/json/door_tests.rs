//! The door as the JSON face meets it: each refusal's code and message.

use super::parse;
use crate::limits::{MAX_DEPTH, MAX_REQUEST_BYTES, MAX_STRING_BYTES};

fn refused(request: &str) -> (&'static str, String) {
    let error = parse(request).unwrap_err();
    (error.code, error.message)
}

#[test]
fn a_key_given_twice_is_refused_without_naming_it() {
    let (code, message) = refused(r#"{"policy": "a", "policy": "b"}"#);
    assert_eq!(code, "invalid_json");
    assert!(message.contains("a key is given twice"), "{message}");
    assert!(!message.contains("policy"), "{message}");
}

#[test]
fn limits_are_named_never_the_value() {
    let long = "Jane Doe ".repeat(MAX_STRING_BYTES / 9 + 1);
    let (code, message) = refused(&format!(r#"{{"events": [{{"reason": "{long}"}}]}}"#));
    assert_eq!(code, "limit_exceeded");
    assert_eq!(
        message,
        "events[0].reason: more than the limit of 65536 bytes in a string (limits::MAX_STRING_BYTES)"
    );
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    let (code, message) = refused(&deep);
    assert_eq!(code, "limit_exceeded");
    assert!(message.contains("MAX_DEPTH"), "{message}");
    assert!(
        parse(&format!(
            "{}{}",
            "[".repeat(MAX_DEPTH),
            "]".repeat(MAX_DEPTH)
        ))
        .is_ok()
    );
    let huge = " ".repeat(MAX_REQUEST_BYTES + 1);
    assert_eq!(code_of(&huge), "limit_exceeded");
}

fn code_of(request: &str) -> &'static str {
    parse(request).unwrap_err().code
}

#[test]
fn syntax_errors_never_quote_the_text() {
    let (code, message) = refused(r#"{"name": "Jane Doe" "dob": 1}"#);
    assert_eq!(code, "invalid_json");
    assert!(
        !message.contains("Jane") && !message.contains("dob"),
        "{message}"
    );
}
