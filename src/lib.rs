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
//! # The C interface
//!
//! [`ffi`] exposes the calendar and the JSON face to C (and through C to any
//! language), declared in `include/safeguarding_resolution.h`; see `docs/ffi.md`.
#![deny(missing_docs)]
#![deny(unsafe_code)]
#![deny(rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]

pub mod calendar;
pub mod engine;
pub mod ffi;
pub mod forms;
mod json;
pub mod limits;
mod place;
pub mod policy;
pub mod resolution_group;
pub mod serious_incident;

pub use engine::Engine;
pub use json::{evaluate_json, validate_json};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
