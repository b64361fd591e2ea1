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
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};
use serde_json::{Value, json};

use crate::calendar::Calendar;
use crate::policy::{Event, Policy};

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

/// An event as the contract's JSON: the event's own serialization, as a
/// stored log writes it (the generated logs carry no free text).
fn event_json(event: &Event) -> Value {
    serde_json::to_value(event).unwrap_or(Value::Null)
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
    let rng = || TestRng::deterministic_rng(RngAlgorithm::ChaCha);
    run_logs(policy, calendar, cases, &rng, u32::MAX)?;
    Ok(Report {
        valid_logs: cases,
        arbitrary_logs: cases,
    })
}

/// The laws about logs on `cases` valid logs, then as many arbitrary ones,
/// each run drawing from a generator made by `rng`; at most `shrinks`
/// steps to make a failing log smaller.
fn run_logs(
    policy: &Policy,
    calendar: &Calendar,
    cases: u32,
    rng: &dyn Fn() -> TestRng,
    shrinks: u32,
) -> Result<(), LawBroken> {
    let config = Config {
        cases,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::ChaCha,
        max_shrink_iters: shrinks,
        ..Config::default()
    };
    let run = |strategy: proptest::strategy::BoxedStrategy<Log>,
               check: &dyn Fn(&Log) -> Result<(), LawBroken>|
     -> Result<(), LawBroken> {
        let mut runner = TestRunner::new_with_rng(config.clone(), rng());
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
        strategies::valid_log(owned.clone(), calendar_owned).boxed(),
        &|log| laws::all(policy, calendar, log),
    )?;
    run(strategies::any_log(owned).boxed(), &|log| {
        laws::evaluation_never_panics(policy, calendar, log)
    })
}

/// The laws run batch by batch from a seed, for a host that bounds the
/// time they take: it runs a batch, looks at its own clock, and runs
/// another or stops (the library has no clock). The logs of each batch
/// come from the seed and the batch's number, so the same seed and the
/// same batch sizes give the same logs and the same outcome on every
/// machine.
///
/// The laws about the policy itself (every stage reachable, the round
/// trip of its definition) are checked with the first batch; once a law
/// is broken, further batches do nothing.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{Policy, PolicyId};
/// use safeguarding_resolution::testing::LawRun;
///
/// let policy = Policy::get(PolicyId::SwindonResolution2026).clone();
/// let mut run = LawRun::new(policy, Calendar::uk(Division::EnglandAndWales).clone(), 7);
/// // A host bounds the run by cases (and by its own clock, between batches).
/// while run.valid_logs() < 64 && run.run_batch(16) {}
/// let outcome = run.outcome();
/// assert!(outcome.kept);
/// assert_eq!((outcome.valid_logs, outcome.batches), (64, 4));
/// assert_eq!(serde_json::to_value(&outcome)?["counterexample"], serde_json::Value::Null);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct LawRun {
    policy: Policy,
    calendar: Calendar,
    seed: u64,
    batches: u32,
    valid_logs: u32,
    arbitrary_logs: u32,
    broken: Option<LawBroken>,
}

/// Shrinking steps a batch of [`LawRun`] may take to make a
/// counterexample smaller: enough for the logs generated (a few dozen
/// events), while one batch stays short.
const BATCH_SHRINKS: u32 = 512;

impl LawRun {
    /// A run of the laws over `policy` on `calendar`, its logs drawn from
    /// `seed`; nothing runs until [`LawRun::run_batch`].
    pub fn new(policy: Policy, calendar: Calendar, seed: u64) -> LawRun {
        LawRun {
            policy,
            calendar,
            seed,
            batches: 0,
            valid_logs: 0,
            arbitrary_logs: 0,
            broken: None,
        }
    }

    /// Runs the next batch: `cases` valid logs against every law, then
    /// `cases` arbitrary ones that must not make the evaluation panic (the
    /// first batch checks the laws about the policy itself first). Returns
    /// true while every law holds; after a law is broken, runs nothing and
    /// returns false.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::Policy;
    /// use safeguarding_resolution::testing::LawRun;
    ///
    /// let policy = Policy::from_definition_json(r#"{"id": "example-borough-2026", "name": "Example",
    ///     "stages": [
    ///         {"number": 1, "name": "Practitioners", "clock": {"kind": "working_days_after_raised", "days": 2}},
    ///         {"number": 2, "name": "Independent chair", "clock": {"kind": "not_stated"}}]}"#)?;
    /// let mut run = LawRun::new(policy, Calendar::uk(Division::EnglandAndWales).clone(), 1);
    /// assert!(run.run_batch(8) && run.run_batch(8));
    /// assert_eq!((run.batches(), run.valid_logs()), (2, 16));
    /// assert!(run.broken().is_none());
    /// # Ok::<(), safeguarding_resolution::policy::DefinitionError>(())
    /// ```
    pub fn run_batch(&mut self, cases: u32) -> bool {
        if self.broken.is_some() {
            return false;
        }
        if self.batches == 0 {
            let structural = laws::every_stage_has_a_way_on(&self.policy)
                .and_then(|()| laws::definition_round_trips(&self.policy))
                .and_then(|()| laws::definition_reads_back(&self.policy));
            if let Err(law) = structural {
                self.broken = Some(law);
                return false;
            }
        }
        let seed = self.batch_seed();
        self.batches += 1;
        let rng = || TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
        match run_logs(&self.policy, &self.calendar, cases, &rng, BATCH_SHRINKS) {
            Ok(()) => {
                self.valid_logs = self.valid_logs.saturating_add(cases);
                self.arbitrary_logs = self.arbitrary_logs.saturating_add(cases);
                true
            }
            Err(law) => {
                self.broken = Some(law);
                false
            }
        }
    }

    /// The 32 bytes the next batch's logs come from: the seed, then the
    /// batch's number.
    fn batch_seed(&self) -> [u8; 32] {
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&self.seed.to_le_bytes());
        bytes[8..12].copy_from_slice(&self.batches.to_le_bytes());
        bytes[12..16].copy_from_slice(b"laws");
        bytes
    }

    /// The valid logs checked so far, in batches that kept every law.
    pub fn valid_logs(&self) -> u32 {
        self.valid_logs
    }

    /// The batches run (the one that broke a law included).
    pub fn batches(&self) -> u32 {
        self.batches
    }

    /// The law broken, if one was, with its counterexample.
    pub fn broken(&self) -> Option<&LawBroken> {
        self.broken.as_ref()
    }

    /// The outcome so far, as data: kept, or the law broken with its log.
    pub fn outcome(&self) -> LawOutcome {
        LawOutcome {
            kept: self.broken.is_none(),
            seed: self.seed,
            batches: self.batches,
            valid_logs: self.valid_logs,
            arbitrary_logs: self.arbitrary_logs,
            counterexample: self.broken.as_ref().map(|broken| Counterexample {
                law: broken.law,
                detail: broken.detail.clone(),
                as_of: broken.log.as_ref().map(|log| log.as_of),
                events: broken
                    .log
                    .as_ref()
                    .map(|log| log.events.iter().map(event_json).collect()),
            }),
        }
    }
}

/// What a [`LawRun`] found, as data (and, through serde, the JSON a host
/// answers with): `{"kept", "seed", "batches", "valid_logs",
/// "arbitrary_logs", "counterexample"}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct LawOutcome {
    /// True when no law was broken by the logs checked.
    pub kept: bool,
    /// The seed the logs came from.
    pub seed: u64,
    /// The batches run.
    pub batches: u32,
    /// Valid logs checked against every law, in batches that kept them.
    pub valid_logs: u32,
    /// Arbitrary logs evaluated without a panic, in batches that kept the
    /// laws.
    pub arbitrary_logs: u32,
    /// The law broken and the case that shows it, or `None`.
    pub counterexample: Option<Counterexample>,
}

/// A law broken, and the case that shows it: events and an `as_of` to
/// put in an `evaluate_json` request (CONTRACT section 3) beside the
/// policy.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Counterexample {
    /// The law, in words.
    pub law: &'static str,
    /// What happened.
    pub detail: String,
    /// The date to evaluate the case at, when the law is about a case.
    pub as_of: Option<NaiveDate>,
    /// The case's events as the contract's JSON, when the law is about a
    /// case (the laws about the policy itself have none).
    pub events: Option<Vec<Value>>,
}

use proptest::strategy::Strategy as _;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Division;
    use crate::policy::{PolicyId, Raised};

    fn run(seed: u64) -> LawRun {
        LawRun::new(
            Policy::get(PolicyId::NsscpIssueResolution2025).clone(),
            Calendar::uk(Division::EnglandAndWales).clone(),
            seed,
        )
    }

    #[test]
    fn each_batch_draws_from_its_own_seed() {
        let (mut a, b) = (run(1), run(2));
        let first = a.batch_seed();
        assert_ne!(first, b.batch_seed());
        assert!(a.run_batch(4));
        assert_ne!(first, a.batch_seed());
        assert_eq!(a.batches(), 1);
        assert_eq!(a.valid_logs(), 4);
    }

    #[test]
    fn the_same_seed_and_batches_give_the_same_outcome() {
        let outcome = |seed| {
            let mut run = run(seed);
            while run.valid_logs() < 24 && run.run_batch(8) {}
            run.outcome()
        };
        let first = outcome(5);
        assert_eq!(first, outcome(5));
        assert!(first.kept);
        assert_eq!(
            (first.batches, first.valid_logs, first.arbitrary_logs),
            (3, 24, 24)
        );
    }

    #[test]
    fn a_broken_law_is_reported_with_its_case_as_the_contract_s_events() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        let mut run = run(9);
        run.broken = Some(LawBroken {
            law: "replay is deterministic",
            detail: "two evaluations of the log differ".into(),
            log: Some(Log {
                events: vec![Event::raised(day, Raised::new()), Event::escalated(day)],
                as_of: day,
            }),
        });
        assert!(!run.run_batch(8));
        assert_eq!(run.batches(), 0);
        let outcome = serde_json::to_value(run.outcome()).unwrap();
        assert_eq!(
            outcome,
            json!({"kept": false, "seed": 9, "batches": 0, "valid_logs": 0, "arbitrary_logs": 0,
                   "counterexample": {"law": "replay is deterministic",
                                      "detail": "two evaluations of the log differ",
                                      "as_of": "2027-01-04",
                                      "events": [{"type": "raised", "on": "2027-01-04"},
                                                 {"type": "escalated", "on": "2027-01-04"}]}})
        );
    }
}
