//! A kit for policy authors (feature `testing`): event logs generated for
//! any policy, and the laws every policy keeps, to call from an author's
//! own test suite.
//!
//! [`strategies`] has [proptest](https://docs.rs/proptest) strategies that
//! generate valid event logs of a policy (each event one the policy allows
//! at that point) and arbitrary ones (any event, any date, in any order).
//! [`laws`] has one checker per law; [`check_laws`] runs them all on
//! generated logs and reports the smallest log that breaks one.
//! [`scenario`] reads an author's own cases, requests with the values
//! their answers should hold, checks them and prints an answer as a
//! timeline; [`check_policy`] runs all of it on a definition and its
//! scenarios, as `cargo run --example check_policy` does.
//!
//! The laws:
//!
//! - every stage before the last has a way on (escalation or a decision),
//!   and every stage can be reached;
//! - every `by_end_of` deadline counted in working days is a working day,
//!   on or after the day its stage started;
//! - replaying a log gives the same status every time;
//! - moving `as_of` later never makes a case less overdue;
//! - no log, however wrong, makes the evaluation panic: it is answered or
//!   refused;
//! - the definition survives a round trip through its document and serde;
//! - the definition an engine holds reads back as a document an engine
//!   accepts again (added, or given inline).
//!
//! # Example
//!
//! An author's test, in a few lines:
//!
//! ```
//! use safeguarding_resolution::calendar::{Calendar, Division};
//! use safeguarding_resolution::policy::Policy;
//! use safeguarding_resolution::testing;
//!
//! let policy = Policy::from_definition_json(r#"{
//!     "id": "example-borough-2026",
//!     "name": "Example Borough Escalation Policy 2026",
//!     "stages": [
//!         {"number": 1, "name": "Practitioners", "clock": {"kind": "hours_after_start", "hours": 48}},
//!         {"number": 2, "name": "Line managers", "clock": {"kind": "working_days_after_start", "days": 5}},
//!         {"number": 3, "name": "Independent chair", "clock": {"kind": "not_stated"}}
//!     ],
//!     "skips": [{"to": [3], "requires_immediate_risk": true}]
//! }"#)?;
//! let report = testing::check_laws(&policy, Calendar::uk(Division::EnglandAndWales), 64)?;
//! assert_eq!(report.valid_logs, 64);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod checker;
pub mod laws;
pub mod scenario;
pub mod strategies;

pub use checker::{PolicyCheck, check_policy};

use std::fmt;

use chrono::NaiveDate;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};
use serde_json::{Value, json};

use crate::calendar::Calendar;
use crate::policy::{Area, Event, EventKind, Policy, When};

/// An event log and the date to evaluate it at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Log {
    /// The events, in the order they happened (for a generated arbitrary
    /// log, in any order).
    pub events: Vec<Event>,
    /// The date of evaluation.
    pub as_of: NaiveDate,
}

impl Log {
    /// The log as the events and `as_of` of an `evaluate_json` request (the
    /// policy left to the caller), for a failure report or a scenario file.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::policy::{Event, Raised};
    /// use safeguarding_resolution::testing::Log;
    ///
    /// let day = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    /// let log = Log { events: vec![Event::raised(day, Raised::new())], as_of: day };
    /// assert_eq!(log.to_json()["events"][0]["type"], "raised");
    /// ```
    pub fn to_json(&self) -> Value {
        json!({
            "as_of": self.as_of.to_string(),
            "events": self.events.iter().map(event_json).collect::<Vec<_>>(),
        })
    }
}

/// An event as the contract's JSON (the generated logs carry no free
/// text).
fn event_json(event: &Event) -> Value {
    let mut object = serde_json::Map::new();
    object.insert("type".into(), event.event_type().as_str().into());
    let on = match event.on {
        When::Date(date) => date.to_string(),
        When::DateTime(at) => at.format("%Y-%m-%dT%H:%M").to_string(),
    };
    object.insert("on".into(), on.into());
    match &event.kind {
        EventKind::Raised(raised) => {
            if let Some(Area::Listed(id)) = &raised.area {
                object.insert("area".into(), id.as_str().into());
            }
            for (key, set) in [
                ("immediate_risk", raised.immediate_risk),
                ("about_employee_conduct", raised.about_employee_conduct),
                (
                    "employee_works_with_children",
                    raised.employee_works_with_children,
                ),
                (
                    "child_protection_conference_decision",
                    raised.child_protection_conference_decision,
                ),
                (
                    "dissent_process_exhausted",
                    raised.dissent_process_exhausted,
                ),
            ] {
                if set {
                    object.insert(key.into(), true.into());
                }
            }
            if let Some(priority) = &raised.priority {
                object.insert("priority".into(), priority.as_str().into());
            }
        }
        EventKind::Escalated {
            to_stage, priority, ..
        } => {
            if let Some(n) = to_stage {
                object.insert("to_stage".into(), (*n).into());
            }
            if let Some(priority) = priority {
                object.insert("priority".into(), priority.as_str().into());
            }
        }
        EventKind::TimescaleSet {
            due,
            stage,
            obligation,
        } => {
            object.insert("due".into(), due.to_string().into());
            if let Some(n) = stage {
                object.insert("stage".into(), (*n).into());
            }
            if let Some(id) = obligation {
                object.insert("obligation".into(), id.as_str().into());
            }
        }
        EventKind::Recorded { record, stage } => {
            if let Some(record) = record {
                object.insert("record".into(), record.as_str().into());
            }
            if let Some(n) = stage {
                object.insert("stage".into(), (*n).into());
            }
        }
        _ => {}
    }
    Value::Object(object)
}

/// A law a policy broke, and the smallest log found that shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LawBroken {
    /// The law, in words.
    pub law: &'static str,
    /// What happened.
    pub detail: String,
    /// The log, when the law is about one.
    pub log: Option<Log>,
}

impl fmt::Display for LawBroken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "law broken: {}: {}", self.law, self.detail)?;
        if let Some(log) = &self.log {
            write!(f, "; the log: {}", log.to_json())?;
        }
        Ok(())
    }
}

impl std::error::Error for LawBroken {}

/// What [`check_laws`] ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// Valid logs generated and checked against every law.
    pub valid_logs: u32,
    /// Arbitrary logs generated and evaluated without a panic.
    pub arbitrary_logs: u32,
}

/// Runs every law on `cases` generated valid logs and as many arbitrary
/// ones, on `calendar`. Deterministic: the same policy and number of cases
/// give the same logs.
///
/// # Errors
///
/// The first law broken ([`LawBroken`]), with the smallest log that
/// breaks it.
pub fn check_laws(policy: &Policy, calendar: &Calendar, cases: u32) -> Result<Report, LawBroken> {
    laws::every_stage_has_a_way_on(policy)?;
    laws::definition_round_trips(policy)?;
    laws::definition_reads_back(policy)?;
    let config = Config {
        cases,
        failure_persistence: None,
        rng_algorithm: proptest::test_runner::RngAlgorithm::ChaCha,
        ..Config::default()
    };
    let run = |strategy: proptest::strategy::BoxedStrategy<Log>,
               check: &dyn Fn(&Log) -> Result<(), LawBroken>|
     -> Result<(), LawBroken> {
        let mut runner = TestRunner::new_with_rng(
            config.clone(),
            proptest::test_runner::TestRng::deterministic_rng(config.rng_algorithm),
        );
        let broken = std::cell::RefCell::new(None);
        let result = runner.run(&strategy, |log| {
            check(&log).map_err(|law| {
                let reason = law.to_string();
                *broken.borrow_mut() = Some(law);
                TestCaseError::fail(reason)
            })
        });
        match result {
            Ok(()) => Ok(()),
            Err(TestError::Fail(_, log)) => {
                // The last failure seen is the shrunk log's.
                let law = check(&log).err().or_else(|| broken.borrow_mut().take());
                Err(law.unwrap_or(LawBroken {
                    law: "a law",
                    detail: "broken".to_string(),
                    log: Some(log),
                }))
            }
            Err(TestError::Abort(reason)) => Err(LawBroken {
                law: "logs can be generated",
                detail: reason.to_string(),
                log: None,
            }),
        }
    };
    let owned = policy.clone();
    let calendar_owned = calendar.clone();
    run(
        strategies::valid_log(owned.clone(), calendar_owned.clone()).boxed(),
        &|log| laws::all(policy, calendar, log),
    )?;
    run(strategies::any_log(owned).boxed(), &|log| {
        laws::evaluation_never_panics(policy, calendar, log)
    })?;
    Ok(Report {
        valid_logs: cases,
        arbitrary_logs: cases,
    })
}

use proptest::strategy::Strategy as _;
