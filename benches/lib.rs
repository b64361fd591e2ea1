//! What the benches share: the typical case of `evaluate.rs` and `ffi.rs`,
//! as typed events and as the JSON request for the same events, and the C
//! library's code for `ffi.rs`.

use chrono::{Duration, NaiveDate};
use safeguarding_resolution::policy::{Event, Raised};

// The C library (`sgr_*`), compiled from the `ffi/` package's source (its
// own documentation is the module's). That package builds only a cdylib
// and a staticlib (an rlib would collide with the Rust crate's, whose
// library name it shares), so no Rust target can link it; `ffi.rs`
// measures the same code, on the same `safeguarding_resolution` dependency
// and with the bench profile, through this module. Compiled here rather
// than in the bench itself because this library is never built with
// `cfg(test)`, which would bring in the C library's unit tests.
// (`sgr_version` alone answers this package's version here, not the C
// library's.)
#[path = "../ffi/src/lib.rs"]
pub mod ffi;

/// A date, for the benches' fixed inputs.
pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// A Swindon case run to stage 4 with its records, then resolved: eight
/// events from `start`.
pub fn typical(start: NaiveDate) -> Vec<Event> {
    let at = |d: i64| start + Duration::days(d);
    vec![
        Event::raised(at(0), Raised::new()),
        Event::escalated(at(2)),
        Event::recorded(at(3), "email_record"),
        Event::escalated(at(7)),
        Event::recorded(at(8), "email_copied_to_partnership"),
        Event::escalated(at(14)),
        Event::recorded(at(15), "email_copied_to_partnership"),
        Event::resolved(at(16)),
    ]
}

/// [`typical`] from Monday 1 February 2027, as an `evaluate_json` request
/// as of 20 February.
pub const TYPICAL_JSON: &str = r#"{
  "policy": "swindon-resolution-2026",
  "calendar": "england-and-wales",
  "as_of": "2027-02-20",
  "events": [
    {"type": "raised", "on": "2027-02-01"},
    {"type": "escalated", "on": "2027-02-03"},
    {"type": "recorded", "on": "2027-02-04", "record": "email_record"},
    {"type": "escalated", "on": "2027-02-08"},
    {"type": "recorded", "on": "2027-02-09", "record": "email_copied_to_partnership"},
    {"type": "escalated", "on": "2027-02-15"},
    {"type": "recorded", "on": "2027-02-16", "record": "email_copied_to_partnership"},
    {"type": "resolved", "on": "2027-02-17"}
  ]
}"#;
