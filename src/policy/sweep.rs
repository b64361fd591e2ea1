//! The daily work tray of a team: across many cases, what is overdue or
//! falls due within a few working days, soonest first.
//!
//! [`sweep`] takes escalation cases; [`sweep_with_serious_incidents`] takes
//! serious incidents too ([`crate::serious_incident`]), whose statutory
//! clocks then stand in the same tray beside the stages and obligations of
//! the escalation cases ([`ItemKind::Clock`], [`Process::SeriousIncident`]).

use chrono::NaiveDate;

use super::{CaseStatus, Due, DueKind, Error, Event, Policy, Text};
use crate::calendar::Calendar;
use crate::serious_incident::{self, IncidentEvent, IncidentStatus};

/// What a sweep item is the deadline of.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::sweep::{self, ItemKind};
/// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
///
/// // North Somerset, raised Monday 1 February 2027. Within five working
/// // days (to Monday 8): stage 1 and the exchange of managers' details
/// // that goes with it (Tuesday 2), and Day 5 (Monday 8). Day 8 (Thursday
/// // 11) is further off; the records with no stated time have no date.
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let case = [Event::raised(day(1), Raised::new())];
/// let nsscp = Policy::get(PolicyId::NsscpIssueResolution2025);
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let tray = sweep::sweep(calendar, [("case", nsscp, &case[..])], day(1), 5)?;
/// let items: Vec<(ItemKind, NaiveDate)> = tray.items.iter().map(|i| (i.kind, i.due_on)).collect();
/// assert_eq!(items, [
///     (ItemKind::Stage, day(2)),
///     (ItemKind::Obligation, day(2)),
///     (ItemKind::Milestone, day(8)),
/// ]);
/// assert_eq!(tray.items[1].id.as_deref(), Some("exchange_manager_details"));
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// The current stage's deadline.
    Stage,
    /// An obligation not yet done.
    Obligation,
    /// A milestone not yet met.
    Milestone,
    /// A serious incident's statutory clock not yet met (the notification,
    /// the rapid review, the report to the National Panel and the DfE).
    Clock,
}

/// The process a case in the tray runs under.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::sweep::{self, Process};
/// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
///
/// let day = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
/// let case = [Event::raised(day, Raised::new())];
/// let swindon = Policy::get(PolicyId::SwindonResolution2026);
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let tray = sweep::sweep(calendar, [(7, swindon, &case[..])], day, 2)?;
/// // Stage 1, due Wednesday 3 February, under Swindon's policy.
/// assert_eq!(tray.items[0].process, Process::Escalation("swindon-resolution-2026".into()));
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Process {
    /// An escalation case under the policy with this id.
    Escalation(Text),
    /// A serious incident's statutory clocks (`gscp-serious-incident-2021`).
    SeriousIncident,
}

impl Process {
    /// The JSON policy id: the escalation policy's, or
    /// `gscp-serious-incident-2021`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::policy::sweep::Process;
    ///
    /// let nsscp = Process::Escalation("nsscp-issue-resolution-2025".into());
    /// assert_eq!(nsscp.id(), "nsscp-issue-resolution-2025");
    /// assert_eq!(Process::SeriousIncident.id(), "gscp-serious-incident-2021");
    /// ```
    pub fn id(&self) -> &str {
        match self {
            Process::Escalation(policy) => policy,
            Process::SeriousIncident => serious_incident::POLICY_ID,
        }
    }
}

/// One deadline in the tray.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::sweep::{self, ItemKind};
/// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
/// let swindon = Policy::get(PolicyId::SwindonResolution2026);
/// // Swindon's stage 1 is due two working days after the concern arose.
/// // Raised Monday 21 December 2026: due Wednesday 23. Raised Tuesday 29:
/// // due Thursday 31.
/// let late = [Event::raised(day(21), Raised::new())];
/// let fresh = [Event::raised(day(29), Raised::new())];
/// let cases = [("case-a", swindon, &late[..]), ("case-b", swindon, &fresh[..])];
/// let tray = sweep::sweep(Calendar::uk(Division::EnglandAndWales), cases, day(29), 2)?;
/// let [a, b] = &tray.items[..] else { panic!("two items") };
///
/// assert_eq!((a.case, a.kind, a.stage), ("case-a", ItemKind::Stage, Some(1)));
/// assert_eq!((a.what.as_str(), a.due_on), ("Internal Discussion", day(23)));
/// // Past due by Thursday 24 and Tuesday 29: Christmas Day and Boxing
/// // Day's substitute Monday are not working days.
/// assert!(a.overdue);
/// assert_eq!((a.working_days_overdue, a.working_days_left), (2, 0));
///
/// assert_eq!((b.case, b.due_on, b.overdue), ("case-b", day(31), false));
/// assert_eq!(b.working_days_left, 2);
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SweepItem<K> {
    /// The caller's key for the case.
    pub case: K,
    /// The case's process: its escalation policy, or a serious incident's
    /// clocks.
    pub process: Process,
    /// What kind of deadline.
    pub kind: ItemKind,
    /// What is due, in words (the stage's name, the obligation, the
    /// milestone).
    pub what: Text,
    /// The obligation's id, the milestone's name or the clock's name, as
    /// in the case's JSON response; `None` for a stage.
    pub id: Option<Text>,
    /// The stage the item belongs to: the stage's own number, or the stage
    /// an obligation arose at (two stages' `agency_log` items tell apart);
    /// `None` for a milestone, a clock, or an obligation of the whole case.
    pub stage: Option<u8>,
    /// The deadline, with its rule in words.
    pub due: Due,
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
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::{sweep, Event, Policy, PolicyId, Raised};
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let nsscp = Policy::get(PolicyId::NsscpIssueResolution2025);
/// let good = [Event::raised(day(1), Raised::new())];
/// // A log that does not start with the disagreement being raised.
/// let broken = [Event::escalated(day(1))];
/// let cases = [("case-a", nsscp, &good[..]), ("case-b", nsscp, &broken[..])];
/// let tray = sweep::sweep(Calendar::uk(Division::EnglandAndWales), cases, day(1), 1)?;
/// assert!(tray.items.iter().all(|i| i.case == "case-a"));
/// let [(case, error)] = &tray.errors[..] else { panic!("one error") };
/// assert_eq!((*case, error.code(), error.event_index()), ("case-b", "invalid_transition", Some(0)));
/// assert!(tray.incident_errors.is_empty());
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Sweep<K> {
    /// The deadlines, soonest first (ties in the order the cases were
    /// given).
    pub items: Vec<SweepItem<K>>,
    /// The cases whose events could not be evaluated.
    pub errors: Vec<(K, Error)>,
    /// The serious incidents whose events could not be evaluated.
    pub incident_errors: Vec<(K, serious_incident::Error)>,
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
/// use safeguarding_resolution::policy::{sweep, Event, Policy, PolicyId, Raised};
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
/// let nsscp = Policy::get(PolicyId::NsscpIssueResolution2025);
/// let late = [Event::raised(day(1, 4), Raised::new())];
/// let fresh = [Event::raised(day(1, 11), Raised::new())];
/// let cases = [("case-a", nsscp, &late[..]), ("case-b", nsscp, &fresh[..])];
/// let tray = sweep::sweep(Calendar::uk(Division::EnglandAndWales), cases, day(1, 11), 2)?;
/// let first = &tray.items[0];
/// assert_eq!((first.case, first.overdue), ("case-a", true));
/// assert!(tray.items.iter().any(|i| i.case == "case-b" && !i.overdue));
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
pub fn sweep<'e, K: Clone>(
    calendar: &Calendar,
    cases: impl IntoIterator<Item = (K, &'e Policy, &'e [Event])>,
    as_of: NaiveDate,
    within_working_days: u32,
) -> Result<Sweep<K>, crate::calendar::Error> {
    sweep_with_serious_incidents(
        calendar,
        cases,
        std::iter::empty::<(K, serious_incident::Config, &[IncidentEvent])>(),
        as_of,
        within_working_days,
    )
}

/// [`sweep`] over escalation cases and serious incidents together: a
/// serious incident's clocks that are not yet met and have a date (the
/// notification, the rapid review, the report ahead of publication) join
/// the tray as [`ItemKind::Clock`] items, in date order with the rest.
///
/// A serious incident's duties are not added beside its clocks: each duty
/// with a date is due with its clock, so the tray would show it twice.
///
/// # Errors
///
/// As [`sweep`]. Errors of single incidents go in [`Sweep::incident_errors`].
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::sweep::{self, ItemKind, Process};
/// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
/// use safeguarding_resolution::serious_incident::{Config, IncidentEvent};
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// // Aware on Monday 1 February: the Panel is to be notified by Monday 8.
/// let incident = [IncidentEvent::aware(day(1))];
/// // Raised under North Somerset's policy on Friday 5: stage 1 due Monday 8.
/// let case = [Event::raised(day(5), Raised::new())];
/// let tray = sweep::sweep_with_serious_incidents(
///     Calendar::uk(Division::EnglandAndWales),
///     [("case", Policy::get(PolicyId::NsscpIssueResolution2025), &case[..])],
///     [("incident", Config::default(), &incident[..])],
///     day(5),
///     1,
/// )?;
/// let clock = tray.items.iter().find(|i| i.kind == ItemKind::Clock).unwrap();
/// assert_eq!((clock.case, &clock.process), ("incident", &Process::SeriousIncident));
/// assert_eq!(clock.due_on, day(8));
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
pub fn sweep_with_serious_incidents<'e, 'i, K: Clone>(
    calendar: &Calendar,
    cases: impl IntoIterator<Item = (K, &'e Policy, &'e [Event])>,
    incidents: impl IntoIterator<Item = (K, serious_incident::Config, &'i [IncidentEvent])>,
    as_of: NaiveDate,
    within_working_days: u32,
) -> Result<Sweep<K>, crate::calendar::Error> {
    let horizon = calendar.add_working_days(as_of, within_working_days)?;
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for (case, policy, events) in cases {
        // A case's items go straight into the tray; a case that fails
        // leaves none of its items there.
        let before = items.len();
        let collected = policy.evaluate(calendar, events, as_of).and_then(|status| {
            collect(calendar, &case, &status, horizon, &mut items)
                .map_err(|e| Error::calendar(e, None))
        });
        if let Err(error) = collected {
            items.truncate(before);
            errors.push((case, error));
        }
    }
    let mut incident_errors = Vec::new();
    for (case, config, events) in incidents {
        let before = items.len();
        let collected =
            serious_incident::evaluate(calendar, config, events, as_of).and_then(|status| {
                collect_clocks(calendar, &case, &status, horizon, &mut items)
                    .map_err(|e| serious_incident::Error::calendar("as_of", e, None))
            });
        if let Err(error) = collected {
            items.truncate(before);
            incident_errors.push((case, error));
        }
    }
    Ok(Sweep {
        items: soonest_first(items),
        errors,
        incident_errors,
    })
}

/// A serious incident's open clocks, or the calendar's error when a count
/// of working days cannot be made (never a made-up 0).
fn collect_clocks<K: Clone>(
    calendar: &Calendar,
    case: &K,
    status: &IncidentStatus,
    horizon: NaiveDate,
    items: &mut Vec<Option<SweepItem<K>>>,
) -> Result<(), crate::calendar::Error> {
    for clock in status.open_clocks() {
        let Some(due_on) = clock.due.date() else {
            continue;
        };
        if due_on > horizon {
            continue;
        }
        items.push(Some(item(
            calendar,
            case,
            status.as_of,
            Process::SeriousIncident,
            (
                ItemKind::Clock,
                Text::from_static(clock.what),
                Some(Text::from_static(clock.name.as_str())),
                None,
            ),
            clock.due.clone(),
            due_on,
        )?));
    }
    Ok(())
}

/// One item of the tray, its working days counted.
fn item<K: Clone>(
    calendar: &Calendar,
    case: &K,
    as_of: NaiveDate,
    process: Process,
    (kind, what, id, stage): (ItemKind, Text, Option<Text>, Option<u8>),
    due: Due,
    due_on: NaiveDate,
) -> Result<SweepItem<K>, crate::calendar::Error> {
    let between = calendar.working_days_between(as_of, due_on)?;
    Ok(SweepItem {
        case: case.clone(),
        process,
        kind,
        what,
        id,
        stage,
        due,
        due_on,
        overdue: due_on < as_of,
        working_days_overdue: if due_on < as_of { -between } else { 0 },
        working_days_left: between.max(0),
    })
}

/// A case's items, or the calendar's error when a count of working days
/// cannot be made (never a made-up 0).
fn collect<K: Clone>(
    calendar: &Calendar,
    case: &K,
    status: &CaseStatus,
    horizon: NaiveDate,
    items: &mut Vec<Option<SweepItem<K>>>,
) -> Result<(), crate::calendar::Error> {
    let mut push = |what: (ItemKind, Text, Option<Text>, Option<u8>), due: Due| {
        let due_on = match due.kind {
            DueKind::ByEndOf(date) => date,
            DueKind::At(at) => at.date(),
            _ => return Ok(()),
        };
        if due_on > horizon {
            return Ok(());
        }
        let process = Process::Escalation(status.policy.clone());
        items.push(Some(item(
            calendar,
            case,
            status.as_of,
            process,
            what,
            due,
            due_on,
        )?));
        Ok::<(), crate::calendar::Error>(())
    };
    // A stage whose clock is met by a recorded act is no longer due.
    if let Some(stage) = status.stage.as_ref().filter(|s| s.clock_met_on.is_none()) {
        push(
            (
                ItemKind::Stage,
                stage.name.clone(),
                None,
                Some(stage.number),
            ),
            stage.due.clone(),
        )?;
    }
    for obligation in status.pending_obligations() {
        push(
            (
                ItemKind::Obligation,
                obligation.what.clone(),
                Some(obligation.id.clone()),
                obligation.stage,
            ),
            obligation.due.clone(),
        )?;
    }
    for milestone in status
        .milestones
        .iter()
        .filter(|m| m.met_on.is_none() && m.lapsed_on.is_none())
    {
        push(
            (
                ItemKind::Milestone,
                milestone.what.clone(),
                Some(milestone.name.clone()),
                None,
            ),
            milestone.due.clone(),
        )?;
    }
    Ok(())
}

/// The items by due day, ties in the order given. An item is some hundred
/// bytes and a tray may hold hundreds of thousands: the days and places are
/// sorted, and each item then moved once into its place (out of the slot
/// it was collected into), rather than moved at every step of a sort.
fn soonest_first<K>(mut slots: Vec<Option<SweepItem<K>>>) -> Vec<SweepItem<K>> {
    let mut order: Vec<(NaiveDate, usize)> = slots
        .iter()
        .enumerate()
        .filter_map(|(i, slot)| slot.as_ref().map(|item| (item.due_on, i)))
        .collect();
    // The place breaks ties, so an unstable sort keeps the given order.
    order.sort_unstable();
    order
        .into_iter()
        .filter_map(|(_, i)| slots.get_mut(i).and_then(Option::take))
        .collect()
}
