//! What an evaluation returns: the status of a case at a date.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};

use super::{Area, Clause, EventType, Finality, Text};
use crate::calendar::{Calendar, WorkingDayDeadline};

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseState {
    /// A stage is under way.
    Open,
    /// Agreement was reached.
    Resolved,
    /// The final stage's decision was made.
    Decided,
    /// The concern was withdrawn.
    Withdrawn,
    /// The concern belongs to another process (see [`CaseStatus::redirect`]).
    Redirected,
}

impl CaseState {
    /// The JSON name: `open`, `resolved`, `decided`, `withdrawn`,
    /// `redirected`.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseState::Open => "open",
            CaseState::Resolved => "resolved",
            CaseState::Decided => "decided",
            CaseState::Withdrawn => "withdrawn",
            CaseState::Redirected => "redirected",
        }
    }

    /// Every state, in the contract's order.
    pub const ALL: [CaseState; 5] = [
        CaseState::Open,
        CaseState::Resolved,
        CaseState::Decided,
        CaseState::Withdrawn,
        CaseState::Redirected,
    ];
}

impl std::str::FromStr for CaseState {
    type Err = super::Error;

    /// Parses a state's JSON name (a response's `status`).
    ///
    /// ```
    /// use safeguarding_resolution::policy::CaseState;
    /// assert_eq!("redirected".parse::<CaseState>().unwrap(), CaseState::Redirected);
    /// ```
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::InvalidField`](super::ErrorKind::InvalidField) at
    /// `status` naming the known states, never the text given.
    fn from_str(text: &str) -> Result<CaseState, super::Error> {
        super::parse_named(
            &CaseState::ALL,
            CaseState::as_str,
            text,
            "status",
            "a case state",
        )
    }
}

/// When something is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DueKind {
    /// By the end of this day: the day itself is in time.
    ByEndOf(NaiveDate),
    /// By this time (UK local).
    At(NaiveDateTime),
    /// Immediately.
    Immediately,
    /// Without delay: the policy sets no number of days.
    WithoutDelay,
    /// The policy states no time (JSON `none`).
    NotStated,
}

impl DueKind {
    /// The JSON name of the kind: `by_end_of`, `at`, `immediately`,
    /// `without_delay`, `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            DueKind::ByEndOf(_) => "by_end_of",
            DueKind::At(_) => "at",
            DueKind::Immediately => "immediately",
            DueKind::WithoutDelay => "without_delay",
            DueKind::NotStated => "none",
        }
    }
}

/// A deadline, with the rule it comes from in words.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Due {
    /// When.
    pub kind: DueKind,
    /// The rule, in words that cite the policy.
    pub rule: Text,
    /// For a working-day deadline: the day counted from and the number of
    /// working days.
    pub counted_from: Option<(NaiveDate, u32)>,
}

impl Due {
    /// The day it is due by, for a [`DueKind::ByEndOf`] or [`DueKind::At`]
    /// deadline.
    pub fn date(&self) -> Option<NaiveDate> {
        match self.kind {
            DueKind::ByEndOf(date) => Some(date),
            DueKind::At(at) => Some(at.date()),
            _ => None,
        }
    }

    /// True when the deadline has passed at `as_of`: the due day itself is
    /// in time.
    pub fn is_past(&self, as_of: NaiveDate) -> bool {
        self.date().is_some_and(|date| as_of > date)
    }

    /// The working-day count behind the deadline, with the non-working days
    /// it skipped, on the calendar it was counted on; `Ok(None)` for a
    /// deadline that is not a count of working days.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // Swindon, stage 2 from Wednesday 23 December 2026: "within five
    /// // working days" skips Christmas, Boxing Day's substitute Monday and
    /// // New Year's Day, and falls on Monday 4 January 2027.
    /// let events = [
    ///     Event::raised(day(2026, 12, 21), Raised::new()),
    ///     Event::escalated(day(2026, 12, 23)),
    /// ];
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = Policy::get(PolicyId::SwindonResolution2026)
    ///     .evaluate(calendar, &events, day(2026, 12, 23))?;
    /// let due = &status.stage.as_ref().unwrap().due;
    /// let explained = due.explain(calendar)?.expect("a count of working days");
    /// assert_eq!(explained.from(), day(2026, 12, 23));
    /// assert_eq!((explained.working_days(), explained.due()), (5, day(2027, 1, 4)));
    /// let skips = explained.skipped_bank_holidays();
    /// assert!(skips.contains("Christmas Day") && skips.contains("New Year"), "{skips}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The calendar's error when the count leaves its coverage (not on the
    /// calendar the deadline was counted on, which covered it).
    pub fn explain<'c>(
        &self,
        calendar: &'c Calendar,
    ) -> Result<Option<WorkingDayDeadline<'c>>, crate::calendar::Error> {
        let Some((from, n)) = self.counted_from else {
            return Ok(None);
        };
        calendar.explain_add_working_days(from, n).map(Some)
    }
}

/// The stage a case is at.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StageStatus {
    /// The policy's number for the stage.
    pub number: u8,
    /// The policy's name for the stage.
    pub name: Text,
    /// The day the stage started.
    pub started_on: NaiveDate,
    /// The stage's deadline.
    pub due: Due,
    /// For a stage whose clock is for an act of the stage (see
    /// [`crate::policy::StageRule::clock_met_by`]): the day that act was
    /// recorded. None otherwise, or until it is recorded.
    pub clock_met_on: Option<NaiveDate>,
}

/// A stage a case has been through.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StageRecord {
    /// The policy's number for the stage.
    pub number: u8,
    /// The policy's name for the stage.
    pub name: Text,
    /// The day it started.
    pub started_on: NaiveDate,
    /// The day it ended.
    pub ended_on: NaiveDate,
    /// Its deadline.
    pub due: Due,
    /// The event that ended it.
    pub ended_by: EventType,
    /// Whether it kept its deadline (none when the deadline is not a
    /// date): judged by the day the act its clock is for was recorded, for
    /// a stage whose clock is met by a record, else by the day it ended.
    pub within_time: Option<bool>,
    /// For a stage whose clock is met by a record: the day it was recorded.
    pub clock_met_on: Option<NaiveDate>,
}

/// A milestone counted from the day the disagreement was raised.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MilestoneStatus {
    /// Its name, such as `Day 17`.
    pub name: Text,
    /// What should have happened by then.
    pub what: Text,
    /// When.
    pub due: Due,
    /// The day it was met, if it has been.
    pub met_on: Option<NaiveDate>,
    /// Whether it was met by its due day; none while it is not met.
    pub met_in_time: Option<bool>,
    /// The day the case ended before the milestone was reached (resolved,
    /// decided or withdrawn early): it was not met, and no longer can be.
    pub lapsed_on: Option<NaiveDate>,
    /// Neither met nor lapsed, and past due at the date of evaluation.
    pub overdue: bool,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// A duty the policy puts on someone, and whether it has been done.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ObligationStatus {
    /// The id a `recorded` event names to mark it done.
    pub id: Text,
    /// What is to be done.
    pub what: Text,
    /// The stage it arose at, if any.
    pub stage: Option<u8>,
    /// The day it arose.
    pub arose_on: NaiveDate,
    /// When it is due.
    pub due: Due,
    /// The day it was recorded as done.
    pub done_on: Option<NaiveDate>,
    /// The day it lapsed, not done: the case ended and its purpose (the
    /// process going on) went with it. A lapsed obligation is neither
    /// pending nor overdue, and stays listed for the record.
    pub lapsed_on: Option<NaiveDate>,
    /// Not done, not lapsed, and past due at the date of evaluation.
    pub overdue: bool,
    /// The sentence it comes from.
    pub clause: Clause,
    /// Whether it lapses when the case ends.
    pub(crate) lapses: bool,
}

/// Where a concern that belongs to another process goes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Redirect {
    /// An id for the other process, such as `position_of_trust_framework`.
    pub to: Text,
    /// Where and why, in words.
    pub why: Text,
    /// The sentence it comes from.
    pub clause: Clause,
}

/// Something the caller should know that does not stop the case, such as
/// parties of different seniority.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Warning {
    /// The event it concerns.
    pub event_index: usize,
    /// What, in words (never the caller's free text).
    pub message: String,
    /// The sentence behind it.
    pub clause: Clause,
}

/// The status of a case at a date: a pure function of the policy, the
/// calendar, the events and the date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CaseStatus {
    /// The policy's id.
    pub policy: Text,
    /// The date of evaluation.
    pub as_of: NaiveDate,
    /// Where the case stands.
    pub state: CaseState,
    /// The stage under way (none once the case is no longer open).
    pub stage: Option<StageStatus>,
    /// True when the current stage's deadline has passed.
    pub overdue: bool,
    /// Working days past the deadline (`working_days_between(due, as_of)`),
    /// else 0.
    pub working_days_overdue: i64,
    /// The policy's milestones.
    pub milestones: Vec<MilestoneStatus>,
    /// Every obligation that has arisen, done or not, in the order they
    /// arose.
    pub obligations: Vec<ObligationStatus>,
    /// The events the policy allows next.
    pub next: Vec<EventType>,
    /// The stages the case has been through, in order.
    pub history: Vec<StageRecord>,
    /// Where a redirected concern goes.
    pub redirect: Option<Redirect>,
    /// Warnings that do not stop the case.
    pub warnings: Vec<Warning>,
    /// The area of disagreement, if stated.
    pub area: Option<Area>,
    /// The day the disagreement was raised.
    pub raised_on: NaiveDate,
    /// The first day a risk of immediate or significant harm was identified.
    pub immediate_risk_on: Option<NaiveDate>,
    /// The day the case ended, if it has.
    pub ended_on: Option<NaiveDate>,
    /// For a decided case: what the decision means.
    pub finality: Option<Finality>,
}

impl ObligationStatus {
    /// True while it is owed: neither done nor lapsed.
    pub fn is_pending(&self) -> bool {
        self.done_on.is_none() && self.lapsed_on.is_none()
    }

    pub(crate) fn new(
        id: Text,
        what: Text,
        stage: Option<u8>,
        arose_on: NaiveDate,
        due: Due,
        clause: Clause,
    ) -> ObligationStatus {
        ObligationStatus {
            id,
            what,
            stage,
            arose_on,
            due,
            done_on: None,
            lapsed_on: None,
            overdue: false,
            clause,
            lapses: false,
        }
    }
}

/// The ids of the obligations not yet done, for messages: `a, b` or `none`.
pub(crate) fn pending_ids(obligations: &[ObligationStatus]) -> String {
    id_list(
        obligations
            .iter()
            .filter(|o| o.done_on.is_none())
            .map(|o| o.id.as_str()),
    )
}

/// Ids for a message, each once, in the order first met, or "none": a case
/// owing the same duty many times names it once, so a message stays the
/// size of the policy, not of the case.
pub(crate) fn id_list<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    if seen.is_empty() {
        "none".to_string()
    } else {
        seen.join(", ")
    }
}

impl Warning {
    pub(crate) fn new(event_index: usize, message: String, clause: Clause) -> Warning {
        Warning {
            event_index,
            message,
            clause,
        }
    }
}

impl CaseStatus {
    /// The obligations not yet done (and not lapsed).
    pub fn pending_obligations(&self) -> impl Iterator<Item = &ObligationStatus> {
        self.obligations.iter().filter(|o| o.is_pending())
    }

    /// The highest stage number the case reached.
    pub fn highest_stage(&self) -> Option<u8> {
        let current = self.stage.as_ref().map(|s| s.number);
        self.history.iter().map(|h| h.number).chain(current).max()
    }
}

impl fmt::Display for CaseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}
