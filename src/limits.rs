//! The limits on a request, checked at the door before work is done.
//!
//! A case has tens of events, a form a few pages of text and the
//! Resolution Group a meeting a month; each limit leaves a margin of a
//! hundred times or more over real use, and keeps one call's time and
//! memory bounded whatever it is given. A request over a limit is refused
//! with the code `limit_exceeded` and a message that names the limit (its
//! constant and number), never the value found. Every step of a call is
//! linear in the size of its request, and a response stays within a small
//! multiple of it.
//!
//! | limit | applies to |
//! |---|---|
//! | [`MAX_REQUEST_BYTES`] | the text of an `evaluate_json` or `validate_json` request, and a GOV.UK bank-holiday document (checked before parsing) |
//! | [`MAX_EVENTS`] | the events of a request (an escalation case, a referral, a linked escalation case, a serious incident) |
//! | [`MAX_MEETINGS`] | a Resolution Group request's meeting dates |
//! | [`MAX_ACTIONS`] | the agreed actions of a referral, all events together |
//! | [`MAX_STRING_BYTES`] | any one string or object key in a request |
//! | [`MAX_PROBLEMS`] | the problems a validation lists; the last entry says how many more there were |
//! | [`MAX_DEPTH`] | the nesting of arrays and objects in a request |
//! | [`MAX_POLICY_STAGES`] | the stages of a policy definition (and a list of stage numbers in it) |
//! | [`MAX_SWEEP_BYTES`] | the text of a `sweep_json` request (checked before parsing; its cases are otherwise held to the limits above, each as its own request) |
//! | [`MAX_SWEEP_CASES`] | the cases of a `sweep_json` request |
//! | [`MAX_POLICY_ITEMS`] | each list of a policy definition: obligations, records, milestones, skips, redirects, areas |
//!
//! # Example
//!
//! ```
//! use safeguarding_resolution::{evaluate_json, limits};
//!
//! let huge = format!(r#"{{"policy": "{}"}}"#, "x".repeat(limits::MAX_REQUEST_BYTES));
//! let response: serde_json::Value = serde_json::from_str(&evaluate_json(&huge))?;
//! assert_eq!(response["error"]["code"], "limit_exceeded");
//! assert!(response["error"]["message"].as_str().unwrap().contains("MAX_REQUEST_BYTES"));
//! # Ok::<(), serde_json::Error>(())
//! ```

/// The largest request (or GOV.UK document) read, in bytes: 2 MiB.
pub const MAX_REQUEST_BYTES: usize = 2 * 1024 * 1024;

/// The most events in one request: 10,000.
pub const MAX_EVENTS: usize = 10_000;

/// The most meeting dates in one Resolution Group request: 1,000 (a
/// monthly meeting for over eighty years).
pub const MAX_MEETINGS: usize = 1_000;

/// The most agreed actions in one Resolution Group request, all
/// `actions_agreed` events together: 10,000.
pub const MAX_ACTIONS: usize = 10_000;

/// The longest string or object key in a request, in bytes: 64 KiB (some
/// ten thousand words of free text).
pub const MAX_STRING_BYTES: usize = 64 * 1024;

/// The most problems one validation lists: 100. When there are more, the
/// last entry (code `too_many_problems`) says how many were not listed.
pub const MAX_PROBLEMS: usize = 100;

/// The deepest nesting of arrays and objects in a request: 64 (a request
/// needs five).
pub const MAX_DEPTH: usize = 64;

/// The most stages in one policy definition: 64 (the policies seen have
/// four or five).
pub const MAX_POLICY_STAGES: usize = 64;

/// The most items in each list of a policy definition (obligations,
/// records, milestones, skips, redirects, areas): 256 (a built-in policy
/// has at most some twenty).
pub const MAX_POLICY_ITEMS: usize = 256;

/// The largest sweep request read (`sweep_json`, CONTRACT section 10), in
/// bytes: 256 MiB. A team's tray of 100,000 cases of eight events each
/// takes some 60 MB; the limit leaves room for a longer `reason` or
/// `outcome` on every event. Parsed, a request takes some five times its
/// size in memory while it is answered.
pub const MAX_SWEEP_BYTES: usize = 256 * 1024 * 1024;

/// The most cases in one sweep request: 200,000 (twice the 100,000 a
/// large partnership's daily tray might hold).
pub const MAX_SWEEP_CASES: usize = 200_000;
