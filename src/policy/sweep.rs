//! The daily work tray of a team: across many cases, what is overdue or
//! falls due within a few working days, soonest first.
//!
//! [`sweep`] takes escalation cases; [`sweep_with_serious_incidents`] takes
//! serious incidents too ([`crate::serious_incident`]), whose statutory
//! clocks then stand in the same tray beside the stages and obligations of
//! the escalation cases ([`ItemKind::Clock`], [`Process::SeriousIncident`]).

use chrono::NaiveDate;

use super::{CaseStatus, Due, DueKind, Error, Event, ObligationStatus, Policy, Text};
use crate::calendar::Calendar;
use crate::serious_incident::{self, Counted, IncidentEvent, IncidentStatus};

/// The policy id of a Resolution Group referral (CONTRACT section 4).
const REFERRAL_POLICY_ID: &str = "gscp-resolution-group-2021";

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
    /// A Resolution Group referral's obligation not yet met (the referral
    /// to reach the Business Unit by the meeting's latest date, a progress
    /// report owed to a later meeting).
    Referral,
}

impl ItemKind {
    /// The kind's name in the sweep's JSON answer (CONTRACT section 10):
    /// `stage`, `obligation`, `milestone`, `clock` or `referral`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::policy::sweep::ItemKind;
    ///
    /// assert_eq!(ItemKind::Clock.as_str(), "clock");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Stage => "stage",
            ItemKind::Obligation => "obligation",
            ItemKind::Milestone => "milestone",
            ItemKind::Clock => "clock",
            ItemKind::Referral => "referral",
        }
    }
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
    /// A referral to the GSCP Resolution Group
    /// (`gscp-resolution-group-2021`).
    ResolutionGroup,
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
    /// assert_eq!(Process::ResolutionGroup.id(), "gscp-resolution-group-2021");
    /// ```
    pub fn id(&self) -> &str {
        match self {
            Process::Escalation(policy) => policy,
            Process::SeriousIncident => serious_incident::POLICY_ID,
            Process::ResolutionGroup => REFERRAL_POLICY_ID,
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
    /// How a serious incident's clock was counted (the day counted from,
    /// in working or calendar days); `None` for other items, whose
    /// [`Due::counted_from`] says it.
    pub counted: Option<Counted>,
    /// The day it is due by.
    pub due_on: NaiveDate,
    /// True when `due_on` is before the sweep's date (and the act is not
    /// recorded): the case's own answer's `overdue` for the deadline.
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
    let mut tray = Tray::new(as_of, within_working_days);
    tray.horizon(calendar)?;
    let mut errors = Vec::new();
    for (case, policy, events) in cases {
        let added = policy.evaluate(calendar, events, as_of).and_then(|status| {
            tray.add_case(calendar, case.clone(), &status)
                .map_err(|e| Error::calendar(e, None))
        });
        if let Err(error) = added {
            errors.push((case, error));
        }
    }
    let mut incident_errors = Vec::new();
    for (case, config, events) in incidents {
        let added =
            serious_incident::evaluate(calendar, config, events, as_of).and_then(|status| {
                tray.add_serious_incident(calendar, case.clone(), &status)
                    .map_err(|e| serious_incident::Error::calendar("as_of", e, None))
            });
        if let Err(error) = added {
            incident_errors.push((case, error));
        }
    }
    Ok(Sweep {
        items: tray.into_items(),
        errors,
        incident_errors,
    })
}

/// A tray filled case by case, each case on its own calendar: the
/// building block of [`sweep`], for a caller whose cases run under
/// different processes or calendars (as `sweep_json` does). Each case's
/// status is evaluated by the caller; the tray takes its deadlines that are
/// past or fall within the horizon, and orders them once at the end.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::sweep::{ItemKind, Tray};
/// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
///
/// // North Somerset's stage 1 is due one working day after it is raised:
/// // raised on Thursday 31 December 2026, due Monday 4 January 2027 in
/// // England and Wales (past New Year's Day) but Tuesday 5 in Scotland,
/// // where Monday 4 is the substitute for 2 January.
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let nsscp = Policy::get(PolicyId::NsscpIssueResolution2025);
/// let events = [Event::raised(day(2026, 12, 31), Raised::new())];
/// let mut tray = Tray::new(day(2026, 12, 31), 2);
/// for (case, division) in [("scottish", Division::Scotland), ("english", Division::EnglandAndWales)] {
///     let calendar = Calendar::uk(division);
///     let status = nsscp.evaluate(calendar, &events, day(2026, 12, 31))?;
///     tray.add_case(calendar, case, &status)?;
/// }
/// let stages: Vec<(&str, NaiveDate)> = tray.into_items().iter()
///     .filter(|i| i.kind == ItemKind::Stage)
///     .map(|i| (i.case, i.due_on))
///     .collect();
/// assert_eq!(stages, [("english", day(2027, 1, 4)), ("scottish", day(2027, 1, 5))]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Tray<'c, K> {
    as_of: NaiveDate,
    within_working_days: u32,
    /// The last day in the tray on each calendar met so far.
    horizons: Vec<(&'c Calendar, NaiveDate)>,
    /// The items in the order collected (taken out once when ordered).
    items: Vec<Option<SweepItem<K>>>,
}

impl<'c, K: Clone> Tray<'c, K> {
    /// An empty tray at `as_of`, reaching `within_working_days` working
    /// days ahead.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::policy::sweep::Tray;
    ///
    /// let tray: Tray<'_, u32> = Tray::new(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(), 0);
    /// assert!(tray.into_items().is_empty());
    /// ```
    pub fn new(as_of: NaiveDate, within_working_days: u32) -> Tray<'c, K> {
        Tray {
            as_of,
            within_working_days,
            horizons: Vec::new(),
            items: Vec::new(),
        }
    }

    /// The last day in the tray on this calendar: `within_working_days`
    /// working days after `as_of`.
    ///
    /// # Errors
    ///
    /// The calendar's error when that day is past its data.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::sweep::Tray;
    ///
    /// // Two working days from Thursday 24 December 2026: past Christmas
    /// // Day and Boxing Day's substitute, Tuesday 29 and Wednesday 30.
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut tray: Tray<'_, u32> = Tray::new(day(2026, 12, 24), 2);
    /// assert_eq!(tray.horizon(Calendar::uk(Division::EnglandAndWales))?, day(2026, 12, 30));
    /// let mut far: Tray<'_, u32> = Tray::new(day(2026, 12, 24), u32::MAX);
    /// assert!(far.horizon(Calendar::uk(Division::EnglandAndWales)).is_err());
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn horizon(&mut self, calendar: &'c Calendar) -> Result<NaiveDate, crate::calendar::Error> {
        if let Some((_, horizon)) = self
            .horizons
            .iter()
            .find(|(c, _)| std::ptr::eq(*c, calendar))
        {
            return Ok(*horizon);
        }
        let horizon = calendar.add_working_days(self.as_of, self.within_working_days)?;
        self.horizons.push((calendar, horizon));
        Ok(horizon)
    }

    /// Adds an escalation case's deadlines, in the order its answer writes
    /// them: the stage's (unless its clock is met), the milestones neither
    /// met nor lapsed, the pending obligations. `status` is the case
    /// evaluated on `calendar` at the tray's date.
    ///
    /// # Errors
    ///
    /// The calendar's error when a count of working days cannot be made
    /// (never a made-up 0); the case then leaves nothing in the tray.
    ///
    /// # Example
    ///
    /// See [`Tray`].
    pub fn add_case(
        &mut self,
        calendar: &'c Calendar,
        case: K,
        status: &CaseStatus,
    ) -> Result<(), crate::calendar::Error> {
        let before = self.items.len();
        let added = self.collect(calendar, case, status);
        if added.is_err() {
            self.items.truncate(before);
        }
        added
    }

    /// Adds a serious incident's clocks that are not met and have a date
    /// ([`ItemKind::Clock`]), in the order of its answer. Its duties are
    /// not added beside them: each duty with a date is due with its clock.
    ///
    /// # Errors
    ///
    /// As [`Tray::add_case`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::sweep::{ItemKind, Tray};
    /// use safeguarding_resolution::serious_incident::{self as si, IncidentEvent};
    ///
    /// // Aware on Monday 1 February 2027: the Panel is to be notified
    /// // within five working days, by Monday 8.
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = si::evaluate(calendar, si::Config::default(), &[IncidentEvent::aware(day(1))], day(5))?;
    /// let mut tray = Tray::new(day(5), 1);
    /// tray.add_serious_incident(calendar, "si-3", &status)?;
    /// let items = tray.into_items();
    /// assert_eq!((items[0].kind, items[0].id.as_deref(), items[0].due_on),
    ///            (ItemKind::Clock, Some("notification"), day(8)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_serious_incident(
        &mut self,
        calendar: &'c Calendar,
        case: K,
        status: &IncidentStatus,
    ) -> Result<(), crate::calendar::Error> {
        let before = self.items.len();
        let horizon = self.horizon(calendar)?;
        let as_of = self.as_of;
        let mut added = Ok(());
        for clock in status.open_clocks() {
            let Some(due_on) = clock.due.date() else {
                continue;
            };
            if due_on > horizon {
                continue;
            }
            let mut item = match item(
                calendar,
                &case,
                as_of,
                Process::SeriousIncident,
                (
                    ItemKind::Clock,
                    Text::from_static(clock.what),
                    Some(Text::from_static(clock.name.as_str())),
                    None,
                ),
                clock.due.clone(),
                due_on,
            ) {
                Ok(item) => item,
                Err(e) => {
                    added = Err(e);
                    break;
                }
            };
            item.counted = clock.counted;
            self.items.push(Some(item));
        }
        if added.is_err() {
            self.items.truncate(before);
        }
        added
    }

    /// Adds the pending obligations of a case of another process (a
    /// Resolution Group referral's, [`ItemKind::Referral`]), in the order
    /// given.
    pub(crate) fn add_obligations(
        &mut self,
        calendar: &'c Calendar,
        case: K,
        process: &Process,
        kind: ItemKind,
        obligations: &[ObligationStatus],
    ) -> Result<(), crate::calendar::Error> {
        let before = self.items.len();
        let horizon = self.horizon(calendar)?;
        let as_of = self.as_of;
        let mut added = Ok(());
        for o in obligations.iter().filter(|o| o.is_pending()) {
            let what = (kind, o.what.clone(), Some(o.id.clone()), o.stage);
            let pushed = self.push(calendar, &case, as_of, horizon, process, what, &o.due);
            if let Err(e) = pushed {
                added = Err(e);
                break;
            }
        }
        if added.is_err() {
            self.items.truncate(before);
        }
        added
    }

    /// One deadline, when it has a day within the horizon.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        calendar: &Calendar,
        case: &K,
        as_of: NaiveDate,
        horizon: NaiveDate,
        process: &Process,
        what: (ItemKind, Text, Option<Text>, Option<u8>),
        due: &Due,
    ) -> Result<(), crate::calendar::Error> {
        let due_on = match due.kind {
            DueKind::ByEndOf(date) => date,
            DueKind::At(at) => at.date(),
            _ => return Ok(()),
        };
        if due_on > horizon {
            return Ok(());
        }
        self.items.push(Some(item(
            calendar,
            case,
            as_of,
            process.clone(),
            what,
            due.clone(),
            due_on,
        )?));
        Ok(())
    }

    fn collect(
        &mut self,
        calendar: &'c Calendar,
        case: K,
        status: &CaseStatus,
    ) -> Result<(), crate::calendar::Error> {
        let horizon = self.horizon(calendar)?;
        let as_of = status.as_of;
        let process = Process::Escalation(status.policy.clone());
        // A stage whose clock is met by a recorded act is no longer due.
        if let Some(stage) = status.stage.as_ref().filter(|s| s.clock_met_on.is_none()) {
            let what = (
                ItemKind::Stage,
                stage.name.clone(),
                None,
                Some(stage.number),
            );
            self.push(calendar, &case, as_of, horizon, &process, what, &stage.due)?;
        }
        for milestone in status
            .milestones
            .iter()
            .filter(|m| m.met_on.is_none() && m.lapsed_on.is_none())
        {
            let what = (
                ItemKind::Milestone,
                milestone.what.clone(),
                Some(milestone.name.clone()),
                None,
            );
            self.push(
                calendar,
                &case,
                as_of,
                horizon,
                &process,
                what,
                &milestone.due,
            )?;
        }
        for obligation in status.pending_obligations() {
            let what = (
                ItemKind::Obligation,
                obligation.what.clone(),
                Some(obligation.id.clone()),
                obligation.stage,
            );
            self.push(
                calendar,
                &case,
                as_of,
                horizon,
                &process,
                what,
                &obligation.due,
            )?;
        }
        Ok(())
    }

    /// The items, soonest first: by due day, then in the order the cases
    /// were added, then in the order each case's answer writes them.
    ///
    /// An item is some hundred bytes and a tray may hold hundreds of
    /// thousands: the days and places are sorted, and each item then moved
    /// once into its place (out of the slot it was collected into), rather
    /// than moved at every step of a sort.
    pub fn into_items(self) -> Vec<SweepItem<K>> {
        let mut slots = self.items;
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
        counted: None,
        due_on,
        overdue: due_on < as_of,
        working_days_overdue: if due_on < as_of { -between } else { 0 },
        working_days_left: between.max(0),
    })
}
