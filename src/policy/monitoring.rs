//! The figures partnerships collect on their resolution processes: the
//! stage at which cases were resolved, the working days they took, and
//! whether each stage kept to its clock. A [`Summary`] also sums serious
//! incidents' statutory clocks ([`Summary::add_serious_incident`]), kept
//! apart from the escalation figures so that neither blurs the other.

use std::collections::BTreeMap;

use super::{CaseState, CaseStatus, EventType, Text};
use crate::calendar::Calendar;

/// The monitoring figures of one case.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::monitoring::CaseFigures;
/// use safeguarding_resolution::policy::{CaseState, Event, Policy, PolicyId, Raised};
///
/// // Swindon, raised Monday 1 February 2027: stage 1 ends on its due day
/// // (Wednesday 3), and agreement comes at stage 2 on Monday 8, two days
/// // inside its five.
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let events = [
///     Event::raised(day(1), Raised::new()),
///     Event::escalated(day(3)),
///     Event::resolved(day(8)),
/// ];
/// let status = Policy::get(PolicyId::SwindonResolution2026).evaluate(calendar, &events, day(9))?;
/// let figures = CaseFigures::of(&status, calendar)?;
/// assert_eq!(figures.state, CaseState::Resolved);
/// assert_eq!((figures.highest_stage, figures.concluded_at_stage), (Some(2), Some(2)));
/// // Tuesday 2 to Friday 5, and Monday 8.
/// assert_eq!(figures.working_days_taken, 5);
/// assert_eq!((figures.stages_within_time, figures.stages_late), (2, 0));
/// assert!(figures.within_time);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CaseFigures {
    /// The case's policy.
    pub policy: Text,
    /// Where it stands.
    pub state: CaseState,
    /// The highest stage reached.
    pub highest_stage: Option<u8>,
    /// The stage at which it was resolved or decided.
    pub concluded_at_stage: Option<u8>,
    /// Working days from raised to its end, or to the date of evaluation
    /// while open.
    pub working_days_taken: i64,
    /// Stages that ended within their clock.
    pub stages_within_time: usize,
    /// Stages that ended after their clock.
    pub stages_late: usize,
    /// True when every stage with a clock kept to it, including a current
    /// one not yet overdue.
    pub within_time: bool,
}

impl CaseFigures {
    /// The figures of a case from its status.
    ///
    /// # Errors
    ///
    /// A calendar error if the case's dates are outside the calendar (they
    /// cannot be, for a status the same calendar produced).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::monitoring::CaseFigures;
    /// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let events = [
    ///     Event::raised(day(1), Raised::new()),
    ///     Event::escalated(day(2)),
    ///     Event::resolved(day(8)),
    /// ];
    /// let status = Policy::get(PolicyId::NsscpIssueResolution2025).evaluate(calendar, &events, day(9))?;
    /// let figures = CaseFigures::of(&status, calendar)?;
    /// assert_eq!(figures.concluded_at_stage, Some(2));
    /// assert_eq!(figures.working_days_taken, 5);
    /// assert_eq!((figures.stages_within_time, figures.stages_late), (1, 1));
    /// assert!(!figures.within_time);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(
        status: &CaseStatus,
        calendar: &Calendar,
    ) -> Result<CaseFigures, crate::calendar::Error> {
        let end = status.ended_on.unwrap_or(status.as_of);
        let working_days_taken = calendar.working_days_between(status.raised_on, end)?;
        let stages_within_time = status
            .history
            .iter()
            .filter(|h| h.within_time == Some(true))
            .count();
        let stages_late = status
            .history
            .iter()
            .filter(|h| h.within_time == Some(false))
            .count();
        let concluded_at_stage = status
            .history
            .last()
            .filter(|h| matches!(h.ended_by, EventType::Resolved | EventType::Decided))
            .map(|h| h.number);
        Ok(CaseFigures {
            policy: status.policy.clone(),
            state: status.state,
            highest_stage: status.highest_stage(),
            concluded_at_stage,
            working_days_taken,
            stages_within_time,
            stages_late,
            within_time: stages_late == 0 && !status.overdue,
        })
    }
}

/// Figures summed over many cases.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::policy::monitoring::{CaseFigures, Summary};
/// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
///
/// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let swindon = Policy::get(PolicyId::SwindonResolution2026);
/// // One case resolved at stage 2 in time; one still at stage 1 on
/// // Tuesday 9, six days after its two working days ran out.
/// let resolved = [
///     Event::raised(day(1), Raised::new()),
///     Event::escalated(day(3)),
///     Event::resolved(day(8)),
/// ];
/// let open = [Event::raised(day(1), Raised::new())];
/// let mut figures = Vec::new();
/// for events in [&resolved[..], &open[..]] {
///     figures.push(CaseFigures::of(&swindon.evaluate(calendar, events, day(9))?, calendar)?);
/// }
/// let summary: Summary = figures.iter().collect();
/// assert_eq!(summary.cases, 2);
/// assert_eq!((summary.by_state["resolved"], summary.by_state["open"]), (1, 1));
/// assert_eq!(summary.concluded_at_stage.get(&2), Some(&1));
/// assert_eq!((summary.within_time, summary.ended), (1, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// Cases counted.
    pub cases: usize,
    /// Cases by state (`open`, `resolved`, ...).
    pub by_state: BTreeMap<&'static str, usize>,
    /// Resolved or decided cases by the stage they concluded at.
    pub concluded_at_stage: BTreeMap<u8, usize>,
    /// Cases whose every stage kept to its clock.
    pub within_time: usize,
    /// Working days taken by the cases that have ended, summed.
    pub working_days_to_end: i64,
    /// Cases that have ended.
    pub ended: usize,
    /// Serious incidents, counted apart from the escalation cases above:
    /// by status, and whether each statutory clock was kept.
    pub serious_incidents: crate::serious_incident::IncidentSummary,
    /// Resolution Group referrals by status (`scheduled`, `closed`, ...),
    /// counted apart from the escalation cases.
    pub referrals: BTreeMap<&'static str, usize>,
}

impl Summary {
    /// Adds one case's figures.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::monitoring::{CaseFigures, Summary};
    /// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
    ///
    /// // A concern withdrawn the day after it was raised: it has ended, but
    /// // concluded at no stage.
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let events = [Event::raised(day(1), Raised::new()), Event::withdrawn(day(2))];
    /// let status = Policy::get(PolicyId::SwindonResolution2026).evaluate(calendar, &events, day(2))?;
    /// let mut summary = Summary::default();
    /// summary.add(&CaseFigures::of(&status, calendar)?);
    /// assert_eq!(summary.by_state.get("withdrawn"), Some(&1));
    /// assert!(summary.concluded_at_stage.is_empty());
    /// assert_eq!((summary.ended, summary.working_days_to_end), (1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, figures: &CaseFigures) {
        self.cases += 1;
        *self.by_state.entry(figures.state.as_str()).or_default() += 1;
        if let Some(stage) = figures.concluded_at_stage {
            *self.concluded_at_stage.entry(stage).or_default() += 1;
        }
        if figures.within_time {
            self.within_time += 1;
        }
        if figures.state != CaseState::Open {
            self.ended += 1;
            self.working_days_to_end += figures.working_days_taken;
        }
    }

    /// Adds one serious incident's figures (to [`Summary::serious_incidents`]
    /// only: the escalation figures are unchanged).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::monitoring::Summary;
    /// use safeguarding_resolution::serious_incident::{self as si, IncidentEvent, IncidentFigures};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let late = [IncidentEvent::aware(day(1)), IncidentEvent::notified(day(10))];
    /// let status = si::evaluate(calendar, si::Config::default(), &late, day(10))?;
    /// let mut summary = Summary::default();
    /// summary.add_serious_incident(&IncidentFigures::of(&status, calendar)?);
    /// assert_eq!(summary.cases, 0);
    /// assert_eq!(summary.serious_incidents.clocks["notification"], (0, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_serious_incident(&mut self, figures: &crate::serious_incident::IncidentFigures) {
        self.serious_incidents.add(figures);
    }

    /// The mean working days from raised to the end, over the cases that
    /// have ended.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::monitoring::{CaseFigures, Summary};
    /// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
    ///
    /// assert_eq!(Summary::default().mean_working_days_to_end(), None);
    ///
    /// // Raised on Monday 1 February 2027: one case resolved on Monday 8
    /// // (5 working days), one withdrawn on Tuesday 2 (1), and one still
    /// // open, which does not count.
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let swindon = Policy::get(PolicyId::SwindonResolution2026);
    /// let raised = Event::raised(day(1), Raised::new());
    /// let cases = [
    ///     vec![raised.clone(), Event::escalated(day(3)), Event::resolved(day(8))],
    ///     vec![raised.clone(), Event::withdrawn(day(2))],
    ///     vec![raised],
    /// ];
    /// let mut summary = Summary::default();
    /// for events in &cases {
    ///     summary.add(&CaseFigures::of(&swindon.evaluate(calendar, events, day(9))?, calendar)?);
    /// }
    /// assert_eq!(summary.mean_working_days_to_end(), Some(3.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mean_working_days_to_end(&self) -> Option<f64> {
        (self.ended > 0).then(|| self.working_days_to_end as f64 / self.ended as f64)
    }
}

impl<'a> FromIterator<&'a CaseFigures> for Summary {
    fn from_iter<I: IntoIterator<Item = &'a CaseFigures>>(figures: I) -> Summary {
        let mut summary = Summary::default();
        for f in figures {
            summary.add(f);
        }
        summary
    }
}

/// The figures serialize to the sweep's `summary` (CONTRACT section 10):
/// `cases`, `by_state`, `concluded_at_stage`, `within_time`, `ended`,
/// `mean_working_days_to_end` (null when none has ended) over escalation
/// cases, then `serious_incidents` and `referrals`.
impl serde::Serialize for Summary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Referrals<'a>(&'a BTreeMap<&'static str, usize>);
        impl serde::Serialize for Referrals<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("referrals", &self.0.values().sum::<usize>())?;
                map.serialize_entry("by_status", self.0)?;
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(8))?;
        map.serialize_entry("cases", &self.cases)?;
        map.serialize_entry("by_state", &self.by_state)?;
        map.serialize_entry("concluded_at_stage", &self.concluded_at_stage)?;
        map.serialize_entry("within_time", &self.within_time)?;
        map.serialize_entry("ended", &self.ended)?;
        map.serialize_entry("mean_working_days_to_end", &self.mean_working_days_to_end())?;
        map.serialize_entry("serious_incidents", &self.serious_incidents)?;
        map.serialize_entry("referrals", &Referrals(&self.referrals))?;
        map.end()
    }
}

/// Serious incidents' figures serialize as the sweep's
/// `summary.serious_incidents`: `incidents`, `by_status`, `clocks` (each
/// clock's `{"kept", "missed"}`, an overdue clock counted as missed),
/// `notified` and `mean_working_days_to_notify` (null when none was).
impl serde::Serialize for crate::serious_incident::IncidentSummary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        #[derive(serde::Serialize)]
        struct Kept {
            kept: usize,
            missed: usize,
        }
        let clocks: BTreeMap<&str, Kept> = self
            .clocks
            .iter()
            .map(|(name, &(kept, missed))| (*name, Kept { kept, missed }))
            .collect();
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("incidents", &self.incidents)?;
        map.serialize_entry("by_status", &self.by_status)?;
        map.serialize_entry("clocks", &clocks)?;
        map.serialize_entry("notified", &self.notified)?;
        map.serialize_entry(
            "mean_working_days_to_notify",
            &self.mean_working_days_to_notify(),
        )?;
        map.end()
    }
}
