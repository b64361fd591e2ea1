//! The agenda of a meeting, and the figures for the group's annual report
//! to the GSCP Executive.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{ReferralEvent, ReferralState, ReferralStatus, Schedule};
use crate::calendar::Calendar;
use crate::policy::{DueKind, Error, Event};

/// A referral on a meeting's agenda.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     agenda, DeadlineRule, PriorProcess, ReferralEvent, Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.by_agency = Some("Example Health Trust".into());
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::Conferencing];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let log = [ReferralEvent::submitted(day(9, 28), referral)];
/// let meeting = agenda::agenda(calendar, &schedule, day(10, 13), [(7, &log[..], None)])?;
/// let item = &meeting.new_referrals[0];
/// assert_eq!((item.referral, item.since), (7, day(9, 28)));
/// assert_eq!(item.by_agency.as_deref(), Some("Example Health Trust"));
/// assert_eq!(item.form, None); // a new referral, not a progress report
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AgendaItem<K> {
    /// The caller's key for the referral.
    pub referral: K,
    /// The referring agency.
    pub by_agency: Option<String>,
    /// For a new referral, the day it was submitted; for a progress report,
    /// the day the report was asked for.
    pub since: NaiveDate,
    /// For a progress report: written or in person.
    pub form: Option<&'static str>,
}

/// A meeting's agenda: new referrals scheduled for it, and previous
/// referrals with progress reports due at it ("Agenda slots will be kept for
/// previous referrals on which progress reports have been requested").
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     agenda, AgreedAction, Agreement, DeadlineRule, PriorProcess, ReferralEvent, ReportBack,
///     ReportForm, Schedule, Section, Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let meetings = vec![day(10, 13), day(11, 10), day(12, 8)];
/// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.marked_for_resolution_group = true;
/// referral.prior_process = vec![PriorProcess::DisputeResolution];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let mut agreement = Agreement::default();
/// agreement.actions.push(AgreedAction {
///     agency: "Example Children's Social Care".into(),
///     action: "Convene a strategy discussion".into(),
///     due: day(10, 23),
/// });
/// agreement.report_back = Some(ReportBack { meeting: day(11, 10), form: ReportForm::Written });
///
/// // R-1 was discussed in October and reports back in writing in November.
/// let r1 = [
///     ReferralEvent::submitted(day(9, 28), referral.clone()),
///     ReferralEvent::presented(day(10, 13)),
///     ReferralEvent::actions_agreed(day(10, 13), agreement),
/// ];
/// // R-2 missed October's latest date (Tuesday 6 October): it goes to November.
/// let r2 = [ReferralEvent::submitted(day(10, 7), referral.clone())];
/// // R-3's log cannot be evaluated: presented on a day that is no meeting.
/// let r3 = [
///     ReferralEvent::submitted(day(9, 28), referral),
///     ReferralEvent::presented(day(10, 14)),
/// ];
///
/// let referrals = [("R-1", &r1[..], None), ("R-2", &r2[..], None), ("R-3", &r3[..], None)];
/// let november = agenda::agenda(calendar, &schedule, day(11, 10), referrals)?;
/// assert_eq!(november.meeting, day(11, 10));
/// let new: Vec<&str> = november.new_referrals.iter().map(|i| i.referral).collect();
/// assert_eq!(new, ["R-2"]);
/// let report = &november.progress_reports[0];
/// assert_eq!((report.referral, report.since, report.form), ("R-1", day(10, 13), Some("written")));
/// assert_eq!(november.errors[0].0, "R-3");
/// // A day that is not a meeting has no agenda.
/// assert!(agenda::agenda(calendar, &schedule, day(11, 11), [("R-2", &r2[..], None)]).is_err());
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Agenda<K> {
    /// The meeting.
    pub meeting: NaiveDate,
    /// Complete referrals scheduled for the meeting, earliest submitted
    /// first (ties in the order given).
    pub new_referrals: Vec<AgendaItem<K>>,
    /// Referrals with a progress report due at the meeting, earliest asked
    /// first (ties in the order given).
    pub progress_reports: Vec<AgendaItem<K>>,
    /// Referrals that could not be evaluated, with their errors.
    pub errors: Vec<(K, Error)>,
}

/// The agenda of `meeting`, from the referrals' event logs evaluated on the
/// day of the meeting (each with its linked escalation case, if any).
///
/// # Errors
///
/// An `invalid_field` error when `meeting` is not one of the schedule's
/// meetings. Errors of single referrals go in [`Agenda::errors`].
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{agenda, DeadlineRule, ReferralEvent, Schedule, Section, Submission};
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
/// let schedule = Schedule::new(vec![day(1, 12), day(2, 9)], DeadlineRule::TermsOfReference)?;
/// let mut referral = Submission::new();
/// referral.by_agency = Some("Health".into());
/// referral.presenter = Some("Designated Nurse".into());
/// referral.marked_for_resolution_group = true;
/// referral.by_business_unit = true;
/// referral.risks = vec![safeguarding_resolution::resolution_group::Risk::SelfHarm];
/// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let log = [ReferralEvent::submitted(day(1, 4), referral)];
/// let cases = [("R-1", &log[..], None)];
/// let agenda = agenda::agenda(Calendar::uk(Division::EnglandAndWales), &schedule, day(1, 12), cases)?;
/// assert_eq!(agenda.new_referrals[0].referral, "R-1");
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
pub fn agenda<'e, K: Clone>(
    calendar: &Calendar,
    schedule: &Schedule,
    meeting: NaiveDate,
    referrals: impl IntoIterator<Item = (K, &'e [ReferralEvent], Option<&'e [Event]>)>,
) -> Result<Agenda<K>, Error> {
    if schedule.meetings().binary_search(&meeting).is_err() {
        return Err(Error::field(
            "meeting",
            "not one of the meetings given",
            None,
        ));
    }
    let mut new_referrals = Vec::new();
    let mut progress_reports = Vec::new();
    let mut errors = Vec::new();
    for (key, events, escalation) in referrals {
        // Evaluated as the meeting opens: events up to and including its day.
        let upto: Vec<ReferralEvent> = events
            .iter()
            .take_while(|e| e.on.date() <= meeting)
            .cloned()
            .collect();
        if upto.is_empty() {
            continue;
        }
        let status = match super::evaluate(calendar, schedule, &upto, meeting, escalation) {
            Ok(status) => status,
            Err(error) => {
                errors.push((key, error));
                continue;
            }
        };
        let scheduled_here = status
            .scheduling
            .as_ref()
            .is_some_and(|s| s.meeting == Some(meeting));
        let presented_here = status.presented_on == Some(meeting);
        if (status.state == ReferralState::Scheduled && scheduled_here) || presented_here {
            let since = status
                .scheduling
                .as_ref()
                .map(|s| s.submitted_on)
                .unwrap_or(meeting);
            new_referrals.push(AgendaItem {
                referral: key.clone(),
                by_agency: status.by_agency.clone(),
                since,
                form: None,
            });
        }
        let report = status.obligations.iter().find(|o| {
            // A report that lapsed when the referral ended keeps no slot.
            o.id == "progress_report"
                && o.due.kind == DueKind::ByEndOf(meeting)
                && o.lapsed_on.is_none()
                && o.done_on.is_none_or(|d| d >= meeting)
        });
        if let Some(report) = report {
            let form = if report.what.ends_with("in writing") {
                "written"
            } else {
                "in_person"
            };
            progress_reports.push(AgendaItem {
                referral: key,
                by_agency: status.by_agency.clone(),
                since: report.arose_on,
                form: Some(form),
            });
        }
    }
    new_referrals.sort_by_key(|i| i.since);
    progress_reports.sort_by_key(|i| i.since);
    Ok(Agenda {
        meeting,
        new_referrals,
        progress_reports,
        errors,
    })
}

/// The figures of the group's annual report to the GSCP Executive ("whether
/// the Resolution Group is achieving its intended impact").
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::agenda::AnnualFigures;
/// use safeguarding_resolution::resolution_group::{
///     self as rg, DeadlineRule, PriorProcess, ReferralEvent, ReferralEventKind, Schedule, Section,
///     Submission,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let meetings = vec![day(10, 13), day(11, 10)];
/// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
/// let referral = |agency: &str| {
///     let mut referral = Submission::new();
///     referral.by_agency = Some(agency.into());
///     referral.marked_for_resolution_group = true;
///     referral.prior_process = vec![PriorProcess::DisputeResolution];
///     referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
///     referral
/// };
/// let withdrawn = ReferralEvent {
///     on: day(10, 2).into(),
///     kind: ReferralEventKind::Withdrawn { reason: None },
/// };
/// let logs = [
///     vec![
///         ReferralEvent::submitted(day(9, 28), referral("Example Constabulary")),
///         ReferralEvent::presented(day(10, 13)),
///         ReferralEvent::closed(day(10, 13)),
///     ],
///     vec![ReferralEvent::submitted(day(9, 30), referral("Example Constabulary")), withdrawn],
///     vec![ReferralEvent::submitted(day(10, 7), referral("Example Health Trust"))],
/// ];
/// let mut figures = AnnualFigures::default();
/// for log in &logs {
///     let status = rg::evaluate(calendar, &schedule, log, day(10, 14), None)?;
///     figures.add(&status, calendar)?;
/// }
/// assert_eq!(figures.referrals, 3);
/// assert_eq!(figures.per_agency["Example Constabulary"], 2);
/// let outcomes: Vec<(&str, usize)> = figures.per_outcome.iter().map(|(k, v)| (*k, *v)).collect();
/// assert_eq!(outcomes, [("closed", 1), ("scheduled", 1), ("withdrawn", 1)]);
/// // Presented on the eleventh working day after its submission.
/// assert_eq!(figures.working_days_to_meeting, [11]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct AnnualFigures {
    /// Referrals counted.
    pub referrals: usize,
    /// Referrals per referring agency (`(not stated)` when none was named).
    pub per_agency: BTreeMap<String, usize>,
    /// Referrals per state (`closed`, `escalated`, ...).
    pub per_outcome: BTreeMap<&'static str, usize>,
    /// For presented referrals, working days from submission to the meeting.
    pub working_days_to_meeting: Vec<i64>,
    /// Agreed actions counted.
    pub actions: usize,
    /// Actions completed by their due date.
    pub actions_completed_on_time: usize,
    /// Actions completed after their due date.
    pub actions_completed_late: usize,
    /// Actions not completed and past due.
    pub actions_overdue: usize,
}

impl AnnualFigures {
    /// Adds one referral's status.
    ///
    /// # Errors
    ///
    /// A calendar error if the referral's dates are off the calendar (they
    /// cannot be, for a status the same calendar produced).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::resolution_group::agenda::AnnualFigures;
    /// use safeguarding_resolution::resolution_group::{
    ///     self as rg, AgreedAction, Agreement, DeadlineRule, PriorProcess, ReferralEvent,
    ///     ReportBack, ReportForm, Schedule, Section, Submission,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let meetings = vec![day(10, 13), day(11, 10)];
    /// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
    /// let mut referral = Submission::new();
    /// referral.marked_for_resolution_group = true;
    /// referral.prior_process = vec![PriorProcess::DisputeResolution];
    /// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
    /// // Three actions due Friday 23 October.
    /// let mut agreement = Agreement::default();
    /// for agency in ["Example Constabulary", "Example Health Trust", "Example Education"] {
    ///     agreement.actions.push(AgreedAction {
    ///         agency: agency.into(),
    ///         action: "Share the agency's chronology".into(),
    ///         due: day(10, 23),
    ///     });
    /// }
    /// let report = ReportBack { meeting: day(11, 10), form: ReportForm::Written };
    /// agreement.report_back = Some(report);
    /// let events = [
    ///     ReferralEvent::submitted(day(9, 28), referral),
    ///     ReferralEvent::presented(day(10, 13)),
    ///     ReferralEvent::actions_agreed(day(10, 13), agreement),
    ///     ReferralEvent::action_completed(day(10, 22), 0), // in time
    ///     ReferralEvent::action_completed(day(10, 26), 1), // late
    /// ];
    /// let status = rg::evaluate(calendar, &schedule, &events, day(10, 30), None)?;
    /// let mut figures = AnnualFigures::default();
    /// figures.add(&status, calendar)?;
    /// assert_eq!(figures.actions, 3);
    /// assert_eq!(figures.actions_completed_on_time, 1);
    /// assert_eq!(figures.actions_completed_late, 1);
    /// assert_eq!(figures.actions_overdue, 1); // the third, not done by 30 October
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(
        &mut self,
        status: &ReferralStatus,
        calendar: &Calendar,
    ) -> Result<(), crate::calendar::Error> {
        self.referrals += 1;
        let agency = status
            .by_agency
            .clone()
            .unwrap_or_else(|| "(not stated)".to_string());
        *self.per_agency.entry(agency).or_default() += 1;
        *self.per_outcome.entry(status.state.as_str()).or_default() += 1;
        if let (Some(presented), Some(scheduling)) = (status.presented_on, &status.scheduling) {
            self.working_days_to_meeting
                .push(calendar.working_days_between(scheduling.submitted_on, presented)?);
        }
        for action in &status.actions {
            self.actions += 1;
            match action.done_on {
                Some(done) if done <= action.due => self.actions_completed_on_time += 1,
                Some(_) => self.actions_completed_late += 1,
                None if action.overdue => self.actions_overdue += 1,
                None => {}
            }
        }
        Ok(())
    }

    /// The mean working days from submission to the meeting.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::resolution_group::agenda::AnnualFigures;
    /// use safeguarding_resolution::resolution_group::{
    ///     self as rg, DeadlineRule, PriorProcess, ReferralEvent, Schedule, Section, Submission,
    /// };
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let meetings = vec![day(10, 13), day(11, 10)];
    /// let schedule = Schedule::new(meetings, DeadlineRule::TermsOfReference)?;
    /// let mut referral = Submission::new();
    /// referral.marked_for_resolution_group = true;
    /// referral.prior_process = vec![PriorProcess::DisputeResolution];
    /// referral.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
    ///
    /// let mut figures = AnnualFigures::default();
    /// assert_eq!(figures.mean_working_days_to_meeting(), None);
    /// // Submitted on 28 September for 13 October: 11 working days; on 7 October
    /// // for 10 November: 24.
    /// for (submitted, meeting) in [(day(9, 28), day(10, 13)), (day(10, 7), day(11, 10))] {
    ///     let events = [
    ///         ReferralEvent::submitted(submitted, referral.clone()),
    ///         ReferralEvent::presented(meeting),
    ///     ];
    ///     let status = rg::evaluate(calendar, &schedule, &events, meeting, None)?;
    ///     figures.add(&status, calendar)?;
    /// }
    /// assert_eq!(figures.working_days_to_meeting, [11, 24]);
    /// assert_eq!(figures.mean_working_days_to_meeting(), Some(17.5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mean_working_days_to_meeting(&self) -> Option<f64> {
        let n = self.working_days_to_meeting.len();
        (n > 0).then(|| self.working_days_to_meeting.iter().sum::<i64>() as f64 / n as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Division;
    use crate::resolution_group::{DeadlineRule, Section, Submission};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).unwrap()
    }

    #[test]
    fn an_agenda_for_a_day_that_is_not_a_meeting_is_an_error() {
        let schedule = Schedule::new(vec![day(1, 12)], DeadlineRule::TermsOfReference).unwrap();
        let mut referral = Submission::new();
        referral.sections = Section::ALL.iter().map(|s| (*s, "x".into())).collect();
        let log = [ReferralEvent::submitted(day(1, 4), referral)];
        let cases = [(1, &log[..], None)];
        let err = agenda(
            Calendar::uk(Division::EnglandAndWales),
            &schedule,
            day(1, 13),
            cases,
        )
        .unwrap_err();
        assert_eq!(err.code(), "invalid_field");
    }
}
