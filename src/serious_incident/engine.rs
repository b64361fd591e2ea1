//! The engine that replays a serious incident's events against the tables
//! of section 9 and reads the clocks off the result.

use chrono::{Days, NaiveDate};

use super::table::{self, ClockRule, Guard, IncidentEventType, Phase};
use super::{
    ClockStatus, Config, Count, Counted, DUTY_TO_NOTIFY_SINCE, Error, ErrorKind, IncidentEvent,
    IncidentEventKind, IncidentStatus, ReviewOutcome, SentDocument,
};
use crate::calendar::Calendar;
use crate::terms::{Due, DueKind, ObligationStatus, Text, Warning};

/// The notification's rule when the incident became known before the duty
/// began.
const BEFORE_THE_DUTY: &str = "none: the duty to notify the Panel within 5 working days applies since 29 June 2018, and this incident became known before it (GSCP arrangements, 9.1)";
const AFTER_NOTIFICATION: &str =
    "15 days of the notification, counted once the notification is made (GSCP arrangements, 9.4)";
const DECISION_NO_TIME: &str =
    "the arrangements state no time for the GSCP Executive's decision (GSCP arrangements, 9.5)";
const PUBLISHING_NO_TIME: &str = "the arrangements state no time for the decision on publishing arrangements (GSCP arrangements, 9.6)";
const NO_DATE_YET: &str = "no less than 7 working days ahead of publication; no publication date is planned yet (GSCP arrangements, 9.6)";

struct Run<'a> {
    calendar: &'a Calendar,
    phase: Option<Phase>,
    aware_on: NaiveDate,
    notified_on: Option<NaiveDate>,
    rapid_review_completed_on: Option<NaiveDate>,
    decision: Option<(ReviewOutcome, NaiveDate, usize)>,
    /// The first day publishing arrangements were settled (a date planned,
    /// the report published, or the rationale for not publishing sent).
    arrangements_on: Option<NaiveDate>,
    /// The publication date last planned, with its event.
    publish_on: Option<(NaiveDate, usize)>,
    sent: Option<(SentDocument, NaiveDate)>,
    published: Option<(NaiveDate, usize)>,
    ended_on: Option<NaiveDate>,
    warnings: Vec<Warning>,
}

/// The status of a serious incident at `as_of`: its phase, the statutory
/// clocks with their due dates (and the bank holidays they skipped, through
/// [`Counted::skipped`]), the duties, and the events allowed next.
///
/// # Errors
///
/// - [`ErrorKind::InvalidField`]: no events; a `publish_on` before the
///   decision to commission the review, or before the day it was planned;
///   `as_of` before the last event;
/// - [`ErrorKind::EventsOutOfOrder`]: an event dated before the one before it;
/// - [`ErrorKind::InvalidTransition`]: a first event other than `aware`, or
///   any event section 9 does not allow at that point, naming the events
///   that were allowed;
/// - [`ErrorKind::OutOfCalendarRange`]: a date, or a due date counted from
///   one, outside the calendar.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::serious_incident::{
///     self as si, ClockName, IncidentEvent, Phase, ReviewOutcome,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
/// let events = [
///     IncidentEvent::aware(day(1, 4)),
///     IncidentEvent::notified(day(1, 7)),
///     IncidentEvent::rapid_review_completed(day(1, 20)),
///     IncidentEvent::review_decided(day(2, 1), ReviewOutcome::Commission),
///     IncidentEvent::publication_planned(day(5, 10), day(6, 3)),
/// ];
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let status = si::evaluate(calendar, si::Config::default(), &events, day(5, 10))?;
/// assert_eq!(status.phase, Phase::PublicationPlanned);
/// // Seven working days before Thursday 3 June 2027, over the spring bank
/// // holiday of Monday 31 May: Monday 24 May.
/// let report = status.clock(ClockName::ReportToPanelAndDfe).unwrap();
/// assert_eq!(report.due.date(), Some(day(5, 24)));
/// # Ok::<(), safeguarding_resolution::serious_incident::Error>(())
/// ```
pub fn evaluate(
    calendar: &Calendar,
    config: Config,
    events: &[IncidentEvent],
    as_of: NaiveDate,
) -> Result<IncidentStatus, Error> {
    let Some(first) = events.first() else {
        return Err(Error::field(
            "events",
            "at least one event, the first being aware",
            None,
        ));
    };
    if first.event_type() != IncidentEventType::Aware {
        return Err(Error::new(
            ErrorKind::InvalidTransition {
                index: 0,
                event: first.event_type(),
                problem: "the first event must be aware".to_string(),
                allowed: vec![IncidentEventType::Aware],
            },
            Some(0),
        ));
    }
    for (index, pair) in events.windows(2).enumerate() {
        if pair[1].on.is_before(pair[0].on) {
            return Err(Error::new(
                ErrorKind::EventsOutOfOrder { index: index + 1 },
                Some(index + 1),
            ));
        }
    }
    let last = events.len() - 1;
    if as_of < events[last].on.date() {
        return Err(Error::field(
            "as_of",
            format!(
                "expected a date on or after the day of the last event (events[{last}]); status is evaluated after it"
            ),
            None,
        ));
    }
    calendar
        .is_working_day(first.on.date())
        .map_err(|e| Error::calendar("events[0].on", e, Some(0)))?;
    calendar
        .is_working_day(as_of)
        .map_err(|e| Error::calendar("as_of", e, None))?;

    let mut run = Run {
        calendar,
        phase: None,
        aware_on: first.on.date(),
        notified_on: None,
        rapid_review_completed_on: None,
        decision: None,
        arrangements_on: None,
        publish_on: None,
        sent: None,
        published: None,
        ended_on: None,
        warnings: Vec::new(),
    };
    for (index, event) in events.iter().enumerate() {
        run.apply(index, event)?;
    }
    run.finish(config, as_of)
}

impl Run<'_> {
    fn refuse(&self, index: usize, event: &IncidentEvent) -> Error {
        let kind = event.event_type();
        let problem = match self.phase {
            None => "the first event must be aware".to_string(),
            Some(phase) if phase.is_final() => {
                format!("the section 9 process has ended ({})", phase.status())
            }
            Some(phase) => problem(phase, event),
        };
        Error::new(
            ErrorKind::InvalidTransition {
                index,
                event: kind,
                problem,
                allowed: table::allowed_from(self.phase),
            },
            Some(index),
        )
    }

    fn apply(&mut self, index: usize, event: &IncidentEvent) -> Result<(), Error> {
        let guard = match event.kind {
            IncidentEventKind::ReviewDecided(outcome) => Guard::Outcome(outcome),
            IncidentEventKind::ReportSent(document) => Guard::Document(document),
            _ => Guard::Any,
        };
        let Some(mv) = table::find(self.phase, event.event_type(), guard) else {
            return Err(self.refuse(index, event));
        };
        let on = event.on.date();
        match event.kind {
            IncidentEventKind::Aware => {}
            IncidentEventKind::Notified => self.notified_on = Some(on),
            IncidentEventKind::RapidReviewCompleted => self.rapid_review_completed_on = Some(on),
            IncidentEventKind::ReviewDecided(outcome) => self.decision = Some((outcome, on, index)),
            IncidentEventKind::PublicationPlanned { publish_on } => {
                self.plan(index, on, publish_on)?;
            }
            IncidentEventKind::ReportSent(document) => {
                self.sent = Some((document, on));
                if document == SentDocument::RationaleForNotPublishing {
                    self.arrangements_on.get_or_insert(on);
                }
            }
            IncidentEventKind::Published => {
                self.arrangements_on.get_or_insert(on);
                self.published = Some((on, index));
                if let Some((planned, at)) = self.publish_on {
                    if planned != on {
                        self.warnings.push(Warning::new(
                            index,
                            format!(
                                "published on a day other than the publication date planned at events[{at}]; the report's clock counts from the day of publication"
                            ),
                            table::REPORT_TO_PANEL_AND_DFE.clause.clone(),
                        ));
                    }
                }
            }
        }
        self.phase = Some(mv.to);
        if mv.to.is_final() {
            self.ended_on = Some(on);
        }
        Ok(())
    }

    fn plan(&mut self, index: usize, on: NaiveDate, publish_on: NaiveDate) -> Result<(), Error> {
        let place = format!("events[{index}].publish_on");
        if let Some((_, decided_on, at)) = self.decision {
            if publish_on < decided_on {
                return Err(Error::field(
                    place,
                    format!(
                        "expected a publication date on or after the decision to commission the review (events[{at}])"
                    ),
                    Some(index),
                ));
            }
        }
        if publish_on < on {
            return Err(Error::field(
                place,
                "expected a publication date on or after the day it was planned (this event's on)",
                Some(index),
            ));
        }
        // The report's clock is counted back from it: the calendar must
        // reach it.
        self.calendar
            .subtract_working_days(publish_on, 7)
            .map_err(|e| Error::calendar(place, e, Some(index)))?;
        self.arrangements_on.get_or_insert(on);
        self.publish_on = Some((publish_on, index));
        Ok(())
    }

    /// A clock's status once its due date (or its absence) is known.
    fn clock(
        &self,
        rule: &'static ClockRule,
        due: Due,
        counted: Option<Counted>,
        met_on: Option<NaiveDate>,
        as_of: NaiveDate,
    ) -> Result<ClockStatus, Error> {
        let between = |a: NaiveDate, b: NaiveDate| {
            self.calendar
                .working_days_between(a, b)
                .map_err(|e| Error::calendar(rule.name.as_str(), e, None))
        };
        let date = due.date();
        let met_in_time = match (date, met_on) {
            (Some(date), Some(met)) => Some(met <= date),
            _ => None,
        };
        let working_days_late = match (date, met_on) {
            (Some(date), Some(met)) if met > date => between(date, met)?,
            _ => 0,
        };
        let overdue = met_on.is_none() && due.is_past(as_of);
        let working_days_overdue = match date {
            Some(date) if overdue => between(date, as_of)?,
            _ => 0,
        };
        Ok(ClockStatus {
            name: rule.name,
            what: rule.what,
            due,
            counted,
            met_on,
            met_in_time,
            working_days_late,
            overdue,
            working_days_overdue,
            clause: rule.clause.clone(),
        })
    }

    /// The due date of a clock counted from `from`.
    fn count(
        &self,
        rule: &'static ClockRule,
        from: NaiveDate,
        place: &str,
        index: Option<usize>,
    ) -> Result<(Due, Counted), Error> {
        let fail = |e| Error::calendar(place, e, index);
        let (date, counted_from) = match rule.count {
            Count::WorkingDaysAfter(n) => (
                self.calendar.add_working_days(from, n).map_err(fail)?,
                Some((from, n)),
            ),
            Count::DaysAfter(n) => match from.checked_add_days(Days::new(u64::from(n))) {
                Some(date) => (date, None),
                None => {
                    return Err(Error::field(
                        place,
                        "expected a date whose clock ends within the dates a calendar can hold",
                        index,
                    ));
                }
            },
            Count::WorkingDaysBefore(n) => (
                self.calendar.subtract_working_days(from, n).map_err(fail)?,
                None,
            ),
        };
        let due = Due {
            kind: DueKind::ByEndOf(date),
            rule: Text::from_static(rule.rule),
            counted_from,
        };
        Ok((
            due,
            Counted {
                from,
                count: rule.count,
            },
        ))
    }

    fn finish(mut self, config: Config, as_of: NaiveDate) -> Result<IncidentStatus, Error> {
        let [notification_rule, rapid_rule, report_rule] = config.clocks();
        let undated = |rule: &'static str| Due {
            kind: DueKind::NotStated,
            rule: Text::from_static(rule),
            counted_from: None,
        };

        // 9.1: the duty to notify applies since 29 June 2018.
        let notification = if self.aware_on < DUTY_TO_NOTIFY_SINCE {
            self.warnings.push(Warning::new(
                0,
                "the local authority became aware before 29 June 2018, when the duty to notify the Child Safeguarding Practice Review Panel began; the notification has no clock".to_string(),
                notification_rule.clause.clone(),
            ));
            self.clock(
                notification_rule,
                undated(BEFORE_THE_DUTY),
                None,
                self.notified_on,
                as_of,
            )?
        } else {
            let (due, counted) =
                self.count(notification_rule, self.aware_on, "events[0].on", Some(0))?;
            self.clock(
                notification_rule,
                due,
                Some(counted),
                self.notified_on,
                as_of,
            )?
        };

        let rapid_review = match self.notified_on {
            Some(notified_on) => {
                let (due, counted) = self.count(rapid_rule, notified_on, "rapid_review", None)?;
                self.clock(
                    rapid_rule,
                    due,
                    Some(counted),
                    self.rapid_review_completed_on,
                    as_of,
                )?
            }
            None => self.clock(rapid_rule, undated(AFTER_NOTIFICATION), None, None, as_of)?,
        };

        // 9.6: counted back from the day of publication once it happened,
        // else from the date last planned.
        let publication = self.published.or(self.publish_on);
        let report = match publication {
            Some((day, index)) => {
                let place = format!("events[{index}]");
                let (due, counted) = self.count(report_rule, day, &place, Some(index))?;
                Some(self.clock(
                    report_rule,
                    due,
                    Some(counted),
                    self.sent.map(|(_, on)| on),
                    as_of,
                )?)
            }
            None => None,
        };

        let mut obligations = Vec::with_capacity(5);
        let [notify, rapid, decide, arrangements, copy] = &table::DUTIES;
        let owe = |rule: &table::DutyRule,
                   arose_on: NaiveDate,
                   due: Due,
                   done_on: Option<NaiveDate>,
                   overdue: bool| {
            let mut obligation = ObligationStatus::new(
                Text::from_static(rule.id),
                Text::from_static(rule.what),
                None,
                arose_on,
                due,
                rule.clause.clone(),
            );
            obligation.done_on = done_on;
            obligation.overdue = overdue;
            obligation
        };
        obligations.push(owe(
            notify,
            self.aware_on,
            notification.due.clone(),
            self.notified_on,
            notification.overdue,
        ));
        if let Some(notified_on) = self.notified_on {
            obligations.push(owe(
                rapid,
                notified_on,
                rapid_review.due.clone(),
                self.rapid_review_completed_on,
                rapid_review.overdue,
            ));
        }
        if let Some(completed_on) = self.rapid_review_completed_on {
            obligations.push(owe(
                decide,
                completed_on,
                undated(DECISION_NO_TIME),
                self.decision.map(|(_, on, _)| on),
                false,
            ));
        }
        if let Some((ReviewOutcome::Commission, decided_on, _)) = self.decision {
            obligations.push(owe(
                arrangements,
                decided_on,
                undated(PUBLISHING_NO_TIME),
                self.arrangements_on,
                false,
            ));
            let (due, overdue) = match &report {
                Some(clock) => (clock.due.clone(), clock.overdue),
                None => (undated(NO_DATE_YET), false),
            };
            obligations.push(owe(
                copy,
                decided_on,
                due,
                self.sent.map(|(_, on)| on),
                overdue,
            ));
        }

        let mut clocks = Vec::with_capacity(3);
        clocks.push(notification);
        clocks.push(rapid_review);
        clocks.extend(report);
        let phase = self.phase.unwrap_or(Phase::Aware);
        Ok(IncidentStatus {
            config,
            as_of,
            phase,
            overdue: clocks.iter().any(|c| c.overdue),
            clocks,
            obligations,
            next: table::allowed_from(Some(phase)),
            warnings: self.warnings,
            aware_on: self.aware_on,
            notified_on: self.notified_on,
            rapid_review_completed_on: self.rapid_review_completed_on,
            decision: self.decision.map(|(outcome, on, _)| (outcome, on)),
            publish_on: self.publish_on.map(|(day, _)| day),
            sent: self.sent,
            published_on: self.published.map(|(day, _)| day),
            ended_on: self.ended_on,
        })
    }
}

/// Why an event is not allowed in a phase that has not ended, in words.
fn problem(phase: Phase, event: &IncidentEvent) -> String {
    use IncidentEventType as E;
    let commissioned = matches!(
        phase,
        Phase::ReviewCommissioned
            | Phase::PublicationPlanned
            | Phase::ReportSent
            | Phase::PublishedReportNotSent
    );
    let text = match event.event_type() {
        E::Aware => "the local authority is already aware of this incident (events[0])",
        E::Notified => "the Panel was already notified",
        E::RapidReviewCompleted if phase == Phase::Aware => {
            "the Panel has not been notified: the rapid review follows the notification (9.4)"
        }
        E::RapidReviewCompleted => "the rapid review was already completed",
        E::ReviewDecided if matches!(phase, Phase::Aware | Phase::Notified) => {
            "the rapid review has not been completed: the decision is informed by its findings (9.5)"
        }
        E::ReviewDecided => "the decision on a local review was already made",
        E::PublicationPlanned | E::ReportSent | E::Published if !commissioned => {
            "no local child safeguarding practice review has been commissioned"
        }
        E::PublicationPlanned => "the report was already published",
        E::ReportSent => match event.kind {
            IncidentEventKind::ReportSent(SentDocument::RationaleForNotPublishing) => {
                "the report has already gone to the National Panel and the DfE, or been published: a rationale for not publishing no longer applies"
            }
            _ => "the report has already gone to the National Panel and the DfE",
        },
        E::Published => "the report was already published",
    };
    text.to_string()
}
