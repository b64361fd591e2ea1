//! Escalation policies of English safeguarding partnerships, as code that
//! case-management systems embed.
//!
//! When professionals from different agencies disagree about a child's
//! safety, each local Safeguarding Partnership has a written escalation
//! policy: named stages, each with a deadline in working days, records to keep
//! and people to copy. This crate turns those policies into data and pure
//! functions: callers pass the events of a case and "today", and get back
//! status, deadlines and obligations.
//!
//! The crate does no I/O at all: no clock, files, network, environment or
//! logging. "Today" is always an argument.
//!
//! # The working-day calendar
//!
//! Every deadline is counted in working days on a UK calendar
//! ([`calendar::Calendar`]): Monday to Friday, less the bank holidays of a
//! division of the UK. The bank holidays are embedded (GOV.UK's published
//! list, projected by statute beyond it) and can be replaced at runtime with
//! a newer GOV.UK document.
//!
//! ```
//! use chrono::NaiveDate;
//! use safeguarding_resolution::calendar::{Calendar, Division};
//!
//! let calendar = Calendar::uk(Division::EnglandAndWales);
//! let raised = NaiveDate::from_ymd_opt(2026, 12, 21).unwrap();
//! // "Within 2 working days of Monday 21 December 2026":
//! let due = calendar.add_working_days(raised, 2)?;
//! assert_eq!(due, NaiveDate::from_ymd_opt(2026, 12, 23).unwrap());
//! // Five working days later the Christmas bank holidays are skipped.
//! let due = calendar.add_working_days(raised, 5)?;
//! assert_eq!(due, NaiveDate::from_ymd_opt(2026, 12, 30).unwrap());
//! # Ok::<(), safeguarding_resolution::calendar::Error>(())
//! ```
//!
//! # Evaluating a case
//!
//! A case is its events, kept by the caller as they happen (in its own
//! database, as the contract's JSON, which [`policy::Event`] reads and
//! writes with serde); the status is never stored, only worked out again
//! from the events and the day:
//!
//! ```
//! use chrono::NaiveDate;
//! use safeguarding_resolution::calendar::{Calendar, Division};
//! use safeguarding_resolution::policy::{CaseState, Event, Policy, PolicyId};
//!
//! let day = |d| NaiveDate::from_ymd_opt(2027, 1, d).unwrap();
//! // The events as stored: a disagreement raised under Swindon's policy on
//! // Monday 4 January 2027.
//! let stored = r#"[{"type": "raised", "on": "2027-01-04"}]"#;
//! let events: Vec<Event> = serde_json::from_str(stored)?;
//! let policy = Policy::get(PolicyId::SwindonResolution2026);
//! let calendar = Calendar::uk(Division::EnglandAndWales);
//!
//! // On Friday 8 January: stage 1 (the internal discussion, "within two
//! // working days") was due on Wednesday 6 and is two working days late.
//! let status = policy.evaluate(calendar, &events, day(8))?;
//! assert_eq!(status.state, CaseState::Open);
//! let stage = status.stage.as_ref().unwrap();
//! assert_eq!((stage.number, stage.due.date()), (1, Some(day(6))));
//! assert_eq!((status.overdue, status.working_days_overdue), (true, 2));
//! // What is owed now, each duty with its deadline and its sentence.
//! for duty in status.pending_obligations() {
//!     assert!(!duty.clause.text.is_empty());
//! }
//! // The contract's response document, for a client that speaks JSON: the
//! // same text `evaluate_json` answers.
//! let response = status.to_json(calendar);
//! assert!(response.contains("\"working_days_overdue\":2"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The same through JSON, for services in any language:
//! [`evaluate_json`] (CONTRACT section 3, `docs/json.md`), the Resolution
//! Group's referrals ([`resolution_group`]), serious incidents
//! ([`serious_incident`]) and forms ([`validate_json`]). An [`Engine`]
//! answers the same requests on bank holidays and policies loaded at
//! runtime. Whatever a request holds, the answer is bounded by [`limits`]
//! and never repeats a value sent (`docs/bad-inputs.md`).
//!
//! # Any partnership's policy
//!
//! The built-in policies are documents (`data/policies/`), and any other
//! partnership's is one too ([`policy::Policy::from_definition_json`],
//! `docs/policy-format.md`): loaded, it runs on the same engine. The
//! `testing` feature has the laws every policy keeps and generators of
//! event logs, for a policy author's own tests.
//!
//! ```
//! use safeguarding_resolution::Engine;
//!
//! let engine = Engine::new();
//! engine.add_policy_json(r#"{"id": "example-borough-2026", "name": "Example Borough",
//!     "stages": [{"number": 1, "name": "Practitioners", "clock": {"kind": "hours_after_start", "hours": 48}},
//!                {"number": 2, "name": "Independent chair", "clock": {"kind": "not_stated"}}]}"#)?;
//! let response = engine.evaluate_json(r#"{"policy": "example-borough-2026", "as_of": "2027-01-04",
//!     "events": [{"type": "raised", "on": "2027-01-04T09:30"}]}"#);
//! // 48 hours from 09:30 on Monday 4 January 2027.
//! assert!(response.contains(r#""datetime":"2027-01-06T09:30""#));
//! # Ok::<(), safeguarding_resolution::policy::DefinitionError>(())
//! ```
//!
//! # The C interface
//!
//! The calendar, the JSON face and the engine reach C (and through C any
//! language) through the C library `libsafeguarding_resolution`, declared
//! in `include/safeguarding_resolution.h`: a package of its own in the
//! repository (`ffi/`, see `docs/ffi.md`), built on this crate's public API
//! and holding all the project's unsafe code. This crate is a plain Rust
//! library without unsafe code; depending on it builds no C library.
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![deny(rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]

pub mod calendar;
mod door;
pub mod engine;
pub mod forms;
mod json;
pub mod limits;
mod names;
mod place;
pub mod policy;
pub mod resolution_group;
pub mod serious_incident;
mod terms;
#[cfg(feature = "testing")]
pub mod testing;

pub use engine::{Engine, evaluate_json, policy_definition_json, sweep_json, validate_json};
pub use json::{
    ItemDocument, StatusDocument, SweepDocument, error_document, request_too_large_document,
    sweep_too_large_document,
};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
