//! What an evaluation returns: the status of a case at a date.

use std::fmt;

use chrono::NaiveDate;

use super::{Area, Clause, Due, EventType, Finality, ObligationStatus, Text, Warning};

/// Where a case stands.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{CaseState, Event, Policy, PolicyId, Raised};
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// // Raised on Monday 1 February 2027 and withdrawn on Wednesday 3: the
/// // case is closed, and no stage is under way any more.
/// let events = [Event::raised(day(1), Raised::new()), Event::withdrawn(day(3))];
/// let status = Policy::get(PolicyId::SwindonResolution2026).evaluate(
///     Calendar::uk(Division::EnglandAndWales),
///     &events,
///     day(4),
/// )?;
/// assert_eq!(status.state, CaseState::Withdrawn);
/// assert_eq!(status.ended_on, Some(day(3)));
/// assert!(status.stage.is_none());
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::policy::CaseState;
    ///
    /// // A response's `status` (CONTRACT section 3), in the contract's order.
    /// let names = CaseState::ALL.map(CaseState::as_str);
    /// assert_eq!(names, ["open", "resolved", "decided", "withdrawn", "redirected"]);
    /// assert_eq!(CaseState::Redirected.to_string(), "redirected");
    /// ```
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

/// The stage a case is at.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // Swindon: stage 3 from Monday 4 January 2027, due five working days
/// // later (Monday 11). Its clock is for the line manager's contact with
/// // their opposite number, recorded on Wednesday 6: met, so not overdue
/// // on Wednesday 13 although the stage goes on.
/// let events = [
///     Event::raised(day(2026, 12, 21), Raised::new()),
///     Event::escalated(day(2026, 12, 23)),
///     Event::escalated(day(2027, 1, 4)),
///     Event::recorded(day(2027, 1, 6), "opposite_number_contacted"),
/// ];
/// let status = Policy::get(PolicyId::SwindonResolution2026).evaluate(
///     Calendar::uk(Division::EnglandAndWales),
///     &events,
///     day(2027, 1, 13),
/// )?;
/// let stage = status.stage.as_ref().unwrap();
/// assert_eq!((stage.number, stage.name.as_str()), (3, "Team/Service Manager"));
/// assert_eq!(stage.started_on, day(2027, 1, 4));
/// assert_eq!(stage.due.date(), Some(day(2027, 1, 11)));
/// assert_eq!(stage.clock_met_on, Some(day(2027, 1, 6)));
/// assert!(!status.overdue);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
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
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{Event, EventType, Policy, PolicyId, Raised};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // Swindon: stage 1 ends on its due day (Wednesday 23 December 2026);
/// // stage 2, due Monday 4 January 2027 once Christmas, Boxing Day's
/// // substitute and New Year's Day are skipped, ends a day late.
/// let events = [
///     Event::raised(day(2026, 12, 21), Raised::new()),
///     Event::escalated(day(2026, 12, 23)),
///     Event::escalated(day(2027, 1, 5)),
/// ];
/// let status = Policy::get(PolicyId::SwindonResolution2026).evaluate(
///     Calendar::uk(Division::EnglandAndWales),
///     &events,
///     day(2027, 1, 5),
/// )?;
/// let [first, second] = &status.history[..] else { panic!("two stages") };
/// assert_eq!((first.number, first.ended_on), (1, day(2026, 12, 23)));
/// assert_eq!(first.within_time, Some(true));
/// assert_eq!(second.due.date(), Some(day(2027, 1, 4)));
/// assert_eq!((second.ended_by, second.within_time), (EventType::Escalated, Some(false)));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
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
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// // North Somerset, raised Monday 1 February 2027: Day 5 (referral to the
/// // partnership) is Monday 8, Day 8 (its response) Thursday 11. The case
/// // reaches stage 4 on Day 5 and is decided a day after Day 8.
/// let events = [
///     Event::raised(day(1), Raised::new()),
///     Event::escalated(day(2)),
///     Event::escalated(day(4)),
///     Event::escalated(day(8)),
///     Event::decided(day(12)),
/// ];
/// let status = Policy::get(PolicyId::NsscpIssueResolution2025).evaluate(
///     Calendar::uk(Division::EnglandAndWales),
///     &events,
///     day(12),
/// )?;
/// let [day5, day8] = &status.milestones[..] else { panic!("two milestones") };
/// assert_eq!((day5.name.as_str(), day5.due.date()), ("Day 5", Some(day(8))));
/// assert_eq!((day5.met_on, day5.met_in_time), (Some(day(8)), Some(true)));
/// assert_eq!((day8.name.as_str(), day8.due.date()), ("Day 8", Some(day(11))));
/// assert_eq!((day8.met_on, day8.met_in_time), (Some(day(12)), Some(false)));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
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

/// Where a concern that belongs to another process goes.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{CaseState, Event, Policy, PolicyId, Raised};
///
/// let day = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
/// // Swindon: "Where a disagreement or concern relates to the behaviour or
/// // conduct of an employee, the Southwest Adult in a Position of Trust
/// // Framework should be followed."
/// let events = [Event::raised(day, Raised::new().about_employee_conduct(false))];
/// let status = Policy::get(PolicyId::SwindonResolution2026).evaluate(
///     Calendar::uk(Division::EnglandAndWales),
///     &events,
///     day,
/// )?;
/// assert_eq!(status.state, CaseState::Redirected);
/// let redirect = status.redirect.unwrap();
/// assert_eq!(redirect.to, "position_of_trust_framework");
/// assert!(redirect.clause.text.contains("Position of Trust"), "{}", redirect.clause);
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
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

/// The status of a case at a date: a pure function of the policy, the
/// calendar, the events and the date.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{CaseState, Event, EventType, Policy, PolicyId, Raised};
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// // Swindon, raised with an immediate risk of harm: escalation may go
/// // straight to the partnership (stage 5), whose decision is the last
/// // word, so it may be decided there but not escalated further.
/// let events = [
///     Event::raised(day(1), Raised::new().immediate_risk()),
///     Event::escalated(day(1)).to_stage(5),
/// ];
/// let status = Policy::get(PolicyId::SwindonResolution2026).evaluate(
///     Calendar::uk(Division::EnglandAndWales),
///     &events,
///     day(2),
/// )?;
/// assert_eq!((status.state, status.raised_on), (CaseState::Open, day(1)));
/// assert_eq!(status.immediate_risk_on, Some(day(1)));
/// assert_eq!(status.stage.as_ref().map(|s| s.number), Some(5));
/// assert!(status.next.contains(&EventType::Decided));
/// assert!(!status.next.contains(&EventType::Escalated));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
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
/// owing the same duty many times names it once, and a policy with many
/// duties has the first few named and the rest counted, so a message stays
/// short whatever the case or the policy.
pub(crate) fn id_list<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let mut seen = std::collections::HashSet::new();
    let distinct: Vec<&str> = ids.filter(|id| seen.insert(*id)).collect();
    if distinct.is_empty() {
        "none".to_string()
    } else {
        crate::place::few(distinct)
    }
}

impl CaseStatus {
    /// The obligations not yet done (and not lapsed).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
    ///
    /// let day = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    /// // North Somerset, stage 1: the email record of the difference of
    /// // opinion, the record on the child's file, and the exchange of
    /// // managers' details. The email is recorded the same day.
    /// let events = [
    ///     Event::raised(day, Raised::new()),
    ///     Event::recorded(day, "written_record"),
    /// ];
    /// let status = Policy::get(PolicyId::NsscpIssueResolution2025).evaluate(
    ///     Calendar::uk(Division::EnglandAndWales),
    ///     &events,
    ///     day,
    /// )?;
    /// let pending: Vec<&str> = status.pending_obligations().map(|o| o.id.as_str()).collect();
    /// assert_eq!(pending, ["case_file_record", "exchange_manager_details"]);
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn pending_obligations(&self) -> impl Iterator<Item = &ObligationStatus> {
        self.obligations.iter().filter(|o| o.is_pending())
    }

    /// The highest stage number the case reached.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// // Resolved by the senior managers at stage 3: no stage is under way,
    /// // and the history still says how far the case went.
    /// let events = [
    ///     Event::raised(day(1), Raised::new()),
    ///     Event::escalated(day(2)),
    ///     Event::escalated(day(4)),
    ///     Event::resolved(day(5)),
    /// ];
    /// let status = Policy::get(PolicyId::NsscpIssueResolution2025).evaluate(
    ///     Calendar::uk(Division::EnglandAndWales),
    ///     &events,
    ///     day(5),
    /// )?;
    /// assert!(status.stage.is_none());
    /// assert_eq!(status.highest_stage(), Some(3));
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
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
