//! The daily work tray of a team: across many cases, what is overdue or
//! falls due within a few working days, soonest first.

use chrono::NaiveDate;

use super::{CaseStatus, DueKind, Error, Event, Policy, PolicyId};
use crate::calendar::Calendar;

/// What a sweep item is the deadline of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// The current stage's deadline.
    Stage,
    /// An obligation not yet done.
    Obligation,
    /// A milestone not yet met.
    Milestone,
}

/// One deadline in the tray.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SweepItem<K> {
    /// The caller's key for the case.
    pub case: K,
    /// The case's policy.
    pub policy: PolicyId,
    /// What kind of deadline.
    pub kind: ItemKind,
    /// What is due, in words (the stage's name, the obligation, the
    /// milestone).
    pub what: &'static str,
    /// The day it is due by.
    pub due_on: NaiveDate,
    /// True when `due_on` is before the sweep's date.
    pub overdue: bool,
    /// Working days past due (0 when not overdue).
    pub working_days_overdue: i64,
    /// Working days left until due (0 when due today or overdue).
    pub working_days_left: i64,
}

/// The result of a sweep: the items, and the cases that could not be
/// evaluated (kept, with their errors, so none is silently dropped).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Sweep<K> {
    /// The deadlines, soonest first (ties in the order the cases were
    /// given).
    pub items: Vec<SweepItem<K>>,
    /// The cases whose events could not be evaluated.
    pub errors: Vec<(K, Error)>,
}

/// Evaluates every case at `as_of` and collects the deadlines that are past
/// or fall within `within_working_days` working days of `as_of`.
///
/// Covers stage deadlines, pending obligations and unmet milestones that
/// have a date; deadlines such as "without delay" have none and are not in
/// the tray.
///
/// # Errors
///
/// A [`crate::calendar::Error`] when `as_of` plus the horizon is outside
/// the calendar. Errors of single cases go in [`Sweep::errors`].
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{sweep, Event, PolicyId, Raised};
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
/// let late = [Event::raised(day(1, 4), Raised::new())];
/// let fresh = [Event::raised(day(1, 11), Raised::new())];
/// let cases = [
///     ("case-a", PolicyId::NsscpIssueResolution2025, &late[..]),
///     ("case-b", PolicyId::NsscpIssueResolution2025, &fresh[..]),
/// ];
/// let tray = sweep::sweep(Calendar::uk(Division::EnglandAndWales), cases, day(1, 11), 2)?;
/// let first = &tray.items[0];
/// assert_eq!((first.case, first.overdue), ("case-a", true));
/// assert!(tray.items.iter().any(|i| i.case == "case-b" && !i.overdue));
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
pub fn sweep<'e, K: Clone>(
    calendar: &Calendar,
    cases: impl IntoIterator<Item = (K, PolicyId, &'e [Event])>,
    as_of: NaiveDate,
    within_working_days: u32,
) -> Result<Sweep<K>, crate::calendar::Error> {
    let horizon = calendar.add_working_days(as_of, within_working_days)?;
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for (case, policy, events) in cases {
        match Policy::get(policy).evaluate(calendar, events, as_of) {
            Ok(status) => collect(calendar, &case, &status, horizon, &mut items),
            Err(error) => errors.push((case, error)),
        }
    }
    items.sort_by_key(|item| item.due_on);
    Ok(Sweep { items, errors })
}

fn collect<K: Clone>(
    calendar: &Calendar,
    case: &K,
    status: &CaseStatus,
    horizon: NaiveDate,
    items: &mut Vec<SweepItem<K>>,
) {
    let as_of = status.as_of;
    let mut push = |kind, what, due: DueKind| {
        let due_on = match due {
            DueKind::ByEndOf(date) => date,
            DueKind::At(at) => at.date(),
            _ => return,
        };
        if due_on > horizon {
            return;
        }
        let between = calendar.working_days_between(as_of, due_on).unwrap_or(0);
        items.push(SweepItem {
            case: case.clone(),
            policy: status.policy,
            kind,
            what,
            due_on,
            overdue: due_on < as_of,
            working_days_overdue: if due_on < as_of { -between } else { 0 },
            working_days_left: between.max(0),
        });
    };
    // A stage whose clock is met by a recorded act is no longer due.
    if let Some(stage) = status.stage.as_ref().filter(|s| s.clock_met_on.is_none()) {
        push(ItemKind::Stage, stage.name, stage.due.kind);
    }
    for obligation in status.pending_obligations() {
        push(ItemKind::Obligation, obligation.what, obligation.due.kind);
    }
    for milestone in status
        .milestones
        .iter()
        .filter(|m| m.met_on.is_none() && m.lapsed_on.is_none())
    {
        push(ItemKind::Milestone, milestone.what, milestone.due.kind);
    }
}
